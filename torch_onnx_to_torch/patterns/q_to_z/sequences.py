"""Q-Z sequence ops (Sequence*, SplitToSequence) on `!torch.list<vtensor>`.

Lists whose elements are known at conversion time (built by prim.ListConstruct) are resolved
into their elements; the others use torch's value-semantic list ops. See sequence_common.py.
"""

from __future__ import annotations

from torch_mlir import ir

from ... import emit
from ...binder import Binder, Unsupported
from ..families import register_table
from ..g_to_p.control_flow import body_block, compatible, join, terminator
from ..sequence_common import (
    const_position,
    fit,
    list_type,
    make_list,
    normalize_position,
    position_int,
    static_items,
)


def _result_list(b: Binder, items: list[ir.Value]) -> ir.Value:
    """`items` as the op's result list; a declared element type that some item cannot take
    (failed inference) gives way to the items' common type."""
    want = b.result_type()
    elem = list_type(b, want, "result")
    if all(compatible(b, v.type, elem) for v in items):
        return make_list(b, items, want)
    common = join(b, [v.type for v in items])
    if common is None:
        raise Unsupported(f"sequence elements {[str(v.type) for v in items]} have no common "
                          "type")
    actual = b.types.wrap(common, "list")
    b.onnx_op.results[0].set_type(actual)
    return make_list(b, items, actual)


def sequence_construct(b: Binder):
    """SequenceConstruct-11 -> prim.ListConstruct."""
    return _result_list(b, b.inputs())


def sequence_empty(b: Binder):
    """SequenceEmpty-11 -> an empty prim.ListConstruct of the result's element type."""
    return make_list(b, [], b.result_type())


def sequence_length(b: Binder):
    """SequenceLength-11 -> a constant when the list is known, else aten.len.t +
    prim.NumToTensor.Scalar."""
    seq = b.input(0)
    list_type(b, seq)
    items = static_items(seq)
    if items is not None:
        return emit.scalar_tensor(b, len(items), "si64")
    n = b.op("torch.aten.len.t", [seq], b.types.int)
    return b.op("torch.prim.NumToTensor.Scalar", [n], b.vtensor([], "si64"))


def sequence_at(b: Binder):
    """SequenceAt-11 -> the element itself (known list, constant position), else
    aten.__getitem__.t (negative positions count from the end, as in Python)."""
    seq, pos = b.input(0), b.input(1)
    elem = list_type(b, seq)
    items, p = static_items(seq), const_position(b, pos)
    if items is not None and p is not None:
        return _result_tensor(b, items[normalize_position(p, len(items), False)])
    return _result_tensor(b, b.op("torch.aten.__getitem__.t", [seq, position_int(b, pos)],
                                  elem))


def _result_tensor(b: Binder, v: ir.Value) -> ir.Value:
    """`v` as the op's tensor result; a declared type it cannot take (failed inference on
    sequence elements) is replaced by its own. Casts made to put it in a list are seen
    through."""
    while isinstance(v.owner, (ir.Operation, ir.OpView)) and \
            v.owner.operation.name == "torch.tensor_static_info_cast" and \
            compatible(b, v.owner.operation.operands[0].type, b.result_type()):
        v = v.owner.operation.operands[0]
    if not compatible(b, v.type, b.result_type()):
        b.onnx_op.results[0].set_type(v.type)
    return v


def _dynamic_len(b: Binder, seq: ir.Value) -> ir.Value:
    return b.op("torch.aten.len.t", [seq], b.types.int)


def _slice(b: Binder, seq: ir.Value, start, end) -> ir.Value:
    """`seq[start:end]` (aten.slice.t); None ends are open."""
    def arg(x):
        return b.none() if x is None else (x if isinstance(x, ir.Value) else b.int(x))
    return b.op("torch.aten.slice.t", [seq, arg(start), arg(end), b.int(1)], seq.type)


def _concat(b: Binder, lists: list[ir.Value]) -> ir.Value:
    out = lists[0]
    for other in lists[1:]:
        out = b.op("torch.aten.add.t", [out, other], join(b, [out.type, other.type]) or out.type)
    return out


