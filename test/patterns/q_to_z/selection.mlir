// RUN: %opt --split-input-file --convert-torch-onnx-to-torch %s | filecheck %s

// TopK-1: k as an attribute, axis defaults to -1.
// CHECK-LABEL: func.func @test_topk_v1
func.func @test_topk_v1(%arg0: !torch.vtensor<[3,4],f32>) -> (!torch.vtensor<[3,2],f32>, !torch.vtensor<[3,2],si64>) attributes {torch.onnx_meta.opset_version = 1 : si64} {
  // CHECK: %[[K:.*]] = torch.constant.int 2
  // CHECK: %[[AX:.*]] = torch.constant.int 1
  // CHECK: %[[L:.*]] = torch.constant.bool true
  // CHECK: %[[S:.*]] = torch.constant.bool true
  // CHECK: torch.aten.topk %arg0, %[[K]], %[[AX]], %[[L]], %[[S]] : !torch.vtensor<[3,4],f32>, !torch.int, !torch.int, !torch.bool, !torch.bool -> !torch.vtensor<[3,2],f32>, !torch.vtensor<[3,2],si64>
  %0:2 = torch.operator "onnx.TopK"(%arg0) {torch.onnx.k = 2 : si64} : (!torch.vtensor<[3,4],f32>) -> (!torch.vtensor<[3,2],f32>, !torch.vtensor<[3,2],si64>)
  return %0#0, %0#1 : !torch.vtensor<[3,2],f32>, !torch.vtensor<[3,2],si64>
}

// -----

// TopK-10: k as a run-time input.
// CHECK-LABEL: func.func @test_topk_v10_runtime_k
func.func @test_topk_v10_runtime_k(%arg0: !torch.vtensor<[3,4],f32>, %arg1: !torch.vtensor<[1],si64>) -> (!torch.vtensor<[3,?],f32>, !torch.vtensor<[3,?],si64>) attributes {torch.onnx_meta.opset_version = 10 : si64} {
  // CHECK: %[[K:.*]] = torch.aten.item %arg1 : !torch.vtensor<[1],si64> -> !torch.int
  // CHECK: torch.aten.topk %arg0, %[[K]], {{.*}} -> !torch.vtensor<[3,?],f32>, !torch.vtensor<[3,?],si64>
  %0:2 = torch.operator "onnx.TopK"(%arg0, %arg1) {torch.onnx.axis = 1 : si64} : (!torch.vtensor<[3,4],f32>, !torch.vtensor<[1],si64>) -> (!torch.vtensor<[3,?],f32>, !torch.vtensor<[3,?],si64>)
  return %0#0, %0#1 : !torch.vtensor<[3,?],f32>, !torch.vtensor<[3,?],si64>
}

// -----

// TopK-11 smallest, constant k, negative axis.
// CHECK-LABEL: func.func @test_topk_v11_smallest
func.func @test_topk_v11_smallest(%arg0: !torch.vtensor<[3,4],si64>) -> (!torch.vtensor<[3,3],si64>, !torch.vtensor<[3,3],si64>) attributes {torch.onnx_meta.opset_version = 11 : si64} {
  // CHECK: %[[K:.*]] = torch.constant.int 3
  // CHECK: %[[AX:.*]] = torch.constant.int 1
  // CHECK: %[[L:.*]] = torch.constant.bool false
  // CHECK: torch.aten.topk %arg0, %[[K]], %[[AX]], %[[L]]
  %k = torch.operator "onnx.Constant"() {torch.onnx.value = dense<3> : tensor<1xsi64>} : () -> !torch.vtensor<[1],si64>
  %0:2 = torch.operator "onnx.TopK"(%arg0, %k) {torch.onnx.axis = -1 : si64, torch.onnx.largest = 0 : si64, torch.onnx.sorted = 1 : si64} : (!torch.vtensor<[3,4],si64>, !torch.vtensor<[1],si64>) -> (!torch.vtensor<[3,3],si64>, !torch.vtensor<[3,3],si64>)
  return %0#0, %0#1 : !torch.vtensor<[3,3],si64>, !torch.vtensor<[3,3],si64>
}

