// RUN: %opt --split-input-file --convert-torch-onnx-to-torch %s | filecheck %s

// Slice-1 takes starts/ends/axes as attributes; static bounds are clamped at conversion time.
// CHECK-LABEL: func.func @test_slice_v1_attrs
func.func @test_slice_v1_attrs(%arg0: !torch.vtensor<[20,10,5],f32>) -> !torch.vtensor<[20,9,5],f32> attributes {torch.onnx_meta.opset_version = 1 : si64} {
  // CHECK: %[[D:.*]] = torch.constant.int 1
  // CHECK: %[[S:.*]] = torch.constant.int 1
  // CHECK: %[[E:.*]] = torch.constant.int 10
  // CHECK: torch.aten.slice.Tensor %arg0, %[[D]], %[[S]], %[[E]], {{.*}} -> !torch.vtensor<[20,9,5],f32>
  %0 = torch.operator "onnx.Slice"(%arg0) {torch.onnx.axes = [1 : si64], torch.onnx.ends = [1000 : si64], torch.onnx.starts = [1 : si64]} : (!torch.vtensor<[20,10,5],f32>) -> !torch.vtensor<[20,9,5],f32>
  return %0 : !torch.vtensor<[20,9,5],f32>
}

// -----

// Constant inputs: INT64_MAX ends and negative starts/axes become static bounds.
// CHECK-LABEL: func.func @test_slice_const_inputs
func.func @test_slice_const_inputs(%arg0: !torch.vtensor<[20,10,5],f32>) -> !torch.vtensor<[20,3,2],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: %[[S:.*]] = torch.constant.int 7
  // CHECK: %[[E:.*]] = torch.constant.int 10
  // CHECK: %[[A:.*]] = torch.aten.slice.Tensor %arg0, {{.*}}, %[[S]], %[[E]], {{.*}} -> !torch.vtensor<[20,3,5],f32>
  // CHECK: torch.aten.slice.Tensor %[[A]], {{.*}} -> !torch.vtensor<[20,3,2],f32>
  %0 = torch.operator "onnx.Constant"() {torch.onnx.value = dense<[-3, 1]> : tensor<2xsi64>} : () -> !torch.vtensor<[2],si64>
  %1 = torch.operator "onnx.Constant"() {torch.onnx.value = dense<[9223372036854775807, 4]> : tensor<2xsi64>} : () -> !torch.vtensor<[2],si64>
  %2 = torch.operator "onnx.Constant"() {torch.onnx.value = dense<[1, -1]> : tensor<2xsi64>} : () -> !torch.vtensor<[2],si64>
  %3 = torch.operator "onnx.Constant"() {torch.onnx.value = dense<[1, 2]> : tensor<2xsi64>} : () -> !torch.vtensor<[2],si64>
  %4 = torch.operator "onnx.Slice"(%arg0, %0, %1, %2, %3) : (!torch.vtensor<[20,10,5],f32>, !torch.vtensor<[2],si64>, !torch.vtensor<[2],si64>, !torch.vtensor<[2],si64>, !torch.vtensor<[2],si64>) -> !torch.vtensor<[20,3,2],f32>
  return %4 : !torch.vtensor<[20,3,2],f32>
}

// -----

