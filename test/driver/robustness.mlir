// Inputs that once broke the driver or the pass (issue 13): each op is left with a reason.
// RUN: %opt --split-input-file --convert-torch-onnx-to-torch --verify-diagnostics --report %s
// RUN: %opt --split-input-file --convert-torch-onnx-to-torch %s | filecheck %s
// RUN: %python -c "import sys; sys.stdout.buffer.write(open(sys.argv[1], 'rb').read().split(b'// NONUTF8' + b'\n')[1].replace(b'a@b', b'a\xffb'))" %s > %t.mlir
// RUN: %opt --convert-torch-onnx-to-torch --report %t.mlir 2>&1 | filecheck %s --check-prefix=BYTES
// A bad option of our pass, as a flag or in a pipeline, is a one-line error, not a traceback.
// RUN: not %opt --convert-torch-onnx-to-torch=bogus %s 2>&1 | filecheck %s --check-prefix=OPTION
// RUN: not %opt --pass-pipeline='builtin.module(func.func(convert-torch-onnx-to-torch{strict=maybe}))' %s 2>&1 | filecheck %s --check-prefix=VALUE
// OPTION: robustness.mlir: error: unknown option 'bogus' for convert-torch-onnx-to-torch (known: strict)
// VALUE: robustness.mlir: error: bad value 'maybe' for option 'strict'

// An opset version that is a string (not an integer) declines every op, no traceback.
// CHECK-LABEL: func.func @test_opset_version_string
func.func @test_opset_version_string(%arg0: !torch.vtensor<[2],f32>) -> !torch.vtensor<[2],f32> attributes {torch.onnx_meta.opset_version = "17"} {
  // CHECK: torch.operator "onnx.Abs"
  // expected-remark@+1 {{onnx.Abs was not converted: opset version '17' is not an integer}}
  %0 = torch.operator "onnx.Abs"(%arg0) : (!torch.vtensor<[2],f32>) -> !torch.vtensor<[2],f32>
  return %0 : !torch.vtensor<[2],f32>
}

// -----

// An opset version that is neither a number nor a string.
// CHECK-LABEL: func.func @test_opset_version_array
func.func @test_opset_version_array(%arg0: !torch.vtensor<[2],f32>) -> !torch.vtensor<[2],f32> attributes {torch.onnx_meta.opset_version = [17], torch.onnx_meta.opset_versions = 3 : si64} {
  // expected-remark@+1 {{onnx.Abs was not converted: opset version '[17]' is not an integer}}
  %0 = torch.operator "onnx.Abs"(%arg0) : (!torch.vtensor<[2],f32>) -> !torch.vtensor<[2],f32>
  return %0 : !torch.vtensor<[2],f32>
}

// -----

// Binary ops check their operand and result counts against the ONNX schema: a third operand
// is not silently dropped, a missing result is not an internal error.
// CHECK-LABEL: func.func @test_add_arity
func.func @test_add_arity(%arg0: !torch.vtensor<[2],f32>) -> !torch.vtensor<[2],f32> attributes {torch.onnx_meta.opset_version = 17 : si64} {
  // CHECK: torch.operator "onnx.Add"(%arg0, %arg0, %arg0)
  // expected-remark@+1 {{onnx.Add was not converted: ONNX Add-17 takes 2 operands, this op has 3}}
  %0 = torch.operator "onnx.Add"(%arg0, %arg0, %arg0) : (!torch.vtensor<[2],f32>, !torch.vtensor<[2],f32>, !torch.vtensor<[2],f32>) -> !torch.vtensor<[2],f32>
  // CHECK: torch.operator "onnx.Add"(%arg0, %arg0) : (!torch.vtensor<[2],f32>, !torch.vtensor<[2],f32>) -> ()
  // expected-remark@+1 {{onnx.Add was not converted: ONNX Add-17 takes 1 result, this op has 0}}
  torch.operator "onnx.Add"(%arg0, %arg0) : (!torch.vtensor<[2],f32>, !torch.vtensor<[2],f32>) -> ()
  // expected-remark@+1 {{onnx.Neg was not converted: ONNX Neg-17 takes 1 operand, this op has 0}}
  %1 = torch.operator "onnx.Neg"() : () -> !torch.vtensor<[2],f32>
  return %0 : !torch.vtensor<[2],f32>
}

