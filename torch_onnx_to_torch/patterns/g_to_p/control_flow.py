"""G-P control flow: If and Loop, whose ONNX subgraphs the importer gives as regions.

The pass converts region bodies before the op holding them, so a handler here finds its bodies
already in torch ops (nested Ifs and Loops included) and only moves their blocks into
`torch.prim.If` / `torch.prim.Loop`, rewiring block arguments and terminators. Every check that
can decline runs before the first block moves: a decline after that would leave a broken op.

The region helpers are shared with Scan (q_to_z/scan.py).
"""

from __future__ import annotations

from collections.abc import Sequence

from torch_mlir import ir

from ... import emit
from ...binder import Binder, Unsupported
from ..families import register_table

_TERMINATOR = "torch.operator_terminator"
INT64_MAX = 2**63 - 1
MAX_SCAN_ROWS = 1 << 20  # scan outputs are preallocated for the trip count


# ------------------------------------------------------------------------------- types
def compatible(b: Binder, have: ir.Type, want: ir.Type) -> bool:
    """True if `cast_to` can make a `have` value a `want` one: equal types, a valid
    `tensor_static_info_cast`, or a `torch.derefine` into an optional (of none or of such a
    value)."""
    if have == want:
        return True
    payload = b.optional_element(want)
    if payload is not None:
        return have == b.types.none or compatible(b, have, payload)
    hi, wi = b.types.info(have), b.types.info(want)
    if hi is None or wi is None:
        return False
    if hi[1] is not None and wi[1] is not None and hi[1] != wi[1]:
        return False
    if hi[0] is None or wi[0] is None:
        return True
    return len(hi[0]) == len(wi[0]) and all(
        h is None or w is None or h == w for h, w in zip(hi[0], wi[0]))


def join(b: Binder, types: Sequence[ir.Type], relax_rank: bool = False) -> ir.Type | None:
    """The most precise type every one of `types` casts to: dims that differ become `?`
    (ranks that differ, unranked, with `relax_rank`); an optional takes its payload and none.
    Lists join their element types with relaxed ranks (inference often gets them wrong)
    but, having no cast, only type a new list. Tensors of different dtypes, and other
    non-tensor types that differ, have none."""
    first = types[0]
    if all(t == first for t in types):
        return first
    opts = [t for t in types if b.optional_element(t) is not None]
    if opts:
        payloads = [b.optional_element(t) for t in opts]
        rest = [t for t in types if b.optional_element(t) is None and t != b.types.none]
        inner = join(b, [*payloads, *rest], relax_rank)
        return None if inner is None else b.types.wrap(inner, "optional")
    elems = [b.list_element(t) for t in types]
    if all(e is not None for e in elems):
        inner = join(b, elems, True)
        return None if inner is None else b.types.wrap(inner, "list")
    infos = [b.types.info(t) for t in types]
    if any(i is None for i in infos):
        return None
    elts = {i[1] for i in infos if i[1] is not None}
    if len(elts) > 1:
        return None
    elt = elts.pop() if elts else None
    shapes = [i[0] for i in infos if i[0] is not None]
    if not shapes or len(shapes) < len(infos):
        return b.vtensor(None, elt)
    if len({len(s) for s in shapes}) > 1:
        return b.vtensor(None, elt) if relax_rank else None
    dims = [d[0] if all(x == d[0] for x in d) else None for d in zip(*shapes)]
    return b.vtensor(dims, elt)


def _list_items(v: ir.Value) -> list | None:
    owner = v.owner
    if isinstance(owner, (ir.Operation, ir.OpView)) and \
            owner.operation.name == "torch.prim.ListConstruct":
        return list(owner.operation.operands)
    return None


def fits(b: Binder, v: ir.Value, want: ir.Type) -> bool:
    """True if `cast_to` can make value `v` of type `want`: `compatible` types, or a list
    built in place (prim.ListConstruct) whose elements fit `want`'s element type."""
    if compatible(b, v.type, want):
        return True
    elem = b.list_element(want)
    items = _list_items(v)
    return elem is not None and items is not None and all(
        compatible(b, x.type, elem) for x in items)


