// RUN: %opt --split-input-file --convert-torch-onnx-to-torch %s | filecheck %s

// A divisor of 0 or -1 becomes 1 (remainder 0, no division trap).
// CHECK-LABEL: func.func @test_mod_int
func.func @test_mod_int(%arg0: !torch.vtensor<[6],si32>, %arg1: !torch.vtensor<[6],si32>) -> !torch.vtensor<[6],si32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: %[[ZERO:.*]] = torch.vtensor.literal(dense<0> : tensor<si32>)
  // CHECK: %[[ONE:.*]] = torch.vtensor.literal(dense<1> : tensor<si32>)
  // CHECK: %[[ODD:.*]] = torch.aten.logical_or
  // CHECK: %[[Y:.*]] = torch.aten.where.self %[[ODD]], %[[ONE]], %arg1
  // CHECK: %[[Q:.*]] = torch.aten.div.Tensor_mode %arg0, %[[Y]], %{{.*}} : !torch.vtensor<[6],si32>, !torch.vtensor<[6],si32>, !torch.str -> !torch.vtensor<[6],si32>
  // CHECK: %[[QY:.*]] = torch.aten.mul.Tensor %[[Q]], %[[Y]]
  // CHECK: %[[R:.*]] = torch.aten.sub.Tensor %arg0, %[[QY]], %{{.*}}
  // CHECK: %[[RN:.*]] = torch.aten.lt.Tensor %[[R]], %[[ZERO]] :
  // CHECK: %[[YN:.*]] = torch.aten.lt.Tensor %arg1, %[[ZERO]] :
  // CHECK: %[[D:.*]] = torch.aten.logical_xor %[[RN]], %[[YN]]
  // CHECK: %[[NZ:.*]] = torch.aten.ne.Tensor %[[R]], %[[ZERO]]
  // CHECK: %[[FIX:.*]] = torch.aten.logical_and %[[D]], %[[NZ]]
  // CHECK: %[[MOVED:.*]] = torch.aten.add.Tensor %[[R]], %arg1, %{{.*}}
  // CHECK: torch.aten.where.self %[[FIX]], %[[MOVED]], %[[R]] : {{.*}} -> !torch.vtensor<[6],si32>
  %0 = torch.operator "onnx.Mod"(%arg0, %arg1) : (!torch.vtensor<[6],si32>, !torch.vtensor<[6],si32>) -> !torch.vtensor<[6],si32>
  return %0 : !torch.vtensor<[6],si32>
}

// -----

// ui8 is computed in si32 (no ui8 constant, which TOSA cannot lower).
// CHECK-LABEL: func.func @test_mod_uint8
func.func @test_mod_uint8(%arg0: !torch.vtensor<[6],ui8>, %arg1: !torch.vtensor<[6],ui8>) -> !torch.vtensor<[6],ui8> attributes {torch.onnx_meta.opset_version = 10 : si64} {
  // CHECK-NOT: tensor<ui8>
  // CHECK: %[[X:.*]] = torch.aten.to.dtype %arg0, {{.*}} -> !torch.vtensor<[6],si32>
  // CHECK: %[[Y:.*]] = torch.aten.to.dtype %arg1, {{.*}} -> !torch.vtensor<[6],si32>
  // CHECK: %[[Q:.*]] = torch.aten.div.Tensor_mode %[[X]], {{.*}} -> !torch.vtensor<[6],si32>
  // CHECK: %[[R:.*]] = torch.aten.sub.Tensor %[[X]], {{.*}} -> !torch.vtensor<[6],si32>
  // CHECK: %[[U:.*]] = torch.aten.to.dtype %[[R]], {{.*}} -> !torch.vtensor<[6],ui8>
  // CHECK: return %[[U]]
  %0 = torch.operator "onnx.Mod"(%arg0, %arg1) : (!torch.vtensor<[6],ui8>, !torch.vtensor<[6],ui8>) -> !torch.vtensor<[6],ui8>
  return %0 : !torch.vtensor<[6],ui8>
}

// -----

