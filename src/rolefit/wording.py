"""Every word of a result, made in one place (no Qt).

Scoring returns codes and numbers (``rolefit.scoring.Result``). This module turns them
into the sentences a person reads: the headline, the confidence line, each flag, each
reason, the notes and the next steps. The window, the printed summary and
``rolefit score`` all show what ``result_words`` returns, so they cannot disagree, and
every text is looked up through ``rolefit.i18n`` when it is made. (The flags' messages
are written in ``rolefit.wording_flags``, only to keep modules short.)
"""

from __future__ import annotations

from typing import Any, NamedTuple

from rolefit.bank.model import Bank, ChoiceItem, Item
from rolefit.i18n import _, ngettext
from rolefit.scoring.result import Reason, Result, caps_the_verdict
from rolefit.wording_flags import (
    FlagWords,
    flag_words,
    role_in_sentence,
)

Answer = int | str

# Every role's level at least this (0..100): the person likes every kind of work.
BROAD_INTEREST = 60.0


class ReasonWords(NamedTuple):
    role: str
    item: str
    direction: str  # "raised" or "lowered"
    effect: float  # fit points, signed
    points: str  # the effect as shown: "+12"
    text: str  # the answer in words


class RoleReasons(NamedTuple):
    role: str
    heading: str  # "Operations management (fit 72)"
    reasons: tuple[ReasonWords, ...]


class ResultWords(NamedTuple):
    headline: str
    details: tuple[str, ...]  # sentences that follow the headline at normal size
    confidence_label: str  # "Strong"
    confidence: str  # "Confidence: strong. The recommended role is well ahead of the others."
    flags: tuple[FlagWords, ...]
    fit_points: str  # one sentence: what the fit numbers and reason points mean
    reasons: tuple[RoleReasons, ...]
    notes: tuple[str, ...]
    next_steps: tuple[str, ...]
    answered: str  # "You answered 40 of 56 questions (full form)."
    towards: str = ""  # the label over the answers that raised a role's fit
    away: str = ""  # ... and over those that lowered it

    @property
    def summary(self) -> str:
        """The headline and what follows it, as one paragraph."""
        return " ".join((self.headline, *self.details))


class Headings(NamedTuple):
    fit: str
    areas: str
    why: str
    roles: str
    next_steps: str
    care: str
    title: str


def headings() -> Headings:
    """The section headings of a result, on screen and on paper alike."""
    return Headings(
        fit=_("Your fit for each role (0\u2013100)"),
        areas=_("Your interest in each area of work (0\u2013100)"),
        why=_("Why: the answers that pointed where"),
        roles=_("What each role does day to day"),
        next_steps=_("Next steps"),
        care=_("Read with care"),
        title=_("RoleFit summary"),
    )


def points(effect: float) -> str:
    """Fit points as shown everywhere: a signed whole number."""
    return f"{round(effect):+d}"


def fit_number(value: float) -> str:
    return f"{round(value):d}"


def headline(bank: Bank, result: Result) -> str:
    if result.recommendation is None or result.confidence == "none":
        if result.answered < result.needed:
            return _("Too few answers for a verdict yet.")
        return _("No clear preference between the roles.")
    first = role_in_sentence(bank, result.recommendation)
    second = role_in_sentence(bank, result.runner_up) if result.runner_up else ""
    if result.confidence == "strong":
        return _("A strong fit for {role}.").format(role=first)
    if result.confidence == "moderate":
        return _("A moderate lean towards {role}, with {other} next.").format(
            role=first, other=second
        )
    return _("A close call between {role} and {other}.").format(role=first, other=second)


def confidence_label(result: Result) -> str:
    return confidence_name(result.confidence)


def confidence_name(code: str) -> str:
    """A confidence band's name ("Strong"); an unknown code as it is."""
    return {
        "strong": _("Strong"),
        "moderate": _("Moderate"),
        "close": _("Close call"),
        "none": _("No verdict"),
    }.get(code, code)


