// RUN: %opt --split-input-file --convert-torch-onnx-to-torch %s | filecheck %s

// A run-time shape of static length and no declared shape: the result has its rank, with
// the dims the entries do not fix dynamic.
// CHECK-LABEL: func.func @test_reshape_runtime_shape_unranked
func.func @test_reshape_runtime_shape_unranked(%arg0: !torch.vtensor<[2,3],f32>, %arg1: !torch.vtensor<[3],si64>) -> !torch.vtensor<*,f32> attributes {torch.onnx_meta.opset_version = 14 : si64} {
  // CHECK: torch.aten.reshape %arg0, %{{.*}} : !torch.vtensor<[2,3],f32>, !torch.list<int> -> !torch.vtensor<[?,?,?],f32>
  %0 = torch.operator "onnx.Reshape"(%arg0, %arg1) : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[3],si64>) -> !torch.vtensor<*,f32>
  return %0 : !torch.vtensor<*,f32>
}

// -----

// A 0 in the shape copies the input's dim (allowzero=0).
// CHECK-LABEL: func.func @test_reshape_const_shape_with_zero
func.func @test_reshape_const_shape_with_zero(%arg0: !torch.vtensor<[2,3,4],f32>) -> !torch.vtensor<[2,12],f32> attributes {torch.onnx_meta.opset_version = 14 : si64} {
  // CHECK: %[[D0:.*]] = torch.constant.int 2
  // CHECK: %[[D1:.*]] = torch.constant.int -1
  // CHECK: %[[L:.*]] = torch.prim.ListConstruct %[[D0]], %[[D1]]
  // CHECK: torch.aten.reshape %arg0, %[[L]] : !torch.vtensor<[2,3,4],f32>, !torch.list<int> -> !torch.vtensor<[2,12],f32>
  %0 = torch.operator "onnx.Constant"() {torch.onnx.value = dense<[0, -1]> : tensor<2xsi64>} : () -> !torch.vtensor<[2],si64>
  %1 = torch.operator "onnx.Reshape"(%arg0, %0) : (!torch.vtensor<[2,3,4],f32>, !torch.vtensor<[2],si64>) -> !torch.vtensor<[2,12],f32>
  return %1 : !torch.vtensor<[2,12],f32>
}

// -----

// A shape from a dense_resource constant (how the importer stores initializers) is read too.
// CHECK-LABEL: func.func @test_reshape_resource_shape
func.func @test_reshape_resource_shape(%arg0: !torch.vtensor<[2,3],f32>) -> !torch.vtensor<[3,2],f32> attributes {torch.onnx_meta.opset_version = 14 : si64} {
  // CHECK: %[[D0:.*]] = torch.constant.int 3
  // CHECK: %[[D1:.*]] = torch.constant.int 2
  // CHECK: %[[L:.*]] = torch.prim.ListConstruct %[[D0]], %[[D1]]
  // CHECK: torch.aten.reshape %arg0, %[[L]]
  %0 = torch.operator "onnx.Constant"() {torch.onnx.value = dense_resource<shape> : tensor<2xsi64>} : () -> !torch.vtensor<[2],si64>
  %1 = torch.operator "onnx.Reshape"(%arg0, %0) : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[2],si64>) -> !torch.vtensor<[3,2],f32>
  return %1 : !torch.vtensor<[3,2],f32>
}
{-#
  dialect_resources: {
    builtin: {
      shape: "0x0800000003000000000000000200000000000000"
    }
  }
#-}

// -----

// A runtime shape: each entry is read with select + item; 0 means "copy the input dim".
// CHECK-LABEL: func.func @test_reshape_dynamic_shape
func.func @test_reshape_dynamic_shape(%arg0: !torch.vtensor<[2,3],f32>, %arg1: !torch.vtensor<[2],si64>) -> !torch.vtensor<[?,?],f32> attributes {torch.onnx_meta.opset_version = 14 : si64} {
  // CHECK: %[[S0:.*]] = torch.aten.select.int %arg1
  // CHECK: %[[E0:.*]] = torch.aten.item %[[S0]] : !torch.vtensor<[],si64> -> !torch.int
  // CHECK: torch.aten.eq.int %[[E0]]
  // CHECK: torch.aten.reshape %arg0
  %0 = torch.operator "onnx.Reshape"(%arg0, %arg1) : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[2],si64>) -> !torch.vtensor<[?,?],f32>
  return %0 : !torch.vtensor<[?,?],f32>
}

// -----

