"""The zero-copy import (`importer.import_file`): weights memory-mapped, not copied; same module
as `import_model(load_model(...))`; numerically right through IREE; text output of big weights
warns."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import onnx
import pytest
from onnx import TensorProto, helper

from torch_onnx_to_torch import cli, convert, importer
from torch_onnx_to_torch.cli import main
from torch_onnx_to_torch.importer import ImportFailure, import_file, import_model, load_model

DIM, LAYERS = 64, 4


def _weights() -> list[np.ndarray]:
    rng = np.random.default_rng(0)
    return [(rng.random((DIM, DIM), dtype=np.float32) - 0.5) / 4 for _ in range(LAYERS)]


def _chain(d: Path, external: bool) -> Path:
    """x -> (MatMul W_i, Relu) x LAYERS; weights in one external file or in the model."""
    ws = _weights()
    nodes, prev = [], "x"
    for i in range(LAYERS):
        nodes += [helper.make_node("MatMul", [prev, f"w{i}"], [f"m{i}"]),
                  helper.make_node("Relu", [f"m{i}"], [f"r{i}"])]
        prev = f"r{i}"
    graph = helper.make_graph(
        nodes, "chain", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [2, DIM])],
        [helper.make_tensor_value_info(prev, TensorProto.FLOAT, [2, DIM])],
        [onnx.numpy_helper.from_array(w, f"w{i}") for i, w in enumerate(ws)])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    path = d / ("ext.onnx" if external else "emb.onnx")
    onnx.save(model, str(path), save_as_external_data=external, location="ext.data",
              all_tensors_to_one_file=True, size_threshold=0)
    return path


def _reference(x: np.ndarray) -> np.ndarray:
    for w in _weights():
        x = np.maximum(x @ w, 0)
    return x


def _blob_data(text: str) -> str:
    """The module text with each resource blob's alignment word (its first 4 bytes) masked:
    the mapped import declares the alignment the data has in its file."""
    return re.sub(r'"0x[0-9A-F]{8}', '"0x........', text)


def test_external_data_same_module(tmp_path):
    path = _chain(tmp_path, external=True)
    expected = import_model(load_model(path)).operation.get_asm()
    imported = import_file(path)
    assert imported.module.operation.get_asm() == expected
    assert imported.weight_bytes == LAYERS * DIM * DIM * 4
    # the proto the module came from never held the weights
    assert all(t.data_location == TensorProto.EXTERNAL for t in imported.model.graph.initializer)


def test_embedded_weights_stay_in_the_file(tmp_path):
    path = _chain(tmp_path, external=False)
    expected = import_model(load_model(path)).operation.get_asm()
    imported = import_file(path)
    assert _blob_data(imported.module.operation.get_asm()) == _blob_data(expected)
    assert not any(t.HasField("raw_data") for t in imported.model.graph.initializer)
    assert imported.weight_bytes == LAYERS * DIM * DIM * 4


def test_the_module_holds_the_mapping_itself(tmp_path, monkeypatch):
    """The blobs are views of the one mapping of the data file, not copies: while the module
    lives, the mapping has exported buffers and refuses to close."""
    maps = []
    real = importer.MappedWeights.__init__

    def spy(self, data_dir):
        real(self, data_dir)
        maps.append(self)

    monkeypatch.setattr(importer.MappedWeights, "__init__", spy)
    imported = import_file(_chain(tmp_path, external=True))
    (mapping,) = maps[0]._maps.values()
    assert len(mapping) == LAYERS * DIM * DIM * 4
    with pytest.raises(BufferError):
        mapping.close()
    del imported


@pytest.mark.parametrize("external", [True, False])
def test_numerically_right_through_iree(tmp_path, external):
    from torch_onnx_to_torch.e2e import compile_torch_ir, run_compiled

    imported = import_file(_chain(tmp_path, external))
    report = convert(imported.module)
    assert not report.declines
    vmfb = compile_torch_ir(imported.module.operation.get_asm(enable_debug_info=False))
    x = np.random.default_rng(1).standard_normal((2, DIM)).astype(np.float32)
    (y,) = run_compiled(vmfb, "chain", [x])
    np.testing.assert_allclose(y, _reference(x), rtol=1e-5, atol=1e-6)


def test_small_external_tensors_feed_shape_inference(tmp_path):
    """A Reshape whose shape is in external data still gets its static result type."""
    graph = helper.make_graph(
        [helper.make_node("Reshape", ["x", "s"], ["y"])], "r",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [4, 6])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, None)],
        [onnx.numpy_helper.from_array(np.array([3, -1], np.int64), "s")])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    path = tmp_path / "r.onnx"
    onnx.save(model, str(path), save_as_external_data=True, location="r.data", size_threshold=0)
    text = import_file(path).module.operation.get_asm()
    assert "-> !torch.vtensor<[3,8],f32>" in text


def test_past_the_protobuf_limit_without_file_based_inference(tmp_path, monkeypatch):
    """With the 2 GB limit lowered below the weights, import_file still infers in memory: the
    proto it infers on has no weights in it."""
    path = _chain(tmp_path, external=True)
    expected = import_model(load_model(path)).operation.get_asm()
    monkeypatch.setattr(importer, "_TWO_GB", 10_000)

    def no_file_inference(*args, **kwargs):
        raise AssertionError("file-based shape inference was used")

    monkeypatch.setattr(onnx.shape_inference, "infer_shapes_path", no_file_inference)
    assert import_file(path).module.operation.get_asm() == expected


def test_external_data_of_the_wrong_size_is_one_error(tmp_path):
    path = _chain(tmp_path, external=True)
    data = tmp_path / "ext.data"
    data.write_bytes(data.read_bytes()[:-4])
    with pytest.raises(ImportFailure, match=r"is \d+ bytes, offset \d+ \+ length \d+ needs"):
        import_file(path)


def test_text_output_of_big_weights_warns(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(cli, "TEXT_WARN_BYTES", 1024)
    path = _chain(tmp_path, external=True)
    assert main(["import", str(path), "-o", str(tmp_path / "o.mlir")]) == 0
    assert "warning: writing 64.0 KiB of weights as hex text" in capsys.readouterr().err
    assert main(["import", str(path), "--bytecode", "-o", str(tmp_path / "o.mlirbc")]) == 0
    assert "warning" not in capsys.readouterr().err


@pytest.mark.parametrize("external", [True, False])
def test_externalized_params_run_in_iree(tmp_path, capsys, external):
    """--externalize-params: the module holds util.globals only, the .irpa the weights; both
    compile and run in IREE to the numpy result."""
    bindir = Path(sys.executable).parent
    path = _chain(tmp_path, external)
    out, irpa = tmp_path / "m.mlirbc", tmp_path / "w.irpa"
    assert main(["import", str(path), "--bytecode", "-o", str(out), "--externalize-params",
                 "--params-file", str(irpa)]) == 0
    assert "warning" not in capsys.readouterr().err
    assert out.stat().st_size < 4096 and irpa.stat().st_size >= LAYERS * DIM * DIM * 4
    vmfb = tmp_path / "m.vmfb"
    subprocess.run([bindir / "iree-compile", out, "--iree-input-type=torch",
                    "--iree-hal-target-device=local",
                    "--iree-hal-local-target-device-backends=llvm-cpu",
                    "--iree-llvmcpu-target-cpu=host", "-o", vmfb], check=True)
    x = np.random.default_rng(1).standard_normal((2, DIM)).astype(np.float32)
    np.save(tmp_path / "x.npy", x)
    subprocess.run([bindir / "iree-run-module", "--device=local-sync", f"--module={vmfb}",
                    f"--parameters=model={irpa}", "--function=chain",
                    f"--input=@{tmp_path / 'x.npy'}", f"--output=@{tmp_path / 'y.npy'}"],
                   check=True, capture_output=True)
    np.testing.assert_allclose(np.load(tmp_path / "y.npy"), _reference(x), rtol=1e-5,
                               atol=1e-6)


def test_externalized_params_text_names_the_parameters(tmp_path, capsys):
    path = _chain(tmp_path, external=True)
    assert main(["import", str(path), "-o", str(tmp_path / "m.mlir"),
                 "--externalize-params", "--params-scope", "chain"]) == 0
    text = (tmp_path / "m.mlir").read_text()
    assert '#stream.parameter.named<"chain"::"w3"> : tensor<64x64xf32>' in text
    assert "dense_resource" not in text and (tmp_path / "m.irpa").exists()
    assert main(["import", str(path), "--externalize-params"]) == 1
    assert "needs --params-file" in capsys.readouterr().err


def test_bytecode_written_from_the_blobs_is_the_bindings_bytecode(tmp_path):
    """bytecode_out.write_bytecode (C API through ctypes, chunks written from the writer's
    memory) gives the bytes the bindings' write_bytecode gives, to a file or a buffer."""
    import io

    from torch_onnx_to_torch.bytecode_out import write_bytecode

    module = import_file(_chain(tmp_path, external=True)).module
    expected = io.BytesIO()
    module.operation.write_bytecode(expected)
    with open(tmp_path / "m.mlirbc", "wb") as f:
        write_bytecode(module, f)
    assert (tmp_path / "m.mlirbc").read_bytes() == expected.getvalue()
    buffer = io.BytesIO()  # no file descriptor: the bindings' method
    write_bytecode(module, buffer)
    assert buffer.getvalue() == expected.getvalue()


