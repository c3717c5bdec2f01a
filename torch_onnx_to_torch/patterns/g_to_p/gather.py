"""G-P gather ops: Gather, GatherElements, GatherND.

Also the index helpers the scatter and selection modules share: wrapping negative indices,
building an `arange`, reading a scalar operand as a `!torch.int`.
"""

from __future__ import annotations

import numpy as np
from torch_mlir import ir

from ... import emit
from ...binder import Binder, Unsupported
from ..families import register_table


# ------------------------------------------------------------------ shared index helpers
def scalar_int(b: Binder, v: ir.Value, what: str):
    """A one-element integer tensor operand as a Python int if constant, else a `!torch.int`."""
    vals = b.const_value(v)
    if vals is not None:
        if vals.size != 1:
            raise Unsupported(f"{what} must have one element, got {vals.size}")
        return int(vals.reshape(-1)[0])
    shape = b.shape(v)
    if shape is not None and any(d is not None and d != 1 for d in shape):
        raise Unsupported(f"{what} must have one element, got shape {list(shape)}")
    v = emit.to_dtype(b, v, "si64")
    return b.op("torch.aten.item", [v], b.types.int)


def flatten(b: Binder, v: ir.Value) -> ir.Value:
    """`v` as a 1-D tensor (no-op if it already is)."""
    shape = b.shape(v)
    if shape is not None and len(shape) == 1:
        return v
    n = None if shape is None or None in shape else int(np.prod(shape, dtype=np.int64))
    return emit.reshape(b, v, [-1], [n])


# ------------------------------------------------------------------ handlers
def gather(b: Binder):
    """Gather-1..13 -> aten.index_select (+ aten.reshape for indices of rank != 1; aten.select.int
    for a constant scalar index; a literal when data and indices are both constant)."""
    data, idx = b.input(0), b.input(1)
    emit.reject_strings(b, data)
    dshape, elt = b.tensor_info(data)
    if dshape is None:
        raise Unsupported("data rank is unknown")
    ishape = b.shape(idx)
    if ishape is None:
        raise Unsupported("indices rank is unknown")
    if not dshape:
        raise Unsupported("data of rank 0 has no axis to gather along")
    axis = emit.normalize_axis(b.attr_int("axis", 0), len(dshape))
    dims = emit.dim_sizes(b, data)
    n = dims[axis]
    consts = b.const_value(idx)
    if consts is not None and isinstance(n, int):
        consts = np.asarray(consts).astype(np.int64)
        if ((consts < -n) | (consts >= n)).any():
            raise Unsupported(f"constant indices out of range for a dim of size {n}")
        consts = np.where(consts < 0, consts + n, consts)
        dvals = b.const_value(data)
        if dvals is not None and elt != "bf16":
            return emit.array_literal(b, np.take(dvals, consts, axis=axis), elt)
        if consts.ndim == 0:
            out = list(dshape[:axis]) + list(dshape[axis + 1:])
            return b.op("torch.aten.select.int", [data, b.int(axis), b.int(int(consts))],
                        b.vtensor(out, elt))
        idx = emit.array_literal(b, consts, "si64")
    elif consts is not None and consts.ndim == 0:  # a dynamic dim: wrap with int arithmetic
        i = int(consts)
        at = b.int(i) if i >= 0 else b.op("torch.aten.add.int", [n, b.int(i)], b.types.int)
        out = list(dshape[:axis]) + list(dshape[axis + 1:])
        return b.op("torch.aten.select.int", [data, b.int(axis), at], b.vtensor(out, elt))
    else:
        idx = emit.wrap_negative(b, idx, n)
    flat = flatten(b, idx)
    sel_shape = list(dshape)
    sel_shape[axis] = b.shape(flat)[0]
    sel = b.op("torch.aten.index_select", [data, b.int(axis), flat], b.vtensor(sel_shape, elt))
    if len(ishape) == 1:
        return sel
    out = dims[:axis] + emit.dim_sizes(b, idx) + dims[axis + 1:]
    return emit.reshape(b, sel, out, emit.static_or_none(out))


