"""Two RoleFits on one data folder, proved with real processes.

The data lock lets a second window say "RoleFit is already open on this folder"; and even
without it, two stores opening a new folder at the same moment never set a healthy
database aside, and every answer each saved is in the one database.
"""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time

import pytest

from rolefit.store import DB_FILENAME, acquire_data_lock, open_store

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX processes and flock")

HOLDER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from rolefit.store import acquire_data_lock
    lock = acquire_data_lock(Path(sys.argv[1]))
    print("acquired" if lock.acquired else "refused", flush=True)
    time.sleep(120)
    """
)


def start_holder(folder):
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(folder)], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout.readline().strip() == "acquired"
    return child


def stop(child):
    child.kill()
    child.wait(timeout=30)
    child.stdout.close()
    return child.returncode


def test_the_lock_says_who_holds_the_folder(tmp_path):
    child = start_holder(tmp_path)
    try:
        lock = acquire_data_lock(tmp_path)
        assert not lock.acquired and lock.holder == child.pid
    finally:
        stop(child)


def test_a_killed_holder_releases_the_folder(tmp_path):
    child = start_holder(tmp_path)
    assert stop(child) == -signal.SIGKILL
    with acquire_data_lock(tmp_path) as lock:
        assert lock.acquired and lock.holder is None
        assert (tmp_path / "rolefit.lock").read_text().strip() == str(os.getpid())
        assert not acquire_data_lock(tmp_path).acquired  # held: even within one process
    with acquire_data_lock(tmp_path) as again:  # released on close
        assert again.acquired


def test_the_lock_file_is_private(tmp_path):
    data = tmp_path / "new"
    with acquire_data_lock(data):
        assert (data / "rolefit.lock").stat().st_mode & 0o777 == 0o600
        assert data.stat().st_mode & 0o777 == 0o700


RACER = textwrap.dedent(
    """
    import json, os, random, sys, time
    from pathlib import Path
    from rolefit.bank import load_default_bank
    from rolefit.store import acquire_data_lock, open_store
    data, go, use_lock = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3] == "lock"
    bank = load_default_bank()
    while not go.exists():  # start at the same moment as the others
        time.sleep(0.0005)
    time.sleep(random.random() * 0.05)  # ... give or take: meet each other at every step
    lock = acquire_data_lock(data) if use_lock else None
    outcome = {"pid": os.getpid()}
    if lock is not None:
        outcome.update(acquired=lock.acquired, holder=lock.holder)
    if lock is None or lock.acquired:
        opened = open_store(data)
        outcome.update(problem=opened.problem, moved=str(opened.moved_to or ""))
        sid = opened.store.start_session("full", bank, name=f"pid {os.getpid()}")
        for n, item in enumerate(bank.forms["full"][:20]):
            opened.store.save_answer(sid, item, 1 + n % 5)
        opened.store.close()
        if lock is not None:
            time.sleep(0.5)  # hold the folder while the other tries
    print(json.dumps(outcome), flush=True)
    """
)


def race(folder, go, how, racers=2):
    children = [
        subprocess.Popen(
            [sys.executable, "-c", RACER, str(folder), str(go), how],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(racers)
    ]
    time.sleep(1.5)  # both have imported everything and are waiting
    go.touch()
    outcomes = []
    for child in children:
        out, err = child.communicate(timeout=60)
        assert child.returncode == 0, err
        outcomes.append(json.loads(out))
    return outcomes


@pytest.mark.parametrize("round_", range(4))
def test_stores_opening_a_new_folder_at_once(tmp_path, round_):
    """Without the lock: all open, none sets anything aside, every answer is saved.

    Racing four at a time found two ways a healthy new database looked damaged or busy:
    the version and the tables read in separate snapshots, and the switch to WAL
    answered "locked" at once while another process was reading.
    """
    data = tmp_path / "data"
    outcomes = race(data, tmp_path / "go", "no-lock", racers=4)
    assert [o["problem"] for o in outcomes] == [None] * 4
    assert sorted(p.name for p in data.iterdir() if not p.name.startswith(DB_FILENAME + "-")) == [
        DB_FILENAME
    ]
    db = sqlite3.connect(data / DB_FILENAME)
    rows = db.execute(
        "SELECT name, (SELECT count(*) FROM answers WHERE session_id = id) FROM sessions"
    )
    assert sorted(rows) == sorted((f"pid {o['pid']}", 20) for o in outcomes)


def test_with_the_lock_only_one_window_opens_the_folder(tmp_path):
    data = tmp_path / "data"
    first, second = race(data, tmp_path / "go", "lock")
    winner, loser = (first, second) if first["acquired"] else (second, first)
    assert winner["acquired"] and not loser["acquired"]
    assert loser["holder"] == winner["pid"]
    assert winner["problem"] is None and "problem" not in loser
    assert open_store(data).store.list_sessions()[0].answered == 20
