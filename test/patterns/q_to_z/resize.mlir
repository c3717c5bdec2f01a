// RUN: %opt --split-input-file --convert-torch-onnx-to-torch %s | filecheck %s

// Constant scales, nearest: one index_select per resized axis with the indices computed here.
// CHECK-LABEL: func.func @test_resize_nearest_const_scales
func.func @test_resize_nearest_const_scales(%arg0: !torch.vtensor<[1,1,2,2],f32>) -> !torch.vtensor<[1,1,4,6],f32> attributes {torch.onnx_meta.opset_version = 19 : si64} {
  // CHECK: %[[H:.*]] = torch.vtensor.literal(dense<[0, 0, 1, 1]> : tensor<4xsi64>)
  // CHECK: %[[Y:.*]] = torch.aten.index_select %arg0, %{{.*}}, %[[H]] : !torch.vtensor<[1,1,2,2],f32>, !torch.int, !torch.vtensor<[4],si64> -> !torch.vtensor<[1,1,4,2],f32>
  // CHECK: %[[W:.*]] = torch.vtensor.literal(dense<[0, 0, 0, 1, 1, 1]> : tensor<6xsi64>)
  // CHECK: torch.aten.index_select %[[Y]], %{{.*}}, %[[W]] {{.*}} -> !torch.vtensor<[1,1,4,6],f32>
  // CHECK-NOT: onnx.Resize
  %scales = torch.vtensor.literal(dense<[1.0, 1.0, 2.0, 3.0]> : tensor<4xf32>) : !torch.vtensor<[4],f32>
  %none = torch.constant.none
  %0 = torch.operator "onnx.Resize"(%arg0, %none, %scales) {torch.onnx.mode = "nearest"} : (!torch.vtensor<[1,1,2,2],f32>, !torch.none, !torch.vtensor<[4],f32>) -> !torch.vtensor<[1,1,4,6],f32>
  return %0 : !torch.vtensor<[1,1,4,6],f32>
}

// -----

// Constant sizes, linear: a constant [out, in] weight matrix per axis; H by a left matmul, W by a
// right matmul with the transposed matrix. The dynamic batch dim must keep its size: asserted.
// CHECK-LABEL: func.func @test_resize_linear_const_sizes
func.func @test_resize_linear_const_sizes(%arg0: !torch.vtensor<[?,3,4,4],f32>) -> !torch.vtensor<[?,3,2,8],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: torch.runtime.assert %{{.*}}, "Resize: sizes must keep dynamic axis 0 as it is"
  // CHECK: %[[WH:.*]] = torch.vtensor.literal(dense<{{.*}}> : tensor<2x4xf32>)
  // CHECK: %[[Y:.*]] = torch.aten.matmul %[[WH]], %arg0 : !torch.vtensor<[2,4],f32>, !torch.vtensor<[?,3,4,4],f32> -> !torch.vtensor<[?,3,2,4],f32>
  // CHECK: %[[WW:.*]] = torch.vtensor.literal(dense<{{.*}}> : tensor<4x8xf32>)
  // CHECK: torch.aten.matmul %[[Y]], %[[WW]] : !torch.vtensor<[?,3,2,4],f32>, !torch.vtensor<[4,8],f32> -> !torch.vtensor<[?,3,2,8],f32>
  %sizes = torch.vtensor.literal(dense<[1, 3, 2, 8]> : tensor<4xsi64>) : !torch.vtensor<[4],si64>
  %none = torch.constant.none
  %0 = torch.operator "onnx.Resize"(%arg0, %none, %none, %sizes) {torch.onnx.mode = "linear"} : (!torch.vtensor<[?,3,4,4],f32>, !torch.none, !torch.none, !torch.vtensor<[4],si64>) -> !torch.vtensor<[?,3,2,8],f32>
  return %0 : !torch.vtensor<[?,3,2,8],f32>
}

// -----

