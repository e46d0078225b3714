"""A second, independent check of RoleFit's scoring on a respondent model of its own.

Run:  python bench/heldout_check.py [--seed S] [--scale X]     (about two minutes at 1.0)

Deliberately *not* bench/latent.py. What differs (the assumptions, all in one place):

- **Interests are organised by area of work as well as by role.** A person's latent interest
  in a task (logit units) is ``MU + g + sum_R share_R(task) x rho_R + area(task) + u_task``:
  ``g`` a general "likes management" factor shared by every task, ``rho`` one factor per role
  (a task shared by k roles takes 1/k of each), six *areas of work* of this script's own
  (making, numbers, order, people, outward, overview, see AREAS, which are not the bank's
  dimensions and cut across roles: operations' people tasks load on "people" like general's
  do) and a task's own uniqueness ``u`` (sd 0.35, lumpier than latent.py's 0.08 of the
  scale). Interest in an item or option is the mean over its tasks.
- **The truth** is the person's mean latent interest over *all* the bank's tasks of a role
  (1/k for shared tasks), choice-only tasks included; the "true role" leads it by >= 0.4.
- **Likert answers follow a graded-response (IRT) model** whose item discriminations (log-
  normal around 2.5, sd 0.25 on the log scale) and thresholds (item location sd 0.25, each
  threshold jittered) vary per item, drawn once per "calibration" seed. Reverse-keyed items
  ("how much would you dislike ...") are answered on the mirrored latent with a method
  effect: less discriminating (x0.8) and agreed with less (-0.25 logits). At 2.5 each role's
  items have an alpha of about 0.91 and an item test-retest r of about 0.52, within the range
  published for interest inventories; the "0 model" rows print these figures and how the
  honest flag rate moves at discriminations 1.8 and 3.2.
- **Response styles are continuous traits, mixed within each person**: precision (a multiplier
  of the discriminations), extremity (thresholds pulled in), midpoint preference (middle
  category widened), acquiescence (added to agreement with every item as worded).
- **Errors shared within a sitting**: a mood and one shift per area of work per sitting, and
  a little task-level state change, so a retest is not just fresh independent noise.
- **Forced choices are Thurstonian** (normal utility noise, its sd a trait) with a personal
  position habit (a bonus for the first option).
- **Careless answering comes in runs**: the last third of the form in its order, answered at
  random or straight-lined; scattered carelessness is kept for comparison.

Every answer set goes through the public scoring (``make_answers`` and ``score_answers``).
The script prints one table: every property and target, the figure, and PASS/FAIL. Targets
from the issue are marked (issue); thresholds this script sets for the issue's qualitative
words ("rarely", "caught", "must not") are marked (mine).
"""

from __future__ import annotations

import argparse
import itertools
import math
import random
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

import numpy as np

from rolefit.bank import ChoiceItem, LikertItem, load_default_bank
from rolefit.scoring import Result, make_answers, score_answers

BANK = load_default_bank()
ROLES = BANK.role_ids
R = len(ROLES)
TASKS = [t.id for t in BANK.tasks]
T_INDEX = {t: k for k, t in enumerate(TASKS)}
LOW, HIGH = BANK.scale.min, BANK.scale.max

# This script's own areas of work (not the bank's dimensions).
AREAS: dict[str, tuple[str, ...]] = {
    "making": (
        "ops.smooth-running",
        "ops.production",
        "ops.engineering",
        "ops.inventory",
        "ops.support",
        "ops.efficiency",
        "ops.new-techniques",
    ),
    "numbers": (
        "ops.forecasting",
        "shared.budgets-resources",
        "bus.finance",
        "bus.resource-planning",
        "ops.growth-strategy",
        "ops.purchasing",
    ),
    "order": ("ops.systems", "bus.hr-compliance", "bus.administration", "gen.policies"),
    "people": (
        "ops.lead-delegate",
        "ops.discipline-motivation",
        "gen.recruiting",
        "gen.training-quality",
        "gen.performance-review",
        "gen.direct-to-goals",
        "gen.management-staff-link",
    ),
    "outward": ("bus.marketing", "ops.customer-issues"),
    "overview": (
        "shared.cross-department",
        "shared.targets",
        "gen.all-areas",
        "ops.work-with-departments",
    ),
}
AREA_NAMES = tuple(AREAS)
A = len(AREA_NAMES)
AREA_OF = np.zeros(len(TASKS), dtype=int)
for _a, _name in enumerate(AREA_NAMES):
    for _t in AREAS[_name]:
        AREA_OF[T_INDEX[_t]] = _a
assert sorted(t for ts in AREAS.values() for t in ts) == sorted(TASKS), "every task in one area"

# Task -> role shares (1/k for a task k roles share), computed here from the bank's tasks.
SHARE = np.zeros((len(TASKS), R))
for _t in BANK.tasks:
    for _r in _t.roles:
        SHARE[T_INDEX[_t.id], ROLES.index(_r)] = 1 / len(_t.roles)

LIKERT = [i for i in BANK.items if isinstance(i, LikertItem)]
CHOICES = [i for i in BANK.items if isinstance(i, ChoiceItem)]
L_INDEX = {i.id: k for k, i in enumerate(LIKERT)}
M_LIKERT = np.zeros((len(LIKERT), len(TASKS)))
for _k, _i in enumerate(LIKERT):
    for _t in _i.tasks:
        M_LIKERT[_k, T_INDEX[_t]] += 1 / len(_i.tasks)
REVERSE = np.array([i.reverse for i in LIKERT])
OPTION_M = []
for _c in CHOICES:
    _m = np.zeros((len(_c.options), len(TASKS)))
    for _o, _opt in enumerate(_c.options):
        for _t in _opt.tasks:
            _m[_o, T_INDEX[_t]] += 1 / len(_opt.tasks)
    OPTION_M.append(_m)


def role_share(tasks: Iterable[str], role: str) -> float:
    """Share of ``tasks`` that is ``role``'s, a task shared by k roles counting 1/k."""
    tasks = list(tasks)
    return float(sum(SHARE[T_INDEX[t], ROLES.index(role)] for t in tasks) / len(tasks))


def item_roles(item: LikertItem) -> set[str]:
    return {r for r in ROLES if role_share(item.tasks, r) > 0}


