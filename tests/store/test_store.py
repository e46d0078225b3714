"""The session store: answers survive, damage is set aside and reported, never lost."""

import json
import sqlite3

import pytest
from conftest import run_python

from rolefit.scoring import make_answers, score_answers
from rolefit.store import DB_FILENAME, open_store
from rolefit.store.migrations import SCHEMA_VERSION


def scored(bank, values, form="short"):
    return score_answers(bank, make_answers(bank, values, form))


def test_answers_are_stored_updated_and_removed(tmp_path, bank):
    store = open_store(tmp_path).store
    sid = store.start_session("full", bank, name="Ada")
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


def test_answers_keep_their_type(tmp_path, bank):
    """A scale answer comes back an int and an option id a str, stored as such."""
    store = open_store(tmp_path).store
    sid = store.start_session("full", bank)
    store.save_answer(sid, "hiring", 4)
    store.save_answer(sid, "first-task", "interviews")
    store.close()
    db = sqlite3.connect(tmp_path / DB_FILENAME)
    assert dict(db.execute("SELECT item_id, typeof(value) FROM answers")) == {
        "hiring": "integer",
        "first-task": "text",
    }
    answers = open_store(tmp_path).store.session(sid).answers
    assert type(answers["hiring"]) is int and type(answers["first-task"]) is str


def test_an_answer_is_a_number_or_an_option_id(tmp_path, bank):
    store = open_store(tmp_path).store
    sid = store.start_session("full", bank)
    for bad in (True, 2.5, ["a"]):
        with pytest.raises(TypeError):
            store.save_answer(sid, "hiring", bad)
    assert store.session(sid).answers == {}


def test_completed_sessions_are_listed_with_their_result(tmp_path, bank):
    store = open_store(tmp_path).store
    sid = store.start_session("short", bank)
    store.save_answer(sid, "hiring", 3)
    record = scored(bank, {"hiring": 3}).to_record()
    store.complete(sid, record)
    assert store.unfinished() is None
    (session,) = store.sessions()
    data = session.to_json()
    assert data["status"] == "completed" and data["finished"] is not None
    assert data["result"] == json.loads(json.dumps(record))
    assert data["bank"] == {"id": "management", "version": bank.version}
    assert data["answers"] == {"hiring": 3}


def test_a_result_must_be_a_record(tmp_path, bank):
    """Codes and numbers, never words: something else is refused, not stored."""
    store = open_store(tmp_path).store
    sid = store.start_session("short", bank)
    with pytest.raises(ValueError, match="not a result record"):
        store.complete(sid, {"recommendation": "general"})
    assert store.session(sid).status == "in-progress"


def test_discard_removes_a_session_and_its_answers(tmp_path, bank):
    store = open_store(tmp_path).store
    sid = store.start_session("full", bank)
    store.save_answer(sid, "hiring", 3)
    store.discard(sid)
    assert store.sessions() == []


def test_schema_version_wal_and_foreign_keys(tmp_path):
    open_store(tmp_path).store.close()
    db = sqlite3.connect(tmp_path / DB_FILENAME)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def traced(queries):
    """A ``connect`` that hands out its connections and records every statement run."""
    made = []

    def connect(database, *, uri=False):
        db = sqlite3.connect(database, uri=uri)
        db.set_trace_callback(queries.append)
        made.append(db)
        return db

    return connect, made


def test_answers_are_synced_to_disk_at_every_commit(tmp_path):
    """WAL with synchronous=FULL: an answer shown as saved survives a power cut."""
    connect, made = traced([])
    open_store(tmp_path, connect=connect)
    (db,) = made
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_a_session_keeps_the_bank_it_was_taken_with(tmp_path, bank):
    from rolefit.bank.normal import content_hash

    store = open_store(tmp_path).store
    first = store.start_session("full", bank)
    second = store.start_session("short", bank)
    store.close()
    store = open_store(tmp_path).store  # no cache: read back from the database
    one, two = store.session(first), store.session(second)
    assert one.bank_hash == two.bank_hash == content_hash(bank)
    kept = store.bank(one.bank_hash)
    assert kept == bank and kept is not bank
    assert store.bank(one.bank_hash) is kept  # read once per store
    db = sqlite3.connect(tmp_path / DB_FILENAME)
    assert db.execute("SELECT count(*) FROM banks").fetchone()[0] == 1  # one row per bank


