"""Clients and their notes: the records, and the queries that read and write them.

Functions take an open connection; ``Workspace`` runs them inside the store's units of
work and snapshots. The client list is one query with each client's session count, so
the window's list of 2,000 clients opens without a query per row.
"""

from __future__ import annotations

import sqlite3
import unicodedata
from collections.abc import Sequence
from typing import Any, NamedTuple

from rolefit.i18n import _, ngettext
from rolefit.store.connection import now_utc
from rolefit.workspace.errors import ClientError

MAX_REF = 64
MAX_NAME = 200
MAX_NOTE = 20000


class ClientRow(NamedTuple):
    """A client as the list shows them."""

    id: int
    ref: str
    name: str
    archived: bool
    created: str  # UTC, ISO-8601 with "Z"
    sessions: int  # every session of theirs, finished or not
    last_session: str | None  # when the newest was started (UTC)

    def to_json(self) -> dict[str, object]:
        """The ``rolefit clients --json`` shape (a contract: keys are only ever added)."""
        return {
            "ref": self.ref,
            "name": self.name,
            "archived": self.archived,
            "sessions": self.sessions,
            "created": self.created,
            "last_session": self.last_session,
        }


class ClientNote(NamedTuple):
    id: int
    client_id: int
    written: str  # UTC, ISO-8601 with "Z"
    text: str


class DeletePlan(NamedTuple):
    """What deleting a client removes, for the confirmation that names it."""

    client_id: int
    ref: str
    name: str
    sessions: int
    answers: int
    notes: int  # entries of the client's notes log
    session_notes: int  # sessions with notes of their own


_CLIENT = (
    "SELECT c.id, c.ref, c.name, c.archived, c.created, count(s.id), max(s.started)"
    " FROM clients AS c LEFT JOIN sessions AS s ON s.client_id = c.id"
)


def _row(row: Sequence[Any]) -> ClientRow:
    return ClientRow(row[0], row[1], row[2], bool(row[3]), row[4], row[5], row[6])


def list_clients(db: sqlite3.Connection, include_archived: bool) -> list[ClientRow]:
    """Every client (or every current one) with their session counts, in one query."""
    where = "" if include_archived else " WHERE c.archived = 0"
    rows = db.execute(f"{_CLIENT}{where} GROUP BY c.id").fetchall()
    found = [_row(r) for r in rows]
    found.sort(key=lambda c: (folded(c.name), folded(c.ref)))
    return found


def folded(text: str) -> str:
    """``text`` for matching: case and accents set aside ("Élodie" matches "elodie")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def matches(client: ClientRow, search: str) -> bool:
    """Whether every word of ``search`` is in the client's name or reference."""
    return found_in(searched_text(client), search_words(search))


def searched_text(client: ClientRow) -> str:
    """What a search looks in: the client's name and reference, folded."""
    return folded(f"{client.name} {client.ref}")


def search_words(search: str) -> list[str]:
    return folded(search).split()


def found_in(text: str, words: list[str]) -> bool:
    """Whether every one of ``words`` (from ``search_words``) is in ``searched_text``."""
    return all(word in text for word in words)


def find(db: sqlite3.Connection, client_id: int) -> ClientRow | None:
    row = db.execute(f"{_CLIENT} WHERE c.id = ? GROUP BY c.id", (client_id,)).fetchone()
    return None if row is None else _row(row)


def find_ref(db: sqlite3.Connection, ref: str) -> ClientRow | None:
    """The client with reference ``ref`` (letters in any case)."""
    row = db.execute(f"{_CLIENT} WHERE c.ref = ? GROUP BY c.id", (ref.strip(),)).fetchone()
    return None if row is None else _row(row)


def check_ref(ref: str) -> str:
    clean = ref.strip()
    if not clean:
        raise ClientError(_("A client needs a reference."))
    if len(clean) > MAX_REF:
        raise ClientError(
            _("A client's reference can have at most {n} characters.").format(n=MAX_REF)
        )
    if _has_control(clean):
        raise ClientError(_("A client's reference cannot hold control characters."))
    return clean


def check_name(name: str) -> str:
    clean = " ".join(name.split())
    if len(clean) > MAX_NAME:
        raise ClientError(_("A client's name can have at most {n} characters.").format(n=MAX_NAME))
    if _has_control(clean):
        raise ClientError(_("A client's name cannot hold control characters."))
    return clean


