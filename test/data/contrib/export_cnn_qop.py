"""Regenerate cnn_qop.*: a tiny random-weight CNN (convolutions, residual add, sigmoid gate,
concat, average pools, linear) exported with the TorchScript exporter and quantized statically
by onnxruntime's quantizer in operator format (QLinearConv, QLinearAdd, QLinearSigmoid,
QLinearConcat, QLinearAveragePool, QLinearGlobalAveragePool, QGemm), its inputs and
onnxruntime's outputs (the reference).

Needs torch and onnxruntime (/work/models-venv has them). Run from this directory:
python export_cnn_qop.py  (writes cnn_raw.onnx too: not kept)
"""

import warnings
from collections import Counter

import numpy as np
import onnx
import onnxruntime as ort
import torch
from onnxruntime.quantization import CalibrationDataReader, QuantFormat, QuantType, quantize_static

warnings.filterwarnings("ignore")


class Net(torch.nn.Module):
    """Conv stem, a gated residual block, a concat, pools, a classifier."""

    def __init__(self):
        super().__init__()
        self.stem = torch.nn.Conv2d(3, 8, 3, padding=1)
        self.c1 = torch.nn.Conv2d(8, 8, 3, padding=1)
        self.c2 = torch.nn.Conv2d(8, 8, 1)
        self.pool = torch.nn.AvgPool2d(2)
        self.fc = torch.nn.Linear(16, 10)

    def forward(self, x):
        x = torch.relu(self.stem(x))
        y = torch.relu(self.c1(x)) + x
        g = torch.sigmoid(self.c2(y))
        z = torch.cat([y, g], dim=1)
        z = self.pool(z)
        z = torch.nn.functional.adaptive_avg_pool2d(z, 1).flatten(1)
        return self.fc(z)


class Reader(CalibrationDataReader):
    """A few random images for calibration."""

    def __init__(self, shape):
        rng = np.random.default_rng(1)
        self.data = iter([{"x": rng.standard_normal(shape).astype(np.float32)}
                          for _ in range(8)])

    def get_next(self):
        return next(self.data, None)


def main():
    torch.manual_seed(0)
    x = torch.randn(2, 3, 16, 16)
    torch.onnx.export(Net().eval(), (x,), "cnn_raw.onnx", input_names=["x"],
                      output_names=["logits"], opset_version=17, dynamo=False)
    quantize_static("cnn_raw.onnx", "cnn_qop.onnx", Reader(tuple(x.shape)),
                    quant_format=QuantFormat.QOperator, activation_type=QuantType.QUInt8,
                    weight_type=QuantType.QInt8)
    m = onnx.load("cnn_qop.onnx")
    print(Counter((n.domain, n.op_type) for n in m.graph.node))
    feed = {"x": x.numpy()}
    np.savez("cnn_qop.inputs.npz", **feed)
    opts = ort.SessionOptions()
    opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_DISABLE_ALL
    outs = ort.InferenceSession("cnn_qop.onnx", opts, providers=["CPUExecutionProvider"]).run(
        None, feed)
    np.savez("cnn_qop.ort.npz", **{o.name: v for o, v in zip(m.graph.output, outs)})


if __name__ == "__main__":
    main()
