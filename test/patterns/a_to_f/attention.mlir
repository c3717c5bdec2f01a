// RUN: %opt --split-input-file --convert-torch-onnx-to-torch %s | filecheck %s

// Q and K are each scaled by sqrt(1/sqrt(8)); no mask, so no fully-masked-row guard.
// CHECK-LABEL: func.func @test_attention_4d
func.func @test_attention_4d(%arg0: !torch.vtensor<[2,3,4,8],f32>, %arg1: !torch.vtensor<[2,3,6,8],f32>, %arg2: !torch.vtensor<[2,3,6,10],f32>) -> !torch.vtensor<[2,3,4,10],f32> attributes {torch.onnx_meta.opset_version = 23 : si64} {
  // CHECK: %[[S:.*]] = torch.constant.float 0.59460355750136051
  // CHECK: %[[Q:.*]] = torch.aten.mul.Scalar %arg0, %[[S]]
  // CHECK: %[[K:.*]] = torch.aten.mul.Scalar %arg1, %{{.*}}
  // CHECK: %[[KT:.*]] = torch.aten.transpose.int %[[K]], %{{.*}}, %{{.*}} : !torch.vtensor<[2,3,6,8],f32>, !torch.int, !torch.int -> !torch.vtensor<[2,3,8,6],f32>
  // CHECK: %[[QK:.*]] = torch.aten.matmul %[[Q]], %[[KT]] : !torch.vtensor<[2,3,4,8],f32>, !torch.vtensor<[2,3,8,6],f32> -> !torch.vtensor<[2,3,4,6],f32>
  // CHECK: %[[P:.*]] = torch.aten.softmax.int %[[QK]], %{{.*}}, %{{.*}} : !torch.vtensor<[2,3,4,6],f32>, !torch.int, !torch.none -> !torch.vtensor<[2,3,4,6],f32>
  // CHECK-NOT: torch.aten.amax
  // CHECK: %[[Y:.*]] = torch.aten.matmul %[[P]], %arg2 : !torch.vtensor<[2,3,4,6],f32>, !torch.vtensor<[2,3,6,10],f32> -> !torch.vtensor<[2,3,4,10],f32>
  // CHECK: return %[[Y]]
  %0 = torch.operator "onnx.Attention"(%arg0, %arg1, %arg2) : (!torch.vtensor<[2,3,4,8],f32>, !torch.vtensor<[2,3,6,8],f32>, !torch.vtensor<[2,3,6,10],f32>) -> !torch.vtensor<[2,3,4,10],f32>
  return %0 : !torch.vtensor<[2,3,4,10],f32>
}

// -----

