"""The session store: answers survive, damage is set aside and reported, never lost."""

import sqlite3

from conftest import run_python

from rolefit.store import DB_FILENAME, open_store
from rolefit.store.sessions import SCHEMA_VERSION


def test_answers_are_stored_updated_and_removed(tmp_path):
    store = open_store(tmp_path).store
    sid = store.start_session("full", "management", "1.0", name="Ada")
    store.save_answer(sid, "hiring", 4)
    store.save_answer(sid, "first-task", "interviews")
    store.save_answer(sid, "hiring", 5)
    store.save_answer(sid, "staff-voice", 2)
    store.save_answer(sid, "staff-voice", None)  # skipped after all
    store.save_position(sid, 7)
    store.close()

    reopened = open_store(tmp_path)
    assert reopened.problem is None
    record = reopened.store.unfinished()
    assert record is not None and record.id == sid
    assert dict(record.answers) == {"hiring": 5, "first-task": "interviews"}
    assert (record.position, record.name, record.form) == (7, "Ada", "full")


def test_completed_sessions_are_listed_with_their_result(tmp_path):
    store = open_store(tmp_path).store
    sid = store.start_session("short", "management", "1.0")
    store.save_answer(sid, "hiring", 3)
    store.complete(sid, {"recommendation": "general"})
    assert store.unfinished() is None
    (record,) = store.sessions()
    data = record.to_json()
    assert data["status"] == "completed" and data["finished"] is not None
    assert data["result"] == {"recommendation": "general"}
    assert data["bank"] == {"id": "management", "version": "1.0"}
    assert data["answers"] == {"hiring": 3}


def test_discard_removes_a_session_and_its_answers(tmp_path):
    store = open_store(tmp_path).store
    sid = store.start_session("full", "management", "1.0")
    store.save_answer(sid, "hiring", 3)
    store.discard(sid)
    assert store.sessions() == []


def test_schema_version_wal_and_foreign_keys(tmp_path):
    open_store(tmp_path).store.close()
    db = sqlite3.connect(tmp_path / DB_FILENAME)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_damaged_database_is_set_aside_reported_and_kept(tmp_path):
    damaged = b"this is not a database, but it is someone's file" * 100
    (tmp_path / DB_FILENAME).write_bytes(damaged)
    opened = open_store(tmp_path)
    assert opened.problem and "not a database" in opened.problem
    assert opened.moved_to is not None and opened.moved_to.name.startswith("rolefit.db.damaged-")
    assert opened.moved_to.read_bytes() == damaged  # nothing lost
    sid = opened.store.start_session("full", "management", "1.0")  # and the person continues
    opened.store.save_answer(sid, "hiring", 2)
    assert opened.store.unfinished().answers == {"hiring": 2}


def test_a_database_from_a_newer_rolefit_is_set_aside_as_newer(tmp_path):
    db = sqlite3.connect(tmp_path / DB_FILENAME)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    db.close()
    opened = open_store(tmp_path)
    assert "newer RoleFit" in opened.problem
    assert opened.moved_to.name.startswith("rolefit.db.newer-")


def test_an_unusable_folder_falls_back_to_memory_and_says_so(tmp_path):
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    opened = open_store(blocker / "data")
    assert opened.problem and "kept in memory only" in opened.problem
    sid = opened.store.start_session("full", "management", "1.0")
    opened.store.save_answer(sid, "hiring", 1)
    assert opened.store.unfinished().answers == {"hiring": 1}


def test_store_does_not_import_qt():
    run_python("import sys, rolefit.store; assert not [m for m in sys.modules if 'PySide6' in m]")
