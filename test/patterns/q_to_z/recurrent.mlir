// RUN: %opt --split-input-file --convert-torch-onnx-to-torch %s | filecheck %s

// Defaults (forward, Tanh): X W^T + Wb for all steps at once, then per step H R^T + Rb.
// CHECK-LABEL: func.func @test_rnn_defaults
func.func @test_rnn_defaults(%arg0: !torch.vtensor<[2,3,2],f32>, %arg1: !torch.vtensor<[1,4,2],f32>, %arg2: !torch.vtensor<[1,4,4],f32>, %arg3: !torch.vtensor<[1,8],f32>) -> !torch.vtensor<[1,3,4],f32> attributes {torch.onnx_meta.opset_version = 7 : si64} {
  // CHECK: %[[XW:.*]] = torch.aten.linear %arg0, {{.*}} -> !torch.vtensor<[2,3,4],f32>
  // CHECK: %[[H0:.*]] = torch.aten.zeros
  // CHECK: %[[X0:.*]] = torch.aten.select.int %[[XW]], %int0, %int0
  // CHECK: %[[HR0:.*]] = torch.aten.linear %[[H0]]
  // CHECK: %[[G0:.*]] = torch.aten.add.Tensor %[[X0]], %[[HR0]], %int1
  // CHECK: %[[H1:.*]] = torch.aten.tanh %[[G0]]
  // CHECK: %[[X1:.*]] = torch.aten.select.int %[[XW]], %int0, %int1
  // CHECK: %[[HR1:.*]] = torch.aten.linear %[[H1]]
  // CHECK: %[[G1:.*]] = torch.aten.add.Tensor %[[X1]], %[[HR1]], %int1
  // CHECK: %[[H2:.*]] = torch.aten.tanh %[[G1]]
  // CHECK: torch.aten.unsqueeze %[[H2]], %int0
  %0:2 = torch.operator "onnx.RNN"(%arg0, %arg1, %arg2, %arg3) {torch.onnx.hidden_size = 4 : si64} : (!torch.vtensor<[2,3,2],f32>, !torch.vtensor<[1,4,2],f32>, !torch.vtensor<[1,4,4],f32>, !torch.vtensor<[1,8],f32>) -> (!torch.none, !torch.vtensor<[1,3,4],f32>)
  return %0#1 : !torch.vtensor<[1,3,4],f32>
}

// -----

// Reverse with sequence_lens: the steps run from the last index down, each masked by t < len,
// so every sequence starts at its own last valid step; LeakyRelu with clip.
// CHECK-LABEL: func.func @test_rnn_reverse_seq_lens_leakyrelu_clip
func.func @test_rnn_reverse_seq_lens_leakyrelu_clip(%arg0: !torch.vtensor<[2,3,2],f32>, %arg1: !torch.vtensor<[1,4,2],f32>, %arg2: !torch.vtensor<[1,4,4],f32>, %arg3: !torch.vtensor<[3],si32>) -> !torch.vtensor<[2,1,3,4],f32> attributes {torch.onnx_meta.opset_version = 22 : si64} {
  %none = torch.constant.none
  // CHECK: %[[XW:.*]] = torch.aten.linear %arg0
  // CHECK: torch.aten.select.int %[[XW]], %int0, %int1
  // CHECK: torch.aten.clamp %{{.*}}, %float-2.000000e00, %float2.000000e00
  // CHECK: %[[A1:.*]] = torch.aten.leaky_relu %{{.*}}, %float5.000000e-01
  // CHECK: %[[GT1:.*]] = torch.aten.gt.Scalar %arg3, %int1
  // CHECK: %[[M1:.*]] = torch.aten.unsqueeze %[[GT1]], %int1
  // CHECK: %[[Y1:.*]] = torch.aten.where.ScalarOther %[[M1]], %[[A1]], %float0.000000e00
  // CHECK: %[[H1:.*]] = torch.aten.where.self %[[M1]], %[[A1]], %{{.*}}
  // CHECK: torch.aten.select.int %[[XW]], %int0, %int0
  // CHECK: torch.aten.linear %[[H1]]
  // CHECK: %[[GT0:.*]] = torch.aten.gt.Scalar %arg3, %int0
  // CHECK: %[[Y0:.*]] = torch.aten.where.ScalarOther
  // CHECK: torch.prim.ListConstruct %[[Y0]], %[[Y1]]
  %0:2 = torch.operator "onnx.RNN"(%arg0, %arg1, %arg2, %none, %arg3) {torch.onnx.direction = "reverse", torch.onnx.hidden_size = 4 : si64, torch.onnx.activations = ["LeakyRelu"], torch.onnx.activation_alpha = [0.5 : f32], torch.onnx.clip = 2.0 : f32} : (!torch.vtensor<[2,3,2],f32>, !torch.vtensor<[1,4,2],f32>, !torch.vtensor<[1,4,4],f32>, !torch.none, !torch.vtensor<[3],si32>) -> (!torch.vtensor<[2,1,3,4],f32>, !torch.none)
  return %0#0 : !torch.vtensor<[2,1,3,4],f32>
}

