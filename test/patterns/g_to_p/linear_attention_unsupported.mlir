// RUN: %opt --split-input-file --convert-torch-onnx-to-torch --verify-diagnostics --report %s

func.func @test_linear_attention_dynamic_seq(%q: !torch.vtensor<[1,?,4],f32>, %k: !torch.vtensor<[1,?,4],f32>, %v: !torch.vtensor<[1,?,4],f32>) -> (!torch.vtensor<[1,?,4],f32>, !torch.vtensor<[1,1,4,4],f32>) attributes {torch.onnx_meta.opset_version = 27 : si64} {
  // expected-remark@+1 {{onnx.LinearAttention was not converted: the sequence length must be static (the recurrence is unrolled)}}
  %0:2 = torch.operator "onnx.LinearAttention"(%q, %k, %v) {torch.onnx.kv_num_heads = 1 : si64, torch.onnx.q_num_heads = 1 : si64, torch.onnx.update_rule = "linear"} : (!torch.vtensor<[1,?,4],f32>, !torch.vtensor<[1,?,4],f32>, !torch.vtensor<[1,?,4],f32>) -> (!torch.vtensor<[1,?,4],f32>, !torch.vtensor<[1,1,4,4],f32>)
  return %0#0, %0#1 : !torch.vtensor<[1,?,4],f32>, !torch.vtensor<[1,1,4,4],f32>
}

// -----

func.func @test_linear_attention_missing_decay(%q: !torch.vtensor<[1,1,4],f32>, %k: !torch.vtensor<[1,1,4],f32>, %v: !torch.vtensor<[1,1,4],f32>) -> (!torch.vtensor<[1,1,4],f32>, !torch.vtensor<[1,1,4,4],f32>) attributes {torch.onnx_meta.opset_version = 27 : si64} {
  // expected-remark@+1 {{onnx.LinearAttention was not converted: update_rule 'gated' needs decay given and beta absent}}
  %0:2 = torch.operator "onnx.LinearAttention"(%q, %k, %v) {torch.onnx.kv_num_heads = 1 : si64, torch.onnx.q_num_heads = 1 : si64, torch.onnx.update_rule = "gated"} : (!torch.vtensor<[1,1,4],f32>, !torch.vtensor<[1,1,4],f32>, !torch.vtensor<[1,1,4],f32>) -> (!torch.vtensor<[1,1,4],f32>, !torch.vtensor<[1,1,4,4],f32>)
  return %0#0, %0#1 : !torch.vtensor<[1,1,4],f32>, !torch.vtensor<[1,1,4,4],f32>
}