def _has_control(text: str) -> bool:
    return any(unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co") for c in text)


def _taken(ref: str) -> ClientError:
    return ClientError(_("There is already a client with the reference {ref}.").format(ref=ref))


def add(db: sqlite3.Connection, ref: str, name: str = "", created: str | None = None) -> int:
    """A new client; raises ``ClientError`` if the reference is taken (in any case)."""
    clean_ref, clean_name = check_ref(ref), check_name(name)
    if db.execute("SELECT 1 FROM clients WHERE ref = ?", (clean_ref,)).fetchone():
        raise _taken(clean_ref)
    cursor = db.execute(
        "INSERT INTO clients (ref, name, created) VALUES (?, ?, ?)",
        (clean_ref, clean_name, created or now_utc()),
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def edit(db: sqlite3.Connection, client_id: int, ref: str | None, name: str | None) -> None:
    _require(db, client_id)
    if ref is not None:
        clean = check_ref(ref)
        other = db.execute("SELECT id FROM clients WHERE ref = ?", (clean,)).fetchone()
        if other is not None and other[0] != client_id:
            raise _taken(clean)
        db.execute("UPDATE clients SET ref = ? WHERE id = ?", (clean, client_id))
    if name is not None:
        db.execute("UPDATE clients SET name = ? WHERE id = ?", (check_name(name), client_id))


def set_archived(db: sqlite3.Connection, client_id: int, archived: bool) -> None:
    _require(db, client_id)
    db.execute("UPDATE clients SET archived = ? WHERE id = ?", (int(archived), client_id))


def _require(db: sqlite3.Connection, client_id: int) -> tuple[str, str]:
    row = db.execute("SELECT ref, name FROM clients WHERE id = ?", (client_id,)).fetchone()
    if row is None:
        raise ClientError(_("That client is no longer in the workspace."))
    return str(row[0]), str(row[1])


def delete_plan(db: sqlite3.Connection, client_id: int) -> DeletePlan:
    ref, name = _require(db, client_id)
    sessions, answers, with_notes = db.execute(
        "SELECT count(*), coalesce(sum((SELECT count(*) FROM answers AS a"
        " WHERE a.session_id = s.id)), 0), count(nullif(s.notes, ''))"
        " FROM sessions AS s WHERE s.client_id = ?",
        (client_id,),
    ).fetchone()
    (notes,) = db.execute(
        "SELECT count(*) FROM client_notes WHERE client_id = ?", (client_id,)
    ).fetchone()
    return DeletePlan(client_id, ref, name, sessions, answers, notes, with_notes)


def delete(db: sqlite3.Connection, client_id: int) -> None:
    """The client, their notes, sessions, answers and results, for good.

    The workspace's connections have ``secure_delete`` on, so the freed pages are
    overwritten; the rows of sessions, answers and results go with the client through
    ``ON DELETE CASCADE``. Deleted here explicitly as well, children first, so that a
    database whose foreign keys were off could not keep any of them.
    """
    _require(db, client_id)
    sessions = "SELECT id FROM sessions WHERE client_id = ?"
    db.execute(f"DELETE FROM answers WHERE session_id IN ({sessions})", (client_id,))
    db.execute(f"DELETE FROM results WHERE session_id IN ({sessions})", (client_id,))
    db.execute("DELETE FROM sessions WHERE client_id = ?", (client_id,))
    db.execute("DELETE FROM client_notes WHERE client_id = ?", (client_id,))
    db.execute("DELETE FROM clients WHERE id = ?", (client_id,))


def notes(db: sqlite3.Connection, client_id: int) -> list[ClientNote]:
    """The client's notes log, oldest first."""
    rows = db.execute(
        "SELECT id, client_id, written, text FROM client_notes WHERE client_id = ?"
        " ORDER BY written, id",
        (client_id,),
    ).fetchall()
    return [ClientNote(*r) for r in rows]


def add_note(db: sqlite3.Connection, client_id: int, text: str) -> ClientNote:
    _require(db, client_id)
    clean = text.strip()
    if not clean:
        raise ClientError(_("A note needs some text."))
    if len(clean) > MAX_NOTE:
        raise ClientError(_("A note can have at most {n} characters.").format(n=MAX_NOTE))
    written = now_utc()
    cursor = db.execute(
        "INSERT INTO client_notes (client_id, written, text) VALUES (?, ?, ?)",
        (client_id, written, clean),
    )
    assert cursor.lastrowid is not None
    return ClientNote(cursor.lastrowid, client_id, written, clean)


def delete_note(db: sqlite3.Connection, note_id: int) -> None:
    db.execute("DELETE FROM client_notes WHERE id = ?", (note_id,))


def delete_words(plan: DeletePlan) -> str:
    """The confirmation's sentence: what deleting the client removes, for good."""
    who = f"{plan.name} ({plan.ref})" if plan.name else plan.ref
    sessions = ngettext("{n} session", "{n} sessions", plan.sessions).format(n=plan.sessions)
    answers = ngettext("{n} answer", "{n} answers", plan.answers).format(n=plan.answers)
    notes = ngettext("{n} note", "{n} notes", plan.notes).format(n=plan.notes)
    return _(
        "Delete {client} with {sessions}, {answers} and {notes}? They are removed for good "
        "and cannot be brought back, except from a backup made before."
    ).format(client=who, sessions=sessions, answers=answers, notes=notes)
