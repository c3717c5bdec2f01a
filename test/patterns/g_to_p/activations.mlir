// RUN: %opt --split-input-file --convert-torch-onnx-to-torch %s | filecheck %s

// CHECK-LABEL: func.func @test_gelu
func.func @test_gelu(%arg0: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 20 : si64} {
  // CHECK: %[[MODE:.*]] = torch.constant.str "none"
  // CHECK: torch.aten.gelu %arg0, %[[MODE]] : !torch.vtensor<[3],f32>, !torch.str -> !torch.vtensor<[3],f32>
  %0 = torch.operator "onnx.Gelu"(%arg0) : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}

// -----

// CHECK-LABEL: func.func @test_gelu_tanh
func.func @test_gelu_tanh(%arg0: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 20 : si64} {
  // CHECK: %[[SQ:.*]] = torch.aten.mul.Tensor %arg0, %arg0
  // CHECK: %[[CUBE:.*]] = torch.aten.mul.Tensor %[[SQ]], %arg0
  // CHECK: %[[K:.*]] = torch.constant.float 4.471500e-02
  // CHECK: %[[IN:.*]] = torch.aten.add.Tensor %arg0, %[[CUBE]], %[[K]]
  // CHECK: %[[Z:.*]] = torch.aten.mul.Scalar %[[IN]]
  // CHECK: %[[S:.*]] = torch.aten.sigmoid %[[Z]]
  // CHECK: torch.aten.mul.Tensor %arg0, %[[S]]
  %0 = torch.operator "onnx.Gelu"(%arg0) {torch.onnx.approximate = "tanh"} : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}

// -----

// CHECK-LABEL: func.func @test_hardsigmoid
func.func @test_hardsigmoid(%arg0: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 6 : si64} {
  // CHECK: %[[A:.*]] = torch.constant.float 5.000000e-01
  // CHECK: %[[M:.*]] = torch.aten.mul.Scalar %arg0, %[[A]]
  // CHECK: %[[B:.*]] = torch.constant.float 0.6000000
  // CHECK: %[[S:.*]] = torch.aten.add.Scalar %[[M]], %[[B]]
  // CHECK: torch.aten.clamp %[[S]], %{{.*}}, %{{.*}} : !torch.vtensor<[3],f32>, !torch.float, !torch.float -> !torch.vtensor<[3],f32>
  %0 = torch.operator "onnx.HardSigmoid"(%arg0) {torch.onnx.alpha = 5.000000e-01 : f32, torch.onnx.beta = 6.000000e-01 : f32} : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}

// -----

// CHECK-LABEL: func.func @test_hardswish
func.func @test_hardswish(%arg0: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 14 : si64} {
  // CHECK: torch.aten.hardswish %arg0
  %0 = torch.operator "onnx.HardSwish"(%arg0) : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}

// -----

// CHECK-LABEL: func.func @test_hardmax
func.func @test_hardmax(%arg0: !torch.vtensor<[2,3,4],f32>) -> !torch.vtensor<[2,3,4],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: %[[AX:.*]] = torch.constant.int 1
  // CHECK: %[[I:.*]] = torch.aten.argmax %arg0, %[[AX]], %{{.*}} : !torch.vtensor<[2,3,4],f32>, !torch.int, !torch.bool -> !torch.vtensor<[2,1,4],si64>
  // CHECK: %[[R:.*]] = torch.aten.arange {{.*}} -> !torch.vtensor<[3],si64>
  // CHECK: %[[R2:.*]] = torch.aten.reshape %[[R]], {{.*}} -> !torch.vtensor<[3,1],si64>
  // CHECK: %[[HOT:.*]] = torch.aten.eq.Tensor %[[R2]], %[[I]] : {{.*}} -> !torch.vtensor<[2,3,4],i1>
  // CHECK: torch.aten.to.dtype %[[HOT]], {{.*}} -> !torch.vtensor<[2,3,4],f32>
  %0 = torch.operator "onnx.Hardmax"(%arg0) {torch.onnx.axis = 1 : si64} : (!torch.vtensor<[2,3,4],f32>) -> !torch.vtensor<[2,3,4],f32>
  return %0 : !torch.vtensor<[2,3,4],f32>
}

// -----

