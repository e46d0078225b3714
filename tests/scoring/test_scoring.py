"""The verdict for recognisable kinds of respondent, the flags and the reasons."""

import pytest
from respondents import respond

from rolefit.bank import ChoiceItem, LikertItem
from rolefit.scoring import Result, ScoringError, make_answers, score_answers
from rolefit.wording import result_json, result_words

OPS = {"operations": 1.0, "business": 0.0, "general": 0.0}
BUS = {"operations": 0.0, "business": 1.0, "general": 0.0}
GEN = {"operations": 0.0, "business": 0.0, "general": 1.0}


def score(bank, values, form="full"):
    return score_answers(bank, make_answers(bank, values, form))


def words(bank, result):
    return result_words(bank, result)


@pytest.mark.parametrize("form", ["full", "short"])
@pytest.mark.parametrize(
    ("prefs", "role"), [(OPS, "operations"), (BUS, "business"), (GEN, "general")]
)
def test_a_clear_profile_gets_a_strong_recommendation(bank, prefs, role, form):
    result = score(bank, respond(bank, prefs, form), form)
    assert result.recommendation == role
    assert result.confidence == "strong"
    assert result.flags == ()


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize(
    ("prefs", "role"),
    [
        ({"operations": 0.8, "business": 0.4, "general": 0.5}, "operations"),
        ({"operations": 0.4, "business": 0.8, "general": 0.5}, "business"),
        ({"operations": 0.4, "business": 0.4, "general": 0.85}, "general"),
    ],
)
def test_a_leaning_profile_survives_noisy_answers(bank, prefs, role, seed):
    result = score(bank, respond(bank, prefs, noise=0.6, seed=seed))
    assert result.recommendation == role


def test_breadth_points_to_general_management_not_to_a_specialist(bank):
    broad = {"operations": 0.9, "business": 0.9, "general": 0.9}
    result = score(bank, respond(bank, broad))
    assert result.recommendation == "general"
    assert result.confidence in ("strong", "moderate")


def test_general_is_not_a_leftover_for_someone_who_likes_nothing(bank):
    cold = {"operations": 0.1, "business": 0.1, "general": 0.1}
    result = score(bank, respond(bank, cold))
    assert max(result.fit.values()) < 40
    assert result.low_interest
    assert "None of the roles appeals to you much" in words(bank, result).summary


def test_two_specialist_interests_give_a_close_call_naming_both(bank):
    result = score(bank, respond(bank, {"operations": 1.0, "business": 1.0, "general": 0.0}))
    assert {result.recommendation, result.runner_up} == {"operations", "business"}
    assert result.confidence == "close"
    summary = words(bank, result).summary
    assert "close call between" in summary
    assert "operations management" in summary and "business management" in summary


def test_shared_tasks_do_not_drown_the_differences(bank):
    # Love for the tasks all roles share, indifference to the rest: no role should win big.
    values = {}
    for item in bank.items:
        if isinstance(item, LikertItem):
            shared = all(len(bank.task(t).roles) == 3 for t in item.tasks)
            values[item.id] = 5 if shared and not item.reverse else 3
    result = score(bank, values)
    assert max(result.fit.values()) - min(result.fit.values()) < 25


@pytest.mark.parametrize("value", [1, 2, 3, 4, 5])
def test_the_same_answer_everywhere_is_flagged_and_never_strong(bank, value):
    values = {i.id: value if isinstance(i, LikertItem) else i.options[0].id for i in bank.items}
    result = score(bank, values)
    assert "straight-lining" in result.flag_codes()
    assert result.confidence != "strong"


def test_agreeing_with_everything_is_acquiescence(bank):
    values = respond(bank, OPS)
    for item in bank.items:
        if isinstance(item, LikertItem):
            values[item.id] = 5 if item.reverse else max(4, values[item.id])
    result = score(bank, values)
    assert "acquiescence" in result.flag_codes()
    assert result.confidence != "strong"


def test_disliking_everything_consistently_is_not_acquiescence(bank):
    values = respond(bank, {"operations": 0.0, "business": 0.0, "general": 0.0})
    assert "acquiescence" not in score(bank, values).flag_codes()


def test_contradicting_answers_on_the_same_task_are_inconsistent(bank):
    values = respond(bank, OPS)
    values["stock-levels"] = 5
    values["stock-tiresome"] = 5  # very much enjoys stock work, and finds it very tiresome
    result = score(bank, values)
    assert "inconsistent" in result.flag_codes()
    assert {"first": "stock-levels", "second": "stock-tiresome"} in result.flags[0].facts[
        "examples"
    ]
    message = words(bank, result).flags[0].message
    assert "keeping materials and stock at the right level" in message
    assert result.confidence != "strong"


def test_a_clear_respondent_with_small_slips_is_not_flagged(bank):
    for seed in range(10):
        values = respond(
            bank, {"operations": 0.85, "business": 0.2, "general": 0.4}, noise=0.5, seed=seed
        )
        assert score(bank, values).flags == (), seed


