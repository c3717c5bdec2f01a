"""Import support for ops outside the default ONNX domain (com.microsoft contrib ops).

Two things torch-mlir's importer does not do for them:

- **keep the domain**: it names every node `onnx.<op_type>`, so com.microsoft `Attention` looks
  exactly like ONNX `Attention`-23. `keep_domains()` names a node of another domain
  `onnx.<domain>.<op_type>` (the pass's registry dispatches on the domain, with the version from
  `torch.onnx_meta.opset_versions`).
- **type the outputs**: ONNX shape inference does not know contrib schemas, so their results
  (and everything after them) come out untyped. `infer_contrib_types()` runs onnxruntime's
  symbolic shape inference when onnxruntime is installed, and our own inference per supported
  op (the `INFER` tables next to the patterns, patterns/com_microsoft/) where it is not or
  where it leaves an output untyped.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator

import onnx
from onnx import helper, shape_inference

DEFAULT_DOMAINS = ("", "ai.onnx")

# An inferred type: (ONNX elem_type, dims) with dims ints, symbolic names (str) or None;
# dims None means the rank is unknown.
TypeInfo = tuple[int, list | None]
InferFn = Callable[[onnx.NodeProto, list], list]


# onnxruntime's contrib ops registered in the ONNX domain (unknown to ONNX's own inference
# at the opsets where onnxruntime's optimizer emits them).
ONNX_DOMAIN_CONTRIB = ("LayerNormalization", "SimplifiedLayerNormalization")


def _is_contrib(node: onnx.NodeProto) -> bool:
    return node.domain not in DEFAULT_DOMAINS or node.op_type in ONNX_DOMAIN_CONTRIB


def has_contrib_nodes(model: onnx.ModelProto) -> bool:
    """True if a node of the main graph belongs to another domain than the default one, or
    is one of onnxruntime's ONNX-domain contrib ops."""
    return any(_is_contrib(n) for n in model.graph.node)


@contextlib.contextmanager
def keep_domains() -> Iterator[None]:
    """While active, torch-mlir's importer names a node of a non-default domain
    `onnx.<domain>.<op_type>` (it would name it `onnx.<op_type>`)."""
    from torch_mlir import ir
    from torch_mlir.extras import onnx_importer

    cls = onnx_importer.NodeImporter
    original = cls.import_node

    def import_node(self, node: onnx.NodeProto):
        original(self, node)
        if node.domain in DEFAULT_DOMAINS:
            return
        for name in node.output:
            value = self._nv_map.get(name) if name else None
            owner = getattr(value, "owner", None)
            if owner is None:
                continue
            op = owner.operation
            if op.name == "torch.operator" and \
                    op.attributes["name"].value == f"onnx.{node.op_type}":
                op.attributes["name"] = ir.StringAttr.get(
                    f"onnx.{node.domain}.{node.op_type}", op.context)
            return

    cls.import_node = import_node
    try:
        yield
    finally:
        cls.import_node = original


# ---------------------------------------------------------------- type inference


def _type_of(vi: onnx.ValueInfoProto) -> TypeInfo | None:
    tp = vi.type
    if not tp.HasField("tensor_type") or not tp.tensor_type.elem_type:
        return None
    tt = tp.tensor_type
    if not tt.HasField("shape"):
        return tt.elem_type, None
    dims = []
    for d in tt.shape.dim:
        dims.append(d.dim_value if d.HasField("dim_value") else
                    (d.dim_param or None))
    return tt.elem_type, dims


def _known_types(graph: onnx.GraphProto) -> dict[str, TypeInfo]:
    known: dict[str, TypeInfo] = {}
    for init in graph.initializer:
        known[init.name] = (init.data_type, list(init.dims))
    for vi in list(graph.input) + list(graph.value_info) + list(graph.output):
        t = _type_of(vi)
        if t is not None and t[1] is not None:  # a type without a shape is to be inferred
            known[vi.name] = t
    return known


def _untyped_contrib_outputs(model: onnx.ModelProto) -> list[str]:
    known = _known_types(model.graph)
    return [o for n in model.graph.node if _is_contrib(n)
            for o in n.output if o and o not in known]


def _ort_inference(model: onnx.ModelProto) -> onnx.ModelProto | None:
    """onnxruntime's symbolic shape inference, or None (not installed, or it failed)."""
    try:
        from onnxruntime.tools.symbolic_shape_infer import SymbolicShapeInference
    except Exception:  # noqa: BLE001 - not installed, or a broken install: our own inference
        return None
    import logging
    import tempfile

    logging.getLogger("onnxruntime.tools.symbolic_shape_infer").setLevel(logging.ERROR)
    # Where it cannot infer everything it saves the model into the working directory before
    # raising: that happens in a scratch directory.
    with tempfile.TemporaryDirectory() as scratch, contextlib.chdir(scratch):
        try:
            return SymbolicShapeInference.infer_shapes(model, auto_merge=True)
        except Exception:  # noqa: BLE001 - it raises anything on ops it does not know
            return None


