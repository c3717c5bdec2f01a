// RUN: %opt --split-input-file --convert-torch-onnx-to-torch %s | filecheck %s

// SkipLayerNormalization with beta, bias and the input_skip_bias_sum output.
// CHECK-LABEL: func.func @test_skip_layer_normalization
func.func @test_skip_layer_normalization(%arg0: !torch.vtensor<[2,3,8],f32>, %arg1: !torch.vtensor<[2,3,8],f32>, %arg2: !torch.vtensor<[8],f32>, %arg3: !torch.vtensor<[8],f32>, %arg4: !torch.vtensor<[8],f32>) -> (!torch.vtensor<[2,3,8],f32>, !torch.vtensor<[2,3,8],f32>) attributes {torch.onnx_meta.opset_version = 17 : si64, torch.onnx_meta.opset_versions = {com.microsoft = 1 : si64}} {
  // CHECK: torch.aten.add.Tensor %arg0, %arg1
  // CHECK: torch.aten.mean.dim
  // CHECK: torch.aten.rsqrt
  // CHECK: torch.aten.mul.Tensor %{{.*}}, %arg2
  // CHECK-NOT: torch.operator
  %none = torch.constant.none
  %0:4 = torch.operator "onnx.com.microsoft.SkipLayerNormalization"(%arg0, %arg1, %arg2, %arg3, %arg4) {torch.onnx.epsilon = 9.99999974E-6 : f32} : (!torch.vtensor<[2,3,8],f32>, !torch.vtensor<[2,3,8],f32>, !torch.vtensor<[8],f32>, !torch.vtensor<[8],f32>, !torch.vtensor<[8],f32>) -> (!torch.vtensor<[2,3,8],f32>, !torch.none, !torch.none, !torch.vtensor<[2,3,8],f32>)
  return %0#0, %0#3 : !torch.vtensor<[2,3,8],f32>, !torch.vtensor<[2,3,8],f32>
}

// -----

// A [S, H] skip broadcasts; no beta, no bias.
// CHECK-LABEL: func.func @test_skip_layer_normalization_2d_skip
func.func @test_skip_layer_normalization_2d_skip(%arg0: !torch.vtensor<[2,3,8],f32>, %arg1: !torch.vtensor<[3,8],f32>, %arg2: !torch.vtensor<[8],f32>) -> !torch.vtensor<[2,3,8],f32> attributes {torch.onnx_meta.opset_version = 17 : si64, torch.onnx_meta.opset_versions = {com.microsoft = 1 : si64}} {
  // CHECK: torch.aten.add.Tensor %arg0, %arg1
  // CHECK: torch.aten.add.Scalar %{{.*}}, %{{.*}} : !torch.vtensor<[2,3,1],f32>
  // CHECK-NOT: torch.operator
  %none = torch.constant.none
  %0 = torch.operator "onnx.com.microsoft.SkipLayerNormalization"(%arg0, %arg1, %arg2) : (!torch.vtensor<[2,3,8],f32>, !torch.vtensor<[3,8],f32>, !torch.vtensor<[8],f32>) -> !torch.vtensor<[2,3,8],f32>
  return %0 : !torch.vtensor<[2,3,8],f32>
}

// -----

// SkipSimplifiedLayerNormalization: RMS norm of input + skip + bias.
// CHECK-LABEL: func.func @test_skip_simplified_layer_normalization
func.func @test_skip_simplified_layer_normalization(%arg0: !torch.vtensor<[2,3,8],f32>, %arg1: !torch.vtensor<[2,3,8],f32>, %arg2: !torch.vtensor<[8],f32>, %arg3: !torch.vtensor<[8],f32>) -> (!torch.vtensor<[2,3,8],f32>, !torch.vtensor<[2,3,8],f32>) attributes {torch.onnx_meta.opset_version = 17 : si64, torch.onnx_meta.opset_versions = {com.microsoft = 1 : si64}} {
  // CHECK: torch.aten.add.Tensor %arg0, %arg1
  // CHECK: torch.aten.add.Tensor %{{.*}}, %arg3
  // CHECK: torch.aten.rsqrt
  // CHECK-NOT: torch.operator
  %none = torch.constant.none
  %0:4 = torch.operator "onnx.com.microsoft.SkipSimplifiedLayerNormalization"(%arg0, %arg1, %arg2, %arg3) : (!torch.vtensor<[2,3,8],f32>, !torch.vtensor<[2,3,8],f32>, !torch.vtensor<[8],f32>, !torch.vtensor<[8],f32>) -> (!torch.vtensor<[2,3,8],f32>, !torch.none, !torch.none, !torch.vtensor<[2,3,8],f32>)
  return %0#0, %0#3 : !torch.vtensor<[2,3,8],f32>, !torch.vtensor<[2,3,8],f32>
}

// -----

