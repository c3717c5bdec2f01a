// RUN: %opt --split-input-file --convert-torch-onnx-to-torch --verify-diagnostics --report %s

// If and Loop cases that stay untouched, with the reason reported.

func.func @test_loop_never_ends(%arg0: !torch.vtensor<[],f32>) -> !torch.vtensor<[],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  %none = torch.constant.none
  // expected-remark@+1 {{onnx.Loop was not converted: Loop with no trip count whose body keeps its condition never ends}}
  %0 = torch.operator "onnx.Loop"(%none, %none, %arg0) : (!torch.none, !torch.none, !torch.vtensor<[],f32>) -> !torch.vtensor<[],f32> {
  ^bb0(%i: !torch.vtensor<[],si64>, %c: !torch.vtensor<[],i1>, %x: !torch.vtensor<[],f32>):
    torch.operator_terminator %c, %x : !torch.vtensor<[],i1>, !torch.vtensor<[],f32>
  }
  return %0 : !torch.vtensor<[],f32>
}

// -----

func.func @test_loop_scan_output_unbounded(%arg0: !torch.vtensor<[],i1>, %arg1: !torch.vtensor<[],f32>) -> !torch.vtensor<[?],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  %none = torch.constant.none
  // expected-remark@+1 {{onnx.Loop was not converted: scan outputs of a Loop with no trip count (no bound to preallocate them; a growing loop-carried tensor is miscompiled by IREE)}}
  %0 = torch.operator "onnx.Loop"(%none, %arg0) : (!torch.none, !torch.vtensor<[],i1>) -> !torch.vtensor<[?],f32> {
  ^bb0(%i: !torch.vtensor<[],si64>, %c: !torch.vtensor<[],i1>):
    %1 = torch.operator "onnx.Less"(%arg1, %arg1) : (!torch.vtensor<[],f32>, !torch.vtensor<[],f32>) -> !torch.vtensor<[],i1>
    torch.operator_terminator %1, %arg1 : !torch.vtensor<[],i1>, !torch.vtensor<[],f32>
  }
  return %0 : !torch.vtensor<[?],f32>
}

// -----

func.func @test_if_branch_ranks_differ(%arg0: !torch.vtensor<[],i1>, %arg1: !torch.vtensor<[2],f32>, %arg2: !torch.vtensor<[2,2],f32>) -> !torch.vtensor<[2],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // expected-remark@+1 {{onnx.If was not converted: output #0: branch types ['!torch.vtensor<[2,2],f32>', '!torch.vtensor<[2],f32>'] have no common type}}
  %0 = torch.operator "onnx.If"(%arg0) : (!torch.vtensor<[],i1>) -> !torch.vtensor<[2],f32> {
    torch.operator_terminator %arg1 : !torch.vtensor<[2],f32>
  }, {
    torch.operator_terminator %arg2 : !torch.vtensor<[2,2],f32>
  }
  return %0 : !torch.vtensor<[2],f32>
}
