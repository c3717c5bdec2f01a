// RUN: %opt --split-input-file --convert-torch-onnx-to-torch %s | filecheck %s

// Pad-1 names its pads `paddings`; the value attribute fills.
// CHECK-LABEL: func.func @test_pad_v1_paddings
func.func @test_pad_v1_paddings(%arg0: !torch.vtensor<[2,3],f32>) -> !torch.vtensor<[3,6],f32> attributes {torch.onnx_meta.opset_version = 1 : si64} {
  // CHECK: %[[V:.*]] = torch.constant.float 1.5
  // CHECK: %[[P0:.*]] = torch.constant.int 2
  // CHECK: %[[P1:.*]] = torch.constant.int 1
  // CHECK: %[[P2:.*]] = torch.constant.int 1
  // CHECK: %[[P3:.*]] = torch.constant.int 0
  // CHECK: %[[L:.*]] = torch.prim.ListConstruct %[[P0]], %[[P1]], %[[P2]], %[[P3]]
  // CHECK: torch.aten.constant_pad_nd %arg0, %[[L]], %[[V]] : !torch.vtensor<[2,3],f32>, !torch.list<int>, !torch.float -> !torch.vtensor<[3,6],f32>
  %0 = torch.operator "onnx.Pad"(%arg0) {torch.onnx.paddings = [1 : si64, 2 : si64, 0 : si64, 1 : si64], torch.onnx.value = 1.500000e+00 : f32} : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor<[3,6],f32>
  return %0 : !torch.vtensor<[3,6],f32>
}

// -----

// Pad-2: pads attribute; torch lists the pads from the last dim backward.
// CHECK-LABEL: func.func @test_pad_v2_attr
func.func @test_pad_v2_attr(%arg0: !torch.vtensor<[2,3],f32>) -> !torch.vtensor<[3,3],f32> attributes {torch.onnx_meta.opset_version = 2 : si64} {
  // CHECK: %[[L:.*]] = torch.prim.ListConstruct
  // CHECK: torch.aten.constant_pad_nd %arg0, %[[L]], {{.*}} -> !torch.vtensor<[3,3],f32>
  %0 = torch.operator "onnx.Pad"(%arg0) {torch.onnx.pads = [1 : si64, 0 : si64, 0 : si64, 0 : si64]} : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor<[3,3],f32>
  return %0 : !torch.vtensor<[3,3],f32>
}

// -----

// Pad-11: constant pads and constant_value inputs.
// CHECK-LABEL: func.func @test_pad_v11_const_inputs
func.func @test_pad_v11_const_inputs(%arg0: !torch.vtensor<[2,3],si64>) -> !torch.vtensor<[2,5],si64> attributes {torch.onnx_meta.opset_version = 11 : si64} {
  // CHECK: %[[V:.*]] = torch.constant.int 7
  // CHECK: %[[L:.*]] = torch.prim.ListConstruct
  // CHECK: torch.aten.constant_pad_nd %arg0, %[[L]], %[[V]] : !torch.vtensor<[2,3],si64>, !torch.list<int>, !torch.int -> !torch.vtensor<[2,5],si64>
  %0 = torch.operator "onnx.Constant"() {torch.onnx.value = dense<[0, 1, 0, 1]> : tensor<4xsi64>} : () -> !torch.vtensor<[4],si64>
  %1 = torch.operator "onnx.Constant"() {torch.onnx.value = dense<7> : tensor<si64>} : () -> !torch.vtensor<[],si64>
  %2 = torch.operator "onnx.Pad"(%arg0, %0, %1) : (!torch.vtensor<[2,3],si64>, !torch.vtensor<[4],si64>, !torch.vtensor<[],si64>) -> !torch.vtensor<[2,5],si64>
  return %2 : !torch.vtensor<[2,5],si64>
}

// -----

// Negative pads crop (aten.slice.Tensor) before the positive ones pad.
// CHECK-LABEL: func.func @test_pad_negative_crops
func.func @test_pad_negative_crops(%arg0: !torch.vtensor<[4,5],f32>) -> !torch.vtensor<[3,6],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: %[[A:.*]] = torch.aten.slice.Tensor %arg0, {{.*}} -> !torch.vtensor<[3,5],f32>
  // CHECK: %[[B:.*]] = torch.aten.slice.Tensor %[[A]], {{.*}} -> !torch.vtensor<[3,4],f32>
  // CHECK: torch.aten.constant_pad_nd %[[B]], {{.*}} -> !torch.vtensor<[3,6],f32>
  %0 = torch.operator "onnx.Constant"() {torch.onnx.value = dense<[-1, 2, 0, -1]> : tensor<4xsi64>} : () -> !torch.vtensor<[4],si64>
  %none = torch.constant.none
  %1 = torch.operator "onnx.Pad"(%arg0, %0, %none) : (!torch.vtensor<[4,5],f32>, !torch.vtensor<[4],si64>, !torch.none) -> !torch.vtensor<[3,6],f32>
  return %1 : !torch.vtensor<[3,6],f32>
}

