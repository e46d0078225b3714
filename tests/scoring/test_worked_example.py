"""The examples in the docs are real: docs/scoring.md's worked example and docs/examples/."""

import json
import re
from pathlib import Path

from rolefit.scoring import load_answers, make_answers, score_answers
from rolefit.scoring.engine import answer_effects, compute_fits
from rolefit.scoring.verdict import judge
from rolefit.wording import result_json

DOCS = Path(__file__).resolve().parents[2] / "docs"


def json_blocks(text):
    return [json.loads(block) for block in re.findall(r"```json\n(.*?)```", text, re.S)]


def test_the_worked_example_in_docs_scoring_md_is_what_rolefit_prints(bank):
    text = (DOCS / "scoring.md").read_text(encoding="utf-8")
    example = text[text.index("## A worked example by hand") :]
    answers, expected = json_blocks(example)[:2]
    result = score_answers(bank, make_answers(bank, answers["answers"], answers["form"]))
    printed = result_json(bank, result)
    assert {key: printed[key] for key in expected} == expected
    # The effects quoted in the text.
    fits = compute_fits(bank, answers["answers"])
    effects = {
        (role, item): round(delta, 1)
        for role, found in answer_effects(bank, fits).items()
        for delta, item in found
    }
    assert effects["operations", "production-floor"] == 16.7
    assert effects["operations", "project-to-lead"] == 8.3
    assert effects["business", "project-to-lead"] == -8.3
    assert effects["general", "hiring"] == effects["general", "staff-voice"] == 12.5
    assert effects["operations", "dislike-stock-keeping"] == 0.0
    # "the answers about the two, pooled, ... lead business by 48.3 points at a separation of
    # 2.13" (with enough answers: a close call)
    verdict = judge(bank.scoring, fits.entries, fits.totals, fits.fit, False, True)
    assert verdict.confidence == "close" and verdict.margins[1] == 48.3
    assert round(verdict.separations[1], 2) == 2.13
    assert round(verdict.yardstick.spread, 3) == 0.205


def test_the_example_answers_file_is_complete_and_leans_to_operations(bank):
    path = DOCS / "examples" / "answers-operations-leaning.json"
    answers = load_answers(path, bank)
    assert (answers.bank_id, answers.bank_version) == (bank.id, bank.version)
    assert set(answers.values) == set(bank.forms[answers.form])
    result = score_answers(bank, answers)
    assert result.recommendation == "operations" and result.flags == ()
