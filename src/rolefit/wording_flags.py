"""The words of a result's validity flags; part of ``rolefit.wording``, which re-exports them.

Kept apart only to keep modules short: every word of a result is still made through
``rolefit.wording.result_words`` (and, for a counsellor's copy of the printed summary,
``validity_words``, which says what each check looks for).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

from rolefit.bank.model import Bank, ChoiceItem
from rolefit.i18n import _
from rolefit.scoring.result import Flag, Result


class FlagWords(NamedTuple):
    code: str
    title: str  # a few words: "Answers that disagree"
    message: str  # what happened and what to do


def role_in_sentence(bank: Bank, role_id: str) -> str:
    """A role's title as it reads inside a sentence ("operations management")."""
    title = bank.role(role_id).title
    # Lower-case only a capitalised first word ("Operations management"), not an
    # acronym or a name ("HR management", "McKinsey practice").
    if len(title) > 1 and title[0].isupper() and title[1].islower():
        return title[0].lower() + title[1:]
    return title


def flag_words(bank: Bank, flag: Flag) -> FlagWords:
    facts = flag.facts
    if flag.code == "incomplete":
        message = _(
            "You answered {answered} of {total} questions; at least {needed} are needed for a "
            "result you can rely on."
        ).format(
            answered=facts.get("answered", "?"),
            total=facts.get("total", "?"),
            needed=facts.get("needed", "?"),
        )
        missing = [
            role_in_sentence(bank, r) for r in facts.get("missing_roles", ()) if _has_role(bank, r)
        ]
        if missing:
            message += " " + _("Nothing you answered was about {roles}.").format(
                roles=_(" or ").join(missing)
            )
        message += " " + _("Answering the questions you skipped would firm it up.")
        return FlagWords(flag.code, _("Incomplete"), message)
    if flag.code == "straight-lining":
        return FlagWords(flag.code, _("The same answer throughout"), _straight(bank, facts))
    if flag.code == "acquiescence":
        return FlagWords(
            flag.code,
            _("Agreeing with everything"),
            _(
                "You agreed with questions asked the other way round (such as how much you "
                "would dislike a task) about as much as with the rest, so your answers may "
                "lean towards agreeing rather than towards a role. Read each question's "
                "wording once more."
            ),
        )
    if flag.code == "inconsistent":
        return FlagWords(flag.code, _("Answers that disagree"), _inconsistent(bank, facts))
    return FlagWords(
        flag.code,
        _("Read with care"),
        _("RoleFit noticed something in these answers ({code}) that calls for care.").format(
            code=flag.code
        ),
    )


def _straight(bank: Bank, facts: Mapping[str, Any]) -> str:
    same, answered = facts.get("same", "?"), facts.get("answered", "?")
    kind = facts.get("kind")
    advice = _(
        "That can happen when the questions feel alike, but it hides your real preferences: "
        "try again, taking each question on its own."
    )
    value = facts.get("value")
    if kind == "likert" and isinstance(value, int) and _on_scale(bank, value):
        return (
            _(
                "{same} of your {answered} answers on the scale were \u201c{label}\u201d, "
                "including answers to questions asked the other way round (how much you "
                "would dislike a task), where the same answer means the opposite."
            ).format(same=same, answered=answered, label=bank.scale.label(value).lower())
            + " "
            + advice
        )
    first, last = str(facts.get("from", "")), str(facts.get("to", ""))
    if kind == "stretch" and bank.has_item(first) and bank.has_item(last):
        return (
            _(
                "All {same} answers from \u201c{first}\u201d to \u201c{last}\u201d were "
                "the same (the same point on the scale, and the option in the same place)."
            ).format(same=same, first=bank.item(first).summary, last=bank.item(last).summary)
            + " "
            + advice
        )
    return (
        _("{same} of your {answered} answers were the same.").format(same=same, answered=answered)
        + " "
        + advice
    )


def _inconsistent(bank: Bank, facts: Mapping[str, Any]) -> str:
    message = _(
        "Your answers about the same kind of work point different ways more often than "
        "careful answers do."
    )
    if facts.get("basis") == "task":
        message += " " + _(
            "Some tasks are asked about more than once, some of them the other way round, and "
            "your answers about the same task disagree."
        )
    first, last = str(facts.get("from", "")), str(facts.get("to", ""))
    if bank.has_item(first) and bank.has_item(last):
        message += " " + _(
            "It happened in one part of the questionnaire, from \u201c{first}\u201d to "
            "\u201c{last}\u201d."
        ).format(first=bank.item(first).summary, last=bank.item(last).summary)
    shown = "; ".join(filter(None, (_example(bank, e) for e in facts.get("examples", ()))))
    if shown:
        message += " " + _("For example: {examples}.").format(examples=shown)
    return (
        message
        + " "
        + _(
            "Perhaps some questions were answered in a hurry or misread: check your answers "
            "before relying on the result."
        )
    )


