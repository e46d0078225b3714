"""The one-page printed summary, drawn with QPainter on any paged device (PDF or printer).

Text is drawn as text, so the PDF holds real, selectable words. The layout is measured
first; if it would not fit the page, everything is scaled down until it does, so the
summary is always exactly one page. Several summaries (a counsellor's batch) make one PDF,
one page each.

A workspace session's summary also says who interpreted it, may carry the session's
notes, and, on the counsellor's copy only, a validity section: the answers used per scale
point and each check with what it means.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QMarginsF, QRectF, Qt
from PySide6.QtGui import QFont, QPagedPaintDevice, QPageLayout, QPageSize, QPainter, QPdfWriter

from rolefit import __version__
from rolefit.atomic import write_bytes
from rolefit.bank import Bank
from rolefit.i18n import _
from rolefit.report.charts import ChartColors, paint_fit_chart, paint_profile_chart
from rolefit.scoring import Result
from rolefit.wording import headings, result_words
from rolefit.wording_flags import validity_words

if TYPE_CHECKING:
    from rolefit.workspace import SummaryParts

ChartPainter = Callable[[QPainter, QRectF, Bank, Result, ChartColors], None]

PDF_DPI = 300


# Longer session notes are cut on the page (the whole text stays in the workspace), so
# that the summary stays one readable page.
MAX_NOTES_PRINTED = 1200


@dataclass(frozen=True)
class SummaryContent:
    bank: Bank
    result: Result
    name: str = ""
    day: date | None = None
    counsellor: str = ""  # printed as "Interpreted by <counsellor>"
    notes: str = ""  # the session's notes, printed when given
    counsellor_copy: bool = False  # adds the validity section (needs ``answers``)
    answers: Mapping[str, int | str] | None = None


def session_summary(parts: SummaryParts, counsellor_copy: bool = False) -> SummaryContent:
    """The summary of a workspace session, as the window and ``rolefit report`` print it."""
    return SummaryContent(
        parts.bank,
        parts.result,
        parts.client_name or parts.client_ref,
        parts.day,
        counsellor=parts.counsellor,
        notes=parts.notes,
        counsellor_copy=counsellor_copy,
        answers=parts.answers,
    )


def page_size_for_locale(locale: QLocale | None = None) -> QPageSize:
    """Letter where the locale measures in inches (the US), A4 elsewhere."""
    system = (locale or QLocale()).measurementSystem()
    if system == QLocale.MeasurementSystem.ImperialUSSystem:
        return QPageSize(QPageSize.PageSizeId.Letter)
    return QPageSize(QPageSize.PageSizeId.A4)


def named_page_size(name: str | None) -> QPageSize | None:
    """``"a4"`` or ``"letter"`` (the command line's ``--page``); None: from the locale."""
    if not name:
        return None
    return QPageSize(QPageSize.PageSizeId.A4 if name == "a4" else QPageSize.PageSizeId.Letter)


def pdf_bytes(content: SummaryContent, page_size: QPageSize | None = None) -> bytes:
    """The one-page summary as the bytes of a PDF file."""
    return pdf_bytes_many([content], page_size)


def pdf_bytes_many(contents: Sequence[SummaryContent], page_size: QPageSize | None = None) -> bytes:
    """Several summaries, one page each, as the bytes of one PDF file."""
    from PySide6.QtCore import QBuffer, QIODevice

    if not contents:
        raise ValueError("no summary to print")
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_DPI)
    title = headings().title
    if len(contents) > 1:
        title = _("RoleFit summaries")
    elif contents[0].name:
        title = _("RoleFit summary for {name}").format(name=contents[0].name)
    writer.setTitle(title)
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
        raise OSError("cannot make the PDF")
    try:
        for number, content in enumerate(contents):
            if number and not writer.newPage():
                raise OSError("cannot make the PDF")
            render_summary(painter, writer, content)
    finally:
        painter.end()
    del writer  # finishes the file in the buffer
    data = bytes(buffer.data().data())
    if not data.startswith(b"%PDF"):
        raise OSError("cannot make the PDF")
    return data


