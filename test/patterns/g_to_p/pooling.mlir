// RUN: %opt --split-input-file --convert-torch-onnx-to-torch %s | filecheck %s

// CHECK-LABEL: func.func @test_maxpool_2d_default
func.func @test_maxpool_2d_default(%arg0: !torch.vtensor<[1,3,32,32],f32>) -> !torch.vtensor<[1,3,31,31],f32> attributes {torch.onnx_meta.opset_version = 12 : si64} {
  // CHECK: %[[K:.*]] = torch.prim.ListConstruct %int2, %int2_0 : (!torch.int, !torch.int) -> !torch.list<int>
  // CHECK: %[[S:.*]] = torch.prim.ListConstruct %int1, %int1_1 : (!torch.int, !torch.int) -> !torch.list<int>
  // CHECK: %[[P:.*]] = torch.prim.ListConstruct %int0, %int0_2 : (!torch.int, !torch.int) -> !torch.list<int>
  // CHECK: %[[D:.*]] = torch.prim.ListConstruct %int1_3, %int1_4 : (!torch.int, !torch.int) -> !torch.list<int>
  // CHECK: %[[CEIL:.*]] = torch.constant.bool false
  // CHECK: torch.aten.max_pool2d %arg0, %[[K]], %[[S]], %[[P]], %[[D]], %[[CEIL]] : {{.*}} -> !torch.vtensor<[1,3,31,31],f32>
  %0 = torch.operator "onnx.MaxPool"(%arg0) {torch.onnx.kernel_shape = [2 : si64, 2 : si64]} : (!torch.vtensor<[1,3,32,32],f32>) -> !torch.vtensor<[1,3,31,31],f32>
  return %0 : !torch.vtensor<[1,3,31,31],f32>
}

// -----

// Symmetric pads with dynamic dims go to torch's padding argument.
// CHECK-LABEL: func.func @test_maxpool_v1_1d_dynamic
func.func @test_maxpool_v1_1d_dynamic(%arg0: !torch.vtensor<[?,3,?],f32>) -> !torch.vtensor<[?,3,?],f32> attributes {torch.onnx_meta.opset_version = 1 : si64} {
  // CHECK: %[[P:.*]] = torch.prim.ListConstruct %int1 : (!torch.int) -> !torch.list<int>
  // CHECK: torch.aten.max_pool1d %arg0, %{{.*}}, %{{.*}}, %[[P]], %{{.*}}, %false : {{.*}} -> !torch.vtensor<[?,3,?],f32>
  %0 = torch.operator "onnx.MaxPool"(%arg0) {torch.onnx.kernel_shape = [3 : si64], torch.onnx.pads = [1 : si64, 1 : si64], torch.onnx.strides = [2 : si64]} : (!torch.vtensor<[?,3,?],f32>) -> !torch.vtensor<[?,3,?],f32>
  return %0 : !torch.vtensor<[?,3,?],f32>
}

// -----

// SAME_LOWER pads begin-heavy: explicit padding with the dtype's lowest value. ui8 is pooled
// widened to si32 (torch-mlir would compare ui8 as signed) and narrowed back.
// CHECK-LABEL: func.func @test_maxpool_2d_same_lower_uint8
func.func @test_maxpool_2d_same_lower_uint8(%arg0: !torch.vtensor<[1,1,5,5],ui8>) -> !torch.vtensor<[1,1,5,5],ui8> attributes {torch.onnx_meta.opset_version = 12 : si64} {
  // CHECK: %[[W:.*]] = torch.aten.to.dtype %arg0, {{.*}} -> !torch.vtensor<[1,1,5,5],si32>
  // CHECK: %[[LOW:.*]] = torch.constant.int -2147483648
  // CHECK: %[[PADS:.*]] = torch.prim.ListConstruct
  // CHECK: %[[XP:.*]] = torch.aten.constant_pad_nd %[[W]], %[[PADS]], %[[LOW]] : !torch.vtensor<[1,1,5,5],si32>, !torch.list<int>, !torch.int -> !torch.vtensor<[1,1,6,6],si32>
  // CHECK: %[[P:.*]] = torch.aten.max_pool2d %[[XP]], {{.*}} -> !torch.vtensor<[1,1,5,5],si32>
  // CHECK: torch.aten.to.dtype %[[P]], {{.*}} -> !torch.vtensor<[1,1,5,5],ui8>
  %0 = torch.operator "onnx.MaxPool"(%arg0) {torch.onnx.auto_pad = "SAME_LOWER", torch.onnx.kernel_shape = [2 : si64, 2 : si64]} : (!torch.vtensor<[1,1,5,5],ui8>) -> !torch.vtensor<[1,1,5,5],ui8>
  return %0 : !torch.vtensor<[1,1,5,5],ui8>
}

