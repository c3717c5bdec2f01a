// RUN: %opt --split-input-file --convert-torch-onnx-to-torch --verify-diagnostics --report %s

// Declined RoiAlign cases: each op stays as it was, with the reason reported.

func.func @test_roialign_bad_mode(%arg0: !torch.vtensor<[1,1,4,4],f32>, %arg1: !torch.vtensor<[1,4],f32>, %arg2: !torch.vtensor<[1],si64>) -> !torch.vtensor<[1,1,1,1],f32> attributes {torch.onnx_meta.opset_version = 22 : si64} {
  // expected-remark@+1 {{onnx.RoiAlign was not converted: unknown mode 'sum'}}
  %0 = torch.operator "onnx.RoiAlign"(%arg0, %arg1, %arg2) {torch.onnx.mode = "sum", torch.onnx.sampling_ratio = 2 : si64} : (!torch.vtensor<[1,1,4,4],f32>, !torch.vtensor<[1,4],f32>, !torch.vtensor<[1],si64>) -> !torch.vtensor<[1,1,1,1],f32>
  return %0 : !torch.vtensor<[1,1,1,1],f32>
}

// -----

func.func @test_roialign_max_adaptive(%arg0: !torch.vtensor<[1,1,4,4],f32>, %arg1: !torch.vtensor<[1,4],f32>, %arg2: !torch.vtensor<[1],si64>) -> !torch.vtensor<[1,1,1,1],f32> attributes {torch.onnx_meta.opset_version = 22 : si64} {
  // expected-remark@+1 {{onnx.RoiAlign was not converted: mode=max with sampling_ratio=0 (adaptive): the number of samples depends on the ROI values}}
  %0 = torch.operator "onnx.RoiAlign"(%arg0, %arg1, %arg2) {torch.onnx.mode = "max"} : (!torch.vtensor<[1,1,4,4],f32>, !torch.vtensor<[1,4],f32>, !torch.vtensor<[1],si64>) -> !torch.vtensor<[1,1,1,1],f32>
  return %0 : !torch.vtensor<[1,1,1,1],f32>
}
