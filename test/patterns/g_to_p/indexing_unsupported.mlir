// RUN: %opt --split-input-file --convert-torch-onnx-to-torch --verify-diagnostics --report %s

// Gather / selection cases that stay untouched, with the reason reported.

func.func @test_gather_const_out_of_range(%arg0: !torch.vtensor<[4],f32>) -> !torch.vtensor<[],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  %0 = torch.operator "onnx.Constant"() {torch.onnx.value = dense<4> : tensor<si64>} : () -> !torch.vtensor<[],si64>
  // expected-remark@+1 {{onnx.Gather was not converted: constant indices out of range for a dim of size 4}}
  %1 = torch.operator "onnx.Gather"(%arg0, %0) : (!torch.vtensor<[4],f32>, !torch.vtensor<[],si64>) -> !torch.vtensor<[],f32>
  return %1 : !torch.vtensor<[],f32>
}

// -----

func.func @test_gathernd_dynamic_tuple(%arg0: !torch.vtensor<[2,2],f32>, %arg1: !torch.vtensor<[2,?],si64>) -> !torch.vtensor<*,f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // expected-remark@+1 {{onnx.GatherND was not converted: the last dim of indices must be static}}
  %0 = torch.operator "onnx.GatherND"(%arg0, %arg1) : (!torch.vtensor<[2,2],f32>, !torch.vtensor<[2,?],si64>) -> !torch.vtensor<*,f32>
  return %0 : !torch.vtensor<*,f32>
}

// -----

func.func @test_onehot_uint64_indices(%arg0: !torch.vtensor<[3],ui64>, %arg1: !torch.vtensor<[],si64>, %arg2: !torch.vtensor<[2],f32>) -> !torch.vtensor<[3,?],f32> attributes {torch.onnx_meta.opset_version = 11 : si64} {
  // expected-remark@+1 {{onnx.OneHot was not converted: unsigned 16/32/64-bit indices or depth have no torch equivalent}}
  %0 = torch.operator "onnx.OneHot"(%arg0, %arg1, %arg2) : (!torch.vtensor<[3],ui64>, !torch.vtensor<[],si64>, !torch.vtensor<[2],f32>) -> !torch.vtensor<[3,?],f32>
  return %0 : !torch.vtensor<[3,?],f32>
}

// -----

func.func @test_nms_dynamic_classes(%arg0: !torch.vtensor<[1,6,4],f32>, %arg1: !torch.vtensor<[1,?,6],f32>, %arg2: !torch.vtensor<[1],si64>) -> !torch.vtensor<[?,3],si64> attributes {torch.onnx_meta.opset_version = 11 : si64} {
  // expected-remark@+1 {{onnx.NonMaxSuppression was not converted: the batch and class counts must be static}}
  %0 = torch.operator "onnx.NonMaxSuppression"(%arg0, %arg1, %arg2) : (!torch.vtensor<[1,6,4],f32>, !torch.vtensor<[1,?,6],f32>, !torch.vtensor<[1],si64>) -> !torch.vtensor<[?,3],si64>
  return %0 : !torch.vtensor<[?,3],si64>
}

// -----

func.func @test_gather_strings(%arg0: !torch.vtensor<[3],!torch.str>, %arg1: !torch.vtensor<[2],si64>) -> !torch.vtensor<[2],!torch.str> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // expected-remark@+1 {{onnx.Gather was not converted: string tensors have no torch equivalent}}
  %0 = torch.operator "onnx.Gather"(%arg0, %arg1) : (!torch.vtensor<[3],!torch.str>, !torch.vtensor<[2],si64>) -> !torch.vtensor<[2],!torch.str>
  return %0 : !torch.vtensor<[2],!torch.str>
}
