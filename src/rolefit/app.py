"""Builds the QApplication and composes the objects; nothing else."""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

from rolefit.bank import Bank, BankError, load_bank, load_default_bank
from rolefit.paths import data_dir
from rolefit.store import open_store
from rolefit.ui.controller import QuizController, estimated_minutes
from rolefit.ui.main_window import BankProblemsWindow, MainWindow


def load_bank_or_problems(bank_path: Path | None) -> tuple[Bank | None, list[str]]:
    try:
        bank = load_default_bank() if bank_path is None else load_bank(bank_path)
    except BankError as error:
        return None, error.lines()
    return bank, []


def create_application() -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("RoleFit")
    app.setOrganizationName("RoleFit")
    app.setApplicationDisplayName("RoleFit")
    app.setStyle("Fusion")  # follows the system palette (light or dark) on every platform
    app.setStyleSheet(resources.files("rolefit.resources").joinpath("style.qss").read_text("utf-8"))
    return app


def build_window(
    bank_path: Path | None, data: Path | None
) -> tuple[QMainWindow, QuizController | None]:
    """The window for a bank (or its problems) and the controller driving it."""
    bank, problems = load_bank_or_problems(bank_path)
    if bank is None:
        return BankProblemsWindow(problems), None
    opened = open_store(data_dir(data))
    minutes = {name: estimated_minutes(bank.form_items(name)) for name in bank.forms}
    window = MainWindow(bank, minutes)
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