// A negative step slices the flipped tensor: x[8:2:-2] is flip(x)[1:7:2].
// CHECK-LABEL: func.func @test_slice_negative_step
func.func @test_slice_negative_step(%arg0: !torch.vtensor<[10],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: %[[F:.*]] = torch.aten.flip %arg0
  // CHECK: %[[S:.*]] = torch.constant.int 1
  // CHECK: %[[E:.*]] = torch.constant.int 7
  // CHECK: %[[T:.*]] = torch.constant.int 2
  // CHECK: torch.aten.slice.Tensor %[[F]], {{.*}}, %[[S]], %[[E]], %[[T]] : {{.*}} -> !torch.vtensor<[3],f32>
  %0 = torch.operator "onnx.Constant"() {torch.onnx.value = dense<8> : tensor<1xsi64>} : () -> !torch.vtensor<[1],si64>
  %1 = torch.operator "onnx.Constant"() {torch.onnx.value = dense<2> : tensor<1xsi64>} : () -> !torch.vtensor<[1],si64>
  %2 = torch.operator "onnx.Constant"() {torch.onnx.value = dense<0> : tensor<1xsi64>} : () -> !torch.vtensor<[1],si64>
  %3 = torch.operator "onnx.Constant"() {torch.onnx.value = dense<-2> : tensor<1xsi64>} : () -> !torch.vtensor<[1],si64>
  %4 = torch.operator "onnx.Slice"(%arg0, %0, %1, %2, %3) : (!torch.vtensor<[10],f32>, !torch.vtensor<[1],si64>, !torch.vtensor<[1],si64>, !torch.vtensor<[1],si64>, !torch.vtensor<[1],si64>) -> !torch.vtensor<[3],f32>
  return %4 : !torch.vtensor<[3],f32>
}

// -----

// Runtime starts/ends with constant axes (no steps): aten.slice.Tensor wraps and clamps them.
// CHECK-LABEL: func.func @test_slice_runtime_bounds
func.func @test_slice_runtime_bounds(%arg0: !torch.vtensor<[?,10],f32>, %arg1: !torch.vtensor<[1],si64>, %arg2: !torch.vtensor<[1],si64>) -> !torch.vtensor<[?,?],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: %[[S:.*]] = torch.aten.item {{.*}} -> !torch.int
  // CHECK: %[[E:.*]] = torch.aten.item {{.*}} -> !torch.int
  // CHECK: torch.aten.slice.Tensor %arg0, {{.*}}, %[[S]], %[[E]], {{.*}} -> !torch.vtensor<[?,?],f32>
  %0 = torch.operator "onnx.Constant"() {torch.onnx.value = dense<1> : tensor<1xsi64>} : () -> !torch.vtensor<[1],si64>
  %none = torch.constant.none
  %1 = torch.operator "onnx.Slice"(%arg0, %arg1, %arg2, %0, %none) : (!torch.vtensor<[?,10],f32>, !torch.vtensor<[1],si64>, !torch.vtensor<[1],si64>, !torch.vtensor<[1],si64>, !torch.none) -> !torch.vtensor<[?,?],f32>
  return %1 : !torch.vtensor<[?,?],f32>
}

// -----

// A runtime step (sign unknown) gathers start + i * step.
// CHECK-LABEL: func.func @test_slice_runtime_step
func.func @test_slice_runtime_step(%arg0: !torch.vtensor<[10],f32>, %arg1: !torch.vtensor<[1],si64>, %arg2: !torch.vtensor<[1],si64>, %arg3: !torch.vtensor<[1],si64>, %arg4: !torch.vtensor<[1],si64>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: %[[STEP:.*]] = torch.aten.item {{.*}} -> !torch.int
  // CHECK: torch.aten.gt.int
  // CHECK: torch.prim.max.int
  // CHECK: torch.prim.min.int
  // CHECK: %[[I:.*]] = torch.aten.arange {{.*}} -> !torch.vtensor<[3],si64>
  // CHECK: %[[M:.*]] = torch.aten.mul.Scalar %[[I]]
  // CHECK: %[[IDX:.*]] = torch.aten.add.Scalar %[[M]]
  // CHECK: torch.aten.index_select %arg0, {{.*}}, %[[IDX]] : !torch.vtensor<[10],f32>, !torch.int, !torch.vtensor<[3],si64> -> !torch.vtensor<[3],f32>
  %0 = torch.operator "onnx.Slice"(%arg0, %arg1, %arg2, %arg3, %arg4) : (!torch.vtensor<[10],f32>, !torch.vtensor<[1],si64>, !torch.vtensor<[1],si64>, !torch.vtensor<[1],si64>, !torch.vtensor<[1],si64>) -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}

// -----

