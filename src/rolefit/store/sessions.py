"""Sessions and answers in SQLite, with a schema version and ordered migrations."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from rolefit.bank.model import Bank

DB_FILENAME = "rolefit.db"


class StoreError(Exception):
    """The database cannot be used; the message says why in plain words."""


class NewerSchemaError(StoreError):
    """The database is fine, but written by a newer RoleFit than this one."""


def _v1(db: sqlite3.Connection) -> None:
    db.executescript(
        """
        CREATE TABLE sessions (
            id INTEGER PRIMARY KEY,
            status TEXT NOT NULL CHECK (status IN ('in-progress', 'completed')),
            started TEXT NOT NULL,
            finished TEXT,
            form TEXT NOT NULL,
            bank_id TEXT NOT NULL,
            bank_version TEXT NOT NULL,
            name TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL DEFAULT 0,
            result TEXT
        );
        CREATE TABLE answers (
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            item_id TEXT NOT NULL,
            value TEXT NOT NULL,
            answered TEXT NOT NULL,
            PRIMARY KEY (session_id, item_id)
        );
        CREATE INDEX sessions_by_status ON sessions(status, started);
        """
    )


# Ordered; migration N brings the schema from version N-1 to N. Never edit a released one.
MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_v1]
SCHEMA_VERSION = len(MIGRATIONS)


def _encode(value: object) -> str:
    # json is imported on first use: opening the store at start-up does not need it.
    import json

    return json.dumps(value)


def _decode(text: str) -> Any:
    import json

    return json.loads(text)


def now_iso() -> str:
    return datetime.now(timezone.utc).astimezone().isoformat(timespec="seconds")


# Records are NamedTuples, not dataclasses: the window starts without importing
# ``dataclasses`` (docs/performance.md).
class SessionRecord(NamedTuple):
    id: int
    status: str
    started: str
    finished: str | None
    form: str
    bank_id: str
    bank_version: str
    name: str
    position: int
    answers: Mapping[str, int | str]
    result: Mapping[str, Any] | None

    def to_json(self) -> dict[str, Any]:
        """The ``rolefit sessions --json`` shape (a contract: keys are only ever added)."""
        return {
            "id": self.id,
            "status": self.status,
            "started": self.started,
            "finished": self.finished,
            "form": self.form,
            "bank": {"id": self.bank_id, "version": self.bank_version},
            "name": self.name,
            "answers": dict(self.answers),
            "result": dict(self.result) if self.result is not None else None,
        }


class Store:
    def __init__(self, db: sqlite3.Connection, path: Path) -> None:
        self._db = db
        self.path = path

    def close(self) -> None:
        self._db.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Commit on success, roll back on any error; a failed write raises ``StoreError``."""
        try:
            self._db.execute("BEGIN IMMEDIATE")
            yield self._db
        except sqlite3.Error as error:
            if self._db.in_transaction:
                self._db.rollback()
            raise StoreError(str(error)) from error
        except BaseException:
            if self._db.in_transaction:
                self._db.rollback()
            raise
        else:
            try:
                self._db.commit()
            except sqlite3.Error as error:
                raise StoreError(str(error)) from error

    def start_session(
        self, form: str, bank: Bank | str, bank_version: str = "", *, name: str = ""
    ) -> int:
        bank_id = bank if isinstance(bank, str) else bank.id
        if not isinstance(bank, str):
            bank_version = bank.version
        with self.transaction() as db:
            cursor = db.execute(
                "INSERT INTO sessions (status, started, form, bank_id, bank_version, name)"
                " VALUES ('in-progress', ?, ?, ?, ?, ?)",
                (now_iso(), form, bank_id, bank_version, name),
            )
            assert cursor.lastrowid is not None
            return cursor.lastrowid

    def save_answer(self, session_id: int, item_id: str, value: int | str | None) -> None:
        """Store (or, with None, remove) one answer at once."""
        with self.transaction() as db:
            if value is None:
                db.execute(
                    "DELETE FROM answers WHERE session_id = ? AND item_id = ?",
                    (session_id, item_id),
                )
            else:
                db.execute(
                    "INSERT INTO answers (session_id, item_id, value, answered) VALUES (?, ?, ?, ?)"
                    " ON CONFLICT (session_id, item_id) DO UPDATE SET value = excluded.value,"
                    " answered = excluded.answered",
                    (session_id, item_id, _encode(value), now_iso()),
                )

    def save_position(self, session_id: int, position: int) -> None:
        with self.transaction() as db:
            db.execute("UPDATE sessions SET position = ? WHERE id = ?", (position, session_id))

    def complete(self, session_id: int, result: Mapping[str, Any]) -> None:
        with self.transaction() as db:
            db.execute(
                "UPDATE sessions SET status = 'completed', finished = ?, result = ? WHERE id = ?",
                (now_iso(), _encode(result), session_id),
            )

    def discard(self, session_id: int) -> None:
        with self.transaction() as db:
            db.execute("DELETE FROM sessions WHERE id = ?", (session_id,))

    def stored_answers(self, session_id: int) -> dict[str, int | str]:
        return {
            item: _decode(value)
            for item, value in self._db.execute(
                "SELECT item_id, value FROM answers WHERE session_id = ? ORDER BY rowid",
                (session_id,),
            )
        }

    def unfinished_sessions(self) -> list[SessionRecord]:
        """Every in-progress session, newest first."""
        rows = self._db.execute(
            "SELECT id FROM sessions WHERE status = 'in-progress' ORDER BY started DESC, id DESC"
        ).fetchall()
        return [s for s in (self.session(r[0]) for r in rows) if s is not None]

    def unfinished(self) -> SessionRecord | None:
        """The most recent in-progress session, if any."""
        row = self._db.execute(
            "SELECT id FROM sessions WHERE status = 'in-progress' ORDER BY started DESC, id DESC"
            " LIMIT 1"
        ).fetchone()
        return self.session(row[0]) if row else None

    def session(self, session_id: int) -> SessionRecord | None:
        row = self._db.execute(
            "SELECT id, status, started, finished, form, bank_id, bank_version, name, position,"
            " result FROM sessions WHERE id = ?",
            (session_id,),
        ).fetchone()
        if row is None:
            return None
        answers = {
            item: _decode(value)
            for item, value in self._db.execute(
                "SELECT item_id, value FROM answers WHERE session_id = ? ORDER BY rowid",
                (session_id,),
            )
        }
        return SessionRecord(
            id=row[0],
            status=row[1],
            started=row[2],
            finished=row[3],
            form=row[4],
            bank_id=row[5],
            bank_version=row[6],
            name=row[7],
            position=row[8],
            answers=answers,
            result=_decode(row[9]) if row[9] else None,
        )

    def sessions(self) -> list[SessionRecord]:
        ids = [r[0] for r in self._db.execute("SELECT id FROM sessions ORDER BY started, id")]
        return [s for s in (self.session(i) for i in ids) if s is not None]


