// RUN: %opt --split-input-file --convert-torch-onnx-to-torch %s | filecheck %s

// CHECK-LABEL: func.func @test_abs
func.func @test_abs(%arg0: !torch.vtensor<[3,4],f32>) -> !torch.vtensor<[3,4],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: torch.aten.abs %arg0 : !torch.vtensor<[3,4],f32> -> !torch.vtensor<[3,4],f32>
  %0 = torch.operator "onnx.Abs"(%arg0) : (!torch.vtensor<[3,4],f32>) -> !torch.vtensor<[3,4],f32>
  return %0 : !torch.vtensor<[3,4],f32>
}

// -----

// CHECK-LABEL: func.func @test_add
func.func @test_add(%arg0: !torch.vtensor<[3,4],f32>, %arg1: !torch.vtensor<[4],f32>) -> !torch.vtensor<[3,4],f32> attributes {torch.onnx_meta.opset_version = 14 : si64} {
  // CHECK: %[[ONE:.*]] = torch.constant.int 1
  // CHECK: torch.aten.add.Tensor %arg0, %arg1, %[[ONE]] : !torch.vtensor<[3,4],f32>, !torch.vtensor<[4],f32>, !torch.int -> !torch.vtensor<[3,4],f32>
  %0 = torch.operator "onnx.Add"(%arg0, %arg1) : (!torch.vtensor<[3,4],f32>, !torch.vtensor<[4],f32>) -> !torch.vtensor<[3,4],f32>
  return %0 : !torch.vtensor<[3,4],f32>
}

// -----

// Opset 6 broadcast=1 with axis=0 aligns B with the leading dim of A.
// CHECK-LABEL: func.func @test_add_legacy_broadcast_axis
func.func @test_add_legacy_broadcast_axis(%arg0: !torch.vtensor<[3,4],f32>, %arg1: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3,4],f32> attributes {torch.onnx_meta.opset_version = 6 : si64} {
  // CHECK: %[[DIM:.*]] = torch.constant.int -1
  // CHECK: %[[B:.*]] = torch.aten.unsqueeze %arg1, %[[DIM]] : !torch.vtensor<[3],f32>, !torch.int -> !torch.vtensor<[3,1],f32>
  // CHECK: torch.aten.add.Tensor %arg0, %[[B]]
  %0 = torch.operator "onnx.Add"(%arg0, %arg1) {torch.onnx.axis = 0 : si64, torch.onnx.broadcast = 1 : si64} : (!torch.vtensor<[3,4],f32>, !torch.vtensor<[3],f32>) -> !torch.vtensor<[3,4],f32>
  return %0 : !torch.vtensor<[3,4],f32>
}

// -----

// CHECK-LABEL: func.func @test_abs_v6_int
func.func @test_abs_v6_int(%arg0: !torch.vtensor<[3],si32>) -> !torch.vtensor<[3],si32> attributes {torch.onnx_meta.opset_version = 6 : si64} {
  // CHECK: torch.aten.abs %arg0 : !torch.vtensor<[3],si32> -> !torch.vtensor<[3],si32>
  %0 = torch.operator "onnx.Abs"(%arg0) : (!torch.vtensor<[3],si32>) -> !torch.vtensor<[3],si32>
  return %0 : !torch.vtensor<[3],si32>
}

// -----

// CHECK-LABEL: func.func @test_acos
func.func @test_acos(%arg0: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 7 : si64} {
  // CHECK: torch.aten.acos %arg0 : !torch.vtensor<[3],f32> -> !torch.vtensor<[3],f32>
  %0 = torch.operator "onnx.Acos"(%arg0) : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}

// -----

// CHECK-LABEL: func.func @test_acosh_v22_bf16
func.func @test_acosh_v22_bf16(%arg0: !torch.vtensor<[3],bf16>) -> !torch.vtensor<[3],bf16> attributes {torch.onnx_meta.opset_version = 22 : si64} {
  // CHECK: torch.aten.acosh %arg0 : !torch.vtensor<[3],bf16> -> !torch.vtensor<[3],bf16>
  %0 = torch.operator "onnx.Acosh"(%arg0) : (!torch.vtensor<[3],bf16>) -> !torch.vtensor<[3],bf16>
  return %0 : !torch.vtensor<[3],bf16>
}

// -----

// CHECK-LABEL: func.func @test_asin
func.func @test_asin(%arg0: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 7 : si64} {
  // CHECK: torch.aten.asin %arg0
  %0 = torch.operator "onnx.Asin"(%arg0) : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}

// -----

// CHECK-LABEL: func.func @test_asinh
func.func @test_asinh(%arg0: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 9 : si64} {
  // CHECK: torch.aten.asinh %arg0
  %0 = torch.operator "onnx.Asinh"(%arg0) : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}

// -----

