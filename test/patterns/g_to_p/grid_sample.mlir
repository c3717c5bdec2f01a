// RUN: %opt --split-input-file --convert-torch-onnx-to-torch %s | filecheck %s

// Bilinear, zeros padding: 2x2 taps, each zero-weighted outside the input, gathered from the
// input flattened to [N, C, H*W].
// CHECK-LABEL: func.func @test_gridsample_v16_bilinear
func.func @test_gridsample_v16_bilinear(%arg0: !torch.vtensor<[1,1,3,4],f32>, %arg1: !torch.vtensor<[1,2,2,2],f32>) -> !torch.vtensor<[1,1,2,2],f32> attributes {torch.onnx_meta.opset_version = 16 : si64} {
  // CHECK: %[[GY:.*]] = torch.aten.select.int %arg1, %int3, %int1 : {{.*}} -> !torch.vtensor<[1,2,2],f32>
  // CHECK: %[[Y0:.*]] = torch.aten.floor
  // CHECK: torch.aten.logical_and
  // CHECK: torch.aten.where.ScalarOther
  // CHECK: %[[GX:.*]] = torch.aten.select.int %arg1, %int3{{.*}}, %int0 : {{.*}} -> !torch.vtensor<[1,2,2],f32>
  // CHECK: %[[XF:.*]] = torch.aten.reshape %arg0, {{.*}} -> !torch.vtensor<[1,1,12],f32>
  // CHECK: %[[I:.*]] = torch.aten.expand {{.*}} -> !torch.vtensor<[1,1,4],si64>
  // CHECK: torch.aten.gather %[[XF]], %int2, %[[I]], {{.*}} -> !torch.vtensor<[1,1,4],f32>
  // CHECK: torch.aten.gather %[[XF]]
  // CHECK: torch.aten.gather %[[XF]]
  // CHECK: torch.aten.gather %[[XF]]
  // CHECK-NOT: torch.aten.gather
  // CHECK: %[[OUT:.*]] = torch.aten.reshape {{.*}} -> !torch.vtensor<[1,1,2,2],f32>
  // CHECK: return %[[OUT]]
  %0 = torch.operator "onnx.GridSample"(%arg0, %arg1) : (!torch.vtensor<[1,1,3,4],f32>, !torch.vtensor<[1,2,2,2],f32>) -> !torch.vtensor<[1,1,2,2],f32>
  return %0 : !torch.vtensor<[1,1,2,2],f32>
}

// -----

// Nearest in 3-D with border padding: rounded coordinates, clamped when outside; one gather.
// CHECK-LABEL: func.func @test_gridsample_v20_nearest_border_3d
func.func @test_gridsample_v20_nearest_border_3d(%arg0: !torch.vtensor<[1,2,3,4,5],f32>, %arg1: !torch.vtensor<[1,2,2,2,3],f32>) -> !torch.vtensor<[1,2,2,2,2],f32> attributes {torch.onnx_meta.opset_version = 20 : si64} {
  // CHECK: torch.aten.select.int %arg1, %int4, %int2
  // CHECK: torch.aten.round
  // CHECK: torch.aten.where.ScalarSelf
  // CHECK: torch.aten.reshape %arg0, {{.*}} -> !torch.vtensor<[1,2,60],f32>
  // CHECK: torch.aten.gather {{.*}} -> !torch.vtensor<[1,2,8],f32>
  // CHECK-NOT: torch.aten.gather
  // CHECK: torch.aten.reshape {{.*}} -> !torch.vtensor<[1,2,2,2,2],f32>
  %0 = torch.operator "onnx.GridSample"(%arg0, %arg1) {torch.onnx.align_corners = 1 : si64, torch.onnx.mode = "nearest", torch.onnx.padding_mode = "border"} : (!torch.vtensor<[1,2,3,4,5],f32>, !torch.vtensor<[1,2,2,2,3],f32>) -> !torch.vtensor<[1,2,2,2,2],f32>
  return %0 : !torch.vtensor<[1,2,2,2,2],f32>
}

// -----

// Cubic with reflection padding: coordinates and taps reflected (|x - lo| folded by the span).
// CHECK-LABEL: func.func @test_gridsample_v22_cubic_reflection
func.func @test_gridsample_v22_cubic_reflection(%arg0: !torch.vtensor<[1,1,4,4],f32>, %arg1: !torch.vtensor<[1,3,3,2],f32>) -> !torch.vtensor<[1,1,3,3],f32> attributes {torch.onnx_meta.opset_version = 22 : si64} {
  // CHECK: torch.aten.abs
  // CHECK: torch.aten.remainder.Scalar
  // CHECK: torch.aten.where.self
  // CHECK: torch.aten.floor
  // CHECK: torch.aten.rsub.Scalar
  // CHECK: torch.aten.gather {{.*}} -> !torch.vtensor<[1,1,9],f32>
  // CHECK: torch.aten.reshape {{.*}} -> !torch.vtensor<[1,1,3,3],f32>
  %0 = torch.operator "onnx.GridSample"(%arg0, %arg1) {torch.onnx.mode = "cubic", torch.onnx.padding_mode = "reflection"} : (!torch.vtensor<[1,1,4,4],f32>, !torch.vtensor<[1,3,3,2],f32>) -> !torch.vtensor<[1,1,3,3],f32>
  return %0 : !torch.vtensor<[1,1,3,3],f32>
}

// -----

// Dynamic input dims: sizes from aten.size.int; the reflection span d (at least 1) and the
// upper border d - 0.5 are int arithmetic and shifted comparisons.
// CHECK-LABEL: func.func @test_gridsample_dynamic_reflection
func.func @test_gridsample_dynamic_reflection(%arg0: !torch.vtensor<[?,?,?,?],f32>, %arg1: !torch.vtensor<[?,?,?,2],f32>) -> !torch.vtensor<[?,?,?,?],f32> attributes {torch.onnx_meta.opset_version = 22 : si64} {
  // CHECK: %[[H:.*]] = torch.aten.size.int %arg0, %int2
  // CHECK: %[[W:.*]] = torch.aten.size.int %arg0, %int3
  // CHECK: %[[HM1:.*]] = torch.aten.sub.int %[[H]], %int1
  // CHECK: %[[SPAN:.*]] = torch.prim.max.int %[[H]], %int1
  // CHECK: torch.aten.mul.Scalar %{{.*}}, %[[H]]
  // CHECK: torch.aten.div.Scalar %{{.*}}, %[[SPAN]]
  // CHECK: torch.aten.rsub.Scalar %{{.*}}, %[[H]]
  // CHECK: torch.aten.clamp %{{.*}}, %{{.*}}, %[[HM1]]
  // CHECK: torch.aten.gather {{.*}} -> !torch.vtensor<[?,?,?],f32>
  // CHECK: torch.aten.reshape {{.*}} -> !torch.vtensor<[?,?,?,?],f32>
  %0 = torch.operator "onnx.GridSample"(%arg0, %arg1) {torch.onnx.padding_mode = "reflection"} : (!torch.vtensor<[?,?,?,?],f32>, !torch.vtensor<[?,?,?,2],f32>) -> !torch.vtensor<[?,?,?,?],f32>
  return %0 : !torch.vtensor<[?,?,?,?],f32>
}
