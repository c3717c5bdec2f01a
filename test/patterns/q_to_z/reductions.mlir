// RUN: %opt --split-input-file --convert-torch-onnx-to-torch %s | filecheck %s

// -----

// Axes as an attribute (ReduceSum before 13), negative, keepdims=0.
// CHECK-LABEL: func.func @test_reducesum_v1_attr_axes
// CHECK: %[[D:.*]] = torch.prim.ListConstruct %int1
// CHECK: torch.aten.sum.dim_IntList %arg0, %[[D]], %false, %int6 : {{.*}} -> !torch.vtensor<[3,5],f32>
func.func @test_reducesum_v1_attr_axes(%arg0: !torch.vtensor<[3,4,5],f32>) -> !torch.vtensor<[3,5],f32> attributes {torch.onnx_meta.opset_version = 11 : si64} {
  %0 = torch.operator "onnx.ReduceSum"(%arg0) {torch.onnx.axes = [-2 : si64], torch.onnx.keepdims = 0 : si64} : (!torch.vtensor<[3,4,5],f32>) -> !torch.vtensor<[3,5],f32>
  return %0 : !torch.vtensor<[3,5],f32>
}

// -----

// Constant axes input; ints keep their dtype (si32 = 3).
// CHECK-LABEL: func.func @test_reducesum_const_axes_input
// CHECK: %[[D:.*]] = torch.prim.ListConstruct %int0{{.*}}, %int2
// CHECK: torch.aten.sum.dim_IntList %arg0, %[[D]], %true, %int3 : {{.*}} -> !torch.vtensor<[1,4,1],si32>
func.func @test_reducesum_const_axes_input(%arg0: !torch.vtensor<[3,4,5],si32>) -> !torch.vtensor<[1,4,1],si32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  %0 = torch.operator "onnx.Constant"() {torch.onnx.value = dense<[0, 2]> : tensor<2xsi64>} : () -> !torch.vtensor<[2],si64>
  %1 = torch.operator "onnx.ReduceSum"(%arg0, %0) : (!torch.vtensor<[3,4,5],si32>, !torch.vtensor<[2],si64>) -> !torch.vtensor<[1,4,1],si32>
  return %1 : !torch.vtensor<[1,4,1],si32>
}

// -----

// noop_with_empty_axes=1 without axes: the input itself.
// CHECK-LABEL: func.func @test_reducesum_noop_empty_axes
// CHECK-NOT: torch.aten.sum
// CHECK: return %arg0
func.func @test_reducesum_noop_empty_axes(%arg0: !torch.vtensor<[3,4],f32>) -> !torch.vtensor<[3,4],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  %none = torch.constant.none
  %0 = torch.operator "onnx.ReduceSum"(%arg0, %none) {torch.onnx.noop_with_empty_axes = 1 : si64} : (!torch.vtensor<[3,4],f32>, !torch.none) -> !torch.vtensor<[3,4],f32>
  return %0 : !torch.vtensor<[3,4],f32>
}

// -----

// No axes: every dim.
// CHECK-LABEL: func.func @test_reducesum_all_axes_default
// CHECK: %[[D:.*]] = torch.prim.ListConstruct %int0{{.*}}, %int1
// CHECK: torch.aten.sum.dim_IntList %arg0, %[[D]], %false, %int6 : {{.*}} -> !torch.vtensor<[],f32>
func.func @test_reducesum_all_axes_default(%arg0: !torch.vtensor<[3,4],f32>) -> !torch.vtensor<[],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  %0 = torch.operator "onnx.ReduceSum"(%arg0) {torch.onnx.keepdims = 0 : si64} : (!torch.vtensor<[3,4],f32>) -> !torch.vtensor<[],f32>
  return %0 : !torch.vtensor<[],f32>
}

// -----

