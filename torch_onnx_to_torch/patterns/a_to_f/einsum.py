"""Einsum, decomposed in Python into diagonals, sums, permutes and batched matmuls.

aten.einsum is not emitted: torch-mlir's decomposition of it neither accepts spaces nor
repeated labels, and its sums do not legalize for every dtype. Here the equation is parsed
once and each step is a plain torch op that lowers everywhere.
"""

from __future__ import annotations

import re

from ... import emit
from ...binder import Binder, Unsupported
from ..families import register_table

_TERM = re.compile(r"^[A-Za-z]*(\.\.\.)?[A-Za-z]*$")


def parse_equation(eq: str, ranks: list[int]) -> tuple[list[list], list]:
    """Labels of each input and of the output, with `...` expanded to ("...", k) labels.

    Ellipsis labels are right-aligned across inputs (k counts from the outermost ellipsis dim
    of the widest input), so that broadcast ellipsis dims share labels.
    """
    eq = eq.replace(" ", "")
    lhs, arrow, rhs = eq.partition("->")
    terms = lhs.split(",")
    if len(terms) != len(ranks):
        raise Unsupported(f"equation has {len(terms)} operands, the op has {len(ranks)}")
    for term in terms + ([rhs] if arrow else []):
        if not _TERM.match(term):
            raise Unsupported(f"malformed einsum term '{term}'")
    widths = []
    for term, rank in zip(terms, ranks):
        letters = len(term.replace("...", ""))
        width = rank - letters if "..." in term else 0
        if width < 0 or ("..." not in term and letters != rank):
            raise Unsupported(f"term '{term}' does not match an operand of rank {rank}")
        widths.append(width)
    ell = max(widths, default=0)

    def expand(term: str, width: int) -> list:
        if "..." not in term:
            return list(term)
        pre, _, post = term.partition("...")
        return list(pre) + [("...", k) for k in range(ell - width, ell)] + list(post)

    inputs = [expand(t, w) for t, w in zip(terms, widths)]
    if arrow:
        output = expand(rhs, ell)
        if len(set(output)) != len(output):
            raise Unsupported(f"output term '{rhs}' repeats a label")
    else:
        counts: dict = {}
        for labels in inputs:
            for lab in labels:
                if isinstance(lab, str):
                    counts[lab] = counts.get(lab, 0) + 1
        output = [("...", k) for k in range(ell)] + sorted(c for c, n in counts.items() if n == 1)
    known = {lab for labels in inputs for lab in labels}
    missing = [lab for lab in output if lab not in known]
    if missing:
        raise Unsupported(f"output label {missing[0]} appears in no input")
    return inputs, output


class _Operand:
    """A tensor with one label per dim."""

    def __init__(self, b: Binder, value, labels: list):
        self.b, self.value, self.labels = b, value, list(labels)

    @property
    def sizes(self) -> list:
        return emit.dim_sizes(self.b, self.value)

    def diagonals(self) -> None:
        """Take the diagonal of every label repeated within this operand."""
        b = self.b
        while True:
            seen = {}
            pair = None
            for i, lab in enumerate(self.labels):
                if lab in seen:
                    pair = (seen[lab], i)
                    break
                seen[lab] = i
            if pair is None:
                return
            i, j = pair
            shape, elt = b.tensor_info(self.value)
            d = None if shape[i] is None or shape[j] is None else min(shape[i], shape[j])
            out = [s for k, s in enumerate(shape) if k not in pair] + [d]
            self.value = b.op("torch.aten.diagonal", [self.value, b.int(0), b.int(i), b.int(j)],
                              b.vtensor(out, elt))
            lab = self.labels[i]
            self.labels = [x for k, x in enumerate(self.labels) if k not in pair] + [lab]

    def sum_out(self, keep: set) -> None:
        """Sum over every label not in `keep`."""
        dims = [i for i, lab in enumerate(self.labels) if lab not in keep]
        if not dims:
            return
        b = self.b
        shape, elt = b.tensor_info(self.value)
        out = [s for i, s in enumerate(shape) if i not in dims]
        summed = b.op("torch.aten.sum.dim_IntList",
                      [self.value, b.int_list(dims), b.bool(False), b.none()],
                      b.vtensor(out, _sum_dtype(elt)))
        self.value = emit.to_dtype(b, summed, elt)
        self.labels = [lab for i, lab in enumerate(self.labels) if i not in dims]

    def squeeze(self, label) -> None:
        """Drop a size-1 dim."""
        b = self.b
        i = self.labels.index(label)
        shape, elt = b.tensor_info(self.value)
        self.value = b.op("torch.aten.squeeze.dim", [self.value, b.int(i)],
                          b.vtensor([s for k, s in enumerate(shape) if k != i], elt))
        del self.labels[i]

    def arrange(self, order: list) -> None:
        """Permute the dims into `order` (a permutation of the labels)."""
        perm = [self.labels.index(lab) for lab in order]
        if perm != list(range(len(perm))):
            self.value = emit.permute(self.b, self.value, perm)
        self.labels = list(order)


