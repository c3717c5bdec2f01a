// RUN: %opt --split-input-file --convert-torch-onnx-to-torch --verify-diagnostics --report %s

// Declined D-F cases: each op stays as it was, with the reason reported.

func.func @test_equal_string(%arg0: !torch.vtensor<[2],!torch.str>, %arg1: !torch.vtensor<[2],!torch.str>) -> !torch.vtensor<[2],i1> attributes {torch.onnx_meta.opset_version = 19 : si64} {
  // expected-remark@+1 {{onnx.Equal was not converted: string tensors have no torch equivalent}}
  %0 = torch.operator "onnx.Equal"(%arg0, %arg1) : (!torch.vtensor<[2],!torch.str>, !torch.vtensor<[2],!torch.str>) -> !torch.vtensor<[2],i1>
  return %0 : !torch.vtensor<[2],i1>
}

// -----

func.func @test_depthtospace_rank3(%arg0: !torch.vtensor<[8,2,3],f32>) -> !torch.vtensor<[2,4,6],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // expected-remark@+1 {{onnx.DepthToSpace was not converted: input must have rank 4, got 3}}
  %0 = torch.operator "onnx.DepthToSpace"(%arg0) {torch.onnx.blocksize = 2 : si64} : (!torch.vtensor<[8,2,3],f32>) -> !torch.vtensor<[2,4,6],f32>
  return %0 : !torch.vtensor<[2,4,6],f32>
}

// -----

func.func @test_depthtospace_bad_mode(%arg0: !torch.vtensor<[1,8,2,3],f32>) -> !torch.vtensor<[1,2,4,6],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // expected-remark@+1 {{onnx.DepthToSpace was not converted: unknown mode 'XYZ'}}
  %0 = torch.operator "onnx.DepthToSpace"(%arg0) {torch.onnx.blocksize = 2 : si64, torch.onnx.mode = "XYZ"} : (!torch.vtensor<[1,8,2,3],f32>) -> !torch.vtensor<[1,2,4,6],f32>
  return %0 : !torch.vtensor<[1,2,4,6],f32>
}

// -----

func.func @test_det_dynamic_size(%arg0: !torch.vtensor<[?,?],f32>) -> !torch.vtensor<[],f32> attributes {torch.onnx_meta.opset_version = 22 : si64} {
  // expected-remark@+1 {{onnx.Det was not converted: the matrix size must be static and square}}
  %0 = torch.operator "onnx.Det"(%arg0) : (!torch.vtensor<[?,?],f32>) -> !torch.vtensor<[],f32>
  return %0 : !torch.vtensor<[],f32>
}

// -----

func.func @test_expand_shape_of_unknown_length(%arg0: !torch.vtensor<[3,1],f32>, %arg1: !torch.vtensor<[?],si64>) -> !torch.vtensor<*,f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // expected-remark@+1 {{onnx.Expand was not converted: shape must be a constant or a 1-D tensor of static length}}
  %0 = torch.operator "onnx.Expand"(%arg0, %arg1) : (!torch.vtensor<[3,1],f32>, !torch.vtensor<[?],si64>) -> !torch.vtensor<*,f32>
  return %0 : !torch.vtensor<*,f32>
}

// -----

func.func @test_expand_incompatible(%arg0: !torch.vtensor<[3,2],f32>) -> !torch.vtensor<*,f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  %s = torch.vtensor.literal(dense<[3, 4]> : tensor<2xsi64>) : !torch.vtensor<[2],si64>
  // expected-remark@+1 {{onnx.Expand was not converted: shape 4 cannot broadcast with input dim 2}}
  %0 = torch.operator "onnx.Expand"(%arg0, %s) : (!torch.vtensor<[3,2],f32>, !torch.vtensor<[2],si64>) -> !torch.vtensor<*,f32>
  return %0 : !torch.vtensor<*,f32>
}

// -----

