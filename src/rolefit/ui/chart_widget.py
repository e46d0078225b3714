"""A widget showing a chart drawn by the same painter as the printed summary."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from rolefit.bank import Bank
from rolefit.report.charts import ChartColors
from rolefit.scoring import Result

ChartPainter = Callable[[QPainter, QRectF, Bank, Result, ChartColors], None]


class ChartWidget(QWidget):
    """Shows a chart drawn by the same function the printed summary uses."""

    def __init__(
        self, paint: ChartPainter, rows: Callable[[Bank], int], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._paint = paint
        self._count_rows = rows  # how many bars a bank gives this chart
        self._rows = 3
        self._data: tuple[Bank, Result] | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_result(self, bank: Bank, result: Result) -> None:
        self._data = (bank, result)
        self._rows = max(1, self._count_rows(bank))
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
