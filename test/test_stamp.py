"""Stamping (stamp.py): a stamped module is the module the pass gives, and a module that does not
qualify is left to the pass.

"The module the pass gives" is tested as MLIR sees it: both outputs are parsed and printed,
which names every value afresh, and must then be the same text.
"""

from __future__ import annotations

import pytest
from torch_mlir import ir

from torch_onnx_to_torch import opt
from torch_onnx_to_torch.binder import new_context
from torch_onnx_to_torch.conformance import collect_cases, model_ops
from torch_onnx_to_torch.conversion import Options, Report, _default, run_on
from torch_onnx_to_torch.importer import ImportFailure, import_model, infer_model_shapes
from torch_onnx_to_torch.stamp import stamp

F23, F3, F34, F4 = ("!torch.vtensor<[2,3],f32>", "!torch.vtensor<[3],f32>",
                    "!torch.vtensor<[3,4],f32>", "!torch.vtensor<[4],f32>")
I23, B23, F24 = "!torch.vtensor<[2,3],si64>", "!torch.vtensor<[2,3],i1>", \
    "!torch.vtensor<[2,4],f32>"
ARGS = [("x", F23), ("v", F3), ("w", F34), ("i", I23), ("b", B23)]


def _func(name: str, ops: list[tuple], opset: int, args=ARGS) -> str:
    """`ops`: (onnx name, operand names, operand types, result type[, attributes]); each op's
    result is `%<index>`. The function returns the last one."""
    head = ", ".join(f"%{a}: {t}" for a, t in args)
    lines = []
    for k, (op, names, types, result, *attrs) in enumerate(ops):
        attr = f" {{{attrs[0]}}}" if attrs else ""
        lines.append(f'    %{k} = torch.operator "onnx.{op}"({", ".join(names)}){attr} : '
                     f'({", ".join(types)}) -> {result}')
    last = ops[-1][3]
    return (f"  func.func @{name}({head}) -> {last} attributes "
            f"{{torch.onnx_meta.opset_version = {opset} : si64}} {{\n" + "\n".join(lines) +
            f"\n    return %{len(ops) - 1} : {last}\n  }}\n")


def _module(*funcs: str) -> str:
    return "module {\n" + "".join(funcs) + "}\n"


def _printed(text: str | bytes, convert: bool) -> str:
    with new_context():
        module = ir.Module.parse(text)
        if convert:
            report = Report()
            assert run_on(module.operation, _default(), Options(), report)
            assert not report.declines, report.declines
        return str(module)


def _check_same(text: str) -> bytes:
    got = stamp(text.encode(), _default(), min_ops=0)
    assert got is not None
    assert b"torch.operator" not in got.text and got.ops == text.count("torch.operator")
    assert _printed(got.text, convert=False) == _printed(text, convert=True)
    return got.text


ZOO = [
    ("Relu", ["%x"], [F23], F23),
    ("Tanh", ["%0"], [F23], F23),
    ("Exp", ["%1"], [F23], F23),
    ("Add", ["%2", "%v"], [F23, F3], F23),  # broadcast
    ("Sub", ["%3", "%3"], [F23, F23], F23),  # one value twice
    ("Mul", ["%x", "%4"], [F23, F23], F23),
    ("Div", ["%5", "%v"], [F23, F3], F23),
    ("Softmax", ["%6"], [F23], F23, "torch.onnx.axis = 0 : si64"),
    ("LogSoftmax", ["%7"], [F23], F23),
    ("MatMul", ["%8", "%w"], [F23, F34], F24),
    ("MatMul", ["%v", "%w"], [F3, F34], F4),  # 1-D: unsqueeze, matmul, squeeze
    ("Add", ["%i", "%i"], [I23, I23], I23),  # integer: the handler, not the direct form
    ("Div", ["%11", "%i"], [I23, I23], I23),  # integer division: a "trunc" string constant
    ("Less", ["%x", "%6"], [F23, F23], B23),
    ("Or", ["%13", "%b"], [B23, B23], B23),
    ("Neg", ["%9"], [F24], F24),
]