// Runtime axes: each dim takes the bounds of the entries whose axis matches it.
// CHECK-LABEL: func.func @test_slice_runtime_axes
func.func @test_slice_runtime_axes(%arg0: !torch.vtensor<[20,10],f32>, %arg1: !torch.vtensor<[1],si64>, %arg2: !torch.vtensor<[1],si64>, %arg3: !torch.vtensor<[1],si64>) -> !torch.vtensor<[?,?],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: torch.aten.eq.int
  // CHECK: torch.aten.eq.int
  // CHECK: %[[A:.*]] = torch.aten.slice.Tensor %arg0, {{.*}} -> !torch.vtensor<[?,10],f32>
  // CHECK: torch.aten.slice.Tensor %[[A]], {{.*}} -> !torch.vtensor<[?,?],f32>
  %0 = torch.operator "onnx.Slice"(%arg0, %arg1, %arg2, %arg3) : (!torch.vtensor<[20,10],f32>, !torch.vtensor<[1],si64>, !torch.vtensor<[1],si64>, !torch.vtensor<[1],si64>) -> !torch.vtensor<[?,?],f32>
  return %0 : !torch.vtensor<[?,?],f32>
}

// -----

// Slice of a constant (e.g. of a folded Shape) folds into a literal.
// CHECK-LABEL: func.func @test_slice_folds_shape
func.func @test_slice_folds_shape(%arg0: !torch.vtensor<[2,3,4],f32>) -> !torch.vtensor<[2],si64> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: %[[F:.*]] = torch.vtensor.literal(dense<[3, 4]> : tensor<2xsi64>) : !torch.vtensor<[2],si64>
  // CHECK-NOT: torch.operator
  // CHECK: return %[[F]]
  %0 = torch.operator "onnx.Shape"(%arg0) : (!torch.vtensor<[2,3,4],f32>) -> !torch.vtensor<[3],si64>
  %1 = torch.operator "onnx.Constant"() {torch.onnx.value = dense<-2> : tensor<1xsi64>} : () -> !torch.vtensor<[1],si64>
  %2 = torch.operator "onnx.Constant"() {torch.onnx.value = dense<9223372036854775807> : tensor<1xsi64>} : () -> !torch.vtensor<[1],si64>
  %3 = torch.operator "onnx.Slice"(%0, %1, %2) : (!torch.vtensor<[3],si64>, !torch.vtensor<[1],si64>, !torch.vtensor<[1],si64>) -> !torch.vtensor<[2],si64>
  return %3 : !torch.vtensor<[2],si64>
}

// -----

// Split-2: split sizes as an attribute.
// CHECK-LABEL: func.func @test_split_v2_attr
func.func @test_split_v2_attr(%arg0: !torch.vtensor<[2,6],f32>) -> (!torch.vtensor<[2,2],f32>, !torch.vtensor<[2,4],f32>) attributes {torch.onnx_meta.opset_version = 2 : si64} {
  // CHECK: %[[A:.*]] = torch.aten.slice.Tensor %arg0, {{.*}} -> !torch.vtensor<[2,2],f32>
  // CHECK: %[[B:.*]] = torch.aten.slice.Tensor %arg0, {{.*}} -> !torch.vtensor<[2,4],f32>
  // CHECK: return %[[A]], %[[B]]
  %0:2 = torch.operator "onnx.Split"(%arg0) {torch.onnx.axis = 1 : si64, torch.onnx.split = [2 : si64, 4 : si64]} : (!torch.vtensor<[2,6],f32>) -> (!torch.vtensor<[2,2],f32>, !torch.vtensor<[2,4],f32>)
  return %0#0, %0#1 : !torch.vtensor<[2,2],f32>, !torch.vtensor<[2,4],f32>
}

// -----

// Split-13: split sizes as an input (zero-sized parts allowed).
// CHECK-LABEL: func.func @test_split_v13_input
func.func @test_split_v13_input(%arg0: !torch.vtensor<[6],f32>) -> (!torch.vtensor<[0],f32>, !torch.vtensor<[6],f32>) attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: torch.aten.slice.Tensor %arg0, {{.*}} -> !torch.vtensor<[0],f32>
  // CHECK: torch.aten.slice.Tensor %arg0, {{.*}} -> !torch.vtensor<[6],f32>
  %0 = torch.operator "onnx.Constant"() {torch.onnx.value = dense<[0, 6]> : tensor<2xsi64>} : () -> !torch.vtensor<[2],si64>
  %1:2 = torch.operator "onnx.Split"(%arg0, %0) : (!torch.vtensor<[6],f32>, !torch.vtensor<[2],si64>) -> (!torch.vtensor<[0],f32>, !torch.vtensor<[6],f32>)
  return %1#0, %1#1 : !torch.vtensor<[0],f32>, !torch.vtensor<[6],f32>
}

