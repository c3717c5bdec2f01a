// RUN: %opt --split-input-file --convert-torch-onnx-to-torch %s | filecheck %s

// Scatter-9 is ScatterElements without reduction.
// CHECK-LABEL: func.func @test_scatter_v9
func.func @test_scatter_v9(%arg0: !torch.vtensor<[3,3],f32>, %arg1: !torch.vtensor<[2,3],si64>, %arg2: !torch.vtensor<[2,3],f32>) -> !torch.vtensor<[3,3],f32> attributes {torch.onnx_meta.opset_version = 9 : si64} {
  // CHECK: %[[W:.*]] = torch.aten.where.self
  // CHECK: torch.aten.scatter.src %arg0, %{{.*}}, %[[W]], %arg2 : !torch.vtensor<[3,3],f32>, !torch.int, !torch.vtensor<[2,3],si64>, !torch.vtensor<[2,3],f32> -> !torch.vtensor<[3,3],f32>
  %0 = torch.operator "onnx.Scatter"(%arg0, %arg1, %arg2) : (!torch.vtensor<[3,3],f32>, !torch.vtensor<[2,3],si64>, !torch.vtensor<[2,3],f32>) -> !torch.vtensor<[3,3],f32>
  return %0 : !torch.vtensor<[3,3],f32>
}

// -----

// ScatterElements-11, negative axis, run-time negative indices wrapped.
// CHECK-LABEL: func.func @test_scatter_elements_v11
func.func @test_scatter_elements_v11(%arg0: !torch.vtensor<[1,5],f32>, %arg1: !torch.vtensor<[1,2],si32>, %arg2: !torch.vtensor<[1,2],f32>) -> !torch.vtensor<[1,5],f32> attributes {torch.onnx_meta.opset_version = 11 : si64} {
  // CHECK: %[[I:.*]] = torch.aten.to.dtype %arg1
  // CHECK: %[[NEG:.*]] = torch.aten.lt.Scalar %[[I]]
  // CHECK: %[[AX:.*]] = torch.constant.int 1
  // CHECK: %[[W:.*]] = torch.aten.where.self %[[NEG]]
  // CHECK: torch.aten.scatter.src %arg0, %{{.*}}, %[[W]], %arg2
  %0 = torch.operator "onnx.ScatterElements"(%arg0, %arg1, %arg2) {torch.onnx.axis = -1 : si64} : (!torch.vtensor<[1,5],f32>, !torch.vtensor<[1,2],si32>, !torch.vtensor<[1,2],f32>) -> !torch.vtensor<[1,5],f32>
  return %0 : !torch.vtensor<[1,5],f32>
}

// -----

// ScatterElements-16 reduction add -> scatter_reduce "sum" including self.
// CHECK-LABEL: func.func @test_scatter_elements_add
func.func @test_scatter_elements_add(%arg0: !torch.vtensor<[1,5],f32>, %arg1: !torch.vtensor<[1,2],si64>, %arg2: !torch.vtensor<[1,2],f32>) -> !torch.vtensor<[1,5],f32> attributes {torch.onnx_meta.opset_version = 16 : si64} {
  // CHECK: %[[R:.*]] = torch.constant.str "sum"
  // CHECK: %[[T:.*]] = torch.constant.bool true
  // CHECK: torch.aten.scatter_reduce.two %arg0, %{{.*}}, %{{.*}}, %arg2, %[[R]], %[[T]]
  %0 = torch.operator "onnx.ScatterElements"(%arg0, %arg1, %arg2) {torch.onnx.axis = 1 : si64, torch.onnx.reduction = "add"} : (!torch.vtensor<[1,5],f32>, !torch.vtensor<[1,2],si64>, !torch.vtensor<[1,2],f32>) -> !torch.vtensor<[1,5],f32>
  return %0 : !torch.vtensor<[1,5],f32>
}

// -----

// ScatterElements-18 reduction max -> "amax"; constant non-negative indices need no wrapping.
// CHECK-LABEL: func.func @test_scatter_elements_max
func.func @test_scatter_elements_max(%arg0: !torch.vtensor<[1,5],f32>, %arg1: !torch.vtensor<[1,2],f32>) -> !torch.vtensor<[1,5],f32> attributes {torch.onnx_meta.opset_version = 18 : si64} {
  // CHECK-NOT: torch.aten.where.self
  // CHECK: %[[R:.*]] = torch.constant.str "amax"
  // CHECK: torch.aten.scatter_reduce.two %arg0, %{{.*}}, %{{.*}}, %arg1, %[[R]]
  %idx = torch.operator "onnx.Constant"() {torch.onnx.value = dense<[[1, 1]]> : tensor<1x2xsi64>} : () -> !torch.vtensor<[1,2],si64>
  %0 = torch.operator "onnx.ScatterElements"(%arg0, %idx, %arg1) {torch.onnx.axis = 1 : si64, torch.onnx.reduction = "max"} : (!torch.vtensor<[1,5],f32>, !torch.vtensor<[1,2],si64>, !torch.vtensor<[1,2],f32>) -> !torch.vtensor<[1,5],f32>
  return %0 : !torch.vtensor<[1,5],f32>
}

// -----

