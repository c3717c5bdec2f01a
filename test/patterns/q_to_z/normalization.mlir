// RUN: %opt --split-input-file --convert-torch-onnx-to-torch %s | filecheck %s

// x * rsqrt(mean(x^2) + epsilon) over dims axis.., then * scale.
// CHECK-LABEL: func.func @test_rmsnorm_axis1
// CHECK: %[[SQ:.*]] = torch.aten.mul.Tensor %arg0, %arg0
// CHECK: %[[MS:.*]] = torch.aten.mean.dim %[[SQ]], {{.*}} -> !torch.vtensor<[2,1,1],f32>
// CHECK: %[[E:.*]] = torch.aten.add.Scalar %[[MS]], %float1.000000e-05
// CHECK: %[[R:.*]] = torch.aten.rsqrt %[[E]]
// CHECK: %[[N:.*]] = torch.aten.mul.Tensor %arg0, %[[R]]
// CHECK: torch.aten.mul.Tensor %[[N]], %arg1
func.func @test_rmsnorm_axis1(%arg0: !torch.vtensor<[2,3,4],f32>, %arg1: !torch.vtensor<[3,4],f32>) -> !torch.vtensor<[2,3,4],f32> attributes {torch.onnx_meta.opset_version = 23 : si64} {
  %0 = torch.operator "onnx.RMSNormalization"(%arg0, %arg1) {torch.onnx.axis = 1 : si64} : (!torch.vtensor<[2,3,4],f32>, !torch.vtensor<[3,4],f32>) -> !torch.vtensor<[2,3,4],f32>
  return %0 : !torch.vtensor<[2,3,4],f32>
}

// -----

// bf16 input: computed in the stash type (f32), scaled in bf16.
// CHECK-LABEL: func.func @test_rmsnorm_bf16_stash
// CHECK: %[[X:.*]] = torch.aten.to.dtype %arg0, %int6
// CHECK: torch.aten.mean.dim {{.*}} -> !torch.vtensor<[?,1],f32>
// CHECK: %[[N:.*]] = torch.aten.to.dtype {{.*}}, %int15, {{.*}} -> !torch.vtensor<[?,16],bf16>
// CHECK: torch.aten.mul.Tensor %[[N]], %arg1
func.func @test_rmsnorm_bf16_stash(%arg0: !torch.vtensor<[?,16],bf16>, %arg1: !torch.vtensor<[16],bf16>) -> !torch.vtensor<[?,16],bf16> attributes {torch.onnx_meta.opset_version = 23 : si64} {
  %0 = torch.operator "onnx.RMSNormalization"(%arg0, %arg1) {torch.onnx.epsilon = 1.000000e-06 : f32} : (!torch.vtensor<[?,16],bf16>, !torch.vtensor<[16],bf16>) -> !torch.vtensor<[?,16],bf16>
  return %0 : !torch.vtensor<[?,16],bf16>
}
