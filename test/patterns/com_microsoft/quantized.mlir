// RUN: %opt --split-input-file --convert-torch-onnx-to-torch %s | filecheck %s

// QLinearAdd: dequantize, add, quantize.
// CHECK-LABEL: func.func @test_qlinear_add
func.func @test_qlinear_add(%arg0: !torch.vtensor<[2,3],ui8>, %arg1: !torch.vtensor<[],f32>, %arg2: !torch.vtensor<[],ui8>, %arg3: !torch.vtensor<[3],ui8>, %arg4: !torch.vtensor<[],f32>, %arg5: !torch.vtensor<[],ui8>, %arg6: !torch.vtensor<[],f32>, %arg7: !torch.vtensor<[],ui8>) -> !torch.vtensor<[2,3],ui8> attributes {torch.onnx_meta.opset_version = 17 : si64, torch.onnx_meta.opset_versions = {com.microsoft = 1 : si64}} {
  // CHECK: torch.aten.add.Tensor
  // CHECK: torch.aten.round
  // CHECK: torch.aten.clamp
  // CHECK-NOT: torch.operator
  %none = torch.constant.none
  %0 = torch.operator "onnx.com.microsoft.QLinearAdd"(%arg0, %arg1, %arg2, %arg3, %arg4, %arg5, %arg6, %arg7) : (!torch.vtensor<[2,3],ui8>, !torch.vtensor<[],f32>, !torch.vtensor<[],ui8>, !torch.vtensor<[3],ui8>, !torch.vtensor<[],f32>, !torch.vtensor<[],ui8>, !torch.vtensor<[],f32>, !torch.vtensor<[],ui8>) -> !torch.vtensor<[2,3],ui8>
  return %0 : !torch.vtensor<[2,3],ui8>
}

// -----

// QLinearMul without zero points.
// CHECK-LABEL: func.func @test_qlinear_mul
func.func @test_qlinear_mul(%arg0: !torch.vtensor<[2,3],si8>, %arg1: !torch.vtensor<[],f32>, %arg2: !torch.vtensor<[2,3],si8>, %arg3: !torch.vtensor<[],f32>, %arg4: !torch.vtensor<[],f32>) -> !torch.vtensor<[2,3],si8> attributes {torch.onnx_meta.opset_version = 17 : si64, torch.onnx_meta.opset_versions = {com.microsoft = 1 : si64}} {
  // CHECK: torch.aten.mul.Tensor
  // CHECK: torch.aten.round
  // CHECK: torch.aten.clamp
  // CHECK-NOT: torch.operator
  %none = torch.constant.none
  %0 = torch.operator "onnx.com.microsoft.QLinearMul"(%arg0, %arg1, %none, %arg2, %arg3, %none, %arg4) : (!torch.vtensor<[2,3],si8>, !torch.vtensor<[],f32>, !torch.none, !torch.vtensor<[2,3],si8>, !torch.vtensor<[],f32>, !torch.none, !torch.vtensor<[],f32>) -> !torch.vtensor<[2,3],si8>
  return %0 : !torch.vtensor<[2,3],si8>
}

// -----

// QLinearSigmoid.
// CHECK-LABEL: func.func @test_qlinear_sigmoid
func.func @test_qlinear_sigmoid(%arg0: !torch.vtensor<[2,3],ui8>, %arg1: !torch.vtensor<[],f32>, %arg2: !torch.vtensor<[],ui8>, %arg3: !torch.vtensor<[],f32>, %arg4: !torch.vtensor<[],ui8>) -> !torch.vtensor<[2,3],ui8> attributes {torch.onnx_meta.opset_version = 17 : si64, torch.onnx_meta.opset_versions = {com.microsoft = 1 : si64}} {
  // CHECK: torch.aten.sigmoid
  // CHECK: torch.aten.round
  // CHECK-NOT: torch.operator
  %none = torch.constant.none
  %0 = torch.operator "onnx.com.microsoft.QLinearSigmoid"(%arg0, %arg1, %arg2, %arg3, %arg4) : (!torch.vtensor<[2,3],ui8>, !torch.vtensor<[],f32>, !torch.vtensor<[],ui8>, !torch.vtensor<[],f32>, !torch.vtensor<[],ui8>) -> !torch.vtensor<[2,3],ui8>
  return %0 : !torch.vtensor<[2,3],ui8>
}

// -----

