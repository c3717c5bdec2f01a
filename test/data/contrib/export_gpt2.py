"""Regenerate gpt2_fused.* and gpt2_fused_past.*: a tiny random-weight GPT-2 (LM head, 2 layers,
hidden 32, 4 heads, vocab 100) exported with the TorchScript exporter (opset 14) and fused by
onnxruntime's transformer optimizer (model_type="gpt2"), with its inputs and onnxruntime's
outputs (the reference, computed with graph optimizations off).
- gpt2_fused: input_ids -> logits. EmbedLayerNormalization (position ids from a Range, its
  embedding sum the first residual, its mask_index the zeros of a model without mask),
  Attention with unidirectional=1 and no mask, SkipLayerNormalization, FastGelu.
- gpt2_fused_past: onnxruntime's gpt2_helper interface, input_ids, position_ids, a float
  attention_mask [B, P + S] and past_i [2, B, N, P, D] -> logits, present_i. The same ops,
  Attention with past / present and the mask (cast to int32) as a [B, P + S] mask_index; 4 past
  positions, 8 new tokens, the second row left-padded by 2.

How the fusion is reached (torch 2.13.0, transformers 5.24.0, onnxruntime 1.32.0, onnx 1.23.2):
onnxruntime's GPT-2 attention fusions (onnxruntime/transformers/fusion_gpt_attention*.py) match
the attention that transformers 2.9 .. 4.x exported: MatMul -> Div -> Where(causal slice of the
`bias` buffer) (-> Add of (1 - mask) * -10000) -> Softmax. transformers 5 computes attention as
MatMul -> Mul(scaling) -> Add(4-D mask built by masking_utils) -> Softmax, which matches no
attention fusion: neither its dynamo export nor its TorchScript export (eager attention,
use_cache False, opset 14 or 17, optimizer opt_level 0, 1 or 99) gets more than
SkipLayerNormalization and FastGelu. So the attention is written as transformers 4.x wrote it
(classic_attention below, on the same weights; both models agree with the transformers 5 eager
model to 1e-6, checked when this runs). With one graph input and one output the optimizer takes
its no-past fusion (FusionGptAttentionNoPast); with past inputs and present outputs, its
FusionGptAttention (past split by Gather, present by Unsqueeze + Concat).

All parameters are random (N(0, 0.1), layer norm scales 1 + N(0, 0.1)), so the biases and layer
norm shifts are not zero and not shared. Needs torch, transformers and onnxruntime
(/work/models-venv has them); nothing is downloaded. Run from this directory: python export_gpt2.py
"""

import os
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
HEADS, HEAD_SIZE, LAYERS = 4, 8, 2


def classic_attention(attn, x, causal, masked_bias, layer_past=None, mask=None):
    """GPT2Attention's self-attention as transformers 4.x wrote it: Div by sqrt(head size),
    Where on the boolean lower-triangular `causal` buffer sliced to the key / query lengths,
    (+ the additive padding mask), Softmax; with `layer_past` ([2, B, N, P, D]) the keys and
    values are appended to the past ones and returned stacked as the present."""
    heads = (attn.num_heads, attn.head_dim)
    q, k, v = attn.c_attn(x).split(attn.split_size, dim=2)
    q = q.view(q.size()[:-1] + heads).permute(0, 2, 1, 3)
    k = k.view(k.size()[:-1] + heads).permute(0, 2, 1, 3)
    v = v.view(v.size()[:-1] + heads).permute(0, 2, 1, 3)
    present = None
    if layer_past is not None:
        k = torch.cat((layer_past[0], k), dim=-2)
        v = torch.cat((layer_past[1], v), dim=-2)
        present = torch.stack((k, v))
    w = torch.matmul(q, k.transpose(-1, -2))
    w = w / (float(v.size(-1)) ** 0.5)
    nd, ns = w.size(-2), w.size(-1)
    w = torch.where(causal[:, :, ns - nd:ns, :ns], w, masked_bias.to(w.dtype))
    if mask is not None:
        w = w + mask
    w = torch.nn.functional.softmax(w, dim=-1)
    a = torch.matmul(w, v).permute(0, 2, 1, 3).contiguous()
    a = a.view(a.size()[:-2] + (attn.num_heads * attn.head_dim,))
    return attn.c_proj(a), present


class Buffers(torch.nn.Module):
    """The `bias` (causal) and `masked_bias` buffers of transformers 4.x's GPT2Attention."""

    def __init__(self):
        super().__init__()
        causal = torch.tril(torch.ones(POSITIONS, POSITIONS, dtype=torch.bool))
        self.register_buffer("bias", causal.view(1, 1, POSITIONS, POSITIONS))
        self.register_buffer("masked_bias", torch.tensor(-1e4))


class ClassicAttention(Buffers):
    """In place of a transformers 5 GPT2Attention (no cache, no padding mask)."""

    def __init__(self, attn):
        super().__init__()
        self.attn = attn

    def forward(self, hidden_states, *args, **kwargs):
        y, _ = classic_attention(self.attn, hidden_states, self.bias, self.masked_bias)
        return y, None


class NoPast(torch.nn.Module):
    """input_ids in, logits out (one input and one output: the optimizer's no-past fusion)."""

    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, input_ids):
        return self.model(input_ids=input_ids, use_cache=False).logits


