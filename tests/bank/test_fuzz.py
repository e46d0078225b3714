"""Whatever the input, loading ends in a Bank or a BankError: never another exception."""

import contextlib
import json
from importlib import resources

import jsonschema
import yaml
from conftest import MINIMAL_BANK
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rolefit.bank import BankError, load_default_bank, parse_bank, spec
from rolefit.bank.schema import bank_schema
from rolefit.bank.yamltree import parse_tree, plain_data
from rolefit.scoring import AnswersError, parse_answers

BANK = load_default_bank()


@st.composite
def mutated_banks(draw):
    text = MINIMAL_BANK
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["delete", "insert", "duplicate"]))
        if action == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 20)) :]
        elif action == "insert":
            text = (
                text[:at] + draw(st.text(alphabet=" \n-:[]{}&*!#'\"ab1.\t", max_size=8)) + text[at:]
            )
        else:
            end = min(len(text), at + draw(st.integers(1, 60)))
            text = text[:end] + text[at:end] + text[end:]
    return text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_banks())
def test_mutated_banks_load_or_fail_cleanly(text):
    try:
        parse_bank(text, "fuzz.yaml")
    except BankError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.line >= 1 and problem.column >= 1 and problem.message


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text_loads_or_fails_cleanly(text):
    with contextlib.suppress(BankError):
        parse_bank(text, "fuzz.yaml")


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-10, 10)
    | st.floats(allow_nan=True)
    | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=20), inner, max_size=4)
    ),
    max_leaves=12,
)
item_ids = st.sampled_from([i.id for i in BANK.items] + ["nope"])


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(["bank", "form", "answers", "other"]),
        json_values | st.dictionaries(item_ids, json_values, max_size=6),
        max_size=4,
    )
)
def test_arbitrary_answers_data_is_accepted_or_reported(data):
    json.dumps(data)  # only JSON-representable data reaches the parser
    try:
        parse_answers(data, BANK, "fuzz.json")
    except AnswersError as error:
        assert error.problems


# -- banks shaped by the declaration --------------------------------------------------------

# A small pool, so that references often name something that exists and sometimes not.
POOL = ["operations", "business", "general", "work", "t1", "t2", "i1", "i2", "a", "b", "full"]
ODD_SCALARS = st.sampled_from(
    ["yes", "no", "all", "", " ", "\t", "a\n", "x" * 70, "1.0", "1e400", "-0", "~", "NaN"]
)
odd_values = st.none() | st.booleans() | st.integers(-12, 12) | st.floats() | ODD_SCALARS


def from_spec(field: spec.Field) -> st.SearchStrategy:
    """Values shaped like ``field``, mostly right, now and then of another shape."""
    return st.one_of(_shaped(field), odd_values) if _odd_allowed(field) else _shaped(field)


def _odd_allowed(field: spec.Field) -> bool:
    return not isinstance(field, (spec.Mapping, spec.Kinds))


def _shaped(field: spec.Field) -> st.SearchStrategy:
    if isinstance(field, spec.Word):
        return st.sampled_from(POOL) | st.from_regex(r"[a-z0-9][a-z0-9_.-]{0,6}", fullmatch=True)
    if isinstance(field, spec.Text):
        return st.text(min_size=1, max_size=20)
    if isinstance(field, spec.Integer):
        return st.integers(-3, 12)
    if isinstance(field, spec.Number):
        return st.floats(-1, 120) | st.integers(0, 20)
    if isinstance(field, spec.Boolean):
        return st.booleans()
    if isinstance(field, spec.Enum):
        return st.sampled_from(field.values)
    if isinstance(field, spec.Ids):
        ids = st.lists(st.sampled_from(POOL), min_size=1, max_size=3)
        return st.just("all") | ids if field.or_all else ids
    if isinstance(field, spec.ListOf):
        high = (field.max_items or 4) + 1
        return st.lists(st.deferred(lambda: from_spec(field.entry)), max_size=min(high, 5))
    if isinstance(field, spec.Kinds):
        return st.one_of([_shaped(m) for m in field.kinds.values()])
    if isinstance(field, spec.NamedMapping):
        return st.dictionaries(st.sampled_from(["full", "short", "Bad"]), from_spec(field.value))
    assert isinstance(field, spec.Mapping)
    required = {k.name: from_spec(k.field) for k in field.keys if k.required}
    optional = {k.name: from_spec(k.field) for k in field.keys if not k.required}
    return st.fixed_dictionaries(required, optional=optional)


def assert_bank_or_located_problems(text: str):
    try:
        return parse_bank(text, "fuzz.yaml")
    except BankError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.line >= 1 and problem.column >= 1 and problem.message
            assert "\n" not in str(problem)
        return None


SCHEMA = jsonschema.Draft202012Validator(bank_schema())


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(from_spec(spec.BANK), st.data())
def test_banks_shaped_by_the_declaration_load_or_fail_cleanly(data, more):
    if more.draw(st.booleans()):  # and now and then a key the declaration does not know
        data[more.draw(st.sampled_from(["taks", "Title", "kind", "extra"]))] = 1
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    bank = assert_bank_or_located_problems(text)
    if bank is not None:
        # What the loader accepts, the editors' schema never underlines.
        root, _ = parse_tree(text)
        assert list(SCHEMA.iter_errors(plain_data(root))) == []


SHIPPED = resources.files("rolefit.questions").joinpath("management.yaml").read_text("utf-8")
SHIPPED_LINES = SHIPPED.splitlines(keepends=True)


@st.composite
def mutated_shipped_bank(draw):
    lines = list(SHIPPED_LINES)
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "swap", "indent", "value", "chars"]))
        line = lines[at]
        if action == "delete":
            del lines[at]
        elif action == "duplicate":
            lines.insert(at, line)
        elif action == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[at], lines[other] = lines[other], line
        elif action == "indent":
            lines[at] = draw(st.sampled_from(["", " ", "  ", "\t"])) + line.lstrip(" ")
        elif action == "value" and ":" in line:
            key = line.split(":", 1)[0]
            lines[at] = f"{key}: {draw(ODD_SCALARS | st.sampled_from(POOL)).strip()}\n"
        else:
            spot = draw(st.integers(0, len(line)))
            noise = draw(st.text(alphabet=" -:[]{}&*!#'\"ab1.\t\n", max_size=4))
            lines[at] = line[:spot] + noise + line[spot:]
    return "".join(lines)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_shipped_bank())
def test_the_shipped_bank_mutated_loads_or_fails_cleanly(text):
    assert_bank_or_located_problems(text)
