"""Answers files: every problem reported with file, item id and what was expected."""

import json

import pytest

from rolefit.scoring import AnswersError, load_answers, make_answers


def errors(write, bank, content) -> list[str]:
    text = content if isinstance(content, (str, bytes)) else json.dumps(content)
    with pytest.raises(AnswersError) as caught:
        load_answers(write(text, "answers.json"), bank)
    return caught.value.problems


def test_a_valid_file_round_trips(write, bank):
    path = write(
        json.dumps(
            {
                "bank": {"id": "management", "version": "1.0"},
                "form": "short",
                "answers": {"hiring": 4, "first-task": "interviews", "stock-levels": None},
            }
        ),
        "answers.json",
    )
    answers = load_answers(path, bank)
    assert answers.form == "short"
    assert dict(answers.values) == {"hiring": 4, "first-task": "interviews"}
    # Written back in the form's order, so the file reads like the questionnaire.
    assert list(answers.to_json(bank)["answers"].items()) == [
        ("hiring", 4),
        ("first-task", "interviews"),
    ]


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
                "whole-company": "4",
                "first-task": "stock",
                "known-for": 1,
                "purchasing": 3,
            },
            "extra": True,
        },
    )
    text = "\n".join(problems)
    assert "answers.json: item 'no-such-item': no such item in bank 'management'" in text
    assert "item 'hiring': expected a whole number from 1 to 5, got 6" in text
    assert "item 'staff-voice': expected a whole number from 1 to 5, got 2.5" in text
    assert "item 'whole-company': expected a whole number from 1 to 5, got '4'" in text
    assert (
        "item 'first-task': expected one of the option ids 'interviews', 'stock-shortage'" in text
    )
    assert "item 'known-for': expected one of the option ids" in text
    assert "item 'purchasing': not part of the 'short' form" in text
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
