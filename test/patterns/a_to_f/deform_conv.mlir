// RUN: %opt --split-input-file --convert-torch-onnx-to-torch %s | filecheck %s

// CHECK-LABEL: func.func @test_deform_conv_mask_bias
func.func @test_deform_conv_mask_bias(%arg0: !torch.vtensor<[1,1,3,3],f32>, %arg1: !torch.vtensor<[1,1,2,2],f32>, %arg2: !torch.vtensor<[1,8,2,2],f32>, %arg3: !torch.vtensor<[1],f32>, %arg4: !torch.vtensor<[1,4,2,2],f32>) -> !torch.vtensor<[1,1,2,2],f32> attributes {torch.onnx_meta.opset_version = 22 : si64} {
  // Positions = kernel grid (a literal) + offsets; four bilinear corners gathered, weighted,
  // masked and summed; then one matmul with the weights and the bias added.
  // CHECK: %[[OFF:.*]] = torch.aten.reshape %arg2, %{{.*}} -> !torch.vtensor<[1,1,2,2,2,2,2],f32>
  // CHECK: %[[OFFH:.*]] = torch.aten.select.int %[[OFF]], %int4, %int0
  // CHECK: %[[GRIDH:.*]] = torch.vtensor.literal({{.*}} : tensor<1x1x2x1x2x1xf32>)
  // CHECK: torch.aten.add.Tensor %[[OFFH]], %[[GRIDH]]
  // CHECK: %[[OFFW:.*]] = torch.aten.select.int %[[OFF]], %int4{{.*}}, %int1
  // CHECK: %[[GRIDW:.*]] = torch.vtensor.literal({{.*}} : tensor<1x1x1x2x1x2xf32>)
  // CHECK: torch.aten.add.Tensor %[[OFFW]], %[[GRIDW]]
  // CHECK: %[[MASK:.*]] = torch.aten.reshape %arg4, %{{.*}} -> !torch.vtensor<[1,1,16],f32>
  // CHECK: torch.aten.floor
  // CHECK: %[[X:.*]] = torch.aten.reshape %arg0, %{{.*}} -> !torch.vtensor<[1,1,1,9],f32>
  // CHECK: torch.aten.mul.Tensor %{{.*}}, %[[MASK]]
  // CHECK: torch.aten.gather %[[X]], %int3{{.*}} : !torch.vtensor<[1,1,1,9],f32>, !torch.int, !torch.vtensor<[1,1,1,16],si64>, !torch.bool -> !torch.vtensor<[1,1,1,16],f32>
  // CHECK: torch.aten.gather %[[X]]
  // CHECK: torch.aten.gather %[[X]]
  // CHECK: torch.aten.gather %[[X]]
  // CHECK: %[[COLS:.*]] = torch.aten.reshape %{{.*}} -> !torch.vtensor<[1,1,4,4],f32>
  // CHECK: %[[W:.*]] = torch.aten.reshape %arg1, %{{.*}} -> !torch.vtensor<[1,1,4],f32>
  // CHECK: %[[MM:.*]] = torch.aten.matmul %[[W]], %[[COLS]] : !torch.vtensor<[1,1,4],f32>, !torch.vtensor<[1,1,4,4],f32> -> !torch.vtensor<[1,1,1,4],f32>
  // CHECK: %[[Y:.*]] = torch.aten.reshape %[[MM]], %{{.*}} -> !torch.vtensor<[1,1,2,2],f32>
  // CHECK: %[[B:.*]] = torch.aten.reshape %arg3, %{{.*}} -> !torch.vtensor<[1,1,1,1],f32>
  // CHECK: torch.aten.add.Tensor %[[Y]], %[[B]]
  %0 = torch.operator "onnx.DeformConv"(%arg0, %arg1, %arg2, %arg3, %arg4) {torch.onnx.kernel_shape = [2 : si64, 2 : si64], torch.onnx.pads = [0 : si64, 0 : si64, 0 : si64, 0 : si64]} : (!torch.vtensor<[1,1,3,3],f32>, !torch.vtensor<[1,1,2,2],f32>, !torch.vtensor<[1,8,2,2],f32>, !torch.vtensor<[1],f32>, !torch.vtensor<[1,4,2,2],f32>) -> !torch.vtensor<[1,1,2,2],f32>
  return %0 : !torch.vtensor<[1,1,2,2],f32>
}

// -----

// CHECK-LABEL: func.func @test_deform_conv_groups_v19
func.func @test_deform_conv_groups_v19(%arg0: !torch.vtensor<[?,4,5,6],f32>, %arg1: !torch.vtensor<[6,2,3,3],f32>, %arg2: !torch.vtensor<[?,36,3,6],f32>) -> !torch.vtensor<[?,6,3,6],f32> attributes {torch.onnx_meta.opset_version = 19 : si64} {
  // A dynamic batch; 2 conv groups and 2 offset groups; stride 2 on H, pads 1.
  // CHECK: %[[N:.*]] = torch.aten.size.int %arg0, %int0
  // CHECK: %[[F:.*]] = torch.aten.flatten.using_ints %arg2
  // CHECK: torch.aten.reshape %[[F]], %{{.*}} -> !torch.vtensor<[?,2,3,3,2,3,6],f32>
  // CHECK: torch.vtensor.literal(dense<{{\[\[\[\[\[\[}}-1.000000e+00], [1.000000e+00], [3.000000e+00]]]{{.*}} : tensor<1x1x3x1x3x1xf32>)
  // CHECK: torch.aten.gather {{.*}} -> !torch.vtensor<[?,2,2,162],f32>
  // CHECK: %[[COLS:.*]] = torch.aten.reshape %{{.*}} -> !torch.vtensor<[?,2,18,18],f32>
  // CHECK: %[[W:.*]] = torch.aten.reshape %arg1, %{{.*}} -> !torch.vtensor<[2,3,18],f32>
  // CHECK: %[[MM:.*]] = torch.aten.matmul %[[W]], %[[COLS]] : !torch.vtensor<[2,3,18],f32>, !torch.vtensor<[?,2,18,18],f32> -> !torch.vtensor<[?,2,3,18],f32>
  // CHECK: %[[MF:.*]] = torch.aten.flatten.using_ints %[[MM]]
  // CHECK: torch.aten.reshape %[[MF]], %{{.*}} -> !torch.vtensor<[?,6,3,6],f32>
  %0 = torch.operator "onnx.DeformConv"(%arg0, %arg1, %arg2) {torch.onnx.group = 2 : si64, torch.onnx.offset_group = 2 : si64, torch.onnx.strides = [2 : si64, 1 : si64], torch.onnx.pads = [1 : si64, 1 : si64, 1 : si64, 1 : si64]} : (!torch.vtensor<[?,4,5,6],f32>, !torch.vtensor<[6,2,3,3],f32>, !torch.vtensor<[?,36,3,6],f32>) -> !torch.vtensor<[?,6,3,6],f32>
  return %0 : !torch.vtensor<[?,6,3,6],f32>
}