// A 4-D resize of axis 1: permuted last, matmul, permuted back.
// CHECK-LABEL: func.func @test_resize_cubic_middle_axis_v18
func.func @test_resize_cubic_middle_axis_v18(%arg0: !torch.vtensor<[2,5,3,2],f64>) -> !torch.vtensor<[2,9,3,2],f64> attributes {torch.onnx_meta.opset_version = 18 : si64} {
  // CHECK: torch.aten.permute %arg0, {{.*}} -> !torch.vtensor<[2,3,2,5],f64>
  // CHECK: torch.aten.matmul {{.*}} : !torch.vtensor<[2,3,2,5],f64>, !torch.vtensor<[5,9],f64> -> !torch.vtensor<[2,3,2,9],f64>
  // CHECK: torch.aten.permute {{.*}} -> !torch.vtensor<[2,9,3,2],f64>
  %scales = torch.vtensor.literal(dense<[1.9]> : tensor<1xf32>) : !torch.vtensor<[1],f32>
  %none = torch.constant.none
  %0 = torch.operator "onnx.Resize"(%arg0, %none, %scales) {torch.onnx.axes = [1 : si64], torch.onnx.mode = "cubic", torch.onnx.cubic_coeff_a = -5.000000e-01 : f32, torch.onnx.exclude_outside = 1 : si64, torch.onnx.antialias = 1 : si64} : (!torch.vtensor<[2,5,3,2],f64>, !torch.none, !torch.vtensor<[1],f32>) -> !torch.vtensor<[2,9,3,2],f64>
  return %0 : !torch.vtensor<[2,9,3,2],f64>
}

// -----

// Integer input, linear: computed in f32, then rounded half to even and saturated back.
// CHECK-LABEL: func.func @test_resize_linear_ui8
func.func @test_resize_linear_ui8(%arg0: !torch.vtensor<[1,1,2,2],ui8>) -> !torch.vtensor<[1,1,2,3],ui8> attributes {torch.onnx_meta.opset_version = 19 : si64} {
  // CHECK: torch.aten.to.dtype %arg0, {{.*}} -> !torch.vtensor<[1,1,2,2],f32>
  // CHECK: torch.aten.matmul
  // CHECK: torch.aten.round
  // CHECK: torch.aten.clamp {{.*}} -> !torch.vtensor<[1,1,2,3],f32>
  // CHECK: torch.aten.to.dtype {{.*}} -> !torch.vtensor<[1,1,2,3],ui8>
  %scales = torch.vtensor.literal(dense<[1.0, 1.0, 1.0, 1.5]> : tensor<4xf32>) : !torch.vtensor<[4],f32>
  %none = torch.constant.none
  %0 = torch.operator "onnx.Resize"(%arg0, %none, %scales) {torch.onnx.mode = "linear"} : (!torch.vtensor<[1,1,2,2],ui8>, !torch.none, !torch.vtensor<[4],f32>) -> !torch.vtensor<[1,1,2,3],ui8>
  return %0 : !torch.vtensor<[1,1,2,3],ui8>
}

// -----

// tf_crop_and_resize: positions outside the input take extrapolation_value (aten.where).
// CHECK-LABEL: func.func @test_resize_tf_crop_and_resize
func.func @test_resize_tf_crop_and_resize(%arg0: !torch.vtensor<[1,1,4,4],f32>) -> !torch.vtensor<[1,1,3,3],f32> attributes {torch.onnx_meta.opset_version = 11 : si64} {
  // CHECK: torch.aten.matmul
  // CHECK: %[[M:.*]] = torch.vtensor.literal(dense<{{.*}}> : tensor<3x1xi1>)
  // CHECK: %[[E:.*]] = torch.vtensor.literal(dense<1.000000e+01> : tensor<f32>)
  // CHECK: torch.aten.where.self %[[M]], %[[E]]
  %roi = torch.vtensor.literal(dense<[0.0, 0.0, 0.4, 0.6, 1.0, 1.0, 1.2, 1.7]> : tensor<8xf32>) : !torch.vtensor<[8],f32>
  %sizes = torch.vtensor.literal(dense<[1, 1, 3, 3]> : tensor<4xsi64>) : !torch.vtensor<[4],si64>
  %none = torch.constant.none
  %0 = torch.operator "onnx.Resize"(%arg0, %roi, %none, %sizes) {torch.onnx.mode = "linear", torch.onnx.coordinate_transformation_mode = "tf_crop_and_resize", torch.onnx.extrapolation_value = 1.000000e+01 : f32} : (!torch.vtensor<[1,1,4,4],f32>, !torch.vtensor<[8],f32>, !torch.none, !torch.vtensor<[4],si64>) -> !torch.vtensor<[1,1,3,3],f32>
  return %0 : !torch.vtensor<[1,1,3,3],f32>
}

// -----

