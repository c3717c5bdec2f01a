// RUN: %opt --split-input-file --convert-torch-onnx-to-torch --verify-diagnostics --report %s

// The RMS form has no mean output.
func.func @test_skip_simplified_layer_normalization_mean_used(%arg0: !torch.vtensor<[2,3,8],f32>, %arg1: !torch.vtensor<[2,3,8],f32>, %arg2: !torch.vtensor<[8],f32>) -> (!torch.vtensor<[2,3,8],f32>, !torch.vtensor<[2,3,1],f32>) attributes {torch.onnx_meta.opset_version = 17 : si64, torch.onnx_meta.opset_versions = {com.microsoft = 1 : si64}} {
  %none = torch.constant.none
  // expected-remark@+1 {{onnx.com.microsoft.SkipSimplifiedLayerNormalization was not converted: the mean output of the RMS normalization is not defined}}
  %0:2 = torch.operator "onnx.com.microsoft.SkipSimplifiedLayerNormalization"(%arg0, %arg1, %arg2) : (!torch.vtensor<[2,3,8],f32>, !torch.vtensor<[2,3,8],f32>, !torch.vtensor<[8],f32>) -> (!torch.vtensor<[2,3,8],f32>, !torch.vtensor<[2,3,1],f32>)
  return %0#0, %0#1 : !torch.vtensor<[2,3,8],f32>, !torch.vtensor<[2,3,1],f32>
}

// -----

// segment_ids without a segment_embedding.
func.func @test_embed_layer_normalization_segment_without_table(%arg0: !torch.vtensor<[2,4],si32>, %arg1: !torch.vtensor<[2,4],si32>, %arg2: !torch.vtensor<[10,8],f32>, %arg3: !torch.vtensor<[6,8],f32>, %arg4: !torch.vtensor<[8],f32>, %arg5: !torch.vtensor<[8],f32>) -> !torch.vtensor<[2,4,8],f32> attributes {torch.onnx_meta.opset_version = 17 : si64, torch.onnx_meta.opset_versions = {com.microsoft = 1 : si64}} {
  %none = torch.constant.none
  // expected-remark@+1 {{onnx.com.microsoft.EmbedLayerNormalization was not converted: segment_ids and segment_embedding must be given together}}
  %0 = torch.operator "onnx.com.microsoft.EmbedLayerNormalization"(%arg0, %arg1, %arg2, %arg3, %none, %arg4, %arg5) : (!torch.vtensor<[2,4],si32>, !torch.vtensor<[2,4],si32>, !torch.vtensor<[10,8],f32>, !torch.vtensor<[6,8],f32>, !torch.none, !torch.vtensor<[8],f32>, !torch.vtensor<[8],f32>) -> !torch.vtensor<[2,4,8],f32>
  return %0 : !torch.vtensor<[2,4,8],f32>
}