def test_a_changed_bank_is_kept_beside_the_old_one(tmp_path, bank):
    from dataclasses import replace

    store = open_store(tmp_path).store
    old = store.start_session("full", bank)
    newer = replace(bank, version="9.9", title="Management, rewritten")
    new = store.start_session("full", newer)
    assert store.bank(store.session(old).bank_hash).version == bank.version
    assert store.bank(store.session(new).bank_hash).title == "Management, rewritten"


def test_option_order_is_kept_for_a_resumed_quiz(tmp_path, bank):
    order = {"first-task": ["stock-shortage", "interviews", "monthly-report"]}
    store = open_store(tmp_path).store
    sid = store.start_session("full", bank, option_order=order)
    store.close()
    record = open_store(tmp_path).store.unfinished()
    assert record.option_order == {"first-task": ("stock-shortage", "interviews", "monthly-report")}
    plain = open_store(tmp_path).store
    assert plain.session(plain.start_session("full", bank)).option_order is None
    assert sid != plain.unfinished().id


def test_a_form_the_bank_does_not_have_is_refused(tmp_path, bank):
    store = open_store(tmp_path).store
    with pytest.raises(ValueError, match="no form 'huge'"):
        store.start_session("huge", bank)
    assert store.sessions() == []


def test_times_are_stored_in_utc(tmp_path, bank):
    from datetime import datetime, timedelta, timezone

    store = open_store(tmp_path).store
    sid = store.start_session("short", bank)
    store.complete(sid, scored(bank, {"hiring": 3}).to_record())
    record = store.session(sid)
    for stamp in (record.started, record.finished):
        assert stamp.endswith("Z")
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
        assert abs(moment - datetime.now(timezone.utc)) < timedelta(minutes=1)


def test_times_are_shown_in_local_time():
    code = (
        "import os, time; os.environ['TZ'] = 'Asia/Kolkata'; time.tzset();"
        "from rolefit.store import local_time;"
        "print(local_time('2026-11-20T13:03:11Z'), local_time('2026-11-20T14:03:11+01:00'))"
    )
    assert run_python(code).split() == ["2026-11-20", "18:33", "2026-11-20", "18:33"]


def test_unfinished_sessions_newest_first(tmp_path, bank):
    store = open_store(tmp_path).store
    ids = [store.start_session("full", bank, name=n) for n in ("A", "B", "C")]
    done = store.start_session("short", bank)
    store.complete(done, scored(bank, {"hiring": 3}).to_record())
    assert [r.id for r in store.unfinished_sessions()] == ids[::-1]
    assert store.unfinished().id == ids[-1]


def test_list_sessions_without_answers(tmp_path, bank):
    store = open_store(tmp_path).store
    ada = store.start_session("short", bank, name="Ada")
    store.save_answer(ada, "hiring", 4)
    store.save_answer(ada, "staff-voice", 5)
    result = scored(bank, {"hiring": 4, "staff-voice": 5})
    store.complete(ada, result.to_record())
    other = store.start_session("full", bank, name="Grace")
    store.save_answer(other, "hiring", 1)
    again = store.start_session("full", bank, name="Ada")

    everyone = store.list_sessions()
    assert [s.id for s in everyone] == [ada, other, again]
    first = everyone[0]
    assert (first.answered, first.name, first.status) == (2, "Ada", "completed")
    assert first.recommendation == result.recommendation
    assert first.confidence == result.confidence
    assert first.fit == dict(result.fit)
    assert everyone[1].answered == 1 and everyone[1].recommendation is None
    assert [s.id for s in store.list_sessions(name="Ada")] == [ada, again]
    assert store.list_sessions(name="Nobody") == []


def test_sessions_reads_everything_in_two_queries(tmp_path, bank):
    queries = []
    connect, _ = traced(queries)
    store = open_store(tmp_path, connect=connect).store
    for n in range(5):
        sid = store.start_session("full", bank)
        store.save_answer(sid, "hiring", 1 + n % 5)
        if n % 2:
            store.complete(sid, scored(bank, {"hiring": 1 + n % 5}).to_record())

    def selects(read):
        queries.clear()
        found = read()
        return found, [q for q in queries if q.lstrip().upper().startswith("SELECT")]

    records, run = selects(store.sessions)
    assert len(records) == 5 and all(r.answers for r in records) and len(run) == 2
    summaries, run = selects(store.list_sessions)
    assert len(summaries) == 5 and len(run) == 1
    summaries, run = selects(lambda: store.list_sessions(name=""))
    assert len(summaries) == 5 and len(run) == 1


