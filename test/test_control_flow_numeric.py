"""End to end: a greedy-decode-like model (a data-dependent Loop with an If inside, built with
onnx.helper) converts fully and runs through IREE, matching onnx.reference."""

from __future__ import annotations

import numpy as np
import onnx
import pytest
from onnx import TensorProto, helper, numpy_helper
from onnx.reference import ReferenceEvaluator

from torch_onnx_to_torch.e2e import convert_model, run_model

pytest.importorskip("iree.compiler")

EOS = 3  # decoding stops when the greedy token reaches it


def _decoder(max_steps: int) -> onnx.ModelProto:
    """h <- step(h) while argmax(h @ W) < EOS, at most `max_steps` times; step is tanh for the
    first two iterations and tanh + the prompt after (an If on the iteration number). Outputs
    the final state, the tokens (a scan output) and the number of tokens."""
    rng = np.random.default_rng(7)
    w = rng.normal(size=(4, 4)).astype(np.float32)
    f32, i64, b1 = TensorProto.FLOAT, TensorProto.INT64, TensorProto.BOOL
    then_branch = helper.make_graph(
        [helper.make_node("Tanh", ["logits"], ["t_out"])], "early",
        [], [helper.make_tensor_value_info("t_out", f32, [1, 4])])
    else_branch = helper.make_graph(
        [helper.make_node("Tanh", ["logits"], ["e_tanh"]),
         helper.make_node("Add", ["e_tanh", "prompt"], ["e_out"])],  # an outer-scope capture
        "late", [], [helper.make_tensor_value_info("e_out", f32, [1, 4])])
    def const(name, value):  # raw_data: imported as a dense_resource, inlined by the pass
        return helper.make_node("Constant", [], [name],
                                value=numpy_helper.from_array(np.array(value, np.int64)))

    body = helper.make_graph(
        [
            const("two", 2), const("eos", EOS), const("scalar_shape", np.zeros((0,))),
            helper.make_node("MatMul", ["h_in", "W"], ["logits"]),
            helper.make_node("ArgMax", ["logits"], ["tok1"], axis=1, keepdims=0),
            helper.make_node("Reshape", ["tok1", "scalar_shape"], ["tok"]),
            helper.make_node("Less", ["iter", "two"], ["early"]),
            helper.make_node("If", ["early"], ["h_out"], then_branch=then_branch,
                             else_branch=else_branch),
            helper.make_node("Less", ["tok", "eos"], ["cond_out"]),
            helper.make_node("Identity", ["tok1"], ["tok_out"]),
        ],
        "step",
        [helper.make_tensor_value_info("iter", i64, []),
         helper.make_tensor_value_info("cond_in", b1, []),
         helper.make_tensor_value_info("h_in", f32, [1, 4])],
        [helper.make_tensor_value_info("cond_out", b1, []),
         helper.make_tensor_value_info("h_out", f32, [1, 4]),
         helper.make_tensor_value_info("tok_out", i64, [1])])
    graph = helper.make_graph(
        [
            helper.make_node("Loop", ["max_steps", "start", "prompt"], ["h_final", "tokens"],
                             body=body),
            helper.make_node("Identity", ["tokens"], ["tokens_out"]),
        ],
        "decode",
        [helper.make_tensor_value_info("prompt", f32, [1, 4]),
         helper.make_tensor_value_info("start", b1, [])],
        [helper.make_tensor_value_info("h_final", f32, [1, 4]),
         helper.make_tensor_value_info("tokens_out", i64, [None, 1])],
        initializer=[numpy_helper.from_array(w, "W"),
                     numpy_helper.from_array(np.array(max_steps, np.int64), "max_steps")])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    onnx.checker.check_model(model)
    return model


def _prompts() -> list[np.ndarray]:
    rng = np.random.default_rng(1)  # these stop on EOS after 2, 4, 1, 1, 3, 1, 2 and 6 steps
    return [rng.normal(size=(1, 4)).astype(np.float32) for _ in range(8)]


