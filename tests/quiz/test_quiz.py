"""The questionnaire as a model, without any window (as MNELAB tests its model)."""

import pytest

from rolefit.bank import ChoiceItem
from rolefit.quiz.model import Quiz, ResumeError
from rolefit.quiz.pace import estimated_minutes
from rolefit.quiz.recorder import Recorder
from rolefit.scoring import ScoringError
from rolefit.store import StoreError, open_store


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


@pytest.fixture
def store(tmp_path):
    opened = open_store(tmp_path)
    yield opened.store
    opened.store.close()


def value_for(item, n=0):
    return item.options[n % len(item.options)].id if isinstance(item, ChoiceItem) else 4


def test_answering_moves_on_and_the_last_answer_opens_the_review(bank, store):
    quiz = Quiz.start(bank, "short", store, name="Ada")
    size = len(bank.forms["short"])
    assert (quiz.number, quiz.total, quiz.can_go_back) == (1, size, False)
    steps = [quiz.answer(value_for(quiz.current, n)) for n in range(quiz.total)]
    assert steps == ["question"] * (size - 1) + ["review"]
    assert quiz.answered_count == size and quiz.position == size - 1
    stored = store.unfinished()
    assert stored.name == "Ada" and dict(stored.answers) == dict(quiz.answers)


def test_back_skip_next_and_jump(bank, store):
    quiz = Quiz.start(bank, "full", store)
    assert quiz.back() == "question" and quiz.position == 0  # nothing before the first
    quiz.skip()
    quiz.next()
    assert quiz.position == 2 and quiz.answered_count == 0
    quiz.answer(5)
    assert quiz.back() == "question" and quiz.position == 2
    assert quiz.answer_of(quiz.items[2].id) == 5
    assert quiz.jump(999) == "question" and quiz.is_last
    assert quiz.jump(-3) == "question" and quiz.position == 0
    assert quiz.review() == "review"
    assert quiz.back_from_review() == "question" and quiz.position == 0


def test_the_position_is_kept_for_resuming(bank, store):
    quiz = Quiz.start(bank, "full", store)
    quiz.answer(3)
    quiz.jump(7)
    resumed = Quiz.resume(bank, store.unfinished(), store)
    assert resumed.position == 7 and resumed.answers == quiz.answers


def test_clearing_an_answer_takes_it_back(bank, store):
    quiz = Quiz.start(bank, "full", store)
    quiz.answer(2)
    quiz.back()
    assert quiz.clear() == "question" and quiz.answers == {}
    assert dict(store.unfinished().answers) == {}


def test_an_answer_the_item_cannot_take_is_refused_and_nothing_moves(bank, store):
    from rolefit.scoring import AnswersError

    quiz = Quiz.start(bank, "full", store)
    with pytest.raises(AnswersError):
        quiz.answer(9)
    assert quiz.position == 0 and quiz.answers == {}


def test_review_rows_list_every_item_in_order_with_its_answer(bank, store):
    quiz = Quiz.start(bank, "short", store)
    quiz.answer(5)
    quiz.skip()
    rows = quiz.review_rows()
    assert [r.number for r in rows] == list(range(1, len(bank.forms["short"]) + 1))
    assert rows[0].answer == 5 and rows[1].answer is None


def test_submit_scores_and_completes_the_session(bank, store):
    quiz = Quiz.start(bank, "short", store)
    with pytest.raises(ScoringError):
        quiz.submit()
    for n in range(quiz.total):
        quiz.answer(value_for(quiz.current, n))
    result = quiz.submit()
    assert quiz.result == result and result.answered == len(bank.forms["short"])
    assert store.unfinished() is None
    (done,) = store.sessions()
    assert done.status == "completed" and done.result["recommendation"] == result.recommendation


def test_the_pace_starts_typical_and_becomes_the_persons_own(bank, store):
    clock = Clock()
    quiz = Quiz.start(bank, "full", store, clock=clock)
    typical = estimated_minutes(quiz.items) * 60
    assert quiz.seconds_left() == typical
    for _ in range(4):
        clock.now += 20  # a slow, careful reader
        quiz.answer(3)
    assert quiz.seconds_left() == 20 * (quiz.total - 4)
    for _ in range(10):
        clock.now += 0.5  # clicking faster than anyone reads
        quiz.answer(3)
    assert quiz.seconds_left() >= 4 * (quiz.total - 14)


