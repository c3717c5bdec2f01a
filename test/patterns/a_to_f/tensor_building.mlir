// RUN: %opt --split-input-file --convert-torch-onnx-to-torch %s | filecheck %s

// CHECK-LABEL: func.func @test_ceil_v6
func.func @test_ceil_v6(%arg0: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 6 : si64} {
  // CHECK: torch.aten.ceil %arg0 : !torch.vtensor<[3],f32> -> !torch.vtensor<[3],f32>
  %0 = torch.operator "onnx.Ceil"(%arg0) : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}

// -----

// CHECK-LABEL: func.func @test_celu
func.func @test_celu(%arg0: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 12 : si64} {
  // CHECK: %[[ALPHA:.*]] = torch.constant.float 2.000000e+00
  // CHECK: torch.aten.celu %arg0, %[[ALPHA]] : !torch.vtensor<[3],f32>, !torch.float -> !torch.vtensor<[3],f32>
  %0 = torch.operator "onnx.Celu"(%arg0) {torch.onnx.alpha = 2.000000e+00 : f32} : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}

// -----

// Celu-28 adds f16/bf16/f64; alpha defaults to 1.
// CHECK-LABEL: func.func @test_celu_v28_default_alpha
func.func @test_celu_v28_default_alpha(%arg0: !torch.vtensor<[3],f16>) -> !torch.vtensor<[3],f16> attributes {torch.onnx_meta.opset_version = 28 : si64} {
  // CHECK: %[[ALPHA:.*]] = torch.constant.float 1.000000e+00
  // CHECK: torch.aten.celu %arg0, %[[ALPHA]] : !torch.vtensor<[3],f16>, !torch.float -> !torch.vtensor<[3],f16>
  %0 = torch.operator "onnx.Celu"(%arg0) : (!torch.vtensor<[3],f16>) -> !torch.vtensor<[3],f16>
  return %0 : !torch.vtensor<[3],f16>
}

// -----

// Axis 0 grows 5 -> 8 (1 before, 2 after), axis -2 shrinks 6 -> 3 (from 1).
// CHECK-LABEL: func.func @test_center_crop_pad_static
func.func @test_center_crop_pad_static(%arg0: !torch.vtensor<[5,6,3],f32>) -> !torch.vtensor<[8,3,3],f32> attributes {torch.onnx_meta.opset_version = 18 : si64} {
  // CHECK: %[[PADS:.*]] = torch.prim.ListConstruct %int0, %int0_0, %int0_1, %int0_2, %int1, %int2 :
  // CHECK: %[[P:.*]] = torch.aten.constant_pad_nd %arg0, %[[PADS]], %{{.*}} -> !torch.vtensor<[8,6,3],f32>
  // CHECK: %[[AX:.*]] = torch.constant.int 1
  // CHECK: %[[START:.*]] = torch.constant.int 1
  // CHECK: %[[END:.*]] = torch.constant.int 4
  // CHECK: torch.aten.slice.Tensor %[[P]], %[[AX]], %[[START]], %[[END]], %{{.*}} -> !torch.vtensor<[8,3,3],f32>
  %0 = torch.vtensor.literal(dense<[8, 3]> : tensor<2xsi64>) : !torch.vtensor<[2],si64>
  %1 = torch.operator "onnx.CenterCropPad"(%arg0, %0) {torch.onnx.axes = [0 : si64, -2 : si64]} : (!torch.vtensor<[5,6,3],f32>, !torch.vtensor<[2],si64>) -> !torch.vtensor<[8,3,3],f32>
  return %1 : !torch.vtensor<[8,3,3],f32>
}

// -----