// -----

// Dilations; ceil_mode that adds no window is dropped.
// CHECK-LABEL: func.func @test_maxpool_3d_dilations_ceil
func.func @test_maxpool_3d_dilations_ceil(%arg0: !torch.vtensor<[1,1,4,4,4],f32>) -> !torch.vtensor<[1,1,2,2,2],f32> attributes {torch.onnx_meta.opset_version = 10 : si64} {
  // CHECK: %[[D:.*]] = torch.prim.ListConstruct %int2_6, %int2_7, %int2_8
  // CHECK: %[[CEIL:.*]] = torch.constant.bool false
  // CHECK: torch.aten.max_pool3d %arg0, %{{.*}}, %{{.*}}, %{{.*}}, %[[D]], %[[CEIL]] : {{.*}} -> !torch.vtensor<[1,1,2,2,2],f32>
  %0 = torch.operator "onnx.MaxPool"(%arg0) {torch.onnx.ceil_mode = 1 : si64, torch.onnx.dilations = [2 : si64, 2 : si64, 2 : si64], torch.onnx.kernel_shape = [2 : si64, 2 : si64, 2 : si64], torch.onnx.strides = [1 : si64, 1 : si64, 1 : si64]} : (!torch.vtensor<[1,1,4,4,4],f32>) -> !torch.vtensor<[1,1,2,2,2],f32>
  return %0 : !torch.vtensor<[1,1,2,2,2],f32>
}

// -----

// Asymmetric pads with dynamic dims: explicit -inf padding (pads are static), output sizes
// left dynamic.
// CHECK-LABEL: func.func @test_maxpool_asymmetric_dynamic
func.func @test_maxpool_asymmetric_dynamic(%arg0: !torch.vtensor<[?,3,?,?],f32>) -> !torch.vtensor<[?,3,?,?],f32> attributes {torch.onnx_meta.opset_version = 22 : si64} {
  // CHECK: %[[NEGINF:.*]] = torch.constant.float 0xFFF0000000000000
  // CHECK: %[[XP:.*]] = torch.aten.constant_pad_nd %arg0, %{{.*}}, %[[NEGINF]] : {{.*}} -> !torch.vtensor<[?,3,?,?],f32>
  // CHECK: torch.aten.max_pool2d %[[XP]], {{.*}} -> !torch.vtensor<[?,3,?,?],f32>
  %0 = torch.operator "onnx.MaxPool"(%arg0) {torch.onnx.kernel_shape = [3 : si64, 2 : si64], torch.onnx.pads = [2 : si64, 0 : si64, 1 : si64, 1 : si64], torch.onnx.strides = [2 : si64, 1 : si64]} : (!torch.vtensor<[?,3,?,?],f32>) -> !torch.vtensor<[?,3,?,?],f32>
  return %0 : !torch.vtensor<[?,3,?,?],f32>
}

// -----

