"""Pass pipelines that mix our Python pass with any MLIR / torch-mlir pass.

A textual pipeline such as
`builtin.module(func.func(convert-torch-onnx-to-torch),torch-lower-to-backend-contract)`
is parsed here; every occurrence of our pass name becomes the Python pass (never torch-mlir's
C++ pass of the same name), everything else is handed to MLIR as text. Our pass converts every
function under the op it runs on, so where it sits inside a nested pipeline (e.g. `func.func(...)`)
the nest is split around it: `func.func(a,ours,b)` runs as `func.func(a)`, ours, `func.func(b)`,
which is the same thing for function-local passes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from torch_mlir import ir, passmanager

from .conversion import PASS_NAME, Options, Report, make_pass
from .registry import Registry


class PipelineError(ValueError):
    """A pipeline string that cannot be parsed."""


@dataclass
class _Element:
    name: str
    options: str | None = None  # raw text between the braces
    children: list[_Element] | None = None  # None: a pass; list: a nested pipeline
    text: str = ""


@dataclass
class _Parser:
    s: str
    i: int = 0

    def parse_list(self, closing: str | None) -> list[_Element]:
        out = []
        while True:
            self.skip_ws()
            if closing and self.peek() == closing:
                return out
            out.append(self.parse_element())
            self.skip_ws()
            c = self.peek()
            if c == ",":
                self.i += 1
                continue
            if c == closing or (closing is None and c == ""):
                return out
            raise PipelineError(f"unexpected '{c}' at {self.i} in pipeline '{self.s}'")

    def parse_element(self) -> _Element:
        start = self.i
        while self.peek() not in ("", "(", ")", "{", ",", " "):
            self.i += 1
        name = self.s[start:self.i]
        if not name:
            raise PipelineError(f"expected a pass name at {start} in pipeline '{self.s}'")
        el = _Element(name)
        self.skip_ws()
        if self.peek() == "{":
            opt_start = self.i + 1
            depth = 0
            while True:
                c = self.peek()
                if c == "":
                    raise PipelineError(f"unbalanced '{{' in pipeline '{self.s}'")
                if c == "{":
                    depth += 1
                elif c == "}":
                    depth -= 1
                    if depth == 0:
                        break
                self.i += 1
            el.options = self.s[opt_start:self.i]
            self.i += 1
            self.skip_ws()
        if self.peek() == "(":
            self.i += 1
            el.children = self.parse_list(")")
            self.i += 1
        el.text = self.s[start:self.i].strip()
        return el

    def peek(self) -> str:
        return self.s[self.i] if self.i < len(self.s) else ""

    def skip_ws(self) -> None:
        while self.peek().isspace():
            self.i += 1


def _options(text: str) -> Options:
    try:
        return Options.parse(text)
    except ValueError as e:  # an unknown option or value: a pipeline error, not a traceback
        raise PipelineError(str(e)) from None


def _flatten(elements: list[_Element]) -> list[str | Options]:
    """Root-level steps: MLIR pipeline text, or Options for one run of our pass."""
    steps: list[str | Options] = []
    for el in elements:
        if el.children is None:
            if el.name == PASS_NAME:
                steps.append(_options(el.options or ""))
            else:
                steps.append(el.text)
            continue
        run: list[_Element] = []

        def close_run():
            if run:
                steps.append(f"{el.name}(" + ",".join(r.text for r in run) + ")")
                run.clear()

        for child in _flatten_nested(el.children):
            if isinstance(child, Options):
                close_run()
                steps.append(child)
            else:
                run.append(child)
        close_run()
    return steps


def _flatten_nested(children: list[_Element]) -> list[_Element | Options]:
    """Children of a nest, with our pass pulled out of any depth (splitting the nests)."""
    out: list[_Element | Options] = []
    for c in children:
        if c.children is None:
            out.append(_options(c.options or "") if c.name == PASS_NAME else c)
            continue
        for step in _flatten([c]):
            out.append(step if isinstance(step, Options) else _Element("", text=step))
    return out


def parse_pipeline(text: str) -> tuple[str, list[str | Options]]:
    """Split `anchor(a,b,...)` into its anchor op name and root-level steps."""
    elements = _Parser(text.strip()).parse_list(None)
    if len(elements) == 1 and elements[0].children is not None and \
            elements[0].name in ("builtin.module", "func.func", "any"):
        anchor = elements[0].name
        return anchor, _flatten(elements[0].children)
    return "builtin.module", _flatten(elements)


def build_pass_manager(pipeline: str, context: ir.Context, registry: Registry | None = None,
                       report: Report | None = None) -> passmanager.PassManager:
    """A PassManager running `pipeline`, with our Python pass wherever its name appears."""
    anchor, steps = parse_pipeline(pipeline)
    pm = passmanager.PassManager(anchor, context=context)
    for step in steps:
        if isinstance(step, Options):
            pm.add(make_pass(registry, step, report), name="ConvertTorchOnnxToTorch",
                   argument=PASS_NAME,
                   description="Convert torch.operator \"onnx.*\" ops to torch ops (Python)")
        else:
            try:
                pm.add(step)
            except Exception as e:  # MLIR reports unknown passes as ValueError / MLIRError
                raise PipelineError(f"cannot add '{step}' to the pipeline: {e}") from None
    return pm


@dataclass
class Pipeline:
    """A reusable pipeline string plus the report our pass fills while it runs."""

    text: str
    registry: Registry | None = None
    report: Report = field(default_factory=Report)

    def run(self, module: ir.Module) -> None:
        """Run on `module` in place; raises MLIRError with diagnostics if a pass fails."""
        pm = build_pass_manager(self.text, module.context, self.registry, self.report)
        pm.run(module.operation)
