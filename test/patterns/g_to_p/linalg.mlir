// RUN: %opt --split-input-file --convert-torch-onnx-to-torch %s | filecheck %s

// CHECK-LABEL: func.func @test_gemm_trans_alpha_beta
func.func @test_gemm_trans_alpha_beta(%arg0: !torch.vtensor<[4,3],f32>, %arg1: !torch.vtensor<[5,4],f32>, %arg2: !torch.vtensor<[1,5],f32>) -> !torch.vtensor<[3,5],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: %[[A:.*]] = torch.aten.permute %arg0, {{.*}} -> !torch.vtensor<[3,4],f32>
  // CHECK: %[[B:.*]] = torch.aten.permute %arg1, {{.*}} -> !torch.vtensor<[4,5],f32>
  // CHECK: %[[MM:.*]] = torch.aten.mm %[[A]], %[[B]] : !torch.vtensor<[3,4],f32>, !torch.vtensor<[4,5],f32> -> !torch.vtensor<[3,5],f32>
  // CHECK: %[[ALPHA:.*]] = torch.constant.float 2.500000e-01
  // CHECK: %[[SCALED:.*]] = torch.aten.mul.Scalar %[[MM]], %[[ALPHA]]
  // CHECK: %[[BETA:.*]] = torch.constant.float 0.34999999403953552
  // CHECK: torch.aten.add.Tensor %[[SCALED]], %arg2, %[[BETA]] : !torch.vtensor<[3,5],f32>, !torch.vtensor<[1,5],f32>, !torch.float -> !torch.vtensor<[3,5],f32>
  %0 = torch.operator "onnx.Gemm"(%arg0, %arg1, %arg2) {torch.onnx.alpha = 2.500000e-01 : f32, torch.onnx.beta = 3.500000e-01 : f32, torch.onnx.transA = 1 : si64, torch.onnx.transB = 1 : si64} : (!torch.vtensor<[4,3],f32>, !torch.vtensor<[5,4],f32>, !torch.vtensor<[1,5],f32>) -> !torch.vtensor<[3,5],f32>
  return %0 : !torch.vtensor<[3,5],f32>
}

// -----

// C is optional from opset 11.
// CHECK-LABEL: func.func @test_gemm_no_c
func.func @test_gemm_no_c(%arg0: !torch.vtensor<[3,4],f32>, %arg1: !torch.vtensor<[4,5],f32>) -> !torch.vtensor<[3,5],f32> attributes {torch.onnx_meta.opset_version = 11 : si64} {
  // CHECK: %[[MM:.*]] = torch.aten.mm %arg0, %arg1
  // CHECK: return %[[MM]]
  %0 = torch.operator "onnx.Gemm"(%arg0, %arg1) : (!torch.vtensor<[3,4],f32>, !torch.vtensor<[4,5],f32>) -> !torch.vtensor<[3,5],f32>
  return %0 : !torch.vtensor<[3,5],f32>
}

// -----

// CHECK-LABEL: func.func @test_matmul_batched
func.func @test_matmul_batched(%arg0: !torch.vtensor<[2,3,4],f32>, %arg1: !torch.vtensor<[4,5],f32>) -> !torch.vtensor<[2,3,5],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: torch.aten.matmul %arg0, %arg1 : !torch.vtensor<[2,3,4],f32>, !torch.vtensor<[4,5],f32> -> !torch.vtensor<[2,3,5],f32>
  %0 = torch.operator "onnx.MatMul"(%arg0, %arg1) : (!torch.vtensor<[2,3,4],f32>, !torch.vtensor<[4,5],f32>) -> !torch.vtensor<[2,3,5],f32>
  return %0 : !torch.vtensor<[2,3,5],f32>
}

// -----

