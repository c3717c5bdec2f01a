// RUN: %opt --split-input-file --convert-torch-onnx-to-torch %s | filecheck %s

// CHECK-LABEL: func.func @test_div_float
func.func @test_div_float(%arg0: !torch.vtensor<[3],f32>, %arg1: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 14 : si64} {
  // CHECK: torch.aten.div.Tensor %arg0, %arg1 : !torch.vtensor<[3],f32>, !torch.vtensor<[3],f32> -> !torch.vtensor<[3],f32>
  %0 = torch.operator "onnx.Div"(%arg0, %arg1) : (!torch.vtensor<[3],f32>, !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}

// -----

// Integer division truncates toward zero in ONNX.
// CHECK-LABEL: func.func @test_div_int
func.func @test_div_int(%arg0: !torch.vtensor<[3],si32>, %arg1: !torch.vtensor<[3],si32>) -> !torch.vtensor<[3],si32> attributes {torch.onnx_meta.opset_version = 14 : si64} {
  // CHECK: %[[MODE:.*]] = torch.constant.str "trunc"
  // CHECK: torch.aten.div.Tensor_mode %arg0, %arg1, %[[MODE]]
  %0 = torch.operator "onnx.Div"(%arg0, %arg1) : (!torch.vtensor<[3],si32>, !torch.vtensor<[3],si32>) -> !torch.vtensor<[3],si32>
  return %0 : !torch.vtensor<[3],si32>
}

// -----

// CHECK-LABEL: func.func @test_equal
func.func @test_equal(%arg0: !torch.vtensor<[3],si64>, %arg1: !torch.vtensor<[3],si64>) -> !torch.vtensor<[3],i1> attributes {torch.onnx_meta.opset_version = 19 : si64} {
  // CHECK: torch.aten.eq.Tensor %arg0, %arg1 : !torch.vtensor<[3],si64>, !torch.vtensor<[3],si64> -> !torch.vtensor<[3],i1>
  %0 = torch.operator "onnx.Equal"(%arg0, %arg1) : (!torch.vtensor<[3],si64>, !torch.vtensor<[3],si64>) -> !torch.vtensor<[3],i1>
  return %0 : !torch.vtensor<[3],i1>
}

// -----

// CHECK-LABEL: func.func @test_erf
func.func @test_erf(%arg0: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: torch.aten.erf %arg0
  %0 = torch.operator "onnx.Erf"(%arg0) : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}

// -----

// CHECK-LABEL: func.func @test_exp
func.func @test_exp(%arg0: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: torch.aten.exp %arg0
  %0 = torch.operator "onnx.Exp"(%arg0) : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}

// -----

// CHECK-LABEL: func.func @test_floor
func.func @test_floor(%arg0: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: torch.aten.floor %arg0
  %0 = torch.operator "onnx.Floor"(%arg0) : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}

// -----

// CHECK-LABEL: func.func @test_depthtospace_dcr
func.func @test_depthtospace_dcr(%arg0: !torch.vtensor<[1,8,2,3],f32>) -> !torch.vtensor<[1,2,4,6],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: %[[R:.*]] = torch.aten.reshape %arg0, %{{.*}} : !torch.vtensor<[1,8,2,3],f32>, !torch.list<int> -> !torch.vtensor<[1,2,2,2,2,3],f32>
  // CHECK: %[[P:.*]] = torch.aten.permute %[[R]], %{{.*}} -> !torch.vtensor<[1,2,2,2,3,2],f32>
  // CHECK: torch.aten.reshape %[[P]], %{{.*}} -> !torch.vtensor<[1,2,4,6],f32>
  %0 = torch.operator "onnx.DepthToSpace"(%arg0) {torch.onnx.blocksize = 2 : si64} : (!torch.vtensor<[1,8,2,3],f32>) -> !torch.vtensor<[1,2,4,6],f32>
  return %0 : !torch.vtensor<[1,2,4,6],f32>
}

// -----

