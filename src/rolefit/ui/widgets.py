"""The answers of a question: large radio buttons whose text wraps."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QRadioButton, QSizePolicy, QVBoxLayout, QWidget

from rolefit.i18n import _


class AnswerButton(QRadioButton):
    """One answer: a point of the scale or an option of a choice.

    A radio button, so a screen reader says "radio button, 4: Quite a lot, not checked" and
    that it is one answer of several; drawn as a large button (style.qss hides the round
    indicator). Its text is a child label, so long options wrap instead of being cut off.
    Its description is the question, so a person tabbing to an answer hears what it answers.
    """

    def __init__(self, stacked: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scaleButton" if stacked else "optionCard")
        self._stacked = stacked  # number above the label (scale) or before it (option)
        self.setSizePolicy(
            QSizePolicy.Policy.Expanding,
            QSizePolicy.Policy.Fixed if stacked else QSizePolicy.Policy.Preferred,
        )
        self._label = QLabel(self)
        self._label.setWordWrap(True)
        self._label.setTextFormat(Qt.TextFormat.RichText)
        self._label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        if stacked:
            self._label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._layout = QVBoxLayout(self)
        line = self.fontMetrics().height()
        side, top = (line // 2, round(line * 0.7)) if stacked else (line, round(line * 0.8))
        self._layout.setContentsMargins(side, top, side, top)
        self._layout.addWidget(self._label)
        # A child label does not follow the button's checked colours by itself.
        self.toggled.connect(
            lambda on: self._label.setStyleSheet("color: palette(highlighted-text);" if on else "")
        )

    def set_answer(self, number: int, text: str, question: str) -> None:
        """Show answer ``number`` (the key that gives it) with ``text``, for ``question``."""
        if self._stacked:
            self._label.setText(f"<b>{number}</b><br>{escape(text)}")
            self.setAccessibleName(_("{number}: {text}").format(number=number, text=text))
        else:
            self._label.setText(f"<b>{number}</b>&nbsp;&nbsp;{escape(text)}")
            self.setAccessibleName(_("Option {number}: {text}").format(number=number, text=text))
        self.setAccessibleDescription(question)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        """Arrow keys move between the answers, as in any radio group, and never answer.

        (Qt's own arrow handling moves only within an exclusive group, and there it also
        checks the answer moved to when one was checked: it would answer and move on.)
        """
        step = {
            Qt.Key.Key_Left: -1,
            Qt.Key.Key_Up: -1,
            Qt.Key.Key_Right: 1,
            Qt.Key.Key_Down: 1,
        }.get(Qt.Key(event.key()))
        group = self.group()
        if step is None or group is None:
            super().keyPressEvent(event)
            return
        shown = [b for b in group.buttons() if b.isVisibleTo(self.window())]
        place = shown.index(self) + step if self in shown else -1
        if 0 <= place < len(shown):
            shown[place].setFocus(
                Qt.FocusReason.BacktabFocusReason if step < 0 else Qt.FocusReason.TabFocusReason
            )

    def label_text(self) -> str:
        return self._label.text()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = self._layout.sizeHint()
        return QSize(max(hint.width(), 60 if self._stacked else 200), hint.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self._layout.minimumSize()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        return self._layout.heightForWidth(width)
