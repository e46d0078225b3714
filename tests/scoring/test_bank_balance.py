"""The shipped bank is balanced, which is what makes "no role by default" hold for it."""

import pytest

from rolefit.bank import ChoiceItem, LikertItem
from rolefit.scoring.weights import bank_weights

FORMS = ["full", "short"]


def likert_weights(bank, form):
    weights = bank_weights(bank)
    return [
        (item, weights.items[item.id].weights)
        for item in bank.form_items(form)
        if isinstance(item, LikertItem)
    ]


@pytest.mark.parametrize("form", FORMS)
def test_every_role_has_the_same_total_weight_and_share_of_reverse_items(bank, form):
    rows = likert_weights(bank, form)
    totals = [sum(w[r] for _, w in rows) for r in range(len(bank.role_ids))]
    reverse = [sum(w[r] for i, w in rows if i.reverse) for r in range(len(bank.role_ids))]
    assert max(totals) - min(totals) < 1e-9, totals
    assert max(reverse) - min(reverse) < 1e-9 and min(reverse) >= 1, reverse


@pytest.mark.parametrize("form", FORMS)
def test_no_single_item_carries_much_more_of_a_level_than_another_role_s_items(bank, form):
    rows = likert_weights(bank, form)
    shares = []
    for r in range(len(bank.role_ids)):
        total = sum(w[r] for _, w in rows)
        shares.append(max(w[r] / total for _, w in rows))
    assert max(shares) <= 1.01 * min(shares), shares


@pytest.mark.parametrize("form", FORMS)
def test_every_role_takes_each_choice_position_equally_often(bank, form):
    weights = bank_weights(bank)
    for size in (2, 3):
        seen = {}
        for item in bank.form_items(form):
            if isinstance(item, ChoiceItem) and len(item.options) == size:
                values = weights.items[item.id].option_values
                for position, option in enumerate(item.options):
                    for role, value in zip(bank.role_ids, values[option.id], strict=True):
                        seen[role, position] = seen.get((role, position), 0.0) + value
        for position in range(size):
            assert len({round(seen.get((r, position), 0.0), 9) for r in bank.role_ids}) == 1


def test_the_short_form_covers_every_role_across_areas_and_the_shared_tasks(bank):
    short = bank.form_items("short")
    tasks = {t for item in short for t in item.tasks}
    for role in bank.role_ids:
        own = [t for t in bank.tasks if t.roles == (role,)]
        covered = [t for t in own if t.id in tasks]
        assert len({t.dimension for t in covered}) >= 3, role
        assert len(covered) >= len(own) / 3, role
    assert {t.id for t in bank.tasks if len(t.roles) == 3} <= tasks
