"""Regenerate llama_4bit.*: the model suite's tiny Llama (models/llama_dynamo.onnx, made by
models/export.py) with its MatMuls quantized to 4 bits (block 16, asymmetric) by onnxruntime's
MatMulNBits quantizer, its inputs and onnxruntime's outputs (the reference).

Needs onnxruntime and onnx_ir (/work/models-venv has them). Run from the repository root:
python test/data/contrib/quantize_llama_4bit.py
"""

import numpy as np
import onnx
import onnxruntime as ort
from onnxruntime.quantization.matmul_nbits_quantizer import MatMulNBitsQuantizer

OUT = "test/data/contrib/llama_4bit"


def main():
    quantizer = MatMulNBitsQuantizer(onnx.load("models/llama_dynamo.onnx"), block_size=16,
                                     is_symmetric=False, bits=4)
    quantizer.process()
    m = quantizer.model.model
    onnx.save(m, f"{OUT}.onnx")
    inputs = np.load("models/llama_dynamo.inputs.npz")
    feed = {i.name: inputs[k] for i, k in zip(m.graph.input, inputs.files)}
    np.savez(f"{OUT}.inputs.npz", **feed)
    opts = ort.SessionOptions()
    opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_DISABLE_ALL
    outs = ort.InferenceSession(f"{OUT}.onnx", opts, providers=["CPUExecutionProvider"]).run(
        None, feed)
    np.savez(f"{OUT}.ort.npz", **{o.name: v for o, v in zip(m.graph.output, outs)})


if __name__ == "__main__":
    main()
