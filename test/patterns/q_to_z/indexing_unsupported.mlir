// RUN: %opt --split-input-file --convert-torch-onnx-to-torch --verify-diagnostics --report %s

// Scatter / selection cases that stay untouched, with the reason reported.

func.func @test_topk_uint64(%arg0: !torch.vtensor<[3,4],ui64>, %arg1: !torch.vtensor<[1],si64>) -> (!torch.vtensor<[3,3],ui64>, !torch.vtensor<[3,3],si64>) attributes {torch.onnx_meta.opset_version = 11 : si64} {
  // expected-remark@+1 {{onnx.TopK was not converted: dtype ui64 has no torch equivalent (it would be ordered as signed)}}
  %0:2 = torch.operator "onnx.TopK"(%arg0, %arg1) : (!torch.vtensor<[3,4],ui64>, !torch.vtensor<[1],si64>) -> (!torch.vtensor<[3,3],ui64>, !torch.vtensor<[3,3],si64>)
  return %0#0, %0#1 : !torch.vtensor<[3,3],ui64>, !torch.vtensor<[3,3],si64>
}

// -----

func.func @test_scatter_elements_max_before_18(%arg0: !torch.vtensor<[1,5],f32>, %arg1: !torch.vtensor<[1,2],si64>, %arg2: !torch.vtensor<[1,2],f32>) -> !torch.vtensor<[1,5],f32> attributes {torch.onnx_meta.opset_version = 16 : si64} {
  // expected-remark@+1 {{onnx.ScatterElements was not converted: unknown reduction 'max'}}
  %0 = torch.operator "onnx.ScatterElements"(%arg0, %arg1, %arg2) {torch.onnx.reduction = "max"} : (!torch.vtensor<[1,5],f32>, !torch.vtensor<[1,2],si64>, !torch.vtensor<[1,2],f32>) -> !torch.vtensor<[1,5],f32>
  return %0 : !torch.vtensor<[1,5],f32>
}

// -----

func.func @test_tensorscatter_batch_axis(%arg0: !torch.vtensor<[3,4],f32>, %arg1: !torch.vtensor<[1,4],f32>) -> !torch.vtensor<[3,4],f32> attributes {torch.onnx_meta.opset_version = 24 : si64} {
  // expected-remark@+1 {{onnx.TensorScatter was not converted: axis must not be the batch dim 0}}
  %0 = torch.operator "onnx.TensorScatter"(%arg0, %arg1) {torch.onnx.axis = 0 : si64} : (!torch.vtensor<[3,4],f32>, !torch.vtensor<[1,4],f32>) -> !torch.vtensor<[3,4],f32>
  return %0 : !torch.vtensor<[3,4],f32>
}

// -----

func.func @test_reversesequence_axes(%arg0: !torch.vtensor<[2,3,4],f32>, %arg1: !torch.vtensor<[3],si64>) -> !torch.vtensor<[2,3,4],f32> attributes {torch.onnx_meta.opset_version = 10 : si64} {
  // expected-remark@+1 {{onnx.ReverseSequence was not converted: batch_axis 1 and time_axis 2 must be 0 and 1}}
  %0 = torch.operator "onnx.ReverseSequence"(%arg0, %arg1) {torch.onnx.batch_axis = 1 : si64, torch.onnx.time_axis = 2 : si64} : (!torch.vtensor<[2,3,4],f32>, !torch.vtensor<[3],si64>) -> !torch.vtensor<[2,3,4],f32>
  return %0 : !torch.vtensor<[2,3,4],f32>
}

// -----

func.func @test_unique_axis_too_big(%arg0: !torch.vtensor<[4096,4096],f32>) -> !torch.vtensor<[?,4096],f32> attributes {torch.onnx_meta.opset_version = 11 : si64} {
  // expected-remark@+1 {{onnx.Unique was not converted: Unique along an axis compares all row pairs: 4096 rows of 4096 elements is empty or too big}}
  %0 = torch.operator "onnx.Unique"(%arg0) {torch.onnx.axis = 0 : si64} : (!torch.vtensor<[4096,4096],f32>) -> !torch.vtensor<[?,4096],f32>
  return %0 : !torch.vtensor<[?,4096],f32>
}

// -----

func.func @test_unique_strings(%arg0: !torch.vtensor<[3],!torch.str>) -> !torch.vtensor<[?],!torch.str> attributes {torch.onnx_meta.opset_version = 11 : si64} {
  // expected-remark@+1 {{onnx.Unique was not converted: string tensors have no torch equivalent}}
  %0 = torch.operator "onnx.Unique"(%arg0) : (!torch.vtensor<[3],!torch.str>) -> !torch.vtensor<[?],!torch.str>
  return %0 : !torch.vtensor<[?],!torch.str>
}
