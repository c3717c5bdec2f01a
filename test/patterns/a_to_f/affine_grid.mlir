// RUN: %opt --split-input-file --convert-torch-onnx-to-torch %s | filecheck %s

// Constant size, align_corners=1: x = -1 + i*2/(W-1) along W, y along H, then a homogeneous
// [H*W, 3] grid times theta^T.
// CHECK-LABEL: func.func @test_affine_grid_2d_align_corners
func.func @test_affine_grid_2d_align_corners(%arg0: !torch.vtensor<[2,2,3],f32>) -> !torch.vtensor<[2,4,5,2],f32> attributes {torch.onnx_meta.opset_version = 20 : si64} {
  // CHECK: %[[XI:.*]] = torch.aten.arange %int5, {{.*}} -> !torch.vtensor<[5],f32>
  // CHECK: %[[XS:.*]] = torch.aten.mul.Scalar %[[XI]], %float5.000000e-01
  // CHECK: %[[X:.*]] = torch.aten.sub.Scalar %[[XS]]
  // CHECK: %[[XR:.*]] = torch.aten.reshape %[[X]], {{.*}} -> !torch.vtensor<[1,5],f32>
  // CHECK: %[[XE:.*]] = torch.aten.expand %[[XR]], {{.*}} -> !torch.vtensor<[4,5],f32>
  // CHECK: %[[YI:.*]] = torch.aten.arange %int4{{.*}} -> !torch.vtensor<[4],f32>
  // CHECK: %[[YR:.*]] = torch.aten.reshape {{.*}} -> !torch.vtensor<[4,1],f32>
  // CHECK: %[[YE:.*]] = torch.aten.expand %[[YR]], {{.*}} -> !torch.vtensor<[4,5],f32>
  // CHECK: %[[ONE:.*]] = torch.aten.ones_like %[[XE]]
  // CHECK: %[[L:.*]] = torch.prim.ListConstruct %[[XE]], %[[YE]], %[[ONE]]
  // CHECK: %[[G:.*]] = torch.aten.stack %[[L]], %{{.*}} -> !torch.vtensor<[4,5,3],f32>
  // CHECK: %[[GF:.*]] = torch.aten.reshape %[[G]], {{.*}} -> !torch.vtensor<[20,3],f32>
  // CHECK: %[[TT:.*]] = torch.aten.transpose.int %arg0, {{.*}} -> !torch.vtensor<[2,3,2],f32>
  // CHECK: %[[MM:.*]] = torch.aten.matmul %[[GF]], %[[TT]] : !torch.vtensor<[20,3],f32>, !torch.vtensor<[2,3,2],f32> -> !torch.vtensor<[2,20,2],f32>
  // CHECK: torch.aten.reshape %[[MM]], {{.*}} -> !torch.vtensor<[2,4,5,2],f32>
  %size = torch.vtensor.literal(dense<[2, 3, 4, 5]> : tensor<4xsi64>) : !torch.vtensor<[4],si64>
  %0 = torch.operator "onnx.AffineGrid"(%arg0, %size) {torch.onnx.align_corners = 1 : si64} : (!torch.vtensor<[2,2,3],f32>, !torch.vtensor<[4],si64>) -> !torch.vtensor<[2,4,5,2],f32>
  return %0 : !torch.vtensor<[2,4,5,2],f32>
}

// -----

// align_corners=0: x = -1 + (2i + 1)/W.
// CHECK-LABEL: func.func @test_affine_grid_2d_centres
func.func @test_affine_grid_2d_centres(%arg0: !torch.vtensor<[1,2,3],f32>) -> !torch.vtensor<[1,2,3,2],f32> attributes {torch.onnx_meta.opset_version = 20 : si64} {
  // CHECK: %[[XI:.*]] = torch.aten.arange %int3
  // CHECK: %[[X2:.*]] = torch.aten.mul.Scalar %[[XI]], %float2.000000e00
  // CHECK: %[[X21:.*]] = torch.aten.add.Scalar %[[X2]], %float1.000000e00
  // CHECK: %[[XD:.*]] = torch.aten.div.Scalar %[[X21]], %int3
  // CHECK: torch.aten.sub.Scalar %[[XD]]
  %size = torch.vtensor.literal(dense<[1, 1, 2, 3]> : tensor<4xsi64>) : !torch.vtensor<[4],si64>
  %0 = torch.operator "onnx.AffineGrid"(%arg0, %size) : (!torch.vtensor<[1,2,3],f32>, !torch.vtensor<[4],si64>) -> !torch.vtensor<[1,2,3,2],f32>
  return %0 : !torch.vtensor<[1,2,3,2],f32>
}

// -----

// Run-time size (3-D): each entry is read with aten.select.int + aten.item.
// CHECK-LABEL: func.func @test_affine_grid_3d_runtime_size
func.func @test_affine_grid_3d_runtime_size(%arg0: !torch.vtensor<[2,3,4],f32>, %arg1: !torch.vtensor<[5],si64>) -> !torch.vtensor<[2,?,?,?,3],f32> attributes {torch.onnx_meta.opset_version = 20 : si64} {
  // CHECK: %[[S2:.*]] = torch.aten.select.int %arg1, %{{.*}}, %int2
  // CHECK: %[[D:.*]] = torch.aten.item %[[S2]] : !torch.vtensor<[],si64> -> !torch.int
  // CHECK: %[[S4:.*]] = torch.aten.select.int %arg1, %{{.*}}, %int4
  // CHECK: %[[W:.*]] = torch.aten.item %[[S4]]
  // CHECK: torch.aten.arange %[[W]], {{.*}} -> !torch.vtensor<[?],f32>
  // CHECK: torch.aten.stack {{.*}} -> !torch.vtensor<[?,?,?,4],f32>
  // CHECK: torch.aten.matmul {{.*}} -> !torch.vtensor<[2,?,3],f32>
  %0 = torch.operator "onnx.AffineGrid"(%arg0, %arg1) : (!torch.vtensor<[2,3,4],f32>, !torch.vtensor<[5],si64>) -> !torch.vtensor<[2,?,?,?,3],f32>
  return %0 : !torch.vtensor<[2,?,?,?,3],f32>
}

// -----

// Run-time size with a declared result: its static spatial dims are used, only the `?` is read.
// CHECK-LABEL: func.func @test_affine_grid_2d_runtime_size_declared
func.func @test_affine_grid_2d_runtime_size_declared(%arg0: !torch.vtensor<[2,2,3],f32>, %arg1: !torch.vtensor<[4],si64>) -> !torch.vtensor<[2,?,5,2],f32> attributes {torch.onnx_meta.opset_version = 20 : si64} {
  // CHECK: %[[S2:.*]] = torch.aten.select.int %arg1, %{{.*}}, %int2
  // CHECK: %[[H:.*]] = torch.aten.item %[[S2]] : !torch.vtensor<[],si64> -> !torch.int
  // CHECK-NOT: torch.aten.item
  // CHECK: torch.aten.arange %int5, {{.*}} -> !torch.vtensor<[5],f32>
  // CHECK: torch.aten.arange %[[H]], {{.*}} -> !torch.vtensor<[?],f32>
  // CHECK: torch.aten.stack {{.*}} -> !torch.vtensor<[?,5,3],f32>
  %0 = torch.operator "onnx.AffineGrid"(%arg0, %arg1) : (!torch.vtensor<[2,2,3],f32>, !torch.vtensor<[4],si64>) -> !torch.vtensor<[2,?,5,2],f32>
  return %0 : !torch.vtensor<[2,?,5,2],f32>
}
