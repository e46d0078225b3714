"""Answers: the JSON answers file, checked against a bank, as an immutable value.

The file's shape (a contract shared with the command line and the app)::

    {"bank": {"id": "management", "version": "1.0"},   # optional
     "name": "Ada Lovelace",                             # optional: whose answers
     "form": "full",                                     # optional, default "full"
     "answers": {"production-floor": 4, "week-run-or-report": "production-run"}}

A Likert value is the raw answer: higher always means more agreement with the item as
worded; reverse keying is the scorer's business. ``null`` means the item was skipped.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from rolefit.bank.files import MAX_REPORTED, BankError, read_text_file
from rolefit.bank.model import Bank, ChoiceItem

MAX_ANSWERS_BYTES = 2 * 1024 * 1024
# No answer needs more digits than this; longer numbers are reported, never converted
# (Python refuses to turn more than 4,300 digits into an int, and it would be slow).
MAX_NUMBER_DIGITS = 40
# A person's name, as the window's name field takes it.
MAX_NAME_LENGTH = 200

AnswerValue = int | str


class AnswersError(Exception):
    """An answers file or mapping is unusable; ``problems`` lists every reason.

    A file of junk can hold a problem per key: past ``MAX_REPORTED``, the rest are counted.
    """

    def __init__(self, problems: list[str]) -> None:
        if len(problems) > MAX_REPORTED:
            rest = len(problems) - MAX_REPORTED
            problems = [*problems[:MAX_REPORTED], f"... and {rest} more problems"]
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass(frozen=True)
class Answers:
    """The answers given on one form of one bank; skipped items are simply absent."""

    form: str
    values: Mapping[str, AnswerValue] = field(default_factory=lambda: MappingProxyType({}))
    bank_id: str | None = None
    bank_version: str | None = None
    name: str = ""  # whose answers, as given in the window or the file; "" if not given

    def to_json(self, bank: Bank) -> dict[str, Any]:
        # Written in form order, so the file reads like the questionnaire.
        ordered = {i: self.values[i] for i in bank.forms[self.form] if i in self.values}
        named = {"name": self.name} if self.name else {}
        return {
            "bank": {"id": bank.id, "version": bank.version},
            **named,
            "form": self.form,
            "answers": ordered,
        }


def make_answers(
    bank: Bank, values: Mapping[str, AnswerValue | None], form: str = "full"
) -> Answers:
    """Build ``Answers`` from Python values, checked as strictly as a file would be."""
    return parse_answers({"form": form, "answers": dict(values)}, bank, "<answers>")


def load_answers(path: str | Path, bank: Bank) -> Answers:
    name = str(path)
    try:
        text = read_text_file(Path(path), name, MAX_ANSWERS_BYTES)
    except BankError as error:
        raise AnswersError([f"{p.file}: {p.message}" for p in error.problems]) from None
    return loads_answers(text, bank, name)


def loads_answers(text: str, bank: Bank, name: str, line: int | None = None) -> Answers:
    """Answers from JSON text named ``name``: a whole file, or its ``line`` (JSON Lines)."""
    where = name if line is None else f"{name}:{line}"
    return parse_answers(decode_json(text, name, line), bank, where)


def decode_json(text: str, name: str, line: int | None = None) -> Any:
    """JSON text decoded as ``parse_answers`` expects it (keys given twice remembered, no
    huge numbers converted); raises ``AnswersError`` naming where it is not JSON."""
    try:
        return json.loads(text, object_pairs_hook=_KeyedObject.from_pairs, parse_int=_integer)
    except json.JSONDecodeError as error:
        row = error.lineno if line is None else line
        raise AnswersError([f"{name}:{row}:{error.colno}: not valid JSON: {error.msg}"]) from None
    except RecursionError:
        where = name if line is None else f"{name}:{line}"
        raise AnswersError([f"{where}: not valid JSON: nested too deeply"]) from None


class _KeyedObject(dict[str, Any]):
    """A decoded JSON object that remembers the keys it was given more than once."""

    duplicates: tuple[str, ...] = ()

    @classmethod
    def from_pairs(cls, pairs: list[tuple[str, Any]]) -> _KeyedObject:
        made = cls(pairs)
        if len(made) < len(pairs):
            seen: set[str] = set()
            repeated: dict[str, None] = {}
            for key, _value in pairs:
                if key in seen:
                    repeated[key] = None
                seen.add(key)
            made.duplicates = tuple(repeated)
        return made


@dataclass(frozen=True)
class _LongNumber:
    """A JSON integer too long to be any answer, kept as its length."""

    digits: int


def _integer(text: str) -> int | _LongNumber:
    digits = len(text.lstrip("-"))
    return _LongNumber(digits) if digits > MAX_NUMBER_DIGITS else int(text)


def _check_unique(data: object, where: str, problem: Any) -> None:
    for key in getattr(data, "duplicates", ()):
        problem(where, f"{key!r} is given more than once; give each key once")


def parse_answers(data: object, bank: Bank, name: str) -> Answers:
    """Check decoded JSON ``data`` against ``bank``; collect every problem before failing."""
    problems: list[str] = []

    def problem(where: str, message: str) -> None:
        problems.append(f"{name}: {where}: {message}")

    if not isinstance(data, dict):
        raise AnswersError(
            [f'{name}: expected a JSON object with an "answers" key, got {_kind(data)}']
        )
    _check_unique(data, "the answers file", problem)
    for key in data:
        if key not in ("bank", "name", "form", "answers"):
            problem(repr(key), "unknown key; expected bank, name, form and answers")

    bank_id, bank_version = _check_bank(data.get("bank"), bank, problem)
    person = data.get("name", "")
    if not isinstance(person, str):
        problem("name", f"expected the person's name as text, got {_kind(person)}")
        person = ""
    elif len(person) > MAX_NAME_LENGTH:
        problem("name", f"expected at most {MAX_NAME_LENGTH} characters, got {len(person)}")
        person = ""
    person = " ".join(person.split())  # one line, as the name field and the summary show it

    form = data.get("form", "full")
    if not isinstance(form, str) or form not in bank.forms:
        problem("form", f"expected one of {', '.join(map(repr, bank.forms))}, got {_kind(form)}")
        form = None

    raw = data.get("answers")
    values: dict[str, AnswerValue] = {}
    if "answers" not in data:
        problem("answers", "missing; expected an object mapping item ids to answers")
    elif not isinstance(raw, dict):
        problem("answers", f"expected an object mapping item ids to answers, got {_kind(raw)}")
    else:
        _check_unique(raw, "answers", problem)
        in_form = set(bank.forms[form]) if form else None
        for item_id, value in raw.items():
            checked = _check_value(bank, item_id, value, in_form, form, problem)
            if checked is not None:
                values[item_id] = checked

    if problems or form is None:
        raise AnswersError(problems)
    return Answers(form, MappingProxyType(values), bank_id, bank_version, person)


def _check_bank(declared: object, bank: Bank, problem: Any) -> tuple[str | None, str | None]:
    if declared is None:
        return None, None
    if not isinstance(declared, dict):
        problem("bank", f"expected an object with id and version, got {_kind(declared)}")
        return None, None
    _check_unique(declared, "bank", problem)
    bank_id, version = declared.get("id"), declared.get("version")
    for key in declared:
        if key not in ("id", "version"):
            problem(f"bank.{key}", "unknown key; expected id and version")
    if bank_id is not None and bank_id != bank.id:
        problem(
            "bank.id",
            f"these answers are for bank {bank_id!r}, but the bank loaded is "
            f"{bank.id!r}; pass the right one with --bank",
        )
    if version is not None and not isinstance(version, str):
        problem("bank.version", f'expected text such as "1.0", got {_kind(version)}')
        version = None
    return (bank_id if isinstance(bank_id, str) else None), version


def _check_value(
    bank: Bank,
    item_id: str,
    value: object,
    in_form: set[str] | None,
    form: str | None,
    problem: Any,
) -> AnswerValue | None:
    where = f"item {item_id!r}"
    if not bank.has_item(item_id):
        problem(where, f"no such item in bank {bank.id!r} {bank.version}")
        return None
    if in_form is not None and item_id not in in_form:
        problem(where, f"not part of the {form!r} form")
        return None
    if value is None:  # skipped on purpose
        return None
    item = bank.item(item_id)
    if isinstance(item, ChoiceItem):
        ids = [o.id for o in item.options]
        if not isinstance(value, str) or item.option(value) is None:
            problem(
                where,
                f"expected one of the option ids {', '.join(map(repr, ids))}, got {_kind(value)}",
            )
            return None
        return value
    low, high = bank.scale.min, bank.scale.max
    expected = f"expected a whole number from {low} to {high}"
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        problem(where, f"{expected}, got {_kind(value)}")
        return None
    if isinstance(value, float) and (not math.isfinite(value) or not value.is_integer()):
        problem(where, f"{expected}, got {value}")
        return None
    number = int(value)
    if not low <= number <= high:
        problem(where, f"{expected}, got {_kind(number)}")
        return None
    return number


def _kind(value: object) -> str:
    if isinstance(value, _LongNumber):
        return f"a number {value.digits:,} digits long"
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 128:
        return f"a number about {int(value.bit_length() * 0.30103) + 1:,} digits long"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"{str(value).lower()}"
    if isinstance(value, str):
        return repr(value if len(value) <= 40 else value[:37] + "...")
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__
