"""Pooling windows shared by AveragePool, MaxPool and LpPool (both shards import this module).

ONNX describes a pool by kernel_shape, strides, dilations, pads or auto_pad, and ceil_mode. Here
they are read once into a :class:`Window`; its output sizes follow the ONNX rule (with ceil_mode,
a last window must start inside the input or its left padding). torch-mlir's pool lowerings
size some outputs differently from torch itself (see `Window.direct`), so where the direct
torch form would be wrong the input is first cut or padded to exactly the extent the windows
read (`fit_to_windows`) and pooled with no padding and floor rounding.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from torch_mlir import ir

from .. import emit
from ..binder import Binder, Unsupported


def out_size(d: int, k: int, s: int, dil: int, pb: int, pe: int, ceil_mode: bool) -> int:
    """The ONNX output size of one spatial dim."""
    span = d + pb + pe - (k - 1) * dil - 1
    out = (-(-span // s) if ceil_mode else span // s) + 1
    if ceil_mode and (out - 1) * s >= d + pb:
        out -= 1  # the last window must start inside the input or its left padding
    return out


@dataclass(frozen=True)
class Window:
    """The pooling window of one op; `spatial` holds None for dynamic dims."""

    spatial: tuple
    kernel: tuple
    strides: tuple
    dilations: tuple
    begins: tuple
    ends: tuple
    ceil_mode: bool

    @property
    def nd(self) -> int:
        return len(self.kernel)

    @property
    def static(self) -> bool:
        return all(d is not None for d in self.spatial)

    def dims(self):
        return zip(self.spatial, self.kernel, self.strides, self.dilations, self.begins,
                   self.ends)

    def out_sizes(self, ceil_mode: bool | None = None) -> list[int]:
        """Output sizes (static spatial dims only)."""
        c = self.ceil_mode if ceil_mode is None else ceil_mode
        return [out_size(d, k, s, dil, pb, pe, c) for d, k, s, dil, pb, pe in self.dims()]

    def overhangs(self) -> bool:
        """ceil_mode adds a window somewhere (static dims only)."""
        return self.ceil_mode and self.out_sizes(True) != self.out_sizes(False)

    def direct(self, dynamic_ceil: bool = False) -> bool:
        """Whether torch's own pool (symmetric padding arguments, ceil_mode) computes this
        window exactly once lowered by torch-mlir.

        The lowering sizes some ceil_mode=True outputs wrongly (kernel 1, stride 1 gives n + 1),
        so with static dims ceil_mode must add nothing (see `torch_ceil_mode`); it also
        mis-sizes a pool whose output is one window wide along a dim where that window does
        not span the whole padded input. torch itself needs symmetric pads of at most half
        the kernel. With dynamic dims, `dynamic_ceil` (max_pool and avg_pool, whose lowerings
        size ceil_mode right for strides >= 2) accepts ceil_mode when every stride is >= 2 or
        every stride is 1 (where it changes nothing and is dropped)."""
        if self.begins != self.ends or any(2 * p > k for p, k in zip(self.begins, self.kernel)):
            return False
        if not self.static:
            return not self.ceil_mode or dynamic_ceil and (
                all(s == 1 for s in self.strides) or all(s >= 2 for s in self.strides))
        if self.overhangs():
            return False
        return not any(
            out_size(d, k, s, dil, pb, pe, False) == 1 and (k - 1) * dil + 1 < d + pb + pe
            for d, k, s, dil, pb, pe in self.dims())

    def extents(self) -> list[tuple[int, int, int]]:
        """Per dim (output size, extent the windows read in the padded input, input elements
        kept): the input is cut to `keep`, then padded by `begin` and `need - begin - keep`."""
        out = []
        for (d, k, s, dil, pb, _pe), o in zip(self.dims(), self.out_sizes()):
            need = (o - 1) * s + (k - 1) * dil + 1
            if need <= pb:
                raise Unsupported("a pooling window lies wholly in the padding")
            out.append((o, need, min(d, need - pb)))
        return out


def explicit_pads(b: Binder, nd: int) -> tuple[str, list | None, list | None]:
    """(auto_pad, begins, ends) of a windowed op (Conv, pools) over `nd` spatial dims: the
    `pads` attribute for NOTSET, zeros for VALID, None for SAME_UPPER / SAME_LOWER (whose pads
    depend on the input size)."""
    auto_pad = b.attr_str("auto_pad", "NOTSET")
    if auto_pad == "NOTSET":
        pads = b.attr_ints("pads", [0] * (2 * nd))
        if len(pads) != 2 * nd:
            raise Unsupported(f"'pads' must have {2 * nd} entries, got {pads}")
        if any(p < 0 for p in pads):
            raise Unsupported(f"negative pads {pads}")
        return auto_pad, pads[:nd], pads[nd:]
    if auto_pad == "VALID":
        return auto_pad, [0] * nd, [0] * nd
    if auto_pad not in ("SAME_UPPER", "SAME_LOWER"):
        raise Unsupported(f"unknown auto_pad '{auto_pad}'")
    return auto_pad, None, None


def resolve_pads(b: Binder, spatial, kernel, strides, dilations) -> tuple[list, list]:
    """(begins, ends) from `pads` or `auto_pad` (SAME_* needs static spatial dims)."""
    auto_pad, begins, ends = explicit_pads(b, len(kernel))
    if begins is not None:
        return begins, ends
    if any(d is None for d in spatial):
        raise Unsupported(f"auto_pad={auto_pad} needs static spatial dims")
    begins, ends = [], []
    for d, k, s, dil in zip(spatial, kernel, strides, dilations):
        total = max(0, (-(-d // s) - 1) * s + (k - 1) * dil + 1 - d)
        small, big = total // 2, total - total // 2
        begins.append(small if auto_pad == "SAME_UPPER" else big)
        ends.append(big if auto_pad == "SAME_UPPER" else small)
    return begins, ends


def read_window(b: Binder, x: ir.Value, *, dilations: bool, ceil_mode: bool,
                kernel: list[int] | None = None) -> Window:
    """The window of a pool op on `x` (rank 3 to 5). `dilations` / `ceil_mode` say whether
    the op's version has those attributes (older versions ignore stray ones)."""
    shape = b.shape(x)
    if shape is None:
        raise Unsupported("input rank is unknown")
    nd = len(shape) - 2
    if nd not in (1, 2, 3):
        raise Unsupported(f"{nd}-D pooling is not supported (1-D to 3-D only)")
    kernel = list(b.attr_ints("kernel_shape") if kernel is None else kernel)
    if len(kernel) != nd:
        raise Unsupported(f"kernel_shape has {len(kernel)} entries for {nd} spatial dims")
    strides = b.attr_ints("strides", [1] * nd)
    dils = b.attr_ints("dilations", [1] * nd) if dilations else [1] * nd
    if len(strides) != nd or len(dils) != nd:
        raise Unsupported(f"strides/dilations must have {nd} entries")
    if any(v < 1 for v in kernel + strides + dils):
        raise Unsupported("kernel_shape, strides and dilations must be positive")
    ceil = ceil_mode and bool(b.attr_int("ceil_mode", 0))
    spatial = tuple(shape[2:])
    begins, ends = resolve_pads(b, spatial, kernel, strides, dils)
    win = Window(spatial, tuple(kernel), tuple(strides), tuple(dils), tuple(begins),
                 tuple(ends), ceil)
    if win.static and any(o < 1 for o in win.out_sizes()):
        raise Unsupported("the pooling window is larger than the padded input")
    return win


