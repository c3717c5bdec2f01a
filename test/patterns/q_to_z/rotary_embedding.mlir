// RUN: %opt --split-input-file --convert-torch-onnx-to-torch %s | filecheck %s

// 4-D [batch, heads, seq, head] input, position_ids, full rotation, halves: the cache rows
// are gathered, broadcast as [batch, 1, seq, half].
// CHECK-LABEL: func.func @test_rotary_embedding_4d_position_ids
func.func @test_rotary_embedding_4d_position_ids(%arg0: !torch.vtensor<[2,4,3,8],f32>, %arg1: !torch.vtensor<[50,4],f32>, %arg2: !torch.vtensor<[50,4],f32>, %arg3: !torch.vtensor<[2,3],si64>) -> !torch.vtensor<[2,4,3,8],f32> attributes {torch.onnx_meta.opset_version = 23 : si64} {
  // CHECK: %[[P:.*]] = torch.aten.reshape %arg3, {{.*}} -> !torch.vtensor<[6],si64>
  // CHECK: %[[CR:.*]] = torch.aten.index_select %arg1, %int0{{.*}}, %[[P]] : !torch.vtensor<[50,4],f32>, !torch.int, !torch.vtensor<[6],si64> -> !torch.vtensor<[6,4],f32>
  // CHECK: %[[C3:.*]] = torch.aten.reshape %[[CR]], {{.*}} -> !torch.vtensor<[2,3,4],f32>
  // CHECK: %[[C:.*]] = torch.aten.unsqueeze %[[C3]], %int1{{.*}} -> !torch.vtensor<[2,1,3,4],f32>
  // CHECK: %[[S:.*]] = torch.aten.unsqueeze %{{.*}}, %int1{{.*}} -> !torch.vtensor<[2,1,3,4],f32>
  // CHECK: %[[X1:.*]] = torch.aten.slice.Tensor %arg0, %int3{{.*}}, %int0{{.*}}, %int4{{.*}}, %int1{{.*}} -> !torch.vtensor<[2,4,3,4],f32>
  // CHECK: %[[X2:.*]] = torch.aten.slice.Tensor %arg0, %int3{{.*}}, %int4{{.*}}, %int8{{.*}}, %int1{{.*}} -> !torch.vtensor<[2,4,3,4],f32>
  // CHECK: %[[A:.*]] = torch.aten.mul.Tensor %[[C]], %[[X1]]
  // CHECK: %[[B:.*]] = torch.aten.mul.Tensor %[[S]], %[[X2]]
  // CHECK: %[[RE:.*]] = torch.aten.sub.Tensor %[[A]], %[[B]]
  // CHECK: %[[IM:.*]] = torch.aten.add.Tensor
  // CHECK: %[[L:.*]] = torch.prim.ListConstruct %[[RE]], %[[IM]]
  // CHECK: torch.aten.cat %[[L]], %int-1 : !torch.list<vtensor>, !torch.int -> !torch.vtensor<[2,4,3,8],f32>
  %0 = torch.operator "onnx.RotaryEmbedding"(%arg0, %arg1, %arg2, %arg3) : (!torch.vtensor<[2,4,3,8],f32>, !torch.vtensor<[50,4],f32>, !torch.vtensor<[50,4],f32>, !torch.vtensor<[2,3],si64>) -> !torch.vtensor<[2,4,3,8],f32>
  return %0 : !torch.vtensor<[2,4,3,8],f32>
}

// -----