// onnxruntime's ONNX-domain SimplifiedLayerNormalization-1.
// CHECK-LABEL: func.func @test_simplified_layer_normalization
func.func @test_simplified_layer_normalization(%arg0: !torch.vtensor<[2,3,8],f32>, %arg1: !torch.vtensor<[8],f32>) -> !torch.vtensor<[2,3,8],f32> attributes {torch.onnx_meta.opset_version = 17 : si64, torch.onnx_meta.opset_versions = {com.microsoft = 1 : si64}} {
  // CHECK: torch.aten.mean.dim
  // CHECK: torch.aten.rsqrt
  // CHECK: torch.aten.mul.Tensor %{{.*}}, %arg1
  // CHECK-NOT: torch.operator
  %none = torch.constant.none
  %0 = torch.operator "onnx.SimplifiedLayerNormalization"(%arg0, %arg1) {torch.onnx.axis = -1 : si64, torch.onnx.epsilon = 9.99999997E-7 : f32} : (!torch.vtensor<[2,3,8],f32>, !torch.vtensor<[8],f32>) -> !torch.vtensor<[2,3,8],f32>
  return %0 : !torch.vtensor<[2,3,8],f32>
}

// -----

// onnxruntime's ONNX-domain LayerNormalization-1 (a model at opset 13).
// CHECK-LABEL: func.func @test_layer_normalization_ort_opset1
func.func @test_layer_normalization_ort_opset1(%arg0: !torch.vtensor<[2,3,8],f32>, %arg1: !torch.vtensor<[8],f32>, %arg2: !torch.vtensor<[8],f32>) -> !torch.vtensor<[2,3,8],f32> attributes {torch.onnx_meta.opset_version = 13 : si64, torch.onnx_meta.opset_versions = {com.microsoft = 1 : si64}} {
  // CHECK: torch.aten.mean.dim
  // CHECK: torch.aten.rsqrt
  // CHECK: torch.aten.add.Tensor %{{.*}}, %arg2
  // CHECK-NOT: torch.operator
  %none = torch.constant.none
  %0 = torch.operator "onnx.LayerNormalization"(%arg0, %arg1, %arg2) {torch.onnx.axis = -1 : si64, torch.onnx.epsilon = 9.99999997E-7 : f32} : (!torch.vtensor<[2,3,8],f32>, !torch.vtensor<[8],f32>, !torch.vtensor<[8],f32>) -> !torch.vtensor<[2,3,8],f32>
  return %0 : !torch.vtensor<[2,3,8],f32>
}

// -----

// EmbedLayerNormalization with segments, a mask (mask_index output) and embedding_sum.
// CHECK-LABEL: func.func @test_embed_layer_normalization
func.func @test_embed_layer_normalization(%arg0: !torch.vtensor<[2,4],si32>, %arg1: !torch.vtensor<[2,4],si32>, %arg2: !torch.vtensor<[10,8],f32>, %arg3: !torch.vtensor<[6,8],f32>, %arg4: !torch.vtensor<[2,8],f32>, %arg5: !torch.vtensor<[8],f32>, %arg6: !torch.vtensor<[8],f32>, %arg7: !torch.vtensor<[2,4],si32>) -> (!torch.vtensor<[2,4,8],f32>, !torch.vtensor<[2],si32>, !torch.vtensor<[2,4,8],f32>) attributes {torch.onnx_meta.opset_version = 17 : si64, torch.onnx_meta.opset_versions = {com.microsoft = 1 : si64}} {
  // CHECK: torch.aten.embedding %arg2
  // CHECK: torch.aten.arange
  // CHECK: torch.aten.embedding %arg3
  // CHECK: torch.aten.embedding %arg4
  // CHECK: torch.aten.eq.Scalar %arg7
  // CHECK: torch.aten.sum.dim_IntList
  // CHECK-NOT: torch.operator
  %none = torch.constant.none
  %0:3 = torch.operator "onnx.com.microsoft.EmbedLayerNormalization"(%arg0, %arg1, %arg2, %arg3, %arg4, %arg5, %arg6, %arg7) : (!torch.vtensor<[2,4],si32>, !torch.vtensor<[2,4],si32>, !torch.vtensor<[10,8],f32>, !torch.vtensor<[6,8],f32>, !torch.vtensor<[2,8],f32>, !torch.vtensor<[8],f32>, !torch.vtensor<[8],f32>, !torch.vtensor<[2,4],si32>) -> (!torch.vtensor<[2,4,8],f32>, !torch.vtensor<[2],si32>, !torch.vtensor<[2,4,8],f32>)
  return %0#0, %0#1, %0#2 : !torch.vtensor<[2,4,8],f32>, !torch.vtensor<[2],si32>, !torch.vtensor<[2,4,8],f32>
}

// -----

