// RUN: %opt --split-input-file --convert-torch-onnx-to-torch --verify-diagnostics --report %s

// transBatchA is declined.
func.func @test_fused_matmul_trans_batch(%arg0: !torch.vtensor<[2,3,4],f32>, %arg1: !torch.vtensor<[3,4,5],f32>) -> !torch.vtensor<[2,3,5],f32> attributes {torch.onnx_meta.opset_version = 17 : si64, torch.onnx_meta.opset_versions = {com.microsoft = 1 : si64}} {
  %none = torch.constant.none
  // expected-remark@+1 {{onnx.com.microsoft.FusedMatMul was not converted: transBatchA / transBatchB are not supported}}
  %0 = torch.operator "onnx.com.microsoft.FusedMatMul"(%arg0, %arg1) {torch.onnx.transBatchA = 1 : si64} : (!torch.vtensor<[2,3,4],f32>, !torch.vtensor<[3,4,5],f32>) -> !torch.vtensor<[2,3,5],f32>
  return %0 : !torch.vtensor<[2,3,5],f32>
}

// -----

// g_idx (act-order) is declined.
func.func @test_matmul_nbits_g_idx(%arg0: !torch.vtensor<[2,32],f32>, %arg1: !torch.vtensor<[4,2,8],ui8>, %arg2: !torch.vtensor<[4,2],f32>, %arg3: !torch.vtensor<[32],si32>) -> !torch.vtensor<[2,4],f32> attributes {torch.onnx_meta.opset_version = 17 : si64, torch.onnx_meta.opset_versions = {com.microsoft = 1 : si64}} {
  %none = torch.constant.none
  // expected-remark@+1 {{onnx.com.microsoft.MatMulNBits was not converted: g_idx (deprecated act-order) is not supported}}
  %0 = torch.operator "onnx.com.microsoft.MatMulNBits"(%arg0, %arg1, %arg2, %none, %arg3) {torch.onnx.K = 32 : si64, torch.onnx.N = 4 : si64, torch.onnx.bits = 4 : si64, torch.onnx.block_size = 16 : si64} : (!torch.vtensor<[2,32],f32>, !torch.vtensor<[4,2,8],ui8>, !torch.vtensor<[4,2],f32>, !torch.none, !torch.vtensor<[32],si32>) -> !torch.vtensor<[2,4],f32>
  return %0 : !torch.vtensor<[2,4],f32>
}

// -----

// Only 2, 4 and 8 bits are supported.
func.func @test_matmul_nbits_3bit(%arg0: !torch.vtensor<[2,32],f32>, %arg1: !torch.vtensor<[4,2,6],ui8>, %arg2: !torch.vtensor<[4,2],f32>) -> !torch.vtensor<[2,4],f32> attributes {torch.onnx_meta.opset_version = 17 : si64, torch.onnx_meta.opset_versions = {com.microsoft = 1 : si64}} {
  %none = torch.constant.none
  // expected-remark@+1 {{onnx.com.microsoft.MatMulNBits was not converted: bits=3 (2, 4 and 8 are supported)}}
  %0 = torch.operator "onnx.com.microsoft.MatMulNBits"(%arg0, %arg1, %arg2) {torch.onnx.K = 32 : si64, torch.onnx.N = 4 : si64, torch.onnx.bits = 3 : si64, torch.onnx.block_size = 16 : si64} : (!torch.vtensor<[2,32],f32>, !torch.vtensor<[4,2,6],ui8>, !torch.vtensor<[4,2],f32>) -> !torch.vtensor<[2,4],f32>
  return %0 : !torch.vtensor<[2,4],f32>
}

// -----

// An unknown fused activation.
func.func @test_fused_conv_unknown_activation(%arg0: !torch.vtensor<[1,2,5,5],f32>, %arg1: !torch.vtensor<[3,2,3,3],f32>) -> !torch.vtensor<[1,3,3,3],f32> attributes {torch.onnx_meta.opset_version = 17 : si64, torch.onnx_meta.opset_versions = {com.microsoft = 1 : si64}} {
  %none = torch.constant.none
  // expected-remark@+1 {{onnx.com.microsoft.FusedConv was not converted: unknown fused activation 'Swish'}}
  %0 = torch.operator "onnx.com.microsoft.FusedConv"(%arg0, %arg1) {torch.onnx.activation = "Swish", torch.onnx.kernel_shape = [3 : si64, 3 : si64]} : (!torch.vtensor<[1,2,5,5],f32>, !torch.vtensor<[3,2,3,3],f32>) -> !torch.vtensor<[1,3,3,3],f32>
  return %0 : !torch.vtensor<[1,3,3,3],f32>
}
