"""The small dialogs interface controllers use: warnings, questions, file paths, status.

Controllers receive a ``Dialogs`` and never build a message box themselves, so a test
gives them a scripted one (tests/ui/fakes.py) and checks what was asked and said.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from rolefit.i18n import _


class Dialogs(Protocol):
    def warn(self, title: str, text: str) -> None:
        """Say that something went wrong, and what to do."""

    def inform(self, title: str, text: str) -> None:
        """Show text the person asked for (keyboard help, about)."""

    def ask(
        self, title: str, text: str, choices: list[str], default: int, escape: int | None = None
    ) -> int:
        """Ask ``title`` (the question itself), ``text`` saying what each choice does; the
        index of the choice made.

        ``default`` is the choice Return presses, always the safe one; ``escape`` the one
        Escape or closing the box makes (the default unless given). Every way out is one of
        the ``choices``, so there is no Cancel beside them to wonder about.
        """

    def save_path(self, title: str, suggested_name: str, kinds: str) -> Path | None:
        """Where to save a new file; None if the person cancels."""

    def open_path(self, title: str, kinds: str) -> Path | None:
        """Which file to open; None if the person cancels."""

    def passcode(self, title: str, text: str) -> str | None:
        """The workspace's passcode, typed hidden; None if the person cancels."""

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

        _message_box(self._parent, QMessageBox.Icon.Warning, title, text).exec()

    def inform(self, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=self._parent)
        box.exec()

    def ask(
        self, title: str, text: str, choices: list[str], default: int, escape: int | None = None
    ) -> int:
        from PySide6.QtWidgets import QMessageBox

        box = _message_box(self._parent, QMessageBox.Icon.Question, title, text)
        buttons = [box.addButton(choice, QMessageBox.ButtonRole.ActionRole) for choice in choices]
        box.setDefaultButton(buttons[default])
        box.setEscapeButton(buttons[default if escape is None else escape])
        box.exec()
        clicked = box.clickedButton()
        return buttons.index(clicked) if clicked in buttons else default

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

        dialog = self._file_dialog(title, str(self._start_folder() / suggested_name), kinds)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        # "summary" typed without an ending is saved as summary.pdf, as suggested.
        dialog.setDefaultSuffix(Path(suggested_name).suffix.lstrip("."))
        return self._chosen(dialog)

    def open_path(self, title: str, kinds: str) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        dialog = self._file_dialog(title, str(self._start_folder()), kinds)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        return self._chosen(dialog)

    def _file_dialog(self, title: str, start: str, kinds: str) -> QFileDialog:
        """A file dialog over the window, nearly its size: Qt's own dialog (where the
        platform has none) opens small, with long file names cut off."""
        from PySide6.QtCore import QSize
        from PySide6.QtWidgets import QFileDialog

        dialog = QFileDialog(self._parent, title, start, kinds)
        window = self._parent.window()
        wanted = QSize(max(720, window.width() * 9 // 10), max(480, window.height() * 9 // 10))
        screen = window.screen()
        if screen is not None:
            wanted = wanted.boundedTo(screen.availableGeometry().size())
        dialog.resize(wanted)
        return dialog

    def _chosen(self, dialog: QFileDialog) -> Path | None:
        if not dialog.exec() or not dialog.selectedFiles():  # not Accepted (1)
            return None
        return self._remember(dialog.selectedFiles()[0])

    def _remember(self, chosen: str) -> Path | None:
        if not chosen:
            return None
        path = Path(chosen)
        self._folder = path.parent
        return path

    def passcode(self, title: str, text: str) -> str | None:
        from PySide6.QtWidgets import QInputDialog, QLineEdit

        dialog = QInputDialog(self._parent)
        dialog.setWindowTitle(title)
        dialog.setLabelText(text)
        dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
        for field in dialog.findChildren(QLineEdit):
            field.setAccessibleName(_("Passcode"))
        if not dialog.exec():
            return None
        return dialog.textValue()

    def status(self, text: str) -> None:
        if self._status is not None:
            self._status.showMessage(text, 8000)

    def run(self, dialog: QDialog) -> int:
        return dialog.exec()


def _message_box(parent: QWidget, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    """A message box that says ``title`` as its headline and ``text`` below it.

    The headline is the box's main text, in bold, not only its window title: some
    platforms show no title on a message box, and a window manager may cut it short. Both
    are shown as written: they may quote a name or a file, never markup to render.
    """
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel, QMessageBox

    box = QMessageBox(icon, title, title, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setInformativeText(text)
    # The headline in bold (a style rule: QMessageBox sets its labels' fonts when shown).
    box.setStyleSheet("QLabel#qt_msgbox_label { font-weight: bold; }")
    # Lines of a readable length: QMessageBox on its own wraps a sentence into a narrow
    # column of short lines.
    width = box.fontMetrics().averageCharWidth() * 52
    if parent is not None and parent.window().width() > 0:
        width = min(width, parent.window().width() * 8 // 10)
    for label in box.findChildren(QLabel):
        label.setTextFormat(Qt.TextFormat.PlainText)  # the informative text's label too
        if label.objectName() == "qt_msgbox_informativelabel":
            label.setMinimumWidth(width)
    return box


class _StatusBar(Protocol):
    def showMessage(self, text: str, timeout: int = ...) -> None: ...  # noqa: N802 - Qt's


def answers_file_kinds() -> str:
    return _("RoleFit answers (*.json);;All files (*)")


def pdf_kinds() -> str:
    return _("PDF (*.pdf)")