def gather_elements(b: Binder):
    """GatherElements-11..13 -> aten.gather (negative indices wrapped with aten.where)."""
    data, idx = b.input(0), b.input(1)
    emit.reject_strings(b, data)
    rank = b.rank(data)
    if b.rank(idx) != rank:
        raise Unsupported("indices and data ranks differ")
    if not rank:
        raise Unsupported("data of rank 0 has no axis to gather along")
    axis = emit.normalize_axis(b.attr_int("axis", 0), rank)
    idx = emit.wrap_negative(b, idx, emit.dim_sizes(b, data)[axis])
    return b.op("torch.aten.gather", [data, b.int(axis), idx, b.bool(False)], b.result_type())


def gather_nd(b: Binder):
    """GatherND-11..13 (batch_dims from 12) -> the index tuples (and batch positions, from
    aten.arange) as row numbers of the data reshaped to [rows, rest]; aten.index_select."""
    # Not aten.index.Tensor: torch-mlir cannot lower it with dynamically shaped index tensors.
    data, idx = b.input(0), b.input(1)
    emit.reject_strings(b, data)
    dshape, elt = b.tensor_info(data)
    ishape = b.shape(idx)
    if dshape is None or ishape is None:
        raise Unsupported("operand rank is unknown")
    bd = b.attr_int("batch_dims", 0) if b.opset >= 12 else 0
    q, r = len(ishape), len(dshape)
    m = ishape[-1] if q else None
    if m is None:
        raise Unsupported("the last dim of indices must be static")
    if m == 0:
        raise Unsupported("index tuples of length 0 are not supported")
    if not 0 <= bd < min(q, r) or bd + m > r:
        raise Unsupported(f"batch_dims {bd} with index tuples of length {m} do not fit "
                          f"data rank {r} and indices rank {q}")
    dims = emit.dim_sizes(b, data)
    lead = list(ishape[:-1])
    lead_t = b.vtensor(lead, "si64")
    idx = emit.as_i64(b, idx)
    lin = None

    def add(term, stride):
        nonlocal lin
        if not (isinstance(stride, int) and stride == 1):
            term = b.op("torch.aten.mul.Scalar", [term, emit.int_value(b, stride)],
                        emit.like(b, term))
        if lin is None:
            lin = term
        else:
            shape = emit.broadcast_shape(b.shape(lin), b.shape(term))
            lin = b.op("torch.aten.add.Tensor", [lin, term, b.int(1)], b.vtensor(shape, "si64"))

    for j in range(m):
        col = b.op("torch.aten.select.int", [idx, b.int(q - 1), b.int(j)], lead_t)
        add(emit.wrap_negative(b, col, dims[bd + j]), emit.int_prod(b, dims[bd + j + 1:bd + m]))
    tuple_rows = emit.int_prod(b, dims[bd:bd + m])
    for i in range(bd):
        shape = [1] * (q - 1)
        shape[i] = dims[i]
        ramp = emit.reshape(b, emit.arange(b, dims[i]), shape, emit.static_or_none(shape))
        add(ramp, emit.int_mul(b, emit.int_prod(b, dims[i + 1:bd]), tuple_rows))
    rows = emit.int_prod(b, dims[:bd + m])
    rest = emit.int_prod(b, dims[bd + m:])
    flat = emit.reshape(b, data, [rows, rest], emit.static_or_none([rows, rest]))
    lin = flatten(b, lin)
    picked = b.op("torch.aten.index_select", [flat, b.int(0), lin],
                  b.vtensor([b.shape(lin)[0]] + emit.static_or_none([rest]), elt))
    out = emit.dim_sizes(b, idx)[:-1] + dims[bd + m:]
    return emit.reshape(b, picked, out, emit.static_or_none(out))


TABLE = [
    ("Gather", 1, gather),
    ("GatherElements", 11, gather_elements),
    ("GatherND", 11, gather_nd),
]


def populate(registry) -> None:
    """Register the G-P gather patterns."""
    register_table(registry, TABLE)
