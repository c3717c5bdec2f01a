// RUN: %opt --split-input-file --convert-torch-onnx-to-torch %s | filecheck %s

// max: per sample the largest weighted corner (aten.maximum), then the largest sample of the
// 2x2 grid of each bin.
// CHECK-LABEL: func.func @test_roialign_max
func.func @test_roialign_max(%arg0: !torch.vtensor<[1,1,10,10],f32>, %arg1: !torch.vtensor<[3,4],f32>, %arg2: !torch.vtensor<[3],si64>) -> !torch.vtensor<[3,1,5,5],f32> attributes {torch.onnx_meta.opset_version = 16 : si64} {
  // CHECK: torch.vtensor.literal(dense<[[2.500000e-01, 7.500000e-01, 1.250000e+00, {{.*}}]]> : tensor<1x10xf32>)
  // CHECK: torch.aten.floor
  // CHECK: %[[IMG:.*]] = torch.aten.index_select %arg0, %{{.*}}, %arg2 : {{.*}} -> !torch.vtensor<[3,1,10,10],f32>
  // CHECK: %[[FLAT:.*]] = torch.aten.reshape %[[IMG]], {{.*}} -> !torch.vtensor<[3,1,100],f32>
  // CHECK: torch.aten.gather %[[FLAT]], {{.*}} -> !torch.vtensor<[3,1,100],f32>
  // CHECK: torch.aten.maximum
  // CHECK: %[[S:.*]] = torch.aten.reshape {{.*}} -> !torch.vtensor<[3,1,5,2,5,2],f32>
  // CHECK: torch.aten.amax %[[S]], {{.*}} -> !torch.vtensor<[3,1,5,5],f32>
  %0 = torch.operator "onnx.RoiAlign"(%arg0, %arg1, %arg2) {torch.onnx.coordinate_transformation_mode = "output_half_pixel", torch.onnx.mode = "max", torch.onnx.output_height = 5 : si64, torch.onnx.output_width = 5 : si64, torch.onnx.sampling_ratio = 2 : si64, torch.onnx.spatial_scale = 1.000000e+00 : f32} : (!torch.vtensor<[1,1,10,10],f32>, !torch.vtensor<[3,4],f32>, !torch.vtensor<[3],si64>) -> !torch.vtensor<[3,1,5,5],f32>
  return %0 : !torch.vtensor<[3,1,5,5],f32>
}

// -----

// avg with half_pixel (the ROI shifted by -0.5) and a spatial scale; RoiAlign-10 has no
// coordinate_transformation_mode (no shift), see the next case.
// CHECK-LABEL: func.func @test_roialign_avg_half_pixel
func.func @test_roialign_avg_half_pixel(%arg0: !torch.vtensor<[2,3,8,8],f32>, %arg1: !torch.vtensor<[4,4],f32>, %arg2: !torch.vtensor<[4],si64>) -> !torch.vtensor<[4,3,2,3],f32> attributes {torch.onnx_meta.opset_version = 22 : si64} {
  // CHECK: %[[C:.*]] = torch.aten.select.int %arg1
  // CHECK: %[[SC:.*]] = torch.aten.mul.Scalar %[[C]], %float5.000000e-01
  // CHECK: torch.aten.sub.Scalar %[[SC]], %float5.000000e-01
  // CHECK: torch.aten.gather
  // CHECK: torch.aten.add.Tensor
  // CHECK: %[[S:.*]] = torch.aten.reshape {{.*}} -> !torch.vtensor<[4,3,2,1,3,1],f32>
  // CHECK: torch.aten.mean.dim %[[S]], {{.*}} -> !torch.vtensor<[4,3,2,3],f32>
  %0 = torch.operator "onnx.RoiAlign"(%arg0, %arg1, %arg2) {torch.onnx.output_height = 2 : si64, torch.onnx.output_width = 3 : si64, torch.onnx.sampling_ratio = 1 : si64, torch.onnx.spatial_scale = 5.000000e-01 : f32} : (!torch.vtensor<[2,3,8,8],f32>, !torch.vtensor<[4,4],f32>, !torch.vtensor<[4],si64>) -> !torch.vtensor<[4,3,2,3],f32>
  return %0 : !torch.vtensor<[4,3,2,3],f32>
}

