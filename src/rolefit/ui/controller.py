"""The quiz controller: wires the pages to the bank, the store, scoring and the report.

Views only lay out widgets and emit signals; every decision about what happens next is
taken here. The controller never computes a score itself: it asks ``score_answers``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from rolefit.bank import ValidBank
from rolefit.bank.outline import estimated_minutes
from rolefit.store import Store, local_time
from rolefit.ui.main_window import MainWindow

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    from rolefit.bank import Bank, Item
    from rolefit.report import SummaryContent
    from rolefit.scoring import Answers, AnswerValue, Result

# Scoring, the report and print support are imported where they are first used: the
# welcome page needs none of them, and start-up is measured against a bare window. So is
# the bank itself: the welcome page is built from its outline (rolefit.bank.outline).

# Nobody reads and answers a question in fewer seconds, however fast they click.
MIN_SECONDS_PER_ITEM = 4


def time_left_text(seconds: float) -> str:
    if seconds < 45:
        return "Less than a minute left"
    minutes = max(1, round(seconds / 60))
    return f"About {minutes} minute{'s' if minutes != 1 else ''} left"


def answer_in_words(bank: Bank, item: Item, value: AnswerValue) -> str:
    if item.kind == "choice":
        option = item.option(str(value))
        return option.text if option else str(value)
    return f"{value} \u2013 {bank.scale.label(int(value))}"


class QuizController(QObject):
    def __init__(
        self,
        window: MainWindow,
        bank: ValidBank,
        store: Store,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(window)
        self.window = window
        self._valid_bank = bank
        self.store = store
        self._clock = clock
        self.session_id: int | None = None
        self.form = "full"
        self.name = ""
        self.answers: dict[str, AnswerValue] = {}
        self.position = 0
        self.result: Result | None = None
        self._answer_times: list[float] = []

        welcome = window.welcome
        welcome.start_requested.connect(self.start)
        welcome.resume_requested.connect(self.resume)
        welcome.discard_requested.connect(self.discard)
        window.page_created.connect(self._wire)

    def _wire(self, page: QWidget) -> None:
        """Connect a page the window has just built (pages are built on first use)."""
        from rolefit.ui.views.question import QuestionPage
        from rolefit.ui.views.review import ReviewPage

        if isinstance(page, QuestionPage):
            page.answered.connect(self.answer)
            page.back_requested.connect(self.back)
            page.skip_requested.connect(self.skip)
            page.next_requested.connect(self.next)
            page.review_requested.connect(self.show_review)
        elif isinstance(page, ReviewPage):
            page.jump_requested.connect(self.jump)
            page.back_requested.connect(lambda: self.jump(min(self.position, len(self.items) - 1)))
            page.submit_requested.connect(self.submit)
        else:  # the results page
            page.print_requested.connect(self.print_summary)
            page.save_pdf_requested.connect(self.save_pdf)
            page.save_answers_requested.connect(self.save_answers)
            page.restart_requested.connect(self.show_welcome)

    # -- welcome --------------------------------------------------------------------------

    @property
    def bank(self) -> Bank:
        """The bank, loaded when a questionnaire first needs it."""
        return self._valid_bank.bank

    @property
    def items(self) -> tuple[Item, ...]:
        return self.bank.form_items(self.form)

    def show_welcome(self) -> None:
        unfinished = self.store.unfinished()
        outline = self._valid_bank.outline
        if unfinished is not None and unfinished.bank_id == outline.id:
            form = outline.forms.get(unfinished.form)
            total = form.items if form is not None else 0
            started = local_time(unfinished.started)  # stored in UTC
            self.window.welcome.show_resume(
                f"You have an unfinished {unfinished.form} questionnaire from {started}"
                f"{' for ' + unfinished.name if unfinished.name else ''}: "
                f"{len(unfinished.answers)} of {total} questions answered."
            )
        else:
            self.window.welcome.show_resume(None)
        self.window.show_page(self.window.welcome)
        self.window.welcome.full_button.setFocus()

    def start(self, form: str, name: str) -> None:
        session_id = self.store.start_session(form, self.bank, name)
        self._begin(session_id, form, name, {}, 0)

    def _begin(
        self, session_id: int, form: str, name: str, answers: dict[str, AnswerValue], position: int
    ) -> None:
        """Take the quiz up at ``position`` of a new or resumed session."""
        self.session_id = session_id
        self.form, self.name = form, name
        self.answers = answers
        self.position = min(position, len(self.items) - 1)
        self.result = None
        self._answer_times = [self._clock()]  # the pace is measured from here
        self.show_question()

    def resume(self) -> None:
        record = self.store.unfinished()
        if record is None:
            self.show_welcome()
            return
        if record.form not in self.bank.forms:
            self.window.warn(
                "Cannot resume",
                f"That questionnaire used the form {record.form!r}, which this "
                "question bank does not have. It has been kept.",
            )
            return
        from rolefit.scoring import AnswersError, make_answers

        try:
            answers = make_answers(self.bank, record.answers, record.form)
        except AnswersError as error:
            # Keep the stored session untouched; say what does not fit the bank any more.
            self.window.warn(
                "Cannot resume",
                "Some saved answers do not fit this question bank, so the "
                "questionnaire was kept as it is:\n" + "\n".join(error.problems),
            )
            return
        self._begin(record.id, record.form, record.name, dict(answers.values), record.position)

    def discard(self) -> None:
        record = self.store.unfinished()
        if record is None:
            return
        if not self.window.confirm(
            "Discard the unfinished questionnaire?",
            f"Its {len(record.answers)} answers will be deleted. This cannot be undone.",
        ):
            return
        self.store.discard(record.id)
        self.show_welcome()

    # -- questions --------------------------------------------------------------------------

    def show_question(self) -> None:
        item = self.items[self.position]
        self.window.question.show_item(
            item,
            self.position + 1,
            len(self.items),
            self.answers.get(item.id),
            can_go_back=self.position > 0,
        )
        self.window.question.set_time_left(time_left_text(self.seconds_left()))
        self.window.show_page(self.window.question)

    def seconds_left(self) -> float:
        remaining = [i for i in self.items[self.position :] if i.id not in self.answers]
        default = estimated_minutes(remaining) * 60 if remaining else 0
        given = len(self._answer_times) - 1
        if given < 3:
            return default
        pace = max(MIN_SECONDS_PER_ITEM, (self._answer_times[-1] - self._answer_times[0]) / given)
        return pace * len(remaining)

    def answer(self, value: AnswerValue) -> None:
        item = self.items[self.position]
        self.answers[item.id] = value
        assert self.session_id is not None
        self.store.save_answer(self.session_id, item.id, value)  # saved before anything else
        self._answer_times.append(self._clock())
        self._advance()

    def skip(self) -> None:
        self._advance()

    def next(self) -> None:
        self._advance()

    def back(self) -> None:
        if self.position > 0:
            self._move(self.position - 1)

    def jump(self, position: int) -> None:
        self._move(position)

    def _advance(self) -> None:
        if self.position + 1 >= len(self.items):
            self._save_position()
            self.show_review()
        else:
            self._move(self.position + 1)

    def _move(self, position: int) -> None:
        self.position = max(0, min(position, len(self.items) - 1))
        self._save_position()
        self.show_question()

    def _save_position(self) -> None:
        if self.session_id is not None:
            self.store.save_position(self.session_id, self.position)

    # -- review and result -------------------------------------------------------------------

    def show_review(self) -> None:
        rows = [
            (
                i.text,
                answer_in_words(self.bank, i, self.answers[i.id]) if i.id in self.answers else None,
            )
            for i in self.items
        ]
        from rolefit.scoring.validity import answers_needed

        needed = answers_needed(self.bank, self.form)
        answered = sum(1 for i in self.items if i.id in self.answers)
        warning = None
        if answered < needed:
            warning = (
                f"You have answered {answered} of {len(self.items)} questions. With fewer "
                f"than {needed} answers your result will be marked incomplete: fine for a "
                "first look, but answer the highlighted questions for a result you can "
                "rely on."
            )
        self.window.review.show_answers(rows, warning)
        self.window.show_page(self.window.review)

    def current_answers(self) -> Answers:
        from rolefit.scoring import make_answers

        return make_answers(self.bank, self.answers, self.form)

    def submit(self) -> None:
        from rolefit.scoring import ScoringError, score_answers

        try:
            result = score_answers(self.bank, self.current_answers())
        except ScoringError:
            self.window.warn("No answers yet", "Answer at least one question to see a result.")
            return
        self.result = result
        if self.session_id is not None:
            self.store.complete(self.session_id, result.to_record())
        page = self.window.results
        from rolefit.wording import result_words

        page.show_result(self.bank, result, result_words(self.bank, result))
        self.window.show_page(page)

    # -- print and save ------------------------------------------------------------------------

    def summary_content(self) -> SummaryContent:
        assert self.result is not None
        from rolefit.report import SummaryContent

        return SummaryContent(self.bank, self.result, self.name, date.today())

    def print_summary(self) -> None:
        if self.result is not None:
            self.window.run_dialog(self.print_preview())

    def print_preview(self) -> QPrintPreviewDialog:
        """The print preview of the summary; page size and printer come from the system."""
        from PySide6.QtGui import QPainter
        from PySide6.QtPrintSupport import QPrintPreviewDialog

        from rolefit.report import render_summary

        # Without a printer argument the dialog owns its own, so it lives as long as the dialog.
        preview = QPrintPreviewDialog(self.window)
        preview.printer().setDocName("RoleFit summary")
        preview.setWindowTitle("Print the RoleFit summary")
        content = self.summary_content()

        def paint(device: QPrinter) -> None:
            painter = QPainter(device)
            render_summary(painter, device, content)
            painter.end()

        preview.paintRequested.connect(paint)
        return preview

    def _ask_save_path(self, title: str, suffix: str, kinds: str) -> Path | None:
        """Ask where to save, suggesting rolefit[-name]-DATE<suffix> in Documents."""
        from PySide6.QtCore import QStandardPaths
        from PySide6.QtWidgets import QFileDialog

        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        ) or str(Path.home())
        who = "-" + "-".join(self.name.lower().split()) if self.name else ""
        suggested = Path(folder) / f"rolefit{who}-{date.today().isoformat()}{suffix}"
        path, _ = QFileDialog.getSaveFileName(self.window, title, str(suggested), kinds)
        return Path(path) if path else None

    def save_pdf(self) -> None:
        if self.result is None:
            return
        path = self._ask_save_path("Save the summary as PDF", ".pdf", "PDF (*.pdf)")
        if path is None:
            return
        from rolefit.report import write_pdf

        try:
            write_pdf(path, self.summary_content())
        except OSError as error:
            self.window.warn("Could not save the PDF", str(error))
            return
        self.window.statusBar().showMessage(f"Saved {path}", 8000)

    def save_answers(self) -> None:
        path = self._ask_save_path("Save the answers", "-answers.json", "RoleFit answers (*.json)")
        if path is None:
            return
        import json

        try:
            path.write_text(
                json.dumps(self.current_answers().to_json(self.bank), indent=2, ensure_ascii=False)
                + "\n",
                encoding="utf-8",
            )
        except OSError as error:
            self.window.warn("Could not save the answers", f"{path}: {error.strerror or error}")
            return
        self.window.statusBar().showMessage(f"Saved {path}", 8000)
