// RUN: %opt --split-input-file --convert-torch-onnx-to-torch %s | filecheck %s

// FusedMatMul with transB and alpha.
// CHECK-LABEL: func.func @test_fused_matmul
func.func @test_fused_matmul(%arg0: !torch.vtensor<[2,3,4],f32>, %arg1: !torch.vtensor<[2,5,4],f32>) -> !torch.vtensor<[2,3,5],f32> attributes {torch.onnx_meta.opset_version = 17 : si64, torch.onnx_meta.opset_versions = {com.microsoft = 1 : si64}} {
  // CHECK: torch.aten.transpose.int %arg1
  // CHECK: torch.aten.matmul
  // CHECK: torch.aten.mul.Scalar
  // CHECK-NOT: torch.operator
  %none = torch.constant.none
  %0 = torch.operator "onnx.com.microsoft.FusedMatMul"(%arg0, %arg1) {torch.onnx.alpha = 5.000000e-01 : f32, torch.onnx.transB = 1 : si64} : (!torch.vtensor<[2,3,4],f32>, !torch.vtensor<[2,5,4],f32>) -> !torch.vtensor<[2,3,5],f32>
  return %0 : !torch.vtensor<[2,3,5],f32>
}

// -----

// FusedMatMul with transA.
// CHECK-LABEL: func.func @test_fused_matmul_trans_a
func.func @test_fused_matmul_trans_a(%arg0: !torch.vtensor<[4,3],f32>, %arg1: !torch.vtensor<[4,5],f32>) -> !torch.vtensor<[3,5],f32> attributes {torch.onnx_meta.opset_version = 17 : si64, torch.onnx_meta.opset_versions = {com.microsoft = 1 : si64}} {
  // CHECK: torch.aten.transpose.int %arg0
  // CHECK: torch.aten.matmul {{.*}} -> !torch.vtensor<[3,5],f32>
  // CHECK-NOT: torch.operator
  %none = torch.constant.none
  %0 = torch.operator "onnx.com.microsoft.FusedMatMul"(%arg0, %arg1) {torch.onnx.transA = 1 : si64} : (!torch.vtensor<[4,3],f32>, !torch.vtensor<[4,5],f32>) -> !torch.vtensor<[3,5],f32>
  return %0 : !torch.vtensor<[3,5],f32>
}

// -----

// FusedGemm with C and a LeakyRelu activation.
// CHECK-LABEL: func.func @test_fused_gemm_leaky_relu
func.func @test_fused_gemm_leaky_relu(%arg0: !torch.vtensor<[3,4],f32>, %arg1: !torch.vtensor<[5,4],f32>, %arg2: !torch.vtensor<[5],f32>) -> !torch.vtensor<[3,5],f32> attributes {torch.onnx_meta.opset_version = 17 : si64, torch.onnx_meta.opset_versions = {com.microsoft = 1 : si64}} {
  // CHECK: torch.aten.mm
  // CHECK: torch.aten.add.Tensor
  // CHECK: torch.aten.leaky_relu
  // CHECK-NOT: torch.operator
  %none = torch.constant.none
  %0 = torch.operator "onnx.com.microsoft.FusedGemm"(%arg0, %arg1, %arg2) {torch.onnx.activation = "LeakyRelu", torch.onnx.activation_alpha = 2.000000e-01 : f32, torch.onnx.transB = 1 : si64} : (!torch.vtensor<[3,4],f32>, !torch.vtensor<[5,4],f32>, !torch.vtensor<[5],f32>) -> !torch.vtensor<[3,5],f32>
  return %0 : !torch.vtensor<[3,5],f32>
}

// -----

// FusedGemm without C, Relu.
// CHECK-LABEL: func.func @test_fused_gemm_no_c_relu
func.func @test_fused_gemm_no_c_relu(%arg0: !torch.vtensor<[3,4],f32>, %arg1: !torch.vtensor<[4,5],f32>) -> !torch.vtensor<[3,5],f32> attributes {torch.onnx_meta.opset_version = 17 : si64, torch.onnx_meta.opset_versions = {com.microsoft = 1 : si64}} {
  // CHECK: torch.aten.mm
  // CHECK: torch.aten.relu
  // CHECK-NOT: torch.operator
  %none = torch.constant.none
  %0 = torch.operator "onnx.com.microsoft.FusedGemm"(%arg0, %arg1) {torch.onnx.activation = "Relu"} : (!torch.vtensor<[3,4],f32>, !torch.vtensor<[4,5],f32>) -> !torch.vtensor<[3,5],f32>
  return %0 : !torch.vtensor<[3,5],f32>
}

