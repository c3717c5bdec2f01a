// RUN: %opt --split-input-file --convert-torch-onnx-to-torch %s | filecheck %s

// CHECK-LABEL: func.func @test_cast_float_to_int
func.func @test_cast_float_to_int(%arg0: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],si32> attributes {torch.onnx_meta.opset_version = 19 : si64} {
  // CHECK: %[[DT:.*]] = torch.constant.int 3
  // CHECK: torch.aten.to.dtype %arg0, %[[DT]], %false, %false, %none : !torch.vtensor<[3],f32>, !torch.int, !torch.bool, !torch.bool, !torch.none -> !torch.vtensor<[3],si32>
  %0 = torch.operator "onnx.Cast"(%arg0) {torch.onnx.to = 6 : si64} : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],si32>
  return %0 : !torch.vtensor<[3],si32>
}

// -----

// Cast-1 names the target type as a string.
// CHECK-LABEL: func.func @test_cast_v1_string_to
func.func @test_cast_v1_string_to(%arg0: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f64> attributes {torch.onnx_meta.opset_version = 1 : si64} {
  // CHECK: %[[DT:.*]] = torch.constant.int 7
  // CHECK: torch.aten.to.dtype %arg0, %[[DT]], {{.*}} -> !torch.vtensor<[3],f64>
  %0 = torch.operator "onnx.Cast"(%arg0) {torch.onnx.to = "DOUBLE"} : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f64>
  return %0 : !torch.vtensor<[3],f64>
}

// -----

// CHECK-LABEL: func.func @test_cast_v6_int_to_bool
func.func @test_cast_v6_int_to_bool(%arg0: !torch.vtensor<[3],si64>) -> !torch.vtensor<[3],i1> attributes {torch.onnx_meta.opset_version = 6 : si64} {
  // CHECK: %[[DT:.*]] = torch.constant.int 11
  // CHECK: torch.aten.to.dtype %arg0, %[[DT]], {{.*}} -> !torch.vtensor<[3],i1>
  %0 = torch.operator "onnx.Cast"(%arg0) {torch.onnx.to = 9 : si64} : (!torch.vtensor<[3],si64>) -> !torch.vtensor<[3],i1>
  return %0 : !torch.vtensor<[3],i1>
}

// -----

// CHECK-LABEL: func.func @test_cast_same_type
func.func @test_cast_same_type(%arg0: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK-NOT: torch.aten.to.dtype
  // CHECK: return %arg0
  %0 = torch.operator "onnx.Cast"(%arg0) {torch.onnx.to = 1 : si64} : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}

// -----

// int -> bf16 goes through f32, kept apart by an exact + 0.0 (folded together they need a
// runtime helper IREE does not link).
// CHECK-LABEL: func.func @test_cast_int_to_bf16
func.func @test_cast_int_to_bf16(%arg0: !torch.vtensor<[3],si32>) -> !torch.vtensor<[3],bf16> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: %[[F:.*]] = torch.aten.to.dtype %arg0, {{.*}} -> !torch.vtensor<[3],f32>
  // CHECK: %[[Z:.*]] = torch.constant.float 0.000000e+00
  // CHECK: %[[A:.*]] = torch.aten.add.Scalar %[[F]], %[[Z]]
  // CHECK: %[[DT:.*]] = torch.constant.int 15
  // CHECK: torch.aten.to.dtype %[[A]], %[[DT]], {{.*}} -> !torch.vtensor<[3],bf16>
  %0 = torch.operator "onnx.Cast"(%arg0) {torch.onnx.to = 16 : si64} : (!torch.vtensor<[3],si32>) -> !torch.vtensor<[3],bf16>
  return %0 : !torch.vtensor<[3],bf16>
}

// -----

