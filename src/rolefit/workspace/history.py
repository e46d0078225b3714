"""A client's sessions: the history list, one session in full, its notes and flags.

The history is one query over the sessions' own rows (the store copies a result's
recommendation, confidence, fits and flags there); the language is that of the bank a
session was taken with, looked up once per bank.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from rolefit.i18n import _
from rolefit.store import SessionRecord
from rolefit.store.results import decode_fit
from rolefit.workspace.errors import WorkspaceError

if TYPE_CHECKING:
    from rolefit.bank.model import Bank
    from rolefit.workspace.workspace import Workspace

MAX_SESSION_NOTES = 20000


class SessionRow(NamedTuple):
    """A session as a client's history shows it: no answers, the result's headline."""

    id: int
    client_id: int | None
    status: str  # "in-progress" or "completed"
    started: str  # UTC, ISO-8601 with "Z"
    finished: str | None
    form: str
    bank_id: str
    bank_version: str
    bank_hash: str | None
    answered: int
    recommendation: str | None
    confidence: str | None
    fit_text: str | None
    flags: tuple[str, ...]
    client_sees_result: bool
    has_notes: bool
    language: str | None = None  # the language of the bank it was taken with

    @property
    def fit(self) -> Mapping[str, float] | None:
        """Each role's fit, for a completed session (None if it cannot be read)."""
        return decode_fit(self.fit_text)


_ROW_SQL = (
    "SELECT s.id, s.client_id, s.status, s.started, s.finished, s.form, s.bank_id,"
    " s.bank_version, s.bank_hash, (SELECT count(*) FROM answers AS a"
    " WHERE a.session_id = s.id), s.recommendation, s.confidence, s.fit, s.flags,"
    " s.client_sees_result, s.notes != '' FROM sessions AS s"
)


def _row(row: Sequence[Any], languages: Mapping[str, str]) -> SessionRow:
    flags = tuple(str(row[13]).split()) if row[13] else ()
    language = languages.get(row[8]) if row[8] is not None else None
    return SessionRow._make((*row[:13], flags, bool(row[14]), bool(row[15]), language))


def history(
    db: sqlite3.Connection, client_id: int, languages: Mapping[str, str]
) -> list[SessionRow]:
    """Every session of one client, oldest first, in one query."""
    rows = db.execute(
        f"{_ROW_SQL} WHERE s.client_id = ? ORDER BY s.started, s.id", (client_id,)
    ).fetchall()
    return [_row(r, languages) for r in rows]


def bank_languages(db: sqlite3.Connection) -> dict[str, str]:
    """The language of every stored bank, by hash (a handful of rows)."""
    rows = db.execute(
        "SELECT hash, CASE WHEN json_valid(content) THEN json_extract(content, '$.language')"
        " END FROM banks"
    ).fetchall()
    return {str(h): str(lang) if isinstance(lang, str) and lang else "en" for h, lang in rows}


class SessionExtras(NamedTuple):
    """What the workspace keeps about a session beyond the store's record."""

    client_id: int | None
    client_sees_result: bool
    notes: str


def extras(db: sqlite3.Connection, session_id: int) -> SessionExtras | None:
    row = db.execute(
        "SELECT client_id, client_sees_result, notes FROM sessions WHERE id = ?", (session_id,)
    ).fetchone()
    return None if row is None else SessionExtras(row[0], bool(row[1]), str(row[2]))


def link(db: sqlite3.Connection, session_id: int, client_id: int, sees_result: bool) -> None:
    db.execute(
        "UPDATE sessions SET client_id = ?, client_sees_result = ? WHERE id = ?",
        (client_id, int(sees_result), session_id),
    )


def set_notes(db: sqlite3.Connection, session_id: int, text: str) -> None:
    clean = text.strip()
    if len(clean) > MAX_SESSION_NOTES:
        raise WorkspaceError(
            _("A session's notes can have at most {n} characters.").format(n=MAX_SESSION_NOTES)
        )
    _update(db, "UPDATE sessions SET notes = ? WHERE id = ?", (clean, session_id))


def set_sees_result(db: sqlite3.Connection, session_id: int, sees: bool) -> None:
    _update(db, "UPDATE sessions SET client_sees_result = ? WHERE id = ?", (int(sees), session_id))


def _update(db: sqlite3.Connection, sql: str, params: tuple[object, ...]) -> None:
    if db.execute(sql, params).rowcount != 1:
        raise WorkspaceError(_("That session is no longer in the workspace."))


def client_ids(db: sqlite3.Connection, session_ids: Sequence[int]) -> dict[int, int | None]:
    """The client of each of ``session_ids`` that exists."""
    if not session_ids:
        return {}
    marks = ", ".join("?" * len(session_ids))
    rows = db.execute(
        f"SELECT id, client_id FROM sessions WHERE id IN ({marks})", tuple(session_ids)
    ).fetchall()
    return {int(i): c for i, c in rows}


class WorkspaceSession(NamedTuple):
    """One session in full: the store's record (answers, result) and the workspace's."""

    record: SessionRecord
    client_id: int | None
    client_sees_result: bool
    notes: str


class ClientSessions:
    """The store as a quiz takes it (``rolefit.quiz.model.SessionStore``), for one client."""

    def __init__(self, workspace: Workspace, client_id: int, client_sees_result: bool) -> None:
        self._workspace = workspace
        self._client_id = client_id
        self._sees = client_sees_result

    def start_session(self, form: str, bank: Bank, *, name: str = "") -> int:
        return self._workspace.start_session_for(
            self._client_id, form, bank, client_sees_result=self._sees
        )

    def save_answer(self, session_id: int, item_id: str, value: int | str | None) -> None:
        self._workspace.store.save_answer(session_id, item_id, value)

    def save_position(self, session_id: int, position: int) -> None:
        self._workspace.store.save_position(session_id, position)

    def complete(self, session_id: int, record: Mapping[str, Any]) -> None:
        self._workspace.store.complete(session_id, record)

    def stored_answers(self, session_id: int) -> Mapping[str, int | str]:
        return self._workspace.store.stored_answers(session_id)