// Dynamic dims: ceil_mode goes to torch when every stride is >= 2 (its lowering sizes those
// right); with unit strides it changes nothing and is dropped.
// CHECK-LABEL: func.func @test_maxpool_ceil_dynamic
func.func @test_maxpool_ceil_dynamic(%arg0: !torch.vtensor<[?,3,?,?],f32>) -> (!torch.vtensor<[?,3,?,?],f32>, !torch.vtensor<[?,3,?,?],f32>) attributes {torch.onnx_meta.opset_version = 22 : si64} {
  // CHECK: %[[TRUE:.*]] = torch.constant.bool true
  // CHECK: torch.aten.max_pool2d %arg0, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %[[TRUE]]
  // CHECK: %[[FALSE:.*]] = torch.constant.bool false
  // CHECK: torch.aten.max_pool2d %arg0, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %[[FALSE]]
  %0 = torch.operator "onnx.MaxPool"(%arg0) {torch.onnx.ceil_mode = 1 : si64, torch.onnx.kernel_shape = [3 : si64, 3 : si64], torch.onnx.strides = [2 : si64, 2 : si64]} : (!torch.vtensor<[?,3,?,?],f32>) -> !torch.vtensor<[?,3,?,?],f32>
  %1 = torch.operator "onnx.MaxPool"(%arg0) {torch.onnx.ceil_mode = 1 : si64, torch.onnx.kernel_shape = [1 : si64, 1 : si64]} : (!torch.vtensor<[?,3,?,?],f32>) -> !torch.vtensor<[?,3,?,?],f32>
  return %0, %1 : !torch.vtensor<[?,3,?,?],f32>, !torch.vtensor<[?,3,?,?],f32>
}

// -----

// A ceil_mode overhang: the input is padded with -inf to the extent the windows read.
// CHECK-LABEL: func.func @test_maxpool_2d_ceil_overhang
func.func @test_maxpool_2d_ceil_overhang(%arg0: !torch.vtensor<[1,1,4,4],f32>) -> !torch.vtensor<[1,1,2,2],f32> attributes {torch.onnx_meta.opset_version = 22 : si64} {
  // CHECK: %[[NEGINF:.*]] = torch.constant.float 0xFFF0000000000000
  // CHECK: %[[XP:.*]] = torch.aten.constant_pad_nd %arg0, %{{.*}}, %[[NEGINF]] : {{.*}} -> !torch.vtensor<[1,1,5,5],f32>
  // CHECK: %[[CEIL:.*]] = torch.constant.bool false
  // CHECK: torch.aten.max_pool2d %[[XP]], %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %[[CEIL]] : {{.*}} -> !torch.vtensor<[1,1,2,2],f32>
  %0 = torch.operator "onnx.MaxPool"(%arg0) {torch.onnx.ceil_mode = 1 : si64, torch.onnx.kernel_shape = [3 : si64, 3 : si64], torch.onnx.strides = [2 : si64, 2 : si64]} : (!torch.vtensor<[1,1,4,4],f32>) -> !torch.vtensor<[1,1,2,2],f32>
  return %0 : !torch.vtensor<[1,1,2,2],f32>
}

// -----

// Indices: torch's per-channel offsets plus (n*C + c) * H*W.
// CHECK-LABEL: func.func @test_maxpool_with_indices
func.func @test_maxpool_with_indices(%arg0: !torch.vtensor<[2,3,5,5],f32>) -> (!torch.vtensor<[2,3,2,2],f32>, !torch.vtensor<[2,3,2,2],si64>) attributes {torch.onnx_meta.opset_version = 8 : si64} {
  // CHECK: %[[V:.*]], %[[I:.*]] = torch.aten.max_pool2d_with_indices %arg0, {{.*}} -> !torch.vtensor<[2,3,2,2],f32>, !torch.vtensor<[2,3,2,2],si64>
  // CHECK: %[[R:.*]] = torch.aten.arange %int6, %int4, {{.*}} -> !torch.vtensor<[6],si64>
  // CHECK: %[[B:.*]] = torch.aten.mul.Scalar %[[R]], %int25
  // CHECK: %[[BR:.*]] = torch.aten.reshape %[[B]], {{.*}} -> !torch.vtensor<[2,3,1,1],si64>
  // CHECK: %[[G:.*]] = torch.aten.add.Tensor %[[I]], %[[BR]], {{.*}} -> !torch.vtensor<[2,3,2,2],si64>
  // CHECK: return %[[V]], %[[G]]
  %0:2 = torch.operator "onnx.MaxPool"(%arg0) {torch.onnx.kernel_shape = [2 : si64, 2 : si64], torch.onnx.strides = [2 : si64, 2 : si64]} : (!torch.vtensor<[2,3,5,5],f32>) -> (!torch.vtensor<[2,3,2,2],f32>, !torch.vtensor<[2,3,2,2],si64>)
  return %0#0, %0#1 : !torch.vtensor<[2,3,2,2],f32>, !torch.vtensor<[2,3,2,2],si64>
}

