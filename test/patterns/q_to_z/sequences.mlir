// RUN: %opt --split-input-file --convert-torch-onnx-to-torch %s | filecheck %s

// A sequence built in the function is resolved at conversion time: SequenceAt with a
// constant (negative) position is the element itself, SequenceLength a constant.
// CHECK-LABEL: func.func @test_sequence_construct_at_length
func.func @test_sequence_construct_at_length(%arg0: !torch.vtensor<[2],f32>, %arg1: !torch.vtensor<[3],f32>) -> (!torch.vtensor<[3],f32>, !torch.vtensor<[],si64>) attributes {torch.onnx_meta.opset_version = 11 : si64} {
  // CHECK: %[[N:.*]] = torch.vtensor.literal(dense<2> : tensor<si64>) : !torch.vtensor<[],si64>
  // CHECK: return %arg1, %[[N]]
  %0 = torch.operator "onnx.SequenceConstruct"(%arg0, %arg1) : (!torch.vtensor<[2],f32>, !torch.vtensor<[3],f32>) -> !torch.list<vtensor<[?],f32>>
  %1 = torch.operator "onnx.Constant"() {torch.onnx.value = dense<-1> : tensor<si64>} : () -> !torch.vtensor<[],si64>
  %2 = torch.operator "onnx.SequenceAt"(%0, %1) : (!torch.list<vtensor<[?],f32>>, !torch.vtensor<[],si64>) -> !torch.vtensor<[3],f32>
  %3 = torch.operator "onnx.SequenceLength"(%0) : (!torch.list<vtensor<[?],f32>>) -> !torch.vtensor<[],si64>
  return %2, %3 : !torch.vtensor<[3],f32>, !torch.vtensor<[],si64>
}

// -----

// A sequence of unknown length (an argument) uses torch's list ops.
// CHECK-LABEL: func.func @test_sequence_at_length_dynamic
func.func @test_sequence_at_length_dynamic(%arg0: !torch.list<vtensor<[2],f32>>, %arg1: !torch.vtensor<[],si64>) -> (!torch.vtensor<[2],f32>, !torch.vtensor<[],si64>) attributes {torch.onnx_meta.opset_version = 11 : si64} {
  // CHECK: %[[P:.*]] = torch.aten.item %arg1 : !torch.vtensor<[],si64> -> !torch.int
  // CHECK: %[[E:.*]] = torch.aten.__getitem__.t %arg0, %[[P]] : !torch.list<vtensor<[2],f32>>, !torch.int -> !torch.vtensor<[2],f32>
  // CHECK: %[[L:.*]] = torch.aten.len.t %arg0
  // CHECK: %[[T:.*]] = torch.prim.NumToTensor.Scalar %[[L]] : !torch.int -> !torch.vtensor<[],si64>
  // CHECK: return %[[E]], %[[T]]
  %0 = torch.operator "onnx.SequenceAt"(%arg0, %arg1) : (!torch.list<vtensor<[2],f32>>, !torch.vtensor<[],si64>) -> !torch.vtensor<[2],f32>
  %1 = torch.operator "onnx.SequenceLength"(%arg0) : (!torch.list<vtensor<[2],f32>>) -> !torch.vtensor<[],si64>
  return %0, %1 : !torch.vtensor<[2],f32>, !torch.vtensor<[],si64>
}

// -----

// SequenceEmpty, then SequenceInsert at the back and at the front, SequenceErase of the
// last: all new ListConstructs; ConcatFromSequence of the result is aten.cat of its elements.
// CHECK-LABEL: func.func @test_sequence_empty_insert_erase_concat
func.func @test_sequence_empty_insert_erase_concat(%arg0: !torch.vtensor<[2],f32>, %arg1: !torch.vtensor<[3],f32>) -> !torch.vtensor<[5],f32> attributes {torch.onnx_meta.opset_version = 11 : si64} {
  // CHECK: %[[C1:.*]] = torch.tensor_static_info_cast %arg0 : !torch.vtensor<[2],f32> to !torch.vtensor<[?],f32>
  // CHECK: %[[C0:.*]] = torch.tensor_static_info_cast %arg1 : !torch.vtensor<[3],f32> to !torch.vtensor<[?],f32>
  // CHECK: torch.prim.ListConstruct %[[C0]], %[[C1]], %{{.*}} :
  // CHECK: %[[L:.*]] = torch.prim.ListConstruct %[[C0]], %[[C1]] : (!torch.vtensor<[?],f32>, !torch.vtensor<[?],f32>) -> !torch.list<vtensor<[?],f32>>
  // CHECK: torch.aten.cat %[[L]], %{{.*}} : !torch.list<vtensor<[?],f32>>, !torch.int -> !torch.vtensor<[5],f32>
  %0 = torch.operator "onnx.SequenceEmpty"() {torch.onnx.dtype = 1 : si64} : () -> !torch.list<vtensor<[?],f32>>
  %1 = torch.operator "onnx.SequenceInsert"(%0, %arg0) : (!torch.list<vtensor<[?],f32>>, !torch.vtensor<[2],f32>) -> !torch.list<vtensor<[?],f32>>
  %2 = torch.operator "onnx.Constant"() {torch.onnx.value = dense<0> : tensor<si64>} : () -> !torch.vtensor<[],si64>
  %3 = torch.operator "onnx.SequenceInsert"(%1, %arg1, %2) : (!torch.list<vtensor<[?],f32>>, !torch.vtensor<[3],f32>, !torch.vtensor<[],si64>) -> !torch.list<vtensor<[?],f32>>
  %4 = torch.operator "onnx.SequenceInsert"(%3, %arg1) : (!torch.list<vtensor<[?],f32>>, !torch.vtensor<[3],f32>) -> !torch.list<vtensor<[?],f32>>
  %5 = torch.operator "onnx.SequenceErase"(%4) : (!torch.list<vtensor<[?],f32>>) -> !torch.list<vtensor<[?],f32>>
  %6 = torch.operator "onnx.ConcatFromSequence"(%5) {torch.onnx.axis = 0 : si64} : (!torch.list<vtensor<[?],f32>>) -> !torch.vtensor<[5],f32>
  return %6 : !torch.vtensor<[5],f32>
}