// A runtime shape whose result type is declared: its static dims replace the entries, and the
// single unknown one becomes -1. A dynamic input goes through 1-D (see emit.reshape).
// CHECK-LABEL: func.func @test_reshape_dynamic_shape_declared
func.func @test_reshape_dynamic_shape_declared(%arg0: !torch.vtensor<[?,12],f32>, %arg1: !torch.vtensor<[3],si64>) -> !torch.vtensor<[?,3,4],f32> attributes {torch.onnx_meta.opset_version = 14 : si64} {
  // CHECK: %[[FLAT:.*]] = torch.aten.flatten.using_ints %arg0, %int0, %int1 : !torch.vtensor<[?,12],f32>, !torch.int, !torch.int -> !torch.vtensor<[?],f32>
  // CHECK: %[[M:.*]] = torch.constant.int -1
  // CHECK: %[[D1:.*]] = torch.constant.int 3
  // CHECK: %[[D2:.*]] = torch.constant.int 4
  // CHECK: %[[L:.*]] = torch.prim.ListConstruct %[[M]], %[[D1]], %[[D2]]
  // CHECK: torch.aten.reshape %[[FLAT]], %[[L]] : !torch.vtensor<[?],f32>, !torch.list<int> -> !torch.vtensor<[?,3,4],f32>
  %0 = torch.operator "onnx.Reshape"(%arg0, %arg1) : (!torch.vtensor<[?,12],f32>, !torch.vtensor<[3],si64>) -> !torch.vtensor<[?,3,4],f32>
  return %0 : !torch.vtensor<[?,3,4],f32>
}

// -----

// A declared result with no elements needs none of the input's, nor the shape's entries: zeros.
// CHECK-LABEL: func.func @test_reshape_runtime_shape_to_empty
func.func @test_reshape_runtime_shape_to_empty(%arg0: !torch.vtensor<[0,3,4],f32>, %arg1: !torch.vtensor<[3],si64>) -> !torch.vtensor<[3,4,0],f32> attributes {torch.onnx_meta.opset_version = 14 : si64} {
  // CHECK-NOT: torch.aten.item
  // CHECK: %[[L:.*]] = torch.prim.ListConstruct %int3, %int4, %int0
  // CHECK: %[[Z:.*]] = torch.aten.zeros %[[L]], %int6, {{.*}} -> !torch.vtensor<[3,4,0],f32>
  // CHECK: return %[[Z]]
  %0 = torch.operator "onnx.Reshape"(%arg0, %arg1) {torch.onnx.allowzero = 1 : si64} : (!torch.vtensor<[0,3,4],f32>, !torch.vtensor<[3],si64>) -> !torch.vtensor<[3,4,0],f32>
  return %0 : !torch.vtensor<[3,4,0],f32>
}

// -----

// A constant shape with a static input: an empty result is zeros too.
// CHECK-LABEL: func.func @test_reshape_const_shape_to_empty
func.func @test_reshape_const_shape_to_empty(%arg0: !torch.vtensor<[2,0,3],f32>) -> !torch.vtensor<[?,?],f32> attributes {torch.onnx_meta.opset_version = 14 : si64} {
  // CHECK: %[[Z:.*]] = torch.aten.zeros {{.*}} -> !torch.vtensor<[0,6],f32>
  // CHECK: return %[[Z]]
  %shape = torch.vtensor.literal(dense<[0, 6]> : tensor<2xsi64>) : !torch.vtensor<[2],si64>
  %0 = torch.operator "onnx.Reshape"(%arg0, %shape) {torch.onnx.allowzero = 1 : si64} : (!torch.vtensor<[2,0,3],f32>, !torch.vtensor<[2],si64>) -> !torch.vtensor<[?,?],f32>
  return %0 : !torch.vtensor<[?,?],f32>
}

// -----

// Reshape-1 takes the shape as an attribute.
// CHECK-LABEL: func.func @test_reshape_v1_attr
func.func @test_reshape_v1_attr(%arg0: !torch.vtensor<[2,3],f32>) -> !torch.vtensor<[6],f32> attributes {torch.onnx_meta.opset_version = 1 : si64} {
  // CHECK: %[[D:.*]] = torch.constant.int 6
  // CHECK: %[[L:.*]] = torch.prim.ListConstruct %[[D]]
  // CHECK: torch.aten.reshape %arg0, %[[L]]
  %0 = torch.operator "onnx.Reshape"(%arg0) {torch.onnx.shape = [6 : si64]} : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor<[6],f32>
  return %0 : !torch.vtensor<[6],f32>
}

// -----

// Before opset 13 the input is coerced to 2-D at axis (default 1).
// CHECK-LABEL: func.func @test_softmax_v11_coerced
func.func @test_softmax_v11_coerced(%arg0: !torch.vtensor<[2,3,4],f32>) -> !torch.vtensor<[2,3,4],f32> attributes {torch.onnx_meta.opset_version = 11 : si64} {
  // CHECK: %[[FLAT:.*]] = torch.aten.flatten.using_ints %arg0, {{.*}} -> !torch.vtensor<[2,12],f32>
  // CHECK: %[[SM:.*]] = torch.aten.softmax.int %[[FLAT]], {{.*}} -> !torch.vtensor<[2,12],f32>
  // CHECK: torch.aten.reshape %[[SM]], {{.*}} -> !torch.vtensor<[2,3,4],f32>
  %0 = torch.operator "onnx.Softmax"(%arg0) : (!torch.vtensor<[2,3,4],f32>) -> !torch.vtensor<[2,3,4],f32>
  return %0 : !torch.vtensor<[2,3,4],f32>
}

