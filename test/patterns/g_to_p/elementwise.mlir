// RUN: %opt --split-input-file --convert-torch-onnx-to-torch %s | filecheck %s

// CHECK-LABEL: func.func @test_greater
func.func @test_greater(%arg0: !torch.vtensor<[3],f32>, %arg1: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],i1> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: torch.aten.gt.Tensor %arg0, %arg1 : !torch.vtensor<[3],f32>, !torch.vtensor<[3],f32> -> !torch.vtensor<[3],i1>
  %0 = torch.operator "onnx.Greater"(%arg0, %arg1) : (!torch.vtensor<[3],f32>, !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],i1>
  return %0 : !torch.vtensor<[3],i1>
}

// -----

// CHECK-LABEL: func.func @test_identity
func.func @test_identity(%arg0: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 21 : si64} {
  // CHECK-NOT: torch.operator
  // CHECK: return %arg0
  %0 = torch.operator "onnx.Identity"(%arg0) : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}

// -----

// CHECK-LABEL: func.func @test_less
func.func @test_less(%arg0: !torch.vtensor<[3],si32>, %arg1: !torch.vtensor<[3],si32>) -> !torch.vtensor<[3],i1> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: torch.aten.lt.Tensor %arg0, %arg1
  %0 = torch.operator "onnx.Less"(%arg0, %arg1) : (!torch.vtensor<[3],si32>, !torch.vtensor<[3],si32>) -> !torch.vtensor<[3],i1>
  return %0 : !torch.vtensor<[3],i1>
}

// -----

// CHECK-LABEL: func.func @test_log
func.func @test_log(%arg0: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: torch.aten.log %arg0
  %0 = torch.operator "onnx.Log"(%arg0) : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}

// -----

// CHECK-LABEL: func.func @test_mul
func.func @test_mul(%arg0: !torch.vtensor<[3,4],si64>, %arg1: !torch.vtensor<[],si64>) -> !torch.vtensor<[3,4],si64> attributes {torch.onnx_meta.opset_version = 14 : si64} {
  // CHECK: torch.aten.mul.Tensor %arg0, %arg1 : !torch.vtensor<[3,4],si64>, !torch.vtensor<[],si64> -> !torch.vtensor<[3,4],si64>
  %0 = torch.operator "onnx.Mul"(%arg0, %arg1) : (!torch.vtensor<[3,4],si64>, !torch.vtensor<[],si64>) -> !torch.vtensor<[3,4],si64>
  return %0 : !torch.vtensor<[3,4],si64>
}

// -----

// CHECK-LABEL: func.func @test_neg
func.func @test_neg(%arg0: !torch.vtensor<[3],si8>) -> !torch.vtensor<[3],si8> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: torch.aten.neg %arg0
  %0 = torch.operator "onnx.Neg"(%arg0) : (!torch.vtensor<[3],si8>) -> !torch.vtensor<[3],si8>
  return %0 : !torch.vtensor<[3],si8>
}

// -----