// Run-time scales: coordinates and neighbours computed in f64 tensors at run time; the output
// size comes from the declared type.
// CHECK-LABEL: func.func @test_resize_runtime_scales_linear
func.func @test_resize_runtime_scales_linear(%arg0: !torch.vtensor<[1,1,2,2],f32>, %arg1: !torch.vtensor<[4],f32>) -> !torch.vtensor<[1,1,4,4],f32> attributes {torch.onnx_meta.opset_version = 19 : si64} {
  // CHECK: torch.aten.select.int %arg1
  // CHECK: torch.aten.floor {{.*}} -> !torch.vtensor<[4],f64>
  // CHECK: torch.aten.index_select {{.*}} -> !torch.vtensor<[1,1,4,2],f32>
  // CHECK: torch.aten.index_select {{.*}} -> !torch.vtensor<[1,1,4,4],f32>
  // CHECK-NOT: onnx.Resize
  %none = torch.constant.none
  %0 = torch.operator "onnx.Resize"(%arg0, %none, %arg1) {torch.onnx.mode = "linear"} : (!torch.vtensor<[1,1,2,2],f32>, !torch.none, !torch.vtensor<[4],f32>) -> !torch.vtensor<[1,1,4,4],f32>
  return %0 : !torch.vtensor<[1,1,4,4],f32>
}

// -----

// Resize-10: asymmetric coordinates, nearest rounds down.
// CHECK-LABEL: func.func @test_resize_v10_nearest
func.func @test_resize_v10_nearest(%arg0: !torch.vtensor<[1,1,1,3],f32>) -> !torch.vtensor<[1,1,1,7],f32> attributes {torch.onnx_meta.opset_version = 10 : si64} {
  // CHECK: torch.vtensor.literal(dense<[0, 0, 0, 1, 1, 2, 2]> : tensor<7xsi64>)
  // CHECK: torch.aten.index_select
  %scales = torch.vtensor.literal(dense<[1.0, 1.0, 1.0, 2.5]> : tensor<4xf32>) : !torch.vtensor<[4],f32>
  %0 = torch.operator "onnx.Resize"(%arg0, %scales) {torch.onnx.mode = "nearest"} : (!torch.vtensor<[1,1,1,3],f32>, !torch.vtensor<[4],f32>) -> !torch.vtensor<[1,1,1,7],f32>
  return %0 : !torch.vtensor<[1,1,1,7],f32>
}

// -----

// Upsample-9 (scales input) and Upsample-7 (scales attribute).
// CHECK-LABEL: func.func @test_upsample_v9
func.func @test_upsample_v9(%arg0: !torch.vtensor<[1,1,2,2],si32>) -> !torch.vtensor<[1,1,4,6],si32> attributes {torch.onnx_meta.opset_version = 9 : si64} {
  // CHECK: torch.vtensor.literal(dense<[0, 0, 1, 1]> : tensor<4xsi64>)
  // CHECK: torch.aten.index_select {{.*}} -> !torch.vtensor<[1,1,4,2],si32>
  // CHECK: torch.vtensor.literal(dense<[0, 0, 0, 1, 1, 1]> : tensor<6xsi64>)
  %scales = torch.vtensor.literal(dense<[1.0, 1.0, 2.0, 3.0]> : tensor<4xf32>) : !torch.vtensor<[4],f32>
  %0 = torch.operator "onnx.Upsample"(%arg0, %scales) {torch.onnx.mode = "nearest"} : (!torch.vtensor<[1,1,2,2],si32>, !torch.vtensor<[4],f32>) -> !torch.vtensor<[1,1,4,6],si32>
  return %0 : !torch.vtensor<[1,1,4,6],si32>
}

// -----

// CHECK-LABEL: func.func @test_upsample_v7_linear
func.func @test_upsample_v7_linear(%arg0: !torch.vtensor<[1,2,3],f32>) -> !torch.vtensor<[1,2,6],f32> attributes {torch.onnx_meta.opset_version = 7 : si64} {
  // CHECK: torch.aten.matmul %arg0, %{{.*}} : !torch.vtensor<[1,2,3],f32>, !torch.vtensor<[3,6],f32> -> !torch.vtensor<[1,2,6],f32>
  %0 = torch.operator "onnx.Upsample"(%arg0) {torch.onnx.mode = "linear", torch.onnx.scales = [1.0 : f32, 1.0 : f32, 2.0 : f32]} : (!torch.vtensor<[1,2,3],f32>) -> !torch.vtensor<[1,2,6],f32>
  return %0 : !torch.vtensor<[1,2,6],f32>
}
