// RUN: %opt --split-input-file --convert-torch-onnx-to-torch %s | filecheck %s

// mean with weights and ignore_index: sum(-logp[target] * w) / sum(w), w = 0 where ignored.
// CHECK-LABEL: func.func @test_nllloss_weight_ii_mean
// CHECK: %[[VALID:.*]] = torch.aten.ne.Scalar %arg1, %int-1
// CHECK: %[[T:.*]] = torch.aten.where.ScalarOther %[[VALID]], %arg1, %int0
// CHECK: %[[TI:.*]] = torch.aten.unsqueeze %[[T]], %int1
// CHECK: %[[G:.*]] = torch.aten.gather %arg0, %int1{{.*}}, %[[TI]], %false : {{.*}} -> !torch.vtensor<[3,1,2],f32>
// CHECK: %[[P:.*]] = torch.aten.reshape %[[G]], {{.*}} -> !torch.vtensor<[3,2],f32>
// CHECK: %[[L:.*]] = torch.aten.neg %[[P]]
// CHECK: %[[FLAT:.*]] = torch.aten.reshape %[[T]], {{.*}} -> !torch.vtensor<[6],si64>
// CHECK: %[[W:.*]] = torch.aten.index_select %arg2, %int0{{.*}}, %[[FLAT]]
// CHECK: %[[W2:.*]] = torch.aten.reshape %[[W]], {{.*}} -> !torch.vtensor<[3,2],f32>
// CHECK: %[[V:.*]] = torch.aten.to.dtype %[[VALID]], %int6
// CHECK: %[[WV:.*]] = torch.aten.mul.Tensor %[[W2]], %[[V]]
// CHECK: %[[LW:.*]] = torch.aten.mul.Tensor %[[L]], %[[WV]]
// CHECK: %[[NUM:.*]] = torch.aten.sum %[[LW]]
// CHECK: %[[DEN:.*]] = torch.aten.sum %[[WV]]
// CHECK: torch.aten.div.Tensor %[[NUM]], %[[DEN]] : {{.*}} -> !torch.vtensor<[],f32>
func.func @test_nllloss_weight_ii_mean(%arg0: !torch.vtensor<[3,5,2],f32>, %arg1: !torch.vtensor<[3,2],si64>, %arg2: !torch.vtensor<[5],f32>) -> !torch.vtensor<[],f32> attributes {torch.onnx_meta.opset_version = 22 : si64} {
  %0 = torch.operator "onnx.NegativeLogLikelihoodLoss"(%arg0, %arg1, %arg2) {torch.onnx.ignore_index = -1 : si64} : (!torch.vtensor<[3,5,2],f32>, !torch.vtensor<[3,2],si64>, !torch.vtensor<[5],f32>) -> !torch.vtensor<[],f32>
  return %0 : !torch.vtensor<[],f32>
}

// -----

// reduction none, no weights: the picked negated log probabilities.
// CHECK-LABEL: func.func @test_nllloss_none
// CHECK: %[[G:.*]] = torch.aten.gather %arg0
// CHECK: %[[P:.*]] = torch.aten.reshape %[[G]], {{.*}} -> !torch.vtensor<[3],f32>
// CHECK: %[[L:.*]] = torch.aten.neg %[[P]]
// CHECK: return %[[L]]
func.func @test_nllloss_none(%arg0: !torch.vtensor<[3,5],f32>, %arg1: !torch.vtensor<[3],si64>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 12 : si64} {
  %0 = torch.operator "onnx.NegativeLogLikelihoodLoss"(%arg0, %arg1) {torch.onnx.reduction = "none"} : (!torch.vtensor<[3,5],f32>, !torch.vtensor<[3],si64>) -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}

// -----

// reduction sum, no weights.
// CHECK-LABEL: func.func @test_nllloss_sum
// CHECK: %[[L:.*]] = torch.aten.neg
// CHECK: torch.aten.sum %[[L]], %none{{.*}} -> !torch.vtensor<[],f32>
func.func @test_nllloss_sum(%arg0: !torch.vtensor<[3,5],f32>, %arg1: !torch.vtensor<[3],si64>) -> !torch.vtensor<[],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  %0 = torch.operator "onnx.NegativeLogLikelihoodLoss"(%arg0, %arg1) {torch.onnx.reduction = "sum"} : (!torch.vtensor<[3,5],f32>, !torch.vtensor<[3],si64>) -> !torch.vtensor<[],f32>
  return %0 : !torch.vtensor<[],f32>
}
