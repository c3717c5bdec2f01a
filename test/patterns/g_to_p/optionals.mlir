// RUN: %opt --split-input-file --convert-torch-onnx-to-torch %s | filecheck %s

// An optional made in the function is resolved at conversion time.
// CHECK-LABEL: func.func @test_optional_of_tensor
func.func @test_optional_of_tensor(%arg0: !torch.vtensor<[4],f32>) -> (!torch.vtensor<[],i1>, !torch.vtensor<[4],f32>) attributes {torch.onnx_meta.opset_version = 18 : si64} {
  // CHECK: torch.derefine %arg0 : !torch.vtensor<[4],f32> to !torch.optional<vtensor<[4],f32>>
  // CHECK: %[[T:.*]] = torch.vtensor.literal(dense<true> : tensor<i1>) : !torch.vtensor<[],i1>
  // CHECK: return %[[T]], %arg0
  %0 = torch.operator "onnx.Optional"(%arg0) : (!torch.vtensor<[4],f32>) -> !torch.optional<vtensor<[4],f32>>
  %1 = torch.operator "onnx.OptionalHasElement"(%0) : (!torch.optional<vtensor<[4],f32>>) -> !torch.vtensor<[],i1>
  %2 = torch.operator "onnx.OptionalGetElement"(%0) : (!torch.optional<vtensor<[4],f32>>) -> !torch.vtensor<[4],f32>
  return %1, %2 : !torch.vtensor<[],i1>, !torch.vtensor<[4],f32>
}

// -----

// An empty optional (Optional with no input) has no element.
// CHECK-LABEL: func.func @test_optional_empty
func.func @test_optional_empty() -> !torch.vtensor<[],i1> attributes {torch.onnx_meta.opset_version = 15 : si64} {
  // CHECK: %[[N:.*]] = torch.constant.none
  // CHECK: torch.derefine %[[N]] : !torch.none to !torch.optional<vtensor<[4],f32>>
  // CHECK: %[[F:.*]] = torch.vtensor.literal(dense<false> : tensor<i1>) : !torch.vtensor<[],i1>
  // CHECK: return %[[F]]
  %0 = torch.operator "onnx.Optional"() : () -> !torch.optional<vtensor<[4],f32>>
  %1 = torch.operator "onnx.OptionalHasElement"(%0) : (!torch.optional<vtensor<[4],f32>>) -> !torch.vtensor<[],i1>
  return %1 : !torch.vtensor<[],i1>
}

// -----

// OptionalHasElement with no input, or an empty input name, is false; with a tensor, true.
// CHECK-LABEL: func.func @test_optional_has_element_forms
func.func @test_optional_has_element_forms(%arg0: !torch.vtensor<[4],f32>) -> (!torch.vtensor<[],i1>, !torch.vtensor<[],i1>, !torch.vtensor<[],i1>) attributes {torch.onnx_meta.opset_version = 18 : si64} {
  // CHECK: %[[A:.*]] = torch.vtensor.literal(dense<false> : tensor<i1>)
  // CHECK: %[[B:.*]] = torch.vtensor.literal(dense<false> : tensor<i1>)
  // CHECK: %[[C:.*]] = torch.vtensor.literal(dense<true> : tensor<i1>)
  // CHECK: return %[[A]], %[[B]], %[[C]]
  %none = torch.constant.none
  %0 = torch.operator "onnx.OptionalHasElement"() : () -> !torch.vtensor<[],i1>
  %1 = torch.operator "onnx.OptionalHasElement"(%none) : (!torch.none) -> !torch.vtensor<[],i1>
  %2 = torch.operator "onnx.OptionalHasElement"(%arg0) : (!torch.vtensor<[4],f32>) -> !torch.vtensor<[],i1>
  return %0, %1, %2 : !torch.vtensor<[],i1>, !torch.vtensor<[],i1>, !torch.vtensor<[],i1>
}

// -----

// An optional of a sequence, from outside the function: checked and unwrapped at run time.
// CHECK-LABEL: func.func @test_optional_of_sequence_dynamic
func.func @test_optional_of_sequence_dynamic(%arg0: !torch.optional<list<vtensor<[4],si32>>>) -> (!torch.vtensor<[],i1>, !torch.list<vtensor<[4],si32>>) attributes {torch.onnx_meta.opset_version = 18 : si64} {
  // CHECK: %[[N:.*]] = torch.constant.none
  // CHECK: %[[H:.*]] = torch.aten.__isnot__ %arg0, %[[N]]
  // CHECK: torch.aten.Int.bool %[[H]]
  // CHECK: %[[B:.*]] = torch.aten.to.dtype {{.*}} -> !torch.vtensor<[],i1>
  // CHECK: %[[E:.*]] = torch.prim.unchecked_cast %arg0 : !torch.optional<list<vtensor<[4],si32>>> -> !torch.list<vtensor<[4],si32>>
  // CHECK: return %[[B]], %[[E]]
  %0 = torch.operator "onnx.OptionalHasElement"(%arg0) : (!torch.optional<list<vtensor<[4],si32>>>) -> !torch.vtensor<[],i1>
  %1 = torch.operator "onnx.OptionalGetElement"(%arg0) : (!torch.optional<list<vtensor<[4],si32>>>) -> !torch.list<vtensor<[4],si32>>
  return %0, %1 : !torch.vtensor<[],i1>, !torch.list<vtensor<[4],si32>>
}

// -----

// OptionalGetElement of a plain tensor (18+) returns it.
// CHECK-LABEL: func.func @test_optional_get_element_tensor
func.func @test_optional_get_element_tensor(%arg0: !torch.vtensor<[4],f32>) -> !torch.vtensor<[4],f32> attributes {torch.onnx_meta.opset_version = 18 : si64} {
  // CHECK: return %arg0
  %0 = torch.operator "onnx.OptionalGetElement"(%arg0) : (!torch.vtensor<[4],f32>) -> !torch.vtensor<[4],f32>
  return %0 : !torch.vtensor<[4],f32>
}
