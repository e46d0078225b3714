"""The bank format, declared once.

Every key of a bank file, its type, whether it is required, its default, its limits and a
description for authors' editors is stated here and nowhere else. Two things are made
from it: the structural checks of the loader (``rolefit.bank.reader`` walks a file's
located tree against it) and the JSON Schema that editors use
(``rolefit.bank.schema``, shipped as ``questions/bank.schema.json``, printed by
``rolefit schema``). What a declaration cannot say (that an id referred to exists, that
every task is measured, that a form measures every role) is checked in
``rolefit.bank.loader``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from rolefit.bank.model import ScoringParams

# -- the kinds of field ------------------------------------------------------------------


@dataclass(frozen=True)
class Word:
    """A short code matched whole by ``pattern`` (an id, a language tag)."""

    name: str  # "id": named in messages ("'X' is not a valid id")
    pattern: str  # matched with fullmatch; the schema anchors it the same way
    rule: str  # the pattern in words, for messages and editors
    max_length: int
    description: str = ""

    def __post_init__(self) -> None:
        # The schema writes ^pattern$: a top-level "|" would change what that anchors.
        assert "|" not in self.pattern, self.pattern


@dataclass(frozen=True)
class Text:
    """Text with at least one character that is not white space."""

    max_length: int
    description: str = ""
    # For a version: an unquoted 1.0 is a number, and the message says to quote it.
    quote_numbers: bool = False


@dataclass(frozen=True)
class Integer:
    minimum: int
    maximum: int
    description: str = ""


@dataclass(frozen=True)
class Number:
    minimum: float
    maximum: float
    description: str = ""
    # True: the number must be above ``minimum``, not equal to it.
    exclusive_minimum: bool = False


@dataclass(frozen=True)
class Boolean:
    description: str = ""


@dataclass(frozen=True)
class Enum:
    values: tuple[str, ...]
    description: str = ""


@dataclass(frozen=True)
class Ids:
    """A non-empty list of distinct ids, each of which must name a ``refers_to``."""

    refers_to: str  # "task": the loader looks each id up among the bank's tasks
    description: str = ""
    # Forms: the word "all" may stand for every item, in order.
    or_all: bool = False

    @property
    def what(self) -> str:
        return f"{self.refers_to} ids" + (" (or the word all)" if self.or_all else "")


@dataclass(frozen=True)
class Key:
    name: str
    field: Field
    required: bool = True
    default: object = None


@dataclass(frozen=True)
class Mapping:
    """Key: value lines, with exactly the keys declared."""

    keys: tuple[Key, ...]
    description: str = ""

    def key(self, name: str) -> Key | None:
        return next((k for k in self.keys if k.name == name), None)


@dataclass(frozen=True)
class ListOf:
    entry: Field
    what: str  # "roles": named in messages ("expected at least 2 roles")
    min_items: int = 0
    max_items: int | None = None
    # Why there is a maximum, said with the message that it was passed.
    max_reason: str = ""
    description: str = ""


@dataclass(frozen=True)
class Kinds:
    """A mapping whose ``key`` (kind: likert) says which of ``kinds`` declares the rest."""

    key: str
    kinds: dict[str, Mapping]
    description: str = ""


@dataclass(frozen=True)
class NamedMapping:
    """A mapping from names of the author's choosing (form names) to values of one field."""

    names: Word
    value: Field
    required: tuple[str, ...] = ()
    description: str = ""


Field = (
    Word | Text | Integer | Number | Boolean | Enum | Ids | Mapping | ListOf | Kinds | NamedMapping
)


def required(name: str, spec: Field) -> Key:
    return Key(name, spec)


def optional(name: str, spec: Field, default: object = None) -> Key:
    return Key(name, spec, required=False, default=default)


# -- the bank ------------------------------------------------------------------------------

# The app answers with keys 1-9, so no question may offer more than nine answers.
MAX_ANSWERS = 9
ANSWER_KEYS = "the app answers with keys 1-9"

ID = Word(
    "id",
    r"[a-z0-9][a-z0-9_.-]*",
    "lower-case letters, digits, '.', '-' or '_', starting with a letter or digit",
    64,
)
LANGUAGE = Word(
    "language tag",
    r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*",
    "a BCP 47 tag such as en, en-GB or de",
    35,
    "The language the bank is written in.",
)

# Lengths: a title fits a heading, a question a screen, a description a few paragraphs.
TITLE = 200
LABEL = 100
SUMMARY = 300
QUESTION = 500
LINE = 300
DESCRIPTION = 2000
NOTE = 4000

SCALE = Mapping(
    (
        required("min", Integer(-100, 100, "The lowest answer.")),
        required("max", Integer(-100, 100, "The highest answer; at most 9 points in all.")),
        required(
            "labels",
            ListOf(
                Text(LABEL),
                "labels",
                min_items=2,
                max_items=MAX_ANSWERS,
                max_reason=ANSWER_KEYS,
                description="One label per point, from min to max.",
            ),
        ),
    ),
    "The Likert answer scale shared by every Likert item.",
)

ROLE = Mapping(
    (
        required("id", ID),
        required("title", Text(TITLE, "The role's name, shown in the result.")),
        required("description", Text(DESCRIPTION, "What the role does, in a few sentences.")),
        optional(
            "profile",
            Enum(
                ("specialist", "generalist"),
                "specialist: fit rewards focus on the role's own tasks; generalist: fit rewards "
                "breadth across every role's tasks.",
            ),
            default="specialist",
        ),
        optional(
            "day_to_day",
            ListOf(Text(LINE), "lines", description="A typical day, shown on the results page."),
            default=(),
        ),
    )
)

