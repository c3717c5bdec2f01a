// RUN: %opt --split-input-file --convert-torch-onnx-to-torch --verify-diagnostics --report %s

// Declined Gather cases (found by the fuzzer): each op stays as it was, with the reason.

func.func @test_gather_rank0_data(%arg0: !torch.vtensor<[],f32>, %arg1: !torch.vtensor<[2],si64>) -> !torch.vtensor<[2],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // expected-remark@+1 {{onnx.Gather was not converted: data of rank 0 has no axis to gather along}}
  %0 = torch.operator "onnx.Gather"(%arg0, %arg1) : (!torch.vtensor<[],f32>, !torch.vtensor<[2],si64>) -> !torch.vtensor<[2],f32>
  return %0 : !torch.vtensor<[2],f32>
}

// -----

func.func @test_gather_elements_rank0(%arg0: !torch.vtensor<[],f32>, %arg1: !torch.vtensor<[],si64>) -> !torch.vtensor<[],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // expected-remark@+1 {{onnx.GatherElements was not converted: data of rank 0 has no axis to gather along}}
  %0 = torch.operator "onnx.GatherElements"(%arg0, %arg1) : (!torch.vtensor<[],f32>, !torch.vtensor<[],si64>) -> !torch.vtensor<[],f32>
  return %0 : !torch.vtensor<[],f32>
}
