"""RNN/GRU/LSTM end to end beyond the ONNX node tests: our conversion -> IREE -> run, compared
with onnx.reference where it implements the feature, else with a numpy transcription of the
ONNX spec (sequence_lens, clip, activations, input_forget), itself checked against
onnx.reference on the cases both implement."""

from __future__ import annotations

import numpy as np
import onnx
import pytest
from onnx import helper, numpy_helper
from onnx.reference import ReferenceEvaluator

from torch_onnx_to_torch.e2e import run_model
from torch_onnx_to_torch.patterns.recurrent import UNROLL_MAX

GATES = {"RNN": 1, "GRU": 3, "LSTM": 4}
# input names of each op, in order; the optional ones may be left out
INPUTS = ["X", "W", "R", "B", "sequence_lens", "initial_h", "initial_c", "P"]
OUTPUTS = {"RNN": ["Y", "Y_h"], "GRU": ["Y", "Y_h"], "LSTM": ["Y", "Y_h", "Y_c"]}


# --- the spec, in numpy ---------------------------------------------------------------------------

def _act(name, alpha, beta):
    sig = lambda x: 1 / (1 + np.exp(-x))
    return {
        "Tanh": np.tanh, "Sigmoid": sig, "Relu": lambda x: np.maximum(x, 0),
        "LeakyRelu": lambda x: np.where(x >= 0, x, alpha * x),
        "HardSigmoid": lambda x: np.clip(alpha * x + beta, 0, 1),
        "Softsign": lambda x: x / (1 + np.abs(x)),
        "Affine": lambda x: alpha * x + beta,
        "Elu": lambda x: np.where(x >= 0, x, alpha * (np.exp(x) - 1)),
    }[name]


def _spread(names, vals, takers):
    """activation_alpha/beta per activation: by position when there is one per activation,
    else consumed in order by the activations that take one (as onnxruntime does)."""
    if vals is None or len(vals) == len(names):
        return vals or [None] * len(names)
    it = iter(vals)
    return [next(it) if n in takers else None for n in names]


def spec(op, attrs, X, W, R, B=None, sequence_lens=None, initial_h=None, initial_c=None,
         P=None):
    """The ONNX equations, step by step, in float64; steps past a sequence's length output 0
    and keep the state."""
    layout = attrs.get("layout", 0)
    if layout:
        X = X.swapaxes(0, 1)
        initial_h = None if initial_h is None else initial_h.swapaxes(0, 1)
        initial_c = None if initial_c is None else initial_c.swapaxes(0, 1)
    seq, batch, _ = X.shape
    dirs, hid = W.shape[0], R.shape[-1]
    g = GATES[op]
    B = np.zeros((dirs, 2 * g * hid)) if B is None else B
    P = np.zeros((dirs, 3 * hid)) if P is None else P
    lens = np.full(batch, seq) if sequence_lens is None else sequence_lens
    h0 = np.zeros((dirs, batch, hid)) if initial_h is None else initial_h
    c0 = np.zeros((dirs, batch, hid)) if initial_c is None else initial_c
    per = {"RNN": 1, "GRU": 2, "LSTM": 3}[op]
    names = attrs.get("activations", {"RNN": ["Tanh"], "GRU": ["Sigmoid", "Tanh"],
                                      "LSTM": ["Sigmoid", "Tanh", "Tanh"]}[op] * dirs)
    alphas = _spread(names, attrs.get("activation_alpha"), {"LeakyRelu", "HardSigmoid",
                                                              "Affine", "Elu"})
    betas = _spread(names, attrs.get("activation_beta"), {"HardSigmoid", "Affine"})
    clip = attrs.get("clip")
    acts = [_act(n, a, b_) for n, a, b_ in zip(names, alphas, betas)]
    if clip is not None:
        acts = [lambda x, f=f: f(np.clip(x, -clip, clip)) for f in acts]
    Y = np.zeros((seq, dirs, batch, hid))
    Yh, Yc = np.zeros((dirs, batch, hid)), np.zeros((dirs, batch, hid))
    for d in range(dirs):
        f = acts[d * per:(d + 1) * per]
        w, r, wb, rb = W[d], R[d], B[d][:g * hid], B[d][g * hid:]
        h, c = h0[d].copy(), c0[d].copy()
        steps = reversed(range(seq)) if d == 1 or attrs.get("direction") == "reverse" \
            else range(seq)
        for t in steps:
            x = X[t]
            if op == "RNN":
                hn, cn = f[0](x @ w.T + wb + h @ r.T + rb), c
            elif op == "GRU":
                xs = np.split(x @ w.T + wb, 3, -1)
                rs, rbs = np.split(r, 3), np.split(rb, 3)
                z = f[0](xs[0] + h @ rs[0].T + rbs[0])
                rr = f[0](xs[1] + h @ rs[1].T + rbs[1])
                if attrs.get("linear_before_reset"):
                    n = f[1](xs[2] + rr * (h @ rs[2].T + rbs[2]))
                else:
                    n = f[1](xs[2] + (rr * h) @ rs[2].T + rbs[2])
                hn, cn = (1 - z) * n + z * h, c
            else:
                i, o, fg, cg = np.split(x @ w.T + wb + h @ r.T + rb, 4, -1)
                pi, po, pf = np.split(P[d], 3)
                i = f[0](i + pi * c)
                fg = 1 - i if attrs.get("input_forget") else f[0](fg + pf * c)
                cn = fg * c + i * f[1](cg)
                o = f[0](o + po * cn)
                hn = o * f[2](cn)
            m = (t < lens)[:, None]
            Y[t, d] = np.where(m, hn, 0)
            h, c = np.where(m, hn, h), np.where(m, cn, c)
        empty = (lens == 0)[:, None]  # an empty sequence ends in zero states (onnxruntime)
        Yh[d], Yc[d] = np.where(empty, 0, h), np.where(empty, 0, c)
    if layout:
        Y, Yh, Yc = Y.transpose(2, 0, 1, 3), Yh.swapaxes(0, 1), Yc.swapaxes(0, 1)
    return [Y, Yh, Yc][:len(OUTPUTS[op])]