// A bool mask and is_causal become -inf biases that add up; rows whose bias is -inf
// everywhere get zero probabilities.
// CHECK-LABEL: func.func @test_attention_causal_bool_mask
func.func @test_attention_causal_bool_mask(%arg0: !torch.vtensor<[2,3,4,8],f32>, %arg1: !torch.vtensor<[2,3,6,8],f32>, %arg2: !torch.vtensor<[2,3,6,8],f32>, %arg3: !torch.vtensor<[4,6],i1>) -> !torch.vtensor<[2,3,4,8],f32> attributes {torch.onnx_meta.opset_version = 23 : si64} {
  // CHECK: %[[QK:.*]] = torch.aten.matmul
  // CHECK: %[[MB:.*]] = torch.aten.where.Scalar %arg3, %{{.*}}, %{{.*}} : !torch.vtensor<[4,6],i1>, !torch.float, !torch.float -> !torch.vtensor<[4,6],f32>
  // CHECK: %[[I:.*]] = torch.aten.arange %int4, {{.*}} -> !torch.vtensor<[4],si64>
  // CHECK: %[[J:.*]] = torch.aten.arange %int6, {{.*}} -> !torch.vtensor<[6],si64>
  // CHECK: %[[D:.*]] = torch.aten.sub.Tensor {{.*}} -> !torch.vtensor<[4,6],si64>
  // CHECK: %[[OK:.*]] = torch.aten.ge.Scalar %[[D]], %{{.*}} : !torch.vtensor<[4,6],si64>, !torch.int -> !torch.vtensor<[4,6],i1>
  // CHECK: %[[CB:.*]] = torch.aten.where.Scalar %[[OK]]
  // CHECK: %[[BIAS:.*]] = torch.aten.add.Tensor %[[MB]], %[[CB]], %{{.*}} -> !torch.vtensor<[4,6],f32>
  // CHECK: %[[L:.*]] = torch.aten.add.Tensor %[[QK]], %[[BIAS]], %{{.*}} -> !torch.vtensor<[2,3,4,6],f32>
  // CHECK: %[[P:.*]] = torch.aten.softmax.int %[[L]]
  // CHECK: %[[MAX:.*]] = torch.aten.amax %[[BIAS]], {{.*}} -> !torch.vtensor<[4,1],f32>
  // CHECK: %[[DEAD:.*]] = torch.aten.eq.Scalar %[[MAX]], %{{.*}} -> !torch.vtensor<[4,1],i1>
  // CHECK: %[[PG:.*]] = torch.aten.where.ScalarSelf %[[DEAD]], %{{.*}}, %[[P]] : !torch.vtensor<[4,1],i1>, !torch.float, !torch.vtensor<[2,3,4,6],f32> -> !torch.vtensor<[2,3,4,6],f32>
  // CHECK: torch.aten.matmul %[[PG]], %arg2
  %0 = torch.operator "onnx.Attention"(%arg0, %arg1, %arg2, %arg3) {torch.onnx.is_causal = 1 : si64} : (!torch.vtensor<[2,3,4,8],f32>, !torch.vtensor<[2,3,6,8],f32>, !torch.vtensor<[2,3,6,8],f32>, !torch.vtensor<[4,6],i1>) -> !torch.vtensor<[2,3,4,8],f32>
  return %0 : !torch.vtensor<[2,3,4,8],f32>
}

// -----

// 3-D GQA with a KV cache: heads split out, the cache appended (the present outputs),
// each KV head repeated for 3 query heads; mode 2 returns the biased scores.
// CHECK-LABEL: func.func @test_attention_3d_gqa_past_present_qk_bias
func.func @test_attention_3d_gqa_past_present_qk_bias(%arg0: !torch.vtensor<[2,4,72],f32>, %arg1: !torch.vtensor<[2,6,24],f32>, %arg2: !torch.vtensor<[2,6,24],f32>, %arg3: !torch.vtensor<[4,18],f32>, %arg4: !torch.vtensor<[2,3,12,8],f32>, %arg5: !torch.vtensor<[2,3,12,8],f32>) -> (!torch.vtensor<[2,4,72],f32>, !torch.vtensor<[2,3,18,8],f32>, !torch.vtensor<[2,3,18,8],f32>, !torch.vtensor<[2,9,4,18],f32>) attributes {torch.onnx_meta.opset_version = 23 : si64} {
  // CHECK: %[[Q4:.*]] = torch.aten.reshape %arg0, {{.*}} -> !torch.vtensor<[2,4,9,8],f32>
  // CHECK: %[[Q:.*]] = torch.aten.permute %[[Q4]], {{.*}} -> !torch.vtensor<[2,9,4,8],f32>
  // CHECK: %[[K:.*]] = torch.aten.permute {{.*}} -> !torch.vtensor<[2,3,6,8],f32>
  // CHECK: %[[V:.*]] = torch.aten.permute {{.*}} -> !torch.vtensor<[2,3,6,8],f32>
  // CHECK: %[[KL:.*]] = torch.prim.ListConstruct %arg4, %[[K]]
  // CHECK: %[[PK:.*]] = torch.aten.cat %[[KL]], %{{.*}} : !torch.list<vtensor>, !torch.int -> !torch.vtensor<[2,3,18,8],f32>
  // CHECK: %[[VL:.*]] = torch.prim.ListConstruct %arg5, %[[V]]
  // CHECK: %[[PV:.*]] = torch.aten.cat %[[VL]], %{{.*}} : !torch.list<vtensor>, !torch.int -> !torch.vtensor<[2,3,18,8],f32>
  // CHECK: %[[K5:.*]] = torch.aten.unsqueeze %[[PK]], %{{.*}} -> !torch.vtensor<[2,3,1,18,8],f32>
  // CHECK: %[[KE:.*]] = torch.aten.expand %[[K5]], {{.*}} -> !torch.vtensor<[2,3,3,18,8],f32>
  // CHECK: torch.aten.reshape %[[KE]], {{.*}} -> !torch.vtensor<[2,9,18,8],f32>
  // CHECK: %[[QK:.*]] = torch.aten.matmul {{.*}} -> !torch.vtensor<[2,9,4,18],f32>
  // CHECK: %[[B:.*]] = torch.aten.add.Tensor %[[QK]], %arg3, %{{.*}} -> !torch.vtensor<[2,9,4,18],f32>
  // CHECK: %[[Y4:.*]] = torch.aten.matmul {{.*}} -> !torch.vtensor<[2,9,4,8],f32>
  // CHECK: %[[YP:.*]] = torch.aten.permute %[[Y4]], {{.*}} -> !torch.vtensor<[2,4,9,8],f32>
  // CHECK: %[[Y:.*]] = torch.aten.reshape %[[YP]], {{.*}} -> !torch.vtensor<[2,4,72],f32>
  // CHECK: return %[[Y]], %[[PK]], %[[PV]], %[[B]]
  %0:4 = torch.operator "onnx.Attention"(%arg0, %arg1, %arg2, %arg3, %arg4, %arg5) {torch.onnx.kv_num_heads = 3 : si64, torch.onnx.q_num_heads = 9 : si64, torch.onnx.qk_matmul_output_mode = 2 : si64} : (!torch.vtensor<[2,4,72],f32>, !torch.vtensor<[2,6,24],f32>, !torch.vtensor<[2,6,24],f32>, !torch.vtensor<[4,18],f32>, !torch.vtensor<[2,3,12,8],f32>, !torch.vtensor<[2,3,12,8],f32>) -> (!torch.vtensor<[2,4,72],f32>, !torch.vtensor<[2,3,18,8],f32>, !torch.vtensor<[2,3,18,8],f32>, !torch.vtensor<[2,9,4,18],f32>)
  return %0#0, %0#1, %0#2, %0#3 : !torch.vtensor<[2,4,72],f32>, !torch.vtensor<[2,3,18,8],f32>, !torch.vtensor<[2,3,18,8],f32>, !torch.vtensor<[2,9,4,18],f32>
}