// -----

// CHECK-LABEL: func.func @test_transpose_default_perm
func.func @test_transpose_default_perm(%arg0: !torch.vtensor<[2,3,4],f32>) -> !torch.vtensor<[4,3,2],f32> attributes {torch.onnx_meta.opset_version = 21 : si64} {
  // CHECK: %[[P0:.*]] = torch.constant.int 2
  // CHECK: %[[P1:.*]] = torch.constant.int 1
  // CHECK: %[[P2:.*]] = torch.constant.int 0
  // CHECK: %[[PERM:.*]] = torch.prim.ListConstruct %[[P0]], %[[P1]], %[[P2]]
  // CHECK: torch.aten.permute %arg0, %[[PERM]] : !torch.vtensor<[2,3,4],f32>, !torch.list<int> -> !torch.vtensor<[4,3,2],f32>
  %0 = torch.operator "onnx.Transpose"(%arg0) : (!torch.vtensor<[2,3,4],f32>) -> !torch.vtensor<[4,3,2],f32>
  return %0 : !torch.vtensor<[4,3,2],f32>
}

// -----

// Shape of a static tensor folds into a literal (start/end clipped to [0, rank]).
// CHECK-LABEL: func.func @test_shape_static_start_end
func.func @test_shape_static_start_end(%arg0: !torch.vtensor<[3,4,5],f32>) -> !torch.vtensor<[2],si64> attributes {torch.onnx_meta.opset_version = 15 : si64} {
  // CHECK: %[[S:.*]] = torch.vtensor.literal(dense<[4, 5]> : tensor<2xsi64>) : !torch.vtensor<[2],si64>
  // CHECK: return %[[S]]
  %0 = torch.operator "onnx.Shape"(%arg0) {torch.onnx.start = -2 : si64, torch.onnx.end = 10 : si64} : (!torch.vtensor<[3,4,5],f32>) -> !torch.vtensor<[2],si64>
  return %0 : !torch.vtensor<[2],si64>
}

// -----

// Only the picked dims need to be static.
// CHECK-LABEL: func.func @test_shape_picked_dims_static
func.func @test_shape_picked_dims_static(%arg0: !torch.vtensor<[?,4,5],f32>) -> !torch.vtensor<[1],si64> attributes {torch.onnx_meta.opset_version = 21 : si64} {
  // CHECK: %[[S:.*]] = torch.vtensor.literal(dense<4> : tensor<1xsi64>)
  // CHECK: return %[[S]]
  %0 = torch.operator "onnx.Shape"(%arg0) {torch.onnx.start = 1 : si64, torch.onnx.end = -1 : si64} : (!torch.vtensor<[?,4,5],f32>) -> !torch.vtensor<[1],si64>
  return %0 : !torch.vtensor<[1],si64>
}

// -----

// A dynamic dim is read at run time.
// CHECK-LABEL: func.func @test_shape_dynamic
func.func @test_shape_dynamic(%arg0: !torch.vtensor<[?,4,5],f32>) -> !torch.vtensor<[2],si64> attributes {torch.onnx_meta.opset_version = 15 : si64} {
  // CHECK: %[[SH:.*]] = torch.aten._shape_as_tensor %arg0 : !torch.vtensor<[?,4,5],f32> -> !torch.vtensor<[3],si64>
  // CHECK: torch.aten.slice.Tensor %[[SH]], {{.*}} -> !torch.vtensor<[2],si64>
  %0 = torch.operator "onnx.Shape"(%arg0) {torch.onnx.end = 2 : si64} : (!torch.vtensor<[?,4,5],f32>) -> !torch.vtensor<[2],si64>
  return %0 : !torch.vtensor<[2],si64>
}

// -----

// Shape-1 has no start/end.
// CHECK-LABEL: func.func @test_shape_v1_dynamic
func.func @test_shape_v1_dynamic(%arg0: !torch.vtensor<[?,4],f32>) -> !torch.vtensor<[2],si64> attributes {torch.onnx_meta.opset_version = 1 : si64} {
  // CHECK: %[[SH:.*]] = torch.aten._shape_as_tensor %arg0 : !torch.vtensor<[?,4],f32> -> !torch.vtensor<[2],si64>
  // CHECK: return %[[SH]]
  %0 = torch.operator "onnx.Shape"(%arg0) : (!torch.vtensor<[?,4],f32>) -> !torch.vtensor<[2],si64>
  return %0 : !torch.vtensor<[2],si64>
}

