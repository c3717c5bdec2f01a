// RUN: %opt --split-input-file --convert-torch-onnx-to-torch --verify-diagnostics --report %s

// Declined Q-Z elementwise cases: each op stays as it was, with the reason reported.

func.func @test_where_strings(%arg0: !torch.vtensor<[2],i1>, %arg1: !torch.vtensor<[2],!torch.str>, %arg2: !torch.vtensor<[2],!torch.str>) -> !torch.vtensor<[2],!torch.str> attributes {torch.onnx_meta.opset_version = 16 : si64} {
  // expected-remark@+1 {{onnx.Where was not converted: string tensors have no torch equivalent}}
  %0 = torch.operator "onnx.Where"(%arg0, %arg1, %arg2) : (!torch.vtensor<[2],i1>, !torch.vtensor<[2],!torch.str>, !torch.vtensor<[2],!torch.str>) -> !torch.vtensor<[2],!torch.str>
  return %0 : !torch.vtensor<[2],!torch.str>
}

// -----

func.func @test_round_int(%arg0: !torch.vtensor<[2],si32>) -> !torch.vtensor<[2],si32> attributes {torch.onnx_meta.opset_version = 22 : si64} {
  // expected-remark@+1 {{onnx.Round was not converted: Round of si32 (float types only)}}
  %0 = torch.operator "onnx.Round"(%arg0) : (!torch.vtensor<[2],si32>) -> !torch.vtensor<[2],si32>
  return %0 : !torch.vtensor<[2],si32>
}