// Sizes known only at run time: pad by max(want - have, 0), then crop by max(have - want, 0).
// CHECK-LABEL: func.func @test_center_crop_pad_runtime_shape
func.func @test_center_crop_pad_runtime_shape(%arg0: !torch.vtensor<[?,4],f32>, %arg1: !torch.vtensor<[1],si64>) -> !torch.vtensor<[?,4],f32> attributes {torch.onnx_meta.opset_version = 18 : si64} {
  // CHECK: %[[SEL:.*]] = torch.aten.select.int %arg1
  // CHECK: %[[WANT:.*]] = torch.aten.item %[[SEL]]
  // CHECK: %[[HAVE:.*]] = torch.aten.size.int %arg0
  // CHECK: %[[DIFF:.*]] = torch.aten.sub.int %[[WANT]], %[[HAVE]]
  // CHECK: %[[GROW:.*]] = torch.prim.max.int %[[DIFF]]
  // CHECK: %[[LO:.*]] = torch.aten.floordiv.int %[[GROW]]
  // CHECK: %[[HI:.*]] = torch.aten.sub.int %[[GROW]], %[[LO]]
  // CHECK: %[[PADS:.*]] = torch.prim.ListConstruct %{{.*}}, %{{.*}}, %[[LO]], %[[HI]]
  // CHECK: %[[P:.*]] = torch.aten.constant_pad_nd %arg0, %[[PADS]]
  // CHECK: %[[NEG:.*]] = torch.aten.neg.int %[[DIFF]]
  // CHECK: %[[SHRINK:.*]] = torch.prim.max.int %[[NEG]]
  // CHECK: %[[START:.*]] = torch.aten.floordiv.int %[[SHRINK]]
  // CHECK: %[[END:.*]] = torch.aten.add.int %[[START]], %[[WANT]]
  // CHECK: torch.aten.slice.Tensor %[[P]], %{{.*}}, %[[START]], %[[END]], %{{.*}} -> !torch.vtensor<[?,4],f32>
  %0 = torch.operator "onnx.CenterCropPad"(%arg0, %arg1) {torch.onnx.axes = [0 : si64]} : (!torch.vtensor<[?,4],f32>, !torch.vtensor<[1],si64>) -> !torch.vtensor<[?,4],f32>
  return %0 : !torch.vtensor<[?,4],f32>
}

// -----

// Clip-6 defaults an absent bound to -+FLT_MAX; NaN is kept explicitly (the clamp lowering
// would turn it into the lower bound).
// CHECK-LABEL: func.func @test_clip_v6_attributes
func.func @test_clip_v6_attributes(%arg0: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 6 : si64} {
  // CHECK: %[[LO:.*]] = torch.constant.float -3.4028234663852886E+38
  // CHECK: %[[HI:.*]] = torch.constant.float 6.000000e+00
  // CHECK: %[[C:.*]] = torch.aten.clamp %arg0, %[[LO]], %[[HI]]
  // CHECK: %[[NAN:.*]] = torch.aten.isnan %arg0
  // CHECK: torch.aten.where.self %[[NAN]], %arg0, %[[C]]
  %0 = torch.operator "onnx.Clip"(%arg0) {torch.onnx.max = 6.000000e+00 : f32} : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}

// -----

// Clip-1 leaves an absent bound open.
// CHECK-LABEL: func.func @test_clip_v1_open_bounds
func.func @test_clip_v1_open_bounds(%arg0: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 1 : si64} {
  // CHECK: %[[LO:.*]] = torch.constant.float 0.000000e+00
  // CHECK: %[[NONE:.*]] = torch.constant.none
  // CHECK: torch.aten.clamp %arg0, %[[LO]], %[[NONE]]
  %0 = torch.operator "onnx.Clip"(%arg0) {torch.onnx.min = 0.000000e+00 : f32} : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}

// -----

// CHECK-LABEL: func.func @test_clip_v13_inputs
func.func @test_clip_v13_inputs(%arg0: !torch.vtensor<[3],f32>, %arg1: !torch.vtensor<[],f32>, %arg2: !torch.vtensor<[],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: %[[C:.*]] = torch.aten.clamp.Tensor %arg0, %arg1, %arg2 : !torch.vtensor<[3],f32>, !torch.vtensor<[],f32>, !torch.vtensor<[],f32> -> !torch.vtensor<[3],f32>
  // CHECK: %[[NAN:.*]] = torch.aten.isnan %arg0
  // CHECK: torch.aten.where.self %[[NAN]], %arg0, %[[C]]
  %0 = torch.operator "onnx.Clip"(%arg0, %arg1, %arg2) : (!torch.vtensor<[3],f32>, !torch.vtensor<[],f32>, !torch.vtensor<[],f32>) -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}

// -----

