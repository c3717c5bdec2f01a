// RUN: %opt --split-input-file --convert-torch-onnx-to-torch %s | filecheck %s

// Attention with packed weights, bias and a [B, T] 0-1 mask.
// CHECK-LABEL: func.func @test_attention_mask_2d
func.func @test_attention_mask_2d(%arg0: !torch.vtensor<[2,3,8],f32>, %arg1: !torch.vtensor<[8,24],f32>, %arg2: !torch.vtensor<[24],f32>, %arg3: !torch.vtensor<[2,3],si32>) -> !torch.vtensor<[2,3,8],f32> attributes {torch.onnx_meta.opset_version = 17 : si64, torch.onnx_meta.opset_versions = {com.microsoft = 1 : si64}} {
  // CHECK: torch.aten.matmul %arg0, %arg1
  // CHECK: torch.aten.where.Scalar
  // CHECK: torch.aten.softmax.int
  // CHECK: -> !torch.vtensor<[2,3,8],f32>
  // CHECK-NOT: torch.operator
  %none = torch.constant.none
  %0 = torch.operator "onnx.com.microsoft.Attention"(%arg0, %arg1, %arg2, %arg3) {torch.onnx.num_heads = 2 : si64} : (!torch.vtensor<[2,3,8],f32>, !torch.vtensor<[8,24],f32>, !torch.vtensor<[24],f32>, !torch.vtensor<[2,3],si32>) -> !torch.vtensor<[2,3,8],f32>
  return %0 : !torch.vtensor<[2,3,8],f32>
}

// -----

// Attention, unidirectional, with past and present.
// CHECK-LABEL: func.func @test_attention_unidirectional_past
func.func @test_attention_unidirectional_past(%arg0: !torch.vtensor<[2,3,8],f32>, %arg1: !torch.vtensor<[8,24],f32>, %arg2: !torch.vtensor<[24],f32>, %arg3: !torch.vtensor<[2,2,2,4,4],f32>) -> (!torch.vtensor<[2,3,8],f32>, !torch.vtensor<[2,2,2,7,4],f32>) attributes {torch.onnx_meta.opset_version = 17 : si64, torch.onnx_meta.opset_versions = {com.microsoft = 1 : si64}} {
  // CHECK: torch.aten.cat
  // CHECK: torch.aten.le.Tensor
  // CHECK: torch.aten.softmax.int
  // CHECK: torch.aten.stack {{.*}} -> !torch.vtensor<[2,2,2,7,4],f32>
  // CHECK-NOT: torch.operator
  %none = torch.constant.none
  %0:2 = torch.operator "onnx.com.microsoft.Attention"(%arg0, %arg1, %arg2, %none, %arg3) {torch.onnx.num_heads = 2 : si64, torch.onnx.unidirectional = 1 : si64} : (!torch.vtensor<[2,3,8],f32>, !torch.vtensor<[8,24],f32>, !torch.vtensor<[24],f32>, !torch.none, !torch.vtensor<[2,2,2,4,4],f32>) -> (!torch.vtensor<[2,3,8],f32>, !torch.vtensor<[2,2,2,7,4],f32>)
  return %0#0, %0#1 : !torch.vtensor<[2,3,8],f32>, !torch.vtensor<[2,2,2,7,4],f32>
}

// -----

// Attention with a [B] right-padding mask_index and qkv_hidden_sizes.
// CHECK-LABEL: func.func @test_attention_mask_index
func.func @test_attention_mask_index(%arg0: !torch.vtensor<[2,3,8],f32>, %arg1: !torch.vtensor<[8,20],f32>, %arg2: !torch.vtensor<[2],si32>) -> !torch.vtensor<[2,3,4],f32> attributes {torch.onnx_meta.opset_version = 17 : si64, torch.onnx_meta.opset_versions = {com.microsoft = 1 : si64}} {
  // CHECK: torch.aten.lt.Tensor
  // CHECK: torch.aten.softmax.int
  // CHECK: -> !torch.vtensor<[2,3,4],f32>
  // CHECK-NOT: torch.operator
  %none = torch.constant.none
  %0 = torch.operator "onnx.com.microsoft.Attention"(%arg0, %arg1, %none, %arg2) {torch.onnx.num_heads = 2 : si64, torch.onnx.qkv_hidden_sizes = [8 : si64, 8 : si64, 4 : si64]} : (!torch.vtensor<[2,3,8],f32>, !torch.vtensor<[8,20],f32>, !torch.none, !torch.vtensor<[2],si32>) -> !torch.vtensor<[2,3,4],f32>
  return %0 : !torch.vtensor<[2,3,4],f32>
}