// CHECK-LABEL: func.func @test_atan
func.func @test_atan(%arg0: !torch.vtensor<[3],f64>) -> !torch.vtensor<[3],f64> attributes {torch.onnx_meta.opset_version = 22 : si64} {
  // CHECK: torch.aten.atan %arg0
  %0 = torch.operator "onnx.Atan"(%arg0) : (!torch.vtensor<[3],f64>) -> !torch.vtensor<[3],f64>
  return %0 : !torch.vtensor<[3],f64>
}

// -----

// CHECK-LABEL: func.func @test_atanh
func.func @test_atanh(%arg0: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 9 : si64} {
  // CHECK: torch.aten.atanh %arg0
  %0 = torch.operator "onnx.Atanh"(%arg0) : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}

// -----

// CHECK-LABEL: func.func @test_and
func.func @test_and(%arg0: !torch.vtensor<[3,4],i1>, %arg1: !torch.vtensor<[4],i1>) -> !torch.vtensor<[3,4],i1> attributes {torch.onnx_meta.opset_version = 7 : si64} {
  // CHECK: torch.aten.logical_and %arg0, %arg1 : !torch.vtensor<[3,4],i1>, !torch.vtensor<[4],i1> -> !torch.vtensor<[3,4],i1>
  %0 = torch.operator "onnx.And"(%arg0, %arg1) : (!torch.vtensor<[3,4],i1>, !torch.vtensor<[4],i1>) -> !torch.vtensor<[3,4],i1>
  return %0 : !torch.vtensor<[3,4],i1>
}

// -----

// And-1 with broadcast=1, axis=0 aligns B with the leading dims of A.
// CHECK-LABEL: func.func @test_and_v1_legacy_broadcast
func.func @test_and_v1_legacy_broadcast(%arg0: !torch.vtensor<[3,4],i1>, %arg1: !torch.vtensor<[3],i1>) -> !torch.vtensor<[3,4],i1> attributes {torch.onnx_meta.opset_version = 1 : si64} {
  // CHECK: %[[B:.*]] = torch.aten.unsqueeze %arg1, %{{.*}} : !torch.vtensor<[3],i1>, !torch.int -> !torch.vtensor<[3,1],i1>
  // CHECK: torch.aten.logical_and %arg0, %[[B]]
  %0 = torch.operator "onnx.And"(%arg0, %arg1) {torch.onnx.axis = 0 : si64, torch.onnx.broadcast = 1 : si64} : (!torch.vtensor<[3,4],i1>, !torch.vtensor<[3],i1>) -> !torch.vtensor<[3,4],i1>
  return %0 : !torch.vtensor<[3,4],i1>
}

// -----

// CHECK-LABEL: func.func @test_argmax_default_axis_keepdims
func.func @test_argmax_default_axis_keepdims(%arg0: !torch.vtensor<[2,3],f32>) -> !torch.vtensor<[1,3],si64> attributes {torch.onnx_meta.opset_version = 1 : si64} {
  // CHECK: %[[AXIS:.*]] = torch.constant.int 0
  // CHECK: %[[KEEP:.*]] = torch.constant.bool true
  // CHECK: torch.aten.argmax %arg0, %[[AXIS]], %[[KEEP]] : !torch.vtensor<[2,3],f32>, !torch.int, !torch.bool -> !torch.vtensor<[1,3],si64>
  %0 = torch.operator "onnx.ArgMax"(%arg0) : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor<[1,3],si64>
  return %0 : !torch.vtensor<[1,3],si64>
}

// -----

// select_last_index: the first maximum of the flipped axis, counted from the end.
// CHECK-LABEL: func.func @test_argmax_select_last_index
func.func @test_argmax_select_last_index(%arg0: !torch.vtensor<[2,3],f32>) -> !torch.vtensor<[2],si64> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: %[[FLIP:.*]] = torch.aten.flip %arg0, %{{.*}} : !torch.vtensor<[2,3],f32>, !torch.list<int> -> !torch.vtensor<[2,3],f32>
  // CHECK: %[[AXIS:.*]] = torch.constant.int 1
  // CHECK: %[[KEEP:.*]] = torch.constant.bool false
  // CHECK: %[[IDX:.*]] = torch.aten.argmax %[[FLIP]], %[[AXIS]], %[[KEEP]] : {{.*}} -> !torch.vtensor<[2],si64>
  // CHECK: %[[LAST:.*]] = torch.constant.int 2
  // CHECK: torch.aten.rsub.Scalar %[[IDX]], %[[LAST]], %{{.*}} : !torch.vtensor<[2],si64>, !torch.int, !torch.int -> !torch.vtensor<[2],si64>
  %0 = torch.operator "onnx.ArgMax"(%arg0) {torch.onnx.axis = -1 : si64, torch.onnx.keepdims = 0 : si64, torch.onnx.select_last_index = 1 : si64} : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor<[2],si64>
  return %0 : !torch.vtensor<[2],si64>
}

