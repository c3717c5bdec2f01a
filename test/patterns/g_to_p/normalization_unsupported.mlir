// RUN: %opt --split-input-file --convert-torch-onnx-to-torch --verify-diagnostics --report %s

// Declined normalization cases: each op stays as it was, with the reason reported.

func.func @test_groupnorm_groups_do_not_split(%arg0: !torch.vtensor<[3,6,2],f32>, %arg1: !torch.vtensor<[6],f32>, %arg2: !torch.vtensor<[6],f32>) -> !torch.vtensor<[3,6,2],f32> attributes {torch.onnx_meta.opset_version = 21 : si64} {
  // expected-remark@+1 {{onnx.GroupNormalization was not converted: 6 channels do not split into 4 groups}}
  %0 = torch.operator "onnx.GroupNormalization"(%arg0, %arg1, %arg2) {torch.onnx.num_groups = 4 : si64} : (!torch.vtensor<[3,6,2],f32>, !torch.vtensor<[6],f32>, !torch.vtensor<[6],f32>) -> !torch.vtensor<[3,6,2],f32>
  return %0 : !torch.vtensor<[3,6,2],f32>
}

// -----

func.func @test_lpnorm_p3(%arg0: !torch.vtensor<[3,4],f32>) -> !torch.vtensor<[3,4],f32> attributes {torch.onnx_meta.opset_version = 22 : si64} {
  // expected-remark@+1 {{onnx.LpNormalization was not converted: p=3 (only 1 and 2 are defined)}}
  %0 = torch.operator "onnx.LpNormalization"(%arg0) {torch.onnx.p = 3 : si64} : (!torch.vtensor<[3,4],f32>) -> !torch.vtensor<[3,4],f32>
  return %0 : !torch.vtensor<[3,4],f32>
}

// -----

func.func @test_layernorm_stash_int(%arg0: !torch.vtensor<[3,4],f32>, %arg1: !torch.vtensor<[4],f32>) -> !torch.vtensor<[3,4],f32> attributes {torch.onnx_meta.opset_version = 17 : si64} {
  // expected-remark@+1 {{onnx.LayerNormalization was not converted: stash_type 7 is not a float type}}
  %0 = torch.operator "onnx.LayerNormalization"(%arg0, %arg1) {torch.onnx.stash_type = 7 : si64} : (!torch.vtensor<[3,4],f32>, !torch.vtensor<[4],f32>) -> !torch.vtensor<[3,4],f32>
  return %0 : !torch.vtensor<[3,4],f32>
}
