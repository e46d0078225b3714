"""The questionnaire as a model (no Qt): navigation, answers, pace, resume, submit."""

from rolefit.quiz.model import Quiz, ResumeError, ReviewRow, SessionStore, Step, StoredSession
from rolefit.quiz.pace import Pace, estimated_minutes
from rolefit.quiz.recorder import Recorder, SessionWriter

__all__ = [
    "Pace",
    "Quiz",
    "Recorder",
    "ResumeError",
    "ReviewRow",
    "SessionStore",
    "SessionWriter",
    "Step",
    "StoredSession",
    "estimated_minutes",
]
