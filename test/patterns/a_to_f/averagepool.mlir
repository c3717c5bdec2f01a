// RUN: %opt --split-input-file --convert-torch-onnx-to-torch %s | filecheck %s

// CHECK-LABEL: func.func @test_averagepool_2d_default
func.func @test_averagepool_2d_default(%arg0: !torch.vtensor<[1,3,32,32],f32>) -> !torch.vtensor<[1,3,31,31],f32> attributes {torch.onnx_meta.opset_version = 22 : si64} {
  // CHECK: %[[K:.*]] = torch.prim.ListConstruct %int2, %int2_0 : (!torch.int, !torch.int) -> !torch.list<int>
  // CHECK: %[[S:.*]] = torch.prim.ListConstruct %int1, %int1_1 : (!torch.int, !torch.int) -> !torch.list<int>
  // CHECK: %[[P:.*]] = torch.prim.ListConstruct %int0, %int0_2 : (!torch.int, !torch.int) -> !torch.list<int>
  // CHECK: %[[CEIL:.*]] = torch.constant.bool false
  // CHECK: %[[INC:.*]] = torch.constant.bool false
  // CHECK: %[[NONE:.*]] = torch.constant.none
  // CHECK: torch.aten.avg_pool2d %arg0, %[[K]], %[[S]], %[[P]], %[[CEIL]], %[[INC]], %[[NONE]] : {{.*}} -> !torch.vtensor<[1,3,31,31],f32>
  %0 = torch.operator "onnx.AveragePool"(%arg0) {torch.onnx.kernel_shape = [2 : si64, 2 : si64]} : (!torch.vtensor<[1,3,32,32],f32>) -> !torch.vtensor<[1,3,31,31],f32>
  return %0 : !torch.vtensor<[1,3,31,31],f32>
}

// -----

// CHECK-LABEL: func.func @test_averagepool_1d_count_include_pad
func.func @test_averagepool_1d_count_include_pad(%arg0: !torch.vtensor<[1,3,32],f32>) -> !torch.vtensor<[1,3,16],f32> attributes {torch.onnx_meta.opset_version = 7 : si64} {
  // CHECK: %[[INC:.*]] = torch.constant.bool true
  // CHECK: torch.aten.avg_pool1d %arg0, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %[[INC]] : !torch.vtensor<[1,3,32],f32>, !torch.list<int>, !torch.list<int>, !torch.list<int>, !torch.bool, !torch.bool -> !torch.vtensor<[1,3,16],f32>
  %0 = torch.operator "onnx.AveragePool"(%arg0) {torch.onnx.count_include_pad = 1 : si64, torch.onnx.kernel_shape = [3 : si64], torch.onnx.pads = [1 : si64, 1 : si64], torch.onnx.strides = [2 : si64]} : (!torch.vtensor<[1,3,32],f32>) -> !torch.vtensor<[1,3,16],f32>
  return %0 : !torch.vtensor<[1,3,16],f32>
}

// -----

// AveragePool-1 has no count_include_pad: a stray one is ignored.
// CHECK-LABEL: func.func @test_averagepool_v1_3d_dynamic
func.func @test_averagepool_v1_3d_dynamic(%arg0: !torch.vtensor<[?,3,?,?,?],f32>) -> !torch.vtensor<[?,3,?,?,?],f32> attributes {torch.onnx_meta.opset_version = 1 : si64} {
  // CHECK: %[[CEIL:.*]] = torch.constant.bool false
  // CHECK: %[[INC:.*]] = torch.constant.bool false
  // CHECK: torch.aten.avg_pool3d %arg0, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %[[INC]], %{{.*}} : {{.*}} -> !torch.vtensor<[?,3,?,?,?],f32>
  %0 = torch.operator "onnx.AveragePool"(%arg0) {torch.onnx.count_include_pad = 1 : si64, torch.onnx.kernel_shape = [2 : si64, 2 : si64, 2 : si64]} : (!torch.vtensor<[?,3,?,?,?],f32>) -> !torch.vtensor<[?,3,?,?,?],f32>
  return %0 : !torch.vtensor<[?,3,?,?,?],f32>
}

// -----