# --- the model ----------------------------------------------------------------------------

MU = 0.2  # people who take a management questionnaire like management a little
BASE_STEPS = np.array([-1.6, -0.55, 0.55, 1.6])  # thresholds 1|2, 2|3, 3|4, 4|5 (logits)
REVERSE_DISCRIMINATION = 0.8
REVERSE_SHIFT = -0.25
MOOD_SD, AREA_OCCASION_SD, STATE_SD = 0.2, 0.15, 0.1
TRUE_LEAD = 0.4
# Mean item discrimination. 2.5 gives each role's 14-15 items an alpha of about 0.92 and an
# item test-retest correlation of about 0.55 (see the calibration rows the script prints).
DISCRIMINATION = 2.5


@dataclass(frozen=True)
class Calibration:
    a: np.ndarray  # discrimination per Likert item
    d: np.ndarray  # location per Likert item
    steps: np.ndarray  # (items, 4) ordered thresholds around the location


def calibrate(seed: int, discrimination: float = DISCRIMINATION) -> Calibration:
    rng = np.random.default_rng(seed)
    n = len(LIKERT)
    a = np.exp(rng.normal(math.log(discrimination), 0.25, n))
    a = np.where(REVERSE, a * REVERSE_DISCRIMINATION, a)
    d = rng.normal(0.0, 0.25, n)
    steps = np.sort(BASE_STEPS[None, :] + rng.normal(0.0, 0.12, (n, 4)), axis=1)
    return Calibration(a, d, steps)


@dataclass
class People:
    g: np.ndarray  # (N,)
    rho: np.ndarray  # (N, R)
    area: np.ndarray  # (N, A)
    u: np.ndarray  # (N, T)
    precision: np.ndarray
    extremity: np.ndarray
    midpoint: np.ndarray
    acquiescence: np.ndarray
    choice_sd: np.ndarray
    first_bonus: np.ndarray
    label: str = ""

    def __len__(self) -> int:
        return len(self.g)

    @property
    def eta(self) -> np.ndarray:
        return MU + self.g[:, None] + self.rho @ SHARE.T + self.area[:, AREA_OF] + self.u

    @property
    def truth(self) -> np.ndarray:
        """(N, R): mean latent interest over each role's tasks (1/k for shared tasks)."""
        return self.eta @ SHARE / SHARE.sum(axis=0)

    def true_role(self) -> list[str | None]:
        out: list[str | None] = []
        for row in self.truth:
            order = np.argsort(-row)
            out.append(ROLES[order[0]] if row[order[0]] - row[order[1]] >= TRUE_LEAD else None)
        return out

    def subset(self, mask: np.ndarray) -> People:
        kw = {k: v[mask] for k, v in vars(self).items() if isinstance(v, np.ndarray)}
        return People(**kw, label=self.label)


def people(
    rng: np.random.Generator,
    n: int,
    *,
    g: Callable[[int], np.ndarray] | None = None,
    rho: Callable[[int], np.ndarray] | None = None,
    area: Callable[[int], np.ndarray] | None = None,
    u_sd: float = 0.35,
    styles: str = "honest",
    label: str = "",
) -> People:
    """``n`` people; the latent parts default to a natural population with mixed styles."""
    g_ = g(n) if g else rng.normal(0.0, 0.6, n)
    rho_ = rho(n) if rho else rng.normal(0.0, 0.6, (n, R))
    area_ = area(n) if area else rng.normal(0.0, 0.5, (n, A))
    u = rng.normal(0.0, u_sd, (n, len(TASKS)))
    precision = np.exp(rng.normal(0.0, 0.25, n))
    extremity = np.exp(rng.normal(0.0, 0.25, n))
    midpoint = np.abs(rng.normal(0.0, 0.2, n))
    acquiescence = rng.normal(0.0, 0.2, n)
    if styles == "extreme-consistent":
        # Far ends of the scale, but little error and little lumpiness (set u_sd and area).
        precision = rng.uniform(1.3, 1.8, n)
        extremity = rng.uniform(1.8, 2.5, n)
        midpoint = np.zeros(n)
        acquiescence = rng.normal(0.0, 0.1, n)
    elif styles == "acquiescent":
        acquiescence = rng.uniform(0.6, 1.2, n)
    elif styles != "honest":
        raise ValueError(styles)
    choice_sd = rng.uniform(0.4, 1.0, n)
    first_bonus = rng.normal(0.0, 0.25, n)
    return People(
        g_,
        rho_,
        area_,
        u,
        precision,
        extremity,
        midpoint,
        acquiescence,
        choice_sd,
        first_bonus,
        label,
    )


@dataclass(frozen=True)
class Careless:
    """How a sitting departs from honest answering, by position in the form."""

    kind: str = "none"  # none | random | run-random | run-straight | scattered
    share: float = 0.0  # scattered: share of items at random; runs: the last share of the form


def sit(
    group: People,
    cal: Calibration,
    form: str,
    rng: np.random.Generator,
    careless: Careless = Careless(),
) -> list[dict[str, int | str]]:
    """One sitting of ``form`` by everyone in ``group``: fresh occasion effects and errors."""
    n = len(group)
    eta = (
        group.eta
        + rng.normal(0.0, MOOD_SD, n)[:, None]
        + rng.normal(0.0, AREA_OCCASION_SD, (n, A))[:, AREA_OF]
        + rng.normal(0.0, STATE_SD, (n, len(TASKS)))
    )
    theta = eta @ M_LIKERT.T  # (N, items)
    agree = np.where(REVERSE[None, :], -theta + REVERSE_SHIFT, theta)
    agree = agree + group.acquiescence[:, None]
    widen = group.midpoint[:, None, None] * np.array([0.0, -1.0, 1.0, 0.0])[None, None, :]
    tau = cal.d[None, :, None] + (cal.steps[None, :, :] + widen) / group.extremity[:, None, None]
    slope = group.precision[:, None, None] * cal.a[None, :, None]
    p_at_least = 1 / (1 + np.exp(-slope * (agree[:, :, None] - tau)))
    likert = LOW + (rng.random((n, len(LIKERT), 1)) < p_at_least).sum(axis=2)
    picks = []
    for c in range(len(CHOICES)):
        util = eta @ OPTION_M[c].T
        util = util + group.choice_sd[:, None] * rng.normal(0.0, 1.0, util.shape)
        util[:, 0] += group.first_bonus
        picks.append(util.argmax(axis=1))
    c_index = {item.id: c for c, item in enumerate(CHOICES)}
    order = BANK.forms[form]
    start = len(order) - round(careless.share * len(order))
    out = []
    for p in range(n):
        values: dict[str, int | str] = {}
        straight = int(rng.integers(LOW, HIGH + 1))
        for pos, item_id in enumerate(order):
            item = BANK.item(item_id)
            chance = (
                careless.kind == "random"
                or (careless.kind == "run-random" and pos >= start)
                or (careless.kind == "scattered" and rng.random() < careless.share)
            )
            if careless.kind == "run-straight" and pos >= start:
                values[item_id] = straight if isinstance(item, LikertItem) else item.options[0].id
            elif chance:
                if isinstance(item, LikertItem):
                    values[item_id] = int(rng.integers(LOW, HIGH + 1))
                else:
                    values[item_id] = item.options[int(rng.integers(len(item.options)))].id
            elif isinstance(item, LikertItem):
                values[item_id] = int(likert[p, L_INDEX[item_id]])
            else:
                values[item_id] = item.options[int(picks[c_index[item_id]][p])].id
        out.append(values)
    return out


