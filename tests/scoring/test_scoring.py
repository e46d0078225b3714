"""The verdict for recognisable kinds of respondent, the flags and the reasons."""

import random

import pytest
from respondents import respond

from rolefit.bank import ChoiceItem, LikertItem
from rolefit.scoring import Result, ScoringError, make_answers, score_answers
from rolefit.wording import result_json, result_words

OPS = {"operations": 1.0, "business": 0.0, "general": 0.0}
BUS = {"operations": 0.0, "business": 1.0, "general": 0.0}
GEN = {"operations": 0.0, "business": 0.0, "general": 1.0}
FORMS = ["full", "short"]


def score(bank, values, form="full"):
    return score_answers(bank, make_answers(bank, values, form))


def words(bank, result):
    return result_words(bank, result)


def roles_of(bank, item):
    return {r for t in item.tasks for r in bank.task(t).roles}


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize(
    ("prefs", "role"), [(OPS, "operations"), (BUS, "business"), (GEN, "general")]
)
def test_a_clear_profile_gets_the_strongest_recommendation_its_form_allows(bank, prefs, role, form):
    result = score(bank, respond(bank, prefs, form), form)
    assert result.recommendation == role
    assert result.flags == ()
    if form == "full":
        assert result.confidence == "strong"
    else:
        # 17 answers are too few to call anything strong (strong_min_answers): the words
        # say how far ahead the role is, and that the full form can say more.
        assert len(bank.form_items(form)) < bank.scoring.strong_min_answers
        assert result.confidence == "moderate"
        assert "too few for RoleFit to call any verdict strong" in words(bank, result).confidence


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
    assert result.flags == ()


# --- no role by default -------------------------------------------------------------------


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("value", [1, 2, 3, 4, 5])
def test_the_same_answer_everywhere_gives_no_verdict(bank, value, form):
    values = {i.id: value for i in bank.form_items(form) if isinstance(i, LikertItem)}
    result = score(bank, values, form)
    assert (result.recommendation, result.runner_up, result.confidence) == (None, None, "none")
    assert len(set(result.fit.values())) == 1
    assert "straight-lining" in result.flag_codes()


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("position", [0, 1, 2])
def test_choosing_by_position_favours_no_role(bank, position, form):
    values = {
        i.id: i.options[min(position, len(i.options) - 1)].id
        for i in bank.form_items(form)
        if isinstance(i, ChoiceItem)
    }
    values |= {i.id: 3 for i in bank.form_items(form) if isinstance(i, LikertItem)}
    result = score(bank, values, form)
    assert len(set(result.fit.values())) == 1
    assert result.recommendation is None


@pytest.mark.parametrize("form", FORMS)
def test_random_answers_favour_no_role_and_are_never_strong(bank, form):
    rng = random.Random(7)
    verdicts = []
    for _ in range(200):
        values = {
            i.id: rng.choice([o.id for o in i.options])
            if isinstance(i, ChoiceItem)
            else rng.randint(1, 5)
            for i in bank.form_items(form)
        }
        result = score(bank, values, form)
        assert result.confidence != "strong"
        verdicts.append(result.recommendation)
    assert verdicts.count(None) > 0.6 * len(verdicts)
    for role in bank.role_ids:
        assert verdicts.count(role) < 0.15 * len(verdicts), role


@pytest.mark.parametrize("level", [0.1, 0.5, 0.9])
def test_equal_interest_in_every_role_gives_no_verdict(bank, level):
    prefs = dict.fromkeys(("operations", "business", "general"), level)
    verdicts = [
        score(bank, respond(bank, prefs, noise=0.6, seed=s)).recommendation for s in range(20)
    ]
    assert verdicts.count(None) >= 15
    assert max(verdicts.count(r) for r in bank.role_ids) <= 2


def test_cold_to_everything_is_no_verdict_and_says_so(bank):
    result = score(bank, respond(bank, {"operations": 0.1, "business": 0.1, "general": 0.1}))
    assert result.recommendation is None and result.low_interest
    assert "None of the roles appeals to you much" in words(bank, result).summary


def test_liking_everything_is_not_general_management(bank):
    result = score(bank, respond(bank, {"operations": 0.9, "business": 0.9, "general": 0.9}))
    assert result.recommendation is None
    assert "does not point to general management" in words(bank, result).summary


def test_too_few_answers_give_no_verdict(bank):
    values = dict(list(respond(bank, OPS).items())[:3])
    result = score(bank, values)
    assert (result.recommendation, result.confidence) == (None, "none")
    assert "incomplete" in result.flag_codes()
    summary = words(bank, result).summary
    assert summary.startswith("Too few answers for a verdict yet.")
    assert "too few answers to weigh the roles" in words(bank, result).confidence
    assert "3 of 56 questions answered; at least 42 are needed" in summary


