"""Findings of the held-out check (bench/heldout_check.py) that violated a stated property.

The issue asks for "flags that mean something": "extreme responders who answer consistently
are not 'inconsistent'". The respondents below answer only 1 and 5, by one rule and without
a single exception (reverse-keyed items mirrored, every choice by the same rule), so their
answers are as consistent as answers can be. Their interests follow a kind of work that cuts
across the roles' lines (people and the link to leadership but not writing policies; money
and figures, which the bank itself splits between operations and business: note
"money-matters"), so the within-role spread is large, and the `inconsistent` flag, whose
message says the answers "point different ways more often than careful answers do.
Perhaps some questions were answered in a hurry or misread", was raised. It now compares
only answers that should agree (about the same task, or on the short form the same kind
of work of the same role), and these respondents' do.
"""

from rolefit.bank import load_default_bank
from rolefit.scoring import make_answers, score_answers

BANK = load_default_bank()

# Short form: enjoys leading people, being the link between leadership and staff and keeping
# the whole company in view (5, and 1 to "dislike going through a colleague's year"); does
# not enjoy writing policies or anything else (1, and 5 to the other "dislike" items).
LIKES_PEOPLE_NOT_POLICIES_SHORT = {
    "production-floor": 1,
    "efficiency-gains": 1,
    "purchasing": 1,
    "dislike-stock-keeping": 5,
    "company-finances": 1,
    "marketing-campaign": 1,
    "employment-rules": 1,
    "dislike-bookings": 5,
    "hiring": 5,
    "staff-voice": 5,
    "write-policies": 1,
    "dislike-reviews": 1,
    "between-departments": 5,
    "answer-for-targets": 5,
    "crisis-role": "keep-overview",
    "known-for": "clear-direction",
    "afternoon": "review",
}

# Full form: enjoys every item about money, figures, budgets, purchases and growth plans
# (5; 1 to "dislike going through the accounts"), nothing else (1; 5 to the other "dislike"
# items); choices for the money option where there is one.
MONEY_AND_FIGURES_FULL = {
    "production-floor": 1,
    "daily-operations": 1,
    "technical-teams": 1,
    "dislike-machine-faults": 5,
    "stock-levels": 1,
    "dislike-stock-keeping": 5,
    "support-services": 1,
    "dislike-production-floor": 5,
    "customer-complaints": 1,
    "forecasting": 5,
    "efficiency-gains": 1,
    "new-methods": 1,
    "output-growth": 5,
    "purchasing": 5,
    "systems-routines": 1,
    "budget-owner": 5,
    "company-finances": 5,
    "monthly-figures": 5,
    "cash-planning": 5,
    "dislike-accounts": 1,
    "yearly-plan": 5,
    "budget-priorities": 5,
    "marketing-campaign": 1,
    "product-to-market": 1,
    "employment-rules": 1,
    "safety-standard": 1,
    "dislike-labour-law": 5,
    "accurate-admin": 1,
    "company-records": 1,
    "dislike-bookings": 5,
    "write-policies": 1,
    "update-procedures": 1,
    "hiring": 1,
    "onboarding": 1,
    "training-standard": 1,
    "performance-reviews": 1,
    "staff-feedback": 1,
    "dislike-reviews": 5,
    "steer-staff": 1,
    "whole-company": 1,
    "varied-day": 1,
    "dislike-many-areas": 5,
    "staff-voice": 1,
    "staff-meetings": 1,
    "dislike-go-between": 5,
    "between-departments": 1,
    "answer-for-targets": 1,
    "project-to-lead": "faster-close",
    "new-product-week": "launch-campaign",
    "first-task": "hand-out-jobs",
    "what-to-own": "training",
    "meeting-to-run": "budget-meeting",
    "problem-to-solve": "unheard-staff",
    "crisis-role": "keep-supplies",
    "known-for": "plan-met",
    "afternoon": "spending-check",
}


def flags(values, form):
    return [f.code for f in score_answers(BANK, make_answers(BANK, values, form)).flags]


def test_a_consistent_extreme_responder_keen_on_people_work_is_not_inconsistent():
    assert "inconsistent" not in flags(LIKES_PEOPLE_NOT_POLICIES_SHORT, "short")


def test_a_consistent_extreme_responder_keen_on_money_work_is_not_inconsistent():
    assert "inconsistent" not in flags(MONEY_AND_FIGURES_FULL, "full")


def test_the_same_rule_answered_less_extremely_is_not_flagged():
    """The contrast: 2 and 4 instead of 1 and 5 raise no flag, so it is the extremity."""
    for values, form in (
        (LIKES_PEOPLE_NOT_POLICIES_SHORT, "short"),
        (MONEY_AND_FIGURES_FULL, "full"),
    ):
        softer = {k: {1: 2, 5: 4}.get(v, v) if isinstance(v, int) else v for k, v in values.items()}
        assert flags(softer, form) == []
