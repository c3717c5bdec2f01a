// Stamping (stamp.py): every op here has a local handler, so with --stamp=always this small module
// is converted by stamping each signature's conversion; the results keep their names and new
// values are named after the result they serve. --stamp=never gives the pass's own output, which
// MLIR names afresh. (By default, auto, only modules of 10,000 ONNX ops or more are stamped.)
// RUN: %opt --convert-torch-onnx-to-torch --stamp=always %s | filecheck %s
// RUN: %opt --convert-torch-onnx-to-torch --stamp=never %s | filecheck %s --check-prefix=PASS
// RUN: %opt --convert-torch-onnx-to-torch %s | filecheck %s --check-prefix=PASS

// CHECK-LABEL: func.func @main
// CHECK: %0 = torch.aten.relu %arg0 : !torch.vtensor<[2,3],f32> -> !torch.vtensor<[2,3],f32>
// CHECK: %int1.1 = torch.constant.int 1
// CHECK: %1 = torch.aten.add.Tensor %0, %arg1, %int1.1 : !torch.vtensor<[2,3],f32>, !torch.vtensor<[3],f32>, !torch.int -> !torch.vtensor<[2,3],f32>
// CHECK: %none.2 = torch.constant.none
// CHECK: %int0.2 = torch.constant.int 0
// CHECK: %2 = torch.aten.softmax.int %1, %int0.2, %none.2 : !torch.vtensor<[2,3],f32>, !torch.int, !torch.none -> !torch.vtensor<[2,3],f32>
// CHECK: return %2
// PASS-LABEL: func.func @main
// PASS: %int1 = torch.constant.int 1
// PASS: torch.aten.add.Tensor %0, %arg1, %int1
// PASS: %none = torch.constant.none
// PASS: %int0 = torch.constant.int 0
func.func @main(%arg0: !torch.vtensor<[2,3],f32>, %arg1: !torch.vtensor<[3],f32>) -> !torch.vtensor<[2,3],f32> attributes {torch.onnx_meta.opset_version = 17 : si64} {
  %0 = torch.operator "onnx.Relu"(%arg0) : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor<[2,3],f32>
  %1 = torch.operator "onnx.Add"(%0, %arg1) : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[3],f32>) -> !torch.vtensor<[2,3],f32>
  %2 = torch.operator "onnx.Softmax"(%1) {torch.onnx.axis = 0 : si64} : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor<[2,3],f32>
  return %2 : !torch.vtensor<[2,3],f32>
}
