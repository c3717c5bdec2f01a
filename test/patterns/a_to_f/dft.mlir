// RUN: %opt --split-input-file --convert-torch-onnx-to-torch %s | filecheck %s

// CHECK-LABEL: func.func @test_dft_v17_real
func.func @test_dft_v17_real(%arg0: !torch.vtensor<[1,4,3,1],f32>) -> !torch.vtensor<[1,4,3,2],f32> attributes {torch.onnx_meta.opset_version = 17 : si64} {
  // Real input: Re = x @ cos, Im = -(x @ sin) along the axis, moved last and back.
  // CHECK: %[[RE:.*]] = torch.aten.select.int %arg0, %int3, %int0 : !torch.vtensor<[1,4,3,1],f32>, !torch.int, !torch.int -> !torch.vtensor<[1,4,3],f32>
  // CHECK: %[[X:.*]] = torch.aten.permute %[[RE]], %{{.*}} -> !torch.vtensor<[1,3,4],f32>
  // CHECK: %[[COS:.*]] = torch.vtensor.literal(dense<{{\[\[}}1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00], [1.000000e+00, 6.12323426E-17, -1.000000e+00{{.*}} : tensor<4x4xf32>) : !torch.vtensor<[4,4],f32>
  // CHECK: %[[SIN:.*]] = torch.vtensor.literal(dense<{{\[\[}}0.000000e+00{{.*}} : tensor<4x4xf32>) : !torch.vtensor<[4,4],f32>
  // CHECK: %[[OUTRE:.*]] = torch.aten.matmul %[[X]], %[[COS]] : !torch.vtensor<[1,3,4],f32>, !torch.vtensor<[4,4],f32> -> !torch.vtensor<[1,3,4],f32>
  // CHECK: %[[XS:.*]] = torch.aten.matmul %[[X]], %[[SIN]]
  // CHECK: %[[OUTIM:.*]] = torch.aten.neg %[[XS]]
  // CHECK: %[[LIST:.*]] = torch.prim.ListConstruct %[[OUTRE]], %[[OUTIM]]
  // CHECK: %[[Y:.*]] = torch.aten.stack %[[LIST]], %int3{{.*}} -> !torch.vtensor<[1,3,4,2],f32>
  // CHECK: torch.aten.permute %[[Y]], %{{.*}} -> !torch.vtensor<[1,4,3,2],f32>
  %0 = torch.operator "onnx.DFT"(%arg0) {torch.onnx.axis = 1 : si64} : (!torch.vtensor<[1,4,3,1],f32>) -> !torch.vtensor<[1,4,3,2],f32>
  return %0 : !torch.vtensor<[1,4,3,2],f32>
}

// -----

// CHECK-LABEL: func.func @test_dft_v17_complex_inverse_axis2
func.func @test_dft_v17_complex_inverse_axis2(%arg0: !torch.vtensor<[1,3,4,2],f32>) -> !torch.vtensor<[1,3,4,2],f32> attributes {torch.onnx_meta.opset_version = 17 : si64} {
  // Inverse: (R + iI)(cos + i sin) / L, the 1/L folded into the matrices.
  // CHECK: %[[R:.*]] = torch.aten.select.int %arg0, %int3, %int0
  // CHECK: %[[I:.*]] = torch.aten.select.int %arg0, %int3{{.*}}, %int1
  // CHECK: %[[COS:.*]] = torch.vtensor.literal(dense<{{\[\[}}2.500000e-01{{.*}} : tensor<4x4xf32>)
  // CHECK: %[[SIN:.*]] = torch.vtensor.literal(dense<{{\[\[}}0.000000e+00{{.*}} : tensor<4x4xf32>)
  // CHECK: %[[RC:.*]] = torch.aten.matmul %[[R]], %[[COS]]
  // CHECK: %[[RS:.*]] = torch.aten.matmul %[[R]], %[[SIN]]
  // CHECK: %[[IS:.*]] = torch.aten.matmul %[[I]], %[[SIN]]
  // CHECK: %[[OUTRE:.*]] = torch.aten.sub.Tensor %[[RC]], %[[IS]]
  // CHECK: %[[IC:.*]] = torch.aten.matmul %[[I]], %[[COS]]
  // CHECK: %[[OUTIM:.*]] = torch.aten.add.Tensor %[[RS]], %[[IC]]
  // CHECK: %[[LIST:.*]] = torch.prim.ListConstruct %[[OUTRE]], %[[OUTIM]]
  // CHECK: torch.aten.stack %[[LIST]], %int3{{.*}} -> !torch.vtensor<[1,3,4,2],f32>
  %0 = torch.operator "onnx.DFT"(%arg0) {torch.onnx.axis = 2 : si64, torch.onnx.inverse = 1 : si64} : (!torch.vtensor<[1,3,4,2],f32>) -> !torch.vtensor<[1,3,4,2],f32>
  return %0 : !torch.vtensor<[1,3,4,2],f32>
}