// -----

// Split-18 num_outputs with an uneven size: ceil-sized parts, the last one smaller.
// CHECK-LABEL: func.func @test_split_v18_uneven
func.func @test_split_v18_uneven(%arg0: !torch.vtensor<[7],f32>) -> (!torch.vtensor<[3],f32>, !torch.vtensor<[3],f32>, !torch.vtensor<[1],f32>) attributes {torch.onnx_meta.opset_version = 18 : si64} {
  // CHECK: torch.aten.slice.Tensor %arg0, {{.*}} -> !torch.vtensor<[3],f32>
  // CHECK: torch.aten.slice.Tensor %arg0, {{.*}} -> !torch.vtensor<[3],f32>
  // CHECK: torch.aten.slice.Tensor %arg0, {{.*}} -> !torch.vtensor<[1],f32>
  %0:3 = torch.operator "onnx.Split"(%arg0) {torch.onnx.num_outputs = 3 : si64} : (!torch.vtensor<[7],f32>) -> (!torch.vtensor<[3],f32>, !torch.vtensor<[3],f32>, !torch.vtensor<[1],f32>)
  return %0#0, %0#1, %0#2 : !torch.vtensor<[3],f32>, !torch.vtensor<[3],f32>, !torch.vtensor<[1],f32>
}

// -----

// A dynamic dim split in equal parts: the part size is computed at run time.
// CHECK-LABEL: func.func @test_split_dynamic_equal
func.func @test_split_dynamic_equal(%arg0: !torch.vtensor<[?,4],f32>) -> (!torch.vtensor<[?,4],f32>, !torch.vtensor<[?,4],f32>) attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: %[[D:.*]] = torch.aten.size.int %arg0
  // CHECK: torch.aten.floordiv.int
  // CHECK: %[[CHUNK:.*]] = torch.aten.sub.int
  // CHECK: torch.aten.slice.Tensor %arg0, {{.*}}, %[[CHUNK]], {{.*}} -> !torch.vtensor<[?,4],f32>
  // CHECK: torch.aten.slice.Tensor %arg0, {{.*}}, %[[CHUNK]], {{.*}} -> !torch.vtensor<[?,4],f32>
  %0:2 = torch.operator "onnx.Split"(%arg0) {torch.onnx.axis = 0 : si64} : (!torch.vtensor<[?,4],f32>) -> (!torch.vtensor<[?,4],f32>, !torch.vtensor<[?,4],f32>)
  return %0#0, %0#1 : !torch.vtensor<[?,4],f32>, !torch.vtensor<[?,4],f32>
}

// -----

// CHECK-LABEL: func.func @test_tile_const
func.func @test_tile_const(%arg0: !torch.vtensor<[2,3],f32>) -> !torch.vtensor<[4,3],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: %[[L:.*]] = torch.prim.ListConstruct
  // CHECK: torch.aten.repeat %arg0, %[[L]] : !torch.vtensor<[2,3],f32>, !torch.list<int> -> !torch.vtensor<[4,3],f32>
  %0 = torch.operator "onnx.Constant"() {torch.onnx.value = dense<[2, 1]> : tensor<2xsi64>} : () -> !torch.vtensor<[2],si64>
  %1 = torch.operator "onnx.Tile"(%arg0, %0) : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[2],si64>) -> !torch.vtensor<[4,3],f32>
  return %1 : !torch.vtensor<[4,3],f32>
}

// -----