// ScatterND-11: the index tuples become row numbers of data reshaped to [rows, rest].
// CHECK-LABEL: func.func @test_scatternd_tuples
func.func @test_scatternd_tuples(%arg0: !torch.vtensor<[2,2],f32>, %arg1: !torch.vtensor<[2,2],si64>, %arg2: !torch.vtensor<[2],f32>) -> !torch.vtensor<[2,2],f32> attributes {torch.onnx_meta.opset_version = 11 : si64} {
  // CHECK: %[[C0:.*]] = torch.aten.where.self
  // CHECK: %[[S0:.*]] = torch.aten.mul.Scalar %[[C0]]
  // CHECK: %[[C1:.*]] = torch.aten.where.self
  // CHECK: %[[LIN:.*]] = torch.aten.add.Tensor %[[S0]], %[[C1]]
  // CHECK: %[[LR:.*]] = torch.aten.reshape %[[LIN]]
  // CHECK: %[[IDX:.*]] = torch.aten.expand %[[LR]], {{.*}} -> !torch.vtensor<[2,1],si64>
  // CHECK: %[[D:.*]] = torch.aten.reshape %arg0, {{.*}} -> !torch.vtensor<[4,1],f32>
  // CHECK: %[[U:.*]] = torch.aten.reshape %arg2, {{.*}} -> !torch.vtensor<[2,1],f32>
  // CHECK: %[[S:.*]] = torch.aten.scatter.src %[[D]], %{{.*}}, %[[IDX]], %[[U]]
  // CHECK: torch.aten.reshape %[[S]], {{.*}} -> !torch.vtensor<[2,2],f32>
  %0 = torch.operator "onnx.ScatterND"(%arg0, %arg1, %arg2) : (!torch.vtensor<[2,2],f32>, !torch.vtensor<[2,2],si64>, !torch.vtensor<[2],f32>) -> !torch.vtensor<[2,2],f32>
  return %0 : !torch.vtensor<[2,2],f32>
}

// -----

// ScatterND-18 reduction mul on slices.
// CHECK-LABEL: func.func @test_scatternd_mul
func.func @test_scatternd_mul(%arg0: !torch.vtensor<[4,4,4],f32>, %arg1: !torch.vtensor<[2,1],si64>, %arg2: !torch.vtensor<[2,4,4],f32>) -> !torch.vtensor<[4,4,4],f32> attributes {torch.onnx_meta.opset_version = 18 : si64} {
  // CHECK: torch.aten.expand {{.*}} -> !torch.vtensor<[2,16],si64>
  // CHECK: %[[R:.*]] = torch.constant.str "prod"
  // CHECK: torch.aten.scatter_reduce.two {{.*}}, %[[R]], {{.*}} -> !torch.vtensor<[4,16],f32>
  %0 = torch.operator "onnx.ScatterND"(%arg0, %arg1, %arg2) {torch.onnx.reduction = "mul"} : (!torch.vtensor<[4,4,4],f32>, !torch.vtensor<[2,1],si64>, !torch.vtensor<[2,4,4],f32>) -> !torch.vtensor<[4,4,4],f32>
  return %0 : !torch.vtensor<[4,4,4],f32>
}

// -----

// TensorScatter-24 circular: positions (write_indices[b] + arange(seq)) % max_seq.
// CHECK-LABEL: func.func @test_tensorscatter_circular
func.func @test_tensorscatter_circular(%arg0: !torch.vtensor<[2,1,4,5],f32>, %arg1: !torch.vtensor<[2,1,2,5],f32>, %arg2: !torch.vtensor<[2],si64>) -> !torch.vtensor<[2,1,4,5],f32> attributes {torch.onnx_meta.opset_version = 24 : si64} {
  // CHECK: torch.aten.arange
  // CHECK: %[[P:.*]] = torch.aten.add.Tensor {{.*}} -> !torch.vtensor<[2,1,2,1],si64>
  // CHECK: %[[M:.*]] = torch.aten.remainder.Scalar %[[P]]
  // CHECK: %[[E:.*]] = torch.aten.expand %[[M]], {{.*}} -> !torch.vtensor<[2,1,2,5],si64>
  // CHECK: torch.aten.scatter.src %arg0, %{{.*}}, %[[E]], %arg1
  %0 = torch.operator "onnx.TensorScatter"(%arg0, %arg1, %arg2) {torch.onnx.mode = "circular"} : (!torch.vtensor<[2,1,4,5],f32>, !torch.vtensor<[2,1,2,5],f32>, !torch.vtensor<[2],si64>) -> !torch.vtensor<[2,1,4,5],f32>
  return %0 : !torch.vtensor<[2,1,4,5],f32>
}

// -----

// TensorScatter-24 linear without write_indices: positions arange(seq) along axis 1.
// CHECK-LABEL: func.func @test_tensorscatter_prefill
func.func @test_tensorscatter_prefill(%arg0: !torch.vtensor<[3,4,5],f32>, %arg1: !torch.vtensor<[3,2,5],f32>) -> !torch.vtensor<[3,4,5],f32> attributes {torch.onnx_meta.opset_version = 24 : si64} {
  // CHECK: torch.aten.arange
  // CHECK-NOT: torch.aten.remainder.Scalar
  // CHECK: %[[E:.*]] = torch.aten.expand {{.*}} -> !torch.vtensor<[3,2,5],si64>
  // CHECK: torch.aten.scatter.src %arg0, %{{.*}}, %[[E]], %arg1
  %none = torch.constant.none
  %0 = torch.operator "onnx.TensorScatter"(%arg0, %arg1, %none) : (!torch.vtensor<[3,4,5],f32>, !torch.vtensor<[3,2,5],f32>, !torch.none) -> !torch.vtensor<[3,4,5],f32>
  return %0 : !torch.vtensor<[3,4,5],f32>
}
