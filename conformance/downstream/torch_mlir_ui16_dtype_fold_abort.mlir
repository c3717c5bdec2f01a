// torch-lower-to-backend-contract aborts on any op with a dtype function whose operand is ui16
// or ui64: the reified dtype calculation's torch.prim.dtype folds through
// getScalarTypeForType, which has no case for them ("LLVM ERROR: Unhandled type in
// getScalarTypeForType: ui16", SIGABRT) -- aten.to.dtype included, so no cast avoids it.
// ui8 and ui32 work. A function that only passes a ui16 value through lowers.
func.func @main(%a: !torch.vtensor<[3],ui16>, %b: !torch.vtensor<[3],ui16>) -> !torch.vtensor<[3],ui16> {
  %0 = torch.aten.maximum %a, %b : !torch.vtensor<[3],ui16>, !torch.vtensor<[3],ui16> -> !torch.vtensor<[3],ui16>
  return %0 : !torch.vtensor<[3],ui16>
}