class WithPast(Buffers):
    """onnxruntime's gpt2_helper interface: input_ids, position_ids, a float attention_mask
    [B, P + S] (0 = padding) and past_i [2, B, N, P, D] in; logits and present_i out. The
    forward of transformers 4.x's GPT2LMHeadModel, on the same weights."""

    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, input_ids, position_ids, attention_mask, *past):
        t = self.model.transformer
        h = t.wte(input_ids) + t.wpe(position_ids)
        mask = attention_mask.view(input_ids.size(0), -1)[:, None, None, :]
        mask = (1.0 - mask) * -10000.0
        presents = []
        for block, layer_past in zip(t.h, past):
            y, present = classic_attention(block.attn, block.ln_1(h), self.bias,
                                           self.masked_bias, layer_past, mask)
            h = h + y
            h = h + block.mlp(block.ln_2(h))
            presents.append(present)
        return (self.model.lm_head(t.ln_f(h)), *presents)


def random_gpt2():
    torch.manual_seed(0)
    cfg = T.GPT2Config(vocab_size=100, n_embd=HEADS * HEAD_SIZE, n_layer=LAYERS, n_head=HEADS,
                       n_positions=POSITIONS, attn_implementation="eager", use_cache=False,
                       bos_token_id=0, eos_token_id=0)
    model = T.GPT2LMHeadModel(cfg).eval()
    with torch.no_grad():
        for name, p in model.named_parameters():
            scale = name.endswith(("ln_1.weight", "ln_2.weight", "ln_f.weight"))
            p.copy_(torch.randn_like(p) * 0.1 + (1.0 if scale else 0.0))
    return model


def fuse_and_store(module, args, names, outputs, dynamic_axes, stem):
    """Export, fuse, store the inputs and onnxruntime's outputs; return those outputs."""
    torch.onnx.export(module, args, f"{stem}_raw.onnx", input_names=names, output_names=outputs,
                      opset_version=14, dynamo=False, dynamic_axes=dynamic_axes)
    fused = optimize_model(f"{stem}_raw.onnx", model_type="gpt2", num_heads=HEADS,
                           hidden_size=HEADS * HEAD_SIZE)
    os.remove(f"{stem}_raw.onnx")
    fused.save_model_to_file(f"{stem}.onnx")
    m = onnx.load(f"{stem}.onnx")
    print(stem, sorted(Counter((n.domain, n.op_type) for n in m.graph.node).items()))
    inputs = {n: a.numpy() for n, a in zip(names, args)}
    np.savez(f"{stem}.inputs.npz", **inputs)
    opts = ort.SessionOptions()
    opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_DISABLE_ALL
    sess = ort.InferenceSession(f"{stem}.onnx", opts, providers=["CPUExecutionProvider"])
    outs = sess.run(None, inputs)
    np.savez(f"{stem}.ort.npz", **{o.name: v for o, v in zip(m.graph.output, outs)})
    return outs


def main():
    model = random_gpt2()
    ids = torch.randint(0, 100, (2, 16))
    with torch.no_grad():
        hf = model(input_ids=ids).logits
        # The with-past forward on the same weights: empty past, all ones mask, and a first
        # call's present as the past of the second: the same logits as transformers 5.
        with_past = WithPast(model).eval()
        empty = [torch.zeros(2, 2, HEADS, 0, HEAD_SIZE)] * LAYERS
        pos = torch.arange(16)[None].expand(2, -1)
        first = with_past(ids[:, :10], pos[:, :10], torch.ones(2, 10), *empty)
        second = with_past(ids[:, 10:], pos[:, 10:], torch.ones(2, 16), *first[1:])
    print("with past vs transformers:",
          float((torch.cat([first[0], second[0]], 1) - hf).abs().max()))

    # With past: 4 past positions, 8 new tokens, the second row left-padded by 2.
    new_ids = torch.randint(0, 100, (2, 8))
    mask = torch.ones(2, 12)
    mask[1, :2] = 0
    pos = (mask.long().cumsum(-1) - 1).clamp(min=0)[:, 4:]
    past = [torch.randn(2, 2, HEADS, 4, HEAD_SIZE) for _ in range(LAYERS)]
    with torch.no_grad():
        expected = with_past(new_ids, pos, mask, *past)
    past_names = [f"past_{i}" for i in range(LAYERS)]
    present_names = [f"present_{i}" for i in range(LAYERS)]
    axes = {"input_ids": {0: "batch", 1: "seq"}, "position_ids": {0: "batch", 1: "seq"},
            "attention_mask": {0: "batch", 1: "total"}, "logits": {0: "batch", 1: "seq"}}
    axes.update({n: {1: "batch", 3: "past"} for n in past_names})
    axes.update({n: {1: "batch", 3: "total"} for n in present_names})
    outs = fuse_and_store(with_past, (new_ids, pos, mask, *past),
                          ["input_ids", "position_ids", "attention_mask", *past_names],
                          ["logits", *present_names], axes, "gpt2_fused_past")
    print("gpt2_fused_past: onnxruntime vs torch:",
          max(float(np.abs(o - e.numpy()).max()) for o, e in zip(outs, expected)))

    with torch.no_grad():
        for block in model.transformer.h:
            block.attn = ClassicAttention(block.attn)
        classic = model(input_ids=ids).logits
    print("classic attention vs transformers:", float((classic - hf).abs().max()))
    outs = fuse_and_store(NoPast(model), (ids,), ["input_ids"], ["logits"],
                          {"input_ids": {0: "batch", 1: "seq"}}, "gpt2_fused")
    print("gpt2_fused: onnxruntime vs torch:", float(np.abs(outs[0] - classic.numpy()).max()))


if __name__ == "__main__":
    main()
