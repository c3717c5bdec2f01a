// RUN: %opt --split-input-file --convert-torch-onnx-to-torch %s | filecheck %s

// QuantizeLinear-10 without a zero point: uint8, round half to even, saturate, narrow through si32.
// CHECK-LABEL: func.func @test_quantizelinear_v10_default_uint8
func.func @test_quantizelinear_v10_default_uint8(%arg0: !torch.vtensor<[6],f32>, %arg1: !torch.vtensor<[],f32>) -> !torch.vtensor<[6],ui8> attributes {torch.onnx_meta.opset_version = 10 : si64} {
  // CHECK: %[[D:.*]] = torch.aten.div.Tensor %arg0, %arg1 : !torch.vtensor<[6],f32>, !torch.vtensor<[],f32> -> !torch.vtensor<[6],f32>
  // CHECK: %[[R:.*]] = torch.aten.round %[[D]]
  // CHECK: %[[C:.*]] = torch.aten.clamp %[[R]], %float0.000000e00, %float2.550000e02
  // CHECK: %[[I:.*]] = torch.aten.to.dtype %[[C]], %int3{{[_0-9]*}}, {{.*}} -> !torch.vtensor<[6],si32>
  // CHECK: torch.aten.to.dtype %[[I]], %int0{{[_0-9]*}}, {{.*}} -> !torch.vtensor<[6],ui8>
  %0 = torch.operator "onnx.QuantizeLinear"(%arg0, %arg1) : (!torch.vtensor<[6],f32>, !torch.vtensor<[],f32>) -> !torch.vtensor<[6],ui8>
  return %0 : !torch.vtensor<[6],ui8>
}

// -----

// QuantizeLinear-13 per axis, int8: scale and zero point reshaped to [1,3,1,1].
// CHECK-LABEL: func.func @test_quantizelinear_v13_axis
func.func @test_quantizelinear_v13_axis(%arg0: !torch.vtensor<[1,3,3,2],f32>, %arg1: !torch.vtensor<[3],f32>, %arg2: !torch.vtensor<[3],si8>) -> !torch.vtensor<[1,3,3,2],si8> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: %[[S:.*]] = torch.aten.reshape %arg1, %{{.*}} : !torch.vtensor<[3],f32>, !torch.list<int> -> !torch.vtensor<[1,3,1,1],f32>
  // CHECK: %[[D:.*]] = torch.aten.div.Tensor %arg0, %[[S]]
  // CHECK: %[[R:.*]] = torch.aten.round %[[D]]
  // CHECK: %[[Z:.*]] = torch.aten.reshape %arg2, %{{.*}} -> !torch.vtensor<[1,3,1,1],si8>
  // CHECK: %[[ZF:.*]] = torch.aten.to.dtype %[[Z]], %int6
  // CHECK: %[[A:.*]] = torch.aten.add.Tensor %[[R]], %[[ZF]]
  // CHECK: torch.aten.clamp %[[A]], %float-1.280000e02, %float1.270000e02
  // CHECK: torch.aten.to.dtype %{{.*}}, %int1{{[_0-9]*}}, {{.*}} -> !torch.vtensor<[1,3,3,2],si8>
  %0 = torch.operator "onnx.QuantizeLinear"(%arg0, %arg1, %arg2) {torch.onnx.axis = 1 : si64} : (!torch.vtensor<[1,3,3,2],f32>, !torch.vtensor<[3],f32>, !torch.vtensor<[3],si8>) -> !torch.vtensor<[1,3,3,2],si8>
  return %0 : !torch.vtensor<[1,3,3,2],si8>
}

// -----

