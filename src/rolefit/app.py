"""Builds the QApplication and the window, and composes them; nothing else."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from rolefit.i18n import install
from rolefit.paths import installed_folder
from rolefit.ui.main_window import MainWindow
from rolefit.ui.palette import readable_placeholder
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
    readable_placeholder(app)
    return app


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
