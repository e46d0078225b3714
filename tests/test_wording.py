"""Every word of a result comes from rolefit.wording, whatever the result holds."""

import dataclasses

import pytest
from scoring.respondents import respond

from rolefit.scoring import Flag, Reason, make_answers, score_answers
from rolefit.wording import answer_words, result_json, result_text, result_words

OPS = {"operations": 1.0, "business": 0.0, "general": 0.0}
OTHER = "hand-out-jobs"


@pytest.fixture
def result(bank):
    return score_answers(bank, make_answers(bank, respond(bank, OPS)))


def test_no_recommendation_is_said_plainly_and_the_fits_still_show(bank, result):
    none = dataclasses.replace(result, recommendation=None, runner_up=None, confidence="none")
    words = result_words(bank, none)
    assert words.headline == "No clear preference between the roles."
    assert "recommends none" in words.confidence
    text = result_text(bank, none)
    assert words.headline in text
    for role in bank.roles:
        assert role.title in text
    assert result_json(bank, none)["recommendation"] is None


def test_too_few_answers_for_a_verdict_say_how_many_are_needed(bank, result):
    few = dataclasses.replace(
        result, recommendation=None, runner_up=None, confidence="none", answered=3, needed=42
    )
    words = result_words(bank, few)
    assert words.headline == "Too few answers for a verdict yet."
    assert "3 of 56 questions answered; at least 42 are needed." in words.summary
    assert words.confidence_label == "No verdict"


@pytest.mark.parametrize(
    "flag",
    [
        Flag(
            "incomplete", {"answered": 3, "total": 56, "needed": 42, "missing_roles": ["general"]}
        ),
        Flag("straight-lining", {"same": 50, "answered": 56}),
        Flag("acquiescence", {"reverse_items": ["dislike-stock-keeping"]}),
        Flag(
            "inconsistent",
            {
                "spread": 34.0,
                "limit": 29.5,
                "examples": [{"first": "stock-levels", "second": "dislike-stock-keeping"}],
            },
        ),
        Flag(
            "inconsistent",
            {"examples": [{"choice": "first-task", "chosen": "interviews", "other": OTHER}]},
        ),
        Flag("inconsistent", {"examples": [{"first": "retired-item", "second": "hiring"}]}),
        Flag(
            "inconsistent",
            {
                "spread": 40.0,
                "limit": 31.0,
                "basis": "task",
                "from": "dislike-reviews",
                "to": "afternoon",
                "examples": [
                    {
                        "first": "production-floor",
                        "first_answer": 5,
                        "second": "dislike-production-floor",
                        "second_answer": 5,
                    },
                    {
                        "choice": "first-task",
                        "chosen": "interviews",
                        "other": OTHER,
                        "item": "onboarding",
                        "answer": 1,
                    },
                    {"first": "hiring", "first_answer": 9, "second": "onboarding"},
                ],
            },
        ),
        Flag("straight-lining", {"same": 13, "answered": 14, "kind": "likert", "value": 5}),
        Flag("straight-lining", {"same": 12, "answered": 14, "kind": "likert", "value": 0}),
        Flag(
            "straight-lining",
            {"same": 19, "answered": 19, "kind": "stretch", "from": "dislike-reviews", "to": "x"},
        ),
        Flag("incomplete"),  # facts missing (an older record): still a sentence
        Flag("a-later-code", {"x": 1}),  # a code this version does not know
    ],
)
def test_every_flag_has_a_title_and_a_message(bank, result, flag):
    words = result_words(bank, dataclasses.replace(result, flags=(flag,)))
    (shown,) = words.flags
    assert shown.code == flag.code and shown.title and len(shown.message) > 20
    assert "{" not in shown.message


def test_a_reverse_item_is_paraphrased_as_it_was_asked(bank):
    item = bank.item("dislike-stock-keeping")
    text = answer_words(bank, item, 5)
    assert text == (
        "You answered \u201cvery much\u201d to \u201cHow much would you dislike keeping track "
        "of what is in stock and what is on order?\u201d"
    )
    assert answer_words(bank, bank.item("stock-levels"), 2) == (
        "Keeping materials and stock at the right level: you answered \u201ca little\u201d"
    )


def test_the_fit_points_are_one_true_sentence(bank, result):
    words = result_words(bank, result)
    assert words.fit_points.count(".") == 1 and "starts at 50" in words.fit_points
    for group in words.reasons:
        for reason in group.reasons:
            assert reason.points == f"{round(reason.effect):+d}"
            assert (reason.effect > 0) == (reason.direction == "raised")


def test_no_verdict_for_level_fits_says_what_would_separate_them(bank):
    level = score_answers(
        bank, make_answers(bank, {i.id: 4 for i in bank.items if i.kind == "likert"})
    )
    words = result_words(bank, level)
    assert words.headline == "No clear preference between the roles."
    assert "Your fits are level. What would separate them" in words.summary
    assert "does not point to general management" in words.summary
    assert any("which tasks you would enjoy most" in step for step in words.next_steps)
    text = result_text(bank, level)
    for role in bank.roles:
        assert role.title in text


def test_a_reason_for_an_item_the_bank_no_longer_has_still_reads(bank, result):
    gone = dataclasses.replace(result, reasons=(Reason("operations", "retired-item", 3.0, 4),))
    (group,) = result_words(bank, gone).reasons
    assert group.reasons[0].text and group.reasons[0].points == "+3"


def test_points_are_whole_numbers_everywhere(bank, result):
    words = result_words(bank, result)
    text = result_text(bank, result)
    for group in words.reasons:
        for reason in group.reasons:
            assert reason.points.lstrip("+-").isdigit()
            assert f"{reason.points:>4}  {reason.text}" in text