// QuantizeLinear-19 to float8 with saturate=0: the f16 division, the decoded zero point added,
// then a plain conversion (no clamp).
// CHECK-LABEL: func.func @test_quantizelinear_v19_e4m3fn_no_saturate
func.func @test_quantizelinear_v19_e4m3fn_no_saturate(%arg0: !torch.vtensor<[5],f16>, %arg1: !torch.vtensor<[],f16>, %arg2: !torch.vtensor<[1],f8E4M3FN>) -> !torch.vtensor<[5],f8E4M3FN> attributes {torch.onnx_meta.opset_version = 19 : si64} {
  // CHECK: %[[D:.*]] = torch.aten.div.Tensor %arg0, %arg1 : !torch.vtensor<[5],f16>, !torch.vtensor<[],f16> -> !torch.vtensor<[5],f16>
  // CHECK: %[[A:.*]] = torch.aten.add.Tensor %[[D]], %{{.*}} : !torch.vtensor<[5],f16>, !torch.vtensor<[],f16>
  // CHECK: %[[F:.*]] = torch.aten.to.dtype %[[A]], %int6{{[_0-9]*}}, {{.*}} -> !torch.vtensor<[5],f32>
  // CHECK-NOT: torch.aten.clamp
  // CHECK: torch.aten.to.dtype %[[F]], %int24{{[_0-9]*}}, {{.*}} -> !torch.vtensor<[5],f8E4M3FN>
  %0 = torch.operator "onnx.QuantizeLinear"(%arg0, %arg1, %arg2) {torch.onnx.saturate = 0 : si64} : (!torch.vtensor<[5],f16>, !torch.vtensor<[],f16>, !torch.vtensor<[1],f8E4M3FN>) -> !torch.vtensor<[5],f8E4M3FN>
  return %0 : !torch.vtensor<[5],f8E4M3FN>
}

// -----

// QuantizeLinear-21 to float8 without a zero point, saturating (the default): clamp, NaN kept.
// CHECK-LABEL: func.func @test_quantizelinear_v21_e5m2_output_dtype
func.func @test_quantizelinear_v21_e5m2_output_dtype(%arg0: !torch.vtensor<[5],f32>, %arg1: !torch.vtensor<[],f32>) -> !torch.vtensor<[5],f8E5M2> attributes {torch.onnx_meta.opset_version = 21 : si64} {
  // CHECK: %[[D:.*]] = torch.aten.div.Tensor %arg0, %arg1
  // CHECK: %[[C:.*]] = torch.aten.clamp %[[D]], %float-5.734400e04, %float5.734400e04
  // CHECK: torch.aten.isnan %[[D]]
  // CHECK: %[[W:.*]] = torch.aten.where.self
  // CHECK: torch.aten.to.dtype %[[W]], %int23{{[_0-9]*}}, {{.*}} -> !torch.vtensor<[5],f8E5M2>
  %0 = torch.operator "onnx.QuantizeLinear"(%arg0, %arg1) {torch.onnx.output_dtype = 19 : si64} : (!torch.vtensor<[5],f32>, !torch.vtensor<[],f32>) -> !torch.vtensor<[5],f8E5M2>
  return %0 : !torch.vtensor<[5],f8E5M2>
}

// -----

// QuantizeLinear-21 blocked along axis 1 (block 2, last block partial), int16 output.
// CHECK-LABEL: func.func @test_quantizelinear_v21_blocked_int16
func.func @test_quantizelinear_v21_blocked_int16(%arg0: !torch.vtensor<[2,5],f32>, %arg1: !torch.vtensor<[2,3],f32>, %arg2: !torch.vtensor<[2,3],si16>) -> !torch.vtensor<[2,5],si16> attributes {torch.onnx_meta.opset_version = 21 : si64} {
  // CHECK: %[[SU:.*]] = torch.aten.unsqueeze %arg1, %int2 : !torch.vtensor<[2,3],f32>, !torch.int -> !torch.vtensor<[2,3,1],f32>
  // CHECK: %[[SB:.*]] = torch.aten.broadcast_to %[[SU]], %{{.*}} -> !torch.vtensor<[2,3,2],f32>
  // CHECK: %[[SR:.*]] = torch.aten.reshape %[[SB]], %{{.*}} -> !torch.vtensor<[2,6],f32>
  // CHECK: %[[S:.*]] = torch.aten.slice.Tensor %[[SR]], %int1, %int0, %int5, %int1{{.*}} -> !torch.vtensor<[2,5],f32>
  // CHECK: torch.aten.div.Tensor %arg0, %[[S]] : !torch.vtensor<[2,5],f32>, !torch.vtensor<[2,5],f32>
  // CHECK: torch.aten.unsqueeze %arg2
  // CHECK: torch.aten.clamp %{{.*}}, %float-3.276800e04, %float3.276700e04
  // CHECK: torch.aten.to.dtype %{{.*}}, %int2{{[_0-9]*}}, {{.*}} -> !torch.vtensor<[2,5],si16>
  %0 = torch.operator "onnx.QuantizeLinear"(%arg0, %arg1, %arg2) {torch.onnx.axis = 1 : si64, torch.onnx.block_size = 2 : si64} : (!torch.vtensor<[2,5],f32>, !torch.vtensor<[2,3],f32>, !torch.vtensor<[2,3],si16>) -> !torch.vtensor<[2,5],si16>
  return %0 : !torch.vtensor<[2,5],si16>
}

