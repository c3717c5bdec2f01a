// RUN: %opt --split-input-file --convert-torch-onnx-to-torch --verify-diagnostics --report %s

// C ops and cases that stay untouched, with the reason reported.

func.func @test_cast_to_int4(%arg0: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],si4> attributes {torch.onnx_meta.opset_version = 21 : si64} {
  // expected-remark@+1 {{onnx.Cast was not converted: dtype INT4 has no torch equivalent}}
  %0 = torch.operator "onnx.Cast"(%arg0) {torch.onnx.to = 22 : si64} : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],si4>
  return %0 : !torch.vtensor<[3],si4>
}

// -----

func.func @test_cast_from_uint16(%arg0: !torch.vtensor<[3],ui16>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // expected-remark@+1 {{onnx.Cast was not converted: dtype UINT16 has no torch equivalent}}
  %0 = torch.operator "onnx.Cast"(%arg0) {torch.onnx.to = 1 : si64} : (!torch.vtensor<[3],ui16>) -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}

// -----

func.func @test_cast_to_string(%arg0: !torch.vtensor<[3],f32>) -> !torch.vtensor attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // expected-remark@+1 {{onnx.Cast was not converted: string tensors have no torch equivalent}}
  %0 = torch.operator "onnx.Cast"(%arg0) {torch.onnx.to = 8 : si64} : (!torch.vtensor<[3],f32>) -> !torch.vtensor
  return %0 : !torch.vtensor
}

// -----

func.func @test_cast_unknown_dtype(%arg0: !torch.vtensor<[3],f32>) -> !torch.vtensor attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // expected-remark@+1 {{onnx.Cast was not converted: unknown target dtype 99}}
  %0 = torch.operator "onnx.Cast"(%arg0) {torch.onnx.to = 99 : si64} : (!torch.vtensor<[3],f32>) -> !torch.vtensor
  return %0 : !torch.vtensor
}

// -----

func.func @test_castlike_to_uint32(%arg0: !torch.vtensor<[3],f32>, %arg1: !torch.vtensor<[1],ui32>) -> !torch.vtensor<[3],ui32> attributes {torch.onnx_meta.opset_version = 15 : si64} {
  // expected-remark@+1 {{onnx.CastLike was not converted: dtype UINT32 has no torch equivalent}}
  %0 = torch.operator "onnx.CastLike"(%arg0, %arg1) : (!torch.vtensor<[3],f32>, !torch.vtensor<[1],ui32>) -> !torch.vtensor<[3],ui32>
  return %0 : !torch.vtensor<[3],ui32>
}

// -----

func.func @test_cumprod_dynamic_length(%arg0: !torch.vtensor<[?],f32>, %arg1: !torch.vtensor<[],si64>) -> !torch.vtensor<[?],f32> attributes {torch.onnx_meta.opset_version = 26 : si64} {
  // expected-remark@+1 {{onnx.CumProd was not converted: CumProd needs a static size along the axis}}
  %0 = torch.operator "onnx.CumProd"(%arg0, %arg1) : (!torch.vtensor<[?],f32>, !torch.vtensor<[],si64>) -> !torch.vtensor<[?],f32>
  return %0 : !torch.vtensor<[?],f32>
}

// -----

func.func @test_cumsum_uint32(%arg0: !torch.vtensor<[4],ui32>, %arg1: !torch.vtensor<[],si64>) -> !torch.vtensor<[4],ui32> attributes {torch.onnx_meta.opset_version = 14 : si64} {
  // expected-remark@+1 {{onnx.CumSum was not converted: dtype ui32 has no torch equivalent}}
  %0 = torch.operator "onnx.CumSum"(%arg0, %arg1) : (!torch.vtensor<[4],ui32>, !torch.vtensor<[],si64>) -> !torch.vtensor<[4],ui32>
  return %0 : !torch.vtensor<[4],ui32>
}

// -----

func.func @test_constantofshape_uint16(%arg0: !torch.vtensor<[2],si64>) -> !torch.vtensor<[?,?],ui16> attributes {torch.onnx_meta.opset_version = 20 : si64} {
  // expected-remark@+1 {{onnx.ConstantOfShape was not converted: dtype ui16 has no torch equivalent}}
  %0 = torch.operator "onnx.ConstantOfShape"(%arg0) {torch.onnx.value = dense<7> : tensor<1xui16>} : (!torch.vtensor<[2],si64>) -> !torch.vtensor<[?,?],ui16>
  return %0 : !torch.vtensor<[?,?],ui16>
}

// -----

