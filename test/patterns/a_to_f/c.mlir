// RUN: %opt --split-input-file --convert-torch-onnx-to-torch %s | filecheck %s

// CHECK-LABEL: func.func @test_cast_float_to_int
func.func @test_cast_float_to_int(%arg0: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],si32> attributes {torch.onnx_meta.opset_version = 19 : si64} {
  // CHECK: %[[DT:.*]] = torch.constant.int 3
  // CHECK: torch.aten.to.dtype %arg0, %[[DT]], %false, %false, %none : !torch.vtensor<[3],f32>, !torch.int, !torch.bool, !torch.bool, !torch.none -> !torch.vtensor<[3],si32>
  %0 = torch.operator "onnx.Cast"(%arg0) {torch.onnx.to = 6 : si64} : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],si32>
  return %0 : !torch.vtensor<[3],si32>
}

// -----

// Cast-1 names the target type as a string.
// CHECK-LABEL: func.func @test_cast_v1_string_to
func.func @test_cast_v1_string_to(%arg0: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f64> attributes {torch.onnx_meta.opset_version = 1 : si64} {
  // CHECK: %[[DT:.*]] = torch.constant.int 7
  // CHECK: torch.aten.to.dtype %arg0, %[[DT]]
  %0 = torch.operator "onnx.Cast"(%arg0) {torch.onnx.to = "DOUBLE"} : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f64>
  return %0 : !torch.vtensor<[3],f64>
}

// -----

// CHECK-LABEL: func.func @test_ceil
func.func @test_ceil(%arg0: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: torch.aten.ceil %arg0
  %0 = torch.operator "onnx.Ceil"(%arg0) : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}

// -----

// CHECK-LABEL: func.func @test_concat_negative_axis
func.func @test_concat_negative_axis(%arg0: !torch.vtensor<[2,3],f32>, %arg1: !torch.vtensor<[2,5],f32>) -> !torch.vtensor<[2,8],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: %[[LIST:.*]] = torch.prim.ListConstruct %arg0, %arg1 : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[2,5],f32>) -> !torch.list<vtensor>
  // CHECK: %[[AXIS:.*]] = torch.constant.int 1
  // CHECK: torch.aten.cat %[[LIST]], %[[AXIS]] : !torch.list<vtensor>, !torch.int -> !torch.vtensor<[2,8],f32>
  %0 = torch.operator "onnx.Concat"(%arg0, %arg1) {torch.onnx.axis = -1 : si64} : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[2,5],f32>) -> !torch.vtensor<[2,8],f32>
  return %0 : !torch.vtensor<[2,8],f32>
}

// -----

// CHECK-LABEL: func.func @test_constant_dense
func.func @test_constant_dense() -> !torch.vtensor<[2],si64> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: torch.vtensor.literal(dense<[3, 4]> : tensor<2xsi64>) : !torch.vtensor<[2],si64>
  %0 = torch.operator "onnx.Constant"() {torch.onnx.value = dense<[3, 4]> : tensor<2xsi64>} : () -> !torch.vtensor<[2],si64>
  return %0 : !torch.vtensor<[2],si64>
}

// -----

// The weight blob is referenced, not copied.
// CHECK-LABEL: func.func @test_constant_dense_resource
func.func @test_constant_dense_resource() -> !torch.vtensor<[2],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: torch.vtensor.literal(dense_resource<weight> : tensor<2xf32>) : !torch.vtensor<[2],f32>
  %0 = torch.operator "onnx.Constant"() {torch.onnx.value = dense_resource<weight> : tensor<2xf32>} : () -> !torch.vtensor<[2],f32>
  return %0 : !torch.vtensor<[2],f32>
}
{-#
  dialect_resources: {
    builtin: {
      weight: "0x080000000000803F00000040"
    }
  }
#-}

// -----

// CHECK-LABEL: func.func @test_constant_value_float
func.func @test_constant_value_float() -> !torch.vtensor<[],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: torch.vtensor.literal(dense<2.500000e+00> : tensor<f32>) : !torch.vtensor<[],f32>
  %0 = torch.operator "onnx.Constant"() {torch.onnx.value_float = 2.5 : f32} : () -> !torch.vtensor<[],f32>
  return %0 : !torch.vtensor<[],f32>
}

// -----

// CHECK-LABEL: func.func @test_constant_value_floats
func.func @test_constant_value_floats() -> !torch.vtensor<[2],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: torch.vtensor.literal(dense<[1.000000e+00, 2.000000e+00]> : tensor<2xf32>) : !torch.vtensor<[2],f32>
  %0 = torch.operator "onnx.Constant"() {torch.onnx.value_floats = [1.0 : f32, 2.0 : f32]} : () -> !torch.vtensor<[2],f32>
  return %0 : !torch.vtensor<[2],f32>
}

