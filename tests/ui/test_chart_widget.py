"""The result's charts take their number of rows from the bank."""

from conftest import MINIMAL_BANK

from rolefit.bank import parse_bank
from rolefit.report import paint_fit_chart, paint_profile_chart
from rolefit.scoring import make_answers, score_answers
from rolefit.ui.chart_widget import ChartWidget


def test_a_chart_is_as_tall_as_its_bank_needs(qtbot, bank):
    small = parse_bank(MINIMAL_BANK, "mini.yaml")  # 3 roles, 1 dimension
    heights = {}
    for name, b in (("shipped", bank), ("mini", small)):
        result = score_answers(b, make_answers(b, {b.items[0].id: 4}))
        for chart, rows in (
            (paint_fit_chart, lambda x: len(x.roles)),
            (paint_profile_chart, lambda x: len(x.dimensions)),
        ):
            widget = ChartWidget(chart, rows=rows)
            qtbot.addWidget(widget)
            widget.set_result(b, result)
            heights[name, chart.__name__] = widget.sizeHint().height()
    per_row = heights["mini", "paint_profile_chart"]  # one dimension: one row
    # Rows times the height of one, give or take the rounding of each.
    assert abs(heights["shipped", "paint_profile_chart"] - 7 * per_row) <= 7
    assert heights["mini", "paint_fit_chart"] == heights["shipped", "paint_fit_chart"]
    assert abs(heights["mini", "paint_fit_chart"] - 3 * per_row) <= 3