// saturate (default 1): clamp to the float8 range, NaN kept, via f32.
// CHECK-LABEL: func.func @test_cast_f16_to_f8_saturate
func.func @test_cast_f16_to_f8_saturate(%arg0: !torch.vtensor<[3],f16>) -> !torch.vtensor<[3],f8E4M3FN> attributes {torch.onnx_meta.opset_version = 19 : si64} {
  // CHECK: %[[F:.*]] = torch.aten.to.dtype %arg0, {{.*}} -> !torch.vtensor<[3],f32>
  // CHECK: %[[LO:.*]] = torch.constant.float -4.480000e+02
  // CHECK: %[[HI:.*]] = torch.constant.float 4.480000e+02
  // CHECK: %[[C:.*]] = torch.aten.clamp %[[F]], %[[LO]], %[[HI]]
  // CHECK: %[[NAN:.*]] = torch.aten.isnan %[[F]]
  // CHECK: %[[W:.*]] = torch.aten.where.self %[[NAN]], %[[F]], %[[C]]
  // CHECK: %[[DT:.*]] = torch.constant.int 24
  // CHECK: torch.aten.to.dtype %[[W]], %[[DT]], {{.*}} -> !torch.vtensor<[3],f8E4M3FN>
  %0 = torch.operator "onnx.Cast"(%arg0) {torch.onnx.to = 17 : si64} : (!torch.vtensor<[3],f16>) -> !torch.vtensor<[3],f8E4M3FN>
  return %0 : !torch.vtensor<[3],f8E4M3FN>
}

// -----