// -----

// NONUTF8
// A non-UTF-8 byte in a string attribute (the @ in "a@b" becomes 0xFF) is parsed like MLIR does;
// a handler reading such an attribute declines.
// BYTES: remark: onnx.DepthToSpace was not converted: attribute 'mode' is not valid UTF-8
// BYTES-LABEL: func.func @main
// BYTES: torch.aten.neg %arg0
// BYTES: torch.operator "onnx.DepthToSpace"
func.func @main(%arg0: !torch.vtensor<[2],f32>, %arg1: !torch.vtensor<[1,4,2,2],f32>) -> (!torch.vtensor<[2],f32>, !torch.vtensor<[1,1,4,4],f32>) attributes {torch.onnx_meta.opset_version = 21 : si64, note = "a@b"} {
  %0 = torch.operator "onnx.Neg"(%arg0) : (!torch.vtensor<[2],f32>) -> !torch.vtensor<[2],f32>
  // expected-remark@+1 {{onnx.DepthToSpace was not converted: }}
  %1 = torch.operator "onnx.DepthToSpace"(%arg1) {torch.onnx.blocksize = 2 : si64, torch.onnx.mode = "a@b"} : (!torch.vtensor<[1,4,2,2],f32>) -> !torch.vtensor<[1,1,4,4],f32>
  return %0, %1 : !torch.vtensor<[2],f32>, !torch.vtensor<[1,1,4,4],f32>
}

// -----

// A sequence where the ONNX schema takes only tensors (an op swapped by the fuzzer) is
// declined before the handler builds an invalid aten op on it.
// CHECK-LABEL: func.func @test_sqrt_of_sequence
func.func @test_sqrt_of_sequence(%arg0: !torch.list<vtensor<[2],f32>>) -> !torch.list<vtensor<[2],f32>> attributes {torch.onnx_meta.opset_version = 17 : si64} {
  // expected-remark@+1 {{onnx.Sqrt was not converted: operand #0 is !torch.list<vtensor<[2],f32>> where ONNX Sqrt-17 takes a tensor}}
  %0 = torch.operator "onnx.Sqrt"(%arg0) : (!torch.list<vtensor<[2],f32>>) -> !torch.list<vtensor<[2],f32>>
  return %0 : !torch.list<vtensor<[2],f32>>
}

// -----

// The same for an optional operand (was an invalid aten.reciprocal).
// CHECK-LABEL: func.func @test_reciprocal_of_optional
func.func @test_reciprocal_of_optional(%arg0: !torch.optional<vtensor<[2],f32>>) -> !torch.vtensor<[2],f32> attributes {torch.onnx_meta.opset_version = 17 : si64} {
  // expected-remark@+1 {{onnx.Reciprocal was not converted: operand #0 is !torch.optional<vtensor<[2],f32>> where ONNX Reciprocal-17 takes a tensor}}
  %0 = torch.operator "onnx.Reciprocal"(%arg0) : (!torch.optional<vtensor<[2],f32>>) -> !torch.vtensor<[2],f32>
  return %0 : !torch.vtensor<[2],f32>
}

// -----