func.func @test_eyelike_rank3(%arg0: !torch.vtensor<[2,3,4],f32>) -> !torch.vtensor<[2,3,4],f32> attributes {torch.onnx_meta.opset_version = 22 : si64} {
  // expected-remark@+1 {{onnx.EyeLike was not converted: input must have rank 2, got 3}}
  %0 = torch.operator "onnx.EyeLike"(%arg0) : (!torch.vtensor<[2,3,4],f32>) -> !torch.vtensor<[2,3,4],f32>
  return %0 : !torch.vtensor<[2,3,4],f32>
}

// -----

func.func @test_eyelike_uint16(%arg0: !torch.vtensor<[2,3],f32>) -> !torch.vtensor<[2,3],ui16> attributes {torch.onnx_meta.opset_version = 22 : si64} {
  // expected-remark@+1 {{onnx.EyeLike was not converted: dtype ui16 has no torch equivalent}}
  %0 = torch.operator "onnx.EyeLike"(%arg0) {torch.onnx.dtype = 4 : si64} : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor<[2,3],ui16>
  return %0 : !torch.vtensor<[2,3],ui16>
}

// -----

func.func @test_flatten_axis_out_of_range(%arg0: !torch.vtensor<[2,3],f32>) -> !torch.vtensor<[6,1],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // expected-remark@+1 {{onnx.Flatten was not converted: axis 3 is out of range for rank 2}}
  %0 = torch.operator "onnx.Flatten"(%arg0) {torch.onnx.axis = 3 : si64} : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor<[6,1],f32>
  return %0 : !torch.vtensor<[6,1],f32>
}

// -----

func.func @test_dropout_training_int(%arg0: !torch.vtensor<[3],si32>, %arg1: !torch.vtensor<[],i1>) -> !torch.vtensor<[3],si32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  %none = torch.constant.none
  // expected-remark@+1 {{onnx.Dropout was not converted: training-mode dropout of si32 is not supported}}
  %0 = torch.operator "onnx.Dropout"(%arg0, %none, %arg1) : (!torch.vtensor<[3],si32>, !torch.none, !torch.vtensor<[],i1>) -> !torch.vtensor<[3],si32>
  return %0 : !torch.vtensor<[3],si32>
}

// -----

func.func @test_einsum_malformed(%arg0: !torch.vtensor<[3,4],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 12 : si64} {
  // expected-remark@+1 {{onnx.Einsum was not converted: malformed einsum term 'i.j'}}
  %0 = torch.operator "onnx.Einsum"(%arg0) {torch.onnx.equation = "i.j->i"} : (!torch.vtensor<[3,4],f32>) -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}

// -----

func.func @test_einsum_rank_mismatch(%arg0: !torch.vtensor<[3,4],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 12 : si64} {
  // expected-remark@+1 {{onnx.Einsum was not converted: term 'ijk' does not match an operand of rank 2}}
  %0 = torch.operator "onnx.Einsum"(%arg0) {torch.onnx.equation = "ijk->i"} : (!torch.vtensor<[3,4],f32>) -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}

// -----

func.func @test_einsum_unknown_output_label(%arg0: !torch.vtensor<[3,4],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 12 : si64} {
  // expected-remark@+1 {{onnx.Einsum was not converted: output label k appears in no input}}
  %0 = torch.operator "onnx.Einsum"(%arg0) {torch.onnx.equation = "ij->k"} : (!torch.vtensor<[3,4],f32>) -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}

// -----

func.func @test_dequantizelinear_int4(%arg0: !torch.vtensor<[5],si4>, %arg1: !torch.vtensor<[],f32>) -> !torch.vtensor<[5],f32> attributes {torch.onnx_meta.opset_version = 21 : si64} {
  // expected-remark@+1 {{onnx.DequantizeLinear was not converted: 4-bit integer input (si4) is not supported}}
  %0 = torch.operator "onnx.DequantizeLinear"(%arg0, %arg1) : (!torch.vtensor<[5],si4>, !torch.vtensor<[],f32>) -> !torch.vtensor<[5],f32>
  return %0 : !torch.vtensor<[5],f32>
}

