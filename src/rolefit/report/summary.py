"""The one-page printed summary, drawn with QPainter on any paged device (PDF or printer).

Text is drawn as text, so the PDF holds real, selectable words. The layout is measured
first; if it would not fit the page, everything is scaled down until it does, so the
summary is always exactly one page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QLocale, QMarginsF, QRectF, Qt
from PySide6.QtGui import QFont, QPagedPaintDevice, QPageLayout, QPageSize, QPainter, QPdfWriter

from rolefit import __version__
from rolefit.bank import Bank
from rolefit.report.charts import ChartColors, paint_fit_chart, paint_profile_chart
from rolefit.scoring import Result

ChartPainter = Callable[[QPainter, QRectF, Bank, Result, ChartColors], None]

PDF_DPI = 300
CONFIDENCE_WORDS = {
    "strong": "Strong: the recommended role is well ahead of the others.",
    "moderate": "Moderate: the recommended role leads, but not by much.",
    "close": "Close call: the two highest fits are nearly level.",
}


@dataclass(frozen=True)
class SummaryContent:
    bank: Bank
    result: Result
    name: str = ""
    day: date | None = None


def page_size_for_locale(locale: QLocale | None = None) -> QPageSize:
    """Letter where the locale measures in inches (the US), A4 elsewhere."""
    system = (locale or QLocale()).measurementSystem()
    if system == QLocale.MeasurementSystem.ImperialUSSystem:
        return QPageSize(QPageSize.PageSizeId.Letter)
    return QPageSize(QPageSize.PageSizeId.A4)


def write_pdf(path: Path, content: SummaryContent, page_size: QPageSize | None = None) -> None:
    """Write the one-page summary to ``path``; raises OSError if it cannot be written."""
    # Open it ourselves first: the OS then says why it cannot be written (no such folder,
    # permission denied), where QPdfWriter would only fail with a console warning.
    with path.open("wb"):
        pass
    writer = QPdfWriter(str(path))
    writer.setResolution(PDF_DPI)
    writer.setTitle(f"RoleFit summary{' for ' + content.name if content.name else ''}")
    writer.setCreator(f"RoleFit {__version__}")
    writer.setPageLayout(
        QPageLayout(
            page_size or page_size_for_locale(),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 15, 15, 15),
            QPageLayout.Unit.Millimeter,
        )
    )
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot write {path}")
    try:
        render_summary(painter, writer, content)
    finally:
        painter.end()
    if not path.exists() or path.stat().st_size == 0:
        raise OSError(f"cannot write {path}")


def render_summary(painter: QPainter, device: QPagedPaintDevice, content: SummaryContent) -> None:
    """Draw the summary into the printable area of ``device``'s current page."""
    layout = device.pageLayout()
    page = QRectF(layout.paintRectPixels(device.logicalDpiX()))
    page.moveTo(0, 0)
    # Points are the unit of the layout; scale so 1 unit = 1 point on this device.
    unit = device.logicalDpiY() / 72.0
    scale = 1.0
    while scale > 0.5:
        height = _layout(painter, page, content, unit * scale, draw=False)
        if height <= page.height():
            break
        scale *= 0.94
    _layout(painter, page, content, unit * scale, draw=True)


def _layout(
    painter: QPainter, page: QRectF, content: SummaryContent, pt: float, draw: bool
) -> float:
    bank, result = content.bank, content.result
    y = page.top()
    colors = ChartColors.for_print()
    painter.setPen(colors.text)

    def font(size: float, bold: bool = False) -> QFont:
        f = QFont("DejaVu Sans")
        f.setPixelSize(max(1, round(size * pt)))
        f.setBold(bold)
        return f

    def text(
        value: str,
        size: float,
        bold: bool = False,
        gap: float = 4,
        color: Callable[[], None] | None = None,
    ) -> None:
        nonlocal y
        painter.setFont(font(size, bold))
        flags = Qt.TextFlag.TextWordWrap
        box = painter.boundingRect(
            QRectF(page.left(), y, page.width(), page.height() * 4), int(flags), value
        )
        if draw:
            painter.drawText(QRectF(page.left(), y, page.width(), box.height()), int(flags), value)
        y += box.height() + gap * pt

    def chart(painter_fn: ChartPainter, height: float, size: float) -> None:
        nonlocal y
        painter.setFont(font(size))
        if draw:
            painter_fn(
                painter,
                QRectF(page.left(), y, page.width() * 0.9, height * pt),
                bank,
                result,
                colors,
            )
        y += (height + 8) * pt

    details = [content.day.isoformat() if content.day else date.today().isoformat()]
    if content.name:
        details.insert(0, content.name)
    details.append(
        f"question bank {result.bank_id} {result.bank_version}, {result.form} form, "
        f"{result.answered} of {result.total} questions answered"
    )

    text("RoleFit summary", 20, bold=True, gap=2)
    text(" \u00b7 ".join(details), 9, gap=10)
    text(result.summary, 15, bold=True, gap=3)
    text(f"Confidence: {CONFIDENCE_WORDS[result.confidence]}", 10, gap=8)
    text("Fit for each role (0\u2013100)", 11, bold=True, gap=4)
    chart(paint_fit_chart, 62, 10)
    text("Interest in each area of work (0\u2013100)", 11, bold=True, gap=4)
    chart(paint_profile_chart, 16 * len(bank.dimensions), 9)

    for flag in result.flags:
        text(f"Read with care ({flag.code}): {flag.message}", 9.5, gap=4)
    if result.flags:
        y += 4 * pt

    for role_id in (result.recommendation, result.runner_up):
        reasons = [r for r in result.reasons_for(role_id) if r.direction == "raised"][:3]
        if not reasons:
            continue
        title = bank.role(role_id).title
        text(f"What pointed towards {title.lower()}", 11, bold=True, gap=3)
        for reason in reasons:
            text(f"\u2022 {reason.text} (+{reason.effect:.1f})", 9.5, gap=2)
        y += 5 * pt

    text("The three roles", 11, bold=True, gap=3)
    for role in bank.roles:
        text(f"{role.title}: {role.description}", 9.5, gap=4)
    for note in result.notes[:1]:
        text(note, 8.5, gap=4)
    y += 4 * pt
    text(
        "Your answers stay on this computer. RoleFit "
        f"{__version__} \u2013 a starting point for a conversation, not a verdict on you.",
        8,
        gap=0,
    )
    return y - page.top()
