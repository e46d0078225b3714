"""The questions flow: one question at a time, the review, and submitting.

The ``Quiz`` decides what comes next; this controller only connects the question and
review pages to it and shows the step it returns.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from rolefit.i18n import _, ngettext
from rolefit.quiz.model import Quiz, Step
from rolefit.scoring import AnswerValue, ScoringError
from rolefit.ui.controllers.files import save_answers_file
from rolefit.ui.dialogs import Dialogs
from rolefit.ui.pages import Pages
from rolefit.wording import answer_label


def time_left_text(seconds: float) -> str:
    if seconds < 45:
        return _("Less than a minute left")
    minutes = max(1, round(seconds / 60))
    return ngettext("About {n} minute left", "About {n} minutes left", minutes).format(n=minutes)


class QuestionsController(QObject):
    submitted = Signal(object)  # the Quiz, its result set

    def __init__(self, pages: Pages, dialogs: Dialogs) -> None:
        super().__init__()
        self._pages = pages
        self._dialogs = dialogs
        self.quiz: Quiz | None = None
        self._told: str | None = None  # the save problem already shown to the person

    def _wire(self) -> None:
        """Connect the pages, built when the first questionnaire starts (not at start-up)."""
        question = self._pages.question
        question.answered.connect(self.answer)
        question.back_requested.connect(self.back)
        question.skip_requested.connect(self.skip)
        question.next_requested.connect(self.next)
        question.review_requested.connect(self.review)
        review = self._pages.review
        review.jump_requested.connect(self.change_from_review)
        review.back_requested.connect(self.back_from_review)
        review.submit_requested.connect(self.submit)

    @property
    def active(self) -> bool:
        """Whether a question or the review page is shown."""
        return self.quiz is not None and self._pages.current() in (
            self._pages.question,
            self._pages.review,
        )

    def begin(self, quiz: Quiz) -> None:
        if self.quiz is None:
            self._wire()
        self._pages.question.use_scale(quiz.bank.scale)
        self.quiz = quiz
        self._told = None
        self._show("question")

    def show_review(self) -> None:
        self._show("review")

    # -- what the person does -----------------------------------------------------------------

    def answer(self, value: AnswerValue) -> None:
        self._show(self._quiz.answer(value))

    def skip(self) -> None:
        self._show(self._quiz.skip())

    def next(self) -> None:
        self._show(self._quiz.next())

    def back(self) -> None:
        self._show(self._quiz.back())

    def jump(self, position: int) -> None:
        self._show(self._quiz.jump(position))

    def change_from_review(self, position: int) -> None:
        self._show(self._quiz.jump(position, from_review=True))

    def review(self) -> None:
        self._show(self._quiz.review())

    def back_from_review(self) -> None:
        self._show(self._quiz.back_from_review())

    def submit(self) -> None:
        quiz = self._quiz
        try:
            quiz.submit()
        except ScoringError:
            self._dialogs.warn(
                _("No answers yet"), _("Answer at least one question to see a result.")
            )
            return
        self._tell_save_problem()
        self.submitted.emit(quiz)

    def leave(self) -> bool:
        """Whether to leave the questionnaire for the welcome page (File > Start again).

        Its answers are saved as given, so leaving loses nothing: it is listed on the
        welcome page to resume. Asked all the same, Stay being the safe default, unless
        nothing has been answered yet.
        """
        quiz = self._quiz
        if not quiz.answered_count:
            return True
        text = ngettext(
            "Your answer so far is kept: resume this questionnaire from the start page "
            "whenever you like.",
            "Your {answered} answers so far are kept: resume this questionnaire from the "
            "start page whenever you like.",
            quiz.answered_count,
        ).format(answered=quiz.answered_count)
        if quiz.save_problem is not None:
            text = _(
                "Your answers could not be saved ({problem}), so leaving loses them: save "
                "them first with File > Save answers\u2026"
            ).format(problem=quiz.save_problem)
        choice = self._dialogs.ask(
            _("Leave this questionnaire?"), text, [_("Stay here"), _("Leave it")], default=0
        )
        return choice == 1

    def save_answers(self) -> None:
        if self.quiz is not None:
            quiz = self.quiz
            save_answers_file(self._dialogs, quiz.bank, quiz.current_answers(), quiz.name)

    # -- showing ----------------------------------------------------------------------------------

    @property
    def _quiz(self) -> Quiz:
        assert self.quiz is not None, "no questionnaire has been started"
        return self.quiz

    def _show(self, step: Step) -> None:
        if step == "review":
            self._show_review()
        else:
            self._show_question()
        self._tell_save_problem()

    def _show_question(self) -> None:
        quiz = self._quiz
        page = self._pages.question
        page.show_item(
            quiz.current,
            quiz.number,
            quiz.total,
            quiz.answer_of(quiz.current.id),
            can_go_back=quiz.can_go_back,
        )
        page.set_time_left(time_left_text(quiz.seconds_left()))
        self._pages.show(page, _("Questions"))

    def _show_review(self) -> None:
        quiz = self._quiz
        bank = quiz.bank
        rows = [
            (
                row.item.text,
                None if row.answer is None else answer_label(bank, row.item, row.answer),
            )
            for row in quiz.review_rows()
        ]
        warning = None
        if quiz.answered_count < quiz.needed:
            warning = _(
                "You have answered {answered} of {total} questions. With fewer than {needed} "
                "answers there is no verdict yet: the result shows your fits, but recommends "
                "no role. Answer the highlighted questions for a result you can rely on."
            ).format(answered=quiz.answered_count, total=quiz.total, needed=quiz.needed)
        page = self._pages.review
        page.show_answers(rows, warning)
        self._pages.show(page, _("Review"))

    def _tell_save_problem(self) -> None:
        """Say once, in plain words, that saving failed; say again only if it changes."""
        problem = self._quiz.save_problem
        if problem is not None and problem != self._told:
            self._told = problem
            self._dialogs.warn(_("Your answers are not being saved"), problem)
        elif problem is None and self._told is not None:
            self._told = None
            self._dialogs.status(_("Your answers are being saved again."))
