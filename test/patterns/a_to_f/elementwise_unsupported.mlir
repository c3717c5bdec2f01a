// RUN: %opt --split-input-file --convert-torch-onnx-to-torch --verify-diagnostics --report %s

func.func @test_averagepool_dilations_dynamic_spatial(%arg0: !torch.vtensor<[1,1,?,?],f32>) -> !torch.vtensor<[1,1,?,?],f32> attributes {torch.onnx_meta.opset_version = 19 : si64} {
  // expected-remark@+1 {{onnx.AveragePool was not converted: dilations or asymmetric pads need static spatial dims}}
  %0 = torch.operator "onnx.AveragePool"(%arg0) {torch.onnx.dilations = [2 : si64, 2 : si64], torch.onnx.kernel_shape = [2 : si64, 2 : si64]} : (!torch.vtensor<[1,1,?,?],f32>) -> !torch.vtensor<[1,1,?,?],f32>
  return %0 : !torch.vtensor<[1,1,?,?],f32>
}

// -----

func.func @test_averagepool_same_dynamic(%arg0: !torch.vtensor<[1,1,?,?],f32>) -> !torch.vtensor<[1,1,?,?],f32> attributes {torch.onnx_meta.opset_version = 19 : si64} {
  // expected-remark@+1 {{onnx.AveragePool was not converted: auto_pad=SAME_LOWER needs static spatial dims}}
  %0 = torch.operator "onnx.AveragePool"(%arg0) {torch.onnx.auto_pad = "SAME_LOWER", torch.onnx.kernel_shape = [2 : si64, 2 : si64]} : (!torch.vtensor<[1,1,?,?],f32>) -> !torch.vtensor<[1,1,?,?],f32>
  return %0 : !torch.vtensor<[1,1,?,?],f32>
}

// -----

func.func @test_averagepool_kernel_too_big(%arg0: !torch.vtensor<[1,1,2,2],f32>) -> !torch.vtensor<[1,1,0,0],f32> attributes {torch.onnx_meta.opset_version = 19 : si64} {
  // expected-remark@+1 {{onnx.AveragePool was not converted: the pooling window is larger than the padded input}}
  %0 = torch.operator "onnx.AveragePool"(%arg0) {torch.onnx.kernel_shape = [3 : si64, 3 : si64]} : (!torch.vtensor<[1,1,2,2],f32>) -> !torch.vtensor<[1,1,0,0],f32>
  return %0 : !torch.vtensor<[1,1,0,0],f32>
}

// -----

func.func @test_averagepool_4d(%arg0: !torch.vtensor<[1,1,2,2,2,2],f32>) -> !torch.vtensor<[1,1,1,1,1,1],f32> attributes {torch.onnx_meta.opset_version = 19 : si64} {
  // expected-remark@+1 {{onnx.AveragePool was not converted: 4-D pooling is not supported (1-D to 3-D only)}}
  %0 = torch.operator "onnx.AveragePool"(%arg0) {torch.onnx.kernel_shape = [2 : si64, 2 : si64, 2 : si64, 2 : si64]} : (!torch.vtensor<[1,1,2,2,2,2],f32>) -> !torch.vtensor<[1,1,1,1,1,1],f32>
  return %0 : !torch.vtensor<[1,1,1,1,1,1],f32>
}

// -----

// saved_var of BatchNormalization before 14 is implementation-defined.
func.func @test_batchnorm_v9_saved_var(%arg0: !torch.vtensor<[2,3],f32>, %arg1: !torch.vtensor<[3],f32>, %arg2: !torch.vtensor<[3],f32>, %arg3: !torch.vtensor<[3],f32>, %arg4: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 9 : si64} {
  // expected-remark@+1 {{onnx.BatchNormalization was not converted: output #4 is used but not supported}}
  %0:5 = torch.operator "onnx.BatchNormalization"(%arg0, %arg1, %arg2, %arg3, %arg4) : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[3],f32>, !torch.vtensor<[3],f32>, !torch.vtensor<[3],f32>, !torch.vtensor<[3],f32>) -> (!torch.vtensor<[2,3],f32>, !torch.vtensor<[3],f32>, !torch.vtensor<[3],f32>, !torch.vtensor<[3],f32>, !torch.vtensor<[3],f32>)
  return %0#4 : !torch.vtensor<[3],f32>
}