// -----

// CHECK-LABEL: func.func @test_size_static
func.func @test_size_static(%arg0: !torch.vtensor<[3,4,5],f32>) -> !torch.vtensor<[],si64> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: %[[N:.*]] = torch.vtensor.literal(dense<60> : tensor<si64>) : !torch.vtensor<[],si64>
  // CHECK: return %[[N]]
  %0 = torch.operator "onnx.Size"(%arg0) : (!torch.vtensor<[3,4,5],f32>) -> !torch.vtensor<[],si64>
  return %0 : !torch.vtensor<[],si64>
}

// -----

// CHECK-LABEL: func.func @test_size_dynamic
func.func @test_size_dynamic(%arg0: !torch.vtensor<[?,4],f32>) -> !torch.vtensor<[],si64> attributes {torch.onnx_meta.opset_version = 1 : si64} {
  // CHECK: %[[N:.*]] = torch.aten.numel %arg0 : !torch.vtensor<[?,4],f32> -> !torch.int
  // CHECK: torch.prim.NumToTensor.Scalar %[[N]] : !torch.int -> !torch.vtensor<[],si64>
  %0 = torch.operator "onnx.Size"(%arg0) : (!torch.vtensor<[?,4],f32>) -> !torch.vtensor<[],si64>
  return %0 : !torch.vtensor<[],si64>
}

// -----

// Squeeze-11 takes axes as an attribute (negative allowed); the highest axis goes first.
// CHECK-LABEL: func.func @test_squeeze_v11_attr
func.func @test_squeeze_v11_attr(%arg0: !torch.vtensor<[2,1,4,1],f32>) -> !torch.vtensor<[2,4],f32> attributes {torch.onnx_meta.opset_version = 11 : si64} {
  // CHECK: %[[I3:.*]] = torch.constant.int 3
  // CHECK: %[[A:.*]] = torch.aten.squeeze.dim %arg0, %[[I3]] : !torch.vtensor<[2,1,4,1],f32>, !torch.int -> !torch.vtensor<[2,1,4],f32>
  // CHECK: %[[I1:.*]] = torch.constant.int 1
  // CHECK: torch.aten.squeeze.dim %[[A]], %[[I1]] : !torch.vtensor<[2,1,4],f32>, !torch.int -> !torch.vtensor<[2,4],f32>
  %0 = torch.operator "onnx.Squeeze"(%arg0) {torch.onnx.axes = [-1 : si64, 1 : si64]} : (!torch.vtensor<[2,1,4,1],f32>) -> !torch.vtensor<[2,4],f32>
  return %0 : !torch.vtensor<[2,4],f32>
}

// -----

// No axes: every static size-1 dim.
// CHECK-LABEL: func.func @test_squeeze_no_axes
func.func @test_squeeze_no_axes(%arg0: !torch.vtensor<[1,3,1],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: torch.aten.squeeze.dim %arg0, {{.*}} -> !torch.vtensor<[1,3],f32>
  // CHECK: torch.aten.squeeze.dim {{.*}} -> !torch.vtensor<[3],f32>
  %0 = torch.operator "onnx.Squeeze"(%arg0) : (!torch.vtensor<[1,3,1],f32>) -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}

// -----

// No axes, a dynamic dim and no declared shape: the dynamic dim is kept, asserted not 1 at
// run time (the result rank cannot depend on the data).
// CHECK-LABEL: func.func @test_squeeze_no_axes_dynamic
func.func @test_squeeze_no_axes_dynamic(%arg0: !torch.vtensor<[?,1,3],f32>) -> !torch.vtensor<*,f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: %[[N:.*]] = torch.aten.size.int %arg0, %{{.*}}
  // CHECK: %[[OK:.*]] = torch.aten.ne.int %[[N]], %{{.*}}
  // CHECK: torch.runtime.assert %[[OK]], "Squeeze without axes: dynamic axis 0 is 1 at run time, but was kept"
  // CHECK: torch.aten.squeeze.dim %arg0, {{.*}} -> !torch.vtensor<[?,3],f32>
  %0 = torch.operator "onnx.Squeeze"(%arg0) : (!torch.vtensor<[?,1,3],f32>) -> !torch.vtensor<*,f32>
  return %0 : !torch.vtensor<*,f32>
}

// -----

// Squeeze-13 with constant axes keeps the dynamic dims.
// CHECK-LABEL: func.func @test_squeeze_const_axes_dynamic
func.func @test_squeeze_const_axes_dynamic(%arg0: !torch.vtensor<[?,1,?],f32>) -> !torch.vtensor<[?,?],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: %[[I1:.*]] = torch.constant.int 1
  // CHECK: torch.aten.squeeze.dim %arg0, %[[I1]] : !torch.vtensor<[?,1,?],f32>, !torch.int -> !torch.vtensor<[?,?],f32>
  %0 = torch.operator "onnx.Constant"() {torch.onnx.value = dense<[1]> : tensor<1xsi64>} : () -> !torch.vtensor<[1],si64>
  %1 = torch.operator "onnx.Squeeze"(%arg0, %0) : (!torch.vtensor<[?,1,?],f32>, !torch.vtensor<[1],si64>) -> !torch.vtensor<[?,?],f32>
  return %1 : !torch.vtensor<[?,?],f32>
}

