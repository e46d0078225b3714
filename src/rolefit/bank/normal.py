"""A bank's normalised form: plain JSON data, and back.

This is the shape ``rolefit inspect --json`` prints (a contract: keys are only ever
added), and the shape in which the store keeps the bank a session was taken with, so an
old session still opens, prints and exports after the shipped bank has changed. Reading
it back is lenient about what later versions add or earlier ones lacked; it is never a
way to load a bank a person wrote (that is ``load_bank``, which checks everything).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from rolefit.bank.model import (
    Bank,
    ChoiceItem,
    Dimension,
    Item,
    LikertItem,
    Note,
    Option,
    Role,
    Scale,
    ScoringParams,
    Task,
)


def bank_to_json(bank: Bank) -> dict[str, Any]:
    """The bank as JSON data, every text and number a result of it could need."""
    items: list[dict[str, Any]] = []
    for item in bank.items:
        if isinstance(item, ChoiceItem):
            items.append(
                {
                    "id": item.id,
                    "kind": "choice",
                    "text": item.text,
                    "summary": item.summary,
                    "options": [
                        {"id": o.id, "text": o.text, "tasks": list(o.tasks)} for o in item.options
                    ],
                    "tasks": list(item.tasks),
                }
            )
        else:
            items.append(
                {
                    "id": item.id,
                    "kind": "likert",
                    "text": item.text,
                    "summary": item.summary,
                    "scale": [bank.scale.min, bank.scale.max],
                    "reverse": item.reverse,
                    "tasks": list(item.tasks),
                }
            )
    return {
        "id": bank.id,
        "version": bank.version,
        "language": bank.language,
        "title": bank.title,
        "description": bank.description,
        "roles": list(bank.role_ids),
        "forms": {name: list(ids) for name, ids in bank.forms.items()},
        "items": items,
        "scale": {"min": bank.scale.min, "max": bank.scale.max, "labels": list(bank.scale.labels)},
        "role_details": [
            {
                "id": r.id,
                "title": r.title,
                "description": r.description,
                "profile": r.profile,
                "day_to_day": list(r.day_to_day),
            }
            for r in bank.roles
        ],
        "dimensions": [
            {"id": d.id, "title": d.title, "description": d.description} for d in bank.dimensions
        ],
        "tasks": [
            {
                "id": t.id,
                "text": t.text,
                "roles": list(t.roles),
                "dimension": t.dimension,
                "source": t.source,
            }
            for t in bank.tasks
        ],
        "notes": [{"id": n.id, "tasks": list(n.tasks), "text": n.text} for n in bank.notes],
        "scoring": _scoring_to_json(bank.scoring),
    }


def _scoring_to_json(params: ScoringParams) -> dict[str, float]:
    return {name: getattr(params, name) for name in ScoringParams.__dataclass_fields__}


def canonical_text(data: Mapping[str, Any]) -> str:
    """One text for one content: sorted keys, no spaces, Unicode as is."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def content_hash(bank: Bank) -> str:
    """A SHA-256 of the bank's normalised content: equal for equal banks, wherever loaded."""
    import hashlib  # OpenSSL, 4 MiB: only when a session is stored, not to open the window

    return hashlib.sha256(canonical_text(bank_to_json(bank)).encode("utf-8")).hexdigest()


class NormalFormError(ValueError):
    """The data is not a bank's normalised form."""


def bank_from_json(data: Mapping[str, Any]) -> Bank:
    """The ``Bank`` that ``bank_to_json`` described; raises ``NormalFormError`` if malformed.

    Keys this version does not know are ignored and optional ones may be missing, so the
    form written by an earlier or later RoleFit reads back.
    """
    try:
        return _bank_from_json(data)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        problem = f"{type(error).__name__}: {error}"
        raise NormalFormError(f"not a bank's normal form: {problem}") from None


def _bank_from_json(data: Mapping[str, Any]) -> Bank:
    scale_data = data["scale"]
    scale = Scale(int(scale_data["min"]), int(scale_data["max"]), tuple(scale_data["labels"]))
    details = data.get("role_details") or [{"id": r, "title": r} for r in data["roles"]]
    roles = tuple(
        Role(
            str(r["id"]),
            str(r["title"]),
            str(r.get("description", "")),
            "generalist" if r.get("profile") == "generalist" else "specialist",
            tuple(r.get("day_to_day", ())),
        )
        for r in details
    )
    items: list[Item] = []
    for raw in data["items"]:
        if raw["kind"] == "choice":
            options = tuple(
                Option(str(o["id"]), str(o["text"]), tuple(o["tasks"])) for o in raw["options"]
            )
            items.append(ChoiceItem(str(raw["id"]), str(raw["text"]), str(raw["summary"]), options))
        else:
            items.append(
                LikertItem(
                    str(raw["id"]),
                    str(raw["text"]),
                    str(raw["summary"]),
                    tuple(raw["tasks"]),
                    bool(raw.get("reverse", False)),
                )
            )
    known = ScoringParams.__dataclass_fields__
    scoring = ScoringParams(
        **{k: float(v) for k, v in (data.get("scoring") or {}).items() if k in known}
    )
    return Bank(
        id=str(data["id"]),
        version=str(data["version"]),
        title=str(data["title"]),
        description=str(data.get("description", "")),
        scale=scale,
        roles=roles,
        dimensions=tuple(
            Dimension(str(d["id"]), str(d["title"]), str(d.get("description", "")))
            for d in data["dimensions"]
        ),
        tasks=tuple(
            Task(
                str(t["id"]),
                str(t["text"]),
                tuple(t["roles"]),
                str(t["dimension"]),
                str(t.get("source", "")),
            )
            for t in data["tasks"]
        ),
        items=tuple(items),
        forms={str(name): tuple(ids) for name, ids in data["forms"].items()},
        scoring=scoring,
        notes=tuple(
            Note(str(n["id"]), tuple(n["tasks"]), str(n["text"])) for n in data.get("notes", ())
        ),
        source=f"stored bank {data['id']} {data['version']}",
        language=str(data.get("language", "en")),
    )