// -----

// CHECK-LABEL: func.func @test_roialign_v10
func.func @test_roialign_v10(%arg0: !torch.vtensor<[1,1,4,4],f32>, %arg1: !torch.vtensor<[1,4],f32>, %arg2: !torch.vtensor<[1],si64>) -> !torch.vtensor<[1,1,1,1],f32> attributes {torch.onnx_meta.opset_version = 10 : si64} {
  // CHECK-NOT: torch.aten.sub.Scalar
  // CHECK: torch.aten.clamp_min
  // CHECK: torch.aten.mean.dim {{.*}} -> !torch.vtensor<[1,1,1,1],f32>
  %0 = torch.operator "onnx.RoiAlign"(%arg0, %arg1, %arg2) {torch.onnx.sampling_ratio = 2 : si64} : (!torch.vtensor<[1,1,4,4],f32>, !torch.vtensor<[1,4],f32>, !torch.vtensor<[1],si64>) -> !torch.vtensor<[1,1,1,1],f32>
  return %0 : !torch.vtensor<[1,1,1,1],f32>
}

// -----

// sampling_ratio=0 (adaptive, ceil(bin size) samples per bin), avg: per-axis matrices of each
// bin's averaged tap weights on the pixels (scatter-added), then rows @ image @ columns^T.
// CHECK-LABEL: func.func @test_roialign_adaptive
func.func @test_roialign_adaptive(%arg0: !torch.vtensor<[1,2,6,5],f32>, %arg1: !torch.vtensor<[3,4],f32>, %arg2: !torch.vtensor<[3],si64>) -> !torch.vtensor<[3,2,3,4],f32> attributes {torch.onnx_meta.opset_version = 22 : si64} {
  // CHECK: torch.aten.ceil
  // CHECK: torch.aten.add.Tensor {{.*}} -> !torch.vtensor<[3,3,17],f32>
  // CHECK: torch.aten.zeros {{.*}} -> !torch.vtensor<[3,3,6],f32>
  // CHECK: torch.aten.scatter_add {{.*}} : !torch.vtensor<[3,3,6],f32>, !torch.int, !torch.vtensor<[3,3,17],si64>, !torch.vtensor<[3,3,17],f32> -> !torch.vtensor<[3,3,6],f32>
  // CHECK: torch.aten.scatter_add
  // CHECK: %[[ROWS:.*]] = torch.aten.div.Tensor {{.*}} -> !torch.vtensor<[3,3,6],f32>
  // CHECK: torch.aten.zeros {{.*}} -> !torch.vtensor<[3,4,5],f32>
  // CHECK: %[[COLS:.*]] = torch.aten.div.Tensor {{.*}} -> !torch.vtensor<[3,4,5],f32>
  // CHECK: %[[IMG:.*]] = torch.aten.index_select %arg0
  // CHECK: %[[R:.*]] = torch.aten.unsqueeze %[[ROWS]]
  // CHECK: %[[CT:.*]] = torch.aten.permute %[[COLS]]
  // CHECK: %[[C:.*]] = torch.aten.unsqueeze %[[CT]]
  // CHECK: %[[P:.*]] = torch.aten.matmul %[[R]], %[[IMG]] : {{.*}} -> !torch.vtensor<[3,2,3,5],f32>
  // CHECK: torch.aten.matmul %[[P]], %[[C]] : {{.*}} -> !torch.vtensor<[3,2,3,4],f32>
  %0 = torch.operator "onnx.RoiAlign"(%arg0, %arg1, %arg2) {torch.onnx.output_height = 3 : si64, torch.onnx.output_width = 4 : si64} : (!torch.vtensor<[1,2,6,5],f32>, !torch.vtensor<[3,4],f32>, !torch.vtensor<[3],si64>) -> !torch.vtensor<[3,2,3,4],f32>
  return %0 : !torch.vtensor<[3,2,3,4],f32>
}
