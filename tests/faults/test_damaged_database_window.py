"""Every kind of damage RoleFit can detect: the window starts, says what happened in words,
keeps the damaged file aside, and the person carries on (as `rolefit sessions` reports it)."""

import os
import sqlite3
import sys

import pytest
from PySide6.QtCore import Qt

from rolefit.store import DB_FILENAME, open_store
from rolefit.store.migrations import schema_version

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "ui"))
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "store"))
from fakes import open_window  # noqa: E402
from test_damage import damaged_rows, fill, zero_page  # noqa: E402


def truncated(folder, bank):
    fill(folder, bank)
    path = folder / DB_FILENAME
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def random_header(folder, bank):
    fill(folder, bank)
    path = folder / DB_FILENAME
    data = bytearray(path.read_bytes())
    data[:100] = os.urandom(100)
    path.write_bytes(bytes(data))


def zeroed_page(folder, bank):
    fill(folder, bank)
    zero_page(folder / DB_FILENAME, 2)


def newer_schema(folder, bank):
    db = sqlite3.connect(folder / DB_FILENAME)
    db.execute(f"PRAGMA user_version = {schema_version() + 5}")
    db.close()


def not_sqlite(folder, bank):
    (folder / DB_FILENAME).write_bytes(b"someone's notes, not a database\n" * 200)


def tables_missing(folder, bank):
    fill(folder, bank, sessions=2)
    db = sqlite3.connect(folder / DB_FILENAME)
    db.execute("DROP TABLE answers")
    db.commit()
    db.close()


@pytest.mark.parametrize(
    ("damage", "words"),
    [
        (truncated, "could not read its saved questionnaires"),
        (random_header, "could not read its saved questionnaires"),
        (zeroed_page, "could not read its saved questionnaires"),
        (newer_schema, "newer RoleFit"),
        (not_sqlite, "not a database"),
        (tables_missing, "is missing"),
    ],
)
def test_the_window_starts_says_what_happened_and_keeps_the_file(
    qtbot, tmp_path, bank, damage, words
):
    data = tmp_path / "data"
    data.mkdir()
    damage(data, bank)
    original = (data / DB_FILENAME).read_bytes()
    window, shell = open_window(qtbot, data)
    (warning,) = shell.dialogs.warnings
    assert words in warning[1] and "kept" in warning[1]
    (kept,) = [p for p in data.iterdir() if p.name.startswith(f"{DB_FILENAME}.") and "-" in p.name]
    assert kept.read_bytes() == original and str(kept) in warning[1]
    assert "internal error" not in warning[1].lower()
    qtbot.keyClick(window.welcome.full_button, Qt.Key.Key_Return)  # and the person carries on
    qtbot.keyClick(shell.pages.question, "3")
    assert open_store(data).store.unfinished().answers == {shell.questions.quiz.items[0].id: 3}


def test_a_damaged_answer_in_the_unfinished_questionnaire_is_said_in_words(qtbot, tmp_path, bank):
    data = tmp_path / "data"
    data.mkdir()
    _completed, unfinished = damaged_rows(data, bank)
    window, shell = open_window(qtbot, data)
    assert shell.dialogs.warnings == []  # the file is sound; one row is not
    qtbot.mouseClick(window.welcome.resume_buttons[0], Qt.MouseButton.LeftButton)
    (warning,) = shell.dialogs.warnings
    assert "could not be read" in warning[0] and "'hiring'" in warning[1] and "2.5" in warning[1]
    quiz = shell.questions.quiz  # resumed with every answer that reads, the damaged one asked again
    assert quiz.session_id == unfinished and quiz.answers == {"staff-voice": 2}
    shell.questions.jump(quiz.items.index(next(i for i in quiz.items if i.id == "hiring")))
    qtbot.keyClick(shell.pages.question, "4")
    assert open_store(data).store.session(unfinished).answers["hiring"] == 4
