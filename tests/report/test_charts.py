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
        # The bar is the longest run of bar and track pixels (a label's anti-aliased text
        # may hold a pixel of the bar's grey, but never a run as long as the track).
        runs, start = [], None
        for x, pixel in enumerate([*line, None]):
            if pixel in fill or pixel == track:
                start = x if start is None else start
            elif start is not None:
                runs.append((start, x))
                start = None
        merged = [runs[0]]
        for begin, end in runs[1:]:  # anti-aliasing where fill meets track: a pixel or two
            if begin - merged[-1][1] <= 3:
                merged[-1] = (merged[-1][0], end)
            else:
                merged.append((begin, end))
        begin, end = max(merged, key=lambda r: r[1] - r[0])
        filled = sum(1 for p in line[begin:end] if p in fill)
        fractions.append(filled / (end - begin))
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
