"""The store with a counsellor's years of records: opening, listing, and saving an answer.

Run:  python bench/store.py [--runs N] [--sessions N] [--answers N]

Builds once (cached in bench/out/, rebuilt when the schema or this builder changes) a
database of 20,000 sessions over 2,000 names, through the store's own API: nine in ten
full (56 answers), one in ten short (16), one in fifty still in progress, every
completed one with a real result record. Then it times, as medians of ``--runs``, each
against a baseline measured in the same run:

- ``open_store`` against a bare ``sqlite3.connect`` + ``SELECT 1``, and (no target) when
  a ``-wal`` is left beside the database, which adds a ``quick_check``;
- ``list_sessions(name=...)`` of one person, and ``list_sessions()`` of everyone, against
  a bare ``SELECT id FROM sessions`` (with the same WHERE);
- ``sessions()`` with every answer, for reference (nothing calls it at that size);
- the ways of reading a listing's headline numbers that were not chosen (JSON1 on the
  result records, Python's json on them), against the columns the store keeps;
- ``save_answer``, per answer, with ``synchronous`` FULL (what the store uses) and
  NORMAL, on the disk bench/out/ is on and on /dev/shm (memory: no real sync).

Targets (issue 8): opening and listing one person each under 50 ms, everyone under 500 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import sqlite3
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from rolefit.bank import ChoiceItem, load_default_bank
from rolefit.scoring import make_answers, score_answers
from rolefit.store import DB_FILENAME, open_store
from rolefit.store.migrations import SCHEMA_VERSION

OUT = Path(__file__).resolve().parent / "out"
BUILDER_VERSION = 1  # bump when the built database should change
PEOPLE = 2000


def median_ms(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def build(folder: Path, sessions: int) -> None:
    """The database, through the store's API, in units of 500 sessions."""
    bank = load_default_bank()
    rng = random.Random(8)
    pool = []  # answer sets and their records, reused: scoring 20,000 times adds nothing
    for n in range(200):
        form = "short" if n % 10 == 0 else "full"
        values: dict[str, int | str] = {}
        for item in bank.form_items(form):
            if isinstance(item, ChoiceItem):
                values[item.id] = rng.choice(item.options).id
            else:
                values[item.id] = rng.randint(1, 5)
        record = score_answers(bank, make_answers(bank, values, form)).to_record()
        pool.append((form, values, record))
    store = open_store(folder).store
    for start in range(0, sessions, 500):
        with store.unit_of_work():
            for n in range(start, min(start + 500, sessions)):
                form, values, record = pool[rng.randrange(len(pool))]
                sid = store.start_session(form, bank, name=f"Client {n % PEOPLE:04d}")
                for item, value in values.items():
                    store.save_answer(sid, item, value)
                if n % 50 != 7:
                    store.complete(sid, record)
    store.close()


def cached_database(sessions: int) -> Path:
    folder = OUT / f"store-{sessions}-v{SCHEMA_VERSION}-b{BUILDER_VERSION}"
    if not (folder / DB_FILENAME).exists():
        shutil.rmtree(folder, ignore_errors=True)
        partial = OUT / f"{folder.name}.partial"
        shutil.rmtree(partial, ignore_errors=True)
        partial.mkdir(parents=True)
        started = time.perf_counter()
        build(partial, sessions)
        partial.rename(folder)
        print(f"built {folder} in {time.perf_counter() - started:.0f} s")
    return folder