func.func @test_constantofshape_dynamic_rank(%arg0: !torch.vtensor<[?],si64>) -> !torch.vtensor<*,f32> attributes {torch.onnx_meta.opset_version = 20 : si64} {
  // expected-remark@+1 {{onnx.ConstantOfShape was not converted: the shape must be a constant or a 1-D tensor of static length}}
  %0 = torch.operator "onnx.ConstantOfShape"(%arg0) : (!torch.vtensor<[?],si64>) -> !torch.vtensor<*,f32>
  return %0 : !torch.vtensor<*,f32>
}

// -----

func.func @test_constant_string() -> !torch.vtensor attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // expected-remark@+1 {{onnx.Constant was not converted: 'value_string' constants have no torch tensor equivalent}}
  %0 = torch.operator "onnx.Constant"() {torch.onnx.value_string = "hi"} : () -> !torch.vtensor
  return %0 : !torch.vtensor
}

// -----

func.func @test_constant_uint32() -> !torch.vtensor<[2],ui32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // expected-remark@+1 {{onnx.Constant was not converted: dtype ui32 has no torch equivalent}}
  %0 = torch.operator "onnx.Constant"() {torch.onnx.value = dense<[1, 2]> : tensor<2xui32>} : () -> !torch.vtensor<[2],ui32>
  return %0 : !torch.vtensor<[2],ui32>
}

// -----

func.func @test_convtranspose_dynamic_output_shape(%arg0: !torch.vtensor<[1,1,?,?],f32>, %arg1: !torch.vtensor<[1,2,3,3],f32>) -> !torch.vtensor<[1,2,?,?],f32> attributes {torch.onnx_meta.opset_version = 11 : si64} {
  // expected-remark@+1 {{onnx.ConvTranspose was not converted: ConvTranspose with auto_pad SAME or output_shape needs static spatial sizes}}
  %0 = torch.operator "onnx.ConvTranspose"(%arg0, %arg1) {torch.onnx.output_shape = [8 : si64, 8 : si64]} : (!torch.vtensor<[1,1,?,?],f32>, !torch.vtensor<[1,2,3,3],f32>) -> !torch.vtensor<[1,2,?,?],f32>
  return %0 : !torch.vtensor<[1,2,?,?],f32>
}

// -----

func.func @test_conv_4d(%arg0: !torch.vtensor<[1,1,3,3,3,3],f32>, %arg1: !torch.vtensor<[1,1,2,2,2,2],f32>) -> !torch.vtensor<[1,1,2,2,2,2],f32> attributes {torch.onnx_meta.opset_version = 11 : si64} {
  // expected-remark@+1 {{onnx.Conv was not converted: 4-D convolution is not supported (1-D to 3-D are)}}
  %0 = torch.operator "onnx.Conv"(%arg0, %arg1) : (!torch.vtensor<[1,1,3,3,3,3],f32>, !torch.vtensor<[1,1,2,2,2,2],f32>) -> !torch.vtensor<[1,1,2,2,2,2],f32>
  return %0 : !torch.vtensor<[1,1,2,2,2,2],f32>
}

// -----

func.func @test_conv_bad_auto_pad(%arg0: !torch.vtensor<[1,1,5,5],f32>, %arg1: !torch.vtensor<[1,1,3,3],f32>) -> !torch.vtensor<[1,1,5,5],f32> attributes {torch.onnx_meta.opset_version = 11 : si64} {
  // expected-remark@+1 {{onnx.Conv was not converted: unknown auto_pad 'SAME'}}
  %0 = torch.operator "onnx.Conv"(%arg0, %arg1) {torch.onnx.auto_pad = "SAME"} : (!torch.vtensor<[1,1,5,5],f32>, !torch.vtensor<[1,1,3,3],f32>) -> !torch.vtensor<[1,1,5,5],f32>
  return %0 : !torch.vtensor<[1,1,5,5],f32>
}

// -----

func.func @test_convinteger_int32(%arg0: !torch.vtensor<[1,1,3,3],si32>, %arg1: !torch.vtensor<[1,1,2,2],si32>) -> !torch.vtensor<[1,1,2,2],si32> attributes {torch.onnx_meta.opset_version = 10 : si64} {
  // expected-remark@+1 {{onnx.ConvInteger was not converted: ConvInteger operands must be 8-bit integers, got si32}}
  %0 = torch.operator "onnx.ConvInteger"(%arg0, %arg1) : (!torch.vtensor<[1,1,3,3],si32>, !torch.vtensor<[1,1,2,2],si32>) -> !torch.vtensor<[1,1,2,2],si32>
  return %0 : !torch.vtensor<[1,1,2,2],si32>
}

