"""The counsellor's workspace: the one object the window and the command line use.

Clients, their notes and sessions live in the encrypted ``workspace.db``; every method
runs in the store's units of work and snapshots, so it is saved whole or not at all and
damage is handled as the store handles it. Reads of lists are one query each, so the
window's table models can ask again whenever a filter changes.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, NamedTuple

from rolefit.i18n import _
from rolefit.store import SessionRecord, Store, StoreError
from rolefit.store.connection import SQL_ERRORS
from rolefit.store.sessions import read_records
from rolefit.workspace import clients, compare, exports, history, imports, opening, output, stats
from rolefit.workspace.attempts import Attempts
from rolefit.workspace.clients import ClientNote, ClientRow, DeletePlan
from rolefit.workspace.errors import ClientError, WorkspaceError
from rolefit.workspace.history import ClientSessions, SessionRow, WorkspaceSession
from rolefit.workspace.output import SummaryParts

if TYPE_CHECKING:
    from rolefit.bank.model import Bank
    from rolefit.scoring import Result

DEFAULT_IDLE_MINUTES = 10
MAX_IDLE_MINUTES = 24 * 60


class Settings(NamedTuple):
    counsellor: str  # printed as "Interpreted by <counsellor>"
    idle_minutes: int  # the window locks after this long without use


class Rendered(NamedTuple):
    """A session's result with the bank it was taken with, or why it cannot be shown."""

    bank: Bank | None
    result: Result | None
    problem: str | None


