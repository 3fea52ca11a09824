"""The arrow of dependencies points one way: casework -> reporting -> centres.

centres imports neither reporting nor casework; reporting does not import casework. Loading
a model by name (`apps.get_model("casework", ...)`) counts as an import. Migrations may name
any app (Django writes them), and tests may import anything.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# What each app may not depend on.
FORBIDDEN = {
    "centres": {"reporting", "casework"},
    "reporting": {"casework"},
}


def _modules(app: str):
    for path in sorted((ROOT / app).rglob("*.py")):
        if "migrations" in path.parts or "tests" in path.parts:
            continue
        yield path


def _dependencies(path: Path) -> list[tuple[int, str]]:
    """Each (line, top-level app) a module imports or loads a model of."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name.split(".")[0]) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module.split(".")[0]))
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "get_model"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.append((node.lineno, node.args[0].value.split(".")[0]))
    return found


@pytest.mark.parametrize("app", sorted(FORBIDDEN))
def test_app_imports_nothing_against_the_arrow(app):
    against = [
        f"{path.relative_to(ROOT)}:{line} -> {target}"
        for path in _modules(app)
        for line, target in _dependencies(path)
        if target in FORBIDDEN[app]
    ]

    assert against == []


def test_the_arrow_check_sees_imports_and_models_loaded_by_name(tmp_path):
    module = tmp_path / "module.py"
    module.write_text(
        "import casework.models\n"
        "from reporting import access\n"
        "from .models import Area\n"
        "apps.get_model('casework', 'Case')\n"
    )

    assert _dependencies(module) == [(1, "casework"), (2, "reporting"), (4, "casework")]