// -----

// Causal with a KV cache is offset-aware: query i attends key j iff j <= i + 12.
// CHECK-LABEL: func.func @test_attention_causal_past_offset
func.func @test_attention_causal_past_offset(%arg0: !torch.vtensor<[1,1,4,8],f32>, %arg1: !torch.vtensor<[1,1,6,8],f32>, %arg2: !torch.vtensor<[1,1,6,8],f32>, %arg3: !torch.vtensor<[1,1,12,8],f32>, %arg4: !torch.vtensor<[1,1,12,8],f32>) -> !torch.vtensor<[1,1,4,8],f32> attributes {torch.onnx_meta.opset_version = 23 : si64} {
  // CHECK: %[[PAST:.*]] = torch.constant.int 12
  // CHECK: %[[D:.*]] = torch.aten.sub.Tensor {{.*}} -> !torch.vtensor<[4,18],si64>
  // CHECK: %[[DO:.*]] = torch.aten.add.Scalar %[[D]], %[[PAST]], %{{.*}} : !torch.vtensor<[4,18],si64>, !torch.int, !torch.int -> !torch.vtensor<[4,18],si64>
  // CHECK: torch.aten.ge.Scalar %[[DO]]
  %none = torch.constant.none
  %0:3 = torch.operator "onnx.Attention"(%arg0, %arg1, %arg2, %none, %arg3, %arg4) {torch.onnx.is_causal = 1 : si64} : (!torch.vtensor<[1,1,4,8],f32>, !torch.vtensor<[1,1,6,8],f32>, !torch.vtensor<[1,1,6,8],f32>, !torch.none, !torch.vtensor<[1,1,12,8],f32>, !torch.vtensor<[1,1,12,8],f32>) -> (!torch.vtensor<[1,1,4,8],f32>, !torch.vtensor<[1,1,18,8],f32>, !torch.vtensor<[1,1,18,8],f32>)
  return %0#0 : !torch.vtensor<[1,1,4,8],f32>
}

// -----

