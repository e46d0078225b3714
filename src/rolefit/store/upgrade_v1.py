"""RoleFit 0.1.0's stored results, turned into today's records (used by migration 2).

0.1.0 stored ``Result.to_json()``: numbers, but also English (a summary, flag messages,
a sentence per reason, the notes' texts). A record keeps codes and numbers only: flags
become ``{"code", "facts"}``, a reason keeps the answer it was about instead of a
sentence, and a note becomes the id of the bank's note with that text. Nothing here may
change once released: it describes what 0.1.0 wrote.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from typing import Any

# 0.1.0's scoring.engine.LOW_FIT: below this best fit its summary said no role appeals much.
LOW_FIT = 40.0
# 0.1.0's ScoringParams.min_answered, for a bank that does not say.
MIN_ANSWERED = 0.75

_NUMBERS = ("margin", "breadth")
_MAPPINGS = ("fit", "levels", "dimensions")


def convert_result(
    old: object, answers: Mapping[str, object], bank: Mapping[str, Any] | None
) -> dict[str, Any] | None:
    """The record for a 0.1.0 result; None if ``old`` is not one (it is then kept as is).

    ``answers`` are the session's answers (reasons point at them); ``bank`` is the normal
    form of the session's bank, or None when it is not known.
    """
    if not isinstance(old, Mapping):
        return None
    try:
        return _convert(old, answers, bank)
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


def _convert(
    old: Mapping[str, Any], answers: Mapping[str, object], bank: Mapping[str, Any] | None
) -> dict[str, Any]:
    fit = {str(k): float(v) for k, v in old["fit"].items()}
    form = str(old["form"])
    answered, total = int(old["answered"]), int(old["total"])
    record: dict[str, Any] = {
        "format": 2,
        "bank": {"id": str(old["bank"]["id"]), "version": str(old["bank"]["version"])},
        "form": form,
        "recommendation": old.get("recommendation"),
        "runner_up": old.get("runner_up"),
        "confidence": str(old["confidence"]),
        **{key: float(old.get(key, 0.0)) for key in _NUMBERS},
        **{key: dict(old.get(key) or {}) for key in _MAPPINGS},
        "fit": fit,
        "answered": answered,
        "total": total,
    }
    needed = _needed(bank, form)
    if needed is not None:
        record["needed"] = needed
    record["flags"] = [_flag(str(code), record, answers, bank) for code in old.get("flags", ())]
    record["reasons"] = [
        {
            "role": str(r["role"]),
            "item": str(r["item"]),
            "effect": float(r["effect"]),
            "answer": answers[str(r["item"])],
        }
        for r in old.get("reasons", ())
        if _is_answer(answers.get(str(r["item"])))
    ]
    notes_by_text = {n["text"]: n["id"] for n in (bank or {}).get("notes", ())}
    texts = [str(t) for t in old.get("notes", ())]
    record["notes"] = [notes_by_text[t] for t in texts if t in notes_by_text]
    unmatched = [t for t in texts if t not in notes_by_text]
    if unmatched:
        # No note of the session's bank has these texts (its bank is not known): they
        # are kept, apart from the ids, rather than lost.
        record["old_notes"] = unmatched
    record["low_interest"] = bool(fit) and max(fit.values()) < LOW_FIT
    return record


def _is_answer(value: object) -> bool:
    return isinstance(value, (int, str)) and not isinstance(value, bool)


def _needed(bank: Mapping[str, Any] | None, form: str) -> int | None:
    """How ``rolefit.scoring.validity.answers_needed`` counts it, from the normal form."""
    if bank is None or form not in bank.get("forms", {}):
        return None
    share = float((bank.get("scoring") or {}).get("min_answered", MIN_ANSWERED))
    return math.ceil(round(share * len(bank["forms"][form]), 9))


def _flag(
    code: str,
    record: Mapping[str, Any],
    answers: Mapping[str, object],
    bank: Mapping[str, Any] | None,
) -> dict[str, Any]:
    """A flag's code and the facts the old result, answers and bank still give exactly.

    0.1.0 put these numbers only into its English message; they are counted again here
    the way 0.1.0 counted them. Other flags' words need no facts.
    """
    if bank is None:
        return {"code": code, "facts": {}}
    items = {i["id"]: i for i in bank.get("items", ())}
    if code == "incomplete" and "needed" in record:
        task_roles = {t["id"]: t["roles"] for t in bank.get("tasks", ())}
        touched = {
            role
            for item in answers
            for task in items.get(item, {}).get("tasks", ())
            for role in task_roles.get(task, ())
        }
        facts = {
            "answered": record["answered"],
            "total": record["total"],
            "needed": record["needed"],
            "missing_roles": [r for r in bank.get("roles", ()) if r not in touched],
        }
        return {"code": code, "facts": facts}
    if code == "straight-lining":
        likert: Counter[object] = Counter()
        positions: Counter[int] = Counter()
        for item_id, value in answers.items():
            item = items.get(item_id)
            if item is None:
                continue
            if item["kind"] == "choice":
                ids = [o["id"] for o in item["options"]]
                if value in ids:
                    positions[ids.index(value)] += 1
            else:
                likert[value] += 1
        same = sum(c.most_common(1)[0][1] for c in (likert, positions) if c)
        return {"code": code, "facts": {"same": same, "answered": record["answered"]}}
    return {"code": code, "facts": {}}
