"""Checks of an op against its ONNX schema, before any handler sees it.

Handlers read operands by index and build tensor ops on them: an extra operand would be silently
ignored, a missing result or a sequence where the schema allows only tensors would make them
build invalid IR. An op that breaks its schema is declined here, with the reason, once for all
handlers. Ops without an ONNX schema (custom domains) are not checked.
"""

from __future__ import annotations

import functools
from collections.abc import Callable


@functools.lru_cache(maxsize=4096)
def _schema(domain: str, name: str, version: int):
    """(min/max operands, min/max results, tensor-only flags of the inputs and outputs), or
    None when ONNX has no schema for the op at this version."""
    import onnx  # on the first op, not at start-up (the driver on an empty input needs none)

    variadic_option = onnx.defs.OpSchema.FormalParameterOption.Variadic
    try:
        s = onnx.defs.get_schema(name, max(1, version), domain)
    except Exception:  # a custom domain, or a version older than the op
        return None
    allowed = {tc.type_param_str: list(tc.allowed_type_strs) for tc in s.type_constraints}

    def tensor_only(params) -> tuple[tuple[bool, ...], bool]:
        flags = tuple(all(t.startswith("tensor(") for t in allowed.get(p.type_str, [p.type_str]))
                      for p in params)
        variadic = bool(params) and params[-1].option == variadic_option
        return flags, variadic

    return (s.min_input, s.max_input, s.min_output, s.max_output,
            tensor_only(list(s.inputs)), tensor_only(list(s.outputs)))


def _count(name: str, version: int, what: str, n: int, lo: int, hi: int) -> str:
    if lo <= n <= hi:
        return ""
    want = str(lo) if lo == hi else f"{lo} or more" if hi > 2**20 else f"{lo} to {hi}"
    plural = "" if want == "1" else "s"
    return f"ONNX {name}-{version} takes {want} {what}{plural}, this op has {n}"


def schema_problem(domain: str, name: str, version: int, operands, results,
                   is_tensor: Callable[[object], bool]) -> str:
    """Why an op with these operand and result types breaks its ONNX schema ('' if it does
    not): operand or result counts out of range, or a non-tensor value (a sequence, an
    optional) where the schema allows only tensors. `is_tensor(type)` is True for a tensor
    type and for `!torch.none` (an absent optional operand)."""
    s = _schema(domain, name, version)
    if s is None:
        return ""
    lo_in, hi_in, lo_out, hi_out, (in_flags, in_var), (out_flags, out_var) = s
    n_in, n_out = len(operands), len(results)
    if not (lo_in <= n_in <= hi_in and lo_out <= n_out <= hi_out):
        return _count(name, version, "operand", n_in, lo_in, hi_in) or \
            _count(name, version, "result", n_out, lo_out, hi_out)
    for what, values, flags, variadic in (("operand", operands, in_flags, in_var),
                                          ("result", results, out_flags, out_var)):
        n_flags = len(flags)
        for i, v in enumerate(values):
            k = i if i < n_flags else (n_flags - 1 if variadic else -1)
            if k >= 0 and flags[k] and not is_tensor(v.type):
                return f"{what} #{i} is {v.type} where ONNX {name}-{version} takes a tensor"
    return ""
