"""Export the model suite: tiny random-weight models from PyTorch with both exporters, their
inputs and onnxruntime's outputs (the reference), next to this file.

Needs the `models` extra (`pip install -e '.[models]'`: torch 2.13.0 CPU, transformers,
onnxruntime, onnxscript). Nothing is downloaded: weights are random from configs, seeded.
Run: python models/export.py [NAME ...]; test/test_models.py checks every model end to end.
"""

import os
import sys
import warnings

import numpy as np
import torch

warnings.filterwarnings("ignore")
import transformers as T  # noqa: E402


def bert():
    cfg = T.BertConfig(
        vocab_size=100,
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=4,
        intermediate_size=64,
        max_position_embeddings=64,
    )
    m = T.BertModel(cfg).eval()
    ids = torch.randint(0, 100, (2, 16))
    mask = torch.ones(2, 16, dtype=torch.long)
    return m, (ids, mask), ["input_ids", "attention_mask"]


def gpt2():
    cfg = T.GPT2Config(vocab_size=100, n_embd=32, n_layer=2, n_head=4, n_positions=64)
    m = T.GPT2Model(cfg).eval()
    m.config.use_cache = False
    ids = torch.randint(0, 100, (2, 16))
    return m, (ids,), ["input_ids"]


def llama():
    cfg = T.LlamaConfig(
        vocab_size=100,
        hidden_size=32,
        intermediate_size=64,
        num_hidden_layers=2,
        num_attention_heads=4,
        num_key_value_heads=2,
        max_position_embeddings=64,
    )
    m = T.LlamaModel(cfg).eval()
    m.config.use_cache = False
    ids = torch.randint(0, 100, (2, 16))
    return m, (ids,), ["input_ids"]


def vit():
    cfg = T.ViTConfig(
        image_size=32,
        patch_size=8,
        num_channels=3,
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=4,
        intermediate_size=64,
    )
    m = T.ViTModel(cfg).eval()
    return m, (torch.randn(2, 3, 32, 32),), ["pixel_values"]


class Res(torch.nn.Module):
    def __init__(s):
        super().__init__()
        s.c1 = torch.nn.Conv2d(3, 8, 3, padding=1)
        s.b1 = torch.nn.BatchNorm2d(8)
        s.c2 = torch.nn.Conv2d(8, 8, 3, padding=1)
        s.b2 = torch.nn.BatchNorm2d(8)
        s.pool = torch.nn.MaxPool2d(3, 2, 1)
        s.fc = torch.nn.Linear(8, 10)

    def forward(s, x):
        x = s.pool(torch.relu(s.b1(s.c1(x))))
        x = torch.relu(x + s.b2(s.c2(x)))
        x = torch.nn.functional.adaptive_avg_pool2d(x, 1).flatten(1)
        return s.fc(x)


def resnet():
    return Res().eval(), (torch.randn(2, 3, 32, 32),), ["x"]


class Tagger(torch.nn.Module):
    def __init__(s):
        super().__init__()
        s.emb = torch.nn.Embedding(50, 16)
        s.gru = torch.nn.GRU(16, 12, batch_first=True, bidirectional=True)
        s.lstm = torch.nn.LSTM(24, 8, batch_first=True, bidirectional=True)
        s.out = torch.nn.Linear(16, 5)

    def forward(s, ids):
        x, _ = s.gru(s.emb(ids))
        x, _ = s.lstm(x)
        return s.out(x).log_softmax(-1)


def tagger():
    return Tagger().eval(), (torch.randint(0, 50, (2, 7)),), ["ids"]


class UNet(torch.nn.Module):
    def __init__(s):
        super().__init__()
        s.d = torch.nn.Conv2d(3, 8, 3, stride=2, padding=1)
        s.u = torch.nn.ConvTranspose2d(8, 8, 2, stride=2)
        s.o = torch.nn.Conv2d(11 + 8, 2, 1)

    def forward(s, x):
        d = torch.relu(s.d(x))
        up = torch.nn.functional.interpolate(
            d, scale_factor=2, mode="bilinear", align_corners=False
        )
        return s.o(torch.cat([x, s.u(d), up], 1))


def unet():
    return UNet().eval(), (torch.randn(1, 3, 16, 16),), ["x"]


class HF(torch.nn.Module):
    """A Hugging Face model called positionally, returning last_hidden_state."""

    def __init__(s, m, names):
        super().__init__()
        s.m = m
        s.names = names

    def forward(s, *args):
        return s.m(**dict(zip(s.names, args))).last_hidden_state


def hf(fn):
    def make():
        m, args, names = fn()
        return HF(m, names).eval(), args, names

    return make


bert, gpt2, llama, vit = hf(bert), hf(gpt2), hf(llama), hf(vit)

MODELS = dict(bert=bert, gpt2=gpt2, llama=llama, vit=vit, resnet=resnet, tagger=tagger, unet=unet)


def main(out, names):
    import onnxruntime as ort

    for name in names:
        m, args, inames = MODELS[name]()
        for dyn, opset in ((False, 17), (True, 18)):
            path = f"{out}/{name}_{'dynamo' if dyn else 'ts'}.onnx"
            try:
                with torch.no_grad():
                    torch.onnx.export(
                        m, args, path, input_names=inames, opset_version=opset, dynamo=dyn
                    )
            except Exception as e:  # noqa: BLE001 - an exporter that cannot export is reported
                print("not exported", path, type(e).__name__, str(e)[:200])
                continue
            inputs = [a.numpy() for a in args]
            sess = ort.InferenceSession(path, providers=["CPUExecutionProvider"])
            feeds = {i.name: x for i, x in zip(sess.get_inputs(), inputs)}
            np.savez(path.replace(".onnx", ".inputs.npz"), *inputs)
            np.savez(path.replace(".onnx", ".ort.npz"), *sess.run(None, feeds))
            print("exported", path)


if __name__ == "__main__":
    torch.manual_seed(0)
    main(os.path.dirname(os.path.abspath(__file__)), sys.argv[1:] or list(MODELS))