// -----

// Runtime axes: only size-1 dims go, so the data is the input reshaped to the declared shape.
// CHECK-LABEL: func.func @test_squeeze_runtime_axes
func.func @test_squeeze_runtime_axes(%arg0: !torch.vtensor<[1,3,1,5],f32>, %arg1: !torch.vtensor<[1],si64>) -> !torch.vtensor<[3,1,5],f32> attributes {torch.onnx_meta.opset_version = 21 : si64} {
  // CHECK: %[[L:.*]] = torch.prim.ListConstruct {{.*}} -> !torch.list<int>
  // CHECK: torch.aten.reshape %arg0, %[[L]] : !torch.vtensor<[1,3,1,5],f32>, !torch.list<int> -> !torch.vtensor<[3,1,5],f32>
  %0 = torch.operator "onnx.Squeeze"(%arg0, %arg1) : (!torch.vtensor<[1,3,1,5],f32>, !torch.vtensor<[1],si64>) -> !torch.vtensor<[3,1,5],f32>
  return %0 : !torch.vtensor<[3,1,5],f32>
}

// -----

// Squeeze of a constant folds, so that the next shape op can fold too.
// CHECK-LABEL: func.func @test_squeeze_folds_constant
func.func @test_squeeze_folds_constant() -> !torch.vtensor<[2],si64> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: %[[F:.*]] = torch.vtensor.literal(dense<[7, 9]> : tensor<2xsi64>) : !torch.vtensor<[2],si64>
  // CHECK-NOT: torch.operator
  // CHECK: return %[[F]]
  %0 = torch.operator "onnx.Constant"() {torch.onnx.value = dense<[[7], [9]]> : tensor<2x1xsi64>} : () -> !torch.vtensor<[2,1],si64>
  %1 = torch.operator "onnx.Constant"() {torch.onnx.value = dense<[1]> : tensor<1xsi64>} : () -> !torch.vtensor<[1],si64>
  %2 = torch.operator "onnx.Squeeze"(%0, %1) : (!torch.vtensor<[2,1],si64>, !torch.vtensor<[1],si64>) -> !torch.vtensor<[2],si64>
  return %2 : !torch.vtensor<[2],si64>
}

// -----

// Unsqueeze-11: axes attribute, unsorted and negative (counted in the output rank).
// CHECK-LABEL: func.func @test_unsqueeze_v11_attr
func.func @test_unsqueeze_v11_attr(%arg0: !torch.vtensor<[3,4],f32>) -> !torch.vtensor<[1,3,4,1],f32> attributes {torch.onnx_meta.opset_version = 11 : si64} {
  // CHECK: %[[I0:.*]] = torch.constant.int 0
  // CHECK: %[[A:.*]] = torch.aten.unsqueeze %arg0, %[[I0]] : !torch.vtensor<[3,4],f32>, !torch.int -> !torch.vtensor<[1,3,4],f32>
  // CHECK: %[[I3:.*]] = torch.constant.int 3
  // CHECK: torch.aten.unsqueeze %[[A]], %[[I3]] : !torch.vtensor<[1,3,4],f32>, !torch.int -> !torch.vtensor<[1,3,4,1],f32>
  %0 = torch.operator "onnx.Unsqueeze"(%arg0) {torch.onnx.axes = [-1 : si64, 0 : si64]} : (!torch.vtensor<[3,4],f32>) -> !torch.vtensor<[1,3,4,1],f32>
  return %0 : !torch.vtensor<[1,3,4,1],f32>
}

// -----

// CHECK-LABEL: func.func @test_unsqueeze_const_axes_dynamic
func.func @test_unsqueeze_const_axes_dynamic(%arg0: !torch.vtensor<[?,4],f32>) -> !torch.vtensor<[?,1,4],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: %[[I1:.*]] = torch.constant.int 1
  // CHECK: torch.aten.unsqueeze %arg0, %[[I1]] : !torch.vtensor<[?,4],f32>, !torch.int -> !torch.vtensor<[?,1,4],f32>
  %0 = torch.operator "onnx.Constant"() {torch.onnx.value = dense<[1]> : tensor<1xsi64>} : () -> !torch.vtensor<[1],si64>
  %1 = torch.operator "onnx.Unsqueeze"(%arg0, %0) : (!torch.vtensor<[?,4],f32>, !torch.vtensor<[1],si64>) -> !torch.vtensor<[?,1,4],f32>
  return %1 : !torch.vtensor<[?,1,4],f32>
}

