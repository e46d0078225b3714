"""A completed session's result record: ``Result.to_record()``'s codes and numbers.

The store does not import ``rolefit.scoring`` (it sits below it); it checks only what
it relies on itself: a record is a JSON object with a confidence and a mapping of fits,
from which it copies the headline numbers for listings.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple


class Headline(NamedTuple):
    """What a listing shows of a result, kept in the session's own row."""

    recommendation: str | None
    confidence: str
    fit: str  # JSON: {"role id": fit, ...}


def record_problem(record: object) -> str | None:
    """Why ``record`` is not a result record, in words; None if it is one."""
    if not isinstance(record, Mapping):
        return f"its result is not a record but {type(record).__name__}"
    for key in ("bank", "form", "confidence", "fit", "answered", "total"):
        if key not in record:
            return f"its result record has no {key!r}"
    fit = record["fit"]
    if not isinstance(fit, Mapping) or not all(
        isinstance(v, (int, float)) and not isinstance(v, bool) for v in fit.values()
    ):
        return "its result record's fits are not numbers"
    if not isinstance(record["confidence"], str):
        return "its result record's confidence is not a word"
    recommendation = record.get("recommendation")
    if recommendation is not None and not isinstance(recommendation, str):
        return "its result record's recommendation is not a role id"
    return None


def encode(data: object) -> str:
    import json  # not needed to open the store at start-up

    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def decode_record(text: object) -> tuple[dict[str, Any] | None, str | None]:
    """A stored record and, if it cannot be read as one, why."""
    import json

    if not isinstance(text, str):
        return None, "its result is not text"
    try:
        record = json.loads(text)
    except (ValueError, RecursionError):
        return None, "its result is not readable JSON"
    problem = record_problem(record)
    return (None, problem) if problem else (record, None)


def headline(record: Mapping[str, Any]) -> Headline:
    recommendation = record.get("recommendation")
    return Headline(
        recommendation if isinstance(recommendation, str) else None,
        str(record["confidence"]),
        encode({str(k): float(v) for k, v in record["fit"].items()}),
    )


def flag_codes(record: Mapping[str, Any]) -> str:
    """The codes of a record's flags, space-separated ('' when none), for its session's row."""
    flags = record.get("flags") or ()
    return " ".join(
        str(f["code"]) for f in flags if isinstance(f, Mapping) and isinstance(f.get("code"), str)
    )


def decode_fit(text: str | None) -> Mapping[str, float] | None:
    if text is None:
        return None
    import json

    try:
        data = json.loads(text)
    except ValueError:
        return None
    return data if isinstance(data, dict) else None