// -----

// Insert and erase at runtime positions in a sequence of unknown length: value-semantic
// slices and concatenations (aten.insert.t would mutate).
// CHECK-LABEL: func.func @test_sequence_insert_erase_dynamic
func.func @test_sequence_insert_erase_dynamic(%arg0: !torch.list<vtensor<[2],f32>>, %arg1: !torch.vtensor<[2],f32>, %arg2: !torch.vtensor<[],si64>) -> !torch.list<vtensor<[2],f32>> attributes {torch.onnx_meta.opset_version = 11 : si64} {
  // CHECK: %[[ONE:.*]] = torch.prim.ListConstruct %arg1
  // CHECK: %[[P:.*]] = torch.aten.item %arg2
  // CHECK: %[[HEAD:.*]] = torch.aten.slice.t %arg0, %{{.*}}, %[[P]], %{{.*}}
  // CHECK: %[[TAIL:.*]] = torch.aten.slice.t %arg0, %[[P]], %{{.*}}, %{{.*}}
  // CHECK: %[[A:.*]] = torch.aten.add.t %[[HEAD]], %[[ONE]]
  // CHECK: %[[INS:.*]] = torch.aten.add.t %[[A]], %[[TAIL]]
  // CHECK: %[[N:.*]] = torch.aten.len.t %[[INS]]
  // CHECK: torch.aten.remainder.int %{{.*}}, %[[N]]
  // CHECK: torch.aten.slice.t %[[INS]]
  // CHECK: torch.aten.add.t
  %0 = torch.operator "onnx.SequenceInsert"(%arg0, %arg1, %arg2) : (!torch.list<vtensor<[2],f32>>, !torch.vtensor<[2],f32>, !torch.vtensor<[],si64>) -> !torch.list<vtensor<[2],f32>>
  %1 = torch.operator "onnx.SequenceErase"(%0, %arg2) : (!torch.list<vtensor<[2],f32>>, !torch.vtensor<[],si64>) -> !torch.list<vtensor<[2],f32>>
  return %1 : !torch.list<vtensor<[2],f32>>
}

// -----

// SplitToSequence without `split`: pieces of 1 along the axis; keepdims=0 selects them.
// ConcatFromSequence with new_axis=1 stacks them back.
// CHECK-LABEL: func.func @test_split_to_sequence_nokeepdims_stack
func.func @test_split_to_sequence_nokeepdims_stack(%arg0: !torch.vtensor<[3,2],f32>) -> !torch.vtensor<[3,2],f32> attributes {torch.onnx_meta.opset_version = 11 : si64} {
  // CHECK: %[[A:.*]] = torch.aten.select.int %arg0, %{{.*}}, %{{.*}} : !torch.vtensor<[3,2],f32>, !torch.int, !torch.int -> !torch.vtensor<[3],f32>
  // CHECK: %[[B:.*]] = torch.aten.select.int %arg0
  // CHECK: %[[L:.*]] = torch.prim.ListConstruct %[[A]], %[[B]]
  // CHECK: %[[AX:.*]] = torch.constant.int 1
  // CHECK: torch.aten.stack %[[L]], %[[AX]]
  %0 = torch.operator "onnx.SplitToSequence"(%arg0) {torch.onnx.axis = 1 : si64, torch.onnx.keepdims = 0 : si64} : (!torch.vtensor<[3,2],f32>) -> !torch.list<vtensor<[3],f32>>
  %1 = torch.operator "onnx.ConcatFromSequence"(%0) {torch.onnx.axis = -1 : si64, torch.onnx.new_axis = 1 : si64} : (!torch.list<vtensor<[3],f32>>) -> !torch.vtensor<[3,2],f32>
  return %1 : !torch.vtensor<[3,2],f32>
}

