// RUN: %opt --split-input-file --convert-torch-onnx-to-torch --verify-diagnostics --report %s

// Declined G-P elementwise cases: each op stays as it was, with the reason reported.

func.func @test_mean_int(%arg0: !torch.vtensor<[3],si32>, %arg1: !torch.vtensor<[3],si32>) -> !torch.vtensor<[3],si32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // expected-remark@+1 {{onnx.Mean was not converted: Mean of si32 is not defined (float types only)}}
  %0 = torch.operator "onnx.Mean"(%arg0, %arg1) : (!torch.vtensor<[3],si32>, !torch.vtensor<[3],si32>) -> !torch.vtensor<[3],si32>
  return %0 : !torch.vtensor<[3],si32>
}

// -----

func.func @test_or_int(%arg0: !torch.vtensor<[3],si32>, %arg1: !torch.vtensor<[3],si32>) -> !torch.vtensor<[3],i1> attributes {torch.onnx_meta.opset_version = 7 : si64} {
  // expected-remark@+1 {{onnx.Or was not converted: Or needs bool operands, got si32 and si32}}
  %0 = torch.operator "onnx.Or"(%arg0, %arg1) : (!torch.vtensor<[3],si32>, !torch.vtensor<[3],si32>) -> !torch.vtensor<[3],i1>
  return %0 : !torch.vtensor<[3],i1>
}
