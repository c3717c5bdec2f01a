// RUN: %opt --split-input-file --convert-torch-onnx-to-torch %s | filecheck %s

// Constant frame_step, a window giving frame_length 16: 15 frames of 128 samples gathered by
// aten.index_select, windowed, then the one-sided DFT (stored cos/sin matrices).
// CHECK-LABEL: func.func @test_stft_with_window
func.func @test_stft_with_window(%arg0: !torch.vtensor<[1,128,1],f32>, %arg1: !torch.vtensor<[16],f32>) -> !torch.vtensor<[1,15,9,2],f32> attributes {torch.onnx_meta.opset_version = 17 : si64} {
  // CHECK: %[[F:.*]] = torch.aten.arange %int15, {{.*}} -> !torch.vtensor<[15],si64>
  // CHECK: %[[FR:.*]] = torch.aten.reshape %[[F]], {{.*}} -> !torch.vtensor<[15,1],si64>
  // CHECK: %[[ST:.*]] = torch.aten.mul.Scalar %[[FR]], %int8{{.*}}
  // CHECK: %[[K:.*]] = torch.aten.arange %int16, {{.*}} -> !torch.vtensor<[16],si64>
  // CHECK: %[[KR:.*]] = torch.aten.reshape %[[K]], {{.*}} -> !torch.vtensor<[1,16],si64>
  // CHECK: %[[IDX:.*]] = torch.aten.add.Tensor %[[ST]], %[[KR]], {{.*}} -> !torch.vtensor<[15,16],si64>
  // CHECK: %[[FLAT:.*]] = torch.aten.reshape %[[IDX]], {{.*}} -> !torch.vtensor<[240],si64>
  // CHECK: %[[SEL:.*]] = torch.aten.index_select %arg0, %int1{{.*}}, %[[FLAT]] : !torch.vtensor<[1,128,1],f32>, !torch.int, !torch.vtensor<[240],si64> -> !torch.vtensor<[1,240,1],f32>
  // CHECK: %[[FRAMES:.*]] = torch.aten.reshape %[[SEL]], {{.*}} -> !torch.vtensor<[1,15,16,1],f32>
  // CHECK: %[[W:.*]] = torch.aten.reshape %arg1, {{.*}} -> !torch.vtensor<[16,1],f32>
  // CHECK: %[[XW:.*]] = torch.aten.mul.Tensor %[[FRAMES]], %[[W]]
  // CHECK: torch.aten.select.int %[[XW]], %int3
  // CHECK: torch.vtensor.literal({{.*}}) : !torch.vtensor<[16,9],f32>
  // CHECK: torch.aten.matmul {{.*}} -> !torch.vtensor<[1,15,9],f32>
  // CHECK: torch.aten.stack {{.*}} -> !torch.vtensor<[1,15,9,2],f32>
  %step = torch.vtensor.literal(dense<8> : tensor<si64>) : !torch.vtensor<[],si64>
  %0 = torch.operator "onnx.STFT"(%arg0, %step, %arg1) : (!torch.vtensor<[1,128,1],f32>, !torch.vtensor<[],si64>, !torch.vtensor<[16],f32>) -> !torch.vtensor<[1,15,9,2],f32>
  return %0 : !torch.vtensor<[1,15,9,2],f32>
}

// -----

// Run-time frame_step and frame_length, no window, onesided=0, complex signal: the frame
// count and indices are int arithmetic at run time and the DFT matrices are built with
// aten.arange; the result is cast to the declared type.
// CHECK-LABEL: func.func @test_stft_runtime_sizes
func.func @test_stft_runtime_sizes(%arg0: !torch.vtensor<[2,64,2],f32>, %arg1: !torch.vtensor<[],si64>, %arg2: !torch.vtensor<[],si64>) -> !torch.vtensor<[2,?,?,2],f32> attributes {torch.onnx_meta.opset_version = 17 : si64} {
  // CHECK: %[[STEP:.*]] = torch.aten.item %arg1 : !torch.vtensor<[],si64> -> !torch.int
  // CHECK: %[[FL:.*]] = torch.aten.item %arg2 : !torch.vtensor<[],si64> -> !torch.int
  // CHECK: %[[D:.*]] = torch.aten.sub.int %int64, %[[FL]]
  // CHECK: %[[Q:.*]] = torch.aten.floordiv.int %[[D]], %[[STEP]]
  // CHECK: %[[NF:.*]] = torch.aten.add.int %[[Q]], %int1
  // CHECK: torch.aten.arange %[[NF]]
  // CHECK: torch.aten.index_select %arg0, {{.*}} -> !torch.vtensor<[2,?,2],f32>
  // CHECK-NOT: torch.aten.mul.Tensor %{{.*}}, %{{.*}} : !torch.vtensor<[2,?,?,2],f32>
  // CHECK: torch.aten.remainder.Scalar
  // CHECK: torch.aten.sin
  // CHECK: torch.aten.stack {{.*}} -> !torch.vtensor<[2,?,?,2],f32>
  %none = torch.constant.none
  %0 = torch.operator "onnx.STFT"(%arg0, %arg1, %none, %arg2) {torch.onnx.onesided = 0 : si64} : (!torch.vtensor<[2,64,2],f32>, !torch.vtensor<[],si64>, !torch.none, !torch.vtensor<[],si64>) -> !torch.vtensor<[2,?,?,2],f32>
  return %0 : !torch.vtensor<[2,?,?,2],f32>
}
