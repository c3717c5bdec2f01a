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
import sys

from torch_mlir import ir

from ... import dtypes, emit
from ...binder import Binder, Unsupported
from ..a_to_f.attention import _cat_seq, _repeat_heads, _split_heads
from ..g_to_p.gather import scalar_int
from ..g_to_p.linalg import matmul_nd, minus_zero_point
from ..q_to_z.rotary_embedding import _cache, rotate
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


def _mask_bias(b: Binder, mask: ir.Value, q_ref: ir.Value, total, total_s, filt: float,
               elt: str):
    """onnxruntime's mask_index / key_padding_mask forms as an additive bias broadcasting to
    [B, N, S, T]: 0 where a key is kept, `filt` where masked. `q_ref` is the [B, N, S, D]
    query (for the batch size)."""
    batch_s = b.shape(q_ref)[0]
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
    if shape[0] is not None and batch_s is not None and shape[0] not in (batch_s, 2 * batch_s):
        raise Unsupported(f"a 1-D mask_index of {shape[0]} entries for batch {batch_s}")
    batch = batch_s if batch_s is not None else emit.size(b, q_ref, 0)
    j = emit.unsqueeze(b, _key_positions(b, total, total_s), 0)  # [1, T]
    m = emit.to_dtype(b, mask, "si64")
    if shape[0] is None or batch_s is None:
        # [B] or [2B] is known at run time only: zero-pad to 2B (a start of 0 keeps all).
        missing = emit.int_sub(b, emit.int_mul(b, batch, 2), emit.size(b, m, 0))
        m = b.op("torch.aten.constant_pad_nd", [m, b.int_list([0, missing]), b.float(0.0)],
                 b.vtensor([None], "si64"))
        two = True
    else:
        two = shape[0] == 2 * batch_s

    def part(start):
        stop = emit.int_add(b, start, batch)
        p = b.op("torch.aten.slice.Tensor", [m, b.int(0), emit.int_value(b, start),
                                             emit.int_value(b, stop), b.int(1)],
                 b.vtensor([batch_s], "si64"))
        return emit.unsqueeze(b, p, 1)  # [B, 1]

    bt = b.vtensor([batch_s, total_s], "i1")
    keep = b.op("torch.aten.lt.Tensor", [j, part(0)], bt)  # right padding: j < end
    if two:  # left padding too: j >= start
        keep = b.op("torch.aten.logical_and",
                    [keep, b.op("torch.aten.ge.Tensor", [j, part(batch)], bt)], bt)
    bias = b.op("torch.aten.where.Scalar", [keep, b.float(0.0), b.float(filt)],
                b.vtensor([batch_s, total_s], ft))
    bias = emit.reshape(b, bias, [batch, 1, 1, total], [batch_s, 1, 1, total_s])
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
    heads, sizes = _packed_qkv(b, w, "weights")
    if b.rank(x) != 3:
        raise Unsupported("input must be 3-D")
    proj = b.op("torch.aten.matmul", [x, w],
                b.vtensor(list(b.shape(x)[:2]) + [sum(sizes)], elt))
    if bias is not None:
        proj = b.op("torch.aten.add.Tensor", [proj, bias, b.int(1)], proj.type)
    return _attention_on_projection(b, proj, sizes, heads, mask, past, attn_bias)


