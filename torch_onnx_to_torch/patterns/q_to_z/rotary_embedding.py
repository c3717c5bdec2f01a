"""RotaryEmbedding (RoPE) as slices, multiplies and a concat, in the input's own layout."""

from __future__ import annotations

from torch_mlir import ir

from ... import emit
from ...binder import Binder, Unsupported
from ..families import register_table


def _slice(b: Binder, v: ir.Value, start: int, end: int, step: int = 1) -> ir.Value:
    """`v[..., start:end:step]` on the last dim (static bounds)."""
    shape, elt = b.tensor_info(v)
    out = list(shape)
    out[-1] = len(range(start, end, step))
    return b.op("torch.aten.slice.Tensor", [v, b.int(len(shape) - 1), b.int(start), b.int(end),
                                            b.int(step)], b.vtensor(out, elt))


def _cache(b: Binder, cache: ir.Value, pos: ir.Value | None, half: int, what: str) -> ir.Value:
    """A cos/sin cache as [batch, seq, half]: rows picked by position_ids when given."""
    shape = b.shape(cache)
    if pos is None:
        if shape is None or len(shape) != 3:
            raise Unsupported(f"{what} must be 3-D [batch, seq, rotary_dim/2] without "
                              "position_ids")
        if shape[-1] not in (None, half):
            raise Unsupported(f"{what} last dim {shape[-1]} is not rotary_dim/2 = {half}")
        return cache
    if shape is None or len(shape) != 2:
        raise Unsupported(f"{what} must be 2-D [max_position, rotary_dim/2] with position_ids")
    if shape[-1] not in (None, half):
        raise Unsupported(f"{what} last dim {shape[-1]} is not rotary_dim/2 = {half}")
    p_shape = b.shape(pos)
    if p_shape is None or len(p_shape) != 2:
        raise Unsupported("position_ids must be 2-D [batch, seq]")
    sizes = emit.dim_sizes(b, pos)
    n = emit.int_mul(b, sizes[0], sizes[1])
    flat = emit.reshape(b, pos, [n], emit.static_or_none([n]))
    elt = b.dtype(cache)
    rows = b.op("torch.aten.index_select", [cache, b.int(0), flat],
                b.vtensor(emit.static_or_none([n]) + [half], elt))
    dims = sizes + [half]
    return emit.reshape(b, rows, dims, emit.static_or_none(dims))


def rotary_embedding(b: Binder):
    """RotaryEmbedding-23 (3-D with num_heads or 4-D input, interleaved, partial
    rotary_embedding_dim, position_ids) -> aten.slice.Tensor, aten.index_select for the
    caches, aten.mul/sub/add.Tensor, aten.stack/cat"""
    x, cos, sin, pos = b.input(0), b.input(1), b.input(2), b.optional_input(3)
    shape, elt = b.tensor_info(x)
    if shape is None or len(shape) not in (3, 4):
        raise Unsupported("input must be 3-D or 4-D")
    if elt not in ("f16", "bf16", "f32", "f64"):
        raise Unsupported(f"input dtype {elt} is not supported")
    interleaved = bool(b.attr_int("interleaved", 0))
    sizes = emit.dim_sizes(b, x)
    if len(shape) == 3:
        # [batch, seq, hidden] -> [batch, seq, heads, head_size]
        heads = b.attr_int("num_heads", 0)
        if heads < 1:
            raise Unsupported("a 3-D input needs the num_heads attribute")
        if not isinstance(sizes[2], int):
            raise Unsupported("a 3-D input needs a static hidden size")
        if sizes[2] % heads:
            raise Unsupported(f"hidden size {sizes[2]} is not a multiple of num_heads {heads}")
        dims = sizes[:2] + [heads, sizes[2] // heads]
        work = emit.reshape(b, x, dims, emit.static_or_none(dims))
        cache_dim = 2  # caches [batch, seq, half] broadcast as [batch, seq, 1, half]
    else:
        # [batch, heads, seq, head_size]: caches as [batch, 1, seq, half]
        work, cache_dim = x, 1
    head = b.shape(work)[-1]
    if head is None:
        raise Unsupported("head size must be static")
    rot = b.attr_int("rotary_embedding_dim", 0) or head
    if rot > head or rot % 2:
        raise Unsupported(f"rotary_embedding_dim {rot} must be even and at most {head}")
    half = rot // 2
    cos = emit.unsqueeze(b, _cache(b, cos, pos, half, "cos_cache"), cache_dim)
    sin = emit.unsqueeze(b, _cache(b, sin, pos, half, "sin_cache"), cache_dim)
    y = rotate(b, work, cos, sin, rot, interleaved)
    if len(shape) == 3:
        y = emit.reshape(b, y, sizes, shape)
    return y


def rotate(b: Binder, work: ir.Value, cos_g: ir.Value, sin_g: ir.Value, rot: int,
           interleaved: bool) -> ir.Value:
    """RoPE of the first `rot` features of the last dim of `work` by cos/sin caches
    broadcasting against its halves; the rest passes through. (Also com.microsoft
    RotaryEmbedding and GroupQueryAttention.)"""
    elt = b.dtype(work)
    head = b.shape(work)[-1]
    half = rot // 2
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
    return y


TABLE = [
    ("RotaryEmbedding", 23, rotary_embedding),
]


def populate(registry) -> None:
    """Register RotaryEmbedding."""
    register_table(registry, TABLE)
