// RUN: %opt --split-input-file --convert-torch-onnx-to-torch %s | filecheck %s

// CHECK-LABEL: func.func @test_gemm_trans_alpha_beta
func.func @test_gemm_trans_alpha_beta(%arg0: !torch.vtensor<[4,3],f32>, %arg1: !torch.vtensor<[5,4],f32>, %arg2: !torch.vtensor<[1,5],f32>) -> !torch.vtensor<[3,5],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: %[[A:.*]] = torch.aten.permute %arg0, {{.*}} -> !torch.vtensor<[3,4],f32>
  // CHECK: %[[B:.*]] = torch.aten.permute %arg1, {{.*}} -> !torch.vtensor<[4,5],f32>
  // CHECK: %[[MM:.*]] = torch.aten.mm %[[A]], %[[B]] : !torch.vtensor<[3,4],f32>, !torch.vtensor<[4,5],f32> -> !torch.vtensor<[3,5],f32>
  // CHECK: %[[ALPHA:.*]] = torch.constant.float 2.500000e-01
  // CHECK: %[[SCALED:.*]] = torch.aten.mul.Scalar %[[MM]], %[[ALPHA]]
  // CHECK: %[[BETA:.*]] = torch.constant.float 0.34999999403953552
  // CHECK: torch.aten.add.Tensor %[[SCALED]], %arg2, %[[BETA]] : !torch.vtensor<[3,5],f32>, !torch.vtensor<[1,5],f32>, !torch.float -> !torch.vtensor<[3,5],f32>
  %0 = torch.operator "onnx.Gemm"(%arg0, %arg1, %arg2) {torch.onnx.alpha = 2.500000e-01 : f32, torch.onnx.beta = 3.500000e-01 : f32, torch.onnx.transA = 1 : si64, torch.onnx.transB = 1 : si64} : (!torch.vtensor<[4,3],f32>, !torch.vtensor<[5,4],f32>, !torch.vtensor<[1,5],f32>) -> !torch.vtensor<[3,5],f32>
  return %0 : !torch.vtensor<[3,5],f32>
}

// -----

// C is optional from opset 11.
// CHECK-LABEL: func.func @test_gemm_no_c
func.func @test_gemm_no_c(%arg0: !torch.vtensor<[3,4],f32>, %arg1: !torch.vtensor<[4,5],f32>) -> !torch.vtensor<[3,5],f32> attributes {torch.onnx_meta.opset_version = 11 : si64} {
  // CHECK: %[[MM:.*]] = torch.aten.mm %arg0, %arg1
  // CHECK: return %[[MM]]
  %0 = torch.operator "onnx.Gemm"(%arg0, %arg1) : (!torch.vtensor<[3,4],f32>, !torch.vtensor<[4,5],f32>) -> !torch.vtensor<[3,5],f32>
  return %0 : !torch.vtensor<[3,5],f32>
}

// -----

// CHECK-LABEL: func.func @test_matmul_batched
func.func @test_matmul_batched(%arg0: !torch.vtensor<[2,3,4],f32>, %arg1: !torch.vtensor<[4,5],f32>) -> !torch.vtensor<[2,3,5],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: torch.aten.matmul %arg0, %arg1 : !torch.vtensor<[2,3,4],f32>, !torch.vtensor<[4,5],f32> -> !torch.vtensor<[2,3,5],f32>
  %0 = torch.operator "onnx.MatMul"(%arg0, %arg1) : (!torch.vtensor<[2,3,4],f32>, !torch.vtensor<[4,5],f32>) -> !torch.vtensor<[2,3,5],f32>
  return %0 : !torch.vtensor<[2,3,5],f32>
}