N_SCORED = 0


def score(values: Mapping[str, int | str | None], form: str) -> Result:
    global N_SCORED
    N_SCORED += 1
    return score_answers(BANK, make_answers(BANK, values, form))


def score_all(sets: Iterable[Mapping[str, int | str | None]], form: str) -> list[Result]:
    return [score(v, form) for v in sets]


def uniform_random(rng: random.Random, form: str) -> dict[str, int | str]:
    return {
        i.id: rng.randint(LOW, HIGH) if isinstance(i, LikertItem) else rng.choice(i.options).id
        for i in BANK.form_items(form)
    }


# --- populations --------------------------------------------------------------------------


def role_clear(rng: np.random.Generator, n: int, label: str = "role-clear") -> People:
    def rho(k: int) -> np.ndarray:
        out = rng.normal(-0.5, 0.3, (k, R))
        target = rng.integers(R, size=k)
        out[np.arange(k), target] = rng.uniform(1.2, 1.8, k)
        return out

    return people(rng, n, rho=rho, area=lambda k: rng.normal(0, 0.4, (k, A)), label=label)


def role_leaning(rng: np.random.Generator, n: int) -> People:
    def rho(k: int) -> np.ndarray:
        out = rng.normal(0.0, 0.4, (k, R))
        target = rng.integers(R, size=k)
        others = np.where(np.eye(R, dtype=bool)[target], -np.inf, out).max(axis=1)
        out[np.arange(k), target] = others + rng.uniform(0.5, 0.9, k)
        return out

    return people(rng, n, rho=rho, area=lambda k: rng.normal(0, 0.4, (k, A)), label="leaning")


def area_driven(rng: np.random.Generator, n: int) -> People:
    return people(
        rng,
        n,
        rho=lambda k: np.zeros((k, R)),
        area=lambda k: rng.normal(0, 0.9, (k, A)),
        label="area-driven",
    )


def natural(rng: np.random.Generator, n: int) -> People:
    return people(rng, n, label="natural")


def flat(
    rng: np.random.Generator, n: int, u_sd: float = 0.35, level: float | None = None
) -> People:
    return people(
        rng,
        n,
        g=(lambda k: np.full(k, level))
        if level is not None
        else (lambda k: rng.uniform(-1.6, 1.6, k)),
        rho=lambda k: np.zeros((k, R)),
        area=lambda k: np.zeros((k, A)),
        u_sd=u_sd,
        label="flat",
    )


def concat(groups: list[People]) -> People:
    keys = [k for k, v in vars(groups[0]).items() if isinstance(v, np.ndarray)]
    return People(**{k: np.concatenate([getattr(g, k) for g in groups]) for k in keys})


# --- the checks ---------------------------------------------------------------------------


@dataclass
class Row:
    section: str
    what: str
    figure: str
    target: str
    ok: bool | None  # None: reported, no target

    def line(self) -> str:
        verdict = {True: "PASS", False: "FAIL", None: "info"}[self.ok]
        return f"| {self.section} | {self.what} | {self.figure} | {self.target} | {verdict} |"


ROWS: list[Row] = []


def row(section: str, what: str, figure: str, target: str = "", ok: bool | None = None) -> None:
    ROWS.append(Row(section, what, figure, target, ok))


def pct(part: float, whole: float) -> str:
    return f"{100 * part / whole:.2f}% ({part}/{whole})" if whole else "-"


def shares(results: list[Result]) -> tuple[Counter[str | None], str]:
    tally: Counter[str | None] = Counter(r.recommendation for r in results)
    n = len(results)
    text = ", ".join(f"{r[:3]} {100 * tally[r] / n:.1f}%" for r in ROLES)
    return tally, f"none {100 * tally[None] / n:.1f}%, {text}"


def check_model(rng: np.random.Generator, cal: Calibration, k: float) -> None:
    """What the model's honest answers look like, and how the honest flag rate moves with it."""
    sec = "0 model"
    group = natural(rng, int(1200 * k))
    first, second = sit(group, cal, "full", rng), sit(group, cal, "full", rng)

    def keyed(sets: list[dict[str, int | str]]) -> np.ndarray:
        x = np.array([[v[i.id] for i in LIKERT] for v in sets], float)
        return np.where(REVERSE, LOW + HIGH - x, x)

    k1, k2 = keyed(first), keyed(second)
    alphas, spreads = [], []
    for role in ROLES:
        cols = [c for c, i in enumerate(LIKERT) if item_roles(i) == {role}]
        y = k1[:, cols]
        alphas.append(
            len(cols) / (len(cols) - 1) * (1 - y.var(0, ddof=1).sum() / y.sum(1).var(ddof=1))
        )
        spreads.append(float(np.median(y.std(1, ddof=1))))
    retest = np.mean([np.corrcoef(k1[:, c], k2[:, c])[0, 1] for c in range(len(LIKERT))])
    raw = np.array([[v[i.id] for i in LIKERT] for v in first]).ravel()
    cats = np.bincount(raw, minlength=HIGH + 1)[LOW:] / raw.size
    row(
        sec,
        "natural population, full form: alpha of each role's single-role items",
        ", ".join(f"{r[:3]} {a:.2f}" for r, a in zip(ROLES, alphas, strict=True)),
    )
    row(
        sec,
        "... item test-retest r (mean) / median within-role sd (scale points)",
        f"{retest:.2f} / {', '.join(f'{x:.2f}' for x in spreads)}",
    )
    row(sec, "... answers 1..5", " ".join(f"{100 * c:.0f}%" for c in cats))
    for disc in (1.8, 2.5, 3.2):
        other = calibrate(7, disc)
        group = honest_population(rng, int(600 * k))
        rates = []
        for form in ("full", "short"):
            res = score_all(sit(group, other, form, rng), form)
            rates.append(f"{form} {100 * sum(bool(r.flags) for r in res) / len(res):.1f}%")
        row(sec, f"honest flagged if the mean item discrimination were {disc}", ", ".join(rates))