// Integers need no NaN handling; an omitted min is none.
// CHECK-LABEL: func.func @test_clip_v12_int_max_only
func.func @test_clip_v12_int_max_only(%arg0: !torch.vtensor<[3],si8>, %arg1: !torch.vtensor<[],si8>) -> !torch.vtensor<[3],si8> attributes {torch.onnx_meta.opset_version = 12 : si64} {
  // CHECK: %[[C:.*]] = torch.aten.clamp.Tensor %arg0, %none{{.*}}, %arg1 : !torch.vtensor<[3],si8>, !torch.none, !torch.vtensor<[],si8> -> !torch.vtensor<[3],si8>
  // CHECK-NOT: torch.aten.isnan
  // CHECK: return %[[C]]
  %none = torch.constant.none
  %0 = torch.operator "onnx.Clip"(%arg0, %none, %arg1) : (!torch.vtensor<[3],si8>, !torch.none, !torch.vtensor<[],si8>) -> !torch.vtensor<[3],si8>
  return %0 : !torch.vtensor<[3],si8>
}

// -----

// CHECK-LABEL: func.func @test_clip_v11_no_bounds
func.func @test_clip_v11_no_bounds(%arg0: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 11 : si64} {
  // CHECK-NOT: torch.aten.clamp
  // CHECK: return %arg0
  %0 = torch.operator "onnx.Clip"(%arg0) : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}

// -----

// CHECK-LABEL: func.func @test_compress_axis
func.func @test_compress_axis(%arg0: !torch.vtensor<[3,2],f32>, %arg1: !torch.vtensor<[3],i1>) -> !torch.vtensor<[?,2],f32> attributes {torch.onnx_meta.opset_version = 11 : si64} {
  // CHECK: %[[NZ:.*]] = torch.aten.nonzero %arg1 : !torch.vtensor<[3],i1> -> !torch.vtensor<[?,1],si64>
  // CHECK: %[[IDX:.*]] = torch.aten.flatten.using_ints %[[NZ]], {{.*}} -> !torch.vtensor<[?],si64>
  // CHECK: %[[AX:.*]] = torch.constant.int 0
  // CHECK: torch.aten.index_select %arg0, %[[AX]], %[[IDX]] : !torch.vtensor<[3,2],f32>, !torch.int, !torch.vtensor<[?],si64> -> !torch.vtensor<[?,2],f32>
  %0 = torch.operator "onnx.Compress"(%arg0, %arg1) {torch.onnx.axis = -2 : si64} : (!torch.vtensor<[3,2],f32>, !torch.vtensor<[3],i1>) -> !torch.vtensor<[?,2],f32>
  return %0 : !torch.vtensor<[?,2],f32>
}

// -----

// Without an axis the input is flattened; a short condition drops the tail.
// CHECK-LABEL: func.func @test_compress_flattened
func.func @test_compress_flattened(%arg0: !torch.vtensor<[3,2],f32>, %arg1: !torch.vtensor<[5],i1>) -> !torch.vtensor<[?],f32> attributes {torch.onnx_meta.opset_version = 9 : si64} {
  // CHECK: %[[NZ:.*]] = torch.aten.nonzero %arg1
  // CHECK: %[[IDX:.*]] = torch.aten.flatten.using_ints %[[NZ]]
  // CHECK: %[[FLAT:.*]] = torch.aten.flatten.using_ints %arg0, {{.*}} -> !torch.vtensor<[6],f32>
  // CHECK: torch.aten.index_select %[[FLAT]], %{{.*}}, %[[IDX]] : {{.*}} -> !torch.vtensor<[?],f32>
  %0 = torch.operator "onnx.Compress"(%arg0, %arg1) : (!torch.vtensor<[3,2],f32>, !torch.vtensor<[5],i1>) -> !torch.vtensor<[?],f32>
  return %0 : !torch.vtensor<[?],f32>
}

// -----

// CHECK-LABEL: func.func @test_concat_v4
func.func @test_concat_v4(%arg0: !torch.vtensor<[2,3],f32>, %arg1: !torch.vtensor<[2,5],f32>) -> !torch.vtensor<[2,8],f32> attributes {torch.onnx_meta.opset_version = 4 : si64} {
  // CHECK: %[[LIST:.*]] = torch.prim.ListConstruct %arg0, %arg1
  // CHECK: %[[AXIS:.*]] = torch.constant.int 1
  // CHECK: torch.aten.cat %[[LIST]], %[[AXIS]] : !torch.list<vtensor>, !torch.int -> !torch.vtensor<[2,8],f32>
  %0 = torch.operator "onnx.Concat"(%arg0, %arg1) {torch.onnx.axis = 1 : si64} : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[2,5],f32>) -> !torch.vtensor<[2,8],f32>
  return %0 : !torch.vtensor<[2,8],f32>
}

