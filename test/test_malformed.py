"""Malformed inputs to both CLIs: one-line error naming the input, exit code 1, no traceback,
no half-written output file (issue 13)."""

from __future__ import annotations

import os
import subprocess
import sys

import numpy as np
import onnx
import pytest
from onnx import TensorProto, helper, numpy_helper

from torch_onnx_to_torch import weights


def _model(opset: int = 17, dims=(2,), **node_kw) -> onnx.ModelProto:
    x = helper.make_tensor_value_info("x", TensorProto.FLOAT, list(dims))
    y = helper.make_tensor_value_info("y", TensorProto.FLOAT, list(dims))
    g = helper.make_graph([helper.make_node("Abs", ["x"], ["y"], **node_kw)], "g", [x], [y])
    return helper.make_model(g, opset_imports=[helper.make_opsetid("", opset)])


def _external(tmp_path, location: str) -> str:
    w = numpy_helper.from_array(np.ones(4, np.float32), "w")
    w.data_location = TensorProto.EXTERNAL
    w.ClearField("raw_data")
    w.external_data.add(key="location", value=location)
    x = helper.make_tensor_value_info("x", TensorProto.FLOAT, [4])
    y = helper.make_tensor_value_info("y", TensorProto.FLOAT, [4])
    g = helper.make_graph([helper.make_node("Add", ["x", "w"], ["y"])], "g", [x], [y], [w])
    m = helper.make_model(g, opset_imports=[helper.make_opsetid("", 17)])
    path = tmp_path / "model.onnx"
    path.write_bytes(m.SerializeToString())
    return str(path)


def _write(tmp_path, name: str, data: bytes) -> str:
    p = tmp_path / name
    p.write_bytes(data)
    return str(p)


def _good_bytes() -> bytes:
    return _model().SerializeToString()


ONNX_CASES = {
    "empty": lambda t: _write(t, "empty.onnx", b""),
    "truncated": lambda t: _write(t, "trunc.onnx", _good_bytes()[:-7]),
    "random_bytes": lambda t: _write(t, "rand.onnx", bytes(np.random.default_rng(0)
                                                          .integers(0, 256, 4096, np.uint8))),
    "wrong_magic": lambda t: _write(t, "magic.onnx", b"ML\xefR" + _good_bytes()),
    "text_file": lambda t: _write(t, "text.onnx", b"func.func @f() { return }\n"),
    "missing_external": lambda t: _external(t, "nowhere.bin"),
    "escaping_external": lambda t: _external(t, "../../etc/passwd"),
    "empty_required_input": lambda t: _write(
        t, "noin.onnx", helper.make_model(helper.make_graph(
            [helper.make_node("Abs", [""], ["y"])], "g", [],
            [helper.make_tensor_value_info("y", TensorProto.FLOAT, [2])]),
            opset_imports=[helper.make_opsetid("", 17)]).SerializeToString()),
    "no_such_file": lambda t: str(t / "absent.onnx"),
    # torch-mlir's importer calls the ONNX function of MVN with the extra operand: IR that
    # does not verify, refused at import.
    "importer_invalid_ir": lambda t: _write(
        t, "mvn.onnx", helper.make_model(helper.make_graph(
            [helper.make_node("MeanVarianceNormalization", ["x", "x"], ["y"])], "g",
            [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 2, 2, 2])],
            [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 2, 2, 2])]),
            opset_imports=[helper.make_opsetid("", 13)]).SerializeToString()),
}

# Inputs the importer accepts: converted (or declined), exit code 0, never a traceback.
ONNX_ACCEPTED = {
    "opset_999": lambda t: _write(t, "o999.onnx", _model(opset=999).SerializeToString()),
    "huge_dim": lambda t: _write(t, "huge.onnx", _model(dims=(2**62,)).SerializeToString()),
    # ONNX shape inference segfaults on this one; it runs in a child, the import goes on.
    "shape_inference_segfault": lambda t: _write(
        t, "ln.onnx", helper.make_model(helper.make_graph(
            [helper.make_node("LayerNormalization", ["x", "s"], ["y"], axis=2**63 - 1)], "g",
            [helper.make_tensor_value_info("x", TensorProto.FLOAT, [2, 3]),
             helper.make_tensor_value_info("s", TensorProto.FLOAT, [3])],
            [helper.make_tensor_value_info("y", TensorProto.FLOAT, [2, 3])]),
            opset_imports=[helper.make_opsetid("", 17)]).SerializeToString()),
}


