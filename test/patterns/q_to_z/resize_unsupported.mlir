// RUN: %opt --split-input-file --convert-torch-onnx-to-torch --verify-diagnostics --report %s

// A run-time scale with a dynamic declared output size: the output size is not known.
func.func @test_resize_runtime_scales_dynamic_out(%arg0: !torch.vtensor<[1,1,2,2],f32>, %arg1: !torch.vtensor<[4],f32>) -> !torch.vtensor<[1,1,?,?],f32> attributes {torch.onnx_meta.opset_version = 19 : si64} {
  %none = torch.constant.none
  // expected-remark@+1 {{onnx.Resize was not converted: run-time scales need a static declared output shape}}
  %0 = torch.operator "onnx.Resize"(%arg0, %none, %arg1) {torch.onnx.mode = "linear"} : (!torch.vtensor<[1,1,2,2],f32>, !torch.none, !torch.vtensor<[4],f32>) -> !torch.vtensor<[1,1,?,?],f32>
  return %0 : !torch.vtensor<[1,1,?,?],f32>
}

// -----

// An aspect-ratio policy over a resized axis of dynamic size.
func.func @test_resize_policy_dynamic_axis(%arg0: !torch.vtensor<[1,1,?,2],f32>) -> !torch.vtensor<[1,1,?,4],f32> attributes {torch.onnx_meta.opset_version = 19 : si64} {
  %sizes = torch.vtensor.literal(dense<[4, 4]> : tensor<2xsi64>) : !torch.vtensor<[2],si64>
  %none = torch.constant.none
  // expected-remark@+1 {{onnx.Resize was not converted: keep_aspect_ratio_policy needs static resized axes}}
  %0 = torch.operator "onnx.Resize"(%arg0, %none, %none, %sizes) {torch.onnx.axes = [2 : si64, 3 : si64], torch.onnx.keep_aspect_ratio_policy = "not_larger", torch.onnx.mode = "nearest"} : (!torch.vtensor<[1,1,?,2],f32>, !torch.none, !torch.none, !torch.vtensor<[2],si64>) -> !torch.vtensor<[1,1,?,4],f32>
  return %0 : !torch.vtensor<[1,1,?,4],f32>
}

// -----

func.func @test_resize_antialias_nearest(%arg0: !torch.vtensor<[1,1,2,2],f32>) -> !torch.vtensor<[1,1,4,4],f32> attributes {torch.onnx_meta.opset_version = 18 : si64} {
  %scales = torch.vtensor.literal(dense<[1.0, 1.0, 2.0, 2.0]> : tensor<4xf32>) : !torch.vtensor<[4],f32>
  %none = torch.constant.none
  // expected-remark@+1 {{onnx.Resize was not converted: antialias applies to linear and cubic modes only}}
  %0 = torch.operator "onnx.Resize"(%arg0, %none, %scales) {torch.onnx.mode = "nearest", torch.onnx.antialias = 1 : si64} : (!torch.vtensor<[1,1,2,2],f32>, !torch.none, !torch.vtensor<[4],f32>) -> !torch.vtensor<[1,1,4,4],f32>
  return %0 : !torch.vtensor<[1,1,4,4],f32>
}

// -----

// half_pixel_symmetric exists from opset 19 only.
func.func @test_resize_mode_too_new(%arg0: !torch.vtensor<[1,1,2,2],f32>) -> !torch.vtensor<[1,1,4,4],f32> attributes {torch.onnx_meta.opset_version = 18 : si64} {
  %scales = torch.vtensor.literal(dense<[1.0, 1.0, 2.0, 2.0]> : tensor<4xf32>) : !torch.vtensor<[4],f32>
  %none = torch.constant.none
  // expected-remark@+1 {{onnx.Resize was not converted: coordinate_transformation_mode 'half_pixel_symmetric' is not valid at opset 18}}
  %0 = torch.operator "onnx.Resize"(%arg0, %none, %scales) {torch.onnx.mode = "linear", torch.onnx.coordinate_transformation_mode = "half_pixel_symmetric"} : (!torch.vtensor<[1,1,2,2],f32>, !torch.none, !torch.vtensor<[4],f32>) -> !torch.vtensor<[1,1,4,4],f32>
  return %0 : !torch.vtensor<[1,1,4,4],f32>
}

// -----