// Before opset 13 the input is coerced to 2-D at axis (default 1).
// CHECK-LABEL: func.func @test_hardmax_v11
func.func @test_hardmax_v11(%arg0: !torch.vtensor<[2,3,4],f32>) -> !torch.vtensor<[2,3,4],f32> attributes {torch.onnx_meta.opset_version = 11 : si64} {
  // CHECK: %[[F:.*]] = torch.aten.flatten.using_ints %arg0, {{.*}} -> !torch.vtensor<[2,12],f32>
  // CHECK: torch.aten.argmax %[[F]], {{.*}} -> !torch.vtensor<[2,1],si64>
  // CHECK: torch.aten.reshape {{.*}} -> !torch.vtensor<[2,3,4],f32>
  %0 = torch.operator "onnx.Hardmax"(%arg0) : (!torch.vtensor<[2,3,4],f32>) -> !torch.vtensor<[2,3,4],f32>
  return %0 : !torch.vtensor<[2,3,4],f32>
}

// -----

// CHECK-LABEL: func.func @test_leakyrelu
func.func @test_leakyrelu(%arg0: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 16 : si64} {
  // CHECK: %[[A:.*]] = torch.constant.float 0.1000000
  // CHECK: torch.aten.leaky_relu %arg0, %[[A]]
  %0 = torch.operator "onnx.LeakyRelu"(%arg0) {torch.onnx.alpha = 1.000000e-01 : f32} : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}

// -----

// CHECK-LABEL: func.func @test_logsoftmax
func.func @test_logsoftmax(%arg0: !torch.vtensor<[2,3,4],f32>) -> !torch.vtensor<[2,3,4],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: %[[AX:.*]] = torch.constant.int 2
  // CHECK: torch.aten.log_softmax.int %arg0, %[[AX]], %{{.*}} : !torch.vtensor<[2,3,4],f32>, !torch.int, !torch.none -> !torch.vtensor<[2,3,4],f32>
  %0 = torch.operator "onnx.LogSoftmax"(%arg0) : (!torch.vtensor<[2,3,4],f32>) -> !torch.vtensor<[2,3,4],f32>
  return %0 : !torch.vtensor<[2,3,4],f32>
}

// -----

// CHECK-LABEL: func.func @test_logsoftmax_v1_axis0
func.func @test_logsoftmax_v1_axis0(%arg0: !torch.vtensor<[2,3],f32>) -> !torch.vtensor<[2,3],f32> attributes {torch.onnx_meta.opset_version = 1 : si64} {
  // CHECK: %[[F:.*]] = torch.aten.flatten.using_ints %arg0, {{.*}} -> !torch.vtensor<[6],f32>
  // CHECK: %[[L:.*]] = torch.aten.log_softmax.int %[[F]], {{.*}} -> !torch.vtensor<[6],f32>
  // CHECK: torch.aten.reshape %[[L]], {{.*}} -> !torch.vtensor<[2,3],f32>
  %0 = torch.operator "onnx.LogSoftmax"(%arg0) {torch.onnx.axis = 0 : si64} : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor<[2,3],f32>
  return %0 : !torch.vtensor<[2,3],f32>
}

// -----

// CHECK-LABEL: func.func @test_mish
func.func @test_mish(%arg0: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 22 : si64} {
  // CHECK: torch.aten.mish %arg0
  %0 = torch.operator "onnx.Mish"(%arg0) : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}

// -----

// CHECK-LABEL: func.func @test_prelu
func.func @test_prelu(%arg0: !torch.vtensor<[3,4,5],f32>, %arg1: !torch.vtensor<[5],f32>) -> !torch.vtensor<[3,4,5],f32> attributes {torch.onnx_meta.opset_version = 16 : si64} {
  // CHECK: %[[NEG:.*]] = torch.aten.lt.Tensor %arg0, %{{.*}} : !torch.vtensor<[3,4,5],f32>, !torch.vtensor<[],f32> -> !torch.vtensor<[3,4,5],i1>
  // CHECK: %[[S:.*]] = torch.aten.mul.Tensor %arg0, %arg1
  // CHECK: torch.aten.where.self %[[NEG]], %[[S]], %arg0
  %0 = torch.operator "onnx.PRelu"(%arg0, %arg1) : (!torch.vtensor<[3,4,5],f32>, !torch.vtensor<[5],f32>) -> !torch.vtensor<[3,4,5],f32>
  return %0 : !torch.vtensor<[3,4,5],f32>
}
