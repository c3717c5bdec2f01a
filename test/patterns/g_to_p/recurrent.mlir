// RUN: %opt --split-input-file --convert-torch-onnx-to-torch %s | filecheck %s

// Defaults (forward, no B, no initial_h, linear_before_reset=0): X W^T for every step at once,
// then per step the z/r rows of R in one linear and (r (.) H) Rh^T on its own; Y unused.
// CHECK-LABEL: func.func @test_gru_defaults
func.func @test_gru_defaults(%arg0: !torch.vtensor<[1,3,2],f32>, %arg1: !torch.vtensor<[1,15,2],f32>, %arg2: !torch.vtensor<[1,15,5],f32>) -> !torch.vtensor<[1,3,5],f32> attributes {torch.onnx_meta.opset_version = 22 : si64} {
  // CHECK: %[[W:.*]] = torch.aten.select.int %arg1
  // CHECK: %[[XW:.*]] = torch.aten.linear %arg0, %[[W]], %none : {{.*}} -> !torch.vtensor<[1,3,15],f32>
  // CHECK: %[[R:.*]] = torch.aten.select.int %arg2
  // CHECK: %[[RZR:.*]] = torch.aten.slice.Tensor %[[R]], {{.*}} -> !torch.vtensor<[10,5],f32>
  // CHECK: %[[RH:.*]] = torch.aten.slice.Tensor %[[R]], {{.*}} -> !torch.vtensor<[5,5],f32>
  // CHECK: %[[H0:.*]] = torch.aten.zeros {{.*}} -> !torch.vtensor<[3,5],f32>
  // CHECK: torch.aten.linear %[[H0]], %[[RZR]], %none
  // CHECK: torch.aten.sigmoid
  // CHECK: %[[RG:.*]] = torch.aten.sigmoid
  // CHECK: %[[RH0:.*]] = torch.aten.mul.Tensor %[[RG]], %[[H0]]
  // CHECK: torch.aten.linear %[[RH0]], %[[RH]], %none
  // CHECK: torch.aten.tanh
  // CHECK: %[[H1:.*]] = torch.aten.add.Tensor
  // CHECK: %[[YH:.*]] = torch.aten.unsqueeze %[[H1]], %int0 : !torch.vtensor<[3,5],f32>, !torch.int -> !torch.vtensor<[1,3,5],f32>
  // CHECK: return %[[YH]]
  %0:2 = torch.operator "onnx.GRU"(%arg0, %arg1, %arg2) {torch.onnx.hidden_size = 5 : si64} : (!torch.vtensor<[1,3,2],f32>, !torch.vtensor<[1,15,2],f32>, !torch.vtensor<[1,15,5],f32>) -> (!torch.none, !torch.vtensor<[1,3,5],f32>)
  return %0#1 : !torch.vtensor<[1,3,5],f32>
}

// -----

