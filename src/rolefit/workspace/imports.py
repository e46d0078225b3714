"""Answers files into a workspace: every file and line checked, then all saved or none.

A file holds one answers object, as "Save answers" writes it; a ``.jsonl`` file holds one
per line. Beside ``bank``, ``form`` and ``answers``, an object may carry ``"client": REF``
(the client it belongs to, made if new) and ``"taken": ISO-8601`` (when it was answered;
without an offset, in this computer's time zone; default now). Each becomes a completed
session, scored with the bank it names: the one given, one already stored in the
workspace, or one an earlier RoleFit shipped.

Everything is written in one unit of work. Reading goes on after the first problem, so
that every bad file and line is reported at once, and nothing is saved if there is any.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, NamedTuple

from rolefit.bank.files import BankError, read_text_file
from rolefit.bank.model import Bank
from rolefit.i18n import _
from rolefit.scoring import AnswersError, ScoringError, parse_answers, score_answers
from rolefit.scoring.answers import MAX_ANSWERS_BYTES, decode_json
from rolefit.store import Store, sessions
from rolefit.store.banks import BankSnapshot, register
from rolefit.workspace import clients, history
from rolefit.workspace.errors import ClientError, ImportFailed


class ImportReport(NamedTuple):
    sessions: int
    clients_added: tuple[str, ...]  # references of the clients the import made


class _Entry(NamedTuple):
    file: str
    line: int | None  # None: the whole file
    text: str | None
    problem: str | None = None

    @property
    def where(self) -> str:
        return self.file if self.line is None else f"{self.file}:{self.line}"


def entries(paths: Sequence[Path]) -> Iterator[_Entry]:
    """Each answers object to import: a file, or a line of a ``.jsonl`` file."""
    for path in paths:
        if path.suffix.lower() == ".jsonl":
            yield from _lines(path)
            continue
        try:
            yield _Entry(str(path), None, read_text_file(path, str(path), MAX_ANSWERS_BYTES))
        except BankError as error:
            yield _Entry(str(path), None, None, "; ".join(p.message for p in error.problems))


def _lines(path: Path) -> Iterator[_Entry]:
    try:
        stream = open(path, "rb")  # noqa: SIM115 - closed below, after the last line
    except OSError as error:
        reason = error.strerror or str(error)
        yield _Entry(str(path), None, None, _("cannot be read: {reason}").format(reason=reason))
        return
    with stream:
        number = 0
        while line := stream.readline(MAX_ANSWERS_BYTES + 1):
            number += 1
            if len(line) > MAX_ANSWERS_BYTES:
                while line and not line.endswith(b"\n"):
                    line = stream.readline(MAX_ANSWERS_BYTES)
                yield _Entry(str(path), number, None, _("the line is longer than 2 MiB"))
                continue
            try:
                text = line.decode("utf-8")
            except UnicodeDecodeError as error:
                problem = _("not UTF-8 text (byte {n})").format(n=error.start + 1)
                yield _Entry(str(path), number, None, problem)
                continue
            text = text.removeprefix("\ufeff") if number == 1 else text
            if text.strip():  # blank lines are not entries
                yield _Entry(str(path), number, text)


def utc_time(value: object) -> str:
    """An ISO-8601 time as stored (UTC, "Z"); raises ``ValueError`` if it is not one."""
    if not isinstance(value, str):
        raise ValueError
    text = value.strip()
    moment = datetime.fromisoformat(text[:-1] + "+00:00" if text.endswith("Z") else text)
    if moment.tzinfo is None:
        moment = moment.astimezone()  # the computer's own time zone
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


class BankFinder:
    """The bank an answers object names: the one given, a stored one, or a shipped one."""

    def __init__(self, given: Bank, stored: Callable[[str, str], Bank | None]) -> None:
        self.given = given
        self._given = given
        self._stored = stored
        self._found: dict[tuple[str, str], Bank | None] = {(given.id, given.version): given}

    def find(self, declared: object) -> Bank | None:
        if not isinstance(declared, dict):
            return self._given  # parse_answers says what is wrong with it, if anything
        bank_id, version = declared.get("id", self._given.id), declared.get("version")
        if not isinstance(bank_id, str) or bank_id != self._given.id or version is None:
            return self._given
        if not isinstance(version, str):
            return self._given
        key = (bank_id, version)
        if key not in self._found:
            self._found[key] = self._stored(bank_id, version) or _shipped(bank_id, version)
        return self._found[key]


def _shipped(bank_id: str, version: str) -> Bank | None:
    from rolefit.bank.normal import bank_from_json
    from rolefit.store.banks import shipped_snapshot

    found = shipped_snapshot(bank_id, version)
    return None if found is None else bank_from_json(json.loads(found[1]))


class _Importer:
    def __init__(self, store: Store, finder: BankFinder, default_client: str | None) -> None:
        self.store = store
        self.finder = finder
        self.default_client = default_client
        self.problems: list[str] = []
        self.snapshots = BankSnapshot()
        self.registered: set[str] = set()
        self.client_ids: dict[str, int] = {}
        self.added: list[str] = []
        self.count = 0

    def take(self, conn: Any, entry: _Entry) -> None:
        if entry.problem is not None:
            self.problems.append(f"{entry.where}: {entry.problem}")
            return
        assert entry.text is not None
        try:
            data = decode_json(entry.text, entry.file, entry.line)
        except AnswersError as error:
            self.problems.extend(error.problems)
            return
        found: list[str] = []
        ref = self._client(data, entry.where, found)
        taken = self._taken(data, entry.where, found)
        declared = data.get("bank") if isinstance(data, dict) else None
        bank = self.finder.find(declared)
        if bank is None:
            assert isinstance(declared, dict)
            found.append(
                _(
                    "{where}: answered on bank {bank} {version}, which RoleFit does not "
                    "have here; give that bank with --bank"
                ).format(where=entry.where, bank=declared["id"], version=declared["version"])
            )
            bank = self.finder.given
        try:
            answers = parse_answers(data, bank, entry.where)
            record = score_answers(bank, answers).to_record()
        except AnswersError as error:
            found.extend(error.problems)
        except ScoringError as error:
            found.append(f"{entry.where}: {error}")
        if found or self.problems:
            self.problems.extend(found)
            return  # nothing more is written once anything is wrong
        assert ref is not None and taken is not None
        digest, text = self.snapshots.of(bank)
        if digest not in self.registered:
            register(conn, digest, bank.id, bank.version, text)
            self.registered.add(digest)
        session_id = sessions.insert_completed(
            conn, answers.form, (bank.id, bank.version, digest), answers.values, record, taken
        )
        history.link(conn, session_id, self._client_id(conn, ref), True)
        self.count += 1

    def _client(self, data: Any, where: str, found: list[str]) -> str | None:
        given = data.pop("client", None) if isinstance(data, dict) else None
        if given is None:
            if self.default_client is None:
                found.append(
                    _('{where}: no client: give --client REF, or "client" in the file').format(
                        where=where
                    )
                )
            return self.default_client
        if not isinstance(given, str):
            found.append(_('{where}: "client" must be a reference (text)').format(where=where))
            return None
        try:
            ref = clients.check_ref(given)
        except ClientError as error:
            found.append(f"{where}: {error}")
            return None
        if self.default_client is not None and ref.casefold() != self.default_client.casefold():
            found.append(
                _("{where}: it is for client {ref}, but --client {given} was given").format(
                    where=where, ref=ref, given=self.default_client
                )
            )
        return ref

    def _taken(self, data: Any, where: str, found: list[str]) -> str | None:
        given = data.pop("taken", None) if isinstance(data, dict) else None
        if given is None:
            from rolefit.store.connection import now_utc

            return now_utc()
        try:
            return utc_time(given)
        except (ValueError, OverflowError):
            found.append(
                _(
                    '{where}: "taken" must be an ISO-8601 time such as 2026-03-01T14:30:00+01:00'
                ).format(where=where)
            )
            return None

    def _client_id(self, conn: Any, ref: str) -> int:
        known = self.client_ids.get(ref)
        if known is not None:
            return known
        row = clients.find_ref(conn, ref)
        if row is None:
            client_id = clients.add(conn, ref)
            self.added.append(ref)
        else:
            client_id = row.id
        self.client_ids[ref] = client_id
        return client_id


def import_answers(
    store: Store, paths: Sequence[Path], finder: BankFinder, client: str | None
) -> ImportReport:
    """Import every answers object in ``paths``; raises ``ImportFailed`` (and saves nothing)
    if any file or line is wrong."""
    default = clients.check_ref(client) if client is not None else None
    importer = _Importer(store, finder, default)
    with store.unit_of_work() as conn:
        for entry in entries(paths):
            importer.take(conn, entry)
        if importer.problems:
            raise ImportFailed(importer.problems)
        if importer.count == 0:
            raise ImportFailed([_("there were no answers to import in the files given")])
    return ImportReport(importer.count, tuple(importer.added))