// Negative sizes are a decline, not an internal error (found by the fuzzer).
// CHECK-LABEL: func.func @test_resize_negative_sizes
func.func @test_resize_negative_sizes(%arg0: !torch.vtensor<[1,1,4,4],f32>) -> !torch.vtensor<*,f32> attributes {torch.onnx_meta.opset_version = 19 : si64} {
  %none = torch.constant.none
  %sizes = torch.vtensor.literal(dense<[1, 1, -2, 4]> : tensor<4xsi64>) : !torch.vtensor<[4],si64>
  // expected-remark@+1 {{onnx.Resize was not converted: negative output size in [1, 1, -2, 4]}}
  %0 = torch.operator "onnx.Resize"(%arg0, %none, %none, %sizes) {torch.onnx.mode = "nearest"} : (!torch.vtensor<[1,1,4,4],f32>, !torch.none, !torch.none, !torch.vtensor<[4],si64>) -> !torch.vtensor<*,f32>
  return %0 : !torch.vtensor<*,f32>
}

// -----

// A huge num_scan_inputs (2**62) once made the body-argument retyping before the conversion
// allocate without bound; now the Scan handler declines it.
// CHECK-LABEL: func.func @test_scan_huge_num_scan_inputs
func.func @test_scan_huge_num_scan_inputs(%arg0: !torch.vtensor<[2],f32>, %arg1: !torch.vtensor<[3,2],f32>) -> (!torch.vtensor<[2],f32>, !torch.vtensor<[3,2],f32>) attributes {torch.onnx_meta.opset_version = 9 : si64} {
  // CHECK: torch.operator "onnx.Scan"
  // expected-remark@+1 {{onnx.Scan was not converted: num_scan_inputs=4611686018427387904 but only 2 inputs}}
  %0:2 = torch.operator "onnx.Scan"(%arg0, %arg1) {torch.onnx.num_scan_inputs = 4611686018427387904 : si64} : (!torch.vtensor<[2],f32>, !torch.vtensor<[3,2],f32>) -> (!torch.vtensor<[2],f32>, !torch.vtensor<[3,2],f32>) {
  ^bb0(%arg2: !torch.vtensor<[2],f32>, %arg3: !torch.vtensor<[2],f32>):
    %1 = torch.operator "onnx.Add"(%arg2, %arg3) : (!torch.vtensor<[2],f32>, !torch.vtensor<[2],f32>) -> !torch.vtensor<[2],f32>
    torch.operator_terminator %1, %1 : !torch.vtensor<[2],f32>, !torch.vtensor<[2],f32>
  }
  return %0#0, %0#1 : !torch.vtensor<[2],f32>, !torch.vtensor<[3,2],f32>
}

// -----

// A size that overflows 64 bits (a product of huge dims) is a decline, not a bad_cast.
// CHECK-LABEL: func.func @test_flatten_overflowing_size
func.func @test_flatten_overflowing_size(%arg0: !torch.vtensor<[?,3,5,4611686018427387904],f32>) -> !torch.vtensor<[?,?],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // expected-remark@+1 {{onnx.Flatten was not converted: integer 69175290276410818560 does not fit in 64 bits}}
  %0 = torch.operator "onnx.Flatten"(%arg0) {torch.onnx.axis = 1 : si64} : (!torch.vtensor<[?,3,5,4611686018427387904],f32>) -> !torch.vtensor<[?,?],f32>
  return %0 : !torch.vtensor<[?,?],f32>
}

// -----

// OneHot with an infinite constant depth (was an OverflowError).
// CHECK-LABEL: func.func @test_onehot_infinite_depth
func.func @test_onehot_infinite_depth(%arg0: !torch.vtensor<[3],si64>, %arg1: !torch.vtensor<[2],f32>) -> !torch.vtensor<[3,?],f32> attributes {torch.onnx_meta.opset_version = 11 : si64} {
  %depth = torch.vtensor.literal(dense<0x7F800000> : tensor<f32>) : !torch.vtensor<[],f32>
  // expected-remark@+1 {{onnx.OneHot was not converted: depth inf is not finite}}
  %0 = torch.operator "onnx.OneHot"(%arg0, %depth, %arg1) : (!torch.vtensor<[3],si64>, !torch.vtensor<[],f32>, !torch.vtensor<[2],f32>) -> !torch.vtensor<[3,?],f32>
  return %0 : !torch.vtensor<[3,?],f32>
}

// -----

