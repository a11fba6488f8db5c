"""The shape of the package: short modules, and data that flows one way (no import cycles)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "newsprism"
MAX_LINES = 400


def modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def imports(name: str, path: Path, known: set[str]) -> set[str]:
    """The package's modules that ``name`` imports when it is loaded (not those under TYPE_CHECKING)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.parse(path.read_text()).body:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            continue
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            continue  # imports inside run when called, not when the module loads
        for inner in ast.walk(node):
            if isinstance(inner, ast.ImportFrom) and inner.level:
                base = package.rsplit(".", inner.level - 1)[0] if inner.level > 1 else package
                target = f"{base}.{inner.module}" if inner.module else base
                candidates = [target] + [f"{target}.{alias.name}" for alias in inner.names]
                found |= {c for c in candidates if c in known}
            elif isinstance(inner, ast.ImportFrom) and (inner.module or "").startswith("newsprism"):
                found |= {inner.module} & known if inner.module else set()
    return found - {name}


def test_no_module_is_longer_than_the_limit():
    long = {name: n for name, path in modules().items() if (n := len(path.read_text().splitlines())) > MAX_LINES}
    assert not long, long


def test_no_import_cycle():
    known = modules()
    graph = {name: imports(name, path, set(known)) for name, path in known.items()}
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for other in sorted(graph[node]):
            if state.get(other) == 1:
                raise AssertionError("import cycle: " + " -> ".join([*stack[stack.index(other) :], other]))
            if other not in state:
                visit(other)
        stack.pop()
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name)
