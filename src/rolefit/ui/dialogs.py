"""The small dialogs interface controllers use: warnings, questions, file paths, status.

Controllers receive a ``Dialogs`` and never build a message box themselves, so a test
gives them a scripted one (tests/ui/fakes.py) and checks what was asked and said.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from rolefit.i18n import _


class Dialogs(Protocol):
    def warn(self, title: str, text: str) -> None:
        """Say that something went wrong, and what to do."""

    def inform(self, title: str, text: str) -> None:
        """Show text the person asked for (keyboard help, about)."""

    def ask(self, title: str, text: str, choices: list[str], default: int) -> int | None:
        """Ask a question with ``choices`` (button texts); the index chosen, None if cancelled.

        ``default`` is the button Return presses: always the safe one.
        """

    def save_path(self, title: str, suggested_name: str, kinds: str) -> Path | None:
        """Where to save a new file; None if the person cancels."""

    def open_path(self, title: str, kinds: str) -> Path | None:
        """Which file to open; None if the person cancels."""

    def status(self, text: str) -> None:
        """A passing message in the status bar."""

    def run(self, dialog: QDialog) -> int:
        """Run a dialog RoleFit built (the print preview) and return its result."""


class WindowDialogs:
    """The real dialogs, over ``parent``. File dialogs open in the documents folder first,
    then in the folder used last."""

    def __init__(self, parent: QWidget, status: _StatusBar | None = None) -> None:
        self._parent = parent
        self._status = status
        self._folder: Path | None = None

    def warn(self, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=self._parent)
        _plain(box)
        box.exec()

    def inform(self, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=self._parent)
        box.exec()

    def ask(self, title: str, text: str, choices: list[str], default: int) -> int | None:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self._parent)
        _plain(box)
        buttons = [box.addButton(choice, QMessageBox.ButtonRole.ActionRole) for choice in choices]
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(buttons[default])
        box.setEscapeButton(cancel)
        box.exec()
        clicked = box.clickedButton()
        return buttons.index(clicked) if clicked in buttons else None

    def _start_folder(self) -> Path:
        if self._folder is not None and self._folder.is_dir():
            return self._folder
        from PySide6.QtCore import QStandardPaths

        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        return Path(documents) if documents else Path.home()

    def save_path(self, title: str, suggested_name: str, kinds: str) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        start = str(self._start_folder() / suggested_name)
        chosen, _filter = QFileDialog.getSaveFileName(self._parent, title, start, kinds)
        return self._remember(chosen)

    def open_path(self, title: str, kinds: str) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        chosen, _filter = QFileDialog.getOpenFileName(
            self._parent, title, str(self._start_folder()), kinds
        )
        return self._remember(chosen)

    def _remember(self, chosen: str) -> Path | None:
        if not chosen:
            return None
        path = Path(chosen)
        self._folder = path.parent
        return path

    def status(self, text: str) -> None:
        if self._status is not None:
            self._status.showMessage(text, 8000)

    def run(self, dialog: QDialog) -> int:
        return dialog.exec()


def _plain(box: QMessageBox) -> None:
    """Show a message as written: it may quote a name or a file, never markup to render."""
    from PySide6.QtCore import Qt

    box.setTextFormat(Qt.TextFormat.PlainText)


class _StatusBar(Protocol):
    def showMessage(self, text: str, timeout: int = ...) -> None: ...  # noqa: N802 - Qt's


def answers_file_kinds() -> str:
    return _("RoleFit answers (*.json);;All files (*)")


def pdf_kinds() -> str:
    return _("PDF (*.pdf)")
