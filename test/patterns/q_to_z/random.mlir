// RUN: %opt --split-input-file --convert-torch-onnx-to-torch %s | filecheck %s

// RandomNormal-1, defaults (mean 0, scale 1, float): a bare aten.randn of the shape attribute.
// CHECK-LABEL: func.func @test_randomnormal_v1_defaults
func.func @test_randomnormal_v1_defaults() -> !torch.vtensor<[2,3],f32> attributes {torch.onnx_meta.opset_version = 1 : si64} {
  // CHECK: %[[L:.*]] = torch.prim.ListConstruct %int2, %int3 : (!torch.int, !torch.int) -> !torch.list<int>
  // CHECK: %[[R:.*]] = torch.aten.randn %[[L]], %int6, %none, %none, %none : !torch.list<int>, !torch.int, !torch.none, !torch.none, !torch.none -> !torch.vtensor<[2,3],f32>
  // CHECK-NOT: torch.aten.mul.Scalar
  // CHECK: return %[[R]]
  %0 = torch.operator "onnx.RandomNormal"() {torch.onnx.shape = [2 : si64, 3 : si64]} : () -> !torch.vtensor<[2,3],f32>
  return %0 : !torch.vtensor<[2,3],f32>
}

// -----

// RandomNormal-22, mean/scale, f16 output: drawn in f32, scaled, shifted, converted.
// CHECK-LABEL: func.func @test_randomnormal_v22_f16
func.func @test_randomnormal_v22_f16() -> !torch.vtensor<[4],f16> attributes {torch.onnx_meta.opset_version = 22 : si64} {
  // CHECK: %[[R:.*]] = torch.aten.randn %{{.*}}, %int6, {{.*}} -> !torch.vtensor<[4],f32>
  // CHECK: %[[S:.*]] = torch.aten.mul.Scalar %[[R]], %float2.500000e00
  // CHECK: %[[M:.*]] = torch.aten.add.Scalar %[[S]], %float-1.000000e00
  // CHECK: torch.aten.to.dtype %[[M]], %int5, {{.*}} -> !torch.vtensor<[4],f16>
  %0 = torch.operator "onnx.RandomNormal"() {torch.onnx.dtype = 10 : si64, torch.onnx.mean = -1.0 : f32, torch.onnx.scale = 2.5 : f32, torch.onnx.shape = [4 : si64]} : () -> !torch.vtensor<[4],f16>
  return %0 : !torch.vtensor<[4],f16>
}

// -----

// RandomNormalLike-1: the input's sizes (a dynamic one through aten.size.int), its dtype.
// CHECK-LABEL: func.func @test_randomnormallike_v1_dynamic
func.func @test_randomnormallike_v1_dynamic(%arg0: !torch.vtensor<[3,?],f32>) -> !torch.vtensor<[3,?],f32> attributes {torch.onnx_meta.opset_version = 1 : si64} {
  // CHECK: %[[D:.*]] = torch.aten.size.int %arg0, %int1 : !torch.vtensor<[3,?],f32>, !torch.int -> !torch.int
  // CHECK: %[[L:.*]] = torch.prim.ListConstruct %int3, %[[D]]
  // CHECK: %[[R:.*]] = torch.aten.randn %[[L]], %int6, {{.*}} -> !torch.vtensor<[3,?],f32>
  // CHECK: return %[[R]]
  %0 = torch.operator "onnx.RandomNormalLike"(%arg0) : (!torch.vtensor<[3,?],f32>) -> !torch.vtensor<[3,?],f32>
  return %0 : !torch.vtensor<[3,?],f32>
}

// -----

// RandomNormalLike-22 of an int64 input with dtype=DOUBLE: drawn in f64.
// CHECK-LABEL: func.func @test_randomnormallike_v22_dtype
func.func @test_randomnormallike_v22_dtype(%arg0: !torch.vtensor<[2,2],si64>) -> !torch.vtensor<[2,2],f64> attributes {torch.onnx_meta.opset_version = 22 : si64} {
  // CHECK: %[[R:.*]] = torch.aten.randn %{{.*}}, %int7, {{.*}} -> !torch.vtensor<[2,2],f64>
  // CHECK: %[[S:.*]] = torch.aten.mul.Scalar %[[R]], %float3.000000e00
  // CHECK: return %[[S]]
  %0 = torch.operator "onnx.RandomNormalLike"(%arg0) {torch.onnx.dtype = 11 : si64, torch.onnx.scale = 3.0 : f32} : (!torch.vtensor<[2,2],si64>) -> !torch.vtensor<[2,2],f64>
  return %0 : !torch.vtensor<[2,2],f64>
}