// QLinearLeakyRelu with alpha.
// CHECK-LABEL: func.func @test_qlinear_leaky_relu
func.func @test_qlinear_leaky_relu(%arg0: !torch.vtensor<[2,3],ui8>, %arg1: !torch.vtensor<[],f32>, %arg2: !torch.vtensor<[],ui8>, %arg3: !torch.vtensor<[],f32>, %arg4: !torch.vtensor<[],ui8>) -> !torch.vtensor<[2,3],ui8> attributes {torch.onnx_meta.opset_version = 17 : si64, torch.onnx_meta.opset_versions = {com.microsoft = 1 : si64}} {
  // CHECK: torch.aten.leaky_relu
  // CHECK: torch.aten.round
  // CHECK-NOT: torch.operator
  %none = torch.constant.none
  %0 = torch.operator "onnx.com.microsoft.QLinearLeakyRelu"(%arg0, %arg1, %arg2, %arg3, %arg4) {torch.onnx.alpha = 1.000000e-01 : f32} : (!torch.vtensor<[2,3],ui8>, !torch.vtensor<[],f32>, !torch.vtensor<[],ui8>, !torch.vtensor<[],f32>, !torch.vtensor<[],ui8>) -> !torch.vtensor<[2,3],ui8>
  return %0 : !torch.vtensor<[2,3],ui8>
}

// -----

// QLinearSoftmax on the last axis (opset 13).
// CHECK-LABEL: func.func @test_qlinear_softmax
func.func @test_qlinear_softmax(%arg0: !torch.vtensor<[2,3],ui8>, %arg1: !torch.vtensor<[],f32>, %arg2: !torch.vtensor<[],ui8>, %arg3: !torch.vtensor<[],f32>, %arg4: !torch.vtensor<[],ui8>) -> !torch.vtensor<[2,3],ui8> attributes {torch.onnx_meta.opset_version = 17 : si64, torch.onnx_meta.opset_versions = {com.microsoft = 1 : si64}} {
  // CHECK: torch.aten.softmax.int
  // CHECK: torch.aten.round
  // CHECK-NOT: torch.operator
  %none = torch.constant.none
  %0 = torch.operator "onnx.com.microsoft.QLinearSoftmax"(%arg0, %arg1, %arg2, %arg3, %arg4) {torch.onnx.axis = -1 : si64, torch.onnx.opset = 13 : si64} : (!torch.vtensor<[2,3],ui8>, !torch.vtensor<[],f32>, !torch.vtensor<[],ui8>, !torch.vtensor<[],f32>, !torch.vtensor<[],ui8>) -> !torch.vtensor<[2,3],ui8>
  return %0 : !torch.vtensor<[2,3],ui8>
}

// -----

// QLinearConcat of two tensors with their own scales.
// CHECK-LABEL: func.func @test_qlinear_concat
func.func @test_qlinear_concat(%arg0: !torch.vtensor<[],f32>, %arg1: !torch.vtensor<[],ui8>, %arg2: !torch.vtensor<[2,3],ui8>, %arg3: !torch.vtensor<[],f32>, %arg4: !torch.vtensor<[],ui8>, %arg5: !torch.vtensor<[2,2],ui8>, %arg6: !torch.vtensor<[],f32>, %arg7: !torch.vtensor<[],ui8>) -> !torch.vtensor<[2,5],ui8> attributes {torch.onnx_meta.opset_version = 17 : si64, torch.onnx_meta.opset_versions = {com.microsoft = 1 : si64}} {
  // CHECK: torch.aten.cat {{.*}} -> !torch.vtensor<[2,5],f32>
  // CHECK: torch.aten.round
  // CHECK-NOT: torch.operator
  %none = torch.constant.none
  %0 = torch.operator "onnx.com.microsoft.QLinearConcat"(%arg0, %arg1, %arg2, %arg3, %arg4, %arg5, %arg6, %arg7) {torch.onnx.axis = 1 : si64} : (!torch.vtensor<[],f32>, !torch.vtensor<[],ui8>, !torch.vtensor<[2,3],ui8>, !torch.vtensor<[],f32>, !torch.vtensor<[],ui8>, !torch.vtensor<[2,2],ui8>, !torch.vtensor<[],f32>, !torch.vtensor<[],ui8>) -> !torch.vtensor<[2,5],ui8>
  return %0 : !torch.vtensor<[2,5],ui8>
}

// -----

