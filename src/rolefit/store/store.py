"""The store: what the window and the command line call, and how it is opened."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, NamedTuple

from rolefit.store import files, schema, sessions
from rolefit.store.connection import (
    SQL_ERRORS,
    Connect,
    DamagedError,
    Database,
    NewerSchemaError,
    StoreError,
    default_connect,
)
from rolefit.store.migrations import migrate, schema_version
from rolefit.store.opening import check, classified, configure, open_database, open_in_memory
from rolefit.store.sessions import DB_FILENAME, AnswerValue, SessionRecord, SessionSummary

if TYPE_CHECKING:
    from rolefit.bank.model import Bank
    from rolefit.store.banks import BankSnapshot


class Store:
    """Sessions, answers, results and banks in one SQLite database.

    Every write method runs in ``unit_of_work()``, so several calls wrapped in an outer
    ``with store.unit_of_work():`` are saved together or not at all.
    """

    def __init__(self, db: Database, connect: Connect = default_connect) -> None:
        self._db = db
        self._connect = connect
        self._snapshots: BankSnapshot | None = None  # made when a session first starts
        self._banks: dict[str, Bank] = {}

    @property
    def path(self) -> Path | None:
        """The database file; None for a store kept in memory."""
        return self._db.path

    @property
    def database(self) -> Database:
        """The connection in use (after damage was set aside in use, the new one): for the
        layers that add to the store, such as re-keying an encrypted workspace."""
        return self._db

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # -- units of work ----------------------------------------------------------------------

    @contextmanager
    def unit_of_work(self) -> Iterator[sqlite3.Connection]:
        """All the writes inside are saved together, or (on any exception) none of them.

        Nested units are savepoints: an exception leaving one undoes only its writes.
        Yields the connection, for the layers above the store that keep tables of their
        own in the same database (rolefit.workspace); its writes belong to the unit.
        """
        outermost = self._db.depth == 0
        try:
            with self._db.unit_of_work() as conn:
                yield conn
        except DamagedError as error:
            if outermost:
                raise self._set_aside(error) from error
            raise

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """One consistent snapshot for the queries inside, with the store's damage handling."""
        with self._reading() as conn:
            yield conn

    def copy_to(self, target: sqlite3.Connection) -> None:
        """A consistent copy of the whole database into ``target``, with SQLite's online
        backup (other connections may go on writing meanwhile)."""
        if self._db.depth > 0:
            raise StoreError("a copy cannot be made inside a unit of work")
        self._db.check_identity()
        try:
            self._db.conn.backup(target)
        except SQL_ERRORS.any as error:
            raise self._db.explain(error) from error

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        outermost = self._db.depth == 0
        try:
            with self._db.reading() as conn:
                yield conn
        except DamagedError as error:
            if outermost:
                raise self._set_aside(error) from error
            raise

    def _set_aside(self, error: DamagedError) -> DamagedError:
        """Damage found in use: keep the file aside and go on with a new, empty one."""
        path = self._db.path
        if path is None or self._db.readonly:
            return error
        self._db.close()
        try:
            moved = files.set_aside(path, "damaged")
            self._db, _note, _kept = open_database(path, self._connect)
        except SQL_ERRORS.and_(StoreError, OSError) as again:
            self._db = open_in_memory(self._connect)
            return DamagedError(
                f"{error}. It could not be set aside ({again}), so answers from now on are "
                "kept in memory only and will be lost when RoleFit closes"
            )
        return DamagedError(
            f"{error}. RoleFit kept the damaged file as {moved.name} and goes on with a new, "
            "empty one; what was being saved just now was not saved",
            moved_to=moved,
        )

    # -- writing ----------------------------------------------------------------------------

    def start_session(
        self,
        form: str,
        bank: Bank,
        name: str = "",
        option_order: Mapping[str, Sequence[str]] | None = None,
    ) -> int:
        """A new session on ``form`` of ``bank``; the bank is kept if it is new to the store.

        ``option_order`` is the order each choice item's options are shown in, kept so
        that a resumed questionnaire shows them the same way.
        """
        if form not in bank.forms:
            raise ValueError(f"bank {bank.id!r} {bank.version} has no form {form!r}")
        from rolefit.store import banks  # not needed to open the store at start-up

        if self._snapshots is None:
            self._snapshots = banks.BankSnapshot()
        digest, text = self._snapshots.of(bank)
        with self.unit_of_work():
            banks.register(self._db.conn, digest, bank.id, bank.version, text)
            session_id = sessions.insert(
                self._db.conn, form, (bank.id, bank.version, digest), name, option_order
            )
        self._banks.setdefault(digest, bank)
        return session_id

    def save_answer(self, session_id: int, item_id: str, value: AnswerValue | None) -> None:
        """Store (or, with None, remove) one answer; durable when this returns."""
        with self.unit_of_work():
            sessions.save_answer(self._db.conn, session_id, item_id, value)

    def save_position(self, session_id: int, position: int) -> None:
        with self.unit_of_work():
            sessions.save_position(self._db.conn, session_id, position)

    def complete(self, session_id: int, record: Mapping[str, Any]) -> None:
        """Mark the session completed with its result, ``Result.to_record()``."""
        with self.unit_of_work():
            sessions.complete(self._db.conn, session_id, record)

    def discard(self, session_id: int) -> None:
        with self.unit_of_work():
            sessions.discard(self._db.conn, session_id)

    # -- reading ----------------------------------------------------------------------------

    def unfinished_sessions(self) -> list[SessionRecord]:
        """Every in-progress session, newest first."""
        with self._reading() as conn:
            return sessions.read_records(conn, "WHERE s.status = 'in-progress'", order="DESC")

    def unfinished(self) -> SessionRecord | None:
        """The newest in-progress session, if any."""
        with self._reading() as conn:
            row = conn.execute(
                "SELECT id FROM sessions WHERE status = 'in-progress'"
                " ORDER BY started DESC, id DESC LIMIT 1"
            ).fetchone()
            if row is None:
                return None
            found = sessions.read_records(conn, "WHERE s.id = ?", (row[0],))
        return found[0] if found else None

    def session(self, session_id: int) -> SessionRecord | None:
        with self._reading() as conn:
            found = sessions.read_records(conn, "WHERE s.id = ?", (session_id,))
        return found[0] if found else None

    def stored_answers(self, session_id: int) -> dict[str, AnswerValue]:
        """The answers stored for a session (empty if there is no such session)."""
        found = self.session(session_id)
        return dict(found.answers) if found is not None else {}

    def list_sessions(self, name: str | None = None) -> list[SessionSummary]:
        """Every session (or those of one person), oldest first, without answers."""
        with self._reading() as conn:
            return sessions.list_summaries(conn, name)

    def sessions(self) -> list[SessionRecord]:
        """Every session with its answers and result, oldest first (two queries)."""
        with self._reading() as conn:
            return sessions.read_records(conn)

    def bank(self, digest: str | None) -> Bank | None:
        """The bank a session was taken with (``SessionRecord.bank_hash``), or None.

        Raises ``RecordError`` if the stored bank is damaged.
        """
        if digest is None:
            return None
        known = self._banks.get(digest)
        if known is not None:
            return known
        from rolefit.store import banks

        with self._reading() as conn:
            found = banks.read_bank(conn, digest)
        if found is not None:
            self._banks[digest] = found
        return found

    def check_integrity(self) -> list[str]:
        """SQLite's full integrity check and the foreign keys, on request: [] if sound."""
        with self._reading() as conn:
            problem = schema.structure_problem(conn, schema_version())
            return ([problem] if problem else []) + self._db.integrity_check()