// CHECK-LABEL: func.func @test_depthtospace_crd_dynamic
func.func @test_depthtospace_crd_dynamic(%arg0: !torch.vtensor<[?,8,?,3],f32>) -> !torch.vtensor<[?,2,?,6],f32> attributes {torch.onnx_meta.opset_version = 11 : si64} {
  // CHECK: %[[N:.*]] = torch.aten.size.int %arg0, %int0
  // CHECK: %[[H:.*]] = torch.aten.size.int %arg0, %int2
  // CHECK: %[[F:.*]] = torch.aten.flatten.using_ints %arg0
  // CHECK: torch.aten.reshape %[[F]], %{{.*}} -> !torch.vtensor<[?,2,2,2,?,3],f32>
  // CHECK: %[[PERM:.*]] = torch.prim.ListConstruct %int0{{.*}}, %int1, %int4, %int2{{.*}}, %int5, %int3{{.*}} :
  // CHECK: torch.aten.permute %{{.*}}, %[[PERM]] : {{.*}} -> !torch.vtensor<[?,2,?,2,3,2],f32>
  // CHECK: %[[H2:.*]] = torch.aten.mul.int %[[H]], %int2
  // CHECK: %[[OUT:.*]] = torch.prim.ListConstruct %[[N]], %int2{{.*}}, %[[H2]], %int6
  // CHECK: torch.aten.reshape %{{.*}}, %[[OUT]] : {{.*}} -> !torch.vtensor<[?,2,?,6],f32>
  %0 = torch.operator "onnx.DepthToSpace"(%arg0) {torch.onnx.blocksize = 2 : si64, torch.onnx.mode = "CRD"} : (!torch.vtensor<[?,8,?,3],f32>) -> !torch.vtensor<[?,2,?,6],f32>
  return %0 : !torch.vtensor<[?,2,?,6],f32>
}

// -----

// CHECK-LABEL: func.func @test_det
func.func @test_det(%arg0: !torch.vtensor<[3,2,2],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 22 : si64} {
  // CHECK: %[[COL:.*]] = torch.aten.slice.Tensor %arg0, %int2
  // CHECK: %[[ABS:.*]] = torch.aten.abs %[[COL]]
  // CHECK: %[[PIV:.*]] = torch.aten.argmax %[[ABS]], %int1{{.*}}, %true
  // CHECK: torch.aten.where.self
  // CHECK: torch.aten.ne.Scalar %[[PIV]]
  // CHECK: torch.aten.div.Tensor
  // CHECK: torch.aten.sub.Tensor
  // CHECK: %[[DET:.*]] = torch.aten.mul.Tensor
  // CHECK: torch.aten.reshape %[[DET]], %{{.*}} : !torch.vtensor<[3,1,1],f32>, !torch.list<int> -> !torch.vtensor<[3],f32>
  %0 = torch.operator "onnx.Det"(%arg0) : (!torch.vtensor<[3,2,2],f32>) -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}

// -----

// CHECK-LABEL: func.func @test_dropout_v22_inference
func.func @test_dropout_v22_inference(%arg0: !torch.vtensor<[3,4],f32>) -> (!torch.vtensor<[3,4],f32>, !torch.vtensor<[3,4],i1>) attributes {torch.onnx_meta.opset_version = 22 : si64} {
  // CHECK: %[[MASK:.*]] = torch.aten.ones_like %arg0, %int11, %none, %none, %none, %none : {{.*}} -> !torch.vtensor<[3,4],i1>
  // CHECK: return %arg0, %[[MASK]]
  %0:2 = torch.operator "onnx.Dropout"(%arg0) {torch.onnx.seed = 0 : si64} : (!torch.vtensor<[3,4],f32>) -> (!torch.vtensor<[3,4],f32>, !torch.vtensor<[3,4],i1>)
  return %0#0, %0#1 : !torch.vtensor<[3,4],f32>, !torch.vtensor<[3,4],i1>
}

// -----

// CHECK-LABEL: func.func @test_dropout_training_runtime
func.func @test_dropout_training_runtime(%arg0: !torch.vtensor<[3,4],f32>, %arg1: !torch.vtensor<[],f32>, %arg2: !torch.vtensor<[],i1>) -> (!torch.vtensor<[3,4],f32>, !torch.vtensor<[3,4],i1>) attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: %[[RND:.*]] = torch.aten.rand_like %arg0
  // CHECK: %[[KEEP:.*]] = torch.aten.ge.Tensor %[[RND]], %arg1
  // CHECK: %[[KEPT:.*]] = torch.aten.mul.Tensor %arg0
  // CHECK: %[[ONEMINUS:.*]] = torch.aten.rsub.Scalar %arg1
  // CHECK: %[[SCALE:.*]] = torch.aten.reciprocal %[[ONEMINUS]]
  // CHECK: %[[Y:.*]] = torch.aten.mul.Tensor %[[KEPT]], %[[SCALE]]
  // CHECK: %[[OUT:.*]] = torch.aten.where.self %arg2, %[[Y]], %arg0
  // CHECK: %[[TEST:.*]] = torch.aten.logical_not %arg2
  // CHECK: %[[MASK:.*]] = torch.aten.logical_or %[[KEEP]], %[[TEST]]
  // CHECK: return %[[OUT]], %[[MASK]]
  %0:2 = torch.operator "onnx.Dropout"(%arg0, %arg1, %arg2) : (!torch.vtensor<[3,4],f32>, !torch.vtensor<[],f32>, !torch.vtensor<[],i1>) -> (!torch.vtensor<[3,4],f32>, !torch.vtensor<[3,4],i1>)
  return %0#0, %0#1 : !torch.vtensor<[3,4],f32>, !torch.vtensor<[3,4],i1>
}