// -----

// CHECK-LABEL: func.func @test_triu_default
func.func @test_triu_default(%arg0: !torch.vtensor<[4,5],si64>) -> !torch.vtensor<[4,5],si64> attributes {torch.onnx_meta.opset_version = 14 : si64} {
  // CHECK: %[[K:.*]] = torch.constant.int 0
  // CHECK: torch.aten.triu %arg0, %[[K]] : !torch.vtensor<[4,5],si64>, !torch.int -> !torch.vtensor<[4,5],si64>
  %0 = torch.operator "onnx.Trilu"(%arg0) : (!torch.vtensor<[4,5],si64>) -> !torch.vtensor<[4,5],si64>
  return %0 : !torch.vtensor<[4,5],si64>
}

// -----

// CHECK-LABEL: func.func @test_tril_runtime_k
func.func @test_tril_runtime_k(%arg0: !torch.vtensor<[2,3,3],f32>, %arg1: !torch.vtensor<[],si64>) -> !torch.vtensor<[2,3,3],f32> attributes {torch.onnx_meta.opset_version = 14 : si64} {
  // CHECK-NOT: torch.aten.item
  // CHECK: %[[R:.*]] = torch.aten.reshape {{.*}} -> !torch.vtensor<[3,1],si64>
  // CHECK: %[[C:.*]] = torch.aten.reshape {{.*}} -> !torch.vtensor<[1,3],si64>
  // CHECK: %[[D:.*]] = torch.aten.sub.Tensor %[[C]], %[[R]], {{.*}} -> !torch.vtensor<[3,3],si64>
  // CHECK: %[[M:.*]] = torch.aten.le.Tensor %[[D]], %arg1 : !torch.vtensor<[3,3],si64>, !torch.vtensor<[],si64> -> !torch.vtensor<[3,3],i1>
  // CHECK: torch.aten.where.self %[[M]], %arg0, {{.*}} -> !torch.vtensor<[2,3,3],f32>
  %0 = torch.operator "onnx.Trilu"(%arg0, %arg1) {torch.onnx.upper = 0 : si64} : (!torch.vtensor<[2,3,3],f32>, !torch.vtensor<[],si64>) -> !torch.vtensor<[2,3,3],f32>
  return %0 : !torch.vtensor<[2,3,3],f32>
}

// -----

// CHECK-LABEL: func.func @test_triu_runtime_k
func.func @test_triu_runtime_k(%arg0: !torch.vtensor<[3,4],si64>, %arg1: !torch.vtensor<[1],si64>) -> !torch.vtensor<[3,4],si64> attributes {torch.onnx_meta.opset_version = 14 : si64} {
  // CHECK: %[[M:.*]] = torch.aten.ge.Tensor %{{.*}}, %arg1 : !torch.vtensor<[3,4],si64>, !torch.vtensor<[1],si64> -> !torch.vtensor<[3,4],i1>
  // CHECK: %[[Z:.*]] = torch.vtensor.literal(dense<0> : tensor<si64>)
  // CHECK: torch.aten.where.self %[[M]], %arg0, %[[Z]]
  %0 = torch.operator "onnx.Trilu"(%arg0, %arg1) : (!torch.vtensor<[3,4],si64>, !torch.vtensor<[1],si64>) -> !torch.vtensor<[3,4],si64>
  return %0 : !torch.vtensor<[3,4],si64>
}

// -----

// A run-time k that the declared result gives is not read.
// CHECK-LABEL: func.func @test_topk_v10_runtime_k_declared
func.func @test_topk_v10_runtime_k_declared(%arg0: !torch.vtensor<[3,4],f32>, %arg1: !torch.vtensor<[1],si64>) -> (!torch.vtensor<[3,2],f32>, !torch.vtensor<[3,2],si64>) attributes {torch.onnx_meta.opset_version = 10 : si64} {
  // CHECK-NOT: torch.aten.item
  // CHECK: torch.aten.topk %arg0, %int2, {{.*}} -> !torch.vtensor<[3,2],f32>, !torch.vtensor<[3,2],si64>
  %0:2 = torch.operator "onnx.TopK"(%arg0, %arg1) : (!torch.vtensor<[3,4],f32>, !torch.vtensor<[1],si64>) -> (!torch.vtensor<[3,2],f32>, !torch.vtensor<[3,2],si64>)
  return %0#0, %0#1 : !torch.vtensor<[3,2],f32>, !torch.vtensor<[3,2],si64>
}

