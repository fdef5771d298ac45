"""The structure holds: no import circles, small modules, one owner of the database.

These rules are the ones docs/architecture.md states; each test reads the source (not
the imported modules), so a function-level import counts as much as one at the top.
Imports under `if TYPE_CHECKING:` are left out: they never run.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
PACKAGES = ("journal", "views")
MAX_LINES = 450
ARCHITECTURE = ROOT / "docs" / "architecture.md"


def modules(root: Path = ROOT, packages: tuple[str, ...] = PACKAGES) -> dict[str, Path]:
    """Every module of the packages under `root`, by dotted name (`pkg/__init__.py` → `pkg`)."""
    found: dict[str, Path] = {}
    for package in packages:
        for path in sorted((root / package).rglob("*.py")):
            parts = list(path.relative_to(root).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _runtime_nodes(tree: ast.AST) -> Iterator[ast.AST]:
    """Every node of `tree`, except the bodies of `if TYPE_CHECKING:`."""
    stack = [tree]
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            stack.extend(node.orelse)
            continue
        stack.extend(ast.iter_child_nodes(node))


def imported_names(name: str, path: Path) -> Iterator[str]:
    """The dotted names a module imports at run time, relative imports resolved.

    `from a import b` yields `a.b` (which may be a module, or a name defined in `a`).
    """
    tree = ast.parse(path.read_text(), str(path))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in _runtime_nodes(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                yield f"{base}.{alias.name}"


def _owner(dotted: str, found: dict[str, Path]) -> str | None:
    """The module that `dotted` is, or that defines it (its longest known prefix)."""
    while dotted:
        if dotted in found:
            return dotted
        dotted = dotted.rpartition(".")[0]
    return None


def import_graph(found: dict[str, Path]) -> dict[str, set[str]]:
    """Module → the modules of `found` it imports."""
    graph: dict[str, set[str]] = {}
    for name, path in found.items():
        targets = {_owner(imported, found) for imported in imported_names(name, path)}
        graph[name] = {t for t in targets if t is not None and t != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


# -- the rules -------------------------------------------------------------------------


def test_no_import_circle_in_journal_or_views() -> None:
    found = cycles(import_graph(modules()))
    assert not found, "import circles: " + "; ".join(" ↔ ".join(c) for c in found)


def test_the_circle_finder_finds_a_circle_through_a_function_level_import(
    tmp_path: Path,
) -> None:
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from pkg import b\n")
    (package / "b.py").write_text("def later():\n    from pkg.c import thing\n")
    (package / "c.py").write_text("import pkg.a\nthing = 1\n")
    (package / "d.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pkg import a\n"
    )
    found = cycles(import_graph(modules(tmp_path, ("pkg",))))
    assert found == [["pkg.a", "pkg.b", "pkg.c"]]


def test_no_module_is_longer_than_450_lines() -> None:
    long = {
        name: count
        for name, path in modules().items()
        if (count := len(path.read_text().splitlines())) > MAX_LINES
    }
    assert not long, long


def _attribute_uses(path: Path, names: set[str]) -> list[int]:
    tree = ast.parse(path.read_text())
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and node.attr in names
    ]


def test_only_the_store_uses_the_journals_database_connection() -> None:
    """The connection is the store's: everyone else calls the journal's methods."""
    offenders = []
    for name, path in modules().items():
        if name == "journal.store" or name.startswith("journal.store."):
            continue
        lines = _attribute_uses(path, {"db", "_db", "conn", "_conn", "_connection"})
        if lines:
            offenders.append(f"{name}: lines {lines}")
        imported = set(imported_names(name, path))
        if "sqlite_utils" in imported or (name.startswith("views") and "sqlite3" in imported):
            offenders.append(f"{name} imports sqlite")
    assert not offenders, offenders


def test_no_type_ignore_attr_defined_in_views() -> None:
    hits = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((ROOT / "views").rglob("*.py"))
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if re.search(r"type:\s*ignore\[attr-defined\]", line)
    ]
    assert not hits, hits


# -- docs/architecture.md says what is there ------------------------------------------

NAMED = re.compile(r"`((?:journal|views|tests)(?:[./][A-Za-z_][A-Za-z0-9_]*)*/?(?:\.py|\.tcss)?)`")


def _named_in_architecture() -> set[str]:
    return set(NAMED.findall(ARCHITECTURE.read_text()))


def test_every_part_the_architecture_page_names_exists() -> None:
    missing = []
    for named in _named_in_architecture():
        as_path = ROOT / named
        dotted = ROOT / (named.replace(".", "/") + ".py")
        package = ROOT / named.replace(".", "/")
        if not (as_path.exists() or dotted.exists() or package.is_dir()):
            missing.append(named)
    assert not missing, f"docs/architecture.md names what does not exist: {sorted(missing)}"


@pytest.mark.parametrize("package", PACKAGES)
def test_the_architecture_page_names_every_part(package: str) -> None:
    """Each module and subpackage directly under journal/ and views/ is described."""
    text = ARCHITECTURE.read_text()
    parts = []
    for child in sorted((ROOT / package).iterdir()):
        if child.name.startswith(("_", ".")):
            continue
        if child.is_dir() and (child / "__init__.py").exists():
            parts.append(f"{package}/{child.name}/")
        elif child.suffix == ".py":
            parts.append(f"{package}/{child.name}")
    undescribed = [part for part in parts if f"`{part}`" not in text]
    assert not undescribed, f"docs/architecture.md does not describe {undescribed}"


def test_the_core_never_imports_the_faces() -> None:
    """journal/ imports neither views/ nor Textual nor Rich (the rule the page states)."""
    offenders = []
    for name, path in modules(packages=("journal",)).items():
        for imported in imported_names(name, path):
            if imported.split(".")[0] in {"views", "textual", "rich"}:
                offenders.append(f"{name} → {imported}")
    assert not offenders, offenders