def test_a_unit_of_work_is_all_or_nothing(tmp_path, bank):
    store = open_store(tmp_path).store
    with pytest.raises(RuntimeError), store.unit_of_work():
        for name in ("one", "two", "three"):
            store.start_session("full", bank, name=name)
        raise RuntimeError("the 40th file does not read")
    assert store.sessions() == []
    with store.unit_of_work():
        for name in ("one", "two"):
            store.start_session("full", bank, name=name)
    assert [r.name for r in store.sessions()] == ["one", "two"]


def test_nested_units_roll_back_exactly_their_own_level(tmp_path, bank):
    store = open_store(tmp_path).store
    with store.unit_of_work():
        kept = store.start_session("full", bank, name="kept")
        with pytest.raises(KeyError), store.unit_of_work():
            store.save_answer(kept, "hiring", 5)
            with store.unit_of_work():
                store.save_answer(kept, "staff-voice", 1)
            raise KeyError("inner")
        store.save_answer(kept, "first-task", "interviews")
    record = store.session(kept)
    assert record.answers == {"first-task": "interviews"}
    # Not committed until the outermost unit ends: another connection sees nothing.
    with store.unit_of_work():
        store.save_answer(kept, "hiring", 2)
        other = sqlite3.connect(tmp_path / DB_FILENAME)
        assert other.execute("SELECT count(*) FROM answers").fetchone()[0] == 1
        other.close()
    assert store.session(kept).answers["hiring"] == 2


def test_an_outer_unit_undoes_inner_units_that_succeeded(tmp_path, bank):
    store = open_store(tmp_path).store
    with pytest.raises(ValueError), store.unit_of_work():
        with store.unit_of_work():
            store.start_session("full", bank)
        raise ValueError("later")
    assert store.sessions() == []


def test_integrity_check_on_request(tmp_path, bank):
    store = open_store(tmp_path).store
    store.start_session("full", bank)
    assert store.check_integrity() == []


def test_an_unusable_folder_falls_back_to_memory_and_says_so(tmp_path, bank):
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    opened = open_store(blocker / "data")
    assert opened.problem and "kept in memory only" in opened.problem
    sid = opened.store.start_session("full", bank)
    opened.store.save_answer(sid, "hiring", 1)
    assert opened.store.unfinished().answers == {"hiring": 1}


def test_the_connection_can_be_injected(tmp_path, bank):
    """An encrypted workspace opens through another DB-API module plus a key pragma."""
    made = []

    def connect(database, *, uri=False):
        db = sqlite3.connect(database, uri=uri)
        db.execute("PRAGMA cache_size = -4000")  # where sqlcipher would say PRAGMA key
        made.append(database)
        return db

    opened = open_store(tmp_path, connect=connect)
    assert opened.problem is None and made == [str(tmp_path / DB_FILENAME)]
    opened.store.start_session("full", bank)
    assert len(opened.store.sessions()) == 1


def test_store_does_not_import_qt():
    run_python("import sys, rolefit.store; assert not [m for m in sys.modules if 'PySide6' in m]")


def test_opening_the_store_loads_no_bank_model_or_json(tmp_path):
    """The window opens the store at start-up; the bank model and json load later."""
    open_store(tmp_path).store.close()
    code = (
        "import sys; from pathlib import Path; from rolefit.store import open_store;"
        "s = open_store(Path(sys.argv[1])).store; s.unfinished(); s.close();"
        "names = ('json', 'dataclasses', 'rolefit.bank.model');"
        "print(sorted(m for m in names if m in sys.modules))"
    )
    assert run_python(code, tmp_path).strip() == "[]"


def test_a_reading_inside_a_reading_shares_its_snapshot(tmp_path, bank):
    store = open_store(tmp_path).store
    sid = store.start_session("full", bank)
    with store.reading() as outer:
        with store.reading() as inner:
            assert inner is outer
            assert store.session(sid) is not None  # the store's own reads nest too
        assert outer.in_transaction
    assert not outer.in_transaction