def retype(b: Binder, results: list, wanted: list) -> None:
    """Give ONNX results the types `wanted` where their declared types cannot take them (a
    wrong inferred type, e.g. rank 0); a function returning one then follows (the pass
    syncs signatures)."""
    for r, want in zip(results, wanted):
        if not compatible(b, want, r.type):
            r.set_type(want)


def cast_to(b: Binder, v: ir.Value, want: ir.Type) -> ir.Value:
    """`v` as type `want` (the caller checked `fits`): a static-info cast, a derefine into
    an optional, or a list built again with the wanted element type."""
    if v.type == want:
        return v
    elem = b.list_element(want)
    if elem is not None:
        return b.list([cast_to(b, x, elem) for x in _list_items(v)], want)
    payload = b.optional_element(want)
    if payload is not None:
        if v.type != b.types.none:
            v = cast_to(b, v, payload)
        return b.op("torch.derefine", [v], want)
    return b.op("torch.tensor_static_info_cast", [v], want)


# ------------------------------------------------------------------------------- regions
def body_block(b: Binder, i: int) -> ir.Block:
    """The single block of graph region `i`."""
    blocks = list(b.region(i).blocks)
    if len(blocks) != 1:
        raise Unsupported(f"graph region #{i} has {len(blocks)} blocks, expected 1")
    return blocks[0]


def terminator(block: ir.Block) -> ir.Operation:
    """The `torch.operator_terminator` ending an ONNX subgraph block."""
    ops = list(block.operations)
    if not ops or ops[-1].operation.name != _TERMINATOR:
        raise Unsupported("graph body does not end with torch.operator_terminator")
    return ops[-1].operation


def replace_terminator(b: Binder, term: ir.Operation, name: str, operands: list) -> None:
    """Put op `name` with `operands` in place of the ONNX terminator `term`."""
    with b.at(ir.InsertionPoint(term)):
        b.op_multi(name, operands, [])
    term.erase()


def add_arguments(b: Binder, block: ir.Block, new_types: list) -> list:
    """Append block arguments of `new_types` and return them (the caller rewires the old
    ones and erases them: the bindings cannot insert arguments in front)."""
    return [block.add_argument(t, b.loc) for t in new_types]


def rewire(b: Binder, old: ir.Value, new: ir.Value, ip: ir.InsertionPoint) -> None:
    """Replace the uses of block argument `old` by `new`, cast to `old`'s type where valid
    (the body was converted against that type); where not (a wrong declared type), directly."""
    if next(iter(old.uses), None) is None:
        return
    if new.type != old.type and compatible(b, new.type, old.type):
        with b.at(ip):
            new = cast_to(b, new, old.type)
    old.replace_all_uses_with(new)


def bool_of(b: Binder, t: ir.Value) -> ir.Value:
    """A one-element bool tensor as `!torch.bool` (aten.item + aten.Bool.int)."""
    return b.op("torch.aten.Bool.int", [b.op("torch.aten.item", [t], b.types.int)], b.types.bool)


def int_of(b: Binder, t: ir.Value) -> ir.Value:
    """A one-element integer tensor as `!torch.int`."""
    return b.op("torch.aten.item", [t], b.types.int)


def int_tensor(b: Binder, i: ir.Value) -> ir.Value:
    """A `!torch.int` as a rank-0 si64 tensor."""
    return b.op("torch.prim.NumToTensor.Scalar", [i], b.vtensor([], "si64"))


def is_true(b: Binder, v: ir.Value) -> bool:
    """True if `v` is a constant true tensor."""
    c = b.const_value(v)
    return c is not None and c.size == 1 and bool(c.reshape(-1)[0])


