// RUN: %opt --split-input-file --convert-torch-onnx-to-torch --verify-diagnostics --report %s

// Declined GridSample cases: each op stays as it was, with the reason reported.

func.func @test_gridsample_v16_5d(%arg0: !torch.vtensor<[1,1,2,2,2],f32>, %arg1: !torch.vtensor<[1,1,1,1,3],f32>) -> !torch.vtensor<[1,1,1,1,1],f32> attributes {torch.onnx_meta.opset_version = 16 : si64} {
  // expected-remark@+1 {{onnx.GridSample was not converted: GridSample-16 takes 4-D inputs only}}
  %0 = torch.operator "onnx.GridSample"(%arg0, %arg1) : (!torch.vtensor<[1,1,2,2,2],f32>, !torch.vtensor<[1,1,1,1,3],f32>) -> !torch.vtensor<[1,1,1,1,1],f32>
  return %0 : !torch.vtensor<[1,1,1,1,1],f32>
}

// -----

func.func @test_gridsample_v20_old_mode_name(%arg0: !torch.vtensor<[1,1,2,2],f32>, %arg1: !torch.vtensor<[1,1,1,2],f32>) -> !torch.vtensor<[1,1,1,1],f32> attributes {torch.onnx_meta.opset_version = 20 : si64} {
  // expected-remark@+1 {{onnx.GridSample was not converted: unknown mode 'bilinear' for GridSample-20}}
  %0 = torch.operator "onnx.GridSample"(%arg0, %arg1) {torch.onnx.mode = "bilinear"} : (!torch.vtensor<[1,1,2,2],f32>, !torch.vtensor<[1,1,1,2],f32>) -> !torch.vtensor<[1,1,1,1],f32>
  return %0 : !torch.vtensor<[1,1,1,1],f32>
}
