// RUN: %opt --split-input-file --convert-torch-onnx-to-torch %s | filecheck %s

// Run-time indices: negatives wrapped with where(idx < 0, idx + dim, idx), flattened for
// index_select, reshaped to data[:axis] + indices + data[axis+1:].
// CHECK-LABEL: func.func @test_gather_runtime_indices
func.func @test_gather_runtime_indices(%arg0: !torch.vtensor<[?,4],f32>, %arg1: !torch.vtensor<[2,3],si32>) -> !torch.vtensor<[2,3,4],f32> attributes {torch.onnx_meta.opset_version = 11 : si64} {
  // CHECK: %[[DIM:.*]] = torch.aten.size.int %arg0
  // CHECK: %[[I64:.*]] = torch.aten.to.dtype %arg1
  // CHECK: %[[NEG:.*]] = torch.aten.lt.Scalar %[[I64]]
  // CHECK: %[[ADD:.*]] = torch.aten.add.Scalar %[[I64]], %[[DIM]]
  // CHECK: %[[W:.*]] = torch.aten.where.self %[[NEG]], %[[ADD]], %[[I64]]
  // CHECK: %[[FLAT:.*]] = torch.aten.reshape %[[W]]
  // CHECK: %[[SEL:.*]] = torch.aten.index_select %arg0, %{{.*}}, %[[FLAT]] : !torch.vtensor<[?,4],f32>, !torch.int, !torch.vtensor<[6],si64> -> !torch.vtensor<[6,4],f32>
  // CHECK: torch.aten.reshape %[[SEL]], %{{.*}} -> !torch.vtensor<[2,3,4],f32>
  %0 = torch.operator "onnx.Gather"(%arg0, %arg1) : (!torch.vtensor<[?,4],f32>, !torch.vtensor<[2,3],si32>) -> !torch.vtensor<[2,3,4],f32>
  return %0 : !torch.vtensor<[2,3,4],f32>
}

// -----

// Gather-1 along axis 1 with 1-D indices: no reshape.
// CHECK-LABEL: func.func @test_gather_v1_axis1
func.func @test_gather_v1_axis1(%arg0: !torch.vtensor<[5,4,3],f32>, %arg1: !torch.vtensor<[3],si64>) -> !torch.vtensor<[5,3,3],f32> attributes {torch.onnx_meta.opset_version = 1 : si64} {
  // CHECK: %[[W:.*]] = torch.aten.where.self
  // CHECK: %[[AX:.*]] = torch.constant.int 1
  // CHECK: torch.aten.index_select %arg0, %[[AX]], %[[W]] : !torch.vtensor<[5,4,3],f32>, !torch.int, !torch.vtensor<[3],si64> -> !torch.vtensor<[5,3,3],f32>
  // CHECK-NOT: torch.aten.reshape
  %0 = torch.operator "onnx.Gather"(%arg0, %arg1) {torch.onnx.axis = 1 : si64} : (!torch.vtensor<[5,4,3],f32>, !torch.vtensor<[3],si64>) -> !torch.vtensor<[5,3,3],f32>
  return %0 : !torch.vtensor<[5,3,3],f32>
}

// -----

// A constant scalar index (Shape -> Gather -> Unsqueeze): wrapped at conversion time, select.int.
// CHECK-LABEL: func.func @test_gather_const_scalar_index
func.func @test_gather_const_scalar_index(%arg0: !torch.vtensor<[4],si64>) -> !torch.vtensor<[],si64> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: %[[AX:.*]] = torch.constant.int 0
  // CHECK: %[[I:.*]] = torch.constant.int 3
  // CHECK: torch.aten.select.int %arg0, %[[AX]], %[[I]] : !torch.vtensor<[4],si64>, !torch.int, !torch.int -> !torch.vtensor<[],si64>
  %0 = torch.operator "onnx.Constant"() {torch.onnx.value = dense<-1> : tensor<si64>} : () -> !torch.vtensor<[],si64>
  %1 = torch.operator "onnx.Gather"(%arg0, %0) {torch.onnx.axis = 0 : si64} : (!torch.vtensor<[4],si64>, !torch.vtensor<[],si64>) -> !torch.vtensor<[],si64>
  return %1 : !torch.vtensor<[],si64>
}

