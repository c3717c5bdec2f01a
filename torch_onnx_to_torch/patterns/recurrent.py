"""The recurrent layers RNN, GRU and LSTM: one machinery, three cells.

Shared by the shards (GRU and LSTM live in g_to_p, RNN in q_to_z), which register thin handlers.
Everything is brought to layout 0 ([seq, batch, ...]) first. Per direction, the input projection
`X W^T + Wb` of every step is one `aten.linear` over the whole sequence; each step is then one
`aten.linear` of the state with `R` (all gates at once), slices per gate and the cell's
elementwise update. The steps are one for-like `torch.prim.Loop` per direction carrying the states
and Y, or unrolled when the sequence is static and at most UNROLL_MAX steps long. `sequence_lens`
masks the steps past a sequence's end: its output is zero and the state is carried unchanged, so
Y_h/Y_c are the last valid step's (zero for an empty sequence, as onnxruntime gives) and a reverse
pass effectively starts at each sequence's own last step.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from torch_mlir import ir

from .. import dtypes, emit
from ..binder import Binder, Unsupported

# Sequences of at most this many steps are unrolled; longer and dynamic ones become a for-like
# torch.prim.Loop. Measured through IREE llvm-cpu (bidirectional LSTM, hidden 64, batch 4): the
# loop compiles in ~1.2 s CPU whatever the length, unrolling costs ~0.27 s more per step (9.7 s
# at 32 steps), and both run equally fast (0.28 ms at 4 steps, 0.9 ms at 32).
UNROLL_MAX = 2

# name (lower case) -> (uses alpha, uses beta, default alpha, default beta); None: no default
_ACTIVATIONS = {
    "relu": (False, False, None, None),
    "tanh": (False, False, None, None),
    "sigmoid": (False, False, None, None),
    "affine": (True, True, None, None),
    "leakyrelu": (True, False, 0.01, None),
    "thresholdedrelu": (True, False, 1.0, None),
    "scaledtanh": (True, True, None, None),
    "hardsigmoid": (True, True, 0.2, 0.5),
    "elu": (True, False, 1.0, None),
    "softsign": (False, False, None, None),
    "softplus": (False, False, None, None),
}


@dataclass(frozen=True)
class Cell:
    """What differs between RNN, GRU and LSTM outside their step equations."""

    name: str
    gates: int  # rows of W/R per direction, in units of hidden_size
    activations: tuple[str, ...]  # the defaults, per direction
    states: int  # 1 (h) or 2 (h, c)


RNN = Cell("RNN", 1, ("Tanh",), 1)
GRU = Cell("GRU", 3, ("Sigmoid", "Tanh"), 1)
LSTM = Cell("LSTM", 4, ("Sigmoid", "Tanh", "Tanh"), 2)


class _Layer:
    """Builders for one recurrent op; shapes are known where the operands give them."""

    def __init__(self, b: Binder, cell: Cell):
        self.b, self.cell = b, cell
        self._consts: dict = {}
        self._zeros = None
        self.const_ip = None  # where constants go while a loop body is being built
        self.shared_activations = False  # one set of activations given for two directions
        x = b.input(0)
        self.elt = b.dtype(x)
        if not dtypes.is_float(self.elt):
            raise Unsupported(f"{cell.name} on {self.elt} input")
        if b.rank(x) != 3:
            raise Unsupported("X must be 3-D")
        self.layout = b.attr_int("layout", 0) if b.opset >= 14 else 0
        if self.layout not in (0, 1):
            raise Unsupported(f"layout {self.layout} is not 0 or 1")
        direction = b.attr_str("direction", "forward")
        if direction not in ("forward", "reverse", "bidirectional"):
            raise Unsupported(f"unknown direction '{direction}'")
        self.reverse = {"forward": [False], "reverse": [True],
                        "bidirectional": [False, True]}[direction]
        self.dirs = len(self.reverse)
        w, r = b.input(1), b.input(2)
        if b.rank(w) != 3 or b.rank(r) != 3:
            raise Unsupported("W and R must be 3-D")
        if b.shape(w)[0] not in (None, self.dirs):
            raise Unsupported(f"W has {b.shape(w)[0]} directions, direction '{direction}' "
                              f"needs {self.dirs}")
        hidden = b.shape(r)[2]
        attr_hidden = b.attr_int("hidden_size", None)
        if hidden is None:
            hidden = attr_hidden
        elif attr_hidden is not None and attr_hidden != hidden:
            raise Unsupported(f"hidden_size {attr_hidden} does not match R's {hidden}")
        if hidden is None:
            raise Unsupported("hidden size is unknown (no hidden_size, R's last dim dynamic)")
        self.hidden = hidden
        gates = cell.gates * hidden
        # the other operands' shapes, where they are static, must be the spec's
        for i, what, want in ((1, "W", [self.dirs, gates, None]),
                              (2, "R", [self.dirs, gates, hidden]),
                              (3, "B", [self.dirs, 2 * gates]), (4, "sequence_lens", [None]),
                              (5, "initial_h", [None, None, hidden]),
                              (6, "initial_c", [None, None, hidden]),
                              (7, "P", [self.dirs, 3 * hidden])):
            v = b.optional_input(i) if i < (8 if cell is LSTM else 6) else None
            shape = None if v is None else b.shape(v)
            if v is not None and (shape is None or len(shape) != len(want) or any(
                    h is not None and w_ is not None and h != w_ for h, w_ in zip(shape, want))):
                have = "unranked" if shape is None else str(list(shape)).replace("None", "?")
                raise Unsupported(f"{what} has shape {have}, expected "
                                  + str(want).replace("None", "?"))
        x = self.to_layout0(x)
        self.seq, self.batch = b.shape(x)[0], b.shape(x)[1]
        self.x = x
        self.batch_size = self.batch if self.batch is not None else b.op(
            "torch.aten.size.int", [x, self.int(1)], b.types.int)
        self.clip = b.attr_float("clip", None)
        if self.clip is not None and self.clip <= 0:
            raise Unsupported(f"clip {self.clip} is not positive")
        self.acts = self._activations()
        self.lbr = b.attr_int("linear_before_reset", 0) if cell is GRU and b.opset >= 3 else 0

    # ------------------------------------------------------------ small builders
    def _const(self, key, make):
        """One constant per value and op (the steps reuse the same few); built outside any
        loop body so that it dominates every use."""
        c = self._consts.get(key)
        if c is None:
            b = self.b
            ip = b.ip
            if self.const_ip is not None:
                b.ip = self.const_ip
            try:
                c = self._consts[key] = make()
            finally:
                b.ip = ip
        return c

    def int(self, v: int):
        """A `!torch.int` constant."""
        return self._const(("i", v), lambda: self.b.int(v))

    def float(self, v: float):
        """A `!torch.float` constant."""
        return self._const(("f", v), lambda: self.b.float(v))

    def int_list(self, items):
        """A `!torch.list<int>` of ints and `!torch.int` values."""
        return self.b.int_list([self.int(x) if isinstance(x, int) else x for x in items])

    def none(self):
        """The `!torch.none` constant."""
        return self._const("none", self.b.none)

    def t(self, shape):
        return self.b.vtensor(shape, self.elt)

    def select(self, v, dim: int, i):
        """`v[..., i, ...]` at `dim`; `i` an int or a `!torch.int`."""
        shape = list(self.b.shape(v))
        del shape[dim]
        index = self.int(i) if isinstance(i, int) else i
        return self.b.op("torch.aten.select.int", [v, self.int(dim), index],
                         self.b.vtensor(shape, self.b.dtype(v)))

    def slice(self, v, dim: int, start: int, end: int):
        b = self.b
        shape = list(b.shape(v))
        shape[dim] = end - start
        return b.op("torch.aten.slice.Tensor", [v, self.int(dim), self.int(start), self.int(end),
                                                 self.int(1)], b.vtensor(shape, b.dtype(v)))

    def gate(self, v, k: int):
        """The k-th hidden_size-wide chunk of the last dim."""
        return self.slice(v, self.b.rank(v) - 1, k * self.hidden, (k + 1) * self.hidden)

    def shape_of(self, a, c):
        return emit.broadcast_shape(self.b.shape(a), self.b.shape(c))

    def add(self, a, c):
        b = self.b
        return b.op("torch.aten.add.Tensor", [a, c, self.int(1)], self.t(self.shape_of(a, c)))

    def sub(self, a, c):
        b = self.b
        return b.op("torch.aten.sub.Tensor", [a, c, self.int(1)], self.t(self.shape_of(a, c)))

    def mul(self, a, c):
        return self.b.op("torch.aten.mul.Tensor", [a, c], self.t(self.shape_of(a, c)))

    def linear(self, v, w, bias):
        """v @ w^T + bias over the last dim of `v`."""
        b = self.b
        shape = list(b.shape(v)[:-1]) + [b.shape(w)[0]]
        return b.op("torch.aten.linear", [v, w, bias if bias is not None else self.none()],
                    self.t(shape))

    def to_layout0(self, v):
        """[batch, seq|dirs, ...] -> [seq|dirs, batch, ...] for layout 1."""
        return self.permute(v, [1, 0, 2]) if self.layout == 1 else v

    def permute(self, v, perm):
        shape = self.b.shape(v)
        return self.b.op("torch.aten.permute", [v, self.int_list(perm)],
                         self.t([shape[p] for p in perm]))

    # ------------------------------------------------------------ activations
    def _activations(self) -> list[list[tuple[str, float | None, float | None]]]:
        """Per direction, the cell's activations as (name, alpha, beta)."""
        b, per = self.b, len(self.cell.activations)
        names = b.attr_strs("activations", None)
        if names is None:
            names = list(self.cell.activations) * self.dirs
        elif len(names) == per and self.dirs == 2:
            names = names * 2  # one set for both directions (onnxruntime accepts it too)
            self.shared_activations = True
        if len(names) != per * self.dirs:
            raise Unsupported(f"{len(names)} activations for {self.dirs} direction(s) of "
                              f"{per}")
        for n in names:
            if n.lower() not in _ACTIVATIONS:
                raise Unsupported(f"unknown activation '{n}'")
        alphas = self._params(names, "activation_alpha", 0)
        betas = self._params(names, "activation_beta", 1)
        out = []
        for i, n in enumerate(names):
            uses_a, uses_b, def_a, def_b = _ACTIVATIONS[n.lower()]
            alpha = alphas[i] if alphas[i] is not None else def_a
            beta = betas[i] if betas[i] is not None else def_b
            if (uses_a and alpha is None) or (uses_b and beta is None):
                raise Unsupported(f"activation {n} needs activation_alpha/activation_beta")
            out.append((n.lower(), alpha, beta))
        return [out[d * per:(d + 1) * per] for d in range(self.dirs)]

    def _params(self, names: list[str], attr: str, which: int) -> list[float | None]:
        """`activation_alpha`/`_beta` per activation. The spec says they are consumed in the
        order of the activations: a list as long as the activations is read by position, one
        as long as the activations taking that parameter is consumed by those only (as
        onnxruntime does); other lengths are ambiguous."""
        vals = self.b.attr_floats(attr, None)
        if not vals:
            return [None] * len(names)
        if self.shared_activations:
            vals = vals * 2
        takers = [i for i, n in enumerate(names) if _ACTIVATIONS[n.lower()][which]]
        if len(vals) == len(names):
            return list(vals)
        if len(vals) == len(takers):
            out: list[float | None] = [None] * len(names)
            for i, v in zip(takers, vals):
                out[i] = v
            return out
        raise Unsupported(f"{attr} has {len(vals)} values for {len(names)} activations, "
                          f"{len(takers)} of which take one")

    def act(self, v, spec):
        """Apply one activation (after `clip`, which bounds every activation's input)."""
        b = self.b
        ty = self.t(b.shape(v))
        if self.clip is not None:
            v = b.op("torch.aten.clamp", [v, self.float(-self.clip), self.float(self.clip)], ty)
        name, alpha, beta = spec
        if name in ("relu", "tanh", "sigmoid"):
            return b.op(f"torch.aten.{name}", [v], ty)
        if name == "leakyrelu":
            return b.op("torch.aten.leaky_relu", [v, self.float(alpha)], ty)
        if name == "elu":
            one = self.float(1.0)
            return b.op("torch.aten.elu", [v, self.float(alpha), one, one], ty)
        if name == "softplus":
            # threshold 20 switches to x where log(1 + e^x) differs from x by < 3e-9
            return b.op("torch.aten.softplus", [v, self.float(1.0), self.float(20.0)], ty)
        if name == "softsign":
            a = b.op("torch.aten.abs", [v], ty)
            a = b.op("torch.aten.add.Scalar", [a, self.float(1.0), self.int(1)], ty)
            return b.op("torch.aten.div.Tensor", [v, a], ty)
        if name == "thresholdedrelu":  # x if x >= alpha else 0, as the recurrent ops define it
            keep = b.op("torch.aten.ge.Scalar", [v, self.float(alpha)], b.vtensor(b.shape(v), "i1"))
            return b.op("torch.aten.where.ScalarOther", [keep, v, self.float(0.0)], ty)
        if name == "scaledtanh":
            v = b.op("torch.aten.mul.Scalar", [v, self.float(beta)], ty)
            v = b.op("torch.aten.tanh", [v], ty)
            return b.op("torch.aten.mul.Scalar", [v, self.float(alpha)], ty)
        # affine, hardsigmoid: alpha * x + beta (hardsigmoid then clamped to [0, 1])
        v = b.op("torch.aten.mul.Scalar", [v, self.float(alpha)], ty)
        v = b.op("torch.aten.add.Scalar", [v, self.float(beta), self.int(1)], ty)
        if name == "hardsigmoid":
            v = b.op("torch.aten.clamp", [v, self.float(0.0), self.float(1.0)], ty)
        return v

    # ------------------------------------------------------------ operands per direction
    def initial_state(self, index: int, d: int):
        """initial_h / initial_c of direction `d` ([batch, hidden]), zeros when absent."""
        b = self.b
        v = b.optional_input(index)
        if v is None:
            return self.zeros
        return self.select(self.to_layout0(v), 0, d)

    @property
    def zeros(self):
        b = self.b
        if self._zeros is None:
            none = self.none()
            self._zeros = b.op("torch.aten.zeros", [
                self.int_list([self.batch_size, self.hidden]),
                self.int(b.torch_dtype_of(self.elt)), none, none, none],
                self.t([self.batch, self.hidden]))
        return self._zeros

    def biases(self, d: int):
        """(Wb, Rb) of direction `d`, or (None, None) without B."""
        bias = self.b.optional_input(3)
        if bias is None:
            return None, None
        bd = self.select(bias, 0, d)
        n = self.cell.gates * self.hidden
        return self.slice(bd, 0, 0, n), self.slice(bd, 0, n, 2 * n)

    def lengths(self):
        """`sequence_lens`, or None when there is none or it is a constant covering every step."""
        lens = self.b.optional_input(4)
        if lens is None:
            return None
        vals = self.b.const_value(lens)
        if vals is not None and self.seq is not None and (np.asarray(vals) >= self.seq).all():
            return None
        return lens

    def mask(self, lens, t):
        """`t < sequence_lens` as [batch, 1] booleans, for a time index int or `!torch.int`."""
        key = ("mask", t if isinstance(t, int) else None)
        if key[1] is not None and key in self._consts:
            return self._consts[key]
        b = self.b
        m = b.op("torch.aten.gt.Scalar", [lens, self.int(t) if isinstance(t, int) else t],
                 b.vtensor([self.batch], "i1"))
        m = b.op("torch.aten.unsqueeze", [m, self.int(1)], b.vtensor([self.batch, 1], "i1"))
        if key[1] is not None:
            self._consts[key] = m  # the directions of a bidirectional op share them
        return m

    def advance(self, step, xw, t, states, params, acts, lens):
        """One time step at index `t`: (new states, this step's output)."""
        b = self.b
        new = step(self, self.select(xw, 0, t), states, params, acts)
        if lens is None:
            return new, new[0]
        m = self.mask(lens, t)
        y = b.op("torch.aten.where.ScalarOther", [m, new[0], self.float(0.0)], new[0].type)
        return [b.op("torch.aten.where.self", [m, n, s], n.type)
                for n, s in zip(new, states)], y

    # ------------------------------------------------------------ the time loop
    def run(self, step, opts: dict, want_y: bool):
        """Every direction over the sequence; returns (Y or None, [final states per direction])."""
        b = self.b
        w, r = b.input(1), b.input(2)
        lens = self.lengths()
        ys_dirs, finals = [], []
        for d, reverse in enumerate(self.reverse):
            wb, rb = self.biases(d)
            xw = self.linear(self.x, self.select(w, 0, d), wb)
            params = {**opts, **self.direction_params(d, self.select(r, 0, d), rb)}
            states = [self.initial_state(5, d)]
            if self.cell.states == 2:
                states.append(self.initial_state(6, d))
            if self.seq is not None and self.seq <= UNROLL_MAX:
                ys = [None] * self.seq
                for t in (reversed(range(self.seq)) if reverse else range(self.seq)):
                    states, ys[t] = self.advance(step, xw, t, states, params, self.acts[d], lens)
                y = self.stack(ys, 0) if want_y else None
            else:
                states, y = self.loop(step, xw, states, params, self.acts[d], lens, reverse,
                                      want_y)
            if lens is not None:  # an empty sequence ends in zero states, as onnxruntime has it
                empty = self.mask(lens, 0)
                states = [b.op("torch.aten.where.ScalarOther", [empty, v, self.float(0.0)], v.type)
                          for v in states]
            finals.append(states)
            ys_dirs.append(y)
        y = None
        if want_y:
            y = self.stack(ys_dirs, 1)
            if self.layout == 1:
                y = self.permute(y, [2, 0, 1, 3])
        return y, finals

    def loop(self, step, xw, states, params, acts, lens, reverse: bool, want_y: bool):
        """The steps as one for-like `torch.prim.Loop` (dynamic or long sequences), carrying
        the states and Y, which each iteration fills with `aten.slice_scatter`."""
        b = self.b
        seq = self.seq if self.seq is not None else b.op(
            "torch.aten.size.int", [xw, self.int(0)], b.types.int)
        seq = self.int(seq) if isinstance(seq, int) else seq
        carried = list(states)
        if want_y:
            none = self.none()
            sizes = self.int_list([seq, self.batch_size, self.hidden])
            carried.append(b.op("torch.aten.zeros", [
                sizes, self.int(b.torch_dtype_of(self.elt)), none, none, none],
                self.t([self.seq, self.batch, self.hidden])))
        last = None
        if reverse:
            last = (self.int(self.seq - 1) if self.seq is not None else
                    b.op("torch.aten.sub.int", [seq, self.int(1)], b.types.int))
        true = self._const("true", lambda: b.bool(True))
        types = [v.type for v in carried]
        loop = ir.Operation.create("torch.prim.Loop", results=types,
                                   operands=[seq, true, *carried], regions=1, loc=b.loc,
                                   ip=b.ip)
        b.created.append(loop)
        body = loop.regions[0].blocks.append(b.types.int, *types)
        outer, self.const_ip = b.ip, ir.InsertionPoint(loop)  # constants go before the loop
        b.ip = ir.InsertionPoint(body)
        try:
            i, *args = body.arguments
            t = b.op("torch.aten.sub.int", [last, i], b.types.int) if reverse else i
            new, y_t = self.advance(step, xw, t, list(args[:len(states)]), params, acts, lens)
            if want_y:
                y_t = b.op("torch.aten.unsqueeze", [y_t, self.int(0)],
                           self.t([1, self.batch, self.hidden]))
                t1 = b.op("torch.aten.add.int", [t, self.int(1)], b.types.int)
                new.append(b.op("torch.aten.slice_scatter", [
                    args[-1], y_t, self.int(0), t, t1, self.int(1)], types[-1]))
            b.op_multi("torch.prim.Loop.condition", [true, *new], [])
        finally:
            b.ip, self.const_ip = outer, None
        results = list(loop.results)
        return results[:len(states)], (results[-1] if want_y else None)

    def direction_params(self, d: int, r, rb):
        """What a step needs besides the state: R and Rb of the direction, and the peepholes
        P (LSTM) split per gate."""
        params = {"r": r, "rb": rb}
        if self.cell is GRU and not self.lbr:
            # without linear_before_reset the candidate needs (r (.) Ht-1) Rh^T on its own
            two, three = 2 * self.hidden, 3 * self.hidden
            params.update(r_zr=self.slice(r, 0, 0, two), r_h=self.slice(r, 0, two, three),
                          rb_zr=None if rb is None else self.slice(rb, 0, 0, two),
                          rb_h=None if rb is None else self.slice(rb, 0, two, three))
        if self.cell is LSTM:
            p = self.b.optional_input(7)
            if p is not None:
                pd = self.select(p, 0, d)
                params["p"] = [self.gate(pd, k) for k in range(3)]  # i, o, f
        return params

    def stack(self, vs, dim: int):
        b = self.b
        shape = list(b.shape(vs[0]))
        shape.insert(dim, len(vs))
        if len(vs) == 1:
            return b.op("torch.aten.unsqueeze", [vs[0], self.int(dim)], self.t(shape))
        return b.op("torch.aten.stack", [b.tensor_list(vs), self.int(dim)], self.t(shape))

    def final(self, finals, k: int):
        """Y_h (k=0) or Y_c (k=1) in the op's layout."""
        v = self.stack([f[k] for f in finals], 0)
        return self.to_layout0(v)  # [dirs, batch, H] <-> [batch, dirs, H] is its own inverse


