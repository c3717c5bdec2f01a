"""The Reduce* family: one table, one handler.

Every member is `post(core(pre(x)))` over a set of axes: ReduceL1 is sum of abs, ReduceL2 the
sqrt of a sum of squares, ReduceLogSumExp a max-shifted log of a sum of exps, and so on. The
axes come from an attribute (before opset 18; ReduceSum before 13) or an input. Constant axes
become `aten.sum.dim_IntList` / `aten.amax` / ... directly, and so do run-time axes that the
static input and result shapes fix. Other run-time axes are reduced one dim at a time without
control flow: dim i of size n becomes a dim of size m = (i reduced ? 1 : n) through a [m, n]
mask (all true, or the identity) and a reduction of the masked values; keepdims=0 then
reshapes to the kept sizes, computed with integer arithmetic from the axes' values. A
reduction over a 0-sized dim is a constant (the identity element of the reduction).
"""

from __future__ import annotations

import itertools

import numpy as np
from torch_mlir import ir

from ... import dtypes, emit
from ...binder import Binder, Unsupported
from ..families import register_table

# ------------------------------------------------------------------------------- int arithmetic

def _iop(b: Binder, name: str, x, y):
    """`aten.<name>.int` on two sizes (ints or `!torch.int`), folded when both are ints."""
    if isinstance(x, int) and isinstance(y, int):
        return {"add": x + y, "sub": x - y, "mul": x * y}[name]
    if name == "add" and 0 in (x, y) or name == "sub" and y == 0:
        return x if isinstance(y, int) else y
    if name == "mul" and 1 in (x, y):
        return x if isinstance(y, int) else y
    if name == "mul" and 0 in (x, y):
        return 0
    return b.op(f"torch.aten.{name}.int", [emit.int_value(b, x), emit.int_value(b, y)],
                b.types.int)


def _dim(b: Binder, x: ir.Value, i: int):
    """Dim i of x: a Python int where static, else an `aten.size.int` value."""
    d = b.shape(x)[i]
    return d if d is not None else emit.size(b, x, i)


# ------------------------------------------------------------------------------- axes

class Axes:
    """The reduced dims: `static` (sorted normalized ints) when known at conversion time,
    else `flags`, one 0/1 `!torch.int` per dim of the input."""

    def __init__(self, rank: int, static: list[int] | None = None, flags: list | None = None,
                 n_axes: int = 0):
        self.rank = rank
        self.static = static
        self.flags = flags
        self.n_axes = len(static) if static is not None else n_axes  # the rank it removes

    def reduced_shape(self, shape, keepdim: bool):
        """The result shape for an input shape (unknown dims where the axes are dynamic)."""
        if shape is None:
            return None
        if self.static is None:
            return [None] * (len(shape) if keepdim else len(shape) - self.n_axes)
        if keepdim:
            return [1 if i in self.static else d for i, d in enumerate(shape)]
        return [d for i, d in enumerate(shape) if i not in self.static]


def read_axes(b: Binder, x: ir.Value, axes_from_input: bool, keepdim: bool) -> Axes:
    """The axes of a Reduce* op, from its attribute or its second input, with
    noop_with_empty_axes; an empty static list means "reduce nothing". Run-time axes are
    taken from the static shapes where those fix them (see `_axes_from_result`)."""
    rank = b.rank(x)
    if not axes_from_input:
        axes = b.attr_ints("axes", None)
        if not axes:
            return Axes(rank, list(range(rank)))
        return Axes(rank, _normalize(axes, rank))
    noop = bool(b.attr_int("noop_with_empty_axes", 0))
    t = b.optional_input(1)
    if t is not None:
        shape = b.shape(t)
        if shape is not None and len(shape) == 1 and shape[0] == 0:
            t = None  # an empty axes tensor, as if omitted
    if t is None:
        return Axes(rank, [] if noop else list(range(rank)))
    vals = b.const_value(t)
    if vals is not None:
        if vals.dtype.kind not in "iu":
            raise Unsupported(f"axes must be integers, got {vals.dtype}")
        axes = [int(v) for v in vals.reshape(-1)]
        if not axes:
            return Axes(rank, [] if noop else list(range(rank)))
        return Axes(rank, _normalize(axes, rank))
    t_shape = b.shape(t)
    if t_shape is None or len(t_shape) != 1:
        raise Unsupported("run-time axes must be a 1-D tensor")
    n_axes = t_shape[0]
    if n_axes is None and not keepdim:  # the result's rank tells how many dims go
        out_shape = b.shape(b.result_type())
        if out_shape is None:
            raise Unsupported("run-time axes of dynamic length with keepdims=0 need a ranked "
                              "result")
        n_axes = rank - len(out_shape)
    fixed = _axes_from_result(b, x, keepdim, n_axes)
    if fixed is not None:
        return fixed
    if keepdim:
        # Each result dim would be 1 or n at run time, typed `?`: torch-mlir's linalg lowering
        # takes a `?` dim as not broadcasting, so a later elementwise op with a size-1 one at
        # run time reads out of bounds (a wrong result, seen on RMSNormalization expanded).
        raise Unsupported("run-time axes that the static shapes do not fix leave keepdims "
                          "result dims dynamic (1 or n), which the lowering mis-broadcasts")
    if t_shape[0] is None:
        return Axes(rank, flags=_flags_of_tensor(b, t, rank, noop), n_axes=n_axes or 0)
    entries = emit.int_entries(b, t, "run-time axes")
    norm = [_iop(b, "add", a, _iop(b, "mul", emit.int_cmp(b, "lt", a, 0), rank)) for a in entries]
    flags = []
    for i in range(rank):
        hits = 0
        for a in norm:
            hits = _iop(b, "add", hits, emit.int_cmp(b, "eq", a, i))
        flags.append(hits if len(norm) == 1 else emit.int_cmp(b, "gt", hits, 0))
    return Axes(rank, flags=flags, n_axes=len(norm))