def reading(folder: Path, runs: int) -> None:
    path = folder / DB_FILENAME
    size = path.stat().st_size / 2**20

    def bare_open() -> None:
        db = sqlite3.connect(path)
        db.execute("SELECT 1").fetchone()
        db.close()

    def rolefit_open() -> None:
        open_store(folder).store.close()

    bare_open()
    rolefit_open()  # warm the page cache for both
    base, ours = median_ms(bare_open, runs), median_ms(rolefit_open, runs)
    print(f"database: {size:.0f} MiB")
    report("open_store", ours, base, "bare connect + SELECT 1", 50)

    # After an unclean end (or with another program using it) a -wal is left, and the
    # open adds a quick_check through a read-only connection: measured, not a target.
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("PRAGMA wal_autocheckpoint = 0")
    other.execute("UPDATE sessions SET position = position + 1 WHERE id = 1")
    assert (path.parent / f"{DB_FILENAME}-wal").stat().st_size > 0
    ours = median_ms(rolefit_open, max(3, runs // 4))
    other.execute("UPDATE sessions SET position = position - 1 WHERE id = 1")
    other.close()
    report("open_store with a -wal left (quick_check)", ours, base, "bare connect", None)

    store = open_store(folder).store
    bare = sqlite3.connect(path)
    count = bare.execute("SELECT count(*) FROM sessions").fetchone()[0]
    name = "Client 0042"
    one = len(store.list_sessions(name=name))
    base = median_ms(
        lambda: bare.execute("SELECT id FROM sessions WHERE name = ?", (name,)).fetchall(), runs
    )
    ours = median_ms(lambda: store.list_sessions(name=name), runs)
    report(
        f"list_sessions(name=...), {one} sessions", ours, base, "bare SELECT id ... WHERE name", 50
    )
    base = median_ms(lambda: bare.execute("SELECT id FROM sessions").fetchall(), runs)
    ours = median_ms(store.list_sessions, runs)
    report(f"list_sessions(), {count:,} sessions", ours, base, "bare SELECT id FROM sessions", 500)
    answers = bare.execute("SELECT count(*) FROM answers").fetchone()[0]
    ours = median_ms(store.sessions, max(3, runs // 4))
    report(
        f"sessions(), with {answers:,} answers", ours, base, "bare SELECT id FROM sessions", None
    )

    # What a listing's headline numbers would cost read from the result records instead.
    listing = (
        "SELECT s.id, s.status, s.started, s.finished, s.form, s.bank_id, s.bank_version,"
        " s.bank_hash, s.name, s.position,"
        " (SELECT count(*) FROM answers AS a WHERE a.session_id = s.id), {} FROM sessions AS s"
        " LEFT JOIN results AS r ON r.session_id = s.id ORDER BY s.started, s.id"
    )
    json1 = listing.format(
        "CASE WHEN json_valid(r.record) THEN json_extract(r.record, '$.recommendation',"
        " '$.confidence', '$.fit') END"
    )
    python = listing.format("r.record")

    def with_json1() -> None:
        for row in bare.execute(json1):
            if row[-1] is not None:
                json.loads(row[-1])

    def with_python() -> None:
        for row in bare.execute(python):
            if row[-1] is not None:
                record = json.loads(row[-1])
                (record["recommendation"], record["confidence"], record["fit"])

    fewer = max(3, runs // 4)
    for label, action in (("JSON1 json_extract", with_json1), ("Python json.loads", with_python)):
        ours = median_ms(action, fewer)
        report(f"  not chosen: headline via {label}", ours, base, "bare SELECT id", None)
    store.close()
    bare.close()


def saving(where: Path, label: str, answers: int) -> None:
    bank = load_default_bank()
    made: list[sqlite3.Connection] = []

    def connect(database: str, *, uri: bool = False) -> sqlite3.Connection:
        db = sqlite3.connect(database, uri=uri)
        made.append(db)
        return db

    results = {}
    for mode in ("FULL", "NORMAL"):
        folder = Path(tempfile.mkdtemp(prefix="rolefit-bench-", dir=where))
        try:
            made.clear()
            store = open_store(folder, connect=connect).store
            made[-1].execute(f"PRAGMA synchronous = {mode}")  # the store's own connection
            sid = store.start_session("full", bank)
            items = list(bank.forms["full"])
            times = []
            for n in range(answers):
                started = time.perf_counter()
                store.save_answer(sid, items[n % len(items)], 1 + n % 5)
                times.append(time.perf_counter() - started)
            store.close()
            results[mode] = statistics.median(times) * 1e6
        finally:
            shutil.rmtree(folder)
    full, normal = results["FULL"], results["NORMAL"]
    print(
        f"save_answer on {label}: FULL {full:.0f} us, NORMAL {normal:.0f} us per answer "
        f"(median of {answers}); FULL costs {full / normal:.2f}x NORMAL"
    )


def report(what: str, ours: float, base: float, baseline: str, target: float | None) -> None:
    verdict = ""
    if target is not None:
        verdict = f"; target {target:.0f} ms: {'met' if ours < target else 'NOT met'}"
    print(f"{what}: {ours:.1f} ms, {ours / base:.1f}x {baseline} ({base:.2f} ms){verdict}")


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        disk = (
            subprocess.run(
                ["df", "--output=fstype,source", str(OUT)], capture_output=True, text=True
            )
            .stdout.split("\n")[1]
            .split()
        )
    except (OSError, IndexError):
        disk = ["?"]
    return (
        f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, SQLite "
        f"{sqlite3.sqlite_version}; bench/out on {' '.join(disk)}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--sessions", type=int, default=20_000)
    parser.add_argument("--answers", type=int, default=200, help="answers timed per setting")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    print(machine())
    reading(cached_database(args.sessions), args.runs)
    saving(OUT, "the working disk", args.answers)
    if Path("/dev/shm").is_dir():
        saving(Path("/dev/shm"), "/dev/shm", args.answers)


if __name__ == "__main__":
    main()
