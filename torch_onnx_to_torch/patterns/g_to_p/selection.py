"""G-P selection ops: OneHot, NonZero, NonMaxSuppression."""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from torch_mlir import ir

from ... import dtypes, emit
from ...binder import Binder, Unsupported
from ..families import register_table
from .gather import scalar_int


def one_hot(b: Binder):
    """OneHot-9..28 -> aten.eq.Tensor of the indices against aten.arange(depth) +
    aten.where.self(values[1], values[0]); negative indices wrap from 11, out-of-range ones
    give all off; a run-time depth is taken from the declared result where static."""
    idx, depth_t, values = b.input(0), b.input(1), b.input(2)
    emit.reject_strings(b, values)
    ishape, ielt = b.tensor_info(idx)
    if ishape is None:
        raise Unsupported("indices rank is unknown")
    if ielt in ("ui32", "ui64", "ui16") or b.dtype(depth_t) in ("ui32", "ui64", "ui16"):
        raise Unsupported("unsigned 16/32/64-bit indices or depth have no torch equivalent")
    velt = b.dtype(values)
    rank = len(ishape) + 1
    axis = emit.normalize_axis(b.attr_int("axis", -1), rank)
    depth_vals = b.const_value(depth_t)
    if depth_vals is not None:
        if depth_vals.size != 1:
            raise Unsupported("depth must have one element")
        if not np.isfinite(depth_vals.reshape(-1)[0]):
            raise Unsupported(f"depth {depth_vals.reshape(-1)[0]} is not finite")
        depth = int(depth_vals.reshape(-1)[0])  # a float depth truncates, as ONNX casts it
        if depth < 1:
            raise Unsupported(f"depth {depth} must be positive")
    elif (declared := b.shape(b.result_type())) is not None and len(declared) == rank and \
            declared[axis] is not None:
        depth = declared[axis]  # no aten.item (TOSA and StableHLO cannot lower it)
    else:
        if dtypes.is_float(b.dtype(depth_t)):
            depth_t = emit.to_dtype(b, depth_t, "si64")  # truncates toward zero, as ONNX
        depth = scalar_int(b, depth_t, "depth")
    # Float indices are truncated toward zero (ONNX casts them to int64).
    idx = emit.as_i64(b, idx)
    if b.opset >= 11:
        neg = b.op("torch.aten.lt.Scalar", [idx, b.int(0)], emit.like(b, idx, "i1"))
        plus = b.op("torch.aten.add.Scalar", [idx, emit.int_value(b, depth), b.int(1)],
                    emit.like(b, idx))
        idx = b.op("torch.aten.where.self", [neg, plus, idx], emit.like(b, idx))
    idx = emit.unsqueeze(b, idx, axis)
    ramp_shape = [1] * rank
    ramp_shape[axis] = depth
    ramp = emit.reshape(b, emit.arange(b, depth), ramp_shape, emit.static_or_none(ramp_shape))
    out_shape = list(ishape[:axis]) + [depth if isinstance(depth, int) else None] + \
        list(ishape[axis:])
    hit = b.op("torch.aten.eq.Tensor", [idx, ramp], b.vtensor(out_shape, "i1"))
    flat = emit.reshape(b, values, [2], [2])
    off, on = (b.op("torch.aten.select.int", [flat, b.int(0), b.int(i)], b.vtensor([], velt))
               for i in (0, 1))
    return b.op("torch.aten.where.self", [hit, on, off], b.vtensor(out_shape, velt))


def non_zero(b: Binder):
    """NonZero-9..13 -> aten.nonzero + aten.transpose.int (ONNX puts the rank first)."""
    x = b.input(0)
    emit.reject_strings(b, x)
    rank = b.rank(x)
    found = b.op("torch.aten.nonzero", [x], b.vtensor([None, rank], "si64"))
    return b.op("torch.aten.transpose.int", [found, b.int(0), b.int(1)],
                b.vtensor([rank, None], "si64"))


def _scalar_float(b: Binder, v: ir.Value | None, default: float, what: str):
    """A one-element float operand as a Python float if constant, else a `!torch.float`."""
    if v is None:
        return default
    vals = b.const_value(v)
    if vals is not None:
        if vals.size != 1:
            raise Unsupported(f"{what} must have one element")
        return float(vals.reshape(-1)[0])
    shape = b.shape(v)
    if shape is not None and any(d is not None and d != 1 for d in shape):
        raise Unsupported(f"{what} must have one element, got shape {list(shape)}")
    return b.op("torch.aten.item", [emit.to_dtype(b, v, "f64")], b.types.float)


