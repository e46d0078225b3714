"""Migrations: a RoleFit 0.1.0 database opens with everything; a failing step changes nothing."""

import hashlib
import json
import shutil
import sqlite3
import stat
from datetime import datetime
from pathlib import Path

import pytest

from rolefit.bank.normal import bank_from_json, bank_to_json
from rolefit.cli import main
from rolefit.scoring import Result, make_answers
from rolefit.store import DB_FILENAME, open_store, read_store, upgrade_v1
from rolefit.store import migrations as store_migrations
from rolefit.store.schema import V1_STATEMENTS
from rolefit.wording import result_words

FIXTURE = Path(__file__).parent / "data" / "rolefit-0.1.0.db"
MANAGEMENT_1_0 = "43e7637708ef986749de3a63d79f7a21afa00ee54d080bc5471b6b8d96c34a64"


@pytest.fixture
def v010(tmp_path):
    """A copy of the database RoleFit 0.1.0 wrote, in a data folder of its own."""
    data = tmp_path / "data"
    data.mkdir()
    shutil.copyfile(FIXTURE, data / DB_FILENAME)
    return data


OLD_COLUMNS = (
    *("id", "status", "started", "finished", "form"),
    *("bank_id", "bank_version", "name", "position"),
)


def old_contents(path):
    """What 0.1.0 stored, read with plain SQL: sessions by id, answers decoded."""
    db = sqlite3.connect(f"{path.resolve().as_uri()}?immutable=1", uri=True)
    sessions = {}
    for row in db.execute(
        "SELECT id, status, started, finished, form, bank_id, bank_version, name, position,"
        " result FROM sessions"
    ):
        sessions[row[0]] = dict(
            zip(OLD_COLUMNS, row[:9], strict=True),
            result=json.loads(row[9]) if row[9] else None,
            answers={},
        )
    for session_id, item, value in db.execute("SELECT session_id, item_id, value FROM answers"):
        sessions[session_id]["answers"][item] = json.loads(value)
    db.close()
    return sessions


def dump(path):
    # immutable: a read-only connection would leave a -wal and -shm beside the file
    db = sqlite3.connect(f"{path.resolve().as_uri()}?immutable=1", uri=True)
    try:
        return list(db.iterdump())
    finally:
        db.close()


def same_moment(utc, local):
    assert utc.endswith("Z")
    assert datetime.fromisoformat(utc.replace("Z", "+00:00")) == datetime.fromisoformat(local)


def test_the_fixture_is_what_010_wrote():
    old = old_contents(FIXTURE)
    assert len(old) == 6 and sum(s["status"] == "completed" for s in old.values()) == 5
    assert all(s["started"].endswith(("+01:00", "+02:00")) for s in old.values())
    db = sqlite3.connect(f"{FIXTURE.resolve().as_uri()}?immutable=1", uri=True)
    assert db.execute("PRAGMA user_version").fetchone()[0] == 1
    assert not FIXTURE.with_name(FIXTURE.name + "-wal").exists()


def test_a_010_database_opens_with_every_session_and_answer(v010, bank):
    old = old_contents(v010 / DB_FILENAME)
    opened = open_store(v010)
    assert opened.problem is None and opened.moved_to is None
    store = opened.store
    records = {r.id: r for r in store.sessions()}
    assert set(records) == set(old)
    for session_id, was in old.items():
        record = records[session_id]
        assert record.problem is None
        for key in ("status", "form", "bank_id", "bank_version", "name", "position"):
            assert getattr(record, key) == was[key], key
        assert dict(record.answers) == was["answers"]
        assert all(type(v) in (int, str) for v in record.answers.values())
        same_moment(record.started, was["started"])
        if was["finished"]:
            same_moment(record.finished, was["finished"])
        assert record.bank_hash == MANAGEMENT_1_0
    db = sqlite3.connect(v010 / DB_FILENAME)
    assert db.execute("PRAGMA user_version").fetchone()[0] == store_migrations.SCHEMA_VERSION
    assert db.execute("SELECT count(*) FROM banks").fetchone()[0] == 1


def test_a_010_result_reads_as_a_record_with_the_sessions_own_bank(v010):
    old = old_contents(v010 / DB_FILENAME)
    store = open_store(v010).store
    for record in store.sessions():
        if record.status != "completed":
            continue
        was = old[record.id]["result"]
        bank = store.bank(record.bank_hash)
        result = Result.from_record(record.result)
        words = result_words(bank, result)
        assert words.headline == was["summary"].split(" None of the roles")[0]
        assert result.low_interest == ("None of the roles appeals" in was["summary"])
        assert dict(result.fit) == was["fit"]
        assert result.flag_codes() == tuple(was["flags"])
        for flag in words.flags:  # the flags whose facts were only in 0.1.0's words
            if flag.code in ("incomplete", "straight-lining"):
                old_words = was["flag_messages"][flag.code].replace(
                    "Go back and answer the questions you skipped to firm it up.",
                    "Answering the questions you skipped would firm it up.",  # reworded since
                )
                assert flag.message == old_words
        assert list(words.notes) == was["notes"]
        assert [(r.role, r.item, r.effect) for r in result.reasons] == [
            (r["role"], r["item"], r["effect"]) for r in was["reasons"]
        ]
        assert all(r.answer == record.answers[r.item] for r in result.reasons)
        # The result stays what 0.1.0 said, though RoleFit now scores by another method:
        # the record is shown, never scored again behind the person's back.
        assert (result.recommendation, result.confidence) == (
            was["recommendation"],
            was["confidence"],
        )