// -----

// ReverseSequence: positions where(t < len[b], len[b] - 1 - t, t), gathered along time.
// CHECK-LABEL: func.func @test_reversesequence_batch
func.func @test_reversesequence_batch(%arg0: !torch.vtensor<[4,4],f32>, %arg1: !torch.vtensor<[4],si64>) -> !torch.vtensor<[4,4],f32> attributes {torch.onnx_meta.opset_version = 10 : si64} {
  // CHECK: %[[T:.*]] = torch.aten.reshape {{.*}} -> !torch.vtensor<[1,4],si64>
  // CHECK: %[[N:.*]] = torch.aten.reshape %arg1, {{.*}} -> !torch.vtensor<[4,1],si64>
  // CHECK: %[[IN:.*]] = torch.aten.lt.Tensor %[[T]], %[[N]]
  // CHECK: %[[B:.*]] = torch.aten.sub.Tensor %[[N]], %[[T]]
  // CHECK: %[[B1:.*]] = torch.aten.sub.Scalar %[[B]]
  // CHECK: %[[P:.*]] = torch.aten.where.self %[[IN]], %[[B1]], %[[T]]
  // CHECK: %[[E:.*]] = torch.aten.expand %[[P]]
  // CHECK: %[[AX:.*]] = torch.constant.int 1
  // CHECK: torch.aten.gather %arg0, %[[AX]], %[[E]]
  %0 = torch.operator "onnx.ReverseSequence"(%arg0, %arg1) {torch.onnx.batch_axis = 0 : si64, torch.onnx.time_axis = 1 : si64} : (!torch.vtensor<[4,4],f32>, !torch.vtensor<[4],si64>) -> !torch.vtensor<[4,4],f32>
  return %0 : !torch.vtensor<[4,4],f32>
}

// -----

// Unique-11 flattened, sorted: sort, neighbour comparison, cumsum group ids, nonzero starts;
// first index and inverse read from sorted composite keys (no scatter).
// CHECK-LABEL: func.func @test_unique_sorted_flat
func.func @test_unique_sorted_flat(%arg0: !torch.vtensor<[6],f32>) -> (!torch.vtensor<[?],f32>, !torch.vtensor<[?],si64>, !torch.vtensor<[6],si64>, !torch.vtensor<[?],si64>) attributes {torch.onnx_meta.opset_version = 11 : si64} {
  // CHECK: %[[V:.*]], %[[P:.*]] = torch.aten.sort %arg0, {{.*}} -> !torch.vtensor<[6],f32>, !torch.vtensor<[6],si64>
  // CHECK: %[[NE:.*]] = torch.aten.ne.Tensor
  // CHECK: %[[NEW:.*]] = torch.aten.cat
  // CHECK: torch.aten.cumsum
  // CHECK: %[[NZ:.*]] = torch.aten.nonzero %[[NEW]]
  // CHECK: torch.aten.index_select %[[V]]
  // CHECK-NOT: torch.aten.scatter
  // CHECK: torch.aten.remainder.Scalar
  // CHECK: %[[K:.*]] = torch.aten.mul.Scalar %[[P]]
  // CHECK: %[[K2:.*]] = torch.aten.add.Tensor %[[K]]
  // CHECK: %[[S:.*]], %{{.*}} = torch.aten.sort %[[K2]]
  // CHECK: torch.aten.remainder.Scalar %[[S]]
  %0:4 = torch.operator "onnx.Unique"(%arg0) : (!torch.vtensor<[6],f32>) -> (!torch.vtensor<[?],f32>, !torch.vtensor<[?],si64>, !torch.vtensor<[6],si64>, !torch.vtensor<[?],si64>)
  return %0#0, %0#1, %0#2, %0#3 : !torch.vtensor<[?],f32>, !torch.vtensor<[?],si64>, !torch.vtensor<[6],si64>, !torch.vtensor<[?],si64>
}