class OpenedStore(NamedTuple):
    """A usable store, and what went wrong with the previous file if it had to be set aside."""

    store: Store
    problem: str | None = None
    moved_to: Path | None = None


def open_store(data_dir: Path, *, connect: Connect = default_connect) -> OpenedStore:
    """Open (or create) the database in ``data_dir``; never raises.

    A damaged database (not a database, corrupt, a schema RoleFit cannot read) is never
    replaced or deleted: it is renamed, with its ``-wal`` and ``-shm``, to
    ``rolefit.db.damaged-<time>`` (``.newer-<time>`` if a newer RoleFit wrote it) and the
    reason returned, so the app can say what happened. A database that is only busy, or
    that could not be migrated, is left exactly as it is; so is one in a folder RoleFit
    cannot write. In those cases the answers are kept in memory, and the problem says so.
    """
    path = data_dir / DB_FILENAME
    try:
        files.make_private_dir(data_dir)
        database, note, kept = open_database(path, connect)
        return OpenedStore(Store(database, connect), note, kept)
    except DamagedError as error:
        reason, label = str(error), "damaged"
    except NewerSchemaError as error:
        reason, label = str(error), "newer"
    except SQL_ERRORS.and_(StoreError, OSError) as error:
        return _in_memory(connect, f"{_plain(error)}; {_MEMORY_ONLY}")
    try:
        moved = files.set_aside(path, label) if path.exists() or path.is_symlink() else None
        database, note, kept = open_database(path, connect)
        return OpenedStore(Store(database, connect), problem=reason, moved_to=moved)
    except SQL_ERRORS.and_(StoreError, OSError) as error:
        problem = f"{reason}; it could not be set aside either ({_plain(error)}), so {_MEMORY_ONLY}"
        return _in_memory(connect, problem)