// SAME_UPPER resolves to symmetric pads here (total 2 per dim).
// CHECK-LABEL: func.func @test_averagepool_2d_same_upper
func.func @test_averagepool_2d_same_upper(%arg0: !torch.vtensor<[1,1,5,5],f32>) -> !torch.vtensor<[1,1,5,5],f32> attributes {torch.onnx_meta.opset_version = 11 : si64} {
  // CHECK: %[[K:.*]] = torch.prim.ListConstruct %int3{{.*}}, %int3{{.*}} : (!torch.int, !torch.int) -> !torch.list<int>
  // CHECK: %[[S:.*]] = torch.prim.ListConstruct %int1{{.*}}, %int1{{.*}} : (!torch.int, !torch.int) -> !torch.list<int>
  // CHECK: %[[P:.*]] = torch.prim.ListConstruct %int1{{.*}}, %int1{{.*}} : (!torch.int, !torch.int) -> !torch.list<int>
  // CHECK: torch.aten.avg_pool2d %arg0, %[[K]], %[[S]], %[[P]]
  %0 = torch.operator "onnx.AveragePool"(%arg0) {torch.onnx.auto_pad = "SAME_UPPER", torch.onnx.kernel_shape = [3 : si64, 3 : si64]} : (!torch.vtensor<[1,1,5,5],f32>) -> !torch.vtensor<[1,1,5,5],f32>
  return %0 : !torch.vtensor<[1,1,5,5],f32>
}

// -----

// ceil_mode that adds no window is dropped (torch-mlir's lowering mishandles it).
// CHECK-LABEL: func.func @test_averagepool_ceil_no_effect
func.func @test_averagepool_ceil_no_effect(%arg0: !torch.vtensor<[1,1,5,5],f32>) -> !torch.vtensor<[1,1,2,2],f32> attributes {torch.onnx_meta.opset_version = 19 : si64} {
  // CHECK: %[[CEIL:.*]] = torch.constant.bool false
  // CHECK: torch.aten.avg_pool2d %arg0, %{{.*}}, %{{.*}}, %{{.*}}, %[[CEIL]]
  %0 = torch.operator "onnx.AveragePool"(%arg0) {torch.onnx.ceil_mode = 1 : si64, torch.onnx.kernel_shape = [3 : si64, 3 : si64], torch.onnx.strides = [2 : si64, 2 : si64]} : (!torch.vtensor<[1,1,5,5],f32>) -> !torch.vtensor<[1,1,2,2],f32>
  return %0 : !torch.vtensor<[1,1,2,2],f32>
}

// -----

// ceil_mode with an overhanging last window: the explicit form. The input is padded to the
// extent the windows read; the last window counts only the 2 input elements it covers.
// CHECK-LABEL: func.func @test_averagepool_1d_ceil_overhang
func.func @test_averagepool_1d_ceil_overhang(%arg0: !torch.vtensor<[1,2,4],f32>) -> !torch.vtensor<[1,2,2],f32> attributes {torch.onnx_meta.opset_version = 22 : si64} {
  // CHECK: %[[XP:.*]] = torch.aten.constant_pad_nd %arg0, %{{.*}}, %{{.*}} : !torch.vtensor<[1,2,4],f32>, !torch.list<int>, !torch.float -> !torch.vtensor<[1,2,5],f32>
  // CHECK: %[[FLAT:.*]] = torch.aten.flatten.using_ints %[[XP]], %{{.*}}, %{{.*}} : {{.*}} -> !torch.vtensor<[2,5],f32>
  // CHECK: %[[X1:.*]] = torch.aten.unsqueeze %[[FLAT]], %{{.*}} : !torch.vtensor<[2,5],f32>, !torch.int -> !torch.vtensor<[2,1,5],f32>
  // CHECK: %[[W:.*]] = torch.vtensor.literal(dense<1.000000e+00> : tensor<1x1x3xf32>) : !torch.vtensor<[1,1,3],f32>
  // CHECK: %[[SUM:.*]] = torch.aten.convolution %[[X1]], %[[W]], {{.*}} -> !torch.vtensor<[2,1,2],f32>
  // CHECK: %[[SUMR:.*]] = torch.aten.reshape %[[SUM]], %{{.*}} : !torch.vtensor<[2,1,2],f32>, !torch.list<int> -> !torch.vtensor<[1,2,2],f32>
  // CHECK: %[[DIV:.*]] = torch.vtensor.literal(dense<[3.000000e+00, 2.000000e+00]> : tensor<2xf32>) : !torch.vtensor<[2],f32>
  // CHECK: torch.aten.div.Tensor %[[SUMR]], %[[DIV]] : !torch.vtensor<[1,2,2],f32>, !torch.vtensor<[2],f32> -> !torch.vtensor<[1,2,2],f32>
  %0 = torch.operator "onnx.AveragePool"(%arg0) {torch.onnx.ceil_mode = 1 : si64, torch.onnx.kernel_shape = [3 : si64], torch.onnx.strides = [2 : si64]} : (!torch.vtensor<[1,2,4],f32>) -> !torch.vtensor<[1,2,2],f32>
  return %0 : !torch.vtensor<[1,2,2],f32>
}

