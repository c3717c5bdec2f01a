// torch-mlir's StableHLO lowering segfaults on aten.max_pool2d of a ui8 tensor (its init value
// for an unsigned element type). Linalg and TOSA lower it. Found on the C++ pass's output for
// test_maxpool_2d_uint8; ours pools ui8 widened to si32 (patterns/g_to_p/pooling.py).
func.func @main(%x: !torch.vtensor<[1,1,5,5],ui8>) -> !torch.vtensor<[1,1,5,5],ui8> {
  %int5 = torch.constant.int 5
  %int2 = torch.constant.int 2
  %int1 = torch.constant.int 1
  %false = torch.constant.bool false
  %kernel = torch.prim.ListConstruct %int5, %int5 : (!torch.int, !torch.int) -> !torch.list<int>
  %stride = torch.prim.ListConstruct %int1, %int1 : (!torch.int, !torch.int) -> !torch.list<int>
  %pad = torch.prim.ListConstruct %int2, %int2 : (!torch.int, !torch.int) -> !torch.list<int>
  %dil = torch.prim.ListConstruct %int1, %int1 : (!torch.int, !torch.int) -> !torch.list<int>
  %0 = torch.aten.max_pool2d %x, %kernel, %stride, %pad, %dil, %false : !torch.vtensor<[1,1,5,5],ui8>, !torch.list<int>, !torch.list<int>, !torch.list<int>, !torch.list<int>, !torch.bool -> !torch.vtensor<[1,1,5,5],ui8>
  return %0 : !torch.vtensor<[1,1,5,5],ui8>
}