def _wanted(b: Binder, i: int) -> bool:
    """Whether output `i` exists, is typed and is used (unused outputs may be left None)."""
    if i >= b.num_results or b.result_type(i) == b.types.none:
        return False
    return next(iter(b.onnx_op.results[i].uses), None) is not None


def _expand(b: Binder, cell: Cell, step, opts: dict):
    layer = _Layer(b, cell)
    want = [_wanted(b, i) for i in range(b.num_results)]
    y, finals = layer.run(step, opts, want[0])
    outs = [y]
    for k in range(1, b.num_results):
        outs.append(layer.final(finals, k - 1) if want[k] and k <= cell.states else None)
    return outs


# ---------------------------------------------------------------- the cells' steps
def _rnn_step(layer: _Layer, xw, states, params, acts):
    """Ht = f(Xt W^T + Wb + Ht-1 R^T + Rb)."""
    g = layer.add(xw, layer.linear(states[0], params["r"], params["rb"]))
    return [layer.act(g, acts[0])]


def _gru_step(layer: _Layer, xw, states, params, acts):
    """z, r = f(...); n = g(Xt Wh^T + Wbh + r (.) (Ht-1 Rh^T + Rbh)) with linear_before_reset,
    else g(Xt Wh^T + Wbh + (r (.) Ht-1) Rh^T + Rbh); Ht = n + z (.) (Ht-1 - n)."""
    h = states[0]
    f, g = acts
    if layer.lbr:
        hr = layer.linear(h, params["r"], params["rb"])
        zr = layer.add(layer.slice(xw, 1, 0, 2 * layer.hidden),
                       layer.slice(hr, 1, 0, 2 * layer.hidden))
        z, r = layer.act(layer.gate(zr, 0), f), layer.act(layer.gate(zr, 1), f)
        n = layer.add(layer.gate(xw, 2), layer.mul(r, layer.gate(hr, 2)))
    else:
        zr = layer.add(layer.slice(xw, 1, 0, 2 * layer.hidden),
                       layer.linear(h, params["r_zr"], params["rb_zr"]))
        z, r = layer.act(layer.gate(zr, 0), f), layer.act(layer.gate(zr, 1), f)
        n = layer.add(layer.gate(xw, 2),
                      layer.linear(layer.mul(r, h), params["r_h"], params["rb_h"]))
    n = layer.act(n, g)
    return [layer.add(n, layer.mul(z, layer.sub(h, n)))]


