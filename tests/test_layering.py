"""Import rules of the package, read from the source with `ast` (nothing is imported).

Every import counts, at module level or inside a function: a lazy import is still a
dependency. Each rule is one test that lists all its violations as `file:line: what`.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PKG = ROOT / "zmdocs"

BASE = {"model", "errors", "textnorm", "text"}  # know no stage
CLI_IMPORTERS = {"cli", "zmdocs.__main__"}  # the top-level cli.py and `python -m zmdocs`


@dataclass(frozen=True)
class Imp:
    """One import statement's target, as found in a source file."""

    src: str  # importing module ("cli" for the top-level cli.py)
    target: str  # imported name: a zmdocs module where it resolves to one, else as written
    path: Path
    line: int

    def where(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line}"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _sources() -> dict[str, Path]:
    """Module name -> file, for every module of zmdocs/ and the top-level cli.py."""
    mods = {_module_name(p): p for p in sorted(PKG.rglob("*.py"))}
    if (ROOT / "cli.py").exists():
        mods["cli"] = ROOT / "cli.py"
    return mods


SOURCES = _sources()
TREES = {m: ast.parse(p.read_text(encoding="utf-8"), filename=str(p)) for m, p in SOURCES.items()}


def _resolve(name: str) -> str:
    """The zmdocs module a dotted name lives in (its longest module prefix), else the name itself."""
    probe = name
    while probe:
        if probe in SOURCES and probe != "cli":
            return probe
        probe = probe.rpartition(".")[0]
    return name


def _from_base(mod: str, node: ast.ImportFrom) -> str:
    """The absolute module a `from X import ...` reads from (relative imports resolved)."""
    if not node.level:
        return node.module or ""
    is_pkg = SOURCES[mod].name == "__init__.py"
    parts = mod.split(".") if is_pkg else mod.split(".")[:-1]
    parts = parts[: len(parts) - (node.level - 1)]
    return ".".join(parts + ([node.module] if node.module else []))


def _targets(mod: str, node: ast.AST) -> list[str]:
    if isinstance(node, ast.Import):
        return [_resolve(a.name) for a in node.names]
    if isinstance(node, ast.ImportFrom):
        base = _from_base(mod, node)
        return [_resolve(f"{base}.{a.name}") if f"{base}.{a.name}" in SOURCES else _resolve(base)
                for a in node.names]
    return []


def _all_imports() -> list[Imp]:
    out = []
    for mod, tree in TREES.items():
        for node in ast.walk(tree):
            for t in _targets(mod, node):
                out.append(Imp(mod, t, SOURCES[mod], node.lineno))
    return out


IMPORTS = _all_imports()


def _internal(imp: Imp) -> bool:
    return imp.target in SOURCES and imp.target != imp.src


def _stage(mod: str) -> str:
    """'zmdocs.parse.pdf' -> 'parse'; the package root is 'zmdocs'; the top-level cli.py is 'cli'."""
    parts = mod.split(".")
    if parts[0] != "zmdocs":
        return mod
    return parts[1] if len(parts) > 1 else "zmdocs"


def _report(rule: str, bad: list[str]) -> str:
    return f"{rule}: {len(bad)} violation(s)\n  " + "\n  ".join(sorted(set(bad)))


def _cycles() -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    graph: dict[str, set[str]] = {m: set() for m in SOURCES}
    for imp in IMPORTS:
        if _internal(imp):
            graph[imp.src].add(imp.target)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    found: list[list[str]] = []
    for start in graph:
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on.add(start)
        while work:
            v, it = work[-1]
            w = next(it, None)
            if w is not None:
                if w not in index:
                    index[w] = low[w] = len(index)
                    stack.append(w)
                    on.add(w)
                    work.append((w, iter(sorted(graph[w]))))
                elif w in on:
                    low[v] = min(low[v], index[w])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[v])
            if low[v] == index[v]:
                comp = []
                while True:
                    w = stack.pop()
                    on.discard(w)
                    comp.append(w)
                    if w == v:
                        break
                if len(comp) > 1:
                    found.append(sorted(comp))
    return found


