"""Results: the recommendation in words, the charts, the reasons, the roles, what next."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from rolefit.bank import Bank
from rolefit.i18n import _
from rolefit.report.charts import paint_fit_chart, paint_profile_chart
from rolefit.scoring import Result
from rolefit.ui.chart_widget import ChartWidget
from rolefit.ui.parts import plain_label, scrolling_page
from rolefit.wording import ResultWords, headings

ARROWS = {"raised": "\u25b2", "lowered": "\u25bc"}


class ResultsPage(QWidget):
    print_requested = Signal()
    save_pdf_requested = Signal()
    save_answers_requested = Signal()
    restart_requested = Signal()
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultsPage")
        self._layout = scrolling_page(self, _("Your result"), margins=(24, 20), spacing=10)
        scroll = self.findChild(QScrollArea, "pageScroll")
        assert scroll is not None
        self.scroll_area = scroll

        heads = headings()
        self.headline = plain_label()
        self.headline.setObjectName("pageTitle")
        self.headline.setWordWrap(True)
        self.headline.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._layout.addWidget(self.headline)
        self.confidence = plain_label()
        self.confidence.setWordWrap(True)
        self._layout.addWidget(self.confidence)
        self.flags = QLabel()
        self.flags.setObjectName("warning")
        self.flags.setWordWrap(True)
        self.flags.setTextFormat(Qt.TextFormat.RichText)
        self._layout.addWidget(self.flags)

        self._layout.addWidget(self._heading(heads.fit))
        self.fit_chart = ChartWidget(paint_fit_chart, rows=lambda bank: len(bank.roles))
        self.fit_chart.setAccessibleName(_("Chart of your fit for each role"))
        self._layout.addWidget(self.fit_chart)
        self._layout.addWidget(self._heading(heads.areas))
        self.profile_chart = ChartWidget(
            paint_profile_chart, rows=lambda bank: len(bank.dimensions)
        )
        self.profile_chart.setAccessibleName(_("Chart of your interest in each area of work"))
        self._layout.addWidget(self.profile_chart)

        self._layout.addWidget(self._heading(heads.why))
        self.reasons = self._rich()
        self._layout.addWidget(self.reasons)
        self._layout.addWidget(self._heading(heads.roles))
        self.roles = self._rich()
        self._layout.addWidget(self.roles)
        self.notes = self._rich()
        self._layout.addWidget(self.notes)
        self._layout.addWidget(self._heading(heads.next_steps))
        self.next_steps = self._rich()
        self._layout.addWidget(self.next_steps)
        self._layout.addStretch(1)

        bar = QHBoxLayout()
        bar.setContentsMargins(24, 8, 24, 12)
        bar.setSpacing(6)
        # Short texts, so the bar fits the smallest window; the shortcuts are in the File
        # menu and the tooltips, the full names for screen readers.
        self.back_button = QPushButton(_("\u2190 &Back"))
        self.back_button.setAccessibleName(_("Back to the review of your answers"))
        self.restart_button = QPushButton(_("Start a&gain\u2026"))
        self.restart_button.setAccessibleName(_("Start a new questionnaire"))
        self.save_answers_button = QPushButton(_("Save &answers\u2026"))
        self.save_answers_button.setAccessibleName(_("Save the answers as a file"))
        self.pdf_button = QPushButton(_("Save as P&DF\u2026"))
        self.pdf_button.setToolTip(_("Save the summary as PDF (Ctrl+S)"))
        self.pdf_button.setAccessibleName(_("Save the summary as PDF"))
        # No button of this page is a default: Return never prints or leaves the result.
        self.print_button = QPushButton(_("&Print\u2026"))
        self.print_button.setToolTip(_("Print the summary (Ctrl+P)"))
        self.print_button.setAccessibleName(_("Print the summary"))
        for button in (self.back_button, self.restart_button, self.print_button):
            button.setAutoDefault(False)
        bar.addWidget(self.back_button)
        bar.addWidget(self.restart_button)
        bar.addStretch(1)
        bar.addWidget(self.save_answers_button)
        bar.addWidget(self.pdf_button)
        bar.addWidget(self.print_button)
        page_layout = self.layout()
        assert isinstance(page_layout, QVBoxLayout)
        page_layout.addLayout(bar)  # the button bar stays put below the scrolling body

        self.print_button.clicked.connect(self.print_requested)
        self.pdf_button.clicked.connect(self.save_pdf_requested)
        self.save_answers_button.clicked.connect(self.save_answers_requested)
        self.restart_button.clicked.connect(self.restart_requested)
        self.back_button.clicked.connect(self.back_requested)
        back = QShortcut(QKeySequence(Qt.Key.Key_Backspace), self)
        back.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        back.activated.connect(self._back_pressed)

    def _back_pressed(self) -> None:
        if self.back_button.isVisible():
            self.back_requested.emit()

    def _heading(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName("sectionHeading")
        label.setWordWrap(True)
        label.setIndent(0)  # a style sheet's margin would otherwise indent it past the text
        return label

    def _rich(self) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def show_result(
        self, bank: Bank, result: Result, words: ResultWords, can_go_back: bool = True
    ) -> None:
        """Show ``result`` of ``bank`` in ``words`` (made by rolefit.wording), from its top."""
        self.headline.setText(words.headline)
        self.confidence.setText(" ".join((*words.details, words.confidence)))
        self.flags.setVisible(bool(words.flags))
        care = headings().care
        self.flags.setText(
            "".join(
                f"<p><b>{escape(care)} \u2013 {escape(f.title)}.</b> {escape(f.message)}</p>"
                for f in words.flags
            )
        )
        self.fit_chart.set_result(bank, result)
        self.profile_chart.set_result(bank, result)

        parts = []
        for group in words.reasons:
            parts.append(f"<p><b>{escape(group.heading)}</b></p>")
            for direction, label in (("raised", words.towards), ("lowered", words.away)):
                lines = [r for r in group.reasons if r.direction == direction]
                if lines:
                    items = "".join(
                        f"<li>{escape(r.text)} ({escape(r.points)})</li>" for r in lines
                    )
                    parts.append(f"<p>{escape(label)}</p><ul>{items}</ul>")
        if parts:
            parts.append(f"<p>{escape(words.fit_points)}</p>")
        self.reasons.setText("".join(parts) or escape(_("No single answer stood out.")))

        self.roles.setText(
            "".join(
                f"<p><b>{escape(r.title)}</b>: {escape(r.description)}</p><ul>"
                + "".join(f"<li>{escape(line)}</li>" for line in r.day_to_day)
                + "</ul>"
                for r in bank.roles
            )
        )
        self.notes.setVisible(bool(words.notes))
        self.notes.setText("".join(f"<p><i>{escape(n)}</i></p>" for n in words.notes))
        self.next_steps.setText(
            "<ul>" + "".join(f"<li>{escape(s)}</li>" for s in words.next_steps) + "</ul>"
        )
        self.back_button.setVisible(can_go_back)
        # A new result opens at its top, and a screen reader starts from the verdict.
        self.scroll_area.verticalScrollBar().setValue(0)
        self.scroll_area.setAccessibleName(
            _("Your result: {verdict}").format(verdict=words.headline)
        )
        self.scroll_area.setFocus(Qt.FocusReason.OtherFocusReason)
