// RUN: %opt --split-input-file --convert-torch-onnx-to-torch %s | filecheck %s
// RUN: %opt --split-input-file --convert-torch-onnx-to-torch --verify-diagnostics --report %s

// TreeEnsemble (the node test's single tree): each node tests its feature; the leaves reached are
// those whose path nodes all have the path's outcome (counted with two matmuls); the weights are
// summed per target with a third.
// CHECK-LABEL: func.func @test_tree_ensemble
func.func @test_tree_ensemble(%arg0: !torch.vtensor<[3,2],f64>) -> !torch.vtensor<[3,2],f64> attributes {torch.onnx_meta.opset_versions = {ai.onnx.ml = 5 : si64}} {
  // CHECK: %[[PICK:.*]] = torch.aten.index_select %arg0
  // CHECK: %[[LE:.*]] = torch.aten.le.Tensor %[[PICK]]
  // CHECK: %[[T:.*]] = torch.aten.to.dtype %[[LE]]
  // CHECK: %[[F:.*]] = torch.aten.rsub.Scalar %[[T]]
  // CHECK: torch.aten.matmul %[[T]]
  // CHECK: torch.aten.matmul %[[F]]
  // CHECK: %[[HIT:.*]] = torch.aten.eq.Tensor
  // CHECK: %[[HITF:.*]] = torch.aten.to.dtype %[[HIT]]
  // CHECK: torch.aten.matmul %[[HITF]], %{{.*}} : !torch.vtensor<[3,4],f64>, !torch.vtensor<[4,2],f64> -> !torch.vtensor<[3,2],f64>
  %0 = torch.operator "onnx.ai.onnx.ml.TreeEnsemble"(%arg0) {torch.onnx.aggregate_function = 1 : si64, torch.onnx.leaf_targetids = [0 : si64, 1 : si64, 0 : si64, 1 : si64], torch.onnx.leaf_weights = dense<[5.230000e+00, 1.212000e+01, -1.223000e+01, 7.210000e+00]> : tensor<4xf64>, torch.onnx.n_targets = 2 : si64, torch.onnx.nodes_falseleafs = [0 : si64, 1 : si64, 1 : si64], torch.onnx.nodes_falsenodeids = [2 : si64, 2 : si64, 3 : si64], torch.onnx.nodes_featureids = [0 : si64, 0 : si64, 0 : si64], torch.onnx.nodes_modes = dense<0> : tensor<3xui8>, torch.onnx.nodes_splits = dense<[3.140000e+00, 1.200000e+00, 4.200000e+00]> : tensor<3xf64>, torch.onnx.nodes_trueleafs = [0 : si64, 1 : si64, 1 : si64], torch.onnx.nodes_truenodeids = [1 : si64, 0 : si64, 1 : si64], torch.onnx.post_transform = 0 : si64, torch.onnx.tree_roots = [0 : si64]} : (!torch.vtensor<[3,2],f64>) -> !torch.vtensor<[3,2],f64>
  return %0 : !torch.vtensor<[3,2],f64>
}

// -----

// Declined, with the reason: an aggregate other than SUM and AVERAGE.
// CHECK-LABEL: func.func @test_tree_ensemble_max
func.func @test_tree_ensemble_max(%arg0: !torch.vtensor<[3,2],f64>) -> !torch.vtensor<[3,2],f64> attributes {torch.onnx_meta.opset_versions = {ai.onnx.ml = 5 : si64}} {
  // CHECK: torch.operator "onnx.ai.onnx.ml.TreeEnsemble"
  // expected-remark@+1 {{onnx.ai.onnx.ml.TreeEnsemble was not converted: aggregate_function 3 (only SUM and AVERAGE)}}
  %0 = torch.operator "onnx.ai.onnx.ml.TreeEnsemble"(%arg0) {torch.onnx.aggregate_function = 3 : si64, torch.onnx.leaf_targetids = [0 : si64, 1 : si64, 0 : si64, 1 : si64], torch.onnx.leaf_weights = dense<[5.230000e+00, 1.212000e+01, -1.223000e+01, 7.210000e+00]> : tensor<4xf64>, torch.onnx.n_targets = 2 : si64, torch.onnx.nodes_falseleafs = [0 : si64, 1 : si64, 1 : si64], torch.onnx.nodes_falsenodeids = [2 : si64, 2 : si64, 3 : si64], torch.onnx.nodes_featureids = [0 : si64, 0 : si64, 0 : si64], torch.onnx.nodes_modes = dense<0> : tensor<3xui8>, torch.onnx.nodes_splits = dense<[3.140000e+00, 1.200000e+00, 4.200000e+00]> : tensor<3xf64>, torch.onnx.nodes_trueleafs = [0 : si64, 1 : si64, 1 : si64], torch.onnx.nodes_truenodeids = [1 : si64, 0 : si64, 1 : si64], torch.onnx.post_transform = 0 : si64, torch.onnx.tree_roots = [0 : si64]} : (!torch.vtensor<[3,2],f64>) -> !torch.vtensor<[3,2],f64>
  return %0 : !torch.vtensor<[3,2],f64>
}

// -----

// Declined, with the reason: a node whose true branch is itself (a cycle).
// CHECK-LABEL: func.func @test_tree_ensemble_cycle
func.func @test_tree_ensemble_cycle(%arg0: !torch.vtensor<[3,2],f32>) -> !torch.vtensor<[3,1],f32> attributes {torch.onnx_meta.opset_versions = {ai.onnx.ml = 5 : si64}} {
  // CHECK: torch.operator "onnx.ai.onnx.ml.TreeEnsemble"
  // expected-remark@+1 {{onnx.ai.onnx.ml.TreeEnsemble was not converted: tree node 0 is out of range, or the trees have a cycle}}
  %0 = torch.operator "onnx.ai.onnx.ml.TreeEnsemble"(%arg0) {torch.onnx.aggregate_function = 1 : si64, torch.onnx.leaf_targetids = [0 : si64], torch.onnx.leaf_weights = dense<1.0> : tensor<1xf32>, torch.onnx.n_targets = 1 : si64, torch.onnx.nodes_falseleafs = [1 : si64], torch.onnx.nodes_falsenodeids = [0 : si64], torch.onnx.nodes_featureids = [0 : si64], torch.onnx.nodes_modes = dense<0> : tensor<1xui8>, torch.onnx.nodes_splits = dense<0.5> : tensor<1xf32>, torch.onnx.nodes_trueleafs = [0 : si64], torch.onnx.nodes_truenodeids = [0 : si64], torch.onnx.post_transform = 0 : si64, torch.onnx.tree_roots = [0 : si64]} : (!torch.vtensor<[3,2],f32>) -> !torch.vtensor<[3,1],f32>
  return %0 : !torch.vtensor<[3,1],f32>
}