// -----

// Unique-28 flattened in first-occurrence order, one output.
// CHECK-LABEL: func.func @test_unique_unsorted_one_output
func.func @test_unique_unsorted_one_output(%arg0: !torch.vtensor<[2,3],si64>) -> !torch.vtensor<[?],si64> attributes {torch.onnx_meta.opset_version = 28 : si64} {
  // CHECK: %[[F:.*]] = torch.aten.reshape %arg0
  // CHECK: torch.aten.sort %[[F]]
  // CHECK: %[[IS:.*]] = torch.aten.eq.Tensor
  // CHECK: %[[FIRST:.*]] = torch.aten.reshape
  // CHECK: %[[Y:.*]] = torch.aten.index_select %[[F]], %{{.*}}, %[[FIRST]]
  // CHECK: return %[[Y]]
  %0 = torch.operator "onnx.Unique"(%arg0) {torch.onnx.sorted = 0 : si64} : (!torch.vtensor<[2,3],si64>) -> !torch.vtensor<[?],si64>
  return %0 : !torch.vtensor<[?],si64>
}

// -----

// Unique along an axis, sorted: pairwise row comparison and lexicographic rank.
// CHECK-LABEL: func.func @test_unique_axis_sorted
func.func @test_unique_axis_sorted(%arg0: !torch.vtensor<[2,4,2],f32>) -> (!torch.vtensor<[2,?,2],f32>, !torch.vtensor<[?],si64>, !torch.vtensor<[4],si64>, !torch.vtensor<[?],si64>) attributes {torch.onnx_meta.opset_version = 11 : si64} {
  // CHECK: torch.aten.transpose.int %arg0, {{.*}} -> !torch.vtensor<[4,2,2],f32>
  // CHECK: torch.aten.ne.Tensor {{.*}} -> !torch.vtensor<[4,4,4],i1>
  // CHECK: torch.aten.amin
  // CHECK: torch.aten.lt.Tensor {{.*}} -> !torch.vtensor<[4,4,4],i1>
  // CHECK: torch.aten.sort
  // CHECK: %[[I:.*]] = torch.aten.slice.Tensor
  // CHECK: torch.aten.index_select %arg0, %{{.*}}, %[[I]] : !torch.vtensor<[2,4,2],f32>, !torch.int, !torch.vtensor<[?],si64> -> !torch.vtensor<[2,?,2],f32>
  %0:4 = torch.operator "onnx.Unique"(%arg0) {torch.onnx.axis = 1 : si64} : (!torch.vtensor<[2,4,2],f32>) -> (!torch.vtensor<[2,?,2],f32>, !torch.vtensor<[?],si64>, !torch.vtensor<[4],si64>, !torch.vtensor<[?],si64>)
  return %0#0, %0#1, %0#2, %0#3 : !torch.vtensor<[2,?,2],f32>, !torch.vtensor<[?],si64>, !torch.vtensor<[4],si64>, !torch.vtensor<[?],si64>
}

// -----

// Unique along an axis in first-occurrence order: no lexicographic rank.
// CHECK-LABEL: func.func @test_unique_axis_unsorted
func.func @test_unique_axis_unsorted(%arg0: !torch.vtensor<[5,2],f32>) -> (!torch.vtensor<[?,2],f32>, !torch.vtensor<[?],si64>) attributes {torch.onnx_meta.opset_version = 11 : si64} {
  // CHECK: torch.aten.amin
  // CHECK-NOT: torch.aten.lt.Tensor
  // CHECK: torch.aten.nonzero
  // CHECK: torch.aten.index_select %arg0
  %0:2 = torch.operator "onnx.Unique"(%arg0) {torch.onnx.axis = 0 : si64, torch.onnx.sorted = 0 : si64} : (!torch.vtensor<[5,2],f32>) -> (!torch.vtensor<[?,2],f32>, !torch.vtensor<[?],si64>)
  return %0#0, %0#1 : !torch.vtensor<[?,2],f32>, !torch.vtensor<[?],si64>
}
