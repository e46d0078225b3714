"""Answers files: every problem reported with file, item id and what was expected."""

import json

import pytest

from rolefit.scoring import AnswersError, load_answers, loads_answers, make_answers


def errors(write, bank, content) -> list[str]:
    text = content if isinstance(content, (str, bytes)) else json.dumps(content)
    with pytest.raises(AnswersError) as caught:
        load_answers(write(text, "answers.json"), bank)
    return caught.value.problems


def test_a_valid_file_round_trips(write, bank):
    path = write(
        json.dumps(
            {
                "bank": {"id": "management", "version": "2.0"},
                "form": "short",
                "answers": {"hiring": 4, "afternoon": "review", "staff-voice": None},
            }
        ),
        "answers.json",
    )
    answers = load_answers(path, bank)
    assert answers.form == "short"
    assert dict(answers.values) == {"hiring": 4, "afternoon": "review"}
    # Written back in the form's order, so the file reads like the questionnaire.
    assert list(answers.to_json(bank)["answers"].items()) == [
        ("hiring", 4),
        ("afternoon", "review"),
    ]


def test_a_name_is_optional_kept_on_one_line_and_written_back(write, bank):
    answers = load_answers(write('{"name": " Ada\\n Lovelace ", "answers": {}}', "a.json"), bank)
    assert answers.name == "Ada Lovelace"
    assert answers.to_json(bank)["name"] == "Ada Lovelace"
    unnamed = load_answers(write('{"answers": {}}', "b.json"), bank)
    assert unnamed.name == "" and "name" not in unnamed.to_json(bank)
    (not_text,) = errors(write, bank, {"name": ["Ada"], "answers": {}})
    assert not_text.endswith("answers.json: name: expected the person's name as text, got a list")
    (too_long,) = errors(write, bank, {"name": "x" * 201, "answers": {}})
    assert "at most 200 characters" in too_long


def test_form_defaults_to_full_and_bank_is_optional(write, bank):
    answers = load_answers(write('{"answers": {"purchasing": 2}}', "a.json"), bank)
    assert answers.form == "full" and answers.bank_id is None


def test_every_problem_is_reported(write, bank):
    problems = errors(
        write,
        bank,
        {
            "form": "short",
            "answers": {
                "no-such-item": 3,
                "hiring": 6,
                "staff-voice": 2.5,
                "write-policies": "4",
                "afternoon": "stock",
                "known-for": 1,
                "forecasting": 3,
            },
            "extra": True,
        },
    )
    text = "\n".join(problems)
    assert "answers.json: item 'no-such-item': no such item in bank 'management'" in text
    assert "item 'hiring': expected a whole number from 1 to 5, got 6" in text
    assert "item 'staff-voice': expected a whole number from 1 to 5, got 2.5" in text
    assert "item 'write-policies': expected a whole number from 1 to 5, got '4'" in text
    assert (
        "item 'afternoon': expected one of the option ids 'review', 'agree-plan', "
        "'spending-check'" in text
    )
    assert "item 'known-for': expected one of the option ids" in text
    assert "item 'forecasting': not part of the 'short' form" in text
    assert "'extra': unknown key" in text
    assert len(problems) == 8


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("{not json", "answers.json:1:2: not valid JSON"),
        ("[1, 2]", "expected a JSON object"),
        ('{"form": "long", "answers": {}}', "form: expected one of 'full', 'short', got 'long'"),
        ('{"answers": [3, 4]}', "answers: expected an object mapping item ids to answers"),
        ('{"form": "full"}', "answers: missing"),
        ('{"bank": {"id": "other"}, "answers": {}}', "these answers are for bank 'other'"),
        ('{"answers": {"hiring": true}}', "got true"),
        ('{"answers": {"hiring": NaN}}', "got nan"),
        (b"\xff\xfe{}", "not UTF-8"),
        ("[" * 100_000, "not valid JSON"),
    ],
)
def test_broken_files(write, bank, content, expected):
    assert any(expected in p for p in errors(write, bank, content))


def test_missing_file_and_directory(tmp_path, bank):
    with pytest.raises(AnswersError, match="file not found"):
        load_answers(tmp_path / "missing.json", bank)
    with pytest.raises(AnswersError, match="is a directory"):
        load_answers(tmp_path, bank)


def test_make_answers_checks_like_a_file(bank):
    with pytest.raises(AnswersError, match="expected a whole number from 1 to 5, got 0"):
        make_answers(bank, {"hiring": 0})


def test_a_key_given_twice_is_refused_wherever_it_is(write, bank):
    problems = errors(
        write,
        bank,
        '{"form": "full", "form": "short", "bank": {"id": "management", "id": "management"},'
        ' "answers": {"hiring": 4, "staff-voice": 2, "hiring": 5}}',
    )
    text = "\n".join(problems)
    assert "answers.json: the answers file: 'form' is given more than once" in text
    assert "answers.json: bank: 'id' is given more than once" in text
    assert "answers.json: answers: 'hiring' is given more than once" in text
    assert len(problems) == 3


@pytest.mark.parametrize("digits", [41, 4301, 100_000])
def test_a_number_of_thousands_of_digits_is_named_not_converted(write, bank, digits):
    huge = "7" * digits
    problems = errors(
        write, bank, f'{{"answers": {{"hiring": {huge}, "afternoon": -{huge}, "staff-voice": 3}}}}'
    )
    assert [p.split("/")[-1] for p in problems] == [
        f"answers.json: item 'hiring': expected a whole number from 1 to 5, got a number "
        f"{digits:,} digits long",
        f"answers.json: item 'afternoon': expected one of the option ids 'review', 'agree-plan', "
        f"'spending-check', got a number {digits:,} digits long",
    ]


def test_huge_numbers_elsewhere_are_named_too(write, bank):
    (problem,) = errors(write, bank, "9" * 5000)
    assert problem.endswith(
        'answers.json: expected a JSON object with an "answers" key, got a number 5,000 digits long'
    )
    (problem,) = errors(write, bank, '{"answers": {"hiring": 1e999999}}')
    assert problem.endswith("item 'hiring': expected a whole number from 1 to 5, got inf")
    with pytest.raises(AnswersError, match="got a number about 6,001 digits long"):
        make_answers(bank, {"hiring": 10**6000})


def test_a_line_of_json_lines_is_named_by_its_number(bank):
    with pytest.raises(AnswersError) as caught:
        loads_answers('{"answers": {"hiring": 9}}', bank, "<stdin>", 3)
    assert caught.value.problems == [
        "<stdin>:3: item 'hiring': expected a whole number from 1 to 5, got 9"
    ]
    with pytest.raises(AnswersError, match=r"^<stdin>:4:14: not valid JSON"):
        loads_answers('{"answers": {', bank, "<stdin>", 4)


def test_a_file_of_junk_reports_a_bounded_list_of_problems(bank):
    from rolefit.bank.files import MAX_REPORTED
    from rolefit.scoring import AnswersError, parse_answers

    data = {"answers": {f"no-such-item-{n}": 3 for n in range(5000)}}
    with pytest.raises(AnswersError) as refused:
        parse_answers(data, bank, "junk.json")
    problems = refused.value.problems
    assert len(problems) == MAX_REPORTED + 1
    assert problems[-1] == f"... and {5000 - MAX_REPORTED} more problems"
