"""Ordered schema migrations: each step is one transaction, with a copy kept before.

``MIGRATIONS[n]`` brings a database from version n to n + 1. A step runs its statements
one by one on the open transaction and the runner sets ``user_version`` in the same
transaction, so a step that fails anywhere leaves the database exactly as it was. Before
the first step on an existing database, a copy is made with SQLite's backup API. Never
edit a released step; add one (a v3 is a new function appended to ``MIGRATIONS``, and its
tables in ``schema.TABLES``).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rolefit.store import schema
from rolefit.store.connection import Connect, StoreError
from rolefit.store.files import create_private_file, free_name, fsync_file, sync_folder, utc_stamp

Step = Callable[[sqlite3.Connection], None]


def _v1(db: sqlite3.Connection) -> None:
    for statement in schema.V1_STATEMENTS:
        db.execute(statement)


# A time as 0.1.0 wrote it (local, with its offset) in UTC; left alone if it does not read.
_UTC = "COALESCE(strftime('%Y-%m-%dT%H:%M:%SZ', {0}), {0})"
# An answer as 0.1.0 wrote it (JSON text) in its own type; anything but a JSON number or
# string is kept, as a BLOB, for the reader to report instead of guessing.
_NATIVE = (
    "CASE WHEN json_valid(value) THEN CASE json_type(value)"
    " WHEN 'integer' THEN json_extract(value, '$') WHEN 'text' THEN json_extract(value, '$')"
    " ELSE CAST(value AS BLOB) END ELSE CAST(value AS BLOB) END"
)


def _v2(db: sqlite3.Connection) -> None:
    """Banks kept with sessions, results as records, native answers, times in UTC."""
    from rolefit.store import banks  # only a migration needs these (start-up is timed)

    db.execute(schema.V2_BANKS)
    db.execute(schema.V2_SESSIONS.format(name="sessions_v2"))
    db.execute(schema.V2_RESULTS)
    db.execute(schema.V2_ANSWERS.format(name="answers_v2"))

    known: dict[tuple[str, str], str] = {}
    used = db.execute("SELECT DISTINCT bank_id, bank_version FROM sessions").fetchall()
    for bank_id, version in used:
        snapshot = banks.shipped_snapshot(bank_id, version)
        if snapshot is not None:
            digest, text = snapshot
            banks.register(db, digest, bank_id, version, text)
            known[(bank_id, version)] = digest
    db.execute(
        "INSERT INTO sessions_v2 (id, status, started, finished, form, bank_id, bank_version,"
        " name, position) SELECT id, status, "
        + _UTC.format("started")
        + ", "
        + _UTC.format("finished")
        + ", form, bank_id, bank_version, name, position FROM sessions"
    )
    for (bank_id, version), digest in known.items():
        db.execute(
            "UPDATE sessions_v2 SET bank_hash = ? WHERE bank_id = ? AND bank_version = ?",
            (digest, bank_id, version),
        )
    db.execute(
        "INSERT INTO answers_v2 (session_id, item_id, value, answered) SELECT session_id,"
        f" item_id, {_NATIVE}, {_UTC.format('answered')} FROM answers ORDER BY rowid"
    )
    _v2_results(db, known)
    db.execute("DROP TABLE answers")
    db.execute("DROP TABLE sessions")
    db.execute("ALTER TABLE sessions_v2 RENAME TO sessions")
    db.execute("ALTER TABLE answers_v2 RENAME TO answers")
    for statement in schema.V2_INDEXES:
        db.execute(statement)


def _v2_results(db: sqlite3.Connection, known: dict[tuple[str, str], str]) -> None:
    import json

    from rolefit.store import results, upgrade_v1

    normal_forms: dict[tuple[str, str], dict[str, Any]] = {}
    for key, digest in known.items():
        (content,) = db.execute("SELECT content FROM banks WHERE hash = ?", (digest,)).fetchone()
        normal_forms[key] = json.loads(content)
    rows = db.execute(
        "SELECT id, result, bank_id, bank_version FROM sessions WHERE result IS NOT NULL"
    ).fetchall()
    for session_id, text, bank_id, version in rows:
        answers = dict(
            db.execute(
                "SELECT item_id, value FROM answers_v2 WHERE session_id = ?", (session_id,)
            ).fetchall()
        )
        try:
            old = json.loads(text)
        except (TypeError, ValueError, RecursionError):
            old = None
        record = upgrade_v1.convert_result(old, answers, normal_forms.get((bank_id, version)))
        if record is None or results.record_problem(record) is not None:
            # Not a 0.1.0 result: kept as it was, and reported as a problem when read.
            db.execute("INSERT INTO results (session_id, record) VALUES (?, ?)", (session_id, text))
            continue
        db.execute(
            "INSERT INTO results (session_id, record) VALUES (?, ?)",
            (session_id, results.encode(record)),
        )
        top = results.headline(record)
        db.execute(
            "UPDATE sessions_v2 SET recommendation = ?, confidence = ?, fit = ? WHERE id = ?",
            (*top, session_id),
        )


def _v3(db: sqlite3.Connection) -> None:
    """Clients, their notes, sessions linked to them, session notes and flags, settings."""
    for statement in schema.V3_STATEMENTS:
        db.execute(statement)
    db.execute(schema.V3_FLAGS)


# Ordered; never edit a released step.
MIGRATIONS: list[Step] = [_v1, _v2, _v3]
SCHEMA_VERSION = len(MIGRATIONS)  # the version this RoleFit writes


def schema_version() -> int:
    """``SCHEMA_VERSION``, read at call time (so a test can add a failing step)."""
    return len(MIGRATIONS)


def user_version(db: sqlite3.Connection) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def migrate(db: sqlite3.Connection, path: Path | None, connect: Connect) -> Path | None:
    """Run the missing steps; return the copy kept before them, if one was needed.

    A copy is made of a database that holds sessions (a new or empty one has nothing to
    lose). Each step re-reads the version inside its own ``BEGIN IMMEDIATE`` transaction,
    so two processes opening a folder at the same moment never run a step twice. If a
    step fails, it is rolled back and the error raised. A copy is removed again when
    this call changed nothing (the database is then exactly what was copied).
    """
    target = schema_version()
    start = user_version(db)
    if start >= target:
        return None
    copy = None
    if start >= 1 and path is not None and _holds_sessions(db):
        copy = keep_copy(db, path, start + 1, connect)
    # Tables are rebuilt (create, copy, drop, rename), which foreign keys would turn into
    # cascading deletes; SQLite's documented procedure turns them off around it and checks
    # them before each commit. The pragma does nothing inside a transaction.
    db.execute("PRAGMA foreign_keys = OFF")
    ran = 0
    try:
        while _step(db, target):
            ran += 1
    finally:
        db.execute("PRAGMA foreign_keys = ON")
        if copy is not None and ran == 0:  # failed, or another process had done it
            copy.unlink(missing_ok=True)
            copy = None
    return copy


def _holds_sessions(db: sqlite3.Connection) -> bool:
    return bool(db.execute("SELECT EXISTS (SELECT 1 FROM sessions)").fetchone()[0])


def _step(db: sqlite3.Connection, target: int) -> bool:
    """Run the next step in one transaction; False when there is none left."""
    db.execute("BEGIN IMMEDIATE")
    try:
        version = user_version(db)
        if version >= target:
            db.execute("ROLLBACK")
            return False
        MIGRATIONS[version](db)
        broken = db.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise StoreError(
                f"migration {version + 1} would leave {len(broken)} rows pointing at nothing"
            )
        db.execute(f"PRAGMA user_version = {version + 1}")
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise
    return True


def keep_copy(db: sqlite3.Connection, path: Path, next_version: int, connect: Connect) -> Path:
    """Copy the database with SQLite's backup API to ``<name>.before-v<N>-<UTC time>``.

    Written to a temporary owner-only file in the same folder, synced, then renamed into
    place: the copy is whole or absent.
    """
    final = free_name(path.parent, f"{path.name}.before-v{next_version}-{utc_stamp()}")
    temporary = free_name(path.parent, f".{final.name}.partial")
    if not create_private_file(temporary):
        raise FileExistsError(17, "File exists", str(temporary))
    try:
        target = connect(str(temporary))
        try:
            db.backup(target)
        finally:
            target.close()
        fsync_file(temporary)
        os.replace(temporary, final)
    except BaseException:
        for leftover in (temporary, temporary.with_name(temporary.name + "-journal")):
            leftover.unlink(missing_ok=True)
        raise
    sync_folder(path.parent)
    return final