// -----

// CHECK-LABEL: func.func @test_dft_v17_rfft_dft_length
func.func @test_dft_v17_rfft_dft_length(%arg0: !torch.vtensor<[2,6,1],f32>) -> !torch.vtensor<[2,5,2],f32> attributes {torch.onnx_meta.opset_version = 17 : si64} {
  // Zero padding to dft_length 8 only widens the matrices' angles; onesided keeps 8/2+1 bins.
  // CHECK: %[[X:.*]] = torch.aten.select.int %arg0, %int2, %int0
  // CHECK: %[[COS:.*]] = torch.vtensor.literal({{.*}} : tensor<6x5xf32>) : !torch.vtensor<[6,5],f32>
  // CHECK: %[[SIN:.*]] = torch.vtensor.literal({{.*}} : tensor<6x5xf32>) : !torch.vtensor<[6,5],f32>
  // CHECK: torch.aten.matmul %[[X]], %[[COS]] : !torch.vtensor<[2,6],f32>, !torch.vtensor<[6,5],f32> -> !torch.vtensor<[2,5],f32>
  // CHECK: torch.aten.stack {{.*}} -> !torch.vtensor<[2,5,2],f32>
  %len = torch.vtensor.literal(dense<8> : tensor<si64>) : !torch.vtensor<[],si64>
  %0 = torch.operator "onnx.DFT"(%arg0, %len) {torch.onnx.axis = 1 : si64, torch.onnx.onesided = 1 : si64} : (!torch.vtensor<[2,6,1],f32>, !torch.vtensor<[],si64>) -> !torch.vtensor<[2,5,2],f32>
  return %0 : !torch.vtensor<[2,5,2],f32>
}

// -----

// CHECK-LABEL: func.func @test_dft_v20_irfft_const_axis
func.func @test_dft_v20_irfft_const_axis(%arg0: !torch.vtensor<[1,6,10,2],f32>) -> !torch.vtensor<[1,10,10,1],f32> attributes {torch.onnx_meta.opset_version = 20 : si64} {
  // irfft: 6 one-sided bins -> 10 real outputs; bins 1..4 are weighted 2 (their conjugates).
  // CHECK: %[[COS:.*]] = torch.vtensor.literal(dense<{{\[\[}}1.000000e-01, {{.*}}], [2.000000e-01, {{.*}} : tensor<6x10xf32>)
  // CHECK: %[[SIN:.*]] = torch.vtensor.literal({{.*}} : tensor<6x10xf32>)
  // CHECK: %[[RC:.*]] = torch.aten.matmul %{{.*}}, %[[COS]] : !torch.vtensor<[1,10,6],f32>, !torch.vtensor<[6,10],f32> -> !torch.vtensor<[1,10,10],f32>
  // CHECK: %[[IS:.*]] = torch.aten.matmul %{{.*}}, %[[SIN]]
  // CHECK: %[[Y:.*]] = torch.aten.sub.Tensor %[[RC]], %[[IS]]
  // CHECK: %[[LIST:.*]] = torch.prim.ListConstruct %[[Y]] :
  // CHECK: torch.aten.stack %[[LIST]], %int3{{.*}} -> !torch.vtensor<[1,10,10,1],f32>
  %none = torch.constant.none
  %axis = torch.vtensor.literal(dense<1> : tensor<si64>) : !torch.vtensor<[],si64>
  %0 = torch.operator "onnx.DFT"(%arg0, %none, %axis) {torch.onnx.inverse = 1 : si64, torch.onnx.onesided = 1 : si64} : (!torch.vtensor<[1,6,10,2],f32>, !torch.none, !torch.vtensor<[],si64>) -> !torch.vtensor<[1,10,10,1],f32>
  return %0 : !torch.vtensor<[1,10,10,1],f32>
}

// -----

// CHECK-LABEL: func.func @test_dft_v20_default_axis
func.func @test_dft_v20_default_axis(%arg0: !torch.vtensor<[3,5,1],f32>) -> !torch.vtensor<[3,5,2],f32> attributes {torch.onnx_meta.opset_version = 20 : si64} {
  // The default axis of DFT-20 is -2.
  // CHECK: %[[X:.*]] = torch.aten.select.int %arg0, %int2, %int0
  // CHECK-NOT: torch.aten.permute
  // CHECK: torch.aten.matmul %[[X]], %{{.*}} : !torch.vtensor<[3,5],f32>, !torch.vtensor<[5,5],f32> -> !torch.vtensor<[3,5],f32>
  %0 = torch.operator "onnx.DFT"(%arg0) : (!torch.vtensor<[3,5,1],f32>) -> !torch.vtensor<[3,5,2],f32>
  return %0 : !torch.vtensor<[3,5,2],f32>
}

