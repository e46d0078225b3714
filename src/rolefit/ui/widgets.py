"""Small reusable widgets: the chart (drawn by the shared painter) and option cards."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from rolefit.bank import Bank
from rolefit.report.charts import ChartColors
from rolefit.scoring import Result

ChartPainter = Callable[[QPainter, QRectF, Bank, Result, ChartColors], None]


class ChartWidget(QWidget):
    """Shows a chart drawn by the same function the printed summary uses."""

    def __init__(self, paint: ChartPainter, rows: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._paint = paint
        self._rows = rows
        self._data: tuple[Bank, Result] | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_result(self, bank: Bank, result: Result) -> None:
        self._data = (bank, result)
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        line = self.fontMetrics().height()
        return QSize(line * 24, round(self._rows * line * 1.9))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(self.fontMetrics().height() * 14, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        if self._data is None:
            return
        painter = QPainter(self)
        painter.setFont(self.font())
        self._paint(
            painter, QRectF(self.rect()), *self._data, ChartColors.from_palette(self.palette())
        )
        painter.end()


class OptionCard(QPushButton):
    """A large, checkable button whose text wraps: one forced-choice option."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCheckable(True)
        self.setObjectName("optionCard")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._label = QLabel(self)
        self._label.setWordWrap(True)
        self._label.setTextFormat(Qt.TextFormat.RichText)
        self._label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QVBoxLayout(self)
        margin = self.fontMetrics().height()
        layout.setContentsMargins(margin, margin // 2 + 4, margin, margin // 2 + 4)
        layout.addWidget(self._label)
        # A child label does not follow the button's checked colours by itself.
        self.toggled.connect(
            lambda on: self._label.setStyleSheet("color: palette(highlighted-text);" if on else "")
        )

    def set_option(self, number: int, text: str) -> None:
        self._label.setText(f"<b>{number}</b>&nbsp;&nbsp;{escape(text)}")
        self.setAccessibleName(f"Option {number}: {text}")

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = self.layout().sizeHint()
        return QSize(max(hint.width(), 200), hint.height())

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        return self.layout().heightForWidth(width)