def test_the_unfinished_010_session_resumes(v010):
    store = open_store(v010).store
    record = store.unfinished()
    assert (record.name, record.form, record.position) == ("Grace Hopper", "full", 20)
    bank = store.bank(record.bank_hash)
    answers = make_answers(bank, record.answers, record.form)
    assert len(answers.values) == len(record.answers) == 20


def test_a_copy_is_kept_before_migrating(v010):
    before = dump(v010 / DB_FILENAME)
    open_store(v010).store.close()
    (copy,) = v010.glob("rolefit.db.before-v2-*")
    assert copy.name.endswith("Z")
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert dump(copy) == before
    assert not list(v010.glob(".*partial*"))


def test_the_shipped_bank_of_010_is_stable():
    """The normal form of bank management 1.0, as 0.1.0 shipped it, never changes."""
    path = Path(store_migrations.__file__).parent / "banks" / "management-1.0.json"
    text = path.read_text(encoding="utf-8").rstrip("\n")
    assert hashlib.sha256(text.encode("utf-8")).hexdigest() == MANAGEMENT_1_0
    bank = bank_from_json(json.loads(text))
    assert (bank.id, bank.version) == ("management", "1.0")
    # It reads back as the same content (the normal form of later versions adds keys, so
    # the bank's hash made anew may differ; what was stored does not).
    again, stored = bank_to_json(bank), json.loads(text)
    for key in ("title", "scale", "roles", "role_details", "tasks", "items", "forms", "notes"):
        assert again[key] == stored[key], key


