// RUN: %opt --split-input-file --convert-torch-onnx-to-torch %s | filecheck %s

// CHECK-LABEL: func.func @test_dequantizelinear_per_tensor
func.func @test_dequantizelinear_per_tensor(%arg0: !torch.vtensor<[4],ui8>, %arg1: !torch.vtensor<[],f32>, %arg2: !torch.vtensor<[],ui8>) -> !torch.vtensor<[4],f32> attributes {torch.onnx_meta.opset_version = 10 : si64} {
  // CHECK: %[[X:.*]] = torch.aten.to.dtype %arg0, %int6, {{.*}} -> !torch.vtensor<[4],f32>
  // CHECK: %[[ZP:.*]] = torch.aten.to.dtype %arg2, %int6{{.*}} -> !torch.vtensor<[],f32>
  // CHECK: %[[D:.*]] = torch.aten.sub.Tensor %[[X]], %[[ZP]], %int1 : !torch.vtensor<[4],f32>, !torch.vtensor<[],f32>, !torch.int -> !torch.vtensor<[4],f32>
  // CHECK: %[[Y:.*]] = torch.aten.mul.Tensor %[[D]], %arg1 : !torch.vtensor<[4],f32>, !torch.vtensor<[],f32> -> !torch.vtensor<[4],f32>
  // CHECK: return %[[Y]]
  %0 = torch.operator "onnx.DequantizeLinear"(%arg0, %arg1, %arg2) : (!torch.vtensor<[4],ui8>, !torch.vtensor<[],f32>, !torch.vtensor<[],ui8>) -> !torch.vtensor<[4],f32>
  return %0 : !torch.vtensor<[4],f32>
}

// -----

// CHECK-LABEL: func.func @test_dequantizelinear_per_axis
func.func @test_dequantizelinear_per_axis(%arg0: !torch.vtensor<[1,3,3,2],si8>, %arg1: !torch.vtensor<[3],f32>, %arg2: !torch.vtensor<[3],si8>) -> !torch.vtensor<[1,3,3,2],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: %[[X:.*]] = torch.aten.to.dtype %arg0
  // CHECK: %[[ZPR:.*]] = torch.aten.reshape %arg2, %{{.*}} : !torch.vtensor<[3],si8>, !torch.list<int> -> !torch.vtensor<[1,3,1,1],si8>
  // CHECK: %[[ZP:.*]] = torch.aten.to.dtype %[[ZPR]]
  // CHECK: %[[D:.*]] = torch.aten.sub.Tensor %[[X]], %[[ZP]]
  // CHECK: %[[S:.*]] = torch.aten.reshape %arg1, %{{.*}} : !torch.vtensor<[3],f32>, !torch.list<int> -> !torch.vtensor<[1,3,1,1],f32>
  // CHECK: torch.aten.mul.Tensor %[[D]], %[[S]] : !torch.vtensor<[1,3,3,2],f32>, !torch.vtensor<[1,3,1,1],f32> -> !torch.vtensor<[1,3,3,2],f32>
  %0 = torch.operator "onnx.DequantizeLinear"(%arg0, %arg1, %arg2) {torch.onnx.axis = 1 : si64} : (!torch.vtensor<[1,3,3,2],si8>, !torch.vtensor<[3],f32>, !torch.vtensor<[3],si8>) -> !torch.vtensor<[1,3,3,2],f32>
  return %0 : !torch.vtensor<[1,3,3,2],f32>
}

// -----

// CHECK-LABEL: func.func @test_dequantizelinear_no_zero_point_f16
func.func @test_dequantizelinear_no_zero_point_f16(%arg0: !torch.vtensor<[2,3],si32>, %arg1: !torch.vtensor<[],f16>) -> !torch.vtensor<[2,3],f16> attributes {torch.onnx_meta.opset_version = 19 : si64} {
  // The arithmetic is float32 whatever the scale type; the result is cast to the output type.
  // CHECK: %[[X:.*]] = torch.aten.to.dtype %arg0, %int6
  // CHECK: %[[S:.*]] = torch.aten.to.dtype %arg1, %int6{{.*}} -> !torch.vtensor<[],f32>
  // CHECK: %[[Y:.*]] = torch.aten.mul.Tensor %[[X]], %[[S]]
  // CHECK: torch.aten.to.dtype %[[Y]], %int5, {{.*}} -> !torch.vtensor<[2,3],f16>
  %0 = torch.operator "onnx.DequantizeLinear"(%arg0, %arg1) : (!torch.vtensor<[2,3],si32>, !torch.vtensor<[],f16>) -> !torch.vtensor<[2,3],f16>
  return %0 : !torch.vtensor<[2,3],f16>
}

