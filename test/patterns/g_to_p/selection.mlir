// RUN: %opt --split-input-file --convert-torch-onnx-to-torch %s | filecheck %s

// OneHot-11+: negative indices wrap by depth; compare with arange(depth) along the axis; a
// depth the declared result does not give is read at run time.
// CHECK-LABEL: func.func @test_onehot_axis1
func.func @test_onehot_axis1(%arg0: !torch.vtensor<[3],si64>, %arg1: !torch.vtensor<[],f32>, %arg2: !torch.vtensor<[2],f32>) -> !torch.vtensor<[3,?],f32> attributes {torch.onnx_meta.opset_version = 11 : si64} {
  // CHECK: %[[D64:.*]] = torch.aten.to.dtype %arg1
  // CHECK: %[[DEPTH:.*]] = torch.aten.item %[[D64]] : !torch.vtensor<[],si64> -> !torch.int
  // CHECK: torch.aten.lt.Scalar %arg0
  // CHECK: torch.aten.add.Scalar %arg0, %[[DEPTH]]
  // CHECK: %[[W:.*]] = torch.aten.where.self
  // CHECK: %[[U:.*]] = torch.aten.unsqueeze %[[W]]
  // CHECK: %[[R:.*]] = torch.aten.arange %[[DEPTH]]
  // CHECK: %[[RR:.*]] = torch.aten.reshape %[[R]]
  // CHECK: %[[HIT:.*]] = torch.aten.eq.Tensor %[[U]], %[[RR]] : !torch.vtensor<[3,1],si64>, !torch.vtensor<[1,?],si64> -> !torch.vtensor<[3,?],i1>
  // CHECK: %[[OFF:.*]] = torch.aten.select.int %{{.*}} -> !torch.vtensor<[],f32>
  // CHECK: %[[ON:.*]] = torch.aten.select.int %{{.*}} -> !torch.vtensor<[],f32>
  // CHECK: torch.aten.where.self %[[HIT]], %[[ON]], %[[OFF]]
  %0 = torch.operator "onnx.OneHot"(%arg0, %arg1, %arg2) {torch.onnx.axis = 1 : si64} : (!torch.vtensor<[3],si64>, !torch.vtensor<[],f32>, !torch.vtensor<[2],f32>) -> !torch.vtensor<[3,?],f32>
  return %0 : !torch.vtensor<[3,?],f32>
}

// -----

// OneHot-9: no wrapping of negative indices (they are out of range: all off); constant depth.
// CHECK-LABEL: func.func @test_onehot_v9_const_depth
func.func @test_onehot_v9_const_depth(%arg0: !torch.vtensor<[2,2],f32>, %arg1: !torch.vtensor<[2],si32>) -> !torch.vtensor<[2,2,5],si32> attributes {torch.onnx_meta.opset_version = 9 : si64} {
  // CHECK: %[[I:.*]] = torch.aten.to.dtype %arg0
  // CHECK-NOT: torch.aten.where.self
  // CHECK: %[[U:.*]] = torch.aten.unsqueeze %[[I]]
  // CHECK: torch.aten.eq.Tensor %[[U]], %{{.*}} : !torch.vtensor<[2,2,1],si64>, !torch.vtensor<[1,1,5],si64> -> !torch.vtensor<[2,2,5],i1>
  // CHECK: torch.aten.where.self
  %0 = torch.operator "onnx.Constant"() {torch.onnx.value = dense<5.0> : tensor<f32>} : () -> !torch.vtensor<[],f32>
  %1 = torch.operator "onnx.OneHot"(%arg0, %0, %arg1) : (!torch.vtensor<[2,2],f32>, !torch.vtensor<[],f32>, !torch.vtensor<[2],si32>) -> !torch.vtensor<[2,2,5],si32>
  return %1 : !torch.vtensor<[2,2,5],si32>
}

// -----

// CHECK-LABEL: func.func @test_nonzero
func.func @test_nonzero(%arg0: !torch.vtensor<[2,2],i1>) -> !torch.vtensor<[2,?],si64> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: %[[NZ:.*]] = torch.aten.nonzero %arg0 : !torch.vtensor<[2,2],i1> -> !torch.vtensor<[?,2],si64>
  // CHECK: torch.aten.transpose.int %[[NZ]], %{{.*}}, %{{.*}} : !torch.vtensor<[?,2],si64>, !torch.int, !torch.int -> !torch.vtensor<[2,?],si64>
  %0 = torch.operator "onnx.NonZero"(%arg0) : (!torch.vtensor<[2,2],i1>) -> !torch.vtensor<[2,?],si64>
  return %0 : !torch.vtensor<[2,?],si64>
}

