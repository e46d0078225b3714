"""Opening a database file: checked cheaply, migrated atomically, or refused in words.

What an open checks, and what it costs:

- always: the schema version, that the tables and columns that version promises exist
  (one query on the schema), and the first and last row of each table and index (a
  damaged root page). SQLite itself refuses a file that is not a database or is shorter
  than its header says. Milliseconds, whatever the size.
- only when a non-empty ``-wal`` is found (RoleFit did not close cleanly, or another
  program has the database open): the journal's header, then ``PRAGMA quick_check``
  through a read-only connection, so that a damaged database is set aside exactly as
  found, its journal not yet merged into it.

Errors are sorted by what they mean: ``DamagedError`` (set the file aside),
``NewerSchemaError``, ``BusyError`` and ``NotMigratedError`` (leave it exactly as it is).
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from pathlib import Path

from rolefit.store import files, schema
from rolefit.store.connection import (
    BUSY_TIMEOUT_MS,
    SQL_ERRORS,
    BusyError,
    Connect,
    DamagedError,
    Database,
    NewerSchemaError,
    NotMigratedError,
    StoreError,
    error_kind,
)
from rolefit.store.migrations import migrate, schema_version, user_version

DAMAGED = "the file of saved questionnaires is damaged"


def configure(conn: sqlite3.Connection) -> None:
    conn.isolation_level = None  # transactions are begun and ended by the store itself
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


def open_database(path: Path, connect: Connect) -> tuple[Database, str | None, Path | None]:
    """The database at ``path`` (created if missing), ready for the newest schema.

    Returns it with a note and a path when something had to be kept aside on the way
    (a damaged journal, with a copy of its database), else None and None.
    """
    if path.is_symlink():
        raise DamagedError(f"{path.name} is a link to another file, which RoleFit does not follow")
    note = kept = None
    if not files.create_private_file(path):
        wal_issue = files.wal_problem(path)
        if wal_issue is not None:
            kept = files.keep_damaged_wal(path)
            note = (
                f"{wal_issue}. RoleFit kept it, with a copy of the database, as {kept.name}, "
                "and opened the database as it was at its last complete save"
            )
        elif files.size_of(path.with_name(path.name + "-wal")) > 0:
            _check_before_merging(path, connect)
    conn = connect(str(path))
    try:
        _prepare(conn, path, connect)
    except BaseException as error:
        conn.close()
        cut = files.header_problem(path) if isinstance(error, DamagedError) else None
        if cut is not None:  # after close: reading the file would drop SQLite's locks
            raise DamagedError(f"{error}; {cut}") from error
        raise
    return Database(conn, path), note, kept


def _prepare(conn: sqlite3.Connection, path: Path | None, connect: Connect) -> None:
    """Check what is cheap to check, switch to WAL, and migrate."""
    configure(conn)
    try:
        version = check(conn)
        if path is not None:
            # Found sound: made private before anything is written to it (a file set
            # aside keeps the permissions it was found with).
            for companion in (path, *(path.with_name(path.name + s) for s in files.COMPANIONS)):
                files.make_owner_only(companion)
            _use_wal(conn)
        # In WAL mode, synchronous=NORMAL syncs only at checkpoints: a commit survives a
        # killed process but may be lost on power loss or an OS crash. FULL syncs the WAL
        # at every commit, so an answer shown as saved is on the disk. bench/store.py
        # measures what that costs per answer.
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
    except SQL_ERRORS.any as error:
        raise classified(error, "RoleFit cannot read its database") from error
    if version < schema_version():
        try:
            migrate(conn, path, connect)
        except SQL_ERRORS.any as error:
            if error_kind(error) == "damage":
                raise classified(error, "RoleFit cannot read its database") from error
            raise _not_migrated(error, path) from error
        except Exception as error:  # a step's own bug, a full disk: not the file's damage
            raise _not_migrated(error, path) from error


def _use_wal(conn: sqlite3.Connection) -> None:
    """Switch to the WAL journal (a database RoleFit made is in it already).

    Switching needs the database to itself for a moment, and SQLite answers "locked"
    at once, without waiting, when another connection is reading it: so wait here, as
    long as for any other lock.
    """
    if conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
        return
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except SQL_ERRORS.operational as error:
            if error_kind(error) != "busy" or time.monotonic() > deadline:
                raise
            time.sleep(0.005)


def check(conn: sqlite3.Connection) -> int:
    """The database's schema version, after the cheap checks; raises what they find.

    All in one read transaction: read in separate snapshots, the version and the tables
    of a database another process is creating or migrating at that moment could come
    from either side of its commit, and a healthy database would look damaged.
    """
    conn.execute("BEGIN")
    try:
        return _check(conn)
    finally:
        if conn.in_transaction:  # SQLite may have ended it already, after an error
            conn.execute("ROLLBACK")


def _check(conn: sqlite3.Connection) -> int:
    version = user_version(conn)
    if version > schema_version():
        raise NewerSchemaError(
            f"the database was written by a newer RoleFit (schema {version}, this one "
            f"knows {schema_version()})"
        )
    problem = schema.structure_problem(conn, version)
    if problem is not None:
        raise DamagedError(f"RoleFit cannot read its database: {problem}")
    schema.probe_tables(conn, version)
    return version


def quick_check(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute("PRAGMA quick_check(10)").fetchall()
    found = [str(r[0]) for r in rows]
    return [] if found == ["ok"] else found


def _check_before_merging(path: Path, connect: Connect) -> None:
    """Check a database left with a journal through a connection that cannot write.

    Closing a read-write connection merges the journal into the database; if the pair
    is damaged (or the journal belongs to another database), it must be set aside as
    found instead.
    """
    try:
        conn = connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    except SQL_ERRORS.any as error:
        raise classified(error, "RoleFit cannot read its database") from error
    try:
        configure(conn)
        check(conn)
        found = quick_check(conn)
        if found:
            raise DamagedError(
                f"{DAMAGED}: it was not closed properly, and SQLite's check found "
                f"{'; '.join(found[:3])}"
            )
    except SQL_ERRORS.any as error:
        raise classified(error, "RoleFit cannot read its database") from error
    finally:
        conn.close()


def classified(error: BaseException, what: str) -> StoreError:
    """An SQLite error at open, as the kind of ``StoreError`` it is, in words."""
    kind = error_kind(error)
    if kind == "damage":
        if "not a database" in str(error):
            return DamagedError(f"{what}: the file is not a database at all (SQLite: {error})")
        return DamagedError(f"{what}: {DAMAGED} (SQLite: {error})")
    if kind == "busy":
        return BusyError(
            f"another program is using RoleFit's database right now ({error}); "
            "RoleFit left it as it is"
        )
    return StoreError(f"{what}: {error}")


def _not_migrated(error: BaseException, path: Path | None) -> NotMigratedError:
    detail = str(error) or type(error).__name__
    return NotMigratedError(
        "RoleFit could not update its saved questionnaires to this version "
        f"({detail}). The file was left exactly as it was"
        + (f" ({path})" if path is not None else "")
    )


def open_in_memory(connect: Connect) -> Database:
    """An empty database in memory, for when no file can be used.

    If a migration step fails even here (a bug in that step), the database stays at the
    last version whose steps all worked: a store that works is better than none.
    """
    conn = connect(":memory:")
    with contextlib.suppress(NotMigratedError):
        _prepare(conn, None, connect)
    return Database(conn, None)