def test_ops_of_every_local_kind():
    stamped = _check_same(_module(_func("zoo", ZOO, 17)))
    assert b"%int1.3 = torch.constant.int 1" in stamped  # the Add's alpha, named after %3
    assert b'"trunc"' in stamped


def test_several_functions_and_legacy_broadcast():
    a = [("Relu", ["%x"], [F23], F23), ("Sigmoid", ["%0"], [F23], F23)]
    b = [("Sigmoid", ["%x"], [F23], F23), ("Relu", ["%0"], [F23], F23)]
    _check_same(_module(_func("a", a, 13), _func("b", b, 13)))
    legacy = [("Add", ["%x", "%v"], [F23, F3], F23, "torch.onnx.broadcast = 1 : si64")]
    _check_same(_module(_func("old", legacy, 6)))  # opset 6: before numpy broadcasting


def test_float_op_on_a_literal():
    lit = "    %c = torch.vtensor.literal(dense<1.0> : tensor<3xf32>) : " + F3 + "\n"
    text = _module(_func("f", [("Add", ["%x", "%c"], [F23, F3], F23)], 17)).replace(
        "attributes {torch.onnx_meta.opset_version = 17 : si64} {\n",
        "attributes {torch.onnx_meta.opset_version = 17 : si64} {\n" + lit)
    _check_same(text)


CHAIN = [("Relu", ["%x"], [F23], F23), ("Neg", ["%0"], [F23], F23)]


@pytest.mark.parametrize("why, text", [
    ("a handler that is not local (Shape)", _module(_func(
        "f", [("Shape", ["%x"], [F23], "!torch.vtensor<[2],si64>")], 17))),
    ("an integer op on constants: the pass folds it", _module(_func(
        "f", [("Add", ["%c", "%c"], ["!torch.vtensor<[2],si64>"] * 2,
               "!torch.vtensor<[2],si64>")], 17)).replace(
        "si64} {\n", "si64} {\n    %c = torch.vtensor.literal(dense<[1, 2]> : tensor<2xsi64>) : "
        "!torch.vtensor<[2],si64>\n")),
    ("functions of two opsets", _module(_func("a", CHAIN, 13), _func("b", CHAIN, 17))),
    ("a declined op (an axis out of range)", _module(_func(
        "f", [("Softmax", ["%x"], [F23], F23, "torch.onnx.axis = 5 : si64")], 17))),
    ("an op of another domain", _module(_func("f", CHAIN, 17)).replace(
        '"onnx.Neg"', '"onnx.com.microsoft.Neg"')),
    ("an op with a region", _module(_func("f", CHAIN, 17)).replace(
        f"%1 = torch.operator \"onnx.Neg\"(%0) : ({F23}) -> {F23}",
        f"%1 = torch.operator \"onnx.Neg\"(%0) : ({F23}) -> {F23} {{\n"
        f"      torch.operator_terminator %0 : {F23}\n    }}")),
    ("a resource", _module(_func("f", CHAIN, 17)) +
     "{-#\n  dialect_resources: {builtin: {r: \"0x04000000\"}}\n#-}\n// dense_resource<r>\n"),
    ("locations", _module(_func("f", CHAIN, 17)).replace("-> " + F23 + "\n",
                                                         "-> " + F23 + " loc(unknown)\n", 1)),
    ("an undefined operand: the result would not verify", _module(_func(
        "f", [("Relu", ["%nowhere"], [F23], F23)], 17))),
])
def test_not_stamped(why, text):
    assert stamp(text.encode(), _default(), min_ops=0) is None, why


def test_too_few_ops_for_auto():
    text = _module(_func("f", CHAIN, 17)).encode()
    assert stamp(text, _default(), min_ops=3) is None
    assert stamp(text, _default(), min_ops=2) is not None