def non_max_suppression(b: Binder):
    """NonMaxSuppression-10..11 -> per (batch, class): torchvision.nms, the kept boxes above
    score_threshold (aten.gt.Tensor + aten.nonzero + aten.index_select), aten.slice.Tensor to
    max_output_boxes_per_class, aten.stack of (batch, class, box); several (batch, class)
    pairs in a torch.prim.Loop (aten.slice_scatter into slots, aten.nonzero to compact).

    The batch and class counts must be static."""
    boxes, scores = b.input(0), b.input(1)
    bshape, belt = b.tensor_info(boxes)
    sshape = b.shape(scores)
    if bshape is None or sshape is None or len(bshape) != 3 or len(sshape) != 3:
        raise Unsupported("boxes and scores must have rank 3")
    n_batch, n_class, n_boxes = sshape
    if n_batch is None or n_class is None:
        raise Unsupported("the batch and class counts must be static")
    if bshape[2] != 4:
        raise Unsupported("boxes must have 4 coordinates")
    if belt not in ("f32", "f64", "f16"):
        raise Unsupported(f"boxes of dtype {belt} are not supported")
    if b.dtype(scores) != belt:
        raise Unsupported("boxes and scores dtypes differ")
    center = b.attr_int("center_point_box", 0)
    if center not in (0, 1):
        raise Unsupported(f"center_point_box {center} must be 0 or 1")
    max_out_t = b.optional_input(2)
    max_out = 0 if max_out_t is None else scalar_int(b, max_out_t, "max_output_boxes_per_class")
    iou = _scalar_float(b, b.optional_input(3), 0.0, "iou_threshold")
    thr_t = b.optional_input(4)
    if thr_t is not None and b.shape(thr_t) is not None and 0 in b.shape(thr_t):
        thr_t = None  # an empty score_threshold means none
    rows_t = b.vtensor([None, 3], "si64")
    if isinstance(max_out, int) and max_out <= 0:
        none = b.none()
        return b.op("torch.aten.empty.memory_format",
                    [b.int_list([0, 3]), b.int(b.torch_dtype_of("si64")), none, none, none,
                     none], b.vtensor([0, 3], "si64"))
    args = _NmsArgs(boxes, scores, center, b.float(iou) if isinstance(iou, float) else iou,
                    None if thr_t is None else emit.reshape(b, thr_t, [], []),
                    emit.int_value(b, max_out))
    # Every torchvision.nms of a function gets its own box count (see _padded).
    taken = _nms_sizes(b)
    pad = 0
    if n_boxes is not None:
        while n_boxes + pad in taken:
            pad += 1
    if n_batch * n_class == 1:
        return _nms_group(b, args, b.int(0), b.int(0), pad)
    # One nms in a loop over the (batch, class) pairs: unrolled, every nms is a loop nest of
    # its own, and 90 classes take minutes to compile. Group g writes its rows into slots
    # [g * n, g * n + k) of a buffer of "-size" rows (aten.slice_scatter), compacted after
    # the loop: IREE loses the data of a loop-carried tensor grown with aten.cat. The fill
    # value is distinct per NMS op of the function, so no two loops start from one buffer.
    groups = n_batch * n_class
    n = emit.dim_sizes(b, scores)[2]
    size = (n_boxes or 0) + pad
    slots = emit.int_mul(b, groups, n)
    buf_t = b.vtensor(emit.static_or_none([slots, 3]), "si64")
    none = b.none()
    init = b.op("torch.aten.full", [b.int_list([slots, 3]), b.int(-size - 1),
                                    b.int(b.torch_dtype_of("si64")), none, none, none], buf_t)
    loop = ir.Operation.create("torch.prim.Loop", results=[buf_t],
                               operands=[b.int(groups), b.bool(True), init],
                               regions=1, loc=b.loc, ip=b.ip)
    b.created.append(loop)
    body = loop.regions[0].blocks.append(b.types.int, buf_t)
    outer, b.ip = b.ip, ir.InsertionPoint(body)
    try:
        g, buf = body.arguments
        bi = b.op("torch.aten.floordiv.int", [g, b.int(n_class)], b.types.int)
        ci = b.op("torch.aten.remainder.int", [g, b.int(n_class)], b.types.int)
        rows = _nms_group(b, args, bi, ci, pad)
        start = b.op("torch.aten.mul.int", [g, emit.int_value(b, n)], b.types.int)
        end = b.op("torch.aten.add.int", [start, emit.size(b, rows, 0)], b.types.int)
        buf = b.op("torch.aten.slice_scatter", [buf, rows, b.int(0), start, end, b.int(1)],
                   buf_t)
        b.created.append(ir.Operation.create("torch.prim.Loop.condition", results=[],
                                             operands=[b.bool(True), buf], loc=b.loc,
                                             ip=b.ip))
    finally:
        b.ip = outer
    buf = loop.results[0]
    box = b.op("torch.aten.select.int", [buf, b.int(1), b.int(2)],
               b.vtensor(b.shape(buf)[:1], "si64"))
    used = b.op("torch.aten.ge.Scalar", [box, b.int(0)], b.vtensor(b.shape(buf)[:1], "i1"))
    where = b.op("torch.aten.nonzero", [used], b.vtensor([None, 1], "si64"))
    where = emit.reshape(b, where, [-1], [None])
    return b.op("torch.aten.index_select", [buf, b.int(0), where], rows_t)


class _NmsArgs(NamedTuple):
    boxes: ir.Value
    scores: ir.Value
    center: int
    iou: ir.Value  # !torch.float
    threshold: ir.Value | None  # rank-0 tensor
    max_out: ir.Value  # !torch.int