// -----

// CHECK-LABEL: func.func @test_unsqueeze_runtime_axes
func.func @test_unsqueeze_runtime_axes(%arg0: !torch.vtensor<[3,4],f32>, %arg1: !torch.vtensor<[2],si64>) -> !torch.vtensor<[3,1,4,1],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: %[[L:.*]] = torch.prim.ListConstruct
  // CHECK: torch.aten.reshape %arg0, %[[L]] : !torch.vtensor<[3,4],f32>, !torch.list<int> -> !torch.vtensor<[3,1,4,1],f32>
  %0 = torch.operator "onnx.Unsqueeze"(%arg0, %arg1) : (!torch.vtensor<[3,4],f32>, !torch.vtensor<[2],si64>) -> !torch.vtensor<[3,1,4,1],f32>
  return %0 : !torch.vtensor<[3,1,4,1],f32>
}

// -----

// The exported-model shape chain: Shape -> Unsqueeze of a constant folds into literals.
// CHECK-LABEL: func.func @test_unsqueeze_folds_shape
func.func @test_unsqueeze_folds_shape(%arg0: !torch.vtensor<[2,3],f32>) -> !torch.vtensor<[1,2],si64> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: %[[F:.*]] = torch.vtensor.literal(dense<{{\[\[}}2, 3]]> : tensor<1x2xsi64>) : !torch.vtensor<[1,2],si64>
  // CHECK-NOT: torch.operator
  // CHECK: return %[[F]]
  %0 = torch.operator "onnx.Shape"(%arg0) : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor<[2],si64>
  %1 = torch.operator "onnx.Constant"() {torch.onnx.value = dense<[0]> : tensor<1xsi64>} : () -> !torch.vtensor<[1],si64>
  %2 = torch.operator "onnx.Unsqueeze"(%0, %1) : (!torch.vtensor<[2],si64>, !torch.vtensor<[1],si64>) -> !torch.vtensor<[1,2],si64>
  return %2 : !torch.vtensor<[1,2],si64>
}

// -----

// CHECK-LABEL: func.func @test_spacetodepth_dcr
func.func @test_spacetodepth_dcr(%arg0: !torch.vtensor<[1,2,4,6],f32>) -> !torch.vtensor<[1,8,2,3],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: %[[R:.*]] = torch.aten.reshape %arg0, {{.*}} -> !torch.vtensor<[1,2,2,2,3,2],f32>
  // CHECK: %[[P:.*]] = torch.aten.permute %[[R]], {{.*}} -> !torch.vtensor<[1,2,2,2,2,3],f32>
  // CHECK: torch.aten.reshape %[[P]], {{.*}} -> !torch.vtensor<[1,8,2,3],f32>
  %0 = torch.operator "onnx.SpaceToDepth"(%arg0) {torch.onnx.blocksize = 2 : si64} : (!torch.vtensor<[1,2,4,6],f32>) -> !torch.vtensor<[1,8,2,3],f32>
  return %0 : !torch.vtensor<[1,8,2,3],f32>
}

// -----

// SpaceToDepth-28 adds the CRD mode; dynamic dims become size arithmetic.
// CHECK-LABEL: func.func @test_spacetodepth_crd_dynamic
func.func @test_spacetodepth_crd_dynamic(%arg0: !torch.vtensor<[?,2,?,6],f32>) -> !torch.vtensor<[?,8,?,3],f32> attributes {torch.onnx_meta.opset_version = 28 : si64} {
  // CHECK: %[[N:.*]] = torch.aten.size.int %arg0
  // CHECK: %[[H:.*]] = torch.aten.size.int %arg0
  // CHECK: %[[H2:.*]] = torch.aten.floordiv.int %[[H]]
  // CHECK: %[[F:.*]] = torch.aten.flatten.using_ints %arg0
  // CHECK: torch.aten.reshape %[[F]], {{.*}} -> !torch.vtensor<[?,2,?,2,3,2],f32>
  // CHECK: torch.aten.permute {{.*}} -> !torch.vtensor<[?,2,2,2,?,3],f32>
  // CHECK: %[[OUT:.*]] = torch.prim.ListConstruct %[[N]], {{.*}}, %[[H2]],
  // CHECK: torch.aten.reshape {{.*}}, %[[OUT]] {{.*}} -> !torch.vtensor<[?,8,?,3],f32>
  %0 = torch.operator "onnx.SpaceToDepth"(%arg0) {torch.onnx.blocksize = 2 : si64, torch.onnx.mode = "CRD"} : (!torch.vtensor<[?,2,?,6],f32>) -> !torch.vtensor<[?,8,?,3],f32>
  return %0 : !torch.vtensor<[?,8,?,3],f32>
}

// -----