// -----

// CHECK-LABEL: func.func @test_dropout_training_const
func.func @test_dropout_training_const(%arg0: !torch.vtensor<[3,4],f32>) -> !torch.vtensor<[3,4],f32> attributes {torch.onnx_meta.opset_version = 12 : si64} {
  // CHECK: %[[RND:.*]] = torch.aten.rand_like %arg0
  // CHECK: %[[RATIO:.*]] = torch.constant.float 2.500000e-01
  // CHECK: torch.aten.ge.Scalar %[[RND]], %[[RATIO]]
  // CHECK: %[[SCALE:.*]] = torch.constant.float 1.3333333333333333
  // CHECK: torch.aten.mul.Scalar %{{.*}}, %[[SCALE]]
  %r = torch.vtensor.literal(dense<2.500000e-01> : tensor<f32>) : !torch.vtensor<[],f32>
  %t = torch.vtensor.literal(dense<true> : tensor<i1>) : !torch.vtensor<[],i1>
  %0 = torch.operator "onnx.Dropout"(%arg0, %r, %t) : (!torch.vtensor<[3,4],f32>, !torch.vtensor<[],f32>, !torch.vtensor<[],i1>) -> !torch.vtensor<[3,4],f32>
  return %0 : !torch.vtensor<[3,4],f32>
}

// -----

// CHECK-LABEL: func.func @test_dropout_v7_mask
func.func @test_dropout_v7_mask(%arg0: !torch.vtensor<[3],f32>) -> (!torch.vtensor<[3],f32>, !torch.vtensor<[3],f32>) attributes {torch.onnx_meta.opset_version = 7 : si64} {
  // Before opset 10 the mask has the input's float type.
  // CHECK: %[[MASK:.*]] = torch.aten.ones_like %arg0, %int6, {{.*}} -> !torch.vtensor<[3],f32>
  // CHECK: return %arg0, %[[MASK]]
  %0:2 = torch.operator "onnx.Dropout"(%arg0) {torch.onnx.ratio = 2.000000e-01 : f32} : (!torch.vtensor<[3],f32>) -> (!torch.vtensor<[3],f32>, !torch.vtensor<[3],f32>)
  return %0#0, %0#1 : !torch.vtensor<[3],f32>, !torch.vtensor<[3],f32>
}

// -----

// CHECK-LABEL: func.func @test_dropout_v1_is_test
func.func @test_dropout_v1_is_test(%arg0: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 1 : si64} {
  // CHECK: return %arg0
  %0 = torch.operator "onnx.Dropout"(%arg0) {torch.onnx.is_test = 1 : si64, torch.onnx.ratio = 2.000000e-01 : f32} : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}

// -----

// CHECK-LABEL: func.func @test_elu
func.func @test_elu(%arg0: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 22 : si64} {
  // CHECK: %[[ALPHA:.*]] = torch.constant.float 2.000000e+00
  // CHECK: torch.aten.elu %arg0, %[[ALPHA]], %float1.000000e00, %float1.000000e00_0
  %0 = torch.operator "onnx.Elu"(%arg0) {torch.onnx.alpha = 2.000000e+00 : f32} : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}

// -----

// CHECK-LABEL: func.func @test_elu_v1_default
func.func @test_elu_v1_default(%arg0: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 1 : si64} {
  // CHECK: torch.aten.elu %arg0, %float1.000000e00
  %0 = torch.operator "onnx.Elu"(%arg0) : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}

// -----