// Attention-24: a mask shorter than the key sequence is padded with -inf; nonpad_kv_seqlen
// gives a per-batch padding bias [B,1,1,St].
// CHECK-LABEL: func.func @test_attention_v24_short_mask_nonpad
func.func @test_attention_v24_short_mask_nonpad(%arg0: !torch.vtensor<[2,3,4,8],f32>, %arg1: !torch.vtensor<[2,3,6,8],f32>, %arg2: !torch.vtensor<[2,3,6,8],f32>, %arg3: !torch.vtensor<[2,3,4,4],f32>, %arg4: !torch.vtensor<[2],si64>) -> !torch.vtensor<[2,3,4,8],f32> attributes {torch.onnx_meta.opset_version = 24 : si64} {
  // CHECK: %[[MP:.*]] = torch.aten.constant_pad_nd %arg3, %{{.*}}, %{{.*}} : !torch.vtensor<[2,3,4,4],f32>, !torch.list<int>, !torch.float -> !torch.vtensor<[2,3,4,6],f32>
  // CHECK: %[[LENS:.*]] = torch.aten.unsqueeze %arg4, %{{.*}} : !torch.vtensor<[2],si64>, !torch.int -> !torch.vtensor<[2,1],si64>
  // CHECK: %[[VALID:.*]] = torch.aten.lt.Tensor %{{.*}}, %[[LENS]] : !torch.vtensor<[1,6],si64>, !torch.vtensor<[2,1],si64> -> !torch.vtensor<[2,6],i1>
  // CHECK: %[[PB:.*]] = torch.aten.where.Scalar %[[VALID]]
  // CHECK: %[[PB4:.*]] = torch.aten.reshape %[[PB]], {{.*}} -> !torch.vtensor<[2,1,1,6],f32>
  // CHECK: torch.aten.add.Tensor %[[MP]], %[[PB4]], %{{.*}} -> !torch.vtensor<[2,3,4,6],f32>
  %none = torch.constant.none
  %0 = torch.operator "onnx.Attention"(%arg0, %arg1, %arg2, %arg3, %none, %none, %arg4) : (!torch.vtensor<[2,3,4,8],f32>, !torch.vtensor<[2,3,6,8],f32>, !torch.vtensor<[2,3,6,8],f32>, !torch.vtensor<[2,3,4,4],f32>, !torch.none, !torch.none, !torch.vtensor<[2],si64>) -> !torch.vtensor<[2,3,4,8],f32>
  return %0 : !torch.vtensor<[2,3,4,8],f32>
}

// -----

// Attention-24 causal with nonpad_kv_seqlen: the offset is nonpad_kv_seqlen[b] - q_len.
// CHECK-LABEL: func.func @test_attention_v24_causal_nonpad_offset
func.func @test_attention_v24_causal_nonpad_offset(%arg0: !torch.vtensor<[2,4,1,8],f32>, %arg1: !torch.vtensor<[2,2,8,8],f32>, %arg2: !torch.vtensor<[2,2,8,8],f32>, %arg3: !torch.vtensor<[2],si64>) -> !torch.vtensor<[2,4,1,8],f32> attributes {torch.onnx_meta.opset_version = 24 : si64} {
  // CHECK: %[[D:.*]] = torch.aten.sub.Tensor {{.*}} -> !torch.vtensor<[1,8],si64>
  // CHECK: %[[OFF:.*]] = torch.aten.sub.Scalar %arg3, %{{.*}}, %{{.*}} : !torch.vtensor<[2],si64>, !torch.int, !torch.int -> !torch.vtensor<[2],si64>
  // CHECK: %[[OFF3:.*]] = torch.aten.reshape %[[OFF]], {{.*}} -> !torch.vtensor<[2,1,1],si64>
  // CHECK: %[[DB:.*]] = torch.aten.add.Tensor %[[D]], %[[OFF3]], %{{.*}} -> !torch.vtensor<[2,1,8],si64>
  // CHECK: torch.aten.ge.Scalar %[[DB]]
  // CHECK: torch.aten.unsqueeze {{.*}} -> !torch.vtensor<[2,1,1,8],f32>
  %none = torch.constant.none
  %0 = torch.operator "onnx.Attention"(%arg0, %arg1, %arg2, %none, %none, %none, %arg3) {torch.onnx.is_causal = 1 : si64} : (!torch.vtensor<[2,4,1,8],f32>, !torch.vtensor<[2,2,8,8],f32>, !torch.vtensor<[2,2,8,8],f32>, !torch.none, !torch.none, !torch.none, !torch.vtensor<[2],si64>) -> !torch.vtensor<[2,4,1,8],f32>
  return %0 : !torch.vtensor<[2,4,1,8],f32>
}