def _sum_dtype(elt: str) -> str:
    # torch sums integers and bools in int64
    return "si64" if elt in ("i1", "si8", "ui8", "si16", "si32", "si64") else elt


def _reshape(b: Binder, v, dims: list):
    """aten.reshape to `dims`, skipped when it cannot change the shape: same rank and every
    dim but at most one statically equal (the element count then fixes the last one)."""
    shape = b.shape(v)
    if len(shape) == len(dims):
        unsure = [i for i, (s, d) in enumerate(zip(shape, dims))
                  if not (isinstance(d, int) and s == d)]
        if len(unsure) <= 1:
            return v
    return emit.reshape(b, v, dims, emit.static_or_none(dims))


def _contract(b: Binder, x: _Operand, y: _Operand, needed: set) -> _Operand:
    """x * y summed over their shared labels that are not `needed`, via one aten.matmul."""
    xs = dict(zip(x.labels, b.shape(x.value)))
    ys = dict(zip(y.labels, b.shape(y.value)))
    # A shared label of static size 1 on one side only is a broadcast: drop it there.
    for lab in [lab for lab in x.labels if lab in ys]:
        if xs[lab] == 1 and ys[lab] not in (1, None):
            x.squeeze(lab)
        elif ys[lab] == 1 and xs[lab] not in (1, None):
            y.squeeze(lab)
    x.sum_out(needed | set(y.labels))
    y.sum_out(needed | set(x.labels))
    batch = [lab for lab in x.labels if lab in y.labels and lab in needed]
    contract = [lab for lab in x.labels if lab in y.labels and lab not in needed]
    x_only = [lab for lab in x.labels if lab not in y.labels]
    y_only = [lab for lab in y.labels if lab not in x.labels]
    x.arrange(batch + x_only + contract)
    y.arrange(batch + contract + y_only)
    xsz, ysz = x.sizes, y.sizes
    nb = len(batch)
    m = emit.int_prod(b, xsz[nb:nb + len(x_only)])
    k = emit.int_prod(b, xsz[nb + len(x_only):])
    n = emit.int_prod(b, ysz[nb + len(contract):])
    elt = b.dtype(x.value)
    if b.dtype(y.value) != elt:
        raise Unsupported(f"operand dtypes differ ({elt} vs {b.dtype(y.value)})")
    x2 = _reshape(b, x.value, xsz[:nb] + [m, k])
    y2 = _reshape(b, y.value, ysz[:nb] + [k, n])
    bshape = emit.broadcast_shape(emit.static_or_none(xsz[:nb]), emit.static_or_none(ysz[:nb]))
    prod = b.op("torch.aten.matmul", [x2, y2],
                b.vtensor(bshape + emit.static_or_none([m, n]), elt))
    bsz = [s if s is not None else emit.size(b, prod, i) for i, s in enumerate(bshape)]
    out = bsz + xsz[nb:nb + len(x_only)] + ysz[nb + len(contract):]
    value = _reshape(b, prod, out)
    return _Operand(b, value, batch + x_only + y_only)


def einsum(b: Binder):
    """Einsum-12..28 -> aten.diagonal, aten.sum.dim_IntList, aten.permute, aten.matmul

    Explicit and implicit outputs, ellipsis broadcasting and repeated labels.
    """
    xs = b.inputs()
    if not xs:
        raise Unsupported("no inputs")
    inputs, output = parse_equation(b.attr_str("equation"), [b.rank(x) for x in xs])
    ops = [_Operand(b, x, labels) for x, labels in zip(xs, inputs)]
    for op in ops:
        op.diagonals()
    acc = ops[0]
    for i in range(1, len(ops)):
        # labels still needed after this step: the output's and those of later operands
        needed = set(output).union(*[set(o.labels) for o in ops[i + 1:]])
        acc = _contract(b, acc, ops[i], needed)
    acc.sum_out(set(output))
    acc.arrange(output)
    return acc.value


TABLE = [
    ("Einsum", 12, einsum),
]


def populate(registry) -> None:
    """Register Einsum."""
    register_table(registry, TABLE)