def _flags_of_tensor(b: Binder, t: ir.Value, rank: int, noop: bool) -> list:
    """The 0/1 "dim i is reduced" flags of a 1-D axes tensor of run-time length: an empty
    one means every dim, or none with noop_with_empty_axes."""
    t = emit.to_dtype(b, t, "si64")
    like = emit.like(b, t)
    neg = b.op("torch.aten.lt.Scalar", [t, b.int(0)], emit.like(b, t, "i1"))
    wrapped = b.op("torch.aten.add.Scalar", [t, b.int(rank), b.int(1)], like)
    t = b.op("torch.aten.where.self", [neg, wrapped, t], like)
    # size < 1, not size == 0: torch-mlir's ScalarizeShapes folds `size.int == 0` to false
    # (with a run-time assert), assuming it comes from Reshape
    empty = 0 if noop else emit.int_cmp(b, "lt", emit.size(b, t, 0), 1)
    flags = []
    for i in range(rank):
        hit = b.op("torch.aten.eq.Scalar", [t, b.int(i)], emit.like(b, t, "i1"))
        hits = b.op("torch.aten.sum", [emit.to_dtype(b, hit, "si64"), b.none()],
                    b.vtensor([], "si64"))
        hits = b.op("torch.aten.item", [hits], b.types.int)
        flags.append(emit.int_cmp(b, "gt", _iop(b, "add", hits, empty), 0))
    return flags


def _normalize(axes: list[int], rank: int) -> list[int]:
    norm = sorted({emit.normalize_axis(a, rank) for a in axes})
    if len(norm) != len(axes):
        raise Unsupported(f"axes {axes} repeat a dim")
    return norm


# ------------------------------------------------------------------------------- cores

_IDENTITY = {"sum": 0, "prod": 1}


def _identity(kind: str, elt: str):
    """The value a reduction of an empty set gives (also the mask filler)."""
    if kind in _IDENTITY:
        return _IDENTITY[kind]
    if dtypes.is_float(elt):
        return -np.inf if kind == "max" else np.inf
    info = np.iinfo(dtypes.BY_MLIR[elt].numpy)
    return int(info.min) if kind == "max" else int(info.max)


def _reduce_static(b: Binder, kind: str, x: ir.Value, dims: list[int], keepdim: bool):
    """`kind` (sum / prod / max / min) of `x` over the constant `dims` (none: `x` itself)."""
    if not dims:
        return x
    shape, elt = b.tensor_info(x)
    out = b.vtensor(Axes(len(shape), dims).reduced_shape(shape, keepdim), elt)
    k = b.bool(keepdim)
    if kind == "sum":
        return b.op("torch.aten.sum.dim_IntList",
                    [x, b.int_list(dims), k, b.int(b.torch_dtype_of(elt))], out)
    if kind in ("max", "min"):
        return b.op(f"torch.aten.a{kind}", [x, b.int_list(dims), k], out)
    # aten.prod takes one dim: from the last, so that the earlier indices stay valid
    for d in reversed(dims):
        cur_shape = b.shape(x)
        nxt = Axes(len(cur_shape), [d]).reduced_shape(cur_shape, keepdim)
        x = b.op("torch.aten.prod.dim_int", [x, b.int(d), k, b.int(b.torch_dtype_of(elt))],
                 b.vtensor(nxt, elt))
    return x


