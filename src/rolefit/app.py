"""Builds the QApplication and composes the objects; nothing else."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QMainWindow

from rolefit.bank import DEFAULT_BANK_NAME, BankError, ValidBank, default_bank_path
from rolefit.bank.cache import load_bank_cached
from rolefit.paths import cache_dir, data_dir, installed_folder
from rolefit.store import open_store
from rolefit.ui.controller import QuizController
from rolefit.ui.main_window import BankProblemsWindow, MainWindow


def load_bank_or_problems(
    bank_path: Path | None, cache: Path | None = None
) -> tuple[ValidBank | None, list[str]]:
    """The bank (from ``cache`` when it was validated before), or its problems."""
    try:
        if bank_path is None:
            bank = load_bank_cached(default_bank_path(), cache, DEFAULT_BANK_NAME)
        else:
            bank = load_bank_cached(bank_path, cache)
    except BankError as error:
        return None, error.lines()
    return bank, []


def create_application() -> QApplication:
    # Fusion follows the system palette (light or dark) on every platform. Asked for on the
    # command line, Qt creates it without handing a QStyle to Python, which would build the
    # Python view of QStyle's many enums (7 ms of start-up, see docs/performance.md).
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
        app.setStyle("Fusion")
    else:
        app = QApplication([*sys.argv[:1], "-style", "Fusion"])
    app.setApplicationName("RoleFit")
    app.setOrganizationName("RoleFit")
    app.setApplicationDisplayName("RoleFit")
    app.setStyleSheet(style_sheet(app.font()))
    return app


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
    bank_path: Path | None, data: Path | None
) -> tuple[QMainWindow, QuizController | None]:
    """The window for a bank (or its problems) and the controller driving it."""
    bank, problems = load_bank_or_problems(bank_path, cache_dir(data))
    if bank is None:
        return BankProblemsWindow(problems), None
    opened = open_store(data_dir(data))
    window = MainWindow(bank)
    controller = QuizController(window, bank, opened.store)
    controller.show_welcome()
    if opened.problem is not None:
        kept = f"\n\nThe old file was kept as:\n{opened.moved_to}" if opened.moved_to else ""
        # After the window is shown, so the message has a parent on screen.
        QTimer.singleShot(
            0,
            lambda: window.warn(
                "Saved questionnaires could not be read",
                f"RoleFit could not read its saved questionnaires ({opened.problem}). It has "
                f"started a new, empty store, so you can go on.{kept}",
            ),
        )
    return window, controller


def run(bank_path: Path | None = None, data: Path | None = None) -> int:
    app = create_application()
    window, _controller = build_window(bank_path, data)
    window.show()
    return app.exec()
