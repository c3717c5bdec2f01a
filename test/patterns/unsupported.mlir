// RUN: %opt --split-input-file --convert-torch-onnx-to-torch --verify-diagnostics --report %s
// RUN: %opt --split-input-file --convert-torch-onnx-to-torch %s | filecheck %s

// An op with no pattern stays exactly as it was, attributes and all.
// CHECK-LABEL: func.func @test_unknown_op_untouched
func.func @test_unknown_op_untouched(%arg0: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 17 : si64} {
  // CHECK: %[[A:.*]] = torch.aten.abs %arg0
  // CHECK: torch.operator "onnx.FooBar"(%[[A]]) {torch.onnx.mode = "x", torch.onnx.n = 2 : si64} : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32>
  %0 = torch.operator "onnx.Abs"(%arg0) : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32>
  // expected-remark@+1 {{onnx.FooBar was not converted: no pattern for this op}}
  %1 = torch.operator "onnx.FooBar"(%0) {torch.onnx.mode = "x", torch.onnx.n = 2 : si64} : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32>
  return %1 : !torch.vtensor<[3],f32>
}

// -----

// A declined case keeps the op, and the reason is reported.
// CHECK-LABEL: func.func @test_declined_reshape_two_minus_one
func.func @test_declined_reshape_two_minus_one(%arg0: !torch.vtensor<[2,3],f32>) -> !torch.vtensor<[?,?],f32> attributes {torch.onnx_meta.opset_version = 1 : si64} {
  // CHECK: torch.operator "onnx.Reshape"(%arg0) {torch.onnx.shape = [-1 : si64, -1 : si64]}
  // expected-remark@+1 {{onnx.Reshape was not converted: more than one -1 in the target shape}}
  %0 = torch.operator "onnx.Reshape"(%arg0) {torch.onnx.shape = [-1 : si64, -1 : si64]} : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor<[?,?],f32>
  return %0 : !torch.vtensor<[?,?],f32>
}

// -----

// A malformed attribute is declined with the reason, never a crash.
// CHECK-LABEL: func.func @test_malformed_attribute
func.func @test_malformed_attribute(%arg0: !torch.vtensor<[2,3],f32>) -> !torch.vtensor<[3,2],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: torch.operator "onnx.Transpose"(%arg0) {torch.onnx.perm = "1,0"}
  // expected-remark@+1 {{onnx.Transpose was not converted: attribute 'perm' must be a list of ints, got "1,0"}}
  %0 = torch.operator "onnx.Transpose"(%arg0) {torch.onnx.perm = "1,0"} : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor<[3,2],f32>
  return %0 : !torch.vtensor<[3,2],f32>
}

// -----

// A missing required attribute is declined with the reason.
// CHECK-LABEL: func.func @test_missing_attribute
func.func @test_missing_attribute(%arg0: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],si32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: torch.operator "onnx.Cast"(%arg0) :
  // expected-remark@+1 {{onnx.Cast was not converted: required attribute 'to' is missing}}
  %0 = torch.operator "onnx.Cast"(%arg0) : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],si32>
  return %0 : !torch.vtensor<[3],si32>
}

// -----

// An op of a domain with no patterns (ai.onnx.ml) stays, and does not fail the pass.
// CHECK-LABEL: func.func @test_other_domain_untouched
func.func @test_other_domain_untouched(%arg0: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 17 : si64, torch.onnx_meta.opset_versions = {ai.onnx.ml = 3 : si64}} {
  // CHECK: torch.operator "onnx.ai.onnx.ml.Normalizer"(%arg0)
  // expected-remark@+1 {{onnx.ai.onnx.ml.Normalizer was not converted: no pattern for this op}}
  %0 = torch.operator "onnx.ai.onnx.ml.Normalizer"(%arg0) : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}

// -----

