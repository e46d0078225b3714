"""The answers of a question: large radio buttons whose text wraps."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import QEvent, QPointF, QSize, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFocusEvent,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import QRadioButton, QScrollArea, QSizePolicy, QWidget

from rolefit.i18n import _


class AnswerButton(QRadioButton):
    """One answer: a point of the scale or an option of a choice.

    A radio button, so a screen reader says "radio button, 4: Quite a lot, not checked" and
    that it is one answer of several; drawn as a large button (style.qss hides the round
    indicator). It draws its own text, wrapped, so a long option is never cut off and the
    accessibility tree holds one node per answer (a child label would be read again). Its
    description is the question, so a person tabbing to an answer hears what it answers.
    """

    # Set while a click (mouse, Space, a digit key) changes the check: the click itself then
    # gives the answer. A change without a click, such as the "Toggle" action a screen
    # reader or switch access sends over AT-SPI, gives it through ``toggled``.
    by_click = False

    def __init__(self, stacked: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scaleButton" if stacked else "optionCard")
        self._stacked = stacked  # number above the label (scale) or before it (option)
        self.setSizePolicy(
            QSizePolicy.Policy.Expanding,
            QSizePolicy.Policy.Fixed if stacked else QSizePolicy.Policy.Preferred,
        )
        self._document = QTextDocument(self)
        self._document.setDocumentMargin(0)
        self._laid_out: tuple[str, float] | None = None  # (font, width) the text is laid out for
        self._shown = ""
        # Sizes measured for the text shown (a layout pass asks for them many times).
        self._hints: dict[object, QSize | int] = {}

    def _margins(self) -> tuple[int, int]:
        line = self.fontMetrics().height()
        return (line // 2, round(line * 0.6)) if self._stacked else (line, round(line * 0.7))

    def set_answer(self, number: int, text: str, question: str) -> None:
        """Show answer ``number`` (the key that gives it) with ``text``, for ``question``."""
        if self._stacked:
            shown = f"<div align='center'><b>{number}</b><br>{escape(text)}</div>"
            self.setAccessibleName(_("{number}: {text}").format(number=number, text=text))
        else:
            shown = f"<b>{number}</b>&nbsp;&nbsp;{escape(text)}"
            self.setAccessibleName(_("Option {number}: {text}").format(number=number, text=text))
        if shown != self._shown:  # the scale's answers read the same on every question
            self._shown = shown
            self._document.setHtml(shown)
            self._laid_out = None
            self._hints.clear()
            self.updateGeometry()
        self.setAccessibleDescription(question)
        self.update()

    def shown_text(self) -> str:
        return self._document.toPlainText()

    def _layout_text(self, width: int) -> None:
        """Lay the text out for ``width`` (once: laying out again for the same is costly)."""
        side, _top = self._margins()
        wanted = (self.font().key(), float(max(1, width - 2 * side)))
        if wanted != self._laid_out:
            self._document.setDefaultFont(self.font())
            self._document.setTextWidth(wanted[1])
            self._laid_out = wanted

    def nextCheckState(self) -> None:  # noqa: N802 - Qt's name
        self.by_click = True
        super().nextCheckState()

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        """The focused answer is always in sight: the page scrolls to it (arrow keys, Tab)."""
        super().focusInEvent(event)
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        if parent is not None:
            parent.ensureWidgetVisible(self, 8, 8)

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

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)  # the styled box; the radio has no text of its own
        self._layout_text(self.width())
        side, _top = self._margins()
        top = (self.height() - self._document.size().height()) / 2
        roles = QPalette.ColorRole
        role = roles.HighlightedText if self.isChecked() else roles.ButtonText
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(roles.Text, self.palette().color(role))
        painter = QPainter(self)
        painter.translate(QPointF(side, top))
        layout = self._document.documentLayout()
        assert layout is not None
        layout.draw(painter, context)
        painter.end()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._laid_out = None
            self._hints.clear()
        super().changeEvent(event)

    def _measured(self, key: object, measure: Callable[[], QSize | int]) -> QSize | int:
        if key not in self._hints:
            self._hints[key] = measure()
        return self._hints[key]

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = self._measured("size", self._size_hint)
        assert isinstance(hint, QSize)
        return hint

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = self._measured("minimum", self._minimum_size_hint)
        assert isinstance(hint, QSize)
        return hint

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        height = self._measured(width, lambda: self._height_for(width))
        assert isinstance(height, int)
        return height

    def _size_hint(self) -> QSize:
        side, top = self._margins()
        self._layout_text(1 << 20)  # unbounded: one line
        ideal = round(self._document.idealWidth()) + 2 * side + 8
        width = max(ideal, 60 if self._stacked else 200)
        return QSize(width, self.heightForWidth(width))

    def _minimum_size_hint(self) -> QSize:
        side, top = self._margins()
        self._layout_text(2 * side + 1)  # as narrow as it goes: the longest word
        width = round(self._document.size().width()) + 2 * side + 8
        # The height follows the width (heightForWidth); at least one line of each part.
        return QSize(width, self.fontMetrics().height() * (2 if self._stacked else 1) + 2 * top)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def _height_for(self, width: int) -> int:
        self._layout_text(width)
        _side, top = self._margins()
        return round(self._document.size().height()) + 2 * top + 4
