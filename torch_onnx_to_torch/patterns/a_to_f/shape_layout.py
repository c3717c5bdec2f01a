"""Layout and shape ops DepthToSpace, Expand, Flatten, EyeLike, plus the small D-F ops Det,
Dropout and the elementwise Div, Elu, Equal, Erf, Exp, Floor.

DFT, DeformConv, the quantize ops and Einsum live in their own modules (dft, deform_conv,
quantize, einsum).
"""

from __future__ import annotations

from torch_mlir import ir

from ... import dtypes, emit
from ...binder import Binder, Unsupported
from ...folding import known_entries
from ..families import binary, local, register_table, unary


# ------------------------------------------------------------------ handlers
def _no_strings(handler):
    """Wrap a binary-family handler so that string tensors are declined, not miscompiled."""

    def wrapped(b: Binder):
        for v in b.inputs():
            emit.reject_strings(b, v)
        return handler(b)

    wrapped.__name__ = handler.__name__
    wrapped.__doc__ = handler.__doc__ + "; string tensors declined"
    return wrapped


def depth_to_space(b: Binder):
    """DepthToSpace-1..28 (DCR and CRD modes) -> aten.reshape + aten.permute + aten.reshape"""
    x = b.input(0)
    emit.reject_strings(b, x)
    bs = b.attr_int("blocksize")
    mode = b.attr_str("mode", "DCR") if b.opset >= 11 else "DCR"
    if mode not in ("DCR", "CRD"):
        raise Unsupported(f"unknown mode '{mode}'")
    if bs < 1:
        raise Unsupported(f"blocksize {bs} must be positive")
    if b.rank(x) != 4:
        raise Unsupported(f"input must have rank 4, got {b.rank(x)}")
    n, c, h, w = emit.dim_sizes(b, x)
    if isinstance(c, int) and c % (bs * bs):
        raise Unsupported(f"channels {c} are not a multiple of blocksize^2 = {bs * bs}")
    c_out = emit.int_floordiv(b, c, bs * bs)
    if mode == "DCR":
        split, perm = [n, bs, bs, c_out, h, w], [0, 3, 4, 1, 5, 2]
    else:
        split, perm = [n, c_out, bs, bs, h, w], [0, 1, 4, 2, 5, 3]
    y = emit.reshape(b, x, split, emit.static_or_none(split))
    y = emit.permute(b, y, perm)
    out = [n, c_out, emit.int_mul(b, h, bs), emit.int_mul(b, w, bs)]
    return emit.reshape(b, y, out, emit.static_or_none(out))


