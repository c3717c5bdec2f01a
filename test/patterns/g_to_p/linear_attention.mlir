// RUN: %opt --split-input-file --convert-torch-onnx-to-torch %s | filecheck %s

// update_rule "linear", no past state, T=2, one head of d_k=d_v=4: the state starts at zero;
// each step writes k v^T and reads q^T S scaled by 1/sqrt(d_k).
// CHECK-LABEL: func.func @test_linear_attention_linear
func.func @test_linear_attention_linear(%q: !torch.vtensor<[1,2,4],f32>, %k: !torch.vtensor<[1,2,4],f32>, %v: !torch.vtensor<[1,2,4],f32>) -> (!torch.vtensor<[1,2,4],f32>, !torch.vtensor<[1,1,4,4],f32>) attributes {torch.onnx_meta.opset_version = 27 : si64} {
  // CHECK: %[[Q:.*]] = torch.aten.reshape %arg0, {{.*}} -> !torch.vtensor<[1,2,1,4],f32>
  // CHECK: %[[S0:.*]] = torch.aten.zeros {{.*}} -> !torch.vtensor<[1,1,4,4],f32>
  // CHECK: %[[K0:.*]] = torch.aten.select.int %{{.*}}, %int1{{.*}}, %int0{{.*}} -> !torch.vtensor<[1,1,4],f32>
  // CHECK-NOT: torch.aten.exp
  // CHECK: %[[KV:.*]] = torch.aten.mul.Tensor {{.*}} : !torch.vtensor<[1,1,4,1],f32>, !torch.vtensor<[1,1,1,4],f32> -> !torch.vtensor<[1,1,4,4],f32>
  // CHECK: %[[S1:.*]] = torch.aten.add.Tensor %[[S0]], %[[KV]]
  // CHECK: %[[R:.*]] = torch.aten.matmul %{{.*}}, %[[S1]] : !torch.vtensor<[1,1,1,4],f32>, !torch.vtensor<[1,1,4,4],f32> -> !torch.vtensor<[1,1,1,4],f32>
  // CHECK: torch.aten.mul.Scalar %{{.*}}, %float5.000000e-01
  // CHECK: torch.aten.select.int %{{.*}}, %int1{{.*}}, %int1{{.*}} -> !torch.vtensor<[1,1,4],f32>
  // CHECK: %[[Y:.*]] = torch.aten.stack {{.*}} -> !torch.vtensor<[1,2,1,4],f32>
  // CHECK: torch.aten.reshape %[[Y]], {{.*}} -> !torch.vtensor<[1,2,4],f32>
  %0:2 = torch.operator "onnx.LinearAttention"(%q, %k, %v) {torch.onnx.kv_num_heads = 1 : si64, torch.onnx.q_num_heads = 1 : si64, torch.onnx.update_rule = "linear"} : (!torch.vtensor<[1,2,4],f32>, !torch.vtensor<[1,2,4],f32>, !torch.vtensor<[1,2,4],f32>) -> (!torch.vtensor<[1,2,4],f32>, !torch.vtensor<[1,1,4,4],f32>)
  return %0#0, %0#1 : !torch.vtensor<[1,2,4],f32>, !torch.vtensor<[1,1,4,4],f32>
}

// -----

