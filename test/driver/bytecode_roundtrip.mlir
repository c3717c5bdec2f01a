// Bytecode in, text out; and garbage input is a one-line error, not a traceback.
// RUN: %opt %s --emit-bytecode -o %t.mlirbc
// RUN: %opt --convert-torch-onnx-to-torch %t.mlirbc | filecheck %s
// RUN: %python -c "open('%t.bad', 'wb').write(bytes(range(256)))"
// RUN: not %opt --convert-torch-onnx-to-torch %t.bad 2>&1 | filecheck %s --check-prefix=BAD

// CHECK-LABEL: func.func @main
// CHECK: torch.aten.neg %arg0
// BAD: {{.*}}.bad:1:2: error: unexpected character
// BAD-NOT: Traceback
func.func @main(%arg0: !torch.vtensor<[2],f32>) -> !torch.vtensor<[2],f32> attributes {torch.onnx_meta.opset_version = 21 : si64} {
  %0 = torch.operator "onnx.Neg"(%arg0) : (!torch.vtensor<[2],f32>) -> !torch.vtensor<[2],f32>
  return %0 : !torch.vtensor<[2],f32>
}