// Run-time axes, but the static shapes leave only dim 1 (2 -> 1).
// CHECK-LABEL: func.func @test_reducesum_runtime_axes_fixed_by_shapes
// CHECK-NOT: torch.aten.item
// CHECK: %[[D:.*]] = torch.prim.ListConstruct %int1
// CHECK: torch.aten.sum.dim_IntList %arg0, %[[D]], %true, %int6 : {{.*}} -> !torch.vtensor<[3,1,2],f32>
func.func @test_reducesum_runtime_axes_fixed_by_shapes(%arg0: !torch.vtensor<[3,2,2],f32>, %arg1: !torch.vtensor<[1],si64>) -> !torch.vtensor<[3,1,2],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  %0 = torch.operator "onnx.ReduceSum"(%arg0, %arg1) {torch.onnx.keepdims = 1 : si64} : (!torch.vtensor<[3,2,2],f32>, !torch.vtensor<[1],si64>) -> !torch.vtensor<[3,1,2],f32>
  return %0 : !torch.vtensor<[3,1,2],f32>
}

// -----

// Truly run-time axes: each dim is reduced through a [m, n] mask (m = 1 where reduced).
// CHECK-LABEL: func.func @test_reducemax_runtime_axes_masked
// CHECK: %[[A:.*]] = torch.aten.item
// CHECK: torch.aten.arange {{.*}} -> !torch.vtensor<[?],si64>
// CHECK: %[[M:.*]] = torch.aten.eq.Tensor {{.*}} -> !torch.vtensor<[?,3],i1>
// CHECK: %[[MF:.*]] = torch.aten.flatten.using_ints %[[M]]
// CHECK: %[[MR:.*]] = torch.aten.reshape %[[MF]]
// CHECK: %[[X:.*]] = torch.aten.unsqueeze %arg0
// CHECK: %[[W:.*]] = torch.aten.where.ScalarOther %[[MR]], %[[X]], %float-Inf
// CHECK: torch.aten.amax %[[W]], {{.*}} -> !torch.vtensor<[?,2],f32>
// CHECK: torch.aten.amax {{.*}} -> !torch.vtensor<[?,?],f32>
// CHECK: torch.aten.reshape {{.*}} -> !torch.vtensor<[?],f32>
func.func @test_reducemax_runtime_axes_masked(%arg0: !torch.vtensor<[3,2],f32>, %arg1: !torch.vtensor<[1],si64>) -> !torch.vtensor<[?],f32> attributes {torch.onnx_meta.opset_version = 18 : si64} {
  %0 = torch.operator "onnx.ReduceMax"(%arg0, %arg1) {torch.onnx.keepdims = 0 : si64} : (!torch.vtensor<[3,2],f32>, !torch.vtensor<[1],si64>) -> !torch.vtensor<[?],f32>
  return %0 : !torch.vtensor<[?],f32>
}

// -----

// ReduceMean: sum divided by the count.
// CHECK-LABEL: func.func @test_reducemean_v18
// CHECK: %[[S:.*]] = torch.aten.sum.dim_IntList %arg0, {{.*}} -> !torch.vtensor<[3,4,1],f32>
// CHECK: torch.aten.div.Scalar %[[S]], %int5
func.func @test_reducemean_v18(%arg0: !torch.vtensor<[3,4,5],f32>) -> !torch.vtensor<[3,4,1],f32> attributes {torch.onnx_meta.opset_version = 18 : si64} {
  %0 = torch.operator "onnx.Constant"() {torch.onnx.value = dense<-1> : tensor<1xsi64>} : () -> !torch.vtensor<[1],si64>
  %1 = torch.operator "onnx.ReduceMean"(%arg0, %0) : (!torch.vtensor<[3,4,5],f32>, !torch.vtensor<[1],si64>) -> !torch.vtensor<[3,4,1],f32>
  return %1 : !torch.vtensor<[3,4,1],f32>
}

// -----

// ReduceMax-20 of bool: as 0/1 ints.
// CHECK-LABEL: func.func @test_reducemax_bool
// CHECK: %[[I:.*]] = torch.aten.to.dtype %arg0, %int3
// CHECK: %[[R:.*]] = torch.aten.amax %[[I]], {{.*}} -> !torch.vtensor<[4,1],si32>
// CHECK: torch.aten.to.dtype %[[R]], %int11
func.func @test_reducemax_bool(%arg0: !torch.vtensor<[4,2],i1>) -> !torch.vtensor<[4,1],i1> attributes {torch.onnx_meta.opset_version = 20 : si64} {
  %0 = torch.operator "onnx.Constant"() {torch.onnx.value = dense<1> : tensor<1xsi64>} : () -> !torch.vtensor<[1],si64>
  %1 = torch.operator "onnx.ReduceMax"(%arg0, %0) : (!torch.vtensor<[4,2],i1>, !torch.vtensor<[1],si64>) -> !torch.vtensor<[4,1],i1>
  return %1 : !torch.vtensor<[4,1],i1>
}