// -----

// A scalar `split`: chunks of that size, the last one shorter.
// CHECK-LABEL: func.func @test_split_to_sequence_scalar_split
func.func @test_split_to_sequence_scalar_split(%arg0: !torch.vtensor<[3,5],f32>) -> !torch.list<vtensor<[3,?],f32>> attributes {torch.onnx_meta.opset_version = 24 : si64} {
  // CHECK: torch.aten.slice.Tensor %arg0, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}} : {{.*}} -> !torch.vtensor<[3,2],f32>
  // CHECK: torch.aten.slice.Tensor %arg0, {{.*}} -> !torch.vtensor<[3,2],f32>
  // CHECK: torch.aten.slice.Tensor %arg0, {{.*}} -> !torch.vtensor<[3,1],f32>
  // CHECK: torch.prim.ListConstruct {{.*}} -> !torch.list<vtensor<[3,?],f32>>
  %0 = torch.operator "onnx.Constant"() {torch.onnx.value = dense<2> : tensor<si64>} : () -> !torch.vtensor<[],si64>
  %1 = torch.operator "onnx.SplitToSequence"(%arg0, %0) {torch.onnx.axis = 1 : si64} : (!torch.vtensor<[3,5],f32>, !torch.vtensor<[],si64>) -> !torch.list<vtensor<[3,?],f32>>
  return %1 : !torch.list<vtensor<[3,?],f32>>
}

// -----

// A runtime `split` of static length: one aten.slice.Tensor per entry, bounds summed at run
// time, in a prim.ListConstruct (a list of known length, which IREE can return).
// CHECK-LABEL: func.func @test_split_to_sequence_dynamic_split
func.func @test_split_to_sequence_dynamic_split(%arg0: !torch.vtensor<[6,2],f32>, %arg1: !torch.vtensor<[2],si64>) -> !torch.list<vtensor<[?,2],f32>> attributes {torch.onnx_meta.opset_version = 11 : si64} {
  // CHECK: %[[S0:.*]] = torch.aten.item {{.*}} -> !torch.int
  // CHECK: %[[S1:.*]] = torch.aten.item {{.*}} -> !torch.int
  // CHECK: %[[A:.*]] = torch.aten.slice.Tensor %arg0, %{{.*}}, %{{.*}}, %[[S0]], %{{.*}} : {{.*}} -> !torch.vtensor<[?,2],f32>
  // CHECK: %[[END:.*]] = torch.aten.add.int %[[S0]], %[[S1]]
  // CHECK: %[[B:.*]] = torch.aten.slice.Tensor %arg0, %{{.*}}, %[[S0]], %[[END]], %{{.*}} : {{.*}} -> !torch.vtensor<[?,2],f32>
  // CHECK: torch.prim.ListConstruct %[[A]], %[[B]]
  %0 = torch.operator "onnx.SplitToSequence"(%arg0, %arg1) : (!torch.vtensor<[6,2],f32>, !torch.vtensor<[2],si64>) -> !torch.list<vtensor<[?,2],f32>>
  return %0 : !torch.list<vtensor<[?,2],f32>>
}

// -----

// SequenceMap over a known sequence and a tensor: the body is inlined per element.
// CHECK-LABEL: func.func @test_sequence_map_inlined
func.func @test_sequence_map_inlined(%arg0: !torch.vtensor<[2],f32>, %arg1: !torch.vtensor<[2],f32>, %arg2: !torch.vtensor<[2],f32>) -> !torch.list<vtensor<[2],f32>> attributes {torch.onnx_meta.opset_version = 17 : si64} {
  // CHECK: %[[A:.*]] = torch.aten.add.Tensor %arg0, %arg2
  // CHECK: %[[B:.*]] = torch.aten.add.Tensor %arg1, %arg2
  // CHECK: %[[L:.*]] = torch.prim.ListConstruct %[[A]], %[[B]]
  // CHECK: return %[[L]]
  // CHECK-NOT: torch.operator
  %0 = torch.operator "onnx.SequenceConstruct"(%arg0, %arg1) : (!torch.vtensor<[2],f32>, !torch.vtensor<[2],f32>) -> !torch.list<vtensor<[2],f32>>
  %1 = torch.operator "onnx.SequenceMap"(%0, %arg2) : (!torch.list<vtensor<[2],f32>>, !torch.vtensor<[2],f32>) -> !torch.list<vtensor<[2],f32>> {
  ^bb0(%x: !torch.vtensor<[2],f32>, %y: !torch.vtensor<[2],f32>):
    %2 = torch.operator "onnx.Add"(%x, %y) : (!torch.vtensor<[2],f32>, !torch.vtensor<[2],f32>) -> !torch.vtensor<[2],f32>
    torch.operator_terminator %2 : !torch.vtensor<[2],f32>
  }
  return %1 : !torch.list<vtensor<[2],f32>>
}