// Constant operands fold (negative delta).
// CHECK-LABEL: func.func @test_range_const
func.func @test_range_const(%arg0: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],si32> attributes {torch.onnx_meta.opset_version = 11 : si64} {
  // CHECK: %[[R:.*]] = torch.vtensor.literal(dense<[10, 8, 6]> : tensor<3xsi32>) : !torch.vtensor<[3],si32>
  // CHECK: return %[[R]]
  %0 = torch.operator "onnx.Constant"() {torch.onnx.value = dense<10> : tensor<si32>} : () -> !torch.vtensor<[],si32>
  %1 = torch.operator "onnx.Constant"() {torch.onnx.value = dense<4> : tensor<si32>} : () -> !torch.vtensor<[],si32>
  %2 = torch.operator "onnx.Constant"() {torch.onnx.value = dense<-2> : tensor<si32>} : () -> !torch.vtensor<[],si32>
  %3 = torch.operator "onnx.Range"(%0, %1, %2) : (!torch.vtensor<[],si32>, !torch.vtensor<[],si32>, !torch.vtensor<[],si32>) -> !torch.vtensor<[3],si32>
  return %3 : !torch.vtensor<[3],si32>
}

// -----

// CHECK-LABEL: func.func @test_range_runtime_float
func.func @test_range_runtime_float(%arg0: !torch.vtensor<[],f32>, %arg1: !torch.vtensor<[],f32>, %arg2: !torch.vtensor<[],f32>) -> !torch.vtensor<[?],f32> attributes {torch.onnx_meta.opset_version = 11 : si64} {
  // CHECK: %[[S:.*]] = torch.aten.item %arg0 : !torch.vtensor<[],f32> -> !torch.float
  // CHECK: %[[L:.*]] = torch.aten.item %arg1
  // CHECK: %[[D:.*]] = torch.aten.item %arg2
  // CHECK: torch.aten.arange.start_step %[[S]], %[[L]], %[[D]], {{.*}} -> !torch.vtensor<[?],f32>
  %0 = torch.operator "onnx.Range"(%arg0, %arg1, %arg2) : (!torch.vtensor<[],f32>, !torch.vtensor<[],f32>, !torch.vtensor<[],f32>) -> !torch.vtensor<[?],f32>
  return %0 : !torch.vtensor<[?],f32>
}

// -----

// Range-27: f16 is computed in the stash type (f32 by default) and cast back.
// CHECK-LABEL: func.func @test_range_f16_stash
func.func @test_range_f16_stash(%arg0: !torch.vtensor<[],f16>, %arg1: !torch.vtensor<[],f16>, %arg2: !torch.vtensor<[],f16>) -> !torch.vtensor<[?],f16> attributes {torch.onnx_meta.opset_version = 27 : si64} {
  // CHECK: %[[A:.*]] = torch.aten.arange.start_step {{.*}} -> !torch.vtensor<[?],f32>
  // CHECK: torch.aten.to.dtype %[[A]], {{.*}} -> !torch.vtensor<[?],f16>
  %0 = torch.operator "onnx.Range"(%arg0, %arg1, %arg2) : (!torch.vtensor<[],f16>, !torch.vtensor<[],f16>, !torch.vtensor<[],f16>) -> !torch.vtensor<[?],f16>
  return %0 : !torch.vtensor<[?],f16>
}

// -----

// f64: the length is computed with tensor ops (IREE cannot run f64 scalar arithmetic on the host).
// CHECK-LABEL: func.func @test_range_f64_runtime
func.func @test_range_f64_runtime(%arg0: !torch.vtensor<[],f64>, %arg1: !torch.vtensor<[],f64>, %arg2: !torch.vtensor<[],f64>) -> !torch.vtensor<[?],f64> attributes {torch.onnx_meta.opset_version = 11 : si64} {
  // CHECK: %[[SPAN:.*]] = torch.aten.sub.Tensor %arg1, %arg0
  // CHECK: %[[Q:.*]] = torch.aten.div.Tensor %[[SPAN]], %arg2
  // CHECK: %[[C:.*]] = torch.aten.ceil %[[Q]]
  // CHECK: %[[N:.*]] = torch.aten.item {{.*}} -> !torch.int
  // CHECK: %[[I:.*]] = torch.aten.arange %[[N]]
  // CHECK: %[[F:.*]] = torch.aten.to.dtype %[[I]]
  // CHECK: %[[M:.*]] = torch.aten.mul.Tensor %[[F]], %arg2
  // CHECK: torch.aten.add.Tensor %[[M]], %arg0
  %0 = torch.operator "onnx.Range"(%arg0, %arg1, %arg2) : (!torch.vtensor<[],f64>, !torch.vtensor<[],f64>, !torch.vtensor<[],f64>) -> !torch.vtensor<[?],f64>
  return %0 : !torch.vtensor<[?],f64>
}

// -----