// What PyTorch exports for a bidirectional nn.GRU: linear_before_reset=1 (one linear of H with all
// of R and Rb per step, r scaling its candidate rows), initial_h; the reverse direction walks the
// steps backwards; Y stacks the directions at dim 1.
// CHECK-LABEL: func.func @test_gru_bidirectional_linear_before_reset
func.func @test_gru_bidirectional_linear_before_reset(%arg0: !torch.vtensor<[2,1,3],f32>, %arg1: !torch.vtensor<[2,12,3],f32>, %arg2: !torch.vtensor<[2,12,4],f32>, %arg3: !torch.vtensor<[2,24],f32>, %arg4: !torch.vtensor<[2,1,4],f32>) -> (!torch.vtensor<[2,2,1,4],f32>, !torch.vtensor<[2,1,4],f32>) attributes {torch.onnx_meta.opset_version = 14 : si64} {
  %none = torch.constant.none
  // CHECK: %[[B0:.*]] = torch.aten.select.int %arg3, %int0, %int0
  // CHECK: %[[WB0:.*]] = torch.aten.slice.Tensor %[[B0]], %int0, %int0, %int12
  // CHECK: %[[RB0:.*]] = torch.aten.slice.Tensor %[[B0]], %int0, %int12, %int24
  // CHECK: %[[XW0:.*]] = torch.aten.linear %arg0, %{{.*}}, %[[WB0]] : {{.*}} -> !torch.vtensor<[2,1,12],f32>
  // CHECK: %[[R0:.*]] = torch.aten.select.int %arg2, %int0, %int0
  // CHECK: %[[H0:.*]] = torch.aten.select.int %arg4, %int0, %int0
  // CHECK: %[[X00:.*]] = torch.aten.select.int %[[XW0]], %int0, %int0
  // CHECK: %[[HR:.*]] = torch.aten.linear %[[H0]], %[[R0]], %[[RB0]] : {{.*}} -> !torch.vtensor<[1,12],f32>
  // CHECK: torch.aten.sigmoid
  // CHECK: %[[R:.*]] = torch.aten.sigmoid
  // CHECK: %[[HRN:.*]] = torch.aten.slice.Tensor %[[HR]], %int1, %int8, %int12
  // CHECK: torch.aten.mul.Tensor %[[R]], %[[HRN]]
  // CHECK: torch.aten.tanh
  // CHECK: torch.aten.select.int %[[XW0]], %int0, %int1
  // CHECK: %[[XW1:.*]] = torch.aten.linear %arg0
  // CHECK: torch.aten.select.int %[[XW1]], %int0, %int1
  // CHECK: torch.aten.select.int %[[XW1]], %int0, %int0
  // CHECK: %[[Y:.*]] = torch.aten.stack %{{.*}}, %int1 : !torch.list<vtensor>, !torch.int -> !torch.vtensor<[2,2,1,4],f32>
  // CHECK: %[[YH:.*]] = torch.aten.stack %{{.*}}, %int0 : !torch.list<vtensor>, !torch.int -> !torch.vtensor<[2,1,4],f32>
  // CHECK: return %[[Y]], %[[YH]]
  %0:2 = torch.operator "onnx.GRU"(%arg0, %arg1, %arg2, %arg3, %none, %arg4) {torch.onnx.direction = "bidirectional", torch.onnx.hidden_size = 4 : si64, torch.onnx.linear_before_reset = 1 : si64} : (!torch.vtensor<[2,1,3],f32>, !torch.vtensor<[2,12,3],f32>, !torch.vtensor<[2,12,4],f32>, !torch.vtensor<[2,24],f32>, !torch.none, !torch.vtensor<[2,1,4],f32>) -> (!torch.vtensor<[2,2,1,4],f32>, !torch.vtensor<[2,1,4],f32>)
  return %0#0, %0#1 : !torch.vtensor<[2,2,1,4],f32>, !torch.vtensor<[2,1,4],f32>
}

// -----

// GRU-1 has no linear_before_reset (always 0); custom activations with clip on their inputs.
// CHECK-LABEL: func.func @test_gru_v1_activations_clip
func.func @test_gru_v1_activations_clip(%arg0: !torch.vtensor<[1,2,2],f32>, %arg1: !torch.vtensor<[1,9,2],f32>, %arg2: !torch.vtensor<[1,9,3],f32>) -> !torch.vtensor<[1,1,2,3],f32> attributes {torch.onnx_meta.opset_version = 1 : si64} {
  // CHECK: %[[RZR:.*]] = torch.aten.slice.Tensor {{.*}} -> !torch.vtensor<[6,3],f32>
  // CHECK: %[[C:.*]] = torch.aten.clamp %{{.*}}, %float-1.500000e00, %float1.500000e00
  // CHECK: torch.aten.mul.Scalar %[[C]], %float3.000000e-01
  // CHECK: torch.aten.add.Scalar %{{.*}}, %float4.000000e-01, %int1
  // CHECK: torch.aten.clamp %{{.*}}, %float0.000000e00, %float1.000000e00
  // CHECK: torch.aten.abs
  // CHECK: torch.aten.div.Tensor
  // CHECK-NOT: torch.operator
  %0:2 = torch.operator "onnx.GRU"(%arg0, %arg1, %arg2) {torch.onnx.hidden_size = 3 : si64, torch.onnx.clip = 1.5 : f32, torch.onnx.activations = ["HardSigmoid", "Softsign"], torch.onnx.activation_alpha = [0.3 : f32], torch.onnx.activation_beta = [0.4 : f32]} : (!torch.vtensor<[1,2,2],f32>, !torch.vtensor<[1,9,2],f32>, !torch.vtensor<[1,9,3],f32>) -> (!torch.vtensor<[1,1,2,3],f32>, !torch.vtensor<[1,2,3],f32>)
  return %0#0 : !torch.vtensor<[1,1,2,3],f32>
}

