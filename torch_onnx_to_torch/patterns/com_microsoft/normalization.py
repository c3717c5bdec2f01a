"""Contrib normalizations: SkipLayerNormalization, SkipSimplifiedLayerNormalization,
EmbedLayerNormalization (com.microsoft), and onnxruntime's ONNX-domain LayerNormalization-1 and
SimplifiedLayerNormalization-1. Mean / variance from patterns/norm_common.py.

Statistics are computed in f32 for half-precision inputs, as onnxruntime's kernels do.
"""

from __future__ import annotations

import sys

from torch_mlir import ir

from ... import dtypes, emit
from ...binder import Binder, Unsupported
from .. import norm_common as nc
from ..g_to_p.normalization import layer_normalization
from . import inference as inf
from .quantized import dequantize


def _stat_dtype(b: Binder, x: ir.Value) -> str:
    elt = b.dtype(x)
    if not dtypes.is_float(elt):
        raise Unsupported(f"normalization of {elt} is not supported")
    return "f32" if elt in ("f16", "bf16") else elt


def _wanted(b: Binder, i: int) -> bool:
    """Output `i` exists and is not an omitted ("") output."""
    return b.num_results > i and b.types.info(b.result_type(i)) is not None


def _stat_output(b: Binder, stat: ir.Value, i: int) -> ir.Value | None:
    """A statistic (reduced dim kept as 1) as output `i`, in its declared dtype, the kept dim
    dropped when the declared rank says so."""
    if not _wanted(b, i):
        return None
    shape, elt = b.types.info(b.result_type(i))
    stat = emit.to_dtype(b, stat, elt or b.dtype(stat))
    have = b.shape(stat)
    if shape is not None and have is not None and len(shape) == len(have) - 1:
        stat = b.op("torch.aten.squeeze.dim", [stat, b.int(-1)],
                    b.vtensor(list(have[:-1]), b.dtype(stat)))
    return stat


def _skip_sum(b: Binder, x: ir.Value, skip: ir.Value, bias: ir.Value | None) -> ir.Value:
    """input + skip (+ bias): skip is [B, S, H], [1, S, H] or [S, H] and broadcasts."""
    if b.rank(x) not in (2, 3):
        raise Unsupported("input must be 2-D or 3-D")
    if b.rank(skip) > b.rank(x):
        raise Unsupported("skip has a higher rank than input")
    s = emit.binary(b, "add", x, skip)
    if bias is not None:
        s = emit.binary(b, "add", s, bias)
    if b.shape(s) != b.shape(x):
        s = b.op("torch.tensor_static_info_cast", [s], emit.like(b, x))
    return s


def skip_layer_normalization(b: Binder):
    """com.microsoft SkipLayerNormalization-1 (skip [B,S,H] / [1,S,H] / [S,H], optional beta
    and bias, epsilon; mean, inv_std_var and input_skip_bias_sum outputs) -> aten.add.Tensor,
    the shared standardization (aten.mean.dim, sub, mul, rsqrt), * gamma + beta"""
    x = b.input(0)
    s = _skip_sum(b, x, b.input(1), b.optional_input(4))
    y, mu, inv_std = nc.standardize(b, s, [b.rank(x) - 1], b.attr_float("epsilon", 1e-12),
                                    _stat_dtype(b, x))
    y = emit.binary(b, "mul", emit.to_dtype(b, y, b.dtype(x)), b.input(2))
    beta = b.optional_input(3)
    if beta is not None:
        y = emit.binary(b, "add", y, beta)
    outs = [y, _stat_output(b, mu, 1), _stat_output(b, inv_std, 2),
            s if _wanted(b, 3) else None]
    return outs[: b.num_results]


def _rms(b: Binder, x: ir.Value, dims, epsilon: float, stash: str):
    """(x / sqrt(mean(x^2) + eps), 1 / sqrt(mean(x^2) + eps)) in `stash`."""
    x = emit.to_dtype(b, x, stash)
    ms = nc.mean(b, emit.binary(b, "mul", x, x), dims)
    inv = emit.unary(b, "rsqrt", emit.add_scalar(b, ms, epsilon))
    return emit.binary(b, "mul", x, inv), inv