// -----

// Concat-1: axis defaults to 1.
// CHECK-LABEL: func.func @test_concat_v1_default_axis
func.func @test_concat_v1_default_axis(%arg0: !torch.vtensor<[2,3],f32>, %arg1: !torch.vtensor<[2,5],f32>) -> !torch.vtensor<[2,8],f32> attributes {torch.onnx_meta.opset_version = 1 : si64} {
  // CHECK: %[[LIST:.*]] = torch.prim.ListConstruct %arg0, %arg1
  // CHECK: %[[AXIS:.*]] = torch.constant.int 1
  // CHECK: torch.aten.cat %[[LIST]], %[[AXIS]]
  %0 = torch.operator "onnx.Concat"(%arg0, %arg1) : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[2,5],f32>) -> !torch.vtensor<[2,8],f32>
  return %0 : !torch.vtensor<[2,8],f32>
}

// -----

// No value: f32 zeros. A run-time shape is read entry by entry.
// CHECK-LABEL: func.func @test_constantofshape_default
func.func @test_constantofshape_default(%arg0: !torch.vtensor<[2],si64>) -> !torch.vtensor<[?,?],f32> attributes {torch.onnx_meta.opset_version = 9 : si64} {
  // CHECK: %[[S0:.*]] = torch.aten.select.int %arg0
  // CHECK: %[[D0:.*]] = torch.aten.item %[[S0]] : !torch.vtensor<[],si64> -> !torch.int
  // CHECK: %[[S1:.*]] = torch.aten.select.int %arg0
  // CHECK: %[[D1:.*]] = torch.aten.item %[[S1]]
  // CHECK: %[[DIMS:.*]] = torch.prim.ListConstruct %[[D0]], %[[D1]]
  // CHECK: %[[V:.*]] = torch.constant.float 0.000000e+00
  // CHECK: %[[DT:.*]] = torch.constant.int 6
  // CHECK: torch.aten.full %[[DIMS]], %[[V]], %[[DT]], {{.*}} -> !torch.vtensor<[?,?],f32>
  %0 = torch.operator "onnx.ConstantOfShape"(%arg0) : (!torch.vtensor<[2],si64>) -> !torch.vtensor<[?,?],f32>
  return %0 : !torch.vtensor<[?,?],f32>
}

// -----

// A small integer result computed from constants is folded into a literal at conversion time.
// CHECK-LABEL: func.func @test_constantofshape_int_const_shape
func.func @test_constantofshape_int_const_shape() -> !torch.vtensor<[2,3],si32> attributes {torch.onnx_meta.opset_version = 20 : si64} {
  // CHECK: %[[C:.*]] = torch.vtensor.literal(dense<7> : tensor<2x3xsi32>) : !torch.vtensor<[2,3],si32>
  // CHECK-NOT: torch.aten.full
  // CHECK: return %[[C]]
  %0 = torch.vtensor.literal(dense<[2, 3]> : tensor<2xsi64>) : !torch.vtensor<[2],si64>
  %1 = torch.operator "onnx.ConstantOfShape"(%0) {torch.onnx.value = dense<7> : tensor<1xsi32>} : (!torch.vtensor<[2],si64>) -> !torch.vtensor<[2,3],si32>
  return %1 : !torch.vtensor<[2,3],si32>
}

// -----

// An empty shape gives a scalar.
// CHECK-LABEL: func.func @test_constantofshape_bool_scalar
func.func @test_constantofshape_bool_scalar() -> !torch.vtensor<[],i1> attributes {torch.onnx_meta.opset_version = 25 : si64} {
  // CHECK: %[[C:.*]] = torch.vtensor.literal(dense<true> : tensor<i1>) : !torch.vtensor<[],i1>
  // CHECK: return %[[C]]
  %0 = torch.vtensor.literal(dense<> : tensor<0xsi64>) : !torch.vtensor<[0],si64>
  %1 = torch.operator "onnx.ConstantOfShape"(%0) {torch.onnx.value = dense<true> : tensor<1xi1>} : (!torch.vtensor<[0],si64>) -> !torch.vtensor<[],i1>
  return %1 : !torch.vtensor<[],i1>
}

