"""Type inference helpers for the contrib ops (applied by contrib_import.py before import).

An inference function takes the ONNX node and its inputs' types, each `(elem_type, dims)` or
None (absent or unknown; dims None when the rank is unknown, a dim an int, a symbolic name or
None), and returns one such type (or None: unknown) per output.
"""

from __future__ import annotations

import onnx
from onnx import helper

FLOAT = onnx.TensorProto.FLOAT
INT32 = onnx.TensorProto.INT32


def attrs(node: onnx.NodeProto) -> dict:
    """The node's attributes as Python values (strings decoded)."""
    out = {}
    for a in node.attribute:
        v = helper.get_attribute_value(a)
        out[a.name] = v.decode() if isinstance(v, bytes) else v
    return out


def same_as(i: int):
    """Inference: every output has the type of input `i`."""

    def infer(node, ins):
        return [ins[i] if i < len(ins) else None] * len(node.output)

    return infer


def first_output_as(i: int):
    """Inference: output 0 has the type of input `i`, the others are unknown."""

    def infer(node, ins):
        return [ins[i] if i < len(ins) else None] + [None] * (len(node.output) - 1)

    return infer


def with_dims(t, dims):
    """Type `t`'s element type with other dims."""
    return None if t is None else (t[0], dims)


def with_elem(t, elem: int):
    """Type `t`'s dims with another element type."""
    return None if t is None else (elem, t[1])


def dim(t, i: int):
    """Dim `i` of type `t` (None when unknown)."""
    if t is None or t[1] is None or not -len(t[1]) <= i < len(t[1]):
        return None
    return t[1][i]


def broadcast(*types):
    """The numpy broadcast of several types' dims (unknown dims stay unknown); the first
    type's element type."""
    if any(t is None or t[1] is None for t in types):
        return None
    n = max(len(t[1]) for t in types)
    out = []
    for k in range(n):
        d = 1
        for t in types:
            dims = [1] * (n - len(t[1])) + list(t[1])
            if dims[k] != 1:
                d = dims[k] if d == 1 or not isinstance(d, int) else d
        out.append(d)
    return types[0][0], out
