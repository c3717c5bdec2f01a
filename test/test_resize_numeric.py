"""Resize end to end with constant scales/sizes/roi (the conversion-time weight path).

The ONNX node tests feed scales, sizes and roi as run-time inputs, which takes the run-time path;
exported models carry them as constants. Here each node test is rerun with those inputs turned
into initializers, and a uint8 image resize is checked against onnx.reference.
"""

import numpy as np
import onnx
import pytest
from onnx import helper, numpy_helper
from onnx.reference import ReferenceEvaluator

from torch_onnx_to_torch.conformance import collect_cases
from torch_onnx_to_torch.e2e import run_model

CONSTANT_INPUTS = ("roi", "scales", "sizes")
CASES = [
    "test_resize_downsample_scales_cubic_A_n0p5_exclude_outside",
    "test_resize_downsample_scales_cubic_antialias",
    "test_resize_downsample_scales_linear",
    "test_resize_downsample_scales_linear_half_pixel_symmetric",
    "test_resize_downsample_sizes_linear_antialias",
    "test_resize_downsample_sizes_nearest_not_smaller",
    "test_resize_tf_crop_and_resize_axes_3_2",
    "test_resize_tf_crop_and_resize_extrapolation_value",
    "test_resize_upsample_scales_cubic_align_corners",
    "test_resize_upsample_scales_nearest_axes_2_3",
    "test_resize_upsample_sizes_nearest_round_prefer_ceil_asymmetric",
    "test_upsample_nearest",
]


def _with_constant_inputs(case):
    model = onnx.ModelProto()
    model.CopyFrom(case.model)
    graph = model.graph
    names = [i.name for i in graph.input]
    keep = [k for k, n in enumerate(names) if n not in CONSTANT_INPUTS]
    data_sets = []
    for inputs, expected in case.data_sets:
        data_sets.append(([inputs[k] for k in keep], expected))
    first = case.data_sets[0][0]
    for k, n in enumerate(names):
        if n in CONSTANT_INPUTS:
            graph.initializer.append(numpy_helper.from_array(np.asarray(first[k]), n))
    kept = [graph.input[k] for k in keep]
    del graph.input[:]
    graph.input.extend(kept)
    return model, data_sets


@pytest.fixture(scope="module")
def cases():
    return {c.name: c for c in collect_cases("^(" + "|".join(CASES) + ")$")}


@pytest.mark.parametrize("name", CASES)
def test_resize_constant_inputs(cases, name):
    case = cases[name]
    model, data_sets = _with_constant_inputs(case)
    out = run_model(model, data_sets, case.rtol, case.atol)
    assert out.stage == "pass", out.detail or out.unconverted


def test_resize_uint8_linear_rounds_and_saturates():
    node = helper.make_node("Resize", ["x", "", "scales"], ["y"], mode="cubic")
    graph = helper.make_graph(
        [node], "g",
        [helper.make_tensor_value_info("x", onnx.TensorProto.UINT8, [1, 1, 3, 4])],
        [helper.make_tensor_value_info("y", onnx.TensorProto.UINT8, [1, 1, 5, 7])],
        [numpy_helper.from_array(np.array([1, 1, 1.8, 1.9], np.float32), "scales")])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 19)])
    x = np.array([[[[0, 255, 3, 250], [255, 0, 128, 7], [9, 200, 255, 0]]]], np.uint8)
    (expected,) = ReferenceEvaluator(model).run(None, {"x": x})
    out = run_model(model, [([x], [expected])], rtol=0, atol=0)
    assert out.stage == "pass", out.detail or out.unconverted
