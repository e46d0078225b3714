"""One SQLite connection: its settings, units of work, and what its errors mean.

Everything the store does goes through a ``Database``: writes inside ``unit_of_work()``
(the outermost one is a ``BEGIN IMMEDIATE`` transaction, nested ones are savepoints, so a
caller can wrap many writes, "import these 40 files", in one all-or-nothing unit), reads
inside ``reading()`` (one snapshot for several queries). Both turn SQLite's errors into
``StoreError``s that say in words what happened, and run ``PRAGMA quick_check`` only when
SQLite has reported an error that might be damage.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from types import ModuleType
from typing import Protocol

# How long a write waits for another connection to finish before giving up.
BUSY_TIMEOUT_MS = 5000

# SQLite's primary result codes that mean the file itself is damaged or not a database.
SQLITE_CORRUPT = 11
SQLITE_NOTADB = 26
# ... and those that only mean "not now": another connection holds a lock.
SQLITE_BUSY = 5
SQLITE_LOCKED = 6


class Connect(Protocol):
    """Makes a DB-API connection, like ``sqlite3.connect`` (the default).

    Injectable so that the same store code can open an encrypted workspace through a
    library with sqlite3's interface (``sqlcipher3``) plus a ``PRAGMA key``.
    """

    def __call__(self, database: str, *, uri: bool = False) -> sqlite3.Connection: ...


def default_connect(database: str, *, uri: bool = False) -> sqlite3.Connection:
    return sqlite3.connect(database, uri=uri, check_same_thread=True)


class DriverErrors:
    """The exception classes of every DB-API module whose connections the store is given.

    sqlite3's own, and those of a module added with ``add``: ``sqlcipher3`` has the same
    interface but raises its own classes, which are not subclasses of sqlite3's. The store
    catches ``SQL_ERRORS.any`` (read when an error is being matched, so a module added
    after import is caught everywhere), rather than wrapping every connection and cursor.
    """

    def __init__(self) -> None:
        self.any: tuple[type[Exception], ...] = (sqlite3.Error,)
        self.operational: tuple[type[Exception], ...] = (sqlite3.OperationalError,)
        # Errors that say the code is wrong, not the file.
        self.bugs: tuple[type[Exception], ...] = (
            sqlite3.IntegrityError,
            sqlite3.ProgrammingError,
            sqlite3.InterfaceError,
        )

    def and_(self, *others: type[BaseException]) -> tuple[type[BaseException], ...]:
        """These errors and ``others``, for one ``except`` clause."""
        return (*others, *self.any)

    def add(self, module: ModuleType) -> None:
        """Catch ``module``'s errors too (a DB-API 2.0 module: ``module.Error`` etc.)."""
        if module.Error in self.any:
            return
        self.any += (module.Error,)
        self.operational += (module.OperationalError,)
        self.bugs += (module.IntegrityError, module.ProgrammingError, module.InterfaceError)


SQL_ERRORS = DriverErrors()


class StoreError(Exception):
    """The database cannot be used; the message says why in plain words."""


class NewerSchemaError(StoreError):
    """The database is fine, but written by a newer RoleFit than this one."""


class DamagedError(StoreError):
    """The file is damaged, not a database, or holds a schema RoleFit cannot read.

    Only this kind of error sets a database aside; ``moved_to`` says where, once it has.
    """

    def __init__(self, message: str, moved_to: Path | None = None) -> None:
        super().__init__(message)
        self.moved_to = moved_to


class BusyError(StoreError):
    """Another program holds the database right now; nothing is wrong with the file."""


class RecordError(StoreError):
    """One stored record cannot be read; the rest of the database is fine."""


class NotMigratedError(StoreError):
    """A healthy database could not be brought up to this version; it was left as it was."""


def error_kind(error: BaseException) -> str:
    """``"damage"``, ``"busy"`` or ``"other"`` for an exception from SQLite."""
    code = getattr(error, "sqlite_errorcode", None)  # Python 3.11+
    if isinstance(code, int):
        primary = code & 0xFF
        if primary in (SQLITE_CORRUPT, SQLITE_NOTADB):
            return "damage"
        if primary in (SQLITE_BUSY, SQLITE_LOCKED):
            return "busy"
        return "other"
    text = str(error).lower()  # Python 3.10: only the message says which error it was
    if "malformed" in text or "not a database" in text:
        return "damage"
    if "locked" in text or "busy" in text:
        return "busy"
    return "other"


def is_bug(error: BaseException) -> bool:
    """Errors that say the code is wrong, not the file: passed on untouched."""
    return isinstance(error, SQL_ERRORS.bugs)