// -----

// storage_order=1: the offset (h, w) is re-laid out column-major as h + w*H.
// CHECK-LABEL: func.func @test_maxpool_with_indices_storage_order
func.func @test_maxpool_with_indices_storage_order(%arg0: !torch.vtensor<[1,1,5,5],f32>) -> (!torch.vtensor<[1,1,5,5],f32>, !torch.vtensor<[1,1,5,5],si64>) attributes {torch.onnx_meta.opset_version = 12 : si64} {
  // CHECK: %[[V:.*]], %[[I:.*]] = torch.aten.max_pool2d_with_indices %arg0
  // CHECK: %[[H:.*]] = torch.aten.floor_divide.Scalar %[[I]], %int5
  // CHECK: %[[W:.*]] = torch.aten.remainder.Scalar %[[I]], %int5
  // CHECK: %[[WH:.*]] = torch.aten.mul.Scalar %[[W]], %int5
  // CHECK: torch.aten.add.Tensor %[[H]], %[[WH]]
  %0:2 = torch.operator "onnx.MaxPool"(%arg0) {torch.onnx.kernel_shape = [5 : si64, 5 : si64], torch.onnx.pads = [2 : si64, 2 : si64, 2 : si64, 2 : si64], torch.onnx.storage_order = 1 : si64} : (!torch.vtensor<[1,1,5,5],f32>) -> (!torch.vtensor<[1,1,5,5],f32>, !torch.vtensor<[1,1,5,5],si64>)
  return %0#0, %0#1 : !torch.vtensor<[1,1,5,5],f32>, !torch.vtensor<[1,1,5,5],si64>
}

// -----

// Dynamic dims: the plane sizes come from aten.size.int.
// CHECK-LABEL: func.func @test_maxpool_with_indices_storage_order_dynamic
func.func @test_maxpool_with_indices_storage_order_dynamic(%arg0: !torch.vtensor<[?,3,?,?],f32>) -> (!torch.vtensor<[?,3,?,?],f32>, !torch.vtensor<[?,3,?,?],si64>) attributes {torch.onnx_meta.opset_version = 12 : si64} {
  // CHECK: %[[V:.*]], %[[I:.*]] = torch.aten.max_pool2d_with_indices %arg0
  // CHECK: %[[HS:.*]] = torch.aten.size.int %arg0, %int2
  // CHECK: %[[W:.*]] = torch.aten.size.int %arg0, %int3
  // CHECK: %[[H:.*]] = torch.aten.floor_divide.Scalar %[[I]], %[[W]]
  // CHECK: %[[X:.*]] = torch.aten.remainder.Scalar %[[I]], %[[W]]
  // CHECK: %[[XH:.*]] = torch.aten.mul.Scalar %[[X]], %[[HS]]
  // CHECK: torch.aten.add.Tensor %[[H]], %[[XH]]
  // CHECK: torch.aten.arange
  %0:2 = torch.operator "onnx.MaxPool"(%arg0) {torch.onnx.kernel_shape = [3 : si64, 3 : si64], torch.onnx.pads = [1 : si64, 1 : si64, 1 : si64, 1 : si64], torch.onnx.storage_order = 1 : si64} : (!torch.vtensor<[?,3,?,?],f32>) -> (!torch.vtensor<[?,3,?,?],f32>, !torch.vtensor<[?,3,?,?],si64>)
  return %0#0, %0#1 : !torch.vtensor<[?,3,?,?],f32>, !torch.vtensor<[?,3,?,?],si64>
}

// -----

