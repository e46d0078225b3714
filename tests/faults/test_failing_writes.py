"""Writes that fail after start-up: the person is told, goes on, and loses nothing."""

import json
import os
import shutil
import subprocess
import sys
import textwrap

import pytest
from PySide6.QtCore import Qt

from rolefit.store import StoreError, open_store


def open_window(qtbot, data):
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "ui"))
    from fakes import open_window as opened

    return opened(qtbot, data)


def test_a_disk_that_fills_mid_quiz_loses_no_answer(qtbot, tmp_path):
    window, shell = open_window(qtbot, tmp_path / "data")
    qtbot.keyClick(window.welcome.full_button, Qt.Key.Key_Return)
    page = shell.pages.question
    qtbot.keyClick(page, "4")
    store = shell.store
    real = {name: getattr(store, name) for name in ("save_answer", "save_position", "complete")}

    def full(*args, **kwargs):
        raise StoreError("database or disk is full")

    for name in real:
        setattr(store, name, full)
    for key in "3521":  # the keys go on working
        qtbot.keyClick(page, key)
    quiz = shell.questions.quiz
    assert quiz.answered_count == 5 and quiz.position == 5
    (warning,) = shell.dialogs.warnings  # said once, in plain words, not at every key
    assert "could not be saved" in warning[1] and "disk is full" in warning[1]
    assert "Save answers" in warning[1]
    # The person saves the answers to a file of their choice, from the File menu.
    assert window.save_answers_action.isEnabled()
    target = tmp_path / "kept.json"
    shell.dialogs.paths = [target]
    window.save_answers_action.trigger()
    assert json.loads(target.read_text("utf-8"))["answers"] == dict(quiz.answers)
    # The disk is freed: the next answer brings the stored questionnaire back in line.
    for name, method in real.items():
        setattr(store, name, method)
    qtbot.keyClick(page, "2")
    assert dict(open_store(tmp_path / "data").store.unfinished().answers) == dict(quiz.answers)
    assert "saved again" in shell.dialogs.statuses[-1]


CHILD = textwrap.dedent(
    """
    import os, sys, json
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    sys.path.insert(0, sys.argv[2])
    from pathlib import Path
    from fakes import ScriptedDialogs
    from rolefit.app import build_window, create_application

    data = Path(sys.argv[1])
    app = create_application()
    window, shell = build_window(None, data)
    shell.dialogs = ScriptedDialogs()
    window.show()
    shell.load()
    window.welcome.full_button.click()
    shell.questions.answer(4)
    # Fill the disk to the last byte, as another program might.
    # Fill the disk to the last byte, as another program might.
    filler = os.open(data / "filler", os.O_WRONLY | os.O_CREAT)
    for size in (65536, 1):
        try:
            while True:
                os.write(filler, b"x" * size)
        except OSError:
            pass
    os.close(filler)
    for value in (5, 3, 2, 1, 4, 3, 2, 5):
        shell.questions.answer(value)
    quiz = shell.questions.quiz
    target = Path(sys.argv[3]) / "kept.json"
    shell.dialogs.paths = [target]
    shell.questions.save_answers()
    print(json.dumps({"answers": quiz.answers, "warnings": shell.dialogs.warnings,
                      "saved": target.exists()}))
    """
)


@pytest.mark.skipif(os.geteuid() != 0 or shutil.which("mount") is None, reason="needs root")
def test_a_real_disk_that_fills_up(tmp_path):
    """A data folder on a 1 MiB tmpfs, filled up to the last byte after one answer."""
    mount = tmp_path / "small"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m,mode=0700", "tmpfs", str(mount)],
        capture_output=True,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        here = os.path.join(os.path.dirname(__file__), "..", "ui")
        child = subprocess.run(
            [sys.executable, "-c", CHILD, str(mount / "data"), here, str(tmp_path)],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert child.returncode == 0, child.stderr
        report = json.loads(child.stdout.strip().splitlines()[-1])
        assert len(report["answers"]) == 9  # every answer kept in memory
        assert report["warnings"] and "could not be saved" in report["warnings"][0][1]
        assert report["saved"]  # and saved where the person chose
        (mount / "data" / "filler").unlink()
        store = open_store(mount / "data").store
        stored = store.unfinished()
        store.close()
        assert stored is not None and stored.answers  # what was saved before is intact
    finally:
        # Lazily: the mount goes as soon as nothing holds it, even if a test failed.
        subprocess.run(["umount", "--lazy", str(mount)], capture_output=True)


def test_a_database_turned_read_only_mid_quiz_loses_no_answer(qtbot, tmp_path):
    """SQLite's own read-only mode (as when the file or its medium turns read-only)."""
    window, shell = open_window(qtbot, tmp_path / "data")
    qtbot.keyClick(window.welcome.full_button, Qt.Key.Key_Return)
    page = shell.pages.question
    qtbot.keyClick(page, "4")
    connection = shell.store._db.conn
    connection.execute("PRAGMA query_only = ON")
    for key in "352":
        qtbot.keyClick(page, key)
    quiz = shell.questions.quiz
    assert quiz.answered_count == 4
    (warning,) = shell.dialogs.warnings
    assert "could not be saved" in warning[1]
    connection.execute("PRAGMA query_only = OFF")
    qtbot.keyClick(page, "1")
    assert dict(open_store(tmp_path / "data").store.unfinished().answers) == dict(quiz.answers)
