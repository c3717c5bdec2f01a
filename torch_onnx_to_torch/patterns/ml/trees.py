"""ai.onnx.ml TreeEnsemble: the trees are constants, so the path to every leaf is known at
conversion time and the whole ensemble is a few tensor ops on the batch."""

from __future__ import annotations

import numpy as np

from ... import dtypes, emit
from ...binder import Binder, Unsupported, read_dense
from ..families import register_table
from . import DOMAIN

_LEQ, _LT, _GTE, _GT, _EQ, _NEQ, _MEMBER = range(7)
_COMPARE = {_LEQ: "le", _LT: "lt", _GTE: "ge", _GT: "gt", _EQ: "eq", _NEQ: "ne"}
_SUM, _AVERAGE = 1, 0
_MAX_TABLE = 1 << 22  # entries of the nodes x leaves path tables: larger ensembles are declined


def _array(b: Binder, name: str, required: bool = True):
    if not b.has_attr(name):
        if required:
            raise Unsupported(f"required attribute '{name}' is missing")
        return None
    vals = read_dense(b.attr_tensor(name), b.types.blobs)
    if vals is None:
        raise Unsupported(f"attribute '{name}' cannot be read")
    return vals.reshape(-1)


def _leaf_paths(roots, true_ids, false_ids, true_leaf, false_leaf):
    """Per leaf reached (in tree order): (leaf index, [(node, outcome), ...]) of its path.
    Walked with a stack, bounded: a cycle, or shared subtrees multiplying the paths past
    _MAX_TABLE, are declined."""
    found = []
    n_nodes = len(true_ids)
    for root in roots:
        if not 0 <= root < n_nodes:
            raise Unsupported(f"tree root {root} is out of range")
        if true_leaf[root] and false_leaf[root] and true_ids[root] == false_ids[root]:
            found.append((true_ids[root], []))  # a tree that is a leaf
            continue
        stack = [(root, [])]
        while stack:
            node, path = stack.pop()
            if not 0 <= node < n_nodes or len(path) > n_nodes:
                raise Unsupported(f"tree node {node} is out of range, or the trees have a cycle")
            for outcome, ids, leafs in ((False, false_ids, false_leaf),
                                        (True, true_ids, true_leaf)):
                step = path + [(node, outcome)]
                if leafs[node]:
                    found.append((ids[node], step))
                else:
                    stack.append((ids[node], step))
            if len(found) + len(stack) > _MAX_TABLE:
                raise Unsupported(f"the trees have more than {_MAX_TABLE} paths")
    return found