// -----

// NonZero-9 is the same op.
// CHECK-LABEL: func.func @test_nonzero_v9
func.func @test_nonzero_v9(%arg0: !torch.vtensor<[3],f32>) -> !torch.vtensor<[1,?],si64> attributes {torch.onnx_meta.opset_version = 9 : si64} {
  // CHECK: torch.aten.nonzero %arg0
  // CHECK: torch.aten.transpose.int
  %0 = torch.operator "onnx.NonZero"(%arg0) : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[1,?],si64>
  return %0 : !torch.vtensor<[1,?],si64>
}

// -----

// One (batch, class): nms, the kept boxes above score_threshold, at most max_output per class.
// CHECK-LABEL: func.func @test_nms_single_class
func.func @test_nms_single_class(%arg0: !torch.vtensor<[1,6,4],f32>, %arg1: !torch.vtensor<[1,1,6],f32>, %arg2: !torch.vtensor<[1],si64>, %arg3: !torch.vtensor<[1],f32>, %arg4: !torch.vtensor<[1],f32>) -> !torch.vtensor<[?,3],si64> attributes {torch.onnx_meta.opset_version = 11 : si64} {
  // CHECK: %[[MAX:.*]] = torch.aten.item %{{.*}} : !torch.vtensor<[1],si64> -> !torch.int
  // CHECK: %[[IOU:.*]] = torch.aten.item %{{.*}} : !torch.vtensor<[1],f64> -> !torch.float
  // CHECK: %[[BX:.*]] = torch.aten.select.int %arg0
  // CHECK: %[[SB:.*]] = torch.aten.select.int %arg1
  // CHECK: %[[SC:.*]] = torch.aten.select.int %[[SB]]
  // CHECK: %[[KEEP:.*]] = torch.torchvision.nms %[[BX]], %[[SC]], %[[IOU]] : !torch.vtensor<[6,4],f32>, !torch.vtensor<[6],f32>, !torch.float -> !torch.vtensor<[?],si64>
  // CHECK: torch.aten.gt.Tensor
  // CHECK: torch.aten.nonzero
  // CHECK: %[[K2:.*]] = torch.aten.index_select %[[KEEP]]
  // CHECK: %[[N:.*]] = torch.prim.min.int %{{.*}}, %[[MAX]]
  // CHECK: %[[K3:.*]] = torch.aten.slice.Tensor %[[K2]], %{{.*}}, %{{.*}}, %[[N]]
  // CHECK: torch.aten.stack
  %0 = torch.operator "onnx.NonMaxSuppression"(%arg0, %arg1, %arg2, %arg3, %arg4) : (!torch.vtensor<[1,6,4],f32>, !torch.vtensor<[1,1,6],f32>, !torch.vtensor<[1],si64>, !torch.vtensor<[1],f32>, !torch.vtensor<[1],f32>) -> !torch.vtensor<[?,3],si64>
  return %0 : !torch.vtensor<[?,3],si64>
}

// -----

// Two classes, center_point_box=1, NMS-10, no score_threshold: one nms in a loop over the
// (batch, class) pairs, each writing its rows into its slots of a buffer compacted at the end.
// CHECK-LABEL: func.func @test_nms_two_classes_center
func.func @test_nms_two_classes_center(%arg0: !torch.vtensor<[1,6,4],f32>, %arg1: !torch.vtensor<[1,2,6],f32>, %arg2: !torch.vtensor<[1],si64>) -> !torch.vtensor<[?,3],si64> attributes {torch.onnx_meta.opset_version = 10 : si64} {
  // CHECK: %[[INIT:.*]] = torch.aten.full {{.*}} -> !torch.vtensor<[12,3],si64>
  // CHECK: %[[BUF:.*]] = torch.prim.Loop %{{.*}}, %{{.*}}, init(%[[INIT]]) {
  // CHECK: ^bb0(%[[G:.*]]: !torch.int, %[[ACC:.*]]: !torch.vtensor<[12,3],si64>):
  // CHECK: %[[BI:.*]] = torch.aten.floordiv.int %[[G]]
  // CHECK: %[[CI:.*]] = torch.aten.remainder.int %[[G]]
  // CHECK: torch.aten.select.int %arg0, %{{.*}}, %[[BI]]
  // CHECK: torch.aten.div.Scalar
  // CHECK: %[[BX:.*]] = torch.aten.cat {{.*}} -> !torch.vtensor<[6,4],f32>
  // CHECK: torch.torchvision.nms %[[BX]]
  // CHECK-NOT: torch.torchvision.nms
  // CHECK: %[[ROWS:.*]] = torch.aten.stack
  // CHECK: %[[NEW:.*]] = torch.aten.slice_scatter %[[ACC]], %[[ROWS]]
  // CHECK: torch.prim.Loop.condition %{{.*}}, iter(%[[NEW]] : !torch.vtensor<[12,3],si64>)
  // CHECK: torch.aten.ge.Scalar
  // CHECK: torch.aten.nonzero
  // CHECK: torch.aten.index_select %[[BUF]]
  %0 = torch.operator "onnx.NonMaxSuppression"(%arg0, %arg1, %arg2) {torch.onnx.center_point_box = 1 : si64} : (!torch.vtensor<[1,6,4],f32>, !torch.vtensor<[1,2,6],f32>, !torch.vtensor<[1],si64>) -> !torch.vtensor<[?,3],si64>
  return %0 : !torch.vtensor<[?,3],si64>
}