// -----

func.func @test_bitshift_bad_direction(%arg0: !torch.vtensor<[3],ui8>, %arg1: !torch.vtensor<[3],ui8>) -> !torch.vtensor<[3],ui8> attributes {torch.onnx_meta.opset_version = 11 : si64} {
  // expected-remark@+1 {{onnx.BitShift was not converted: unknown direction 'UP'}}
  %0 = torch.operator "onnx.BitShift"(%arg0, %arg1) {torch.onnx.direction = "UP"} : (!torch.vtensor<[3],ui8>, !torch.vtensor<[3],ui8>) -> !torch.vtensor<[3],ui8>
  return %0 : !torch.vtensor<[3],ui8>
}

// -----

func.func @test_attention_3d_without_heads(%arg0: !torch.vtensor<[2,4,24],f32>, %arg1: !torch.vtensor<[2,6,24],f32>, %arg2: !torch.vtensor<[2,6,24],f32>) -> !torch.vtensor<[2,4,24],f32> attributes {torch.onnx_meta.opset_version = 23 : si64} {
  // expected-remark@+1 {{onnx.Attention was not converted: 3-D inputs need q_num_heads and kv_num_heads}}
  %0 = torch.operator "onnx.Attention"(%arg0, %arg1, %arg2) : (!torch.vtensor<[2,4,24],f32>, !torch.vtensor<[2,6,24],f32>, !torch.vtensor<[2,6,24],f32>) -> !torch.vtensor<[2,4,24],f32>
  return %0 : !torch.vtensor<[2,4,24],f32>
}

// -----

func.func @test_attention_mode0_softcap(%arg0: !torch.vtensor<[1,1,4,8],f32>, %arg1: !torch.vtensor<[1,1,6,8],f32>, %arg2: !torch.vtensor<[1,1,6,8],f32>) -> !torch.vtensor<[1,1,4,6],f32> attributes {torch.onnx_meta.opset_version = 23 : si64} {
  // expected-remark@+1 {{onnx.Attention was not converted: qk_matmul_output_mode=0 with softcap: the spec gives the raw product, the reference implementation the softcapped one}}
  %0:4 = torch.operator "onnx.Attention"(%arg0, %arg1, %arg2) {torch.onnx.softcap = 2.0 : f32} : (!torch.vtensor<[1,1,4,8],f32>, !torch.vtensor<[1,1,6,8],f32>, !torch.vtensor<[1,1,6,8],f32>) -> (!torch.vtensor<[1,1,4,8],f32>, !torch.none, !torch.none, !torch.vtensor<[1,1,4,6],f32>)
  return %0#3 : !torch.vtensor<[1,1,4,6],f32>
}

// -----

func.func @test_attention_past_key_alone(%arg0: !torch.vtensor<[1,1,4,8],f32>, %arg1: !torch.vtensor<[1,1,6,8],f32>, %arg2: !torch.vtensor<[1,1,6,8],f32>, %arg3: !torch.vtensor<[1,1,2,8],f32>) -> !torch.vtensor<[1,1,4,8],f32> attributes {torch.onnx_meta.opset_version = 23 : si64} {
  %none = torch.constant.none
  // expected-remark@+1 {{onnx.Attention was not converted: past_key and past_value must be given together}}
  %0 = torch.operator "onnx.Attention"(%arg0, %arg1, %arg2, %none, %arg3) : (!torch.vtensor<[1,1,4,8],f32>, !torch.vtensor<[1,1,6,8],f32>, !torch.vtensor<[1,1,6,8],f32>, !torch.none, !torch.vtensor<[1,1,2,8],f32>) -> !torch.vtensor<[1,1,4,8],f32>
  return %0 : !torch.vtensor<[1,1,4,8],f32>
}

// -----

