// RUN: %opt --split-input-file --convert-torch-onnx-to-torch --verify-diagnostics --report %s

// Attention with do_rotary.
func.func @test_attention_do_rotary(%arg0: !torch.vtensor<[2,3,8],f32>, %arg1: !torch.vtensor<[8,24],f32>, %arg2: !torch.vtensor<[24],f32>) -> !torch.vtensor<[2,3,8],f32> attributes {torch.onnx_meta.opset_version = 17 : si64, torch.onnx_meta.opset_versions = {com.microsoft = 1 : si64}} {
  %none = torch.constant.none
  // expected-remark@+1 {{onnx.com.microsoft.Attention was not converted: do_rotary is not supported}}
  %0 = torch.operator "onnx.com.microsoft.Attention"(%arg0, %arg1, %arg2) {torch.onnx.do_rotary = 1 : si64, torch.onnx.num_heads = 2 : si64} : (!torch.vtensor<[2,3,8],f32>, !torch.vtensor<[8,24],f32>, !torch.vtensor<[24],f32>) -> !torch.vtensor<[2,3,8],f32>
  return %0 : !torch.vtensor<[2,3,8],f32>
}

// -----

// Attention with a 4-D (Megatron) mask.
func.func @test_attention_4d_mask(%arg0: !torch.vtensor<[2,3,8],f32>, %arg1: !torch.vtensor<[8,24],f32>, %arg2: !torch.vtensor<[24],f32>, %arg3: !torch.vtensor<[2,1,4,4],si32>) -> !torch.vtensor<[2,3,8],f32> attributes {torch.onnx_meta.opset_version = 17 : si64, torch.onnx_meta.opset_versions = {com.microsoft = 1 : si64}} {
  %none = torch.constant.none
  // expected-remark@+1 {{onnx.com.microsoft.Attention was not converted: a 4-D mask_index is not supported}}
  %0 = torch.operator "onnx.com.microsoft.Attention"(%arg0, %arg1, %arg2, %arg3) {torch.onnx.num_heads = 2 : si64} : (!torch.vtensor<[2,3,8],f32>, !torch.vtensor<[8,24],f32>, !torch.vtensor<[24],f32>, !torch.vtensor<[2,1,4,4],si32>) -> !torch.vtensor<[2,3,8],f32>
  return %0 : !torch.vtensor<[2,3,8],f32>
}

// -----

// MultiHeadAttention with cache_indirection (beam search).
func.func @test_multi_head_attention_cache_indirection(%arg0: !torch.vtensor<[2,3,8],f32>, %arg1: !torch.vtensor<[2,3,8],f32>, %arg2: !torch.vtensor<[2,3,8],f32>, %arg3: !torch.vtensor<[2,1,3],si32>) -> !torch.vtensor<[2,3,8],f32> attributes {torch.onnx_meta.opset_version = 17 : si64, torch.onnx_meta.opset_versions = {com.microsoft = 1 : si64}} {
  %none = torch.constant.none
  // expected-remark@+1 {{onnx.com.microsoft.MultiHeadAttention was not converted: past_sequence_length / cache_indirection are not supported}}
  %0 = torch.operator "onnx.com.microsoft.MultiHeadAttention"(%arg0, %arg1, %arg2, %none, %none, %none, %none, %none, %none, %arg3) {torch.onnx.num_heads = 2 : si64} : (!torch.vtensor<[2,3,8],f32>, !torch.vtensor<[2,3,8],f32>, !torch.vtensor<[2,3,8],f32>, !torch.none, !torch.none, !torch.none, !torch.none, !torch.none, !torch.none, !torch.vtensor<[2,1,3],si32>) -> !torch.vtensor<[2,3,8],f32>
  return %0 : !torch.vtensor<[2,3,8],f32>
}

// -----

// GroupQueryAttention with an int8 KV cache.
func.func @test_group_query_attention_quantized_cache(%arg0: !torch.vtensor<[1,3,32],f32>, %arg1: !torch.vtensor<[1,3,32],f32>, %arg2: !torch.vtensor<[1,3,32],f32>, %arg3: !torch.vtensor<[1],si32>, %arg4: !torch.vtensor<[],si32>) -> !torch.vtensor<[1,3,32],f32> attributes {torch.onnx_meta.opset_version = 17 : si64, torch.onnx_meta.opset_versions = {com.microsoft = 1 : si64}} {
  %none = torch.constant.none
  // expected-remark@+1 {{onnx.com.microsoft.GroupQueryAttention was not converted: quantized KV caches are not supported}}
  %0 = torch.operator "onnx.com.microsoft.GroupQueryAttention"(%arg0, %arg1, %arg2, %none, %none, %arg3, %arg4) {torch.onnx.k_quant_type = "PER_TENSOR", torch.onnx.kv_cache_bit_width = 8 : si64, torch.onnx.kv_num_heads = 2 : si64, torch.onnx.num_heads = 2 : si64} : (!torch.vtensor<[1,3,32],f32>, !torch.vtensor<[1,3,32],f32>, !torch.vtensor<[1,3,32],f32>, !torch.none, !torch.none, !torch.vtensor<[1],si32>, !torch.vtensor<[],si32>) -> !torch.vtensor<[1,3,32],f32>
  return %0 : !torch.vtensor<[1,3,32],f32>
}

// -----

// RotaryEmbedding with is_packed_batching.
func.func @test_rotary_embedding_packed_batching(%arg0: !torch.vtensor<[1,3,8],f32>, %arg1: !torch.vtensor<[1,3],si64>, %arg2: !torch.vtensor<[6,2],f32>, %arg3: !torch.vtensor<[6,2],f32>) -> !torch.vtensor<[1,3,8],f32> attributes {torch.onnx_meta.opset_version = 17 : si64, torch.onnx_meta.opset_versions = {com.microsoft = 1 : si64}} {
  %none = torch.constant.none
  // expected-remark@+1 {{onnx.com.microsoft.RotaryEmbedding was not converted: is_packed_batching is not supported}}
  %0 = torch.operator "onnx.com.microsoft.RotaryEmbedding"(%arg0, %arg1, %arg2, %arg3) {torch.onnx.is_packed_batching = 1 : si64, torch.onnx.num_heads = 2 : si64} : (!torch.vtensor<[1,3,8],f32>, !torch.vtensor<[1,3],si64>, !torch.vtensor<[6,2],f32>, !torch.vtensor<[6,2],f32>) -> !torch.vtensor<[1,3,8],f32>
  return %0 : !torch.vtensor<[1,3,8],f32>
}