// -----

// Without max_output_boxes_per_class (default 0) nothing is selected.
// CHECK-LABEL: func.func @test_nms_no_max_output
func.func @test_nms_no_max_output(%arg0: !torch.vtensor<[1,6,4],f32>, %arg1: !torch.vtensor<[1,1,6],f32>) -> !torch.vtensor<[?,3],si64> attributes {torch.onnx_meta.opset_version = 11 : si64} {
  // CHECK: torch.aten.empty.memory_format {{.*}} -> !torch.vtensor<[0,3],si64>
  // CHECK-NOT: torch.torchvision.nms
  %0 = torch.operator "onnx.NonMaxSuppression"(%arg0, %arg1) : (!torch.vtensor<[1,6,4],f32>, !torch.vtensor<[1,1,6],f32>) -> !torch.vtensor<[?,3],si64>
  return %0 : !torch.vtensor<[?,3],si64>
}

// -----

// Two NMS ops in one function: the second one's nms gets a box count of its own.
// CHECK-LABEL: func.func @test_nms_two_ops
func.func @test_nms_two_ops(%arg0: !torch.vtensor<[1,6,4],f32>, %arg1: !torch.vtensor<[1,1,6],f32>, %arg2: !torch.vtensor<[1],si64>) -> (!torch.vtensor<[?,3],si64>, !torch.vtensor<[?,3],si64>) attributes {torch.onnx_meta.opset_version = 11 : si64} {
  // CHECK: torch.torchvision.nms {{.*}} : !torch.vtensor<[6,4],f32>, !torch.vtensor<[6],f32>
  // CHECK: torch.torchvision.nms {{.*}} : !torch.vtensor<[7,4],f32>, !torch.vtensor<[7],f32>
  %0 = torch.operator "onnx.NonMaxSuppression"(%arg0, %arg1, %arg2) : (!torch.vtensor<[1,6,4],f32>, !torch.vtensor<[1,1,6],f32>, !torch.vtensor<[1],si64>) -> !torch.vtensor<[?,3],si64>
  %1 = torch.operator "onnx.NonMaxSuppression"(%arg0, %arg1, %arg2) : (!torch.vtensor<[1,6,4],f32>, !torch.vtensor<[1,1,6],f32>, !torch.vtensor<[1],si64>) -> !torch.vtensor<[?,3],si64>
  return %0, %1 : !torch.vtensor<[?,3],si64>, !torch.vtensor<[?,3],si64>
}

// -----

// A run-time depth that the declared result gives is not read.
// CHECK-LABEL: func.func @test_onehot_runtime_depth_declared
func.func @test_onehot_runtime_depth_declared(%arg0: !torch.vtensor<[3],si64>, %arg1: !torch.vtensor<[],si64>, %arg2: !torch.vtensor<[2],f32>) -> !torch.vtensor<[3,10],f32> attributes {torch.onnx_meta.opset_version = 11 : si64} {
  // CHECK-NOT: torch.aten.item
  // CHECK: torch.aten.arange %int10
  // CHECK: torch.aten.eq.Tensor {{.*}} -> !torch.vtensor<[3,10],i1>
  %0 = torch.operator "onnx.OneHot"(%arg0, %arg1, %arg2) : (!torch.vtensor<[3],si64>, !torch.vtensor<[],si64>, !torch.vtensor<[2],f32>) -> !torch.vtensor<[3,10],f32>
  return %0 : !torch.vtensor<[3,10],f32>
}
