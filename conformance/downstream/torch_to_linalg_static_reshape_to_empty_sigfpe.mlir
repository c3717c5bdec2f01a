// A static aten.reshape of a 0-element tensor to another 0-element shape: torch-mlir's
// ConvertTorchToLinalg divides by the 0 dim (SIGFPE) in torch-mlir-opt's linalg pipeline and in
// iree-compile's torch input pipeline alike; TOSA fails to legalize the aten.view it becomes.
// Found on test_reshape_allowzero_reordered ([0,3,4] -> [3,4,0]).
func.func @main(%x: !torch.vtensor<[0,3,4],f32>) -> !torch.vtensor<[3,4,0],f32> {
  %int3 = torch.constant.int 3
  %int4 = torch.constant.int 4
  %int0 = torch.constant.int 0
  %shape = torch.prim.ListConstruct %int3, %int4, %int0 : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
  %0 = torch.aten.reshape %x, %shape : !torch.vtensor<[0,3,4],f32>, !torch.list<int> -> !torch.vtensor<[3,4,0],f32>
  return %0 : !torch.vtensor<[3,4,0],f32>
}
