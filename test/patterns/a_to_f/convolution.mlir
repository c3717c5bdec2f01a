// RUN: %opt --split-input-file --convert-torch-onnx-to-torch %s | filecheck %s

// CHECK-LABEL: func.func @test_conv2d_basic
func.func @test_conv2d_basic(%arg0: !torch.vtensor<[1,1,5,5],f32>, %arg1: !torch.vtensor<[1,1,3,3],f32>) -> !torch.vtensor<[1,1,5,5],f32> attributes {torch.onnx_meta.opset_version = 11 : si64} {
  // CHECK: %[[NONE:.*]] = torch.constant.none
  // CHECK: %[[STRIDES:.*]] = torch.prim.ListConstruct %{{.*}}, %{{.*}} : (!torch.int, !torch.int) -> !torch.list<int>
  // CHECK: %[[PADS:.*]] = torch.prim.ListConstruct
  // CHECK: %[[DIL:.*]] = torch.prim.ListConstruct
  // CHECK: %[[OUTPAD:.*]] = torch.prim.ListConstruct
  // CHECK: %[[GROUPS:.*]] = torch.constant.int 1
  // CHECK: torch.aten.convolution %arg0, %arg1, %[[NONE]], %[[STRIDES]], %[[PADS]], %[[DIL]], %false, %[[OUTPAD]], %[[GROUPS]] : {{.*}} -> !torch.vtensor<[1,1,5,5],f32>
  %0 = torch.operator "onnx.Conv"(%arg0, %arg1) {torch.onnx.kernel_shape = [3 : si64, 3 : si64], torch.onnx.pads = [1 : si64, 1 : si64, 1 : si64, 1 : si64]} : (!torch.vtensor<[1,1,5,5],f32>, !torch.vtensor<[1,1,3,3],f32>) -> !torch.vtensor<[1,1,5,5],f32>
  return %0 : !torch.vtensor<[1,1,5,5],f32>
}

// -----

// Asymmetric pads: the difference is padded explicitly before the convolution.
// CHECK-LABEL: func.func @test_conv2d_asymmetric_pads
func.func @test_conv2d_asymmetric_pads(%arg0: !torch.vtensor<[1,1,5,5],f32>, %arg1: !torch.vtensor<[1,1,3,3],f32>, %arg2: !torch.vtensor<[1],f32>) -> !torch.vtensor<[1,1,2,6],f32> attributes {torch.onnx_meta.opset_version = 11 : si64} {
  // CHECK: %[[PADDED:.*]] = torch.aten.constant_pad_nd %arg0, {{.*}} -> !torch.vtensor<[1,1,6,6],f32>
  // CHECK: torch.aten.convolution %[[PADDED]], %arg1, %arg2,
  %0 = torch.operator "onnx.Conv"(%arg0, %arg1, %arg2) {torch.onnx.pads = [0 : si64, 1 : si64, 1 : si64, 2 : si64], torch.onnx.strides = [2 : si64, 1 : si64]} : (!torch.vtensor<[1,1,5,5],f32>, !torch.vtensor<[1,1,3,3],f32>, !torch.vtensor<[1],f32>) -> !torch.vtensor<[1,1,2,6],f32>
  return %0 : !torch.vtensor<[1,1,2,6],f32>
}

// -----

// CHECK-LABEL: func.func @test_conv1d_v1_kernel_shape
func.func @test_conv1d_v1_kernel_shape(%arg0: !torch.vtensor<[1,2,7],f32>, %arg1: !torch.vtensor<[4,2,3],f32>) -> !torch.vtensor<[1,4,3],f32> attributes {torch.onnx_meta.opset_version = 1 : si64} {
  // CHECK: %[[S:.*]] = torch.constant.int 2
  // CHECK: %[[STRIDES:.*]] = torch.prim.ListConstruct %[[S]] : (!torch.int) -> !torch.list<int>
  // CHECK: torch.aten.convolution %arg0, %arg1, %none, %[[STRIDES]], {{.*}} -> !torch.vtensor<[1,4,3],f32>
  %0 = torch.operator "onnx.Conv"(%arg0, %arg1) {torch.onnx.kernel_shape = [3 : si64], torch.onnx.strides = [2 : si64]} : (!torch.vtensor<[1,2,7],f32>, !torch.vtensor<[4,2,3],f32>) -> !torch.vtensor<[1,4,3],f32>
  return %0 : !torch.vtensor<[1,4,3],f32>
}

