"""The `convert-torch-onnx-to-torch` pass, authored in Python.

One walk per function collects the `torch.operator` ops (innermost first, so region bodies are
converted before the op that holds them); each is dispatched by a dict lookup on its name to the
handler for the function's opset. Declines leave the op untouched and are recorded with their
reason; an unexpected exception in a handler becomes an error diagnostic at the op's location.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from torch_mlir import ir

from . import emit
from .binder import (
    Binder,
    InvalidInput,
    Types,
    Unsupported,
    inline_small_resource,
    is_small_resource,
    vtensor_asm,
)
from .folding import FOLDABLE, fold
from .refine import refine_created
from .registry import DEFAULT_DOMAIN, Registry
from .schema import schema_problem

PASS_NAME = "convert-torch-onnx-to-torch"
_OPSET = "torch.onnx_meta.opset_version"
_OPSETS = "torch.onnx_meta.opset_versions"


@dataclass
class Decline:
    """An op left unconverted, where, and why."""

    op: str  # e.g. "onnx.FooBar"
    location: str
    reason: str
    internal: bool = False  # True when a handler raised something other than Unsupported
    error: bool = False  # True when the op's input IR is malformed (binder.InvalidInput)

    @property
    def fails(self) -> bool:
        """Reported as an error diagnostic, failing the pass (not only a decline)."""
        return self.internal or self.error


@dataclass
class Report:
    """What a run of the pass did."""

    converted: Counter = field(default_factory=Counter)
    declines: list[Decline] = field(default_factory=list)
    # called as on_progress(ops done, ops in the function) while a function converts
    on_progress: Callable[[int, int], None] | None = field(default=None, repr=False,
                                                           compare=False)

    @property
    def left(self) -> Counter:
        return Counter(d.op for d in self.declines)

    def summary(self) -> str:
        """One line: how many ops were converted and left, by kind."""
        n_conv = sum(self.converted.values())
        left = self.left
        kinds = ", ".join(f"{k} x{v}" for k, v in sorted(left.items()))
        return (f"converted {n_conv} ops ({len(self.converted)} kinds); "
                f"left {sum(left.values())}" + (f": {kinds}" if kinds else ""))


@dataclass
class Options:
    """Pass options (`convert-torch-onnx-to-torch{strict=true}` in a pipeline)."""

    strict: bool = False  # fail the pass if any op is left, listing each with its reason

    @classmethod
    def parse(cls, text: str) -> Options:
        """Parse MLIR-style pass options: `strict=true` (bare `strict` means true)."""
        opts = cls()
        for item in text.split():
            key, _, val = item.partition("=")
            if key != "strict":
                raise ValueError(f"unknown option '{key}' for {PASS_NAME} (known: strict)")
            if val.lower() not in ("", "1", "true", "0", "false"):
                raise ValueError(f"bad value '{val}' for option '{key}'")
            opts.strict = val.lower() in ("", "1", "true")
        return opts


def location_str(loc: ir.Location) -> str:
    """A location as `file:line:col` when it has one, else its MLIR form."""
    s = str(loc)
    m = re.search(r'"([^"]*)":(\d+):(\d+)', s)
    if m:
        return f"{m.group(1)}:{m.group(2)}:{m.group(3)}"
    return s


def _split_name(full: str) -> tuple[str, str]:
    """`onnx.Abs` -> ("", "Abs"); `onnx.com.microsoft.Foo` -> ("com.microsoft", "Foo")."""
    rest = full.removeprefix("onnx.")
    domain, _, name = rest.rpartition(".")
    return (domain if domain != "ai.onnx" else DEFAULT_DOMAIN), name


class _FunctionEnv:
    __slots__ = ("default_opset", "opsets")

    def __init__(self, func: ir.Operation):
        attrs = func.attributes
        # A non-integer version is kept as its text: registry.lookup declines with it.
        self.default_opset = getattr(attrs[_OPSET], "value", str(attrs[_OPSET])) \
            if _OPSET in attrs else None
        self.opsets = {}
        if _OPSETS in attrs and isinstance(attrs[_OPSETS], ir.DictAttr):
            for na in ir.DictAttr(attrs[_OPSETS]):
                self.opsets[na.name] = getattr(na.attr, "value", str(na.attr))

    def version(self, domain: str) -> int | None:
        return self.default_opset if domain == DEFAULT_DOMAIN else self.opsets.get(domain)


def walk_named(root: ir.Operation, name: str, fn, order=ir.WalkOrder.PRE_ORDER) -> None:
    """Call `fn(op)` on every op named `name` under `root`. (A name test in the callback is as
    fast as the bindings' op-class filter, and spares importing torch-mlir's generated op
    classes, a third of the start-up.)"""

    def visit(op):
        if op.name == name:
            fn(op)
        return ir.WalkResult.ADVANCE

    root.walk(visit, order)


def _functions(root: ir.Operation) -> list[ir.Operation]:
    if root.name == "func.func":
        return [root]
    funcs = []

    def visit(op):
        if op.name == "func.func":
            funcs.append(op)
            return ir.WalkResult.SKIP
        return ir.WalkResult.ADVANCE

    root.walk(visit, ir.WalkOrder.PRE_ORDER)
    return funcs


def _resource_constants(func: ir.Operation) -> list[ir.Attribute]:
    """The small dense_resource values of the literals and onnx.Constant ops of `func`: the
    integer-typed ones (shape-like operands, read by handlers) and those the pass inlines;
    their blobs are then read together (see ResourceBlobs)."""
    found = []

    def visit(op):
        attrs = op.attributes
        if op.name == "torch.vtensor.literal":
            found.append(attrs["value"])
        elif op.name == "torch.operator" and "torch.onnx.value" in attrs and \
                attrs["name"].value == "onnx.Constant":
            found.append(attrs["torch.onnx.value"])
        return ir.WalkResult.ADVANCE

    func.walk(visit, ir.WalkOrder.PRE_ORDER)
    # dense_resource attributes are the ones the bindings do not downcast to DenseElementsAttr
    return [a for a in found if not isinstance(a, ir.DenseElementsAttr) and (
        isinstance(getattr(a.type, "element_type", None), ir.IntegerType) or
        is_small_resource(a))]


def _sync_signature(func: ir.Operation, last: ir.Operation | None) -> None:
    """Make the function's result types those its `func.return` (`last`) returns, where a
    handler gave a value its real type in place of a wrong declared one (see _coerce)."""
    if last is None:
        return
    ftype = ir.FunctionType(ir.TypeAttr(func.attributes["function_type"]).value)
    returned = [v.type for v in last.operands]
    if returned != list(ftype.results):
        func.attributes["function_type"] = ir.TypeAttr.get(
            ir.FunctionType.get(list(ftype.inputs), returned))


def _inline_small_resources(literals: list[ir.Operation], types: Types) -> None:
    """The input's own small `torch.vtensor.literal`s holding a dense_resource become inline
    `dense<...>`, as the ones the pass builds do (binder.inline_small_resource)."""
    found = [op for op in literals if is_small_resource(op.attributes["value"])]
    if found:
        types.blobs.preload([op.attributes["value"] for op in found])
    for op in found:
        op.attributes["value"] = inline_small_resource(op.attributes["value"], types.blobs)


def _coerce(b: Binder, value: ir.Value, old: ir.Value) -> ir.Value:
    """Make `value` have exactly the type of ONNX result `old` (a static-info cast)."""
    want = old.type
    if value.type == want:
        return value
    have_info = b.types.info(value.type)
    want_info = b.types.info(want)
    if have_info is None or want_info is None:
        for kind in ("list", "optional"):
            if b.types.contained(value.type, kind) is not None and \
                    b.types.contained(want, kind) is not None:
                # Element types differ (inference often types sequence elements wrongly, and
                # lists have no cast): the users, and a function signature, take the real one.
                return value
        raise Unsupported(f"handler produced {value.type} where {want} is expected")
    if have_info[1] is not None and want_info[1] is not None and have_info[1] != want_info[1]:
        raise Unsupported(f"handler produced dtype {have_info[1]} where {want_info[1]} is expected")
    have, wanted = have_info[0], want_info[0]
    if have is not None and (wanted is None or (wanted == () and have)):
        # An unranked declared type is a value ONNX inference left without a shape (often
        # inside Loop/Scan bodies); torch-mlir's own importer types those rank 0. The handler
        # computed the real type from its operands, so the users (and a function signature
        # returning it) get that one.
        return value
    if have is not None and wanted is not None and (
            len(have) != len(wanted) or
            any(h is not None and w is not None and h != w for h, w in zip(have, wanted))):
        # The declared result type and what the op computes disagree (often a wrong type from
        # shape inference): a cast would be invalid IR, so the op stays.
        raise Unsupported(f"result shape {list(have)} does not match the declared "
                          f"{list(wanted)}".replace("None", "?"))
    if have is not None and wanted is not None:
        # Users get the most precise type: a dim the handler knows statically (a shape folded
        # at conversion time) is not hidden behind the declared `?`.
        meet = [h if h is not None else w for h, w in zip(have, wanted)]
        if meet == list(have) and (want_info[1] is None or have_info[1] is not None):
            return value
        want = b.vtensor(meet, want_info[1] if have_info[1] is None else have_info[1])
    return b.op("torch.tensor_static_info_cast", [value], want)


def _folded(b: Binder, value: ir.Value | None) -> ir.Value | None:
    """`value`, or a literal of it when it is a small integer/bool tensor computed from
    constants (folding.py): the next handlers read it as a constant, shapes come out static."""
    if value is None:
        return None
    info = b.types.info(value.type)
    if info is None or info[1] not in FOLDABLE:  # e.g. any float result: not a shape
        return value
    owner = value.owner
    if not isinstance(owner, (ir.Operation, ir.OpView)) or \
            owner.operation.name == "torch.vtensor.literal":
        return value
    try:
        vals = fold(b, value)
    except Exception:  # folding is an optimization: a malformed operand must not fail the op
        return value
    if vals is None:
        return value
    try:
        with b.loc:
            lit = emit.array_literal(b, vals, b.dtype(value))
    except Unsupported:
        return value
    return lit if lit.type == value.type else value


def _decline(report: Report, op: ir.Operation, full: str, reason: str, emit: bool,
             internal: bool = False, error: bool = False) -> None:
    report.declines.append(Decline(full, location_str(op.location), reason, internal, error))
    if emit:
        op.location.emit_error(reason if internal or error else
                               f"{full} was not converted: {reason}")


def convert_op(op: ir.Operation, full: str, registry: Registry, env: _FunctionEnv,
               types: Types, report: Report, dispatch_cache: dict, strict: bool) -> None:
    """Rewrite one `torch.operator` named `full` (e.g. "onnx.Abs") in place, or record why
    it stays."""
    entry = dispatch_cache.get(full)  # the cache holds one function's (opset's) lookups
    if entry is None:
        domain, name = _split_name(full)
        version = env.version(domain)
        if version is None:
            entry = (None, f"function has no opset version for domain '{domain or 'ai.onnx'}'",
                     0, domain, name, None)
        else:
            handler, reason = registry.lookup(domain, name, version)
            entry = (handler, reason, version, domain, name, getattr(handler, "direct", None))
        dispatch_cache[full] = entry
    handler, reason, version, domain, name, direct = entry
    if direct is not None:
        # A handler's `direct(op, types, version)` builds its most common form without a
        # Binder (the same IR), or returns None and the handler runs (Constant, the float
        # unary and binary families).
        try:
            new = direct(op, types, version)
        except Exception:  # the handler then runs, and reports what is wrong
            new = None
        if new is not None:
            op.results[0].replace_all_uses_with(new)
            op.erase()
            report.converted[full] += 1
            return
    if handler is not None:
        reason = schema_problem(domain, name, version, op.operands, op.results, types.is_tensor)
    if handler is None or reason:
        _decline(report, op, full, reason, strict)
        return
    b = Binder(op, types, version, full)
    try:
        with b.loc:
            produced = handler(b)
        refine_created(b)
        results = op.results
        if isinstance(produced, ir.Value) and len(results) == 1:  # the common case
            old = results[0]
            results = [old]
            replacements = [produced if produced.type == old.type else
                            _coerce(b, produced, old)]
        else:
            if isinstance(produced, ir.Value) or produced is None:
                produced = [produced]
            results = list(results)
            if len(produced) != len(results):
                raise Unsupported(f"handler produced {len(produced)} values for "
                                  f"{len(results)} results")
            replacements = []
            for i, (new, old) in enumerate(zip(produced, results)):
                if new is None:
                    if next(iter(old.uses), None) is not None:
                        raise Unsupported(f"output #{i} is used but not supported")
                    replacements.append(None)
                else:
                    replacements.append(_coerce(b, new, old))
    except Unsupported as e:
        b.discard()
        _decline(report, op, full, str(e) or "declined", strict)
        return
    except InvalidInput as e:  # malformed input IR: an error at the op, not a decline
        b.discard()
        _decline(report, op, full, f"{full}: {e}", True, error=True)
        return
    except Exception as e:  # a handler bug must not crash the tool: report it at the op
        b.discard()
        msg = f"internal error converting {full}: {type(e).__name__}: {e}"
        _decline(report, op, full, msg, True, internal=True)
        return
    refolded = False
    for old, new in zip(results, replacements):
        if new is not None:
            lit = _folded(b, new)
            refolded = refolded or lit is not new
            old.replace_all_uses_with(lit)
    op.erase()
    if refolded:
        for created in reversed(b.created):  # what folding left unused (pure ops only)
            if len(created.results) and not len(created.regions) and \
                    all(next(iter(r.uses), None) is None for r in created.results):
                created.erase()
    report.converted[full] += 1


def _drop_erased_declines(func: ir.Operation, report: Report, start: int) -> None:
    """Forget the declines (from index `start`) of ops no longer in `func`: those inside an
    If branch a constant condition never takes, erased with it."""
    alive: Counter = Counter()

    def visit(o):
        op = o.operation
        alive[(op.attributes["name"].value, location_str(op.location))] += 1
        return ir.WalkResult.ADVANCE

    walk_named(func, "torch.operator", visit)
    kept = []
    for d in report.declines[start:]:
        key = (d.op, d.location)
        if alive[key] > 0 or d.fails:
            alive[key] -= 1
            kept.append(d)
    report.declines[start:] = kept


def _retype_body_arguments(loops: list[ir.Operation], types: Types) -> None:
    """Give Loop and Scan body arguments without a shape (unranked; torch-mlir's importer types
    them rank 0) the type of the value they receive on entry, before the
    bodies are converted, so that body ops see real shapes. Outer loops first."""

    def visit(o):
        op = o.operation
        name = op.attributes["name"].value
        if name not in ("onnx.Loop", "onnx.Scan") or len(op.regions) != 1:
            return ir.WalkResult.ADVANCE
        blocks = list(op.regions[0].blocks)
        if len(blocks) != 1:
            return ir.WalkResult.ADVANCE
        args, operands = list(blocks[0].arguments), list(op.operands)
        if name == "onnx.Loop":
            pairs = [(a, v.type, None) for a, v in zip(args[2:], operands[2:])]
        else:
            if "torch.onnx.num_scan_inputs" not in op.attributes or len(args) != len(operands):
                return ir.WalkResult.ADVANCE  # Scan-8 (batched) is left as it is
            m = getattr(op.attributes["torch.onnx.num_scan_inputs"], "value", None)
            if not isinstance(m, int) or not 0 <= m <= len(operands):
                return ir.WalkResult.ADVANCE  # malformed: the Scan handler declines it
            n = len(operands) - m
            axes = [0] * m
            if "torch.onnx.scan_input_axes" in op.attributes:
                axes = [a.value for a in op.attributes["torch.onnx.scan_input_axes"]]
            pairs = [(a, v.type, None) for a, v in zip(args[:n], operands[:n])]
            pairs += [(a, v.type, ax) for a, v, ax in zip(args[n:], operands[n:], axes)]
        for arg, init, axis in pairs:
            have, want = types.info(init), types.info(arg.type)
            if have is None or want is None or have[0] is None or \
                    not (want[0] is None or (want[0] == () and have[0])):
                continue
            shape = list(have[0])
            if axis is not None:
                if not -len(shape) <= axis < len(shape):
                    continue
                del shape[axis]
            if shape or want[0] is None:
                arg.set_type(types.get(vtensor_asm(shape, have[1] or want[1])))
        return ir.WalkResult.ADVANCE

    for op in reversed(loops):  # post-order reversed: outer loops before the ones they hold
        visit(op)


def _collect(func: ir.Operation) -> tuple[list[ir.Operation], list[str],
                                          list[ir.Operation], ir.Operation | None]:
    """One walk: the ONNX ops, innermost first, with their names; the input's own literals;
    the function's `func.return` (the last one in post-order; bodies end in other ops)."""
    ops: list[ir.Operation] = []
    names: list[str] = []
    literals: list[ir.Operation] = []
    ret: list[ir.Operation] = []

    def visit(op):
        name = op.name
        if name == "torch.operator":
            ops.append(op)
            names.append(op.attributes["name"].value)
        elif name == "torch.vtensor.literal":
            literals.append(op)
        elif name == "func.return":
            ret.append(op)
        return ir.WalkResult.ADVANCE

    func.walk(visit, ir.WalkOrder.POST_ORDER)
    return ops, names, literals, (ret[-1] if ret else None)


