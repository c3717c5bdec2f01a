// RUN: %opt --split-input-file --convert-torch-onnx-to-torch %s | filecheck %s
// RUN: %opt --split-input-file --convert-torch-onnx-to-torch --verify-diagnostics --report %s

// Adagrad of one tensor: the rate R / (1 + T decay) and the step r g' / (sqrt(h') + epsilon).
// CHECK-LABEL: func.func @test_adagrad
func.func @test_adagrad(%arg0: !torch.vtensor<[],f32>, %arg1: !torch.vtensor<[],si64>, %arg2: !torch.vtensor<[1],f32>, %arg3: !torch.vtensor<[1],f32>, %arg4: !torch.vtensor<[1],f32>) -> (!torch.vtensor<[1],f32>, !torch.vtensor<[1],f32>) attributes {torch.onnx_meta.opset_versions = {ai.onnx.preview.training = 1 : si64}} {
  // CHECK: %[[T:.*]] = torch.aten.to.dtype %arg1
  // CHECK: %[[TD:.*]] = torch.aten.mul.Scalar %[[T]]
  // CHECK: %[[D:.*]] = torch.aten.add.Scalar %[[TD]]
  // CHECK: %[[R:.*]] = torch.aten.div.Tensor %arg0, %[[D]]
  // CHECK: %[[G:.*]] = torch.aten.add.Tensor
  // CHECK: %[[GG:.*]] = torch.aten.mul.Tensor %[[G]], %[[G]]
  // CHECK: %[[H:.*]] = torch.aten.add.Tensor %arg4, %[[GG]]
  // CHECK: torch.aten.sqrt %[[H]]
  // CHECK: %[[X:.*]] = torch.aten.sub.Tensor %arg2
  // CHECK: return %[[X]], %[[H]]
  %0:2 = torch.operator "onnx.ai.onnx.preview.training.Adagrad"(%arg0, %arg1, %arg2, %arg3, %arg4) {torch.onnx.decay_factor = 1.000000e-01 : f32, torch.onnx.epsilon = 9.99999974E-6 : f32, torch.onnx.norm_coefficient = 1.000000e-03 : f32} : (!torch.vtensor<[],f32>, !torch.vtensor<[],si64>, !torch.vtensor<[1],f32>, !torch.vtensor<[1],f32>, !torch.vtensor<[1],f32>) -> (!torch.vtensor<[1],f32>, !torch.vtensor<[1],f32>)
  return %0#0, %0#1 : !torch.vtensor<[1],f32>, !torch.vtensor<[1],f32>
}

// -----

// Adam: bias correction sqrt(1 - beta^T) / (1 - alpha^T) where T > 0 (the powers as exp(T ln c)).
// CHECK-LABEL: func.func @test_adam
func.func @test_adam(%arg0: !torch.vtensor<[],f32>, %arg1: !torch.vtensor<[],si64>, %arg2: !torch.vtensor<[2],f32>, %arg3: !torch.vtensor<[2],f32>, %arg4: !torch.vtensor<[2],f32>, %arg5: !torch.vtensor<[2],f32>) -> (!torch.vtensor<[2],f32>, !torch.vtensor<[2],f32>, !torch.vtensor<[2],f32>) attributes {torch.onnx_meta.opset_versions = {ai.onnx.preview.training = 1 : si64}} {
  // CHECK: torch.aten.exp
  // CHECK: torch.aten.exp
  // CHECK: %[[POS:.*]] = torch.aten.gt.Scalar
  // CHECK: torch.aten.where.self %[[POS]], %{{.*}}, %arg0
  // CHECK-NOT: torch.operator
  %0:3 = torch.operator "onnx.ai.onnx.preview.training.Adam"(%arg0, %arg1, %arg2, %arg3, %arg4, %arg5) {torch.onnx.alpha = 0.949999988 : f32, torch.onnx.beta = 0.100000001 : f32, torch.onnx.epsilon = 1.000000e-07 : f32, torch.onnx.norm_coefficient = 1.000000e-03 : f32} : (!torch.vtensor<[],f32>, !torch.vtensor<[],si64>, !torch.vtensor<[2],f32>, !torch.vtensor<[2],f32>, !torch.vtensor<[2],f32>, !torch.vtensor<[2],f32>) -> (!torch.vtensor<[2],f32>, !torch.vtensor<[2],f32>, !torch.vtensor<[2],f32>)
  return %0#0, %0#1, %0#2 : !torch.vtensor<[2],f32>, !torch.vtensor<[2],f32>, !torch.vtensor<[2],f32>
}

