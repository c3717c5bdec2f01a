// Our Python pass and torch-mlir's C++ lowering passes in one pipeline string.
// RUN: %opt --pass-pipeline='builtin.module(func.func(convert-torch-onnx-to-torch),torch-lower-to-backend-contract,torch-backend-to-linalg-on-tensors-backend-pipeline)' %s | filecheck %s

// CHECK-LABEL: func.func @test_add_matmul_relu
// CHECK-SAME: (%[[X:.*]]: tensor<2x4xf32>, %[[W:.*]]: tensor<4x3xf32>, %[[B:.*]]: tensor<3xf32>) -> tensor<2x3xf32>
// CHECK: linalg.matmul ins(%[[X]], %[[W]] : tensor<2x4xf32>, tensor<4x3xf32>)
// CHECK: arith.addf
// CHECK: arith.cmpf ugt
// CHECK-NOT: torch.
func.func @test_add_matmul_relu(%arg0: !torch.vtensor<[2,4],f32>, %arg1: !torch.vtensor<[4,3],f32>, %arg2: !torch.vtensor<[3],f32>) -> !torch.vtensor<[2,3],f32> attributes {torch.onnx_meta.opset_version = 17 : si64} {
  %0 = torch.operator "onnx.MatMul"(%arg0, %arg1) : (!torch.vtensor<[2,4],f32>, !torch.vtensor<[4,3],f32>) -> !torch.vtensor<[2,3],f32>
  %1 = torch.operator "onnx.Add"(%0, %arg2) : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[3],f32>) -> !torch.vtensor<[2,3],f32>
  %2 = torch.operator "onnx.Relu"(%1) : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor<[2,3],f32>
  return %2 : !torch.vtensor<[2,3],f32>
}
