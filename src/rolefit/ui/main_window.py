"""The main window. Until the quiz pages exist it says which bank is loaded, or why none is."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QPlainTextEdit, QVBoxLayout, QWidget

from rolefit.bank import Bank


class MainWindow(QMainWindow):
    def __init__(self, bank: Bank | None, problems: list[str]) -> None:
        super().__init__()
        self.setWindowTitle("RoleFit")
        self.resize(720, 480)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        if bank is not None:
            self.status = QLabel(
                f"<h2>{bank.title}</h2><p>Question bank <b>{bank.id}</b> version "
                f"{bank.version}: {len(bank.items)} questions "
                f"({len(bank.forms.get('short', ()))} in the short form).</p>"
            )
        else:
            # Never start a quiz on a broken bank: show what is wrong, where.
            self.status = QLabel("<h2>The question bank could not be loaded</h2>")
            self.problems_view = QPlainTextEdit("\n".join(problems))
            self.problems_view.setReadOnly(True)
            self.problems_view.setAccessibleName("Problems in the question bank")
            layout.addWidget(self.problems_view)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.insertWidget(0, self.status)
        self.setCentralWidget(central)