def test_no_import_cycles():
    bad = []
    for comp in _cycles():
        members = set(comp)
        edges = [f"{i.where()} {i.src} -> {i.target}" for i in IMPORTS if i.src in members and i.target in members
                 and i.src != i.target]
        bad.append(" <-> ".join(comp) + "\n      " + "\n      ".join(sorted(set(edges))))
    assert not bad, _report("import cycles", bad)


# stage of the importing module -> (stages it must not import, modules it must not import)
_FORBIDDEN: dict[str, tuple[set[str], set[str]]] = {
    "parse": ({"embed", "indicators", "align", "compare", "index", "report", "check", "diff", "app"}, set()),
    "indicators": ({"align", "compare", "index", "report", "check", "diff", "app"}, {"zmdocs.parse.registry"}),
    "align": ({"index", "report", "cli", "app"}, {"zmdocs.parse.registry", "zmdocs.parse.isolate"}),
    "compare": ({"index", "report", "cli", "app"}, {"zmdocs.parse.registry", "zmdocs.parse.isolate"}),
    "check": ({"index", "report", "cli", "app"}, {"zmdocs.parse.registry", "zmdocs.parse.isolate"}),
    "diff": ({"index", "report", "cli", "app"}, {"zmdocs.parse.registry", "zmdocs.parse.isolate"}),
    "index": ({"parse", "indicators", "compare", "report", "cli", "app"}, set()),
    "report": ({"parse", "index", "embed", "cli", "app"}, set()),
}
_ONLY: dict[str, set[str]] = {  # stage -> the only stages it may import
    "model": BASE,
    "errors": BASE,
    "textnorm": BASE,
    "text": BASE,
    "embed": {"embed", "model", "errors", "text", "textnorm"},
}


def _layer_violation(imp: Imp) -> str | None:
    src, dst = _stage(imp.src), _stage(imp.target)
    if src == dst:
        return None
    if src in _ONLY and dst not in _ONLY[src]:
        return f"{src} may import only {', '.join(sorted(_ONLY[src]))}"
    stages, modules = _FORBIDDEN.get(src, (set(), set()))
    if dst in stages or imp.target in modules or (src in _FORBIDDEN and dst == "zmdocs"):
        return f"{src} must not import {imp.target if imp.target in modules else dst}"
    return None


def test_layering():
    bad = []
    for imp in IMPORTS:
        if _internal(imp) and (why := _layer_violation(imp)):
            bad.append(f"{imp.where()}: {imp.src} imports {imp.target} ({why})")
    assert not bad, _report("layering", bad)


def test_only_the_cli_imports_click():
    bad = [f"{i.where()}: {i.src} imports {i.target}" for i in IMPORTS
           if i.target.split(".")[0] == "click" and i.src not in ("zmdocs.cli", "cli")]
    assert not bad, _report("click outside zmdocs.cli", bad)


def test_nothing_imports_the_cli_module():
    bad = [f"{i.where()}: {i.src} imports zmdocs.cli" for i in IMPORTS
           if i.target == "zmdocs.cli" and i.src not in CLI_IMPORTERS]
    assert not bad, _report("zmdocs.cli imported by library code", bad)


def _catches_import_error(handler: ast.ExceptHandler) -> bool:
    if handler.type is None:  # a bare `except:` swallows an ImportError too
        return True
    kinds = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    return any(isinstance(k, ast.Name) and k.id in ("ImportError", "ModuleNotFoundError") for k in kinds)


def test_no_import_error_guard_around_own_modules():
    bad = []
    for mod, tree in TREES.items():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Try) or not any(_catches_import_error(h) for h in node.handlers):
                continue
            own = sorted({t for stmt in node.body for sub in ast.walk(stmt) for t in _targets(mod, sub)
                          if t.split(".")[0] == "zmdocs"})
            if own:
                bad.append(f"{SOURCES[mod].relative_to(ROOT)}:{node.lineno}: except ImportError around {', '.join(own)}")
    assert not bad, _report("ImportError guards around zmdocs modules", bad)


def _is_os_environ(node: ast.AST) -> bool:
    return (isinstance(node, ast.Attribute) and node.attr == "environ" and isinstance(node.value, ast.Name)
            and node.value.id == "os") or (isinstance(node, ast.Name) and node.id == "environ")