def test_driver_flag(tmp_path, capsys):
    src = tmp_path / "zoo.mlir"
    src.write_text(_module(_func("zoo", ZOO, 17)))
    outs = {}
    for mode in ("always", "never", "auto"):
        out = tmp_path / f"{mode}.mlir"
        assert opt.main(["--convert-torch-onnx-to-torch", f"--stamp={mode}", str(src),
                         "-o", str(out)]) == 0
        outs[mode] = out.read_text()
    assert "%int1.3" in outs["always"] and "%int1.3" not in outs["never"]
    assert outs["auto"] == outs["never"]  # 16 ops: under MIN_OPS, printed by MLIR
    assert _printed(outs["always"], convert=False) == outs["never"]
    assert capsys.readouterr().err == ""
    assert opt.main(["--convert-torch-onnx-to-torch", "--stamp=always", "--report", str(src),
                     "-o", str(tmp_path / "r.mlir")]) == 0
    assert capsys.readouterr().err == f"{src}: remark: stamped 16 ONNX ops of 16 signatures " \
                                      "(see --stamp)\n"


def _all_local(model) -> bool:
    opset = next((o.version for o in model.opset_import if o.domain in ("", "ai.onnx")), None)
    reg = _default()
    return opset is not None and all(
        getattr(reg.lookup("", op, opset)[0], "local", False) for op in model_ops(model))


def test_node_tests_stamp_as_the_pass_converts():
    """Differential: each ONNX node test made of ops with local handlers, imported, is stamped
    and gives the module the pass gives (175 of them when this was written)."""
    stamped = 0
    for case in collect_cases():
        if not _all_local(case.model):
            continue
        try:
            with new_context() as ctx:
                text = import_model(infer_model_shapes(case.model), ctx).operation.get_asm(
                    binary=True, assume_verified=True)
        except ImportFailure:
            continue
        got = stamp(text, _default(), min_ops=0)
        if got is None:
            continue
        stamped += 1
        assert _printed(got.text, convert=False) == _printed(text, convert=True), case.name
    assert stamped >= 170


_UNARY = ["Relu", "Tanh", "Sigmoid", "Neg", "Exp", "Ceil", "Floor", "Sqrt", "Softmax",
          "LogSoftmax"]
_BINARY = ["Add", "Sub", "Mul", "Div"]
_SHAPES = [[2, 3], [3], [1, 3], [2, 1], []]


def _random_module(rng) -> str:
    """A random function of unary and broadcasting binary float ops (and one MatMul) over
    arguments of a few shapes, at a random opset."""
    opset = rng.choice([7, 11, 13, 17, 21])
    args = [(f"a{k}", f"!torch.vtensor<{s},f32>".replace(" ", "")) for k, s in
            enumerate(_SHAPES)]
    values = [(f"%{n}", t) for n, t in args]
    ops = []
    for k in range(rng.randrange(1, 12)):
        if rng.random() < 0.5:
            name, t = values[rng.randrange(len(values))]
            op = rng.choice(_UNARY)
            if op in ("Softmax", "LogSoftmax") and t.startswith("!torch.vtensor<[]"):
                op = "Relu"
            ops.append((op, [name], [t], t))
        else:
            (a, ta), (b, tb) = rng.choice(values), rng.choice(values)
            sa, sb = eval(ta[15:ta.index("]") + 1]), eval(tb[15:tb.index("]") + 1])
            n = max(len(sa), len(sb))
            sa2, sb2 = [1] * (n - len(sa)) + sa, [1] * (n - len(sb)) + sb
            out = [max(x, y) for x, y in zip(sa2, sb2)]
            if any(x != y and 1 not in (x, y) for x, y in zip(sa2, sb2)):
                continue
            t = f"!torch.vtensor<{out},f32>".replace(" ", "")
            ops.append((rng.choice(_BINARY), [a, b], [ta, tb], t))
        values.append((f"%{len(ops) - 1}", ops[-1][3]))
    if not ops:
        ops.append(("Relu", ["%a0"], [args[0][1]], args[0][1]))
    return _module(_func("r", ops, opset, args=args))


def test_random_modules_stamp_as_the_pass_converts():
    """Differential, on 150 random modules of local ops; most are stamped."""
    import random

    rng = random.Random(7)
    stamped = 0
    for _ in range(150):
        text = _random_module(rng)
        got = stamp(text.encode(), _default(), min_ops=0)
        if got is not None:
            stamped += 1
            assert _printed(got.text, convert=False) == _printed(text, convert=True), text
    assert stamped >= 120, stamped
