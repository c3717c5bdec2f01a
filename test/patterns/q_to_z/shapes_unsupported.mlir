// RUN: %opt --split-input-file --convert-torch-onnx-to-torch --verify-diagnostics --report %s

// Declined shape-op cases: each op stays as it was, with the reason reported.

func.func @test_squeeze_runtime_axes_dynamic_result(%arg0: !torch.vtensor<[?,1,4],f32>, %arg1: !torch.vtensor<[1],si64>) -> !torch.vtensor<[?,4],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // expected-remark@+1 {{onnx.Squeeze was not converted: runtime axes need a static declared result shape}}
  %0 = torch.operator "onnx.Squeeze"(%arg0, %arg1) : (!torch.vtensor<[?,1,4],f32>, !torch.vtensor<[1],si64>) -> !torch.vtensor<[?,4],f32>
  return %0 : !torch.vtensor<[?,4],f32>
}

// -----

func.func @test_squeeze_not_one(%arg0: !torch.vtensor<[2,3],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 11 : si64} {
  // expected-remark@+1 {{onnx.Squeeze was not converted: axis 0 has size 2, not 1}}
  %0 = torch.operator "onnx.Squeeze"(%arg0) {torch.onnx.axes = [0 : si64]} : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}

// -----

func.func @test_squeeze_no_axes_dynamic_declared(%arg0: !torch.vtensor<[?,1,3],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // expected-remark@+1 {{onnx.Squeeze was not converted: no axes and dynamic dims: the declared result rank 1 removes dynamic dims}}
  %0 = torch.operator "onnx.Squeeze"(%arg0) : (!torch.vtensor<[?,1,3],f32>) -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}

// -----

func.func @test_unsqueeze_repeated_axes(%arg0: !torch.vtensor<[3],f32>) -> !torch.vtensor<[1,3],f32> attributes {torch.onnx_meta.opset_version = 11 : si64} {
  // expected-remark@+1 {{onnx.Unsqueeze was not converted: repeated axes [0, -3]}}
  %0 = torch.operator "onnx.Unsqueeze"(%arg0) {torch.onnx.axes = [0 : si64, -3 : si64]} : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[1,3],f32>
  return %0 : !torch.vtensor<[1,3],f32>
}

// -----

func.func @test_spacetodepth_indivisible(%arg0: !torch.vtensor<[1,2,5,6],f32>) -> !torch.vtensor<[1,8,2,3],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // expected-remark@+1 {{onnx.SpaceToDepth was not converted: height 5 is not a multiple of blocksize 2}}
  %0 = torch.operator "onnx.SpaceToDepth"(%arg0) {torch.onnx.blocksize = 2 : si64} : (!torch.vtensor<[1,2,5,6],f32>) -> !torch.vtensor<[1,8,2,3],f32>
  return %0 : !torch.vtensor<[1,8,2,3],f32>
}

// -----

func.func @test_range_zero_delta() -> !torch.vtensor<[?],si64> attributes {torch.onnx_meta.opset_version = 11 : si64} {
  %0 = torch.operator "onnx.Constant"() {torch.onnx.value = dense<0> : tensor<si64>} : () -> !torch.vtensor<[],si64>
  // expected-remark@+1 {{onnx.Range was not converted: delta is 0}}
  %1 = torch.operator "onnx.Range"(%0, %0, %0) : (!torch.vtensor<[],si64>, !torch.vtensor<[],si64>, !torch.vtensor<[],si64>) -> !torch.vtensor<[?],si64>
  return %1 : !torch.vtensor<[?],si64>
}

// -----

// A 0 entry (copy the input dim) past the input rank: found by the fuzzer (was an IndexError).
func.func @test_reshape_zero_past_rank(%arg0: !torch.vtensor<[6],f32>) -> !torch.vtensor<[?,?,?],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  %shape = torch.vtensor.literal(dense<[1, 6, 0]> : tensor<3xsi64>) : !torch.vtensor<[3],si64>
  // expected-remark@+1 {{onnx.Reshape was not converted: target shape [1, 6, 0] copies (0) a dim past the input rank 1}}
  %0 = torch.operator "onnx.Reshape"(%arg0, %shape) : (!torch.vtensor<[6],f32>, !torch.vtensor<[3],si64>) -> !torch.vtensor<[?,?,?],f32>
  return %0 : !torch.vtensor<[?,?,?],f32>
}

// -----

func.func @test_reshape_negative_entry(%arg0: !torch.vtensor<[?],f32>) -> !torch.vtensor<[?,?],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  %shape = torch.vtensor.literal(dense<[-2, 3]> : tensor<2xsi64>) : !torch.vtensor<[2],si64>
  // expected-remark@+1 {{onnx.Reshape was not converted: negative entry in the target shape [-2, 3]}}
  %0 = torch.operator "onnx.Reshape"(%arg0, %shape) : (!torch.vtensor<[?],f32>, !torch.vtensor<[2],si64>) -> !torch.vtensor<[?,?],f32>
  return %0 : !torch.vtensor<[?,?],f32>
}
