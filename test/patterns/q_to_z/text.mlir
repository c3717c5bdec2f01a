// RUN: %opt --split-input-file --convert-torch-onnx-to-torch %s | filecheck %s

// Bigrams with skips 0 and 1 over [2,4]: two slices per skip distance, matched against the
// pool's columns, counted, then mapped onto ngram_indexes by a one-hot matmul.
// CHECK-LABEL: func.func @test_tfidfvectorizer_bigrams
func.func @test_tfidfvectorizer_bigrams(%arg0: !torch.vtensor<[2,4],si64>) -> !torch.vtensor<[2,2],f32> attributes {torch.onnx_meta.opset_version = 9 : si64} {
  // CHECK: %[[A:.*]] = torch.aten.slice.Tensor %arg0, {{.*}} -> !torch.vtensor<[2,3],si64>
  // CHECK: %[[EA:.*]] = torch.aten.eq.Tensor {{.*}} -> !torch.vtensor<[2,3,2],i1>
  // CHECK: %[[EB:.*]] = torch.aten.eq.Tensor {{.*}} -> !torch.vtensor<[2,3,2],i1>
  // CHECK: torch.aten.logical_and %[[EA]], %[[EB]]
  // CHECK: %[[C1:.*]] = torch.aten.sum.dim_IntList {{.*}} -> !torch.vtensor<[2,2],f32>
  // CHECK: torch.aten.slice.Tensor %arg0, {{.*}} -> !torch.vtensor<[2,2],si64>
  // CHECK: %[[C2:.*]] = torch.aten.sum.dim_IntList {{.*}} -> !torch.vtensor<[2,2],f32>
  // CHECK: %[[T:.*]] = torch.aten.add.Tensor %[[C1]], %[[C2]]
  // CHECK: %[[M:.*]] = torch.vtensor.literal(dense<{{\[\[}}0.000000e+00, 1.000000e+00], [1.000000e+00, 0.000000e+00]]> : tensor<2x2xf32>)
  // CHECK: torch.aten.matmul %[[T]], %[[M]] : !torch.vtensor<[2,2],f32>, !torch.vtensor<[2,2],f32> -> !torch.vtensor<[2,2],f32>
  %0 = torch.operator "onnx.TfIdfVectorizer"(%arg0) {torch.onnx.max_gram_length = 2 : si64, torch.onnx.max_skip_count = 1 : si64, torch.onnx.min_gram_length = 2 : si64, torch.onnx.mode = "TF", torch.onnx.ngram_counts = [0 : si64, 0 : si64], torch.onnx.ngram_indexes = [1 : si64, 0 : si64], torch.onnx.pool_int64s = [5 : si64, 6 : si64, 7 : si64, 8 : si64]} : (!torch.vtensor<[2,4],si64>) -> !torch.vtensor<[2,2],f32>
  return %0 : !torch.vtensor<[2,2],f32>
}

// -----

// CHECK-LABEL: func.func @test_tfidfvectorizer_unigrams_idf
func.func @test_tfidfvectorizer_unigrams_idf(%arg0: !torch.vtensor<[5],si32>) -> !torch.vtensor<[2],f32> attributes {torch.onnx_meta.opset_version = 9 : si64} {
  // CHECK: torch.aten.unsqueeze %arg0
  // CHECK: torch.aten.matmul {{.*}} -> !torch.vtensor<[1,2],f32>
  // CHECK: torch.aten.gt.Scalar
  // CHECK: torch.aten.mul.Tensor {{.*}} -> !torch.vtensor<[1,2],f32>
  // CHECK: torch.aten.squeeze.dim {{.*}} -> !torch.vtensor<[2],f32>
  %0 = torch.operator "onnx.TfIdfVectorizer"(%arg0) {torch.onnx.max_gram_length = 1 : si64, torch.onnx.max_skip_count = 3 : si64, torch.onnx.min_gram_length = 1 : si64, torch.onnx.mode = "IDF", torch.onnx.ngram_counts = [0 : si64], torch.onnx.ngram_indexes = [0 : si64, 1 : si64], torch.onnx.pool_int64s = [3 : si64, 4 : si64], torch.onnx.weights = [2.000000e+00 : f32, 5.000000e-01 : f32]} : (!torch.vtensor<[5],si32>) -> !torch.vtensor<[2],f32>
  return %0 : !torch.vtensor<[2],f32>
}