def test_just_enough_answers_give_a_verdict(bank):
    values = dict(list(respond(bank, OPS).items())[: bank.forms["full"].__len__() * 3 // 4])
    result = score(bank, values)
    assert result.answered == result.needed and result.recommendation == "operations"
    assert "incomplete" not in result.flag_codes()


def test_a_role_with_no_answers_at_all_gives_no_verdict(bank):
    values = {
        i: v for i, v in respond(bank, OPS).items() if "general" not in roles_of(bank, bank.item(i))
    }
    result = score(bank, values)
    assert "incomplete" in result.flag_codes() and result.recommendation is None
    assert result.flag("incomplete").facts["missing_roles"] == ("general",)
    assert "general management" in words(bank, result).flags[0].message


def test_no_answers_cannot_be_scored(bank):
    with pytest.raises(ScoringError):
        score(bank, {})


# --- general management is earned ---------------------------------------------------------


@pytest.mark.parametrize("seed", range(10))
def test_general_lowest_is_never_told_general(bank, seed):
    rng = random.Random(seed)
    ops, bus = rng.uniform(0.4, 0.9), rng.uniform(0.4, 0.9)
    prefs = {"operations": ops, "business": bus, "general": min(ops, bus) - 0.15}
    for form in FORMS:
        result = score(bank, respond(bank, prefs, form, noise=0.6, seed=seed), form)
        assert result.recommendation != "general"
        assert result.fit["general"] < max(result.fit.values())


def test_keen_on_operations_and_business_but_cool_on_people_is_not_general(bank):
    prefs = {"operations": 0.85, "business": 0.85, "general": 0.2}
    for seed in range(5):
        result = score(bank, respond(bank, prefs, noise=0.6, seed=seed))
        assert result.recommendation in ("operations", "business")
        assert result.fit["general"] == min(result.fit.values())


def test_keen_on_leading_people_and_little_else_is_general(bank):
    values = {}
    for item in bank.items:
        if isinstance(item, LikertItem):
            people = bank.task(item.tasks[0]).dimension == "people"
            liked = 5 if people else 2
            values[item.id] = 6 - liked if item.reverse else liked
    result = score(bank, values)
    assert result.recommendation == "general" and result.confidence in ("strong", "moderate")


def test_two_specialist_interests_give_a_close_call_naming_both(bank):
    result = score(bank, respond(bank, {"operations": 1.0, "business": 1.0, "general": 0.0}))
    assert {result.recommendation, result.runner_up} == {"operations", "business"}
    assert result.confidence == "close"
    summary = words(bank, result).summary
    assert "close call between" in summary
    assert "operations management" in summary and "business management" in summary


# --- flags ----------------------------------------------------------------------------------


def test_agreeing_with_everything_is_acquiescence(bank):
    values = respond(bank, OPS)
    for item in bank.items:
        if isinstance(item, LikertItem):
            values[item.id] = 5 if item.reverse else max(4, values[item.id])
    result = score(bank, values)
    assert "acquiescence" in result.flag_codes()
    assert result.confidence != "strong"


def test_disliking_everything_consistently_is_not_flagged(bank):
    values = respond(bank, {"operations": 0.0, "business": 0.0, "general": 0.0})
    assert score(bank, values).flags == ()


@pytest.mark.parametrize("form", FORMS)
def test_random_answers_are_flagged_inconsistent_and_named(bank, form):
    rng = random.Random(3)
    flagged = 0
    for _ in range(40):
        values = {
            i.id: rng.randint(1, 5) if isinstance(i, LikertItem) else i.options[0].id
            for i in bank.form_items(form)
        }
        result = score(bank, values, form)
        if result.flag("inconsistent"):
            flagged += 1
            facts = result.flag("inconsistent").facts
            assert facts["spread"] > facts["limit"]
            messages = {f.code: f.message for f in words(bank, result).flags}
            assert "Your answers about the same kind of work" in messages["inconsistent"]
    assert flagged >= (36 if form == "full" else 16)


@pytest.mark.parametrize("form", FORMS)
def test_honest_noisy_and_extreme_respondents_are_not_flagged(bank, form):
    prefs = {"operations": 0.85, "business": 0.2, "general": 0.4}
    for seed in range(10):
        noisy = respond(bank, prefs, form, noise=0.8, seed=seed)
        assert score(bank, noisy, form).flags == (), seed
        # An extreme responder: every answer pushed to the ends, consistently.
        extreme = {
            k: (1 if v < 3 else 5 if v > 3 else v) if isinstance(v, int) else v
            for k, v in respond(bank, prefs, form, noise=0.4, seed=seed).items()
        }
        result = score(bank, extreme, form)
        assert "inconsistent" not in result.flag_codes(), seed
        assert result.recommendation == "operations"


def test_half_the_answers_at_random_are_flagged(bank):
    rng = random.Random(5)
    values = respond(bank, OPS)
    for item_id in rng.sample(sorted(values), len(values) // 2):
        if isinstance(values[item_id], int):
            values[item_id] = rng.randint(1, 5)
    result = score(bank, values)
    assert "inconsistent" in result.flag_codes()
    assert result.confidence != "strong"


# --- reasons and the rest of the result ------------------------------------------------------


def test_reverse_keying_is_min_plus_max_minus_x(bank):
    forward = score(bank, {"stock-levels": 4}).levels["operations"]
    reverse = score(bank, {"dislike-stock-keeping": 2}).levels["operations"]
    assert forward == reverse


def test_reasons_name_the_answers_that_moved_each_role(bank):
    values = respond(bank, OPS)
    result = score(bank, values)
    ops = result.reasons_for("operations")
    assert ops and all(r.direction == "raised" for r in ops)
    for reason in result.reasons:
        assert reason.answer == values[reason.item]
        item = bank.item(reason.item)
        # A reason sits under a role its answer concerns, pointing the way it moved it.
        if isinstance(item, ChoiceItem):
            picked = item.option(values[item.id])
            assert (reason.role in roles_of(bank, picked)) == (reason.direction == "raised")
        else:
            assert reason.role in roles_of(bank, item)
    assert any(r.direction == "lowered" for r in result.reasons_for("business"))


def test_a_reverse_reason_reads_as_the_question_was_asked(bank):
    result = score(bank, {"dislike-production-floor": 1, "dislike-accounts": 5, "hiring": 3})
    shown = {(g.role, r.item): r for g in words(bank, result).reasons for r in g.reasons}
    liked = shown["operations", "dislike-production-floor"]
    assert liked.direction == "raised"
    assert liked.text == (
        "You answered \u201cnot at all\u201d to \u201cHow much would you dislike working in a "
        "place where products are made?\u201d"
    )
    disliked = shown["business", "dislike-accounts"]
    assert disliked.direction == "lowered" and "\u201cvery much\u201d" in disliked.text
    assert "enjoy" not in liked.text + disliked.text


def test_choice_reasons_say_what_was_chosen_over_what(bank):
    result = score(bank, {"project-to-lead": "faster-close", "company-finances": 5})
    texts = [r.text for g in words(bank, result).reasons for r in g.reasons if g.role == "business"]
    assert any(
        t.startswith("You chose \u201cCutting the time it takes to close the month's accounts")
        for t in texts
    )


def test_money_overlap_is_explained_when_money_work_appeals(bank):
    values = respond(bank, BUS)
    values.update({"purchasing": 5, "output-growth": 5, "company-finances": 5})
    result = score(bank, values)
    assert "money-matters" in result.notes
    assert any("Who handles the money" in note for note in words(bank, result).notes)
    cold = score(bank, respond(bank, GEN))
    assert "money-matters" not in cold.notes


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
        "separation",
    }
    assert data["recommendation"] == "general"
    assert data["summary"] and all(r["text"] for r in data["reasons"])
    assert set(data["fit"]) == {"operations", "business", "general"}
    assert data["answered"] == data["total"] == len(bank.forms["short"])
    level = result_json(bank, score(bank, {i.id: 3 for i in bank.items if i.kind == "likert"}))
    assert (level["recommendation"], level["runner_up"], level["confidence"]) == (
        None,
        None,
        "none",
    )


def test_the_record_reads_back_as_the_same_result(bank):
    for prefs in (OPS, BUS, GEN):
        values = respond(bank, prefs, noise=0.8, seed=3)
        values.pop("hiring")
        result = score(bank, values)
        assert Result.from_record(result.to_record()) == result


def test_an_older_record_without_the_new_numbers_still_reads(bank):
    record = score(bank, respond(bank, OPS)).to_record()
    del record["separation"], record["spread"]
    record["format"] = 2
    assert Result.from_record(record).separation == 0.0


@pytest.mark.parametrize(
    "damage", [{"fit": None}, {"confidence": "very"}, {"bank": 3}, {"reasons": [{"role": 1}]}]
)
def test_a_damaged_record_is_refused_in_words(bank, damage):
    record = {**score(bank, respond(bank, OPS)).to_record(), **damage}
    with pytest.raises(ValueError, match="not a result record|unknown confidence"):
        Result.from_record(record)
