// RUN: %opt --split-input-file --convert-torch-onnx-to-torch --verify-diagnostics --report %s

// Declined recurrent cases (GRU, LSTM, RNN share the machinery): each op stays, with the reason.

func.func @test_gru_unknown_activation(%arg0: !torch.vtensor<[1,1,2],f32>, %arg1: !torch.vtensor<[1,6,2],f32>, %arg2: !torch.vtensor<[1,6,2],f32>) -> !torch.vtensor<[1,1,2],f32> attributes {torch.onnx_meta.opset_version = 22 : si64} {
  // expected-remark@+1 {{onnx.GRU was not converted: unknown activation 'Gelu'}}
  %0:2 = torch.operator "onnx.GRU"(%arg0, %arg1, %arg2) {torch.onnx.hidden_size = 2 : si64, torch.onnx.activations = ["Sigmoid", "Gelu"]} : (!torch.vtensor<[1,1,2],f32>, !torch.vtensor<[1,6,2],f32>, !torch.vtensor<[1,6,2],f32>) -> (!torch.none, !torch.vtensor<[1,1,2],f32>)
  return %0#1 : !torch.vtensor<[1,1,2],f32>
}

// -----

func.func @test_lstm_hidden_size_mismatch(%arg0: !torch.vtensor<[1,1,2],f32>, %arg1: !torch.vtensor<[1,8,2],f32>, %arg2: !torch.vtensor<[1,8,2],f32>) -> !torch.vtensor<[1,1,3],f32> attributes {torch.onnx_meta.opset_version = 22 : si64} {
  // expected-remark@+1 {{onnx.LSTM was not converted: hidden_size 3 does not match R's 2}}
  %0:2 = torch.operator "onnx.LSTM"(%arg0, %arg1, %arg2) {torch.onnx.hidden_size = 3 : si64} : (!torch.vtensor<[1,1,2],f32>, !torch.vtensor<[1,8,2],f32>, !torch.vtensor<[1,8,2],f32>) -> (!torch.none, !torch.vtensor<[1,1,3],f32>)
  return %0#1 : !torch.vtensor<[1,1,3],f32>
}

// -----

// One alpha for two activations of which two take one: neither by position nor by consumption.
func.func @test_lstm_ambiguous_activation_alpha(%arg0: !torch.vtensor<[1,1,2],f32>, %arg1: !torch.vtensor<[1,8,2],f32>, %arg2: !torch.vtensor<[1,8,2],f32>) -> !torch.vtensor<[1,1,2],f32> attributes {torch.onnx_meta.opset_version = 22 : si64} {
  // expected-remark@+1 {{onnx.LSTM was not converted: activation_alpha has 2 values for 3 activations, 1 of which take one}}
  %0:2 = torch.operator "onnx.LSTM"(%arg0, %arg1, %arg2) {torch.onnx.hidden_size = 2 : si64, torch.onnx.activations = ["HardSigmoid", "Tanh", "Tanh"], torch.onnx.activation_alpha = [0.2 : f32, 0.3 : f32]} : (!torch.vtensor<[1,1,2],f32>, !torch.vtensor<[1,8,2],f32>, !torch.vtensor<[1,8,2],f32>) -> (!torch.none, !torch.vtensor<[1,1,2],f32>)
  return %0#1 : !torch.vtensor<[1,1,2],f32>
}

// -----

func.func @test_rnn_affine_without_alpha(%arg0: !torch.vtensor<[1,1,2],f32>, %arg1: !torch.vtensor<[1,2,2],f32>, %arg2: !torch.vtensor<[1,2,2],f32>) -> !torch.vtensor<[1,1,2],f32> attributes {torch.onnx_meta.opset_version = 22 : si64} {
  // expected-remark@+1 {{onnx.RNN was not converted: activation Affine needs activation_alpha/activation_beta}}
  %0:2 = torch.operator "onnx.RNN"(%arg0, %arg1, %arg2) {torch.onnx.hidden_size = 2 : si64, torch.onnx.activations = ["Affine"]} : (!torch.vtensor<[1,1,2],f32>, !torch.vtensor<[1,2,2],f32>, !torch.vtensor<[1,2,2],f32>) -> (!torch.none, !torch.vtensor<[1,1,2],f32>)
  return %0#1 : !torch.vtensor<[1,1,2],f32>
}