// EmbedLayerNormalization as onnxruntime fuses GPT-2's: no segments, position_ids, no mask,
// so its mask_index output is zeros (onnxruntime's kernels write zeros without a mask).
// CHECK-LABEL: func.func @test_embed_layer_normalization_position_ids_no_mask
func.func @test_embed_layer_normalization_position_ids_no_mask(%arg0: !torch.vtensor<[?,?],si32>, %arg1: !torch.vtensor<[10,8],f32>, %arg2: !torch.vtensor<[6,8],f32>, %arg3: !torch.vtensor<[8],f32>, %arg4: !torch.vtensor<[8],f32>, %arg5: !torch.vtensor<[1,?],si32>) -> (!torch.vtensor<[?,?,8],f32>, !torch.vtensor<[?],si32>, !torch.vtensor<[?,?,8],f32>) attributes {torch.onnx_meta.opset_version = 14 : si64, torch.onnx_meta.opset_versions = {com.microsoft = 1 : si64}} {
  // CHECK: %[[B:.*]] = torch.aten.size.int %arg0
  // CHECK: torch.aten.embedding %arg1
  // CHECK-NOT: torch.aten.arange
  // CHECK: torch.aten.embedding %arg2
  // CHECK: %[[L:.*]] = torch.prim.ListConstruct %[[B]] :
  // CHECK: torch.aten.zeros %[[L]]
  // CHECK-NOT: torch.operator
  %none = torch.constant.none
  %0:3 = torch.operator "onnx.com.microsoft.EmbedLayerNormalization"(%arg0, %none, %arg1, %arg2, %none, %arg3, %arg4, %none, %arg5) {torch.onnx.epsilon = 9.99999974E-6 : f32} : (!torch.vtensor<[?,?],si32>, !torch.none, !torch.vtensor<[10,8],f32>, !torch.vtensor<[6,8],f32>, !torch.none, !torch.vtensor<[8],f32>, !torch.vtensor<[8],f32>, !torch.none, !torch.vtensor<[1,?],si32>) -> (!torch.vtensor<[?,?,8],f32>, !torch.vtensor<[?],si32>, !torch.vtensor<[?,?,8],f32>)
  return %0#0, %0#1, %0#2 : !torch.vtensor<[?,?,8],f32>, !torch.vtensor<[?],si32>, !torch.vtensor<[?,?,8],f32>
}

// -----

// QEmbedLayerNormalization: uint8 tables dequantized, then EmbedLayerNormalization.
// CHECK-LABEL: func.func @test_qembed_layer_normalization
func.func @test_qembed_layer_normalization(%arg0: !torch.vtensor<[2,4],si32>, %arg1: !torch.vtensor<[10,8],ui8>, %arg2: !torch.vtensor<[6,8],ui8>, %arg3: !torch.vtensor<[8],ui8>, %arg4: !torch.vtensor<[8],ui8>, %arg5: !torch.vtensor<[2,4],si32>, %arg6: !torch.vtensor<[],f32>, %arg7: !torch.vtensor<[],f32>, %arg8: !torch.vtensor<[],f32>, %arg9: !torch.vtensor<[],f32>, %arg10: !torch.vtensor<[],ui8>, %arg11: !torch.vtensor<[],ui8>, %arg12: !torch.vtensor<[],ui8>, %arg13: !torch.vtensor<[],ui8>) -> (!torch.vtensor<[2,4,8],f32>, !torch.vtensor<[2],si32>) attributes {torch.onnx_meta.opset_version = 17 : si64, torch.onnx_meta.opset_versions = {com.microsoft = 1 : si64}} {
  // CHECK: torch.aten.sub.Tensor
  // CHECK: torch.aten.embedding
  // CHECK: torch.aten.mean.dim
  // CHECK: torch.aten.sum.dim_IntList
  // CHECK-NOT: torch.operator
  %none = torch.constant.none
  %0:2 = torch.operator "onnx.com.microsoft.QEmbedLayerNormalization"(%arg0, %none, %arg1, %arg2, %none, %arg3, %arg4, %arg5, %arg6, %arg7, %none, %arg8, %arg9, %arg10, %arg11, %none, %arg12, %arg13) : (!torch.vtensor<[2,4],si32>, !torch.none, !torch.vtensor<[10,8],ui8>, !torch.vtensor<[6,8],ui8>, !torch.none, !torch.vtensor<[8],ui8>, !torch.vtensor<[8],ui8>, !torch.vtensor<[2,4],si32>, !torch.vtensor<[],f32>, !torch.vtensor<[],f32>, !torch.none, !torch.vtensor<[],f32>, !torch.vtensor<[],f32>, !torch.vtensor<[],ui8>, !torch.vtensor<[],ui8>, !torch.none, !torch.vtensor<[],ui8>, !torch.vtensor<[],ui8>) -> (!torch.vtensor<[2,4,8],f32>, !torch.vtensor<[2],si32>)
  return %0#0, %0#1 : !torch.vtensor<[2,4,8],f32>, !torch.vtensor<[2],si32>
}