def test_too_few_answers_are_incomplete_but_still_scored(bank):
    values = dict(list(respond(bank, OPS).items())[:20])
    result = score(bank, values)
    assert "incomplete" in result.flag_codes()
    assert result.answered == 20 and result.total == len(bank.forms["full"])
    assert result.recommendation == "operations"
    assert result.confidence != "strong"


def test_a_role_with_no_answers_at_all_is_incomplete(bank):
    values = {
        i: v
        for i, v in respond(bank, OPS).items()
        if not any("general" in bank.task(t).roles for t in bank.item(i).tasks)
    }
    result = score(bank, values)
    assert "incomplete" in result.flag_codes()
    assert result.flag("incomplete").facts["missing_roles"] == ("general",)
    assert "general management" in words(bank, result).flags[0].message


def test_no_answers_cannot_be_scored(bank):
    with pytest.raises(ScoringError):
        score(bank, {})


def test_reverse_keying_is_min_plus_max_minus_x(bank):
    forward = score(bank, {"stock-levels": 4}).levels["operations"]
    reverse = score(bank, {"stock-tiresome": 2}).levels["operations"]
    assert forward == reverse


def test_reasons_name_the_answers_that_moved_each_role(bank):
    values = respond(bank, OPS)
    result = score(bank, values)
    ops = result.reasons_for("operations")
    assert ops and all(r.effect > 0 for r in ops if r.direction == "raised")
    texts = {
        r.item: r.text
        for g in words(bank, result).reasons
        for r in g.reasons
        if g.role == "operations"
    }
    for reason in ops:
        assert reason.answer == values[reason.item]
        item = bank.item(reason.item)
        if isinstance(item, ChoiceItem):  # what was chosen is operations work
            picked = item.option(values[item.id])
            assert any("operations" in bank.task(t).roles for t in picked.tasks)
        else:
            assert "operations" in {r for t in item.tasks for r in bank.task(t).roles}
            text = texts[reason.item]
            assert "\u201cvery much\u201d" in text or "\u201cnot at all\u201d" in text
    business = result.reasons_for("business")
    assert any(r.direction == "lowered" for r in business)
    for reason in result.reasons:
        assert reason.item in values


def test_choice_reasons_say_what_was_chosen_over_what(bank):
    item = next(i for i in bank.items if isinstance(i, ChoiceItem) and i.id == "week-run-or-report")
    result = score(bank, {item.id: "quarterly-report", "company-finances": 5})
    texts = [r.text for g in words(bank, result).reasons for r in g.reasons if g.role == "business"]
    assert any(
        t.startswith("You chose \u201cPreparing the quarterly financial report\u201d over")
        for t in texts
    )


def test_money_overlap_is_explained_when_money_work_appeals(bank):
    values = respond(bank, BUS)
    values.update({"purchasing": 5, "growth-plan": 5, "company-finances": 5})
    result = score(bank, values)
    assert "money-matters" in result.notes
    assert any("Who handles the money" in note for note in words(bank, result).notes)
    cold = score(bank, respond(bank, GEN))
    assert "money-matters" not in cold.notes
    assert not any("Who handles the money" in note for note in words(bank, cold).notes)


def test_dimension_profile_reflects_answers(bank):
    result = score(bank, respond(bank, OPS))
    assert result.dimensions["making"] > 90
    assert result.dimensions["rules"] < 30


def test_json_shape(bank):
    data = result_json(bank, score(bank, respond(bank, GEN, "short"), "short"))
    assert set(data) >= {
        "recommendation",
        "confidence",
        "fit",
        "flags",
        "answered",
        "total",
        "reasons",
    }
    assert data["recommendation"] in ("operations", "business", "general")
    assert data["confidence"] in ("strong", "moderate", "close")
    assert data["summary"] and all(r["text"] for r in data["reasons"])
    assert set(data["fit"]) == {"operations", "business", "general"}
    assert data["answered"] == data["total"] == len(bank.forms["short"])


def test_the_record_reads_back_as_the_same_result(bank):
    for prefs in (OPS, BUS, GEN):
        values = respond(bank, prefs, noise=0.8, seed=3)
        values.pop("hiring")
        result = score(bank, values)
        assert Result.from_record(result.to_record()) == result


@pytest.mark.parametrize(
    "damage", [{"fit": None}, {"confidence": "very"}, {"bank": 3}, {"reasons": [{"role": 1}]}]
)
def test_a_damaged_record_is_refused_in_words(bank, damage):
    record = {**score(bank, respond(bank, OPS)).to_record(), **damage}
    with pytest.raises(ValueError, match="not a result record|unknown confidence"):
        Result.from_record(record)


def test_the_worked_example_in_docs_scoring_md(bank):
    result = score(
        bank,
        {
            "production-floor": 5,
            "company-finances": 2,
            "hiring": 4,
            "answer-for-targets": 4,
            "week-run-or-report": "production-run",
        },
    )
    assert dict(result.fit) == {"operations": 84.0, "business": 24.1, "general": 60.8}
    assert result.margin == 23.2 and result.breadth == 34.4
    assert result.confidence == "moderate" and result.flag_codes() == ("incomplete",)
