"""A workspace's sessions out, for spreadsheets (CSV) and scripts (JSON).

CSV: one row per session, the client's reference and name first, then the session's
dates (UTC, ISO-8601), form, bank, language, recommendation, confidence, each role's
fit, the flags' codes and one column per item, in UTF-8 with a byte-order mark (so
spreadsheet programs read the accents). A cell that starts with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return gets a leading apostrophe, so that no spreadsheet
runs it as a formula (a name such as "=HYPERLINK(...)" is shown, not followed).

JSON: the ``rolefit sessions --json`` shape, with ``"client"`` (the reference).
"""

from __future__ import annotations

import csv
import io
import sqlite3
from collections.abc import Callable, Sequence
from typing import Any

from rolefit.bank.model import Bank
from rolefit.scoring import Result
from rolefit.store import SessionRecord, StoreError
from rolefit.store.results import decode_fit
from rolefit.store.sessions import read_records

BOM = "\ufeff"
RISKY_STARTS = ("=", "+", "-", "@", "\t", "\r")

FIXED_COLUMNS = (
    "client_ref",
    "client_name",
    "session",
    "status",
    "started",
    "finished",
    "form",
    "bank_id",
    "bank_version",
    "language",
    "recommendation",
    "confidence",
)


def neutralised(value: object) -> str:
    """A cell as written: text, with a leading apostrophe if a spreadsheet would run it."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(RISKY_STARTS) else text


def _cell(given: list[Any], slot: int) -> object:
    """An answer's cell: a scale answer as it is (the csv module writes a number), else
    neutralised text."""
    value = given[slot] if slot < len(given) else None
    return value if type(value) is int else neutralised(value)


def _number(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def csv_text(
    db: sqlite3.Connection,
    client_id: int | None,
    bank_of: Callable[[str], Bank | None],
    languages: dict[str, str],
) -> str:
    """Every session of the workspace (or of one client), one CSV row each."""
    where, params = ("WHERE s.client_id = ?", (client_id,)) if client_id else ("", ())
    rows = db.execute(
        "SELECT c.ref, c.name, s.id, s.status, s.started, s.finished, s.form, s.bank_id,"
        " s.bank_version, s.bank_hash, s.recommendation, s.confidence, s.fit, s.flags"
        " FROM sessions AS s JOIN clients AS c ON c.id = s.client_id"
        f" {where} ORDER BY c.ref, s.started, s.id",
        params,
    ).fetchall()
    # Each session's answers as a list, one slot per item id seen: a million answers in
    # dicts keyed by a new string each would take several times the memory.
    slots: dict[str, int] = {}
    for digest in dict.fromkeys(row[9] for row in rows):  # the slots of the banks used
        bank = _bank(bank_of, digest)
        for item in bank.items if bank is not None else ():
            slots.setdefault(item.id, len(slots))
    answers: dict[int, list[Any]] = {row[2]: [None] * len(slots) for row in rows}
    seen: set[int] = set()
    query = "SELECT session_id, item_id, value FROM answers"
    if client_id:
        query += " WHERE session_id IN (SELECT id FROM sessions WHERE client_id = ?)"
    for session_id, item, value in db.execute(query, params):
        given = answers.get(session_id)
        if given is None:
            continue
        slot = slots.get(item)
        if slot is None:
            slot = slots[item] = len(slots)
        if slot >= len(given):
            given.extend([None] * (slot + 1 - len(given)))
        given[slot] = value
        seen.add(slot)
    roles, items = _columns(rows, bank_of, {i: s for i, s in slots.items() if s in seen})
    order = [slots[i] for i in items]
    out = io.StringIO()
    out.write(BOM)
    writer = csv.writer(out)
    writer.writerow([*FIXED_COLUMNS, *(f"fit_{r}" for r in roles), "flags", *items])
    for row in rows:
        fit = decode_fit(row[12]) or {}
        given = answers[row[2]]
        language = languages.get(row[9]) if row[9] else None
        fixed = (*row[:9], language, row[10], row[11])
        fits = [_number(fit[r]) if isinstance(fit.get(r), (int, float)) else "" for r in roles]
        writer.writerow(
            [
                *(neutralised(v) for v in fixed),
                *fits,
                neutralised(row[13]),
                *(_cell(given, i) for i in order),
            ]
        )
    return out.getvalue()


def _columns(
    rows: Sequence[Sequence[Any]],
    bank_of: Callable[[str], Bank | None],
    seen_items: dict[str, int],
) -> tuple[list[str], list[str]]:
    """Role and item columns: the newest bank's order first, then what only others have."""
    roles: dict[str, None] = {}
    items: dict[str, None] = {}
    hashes = dict.fromkeys(row[9] for row in sorted(rows, key=lambda r: r[4], reverse=True))
    for digest in hashes:
        bank = _bank(bank_of, digest)
        if bank is not None:
            roles.update(dict.fromkeys(bank.role_ids))
            items.update(dict.fromkeys(i for i in bank.forms.get("full", ()) if i in seen_items))
            items.update(dict.fromkeys(i.id for i in bank.items if i.id in seen_items))
    for row in rows:
        roles.update(dict.fromkeys(decode_fit(row[12]) or {}))
    items.update(dict.fromkeys(sorted(seen_items)))
    return list(roles), list(items)


def _bank(bank_of: Callable[[str], Bank | None], digest: str | None) -> Bank | None:
    if digest is None:
        return None
    try:
        return bank_of(digest)
    except StoreError:
        return None  # a damaged stored bank: its columns come from the answers


def session_records(db: sqlite3.Connection, client_id: int | None) -> list[SessionRecord]:
    if client_id:
        return read_records(db, "WHERE s.client_id = ?", (client_id,))
    return read_records(db, "WHERE s.client_id IS NOT NULL")


def session_json(
    record: SessionRecord,
    client: tuple[str, str] | None,
    rendered: tuple[Bank, Result] | None,
    problem: str | None,
) -> dict[str, Any]:
    """The ``rolefit sessions --json`` shape of a workspace session, with ``"client"`` (its
    reference) and, for ``"name"``, the client's name."""
    from rolefit.wording import result_json

    data = record.to_json()
    data["result"] = None if rendered is None else result_json(*rendered)
    if problem is not None:
        data["problem"] = problem
    data["client"] = None if client is None else client[0]
    if client is not None and not data["name"]:
        data["name"] = client[1]
    return data