def _reduce_dim_masked(b: Binder, kind: str, x: ir.Value, i: int, flag) -> ir.Value:
    """Reduce dim i of `x` when the run-time 0/1 `flag` is set, keeping it (size 1)."""
    shape, elt = b.tensor_info(x)
    rank = len(shape)
    n = _dim(b, x, i)
    m = _iop(b, "sub", n, _iop(b, "mul", flag, _iop(b, "sub", n, 1)))
    none = b.none()
    si64 = b.int(b.torch_dtype_of("si64"))
    rows = b.op("torch.aten.arange", [emit.int_value(b, m), si64, none, none, none],
                b.vtensor([None], "si64"))
    cols = b.op("torch.aten.arange", [emit.int_value(b, n), si64, none, none, none],
                b.vtensor([shape[i]], "si64"))
    # flag set: every column maps to row 0 (all true); else the identity
    cols = b.op("torch.aten.mul.Scalar", [cols, _iop(b, "sub", 1, flag)],
                b.vtensor([shape[i]], "si64"))
    mask = b.op("torch.aten.eq.Tensor", [emit.unsqueeze(b, rows, 1), emit.unsqueeze(b, cols, 0)],
                b.vtensor([None, shape[i]], "i1"))
    mask = emit.reshape(b, mask, [1] * i + [m, n] + [1] * (rank - i - 1),
                        [1] * i + [None, shape[i]] + [1] * (rank - i - 1))
    wide = list(shape[:i]) + [None, shape[i]] + list(shape[i + 1:])
    fill = _identity(kind, elt)
    filled = b.op("torch.aten.where.ScalarOther",
                  [mask, emit.unsqueeze(b, x, i), b.scalar(fill if dtypes.is_float(elt)
                                                           else int(fill))],
                  b.vtensor(wide, elt))
    out = list(shape[:i]) + [None] + list(shape[i + 1:])
    f = b.bool(False)
    if kind == "sum":
        return b.op("torch.aten.sum.dim_IntList",
                    [filled, b.int_list([i + 1]), f, b.int(b.torch_dtype_of(elt))],
                    b.vtensor(out, elt))
    if kind in ("max", "min"):
        return b.op(f"torch.aten.a{kind}", [filled, b.int_list([i + 1]), f], b.vtensor(out, elt))
    return b.op("torch.aten.prod.dim_int", [filled, b.int(i + 1), f,
                                             b.int(b.torch_dtype_of(elt))], b.vtensor(out, elt))


def reduce(b: Binder, kind: str, x: ir.Value, axes: Axes, keepdim: bool) -> ir.Value:
    """`kind` (sum / prod / max / min) of `x` over `axes`."""
    if axes.static is not None:
        return _reduce_static(b, kind, x, axes.static, keepdim)
    for i, flag in enumerate(axes.flags):
        x = _reduce_dim_masked(b, kind, x, i, flag)
    return x if keepdim else squeeze(b, x, axes)


def squeeze(b: Binder, x: ir.Value, axes: Axes) -> ir.Value:
    """Drop the reduced (size-1) dims of a keepdims result."""
    if axes.static is not None:
        if not axes.static:
            return x
        shape = b.shape(x)
        kept = [d for i, d in enumerate(emit.dim_sizes(b, x)) if i not in axes.static]
        return emit.reshape(b, x, kept, [d for i, d in enumerate(shape)
                                         if i not in axes.static])
    # the j-th kept dim is the size of the dim i with (i kept and #kept before i == j)
    sizes = emit.dim_sizes(b, x)
    keeps = [_iop(b, "sub", 1, f) for f in axes.flags]
    before, seen = [], 0
    for k in keeps:
        before.append(seen)
        seen = _iop(b, "add", seen, k)
    out = []
    for j in range(axes.rank - axes.n_axes):
        total = 0
        for i in range(axes.rank):
            hit = _iop(b, "mul", keeps[i], emit.int_cmp(b, "eq", before[i], j))
            total = _iop(b, "add", total, _iop(b, "mul", hit, sizes[i]))
        out.append(total)
    return emit.reshape(b, x, out, [None] * len(out))


