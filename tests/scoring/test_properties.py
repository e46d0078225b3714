"""Properties that must hold for every respondent, not just the ones we thought of."""

import random

from hypothesis import given, settings
from hypothesis import strategies as st
from respondents import respond

from rolefit.bank import ChoiceItem, LikertItem, load_default_bank
from rolefit.bank.model import role_mix
from rolefit.scoring import engine, make_answers, score_answers
from rolefit.scoring.engine import answer_effects, compute_fits

BANK = load_default_bank()
ITEMS = BANK.items
ROLES = BANK.role_ids


def answer_for(item):
    if isinstance(item, ChoiceItem):
        return st.sampled_from([o.id for o in item.options])
    return st.integers(BANK.scale.min, BANK.scale.max)


@st.composite
def answer_sets(draw, min_size=1, form="full"):
    pool = BANK.form_items(form)
    chosen = draw(st.lists(st.sampled_from(pool), min_size=min_size, unique_by=lambda i: i.id))
    return {item.id: draw(answer_for(item)) for item in chosen}


def score(values, form="full"):
    return score_answers(BANK, make_answers(BANK, values, form))


def roles_of(item):
    return {r for t in item.tasks for r in BANK.task(t).roles}


SINGLE_ROLE = [i for i in ITEMS if isinstance(i, LikertItem) and len(roles_of(i)) == 1]
CHOICES = [i for i in ITEMS if isinstance(i, ChoiceItem)]


@settings(max_examples=150, deadline=None)
@given(answer_sets())
def test_fits_stay_between_0_and_100_and_a_verdict_is_the_top_fit(values):
    result = score(values)
    assert all(0 <= v <= 100 for v in result.fit.values())
    assert all(0 <= v <= 100 for v in result.levels.values())
    assert all(v is None or 0 <= v <= 100 for v in result.dimensions.values())
    assert (result.recommendation is None) == (result.confidence == "none")
    if result.recommendation is not None:
        assert result.fit[result.recommendation] == max(result.fit.values())
        assert result.runner_up != result.recommendation


@settings(max_examples=60, deadline=None)
@given(answer_sets(), st.randoms(use_true_random=False))
def test_the_order_of_answers_does_not_matter(values, rng: random.Random):
    pairs = list(values.items())
    rng.shuffle(pairs)
    assert score(values) == score(dict(pairs))


@settings(max_examples=200, deadline=None)
@given(answer_sets(), st.sampled_from(SINGLE_ROLE), st.data())
def test_more_interest_in_a_roles_work_never_lowers_its_fit(values, item, data):
    (role,) = roles_of(item)
    low = data.draw(st.integers(BANK.scale.min, BANK.scale.max - 1))
    high = data.draw(st.integers(low + 1, BANK.scale.max))
    if item.reverse:  # more interest is a lower answer to "how much would you dislike ..."
        low, high = high, low
    lower = score({**values, item.id: low})
    higher = score({**values, item.id: high})
    assert higher.fit[role] >= lower.fit[role]


@settings(max_examples=200, deadline=None)
@given(answer_sets(), st.sampled_from(CHOICES), st.sampled_from(ROLES), st.data())
def test_choosing_an_option_more_of_a_role_never_lowers_its_fit(values, item, role, data):
    first, second = data.draw(
        st.lists(st.sampled_from(item.options), min_size=2, max_size=2, unique=True)
    )
    share = {o.id: role_mix((BANK.task(t) for t in o.tasks), ROLES)[role] for o in item.options}
    if share[first.id] > share[second.id]:
        first, second = second, first
    less = score({**values, item.id: first.id})
    more = score({**values, item.id: second.id})
    assert more.fit[role] >= less.fit[role]


@settings(max_examples=60, deadline=None)
@given(
    st.integers(BANK.scale.min, BANK.scale.max),
    st.sampled_from([None, 0, 1, 2]),
    st.sampled_from(["full", "short"]),
)
def test_answering_everything_identically_never_gives_a_role(value, position, form):
    values = {}
    for item in BANK.form_items(form):
        if isinstance(item, LikertItem):
            values[item.id] = value
        elif position is not None:
            values[item.id] = item.options[min(position, len(item.options) - 1)].id
    result = score(values, form)
    assert (result.recommendation, result.confidence) == (None, "none")
    assert result.flags


@settings(max_examples=150, deadline=None)
@given(answer_sets())
def test_a_flagged_or_incomplete_result_never_claims_strong(values):
    result = score(values)
    if result.flags:
        assert result.confidence != "strong"
    if result.answered < result.needed:
        assert result.recommendation is None
    assert result.answered == len(values)


@settings(max_examples=100, deadline=None)
@given(answer_sets(form="short"))
def test_a_short_form_without_enough_answers_has_no_verdict(values):
    result = score(values, "short")
    if result.answered < result.needed:
        assert (result.recommendation, result.confidence) == (None, "none")


@settings(max_examples=100, deadline=None)
@given(answer_sets())
def test_each_effect_is_exactly_a_re_score_with_that_answer_neutral(values):
    """The reasons' fast effects against re-scoring everything once per answer."""
    fits = compute_fits(BANK, values)
    effects = answer_effects(BANK, fits)
    for role_index, role in enumerate(ROLES):
        fast = dict((i, d) for d, i in effects[role])
        for item_id in values:
            neutral = compute_fits(BANK, {**values, item_id: None})
            slow = 100 * (fits.fit[role_index] - neutral.fit[role_index])
            assert abs(fast.get(item_id, 0.0) - slow) < 1e-9
        # The effects of all answers add up to the fit less 50.
        assert abs(sum(fast.values()) - (100 * fits.fit[role_index] - 50)) < 1e-9


