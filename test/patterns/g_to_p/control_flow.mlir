// RUN: %opt --split-input-file --convert-torch-onnx-to-torch %s | filecheck %s

// Both branches move into torch.prim.If (region 0 is else_branch, 1 then_branch: the importer
// sorts graph attributes by name); the condition is read with item + Bool.int.
// CHECK-LABEL: func.func @test_if_basic
func.func @test_if_basic(%arg0: !torch.vtensor<[],i1>, %arg1: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 11 : si64} {
  // CHECK: %[[I:.*]] = torch.aten.item %arg0 : !torch.vtensor<[],i1> -> !torch.int
  // CHECK: %[[C:.*]] = torch.aten.Bool.int %[[I]]
  // CHECK: %[[R:.*]] = torch.prim.If %[[C]] -> (!torch.vtensor<[3],f32>) {
  // CHECK:   %[[T:.*]] = torch.aten.abs %arg1
  // CHECK:   torch.prim.If.yield %[[T]] : !torch.vtensor<[3],f32>
  // CHECK: } else {
  // CHECK:   %[[E:.*]] = torch.aten.neg %arg1
  // CHECK:   torch.prim.If.yield %[[E]] : !torch.vtensor<[3],f32>
  // CHECK: return %[[R]]
  %0 = torch.operator "onnx.If"(%arg0) : (!torch.vtensor<[],i1>) -> !torch.vtensor<[3],f32> {
    %1 = torch.operator "onnx.Neg"(%arg1) : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32>
    torch.operator_terminator %1 : !torch.vtensor<[3],f32>
  }, {
    %1 = torch.operator "onnx.Abs"(%arg1) : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32>
    torch.operator_terminator %1 : !torch.vtensor<[3],f32>
  }
  return %0 : !torch.vtensor<[3],f32>
}

// -----

// A constant condition (AffineGrid's function picks its rank this way): the branch it takes
// is inlined, its more precise types reach the users; the other branch goes with the If.
// CHECK-LABEL: func.func @test_if_constant_condition
func.func @test_if_constant_condition(%arg0: !torch.vtensor<[4],si64>) -> !torch.vtensor<*,si64> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK-NOT: torch.prim.If
  // CHECK: %[[S:.*]] = torch.aten.slice.Tensor %arg0, {{.*}} -> !torch.vtensor<[1],si64>
  // CHECK-NOT: torch.aten.neg
  // CHECK: return %[[S]] : !torch.vtensor<[1],si64>
  %c = torch.operator "onnx.Constant"() {torch.onnx.value = dense<true> : tensor<i1>} : () -> !torch.vtensor<[],i1>
  %0 = torch.operator "onnx.If"(%c) : (!torch.vtensor<[],i1>) -> !torch.vtensor<*,si64> {
    %1 = torch.operator "onnx.Neg"(%arg0) : (!torch.vtensor<[4],si64>) -> !torch.vtensor<[4],si64>
    torch.operator_terminator %1 : !torch.vtensor<[4],si64>
  }, {
    %1:2 = torch.operator "onnx.Split"(%arg0) {torch.onnx.axis = 0 : si64, torch.onnx.num_outputs = 2 : si64} : (!torch.vtensor<[4],si64>) -> (!torch.vtensor<[2],si64>, !torch.vtensor<[2],si64>)
    %2 = torch.operator "onnx.Constant"() {torch.onnx.value = dense<[0]> : tensor<1xsi64>} : () -> !torch.vtensor<[1],si64>
    %3 = torch.operator "onnx.Constant"() {torch.onnx.value = dense<[1]> : tensor<1xsi64>} : () -> !torch.vtensor<[1],si64>
    %4 = torch.operator "onnx.Slice"(%arg0, %2, %3) : (!torch.vtensor<[4],si64>, !torch.vtensor<[1],si64>, !torch.vtensor<[1],si64>) -> !torch.vtensor<[1],si64>
    torch.operator_terminator %4 : !torch.vtensor<[1],si64>
  }
  return %0 : !torch.vtensor<*,si64>
}

// -----