def confidence_line(bank: Bank, result: Result) -> str:
    explanation = {
        "strong": _(
            "The recommended role is ahead of the others by far more than your answers vary "
            "from one question to the next."
        ),
        "moderate": _(
            "The recommended role leads by more than your answers vary, but not by much: look "
            "at the runner-up too."
        ),
        "close": _(
            "The two highest fits are too close to tell apart, though both are clearly ahead "
            "of the third: both deserve a closer look."
        ),
        "none": _("Your answers do not separate the roles, so RoleFit recommends none of them.")
        if result.answered >= result.needed
        else _("There are too few answers to weigh the roles against each other."),
    }[result.confidence]
    params = bank.scoring
    if (
        result.confidence == "moderate"
        and result.answered < params.strong_min_answers
        and result.margin >= params.strong_margin
        and result.separation >= params.strong_z
        and not caps_the_verdict(result.flags)
    ):
        explanation = _(
            "The recommended role is well ahead, but {answered} answers are too few for "
            "RoleFit to call any verdict strong: the full questionnaire can say more."
        ).format(answered=result.answered)
    return _("Confidence: {label}. {explanation}").format(
        label=confidence_label(result), explanation=explanation
    )


def _details(bank: Bank, result: Result) -> tuple[str, ...]:
    details: list[str] = []
    if result.confidence == "none" and result.answered < result.needed:
        details.append(
            _("{answered} of {total} questions answered; at least {needed} are needed.").format(
                answered=result.answered, total=result.total, needed=result.needed
            )
        )
    elif result.confidence == "none" and not result.flag("incomplete"):
        gap = fit_number(max(result.fit.values()) - min(result.fit.values()))
        apart = _(
            "Your fits are at most {gap} points apart, no more than your answers vary from one "
            "question to the next."
        )
        separate = (
            _(
                "What would separate them is a clearer liking for one kind of work than the "
                "others: the answers below show what moved each fit."
            )
            if result.reasons
            else _(
                "What would separate them is a clearer liking for one kind of work than the "
                "others; no single answer of yours leaned either way."
            )
        )
        details.append(
            (apart.format(gap=gap) if gap != "0" else _("Your fits are level.")) + " " + separate
        )
        generalist = next((r for r in bank.roles if r.profile == "generalist"), None)
        if generalist and min(result.levels.values(), default=0.0) >= BROAD_INTEREST:
            details.append(
                _(
                    "You like every kind of work here. That alone does not point to {role}: "
                    "it is earned by liking its own work more than the rest."
                ).format(role=role_in_sentence(bank, generalist.id))
            )
    if result.low_interest:
        best = max(result.fit.values(), default=0.0)
        details.append(
            _(
                "None of the roles appeals to you much, though: the best fit is {fit} of 100."
            ).format(fit=fit_number(best))
        )
    return tuple(details)


def answer_label(bank: Bank, item: Item, value: Answer) -> str:
    """An answer as the person chose it: "4 – Quite a lot", or the option's text."""
    if isinstance(item, ChoiceItem):
        option = item.option(str(value))
        return option.text if option else str(value)
    return f"{value} \u2013 {bank.scale.label(int(value))}"


def answer_words(bank: Bank, item: Item, value: Answer) -> str:
    """An answer in words a person understands, true to how the question was asked."""
    if isinstance(item, ChoiceItem):
        chosen = item.option(str(value))
        others = [
            f"\u201c{o.text}\u201d" for o in item.options if chosen is None or o.id != chosen.id
        ]
        picked = chosen.text if chosen else str(value)
        return _("You chose \u201c{chosen}\u201d over {others}").format(
            chosen=picked, others=_(" and ").join(others)
        )
    label = bank.scale.label(int(value)).lower()
    if item.reverse:
        # Asked the other way round: quote the question, so the answer reads as it was given.
        return _("You answered \u201c{label}\u201d to \u201c{question}\u201d").format(
            label=label, question=item.text
        )
    subject = item.summary[:1].upper() + item.summary[1:]
    return _("{subject}: you answered \u201c{label}\u201d").format(subject=subject, label=label)


def _reason_words(bank: Bank, reason: Reason) -> ReasonWords:
    return ReasonWords(
        reason.role,
        reason.item,
        reason.direction,
        reason.effect,
        points(reason.effect),
        answer_words(bank, bank.item(reason.item), reason.answer)
        if bank.has_item(reason.item)
        else _("An answer to a question this bank no longer has"),
    )


def fit_points_sentence() -> str:
    return _(
        "Each fit runs from 0 to 100 and starts at 50, and every answer moves it up or down; "
        "the answers that moved it most are listed with the points each one gave or took."
    )