// CHECK-LABEL: func.func @test_lppool_2d_p3
func.func @test_lppool_2d_p3(%arg0: !torch.vtensor<[1,2,4,4],f32>) -> !torch.vtensor<[1,2,3,4],f32> attributes {torch.onnx_meta.opset_version = 18 : si64} {
  // CHECK: %[[A:.*]] = torch.aten.abs %arg0
  // CHECK: %[[P:.*]] = torch.aten.pow.Tensor_Scalar %[[A]], %int3
  // CHECK: %[[F:.*]] = torch.aten.flatten.using_ints %[[P]]
  // CHECK: %[[U:.*]] = torch.aten.unsqueeze %[[F]]
  // CHECK: %[[W:.*]] = torch.vtensor.literal(dense<1.000000e+00> : tensor<1x1x2x1xf32>)
  // CHECK: %[[S:.*]] = torch.aten.convolution %[[U]], %[[W]], {{.*}} -> !torch.vtensor<[2,1,3,4],f32>
  // CHECK: %[[R:.*]] = torch.aten.reshape %[[S]], {{.*}} -> !torch.vtensor<[1,2,3,4],f32>
  // CHECK: torch.aten.pow.Tensor_Scalar %[[R]], %float3.333330e-01
  %0 = torch.operator "onnx.LpPool"(%arg0) {torch.onnx.kernel_shape = [2 : si64, 1 : si64], torch.onnx.p = 3 : si64} : (!torch.vtensor<[1,2,4,4],f32>) -> !torch.vtensor<[1,2,3,4],f32>
  return %0 : !torch.vtensor<[1,2,3,4],f32>
}

// -----

// Dynamic dims: the convolution takes the symmetric pads.
// CHECK-LABEL: func.func @test_lppool_v2_dynamic
func.func @test_lppool_v2_dynamic(%arg0: !torch.vtensor<[?,2,?],f32>) -> !torch.vtensor<[?,2,?],f32> attributes {torch.onnx_meta.opset_version = 2 : si64} {
  // CHECK: %[[SQ:.*]] = torch.aten.mul.Tensor %arg0, %arg0
  // CHECK: %[[STRIDES:.*]] = torch.prim.ListConstruct %int1{{.*}} : (!torch.int) -> !torch.list<int>
  // CHECK: %[[PADS:.*]] = torch.prim.ListConstruct %int1{{.*}} : (!torch.int) -> !torch.list<int>
  // CHECK: %[[S:.*]] = torch.aten.convolution %{{.*}}, %{{.*}}, %{{.*}}, %[[STRIDES]], %[[PADS]], {{.*}} -> !torch.vtensor<[?,1,?],f32>
  // CHECK: %[[F:.*]] = torch.aten.flatten.using_ints %[[S]]
  // CHECK: %[[R:.*]] = torch.aten.reshape %[[F]], {{.*}} -> !torch.vtensor<[?,2,?],f32>
  // CHECK: torch.aten.sqrt %[[R]]
  %0 = torch.operator "onnx.LpPool"(%arg0) {torch.onnx.kernel_shape = [3 : si64], torch.onnx.pads = [1 : si64, 1 : si64]} : (!torch.vtensor<[?,2,?],f32>) -> !torch.vtensor<[?,2,?],f32>
  return %0 : !torch.vtensor<[?,2,?],f32>
}

// -----

// LpPool-1 has a float p.
// CHECK-LABEL: func.func @test_lppool_v1_p1
func.func @test_lppool_v1_p1(%arg0: !torch.vtensor<[1,2,4],f32>) -> !torch.vtensor<[1,2,3],f32> attributes {torch.onnx_meta.opset_version = 1 : si64} {
  // CHECK: %[[A:.*]] = torch.aten.abs %arg0
  // CHECK: torch.aten.flatten.using_ints %[[A]]
  // CHECK: %[[S:.*]] = torch.aten.convolution
  // CHECK: %[[R:.*]] = torch.aten.reshape %[[S]], {{.*}} -> !torch.vtensor<[1,2,3],f32>
  // CHECK: return %[[R]]
  %0 = torch.operator "onnx.LpPool"(%arg0) {torch.onnx.kernel_shape = [2 : si64], torch.onnx.p = 1.0 : f32} : (!torch.vtensor<[1,2,4],f32>) -> !torch.vtensor<[1,2,3],f32>
  return %0 : !torch.vtensor<[1,2,3],f32>
}