// -----

// CHECK-LABEL: func.func @test_reducemin_v13_attr
// CHECK: torch.aten.amin %arg0, {{.*}}, %false : {{.*}} -> !torch.vtensor<[4],si64>
func.func @test_reducemin_v13_attr(%arg0: !torch.vtensor<[3,4],si64>) -> !torch.vtensor<[4],si64> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  %0 = torch.operator "onnx.ReduceMin"(%arg0) {torch.onnx.axes = [0 : si64], torch.onnx.keepdims = 0 : si64} : (!torch.vtensor<[3,4],si64>) -> !torch.vtensor<[4],si64>
  return %0 : !torch.vtensor<[4],si64>
}

// -----

// aten.prod takes one dim: the last first.
// CHECK-LABEL: func.func @test_reduceprod_two_dims
// CHECK: %[[P:.*]] = torch.aten.prod.dim_int %arg0, %int2, %false, %int6 : {{.*}} -> !torch.vtensor<[3,4],f32>
// CHECK: torch.aten.prod.dim_int %[[P]], %int0, %false, %int6{{.*}} -> !torch.vtensor<[4],f32>
func.func @test_reduceprod_two_dims(%arg0: !torch.vtensor<[3,4,5],f32>) -> !torch.vtensor<[4],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  %0 = torch.operator "onnx.ReduceProd"(%arg0) {torch.onnx.axes = [0 : si64, 2 : si64], torch.onnx.keepdims = 0 : si64} : (!torch.vtensor<[3,4,5],f32>) -> !torch.vtensor<[4],f32>
  return %0 : !torch.vtensor<[4],f32>
}

// -----

// CHECK-LABEL: func.func @test_reducel1
// CHECK: %[[A:.*]] = torch.aten.abs %arg0
// CHECK: torch.aten.sum.dim_IntList %[[A]], {{.*}} -> !torch.vtensor<[3,1],f32>
func.func @test_reducel1(%arg0: !torch.vtensor<[3,4],f32>) -> !torch.vtensor<[3,1],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  %0 = torch.operator "onnx.ReduceL1"(%arg0) {torch.onnx.axes = [1 : si64]} : (!torch.vtensor<[3,4],f32>) -> !torch.vtensor<[3,1],f32>
  return %0 : !torch.vtensor<[3,1],f32>
}

// -----

// CHECK-LABEL: func.func @test_reducel2
// CHECK: %[[SQ:.*]] = torch.aten.mul.Tensor %arg0, %arg0
// CHECK: %[[S:.*]] = torch.aten.sum.dim_IntList %[[SQ]], {{.*}} -> !torch.vtensor<[3],f32>
// CHECK: torch.aten.sqrt %[[S]]
func.func @test_reducel2(%arg0: !torch.vtensor<[3,4],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 18 : si64} {
  %0 = torch.operator "onnx.Constant"() {torch.onnx.value = dense<1> : tensor<1xsi64>} : () -> !torch.vtensor<[1],si64>
  %1 = torch.operator "onnx.ReduceL2"(%arg0, %0) {torch.onnx.keepdims = 0 : si64} : (!torch.vtensor<[3,4],f32>, !torch.vtensor<[1],si64>) -> !torch.vtensor<[3],f32>
  return %1 : !torch.vtensor<[3],f32>
}

// -----

// CHECK-LABEL: func.func @test_reducesumsquare
// CHECK: %[[SQ:.*]] = torch.aten.mul.Tensor %arg0, %arg0
// CHECK: torch.aten.sum.dim_IntList %[[SQ]], {{.*}} -> !torch.vtensor<[1,1],f32>
func.func @test_reducesumsquare(%arg0: !torch.vtensor<[3,4],f32>) -> !torch.vtensor<[1,1],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  %0 = torch.operator "onnx.ReduceSumSquare"(%arg0) : (!torch.vtensor<[3,4],f32>) -> !torch.vtensor<[1,1],f32>
  return %0 : !torch.vtensor<[1,1],f32>
}

