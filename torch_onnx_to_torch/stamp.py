"""Stamping: the driver's bulk path for large modules whose every ONNX op converts locally.

A handler is *local* (`@local`, families.py) when the IR it builds depends on nothing but the op's
name, attributes, operand and result types and the opset: not on what defines its operands, nor on
whether two operands are the same value (the elementwise families, the simple activations, Softmax,
LogSoftmax, MatMul). Such an op converts the same way wherever it stands, so there is no need to
build it op by op through the bindings, which alone cost about 4 us per op to create, replace and
erase, more than torch-mlir's whole C++ pass. Here each distinct op line (indent, name, attributes,
types) is converted once by the pass itself, on a small module holding one function per signature,
and the printed result becomes a `str.format` template, stamped on every line of that signature
with the op's own result and operand names; the module's text is split around the op lines, and the
templates applied, by the `re` and `str` machinery (no Python code per op). MLIR then parses and
verifies the whole result.

All or nothing: the module is stamped only if every `torch.operator` in it is a one-result,
region-free op of the default domain with a local handler, one opset for all functions, no
`dense_resource` (the pass inlines small ones) and no locations; an integer or bool result (which
the pass folds when it is computed from constants) only where every value is a function argument
or an ONNX op's result; the pass converts every signature without a decline; and the result
verifies. Otherwise `stamp` returns None and the driver runs the pass as usual.

The result is the module the pass gives, printed alike but for the names of values: the ops'
results keep their input names (`%7`), new values are `%<name>.<result>` (`%int1.7`).
test_stamp.py parses and prints both and compares them.
"""

from __future__ import annotations

import gc
import mmap
import re
from pathlib import Path
from typing import NamedTuple

from torch_mlir import ir

from .binder import new_context
from .conversion import Options, Report, run_on
from .folding import FOLDABLE
from .registry import DEFAULT_DOMAIN, Registry

# An ONNX op line: indent, result, name, operands, the rest (read by _TAIL, once per signature).
_OP = re.compile(r'^( *)%([^ \n]+) = torch\.operator "onnx\.(\w+)"\(([^)\n]*)\)(.*)$',
                 re.MULTILINE)
# The rest of an op line of one result and no region: attributes, operand types, result type.
_TAIL = re.compile(r'( \{[^{}\n]*\})? : \(([^()\n]*)\) -> (![^ \n]+) *')
_OPSET = re.compile(r'torch\.onnx_meta\.opset_version = (\d+) : si64')
_DEF = re.compile(r' *%([\w$.-]+)(?::\d+)? = ')
_RETURN = re.compile(r' *return %([\w$.-]+) : (.*)')
_NAME = re.compile(r'%([\w$.-]+)')
_VALUE_DEF = re.compile(r'^ *%[^ \n]+ = (?!torch\.constant\.none *$)', re.MULTILINE)
_OPSET_BYTES = re.compile(_OPSET.pattern.encode())  # the same, on a file's bytes
_NAME_BYTES = re.compile(rb'torch\.operator "onnx\.([\w.]+)"')
_DTYPE = re.compile(r'!torch\.vtensor<[^>]*,(\w+)>')


def _opset(text: str) -> int | None:
    """The opset version of every function in `text`; None if one has none or they differ."""
    found = set()
    i = text.find("func.func")
    while i >= 0:
        if not text[text.rfind("\n", 0, i) + 1:i].strip(" "):  # a header, not a comment
            m = _OPSET.search(text, i, text.find("\n", i) % (len(text) + 1))
            found.add(int(m.group(1)) if m else None)
        i = text.find("func.func", i + 1)
    return found.pop() if len(found) == 1 else None