func.func @test_attention_gqa_dynamic_heads(%arg0: !torch.vtensor<[1,?,4,8],f32>, %arg1: !torch.vtensor<[1,?,6,8],f32>, %arg2: !torch.vtensor<[1,?,6,8],f32>) -> !torch.vtensor<[1,?,4,8],f32> attributes {torch.onnx_meta.opset_version = 23 : si64} {
  // expected-remark@+1 {{onnx.Attention was not converted: head counts must be static}}
  %0 = torch.operator "onnx.Attention"(%arg0, %arg1, %arg2) : (!torch.vtensor<[1,?,4,8],f32>, !torch.vtensor<[1,?,6,8],f32>, !torch.vtensor<[1,?,6,8],f32>) -> !torch.vtensor<[1,?,4,8],f32>
  return %0 : !torch.vtensor<[1,?,4,8],f32>
}

// -----

func.func @test_bitcast_to_ui32(%arg0: !torch.vtensor<[2],si32>) -> !torch.vtensor<[2],ui32> attributes {torch.onnx_meta.opset_version = 26 : si64} {
  // expected-remark@+1 {{onnx.BitCast was not converted: dtype ui32 has no torch equivalent}}
  %0 = torch.operator "onnx.BitCast"(%arg0) {torch.onnx.to = 12 : si64} : (!torch.vtensor<[2],si32>) -> !torch.vtensor<[2],ui32>
  return %0 : !torch.vtensor<[2],ui32>
}

// -----

func.func @test_bitcast_width_mismatch(%arg0: !torch.vtensor<[2],si64>) -> !torch.vtensor<[2],f32> attributes {torch.onnx_meta.opset_version = 26 : si64} {
  // expected-remark@+1 {{onnx.BitCast was not converted: si64 and f32 differ in width}}
  %0 = torch.operator "onnx.BitCast"(%arg0) {torch.onnx.to = 1 : si64} : (!torch.vtensor<[2],si64>) -> !torch.vtensor<[2],f32>
  return %0 : !torch.vtensor<[2],f32>
}

// -----

func.func @test_bitcast_float8(%arg0: !torch.vtensor<[2],ui8>) -> !torch.vtensor<[2],f8E4M3FN> attributes {torch.onnx_meta.opset_version = 26 : si64} {
  // expected-remark@+1 {{onnx.BitCast was not converted: bitcast from ui8 to f8E4M3FN: sub-byte, float8 and string element types are not supported}}
  %0 = torch.operator "onnx.BitCast"(%arg0) {torch.onnx.to = 17 : si64} : (!torch.vtensor<[2],ui8>) -> !torch.vtensor<[2],f8E4M3FN>
  return %0 : !torch.vtensor<[2],f8E4M3FN>
}

// -----

func.func @test_bernoulli_seed(%arg0: !torch.vtensor<[10],f32>) -> !torch.vtensor<[10],f32> attributes {torch.onnx_meta.opset_version = 15 : si64} {
  // expected-remark@+1 {{onnx.Bernoulli was not converted: a seeded draw cannot be expressed: aten.bernoulli takes no seed}}
  %0 = torch.operator "onnx.Bernoulli"(%arg0) {torch.onnx.seed = 0.0 : f32} : (!torch.vtensor<[10],f32>) -> !torch.vtensor<[10],f32>
  return %0 : !torch.vtensor<[10],f32>
}

// -----

func.func @test_affine_grid_runtime_size_length(%arg0: !torch.vtensor<[2,2,3],f32>, %arg1: !torch.vtensor<[?],si64>) -> !torch.vtensor<[2,?,?,2],f32> attributes {torch.onnx_meta.opset_version = 20 : si64} {
  // expected-remark@+1 {{onnx.AffineGrid was not converted: 'size' must be a 1-D tensor of static length}}
  %0 = torch.operator "onnx.AffineGrid"(%arg0, %arg1) : (!torch.vtensor<[2,2,3],f32>, !torch.vtensor<[?],si64>) -> !torch.vtensor<[2,?,?,2],f32>
  return %0 : !torch.vtensor<[2,?,?,2],f32>
}