def next_steps(bank: Bank, result: Result) -> tuple[str, ...]:
    steps = [
        _(
            "Read what each role does day to day, and ask someone who does it what a normal "
            "week looks like."
        ),
        _("Look at job adverts for your top role and note which tasks you would enjoy most."),
        _("If you are working with a career counsellor, bring this summary to your next session."),
    ]
    if result.confidence == "none":
        steps[1] = _(
            "Look at job adverts for each role and note which tasks you would enjoy most: that "
            "is what would separate the roles for you."
        )
    if result.confidence == "close" and result.recommendation and result.runner_up:
        steps.insert(
            0,
            _("Compare {role} and {other} side by side.").format(
                role=role_in_sentence(bank, result.recommendation),
                other=role_in_sentence(bank, result.runner_up),
            ),
        )
    if result.flags:
        steps.insert(
            0,
            _(
                "Go through the notes marked \u201cRead with care\u201d, then take the "
                "questionnaire again."
            ),
        )
    return tuple(steps)


def answered_line(result: Result) -> str:
    return ngettext(
        "You answered {answered} of {total} question ({form} form).",
        "You answered {answered} of {total} questions ({form} form).",
        result.total,
    ).format(answered=result.answered, total=result.total, form=result.form)


def result_words(bank: Bank, result: Result) -> ResultWords:
    """All the words of ``result``; ``bank`` is the bank it was scored with."""
    notes = {n.id: n.text for n in bank.notes}
    reasons = []
    for role in bank.roles:
        found = result.reasons_for(role.id)
        if not found:
            continue
        heading = _("{role} (fit {fit})").format(
            role=role.title, fit=fit_number(result.fit.get(role.id, 0.0))
        )
        reasons.append(RoleReasons(role.id, heading, tuple(_reason_words(bank, r) for r in found)))
    return ResultWords(
        headline=headline(bank, result),
        details=_details(bank, result),
        confidence_label=confidence_label(result),
        confidence=confidence_line(bank, result),
        flags=tuple(flag_words(bank, f) for f in result.flags),
        fit_points=fit_points_sentence(),
        reasons=tuple(reasons),
        notes=tuple(notes[n] for n in result.notes if n in notes),
        next_steps=next_steps(bank, result),
        answered=answered_line(result),
        towards=_("Pointing towards it:"),
        away=_("Pointing away from it:"),
    )


def result_json(bank: Bank, result: Result) -> dict[str, Any]:
    """The ``rolefit score --json`` shape (a contract: keys are only ever added)."""
    words = result_words(bank, result)
    texts = {(r.role, r.item): r.text for group in words.reasons for r in group.reasons}
    return {
        "recommendation": result.recommendation,
        "runner_up": result.runner_up,
        "confidence": result.confidence,
        "margin": result.margin,
        "summary": words.summary,
        "fit": dict(result.fit),
        "flags": [f.code for f in result.flags],
        "flag_messages": {f.code: f.message for f in words.flags},
        "answered": result.answered,
        "total": result.total,
        "needed": result.needed,
        "reasons": [
            {
                "role": r.role,
                "item": r.item,
                "direction": r.direction,
                "effect": r.effect,
                "text": texts.get((r.role, r.item), ""),
            }
            for r in result.reasons
        ],
        "levels": dict(result.levels),
        "breadth": result.breadth,
        "dimensions": dict(result.dimensions),
        "notes": list(words.notes),
        "note_ids": list(result.notes),
        "bank": {"id": result.bank_id, "version": result.bank_version},
        "form": result.form,
        "separation": result.separation,
        "spread": result.spread,
    }


def result_text(bank: Bank, result: Result) -> str:
    """The result as plain text for a terminal: the same words as the window."""
    words = result_words(bank, result)
    lines = [words.headline, *words.details, words.confidence, ""]
    for role in bank.roles:
        value = result.fit.get(role.id, 0.0)
        bar = "#" * round(value / 5)
        lines.append(f"  {role.title:<24} {fit_number(value):>3}  {bar}")
    lines += ["", words.answered]
    for flag in words.flags:
        lines.append(
            _("{care} \u2013 {title}: {message}").format(
                care=headings().care, title=flag.title, message=flag.message
            )
        )
    if words.reasons:
        lines += ["", headings().why, words.fit_points]
    for group in words.reasons:
        lines += ["", group.heading]
        for reason in group.reasons:
            lines.append(f"  {reason.points:>4}  {reason.text}")
    for note in words.notes:
        lines += ["", note]
    lines += ["", headings().next_steps]
    lines += [f"  - {step}" for step in words.next_steps]
    return "\n".join(lines) + "\n"