// Squeezing a dynamic dim (1 at run time) reshapes to the kept dims: aten.squeeze.dim of a
// dynamic dim does not lower.
// CHECK-LABEL: func.func @test_squeeze_dynamic_axis
func.func @test_squeeze_dynamic_axis(%arg0: !torch.vtensor<[?,3],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 11 : si64} {
  // CHECK: %[[D:.*]] = torch.constant.int 3
  // CHECK: %[[L:.*]] = torch.prim.ListConstruct %[[D]]
  // CHECK: torch.aten.reshape %arg0, %[[L]] : !torch.vtensor<[?,3],f32>, !torch.list<int> -> !torch.vtensor<[3],f32>
  %0 = torch.operator "onnx.Squeeze"(%arg0) {torch.onnx.axes = [0 : si64]} : (!torch.vtensor<[?,3],f32>) -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}

// -----

// A shape that other ops computed from constants (here Concat, left as aten.cat) is evaluated:
// the reshape gets constants and a static result, and the next op sees it through the cast to
// the declared type.
// CHECK-LABEL: func.func @test_reshape_traced_constant_shape
func.func @test_reshape_traced_constant_shape(%arg0: !torch.vtensor<[2,6],f32>) -> !torch.vtensor<[?,?,?],f32> attributes {torch.onnx_meta.opset_version = 14 : si64} {
  // CHECK: %[[R:.*]] = torch.aten.reshape %arg0, {{.*}} -> !torch.vtensor<[2,3,2],f32>
  // CHECK: torch.aten.permute %[[R]], {{.*}} -> !torch.vtensor<[2,2,3],f32>
  %0 = torch.operator "onnx.Constant"() {torch.onnx.value = dense<[2]> : tensor<1xsi64>} : () -> !torch.vtensor<[1],si64>
  %1 = torch.operator "onnx.Constant"() {torch.onnx.value = dense<[3, 2]> : tensor<2xsi64>} : () -> !torch.vtensor<[2],si64>
  %2 = torch.operator "onnx.Concat"(%0, %1) {torch.onnx.axis = 0 : si64} : (!torch.vtensor<[1],si64>, !torch.vtensor<[2],si64>) -> !torch.vtensor<[3],si64>
  %3 = torch.operator "onnx.Reshape"(%arg0, %2) : (!torch.vtensor<[2,6],f32>, !torch.vtensor<[3],si64>) -> !torch.vtensor<[?,?,?],f32>
  %4 = torch.operator "onnx.Transpose"(%3) {torch.onnx.perm = [0 : si64, 2 : si64, 1 : si64]} : (!torch.vtensor<[?,?,?],f32>) -> !torch.vtensor<[?,?,?],f32>
  return %4 : !torch.vtensor<[?,?,?],f32>
}

// -----

// A runtime shape with unknown result dims: after the 0 entries are replaced, an entry that is
// -1 only at run time becomes numel // (product of the other entries, a -1 counting as 1), as
// torch-mlir's lowering infers only a constant -1.
// CHECK-LABEL: func.func @test_reshape_runtime_minus_one
func.func @test_reshape_runtime_minus_one(%arg0: !torch.vtensor<[?,?,?,8],f32>, %arg1: !torch.vtensor<[3],si64>) -> !torch.vtensor<[?,?,?],f32> attributes {torch.onnx_meta.opset_version = 14 : si64} {
  // CHECK: %[[E0:.*]] = torch.aten.add.int
  // CHECK: %[[NEG0:.*]] = torch.aten.eq.int %[[E0]], %int-1
  // CHECK: %[[F0:.*]] = torch.aten.Int.bool %[[NEG0]]
  // CHECK: %[[KNOWN:.*]] = torch.prim.max.int
  // CHECK: %[[INF:.*]] = torch.aten.floordiv.int %{{.*}}, %[[KNOWN]]
  // CHECK: %[[PLUS:.*]] = torch.aten.add.int %[[INF]], %int1
  // CHECK: %[[T0:.*]] = torch.aten.mul.int %[[F0]], %[[PLUS]]
  // CHECK: %[[D0:.*]] = torch.aten.add.int %[[E0]], %[[T0]]
  // CHECK: %[[FLAT:.*]] = torch.aten.flatten.using_ints %arg0
  // CHECK: %[[L:.*]] = torch.prim.ListConstruct %[[D0]], %{{.*}}, %{{.*}} :
  // CHECK: torch.aten.reshape %[[FLAT]], %[[L]] : !torch.vtensor<[?],f32>, !torch.list<int> -> !torch.vtensor<[?,?,?],f32>
  %0 = torch.operator "onnx.Reshape"(%arg0, %arg1) : (!torch.vtensor<[?,?,?,8],f32>, !torch.vtensor<[3],si64>) -> !torch.vtensor<[?,?,?],f32>
  return %0 : !torch.vtensor<[?,?,?],f32>
}
