// RUN: %opt --split-input-file --pass-pipeline='builtin.module(func.func(convert-torch-onnx-to-torch{strict=true}))' --verify-diagnostics %s

// strict=true fails the pass and names every op left, at its location, with the reason.
func.func @test_strict_lists_each_unconverted_op(%arg0: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 17 : si64} {
  %0 = torch.operator "onnx.Abs"(%arg0) : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32>
  // expected-error@+1 {{onnx.FooBar was not converted: no pattern for this op}}
  %1 = torch.operator "onnx.FooBar"(%0) : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32>
  // expected-error@+1 {{onnx.Cast was not converted: required attribute 'to' is missing}}
  %2 = torch.operator "onnx.Cast"(%1) : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32>
  return %2 : !torch.vtensor<[3],f32>
}

// -----

// Everything converted: strict mode succeeds silently.
func.func @test_strict_all_converted(%arg0: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 17 : si64} {
  %0 = torch.operator "onnx.Abs"(%arg0) : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}