// gated_delta (the default rule), GQA (4 query heads on 2 KV heads), f16 activations with an
// f32 past state, per-head decay and beta, explicit scale, T=1: the state is decayed by
// exp(g), corrected by beta * (v - S^T k), written, repeated per query group, read.
// CHECK-LABEL: func.func @test_linear_attention_gated_delta_gqa
func.func @test_linear_attention_gated_delta_gqa(%q: !torch.vtensor<[2,1,16],f16>, %k: !torch.vtensor<[2,1,8],f16>, %v: !torch.vtensor<[2,1,8],f16>, %past: !torch.vtensor<[2,2,4,4],f32>, %g: !torch.vtensor<[2,1,2],f16>, %beta: !torch.vtensor<[2,1,2],f16>) -> (!torch.vtensor<[2,1,16],f16>, !torch.vtensor<[2,2,4,4],f32>) attributes {torch.onnx_meta.opset_version = 27 : si64} {
  // CHECK: %[[G:.*]] = torch.aten.exp %{{.*}} : !torch.vtensor<[2,2,1],f32> -> !torch.vtensor<[2,2,1],f32>
  // CHECK: %[[GU:.*]] = torch.aten.unsqueeze %[[G]], %int3{{.*}} -> !torch.vtensor<[2,2,1,1],f32>
  // CHECK: %[[SD:.*]] = torch.aten.mul.Tensor %{{.*}}, %[[GU]] : !torch.vtensor<[2,2,4,4],f32>, !torch.vtensor<[2,2,1,1],f32>
  // CHECK: torch.aten.matmul %{{.*}}, %[[SD]] : !torch.vtensor<[2,2,1,4],f32>, !torch.vtensor<[2,2,4,4],f32> -> !torch.vtensor<[2,2,1,4],f32>
  // CHECK: torch.aten.sub.Tensor {{.*}} -> !torch.vtensor<[2,2,4],f32>
  // CHECK: torch.aten.mul.Tensor {{.*}} : !torch.vtensor<[2,2,1],f32>, !torch.vtensor<[2,2,4],f32> -> !torch.vtensor<[2,2,4],f32>
  // CHECK: %[[S:.*]] = torch.aten.add.Tensor %[[SD]]
  // CHECK: %[[U:.*]] = torch.aten.unsqueeze %[[S]], %int2{{.*}} -> !torch.vtensor<[2,2,1,4,4],f32>
  // CHECK: %[[BR:.*]] = torch.aten.broadcast_to %[[U]], {{.*}} -> !torch.vtensor<[2,2,2,4,4],f32>
  // CHECK: %[[RD:.*]] = torch.aten.reshape %[[BR]], {{.*}} -> !torch.vtensor<[2,4,4,4],f32>
  // CHECK: torch.aten.matmul %{{.*}}, %[[RD]] : !torch.vtensor<[2,4,1,4],f32>, !torch.vtensor<[2,4,4,4],f32> -> !torch.vtensor<[2,4,1,4],f32>
  // CHECK: torch.aten.mul.Scalar %{{.*}}, %float2.500000e-01
  // CHECK: torch.aten.to.dtype %{{.*}}, %int5{{.*}} -> !torch.vtensor<[2,1,16],f16>
  // CHECK: return {{.*}}, %[[S]]
  %0:2 = torch.operator "onnx.LinearAttention"(%q, %k, %v, %past, %g, %beta) {torch.onnx.kv_num_heads = 2 : si64, torch.onnx.q_num_heads = 4 : si64, torch.onnx.scale = 2.500000e-01 : f32} : (!torch.vtensor<[2,1,16],f16>, !torch.vtensor<[2,1,8],f16>, !torch.vtensor<[2,1,8],f16>, !torch.vtensor<[2,2,4,4],f32>, !torch.vtensor<[2,1,2],f16>, !torch.vtensor<[2,1,2],f16>) -> (!torch.vtensor<[2,1,16],f16>, !torch.vtensor<[2,2,4,4],f32>)
  return %0#0, %0#1 : !torch.vtensor<[2,1,16],f16>, !torch.vtensor<[2,2,4,4],f32>
}

// -----

// "gated" with a per-key-dim decay [B, T, H_kv * d_k] and "delta" are the two halves of the rule.
// CHECK-LABEL: func.func @test_linear_attention_gated_per_key_dim
func.func @test_linear_attention_gated_per_key_dim(%q: !torch.vtensor<[1,1,4],f32>, %k: !torch.vtensor<[1,1,4],f32>, %v: !torch.vtensor<[1,1,4],f32>, %g: !torch.vtensor<[1,1,4],f32>) -> (!torch.vtensor<[1,1,4],f32>, !torch.vtensor<[1,1,4,4],f32>) attributes {torch.onnx_meta.opset_version = 27 : si64} {
  // CHECK: %[[G:.*]] = torch.aten.exp %{{.*}} : !torch.vtensor<[1,1,4],f32> -> !torch.vtensor<[1,1,4],f32>
  // CHECK: torch.aten.unsqueeze %[[G]], %int3{{.*}} -> !torch.vtensor<[1,1,4,1],f32>
  // CHECK-NOT: torch.aten.sub.Tensor
  // CHECK: torch.aten.stack
  %none = torch.constant.none
  %0:2 = torch.operator "onnx.LinearAttention"(%q, %k, %v, %none, %g) {torch.onnx.kv_num_heads = 1 : si64, torch.onnx.q_num_heads = 1 : si64, torch.onnx.update_rule = "gated"} : (!torch.vtensor<[1,1,4],f32>, !torch.vtensor<[1,1,4],f32>, !torch.vtensor<[1,1,4],f32>, !torch.none, !torch.vtensor<[1,1,4],f32>) -> (!torch.vtensor<[1,1,4],f32>, !torch.vtensor<[1,1,4,4],f32>)
  return %0#0, %0#1 : !torch.vtensor<[1,1,4],f32>, !torch.vtensor<[1,1,4,4],f32>
}
