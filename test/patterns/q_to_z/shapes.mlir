// RUN: %opt --split-input-file --convert-torch-onnx-to-torch %s | filecheck %s

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
