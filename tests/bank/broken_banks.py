"""Every kind of broken bank, once: the loader must refuse each, and the JSON Schema each
one whose problem is in the bank's structure.

``loader_only`` says why the schema cannot see a problem: the YAML itself is refused
before there is any data, or the problem lies between values (a reference, a count, a
comparison) where a JSON Schema does not look.
"""

from typing import NamedTuple

from conftest import MINIMAL_BANK


class Broken(NamedTuple):
    name: str
    text: str
    message: str  # part of one of the loader's problems
    loader_only: str = ""  # why the schema cannot see it; "" if it must refuse it too


YAML = "the YAML itself is refused, so there is no data for a schema"
REFERENCE = "a reference to an id, which only the loader looks up"
UNIQUE = "ids unique across entries, which a schema cannot state"
ACROSS = "a relation between values, which a schema cannot state"
JSON_NUMBERS = "JSON Schema counts 1.0 as an integer and lets NaN past every bound"


def broken(old: str, new: str, text: str = MINIMAL_BANK) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def choice_item(options: int) -> str:
    lines = ["  - id: many", "    kind: choice", "    text: Which would you rather do?"]
    lines.append("    options:")
    for n in range(options):
        task = "ops.make" if n % 2 else "bus.money"
        lines += [f"      - id: o{n}", f"        text: Option {n}", f"        tasks: [{task}]"]
    return "\n".join(lines) + "\n"


TEN_POINTS = broken("  max: 5", "  max: 10").replace(
    "Quite a lot, Very much]", "Quite a lot, Very much, 6, 7, 8, 9, 10]"
)
ONLY_CHOICES = (
    MINIMAL_BANK.split("items:")[0]
    + "items:\n"
    + choice_item(2)
    + "  - id: pick2\n    kind: choice\n    text: Which?\n    options:\n"
    + "      - {id: a, text: Oversee, tasks: [gen.all]}\n"
    + "      - {id: b, text: Targets, tasks: [shared.targets]}\n"
    + "forms:\n  full: all\n"
)

