// RUN: %opt --split-input-file --convert-torch-onnx-to-torch %s | filecheck %s

// One state and one scan input along axis 0: a for-like loop over its length, a select per
// iteration, the scan output preallocated and filled row by row.
// CHECK-LABEL: func.func @test_scan9_sum
func.func @test_scan9_sum(%arg0: !torch.vtensor<[2],f32>, %arg1: !torch.vtensor<[3,2],f32>) -> (!torch.vtensor<[2],f32>, !torch.vtensor<[3,2],f32>) attributes {torch.onnx_meta.opset_version = 9 : si64} {
  // CHECK: %[[T:.*]] = torch.constant.int 3
  // CHECK: %[[ACC:.*]] = torch.aten.zeros {{.*}} -> !torch.vtensor<[?,2],f32>
  // CHECK: %[[L:.*]]:2 = torch.prim.Loop %[[T]], %{{.*}}, init(%arg0, %[[ACC]]) {
  // CHECK: ^bb0(%[[I:.*]]: !torch.int, %[[S:.*]]: !torch.vtensor<[2],f32>, %[[A:.*]]: !torch.vtensor<[?,2],f32>):
  // CHECK:   %[[X:.*]] = torch.aten.select.int %arg1, %{{.*}}, %[[I]] : !torch.vtensor<[3,2],f32>, !torch.int, !torch.int -> !torch.vtensor<[2],f32>
  // CHECK:   %[[Y:.*]] = torch.aten.add.Tensor %[[S]], %[[X]]
  // CHECK:   %[[R:.*]] = torch.aten.unsqueeze %[[Y]]
  // CHECK:   %[[A2:.*]] = torch.aten.slice_scatter %[[A]], %[[R]], %{{.*}}, %[[I]]
  // CHECK:   torch.prim.Loop.condition %{{.*}}, iter(%[[Y]], %[[A2]]
  // CHECK: %[[OUT:.*]] = torch.tensor_static_info_cast %[[L]]#1 : !torch.vtensor<[?,2],f32> to !torch.vtensor<[3,2],f32>
  // CHECK: return %[[L]]#0, %[[OUT]]
  %0:2 = torch.operator "onnx.Scan"(%arg0, %arg1) {torch.onnx.num_scan_inputs = 1 : si64} : (!torch.vtensor<[2],f32>, !torch.vtensor<[3,2],f32>) -> (!torch.vtensor<[2],f32>, !torch.vtensor<[3,2],f32>) {
  ^bb0(%arg2: !torch.vtensor<[2],f32>, %arg3: !torch.vtensor<[2],f32>):
    %1 = torch.operator "onnx.Add"(%arg2, %arg3) : (!torch.vtensor<[2],f32>, !torch.vtensor<[2],f32>) -> !torch.vtensor<[2],f32>
    torch.operator_terminator %1, %1 : !torch.vtensor<[2],f32>, !torch.vtensor<[2],f32>
  }
  return %0#0, %0#1 : !torch.vtensor<[2],f32>, !torch.vtensor<[3,2],f32>
}

// -----

// Scan input along axis 1, read backwards; the output written backwards and laid along axis 1.
// CHECK-LABEL: func.func @test_scan_axes_directions
func.func @test_scan_axes_directions(%arg0: !torch.vtensor<[2],f32>, %arg1: !torch.vtensor<[2,4],f32>) -> (!torch.vtensor<[2],f32>, !torch.vtensor<[2,4],f32>) attributes {torch.onnx_meta.opset_version = 16 : si64} {
  // CHECK: %[[T:.*]] = torch.constant.int 4
  // CHECK: %[[LAST:.*]] = torch.aten.sub.int %[[T]]
  // CHECK: %[[L:.*]]:2 = torch.prim.Loop %[[T]]
  // CHECK: ^bb0(%[[I:.*]]: !torch.int,
  // CHECK:   %[[BACK:.*]] = torch.aten.sub.int %[[LAST]], %[[I]]
  // CHECK:   torch.aten.select.int %arg1, %{{.*}}, %[[BACK]] : !torch.vtensor<[2,4],f32>
  // CHECK:   torch.aten.slice_scatter %{{.*}}, %{{.*}}, %{{.*}}, %[[BACK]]
  // CHECK: %[[P:.*]] = torch.aten.permute %[[L]]#1, %{{.*}} -> !torch.vtensor<[2,?],f32>
  // CHECK: torch.tensor_static_info_cast %[[P]] : !torch.vtensor<[2,?],f32> to !torch.vtensor<[2,4],f32>
  %0:2 = torch.operator "onnx.Scan"(%arg0, %arg1) {torch.onnx.num_scan_inputs = 1 : si64, torch.onnx.scan_input_axes = [1 : si64], torch.onnx.scan_input_directions = [1 : si64], torch.onnx.scan_output_axes = [-1 : si64], torch.onnx.scan_output_directions = [1 : si64]} : (!torch.vtensor<[2],f32>, !torch.vtensor<[2,4],f32>) -> (!torch.vtensor<[2],f32>, !torch.vtensor<[2,4],f32>) {
  ^bb0(%arg2: !torch.vtensor<[2],f32>, %arg3: !torch.vtensor<[2],f32>):
    %1 = torch.operator "onnx.Mul"(%arg2, %arg3) : (!torch.vtensor<[2],f32>, !torch.vtensor<[2],f32>) -> !torch.vtensor<[2],f32>
    torch.operator_terminator %1, %arg3 : !torch.vtensor<[2],f32>, !torch.vtensor<[2],f32>
  }
  return %0#0, %0#1 : !torch.vtensor<[2],f32>, !torch.vtensor<[2,4],f32>
}