// -----

// FusedConv with the sum input Z and Relu.
// CHECK-LABEL: func.func @test_fused_conv_relu_sum
func.func @test_fused_conv_relu_sum(%arg0: !torch.vtensor<[1,2,5,5],f32>, %arg1: !torch.vtensor<[3,2,3,3],f32>, %arg2: !torch.vtensor<[3],f32>, %arg3: !torch.vtensor<[1,3,5,5],f32>) -> !torch.vtensor<[1,3,5,5],f32> attributes {torch.onnx_meta.opset_version = 17 : si64, torch.onnx_meta.opset_versions = {com.microsoft = 1 : si64}} {
  // CHECK: torch.aten.convolution
  // CHECK: torch.aten.add.Tensor %{{.*}}, %arg3
  // CHECK: torch.aten.relu
  // CHECK-NOT: torch.operator
  %none = torch.constant.none
  %0 = torch.operator "onnx.com.microsoft.FusedConv"(%arg0, %arg1, %arg2, %arg3) {torch.onnx.activation = "Relu", torch.onnx.kernel_shape = [3 : si64, 3 : si64], torch.onnx.pads = [1 : si64, 1 : si64, 1 : si64, 1 : si64]} : (!torch.vtensor<[1,2,5,5],f32>, !torch.vtensor<[3,2,3,3],f32>, !torch.vtensor<[3],f32>, !torch.vtensor<[1,3,5,5],f32>) -> !torch.vtensor<[1,3,5,5],f32>
  return %0 : !torch.vtensor<[1,3,5,5],f32>
}

// -----

// FusedConv with a Clip activation.
// CHECK-LABEL: func.func @test_fused_conv_clip
func.func @test_fused_conv_clip(%arg0: !torch.vtensor<[1,2,5,5],f32>, %arg1: !torch.vtensor<[3,2,3,3],f32>) -> !torch.vtensor<[1,3,3,3],f32> attributes {torch.onnx_meta.opset_version = 17 : si64, torch.onnx_meta.opset_versions = {com.microsoft = 1 : si64}} {
  // CHECK: torch.aten.convolution
  // CHECK: torch.aten.clamp
  // CHECK-NOT: torch.operator
  %none = torch.constant.none
  %0 = torch.operator "onnx.com.microsoft.FusedConv"(%arg0, %arg1) {torch.onnx.activation = "Clip", torch.onnx.activation_params = [0.000000e+00 : f32, 6.000000e+00 : f32], torch.onnx.kernel_shape = [3 : si64, 3 : si64]} : (!torch.vtensor<[1,2,5,5],f32>, !torch.vtensor<[3,2,3,3],f32>) -> !torch.vtensor<[1,3,3,3],f32>
  return %0 : !torch.vtensor<[1,3,3,3],f32>
}

// -----

// MatMulNBits, 4 bits, block 16, packed uint8 zero points and bias.
// CHECK-LABEL: func.func @test_matmul_nbits_4bit
func.func @test_matmul_nbits_4bit(%arg0: !torch.vtensor<[2,32],f32>, %arg1: !torch.vtensor<[4,2,8],ui8>, %arg2: !torch.vtensor<[4,2],f32>, %arg3: !torch.vtensor<[4,1],ui8>, %arg4: !torch.vtensor<[4],f32>) -> !torch.vtensor<[2,4],f32> attributes {torch.onnx_meta.opset_version = 17 : si64, torch.onnx_meta.opset_versions = {com.microsoft = 1 : si64}} {
  // CHECK: torch.aten.bitwise_right_shift.Tensor
  // CHECK: torch.aten.bitwise_and.Scalar
  // CHECK: torch.aten.matmul {{.*}} -> !torch.vtensor<[2,4],f32>
  // CHECK: torch.aten.add.Tensor
  // CHECK-NOT: torch.operator
  %none = torch.constant.none
  %0 = torch.operator "onnx.com.microsoft.MatMulNBits"(%arg0, %arg1, %arg2, %arg3, %none, %arg4) {torch.onnx.K = 32 : si64, torch.onnx.N = 4 : si64, torch.onnx.bits = 4 : si64, torch.onnx.block_size = 16 : si64} : (!torch.vtensor<[2,32],f32>, !torch.vtensor<[4,2,8],ui8>, !torch.vtensor<[4,2],f32>, !torch.vtensor<[4,1],ui8>, !torch.none, !torch.vtensor<[4],f32>) -> !torch.vtensor<[2,4],f32>
  return %0 : !torch.vtensor<[2,4],f32>
}

