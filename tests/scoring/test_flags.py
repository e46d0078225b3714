"""Validity flags that mean something: consistent answers pass, careless ones are caught."""

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from respondents import respond

from rolefit.bank import ChoiceItem, LikertItem, load_default_bank
from rolefit.scoring import make_answers, score_answers
from rolefit.wording import result_words

BANK = load_default_bank()
TASKS = [t.id for t in BANK.tasks]


def score(values, form="full"):
    return score_answers(BANK, make_answers(BANK, values, form))


def error_free(form, interest, low=1, high=5):
    """Answers of someone whose interest in each task is ``interest(task)`` (0..1), without
    a single slip: every Likert item from its tasks' mean interest (reverse items mirrored),
    every choice for the option whose tasks they like most (the first of equals)."""
    values = {}
    for item in BANK.form_items(form):
        if isinstance(item, LikertItem):
            level = sum(interest(t) for t in item.tasks) / len(item.tasks)
            value = low + round((high - low) * level)
            values[item.id] = low + high - value if item.reverse else value
        else:
            values[item.id] = max(
                item.options, key=lambda o: sum(interest(t) for t in o.tasks) / len(o.tasks)
            ).id
    return values


@settings(max_examples=150, deadline=None)
@given(
    st.fixed_dictionaries({t: st.sampled_from([0.0, 0.25, 0.5, 0.75, 1.0]) for t in TASKS}),
    st.lists(st.sampled_from(BANK.forms["full"]), max_size=5, unique=True),
)
def test_answers_without_a_slip_are_never_inconsistent_whatever_the_interests(liking, skipped):
    """Full form: any interest in any task, answered by one rule, extremes included."""
    values = error_free("full", liking.__getitem__)
    values = {k: v for k, v in values.items() if k not in skipped}
    assert "inconsistent" not in score(values).flag_codes()


@settings(max_examples=150, deadline=None)
@given(
    st.fixed_dictionaries(
        {
            (r, d.id): st.sampled_from([0.0, 0.25, 0.5, 0.75, 1.0])
            for r in BANK.role_ids
            for d in BANK.dimensions
        }
    ),
    st.sampled_from([(1, 5), (2, 4)]),
)
def test_the_short_form_spares_interests_that_follow_kinds_of_work(liking, scale):
    """Short form, which asks about each task once: any interest by role and kind of work
    (the bank's dimensions), answered by one rule, is not inconsistent."""

    def interest(task_id):
        task = BANK.task(task_id)
        return sum(liking[r, task.dimension] for r in task.roles) / len(task.roles)

    values = error_free("short", interest, *scale)
    assert "inconsistent" not in score(values, "short").flag_codes()


def test_the_same_task_answered_both_ways_is_named_in_the_flag():
    values = respond(BANK, {"operations": 1.0, "business": 0.0, "general": 0.0})
    # Every question asked the other way round answered as if it were not (misread).
    for item in BANK.items:
        if isinstance(item, LikertItem) and item.reverse:
            values[item.id] = 6 - values[item.id]
    result = score(values)
    flag = result.flag("inconsistent")
    assert flag is not None and flag.facts["basis"] == "task"
    example = flag.facts["examples"][0]
    first, second = BANK.item(example["first"]), BANK.item(example["second"])
    assert first.tasks == second.tasks
    message = {f.code: f.message for f in result_words(BANK, result).flags}["inconsistent"]
    assert first.text in message and second.text in message
    assert "asked about more than once" in message


@pytest.mark.parametrize("form", ["full", "short"])
def test_answering_the_last_third_with_one_value_is_caught(form):
    order = BANK.forms[form]
    start = len(order) - round(len(order) / 3)
    for value in (1, 2, 4, 5):
        values = respond(BANK, {"operations": 0.8, "business": 0.3, "general": 0.4}, form)
        for item_id in order[start:]:
            item = BANK.item(item_id)
            values[item_id] = value if isinstance(item, LikertItem) else item.options[0].id
        flag = score(values, form).flag("straight-lining")
        assert flag is not None and flag.facts["kind"] == "stretch", value
        assert (flag.facts["from"], flag.facts["to"]) == (order[start], order[-1])


def test_the_last_third_at_the_middle_with_every_choice_in_one_place_is_caught():
    order = BANK.forms["full"]
    start = len(order) - round(len(order) / 3)
    values = respond(BANK, {"operations": 0.8, "business": 0.3, "general": 0.4})
    for item_id in order[start:]:
        item = BANK.item(item_id)
        values[item_id] = 3 if isinstance(item, LikertItem) else item.options[0].id
    assert "straight-lining" in score(values).flag_codes()


@pytest.mark.parametrize("value", [1, 2, 4, 5])
def test_nearly_every_likert_answer_alike_is_straight_lining_on_the_short_form(value):
    """13 of 14 Likert answers the same, choices by content (was 13 + 1 of 17 = 82 %)."""
    values = respond(BANK, {"operations": 0.9, "business": 0.1, "general": 0.1}, "short")
    likert = [i for i in BANK.form_items("short") if isinstance(i, LikertItem)]
    for item in likert[1:]:
        values[item.id] = value
    values[likert[0].id] = 3
    flag = score(values, "short").flag("straight-lining")
    assert flag is not None
    words = {f.code: f.message for f in result_words(BANK, score(values, "short")).flags}
    assert "of your" in words["straight-lining"]


def test_somewhat_to_nearly_everything_on_the_short_form_is_not_flagged_by_the_likert_rule():
    """The middle of the scale, to 12 of 14 questions, can be honest: only the whole-form
    rule (85 % of every answer, choices included) flags it."""
    values = respond(BANK, {"operations": 0.5, "business": 0.5, "general": 0.5}, "short")
    likert = [i for i in BANK.form_items("short") if isinstance(i, LikertItem)]
    for item in likert[2:]:
        values[item.id] = 3
    values[likert[0].id], values[likert[1].id] = 2, 4
    choices = [i for i in BANK.form_items("short") if isinstance(i, ChoiceItem)]
    for item, position in zip(choices, (0, 1, 2), strict=True):
        values[item.id] = item.options[position].id
    assert "straight-lining" not in score(values, "short").flag_codes()


@pytest.mark.parametrize("form", ["full", "short"])
def test_honest_answers_with_a_scale_point_of_error_are_rarely_flagged(form):
    rng = random.Random(2)
    flagged = 0
    for seed in range(60):
        prefs = {r: rng.uniform(0.1, 0.9) for r in BANK.role_ids}
        values = respond(BANK, prefs, form, noise=0.7, seed=seed)
        flagged += bool(score(values, form).flags)
    assert flagged <= 3


def test_a_flag_is_explained_with_the_answers_given():
    rng = random.Random(1)
    values = {
        i.id: rng.randint(1, 5) if isinstance(i, LikertItem) else rng.choice(i.options).id
        for i in BANK.items
    }
    result = score(values)
    assert "inconsistent" in result.flag_codes()
    message = {f.code: f.message for f in result_words(BANK, result).flags}["inconsistent"]
    assert "you answered \u201c" in message or "you chose \u201c" in message
    assert "{" not in message
