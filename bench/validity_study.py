"""The validity study of RoleFit's scoring: synthetic respondents through the public scoring.

Run:  python bench/validity_study.py [--people N] [--seed S]

Respondents come from the latent model in bench/latent.py (its assumptions are listed
there and in docs/validity.md). Every answer set is scored with ``rolefit.scoring``'s
``make_answers`` and ``score_answers``, exactly as ``rolefit score`` does. The script prints
the tables of docs/validity.md, then each goal with the figure measured and whether it is
met. The numbers change a little with the seed; docs/validity.md gives the command used.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable

from latent import (
    Person,
    answer,
    clear_profile,
    flat_profile,
    leaning_profile,
    make_person,
)

from rolefit.bank import Bank, LikertItem, load_default_bank
from rolefit.scoring import Result, make_answers, score_answers

FORMS = ("full", "short")
HONEST = (  # (label, style, noise): honest respondents, as careful as people are
    ("normal, error 0.5", "normal", 0.5),
    ("normal, error 0.7", "normal", 0.7),
    ("normal, error 1.0", "normal", 1.0),
    ("extreme, error 0.5", "extreme", 0.5),
    ("midpoint, error 0.7", "midpoint", 0.7),
)


def score(bank: Bank, person: Person, form: str, rng: random.Random) -> Result:
    values = answer(bank, person, form, rng)
    return score_answers(bank, make_answers(bank, values, form))


def pct(part: float, whole: float) -> str:
    return f"{100 * part / whole:5.1f}%" if whole else "    -"


def honest_people(bank: Bank, n: int, rng: random.Random) -> Iterable[Person]:
    """A mix of honest respondents: a third each clear, leaning and without preference."""
    roles = bank.role_ids
    for k in range(n):
        _label, style, noise = HONEST[k % len(HONEST)]
        kind = (k // len(HONEST)) % 3
        if kind == 0:
            theta = clear_profile(roles, rng.choice(roles), rng)
        elif kind == 1:
            theta = leaning_profile(roles, rng.choice(roles), rng)
        else:
            theta = flat_profile(roles, rng)
        yield make_person(bank, theta, rng, style=style, noise=noise)


def accuracy(bank: Bank, n: int, rng: random.Random, goals: dict[str, float]) -> None:
    print("\n## Classification: people with a preference (honest styles and errors mixed)\n")
    print("| form | profile | true role | verdict | right of verdicts | right of all | strong |")
    print("|---|---|---|---|---|---|---|")
    for form in FORMS:
        for label, make in (("clear", clear_profile), ("leaning", leaning_profile)):
            all_right = all_verdicts = 0
            for role in bank.role_ids:
                tally: Counter[str] = Counter()
                for k in range(n):
                    _l, style, noise = HONEST[k % len(HONEST)]
                    person = make_person(
                        bank, make(bank.role_ids, role, rng), rng, style=style, noise=noise
                    )
                    result = score(bank, person, form, rng)
                    tally["verdict"] += result.recommendation is not None
                    tally["right"] += result.recommendation == role
                    tally["strong"] += result.confidence == "strong"
                all_right += tally["right"]
                all_verdicts += tally["verdict"]
                print(
                    f"| {form} | {label} | {role} | {pct(tally['verdict'], n)} | "
                    f"{pct(tally['right'], tally['verdict'])} | {pct(tally['right'], n)} | "
                    f"{pct(tally['strong'], n)} |"
                )
            goals[f"{form} {label}: right of verdicts"] = all_right / max(all_verdicts, 1)
            goals[f"{form} {label}: right of all"] = all_right / (n * len(bank.role_ids))


def no_preference(bank: Bank, n: int, rng: random.Random, goals: dict[str, float]) -> None:
    print("\n## Answers that carry no role information\n")
    roles = bank.role_ids
    print("| form | respondents | no verdict | " + " | ".join(roles) + " | strong | flagged |")
    print("|---|---|---|" + "---|" * len(roles) + "---|---|")
    kinds: list[tuple[str, Callable[[int], Person]]] = [
        ("random", lambda k: make_person(bank, flat_profile(roles, rng), rng, style="random")),
        (
            "same Likert answer, choices skipped",
            lambda k: Person(dict.fromkeys(roles, 0.5), style="straight", straight_value=1 + k % 5),
        ),
        (
            "same Likert answer, same choice position",
            lambda k: Person(
                dict.fromkeys(roles, 0.5),
                style="straight",
                straight_value=1 + k % 5,
                straight_position=k % 3,
            ),
        ),
        (
            "equal interest everywhere",
            lambda k: make_person(
                bank, flat_profile(roles, rng), rng, noise=HONEST[k % len(HONEST)][2]
            ),
        ),
        (
            "cold to every role (0.05-0.3)",
            lambda k: make_person(
                bank, dict.fromkeys(roles, rng.uniform(0.05, 0.3)), rng, noise=0.7
            ),
        ),
    ]
    for form in FORMS:
        for label, make in kinds:
            tally: Counter[str | None] = Counter()
            strong = flagged = 0
            # Random answers are cheap and the strong rate is tiny: measure it on ten times more.
            count = n * 10 if label == "random" else n
            for k in range(count):
                result = score(bank, make(k), form, rng)
                tally[result.recommendation] += 1
                strong += result.confidence == "strong"
                flagged += bool(result.flags)
            shares = " | ".join(pct(tally[r], count) for r in roles)
            print(
                f"| {form} | {label} ({count:,}) | {pct(tally[None], count)} | {shares} | "
                f"{pct(strong, count)} | {pct(flagged, count)} |"
            )
            if label == "random":
                goals[f"{form} random: no verdict"] = tally[None] / count
                goals[f"{form} random: most frequent role"] = max(tally[r] for r in roles) / count
                goals[f"{form} random: strong"] = strong / count
                goals[f"{form} random: flagged"] = flagged / count
            if label == "equal interest everywhere":
                goals[f"{form} equal interest: most frequent role"] = (
                    max(tally[r] for r in roles) / n
                )


def general_cases(bank: Bank, n: int, rng: random.Random, goals: dict[str, float]) -> None:
    print("\n## When is general management the verdict?\n")
    print("| form | respondents | told general | told operations | told business | none |")
    print("|---|---|---|---|---|---|")

    def lowest(_: int) -> dict[str, float]:
        others = (rng.uniform(0.4, 0.9), rng.uniform(0.4, 0.9))
        return {
            "operations": others[0],
            "business": others[1],
            "general": min(others) - rng.uniform(0.1, 0.3),
        }

    cases: list[tuple[str, Callable[[int], dict[str, float]]]] = [
        ("interest in general's work the lowest", lowest),
        (
            "keen on operations and business, cool on people",
            lambda k: {
                "operations": rng.uniform(0.7, 0.9),
                "business": rng.uniform(0.7, 0.9),
                "general": rng.uniform(0.1, 0.35),
            },
        ),
        (
            "keen on leading people, little else",
            lambda k: {
                "operations": rng.uniform(0.1, 0.35),
                "business": rng.uniform(0.1, 0.35),
                "general": rng.uniform(0.7, 0.95),
            },
        ),
    ]
    for form in FORMS:
        for label, theta in cases:
            tally: Counter[str | None] = Counter()
            for k in range(n):
                _l, style, noise = HONEST[k % len(HONEST)]
                person = make_person(bank, theta(k), rng, style=style, noise=noise)
                tally[score(bank, person, form, rng).recommendation] += 1
            print(
                f"| {form} | {label} | {pct(tally['general'], n)} | "
                f"{pct(tally['operations'], n)} | {pct(tally['business'], n)} | "
                f"{pct(tally[None], n)} |"
            )
            goals[f"{form} {label}: told general"] = tally["general"] / n


def retest(bank: Bank, n: int, rng: random.Random, goals: dict[str, float]) -> None:
    print("\n## Test-retest (the same people answering twice) and short against full\n")
    print(
        "| form | strong first time | of those, retest names another role | ... retest "
        "gives no verdict | any verdict: retest names another role |"
    )
    print("|---|---|---|---|---|")
    people = list(honest_people(bank, n, rng))
    for form in FORMS:
        strong = other = none = verdicts = other_any = 0
        for person in people:
            first, second = score(bank, person, form, rng), score(bank, person, form, rng)
            if first.recommendation is not None:
                verdicts += 1
                other_any += second.recommendation not in (None, first.recommendation)
            if first.confidence == "strong":
                strong += 1
                other += second.recommendation not in (None, first.recommendation)
                none += second.recommendation is None
        print(
            f"| {form} | {pct(strong, n)} ({strong}) | {pct(other, strong)} | "
            f"{pct(none, strong)} | {pct(other_any, verdicts)} ({verdicts}) |"
        )
        # Strictly: a retest with no verdict counts as a change too.
        goals[f"{form} strong verdict differs on retest"] = (other + none) / max(strong, 1)
    agree = both = short_strong = short_strong_differs = 0
    for person in people:
        full, short = score(bank, person, "full", rng), score(bank, person, "short", rng)
        if full.recommendation and short.recommendation:
            both += 1
            agree += full.recommendation == short.recommendation
        if short.confidence == "strong":
            short_strong += 1
            short_strong_differs += full.recommendation != short.recommendation
    print(
        f"\nShort and full form (same people, answered separately): both give a verdict for "
        f"{pct(both, n).strip()} of people; they agree in {pct(agree, both).strip()} of those. "
        f"A strong short-form verdict differs from the full form's for "
        f"{pct(short_strong_differs, short_strong).strip()} of {short_strong} people."
    )
    goals["short strong verdict differs from full"] = short_strong_differs / max(short_strong, 1)


def flags(bank: Bank, n: int, rng: random.Random, goals: dict[str, float]) -> None:
    print("\n## Validity flags: false alarms and hits\n")
    print("| form | respondents | any flag | inconsistent | straight-lining | acquiescence |")
    print("|---|---|---|---|---|---|")
    roles = bank.role_ids
    groups: list[tuple[str, str, dict[str, object]]] = [
        *((f"honest: {label}", "honest", {"style": s, "noise": e}) for label, s, e in HONEST),
        ("extreme, error 0.7", "style", {"style": "extreme", "noise": 0.7}),
        ("acquiescent, error 0.7", "style", {"style": "acquiescent", "noise": 0.7}),
        ("careless, 30 % at random", "careless", {"style": "careless", "careless_share": 0.3}),
        ("careless, 50 % at random", "careless", {"style": "careless", "careless_share": 0.5}),
        (
            "careless: last third at random",
            "careless",
            {"style": "careless-end", "careless_share": 1 / 3},
        ),
        (
            "careless: last third one answer",
            "careless",
            {"style": "straight-end", "careless_share": 1 / 3},
        ),
        ("random", "random", {"style": "random"}),
    ]
    trust: dict[bool, Counter[str]] = {True: Counter(), False: Counter()}
    for form in FORMS:
        honest_flagged = honest_total = 0
        for label, group, kw in groups:
            tally: Counter[str] = Counter()
            for k in range(n):
                kind = k % 3
                role = roles[k % len(roles)]
                theta = (
                    clear_profile(roles, role, rng)
                    if kind == 0
                    else leaning_profile(roles, role, rng)
                    if kind == 1
                    else flat_profile(roles, rng)
                )
                person = make_person(bank, theta, rng, **kw)
                result = score(bank, person, form, rng)
                tally["any"] += bool(result.flags)
                for code in result.flag_codes():
                    tally[code] += 1
                if form == "full" and group != "random" and person.true_role:
                    bucket = trust[bool(result.flags)]
                    bucket["n"] += 1
                    bucket["right"] += result.recommendation == person.true_role
                    bucket["wrong"] += result.recommendation not in (None, person.true_role)
            print(
                f"| {form} | {label} | {pct(tally['any'], n)} | {pct(tally['inconsistent'], n)} "
                f"| {pct(tally['straight-lining'], n)} | {pct(tally['acquiescence'], n)} |"
            )
            if group == "honest":
                honest_flagged += tally["any"]
                honest_total += n
            if group in ("random", "careless"):
                goals[f"{form} {label}: flagged"] = tally["any"] / n
        goals[f"{form} honest: flagged"] = honest_flagged / honest_total
    for flagged in (False, True):
        bucket = trust[flagged]
        name = "flagged" if flagged else "unflagged"
        print(
            f"\nFull form, everyone above but the random answerers, with a true preference: "
            f"{name} results name the right role {pct(bucket['right'], bucket['n']).strip()} "
            f"of the time and a wrong one {pct(bucket['wrong'], bucket['n']).strip()} "
            f"({bucket['n']} people)."
        )
        goals[f"full {name}: wrong role named"] = bucket["wrong"] / max(bucket["n"], 1)


def alphas(bank: Bank, n: int, rng: random.Random) -> None:
    print("\n## Internal consistency: Cronbach's alpha of each role's own Likert items\n")
    print("| form | role | items | alpha |")
    print("|---|---|---|---|")
    people = list(honest_people(bank, n, rng))
    for form in FORMS:
        answers = [answer(bank, p, form, rng) for p in people]
        for role in bank.role_ids:
            items = [
                i
                for i in bank.form_items(form)
                if isinstance(i, LikertItem)
                and {r for t in i.tasks for r in bank.task(t).roles} == {role}
            ]
            columns = [[bank.scale.keyed(int(a[i.id]), i.reverse) for a in answers] for i in items]
            totals = [sum(row) for row in zip(*columns, strict=True)]
            k = len(items)
            alpha = (k / (k - 1)) * (
                1 - sum(statistics.pvariance(c) for c in columns) / statistics.pvariance(totals)
            )
            print(f"| {form} | {role} | {k} | {alpha:.2f} |")


GOALS = (  # (measure, comparison, target)
    ("full random: no verdict", ">", 0.40),
    ("full random: most frequent role", "<", 0.40),
    ("short random: most frequent role", "<", 0.40),
    ("full random: strong", "<", 0.01),
    ("short random: strong", "<", 0.01),
    ("full honest: flagged", "<", 0.05),
    ("short honest: flagged", "<", 0.05),
    ("full random: flagged", ">", 0.95),
    ("full strong verdict differs on retest", "<", 0.02),
    ("short strong verdict differs on retest", "<", 0.05),
    ("full clear: right of verdicts", ">", 0.97),
    ("full leaning: right of verdicts", ">", 0.97),
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=600, help="respondents per cell")
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args()
    bank = load_default_bank()
    rng = random.Random(args.seed)
    goals: dict[str, float] = {}
    began = time.perf_counter()
    print(f"# RoleFit validity study: bank {bank.id} {bank.version}, {args.people} per cell")
    accuracy(bank, args.people, rng, goals)
    no_preference(bank, args.people, rng, goals)
    general_cases(bank, args.people, rng, goals)
    retest(bank, args.people * 3, rng, goals)
    flags(bank, args.people, rng, goals)
    alphas(bank, args.people * 2, rng)
    print("\n## Goals\n")
    print("| measure | goal | measured | met |")
    print("|---|---|---|---|")
    failed = 0
    for name, op, target in GOALS:
        value = goals[name]
        met = value > target if op == ">" else value < target
        failed += not met
        print(
            f"| {name} | {op} {100 * target:g}% | {100 * value:.2f}% | {'yes' if met else 'NO'} |"
        )
    print("\nOther measures: " + "; ".join(f"{k} {100 * v:.1f}%" for k, v in goals.items()))
    print(f"\n({time.perf_counter() - began:.0f} s)", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