// -----

// MatMulNBits, 8 bits, no zero points (128), K not a multiple of the block.
// CHECK-LABEL: func.func @test_matmul_nbits_8bit_default_zp
func.func @test_matmul_nbits_8bit_default_zp(%arg0: !torch.vtensor<[2,5,20],f32>, %arg1: !torch.vtensor<[3,2,16],ui8>, %arg2: !torch.vtensor<[3,2],f32>) -> !torch.vtensor<[2,5,3],f32> attributes {torch.onnx_meta.opset_version = 17 : si64, torch.onnx_meta.opset_versions = {com.microsoft = 1 : si64}} {
  // CHECK: torch.aten.add.Scalar {{.*}}
  // CHECK: torch.aten.slice.Tensor
  // CHECK: torch.aten.matmul {{.*}} -> !torch.vtensor<[2,5,3],f32>
  // CHECK-NOT: torch.operator
  %none = torch.constant.none
  %0 = torch.operator "onnx.com.microsoft.MatMulNBits"(%arg0, %arg1, %arg2) {torch.onnx.K = 20 : si64, torch.onnx.N = 3 : si64, torch.onnx.bits = 8 : si64, torch.onnx.block_size = 16 : si64} : (!torch.vtensor<[2,5,20],f32>, !torch.vtensor<[3,2,16],ui8>, !torch.vtensor<[3,2],f32>) -> !torch.vtensor<[2,5,3],f32>
  return %0 : !torch.vtensor<[2,5,3],f32>
}

// -----

// MatMulIntegerToFloat with zero points, per-column b_scale and bias.
// CHECK-LABEL: func.func @test_matmul_integer_to_float
func.func @test_matmul_integer_to_float(%arg0: !torch.vtensor<[2,4],ui8>, %arg1: !torch.vtensor<[4,3],si8>, %arg2: !torch.vtensor<[],f32>, %arg3: !torch.vtensor<[3],f32>, %arg4: !torch.vtensor<[],ui8>, %arg5: !torch.vtensor<[3],si8>, %arg6: !torch.vtensor<[3],f32>) -> !torch.vtensor<[2,3],f32> attributes {torch.onnx_meta.opset_version = 17 : si64, torch.onnx_meta.opset_versions = {com.microsoft = 1 : si64}} {
  // CHECK: torch.aten.matmul {{.*}} -> !torch.vtensor<[2,3],si32>
  // CHECK: torch.aten.mul.Tensor
  // CHECK: torch.aten.add.Tensor
  // CHECK-NOT: torch.operator
  %none = torch.constant.none
  %0 = torch.operator "onnx.com.microsoft.MatMulIntegerToFloat"(%arg0, %arg1, %arg2, %arg3, %arg4, %arg5, %arg6) : (!torch.vtensor<[2,4],ui8>, !torch.vtensor<[4,3],si8>, !torch.vtensor<[],f32>, !torch.vtensor<[3],f32>, !torch.vtensor<[],ui8>, !torch.vtensor<[3],si8>, !torch.vtensor<[3],f32>) -> !torch.vtensor<[2,3],f32>
  return %0 : !torch.vtensor<[2,3],f32>
}

// -----

// DynamicQuantizeMatMul: A quantized to uint8 at run time.
// CHECK-LABEL: func.func @test_dynamic_quantize_matmul
func.func @test_dynamic_quantize_matmul(%arg0: !torch.vtensor<[2,4],f32>, %arg1: !torch.vtensor<[4,3],si8>, %arg2: !torch.vtensor<[],f32>, %arg3: !torch.vtensor<[],si8>) -> !torch.vtensor<[2,3],f32> attributes {torch.onnx_meta.opset_version = 17 : si64, torch.onnx_meta.opset_versions = {com.microsoft = 1 : si64}} {
  // CHECK: torch.aten.min
  // CHECK: torch.aten.max
  // CHECK: torch.aten.round
  // CHECK: torch.aten.matmul
  // CHECK-NOT: torch.operator
  %none = torch.constant.none
  %0 = torch.operator "onnx.com.microsoft.DynamicQuantizeMatMul"(%arg0, %arg1, %arg2, %arg3) : (!torch.vtensor<[2,4],f32>, !torch.vtensor<[4,3],si8>, !torch.vtensor<[],f32>, !torch.vtensor<[],si8>) -> !torch.vtensor<[2,3],f32>
  return %0 : !torch.vtensor<[2,3],f32>
}