// -----

// CHECK-LABEL: func.func @test_constant_value_int
func.func @test_constant_value_int() -> !torch.vtensor<[],si64> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: torch.vtensor.literal(dense<7> : tensor<si64>) : !torch.vtensor<[],si64>
  %0 = torch.operator "onnx.Constant"() {torch.onnx.value_int = 7 : si64} : () -> !torch.vtensor<[],si64>
  return %0 : !torch.vtensor<[],si64>
}

// -----

// CHECK-LABEL: func.func @test_constant_value_ints
func.func @test_constant_value_ints() -> !torch.vtensor<[3],si64> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: torch.vtensor.literal(dense<[1, -2, 3]> : tensor<3xsi64>) : !torch.vtensor<[3],si64>
  %0 = torch.operator "onnx.Constant"() {torch.onnx.value_ints = [1 : si64, -2 : si64, 3 : si64]} : () -> !torch.vtensor<[3],si64>
  return %0 : !torch.vtensor<[3],si64>
}

// -----

// CHECK-LABEL: func.func @test_conv2d_basic
func.func @test_conv2d_basic(%arg0: !torch.vtensor<[1,1,5,5],f32>, %arg1: !torch.vtensor<[1,1,3,3],f32>) -> !torch.vtensor<[1,1,5,5],f32> attributes {torch.onnx_meta.opset_version = 11 : si64} {
  // CHECK: %[[NONE:.*]] = torch.constant.none
  // CHECK: %[[STRIDES:.*]] = torch.prim.ListConstruct %{{.*}}, %{{.*}} : (!torch.int, !torch.int) -> !torch.list<int>
  // CHECK: %[[PADS:.*]] = torch.prim.ListConstruct
  // CHECK: %[[DIL:.*]] = torch.prim.ListConstruct
  // CHECK: %[[OUTPAD:.*]] = torch.prim.ListConstruct
  // CHECK: %[[GROUPS:.*]] = torch.constant.int 1
  // CHECK: torch.aten.convolution %arg0, %arg1, %[[NONE]], %[[STRIDES]], %[[PADS]], %[[DIL]], %false, %[[OUTPAD]], %[[GROUPS]] : {{.*}} -> !torch.vtensor<[1,1,5,5],f32>
  %0 = torch.operator "onnx.Conv"(%arg0, %arg1) {torch.onnx.kernel_shape = [3 : si64, 3 : si64], torch.onnx.pads = [1 : si64, 1 : si64, 1 : si64, 1 : si64]} : (!torch.vtensor<[1,1,5,5],f32>, !torch.vtensor<[1,1,3,3],f32>) -> !torch.vtensor<[1,1,5,5],f32>
  return %0 : !torch.vtensor<[1,1,5,5],f32>
}

// -----

// Asymmetric pads: the difference is padded explicitly before the convolution.
// CHECK-LABEL: func.func @test_conv2d_asymmetric_pads
func.func @test_conv2d_asymmetric_pads(%arg0: !torch.vtensor<[1,1,5,5],f32>, %arg1: !torch.vtensor<[1,1,3,3],f32>, %arg2: !torch.vtensor<[1],f32>) -> !torch.vtensor<[1,1,2,6],f32> attributes {torch.onnx_meta.opset_version = 11 : si64} {
  // CHECK: %[[PADDED:.*]] = torch.aten.constant_pad_nd %arg0, {{.*}} -> !torch.vtensor<[1,1,6,6],f32>
  // CHECK: torch.aten.convolution %[[PADDED]], %arg1, %arg2,
  %0 = torch.operator "onnx.Conv"(%arg0, %arg1, %arg2) {torch.onnx.pads = [0 : si64, 1 : si64, 1 : si64, 2 : si64], torch.onnx.strides = [2 : si64, 1 : si64]} : (!torch.vtensor<[1,1,5,5],f32>, !torch.vtensor<[1,1,3,3],f32>, !torch.vtensor<[1],f32>) -> !torch.vtensor<[1,1,2,6],f32>
  return %0 : !torch.vtensor<[1,1,2,6],f32>
}

// -----

// CHECK-LABEL: func.func @test_cos
func.func @test_cos(%arg0: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 7 : si64} {
  // CHECK: torch.aten.cos %arg0
  %0 = torch.operator "onnx.Cos"(%arg0) : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}