# --- cases ------------------------------------------------------------------------------------------

def _inputs(op, seq, batch, inp, hid, dirs, layout=0, bias=True, lens=None, h0=False,
            c0=False, peep=False, seed=0):
    rng = np.random.default_rng(seed)
    g = GATES[op]
    f32 = lambda *s: rng.uniform(-1, 1, s).astype(np.float32)
    xs = (batch, seq, inp) if layout else (seq, batch, inp)
    hs = (batch, dirs, hid) if layout else (dirs, batch, hid)
    v = {"X": f32(*xs), "W": f32(dirs, g * hid, inp), "R": f32(dirs, g * hid, hid)}
    if bias:
        v["B"] = f32(dirs, 2 * g * hid)
    if lens is not None:
        v["sequence_lens"] = np.array(lens, np.int32)
    if h0:
        v["initial_h"] = f32(*hs)
    if c0:
        v["initial_c"] = f32(*hs)
    if peep:
        v["P"] = f32(dirs, 3 * hid)
    return v


def _model(op, attrs, values, initializers=(), dynamic=False):
    names = [n if n in values else "" for n in INPUTS[:len(INPUTS) if op == "LSTM" else 6]]
    while names[-1] == "":
        names.pop()
    node = helper.make_node(op, names, OUTPUTS[op], **attrs)
    def shape(name, dims):  # with `dynamic`, the sequence and batch dims are named, not sized
        dims = list(dims)
        if not dynamic or name in ("W", "R", "B", "P"):
            return dims
        layout = attrs.get("layout", 0)
        seq_at, batch_at = {"X": (layout, 1 - layout), "Y": (layout, 2 - 2 * layout),
                            "sequence_lens": (None, 0)}.get(name, (None, 1 - layout))
        if seq_at is not None:
            dims[seq_at] = "seq"
        dims[batch_at] = "batch"
        return dims

    graph_in = [helper.make_tensor_value_info(n, helper.np_dtype_to_tensor_dtype(values[n].dtype),
                                              shape(n, values[n].shape))
                for n in names if n and n not in initializers]
    ref = spec(op, attrs, **{k: v.astype(np.float64) if v.dtype == np.float32 else v
                             for k, v in values.items()})
    graph_out = [helper.make_tensor_value_info(n, onnx.TensorProto.FLOAT, shape(n, r.shape))
                 for n, r in zip(OUTPUTS[op], ref)]
    inits = [numpy_helper.from_array(values[n], n) for n in initializers]
    graph = helper.make_graph([node], f"test_{op.lower()}", graph_in, graph_out, inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 22)])
    model.ir_version = 10
    feeds = [values[n] for n in names if n and n not in initializers]
    return model, feeds, [r.astype(np.float32) for r in ref]