// -----

// The remaining activations, two per bidirectional op (one per direction).
// CHECK-LABEL: func.func @test_rnn_activations
func.func @test_rnn_activations(%arg0: !torch.vtensor<[1,1,2],f32>, %arg1: !torch.vtensor<[2,2,2],f32>, %arg2: !torch.vtensor<[2,2,2],f32>) -> (!torch.vtensor<[2,1,2],f32>, !torch.vtensor<[2,1,2],f32>, !torch.vtensor<[2,1,2],f32>) attributes {torch.onnx_meta.opset_version = 14 : si64} {
  // CHECK: torch.aten.mul.Scalar %{{.*}}, %float5.000000e-01
  // CHECK: torch.aten.tanh
  // CHECK: torch.aten.mul.Scalar %{{.*}}, %float2.000000e00
  // CHECK: torch.aten.mul.Scalar %{{.*}}, %float3.000000e00
  // CHECK: torch.aten.add.Scalar %{{.*}}, %float-1.000000e00, %int1
  // CHECK: %[[GE:.*]] = torch.aten.ge.Scalar %{{.*}}, %float1.000000e00
  // CHECK: torch.aten.where.ScalarOther %[[GE]], %{{.*}}, %float0.000000e00
  // CHECK: torch.aten.elu %{{.*}}, %float1.000000e00, %float1.000000e00, %float1.000000e00
  // CHECK: torch.aten.softplus %{{.*}}, %float1.000000e00{{.*}}, %float2.000000e01
  // CHECK: torch.aten.relu
  %0:2 = torch.operator "onnx.RNN"(%arg0, %arg1, %arg2) {torch.onnx.direction = "bidirectional", torch.onnx.hidden_size = 2 : si64, torch.onnx.activations = ["ScaledTanh", "Affine"], torch.onnx.activation_alpha = [2.0 : f32, 3.0 : f32], torch.onnx.activation_beta = [0.5 : f32, -1.0 : f32]} : (!torch.vtensor<[1,1,2],f32>, !torch.vtensor<[2,2,2],f32>, !torch.vtensor<[2,2,2],f32>) -> (!torch.none, !torch.vtensor<[2,1,2],f32>)
  %1:2 = torch.operator "onnx.RNN"(%arg0, %arg1, %arg2) {torch.onnx.direction = "bidirectional", torch.onnx.hidden_size = 2 : si64, torch.onnx.activations = ["ThresholdedRelu", "Elu"]} : (!torch.vtensor<[1,1,2],f32>, !torch.vtensor<[2,2,2],f32>, !torch.vtensor<[2,2,2],f32>) -> (!torch.none, !torch.vtensor<[2,1,2],f32>)
  %2:2 = torch.operator "onnx.RNN"(%arg0, %arg1, %arg2) {torch.onnx.direction = "bidirectional", torch.onnx.hidden_size = 2 : si64, torch.onnx.activations = ["Softplus", "Relu"]} : (!torch.vtensor<[1,1,2],f32>, !torch.vtensor<[2,2,2],f32>, !torch.vtensor<[2,2,2],f32>) -> (!torch.none, !torch.vtensor<[2,1,2],f32>)
  return %0#1, %1#1, %2#1 : !torch.vtensor<[2,1,2],f32>, !torch.vtensor<[2,1,2],f32>, !torch.vtensor<[2,1,2],f32>
}

// -----

// One set of activations (and their alphas) given for both directions is used for each.
// CHECK-LABEL: func.func @test_rnn_bidirectional_shared_activations
func.func @test_rnn_bidirectional_shared_activations(%arg0: !torch.vtensor<[1,1,2],f32>, %arg1: !torch.vtensor<[2,2,2],f32>, %arg2: !torch.vtensor<[2,2,2],f32>) -> !torch.vtensor<[2,1,2],f32> attributes {torch.onnx_meta.opset_version = 22 : si64} {
  // CHECK: torch.aten.leaky_relu %{{.*}}, %float2.000000e-01
  // CHECK: torch.aten.leaky_relu %{{.*}}, %float2.000000e-01
  %0:2 = torch.operator "onnx.RNN"(%arg0, %arg1, %arg2) {torch.onnx.direction = "bidirectional", torch.onnx.hidden_size = 2 : si64, torch.onnx.activations = ["LeakyRelu"], torch.onnx.activation_alpha = [0.2 : f32]} : (!torch.vtensor<[1,1,2],f32>, !torch.vtensor<[2,2,2],f32>, !torch.vtensor<[2,2,2],f32>) -> (!torch.none, !torch.vtensor<[2,1,2],f32>)
  return %0#1 : !torch.vtensor<[2,1,2],f32>
}
