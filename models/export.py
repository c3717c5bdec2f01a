"""Export the model suite: tiny random-weight models, their inputs and onnxruntime's outputs
(the reference), next to this file.

Each family of MODELS is exported with both of PyTorch's exporters, `<name>_ts` (TorchScript,
opset 17) and `<name>_dynamo` (dynamo, opset 18), where the exporter manages (TorchScript fails
on gpt2 and llama: no `aten::diff`, which transformers' mask code uses); VARIANTS are single
files made another way:

- families: bert, gpt2, llama, vit, resnet, tagger (bidirectional GRU + LSTM), unet (Resize),
  t5 (T5EncoderModel), whisper (WhisperModel's encoder on input_features), wav2vec2
  (Wav2Vec2Model on raw audio), mobilenet (hand-written MobileNetV2: inverted residuals,
  depthwise convs, ReLU6), detect (a conv detector with TopK, then NonMaxSuppression and a
  Gather of the kept boxes appended with onnx.helper: no PyTorch exporter emits
  NonMaxSuppression without torchvision).
- control_ts: a torch.jit.script-ed module with a data-dependent while loop, a for loop whose
  trip count is an input and an if on a tensor value (ONNX Loop and If), TorchScript opset 17.
- bert_ts_dyn, bert_dynamo_dyn, gpt2_dynamo_dyn: dynamic batch and sequence dims (dynamic_axes /
  dynamic_shapes), vit_ts_dyn: dynamic batch; their stored inputs have other sizes than the
  ones they were traced with.
- llama_dynamo_op23: dynamo at opset 23, with ONNX Attention and RMSNormalization.
- resnet_qdq, mobilenet_qdq: onnxruntime.quantization.quantize_static (QDQ: u8 activations, s8
  weights) of resnet_ts / mobilenet_ts;
  bert_qdyn: quantize_dynamic of bert_ts (DynamicQuantizeLinear + MatMulInteger).

The references come from onnxruntime's CPU provider with graph optimizations off
(ORT_DISABLE_ALL), so that no fused kernel stands between the ONNX semantics and the numbers.

Needs the `models` extra (`pip install -e '.[models]'`: torch 2.13.0 CPU, transformers,
onnxruntime, onnxscript). Nothing is downloaded: weights are random from configs, seeded per
model. Run: python models/export.py [NAME ...] (a family, a variant or `refs`, which recomputes
the references of every stored model from its stored inputs); test/test_models.py checks every
model end to end.
"""

import os
import sys
import warnings

import numpy as np
import onnx
import torch
from onnx import helper

warnings.filterwarnings("ignore")
import transformers as T


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


def t5():
    cfg = T.T5Config(
        vocab_size=100,
        d_model=32,
        d_kv=8,
        d_ff=64,
        num_layers=2,
        num_heads=4,
        relative_attention_num_buckets=8,
        relative_attention_max_distance=16,
    )
    m = T.T5EncoderModel(cfg).eval()
    ids = torch.randint(0, 100, (2, 16))
    mask = torch.ones(2, 16, dtype=torch.long)
    return m, (ids, mask), ["input_ids", "attention_mask"]


def whisper():
    cfg = T.WhisperConfig(
        vocab_size=100,
        num_mel_bins=16,
        d_model=32,
        encoder_layers=2,
        encoder_attention_heads=4,
        encoder_ffn_dim=64,
        decoder_layers=1,
        decoder_attention_heads=4,
        decoder_ffn_dim=64,
        max_source_positions=16,
        max_target_positions=16,
        pad_token_id=0,
        bos_token_id=1,
        eos_token_id=2,
        decoder_start_token_id=3,
    )
    m = T.WhisperModel(cfg).eval().encoder
    # The encoder wants exactly 2 * max_source_positions frames.
    return m, (torch.randn(2, 16, 32),), ["input_features"]


def wav2vec2():
    cfg = T.Wav2Vec2Config(
        vocab_size=32,
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=4,
        intermediate_size=64,
        conv_dim=(16, 16),
        conv_stride=(5, 2),
        conv_kernel=(10, 3),
        num_conv_pos_embeddings=8,
        num_conv_pos_embedding_groups=4,
        num_feat_extract_layers=2,
    )
    m = T.Wav2Vec2Model(cfg).eval()
    return m, (torch.randn(2, 400),), ["input_values"]


def _hf(fn):
    """A Hugging Face model called positionally, returning last_hidden_state."""

    def make():
        m, args, names = fn()
        return HF(m, names).eval(), args, names

    return make


