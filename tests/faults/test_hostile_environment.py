"""Hostile surroundings: a folder RoleFit may not write, and paths of any characters."""

import json
import os
import shutil
import subprocess
import sys
import textwrap

import pytest

from rolefit.cli import main
from rolefit.store import open_store

CHILD = textwrap.dedent(
    """
    import json, os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    sys.path.insert(0, sys.argv[2])
    from pathlib import Path
    from fakes import ScriptedDialogs
    from rolefit.app import build_window, create_application

    app = create_application()
    window, shell = build_window(None, Path(sys.argv[1]))
    shell.dialogs = ScriptedDialogs()
    window.show()
    shell.load()
    window.welcome.full_button.click()
    for value in (4, 2, 5):
        shell.questions.answer(value)
    target = Path(sys.argv[3]) / "kept.json"
    shell.dialogs.paths = [target]
    shell.questions.save_answers()
    saved = json.loads(target.read_text())["answers"] if target.exists() else None
    quiz = shell.questions.quiz
    print(json.dumps({"warnings": shell.dialogs.warnings, "answers": quiz.answers, "saved": saved}))
    """
)


@pytest.mark.skipif(
    os.geteuid() != 0 or shutil.which("setpriv") is None, reason="needs root and setpriv"
)
def test_a_data_folder_it_may_not_write(tmp_path):
    """Run as another user (root ignores permissions), on a folder only root may write."""
    data = tmp_path / "data"
    data.mkdir(mode=0o755)
    out = tmp_path / "out"
    out.mkdir()
    os.chmod(out, 0o777)
    for folder in (tmp_path, *tmp_path.parents):
        if folder == folder.parent:
            break
        os.chmod(folder, os.stat(folder).st_mode | 0o005)  # the other user may look in
    here = os.path.join(os.path.dirname(__file__), "..", "ui")
    done = subprocess.run(
        [
            "setpriv",
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            "--",
            sys.executable,
            "-c",
            CHILD,
            str(data),
            os.path.abspath(here),
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "HOME": str(out), "XDG_RUNTIME_DIR": str(out)},
    )
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    (warning,) = report["warnings"]
    assert "cannot be saved" in warning[0] or "cannot be saved" in warning[1]
    assert "Save answers" in warning[1]
    assert len(report["answers"]) == 3 and report["saved"] == report["answers"]
    assert list(data.iterdir()) == []  # nothing written where it may not write


def test_paths_with_spaces_and_other_alphabets(tmp_path, bank, capsys):
    from scoring.respondents import respond

    folder = tmp_path / "Données été 数据 ñ" / "a b  c"
    answers = folder / "réponses d'Ève.json"
    folder.mkdir(parents=True)
    answers.write_text(
        json.dumps(
            {"answers": respond(bank, {"operations": 1.0, "business": 0.0, "general": 0.0})}
        ),
        "utf-8",
    )
    assert main(["score", str(answers)]) == 0
    pdf = folder / "résumé de l'été.pdf"
    assert main(["report", str(answers), "-o", str(pdf)]) == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    data = folder / "données"
    store = open_store(data).store
    store.start_session("full", bank, name="Ève Zoë 张")
    store.close()
    capsys.readouterr()
    assert main(["sessions", "--data-dir", str(data), "--json"]) == 0
    (listed,) = json.loads(capsys.readouterr().out)
    assert listed["name"] == "Ève Zoë 张"
