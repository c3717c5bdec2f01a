// RUN: %opt --split-input-file --convert-torch-onnx-to-torch %s | filecheck %s

// CHECK-LABEL: func.func @test_einsum_batch_matmul
func.func @test_einsum_batch_matmul(%arg0: !torch.vtensor<[5,2,3],f32>, %arg1: !torch.vtensor<[5,3,4],f32>) -> !torch.vtensor<[5,2,4],f32> attributes {torch.onnx_meta.opset_version = 12 : si64} {
  // Spaces are allowed; a plain batched matmul needs no reshapes.
  // CHECK: torch.aten.matmul %arg0, %arg1 : !torch.vtensor<[5,2,3],f32>, !torch.vtensor<[5,3,4],f32> -> !torch.vtensor<[5,2,4],f32>
  %0 = torch.operator "onnx.Einsum"(%arg0, %arg1) {torch.onnx.equation = "bij, bjk -> bik"} : (!torch.vtensor<[5,2,3],f32>, !torch.vtensor<[5,3,4],f32>) -> !torch.vtensor<[5,2,4],f32>
  return %0 : !torch.vtensor<[5,2,4],f32>
}

// -----

// CHECK-LABEL: func.func @test_einsum_implicit_transpose
func.func @test_einsum_implicit_transpose(%arg0: !torch.vtensor<[3,4],bf16>) -> !torch.vtensor<[4,3],bf16> attributes {torch.onnx_meta.opset_version = 28 : si64} {
  // Implicit output: the labels seen once, in alphabetical order ("ij").
  // CHECK: %[[PERM:.*]] = torch.prim.ListConstruct %int1, %int0
  // CHECK: torch.aten.permute %arg0, %[[PERM]] : !torch.vtensor<[3,4],bf16>, !torch.list<int> -> !torch.vtensor<[4,3],bf16>
  %0 = torch.operator "onnx.Einsum"(%arg0) {torch.onnx.equation = "ji"} : (!torch.vtensor<[3,4],bf16>) -> !torch.vtensor<[4,3],bf16>
  return %0 : !torch.vtensor<[4,3],bf16>
}

// -----

// CHECK-LABEL: func.func @test_einsum_batch_diagonal
func.func @test_einsum_batch_diagonal(%arg0: !torch.vtensor<[3,5,5],f64>) -> !torch.vtensor<[3,5],f64> attributes {torch.onnx_meta.opset_version = 12 : si64} {
  // CHECK: torch.aten.diagonal %arg0, %int0, %int1, %int2 : !torch.vtensor<[3,5,5],f64>, !torch.int, !torch.int, !torch.int -> !torch.vtensor<[3,5],f64>
  %0 = torch.operator "onnx.Einsum"(%arg0) {torch.onnx.equation = "...ii ->...i"} : (!torch.vtensor<[3,5,5],f64>) -> !torch.vtensor<[3,5],f64>
  return %0 : !torch.vtensor<[3,5],f64>
}

// -----

// CHECK-LABEL: func.func @test_einsum_sum_int
func.func @test_einsum_sum_int(%arg0: !torch.vtensor<[3,4],si32>) -> !torch.vtensor<[3],si32> attributes {torch.onnx_meta.opset_version = 12 : si64} {
  // Integer sums come back as si64 in torch: cast back to the ONNX type.
  // CHECK: %[[SUM:.*]] = torch.aten.sum.dim_IntList %arg0, %{{.*}}, %false, %none : {{.*}} -> !torch.vtensor<[3],si64>
  // CHECK: torch.aten.to.dtype %[[SUM]], %int3, {{.*}} -> !torch.vtensor<[3],si32>
  %0 = torch.operator "onnx.Einsum"(%arg0) {torch.onnx.equation = "ij->i"} : (!torch.vtensor<[3,4],si32>) -> !torch.vtensor<[3],si32>
  return %0 : !torch.vtensor<[3],si32>
}

// -----

// CHECK-LABEL: func.func @test_einsum_inner_prod
func.func @test_einsum_inner_prod(%arg0: !torch.vtensor<[5],f32>, %arg1: !torch.vtensor<[5],f32>) -> !torch.vtensor<[],f32> attributes {torch.onnx_meta.opset_version = 12 : si64} {
  // CHECK: %[[A:.*]] = torch.aten.reshape %arg0, %{{.*}} -> !torch.vtensor<[1,5],f32>
  // CHECK: %[[B:.*]] = torch.aten.reshape %arg1, %{{.*}} -> !torch.vtensor<[5,1],f32>
  // CHECK: %[[P:.*]] = torch.aten.matmul %[[A]], %[[B]] : {{.*}} -> !torch.vtensor<[1,1],f32>
  // CHECK: torch.aten.reshape %[[P]], %{{.*}} : !torch.vtensor<[1,1],f32>, !torch.list<int> -> !torch.vtensor<[],f32>
  %0 = torch.operator "onnx.Einsum"(%arg0, %arg1) {torch.onnx.equation = "i,i"} : (!torch.vtensor<[5],f32>, !torch.vtensor<[5],f32>) -> !torch.vtensor<[],f32>
  return %0 : !torch.vtensor<[],f32>
}