def _lstm_step(layer: _Layer, xw, states, params, acts):
    """Gates i, o, f, c (with peepholes P on i, f from Ct-1 and on o from Ct; with
    input_forget, ft = 1 - it); Ct = ft Ct-1 + it g(c); Ht = ot h(Ct)."""
    b = layer.b
    h, c = states
    f, g, hact = acts
    gates = layer.add(xw, layer.linear(h, params["r"], params["rb"]))
    pi, po, pf = params.get("p", (None, None, None))
    i_pre, o_pre, f_pre, c_pre = (layer.gate(gates, k) for k in range(4))
    if pi is not None:
        i_pre = layer.add(i_pre, layer.mul(pi, c))
        f_pre = layer.add(f_pre, layer.mul(pf, c))
    i = layer.act(i_pre, f)
    if params["input_forget"]:
        ft = b.op("torch.aten.rsub.Scalar", [i, layer.float(1.0), layer.int(1)], i.type)
    else:
        ft = layer.act(f_pre, f)
    c_new = layer.add(layer.mul(ft, c), layer.mul(i, layer.act(c_pre, g)))
    if po is not None:
        o_pre = layer.add(o_pre, layer.mul(po, c_new))
    o = layer.act(o_pre, f)
    return [layer.mul(o, layer.act(c_new, hact)), c_new]


def rnn(b: Binder):
    """RNN-1..22 -> per step aten.linear + the activation (see module doc)."""
    return _expand(b, RNN, _rnn_step, {})


def lstm(b: Binder):
    """LSTM-1..22 -> per step aten.linear + gate slices, peepholes, input_forget."""
    return _expand(b, LSTM, _lstm_step, {"input_forget": b.attr_int("input_forget", 0)})


def gru(b: Binder):
    """GRU-1..22 -> per step aten.linear + gate slices; linear_before_reset (GRU-3+)."""
    return _expand(b, GRU, _gru_step, {})