def _agrees_with_ours(model: onnx.ModelProto) -> bool:
    """False if, for a contrib op we support, onnxruntime's symbolic inference gives an output
    another static shape than ours computed from the same input types (it types
    GatherBlockQuantized's output with the packed width, for one): then its types are not
    used at all."""
    table = contrib_infer_table()
    known = _known_types(model.graph)
    for node in model.graph.node:
        fn = table.get((node.domain if node.domain not in DEFAULT_DOMAINS else "",
                        node.op_type))
        if fn is None:
            continue
        try:
            ours = fn(node, [known.get(i) if i else None for i in node.input])
        except Exception:  # noqa: BLE001, S112 - malformed node: nothing to compare
            continue
        for name, t in zip(node.output, ours):
            theirs = known.get(name)
            if t is None or theirs is None or t[1] is None or theirs[1] is None:
                continue
            if len(t[1]) != len(theirs[1]) or any(
                    isinstance(a, int) and isinstance(c, int) and a != c
                    for a, c in zip(t[1], theirs[1])):
                return False
    return True


def _forget_wrong_ort_types(model: onnx.ModelProto) -> onnx.ModelProto:
    """Undo what onnxruntime's symbolic inference gets wrong: it types GroupQueryAttention's
    present_key / present_value with the past's length, where its CPU kernel makes them
    max(total_sequence_length, past length) long (a run-time value): that dim becomes
    symbolic."""
    wrong = {}
    for node in model.graph.node:
        if node.domain == "com.microsoft" and node.op_type == "GroupQueryAttention":
            for i in (1, 2):
                if len(node.output) > i and node.output[i]:
                    wrong[node.output[i]] = f"{node.output[i]}_present_length"
    for vi in list(model.graph.value_info) + list(model.graph.output):
        if vi.name in wrong and vi.type.tensor_type.HasField("shape"):
            dims = vi.type.tensor_type.shape.dim
            if len(dims) == 4:
                dims[2].Clear()
                dims[2].dim_param = wrong[vi.name]
    return model


def contrib_infer_table() -> dict[tuple[str, str], InferFn]:
    """(domain, op_type) -> our own type inference of the supported contrib ops."""
    from .patterns import com_microsoft

    return {("com.microsoft", name): fn for name, fn in com_microsoft.infer_table().items()} | \
        {("", name): fn for name, fn in com_microsoft.onnx_domain_infer_table().items()}


def own_inference(model: onnx.ModelProto, table: dict | None = None) -> onnx.ModelProto:
    """Type the outputs of the contrib ops we support from their inputs' types, alternating with
    ONNX shape inference (which then types the default-domain ops after them) until nothing
    changes."""
    table = table if table is not None else contrib_infer_table()
    for _ in range(len(model.graph.node) + 1):
        known = _known_types(model.graph)
        added = []
        for node in model.graph.node:
            fn = table.get((node.domain if node.domain not in DEFAULT_DOMAINS else "",
                            node.op_type))
            if fn is None or all(not o or o in known for o in node.output):
                continue
            ins = [known.get(i) if i else None for i in node.input]
            try:
                outs = fn(node, ins)
            except Exception:  # noqa: BLE001 - malformed node: leave its outputs untyped
                outs = []
            for name, t in zip(node.output, outs):
                if name and t is not None and name not in known:
                    elem, dims = t
                    known[name] = t
                    added.append(helper.make_tensor_value_info(
                        name, elem, None if dims is None else
                        [d if isinstance(d, (int, str)) else None for d in dims]))
        if not added:
            break
        outputs = {o.name: o for o in model.graph.output}
        for vi in added:
            if vi.name in outputs:  # a graph output declared without a shape
                outputs[vi.name].type.CopyFrom(vi.type)
        model.graph.value_info.extend(added)
        try:
            model = shape_inference.infer_shapes(model, data_prop=True)
        except Exception:  # noqa: BLE001, S110 - best effort, as infer_model_shapes is
            pass
    return model


def infer_contrib_types(model: onnx.ModelProto, use_onnxruntime: bool = True
                        ) -> onnx.ModelProto:
    """`model` with the outputs of its contrib ops (and what follows them) typed: onnxruntime's
    symbolic shape inference first when it is installed (and `use_onnxruntime`), then our own
    for what is left. A model without untyped contrib outputs is returned as it is."""
    if not has_contrib_nodes(model) or not _untyped_contrib_outputs(model):
        return model
    inferred = _ort_inference(model) if use_onnxruntime else None
    if inferred is not None and _agrees_with_ours(inferred):
        model = _forget_wrong_ort_types(inferred)
    if _untyped_contrib_outputs(model):
        model = own_inference(model)
    return model