// CHECK-LABEL: func.func @test_tile_runtime
func.func @test_tile_runtime(%arg0: !torch.vtensor<[2,3],f32>, %arg1: !torch.vtensor<[2],si64>) -> !torch.vtensor<[?,?],f32> attributes {torch.onnx_meta.opset_version = 6 : si64} {
  // CHECK: %[[R0:.*]] = torch.aten.item
  // CHECK: %[[R1:.*]] = torch.aten.item
  // CHECK: %[[L:.*]] = torch.prim.ListConstruct %[[R0]], %[[R1]]
  // CHECK: torch.aten.repeat %arg0, %[[L]]
  %0 = torch.operator "onnx.Tile"(%arg0, %arg1) : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[2],si64>) -> !torch.vtensor<[?,?],f32>
  return %0 : !torch.vtensor<[?,?],f32>
}

// -----

// Tile-1: a number of tiles along one axis.
// CHECK-LABEL: func.func @test_tile_v1
func.func @test_tile_v1(%arg0: !torch.vtensor<[2,3],f32>, %arg1: !torch.vtensor<[],si64>) -> !torch.vtensor<[2,?],f32> attributes {torch.onnx_meta.opset_version = 1 : si64} {
  // CHECK: %[[N:.*]] = torch.aten.item %arg1
  // CHECK: %[[L:.*]] = torch.prim.ListConstruct {{.*}}, %[[N]]
  // CHECK: torch.aten.repeat %arg0, %[[L]] {{.*}} -> !torch.vtensor<[2,?],f32>
  %0 = torch.operator "onnx.Constant"() {torch.onnx.value = dense<1> : tensor<si64>} : () -> !torch.vtensor<[],si64>
  %1 = torch.operator "onnx.Tile"(%arg0, %arg1, %0) : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[],si64>, !torch.vtensor<[],si64>) -> !torch.vtensor<[2,?],f32>
  return %1 : !torch.vtensor<[2,?],f32>
}

// -----

// Runtime repeats with a static input and declared result: the counts are their ratios.
// CHECK-LABEL: func.func @test_tile_runtime_declared
func.func @test_tile_runtime_declared(%arg0: !torch.vtensor<[2,3],f32>, %arg1: !torch.vtensor<[2],si64>) -> !torch.vtensor<[4,?],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: %[[S:.*]] = torch.aten.select.int %arg1
  // CHECK: %[[R1:.*]] = torch.aten.item %[[S]]
  // CHECK: %[[R0:.*]] = torch.constant.int 2
  // CHECK: %[[L:.*]] = torch.prim.ListConstruct %[[R0]], %[[R1]]
  // CHECK: torch.aten.repeat %arg0, %[[L]] : !torch.vtensor<[2,3],f32>, !torch.list<int> -> !torch.vtensor<[4,?],f32>
  %0 = torch.operator "onnx.Tile"(%arg0, %arg1) : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[2],si64>) -> !torch.vtensor<[4,?],f32>
  return %0 : !torch.vtensor<[4,?],f32>
}

// -----

// Run-time split sizes that the declared results give are not read.
// CHECK-LABEL: func.func @test_split_runtime_sizes_declared
func.func @test_split_runtime_sizes_declared(%arg0: !torch.vtensor<[6],f32>, %arg1: !torch.vtensor<[2],si64>) -> (!torch.vtensor<[2],f32>, !torch.vtensor<[4],f32>) attributes {torch.onnx_meta.opset_version = 18 : si64} {
  // CHECK-NOT: torch.aten.item
  // CHECK: torch.aten.slice.Tensor %arg0, %int0, %int0{{.*}}, %int2{{.*}} -> !torch.vtensor<[2],f32>
  // CHECK: torch.aten.slice.Tensor %arg0, %int0{{.*}}, %int2{{.*}}, %int6{{.*}} -> !torch.vtensor<[4],f32>
  %0:2 = torch.operator "onnx.Split"(%arg0, %arg1) : (!torch.vtensor<[6],f32>, !torch.vtensor<[2],si64>) -> (!torch.vtensor<[2],f32>, !torch.vtensor<[4],f32>)
  return %0#0, %0#1 : !torch.vtensor<[2],f32>, !torch.vtensor<[4],f32>
}
