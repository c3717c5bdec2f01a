# lit configuration: FileCheck tests for torch-onnx-to-torch (run with `lit test`).
import os
import shutil
import sys

import lit.formats

config.name = "torch-onnx-to-torch"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".mlir"]
config.excludes = ["Inputs", "examples", "bench", ".venv", "build"]

# The driver and FileCheck come from the active Python environment.
bindir = os.path.dirname(sys.executable)
config.environment["PATH"] = bindir + os.pathsep + os.environ.get("PATH", "")
# A PYTHONPATH given to lit (e.g. a second checkout of the package) reaches the driver too.
if "PYTHONPATH" in os.environ:
    config.environment["PYTHONPATH"] = os.environ["PYTHONPATH"]
opt = shutil.which("torch-onnx-to-torch-opt", path=config.environment["PATH"])
config.substitutions.append(
    ("%opt", opt or f"{sys.executable} -m torch_onnx_to_torch.opt"))
config.substitutions.append(("%python", sys.executable))
