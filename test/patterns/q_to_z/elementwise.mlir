// RUN: %opt --split-input-file --convert-torch-onnx-to-torch %s | filecheck %s

// CHECK-LABEL: func.func @test_reciprocal
func.func @test_reciprocal(%arg0: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: torch.aten.reciprocal %arg0
  %0 = torch.operator "onnx.Reciprocal"(%arg0) : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}

// -----

// CHECK-LABEL: func.func @test_sin
func.func @test_sin(%arg0: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 7 : si64} {
  // CHECK: torch.aten.sin %arg0
  %0 = torch.operator "onnx.Sin"(%arg0) : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}

// -----

// CHECK-LABEL: func.func @test_sqrt
func.func @test_sqrt(%arg0: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: torch.aten.sqrt %arg0
  %0 = torch.operator "onnx.Sqrt"(%arg0) : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}

// -----

// CHECK-LABEL: func.func @test_sub
func.func @test_sub(%arg0: !torch.vtensor<[3],f32>, %arg1: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 14 : si64} {
  // CHECK: %[[ONE:.*]] = torch.constant.int 1
  // CHECK: torch.aten.sub.Tensor %arg0, %arg1, %[[ONE]]
  %0 = torch.operator "onnx.Sub"(%arg0, %arg1) : (!torch.vtensor<[3],f32>, !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}

// -----

// CHECK-LABEL: func.func @test_tanh
func.func @test_tanh(%arg0: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: torch.aten.tanh %arg0
  %0 = torch.operator "onnx.Tanh"(%arg0) : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}

// -----

// CHECK-LABEL: func.func @test_round
func.func @test_round(%arg0: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 22 : si64} {
  // CHECK: torch.aten.round %arg0 : !torch.vtensor<[3],f32> -> !torch.vtensor<[3],f32>
  %0 = torch.operator "onnx.Round"(%arg0) : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}

// -----

// CHECK-LABEL: func.func @test_sign
func.func @test_sign(%arg0: !torch.vtensor<[3],si32>) -> !torch.vtensor<[3],si32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: torch.aten.sign %arg0 : !torch.vtensor<[3],si32> -> !torch.vtensor<[3],si32>
  %0 = torch.operator "onnx.Sign"(%arg0) : (!torch.vtensor<[3],si32>) -> !torch.vtensor<[3],si32>
  return %0 : !torch.vtensor<[3],si32>
}

// -----

// CHECK-LABEL: func.func @test_sign_float
func.func @test_sign_float(%arg0: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: %[[S:.*]] = torch.aten.sign %arg0
  // CHECK: %[[NAN:.*]] = torch.aten.isnan %arg0
  // CHECK: torch.aten.where.self %[[NAN]], %arg0, %[[S]]
  %0 = torch.operator "onnx.Sign"(%arg0) : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}

// -----

// CHECK-LABEL: func.func @test_sign_unsigned
func.func @test_sign_unsigned(%arg0: !torch.vtensor<[3],ui32>) -> !torch.vtensor<[3],ui32> attributes {torch.onnx_meta.opset_version = 9 : si64} {
  // CHECK: %[[Z:.*]] = torch.vtensor.literal(dense<0> : tensor<ui32>)
  // CHECK: %[[NZ:.*]] = torch.aten.ne.Tensor %arg0, %[[Z]]
  // CHECK: %[[ONE:.*]] = torch.vtensor.literal(dense<1> : tensor<ui32>)
  // CHECK: torch.aten.where.self %[[NZ]], %[[ONE]], %[[Z]] : {{.*}} -> !torch.vtensor<[3],ui32>
  %0 = torch.operator "onnx.Sign"(%arg0) : (!torch.vtensor<[3],ui32>) -> !torch.vtensor<[3],ui32>
  return %0 : !torch.vtensor<[3],ui32>
}

// -----

// CHECK-LABEL: func.func @test_sinh
func.func @test_sinh(%arg0: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 22 : si64} {
  // CHECK: torch.aten.sinh %arg0
  %0 = torch.operator "onnx.Sinh"(%arg0) : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}

// -----

// CHECK-LABEL: func.func @test_sum
func.func @test_sum(%arg0: !torch.vtensor<[3],f32>, %arg1: !torch.vtensor<[2,1],f32>) -> !torch.vtensor<[2,3],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: torch.aten.add.Tensor %arg0, %arg1, %{{.*}} : !torch.vtensor<[3],f32>, !torch.vtensor<[2,1],f32>, !torch.int -> !torch.vtensor<[2,3],f32>
  %0 = torch.operator "onnx.Sum"(%arg0, %arg1) : (!torch.vtensor<[3],f32>, !torch.vtensor<[2,1],f32>) -> !torch.vtensor<[2,3],f32>
  return %0 : !torch.vtensor<[2,3],f32>
}

// -----

// CHECK-LABEL: func.func @test_tan
func.func @test_tan(%arg0: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 7 : si64} {
  // CHECK: torch.aten.tan %arg0
  %0 = torch.operator "onnx.Tan"(%arg0) : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}

// -----

// CHECK-LABEL: func.func @test_where
func.func @test_where(%arg0: !torch.vtensor<[2,1],i1>, %arg1: !torch.vtensor<[3],ui16>, %arg2: !torch.vtensor<[],ui16>) -> !torch.vtensor<[2,3],ui16> attributes {torch.onnx_meta.opset_version = 16 : si64} {
  // CHECK: torch.aten.where.self %arg0, %arg1, %arg2 : !torch.vtensor<[2,1],i1>, !torch.vtensor<[3],ui16>, !torch.vtensor<[],ui16> -> !torch.vtensor<[2,3],ui16>
  %0 = torch.operator "onnx.Where"(%arg0, %arg1, %arg2) : (!torch.vtensor<[2,1],i1>, !torch.vtensor<[3],ui16>, !torch.vtensor<[],ui16>) -> !torch.vtensor<[2,3],ui16>
  return %0 : !torch.vtensor<[2,3],ui16>
}

// -----

// CHECK-LABEL: func.func @test_xor_legacy_broadcast
func.func @test_xor_legacy_broadcast(%arg0: !torch.vtensor<[3,4],i1>, %arg1: !torch.vtensor<[3],i1>) -> !torch.vtensor<[3,4],i1> attributes {torch.onnx_meta.opset_version = 1 : si64} {
  // CHECK: %[[U:.*]] = torch.aten.unsqueeze %arg1
  // CHECK: torch.aten.logical_xor %arg0, %[[U]] : !torch.vtensor<[3,4],i1>, !torch.vtensor<[3,1],i1> -> !torch.vtensor<[3,4],i1>
  %0 = torch.operator "onnx.Xor"(%arg0, %arg1) {torch.onnx.axis = 0 : si64, torch.onnx.broadcast = 1 : si64} : (!torch.vtensor<[3,4],i1>, !torch.vtensor<[3],i1>) -> !torch.vtensor<[3,4],i1>
  return %0 : !torch.vtensor<[3,4],i1>
}
