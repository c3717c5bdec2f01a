// iree-compile 3.13 (ConvertTorchToLinalg in its torch input pipeline) segfaults on a batched
// aten.matmul whose operands are static and whose declared result has a `?` dim.
// Found on test_attention_4d_gqa_causal_nonpad_decode_expanded (a softmax typed [2,4,?,8]
// feeding the matmul; torch-mlir's shape refinement moves the `?` onto the matmul).
// torch-mlir-opt's own linalg/tosa/stablehlo pipelines lower this fine.
func.func @main(%a: !torch.vtensor<[2,4,1,8],f32>, %b: !torch.vtensor<[2,4,8,8],f32>) -> !torch.vtensor<[2,4,?,8],f32> {
  %0 = torch.aten.matmul %a, %b : !torch.vtensor<[2,4,1,8],f32>, !torch.vtensor<[2,4,8,8],f32> -> !torch.vtensor<[2,4,?,8],f32>
  return %0 : !torch.vtensor<[2,4,?,8],f32>
}