DIMENSION = Mapping(
    (
        required("id", ID),
        required("title", Text(TITLE, "Shown on the result's profile chart.")),
        optional("description", Text(DESCRIPTION, "What the area covers."), default=""),
    )
)

TASK = Mapping(
    (
        required("id", ID),
        required("text", Text(DESCRIPTION, "The work, as the sources describe it.")),
        required(
            "roles",
            Ids("role", "The roles that do this task; a task shared by k roles counts 1/k each."),
        ),
        required("dimension", replace(ID, description="The task's area of work.")),
        optional("source", Text(DESCRIPTION, "Where the task comes from."), default=""),
    )
)

_ITEM_TEXT = Text(QUESTION, 'The question, e.g. "How much would you enjoy ...?"')
_SUMMARY = Text(SUMMARY, "A short phrase used in the result's reasons (default: the text).")

OPTION = Mapping(
    (
        required("id", ID),
        required("text", Text(SUMMARY, "The answer as the person reads it.")),
        required("tasks", Ids("task", "The tasks choosing this option speaks for.")),
    )
)

ITEM = Kinds(
    "kind",
    {
        "likert": Mapping(
            (
                required("id", ID),
                required("kind", Enum(("likert",), "How much: an answer on the scale.")),
                required("text", _ITEM_TEXT),
                optional("summary", _SUMMARY),
                required("tasks", Ids("task", "The tasks this question measures.")),
                optional(
                    "reverse",
                    Boolean("true when agreeing means less interest in the tasks."),
                    default=False,
                ),
            )
        ),
        "choice": Mapping(
            (
                required("id", ID),
                required("kind", Enum(("choice",), "Which: one option of several roles' work.")),
                required("text", _ITEM_TEXT),
                optional("summary", _SUMMARY),
                required(
                    "options",
                    ListOf(
                        OPTION,
                        "options",
                        min_items=2,
                        max_items=MAX_ANSWERS,
                        max_reason=ANSWER_KEYS,
                        description="Work of different roles to choose between.",
                    ),
                ),
            )
        ),
    },
    "A question: kind likert (how much) or choice (which).",
)

SCORING = Mapping(
    tuple(
        optional(name, spec, default=getattr(ScoringParams, name))
        for name, spec in (
            (
                "choice_weight",
                Number(0.0, 1.0, "A forced choice's weight, against one scale question's."),
            ),
            (
                "verdict_z",
                Number(
                    0.0,
                    10.0,
                    "Standard errors the leading fit must be ahead by for any verdict.",
                ),
            ),
            (
                "strong_z",
                Number(
                    0.0, 10.0, "Standard errors ahead for a strong verdict; not below verdict_z."
                ),
            ),
            (
                "strong_margin",
                Number(0.0, 100.0, "Points between the top two fits for a strong result.", True),
            ),
            (
                "moderate_margin",
                Number(
                    0.0,
                    100.0,
                    "Points for a moderate result; below strong_margin.",
                    True,
                ),
            ),
            (
                "min_answered",
                Number(0.0, 1.0, "The share of a form's questions needed for a result."),
            ),
            (
                "strong_min_answers",
                Number(0.0, 10000.0, "Answers needed before a verdict can be strong (30)."),
            ),
        )
    ),
    "The weights and thresholds of the scoring method (docs/scoring.md).",
)

NOTE_SPEC = Mapping(
    (
        required("id", ID),
        required("tasks", Ids("task", "Shown when the person's answers touch these tasks.")),
        required("text", Text(NOTE, "The explanation, in a few sentences.")),
    )
)

BANK = Mapping(
    (
        required("id", replace(ID, description="Written into answers files.")),
        required(
            "version",
            Text(32, 'The bank\'s version; quote it: "1.0". Change it when items change.', True),
        ),
        optional("language", LANGUAGE, default="en"),
        required("title", Text(TITLE, "Shown to the person taking the questionnaire.")),
        optional("description", Text(DESCRIPTION, "Shown under the title."), default=""),
        required("scale", SCALE),
        required(
            "roles",
            ListOf(ROLE, "roles", min_items=2, description="The roles a person is matched to."),
        ),
        required(
            "dimensions",
            ListOf(
                DIMENSION,
                "dimensions",
                min_items=1,
                description="Areas of work, for the result's profile chart.",
            ),
        ),
        required(
            "tasks",
            ListOf(
                TASK, "tasks", min_items=1, description="What the roles do; items measure them."
            ),
        ),
        required("items", ListOf(ITEM, "items", min_items=1, description="Asked in this order.")),
        required(
            "forms",
            NamedMapping(
                ID,
                Ids("item", or_all=True),
                required=("full",),
                description="full (all means every item, in order) and any named subsets.",
            ),
        ),
        optional("scoring", SCORING),
        optional(
            "notes",
            ListOf(
                NOTE_SPEC,
                "notes",
                description="Explanations shown when a person's answers touch the tasks listed.",
            ),
            default=(),
        ),
    ),
    "A RoleFit question bank. `rolefit validate FILE` checks everything this schema checks, "
    "and what it cannot: that every id referred to exists, that every task is measured, that "
    "each form measures every role.",
)