// -----

// Before opset 12 there is no select_last_index; a stray one is ignored.
// CHECK-LABEL: func.func @test_argmin_v11_negative_axis
func.func @test_argmin_v11_negative_axis(%arg0: !torch.vtensor<[2,3],si32>) -> !torch.vtensor<[2,1],si64> attributes {torch.onnx_meta.opset_version = 11 : si64} {
  // CHECK-NOT: torch.aten.flip
  // CHECK: %[[AXIS:.*]] = torch.constant.int 1
  // CHECK: torch.aten.argmin %arg0, %[[AXIS]], %{{.*}} : !torch.vtensor<[2,3],si32>, !torch.int, !torch.bool -> !torch.vtensor<[2,1],si64>
  %0 = torch.operator "onnx.ArgMin"(%arg0) {torch.onnx.axis = -1 : si64, torch.onnx.select_last_index = 1 : si64} : (!torch.vtensor<[2,3],si32>) -> !torch.vtensor<[2,1],si64>
  return %0 : !torch.vtensor<[2,1],si64>
}

// -----

// Dynamic axis size: the last index comes from aten.size.int.
// CHECK-LABEL: func.func @test_argmin_select_last_index_dynamic
func.func @test_argmin_select_last_index_dynamic(%arg0: !torch.vtensor<[2,?],f32>) -> !torch.vtensor<[2,1],si64> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: %[[FLIP:.*]] = torch.aten.flip %arg0
  // CHECK: %[[IDX:.*]] = torch.aten.argmin %[[FLIP]]
  // CHECK: %[[N:.*]] = torch.aten.size.int %arg0, %{{.*}} : !torch.vtensor<[2,?],f32>, !torch.int -> !torch.int
  // CHECK: %[[LAST:.*]] = torch.aten.sub.int %[[N]], %{{.*}} : !torch.int, !torch.int -> !torch.int
  // CHECK: torch.aten.rsub.Scalar %[[IDX]], %[[LAST]]
  %0 = torch.operator "onnx.ArgMin"(%arg0) {torch.onnx.axis = 1 : si64, torch.onnx.select_last_index = 1 : si64} : (!torch.vtensor<[2,?],f32>) -> !torch.vtensor<[2,1],si64>
  return %0 : !torch.vtensor<[2,1],si64>
}

// -----

// CHECK-LABEL: func.func @test_batchnorm_inference
func.func @test_batchnorm_inference(%arg0: !torch.vtensor<[2,3,4,5],f32>, %arg1: !torch.vtensor<[3],f32>, %arg2: !torch.vtensor<[3],f32>, %arg3: !torch.vtensor<[3],f32>, %arg4: !torch.vtensor<[3],f32>) -> !torch.vtensor<[2,3,4,5],f32> attributes {torch.onnx_meta.opset_version = 15 : si64} {
  // CHECK: %[[F:.*]] = torch.constant.bool false
  // CHECK: %[[MOM:.*]] = torch.constant.float 9.000000e-01
  // CHECK: %[[EPS:.*]] = torch.constant.float 0.0099999997764825821
  // CHECK: torch.aten.batch_norm %arg0, %arg1, %arg2, %arg3, %arg4, %[[F]], %[[MOM]], %[[EPS]], %[[F]] : {{.*}} -> !torch.vtensor<[2,3,4,5],f32>
  %0 = torch.operator "onnx.BatchNormalization"(%arg0, %arg1, %arg2, %arg3, %arg4) {torch.onnx.epsilon = 0.00999999977 : f32} : (!torch.vtensor<[2,3,4,5],f32>, !torch.vtensor<[3],f32>, !torch.vtensor<[3],f32>, !torch.vtensor<[3],f32>, !torch.vtensor<[3],f32>) -> !torch.vtensor<[2,3,4,5],f32>
  return %0 : !torch.vtensor<[2,3,4,5],f32>
}

// -----