// OptionalGetElement whose declared result disagrees with the payload (was an invalid
// prim.unchecked_cast).
// CHECK-LABEL: func.func @test_optional_get_element_wrong_decl
func.func @test_optional_get_element_wrong_decl(%arg0: !torch.optional<vtensor<[4],f32>>) -> !torch.vtensor<[1],f32> attributes {torch.onnx_meta.opset_version = 18 : si64} {
  // expected-remark@+1 {{onnx.OptionalGetElement was not converted: result shape [4] does not match the declared [1]}}
  %0 = torch.operator "onnx.OptionalGetElement"(%arg0) : (!torch.optional<vtensor<[4],f32>>) -> !torch.vtensor<[1],f32>
  return %0 : !torch.vtensor<[1],f32>
}

// -----

// Constant operands of the wrong kind, found by the fuzzer (were ValueError/OverflowError/
// TypeError/IndexError in the handlers).
// CHECK-LABEL: func.func @test_bad_constant_operands
func.func @test_bad_constant_operands(%arg0: !torch.vtensor<[2,3],f32>) -> (!torch.vtensor<*,f32>, !torch.vtensor<*,f32>, !torch.vtensor<[?],i1>) attributes {torch.onnx_meta.opset_version = 18 : si64} {
  %fshape = torch.vtensor.literal(dense<[0x7FC00000, 2.0]> : tensor<2xf32>) : !torch.vtensor<[2],f32>
  // expected-remark@+1 {{onnx.ConstantOfShape was not converted: the shape must be int64, got f32}}
  %0 = torch.operator "onnx.ConstantOfShape"(%fshape) : (!torch.vtensor<[2],f32>) -> !torch.vtensor<*,f32>
  %faxes = torch.vtensor.literal(dense<[0x7F800000]> : tensor<1xf32>) : !torch.vtensor<[1],f32>
  // expected-remark@+1 {{onnx.ReduceLogSum was not converted: axes must be integers, got float32}}
  %1 = torch.operator "onnx.ReduceLogSum"(%arg0, %faxes) : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[1],f32>) -> !torch.vtensor<*,f32>
  %t = torch.vtensor.literal(dense<true> : tensor<i1>) : !torch.vtensor<[],i1>
  // expected-remark@+1 {{onnx.Range was not converted: Range of i1 is not defined}}
  %2 = torch.operator "onnx.Range"(%t, %t, %t) : (!torch.vtensor<[],i1>, !torch.vtensor<[],i1>, !torch.vtensor<[],i1>) -> !torch.vtensor<[?],i1>
  return %0, %1, %2 : !torch.vtensor<*,f32>, !torch.vtensor<*,f32>, !torch.vtensor<[?],i1>
}

// -----

// A Loop whose constant condition is empty (was an IndexError).
// CHECK-LABEL: func.func @test_loop_empty_condition
func.func @test_loop_empty_condition(%arg0: !torch.vtensor<[1],f32>) -> !torch.vtensor<[1],f32> attributes {torch.onnx_meta.opset_version = 16 : si64} {
  %m = torch.vtensor.literal(dense<3> : tensor<si64>) : !torch.vtensor<[],si64>
  %c = torch.vtensor.literal(dense<> : tensor<0xi1>) : !torch.vtensor<[0],i1>
  // expected-remark@+1 {{onnx.Loop was not converted: cond has 0 elements, not 1}}
  %0 = torch.operator "onnx.Loop"(%m, %c, %arg0) : (!torch.vtensor<[],si64>, !torch.vtensor<[0],i1>, !torch.vtensor<[1],f32>) -> !torch.vtensor<[1],f32> {
  ^bb0(%i: !torch.vtensor<[],si64>, %cond: !torch.vtensor<[],i1>, %x: !torch.vtensor<[1],f32>):
    torch.operator_terminator %cond, %x : !torch.vtensor<[],i1>, !torch.vtensor<[1],f32>
  }
  return %0 : !torch.vtensor<[1],f32>
}
