// RUN: %opt --split-input-file --convert-torch-onnx-to-torch %s | filecheck %s

// A sequence of unknown length is concatenated with aten.cat directly.
// CHECK-LABEL: func.func @test_concat_from_sequence_dynamic
func.func @test_concat_from_sequence_dynamic(%arg0: !torch.list<vtensor<[2,3],f32>>) -> !torch.vtensor<[2,?],f32> attributes {torch.onnx_meta.opset_version = 11 : si64} {
  // CHECK: %[[AX:.*]] = torch.constant.int 1
  // CHECK: torch.aten.cat %arg0, %[[AX]] : !torch.list<vtensor<[2,3],f32>>, !torch.int -> !torch.vtensor<[2,?],f32>
  %0 = torch.operator "onnx.ConcatFromSequence"(%arg0) {torch.onnx.axis = -1 : si64} : (!torch.list<vtensor<[2,3],f32>>) -> !torch.vtensor<[2,?],f32>
  return %0 : !torch.vtensor<[2,?],f32>
}

// -----

// new_axis=1 stacks: the axis may be one past the element rank.
// CHECK-LABEL: func.func @test_concat_from_sequence_new_axis
func.func @test_concat_from_sequence_new_axis(%arg0: !torch.vtensor<[2],f32>, %arg1: !torch.vtensor<[2],f32>) -> !torch.vtensor<[2,2],f32> attributes {torch.onnx_meta.opset_version = 11 : si64} {
  // CHECK: %[[L:.*]] = torch.prim.ListConstruct %arg0, %arg1
  // CHECK: %[[AX:.*]] = torch.constant.int 1
  // CHECK: torch.aten.stack %[[L]], %[[AX]] : !torch.list<vtensor<[2],f32>>, !torch.int -> !torch.vtensor<[2,2],f32>
  %0 = torch.operator "onnx.SequenceConstruct"(%arg0, %arg1) : (!torch.vtensor<[2],f32>, !torch.vtensor<[2],f32>) -> !torch.list<vtensor<[2],f32>>
  %1 = torch.operator "onnx.ConcatFromSequence"(%0) {torch.onnx.axis = 1 : si64, torch.onnx.new_axis = 1 : si64} : (!torch.list<vtensor<[2],f32>>) -> !torch.vtensor<[2,2],f32>
  return %1 : !torch.vtensor<[2,2],f32>
}