def det(b: Binder):
    """Det-11..22 -> LU elimination with partial pivoting (aten.argmax, where, sum, mul, div)

    Unrolled over the static matrix size.
    """
    # aten.linalg_det is not used: torch-mlir lowers it without pivoting, so a zero leading
    # entry (e.g. [[0, 1], [2, 3]]) gives NaN.
    x = b.input(0)
    shape, elt = b.tensor_info(x)
    if shape is None or len(shape) < 2:
        raise Unsupported("input must have rank >= 2")
    n = shape[-1]
    if n is None or shape[-2] != n:
        raise Unsupported("the matrix size must be static and square")
    if n == 0:
        raise Unsupported("0x0 matrices are not supported")
    if elt not in ("f16", "bf16", "f32", "f64"):
        raise Unsupported(f"dtype {elt} is not supported")
    work = "f64" if elt == "f64" else "f32"
    m = emit.to_dtype(b, x, work)
    batch = list(shape[:-2])
    nb = len(batch)

    def t(dims, e=work):
        return b.vtensor(batch + list(dims), e)

    def entry(mat, size, i, j):  # mat[..., i, j] as [..., 1, 1]
        row = b.op("torch.aten.slice.Tensor", [mat, b.int(nb), b.int(i), b.int(i + 1), b.int(1)],
                   t([1, size]))
        return b.op("torch.aten.slice.Tensor", [row, b.int(nb + 1), b.int(j), b.int(j + 1),
                                                b.int(1)], t([1, 1]))

    none = b.none()
    acc = None  # running product of pivots (with the sign of the row swaps), [..., 1, 1]
    for size in range(n, 1, -1):
        col = b.op("torch.aten.slice.Tensor", [m, b.int(nb + 1), b.int(0), b.int(1), b.int(1)],
                   t([size, 1]))
        mag = b.op("torch.aten.abs", [col], t([size, 1]))
        p = b.op("torch.aten.argmax", [mag, b.int(nb), b.bool(True)], t([1, 1], "si64"))
        idx = emit.arange(b, size)
        idx = emit.reshape(b, idx, [size, 1], [size, 1])
        is_p = b.op("torch.aten.eq.Tensor", [idx, p], t([size, 1], "i1"))
        pivot_row = b.op("torch.aten.mul.Tensor", [m, emit.to_dtype(b, is_p, work)],
                         t([size, size]))
        pivot_row = b.op("torch.aten.sum.dim_IntList",
                         [pivot_row, b.int_list([nb]), b.bool(True), none], t([1, size]))
        first = b.op("torch.aten.slice.Tensor", [m, b.int(nb), b.int(0), b.int(1), b.int(1)],
                     t([1, size]))
        # Swap row p into row 0: row p gets the old row 0; the rows below 0 are all we keep.
        swapped = b.op("torch.aten.where.self", [is_p, first, m], t([size, size]))
        rest = b.op("torch.aten.slice.Tensor", [swapped, b.int(nb), b.int(1), b.int(size),
                                                b.int(1)], t([size - 1, size]))
        pivot = entry(pivot_row, size, 0, 0)
        swapped_sign = b.op("torch.aten.ne.Scalar", [p, b.int(0)], t([1, 1], "i1"))
        signed = b.op("torch.aten.where.self", [swapped_sign, b.op("torch.aten.neg", [pivot],
                                                                    t([1, 1])), pivot],
                      t([1, 1]))
        acc = signed if acc is None else b.op("torch.aten.mul.Tensor", [acc, signed], t([1, 1]))
        # A zero pivot means a zero column: the determinant is 0 (acc holds it); divide by 1
        # instead so that no NaN reaches the product.
        is_zero = b.op("torch.aten.eq.Scalar", [pivot, b.int(0)], t([1, 1], "i1"))
        safe = b.op("torch.aten.where.ScalarSelf", [is_zero, b.float(1.0), pivot], t([1, 1]))
        lead = b.op("torch.aten.slice.Tensor", [rest, b.int(nb + 1), b.int(0), b.int(1),
                                                b.int(1)], t([size - 1, 1]))
        factor = b.op("torch.aten.div.Tensor", [lead, safe], t([size - 1, 1]))
        update = b.op("torch.aten.mul.Tensor", [factor, pivot_row], t([size - 1, size]))
        rest = b.op("torch.aten.sub.Tensor", [rest, update, b.int(1)], t([size - 1, size]))
        m = b.op("torch.aten.slice.Tensor", [rest, b.int(nb + 1), b.int(1), b.int(size),
                                             b.int(1)], t([size - 1, size - 1]))
    acc = m if acc is None else b.op("torch.aten.mul.Tensor", [acc, m], t([1, 1]))
    flat = emit.reshape(b, acc, [d if d is not None else emit.size(b, x, i)
                                 for i, d in enumerate(batch)], batch)
    return emit.to_dtype(b, flat, elt)


def _ones_like(b: Binder, x: ir.Value, result: ir.Type) -> ir.Value:
    """`aten.ones_like(x)` with the dtype of `result` (Dropout's all-kept mask)."""
    elt = b.tensor_info(result)[1]
    none = b.none()
    return b.op("torch.aten.ones_like", [x, b.int(b.torch_dtype_of(elt)), none, none, none, none],
                b.vtensor(b.shape(x), elt))


def _const_scalar(b: Binder, v: ir.Value | None):
    """The value of a one-element constant operand, else None."""
    if v is None:
        return None
    vals = b.const_value(v)
    if vals is None or vals.size != 1:
        return None
    return vals.reshape(-1)[0].item()