// -----

// Peepholes (P split i, o, f: i and f see C(t-1), o sees C(t)) and sequence_lens: past a
// sequence's end its output is 0 and both states are kept (aten.where).
// CHECK-LABEL: func.func @test_lstm_peepholes_seq_lens
func.func @test_lstm_peepholes_seq_lens(%arg0: !torch.vtensor<[1,2,4],f32>, %arg1: !torch.vtensor<[1,12,4],f32>, %arg2: !torch.vtensor<[1,12,3],f32>, %arg3: !torch.vtensor<[1,24],f32>, %arg4: !torch.vtensor<[2],si32>, %arg5: !torch.vtensor<[1,2,3],f32>, %arg6: !torch.vtensor<[1,2,3],f32>, %arg7: !torch.vtensor<[1,9],f32>) -> (!torch.vtensor<[1,1,2,3],f32>, !torch.vtensor<[1,2,3],f32>, !torch.vtensor<[1,2,3],f32>) attributes {torch.onnx_meta.opset_version = 22 : si64} {
  // CHECK: %[[P:.*]] = torch.aten.select.int %arg7, %int0, %int0
  // CHECK: %[[PI:.*]] = torch.aten.slice.Tensor %[[P]], %int0, %int0, %int3
  // CHECK: %[[PO:.*]] = torch.aten.slice.Tensor %[[P]], %int0, %int3, %int6
  // CHECK: %[[PF:.*]] = torch.aten.slice.Tensor %[[P]], %int0, %int6, %int9
  // CHECK: %[[H0:.*]] = torch.aten.select.int %arg5, %int0, %int0
  // CHECK: %[[C0:.*]] = torch.aten.select.int %arg6, %int0, %int0
  // CHECK: torch.aten.mul.Tensor %[[PI]], %[[C0]]
  // CHECK: torch.aten.mul.Tensor %[[PF]], %[[C0]]
  // CHECK: torch.aten.tanh
  // CHECK: torch.aten.mul.Tensor
  // CHECK: %[[C1:.*]] = torch.aten.add.Tensor
  // CHECK: torch.aten.mul.Tensor %[[PO]], %[[C1]]
  // CHECK: %[[H1:.*]] = torch.aten.mul.Tensor
  // CHECK: %[[GT:.*]] = torch.aten.gt.Scalar %arg4, %int0 : !torch.vtensor<[2],si32>, !torch.int -> !torch.vtensor<[2],i1>
  // CHECK: %[[M:.*]] = torch.aten.unsqueeze %[[GT]], %int1
  // CHECK: %[[Y0:.*]] = torch.aten.where.ScalarOther %[[M]], %[[H1]], %float0.000000e00
  // CHECK: %[[YH:.*]] = torch.aten.where.self %[[M]], %[[H1]], %[[H0]]
  // CHECK: %[[YC:.*]] = torch.aten.where.self %[[M]], %[[C1]], %[[C0]]
  // An empty sequence (0 < len false) ends in zero states.
  // CHECK: torch.aten.where.ScalarOther %[[M]], %[[YH]], %float0.000000e00
  // CHECK: torch.aten.where.ScalarOther %[[M]], %[[YC]], %float0.000000e00
  %0:3 = torch.operator "onnx.LSTM"(%arg0, %arg1, %arg2, %arg3, %arg4, %arg5, %arg6, %arg7) {torch.onnx.hidden_size = 3 : si64} : (!torch.vtensor<[1,2,4],f32>, !torch.vtensor<[1,12,4],f32>, !torch.vtensor<[1,12,3],f32>, !torch.vtensor<[1,24],f32>, !torch.vtensor<[2],si32>, !torch.vtensor<[1,2,3],f32>, !torch.vtensor<[1,2,3],f32>, !torch.vtensor<[1,9],f32>) -> (!torch.vtensor<[1,1,2,3],f32>, !torch.vtensor<[1,2,3],f32>, !torch.vtensor<[1,2,3],f32>)
  return %0#0, %0#1, %0#2 : !torch.vtensor<[1,1,2,3],f32>, !torch.vtensor<[1,2,3],f32>, !torch.vtensor<[1,2,3],f32>
}