def _case(op, attrs, inits=(), reference=False, dynamic=False, **shape):
    """(op, attributes, inputs' shapes and options, which inputs are initializers, whether
    onnx.reference implements every feature used, whether sequence and batch are dynamic)."""
    return op, attrs, shape, inits, reference, dynamic


BIDIR = {"direction": "bidirectional"}
CASES = {
    # what PyTorch's exporter emits for a bidirectional nn.GRU
    "gru_pytorch_export": _case("GRU", {"hidden_size": 4, "linear_before_reset": 1, **BIDIR},
                                ("W", "R", "B"), True, seq=5, batch=2, inp=3, hid=4, dirs=2,
                                h0=True),
    "gru_bidirectional_lbr_seq_lens": _case(
        "GRU", {"hidden_size": 4, "linear_before_reset": 1, **BIDIR},
        seq=5, batch=4, inp=3, hid=4, dirs=2, h0=True, lens=[5, 2, 1, 0]),
    "gru_lbr0_activations_layout1": _case(
        "GRU", {"hidden_size": 3, "layout": 1, "activations": ["HardSigmoid", "Softsign"],
                "activation_alpha": [0.3], "activation_beta": [0.4]},
        seq=2, batch=2, inp=2, hid=3, dirs=1, layout=1, lens=[1, 2]),
    "lstm_peepholes_layout1": _case("LSTM", {"hidden_size": 3, "layout": 1}, (), True,
                                    seq=4, batch=2, inp=3, hid=3, dirs=1, layout=1, h0=True,
                                    c0=True, peep=True),
    "lstm_bidir_peepholes_seq_lens_layout1_clip": _case(
        "LSTM", {"hidden_size": 3, "layout": 1, "clip": 0.7, **BIDIR},
        seq=4, batch=3, inp=3, hid=3, dirs=2, layout=1, h0=True, c0=True, peep=True,
        lens=[4, 1, 3]),
    "lstm_reverse_input_forget_seq_lens": _case(
        "LSTM", {"hidden_size": 2, "direction": "reverse", "input_forget": 1},
        seq=2, batch=3, inp=2, hid=2, dirs=1, bias=False, lens=[2, 1, 0]),
    "rnn_bidirectional_leakyrelu_seq_lens": _case(
        "RNN", {"hidden_size": 3, "activations": ["LeakyRelu", "Tanh"],
                "activation_alpha": [0.2, 0.0], **BIDIR},
        seq=2, batch=2, inp=2, hid=3, dirs=2, lens=[2, 1]),
    # dynamic sequence length and batch; a long static sequence
    "lstm_dynamic_seq_batch_bidir_peepholes_seq_lens": _case(
        "LSTM", {"hidden_size": 3, "layout": 1, **BIDIR}, dynamic=True,
        seq=5, batch=3, inp=2, hid=3, dirs=2, layout=1, h0=True, c0=True, peep=True,
        lens=[5, 0, 3]),
    "gru_long_sequence_reverse_seq_lens": _case(
        "GRU", {"hidden_size": 3, "direction": "reverse"},
        seq=50, batch=2, inp=2, hid=3, dirs=1, lens=[50, 17]),
}


def test_cases_cover_both_time_loops():
    """Sequences of at most UNROLL_MAX steps are unrolled, longer ones loop: both are tested."""
    lengths = [c[2]["seq"] for c in CASES.values()]
    assert min(lengths) <= UNROLL_MAX < max(lengths)


@pytest.mark.parametrize("name", sorted(CASES))
def test_recurrent_end_to_end(name):
    op, attrs, shape, inits, reference_implements, dynamic = CASES[name]
    values = _inputs(op, **shape)
    model, feeds, expected = _model(op, attrs, values, inits, dynamic)
    if reference_implements:  # the numpy spec agrees with onnx's own reference here
        got = ReferenceEvaluator(model).run(None, dict(zip(
            [i.name for i in model.graph.input], feeds)))
        for e, r in zip(expected, got):
            np.testing.assert_allclose(e, r, rtol=1e-5, atol=1e-6)
    outcome = run_model(model, [(feeds, expected)], rtol=1e-4, atol=1e-5)
    assert outcome.stage == "pass", f"{outcome.stage}: {outcome.detail}"