// Branches of different shapes and several results: each yield is cast to the result type;
// a branch may return an outer value or a constant.
// CHECK-LABEL: func.func @test_if_shapes_differ
func.func @test_if_shapes_differ(%arg0: !torch.vtensor<[1],i1>, %arg1: !torch.vtensor<[2],f32>, %arg2: !torch.vtensor<[3],f32>) -> (!torch.vtensor<[?],f32>, !torch.vtensor<[],si64>) attributes {torch.onnx_meta.opset_version = 16 : si64} {
  // CHECK: %[[R:.*]]:2 = torch.prim.If %{{.*}} -> (!torch.vtensor<[?],f32>, !torch.vtensor<[],si64>) {
  // CHECK:   %[[ONE:.*]] = torch.vtensor.literal(dense<1> : tensor<si64>)
  // CHECK:   %[[A:.*]] = torch.tensor_static_info_cast %arg1 : !torch.vtensor<[2],f32> to !torch.vtensor<[?],f32>
  // CHECK:   torch.prim.If.yield %[[A]], %[[ONE]]
  // CHECK: } else {
  // CHECK:   %[[B:.*]] = torch.tensor_static_info_cast %arg2 : !torch.vtensor<[3],f32> to !torch.vtensor<[?],f32>
  // CHECK:   torch.prim.If.yield %[[B]]
  // CHECK: return %[[R]]#0, %[[R]]#1
  %0:2 = torch.operator "onnx.If"(%arg0) : (!torch.vtensor<[1],i1>) -> (!torch.vtensor<[?],f32>, !torch.vtensor<[],si64>) {
    %1 = torch.operator "onnx.Constant"() {torch.onnx.value = dense<0> : tensor<si64>} : () -> !torch.vtensor<[],si64>
    torch.operator_terminator %arg2, %1 : !torch.vtensor<[3],f32>, !torch.vtensor<[],si64>
  }, {
    %1 = torch.operator "onnx.Constant"() {torch.onnx.value = dense<1> : tensor<si64>} : () -> !torch.vtensor<[],si64>
    torch.operator_terminator %arg1, %1 : !torch.vtensor<[2],f32>, !torch.vtensor<[],si64>
  }
  return %0#0, %0#1 : !torch.vtensor<[?],f32>, !torch.vtensor<[],si64>
}

// -----

// A nested If: the inner one is converted first, then moves with its branch.
// CHECK-LABEL: func.func @test_if_nested
func.func @test_if_nested(%arg0: !torch.vtensor<[],i1>, %arg1: !torch.vtensor<[],i1>, %arg2: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: torch.prim.If
  // CHECK:   torch.aten.item %arg1
  // CHECK:   %[[IN:.*]] = torch.prim.If
  // CHECK:     torch.aten.abs %arg2
  // CHECK:   } else {
  // CHECK:     torch.aten.neg %arg2
  // CHECK:   torch.prim.If.yield %[[IN]]
  // CHECK: } else {
  // CHECK:   torch.prim.If.yield %arg2
  // CHECK-NOT: torch.operator
  %0 = torch.operator "onnx.If"(%arg0) : (!torch.vtensor<[],i1>) -> !torch.vtensor<[3],f32> {
    torch.operator_terminator %arg2 : !torch.vtensor<[3],f32>
  }, {
    %1 = torch.operator "onnx.If"(%arg1) : (!torch.vtensor<[],i1>) -> !torch.vtensor<[3],f32> {
      %2 = torch.operator "onnx.Neg"(%arg2) : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32>
      torch.operator_terminator %2 : !torch.vtensor<[3],f32>
    }, {
      %2 = torch.operator "onnx.Abs"(%arg2) : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32>
      torch.operator_terminator %2 : !torch.vtensor<[3],f32>
    }
    torch.operator_terminator %1 : !torch.vtensor<[3],f32>
  }
  return %0 : !torch.vtensor<[3],f32>
}

// -----

