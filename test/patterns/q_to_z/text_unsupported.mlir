// RUN: %opt --split-input-file --convert-torch-onnx-to-torch --verify-diagnostics --report %s

// The text ops are registered only to be declined with the reason.

func.func @test_regex_full_match(%arg0: !torch.vtensor<[2],!torch.str>) -> !torch.vtensor<[2],i1> attributes {torch.onnx_meta.opset_version = 20 : si64} {
  // expected-remark@+1 {{onnx.RegexFullMatch was not converted: operates on strings, which torch cannot hold}}
  %0 = torch.operator "onnx.RegexFullMatch"(%arg0) {torch.onnx.pattern = "a.*"} : (!torch.vtensor<[2],!torch.str>) -> !torch.vtensor<[2],i1>
  return %0 : !torch.vtensor<[2],i1>
}

// -----

func.func @test_string_concat(%arg0: !torch.vtensor<[2],!torch.str>, %arg1: !torch.vtensor<[2],!torch.str>) -> !torch.vtensor<[2],!torch.str> attributes {torch.onnx_meta.opset_version = 20 : si64} {
  // expected-remark@+1 {{onnx.StringConcat was not converted: operates on strings, which torch cannot hold}}
  %0 = torch.operator "onnx.StringConcat"(%arg0, %arg1) : (!torch.vtensor<[2],!torch.str>, !torch.vtensor<[2],!torch.str>) -> !torch.vtensor<[2],!torch.str>
  return %0 : !torch.vtensor<[2],!torch.str>
}

// -----

func.func @test_string_normalizer(%arg0: !torch.vtensor<[2],!torch.str>) -> !torch.vtensor<[2],!torch.str> attributes {torch.onnx_meta.opset_version = 10 : si64} {
  // expected-remark@+1 {{onnx.StringNormalizer was not converted: operates on strings, which torch cannot hold}}
  %0 = torch.operator "onnx.StringNormalizer"(%arg0) : (!torch.vtensor<[2],!torch.str>) -> !torch.vtensor<[2],!torch.str>
  return %0 : !torch.vtensor<[2],!torch.str>
}

// -----

func.func @test_string_split(%arg0: !torch.vtensor<[2],!torch.str>) -> (!torch.vtensor<[2,?],!torch.str>, !torch.vtensor<[2],si64>) attributes {torch.onnx_meta.opset_version = 20 : si64} {
  // expected-remark@+1 {{onnx.StringSplit was not converted: operates on strings, which torch cannot hold}}
  %0:2 = torch.operator "onnx.StringSplit"(%arg0) : (!torch.vtensor<[2],!torch.str>) -> (!torch.vtensor<[2,?],!torch.str>, !torch.vtensor<[2],si64>)
  return %0#0, %0#1 : !torch.vtensor<[2,?],!torch.str>, !torch.vtensor<[2],si64>
}

// -----

func.func @test_tfidfvectorizer_strings(%arg0: !torch.vtensor<[2],!torch.str>) -> !torch.vtensor<[3],f32> attributes {torch.onnx_meta.opset_version = 9 : si64} {
  // expected-remark@+1 {{onnx.TfIdfVectorizer was not converted: operates on strings, which torch cannot hold}}
  %0 = torch.operator "onnx.TfIdfVectorizer"(%arg0) : (!torch.vtensor<[2],!torch.str>) -> !torch.vtensor<[3],f32>
  return %0 : !torch.vtensor<[3],f32>
}

// -----

// Empty ngram_indexes (found by the fuzzer: was a ValueError).
func.func @test_tfidf_empty_indexes(%arg0: !torch.vtensor<[2,4],si64>) -> !torch.vtensor<[2,2],f32> attributes {torch.onnx_meta.opset_version = 9 : si64} {
  // expected-remark@+1 {{onnx.TfIdfVectorizer was not converted: ngram_indexes [] must be non-empty and non-negative}}
  %0 = torch.operator "onnx.TfIdfVectorizer"(%arg0) {torch.onnx.max_gram_length = 2 : si64, torch.onnx.max_skip_count = 1 : si64, torch.onnx.min_gram_length = 2 : si64, torch.onnx.mode = "TF", torch.onnx.ngram_counts = [0 : si64, 0 : si64], torch.onnx.ngram_indexes = [], torch.onnx.pool_int64s = [5 : si64, 6 : si64, 7 : si64, 8 : si64]} : (!torch.vtensor<[2,4],si64>) -> !torch.vtensor<[2,2],f32>
  return %0 : !torch.vtensor<[2,2],f32>
}

// -----

func.func @test_tfidf_empty_pool(%arg0: !torch.vtensor<[2,4],si64>) -> !torch.vtensor<[2,2],f32> attributes {torch.onnx_meta.opset_version = 9 : si64} {
  // expected-remark@+1 {{onnx.TfIdfVectorizer was not converted: pool_int64s is empty}}
  %0 = torch.operator "onnx.TfIdfVectorizer"(%arg0) {torch.onnx.max_gram_length = 2 : si64, torch.onnx.max_skip_count = 1 : si64, torch.onnx.min_gram_length = 2 : si64, torch.onnx.mode = "TF", torch.onnx.ngram_counts = [0 : si64, 0 : si64], torch.onnx.ngram_indexes = [1 : si64, 0 : si64], torch.onnx.pool_int64s = []} : (!torch.vtensor<[2,4],si64>) -> !torch.vtensor<[2,2],f32>
  return %0 : !torch.vtensor<[2,2],f32>
}