// QLinearWhere.
// CHECK-LABEL: func.func @test_qlinear_where
func.func @test_qlinear_where(%arg0: !torch.vtensor<[2,3],i1>, %arg1: !torch.vtensor<[2,3],ui8>, %arg2: !torch.vtensor<[],f32>, %arg3: !torch.vtensor<[],ui8>, %arg4: !torch.vtensor<[2,3],ui8>, %arg5: !torch.vtensor<[],f32>, %arg6: !torch.vtensor<[],ui8>, %arg7: !torch.vtensor<[],f32>, %arg8: !torch.vtensor<[],ui8>) -> !torch.vtensor<[2,3],ui8> attributes {torch.onnx_meta.opset_version = 17 : si64, torch.onnx_meta.opset_versions = {com.microsoft = 1 : si64}} {
  // CHECK: torch.aten.where.self
  // CHECK: torch.aten.round
  // CHECK-NOT: torch.operator
  %none = torch.constant.none
  %0 = torch.operator "onnx.com.microsoft.QLinearWhere"(%arg0, %arg1, %arg2, %arg3, %arg4, %arg5, %arg6, %arg7, %arg8) : (!torch.vtensor<[2,3],i1>, !torch.vtensor<[2,3],ui8>, !torch.vtensor<[],f32>, !torch.vtensor<[],ui8>, !torch.vtensor<[2,3],ui8>, !torch.vtensor<[],f32>, !torch.vtensor<[],ui8>, !torch.vtensor<[],f32>, !torch.vtensor<[],ui8>) -> !torch.vtensor<[2,3],ui8>
  return %0 : !torch.vtensor<[2,3],ui8>
}

// -----

// QLinearGlobalAveragePool (NCHW).
// CHECK-LABEL: func.func @test_qlinear_global_average_pool
func.func @test_qlinear_global_average_pool(%arg0: !torch.vtensor<[1,3,4,4],ui8>, %arg1: !torch.vtensor<[],f32>, %arg2: !torch.vtensor<[],ui8>, %arg3: !torch.vtensor<[],f32>, %arg4: !torch.vtensor<[],ui8>) -> !torch.vtensor<[1,3,1,1],ui8> attributes {torch.onnx_meta.opset_version = 17 : si64, torch.onnx_meta.opset_versions = {com.microsoft = 1 : si64}} {
  // CHECK: torch.aten.mean.dim {{.*}} -> !torch.vtensor<[1,3,1,1],f32>
  // CHECK: torch.aten.round
  // CHECK-NOT: torch.operator
  %none = torch.constant.none
  %0 = torch.operator "onnx.com.microsoft.QLinearGlobalAveragePool"(%arg0, %arg1, %arg2, %arg3, %arg4) : (!torch.vtensor<[1,3,4,4],ui8>, !torch.vtensor<[],f32>, !torch.vtensor<[],ui8>, !torch.vtensor<[],f32>, !torch.vtensor<[],ui8>) -> !torch.vtensor<[1,3,1,1],ui8>
  return %0 : !torch.vtensor<[1,3,1,1],ui8>
}

// -----

// QLinearGlobalAveragePool with channels_last.
// CHECK-LABEL: func.func @test_qlinear_global_average_pool_nhwc
func.func @test_qlinear_global_average_pool_nhwc(%arg0: !torch.vtensor<[1,4,4,3],ui8>, %arg1: !torch.vtensor<[],f32>, %arg2: !torch.vtensor<[],ui8>, %arg3: !torch.vtensor<[],f32>, %arg4: !torch.vtensor<[],ui8>) -> !torch.vtensor<[1,1,1,3],ui8> attributes {torch.onnx_meta.opset_version = 17 : si64, torch.onnx_meta.opset_versions = {com.microsoft = 1 : si64}} {
  // CHECK: torch.aten.mean.dim {{.*}} -> !torch.vtensor<[1,1,1,3],f32>
  // CHECK-NOT: torch.operator
  %none = torch.constant.none
  %0 = torch.operator "onnx.com.microsoft.QLinearGlobalAveragePool"(%arg0, %arg1, %arg2, %arg3, %arg4) {torch.onnx.channels_last = 1 : si64} : (!torch.vtensor<[1,4,4,3],ui8>, !torch.vtensor<[],f32>, !torch.vtensor<[],ui8>, !torch.vtensor<[],f32>, !torch.vtensor<[],ui8>) -> !torch.vtensor<[1,1,1,3],ui8>
  return %0 : !torch.vtensor<[1,1,1,3],ui8>
}