def _run(args, cwd=None):
    return subprocess.run([sys.executable, "-m", *args], capture_output=True, text=True,
                          cwd=cwd, errors="replace", check=False)


@pytest.mark.parametrize("case", sorted(ONNX_CASES))
def test_import_malformed(case, tmp_path):
    src = ONNX_CASES[case](tmp_path)
    out = tmp_path / "out.mlir"
    r = _run(["torch_onnx_to_torch.cli", "import", src, "-o", str(out)])
    assert r.returncode == 1, r.stderr
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "Traceback" not in r.stderr, r.stderr
    assert os.path.basename(src) in lines[0] or "external data" in lines[0], lines[0]
    assert not out.exists()


@pytest.mark.parametrize("case", sorted(ONNX_ACCEPTED))
def test_import_accepted_odd(case, tmp_path):
    src = ONNX_ACCEPTED[case](tmp_path)
    out = tmp_path / "out.mlir"
    r = _run(["torch_onnx_to_torch.cli", "import", src, "-o", str(out)])
    assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr
    assert out.exists()


# Malformed external data (issue 13): each case builds model.onnx in <tmp>/m with one
# initializer W of 2048 floats (8192 bytes) and says what its one-line error must contain
# after "<model>: initializer 'W': ". Locations follow onnx: relative, inside the model's
# folder; symlinks are followed and must stay inside it (see weights.MappedWeights).
W_BYTES = 2048 * 4