// CHECK-LABEL: func.func @test_cast_f32_to_f8_no_saturate
func.func @test_cast_f32_to_f8_no_saturate(%arg0: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f8E5M2> attributes {torch.onnx_meta.opset_version = 21 : si64} {
  // CHECK-NOT: torch.aten.clamp
  // CHECK: %[[DT:.*]] = torch.constant.int 23
  // CHECK: torch.aten.to.dtype %arg0, %[[DT]], {{.*}} -> !torch.vtensor<[3],f8E5M2>
  %0 = torch.operator "onnx.Cast"(%arg0) {torch.onnx.saturate = 0 : si64, torch.onnx.to = 19 : si64} : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f8E5M2>
  return %0 : !torch.vtensor<[3],f8E5M2>
}

// -----

// E4M3FN's NaN pattern is decoded as +-480 by the lowering; it is turned back into NaN.
// CHECK-LABEL: func.func @test_cast_e4m3fn_to_f16
func.func @test_cast_e4m3fn_to_f16(%arg0: !torch.vtensor<[3],f8E4M3FN>) -> !torch.vtensor<[3],f16> attributes {torch.onnx_meta.opset_version = 25 : si64} {
  // CHECK: %[[F:.*]] = torch.aten.to.dtype %arg0, {{.*}} -> !torch.vtensor<[3],f32>
  // CHECK: %[[ABS:.*]] = torch.aten.abs %[[F]]
  // CHECK: %[[V:.*]] = torch.constant.float 4.800000e+02
  // CHECK: %[[BAD:.*]] = torch.aten.eq.Scalar %[[ABS]], %[[V]]
  // CHECK: %[[NAN:.*]] = torch.constant.float 0x7FF8000000000000
  // CHECK: %[[W:.*]] = torch.aten.where.ScalarSelf %[[BAD]], %[[NAN]], %[[F]]
  // CHECK: torch.aten.to.dtype %[[W]], {{.*}} -> !torch.vtensor<[3],f16>
  %0 = torch.operator "onnx.Cast"(%arg0) {torch.onnx.to = 10 : si64} : (!torch.vtensor<[3],f8E4M3FN>) -> !torch.vtensor<[3],f16>
  return %0 : !torch.vtensor<[3],f16>
}

// -----

// CHECK-LABEL: func.func @test_cast_e5m2fnuz_to_f32
func.func @test_cast_e5m2fnuz_to_f32(%arg0: !torch.vtensor<[3],f8E5M2FNUZ>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 28 : si64} {
  // CHECK: %[[DT:.*]] = torch.constant.int 6
  // CHECK: torch.aten.to.dtype %arg0, %[[DT]], {{.*}} -> !torch.vtensor<[3],f32>
  // CHECK-NOT: torch.aten.where
  %0 = torch.operator "onnx.Cast"(%arg0) {torch.onnx.to = 1 : si64} : (!torch.vtensor<[3],f8E5M2FNUZ>) -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}

// -----

// CHECK-LABEL: func.func @test_castlike
func.func @test_castlike(%arg0: !torch.vtensor<[3],f32>, %arg1: !torch.vtensor<[1],f16>) -> !torch.vtensor<[3],f16> attributes {torch.onnx_meta.opset_version = 15 : si64} {
  // CHECK: %[[DT:.*]] = torch.constant.int 5
  // CHECK: torch.aten.to.dtype %arg0, %[[DT]], {{.*}} -> !torch.vtensor<[3],f16>
  %0 = torch.operator "onnx.CastLike"(%arg0, %arg1) : (!torch.vtensor<[3],f32>, !torch.vtensor<[1],f16>) -> !torch.vtensor<[3],f16>
  return %0 : !torch.vtensor<[3],f16>
}

// -----

// CHECK-LABEL: func.func @test_castlike_f8_saturate
func.func @test_castlike_f8_saturate(%arg0: !torch.vtensor<[3],f32>, %arg1: !torch.vtensor<[1],f8E4M3FNUZ>) -> !torch.vtensor<[3],f8E4M3FNUZ> attributes {torch.onnx_meta.opset_version = 19 : si64} {
  // CHECK: %[[LO:.*]] = torch.constant.float -2.400000e+02
  // CHECK: %[[HI:.*]] = torch.constant.float 2.400000e+02
  // CHECK: %[[C:.*]] = torch.aten.clamp %arg0, %[[LO]], %[[HI]]
  // CHECK: %[[NAN:.*]] = torch.aten.isnan %arg0
  // CHECK: %[[W:.*]] = torch.aten.where.self %[[NAN]], %arg0, %[[C]]
  // CHECK: %[[DT:.*]] = torch.constant.int 26
  // CHECK: torch.aten.to.dtype %[[W]], %[[DT]], {{.*}} -> !torch.vtensor<[3],f8E4M3FNUZ>
  %0 = torch.operator "onnx.CastLike"(%arg0, %arg1) {torch.onnx.saturate = 1 : si64} : (!torch.vtensor<[3],f32>, !torch.vtensor<[1],f8E4M3FNUZ>) -> !torch.vtensor<[3],f8E4M3FNUZ>
  return %0 : !torch.vtensor<[3],f8E4M3FNUZ>
}

// -----

// float -> ui8 goes through si32: the lowering converts float -> ui8 as signed.
// CHECK-LABEL: func.func @test_cast_float_to_uint8
func.func @test_cast_float_to_uint8(%arg0: !torch.vtensor<[3],f16>) -> !torch.vtensor<[3],ui8> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: %[[I:.*]] = torch.aten.to.dtype %arg0, {{.*}} -> !torch.vtensor<[3],si32>
  // CHECK: %[[DT:.*]] = torch.constant.int 0
  // CHECK: torch.aten.to.dtype %[[I]], %[[DT]], {{.*}} -> !torch.vtensor<[3],ui8>
  %0 = torch.operator "onnx.Cast"(%arg0) {torch.onnx.to = 2 : si64} : (!torch.vtensor<[3],f16>) -> !torch.vtensor<[3],ui8>
  return %0 : !torch.vtensor<[3],ui8>
}

// -----

// f64 -> float8 rounds to f32 first, as the ONNX reference implementation and onnxruntime do.
// CHECK-LABEL: func.func @test_cast_f64_to_f8
func.func @test_cast_f64_to_f8(%arg0: !torch.vtensor<[3],f64>) -> !torch.vtensor<[3],f8E5M2> attributes {torch.onnx_meta.opset_version = 19 : si64} {
  // CHECK: %[[F:.*]] = torch.aten.to.dtype %arg0, {{.*}} -> !torch.vtensor<[3],f32>
  // CHECK: %[[C:.*]] = torch.aten.clamp %[[F]]
  // CHECK: %[[W:.*]] = torch.aten.where.self %{{.*}}, %[[F]], %[[C]]
  // CHECK: torch.aten.to.dtype %[[W]], {{.*}} -> !torch.vtensor<[3],f8E5M2>
  %0 = torch.operator "onnx.Cast"(%arg0) {torch.onnx.to = 19 : si64} : (!torch.vtensor<[3],f64>) -> !torch.vtensor<[3],f8E5M2>
  return %0 : !torch.vtensor<[3],f8E5M2>
}