// CHECK-LABEL: func.func @test_expand_const_shape
func.func @test_expand_const_shape(%arg0: !torch.vtensor<[3,1],f32>) -> !torch.vtensor<[2,3,6],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: %[[SHAPE:.*]] = torch.prim.ListConstruct %int2, %int3, %int6
  // CHECK: torch.aten.broadcast_to %arg0, %[[SHAPE]] : !torch.vtensor<[3,1],f32>, !torch.list<int> -> !torch.vtensor<[2,3,6],f32>
  %s = torch.vtensor.literal(dense<[2, 1, 6]> : tensor<3xsi64>) : !torch.vtensor<[3],si64>
  %0 = torch.operator "onnx.Expand"(%arg0, %s) : (!torch.vtensor<[3,1],f32>, !torch.vtensor<[3],si64>) -> !torch.vtensor<[2,3,6],f32>
  return %0 : !torch.vtensor<[2,3,6],f32>
}

// -----

// CHECK-LABEL: func.func @test_expand_runtime_shape
func.func @test_expand_runtime_shape(%arg0: !torch.vtensor<[?,1],f32>, %arg1: !torch.vtensor<[2],si64>) -> !torch.vtensor<[?,?],f32> attributes {torch.onnx_meta.opset_version = 8 : si64} {
  // A runtime shape entry of 1 keeps the input dim: s + (s == 1) * (d - 1). The dynamic
  // input dim may itself be 1, so it is expanded by index_select (index k, or 0 when d == 1).
  // CHECK: %[[S0T:.*]] = torch.aten.select.int %arg1, %int0, %int0_0
  // CHECK: %[[S0:.*]] = torch.aten.item %[[S0T]] : !torch.vtensor<[],si64> -> !torch.int
  // CHECK: %[[S1T:.*]] = torch.aten.select.int %arg1, %int0_1, %int1
  // CHECK: %[[S1:.*]] = torch.aten.item %[[S1T]]
  // CHECK: %[[D0:.*]] = torch.aten.size.int %arg0, %int0_2
  // CHECK: %[[IS1:.*]] = torch.aten.eq.int %[[S0]], %int1_3
  // CHECK: %[[PICK:.*]] = torch.aten.Int.bool %[[IS1]]
  // CHECK: %[[DM1:.*]] = torch.aten.sub.int %[[D0]], %int1_4
  // CHECK: %[[EXTRA:.*]] = torch.aten.mul.int %[[PICK]], %[[DM1]]
  // CHECK: %[[O0:.*]] = torch.aten.add.int %[[S0]], %[[EXTRA]]
  // CHECK: %[[MANY:.*]] = torch.aten.ne.int %[[D0]], %int1_5
  // CHECK: %[[KEEP:.*]] = torch.aten.Int.bool %[[MANY]]
  // CHECK: %[[AR:.*]] = torch.aten.arange %[[O0]], %int4
  // CHECK: %[[IDX:.*]] = torch.aten.mul.Scalar %[[AR]], %[[KEEP]]
  // CHECK: %[[ROWS:.*]] = torch.aten.index_select %arg0, %int0_6, %[[IDX]] : !torch.vtensor<[?,1],f32>, !torch.int, !torch.vtensor<[?],si64> -> !torch.vtensor<[?,1],f32>
  // CHECK: %[[SHAPE:.*]] = torch.prim.ListConstruct %[[O0]], %[[S1]]
  // CHECK: torch.aten.broadcast_to %[[ROWS]], %[[SHAPE]] : !torch.vtensor<[?,1],f32>, !torch.list<int> -> !torch.vtensor<[?,?],f32>
  %0 = torch.operator "onnx.Expand"(%arg0, %arg1) : (!torch.vtensor<[?,1],f32>, !torch.vtensor<[2],si64>) -> !torch.vtensor<[?,?],f32>
  return %0 : !torch.vtensor<[?,?],f32>
}

// -----

