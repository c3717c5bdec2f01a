"""Big weights as IREE parameters instead of blobs in the module.

Each externalized initializer becomes what iree-import-onnx emits:

    util.global private @w = #stream.parameter.named<"model"::"w"> : tensor<4096x4096xf32>
    %0 = util.global.load @w : tensor<4096x4096xf32>
    %1 = torch_c.from_builtin_tensor %0 : tensor<4096x4096xf32> -> !torch.vtensor<[4096,4096],f32>

(built as generic ops: the util, stream and torch_c dialects are not registered in torch-mlir's
Python context; iree-compile reads them). The data goes to an IREE parameter archive (.irpa) that
IREE's ParameterIndex writes straight from the source files by file handle, so the weights never
pass through this process's memory.
"""

from __future__ import annotations

import os
from pathlib import Path

import onnx
from torch_mlir import ir
from torch_mlir.extras import onnx_importer

from .weights import MappedWeights

DEFAULT_SCOPE = "model"


class Parameters:
    """The initializers of one import that became IREE parameters, and where their data is."""

    def __init__(self, weights: MappedWeights, scope: str = DEFAULT_SCOPE):
        self.weights = weights
        self.scope = scope
        self.entries: list[tuple[str, Path, int, int]] = []  # key, file, offset, length
        self._symbols: set[str] = set()

    @property
    def nbytes(self) -> int:
        """Bytes of parameter data."""
        return sum(e[3] for e in self.entries)

    def load(self, imp: onnx_importer.NodeImporter, tp: onnx.TensorProto) -> ir.Value:
        """A `util.global` for external tensor `tp` and its load in the importer's block, as a
        !torch.vtensor value."""
        cc = imp._cc
        source = self.weights.source(tp)
        symbol = cc._sanitize_name(tp.name)
        while symbol in self._symbols:
            symbol += "_"
        self._symbols.add(symbol)
        with imp._c, ir.Location.unknown():
            # util.global holds builtin tensors, which are signless; torch_c restores the sign.
            element = cc.tensor_element_type(tp.data_type)
            if element.typeid == ir.IntegerType.static_typeid:
                element = ir.IntegerType.get_signless(ir.IntegerType(element).width)
            tensor = ir.RankedTensorType.get(list(tp.dims), element)
            value = ir.Attribute.parse(
                f"#stream.parameter.named<{ir.StringAttr.get(self.scope)}::"
                f"{ir.StringAttr.get(tp.name)}> : {tensor}")
            glob = ir.Operation.create("util.global", attributes={
                "sym_name": ir.StringAttr.get(symbol),
                "sym_visibility": ir.StringAttr.get("private"),
                "type": ir.TypeAttr.get(tensor), "initial_value": value})
            # Before the function being imported (the main graph's), in initializer order.
            ir.InsertionPoint(imp._p).insert(glob)
        with imp._c, ir.InsertionPoint(imp._b), ir.Location.name(tp.name):
            loaded = ir.Operation.create(
                "util.global.load", results=[tensor],
                attributes={"global": ir.FlatSymbolRefAttr.get(symbol)}).result
            result = ir.Operation.create(
                "torch_c.from_builtin_tensor", results=[cc.tensor_proto_to_type(tp)],
                operands=[loaded]).result
        self.entries.append((tp.name, *source))
        return result

    def write_archive(self, path: str | os.PathLike) -> None:
        """Write the parameters to an IREE parameter archive, copied from their files by IREE."""
        import iree.runtime as rt

        index = rt.ParameterIndex()
        fds: dict[Path, int] = {}
        try:
            for key, file, offset, length in self.entries:
                if file not in fds:
                    fds[file] = os.open(file, os.O_RDONLY)
                index.add_from_file_handle(key, rt.FileHandle.wrap_fd(fds[file]), length,
                                           offset)
            index.create_archive_file(str(path))
        finally:
            for fd in fds.values():
                os.close(fd)


class ParamImporter(onnx_importer.NodeImporter):
    """torch-mlir's NodeImporter, except that the main graph's external initializers become
    parameters (the `Parameters` of the context cache, `cc.params`)."""

    __slots__ = ()

    def import_initializer(self, initializer: onnx.TensorProto,
                           extern_name: str | None = None) -> ir.Value:
        params: Parameters | None = getattr(self._cc, "params", None)
        if (params is None or extern_name is not None
                or initializer.data_location != onnx.TensorProto.EXTERNAL):
            return super().import_initializer(initializer, extern_name)
        value = params.load(self, initializer)
        self._nv_map[initializer.name] = value
        return value