def _ext_model(tmp_path, location: str, n: int = 2048, data: int | None = W_BYTES,
               data_name: str = "w.bin", **entries) -> str:
    d = tmp_path / "m"
    d.mkdir(exist_ok=True)
    w = numpy_helper.from_array(np.ones(n, np.float32), "W")
    w.data_location = TensorProto.EXTERNAL
    w.ClearField("raw_data")
    w.external_data.add(key="location", value=location)
    for key, value in entries.items():
        w.external_data.add(key=key, value=str(value))
    x = helper.make_tensor_value_info("x", TensorProto.FLOAT, [n])
    y = helper.make_tensor_value_info("y", TensorProto.FLOAT, [n])
    g = helper.make_graph([helper.make_node("Add", ["x", "W"], ["y"])], "g", [x], [y], [w])
    m = helper.make_model(g, opset_imports=[helper.make_opsetid("", 17)])
    if data is not None:
        (d / data_name).write_bytes(np.ones(data // 4, np.float32).tobytes())
    (d / "model.onnx").write_bytes(m.SerializeToString())
    return str(d / "model.onnx")


def _outside(tmp_path) -> str:
    """A data file next to the model's folder, not in it."""
    (tmp_path / "elsewhere").mkdir(exist_ok=True)
    p = tmp_path / "elsewhere" / "w.bin"
    p.write_bytes(b"\0" * W_BYTES)
    return str(p)


def _symlinked(tmp_path) -> str:
    src = _ext_model(tmp_path, "link.bin", data=None)
    os.symlink(_outside(tmp_path), tmp_path / "m" / "link.bin")
    return src


def _symlinked_dir(tmp_path) -> str:
    src = _ext_model(tmp_path, "sub/w.bin", data=None)
    _outside(tmp_path)
    os.symlink(tmp_path / "elsewhere", tmp_path / "m" / "sub")
    return src


def _directory(tmp_path) -> str:
    (tmp_path / "m" / "w.bin").mkdir(parents=True)
    return _ext_model(tmp_path, "w.bin", data=None)


EXTERNAL_CASES = {
    "parent_dir": (lambda t: _ext_model(t, "../elsewhere/w.bin", data=None),
                   "external data '../elsewhere/w.bin' escapes {dir}"),
    "absolute": (lambda t: _ext_model(t, _outside(t), data=None),
                 ("external data '{tmp}/elsewhere/w.bin' is an absolute path, not one relative "
                  "to {dir} (as onnx requires)")),
    "symlink_out": (_symlinked, ("external data 'link.bin' resolves through a symlink to "
                                 "{tmp}/elsewhere/w.bin, outside {dir} (a symlink must point "
                                 "inside the folder)")),
    "symlinked_dir_out": (_symlinked_dir, ("external data 'sub/w.bin' resolves through a "
                                           "symlink to {tmp}/elsewhere/w.bin, outside {dir}")),
    "missing": (lambda t: _ext_model(t, "w.bin", data=None),
                "external data file {dir}/w.bin is missing"),
    "directory": (_directory, "external data {dir}/w.bin is not a regular file"),
    "no_location": (lambda t: _ext_model(t, ""), "external data has no location"),
    "shorter_than_length": (lambda t: _ext_model(t, "w.bin", data=100, length=W_BYTES),
                            ("external data 'w.bin' is 100 bytes, offset 0 + length 8192 "
                             "needs 8192")),
    "small_shorter_than_length": (lambda t: _ext_model(t, "w.bin", n=4, data=12, length=16),
                                  ("external data 'w.bin' is 12 bytes, offset 0 + length 16 "
                                   "needs 16")),
    "offset_past_end": (lambda t: _ext_model(t, "w.bin", offset=W_BYTES + 8, length=W_BYTES),
                        "external data 'w.bin' is 8192 bytes, offset 8200 is past its end"),
    "offset_plus_length_past_end": (
        lambda t: _ext_model(t, "w.bin", offset=8, length=W_BYTES),
        "external data 'w.bin' is 8192 bytes, offset 8 + length 8192 needs 8200"),
    "negative_offset": (lambda t: _ext_model(t, "w.bin", offset=-4, length=W_BYTES),
                        "external data 'w.bin' has a negative offset (-4)"),
    "non_numeric_offset": (lambda t: _ext_model(t, "w.bin", offset="0x10", length=W_BYTES),
                           "external data 'w.bin' has offset '0x10', not an integer"),
    "non_numeric_length": (lambda t: _ext_model(t, "w.bin", length="8e3"),
                           "external data 'w.bin' has length '8e3', not an integer"),
    "length_not_dims_x_dtype": (lambda t: _ext_model(t, "w.bin", length=W_BYTES // 2),
                                ("external data 'w.bin' has length 4096; FLOAT [2048] needs "
                                 "8192")),
    "file_not_dims_x_dtype": (lambda t: _ext_model(t, "w.bin", data=W_BYTES - 4),
                              ("external data 'w.bin' has 8188 bytes from offset 0 to its end; "
                               "FLOAT [2048] needs 8192")),
}

# Where the output goes: plain text, bytecode, IREE parameters (named archive or the default
# one next to -o): none of the files may exist after the error.
OUTPUT_MODES = {
    "text": ([], ["out.mlir"]),
    "bytecode": (["--bytecode"], ["out.mlir"]),
    "params_file": (["--externalize-params", "--params-file", "{tmp}/w.irpa"],
                    ["out.mlir", "w.irpa"]),
    "params_default": (["--externalize-params"], ["out.mlir", "out.irpa"]),
}


def _external_error(case, tmp_path, mode="text"):
    build, expected = EXTERNAL_CASES[case]
    src = build(tmp_path)
    folder = os.path.realpath(tmp_path / "m")
    expected = expected.format(dir=folder, tmp=os.path.realpath(tmp_path))
    flags, outputs = OUTPUT_MODES[mode]
    r = _run(["torch_onnx_to_torch.cli", "import", src, "-o", str(tmp_path / "out.mlir"),
              *(f.format(tmp=tmp_path) for f in flags)])
    assert r.returncode == 1, r.stderr
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "Traceback" not in r.stderr, r.stderr
    assert lines[0].startswith(f"torch-onnx-to-torch: error: {src}: initializer 'W': "
                               f"{expected}"), lines[0]
    for name in outputs:
        assert not (tmp_path / name).exists(), name


@pytest.mark.parametrize("case", sorted(EXTERNAL_CASES))
def test_import_malformed_external_data(case, tmp_path):
    _external_error(case, tmp_path)


@pytest.mark.parametrize("mode", ["bytecode", "params_file", "params_default"])
@pytest.mark.parametrize("case", ["symlink_out", "shorter_than_length",
                                  "length_not_dims_x_dtype"])
def test_import_malformed_external_data_writes_nothing(case, mode, tmp_path):
    _external_error(case, tmp_path, mode)


def test_check_malformed_external_data(tmp_path):
    """`check` loads the data with onnx's loader replaced by the same checks and messages."""
    src = EXTERNAL_CASES["shorter_than_length"][0](tmp_path)
    r = _run(["torch_onnx_to_torch.cli", "check", src])
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert r.returncode == 1 and len(lines) == 1, r.stderr
    assert lines[0] == (f"torch-onnx-to-torch: error: {src}: initializer 'W': external data "
                        "'w.bin' is 100 bytes, offset 0 + length 8192 needs 8192")


def test_symlink_inside_the_folder_and_data_dir_are_fine(tmp_path):
    """A symlink that stays inside the folder is followed (onnx refuses it; it is harmless);
    --data-dir moves the folder the locations are relative to."""
    src = _ext_model(tmp_path, "link.bin", data_name="real.bin")
    os.symlink("real.bin", tmp_path / "m" / "link.bin")
    out = tmp_path / "out.mlir"
    r = _run(["torch_onnx_to_torch.cli", "import", src, "-o", str(out),
              "--externalize-params"])
    assert r.returncode == 0 and out.exists() and (tmp_path / "out.irpa").exists(), r.stderr
    data = tmp_path / "data"
    data.mkdir()
    (tmp_path / "m" / "real.bin").rename(data / "link.bin")
    r = _run(["torch_onnx_to_torch.cli", "import", src, "--data-dir", str(data), "-o",
              str(out)])
    assert r.returncode == 0, r.stderr


# Deep nesting (issue 13). protobuf's Python parser stops at 100 levels of messages (an If
# body takes 3: node, attribute, graph): deeper ONNX models are a clean error, not a
# RecursionError; MLIR has no such limit and converts.
_varint = weights._encode_varint  # protobuf's base-128 varint, as the model reader decodes it


def _field(number: int, payload: bytes) -> bytes:
    return _varint(number << 3 | 2) + _varint(len(payload)) + payload


def _nested_if(depth: int) -> bytes:
    """A model of `depth` Ifs, each in the then_branch of the one above, as bytes written by
    hand: protobuf's Python API refuses to build messages nested past its limit."""
    def vi(name):
        return helper.make_tensor_value_info(name, TensorProto.FLOAT, [2])

    inner = helper.make_graph([helper.make_node("Abs", ["x"], ["y0"])], "b0", [], [vi("y0")])
    body = inner.SerializeToString()
    for i in range(1, depth + 1):
        other = helper.make_graph([helper.make_node("Neg", ["x"], [f"e{i}"])], f"e{i}", [],
                                  [vi(f"e{i}")])
        node = helper.make_node("If", ["c"], [f"y{i}"], else_branch=other).SerializeToString()
        # AttributeProto: name = 1, g = 6, type = 20 (GRAPH)
        node += _field(5, _field(1, b"then_branch") + _varint(20 << 3)
                       + _varint(onnx.AttributeProto.GRAPH) + _field(6, body))
        body = helper.make_graph([], f"b{i}", [], [vi(f"y{i}")]).SerializeToString() \
            + _field(1, node)
    g = helper.make_graph([], "g", [vi("x"), helper.make_tensor_value_info(
        "c", TensorProto.BOOL, [])], [vi(f"y{depth}")])
    m = helper.make_model(g, opset_imports=[helper.make_opsetid("", 17)])
    graph = m.graph.SerializeToString() + _field(1, node)
    m.ClearField("graph")
    return m.SerializeToString() + _field(7, graph)


def test_deeply_nested_if_is_a_clean_error(tmp_path):
    src = _write(tmp_path, "deep.onnx", _nested_if(200))
    out = tmp_path / "out.mlir"
    r = _run(["torch_onnx_to_torch.cli", "import", src, "-o", str(out)])
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert r.returncode == 1 and len(lines) == 1 and "Traceback" not in r.stderr, r.stderr
    assert lines[0] == (f"torch-onnx-to-torch: error: {src} is not a valid ONNX model: its "
                        "messages nest deeper than protobuf's limit of 100 levels (each "
                        "If/Loop/Scan body takes 3: about 32 nested subgraphs)")
    assert not out.exists()


def test_nested_if_at_the_protobuf_limit_converts(tmp_path):
    src = _write(tmp_path, "deep.onnx", _nested_if(31))
    out = tmp_path / "out.mlir"
    r = _run(["torch_onnx_to_torch.cli", "import", src, "-o", str(out)])
    assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr
    text = out.read_text()
    assert "onnx." not in text and text.count("torch.prim.If ") == 31


def _nested_if_mlir(depth: int) -> str:
    t = "!torch.vtensor<[2],f32>"
    inner = (f'%r = torch.operator "onnx.Abs"(%arg0) : ({t}) -> {t}\n'
             f'torch.operator_terminator %r : {t}\n')
    for i in range(depth):
        inner = (f'%r = torch.operator "onnx.If"(%arg1) : (!torch.vtensor<[],i1>) -> {t} {{\n'
                 f'%n = torch.operator "onnx.Neg"(%arg0) : ({t}) -> {t}\n'
                 f'torch.operator_terminator %n : {t}\n}}, {{\n{inner}}}\n'
                 + (f'torch.operator_terminator %r : {t}\n' if i < depth - 1 else ''))
    return (f'func.func @main(%arg0: {t}, %arg1: !torch.vtensor<[],i1>) -> {t} attributes '
            f'{{torch.onnx_meta.opset_version = 17 : si64}} {{\n{inner}return %r : {t}\n}}\n')


def test_opt_deeply_nested_if_converts(tmp_path):
    src = tmp_path / "deep.mlir"
    src.write_text(_nested_if_mlir(500))
    out = tmp_path / "out.mlir"
    r = _run(["torch_onnx_to_torch.opt", "--convert-torch-onnx-to-torch", str(src), "-o",
              str(out)])
    assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr
    text = out.read_text()
    assert "onnx." not in text and text.count("torch.prim.If ") == 500


MLIR_OK = ('func.func @main(%arg0: !torch.vtensor<[2],f32>) -> !torch.vtensor<[2],f32> '
           'attributes {torch.onnx_meta.opset_version = OPSET} {\n'
           '  %0 = torch.operator "onnx.Abs"(%arg0) : (!torch.vtensor<[2],f32>) -> '
           '!torch.vtensor<[2],f32>\n  return %0 : !torch.vtensor<[2],f32>\n}\n')

MLIR_CASES = {
    "empty_is_ok": (b"", 0),
    "random_bytes": (bytes(np.random.default_rng(1).integers(0, 256, 4096, np.uint8)), 1),
    "truncated": (MLIR_OK.replace("OPSET", "17 : si64").encode()[:-20], 1),
    "wrong_bytecode_magic": (b"ML\xefR\x00\x01garbage", 1),
    "opset_string": (MLIR_OK.replace("OPSET", '"17"').encode(), 0),
    "opset_999": (MLIR_OK.replace("OPSET", "999 : si64").encode(), 0),
    "huge_dim": (MLIR_OK.replace("OPSET", "17 : si64").replace("[2]", "[4611686018427387904]")
                 .encode(), 0),
    "no_such_file": (None, 1),
}


@pytest.mark.parametrize("stamp", ["never", "always"])  # op by op, or stamped (stamp.py)
@pytest.mark.parametrize("case", sorted(MLIR_CASES))
def test_opt_malformed(case, stamp, tmp_path):
    data, code = MLIR_CASES[case]
    src = tmp_path / "in.mlir"
    if data is not None:
        src.write_bytes(data)
    out = tmp_path / "out.mlir"
    r = _run(["torch_onnx_to_torch.opt", "--convert-torch-onnx-to-torch", f"--stamp={stamp}",
              str(src), "-o", str(out)])
    assert r.returncode == code and "Traceback" not in r.stderr, r.stderr
    if code:
        lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
        assert len(lines) == 1 and "in.mlir" in lines[0], r.stderr
        assert not out.exists()


# The MLIR counterpart of external data: dense_resource blobs in the file's
# dialect_resources section. A blob the section lacks is a legal handle (converted, the
# literal keeps it); a blob shorter than its type is an input error.
RESOURCE_MLIR = '''func.func @main(%arg0: !torch.vtensor<[2,3],f32>) -> !torch.vtensor<[3,2],f32> attributes {torch.onnx_meta.opset_version = 17 : si64} {
  %s = torch.operator "onnx.Constant"() {torch.onnx.value = dense_resource<shp> : tensor<2xsi64>} : () -> !torch.vtensor<[2],si64>
  %0 = torch.operator "onnx.Reshape"(%arg0, %s) : (!torch.vtensor<[2,3],f32>, !torch.vtensor<[2],si64>) -> !torch.vtensor<[3,2],f32>
  return %0 : !torch.vtensor<[3,2],f32>
}
{-#
  dialect_resources: {
    builtin: {
      BLOB
    }
  }
#-}
'''


def test_opt_resource_without_blob_converts(tmp_path):
    src = tmp_path / "in.mlir"
    src.write_text(RESOURCE_MLIR.replace("BLOB", 'other: "0x0800000001000000"'))
    out = tmp_path / "out.mlir"
    r = _run(["torch_onnx_to_torch.opt", "--convert-torch-onnx-to-torch", str(src), "-o",
              str(out)])
    assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr
    assert "torch.aten.reshape" in out.read_text()


@pytest.mark.parametrize("bytecode", [False, True])
def test_opt_short_resource_blob(tmp_path, bytecode):
    src = tmp_path / "in.mlir"
    src.write_text(RESOURCE_MLIR.replace("BLOB", 'shp: "0x080000000300000000000000"'))
    if bytecode:
        r = _run(["torch_onnx_to_torch.opt", "--emit-bytecode", str(src), "-o",
                  str(tmp_path / "in.mlirbc")])
        assert r.returncode == 0, r.stderr
        src = tmp_path / "in.mlirbc"
    out = tmp_path / "out.mlir"
    r = _run(["torch_onnx_to_torch.opt", "--convert-torch-onnx-to-torch", str(src), "-o",
              str(out)])
    assert r.returncode == 1 and "Traceback" not in r.stderr and not out.exists(), r.stderr
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert all(ln.startswith(str(src)) for ln in lines), r.stderr
    assert "internal error" not in r.stderr, r.stderr
    assert "'shp'" in lines[0] and "8 bytes" in lines[0] and "needs 16" in lines[0], r.stderr


def test_opt_truncated_bytecode(tmp_path):
    """Bytecode cut short: MLIR's error (and its note on the producer), no output."""
    good = tmp_path / "good.mlir"
    good.write_text(RESOURCE_MLIR.replace("BLOB", 'shp: "0x0800000003000000000000000200000000000000"'))
    bc = tmp_path / "good.mlirbc"
    r = _run(["torch_onnx_to_torch.opt", "--emit-bytecode", str(good), "-o", str(bc)])
    assert r.returncode == 0, r.stderr
    src = tmp_path / "in.mlirbc"
    src.write_bytes(bc.read_bytes()[:-30])
    out = tmp_path / "out.mlir"
    r = _run(["torch_onnx_to_torch.opt", "--convert-torch-onnx-to-torch", str(src), "-o",
              str(out)])
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert r.returncode == 1 and "Traceback" not in r.stderr and not out.exists(), r.stderr
    assert lines[0].startswith(f"{src}: error: attempting to parse"), r.stderr
    assert all(ln.startswith(f"{src}: note:") for ln in lines[1:]), r.stderr


def test_import_malformed_external_data_of_a_subgraph_constant(tmp_path):
    """External data of a Constant's tensor inside an If branch: the error names the tensor
    and its node; nothing is written."""
    v = numpy_helper.from_array(np.arange(2048, dtype=np.float32), "cval")
    (tmp_path / "c.bin").write_bytes(v.raw_data[:-4])
    v.ClearField("raw_data")
    v.data_location = TensorProto.EXTERNAL
    v.external_data.add(key="location", value="c.bin")
    then = helper.make_graph([helper.make_node("Constant", [], ["k"], value=v, name="kc")],
                             "then", [], [helper.make_tensor_value_info("k", 1, [2048])])
    other = helper.make_graph([helper.make_node("Neg", ["x"], ["e"])], "else", [],
                              [helper.make_tensor_value_info("e", 1, [2048])])
    g = helper.make_graph(
        [helper.make_node("If", ["c"], ["y"], then_branch=then, else_branch=other)], "g",
        [helper.make_tensor_value_info("x", 1, [2048]),
         helper.make_tensor_value_info("c", TensorProto.BOOL, [])],
        [helper.make_tensor_value_info("y", 1, [2048])])
    src = _write(tmp_path, "model.onnx", helper.make_model(
        g, opset_imports=[helper.make_opsetid("", 17)]).SerializeToString())
    out = tmp_path / "out.mlir"
    r = _run(["torch_onnx_to_torch.cli", "import", src, "-o", str(out), "--bytecode"])
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert r.returncode == 1 and len(lines) == 1 and not out.exists(), r.stderr
    assert lines[0] == (f"torch-onnx-to-torch: error: {src}: tensor 'cval' of node 'kc' "
                        "(Constant): external data 'c.bin' has 8188 bytes from offset 0 to its "
                        "end; FLOAT [2048] needs 8192")


def test_import_unwritable_params_file_leaves_no_module(tmp_path):
    src = _ext_model(tmp_path, "w.bin")
    out = tmp_path / "out.mlir"
    r = _run(["torch_onnx_to_torch.cli", "import", src, "-o", str(out), "--externalize-params",
              "--params-file", str(tmp_path / "no" / "such" / "dir" / "w.irpa")])
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert r.returncode == 1 and len(lines) == 1 and "Traceback" not in r.stderr, r.stderr
    assert not out.exists()