// -----

// Attention-25 sliding window: allowed iff -right <= i - j <= left (and causal: i - j >= 0).
// CHECK-LABEL: func.func @test_attention_v25_window
func.func @test_attention_v25_window(%arg0: !torch.vtensor<[1,1,5,4],f32>, %arg1: !torch.vtensor<[1,1,5,4],f32>, %arg2: !torch.vtensor<[1,1,5,4],f32>) -> !torch.vtensor<[1,1,5,4],f32> attributes {torch.onnx_meta.opset_version = 25 : si64} {
  // CHECK: %[[D:.*]] = torch.aten.sub.Tensor {{.*}} -> !torch.vtensor<[5,5],si64>
  // CHECK: %[[L:.*]] = torch.constant.int 1
  // CHECK: %[[LE:.*]] = torch.aten.le.Scalar %[[D]], %[[L]]
  // CHECK: %[[R:.*]] = torch.constant.int -2
  // CHECK: %[[GE:.*]] = torch.aten.ge.Scalar %[[D]], %[[R]]
  // CHECK: torch.aten.logical_and %[[LE]], %[[GE]]
  %0 = torch.operator "onnx.Attention"(%arg0, %arg1, %arg2) {torch.onnx.left_window_size = 1 : si64, torch.onnx.right_window_size = 2 : si64} : (!torch.vtensor<[1,1,5,4],f32>, !torch.vtensor<[1,1,5,4],f32>, !torch.vtensor<[1,1,5,4],f32>) -> !torch.vtensor<[1,1,5,4],f32>
  return %0 : !torch.vtensor<[1,1,5,4],f32>
}

// -----

// Window attributes do not exist before opset 25 and are ignored there.
// CHECK-LABEL: func.func @test_attention_v24_ignores_window
func.func @test_attention_v24_ignores_window(%arg0: !torch.vtensor<[1,1,5,4],f32>, %arg1: !torch.vtensor<[1,1,5,4],f32>, %arg2: !torch.vtensor<[1,1,5,4],f32>) -> !torch.vtensor<[1,1,5,4],f32> attributes {torch.onnx_meta.opset_version = 24 : si64} {
  // CHECK-NOT: torch.aten.arange
  // CHECK: torch.aten.softmax.int
  %0 = torch.operator "onnx.Attention"(%arg0, %arg1, %arg2) {torch.onnx.left_window_size = 1 : si64} : (!torch.vtensor<[1,1,5,4],f32>, !torch.vtensor<[1,1,5,4],f32>, !torch.vtensor<[1,1,5,4],f32>) -> !torch.vtensor<[1,1,5,4],f32>
  return %0 : !torch.vtensor<[1,1,5,4],f32>
}

// -----

// softcap: softcap * tanh(scores / softcap), before the bias; mode 1 returns it.
// CHECK-LABEL: func.func @test_attention_softcap_qk_mode1
func.func @test_attention_softcap_qk_mode1(%arg0: !torch.vtensor<[1,1,4,8],f32>, %arg1: !torch.vtensor<[1,1,6,8],f32>, %arg2: !torch.vtensor<[1,1,6,8],f32>) -> (!torch.vtensor<[1,1,4,8],f32>, !torch.vtensor<[1,1,4,6],f32>) attributes {torch.onnx_meta.opset_version = 23 : si64} {
  // CHECK: %[[QK:.*]] = torch.aten.matmul
  // CHECK: %[[C:.*]] = torch.constant.float 2.000000e+00
  // CHECK: %[[DIV:.*]] = torch.aten.div.Scalar %[[QK]], %[[C]]
  // CHECK: %[[T:.*]] = torch.aten.tanh %[[DIV]]
  // CHECK: %[[SC:.*]] = torch.aten.mul.Scalar %[[T]], %{{.*}}
  // CHECK: torch.aten.softmax.int %[[SC]]
  // CHECK: return %{{.*}}, %[[SC]]
  %none = torch.constant.none
  %0:4 = torch.operator "onnx.Attention"(%arg0, %arg1, %arg2) {torch.onnx.qk_matmul_output_mode = 1 : si64, torch.onnx.softcap = 2.0 : f32} : (!torch.vtensor<[1,1,4,8],f32>, !torch.vtensor<[1,1,6,8],f32>, !torch.vtensor<[1,1,6,8],f32>) -> (!torch.vtensor<[1,1,4,8],f32>, !torch.none, !torch.none, !torch.vtensor<[1,1,4,6],f32>)
  return %0#0, %0#3 : !torch.vtensor<[1,1,4,8],f32>, !torch.vtensor<[1,1,4,6],f32>
}

