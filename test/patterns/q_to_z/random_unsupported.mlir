// RUN: %opt --split-input-file --convert-torch-onnx-to-torch --verify-diagnostics --report %s

func.func @test_randomnormal_seed() -> !torch.vtensor<[2],f32> attributes {torch.onnx_meta.opset_version = 22 : si64} {
  // expected-remark@+1 {{onnx.RandomNormal was not converted: a seeded draw cannot be expressed: aten.randn takes no seed}}
  %0 = torch.operator "onnx.RandomNormal"() {torch.onnx.seed = 1.0 : f32, torch.onnx.shape = [2 : si64]} : () -> !torch.vtensor<[2],f32>
  return %0 : !torch.vtensor<[2],f32>
}

// -----

func.func @test_randomnormallike_seed(%arg0: !torch.vtensor<[2],f32>) -> !torch.vtensor<[2],f32> attributes {torch.onnx_meta.opset_version = 1 : si64} {
  // expected-remark@+1 {{onnx.RandomNormalLike was not converted: a seeded draw cannot be expressed: aten.randn takes no seed}}
  %0 = torch.operator "onnx.RandomNormalLike"(%arg0) {torch.onnx.seed = 1.0 : f32} : (!torch.vtensor<[2],f32>) -> !torch.vtensor<[2],f32>
  return %0 : !torch.vtensor<[2],f32>
}

// -----

func.func @test_randomuniform_seed() -> !torch.vtensor<[2],f32> attributes {torch.onnx_meta.opset_version = 1 : si64} {
  // expected-remark@+1 {{onnx.RandomUniform was not converted: a seeded draw cannot be expressed: aten.rand takes no seed}}
  %0 = torch.operator "onnx.RandomUniform"() {torch.onnx.seed = 0.0 : f32, torch.onnx.shape = [2 : si64]} : () -> !torch.vtensor<[2],f32>
  return %0 : !torch.vtensor<[2],f32>
}

// -----

func.func @test_randomuniformlike_seed(%arg0: !torch.vtensor<[2],f32>) -> !torch.vtensor<[2],f32> attributes {torch.onnx_meta.opset_version = 22 : si64} {
  // expected-remark@+1 {{onnx.RandomUniformLike was not converted: a seeded draw cannot be expressed: aten.rand takes no seed}}
  %0 = torch.operator "onnx.RandomUniformLike"(%arg0) {torch.onnx.seed = 0.0 : f32} : (!torch.vtensor<[2],f32>) -> !torch.vtensor<[2],f32>
  return %0 : !torch.vtensor<[2],f32>
}

// -----

func.func @test_randomuniformlike_int_output(%arg0: !torch.vtensor<[2],si32>) -> !torch.vtensor<[2],si32> attributes {torch.onnx_meta.opset_version = 22 : si64} {
  // expected-remark@+1 {{onnx.RandomUniformLike was not converted: output dtype si32 is not a float type}}
  %0 = torch.operator "onnx.RandomUniformLike"(%arg0) : (!torch.vtensor<[2],si32>) -> !torch.vtensor<[2],si32>
  return %0 : !torch.vtensor<[2],si32>
}