// A for-like Loop (the body passes its condition through) with a loop-carried value and a
// scan output; the trip count is zeroed when the initial condition is false.
// CHECK-LABEL: func.func @test_loop_for_like
func.func @test_loop_for_like(%arg0: !torch.vtensor<[],si64>, %arg1: !torch.vtensor<[],i1>, %arg2: !torch.vtensor<[2],f32>) -> (!torch.vtensor<[2],f32>, !torch.vtensor<[?,2],f32>) attributes {torch.onnx_meta.opset_version = 11 : si64} {
  // CHECK: %[[TRUE:.*]] = torch.constant.bool true
  // CHECK: %[[M:.*]] = torch.aten.item %arg0 : !torch.vtensor<[],si64> -> !torch.int
  // CHECK: %[[ROWS:.*]] = torch.prim.max.int %[[M]]
  // CHECK: %[[ACC:.*]] = torch.aten.zeros {{.*}} -> !torch.vtensor<[?,2],f32>
  // CHECK: %[[GO:.*]] = torch.aten.Int.bool
  // CHECK: %[[N:.*]] = torch.aten.mul.int %[[M]], %[[GO]]
  // CHECK: %[[L:.*]]:2 = torch.prim.Loop %[[N]], %[[TRUE]], init(%arg2, %[[ACC]]) {
  // CHECK: ^bb0(%[[IT:.*]]: !torch.int, %[[X:.*]]: !torch.vtensor<[2],f32>, %[[A:.*]]: !torch.vtensor<[?,2],f32>):
  // CHECK:   %[[ITT:.*]] = torch.prim.NumToTensor.Scalar %[[IT]]
  // CHECK:   %[[F:.*]] = torch.aten.to.dtype %[[ITT]]
  // CHECK:   %[[Y:.*]] = torch.aten.add.Tensor %[[X]], %[[F]]
  // CHECK:   %[[ROW:.*]] = torch.aten.unsqueeze %[[Y]]
  // CHECK:   %[[A2:.*]] = torch.aten.slice_scatter %[[A]], %[[ROW]], %{{.*}}, %[[IT]]
  // CHECK:   torch.prim.Loop.condition %[[TRUE]], iter(%[[Y]], %[[A2]] : !torch.vtensor<[2],f32>, !torch.vtensor<[?,2],f32>)
  // CHECK: return %[[L]]#0, %[[L]]#1
  %0:2 = torch.operator "onnx.Loop"(%arg0, %arg1, %arg2) : (!torch.vtensor<[],si64>, !torch.vtensor<[],i1>, !torch.vtensor<[2],f32>) -> (!torch.vtensor<[2],f32>, !torch.vtensor<[?,2],f32>) {
  ^bb0(%arg3: !torch.vtensor<[],si64>, %arg4: !torch.vtensor<[],i1>, %arg5: !torch.vtensor<[2],f32>):
    %1 = torch.operator "onnx.Identity"(%arg4) : (!torch.vtensor<[],i1>) -> !torch.vtensor<[],i1>
    %2 = torch.operator "onnx.Cast"(%arg3) {torch.onnx.to = 1 : si64} : (!torch.vtensor<[],si64>) -> !torch.vtensor<[],f32>
    %3 = torch.operator "onnx.Add"(%arg5, %2) : (!torch.vtensor<[2],f32>, !torch.vtensor<[],f32>) -> !torch.vtensor<[2],f32>
    torch.operator_terminator %1, %3, %3 : !torch.vtensor<[],i1>, !torch.vtensor<[2],f32>, !torch.vtensor<[2],f32>
  }
  return %0#0, %0#1 : !torch.vtensor<[2],f32>, !torch.vtensor<[?,2],f32>
}

// -----

