// RUN: %opt --split-input-file --convert-torch-onnx-to-torch %s | filecheck %s

// Gelu: exact gelu.
// CHECK-LABEL: func.func @test_gelu
func.func @test_gelu(%arg0: !torch.vtensor<[2,8],f32>) -> !torch.vtensor<[2,8],f32> attributes {torch.onnx_meta.opset_version = 17 : si64, torch.onnx_meta.opset_versions = {com.microsoft = 1 : si64}} {
  // CHECK: torch.aten.gelu %arg0
  // CHECK-NOT: torch.operator
  %none = torch.constant.none
  %0 = torch.operator "onnx.com.microsoft.Gelu"(%arg0) : (!torch.vtensor<[2,8],f32>) -> !torch.vtensor<[2,8],f32>
  return %0 : !torch.vtensor<[2,8],f32>
}

// -----

// BiasGelu: gelu(A + B).
// CHECK-LABEL: func.func @test_bias_gelu
func.func @test_bias_gelu(%arg0: !torch.vtensor<[2,8],f32>, %arg1: !torch.vtensor<[8],f32>) -> !torch.vtensor<[2,8],f32> attributes {torch.onnx_meta.opset_version = 17 : si64, torch.onnx_meta.opset_versions = {com.microsoft = 1 : si64}} {
  // CHECK: torch.aten.add.Tensor %arg0, %arg1
  // CHECK: torch.aten.gelu
  // CHECK-NOT: torch.operator
  %none = torch.constant.none
  %0 = torch.operator "onnx.com.microsoft.BiasGelu"(%arg0, %arg1) : (!torch.vtensor<[2,8],f32>, !torch.vtensor<[8],f32>) -> !torch.vtensor<[2,8],f32>
  return %0 : !torch.vtensor<[2,8],f32>
}

// -----

// FastGelu with bias: tanh approximation as a sigmoid.
// CHECK-LABEL: func.func @test_fast_gelu_bias
func.func @test_fast_gelu_bias(%arg0: !torch.vtensor<[2,8],f32>, %arg1: !torch.vtensor<[8],f32>) -> !torch.vtensor<[2,8],f32> attributes {torch.onnx_meta.opset_version = 17 : si64, torch.onnx_meta.opset_versions = {com.microsoft = 1 : si64}} {
  // CHECK: torch.aten.add.Tensor %arg0, %arg1
  // CHECK: torch.aten.sigmoid
  // CHECK-NOT: torch.operator
  %none = torch.constant.none
  %0 = torch.operator "onnx.com.microsoft.FastGelu"(%arg0, %arg1) : (!torch.vtensor<[2,8],f32>, !torch.vtensor<[8],f32>) -> !torch.vtensor<[2,8],f32>
  return %0 : !torch.vtensor<[2,8],f32>
}

// -----

// FastGelu without bias.
// CHECK-LABEL: func.func @test_fast_gelu
func.func @test_fast_gelu(%arg0: !torch.vtensor<[2,8],f32>) -> !torch.vtensor<[2,8],f32> attributes {torch.onnx_meta.opset_version = 17 : si64, torch.onnx_meta.opset_versions = {com.microsoft = 1 : si64}} {
  // CHECK: torch.aten.mul.Tensor %arg0, %arg0
  // CHECK: torch.aten.sigmoid
  // CHECK-NOT: torch.operator
  %none = torch.constant.none
  %0 = torch.operator "onnx.com.microsoft.FastGelu"(%arg0) : (!torch.vtensor<[2,8],f32>) -> !torch.vtensor<[2,8],f32>
  return %0 : !torch.vtensor<[2,8],f32>
}

// -----

// QuickGelu: x * sigmoid(alpha x).
// CHECK-LABEL: func.func @test_quick_gelu
func.func @test_quick_gelu(%arg0: !torch.vtensor<[2,8],f32>) -> !torch.vtensor<[2,8],f32> attributes {torch.onnx_meta.opset_version = 17 : si64, torch.onnx_meta.opset_versions = {com.microsoft = 1 : si64}} {
  // CHECK: torch.aten.mul.Scalar %arg0
  // CHECK: torch.aten.sigmoid
  // CHECK-NOT: torch.operator
  %none = torch.constant.none
  %0 = torch.operator "onnx.com.microsoft.QuickGelu"(%arg0) {torch.onnx.alpha = 1.500000e+00 : f32} : (!torch.vtensor<[2,8],f32>) -> !torch.vtensor<[2,8],f32>
  return %0 : !torch.vtensor<[2,8],f32>
}

// -----