// -----

// SAME_LOWER with an odd total puts the extra pad first; group is passed through.
// CHECK-LABEL: func.func @test_conv2d_same_lower_group
func.func @test_conv2d_same_lower_group(%arg0: !torch.vtensor<[1,4,5,5],f32>, %arg1: !torch.vtensor<[4,2,2,2],f32>, %arg2: !torch.vtensor<[4],f32>) -> !torch.vtensor<[1,4,5,5],f32> attributes {torch.onnx_meta.opset_version = 11 : si64} {
  // CHECK: %[[PADS:.*]] = torch.prim.ListConstruct %int1, %int0, %int1_0, %int0_1 :
  // CHECK: %[[P:.*]] = torch.aten.constant_pad_nd %arg0, %[[PADS]], {{.*}} -> !torch.vtensor<[1,4,6,6],f32>
  // CHECK: %[[G:.*]] = torch.constant.int 2
  // CHECK: torch.aten.convolution %[[P]], %arg1, %arg2, {{.*}}, %[[G]] : {{.*}} -> !torch.vtensor<[1,4,5,5],f32>
  %0 = torch.operator "onnx.Conv"(%arg0, %arg1, %arg2) {torch.onnx.auto_pad = "SAME_LOWER", torch.onnx.group = 2 : si64} : (!torch.vtensor<[1,4,5,5],f32>, !torch.vtensor<[4,2,2,2],f32>, !torch.vtensor<[4],f32>) -> !torch.vtensor<[1,4,5,5],f32>
  return %0 : !torch.vtensor<[1,4,5,5],f32>
}

// -----

// SAME with dynamic spatial sizes: the pads are computed at run time.
// CHECK-LABEL: func.func @test_conv2d_same_upper_dynamic
func.func @test_conv2d_same_upper_dynamic(%arg0: !torch.vtensor<[1,1,?,?],f32>, %arg1: !torch.vtensor<[1,1,3,3],f32>) -> !torch.vtensor<[1,1,?,?],f32> attributes {torch.onnx_meta.opset_version = 22 : si64} {
  // CHECK: %[[H:.*]] = torch.aten.size.int %arg0, %int2
  // CHECK: %[[TOTAL_H:.*]] = torch.prim.max.int
  // CHECK: %[[LO_H:.*]] = torch.aten.floordiv.int %[[TOTAL_H]]
  // CHECK: %[[HI_H:.*]] = torch.aten.sub.int %[[TOTAL_H]], %[[LO_H]]
  // CHECK: %[[W:.*]] = torch.aten.size.int %arg0, %int3
  // CHECK: %[[TOTAL_W:.*]] = torch.prim.max.int
  // CHECK: %[[LO_W:.*]] = torch.aten.floordiv.int %[[TOTAL_W]]
  // CHECK: %[[HI_W:.*]] = torch.aten.sub.int %[[TOTAL_W]], %[[LO_W]]
  // CHECK: %[[PADS:.*]] = torch.prim.ListConstruct %[[LO_W]], %[[HI_W]], %[[LO_H]], %[[HI_H]]
  // CHECK: %[[P:.*]] = torch.aten.constant_pad_nd %arg0, %[[PADS]]
  // CHECK: torch.aten.convolution %[[P]], %arg1
  %0 = torch.operator "onnx.Conv"(%arg0, %arg1) {torch.onnx.auto_pad = "SAME_UPPER", torch.onnx.strides = [2 : si64, 2 : si64]} : (!torch.vtensor<[1,1,?,?],f32>, !torch.vtensor<[1,1,3,3],f32>) -> !torch.vtensor<[1,1,?,?],f32>
  return %0 : !torch.vtensor<[1,1,?,?],f32>
}

// -----

// CHECK-LABEL: func.func @test_conv3d_dilations
func.func @test_conv3d_dilations(%arg0: !torch.vtensor<[1,1,6,6,6],f32>, %arg1: !torch.vtensor<[2,1,2,2,2],f32>) -> !torch.vtensor<[1,2,4,4,4],f32> attributes {torch.onnx_meta.opset_version = 22 : si64} {
  // CHECK: %[[DIL:.*]] = torch.prim.ListConstruct %int2, %int2_{{.*}}, %int2_{{.*}} : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
  // CHECK: torch.aten.convolution %arg0, %arg1, %none, %{{.*}}, %{{.*}}, %[[DIL]], %false, {{.*}} -> !torch.vtensor<[1,2,4,4,4],f32>
  %0 = torch.operator "onnx.Conv"(%arg0, %arg1) {torch.onnx.dilations = [2 : si64, 2 : si64, 2 : si64]} : (!torch.vtensor<[1,1,6,6,6],f32>, !torch.vtensor<[2,1,2,2,2],f32>) -> !torch.vtensor<[1,2,4,4,4],f32>
  return %0 : !torch.vtensor<[1,2,4,4,4],f32>
}

