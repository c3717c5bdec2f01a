// The issue's acceptance check: onnx.Abs becomes torch.aten.abs, onnx.FooBar is left exactly as it was.
// RUN: %opt --convert-torch-onnx-to-torch %s | filecheck %s
// RUN: %opt --convert-torch-onnx-to-torch < %s | filecheck %s

// CHECK-LABEL: func.func @main
// CHECK: %[[A:.*]] = torch.aten.abs %arg0 : !torch.vtensor<[2],f32> -> !torch.vtensor<[2],f32>
// CHECK: torch.operator "onnx.FooBar"(%[[A]]) {torch.onnx.alpha = 5.000000e-01 : f32} : (!torch.vtensor<[2],f32>) -> !torch.vtensor<[2],f32>
func.func @main(%arg0: !torch.vtensor<[2],f32>) -> !torch.vtensor<[2],f32> attributes {torch.onnx_meta.opset_version = 21 : si64} {
  %0 = torch.operator "onnx.Abs"(%arg0) : (!torch.vtensor<[2],f32>) -> !torch.vtensor<[2],f32>
  %1 = torch.operator "onnx.FooBar"(%0) {torch.onnx.alpha = 5.000000e-01 : f32} : (!torch.vtensor<[2],f32>) -> !torch.vtensor<[2],f32>
  return %1 : !torch.vtensor<[2],f32>
}
