"""Review before submitting: every item and its answer, unanswered ones highlighted."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rolefit.i18n import _


class ReviewPage(QWidget):
    jump_requested = Signal(int)  # position in the form
    submit_requested = Signal()
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewPage")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(12)
        title = QLabel(_("Review your answers"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.warning = QLabel()
        self.warning.setObjectName("warning")
        self.warning.setWordWrap(True)
        layout.addWidget(self.warning)
        self.list = QListWidget()
        self.list.setAccessibleName(_("Your answers; activate one to change it"))
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        layout.addWidget(self.list, 1)
        nav = QHBoxLayout()
        self.back_button = QPushButton(_("\u2190 Back to the &questions"))
        self.back_button.setAccessibleName(_("Back to the questions"))
        self.submit_button = QPushButton(_("See my &result"))
        self.submit_button.setObjectName("primaryButton")
        self.submit_button.setAccessibleName(_("Submit and see my result"))
        nav.addWidget(self.back_button)
        nav.addStretch(1)
        nav.addWidget(self.submit_button)
        layout.addLayout(nav)

        self.list.itemClicked.connect(lambda item: self.jump_requested.emit(self.list.row(item)))
        self.back_button.clicked.connect(self.back_requested)
        self.submit_button.clicked.connect(self.submit_requested)
        # Return (or Space) on a question of the list opens it; Return anywhere else on the
        # page shows the result.
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda key=key: self._key(key))

    def _key(self, key: Qt.Key) -> None:
        if self.list.hasFocus() and self.list.currentRow() >= 0:
            self.jump_requested.emit(self.list.currentRow())
        elif key != Qt.Key.Key_Space:
            self.submit_requested.emit()
        else:
            focused = self.focusWidget()
            if isinstance(focused, QPushButton):
                focused.click()

    def show_answers(self, rows: list[tuple[str, str | None]], warning: str | None) -> None:
        """``rows``: (question, answer in words or None when unanswered), in form order."""
        self.list.clear()
        missing = 0
        highlight = QColor(self.palette().color(self.palette().ColorRole.Highlight))
        highlight.setAlphaF(0.22)
        for number, (question, answer) in enumerate(rows, start=1):
            shown = answer if answer is not None else _("Not answered \u2013 choose it to answer")
            entry = QListWidgetItem(f"{number}. {question}\n      \u2192 {shown}")
            if answer is None:
                missing += 1
                entry.setBackground(QBrush(highlight))
                font = entry.font()
                font.setBold(True)
                entry.setFont(font)
            self.list.addItem(entry)
        answered = len(rows) - missing
        self.summary.setText(
            _(
                "You answered {answered} of {total} questions. To change an answer, click its "
                "question, or move to it in the list and press Return."
            ).format(answered=answered, total=len(rows))
        )
        self.warning.setVisible(warning is not None)
        self.warning.setText(warning or "")
        # The list's current row starts at the first unanswered question (else the first),
        # so the row the arrow keys move from is the one marked.
        first_missing = next(
            (n for n, (_q, answer) in enumerate(rows) if answer is None), 0 if rows else -1
        )
        self.list.setCurrentRow(first_missing)
        self.submit_button.setFocus()