// Scales and sizes both given.
func.func @test_resize_scales_and_sizes(%arg0: !torch.vtensor<[1,1,2,2],f32>) -> !torch.vtensor<[1,1,4,4],f32> attributes {torch.onnx_meta.opset_version = 19 : si64} {
  %scales = torch.vtensor.literal(dense<[1.0, 1.0, 2.0, 2.0]> : tensor<4xf32>) : !torch.vtensor<[4],f32>
  %sizes = torch.vtensor.literal(dense<[1, 1, 4, 4]> : tensor<4xsi64>) : !torch.vtensor<[4],si64>
  %none = torch.constant.none
  // expected-remark@+1 {{onnx.Resize was not converted: only one of scales and sizes may be given}}
  %0 = torch.operator "onnx.Resize"(%arg0, %none, %scales, %sizes) {torch.onnx.mode = "linear"} : (!torch.vtensor<[1,1,2,2],f32>, !torch.none, !torch.vtensor<[4],f32>, !torch.vtensor<[4],si64>) -> !torch.vtensor<[1,1,4,4],f32>
  return %0 : !torch.vtensor<[1,1,4,4],f32>
}

// -----

// Upsample-9 scales below 1 are invalid.
func.func @test_upsample_downscale(%arg0: !torch.vtensor<[1,1,4,4],f32>) -> !torch.vtensor<[1,1,2,2],f32> attributes {torch.onnx_meta.opset_version = 9 : si64} {
  %scales = torch.vtensor.literal(dense<[1.0, 1.0, 0.5, 0.5]> : tensor<4xf32>) : !torch.vtensor<[4],f32>
  // expected-remark@+1 {{onnx.Upsample was not converted: Upsample scales must be >= 1, got [1.0, 1.0, 0.5, 0.5]}}
  %0 = torch.operator "onnx.Upsample"(%arg0, %scales) {torch.onnx.mode = "nearest"} : (!torch.vtensor<[1,1,4,4],f32>, !torch.vtensor<[4],f32>) -> !torch.vtensor<[1,1,2,2],f32>
  return %0 : !torch.vtensor<[1,1,2,2],f32>
}

// -----

// A declared result whose rank differs from the input's (found by the fuzzer: an IndexError).
func.func @test_resize_declared_rank_differs(%arg0: !torch.vtensor<[1,1,2,4,1],f32>, %arg1: !torch.vtensor<[5],f32>) -> !torch.vtensor<[1,1,1,2],f32> attributes {torch.onnx_meta.opset_version = 19 : si64} {
  %none = torch.constant.none
  // expected-remark@+1 {{onnx.Resize was not converted: declared output rank 4 is not the input rank 5}}
  %0 = torch.operator "onnx.Resize"(%arg0, %none, %arg1) {torch.onnx.mode = "nearest"} : (!torch.vtensor<[1,1,2,4,1],f32>, !torch.none, !torch.vtensor<[5],f32>) -> !torch.vtensor<[1,1,1,2],f32>
  return %0 : !torch.vtensor<[1,1,1,2],f32>
}

// -----

// Run-time sizes on an axis whose input size is dynamic (found by the fuzzer: a TypeError).
func.func @test_resize_runtime_sizes_dynamic_axis(%arg0: !torch.vtensor<[1,1,?,4],f32>, %arg1: !torch.vtensor<[4],f32>, %arg2: !torch.vtensor<[2],ui32>) -> !torch.vtensor<[1,1,3,3],f32> attributes {torch.onnx_meta.opset_version = 19 : si64} {
  %none = torch.constant.none
  // expected-remark@+1 {{onnx.Resize was not converted: a run-time scale on axis 2 needs static input and output sizes}}
  %0 = torch.operator "onnx.Resize"(%arg0, %arg1, %none, %arg2) {torch.onnx.axes = [3 : si64, 2 : si64], torch.onnx.coordinate_transformation_mode = "tf_crop_and_resize", torch.onnx.mode = "linear"} : (!torch.vtensor<[1,1,?,4],f32>, !torch.vtensor<[4],f32>, !torch.none, !torch.vtensor<[2],ui32>) -> !torch.vtensor<[1,1,3,3],f32>
  return %0 : !torch.vtensor<[1,1,3,3],f32>
}

// -----

// Non-finite constant scales (found by the fuzzer: an OverflowError).
func.func @test_resize_infinite_scale(%arg0: !torch.vtensor<[1,1,2,2],f32>) -> !torch.vtensor<*,f32> attributes {torch.onnx_meta.opset_version = 19 : si64} {
  %none = torch.constant.none
  %scales = torch.vtensor.literal(dense<[1.0, 1.0, 0x7F800000, 2.0]> : tensor<4xf32>) : !torch.vtensor<[4],f32>
  // expected-remark@+1 {{onnx.Resize was not converted: scales [1.0, 1.0, inf, 2.0] are not all finite}}
  %0 = torch.operator "onnx.Resize"(%arg0, %none, %scales) {torch.onnx.mode = "linear"} : (!torch.vtensor<[1,1,2,2],f32>, !torch.none, !torch.vtensor<[4],f32>) -> !torch.vtensor<*,f32>
  return %0 : !torch.vtensor<*,f32>
}