// -----

// layout=1 (batch first, from LSTM-14): X and the states are permuted in, Y and Y_h out;
// input_forget couples the gates (f = 1 - i).
// CHECK-LABEL: func.func @test_lstm_layout1_input_forget
func.func @test_lstm_layout1_input_forget(%arg0: !torch.vtensor<[3,2,2],f32>, %arg1: !torch.vtensor<[1,8,2],f32>, %arg2: !torch.vtensor<[1,8,2],f32>) -> (!torch.vtensor<[3,2,1,2],f32>, !torch.vtensor<[3,1,2],f32>) attributes {torch.onnx_meta.opset_version = 14 : si64} {
  // CHECK: %[[X:.*]] = torch.aten.permute %arg0, %{{.*}} : !torch.vtensor<[3,2,2],f32>, !torch.list<int> -> !torch.vtensor<[2,3,2],f32>
  // CHECK: torch.aten.linear %[[X]]
  // CHECK: %[[I:.*]] = torch.aten.sigmoid
  // CHECK: torch.aten.rsub.Scalar %[[I]], %float1.000000e00, %int1
  // CHECK: %[[Y:.*]] = torch.aten.stack %{{.*}}, %int0 : !torch.list<vtensor>, !torch.int -> !torch.vtensor<[2,3,2],f32>
  // CHECK: %[[Y1:.*]] = torch.aten.unsqueeze %[[Y]], %int1 : {{.*}} -> !torch.vtensor<[2,1,3,2],f32>
  // CHECK: torch.aten.permute %[[Y1]], {{.*}} -> !torch.vtensor<[3,2,1,2],f32>
  // CHECK: torch.aten.permute {{.*}} : !torch.vtensor<[1,3,2],f32>, !torch.list<int> -> !torch.vtensor<[3,1,2],f32>
  %0:3 = torch.operator "onnx.LSTM"(%arg0, %arg1, %arg2) {torch.onnx.hidden_size = 2 : si64, torch.onnx.layout = 1 : si64, torch.onnx.input_forget = 1 : si64} : (!torch.vtensor<[3,2,2],f32>, !torch.vtensor<[1,8,2],f32>, !torch.vtensor<[1,8,2],f32>) -> (!torch.vtensor<[3,2,1,2],f32>, !torch.vtensor<[3,1,2],f32>, !torch.none)
  return %0#0, %0#1 : !torch.vtensor<[3,2,1,2],f32>, !torch.vtensor<[3,1,2],f32>
}

// -----

// A dynamic sequence length: one for-like torch.prim.Loop carrying h, c and Y (filled per step
// with slice_scatter); constants are built before the loop.
// CHECK-LABEL: func.func @test_lstm_v7_dynamic_seq
func.func @test_lstm_v7_dynamic_seq(%arg0: !torch.vtensor<[?,1,2],f32>, %arg1: !torch.vtensor<[1,8,2],f32>, %arg2: !torch.vtensor<[1,8,2],f32>) -> (!torch.vtensor<[?,1,1,2],f32>, !torch.vtensor<[1,1,2],f32>) attributes {torch.onnx_meta.opset_version = 7 : si64} {
  // CHECK: %[[XW:.*]] = torch.aten.linear %arg0, {{.*}} -> !torch.vtensor<[?,1,8],f32>
  // CHECK: %[[SEQ:.*]] = torch.aten.size.int %[[XW]], %int0
  // CHECK: %[[Y0:.*]] = torch.aten.zeros {{.*}} -> !torch.vtensor<[?,1,2],f32>
  // CHECK: %[[TRUE:.*]] = torch.constant.bool true
  // CHECK: %[[L:.*]]:3 = torch.prim.Loop %[[SEQ]], %[[TRUE]], init(%{{.*}}, %{{.*}}, %[[Y0]]) {
  // CHECK: ^bb0(%[[I:.*]]: !torch.int, %[[H:.*]]: !torch.vtensor<[1,2],f32>, %[[C:.*]]: !torch.vtensor<[1,2],f32>, %[[Y:.*]]: !torch.vtensor<[?,1,2],f32>):
  // CHECK: torch.aten.select.int %[[XW]], %int0, %[[I]]
  // CHECK: torch.aten.linear %[[H]]
  // CHECK: %[[YS:.*]] = torch.aten.slice_scatter %[[Y]], %{{.*}}, %int0, %[[I]]
  // CHECK: torch.prim.Loop.condition %[[TRUE]], iter(%{{.*}}, %{{.*}}, %[[YS]] :
  // CHECK: torch.aten.unsqueeze %[[L]]#2, %int1
  // CHECK: torch.aten.unsqueeze %[[L]]#0, %int0
  %0:3 = torch.operator "onnx.LSTM"(%arg0, %arg1, %arg2) {torch.onnx.hidden_size = 2 : si64} : (!torch.vtensor<[?,1,2],f32>, !torch.vtensor<[1,8,2],f32>, !torch.vtensor<[1,8,2],f32>) -> (!torch.vtensor<[?,1,1,2],f32>, !torch.vtensor<[1,1,2],f32>, !torch.vtensor<[1,1,2],f32>)
  return %0#0, %0#1 : !torch.vtensor<[?,1,1,2],f32>, !torch.vtensor<[1,1,2],f32>
}

