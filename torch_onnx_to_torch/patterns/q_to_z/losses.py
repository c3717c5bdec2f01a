"""SoftmaxCrossEntropyLoss: log_softmax over the classes, then the NLL shared with
NegativeLogLikelihoodLoss (patterns/g_to_p/losses.py)."""

from __future__ import annotations

from ... import emit
from ...binder import Binder
from ..families import register_table
from ..g_to_p.losses import nll


def softmax_cross_entropy_loss(b: Binder):
    """SoftmaxCrossEntropyLoss-12..13 (weights, ignore_index, reduction, optional log_prob
    output) -> aten.log_softmax.int over dim 1, then aten.gather, index_select, neg, mul, sum,
    div."""
    scores = b.input(0)
    logp = b.op("torch.aten.log_softmax.int", [scores, b.int(1), b.none()], emit.like(b, scores))
    loss = nll(b, logp, b.input(1), b.optional_input(2))
    if b.num_results == 1 or b.types.info(b.result_type(1)) is None:  # no / omitted log_prob
        return [loss] + [None] * (b.num_results - 1)
    return [loss, logp]


TABLE = [("SoftmaxCrossEntropyLoss", 12, softmax_cross_entropy_loss)]


def populate(registry) -> None:
    """Register SoftmaxCrossEntropyLoss."""
    register_table(registry, TABLE)