def skip_simplified_layer_normalization(b: Binder):
    """com.microsoft SkipSimplifiedLayerNormalization-1 (optional bias, epsilon; inv_std_var
    and input_skip_bias_sum outputs) -> aten.add.Tensor, x * aten.rsqrt(mean(x^2) + eps) *
    gamma. The mean output is not defined for the RMS form and is declined when used."""
    x = b.input(0)
    s = _skip_sum(b, x, b.input(1), b.optional_input(3))
    if _wanted(b, 1) and next(iter(b.onnx_op.results[1].uses), None) is not None:
        raise Unsupported("the mean output of the RMS normalization is not defined")
    y, inv = _rms(b, s, [b.rank(x) - 1], b.attr_float("epsilon", 1e-12), _stat_dtype(b, x))
    y = emit.binary(b, "mul", emit.to_dtype(b, y, b.dtype(x)), b.input(2))
    outs = [y, None, _stat_output(b, inv, 2), s if _wanted(b, 3) else None]
    return outs[: b.num_results]


def simplified_layer_normalization(b: Binder):
    """SimplifiedLayerNormalization-1 (onnxruntime's ONNX-domain RMS norm: axis, epsilon,
    stash_type; inv_std_var output) -> x * aten.rsqrt(mean(x^2) + eps) in the stash type,
    * scale"""
    x = b.input(0)
    rank = b.rank(x)
    axis = emit.normalize_axis(b.attr_int("axis", -1), rank)
    stash = nc.stash_dtype(b, x)
    y, inv = _rms(b, x, list(range(axis, rank)), b.attr_float("epsilon", 1e-5), stash)
    y = emit.binary(b, "mul", emit.to_dtype(b, y, b.dtype(x)), b.input(1))
    outs = [y, _stat_output(b, inv, 1)]
    return outs[: b.num_results]


def embed_layer_normalization(b: Binder):
    """com.microsoft EmbedLayerNormalization-1 (word + position (+ segment) embeddings,
    optional position_ids, epsilon; mask_index (ones of the mask per row, zeros without a
    mask) and embedding_sum outputs) -> aten.embedding, aten.add.Tensor, the shared
    standardization * gamma + beta (+ aten.eq.Scalar, aten.sum.dim_IntList or aten.zeros)"""
    return _embed_ln(b, b.input(0), b.optional_input(1), b.input(2), b.input(3),
                     b.optional_input(4), b.input(5), b.input(6), b.optional_input(7),
                     b.optional_input(8))


def qembed_layer_normalization(b: Binder):
    """com.microsoft QEmbedLayerNormalization-1 (uint8/int8 embeddings, gamma and beta with
    per-tensor scales and zero points; mask_index output) -> (q - zero_point) * scale, then
    EmbedLayerNormalization's aten.embedding, aten.add.Tensor and standardization"""
    def deq(i, scale_i, zp_i):
        v = b.optional_input(i)
        if v is None:
            return None
        if b.dtype(v) not in ("ui8", "si8"):
            raise Unsupported(f"quantized input #{i} of {b.dtype(v)}")
        return dequantize(b, v, b.input(scale_i), b.optional_input(zp_i))

    seg = deq(4, 10, 15)
    if (seg is None) != (b.optional_input(1) is None):
        raise Unsupported("segment_ids and segment_embedding must be given together")
    return _embed_ln(b, b.input(0), b.optional_input(1), deq(2, 8, 13), deq(3, 9, 14), seg,
                     deq(5, 11, 16), deq(6, 12, 17), b.optional_input(7), None)