def count(b: Binder, x: ir.Value, axes: Axes):
    """How many elements each output element reduces (a size)."""
    sizes = emit.dim_sizes(b, x)
    if axes.static is not None:
        return emit.int_prod(b, [sizes[i] for i in axes.static])
    total = 1
    for s, f in zip(sizes, axes.flags):  # f ? s : 1 == 1 + f * (s - 1)
        total = emit.int_mul(b, total, _iop(b, "add", 1, _iop(b, "mul", f, _iop(b, "sub", s, 1))))
    return total


# ------------------------------------------------------------------------------- the family

def _unary(b: Binder, name: str, x: ir.Value) -> ir.Value:
    return b.op(f"torch.aten.{name}", [x], emit.like(b, x))


def _square(b: Binder, x: ir.Value) -> ir.Value:
    return b.op("torch.aten.mul.Tensor", [x, x], emit.like(b, x))


def _spread(b: Binder, y: ir.Value, axes: Axes, like: ir.Value) -> ir.Value:
    """A keepdims result `y` of run-time axes indexed back to the shape of `like`.

    Its reduced dims are `?`, which torch-mlir's elementwise lowering does not broadcast, so
    each dim is taken with aten.index_select at arange(n) * (1 - flag): all 0 or the identity."""
    for i, flag in enumerate(axes.flags):
        n = _dim(b, like, i)
        none = b.none()
        idx = b.op("torch.aten.arange", [emit.int_value(b, n), b.int(b.torch_dtype_of("si64")),
                                         none, none, none], b.vtensor([b.shape(like)[i]], "si64"))
        idx = b.op("torch.aten.mul.Scalar", [idx, _iop(b, "sub", 1, flag)], emit.like(b, idx))
        shape = list(b.shape(y))
        shape[i] = b.shape(like)[i]
        y = b.op("torch.aten.index_select", [y, b.int(i), idx], b.vtensor(shape, b.dtype(y)))
    return y


def _log_sum_exp(b: Binder, x: ir.Value, axes: Axes, keepdim: bool) -> ir.Value:
    # shifted by the max (an infinite max shifts by 0), as the ONNX reference does
    m = reduce(b, "max", x, axes, True)
    inf = b.op("torch.aten.isinf", [m], emit.like(b, m, "i1"))
    m = b.op("torch.aten.where.ScalarSelf", [inf, b.float(0.0), m], emit.like(b, m))
    wide = m if axes.static is not None else _spread(b, m, axes, x)
    shifted = b.op("torch.aten.sub.Tensor", [x, wide, b.int(1)], emit.like(b, x))
    s = reduce(b, "sum", _unary(b, "exp", shifted), axes, True)
    r = b.op("torch.aten.add.Tensor", [_unary(b, "log", s), m, b.int(1)], emit.like(b, s))
    return r if keepdim else squeeze(b, r, axes)


def _mean(b: Binder, x: ir.Value, axes: Axes, keepdim: bool) -> ir.Value:
    s = reduce(b, "sum", x, axes, keepdim)
    if axes.static == []:
        return s
    n = count(b, x, axes)
    if dtypes.is_float(b.dtype(x)):
        return b.op("torch.aten.div.Scalar", [s, emit.int_value(b, n)], emit.like(b, s))
    return b.op("torch.aten.div.Scalar_mode", [s, emit.int_value(b, n), b.str("trunc")],
                emit.like(b, s))


# name: (pre, core, post); pre/post name aten unary ops ("square" is x * x)
_FAMILY = {
    "ReduceSum": (None, "sum", None),
    "ReduceMean": (None, "mean", None),
    "ReduceMax": (None, "max", None),
    "ReduceMin": (None, "min", None),
    "ReduceProd": (None, "prod", None),
    "ReduceL1": ("abs", "sum", None),
    "ReduceL2": ("square", "sum", "sqrt"),
    "ReduceSumSquare": ("square", "sum", None),
    "ReduceLogSum": (None, "sum", "log"),
    "ReduceLogSumExp": (None, "logsumexp", None),
}
_FLOAT_MATH = {"sqrt", "log", "logsumexp"}