def check_no_role_by_default(
    rng: np.random.Generator, prng: random.Random, cal: Calibration, k: float
) -> None:
    sec = "1 no role by default"
    # Every Likert answer the same, choices skipped or in one position: exact.
    for form in ("full", "short"):
        bad = []
        for value in range(LOW, HIGH + 1):
            for position in (None, 0, 1, 2):
                values: dict[str, int | str] = {}
                for item in BANK.form_items(form):
                    if isinstance(item, LikertItem):
                        values[item.id] = value
                    elif position is not None:
                        values[item.id] = item.options[min(position, len(item.options) - 1)].id
                res = score(values, form)
                if res.recommendation is not None or len(set(res.fit.values())) != 1:
                    bad.append((value, position, res.recommendation, dict(res.fit)))
        row(
            sec,
            f"{form}: all Likert = v (v=1..5), choices skipped / position 0,1,2 (20 sets)",
            f"{20 - len(bad)}/20 no verdict and equal fits" + (f"; bad {bad[:2]}" if bad else ""),
            "all (issue)",
            not bad,
        )

    # Uniformly random answers.
    for form, n in (("full", int(10000 * k)), ("short", int(30000 * k))):
        res = [score(uniform_random(prng, form), form) for _ in range(n)]
        tally, text = shares(res)
        top = max(tally[r] for r in ROLES)
        strong = sum(r.confidence == "strong" for r in res)
        flagged = sum(bool(r.flags) for r in res)
        row(sec, f"{form}: uniform random, {n:,} sets", text, "", None)
        row(
            sec,
            f"{form}: uniform random, most frequent single role",
            pct(top, n),
            "< 40% (issue)",
            top / n < 0.40,
        )
        row(
            "6 targets",
            f"{form}: uniform random, strong verdicts",
            pct(strong, n),
            "< 1% (issue)" + ("; never (issue, short form)" if form == "short" else ""),
            strong / n < 0.01 and (form == "full" or strong == 0),
        )
        row(
            "5 flags",
            f"{form}: uniform random flagged",
            pct(flagged, n),
            "> 95% (issue)" if form == "full" else ">= 80% (mine: 'caught on both forms')",
            flagged / n > (0.95 if form == "full" else 0.80),
        )

    # Equal interest in every kind of work: with lumpy tasks, and exactly equal, per level.
    for form in ("full", "short"):
        group = flat(rng, int(1500 * k))
        res = score_all(sit(group, cal, form, rng), form)
        tally, text = shares(res)
        top = max(tally[r] for r in ROLES)
        row(
            sec,
            f"{form}: equal interest (g -1.6..1.6, task sd 0.35), {len(res)}",
            text,
            "one role < 40% (issue)",
            top / len(res) < 0.40,
        )
        for level in (-2.0, -1.0, 0.0, 1.0, 2.0):
            group = flat(rng, int(300 * k), u_sd=0.0, level=level)
            res = score_all(sit(group, cal, form, rng), form)
            tally, text = shares(res)
            top = max(tally[r] for r in ROLES)
            row(
                sec,
                f"{form}: exactly equal interest at g={level:+.0f}, {len(res)}",
                text,
                "one role < 40% (issue)",
                top / len(res) < 0.40,
            )
        # Equal interest with a strong habit of picking the first option.
        group = flat(rng, int(600 * k))
        group.first_bonus = np.full(len(group), 3.0)
        res = score_all(sit(group, cal, form, rng), form)
        tally, text = shares(res)
        top = max(tally[r] for r in ROLES)
        row(
            sec,
            f"{form}: equal interest, always the first option, {len(res)}",
            text,
            "one role < 40% (issue)",
            top / len(res) < 0.40,
        )

    # Other item calibrations: does some draw of item popularity make one role the default?
    worst = (0.0, "", -1)
    for seed in range(8):
        other = calibrate(1000 + seed)
        group = flat(rng, int(400 * k))
        res = score_all(sit(group, other, "full", rng), "full")
        tally, text = shares(res)
        top = max(tally[r] for r in ROLES) / len(res)
        if top > worst[0]:
            worst = (top, text, seed)
    row(
        sec,
        "full: equal interest over 8 other item calibrations, worst one",
        f"{worst[1]} (calibration {1000 + worst[2]})",
        "one role < 40% (issue)",
        worst[0] < 0.40,
    )

    # Below the minimum number of answers: never a verdict.
    bad = 0
    total = 0
    group = role_clear(rng, int(200 * k))
    for form in ("full", "short"):
        needed = math.ceil(round(BANK.scoring.min_answered * len(BANK.forms[form]), 9))
        for values in sit(group, cal, form, rng):
            keys = list(values)
            prng.shuffle(keys)
            kept = {key: values[key] for key in keys[: needed - 1]}
            res = score(kept, form)
            total += 1
            bad += res.recommendation is not None
    row(
        sec,
        "below the minimum (41 of 56 / 12 of 17 answered, clear profiles)",
        f"{bad} verdicts of {total}",
        "0 (issue)",
        bad == 0,
    )


