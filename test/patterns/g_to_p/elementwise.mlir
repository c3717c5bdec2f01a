// RUN: %opt --split-input-file --convert-torch-onnx-to-torch %s | filecheck %s

// CHECK-LABEL: func.func @test_greater
func.func @test_greater(%arg0: !torch.vtensor<[3],f32>, %arg1: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],i1> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: torch.aten.gt.Tensor %arg0, %arg1 : !torch.vtensor<[3],f32>, !torch.vtensor<[3],f32> -> !torch.vtensor<[3],i1>
  %0 = torch.operator "onnx.Greater"(%arg0, %arg1) : (!torch.vtensor<[3],f32>, !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],i1>
  return %0 : !torch.vtensor<[3],i1>
}

// -----

// CHECK-LABEL: func.func @test_identity
func.func @test_identity(%arg0: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 21 : si64} {
  // CHECK-NOT: torch.operator
  // CHECK: return %arg0
  %0 = torch.operator "onnx.Identity"(%arg0) : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}

// -----

// CHECK-LABEL: func.func @test_less
func.func @test_less(%arg0: !torch.vtensor<[3],si32>, %arg1: !torch.vtensor<[3],si32>) -> !torch.vtensor<[3],i1> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: torch.aten.lt.Tensor %arg0, %arg1
  %0 = torch.operator "onnx.Less"(%arg0, %arg1) : (!torch.vtensor<[3],si32>, !torch.vtensor<[3],si32>) -> !torch.vtensor<[3],i1>
  return %0 : !torch.vtensor<[3],i1>
}

// -----

// CHECK-LABEL: func.func @test_log
func.func @test_log(%arg0: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: torch.aten.log %arg0
  %0 = torch.operator "onnx.Log"(%arg0) : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}

// -----

// CHECK-LABEL: func.func @test_mul
func.func @test_mul(%arg0: !torch.vtensor<[3,4],si64>, %arg1: !torch.vtensor<[],si64>) -> !torch.vtensor<[3,4],si64> attributes {torch.onnx_meta.opset_version = 14 : si64} {
  // CHECK: torch.aten.mul.Tensor %arg0, %arg1 : !torch.vtensor<[3,4],si64>, !torch.vtensor<[],si64> -> !torch.vtensor<[3,4],si64>
  %0 = torch.operator "onnx.Mul"(%arg0, %arg1) : (!torch.vtensor<[3,4],si64>, !torch.vtensor<[],si64>) -> !torch.vtensor<[3,4],si64>
  return %0 : !torch.vtensor<[3,4],si64>
}

// -----

// CHECK-LABEL: func.func @test_neg
func.func @test_neg(%arg0: !torch.vtensor<[3],si8>) -> !torch.vtensor<[3],si8> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: torch.aten.neg %arg0
  %0 = torch.operator "onnx.Neg"(%arg0) : (!torch.vtensor<[3],si8>) -> !torch.vtensor<[3],si8>
  return %0 : !torch.vtensor<[3],si8>
}

// -----

// CHECK-LABEL: func.func @test_pow
func.func @test_pow(%arg0: !torch.vtensor<[3],f32>, %arg1: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 15 : si64} {
  // CHECK: torch.aten.pow.Tensor_Tensor %arg0, %arg1 : !torch.vtensor<[3],f32>, !torch.vtensor<[3],f32> -> !torch.vtensor<[3],f32>
  %0 = torch.operator "onnx.Pow"(%arg0, %arg1) : (!torch.vtensor<[3],f32>, !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}

// -----

// Mixed dtypes: computed in torch's promoted type, then cast back to the base's type.
// CHECK-LABEL: func.func @test_pow_int_base_float_exponent
func.func @test_pow_int_base_float_exponent(%arg0: !torch.vtensor<[3],si64>, %arg1: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],si64> attributes {torch.onnx_meta.opset_version = 15 : si64} {
  // CHECK: %[[P:.*]] = torch.aten.pow.Tensor_Tensor %arg0, %arg1 : !torch.vtensor<[3],si64>, !torch.vtensor<[3],f32> -> !torch.vtensor<[3],f32>
  // CHECK: %[[DT:.*]] = torch.constant.int 4
  // CHECK: torch.aten.to.dtype %[[P]], %[[DT]], {{.*}} -> !torch.vtensor<[3],si64>
  %0 = torch.operator "onnx.Pow"(%arg0, %arg1) : (!torch.vtensor<[3],si64>, !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],si64>
  return %0 : !torch.vtensor<[3],si64>
}
