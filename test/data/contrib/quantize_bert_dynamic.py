"""Regenerate bert_dynquant.*: bert_fused.onnx quantized dynamically by onnxruntime's quantizer
in operator format (QEmbedLayerNormalization, QAttention, DynamicQuantizeLinear + MatMulInteger
for the feed-forward MatMuls), its inputs (bert_fused's) and onnxruntime's outputs.

Needs onnxruntime. Run from this directory: python quantize_bert_dynamic.py
"""

import numpy as np
import onnx
import onnxruntime as ort
from onnxruntime.quantization import QuantType, quantize_dynamic


def main():
    quantize_dynamic("bert_fused.onnx", "bert_dynquant.onnx", weight_type=QuantType.QInt8,
                     extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT})
    m = onnx.load("bert_dynquant.onnx")
    inputs = np.load("bert_fused.inputs.npz")
    feed = {i.name: inputs[i.name] for i in m.graph.input}
    np.savez("bert_dynquant.inputs.npz", **feed)
    opts = ort.SessionOptions()
    opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_DISABLE_ALL
    outs = ort.InferenceSession("bert_dynquant.onnx", opts,
                                providers=["CPUExecutionProvider"]).run(None, feed)
    np.savez("bert_dynquant.ort.npz", **{o.name: v for o, v in zip(m.graph.output, outs)})


if __name__ == "__main__":
    main()
