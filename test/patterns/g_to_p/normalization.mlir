// RUN: %opt --split-input-file --convert-torch-onnx-to-torch %s | filecheck %s

// -----

// Normalized over dims 1.., with the Mean and InvStdDev outputs.
// CHECK-LABEL: func.func @test_layernorm_mean_invstd
// CHECK: %[[MU:.*]] = torch.aten.mean.dim %arg0, {{.*}} -> !torch.vtensor<[2,1,1],f32>
// CHECK: %[[D:.*]] = torch.aten.sub.Tensor %arg0, %[[MU]]
// CHECK: %[[SQ:.*]] = torch.aten.mul.Tensor %[[D]], %[[D]]
// CHECK: %[[VAR:.*]] = torch.aten.mean.dim %[[SQ]]
// CHECK: %[[VE:.*]] = torch.aten.add.Scalar %[[VAR]], %float1.000000e-03
// CHECK: %[[INV:.*]] = torch.aten.rsqrt %[[VE]]
// CHECK: %[[N:.*]] = torch.aten.mul.Tensor %[[D]], %[[INV]]
// CHECK: %[[S:.*]] = torch.aten.mul.Tensor %[[N]], %arg1
// CHECK: %[[Y:.*]] = torch.aten.add.Tensor %[[S]], %arg2
// CHECK: return %[[Y]], %[[MU]], %[[INV]]
func.func @test_layernorm_mean_invstd(%arg0: !torch.vtensor<[2,3,4],f32>, %arg1: !torch.vtensor<[3,4],f32>, %arg2: !torch.vtensor<[3,4],f32>) -> (!torch.vtensor<[2,3,4],f32>, !torch.vtensor<[2,1,1],f32>, !torch.vtensor<[2,1,1],f32>) attributes {torch.onnx_meta.opset_version = 17 : si64} {
  %0:3 = torch.operator "onnx.LayerNormalization"(%arg0, %arg1, %arg2) {torch.onnx.axis = 1 : si64, torch.onnx.epsilon = 1.000000e-03 : f32} : (!torch.vtensor<[2,3,4],f32>, !torch.vtensor<[3,4],f32>, !torch.vtensor<[3,4],f32>) -> (!torch.vtensor<[2,3,4],f32>, !torch.vtensor<[2,1,1],f32>, !torch.vtensor<[2,1,1],f32>)
  return %0#0, %0#1, %0#2 : !torch.vtensor<[2,3,4],f32>, !torch.vtensor<[2,1,1],f32>, !torch.vtensor<[2,1,1],f32>
}

// -----

// f16 input: statistics in the stash type (f32), scaled in f16; no bias.
// CHECK-LABEL: func.func @test_layernorm_f16_stash_no_bias
// CHECK: %[[X:.*]] = torch.aten.to.dtype %arg0, %int6
// CHECK: torch.aten.mean.dim %[[X]], {{.*}} -> !torch.vtensor<[?,1],f32>
// CHECK: %[[N:.*]] = torch.aten.to.dtype {{.*}}, %int5, {{.*}} -> !torch.vtensor<[?,8],f16>
// CHECK: %[[Y:.*]] = torch.aten.mul.Tensor %[[N]], %arg1
// CHECK: return %[[Y]]
func.func @test_layernorm_f16_stash_no_bias(%arg0: !torch.vtensor<[?,8],f16>, %arg1: !torch.vtensor<[8],f16>) -> !torch.vtensor<[?,8],f16> attributes {torch.onnx_meta.opset_version = 17 : si64} {
  %0 = torch.operator "onnx.LayerNormalization"(%arg0, %arg1) : (!torch.vtensor<[?,8],f16>, !torch.vtensor<[8],f16>) -> !torch.vtensor<[?,8],f16>
  return %0 : !torch.vtensor<[?,8],f16>
}

// -----

