// RUN: %opt --split-input-file --convert-torch-onnx-to-torch %s | filecheck %s

// Constant size, periodic (the default): N = size.
// CHECK-LABEL: func.func @test_hammingwindow_periodic
func.func @test_hammingwindow_periodic() -> !torch.vtensor<[10],f32> attributes {torch.onnx_meta.opset_version = 17 : si64} {
  // CHECK: %[[I:.*]] = torch.aten.arange %int10, %int6, {{.*}} -> !torch.vtensor<[10],f32>
  // CHECK: %[[A:.*]] = torch.aten.mul.Scalar %[[I]], %float6.283190e00
  // CHECK: %[[AD:.*]] = torch.aten.div.Scalar %[[A]], %int10_{{.*}}
  // CHECK: %[[C:.*]] = torch.aten.cos %[[AD]]
  // CHECK: %[[T:.*]] = torch.aten.mul.Scalar %[[C]], %float-4.565220e-01
  // CHECK-NOT: torch.aten.add.Tensor
  // CHECK: torch.aten.add.Scalar %[[T]], %float5.434780e-01
  %size = torch.vtensor.literal(dense<10> : tensor<si32>) : !torch.vtensor<[],si32>
  %0 = torch.operator "onnx.HammingWindow"(%size) : (!torch.vtensor<[],si32>) -> !torch.vtensor<[10],f32>
  return %0 : !torch.vtensor<[10],f32>
}

// -----

// Run-time size, symmetric, f64 output: N = size - 1, computed in f64.
// CHECK-LABEL: func.func @test_hammingwindow_symmetric_f64
func.func @test_hammingwindow_symmetric_f64(%arg0: !torch.vtensor<[],si64>) -> !torch.vtensor<[?],f64> attributes {torch.onnx_meta.opset_version = 17 : si64} {
  // CHECK: %[[N:.*]] = torch.aten.item %arg0 : !torch.vtensor<[],si64> -> !torch.int
  // CHECK: %[[DEN:.*]] = torch.aten.sub.int %[[N]]
  // CHECK: %[[I:.*]] = torch.aten.arange %[[N]], %int7, {{.*}} -> !torch.vtensor<[?],f64>
  // CHECK: torch.aten.div.Scalar %{{.*}}, %[[DEN]]
  %0 = torch.operator "onnx.HammingWindow"(%arg0) {torch.onnx.periodic = 0 : si64, torch.onnx.output_datatype = 11 : si64} : (!torch.vtensor<[],si64>) -> !torch.vtensor<[?],f64>
  return %0 : !torch.vtensor<[?],f64>
}

// -----

// A [1] size, integer output: f32 window truncated by aten.to.dtype.
// CHECK-LABEL: func.func @test_hannwindow_int_output
func.func @test_hannwindow_int_output(%arg0: !torch.vtensor<[1],si32>) -> !torch.vtensor<[?],si64> attributes {torch.onnx_meta.opset_version = 17 : si64} {
  // CHECK: %[[S:.*]] = torch.aten.squeeze.dim %arg0, %int0 : !torch.vtensor<[1],si32>, !torch.int -> !torch.vtensor<[],si32>
  // CHECK: %[[N:.*]] = torch.aten.item %[[S]]
  // CHECK: %[[I:.*]] = torch.aten.arange %[[N]], %int6
  // CHECK: %[[A:.*]] = torch.aten.mul.Scalar %[[I]], %float6.283190e00
  // CHECK: %[[AD:.*]] = torch.aten.div.Scalar %[[A]], %[[N]]
  // CHECK: %[[C:.*]] = torch.aten.cos %[[AD]]
  // CHECK: %[[T:.*]] = torch.aten.mul.Scalar %[[C]], %float-5.000000e-01
  // CHECK: %[[W:.*]] = torch.aten.add.Scalar %[[T]], %float5.000000e-01
  // CHECK: torch.aten.to.dtype %[[W]], %int4, {{.*}} -> !torch.vtensor<[?],si64>
  %0 = torch.operator "onnx.HannWindow"(%arg0) {torch.onnx.output_datatype = 7 : si64} : (!torch.vtensor<[1],si32>) -> !torch.vtensor<[?],si64>
  return %0 : !torch.vtensor<[?],si64>
}

// -----