// CHECK-LABEL: func.func @test_pow
func.func @test_pow(%arg0: !torch.vtensor<[3],f32>, %arg1: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 15 : si64} {
  // CHECK: torch.aten.pow.Tensor_Tensor %arg0, %arg1 : !torch.vtensor<[3],f32>, !torch.vtensor<[3],f32> -> !torch.vtensor<[3],f32>
  %0 = torch.operator "onnx.Pow"(%arg0, %arg1) : (!torch.vtensor<[3],f32>, !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}

// -----

// Mixed dtypes: computed in torch's promoted type, then cast back to the base's type.
// CHECK-LABEL: func.func @test_pow_int_base_float_exponent
func.func @test_pow_int_base_float_exponent(%arg0: !torch.vtensor<[3],si64>, %arg1: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],si64> attributes {torch.onnx_meta.opset_version = 15 : si64} {
  // CHECK: %[[P:.*]] = torch.aten.pow.Tensor_Tensor %arg0, %arg1 : !torch.vtensor<[3],si64>, !torch.vtensor<[3],f32> -> !torch.vtensor<[3],f32>
  // CHECK: %[[DT:.*]] = torch.constant.int 4
  // CHECK: torch.aten.to.dtype %[[P]], %[[DT]], {{.*}} -> !torch.vtensor<[3],si64>
  %0 = torch.operator "onnx.Pow"(%arg0, %arg1) : (!torch.vtensor<[3],si64>, !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],si64>
  return %0 : !torch.vtensor<[3],si64>
}

// -----

// CHECK-LABEL: func.func @test_greater_legacy_broadcast
func.func @test_greater_legacy_broadcast(%arg0: !torch.vtensor<[2,3,4],f32>, %arg1: !torch.vtensor<[3],f32>) -> !torch.vtensor<[2,3,4],i1> attributes {torch.onnx_meta.opset_version = 1 : si64} {
  // CHECK: %[[U:.*]] = torch.aten.unsqueeze %arg1, %{{.*}} : !torch.vtensor<[3],f32>, !torch.int -> !torch.vtensor<[3,1],f32>
  // CHECK: torch.aten.gt.Tensor %arg0, %[[U]] : !torch.vtensor<[2,3,4],f32>, !torch.vtensor<[3,1],f32> -> !torch.vtensor<[2,3,4],i1>
  %0 = torch.operator "onnx.Greater"(%arg0, %arg1) {torch.onnx.axis = 1 : si64, torch.onnx.broadcast = 1 : si64} : (!torch.vtensor<[2,3,4],f32>, !torch.vtensor<[3],f32>) -> !torch.vtensor<[2,3,4],i1>
  return %0 : !torch.vtensor<[2,3,4],i1>
}

// -----

// CHECK-LABEL: func.func @test_greater_or_equal_uint16
func.func @test_greater_or_equal_uint16(%arg0: !torch.vtensor<[3],ui16>, %arg1: !torch.vtensor<[3],ui16>) -> !torch.vtensor<[3],i1> attributes {torch.onnx_meta.opset_version = 16 : si64} {
  // CHECK: torch.aten.ge.Tensor %arg0, %arg1 : !torch.vtensor<[3],ui16>, !torch.vtensor<[3],ui16> -> !torch.vtensor<[3],i1>
  %0 = torch.operator "onnx.GreaterOrEqual"(%arg0, %arg1) : (!torch.vtensor<[3],ui16>, !torch.vtensor<[3],ui16>) -> !torch.vtensor<[3],i1>
  return %0 : !torch.vtensor<[3],i1>
}

// -----

// CHECK-LABEL: func.func @test_less_or_equal
func.func @test_less_or_equal(%arg0: !torch.vtensor<[3,4],si32>, %arg1: !torch.vtensor<[4],si32>) -> !torch.vtensor<[3,4],i1> attributes {torch.onnx_meta.opset_version = 12 : si64} {
  // CHECK: torch.aten.le.Tensor %arg0, %arg1 : !torch.vtensor<[3,4],si32>, !torch.vtensor<[4],si32> -> !torch.vtensor<[3,4],i1>
  %0 = torch.operator "onnx.LessOrEqual"(%arg0, %arg1) : (!torch.vtensor<[3,4],si32>, !torch.vtensor<[4],si32>) -> !torch.vtensor<[3,4],i1>
  return %0 : !torch.vtensor<[3,4],i1>
}

// -----

// CHECK-LABEL: func.func @test_isinf
func.func @test_isinf(%arg0: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],i1> attributes {torch.onnx_meta.opset_version = 20 : si64} {
  // CHECK: torch.aten.isinf %arg0 : !torch.vtensor<[3],f32> -> !torch.vtensor<[3],i1>
  // CHECK-NOT: torch.aten.logical_and
  %0 = torch.operator "onnx.IsInf"(%arg0) : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],i1>
  return %0 : !torch.vtensor<[3],i1>
}

// -----

// CHECK-LABEL: func.func @test_isinf_negative
func.func @test_isinf_negative(%arg0: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],i1> attributes {torch.onnx_meta.opset_version = 10 : si64} {
  // CHECK: %[[INF:.*]] = torch.aten.isinf %arg0
  // CHECK: %[[NEG:.*]] = torch.aten.lt.Scalar %arg0, %{{.*}} : !torch.vtensor<[3],f32>, !torch.float -> !torch.vtensor<[3],i1>
  // CHECK: torch.aten.logical_and %[[INF]], %[[NEG]]
  %0 = torch.operator "onnx.IsInf"(%arg0) {torch.onnx.detect_positive = 0 : si64} : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],i1>
  return %0 : !torch.vtensor<[3],i1>
}

// -----