// -----

// MultiHeadAttention with 3-D Q/K/V, bias and a key padding mask.
// CHECK-LABEL: func.func @test_multi_head_attention
func.func @test_multi_head_attention(%arg0: !torch.vtensor<[2,3,8],f32>, %arg1: !torch.vtensor<[2,5,8],f32>, %arg2: !torch.vtensor<[2,5,8],f32>, %arg3: !torch.vtensor<[24],f32>, %arg4: !torch.vtensor<[2,5],si32>) -> !torch.vtensor<[2,3,8],f32> attributes {torch.onnx_meta.opset_version = 17 : si64, torch.onnx_meta.opset_versions = {com.microsoft = 1 : si64}} {
  // CHECK: torch.aten.add.Tensor %arg0
  // CHECK: torch.aten.softmax.int {{.*}} -> !torch.vtensor<[2,2,3,5],f32>
  // CHECK-NOT: torch.operator
  %none = torch.constant.none
  %0 = torch.operator "onnx.com.microsoft.MultiHeadAttention"(%arg0, %arg1, %arg2, %arg3, %arg4) {torch.onnx.num_heads = 2 : si64} : (!torch.vtensor<[2,3,8],f32>, !torch.vtensor<[2,5,8],f32>, !torch.vtensor<[2,5,8],f32>, !torch.vtensor<[24],f32>, !torch.vtensor<[2,5],si32>) -> !torch.vtensor<[2,3,8],f32>
  return %0 : !torch.vtensor<[2,3,8],f32>
}

// -----

// MultiHeadAttention with past_key / past_value, present outputs and attention_bias.
// CHECK-LABEL: func.func @test_multi_head_attention_past
func.func @test_multi_head_attention_past(%arg0: !torch.vtensor<[1,2,8],f32>, %arg1: !torch.vtensor<[1,2,8],f32>, %arg2: !torch.vtensor<[1,2,8],f32>, %arg3: !torch.vtensor<[1,2,2,5],f32>, %arg4: !torch.vtensor<[1,2,3,4],f32>, %arg5: !torch.vtensor<[1,2,3,4],f32>) -> (!torch.vtensor<[1,2,8],f32>, !torch.vtensor<[1,2,5,4],f32>, !torch.vtensor<[1,2,5,4],f32>) attributes {torch.onnx_meta.opset_version = 17 : si64, torch.onnx_meta.opset_versions = {com.microsoft = 1 : si64}} {
  // CHECK: torch.aten.cat {{.*}} -> !torch.vtensor<[1,2,5,4],f32>
  // CHECK: torch.aten.softmax.int
  // CHECK-NOT: torch.operator
  %none = torch.constant.none
  %0:3 = torch.operator "onnx.com.microsoft.MultiHeadAttention"(%arg0, %arg1, %arg2, %none, %none, %arg3, %arg4, %arg5) {torch.onnx.num_heads = 2 : si64, torch.onnx.unidirectional = 1 : si64} : (!torch.vtensor<[1,2,8],f32>, !torch.vtensor<[1,2,8],f32>, !torch.vtensor<[1,2,8],f32>, !torch.none, !torch.none, !torch.vtensor<[1,2,2,5],f32>, !torch.vtensor<[1,2,3,4],f32>, !torch.vtensor<[1,2,3,4],f32>) -> (!torch.vtensor<[1,2,8],f32>, !torch.vtensor<[1,2,5,4],f32>, !torch.vtensor<[1,2,5,4],f32>)
  return %0#0, %0#1, %0#2 : !torch.vtensor<[1,2,8],f32>, !torch.vtensor<[1,2,5,4],f32>, !torch.vtensor<[1,2,5,4],f32>
}

// -----

// MultiHeadAttention with packed QKV [B, S, N, 3, D].
// CHECK-LABEL: func.func @test_multi_head_attention_packed_qkv
func.func @test_multi_head_attention_packed_qkv(%arg0: !torch.vtensor<[2,3,2,3,4],f32>) -> !torch.vtensor<[2,3,8],f32> attributes {torch.onnx_meta.opset_version = 17 : si64, torch.onnx_meta.opset_versions = {com.microsoft = 1 : si64}} {
  // CHECK: torch.aten.select.int
  // CHECK: torch.aten.softmax.int
  // CHECK: -> !torch.vtensor<[2,3,8],f32>
  // CHECK-NOT: torch.operator
  %none = torch.constant.none
  %0 = torch.operator "onnx.com.microsoft.MultiHeadAttention"(%arg0) {torch.onnx.num_heads = 2 : si64} : (!torch.vtensor<[2,3,2,3,4],f32>) -> !torch.vtensor<[2,3,8],f32>
  return %0 : !torch.vtensor<[2,3,8],f32>
}

