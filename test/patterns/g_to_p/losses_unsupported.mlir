// RUN: %opt --split-input-file --convert-torch-onnx-to-torch --verify-diagnostics --report %s

// Declined loss cases: each op stays as it was, with the reason reported.

func.func @test_nllloss_bad_reduction(%arg0: !torch.vtensor<[3,5],f32>, %arg1: !torch.vtensor<[3],si64>) -> !torch.vtensor<[],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // expected-remark@+1 {{onnx.NegativeLogLikelihoodLoss was not converted: unknown reduction 'max'}}
  %0 = torch.operator "onnx.NegativeLogLikelihoodLoss"(%arg0, %arg1) {torch.onnx.reduction = "max"} : (!torch.vtensor<[3,5],f32>, !torch.vtensor<[3],si64>) -> !torch.vtensor<[],f32>
  return %0 : !torch.vtensor<[],f32>
}

// -----

func.func @test_nllloss_target_rank(%arg0: !torch.vtensor<[3,5],f32>, %arg1: !torch.vtensor<[3,1],si64>) -> !torch.vtensor<[],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // expected-remark@+1 {{onnx.NegativeLogLikelihoodLoss was not converted: input [3, 5] and target [3, 1] ranks do not fit [N, C, d...]}}
  %0 = torch.operator "onnx.NegativeLogLikelihoodLoss"(%arg0, %arg1) : (!torch.vtensor<[3,5],f32>, !torch.vtensor<[3,1],si64>) -> !torch.vtensor<[],f32>
  return %0 : !torch.vtensor<[],f32>
}