_MEMORY_ONLY = "this session's answers are kept in memory only and will be lost when RoleFit closes"


def _in_memory(connect: Connect, problem: str) -> OpenedStore:
    try:
        database = open_in_memory(connect)
    except SQL_ERRORS.and_(StoreError):
        database = open_in_memory(default_connect)
    return OpenedStore(Store(database, connect), problem=problem)


def _plain(error: BaseException) -> str:
    if isinstance(error, OSError) and error.strerror:
        return f"{error.strerror}: {error.filename}" if error.filename else error.strerror
    return str(error) or type(error).__name__


def read_store(data_dir: Path, *, connect: Connect = default_connect) -> Store | None:
    """The stored sessions, read-only, without changing anything on disk; None if none.

    A database from an older RoleFit is copied into memory and migrated there. Raises
    ``StoreError`` (in words) if the database cannot be read.
    """
    path = data_dir / DB_FILENAME
    if not path.exists():
        return None
    # With no -wal or -shm, nobody has the database open: read it as immutable, so that
    # SQLite creates no -wal/-shm of its own (a read-only connection to a WAL database
    # otherwise makes both and leaves them). A RoleFit opening it meanwhile writes to its
    # own -wal, not to this file, until it checkpoints.
    companions = [path.with_name(path.name + s) for s in files.COMPANIONS]
    mode = "mode=ro" if any(c.exists() for c in companions) else "immutable=1"
    try:
        conn = connect(f"{path.resolve().as_uri()}?{mode}", uri=True)
    except SQL_ERRORS.any as error:
        raise StoreError(f"{path}: {error}") from None
    try:
        configure(conn)
        conn.execute("PRAGMA query_only = ON")
        version = check(conn)
        if version < schema_version():
            memory = connect(":memory:")
            conn.backup(memory)
            conn.close()
            conn = memory
            configure(conn)
            migrate(conn, None, connect)
    except SQL_ERRORS.any as error:
        conn.close()
        raise StoreError(f"{path}: {classified(error, 'cannot read the database')}") from None
    except Exception as error:  # a check's finding, or a migration step that failed
        conn.close()
        raise StoreError(f"{path}: {error}") from None
    return Store(Database(conn, None, readonly=True), connect)


def read_sessions(data_dir: Path) -> list[SessionRecord]:
    """Every stored session, read-only (see ``read_store``); [] if there is no database."""
    store = read_store(data_dir)
    if store is None:
        return []
    with store:
        try:
            return store.sessions()
        except SQL_ERRORS.any as error:
            raise StoreError(f"{data_dir / DB_FILENAME}: {error}") from None