// -----

// CHECK-LABEL: func.func @test_dequantizelinear_blocked
func.func @test_dequantizelinear_blocked(%arg0: !torch.vtensor<[2,7],si8>, %arg1: !torch.vtensor<[2,3],f32>, %arg2: !torch.vtensor<[2,3],si8>) -> !torch.vtensor<[2,7],f32> attributes {torch.onnx_meta.opset_version = 21 : si64} {
  // Each scale covers 3 consecutive elements; the last block is partial (7 = 3 + 3 + 1).
  // CHECK: %[[ZU:.*]] = torch.aten.unsqueeze %arg2, %int2 : !torch.vtensor<[2,3],si8>, !torch.int -> !torch.vtensor<[2,3,1],si8>
  // CHECK: %[[ZB:.*]] = torch.aten.broadcast_to %[[ZU]], %{{.*}} -> !torch.vtensor<[2,3,3],si8>
  // CHECK: %[[ZR:.*]] = torch.aten.reshape %[[ZB]], %{{.*}} -> !torch.vtensor<[2,9],si8>
  // CHECK: torch.aten.slice.Tensor %[[ZR]], %int1, %int0, %int7, %int1{{.*}} -> !torch.vtensor<[2,7],si8>
  // CHECK: torch.aten.sub.Tensor
  // CHECK: %[[SU:.*]] = torch.aten.unsqueeze %arg1
  // CHECK: torch.aten.broadcast_to %[[SU]]
  // CHECK: torch.aten.mul.Tensor {{.*}} : !torch.vtensor<[2,7],f32>, !torch.vtensor<[2,7],f32> -> !torch.vtensor<[2,7],f32>
  %0 = torch.operator "onnx.DequantizeLinear"(%arg0, %arg1, %arg2) {torch.onnx.axis = 1 : si64, torch.onnx.block_size = 3 : si64} : (!torch.vtensor<[2,7],si8>, !torch.vtensor<[2,3],f32>, !torch.vtensor<[2,3],si8>) -> !torch.vtensor<[2,7],f32>
  return %0 : !torch.vtensor<[2,7],f32>
}

// -----

// CHECK-LABEL: func.func @test_dequantizelinear_output_dtype
func.func @test_dequantizelinear_output_dtype(%arg0: !torch.vtensor<[4],ui8>, %arg1: !torch.vtensor<[1],f32>) -> !torch.vtensor<[4],bf16> attributes {torch.onnx_meta.opset_version = 23 : si64} {
  // A one-element scale is per tensor.
  // CHECK: %[[X:.*]] = torch.aten.to.dtype %arg0
  // CHECK: %[[S:.*]] = torch.aten.reshape %arg1, %{{.*}} : !torch.vtensor<[1],f32>, !torch.list<int> -> !torch.vtensor<[],f32>
  // CHECK: %[[Y:.*]] = torch.aten.mul.Tensor %[[X]], %[[S]]
  // CHECK: torch.aten.to.dtype %[[Y]], %int15, {{.*}} -> !torch.vtensor<[4],bf16>
  %0 = torch.operator "onnx.DequantizeLinear"(%arg0, %arg1) {torch.onnx.output_dtype = 16 : si64} : (!torch.vtensor<[4],ui8>, !torch.vtensor<[1],f32>) -> !torch.vtensor<[4],bf16>
  return %0 : !torch.vtensor<[4],bf16>
}

// -----