// -----

// Runtime pads: their signs are unknown, so the crop and the pad both use max/min arithmetic.
// CHECK-LABEL: func.func @test_pad_runtime_pads
func.func @test_pad_runtime_pads(%arg0: !torch.vtensor<[4,5],f32>, %arg1: !torch.vtensor<[4],si64>, %arg2: !torch.vtensor<[],f32>) -> !torch.vtensor<[?,?],f32> attributes {torch.onnx_meta.opset_version = 18 : si64} {
  // CHECK: %[[V:.*]] = torch.aten.item %arg2 : !torch.vtensor<[],f32> -> !torch.float
  // CHECK: %[[A:.*]] = torch.aten.slice.Tensor %arg0
  // CHECK: %[[B:.*]] = torch.aten.slice.Tensor %[[A]]
  // CHECK: torch.prim.max.int
  // CHECK: torch.aten.constant_pad_nd %[[B]], {{.*}}, %[[V]] : {{.*}} -> !torch.vtensor<[?,?],f32>
  %0 = torch.operator "onnx.Pad"(%arg0, %arg1, %arg2) : (!torch.vtensor<[4,5],f32>, !torch.vtensor<[4],si64>, !torch.vtensor<[],f32>) -> !torch.vtensor<[?,?],f32>
  return %0 : !torch.vtensor<[?,?],f32>
}

// -----

// Pad-18 axes (negative allowed): only the listed dims are padded.
// CHECK-LABEL: func.func @test_pad_v18_axes
func.func @test_pad_v18_axes(%arg0: !torch.vtensor<[2,3,4],f32>) -> !torch.vtensor<[2,3,7],f32> attributes {torch.onnx_meta.opset_version = 18 : si64} {
  // CHECK: %[[B:.*]] = torch.constant.int 1
  // CHECK: %[[E:.*]] = torch.constant.int 2
  // CHECK: %[[L:.*]] = torch.prim.ListConstruct %[[B]], %[[E]] :
  // CHECK: torch.aten.constant_pad_nd %arg0, %[[L]], {{.*}} -> !torch.vtensor<[2,3,7],f32>
  %0 = torch.operator "onnx.Constant"() {torch.onnx.value = dense<[1, 2]> : tensor<2xsi64>} : () -> !torch.vtensor<[2],si64>
  %1 = torch.operator "onnx.Constant"() {torch.onnx.value = dense<-1> : tensor<1xsi64>} : () -> !torch.vtensor<[1],si64>
  %none = torch.constant.none
  %2 = torch.operator "onnx.Pad"(%arg0, %0, %none, %1) : (!torch.vtensor<[2,3,4],f32>, !torch.vtensor<[2],si64>, !torch.none, !torch.vtensor<[1],si64>) -> !torch.vtensor<[2,3,7],f32>
  return %2 : !torch.vtensor<[2,3,7],f32>
}

// -----

// Static reflect pads: the gather indices are computed at conversion time.
// CHECK-LABEL: func.func @test_pad_reflect_static
func.func @test_pad_reflect_static(%arg0: !torch.vtensor<[2,3],f32>) -> !torch.vtensor<[2,7],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: %[[I:.*]] = torch.vtensor.literal(dense<[2, 1, 0, 1, 2, 1, 0]> : tensor<7xsi64>)
  // CHECK: torch.aten.index_select %arg0, {{.*}}, %[[I]] : {{.*}} -> !torch.vtensor<[2,7],f32>
  %0 = torch.operator "onnx.Constant"() {torch.onnx.value = dense<[0, 2, 0, 2]> : tensor<4xsi64>} : () -> !torch.vtensor<[4],si64>
  %1 = torch.operator "onnx.Pad"(%arg0, %0) {torch.onnx.mode = "reflect"} : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[4],si64>) -> !torch.vtensor<[2,7],f32>
  return %1 : !torch.vtensor<[2,7],f32>
}