def check_general(rng: np.random.Generator, cal: Calibration, k: float) -> None:
    sec = "2 general is earned"
    n = int(1200 * k)

    # General's work the lowest of the three (by the truth), natural people, rejection-sampled.
    def lowest() -> People:
        kept: list[People] = []
        got = 0
        while got < n:
            cand = people(
                rng, 4 * n, rho=lambda m: rng.normal(0, 0.6, (m, R)) - np.array([0, 0, 0.4])
            )
            t = cand.truth
            mask = t[:, 2] <= np.minimum(t[:, 0], t[:, 1]) - 0.2
            kept.append(cand.subset(mask))
            got += int(mask.sum())
        return concat(kept).subset(np.arange(got) < n)

    def keen_ops_bus() -> People:
        def rho(m: int) -> np.ndarray:
            return np.column_stack(
                [rng.uniform(0.8, 1.5, m), rng.uniform(0.8, 1.5, m), rng.uniform(-1.2, -0.5, m)]
            )

        def area(m: int) -> np.ndarray:
            a = rng.normal(0, 0.3, (m, A))
            a[:, AREA_NAMES.index("people")] = rng.uniform(-1.0, -0.3, m)
            return a

        return people(rng, n, rho=rho, area=area)

    def people_only() -> People:
        def area(m: int) -> np.ndarray:
            a = rng.uniform(-1.5, -0.5, (m, A))
            a[:, AREA_NAMES.index("people")] = rng.uniform(1.2, 2.0, m)
            return a

        return people(
            rng, n, g=lambda m: rng.normal(-0.2, 0.3, m), rho=lambda m: np.zeros((m, R)), area=area
        )

    for form in ("full", "short"):
        for label, make, want_general in (
            ("general's work the lowest (truth >= 0.2 below both)", lowest, False),
            ("keen on ops and business work, cool on people", keen_ops_bus, False),
            ("likes leading people (area), little else", people_only, True),
        ):
            group = make()
            res = score_all(sit(group, cal, form, rng), form)
            tally, text = shares(res)
            told = tally["general"]
            named = sum(
                r.recommendation == "general"
                or (r.confidence == "close" and r.runner_up == "general")
                for r in res
            )
            text += f"; general named (close calls included) {100 * named / len(res):.1f}%"
            if want_general:
                # The short form may decline (issue: it "may claim less"), not name another role.
                others = sum(
                    r.recommendation is not None
                    and "general"
                    not in (r.recommendation, r.runner_up if r.confidence == "close" else None)
                    for r in res
                )
                if form == "full":
                    target = ">= 90% general (mine), another role without general < 1%"
                    ok = told / len(res) >= 0.9 and others / len(res) < 0.01
                else:
                    target = "another role without general < 1% (short may decline)"
                    ok = others / len(res) < 0.01
                text += f"; another role without general {pct(others, len(res))}"
            else:
                target, ok = "told general <= 0.5% (mine, for 'must not')", told / len(res) <= 0.005
                text += f"; told general {pct(told, len(res))}"
            row(sec, f"{form}: {label}, {len(res)}", text, target, ok)
            if not want_general and told:
                ex = [(r.levels, r.fit, r.confidence) for r in res if r.recommendation == "general"]
                lv = ex[0]
                row(
                    sec,
                    f"{form}: ... first such 'general' result",
                    f"levels {dict(lv[0])} fit {dict(lv[1])} {lv[2]}",
                )


