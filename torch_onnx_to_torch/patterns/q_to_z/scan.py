"""Q-Z Scan: a for-like torch.prim.Loop over the scan axis (region machinery shared with
Loop in g_to_p/control_flow.py)."""

from __future__ import annotations

from torch_mlir import ir

from ... import emit
from ...binder import Binder, Unsupported
from ..families import register_table
from ..g_to_p.control_flow import (
    Accumulator,
    add_arguments,
    body_block,
    carried_types,
    cast_to,
    replace_terminator,
    rewire,
    terminator,
)


def _select(b: Binder, x: ir.Value, axis: int, index: ir.Value) -> ir.Value:
    shape, elt = b.tensor_info(x)
    out = None if shape is None else [d for i, d in enumerate(shape) if i != axis]
    return b.op("torch.aten.select.int", [x, b.int(axis), index], b.vtensor(out, elt))


def _scan_loop(b: Binder, states: list, xs: list, in_axes: list, in_dirs: list,
               out_axes: list, out_dirs: list, declared: list) -> list:
    """The Scan body over `xs` (already without batch) as a for-like torch.prim.Loop; returns
    the final states then the scan outputs (laid out along `out_axes`)."""
    block = body_block(b, 0)
    term = terminator(block)
    args = list(block.arguments)
    n, m = len(states), len(xs)
    if len(args) != n + m:
        raise Unsupported(f"body has {len(args)} inputs for {n} states and {m} scan inputs")
    yields = list(term.operands)
    k = len(yields) - n
    if k < 0 or len(declared) != n + k:
        raise Unsupported(f"body yields {len(yields)} values for {n} states and "
                          f"{len(declared) - n} scan outputs")
    if len(out_axes) != k or len(out_dirs) != k:
        raise Unsupported(f"{len(out_axes)} scan_output_axes / {len(out_dirs)} directions for "
                          f"{k} scan outputs")
    if not m:
        raise Unsupported("Scan with no scan input")
    types = carried_types(b, states, args[:n], yields[:n], declared[:n])
    axes, accs = [], []
    for i, y in enumerate(yields[n:]):
        elem_rank = b.rank(y)
        axis = emit.normalize_axis(out_axes[i], elem_rank + 1, "scan_output_axes entry")
        axes.append(axis)
        dinfo = b.types.info(declared[n + i])
        front = None  # the declared output with its scan axis moved first
        if dinfo is not None and dinfo[0] is not None and len(dinfo[0]) == elem_rank + 1:
            d = list(dinfo[0])
            front = b.vtensor([d[axis], *d[:axis], *d[axis + 1:]], dinfo[1])
        accs.append(Accumulator(b, y.type, front, f"scan output #{i}"))
    # ---- before the loop
    count = emit.size(b, xs[0], in_axes[0])
    reverse = any(in_dirs) or any(out_dirs)
    last = b.op("torch.aten.sub.int", [count, b.int(1)], b.types.int) if reverse else None
    inits = [cast_to(b, v, t) for v, t in zip(states, types)]
    acc_inits = [a.initial(b, count) for a in accs]
    true = b.bool(True)
    new = b.op_regions("torch.prim.Loop", [count, true, *inits, *acc_inits],
                       [*types, *(a.type for a in accs)], 1)
    block.append_to(new.regions[0])
    new_args = add_arguments(b, block, [b.types.int, *types, *(a.type for a in accs)])
    it, carried, acc_args = new_args[0], new_args[1:n + 1], new_args[n + 1:]
    head = ir.InsertionPoint.at_block_begin(block)
    with b.at(head):
        back = b.op("torch.aten.sub.int", [last, it], b.types.int) if reverse else None
        slices = [_select(b, x, ax, back if rev else it)
                  for x, ax, rev in zip(xs, in_axes, in_dirs)]
    for old, newv in zip(args, [*carried, *slices]):
        rewire(b, old, newv, head)
    yields = list(term.operands)
    with b.at(ir.InsertionPoint(term)):
        outs = [cast_to(b, v, t) for v, t in zip(yields[:n], types)]
        acc_outs = [a.store(b, acc, y, back if rev else it)
                    for a, acc, y, rev in zip(accs, acc_args, yields[n:], out_dirs)]
    replace_terminator(b, term, "torch.prim.Loop.condition", [true, *outs, *acc_outs])
    for _ in range(len(args)):
        block.erase_argument(0)
    produced = list(new.results)
    for i, axis in enumerate(axes):
        if axis:
            r = len(accs[i].elem_shape) + 1
            perm = [*range(1, axis + 1), 0, *range(axis + 1, r)]
            produced[n + i] = emit.permute(b, produced[n + i], perm)
    return produced