def test_decoder_converts_fully():
    text, failed = convert_model(_decoder(6))
    assert failed is None, failed and failed.detail
    assert "torch.prim.Loop" in text and "torch.prim.If" in text


@pytest.mark.parametrize("max_steps", [6, 2])
def test_decoder_matches_reference(max_steps):
    model = _decoder(max_steps)
    ref = ReferenceEvaluator(model)
    data_sets, lengths = [], set()
    for prompt in _prompts():
        inputs = {"prompt": prompt, "start": np.array(True)}
        expected = ref.run(None, inputs)
        lengths.add(len(expected[1]))
        data_sets.append((list(inputs.values()), expected))
    # A false initial condition runs no iteration: the state stays, no tokens (by the ONNX
    # spec; onnx.reference cannot stack zero scan outputs).
    prompt = _prompts()[0]
    data_sets.append(([prompt, np.array(False)], [prompt, np.zeros((0, 1), np.int64)]))
    assert len(lengths) > 1  # loops of several lengths: stops on EOS and on the trip count
    out = run_model(model, data_sets, rtol=1e-5, atol=1e-6)
    assert out.stage == "pass", out.detail


def test_decoder_matches_onnxruntime():
    """The same loop through `check` against onnxruntime, for prompts stopping at several
    lengths (one compile per call: a few prompts only)."""
    pytest.importorskip("onnxruntime")
    from torch_onnx_to_torch.importer import infer_model_shapes
    from torch_onnx_to_torch.tools.check import check, format_result

    model = infer_model_shapes(_decoder(6))
    for prompt in _prompts()[:3]:  # 2, 4 and 1 steps
        res = check(model, [prompt, np.array(True)], rtol=1e-5, atol=1e-6)
        assert res.ok, format_result("decoder", res)


def test_sequences_at_the_boundary():
    """A sequence input and a sequence output (IREE takes neither in a signature): for one
    data set they become tensors (boundary.py) and the pass resolves the lists statically."""
    from torch_onnx_to_torch import boundary, convert
    from torch_onnx_to_torch.e2e import compare, compile_torch_ir, run_compiled
    from torch_onnx_to_torch.importer import import_model, infer_model_shapes, new_context

    f32 = TensorProto.FLOAT
    seq_t = helper.make_tensor_sequence_value_info
    graph = helper.make_graph(
        [
            helper.make_node("Constant", [], ["minus1"], value=helper.make_tensor(
                "minus1", TensorProto.INT64, [], [-1])),
            helper.make_node("SequenceAt", ["seq", "minus1"], ["last"]),
            helper.make_node("SequenceLength", ["seq"], ["n"]),
            helper.make_node("SequenceInsert", ["seq", "x"], ["longer"]),
            helper.make_node("ConcatFromSequence", ["longer"], ["cat"], axis=0),
        ],
        "seqs",
        [seq_t("seq", f32, [2]), helper.make_tensor_value_info("x", f32, [2])],
        [helper.make_tensor_value_info("last", f32, [2]),
         helper.make_tensor_value_info("n", TensorProto.INT64, []),
         seq_t("longer", f32, [2]),
         helper.make_tensor_value_info("cat", f32, [None])])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    rng = np.random.default_rng(3)
    seq = [rng.normal(size=2).astype(np.float32) for _ in range(3)]
    x = rng.normal(size=2).astype(np.float32)
    expected = ReferenceEvaluator(model).run(None, {"seq": seq, "x": x})

    assert boundary.needs_flattening(model)
    module = import_model(infer_model_shapes(model), new_context())
    flat_in = boundary.specialize_inputs(module, "seqs", [seq, x])
    report = convert(module)
    assert not report.declines, report.summary()
    layouts = boundary.flatten_results(module, "seqs")
    vmfb = compile_torch_ir(module.operation.get_asm(enable_debug_info=False))
    actual = boundary.regroup(run_compiled(vmfb, "seqs", flat_in), layouts)
    for a, e in zip(actual, expected):
        assert compare(a, e, 1e-6, 1e-6) == ""
