"""The pages after the welcome page, built when first shown, and how one is shown.

Controllers receive this, not the main window: it gives them their page and a way to
show it, and nothing else of the window.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rolefit.bank import Scale
from rolefit.ui.main_window import MainWindow

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from rolefit.ui.views.question import QuestionPage
    from rolefit.ui.views.results import ResultsPage
    from rolefit.ui.views.review import ReviewPage
    from rolefit.ui.views.welcome import WelcomePage


class Pages:
    def __init__(self, window: MainWindow, scale: Scale) -> None:
        self._window = window
        self._scale = scale
        self._question: QuestionPage | None = None
        self._review: ReviewPage | None = None
        self._results: ResultsPage | None = None

    @property
    def welcome(self) -> WelcomePage:
        return self._window.welcome

    @property
    def question(self) -> QuestionPage:
        if self._question is None:
            from rolefit.ui.views.question import QuestionPage

            self._question = QuestionPage(self._scale)
            self._window.add_page(self._question)
        return self._question

    @property
    def review(self) -> ReviewPage:
        if self._review is None:
            from rolefit.ui.views.review import ReviewPage

            self._review = ReviewPage()
            self._window.add_page(self._review)
        return self._review

    @property
    def results(self) -> ResultsPage:
        if self._results is None:
            from rolefit.ui.views.results import ResultsPage

            self._results = ResultsPage()
            self._window.add_page(self._results)
        return self._results

    def add(self, page: QWidget) -> None:
        """A page of another flow (the workspace's), built by its controller."""
        self._window.add_page(page)

    def remove(self, page: QWidget) -> None:
        """Take ``page`` out of the window and delete it (a locked workspace shows nothing)."""
        self._window.stack.removeWidget(page)
        page.hide()
        page.deleteLater()

    def current(self) -> QWidget | None:
        return self._window.stack.currentWidget()

    def show(self, page: QWidget, title: str) -> None:
        self._window.show_page(page, title)
