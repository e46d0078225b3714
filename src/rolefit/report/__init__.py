"""The printable result: one page, real text, charts from the same painter as the screen."""

from rolefit.report.charts import ChartColors, paint_fit_chart, paint_profile_chart
from rolefit.report.summary import (
    SummaryContent,
    page_size_for_locale,
    render_summary,
    session_summary,
    write_pdf,
    write_pdfs,
)

__all__ = [
    "ChartColors",
    "SummaryContent",
    "page_size_for_locale",
    "paint_fit_chart",
    "paint_profile_chart",
    "render_summary",
    "session_summary",
    "write_pdf",
    "write_pdfs",
]