// -----

// CHECK-LABEL: func.func @test_cos_v22
func.func @test_cos_v22(%arg0: !torch.vtensor<[3],bf16>) -> !torch.vtensor<[3],bf16> attributes {torch.onnx_meta.opset_version = 22 : si64} {
  // CHECK: torch.aten.cos %arg0 : !torch.vtensor<[3],bf16> -> !torch.vtensor<[3],bf16>
  %0 = torch.operator "onnx.Cos"(%arg0) : (!torch.vtensor<[3],bf16>) -> !torch.vtensor<[3],bf16>
  return %0 : !torch.vtensor<[3],bf16>
}

// -----

// CHECK-LABEL: func.func @test_cosh
func.func @test_cosh(%arg0: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 9 : si64} {
  // CHECK: torch.aten.cosh %arg0 : !torch.vtensor<[3],f32> -> !torch.vtensor<[3],f32>
  %0 = torch.operator "onnx.Cosh"(%arg0) : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}

// -----

// The dtype is passed explicitly: torch would widen an integer sum to int64.
// CHECK-LABEL: func.func @test_cumsum_const_axis
func.func @test_cumsum_const_axis(%arg0: !torch.vtensor<[2,3],si32>) -> !torch.vtensor<[2,3],si32> attributes {torch.onnx_meta.opset_version = 11 : si64} {
  // CHECK: %[[AX:.*]] = torch.constant.int 1
  // CHECK: %[[DT:.*]] = torch.constant.int 3
  // CHECK: torch.aten.cumsum %arg0, %[[AX]], %[[DT]] : !torch.vtensor<[2,3],si32>, !torch.int, !torch.int -> !torch.vtensor<[2,3],si32>
  %0 = torch.vtensor.literal(dense<-1> : tensor<si64>) : !torch.vtensor<[],si64>
  %1 = torch.operator "onnx.CumSum"(%arg0, %0) : (!torch.vtensor<[2,3],si32>, !torch.vtensor<[],si64>) -> !torch.vtensor<[2,3],si32>
  return %1 : !torch.vtensor<[2,3],si32>
}

// -----

// A 1-D input has only one axis, whatever the run-time value. reverse: flip before and after;
// exclusive: shift in a zero.
// CHECK-LABEL: func.func @test_cumsum_exclusive_reverse
func.func @test_cumsum_exclusive_reverse(%arg0: !torch.vtensor<[5],f32>, %arg1: !torch.vtensor<[],si32>) -> !torch.vtensor<[5],f32> attributes {torch.onnx_meta.opset_version = 14 : si64} {
  // CHECK: %[[FLIP:.*]] = torch.aten.flip %arg0
  // CHECK: %[[HEAD:.*]] = torch.aten.slice.Tensor %[[FLIP]], {{.*}} -> !torch.vtensor<[4],f32>
  // CHECK: %[[ZERO:.*]] = torch.aten.full {{.*}} -> !torch.vtensor<[1],f32>
  // CHECK: %[[LIST:.*]] = torch.prim.ListConstruct %[[ZERO]], %[[HEAD]]
  // CHECK: %[[SHIFTED:.*]] = torch.aten.cat %[[LIST]]
  // CHECK: %[[SUM:.*]] = torch.aten.cumsum %[[SHIFTED]]
  // CHECK: torch.aten.flip %[[SUM]]
  %0 = torch.operator "onnx.CumSum"(%arg0, %arg1) {torch.onnx.exclusive = 1 : si64, torch.onnx.reverse = 1 : si64} : (!torch.vtensor<[5],f32>, !torch.vtensor<[],si32>) -> !torch.vtensor<[5],f32>
  return %0 : !torch.vtensor<[5],f32>
}

// -----

