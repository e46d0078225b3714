"""Builds the QApplication and composes the window; nothing else."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from rolefit.bank import Bank, BankError, load_bank, load_default_bank
from rolefit.ui.main_window import MainWindow


def load_bank_or_problems(bank_path: Path | None) -> tuple[Bank | None, list[str]]:
    try:
        bank = load_default_bank() if bank_path is None else load_bank(bank_path)
    except BankError as error:
        return None, error.lines()
    return bank, []


def run(bank_path: Path | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("RoleFit")
    app.setOrganizationName("RoleFit")
    bank, problems = load_bank_or_problems(bank_path)
    window = MainWindow(bank, problems)
    window.show()
    return app.exec()
