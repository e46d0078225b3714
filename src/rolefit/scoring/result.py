"""The outcome of scoring, as codes and numbers only.

The views, the printed summary, the command line and the store all receive a ``Result``.
It holds no sentence: ``rolefit.wording`` makes the words when they are shown, in the
reader's language, and the store keeps ``to_record()`` so an old result reads the same
after RoleFit's wording changes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Literal, cast

# "none": the answers do not separate the roles (or are too few): no recommendation.
Confidence = Literal["strong", "moderate", "close", "none"]
CONFIDENCES: tuple[Confidence, ...] = ("strong", "moderate", "close", "none")

# The version of the record's layout; a reader accepts older layouts and ignores keys
# it does not know.
RECORD_FORMAT = 3

FactValue = int | float | str | bool | None | tuple[Any, ...] | Mapping[str, Any]


def _frozen(value: Any) -> Any:
    """Facts made immutable and comparable, whether given as tuples or read back as lists."""
    if isinstance(value, Mapping):
        return MappingProxyType({str(k): _frozen(v) for k, v in value.items()})
    if isinstance(value, (tuple, list)):
        return tuple(_frozen(v) for v in value)
    return value


@dataclass(frozen=True)
class Flag:
    """A reason to read the result with care: a code and the facts behind it.

    ``facts`` are numbers and ids (how many answers were the same, which items disagree);
    the wording module turns them into a message.
    """

    code: str
    facts: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}), hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "facts", _frozen(self.facts or {}))


def caps_the_verdict(flags: Iterable[Flag]) -> bool:
    """Whether any of ``flags`` holds the band below strong: all but ``incomplete``, which
    already withholds the verdict itself when the answers are too few."""
    return any(f.code != "incomplete" for f in flags)


@dataclass(frozen=True)
class Reason:
    """One answer (``answer``, as given to ``item``) and how far it moved ``role``'s fit."""

    role: str
    item: str
    effect: float  # fit points, signed
    answer: int | str

    @property
    def direction(self) -> Literal["raised", "lowered"]:
        return "raised" if self.effect > 0 else "lowered"


@dataclass(frozen=True)
class Result:
    bank_id: str
    bank_version: str
    form: str
    recommendation: str | None  # None: no clear preference
    runner_up: str | None
    confidence: Confidence
    margin: float
    fit: Mapping[str, float]
    levels: Mapping[str, float]
    breadth: float
    dimensions: Mapping[str, float | None]
    flags: tuple[Flag, ...]
    answered: int
    total: int
    needed: int  # answers a result needs before it is more than a first look
    reasons: tuple[Reason, ...]
    notes: tuple[str, ...]  # ids of the bank's notes this person's answers touch
    low_interest: bool = False  # even the best fit is low: no role appeals much
    # The margin in standard errors of this person's own answers (docs/scoring.md).
    separation: float = 0.0
    # How far this person's answers stray within a role, 0..100 (a fifth of the scale: 20).
    spread: float = 0.0

    def flag_codes(self) -> tuple[str, ...]:
        return tuple(f.code for f in self.flags)

    def flag(self, code: str) -> Flag | None:
        return next((f for f in self.flags if f.code == code), None)

    def reasons_for(self, role: str) -> tuple[Reason, ...]:
        return tuple(r for r in self.reasons if r.role == role)

    def ranked_roles(self) -> tuple[str, ...]:
        """Role ids from the best fit down (ties in the order the fits were given)."""
        order = list(self.fit)
        return tuple(sorted(order, key=lambda r: (-self.fit[r], order.index(r))))

    def to_record(self) -> dict[str, Any]:
        """Codes and numbers as plain JSON data, for the store and for exports."""
        return {
            "format": RECORD_FORMAT,
            "bank": {"id": self.bank_id, "version": self.bank_version},
            "form": self.form,
            "recommendation": self.recommendation,
            "runner_up": self.runner_up,
            "confidence": self.confidence,
            "margin": self.margin,
            "fit": dict(self.fit),
            "levels": dict(self.levels),
            "breadth": self.breadth,
            "dimensions": dict(self.dimensions),
            "flags": [{"code": f.code, "facts": _plain(f.facts)} for f in self.flags],
            "answered": self.answered,
            "total": self.total,
            "needed": self.needed,
            "reasons": [
                {"role": r.role, "item": r.item, "effect": r.effect, "answer": r.answer}
                for r in self.reasons
            ],
            "notes": list(self.notes),
            "low_interest": self.low_interest,
            "separation": self.separation,
            "spread": self.spread,
        }

    @classmethod
    def from_record(cls, data: Mapping[str, Any]) -> Result:
        """The ``Result`` a record describes; raises ``ValueError`` if it is not one."""
        try:
            bank = data["bank"]
            confidence = data["confidence"]
            if confidence not in CONFIDENCES:
                raise ValueError(f"unknown confidence {confidence!r}")
            fit = {str(k): float(v) for k, v in data["fit"].items()}
            return cls(
                bank_id=str(bank["id"]),
                bank_version=str(bank["version"]),
                form=str(data["form"]),
                recommendation=_optional_text(data.get("recommendation")),
                runner_up=_optional_text(data.get("runner_up")),
                confidence=cast(Confidence, confidence),
                margin=float(data.get("margin", 0.0)),
                fit=MappingProxyType(fit),
                levels=MappingProxyType(
                    {str(k): float(v) for k, v in (data.get("levels") or {}).items()}
                ),
                breadth=float(data.get("breadth", 0.0)),
                dimensions=MappingProxyType(
                    {
                        str(k): (None if v is None else float(v))
                        for k, v in (data.get("dimensions") or {}).items()
                    }
                ),
                flags=tuple(
                    Flag(str(f["code"]), f.get("facts") or {}) for f in data.get("flags", ())
                ),
                answered=int(data["answered"]),
                total=int(data["total"]),
                needed=int(data.get("needed", 0)),
                reasons=tuple(
                    Reason(str(r["role"]), str(r["item"]), float(r["effect"]), r["answer"])
                    for r in data.get("reasons", ())
                ),
                notes=tuple(str(n) for n in data.get("notes", ())),
                low_interest=bool(data.get("low_interest", False)),
                separation=float(data.get("separation", 0.0)),
                spread=float(data.get("spread", 0.0)),
            )
        except (KeyError, TypeError, AttributeError, OverflowError) as error:
            raise ValueError(f"not a result record: {type(error).__name__}: {error}") from None


def _optional_text(value: object) -> str | None:
    return None if value is None else str(value)


def _plain(value: Any) -> Any:
    """Facts as JSON data: mappings to dicts, tuples to lists."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    return value
