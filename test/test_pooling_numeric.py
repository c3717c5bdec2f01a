"""MaxPool of unsigned integers end to end (torch-mlir compares them as signed: values of 128 and
more came out wrong before they were pooled widened), against onnx.reference."""

import numpy as np
import onnx
import pytest
from onnx import TensorProto, helper
from onnx.reference import ReferenceEvaluator

from torch_onnx_to_torch.e2e import run_model

pytest.importorskip("iree.compiler")


@pytest.mark.parametrize("dtype,tp", [(np.uint8, TensorProto.UINT8)])
def test_maxpool_unsigned_high_values(dtype, tp):
    x = helper.make_tensor_value_info("x", tp, [1, 1, 4, 4])
    y = helper.make_tensor_value_info("y", tp, None)
    node = helper.make_node("MaxPool", ["x"], ["y"], kernel_shape=[2, 2], strides=[1, 2])
    model = helper.make_model(helper.make_graph([node], "g", [x], [y]),
                              opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    model = onnx.shape_inference.infer_shapes(model)
    hi = np.iinfo(dtype).max
    xv = np.array([[[[10, 200, 30, hi], [129, 5, 6, 7], [hi, 128, 0, 1], [2, 3, 4, 140]]]],
                  dtype)
    expected = ReferenceEvaluator(model).run(None, {"x": xv})
    out = run_model(model, [([xv], expected)])
    assert out.stage == "pass", out.detail