def write_pdf(path: Path, content: SummaryContent, page_size: QPageSize | None = None) -> None:
    """Write the one-page summary to ``path`` whole, or raise ``OSError`` and change nothing."""
    write_bytes(path, pdf_bytes(content, page_size))


def write_pdfs(
    path: Path, contents: Sequence[SummaryContent], page_size: QPageSize | None = None
) -> None:
    """Write several summaries, one page each, to ``path`` whole (or raise ``OSError``)."""
    write_bytes(path, pdf_bytes_many(contents, page_size))


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

    words = result_words(bank, result)
    heads = headings()
    details = [content.day.isoformat() if content.day else date.today().isoformat()]
    if content.name:
        details.insert(0, content.name)
    if content.counsellor:
        details.append(_("Interpreted by {counsellor}").format(counsellor=content.counsellor))
    details.append(
        _(
            "question bank {bank} {version}, {form} form, {answered} of {total} questions answered"
        ).format(
            bank=result.bank_id,
            version=result.bank_version,
            form=result.form,
            answered=result.answered,
            total=result.total,
        )
    )

    text(heads.title, 20, bold=True, gap=2)
    text(" \u00b7 ".join(details), 9, gap=10)
    text(words.headline, 15, bold=True, gap=3)
    for detail in words.details:
        text(detail, 10, gap=3)
    text(words.confidence, 10, gap=8)
    # As on screen: what to read with care comes with the verdict, before the charts.
    for flag in words.flags:
        text(f"{heads.care} \u2013 {flag.title}: {flag.message}", 9.5, gap=4)
    if words.flags:
        y += 4 * pt
    text(heads.fit, 11, bold=True, gap=4)
    chart(paint_fit_chart, 21 * len(bank.roles), 9)
    text(heads.areas, 11, bold=True, gap=4)
    chart(paint_profile_chart, 16 * len(bank.dimensions), 9)

    shown = [r for r in (result.recommendation, result.runner_up) if r is not None]
    if result.recommendation is None:
        shown = list(result.ranked_roles()[:2])
    groups = [
        (group, [r for r in group.reasons if r.direction == "raised"][:3])
        for group in words.reasons
        if group.role in shown
    ]
    groups = [(group, raised) for group, raised in groups if raised]
    if groups:
        # The screen's heading and per-role lines; on one page, the two leading roles only.
        text(heads.why, 11, bold=True, gap=3)
    for group, raised in groups:
        text(group.heading, 9.5, bold=True, gap=2)
        for reason in raised:
            text(f"\u2022 {reason.text} ({reason.points})", 9.5, gap=2)
        y += 4 * pt
    if groups:
        text(words.fit_points, 8.5, gap=6)

    text(_("The roles"), 11, bold=True, gap=3)
    for role in bank.roles:
        text(f"{role.title}: {role.description}", 9.5, gap=4)
    for note in words.notes[:1]:
        text(note, 8.5, gap=4)
    if content.notes.strip():
        notes = content.notes.strip()
        if len(notes) > MAX_NOTES_PRINTED:
            notes = notes[: MAX_NOTES_PRINTED - 1].rstrip() + "\u2026"
        text(_("Session notes"), 11, bold=True, gap=3)
        text(notes, 9.5, gap=4)
    if content.counsellor_copy and content.answers is not None:
        validity = validity_words(bank, result, content.answers)
        text(validity.heading, 11, bold=True, gap=3)
        text(validity.answers, 9, gap=3)
        for check in validity.checks:
            text(f"\u2022 {check}", 9, gap=2)
    y += 4 * pt
    text(
        _(
            "Your answers stay on this computer. RoleFit {version} \u2013 a starting point for "
            "a conversation, not a verdict on you."
        ).format(version=__version__),
        8,
        gap=0,
    )
    return y - page.top()