def test_resume_refuses_what_does_not_fit_the_bank(bank, store):
    sid = store.start_session("full", bank)
    store.save_answer(sid, "no-such-item", 3)
    with pytest.raises(ResumeError) as refused:
        Quiz.resume(bank, store.session(sid), store)
    assert refused.value.reason == "answers" and "no-such-item" in refused.value.problems[0]
    from dataclasses import replace

    earlier = replace(bank, forms={**bank.forms, "gone": bank.forms["short"]})
    other = store.start_session("gone", earlier)
    with pytest.raises(ResumeError) as refused:
        Quiz.resume(bank, store.session(other), store)
    assert refused.value.reason == "form"


class FailingStore:
    """A store whose writes fail while ``broken`` is set, as on a full disk."""

    def __init__(self, real):
        self.real = real
        self.broken = False

    def _check(self):
        if self.broken:
            raise StoreError("database or disk is full")

    def start_session(self, *args, **kwargs):
        self._check()
        return self.real.start_session(*args, **kwargs)

    def save_answer(self, *args):
        self._check()
        self.real.save_answer(*args)

    def save_position(self, *args):
        self._check()
        self.real.save_position(*args)

    def complete(self, *args):
        self._check()
        self.real.complete(*args)

    def stored_answers(self, session_id):
        self._check()
        return self.real.stored_answers(session_id)


def test_a_failing_disk_loses_nothing_and_the_store_catches_up(bank, store):
    failing = FailingStore(store)
    quiz = Quiz.start(bank, "full", failing)
    quiz.answer(5)
    failing.broken = True
    quiz.answer(1)
    quiz.answer(2)
    assert "could not be saved" in quiz.save_problem and "disk is full" in quiz.save_problem
    assert quiz.answered_count == 3  # kept in memory
    failing.broken = False
    quiz.skip()  # the next write brings the stored session back in line
    assert quiz.save_problem is None
    assert dict(store.unfinished().answers) == dict(quiz.answers)
    assert store.unfinished().position == quiz.position


def test_a_session_that_could_not_even_start_is_saved_once_the_disk_is_back(bank, store):
    failing = FailingStore(store)
    failing.broken = True
    quiz = Quiz.start(bank, "full", failing, name="Grace")
    quiz.answer(4)
    assert quiz.session_id is None and quiz.save_problem is not None
    failing.broken = False
    quiz.answer(3)
    assert quiz.session_id is not None and quiz.save_problem is None
    assert dict(store.unfinished().answers) == dict(quiz.answers)


def test_without_a_store_the_quiz_still_runs(bank):
    quiz = Quiz(bank, "short", Recorder.in_memory())
    quiz.answer(3)
    assert quiz.save_problem is None and quiz.answers


def test_an_answer_changed_from_the_review_returns_to_the_review(bank, store):
    quiz = Quiz.start(bank, "short", store)
    for n in range(quiz.total):
        quiz.answer(value_for(quiz.current, n))
    assert quiz.step == "review"
    assert quiz.jump(3, from_review=True) == "question"
    assert quiz.answer(value_for(quiz.current, 1)) == "review"  # not on to question 5
    assert quiz.jump(3, from_review=True) == "question"
    assert quiz.skip() == "review"  # skipping it returns too
    quiz.jump(3, from_review=True)
    quiz.back()  # going on through the questions by hand: the usual order again
    assert quiz.answer(value_for(quiz.current)) == "question" and quiz.position == 3


def test_a_questionnaire_is_stored_from_its_first_answer_and_never_empty(bank, store):
    quiz = Quiz.start(bank, "full", store, name="Lin")
    quiz.skip()
    quiz.next()
    quiz.back()
    assert quiz.session_id is None and store.sessions() == []  # left unanswered: nothing
    quiz.answer(4)
    (stored,) = store.sessions()
    assert stored.name == "Lin" and dict(stored.answers) == dict(quiz.answers)
    assert stored.position == quiz.position


class HalfFailingStore(FailingStore):
    """Starting a session works; the answer after it fails (the disk filled in between)."""

    def unit_of_work(self):
        return self.real.unit_of_work()

    def start_session(self, *args, **kwargs):
        session = self.real.start_session(*args, **kwargs)
        self.broken = True
        return session


def test_a_first_answer_that_fails_half_way_leaves_no_empty_questionnaire(bank, store):
    failing = HalfFailingStore(store)
    quiz = Quiz.start(bank, "full", failing)
    quiz.answer(2)
    assert quiz.save_problem is not None and quiz.session_id is None
    assert store.sessions() == []  # the started session went back with the failed answer
    failing.broken = False
    failing.start_session = store.start_session  # the disk is back
    quiz.answer(5)
    (stored,) = store.sessions()
    assert dict(stored.answers) == dict(quiz.answers) and len(quiz.answers) == 2