CASES = [
    # -- the structure: both refuse ---------------------------------------------------
    Broken("empty-file", "", "the bank is empty"),
    Broken("top-level-list", "- just\n- a list\n", "expected a mapping (key: value lines)"),
    Broken(
        "unknown-key",
        broken("    tasks: [ops.make]\n", "    taks: [ops.make]\n"),
        "items[0].taks: unknown key",
    ),
    Broken("wrong-type", broken("  min: 1", "  min: one"), "scale.min: expected a whole number"),
    Broken("scale-out-of-range", broken("  min: 1", "  min: 1000"), "from -100 to 100, got 1000"),
    Broken("unquoted-version", broken('version: "0.1"', "version: 0.1"), "put 0.1 in quotes"),
    Broken(
        "missing-key",
        broken("    description: Runs money and administration.\n", ""),
        "roles[1].description: missing required key",
    ),
    Broken(
        "one-role",
        MINIMAL_BANK.split("  - id: business")[0]
        + "dimensions:"
        + MINIMAL_BANK.split("dimensions:")[1],
        "expected at least 2 roles, found 1",
    ),
    Broken(
        "one-option",
        broken("      - id: b\n        text: Count money\n        tasks: [bus.money]\n", ""),
        "items[4].options: expected at least 2 options, found 1",
    ),
    Broken(
        "ten-options",
        broken("forms:", choice_item(10) + "forms:"),
        "expected at most 9 options, found 10 (the app answers with keys 1-9)",
    ),
    Broken("ten-scale-points", TEN_POINTS, "at most 9 answer points, got 10"),
    Broken(
        "no-items",
        MINIMAL_BANK.split("items:")[0] + "items: []\nforms:\n  full: all\n",
        "items: expected at least 1 items, found none",
    ),
    Broken("unknown-profile", broken("    profile: generalist", "    profile: boss"), "boss"),
    Broken("unknown-kind", broken("    kind: likert\n", "    kind: slider\n"), "slider"),
    Broken(
        "reverse-yes",  # YAML 1.1 reads yes as true; RoleFit, as YAML 1.2, as text
        broken("    reverse: true", "    reverse: yes"),
        "items[3].reverse: expected true or false, got the text 'yes'",
    ),
    Broken("reverse-number", broken("    reverse: true", "    reverse: 1"), "true or false"),
    Broken("blank-title", broken("title: Mini bank", 'title: "  \\t "'), "got only white space"),
    Broken("empty-title", broken("title: Mini bank", 'title: ""'), "got an empty string"),
    Broken(
        "long-title",
        broken("title: Mini bank", "title: " + "x" * 201),
        "title: too long: 201 characters, at most 200",
    ),
    Broken(
        "long-question",
        broken("making things?", "making things" + " really" * 80 + "?"),
        "items[0].text: too long",
    ),
    Broken(
        "long-id",
        broken("  - id: make\n", f"  - id: {'m' * 65}\n"),
        "is too long for an id: at most 64",
    ),
    Broken(
        "id-line-break",
        broken("  - id: make\n", '  - id: "make\\n"\n'),
        "items[0].id: 'make\\n' is not a valid id: it has white space or a line break around "
        "it; did you mean 'make'?",
    ),
    Broken(
        "id-trailing-space",
        broken("  - id: ops.make\n", '  - id: "ops.make "\n'),
        "tasks[0].id: 'ops.make ' is not a valid id",
    ),
    Broken("id-capitals", broken("  - id: make\n", "  - id: Make\n"), "'Make' is not a valid id"),
    Broken(
        "listed-twice",
        broken("    tasks: [gen.all, shared.targets]", "    tasks: [gen.all, gen.all]"),
        "'gen.all' is listed twice",
    ),
    Broken(
        "scoring-range",
        MINIMAL_BANK + "scoring:\n  choice_weight: 2\n",
        "scoring.choice_weight: expected a number from 0.0 to 1.0, got 2",
    ),
    Broken(
        "scoring-unknown", MINIMAL_BANK + "scoring:\n  focus: 1\n", "scoring.focus: unknown key"
    ),
    Broken(
        "zero-margin",
        MINIMAL_BANK + "scoring:\n  strong_margin: 0\n",
        "scoring.strong_margin: expected a number above 0.0 and at most 100.0, got 0",
    ),
    Broken(
        "negative-margin",
        MINIMAL_BANK + "scoring:\n  moderate_margin: -3\n",
        "scoring.moderate_margin: expected a number above 0.0",
    ),
    Broken(
        "language",
        broken("title: Mini", "language: english\ntitle: Mini"),
        "language: 'english' is not a valid language tag",
    ),
    Broken(
        "language-line-break",
        broken("title: Mini", 'language: "en\\n"\ntitle: Mini'),
        "language: 'en\\n' is not a valid language tag",
    ),
    Broken("empty-form", broken("short: [make, money, all]", "short: []"), "expected at least 1"),
    Broken("no-full-form", broken("  full: all\n", ""), "forms.full: missing required key"),
    Broken(
        "form-name",
        broken("  short: [", "  Short: ["),
        "forms: 'Short' is not a valid id",
    ),
    # -- only the loader can see these ---------------------------------------------------
    Broken("yaml-syntax", broken("title: Mini bank", "title: [unclosed"), "YAML syntax", YAML),
    Broken(
        "python-tag",
        broken("title: Mini bank", "title: !!python/object/apply:os.system ['echo']"),
        "is not allowed",
        YAML,
    ),
    Broken("alias", "id: &a x\nversion: *a\n", "alias '*a' is not allowed", YAML),
    Broken("deep-nesting", "title: " + "[" * 1000, "nesting deeper than", YAML),
    Broken("two-documents", MINIMAL_BANK + "---\nid: again\n", "one YAML document", YAML),
    Broken(
        "duplicate-key",
        broken("title: Mini bank\n", "title: Mini bank\ntitle: Other\n"),
        "title: duplicate key (first given on line 3)",
        YAML,  # plain data would keep one of the two: the mistake is gone
    ),
    Broken("nul", MINIMAL_BANK + "\x00", "NUL characters", YAML),
    Broken(
        "huge-number",
        broken("  min: 1", "  min: " + "1" * 5000),
        "a number of 5,000 digits is too long: at most 100",
        YAML,
    ),
    Broken(
        "huge-tagged-number",
        broken("  min: 1", "  min: !!int " + "1" * 5000),
        "is too long for a whole number",
        YAML,
    ),
    Broken(
        "fraction-as-whole", broken("  min: 1", "  min: 1.0"), "got a number (1.0)", JSON_NUMBERS
    ),
    Broken(
        "nan-weight",
        MINIMAL_BANK + "scoring:\n  min_answered: .nan\n",
        "scoring.min_answered: expected a number from 0.0 to 1.0, got nan",
        JSON_NUMBERS,
    ),
    Broken(
        "duplicate-ids",
        broken("  - id: money\n", "  - id: make\n"),
        "duplicate item id 'make'",
        UNIQUE,
    ),
    Broken(
        "duplicate-option-ids",
        broken("      - id: b\n", "      - id: a\n"),
        "duplicate option id 'a'",
        UNIQUE,
    ),
    Broken(
        "unknown-task",
        broken("    tasks: [bus.money]\n  - id: all", "    tasks: [bus.mony]\n  - id: all"),
        "unknown task 'bus.mony'; did you mean 'bus.money'?",
        REFERENCE,
    ),
    Broken(
        "unknown-role",
        broken("roles: [business]", "roles: [busines]"),
        "unknown role 'busines'; did you mean 'business'?",
        REFERENCE,
    ),
    Broken(
        "unknown-item",
        broken("short: [make, money, all]", "short: [make, money, al]"),
        "forms.short: unknown item 'al'; did you mean 'all'?",
        REFERENCE,
    ),
    Broken(
        "unknown-dimension",
        broken("    dimension: work\n  - id: bus.money", "    dimension: wrk\n  - id: bus.money"),
        "unknown dimension 'wrk'; did you mean 'work'?",
        REFERENCE,
    ),
    Broken("scale-upside-down", broken("  min: 1", "  min: 9"), "got min 9, max 5", ACROSS),
    Broken("scale-empty", broken("  max: 5", "  max: 1"), "got min 1, max 1", ACROSS),
    Broken("scale-too-wide", broken("  max: 5", "  max: 40"), "at most 9 answer points", ACROSS),
    Broken(
        "labels-count",
        broken("  max: 5", "  max: 6"),
        "scale.labels: expected 6 labels, one per point from 1 to 6, found 5",
        ACROSS,
    ),
    Broken(
        "same-role-options",
        broken(
            "        text: Count money\n        tasks: [bus.money]",
            "        text: Make more\n        tasks: [ops.make]",
        ),
        "every option measures the same roles' tasks",
        ACROSS,
    ),
    Broken(
        "unmeasured-task",
        broken(
            "tasks:\n",
            "tasks:\n  - id: ops.lonely\n    text: Unmeasured.\n    roles: [operations]\n"
            "    dimension: work\n",
        ),
        "tasks.ops.lonely: no item measures this task",
        ACROSS,
    ),
    Broken(
        "only-generalists",
        MINIMAL_BANK.replace(
            "description: Runs money and administration.\n",
            "description: Runs money and administration.\n    profile: generalist\n",
        ).replace(
            "description: Runs the making and delivering.\n",
            "description: Runs the making and delivering.\n    profile: generalist\n",
        ),
        "at least one role must have profile: specialist",
        ACROSS,
    ),
    Broken(
        "moderate-above-strong",
        MINIMAL_BANK + "scoring:\n  strong_margin: 5\n  moderate_margin: 9\n",
        "scoring.moderate_margin: must not exceed strong_margin (9.0 > 5.0)",
        ACROSS,
    ),
    Broken(
        "moderate-equals-strong",
        MINIMAL_BANK + "scoring:\n  strong_margin: 7\n  moderate_margin: 7\n",
        "scoring.moderate_margin: must be below strong_margin, not equal to it: there would be "
        "no moderate result",
        ACROSS,
    ),
    Broken(
        "role-without-own-task",
        broken("    roles: [business]\n", "    roles: [business, operations]\n"),
        "roles.business: every task of this role is shared with another role",
        ACROSS,
    ),
    Broken(
        "role-without-tasks",
        broken(
            "    profile: generalist\n",
            "    profile: generalist\n  - id: idle\n    title: Idle\n    description: None.\n",
        ),
        "roles.idle: no task belongs to this role",
        ACROSS,
    ),
    Broken("no-likert-items", ONLY_CHOICES, "there is no Likert item", ACROSS),
    Broken(
        "form-misses-a-role",
        broken("short: [make, money, all]", "short: [make, money]"),
        "forms.short: no item of this form measures a task of role 'general'",
        ACROSS,
    ),
]

# Not banks at all: each must give problems, never a traceback.
JUNK = [
    "key: value\n" * 50_000,
    "- " * 100_000,
    "{" * 100_000,
    "\t\tbad indent\n" * 10,
    "a: b: c\n",
    "'unterminated",
    "%YAML 9.9\n---\na: 1\n",
    "a: 1\n---\nb: 2\n",
    "? [complex, key]\n: value\n",
    "1: one\n2: two\n",
    "id: &anchor x\nversion: *anchor\n",
    "\ufeffid: bom-is-fine-but-bank-incomplete\n",
]
