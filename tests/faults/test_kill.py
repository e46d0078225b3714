"""Killed mid-write: SIGKILL at random points while RoleFit writes; nothing acknowledged is lost.

A child process takes questionnaires through the same Quiz and Store the window uses,
starting sessions, answering, taking answers back and completing, and prints each write
only after it returned (acknowledged). The parent kills it with SIGKILL at a random
moment, then checks that every acknowledged write is in the database and that SQLite's
integrity check passes; the next child goes on in the same folder. ROLEFIT_KILLS sets the
number of kills (50 here; the soak in docs/reliability.md runs thousands).
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time

import pytest

from rolefit.store import DB_FILENAME, open_store

KILLS = int(os.environ.get("ROLEFIT_KILLS", "50"))

CHILD = textwrap.dedent(
    """
    import random, sys
    from pathlib import Path
    from rolefit.bank import load_default_bank
    from rolefit.quiz.model import Quiz
    from rolefit.store import open_store

    data, seed = Path(sys.argv[1]), int(sys.argv[2])
    rng = random.Random(seed)
    bank = load_default_bank()
    store = open_store(data).store
    print("ready", flush=True)
    while True:
        form = rng.choice(["full", "short"])
        quiz = Quiz.start(bank, form, store, name=f"run {seed}")
        for _ in range(rng.randint(1, len(quiz.items))):
            item = quiz.current
            if rng.random() < 0.1 and quiz.answer_of(item.id) is not None:
                print(f"try clear {quiz.session_id} {item.id}", flush=True)
                quiz.clear()
            else:
                if item.kind == "choice":
                    value = rng.choice([o.id for o in item.options])
                else:
                    value = rng.randint(1, 5)
                # A new questionnaire is stored with its first answer: until then, "new".
                print(f"try answer {quiz.session_id or 'new'} {item.id} {value}", flush=True)
                quiz.answer(value)
            assert quiz.save_problem is None, quiz.save_problem
            print(f"ok {quiz.session_id}", flush=True)  # acknowledged: the write has returned
        if rng.random() < 0.5 and quiz.answered_count:
            print(f"try complete {quiz.session_id}", flush=True)
            quiz.submit()
            print(f"ok {quiz.session_id}", flush=True)
    """
)


def apply(state, completed, operation):
    kind, session, *rest = operation
    session = int(session)
    if kind == "answer":
        state.setdefault(session, {})[rest[0]] = rest[1]
    elif kind == "clear":
        state.setdefault(session, {}).pop(rest[0], None)
    else:
        completed.add(session)


def run_until_killed(data, seed, rng):
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(data), str(seed)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        bufsize=0,  # unbuffered: reading "ready" must not swallow the lines after it
    )
    assert child.stdout is not None and child.stderr is not None
    assert child.stdout.readline().strip() == b"ready", child.stderr.read()
    time.sleep(rng.uniform(0.0, 0.25))  # a random point among the writes
    os.kill(child.pid, signal.SIGKILL)
    raw_out, raw_err = child.communicate(timeout=30)
    out, err = raw_out.decode(), raw_err.decode()
    assert child.returncode == -signal.SIGKILL, err
    acknowledged, in_flight = [], None
    for line in out.splitlines():
        if line.startswith("try "):
            in_flight = line.split()[1:]
        elif line.startswith("ok ") and in_flight is not None:
            in_flight[1] = line.split()[1]  # a new questionnaire's id, known once stored
            acknowledged.append(in_flight)
            in_flight = None
    return acknowledged, in_flight


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_every_acknowledged_write_survives_sigkill_at_random_points(tmp_path):
    rng = random.Random(20261122)
    data = tmp_path / "data"
    expected: dict[int, dict[str, str]] = {}  # session -> item -> value, as acknowledged
    completed: set[int] = set()
    in_flight = []  # per kill, the write that had begun and not returned
    for seed in range(KILLS):
        acknowledged, pending = run_until_killed(data, seed, rng)
        for operation in acknowledged:
            apply(expected, completed, operation)
        if pending is not None:
            in_flight.append(pending)
        db = sqlite3.connect(data / DB_FILENAME)
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok", seed
        db.close()
    opened = open_store(data)
    assert opened.problem is None  # never set aside: a killed writer is not damage
    stored = {s.id: s for s in opened.store.sessions()}
    # What is stored is what was acknowledged, each killed write applied or not at all.
    pending = {int(op[1]): op for op in in_flight if op[1] != "new"}
    first = [op for op in in_flight if op[1] == "new"]  # a first answer, under way
    unknown = [s for s in stored.values() if s.id not in expected and s.id not in pending]
    # A questionnaire killed during its first answer is stored whole with it, or not at all:
    # never an empty one.
    assert len(unknown) <= len(first), [u.id for u in unknown]
    for session in unknown:
        answers = {k: str(v) for k, v in session.answers.items()}
        assert any(answers == {op[2]: op[3]} for op in first), session.id
    for session_id in set(expected) | set(pending):
        found = {k: str(v) for k, v in stored[session_id].answers.items()}
        without = expected.get(session_id, {})
        with_it: dict[int, dict[str, str]] = {session_id: dict(without)}
        also: set[int] = set()
        if session_id in pending:
            apply(with_it, also, pending[session_id])
        assert found in (without, with_it[session_id]), session_id
    for session_id in completed:
        assert stored[session_id].status == "completed"
        assert stored[session_id].result is not None
    assert len(in_flight) > KILLS // 2  # most kills landed in the middle of a write
