"""Builds the QApplication and the window, and composes them; nothing else."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from rolefit.i18n import install
from rolefit.paths import installed_folder
from rolefit.ui.main_window import MainWindow
from rolefit.ui.shell import Shell


def create_application() -> QApplication:
    # Fusion follows the system palette (light or dark) on every platform. Asked for on the
    # command line, Qt creates it without handing a QStyle to Python, which would build the
    # Python view of QStyle's many enums (7 ms of start-up, see docs/performance.md).
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        # Made before (tests make it once per process): set again only what differs, so
        # the widgets alive are not all restyled.
        app = existing
        if app.style().name().lower() != "fusion":
            app.setStyle("Fusion")
    else:
        app = QApplication([*sys.argv[:1], "-style", "Fusion"])
    app.setApplicationName("RoleFit")
    app.setOrganizationName("RoleFit")
    app.setApplicationDisplayName("RoleFit")
    sheet = style_sheet(app.font())
    if app.styleSheet() != sheet:
        app.setStyleSheet(sheet)
    if app.findChild(PaletteGuard) is None:
        guard = PaletteGuard(app)
        app.installEventFilter(guard)
        guard.mend(app)
    return app


class PaletteGuard(QObject):
    """Keeps placeholder text readable whatever the palette (a dark one included).

    A palette that sets its colours but not the placeholder's keeps Qt's default, dark grey
    on a dark field: unreadable. Then the placeholder becomes the text colour, dimmed.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.ApplicationPaletteChange and isinstance(
            watched, QApplication
        ):
            self.mend(watched)
        return False

    @staticmethod
    def mend(app: QApplication) -> None:
        palette = app.palette()
        roles = QPalette.ColorRole
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            base = palette.color(group, roles.Base)
            placeholder = palette.color(group, roles.PlaceholderText)
            if contrast(placeholder, base) >= 3.0:
                continue
            text = QColor(palette.color(group, roles.Text))
            text.setAlphaF(0.65)
            palette.setColor(group, roles.PlaceholderText, text)
            app.setPalette(palette)  # sends a palette change: then nothing is left to mend


def contrast(foreground: QColor, background: QColor) -> float:
    """The WCAG contrast ratio of ``foreground`` (blended by its alpha) on ``background``."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    def luminance(color: QColor) -> float:
        red, green, blue = (channel(c) for c in (color.redF(), color.greenF(), color.blueF()))
        return 0.2126 * red + 0.7152 * green + 0.0722 * blue

    alpha = foreground.alphaF()
    blended = QColor.fromRgbF(
        *(
            alpha * f + (1 - alpha) * b
            for f, b in zip(
                (foreground.redF(), foreground.greenF(), foreground.blueF()),
                (background.redF(), background.greenF(), background.blueF()),
                strict=True,
            )
        )
    )
    light, dark = sorted((luminance(blended), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def install_qt_translations(app: QApplication, language: str) -> None:
    """Qt's own texts (message box buttons, the file and print dialogs) in ``language``.

    RoleFit's texts come from its gettext catalog (rolefit.i18n); Qt's come with Qt.
    """
    if language == "en":
        return
    from PySide6.QtCore import QLibraryInfo, QTranslator

    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(f"qtbase_{language}", folder):
        app.installTranslator(translator)


def style_sheet(system_font: QFont) -> str:
    """resources/style.qss, its ``font-size: N em`` turned into sizes of ``system_font``."""
    text = (installed_folder("rolefit.resources") / "style.qss").read_text("utf-8")
    points = system_font.pointSizeF()

    def size(found: re.Match[str]) -> str:
        em = float(found[1])
        if points > 0:
            return f"font-size: {em * points:.1f}pt"
        return f"font-size: {round(em * system_font.pixelSize())}px"  # a font set in pixels

    return re.sub(r"font-size:\s*([0-9.]+)em", size, text)


def build_window(
    bank_path: Path | None, data: Path | None, open_file: Path | None = None
) -> tuple[MainWindow, Shell]:
    """The window, and the shell that loads the bank and store into it (``shell.load``)."""
    window = MainWindow()
    return window, Shell(window, bank_path, data, open_file=open_file)


def run(
    bank_path: Path | None = None, data: Path | None = None, open_file: Path | None = None
) -> int:
    app = create_application()
    install_qt_translations(app, install())  # the reader's language, before any text
    window, shell = build_window(bank_path, data, open_file)
    shell.load_after_first_paint()  # the window paints first; the bank is read after
    window.show()
    return app.exec()