// Gemm-6 with the old broadcast attribute: C broadcasts like in later versions.
// CHECK-LABEL: func.func @test_gemm_v6_broadcast
func.func @test_gemm_v6_broadcast(%arg0: !torch.vtensor<[3,4],f32>, %arg1: !torch.vtensor<[4,5],f32>, %arg2: !torch.vtensor<[5],f32>) -> !torch.vtensor<[3,5],f32> attributes {torch.onnx_meta.opset_version = 6 : si64} {
  // CHECK: %[[MM:.*]] = torch.aten.mm %arg0, %arg1 : !torch.vtensor<[3,4],f32>, !torch.vtensor<[4,5],f32> -> !torch.vtensor<[3,5],f32>
  // CHECK: torch.aten.add.Tensor %[[MM]], %arg2, %float1.000000e00 : !torch.vtensor<[3,5],f32>, !torch.vtensor<[5],f32>, !torch.float -> !torch.vtensor<[3,5],f32>
  %0 = torch.operator "onnx.Gemm"(%arg0, %arg1, %arg2) {torch.onnx.broadcast = 1 : si64} : (!torch.vtensor<[3,4],f32>, !torch.vtensor<[4,5],f32>, !torch.vtensor<[5],f32>) -> !torch.vtensor<[3,5],f32>
  return %0 : !torch.vtensor<[3,5],f32>
}

// -----

// Operands of unknown rank are 2-D by definition: a static-info cast gives them [?,?].
// CHECK-LABEL: func.func @test_gemm_unranked
func.func @test_gemm_unranked(%arg0: !torch.vtensor<*,f32>, %arg1: !torch.vtensor<[4,5],f32>, %arg2: !torch.vtensor<*,f32>) -> !torch.vtensor<[?,5],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: %[[A:.*]] = torch.tensor_static_info_cast %arg0 : !torch.vtensor<*,f32> to !torch.vtensor<[?,?],f32>
  // CHECK: %[[MM:.*]] = torch.aten.mm %[[A]], %arg1 : !torch.vtensor<[?,?],f32>, !torch.vtensor<[4,5],f32> -> !torch.vtensor<[?,5],f32>
  // CHECK: torch.aten.add.Tensor %[[MM]], %arg2, %float1.000000e00 : !torch.vtensor<[?,5],f32>, !torch.vtensor<*,f32>, !torch.float -> !torch.vtensor<[?,5],f32>
  %0 = torch.operator "onnx.Gemm"(%arg0, %arg1, %arg2) : (!torch.vtensor<*,f32>, !torch.vtensor<[4,5],f32>, !torch.vtensor<*,f32>) -> !torch.vtensor<[?,5],f32>
  return %0 : !torch.vtensor<[?,5],f32>
}

// -----

// Integer Gemm: alpha and beta become int scalars.
// CHECK-LABEL: func.func @test_gemm_int64
func.func @test_gemm_int64(%arg0: !torch.vtensor<[3,4],si64>, %arg1: !torch.vtensor<[4,5],si64>, %arg2: !torch.vtensor<[3,5],si64>) -> !torch.vtensor<[3,5],si64> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: %[[MM:.*]] = torch.aten.mm %arg0, %arg1 : !torch.vtensor<[3,4],si64>, !torch.vtensor<[4,5],si64> -> !torch.vtensor<[3,5],si64>
  // CHECK: %[[ALPHA:.*]] = torch.constant.int 2
  // CHECK: %[[S:.*]] = torch.aten.mul.Scalar %[[MM]], %[[ALPHA]]
  // CHECK: %[[BETA:.*]] = torch.constant.int 3
  // CHECK: torch.aten.add.Tensor %[[S]], %arg2, %[[BETA]]
  %0 = torch.operator "onnx.Gemm"(%arg0, %arg1, %arg2) {torch.onnx.alpha = 2.0 : f32, torch.onnx.beta = 3.0 : f32} : (!torch.vtensor<[3,4],si64>, !torch.vtensor<[4,5],si64>, !torch.vtensor<[3,5],si64>) -> !torch.vtensor<[3,5],si64>
  return %0 : !torch.vtensor<[3,5],si64>
}

// -----

// MatMul-1: same numpy semantics as later versions.
// CHECK-LABEL: func.func @test_matmul_v1_2d
func.func @test_matmul_v1_2d(%arg0: !torch.vtensor<[3,4],f32>, %arg1: !torch.vtensor<[4,5],f32>) -> !torch.vtensor<[3,5],f32> attributes {torch.onnx_meta.opset_version = 1 : si64} {
  // CHECK: torch.aten.matmul %arg0, %arg1 : !torch.vtensor<[3,4],f32>, !torch.vtensor<[4,5],f32> -> !torch.vtensor<[3,5],f32>
  %0 = torch.operator "onnx.MatMul"(%arg0, %arg1) : (!torch.vtensor<[3,4],f32>, !torch.vtensor<[4,5],f32>) -> !torch.vtensor<[3,5],f32>
  return %0 : !torch.vtensor<[3,5],f32>
}