// CHECK-LABEL: func.func @test_eyelike_k
func.func @test_eyelike_k(%arg0: !torch.vtensor<[3,4],f32>) -> !torch.vtensor<[3,4],si32> attributes {torch.onnx_meta.opset_version = 22 : si64} {
  // CHECK: %[[ROWS:.*]] = torch.aten.arange %int3, %int4
  // CHECK: %[[R:.*]] = torch.aten.reshape %[[ROWS]]
  // CHECK: %[[K:.*]] = torch.constant.int -1
  // CHECK: %[[RK:.*]] = torch.aten.add.Scalar %[[R]], %[[K]]
  // CHECK: %[[COLS:.*]] = torch.aten.arange %int4{{(_[0-9]+)?}}, %int4{{(_[0-9]+)?}},
  // CHECK: %[[C:.*]] = torch.aten.reshape %[[COLS]]
  // CHECK: %[[EQ:.*]] = torch.aten.eq.Tensor %[[RK]], %[[C]] : !torch.vtensor<[3,1],si64>, !torch.vtensor<[1,4],si64> -> !torch.vtensor<[3,4],i1>
  // CHECK: torch.aten.to.dtype %[[EQ]], %int3{{.*}} -> !torch.vtensor<[3,4],si32>
  %0 = torch.operator "onnx.EyeLike"(%arg0) {torch.onnx.dtype = 6 : si64, torch.onnx.k = -1 : si64} : (!torch.vtensor<[3,4],f32>) -> !torch.vtensor<[3,4],si32>
  return %0 : !torch.vtensor<[3,4],si32>
}

// -----

// CHECK-LABEL: func.func @test_eyelike_v9
func.func @test_eyelike_v9(%arg0: !torch.vtensor<[?,?],f32>) -> !torch.vtensor<[?,?],f32> attributes {torch.onnx_meta.opset_version = 9 : si64} {
  // CHECK: %[[N:.*]] = torch.aten.size.int %arg0, %int0
  // CHECK: %[[M:.*]] = torch.aten.size.int %arg0, %int1
  // CHECK: torch.aten.arange %[[N]]
  // CHECK: torch.aten.arange %[[M]]
  // CHECK: torch.aten.eq.Tensor {{.*}} -> !torch.vtensor<[?,?],i1>
  // CHECK: torch.aten.to.dtype {{.*}} -> !torch.vtensor<[?,?],f32>
  %0 = torch.operator "onnx.EyeLike"(%arg0) : (!torch.vtensor<[?,?],f32>) -> !torch.vtensor<[?,?],f32>
  return %0 : !torch.vtensor<[?,?],f32>
}

// -----

// CHECK-LABEL: func.func @test_flatten_axis0
func.func @test_flatten_axis0(%arg0: !torch.vtensor<[2,3,4],f32>) -> !torch.vtensor<[1,24],f32> attributes {torch.onnx_meta.opset_version = 25 : si64} {
  // CHECK: %[[SHAPE:.*]] = torch.prim.ListConstruct %int1, %int24
  // CHECK: torch.aten.reshape %arg0, %[[SHAPE]] : !torch.vtensor<[2,3,4],f32>, !torch.list<int> -> !torch.vtensor<[1,24],f32>
  %0 = torch.operator "onnx.Flatten"(%arg0) {torch.onnx.axis = 0 : si64} : (!torch.vtensor<[2,3,4],f32>) -> !torch.vtensor<[1,24],f32>
  return %0 : !torch.vtensor<[1,24],f32>
}

// -----

// CHECK-LABEL: func.func @test_flatten_negative_axis_dynamic
func.func @test_flatten_negative_axis_dynamic(%arg0: !torch.vtensor<[?,3,4],f32>) -> !torch.vtensor<[?,4],f32> attributes {torch.onnx_meta.opset_version = 1 : si64} {
  // CHECK: %[[D0:.*]] = torch.aten.size.int %arg0, %int0
  // CHECK: %[[ROWS:.*]] = torch.aten.mul.int %[[D0]], %int3
  // CHECK: %[[FLAT:.*]] = torch.aten.flatten.using_ints %arg0, %{{.*}}, %int2 : !torch.vtensor<[?,3,4],f32>, !torch.int, !torch.int -> !torch.vtensor<[?],f32>
  // CHECK: %[[SHAPE:.*]] = torch.prim.ListConstruct %[[ROWS]], %int4
  // CHECK: torch.aten.reshape %[[FLAT]], %[[SHAPE]] : !torch.vtensor<[?],f32>, !torch.list<int> -> !torch.vtensor<[?,4],f32>
  %0 = torch.operator "onnx.Flatten"(%arg0) {torch.onnx.axis = -1 : si64} : (!torch.vtensor<[?,3,4],f32>) -> !torch.vtensor<[?,4],f32>
  return %0 : !torch.vtensor<[?,4],f32>
}

// -----

