"""The one chart painter: the same QPainter code draws on screen and on the printed page."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPalette

from rolefit.bank import Bank
from rolefit.scoring import Result


@dataclass(frozen=True)
class ChartColors:
    text: QColor
    muted: QColor
    track: QColor
    bar: QColor
    highlight: QColor

    @classmethod
    def from_palette(cls, palette: QPalette) -> ChartColors:
        """Colours that follow the system palette, light or dark."""
        text = palette.color(QPalette.ColorRole.WindowText)
        window = palette.color(QPalette.ColorRole.Window)
        muted = QColor(text)
        muted.setAlphaF(0.6)
        track = QColor(text)
        track.setAlphaF(0.12)
        bar = QColor(text)
        bar.setAlphaF(0.45)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        if abs(highlight.lightness() - window.lightness()) < 60:
            highlight = QColor("#2f6fd0")
        return cls(text, muted, track, bar, highlight)

    @classmethod
    def for_print(cls) -> ChartColors:
        """Dark on white, readable in black and white too."""
        return cls(
            QColor("#111111"),
            QColor("#555555"),
            QColor("#e4e4e4"),
            QColor("#8a8a8a"),
            QColor("#1f4f99"),
        )


def _bars(
    painter: QPainter,
    rect: QRectF,
    rows: list[tuple[str, float | None, bool]],
    colors: ChartColors,
    row_gap: float,
    aligned_with: list[str],
) -> None:
    """Horizontal bars 0..100 with the label on the left and the number on the right.

    The label column is as wide as the widest of ``aligned_with`` (every label of both
    charts), so the bars of the two charts start at the same place.
    """
    metrics = QFontMetricsF(painter.font())
    bold = painter.font()
    bold.setBold(True)
    bold_metrics = QFontMetricsF(bold)
    # Measured in bold, the weight an emphasised label is drawn in, so none is clipped.
    widest = max(bold_metrics.horizontalAdvance(label) for label in aligned_with)
    gap = metrics.height() * 0.6  # in font units, so screen and 300 dpi paper look alike
    label_width = min(rect.width() * 0.42, widest + gap)
    number_width = metrics.horizontalAdvance("100") + gap
    row_height = (rect.height() - row_gap * (len(rows) - 1)) / len(rows)
    bar_height = min(row_height, metrics.height() * 1.25)
    track_left = rect.left() + label_width
    track_width = max(10.0, rect.width() - label_width - number_width)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for n, (label, value, emphasised) in enumerate(rows):
        top = rect.top() + n * (row_height + row_gap)
        middle = top + row_height / 2
        bar_top = middle - bar_height / 2
        font = painter.font()
        font.setBold(emphasised)
        painter.setFont(font)
        painter.setPen(colors.text)
        painter.drawText(
            QRectF(rect.left(), top, label_width - gap * 0.6, row_height),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
            label,
        )
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colors.track)
        painter.drawRoundedRect(QRectF(track_left, bar_top, track_width, bar_height), 3, 3)
        if value is not None:
            painter.setBrush(colors.highlight if emphasised else colors.bar)
            width = track_width * max(0.0, min(100.0, value)) / 100
            if width > 0:
                painter.drawRoundedRect(QRectF(track_left, bar_top, width, bar_height), 3, 3)
        painter.setPen(colors.text if value is not None else colors.muted)
        shown = f"{value:.0f}" if value is not None else "\u2013"
        painter.drawText(
            QRectF(track_left + track_width + gap / 2, top, number_width, row_height),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            shown,
        )
        font.setBold(False)
        painter.setFont(font)
    painter.restore()


def all_labels(bank: Bank) -> list[str]:
    return [r.title for r in bank.roles] + [d.title for d in bank.dimensions]


def fit_rows(bank: Bank, result: Result) -> list[tuple[str, float | None, bool]]:
    return [(r.title, result.fit[r.id], r.id == result.recommendation) for r in bank.roles]


def dimension_rows(bank: Bank, result: Result) -> list[tuple[str, float | None, bool]]:
    return [(d.title, result.dimensions.get(d.id), False) for d in bank.dimensions]


def paint_fit_chart(
    painter: QPainter, rect: QRectF, bank: Bank, result: Result, colors: ChartColors
) -> None:
    """The three role fits, the recommended one emphasised."""
    _bars(
        painter,
        rect,
        fit_rows(bank, result),
        colors,
        row_gap=rect.height() * 0.08,
        aligned_with=all_labels(bank),
    )


def paint_profile_chart(
    painter: QPainter, rect: QRectF, bank: Bank, result: Result, colors: ChartColors
) -> None:
    """Interest in each area of work (0..100); a dash where nothing was asked."""
    _bars(
        painter,
        rect,
        dimension_rows(bank, result),
        colors,
        row_gap=rect.height() * 0.04,
        aligned_with=all_labels(bank),
    )
