"""LinearAttention (opset 27): the recurrence unrolled over a static sequence length.

Each step is a handful of aten ops on the [batch, kv_heads, d_k, d_v] state, in f32 as the
reference computes: decay (exp(g) times the state), delta correction (beta * (v - S^T k)),
the rank-1 write k v^T, and the read q^T S with KV heads repeated for grouped queries.
"""

from __future__ import annotations

import math

from torch_mlir import ir

from ... import emit
from ...binder import Binder, Unsupported
from ..families import register_table

# Longer sequences are declined rather than unrolled into thousands of ops.
MAX_UNROLLED_STEPS = 256
_RULES = ("linear", "gated", "delta", "gated_delta")


def _heads(b: Binder, v: ir.Value, heads: int, what: str, sizes: list) -> ir.Value:
    """[B, T, H*D] as f32 [B, T, H, D]."""
    shape = b.shape(v)
    if shape is None or len(shape) != 3:
        raise Unsupported(f"{what} must be 3-D [batch, seq, heads * dim]")
    if shape[2] is None or shape[2] % heads:
        raise Unsupported(f"{what} last dim {shape[2]} is not a static multiple of {heads}")
    dims = sizes[:2] + [heads, shape[2] // heads]
    return emit.to_dtype(b, emit.reshape(b, v, dims, emit.static_or_none(dims)), "f32")


def linear_attention(b: Binder):
    """LinearAttention-27 (linear/gated/delta/gated_delta update rules, GQA/MQA, past_state,
    per-head or per-key-dim decay, scale) -> the recurrence unrolled over the static sequence
    length: aten.select.int, aten.exp, aten.matmul, aten.mul/sub/add.Tensor, aten.stack"""
    q, k, v = b.input(0), b.input(1), b.input(2)
    past, decay, beta = b.optional_input(3), b.optional_input(4), b.optional_input(5)
    rule = b.attr_str("update_rule", "gated_delta")
    if rule not in _RULES:
        raise Unsupported(f"unknown update_rule '{rule}'")
    hq, hkv = b.attr_int("q_num_heads"), b.attr_int("kv_num_heads")
    if hq < 1 or hkv < 1 or hq % hkv:
        raise Unsupported(f"q_num_heads {hq} must be a positive multiple of kv_num_heads {hkv}")
    gating, delta = rule in ("gated", "gated_delta"), rule in ("delta", "gated_delta")
    if gating != (decay is not None) or delta != (beta is not None):
        raise Unsupported(f"update_rule '{rule}' needs decay {'given' if gating else 'absent'} "
                          f"and beta {'given' if delta else 'absent'}")
    q_shape = b.shape(q)
    if q_shape is None or len(q_shape) != 3:
        raise Unsupported("query must be 3-D [batch, seq, heads * dim]")
    steps = q_shape[1]
    if steps is None:
        raise Unsupported("the sequence length must be static (the recurrence is unrolled)")
    if steps > MAX_UNROLLED_STEPS:
        raise Unsupported(f"sequence length {steps} is above {MAX_UNROLLED_STEPS} unrolled steps")
    sizes = emit.dim_sizes(b, q)
    batch = sizes[0]
    q4, k4, v4 = (_heads(b, x, h, n, sizes) for x, h, n in
                  ((q, hq, "query"), (k, hkv, "key"), (v, hkv, "value")))
    dk, dv = b.shape(q4)[-1], b.shape(v4)[-1]
    if b.shape(k4)[-1] != dk:
        raise Unsupported("query and key head sizes differ")
    group = hq // hkv
    sb = emit.static_or_none([batch])[0]
    st_dims = [batch, hkv, dk, dv]
    st_t = b.vtensor(emit.static_or_none(st_dims), "f32")
    if past is not None:
        p_shape, want = b.shape(past), emit.static_or_none(st_dims)
        if p_shape is None or len(p_shape) != 4 or any(
                p is not None and w is not None and p != w for p, w in zip(p_shape, want)):
            raise Unsupported(f"past_state must be [batch, {hkv}, {dk}, {dv}]")
        state = emit.to_dtype(b, past, "f32")
        if b.shape(state) != tuple(want):  # dims the state's type leaves unknown
            state = b.op("torch.tensor_static_info_cast", [state], st_t)
    else:
        none = b.none()
        state = b.op("torch.aten.zeros", [b.int_list(st_dims), b.int(b.torch_dtype_of("f32")),
                                          none, none, none], st_t)
    if decay is not None:
        d_shape = b.shape(decay)
        if d_shape is None or len(d_shape) != 3 or d_shape[2] not in (hkv, hkv * dk):
            raise Unsupported(f"decay must be [batch, seq, {hkv} or {hkv * dk}]")
        decay = _heads(b, decay, hkv, "decay", sizes)  # [B, T, H_kv, 1 or d_k]
    if beta is not None:
        b_shape = b.shape(beta)
        if b_shape is None or len(b_shape) != 3 or b_shape[2] not in (hkv, 1):
            raise Unsupported(f"beta must be [batch, seq, {hkv} or 1]")
        beta = _heads(b, beta, b_shape[2], "beta", sizes)  # [B, T, H_kv or 1, 1]
    scale = b.attr_float("scale", 0.0) or 1.0 / math.sqrt(dk)

    def at(x, i):
        """x[:, i] of a [B, T, H, D] tensor: [B, H, D]."""
        s = b.shape(x)
        return b.op("torch.aten.select.int", [x, b.int(1), b.int(i)],
                    b.vtensor([s[0]] + list(s[2:]), "f32"))

    def op(name, *args, shape):
        extra = [b.int(1)] if name in ("sub.Tensor", "add.Tensor") else []
        return b.op(f"torch.aten.{name}", list(args) + extra, b.vtensor(shape, "f32"))

    def row_times_state(x, st, heads):
        """einsum('bhd,bhdm->bhm', x, st) as a matmul of [B,H,1,d] by [B,H,d,m]."""
        r = op("matmul", emit.unsqueeze(b, x, 2), st, shape=[sb, heads, 1, dv])
        return b.op("torch.aten.squeeze.dim", [r, b.int(2)], b.vtensor([sb, heads, dv], "f32"))

    outs = []
    for i in range(steps):
        k_t, v_t = at(k4, i), at(v4, i)
        if gating:
            g = b.op("torch.aten.exp", [at(decay, i)], b.vtensor(b.shape(at(decay, i)), "f32"))
            state = op("mul.Tensor", state, emit.unsqueeze(b, g, 3), shape=b.shape(state))
        if delta:
            got = row_times_state(k_t, state, hkv)
            v_t = op("mul.Tensor", at(beta, i), op("sub.Tensor", v_t, got, shape=[sb, hkv, dv]),
                     shape=[sb, hkv, dv])
        outer = op("mul.Tensor", emit.unsqueeze(b, k_t, 3), emit.unsqueeze(b, v_t, 2),
                   shape=[sb, hkv, dk, dv])
        state = op("add.Tensor", state, outer, shape=b.shape(state))
        read = state
        if group > 1:  # each KV head serves `group` consecutive query heads
            wide = [batch, hkv, group, dk, dv]
            read = b.op("torch.aten.broadcast_to", [emit.unsqueeze(b, state, 2),
                                                    b.int_list(wide)],
                        b.vtensor(emit.static_or_none(wide), "f32"))
            dims = [batch, hq, dk, dv]
            read = emit.reshape(b, read, dims, emit.static_or_none(dims))
        o = row_times_state(at(q4, i), read, hq)
        outs.append(op("mul.Scalar", o, b.float(scale), shape=[sb, hq, dv]))
    y = b.op("torch.aten.stack", [b.tensor_list(outs), b.int(1)],
             b.vtensor([sb, steps, hq, dv], "f32"))
    y = emit.reshape(b, y, [batch, steps, hq * dv], [sb, steps, hq * dv])
    out = emit.to_dtype(b, y, b.dtype(q))
    present = emit.to_dtype(b, state, b.dtype(b.result_type(1)))
    return [out, present]


TABLE = [
    ("LinearAttention", 27, linear_attention),
]


def populate(registry) -> None:
    """Register LinearAttention."""
    register_table(registry, TABLE)