def dropout(b: Binder):
    """Dropout-1..22 -> identity + aten.ones_like mask; training: aten.rand_like >= ratio

    Training mode exists from opset 12 (training_mode true, or a runtime tensor selecting
    with aten.where.self); kept elements are scaled by 1/(1-ratio).
    """
    x = b.input(0)
    x_shape, x_elt = b.tensor_info(x)
    want_mask = b.num_results > 1 and next(iter(b.onnx_op.results[1].uses), None) is not None
    if b.opset < 12:
        # Before opset 12 the runtime, not the graph, picks training or test mode; we convert
        # for inference, where the output is the input.
        mask = _ones_like(b, x, b.result_type(1)) if want_mask else None
        return [x, mask] if b.num_results > 1 else x
    ratio_v, train_v = b.optional_input(1), b.optional_input(2)
    ratio = 0.5 if ratio_v is None else _const_scalar(b, ratio_v)  # None: a runtime ratio
    train = False if train_v is None else _const_scalar(b, train_v)  # None: runtime mode
    if (train is not None and not train) or ratio == 0:
        mask = _ones_like(b, x, b.result_type(1)) if want_mask else None
        return [x, mask] if b.num_results > 1 else x
    if x_elt not in ("f16", "bf16", "f32", "f64"):
        raise Unsupported(f"training-mode dropout of {x_elt} is not supported")
    x_type, bool_type = b.vtensor(x_shape, x_elt), b.vtensor(x_shape, "i1")
    none = b.none()
    rnd = b.op("torch.aten.rand_like", [x, none, none, none, none, none], x_type)
    if ratio is not None:
        keep = b.op("torch.aten.ge.Scalar", [rnd, b.float(ratio)], bool_type)
        kept = b.op("torch.aten.mul.Tensor", [x, emit.to_dtype(b, keep, x_elt)], x_type)
        # ratio 1 keeps nothing: 0 * inf, as the ONNX reference computes it
        scale = 1.0 / (1.0 - ratio) if ratio != 1.0 else float("inf")
        y = b.op("torch.aten.mul.Scalar", [kept, b.float(scale)], x_type)
    else:
        r = emit.to_dtype(b, ratio_v, x_elt)
        r_type = b.vtensor(b.shape(r), x_elt)
        keep = b.op("torch.aten.ge.Tensor", [rnd, r], bool_type)
        kept = b.op("torch.aten.mul.Tensor", [x, emit.to_dtype(b, keep, x_elt)], x_type)
        one_minus = b.op("torch.aten.rsub.Scalar", [r, b.float(1.0), b.int(1)], r_type)
        scale = b.op("torch.aten.reciprocal", [one_minus], r_type)
        y = b.op("torch.aten.mul.Tensor", [kept, scale], x_type)
    if train is None:  # a runtime training_mode selects between the two results
        y = b.op("torch.aten.where.self", [train_v, y, x], x_type)
        if want_mask:
            test = b.op("torch.aten.logical_not", [train_v], b.vtensor(b.shape(train_v), "i1"))
            keep = b.op("torch.aten.logical_or", [keep, test], bool_type)
    return [y, keep if want_mask else None] if b.num_results > 1 else y


@local
def elu(b: Binder):
    """Elu-1..22 -> aten.elu"""
    alpha = b.attr_float("alpha", 1.0)
    return b.op("torch.aten.elu", [b.input(0), b.float(alpha), b.float(1.0), b.float(1.0)],
                b.result_type())


def expand(b: Binder):
    """Expand-8..13 -> aten.broadcast_to (+ aten.index_select for dynamic dims that may be 1)

    The shape is a constant or a runtime tensor of static length, whose entries known at
    conversion time are used as constants (folding.known_entries); broadcasting is bidirectional
    (shape entries of 1 keep the input's dims).
    """
    x, shape_v = b.input(0), b.input(1)
    emit.reject_strings(b, x)
    in_shape, out_shape = b.shape(x), b.shape(b.result_type())
    if b.const_value(shape_v) is None and in_shape is not None and None not in in_shape and \
            out_shape is not None and None not in out_shape and len(out_shape) >= len(in_shape):
        # Static input and declared result: the shape's entries need no run-time read (an
        # aten.item, which TOSA and StableHLO cannot lower); the result is the declared shape.
        for d, o in zip(in_shape[::-1], out_shape[::-1]):
            if d not in (1, o):
                raise Unsupported(f"input {list(in_shape)} cannot broadcast to {list(out_shape)}")
        return b.op("torch.aten.broadcast_to", [x, b.int_list(list(out_shape))],
                    b.result_type())
    target = emit.int_entries(b, shape_v, "shape")
    if any(isinstance(s, ir.Value) for s in target):
        known = known_entries(b, shape_v) or [None] * len(target)
        target = [s if k is None else k for s, k in zip(target, known)]
    rank = b.rank(x)
    n = max(len(target), rank)
    target = [1] * (n - len(target)) + target
    lead = n - rank  # new leading dims of size 1: broadcast_to adds them
    in_dims = [1] * lead + emit.dim_sizes(b, x)
    out_static = b.shape(b.result_type())
    if out_static is not None and len(out_static) != n:
        raise Unsupported(f"result rank {len(out_static)} is not {n}")
    elt = b.dtype(x)
    dims = []
    for i, (s, d) in enumerate(zip(target, in_dims)):
        if isinstance(s, int) and isinstance(d, int):
            if s != 1 and d != 1 and s != d:
                raise Unsupported(f"shape {s} cannot broadcast with input dim {d}")
            out = d if s == 1 else s
        elif isinstance(s, int) and s == 1:
            out = d
        elif isinstance(d, int):
            out = s if d == 1 else d  # a runtime s is 1 or d
        elif isinstance(s, int):
            out = s  # a static s other than 1: the runtime d is 1 or s
        else:
            # out = s, unless s == 1 where the input dim wins: s + (s == 1) * (d - 1)
            is_one = b.op("torch.aten.eq.int", [s, b.int(1)], b.types.bool)
            pick = b.op("torch.aten.Int.bool", [is_one], b.types.int)
            extra = b.op("torch.aten.sub.int", [d, b.int(1)], b.types.int)
            out = b.op("torch.aten.add.int",
                       [s, b.op("torch.aten.mul.int", [pick, extra], b.types.int)], b.types.int)
        if out_static is not None and out_static[i] is not None:
            out = out_static[i]
        if isinstance(d, ir.Value) and not (isinstance(s, int) and s == 1):
            # A dynamic input dim may be 1 at run time, and torch-mlir lowers broadcast_to
            # as if dynamic dims never were: pick the elements by index instead
            # (index k, or 0 when the dim is 1).
            many = b.op("torch.aten.ne.int", [d, b.int(1)], b.types.bool)
            keep = b.op("torch.aten.Int.bool", [many], b.types.int)
            idx = emit.arange(b, out)
            idx = b.op("torch.aten.mul.Scalar", [idx, keep], idx.type)
            shape = list(b.shape(x))
            shape[i - lead] = out if isinstance(out, int) else None
            x = b.op("torch.aten.index_select", [x, b.int(i - lead), idx], b.vtensor(shape, elt))
        dims.append(out)
    return b.op("torch.aten.broadcast_to", [x, b.int_list(dims)],
                b.vtensor(emit.static_or_none(dims), elt))


