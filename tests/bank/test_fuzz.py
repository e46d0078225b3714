"""Whatever the input, loading ends in a Bank or a BankError: never another exception."""

import contextlib
import json

from conftest import MINIMAL_BANK
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rolefit.bank import BankError, load_default_bank, parse_bank
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