def _on_scale(bank: Bank, value: int) -> bool:
    return bank.scale.min <= value <= bank.scale.max


def _answered(bank: Bank, item_id: str, answer: object) -> str:
    """'you answered "very much" to "How much would you ...?"', or '' if it cannot be said."""
    if not bank.has_item(item_id) or not isinstance(answer, int) or not _on_scale(bank, answer):
        return ""
    return _("you answered \u201c{label}\u201d to \u201c{question}\u201d").format(
        label=bank.scale.label(answer).lower(), question=bank.item(item_id).text
    )


def _has_role(bank: Bank, role_id: str) -> bool:
    return role_id in bank.role_ids


def _example(bank: Bank, example: Mapping[str, Any]) -> str:
    if "choice" in example and bank.has_item(str(example["choice"])):
        item = bank.item(str(example["choice"]))
        if isinstance(item, ChoiceItem):
            chosen, other = item.option(str(example["chosen"])), item.option(str(example["other"]))
            if chosen and other:
                choice = _("you chose \u201c{chosen}\u201d over \u201c{other}\u201d").format(
                    chosen=chosen.text, other=other.text
                )
                likert = _answered(bank, str(example.get("item", "")), example.get("answer"))
                if likert:
                    return _("{choice}, but {likert}").format(choice=choice, likert=likert)
                return choice
    first, second = str(example.get("first", "")), str(example.get("second", ""))
    answers = (example.get("first_answer"), example.get("second_answer"))
    if _answered(bank, first, answers[0]) and _answered(bank, second, answers[1]):
        return _(
            "you answered \u201c{first_label}\u201d to \u201c{first}\u201d and "
            "\u201c{second_label}\u201d to \u201c{second}\u201d"
        ).format(
            first_label=bank.scale.label(int(str(answers[0]))).lower(),
            first=bank.item(first).text,
            second_label=bank.scale.label(int(str(answers[1]))).lower(),
            second=bank.item(second).text,
        )
    if bank.has_item(first) and bank.has_item(second):
        return _("\u201c{first}\u201d and \u201c{second}\u201d").format(
            first=bank.item(first).summary, second=bank.item(second).summary
        )
    return ""


def flag_meaning(code: str) -> tuple[str, str] | None:
    """What a check looks for, for the counsellor's validity section: (title, meaning)."""
    meanings = {
        "incomplete": (
            _("Incomplete"),
            _("too few answers for a verdict, or none about one of the roles"),
        ),
        "straight-lining": (
            _("The same answer throughout"),
            _("nearly every answer the same scale point or option position"),
        ),
        "acquiescence": (
            _("Agreeing with everything"),
            _("agreement with reverse-worded questions as high as with the rest"),
        ),
        "inconsistent": (
            _("Answers that disagree"),
            _("answers about the same work straying more than careful answers do"),
        ),
    }
    return meanings.get(code)


CHECKS = ("incomplete", "straight-lining", "acquiescence", "inconsistent")


class ValidityWords(NamedTuple):
    """The counsellor's validity section of a printed summary."""

    heading: str
    answers: str  # how many answers fell on each scale point, the choices, the skipped
    checks: tuple[str, ...]  # each check: what it looks for, and whether it was raised


def validity_words(bank: Bank, result: Result, answers: Mapping[str, int | str]) -> ValidityWords:
    """What a professional report's validity section says: the answers used per scale
    point, each check RoleFit makes and what it means, and the flags raised."""
    from collections import Counter

    points: Counter[int] = Counter()
    choices = 0
    for item_id, value in answers.items():
        if not bank.has_item(item_id):
            continue
        if isinstance(bank.item(item_id), ChoiceItem):
            choices += 1
        elif isinstance(value, int):
            points[value] += 1
    scale = " \u00b7 ".join(
        _("{point} \u201c{label}\u201d: {n}").format(
            point=point, label=bank.scale.label(point), n=points[point]
        )
        for point in range(bank.scale.min, bank.scale.max + 1)
    )
    line = _(
        "Answers per scale point: {scale}. Forced choices: {choices}. Not answered: {skipped}."
    ).format(scale=scale, choices=choices, skipped=max(0, result.total - result.answered))
    raised = {f.code: flag_words(bank, f) for f in result.flags}
    checks = []
    for code in (*CHECKS, *(c for c in raised if c not in CHECKS)):
        meaning = flag_meaning(code)
        title = meaning[0] if meaning else raised[code].title
        if code in raised:
            checks.append(
                _("{title} \u2013 raised: {message}").format(
                    title=title, message=raised[code].message
                )
            )
        elif meaning is not None:
            checks.append(
                _("{title} \u2013 not raised ({meaning}).").format(title=title, meaning=meaning[1])
            )
    return ValidityWords(_("For the counsellor: validity"), line, tuple(checks))