// -----

// QuantizeLinear-23 with precision=FLOAT (1): an f16 input divides in f32.
// CHECK-LABEL: func.func @test_quantizelinear_v23_precision
func.func @test_quantizelinear_v23_precision(%arg0: !torch.vtensor<[4],f16>, %arg1: !torch.vtensor<[],f16>) -> !torch.vtensor<[4],ui8> attributes {torch.onnx_meta.opset_version = 23 : si64} {
  // CHECK: %[[S:.*]] = torch.aten.to.dtype %arg1, %int6{{[_0-9]*}}, {{.*}} -> !torch.vtensor<[],f32>
  // CHECK: %[[X:.*]] = torch.aten.to.dtype %arg0, %int6{{[_0-9]*}}, {{.*}} -> !torch.vtensor<[4],f32>
  // CHECK: torch.aten.div.Tensor %[[X]], %[[S]] : !torch.vtensor<[4],f32>, !torch.vtensor<[],f32> -> !torch.vtensor<[4],f32>
  %0 = torch.operator "onnx.QuantizeLinear"(%arg0, %arg1) {torch.onnx.precision = 1 : si64} : (!torch.vtensor<[4],f16>, !torch.vtensor<[],f16>) -> !torch.vtensor<[4],ui8>
  return %0 : !torch.vtensor<[4],ui8>
}

// -----

// QuantizeLinear-25 with an int32 input: divided in f64, as the reference (numpy) does.
// CHECK-LABEL: func.func @test_quantizelinear_v25_int32_input
func.func @test_quantizelinear_v25_int32_input(%arg0: !torch.vtensor<[4],si32>, %arg1: !torch.vtensor<[],f32>, %arg2: !torch.vtensor<[],si8>) -> !torch.vtensor<[4],si8> attributes {torch.onnx_meta.opset_version = 25 : si64} {
  // CHECK: %[[S:.*]] = torch.aten.to.dtype %arg1, %int7{{[_0-9]*}}, {{.*}} -> !torch.vtensor<[],f64>
  // CHECK: %[[X:.*]] = torch.aten.to.dtype %arg0, %int7{{[_0-9]*}}, {{.*}} -> !torch.vtensor<[4],f64>
  // CHECK: torch.aten.div.Tensor %[[X]], %[[S]] : !torch.vtensor<[4],f64>, !torch.vtensor<[],f64> -> !torch.vtensor<[4],f64>
  // CHECK: torch.aten.round
  // CHECK: torch.aten.clamp
  // CHECK: torch.aten.to.dtype %{{.*}}, %int1{{[_0-9]*}}, {{.*}} -> !torch.vtensor<[4],si8>
  %0 = torch.operator "onnx.QuantizeLinear"(%arg0, %arg1, %arg2) : (!torch.vtensor<[4],si32>, !torch.vtensor<[],f32>, !torch.vtensor<[],si8>) -> !torch.vtensor<[4],si8>
  return %0 : !torch.vtensor<[4],si8>
}

// -----

// QuantizeLinear-28: same handler, per tensor with a [1] zero point.
// CHECK-LABEL: func.func @test_quantizelinear_v28
func.func @test_quantizelinear_v28(%arg0: !torch.vtensor<[4],f32>, %arg1: !torch.vtensor<[1],f32>, %arg2: !torch.vtensor<[1],ui8>) -> !torch.vtensor<[4],ui8> attributes {torch.onnx_meta.opset_version = 28 : si64} {
  // CHECK: %[[S:.*]] = torch.aten.reshape %arg1, %{{.*}} -> !torch.vtensor<[],f32>
  // CHECK: torch.aten.div.Tensor %arg0, %[[S]]
  // CHECK: torch.aten.reshape %arg2, %{{.*}} -> !torch.vtensor<[],ui8>
  // CHECK: torch.aten.to.dtype %{{.*}}, %int0{{[_0-9]*}}, {{.*}} -> !torch.vtensor<[4],ui8>
  %0 = torch.operator "onnx.QuantizeLinear"(%arg0, %arg1, %arg2) : (!torch.vtensor<[4],f32>, !torch.vtensor<[1],f32>, !torch.vtensor<[1],ui8>) -> !torch.vtensor<[4],ui8>
  return %0 : !torch.vtensor<[4],ui8>
}

