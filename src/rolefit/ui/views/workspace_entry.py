"""The door of the counsellor workspace: create it, or unlock it with the passcode.

The same page is the lock screen: while the workspace is locked it is the only thing of
the workspace in the window. Passcodes are typed hidden and never shown back.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from rolefit.i18n import _
from rolefit.ui.parts import plain_label, scrolling_page


def passcode_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(name)
    field.setMaxLength(1024)
    return field


class EntryPage(QWidget):
    create_requested = Signal(str, str, str)  # passcode, the passcode again, counsellor
    unlock_requested = Signal(str)  # passcode
    leave_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workspaceEntryPage")
        layout = scrolling_page(self, _("Counsellor workspace"), margins=(40, 32), spacing=14)
        self.title = plain_label()
        self.title.setObjectName("pageTitle")
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.explanation = plain_label()
        self.explanation.setWordWrap(True)
        layout.addWidget(self.explanation)

        form = QFormLayout()
        self.passcode = passcode_field(_("Passcode"))
        self._passcode_label = QLabel(_("&Passcode:"))
        self._passcode_label.setBuddy(self.passcode)
        form.addRow(self._passcode_label, self.passcode)
        self.again = passcode_field(_("The passcode again"))
        self._again_label = QLabel(_("Passcode &again:"))
        self._again_label.setBuddy(self.again)
        form.addRow(self._again_label, self.again)
        self.counsellor = QLineEdit()
        self.counsellor.setAccessibleName(_("Your name, printed on the summaries"))
        self.counsellor.setMaxLength(200)
        self._counsellor_label = QLabel(_("Your &name (printed on summaries):"))
        self._counsellor_label.setBuddy(self.counsellor)
        form.addRow(self._counsellor_label, self.counsellor)
        layout.addLayout(form)

        self.message = plain_label()
        self.message.setObjectName("warning")
        self.message.setWordWrap(True)
        self.message.setAccessibleName(_("What happened"))
        self.message.hide()
        layout.addWidget(self.message)

        row = QHBoxLayout()
        self.create_button = QPushButton(_("&Create the workspace"))
        self.create_button.setObjectName("primaryButton")
        self.create_button.setAccessibleName(_("Create the workspace"))
        self.unlock_button = QPushButton(_("&Unlock"))
        self.unlock_button.setObjectName("primaryButton")
        self.unlock_button.setAccessibleName(_("Unlock the workspace"))
        self.leave_button = QPushButton(_("&Leave, back to the questionnaire"))
        self.leave_button.setAccessibleName(_("Leave the workspace, back to the questionnaire"))
        for button in (self.create_button, self.unlock_button, self.leave_button):
            button.setAutoDefault(False)
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)

        self.create_button.clicked.connect(self._create)
        self.unlock_button.clicked.connect(self._unlock)
        self.leave_button.clicked.connect(self.leave_requested)
        self.passcode.returnPressed.connect(self._return_pressed)
        self.again.returnPressed.connect(self._return_pressed)
        self.counsellor.returnPressed.connect(self._return_pressed)
        self._creating = False

    def show_create(self, folder: str) -> None:
        """Ask for a new passcode, twice, and the counsellor's name."""
        self._creating = True
        self.title.setText(_("Create the counsellor workspace"))
        self.explanation.setText(
            _(
                "The workspace keeps your clients and their sessions in {folder}, encrypted "
                "with a passcode of at least 8 characters. A forgotten passcode cannot be "
                "recovered: nobody, RoleFit's authors included, can open the workspace "
                "without it. Choose one you can remember, and make backups."
            ).format(folder=folder)
        )
        for widget in (self._again_label, self.again, self._counsellor_label, self.counsellor):
            widget.show()
        self.create_button.show()
        self.unlock_button.hide()
        self.clear()
        self.passcode.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_unlock(self, locked: bool) -> None:
        """Ask for the passcode of the workspace (``locked``: it was open, and locked)."""
        self._creating = False
        self.title.setText(
            _("The workspace is locked") if locked else _("Open the counsellor workspace")
        )
        self.explanation.setText(_("Type the workspace's passcode to see your clients."))
        for widget in (self._again_label, self.again, self._counsellor_label, self.counsellor):
            widget.hide()
        self.create_button.hide()
        self.unlock_button.show()
        self.clear()
        self.passcode.setFocus(Qt.FocusReason.OtherFocusReason)

    def clear(self) -> None:
        """Forget what was typed (passcodes are never kept in a field)."""
        self.passcode.clear()
        self.again.clear()
        self.say("")

    def say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def set_waiting(self, waiting: bool) -> None:
        """While too many wrong passcodes make RoleFit wait, no passcode can be tried."""
        self.unlock_button.setEnabled(not waiting)
        self.passcode.setEnabled(not waiting)

    def _return_pressed(self) -> None:
        if self._creating:
            self._create()
        elif self.unlock_button.isEnabled():
            self._unlock()

    def _create(self) -> None:
        self.create_requested.emit(self.passcode.text(), self.again.text(), self.counsellor.text())

    def _unlock(self) -> None:
        self.unlock_requested.emit(self.passcode.text())