// Constant inputs: the filter bank is computed at conversion time, as the reference does
// (4 bins, dft_length 16, 8 kHz, 0 to 4 kHz: a [9,4] literal).
// CHECK-LABEL: func.func @test_melweightmatrix_constant
func.func @test_melweightmatrix_constant() -> !torch.vtensor<[9,4],f32> attributes {torch.onnx_meta.opset_version = 17 : si64} {
  // CHECK: %[[M:.*]] = torch.vtensor.literal(dense<{{\[\[}}1.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00], [0.000000e+00, 1.000000e+00, 0.000000e+00, 0.000000e+00], [0.000000e+00, 0.000000e+00, 1.000000e+00, 0.000000e+00], [0.000000e+00, 0.000000e+00, 0.000000e+00, 1.000000e+00], [0.000000e+00, 0.000000e+00, 0.000000e+00, 5.000000e-01], {{.*}}]]> : tensor<9x4xf32>) : !torch.vtensor<[9,4],f32>
  // CHECK: return %[[M]]
  %n = torch.vtensor.literal(dense<4> : tensor<si64>) : !torch.vtensor<[],si64>
  %d = torch.vtensor.literal(dense<16> : tensor<si64>) : !torch.vtensor<[],si64>
  %r = torch.vtensor.literal(dense<8000> : tensor<si64>) : !torch.vtensor<[],si64>
  %lo = torch.vtensor.literal(dense<0.0> : tensor<f32>) : !torch.vtensor<[],f32>
  %hi = torch.vtensor.literal(dense<4000.0> : tensor<f32>) : !torch.vtensor<[],f32>
  %0 = torch.operator "onnx.MelWeightMatrix"(%n, %d, %r, %lo, %hi) : (!torch.vtensor<[],si64>, !torch.vtensor<[],si64>, !torch.vtensor<[],si64>, !torch.vtensor<[],f32>, !torch.vtensor<[],f32>) -> !torch.vtensor<[9,4],f32>
  return %0 : !torch.vtensor<[9,4],f32>
}

// -----

// Run-time inputs with a static result shape: band edges in f64, then the triangles.
// CHECK-LABEL: func.func @test_melweightmatrix_runtime
func.func @test_melweightmatrix_runtime(%arg0: !torch.vtensor<[],si32>, %arg1: !torch.vtensor<[],si32>, %arg2: !torch.vtensor<[],si32>, %arg3: !torch.vtensor<[],f32>, %arg4: !torch.vtensor<[],f32>) -> !torch.vtensor<[9,8],f16> attributes {torch.onnx_meta.opset_version = 17 : si64} {
  // CHECK: torch.aten.log1p {{.*}} -> !torch.vtensor<[],f64>
  // CHECK: %[[B:.*]] = torch.aten.arange %int10{{[_0-9]*}}, %int7{{[_0-9]*}}, {{.*}} -> !torch.vtensor<[10],f64>
  // CHECK: torch.aten.expm1 {{.*}} -> !torch.vtensor<[10],f64>
  // CHECK: %[[E:.*]] = torch.aten.floor {{.*}} -> !torch.vtensor<[10],f64>
  // CHECK: torch.aten.slice.Tensor %[[E]], %int0{{.*}}, %int0{{.*}}, %int8{{.*}} -> !torch.vtensor<[8],f64>
  // CHECK: torch.aten.arange %int9{{[_0-9]*}}, %int7{{.*}} -> !torch.vtensor<[9],f64>
  // CHECK: torch.aten.where.ScalarOther {{.*}} -> !torch.vtensor<[9,8],f64>
  // CHECK: torch.aten.where.self {{.*}} -> !torch.vtensor<[9,8],f64>
  // CHECK: %[[Y:.*]] = torch.aten.where.ScalarSelf {{.*}} -> !torch.vtensor<[9,8],f64>
  // CHECK: torch.aten.to.dtype %[[Y]], %int5{{.*}} -> !torch.vtensor<[9,8],f16>
  %0 = torch.operator "onnx.MelWeightMatrix"(%arg0, %arg1, %arg2, %arg3, %arg4) {torch.onnx.output_datatype = 10 : si64} : (!torch.vtensor<[],si32>, !torch.vtensor<[],si32>, !torch.vtensor<[],si32>, !torch.vtensor<[],f32>, !torch.vtensor<[],f32>) -> !torch.vtensor<[9,8],f16>
  return %0 : !torch.vtensor<[9,8],f16>
}