def _sets_env(node: ast.AST) -> bool:
    if isinstance(node, (ast.Assign, ast.AugAssign)):
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        return any(isinstance(t, ast.Subscript) and _is_os_environ(t.value) for t in targets)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        f = node.func
        if f.attr in ("setdefault", "update") and _is_os_environ(f.value):
            return True
        return f.attr == "putenv" and isinstance(f.value, ast.Name) and f.value.id == "os"
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "putenv"


def test_library_sets_no_environment_variable():
    bad = [f"{SOURCES[mod].relative_to(ROOT)}:{node.lineno}: {ast.unparse(node).splitlines()[0][:80]}"
           for mod, tree in TREES.items() if mod.startswith("zmdocs")
           for node in ast.walk(tree) if _sets_env(node)]
    assert not bad, _report("environment set by library code", bad)


def test_tqdm_only_in_the_cli_and_app_layer():
    bad = [f"{i.where()}: {i.src} imports tqdm" for i in IMPORTS
           if i.target.split(".")[0] == "tqdm" and i.src.startswith("zmdocs")
           and i.src not in ("zmdocs.cli", "zmdocs.app")]
    assert not bad, _report("progress bars drawn by library code", bad)


_BLIND = ("Exception", "BaseException")
# Where a blind `except Exception`/`except BaseException`/bare `except:` may swallow: the boundaries
# that turn *any* failure into one reported line. Everywhere else a handler names what it expects
# (zmdocs.errors.pdf_errors() and kin for third-party libraries) or re-raises.
BLIND_OK_MODULES = {
    "zmdocs.cli": "the CLI's top-level handler: one error line, never a traceback",
    "cli": "the top-level cli.py shim, same boundary",
    "zmdocs.parse.isolate": "worker isolation: anything a parser raises in its process is one error line",
}
BLIND_OK_FUNCTIONS = {
    # the extractor's isolation per document (its docstring's error policy): a bug on an unseen
    # document costs that document its indicators, with a warning naming the exception, never the run
    ("zmdocs.app", "prepare"): "extractor isolation per document",
}


def _is_blind(handler: ast.ExceptHandler) -> bool:
    if handler.type is None:
        return True
    kinds = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    return any((isinstance(k, ast.Name) and k.id in _BLIND) or (isinstance(k, ast.Attribute) and k.attr in _BLIND)
               for k in kinds)


def _reraises(handler: ast.ExceptHandler) -> bool:
    """The handler only cleans up: its last statement re-raises the exception it caught."""
    last = handler.body[-1]
    return isinstance(last, ast.Raise) and (last.exc is None or (
        handler.name is not None and isinstance(last.exc, ast.Name) and last.exc.id == handler.name))


def _blind_swallows(mod: str, tree: ast.AST) -> list[tuple[int, str]]:
    """(line, enclosing function) of every blind handler that does not re-raise, outside the boundaries."""
    if mod in BLIND_OK_MODULES:
        return []
    out: list[tuple[int, str]] = []

    def visit(node: ast.AST, func: str) -> None:
        for child in ast.iter_child_nodes(node):
            name = child.name if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)) else func
            if (isinstance(child, ast.ExceptHandler) and _is_blind(child) and not _reraises(child)
                    and (mod, func) not in BLIND_OK_FUNCTIONS):
                out.append((child.lineno, func))
            visit(child, name)

    visit(tree, "")
    return out


def test_blind_except_only_at_the_boundaries():
    """A blind handler that swallows hides bugs as "damaged input": name the expected exceptions
    (zmdocs.errors.pdf_errors(), docx_errors(), ocr_errors(), unit_errors(), model_errors()) instead."""
    bad = [f"{SOURCES[mod].relative_to(ROOT)}:{line}: blind except in {func or 'module'} that does not re-raise"
           for mod, tree in TREES.items() for line, func in _blind_swallows(mod, tree)]
    assert not bad, _report("blind except outside the CLI and isolation boundaries", bad)