// training_mode=1: normalise with the batch statistics, update the running ones.
// CHECK-LABEL: func.func @test_batchnorm_training_mode
func.func @test_batchnorm_training_mode(%arg0: !torch.vtensor<[2,3,4],f32>, %arg1: !torch.vtensor<[3],f32>, %arg2: !torch.vtensor<[3],f32>, %arg3: !torch.vtensor<[3],f32>, %arg4: !torch.vtensor<[3],f32>) -> (!torch.vtensor<[2,3,4],f32>, !torch.vtensor<[3],f32>, !torch.vtensor<[3],f32>) attributes {torch.onnx_meta.opset_version = 15 : si64} {
  // CHECK: %[[DIMS:.*]] = torch.prim.ListConstruct %{{.*}}, %{{.*}} : (!torch.int, !torch.int) -> !torch.list<int>
  // CHECK: %[[MEAN:.*]] = torch.aten.mean.dim %arg0, %[[DIMS]], %{{.*}}, %{{.*}} : {{.*}} -> !torch.vtensor<[3],f32>
  // CHECK: %[[VAR:.*]] = torch.aten.var.dim %arg0, %[[DIMS]], %{{.*}}, %{{.*}} : {{.*}} -> !torch.vtensor<[3],f32>
  // CHECK: %[[Y:.*]] = torch.aten.batch_norm %arg0, %arg1, %arg2, %[[MEAN]], %[[VAR]]
  // CHECK: %[[M1:.*]] = torch.aten.mul.Scalar %arg3, %{{.*}}
  // CHECK: %[[M2:.*]] = torch.aten.mul.Scalar %[[MEAN]], %{{.*}}
  // CHECK: %[[RM:.*]] = torch.aten.add.Tensor %[[M1]], %[[M2]], %{{.*}}
  // CHECK: %[[V1:.*]] = torch.aten.mul.Scalar %arg4, %{{.*}}
  // CHECK: %[[V2:.*]] = torch.aten.mul.Scalar %[[VAR]], %{{.*}}
  // CHECK: %[[RV:.*]] = torch.aten.add.Tensor %[[V1]], %[[V2]], %{{.*}}
  // CHECK: return %[[Y]], %[[RM]], %[[RV]]
  %0:3 = torch.operator "onnx.BatchNormalization"(%arg0, %arg1, %arg2, %arg3, %arg4) {torch.onnx.training_mode = 1 : si64, torch.onnx.momentum = 0.75 : f32} : (!torch.vtensor<[2,3,4],f32>, !torch.vtensor<[3],f32>, !torch.vtensor<[3],f32>, !torch.vtensor<[3],f32>, !torch.vtensor<[3],f32>) -> (!torch.vtensor<[2,3,4],f32>, !torch.vtensor<[3],f32>, !torch.vtensor<[3],f32>)
  return %0#0, %0#1, %0#2 : !torch.vtensor<[2,3,4],f32>, !torch.vtensor<[3],f32>, !torch.vtensor<[3],f32>
}

// -----

// BatchNormalization-15 with half-precision input: batch statistics in f32, parameters cast.
// CHECK-LABEL: func.func @test_batchnorm_training_f16_mixed
func.func @test_batchnorm_training_f16_mixed(%arg0: !torch.vtensor<[2,3],f16>, %arg1: !torch.vtensor<[3],f16>, %arg2: !torch.vtensor<[3],f16>, %arg3: !torch.vtensor<[3],f32>, %arg4: !torch.vtensor<[3],f32>) -> (!torch.vtensor<[2,3],f16>, !torch.vtensor<[3],f32>, !torch.vtensor<[3],f32>) attributes {torch.onnx_meta.opset_version = 15 : si64} {
  // CHECK: %[[X32:.*]] = torch.aten.to.dtype %arg0, {{.*}} -> !torch.vtensor<[2,3],f32>
  // CHECK: %[[MEAN:.*]] = torch.aten.mean.dim %[[X32]], {{.*}} -> !torch.vtensor<[3],f32>
  // CHECK: %[[VAR:.*]] = torch.aten.var.dim %[[X32]], {{.*}} -> !torch.vtensor<[3],f32>
  // CHECK: %[[MEAN16:.*]] = torch.aten.to.dtype %[[MEAN]], {{.*}} -> !torch.vtensor<[3],f16>
  // CHECK: %[[VAR16:.*]] = torch.aten.to.dtype %[[VAR]], {{.*}} -> !torch.vtensor<[3],f16>
  // CHECK: torch.aten.batch_norm %arg0, %arg1, %arg2, %[[MEAN16]], %[[VAR16]], {{.*}} -> !torch.vtensor<[2,3],f16>
  %0:3 = torch.operator "onnx.BatchNormalization"(%arg0, %arg1, %arg2, %arg3, %arg4) {torch.onnx.training_mode = 1 : si64} : (!torch.vtensor<[2,3],f16>, !torch.vtensor<[3],f16>, !torch.vtensor<[3],f16>, !torch.vtensor<[3],f32>, !torch.vtensor<[3],f32>) -> (!torch.vtensor<[2,3],f16>, !torch.vtensor<[3],f32>, !torch.vtensor<[3],f32>)
  return %0#0, %0#1, %0#2 : !torch.vtensor<[2,3],f16>, !torch.vtensor<[3],f32>, !torch.vtensor<[3],f32>
}

// -----

