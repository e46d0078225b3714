"""Sessions and their answers: the records, and the queries that read and write them.

Reads never let one damaged row stop the rest: a session whose answer, result or option
order does not read is returned with what could be read and a ``problem`` in words.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

from rolefit.store import results
from rolefit.store.connection import now_utc

DB_FILENAME = "rolefit.db"

AnswerValue = int | str


# Records are NamedTuples, not dataclasses: the window starts without importing
# ``dataclasses`` (docs/performance.md).
class SessionRecord(NamedTuple):
    """One session with everything stored about it."""

    id: int
    status: str  # "in-progress" or "completed"
    started: str  # UTC, ISO-8601 with "Z"
    finished: str | None
    form: str
    bank_id: str
    bank_version: str
    name: str
    position: int
    answers: Mapping[str, AnswerValue]
    result: Mapping[str, Any] | None  # Result.to_record(), for a completed session
    bank_hash: str | None = None  # None only for a session migrated from an unknown bank
    option_order: Mapping[str, tuple[str, ...]] | None = None
    problem: str | None = None  # what of it could not be read, in words

    def to_json(self) -> dict[str, Any]:
        """The ``rolefit sessions --json`` shape (a contract: keys are only ever added)."""
        data = {
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
        if self.problem is not None:
            data["problem"] = self.problem
        return data


class SessionSummary(NamedTuple):
    """A session as a listing shows it: no answers, the result's headline only.

    The fits are kept as the JSON text stored and read when ``fit`` is asked for: a
    listing of thousands of sessions shows a screenful of them.
    """

    id: int
    status: str
    started: str
    finished: str | None
    form: str
    bank_id: str
    bank_version: str
    bank_hash: str | None
    name: str
    position: int
    answered: int
    recommendation: str | None
    confidence: str | None
    fit_text: str | None
    problem: str | None = None

    @property
    def fit(self) -> Mapping[str, float] | None:
        """Each role's fit, for a completed session (None if it cannot be read)."""
        return results.decode_fit(self.fit_text)


_COLUMNS = (
    "s.id, s.status, s.started, s.finished, s.form, s.bank_id, s.bank_version, s.bank_hash,"
    " s.name, s.position"
)


def insert(
    db: sqlite3.Connection,
    form: str,
    bank: tuple[str, str, str],
    name: str,
    option_order: Mapping[str, Sequence[str]] | None,
) -> int:
    bank_id, version, digest = bank
    order = None
    if option_order is not None:
        order = results.encode({str(k): [str(o) for o in v] for k, v in option_order.items()})
    cursor = db.execute(
        "INSERT INTO sessions (status, started, form, bank_id, bank_version, bank_hash, name,"
        " option_order) VALUES ('in-progress', ?, ?, ?, ?, ?, ?, ?)",
        (now_utc(), form, bank_id, version, digest, name, order),
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def insert_completed(
    db: sqlite3.Connection,
    form: str,
    bank: tuple[str, str, str],
    answers: Mapping[str, AnswerValue],
    record: Mapping[str, Any],
    taken: str,
) -> int:
    """A session completed at ``taken`` (UTC, as stored), with its answers and result, in
    three statements: for importing many answers files at once."""
    problem = results.record_problem(record)
    if problem is not None:
        raise ValueError(f"not a result record: {problem}")
    bank_id, version, digest = bank
    cursor = db.execute(
        "INSERT INTO sessions (status, started, finished, form, bank_id, bank_version,"
        " bank_hash, recommendation, confidence, fit, flags)"
        " VALUES ('completed', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            taken,
            taken,
            form,
            bank_id,
            version,
            digest,
            *results.headline(record),
            results.flag_codes(record),
        ),
    )
    session_id = cursor.lastrowid
    assert session_id is not None
    db.executemany(
        "INSERT INTO answers (session_id, item_id, value, answered) VALUES (?, ?, ?, ?)",
        [(session_id, item, value, taken) for item, value in answers.items()],
    )
    db.execute(
        "INSERT INTO results (session_id, record) VALUES (?, ?)",
        (session_id, results.encode(dict(record))),
    )
    return session_id


def save_answer(
    db: sqlite3.Connection, session_id: int, item_id: str, value: AnswerValue | None
) -> None:
    if value is None:
        db.execute(
            "DELETE FROM answers WHERE session_id = ? AND item_id = ?", (session_id, item_id)
        )
        return
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise TypeError(f"an answer is a whole number or an option id, not {value!r}")
    db.execute(
        "INSERT INTO answers (session_id, item_id, value, answered) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (session_id, item_id) DO UPDATE SET value = excluded.value,"
        " answered = excluded.answered",
        (session_id, item_id, value, now_utc()),
    )