// -----

// QLinearMatMul-10: si32 matmul of the zero-point-free operands, rescaled by
// a_scale * b_scale / y_scale in f64, rounded, y zero point added, saturated.
// CHECK-LABEL: func.func @test_qlinearmatmul_v10
func.func @test_qlinearmatmul_v10(%a: !torch.vtensor<[2,4],ui8>, %as: !torch.vtensor<[],f32>, %az: !torch.vtensor<[],ui8>, %w: !torch.vtensor<[4,3],ui8>, %ws: !torch.vtensor<[],f32>, %wz: !torch.vtensor<[],ui8>, %ys: !torch.vtensor<[],f32>, %yz: !torch.vtensor<[],ui8>) -> !torch.vtensor<[2,3],ui8> attributes {torch.onnx_meta.opset_version = 10 : si64} {
  // CHECK: %[[A:.*]] = torch.aten.sub.Tensor %{{.*}} -> !torch.vtensor<[2,4],si32>
  // CHECK: %[[B:.*]] = torch.aten.sub.Tensor %{{.*}} -> !torch.vtensor<[4,3],si32>
  // CHECK: %[[ACC:.*]] = torch.aten.matmul %[[A]], %[[B]] : !torch.vtensor<[2,4],si32>, !torch.vtensor<[4,3],si32> -> !torch.vtensor<[2,3],si32>
  // CHECK: %[[M:.*]] = torch.aten.mul.Tensor %arg1, %arg4 : !torch.vtensor<[],f32>, !torch.vtensor<[],f32> -> !torch.vtensor<[],f32>
  // CHECK: %[[MD:.*]] = torch.aten.div.Tensor %[[M]], %arg6
  // CHECK: %[[ACCF:.*]] = torch.aten.to.dtype %[[ACC]], %int7{{[_0-9]*}}, {{.*}} -> !torch.vtensor<[2,3],f64>
  // CHECK: %[[MF:.*]] = torch.aten.to.dtype %[[MD]], %int7
  // CHECK: %[[Y:.*]] = torch.aten.mul.Tensor %[[ACCF]], %[[MF]]
  // CHECK: %[[YZ:.*]] = torch.aten.to.dtype %arg7, %int7
  // CHECK: %[[YA:.*]] = torch.aten.add.Tensor %[[Y]], %[[YZ]]
  // CHECK: %[[R:.*]] = torch.aten.round %[[YA]]
  // CHECK: torch.aten.clamp %[[R]], %float0.000000e00, %float2.550000e02
  // CHECK: torch.aten.to.dtype %{{.*}}, %int0{{[_0-9]*}}, {{.*}} -> !torch.vtensor<[2,3],ui8>
  %0 = torch.operator "onnx.QLinearMatMul"(%a, %as, %az, %w, %ws, %wz, %ys, %yz) : (!torch.vtensor<[2,4],ui8>, !torch.vtensor<[],f32>, !torch.vtensor<[],ui8>, !torch.vtensor<[4,3],ui8>, !torch.vtensor<[],f32>, !torch.vtensor<[],ui8>, !torch.vtensor<[],f32>, !torch.vtensor<[],ui8>) -> !torch.vtensor<[2,3],ui8>
  return %0 : !torch.vtensor<[2,3],ui8>
}

// -----