// -----

// f16 inputs are computed in f32 and rounded at the end; softmax_precision=1 (f32) and
// mode 3 (probabilities, in the output dtype).
// CHECK-LABEL: func.func @test_attention_f16_softmax_precision_mode3
func.func @test_attention_f16_softmax_precision_mode3(%arg0: !torch.vtensor<[1,2,2,8],f16>, %arg1: !torch.vtensor<[1,2,2,8],f16>, %arg2: !torch.vtensor<[1,2,2,8],f16>) -> (!torch.vtensor<[1,2,2,8],f16>, !torch.vtensor<[1,2,2,2],f16>) attributes {torch.onnx_meta.opset_version = 24 : si64} {
  // CHECK: %[[Q:.*]] = torch.aten.to.dtype %arg0, {{.*}} -> !torch.vtensor<[1,2,2,8],f32>
  // CHECK: %[[P:.*]] = torch.aten.softmax.int {{.*}} -> !torch.vtensor<[1,2,2,2],f32>
  // CHECK: %[[Y32:.*]] = torch.aten.matmul %[[P]], {{.*}} -> !torch.vtensor<[1,2,2,8],f32>
  // CHECK: %[[Y:.*]] = torch.aten.to.dtype %[[Y32]], {{.*}} -> !torch.vtensor<[1,2,2,8],f16>
  // CHECK: %[[P16:.*]] = torch.aten.to.dtype %[[P]], {{.*}} -> !torch.vtensor<[1,2,2,2],f16>
  // CHECK: return %[[Y]], %[[P16]]
  %0:4 = torch.operator "onnx.Attention"(%arg0, %arg1, %arg2) {torch.onnx.qk_matmul_output_mode = 3 : si64, torch.onnx.softmax_precision = 1 : si64} : (!torch.vtensor<[1,2,2,8],f16>, !torch.vtensor<[1,2,2,8],f16>, !torch.vtensor<[1,2,2,8],f16>) -> (!torch.vtensor<[1,2,2,8],f16>, !torch.none, !torch.none, !torch.vtensor<[1,2,2,2],f16>)
  return %0#0, %0#3 : !torch.vtensor<[1,2,2,8],f16>, !torch.vtensor<[1,2,2,2],f16>
}

// -----

// A negative scale (was a math domain error): its sign goes on Q's factor, sqrt(|scale|) on both.
// CHECK-LABEL: func.func @test_attention_negative_scale
func.func @test_attention_negative_scale(%arg0: !torch.vtensor<[2,3,4,8],f32>, %arg1: !torch.vtensor<[2,3,6,8],f32>, %arg2: !torch.vtensor<[2,3,6,10],f32>) -> !torch.vtensor<[2,3,4,10],f32> attributes {torch.onnx_meta.opset_version = 23 : si64} {
  // CHECK: torch.aten.mul.Scalar %arg0, %float-5.000000e-01
  // CHECK: torch.aten.mul.Scalar %arg1, %float5.000000e-01
  %0 = torch.operator "onnx.Attention"(%arg0, %arg1, %arg2) {torch.onnx.scale = -2.500000e-01 : f32} : (!torch.vtensor<[2,3,4,8],f32>, !torch.vtensor<[2,3,6,8],f32>, !torch.vtensor<[2,3,6,10],f32>) -> !torch.vtensor<[2,3,4,10],f32>
  return %0 : !torch.vtensor<[2,3,4,10],f32>
}
