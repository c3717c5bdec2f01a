// RUN: %opt --split-input-file --convert-torch-onnx-to-torch --verify-diagnostics --report %s

// A bias of lower rank than the data needs the is_inner_broadcast layout.
func.func @test_bias_softmax_lower_rank_bias(%arg0: !torch.vtensor<[2,2,3,3],f32>, %arg1: !torch.vtensor<[2,3,3],f32>) -> !torch.vtensor<[2,2,3,3],f32> attributes {torch.onnx_meta.opset_version = 17 : si64, torch.onnx_meta.opset_versions = {com.microsoft = 1 : si64}} {
  %none = torch.constant.none
  // expected-remark@+1 {{onnx.com.microsoft.BiasSoftmax was not converted: a bias of another rank than the data (is_inner_broadcast layout)}}
  %0 = torch.operator "onnx.com.microsoft.BiasSoftmax"(%arg0, %arg1) {torch.onnx.axis = 3 : si64, torch.onnx.is_inner_broadcast = 1 : si64} : (!torch.vtensor<[2,2,3,3],f32>, !torch.vtensor<[2,3,3],f32>) -> !torch.vtensor<[2,2,3,3],f32>
  return %0 : !torch.vtensor<[2,2,3,3],f32>
}

// -----

// BiasSplitGelu needs an even last dim.
func.func @test_bias_split_gelu_odd(%arg0: !torch.vtensor<[2,3,7],f32>, %arg1: !torch.vtensor<[7],f32>) -> !torch.vtensor<[2,3,3],f32> attributes {torch.onnx_meta.opset_version = 17 : si64, torch.onnx_meta.opset_versions = {com.microsoft = 1 : si64}} {
  %none = torch.constant.none
  // expected-remark@+1 {{onnx.com.microsoft.BiasSplitGelu was not converted: the last dim must be static and even}}
  %0 = torch.operator "onnx.com.microsoft.BiasSplitGelu"(%arg0, %arg1) : (!torch.vtensor<[2,3,7],f32>, !torch.vtensor<[7],f32>) -> !torch.vtensor<[2,3,3],f32>
  return %0 : !torch.vtensor<[2,3,3],f32>
}
