"""Sequences and optionals at a function boundary, made tensors for one set of inputs.

IREE's torch input takes no `!torch.list` or `!torch.optional` in a function signature. For
one concrete set of inputs (an ONNX test data set) the structure is known: a sequence
argument of n tensors becomes n tensor arguments gathered by a `prim.ListConstruct` at the
top of the function, an empty optional a `torch.derefine` of none, a present one its value.
The pass then resolves those lists and optionals at conversion time (sequence_common.py);
a list or optional result built in the function (prim.ListConstruct / torch.derefine) is
returned as its tensors. `regroup` puts the outputs back in the original structure.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from torch_mlir import ir

from .binder import Types, vtensor_asm


@dataclass
class Layout:
    """How one original result is laid out in the flat results."""

    kind: str  # "tensor", "list", "none" (an empty optional), "maybe" (flag + payload)
    items: list[Layout] = field(default_factory=list)


def _entry(module: ir.Module, name: str) -> ir.Operation:
    for op in module.body.operations:
        if op.operation.name == "func.func" and \
                ir.StringAttr(op.operation.attributes["sym_name"]).value == name:
            return op.operation
    raise ValueError(f"no function @{name}")


def _set_signature(func: ir.Operation, inputs: list, results: list) -> None:
    func.attributes["function_type"] = ir.TypeAttr.get(ir.FunctionType.get(inputs, results))


def needs_flattening(model) -> bool:
    """True if the ONNX model's graph takes or returns a sequence or an optional."""
    return any(v.type.HasField("sequence_type") or v.type.HasField("optional_type")
               for v in [*model.graph.input, *model.graph.output])


def specialize_inputs(module: ir.Module, entry: str, inputs: list) -> list:
    """Rewrite @entry's list and optional arguments for `inputs` (numpy arrays, lists of
    them, None); returns the flat inputs of the new signature."""
    func = _entry(module, entry)
    block = func.regions[0].blocks[0]
    types = Types(module.context)
    old_args = list(block.arguments)
    if len(old_args) != len(inputs):
        raise ValueError(f"@{entry} takes {len(old_args)} arguments, got {len(inputs)} inputs")
    first = block.operations[0] if len(block.operations) else None
    ip = ir.InsertionPoint(first) if first is not None else ir.InsertionPoint(block)
    loc = func.location
    flat: list = []

    def build(name, operands, result):
        return ir.Operation.create(name, results=[result], operands=operands, loc=loc,
                                   ip=ip).results[0]

    def make(t: ir.Type, v) -> ir.Value:
        elem = types.contained(t, "list")
        payload = types.contained(t, "optional")
        if payload is not None:
            if v is None:
                none = build("torch.constant.none", [], types.none)
                return build("torch.derefine", [none], t)
            return build("torch.derefine", [make(payload, v)], t)
        if elem is not None:
            if not isinstance(v, (list, tuple)):
                raise ValueError(f"expected a sequence for {t}")
            items = [make(elem, x) for x in v]
            want = _common_element(types, elem, [x.type for x in items])
            items = [x if x.type == want else build("torch.tensor_static_info_cast", [x], want)
                     for x in items]
            return build("torch.prim.ListConstruct", items, types.wrap(want, "list"))
        if v is None or isinstance(v, (list, tuple)):
            raise ValueError(f"expected a tensor for {t}")
        flat.append(v)
        return block.add_argument(_tensor_type(types, t, np.asarray(v)), loc)

    with module.context:
        for arg, v in zip(old_args, inputs):
            new = make(arg.type, v)
            if new.type != arg.type and types.info(arg.type) is not None:
                # a tensor argument typed more precisely (lists keep their new type)
                new = build("torch.tensor_static_info_cast", [new], arg.type)
            arg.replace_all_uses_with(new)
        for _ in old_args:
            block.erase_argument(0)
        ret = block.operations[len(block.operations) - 1].operation
        _set_signature(func, [a.type for a in block.arguments], [v.type for v in ret.operands])
    return flat


def _common_element(types: Types, declared: ir.Type, items: list) -> ir.Type:
    """The declared element type where every item is of it, else the items' join (same rank:
    differing dims dynamic; else unranked) with the declared dtype."""
    if all(t == declared for t in items) or not items:
        return declared
    infos = [types.info(t) for t in items]
    elt = types.info(declared)[1] if types.info(declared) else infos[0][1]
    shapes = [i[0] for i in infos]
    if any(s is None for s in shapes) or len({len(s) for s in shapes}) > 1:
        return types.get(vtensor_asm(None, elt))
    dims = [d[0] if all(x == d[0] for x in d) else None for d in zip(*shapes)]
    return types.get(vtensor_asm(dims, elt))


def _tensor_type(types: Types, declared: ir.Type, value: np.ndarray) -> ir.Type:
    """The declared tensor type where the value fits it, else the value's own shape (ONNX
    inference often types sequence elements wrongly) with the declared dtype."""
    info = types.info(declared)
    if info is None:
        raise ValueError(f"expected a tensor type, got {declared}")
    shape, elt = info
    if shape is not None and len(shape) == value.ndim and all(
            d is None or d == s for d, s in zip(shape, value.shape)):
        return declared
    return types.get(vtensor_asm(list(value.shape), elt))