def sequence_insert(b: Binder):
    """SequenceInsert-11 -> a new prim.ListConstruct (known list, constant or no position),
    else aten.slice.t + aten.add.t (value semantics; aten.insert.t mutates)."""
    seq, t, pos = b.input(0), b.input(1), b.optional_input(2)
    elem = list_type(b, seq)
    items, p = static_items(seq), const_position(b, pos)
    if items is not None and (pos is None or p is not None):
        at = len(items) if pos is None else normalize_position(p, len(items), True)
        return _result_list(b, [*items[:at], t, *items[at:]])
    if compatible(b, t.type, elem):
        one = b.list([fit(b, t, elem, "inserted tensor")], seq.type)
    else:  # the declared element type is wrong (failed inference): the list takes the join
        common = join(b, [elem, t.type], True)
        if common is None:
            raise Unsupported(f"inserted tensor of type {t.type} into a sequence of {elem}")
        one = b.list([fit(b, t, common, "inserted tensor")], b.types.wrap(common, "list"))
    if pos is None:
        out = _concat(b, [seq, one])
    else:
        # a negative p counts from the end: seq[:p] + [t] + seq[p:] is Python's insert too
        pi = position_int(b, pos)
        out = _concat(b, [_slice(b, seq, None, pi), one, _slice(b, seq, pi, None)])
    return out if out.type == b.result_type() else _retype_list(b, out)


def _retype_list(b: Binder, v: ir.Value) -> ir.Value:
    """A dynamic list whose element type differs from the declared one: the declared type
    is taken to be wrong and the result retyped (lists have no cast)."""
    b.onnx_op.results[0].set_type(v.type)
    return v


def sequence_erase(b: Binder):
    """SequenceErase-11 -> a new prim.ListConstruct (known list, constant or no position),
    else aten.slice.t + aten.add.t around the position (normalized with aten.len.t)."""
    seq, pos = b.input(0), b.optional_input(1)
    list_type(b, seq)
    items, p = static_items(seq), const_position(b, pos)
    if items is not None and (pos is None or p is not None):
        if not items:
            raise Unsupported("erasing from an empty sequence")
        at = normalize_position(-1 if pos is None else p, len(items), False)
        return _result_list(b, [*items[:at], *items[at + 1:]])
    if pos is None:
        out = _slice(b, seq, None, -1)
    else:
        n = _dynamic_len(b, seq)
        pi = b.op("torch.aten.remainder.int",
                  [b.op("torch.aten.add.int", [position_int(b, pos), n], b.types.int), n],
                  b.types.int)
        after = b.op("torch.aten.add.int", [pi, b.int(1)], b.types.int)
        out = _concat(b, [_slice(b, seq, None, pi), _slice(b, seq, after, None)])
    return out if out.type == b.result_type() else _retype_list(b, out)


def _pieces(b: Binder, x: ir.Value, axis: int, sizes: list, keep: bool) -> list:
    """`x` cut along `axis` into `sizes` (ints, or `!torch.int` for run-time sizes)
    (aten.slice.Tensor; aten.select.int when the pieces lose the axis)."""
    shape, elt = b.tensor_info(x)
    out, start = [], 0
    for s in sizes:
        end = emit.int_add(b, start, s)
        if keep:
            dims = list(shape)
            dims[axis] = s if isinstance(s, int) else None
            out.append(b.op("torch.aten.slice.Tensor",
                            [x, b.int(axis), emit.int_value(b, start), emit.int_value(b, end),
                             b.int(1)], b.vtensor(dims, elt)))
        else:
            dims = [d for i, d in enumerate(shape) if i != axis]
            out.append(b.op("torch.aten.select.int", [x, b.int(axis), emit.int_value(b, start)],
                            b.vtensor(dims, elt)))
        start = end
    return out