// -----

func.func @test_gru_bidirectional_one_direction_of_weights(%arg0: !torch.vtensor<[1,1,2],f32>, %arg1: !torch.vtensor<[1,6,2],f32>, %arg2: !torch.vtensor<[1,6,2],f32>) -> !torch.vtensor<[2,1,2],f32> attributes {torch.onnx_meta.opset_version = 22 : si64} {
  // expected-remark@+1 {{onnx.GRU was not converted: W has 1 directions, direction 'bidirectional' needs 2}}
  %0:2 = torch.operator "onnx.GRU"(%arg0, %arg1, %arg2) {torch.onnx.hidden_size = 2 : si64, torch.onnx.direction = "bidirectional"} : (!torch.vtensor<[1,1,2],f32>, !torch.vtensor<[1,6,2],f32>, !torch.vtensor<[1,6,2],f32>) -> (!torch.none, !torch.vtensor<[2,1,2],f32>)
  return %0#1 : !torch.vtensor<[2,1,2],f32>
}

// -----

func.func @test_rnn_layout2(%arg0: !torch.vtensor<[1,1,2],f32>, %arg1: !torch.vtensor<[1,2,2],f32>, %arg2: !torch.vtensor<[1,2,2],f32>) -> !torch.vtensor<[1,1,2],f32> attributes {torch.onnx_meta.opset_version = 14 : si64} {
  // expected-remark@+1 {{onnx.RNN was not converted: layout 2 is not 0 or 1}}
  %0:2 = torch.operator "onnx.RNN"(%arg0, %arg1, %arg2) {torch.onnx.hidden_size = 2 : si64, torch.onnx.layout = 2 : si64} : (!torch.vtensor<[1,1,2],f32>, !torch.vtensor<[1,2,2],f32>, !torch.vtensor<[1,2,2],f32>) -> (!torch.none, !torch.vtensor<[1,1,2],f32>)
  return %0#1 : !torch.vtensor<[1,1,2],f32>
}

// -----

func.func @test_gru_integer_input(%arg0: !torch.vtensor<[1,1,2],si32>, %arg1: !torch.vtensor<[1,6,2],si32>, %arg2: !torch.vtensor<[1,6,2],si32>) -> !torch.vtensor<[1,1,2],si32> attributes {torch.onnx_meta.opset_version = 22 : si64} {
  // expected-remark@+1 {{onnx.GRU was not converted: GRU on si32 input}}
  %0:2 = torch.operator "onnx.GRU"(%arg0, %arg1, %arg2) {torch.onnx.hidden_size = 2 : si64} : (!torch.vtensor<[1,1,2],si32>, !torch.vtensor<[1,6,2],si32>, !torch.vtensor<[1,6,2],si32>) -> (!torch.none, !torch.vtensor<[1,1,2],si32>)
  return %0#1 : !torch.vtensor<[1,1,2],si32>
}

// -----

func.func @test_lstm_bias_of_gru_size(%arg0: !torch.vtensor<[1,1,2],f32>, %arg1: !torch.vtensor<[1,8,2],f32>, %arg2: !torch.vtensor<[1,8,2],f32>, %arg3: !torch.vtensor<[1,12],f32>) -> !torch.vtensor<[1,1,2],f32> attributes {torch.onnx_meta.opset_version = 22 : si64} {
  // expected-remark@+1 {{onnx.LSTM was not converted: B has shape [1, 12], expected [1, 16]}}
  %0:2 = torch.operator "onnx.LSTM"(%arg0, %arg1, %arg2, %arg3) {torch.onnx.hidden_size = 2 : si64} : (!torch.vtensor<[1,1,2],f32>, !torch.vtensor<[1,8,2],f32>, !torch.vtensor<[1,8,2],f32>, !torch.vtensor<[1,12],f32>) -> (!torch.none, !torch.vtensor<[1,1,2],f32>)
  return %0#1 : !torch.vtensor<[1,1,2],f32>
}