def torch_ceil_mode(win: Window) -> bool:
    """The ceil_mode argument for a direct torch pool: dropped where it adds no window."""
    if not win.static:
        return win.ceil_mode and any(s > 1 for s in win.strides)
    return win.ceil_mode and win.overhangs()


def fit_to_windows(b: Binder, x: ir.Value, win: Window, pad_value) -> tuple[ir.Value, list]:
    """`x` cut and padded (with `pad_value`, a Python int or float) to exactly the extent the
    windows read, so that an unpadded floor-mode pool gives the ONNX output. Returns the new
    input and the output sizes (None where dynamic). With dynamic spatial dims the pads are
    only made explicit, which needs ceil_mode off."""
    shape, elt = b.tensor_info(x)
    if not win.static:
        if win.ceil_mode:
            raise Unsupported("this ceil_mode window needs static spatial dims")
        flat = []
        for pb, pe in reversed(list(zip(win.begins, win.ends))):
            flat += [pb, pe]
        padded = list(shape[:2]) + [None if d is None else d + pb + pe
                                    for d, pb, pe in zip(win.spatial, win.begins, win.ends)]
        value = b.float(pad_value) if isinstance(pad_value, float) else b.int(pad_value)
        x = b.op("torch.aten.constant_pad_nd", [x, b.int_list(flat), value],
                 b.vtensor(padded, elt))
        outs = [None if d is None else out_size(d, k, s, dil, pb, pe, False)
                for d, k, s, dil, pb, pe in win.dims()]
        return x, outs
    ext = win.extents()
    cur = list(shape)
    for i, (_o, _need, keep) in enumerate(ext):
        if keep < win.spatial[i]:
            cur[2 + i] = keep
            x = b.op("torch.aten.slice.Tensor", [x, b.int(2 + i), b.int(0), b.int(keep), b.int(1)],
                     b.vtensor(cur, elt))
    flat = []
    for (_o, need, keep), pb in reversed(list(zip(ext, win.begins))):
        flat += [pb, need - pb - keep]  # constant_pad_nd lists the last dim first
    if any(flat):
        value = b.float(pad_value) if isinstance(pad_value, float) else b.int(pad_value)
        x = b.op("torch.aten.constant_pad_nd", [x, b.int_list(flat), value],
                 b.vtensor(list(shape[:2]) + [need for _o, need, _k in ext], elt))
    return x, [o for o, _need, _keep in ext]