// -----

// A 1-D left operand becomes a [1,K] matrix; the row dim is squeezed from the result.
// CHECK-LABEL: func.func @test_matmul_1d_3d
func.func @test_matmul_1d_3d(%arg0: !torch.vtensor<[4],f32>, %arg1: !torch.vtensor<[2,4,5],f32>) -> !torch.vtensor<[2,5],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: %[[X:.*]] = torch.aten.unsqueeze %arg0, %int0 : !torch.vtensor<[4],f32>, !torch.int -> !torch.vtensor<[1,4],f32>
  // CHECK: %[[M:.*]] = torch.aten.matmul %[[X]], %arg1 : !torch.vtensor<[1,4],f32>, !torch.vtensor<[2,4,5],f32> -> !torch.vtensor<[2,1,5],f32>
  // CHECK: torch.aten.squeeze.dim %[[M]], %int-2 : !torch.vtensor<[2,1,5],f32>, !torch.int -> !torch.vtensor<[2,5],f32>
  %0 = torch.operator "onnx.MatMul"(%arg0, %arg1) : (!torch.vtensor<[4],f32>, !torch.vtensor<[2,4,5],f32>) -> !torch.vtensor<[2,5],f32>
  return %0 : !torch.vtensor<[2,5],f32>
}

// -----

// A 1-D right operand becomes a [K,1] matrix; the column dim is squeezed from the result.
// CHECK-LABEL: func.func @test_matmul_4d_1d
func.func @test_matmul_4d_1d(%arg0: !torch.vtensor<[2,3,?,4],f32>, %arg1: !torch.vtensor<[4],f32>) -> !torch.vtensor<[2,3,?],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: %[[Y:.*]] = torch.aten.unsqueeze %arg1, %int1 : !torch.vtensor<[4],f32>, !torch.int -> !torch.vtensor<[4,1],f32>
  // CHECK: %[[M:.*]] = torch.aten.matmul %arg0, %[[Y]] : !torch.vtensor<[2,3,?,4],f32>, !torch.vtensor<[4,1],f32> -> !torch.vtensor<[2,3,?,1],f32>
  // CHECK: torch.aten.squeeze.dim %[[M]], %int-1 : !torch.vtensor<[2,3,?,1],f32>, !torch.int -> !torch.vtensor<[2,3,?],f32>
  %0 = torch.operator "onnx.MatMul"(%arg0, %arg1) : (!torch.vtensor<[2,3,?,4],f32>, !torch.vtensor<[4],f32>) -> !torch.vtensor<[2,3,?],f32>
  return %0 : !torch.vtensor<[2,3,?],f32>
}

// -----

// CHECK-LABEL: func.func @test_matmul_1d_1d
func.func @test_matmul_1d_1d(%arg0: !torch.vtensor<[4],f32>, %arg1: !torch.vtensor<[4],f32>) -> !torch.vtensor<[],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: torch.aten.matmul %arg0, %arg1 : !torch.vtensor<[4],f32>, !torch.vtensor<[4],f32> -> !torch.vtensor<[],f32>
  %0 = torch.operator "onnx.MatMul"(%arg0, %arg1) : (!torch.vtensor<[4],f32>, !torch.vtensor<[4],f32>) -> !torch.vtensor<[],f32>
  return %0 : !torch.vtensor<[],f32>
}

// -----