class Workspace:
    """An unlocked workspace. ``close()`` (or ``lock()``) forgets the passcode's key."""

    def __init__(self, folder: Path, opened: opening.Opened) -> None:
        self.folder = folder
        self.path = opening.workspace_path(folder)
        self.store = Store(opened.database, opened.keyed)
        self.note = opened.note  # what opening had to keep aside, in words; else None
        self._keyed = opened.keyed
        self._languages: dict[str, str] = {}

    # -- opening and closing -----------------------------------------------------------

    @staticmethod
    def exists(folder: Path) -> bool:
        return opening.exists(folder)

    @staticmethod
    def wait_before_next_try(folder: Path, clock: Callable[[], float] = time.time) -> float:
        """Seconds before a passcode may be tried again (0: now); nothing is decrypted."""
        return Attempts(folder, clock).wait()

    @classmethod
    def create(cls, folder: Path, passcode: str, counsellor: str = "") -> Workspace:
        """A new workspace; raises ``WeakPasscode`` (under 8 characters) or ``WorkspaceExists``."""
        name = clients.check_name(counsellor)  # before anything is made
        workspace = cls(folder, opening.create(folder, passcode))
        workspace.set_counsellor(name)
        return workspace

    @classmethod
    def unlock(
        cls, folder: Path, passcode: str, clock: Callable[[], float] = time.time
    ) -> Workspace:
        """The workspace, if ``passcode`` is right: see ``rolefit.workspace.opening.unlock``."""
        return cls(folder, opening.unlock(folder, passcode, Attempts(folder, clock)))

    def close(self) -> None:
        self.store.close()

    lock = close

    def __enter__(self) -> Workspace:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def check_passcode(self, given: str, clock: Callable[[], float] = time.time) -> None:
        """Whether ``given`` is this workspace's passcode, without opening it again (the
        window asks it before leaving client mode): raises ``Throttled`` before trying
        after too many wrong ones, ``WrongPasscode`` (counted, as at unlocking)."""
        import hmac

        from rolefit.workspace.errors import Throttled, WeakPasscode, WrongPasscode
        from rolefit.workspace.keys import normalised

        attempts = Attempts(self.folder, clock)
        wait = attempts.wait()
        if wait > 0:
            raise Throttled(wait)
        try:
            typed = normalised(given).encode("utf-8")
        except WeakPasscode:
            typed = b""  # a NUL: not the passcode
        if not hmac.compare_digest(typed, self._keyed.passcode.encode("utf-8")):
            attempts.failed()
            raise WrongPasscode()
        attempts.succeeded()

    def change_passcode(self, current: str, new: str) -> None:
        """Encrypt the workspace again under ``new``; ``current`` must be the passcode
        (a wrong one counts as a wrong try, as at unlocking).

        The caller holds the data folder's lock (``rolefit.store.acquire_data_lock``): a
        RoleFit with the workspace open would no longer read it.
        """
        from rolefit.workspace.keys import check_new_passcode

        self.check_passcode(current)
        check_new_passcode(new)
        database = self.store.database
        database.check_identity()  # the file is still the one at the path
        try:
            self._keyed.rekey(database.conn, new)
        except SQL_ERRORS.any as error:
            raise database.explain(error) from error

    # -- settings ----------------------------------------------------------------------

    def settings(self) -> Settings:
        with self.store.reading() as conn:
            found = dict(conn.execute("SELECT key, value FROM settings").fetchall())
        minutes = found.get("idle_minutes")
        return Settings(
            str(found.get("counsellor", "")),
            minutes if isinstance(minutes, int) and minutes > 0 else DEFAULT_IDLE_MINUTES,
        )

    def set_counsellor(self, name: str) -> None:
        self._set("counsellor", clients.check_name(name))

    def set_idle_minutes(self, minutes: int) -> None:
        if not 1 <= minutes <= MAX_IDLE_MINUTES:
            raise WorkspaceError(
                _("The idle time is a number of minutes from 1 to {n}.").format(n=MAX_IDLE_MINUTES)
            )
        self._set("idle_minutes", minutes)

    def _set(self, key: str, value: object) -> None:
        with self.store.unit_of_work() as conn:
            conn.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    # -- clients -------------------------------------------------------------------------

    def list_clients(self, search: str = "", include_archived: bool = False) -> list[ClientRow]:
        """Clients by name, each with their session count (one query); ``search`` matches
        every word in the name or reference, whatever the case or accents."""
        with self.store.reading() as conn:
            found = clients.list_clients(conn, include_archived)
        return [c for c in found if clients.matches(c, search)] if search.strip() else found

    def client(self, client_id: int) -> ClientRow | None:
        with self.store.reading() as conn:
            return clients.find(conn, client_id)

    def client_by_ref(self, ref: str) -> ClientRow | None:
        with self.store.reading() as conn:
            return clients.find_ref(conn, ref)

    def require_client(self, ref: str) -> ClientRow:
        found = self.client_by_ref(ref)
        if found is None:
            raise ClientError(_("There is no client with the reference {ref}.").format(ref=ref))
        return found

    def add_client(self, ref: str, name: str = "") -> ClientRow:
        with self.store.unit_of_work() as conn:
            client_id = clients.add(conn, ref, name)
            row = clients.find(conn, client_id)
        assert row is not None
        return row

    def edit_client(
        self, client_id: int, *, ref: str | None = None, name: str | None = None
    ) -> ClientRow:
        with self.store.unit_of_work() as conn:
            clients.edit(conn, client_id, ref, name)
            row = clients.find(conn, client_id)
        assert row is not None
        return row

    def archive_client(self, client_id: int, archived: bool = True) -> None:
        with self.store.unit_of_work() as conn:
            clients.set_archived(conn, client_id, archived)

    def delete_plan(self, client_id: int) -> DeletePlan:
        """What ``delete_client`` would remove, for the confirmation (``delete_words``)."""
        with self.store.reading() as conn:
            return clients.delete_plan(conn, client_id)

    def delete_client(self, client_id: int) -> DeletePlan:
        """Remove the client and everything of theirs for good; returns what went.

        Their pages are overwritten (``secure_delete``); the journal, which still holds
        the pages as they were, is then merged into the file and emptied, so nothing of
        theirs is left even in encrypted form (unless another connection still reads
        an older snapshot: then at its next checkpoint).
        """
        with self.store.unit_of_work() as conn:
            plan = clients.delete_plan(conn, client_id)
            clients.delete(conn, client_id)
        with contextlib.suppress(*SQL_ERRORS.any):
            self.store.database.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        return plan

    def client_notes(self, client_id: int) -> list[ClientNote]:
        with self.store.reading() as conn:
            return clients.notes(conn, client_id)

    def add_client_note(self, client_id: int, text: str) -> ClientNote:
        with self.store.unit_of_work() as conn:
            return clients.add_note(conn, client_id, text)

    def delete_client_note(self, note_id: int) -> None:
        with self.store.unit_of_work() as conn:
            clients.delete_note(conn, note_id)

    # -- sessions ------------------------------------------------------------------------

    def history(self, client_id: int) -> list[SessionRow]:
        """The client's sessions, oldest first (one query)."""
        with self.store.reading() as conn:
            rows = history.history(conn, client_id, self._languages)
            if any(r.bank_hash and r.bank_hash not in self._languages for r in rows):
                self._languages = history.bank_languages(conn)
                rows = history.history(conn, client_id, self._languages)
        return rows

    def session(self, session_id: int) -> WorkspaceSession | None:
        """One session with its answers, result record, notes and client."""
        with self.store.reading() as conn:
            found = read_records(conn, "WHERE s.id = ?", (session_id,))
            extra = history.extras(conn, session_id)
        if not found or extra is None:
            return None
        return WorkspaceSession(found[0], *extra)

    def render(self, record: SessionRecord) -> Rendered:
        """The result of a completed session, with the bank it was taken with."""
        from rolefit.bank import BankError, load_default_bank
        from rolefit.scoring import Result
        from rolefit.wording import result_words

        if record.result is None:
            return Rendered(None, None, record.problem)
        try:
            bank = self.store.bank(record.bank_hash) or load_default_bank()
            result = Result.from_record(record.result)
            result_words(bank, result)  # every word it needs is in this bank
        except (StoreError, BankError, ValueError, KeyError) as error:
            reason = _("its result cannot be shown: {error}").format(error=error)
            return Rendered(None, None, f"{record.problem}; {reason}" if record.problem else reason)
        return Rendered(bank, result, record.problem)

    def start_session_for(
        self,
        client_id: int,
        form: str,
        bank: Bank,
        *,
        client_sees_result: bool = True,
        option_order: Mapping[str, Sequence[str]] | None = None,
    ) -> int:
        """A new session of ``client_id`` (then saved through ``store`` as any other)."""
        with self.store.unit_of_work() as conn:
            if clients.find(conn, client_id) is None:
                raise ClientError(_("That client is no longer in the workspace."))
            session_id = self.store.start_session(form, bank, option_order=option_order)
            history.link(conn, session_id, client_id, client_sees_result)
        return session_id

    def sessions_for(self, client_id: int, client_sees_result: bool = True) -> ClientSessions:
        """The store as ``rolefit.quiz.Quiz.start`` takes it, starting sessions for one client."""
        return ClientSessions(self, client_id, client_sees_result)

    def set_session_notes(self, session_id: int, text: str) -> None:
        with self.store.unit_of_work() as conn:
            history.set_notes(conn, session_id, text)

    def set_client_sees_result(self, session_id: int, sees: bool) -> None:
        with self.store.unit_of_work() as conn:
            history.set_sees_result(conn, session_id, sees)

    def compare(self, first: int, second: int) -> compare.Comparison:
        """Two completed sessions of one client, the earlier first."""
        parts = []
        for session_id in (first, second):
            found = self.session(session_id)
            if found is None:
                raise WorkspaceError(_("That session is no longer in the workspace."))
            rendered = self.render(found.record)
            if rendered.bank is None or rendered.result is None:
                raise WorkspaceError(
                    _("Session {id} has no result that can be compared.").format(id=session_id)
                )
            parts.append((found, (found.record, rendered.result, rendered.bank)))
        if parts[0][0].client_id != parts[1][0].client_id or parts[0][0].client_id is None:
            raise WorkspaceError(_("Only two sessions of the same client can be compared."))
        return compare.compare(parts[0][1], parts[1][1])

    def stats(self) -> stats.BankStats:
        with self.store.reading() as conn:
            return stats.read_stats(conn, self.store.bank)

    # -- data in and out -----------------------------------------------------------------

    def import_files(
        self, paths: Sequence[Path], client: str | None = None, bank: Bank | None = None
    ) -> imports.ImportReport:
        """Answers files as completed sessions, all or none (``ImportFailed`` lists why)."""
        from rolefit.bank import load_default_bank

        finder = imports.BankFinder(bank or load_default_bank(), self._stored_bank)
        return imports.import_answers(self.store, paths, finder, client)

    def _stored_bank(self, bank_id: str, version: str) -> Bank | None:
        with self.store.reading() as conn:
            row = conn.execute(
                "SELECT hash FROM banks WHERE id = ? AND version = ? ORDER BY rowid DESC",
                (bank_id, version),
            ).fetchone()
        return None if row is None else self.store.bank(row[0])

    def csv_text(self, client_id: int | None = None) -> str:
        """Every session (or one client's) as CSV text, starting with a byte-order mark."""
        with self.store.reading() as conn:
            self._languages = history.bank_languages(conn)
            return exports.csv_text(conn, client_id, self.store.bank, self._languages)

    def json_data(self, client_id: int | None = None) -> list[dict[str, Any]]:
        """Every session (or one client's) in the ``rolefit sessions --json`` shape."""
        return output.json_data(self, client_id)

    def export_csv(self, path: Path, client_id: int | None = None) -> None:
        """Write the CSV to ``path`` whole (owner-only), or raise ``OSError``."""
        from rolefit.atomic import write_bytes

        write_bytes(path, self.csv_text(client_id).encode("utf-8"))

    def export_json(self, path: Path, client_id: int | None = None) -> None:
        import json

        from rolefit.atomic import write_text

        text = json.dumps(self.json_data(client_id), indent=2, ensure_ascii=False)
        write_text(path, text + "\n")

    def summary_parts(self, session_ids: Sequence[int]) -> list[SummaryParts]:
        """What each session's printed summary shows, in the order given."""
        return output.summary_parts(self, session_ids)

    def backup(self, out: Path) -> None:
        """A consistent copy in one file, encrypted with the same passcode (0600)."""
        opening.backup(self.store.database, self._keyed, out, self.store.copy_to)

    @staticmethod
    def restore(folder: Path, source: Path, passcode: str, force: bool = False) -> Path | None:
        """Replace the workspace with a backup: see ``rolefit.workspace.opening.restore``."""
        return opening.restore(folder, source, passcode, force)
