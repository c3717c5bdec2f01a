// RUN: %opt --split-input-file --convert-torch-onnx-to-torch --verify-diagnostics --report %s

func.func @test_quantizelinear_uint16(%arg0: !torch.vtensor<[4],f32>, %arg1: !torch.vtensor<[],f32>, %arg2: !torch.vtensor<[],ui16>) -> !torch.vtensor<[4],ui16> attributes {torch.onnx_meta.opset_version = 21 : si64} {
  // expected-remark@+1 {{onnx.QuantizeLinear was not converted: uint16 (torch has no uint16 tensor) output (ui16) is not supported}}
  %0 = torch.operator "onnx.QuantizeLinear"(%arg0, %arg1, %arg2) : (!torch.vtensor<[4],f32>, !torch.vtensor<[],f32>, !torch.vtensor<[],ui16>) -> !torch.vtensor<[4],ui16>
  return %0 : !torch.vtensor<[4],ui16>
}

// -----

func.func @test_quantizelinear_int4(%arg0: !torch.vtensor<[4],f32>, %arg1: !torch.vtensor<[],f32>, %arg2: !torch.vtensor<[],si4>) -> !torch.vtensor<[4],si4> attributes {torch.onnx_meta.opset_version = 21 : si64} {
  // expected-remark@+1 {{onnx.QuantizeLinear was not converted: 4-bit integer output (si4) is not supported}}
  %0 = torch.operator "onnx.QuantizeLinear"(%arg0, %arg1, %arg2) : (!torch.vtensor<[4],f32>, !torch.vtensor<[],f32>, !torch.vtensor<[],si4>) -> !torch.vtensor<[4],si4>
  return %0 : !torch.vtensor<[4],si4>
}

// -----

func.func @test_qlinearmatmul_float8(%a: !torch.vtensor<[2,4],f8E4M3FN>, %as: !torch.vtensor<[],f32>, %az: !torch.vtensor<[],f8E4M3FN>, %w: !torch.vtensor<[4,3],f8E4M3FN>, %ws: !torch.vtensor<[],f32>, %wz: !torch.vtensor<[],f8E4M3FN>, %ys: !torch.vtensor<[],f32>, %yz: !torch.vtensor<[],f8E4M3FN>) -> !torch.vtensor<[2,3],f8E4M3FN> attributes {torch.onnx_meta.opset_version = 21 : si64} {
  // expected-remark@+1 {{onnx.QLinearMatMul was not converted: operands must be 8-bit integers, got f8E4M3FN}}
  %0 = torch.operator "onnx.QLinearMatMul"(%a, %as, %az, %w, %ws, %wz, %ys, %yz) : (!torch.vtensor<[2,4],f8E4M3FN>, !torch.vtensor<[],f32>, !torch.vtensor<[],f8E4M3FN>, !torch.vtensor<[4,3],f8E4M3FN>, !torch.vtensor<[],f32>, !torch.vtensor<[],f8E4M3FN>, !torch.vtensor<[],f32>, !torch.vtensor<[],f8E4M3FN>) -> !torch.vtensor<[2,3],f8E4M3FN>
  return %0 : !torch.vtensor<[2,3],f8E4M3FN>
}