// Per-tensor zero points, uint8.
// CHECK-LABEL: func.func @test_matmulinteger_scalar_zp
func.func @test_matmulinteger_scalar_zp(%arg0: !torch.vtensor<[4,3],ui8>, %arg1: !torch.vtensor<[3,2],ui8>, %arg2: !torch.vtensor<[],ui8>, %arg3: !torch.vtensor<[1],ui8>) -> !torch.vtensor<[4,2],si32> attributes {torch.onnx_meta.opset_version = 10 : si64} {
  // CHECK: %[[A:.*]] = torch.aten.to.dtype %arg0, %int3{{.*}} -> !torch.vtensor<[4,3],si32>
  // CHECK: %[[AZ:.*]] = torch.aten.to.dtype %arg2, %int3{{.*}} -> !torch.vtensor<[],si32>
  // CHECK: %[[AS:.*]] = torch.aten.sub.Tensor %[[A]], %[[AZ]], %int1 : !torch.vtensor<[4,3],si32>, !torch.vtensor<[],si32>, !torch.int -> !torch.vtensor<[4,3],si32>
  // CHECK: %[[B:.*]] = torch.aten.to.dtype %arg1, %int3
  // CHECK: %[[BR:.*]] = torch.aten.reshape %arg3, {{.*}} -> !torch.vtensor<[],ui8>
  // CHECK: %[[BZ:.*]] = torch.aten.to.dtype %[[BR]]
  // CHECK: %[[BS:.*]] = torch.aten.sub.Tensor %[[B]], %[[BZ]]
  // CHECK: torch.aten.matmul %[[AS]], %[[BS]] : !torch.vtensor<[4,3],si32>, !torch.vtensor<[3,2],si32> -> !torch.vtensor<[4,2],si32>
  %0 = torch.operator "onnx.MatMulInteger"(%arg0, %arg1, %arg2, %arg3) : (!torch.vtensor<[4,3],ui8>, !torch.vtensor<[3,2],ui8>, !torch.vtensor<[],ui8>, !torch.vtensor<[1],ui8>) -> !torch.vtensor<[4,2],si32>
  return %0 : !torch.vtensor<[4,2],si32>
}

// -----

// Per-row zero point of A (one per row: unsqueezed to [M,1]), per-column zero point of B, int8.
// CHECK-LABEL: func.func @test_matmulinteger_per_row_col
func.func @test_matmulinteger_per_row_col(%arg0: !torch.vtensor<[2,4,3],si8>, %arg1: !torch.vtensor<[3,2],si8>, %arg2: !torch.vtensor<[4],si8>, %arg3: !torch.vtensor<[2],si8>) -> !torch.vtensor<[2,4,2],si32> attributes {torch.onnx_meta.opset_version = 10 : si64} {
  // CHECK: %[[AZ:.*]] = torch.aten.unsqueeze %arg2, %int1 : !torch.vtensor<[4],si8>, !torch.int -> !torch.vtensor<[4,1],si8>
  // CHECK: %[[AZI:.*]] = torch.aten.to.dtype %[[AZ]], %int3{{.*}} -> !torch.vtensor<[4,1],si32>
  // CHECK: torch.aten.sub.Tensor %{{.*}}, %[[AZI]], %{{.*}} : !torch.vtensor<[2,4,3],si32>, !torch.vtensor<[4,1],si32>
  // CHECK: %[[BZI:.*]] = torch.aten.to.dtype %arg3, %int3{{.*}} -> !torch.vtensor<[2],si32>
  // CHECK: torch.aten.sub.Tensor %{{.*}}, %[[BZI]], %{{.*}} : !torch.vtensor<[3,2],si32>, !torch.vtensor<[2],si32>
  // CHECK: torch.aten.matmul {{.*}} -> !torch.vtensor<[2,4,2],si32>
  %0 = torch.operator "onnx.MatMulInteger"(%arg0, %arg1, %arg2, %arg3) : (!torch.vtensor<[2,4,3],si8>, !torch.vtensor<[3,2],si8>, !torch.vtensor<[4],si8>, !torch.vtensor<[2],si8>) -> !torch.vtensor<[2,4,2],si32>
  return %0 : !torch.vtensor<[2,4,2],si32>
}

// -----

