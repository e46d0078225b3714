"""Scoring: answers -> task scores -> role fits -> recommendation, reasons, flags (no Qt)."""

from rolefit.scoring.answers import (
    Answers,
    AnswersError,
    AnswerValue,
    load_answers,
    loads_answers,
    make_answers,
    parse_answers,
)
from rolefit.scoring.engine import ScoringError, keyed, score_answers
from rolefit.scoring.result import Confidence, Flag, Reason, Result

__all__ = [
    "AnswerValue",
    "Answers",
    "AnswersError",
    "Confidence",
    "Flag",
    "Reason",
    "Result",
    "ScoringError",
    "keyed",
    "load_answers",
    "loads_answers",
    "make_answers",
    "parse_answers",
    "score_answers",
]
