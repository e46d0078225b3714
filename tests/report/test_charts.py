"""The chart painter the screen and the paper share draws each number to scale."""

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from rolefit.report import ChartColors, paint_fit_chart, paint_profile_chart
from rolefit.scoring import make_answers, score_answers

WIDTH, HEIGHT = 900, 240


def draw(qapp, chart, bank, result):
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    chart(painter, QRectF(0, 0, WIDTH, HEIGHT), bank, result, ChartColors.for_print())
    painter.end()
    return image


def bar_fractions(image, rows):
    """For each row, the filled share of its track, read off the pixels of its middle line."""
    colors = ChartColors.for_print()
    fill = {colors.bar.rgb(), colors.highlight.rgb()}
    track = colors.track.rgb()
    fractions = []
    for n in range(rows):
        y = round((n + 0.5) * HEIGHT / rows)
        line = [image.pixel(x, y) for x in range(WIDTH)]
        filled = [x for x, p in enumerate(line) if p in fill]
        empty = [x for x, p in enumerate(line) if p == track]
        ends = filled + empty
        length = max(ends) - min(ends) + 1
        fractions.append(len(filled) / length)
    return fractions


@pytest.mark.parametrize("chart", [paint_fit_chart, paint_profile_chart])
def test_bars_are_drawn_to_scale(qapp, bank, chart):
    values = {"production-floor": 5, "company-finances": 2, "hiring": 4, "accurate-admin": 1}
    result = score_answers(bank, make_answers(bank, values))
    if chart is paint_fit_chart:
        expected = [result.fit[r.id] / 100 for r in bank.roles]
    else:
        expected = [
            None if result.dimensions[d.id] is None else result.dimensions[d.id] / 100
            for d in bank.dimensions
        ]
    image = draw(qapp, chart, bank, result)
    drawn = bar_fractions(image, len(expected))
    for shown, value in zip(drawn, expected, strict=True):
        if value is None:  # nothing asked: an empty track
            assert shown == 0
        else:
            assert shown == pytest.approx(value, abs=0.02)