// -----

// QLinearAveragePool 2x2 stride 2.
// CHECK-LABEL: func.func @test_qlinear_average_pool
func.func @test_qlinear_average_pool(%arg0: !torch.vtensor<[1,3,4,4],ui8>, %arg1: !torch.vtensor<[],f32>, %arg2: !torch.vtensor<[],ui8>, %arg3: !torch.vtensor<[],f32>, %arg4: !torch.vtensor<[],ui8>) -> !torch.vtensor<[1,3,2,2],ui8> attributes {torch.onnx_meta.opset_version = 17 : si64, torch.onnx_meta.opset_versions = {com.microsoft = 1 : si64}} {
  // CHECK: torch.aten.avg_pool2d {{.*}} -> !torch.vtensor<[1,3,2,2],f32>
  // CHECK: torch.aten.round
  // CHECK-NOT: torch.operator
  %none = torch.constant.none
  %0 = torch.operator "onnx.com.microsoft.QLinearAveragePool"(%arg0, %arg1, %arg2, %arg3, %arg4) {torch.onnx.kernel_shape = [2 : si64, 2 : si64], torch.onnx.strides = [2 : si64, 2 : si64]} : (!torch.vtensor<[1,3,4,4],ui8>, !torch.vtensor<[],f32>, !torch.vtensor<[],ui8>, !torch.vtensor<[],f32>, !torch.vtensor<[],ui8>) -> !torch.vtensor<[1,3,2,2],ui8>
  return %0 : !torch.vtensor<[1,3,2,2],ui8>
}

// -----

// QGemm with transB, int32 C and a quantized output.
// CHECK-LABEL: func.func @test_qgemm_quantized
func.func @test_qgemm_quantized(%arg0: !torch.vtensor<[2,4],ui8>, %arg1: !torch.vtensor<[],f32>, %arg2: !torch.vtensor<[],ui8>, %arg3: !torch.vtensor<[3,4],si8>, %arg4: !torch.vtensor<[3],f32>, %arg5: !torch.vtensor<[3],si8>, %arg6: !torch.vtensor<[3],si32>, %arg7: !torch.vtensor<[],f32>, %arg8: !torch.vtensor<[],ui8>) -> !torch.vtensor<[2,3],ui8> attributes {torch.onnx_meta.opset_version = 17 : si64, torch.onnx_meta.opset_versions = {com.microsoft = 1 : si64}} {
  // CHECK: torch.aten.permute
  // CHECK: torch.aten.matmul
  // CHECK: torch.aten.add.Tensor
  // CHECK: torch.aten.round
  // CHECK-NOT: torch.operator
  %none = torch.constant.none
  %0 = torch.operator "onnx.com.microsoft.QGemm"(%arg0, %arg1, %arg2, %arg3, %arg4, %arg5, %arg6, %arg7, %arg8) {torch.onnx.transB = 1 : si64} : (!torch.vtensor<[2,4],ui8>, !torch.vtensor<[],f32>, !torch.vtensor<[],ui8>, !torch.vtensor<[3,4],si8>, !torch.vtensor<[3],f32>, !torch.vtensor<[3],si8>, !torch.vtensor<[3],si32>, !torch.vtensor<[],f32>, !torch.vtensor<[],ui8>) -> !torch.vtensor<[2,3],ui8>
  return %0 : !torch.vtensor<[2,3],ui8>
}

// -----

// QGemm with a float output (no y_scale) and alpha.
// CHECK-LABEL: func.func @test_qgemm_float
func.func @test_qgemm_float(%arg0: !torch.vtensor<[2,4],ui8>, %arg1: !torch.vtensor<[],f32>, %arg2: !torch.vtensor<[],ui8>, %arg3: !torch.vtensor<[4,3],ui8>, %arg4: !torch.vtensor<[],f32>, %arg5: !torch.vtensor<[],ui8>) -> !torch.vtensor<[2,3],f32> attributes {torch.onnx_meta.opset_version = 17 : si64, torch.onnx_meta.opset_versions = {com.microsoft = 1 : si64}} {
  // CHECK: torch.aten.matmul
  // CHECK: torch.aten.mul.Scalar
  // CHECK: torch.aten.mul.Tensor {{.*}} -> !torch.vtensor<[2,3],f32>
  // CHECK-NOT: torch.operator
  %none = torch.constant.none
  %0 = torch.operator "onnx.com.microsoft.QGemm"(%arg0, %arg1, %arg2, %arg3, %arg4, %arg5) {torch.onnx.alpha = 2.000000e+00 : f32} : (!torch.vtensor<[2,4],ui8>, !torch.vtensor<[],f32>, !torch.vtensor<[],ui8>, !torch.vtensor<[4,3],ui8>, !torch.vtensor<[],f32>, !torch.vtensor<[],ui8>) -> !torch.vtensor<[2,3],f32>
  return %0 : !torch.vtensor<[2,3],f32>
}

