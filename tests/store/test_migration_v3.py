"""Migration 3 (clients, notes, settings): a v2 database and a 0.1.0 one keep everything."""

import shutil
import sqlite3
from pathlib import Path

import pytest

from rolefit.scoring import make_answers, score_answers
from rolefit.store import DB_FILENAME, open_store, results
from rolefit.store import migrations as store_migrations

FIXTURE = Path(__file__).parent / "data" / "rolefit-0.1.0.db"


def contents(path):
    """Every row of the tables v2 has, read with plain SQL, without changing the file."""
    db = sqlite3.connect(f"{path.resolve().as_uri()}?immutable=1", uri=True)
    try:
        return {
            "sessions": db.execute(
                "SELECT id, status, started, finished, form, bank_id, bank_version, bank_hash,"
                " name, position, option_order, recommendation, confidence, fit"
                " FROM sessions ORDER BY id"
            ).fetchall(),
            "answers": db.execute(
                "SELECT session_id, item_id, value, typeof(value), answered FROM answers"
                " ORDER BY session_id, item_id"
            ).fetchall(),
            "results": db.execute("SELECT * FROM results ORDER BY session_id").fetchall(),
            "banks": db.execute("SELECT * FROM banks ORDER BY hash").fetchall(),
        }
    finally:
        db.close()


@pytest.fixture
def v2_folder(tmp_path, bank, monkeypatch):
    """A data folder whose database a RoleFit with schema 2 wrote (the steps up to 2 only)."""
    monkeypatch.setattr(store_migrations, "MIGRATIONS", store_migrations.MIGRATIONS[:2])
    store = open_store(tmp_path).store
    done = store.start_session("short", bank, name="Ada", option_order={"crisis-role": ["a"]})
    for item in bank.forms["short"]:
        store.save_answer(done, item, 4 if bank.item(item).kind == "likert" else None)
    values = store.stored_answers(done)
    same = {item: 3 for item in bank.forms["short"] if bank.item(item).kind == "likert"}
    record = score_answers(bank, make_answers(bank, {**values, **same}, "short")).to_record()
    assert [f["code"] for f in record["flags"]] == ["straight-lining"]
    with store.unit_of_work() as conn:  # as schema 2's complete() did: no flags column
        top = results.headline(record)
        conn.execute(
            "UPDATE sessions SET status = 'completed', finished = started,"
            " recommendation = ?, confidence = ?, fit = ? WHERE id = ?",
            (*top, done),
        )
        conn.execute(
            "INSERT INTO results (session_id, record) VALUES (?, ?)",
            (done, results.encode(record)),
        )
    unfinished = store.start_session("full", bank, name="Grace")
    store.save_answer(unfinished, "hiring", 2)
    store.close()
    monkeypatch.undo()
    db = sqlite3.connect(tmp_path / DB_FILENAME)
    assert db.execute("PRAGMA user_version").fetchone()[0] == 2
    db.close()
    return tmp_path


def test_a_v2_database_migrates_with_every_row_intact(v2_folder):
    path = v2_folder / DB_FILENAME
    before = contents(path)
    opened = open_store(v2_folder)
    assert opened.problem is None and opened.moved_to is None
    opened.store.close()
    assert contents(path) == before
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == 3
    # An individual's sessions belong to no client, show their result, and have no notes.
    assert db.execute("SELECT client_id, client_sees_result, notes FROM sessions").fetchall() == [
        (None, 1, ""),
        (None, 1, ""),
    ]
    # The completed session's flags are copied from its record; the other has none yet.
    assert db.execute("SELECT flags FROM sessions ORDER BY id").fetchall() == [
        ("straight-lining",),
        (None,),
    ]
    for table in ("clients", "client_notes", "settings"):
        assert db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0
    db.close()
    (copy,) = v2_folder.glob(f"{DB_FILENAME}.before-v3-*")
    assert contents(copy) == before


def test_the_migrated_store_reads_and_writes_as_before(v2_folder, bank):
    store = open_store(v2_folder).store
    done, unfinished = store.sessions()
    assert (done.name, done.status, unfinished.answers) == ("Ada", "completed", {"hiring": 2})
    assert done.option_order == {"crisis-role": ("a",)}
    store.save_answer(unfinished.id, "hiring", 5)
    assert store.unfinished().answers == {"hiring": 5}


def test_a_010_database_reaches_version_3(tmp_path):
    shutil.copyfile(FIXTURE, tmp_path / DB_FILENAME)
    opened = open_store(tmp_path)
    records = opened.store.sessions()
    assert opened.problem is None and len(records) == 6
    opened.store.close()
    db = sqlite3.connect(tmp_path / DB_FILENAME)
    assert db.execute("PRAGMA user_version").fetchone()[0] == 3
    flags = dict(db.execute("SELECT id, flags FROM sessions"))
    for record in records:
        expected = [f["code"] for f in record.result["flags"]] if record.result else None
        assert (flags[record.id].split() if flags[record.id] is not None else None) == expected
    assert any(flags.values())  # 0.1.0's sessions did raise some
    assert db.execute("SELECT count(*) FROM sessions WHERE client_id IS NULL").fetchone() == (6,)
    # One copy, made before the first step that ran (2): not one per step.
    assert [p.name[:20] for p in tmp_path.glob("rolefit.db.before-*")] == ["rolefit.db.before-v2"]