// -----

// CHECK-LABEL: func.func @test_einsum_ellipsis_broadcast
func.func @test_einsum_ellipsis_broadcast(%arg0: !torch.vtensor<[2,1,3,4],f32>, %arg1: !torch.vtensor<[5,4,2],f32>) -> !torch.vtensor<[2,5,3,2],f32> attributes {torch.onnx_meta.opset_version = 12 : si64} {
  // The broadcast ellipsis dim of size 1 is squeezed; the other operand carries it.
  // CHECK: %[[SQ:.*]] = torch.aten.squeeze.dim %arg0, %int1 : !torch.vtensor<[2,1,3,4],f32>, !torch.int -> !torch.vtensor<[2,3,4],f32>
  // CHECK: %[[BT:.*]] = torch.aten.permute %arg1, %{{.*}} -> !torch.vtensor<[4,5,2],f32>
  // CHECK: %[[A:.*]] = torch.aten.reshape %[[SQ]], %{{.*}} -> !torch.vtensor<[6,4],f32>
  // CHECK: %[[B:.*]] = torch.aten.reshape %[[BT]], %{{.*}} -> !torch.vtensor<[4,10],f32>
  // CHECK: %[[P:.*]] = torch.aten.matmul %[[A]], %[[B]] : {{.*}} -> !torch.vtensor<[6,10],f32>
  // CHECK: %[[R:.*]] = torch.aten.reshape %[[P]], %{{.*}} -> !torch.vtensor<[2,3,5,2],f32>
  // CHECK: torch.aten.permute %[[R]], %{{.*}} -> !torch.vtensor<[2,5,3,2],f32>
  %0 = torch.operator "onnx.Einsum"(%arg0, %arg1) {torch.onnx.equation = "...ij,...jk->...ik"} : (!torch.vtensor<[2,1,3,4],f32>, !torch.vtensor<[5,4,2],f32>) -> !torch.vtensor<[2,5,3,2],f32>
  return %0 : !torch.vtensor<[2,5,3,2],f32>
}

// -----

// CHECK-LABEL: func.func @test_einsum_three_operands_dynamic
func.func @test_einsum_three_operands_dynamic(%arg0: !torch.vtensor<[?,3],f32>, %arg1: !torch.vtensor<[3,4],f32>, %arg2: !torch.vtensor<[4,?],f32>) -> !torch.vtensor<[?,?],f32> attributes {torch.onnx_meta.opset_version = 12 : si64} {
  // CHECK: %[[AB:.*]] = torch.aten.matmul %arg0, %arg1 : !torch.vtensor<[?,3],f32>, !torch.vtensor<[3,4],f32> -> !torch.vtensor<[?,4],f32>
  // CHECK: %[[ROWS:.*]] = torch.aten.size.int %[[AB]], %int0
  // CHECK: %[[COLS:.*]] = torch.aten.size.int %arg2, %int1
  // CHECK: %[[ABC:.*]] = torch.aten.matmul %[[AB]], %arg2 : !torch.vtensor<[?,4],f32>, !torch.vtensor<[4,?],f32> -> !torch.vtensor<[?,?],f32>
  // CHECK: %[[F:.*]] = torch.aten.flatten.using_ints %[[ABC]]
  // CHECK: %[[SHAPE:.*]] = torch.prim.ListConstruct %[[ROWS]], %[[COLS]]
  // CHECK: torch.aten.reshape %[[F]], %[[SHAPE]]
  %0 = torch.operator "onnx.Einsum"(%arg0, %arg1, %arg2) {torch.onnx.equation = "ij,jk,kl->il"} : (!torch.vtensor<[?,3],f32>, !torch.vtensor<[3,4],f32>, !torch.vtensor<[4,?],f32>) -> !torch.vtensor<[?,?],f32>
  return %0 : !torch.vtensor<[?,?],f32>
}

// -----

// CHECK-LABEL: func.func @test_einsum_scalar
func.func @test_einsum_scalar(%arg0: !torch.vtensor<[],f64>) -> !torch.vtensor<[],f64> attributes {torch.onnx_meta.opset_version = 28 : si64} {
  // CHECK: return %arg0
  %0 = torch.operator "onnx.Einsum"(%arg0) {torch.onnx.equation = "->"} : (!torch.vtensor<[],f64>) -> !torch.vtensor<[],f64>
  return %0 : !torch.vtensor<[],f64>
}