def flatten_results(module: ir.Module, entry: str) -> list[Layout]:
    """Return @entry's list and optional results as their tensors (they must be built in
    the function, or be an optional a `torch.prim.If` chooses); returns the layout of the
    original results."""
    func = _entry(module, entry)
    block = func.regions[0].blocks[0]
    ret = block.operations[len(block.operations) - 1].operation
    types = Types(module.context)
    flat: list[ir.Value] = []
    replaced: list[ir.Operation] = []
    with module.context:
        layouts = [_take(types, v, flat, replaced) for v in ret.operands]
        ir.Operation.create("func.return", operands=flat, loc=ret.location,
                            ip=ir.InsertionPoint(ret))
        ret.erase()
        for op in replaced:  # Ifs rebuilt by _flag_and_payload, now without uses
            op.erase()
        _set_signature(func, [a.type for a in block.arguments], [v.type for v in flat])
    return layouts


def _take(types: Types, v: ir.Value, flat: list, replaced: list) -> Layout:
    """The layout of result `v`, its tensors appended to `flat` (ops it replaced, to erase
    once the return is rebuilt, to `replaced`)."""
    t = v.type
    if types.contained(t, "list") is None and types.contained(t, "optional") is None:
        flat.append(v)
        return Layout("tensor")
    owner = v.owner
    name = owner.name if isinstance(owner, (ir.Operation, ir.OpView)) else ""
    if name == "torch.derefine":
        src = owner.operands[0]
        return Layout("none") if src.type == types.none else _take(types, src, flat, replaced)
    if name == "torch.prim.ListConstruct":
        return Layout("list", [_take(types, x, flat, replaced) for x in owner.operands])
    if name == "torch.prim.If" and types.contained(t, "optional") is not None:
        return _flag_and_payload(types, owner.operation, v, flat, replaced)
    raise ValueError(f"a {t} result not built in the function cannot be returned")


def _literal(t: ir.Type, text: str, ip: ir.InsertionPoint, loc: ir.Location) -> ir.Value:
    return ir.Operation.create("torch.vtensor.literal", results=[t], loc=loc, ip=ip,
                               attributes={"value": ir.Attribute.parse(text)}).results[0]


def _zeros(types: Types, t: ir.Type, ip: ir.InsertionPoint, loc: ir.Location) -> ir.Value:
    """A zero literal of static tensor type `t` (the payload of an absent optional)."""
    info = types.info(t)
    if info is None or info[0] is None or None in info[0] or info[1] is None:
        raise ValueError(f"an optional payload of type {t} has no static shape to stand in "
                         "for an absent value")
    shape, elt = info
    zero = "false" if elt == "i1" else "0.0" if elt.startswith(("f", "bf")) else "0"
    return _literal(t, f"dense<{zero}> : tensor<{''.join(f'{d}x' for d in shape)}{elt}>", ip,
                    loc)


def _flag_and_payload(types: Types, if_op: ir.Operation, v: ir.Value, flat: list,
                      replaced: list) -> Layout:
    """An optional result a `torch.prim.If` chooses at run time (one branch yields none, the
    other a value): the If is rebuilt to yield a rank-0 i1 presence flag and the payload's
    tensors (zeros where absent) instead; the "maybe" layout reads them back."""
    if len(if_op.results) != 1 or any(u.owner.name != "func.return" for u in v.uses):
        raise ValueError(f"a {v.type} result chosen by a torch.prim.If that has other uses or "
                         "results cannot be returned")
    branches = []  # (yield op, yielded payload or none)
    for region in if_op.regions:
        block = region.blocks[0]
        y = block.operations[len(block.operations) - 1].operation
        owner = y.operands[0].owner
        if not isinstance(owner, (ir.Operation, ir.OpView)) or owner.name != "torch.derefine":
            raise ValueError(f"a {v.type} If result not built in its branches cannot be "
                             "returned")
        branches.append((y, owner.operands[0]))
    present = [x for _, x in branches if x.type != types.none]
    if len(present) != 1:
        raise ValueError(f"a {v.type} If result present in both or neither branch cannot be "
                         "returned as a flag and a payload")
    payload: list[ir.Value] = []
    layout = _take(types, present[0], payload, replaced)
    flag_t = types.get("!torch.vtensor<[],i1>")
    out_types = [flag_t] + [x.type for x in payload]
    new = ir.Operation.create("torch.prim.If", results=out_types, operands=[if_op.operands[0]],
                              regions=2, loc=if_op.location, ip=ir.InsertionPoint(if_op))
    for region, (y, x) in zip(if_op.regions, branches):
        ip, loc = ir.InsertionPoint(y), y.location
        absent = x.type == types.none
        vals = [_literal(flag_t, f"dense<{'false' if absent else 'true'}> : tensor<i1>", ip, loc)]
        vals += [_zeros(types, t, ip, loc) for t in out_types[1:]] if absent else payload
        ir.Operation.create("torch.prim.If.yield", operands=vals, loc=loc, ip=ip)
        y.erase()
    for old, region in zip(if_op.regions, new.regions):
        old.blocks[0].append_to(region)
    flat.extend(new.results)
    replaced.append(if_op)
    return Layout("maybe", [layout])


def regroup(flat: list, layouts: list[Layout]) -> list:
    """The flat outputs put back in the original structure (lists, None for an empty
    optional)."""
    it = iter(flat)

    def build(layout: Layout):
        if layout.kind == "tensor":
            return next(it)
        if layout.kind == "none":
            return None
        if layout.kind == "maybe":  # a presence flag, then the payload (zeros when absent)
            flag = bool(next(it))
            value = build(layout.items[0])
            return value if flag else None
        return [build(x) for x in layout.items]

    return [build(x) for x in layouts]


def flatten_inputs(inputs: list) -> list:
    """The data set inputs as the specialized function takes them."""
    out = []
    for v in inputs:
        if v is None:
            continue
        if isinstance(v, (list, tuple)):
            out.extend(flatten_inputs(list(v)))
        else:
            out.append(v)
    return out
