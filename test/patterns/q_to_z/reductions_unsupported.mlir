// RUN: %opt --split-input-file --convert-torch-onnx-to-torch --verify-diagnostics --report %s

// Declined Reduce* cases: each op stays as it was, with the reason reported.

func.func @test_reducesum_bool(%arg0: !torch.vtensor<[3,4],i1>) -> !torch.vtensor<[1,1],i1> attributes {torch.onnx_meta.opset_version = 11 : si64} {
  // expected-remark@+1 {{onnx.ReduceSum was not converted: ReduceSum of bool is not defined}}
  %0 = torch.operator "onnx.ReduceSum"(%arg0) : (!torch.vtensor<[3,4],i1>) -> !torch.vtensor<[1,1],i1>
  return %0 : !torch.vtensor<[1,1],i1>
}

// -----

func.func @test_reducemax_repeated_axes(%arg0: !torch.vtensor<[3,4],f32>) -> !torch.vtensor<[3,1],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // expected-remark@+1 {{onnx.ReduceMax was not converted: axes [1, -1] repeat a dim}}
  %0 = torch.operator "onnx.ReduceMax"(%arg0) {torch.onnx.axes = [1 : si64, -1 : si64]} : (!torch.vtensor<[3,4],f32>) -> !torch.vtensor<[3,1],f32>
  return %0 : !torch.vtensor<[3,1],f32>
}

// -----

func.func @test_reducemean_dynamic_length_axes_unranked_result(%arg0: !torch.vtensor<[3,4],f32>, %arg1: !torch.vtensor<[?],si64>) -> !torch.vtensor<*,f32> attributes {torch.onnx_meta.opset_version = 18 : si64} {
  // expected-remark@+1 {{onnx.ReduceMean was not converted: run-time axes of dynamic length with keepdims=0 need a ranked result}}
  %0 = torch.operator "onnx.ReduceMean"(%arg0, %arg1) {torch.onnx.keepdims = 0 : si64} : (!torch.vtensor<[3,4],f32>, !torch.vtensor<[?],si64>) -> !torch.vtensor<*,f32>
  return %0 : !torch.vtensor<*,f32>
}

// -----

// Run-time axes with keepdims=1 that the static shapes do not fix: each result dim would be
// 1 or n at run time, typed `?`, which torch-mlir's lowering does not broadcast correctly.
func.func @test_reducesum_runtime_axes_keepdims(%arg0: !torch.vtensor<[3,4],f32>, %arg1: !torch.vtensor<[?],si64>) -> !torch.vtensor<[?,?],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // expected-remark@+1 {{onnx.ReduceSum was not converted: run-time axes that the static shapes do not fix leave keepdims result dims dynamic (1 or n), which the lowering mis-broadcasts}}
  %0 = torch.operator "onnx.ReduceSum"(%arg0, %arg1) : (!torch.vtensor<[3,4],f32>, !torch.vtensor<[?],si64>) -> !torch.vtensor<[?,?],f32>
  return %0 : !torch.vtensor<[?,?],f32>
}