// BatchNormalization-7 is in training mode when the statistics outputs are asked for;
// saved_mean is the batch mean.
// CHECK-LABEL: func.func @test_batchnorm_v7_training_outputs
func.func @test_batchnorm_v7_training_outputs(%arg0: !torch.vtensor<[2,3],f32>, %arg1: !torch.vtensor<[3],f32>, %arg2: !torch.vtensor<[3],f32>, %arg3: !torch.vtensor<[3],f32>, %arg4: !torch.vtensor<[3],f32>) -> (!torch.vtensor<[2,3],f32>, !torch.vtensor<[3],f32>, !torch.vtensor<[3],f32>, !torch.vtensor<[3],f32>) attributes {torch.onnx_meta.opset_version = 7 : si64} {
  // CHECK: %[[MEAN:.*]] = torch.aten.mean.dim %arg0
  // CHECK: %[[Y:.*]] = torch.aten.batch_norm %arg0, %arg1, %arg2, %[[MEAN]]
  // CHECK: %[[RM:.*]] = torch.aten.add.Tensor
  // CHECK: %[[RV:.*]] = torch.aten.add.Tensor
  // CHECK: return %[[Y]], %[[RM]], %[[RV]], %[[MEAN]]
  %0:4 = torch.operator "onnx.BatchNormalization"(%arg0, %arg1, %arg2, %arg3, %arg4) : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[3],f32>, !torch.vtensor<[3],f32>, !torch.vtensor<[3],f32>, !torch.vtensor<[3],f32>) -> (!torch.vtensor<[2,3],f32>, !torch.vtensor<[3],f32>, !torch.vtensor<[3],f32>, !torch.vtensor<[3],f32>)
  return %0#0, %0#1, %0#2, %0#3 : !torch.vtensor<[2,3],f32>, !torch.vtensor<[3],f32>, !torch.vtensor<[3],f32>, !torch.vtensor<[3],f32>
}

// -----

// BatchNormalization-6 spatial=0: per-(C,D1..) statistics broadcast over N, elementwise.
// CHECK-LABEL: func.func @test_batchnorm_v6_not_spatial
func.func @test_batchnorm_v6_not_spatial(%arg0: !torch.vtensor<[2,3,4],f32>, %arg1: !torch.vtensor<[3,4],f32>, %arg2: !torch.vtensor<[3,4],f32>, %arg3: !torch.vtensor<[3,4],f32>, %arg4: !torch.vtensor<[3,4],f32>) -> !torch.vtensor<[2,3,4],f32> attributes {torch.onnx_meta.opset_version = 6 : si64} {
  // CHECK: %[[VE:.*]] = torch.aten.add.Scalar %arg4, %{{.*}}, %{{.*}} : !torch.vtensor<[3,4],f32>, !torch.float, !torch.int -> !torch.vtensor<[3,4],f32>
  // CHECK: %[[STD:.*]] = torch.aten.sqrt %[[VE]]
  // CHECK: %[[C:.*]] = torch.aten.sub.Tensor %arg0, %arg3, %{{.*}} : !torch.vtensor<[2,3,4],f32>, !torch.vtensor<[3,4],f32>, !torch.int -> !torch.vtensor<[2,3,4],f32>
  // CHECK: %[[N:.*]] = torch.aten.div.Tensor %[[C]], %[[STD]]
  // CHECK: %[[S:.*]] = torch.aten.mul.Tensor %[[N]], %arg1
  // CHECK: torch.aten.add.Tensor %[[S]], %arg2, %{{.*}} -> !torch.vtensor<[2,3,4],f32>
  %0 = torch.operator "onnx.BatchNormalization"(%arg0, %arg1, %arg2, %arg3, %arg4) {torch.onnx.is_test = 1 : si64, torch.onnx.spatial = 0 : si64} : (!torch.vtensor<[2,3,4],f32>, !torch.vtensor<[3,4],f32>, !torch.vtensor<[3,4],f32>, !torch.vtensor<[3,4],f32>, !torch.vtensor<[3,4],f32>) -> !torch.vtensor<[2,3,4],f32>
  return %0 : !torch.vtensor<[2,3,4],f32>
}

// -----

// CHECK-LABEL: func.func @test_batchnorm_v1_inference
func.func @test_batchnorm_v1_inference(%arg0: !torch.vtensor<[2,3,4],f32>, %arg1: !torch.vtensor<[3],f32>, %arg2: !torch.vtensor<[3],f32>, %arg3: !torch.vtensor<[3],f32>, %arg4: !torch.vtensor<[3],f32>) -> !torch.vtensor<[2,3,4],f32> attributes {torch.onnx_meta.opset_version = 1 : si64} {
  // CHECK: torch.aten.batch_norm %arg0, %arg1, %arg2, %arg3, %arg4
  %0 = torch.operator "onnx.BatchNormalization"(%arg0, %arg1, %arg2, %arg3, %arg4) {torch.onnx.consumed_inputs = [0 : si64, 0 : si64, 0 : si64, 1 : si64, 1 : si64], torch.onnx.is_test = 1 : si64} : (!torch.vtensor<[2,3,4],f32>, !torch.vtensor<[3],f32>, !torch.vtensor<[3],f32>, !torch.vtensor<[3],f32>, !torch.vtensor<[3],f32>) -> !torch.vtensor<[2,3,4],f32>
  return %0 : !torch.vtensor<[2,3,4],f32>
}

