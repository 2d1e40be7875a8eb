"""The layers only look down, and no module imports itself back through others.

Every import in src/foederis is read from the source (including imports placed inside functions,
which no import-time failure would reveal), resolved to the module it names, and checked against
the layer order of docs/DESIGN.md: record < rules < engine < questions < claims, scenarios, store
< interfaces. Inside interfaces the same holds one level down: the shared rendering helpers, then
the JSON API, then the web pages built on it, then the command line and the server that compose them.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

import foederis

ROOT = Path(foederis.__file__).resolve().parent

#: Package -> rank; a module may import only modules of a lower or equal rank, and equal ranks
#: only within the same package (claims, scenarios and store do not know each other).
LAYERS = {
    "record": 0,
    "rules": 1,
    "engine": 2,
    "questions": 3,
    "claims": 4,
    "scenarios": 4,
    "store": 4,
    "interfaces": 5,
}
INTERFACES = {
    "templating": 0,
    "export_writers": 0,
    "charts": 1,
    "reports": 1,
    "http": 2,
    "web": 3,
    "cli": 4,
    "server": 4,
}


def _module_name(path: Path) -> str:
    parts = ("foederis", *path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in sorted(ROOT.rglob("*.py"))}


def _imports(module: str) -> Iterator[tuple[str, int]]:
    """Every foederis module `module` imports, anywhere in its body, with the line."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    package = module if MODULES[module].name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative import: drop one package per level beyond the first
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            names = [f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base for a in node.names]
        else:
            continue
        for name in names:
            while name and name not in MODULES:  # `import foederis.x.y` of a name inside a module
                name = name.rpartition(".")[0]
            if name.startswith("foederis.") and name != module:
                yield name, node.lineno


def _rank(module: str) -> tuple[str, int, str, int]:
    parts = module.split(".")
    layer = parts[1] if len(parts) > 1 else ""
    sub = parts[2] if len(parts) > 2 and layer == "interfaces" else ""
    return layer, LAYERS.get(layer, -1), sub, INTERFACES.get(sub, -1)


GRAPH = {m: sorted(set(_imports(m))) for m in MODULES}


def test_every_module_belongs_to_a_known_layer() -> None:
    unknown = [m for m in MODULES if m.count(".") >= 1 and _rank(m)[1] < 0 and m != "foederis.__main__"]
    assert unknown == [], f"add these packages to LAYERS (and docs/DESIGN.md): {unknown}"
    loose = [m for m in MODULES if _rank(m)[0] == "interfaces" and m.count(".") >= 2 and _rank(m)[3] < 0]
    assert loose == [], f"add these to INTERFACES: {loose}"


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_only_look_down(module: str) -> None:
    layer, rank, sub, sub_rank = _rank(module)
    wrong = []
    for target, line in GRAPH[module]:
        t_layer, t_rank, t_sub, t_sub_rank = _rank(target)
        if t_rank > rank or (t_rank == rank and t_layer != layer):
            wrong.append(f"line {line}: {target} ({t_layer} is not below {layer})")
        elif layer == t_layer == "interfaces" and sub and t_sub and sub != t_sub and t_sub_rank >= sub_rank:
            wrong.append(f"line {line}: {target} (interfaces.{t_sub} is not below interfaces.{sub})")
    assert wrong == [], f"{module} imports upward:\n" + "\n".join(wrong)


def _cycles() -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for root in GRAPH:
        if root in index:
            continue
        work = [(root, iter(t for t, _ in GRAPH[root]))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(t for t, _ in GRAPH[child])))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    m = stack.pop()
                    on_stack.discard(m)
                    component.append(m)
                    if m == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_no_import_cycles_even_inside_functions() -> None:
    assert _cycles() == []


def test_the_checker_sees_function_level_imports() -> None:
    """The scan reads imports inside functions (the CLI imports its questions lazily)."""
    targets = {t for t, _ in GRAPH["foederis.interfaces.cli.check"]}
    assert "foederis.claims.check" in targets