// -----

// Dilations: a dilated ones-kernel convolution; every window holds 4 elements.
// CHECK-LABEL: func.func @test_averagepool_2d_dilations
func.func @test_averagepool_2d_dilations(%arg0: !torch.vtensor<[1,1,4,4],f32>) -> !torch.vtensor<[1,1,2,2],f32> attributes {torch.onnx_meta.opset_version = 19 : si64} {
  // CHECK-NOT: torch.aten.avg_pool2d
  // CHECK: %[[DIL:.*]] = torch.prim.ListConstruct %int2{{.*}}, %int2{{.*}} : (!torch.int, !torch.int) -> !torch.list<int>
  // CHECK: torch.aten.convolution %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %[[DIL]], {{.*}} -> !torch.vtensor<[1,1,2,2],f32>
  // CHECK: torch.vtensor.literal(dense<4.000000e+00> : tensor<2x2xf32>)
  // CHECK: torch.aten.div.Tensor
  %0 = torch.operator "onnx.AveragePool"(%arg0) {torch.onnx.dilations = [2 : si64, 2 : si64], torch.onnx.kernel_shape = [2 : si64, 2 : si64]} : (!torch.vtensor<[1,1,4,4],f32>) -> !torch.vtensor<[1,1,2,2],f32>
  return %0 : !torch.vtensor<[1,1,2,2],f32>
}

// -----

// Asymmetric pads without count_include_pad: pads are zeros that the divisor leaves out.
// CHECK-LABEL: func.func @test_averagepool_1d_asymmetric_pads
func.func @test_averagepool_1d_asymmetric_pads(%arg0: !torch.vtensor<[1,1,3],f32>) -> !torch.vtensor<[1,1,3],f32> attributes {torch.onnx_meta.opset_version = 11 : si64} {
  // CHECK: torch.aten.constant_pad_nd %arg0, {{.*}} -> !torch.vtensor<[1,1,4],f32>
  // CHECK: torch.vtensor.literal(dense<[1.000000e+00, 2.000000e+00, 2.000000e+00]> : tensor<3xf32>)
  %0 = torch.operator "onnx.AveragePool"(%arg0) {torch.onnx.kernel_shape = [2 : si64], torch.onnx.pads = [1 : si64, 0 : si64]} : (!torch.vtensor<[1,1,3],f32>) -> !torch.vtensor<[1,1,3],f32>
  return %0 : !torch.vtensor<[1,1,3],f32>
}

// -----

// Elements no window reads are cut off first (a one-window convolution must span its input).
// CHECK-LABEL: func.func @test_averagepool_one_window_crop
func.func @test_averagepool_one_window_crop(%arg0: !torch.vtensor<[1,1,5],f32>) -> !torch.vtensor<[1,1,1],f32> attributes {torch.onnx_meta.opset_version = 22 : si64} {
  // CHECK: %[[CUT:.*]] = torch.aten.slice.Tensor %arg0, {{.*}} -> !torch.vtensor<[1,1,3],f32>
  // CHECK: torch.aten.flatten.using_ints %[[CUT]]
  %0 = torch.operator "onnx.AveragePool"(%arg0) {torch.onnx.kernel_shape = [3 : si64], torch.onnx.strides = [3 : si64]} : (!torch.vtensor<[1,1,5],f32>) -> !torch.vtensor<[1,1,1],f32>
  return %0 : !torch.vtensor<[1,1,1],f32>
}

// -----

// Dynamic dims: ceil_mode goes to torch when every stride is >= 2.
// CHECK-LABEL: func.func @test_averagepool_ceil_dynamic
func.func @test_averagepool_ceil_dynamic(%arg0: !torch.vtensor<[?,3,?,?],f32>) -> !torch.vtensor<[?,3,?,?],f32> attributes {torch.onnx_meta.opset_version = 22 : si64} {
  // CHECK: %[[CEIL:.*]] = torch.constant.bool true
  // CHECK: torch.aten.avg_pool2d %arg0, %{{.*}}, %{{.*}}, %{{.*}}, %[[CEIL]]
  %0 = torch.operator "onnx.AveragePool"(%arg0) {torch.onnx.ceil_mode = 1 : si64, torch.onnx.kernel_shape = [3 : si64, 3 : si64], torch.onnx.pads = [1 : si64, 1 : si64, 1 : si64, 1 : si64], torch.onnx.strides = [2 : si64, 2 : si64]} : (!torch.vtensor<[?,3,?,?],f32>) -> !torch.vtensor<[?,3,?,?],f32>
  return %0 : !torch.vtensor<[?,3,?,?],f32>
}