def _flags(b: Binder, name: str, count: int) -> list[int]:
    vals = b.attr_ints(name, [0] * count)
    if len(vals) != count:
        raise Unsupported(f"'{name}' has {len(vals)} entries for {count} values")
    return vals


def scan(b: Binder):
    """Scan-9..25 -> a for-like torch.prim.Loop over the scan axis: aten.select.int per scan
    input (reversed index for direction 1), outputs preallocated (aten.zeros) and filled with
    aten.slice_scatter, then aten.permute to scan_output_axes."""
    m = b.attr_int("num_scan_inputs")
    operands = list(b.onnx_op.operands)
    n = len(operands) - m
    if n < 0:
        raise Unsupported(f"num_scan_inputs={m} but only {len(operands)} inputs")
    states, xs = operands[:n], operands[n:]
    if not xs or any(b.rank(x) == 0 for x in xs):
        raise Unsupported("scan inputs must have rank >= 1 (and there must be one)")
    in_axes = [emit.normalize_axis(a, b.rank(x), "scan_input_axes entry")
               for a, x in zip(_flags(b, "scan_input_axes", m), xs)]
    in_dirs = _flags(b, "scan_input_directions", m)
    k = b.num_results - n
    out_axes, out_dirs = _flags(b, "scan_output_axes", k), _flags(b, "scan_output_directions", k)
    return _scan_loop(b, states, xs, in_axes, in_dirs, out_axes, out_dirs,
                      [r.type for r in b.onnx_op.results])


def scan8(b: Binder):
    """Scan-8 (batched: sequence_lens, then [batch, ...] states and [batch, time, ...] inputs)
    -> the Scan-9 loop on the squeezed batch of 1 (aten.squeeze.dim / aten.unsqueeze)."""
    if b.optional_input(0) is not None:
        raise Unsupported("sequence_lens is not supported")
    m = b.attr_int("num_scan_inputs")
    operands = list(b.onnx_op.operands)[1:]
    n = len(operands) - m
    if n < 0:
        raise Unsupported(f"num_scan_inputs={m} but only {len(operands)} inputs")
    for v in operands:
        shape = b.shape(v)
        if shape is None or not shape or shape[0] != 1:
            raise Unsupported("only a static batch of 1 is supported")

    def squeeze(v):
        shape, elt = b.tensor_info(v)
        return b.op("torch.aten.squeeze.dim", [v, b.int(0)], b.vtensor(shape[1:], elt))

    flat = [squeeze(v) for v in operands]
    k = b.num_results - n
    declared = []
    for r in b.onnx_op.results:
        shape, elt = b.tensor_info(r)
        declared.append(b.vtensor(None if shape is None else shape[1:], elt))
    outs = _scan_loop(b, flat[:n], flat[n:], [0] * m, _flags(b, "directions", m),
                      [0] * k, [0] * k, declared)
    return [emit.unsqueeze(b, v, 0) for v in outs]


TABLE = [
    ("Scan", 8, scan8),
    ("Scan", 9, scan),
]


def populate(registry) -> None:
    """Register Scan."""
    register_table(registry, TABLE)
