// RUN: %opt --split-input-file --convert-torch-onnx-to-torch --verify-diagnostics --report %s

// QLinearSoftmax before opset 13 coerces to 2-D.
func.func @test_qlinear_softmax_old_opset_axis(%arg0: !torch.vtensor<[2,3,4],ui8>, %arg1: !torch.vtensor<[],f32>, %arg2: !torch.vtensor<[],ui8>, %arg3: !torch.vtensor<[],f32>, %arg4: !torch.vtensor<[],ui8>) -> !torch.vtensor<[2,3,4],ui8> attributes {torch.onnx_meta.opset_version = 17 : si64, torch.onnx_meta.opset_versions = {com.microsoft = 1 : si64}} {
  %none = torch.constant.none
  // expected-remark@+1 {{onnx.com.microsoft.QLinearSoftmax was not converted: opset < 13 softmax coerces to 2-D: only the last axis is supported}}
  %0 = torch.operator "onnx.com.microsoft.QLinearSoftmax"(%arg0, %arg1, %arg2, %arg3, %arg4) {torch.onnx.axis = 1 : si64, torch.onnx.opset = 12 : si64} : (!torch.vtensor<[2,3,4],ui8>, !torch.vtensor<[],f32>, !torch.vtensor<[],ui8>, !torch.vtensor<[],f32>, !torch.vtensor<[],ui8>) -> !torch.vtensor<[2,3,4],ui8>
  return %0 : !torch.vtensor<[2,3,4],ui8>
}

// -----

// QLinearAveragePool in NHWC.
func.func @test_qlinear_average_pool_channels_last(%arg0: !torch.vtensor<[1,4,4,3],ui8>, %arg1: !torch.vtensor<[],f32>, %arg2: !torch.vtensor<[],ui8>, %arg3: !torch.vtensor<[],f32>, %arg4: !torch.vtensor<[],ui8>) -> !torch.vtensor<*,ui8> attributes {torch.onnx_meta.opset_version = 17 : si64, torch.onnx_meta.opset_versions = {com.microsoft = 1 : si64}} {
  %none = torch.constant.none
  // expected-remark@+1 {{onnx.com.microsoft.QLinearAveragePool was not converted: channels_last is not supported}}
  %0 = torch.operator "onnx.com.microsoft.QLinearAveragePool"(%arg0, %arg1, %arg2, %arg3, %arg4) {torch.onnx.channels_last = 1 : si64, torch.onnx.kernel_shape = [2 : si64, 2 : si64]} : (!torch.vtensor<[1,4,4,3],ui8>, !torch.vtensor<[],f32>, !torch.vtensor<[],ui8>, !torch.vtensor<[],f32>, !torch.vtensor<[],ui8>) -> !torch.vtensor<*,ui8>
  return %0 : !torch.vtensor<*,ui8>
}
