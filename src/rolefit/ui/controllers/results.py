"""The result flow: show a result, print it, save it, go back or start again."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QObject, Signal

from rolefit.bank import Bank
from rolefit.i18n import _
from rolefit.scoring import Answers, Result
from rolefit.ui.controllers.files import reason, save_answers_file, suggested_name
from rolefit.ui.dialogs import Dialogs, pdf_kinds
from rolefit.ui.pages import Pages
from rolefit.wording import result_words

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrintPreviewDialog
    from PySide6.QtWidgets import QWidget

    from rolefit.report import SummaryContent


class Shown(NamedTuple):
    """A result on screen: its bank, the answers it came from and who took it."""

    bank: Bank
    answers: Answers
    result: Result
    name: str
    from_quiz: bool = True  # False for a result opened from an answers file


class ResultsController(QObject):
    restart_requested = Signal()
    back_requested = Signal()  # back to the review of the questionnaire it came from

    def __init__(self, pages: Pages, dialogs: Dialogs) -> None:
        super().__init__()
        self._pages = pages
        self._dialogs = dialogs
        self.shown: Shown | None = None

    @property
    def active(self) -> bool:
        return self.shown is not None and self._pages.current() is self._pages.results

    def _wire(self) -> None:
        """Connect the results page, built when the first result is shown."""
        page = self._pages.results
        page.print_requested.connect(self.print_summary)
        page.save_pdf_requested.connect(self.save_pdf)
        page.save_answers_requested.connect(self.save_answers)
        page.restart_requested.connect(self.restart)
        page.back_requested.connect(self.back_requested)

    def show(self, shown: Shown) -> None:
        if self.shown is None:
            self._wire()
        self.shown = shown
        page = self._pages.results
        words = result_words(shown.bank, shown.result)
        page.show_result(shown.bank, shown.result, words, can_go_back=shown.from_quiz)
        self._pages.show(page, _("Your result"))

    def restart(self) -> None:
        """Leave the result for the welcome page, once the person says so."""
        if self.shown is None:
            return
        text = (
            _(
                "Your answers and this result stay stored on this computer, but the window "
                "will not show this result again: save or print it first if you want a copy."
            )
            if self.shown.from_quiz
            else _(
                "The answers file is not changed: File > Open answers\u2026 shows this result "
                "again."
            )
        )
        choice = self._dialogs.ask(
            _("Leave this result and start again?"),
            text,
            [_("Stay here"), _("Start again")],
            default=0,
        )
        if choice == 1:
            self.restart_requested.emit()

    # -- print and save -----------------------------------------------------------------------

    def summary_content(self) -> SummaryContent:
        from rolefit.report import SummaryContent

        assert self.shown is not None
        return SummaryContent(self.shown.bank, self.shown.result, self.shown.name, date.today())

    def print_summary(self) -> None:
        if self.shown is not None:
            self._dialogs.run(self.print_preview())

    def print_preview(self) -> QPrintPreviewDialog:
        """The print preview of the summary; page size and printer come from the system."""
        return summary_preview(self._pages.results, self.summary_content())

    def save_pdf(self) -> None:
        if self.shown is None:
            return
        path = self._dialogs.save_path(
            _("Save the summary as PDF"), suggested_name(self.shown.name, ".pdf"), pdf_kinds()
        )
        if path is None:
            return
        from rolefit.report import write_pdf

        try:
            write_pdf(path, self.summary_content())
        except OSError as error:
            self._dialogs.warn(
                _("Could not save the PDF"),
                _("{path}: {reason}. Nothing was written; choose another place.").format(
                    path=path, reason=reason(error)
                ),
            )
            return
        self._dialogs.status(_("Saved {path}").format(path=path))

    def save_answers(self) -> None:
        if self.shown is not None:
            save_answers_file(self._dialogs, self.shown.bank, self.shown.answers, self.shown.name)


def summary_preview(parent: QWidget, content: SummaryContent) -> QPrintPreviewDialog:
    """The print preview of ``content``; page size and printer come from the system."""
    from PySide6.QtGui import QPainter
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    from rolefit.report import render_summary

    # Without a printer argument the dialog owns its own, so it lives as long as it does.
    preview = QPrintPreviewDialog(parent)
    preview.printer().setDocName(_("RoleFit summary"))
    preview.setWindowTitle(_("Print the RoleFit summary"))

    def paint(device: QPrinter) -> None:
        painter = QPainter(device)
        render_summary(painter, device, content)
        painter.end()

    preview.paintRequested.connect(paint)
    # Large enough to read the page (Qt opens it at a size where it is a thumbnail),
    # and closed with a button as well as with Escape.
    from PySide6.QtWidgets import QToolBar

    area = preview.screen().availableGeometry()
    preview.resize(min(area.width() * 4 // 5, 1000), area.height() * 9 // 10)
    toolbar = preview.findChild(QToolBar)
    if toolbar is not None:
        toolbar.addSeparator()
        close = toolbar.addAction(_("Close"))
        close.setToolTip(_("Close the preview without printing (Esc)"))
        close.triggered.connect(preview.reject)
    return preview