# ------------------------------------------------------------------------------- scan outputs
class Accumulator:
    """A scan output gathered along a new leading axis into a tensor preallocated for the
    largest trip count, one `aten.slice_scatter` per iteration. (Growing it with `aten.cat`
    is what torch would do, but IREE miscompiles a loop-carried tensor whose size changes:
    the result comes back empty.)"""

    def __init__(self, b: Binder, elem: ir.Type, declared: ir.Type | None, what: str):
        shape, elt = b.tensor_info(elem)
        dinfo = b.types.info(declared) if declared is not None else None
        dshape = dinfo[0] if dinfo is not None else None
        if shape is None and dshape is not None and len(dshape) >= 1:
            shape = tuple(dshape[1:])
        if shape is None or elt is None:
            raise Unsupported(f"{what}: the element type {elem} is not ranked with a dtype")
        if dshape is not None and len(dshape) == len(shape) + 1:
            shape = tuple(s if s is not None else d for s, d in zip(shape, dshape[1:]))
        if any(d is None for d in shape):
            raise Unsupported(f"{what}: the element shape {list(shape)} is dynamic".replace(
                "None", "?"))
        self.elem_shape, self.elt = list(shape), elt
        self.type = b.vtensor([None, *shape], elt)

    def initial(self, b: Binder, rows: ir.Value) -> ir.Value:
        """Zeros of `[rows, elem...]`."""
        none = b.none()
        zeros = b.op("torch.aten.zeros", [b.int_list([rows, *self.elem_shape]),
                                          b.int(b.torch_dtype_of(self.elt)), none, none, none],
                     self.type)
        return zeros

    def store(self, b: Binder, acc: ir.Value, item: ir.Value, i: ir.Value) -> ir.Value:
        """`acc` with row `i` (a `!torch.int`) set to `item`."""
        want = b.vtensor(self.elem_shape, self.elt)
        if compatible(b, item.type, want):
            item = cast_to(b, item, want)
        row = emit.unsqueeze(b, item, 0)
        one = b.int(1)
        end = b.op("torch.aten.add.int", [i, one], b.types.int)
        return b.op("torch.aten.slice_scatter", [acc, row, b.int(0), i, end, one], self.type)

    def first_rows(self, b: Binder, acc: ir.Value, n: ir.Value) -> ir.Value:
        """The first `n` rows of `acc` (a while loop may stop before its trip count)."""
        return b.op("torch.aten.slice.Tensor", [acc, b.int(0), b.int(0), n, b.int(1)],
                    self.type)


# ------------------------------------------------------------------------------- If
def _hoisted_list(b: Binder, values: list) -> list | None:
    """For a list output both branches build in place (prim.ListConstruct) with as many
    elements: the type of each element position (the branches yield the elements and the
    list is built after the If, so that it stays known to the ops using it), else None."""
    items = [_list_items(v) for v in values]
    if any(i is None for i in items) or len({len(i) for i in items}) != 1:
        return None
    types = [join(b, [x.type for x in column]) for column in zip(*items)]
    if any(t is None for t in types):
        return None
    return types


def _inline_branch(b: Binder, block: ir.Block, term: ir.Operation) -> list:
    """The branch a constant condition takes, moved in front of the If: its values replace
    the If's results with their own (often more precise) types; the other branch goes with
    the If. (Exported functions such as AffineGrid's pick their rank this way, and only the
    taken branch types the values after it.)"""
    values = list(term.operands)
    for i, (v, r) in enumerate(zip(values, b.onnx_op.results)):
        hi, ri = b.types.info(v.type), b.types.info(r.type)
        same_kind = any(b.types.contained(v.type, k) is not None and
                        b.types.contained(r.type, k) is not None for k in ("list", "optional"))
        if not (compatible(b, v.type, r.type) or same_kind or
                (hi is not None and ri is not None and ri[0] == () and hi[0]
                 and hi[1] == ri[1])):
            raise Unsupported(f"output #{i}: the taken branch yields {v.type} for {r.type}")
    anchor = b.onnx_op
    for op in list(block.operations):
        if op.operation != term:
            op.operation.move_before(anchor)
    return values


