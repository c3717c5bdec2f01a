// RUN: %opt --split-input-file --convert-torch-onnx-to-torch %s | filecheck %s

// log_softmax over the classes, then the shared NLL (mean); log_prob is the second output.
// CHECK-LABEL: func.func @test_sce_mean_log_prob
// CHECK: %[[LP:.*]] = torch.aten.log_softmax.int %arg0, %int1, %none
// CHECK: %[[G:.*]] = torch.aten.gather %[[LP]]
// CHECK: %[[L:.*]] = torch.aten.neg
// CHECK: %[[S:.*]] = torch.aten.sum %[[L]]
// CHECK: %[[M:.*]] = torch.aten.div.Scalar %[[S]], %int3
// CHECK: return %[[M]], %[[LP]]
func.func @test_sce_mean_log_prob(%arg0: !torch.vtensor<[3,5],f32>, %arg1: !torch.vtensor<[3],si64>) -> (!torch.vtensor<[],f32>, !torch.vtensor<[3,5],f32>) attributes {torch.onnx_meta.opset_version = 13 : si64} {
  %0:2 = torch.operator "onnx.SoftmaxCrossEntropyLoss"(%arg0, %arg1) : (!torch.vtensor<[3,5],f32>, !torch.vtensor<[3],si64>) -> (!torch.vtensor<[],f32>, !torch.vtensor<[3,5],f32>)
  return %0#0, %0#1 : !torch.vtensor<[],f32>, !torch.vtensor<[3,5],f32>
}

// -----

// reduction none with weights: -logp[target] * weight[target].
// CHECK-LABEL: func.func @test_sce_none_weights
// CHECK: %[[LP:.*]] = torch.aten.log_softmax.int %arg0
// CHECK: %[[W:.*]] = torch.aten.index_select %arg2, %int0{{.*}}, %arg1
// CHECK: torch.aten.mul.Tensor {{.*}}, %[[W]] : {{.*}} -> !torch.vtensor<[3],f32>
func.func @test_sce_none_weights(%arg0: !torch.vtensor<[3,5],f32>, %arg1: !torch.vtensor<[3],si64>, %arg2: !torch.vtensor<[5],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 12 : si64} {
  %0 = torch.operator "onnx.SoftmaxCrossEntropyLoss"(%arg0, %arg1, %arg2) {torch.onnx.reduction = "none"} : (!torch.vtensor<[3,5],f32>, !torch.vtensor<[3],si64>, !torch.vtensor<[5],f32>) -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}