// CHECK-LABEL: func.func @test_isnan
func.func @test_isnan(%arg0: !torch.vtensor<[3],f16>) -> !torch.vtensor<[3],i1> attributes {torch.onnx_meta.opset_version = 20 : si64} {
  // CHECK: torch.aten.isnan %arg0 : !torch.vtensor<[3],f16> -> !torch.vtensor<[3],i1>
  %0 = torch.operator "onnx.IsNaN"(%arg0) : (!torch.vtensor<[3],f16>) -> !torch.vtensor<[3],i1>
  return %0 : !torch.vtensor<[3],i1>
}

// -----

// NaN in the first operand is put back with aten.where (the lowering's select drops it).
// CHECK-LABEL: func.func @test_max_three_inputs
func.func @test_max_three_inputs(%arg0: !torch.vtensor<[3],f32>, %arg1: !torch.vtensor<[2,3],f32>, %arg2: !torch.vtensor<[1],f32>) -> !torch.vtensor<[2,3],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: %[[M0:.*]] = torch.aten.maximum %arg0, %arg1 : !torch.vtensor<[3],f32>, !torch.vtensor<[2,3],f32> -> !torch.vtensor<[2,3],f32>
  // CHECK: %[[N0:.*]] = torch.aten.isnan %arg0 : !torch.vtensor<[3],f32> -> !torch.vtensor<[3],i1>
  // CHECK: %[[W0:.*]] = torch.aten.where.self %[[N0]], %arg0, %[[M0]]
  // CHECK: %[[M1:.*]] = torch.aten.maximum %[[W0]], %arg2
  // CHECK: %[[N1:.*]] = torch.aten.isnan %[[W0]]
  // CHECK: torch.aten.where.self %[[N1]], %[[W0]], %[[M1]] : {{.*}} -> !torch.vtensor<[2,3],f32>
  %0 = torch.operator "onnx.Max"(%arg0, %arg1, %arg2) : (!torch.vtensor<[3],f32>, !torch.vtensor<[2,3],f32>, !torch.vtensor<[1],f32>) -> !torch.vtensor<[2,3],f32>
  return %0 : !torch.vtensor<[2,3],f32>
}

// -----

// CHECK-LABEL: func.func @test_max_one_input
func.func @test_max_one_input(%arg0: !torch.vtensor<[3],ui32>) -> !torch.vtensor<[3],ui32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: return %arg0
  %0 = torch.operator "onnx.Max"(%arg0) : (!torch.vtensor<[3],ui32>) -> !torch.vtensor<[3],ui32>
  return %0 : !torch.vtensor<[3],ui32>
}

// -----

// CHECK-LABEL: func.func @test_min_int
func.func @test_min_int(%arg0: !torch.vtensor<[3],ui64>, %arg1: !torch.vtensor<[3],ui64>) -> !torch.vtensor<[3],ui64> attributes {torch.onnx_meta.opset_version = 12 : si64} {
  // CHECK: torch.aten.minimum %arg0, %arg1 : !torch.vtensor<[3],ui64>, !torch.vtensor<[3],ui64> -> !torch.vtensor<[3],ui64>
  // CHECK-NOT: isnan
  %0 = torch.operator "onnx.Min"(%arg0, %arg1) : (!torch.vtensor<[3],ui64>, !torch.vtensor<[3],ui64>) -> !torch.vtensor<[3],ui64>
  return %0 : !torch.vtensor<[3],ui64>
}

// -----