// CHECK-LABEL: func.func @test_flatten_default_axis
func.func @test_flatten_default_axis(%arg0: !torch.vtensor<[2,3,4],f32>) -> !torch.vtensor<[2,12],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: %[[SHAPE:.*]] = torch.prim.ListConstruct %int2, %int12
  // CHECK: torch.aten.reshape %arg0, %[[SHAPE]]
  %0 = torch.operator "onnx.Flatten"(%arg0) : (!torch.vtensor<[2,3,4],f32>) -> !torch.vtensor<[2,12],f32>
  return %0 : !torch.vtensor<[2,12],f32>
}

// -----

// CHECK-LABEL: func.func @test_div_v6_legacy_broadcast
func.func @test_div_v6_legacy_broadcast(%arg0: !torch.vtensor<[2,3,4],f32>, %arg1: !torch.vtensor<[3],f32>) -> !torch.vtensor<[2,3,4],f32> attributes {torch.onnx_meta.opset_version = 6 : si64} {
  // Before opset 7, broadcast=1 aligns B to A at `axis`.
  // CHECK: %[[B:.*]] = torch.aten.unsqueeze %arg1, %int-1 : !torch.vtensor<[3],f32>, !torch.int -> !torch.vtensor<[3,1],f32>
  // CHECK: torch.aten.div.Tensor %arg0, %[[B]] : !torch.vtensor<[2,3,4],f32>, !torch.vtensor<[3,1],f32> -> !torch.vtensor<[2,3,4],f32>
  %0 = torch.operator "onnx.Div"(%arg0, %arg1) {torch.onnx.axis = 1 : si64, torch.onnx.broadcast = 1 : si64} : (!torch.vtensor<[2,3,4],f32>, !torch.vtensor<[3],f32>) -> !torch.vtensor<[2,3,4],f32>
  return %0 : !torch.vtensor<[2,3,4],f32>
}

// -----

// CHECK-LABEL: func.func @test_equal_v1_legacy_broadcast
func.func @test_equal_v1_legacy_broadcast(%arg0: !torch.vtensor<[2,3],si32>, %arg1: !torch.vtensor<[3],si32>) -> !torch.vtensor<[2,3],i1> attributes {torch.onnx_meta.opset_version = 1 : si64} {
  // CHECK: torch.aten.eq.Tensor %arg0, %arg1 : !torch.vtensor<[2,3],si32>, !torch.vtensor<[3],si32> -> !torch.vtensor<[2,3],i1>
  %0 = torch.operator "onnx.Equal"(%arg0, %arg1) {torch.onnx.broadcast = 1 : si64} : (!torch.vtensor<[2,3],si32>, !torch.vtensor<[3],si32>) -> !torch.vtensor<[2,3],i1>
  return %0 : !torch.vtensor<[2,3],i1>
}

// -----

// CHECK-LABEL: func.func @test_equal_bool
func.func @test_equal_bool(%arg0: !torch.vtensor<[3],i1>, %arg1: !torch.vtensor<[3],i1>) -> !torch.vtensor<[3],i1> attributes {torch.onnx_meta.opset_version = 11 : si64} {
  // CHECK: torch.aten.eq.Tensor %arg0, %arg1 : !torch.vtensor<[3],i1>, !torch.vtensor<[3],i1> -> !torch.vtensor<[3],i1>
  %0 = torch.operator "onnx.Equal"(%arg0, %arg1) : (!torch.vtensor<[3],i1>, !torch.vtensor<[3],i1>) -> !torch.vtensor<[3],i1>
  return %0 : !torch.vtensor<[3],i1>
}

// -----

// CHECK-LABEL: func.func @test_depthtospace_v1
func.func @test_depthtospace_v1(%arg0: !torch.vtensor<[1,4,2,2],si64>) -> !torch.vtensor<[1,1,4,4],si64> attributes {torch.onnx_meta.opset_version = 1 : si64} {
  // DepthToSpace-1 has no mode attribute: DCR.
  // CHECK: torch.aten.reshape %arg0, %{{.*}} -> !torch.vtensor<[1,2,2,1,2,2],si64>
  // CHECK: %[[PERM:.*]] = torch.prim.ListConstruct %int0, %int3, %int4, %int1{{.*}}, %int5, %int2{{.*}} :
  // CHECK: torch.aten.permute %{{.*}}, %[[PERM]]
  // CHECK: torch.aten.reshape {{.*}} -> !torch.vtensor<[1,1,4,4],si64>
  %0 = torch.operator "onnx.DepthToSpace"(%arg0) {torch.onnx.blocksize = 2 : si64} : (!torch.vtensor<[1,4,2,2],si64>) -> !torch.vtensor<[1,1,4,4],si64>
  return %0 : !torch.vtensor<[1,1,4,4],si64>
}