def run_on(root: ir.Operation, registry: Registry, options: Options, report: Report) -> bool:
    """Convert every ONNX op under `root`; returns False if the pass must fail."""
    with root.context:
        return _run_on(root, registry, options, report)


def _run_on(root: ir.Operation, registry: Registry, options: Options, report: Report) -> bool:
    types = Types(root.context)
    dispatch_cache: dict = {}
    first = len(report.declines)
    for func in _functions(root):
        env = _FunctionEnv(func)
        ops, names, literals, ret = _collect(func)
        if env.default_opset is None and not env.opsets:
            for o, full in zip(ops, names):
                _decline(report, o, full,
                         "function has no torch.onnx_meta.opset_version", options.strict)
            continue
        try:
            _retype_body_arguments([o for o, n in zip(ops, names)
                                    if n in ("onnx.Loop", "onnx.Scan")], types)
        except RuntimeError:  # a malformed Loop/Scan attribute: its handler declines the op
            pass
        dispatch_cache.clear()
        types.blobs.candidates = lambda func=func: _resource_constants(func)
        with func.location:
            _inline_small_resources(literals, types)
        before = len(report.declines)
        tick = report.on_progress
        for i, o in enumerate(ops):
            convert_op(o, names[i], registry, env, types, report, dispatch_cache,
                       options.strict)
            if tick is not None and not i & 1023:
                tick(i + 1, len(ops))
        if tick is not None:
            tick(len(ops), len(ops))
        if len(report.declines) > before:
            _drop_erased_declines(func, report, before)
        _sync_signature(func, ret)
    new = report.declines[first:]
    return not new if options.strict else not any(d.fails for d in new)


def make_pass(registry: Registry | None = None, options: Options | None = None,
              report: Report | None = None):
    """The pass as a callable for `PassManager.add(callable, ...)`; fills `report`."""
    reg = registry if registry is not None else _default()
    opts = options or Options()
    rep = report if report is not None else Report()

    def convert_torch_onnx_to_torch(op, pass_):
        if not run_on(op, reg, opts, rep):
            pass_.signal_pass_failure()

    convert_torch_onnx_to_torch.report = rep
    return convert_torch_onnx_to_torch


_DEFAULT: Registry | None = None


def _default() -> Registry:
    global _DEFAULT
    if _DEFAULT is None:
        from .registry import default_registry

        _DEFAULT = default_registry()
    return _DEFAULT
