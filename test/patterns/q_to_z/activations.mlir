// RUN: %opt --split-input-file --convert-torch-onnx-to-torch %s | filecheck %s

// CHECK-LABEL: func.func @test_relu
func.func @test_relu(%arg0: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 14 : si64} {
  // CHECK: torch.aten.relu %arg0
  %0 = torch.operator "onnx.Relu"(%arg0) : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}

// -----

// CHECK-LABEL: func.func @test_sigmoid
func.func @test_sigmoid(%arg0: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: torch.aten.sigmoid %arg0
  %0 = torch.operator "onnx.Sigmoid"(%arg0) : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}

// -----

// CHECK-LABEL: func.func @test_softmax_v13
func.func @test_softmax_v13(%arg0: !torch.vtensor<[2,3,4],f32>) -> !torch.vtensor<[2,3,4],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: %[[AXIS:.*]] = torch.constant.int 1
  // CHECK: torch.aten.softmax.int %arg0, %[[AXIS]], %{{.*}} : !torch.vtensor<[2,3,4],f32>, !torch.int, !torch.none -> !torch.vtensor<[2,3,4],f32>
  %0 = torch.operator "onnx.Softmax"(%arg0) {torch.onnx.axis = 1 : si64} : (!torch.vtensor<[2,3,4],f32>) -> !torch.vtensor<[2,3,4],f32>
  return %0 : !torch.vtensor<[2,3,4],f32>
}

// -----

// CHECK-LABEL: func.func @test_softmax_v1_axis0
func.func @test_softmax_v1_axis0(%arg0: !torch.vtensor<[2,3],f32>) -> !torch.vtensor<[2,3],f32> attributes {torch.onnx_meta.opset_version = 11 : si64} {
  // CHECK: %[[F:.*]] = torch.aten.flatten.using_ints %arg0, {{.*}} -> !torch.vtensor<[6],f32>
  // CHECK: %[[S:.*]] = torch.aten.softmax.int %[[F]], {{.*}} -> !torch.vtensor<[6],f32>
  // CHECK: torch.aten.reshape %[[S]], {{.*}} -> !torch.vtensor<[2,3],f32>
  %0 = torch.operator "onnx.Softmax"(%arg0) {torch.onnx.axis = 0 : si64} : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor<[2,3],f32>
  return %0 : !torch.vtensor<[2,3],f32>
}

// -----

// CHECK-LABEL: func.func @test_selu
func.func @test_selu(%arg0: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 22 : si64} {
  // CHECK: %[[A:.*]] = torch.constant.float 2.000000e+00
  // CHECK: %[[G:.*]] = torch.constant.float 3.000000e+00
  // CHECK: %[[ONE:.*]] = torch.constant.float 1.000000e+00
  // CHECK: torch.aten.elu %arg0, %[[A]], %[[G]], %[[ONE]]
  %0 = torch.operator "onnx.Selu"(%arg0) {torch.onnx.alpha = 2.000000e+00 : f32, torch.onnx.gamma = 3.000000e+00 : f32} : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}

// -----

// CHECK-LABEL: func.func @test_shrink
func.func @test_shrink(%arg0: !torch.vtensor<[5],f32>) -> !torch.vtensor<[5],f32> attributes {torch.onnx_meta.opset_version = 9 : si64} {
  // CHECK: %[[NL:.*]] = torch.vtensor.literal(dense<-1.500000e+00> : tensor<f32>)
  // CHECK: %[[LOW:.*]] = torch.aten.lt.Tensor %arg0, %[[NL]]
  // CHECK: %[[HIGH:.*]] = torch.aten.gt.Tensor %arg0
  // CHECK: %[[UP:.*]] = torch.aten.add.Tensor %arg0
  // CHECK: %[[DOWN:.*]] = torch.aten.sub.Tensor %arg0
  // CHECK: %[[Z:.*]] = torch.vtensor.literal(dense<0.000000e+00> : tensor<f32>)
  // CHECK: %[[Y:.*]] = torch.aten.where.self %[[HIGH]], %[[DOWN]], %[[Z]]
  // CHECK: torch.aten.where.self %[[LOW]], %[[UP]], %[[Y]]
  %0 = torch.operator "onnx.Shrink"(%arg0) {torch.onnx.bias = 1.500000e+00 : f32, torch.onnx.lambd = 1.500000e+00 : f32} : (!torch.vtensor<[5],f32>) -> !torch.vtensor<[5],f32>
  return %0 : !torch.vtensor<[5],f32>
}

// -----

// CHECK-LABEL: func.func @test_softplus
func.func @test_softplus(%arg0: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 1 : si64} {
  // CHECK: torch.aten.softplus %arg0
  %0 = torch.operator "onnx.Softplus"(%arg0) : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}

// -----

// CHECK-LABEL: func.func @test_softsign
func.func @test_softsign(%arg0: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 22 : si64} {
  // CHECK: %[[A:.*]] = torch.aten.abs %arg0
  // CHECK: %[[D:.*]] = torch.aten.add.Scalar %[[A]]
  // CHECK: torch.aten.div.Tensor %arg0, %[[D]]
  %0 = torch.operator "onnx.Softsign"(%arg0) : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}

// -----

// CHECK-LABEL: func.func @test_swish
func.func @test_swish(%arg0: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 24 : si64} {
  // CHECK: torch.aten.silu %arg0
  %0 = torch.operator "onnx.Swish"(%arg0) : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}

// -----

// CHECK-LABEL: func.func @test_swiglu_alpha
func.func @test_swiglu_alpha(%arg0: !torch.vtensor<[3],f32>, %arg1: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 28 : si64} {
  // CHECK: %[[AX:.*]] = torch.aten.mul.Scalar %arg0
  // CHECK: %[[S:.*]] = torch.aten.sigmoid %[[AX]]
  // CHECK: %[[G:.*]] = torch.aten.mul.Tensor %arg0, %[[S]]
  // CHECK: torch.aten.mul.Tensor %[[G]], %arg1
  %0 = torch.operator "onnx.SwiGLU"(%arg0, %arg1) {torch.onnx.alpha = 1.702000e+00 : f32} : (!torch.vtensor<[3],f32>, !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}

// -----

// CHECK-LABEL: func.func @test_thresholdedrelu
func.func @test_thresholdedrelu(%arg0: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 10 : si64} {
  // CHECK: %[[A:.*]] = torch.constant.float 2.000000e+00
  // CHECK: %[[Z:.*]] = torch.constant.float 0.000000e+00
  // CHECK: torch.aten.threshold %arg0, %[[A]], %[[Z]]
  %0 = torch.operator "onnx.ThresholdedRelu"(%arg0) {torch.onnx.alpha = 2.000000e+00 : f32} : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}