// -----

// CHECK-LABEL: func.func @test_globalaveragepool
func.func @test_globalaveragepool(%arg0: !torch.vtensor<[1,3,5,5],f32>) -> !torch.vtensor<[1,3,1,1],f32> attributes {torch.onnx_meta.opset_version = 22 : si64} {
  // CHECK: %[[DIMS:.*]] = torch.prim.ListConstruct %int2, %int3
  // CHECK: torch.aten.mean.dim %arg0, %[[DIMS]], %true, %none : {{.*}} -> !torch.vtensor<[1,3,1,1],f32>
  %0 = torch.operator "onnx.GlobalAveragePool"(%arg0) : (!torch.vtensor<[1,3,5,5],f32>) -> !torch.vtensor<[1,3,1,1],f32>
  return %0 : !torch.vtensor<[1,3,1,1],f32>
}

// -----

// CHECK-LABEL: func.func @test_globalmaxpool_3d
func.func @test_globalmaxpool_3d(%arg0: !torch.vtensor<[1,3,?,5,5],f32>) -> !torch.vtensor<[1,3,1,1,1],f32> attributes {torch.onnx_meta.opset_version = 1 : si64} {
  // CHECK: %[[DIMS:.*]] = torch.prim.ListConstruct %int2, %int3, %int4
  // CHECK: torch.aten.amax %arg0, %[[DIMS]], %true : {{.*}} -> !torch.vtensor<[1,3,1,1,1],f32>
  %0 = torch.operator "onnx.GlobalMaxPool"(%arg0) : (!torch.vtensor<[1,3,?,5,5],f32>) -> !torch.vtensor<[1,3,1,1,1],f32>
  return %0 : !torch.vtensor<[1,3,1,1,1],f32>
}

// -----

// CHECK-LABEL: func.func @test_globallppool
func.func @test_globallppool(%arg0: !torch.vtensor<[1,3,5,5],f32>) -> !torch.vtensor<[1,3,1,1],f32> attributes {torch.onnx_meta.opset_version = 2 : si64} {
  // CHECK: %[[SQ:.*]] = torch.aten.mul.Tensor %arg0, %arg0
  // CHECK: %[[S:.*]] = torch.aten.sum.dim_IntList %[[SQ]], {{.*}} -> !torch.vtensor<[1,3,1,1],f32>
  // CHECK: torch.aten.sqrt %[[S]]
  %0 = torch.operator "onnx.GlobalLpPool"(%arg0) : (!torch.vtensor<[1,3,5,5],f32>) -> !torch.vtensor<[1,3,1,1],f32>
  return %0 : !torch.vtensor<[1,3,1,1],f32>
}

// -----

// GlobalLpPool-1 has a float p.
// CHECK-LABEL: func.func @test_globallppool_v1_p3
func.func @test_globallppool_v1_p3(%arg0: !torch.vtensor<[1,3,5],f32>) -> !torch.vtensor<[1,3,1],f32> attributes {torch.onnx_meta.opset_version = 1 : si64} {
  // CHECK: torch.aten.abs %arg0
  // CHECK: torch.aten.pow.Tensor_Scalar %{{.*}}, %int3
  // CHECK: torch.aten.sum.dim_IntList
  // CHECK: torch.aten.pow.Tensor_Scalar %{{.*}}, %float3.333330e-01
  %0 = torch.operator "onnx.GlobalLpPool"(%arg0) {torch.onnx.p = 3.0 : f32} : (!torch.vtensor<[1,3,5],f32>) -> !torch.vtensor<[1,3,1],f32>
  return %0 : !torch.vtensor<[1,3,1],f32>
}

// -----