// -----

// CHECK-LABEL: func.func @test_reducelogsum
// CHECK: %[[S:.*]] = torch.aten.sum.dim_IntList %arg0
// CHECK: torch.aten.log %[[S]]
func.func @test_reducelogsum(%arg0: !torch.vtensor<[3,4],f32>) -> !torch.vtensor<[3,1],f32> attributes {torch.onnx_meta.opset_version = 1 : si64} {
  %0 = torch.operator "onnx.ReduceLogSum"(%arg0) {torch.onnx.axes = [1 : si64]} : (!torch.vtensor<[3,4],f32>) -> !torch.vtensor<[3,1],f32>
  return %0 : !torch.vtensor<[3,1],f32>
}

// -----

// Shifted by the (finite) max, as the ONNX reference.
// CHECK-LABEL: func.func @test_reducelogsumexp
// CHECK: %[[M:.*]] = torch.aten.amax %arg0, {{.*}}, %true
// CHECK: %[[INF:.*]] = torch.aten.isinf %[[M]]
// CHECK: %[[M0:.*]] = torch.aten.where.ScalarSelf %[[INF]], %float0{{.*}}, %[[M]]
// CHECK: %[[D:.*]] = torch.aten.sub.Tensor %arg0, %[[M0]]
// CHECK: %[[E:.*]] = torch.aten.exp %[[D]]
// CHECK: %[[S:.*]] = torch.aten.sum.dim_IntList %[[E]]
// CHECK: %[[L:.*]] = torch.aten.log %[[S]]
// CHECK: %[[R:.*]] = torch.aten.add.Tensor %[[L]], %[[M0]]
// CHECK: torch.aten.reshape %[[R]], {{.*}} -> !torch.vtensor<[3],f32>
func.func @test_reducelogsumexp(%arg0: !torch.vtensor<[3,4],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  %0 = torch.operator "onnx.ReduceLogSumExp"(%arg0) {torch.onnx.axes = [1 : si64], torch.onnx.keepdims = 0 : si64} : (!torch.vtensor<[3,4],f32>) -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}

// -----

// A reduction over a 0-sized dim: the identity element (-inf for max).
// CHECK-LABEL: func.func @test_reducemax_empty_set
// CHECK: %[[C:.*]] = torch.vtensor.literal(dense<0xFF800000> : tensor<2x1x4xf32>)
// CHECK: return %[[C]]
func.func @test_reducemax_empty_set(%arg0: !torch.vtensor<[2,0,4],f32>) -> !torch.vtensor<[2,1,4],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  %0 = torch.operator "onnx.ReduceMax"(%arg0) {torch.onnx.axes = [1 : si64]} : (!torch.vtensor<[2,0,4],f32>) -> !torch.vtensor<[2,1,4],f32>
  return %0 : !torch.vtensor<[2,1,4],f32>
}

// -----

// Axes of run-time length with keepdims=0 (the result rank says one dim goes): flags from
// tensor compares, a masked reduction per dim, then the flagged dim squeezed.
// CHECK-LABEL: func.func @test_reducesum_dynamic_length_axes
// CHECK: %[[NEG:.*]] = torch.aten.lt.Scalar %arg1
// CHECK: %[[A:.*]] = torch.aten.where.self %[[NEG]]
// CHECK: %[[HIT:.*]] = torch.aten.eq.Scalar %[[A]], %int0
// CHECK: torch.aten.item
// CHECK: torch.aten.where.ScalarOther
// CHECK: torch.aten.sum.dim_IntList {{.*}} -> !torch.vtensor<[?,4],f32>
// CHECK: torch.aten.sum.dim_IntList {{.*}} -> !torch.vtensor<[?,?],f32>
func.func @test_reducesum_dynamic_length_axes(%arg0: !torch.vtensor<[3,4],f32>, %arg1: !torch.vtensor<[?],si64>) -> !torch.vtensor<[?],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  %0 = torch.operator "onnx.ReduceSum"(%arg0, %arg1) {torch.onnx.keepdims = 0 : si64} : (!torch.vtensor<[3,4],f32>, !torch.vtensor<[?],si64>) -> !torch.vtensor<[?],f32>
  return %0 : !torch.vtensor<[?],f32>
}