// -----

// CHECK-LABEL: func.func @test_dropout_v10_mask
func.func @test_dropout_v10_mask(%arg0: !torch.vtensor<[3],f16>) -> (!torch.vtensor<[3],f16>, !torch.vtensor<[3],i1>) attributes {torch.onnx_meta.opset_version = 10 : si64} {
  // CHECK: %[[MASK:.*]] = torch.aten.ones_like %arg0, %int11, {{.*}} -> !torch.vtensor<[3],i1>
  // CHECK: return %arg0, %[[MASK]]
  %0:2 = torch.operator "onnx.Dropout"(%arg0) {torch.onnx.ratio = 3.000000e-01 : f32} : (!torch.vtensor<[3],f16>) -> (!torch.vtensor<[3],f16>, !torch.vtensor<[3],i1>)
  return %0#0, %0#1 : !torch.vtensor<[3],f16>, !torch.vtensor<[3],i1>
}

// -----

// CHECK-LABEL: func.func @test_dropout_v12_training_false
func.func @test_dropout_v12_training_false(%arg0: !torch.vtensor<[3],f32>, %arg1: !torch.vtensor<[],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 12 : si64} {
  // A constant training_mode of false is inference: the output is the input.
  // CHECK-NOT: torch.aten.rand_like
  // CHECK: return %arg0
  %t = torch.vtensor.literal(dense<false> : tensor<i1>) : !torch.vtensor<[],i1>
  %0 = torch.operator "onnx.Dropout"(%arg0, %arg1, %t) : (!torch.vtensor<[3],f32>, !torch.vtensor<[],f32>, !torch.vtensor<[],i1>) -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}

// -----

// CHECK-LABEL: func.func @test_elu_v6
func.func @test_elu_v6(%arg0: !torch.vtensor<[3],f64>) -> !torch.vtensor<[3],f64> attributes {torch.onnx_meta.opset_version = 6 : si64} {
  // CHECK: %[[ALPHA:.*]] = torch.constant.float 5.000000e-01
  // CHECK: torch.aten.elu %arg0, %[[ALPHA]], {{.*}} -> !torch.vtensor<[3],f64>
  %0 = torch.operator "onnx.Elu"(%arg0) {torch.onnx.alpha = 5.000000e-01 : f32} : (!torch.vtensor<[3],f64>) -> !torch.vtensor<[3],f64>
  return %0 : !torch.vtensor<[3],f64>
}

// -----

// CHECK-LABEL: func.func @test_flatten_axis_rank
func.func @test_flatten_axis_rank(%arg0: !torch.vtensor<[2,3],si8>) -> !torch.vtensor<[6,1],si8> attributes {torch.onnx_meta.opset_version = 11 : si64} {
  // axis = rank: everything in the first dim.
  // CHECK: %[[SHAPE:.*]] = torch.prim.ListConstruct %int6, %int1
  // CHECK: torch.aten.reshape %arg0, %[[SHAPE]] : !torch.vtensor<[2,3],si8>, !torch.list<int> -> !torch.vtensor<[6,1],si8>
  %0 = torch.operator "onnx.Flatten"(%arg0) {torch.onnx.axis = 2 : si64} : (!torch.vtensor<[2,3],si8>) -> !torch.vtensor<[6,1],si8>
  return %0 : !torch.vtensor<[6,1],si8>
}

// -----