def _nms_group(b: Binder, a: _NmsArgs, bi: ir.Value, ci: ir.Value, pad: int) -> ir.Value:
    """The [k, 3] selected (batch, class, box) rows of batch `bi`, class `ci`."""
    vt = b.vtensor
    bshape, belt = b.tensor_info(a.boxes)
    sshape = b.shape(a.scores)
    n_boxes = sshape[2]
    one = b.int(1)
    bx = b.op("torch.aten.select.int", [a.boxes, b.int(0), bi], vt(bshape[1:], belt))
    if a.center:
        bx = _corners(b, bx)
    sc = b.op("torch.aten.select.int", [a.scores, b.int(0), bi], vt(sshape[1:], belt))
    sc = b.op("torch.aten.select.int", [sc, b.int(0), ci], vt([n_boxes], belt))
    keep = b.op("torch.torchvision.nms", [*_padded(b, bx, sc, pad), a.iou], vt([None], "si64"))
    mask = None
    if pad:  # drop the padding boxes
        mask = b.op("torch.aten.lt.Scalar", [keep, emit.size(b, bx, 0)], vt([None], "i1"))
    if a.threshold is not None:
        kept = b.op("torch.aten.index_select", [sc, b.int(0), keep], vt([None], belt))
        above = b.op("torch.aten.gt.Tensor", [kept, a.threshold], vt([None], "i1"))
        mask = above if mask is None else b.op("torch.aten.logical_and", [mask, above],
                                               vt([None], "i1"))
    if mask is not None:
        where = b.op("torch.aten.nonzero", [mask], vt([None, 1], "si64"))
        keep = b.op("torch.aten.index_select",
                    [keep, b.int(0), emit.reshape(b, where, [-1], [None])], vt([None], "si64"))
    count = b.op("torch.prim.min.int", [emit.size(b, keep, 0), a.max_out], b.types.int)
    keep = b.op("torch.aten.slice.Tensor", [keep, b.int(0), b.int(0), count, one],
                vt([None], "si64"))
    cols = []
    for fill in (bi, ci):
        none = b.none()
        cols.append(b.op("torch.aten.full_like", [keep, fill, none, none, none, none, none],
                         vt([None], "si64")))
    cols.append(keep)
    return b.op("torch.aten.stack", [b.tensor_list(cols), one], vt([None, 3], "si64"))


def _nms_sizes(b: Binder) -> set:
    """The box counts of the torchvision.nms ops already in the enclosing function."""
    func = b.onnx_op.parent
    while func is not None and func.name != "func.func":
        func = func.parent
    sizes = set()
    if func is None:
        return sizes

    def visit(op):
        if op.name == "torch.torchvision.nms":
            shape = b.shape(op.operands[0])
            if shape:
                sizes.add(shape[0])
        return ir.WalkResult.ADVANCE

    func.walk(visit, ir.WalkOrder.PRE_ORDER)
    return sizes


def _padded(b: Binder, bx: ir.Value, sc: ir.Value, pad: int):
    """`pad` empty boxes with score -inf appended to boxes and scores.

    They come last in the score order and never suppress a box (their IoU is 0), so they change
    nothing but the sizes. Every torchvision.nms of a function gets its own box count: IREE
    miscompiles two nms of the same size in one function (their loops share the CSE'd initial
    tensors, and each corrupts the other's result)."""
    if not pad:
        return bx, sc
    (n, _), elt = b.tensor_info(bx)
    n2 = None if n is None else n + pad
    zero = b.int(0)
    boxes = b.op("torch.aten.cat", [b.tensor_list([bx, emit.array_literal(
        b, np.zeros((pad, 4)), elt)]), zero], b.vtensor([n2, 4], elt))
    scores = b.op("torch.aten.cat", [b.tensor_list([sc, emit.array_literal(
        b, np.full(pad, -np.inf), elt)]), zero], b.vtensor([n2], elt))
    return boxes, scores


def _corners(b: Binder, bx: ir.Value) -> ir.Value:
    """[x_center, y_center, w, h] boxes [N, 4] as corners [x1, y1, x2, y2]."""
    shape, elt = b.tensor_info(bx)
    half_t = b.vtensor([shape[0], 2], elt)
    one = b.int(1)
    centers = b.op("torch.aten.slice.Tensor", [bx, one, b.int(0), b.int(2), one], half_t)
    sizes = b.op("torch.aten.slice.Tensor", [bx, one, b.int(2), b.int(4), one], half_t)
    half = b.op("torch.aten.div.Scalar", [sizes, b.float(2.0)], half_t)
    lo = b.op("torch.aten.sub.Tensor", [centers, half, one], half_t)
    hi = b.op("torch.aten.add.Tensor", [centers, half, one], half_t)
    return b.op("torch.aten.cat", [b.tensor_list([lo, hi]), one], b.vtensor(shape, elt))


TABLE = [
    ("NonMaxSuppression", 10, non_max_suppression),
    ("NonZero", 9, non_zero),
    ("OneHot", 9, one_hot),
]


def populate(registry) -> None:
    """Register the G-P selection patterns."""
    register_table(registry, TABLE)
