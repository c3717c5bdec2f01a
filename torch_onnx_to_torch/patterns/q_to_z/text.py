"""Q-Z text ops: TfIdfVectorizer on integer tokens; the string ops (RegexFullMatch, StringConcat,
StringNormalizer, StringSplit, string TfIdfVectorizer) are registered so that they are declined
with the reason, not as unknown ops."""

from __future__ import annotations

import numpy as np

from ... import emit
from ...binder import Binder, Unsupported
from ..families import register_table

_STRINGS = "operates on strings, which torch cannot hold"


def strings(b: Binder):
    """RegexFullMatch-20, StringConcat-20, StringNormalizer-10, StringSplit-20: declined"""
    raise Unsupported(_STRINGS)


def tfidf_vectorizer(b: Binder):
    """TfIdfVectorizer-9 (integer input) -> n-gram matching against the constant pool: per gram
    size and skip distance, aten.slice.Tensor + aten.eq.Tensor + aten.logical_and + aten.sum, then
    aten.matmul with a one-hot table onto ngram_indexes and the TF / IDF / TFIDF weighting.
    String input is declined."""
    x = b.input(0)
    elt = b.dtype(x)
    if elt == "!torch.str":
        raise Unsupported(_STRINGS)
    if elt not in ("si32", "si64"):
        raise Unsupported(f"TfIdfVectorizer of {elt} is not supported")
    shape = b.shape(x)
    if shape is None or len(shape) not in (1, 2) or shape[-1] is None:
        raise Unsupported("input must be [C] or [N, C] with a static C")
    mode = b.attr_str("mode")
    if mode not in ("TF", "IDF", "TFIDF"):
        raise Unsupported(f"unknown mode '{mode}'")
    min_n, max_n = b.attr_int("min_gram_length"), b.attr_int("max_gram_length")
    max_skip = b.attr_int("max_skip_count")
    counts = b.attr_ints("ngram_counts")
    indexes = b.attr_ints("ngram_indexes")
    pool = b.attr_ints("pool_int64s", None)
    if pool is None:
        raise Unsupported("pool_strings with integer input never matches; not supported")
    weights = b.attr_floats("weights", None)
    if not indexes or min(indexes) < 0:
        raise Unsupported(f"ngram_indexes {indexes} must be non-empty and non-negative")
    if not pool:
        raise Unsupported("pool_int64s is empty")
    out_size = max(indexes) + 1
    grams = _pool_grams(pool, counts, min_n, max_n)
    c = shape[-1]
    x2 = x if len(shape) == 2 else emit.unsqueeze(b, x, 0)
    n_rows = b.shape(x2)[0]
    f32 = "f32"
    sizes = b.vtensor([n_rows, out_size], f32)
    parts, ids = [], []
    for n, entries in sorted(grams.items()):
        table = np.array([g for g, _ in entries], dtype=np.int64).reshape(len(entries), n)
        total = None
        for d in range(1, max_skip + 2):
            if n == 1 and d > 1:
                break  # unigrams are counted once, whatever the skip
            w = c - d * (n - 1)
            if w <= 0:
                break
            match = None
            for j in range(n):
                s = b.op("torch.aten.slice.Tensor", [x2, b.int(1), b.int(j * d),
                                                     b.int(j * d + w), b.int(1)],
                         b.vtensor([n_rows, w], elt))
                s = emit.unsqueeze(b, s, 2)
                col = emit.array_literal(b, table[:, j], elt)
                e = b.op("torch.aten.eq.Tensor", [s, col], b.vtensor([n_rows, w, len(entries)],
                                                                     "i1"))
                match = e if match is None else b.op("torch.aten.logical_and", [match, e],
                                                     e.type)
            hits = emit.to_dtype(b, match, f32)
            cnt = b.op("torch.aten.sum.dim_IntList", [hits, b.int_list([1]), b.bool(False),
                                                      b.none()],
                       b.vtensor([n_rows, len(entries)], f32))
            total = cnt if total is None else b.op("torch.aten.add.Tensor",
                                                    [total, cnt, b.int(1)], cnt.type)
        if total is not None:
            parts.append(total)
            ids += [i for _, i in entries]
    if parts:
        freq = parts[0] if len(parts) == 1 else b.op(
            "torch.aten.cat", [b.tensor_list(parts), b.int(1)], b.vtensor([n_rows, len(ids)], f32))
        onehot = np.zeros((len(ids), out_size), dtype=np.float32)
        for row, i in enumerate(ids):
            onehot[row, indexes[i]] += 1.0
        y = b.op("torch.aten.matmul", [freq, emit.array_literal(b, onehot, f32)], sizes)
    else:
        none = b.none()
        y = b.op("torch.aten.zeros", [b.int_list(emit.dim_sizes(b, x2)[:1] + [out_size]),
                                      b.int(b.torch_dtype_of(f32)), none, none, none], sizes)
    if mode == "IDF":
        y = emit.to_dtype(b, b.op("torch.aten.gt.Scalar", [y, b.float(0.0)],
                                  b.vtensor([n_rows, out_size], "i1")), f32)
    if mode != "TF" and weights:
        y = b.op("torch.aten.mul.Tensor", [y, emit.array_literal(b, np.array(weights), f32)],
                 sizes)
    if len(shape) == 1:
        y = b.op("torch.aten.squeeze.dim", [y, b.int(0)], b.vtensor([out_size], f32))
    return y


def _pool_grams(pool, counts, min_n, max_n) -> dict:
    """{n: [(n-gram, pool id)]} for the gram sizes counted; a repeated n-gram keeps its last id."""
    grams: dict[int, dict] = {}
    pool_id = 0
    for k, start in enumerate(counts):
        n = k + 1
        end = counts[k + 1] if k + 1 < len(counts) else len(pool)
        for g in range((end - start) // n):
            if min_n <= n <= max_n:
                gram = tuple(pool[start + g * n: start + (g + 1) * n])
                grams.setdefault(n, {})[gram] = pool_id
            pool_id += 1
    return {n: list(d.items()) for n, d in grams.items()}


TABLE = [
    ("RegexFullMatch", 20, strings),
    ("StringConcat", 20, strings),
    ("StringNormalizer", 10, strings),
    ("StringSplit", 20, strings),
    ("TfIdfVectorizer", 9, tfidf_vectorizer),
]


def populate(registry) -> None:
    """Register the Q-Z text patterns."""
    register_table(registry, TABLE)