NP_FLOAT = {"f16": np.float16, "f32": np.float32, "f64": np.float64}  # window-sum dtypes


def window_sums(b: Binder, x: ir.Value, win: Window, outs: list, pads=None) -> ir.Value:
    """Sum over each window of `x` as a ones-kernel convolution with N and C folded into the
    batch. `x` is fitted (`fit_to_windows`), or `pads` gives symmetric zero padding for a
    `direct` window, whose `outs` may then hold None for dynamic sizes. Float dtypes only."""
    shape, elt = b.tensor_info(x)
    if elt not in NP_FLOAT:
        raise Unsupported(f"window sums of dtype {elt} are not supported")
    nd = win.nd
    lead = None if shape[0] is None or shape[1] is None else shape[0] * shape[1]
    xr = b.op("torch.aten.flatten.using_ints", [x, b.int(0), b.int(1)],
              b.vtensor([lead] + list(shape[2:]), elt))
    xr = emit.unsqueeze(b, xr, 1)
    kernel = list(win.kernel)
    ones = ir.DenseElementsAttr.get(np.ones([1, 1] + kernel, dtype=NP_FLOAT[elt]))
    w = b.literal(ones, b.vtensor([1, 1] + kernel, elt))
    sums = b.op("torch.aten.convolution",
                [xr, w, b.none(), b.int_list(win.strides), b.int_list(pads or [0] * nd),
                 b.int_list(win.dilations), b.bool(False), b.int_list([0] * nd), b.int(1)],
                b.vtensor([lead, 1] + list(outs), elt))
    n, c = emit.size(b, x, 0), emit.size(b, x, 1)
    sizes = [o if o is not None else emit.size(b, sums, 2 + i) for i, o in enumerate(outs)]
    return emit.reshape(b, sums, [n, c] + sizes, list(shape[:2]) + list(outs))