// -----

// Scan-8: a batch of 1 is squeezed, scanned, and put back.
// CHECK-LABEL: func.func @test_scan8_batch1
func.func @test_scan8_batch1(%arg0: !torch.vtensor<[1,2],f32>, %arg1: !torch.vtensor<[1,3,2],f32>) -> (!torch.vtensor<[1,2],f32>, !torch.vtensor<[1,3,2],f32>) attributes {torch.onnx_meta.opset_version = 8 : si64} {
  // CHECK: %[[S0:.*]] = torch.aten.squeeze.dim %arg0
  // CHECK: %[[X:.*]] = torch.aten.squeeze.dim %arg1
  // CHECK: %[[L:.*]]:2 = torch.prim.Loop %{{.*}}, %{{.*}}, init(%[[S0]], %{{.*}})
  // CHECK:   torch.aten.select.int %[[X]]
  // CHECK: torch.aten.unsqueeze %[[L]]#0
  // CHECK: torch.aten.unsqueeze %[[L]]#1
  %none = torch.constant.none
  %0:2 = torch.operator "onnx.Scan"(%none, %arg0, %arg1) {torch.onnx.num_scan_inputs = 1 : si64} : (!torch.none, !torch.vtensor<[1,2],f32>, !torch.vtensor<[1,3,2],f32>) -> (!torch.vtensor<[1,2],f32>, !torch.vtensor<[1,3,2],f32>) {
  ^bb0(%arg2: !torch.vtensor<[2],f32>, %arg3: !torch.vtensor<[2],f32>):
    %1 = torch.operator "onnx.Add"(%arg2, %arg3) : (!torch.vtensor<[2],f32>, !torch.vtensor<[2],f32>) -> !torch.vtensor<[2],f32>
    torch.operator_terminator %1, %1 : !torch.vtensor<[2],f32>, !torch.vtensor<[2],f32>
  }
  return %0#0, %0#1 : !torch.vtensor<[1,2],f32>, !torch.vtensor<[1,3,2],f32>
}

// -----

// Scan body arguments typed rank 0 (no inferred shape) take the state's type and the scan
// input's type without its scan axis before the body is converted.
// CHECK-LABEL: func.func @test_scan_untyped_body
func.func @test_scan_untyped_body(%arg0: !torch.vtensor<[2],f32>, %arg1: !torch.vtensor<[3,2],f32>) -> !torch.vtensor<[2],f32> attributes {torch.onnx_meta.opset_version = 16 : si64} {
  // CHECK: ^bb0(%{{.*}}: !torch.int, %[[S:.*]]: !torch.vtensor<[2],f32>):
  // CHECK:   %[[X:.*]] = torch.aten.select.int %arg1, {{.*}} -> !torch.vtensor<[2],f32>
  // CHECK:   torch.aten.add.Tensor %[[S]], %[[X]], %{{.*}} : !torch.vtensor<[2],f32>, !torch.vtensor<[2],f32>, !torch.int -> !torch.vtensor<[2],f32>
  %0 = torch.operator "onnx.Scan"(%arg0, %arg1) {torch.onnx.num_scan_inputs = 1 : si64} : (!torch.vtensor<[2],f32>, !torch.vtensor<[3,2],f32>) -> !torch.vtensor<[2],f32> {
  ^bb0(%arg2: !torch.vtensor<[],f32>, %arg3: !torch.vtensor<[],f32>):
    %1 = torch.operator "onnx.Add"(%arg2, %arg3) : (!torch.vtensor<[],f32>, !torch.vtensor<[],f32>) -> !torch.vtensor<[2],f32>
    torch.operator_terminator %1 : !torch.vtensor<[2],f32>
  }
  return %0 : !torch.vtensor<[2],f32>
}