// -----

func.func @test_dequantizelinear_scale_float8e8m0(%arg0: !torch.vtensor<[5],si8>, %arg1: !torch.vtensor<[],f8E8M0FNU>) -> !torch.vtensor<[5],f32> attributes {torch.onnx_meta.opset_version = 24 : si64} {
  // expected-remark@+1 {{onnx.DequantizeLinear was not converted: scale dtype f8E8M0FNU is not supported}}
  %0 = torch.operator "onnx.DequantizeLinear"(%arg0, %arg1) {torch.onnx.output_dtype = 1 : si64} : (!torch.vtensor<[5],si8>, !torch.vtensor<[],f8E8M0FNU>) -> !torch.vtensor<[5],f32>
  return %0 : !torch.vtensor<[5],f32>
}

// -----

func.func @test_dequantizelinear_2d_scale_without_block(%arg0: !torch.vtensor<[2,4],si8>, %arg1: !torch.vtensor<[2,2],f32>) -> !torch.vtensor<[2,4],f32> attributes {torch.onnx_meta.opset_version = 21 : si64} {
  // expected-remark@+1 {{onnx.DequantizeLinear was not converted: per-axis scale must be 1-D, got rank 2}}
  %0 = torch.operator "onnx.DequantizeLinear"(%arg0, %arg1) : (!torch.vtensor<[2,4],si8>, !torch.vtensor<[2,2],f32>) -> !torch.vtensor<[2,4],f32>
  return %0 : !torch.vtensor<[2,4],f32>
}

// -----

func.func @test_dynamicquantizelinear_f16(%arg0: !torch.vtensor<[6],f16>) -> (!torch.vtensor<[6],ui8>, !torch.vtensor<[],f16>, !torch.vtensor<[],ui8>) attributes {torch.onnx_meta.opset_version = 11 : si64} {
  // expected-remark@+1 {{onnx.DynamicQuantizeLinear was not converted: input dtype f16 is not float32}}
  %0:3 = torch.operator "onnx.DynamicQuantizeLinear"(%arg0) : (!torch.vtensor<[6],f16>) -> (!torch.vtensor<[6],ui8>, !torch.vtensor<[],f16>, !torch.vtensor<[],ui8>)
  return %0#0, %0#1, %0#2 : !torch.vtensor<[6],ui8>, !torch.vtensor<[],f16>, !torch.vtensor<[],ui8>
}

// -----

func.func @test_dft_three_channels(%arg0: !torch.vtensor<[2,5,3],f32>) -> !torch.vtensor<[2,5,2],f32> attributes {torch.onnx_meta.opset_version = 17 : si64} {
  // expected-remark@+1 {{onnx.DFT was not converted: the last dim must be 1 (real) or 2 (complex), got 3}}
  %0 = torch.operator "onnx.DFT"(%arg0) : (!torch.vtensor<[2,5,3],f32>) -> !torch.vtensor<[2,5,2],f32>
  return %0 : !torch.vtensor<[2,5,2],f32>
}

// -----

func.func @test_dft_axis_on_complex_dim(%arg0: !torch.vtensor<[2,5,2],f32>) -> !torch.vtensor<[2,5,2],f32> attributes {torch.onnx_meta.opset_version = 17 : si64} {
  // expected-remark@+1 {{onnx.DFT was not converted: axis 2 is out of range for rank 3}}
  %0 = torch.operator "onnx.DFT"(%arg0) {torch.onnx.axis = 2 : si64} : (!torch.vtensor<[2,5,2],f32>) -> !torch.vtensor<[2,5,2],f32>
  return %0 : !torch.vtensor<[2,5,2],f32>
}

// -----