class HF(torch.nn.Module):
    """A Hugging Face model called positionally, returning last_hidden_state."""

    def __init__(s, m, names):
        super().__init__()
        s.m = m
        s.names = names

    def forward(s, *args):
        return s.m(**dict(zip(s.names, args))).last_hidden_state


class InvertedResidual(torch.nn.Module):
    """MobileNetV2's block: 1x1 expand, 3x3 depthwise, 1x1 linear projection (+ skip)."""

    def __init__(s, cin, cout, stride, expand):
        super().__init__()
        mid = cin * expand
        nn = torch.nn
        s.skip = stride == 1 and cin == cout
        s.body = nn.Sequential(
            nn.Conv2d(cin, mid, 1, bias=False), nn.BatchNorm2d(mid), nn.ReLU6(),
            nn.Conv2d(mid, mid, 3, stride, 1, groups=mid, bias=False), nn.BatchNorm2d(mid),
            nn.ReLU6(),
            nn.Conv2d(mid, cout, 1, bias=False), nn.BatchNorm2d(cout),
        )

    def forward(s, x):
        y = s.body(x)
        return x + y if s.skip else y


class MobileNetV2(torch.nn.Module):
    def __init__(s):
        super().__init__()
        nn = torch.nn
        s.stem = nn.Sequential(nn.Conv2d(3, 8, 3, 2, 1, bias=False), nn.BatchNorm2d(8),
                               nn.ReLU6())
        s.blocks = nn.Sequential(
            InvertedResidual(8, 8, 1, 1), InvertedResidual(8, 12, 2, 4),
            InvertedResidual(12, 12, 1, 4), InvertedResidual(12, 16, 2, 4),
            InvertedResidual(16, 16, 1, 4),
        )
        s.head = nn.Sequential(nn.Conv2d(16, 32, 1, bias=False), nn.BatchNorm2d(32), nn.ReLU6())
        s.fc = nn.Linear(32, 10)

    def forward(s, x):
        x = s.head(s.blocks(s.stem(x)))
        return s.fc(x.mean((2, 3)))


def _randomize_bn(m):
    """Random BatchNorm statistics, so that folding them is not a no-op."""
    for mod in m.modules():
        if isinstance(mod, torch.nn.BatchNorm2d):
            mod.running_mean.uniform_(-0.5, 0.5)
            mod.running_var.uniform_(0.5, 1.5)
            mod.weight.data.uniform_(0.5, 1.5)
            mod.bias.data.uniform_(-0.2, 0.2)
    return m


def mobilenet():
    return _randomize_bn(MobileNetV2()).eval(), (torch.randn(2, 3, 32, 32),), ["x"]


class Detect(torch.nn.Module):
    """A one-class anchor-per-cell detector: boxes (y1, x1, y2, x2), sigmoid scores, top-k."""

    def __init__(s):
        super().__init__()
        nn = torch.nn
        s.backbone = nn.Sequential(nn.Conv2d(3, 8, 3, 2, 1), nn.ReLU(),
                                   nn.Conv2d(8, 8, 3, 2, 1), nn.ReLU())
        s.box = nn.Conv2d(8, 4, 1)
        s.cls = nn.Conv2d(8, 1, 1)
        ys, xs = torch.meshgrid(torch.arange(8.0), torch.arange(8.0), indexing="ij")
        s.register_buffer("centers", torch.stack([ys, xs], -1).reshape(1, 64, 2) + 0.5)

    def forward(s, x):
        f = s.backbone(x)
        d = s.box(f).flatten(2).transpose(1, 2)
        center = s.centers + 0.5 * torch.tanh(d[..., :2])
        half = torch.exp(d[..., 2:].clamp(-2, 2))
        boxes = torch.cat([center - half, center + half], -1)
        scores = torch.sigmoid(s.cls(f).flatten(2))
        top, idx = scores.topk(8, dim=-1)
        return boxes, scores, top, idx


def detect():
    return Detect().eval(), (torch.randn(1, 3, 32, 32),), ["image"]