def test_scoring_computes_the_fits_once_whatever_the_number_of_answers(monkeypatch):
    calls = []
    real = engine.compute_fits

    def counting(bank, given):
        calls.append(len(given))
        return real(bank, given)

    monkeypatch.setattr(engine, "compute_fits", counting)
    values = {i.id: 4 if isinstance(i, LikertItem) else i.options[1].id for i in ITEMS}
    result = score(values)
    assert calls == [len(ITEMS)] and result.reasons


# --- the verdict moves with the evidence ----------------------------------------------------

RANK = {"none": 0, "close": 1, "moderate": 2, "strong": 3}


def standing(result, role):
    """How the verdict names ``role``: 3 strong, 2 moderate, 1 in a close call, 0 not at all."""
    if result.recommendation == role:
        return RANK[result.confidence]
    if result.confidence == "close" and result.runner_up == role:
        return RANK["close"]
    return 0


def assert_no_worse_for(role, before, after):
    """More evidence for ``role`` never removes it from the roles the verdict names, and never
    lowers its band, but for one thing: a validity flag the move raised caps "strong" at
    "moderate", as a flag does on any result."""
    if standing(before, role):
        assert standing(after, role), (role, before, after)
    raised = set(after.flag_codes()) - set(before.flag_codes()) - {"incomplete"}
    floor = min(standing(before, role), RANK["moderate"]) if raised else standing(before, role)
    assert standing(after, role) >= floor, (role, before, after)


@st.composite
def respondents(draw):
    """Answer sets with something to say: a person's interests, answered with some error, a
    few questions perhaps skipped; or, now and then, answers at random."""
    form = draw(st.sampled_from(["full", "short"]))
    items = BANK.form_items(form)
    if draw(st.integers(0, 4)) == 0:
        values = {item.id: draw(answer_for(item)) for item in items}
    else:
        prefs = {r: draw(st.floats(0.0, 1.0)) for r in ROLES}
        noise = draw(st.sampled_from([0.0, 0.3, 0.6, 1.0]))
        values = respond(BANK, prefs, form, noise=noise, seed=draw(st.integers(0, 10**6)))
    skipped = draw(st.lists(st.sampled_from([i.id for i in items]), max_size=4, unique=True))
    return form, {k: v for k, v in values.items() if k not in skipped}


@settings(max_examples=300, deadline=None)
@given(respondents(), st.data())
def test_more_interest_in_a_roles_work_never_costs_it_its_place_in_the_verdict(answers, data):
    form, values = answers
    single = [i for i in BANK.form_items(form) if i in SINGLE_ROLE]
    item = data.draw(st.sampled_from(single))
    (role,) = roles_of(item)
    low = data.draw(st.integers(BANK.scale.min, BANK.scale.max - 1))
    high = data.draw(st.integers(low + 1, BANK.scale.max))
    if item.reverse:
        low, high = high, low
    before = score({**values, item.id: low}, form)
    after = score({**values, item.id: high}, form)
    assert_no_worse_for(role, before, after)


@settings(max_examples=300, deadline=None)
@given(respondents(), st.data())
def test_choosing_an_option_more_of_a_role_never_costs_it_its_place_in_the_verdict(answers, data):
    form, values = answers
    item = data.draw(st.sampled_from([i for i in BANK.form_items(form) if i in CHOICES]))
    first, second = data.draw(
        st.lists(st.sampled_from(item.options), min_size=2, max_size=2, unique=True)
    )
    share = {o.id: role_mix((BANK.task(t) for t in o.tasks), ROLES) for o in item.options}
    for role in ROLES:
        if share[second.id][role] > share[first.id][role]:
            before = score({**values, item.id: first.id}, form)
            after = score({**values, item.id: second.id}, form)
            assert_no_worse_for(role, before, after)


def test_the_verdict_moves_with_the_evidence_on_every_single_answer():
    """Exhaustively, on a few people: every answer moved one way or the other."""
    rng = random.Random(11)
    for form in ("full", "short"):
        for _ in range(6):
            prefs = {r: rng.random() for r in ROLES}
            values = respond(BANK, prefs, form, noise=0.6, seed=rng.randrange(10**6))
            for item in BANK.form_items(form):
                if item in SINGLE_ROLE:
                    (role,) = roles_of(item)
                    order = (
                        range(BANK.scale.max, BANK.scale.min - 1, -1)
                        if item.reverse
                        else (range(BANK.scale.min, BANK.scale.max + 1))
                    )
                    results = [score({**values, item.id: v}, form) for v in order]
                    for before, after in zip(results, results[1:], strict=False):
                        assert_no_worse_for(role, before, after)
                elif isinstance(item, ChoiceItem):
                    results = {o.id: score({**values, item.id: o.id}, form) for o in item.options}
                    for a in item.options:
                        for b in item.options:
                            mix_a = role_mix((BANK.task(t) for t in a.tasks), ROLES)
                            mix_b = role_mix((BANK.task(t) for t in b.tasks), ROLES)
                            for role in ROLES:
                                if mix_b[role] > mix_a[role]:
                                    assert_no_worse_for(role, results[a.id], results[b.id])