// -----

func.func @test_col2im_bool(%arg0: !torch.vtensor<[1,4,4],i1>, %arg1: !torch.vtensor<[2],si64>, %arg2: !torch.vtensor<[2],si64>) -> !torch.vtensor<[1,1,3,3],i1> attributes {torch.onnx_meta.opset_version = 18 : si64} {
  // expected-remark@+1 {{onnx.Col2Im was not converted: Col2Im of i1 is not supported (numeric types are)}}
  %0 = torch.operator "onnx.Col2Im"(%arg0, %arg1, %arg2) : (!torch.vtensor<[1,4,4],i1>, !torch.vtensor<[2],si64>, !torch.vtensor<[2],si64>) -> !torch.vtensor<[1,1,3,3],i1>
  return %0 : !torch.vtensor<[1,1,3,3],i1>
}

// -----

func.func @test_col2im_unknown_image(%arg0: !torch.vtensor<[1,4,4],f32>, %arg1: !torch.vtensor<[2],si64>, %arg2: !torch.vtensor<[2],si64>) -> !torch.vtensor<[1,1,?,?],f32> attributes {torch.onnx_meta.opset_version = 18 : si64} {
  // expected-remark@+1 {{onnx.Col2Im was not converted: image_shape must be a constant or fixed by the output type}}
  %0 = torch.operator "onnx.Col2Im"(%arg0, %arg1, %arg2) : (!torch.vtensor<[1,4,4],f32>, !torch.vtensor<[2],si64>, !torch.vtensor<[2],si64>) -> !torch.vtensor<[1,1,?,?],f32>
  return %0 : !torch.vtensor<[1,1,?,?],f32>
}

// -----

func.func @test_centercroppad_repeated_axes(%arg0: !torch.vtensor<[4,5],f32>) -> !torch.vtensor<[2,5],f32> attributes {torch.onnx_meta.opset_version = 18 : si64} {
  %0 = torch.vtensor.literal(dense<[2, 2]> : tensor<2xsi64>) : !torch.vtensor<[2],si64>
  // expected-remark@+1 {{onnx.CenterCropPad was not converted: repeated axes [0, 0]}}
  %1 = torch.operator "onnx.CenterCropPad"(%arg0, %0) {torch.onnx.axes = [0 : si64, -2 : si64]} : (!torch.vtensor<[4,5],f32>, !torch.vtensor<[2],si64>) -> !torch.vtensor<[2,5],f32>
  return %1 : !torch.vtensor<[2,5],f32>
}

// -----

func.func @test_causalconv_bad_activation(%arg0: !torch.vtensor<[1,2,5],f32>, %arg1: !torch.vtensor<[2,1,3],f32>) -> (!torch.vtensor<[1,2,5],f32>, !torch.vtensor<[1,2,2],f32>) attributes {torch.onnx_meta.opset_version = 27 : si64} {
  // expected-remark@+1 {{onnx.CausalConvWithState was not converted: unknown activation 'gelu'}}
  %0:2 = torch.operator "onnx.CausalConvWithState"(%arg0, %arg1) {torch.onnx.activation = "gelu"} : (!torch.vtensor<[1,2,5],f32>, !torch.vtensor<[2,1,3],f32>) -> (!torch.vtensor<[1,2,5],f32>, !torch.vtensor<[1,2,2],f32>)
  return %0#0, %0#1 : !torch.vtensor<[1,2,5],f32>, !torch.vtensor<[1,2,2],f32>
}

// -----

func.func @test_clip_mixed_dtypes(%arg0: !torch.vtensor<[3],f32>, %arg1: !torch.vtensor<[],f64>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // expected-remark@+1 {{onnx.Clip was not converted: min/max dtype f64 differs from input f32}}
  %0 = torch.operator "onnx.Clip"(%arg0, %arg1) : (!torch.vtensor<[3],f32>, !torch.vtensor<[],f64>) -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}

// -----

func.func @test_compress_float_condition(%arg0: !torch.vtensor<[3],f32>, %arg1: !torch.vtensor<[3],f32>) -> !torch.vtensor<[?],f32> attributes {torch.onnx_meta.opset_version = 11 : si64} {
  // expected-remark@+1 {{onnx.Compress was not converted: condition must be bool, got f32}}
  %0 = torch.operator "onnx.Compress"(%arg0, %arg1) : (!torch.vtensor<[3],f32>, !torch.vtensor<[3],f32>) -> !torch.vtensor<[?],f32>
  return %0 : !torch.vtensor<[?],f32>
}
