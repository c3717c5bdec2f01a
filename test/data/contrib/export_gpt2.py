"""Regenerate gpt2_fused.*: a tiny random-weight GPT-2 (LM head, 2 layers, hidden 32, 4 heads,
vocab 100) exported with the TorchScript exporter and fused by onnxruntime's transformer
optimizer (model_type="gpt2"): EmbedLayerNormalization (with position ids, its embedding sum
feeding the first residual), Attention with unidirectional=1 (the causal mask), a
SkipLayerNormalization per residual, FastGelu; its inputs and onnxruntime's outputs (the
reference, computed with graph optimizations off).

How the fusion is reached (torch 2.13.0, transformers 5.24.0, onnxruntime 1.32.0, onnx 1.23.2):
onnxruntime's GPT-2 attention fusions (onnxruntime/transformers/fusion_gpt_attention*.py) match
the attention that transformers 2.9 .. 4.x exported: MatMul -> Div -> Where(causal slice of the
`bias` buffer) -> Softmax. transformers 5 computes attention as MatMul -> Mul(scaling) ->
Add(4-D mask built by masking_utils) -> Softmax, which matches no fusion, whatever the exporter
(dynamo or TorchScript), opset (14..17) or optimizer level (0, 1, 99): only SkipLayerNormalization
and FastGelu are fused then. So each layer's GPT2Attention is replaced by ClassicAttention below,
the same arithmetic written as transformers 4.x wrote it (same weights, agrees with the
transformers 5 eager model to 1e-6). With one graph input (no attention_mask) and one output,
the optimizer takes its no-past fusion (FusionGptAttentionNoPast), which fuses every layer.

All parameters are random (N(0, 0.1), layer norm scales 1 + N(0, 0.1)), so the biases and layer
norm shifts are not zero and not shared. Needs torch, transformers and onnxruntime
(/work/models-venv has them); nothing is downloaded. Run from this directory: python export_gpt2.py
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

POSITIONS = 64


class ClassicAttention(torch.nn.Module):
    """GPT2Attention's self-attention as transformers 4.x wrote it: a boolean lower-triangular
    `bias` buffer sliced to the key/query lengths, Div by sqrt(head size), Where, Softmax."""

    def __init__(self, attn):
        super().__init__()
        self.c_attn, self.c_proj = attn.c_attn, attn.c_proj
        self.num_heads, self.head_dim = attn.num_heads, attn.head_dim
        self.split_size = attn.split_size
        causal = torch.tril(torch.ones(POSITIONS, POSITIONS, dtype=torch.bool))
        self.register_buffer("bias", causal.view(1, 1, POSITIONS, POSITIONS))
        self.register_buffer("masked_bias", torch.tensor(-1e4))

    def forward(self, hidden_states, *args, **kwargs):
        q, k, v = self.c_attn(hidden_states).split(self.split_size, dim=2)
        heads = (self.num_heads, self.head_dim)
        q = q.view(q.size()[:-1] + heads).permute(0, 2, 1, 3)
        k = k.view(k.size()[:-1] + heads).permute(0, 2, 3, 1)
        v = v.view(v.size()[:-1] + heads).permute(0, 2, 1, 3)
        w = torch.matmul(q, k)
        w = w / (float(v.size(-1)) ** 0.5)
        nd, ns = w.size(-2), w.size(-1)
        mask = self.bias[:, :, ns - nd:ns, :ns]
        w = torch.where(mask, w, self.masked_bias.to(w.dtype))
        w = torch.nn.functional.softmax(w, dim=-1)
        a = torch.matmul(w, v).permute(0, 2, 1, 3).contiguous()
        a = a.view(a.size()[:-2] + (self.num_heads * self.head_dim,))
        return self.c_proj(a), None


class Wrapped(torch.nn.Module):
    """input_ids in, logits out (one input and one output: the optimizer's no-past fusion)."""

    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, input_ids):
        return self.model(input_ids=input_ids, use_cache=False).logits


def main():
    torch.manual_seed(0)
    cfg = T.GPT2Config(vocab_size=100, n_embd=32, n_layer=2, n_head=4, n_positions=POSITIONS,
                       attn_implementation="eager", use_cache=False, bos_token_id=0,
                       eos_token_id=0)
    model = T.GPT2LMHeadModel(cfg).eval()
    with torch.no_grad():
        for name, p in model.named_parameters():
            scale = name.endswith(("ln_1.weight", "ln_2.weight", "ln_f.weight"))
            p.copy_(torch.randn_like(p) * 0.1 + (1.0 if scale else 0.0))
    ids = torch.randint(0, 100, (2, 16))
    with torch.no_grad():
        hf = model(input_ids=ids).logits
        for block in model.transformer.h:
            block.attn = ClassicAttention(block.attn)
        classic = model(input_ids=ids).logits
    print("classic attention vs transformers:", float((classic - hf).abs().max()))
    torch.onnx.export(Wrapped(model), (ids,), "gpt2_raw.onnx", input_names=["input_ids"],
                      output_names=["logits"], opset_version=14, dynamo=False,
                      dynamic_axes={"input_ids": {0: "batch", 1: "seq"}})
    fused = optimize_model("gpt2_raw.onnx", model_type="gpt2", num_heads=4, hidden_size=32)
    fused.save_model_to_file("gpt2_fused.onnx")
    m = onnx.load("gpt2_fused.onnx")
    print(Counter((n.domain, n.op_type) for n in m.graph.node))
    inputs = {"input_ids": ids.numpy()}
    np.savez("gpt2_fused.inputs.npz", **inputs)
    opts = ort.SessionOptions()
    opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_DISABLE_ALL
    sess = ort.InferenceSession("gpt2_fused.onnx", opts, providers=["CPUExecutionProvider"])
    outs = sess.run(None, inputs)
    print("onnxruntime vs torch:", float(np.abs(outs[0] - classic.numpy()).max()))
    np.savez("gpt2_fused.ort.npz", **{o.name: v for o, v in zip(m.graph.output, outs)})


if __name__ == "__main__":
    main()