// -----

// Zero points are subtracted in si32 first (per output channel for w), so padding adds exact
// zeros.
// CHECK-LABEL: func.func @test_convinteger_zero_points
func.func @test_convinteger_zero_points(%arg0: !torch.vtensor<[1,1,3,3],ui8>, %arg1: !torch.vtensor<[2,1,2,2],ui8>, %arg2: !torch.vtensor<[],ui8>, %arg3: !torch.vtensor<[2],ui8>) -> !torch.vtensor<[1,2,3,3],si32> attributes {torch.onnx_meta.opset_version = 10 : si64} {
  // CHECK: %[[X:.*]] = torch.aten.to.dtype %arg0, {{.*}} -> !torch.vtensor<[1,1,3,3],si32>
  // CHECK: %[[W:.*]] = torch.aten.to.dtype %arg1, {{.*}} -> !torch.vtensor<[2,1,2,2],si32>
  // CHECK: %[[XZ:.*]] = torch.aten.to.dtype %arg2, {{.*}} -> !torch.vtensor<[],si32>
  // CHECK: %[[XS:.*]] = torch.aten.sub.Tensor %[[X]], %[[XZ]]
  // CHECK: %[[WZ:.*]] = torch.aten.to.dtype %arg3, {{.*}} -> !torch.vtensor<[2],si32>
  // CHECK: %[[WZR:.*]] = torch.aten.reshape %[[WZ]], {{.*}} -> !torch.vtensor<[2,1,1,1],si32>
  // CHECK: %[[WS:.*]] = torch.aten.sub.Tensor %[[W]], %[[WZR]]
  // CHECK: %[[P:.*]] = torch.aten.constant_pad_nd %[[XS]], {{.*}} -> !torch.vtensor<[1,1,4,4],si32>
  // CHECK: torch.aten.convolution %[[P]], %[[WS]], {{.*}} -> !torch.vtensor<[1,2,3,3],si32>
  %0 = torch.operator "onnx.ConvInteger"(%arg0, %arg1, %arg2, %arg3) {torch.onnx.pads = [1 : si64, 1 : si64, 0 : si64, 0 : si64]} : (!torch.vtensor<[1,1,3,3],ui8>, !torch.vtensor<[2,1,2,2],ui8>, !torch.vtensor<[],ui8>, !torch.vtensor<[2],ui8>) -> !torch.vtensor<[1,2,3,3],si32>
  return %0 : !torch.vtensor<[1,2,3,3],si32>
}

// -----

// CHECK-LABEL: func.func @test_convtranspose_basic
func.func @test_convtranspose_basic(%arg0: !torch.vtensor<[1,1,3,3],f32>, %arg1: !torch.vtensor<[1,2,3,3],f32>) -> !torch.vtensor<[1,2,5,5],f32> attributes {torch.onnx_meta.opset_version = 11 : si64} {
  // CHECK: torch.aten.convolution %arg0, %arg1, %none, {{.*}}, %true, {{.*}} -> !torch.vtensor<[1,2,5,5],f32>
  // CHECK-NOT: torch.aten.slice
  %0 = torch.operator "onnx.ConvTranspose"(%arg0, %arg1) : (!torch.vtensor<[1,1,3,3],f32>, !torch.vtensor<[1,2,3,3],f32>) -> !torch.vtensor<[1,2,5,5],f32>
  return %0 : !torch.vtensor<[1,2,5,5],f32>
}

// -----