// -----

// A signed right shift by an amount outside [0, 8) shifts by 7: the sign fill.
// CHECK-LABEL: func.func @test_bitshift_right_si8
func.func @test_bitshift_right_si8(%arg0: !torch.vtensor<[3],si8>, %arg1: !torch.vtensor<[3],si8>) -> !torch.vtensor<[3],si8> attributes {torch.onnx_meta.opset_version = 28 : si64} {
  // CHECK: %[[W:.*]] = torch.vtensor.literal(dense<8> : tensor<si8>) : !torch.vtensor<[],si8>
  // CHECK: %[[LT:.*]] = torch.aten.lt.Tensor %arg1, %[[W]]
  // CHECK: %[[Z:.*]] = torch.vtensor.literal(dense<0> : tensor<si8>) : !torch.vtensor<[],si8>
  // CHECK: %[[GE:.*]] = torch.aten.ge.Tensor %arg1, %[[Z]]
  // CHECK: %[[OK:.*]] = torch.aten.logical_and %[[GE]], %[[LT]]
  // CHECK: %[[FILL:.*]] = torch.vtensor.literal(dense<7> : tensor<si8>) : !torch.vtensor<[],si8>
  // CHECK: %[[Y:.*]] = torch.aten.where.self %[[OK]], %arg1, %[[FILL]]
  // CHECK: %[[R:.*]] = torch.aten.bitwise_right_shift.Tensor %arg0, %[[Y]] : !torch.vtensor<[3],si8>, !torch.vtensor<[3],si8> -> !torch.vtensor<[3],si8>
  // CHECK: return %[[R]]
  %0 = torch.operator "onnx.BitShift"(%arg0, %arg1) {torch.onnx.direction = "RIGHT"} : (!torch.vtensor<[3],si8>, !torch.vtensor<[3],si8>) -> !torch.vtensor<[3],si8>
  return %0 : !torch.vtensor<[3],si8>
}

// -----

// Unsigned: shifts of 32 or more give 0.
// CHECK-LABEL: func.func @test_bitshift_left_ui32_v11
func.func @test_bitshift_left_ui32_v11(%arg0: !torch.vtensor<[3],ui32>, %arg1: !torch.vtensor<[1],ui32>) -> !torch.vtensor<[3],ui32> attributes {torch.onnx_meta.opset_version = 11 : si64} {
  // CHECK-NOT: tensor<ui32>
  // CHECK: %[[WIDE:.*]] = torch.aten.to.dtype %arg1, %{{.*}} -> !torch.vtensor<[1],si64>
  // CHECK: %[[W:.*]] = torch.vtensor.literal(dense<32> : tensor<si64>) : !torch.vtensor<[],si64>
  // CHECK: %[[OK:.*]] = torch.aten.lt.Tensor %[[WIDE]], %[[W]] : !torch.vtensor<[1],si64>, !torch.vtensor<[],si64> -> !torch.vtensor<[1],i1>
  // CHECK: %[[Z:.*]] = torch.aten.bitwise_xor.Tensor %arg1, %arg1 : !torch.vtensor<[1],ui32>, !torch.vtensor<[1],ui32> -> !torch.vtensor<[1],ui32>
  // CHECK: %[[Y:.*]] = torch.aten.where.self %[[OK]], %arg1, %[[Z]]
  // CHECK: %[[S:.*]] = torch.aten.bitwise_left_shift.Tensor %arg0, %[[Y]]
  // CHECK: torch.aten.where.self %[[OK]], %[[S]], %[[Z]] : !torch.vtensor<[1],i1>, !torch.vtensor<[3],ui32>, !torch.vtensor<[1],ui32> -> !torch.vtensor<[3],ui32>
  %0 = torch.operator "onnx.BitShift"(%arg0, %arg1) {torch.onnx.direction = "LEFT"} : (!torch.vtensor<[3],ui32>, !torch.vtensor<[1],ui32>) -> !torch.vtensor<[3],ui32>
  return %0 : !torch.vtensor<[3],ui32>
}

// -----

// CHECK-LABEL: func.func @test_bitwise_and
func.func @test_bitwise_and(%arg0: !torch.vtensor<[3,4],si32>, %arg1: !torch.vtensor<[4],si32>) -> !torch.vtensor<[3,4],si32> attributes {torch.onnx_meta.opset_version = 18 : si64} {
  // CHECK: torch.aten.bitwise_and.Tensor %arg0, %arg1 : !torch.vtensor<[3,4],si32>, !torch.vtensor<[4],si32> -> !torch.vtensor<[3,4],si32>
  %0 = torch.operator "onnx.BitwiseAnd"(%arg0, %arg1) : (!torch.vtensor<[3,4],si32>, !torch.vtensor<[4],si32>) -> !torch.vtensor<[3,4],si32>
  return %0 : !torch.vtensor<[3,4],si32>
}