def if_(b: Binder):
    """If-1..25 -> torch.prim.If (condition via aten.item + aten.Bool.int); the branches'
    blocks move into it, their terminators become torch.prim.If.yield (static-info casts
    where a branch is more precise than the result type). A sequence both branches build
    with as many elements is yielded element-wise and built again after it. A constant
    condition inlines the branch it takes instead."""
    cond = b.input(0)
    shape = b.shape(cond)
    if shape is not None and any(d not in (1, None) for d in shape):
        raise Unsupported(f"condition of shape {list(shape)} is not a single element")
    else_block, then_block = body_block(b, 0), body_block(b, 1)  # sorted by attribute name
    branches = [(then_block, terminator(then_block)), (else_block, terminator(else_block))]
    for _, term in branches:
        if len(term.operands) != b.num_results:
            raise Unsupported(f"a branch yields {len(term.operands)} values for "
                              f"{b.num_results} results")
    known = b.const_value(cond)
    if known is not None and known.size == 1:
        return _inline_branch(b, *branches[0 if bool(known.reshape(-1)[0]) else 1])
    plan = []  # per output: its type, or the element types of a hoisted list
    for i in range(b.num_results):
        declared = b.result_type(i)
        values = [t.operands[i] for _, t in branches]
        hoisted = _hoisted_list(b, values) if b.list_element(declared) is not None else None
        if hoisted is not None:
            plan.append(hoisted)
            continue
        yields = [v.type for v in values]
        want = declared if all(fits(b, v, declared) for v in values) else \
            join(b, [*yields, declared]) or join(b, yields)
        if want is None or not all(fits(b, v, want) for v in values):
            raise Unsupported(f"output #{i}: branch types {[str(y) for y in yields]} have no "
                              "common type")
        plan.append(want)
    retype(b, list(b.onnx_op.results),
           [b.result_type(i) if isinstance(p, list) else p for i, p in enumerate(plan)])
    out_types = [t for p in plan for t in (p if isinstance(p, list) else [p])]
    cond_bool = bool_of(b, cond)
    new = b.op_regions("torch.prim.If", [cond_bool], out_types, 2)
    for region, (block, term) in zip(new.regions, branches):
        block.append_to(region)
        flat = [x for v, p in zip(term.operands, plan)
                for x in (_list_items(v) if isinstance(p, list) else [v])]
        with b.at(ir.InsertionPoint(term)):
            vals = [cast_to(b, v, t) for v, t in zip(flat, out_types)]
        replace_terminator(b, term, "torch.prim.If.yield", vals)
    results, produced = list(new.results), []
    for i, p in enumerate(plan):
        if isinstance(p, list):
            elems, results = results[:len(p)], results[len(p):]
            declared = b.result_type(i)
            elem = b.list_element(declared)
            if all(compatible(b, t, elem) for t in p):
                produced.append(b.list([cast_to(b, x, elem) for x in elems], declared))
            else:
                common = join(b, p, True)
                produced.append(b.list([cast_to(b, x, common) for x in elems],
                                       b.types.wrap(common, "list")))
            continue
        r, results = results[0], results[1:]
        produced.append(cast_to(b, r, b.result_type(i))
                        if compatible(b, r.type, b.result_type(i)) else r)
    return produced


# ------------------------------------------------------------------------------- Loop
def carried_types(b: Binder, inits: list, args: list, yields: list, declared: list) -> list:
    """The type of each loop-carried value: the declared body argument or result type where
    both the initial value and what the body yields fit it, else their join (ONNX inference
    often leaves the declared types wrong, e.g. rank 0), else either one's own type (a list
    built in place can be built again with the other's)."""
    out = []
    for j, (init, arg, y, res) in enumerate(zip(inits, args, yields, declared)):
        common = join(b, [init.type, y.type])
        for t in (arg.type, res, common, y.type, init.type):
            if t is not None and fits(b, init, t) and fits(b, y, t):
                out.append(t)
                break
        else:
            raise Unsupported(f"loop-carried value #{j}: initial {init.type} and yielded "
                              f"{y.type} have no common type")
    return out