def _function(index: int, name: str, attrs: str, types: list[str], result: str,
              opset: int) -> str:
    """A function holding one ONNX op on its arguments, for the pass to convert."""
    args = ", ".join(f"%arg{k}: {t}" for k, t in enumerate(types))
    operands = ", ".join(f"%arg{k}" for k in range(len(types)))
    return (f"func.func @s{index}({args}) -> {result} attributes "
            f"{{torch.onnx_meta.opset_version = {opset} : si64}} {{\n"
            f"  %0 = torch.operator \"onnx.{name}\"({operands}){attrs} : "
            f"({', '.join(types)}) -> {result}\n  return %0 : {result}\n}}\n")


def _template(indent: str, body: list[str], arity: int, result: str) -> tuple[str, bool] | None:
    """A `str.format` template of a converted function's body (its ops, then its return), and
    whether it takes the operands as the op line writes them (`{1}`; else one field each,
    `{1}`, `{2}`, ...). The result keeps the op's name (`%{0}`); a new value `%x` becomes
    `%x.{0}` (`%3`: `%v3.{0}`). None when the result is not built by the body or has another
    type."""
    m = _RETURN.fullmatch(body[-1])
    if m is None or m.group(2) != result:
        return None
    returned = m.group(1)
    defined = {d.group(1) for d in map(_DEF.match, body[:-1]) if d is not None}
    if returned not in defined:
        return None

    def field(mt) -> str:
        name = mt.group(1)
        if name == returned:
            return "%{0}"
        if name in defined:
            return "%" + (name if name[:1].isalpha() else "v" + name) + ".{0}"
        if name.startswith("arg") and name[3:].isdigit():
            return f"\0{name[3:]}\0"  # an operand, placed below
        raise KeyError(name)

    lines = []
    for line in body[:-1]:
        # names are renamed outside string literals only (MLIR prints a quote inside a
        # string as \22, so the quotes split the line exactly)
        pieces = line.strip().replace("{", "{{").replace("}", "}}").split('"')
        try:
            pieces[::2] = [_NAME.sub(field, p) for p in pieces[::2]]
        except KeyError:
            return None
        lines.append('"'.join(pieces))
    fmt = indent + ("\n" + indent).join(lines)
    together = ", ".join(f"\0{k}\0" for k in range(arity))
    if arity == 0 or (fmt.count(together) == 1 and fmt.count("\0") == 2 * arity):
        return fmt.replace(together, "{1}"), True
    return re.sub("\0(\\d+)\0", lambda mt: f"{{{int(mt.group(1)) + 1}}}", fmt), False


def _templates(keys: set[tuple[str, str, str]], opset: int,
               registry: Registry) -> tuple[dict, set] | None:
    """The template of each (indent, name, rest of the line) and the set of those that take
    their operands one by one; None unless every op has a local handler and converts fully."""
    sigs = []
    for key in keys:
        handler, _ = registry.lookup(DEFAULT_DOMAIN, key[1], opset)
        if not getattr(handler, "local", False):
            return None
        tail = _TAIL.fullmatch(key[2])
        if tail is None:
            return None  # several results, a region, a location, a type with spaces
        attrs, types, result = tail.groups()
        sigs.append((key, attrs or "", types.split(", ") if types else [], result))
    text = "module {\n" + "".join(_function(i, key[1], attrs, types, result, opset)
                                  for i, (key, attrs, types, result) in enumerate(sigs)) + "}\n"
    with new_context():
        try:
            module = ir.Module.parse(text)
        except ir.MLIRError:
            return None
        report = Report()
        if not run_on(module.operation, registry, Options(), report) or report.declines:
            return None
        printed = module.operation.get_asm(assume_verified=True, binary=True).decode("latin-1")
    # The printed module: `module {`, then per function its header, body lines and `  }`.
    lines = printed.split("\n")
    starts = [i for i, ln in enumerate(lines) if ln.startswith("  func.func @s")]
    if len(starts) != len(sigs):
        return None
    table, spread = {}, set()
    for (key, _, types, result), start in zip(sigs, starts):
        got = _template(key[0], lines[start + 1:lines.index("  }", start)], len(types), result)
        if got is None:
            return None
        table[key] = got[0]
        if not got[1]:
            spread.add(got[0])
    return table, spread


