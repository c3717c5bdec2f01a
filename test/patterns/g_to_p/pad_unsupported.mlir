// RUN: %opt --split-input-file --convert-torch-onnx-to-torch --verify-diagnostics --report %s

// Declined Pad cases: each op stays as it was, with the reason reported.

func.func @test_pad_wrap_before_19(%arg0: !torch.vtensor<[3],f32>) -> !torch.vtensor<[5],f32> attributes {torch.onnx_meta.opset_version = 18 : si64} {
  %0 = torch.operator "onnx.Constant"() {torch.onnx.value = dense<[1, 1]> : tensor<2xsi64>} : () -> !torch.vtensor<[2],si64>
  // expected-remark@+1 {{onnx.Pad was not converted: unknown mode 'wrap'}}
  %1 = torch.operator "onnx.Pad"(%arg0, %0) {torch.onnx.mode = "wrap"} : (!torch.vtensor<[3],f32>, !torch.vtensor<[2],si64>) -> !torch.vtensor<[5],f32>
  return %1 : !torch.vtensor<[5],f32>
}

// -----

func.func @test_pad_length(%arg0: !torch.vtensor<[3],f32>) -> !torch.vtensor<[?],f32> attributes {torch.onnx_meta.opset_version = 2 : si64} {
  // expected-remark@+1 {{onnx.Pad was not converted: 3 pads for 1 axes}}
  %0 = torch.operator "onnx.Pad"(%arg0) {torch.onnx.pads = [1 : si64, 1 : si64, 1 : si64]} : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[?],f32>
  return %0 : !torch.vtensor<[?],f32>
}

// -----

func.func @test_pad_reflect_empty_axis(%arg0: !torch.vtensor<[0],f32>) -> !torch.vtensor<[2],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  %0 = torch.operator "onnx.Constant"() {torch.onnx.value = dense<[1, 1]> : tensor<2xsi64>} : () -> !torch.vtensor<[2],si64>
  // expected-remark@+1 {{onnx.Pad was not converted: cannot pad the empty axis 0 in reflect mode}}
  %1 = torch.operator "onnx.Pad"(%arg0, %0) {torch.onnx.mode = "reflect"} : (!torch.vtensor<[0],f32>, !torch.vtensor<[2],si64>) -> !torch.vtensor<[2],f32>
  return %1 : !torch.vtensor<[2],f32>
}

// -----

func.func @test_pad_fractional_int_fill(%arg0: !torch.vtensor<[3],si32>) -> !torch.vtensor<[5],si32> attributes {torch.onnx_meta.opset_version = 2 : si64} {
  // expected-remark@+1 {{onnx.Pad was not converted: fill value 0.5 does not fit the integer dtype si32}}
  %0 = torch.operator "onnx.Pad"(%arg0) {torch.onnx.pads = [1 : si64, 1 : si64], torch.onnx.value = 5.000000e-01 : f32} : (!torch.vtensor<[3],si32>) -> !torch.vtensor<[5],si32>
  return %0 : !torch.vtensor<[5],si32>
}

// -----

// Float pads (found by the fuzzer: a ValueError on NaN).
func.func @test_pad_float_pads(%arg0: !torch.vtensor<[2,3],f32>) -> !torch.vtensor<*,f32> attributes {torch.onnx_meta.opset_version = 18 : si64} {
  %pads = torch.vtensor.literal(dense<[0x7FC00000, 0.5, 0.0, 0.0]> : tensor<4xf32>) : !torch.vtensor<[4],f32>
  // expected-remark@+1 {{onnx.Pad was not converted: pads must be integers, got float32}}
  %0 = torch.operator "onnx.Pad"(%arg0, %pads) : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[4],f32>) -> !torch.vtensor<*,f32>
  return %0 : !torch.vtensor<*,f32>
}