// CHECK-LABEL: func.func @test_dynamicquantizelinear
func.func @test_dynamicquantizelinear(%arg0: !torch.vtensor<[6],f32>) -> (!torch.vtensor<[6],ui8>, !torch.vtensor<[],f32>, !torch.vtensor<[],ui8>) attributes {torch.onnx_meta.opset_version = 11 : si64} {
  // CHECK: %[[MAX:.*]] = torch.aten.max %arg0
  // CHECK: %[[HI:.*]] = torch.aten.clamp_min %[[MAX]]
  // CHECK: %[[MIN:.*]] = torch.aten.min %arg0
  // CHECK: %[[LO:.*]] = torch.aten.clamp_max %[[MIN]]
  // CHECK: %[[SPAN:.*]] = torch.aten.sub.Tensor %[[HI]], %[[LO]]
  // CHECK: %[[EMPTY:.*]] = torch.aten.eq.Scalar %[[SPAN]]
  // CHECK: %[[SPAN1:.*]] = torch.aten.where.ScalarSelf %[[EMPTY]], %float1.000000e00, %[[SPAN]]
  // CHECK: %[[SCALE:.*]] = torch.aten.div.Scalar %[[SPAN1]], %float2.550000e02
  // CHECK: %[[Q:.*]] = torch.aten.div.Tensor %[[LO]], %[[SCALE]]
  // CHECK: %[[NQ:.*]] = torch.aten.neg %[[Q]]
  // CHECK: %[[ZC:.*]] = torch.aten.clamp %[[NQ]]
  // CHECK: %[[ZPF:.*]] = torch.aten.round %[[ZC]]
  // CHECK: %[[XS:.*]] = torch.aten.div.Tensor %arg0, %[[SCALE]]
  // CHECK: %[[XR:.*]] = torch.aten.round %[[XS]]
  // CHECK: %[[XZ:.*]] = torch.aten.add.Tensor %[[XR]], %[[ZPF]]
  // CHECK: %[[YC:.*]] = torch.aten.clamp %[[XZ]]
  // CHECK: %[[YI:.*]] = torch.aten.to.dtype %[[YC]], %int3{{.*}} -> !torch.vtensor<[6],si32>
  // CHECK: %[[Y:.*]] = torch.aten.to.dtype %[[YI]], %int0{{.*}} -> !torch.vtensor<[6],ui8>
  // CHECK: %[[ZI:.*]] = torch.aten.to.dtype %[[ZPF]], %int3{{.*}} -> !torch.vtensor<[],si32>
  // CHECK: %[[ZP:.*]] = torch.aten.to.dtype %[[ZI]], %int0{{.*}} -> !torch.vtensor<[],ui8>
  // CHECK: return %[[Y]], %[[SCALE]], %[[ZP]]
  %0:3 = torch.operator "onnx.DynamicQuantizeLinear"(%arg0) : (!torch.vtensor<[6],f32>) -> (!torch.vtensor<[6],ui8>, !torch.vtensor<[],f32>, !torch.vtensor<[],ui8>)
  return %0#0, %0#1, %0#2 : !torch.vtensor<[6],ui8>, !torch.vtensor<[],f32>, !torch.vtensor<[],ui8>
}

// -----

// float8 input: decoded to f32 like Cast (E4M3FN's NaN pattern kept as NaN), then scaled.
// CHECK-LABEL: func.func @test_dequantizelinear_float8
func.func @test_dequantizelinear_float8(%arg0: !torch.vtensor<[5],f8E4M3FN>, %arg1: !torch.vtensor<[],f32>) -> !torch.vtensor<[5],f32> attributes {torch.onnx_meta.opset_version = 19 : si64} {
  // CHECK: %[[X:.*]] = torch.aten.to.dtype %arg0, {{.*}} -> !torch.vtensor<[5],f32>
  // CHECK: torch.aten.eq.Scalar {{.*}}, %float4.800000e02
  // CHECK: %[[XN:.*]] = torch.aten.where.ScalarSelf
  // CHECK: torch.aten.mul.Tensor %[[XN]], %arg1 : !torch.vtensor<[5],f32>, !torch.vtensor<[],f32> -> !torch.vtensor<[5],f32>
  %0 = torch.operator "onnx.DequantizeLinear"(%arg0, %arg1) : (!torch.vtensor<[5],f8E4M3FN>, !torch.vtensor<[],f32>) -> !torch.vtensor<[5],f32>
  return %0 : !torch.vtensor<[5],f32>
}

// -----

// DequantizeLinear-25 per axis with a negative axis: granularity() normalizes it (shared with
// QuantizeLinear).
// CHECK-LABEL: func.func @test_dequantizelinear_v25_negative_axis
func.func @test_dequantizelinear_v25_negative_axis(%arg0: !torch.vtensor<[2,3],ui8>, %arg1: !torch.vtensor<[3],f32>) -> !torch.vtensor<[2,3],f32> attributes {torch.onnx_meta.opset_version = 25 : si64} {
  // CHECK: %[[X:.*]] = torch.aten.to.dtype %arg0
  // CHECK: %[[S:.*]] = torch.aten.reshape %arg1, %{{.*}} : !torch.vtensor<[3],f32>, !torch.list<int> -> !torch.vtensor<[1,3],f32>
  // CHECK: torch.aten.mul.Tensor %[[X]], %[[S]] : !torch.vtensor<[2,3],f32>, !torch.vtensor<[1,3],f32> -> !torch.vtensor<[2,3],f32>
  %0 = torch.operator "onnx.DequantizeLinear"(%arg0, %arg1) {torch.onnx.axis = -1 : si64} : (!torch.vtensor<[2,3],ui8>, !torch.vtensor<[3],f32>) -> !torch.vtensor<[2,3],f32>
  return %0 : !torch.vtensor<[2,3],f32>
}
