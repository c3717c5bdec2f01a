// RUN: %opt --split-input-file --convert-torch-onnx-to-torch --verify-diagnostics --report %s

func.func @test_multinomial_seed(%arg0: !torch.vtensor<[3,5],f32>) -> !torch.vtensor<[3,1],si32> attributes {torch.onnx_meta.opset_version = 22 : si64} {
  // expected-remark@+1 {{onnx.Multinomial was not converted: a seeded draw cannot be expressed: aten.rand takes no seed}}
  %0 = torch.operator "onnx.Multinomial"(%arg0) {torch.onnx.seed = 2.0 : f32} : (!torch.vtensor<[3,5],f32>) -> !torch.vtensor<[3,1],si32>
  return %0 : !torch.vtensor<[3,1],si32>
}