// -----

// com.microsoft RotaryEmbedding, 3-D input, [B, S] position_ids.
// CHECK-LABEL: func.func @test_rotary_embedding_3d
func.func @test_rotary_embedding_3d(%arg0: !torch.vtensor<[1,3,8],f32>, %arg1: !torch.vtensor<[1,3],si64>, %arg2: !torch.vtensor<[6,2],f32>, %arg3: !torch.vtensor<[6,2],f32>) -> !torch.vtensor<[1,3,8],f32> attributes {torch.onnx_meta.opset_version = 17 : si64, torch.onnx_meta.opset_versions = {com.microsoft = 1 : si64}} {
  // CHECK: torch.aten.index_select %arg2
  // CHECK: torch.aten.cat
  // CHECK-NOT: torch.operator
  %none = torch.constant.none
  %0 = torch.operator "onnx.com.microsoft.RotaryEmbedding"(%arg0, %arg1, %arg2, %arg3) {torch.onnx.num_heads = 2 : si64} : (!torch.vtensor<[1,3,8],f32>, !torch.vtensor<[1,3],si64>, !torch.vtensor<[6,2],f32>, !torch.vtensor<[6,2],f32>) -> !torch.vtensor<[1,3,8],f32>
  return %0 : !torch.vtensor<[1,3,8],f32>
}

// -----

// com.microsoft RotaryEmbedding, 4-D input, interleaved, a [1] position offset.
// CHECK-LABEL: func.func @test_rotary_embedding_4d_interleaved_offset
func.func @test_rotary_embedding_4d_interleaved_offset(%arg0: !torch.vtensor<[1,2,3,4],f32>, %arg1: !torch.vtensor<[1],si64>, %arg2: !torch.vtensor<[8,2],f32>, %arg3: !torch.vtensor<[8,2],f32>) -> !torch.vtensor<[1,2,3,4],f32> attributes {torch.onnx_meta.opset_version = 17 : si64, torch.onnx_meta.opset_versions = {com.microsoft = 1 : si64}} {
  // CHECK: torch.aten.arange
  // CHECK: torch.aten.index_select %arg2
  // CHECK: torch.aten.stack
  // CHECK-NOT: torch.operator
  %none = torch.constant.none
  %0 = torch.operator "onnx.com.microsoft.RotaryEmbedding"(%arg0, %arg1, %arg2, %arg3) {torch.onnx.interleaved = 1 : si64} : (!torch.vtensor<[1,2,3,4],f32>, !torch.vtensor<[1],si64>, !torch.vtensor<[8,2],f32>, !torch.vtensor<[8,2],f32>) -> !torch.vtensor<[1,2,3,4],f32>
  return %0 : !torch.vtensor<[1,2,3,4],f32>
}

// -----

// GroupQueryAttention, first prompt (S == total_sequence_length), grouped heads.
// CHECK-LABEL: func.func @test_group_query_attention_prompt
func.func @test_group_query_attention_prompt(%arg0: !torch.vtensor<[1,3,32],f32>, %arg1: !torch.vtensor<[1,3,16],f32>, %arg2: !torch.vtensor<[1,3,16],f32>, %arg3: !torch.vtensor<[1],si32>, %arg4: !torch.vtensor<[],si32>) -> (!torch.vtensor<[1,3,32],f32>, !torch.vtensor<[1,2,?,8],f32>, !torch.vtensor<[1,2,?,8],f32>) attributes {torch.onnx_meta.opset_version = 17 : si64, torch.onnx_meta.opset_versions = {com.microsoft = 1 : si64}} {
  // CHECK: torch.aten.item
  // CHECK: torch.aten.gather
  // CHECK: torch.aten.expand
  // CHECK: torch.aten.softmax.int
  // CHECK-NOT: torch.operator
  %none = torch.constant.none
  %0:3 = torch.operator "onnx.com.microsoft.GroupQueryAttention"(%arg0, %arg1, %arg2, %none, %none, %arg3, %arg4) {torch.onnx.kv_num_heads = 2 : si64, torch.onnx.num_heads = 4 : si64} : (!torch.vtensor<[1,3,32],f32>, !torch.vtensor<[1,3,16],f32>, !torch.vtensor<[1,3,16],f32>, !torch.none, !torch.none, !torch.vtensor<[1],si32>, !torch.vtensor<[],si32>) -> (!torch.vtensor<[1,3,32],f32>, !torch.vtensor<[1,2,?,8],f32>, !torch.vtensor<[1,2,?,8],f32>)
  return %0#0, %0#1, %0#2 : !torch.vtensor<[1,3,32],f32>, !torch.vtensor<[1,2,?,8],f32>, !torch.vtensor<[1,2,?,8],f32>
}