// A run-time axis: one scan per axis, the one asked for picked with aten.where.
// CHECK-LABEL: func.func @test_cumsum_runtime_axis
func.func @test_cumsum_runtime_axis(%arg0: !torch.vtensor<[2,3],f32>, %arg1: !torch.vtensor<[],si64>) -> !torch.vtensor<[2,3],f32> attributes {torch.onnx_meta.opset_version = 14 : si64} {
  // CHECK: %[[S0:.*]] = torch.aten.cumsum %arg0, %int0
  // CHECK: %[[EQ1:.*]] = torch.aten.eq.Scalar %arg1, %int1
  // CHECK: %[[EQM1:.*]] = torch.aten.eq.Scalar %arg1, %int-1
  // CHECK: %[[HIT:.*]] = torch.aten.logical_or %[[EQ1]], %[[EQM1]]
  // CHECK: %[[S1:.*]] = torch.aten.cumsum %arg0, %int1
  // CHECK: torch.aten.where.self %[[HIT]], %[[S1]], %[[S0]]
  %0 = torch.operator "onnx.CumSum"(%arg0, %arg1) : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[],si64>) -> !torch.vtensor<[2,3],f32>
  return %0 : !torch.vtensor<[2,3],f32>
}

// -----

// aten.cumprod has no linalg lowering: log-step scan, multiplying by itself shifted by 1, 2, 4.
// CHECK-LABEL: func.func @test_cumprod
func.func @test_cumprod(%arg0: !torch.vtensor<[5],f32>, %arg1: !torch.vtensor<[],si64>) -> !torch.vtensor<[5],f32> attributes {torch.onnx_meta.opset_version = 26 : si64} {
  // CHECK: %[[ONE1:.*]] = torch.aten.full {{.*}} -> !torch.vtensor<[1],f32>
  // CHECK: %[[SH1:.*]] = torch.aten.cat
  // CHECK: %[[P1:.*]] = torch.aten.mul.Tensor %arg0, %[[SH1]]
  // CHECK: torch.aten.full {{.*}} -> !torch.vtensor<[2],f32>
  // CHECK: %[[SH2:.*]] = torch.aten.cat
  // CHECK: %[[P2:.*]] = torch.aten.mul.Tensor %[[P1]], %[[SH2]]
  // CHECK: torch.aten.full {{.*}} -> !torch.vtensor<[4],f32>
  // CHECK: %[[SH4:.*]] = torch.aten.cat
  // CHECK: torch.aten.mul.Tensor %[[P2]], %[[SH4]]
  // CHECK-NOT: torch.aten.cumprod
  %0 = torch.operator "onnx.CumProd"(%arg0, %arg1) : (!torch.vtensor<[5],f32>, !torch.vtensor<[],si64>) -> !torch.vtensor<[5],f32>
  return %0 : !torch.vtensor<[5],f32>
}

// -----

// CHECK-LABEL: func.func @test_concat_negative_axis
func.func @test_concat_negative_axis(%arg0: !torch.vtensor<[2,3],f32>, %arg1: !torch.vtensor<[2,5],f32>) -> !torch.vtensor<[2,8],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: %[[LIST:.*]] = torch.prim.ListConstruct %arg0, %arg1 : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[2,5],f32>) -> !torch.list<vtensor>
  // CHECK: %[[AXIS:.*]] = torch.constant.int 1
  // CHECK: torch.aten.cat %[[LIST]], %[[AXIS]] : !torch.list<vtensor>, !torch.int -> !torch.vtensor<[2,8],f32>
  %0 = torch.operator "onnx.Concat"(%arg0, %arg1) {torch.onnx.axis = -1 : si64} : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[2,5],f32>) -> !torch.vtensor<[2,8],f32>
  return %0 : !torch.vtensor<[2,8],f32>
}

// -----

// CHECK-LABEL: func.func @test_constant_dense
func.func @test_constant_dense() -> !torch.vtensor<[2],si64> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: torch.vtensor.literal(dense<[3, 4]> : tensor<2xsi64>) : !torch.vtensor<[2],si64>
  %0 = torch.operator "onnx.Constant"() {torch.onnx.value = dense<[3, 4]> : tensor<2xsi64>} : () -> !torch.vtensor<[2],si64>
  return %0 : !torch.vtensor<[2],si64>
}

// -----