def tree_ensemble(b: Binder):
    """TreeEnsemble-5 (aggregate SUM or AVERAGE, post_transform NONE) -> every node's test on
    its feature (aten.index_select, aten.le/lt/ge/gt/eq/ne.Tensor, aten.isnan for missing
    values tracking true, set membership as aten.eq.Tensor + aten.any.dim), the leaves reached
    as the nodes of their paths counted with two aten.matmul, their weights summed per target
    with an aten.matmul"""
    x = b.input(0)
    elt = b.dtype(x)
    if not dtypes.is_float(elt) or elt == "bf16" or b.rank(x) != 2:
        raise Unsupported(f"needs a 2-D float input, got {b.dtype(x)} of rank {b.rank(x)}")
    aggregate = b.attr_int("aggregate_function", _SUM)
    if aggregate not in (_SUM, _AVERAGE):
        raise Unsupported(f"aggregate_function {aggregate} (only SUM and AVERAGE)")
    if b.attr_int("post_transform", 0) != 0:
        raise Unsupported("post_transform other than NONE")
    roots = b.attr_ints("tree_roots")
    true_ids, false_ids = b.attr_ints("nodes_truenodeids"), b.attr_ints("nodes_falsenodeids")
    true_leaf, false_leaf = b.attr_ints("nodes_trueleafs"), b.attr_ints("nodes_falseleafs")
    features = b.attr_ints("nodes_featureids")
    modes = _array(b, "nodes_modes").astype(np.int64)
    splits = _array(b, "nodes_splits").astype(np.float64)
    n = len(true_ids)
    if not n or any(len(v) != n for v in (
            false_ids, true_leaf, false_leaf, features, modes, splits)):
        raise Unsupported("node attributes of different lengths")
    if any(m not in _COMPARE and m != _MEMBER for m in modes):
        raise Unsupported(f"unknown node modes {sorted(set(modes.tolist()) - set(range(7)))}")
    weights = _array(b, "leaf_weights").astype(np.float64)
    targets = b.attr_ints("leaf_targetids")
    n_targets = b.attr_int("n_targets")
    tracks = b.attr_ints("nodes_missing_value_tracks_true", [0] * n)
    if len(targets) != len(weights) or any(not 0 <= t < n_targets for t in targets) or \
            len(tracks) != n:
        raise Unsupported("leaf attributes of different lengths, or a target out of range")
    width = b.shape(x)[1]
    if width is not None and any(not 0 <= f < width for f in features):
        raise Unsupported(f"a feature id out of range for {width} features")
    leaves = _leaf_paths(roots, true_ids, false_ids, true_leaf, false_leaf)
    if any(not 0 <= leaf < len(weights) for leaf, _ in leaves):
        raise Unsupported("a leaf id out of range")
    if n * len(leaves) > _MAX_TABLE:
        raise Unsupported(f"{n} nodes and {len(leaves)} leaves: the path tables would hold "
                          f"{n * len(leaves)} entries (at most {_MAX_TABLE})")

    batch = b.shape(x)[0]
    nodes_t = b.vtensor([batch, n], elt)
    cond_t = b.vtensor([batch, n], "i1")
    picked = b.op("torch.aten.index_select", [x, b.int(1), emit.array_literal(
        b, np.array(features, np.int64), "si64")], nodes_t)
    split = emit.array_literal(b, np.nan_to_num(splits), elt)
    cond = None
    for mode in sorted(set(modes.tolist())):
        if mode == _MEMBER:
            test = _membership(b, picked, modes, batch, n, elt)
        else:
            test = b.op(f"torch.aten.{_COMPARE[mode]}.Tensor", [picked, split], cond_t)
        if cond is None:
            cond = test
        else:
            mask = emit.array_literal(b, modes == mode, "i1")
            cond = b.op("torch.aten.where.self", [mask, test, cond], cond_t)
    if any(tracks):
        missing = b.op("torch.aten.isnan", [picked], cond_t)
        missing = b.op("torch.aten.logical_and", [
            missing, emit.array_literal(b, np.array(tracks, bool), "i1")], cond_t)
        cond = b.op("torch.aten.logical_or", [cond, missing], cond_t)

    # A leaf is reached when every node of its path has its outcome: count them.
    on_true = np.zeros((n, len(leaves)))
    on_false = np.zeros((n, len(leaves)))
    length = np.zeros(len(leaves))
    table = np.zeros((len(leaves), n_targets))
    for k, (leaf, path) in enumerate(leaves):
        for node, outcome in path:
            (on_true if outcome else on_false)[node, k] += 1
        length[k] = len(path)
        table[k, targets[leaf]] += weights[leaf]
    if aggregate == _AVERAGE:
        table /= len(roots)
    true_f = emit.to_dtype(b, cond, elt)
    false_f = b.op("torch.aten.rsub.Scalar", [true_f, b.float(1.0), b.int(1)], nodes_t)
    counts_t = b.vtensor([batch, len(leaves)], elt)
    counts = b.op("torch.aten.add.Tensor", [
        b.op("torch.aten.matmul", [true_f, emit.array_literal(b, on_true, elt)], counts_t),
        b.op("torch.aten.matmul", [false_f, emit.array_literal(b, on_false, elt)], counts_t),
        b.int(1)], counts_t)
    reached = b.op("torch.aten.eq.Tensor", [counts, emit.array_literal(b, length, elt)],
                   b.vtensor([batch, len(leaves)], "i1"))
    reached_f = emit.to_dtype(b, reached, elt)
    return b.op("torch.aten.matmul", [reached_f, emit.array_literal(b, table, elt)],
                b.vtensor([batch, n_targets], elt))


def _membership(b: Binder, picked, modes, batch, n, elt):
    """Per node: the feature is one of its set (membership_values: the sets of the MEMBER
    nodes in node order, each ended by a NaN), as [batch, n] bools (False for other nodes)."""
    values = _array(b, "membership_values")
    sets, current = [], []
    for v in values.tolist():
        if np.isnan(v):
            sets.append(current)
            current = []
        else:
            current.append(v)
    members = int((modes == _MEMBER).sum())
    if len(sets) != members:
        raise Unsupported(f"membership_values hold {len(sets)} sets for {members} MEMBER nodes")
    width = max(1, max((len(s) for s in sets), default=1))
    table = np.full((n, width), np.nan)
    it = iter(sets)
    for node in np.flatnonzero(modes == _MEMBER):
        row = next(it)
        table[node, :len(row)] = row
    wide = b.op("torch.aten.unsqueeze", [picked, b.int(2)], b.vtensor([batch, n, 1], elt))
    hits = b.op("torch.aten.eq.Tensor", [wide, emit.array_literal(b, table, elt)],
                b.vtensor([batch, n, width], "i1"))
    return b.op("torch.aten.any.dim", [hits, b.int(2), b.bool(False)],
                b.vtensor([batch, n], "i1"))


TABLE = [
    ("TreeEnsemble", 5, tree_ensemble),
]


def populate(registry) -> None:
    """Register the ai.onnx.ml TreeEnsemble."""
    register_table(registry, TABLE, domain=DOMAIN)
