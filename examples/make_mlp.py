"""Regenerates mlp.onnx: a tiny MLP (MatMul, Add, Relu, Gemm, Softmax) used by the README."""

import numpy as np
import onnx
from onnx import TensorProto as TP, helper, numpy_helper

rng = np.random.default_rng(0)
inits = [
    numpy_helper.from_array(rng.standard_normal((4, 8)).astype(np.float32), "w1"),
    numpy_helper.from_array(rng.standard_normal((8,)).astype(np.float32), "b1"),
    numpy_helper.from_array(rng.standard_normal((3, 8)).astype(np.float32), "w2"),
    numpy_helper.from_array(rng.standard_normal((3,)).astype(np.float32), "b2"),
]
nodes = [
    helper.make_node("MatMul", ["x", "w1"], ["h0"]),
    helper.make_node("Add", ["h0", "b1"], ["h1"]),
    helper.make_node("Relu", ["h1"], ["h2"]),
    helper.make_node("Gemm", ["h2", "w2", "b2"], ["logits"], transB=1),
    helper.make_node("Softmax", ["logits"], ["y"], axis=-1),
]
graph = helper.make_graph(
    nodes, "mlp", [helper.make_tensor_value_info("x", TP.FLOAT, [2, 4])],
    [helper.make_tensor_value_info("y", TP.FLOAT, [2, 3])], initializer=inits)
model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
model.ir_version = 8
onnx.checker.check_model(model)
onnx.save(model, "mlp.onnx")