// BiasAdd: X + bias + skip.
// CHECK-LABEL: func.func @test_bias_add
func.func @test_bias_add(%arg0: !torch.vtensor<[2,3,8],f32>, %arg1: !torch.vtensor<[8],f32>, %arg2: !torch.vtensor<[2,3,8],f32>) -> !torch.vtensor<[2,3,8],f32> attributes {torch.onnx_meta.opset_version = 17 : si64, torch.onnx_meta.opset_versions = {com.microsoft = 1 : si64}} {
  // CHECK: torch.aten.add.Tensor %arg0, %arg1
  // CHECK: torch.aten.add.Tensor %{{.*}}, %arg2
  // CHECK-NOT: torch.operator
  %none = torch.constant.none
  %0 = torch.operator "onnx.com.microsoft.BiasAdd"(%arg0, %arg1, %arg2) : (!torch.vtensor<[2,3,8],f32>, !torch.vtensor<[8],f32>, !torch.vtensor<[2,3,8],f32>) -> !torch.vtensor<[2,3,8],f32>
  return %0 : !torch.vtensor<[2,3,8],f32>
}

// -----

// BiasSplitGelu: left half * gelu(right half).
// CHECK-LABEL: func.func @test_bias_split_gelu
func.func @test_bias_split_gelu(%arg0: !torch.vtensor<[2,3,8],f32>, %arg1: !torch.vtensor<[8],f32>) -> !torch.vtensor<[2,3,4],f32> attributes {torch.onnx_meta.opset_version = 17 : si64, torch.onnx_meta.opset_versions = {com.microsoft = 1 : si64}} {
  // CHECK: torch.aten.slice.Tensor
  // CHECK: torch.aten.gelu
  // CHECK: -> !torch.vtensor<[2,3,4],f32>
  // CHECK-NOT: torch.operator
  %none = torch.constant.none
  %0 = torch.operator "onnx.com.microsoft.BiasSplitGelu"(%arg0, %arg1) : (!torch.vtensor<[2,3,8],f32>, !torch.vtensor<[8],f32>) -> !torch.vtensor<[2,3,4],f32>
  return %0 : !torch.vtensor<[2,3,4],f32>
}

// -----

// BiasSoftmax on the last axis with a same-rank broadcasting bias.
// CHECK-LABEL: func.func @test_bias_softmax
func.func @test_bias_softmax(%arg0: !torch.vtensor<[2,2,3,3],f32>, %arg1: !torch.vtensor<[2,1,3,3],f32>) -> !torch.vtensor<[2,2,3,3],f32> attributes {torch.onnx_meta.opset_version = 17 : si64, torch.onnx_meta.opset_versions = {com.microsoft = 1 : si64}} {
  // CHECK: torch.aten.add.Tensor %arg0, %arg1
  // CHECK: torch.aten.softmax.int
  // CHECK-NOT: torch.operator
  %none = torch.constant.none
  %0 = torch.operator "onnx.com.microsoft.BiasSoftmax"(%arg0, %arg1) {torch.onnx.axis = 3 : si64, torch.onnx.is_inner_broadcast = 0 : si64} : (!torch.vtensor<[2,2,3,3],f32>, !torch.vtensor<[2,1,3,3],f32>) -> !torch.vtensor<[2,2,3,3],f32>
  return %0 : !torch.vtensor<[2,2,3,3],f32>
}

// -----

// BiasSoftmax with axis 1: the dims from axis are flattened.
// CHECK-LABEL: func.func @test_bias_softmax_axis1
func.func @test_bias_softmax_axis1(%arg0: !torch.vtensor<[2,3,4],f32>, %arg1: !torch.vtensor<[1,3,4],f32>) -> !torch.vtensor<[2,3,4],f32> attributes {torch.onnx_meta.opset_version = 17 : si64, torch.onnx_meta.opset_versions = {com.microsoft = 1 : si64}} {
  // CHECK: torch.aten.reshape
  // CHECK: torch.aten.softmax.int {{.*}} -> !torch.vtensor<[2,12],f32>
  // CHECK-NOT: torch.operator
  %none = torch.constant.none
  %0 = torch.operator "onnx.com.microsoft.BiasSoftmax"(%arg0, %arg1) {torch.onnx.axis = 1 : si64, torch.onnx.is_inner_broadcast = 0 : si64} : (!torch.vtensor<[2,3,4],f32>, !torch.vtensor<[1,3,4],f32>) -> !torch.vtensor<[2,3,4],f32>
  return %0 : !torch.vtensor<[2,3,4],f32>
}
