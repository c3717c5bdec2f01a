// RUN: %opt --split-input-file --convert-torch-onnx-to-torch %s | filecheck %s

// Multinomial-7, defaults (one sample, int32): inverse-CDF sampling of softmax(x).
// CHECK-LABEL: func.func @test_multinomial_v7
func.func @test_multinomial_v7(%arg0: !torch.vtensor<[3,5],f32>) -> !torch.vtensor<[3,1],si32> attributes {torch.onnx_meta.opset_version = 7 : si64} {
  // CHECK: %[[P:.*]] = torch.aten.softmax.int %arg0, %int1, %none : !torch.vtensor<[3,5],f32>, !torch.int, !torch.none -> !torch.vtensor<[3,5],f32>
  // CHECK: %[[C:.*]] = torch.aten.cumsum %[[P]], %int1{{.*}} -> !torch.vtensor<[3,5],f32>
  // CHECK: %[[CU:.*]] = torch.aten.unsqueeze %[[C]], %int1{{.*}} -> !torch.vtensor<[3,1,5],f32>
  // CHECK: %[[U:.*]] = torch.aten.rand %{{.*}}, %int6, {{.*}} -> !torch.vtensor<[3,1,1],f32>
  // CHECK: %[[GE:.*]] = torch.aten.ge.Tensor %[[U]], %[[CU]] : !torch.vtensor<[3,1,1],f32>, !torch.vtensor<[3,1,5],f32> -> !torch.vtensor<[3,1,5],i1>
  // CHECK: %[[GI:.*]] = torch.aten.to.dtype %[[GE]], %int4{{.*}} -> !torch.vtensor<[3,1,5],si64>
  // CHECK: %[[S:.*]] = torch.aten.sum.dim_IntList %[[GI]], {{.*}} -> !torch.vtensor<[3,1],si64>
  // CHECK: %[[I:.*]] = torch.aten.clamp_max %[[S]], %int4{{.*}} -> !torch.vtensor<[3,1],si64>
  // CHECK: torch.aten.to.dtype %[[I]], %int3{{.*}} -> !torch.vtensor<[3,1],si32>
  %0 = torch.operator "onnx.Multinomial"(%arg0) : (!torch.vtensor<[3,5],f32>) -> !torch.vtensor<[3,1],si32>
  return %0 : !torch.vtensor<[3,1],si32>
}

// -----

// Multinomial-22, sample_size 4, int64, a dynamic batch and class count, f16 input.
// CHECK-LABEL: func.func @test_multinomial_v22_dynamic
func.func @test_multinomial_v22_dynamic(%arg0: !torch.vtensor<[?,?],f16>) -> !torch.vtensor<[?,4],si64> attributes {torch.onnx_meta.opset_version = 22 : si64} {
  // CHECK: %[[B:.*]] = torch.aten.size.int %arg0, %int0
  // CHECK: %[[N:.*]] = torch.aten.size.int %arg0, %int1
  // CHECK: %[[X:.*]] = torch.aten.to.dtype %arg0, %int6{{.*}} -> !torch.vtensor<[?,?],f32>
  // CHECK: torch.aten.softmax.int %[[X]]
  // CHECK: %[[L:.*]] = torch.prim.ListConstruct %[[B]], %int4{{.*}}, %int1
  // CHECK: torch.aten.rand %[[L]], {{.*}} -> !torch.vtensor<[?,4,1],f32>
  // CHECK: %[[LAST:.*]] = torch.aten.sub.int %[[N]], %int1
  // CHECK: %[[I:.*]] = torch.aten.clamp_max %{{.*}}, %[[LAST]]
  // CHECK-NOT: torch.aten.to.dtype %[[I]]
  // CHECK: return %[[I]]
  %0 = torch.operator "onnx.Multinomial"(%arg0) {torch.onnx.dtype = 7 : si64, torch.onnx.sample_size = 4 : si64} : (!torch.vtensor<[?,?],f16>) -> !torch.vtensor<[?,4],si64>
  return %0 : !torch.vtensor<[?,4],si64>
}
