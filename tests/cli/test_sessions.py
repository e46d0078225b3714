"""``rolefit sessions``: each result in its own bank's words, UTC in JSON, local on screen."""

import json
import os
import sqlite3
from dataclasses import replace

import pytest
from conftest import run_python
from scoring.respondents import respond

from rolefit.cli import main
from rolefit.scoring import make_answers, score_answers
from rolefit.store import DB_FILENAME, open_store
from rolefit.store.schema import V1_STATEMENTS


def completed(store, bank, values, form="short", name=""):
    sid = store.start_session(form, bank, name=name)
    for item, value in values.items():
        store.save_answer(sid, item, value)
    store.complete(sid, score_answers(bank, make_answers(bank, values, form)).to_record())
    return sid


def everything_under(folder):
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


@pytest.mark.parametrize("open_meanwhile", [False, True])
def test_a_folder_named_with_hash_question_mark_percent_and_spaces(
    tmp_path, bank, capsys, monkeypatch, open_meanwhile
):
    """The read-only open builds a proper file: URI; it used to list nothing and make files."""
    monkeypatch.chdir(tmp_path)
    data = tmp_path / "a #1? 100% sure"
    store = open_store(data).store
    completed(store, bank, {"hiring": 4}, name="Ada")
    if not open_meanwhile:
        store.close()  # else RoleFit is still open: its -wal and -shm are there
    before = everything_under(tmp_path)
    assert main(["sessions", "--data-dir", str(data), "--json"]) == 0
    (listed,) = json.loads(capsys.readouterr().out)
    assert listed["name"] == "Ada" and listed["result"]["summary"]
    assert everything_under(tmp_path) == before  # no stray file anywhere


def test_each_session_is_shown_in_the_words_of_its_own_bank(tmp_path, bank, capsys):
    """A later bank may rename a role; an old session still reads as it was taken."""
    roles = tuple(
        replace(r, title="Running the works") if r.id == "operations" else r for r in bank.roles
    )
    old_bank = replace(bank, version="0.9", roles=roles)
    store = open_store(tmp_path).store
    strong_ops = respond(bank, {"operations": 0.95, "business": 0.1, "general": 0.2})
    old = completed(store, old_bank, strong_ops, form="full")
    new = completed(store, bank, strong_ops, form="full")
    store.close()
    assert main(["sessions", "--data-dir", str(tmp_path), "--json"]) == 0
    listed = {s["id"]: s for s in json.loads(capsys.readouterr().out)}
    assert "running the works" in listed[old]["result"]["summary"]
    assert "operations management" in listed[new]["result"]["summary"]
    assert listed[old]["bank"] == {"id": "management", "version": "0.9"}
    assert main(["sessions", "--data-dir", str(tmp_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "running the works" in lines[0] and "operations management" in lines[1]


def test_a_session_without_a_kept_bank_is_read_with_the_shipped_one(tmp_path, capsys):
    """Only a session migrated from an unknown bank (no copy kept) falls back."""
    db = sqlite3.connect(tmp_path / DB_FILENAME)
    for statement in V1_STATEMENTS:
        db.execute(statement)
    old = {
        "recommendation": "general",
        "runner_up": "business",
        "confidence": "moderate",
        "margin": 8.0,
        "fit": {"operations": 40.0, "business": 52.0, "general": 60.0},
        "answered": 1,
        "total": 16,
        "flags": [],
        "reasons": [],
        "notes": [],
        "bank": {"id": "management", "version": "0.9"},
        "form": "short",
    }
    db.execute(
        "INSERT INTO sessions VALUES (1, 'completed', '2026-01-02T10:00:00+01:00',"
        " '2026-01-02T10:05:00+01:00', 'short', 'management', '0.9', '', 0, ?)",
        (json.dumps(old),),
    )
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()
    assert main(["sessions", "--data-dir", str(tmp_path), "--json"]) == 0
    (listed,) = json.loads(capsys.readouterr().out)
    assert listed["result"]["summary"].startswith("A moderate lean towards general management")
    assert (listed["started"], listed["finished"]) == (
        "2026-01-02T09:00:00Z",
        "2026-01-02T09:05:00Z",
    )


LISTING = """
import os, sys, time
os.environ["TZ"] = "Asia/Kolkata"
time.tzset()
from rolefit.cli import main
main(["sessions", "--data-dir", sys.argv[1]])
"""


def test_the_listing_shows_local_times_and_json_utc(tmp_path, bank, capsys):
    store = open_store(tmp_path).store
    sid = completed(store, bank, {"hiring": 4})
    started = store.session(sid).started
    store.close()
    assert main(["sessions", "--data-dir", str(tmp_path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["started"] == started  # UTC, with Z
    assert started.endswith("Z")
    from datetime import datetime, timedelta

    utc = datetime.fromisoformat(started.replace("Z", "+00:00"))
    kolkata = (utc + timedelta(hours=5, minutes=30)).strftime("%Y-%m-%d %H:%M")
    assert run_python(LISTING, tmp_path).startswith(f"#{sid} {kolkata} completed")


def test_a_missing_data_folder_lists_nothing_and_creates_nothing(tmp_path, capsys):
    data = tmp_path / "never made"
    assert main(["sessions", "--data-dir", str(data)]) == 0
    assert "No sessions stored" in capsys.readouterr().out
    assert not data.exists() and os.listdir(tmp_path) == []