class Stamped(NamedTuple):
    text: bytes  # the converted module
    ops: int  # ONNX ops converted
    signatures: int  # distinct op lines, each converted once by the pass


def stamp(source: bytes | Path, registry: Registry, min_ops: int) -> Stamped | None:
    """The module `source` (its text, or a file, read here and let go once decoded) with every
    ONNX op converted by stamping, verified; None when the module does not qualify (see the
    module docstring) or has fewer than `min_ops` ONNX ops."""
    # Millions of strings and tuples, no cycles: the collector would walk them again and again.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _stamp(source, registry, min_ops)
    finally:
        if enabled:
            gc.enable()


def _qualifies(text, min_ops: int, registry: Registry) -> bool:
    """The quick tests, on the bytes or on a file's map before it is read (a large file that
    does not qualify is not read twice): no resource, no location, at least `min_ops` ONNX
    ops, and local handlers for the ops of the first MiB (weights, shapes and the like come
    early in a model)."""
    if text.find(b"dense_resource<") >= 0 or text.find(b"loc(") >= 0:
        return False
    at = 0
    for _ in range(min_ops):
        at = text.find(b"torch.operator", at) + 1
        if not at:
            return False
    head = min(len(text), 1 << 20)
    opset = _OPSET_BYTES.search(text, 0, head)
    if opset is None:
        return False
    return all(getattr(registry.lookup(DEFAULT_DOMAIN, name.decode(), int(opset.group(1)))[0],
                       "local", False) for name in set(_NAME_BYTES.findall(text, 0, head)))


def _stamp(source: bytes | Path, registry: Registry, min_ops: int) -> Stamped | None:
    if isinstance(source, Path):
        with open(source, "rb") as f:
            try:
                with mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as view:
                    if not _qualifies(view, min_ops, registry):
                        return None
            except ValueError:  # an empty file
                return None
            f.seek(0)
            source = f.read()
    elif not _qualifies(source, min_ops, registry):
        return None
    s = source.decode("latin-1")  # one character per byte, and back: exact for any byte
    del source  # (a file's bytes: the module is held once)
    n_ops = s.count("torch.operator")
    if n_ops < max(min_ops, 1):
        return None
    opset = _opset(s)
    if opset is None:
        return None
    parts = _OP.split(s)
    between, indents, results, names, operands, tails = (parts[k::6] for k in range(6))
    del parts
    # every ONNX op has its line: none is of another form (regions, several results, domains)
    if len(results) != n_ops:
        return None
    keys = list(zip(indents, names, tails))
    unique = set(keys)
    got = _templates(unique, opset, registry)
    if got is None:
        return None
    table, spread = got
    dtypes = [_DTYPE.search(k[2].rpartition(" -> ")[2]) for k in unique]
    if any(d is None or d.group(1) in FOLDABLE for d in dtypes) and \
            len(_VALUE_DEF.findall(s)) != n_ops:
        # The pass folds an integer result computed from constants (conversion._folded): such
        # ops are stamped only when every value is a function argument, an ONNX op's result
        # or a none.
        return None
    fmts = list(map(table.__getitem__, keys))
    del keys, indents, names, tails
    if spread:
        rendered = [f.format(r, *o.split(", ")) if f in spread else f.format(r, o)
                    for f, r, o in zip(fmts, results, operands)]
    else:
        rendered = list(map(str.format, fmts, results, operands))
    del fmts, results, operands
    pieces = [""] * (2 * len(rendered) + 1)
    pieces[0::2] = between
    pieces[1::2] = rendered
    del between, rendered
    del s
    out = "".join(pieces).encode("latin-1")
    del pieces
    with new_context():
        try:
            ir.Module.parse(out)
        except ir.MLIRError:
            return None
    return Stamped(out, n_ops, len(unique))
