"""AffineGrid: a homogeneous base grid of normalised coordinates times theta^T."""

from __future__ import annotations

from ... import dtypes, emit
from ...binder import Binder, Unsupported
from ..families import register_table

_SI64 = 4  # torch ScalarType code of int64


def _sizes(b: Binder, size) -> list:
    """The entries of the `size` input: Python ints if it is constant, else `!torch.int`s.

    Only the spatial entries are used (N comes from theta); a run-time one is read only where
    the declared result [N, (D,) H, W, nd] does not give it, since TOSA and StableHLO cannot
    lower the aten.item that reads it."""
    vals = b.const_value(size)
    if vals is not None:
        return [int(x) for x in vals.reshape(-1)]
    n = _dim0(b, size)
    declared = b.shape(b.result_type())
    if declared is None or len(declared) != n:
        declared = [None] * n
    out: list = [None, None]  # N and C: not read
    for i in range(2, n):
        if declared[i - 1] is not None:
            out.append(declared[i - 1])
            continue
        one = b.op("torch.aten.select.int", [size, b.int(0), b.int(i)], b.vtensor([], "si64"))
        out.append(b.op("torch.aten.item", [one], b.types.int))
    return out


def _dim0(b: Binder, size) -> int:
    shape = b.shape(size)
    if shape is None or len(shape) != 1 or shape[0] is None:
        raise Unsupported("'size' must be a 1-D tensor of static length")
    return shape[0]


def _coords(b: Binder, n, align: bool, elt: str):
    """Normalised centres of `n` cells along one axis, in [-1, 1]."""
    static = n if isinstance(n, int) else None
    ni = b.int(n) if static is not None else n
    none = b.none()
    idx = b.op("torch.aten.arange", [ni, b.int(b.torch_dtype_of(elt)), none, none, none],
               b.vtensor([static], elt))
    t = idx.type
    one = b.int(1)
    if align:
        # -1 + i * 2/(n-1); one cell sits at -1.
        if static is not None:
            step = b.float(2.0 / max(static - 1, 1))
        else:
            span = b.op("torch.prim.max.int", [b.op("torch.aten.sub.int", [ni, one],
                                                     b.types.int), one], b.types.int)
            step = b.op("torch.aten.div", [b.float(2.0), span], b.types.float)
        scaled = b.op("torch.aten.mul.Scalar", [idx, step], t)
    else:
        # -1 + (2i + 1)/n
        twice = b.op("torch.aten.mul.Scalar", [idx, b.float(2.0)], t)
        odd = b.op("torch.aten.add.Scalar", [twice, b.float(1.0), one], t)
        scaled = b.op("torch.aten.div.Scalar", [odd, ni], t)
    return b.op("torch.aten.sub.Scalar", [scaled, b.float(1.0), one], t)


def affine_grid(b: Binder):
    """AffineGrid-20 (2-D and 3-D, align_corners, constant or run-time size) -> aten.arange
    coordinates, aten.stack'ed into a homogeneous grid, aten.matmul with theta^T."""
    theta, size = b.input(0), b.input(1)
    elt = b.dtype(theta)
    if not dtypes.is_float(elt):
        raise Unsupported(f"theta dtype {elt} is not a float type")
    align = bool(b.attr_int("align_corners", 0))
    dims = _sizes(b, size)
    nd = len(dims) - 2
    if nd not in (2, 3):
        raise Unsupported(f"'size' has {len(dims)} entries; AffineGrid is 2-D or 3-D")
    tshape = b.shape(theta)
    if tshape is None or len(tshape) != 3 or tshape[1] not in (nd, None) or \
            tshape[2] not in (nd + 1, None):
        raise Unsupported(f"theta must be [N, {nd}, {nd + 1}]")
    spatial = dims[2:]  # (D,) H, W
    static = [d if isinstance(d, int) else None for d in spatial]
    # Axis k of the grid varies along spatial dim (nd-1-k): x along W, y along H, z along D.
    grid_shape = static
    comps = []
    for k in range(nd):
        axis = nd - 1 - k
        c = _coords(b, spatial[axis], align, elt)
        view = [1] * nd
        view[axis] = spatial[axis]
        vshape = [1] * nd
        vshape[axis] = static[axis]
        c = emit.reshape(b, c, view, vshape)
        comps.append(b.op("torch.aten.expand", [c, b.int_list(spatial), b.bool(False)],
                          b.vtensor(grid_shape, elt)))
    none = b.none()
    comps.append(b.op("torch.aten.ones_like", [comps[0], none, none, none, none, none],
                      b.vtensor(grid_shape, elt)))
    homo = b.op("torch.aten.stack", [b.tensor_list(comps), b.int(nd)],
                b.vtensor(grid_shape + [nd + 1], elt))
    cells = None if any(d is None for d in static) else 1
    for d in static:
        cells = None if cells is None else cells * d
    flat = emit.reshape(b, homo, [-1, nd + 1], [cells, nd + 1])
    theta_t = b.op("torch.aten.transpose.int", [theta, b.int(1), b.int(2)],
                   b.vtensor([tshape[0], nd + 1, nd], elt))
    out = b.op("torch.aten.matmul", [flat, theta_t], b.vtensor([tshape[0], cells, nd], elt))
    n = emit.size(b, theta, 0)
    return emit.reshape(b, out, [n] + list(spatial) + [nd], [tshape[0]] + static + [nd])


TABLE = [
    ("AffineGrid", 20, affine_grid),
]


def populate(registry) -> None:
    """Register the AffineGrid pattern."""
    register_table(registry, TABLE)