// No zero points: both operands only widen to si32.
// CHECK-LABEL: func.func @test_matmulinteger_no_zp
func.func @test_matmulinteger_no_zp(%arg0: !torch.vtensor<[4,3],ui8>, %arg1: !torch.vtensor<[3],si8>) -> !torch.vtensor<[4],si32> attributes {torch.onnx_meta.opset_version = 10 : si64} {
  // CHECK: %[[A:.*]] = torch.aten.to.dtype %arg0, %int3
  // CHECK: %[[B:.*]] = torch.aten.to.dtype %arg1, %int3
  // CHECK: %[[BU:.*]] = torch.aten.unsqueeze %[[B]], %int1
  // CHECK: %[[M:.*]] = torch.aten.matmul %[[A]], %[[BU]] {{.*}} -> !torch.vtensor<[4,1],si32>
  // CHECK: torch.aten.squeeze.dim %[[M]], %int-1
  %0 = torch.operator "onnx.MatMulInteger"(%arg0, %arg1) : (!torch.vtensor<[4,3],ui8>, !torch.vtensor<[3],si8>) -> !torch.vtensor<[4],si32>
  return %0 : !torch.vtensor<[4],si32>
}

// -----

// Unranked operands: aten.matmul as is (same numpy semantics).
// CHECK-LABEL: func.func @test_matmul_unranked
func.func @test_matmul_unranked(%arg0: !torch.vtensor<*,f32>, %arg1: !torch.vtensor<[4,5],f32>) -> !torch.vtensor<*,f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: torch.aten.matmul %arg0, %arg1 : !torch.vtensor<*,f32>, !torch.vtensor<[4,5],f32> -> !torch.vtensor<*,f32>
  %0 = torch.operator "onnx.MatMul"(%arg0, %arg1) : (!torch.vtensor<*,f32>, !torch.vtensor<[4,5],f32>) -> !torch.vtensor<*,f32>
  return %0 : !torch.vtensor<*,f32>
}

// -----

// A wrongly declared rank (the [] placeholders of an un-inferred subgraph body): the operands
// go on unranked, the result is cast back to the declared type.
// CHECK-LABEL: func.func @test_gemm_wrong_rank
func.func @test_gemm_wrong_rank(%arg0: !torch.vtensor<[],f32>, %arg1: !torch.vtensor<[],f32>, %arg2: !torch.vtensor<[],f32>) -> !torch.vtensor<[],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: %[[A:.*]] = torch.tensor_static_info_cast %arg0 : !torch.vtensor<[],f32> to !torch.vtensor<*,f32>
  // CHECK: %[[B:.*]] = torch.tensor_static_info_cast %arg1 : !torch.vtensor<[],f32> to !torch.vtensor<*,f32>
  // CHECK: %[[BT:.*]] = torch.aten.permute %[[B]], {{.*}} -> !torch.vtensor<*,f32>
  // CHECK: %[[MM:.*]] = torch.aten.mm %[[A]], %[[BT]] : !torch.vtensor<*,f32>, !torch.vtensor<*,f32> -> !torch.vtensor<*,f32>
  // CHECK: %[[Y:.*]] = torch.aten.add.Tensor %[[MM]], %arg2, {{.*}} -> !torch.vtensor<*,f32>
  // CHECK: torch.tensor_static_info_cast %[[Y]] : !torch.vtensor<*,f32> to !torch.vtensor<[],f32>
  %0 = torch.operator "onnx.Gemm"(%arg0, %arg1, %arg2) {torch.onnx.transB = 1 : si64} : (!torch.vtensor<[],f32>, !torch.vtensor<[],f32>, !torch.vtensor<[],f32>) -> !torch.vtensor<[],f32>
  return %0 : !torch.vtensor<[],f32>
}

// -----

// MatMul operands declared rank 0 (invalid for MatMul, so a wrong type): aten.matmul as is.
// CHECK-LABEL: func.func @test_matmul_wrong_rank
func.func @test_matmul_wrong_rank(%arg0: !torch.vtensor<[],f32>, %arg1: !torch.vtensor<[],f32>) -> !torch.vtensor<[],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: torch.aten.matmul %arg0, %arg1 : !torch.vtensor<[],f32>, !torch.vtensor<[],f32> -> !torch.vtensor<[],f32>
  %0 = torch.operator "onnx.MatMul"(%arg0, %arg1) : (!torch.vtensor<[],f32>, !torch.vtensor<[],f32>) -> !torch.vtensor<[],f32>
  return %0 : !torch.vtensor<[],f32>
}