class OpenedStore(NamedTuple):
    """A usable store, and what went wrong with the previous file if it had to be set aside."""

    store: Store
    problem: str | None = None
    moved_to: Path | None = None


def open_store(data_dir: Path) -> OpenedStore:
    """Open (or create) the database in ``data_dir``; never raises.

    A damaged or unreadable database is never silently replaced or deleted: it is renamed
    to ``rolefit.db.damaged-<time>`` (``.newer-<time>`` if a newer RoleFit wrote it) beside
    the new one, and the reason is returned so the app can say what happened. If even that
    fails (a read-only folder, say), the answers are kept in memory and the problem says so.
    """
    path = data_dir / DB_FILENAME
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        return OpenedStore(_connect(path))
    except (sqlite3.DatabaseError, StoreError, OSError) as error:
        reason = _plain(error)
        label = "newer" if isinstance(error, NewerSchemaError) else "damaged"
    try:
        moved = _set_aside(path, label) if path.exists() else None
        return OpenedStore(_connect(path), problem=reason, moved_to=moved)
    except (sqlite3.DatabaseError, StoreError, OSError) as error:
        problem = (
            f"{reason}; it could not be set aside either ({_plain(error)}), so this "
            "session's answers are kept in memory only and will be lost when RoleFit "
            "closes"
        )
        return OpenedStore(_connect(Path(":memory:")), problem=problem)


def read_sessions(data_dir: Path) -> list[SessionRecord]:
    """Every stored session, without changing anything on disk (for listings and exports).

    Raises ``StoreError`` if the database cannot be read; a missing one has no sessions.
    """
    path = data_dir / DB_FILENAME
    if not path.exists():
        return []
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None)
    except sqlite3.Error as error:
        raise StoreError(f"{path}: {error}") from None
    try:
        check = db.execute("PRAGMA quick_check").fetchone()
        if check is None or check[0] != "ok":
            raise StoreError(f"{path}: the database failed its integrity check")
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version == 0:
            return []
        if version != SCHEMA_VERSION:
            raise StoreError(
                f"{path}: schema version {version}, this RoleFit reads "
                f"{SCHEMA_VERSION}; open it with a matching RoleFit"
            )
        return Store(db, path).sessions()
    except sqlite3.Error as error:
        raise StoreError(f"{path}: {error}") from None
    finally:
        db.close()


def _set_aside(path: Path, label: str) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    moved = path.with_name(f"{DB_FILENAME}.{label}-{stamp}")
    n = 1
    while moved.exists():
        n += 1
        moved = path.with_name(f"{DB_FILENAME}.{label}-{stamp}-{n}")
    path.rename(moved)
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.rename(moved.with_name(moved.name + suffix))
    return moved


def _plain(error: BaseException) -> str:
    if isinstance(error, OSError) and error.strerror:
        return f"{error.strerror}: {error.filename}" if error.filename else error.strerror
    return str(error) or type(error).__name__


def _connect(path: Path) -> Store:
    db = sqlite3.connect(str(path), isolation_level=None, timeout=5)
    try:
        db.execute("PRAGMA foreign_keys = ON")
        check = db.execute("PRAGMA quick_check").fetchone()
        if check is None or check[0] != "ok":
            raise StoreError(f"the database failed its integrity check ({check and check[0]})")
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise NewerSchemaError(
                f"the database was written by a newer RoleFit (schema {version}, this one "
                f"knows {SCHEMA_VERSION})"
            )
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
        for number in range(version, SCHEMA_VERSION):
            db.execute("BEGIN IMMEDIATE")
            try:
                MIGRATIONS[number](db)
                db.execute(f"PRAGMA user_version = {number + 1}")
            except BaseException:
                db.rollback()
                raise
            db.commit()
    except BaseException:
        db.close()
        raise
    return Store(db, path)
