"""Regenerate bert_fused.*: a tiny random-weight BERT exported with the TorchScript exporter
(eager attention, so that onnxruntime's fusions match), fused by onnxruntime's transformer
optimizer (EmbedLayerNormalization, Attention, SkipLayerNormalization, BiasGelu), its inputs
(the second row padded by the mask) and onnxruntime's outputs (the reference).

Needs torch, transformers and onnxruntime (/work/models-venv has them); nothing is downloaded.
Run from this directory: python export_bert.py
"""

import warnings
from collections import Counter

import numpy as np
import onnx
import onnxruntime as ort
import torch
import transformers as T
from onnxruntime.transformers.optimizer import optimize_model

warnings.filterwarnings("ignore")


class Wrapped(torch.nn.Module):
    """Keyword arguments for the exporter, tensors out."""

    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, input_ids, attention_mask, token_type_ids):
        out = self.model(input_ids=input_ids, attention_mask=attention_mask,
                         token_type_ids=token_type_ids)
        return out.last_hidden_state, out.pooler_output


def main():
    torch.manual_seed(0)
    cfg = T.BertConfig(vocab_size=100, hidden_size=32, num_hidden_layers=2,
                       num_attention_heads=4, intermediate_size=64, max_position_embeddings=64,
                       attn_implementation="eager")
    model = T.BertModel(cfg).eval()
    ids = torch.randint(0, 100, (2, 16))
    mask = torch.ones(2, 16, dtype=torch.long)
    mask[1, 12:] = 0
    types = torch.zeros(2, 16, dtype=torch.long)
    names = ["input_ids", "attention_mask", "token_type_ids"]
    torch.onnx.export(Wrapped(model), (ids, mask, types), "bert_raw.onnx", input_names=names,
                      output_names=["last_hidden_state", "pooler_output"], opset_version=14,
                      dynamo=False, dynamic_axes={n: {0: "batch", 1: "seq"} for n in names})
    fused = optimize_model("bert_raw.onnx", model_type="bert", num_heads=4, hidden_size=32)
    fused.save_model_to_file("bert_fused.onnx")
    m = onnx.load("bert_fused.onnx")
    print(Counter((n.domain, n.op_type) for n in m.graph.node))
    inputs = {"input_ids": ids.numpy(), "attention_mask": mask.numpy(),
              "token_type_ids": types.numpy()}
    inputs = {i.name: inputs[i.name] for i in m.graph.input}
    np.savez("bert_fused.inputs.npz", **inputs)
    opts = ort.SessionOptions()
    opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_DISABLE_ALL
    sess = ort.InferenceSession("bert_fused.onnx", opts, providers=["CPUExecutionProvider"])
    outs = sess.run(None, inputs)
    np.savez("bert_fused.ort.npz", **{o.name: v for o, v in zip(m.graph.output, outs)})


if __name__ == "__main__":
    main()