// -----

// GroupQueryAttention decoding one token with a past cache, rotary and a local window.
// CHECK-LABEL: func.func @test_group_query_attention_decode_rotary
func.func @test_group_query_attention_decode_rotary(%arg0: !torch.vtensor<[1,1,32],f32>, %arg1: !torch.vtensor<[1,1,32],f32>, %arg2: !torch.vtensor<[1,1,32],f32>, %arg3: !torch.vtensor<[1,2,4,16],f32>, %arg4: !torch.vtensor<[1,2,4,16],f32>, %arg5: !torch.vtensor<[1],si32>, %arg6: !torch.vtensor<[],si32>, %arg7: !torch.vtensor<[8,8],f32>, %arg8: !torch.vtensor<[8,8],f32>) -> (!torch.vtensor<[1,1,32],f32>, !torch.vtensor<[1,2,?,16],f32>, !torch.vtensor<[1,2,?,16],f32>) attributes {torch.onnx_meta.opset_version = 17 : si64, torch.onnx_meta.opset_versions = {com.microsoft = 1 : si64}} {
  // CHECK: torch.aten.index_select %arg7
  // CHECK: torch.aten.constant_pad_nd %arg3
  // CHECK: torch.aten.where.self
  // CHECK: torch.aten.softmax.int
  // CHECK-NOT: torch.operator
  %none = torch.constant.none
  %0:3 = torch.operator "onnx.com.microsoft.GroupQueryAttention"(%arg0, %arg1, %arg2, %arg3, %arg4, %arg5, %arg6, %arg7, %arg8) {torch.onnx.do_rotary = 1 : si64, torch.onnx.kv_num_heads = 2 : si64, torch.onnx.local_window_size = 2 : si64, torch.onnx.num_heads = 2 : si64} : (!torch.vtensor<[1,1,32],f32>, !torch.vtensor<[1,1,32],f32>, !torch.vtensor<[1,1,32],f32>, !torch.vtensor<[1,2,4,16],f32>, !torch.vtensor<[1,2,4,16],f32>, !torch.vtensor<[1],si32>, !torch.vtensor<[],si32>, !torch.vtensor<[8,8],f32>, !torch.vtensor<[8,8],f32>) -> (!torch.vtensor<[1,1,32],f32>, !torch.vtensor<[1,2,?,16],f32>, !torch.vtensor<[1,2,?,16],f32>)
  return %0#0, %0#1, %0#2 : !torch.vtensor<[1,1,32],f32>, !torch.vtensor<[1,2,?,16],f32>, !torch.vtensor<[1,2,?,16],f32>
}

// -----

// QAttention with zero points, per-column weight scales and a mask.
// CHECK-LABEL: func.func @test_qattention
func.func @test_qattention(%arg0: !torch.vtensor<[2,3,8],ui8>, %arg1: !torch.vtensor<[8,24],si8>, %arg2: !torch.vtensor<[24],f32>, %arg3: !torch.vtensor<[],f32>, %arg4: !torch.vtensor<[24],f32>, %arg5: !torch.vtensor<[2,3],si32>, %arg6: !torch.vtensor<[],ui8>, %arg7: !torch.vtensor<[24],si8>) -> !torch.vtensor<[2,3,8],f32> attributes {torch.onnx_meta.opset_version = 17 : si64, torch.onnx_meta.opset_versions = {com.microsoft = 1 : si64}} {
  // CHECK: torch.aten.matmul {{.*}} -> !torch.vtensor<[2,3,24],si32>
  // CHECK: torch.aten.softmax.int
  // CHECK: -> !torch.vtensor<[2,3,8],f32>
  // CHECK-NOT: torch.operator
  %none = torch.constant.none
  %0 = torch.operator "onnx.com.microsoft.QAttention"(%arg0, %arg1, %arg2, %arg3, %arg4, %arg5, %arg6, %arg7) {torch.onnx.num_heads = 2 : si64} : (!torch.vtensor<[2,3,8],ui8>, !torch.vtensor<[8,24],si8>, !torch.vtensor<[24],f32>, !torch.vtensor<[],f32>, !torch.vtensor<[24],f32>, !torch.vtensor<[2,3],si32>, !torch.vtensor<[],ui8>, !torch.vtensor<[24],si8>) -> !torch.vtensor<[2,3,8],f32>
  return %0 : !torch.vtensor<[2,3,8],f32>
}
