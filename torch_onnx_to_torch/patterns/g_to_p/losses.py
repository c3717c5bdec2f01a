"""NegativeLogLikelihoodLoss, and the NLL computation SoftmaxCrossEntropyLoss (q_to_z) shares.

torch's `aten.nll_loss_forward` has no linalg lowering for most of these cases (the C++ pass's
output fails to legalize it), so the loss is built from `aten.gather` (the picked log
probabilities), `aten.index_select` (the picked class weights) and plain reductions.
"""

from __future__ import annotations

from torch_mlir import ir

from ... import dtypes, emit
from ...binder import Binder, Unsupported
from ..families import register_table


def nll(b: Binder, logp: ir.Value, target: ir.Value, weight: ir.Value | None) -> ir.Value:
    """The loss of NegativeLogLikelihoodLoss / SoftmaxCrossEntropyLoss of `logp` [N, C, d...]
    against class indices `target` [N, d...], with the op's `reduction` and `ignore_index`:
    -logp[n, target, d...] * weight[target], 0 where target == ignore_index; mean divides by
    the sum of those weights."""
    shape, elt = b.tensor_info(logp)
    t_shape, t_elt = b.tensor_info(target)
    if shape is None or len(shape) < 2 or t_shape is None or len(t_shape) != len(shape) - 1:
        raise Unsupported(f"input {_dims(shape)} and target {_dims(t_shape)} ranks do not fit "
                          "[N, C, d...]")
    if not dtypes.is_float(elt) or not dtypes.is_integer(t_elt):
        raise Unsupported(f"expected float scores and integer targets, got {elt}, {t_elt}")
    reduction = b.attr_str("reduction", "mean")
    if reduction not in ("none", "sum", "mean"):
        raise Unsupported(f"unknown reduction '{reduction}'")
    target = emit.to_dtype(b, target, "si64")
    ignore = b.attr_int("ignore_index") if b.has_attr("ignore_index") else None
    valid = None
    if ignore is not None:  # an ignored target picks class 0, then weighs 0
        valid = b.op("torch.aten.ne.Scalar", [target, b.int(ignore)], b.vtensor(t_shape, "i1"))
        target = b.op("torch.aten.where.ScalarOther", [valid, target, b.int(0)],
                      emit.like(b, target))
    picked_shape = [shape[0], 1] + list(shape[2:])
    picked = b.op("torch.aten.gather", [logp, b.int(1), emit.unsqueeze(b, target, 1),
                                        b.bool(False)], b.vtensor(picked_shape, elt))
    loss = emit.reshape(b, picked, [d for i, d in enumerate(emit.dim_sizes(b, picked))
                                    if i != 1], t_shape)
    loss = b.op("torch.aten.neg", [loss], emit.like(b, loss))
    w = None
    if weight is not None:
        flat = target if len(t_shape) == 1 else emit.reshape(b, target, [-1], [_numel(t_shape)])
        w = b.op("torch.aten.index_select", [weight, b.int(0), flat],
                 b.vtensor([_numel(t_shape)], elt))
        if len(t_shape) != 1:
            w = emit.reshape(b, w, emit.dim_sizes(b, target), t_shape)
    if valid is not None:
        as_w = emit.to_dtype(b, valid, elt)
        w = as_w if w is None else b.op("torch.aten.mul.Tensor", [w, as_w], emit.like(b, w))
    if w is not None:
        loss = b.op("torch.aten.mul.Tensor", [loss, w], emit.like(b, loss))
    if reduction == "none":
        return loss
    total = _sum_all(b, loss)
    if reduction == "sum":
        return total
    if w is None:
        return b.op("torch.aten.div.Scalar", [total, emit.int_value(
            b, emit.int_prod(b, emit.dim_sizes(b, loss)))], emit.like(b, total))
    return b.op("torch.aten.div.Tensor", [total, _sum_all(b, w)], emit.like(b, total))


def _dims(shape) -> str:
    return "unranked" if shape is None else str(["?" if d is None else d for d in shape])


def _numel(shape) -> int | None:
    n = 1
    for d in shape:
        if d is None:
            return None
        n *= d
    return n


def _sum_all(b: Binder, x: ir.Value) -> ir.Value:
    return b.op("torch.aten.sum", [x, b.none()], b.vtensor([], b.dtype(x)))


def negative_log_likelihood_loss(b: Binder):
    """NegativeLogLikelihoodLoss-12..22 (weight, ignore_index, reduction none/sum/mean, N-d)
    -> aten.gather, index_select, neg, mul, sum, div."""
    return nll(b, b.input(0), b.input(1), b.optional_input(2))


TABLE = [
    ("NegativeLogLikelihoodLoss", 12, negative_log_likelihood_loss),
]


def populate(registry) -> None:
    """Register NegativeLogLikelihoodLoss."""
    register_table(registry, TABLE)