def test_errors_module_stays_dependency_free():
    """zmdocs.errors names library exceptions by string (looked up in sys.modules), importing none."""
    targets = {i.target for i in IMPORTS if i.src == "zmdocs.errors"}
    assert targets <= {"__future__", "struct", "sys", "zlib"}, targets


def test_the_blind_except_detector():
    def flagged(src: str, mod: str = "zmdocs.x") -> bool:
        return bool(_blind_swallows(mod, ast.parse(src)))

    swallow = ["try:\n    f()\nexcept Exception:\n    pass\n", "try:\n    f()\nexcept:\n    g()\n",
               "try:\n    f()\nexcept (ValueError, BaseException) as e:\n    log(e)\n",
               "def h():\n    try:\n        f()\n    except Exception:\n        if x:\n            raise\n        g()\n",
               "try:\n    f()\nexcept Exception as e:\n    raise ValueError(e) from e\n"]
    fine = ["try:\n    f()\nexcept BaseException:\n    cleanup()\n    raise\n",
            "try:\n    f()\nexcept Exception as e:\n    cleanup()\n    raise e\n",
            "try:\n    f()\nexcept pdf_errors() as e:\n    pass\n", "try:\n    f()\nexcept (ImportError, *ocr_errors()):\n    pass\n"]
    assert all(flagged(s) for s in swallow) and not any(flagged(s) for s in fine)
    assert not flagged(swallow[0], "zmdocs.parse.isolate")  # a boundary module
    assert flagged("def prepare():\n" + "".join("    " + ln + "\n" for ln in swallow[0].splitlines()), "zmdocs.y")
    assert not flagged("def prepare():\n" + "".join("    " + ln + "\n" for ln in swallow[0].splitlines()), "zmdocs.app")


MAX_FUNCTION_LINES = 60
MAX_FILE_LINES = 600


def test_functions_and_files_stay_small():
    """House style: functions up to 60 lines, modules up to 600, so one change stays in one place."""
    bad = []
    for mod, tree in TREES.items():
        path = SOURCES[mod]
        n = len(path.read_text(encoding="utf-8").splitlines())
        if n > MAX_FILE_LINES:
            bad.append(f"{path.relative_to(ROOT)}: {n} lines")
        bad += [f"{path.relative_to(ROOT)}:{f.lineno}: {f.name} is {f.end_lineno - f.lineno + 1} lines"
                for f in ast.walk(tree) if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef))
                and f.end_lineno - f.lineno + 1 > MAX_FUNCTION_LINES]
    assert not bad, _report("functions over 60 lines or files over 600", bad)


def test_the_rules_see_the_package():
    """Guard against a silently empty check: the walker finds modules, imports and a known edge."""
    assert "zmdocs.parse.registry" in SOURCES and "zmdocs.embed" in SOURCES
    assert any(i.src == "zmdocs.parse.structure" and i.target == "zmdocs.model" for i in IMPORTS)
    assert any(i.target == "zmdocs.embed" for i in IMPORTS)  # function-level imports are counted


def test_the_detectors_on_synthetic_code():
    """Each detector flags the forms it names and leaves look-alikes alone."""
    sets = ["os.environ['A'] = '1'", "os.environ.setdefault('A', '1')", "os.putenv('A', '1')",
            "os.environ.update(A='1')"]
    reads = ["x = os.environ.get('A')", "x = os.environ['A']", "d.setdefault('A', 1)"]
    assert all(any(_sets_env(n) for n in ast.walk(ast.parse(s))) for s in sets)
    assert not any(_sets_env(n) for s in reads for n in ast.walk(ast.parse(s)))
    guard = ast.parse("try:\n    import x\nexcept (ValueError, ImportError):\n    pass\n").body[0]
    plain = ast.parse("try:\n    import x\nexcept ValueError:\n    pass\n").body[0]
    assert _catches_import_error(guard.handlers[0]) and not _catches_import_error(plain.handlers[0])
    rel = ast.parse("from .base import Embedder").body[0]
    assert _targets("zmdocs.embed.use", rel) == ["zmdocs.embed.base"]
    assert _targets("zmdocs.embed", rel) == ["zmdocs.embed.base"]  # a package's own relative import
