// RUN: %opt --split-input-file --convert-torch-onnx-to-torch --verify-diagnostics --report %s

// Declined Slice/Split/Tile cases: each op stays as it was, with the reason reported.

func.func @test_slice_zero_step(%arg0: !torch.vtensor<[10],f32>) -> !torch.vtensor<[?],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  %0 = torch.operator "onnx.Constant"() {torch.onnx.value = dense<0> : tensor<1xsi64>} : () -> !torch.vtensor<[1],si64>
  %none = torch.constant.none
  // expected-remark@+1 {{onnx.Slice was not converted: a step is 0}}
  %1 = torch.operator "onnx.Slice"(%arg0, %0, %0, %none, %0) : (!torch.vtensor<[10],f32>, !torch.vtensor<[1],si64>, !torch.vtensor<[1],si64>, !torch.none, !torch.vtensor<[1],si64>) -> !torch.vtensor<[?],f32>
  return %1 : !torch.vtensor<[?],f32>
}

// -----

func.func @test_slice_unranked(%arg0: !torch.vtensor<*,f32>) -> !torch.vtensor<*,f32> attributes {torch.onnx_meta.opset_version = 9 : si64} {
  // expected-remark@+1 {{onnx.Slice was not converted: input rank is unknown}}
  %0 = torch.operator "onnx.Slice"(%arg0) {torch.onnx.ends = [2 : si64], torch.onnx.starts = [0 : si64]} : (!torch.vtensor<*,f32>) -> !torch.vtensor<*,f32>
  return %0 : !torch.vtensor<*,f32>
}

// -----

func.func @test_split_sizes_count(%arg0: !torch.vtensor<[6],f32>) -> (!torch.vtensor<[3],f32>, !torch.vtensor<[3],f32>) attributes {torch.onnx_meta.opset_version = 11 : si64} {
  // expected-remark@+1 {{onnx.Split was not converted: 3 split sizes for 2 outputs}}
  %0:2 = torch.operator "onnx.Split"(%arg0) {torch.onnx.split = [2 : si64, 2 : si64, 2 : si64]} : (!torch.vtensor<[6],f32>) -> (!torch.vtensor<[3],f32>, !torch.vtensor<[3],f32>)
  return %0#0, %0#1 : !torch.vtensor<[3],f32>, !torch.vtensor<[3],f32>
}

// -----

func.func @test_tile_repeats_length(%arg0: !torch.vtensor<[2,3],f32>) -> !torch.vtensor<[?,?],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  %0 = torch.operator "onnx.Constant"() {torch.onnx.value = dense<[2]> : tensor<1xsi64>} : () -> !torch.vtensor<[1],si64>
  // expected-remark@+1 {{onnx.Tile was not converted: 1 repeats for rank 2}}
  %1 = torch.operator "onnx.Tile"(%arg0, %0) : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[1],si64>) -> !torch.vtensor<[?,?],f32>
  return %1 : !torch.vtensor<[?,?],f32>
}

// -----

func.func @test_slice_strings(%arg0: !torch.vtensor<[4],!torch.str>) -> !torch.vtensor<[2],!torch.str> attributes {torch.onnx_meta.opset_version = 9 : si64} {
  // expected-remark@+1 {{onnx.Slice was not converted: string tensors have no torch equivalent}}
  %0 = torch.operator "onnx.Slice"(%arg0) {torch.onnx.ends = [2 : si64], torch.onnx.starts = [0 : si64]} : (!torch.vtensor<[4],!torch.str>) -> !torch.vtensor<[2],!torch.str>
  return %0 : !torch.vtensor<[2],!torch.str>
}

// -----

// A rank-0 input has nothing to split (found by the fuzzer: was an IndexError).
func.func @test_split_rank0(%arg0: !torch.vtensor<[],f32>) -> (!torch.vtensor<[],f32>, !torch.vtensor<[],f32>) attributes {torch.onnx_meta.opset_version = 18 : si64} {
  // expected-remark@+1 {{onnx.Split was not converted: a rank-0 input}}
  %0:2 = torch.operator "onnx.Split"(%arg0) {torch.onnx.num_outputs = 2 : si64} : (!torch.vtensor<[],f32>) -> (!torch.vtensor<[],f32>, !torch.vtensor<[],f32>)
  return %0#0, %0#1 : !torch.vtensor<[],f32>, !torch.vtensor<[],f32>
}
