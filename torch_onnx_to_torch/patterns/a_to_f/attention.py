"""Attention-23..25 as explicit matmul / softmax arithmetic.

torch's scaled_dot_product_attention has no softcap, no qk_matmul_output, no offset-aware
causal mask and no zero row for a fully masked query, so the op is spelled out: split heads
(3-D inputs), append the KV cache, repeat KV heads (GQA), scaled Q.K^T, softcap, the additive
bias (attn_mask + causal / sliding-window / padding masks), softmax, the fully-masked-row
guard, and the product with V.
"""

from __future__ import annotations

import math

from ... import dtypes, emit
from ...binder import Binder, Unsupported
from ..families import register_table

_NEG_INF = float("-inf")
_SI64 = 4  # torch ScalarType code of int64


def _dim(shape, i):
    return None if shape is None else shape[i]


def _mul(*dims):
    out = 1
    for d in dims:
        if d is None:
            return None
        out *= d
    return out


def _split_heads(b: Binder, x, heads: int, what: str):
    """[B, S, H*D] -> [B, H, S, D]."""
    shape = b.shape(x)
    hidden = shape[2]
    if hidden is None:
        raise Unsupported(f"3-D {what} needs a static hidden size")
    if heads <= 0:
        raise Unsupported(f"{what} head count {heads} is not positive")
    if hidden % heads:
        raise Unsupported(f"{what} hidden size {hidden} is not a multiple of {heads} heads")
    d = hidden // heads
    split = emit.reshape(b, x, [emit.size(b, x, 0), emit.size(b, x, 1), heads, d],
                         [shape[0], shape[1], heads, d])
    return emit.permute(b, split, [0, 2, 1, 3])


def _repeat_heads(b: Binder, x, reps: int):
    """[B, H, S, D] -> [B, H*reps, S, D], each head repeated `reps` times in place."""
    if reps == 1:
        return x
    shape, elt = b.tensor_info(x)
    x5 = emit.unsqueeze(b, x, 2)
    big = [shape[0], shape[1], reps, shape[2], shape[3]]
    wide = b.op("torch.aten.expand", [x5, b.int_list([-1, -1, reps, -1, -1]), b.bool(False)],
                b.vtensor(big, elt))
    sizes = [emit.size(b, x, 0), shape[1] * reps, emit.size(b, x, 2), emit.size(b, x, 3)]
    return emit.reshape(b, wide, sizes, [shape[0], shape[1] * reps, shape[2], shape[3]])


def _where_bias(b: Binder, allowed, elt: str):
    """0 where `allowed`, -inf elsewhere, as dtype `elt`."""
    shape = b.shape(allowed)
    f32 = b.op("torch.aten.where.Scalar", [allowed, b.float(0.0), b.float(_NEG_INF)],
               b.vtensor(shape, "f32"))
    return emit.to_dtype(b, f32, elt)


def _arange(b: Binder, n, static: int | None):
    none = b.none()
    return b.op("torch.aten.arange", [n, b.int(_SI64), none, none, none],
                b.vtensor([static], "si64"))


def _mask_bias(b: Binder, mask, elt: str, total, total_static):
    """attn_mask as an additive bias, its last dim padded with -inf up to the total length."""
    shape, melt = b.tensor_info(mask)
    if shape is None:
        raise Unsupported("attn_mask rank is unknown")
    if melt == "i1":
        bias = _where_bias(b, mask, elt)
    else:
        bias = emit.to_dtype(b, mask, elt)
    last = shape[-1] if shape else None
    if not shape:
        return bias
    if last is not None and total_static is not None:
        if last > total_static:
            raise Unsupported(f"attn_mask last dim {last} exceeds the total sequence length "
                              f"{total_static}")
        if last == total_static:
            return bias
    if b.opset < 24 and (last is None or total_static is None):
        raise Unsupported("attn_mask last dim must match the total sequence length statically")
    missing = (b.int(total_static - last) if last is not None and total_static is not None
               else b.op("torch.aten.sub.int", [total, emit.size(b, mask, len(shape) - 1)],
                         b.types.int))
    padded = list(shape[:-1]) + [total_static]
    return b.op("torch.aten.constant_pad_nd", [bias, b.int_list([0, missing]),
                                               b.float(_NEG_INF)], b.vtensor(padded, elt))