// Even size: the channel window reaches one further up than down.
// CHECK-LABEL: func.func @test_lrn_size2
func.func @test_lrn_size2(%arg0: !torch.vtensor<[1,4,2,2],f32>) -> !torch.vtensor<[1,4,2,2],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: %[[SQ:.*]] = torch.aten.mul.Tensor %arg0, %arg0
  // CHECK: %[[PADS:.*]] = torch.prim.ListConstruct %int0, %int0_0, %int0_1, %int0_2, %int0_3, %int1
  // CHECK: %[[XP:.*]] = torch.aten.constant_pad_nd %[[SQ]], %[[PADS]], {{.*}} -> !torch.vtensor<[1,5,2,2],f32>
  // CHECK: %[[A:.*]] = torch.aten.slice.Tensor %[[XP]], %int1{{.*}}, %int0{{.*}}, %int4, %int1{{.*}} -> !torch.vtensor<[1,4,2,2],f32>
  // CHECK: %[[B:.*]] = torch.aten.slice.Tensor %[[XP]], %int1{{.*}}, %int1{{.*}}, %int5, %int1{{.*}} -> !torch.vtensor<[1,4,2,2],f32>
  // CHECK: %[[SUM:.*]] = torch.aten.add.Tensor %[[A]], %[[B]]
  // CHECK: %[[SC:.*]] = torch.aten.mul.Scalar %[[SUM]], %float5.000000e-05
  // CHECK: %[[BI:.*]] = torch.aten.add.Scalar %[[SC]], %float1.000000e00
  // CHECK: %[[DEN:.*]] = torch.aten.pow.Tensor_Scalar %[[BI]], %float7.500000e-01
  // CHECK: torch.aten.div.Tensor %arg0, %[[DEN]]
  %0 = torch.operator "onnx.LRN"(%arg0) {torch.onnx.size = 2 : si64} : (!torch.vtensor<[1,4,2,2],f32>) -> !torch.vtensor<[1,4,2,2],f32>
  return %0 : !torch.vtensor<[1,4,2,2],f32>
}

// -----

// Values scattered at their whole-tensor indices into the inferred 4x4, which a larger
// output_shape extends with zeros at the end of each dim (as the ONNX reference).
// CHECK-LABEL: func.func @test_maxunpool_output_shape
func.func @test_maxunpool_output_shape(%arg0: !torch.vtensor<[1,1,2,2],f32>, %arg1: !torch.vtensor<[1,1,2,2],si64>, %arg2: !torch.vtensor<[4],si64>) -> !torch.vtensor<[1,1,5,5],f32> attributes {torch.onnx_meta.opset_version = 22 : si64} {
  // CHECK: %[[Z:.*]] = torch.aten.zeros {{.*}} -> !torch.vtensor<[16],f32>
  // CHECK: %[[XF:.*]] = torch.aten.reshape %arg0, {{.*}} -> !torch.vtensor<[4],f32>
  // CHECK: %[[IF:.*]] = torch.aten.reshape %arg1, {{.*}} -> !torch.vtensor<[4],si64>
  // CHECK: %[[S:.*]] = torch.aten.scatter.src %[[Z]], %int0, %[[IF]], %[[XF]]
  // CHECK: %[[Y:.*]] = torch.aten.reshape %[[S]], {{.*}} -> !torch.vtensor<[1,1,4,4],f32>
  // CHECK: torch.aten.constant_pad_nd %[[Y]], {{.*}} -> !torch.vtensor<[1,1,5,5],f32>
  %0 = torch.operator "onnx.MaxUnpool"(%arg0, %arg1, %arg2) {torch.onnx.kernel_shape = [2 : si64, 2 : si64], torch.onnx.strides = [2 : si64, 2 : si64]} : (!torch.vtensor<[1,1,2,2],f32>, !torch.vtensor<[1,1,2,2],si64>, !torch.vtensor<[4],si64>) -> !torch.vtensor<[1,1,5,5],f32>
  return %0 : !torch.vtensor<[1,1,5,5],f32>
}

// -----