// A while-like Loop (the body computes its condition) with a trip count: a counter is
// carried and the trip count folded into the condition; scan rows are cut to those filled.
// CHECK-LABEL: func.func @test_loop_while_like
func.func @test_loop_while_like(%arg0: !torch.vtensor<[],si64>, %arg1: !torch.vtensor<[],f32>) -> (!torch.vtensor<[],f32>, !torch.vtensor<[?],f32>) attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: %[[M:.*]] = torch.aten.item %arg0
  // CHECK: torch.aten.zeros {{.*}} -> !torch.vtensor<[?],f32>
  // CHECK: %[[POS:.*]] = torch.aten.lt.int %{{.*}}, %[[M]]
  // CHECK: %[[START:.*]] = torch.aten.__and__.bool %{{.*}}, %[[POS]]
  // CHECK: %[[ZERO:.*]] = torch.vtensor.literal(dense<0> : tensor<si64>)
  // CHECK: %[[L:.*]]:3 = torch.prim.Loop %[[M]], %[[START]], init(%[[ZERO]], %arg1, %{{.*}}) {
  // CHECK: ^bb0(%{{.*}}: !torch.int, %[[CNT:.*]]: !torch.vtensor<[],si64>, %[[X:.*]]: !torch.vtensor<[],f32>, %[[A:.*]]: !torch.vtensor<[?],f32>):
  // CHECK:   %[[Y:.*]] = torch.aten.add.Tensor %[[X]]
  // CHECK:   %[[LT:.*]] = torch.aten.lt.Tensor %[[Y]]
  // CHECK:   %[[I:.*]] = torch.aten.item %[[CNT]]
  // CHECK:   %[[A2:.*]] = torch.aten.slice_scatter %[[A]], %{{.*}}, %{{.*}}, %[[I]]
  // CHECK:   %[[C:.*]] = torch.aten.Bool.int
  // CHECK:   %[[NEXT:.*]] = torch.aten.add.int %[[I]]
  // CHECK:   %[[NT:.*]] = torch.prim.NumToTensor.Scalar %[[NEXT]]
  // CHECK:   %[[BOUND:.*]] = torch.aten.lt.int %[[NEXT]], %[[M]]
  // CHECK:   %[[GO:.*]] = torch.aten.__and__.bool %[[C]], %[[BOUND]]
  // CHECK:   torch.prim.Loop.condition %[[GO]], iter(%[[NT]], %[[Y]], %[[A2]]
  // CHECK: %[[DONE:.*]] = torch.aten.item %[[L]]#0
  // CHECK: %[[S:.*]] = torch.aten.slice.Tensor %[[L]]#2, %{{.*}}, %{{.*}}, %[[DONE]]
  // CHECK: return %[[L]]#1, %[[S]]
  %none = torch.constant.none
  %0:2 = torch.operator "onnx.Loop"(%arg0, %none, %arg1) : (!torch.vtensor<[],si64>, !torch.none, !torch.vtensor<[],f32>) -> (!torch.vtensor<[],f32>, !torch.vtensor<[?],f32>) {
  ^bb0(%arg3: !torch.vtensor<[],si64>, %arg4: !torch.vtensor<[],i1>, %arg5: !torch.vtensor<[],f32>):
    %1 = torch.operator "onnx.Constant"() {torch.onnx.value = dense<1.0> : tensor<f32>} : () -> !torch.vtensor<[],f32>
    %2 = torch.operator "onnx.Add"(%arg5, %1) : (!torch.vtensor<[],f32>, !torch.vtensor<[],f32>) -> !torch.vtensor<[],f32>
    %3 = torch.operator "onnx.Constant"() {torch.onnx.value = dense<10.0> : tensor<f32>} : () -> !torch.vtensor<[],f32>
    %4 = torch.operator "onnx.Less"(%2, %3) : (!torch.vtensor<[],f32>, !torch.vtensor<[],f32>) -> !torch.vtensor<[],i1>
    torch.operator_terminator %4, %2, %arg5 : !torch.vtensor<[],i1>, !torch.vtensor<[],f32>, !torch.vtensor<[],f32>
  }
  return %0#0, %0#1 : !torch.vtensor<[],f32>, !torch.vtensor<[?],f32>
}

// -----

// A loop-carried value ONNX inference left without a shape (typed rank 0 by the importer)
// although the body produces [2]: the body argument takes the initial value's type before
// the body is converted, and the loop result is retyped.
// CHECK-LABEL: func.func @test_loop_wrong_carried_type
func.func @test_loop_wrong_carried_type(%arg0: !torch.vtensor<[],si64>, %arg1: !torch.vtensor<[2],f32>) -> !torch.vtensor<[2],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: %[[L:.*]] = torch.prim.Loop %{{.*}}, %{{.*}}, init(%arg1) {
  // CHECK: ^bb0(%{{.*}}: !torch.int, %[[X:.*]]: !torch.vtensor<[2],f32>):
  // CHECK:   %[[N:.*]] = torch.aten.neg %[[X]] : !torch.vtensor<[2],f32> -> !torch.vtensor<[2],f32>
  // CHECK:   torch.prim.Loop.condition %{{.*}}, iter(%[[N]] : !torch.vtensor<[2],f32>)
  // CHECK: } : (!torch.int, !torch.bool, !torch.vtensor<[2],f32>) -> !torch.vtensor<[2],f32>
  // CHECK: torch.aten.abs %[[L]] : !torch.vtensor<[2],f32> -> !torch.vtensor<[2],f32>
  %none = torch.constant.none
  %0 = torch.operator "onnx.Loop"(%arg0, %none, %arg1) : (!torch.vtensor<[],si64>, !torch.none, !torch.vtensor<[2],f32>) -> !torch.vtensor<[],f32> {
  ^bb0(%arg3: !torch.vtensor<[],si64>, %arg4: !torch.vtensor<[],i1>, %arg5: !torch.vtensor<[],f32>):
    %1 = torch.operator "onnx.Neg"(%arg5) : (!torch.vtensor<[],f32>) -> !torch.vtensor<[2],f32>
    torch.operator_terminator %arg4, %1 : !torch.vtensor<[],i1>, !torch.vtensor<[2],f32>
  }
  %1 = torch.operator "onnx.Abs"(%0) : (!torch.vtensor<[],f32>) -> !torch.vtensor<[2],f32>
  return %1 : !torch.vtensor<[2],f32>
}

