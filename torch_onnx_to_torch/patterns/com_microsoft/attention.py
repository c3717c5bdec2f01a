"""Contrib attention: Attention (packed QKV weights), MultiHeadAttention, RotaryEmbedding
(com.microsoft), as explicit matmul / softmax arithmetic with the head split, KV repeat and
cache concatenation of the default-domain Attention (patterns/a_to_f/attention.py) and the
cache gathering of RotaryEmbedding-23 (patterns/q_to_z/rotary_embedding.py).

Masks follow onnxruntime's CPU kernels (PrepareMask): a masked key gets `mask_filter_value`
(default -10000) in place of 0, a key after the query under `unidirectional` the lowest float
(here -inf), then the attention bias is added and the softmax taken.
"""

from __future__ import annotations

import math

from torch_mlir import ir

from ... import dtypes, emit
from ...binder import Binder, Unsupported
from ..a_to_f.attention import _cat_seq, _split_heads
from ..q_to_z.rotary_embedding import _cache, _slice
from . import inference as inf

_NEG_INF = float("-inf")


def _used(b: Binder, i: int) -> bool:
    return b.num_results > i and next(iter(b.onnx_op.results[i].uses), None) is not None


def _wanted(b: Binder, i: int) -> bool:
    return b.num_results > i and b.types.info(b.result_type(i)) is not None


def _key_positions(b: Binder, total, total_s):
    none = b.none()
    return b.op("torch.aten.arange", [emit.int_value(b, total), b.int(4), none, none, none],
                b.vtensor([total_s], "si64"))


def _mask_bias(b: Binder, mask: ir.Value, batch_s, q_s, total, total_s, filt: float, elt: str):
    """onnxruntime's mask_index / key_padding_mask forms as an additive bias broadcasting to
    [B, N, S, T]: 0 where a key is kept, `filt` where masked."""
    shape, melt = b.tensor_info(mask)
    if shape is None:
        raise Unsupported("mask rank is unknown")
    if melt not in ("si32", "si64", "i1"):
        raise Unsupported(f"mask of {melt}")
    ft = "f32"
    if len(shape) in (2, 3):
        if len(shape) == 2 and shape[1] == 1 and total_s != 1:
            raise Unsupported("a dummy [B, 1] mask")
        keep = b.op("torch.aten.gt.Scalar", [emit.to_dtype(b, mask, "si32") if melt == "i1"
                                             else mask, b.int(0)],
                    b.vtensor(list(shape), "i1"))
        bias = b.op("torch.aten.where.Scalar", [keep, b.float(0.0), b.float(filt)],
                    b.vtensor(list(shape), ft))
        # [B, T] -> [B, 1, 1, T]; [B, S, T] -> [B, 1, S, T]
        bias = emit.unsqueeze(b, bias, 1)
        if len(shape) == 2:
            bias = emit.unsqueeze(b, bias, 1)
        return emit.to_dtype(b, bias, elt)
    if len(shape) != 1:
        raise Unsupported(f"a {len(shape)}-D mask_index is not supported")
    if shape[0] is None or batch_s is None or shape[0] not in (batch_s, 2 * batch_s):
        raise Unsupported("a 1-D mask_index needs static [batch] or [2 * batch] lengths")
    j = emit.unsqueeze(b, _key_positions(b, total, total_s), 0)  # [1, T]
    m = emit.to_dtype(b, mask, "si64")

    def part(start):
        p = b.op("torch.aten.slice.Tensor", [m, b.int(0), b.int(start), b.int(start + batch_s),
                                             b.int(1)], b.vtensor([batch_s], "si64"))
        return emit.unsqueeze(b, p, 1)  # [B, 1]

    bt = b.vtensor([batch_s, total_s], "i1")
    keep = b.op("torch.aten.lt.Tensor", [j, part(0)], bt)  # right padding: j < end
    if shape[0] == 2 * batch_s:  # left padding too: j >= start
        keep = b.op("torch.aten.logical_and",
                    [keep, b.op("torch.aten.ge.Tensor", [j, part(batch_s)], bt)], bt)
    bias = b.op("torch.aten.where.Scalar", [keep, b.float(0.0), b.float(filt)],
                b.vtensor([batch_s, total_s], ft))
    bias = emit.reshape(b, bias, [batch_s, 1, 1, total], [batch_s, 1, 1, total_s])
    return emit.to_dtype(b, bias, elt)


