"""The core layers never import Qt (see STYLE.md: data flows one way)."""

import pytest
from conftest import run_python


def test_core_layers_do_not_import_qt(tmp_path):
    code = (
        "import sys, rolefit.bank, rolefit.scoring, rolefit.quiz, rolefit.store, rolefit.wording;"
        "import rolefit.workspace;"
        "from pathlib import Path;"
        "from rolefit.bank import load_default_bank;"
        "from rolefit.quiz.model import Quiz;"
        "from rolefit.store import open_store;"
        "from rolefit.wording import result_words;"
        "b = load_default_bank(); q = Quiz.start(b, 'short', open_store(Path(sys.argv[1])).store);"
        "[q.answer(3 if i.kind == 'likert' else i.options[0].id) for i in q.items];"
        "result_words(b, q.submit());"
        "from rolefit.workspace import Workspace;"
        "w = Workspace.create(Path(sys.argv[1]) / 'ws', 'correct horse');"
        "c = w.add_client('A-1', 'Someone');"
        "q = Quiz.start(b, 'short', w.sessions_for(c.id));"
        "[q.answer(3 if i.kind == 'likert' else i.options[0].id) for i in q.items];"
        "q.submit(); w.history(c.id); w.csv_text(); w.json_data(); w.stats(); w.close();"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'rolefit.ui'))];"
        "assert not bad, bad"
    )
    run_python(code, tmp_path)


def test_yaml_c_loader_is_in_use():
    import yaml

    from rolefit.bank import yamltree

    assert yaml.__with_libyaml__ and yamltree.uses_libyaml()


def test_every_package_is_in_the_wheel():
    """pyproject.toml lists packages explicitly (to map questions/ and resources/ in), so a
    new subpackage must be added there or the installed app cannot import it."""
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    listed = set(
        tomllib.loads((root / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    found = {
        ".".join(init.parent.relative_to(root / "src").parts)
        for init in (root / "src").rglob("__init__.py")
    }
    assert found <= listed, f"add to [tool.setuptools] packages: {sorted(found - listed)}"