def _position_bias(b: Binder, elt, q_len, q_static, total, total_static, past_len, nonpad,
                   causal: bool, left: int, right: int):
    """Causal / sliding-window bias from the offset-aware distance i + offset - j."""
    i = emit.unsqueeze(b, _arange(b, q_len, q_static), 1)  # [Sq, 1]
    j = emit.unsqueeze(b, _arange(b, total, total_static), 0)  # [1, St]
    dist = b.op("torch.aten.sub.Tensor", [i, j, b.int(1)],
                b.vtensor([q_static, total_static], "si64"))  # [Sq, St]
    batch = None
    if nonpad is not None:
        # External cache: per batch, offset = nonpad_kv_seqlen[b] - q_len.
        batch = _dim(b.shape(nonpad), 0)
        off = b.op("torch.aten.sub.Scalar", [nonpad, q_len, b.int(1)], nonpad.type)
        off = emit.reshape(b, off, [-1, 1, 1], [batch, 1, 1])
        dist = b.op("torch.aten.add.Tensor", [dist, off, b.int(1)],
                    b.vtensor([batch, q_static, total_static], "si64"))
    elif past_len is not None:
        dist = b.op("torch.aten.add.Scalar", [dist, past_len, b.int(1)], dist.type)
    bool_t = b.vtensor(b.shape(dist), "i1")
    conds = []
    if causal:
        conds.append(b.op("torch.aten.ge.Scalar", [dist, b.int(0)], bool_t))
    if left >= 0:
        conds.append(b.op("torch.aten.le.Scalar", [dist, b.int(left)], bool_t))
    if right >= 0:
        conds.append(b.op("torch.aten.ge.Scalar", [dist, b.int(-right)], bool_t))
    allowed = conds[0]
    for c in conds[1:]:
        allowed = b.op("torch.aten.logical_and", [allowed, c], bool_t)
    bias = _where_bias(b, allowed, elt)
    if nonpad is not None:
        # A rank-3 attn_mask is (heads, q, kv): the batch axis must be explicit.
        bias = emit.unsqueeze(b, bias, 1)
    return bias


def _padding_bias(b: Binder, elt, nonpad, total, total_static):
    """-inf at key positions at or past nonpad_kv_seqlen[b]: [B, 1, 1, St]."""
    batch = _dim(b.shape(nonpad), 0)
    j = emit.unsqueeze(b, _arange(b, total, total_static), 0)  # [1, St]
    lens = emit.unsqueeze(b, nonpad, 1)  # [B, 1]
    valid = b.op("torch.aten.lt.Tensor", [j, lens], b.vtensor([batch, total_static], "i1"))
    bias = _where_bias(b, valid, elt)
    return emit.reshape(b, bias, [-1, 1, 1, total], [batch, 1, 1, total_static])


