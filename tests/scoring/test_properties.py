"""Properties that must hold for every respondent, not just the ones we thought of."""

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from rolefit.bank import ChoiceItem, LikertItem, load_default_bank
from rolefit.scoring import make_answers, score_answers

BANK = load_default_bank()
ITEMS = BANK.items


def answer_for(item):
    if isinstance(item, ChoiceItem):
        return st.sampled_from([o.id for o in item.options])
    return st.integers(BANK.scale.min, BANK.scale.max)


@st.composite
def answer_sets(draw, min_size=1):
    chosen = draw(st.lists(st.sampled_from(ITEMS), min_size=min_size, unique_by=lambda i: i.id))
    return {item.id: draw(answer_for(item)) for item in chosen}


def score(values):
    return score_answers(BANK, make_answers(BANK, values))


SINGLE_ROLE_FORWARD = [
    item
    for item in ITEMS
    if isinstance(item, LikertItem)
    and not item.reverse
    and len({r for t in item.tasks for r in BANK.task(t).roles}) == 1
]


@settings(max_examples=150, deadline=None)
@given(answer_sets())
def test_fits_stay_between_0_and_100(values):
    result = score(values)
    assert all(0 <= v <= 100 for v in result.fit.values())
    assert all(0 <= v <= 100 for v in result.levels.values())
    assert all(v is None or 0 <= v <= 100 for v in result.dimensions.values())
    assert result.recommendation == max(
        result.fit, key=lambda r: (result.fit[r], -list(result.fit).index(r))
    )


@settings(max_examples=60, deadline=None)
@given(answer_sets(), st.randoms(use_true_random=False))
def test_the_order_of_answers_does_not_matter(values, rng: random.Random):
    pairs = list(values.items())
    rng.shuffle(pairs)
    assert score(values) == score(dict(pairs))


@settings(max_examples=150, deadline=None)
@given(answer_sets(), st.sampled_from(SINGLE_ROLE_FORWARD), st.data())
def test_raising_an_answer_never_lowers_that_roles_fit(values, item, data):
    (role,) = {r for t in item.tasks for r in BANK.task(t).roles}
    low = data.draw(st.integers(BANK.scale.min, BANK.scale.max - 1))
    high = data.draw(st.integers(low + 1, BANK.scale.max))
    lower = score({**values, item.id: low})
    higher = score({**values, item.id: high})
    assert higher.fit[role] >= lower.fit[role]


@settings(max_examples=60, deadline=None)
@given(
    st.integers(BANK.scale.min, BANK.scale.max),
    st.integers(0, 3),
    st.sampled_from(["full", "short"]),
)
def test_answering_everything_identically_is_never_strong(value, option, form):
    values = {}
    for item in BANK.form_items(form):
        if isinstance(item, ChoiceItem):
            values[item.id] = item.options[min(option, len(item.options) - 1)].id
        else:
            values[item.id] = value
    result = score_answers(BANK, make_answers(BANK, values, form))
    assert result.confidence != "strong"
    assert result.flags


@settings(max_examples=150, deadline=None)
@given(answer_sets())
def test_a_flagged_result_never_claims_strong(values):
    result = score(values)
    if result.flags:
        assert result.confidence != "strong"
    assert result.answered == len(values)
