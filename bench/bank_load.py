"""Load + validate time of synthetic banks, against bare YAML parsing of the same file.

Run:  python bench/bank_load.py [--repeat N]

For 50, 1,000 and 5,000 items it writes a valid bank, then times, in the same run and
interleaved, (a) rolefit's load_bank (read, parse, validate, build), (b) a bare
``yaml.safe_load`` of the same text and (c) ``yaml.load`` with the C loader. It prints the
median of each and the ratios, and whether time grows linearly (ms per item).

Then it times the same banks broken so that every reference is unknown (each item's and
option's task, each task's role, each form entry): the worst case for reporting, where
every problem wants a "did you mean" (issue 12: 13-20 s for 133 KB before suggestions
were searched once per distinct id and at most ``MAX_SUGGESTIONS`` times).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import yaml

from rolefit.bank import BankError, load_bank, parse_bank

ROLES = ("operations", "business", "general")


def synthetic_bank(items: int) -> str:
    # A third as many tasks as items, so the Likert items alone cover every task.
    tasks = max(6, items // 3)
    lines = [
        "id: synthetic",
        'version: "1.0"',
        "title: Synthetic bank",
        "scale: {min: 1, max: 5, labels: [Not at all, A little, Somewhat, Quite a lot, Very much]}",
        "roles:",
    ]
    for role in ROLES:
        profile = "generalist" if role == "general" else "specialist"
        lines += [
            f"  - id: {role}",
            f"    title: {role.title()}",
            f"    description: The {role} role.",
            f"    profile: {profile}",
        ]
    lines += ["dimensions:", "  - id: work", "    title: Work", "tasks:"]
    for t in range(tasks):
        lines += [
            f"  - id: task-{t}",
            f"    text: Task number {t} of the synthetic bank.",
            f"    roles: [{ROLES[t % 3]}]",
            "    dimension: work",
        ]
    lines.append("items:")
    for i in range(items):
        if i % 5 == 4:
            a, b = (2 * i) % tasks, (2 * i + 1) % tasks
            if a % 3 == b % 3:
                b = (b + 1) % tasks
            lines += [
                f"  - id: item-{i}",
                "    kind: choice",
                "    text: Which would you rather do?",
                "    options:",
                f"      - {{id: a, text: Task {a}, tasks: [task-{a}]}}",
                f"      - {{id: b, text: Task {b}, tasks: [task-{b}]}}",
            ]
        else:
            lines += [
                f"  - id: item-{i}",
                "    kind: likert",
                f"    text: How much would you enjoy task {i % tasks}?",
                f"    tasks: [task-{i % tasks}]",
            ]
            if i % 7 == 0:
                lines.append("    reverse: true")
    lines += ["forms:", "  full: all"]
    return "\n".join(lines) + "\n"


def unknown_references(text: str, items: int) -> str:
    """``text`` with every task, role and item reference pointing at nothing."""
    listed = ", ".join(f"itm-{i}" for i in range(items))
    return (
        text.replace("tasks: [task-", "tasks: [tusk-")
        .replace("roles: [", "roles: [x")
        .replace("  full: all", f"  full: [{listed}]")
    )


def problems_of(text: str) -> int:
    try:
        parse_bank(text, "bench.yaml")
    except BankError as error:
        return len(error.problems)
    raise AssertionError("the broken bank loaded")


def median_time(action, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    print(
        f"{'items':>6} {'bytes':>9} {'rolefit ms':>11} {'safe_load ms':>13} {'C load ms':>10} "
        f"{'x safe_load':>12} {'x C load':>9} {'us/item':>8}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for size in (50, 1000, 5000):
            path = Path(tmp) / f"bank-{size}.yaml"
            text = synthetic_bank(size)
            path.write_text(text, encoding="utf-8")
            bank = load_bank(path)  # also checks the synthetic bank is valid
            assert len(bank.items) == size
            ours = median_time(lambda p=path: load_bank(p), args.repeat)
            bare = median_time(lambda t=text: yaml.safe_load(t), args.repeat)
            c_load = median_time(lambda t=text: yaml.load(t, Loader=yaml.CSafeLoader), args.repeat)
            print(
                f"{len(bank.items):>6} {len(text):>9,} {ours * 1000:>11.1f} {bare * 1000:>13.1f} "
                f"{c_load * 1000:>10.1f} {ours / bare:>12.2f} {ours / c_load:>9.2f} "
                f"{ours / len(bank.items) * 1e6:>8.1f}"
            )
    print("\nevery reference unknown")
    print(f"{'items':>6} {'bytes':>9} {'problems':>9} {'ms':>8} {'us/item':>8}")
    for size in (50, 1000, 5000):
        text = unknown_references(synthetic_bank(size), size)
        count = problems_of(text)
        broken = median_time(lambda t=text: problems_of(t), args.repeat)
        print(
            f"{size:>6} {len(text):>9,} {count:>9,} {broken * 1000:>8.1f} "
            f"{broken / size * 1e6:>8.1f}"
        )


if __name__ == "__main__":
    main()