def check_monotone(
    prng: random.Random, rng: np.random.Generator, cal: Calibration, k: float
) -> dict:
    sec = "3 monotone"
    found: dict = {
        "likert": [],
        "choice": [],
        "shared": [],
        "verdict": Counter(),
        "verdict_examples": {},
    }
    checks = Counter()
    sources = []
    for form, n in (("full", int(90 * k)), ("short", int(60 * k))):
        honest = sit(natural(rng, n // 3), cal, form, rng)
        for j in range(n):
            values = dict(honest[j]) if j < n // 3 else uniform_random(prng, form)
            if j % 3 == 2:  # some skipped
                for key in list(values):
                    if prng.random() < 0.15:
                        values[key] = None
            sources.append((form, values))
    rank = {"none": 0, "close": 1, "moderate": 2, "strong": 3}
    for form, values in sources:
        for item in BANK.form_items(form):
            if isinstance(item, LikertItem):
                roles = item_roles(item)
                # answers in order of rising interest in the item's tasks
                order = (
                    list(range(HIGH, LOW - 1, -1)) if item.reverse else list(range(LOW, HIGH + 1))
                )
                res = [score({**values, item.id: v}, form) for v in order]
                for lo, hi in itertools.pairwise(range(len(order))):
                    for role in roles:
                        checks["likert" if len(roles) == 1 else "shared"] += 1
                        if res[hi].fit[role] < res[lo].fit[role]:
                            found["likert" if len(roles) == 1 else "shared"].append(
                                (
                                    form,
                                    dict(values),
                                    item.id,
                                    order[lo],
                                    order[hi],
                                    role,
                                    res[lo].fit[role],
                                    res[hi].fit[role],
                                )
                            )
                    if len(roles) == 1:
                        (role,) = roles
                        _verdict_anomaly(
                            found,
                            rank,
                            role,
                            res[lo],
                            res[hi],
                            form,
                            values,
                            f"{item.id} {order[lo]}->{order[hi]}",
                        )
            else:
                res = {o.id: score({**values, item.id: o.id}, form) for o in item.options}
                for a, b in itertools.permutations(item.options, 2):
                    for role in ROLES:
                        if role_share(b.tasks, role) > role_share(a.tasks, role) + 1e-12:
                            checks["choice"] += 1
                            if res[b.id].fit[role] < res[a.id].fit[role]:
                                found["choice"].append(
                                    (form, dict(values), item.id, a.id, b.id, role)
                                )
                            _verdict_anomaly(
                                found,
                                rank,
                                role,
                                res[a.id],
                                res[b.id],
                                form,
                                values,
                                f"{item.id} {a.id}->{b.id}",
                            )
    n_sets = len(sources)
    row(
        sec,
        f"single-role Likert raises, {n_sets} answer sets (both forms, some skipped)",
        f"{len(found['likert'])} lowered the role's fit of {checks['likert']:,} checks",
        "0 (issue)",
        not found["likert"],
    )
    row(
        sec,
        "choice switches to an option more of role R (1/k task shares)",
        f"{len(found['choice'])} lowered R's fit of {checks['choice']:,} checks",
        "0 (issue)",
        not found["choice"],
    )
    row(
        sec,
        "shared-item raises (every role of the item)",
        f"{len(found['shared'])} lowered a fit of {checks['shared']:,} checks",
        "0 (beyond the issue)",
        not found["shared"],
    )
    for kind, count in sorted(found["verdict"].items()):
        ex = found["verdict_examples"][kind]
        row(
            sec,
            f"verdict after a move towards R: {kind}",
            f"{count} times; e.g. {ex[0]} {ex[2]}: {ex[3]}",
            "(not required by the issue)",
            None,
        )
    return found


def _named(result: Result) -> set[str]:
    """The roles a result names: its recommendation, and both sides of a close call."""
    named = {result.recommendation} if result.recommendation else set()
    if result.confidence == "close" and result.runner_up:
        named.add(result.runner_up)
    return named


def _verdict_anomaly(
    found: dict,
    rank: dict,
    role: str,
    before: Result,
    after: Result,
    form: str,
    values: dict,
    move: str,
) -> None:
    """Verdict-level oddities after a move towards ``role`` (the issue asks this of fits only)."""
    kinds = []
    if role in _named(before) and role not in _named(after):
        kinds.append("R was named (verdict or close call), no longer")
    elif (
        before.recommendation == role == after.recommendation
        and rank[after.confidence] < rank[before.confidence]
    ):
        kinds.append("R's band fell")
    if (
        after.recommendation
        and after.recommendation != before.recommendation
        and role not in _named(after)
    ):
        kinds.append("another role newly recommended, R not named")
    for kind in kinds:
        found["verdict"][kind] += 1
        found["verdict_examples"].setdefault(
            kind,
            (
                form,
                dict(values),
                move,
                f"{before.recommendation}/{before.runner_up}/"
                f"{before.confidence} -> {after.recommendation}/{after.runner_up}/"
                f"{after.confidence}, flags "
                f"{[f.code for f in before.flags]}->{[f.code for f in after.flags]}",
            ),
        )


def honest_population(rng: np.random.Generator, n: int) -> People:
    part = n // 5
    return concat(
        [
            role_clear(rng, part),
            role_leaning(rng, part),
            area_driven(rng, part),
            natural(rng, part),
            flat(rng, n - 4 * part),
        ]
    )


def check_confidence_and_accuracy(rng: np.random.Generator, cal: Calibration, k: float) -> dict:
    sec_c, sec_t = "4 confidence", "6 targets"
    group = honest_population(rng, int(3000 * k))
    truth = group.true_role()
    runs = {
        (form, occ): score_all(sit(group, cal, form, rng), form)
        for form in ("full", "short")
        for occ in (1, 2)
    }
    # Accuracy: of verdicts, right role, for people with a true role.
    for form in ("full", "short"):
        res = runs[(form, 1)]
        with_role = [(r, t) for r, t in zip(res, truth, strict=True) if t is not None]
        verdicts = [(r, t) for r, t in with_role if r.recommendation is not None]
        right = sum(r.recommendation == t for r, t in verdicts)
        strong = [(r, t) for r, t in verdicts if r.confidence == "strong"]
        row(
            sec_t if form == "full" else sec_c,
            f"{form}: right role of verdicts (true role leads by >= {TRUE_LEAD})",
            pct(right, len(verdicts)),
            "> 97% (issue)" if form == "full" else "(short: reported)",
            right / len(verdicts) > 0.97 if form == "full" else None,
        )
        row(
            sec_c,
            f"{form}: verdict / right of all / strong (people with a true role)",
            f"{100 * len(verdicts) / len(with_role):.1f}% / {100 * right / len(with_role):.1f}% / "
            f"{100 * len(strong) / len(with_role):.1f}% of {len(with_role)}; strong wrong "
            f"{sum(r.recommendation != t for r, t in strong)}",
        )
        no_truth = [r for r, t in zip(res, truth, strict=True) if t is None]
        tally, text = shares(no_truth)
        row(sec_c, f"{form}: people without a true role ({len(no_truth)})", text)
        # by group
        for label in ("role-clear", "leaning", "area-driven", "natural"):
            idx = [i for i in range(len(group)) if _group_of(i, len(group)) == label and truth[i]]
            v = [i for i in idx if res[i].recommendation is not None]
            rt = sum(res[i].recommendation == truth[i] for i in v)
            row(
                sec_c,
                f"{form}: {label}: right of verdicts / verdict rate",
                f"{pct(rt, len(v))} / {100 * len(v) / max(len(idx), 1):.1f}%",
            )
    # Retest.
    for form, limit in (("full", 0.02), ("short", 0.05)):
        first, second = runs[(form, 1)], runs[(form, 2)]
        strong = [i for i, r in enumerate(first) if r.confidence == "strong"]
        other = sum(second[i].recommendation not in (None, first[i].recommendation) for i in strong)
        gone = sum(second[i].recommendation is None for i in strong)
        row(
            sec_t,
            f"{form}: strong verdict differs on retest (another role or none)",
            f"{pct(other + gone, len(strong))}; another role {other}, none {gone}",
            f"< {100 * limit:.0f}% (issue)",
            (other + gone) / max(len(strong), 1) < limit,
        )
        verdict = [i for i, r in enumerate(first) if r.recommendation is not None]
        flips = sum(
            second[i].recommendation not in (None, first[i].recommendation) for i in verdict
        )
        row(sec_c, f"{form}: any verdict names another role on retest", pct(flips, len(verdict)))
    # The short form rarely says strong on the mixed population: retest a strong-rich one.
    rich = people(
        rng,
        int(3000 * k),
        rho=lambda m: role_clear(rng, m).rho * 1.4,
        area=lambda m: rng.normal(0, 0.3, (m, A)),
        u_sd=0.25,
    )
    first, second = (
        score_all(sit(rich, cal, "short", rng), "short"),
        score_all(sit(rich, cal, "short", rng), "short"),
    )
    strong = [i for i, r in enumerate(first) if r.confidence == "strong"]
    other = sum(second[i].recommendation not in (None, first[i].recommendation) for i in strong)
    gone = sum(second[i].recommendation is None for i in strong)
    row(
        sec_t,
        "short: strong verdict differs on retest, very clear profiles (rho x1.4)",
        f"{pct(other + gone, len(strong))}; another role {other}, none {gone}",
        "< 5% (issue)",
        (other + gone) / max(len(strong), 1) < 0.05,
    )
    # Short against full.
    s, f = runs[("short", 1)], runs[("full", 2)]
    strong_s = [i for i, r in enumerate(s) if r.confidence == "strong"]
    differ = sum(f[i].recommendation != s[i].recommendation for i in strong_s)
    row(
        sec_c,
        "strong short-form verdict vs the same person's full form: differs",
        pct(differ, len(strong_s)),
        "< 5% (mine, as the short retest)",
        differ / max(len(strong_s), 1) < 0.05,
    )
    strong_f = [i for i, r in enumerate(f) if r.confidence == "strong"]
    other = sum(s[i].recommendation not in (None, f[i].recommendation) for i in strong_f)
    row(
        sec_c,
        "strong full-form verdict: the short form names another role",
        pct(other, len(strong_f)),
        "< 2% (mine)",
        other / max(len(strong_f), 1) < 0.02,
    )
    claims = (sum(r.confidence == "strong" for r in s), sum(r.confidence == "strong" for r in f))
    row(
        sec_c,
        "short claims less than full: strong verdicts short vs full",
        f"{claims[0]} vs {claims[1]}",
        "short <= full (issue)",
        claims[0] <= claims[1],
    )
    # Honest flags.
    for form in ("full", "short"):
        res = runs[(form, 1)]
        flagged = sum(bool(r.flags) for r in res)
        codes = Counter(f.code for r in res for f in r.flags)
        row(
            "5 flags",
            f"{form}: honest respondents flagged (mixed styles), {len(res)}",
            f"{pct(flagged, len(res))} {dict(codes)}",
            "< 5% (issue)",
            flagged / len(res) < 0.05,
        )
        for label in ("role-clear", "leaning", "area-driven", "natural", "flat"):
            idx = [i for i in range(len(group)) if _group_of(i, len(group)) == label]
            fl = sum(bool(res[i].flags) for i in idx)
            row("5 flags", f"{form}: honest {label} flagged", pct(fl, len(idx)))
    for form in ("full", "short"):
        res = runs[(form, 1)]
        lit = [
            r
            for r in res
            if r.recommendation == "general"
            and r.levels["general"] < min(r.levels["operations"], r.levels["business"])
        ]
        told = sum(r.recommendation == "general" for r in res)
        row(
            "2 general is earned",
            f"{form}: told general while its Likert level is the lowest",
            f"{len(lit)} of {told} general verdicts"
            + (f"; e.g. levels {dict(lit[0].levels)} fit {dict(lit[0].fit)}" if lit else ""),
        )
    return {"group": group, "truth": truth, "runs": runs}


def _group_of(i: int, n: int) -> str:
    part = n // 5
    labels = ("role-clear", "leaning", "area-driven", "natural", "flat")
    return labels[min(i // part, 4)]


AREA_OF_TASK = {t: a for a, ts in AREAS.items() for t in ts}


def area_pattern(
    liked: set[str], form: str, low: int = LOW, high: int = HIGH
) -> dict[str, int | str]:
    """Error-free answers of someone who likes the areas ``liked`` and nothing else."""
    values: dict[str, int | str] = {}
    for item in BANK.form_items(form):
        if isinstance(item, LikertItem):
            share = sum(AREA_OF_TASK[t] in liked for t in item.tasks) / len(item.tasks)
            x = high if share >= 0.5 else low
            values[item.id] = low + high - x if item.reverse else x
        else:
            values[item.id] = max(
                item.options,
                key=lambda o: sum(AREA_OF_TASK[t] in liked for t in o.tasks) / len(o.tasks),
            ).id
    return values


def check_flags(rng: np.random.Generator, cal: Calibration, k: float, honest: dict) -> None:
    sec = "5 flags"
    n = int(900 * k)
    pooled: list[tuple[Result, str | None, str]] = []
    for form in ("full", "short"):
        for label, careless in (
            ("careless run: last third at random", Careless("run-random", 1 / 3)),
            ("careless run: last third straight-lined", Careless("run-straight", 1 / 3)),
            ("careless run: last half at random", Careless("run-random", 1 / 2)),
            ("careless scattered: 30% at random", Careless("scattered", 0.3)),
        ):
            group = honest_population(rng, n)
            truth = group.true_role()
            res = score_all(sit(group, cal, form, rng, careless), form)
            flagged = sum(bool(r.flags) for r in res)
            codes = Counter(f.code for r in res for f in r.flags)
            caught = "run" in careless.kind and careless.share <= 0.34
            row(
                sec,
                f"{form}: {label}, {len(res)}",
                f"{pct(flagged, len(res))} {dict(codes)}",
                ">= 50% (mine: 'caught')" if caught else "",
                (flagged / len(res) >= 0.5) if caught else None,
            )
            tally, text = shares(res)
            with_role = [(r, t) for r, t in zip(res, truth, strict=True) if t]
            wrong = sum(r.recommendation not in (None, t) for r, t in with_role)
            quiet = sum(r.recommendation is not None and not r.flags for r, _ in with_role)
            row(
                sec,
                f"{form}: ... their verdicts; of those with a true role: wrong role / "
                "unflagged verdict",
                f"{text}; {pct(wrong, len(with_role))} / "
                f"{100 * quiet / max(len(with_role), 1):.1f}%",
            )
            if form == "full":
                pooled += [(r, t, label) for r, t in zip(res, truth, strict=True)]
        # Straight lines: one Likert value throughout but for one or two answers changed at
        # random, choices in one position or by content; and 90% one value (reported).
        prng = random.Random(int(rng.integers(1 << 30)))
        m = int(300 * k)
        honest_sets = sit(natural(rng, m), cal, form, rng)
        for label, departures, share in (
            ("all but 1-2 Likert answers one value", 2, None),
            ("90% of answers one value / first option", None, 0.9),
        ):
            bad = 0
            for j in range(m):
                v = prng.randint(LOW, HIGH)
                values: dict[str, int | str] = {}
                likert_ids = [i.id for i in BANK.form_items(form) if isinstance(i, LikertItem)]
                changed = (
                    set(prng.sample(likert_ids, prng.randint(1, departures)))
                    if departures
                    else set()
                )
                position = prng.choice([None, 0, "content"])
                for item in BANK.form_items(form):
                    if isinstance(item, LikertItem):
                        if share is not None:
                            values[item.id] = (
                                v if prng.random() < share else prng.randint(LOW, HIGH)
                            )
                        else:
                            values[item.id] = prng.randint(LOW, HIGH) if item.id in changed else v
                    elif share is not None:
                        values[item.id] = (
                            item.options[0].id
                            if prng.random() < share
                            else prng.choice(item.options).id
                        )
                    elif position == 0:
                        values[item.id] = item.options[0].id
                    elif position == "content":
                        values[item.id] = honest_sets[j][item.id]
                bad += not score(values, form).flags
            row(
                sec,
                f"{form}: near straight-line: {label}, {m}",
                f"unflagged {pct(bad, m)}",
                "flagged >= 95% (mine)" if departures else "",
                (bad / m <= 0.05) if departures else None,
            )
        # Consistent by construction: 1 or 5 to every item by its kind of work (this script's
        # areas), reverse items mirrored, choices by the same rule. No error at all.
        flagged = []
        patterns = [
            set(c) for n_areas in (1, 2) for c in itertools.combinations(AREA_NAMES, n_areas)
        ]
        for liked in patterns:
            res = score(area_pattern(liked, form), form)
            if any(f.code == "inconsistent" for f in res.flags):
                flagged.append("+".join(sorted(liked)))
        row(
            sec,
            f"{form}: error-free 1/5 answers by area of work ({len(patterns)} patterns) "
            "flagged inconsistent",
            f"{len(flagged)}: {', '.join(flagged[:6])}" + (" ..." if len(flagged) > 6 else ""),
            "0 (issue: consistent extremes)",
            not flagged,
        )
        # Extreme responders who answer consistently: clear interests, little error.
        group = people(
            rng,
            n,
            rho=lambda m: role_clear(rng, m).rho,
            styles="extreme-consistent",
            area=lambda m: rng.normal(0, 0.2, (m, A)),
            u_sd=0.2,
        )
        sets = sit(group, cal, form, rng)
        res = score_all(sets, form)
        inc = sum(any(f.code == "inconsistent" for f in r.flags) for r in res)
        ends = np.mean(
            [
                sum(v in (LOW, HIGH) for v in s.values() if isinstance(v, int))
                / sum(isinstance(v, int) for v in s.values())
                for s in sets
            ]
        )
        row(
            sec,
            f"{form}: consistent extreme responders ({100 * ends:.0f}% of answers 1 or 5) "
            f"flagged inconsistent, {len(res)}",
            pct(inc, len(res)),
            "< 5% (mine: 'not inconsistent')",
            inc / len(res) < 0.05,
        )
        group = people(rng, n, rho=lambda m: role_clear(rng, m).rho, styles="extreme-consistent")
        res = score_all(sit(group, cal, form, rng), form)
        inc = sum(any(f.code == "inconsistent" for f in r.flags) for r in res)
        row(
            sec,
            f"{form}: extreme responders, clear roles, ordinary lumpiness: flagged inconsistent",
            pct(inc, len(res)),
        )
        # Acquiescent: reported.
        group = people(rng, n, styles="acquiescent")
        res = score_all(sit(group, cal, form, rng), form)
        codes = Counter(f.code for r in res for f in r.flags)
        _t, text = shares(res)
        row(
            sec,
            f"{form}: acquiescent (+0.6..1.2 logits), {len(res)}",
            f"flagged {pct(sum(bool(r.flags) for r in res), len(res))} {dict(codes)}; {text}",
        )
    # Flagged vs unflagged, full form, honest + careless pooled, people with a true role.
    res = honest["runs"][("full", 1)]
    pooled += [(r, t, "honest") for r, t in zip(res, honest["truth"], strict=True)]
    stats = {}
    for flagged in (True, False):
        sub = [(r, t) for r, t, _ in pooled if t is not None and bool(r.flags) == flagged]
        v = [(r, t) for r, t in sub if r.recommendation is not None]
        wrong = sum(r.recommendation != t for r, t in v)
        right = sum(r.recommendation == t for r, t in v)
        stats[flagged] = (wrong / max(len(v), 1), right / max(len(sub), 1), len(sub), wrong, len(v))
    row(
        sec,
        "full: flagged vs unflagged (honest + careless, true role): wrong of verdicts",
        f"{100 * stats[True][0]:.2f}% ({stats[True][3]}/{stats[True][4]}) vs "
        f"{100 * stats[False][0]:.2f}% ({stats[False][3]}/{stats[False][4]})",
        "flagged worse (issue)",
        stats[True][0] > stats[False][0],
    )
    row(
        sec,
        "full: flagged vs unflagged: right of all",
        f"{100 * stats[True][1]:.1f}% of {stats[True][2]} vs "
        f"{100 * stats[False][1]:.1f}% of {stats[False][2]}",
        "flagged lower (issue)",
        stats[True][1] < stats[False][1],
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=20240611)
    parser.add_argument("--scale", type=float, default=1.0, help="multiplies every sample size")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    rng = np.random.default_rng(args.seed)
    prng = random.Random(args.seed)
    cal = calibrate(args.seed)
    k = args.scale

    check_model(rng, cal, k)
    check_no_role_by_default(rng, prng, cal, k)
    check_general(rng, cal, k)
    found = check_monotone(prng, rng, cal, k)
    honest = check_confidence_and_accuracy(rng, cal, k)
    check_flags(rng, cal, k, honest)

    print(f"# Held-out check of RoleFit {BANK.id} {BANK.version}: seed {args.seed}, scale {k}\n")
    print("| section | property / target | figure | target | result |")
    print("|---|---|---|---|---|")
    for r in sorted(ROWS, key=lambda r: r.section[0]):
        print(r.line())
    failed = [r for r in ROWS if r.ok is False]
    print(
        f"\n{len(ROWS)} rows, {sum(r.ok is True for r in ROWS)} PASS, {len(failed)} FAIL; "
        f"{N_SCORED:,} answer sets scored in {time.perf_counter() - started:.0f} s."
    )
    for kind in ("likert", "choice", "shared"):
        for ex in found[kind][:3]:
            print(f"monotonicity violation ({kind}): {ex}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