MAX_UNROLL = 64  # iterations a Loop carrying sequences is unrolled into


def _const_int(v: ir.Value) -> int | None:
    owner = v.owner
    if isinstance(owner, (ir.Operation, ir.OpView)) and \
            owner.operation.name == "torch.constant.int":
        return ir.IntegerAttr(owner.operation.attributes["value"]).value
    return None


def _fold_list_op(b: Binder, op: ir.Operation) -> ir.Value | None:
    """A value for `op` (a torch list or int op an unrolled body holds) when its operands
    are known: lists built in place, constant ints; else None."""
    name, xs = op.name, list(op.operands)
    if name == "torch.aten.item":
        src = xs[0].owner
        if isinstance(src, (ir.Operation, ir.OpView)) and \
                src.operation.name == "torch.prim.NumToTensor.Scalar":
            return src.operation.operands[0]
        c = b.const_value(xs[0])
        if c is not None and c.size == 1 and c.dtype.kind in "iu":
            return b.int(int(c.reshape(-1)[0]))
        return None
    if name in ("torch.aten.add.int", "torch.aten.sub.int", "torch.aten.remainder.int"):
        a, c = _const_int(xs[0]), _const_int(xs[1])
        if a is None or c is None:
            return None
        return b.int({"torch.aten.add.int": a + c, "torch.aten.sub.int": a - c}.get(
            name, a % c if c else 0))
    items = _list_items(xs[0]) if xs else None
    if items is None:
        return None
    if name == "torch.aten.len.t":
        return b.int(len(items))
    if name == "torch.aten.__getitem__.t":
        i = _const_int(xs[1])
        if i is None or not -len(items) <= i < len(items):
            return None
        v = items[i]
        return v if v.type == op.results[0].type or not compatible(
            b, v.type, op.results[0].type) else cast_to(b, v, op.results[0].type)
    if name == "torch.aten.add.t":
        more = _list_items(xs[1])
        return None if more is None else _relist(b, items + more, op.results[0].type)
    if name == "torch.aten.slice.t":
        bounds = []
        for x in xs[1:3]:
            if x.type == b.types.none:
                bounds.append(None)
            elif _const_int(x) is None:
                return None
            else:
                bounds.append(_const_int(x))
        if _const_int(xs[3]) != 1:
            return None
        return _relist(b, items[bounds[0]:bounds[1]], op.results[0].type)
    return None


def _relist(b: Binder, items: list, list_type: ir.Type) -> ir.Value:
    """A prim.ListConstruct of `items`, typed by their common type (more precise than a
    wrongly inferred element type) or `list_type` when empty."""
    if not items:
        return b.list([], list_type)
    common = join(b, [x.type for x in items], True)
    return b.list([cast_to(b, x, common) for x in items], b.types.wrap(common, "list"))


