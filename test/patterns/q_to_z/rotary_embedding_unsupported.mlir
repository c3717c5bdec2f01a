// RUN: %opt --split-input-file --convert-torch-onnx-to-torch --verify-diagnostics --report %s

func.func @test_rotary_embedding_3d_no_num_heads(%arg0: !torch.vtensor<[2,3,16],f32>, %arg1: !torch.vtensor<[2,3,8],f32>, %arg2: !torch.vtensor<[2,3,8],f32>) -> !torch.vtensor<[2,3,16],f32> attributes {torch.onnx_meta.opset_version = 23 : si64} {
  // expected-remark@+1 {{onnx.RotaryEmbedding was not converted: a 3-D input needs the num_heads attribute}}
  %0 = torch.operator "onnx.RotaryEmbedding"(%arg0, %arg1, %arg2) : (!torch.vtensor<[2,3,16],f32>, !torch.vtensor<[2,3,8],f32>, !torch.vtensor<[2,3,8],f32>) -> !torch.vtensor<[2,3,16],f32>
  return %0 : !torch.vtensor<[2,3,16],f32>
}

// -----

func.func @test_rotary_embedding_odd_dim(%arg0: !torch.vtensor<[2,4,3,8],f32>, %arg1: !torch.vtensor<[2,3,4],f32>, %arg2: !torch.vtensor<[2,3,4],f32>) -> !torch.vtensor<[2,4,3,8],f32> attributes {torch.onnx_meta.opset_version = 23 : si64} {
  // expected-remark@+1 {{onnx.RotaryEmbedding was not converted: rotary_embedding_dim 5 must be even and at most 8}}
  %0 = torch.operator "onnx.RotaryEmbedding"(%arg0, %arg1, %arg2) {torch.onnx.rotary_embedding_dim = 5 : si64} : (!torch.vtensor<[2,4,3,8],f32>, !torch.vtensor<[2,3,4],f32>, !torch.vtensor<[2,3,4],f32>) -> !torch.vtensor<[2,4,3,8],f32>
  return %0 : !torch.vtensor<[2,4,3,8],f32>
}