// -----

// CHECK-LABEL: func.func @test_dft_v20_runtime_axis_one_fit
func.func @test_dft_v20_runtime_axis_one_fit(%arg0: !torch.vtensor<[1,10,10,1],f32>, %arg1: !torch.vtensor<[],si64>) -> !torch.vtensor<[1,6,10,2],f32> attributes {torch.onnx_meta.opset_version = 20 : si64} {
  // A runtime axis: only axis 1 gives the declared [1,6,10,2].
  // CHECK-NOT: torch.aten.where
  // CHECK: torch.aten.matmul %{{.*}} : !torch.vtensor<[1,10,10],f32>, !torch.vtensor<[10,6],f32> -> !torch.vtensor<[1,10,6],f32>
  // CHECK: torch.aten.permute %{{.*}} -> !torch.vtensor<[1,6,10,2],f32>
  %none = torch.constant.none
  %0 = torch.operator "onnx.DFT"(%arg0, %none, %arg1) {torch.onnx.onesided = 1 : si64} : (!torch.vtensor<[1,10,10,1],f32>, !torch.none, !torch.vtensor<[],si64>) -> !torch.vtensor<[1,6,10,2],f32>
  return %0 : !torch.vtensor<[1,6,10,2],f32>
}

// -----

// CHECK-LABEL: func.func @test_dft_v20_runtime_axis_select
func.func @test_dft_v20_runtime_axis_select(%arg0: !torch.vtensor<[4,4,1],f32>, %arg1: !torch.vtensor<[],si64>) -> !torch.vtensor<[4,4,2],f32> attributes {torch.onnx_meta.opset_version = 20 : si64} {
  // Both axes fit the declared shape: both transforms are built and the runtime axis picks one.
  // CHECK: %[[A1:.*]] = torch.aten.stack %{{.*}} -> !torch.vtensor<[4,4,2],f32>
  // CHECK: %[[IS0:.*]] = torch.aten.eq.Scalar %arg1, %int0
  // CHECK: %[[ISNEG:.*]] = torch.aten.eq.Scalar %arg1, %int-3
  // CHECK: %[[PICK:.*]] = torch.aten.logical_or %[[IS0]], %[[ISNEG]]
  // CHECK: %[[A0:.*]] = torch.aten.permute %{{.*}} -> !torch.vtensor<[4,4,2],f32>
  // CHECK: torch.aten.where.self %[[PICK]], %[[A0]], %[[A1]]
  %none = torch.constant.none
  %0 = torch.operator "onnx.DFT"(%arg0, %none, %arg1) : (!torch.vtensor<[4,4,1],f32>, !torch.none, !torch.vtensor<[],si64>) -> !torch.vtensor<[4,4,2],f32>
  return %0 : !torch.vtensor<[4,4,2],f32>
}

// -----

// CHECK-LABEL: func.func @test_dft_v20_runtime_length
func.func @test_dft_v20_runtime_length(%arg0: !torch.vtensor<[3,5,1],f32>, %arg1: !torch.vtensor<[],si64>) -> !torch.vtensor<[3,?,2],f32> attributes {torch.onnx_meta.opset_version = 20 : si64} {
  // A runtime dft_length: the matrices come from aten.arange, with the angle index reduced
  // modulo L in integers and both functions taken as sin of an angle in [-pi/2, pi/2].
  // CHECK: %[[L:.*]] = torch.aten.item %arg1 : !torch.vtensor<[],si64> -> !torch.int
  // CHECK: %[[NIN:.*]] = torch.prim.min.int %int5, %[[L]]
  // CHECK: torch.aten.slice.Tensor %{{.*}}, %int1, %int0{{.*}}, %[[NIN]], %int1{{.*}} -> !torch.vtensor<[3,?],f32>
  // CHECK: torch.aten.arange %[[NIN]]
  // CHECK: torch.aten.arange %[[L]]
  // CHECK: torch.aten.remainder.Scalar %{{.*}}, %[[L]]
  // CHECK: torch.aten.sin
  // CHECK: torch.aten.sin
  // CHECK: torch.aten.stack {{.*}} -> !torch.vtensor<[3,?,2],f32>
  %0 = torch.operator "onnx.DFT"(%arg0, %arg1) : (!torch.vtensor<[3,5,1],f32>, !torch.vtensor<[],si64>) -> !torch.vtensor<[3,?,2],f32>
  return %0 : !torch.vtensor<[3,?,2],f32>
}
