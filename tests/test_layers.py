"""The import graph: capabilities depend one way (see "How capabilities talk" in docs/decisions.md).

Every `import` in src/nextround counts, including those inside functions, which is where a cycle hides.
"""

import ast
from collections import defaultdict
from pathlib import Path

import nextround

SRC = Path(nextround.__file__).parent
# The lower layers and what each may import besides itself. Everything else is a capability above them.
LOWER_LAYERS = {"core": set(), "tracker": {"core"}}
# Top-level modules any layer may use: the version, the CLI's error type, configuration and the WSGI entry.
# They import no capability themselves (checked below); the rest of the top level (urls, settings, demo,
# commands) wires the capabilities together and may import any of them.
PLUMBING = {"__init__", "__main__", "cli", "config", "wsgi"}


def capability(module: str) -> str:
    """`nextround.tracker.services.people` -> "tracker"; a top-level module -> "top:<name>"."""
    parts = module.split(".")
    if len(parts) == 1:
        return "top:__init__"
    name = parts[1]
    return name if (SRC / name).is_dir() else f"top:{name}"


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def is_module(name: str) -> bool:
    path = SRC.parent.joinpath(*name.split("."))
    return path.is_dir() or path.with_suffix(".py").is_file()


def imports(path: Path) -> list[tuple[str, int]]:
    """(imported nextround module, line) for every import statement in the file, at any depth."""
    found = []
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1])
                base = f"{anchor}.{base}" if base else anchor
            # `from nextround import demo` imports the module nextround.demo; `from x import name`, x.
            for alias in node.names:
                name = f"{base}.{alias.name}"
                found.append((name if is_module(name) else base, node.lineno))
    ours = [(name, line) for name, line in found if name == "nextround" or name.startswith("nextround.")]
    return list(dict.fromkeys(ours))


def edges() -> dict[tuple[str, str], list[str]]:
    """(from capability, to capability) -> where ("src/nextround/x.py:12 imports nextround.y")."""
    found = defaultdict(list)
    for path in sorted(SRC.rglob("*.py")):
        source = capability(module_name(path))
        for target_module, line in imports(path):
            target = capability(target_module)
            if target != source:
                where = f"{path.relative_to(SRC.parent.parent)}:{line} imports {target_module}"
                found[(source, target)].append(where)
    return found


def test_the_scan_sees_the_imports_it_should():
    graph = edges()
    assert ("playbook", "tracker") in graph
    assert ("tracker", "core") in graph
    assert ("top:demo", "playbook") in graph


def test_core_and_tracker_import_no_capability_above_them():
    allowed_top = {f"top:{name}" for name in PLUMBING}
    wrong = [
        where
        for (source, target), places in edges().items()
        if source in LOWER_LAYERS and target not in LOWER_LAYERS[source] | allowed_top
        for where in places
    ]
    assert not wrong, "a lower layer imports a layer above it (announce an event instead):\n" + "\n".join(
        wrong
    )


def test_the_plumbing_imports_no_capability():
    wrong = [
        where
        for (source, target), places in edges().items()
        if source.removeprefix("top:") in PLUMBING and target.removeprefix("top:") not in PLUMBING
        for where in places
    ]
    assert not wrong, "\n".join(wrong)


def test_no_cycle_between_capabilities():
    graph = edges()
    successors = defaultdict(set)
    for source, target in graph:
        if not source.startswith("top:") and not target.startswith("top:"):
            successors[source].add(target)

    def cycle_from(start: str, path: list[str]) -> list[str] | None:
        for following in sorted(successors[path[-1]]):
            if following == start:
                return [*path, start]
            if following not in path:
                found = cycle_from(start, [*path, following])
                if found:
                    return found
        return None

    for start in sorted(successors):
        cycle = cycle_from(start, [start])
        if cycle:
            steps = [graph[(a, b)][0] for a, b in zip(cycle, cycle[1:], strict=False)]
            raise AssertionError(" -> ".join(cycle) + " is a cycle:\n" + "\n".join(steps))


# (`update` is left out: views update dictionaries all the time.)
WRITES = {"save", "delete", "create", "bulk_create", "bulk_update", "get_or_create", "update_or_create"}


def test_views_write_only_through_services():
    """A view loads, validates, calls a service and renders; `form.save(commit=False)` only builds a row."""
    wrong = []
    views = [*SRC.glob("*/views.py"), *SRC.glob("*/views/*.py"), *SRC.glob("*/*/views.py")]
    assert len(views) >= 6
    for path in views:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in WRITES
            ):
                builds_only = any(
                    k.arg == "commit" and isinstance(k.value, ast.Constant) and k.value.value is False
                    for k in node.keywords
                )
                if not builds_only:
                    wrong.append(
                        f"{path.relative_to(SRC.parent.parent)}:{node.lineno} calls .{node.func.attr}()"
                    )
    assert not wrong, "views must write through a service:\n" + "\n".join(wrong)


def test_template_tags_format_and_do_not_query():
    """A page gathers what it shows in its view; template tags only format, they never query."""
    wrong = []
    for path in SRC.glob("*/templatetags/*.py"):
        for target, line in imports(path):
            if target.rpartition(".")[2] in ("models", "queries", "services") or target.endswith("routes"):
                wrong.append(f"{path.relative_to(SRC.parent.parent)}:{line} imports {target}")
        if ".objects" in path.read_text(encoding="utf-8"):
            wrong.append(f"{path.relative_to(SRC.parent.parent)} reads .objects")
    assert not wrong, "\n".join(wrong)