// -----

// RandomUniform-1, low/high: aten.rand * (high - low) + low.
// CHECK-LABEL: func.func @test_randomuniform_v1_low_high
func.func @test_randomuniform_v1_low_high() -> !torch.vtensor<[2,3],f32> attributes {torch.onnx_meta.opset_version = 1 : si64} {
  // CHECK: %[[R:.*]] = torch.aten.rand %{{.*}}, %int6, {{.*}} -> !torch.vtensor<[2,3],f32>
  // CHECK: %[[S:.*]] = torch.aten.mul.Scalar %[[R]], %float4.000000e00
  // CHECK: torch.aten.add.Scalar %[[S]], %float-1.000000e00
  %0 = torch.operator "onnx.RandomUniform"() {torch.onnx.low = -1.0 : f32, torch.onnx.high = 3.0 : f32, torch.onnx.shape = [2 : si64, 3 : si64]} : () -> !torch.vtensor<[2,3],f32>
  return %0 : !torch.vtensor<[2,3],f32>
}

// -----

// RandomUniform-22, defaults, bf16: aten.rand in f32, converted.
// CHECK-LABEL: func.func @test_randomuniform_v22_bf16
func.func @test_randomuniform_v22_bf16() -> !torch.vtensor<[5],bf16> attributes {torch.onnx_meta.opset_version = 22 : si64} {
  // CHECK: %[[R:.*]] = torch.aten.rand %{{.*}}, %int6, {{.*}} -> !torch.vtensor<[5],f32>
  // CHECK: torch.aten.to.dtype %[[R]], %int15, {{.*}} -> !torch.vtensor<[5],bf16>
  %0 = torch.operator "onnx.RandomUniform"() {torch.onnx.dtype = 16 : si64, torch.onnx.shape = [5 : si64]} : () -> !torch.vtensor<[5],bf16>
  return %0 : !torch.vtensor<[5],bf16>
}

// -----

// RandomUniformLike-1: the input's sizes and dtype (f16: drawn in f32).
// CHECK-LABEL: func.func @test_randomuniformlike_v1
func.func @test_randomuniformlike_v1(%arg0: !torch.vtensor<[10],f16>) -> !torch.vtensor<[10],f16> attributes {torch.onnx_meta.opset_version = 1 : si64} {
  // CHECK: %[[R:.*]] = torch.aten.rand %{{.*}}, %int6, {{.*}} -> !torch.vtensor<[10],f32>
  // CHECK: torch.aten.to.dtype %[[R]], %int5, {{.*}} -> !torch.vtensor<[10],f16>
  %0 = torch.operator "onnx.RandomUniformLike"(%arg0) : (!torch.vtensor<[10],f16>) -> !torch.vtensor<[10],f16>
  return %0 : !torch.vtensor<[10],f16>
}

// -----

// RandomUniformLike-22 with dtype and low/high.
// CHECK-LABEL: func.func @test_randomuniformlike_v22
func.func @test_randomuniformlike_v22(%arg0: !torch.vtensor<[2,?],si32>) -> !torch.vtensor<[2,?],f32> attributes {torch.onnx_meta.opset_version = 22 : si64} {
  // CHECK: %[[D:.*]] = torch.aten.size.int %arg0, %int1
  // CHECK: %[[R:.*]] = torch.aten.rand %{{.*}}, %int6, {{.*}} -> !torch.vtensor<[2,?],f32>
  // CHECK: %[[S:.*]] = torch.aten.mul.Scalar %[[R]], %float5.000000e-01
  // CHECK: torch.aten.add.Scalar %[[S]], %float5.000000e-01
  %0 = torch.operator "onnx.RandomUniformLike"(%arg0) {torch.onnx.dtype = 1 : si64, torch.onnx.low = 0.5 : f32, torch.onnx.high = 1.0 : f32} : (!torch.vtensor<[2,?],si32>) -> !torch.vtensor<[2,?],f32>
  return %0 : !torch.vtensor<[2,?],f32>
}