def save_position(db: sqlite3.Connection, session_id: int, position: int) -> None:
    db.execute("UPDATE sessions SET position = ? WHERE id = ?", (position, session_id))


def complete(db: sqlite3.Connection, session_id: int, record: Mapping[str, Any]) -> None:
    problem = results.record_problem(record)
    if problem is not None:
        raise ValueError(f"not a result record: {problem}")
    top = results.headline(record)
    cursor = db.execute(
        "UPDATE sessions SET status = 'completed', finished = ?, recommendation = ?,"
        " confidence = ?, fit = ?, flags = ? WHERE id = ?",
        (now_utc(), *top, results.flag_codes(record), session_id),
    )
    if cursor.rowcount != 1:
        raise LookupError(f"there is no session {session_id} to complete")
    db.execute(
        "INSERT INTO results (session_id, record) VALUES (?, ?)"
        " ON CONFLICT (session_id) DO UPDATE SET record = excluded.record",
        (session_id, results.encode(dict(record))),
    )


def discard(db: sqlite3.Connection, session_id: int) -> None:
    db.execute("DELETE FROM sessions WHERE id = ?", (session_id,))


def read_records(
    db: sqlite3.Connection, where: str = "", params: Sequence[object] = (), order: str = "ASC"
) -> list[SessionRecord]:
    """Sessions matching ``where`` (SQL on ``s``), with answers and results: two queries."""
    rows = db.execute(
        f"SELECT {_COLUMNS}, s.option_order, r.record FROM sessions AS s"
        f" LEFT JOIN results AS r ON r.session_id = s.id {where}"
        f" ORDER BY s.started {order}, s.id {order}",
        params,
    ).fetchall()
    if not rows:
        return []
    answers: dict[int, dict[str, object]] = {row[0]: {} for row in rows}
    if len(rows) == 1:
        query = "SELECT session_id, item_id, value FROM answers WHERE session_id = ? ORDER BY rowid"
        found = db.execute(query, (rows[0][0],))
    elif where:
        found = db.execute(
            "SELECT session_id, item_id, value FROM answers WHERE session_id IN"
            f" (SELECT s.id FROM sessions AS s {where}) ORDER BY rowid",
            params,
        )
    else:
        found = db.execute("SELECT session_id, item_id, value FROM answers")  # rowid order
    for session_id, item_id, value in found:
        given = answers.get(session_id)
        if given is not None:
            given[item_id] = value
    return [_record(row, answers[row[0]]) for row in rows]


def _record(row: Sequence[Any], raw_answers: dict[str, object]) -> SessionRecord:
    problems: list[str] = []
    answers: dict[str, AnswerValue] = {}
    for item_id, value in raw_answers.items():
        if isinstance(value, (int, str)):
            answers[item_id] = value
        else:
            problems.append(f"its answer to {item_id!r} is not a valid answer ({value!r})")
    record = None
    if row[-1] is not None:
        record, problem = results.decode_record(row[-1])
        if problem:
            problems.append(problem)
    elif row[1] == "completed":
        problems.append("it is marked completed, but its result is missing")
    order, problem = _option_order(row[-2])
    if problem:
        problems.append(problem)
    return SessionRecord(
        id=row[0],
        status=row[1],
        started=row[2],
        finished=row[3],
        form=row[4],
        bank_id=row[5],
        bank_version=row[6],
        bank_hash=row[7],
        name=row[8],
        position=row[9],
        answers=answers,
        result=record,
        option_order=order,
        problem="; ".join(problems) if problems else None,
    )


def _option_order(text: object) -> tuple[Mapping[str, tuple[str, ...]] | None, str | None]:
    if text is None:
        return None, None
    import json

    try:
        data = json.loads(text) if isinstance(text, str) else None
        if not isinstance(data, dict):
            raise ValueError
        return {str(k): tuple(str(o) for o in v) for k, v in data.items()}, None
    except (ValueError, TypeError):
        return None, "the order its options were shown in cannot be read"


def list_summaries(db: sqlite3.Connection, name: str | None) -> list[SessionSummary]:
    """Every session (or every session of ``name``), oldest first, in one query."""
    where, params = ("WHERE s.name = ?", (name,)) if name is not None else ("", ())
    rows = db.execute(
        f"SELECT {_COLUMNS},"
        " (SELECT count(*) FROM answers AS a WHERE a.session_id = s.id),"
        f" s.recommendation, s.confidence, s.fit FROM sessions AS s {where}"
        " ORDER BY s.started, s.id",
        params,
    ).fetchall()
    unreadable = "its result cannot be read"
    make = SessionSummary._make
    return [
        make((*row, unreadable if row[1] == "completed" and None in (row[12], row[13]) else None))
        for row in rows
    ]