def append_nms(path):
    """Appends NonMaxSuppression on (boxes, scores) and a Gather of the kept boxes."""
    model = onnx.load(path)
    g = model.graph
    boxes, scores = g.output[0].name, g.output[1].name
    g.initializer.extend([
        onnx.numpy_helper.from_array(np.array([6], np.int64), "nms_max_out"),
        onnx.numpy_helper.from_array(np.array([0.4], np.float32), "nms_iou"),
        onnx.numpy_helper.from_array(np.array([0.3], np.float32), "nms_score"),
        onnx.numpy_helper.from_array(np.array(2, np.int64), "nms_box_col"),
    ])
    g.node.extend([
        helper.make_node("NonMaxSuppression",
                         [boxes, scores, "nms_max_out", "nms_iou", "nms_score"], ["selected"]),
        helper.make_node("Gather", ["selected", "nms_box_col"], ["kept"], axis=1),
        helper.make_node("Gather", [boxes, "kept"], ["kept_boxes"], axis=1),
    ])
    g.output.extend([
        helper.make_tensor_value_info("selected", onnx.TensorProto.INT64, ["n_kept", 3]),
        helper.make_tensor_value_info("kept_boxes", onnx.TensorProto.FLOAT,
                                      [1, "n_kept", 4]),
    ])
    onnx.checker.check_model(model)
    onnx.save(model, path, save_as_external_data=False)
    if os.path.exists(path + ".data"):
        os.remove(path + ".data")  # the weights are inside the .onnx now


class Control(torch.nn.Module):
    """Data-dependent control flow: a while loop, a for loop of `n` steps and an if."""

    def forward(self, x, n):
        y = x
        while bool(y.abs().sum() < 50.0):
            y = y * 1.5 + 0.25
        for i in range(int(n)):
            y = torch.tanh(y) + x * float(i)
        if bool(y.mean() > 0.0):
            y = y * 2.0
        else:
            y = y - 1.0
        return y


bert, gpt2, llama, vit = _hf(bert), _hf(gpt2), _hf(llama), _hf(vit)
t5, whisper, wav2vec2 = _hf(t5), _hf(whisper), _hf(wav2vec2)

MODELS = {
    "bert": bert, "gpt2": gpt2, "llama": llama, "vit": vit, "resnet": resnet, "tagger": tagger,
    "unet": unet, "t5": t5, "whisper": whisper, "wav2vec2": wav2vec2, "mobilenet": mobilenet,
    "detect": detect,
}
POST = {"detect": append_nms}


def reference(path, inputs):
    """Saves `inputs` and onnxruntime's outputs (CPU, no graph optimization) beside `path`."""
    import onnxruntime as ort

    so = ort.SessionOptions()
    so.graph_optimization_level = ort.GraphOptimizationLevel.ORT_DISABLE_ALL
    sess = ort.InferenceSession(path, so, providers=["CPUExecutionProvider"])
    feeds = {i.name: x for i, x in zip(sess.get_inputs(), inputs)}
    np.savez(path.replace(".onnx", ".inputs.npz"), *inputs)
    np.savez(path.replace(".onnx", ".ort.npz"), *sess.run(None, feeds))


def export(m, args, inames, path, dynamo, opset, dynamic=None, inputs=None):
    """One torch.onnx.export, then the reference on `inputs` (default: the traced args)."""
    kw = {}
    if dynamic is not None:
        kw = {"dynamic_shapes": dynamic} if dynamo else {"dynamic_axes": dynamic}
    try:
        with torch.no_grad():
            torch.onnx.export(m, args, path, input_names=inames, opset_version=opset,
                              dynamo=dynamo, **kw)
    except Exception as e:  # noqa: BLE001 - an exporter that cannot export is reported
        print("not exported", path, type(e).__name__, str(e)[:300])
        return False
    reference(path, [a.numpy() for a in (inputs or args)])
    print("exported", path)
    return True


def family(out, name):
    """<name>_ts (TorchScript, opset 17) and <name>_dynamo (dynamo, opset 18)."""
    for dyn, opset in ((False, 17), (True, 18)):
        torch.manual_seed(0)
        m, args, inames = MODELS[name]()
        path = f"{out}/{name}_{'dynamo' if dyn else 'ts'}.onnx"
        if export(m, args, inames, path, dyn, opset) and name in POST:
            POST[name](path)
            reference(path, [a.numpy() for a in args])


def control_ts(out):
    torch.manual_seed(0)
    m = torch.jit.script(Control())
    args = (torch.randn(2, 3), torch.tensor(3))
    export(m, args, ["x", "n"], f"{out}/control_ts.onnx", False, 17)


def bert_ts_dyn(out):
    torch.manual_seed(0)
    m, args, inames = bert()
    axes = {n: {0: "batch", 1: "seq"} for n in inames}
    g = torch.Generator().manual_seed(1)
    inputs = (torch.randint(0, 100, (3, 11), generator=g), torch.ones(3, 11, dtype=torch.long))
    export(m, args, inames, f"{out}/bert_ts_dyn.onnx", False, 17, axes, inputs)