// -----

// CHECK-LABEL: func.func @test_pad_edge_static
func.func @test_pad_edge_static(%arg0: !torch.vtensor<[2,3],f32>) -> !torch.vtensor<[2,6],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: %[[I:.*]] = torch.vtensor.literal(dense<[0, 0, 1, 2, 2, 2]> : tensor<6xsi64>)
  // CHECK: torch.aten.index_select %arg0, {{.*}}, %[[I]] : {{.*}} -> !torch.vtensor<[2,6],f32>
  %0 = torch.operator "onnx.Constant"() {torch.onnx.value = dense<[0, 1, 0, 2]> : tensor<4xsi64>} : () -> !torch.vtensor<[4],si64>
  %1 = torch.operator "onnx.Pad"(%arg0, %0) {torch.onnx.mode = "edge"} : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[4],si64>) -> !torch.vtensor<[2,6],f32>
  return %1 : !torch.vtensor<[2,6],f32>
}

// -----

// Pad-19 adds wrap.
// CHECK-LABEL: func.func @test_pad_wrap_static
func.func @test_pad_wrap_static(%arg0: !torch.vtensor<[2,3],f32>) -> !torch.vtensor<[2,7],f32> attributes {torch.onnx_meta.opset_version = 19 : si64} {
  // CHECK: %[[I:.*]] = torch.vtensor.literal(dense<[2, 0, 1, 2, 0, 1, 2]> : tensor<7xsi64>)
  // CHECK: torch.aten.index_select %arg0, {{.*}}, %[[I]] : {{.*}} -> !torch.vtensor<[2,7],f32>
  %0 = torch.operator "onnx.Constant"() {torch.onnx.value = dense<[0, 4, 0, 0]> : tensor<4xsi64>} : () -> !torch.vtensor<[4],si64>
  %1 = torch.operator "onnx.Pad"(%arg0, %0) {torch.onnx.mode = "wrap"} : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[4],si64>) -> !torch.vtensor<[2,7],f32>
  return %1 : !torch.vtensor<[2,7],f32>
}

// -----

// Runtime pads in reflect mode: the indices are computed with tensor ops.
// CHECK-LABEL: func.func @test_pad_reflect_runtime
func.func @test_pad_reflect_runtime(%arg0: !torch.vtensor<[3],f32>, %arg1: !torch.vtensor<[2],si64>) -> !torch.vtensor<[?],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: %[[R:.*]] = torch.aten.arange
  // CHECK: %[[S:.*]] = torch.aten.sub.Scalar %[[R]]
  // CHECK: %[[M:.*]] = torch.aten.remainder.Scalar %[[S]]
  // CHECK: %[[D:.*]] = torch.aten.sub.Scalar %[[M]]
  // CHECK: %[[A:.*]] = torch.aten.abs %[[D]]
  // CHECK: %[[I:.*]] = torch.aten.rsub.Scalar %[[A]]
  // CHECK: torch.aten.index_select %arg0, {{.*}}, %[[I]] : {{.*}} -> !torch.vtensor<[?],f32>
  %0 = torch.operator "onnx.Pad"(%arg0, %arg1) {torch.onnx.mode = "reflect"} : (!torch.vtensor<[3],f32>, !torch.vtensor<[2],si64>) -> !torch.vtensor<[?],f32>
  return %0 : !torch.vtensor<[?],f32>
}

// -----

// Padding a constant folds into a literal.
// CHECK-LABEL: func.func @test_pad_folds_constant
func.func @test_pad_folds_constant() -> !torch.vtensor<[4],si64> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: %[[F:.*]] = torch.vtensor.literal(dense<[0, 5, 6, 0]> : tensor<4xsi64>)
  // CHECK-NOT: torch.operator
  // CHECK: return %[[F]]
  %0 = torch.operator "onnx.Constant"() {torch.onnx.value = dense<[5, 6]> : tensor<2xsi64>} : () -> !torch.vtensor<[2],si64>
  %1 = torch.operator "onnx.Constant"() {torch.onnx.value = dense<[1, 1]> : tensor<2xsi64>} : () -> !torch.vtensor<[2],si64>
  %2 = torch.operator "onnx.Pad"(%0, %1) : (!torch.vtensor<[2],si64>, !torch.vtensor<[2],si64>) -> !torch.vtensor<[4],si64>
  return %2 : !torch.vtensor<[4],si64>
}