// CHECK-LABEL: func.func @test_maxunpool_v9_pads
func.func @test_maxunpool_v9_pads(%arg0: !torch.vtensor<[1,2,2,2],f32>, %arg1: !torch.vtensor<[1,2,2,2],si64>) -> !torch.vtensor<[1,2,3,3],f32> attributes {torch.onnx_meta.opset_version = 9 : si64} {
  // CHECK: torch.aten.zeros {{.*}} -> !torch.vtensor<[18],f32>
  // CHECK: %[[S:.*]] = torch.aten.scatter.src
  // CHECK: %[[Y:.*]] = torch.aten.reshape %[[S]], {{.*}} -> !torch.vtensor<[1,2,3,3],f32>
  // CHECK: return %[[Y]]
  %0 = torch.operator "onnx.MaxUnpool"(%arg0, %arg1) {torch.onnx.kernel_shape = [2 : si64, 2 : si64], torch.onnx.pads = [1 : si64, 1 : si64, 0 : si64, 0 : si64], torch.onnx.strides = [2 : si64, 2 : si64]} : (!torch.vtensor<[1,2,2,2],f32>, !torch.vtensor<[1,2,2,2],si64>) -> !torch.vtensor<[1,2,3,3],f32>
  return %0 : !torch.vtensor<[1,2,3,3],f32>
}

// -----

// Each bin's pixel mask from the rounded scaled ROI; masked max over W, then over H.
// CHECK-LABEL: func.func @test_maxroipool
func.func @test_maxroipool(%arg0: !torch.vtensor<[1,3,6,6],f32>, %arg1: !torch.vtensor<[2,5],f32>) -> !torch.vtensor<[2,3,2,2],f32> attributes {torch.onnx_meta.opset_version = 1 : si64} {
  // CHECK: %[[B:.*]] = torch.aten.select.int %arg1, %int1, %int0
  // CHECK: %[[BI:.*]] = torch.aten.to.dtype %[[B]], %int4
  // CHECK: torch.aten.sign
  // CHECK: torch.aten.floor
  // CHECK: torch.aten.ceil
  // CHECK: %[[IMG:.*]] = torch.aten.index_select %arg0, %{{.*}}, %[[BI]] : {{.*}} -> !torch.vtensor<[2,3,6,6],f32>
  // CHECK: torch.aten.where.ScalarOther {{.*}} -> !torch.vtensor<[2,3,6,2,6],f32>
  // CHECK: torch.aten.amax {{.*}} -> !torch.vtensor<[2,3,6,2],f32>
  // CHECK: torch.aten.where.ScalarOther {{.*}} -> !torch.vtensor<[2,3,2,6,2],f32>
  // CHECK: %[[M:.*]] = torch.aten.amax {{.*}} -> !torch.vtensor<[2,3,2,2],f32>
  // CHECK: %[[E:.*]] = torch.aten.logical_or {{.*}} -> !torch.vtensor<[2,1,2,2],i1>
  // CHECK: torch.aten.where.ScalarSelf %[[E]], %{{.*}}, %[[M]]
  %0 = torch.operator "onnx.MaxRoiPool"(%arg0, %arg1) {torch.onnx.pooled_shape = [2 : si64, 2 : si64], torch.onnx.spatial_scale = 5.000000e-01 : f32} : (!torch.vtensor<[1,3,6,6],f32>, !torch.vtensor<[2,5],f32>) -> !torch.vtensor<[2,3,2,2],f32>
  return %0 : !torch.vtensor<[2,3,2,2],f32>
}

// -----

// A window far wider than C (size 2**31-1 on 3 channels, from the fuzzer) sums every channel:
// the pads are capped at C-1 and only the 2C-1 offsets that can read data are sliced.
// CHECK-LABEL: func.func @test_lrn_huge_size
func.func @test_lrn_huge_size(%arg0: !torch.vtensor<[1,3,2,2],f32>) -> !torch.vtensor<[1,3,2,2],f32> attributes {torch.onnx_meta.opset_version = 13 : si64} {
  // CHECK: torch.aten.constant_pad_nd {{.*}} -> !torch.vtensor<[1,7,2,2],f32>
  // CHECK-COUNT-5: torch.aten.slice.Tensor
  // CHECK-NOT: torch.aten.slice.Tensor
  // CHECK: torch.aten.div.Tensor %arg0
  %0 = torch.operator "onnx.LRN"(%arg0) {torch.onnx.size = 2147483647 : si64} : (!torch.vtensor<[1,3,2,2],f32>) -> !torch.vtensor<[1,3,2,2],f32>
  return %0 : !torch.vtensor<[1,3,2,2],f32>
}