// -----

// A static sequence longer than UNROLL_MAX (2) loops too; reverse walks index seq-1-i, and
// sequence_lens masks each step inside the loop.
// CHECK-LABEL: func.func @test_gru_reverse_seq_lens_loop
func.func @test_gru_reverse_seq_lens_loop(%arg0: !torch.vtensor<[3,2,2],f32>, %arg1: !torch.vtensor<[1,6,2],f32>, %arg2: !torch.vtensor<[1,6,2],f32>, %arg3: !torch.vtensor<[2],si32>) -> (!torch.vtensor<[3,1,2,2],f32>, !torch.vtensor<[1,2,2],f32>) attributes {torch.onnx_meta.opset_version = 22 : si64} {
  %none = torch.constant.none
  // CHECK: %[[XW:.*]] = torch.aten.linear %arg0
  // CHECK: %[[L:.*]]:2 = torch.prim.Loop %int3, %[[TRUE:.*]], init(
  // CHECK: ^bb0(%[[I:.*]]: !torch.int, %[[H:.*]]: !torch.vtensor<[2,2],f32>, %[[Y:.*]]: !torch.vtensor<[3,2,2],f32>):
  // CHECK: %[[T:.*]] = torch.aten.sub.int %int2, %[[I]]
  // CHECK: torch.aten.select.int %[[XW]], %int0, %[[T]]
  // CHECK: %[[GT:.*]] = torch.aten.gt.Scalar %arg3, %[[T]]
  // CHECK: %[[M:.*]] = torch.aten.unsqueeze %[[GT]], %int1
  // CHECK: torch.aten.where.ScalarOther %[[M]]
  // CHECK: torch.aten.where.self %[[M]], %{{.*}}, %[[H]]
  // CHECK: torch.aten.slice_scatter %[[Y]], %{{.*}}, %int0, %[[T]]
  // CHECK: torch.prim.Loop.condition %[[TRUE]]
  // CHECK: %[[GT0:.*]] = torch.aten.gt.Scalar %arg3, %int0
  // CHECK: %[[M0:.*]] = torch.aten.unsqueeze %[[GT0]], %int1
  // CHECK: torch.aten.where.ScalarOther %[[M0]], %[[L]]#0, %float0.000000e00
  %0:2 = torch.operator "onnx.GRU"(%arg0, %arg1, %arg2, %none, %arg3) {torch.onnx.direction = "reverse", torch.onnx.hidden_size = 2 : si64} : (!torch.vtensor<[3,2,2],f32>, !torch.vtensor<[1,6,2],f32>, !torch.vtensor<[1,6,2],f32>, !torch.none, !torch.vtensor<[2],si32>) -> (!torch.vtensor<[3,1,2,2],f32>, !torch.vtensor<[1,2,2],f32>)
  return %0#0, %0#1 : !torch.vtensor<[3,1,2,2],f32>, !torch.vtensor<[1,2,2],f32>
}
