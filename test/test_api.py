"""The Python API: convert(), custom handlers, declines, handler exceptions, strict mode."""

import pytest

from torch_mlir import ir

from torch_onnx_to_torch import Registry, Unsupported, convert, default_registry
from torch_onnx_to_torch.importer import new_context

MODULE = """
func.func @main(%arg0: !torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32>
    attributes {torch.onnx_meta.opset_version = 17 : si64,
                torch.onnx_meta.opset_versions = {com.example = 1 : si64}} {
  %0 = torch.operator "onnx.Abs"(%arg0) : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32>
  %1 = torch.operator "onnx.com.example.MyRelu"(%0) : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32>
  return %1 : !torch.vtensor<[3],f32>
}
"""


def parse(text=MODULE):
    ctx = new_context()
    return ir.Module.parse(text, ctx)


def test_convert_reports_converted_and_left():
    m = parse()
    report = convert(m)
    text = str(m)
    assert "torch.aten.abs" in text
    assert 'torch.operator "onnx.com.example.MyRelu"' in text
    assert report.converted["onnx.Abs"] == 1
    assert [(d.op, d.reason) for d in report.declines] == [
        ("onnx.com.example.MyRelu", "no pattern for this op")]
    assert report.summary() == "converted 1 ops (1 kinds); left 1: onnx.com.example.MyRelu x1"


def test_user_registered_handler_for_another_domain():
    reg = default_registry()

    @reg.register("MyRelu", since=1, domain="com.example")
    def my_relu(b):
        """com.example MyRelu-1 -> aten.relu"""
        return b.op("torch.aten.relu", [b.input(0)], b.result_type())

    m = parse()
    report = convert(m, registry=reg)
    assert "torch.aten.relu" in str(m)
    assert not report.declines


def test_handler_exception_becomes_diagnostic_and_op_stays():
    reg = Registry()

    def broken(b):
        """Abs-1 -> a handler with a bug"""
        b.int(3)  # builds something first: it must be discarded
        raise KeyError("oops")

    reg.register("Abs", 1, broken)
    m = parse()
    with pytest.raises(ir.MLIRError) as info:
        convert(m, registry=reg)
    msgs = [d.message for d in info.value.error_diagnostics]
    assert msgs == ["internal error converting onnx.Abs: KeyError: 'oops'"]
    assert '"-":5:8' in str(info.value.error_diagnostics[0].location)
    text = str(m)
    assert 'torch.operator "onnx.Abs"' in text and "torch.constant.int" not in text


def test_decline_discards_partial_ops():
    reg = Registry()

    def declines(b):
        """Abs-1 -> declines after building"""
        b.int_list([1, 2])
        raise Unsupported("not today")

    reg.register("Abs", 1, declines)
    m = parse()
    report = convert(m, registry=reg)
    assert report.declines[0].reason == "not today"
    assert "torch.prim.ListConstruct" not in str(m)


def test_strict_fails_listing_each_op():
    m = parse()
    with pytest.raises(ir.MLIRError) as info:
        convert(m, strict=True)
    msgs = [d.message for d in info.value.error_diagnostics]
    assert msgs == ["onnx.com.example.MyRelu was not converted: no pattern for this op"]


def test_wrong_dtype_from_handler_is_declined_not_emitted():
    reg = Registry()

    def wrong(b):
        """Abs-1 -> returns a tensor of the wrong dtype"""
        return b.op("torch.aten.abs", [b.input(0)], b.vtensor([3], "f64"))

    reg.register("Abs", 1, wrong)
    m = parse()
    report = convert(m, registry=reg)
    assert "dtype f64 where f32 is expected" in report.declines[0].reason
    assert "torch.aten.abs" not in str(m)


def test_result_shape_disagreeing_with_declared_type_is_declined():
    reg = Registry()

    def scalar(b):
        """Abs-1 -> returns a 0-d tensor where [3] is declared"""
        return b.op("torch.aten.sum", [b.input(0), b.none()], b.vtensor([], "f32"))

    reg.register("Abs", 1, scalar)
    m = parse()
    report = convert(m, registry=reg)
    assert report.declines[0].reason == "result shape [] does not match the declared [3]"
    assert 'torch.operator "onnx.Abs"' in str(m) and "torch.aten.sum" not in str(m)


def test_untyped_result_is_declined_not_built():
    text = MODULE.replace(
        '%0 = torch.operator "onnx.Abs"(%arg0) : (!torch.vtensor<[3],f32>) -> !torch.vtensor<[3],f32>',
        '%0 = torch.operator "onnx.Abs"(%arg0) : (!torch.vtensor<[3],f32>) -> !torch.none')
    text = text.replace('"onnx.com.example.MyRelu"(%0) : (!torch.vtensor<[3],f32>)',
                        '"onnx.com.example.MyRelu"(%0) : (!torch.none)')
    m = parse(text)
    report = convert(m)
    assert report.declines[0].reason == (
        "torch.aten.abs would produce !torch.none: an output has no inferred type")
    assert m.operation.verify()


def test_read_dense_small_constants():
    from torch_onnx_to_torch.binder import read_dense

    with new_context():
        bools = ir.Attribute.parse("dense<[true, false, true]> : tensor<3xi1>")
        ints = ir.Attribute.parse("dense<[3, -1]> : tensor<2xsi64>")
        splat = ir.Attribute.parse("dense<2.5> : tensor<2x2xf32>")
        assert read_dense(bools).tolist() == [True, False, True]
        assert read_dense(ints).tolist() == [3, -1]
        assert read_dense(splat).tolist() == [[2.5, 2.5], [2.5, 2.5]]


def test_small_resource_constants_inlined_weights_kept():
    """Initializers arrive as dense_resource literals: the small ones (<= 4 KiB) become inline
    dense<...> (iree-compile crashes folding resources), weights stay resources."""
    import numpy as np
    import onnx
    from onnx import helper, numpy_helper

    from torch_onnx_to_torch.importer import import_model

    x = helper.make_tensor_value_info("x", onnx.TensorProto.FLOAT, [2048])
    y = helper.make_tensor_value_info("y", onnx.TensorProto.FLOAT, [2048])
    inits = [numpy_helper.from_array(np.arange(2048, dtype=np.float32), "w"),
             numpy_helper.from_array(np.array(2.5, dtype=np.float32), "s")]
    nodes = [helper.make_node("Mul", ["x", "w"], ["t"]), helper.make_node("Div", ["t", "s"], ["y"])]
    model = helper.make_model(helper.make_graph(nodes, "g", [x], [y], inits),
                              opset_imports=[helper.make_opsetid("", 17)])
    module = import_model(model)
    convert(module)
    text = str(module)
    assert "dense<2.500000e+00> : tensor<f32>" in text
    assert "dense_resource<w> : tensor<2048xf32>" in text