// Symmetric pads and output_padding map onto torch's padding/output_padding directly.
// CHECK-LABEL: func.func @test_convtranspose_pads_output_padding
func.func @test_convtranspose_pads_output_padding(%arg0: !torch.vtensor<[1,1,3,3],f32>, %arg1: !torch.vtensor<[1,2,3,3],f32>, %arg2: !torch.vtensor<[2],f32>) -> !torch.vtensor<[1,2,8,8],f32> attributes {torch.onnx_meta.opset_version = 22 : si64} {
  // CHECK: %[[STRIDES:.*]] = torch.prim.ListConstruct %int3, %int3_0
  // CHECK: %[[PADS:.*]] = torch.prim.ListConstruct %int1, %int1_1
  // CHECK: %[[DIL:.*]] = torch.prim.ListConstruct
  // CHECK: %[[OUTPAD:.*]] = torch.prim.ListConstruct %int1_4, %int1_5
  // CHECK: torch.aten.convolution %arg0, %arg1, %arg2, %[[STRIDES]], %[[PADS]], %[[DIL]], %true, %[[OUTPAD]], {{.*}} -> !torch.vtensor<[1,2,8,8],f32>
  // CHECK-NOT: torch.aten.slice
  %0 = torch.operator "onnx.ConvTranspose"(%arg0, %arg1, %arg2) {torch.onnx.output_padding = [1 : si64, 1 : si64], torch.onnx.pads = [1 : si64, 1 : si64, 1 : si64, 1 : si64], torch.onnx.strides = [3 : si64, 3 : si64]} : (!torch.vtensor<[1,1,3,3],f32>, !torch.vtensor<[1,2,3,3],f32>, !torch.vtensor<[2],f32>) -> !torch.vtensor<[1,2,8,8],f32>
  return %0 : !torch.vtensor<[1,2,8,8],f32>
}

// -----

// output_shape one larger than the natural 9x7: extended at the end (torch output_padding).
// CHECK-LABEL: func.func @test_convtranspose_output_shape
func.func @test_convtranspose_output_shape(%arg0: !torch.vtensor<[1,1,3,3],f32>, %arg1: !torch.vtensor<[1,2,3,3],f32>, %arg2: !torch.vtensor<[2],f32>) -> !torch.vtensor<[1,2,10,8],f32> attributes {torch.onnx_meta.opset_version = 1 : si64} {
  // CHECK: %[[OUTPAD:.*]] = torch.prim.ListConstruct %int1_2, %int1_3
  // CHECK: torch.aten.convolution %arg0, %arg1, %arg2, {{.*}}, %true, %[[OUTPAD]], {{.*}} -> !torch.vtensor<[1,2,10,8],f32>
  %0 = torch.operator "onnx.ConvTranspose"(%arg0, %arg1, %arg2) {torch.onnx.output_shape = [10 : si64, 8 : si64], torch.onnx.strides = [3 : si64, 2 : si64]} : (!torch.vtensor<[1,1,3,3],f32>, !torch.vtensor<[1,2,3,3],f32>, !torch.vtensor<[2],f32>) -> !torch.vtensor<[1,2,10,8],f32>
  return %0 : !torch.vtensor<[1,2,10,8],f32>
}

// -----

// SAME_UPPER: output = input * stride, the odd padding at the end (sliced off).
// CHECK-LABEL: func.func @test_convtranspose_same_upper
func.func @test_convtranspose_same_upper(%arg0: !torch.vtensor<[1,1,3,3],f32>, %arg1: !torch.vtensor<[1,2,3,3],f32>) -> !torch.vtensor<[1,2,6,6],f32> attributes {torch.onnx_meta.opset_version = 11 : si64} {
  // CHECK: %[[Y:.*]] = torch.aten.convolution %arg0, %arg1, {{.*}} -> !torch.vtensor<[1,2,7,7],f32>
  // CHECK: %[[Y1:.*]] = torch.aten.slice.Tensor %[[Y]], %int2_{{.*}}, %int0_{{.*}}, %int-1, {{.*}} -> !torch.vtensor<[1,2,6,7],f32>
  // CHECK: torch.aten.slice.Tensor %[[Y1]], %int3, {{.*}} -> !torch.vtensor<[1,2,6,6],f32>
  %0 = torch.operator "onnx.ConvTranspose"(%arg0, %arg1) {torch.onnx.auto_pad = "SAME_UPPER", torch.onnx.strides = [2 : si64, 2 : si64]} : (!torch.vtensor<[1,1,3,3],f32>, !torch.vtensor<[1,2,3,3],f32>) -> !torch.vtensor<[1,2,6,6],f32>
  return %0 : !torch.vtensor<[1,2,6,6],f32>
}

// -----