// Unsigned: the division lowering divides signed, so x is halved by a logical shift first.
// CHECK-LABEL: func.func @test_mod_uint
func.func @test_mod_uint(%arg0: !torch.vtensor<[6],ui32>, %arg1: !torch.vtensor<[6],ui32>) -> !torch.vtensor<[6],ui32> attributes {torch.onnx_meta.opset_version = 10 : si64} {
  // CHECK: %[[TOP:.*]] = torch.aten.bitwise_right_shift.Tensor %arg1
  // CHECK: %[[HALF:.*]] = torch.aten.bitwise_right_shift.Tensor %arg0
  // CHECK: %[[Q:.*]] = torch.aten.div.Tensor_mode %[[HALF]]
  // CHECK: %[[Q2:.*]] = torch.aten.add.Tensor %[[Q]], %[[Q]]
  // CHECK: torch.aten.ge.Tensor
  // CHECK: %[[YZ:.*]] = torch.aten.eq.Tensor %arg1
  // CHECK-NEXT: torch.aten.where.self %[[YZ]], {{.*}} -> !torch.vtensor<[6],ui32>
  // CHECK-NEXT: return
  %0 = torch.operator "onnx.Mod"(%arg0, %arg1) {torch.onnx.fmod = 1 : si64} : (!torch.vtensor<[6],ui32>, !torch.vtensor<[6],ui32>) -> !torch.vtensor<[6],ui32>
  return %0 : !torch.vtensor<[6],ui32>
}

// -----

// f64: IREE has no f64 fmod; the remainder is computed on the integer mantissas.
// CHECK-LABEL: func.func @test_mod_f64
func.func @test_mod_f64(%arg0: !torch.vtensor<[6],f64>, %arg1: !torch.vtensor<[6],f64>) -> !torch.vtensor<[6],f64> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK-NOT: torch.aten.remainder
  // CHECK: torch.aten.view.dtype {{.*}} -> !torch.vtensor<[6],si64>
  // CHECK-COUNT-13: torch.aten.floor
  // CHECK: torch.aten.view.dtype {{.*}} -> !torch.vtensor<[6],f64>
  // CHECK: torch.aten.where.self {{.*}} -> !torch.vtensor<[6],f64>
  %0 = torch.operator "onnx.Mod"(%arg0, %arg1) {torch.onnx.fmod = 1 : si64} : (!torch.vtensor<[6],f64>, !torch.vtensor<[6],f64>) -> !torch.vtensor<[6],f64>
  return %0 : !torch.vtensor<[6],f64>
}

// -----

// CHECK-LABEL: func.func @test_mod_float_fmod
func.func @test_mod_float_fmod(%arg0: !torch.vtensor<[6],f32>, %arg1: !torch.vtensor<[6],f32>) -> !torch.vtensor<[6],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: %[[AX:.*]] = torch.aten.abs %arg0
  // CHECK: %[[AY:.*]] = torch.aten.abs %arg1
  // CHECK: %[[R:.*]] = torch.aten.remainder.Tensor %[[AX]], %[[AY]]
  // CHECK: %[[NEG:.*]] = torch.aten.lt.Scalar %arg0
  // CHECK: %[[NR:.*]] = torch.aten.neg %[[R]]
  // CHECK: torch.aten.where.self %[[NEG]], %[[NR]], %[[R]]
  %0 = torch.operator "onnx.Mod"(%arg0, %arg1) {torch.onnx.fmod = 1 : si64} : (!torch.vtensor<[6],f32>, !torch.vtensor<[6],f32>) -> !torch.vtensor<[6],f32>
  return %0 : !torch.vtensor<[6],f32>
}

// -----

// CHECK-LABEL: func.func @test_mod_float_floor_v28
func.func @test_mod_float_floor_v28(%arg0: !torch.vtensor<[6],f32>, %arg1: !torch.vtensor<[6],f32>) -> !torch.vtensor<[6],f32> attributes {torch.onnx_meta.opset_version = 28 : si64} {
  // CHECK: %[[R:.*]] = torch.aten.remainder.Tensor %arg0, %arg1
  // CHECK: %[[Z:.*]] = torch.aten.eq.Scalar %[[R]]
  // CHECK: %[[YN:.*]] = torch.aten.lt.Scalar %arg1
  // CHECK: %[[SZ:.*]] = torch.aten.where.self %[[YN]]
  // CHECK: torch.aten.where.self %[[Z]], %[[SZ]], %[[R]]
  %0 = torch.operator "onnx.Mod"(%arg0, %arg1) : (!torch.vtensor<[6],f32>, !torch.vtensor<[6],f32>) -> !torch.vtensor<[6],f32>
  return %0 : !torch.vtensor<[6],f32>
}