def reduction(b: Binder):
    """ReduceL1-1..18, ReduceL2-1..18, ReduceLogSum-1..28, ReduceLogSumExp-1..28,
    ReduceMax-1..20, ReduceMean-1..18, ReduceMin-1..20, ReduceProd-1..18,
    ReduceSumSquare-1..18 and ReduceSum-1..13 (axes attribute, or input from
    ReduceSum-13 / the others' 18; noop_with_empty_axes, keepdims, bool Max/Min, empty sets)
    -> aten.sum.dim_IntList / amax / amin / prod.dim_int (+ abs, mul, sqrt, log, exp,
    div.Scalar); run-time axes via aten.arange masks + aten.where.ScalarOther."""
    op = b.name.removeprefix("onnx.")
    pre, core, post = _FAMILY[op]
    x = b.input(0)
    elt = b.dtype(x)
    out_elt = elt
    since_input = 13 if op == "ReduceSum" else 18
    if elt == "i1" and core not in ("max", "min"):
        raise Unsupported(f"{op} of bool is not defined")
    if elt != "i1" and not (dtypes.is_float(elt) or dtypes.is_integer(elt)):
        raise Unsupported(f"{op} of {elt} is not supported")
    keepdim = bool(b.attr_int("keepdims", 1))
    axes = read_axes(b, x, b.opset >= since_input, keepdim)
    if 0 in b.shape(x):
        return _empty(b, op, x, axes, keepdim)
    if elt == "i1":
        x = emit.to_dtype(b, x, "si32")  # bool amax/amin: reduce 0/1 as ints
    elif not dtypes.is_float(elt) and ({pre, core, post} & _FLOAT_MATH):
        x = emit.to_dtype(b, x, "f64")  # computed in float, truncated back (the reference)
    if pre == "square":
        x = _square(b, x)
    elif pre is not None:
        x = _unary(b, pre, x)
    if core == "logsumexp":
        y = _log_sum_exp(b, x, axes, keepdim)
    elif core == "mean":
        y = _mean(b, x, axes, keepdim)
    else:
        y = reduce(b, core, x, axes, keepdim)
    if post is not None:
        y = _unary(b, post, y)
    return emit.to_dtype(b, y, out_elt)


def _axes_from_result(b: Binder, x: ir.Value, keepdim: bool, n_axes: int | None
                      ) -> Axes | None:
    """Run-time axes fixed by static input and declared result shapes: the only dims whose
    reduction gives the declared shape (a size-1 dim reduced or not gives the same values),
    and no more of them than the axes tensor holds (`n_axes`)."""
    have, want = b.shape(x), b.shape(b.result_type())
    if n_axes is None or want is None or None in have or None in want:
        return None
    rank = len(have)
    if keepdim:
        if len(want) != rank or any(w not in (h, 1) for h, w in zip(have, want)):
            return None
        dims = [i for i, (h, w) in enumerate(zip(have, want)) if w != h]
        return Axes(rank, dims) if len(dims) <= n_axes else None
    if rank - len(want) != n_axes:
        return None
    fits = [dims for dims in itertools.combinations(range(rank), n_axes)
            if [h for i, h in enumerate(have) if i not in dims] == list(want)]
    return Axes(rank, list(fits[0])) if len(fits) == 1 else None


def _empty(b: Binder, op: str, x: ir.Value, axes: Axes, keepdim: bool) -> ir.Value:
    """A reduction of an input with a 0-sized dim: its result is empty, or holds only the
    value of the empty reduction (0 for sums, 1 for products, -inf for max, ...)."""
    shape = axes.reduced_shape(b.shape(x), keepdim) if axes.static is not None else None
    if shape is None or None in shape:
        shape = b.shape(b.result_type())
    if shape is None or None in shape:
        raise Unsupported("a reduction of an empty tensor needs a static result shape")
    _, core, post = _FAMILY[op]
    elt = b.dtype(x)
    if elt == "i1":
        value = core == "min"
    elif core in ("max", "min"):
        value = _identity(core, elt)
    else:
        value = {"sum": 0.0, "prod": 1.0, "mean": np.nan, "logsumexp": -np.inf}[core]
        value = {None: value, "sqrt": np.sqrt(value), "log": -np.inf if value == 0 else
                 np.log(value)}[post]
    numpy_type = dtypes.BY_MLIR[elt].numpy
    if numpy_type is None:
        raise Unsupported(f"no {elt} constant for the empty reduction")
    with np.errstate(all="ignore"):
        data = np.full(shape, value).astype(numpy_type)
    return emit.array_literal(b, data, elt)


TABLE = [(name, since, reduction) for name in _FAMILY
         for since in ((1, 13) if name == "ReduceSum" else (1, 18))]


def populate(registry) -> None:
    """Register the Reduce* family."""
    register_table(registry, TABLE)