// Grouped: a grouped (non-transposed) convolution with the flipped, per-group transposed
// kernel (the grouped transposed lowering is broken); padding d*(k-1) gives the full output.
// CHECK-LABEL: func.func @test_convtranspose_group
func.func @test_convtranspose_group(%arg0: !torch.vtensor<[1,2,3,3],f32>, %arg1: !torch.vtensor<[2,1,3,3],f32>) -> !torch.vtensor<[1,2,5,5],f32> attributes {torch.onnx_meta.opset_version = 22 : si64} {
  // CHECK: %[[W5:.*]] = torch.aten.reshape %arg1, {{.*}} -> !torch.vtensor<[2,1,1,3,3],f32>
  // CHECK: %[[WT:.*]] = torch.aten.permute %[[W5]]
  // CHECK: %[[W4:.*]] = torch.aten.reshape %[[WT]], {{.*}} -> !torch.vtensor<[2,1,3,3],f32>
  // CHECK: %[[WF:.*]] = torch.aten.flip %[[W4]]
  // CHECK: %[[PADS:.*]] = torch.prim.ListConstruct %int2_{{.*}}, %int2_{{.*}} :
  // CHECK: torch.aten.convolution %arg0, %[[WF]], %none, %{{.*}}, %[[PADS]], %{{.*}}, %false, %{{.*}}, %int2_{{.*}} : {{.*}} -> !torch.vtensor<[1,2,5,5],f32>
  %0 = torch.operator "onnx.ConvTranspose"(%arg0, %arg1) {torch.onnx.group = 2 : si64} : (!torch.vtensor<[1,2,3,3],f32>, !torch.vtensor<[2,1,3,3],f32>) -> !torch.vtensor<[1,2,5,5],f32>
  return %0 : !torch.vtensor<[1,2,5,5],f32>
}

// -----

// With a stride the input is zero-stuffed first (unsqueeze, pad, merge, drop the tail).
// CHECK-LABEL: func.func @test_convtranspose_group_stride
func.func @test_convtranspose_group_stride(%arg0: !torch.vtensor<[1,4,3],f32>, %arg1: !torch.vtensor<[4,3,2],f32>) -> !torch.vtensor<[1,6,6],f32> attributes {torch.onnx_meta.opset_version = 22 : si64} {
  // CHECK: %[[U:.*]] = torch.aten.unsqueeze %arg0, %int3 : {{.*}} -> !torch.vtensor<[1,4,3,1],f32>
  // CHECK: %[[P:.*]] = torch.aten.constant_pad_nd %[[U]], {{.*}} -> !torch.vtensor<[1,4,3,2],f32>
  // CHECK: %[[M:.*]] = torch.aten.reshape %[[P]], {{.*}} -> !torch.vtensor<[1,4,6],f32>
  // CHECK: %[[X:.*]] = torch.aten.slice.Tensor %[[M]], {{.*}} -> !torch.vtensor<[1,4,5],f32>
  // CHECK: %[[WF:.*]] = torch.aten.flip {{.*}} -> !torch.vtensor<[6,2,2],f32>
  // CHECK: torch.aten.convolution %[[X]], %[[WF]], {{.*}}, %false, {{.*}} -> !torch.vtensor<[1,6,6],f32>
  %0 = torch.operator "onnx.ConvTranspose"(%arg0, %arg1) {torch.onnx.group = 2 : si64, torch.onnx.strides = [2 : si64]} : (!torch.vtensor<[1,4,3],f32>, !torch.vtensor<[4,3,2],f32>) -> !torch.vtensor<[1,6,6],f32>
  return %0 : !torch.vtensor<[1,6,6],f32>
}

// -----

// Dynamic length: the extra end pad is sliced off from the back.
// CHECK-LABEL: func.func @test_convtranspose_1d_dynamic_asymmetric
func.func @test_convtranspose_1d_dynamic_asymmetric(%arg0: !torch.vtensor<[1,1,?],f32>, %arg1: !torch.vtensor<[1,1,3],f32>) -> !torch.vtensor<[1,1,?],f32> attributes {torch.onnx_meta.opset_version = 22 : si64} {
  // CHECK: %[[Y:.*]] = torch.aten.convolution %arg0, %arg1, {{.*}} -> !torch.vtensor<[1,1,?],f32>
  // CHECK: torch.aten.slice.Tensor %[[Y]], %int2{{.*}}, %int0{{.*}}, %int-2, {{.*}} -> !torch.vtensor<[1,1,?],f32>
  %0 = torch.operator "onnx.ConvTranspose"(%arg0, %arg1) {torch.onnx.pads = [0 : si64, 2 : si64], torch.onnx.strides = [2 : si64]} : (!torch.vtensor<[1,1,?],f32>, !torch.vtensor<[1,1,3],f32>) -> !torch.vtensor<[1,1,?],f32>
  return %0 : !torch.vtensor<[1,1,?],f32>
}

