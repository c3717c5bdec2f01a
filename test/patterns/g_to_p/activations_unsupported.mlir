// RUN: %opt --split-input-file --convert-torch-onnx-to-torch --verify-diagnostics --report %s

// Declined G-P activation cases: each op stays as it was, with the reason reported.

func.func @test_gelu_bad_approximate(%arg0: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 20 : si64} {
  // expected-remark@+1 {{onnx.Gelu was not converted: unknown approximate 'erf'}}
  %0 = torch.operator "onnx.Gelu"(%arg0) {torch.onnx.approximate = "erf"} : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}

// -----

func.func @test_prelu_slope_not_unidirectional(%arg0: !torch.vtensor<[3],f32>, %arg1: !torch.vtensor<[2,3],f32>) -> !torch.vtensor<[2,3],f32> attributes {torch.onnx_meta.opset_version = 16 : si64} {
  // expected-remark@+1 {{onnx.PRelu was not converted: slope shape [2, 3] does not broadcast to input shape [3]}}
  %0 = torch.operator "onnx.PRelu"(%arg0, %arg1) : (!torch.vtensor<[3],f32>, !torch.vtensor<[2,3],f32>) -> !torch.vtensor<[2,3],f32>
  return %0 : !torch.vtensor<[2,3],f32>
}