def test_rolefit_sessions_reads_a_010_database_without_changing_it(v010, capsys):
    path = v010 / DB_FILENAME
    before = path.read_bytes()
    assert main(["sessions", "--data-dir", str(v010), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert len(listed) == 6 and all(s["started"].endswith("Z") for s in listed)
    assert listed[0]["result"]["summary"].startswith("A strong fit for operations management.")
    assert path.read_bytes() == before and sorted(p.name for p in v010.iterdir()) == [DB_FILENAME]


def fail_halfway(monkeypatch):
    """Make migration 2 fail halfway: its new tables built and every row copied, it meets
    the first result to convert (an empty database, which has none, still migrates)."""

    def broken(old, answers, bank):
        raise RuntimeError("the disk was unplugged")

    monkeypatch.setattr(upgrade_v1, "convert_result", broken)


def test_a_failing_step_leaves_the_database_exactly_as_it_was(v010, monkeypatch, bank):
    path = v010 / DB_FILENAME
    before_bytes, before_dump = path.read_bytes(), dump(path)
    fail_halfway(monkeypatch)
    opened = open_store(v010)
    assert opened.moved_to is None
    assert "could not update" in opened.problem and "left exactly as it was" in opened.problem
    assert "the disk was unplugged" in opened.problem
    assert "kept in memory only" in opened.problem
    sid = opened.store.start_session("full", bank)  # the person can still go on
    opened.store.save_answer(sid, "hiring", 3)
    opened.store.close()
    assert path.read_bytes() == before_bytes
    assert dump(path) == before_dump
    assert sorted(p.name for p in v010.iterdir()) == [DB_FILENAME]  # nothing set aside

    monkeypatch.undo()  # the next RoleFit (or a fixed one) migrates it
    again = open_store(v010)
    assert again.problem is None and len(again.store.sessions()) == 6


def test_a_failing_later_step_keeps_the_steps_before_it(tmp_path, monkeypatch, bank):
    store = open_store(tmp_path).store
    sid = store.start_session("full", bank, name="Ada")
    store.save_answer(sid, "hiring", 4)
    store.close()
    path = tmp_path / DB_FILENAME
    before = dump(path)

    current = store_migrations.SCHEMA_VERSION

    def next_step(db):
        db.execute("CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT NOT NULL)")
        db.execute("INSERT INTO people (name) SELECT DISTINCT name FROM sessions")
        raise sqlite3.OperationalError("halfway through the next step")

    monkeypatch.setattr(store_migrations, "MIGRATIONS", [*store_migrations.MIGRATIONS, next_step])
    opened = open_store(tmp_path)
    assert opened.moved_to is None and "halfway through the next step" in opened.problem
    assert dump(path) == before
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == current
    assert not list(tmp_path.glob("rolefit.db.before-*"))  # the copy went with the failure


def test_a_new_step_is_one_function_added(tmp_path, monkeypatch, bank):
    store = open_store(tmp_path).store
    store.start_session("full", bank, name="Ada")
    store.close()

    following = store_migrations.SCHEMA_VERSION + 1

    def next_step(db):
        db.execute("CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT NOT NULL)")
        db.execute("INSERT INTO people (name) SELECT DISTINCT name FROM sessions")

    monkeypatch.setattr(store_migrations, "MIGRATIONS", [*store_migrations.MIGRATIONS, next_step])
    opened = open_store(tmp_path)
    assert opened.problem is None
    db = sqlite3.connect(tmp_path / DB_FILENAME)
    assert db.execute("PRAGMA user_version").fetchone()[0] == following
    assert db.execute("SELECT name FROM people").fetchall() == [("Ada",)]
    assert len(list(tmp_path.glob(f"rolefit.db.before-v{following}-*"))) == 1


def v1_database(path, sessions, answers):
    db = sqlite3.connect(path)
    for statement in V1_STATEMENTS:
        db.execute(statement)
    db.execute("PRAGMA user_version = 1")
    db.executemany(
        "INSERT INTO sessions (id, status, started, finished, form, bank_id, bank_version,"
        " name, position, result) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        sessions,
    )
    db.executemany("INSERT INTO answers VALUES (?, ?, ?, '2026-01-02T10:00:00+01:00')", answers)
    db.commit()
    db.close()


def test_sessions_of_an_unknown_bank_and_damaged_rows_are_kept(tmp_path):
    old_result = {
        "recommendation": "sales",
        "runner_up": "support",
        "confidence": "close",
        "margin": 1.0,
        "summary": "A close call.",
        "fit": {"sales": 50.0, "support": 49.0},
        "flags": [],
        "flag_messages": {},
        "answered": 2,
        "total": 2,
        "reasons": [{"role": "sales", "item": "q1", "direction": "raised", "effect": 3.0}],
        "levels": {},
        "breadth": 0.0,
        "dimensions": {},
        "notes": ["A note only that bank had."],
        "bank": {"id": "sales", "version": "3.1"},
        "form": "full",
    }
    when = "2026-01-02T10:00:00+01:00"
    v1_database(
        tmp_path / DB_FILENAME,
        [
            (1, "completed", when, when, "full", "sales", "3.1", "", 2, json.dumps(old_result)),
            (2, "completed", when, when, "full", "management", "1.0", "", 0, "{not json"),
            (3, "in-progress", when, None, "full", "management", "1.0", "", 0, None),
        ],
        [(1, "q1", "4"), (1, "q2", '"yes"'), (3, "hiring", "3.5"), (3, "staff-voice", "oops")],
    )
    opened = open_store(tmp_path)
    assert opened.problem is None
    store = opened.store
    other, unreadable, damaged = store.sessions()
    assert other.bank_hash is None and store.bank(other.bank_hash) is None
    assert other.problem is None and other.answers == {"q1": 4, "q2": "yes"}
    result = Result.from_record(other.result)
    assert result.reasons[0].answer == 4 and other.result["old_notes"] == old_result["notes"]
    assert unreadable.result is None and "not readable JSON" in unreadable.problem
    assert damaged.answers == {} and "'hiring'" in damaged.problem
    assert "'staff-voice'" in damaged.problem
    listed = store.list_sessions()
    assert [s.problem is not None for s in listed] == [False, True, False]
    # Nothing is lost: the damaged values are still in the file as they were.
    db = sqlite3.connect(tmp_path / DB_FILENAME)
    assert db.execute("SELECT record FROM results WHERE session_id = 2").fetchone() == (
        "{not json",
    )
    assert sorted(db.execute("SELECT CAST(value AS TEXT) FROM answers WHERE session_id = 3")) == [
        ("3.5",),
        ("oops",),
    ]


def test_read_store_migrates_an_old_database_in_memory_only(v010):
    before = (v010 / DB_FILENAME).read_bytes()
    with read_store(v010) as store:
        assert len(store.sessions()) == 6
        assert store.bank(MANAGEMENT_1_0).version == "1.0"
    assert (v010 / DB_FILENAME).read_bytes() == before


def test_rolefit_sessions_says_when_an_old_database_cannot_be_read(v010, monkeypatch, capsys):
    before = (v010 / DB_FILENAME).read_bytes()
    fail_halfway(monkeypatch)
    assert main(["sessions", "--data-dir", str(v010), "--json"]) == 1
    assert "the disk was unplugged" in capsys.readouterr().err
    assert (v010 / DB_FILENAME).read_bytes() == before