// -----

// A nested If inside a Loop body, capturing an outer value: converted completely.
// CHECK-LABEL: func.func @test_loop_nested_if
func.func @test_loop_nested_if(%arg0: !torch.vtensor<[],si64>, %arg1: !torch.vtensor<[],i1>, %arg2: !torch.vtensor<[2],f32>, %arg3: !torch.vtensor<[2],f32>) -> !torch.vtensor<[2],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: torch.prim.Loop
  // CHECK: ^bb0(%[[IT:.*]]: !torch.int, %[[X:.*]]: !torch.vtensor<[2],f32>):
  // CHECK:   %[[ITT:.*]] = torch.prim.NumToTensor.Scalar %[[IT]]
  // CHECK:   torch.aten.lt.Tensor %[[ITT]]
  // CHECK:   %[[R:.*]] = torch.prim.If
  // CHECK:     torch.aten.add.Tensor %[[X]], %arg3
  // CHECK:   } else {
  // CHECK:     torch.aten.mul.Tensor %[[X]], %arg3
  // CHECK:   torch.prim.Loop.condition %{{.*}}, iter(%[[R]] : !torch.vtensor<[2],f32>)
  // CHECK-NOT: torch.operator
  %0 = torch.operator "onnx.Loop"(%arg0, %arg1, %arg2) : (!torch.vtensor<[],si64>, !torch.vtensor<[],i1>, !torch.vtensor<[2],f32>) -> !torch.vtensor<[2],f32> {
  ^bb0(%i: !torch.vtensor<[],si64>, %c: !torch.vtensor<[],i1>, %x: !torch.vtensor<[2],f32>):
    %1 = torch.operator "onnx.Constant"() {torch.onnx.value = dense<2> : tensor<si64>} : () -> !torch.vtensor<[],si64>
    %2 = torch.operator "onnx.Less"(%i, %1) : (!torch.vtensor<[],si64>, !torch.vtensor<[],si64>) -> !torch.vtensor<[],i1>
    %3 = torch.operator "onnx.If"(%2) : (!torch.vtensor<[],i1>) -> !torch.vtensor<[2],f32> {
      %4 = torch.operator "onnx.Mul"(%x, %arg3) : (!torch.vtensor<[2],f32>, !torch.vtensor<[2],f32>) -> !torch.vtensor<[2],f32>
      torch.operator_terminator %4 : !torch.vtensor<[2],f32>
    }, {
      %4 = torch.operator "onnx.Add"(%x, %arg3) : (!torch.vtensor<[2],f32>, !torch.vtensor<[2],f32>) -> !torch.vtensor<[2],f32>
      torch.operator_terminator %4 : !torch.vtensor<[2],f32>
    }
    torch.operator_terminator %c, %3 : !torch.vtensor<[],i1>, !torch.vtensor<[2],f32>
  }
  return %0 : !torch.vtensor<[2],f32>
}

// -----

// A sequence both branches build with one element: the If yields the element and the list
// is built after it (so SequenceAt & co. still see its elements).
// CHECK-LABEL: func.func @test_if_sequence_hoisted
func.func @test_if_sequence_hoisted(%arg0: !torch.vtensor<[],i1>, %arg1: !torch.vtensor<[5],f32>) -> !torch.vtensor<[5],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: %[[R:.*]] = torch.prim.If %{{.*}} -> (!torch.vtensor<[5],f32>) {
  // CHECK:   %[[N:.*]] = torch.aten.neg %arg1
  // CHECK:   torch.prim.If.yield %[[N]] : !torch.vtensor<[5],f32>
  // CHECK: } else {
  // CHECK:   torch.prim.If.yield %arg1 : !torch.vtensor<[5],f32>
  // CHECK: torch.prim.ListConstruct %[[R]] : (!torch.vtensor<[5],f32>) -> !torch.list<vtensor<[5],f32>>
  // CHECK: return %[[R]]
  %0 = torch.operator "onnx.If"(%arg0) : (!torch.vtensor<[],i1>) -> !torch.list<vtensor<[5],f32>> {
    %1 = torch.operator "onnx.SequenceConstruct"(%arg1) : (!torch.vtensor<[5],f32>) -> !torch.list<vtensor<[5],f32>>
    torch.operator_terminator %1 : !torch.list<vtensor<[5],f32>>
  }, {
    %1 = torch.operator "onnx.Neg"(%arg1) : (!torch.vtensor<[5],f32>) -> !torch.vtensor<[5],f32>
    %2 = torch.operator "onnx.SequenceConstruct"(%1) : (!torch.vtensor<[5],f32>) -> !torch.list<vtensor<[5],f32>>
    torch.operator_terminator %2 : !torch.list<vtensor<[5],f32>>
  }
  %3 = torch.operator "onnx.Constant"() {torch.onnx.value = dense<0> : tensor<si64>} : () -> !torch.vtensor<[],si64>
  %4 = torch.operator "onnx.SequenceAt"(%0, %3) : (!torch.list<vtensor<[5],f32>>, !torch.vtensor<[],si64>) -> !torch.vtensor<[5],f32>
  return %4 : !torch.vtensor<[5],f32>
}

