// RUN: %opt --split-input-file --convert-torch-onnx-to-torch --verify-diagnostics --report %s

func.func @test_gemm_int_fractional_alpha(%arg0: !torch.vtensor<[3,4],si32>, %arg1: !torch.vtensor<[4,5],si32>) -> !torch.vtensor<[3,5],si32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // expected-remark@+1 {{onnx.Gemm was not converted: non-integral factor 0.5 on an integer tensor}}
  %0 = torch.operator "onnx.Gemm"(%arg0, %arg1) {torch.onnx.alpha = 5.000000e-01 : f32} : (!torch.vtensor<[3,4],si32>, !torch.vtensor<[4,5],si32>) -> !torch.vtensor<[3,5],si32>
  return %0 : !torch.vtensor<[3,5],si32>
}

// -----

func.func @test_matmulinteger_int32(%arg0: !torch.vtensor<[4,3],si32>, %arg1: !torch.vtensor<[3,2],si32>) -> !torch.vtensor<[4,2],si32> attributes {torch.onnx_meta.opset_version = 10 : si64} {
  // expected-remark@+1 {{onnx.MatMulInteger was not converted: MatMulInteger operands must be 8-bit integers, got si32}}
  %0 = torch.operator "onnx.MatMulInteger"(%arg0, %arg1) : (!torch.vtensor<[4,3],si32>, !torch.vtensor<[3,2],si32>) -> !torch.vtensor<[4,2],si32>
  return %0 : !torch.vtensor<[4,2],si32>
}