// 3-D [batch, seq, hidden] input with num_heads, no position_ids, interleaved: split into
// heads, even/odd lanes by strided slices, re-interleaved by stack + reshape.
// CHECK-LABEL: func.func @test_rotary_embedding_3d_interleaved
func.func @test_rotary_embedding_3d_interleaved(%arg0: !torch.vtensor<[2,3,16],f32>, %arg1: !torch.vtensor<[2,3,4],f32>, %arg2: !torch.vtensor<[2,3,4],f32>) -> !torch.vtensor<[2,3,16],f32> attributes {torch.onnx_meta.opset_version = 23 : si64} {
  // CHECK: %[[X:.*]] = torch.aten.reshape %arg0, {{.*}} -> !torch.vtensor<[2,3,2,8],f32>
  // CHECK: %[[C:.*]] = torch.aten.unsqueeze %arg1, %int2{{.*}} -> !torch.vtensor<[2,3,1,4],f32>
  // CHECK: %[[X1:.*]] = torch.aten.slice.Tensor %[[X]], %int3{{.*}}, %int0{{.*}}, %int8{{.*}}, %int2{{.*}} -> !torch.vtensor<[2,3,2,4],f32>
  // CHECK: %[[X2:.*]] = torch.aten.slice.Tensor %[[X]], %int3{{.*}}, %int1{{.*}}, %int8{{.*}}, %int2{{.*}} -> !torch.vtensor<[2,3,2,4],f32>
  // CHECK: %[[ST:.*]] = torch.aten.stack %{{.*}}, %int-1 : !torch.list<vtensor>, !torch.int -> !torch.vtensor<[2,3,2,4,2],f32>
  // CHECK: %[[Y:.*]] = torch.aten.reshape %[[ST]], {{.*}} -> !torch.vtensor<[2,3,2,8],f32>
  // CHECK: torch.aten.reshape %[[Y]], {{.*}} -> !torch.vtensor<[2,3,16],f32>
  %0 = torch.operator "onnx.RotaryEmbedding"(%arg0, %arg1, %arg2) {torch.onnx.interleaved = 1 : si64, torch.onnx.num_heads = 2 : si64} : (!torch.vtensor<[2,3,16],f32>, !torch.vtensor<[2,3,4],f32>, !torch.vtensor<[2,3,4],f32>) -> !torch.vtensor<[2,3,16],f32>
  return %0 : !torch.vtensor<[2,3,16],f32>
}

// -----

// Partial rotation (rotary_embedding_dim 4 of a head of 8), dynamic batch/seq: the
// unrotated tail is concatenated back.
// CHECK-LABEL: func.func @test_rotary_embedding_partial_dynamic
func.func @test_rotary_embedding_partial_dynamic(%arg0: !torch.vtensor<[?,2,?,8],f16>, %arg1: !torch.vtensor<[?,?,2],f16>, %arg2: !torch.vtensor<[?,?,2],f16>) -> !torch.vtensor<[?,2,?,8],f16> attributes {torch.onnx_meta.opset_version = 23 : si64} {
  // CHECK: %[[XR:.*]] = torch.aten.slice.Tensor %arg0, %int3{{.*}}, %int0{{.*}}, %int4{{.*}}, %int1{{.*}} -> !torch.vtensor<[?,2,?,4],f16>
  // CHECK: torch.aten.slice.Tensor %[[XR]], %int3{{.*}}, %int0{{.*}}, %int2{{.*}}, %int1{{.*}} -> !torch.vtensor<[?,2,?,2],f16>
  // CHECK: %[[R:.*]] = torch.aten.cat {{.*}} -> !torch.vtensor<[?,2,?,4],f16>
  // CHECK: %[[T:.*]] = torch.aten.slice.Tensor %arg0, %int3{{.*}}, %int4{{.*}}, %int8{{.*}}, %int1{{.*}} -> !torch.vtensor<[?,2,?,4],f16>
  // CHECK: %[[L:.*]] = torch.prim.ListConstruct %[[R]], %[[T]]
  // CHECK: torch.aten.cat %[[L]], %int-1{{.*}} -> !torch.vtensor<[?,2,?,8],f16>
  %0 = torch.operator "onnx.RotaryEmbedding"(%arg0, %arg1, %arg2) {torch.onnx.rotary_embedding_dim = 4 : si64} : (!torch.vtensor<[?,2,?,8],f16>, !torch.vtensor<[?,?,2],f16>, !torch.vtensor<[?,?,2],f16>) -> !torch.vtensor<[?,2,?,8],f16>
  return %0 : !torch.vtensor<[?,2,?,8],f16>
}
