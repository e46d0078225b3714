"""Damage: each kind opens, is told in words, is kept aside whole, and loses nothing else.

Only real damage sets a database aside (not a database, corrupt, a schema RoleFit cannot
read). A busy database, one another program renamed, one damaged row: each is reported,
and the file stays where and as it is.
"""

import json
import os
import random
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from rolefit.cli import main
from rolefit.scoring import make_answers, score_answers
from rolefit.store import DB_FILENAME, DamagedError, RecordError, StoreError, open_store
from rolefit.store import opening as store_opening
from rolefit.store.migrations import SCHEMA_VERSION

PAGE = 4096


def fill(folder, bank, sessions=40, marker=None):
    """A closed, checkpointed store with ``sessions`` completed sessions; their ids."""
    store = open_store(folder).store
    ids = []
    result = score_answers(bank, make_answers(bank, {"hiring": 4}, "short")).to_record()
    for n in range(sessions):
        sid = store.start_session("full", bank, name=f"Person {n}")
        with store.unit_of_work():
            for item in bank.forms["full"]:
                store.save_answer(sid, item, 1 + n % 5)
            if marker and n == sessions // 2:
                store.save_answer(sid, marker, 1)
            store.complete(sid, result)
        ids.append(sid)
    store.close()
    assert not (folder / f"{DB_FILENAME}-wal").exists()
    return ids


def set_aside_whole(opened, folder, original):
    """The file was moved aside byte for byte, and a fresh, working store is open."""
    assert opened.moved_to is not None and opened.moved_to.parent == folder
    assert opened.moved_to.name.startswith(f"{DB_FILENAME}.damaged-")
    assert opened.moved_to.read_bytes() == original
    assert opened.store.sessions() == []
    return opened.moved_to