def _unroll(b: Binder, count: int, inits: list, k: int) -> list:
    """The Loop body inlined `count` times (known trip count, the body keeps its condition),
    threading the carried values; list ops whose lists are now known fold, so sequences
    built by the loop stay known. Scan outputs are stacked (aten.stack)."""
    values = list(inits)
    scans: list[list] = [[] for _ in range(k)]
    for j in range(count):
        copy = b.onnx_op.clone(b.ip)  # a fresh copy of the whole op, for its body
        block = next(iter(copy.regions[0].blocks))
        args = list(block.arguments)
        subst = [emit.scalar_tensor(b, j, "si64"), emit.scalar_tensor(b, 1, "i1"), *values]
        for arg, v in zip(args, subst):
            if v.type != arg.type and compatible(b, v.type, arg.type):
                v = cast_to(b, v, arg.type)
            arg.replace_all_uses_with(v)
        ops = list(block.operations)
        for o in ops[:-1]:
            op = o.operation
            op.move_before(b.onnx_op)
            b.created.append(op)
            with b.at(ir.InsertionPoint(b.onnx_op)):
                folded = _fold_list_op(b, op) if len(op.results) == 1 else None
            if folded is not None:
                op.results[0].replace_all_uses_with(folded)
                b.created.remove(op)
                op.erase()
        outs = list(ops[-1].operation.operands)
        values = outs[1:1 + len(values)]
        for acc, y in zip(scans, outs[1 + len(values):]):
            acc.append(y)
        copy.erase()
    results = list(values)
    for i, acc in enumerate(scans):
        if not acc:
            raise Unsupported(f"scan output #{i} of a loop that runs no iteration")
        rows = [emit.unsqueeze(b, y, 0) for y in acc]
        results.append(b.op("torch.aten.cat", [b.tensor_list(rows), b.int(0)],
                            b.result_type(len(values) + i)))
    return results


