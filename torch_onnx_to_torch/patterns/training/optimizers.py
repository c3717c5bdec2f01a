"""The optimizers of ai.onnx.preview.training (Adagrad, Adam, Momentum): one update step of n
tensors. The inputs are R (learning rate) and T (update count), both scalars, then n X, n G
(gradients) and n of each state; the outputs are the n new X, then the new states. The update
rules follow the ONNX operator docs and onnx.reference; R and T are cast to each X's dtype."""

from __future__ import annotations

import math

from torch_mlir import ir

from ... import dtypes, emit
from ...binder import Binder, Unsupported
from ..families import register_table
from . import DOMAIN


def _groups(b: Binder, states: int) -> int:
    """n, checking that the op has n X, n G and n of each of `states` states as inputs, and
    1 + `states` outputs per tensor."""
    k = b.num_inputs - 2
    per = 2 + states
    if k <= 0 or k % per or len(b.inputs()) != b.num_inputs:
        raise Unsupported(f"expected R, T and {per} groups of n tensors, got {b.num_inputs} inputs")
    n = k // per
    if b.num_results != n * (1 + states):
        raise Unsupported(f"expected {n * (1 + states)} outputs for {n} tensors, got "
                          f"{b.num_results}")
    return n


class _Math:
    """Elementwise float math on tensors of one dtype (rank-0 scalars broadcast), as formulas:
    emit's builders with the Binder bound."""

    def __init__(self, b: Binder, elt: str):
        if not dtypes.is_float(elt):
            raise Unsupported(f"{b.name.rpartition('.')[2]} of {elt} (float types only)")
        self.b, self.elt = b, elt

    def add(self, x: ir.Value, y: ir.Value) -> ir.Value:
        return emit.binary(self.b, "add", x, y)

    def sub(self, x: ir.Value, y: ir.Value) -> ir.Value:
        return emit.binary(self.b, "sub", x, y)

    def mul(self, x: ir.Value, y: ir.Value) -> ir.Value:
        return emit.binary(self.b, "mul", x, y)

    def div(self, x: ir.Value, y: ir.Value) -> ir.Value:
        return emit.binary(self.b, "div", x, y)

    def scale(self, x: ir.Value, c: float) -> ir.Value:
        return self.b.op("torch.aten.mul.Scalar", [x, self.b.float(c)], x.type)

    def plus(self, x: ir.Value, c: float) -> ir.Value:
        return emit.add_scalar(self.b, x, c)

    def sqrt(self, x: ir.Value) -> ir.Value:
        return emit.unary(self.b, "sqrt", x)

    def const(self, c: float) -> ir.Value:
        return emit.scalar_tensor(self.b, c, self.elt)

    def where_positive(self, t: ir.Value, yes: ir.Value, no: ir.Value) -> ir.Value:
        """`yes` where the update count `t` > 0, else `no` (rank-0 values)."""
        cond = self.b.op("torch.aten.gt.Scalar", [t, self.b.int(0)], self.b.vtensor([], "i1"))
        return self.b.op("torch.aten.where.self", [cond, yes, no], yes.type)

    def power(self, base: float, t: ir.Value) -> ir.Value:
        """base ** t for the rank-0 float `t` (> 0 where it is used): exp(t ln base)."""
        if base > 0:
            return self.b.op("torch.aten.exp", [self.scale(t, math.log(base))], t.type)
        if base == 0:
            return self.const(0.0)
        raise Unsupported(f"a negative momentum coefficient {base} is not supported")


def _scalars(b: Binder, m: _Math, cast: dict) -> tuple[ir.Value, ir.Value]:
    """R and T as rank-0 tensors of the dtype of `m` (cast once per dtype, kept in `cast`)."""
    if m.elt not in cast:
        r, t = b.input(0), b.input(1)
        if b.shape(r) != () or b.shape(t) != ():
            raise Unsupported("R and T must be scalars (rank 0)")
        cast[m.elt] = emit.to_dtype(b, r, m.elt), emit.to_dtype(b, t, m.elt)
    return cast[m.elt]


def _regularized(m: _Math, x: ir.Value, g: ir.Value, norm: float) -> ir.Value:
    """norm * x + g, the gradient of the loss plus its L2 term."""
    return m.add(m.scale(x, norm), g) if norm else g