def _causal_bias(b: Binder, q_len, q_s, total, total_s, past_len, elt: str):
    """-inf where key j > past_len + query i: [S, T]."""
    none = b.none()
    i = b.op("torch.aten.arange", [emit.int_value(b, q_len), b.int(4), none, none, none],
             b.vtensor([q_s], "si64"))
    i = emit.unsqueeze(b, i, 1)
    if not (isinstance(past_len, int) and past_len == 0):
        i = b.op("torch.aten.add.Scalar", [i, emit.int_value(b, past_len), b.int(1)], i.type)
    j = emit.unsqueeze(b, _key_positions(b, total, total_s), 0)
    keep = b.op("torch.aten.le.Tensor", [j, i], b.vtensor([q_s, total_s], "i1"))
    bias = b.op("torch.aten.where.Scalar", [keep, b.float(0.0), b.float(_NEG_INF)],
                b.vtensor([q_s, total_s], "f32"))
    return emit.to_dtype(b, bias, elt)


def attend(b: Binder, q, k, v, scale: float | None, mask_bias, causal: bool, past_len,
           attn_bias, elt: str):
    """softmax(scale * Q.K^T + masks + attn_bias) . V on [B, N, S, D] heads; returns
    [B, S, N * Dv]."""
    qs, ks, vs = b.shape(q), b.shape(k), b.shape(v)
    batch, heads, q_s, head = qs
    total_s = ks[2]
    if scale is None:
        if head is None:
            raise Unsupported("the default scale needs a static head size")
        scale = 1.0 / math.sqrt(head)
    kt = b.op("torch.aten.transpose.int", [k, b.int(2), b.int(3)],
              b.vtensor([ks[0], ks[1], ks[3], ks[2]], elt))
    score_t = b.vtensor([batch, heads, q_s, total_s], elt)
    scores = b.op("torch.aten.matmul", [q, kt], score_t)
    scores = b.op("torch.aten.mul.Scalar", [scores, b.float(scale)], score_t)
    # onnxruntime replaces a mask value by the causal one; adding -inf to it is the same.
    for extra in (mask_bias, attn_bias):
        if extra is not None:
            scores = emit.binary(b, "add", scores, extra)
    if causal:
        q_len, total = emit.size(b, q, 2), emit.size(b, k, 2)
        scores = emit.binary(b, "add", scores,
                             _causal_bias(b, q_len, q_s, total, total_s, past_len, elt))
    if scores.type != score_t:
        scores = b.op("torch.tensor_static_info_cast", [scores], score_t)
    probs = b.op("torch.aten.softmax.int", [scores, b.int(-1), b.none()], scores.type)
    y = b.op("torch.aten.matmul", [probs, v], b.vtensor([batch, heads, q_s, vs[3]], elt))
    y = emit.permute(b, y, [0, 2, 1, 3])
    hidden = None if heads is None or vs[3] is None else heads * vs[3]
    return emit.reshape(b, y, [emit.size(b, y, 0), emit.size(b, y, 1), -1],
                        [batch, q_s, hidden])


def _float_elt(b: Binder, x: ir.Value) -> str:
    elt = b.dtype(x)
    if elt not in ("f32", "f16"):
        raise Unsupported(f"attention of {elt}")
    return elt


def _narrow(b: Binder, x, dim: int, start: int, size: int):
    shape = list(b.shape(x))
    shape[dim] = size
    return b.op("torch.aten.slice.Tensor", [x, b.int(dim), b.int(start), b.int(start + size),
                                            b.int(1)], b.vtensor(shape, b.dtype(x)))