// A function without ONNX opset metadata is left alone, without failing the pass.
// CHECK-LABEL: func.func @test_no_opset_metadata
func.func @test_no_opset_metadata(%arg0: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32> {
  // CHECK: torch.operator "onnx.Abs"(%arg0)
  // expected-remark@+1 {{onnx.Abs was not converted: function has no torch.onnx_meta.opset_version}}
  %0 = torch.operator "onnx.Abs"(%arg0) : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}

// -----

// An opset older than the earliest pattern is declined with the versions in the reason.
// CHECK-LABEL: func.func @test_opset_too_old
func.func @test_opset_too_old(%arg0: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 6 : si64} {
  // CHECK: torch.operator "onnx.Sin"(%arg0)
  // expected-remark@+1 {{onnx.Sin was not converted: no pattern for opset 6 (patterns start at 7)}}
  %0 = torch.operator "onnx.Sin"(%arg0) : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}

// -----

// Ops inside the regions of an unknown op are converted; the op holding them stays.
// CHECK-LABEL: func.func @test_ops_in_regions
func.func @test_ops_in_regions(%arg0: !torch.vtensor<[1],i1>, %arg1: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 17 : si64} {
  // CHECK: torch.operator "onnx.FooWithRegions"
  // CHECK: torch.aten.neg %arg1
  // CHECK: torch.aten.abs %arg1
  // expected-remark@+1 {{onnx.FooWithRegions was not converted: no pattern for this op}}
  %0 = torch.operator "onnx.FooWithRegions"(%arg0) : (!torch.vtensor<[1],i1>) -> !torch.vtensor<[3],f32> {
    %1 = torch.operator "onnx.Neg"(%arg1) : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32>
    torch.operator_terminator %1 : !torch.vtensor<[3],f32>
  }, {
    %1 = torch.operator "onnx.Abs"(%arg1) : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32>
    torch.operator_terminator %1 : !torch.vtensor<[3],f32>
  }
  return %0 : !torch.vtensor<[3],f32>
}

// -----

// An elementwise op whose declared result shape is not the broadcast of its operands' (a wrong type
// from shape inference) stays, with the reason: the aten op would carry the wrong type unchecked.
// CHECK-LABEL: func.func @test_elementwise_wrong_declared_shape
func.func @test_elementwise_wrong_declared_shape(%arg0: !torch.vtensor<[2,3],f32>, %arg1: !torch.vtensor<[4],f32>, %arg2: !torch.vtensor<[?],f32>) -> !torch.vtensor<[3,2],f32> attributes {torch.onnx_meta.opset_version = 17 : si64} {
  // CHECK: torch.operator "onnx.Relu"
  // expected-remark@+1 {{onnx.Relu was not converted: declared result shape [3, 2] is not the shape [2, 3] of the operands}}
  %0 = torch.operator "onnx.Relu"(%arg0) : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor<[3,2],f32>
  // CHECK: torch.operator "onnx.Add"
  // expected-remark@+1 {{onnx.Add was not converted: operand shapes [2, 3] and [4] do not broadcast}}
  %1 = torch.operator "onnx.Add"(%arg0, %arg1) : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[4],f32>) -> !torch.vtensor<[2,4],f32>
  // CHECK: torch.operator "onnx.Less"
  // expected-remark@+1 {{onnx.Less was not converted: declared result shape [2] is not the shape [2, 3] of the operands}}
  %2 = torch.operator "onnx.Less"(%arg0, %arg0) : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[2,3],f32>) -> !torch.vtensor<[2],i1>
  // CHECK: torch.operator "onnx.And"
  // expected-remark@+1 {{onnx.And was not converted: declared result shape [3] is not the shape [2] of the operands}}
  %5 = torch.operator "onnx.And"(%2, %2) : (!torch.vtensor<[2],i1>, !torch.vtensor<[2],i1>) -> !torch.vtensor<[3],i1>
  // A dim unknown on either side is not a mismatch.
  // CHECK: torch.aten.mul.Tensor %arg0, %arg2 : !torch.vtensor<[2,3],f32>, !torch.vtensor<[?],f32> -> !torch.vtensor<[2,3],f32>
  %3 = torch.operator "onnx.Mul"(%arg0, %arg2) : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[?],f32>) -> !torch.vtensor<[2,?],f32>
  return %0 : !torch.vtensor<[3,2],f32>
}
