// RUN: %opt --split-input-file --convert-torch-onnx-to-torch --verify-diagnostics --report %s

// Declined Q-Z activation cases: each op stays as it was, with the reason reported.

func.func @test_shrink_fractional_int(%arg0: !torch.vtensor<[3],si8>) -> !torch.vtensor<[3],si8> attributes {torch.onnx_meta.opset_version = 9 : si64} {
  // expected-remark@+1 {{onnx.Shrink was not converted: non-integral lambd 1.5 or bias 0.0 on si8}}
  %0 = torch.operator "onnx.Shrink"(%arg0) {torch.onnx.lambd = 1.500000e+00 : f32} : (!torch.vtensor<[3],si8>) -> !torch.vtensor<[3],si8>
  return %0 : !torch.vtensor<[3],si8>
}

// -----

func.func @test_swiglu_int(%arg0: !torch.vtensor<[3],si32>, %arg1: !torch.vtensor<[3],si32>) -> !torch.vtensor<[3],si32> attributes {torch.onnx_meta.opset_version = 28 : si64} {
  // expected-remark@+1 {{onnx.SwiGLU was not converted: SwiGLU of si32 (float types only)}}
  %0 = torch.operator "onnx.SwiGLU"(%arg0, %arg1) : (!torch.vtensor<[3],si32>, !torch.vtensor<[3],si32>) -> !torch.vtensor<[3],si32>
  return %0 : !torch.vtensor<[3],si32>
}