// CHECK-LABEL: func.func @test_mean
func.func @test_mean(%arg0: !torch.vtensor<[3],f32>, %arg1: !torch.vtensor<[3],f32>, %arg2: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 8 : si64} {
  // CHECK: %[[S0:.*]] = torch.aten.add.Tensor %arg0, %arg1, %{{.*}}
  // CHECK: %[[S1:.*]] = torch.aten.add.Tensor %[[S0]], %arg2, %{{.*}}
  // CHECK: %[[N:.*]] = torch.constant.int 3
  // CHECK: torch.aten.div.Scalar %[[S1]], %[[N]] : !torch.vtensor<[3],f32>, !torch.int -> !torch.vtensor<[3],f32>
  %0 = torch.operator "onnx.Mean"(%arg0, %arg1, %arg2) : (!torch.vtensor<[3],f32>, !torch.vtensor<[3],f32>, !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}

// -----

// CHECK-LABEL: func.func @test_not
func.func @test_not(%arg0: !torch.vtensor<[3,4],i1>) -> !torch.vtensor<[3,4],i1> attributes {torch.onnx_meta.opset_version = 1 : si64} {
  // CHECK: torch.aten.logical_not %arg0 : !torch.vtensor<[3,4],i1> -> !torch.vtensor<[3,4],i1>
  %0 = torch.operator "onnx.Not"(%arg0) : (!torch.vtensor<[3,4],i1>) -> !torch.vtensor<[3,4],i1>
  return %0 : !torch.vtensor<[3,4],i1>
}

// -----

// CHECK-LABEL: func.func @test_or_bcast
func.func @test_or_bcast(%arg0: !torch.vtensor<[3,4],i1>, %arg1: !torch.vtensor<[4],i1>) -> !torch.vtensor<[3,4],i1> attributes {torch.onnx_meta.opset_version = 7 : si64} {
  // CHECK: torch.aten.logical_or %arg0, %arg1 : !torch.vtensor<[3,4],i1>, !torch.vtensor<[4],i1> -> !torch.vtensor<[3,4],i1>
  %0 = torch.operator "onnx.Or"(%arg0, %arg1) : (!torch.vtensor<[3,4],i1>, !torch.vtensor<[4],i1>) -> !torch.vtensor<[3,4],i1>
  return %0 : !torch.vtensor<[3,4],i1>
}

// -----

// Integer Pow: one squaring per exponent bit (int8 exponent: 8 bits), no aten.pow.
// CHECK-LABEL: func.func @test_pow_int_int
func.func @test_pow_int_int(%arg0: !torch.vtensor<[3],si32>, %arg1: !torch.vtensor<[3],si8>) -> !torch.vtensor<[3],si32> attributes {torch.onnx_meta.opset_version = 15 : si64} {
  // CHECK-NOT: torch.aten.pow
  // CHECK: %[[B0:.*]] = torch.aten.bitwise_and.Tensor %arg1
  // CHECK: %[[S0:.*]] = torch.aten.ne.Tensor %[[B0]]
  // CHECK: %[[F0:.*]] = torch.aten.where.self %[[S0]], %arg0
  // CHECK: %[[P1:.*]] = torch.aten.mul.Tensor %arg0, %arg0
  // CHECK-COUNT-6: torch.aten.bitwise_and.Tensor
  // CHECK: torch.vtensor.literal(dense<-128> : tensor<si8>)
  // CHECK: torch.aten.mul.Tensor {{.*}} -> !torch.vtensor<[3],si32>
  // CHECK-NEXT: return
  %0 = torch.operator "onnx.Pow"(%arg0, %arg1) : (!torch.vtensor<[3],si32>, !torch.vtensor<[3],si8>) -> !torch.vtensor<[3],si32>
  return %0 : !torch.vtensor<[3],si32>
}

// -----

// A constant exponent folds the square-and-multiply: x^3 = x * x^2.
// CHECK-LABEL: func.func @test_pow_int_const
func.func @test_pow_int_const(%arg0: !torch.vtensor<[3],si64>) -> !torch.vtensor<[3],si64> attributes {torch.onnx_meta.opset_version = 15 : si64} {
  // CHECK: %[[SQ:.*]] = torch.aten.mul.Tensor %arg0, %arg0
  // CHECK: %[[CUBE:.*]] = torch.aten.mul.Tensor %arg0, %[[SQ]]
  // CHECK-NEXT: return %[[CUBE]]
  %e = torch.vtensor.literal(dense<3> : tensor<si64>) : !torch.vtensor<[],si64>
  %0 = torch.operator "onnx.Pow"(%arg0, %e) : (!torch.vtensor<[3],si64>, !torch.vtensor<[],si64>) -> !torch.vtensor<[3],si64>
  return %0 : !torch.vtensor<[3],si64>
}

// -----

// CHECK-LABEL: func.func @test_pow_float_uint
func.func @test_pow_float_uint(%arg0: !torch.vtensor<[3],f32>, %arg1: !torch.vtensor<[3],ui32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 15 : si64} {
  // CHECK: %[[E:.*]] = torch.aten.to.dtype %arg1, {{.*}} -> !torch.vtensor<[3],f32>
  // CHECK: torch.aten.pow.Tensor_Tensor %arg0, %[[E]] : !torch.vtensor<[3],f32>, !torch.vtensor<[3],f32> -> !torch.vtensor<[3],f32>
  %0 = torch.operator "onnx.Pow"(%arg0, %arg1) : (!torch.vtensor<[3],f32>, !torch.vtensor<[3],ui32>) -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}