// QLinearMatMul-21, f16 scales, int8, per-row scale/zero point of A ([M] -> [M,1]) and
// per-column ones of B.
// CHECK-LABEL: func.func @test_qlinearmatmul_v21_per_row_col
func.func @test_qlinearmatmul_v21_per_row_col(%a: !torch.vtensor<[2,4],si8>, %as: !torch.vtensor<[2],f16>, %az: !torch.vtensor<[2],si8>, %w: !torch.vtensor<[4,3],si8>, %ws: !torch.vtensor<[3],f16>, %wz: !torch.vtensor<[3],si8>, %ys: !torch.vtensor<[],f16>, %yz: !torch.vtensor<[],si8>) -> !torch.vtensor<[2,3],si8> attributes {torch.onnx_meta.opset_version = 21 : si64} {
  // CHECK: torch.aten.unsqueeze %arg2, %int1 : !torch.vtensor<[2],si8>, !torch.int -> !torch.vtensor<[2,1],si8>
  // CHECK: torch.aten.matmul
  // CHECK: %[[AS:.*]] = torch.aten.unsqueeze %arg1, %int1{{.*}} -> !torch.vtensor<[2,1],f16>
  // CHECK: torch.aten.mul.Tensor %[[AS]], %arg4 : !torch.vtensor<[2,1],f16>, !torch.vtensor<[3],f16> -> !torch.vtensor<[2,3],f16>
  // CHECK: torch.aten.clamp %{{.*}}, %float-1.280000e02, %float1.270000e02
  // CHECK: torch.aten.to.dtype %{{.*}}, %int1{{[_0-9]*}}, {{.*}} -> !torch.vtensor<[2,3],si8>
  %0 = torch.operator "onnx.QLinearMatMul"(%a, %as, %az, %w, %ws, %wz, %ys, %yz) : (!torch.vtensor<[2,4],si8>, !torch.vtensor<[2],f16>, !torch.vtensor<[2],si8>, !torch.vtensor<[4,3],si8>, !torch.vtensor<[3],f16>, !torch.vtensor<[3],si8>, !torch.vtensor<[],f16>, !torch.vtensor<[],si8>) -> !torch.vtensor<[2,3],si8>
  return %0 : !torch.vtensor<[2,3],si8>
}

// -----

// QLinearConv-10: ConvInteger's si32 convolution with the int32 bias, per-output-channel
// w_scale ([2] -> [2,1,1]), requantized to uint8.
// CHECK-LABEL: func.func @test_qlinearconv
func.func @test_qlinearconv(%x: !torch.vtensor<[1,1,4,4],ui8>, %xs: !torch.vtensor<[],f32>, %xz: !torch.vtensor<[],ui8>, %w: !torch.vtensor<[2,1,3,3],ui8>, %ws: !torch.vtensor<[2],f32>, %wz: !torch.vtensor<[],ui8>, %ys: !torch.vtensor<[],f32>, %yz: !torch.vtensor<[],ui8>, %bias: !torch.vtensor<[2],si32>) -> !torch.vtensor<[1,2,4,4],ui8> attributes {torch.onnx_meta.opset_version = 10 : si64} {
  // CHECK: %[[X:.*]] = torch.aten.sub.Tensor %{{.*}} -> !torch.vtensor<[1,1,4,4],si32>
  // CHECK: %[[W:.*]] = torch.aten.sub.Tensor %{{.*}} -> !torch.vtensor<[2,1,3,3],si32>
  // CHECK: %[[ACC:.*]] = torch.aten.convolution %[[X]], %[[W]], %arg8, {{.*}} -> !torch.vtensor<[1,2,4,4],si32>
  // CHECK: %[[WS:.*]] = torch.aten.reshape %arg4, %{{.*}} -> !torch.vtensor<[2,1,1],f32>
  // CHECK: torch.aten.mul.Tensor %arg1, %[[WS]] : !torch.vtensor<[],f32>, !torch.vtensor<[2,1,1],f32> -> !torch.vtensor<[2,1,1],f32>
  // CHECK: torch.aten.round
  // CHECK: torch.aten.to.dtype %{{.*}}, %int0{{[_0-9]*}}, {{.*}} -> !torch.vtensor<[1,2,4,4],ui8>
  %0 = torch.operator "onnx.QLinearConv"(%x, %xs, %xz, %w, %ws, %wz, %ys, %yz, %bias) {torch.onnx.pads = [1 : si64, 1 : si64, 1 : si64, 1 : si64]} : (!torch.vtensor<[1,1,4,4],ui8>, !torch.vtensor<[],f32>, !torch.vtensor<[],ui8>, !torch.vtensor<[2,1,3,3],ui8>, !torch.vtensor<[2],f32>, !torch.vtensor<[],ui8>, !torch.vtensor<[],f32>, !torch.vtensor<[],ui8>, !torch.vtensor<[2],si32>) -> !torch.vtensor<[1,2,4,4],ui8>
  return %0 : !torch.vtensor<[1,2,4,4],ui8>
}
