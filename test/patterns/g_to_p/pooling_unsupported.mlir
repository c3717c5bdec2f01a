// RUN: %opt --split-input-file --convert-torch-onnx-to-torch --verify-diagnostics --report %s

// Declined pooling cases: each op stays as it was, with the reason reported.

func.func @test_maxpool_same_upper_dynamic(%arg0: !torch.vtensor<[1,1,?,?],f32>) -> !torch.vtensor<[1,1,?,?],f32> attributes {torch.onnx_meta.opset_version = 12 : si64} {
  // expected-remark@+1 {{onnx.MaxPool was not converted: auto_pad=SAME_UPPER needs static spatial dims}}
  %0 = torch.operator "onnx.MaxPool"(%arg0) {torch.onnx.auto_pad = "SAME_UPPER", torch.onnx.kernel_shape = [2 : si64, 2 : si64]} : (!torch.vtensor<[1,1,?,?],f32>) -> !torch.vtensor<[1,1,?,?],f32>
  return %0 : !torch.vtensor<[1,1,?,?],f32>
}

// -----

func.func @test_maxpool_4d(%arg0: !torch.vtensor<[1,1,2,2,2,2],f32>) -> !torch.vtensor<[1,1,1,1,1,1],f32> attributes {torch.onnx_meta.opset_version = 12 : si64} {
  // expected-remark@+1 {{onnx.MaxPool was not converted: 4-D pooling is not supported (1-D to 3-D only)}}
  %0 = torch.operator "onnx.MaxPool"(%arg0) {torch.onnx.kernel_shape = [2 : si64, 2 : si64, 2 : si64, 2 : si64]} : (!torch.vtensor<[1,1,2,2,2,2],f32>) -> !torch.vtensor<[1,1,1,1,1,1],f32>
  return %0 : !torch.vtensor<[1,1,1,1,1,1],f32>
}

// -----

func.func @test_lppool_ceil_dynamic(%arg0: !torch.vtensor<[1,1,?],f32>) -> !torch.vtensor<[1,1,?],f32> attributes {torch.onnx_meta.opset_version = 18 : si64} {
  // expected-remark@+1 {{onnx.LpPool was not converted: this ceil_mode window needs static spatial dims}}
  %0 = torch.operator "onnx.LpPool"(%arg0) {torch.onnx.ceil_mode = 1 : si64, torch.onnx.kernel_shape = [2 : si64], torch.onnx.pads = [1 : si64, 0 : si64], torch.onnx.strides = [2 : si64]} : (!torch.vtensor<[1,1,?],f32>) -> !torch.vtensor<[1,1,?],f32>
  return %0 : !torch.vtensor<[1,1,?],f32>
}

// -----

func.func @test_lrn_int(%arg0: !torch.vtensor<[1,4,2,2],si32>) -> !torch.vtensor<[1,4,2,2],si32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // expected-remark@+1 {{onnx.LRN was not converted: LRN of dtype si32 is not supported}}
  %0 = torch.operator "onnx.LRN"(%arg0) {torch.onnx.size = 2 : si64} : (!torch.vtensor<[1,4,2,2],si32>) -> !torch.vtensor<[1,4,2,2],si32>
  return %0 : !torch.vtensor<[1,4,2,2],si32>
}

// -----

func.func @test_maxunpool_dynamic_output_shape(%arg0: !torch.vtensor<[1,1,2,2],f32>, %arg1: !torch.vtensor<[1,1,2,2],si64>, %arg2: !torch.vtensor<[4],si64>) -> !torch.vtensor<[?,?,?,?],f32> attributes {torch.onnx_meta.opset_version = 22 : si64} {
  // expected-remark@+1 {{onnx.MaxUnpool was not converted: output_shape must be a constant}}
  %0 = torch.operator "onnx.MaxUnpool"(%arg0, %arg1, %arg2) {torch.onnx.kernel_shape = [2 : si64, 2 : si64], torch.onnx.strides = [2 : si64, 2 : si64]} : (!torch.vtensor<[1,1,2,2],f32>, !torch.vtensor<[1,1,2,2],si64>, !torch.vtensor<[4],si64>) -> !torch.vtensor<[?,?,?,?],f32>
  return %0 : !torch.vtensor<[?,?,?,?],f32>
}

// -----

func.func @test_maxroipool_dynamic_hw(%arg0: !torch.vtensor<[1,3,?,?],f32>, %arg1: !torch.vtensor<[2,5],f32>) -> !torch.vtensor<[2,3,2,2],f32> attributes {torch.onnx_meta.opset_version = 22 : si64} {
  // expected-remark@+1 {{onnx.MaxRoiPool was not converted: MaxRoiPool needs static input height and width}}
  %0 = torch.operator "onnx.MaxRoiPool"(%arg0, %arg1) {torch.onnx.pooled_shape = [2 : si64, 2 : si64]} : (!torch.vtensor<[1,3,?,?],f32>, !torch.vtensor<[2,5],f32>) -> !torch.vtensor<[2,3,2,2],f32>
  return %0 : !torch.vtensor<[2,3,2,2],f32>
}

// -----

func.func @test_maxpool_ceil_dynamic_mixed_strides(%arg0: !torch.vtensor<[1,1,?,?],f32>) -> !torch.vtensor<[1,1,?,?],f32> attributes {torch.onnx_meta.opset_version = 22 : si64} {
  // expected-remark@+1 {{onnx.MaxPool was not converted: this ceil_mode window needs static spatial dims}}
  %0 = torch.operator "onnx.MaxPool"(%arg0) {torch.onnx.ceil_mode = 1 : si64, torch.onnx.kernel_shape = [3 : si64, 3 : si64], torch.onnx.strides = [1 : si64, 2 : si64]} : (!torch.vtensor<[1,1,?,?],f32>) -> !torch.vtensor<[1,1,?,?],f32>
  return %0 : !torch.vtensor<[1,1,?,?],f32>
}

// -----

func.func @test_lrn_huge_size_dynamic_channels(%arg0: !torch.vtensor<[1,?,2,2],f32>) -> !torch.vtensor<[1,?,2,2],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // expected-remark@+1 {{onnx.LRN was not converted: size 2147483647 with a dynamic channel count}}
  %0 = torch.operator "onnx.LRN"(%arg0) {torch.onnx.size = 2147483647 : si64} : (!torch.vtensor<[1,?,2,2],f32>) -> !torch.vtensor<[1,?,2,2],f32>
  return %0 : !torch.vtensor<[1,?,2,2],f32>
}

// -----

func.func @test_maxpool_complex(%arg0: !torch.vtensor<[1,1,4,4],complex<f32>>) -> !torch.vtensor<[1,1,3,3],complex<f32>> attributes {torch.onnx_meta.opset_version = 12 : si64} {
  // expected-remark@+1 {{onnx.MaxPool was not converted: max pooling of dtype complex<f32> is not supported}}
  %0 = torch.operator "onnx.MaxPool"(%arg0) {torch.onnx.kernel_shape = [2 : si64, 2 : si64]} : (!torch.vtensor<[1,1,4,4],complex<f32>>) -> !torch.vtensor<[1,1,3,3],complex<f32>>
  return %0 : !torch.vtensor<[1,1,3,3],complex<f32>>
}