def adagrad(b: Binder):
    """Adagrad-1 -> per tensor, elementwise: r' = R / (1 + T decay_factor); g' = norm x + g;
    h' = h + g'^2; x' = x - r' g' / (sqrt(h') + epsilon) (aten.mul/add/sub/div/sqrt)"""
    n = _groups(b, 1)
    decay = b.attr_float("decay_factor", 0.0)
    eps = b.attr_float("epsilon", 1e-6)
    norm = b.attr_float("norm_coefficient", 0.0)
    xs, hs, cast = [], [], {}
    for i in range(n):
        x, g, h = b.input(2 + i), b.input(2 + n + i), b.input(2 + 2 * n + i)
        m = _Math(b, b.dtype(x))
        r, t = _scalars(b, m, cast)
        rate = m.div(r, m.plus(m.scale(t, decay), 1.0))
        gr = _regularized(m, x, g, norm)
        h_new = m.add(h, m.mul(gr, gr))
        step = m.div(m.mul(rate, gr), m.plus(m.sqrt(h_new), eps))
        xs.append(m.sub(x, step))
        hs.append(h_new)
    return xs + hs


def adam(b: Binder):
    """Adam-1 -> per tensor, elementwise: g' = norm x + g; v' = alpha v + (1 - alpha) g';
    h' = beta h + (1 - beta) g'^2; r' = R sqrt(1 - beta^T) / (1 - alpha^T) if T > 0 else R;
    x' = (1 - norm_post) (x - r' v' / (sqrt(h') + epsilon)) (aten.mul/add/sub/div/sqrt/exp,
    aten.where.self)"""
    n = _groups(b, 2)
    alpha, beta = b.attr_float("alpha", 0.9), b.attr_float("beta", 0.999)
    eps = b.attr_float("epsilon", 1e-6)
    norm, post = b.attr_float("norm_coefficient", 0.0), b.attr_float("norm_coefficient_post", 0.0)
    xs, vs, hs, cast = [], [], [], {}
    for i in range(n):
        x, g = b.input(2 + i), b.input(2 + n + i)
        v, h = b.input(2 + 2 * n + i), b.input(2 + 3 * n + i)
        m = _Math(b, b.dtype(x))
        r, t = _scalars(b, m, cast)
        gr = _regularized(m, x, g, norm)
        v_new = m.add(m.scale(v, alpha), m.scale(gr, 1.0 - alpha))
        h_new = m.add(m.scale(h, beta), m.scale(m.mul(gr, gr), 1.0 - beta))
        one = m.const(1.0)
        corrected = m.div(m.mul(r, m.sqrt(m.sub(one, m.power(beta, t)))),
                          m.sub(one, m.power(alpha, t)))
        rate = m.where_positive(t, corrected, r)
        x_new = m.sub(x, m.mul(rate, m.div(v_new, m.plus(m.sqrt(h_new), eps))))
        xs.append(m.scale(x_new, 1.0 - post) if post else x_new)
        vs.append(v_new)
        hs.append(h_new)
    return xs + vs + hs


def momentum(b: Binder):
    """Momentum-1 -> per tensor, elementwise: g' = norm x + g; v' = alpha v + beta' g' (beta' =
    beta if T > 0 else 1); standard: x' = x - R v'; nesterov: x' = x - R (g' + alpha v')
    (aten.mul/add/sub, aten.where.self)"""
    n = _groups(b, 1)
    alpha, beta = b.attr_float("alpha"), b.attr_float("beta")
    norm, mode = b.attr_float("norm_coefficient"), b.attr_str("mode")
    if mode not in ("standard", "nesterov"):
        raise Unsupported(f"unknown mode '{mode}'")
    xs, vs, cast = [], [], {}
    for i in range(n):
        x, g, v = b.input(2 + i), b.input(2 + n + i), b.input(2 + 2 * n + i)
        m = _Math(b, b.dtype(x))
        r, t = _scalars(b, m, cast)
        gr = _regularized(m, x, g, norm)
        coefficient = m.where_positive(t, m.const(beta), m.const(1.0))
        v_new = m.add(m.scale(v, alpha), m.mul(coefficient, gr))
        direction = v_new if mode == "standard" else m.add(gr, m.scale(v_new, alpha))
        xs.append(m.sub(x, m.mul(r, direction)))
        vs.append(v_new)
    return xs + vs


TABLE = [
    ("Adagrad", 1, adagrad),
    ("Adam", 1, adam),
    ("Momentum", 1, momentum),
]


def populate(registry) -> None:
    """Register the ai.onnx.preview.training optimizers."""
    register_table(registry, TABLE, domain=DOMAIN)