def _packed_qkv(b: Binder, w: ir.Value, what: str) -> tuple[int, list[int]]:
    """num_heads and the Q, K and V widths of the packed projection weight `w` (2-D, named
    `what` in the reasons): qkv_hidden_sizes, else thirds."""
    heads = b.attr_int("num_heads")
    wshape = b.shape(w)
    if wshape is None or len(wshape) != 2:
        raise Unsupported(f"{what} must be 2-D")
    width = wshape[1]
    if width is None:
        raise Unsupported("weights must be 2-D with a static width")
    sizes = b.attr_ints("qkv_hidden_sizes", None)
    if sizes is None:
        if width % 3:
            raise Unsupported("weights width is not divisible by 3")
        sizes = [width // 3] * 3
    if len(sizes) != 3 or sum(sizes) != width or any(s % heads for s in sizes):
        raise Unsupported(f"qkv_hidden_sizes {sizes} do not fit the weights / num_heads")
    return heads, sizes


def _attention_on_projection(b: Binder, proj, sizes, heads, mask, past, attn_bias):
    """Attention / QAttention after the packed input projection [B, S, Hq + Hk + Hv]."""
    elt = b.dtype(proj)
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
    y = _attend_masked(b, q, k, v, mask, past_len, attn_bias, elt)
    outs = [y, _stack_kv(b, k, v) if _wanted(b, 1) else None]
    return outs[: b.num_results]


def qattention(b: Binder):
    """com.microsoft QAttention-1 (uint8/int8 input and weights with zero points, per-tensor
    or per-column weight_scale, float bias; then Attention's masks, past / present,
    unidirectional, scale) -> MatMulInteger's si32 aten.matmul, * input_scale * weight_scale
    + bias, and Attention's arithmetic. do_rotary and past_present_share_buffer are
    declined."""
    x, w, bias = b.input(0), b.input(1), b.input(2)
    x_scale, w_scale, mask = b.input(3), b.input(4), b.optional_input(5)
    x_zp, w_zp, past = b.optional_input(6), b.optional_input(7), b.optional_input(8)
    if b.attr_int("do_rotary", 0):
        raise Unsupported("do_rotary is not supported")
    if b.attr_int("past_present_share_buffer", 0):
        raise Unsupported("past_present_share_buffer is not supported")
    for v in (x, w):
        if b.dtype(v) not in ("ui8", "si8"):
            raise Unsupported(f"quantized operands must be 8-bit integers, got {b.dtype(v)}")
    if b.rank(x) != 3:
        raise Unsupported("input must be 3-D")
    elt = _float_elt(b, bias)
    heads, sizes = _packed_qkv(b, w, "weight")
    acc = matmul_nd(b, minus_zero_point(b, x, x_zp, 2, "input_zero_point"),
                    minus_zero_point(b, w, w_zp, 1, "weight_zero_point"), "si32")
    ws = b.shape(w_scale)
    if ws is None or len(ws) > 1:
        raise Unsupported("weight_scale must be a scalar or 1-D")
    scale = b.op("torch.aten.mul.Tensor", [x_scale, w_scale],
                 b.vtensor(emit.broadcast_shape(b.shape(x_scale), ws), elt))
    proj = b.op("torch.aten.mul.Tensor", [emit.to_dtype(b, acc, elt), scale],
                emit.like(b, acc, elt))
    proj = b.op("torch.aten.add.Tensor", [proj, bias, b.int(1)], proj.type)
    return _attention_on_projection(b, proj, sizes, heads, mask, past, None)


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
    y = _attend_masked(b, q, k, v, mask, past_len, attn_bias, elt)
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
    y = rotate(b, work, cos_g, sin_g, rot, interleaved)
    if len(shape) == 3:
        y = emit.reshape(b, y, sizes, shape)
    return y


def _attend_masked(b: Binder, q, k, v, mask, past_len, attn_bias, elt: str) -> ir.Value:
    """Attention and MultiHeadAttention after their inputs are in [B, N, S, H]: the contrib
    mask (mask_filter_value) as an additive bias, then `attend` (scale, unidirectional)."""
    total_s = b.shape(k)[2]
    total = emit.size(b, k, 2)
    filt = b.attr_float("mask_filter_value", -10000.0)
    mb = None if mask is None else _mask_bias(b, mask, q, total, total_s, filt, elt)
    return attend(b, q, k, v, b.attr_float("scale", None), mb,
                  bool(b.attr_int("unidirectional", 0)), past_len, attn_bias, elt)


def _gqa_cache(b: Binder, past, new, past_len, total, s_len):
    """onnxruntime's GQA present cache [B, Kv, T, D], T = max(total, P): rows [0, past_len[b])
    from the past, the S new rows at [past_len[b], past_len[b] + S), zeros after."""
    ns, elt = b.tensor_info(new)
    p_len = 0 if past is None else emit.dim_sizes(b, past)[2]
    t_len = emit.int_max(b, total, p_len)
    t_s = t_len if isinstance(t_len, int) else None
    batch = ns[0]
    j = emit.unsqueeze(b, _key_positions(b, t_len, t_s), 0)  # [1, T]
    pl = emit.unsqueeze(b, past_len, 1)  # [B, 1]
    bt = b.vtensor([batch, t_s], "si64")
    rel = b.op("torch.aten.sub.Tensor", [j, pl, b.int(1)], bt)
    in_new = b.op("torch.aten.logical_and",
                  [b.op("torch.aten.ge.Scalar", [rel, b.int(0)], emit.like(b, rel, "i1")),
                   b.op("torch.aten.lt.Scalar", [rel, emit.int_value(b, s_len)],
                        emit.like(b, rel, "i1"))], emit.like(b, rel, "i1"))
    idx = b.op("torch.aten.clamp", [rel, b.int(0), emit.int_value(b, emit.int_sub(b, s_len, 1))],
               bt)
    full = [batch, ns[1], t_s, ns[3]]
    idx = emit.reshape(b, idx, [emit.size(b, idx, 0), 1, t_len, 1], [batch, 1, t_s, 1])
    idx = b.op("torch.aten.expand", [idx, b.int_list([-1, ns[1], -1, ns[3]]), b.bool(False)],
               b.vtensor(full, "si64"))
    taken = b.op("torch.aten.gather", [new, b.int(2), idx, b.bool(False)], b.vtensor(full, elt))
    sel = emit.reshape(b, in_new, [emit.size(b, in_new, 0), 1, t_len, 1], [batch, 1, t_s, 1])
    if past is None:
        other = emit.scalar_tensor(b, 0.0, elt)
    else:
        grow = emit.int_sub(b, t_len, p_len)
        other = past if isinstance(grow, int) and grow == 0 else b.op(
            "torch.aten.constant_pad_nd", [past, b.int_list([0, 0, 0, grow]), b.float(0.0)],
            b.vtensor(full, elt))
        # rows at or past past_len[b] that the new rows do not cover are zero (onnxruntime
        # clears a present buffer it does not share with the past)
        keep = b.op("torch.aten.lt.Tensor", [j, pl], b.vtensor([batch, t_s], "i1"))
        keep = emit.reshape(b, keep, [emit.size(b, keep, 0), 1, t_len, 1], [batch, 1, t_s, 1])
        other = b.op("torch.aten.where.ScalarOther", [keep, other, b.float(0.0)],
                     b.vtensor(full, elt))
    return b.op("torch.aten.where.self", [sel, taken, other], b.vtensor(full, elt)), t_len


def group_query_attention(b: Binder):
    """com.microsoft GroupQueryAttention-1 (separate or packed QKV, past_key / past_value in
    BNSH with present outputs, seqlens_k / total_sequence_length as onnxruntime's CPU kernel
    reads them, do_rotary with cos/sin caches and position_ids, rotary_interleaved,
    local_window_size, softcap, scale, smooth_softmax, head_sink, attention_bias) -> the
    present cache built by aten.gather / aten.where, aten.matmul, aten.softmax.int.
    Quantized KV caches, q/k norms, query_seqlens, sliding_window_cache and the qk output are
    declined."""
    q, k, v = b.input(0), b.optional_input(1), b.optional_input(2)
    past_k, past_v = b.optional_input(3), b.optional_input(4)
    seqlens, total_t = b.input(5), b.input(6)
    cos, sin, pos_ids = b.optional_input(7), b.optional_input(8), b.optional_input(9)
    attn_bias, sink = b.optional_input(10), b.optional_input(11)
    for i, what in ((12, "k_scale"), (13, "v_scale"), (14, "q_norm_weight"),
                    (15, "k_norm_weight"), (16, "query_seqlens")):
        if b.optional_input(i) is not None:
            raise Unsupported(f"{what} is not supported")
    if b.has_attr("kv_cache_bit_width") or b.attr_str("k_quant_type", "NONE") != "NONE" or \
            b.attr_str("v_quant_type", "NONE") != "NONE":
        raise Unsupported("quantized KV caches are not supported")
    if b.attr_int("sliding_window_cache", 0):
        raise Unsupported("sliding_window_cache is not supported")
    if b.attr_int("qk_output", 0) or _used(b, 3):
        raise Unsupported("the qk output is not supported")
    if not b.attr_int("causal", 1):
        raise Unsupported("causal=0 is not supported")
    if (past_k is None) != (past_v is None):
        raise Unsupported("past_key and past_value must be given together")
    out_elt = _float_elt(b, q)
    heads, kv_heads = b.attr_int("num_heads"), b.attr_int("kv_num_heads")
    if heads % kv_heads:
        raise Unsupported(f"{heads} heads cannot share {kv_heads} KV heads")
    qs = b.shape(q)
    if qs is None or len(qs) != 3 or qs[2] is None:
        raise Unsupported("query must be 3-D with a static hidden size")
    if k is None:
        if v is not None:
            raise Unsupported("value without key")
        if qs[2] % (heads + 2 * kv_heads):
            raise Unsupported("packed QKV width does not fit the head counts")
        d = qs[2] // (heads + 2 * kv_heads)
        k = _narrow(b, q, 2, heads * d, kv_heads * d)
        v = _narrow(b, q, 2, (heads + kv_heads) * d, kv_heads * d)
        q = _narrow(b, q, 2, 0, heads * d)
    elif v is None:
        raise Unsupported("key without value")
    elt = "f32" if out_elt == "f16" else out_elt
    q4 = emit.to_dtype(b, _split_heads(b, q, heads, "query"), elt)
    k4 = emit.to_dtype(b, _split_heads(b, k, kv_heads, "key"), elt)
    v4 = emit.to_dtype(b, _split_heads(b, v, kv_heads, "value"), elt)
    batch, s_len = b.shape(q4)[0], emit.dim_sizes(b, q4)[2]
    s_s = b.shape(q4)[2]
    head = b.shape(q4)[3]
    if b.shape(total_t) is None:
        raise Unsupported("total_sequence_length must hold one value")
    total = scalar_int(b, total_t, "total_sequence_length")
    # past_len[b] = 0 for the first prompt (S == total_sequence_length), else
    # seqlens_k[b] + 1 - S, as onnxruntime reads them.
    first = emit.int_cmp(b, "eq", s_len, total)
    sl = emit.as_i64(b, seqlens)
    past_len = b.op("torch.aten.add.Scalar", [sl, emit.int_value(b, emit.int_sub(b, 1, s_len)),
                                              b.int(1)], sl.type)
    past_len = b.op("torch.aten.mul.Scalar",
                    [past_len, emit.int_value(b, emit.int_sub(b, 1, first))], sl.type)
    qpos = b.op("torch.aten.add.Tensor",
                [emit.unsqueeze(b, past_len, 1),
                 emit.unsqueeze(b, emit.arange(b, s_len if s_s is None else s_s), 0), b.int(1)],
                b.vtensor([batch, s_s], "si64"))  # [B, S] absolute query positions
    if b.attr_int("do_rotary", 0):
        if cos is None or sin is None:
            raise Unsupported("do_rotary needs cos_cache and sin_cache")
        half = b.shape(cos)[1]
        if half is None or 2 * half > head:
            raise Unsupported("cos_cache width must be static and at most head_size / 2")
        positions = qpos if pos_ids is None else emit.as_i64(b, pos_ids)
        cg = emit.unsqueeze(b, emit.to_dtype(b, _cache(b, cos, positions, half, "cos_cache"),
                                             elt), 1)
        sg = emit.unsqueeze(b, emit.to_dtype(b, _cache(b, sin, positions, half, "sin_cache"),
                                             elt), 1)
        inter = bool(b.attr_int("rotary_interleaved", 0))
        q4 = rotate(b, q4, cg, sg, 2 * half, inter)
        k4 = rotate(b, k4, cg, sg, 2 * half, inter)
    pk = None if past_k is None else emit.to_dtype(b, past_k, elt)
    pv = None if past_v is None else emit.to_dtype(b, past_v, elt)
    present_k, t_len = _gqa_cache(b, pk, k4, past_len, total, s_len)
    present_v, _ = _gqa_cache(b, pv, v4, past_len, total, s_len)
    t_s = t_len if isinstance(t_len, int) else None
    keys = _repeat_heads(b, present_k, heads // kv_heads)
    vals = _repeat_heads(b, present_v, heads // kv_heads)
    scale = b.attr_float("scale", 0.0) or 1.0 / math.sqrt(head)
    ks = b.shape(keys)
    kt = b.op("torch.aten.transpose.int", [keys, b.int(2), b.int(3)],
              b.vtensor([ks[0], ks[1], ks[3], ks[2]], elt))
    score_t = b.vtensor([batch, heads, s_s, t_s], elt)
    scores = b.op("torch.aten.mul.Scalar", [b.op("torch.aten.matmul", [q4, kt], score_t),
                                            b.float(scale)], score_t)
    softcap = b.attr_float("softcap", 0.0)
    if softcap > 0:
        scaled = b.op("torch.aten.div.Scalar", [scores, b.float(softcap)], score_t)
        scores = b.op("torch.aten.mul.Scalar",
                      [b.op("torch.aten.tanh", [scaled], score_t), b.float(softcap)], score_t)
    if attn_bias is not None:
        scores = emit.binary(b, "add", scores, emit.to_dtype(b, attn_bias, elt))
    j = emit.unsqueeze(b, emit.unsqueeze(b, _key_positions(b, t_len, t_s), 0), 0)  # [1,1,T]
    qp = emit.unsqueeze(b, qpos, 2)  # [B, S, 1]
    bst = b.vtensor([batch, s_s, t_s], "i1")
    allowed = b.op("torch.aten.le.Tensor", [j, qp], bst)
    window = b.attr_int("local_window_size", -1)
    if window > 0:  # the last `window` positions, the query's own included
        lo = b.op("torch.aten.sub.Scalar", [qp, b.int(window - 1), b.int(1)], qp.type)
        allowed = b.op("torch.aten.logical_and",
                       [allowed, b.op("torch.aten.ge.Tensor", [j, lo], bst)], bst)
    bias = b.op("torch.aten.where.Scalar", [allowed, b.float(0.0), b.float(_NEG_INF)],
                b.vtensor([batch, s_s, t_s], "f32"))
    scores = emit.binary(b, "add", scores, emit.to_dtype(b, emit.unsqueeze(b, bias, 1), elt))
    if scores.type != score_t:
        scores = b.op("torch.tensor_static_info_cast", [scores], score_t)
    smooth = b.attr_int("smooth_softmax", 0) == 1
    if smooth or sink is not None:
        # One more logit per row (0, or the head's sink) joins the softmax denominator.
        col_t = b.vtensor([batch, heads, s_s, 1], elt)
        if sink is None:
            col = emit.scalar_tensor(b, 0.0, elt)
        else:
            col = emit.reshape(b, emit.to_dtype(b, sink, elt), [1, heads, 1, 1],
                               [1, heads, 1, 1])
        zeros = b.op("torch.aten.mul.Scalar", [_narrow(b, scores, 3, 0, 1), b.float(0.0)],
                     col_t)
        col = b.op("torch.aten.add.Tensor", [zeros, col, b.int(1)], col_t)
        wide_s = None if t_s is None else t_s + 1
        wide = b.op("torch.aten.cat", [b.tensor_list([scores, col]), b.int(3)],
                    b.vtensor([batch, heads, s_s, wide_s], elt))
        probs = b.op("torch.aten.softmax.int", [wide, b.int(-1), b.none()], wide.type)
        probs = b.op("torch.aten.slice.Tensor", [probs, b.int(3), b.int(0),
                                                 emit.int_value(b, t_len), b.int(1)], score_t)
    else:
        probs = b.op("torch.aten.softmax.int", [scores, b.int(-1), b.none()], score_t)
    y = b.op("torch.aten.matmul", [probs, vals], b.vtensor([batch, heads, s_s, head], elt))
    y = emit.permute(b, y, [0, 2, 1, 3])
    y = emit.reshape(b, y, [emit.size(b, y, 0), emit.size(b, y, 1), heads * head],
                     [batch, s_s, heads * head])
    outs = [emit.to_dtype(b, y, out_elt),
            emit.to_dtype(b, present_k, out_elt) if _wanted(b, 1) else None,
            emit.to_dtype(b, present_v, out_elt) if _wanted(b, 2) else None, None]
    return outs[: b.num_results]


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


def _infer_qattention(node, ins):
    x, bias = ins[0], ins[2] if len(ins) > 2 else None
    if x is None or bias is None:
        return [None] * len(node.output)
    # Attention's inference with the input typed as the (float) bias.
    past = ins[8] if len(ins) > 8 else None
    return _infer_attention(node, [(bias[0], x[1]), ins[1], None, None, past])


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
    ("GroupQueryAttention", 1, group_query_attention),
    ("QAttention", 1, qattention),
    ("MultiHeadAttention", 1, multi_head_attention),
    ("RotaryEmbedding", 1, rotary_embedding),
]

def _infer_gqa(node, ins):
    q = ins[0]
    at = inf.attrs(node)
    if q is None or q[1] is None:
        return [None] * len(node.output)
    heads, kv = at.get("num_heads"), at.get("kv_num_heads")
    hq = q[1][2]
    packed = len(ins) < 2 or ins[1] is None
    if not isinstance(hq, int) or not heads or not kv:
        return [(q[0], [q[1][0], q[1][1], None])] + [None] * (len(node.output) - 1)
    d = hq // (heads + 2 * kv) if packed else hq // heads
    outs = [(q[0], [q[1][0], q[1][1], heads * d])]
    present = (q[0], [q[1][0], kv, None, d])  # max(total_sequence_length, past): a run-time value
    outs += [present, present, None]
    return outs[: len(node.output)]


INFER = {
    "Attention": _infer_attention,
    "GroupQueryAttention": _infer_gqa,
    "QAttention": _infer_qattention,
    "MultiHeadAttention": _infer_mha,
    "RotaryEmbedding": inf.same_as(0),
}


def populate(registry) -> None:
    """Register this module's contrib patterns."""
    from . import register_tables

    register_tables(sys.modules[__name__], registry)
