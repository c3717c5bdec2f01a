// RUN: %opt --split-input-file --convert-torch-onnx-to-torch --verify-diagnostics --report %s

// Sequence and Scan cases that stay untouched, with the reason reported.

func.func @test_sequence_map_unknown_length(%arg0: !torch.list<vtensor<[2],f32>>) -> !torch.list<vtensor<[2],f32>> attributes {torch.onnx_meta.opset_version = 17 : si64} {
  // expected-remark@+1 {{onnx.SequenceMap was not converted: input #0 is a sequence of unknown length}}
  %0 = torch.operator "onnx.SequenceMap"(%arg0) : (!torch.list<vtensor<[2],f32>>) -> !torch.list<vtensor<[2],f32>> {
  ^bb0(%x: !torch.vtensor<[2],f32>):
    torch.operator_terminator %x : !torch.vtensor<[2],f32>
  }
  return %0 : !torch.list<vtensor<[2],f32>>
}

// -----

func.func @test_sequence_at_out_of_range(%arg0: !torch.vtensor<[2],f32>) -> !torch.vtensor<[2],f32> attributes {torch.onnx_meta.opset_version = 11 : si64} {
  %0 = torch.operator "onnx.SequenceConstruct"(%arg0) : (!torch.vtensor<[2],f32>) -> !torch.list<vtensor<[2],f32>>
  %1 = torch.operator "onnx.Constant"() {torch.onnx.value = dense<3> : tensor<si64>} : () -> !torch.vtensor<[],si64>
  // expected-remark@+1 {{onnx.SequenceAt was not converted: position 3 is out of range for a sequence of 1}}
  %2 = torch.operator "onnx.SequenceAt"(%0, %1) : (!torch.list<vtensor<[2],f32>>, !torch.vtensor<[],si64>) -> !torch.vtensor<[2],f32>
  return %2 : !torch.vtensor<[2],f32>
}

// -----

func.func @test_scan8_batch2(%arg0: !torch.vtensor<[2,2],f32>, %arg1: !torch.vtensor<[2,3,2],f32>) -> (!torch.vtensor<[2,2],f32>, !torch.vtensor<[2,3,2],f32>) attributes {torch.onnx_meta.opset_version = 8 : si64} {
  %none = torch.constant.none
  // expected-remark@+1 {{onnx.Scan was not converted: only a static batch of 1 is supported}}
  %0:2 = torch.operator "onnx.Scan"(%none, %arg0, %arg1) {torch.onnx.num_scan_inputs = 1 : si64} : (!torch.none, !torch.vtensor<[2,2],f32>, !torch.vtensor<[2,3,2],f32>) -> (!torch.vtensor<[2,2],f32>, !torch.vtensor<[2,3,2],f32>) {
  ^bb0(%arg2: !torch.vtensor<[2],f32>, %arg3: !torch.vtensor<[2],f32>):
    torch.operator_terminator %arg3, %arg3 : !torch.vtensor<[2],f32>, !torch.vtensor<[2],f32>
  }
  return %0#0, %0#1 : !torch.vtensor<[2,2],f32>, !torch.vtensor<[2,3,2],f32>
}

// -----

// A run-time `split` of run-time length: as many pieces as it has entries, unknown here.
func.func @test_split_to_sequence_dynamic_split_length(%arg0: !torch.vtensor<[6,2],f32>, %arg1: !torch.vtensor<[?],si64>) -> !torch.list<vtensor<[?,2],f32>> attributes {torch.onnx_meta.opset_version = 11 : si64} {
  // expected-remark@+1 {{onnx.SplitToSequence was not converted: split must be a constant or a 1-D tensor of static length}}
  %0 = torch.operator "onnx.SplitToSequence"(%arg0, %arg1) : (!torch.vtensor<[6,2],f32>, !torch.vtensor<[?],si64>) -> !torch.list<vtensor<[?,2],f32>>
  return %0 : !torch.list<vtensor<[?,2],f32>>
}

// -----

// A rank-0 input has nothing to split (found by the fuzzer: an IndexError).
func.func @test_split_to_sequence_rank0(%arg0: !torch.vtensor<[],f32>) -> !torch.list<vtensor<[],f32>> attributes {torch.onnx_meta.opset_version = 11 : si64} {
  // expected-remark@+1 {{onnx.SplitToSequence was not converted: a rank-0 input}}
  %0 = torch.operator "onnx.SplitToSequence"(%arg0) : (!torch.vtensor<[],f32>) -> !torch.list<vtensor<[],f32>>
  return %0 : !torch.list<vtensor<[],f32>>
}