// -----

// A Loop of known short length carrying a sequence is unrolled, so the sequence stays known
// (IREE takes no lists): the list ops of each copy of the body fold.
// CHECK-LABEL: func.func @test_loop_sequence_unrolled
func.func @test_loop_sequence_unrolled(%arg0: !torch.vtensor<[2],f32>) -> !torch.vtensor<[4],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK-NOT: torch.prim.Loop
  // CHECK: %[[A:.*]] = torch.aten.neg %arg0
  // CHECK: %[[B:.*]] = torch.aten.neg %arg0
  // CHECK: %[[L:.*]] = torch.prim.ListConstruct %[[A]], %[[B]] : (!torch.vtensor<[2],f32>, !torch.vtensor<[2],f32>) -> !torch.list<vtensor<[2],f32>>
  // CHECK: torch.aten.cat %[[L]], %{{.*}} -> !torch.vtensor<[4],f32>
  %none = torch.constant.none
  %0 = torch.operator "onnx.Constant"() {torch.onnx.value = dense<2> : tensor<si64>} : () -> !torch.vtensor<[],si64>
  %1 = torch.operator "onnx.SequenceEmpty"() : () -> !torch.list<vtensor<[2],f32>>
  %2 = torch.operator "onnx.Loop"(%0, %none, %1) : (!torch.vtensor<[],si64>, !torch.none, !torch.list<vtensor<[2],f32>>) -> !torch.list<vtensor<[2],f32>> {
  ^bb0(%i: !torch.vtensor<[],si64>, %c: !torch.vtensor<[],i1>, %acc: !torch.list<vtensor<[2],f32>>):
    %3 = torch.operator "onnx.Neg"(%arg0) : (!torch.vtensor<[2],f32>) -> !torch.vtensor<[2],f32>
    %4 = torch.operator "onnx.SequenceInsert"(%acc, %3) : (!torch.list<vtensor<[2],f32>>, !torch.vtensor<[2],f32>) -> !torch.list<vtensor<[2],f32>>
    torch.operator_terminator %c, %4 : !torch.vtensor<[],i1>, !torch.list<vtensor<[2],f32>>
  }
  %5 = torch.operator "onnx.ConcatFromSequence"(%2) {torch.onnx.axis = 0 : si64} : (!torch.list<vtensor<[2],f32>>) -> !torch.vtensor<[4],f32>
  return %5 : !torch.vtensor<[4],f32>
}

// -----

// Rank-0 dense_resource literals (scalar initializers, often a loop bound or an EOS id)
// become inline splats: IREE crashes on a rank-0 dense_resource operand.
// CHECK-LABEL: func.func @test_scalar_resource_inlined
func.func @test_scalar_resource_inlined(%arg0: !torch.vtensor<[],si64>) -> !torch.vtensor<[],i1> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: %[[C:.*]] = torch.vtensor.literal(dense<3> : tensor<si64>) : !torch.vtensor<[],si64>
  // CHECK: torch.aten.lt.Tensor %arg0, %[[C]]
  %0 = torch.vtensor.literal(dense_resource<eos> : tensor<si64>) : !torch.vtensor<[],si64>
  %1 = torch.operator "onnx.Less"(%arg0, %0) : (!torch.vtensor<[],si64>, !torch.vtensor<[],si64>) -> !torch.vtensor<[],i1>
  return %1 : !torch.vtensor<[],i1>
}
{-#
  dialect_resources: {
    builtin: {
      eos: "0x080000000300000000000000"
    }
  }
#-}