// A runtime shape whose entry 1 is known (Where(Equal(s, -1), 1, s) with s[1] = -1, as
// TorchScript's BERT mask): the expanded dim stays a static 1 (folding.known_entries).
// CHECK-LABEL: func.func @test_expand_known_entries
func.func @test_expand_known_entries(%arg0: !torch.vtensor<[?,1,?,?],i1>, %arg1: !torch.vtensor<[1],si64>, %arg2: !torch.vtensor<[1],si64>) -> !torch.vtensor<[?,?,?,?],i1> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: torch.aten.broadcast_to %{{.*}}, %{{.*}} : !torch.vtensor<[?,1,?,?],i1>, !torch.list<int> -> !torch.vtensor<[?,1,?,?],i1>
  %m1 = torch.vtensor.literal(dense<-1> : tensor<1xsi64>) : !torch.vtensor<[1],si64>
  %s = torch.operator "onnx.Concat"(%arg1, %m1, %arg2, %arg2) {torch.onnx.axis = 0 : si64} : (!torch.vtensor<[1],si64>, !torch.vtensor<[1],si64>, !torch.vtensor<[1],si64>, !torch.vtensor<[1],si64>) -> !torch.vtensor<[4],si64>
  %neg = torch.vtensor.literal(dense<-1> : tensor<4xsi64>) : !torch.vtensor<[4],si64>
  %one = torch.vtensor.literal(dense<1> : tensor<4xsi64>) : !torch.vtensor<[4],si64>
  %eq = torch.operator "onnx.Equal"(%s, %neg) : (!torch.vtensor<[4],si64>, !torch.vtensor<[4],si64>) -> !torch.vtensor<[4],i1>
  %w = torch.operator "onnx.Where"(%eq, %one, %s) : (!torch.vtensor<[4],i1>, !torch.vtensor<[4],si64>, !torch.vtensor<[4],si64>) -> !torch.vtensor<[4],si64>
  %0 = torch.operator "onnx.Expand"(%arg0, %w) : (!torch.vtensor<[?,1,?,?],i1>, !torch.vtensor<[4],si64>) -> !torch.vtensor<[?,?,?,?],i1>
  return %0 : !torch.vtensor<[?,?,?,?],i1>
}

// -----

// CHECK-LABEL: func.func @test_expand_bidirectional
func.func @test_expand_bidirectional(%arg0: !torch.vtensor<[2,3],f32>) -> !torch.vtensor<[4,2,3],f32> attributes {torch.onnx_meta.opset_version = 8 : si64} {
  // Shape entries of 1 keep the input's dims.
  // CHECK: %[[SHAPE:.*]] = torch.prim.ListConstruct %int4, %int2, %int3
  // CHECK: torch.aten.broadcast_to %arg0, %[[SHAPE]] : !torch.vtensor<[2,3],f32>, !torch.list<int> -> !torch.vtensor<[4,2,3],f32>
  %s = torch.vtensor.literal(dense<[4, 1, 1]> : tensor<3xsi64>) : !torch.vtensor<[3],si64>
  %0 = torch.operator "onnx.Expand"(%arg0, %s) : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[3],si64>) -> !torch.vtensor<[4,2,3],f32>
  return %0 : !torch.vtensor<[4,2,3],f32>
}

// -----

// A static target entry other than 1 over a dynamic input dim (was a TypeError, found by the
// fuzzer): the output dim is the entry; the input dim (1 or 4 at run time) is read by index.
// CHECK-LABEL: func.func @test_expand_static_entry_dynamic_dim
func.func @test_expand_static_entry_dynamic_dim(%arg0: !torch.vtensor<[?,3],f32>) -> !torch.vtensor<[4,3],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: torch.aten.index_select %arg0, {{.*}} -> !torch.vtensor<[4,3],f32>
  // CHECK: torch.aten.broadcast_to {{.*}} -> !torch.vtensor<[4,3],f32>
  %shape = torch.vtensor.literal(dense<[4, 3]> : tensor<2xsi64>) : !torch.vtensor<[2],si64>
  %0 = torch.operator "onnx.Expand"(%arg0, %shape) : (!torch.vtensor<[?,3],f32>, !torch.vtensor<[2],si64>) -> !torch.vtensor<[4,3],f32>
  return %0 : !torch.vtensor<[4,3],f32>
}

// -----

// A run-time shape with a static input and a declared result: broadcast to the declared shape,
// the shape's entries are not read.
// CHECK-LABEL: func.func @test_expand_runtime_shape_declared
func.func @test_expand_runtime_shape_declared(%arg0: !torch.vtensor<[3,1],f32>, %arg1: !torch.vtensor<[3],si64>) -> !torch.vtensor<[2,3,6],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK-NOT: torch.aten.item
  // CHECK: %[[L:.*]] = torch.prim.ListConstruct %int2, %int3, %int6
  // CHECK: torch.aten.broadcast_to %arg0, %[[L]] : !torch.vtensor<[3,1],f32>, !torch.list<int> -> !torch.vtensor<[2,3,6],f32>
  %0 = torch.operator "onnx.Expand"(%arg0, %arg1) : (!torch.vtensor<[3,1],f32>, !torch.vtensor<[3],si64>) -> !torch.vtensor<[2,3,6],f32>
  return %0 : !torch.vtensor<[2,3,6],f32>
}