def test_exported_model_with_params_matches_onnxruntime(tmp_path, capsys):
    """A real export (models/gpt2_dynamo: embeddings, attention, weights in external data) with
    --externalize-params, run with its parameter archive in IREE, against onnxruntime."""
    import iree.runtime as rt

    from torch_onnx_to_torch.e2e import compare

    model = Path(__file__).resolve().parent.parent / "models" / "gpt2_dynamo.onnx"
    out, irpa = tmp_path / "m.mlirbc", tmp_path / "m.irpa"
    assert main(["import", str(model), "--bytecode", "-o", str(out),
                 "--externalize-params"]) == 0
    vmfb = tmp_path / "m.vmfb"
    subprocess.run([Path(sys.executable).parent / "iree-compile", out,
                    "--iree-input-type=torch", "--iree-hal-target-device=local",
                    "--iree-hal-local-target-device-backends=llvm-cpu",
                    "--iree-llvmcpu-target-cpu=host", "-o", vmfb], check=True)

    def arrays(suffix):
        with np.load(model.with_suffix(suffix)) as z:
            return [z[f"arr_{i}"] for i in range(len(z.files))]

    config = rt.Config("local-sync")
    index = rt.ParameterIndex()
    index.load(str(irpa))
    ctx = rt.SystemContext(config=config, vm_modules=[
        rt.create_io_parameters_module(config.vm_instance, index.create_provider(scope="model")),
        rt.VmModule.copy_buffer(config.vm_instance, vmfb.read_bytes())])
    entry = onnx.load(str(model), load_external_data=False).graph.name
    results = getattr(ctx.modules.module, entry)(*arrays(".inputs.npz"))
    results = results if isinstance(results, (list, tuple)) else [results]
    expected = arrays(".ort.npz")
    assert len(results) == len(expected)
    for r, e in zip(results, expected):
        assert compare(np.asarray(r.to_host()), e, 1e-3, 1e-4) == ""