// -----

// CHECK-LABEL: func.func @test_bitwise_not
func.func @test_bitwise_not(%arg0: !torch.vtensor<[3],ui8>) -> !torch.vtensor<[3],ui8> attributes {torch.onnx_meta.opset_version = 18 : si64} {
  // CHECK: torch.aten.bitwise_not %arg0 : !torch.vtensor<[3],ui8> -> !torch.vtensor<[3],ui8>
  %0 = torch.operator "onnx.BitwiseNot"(%arg0) : (!torch.vtensor<[3],ui8>) -> !torch.vtensor<[3],ui8>
  return %0 : !torch.vtensor<[3],ui8>
}

// -----

// CHECK-LABEL: func.func @test_bitwise_or
func.func @test_bitwise_or(%arg0: !torch.vtensor<[3],si16>, %arg1: !torch.vtensor<[3],si16>) -> !torch.vtensor<[3],si16> attributes {torch.onnx_meta.opset_version = 18 : si64} {
  // CHECK: torch.aten.bitwise_or.Tensor %arg0, %arg1
  %0 = torch.operator "onnx.BitwiseOr"(%arg0, %arg1) : (!torch.vtensor<[3],si16>, !torch.vtensor<[3],si16>) -> !torch.vtensor<[3],si16>
  return %0 : !torch.vtensor<[3],si16>
}

// -----

// CHECK-LABEL: func.func @test_bitwise_xor
func.func @test_bitwise_xor(%arg0: !torch.vtensor<[3],i1>, %arg1: !torch.vtensor<[3],i1>) -> !torch.vtensor<[3],i1> attributes {torch.onnx_meta.opset_version = 18 : si64} {
  // CHECK: torch.aten.bitwise_xor.Tensor %arg0, %arg1
  %0 = torch.operator "onnx.BitwiseXor"(%arg0, %arg1) : (!torch.vtensor<[3],i1>, !torch.vtensor<[3],i1>) -> !torch.vtensor<[3],i1>
  return %0 : !torch.vtensor<[3],i1>
}

// -----

// CHECK-LABEL: func.func @test_bitcast_f32_to_si32
func.func @test_bitcast_f32_to_si32(%arg0: !torch.vtensor<[2,3],f32>) -> !torch.vtensor<[2,3],si32> attributes {torch.onnx_meta.opset_version = 26 : si64} {
  // CHECK: %[[DT:.*]] = torch.constant.int 3
  // CHECK: torch.aten.view.dtype %arg0, %[[DT]] : !torch.vtensor<[2,3],f32>, !torch.int -> !torch.vtensor<[2,3],si32>
  %0 = torch.operator "onnx.BitCast"(%arg0) {torch.onnx.to = 6 : si64} : (!torch.vtensor<[2,3],f32>) -> !torch.vtensor<[2,3],si32>
  return %0 : !torch.vtensor<[2,3],si32>
}

// -----

// A rank-0 view.dtype crashes iree-compile: it goes through rank 1.
// CHECK-LABEL: func.func @test_bitcast_scalar
func.func @test_bitcast_scalar(%arg0: !torch.vtensor<[],f32>) -> !torch.vtensor<[],si32> attributes {torch.onnx_meta.opset_version = 26 : si64} {
  // CHECK: %[[U:.*]] = torch.aten.unsqueeze %arg0, %{{.*}} -> !torch.vtensor<[1],f32>
  // CHECK: %[[V:.*]] = torch.aten.view.dtype %[[U]], %{{.*}} -> !torch.vtensor<[1],si32>
  // CHECK: torch.aten.squeeze.dim %[[V]], %{{.*}} -> !torch.vtensor<[],si32>
  %0 = torch.operator "onnx.BitCast"(%arg0) {torch.onnx.to = 6 : si64} : (!torch.vtensor<[],f32>) -> !torch.vtensor<[],si32>
  return %0 : !torch.vtensor<[],si32>
}

// -----

// CHECK-LABEL: func.func @test_bitcast_bool_to_ui8
func.func @test_bitcast_bool_to_ui8(%arg0: !torch.vtensor<[4],i1>) -> !torch.vtensor<[4],ui8> attributes {torch.onnx_meta.opset_version = 26 : si64} {
  // CHECK: %[[DT:.*]] = torch.constant.int 0
  // CHECK: torch.aten.view.dtype %arg0, %[[DT]] : !torch.vtensor<[4],i1>, !torch.int -> !torch.vtensor<[4],ui8>
  %0 = torch.operator "onnx.BitCast"(%arg0) {torch.onnx.to = 2 : si64} : (!torch.vtensor<[4],i1>) -> !torch.vtensor<[4],ui8>
  return %0 : !torch.vtensor<[4],ui8>
}