def eye_like(b: Binder):
    """EyeLike-9..22 (k, dtype) -> aten.arange + aten.eq.Tensor + aten.to.dtype"""
    x = b.input(0)
    if b.rank(x) != 2:
        raise Unsupported(f"input must have rank 2, got {b.rank(x)}")
    if b.has_attr("dtype"):
        code = b.attr_int("dtype")
        out_elt = dtypes.onnx_to_mlir(code)
        if out_elt is None:
            raise Unsupported(f"unknown dtype {code}")
    else:
        out_elt = b.dtype(x)
    b.torch_dtype_of(out_elt)
    k = b.attr_int("k", 0)
    rows, cols = emit.dim_sizes(b, x)

    def arange(n, shape):
        return emit.reshape(b, emit.arange(b, n), shape, emit.static_or_none(shape))

    r = arange(rows, [rows, 1])
    if k:
        r = b.op("torch.aten.add.Scalar", [r, b.int(k), b.int(1)], r.type)
    c = arange(cols, [1, cols])
    shape = emit.static_or_none([rows, cols])
    on_diag = b.op("torch.aten.eq.Tensor", [r, c], b.vtensor(shape, "i1"))
    return emit.to_dtype(b, on_diag, out_elt)


def flatten(b: Binder):
    """Flatten-1..25 (axis, negative axis, axis=0) -> aten.reshape to 2-D (through a 1-D
    aten.flatten.using_ints for dynamic dims next to a 1, see emit.reshape)"""
    x = b.input(0)
    emit.reject_strings(b, x)
    dims = emit.dim_sizes(b, x)
    rank = len(dims)
    axis = b.attr_int("axis", 1)
    if not -rank <= axis <= rank:
        raise Unsupported(f"axis {axis} is out of range for rank {rank}")
    axis = axis + rank if axis < 0 else axis
    out = [emit.int_prod(b, dims[:axis]), emit.int_prod(b, dims[axis:])]
    return emit.reshape(b, x, out, emit.static_or_none(out))


TABLE = [
    ("DepthToSpace", 1, depth_to_space),
    ("Det", 11, det),
    ("Div", 1, binary("div", "Div", "1..14")),
    ("Dropout", 1, dropout),
    ("Elu", 1, elu),
    ("Equal", 1, _no_strings(binary("eq", "Equal", "1..19"))),
    ("Erf", 9, unary("torch.aten.erf", "Erf", "9..13")),
    ("Exp", 1, unary("torch.aten.exp", "Exp", "1..13")),
    ("Expand", 8, expand),
    ("EyeLike", 9, eye_like),
    ("Flatten", 1, flatten),
    ("Floor", 1, unary("torch.aten.floor", "Floor", "1..13")),
]


def populate(registry) -> None:
    """Register the D-F patterns."""
    register_table(registry, TABLE)