// A small resource constant is inlined (big weights stay resources: test_api.py).
// CHECK-LABEL: func.func @test_constant_dense_resource
func.func @test_constant_dense_resource() -> !torch.vtensor<[2],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: torch.vtensor.literal(dense<[1.000000e+00, 2.000000e+00]> : tensor<2xf32>) : !torch.vtensor<[2],f32>
  %0 = torch.operator "onnx.Constant"() {torch.onnx.value = dense_resource<weight> : tensor<2xf32>} : () -> !torch.vtensor<[2],f32>
  return %0 : !torch.vtensor<[2],f32>
}
{-#
  dialect_resources: {
    builtin: {
      weight: "0x080000000000803F00000040"
    }
  }
#-}

// -----

// CHECK-LABEL: func.func @test_constant_value_float
func.func @test_constant_value_float() -> !torch.vtensor<[],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: torch.vtensor.literal(dense<2.500000e+00> : tensor<f32>) : !torch.vtensor<[],f32>
  %0 = torch.operator "onnx.Constant"() {torch.onnx.value_float = 2.5 : f32} : () -> !torch.vtensor<[],f32>
  return %0 : !torch.vtensor<[],f32>
}

// -----

// CHECK-LABEL: func.func @test_constant_value_floats
func.func @test_constant_value_floats() -> !torch.vtensor<[2],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: torch.vtensor.literal(dense<[1.000000e+00, 2.000000e+00]> : tensor<2xf32>) : !torch.vtensor<[2],f32>
  %0 = torch.operator "onnx.Constant"() {torch.onnx.value_floats = [1.0 : f32, 2.0 : f32]} : () -> !torch.vtensor<[2],f32>
  return %0 : !torch.vtensor<[2],f32>
}

// -----

// CHECK-LABEL: func.func @test_constant_value_int
func.func @test_constant_value_int() -> !torch.vtensor<[],si64> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: torch.vtensor.literal(dense<7> : tensor<si64>) : !torch.vtensor<[],si64>
  %0 = torch.operator "onnx.Constant"() {torch.onnx.value_int = 7 : si64} : () -> !torch.vtensor<[],si64>
  return %0 : !torch.vtensor<[],si64>
}

// -----

// CHECK-LABEL: func.func @test_constant_value_ints
func.func @test_constant_value_ints() -> !torch.vtensor<[3],si64> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: torch.vtensor.literal(dense<[1, -2, 3]> : tensor<3xsi64>) : !torch.vtensor<[3],si64>
  %0 = torch.operator "onnx.Constant"() {torch.onnx.value_ints = [1 : si64, -2 : si64, 3 : si64]} : () -> !torch.vtensor<[3],si64>
  return %0 : !torch.vtensor<[3],si64>
}

// -----

// ui8 is clamped in si16: the clamp lowering would compare ui8 values as signed.
// CHECK-LABEL: func.func @test_clip_uint8
func.func @test_clip_uint8(%arg0: !torch.vtensor<[3],ui8>, %arg1: !torch.vtensor<[],ui8>) -> !torch.vtensor<[3],ui8> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: %[[X:.*]] = torch.aten.to.dtype %arg0, {{.*}} -> !torch.vtensor<[3],si16>
  // CHECK: %[[LO:.*]] = torch.aten.to.dtype %arg1, {{.*}} -> !torch.vtensor<[],si16>
  // CHECK: %[[C:.*]] = torch.aten.clamp.Tensor %[[X]], %[[LO]], %none{{.*}} -> !torch.vtensor<[3],si16>
  // CHECK: torch.aten.to.dtype %[[C]], {{.*}} -> !torch.vtensor<[3],ui8>
  %0 = torch.operator "onnx.Clip"(%arg0, %arg1) : (!torch.vtensor<[3],ui8>, !torch.vtensor<[],ui8>) -> !torch.vtensor<[3],ui8>
  return %0 : !torch.vtensor<[3],ui8>
}

// -----

// A run-time shape whose result is declared static: its sizes are not read.
// CHECK-LABEL: func.func @test_constant_of_shape_runtime_declared
func.func @test_constant_of_shape_runtime_declared(%arg0: !torch.vtensor<[2],si64>) -> !torch.vtensor<[4,5],f32> attributes {torch.onnx_meta.opset_version = 20 : si64} {
  // CHECK-NOT: torch.aten.item
  // CHECK: %[[L:.*]] = torch.prim.ListConstruct %int4, %int5
  // CHECK: torch.aten.full %[[L]], {{.*}} -> !torch.vtensor<[4,5],f32>
  %0 = torch.operator "onnx.ConstantOfShape"(%arg0) : (!torch.vtensor<[2],si64>) -> !torch.vtensor<[4,5],f32>
  return %0 : !torch.vtensor<[4,5],f32>
}
