"""How long scoring takes: big banks, and many answer sets through `rolefit score --json -`.

Run:  python bench/score_speed.py [--repeat N]

1. For the shipped bank (56 items) and synthetic banks of 1,000 and 3,000 items, every item
   answered, it times in the same run ``score_answers`` (fits, verdict, flags and the
   reasons) against ``make_answers`` (checking the answers against the bank, which is
   linear), and prints the ratio and the time per item: near-constant time per item means
   linear. For the smaller banks it also times the 1.0 way of finding reasons, re-scoring
   once per answer, which grows with the square of the number of answers.
2. It pipes 1,000 answer sets (the shipped bank, full form, random but valid answers) as
   JSON Lines through ``python -m rolefit score --json -`` and times the whole run against
   the same command with a single line (start-up, imports, loading the bank).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from rolefit.bank import Bank, ChoiceItem, load_bank, load_default_bank
from rolefit.scoring import make_answers, score_answers
from rolefit.scoring.engine import compute_fits

ROLES = ("operations", "business", "general")


def synthetic_bank(items: int) -> str:
    """A valid bank: a quarter as many tasks as items, every fifth item a two-option choice."""
    tasks = max(6, items // 4)
    lines = [
        "id: synthetic",
        'version: "1.0"',
        "title: Synthetic bank",
        "scale: {min: 1, max: 5, labels: [Not at all, A little, Somewhat, Quite a lot, Very much]}",
        "roles:",
    ]
    for role in ROLES:
        profile = "generalist" if role == "general" else "specialist"
        lines.append(f"  - {{id: {role}, title: {role}, description: The {role} role.,")
        lines.append(f"     profile: {profile}}}")
    lines += ["dimensions: [{id: work, title: Work}]", "tasks:"]
    for t in range(tasks):
        lines.append(
            f"  - {{id: task-{t}, text: Task {t}., roles: [{ROLES[t % 3]}], dimension: work}}"
        )
    lines.append("items:")
    likert = 0
    for i in range(items):
        if i % 5 == 4:
            a = i % tasks
            b = a + 1 if a + 1 < tasks else a - 1
            lines += [
                f"  - id: item-{i}",
                "    kind: choice",
                "    text: Which would you rather do?",
                "    options:",
                f"      - {{id: a, text: Task {a}, tasks: [task-{a}]}}",
                f"      - {{id: b, text: Task {b}, tasks: [task-{b}]}}",
            ]
            continue
        task = likert % tasks
        likert += 1
        lines += [
            f"  - id: item-{i}",
            "    kind: likert",
            f"    text: How much would you enjoy task {task}?",
            f"    tasks: [task-{task}]",
            f"    reverse: {'true' if i % 7 == 0 else 'false'}",
        ]
    lines += ["forms:", "  full: all"]
    return "\n".join(lines) + "\n"


def median_time(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def random_answers(bank: Bank, rng: random.Random) -> dict[str, int | str]:
    return {
        item.id: rng.choice(item.options).id
        if isinstance(item, ChoiceItem)
        else rng.randint(bank.scale.min, bank.scale.max)
        for item in bank.items
    }


def reasons_by_rescoring(bank: Bank, values: dict[str, int | str]) -> None:
    """The 1.0 method: every answer's effect by scoring again with it set to neutral."""
    for item_id in values:
        compute_fits(bank, {**values, item_id: None})


def big_banks(repeat: int) -> None:
    print(
        f"{'items':>6} {'check ms':>9} {'score ms':>9} {'x check':>8} {'us/item':>8} "
        f"{'re-score ms':>12}"
    )
    rng = random.Random(1)
    with tempfile.TemporaryDirectory() as tmp:
        for size in (56, 1000, 3000):
            if size == 56:
                bank = load_default_bank()
            else:
                path = Path(tmp) / f"bank-{size}.yaml"
                path.write_text(synthetic_bank(size), encoding="utf-8")
                bank = load_bank(path)
            values = random_answers(bank, rng)
            answers = make_answers(bank, values)
            score_answers(bank, answers)  # warm the bank's weight cache, as a batch would
            check = median_time(lambda b=bank, v=values: make_answers(b, v), repeat)
            ours = median_time(lambda b=bank, a=answers: score_answers(b, a), repeat)
            old = ""
            if size <= 1000:
                slow = median_time(lambda b=bank, v=values: reasons_by_rescoring(b, v), 1)
                old = f"{slow * 1000:.0f}"
            print(
                f"{len(bank.items):>6} {check * 1000:>9.2f} {ours * 1000:>9.2f} "
                f"{ours / check:>8.2f} {ours / len(bank.items) * 1e6:>8.1f} {old:>12}"
            )


def json_lines(count: int) -> None:
    bank = load_default_bank()
    rng = random.Random(2)
    lines = [
        json.dumps({"form": "full", "answers": random_answers(bank, rng)}) for _ in range(count)
    ]

    def run(text: str) -> float:
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "rolefit", "score", "--json", "-"],
            input=text.encode("utf-8"),
            capture_output=True,
            check=True,
        )
        elapsed = time.perf_counter() - started
        assert len(done.stdout.splitlines()) == text.count("\n")
        return elapsed

    one = min(run(lines[0] + "\n") for _ in range(3))
    many = run("\n".join(lines) + "\n")
    print(
        f"\n`rolefit score --json -`: {count:,} answer sets (full form, with reasons) in "
        f"{many:.2f} s; one set in {one:.2f} s (start-up and bank); "
        f"{(many - one) / (count - 1) * 1000:.2f} ms per further set; x{many / one:.1f} one set"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--lines", type=int, default=1000)
    args = parser.parse_args()
    big_banks(args.repeat)
    json_lines(args.lines)


if __name__ == "__main__":
    main()