def loop(b: Binder):
    """Loop-1..25 -> torch.prim.Loop. A for-like loop (the body passes its condition through)
    runs `M` (or 0 if the initial condition is false) iterations; any other runs while-like on
    its condition and a carried iteration counter (the trip count folded into the condition,
    as the while lowering ignores it). Scan outputs: aten.zeros for M rows, aten.slice_scatter
    per iteration (+ aten.slice to the rows a while loop filled)."""
    operands = list(b.onnx_op.operands)
    if len(operands) < 2:
        raise Unsupported("Loop needs its trip-count and condition operands (maybe empty)")
    trip, cond = b.optional_input(0), b.optional_input(1)
    inits = operands[2:]
    block = body_block(b, 0)
    term = terminator(block)
    args = list(block.arguments)
    n = len(inits)
    if len(args) != n + 2:
        raise Unsupported(f"body has {len(args)} inputs for {n} loop-carried values")
    yields = list(term.operands)
    k = len(yields) - 1 - n
    if k < 0 or b.num_results != n + k:
        raise Unsupported(f"body yields {len(yields)} values for {n} carried values and "
                          f"{b.num_results - n} scan outputs")
    passthrough = yields[0] == args[1] or is_true(b, yields[0])
    cond_const = None if cond is None else b.const_value(cond)
    trip_value = None if trip is None else b.const_value(trip)
    for what, c in (("cond", cond_const), ("M", trip_value)):
        if c is not None and c.size != 1:
            raise Unsupported(f"{what} has {c.size} elements, not 1")
    if passthrough and trip_value is not None and \
            (cond is None or (cond_const is not None and bool(cond_const.reshape(-1)[0]))) \
            and any(b.list_element(v) is not None for v in inits) \
            and 0 < int(trip_value.reshape(-1)[0]) <= MAX_UNROLL:
        # sequences carried through a torch.prim.Loop would stay unknown (and IREE takes no
        # lists): a short loop of known length is unrolled instead
        return _unroll(b, int(trip_value.reshape(-1)[0]), inits, k)
    results = list(b.onnx_op.results)
    types = carried_types(b, inits, args[2:], yields[1:n + 1], [r.type for r in results[:n]])
    accs = [Accumulator(b, y.type, results[n + i].type, f"scan output #{i}")
            for i, y in enumerate(yields[n + 1:])]
    retype(b, results, [*types, *(a.type for a in accs)])
    if passthrough and trip is None:
        raise Unsupported("Loop with no trip count whose body keeps its condition never ends")
    if accs and trip is None:
        raise Unsupported("scan outputs of a Loop with no trip count (no bound to preallocate "
                          "them; a growing loop-carried tensor is miscompiled by IREE)")
    trip_const = None if trip is None else b.const_value(trip)
    if accs and trip_const is not None and int(trip_const.reshape(-1)[0]) > MAX_SCAN_ROWS:
        raise Unsupported(f"scan outputs preallocated for a trip count of "
                          f"{int(trip_const.reshape(-1)[0])} rows")
    # ---- before the loop
    inits = [cast_to(b, v, t) for v, t in zip(inits, types)]
    true = b.bool(True)
    count = b.int(INT64_MAX) if trip is None else int_of(b, trip)
    if accs:
        rows = b.op("torch.prim.max.int", [count, b.int(0)], b.types.int)
    acc_inits = [a.initial(b, rows) for a in accs]
    if passthrough:
        if cond is not None and not (cond_const is not None and bool(cond_const.reshape(-1)[0])):
            count = b.op("torch.aten.mul.int",
                         [count, b.op("torch.aten.Int.bool", [bool_of(b, cond)], b.types.int)],
                         b.types.int)
        extra_inits = []
        start = true
    else:
        start = true if cond is None else bool_of(b, cond)
        if trip is not None:
            start = b.op("torch.aten.__and__.bool",
                         [start, b.op("torch.aten.lt.int", [b.int(0), count], b.types.bool)],
                         b.types.bool)
        extra_inits = [emit.scalar_tensor(b, 0, "si64")]
    new = b.op_regions("torch.prim.Loop", [count, start, *extra_inits, *inits, *acc_inits],
                       [*(v.type for v in extra_inits), *types, *(a.type for a in accs)], 1)
    # ---- the body: the old block, with new arguments (iteration int, counter?, carried, accs)
    block.append_to(new.regions[0])
    new_args = add_arguments(b, block, [b.types.int, *(v.type for v in extra_inits), *types,
                                        *(a.type for a in accs)])
    it, rest = new_args[0], new_args[1:]
    counter = rest[0] if extra_inits else None
    carried, acc_args = rest[len(extra_inits):len(extra_inits) + n], rest[len(extra_inits) + n:]
    head = ir.InsertionPoint.at_block_begin(block)
    with b.at(head):
        iter_tensor = counter if counter is not None else int_tensor(b, it)
        true_tensor = emit.scalar_tensor(b, 1, "i1")
    rewire(b, args[0], iter_tensor, head)
    rewire(b, args[1], true_tensor, head)
    for old, newv in zip(args[2:], carried):
        rewire(b, old, newv, head)
    yields = list(term.operands)  # re-read: a body may yield its own (now rewired) arguments
    with b.at(ir.InsertionPoint(term)):
        outs = [cast_to(b, v, t) for v, t in zip(yields[1:n + 1], types)]
        index = it if counter is None else int_of(b, counter)
        acc_outs = [a.store(b, acc, y, index)
                    for a, acc, y in zip(accs, acc_args, yields[n + 1:])]
        extra_outs = []
        if passthrough:
            go = true
        else:
            go = bool_of(b, yields[0])
            nxt = b.op("torch.aten.add.int", [index, b.int(1)], b.types.int)
            extra_outs = [int_tensor(b, nxt)]
            if trip is not None:
                go = b.op("torch.aten.__and__.bool",
                          [go, b.op("torch.aten.lt.int", [nxt, count], b.types.bool)],
                          b.types.bool)
    replace_terminator(b, term, "torch.prim.Loop.condition", [go, *extra_outs, *outs, *acc_outs])
    for _ in range(len(args)):
        block.erase_argument(0)
    produced = list(new.results)
    if extra_inits:  # a while loop: scan outputs hold as many rows as iterations ran
        done = int_of(b, produced[0])
        produced = produced[1:]
        produced[n:] = [a.first_rows(b, v, done) for a, v in zip(accs, produced[n:])]
    return produced


TABLE = [
    ("If", 1, if_),
    ("Loop", 1, loop),
]


def populate(registry) -> None:
    """Register If and Loop."""
    register_table(registry, TABLE)