def split_to_sequence(b: Binder):
    """SplitToSequence-11..24 -> aten.slice.Tensor / aten.select.int pieces in a
    prim.ListConstruct (static dim and split, or a run-time `split` of static length), else
    aten.split.Tensor / aten.unbind.int."""
    x, split = b.input(0), b.optional_input(1)
    shape = b.shape(x)
    if not shape:
        raise Unsupported("input rank is unknown" if shape is None else "a rank-0 input")
    axis = emit.normalize_axis(b.attr_int("axis", 0), len(shape))
    keep = bool(b.attr_int("keepdims", 1))
    dim = shape[axis]
    want = b.result_type()
    list_type(b, want, "result")
    if split is None:
        if dim is not None:
            return make_list(b, _pieces(b, x, axis, [1] * dim, keep), want)
        if keep:
            return b.op("torch.aten.split.Tensor", [x, b.int(1), b.int(axis)], want)
        return b.op("torch.aten.unbind.int", [x, b.int(axis)], want)
    sizes = b.const_value(split)
    srank = b.rank(split)
    if srank == 0:
        if sizes is not None and dim is not None:
            step = int(sizes.reshape(-1)[0])
            if step <= 0:
                raise Unsupported(f"split size {step} must be positive")
            cuts = [min(step, dim - s) for s in range(0, dim, step)]
            return make_list(b, _pieces(b, x, axis, cuts, True), want)
        s = b.op("torch.aten.item", [split], b.types.int)
        return b.op("torch.aten.split.Tensor", [x, s, b.int(axis)], want)
    if srank != 1:
        raise Unsupported(f"'split' of rank {srank}")
    if sizes is not None:
        cuts = [int(v) for v in sizes.reshape(-1)]
        if dim is not None and sum(cuts) != dim:
            raise Unsupported(f"split sizes {cuts} do not add up to dim {dim}")
        return make_list(b, _pieces(b, x, axis, cuts, True), want)
    # as many pieces as entries (static length needed): a list of known length
    return make_list(b, _pieces(b, x, axis, emit.int_entries(b, split, "split"), True), want)


def sequence_map(b: Binder):
    """SequenceMap-17 -> the body inlined once per element (every input sequence known, of
    one length), the outputs gathered in prim.ListConstruct."""
    inputs = list(b.onnx_op.operands)
    block = body_block(b, 0)
    term = terminator(block)
    args = list(block.arguments)
    if len(args) != len(inputs):
        raise Unsupported(f"body has {len(args)} inputs for {len(inputs)} operands")
    per_input, length = [], None
    for i, v in enumerate(inputs):
        if b.list_element(v) is None:
            per_input.append(None)
            continue
        items = static_items(v)
        if items is None:
            raise Unsupported(f"input #{i} is a sequence of unknown length")
        if length is not None and len(items) != length:
            raise Unsupported("input sequences have different lengths")
        length = len(items)
        per_input.append(items)
    if length is None:
        raise Unsupported("the first input must be a sequence")
    for k in range(b.num_results):
        list_type(b, b.result_type(k), "result")
    outputs = [[] for _ in range(b.num_results)]
    if len(term.operands) != b.num_results:
        raise Unsupported(f"body yields {len(term.operands)} values for {b.num_results} "
                          "results")
    for j in range(length):
        mapping = {}
        for arg, v, items in zip(args, inputs, per_input):
            val = v if items is None else items[j]
            if val.type != arg.type:
                val = fit(b, val, arg.type, "sequence element") \
                    if b.types.info(arg.type) is not None else val
            mapping[arg] = val
        copy = b.onnx_op.clone(b.ip)  # a fresh copy of the whole op, for its body
        cblock = next(iter(copy.regions[0].blocks))
        for carg, arg in zip(cblock.arguments, args):
            carg.replace_all_uses_with(mapping[arg])
        cops = list(cblock.operations)
        for op in cops[:-1]:
            op.operation.move_before(b.onnx_op)
            b.created.append(op.operation)  # erased again on a decline
        for k, y in enumerate(cops[-1].operation.operands):
            outputs[k].append(y)
        copy.erase()
    results = []
    for k, ys in enumerate(outputs):
        want = b.result_type(k)
        results.append(make_list(b, ys, want))
    return results


TABLE = [
    ("SequenceAt", 11, sequence_at),
    ("SequenceConstruct", 11, sequence_construct),
    ("SequenceEmpty", 11, sequence_empty),
    ("SequenceErase", 11, sequence_erase),
    ("SequenceInsert", 11, sequence_insert),
    ("SequenceLength", 11, sequence_length),
    ("SequenceMap", 17, sequence_map),
    ("SplitToSequence", 11, split_to_sequence),
]


def populate(registry) -> None:
    """Register the sequence ops."""
    register_table(registry, TABLE)