// GroupNormalization-18: scale and bias per group, applied in the grouped view.
// CHECK-LABEL: func.func @test_groupnorm_v18_per_group
// CHECK: %[[G:.*]] = torch.aten.reshape %arg0, {{.*}} -> !torch.vtensor<[3,2,8],f32>
// CHECK: torch.aten.mean.dim %[[G]], {{.*}} -> !torch.vtensor<[3,2,1],f32>
// CHECK: %[[S:.*]] = torch.aten.reshape %arg1, {{.*}} -> !torch.vtensor<[2,1],f32>
// CHECK: torch.aten.mul.Tensor {{.*}}, %[[S]] : !torch.vtensor<[3,2,8],f32>
// CHECK: %[[Y:.*]] = torch.aten.reshape {{.*}} -> !torch.vtensor<[3,4,2,2],f32>
// CHECK: return %[[Y]]
func.func @test_groupnorm_v18_per_group(%arg0: !torch.vtensor<[3,4,2,2],f32>, %arg1: !torch.vtensor<[2],f32>, %arg2: !torch.vtensor<[2],f32>) -> !torch.vtensor<[3,4,2,2],f32> attributes {torch.onnx_meta.opset_version = 18 : si64} {
  %0 = torch.operator "onnx.GroupNormalization"(%arg0, %arg1, %arg2) {torch.onnx.num_groups = 2 : si64} : (!torch.vtensor<[3,4,2,2],f32>, !torch.vtensor<[2],f32>, !torch.vtensor<[2],f32>) -> !torch.vtensor<[3,4,2,2],f32>
  return %0 : !torch.vtensor<[3,4,2,2],f32>
}

// -----

// GroupNormalization-21: scale and bias per channel, applied after reshaping back.
// CHECK-LABEL: func.func @test_groupnorm_v21_per_channel
// CHECK: %[[G:.*]] = torch.aten.reshape %arg0, {{.*}} -> !torch.vtensor<[3,2,8],f32>
// CHECK: torch.aten.reshape {{.*}} -> !torch.vtensor<[3,4,2,2],f32>
// CHECK: %[[S:.*]] = torch.aten.reshape %arg1, {{.*}} -> !torch.vtensor<[4,1,1],f32>
// CHECK: torch.aten.mul.Tensor {{.*}}, %[[S]] : !torch.vtensor<[3,4,2,2],f32>
func.func @test_groupnorm_v21_per_channel(%arg0: !torch.vtensor<[3,4,2,2],f32>, %arg1: !torch.vtensor<[4],f32>, %arg2: !torch.vtensor<[4],f32>) -> !torch.vtensor<[3,4,2,2],f32> attributes {torch.onnx_meta.opset_version = 21 : si64} {
  %0 = torch.operator "onnx.GroupNormalization"(%arg0, %arg1, %arg2) {torch.onnx.epsilon = 1.000000e-02 : f32, torch.onnx.num_groups = 2 : si64} : (!torch.vtensor<[3,4,2,2],f32>, !torch.vtensor<[4],f32>, !torch.vtensor<[4],f32>) -> !torch.vtensor<[3,4,2,2],f32>
  return %0 : !torch.vtensor<[3,4,2,2],f32>
}

// -----

// CHECK-LABEL: func.func @test_instancenorm
// CHECK: torch.aten.mean.dim %arg0, {{.*}} -> !torch.vtensor<[2,3,1,1],f32>
// CHECK: %[[S:.*]] = torch.aten.reshape %arg1, {{.*}} -> !torch.vtensor<[3,1,1],f32>
// CHECK: torch.aten.mul.Tensor {{.*}}, %[[S]]
// CHECK: %[[B:.*]] = torch.aten.reshape %arg2
// CHECK: torch.aten.add.Tensor {{.*}}, %[[B]]
func.func @test_instancenorm(%arg0: !torch.vtensor<[2,3,4,5],f32>, %arg1: !torch.vtensor<[3],f32>, %arg2: !torch.vtensor<[3],f32>) -> !torch.vtensor<[2,3,4,5],f32> attributes {torch.onnx_meta.opset_version = 6 : si64} {
  %0 = torch.operator "onnx.InstanceNormalization"(%arg0, %arg1, %arg2) {torch.onnx.epsilon = 1.000000e-02 : f32} : (!torch.vtensor<[2,3,4,5],f32>, !torch.vtensor<[3],f32>, !torch.vtensor<[3],f32>) -> !torch.vtensor<[2,3,4,5],f32>
  return %0 : !torch.vtensor<[2,3,4,5],f32>
}

// -----

