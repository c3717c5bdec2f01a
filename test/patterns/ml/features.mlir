// RUN: %opt --split-input-file --convert-torch-onnx-to-torch %s | filecheck %s
// RUN: %opt --split-input-file --convert-torch-onnx-to-torch --verify-diagnostics --report %s

// Binarizer: 1 where x > threshold, else 0, in x's dtype.
// CHECK-LABEL: func.func @test_binarizer
func.func @test_binarizer(%arg0: !torch.vtensor<[3,4],f32>) -> !torch.vtensor<[3,4],f32> attributes {torch.onnx_meta.opset_versions = {ai.onnx.ml = 1 : si64}} {
  // CHECK: %[[GT:.*]] = torch.aten.gt.Scalar %arg0, %{{.*}} : !torch.vtensor<[3,4],f32>, !torch.float -> !torch.vtensor<[3,4],i1>
  // CHECK: torch.aten.where.self %[[GT]], %{{.*}}, %{{.*}} : !torch.vtensor<[3,4],i1>, !torch.vtensor<[],f32>, !torch.vtensor<[],f32> -> !torch.vtensor<[3,4],f32>
  %0 = torch.operator "onnx.ai.onnx.ml.Binarizer"(%arg0) {torch.onnx.threshold = 1.000000e+00 : f32} : (!torch.vtensor<[3,4],f32>) -> !torch.vtensor<[3,4],f32>
  return %0 : !torch.vtensor<[3,4],f32>
}

// -----

// Binarizer of integers: x > 1.5 exactly when x > 1.
// CHECK-LABEL: func.func @test_binarizer_int
func.func @test_binarizer_int(%arg0: !torch.vtensor<[3],si64>) -> !torch.vtensor<[3],si64> attributes {torch.onnx_meta.opset_versions = {ai.onnx.ml = 1 : si64}} {
  // CHECK: %[[ONE:.*]] = torch.constant.int 1
  // CHECK: torch.aten.gt.Scalar %arg0, %[[ONE]] : !torch.vtensor<[3],si64>, !torch.int
  %0 = torch.operator "onnx.ai.onnx.ml.Binarizer"(%arg0) {torch.onnx.threshold = 1.500000e+00 : f32} : (!torch.vtensor<[3],si64>) -> !torch.vtensor<[3],si64>
  return %0 : !torch.vtensor<[3],si64>
}

// -----

// ArrayFeatureExtractor: the last axis at the (flattened) indices; a 1-D input gives [1, n].
// CHECK-LABEL: func.func @test_array_feature_extractor
func.func @test_array_feature_extractor(%arg0: !torch.vtensor<[3,4],f32>, %arg1: !torch.vtensor<[2],si64>, %arg2: !torch.vtensor<[5],f32>, %arg3: !torch.vtensor<[2,2],si64>) -> (!torch.vtensor<[3,2],f32>, !torch.vtensor<[1,4],f32>) attributes {torch.onnx_meta.opset_versions = {ai.onnx.ml = 1 : si64}} {
  // CHECK: torch.aten.index_select %arg0, %{{.*}}, %{{.*}} : !torch.vtensor<[3,4],f32>, !torch.int, !torch.vtensor<[2],si64> -> !torch.vtensor<[3,2],f32>
  // CHECK: %[[FLAT:.*]] = torch.aten.reshape %arg3
  // CHECK: %[[PICK:.*]] = torch.aten.index_select %arg2, %{{.*}}, %[[FLAT]] : !torch.vtensor<[5],f32>, !torch.int, !torch.vtensor<[4],si64> -> !torch.vtensor<[4],f32>
  // CHECK: torch.aten.reshape %[[PICK]], %{{.*}} : !torch.vtensor<[4],f32>, !torch.list<int> -> !torch.vtensor<[1,4],f32>
  %0 = torch.operator "onnx.ai.onnx.ml.ArrayFeatureExtractor"(%arg0, %arg1) : (!torch.vtensor<[3,4],f32>, !torch.vtensor<[2],si64>) -> !torch.vtensor<[3,2],f32>
  %1 = torch.operator "onnx.ai.onnx.ml.ArrayFeatureExtractor"(%arg2, %arg3) : (!torch.vtensor<[5],f32>, !torch.vtensor<[2,2],si64>) -> !torch.vtensor<[1,4],f32>
  return %0, %1 : !torch.vtensor<[3,2],f32>, !torch.vtensor<[1,4],f32>
}

// -----

// Declined, with the reason: indices of a dynamic shape; a bool input.
// CHECK-LABEL: func.func @test_features_declined
func.func @test_features_declined(%arg0: !torch.vtensor<[3,4],f32>, %arg1: !torch.vtensor<[?],si64>, %arg2: !torch.vtensor<[3],i1>) -> (!torch.vtensor<[3,?],f32>, !torch.vtensor<[3],i1>) attributes {torch.onnx_meta.opset_versions = {ai.onnx.ml = 1 : si64}} {
  // CHECK: torch.operator "onnx.ai.onnx.ml.ArrayFeatureExtractor"
  // expected-remark@+1 {{onnx.ai.onnx.ml.ArrayFeatureExtractor was not converted: needs a ranked X of rank >= 1 and indices of static shape}}
  %0 = torch.operator "onnx.ai.onnx.ml.ArrayFeatureExtractor"(%arg0, %arg1) : (!torch.vtensor<[3,4],f32>, !torch.vtensor<[?],si64>) -> !torch.vtensor<[3,?],f32>
  // CHECK: torch.operator "onnx.ai.onnx.ml.Binarizer"
  // expected-remark@+1 {{onnx.ai.onnx.ml.Binarizer was not converted: Binarizer of i1 (float, double, int64 or int32 only)}}
  %1 = torch.operator "onnx.ai.onnx.ml.Binarizer"(%arg2) : (!torch.vtensor<[3],i1>) -> !torch.vtensor<[3],i1>
  return %0, %1 : !torch.vtensor<[3,?],f32>, !torch.vtensor<[3],i1>
}