// -----

// GatherBlockQuantized, 4-bit rows with packed zero points.
// CHECK-LABEL: func.func @test_gather_block_quantized_4bit
func.func @test_gather_block_quantized_4bit(%arg0: !torch.vtensor<[6,16],ui8>, %arg1: !torch.vtensor<[2,2],si64>, %arg2: !torch.vtensor<[6,2],f32>, %arg3: !torch.vtensor<[6,1],ui8>) -> !torch.vtensor<[2,2,32],f32> attributes {torch.onnx_meta.opset_version = 17 : si64, torch.onnx_meta.opset_versions = {com.microsoft = 1 : si64}} {
  // CHECK: torch.aten.index_select %arg0
  // CHECK: torch.aten.bitwise_right_shift.Tensor
  // CHECK: torch.aten.where.ScalarOther
  // CHECK: -> !torch.vtensor<[2,2,32],f32>
  // CHECK-NOT: torch.operator
  %none = torch.constant.none
  %0 = torch.operator "onnx.com.microsoft.GatherBlockQuantized"(%arg0, %arg1, %arg2, %arg3) {torch.onnx.bits = 4 : si64, torch.onnx.block_size = 16 : si64} : (!torch.vtensor<[6,16],ui8>, !torch.vtensor<[2,2],si64>, !torch.vtensor<[6,2],f32>, !torch.vtensor<[6,1],ui8>) -> !torch.vtensor<[2,2,32],f32>
  return %0 : !torch.vtensor<[2,2,32],f32>
}

// -----

// com.microsoft QuantizeLinear with a per-axis scale.
// CHECK-LABEL: func.func @test_quantize_linear_contrib_axis
func.func @test_quantize_linear_contrib_axis(%arg0: !torch.vtensor<[2,3],f32>, %arg1: !torch.vtensor<[3],f32>, %arg2: !torch.vtensor<[3],ui8>) -> !torch.vtensor<[2,3],ui8> attributes {torch.onnx_meta.opset_version = 17 : si64, torch.onnx_meta.opset_versions = {com.microsoft = 1 : si64}} {
  // CHECK: torch.aten.div.Tensor
  // CHECK: torch.aten.round
  // CHECK: torch.aten.clamp
  // CHECK-NOT: torch.operator
  %none = torch.constant.none
  %0 = torch.operator "onnx.com.microsoft.QuantizeLinear"(%arg0, %arg1, %arg2) {torch.onnx.axis = 1 : si64} : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[3],f32>, !torch.vtensor<[3],ui8>) -> !torch.vtensor<[2,3],ui8>
  return %0 : !torch.vtensor<[2,3],ui8>
}

// -----

// com.microsoft DequantizeLinear per tensor.
// CHECK-LABEL: func.func @test_dequantize_linear_contrib
func.func @test_dequantize_linear_contrib(%arg0: !torch.vtensor<[2,3],si8>, %arg1: !torch.vtensor<[],f32>, %arg2: !torch.vtensor<[],si8>) -> !torch.vtensor<[2,3],f32> attributes {torch.onnx_meta.opset_version = 17 : si64, torch.onnx_meta.opset_versions = {com.microsoft = 1 : si64}} {
  // CHECK: torch.aten.sub.Tensor
  // CHECK: torch.aten.mul.Tensor
  // CHECK-NOT: torch.operator
  %none = torch.constant.none
  %0 = torch.operator "onnx.com.microsoft.DequantizeLinear"(%arg0, %arg1, %arg2) : (!torch.vtensor<[2,3],si8>, !torch.vtensor<[],f32>, !torch.vtensor<[],si8>) -> !torch.vtensor<[2,3],f32>
  return %0 : !torch.vtensor<[2,3],f32>
}
