// RUN: %opt --split-input-file --convert-torch-onnx-to-torch --verify-diagnostics --report %s
// RUN: %opt --split-input-file --convert-torch-onnx-to-torch %s | filecheck %s

// ImageDecoder is registered only to give the reason it stays.
// CHECK-LABEL: func.func @test_image_decoder
func.func @test_image_decoder(%arg0: !torch.vtensor<[?],ui8>) -> !torch.vtensor<[?,?,3],ui8> attributes {torch.onnx_meta.opset_version = 20 : si64} {
  // CHECK: torch.operator "onnx.ImageDecoder"(%arg0) {torch.onnx.pixel_format = "RGB"}
  // expected-remark@+1 {{onnx.ImageDecoder was not converted: decodes image bytes, which torch cannot hold}}
  %0 = torch.operator "onnx.ImageDecoder"(%arg0) {torch.onnx.pixel_format = "RGB"} : (!torch.vtensor<[?],ui8>) -> !torch.vtensor<[?,?,3],ui8>
  return %0 : !torch.vtensor<[?,?,3],ui8>
}