def now_utc() -> str:
    """Now, as stored: UTC, ISO-8601, to the second, with ``Z``."""
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def local_time(stored: str, fmt: str = "%Y-%m-%d %H:%M") -> str:
    """A stored time (UTC, or any ISO-8601 with an offset) in the computer's local time."""
    text = stored[:-1] + "+00:00" if stored.endswith("Z") else stored  # 3.10's fromisoformat
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return stored
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone().strftime(fmt)


class Database:
    """A configured connection and the unit of work around it."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None, readonly: bool = False):
        self.conn = conn
        self.path = path  # None: in memory
        self.readonly = readonly
        self._depth = 0
        self._reads = 0  # 1 inside reading()
        self._identity = _identity(path) if path is not None else None

    @property
    def depth(self) -> int:
        return self._depth

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def unit_of_work(self) -> Iterator[sqlite3.Connection]:
        """All or nothing: commit at the end of the outermost unit, roll back on any error.

        Nested units are savepoints: an exception undoes exactly its own unit's writes,
        and the enclosing unit goes on (or not) as its own code decides.
        """
        if self.readonly:
            raise StoreError("the saved questionnaires were opened read-only")
        if self._depth > 0:
            yield from self._savepoint()
            return
        self.check_identity()
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            self._depth = 1
            try:
                yield self.conn
            finally:
                self._depth = 0
            self.conn.execute("COMMIT")
        except BaseException as error:
            self._rollback()
            if isinstance(error, SQL_ERRORS.any) and not is_bug(error):
                raise self.explain(error) from error
            raise

    def _savepoint(self) -> Iterator[sqlite3.Connection]:
        name = f"rolefit_unit_{self._depth}"
        self.conn.execute(f"SAVEPOINT {name}")
        self._depth += 1
        try:
            yield self.conn
        except BaseException:
            # SQLite itself rolls the whole transaction back after some errors (a full
            # disk, say); then there is no savepoint left to return to.
            if self.conn.in_transaction:
                self.conn.execute(f"ROLLBACK TO {name}")
                self.conn.execute(f"RELEASE {name}")
            raise
        else:
            self.conn.execute(f"RELEASE {name}")
        finally:
            self._depth -= 1

    def _rollback(self) -> None:
        try:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
        except SQL_ERRORS.any:
            pass  # the error being raised says more than this one would

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """One consistent snapshot for the queries inside (inside a unit of work: its own;
        inside another ``reading()``: the same snapshot, explained by the outer one)."""
        if self._depth > 0 or self._reads > 0:
            yield self.conn
            return
        self.check_identity()
        try:
            self.conn.execute("BEGIN")
            self._reads = 1
            try:
                yield self.conn
            finally:
                self._reads = 0
                self._rollback()  # a read transaction has nothing to commit
        except SQL_ERRORS.any as error:
            if is_bug(error):
                raise
            raise self.explain(error) from error

    def explain(self, error: Exception) -> StoreError:
        """The error in words; damage is confirmed by ``quick_check`` before it is called so."""
        kind = error_kind(error)
        if kind == "busy":
            return BusyError(
                "another program is using RoleFit's saved questionnaires right now "
                f"({error}); try again in a moment"
            )
        problems = self.quick_check()
        if problems:
            return DamagedError(
                f"the database of saved questionnaires is damaged ({error}; "
                f"SQLite's check found: {'; '.join(problems[:3])})"
            )
        return StoreError(f"SQLite could not do what was asked: {error}")

    def quick_check(self, limit: int = 10) -> list[str]:
        """``PRAGMA quick_check``: [] if it finds nothing wrong, else what it found."""
        try:
            rows = self.conn.execute(f"PRAGMA quick_check({int(limit)})").fetchall()
        except SQL_ERRORS.any as error:
            if error_kind(error) == "busy":
                return []  # cannot tell now; not evidence of damage
            return [str(error)]
        found = [str(r[0]) for r in rows]
        return [] if found == ["ok"] else found

    def integrity_check(self) -> list[str]:
        """The full ``PRAGMA integrity_check`` and the foreign keys, as sentences."""
        try:
            rows = self.conn.execute("PRAGMA integrity_check").fetchall()
            problems = [str(r[0]) for r in rows if r[0] != "ok"]
            for table, rowid, parent, _ in self.conn.execute("PRAGMA foreign_key_check"):
                problems.append(f"row {rowid} of {table} refers to a missing row of {parent}")
        except SQL_ERRORS.any as error:
            return [str(error)]
        return problems

    def check_identity(self) -> None:
        """Refuse to go on with a file that is no longer the one at ``path``.

        If another program renamed the database away (or put another in its place), the
        open connection would go on reading and writing the renamed file, silently.
        """
        if self.path is None or self._identity is None:
            return
        if _identity(self.path) != self._identity:
            raise StoreError(
                f"{self.path} was moved or replaced by another program while RoleFit was "
                "using it; close RoleFit and open it again"
            )


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_dev, status.st_ino