// -----

// No past state: zeros; the present state is the last k-1 positions of the padded input.
// CHECK-LABEL: func.func @test_causal_conv_with_state
func.func @test_causal_conv_with_state(%arg0: !torch.vtensor<[1,2,5],f32>, %arg1: !torch.vtensor<[2,1,3],f32>, %arg2: !torch.vtensor<[2],f32>) -> (!torch.vtensor<[1,2,5],f32>, !torch.vtensor<[1,2,2],f32>) attributes {torch.onnx_meta.opset_version = 27 : si64} {
  // CHECK: %[[ZEROS:.*]] = torch.aten.zeros {{.*}} -> !torch.vtensor<[1,2,2],f32>
  // CHECK: %[[L:.*]] = torch.prim.ListConstruct %[[ZEROS]], %arg0
  // CHECK: %[[PADDED:.*]] = torch.aten.cat %[[L]], {{.*}} -> !torch.vtensor<[1,2,7],f32>
  // CHECK: %[[Y:.*]] = torch.aten.convolution %[[PADDED]], %arg1, %arg2, {{.*}}, %false, %{{.*}}, %int2{{.*}} -> !torch.vtensor<[1,2,5],f32>
  // CHECK: %[[S:.*]] = torch.aten.slice.Tensor %[[PADDED]], %{{.*}}, %int-2, {{.*}} -> !torch.vtensor<[1,2,2],f32>
  // CHECK: return %[[Y]], %[[S]]
  %none = torch.constant.none
  %0:2 = torch.operator "onnx.CausalConvWithState"(%arg0, %arg1, %arg2, %none) : (!torch.vtensor<[1,2,5],f32>, !torch.vtensor<[2,1,3],f32>, !torch.vtensor<[2],f32>, !torch.none) -> (!torch.vtensor<[1,2,5],f32>, !torch.vtensor<[1,2,2],f32>)
  return %0#0, %0#1 : !torch.vtensor<[1,2,5],f32>, !torch.vtensor<[1,2,2],f32>
}

// -----

// silu is applied in f32 for f16, as the reference does.
// CHECK-LABEL: func.func @test_causal_conv_with_state_silu_past
func.func @test_causal_conv_with_state_silu_past(%arg0: !torch.vtensor<[1,2,1],f16>, %arg1: !torch.vtensor<[2,1,4],f16>, %arg2: !torch.vtensor<[1,2,3],f16>) -> (!torch.vtensor<[1,2,1],f16>, !torch.vtensor<[1,2,3],f16>) attributes {torch.onnx_meta.opset_version = 27 : si64} {
  // CHECK: %[[L:.*]] = torch.prim.ListConstruct %arg2, %arg0
  // CHECK: %[[PADDED:.*]] = torch.aten.cat %[[L]], {{.*}} -> !torch.vtensor<[1,2,4],f16>
  // CHECK: %[[Y:.*]] = torch.aten.convolution %[[PADDED]], %arg1, %none{{.*}} -> !torch.vtensor<[1,2,1],f16>
  // CHECK: %[[F:.*]] = torch.aten.to.dtype %[[Y]], {{.*}} -> !torch.vtensor<[1,2,1],f32>
  // CHECK: %[[A:.*]] = torch.aten.silu %[[F]]
  // CHECK: %[[OUT:.*]] = torch.aten.to.dtype %[[A]], {{.*}} -> !torch.vtensor<[1,2,1],f16>
  // CHECK: %[[S:.*]] = torch.aten.slice.Tensor %[[PADDED]], {{.*}} -> !torch.vtensor<[1,2,3],f16>
  // CHECK: return %[[OUT]], %[[S]]
  %none = torch.constant.none
  %0:2 = torch.operator "onnx.CausalConvWithState"(%arg0, %arg1, %none, %arg2) {torch.onnx.activation = "silu"} : (!torch.vtensor<[1,2,1],f16>, !torch.vtensor<[2,1,4],f16>, !torch.none, !torch.vtensor<[1,2,3],f16>) -> (!torch.vtensor<[1,2,1],f16>, !torch.vtensor<[1,2,3],f16>)
  return %0#0, %0#1 : !torch.vtensor<[1,2,1],f16>, !torch.vtensor<[1,2,3],f16>
}