// -----

// Constant data and indices fold to a literal.
// CHECK-LABEL: func.func @test_gather_folded
func.func @test_gather_folded() -> !torch.vtensor<[2],si64> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: %[[L:.*]] = torch.vtensor.literal(dense<[40, 20]> : tensor<2xsi64>) : !torch.vtensor<[2],si64>
  // CHECK-NOT: torch.aten.index_select
  // CHECK: return %[[L]]
  %0 = torch.operator "onnx.Constant"() {torch.onnx.value = dense<[3, -3]> : tensor<2xsi64>} : () -> !torch.vtensor<[2],si64>
  %1 = torch.operator "onnx.Constant"() {torch.onnx.value = dense<[10, 20, 30, 40]> : tensor<4xsi64>} : () -> !torch.vtensor<[4],si64>
  %2 = torch.operator "onnx.Gather"(%1, %0) {torch.onnx.axis = 0 : si64} : (!torch.vtensor<[4],si64>, !torch.vtensor<[2],si64>) -> !torch.vtensor<[2],si64>
  return %2 : !torch.vtensor<[2],si64>
}

// -----

// Constant indices on run-time data: a literal of wrapped indices.
// CHECK-LABEL: func.func @test_gather_const_indices
func.func @test_gather_const_indices(%arg0: !torch.vtensor<[3,5],f32>) -> !torch.vtensor<[3,1,2],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: %[[I:.*]] = torch.vtensor.literal(dense<{{\[\[}}4, 0]]> : tensor<1x2xsi64>)
  // CHECK: %[[F:.*]] = torch.aten.reshape %[[I]]
  // CHECK: torch.aten.index_select %arg0, %{{.*}}, %[[F]]
  %0 = torch.operator "onnx.Constant"() {torch.onnx.value = dense<[[-1, 0]]> : tensor<1x2xsi64>} : () -> !torch.vtensor<[1,2],si64>
  %1 = torch.operator "onnx.Gather"(%arg0, %0) {torch.onnx.axis = 1 : si64} : (!torch.vtensor<[3,5],f32>, !torch.vtensor<[1,2],si64>) -> !torch.vtensor<[3,1,2],f32>
  return %1 : !torch.vtensor<[3,1,2],f32>
}

// -----

// CHECK-LABEL: func.func @test_gather_elements
func.func @test_gather_elements(%arg0: !torch.vtensor<[3,3],f32>, %arg1: !torch.vtensor<[2,3],si64>) -> !torch.vtensor<[2,3],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: %[[W:.*]] = torch.aten.where.self
  // CHECK: %[[AX:.*]] = torch.constant.int 0
  // CHECK: torch.aten.gather %arg0, %[[AX]], %[[W]], %{{.*}} : !torch.vtensor<[3,3],f32>, !torch.int, !torch.vtensor<[2,3],si64>, !torch.bool -> !torch.vtensor<[2,3],f32>
  %0 = torch.operator "onnx.GatherElements"(%arg0, %arg1) {torch.onnx.axis = 0 : si64} : (!torch.vtensor<[3,3],f32>, !torch.vtensor<[2,3],si64>) -> !torch.vtensor<[2,3],f32>
  return %0 : !torch.vtensor<[2,3],f32>
}

// -----

