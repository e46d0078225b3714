"""The outcome of scoring: what the views, the report, the store and the CLI all receive."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

Confidence = Literal["strong", "moderate", "close"]
FlagCode = Literal["incomplete", "straight-lining", "acquiescence", "inconsistent"]


@dataclass(frozen=True)
class Flag:
    """A reason to read the result with care, with what to do about it."""

    code: FlagCode
    message: str


@dataclass(frozen=True)
class Reason:
    """One answer and how far it moved one role's fit (in fit points, signed)."""

    role: str
    item: str
    effect: float
    text: str

    @property
    def direction(self) -> Literal["raised", "lowered"]:
        return "raised" if self.effect > 0 else "lowered"


@dataclass(frozen=True)
class Result:
    bank_id: str
    bank_version: str
    form: str
    recommendation: str
    runner_up: str
    confidence: Confidence
    margin: float
    fit: Mapping[str, float]
    levels: Mapping[str, float]
    breadth: float
    dimensions: Mapping[str, float | None]
    flags: tuple[Flag, ...]
    answered: int
    total: int
    reasons: tuple[Reason, ...]
    notes: tuple[str, ...]
    summary: str

    def flag_codes(self) -> tuple[FlagCode, ...]:
        return tuple(f.code for f in self.flags)

    def reasons_for(self, role: str) -> tuple[Reason, ...]:
        return tuple(r for r in self.reasons if r.role == role)

    def to_json(self) -> dict[str, Any]:
        """The ``rolefit score --json`` shape (a contract: keys are only ever added)."""
        return {
            "recommendation": self.recommendation,
            "runner_up": self.runner_up,
            "confidence": self.confidence,
            "margin": self.margin,
            "summary": self.summary,
            "fit": dict(self.fit),
            "flags": [f.code for f in self.flags],
            "flag_messages": {f.code: f.message for f in self.flags},
            "answered": self.answered,
            "total": self.total,
            "reasons": [
                {
                    "role": r.role,
                    "item": r.item,
                    "direction": r.direction,
                    "effect": r.effect,
                    "text": r.text,
                }
                for r in self.reasons
            ],
            "levels": dict(self.levels),
            "breadth": self.breadth,
            "dimensions": dict(self.dimensions),
            "notes": list(self.notes),
            "bank": {"id": self.bank_id, "version": self.bank_version},
            "form": self.form,
        }