def _embed_ln(b: Binder, ids, seg_ids, word, pos_table, seg_table, gamma, beta, mask, pos_ids):
    """The embedding sum, its layer normalization, mask_index and the sum as outputs."""
    if (seg_ids is None) != (seg_table is None):
        raise Unsupported("segment_ids and segment_embedding must be given together")
    if b.rank(ids) != 2:
        raise Unsupported("input_ids must be 2-D [batch, sequence]")
    elt = b.dtype(word)
    if not dtypes.is_float(elt):
        raise Unsupported(f"embeddings of {elt} are not supported")
    batch, seq = emit.dim_sizes(b, ids)
    hidden = b.shape(word)[1]
    f = b.bool(False)

    def embed(table, idx, shape):
        return b.op("torch.aten.embedding", [table, emit.as_i64(b, idx), b.int(-1), f, f],
                    b.vtensor(shape, elt))

    out_shape = emit.static_or_none([batch, seq]) + [hidden]
    total = embed(word, ids, out_shape)
    if pos_ids is None:
        pos_ids = emit.unsqueeze(b, emit.arange(b, seq), 0)
    pos = embed(pos_table, pos_ids, list(b.shape(pos_ids)) + [hidden])
    total = emit.binary(b, "add", total, pos)
    if seg_ids is not None:
        total = emit.binary(b, "add", total, embed(seg_table, seg_ids, out_shape))
    if b.shape(total) != tuple(out_shape):
        total = b.op("torch.tensor_static_info_cast", [total], b.vtensor(out_shape, elt))
    y, _, _ = nc.standardize(b, total, [2], b.attr_float("epsilon", 1e-12),
                             _stat_dtype(b, word))
    y = emit.binary(b, "add", emit.binary(b, "mul", emit.to_dtype(b, y, elt), gamma), beta)
    outs = [y, None, total if _wanted(b, 2) else None]
    if _wanted(b, 1):
        si32 = b.int(b.torch_dtype_of("si32"))
        mask_type = b.vtensor(emit.static_or_none([batch]), "si32")
        if mask is None:
            # Without a mask onnxruntime's kernels write zeros (the optimizer's fusions name
            # this output "dummy_mask_index", e.g. GPT-2's).
            none = b.none()
            outs[1] = b.op("torch.aten.zeros", [b.int_list([batch]), si32, none, none, none],
                           mask_type)
        else:
            # onnxruntime's mask_index is the number of entries equal to 1 per row (int32).
            m = b.op("torch.aten.eq.Scalar", [mask, b.int(1)], emit.like(b, mask, "i1"))
            m = emit.to_dtype(b, m, "si32")
            outs[1] = b.op("torch.aten.sum.dim_IntList", [m, b.int_list([1]), f, si32],
                           mask_type)
    return outs[: b.num_results]


# ---------------------------------------------------------------- type inference


def _infer_skip_ln(node, ins):
    x = ins[0]
    stat = None if x is None or x[1] is None else (inf.FLOAT, list(x[1][:-1]) + [1])
    return [x, stat, stat, x][: len(node.output)]


def _infer_simplified_ln(node, ins):
    x = ins[0]
    if x is None or x[1] is None:
        return [x, None][: len(node.output)]
    axis = inf.attrs(node).get("axis", -1) % len(x[1])
    stat = (inf.FLOAT, list(x[1][:axis]) + [1] * (len(x[1]) - axis))
    return [x, stat][: len(node.output)]


def _infer_layer_norm(node, ins):
    x = _infer_simplified_ln(node, ins)
    return [x[0]] + [x[1] if len(x) > 1 else None] * (len(node.output) - 1)


def _infer_embed_ln(node, ins):
    ids, word = ins[0], ins[2]
    if ids is None or word is None or ids[1] is None or word[1] is None:
        return [None] * len(node.output)
    out = (word[0], list(ids[1]) + [word[1][1]])
    mask = (inf.INT32, [ids[1][0]])
    return [out, mask, out][: len(node.output)]


TABLE = [
    ("EmbedLayerNormalization", 1, embed_layer_normalization),
    ("QEmbedLayerNormalization", 1, qembed_layer_normalization),
    ("SkipLayerNormalization", 1, skip_layer_normalization),
    ("SkipSimplifiedLayerNormalization", 1, skip_simplified_layer_normalization),
]

ONNX_DOMAIN_TABLE = [
    ("LayerNormalization", 1, layer_normalization),
    ("SimplifiedLayerNormalization", 1, simplified_layer_normalization),
]

INFER = {
    "EmbedLayerNormalization": _infer_embed_ln,
    "QEmbedLayerNormalization": lambda node, ins: _infer_embed_ln(
        node, [ins[0], None, (ins[8][0], ins[2][1]) if ins[2] and len(ins) > 8 and ins[8]
               else None]),
    "SkipLayerNormalization": _infer_skip_ln,
    "SkipSimplifiedLayerNormalization": _infer_skip_ln,
}

ONNX_DOMAIN_INFER = {
    "LayerNormalization": _infer_layer_norm,
    "SimplifiedLayerNormalization": _infer_simplified_ln,
}


def populate(registry) -> None:
    """Register this module's contrib patterns."""
    from . import register_tables

    register_tables(sys.modules[__name__], registry)