def _stack_kv(b: Binder, k, v):
    """present: [2, B, N, T, D]."""
    shape = [2] + list(b.shape(k))
    return b.op("torch.aten.stack", [b.tensor_list([k, v]), b.int(0)],
                b.vtensor(shape, b.dtype(k)))


def attention(b: Binder):
    """com.microsoft Attention-1 (packed QKV weights and bias, qkv_hidden_sizes, num_heads,
    scale, unidirectional, mask_filter_value; mask_index as [B] / [2B] lengths or a [B, T] /
    [B, S, T] 0-1 mask; past / present [2, B, N, T, D]; attention_bias) -> aten.matmul +
    aten.add.Tensor projection, head split, aten.matmul, aten.softmax.int, aten.matmul.
    do_rotary, past_present_share_buffer, past_sequence_length and 4-D masks are declined."""
    x, w, bias = b.input(0), b.input(1), b.optional_input(2)
    mask, past, attn_bias = b.optional_input(3), b.optional_input(4), b.optional_input(5)
    if b.attr_int("do_rotary", 0):
        raise Unsupported("do_rotary is not supported")
    if b.attr_int("past_present_share_buffer", 0) or b.optional_input(6) is not None:
        raise Unsupported("past_present_share_buffer / past_sequence_length are not supported")
    elt = _float_elt(b, x)
    heads = b.attr_int("num_heads")
    wshape = b.shape(w)
    if wshape is None or len(wshape) != 2 or wshape[1] is None:
        raise Unsupported("weights must be 2-D with a static width")
    sizes = b.attr_ints("qkv_hidden_sizes", None)
    if sizes is None:
        if wshape[1] % 3:
            raise Unsupported("weights width is not divisible by 3")
        sizes = [wshape[1] // 3] * 3
    if len(sizes) != 3 or sum(sizes) != wshape[1] or any(s % heads for s in sizes):
        raise Unsupported(f"qkv_hidden_sizes {sizes} do not fit the weights / num_heads")
    if b.rank(x) != 3:
        raise Unsupported("input must be 3-D")
    proj = b.op("torch.aten.matmul", [x, w],
                b.vtensor(list(b.shape(x)[:2]) + [wshape[1]], elt))
    if bias is not None:
        proj = b.op("torch.aten.add.Tensor", [proj, bias, b.int(1)], proj.type)
    q = _split_heads(b, _narrow(b, proj, 2, 0, sizes[0]), heads, "Q")
    k = _split_heads(b, _narrow(b, proj, 2, sizes[0], sizes[1]), heads, "K")
    v = _split_heads(b, _narrow(b, proj, 2, sizes[0] + sizes[1], sizes[2]), heads, "V")
    past_len = 0
    if past is not None:
        if b.rank(past) != 5:
            raise Unsupported("past must be [2, B, N, P, D]")
        pk = b.op("torch.aten.select.int", [past, b.int(0), b.int(0)],
                  b.vtensor(list(b.shape(past)[1:]), elt))
        pv = b.op("torch.aten.select.int", [past, b.int(0), b.int(1)],
                  b.vtensor(list(b.shape(past)[1:]), elt))
        past_len = emit.size(b, pk, 2)
        k, v = _cat_seq(b, pk, k), _cat_seq(b, pv, v)
    batch_s, q_s, total_s = b.shape(q)[0], b.shape(q)[2], b.shape(k)[2]
    total = emit.size(b, k, 2)
    filt = b.attr_float("mask_filter_value", -10000.0)
    mb = None if mask is None else _mask_bias(b, mask, batch_s, q_s, total, total_s, filt, elt)
    y = attend(b, q, k, v, b.attr_float("scale", None), mb,
               bool(b.attr_int("unidirectional", 0)), past_len, attn_bias, elt)
    outs = [y, _stack_kv(b, k, v) if _wanted(b, 1) else None]
    return outs[: b.num_results]


def _bnsh(b: Binder, x, heads: int, what: str):
    """A 3-D [B, L, N*D] tensor as [B, N, L, D] heads; a 4-D one is taken as [B, N, L, D]."""
    r = b.rank(x)
    if r == 3:
        return _split_heads(b, x, heads, what)
    if r == 4:
        return x
    raise Unsupported(f"{what} must be 3-D or 4-D")


def _unpack(b: Binder, packed, idx: int, what: str):
    """[B, L, N, M, D] packed -> [B, N, L, D] of slot `idx`."""
    shape = b.shape(packed)
    one = b.op("torch.aten.select.int", [packed, b.int(3), b.int(idx)],
               b.vtensor([shape[0], shape[1], shape[2], shape[4]], b.dtype(packed)))
    return emit.permute(b, one, [0, 2, 1, 3])


def multi_head_attention(b: Binder):
    """com.microsoft MultiHeadAttention-1 (3-D Q/K/V with optional packed bias, packed QKV
    [B,S,N,3,D], packed KV [B,L,N,2,D], 4-D BNSH key/value, key_padding_mask in the mask_index
    forms, attention_bias, past_key / past_value with present outputs, unidirectional, scale,
    mask_filter_value) -> head split, aten.cat for the cache, aten.matmul, aten.softmax.int.
    cache_indirection, past_sequence_length and the qk output are declined."""
    q, k, v = b.input(0), b.optional_input(1), b.optional_input(2)
    bias, mask, attn_bias = b.optional_input(3), b.optional_input(4), b.optional_input(5)
    past_k, past_v = b.optional_input(6), b.optional_input(7)
    if b.optional_input(8) is not None or b.optional_input(9) is not None:
        raise Unsupported("past_sequence_length / cache_indirection are not supported")
    if _used(b, 3):
        raise Unsupported("the qk output is not supported")
    elt = _float_elt(b, q)
    heads = b.attr_int("num_heads")
    if (past_k is None) != (past_v is None):
        raise Unsupported("past_key and past_value must be given together")
    qr = b.rank(q)
    if qr == 5:
        if k is not None or v is not None or bias is not None:
            raise Unsupported("packed QKV with key / value / bias inputs")
        q, k, v = (_unpack(b, q, i, "QKV") for i in range(3))
    elif qr == 3:
        if k is None:
            raise Unsupported("key is required with a 3-D query")
        hq = b.shape(q)[2]
        if bias is not None:
            if b.rank(k) != 3 or v is None or b.rank(v) != 3:
                raise Unsupported("bias with packed or BNSH key / value")
            hk, hv = b.shape(k)[2], b.shape(v)[2]
            if None in (hq, hk, hv):
                raise Unsupported("bias needs static hidden sizes")
            q = emit.binary(b, "add", q, _narrow(b, bias, 0, 0, hq))
            k = emit.binary(b, "add", k, _narrow(b, bias, 0, hq, hk))
            v = emit.binary(b, "add", v, _narrow(b, bias, 0, hq + hk, hv))
        q = _split_heads(b, q, heads, "query")
        if b.rank(k) == 5:
            if v is not None:
                raise Unsupported("packed KV with a value input")
            k, v = _unpack(b, k, 0, "KV"), _unpack(b, k, 1, "KV")
        else:
            if v is None:
                raise Unsupported("value is required")
            if b.rank(k) == 4 and past_k is not None:
                raise Unsupported("BNSH key / value with past_key / past_value")
            k, v = _bnsh(b, k, heads, "key"), _bnsh(b, v, heads, "value")
    else:
        raise Unsupported("query must be 3-D or packed 5-D")
    past_len = 0
    if past_k is not None:
        past_len = emit.size(b, past_k, 2)
        k, v = _cat_seq(b, past_k, k), _cat_seq(b, past_v, v)
    batch_s, q_s, total_s = b.shape(q)[0], b.shape(q)[2], b.shape(k)[2]
    total = emit.size(b, k, 2)
    filt = b.attr_float("mask_filter_value", -10000.0)
    mb = None if mask is None else _mask_bias(b, mask, batch_s, q_s, total, total_s, filt, elt)
    y = attend(b, q, k, v, b.attr_float("scale", None), mb,
               bool(b.attr_int("unidirectional", 0)), past_len, attn_bias, elt)
    outs = [y, k if _wanted(b, 1) else None, v if _wanted(b, 2) else None, None]
    return outs[: b.num_results]


def rotary_embedding(b: Binder):
    """com.microsoft RotaryEmbedding-1 (3-D [B,S,H] or 4-D [B,N,S,D] input, position_ids
    [B,S] or a [1] offset, interleaved, rotary_embedding_dim with num_heads) ->
    aten.index_select of the caches, aten.slice.Tensor, aten.mul/sub/add.Tensor,
    aten.stack/cat. is_packed_batching and scale != 1 are declined."""
    x, pos, cos, sin = b.input(0), b.input(1), b.input(2), b.input(3)
    if b.attr_int("is_packed_batching", 0):
        raise Unsupported("is_packed_batching is not supported")
    if b.attr_float("scale", 1.0) != 1.0:
        raise Unsupported("scale != 1 (not applied by onnxruntime's CPU kernel)")
    shape, elt = b.tensor_info(x)
    if shape is None or len(shape) not in (3, 4):
        raise Unsupported("input must be 3-D or 4-D")
    if not dtypes.is_float(elt):
        raise Unsupported(f"input of {elt}")
    interleaved = bool(b.attr_int("interleaved", 0))
    sizes = emit.dim_sizes(b, x)
    cshape = b.shape(cos)
    if cshape is None or len(cshape) != 2 or cshape[1] is None:
        raise Unsupported("cos_cache must be 2-D with a static width")
    half = cshape[1]
    if len(shape) == 3:
        heads = b.attr_int("num_heads", 0)
        if heads < 1:
            heads = None
            if not isinstance(sizes[2], int) or sizes[2] % (2 * half):
                raise Unsupported("a 3-D input without num_heads needs hidden % rotary dim "
                                  "== 0")
            head = 2 * half
            heads = sizes[2] // head
        else:
            if not isinstance(sizes[2], int) or sizes[2] % heads:
                raise Unsupported("hidden size is not a static multiple of num_heads")
            head = sizes[2] // heads
        dims = sizes[:2] + [heads, head]
        work = emit.reshape(b, x, dims, emit.static_or_none(dims))
        cache_dim, seq = 2, sizes[1]
    else:
        work, cache_dim, seq = x, 1, sizes[2]
        head = shape[3]
        if head is None:
            raise Unsupported("head size must be static")
    rot = b.attr_int("rotary_embedding_dim", 0) or head
    if rot != 2 * half or rot > head:
        raise Unsupported(f"rotary dim {rot} does not match the caches' {2 * half}")
    pshape = b.shape(pos)
    if pshape is None:
        raise Unsupported("position_ids rank is unknown")
    if len(pshape) != 2:
        # A [1] offset: positions offset + arange(S) for every batch.
        if tuple(pshape) not in ((1,), ()):
            raise Unsupported("position_ids must be [B, S] or [1]")
        start = emit.reshape(b, emit.as_i64(b, pos), [1, 1], [1, 1])
        ar = emit.unsqueeze(b, emit.arange(b, seq), 0)
        pos = b.op("torch.aten.add.Tensor", [ar, start, b.int(1)],
                   b.vtensor([1, seq if isinstance(seq, int) else None], "si64"))
    pos = emit.as_i64(b, pos)
    cos_g = emit.unsqueeze(b, _cache(b, cos, pos, half, "cos_cache"), cache_dim)
    sin_g = emit.unsqueeze(b, _cache(b, sin, pos, half, "sin_cache"), cache_dim)
    x_rot = work if rot == head else _slice(b, work, 0, rot)
    if interleaved:
        x1, x2 = _slice(b, x_rot, 0, rot, 2), _slice(b, x_rot, 1, rot, 2)
    else:
        x1, x2 = _slice(b, x_rot, 0, half), _slice(b, x_rot, half, rot)
    bshape = emit.broadcast_shape(b.shape(x1), b.shape(cos_g))
    t = b.vtensor(bshape, elt)

    def mul(c, val):
        return b.op("torch.aten.mul.Tensor", [c, val], t)

    real = b.op("torch.aten.sub.Tensor", [mul(cos_g, x1), mul(sin_g, x2), b.int(1)], t)
    imag = b.op("torch.aten.add.Tensor", [mul(sin_g, x1), mul(cos_g, x2), b.int(1)], t)
    rot_shape = b.shape(x_rot)
    if interleaved:
        pairs = b.op("torch.aten.stack", [b.tensor_list([real, imag]), b.int(-1)],
                     b.vtensor(list(bshape) + [2], elt))
        dims = emit.dim_sizes(b, x_rot)
        y = emit.reshape(b, pairs, dims, rot_shape)
    else:
        y = b.op("torch.aten.cat", [b.tensor_list([real, imag]), b.int(-1)],
                 b.vtensor(rot_shape, elt))
    if rot != head:
        y = b.op("torch.aten.cat", [b.tensor_list([y, _slice(b, work, rot, head)]), b.int(-1)],
                 work.type)
    if len(shape) == 3:
        y = emit.reshape(b, y, sizes, shape)
    return y


# ---------------------------------------------------------------- type inference


def _infer_attention(node, ins):
    x, w, past = ins[0], ins[1], ins[4] if len(ins) > 4 else None
    at = inf.attrs(node)
    if x is None or w is None or x[1] is None or w[1] is None:
        return [None] * len(node.output)
    sizes = at.get("qkv_hidden_sizes") or (
        [w[1][1] // 3] * 3 if isinstance(w[1][1], int) else [None] * 3)
    out = (x[0], [x[1][0], x[1][1], sizes[2]])
    present = None
    heads = at.get("num_heads")
    if len(node.output) > 1 and sizes[0] is not None and heads:
        seq = x[1][1]
        if past is not None and past[1] is not None:
            p = past[1][3]
            seq = p + seq if isinstance(p, int) and isinstance(seq, int) else None
        present = (x[0], [2, x[1][0], heads, seq, sizes[0] // heads])
    return [out, present][: len(node.output)]


def _infer_mha(node, ins):
    q = ins[0]
    k = ins[1] if len(ins) > 1 else None
    v = ins[2] if len(ins) > 2 else None
    pk = ins[6] if len(ins) > 6 else None
    heads = inf.attrs(node).get("num_heads")
    if q is None or q[1] is None:
        return [None] * len(node.output)
    dq = q[1]
    if len(dq) == 5:
        out = (q[0], [dq[0], dq[1], dq[2] * dq[4] if None not in (dq[2], dq[4]) else None])
        return [out] + [None] * (len(node.output) - 1)
    hv = None
    if v is not None and v[1] is not None:
        hv = v[1][2] if len(v[1]) == 3 else (v[1][1] * v[1][3] if None not in
                                             (v[1][1], v[1][3]) else None)
    elif k is not None and k[1] is not None and len(k[1]) == 5:
        hv = k[1][2] * k[1][4] if None not in (k[1][2], k[1][4]) else None
    outs = [(q[0], [dq[0], dq[1], hv])]
    if len(node.output) > 1:
        present = None
        if k is not None and k[1] is not None and len(k[1]) == 3 and heads:
            head = dq[2] // heads if isinstance(dq[2], int) else None
            seq = k[1][1]
            if pk is not None and pk[1] is not None:
                p = pk[1][2]
                seq = p + seq if isinstance(p, int) and isinstance(seq, int) else None
            present = (q[0], [dq[0], heads, seq, head])
        outs += [present, present]
    return (outs + [None] * 4)[: len(node.output)]


TABLE = [
    ("Attention", 1, attention),
    ("MultiHeadAttention", 1, multi_head_attention),
    ("RotaryEmbedding", 1, rotary_embedding),
]

INFER = {
    "Attention": _infer_attention,
    "MultiHeadAttention": _infer_mha,
    "RotaryEmbedding": inf.same_as(0),
}