// -----

// CHECK-LABEL: func.func @test_bernoulli
func.func @test_bernoulli(%arg0: !torch.vtensor<[10],f64>) -> !torch.vtensor<[10],f64> attributes {torch.onnx_meta.opset_version = 15 : si64} {
  // CHECK: %[[NONE:.*]] = torch.constant.none
  // CHECK: %[[R:.*]] = torch.aten.bernoulli %arg0, %[[NONE]] : !torch.vtensor<[10],f64>, !torch.none -> !torch.vtensor<[10],f64>
  // CHECK: return %[[R]]
  %0 = torch.operator "onnx.Bernoulli"(%arg0) : (!torch.vtensor<[10],f64>) -> !torch.vtensor<[10],f64>
  return %0 : !torch.vtensor<[10],f64>
}

// -----

// CHECK-LABEL: func.func @test_bernoulli_dtype
func.func @test_bernoulli_dtype(%arg0: !torch.vtensor<[10],f32>) -> !torch.vtensor<[10],si64> attributes {torch.onnx_meta.opset_version = 22 : si64} {
  // CHECK: %[[R:.*]] = torch.aten.bernoulli %arg0, %{{.*}} : !torch.vtensor<[10],f32>, !torch.none -> !torch.vtensor<[10],f32>
  // CHECK: torch.aten.to.dtype %[[R]], %int4, {{.*}} -> !torch.vtensor<[10],si64>
  %0 = torch.operator "onnx.Bernoulli"(%arg0) {torch.onnx.dtype = 7 : si64} : (!torch.vtensor<[10],f32>) -> !torch.vtensor<[10],si64>
  return %0 : !torch.vtensor<[10],si64>
}

// -----

// Run-time size, periodic=0: the denominator is size - 1.
// CHECK-LABEL: func.func @test_blackmanwindow_symmetric
func.func @test_blackmanwindow_symmetric(%arg0: !torch.vtensor<[],si32>) -> !torch.vtensor<[?],f32> attributes {torch.onnx_meta.opset_version = 17 : si64} {
  // CHECK: %[[N:.*]] = torch.aten.item %arg0 : !torch.vtensor<[],si32> -> !torch.int
  // CHECK: %[[DEN:.*]] = torch.aten.sub.int %[[N]], %{{.*}}
  // CHECK: %[[I:.*]] = torch.aten.arange %[[N]], {{.*}} -> !torch.vtensor<[?],f32>
  // CHECK: %[[A:.*]] = torch.aten.mul.Scalar %[[I]], %float6.283190e00
  // CHECK: %[[AD:.*]] = torch.aten.div.Scalar %[[A]], %[[DEN]]
  // CHECK: torch.aten.cos %[[AD]]
  // CHECK: torch.aten.mul.Scalar %[[I]], %float1.256640e01
  // CHECK: %[[S:.*]] = torch.aten.add.Tensor
  // CHECK: torch.aten.add.Scalar %[[S]], %float4.200000e-01
  %0 = torch.operator "onnx.BlackmanWindow"(%arg0) {torch.onnx.periodic = 0 : si64} : (!torch.vtensor<[],si32>) -> !torch.vtensor<[?],f32>
  return %0 : !torch.vtensor<[?],f32>
}

// -----

// Constant size, f64 output: computed in f64.
// CHECK-LABEL: func.func @test_blackmanwindow_f64
func.func @test_blackmanwindow_f64() -> !torch.vtensor<[8],f64> attributes {torch.onnx_meta.opset_version = 17 : si64} {
  // CHECK: %[[I:.*]] = torch.aten.arange %int8, %int7, {{.*}} -> !torch.vtensor<[8],f64>
  // CHECK: torch.aten.div.Scalar %{{.*}}, %int8_{{.*}} : !torch.vtensor<[8],f64>, !torch.int -> !torch.vtensor<[8],f64>
  %size = torch.vtensor.literal(dense<8> : tensor<si64>) : !torch.vtensor<[],si64>
  %0 = torch.operator "onnx.BlackmanWindow"(%size) {torch.onnx.output_datatype = 11 : si64} : (!torch.vtensor<[],si64>) -> !torch.vtensor<[8],f64>
  return %0 : !torch.vtensor<[8],f64>
}

// -----

// |x| of an unsigned tensor is x (aten.abs would be lowered as a signed abs).
// CHECK-LABEL: func.func @test_abs_unsigned
func.func @test_abs_unsigned(%arg0: !torch.vtensor<[3],ui16>) -> !torch.vtensor<[3],ui16> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK-NOT: torch.aten.abs
  // CHECK: return %arg0
  %0 = torch.operator "onnx.Abs"(%arg0) : (!torch.vtensor<[3],ui16>) -> !torch.vtensor<[3],ui16>
  return %0 : !torch.vtensor<[3],ui16>
}