// -----

// Momentum (nesterov) of two tensors: R and T are cast once; x' = x - R (g' + alpha v').
// CHECK-LABEL: func.func @test_nesterov_momentum_two
func.func @test_nesterov_momentum_two(%arg0: !torch.vtensor<[],f32>, %arg1: !torch.vtensor<[],si64>, %arg2: !torch.vtensor<[2],f32>, %arg3: !torch.vtensor<[3],f32>, %arg4: !torch.vtensor<[2],f32>, %arg5: !torch.vtensor<[3],f32>, %arg6: !torch.vtensor<[2],f32>, %arg7: !torch.vtensor<[3],f32>) -> (!torch.vtensor<[2],f32>, !torch.vtensor<[3],f32>, !torch.vtensor<[2],f32>, !torch.vtensor<[3],f32>) attributes {torch.onnx_meta.opset_versions = {ai.onnx.preview.training = 1 : si64}} {
  // CHECK: torch.aten.to.dtype %arg1
  // CHECK-NOT: torch.aten.to.dtype
  // CHECK: return
  %0:4 = torch.operator "onnx.ai.onnx.preview.training.Momentum"(%arg0, %arg1, %arg2, %arg3, %arg4, %arg5, %arg6, %arg7) {torch.onnx.alpha = 0.949999988 : f32, torch.onnx.beta = 1.000000e+00 : f32, torch.onnx.mode = "nesterov", torch.onnx.norm_coefficient = 0.00999999977 : f32} : (!torch.vtensor<[],f32>, !torch.vtensor<[],si64>, !torch.vtensor<[2],f32>, !torch.vtensor<[3],f32>, !torch.vtensor<[2],f32>, !torch.vtensor<[3],f32>, !torch.vtensor<[2],f32>, !torch.vtensor<[3],f32>) -> (!torch.vtensor<[2],f32>, !torch.vtensor<[3],f32>, !torch.vtensor<[2],f32>, !torch.vtensor<[3],f32>)
  return %0#0, %0#1, %0#2, %0#3 : !torch.vtensor<[2],f32>, !torch.vtensor<[3],f32>, !torch.vtensor<[2],f32>, !torch.vtensor<[3],f32>
}

// -----

// Declined, with the reason: an unknown mode; inputs that are not R, T and groups of n tensors.
// CHECK-LABEL: func.func @test_optimizers_declined
func.func @test_optimizers_declined(%arg0: !torch.vtensor<[],f32>, %arg1: !torch.vtensor<[],si64>, %arg2: !torch.vtensor<[2],f32>) -> (!torch.vtensor<[2],f32>, !torch.vtensor<[2],f32>) attributes {torch.onnx_meta.opset_versions = {ai.onnx.preview.training = 1 : si64}} {
  // CHECK: torch.operator "onnx.ai.onnx.preview.training.Momentum"
  // expected-remark@+1 {{onnx.ai.onnx.preview.training.Momentum was not converted: unknown mode 'heavy'}}
  %0:2 = torch.operator "onnx.ai.onnx.preview.training.Momentum"(%arg0, %arg1, %arg2, %arg2, %arg2) {torch.onnx.alpha = 0.9 : f32, torch.onnx.beta = 1.0 : f32, torch.onnx.mode = "heavy", torch.onnx.norm_coefficient = 0.0 : f32} : (!torch.vtensor<[],f32>, !torch.vtensor<[],si64>, !torch.vtensor<[2],f32>, !torch.vtensor<[2],f32>, !torch.vtensor<[2],f32>) -> (!torch.vtensor<[2],f32>, !torch.vtensor<[2],f32>)
  // CHECK: torch.operator "onnx.ai.onnx.preview.training.Adagrad"
  // expected-remark@+1 {{onnx.ai.onnx.preview.training.Adagrad was not converted: expected R, T and 3 groups of n tensors, got 4 inputs}}
  %1:2 = torch.operator "onnx.ai.onnx.preview.training.Adagrad"(%arg0, %arg1, %arg2, %arg2) : (!torch.vtensor<[],f32>, !torch.vtensor<[],si64>, !torch.vtensor<[2],f32>, !torch.vtensor<[2],f32>) -> (!torch.vtensor<[2],f32>, !torch.vtensor<[2],f32>)
  return %0#0, %1#1 : !torch.vtensor<[2],f32>, !torch.vtensor<[2],f32>
}