// CHECK-LABEL: func.func @test_lpnorm_p1_axis0
// CHECK: %[[A:.*]] = torch.aten.abs %arg0
// CHECK: %[[N:.*]] = torch.aten.sum.dim_IntList %[[A]], {{.*}} -> !torch.vtensor<[1,4],f32>
// CHECK: %[[Q:.*]] = torch.aten.div.Tensor %arg0, %[[N]]
// CHECK: %[[Z:.*]] = torch.aten.eq.Scalar %[[N]]
// CHECK: torch.aten.where.ScalarSelf %[[Z]], {{.*}}, %[[Q]]
func.func @test_lpnorm_p1_axis0(%arg0: !torch.vtensor<[3,4],f32>) -> !torch.vtensor<[3,4],f32> attributes {torch.onnx_meta.opset_version = 22 : si64} {
  %0 = torch.operator "onnx.LpNormalization"(%arg0) {torch.onnx.axis = 0 : si64, torch.onnx.p = 1 : si64} : (!torch.vtensor<[3,4],f32>) -> !torch.vtensor<[3,4],f32>
  return %0 : !torch.vtensor<[3,4],f32>
}

// -----

// CHECK-LABEL: func.func @test_lpnorm_p2_default
// CHECK: %[[SQ:.*]] = torch.aten.mul.Tensor %arg0, %arg0
// CHECK: %[[S:.*]] = torch.aten.sum.dim_IntList %[[SQ]], {{.*}} -> !torch.vtensor<[3,1],f32>
// CHECK: %[[N:.*]] = torch.aten.sqrt %[[S]]
// CHECK: torch.aten.div.Tensor %arg0, %[[N]]
func.func @test_lpnorm_p2_default(%arg0: !torch.vtensor<[3,4],f32>) -> !torch.vtensor<[3,4],f32> attributes {torch.onnx_meta.opset_version = 1 : si64} {
  %0 = torch.operator "onnx.LpNormalization"(%arg0) : (!torch.vtensor<[3,4],f32>) -> !torch.vtensor<[3,4],f32>
  return %0 : !torch.vtensor<[3,4],f32>
}

// -----

// Axes default to [0, 2, 3]; (x - mean) / (std + 1e-9) as ONNX's function body.
// CHECK-LABEL: func.func @test_mvn_default_axes
// CHECK: %[[MU:.*]] = torch.aten.mean.dim %arg0, {{.*}} -> !torch.vtensor<[1,3,1,1],f32>
// CHECK: %[[D:.*]] = torch.aten.sub.Tensor %arg0, %[[MU]]
// CHECK: %[[STD:.*]] = torch.aten.sqrt
// CHECK: %[[DEN:.*]] = torch.aten.add.Scalar %[[STD]], %float1.000000e-09
// CHECK: torch.aten.div.Tensor %[[D]], %[[DEN]]
func.func @test_mvn_default_axes(%arg0: !torch.vtensor<[3,3,3,1],f32>) -> !torch.vtensor<[3,3,3,1],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  %0 = torch.operator "onnx.MeanVarianceNormalization"(%arg0) : (!torch.vtensor<[3,3,3,1],f32>) -> !torch.vtensor<[3,3,3,1],f32>
  return %0 : !torch.vtensor<[3,3,3,1],f32>
}

// -----

// An omitted optional output (Mean) stays unproduced; InvStdDev is still returned.
// CHECK-LABEL: func.func @test_layernorm_middle_output_omitted
// CHECK: %[[INV:.*]] = torch.aten.rsqrt
// CHECK: %[[Y:.*]] = torch.aten.mul.Tensor {{.*}}, %arg1
// CHECK: return %[[Y]], %[[INV]]
func.func @test_layernorm_middle_output_omitted(%arg0: !torch.vtensor<[2,3],f32>, %arg1: !torch.vtensor<[3],f32>) -> (!torch.vtensor<[2,3],f32>, !torch.vtensor<[2,1],f32>) attributes {torch.onnx_meta.opset_version = 17 : si64} {
  %0:3 = torch.operator "onnx.LayerNormalization"(%arg0, %arg1) : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[3],f32>) -> (!torch.vtensor<[2,3],f32>, !torch.none, !torch.vtensor<[2,1],f32>)
  return %0#0, %0#2 : !torch.vtensor<[2,3],f32>, !torch.vtensor<[2,1],f32>
}