def attention(b: Binder):
    """Attention-23..25 (3-D/4-D, GQA/MQA, KV cache, bool/float/short attn_mask, is_causal,
    nonpad_kv_seqlen, sliding window, scale, softcap, softmax_precision, qk_matmul_output modes)
    -> aten.matmul, aten.softmax.int, aten.where.* and friends."""
    q, k, v = b.input(0), b.input(1), b.input(2)
    mask = b.optional_input(3)
    past_k, past_v = b.optional_input(4), b.optional_input(5)
    nonpad = b.optional_input(6) if b.opset >= 24 else None
    if nonpad is not None and b.shape(nonpad) is not None and len(b.shape(nonpad)) != 1:
        raise Unsupported(f"nonpad_kv_seqlen must be 1-D, got rank {len(b.shape(nonpad))}")
    rank = b.rank(q)
    if rank not in (3, 4) or b.rank(k) != rank or b.rank(v) != rank:
        raise Unsupported("Q, K and V must all be 3-D or all 4-D")
    elt = b.dtype(q)
    if not dtypes.is_float(elt) or b.dtype(k) != elt:
        raise Unsupported(f"Q and K must share a float dtype, got {elt} and {b.dtype(k)}")
    out_elt = elt
    if (past_k is None) != (past_v is None):
        raise Unsupported("past_key and past_value must be given together")
    if nonpad is not None and past_k is not None:
        raise Unsupported("nonpad_kv_seqlen cannot be combined with past_key/past_value")
    causal = bool(b.attr_int("is_causal", 0))
    softcap = b.attr_float("softcap", 0.0)
    mode = b.attr_int("qk_matmul_output_mode", 0)
    if mode not in (0, 1, 2, 3):
        raise Unsupported(f"unknown qk_matmul_output_mode {mode}")
    left = b.attr_int("left_window_size", -1) if b.opset >= 25 else -1
    right = b.attr_int("right_window_size", -1) if b.opset >= 25 else -1
    if left < -1 or right < -1:
        raise Unsupported("window sizes must be -1 or nonnegative")
    sm_elt = None
    if b.has_attr("softmax_precision"):
        sm_elt = dtypes.onnx_to_mlir(b.attr_int("softmax_precision"))
        if not dtypes.is_float(sm_elt):
            raise Unsupported(f"softmax_precision {b.attr_int('softmax_precision')} is not a "
                              "float type")
    if rank == 3:
        if not (b.has_attr("q_num_heads") and b.has_attr("kv_num_heads")):
            raise Unsupported("3-D inputs need q_num_heads and kv_num_heads")
        q = _split_heads(b, q, b.attr_int("q_num_heads"), "Q")
        k = _split_heads(b, k, b.attr_int("kv_num_heads"), "K")
        v = _split_heads(b, v, b.attr_int("kv_num_heads"), "V")
    qs, ks, vs = b.shape(q), b.shape(k), b.shape(v)
    q_heads, kv_heads, head = qs[1], ks[1], qs[3]
    if q_heads is None or kv_heads is None:
        raise Unsupported("head counts must be static")
    if q_heads % kv_heads or vs[1] != kv_heads:
        raise Unsupported(f"{q_heads} query heads cannot share {kv_heads} key/value heads")
    scale = b.attr_float("scale", None)
    if scale is None:
        if head is None:
            raise Unsupported("the default scale needs a static head size")
        scale = 1.0 / math.sqrt(head)
    past_len = None
    if past_k is not None:
        past_len = emit.size(b, past_k, 2)
        k, v = _cat_seq(b, past_k, k), _cat_seq(b, past_v, v)
    present_k, present_v = k, v
    # Half-precision inputs are computed in f32 and rounded once at the end, as runtimes
    # accumulate them; rounding every step drifts past the ONNX tests' tolerance.
    elt = "f32" if elt in ("f16", "bf16") else elt
    q, k, v = (emit.to_dtype(b, x, elt) for x in (q, k, v))
    sm_elt = sm_elt or elt
    batch, q_len_s, total_s = qs[0], qs[2], b.shape(k)[2]
    q_len, total = emit.size(b, q, 2), emit.size(b, k, 2)
    k = _repeat_heads(b, k, q_heads // kv_heads)
    v = _repeat_heads(b, v, q_heads // kv_heads)

    # Q and K are each scaled by sqrt(scale), against overflow in low precision.
    # A negative scale (legal, if odd) puts its sign on Q's factor.
    root = math.sqrt(abs(scale))
    q = b.op("torch.aten.mul.Scalar", [q, b.float(math.copysign(root, scale))], q.type)
    k = b.op("torch.aten.mul.Scalar", [k, b.float(root)], k.type)
    kshape = b.shape(k)
    kt = b.op("torch.aten.transpose.int", [k, b.int(2), b.int(3)],
              b.vtensor([kshape[0], kshape[1], kshape[3], kshape[2]], elt))
    score_t = b.vtensor([batch, q_heads, q_len_s, total_s], elt)
    raw = b.op("torch.aten.matmul", [q, kt], score_t)
    scores = raw
    if softcap > 0:
        scaled = b.op("torch.aten.div.Scalar", [raw, b.float(softcap)], score_t)
        scores = b.op("torch.aten.mul.Scalar",
                      [b.op("torch.aten.tanh", [scaled], score_t), b.float(softcap)], score_t)

    parts = []
    if mask is not None:
        parts.append(_mask_bias(b, mask, elt, total, total_s))
    if causal or left >= 0 or right >= 0:
        parts.append(_position_bias(b, elt, q_len, q_len_s, total, total_s, past_len, nonpad,
                                    causal, left, right))
    if nonpad is not None:
        parts.append(_padding_bias(b, elt, nonpad, total, total_s))
    bias = None
    for p in parts:
        bias = p if bias is None else emit.binary(b, "add", bias, p)
    biased = scores if bias is None else emit.binary(b, "add", scores, bias)
    have, want = b.shape(biased), [batch, q_heads, q_len_s, total_s]
    if have is not None and (len(have) != 4 or any(
            isinstance(h, int) and isinstance(w, int) and h != w for h, w in zip(have, want))):
        raise Unsupported(f"the mask broadcasts the scores to {list(have)}".replace("None", "?"))
    biased = b.op("torch.tensor_static_info_cast", [biased], score_t) \
        if biased.type != score_t else biased

    logits = emit.to_dtype(b, biased, sm_elt)
    probs = b.op("torch.aten.softmax.int", [logits, b.int(-1), b.none()], logits.type)
    if bias is not None:
        # A query row whose bias is -inf everywhere attends nothing: its output row is zero.
        bshape = b.shape(bias)
        row_shape = None if bshape is None else list(bshape[:-1]) + [1]
        row_max = b.op("torch.aten.amax", [bias, b.int_list([-1]), b.bool(True)],
                       b.vtensor(row_shape, elt))
        dead = b.op("torch.aten.eq.Scalar", [row_max, b.float(_NEG_INF)],
                    b.vtensor(row_shape, "i1"))
        probs = b.op("torch.aten.where.ScalarSelf", [dead, b.float(0.0), probs], probs.type)
    probs = emit.to_dtype(b, probs, elt)
    y = b.op("torch.aten.matmul", [probs, v], b.vtensor([batch, q_heads, q_len_s, vs[3]], elt))
    y = emit.to_dtype(b, y, out_elt)
    if rank == 3:
        y = emit.permute(b, y, [0, 2, 1, 3])
        hidden = _mul(q_heads, vs[3])
        y = emit.reshape(b, y, [emit.size(b, y, 0), emit.size(b, y, 1), -1],
                         [batch, q_len_s, hidden])

    outs = [y, None, None, None][: b.num_results]
    # An omitted output ("" in ONNX) is imported with type !torch.none and gets no value.
    wanted = [str(b.result_type(i)) != "!torch.none" for i in range(b.num_results)]
    if b.num_results > 1 and wanted[1]:
        outs[1] = present_k
    if b.num_results > 2 and wanted[2]:
        outs[2] = present_v
    if b.num_results > 3 and wanted[3]:
        if mode == 0 and softcap > 0 and next(iter(b.onnx_op.results[3].uses), None):
            raise Unsupported("qk_matmul_output_mode=0 with softcap: the spec gives the raw "
                              "product, the reference implementation the softcapped one")
        outs[3] = emit.to_dtype(b, {0: raw, 1: scores, 2: biased, 3: probs}[mode], out_elt)
    return outs


def _cat_seq(b: Binder, past, new):
    """Concatenate along the sequence axis (2)."""
    ps, ns = b.shape(past), b.shape(new)
    if ps is None or ns is None or len(ps) != 4 or len(ns) != 4:
        raise Unsupported("past_key and past_value must be 4-D (with a known rank)")
    seq = None if ps[2] is None or ns[2] is None else ps[2] + ns[2]
    shape = [ns[0] if ns[0] is not None else ps[0], ns[1], seq, ns[3]]
    return b.op("torch.aten.cat", [b.tensor_list([past, new]), b.int(2)],
                b.vtensor(shape, b.dtype(new)))


TABLE = [
    ("Attention", 23, attention),
]


def populate(registry) -> None:
    """Register the Attention pattern."""
    register_table(registry, TABLE)