// -----

// Column t of a channel goes to the image position of its block and kernel offset
// (out-of-image entries to an extra slot that is dropped), summed by scatter_add.
// CHECK-LABEL: func.func @test_col2im
func.func @test_col2im(%arg0: !torch.vtensor<[1,4,4],f32>) -> !torch.vtensor<[1,1,3,3],f32> attributes {torch.onnx_meta.opset_version = 18 : si64} {
  // CHECK: %[[T:.*]] = torch.aten.arange.start_step %int0, %int16, {{.*}} -> !torch.vtensor<[16],si64>
  // CHECK: %[[IDX:.*]] = torch.aten.where.ScalarOther %{{.*}}, %{{.*}}, %int9 : {{.*}} -> !torch.vtensor<[16],si64>
  // CHECK: %[[SRC:.*]] = torch.aten.reshape %arg0, {{.*}} -> !torch.vtensor<[1,1,16],f32>
  // CHECK: %[[I3:.*]] = torch.aten.reshape %[[IDX]], {{.*}} -> !torch.vtensor<[1,1,16],si64>
  // CHECK: %[[IE:.*]] = torch.aten.expand %[[I3]]
  // CHECK: %[[Z:.*]] = torch.aten.zeros {{.*}} -> !torch.vtensor<[1,1,10],f32>
  // CHECK: %[[ACC:.*]] = torch.aten.scatter_add %[[Z]], %int2{{.*}}, %[[IE]], %[[SRC]]
  // CHECK: %[[IMG:.*]] = torch.aten.slice.Tensor %[[ACC]], {{.*}} -> !torch.vtensor<[1,1,9],f32>
  // CHECK: torch.aten.reshape %[[IMG]], {{.*}} -> !torch.vtensor<[1,1,3,3],f32>
  %0 = torch.vtensor.literal(dense<[3, 3]> : tensor<2xsi64>) : !torch.vtensor<[2],si64>
  %1 = torch.vtensor.literal(dense<[2, 2]> : tensor<2xsi64>) : !torch.vtensor<[2],si64>
  %2 = torch.operator "onnx.Col2Im"(%arg0, %0, %1) : (!torch.vtensor<[1,4,4],f32>, !torch.vtensor<[2],si64>, !torch.vtensor<[2],si64>) -> !torch.vtensor<[1,1,3,3],f32>
  return %2 : !torch.vtensor<[1,1,3,3],f32>
}

// -----

// A run-time block_shape is read with aten.item; the image size comes from the result type.
// CHECK-LABEL: func.func @test_col2im_runtime_block
func.func @test_col2im_runtime_block(%arg0: !torch.vtensor<[1,5,5],f32>, %arg1: !torch.vtensor<[2],si64>, %arg2: !torch.vtensor<[2],si64>) -> !torch.vtensor<[1,1,5,5],f32> attributes {torch.onnx_meta.opset_version = 18 : si64} {
  // CHECK: %[[B0S:.*]] = torch.aten.select.int %arg2
  // CHECK: %[[B0:.*]] = torch.aten.item %[[B0S]]
  // CHECK: %[[B1S:.*]] = torch.aten.select.int %arg2
  // CHECK: %[[B1:.*]] = torch.aten.item %[[B1S]]
  // CHECK: torch.aten.remainder.Scalar %{{.*}}, %[[B1]]
  // CHECK: torch.aten.remainder.Scalar %{{.*}}, %[[B0]]
  // CHECK: torch.aten.scatter_add {{.*}} -> !torch.vtensor<[1,1,26],f32>
  // CHECK: torch.aten.reshape {{.*}} -> !torch.vtensor<[1,1,5,5],f32>
  %0 = torch.operator "onnx.Col2Im"(%arg0, %arg1, %arg2) {torch.onnx.pads = [0 : si64, 1 : si64, 0 : si64, 1 : si64]} : (!torch.vtensor<[1,5,5],f32>, !torch.vtensor<[2],si64>, !torch.vtensor<[2],si64>) -> !torch.vtensor<[1,1,5,5],f32>
  return %0 : !torch.vtensor<[1,1,5,5],f32>
}