func.func @test_dft_runtime_axis_no_fit(%arg0: !torch.vtensor<[4,5,1],f32>, %arg1: !torch.vtensor<[],si64>) -> !torch.vtensor<[7,7,2],f32> attributes {torch.onnx_meta.opset_version = 20 : si64} {
  %none = torch.constant.none
  // expected-remark@+1 {{onnx.DFT was not converted: no axis gives the declared result shape}}
  %0 = torch.operator "onnx.DFT"(%arg0, %none, %arg1) : (!torch.vtensor<[4,5,1],f32>, !torch.none, !torch.vtensor<[],si64>) -> !torch.vtensor<[7,7,2],f32>
  return %0 : !torch.vtensor<[7,7,2],f32>
}

// -----

func.func @test_dft_runtime_axis_dynamic_result(%arg0: !torch.vtensor<[4,4,1],f32>, %arg1: !torch.vtensor<[],si64>) -> !torch.vtensor<[?,?,2],f32> attributes {torch.onnx_meta.opset_version = 20 : si64} {
  %none = torch.constant.none
  // expected-remark@+1 {{onnx.DFT was not converted: a runtime axis needs a static result shape when several axes fit}}
  %0 = torch.operator "onnx.DFT"(%arg0, %none, %arg1) : (!torch.vtensor<[4,4,1],f32>, !torch.none, !torch.vtensor<[],si64>) -> !torch.vtensor<[?,?,2],f32>
  return %0 : !torch.vtensor<[?,?,2],f32>
}

// -----

func.func @test_deform_conv_3d(%arg0: !torch.vtensor<[1,1,3,3,3],f32>, %arg1: !torch.vtensor<[1,1,2,2,2],f32>, %arg2: !torch.vtensor<[1,24,2,2,2],f32>) -> !torch.vtensor<[1,1,2,2,2],f32> attributes {torch.onnx_meta.opset_version = 22 : si64} {
  // expected-remark@+1 {{onnx.DeformConv was not converted: only 2-D DeformConv is supported, got input rank 5}}
  %0 = torch.operator "onnx.DeformConv"(%arg0, %arg1, %arg2) : (!torch.vtensor<[1,1,3,3,3],f32>, !torch.vtensor<[1,1,2,2,2],f32>, !torch.vtensor<[1,24,2,2,2],f32>) -> !torch.vtensor<[1,1,2,2,2],f32>
  return %0 : !torch.vtensor<[1,1,2,2,2],f32>
}

// -----

func.func @test_deform_conv_dynamic_spatial(%arg0: !torch.vtensor<[1,1,?,?],f32>, %arg1: !torch.vtensor<[1,1,2,2],f32>, %arg2: !torch.vtensor<[1,8,?,?],f32>) -> !torch.vtensor<[1,1,?,?],f32> attributes {torch.onnx_meta.opset_version = 19 : si64} {
  // expected-remark@+1 {{onnx.DeformConv was not converted: channel, spatial, weight and offset dims must be static}}
  %0 = torch.operator "onnx.DeformConv"(%arg0, %arg1, %arg2) : (!torch.vtensor<[1,1,?,?],f32>, !torch.vtensor<[1,1,2,2],f32>, !torch.vtensor<[1,8,?,?],f32>) -> !torch.vtensor<[1,1,?,?],f32>
  return %0 : !torch.vtensor<[1,1,?,?],f32>
}

// -----

func.func @test_flatten_string(%arg0: !torch.vtensor<[2,3],!torch.str>) -> !torch.vtensor<[2,3],!torch.str> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // expected-remark@+1 {{onnx.Flatten was not converted: string tensors have no torch equivalent}}
  %0 = torch.operator "onnx.Flatten"(%arg0) : (!torch.vtensor<[2,3],!torch.str>) -> !torch.vtensor<[2,3],!torch.str>
  return %0 : !torch.vtensor<[2,3],!torch.str>
}
