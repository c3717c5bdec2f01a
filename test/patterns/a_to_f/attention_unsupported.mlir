// RUN: %opt --split-input-file --convert-torch-onnx-to-torch --verify-diagnostics --report %s

// Declined Attention cases (found by the fuzzer): each op stays as it was, with the reason.

// A rank-5 mask broadcasts the 4-D scores to rank 5 (was an invalid tensor_static_info_cast).
func.func @test_attention_mask_rank5(%arg0: !torch.vtensor<[2,3,4,8],f32>, %arg1: !torch.vtensor<[2,3,6,8],f32>, %arg2: !torch.vtensor<[2,3,6,10],f32>, %arg3: !torch.vtensor<[1,2,1,4,6],f32>) -> !torch.vtensor<[2,3,4,10],f32> attributes {torch.onnx_meta.opset_version = 23 : si64} {
  // expected-remark@+1 {{onnx.Attention was not converted: the mask broadcasts the scores to [1, 2, 3, 4, 6]}}
  %0 = torch.operator "onnx.Attention"(%arg0, %arg1, %arg2, %arg3) : (!torch.vtensor<[2,3,4,8],f32>, !torch.vtensor<[2,3,6,8],f32>, !torch.vtensor<[2,3,6,10],f32>, !torch.vtensor<[1,2,1,4,6],f32>) -> !torch.vtensor<[2,3,4,10],f32>
  return %0 : !torch.vtensor<[2,3,4,10],f32>
}

// -----

// q_num_heads = 0 (was a ZeroDivisionError).
func.func @test_attention_3d_zero_heads(%arg0: !torch.vtensor<[2,4,24],f32>, %arg1: !torch.vtensor<[2,6,24],f32>, %arg2: !torch.vtensor<[2,6,24],f32>) -> !torch.vtensor<[2,4,24],f32> attributes {torch.onnx_meta.opset_version = 23 : si64} {
  // expected-remark@+1 {{onnx.Attention was not converted: Q head count 0 is not positive}}
  %0 = torch.operator "onnx.Attention"(%arg0, %arg1, %arg2) {torch.onnx.kv_num_heads = 3 : si64, torch.onnx.q_num_heads = 0 : si64} : (!torch.vtensor<[2,4,24],f32>, !torch.vtensor<[2,6,24],f32>, !torch.vtensor<[2,6,24],f32>) -> !torch.vtensor<[2,4,24],f32>
  return %0 : !torch.vtensor<[2,4,24],f32>
}

// -----

// A rank-0 nonpad_kv_seqlen (was an IndexError).
func.func @test_attention_nonpad_rank0(%arg0: !torch.vtensor<[2,3,4,8],f32>, %arg1: !torch.vtensor<[2,3,6,8],f32>, %arg2: !torch.vtensor<[2,3,6,10],f32>, %arg3: !torch.vtensor<[],si64>) -> !torch.vtensor<[2,3,4,10],f32> attributes {torch.onnx_meta.opset_version = 24 : si64} {
  %none = torch.constant.none
  // expected-remark@+1 {{onnx.Attention was not converted: nonpad_kv_seqlen must be 1-D, got rank 0}}
  %0 = torch.operator "onnx.Attention"(%arg0, %arg1, %arg2, %none, %none, %none, %arg3) : (!torch.vtensor<[2,3,4,8],f32>, !torch.vtensor<[2,3,6,8],f32>, !torch.vtensor<[2,3,6,10],f32>, !torch.none, !torch.none, !torch.none, !torch.vtensor<[],si64>) -> !torch.vtensor<[2,3,4,10],f32>
  return %0 : !torch.vtensor<[2,3,4,10],f32>
}

// -----

// An unranked past_value (was a TypeError).
func.func @test_attention_unranked_past(%arg0: !torch.vtensor<[2,3,4,8],f32>, %arg1: !torch.vtensor<[2,3,6,8],f32>, %arg2: !torch.vtensor<[2,3,6,8],f32>, %arg3: !torch.vtensor<[2,3,5,8],f32>, %arg4: !torch.vtensor<*,f32>) -> !torch.vtensor<[2,3,4,8],f32> attributes {torch.onnx_meta.opset_version = 23 : si64} {
  %none = torch.constant.none
  // expected-remark@+1 {{onnx.Attention was not converted: past_key and past_value must be 4-D (with a known rank)}}
  %0 = torch.operator "onnx.Attention"(%arg0, %arg1, %arg2, %none, %arg3, %arg4) : (!torch.vtensor<[2,3,4,8],f32>, !torch.vtensor<[2,3,6,8],f32>, !torch.vtensor<[2,3,6,8],f32>, !torch.none, !torch.vtensor<[2,3,5,8],f32>, !torch.vtensor<*,f32>) -> !torch.vtensor<[2,3,4,8],f32>
  return %0 : !torch.vtensor<[2,3,4,8],f32>
}