def test_a_truncated_file(tmp_path, bank):
    fill(tmp_path, bank)
    path = tmp_path / DB_FILENAME
    cut = path.read_bytes()[: path.stat().st_size // 2]
    path.write_bytes(cut)
    opened = open_store(tmp_path)
    assert "cut short" in opened.problem and "damaged" in opened.problem
    set_aside_whole(opened, tmp_path, cut)


def test_random_bytes_over_the_header(tmp_path, bank):
    fill(tmp_path, bank)
    path = tmp_path / DB_FILENAME
    data = bytearray(path.read_bytes())
    data[:100] = random.Random(7).randbytes(100)
    path.write_bytes(bytes(data))
    opened = open_store(tmp_path)
    assert "not a database" in opened.problem
    set_aside_whole(opened, tmp_path, bytes(data))


def zero_page(path, number):
    with open(path, "r+b") as file:
        file.seek((number - 1) * PAGE)
        file.write(bytes(PAGE))


def test_a_zeroed_page_at_the_root_of_a_table(tmp_path, bank):
    fill(tmp_path, bank)
    path = tmp_path / DB_FILENAME
    db = sqlite3.connect(path)
    (root,) = db.execute("SELECT rootpage FROM sqlite_master WHERE name = 'sessions'").fetchone()
    db.close()
    zero_page(path, root)
    damaged = path.read_bytes()
    opened = open_store(tmp_path)
    assert "malformed" in opened.problem
    set_aside_whole(opened, tmp_path, damaged)


def test_a_zeroed_page_deep_in_the_file_is_found_when_first_read(tmp_path, bank):
    """Opening checks only what is cheap; the first read of the page finds the damage."""
    fill(tmp_path, bank, sessions=200, marker="marker-item")
    path = tmp_path / DB_FILENAME
    data = path.read_bytes()
    zero_page(path, data.index(b"marker-item") // PAGE + 1)
    damaged = path.read_bytes()
    opened = open_store(tmp_path)
    assert opened.problem is None
    store = opened.store
    with pytest.raises(DamagedError) as raised:
        store.sessions()
    message = str(raised.value)
    assert "damaged" in message and "kept the damaged file as" in message
    assert raised.value.moved_to.read_bytes() == damaged
    assert store.sessions() == []  # goes on with a new, empty database
    sid = store.start_session("full", bank)
    store.save_answer(sid, "hiring", 2)
    assert store.unfinished().answers == {"hiring": 2}


def test_a_database_from_a_newer_rolefit_is_set_aside_as_newer(tmp_path):
    db = sqlite3.connect(tmp_path / DB_FILENAME)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    db.close()
    opened = open_store(tmp_path)
    assert "newer RoleFit" in opened.problem
    assert opened.moved_to.name.startswith("rolefit.db.newer-")


def test_a_damaged_database_is_set_aside_reported_and_kept(tmp_path, bank):
    damaged = b"this is not a database, but it is someone's file" * 100
    (tmp_path / DB_FILENAME).write_bytes(damaged)
    opened = open_store(tmp_path)
    assert opened.problem and "not a database" in opened.problem
    assert opened.moved_to is not None and opened.moved_to.name.startswith("rolefit.db.damaged-")
    assert opened.moved_to.read_bytes() == damaged  # nothing lost
    sid = opened.store.start_session("full", bank)  # and the person continues
    opened.store.save_answer(sid, "hiring", 2)
    assert opened.store.unfinished().answers == {"hiring": 2}


def test_a_schema_version_without_its_tables(tmp_path, bank):
    fill(tmp_path, bank, sessions=2)
    db = sqlite3.connect(tmp_path / DB_FILENAME)
    db.execute("DROP TABLE answers")
    db.commit()
    db.close()
    original = (tmp_path / DB_FILENAME).read_bytes()
    opened = open_store(tmp_path)
    assert f"version {SCHEMA_VERSION}" in opened.problem
    assert "'answers' is missing" in opened.problem
    set_aside_whole(opened, tmp_path, original)


def test_a_database_that_is_not_rolefits(tmp_path):
    db = sqlite3.connect(tmp_path / DB_FILENAME)
    db.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY)")
    db.commit()
    db.close()
    opened = open_store(tmp_path)
    assert "not RoleFit's" in opened.problem and opened.moved_to is not None


def test_a_damaged_wal_is_kept_with_a_copy_of_its_database(tmp_path, bank):
    ids = fill(tmp_path, bank, sessions=3)
    path = tmp_path / DB_FILENAME
    garbage = random.Random(3).randbytes(5000)
    (tmp_path / f"{DB_FILENAME}-wal").write_bytes(garbage)
    (tmp_path / f"{DB_FILENAME}-shm").write_bytes(bytes(32768))
    database = path.read_bytes()
    opened = open_store(tmp_path)
    assert "journal file (-wal)" in opened.problem
    kept = opened.moved_to
    assert kept.read_bytes() == database
    assert kept.with_name(kept.name + "-wal").read_bytes() == garbage
    assert kept.with_name(kept.name + "-shm").exists()
    # The database itself was sound: every session is still there, and it goes on.
    assert [r.id for r in opened.store.sessions()] == ids
    opened.store.save_answer(ids[0], "hiring", 1)


def stray_wal(tmp_path, bank):
    """The -wal of another RoleFit database, caught before it was checkpointed."""
    other = tmp_path / "other"
    other.mkdir()
    fill(other, bank, sessions=30)
    db = sqlite3.connect(other / DB_FILENAME)
    db.execute("PRAGMA wal_autocheckpoint = 0")
    db.execute("DELETE FROM answers WHERE session_id % 2 = 0")
    db.execute("UPDATE sessions SET name = 'Someone else'")
    db.commit()
    wal = (other / f"{DB_FILENAME}-wal").read_bytes()
    db.close()
    return wal


def test_a_stray_wal_of_another_database_is_kept_aside_with_it(tmp_path, bank):
    data = tmp_path / "data"
    data.mkdir()
    fill(data, bank, sessions=3)
    wal = stray_wal(tmp_path, bank)
    database = (data / DB_FILENAME).read_bytes()
    (data / f"{DB_FILENAME}-wal").write_bytes(wal)
    opened = open_store(data)
    assert opened.problem and "damaged" in opened.problem
    moved = set_aside_whole(opened, data, database)  # exactly as found: not merged
    assert moved.with_name(moved.name + "-wal").read_bytes() == wal


def test_a_process_killed_mid_write_leaves_nothing_to_report(tmp_path, bank):
    """A -wal left by a killed RoleFit is SQLite's to recover: no problem, nothing lost."""
    ids = fill(tmp_path, bank, sessions=2)
    child = textwrap.dedent(
        """
        import os, signal, sys
        from pathlib import Path
        from rolefit.store import open_store
        store = open_store(Path(sys.argv[1])).store
        for n in range(1, 30):
            store.save_answer(int(sys.argv[2]), f"extra-{n}", n)
        os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    done = subprocess.run([sys.executable, "-c", child, str(tmp_path), str(ids[0])], timeout=60)
    assert done.returncode == -9
    assert (tmp_path / f"{DB_FILENAME}-wal").stat().st_size > 0
    opened = open_store(tmp_path)
    assert opened.problem is None and opened.moved_to is None
    assert opened.store.session(ids[0]).answers["extra-29"] == 29


def test_a_busy_database_is_never_set_aside(tmp_path, bank, monkeypatch):
    """The root cause of a healthy database set aside when two windows started at once."""
    fill(tmp_path, bank, sessions=1)
    path = tmp_path / DB_FILENAME
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA journal_mode = DELETE")  # as a database copied in from elsewhere
    holder.execute("BEGIN EXCLUSIVE")
    monkeypatch.setattr(store_opening, "BUSY_TIMEOUT_MS", 200)
    before = path.read_bytes()
    opened = open_store(tmp_path)
    holder.execute("ROLLBACK")
    holder.close()
    assert opened.moved_to is None and "another program is using" in opened.problem
    assert "kept in memory only" in opened.problem
    assert path.read_bytes() == before
    assert not list(tmp_path.glob("rolefit.db.*"))


def test_a_database_renamed_away_is_not_written_to(tmp_path, bank):
    """Never keep writing into a file another program has moved (set aside, say)."""
    store = open_store(tmp_path).store
    sid = store.start_session("full", bank)
    store.save_answer(sid, "hiring", 1)
    moved = tmp_path / "elsewhere.db"
    for suffix in ("", "-wal", "-shm"):
        os.rename(tmp_path / (DB_FILENAME + suffix), tmp_path / ("elsewhere.db" + suffix))
    with pytest.raises(StoreError, match="moved or replaced"):
        store.save_answer(sid, "hiring", 5)
    with pytest.raises(StoreError, match="moved or replaced"):
        store.sessions()
    store.close()
    db = sqlite3.connect(moved)
    assert db.execute("SELECT value FROM answers").fetchall() == [(1,)]


def damaged_rows(folder, bank):
    """Three completed sessions and one in progress; one answer, one result, one bank broken."""
    from dataclasses import replace

    store = open_store(folder).store
    record = score_answers(bank, make_answers(bank, {"hiring": 4}, "short")).to_record()
    other = replace(bank, version="1.1")
    ids = [store.start_session("short", b) for b in (bank, bank, other)]
    for sid in ids:
        store.save_answer(sid, "hiring", 4)
        store.complete(sid, record)
    unfinished = store.start_session("full", bank, name="Ada")
    store.save_answer(unfinished, "hiring", 3)
    store.save_answer(unfinished, "staff-voice", 2)
    store.close()
    db = sqlite3.connect(folder / DB_FILENAME)
    db.execute(
        "UPDATE answers SET value = 2.5 WHERE session_id = ? AND item_id = 'hiring'", (unfinished,)
    )
    db.execute("UPDATE results SET record = '[1, 2]' WHERE session_id = ?", (ids[1],))
    db.execute("UPDATE banks SET content = content || ' ' WHERE version = '1.1'")
    db.commit()
    db.close()
    return ids, unfinished


def test_a_damaged_row_is_reported_and_the_rest_still_works(tmp_path, bank):
    (fine, bad_result, bad_bank), unfinished = damaged_rows(tmp_path, bank)
    opened = open_store(tmp_path)
    assert opened.problem is None and opened.moved_to is None
    store = opened.store
    records = {r.id: r for r in store.sessions()}
    assert records[fine].problem is None and records[fine].result is not None
    assert records[bad_result].result is None
    assert "not a record" in records[bad_result].problem
    assert records[unfinished].answers == {"staff-voice": 2}
    assert "'hiring'" in records[unfinished].problem and "2.5" in records[unfinished].problem
    assert store.bank(records[fine].bank_hash).version == bank.version
    with pytest.raises(RecordError, match="question bank 'management' 1.1 is damaged"):
        store.bank(records[bad_bank].bank_hash)
    assert store.unfinished().id == unfinished  # the window still starts, and resumes
    summaries = {s.id: s for s in store.list_sessions()}
    assert summaries[fine].problem is None and summaries[bad_result].problem is None
    store.save_answer(unfinished, "hiring", 5)  # a new answer replaces the damaged one
    assert store.session(unfinished).problem is None


def test_rolefit_sessions_lists_what_it_can_and_says_what_it_cannot(tmp_path, bank, capsys):
    (fine, bad_result, bad_bank), unfinished = damaged_rows(tmp_path, bank)
    assert main(["sessions", "--data-dir", str(tmp_path), "--json"]) == 1
    captured = capsys.readouterr()
    listed = {s["id"]: s for s in json.loads(captured.out)}
    assert set(listed) == {fine, bad_result, bad_bank, unfinished}
    assert listed[fine]["result"]["summary"] and "problem" not in listed[fine]
    assert listed[bad_result]["result"] is None and listed[bad_bank]["result"] is None
    for sid in (bad_result, bad_bank, unfinished):
        assert f"session #{sid}: " in captured.err
    assert "question bank 'management' 1.1 is damaged" in captured.err

    assert main(["sessions", "--data-dir", str(tmp_path)]) == 1
    captured = capsys.readouterr()
    assert captured.out.count("\n") == 4 and "(result cannot be shown)" in captured.out
    (line,) = [x for x in captured.out.splitlines() if x.startswith(f"#{fine} ")]
    assert line.endswith(listed[fine]["result"]["summary"].split(". ")[0] + ".")