// GatherND-11: the index tuples as row numbers of data reshaped to [rows, rest].
// CHECK-LABEL: func.func @test_gathernd_v11
func.func @test_gathernd_v11(%arg0: !torch.vtensor<[2,2,2],f32>, %arg1: !torch.vtensor<[2,1,2],si64>) -> !torch.vtensor<[2,1,2],f32> attributes {torch.onnx_meta.opset_version = 11 : si64} {
  // CHECK: torch.aten.select.int %arg1, %{{.*}}, %{{.*}} : !torch.vtensor<[2,1,2],si64>, !torch.int, !torch.int -> !torch.vtensor<[2,1],si64>
  // CHECK: %[[W0:.*]] = torch.aten.where.self
  // CHECK: %[[S0:.*]] = torch.aten.mul.Scalar %[[W0]]
  // CHECK: torch.aten.select.int %arg1
  // CHECK: %[[W1:.*]] = torch.aten.where.self
  // CHECK: %[[LIN:.*]] = torch.aten.add.Tensor %[[S0]], %[[W1]]
  // CHECK: %[[D:.*]] = torch.aten.reshape %arg0, {{.*}} -> !torch.vtensor<[4,2],f32>
  // CHECK: %[[F:.*]] = torch.aten.reshape %[[LIN]], {{.*}} -> !torch.vtensor<[2],si64>
  // CHECK: %[[P:.*]] = torch.aten.index_select %[[D]], %{{.*}}, %[[F]] : !torch.vtensor<[4,2],f32>, !torch.int, !torch.vtensor<[2],si64> -> !torch.vtensor<[2,2],f32>
  // CHECK: torch.aten.reshape %[[P]], {{.*}} -> !torch.vtensor<[2,1,2],f32>
  %0 = torch.operator "onnx.GatherND"(%arg0, %arg1) : (!torch.vtensor<[2,2,2],f32>, !torch.vtensor<[2,1,2],si64>) -> !torch.vtensor<[2,1,2],f32>
  return %0 : !torch.vtensor<[2,1,2],f32>
}

// -----

// GatherND-13 with batch_dims=1: the batch position (an arange) times the rows per batch.
// CHECK-LABEL: func.func @test_gathernd_batch_dims
func.func @test_gathernd_batch_dims(%arg0: !torch.vtensor<[2,2,2],si32>, %arg1: !torch.vtensor<[2,1],si64>) -> !torch.vtensor<[2,2],si32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: %[[W:.*]] = torch.aten.where.self
  // CHECK: %[[R:.*]] = torch.aten.arange
  // CHECK: %[[RR:.*]] = torch.aten.reshape %[[R]]
  // CHECK: %[[B:.*]] = torch.aten.mul.Scalar %[[RR]]
  // CHECK: %[[LIN:.*]] = torch.aten.add.Tensor %[[W]], %[[B]]
  // CHECK: %[[D:.*]] = torch.aten.reshape %arg0, {{.*}} -> !torch.vtensor<[4,2],si32>
  // CHECK: torch.aten.index_select %[[D]], %{{.*}}, %[[LIN]] : !torch.vtensor<[4,2],si32>, !torch.int, !torch.vtensor<[2],si64> -> !torch.vtensor<[2,2],si32>
  %0 = torch.operator "onnx.GatherND"(%arg0, %arg1) {torch.onnx.batch_dims = 1 : si64} : (!torch.vtensor<[2,2,2],si32>, !torch.vtensor<[2,1],si64>) -> !torch.vtensor<[2,2],si32>
  return %0 : !torch.vtensor<[2,2],si32>
}

// -----

// A constant negative scalar index on a dynamic dim: wrapped with add.int on the size.
// CHECK-LABEL: func.func @test_gather_const_scalar_dynamic_dim
func.func @test_gather_const_scalar_dynamic_dim(%arg0: !torch.vtensor<[?,3],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: %[[N:.*]] = torch.aten.size.int %arg0
  // CHECK: %[[M1:.*]] = torch.constant.int -1
  // CHECK: %[[I:.*]] = torch.aten.add.int %[[N]], %[[M1]]
  // CHECK: torch.aten.select.int %arg0, %{{.*}}, %[[I]] : !torch.vtensor<[?,3],f32>, !torch.int, !torch.int -> !torch.vtensor<[3],f32>
  %0 = torch.operator "onnx.Constant"() {torch.onnx.value = dense<-1> : tensor<si64>} : () -> !torch.vtensor<[],si64>
  %1 = torch.operator "onnx.Gather"(%arg0, %0) : (!torch.vtensor<[?,3],f32>, !torch.vtensor<[],si64>) -> !torch.vtensor<[3],f32>
  return %1 : !torch.vtensor<[3],f32>
}