def bert_dynamo_dyn(out):
    torch.manual_seed(0)
    m, args, inames = bert()
    batch, seq = torch.export.Dim("batch", max=8), torch.export.Dim("seq", max=32)
    g = torch.Generator().manual_seed(1)
    inputs = (torch.randint(0, 100, (3, 11), generator=g), torch.ones(3, 11, dtype=torch.long))
    export(m, args, inames, f"{out}/bert_dynamo_dyn.onnx", True, 18,
           (({0: batch, 1: seq}, {0: batch, 1: seq}),), inputs)


def vit_ts_dyn(out):
    torch.manual_seed(0)
    m, args, inames = vit()
    inputs = (torch.randn(3, 3, 32, 32, generator=torch.Generator().manual_seed(1)),)
    export(m, args, inames, f"{out}/vit_ts_dyn.onnx", False, 17, {"pixel_values": {0: "batch"}},
           inputs)


def gpt2_dynamo_dyn(out):
    torch.manual_seed(0)
    m, args, inames = gpt2()
    batch, seq = torch.export.Dim("batch", max=8), torch.export.Dim("seq", max=32)
    g = torch.Generator().manual_seed(1)
    inputs = (torch.randint(0, 100, (3, 11), generator=g),)
    export(m, args, inames, f"{out}/gpt2_dynamo_dyn.onnx", True, 18,
           (({0: batch, 1: seq},),), inputs)  # forward(*args): one tuple of args


def llama_dynamo_op23(out):
    torch.manual_seed(0)
    m, args, inames = llama()
    path = f"{out}/llama_dynamo_op23.onnx"
    if export(m, args, inames, path, True, 23):
        ops = {n.op_type for n in onnx.load(path).graph.node}
        print("  Attention:", "Attention" in ops, "RMSNormalization:", "RMSNormalization" in ops)


def qdq(name):
    """quantize_static (QDQ: u8 activations, s8 weights) of <name>_ts, calibrated on random
    inputs."""

    def make(out):
        from onnxruntime import quantization as q

        src, dst = f"{out}/{name}_ts.onnx", f"{out}/{name}_qdq.onnx"

        class Calibration(q.CalibrationDataReader):
            def __init__(s):
                g = torch.Generator().manual_seed(2)
                s.data = iter([{"x": torch.randn(2, 3, 32, 32, generator=g).numpy()}
                               for _ in range(4)])

            def get_next(s):
                return next(s.data, None)

        q.quantize_static(src, dst, Calibration(), quant_format=q.QuantFormat.QDQ,
                          activation_type=q.QuantType.QUInt8, weight_type=q.QuantType.QInt8)
        reference(dst, [_load(src.replace(".onnx", ".inputs.npz"))[0]])
        print("exported", dst)

    return make


def bert_qdyn(out):
    from onnxruntime import quantization as q

    src, dst = f"{out}/bert_ts.onnx", f"{out}/bert_qdyn.onnx"
    q.quantize_dynamic(src, dst, weight_type=q.QuantType.QUInt8)
    reference(dst, _load(src.replace(".onnx", ".inputs.npz")))
    print("exported", dst)


def _load(path):
    with np.load(path) as z:
        return [z[f"arr_{i}"] for i in range(len(z.files))]


def refs(out):
    """Recomputes every stored reference from the stored inputs (the models stay as they are)."""
    for f in sorted(os.listdir(out)):
        if f.endswith(".onnx"):
            path = f"{out}/{f}"
            reference(path, _load(path.replace(".onnx", ".inputs.npz")))
            print("reference", path)


VARIANTS = {
    "control_ts": control_ts, "bert_ts_dyn": bert_ts_dyn, "vit_ts_dyn": vit_ts_dyn,
    "bert_dynamo_dyn": bert_dynamo_dyn, "gpt2_dynamo_dyn": gpt2_dynamo_dyn,
    "llama_dynamo_op23": llama_dynamo_op23, "resnet_qdq": qdq("resnet"),
    "mobilenet_qdq": qdq("mobilenet"), "bert_qdyn": bert_qdyn,
    "refs": refs,
}


def main(out, names):
    for name in names:
        if name in MODELS:
            family(out, name)
        else:
            VARIANTS[name](out)


if __name__ == "__main__":
    main(os.path.dirname(os.path.abspath(__file__)),
         sys.argv[1:] or [*MODELS, *(v for v in VARIANTS if v != "refs")])
