"""Welcome: what RoleFit does, the roles, the form choice, an optional name, privacy."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from rolefit.bank import BankOutline
from rolefit.ui.parts import scrolling_page


class WelcomePage(QWidget):
    start_requested = Signal(str, str)  # form, name
    resume_requested = Signal()
    discard_requested = Signal()

    def __init__(self, bank: BankOutline, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePage")
        layout = scrolling_page(self, "About RoleFit", margins=(40, 32), spacing=14)

        title = QLabel("Which management role fits you?")
        title.setObjectName("pageTitle")
        title.setWordWrap(True)
        layout.addWidget(title)
        intro = QLabel(
            "RoleFit asks how much you would enjoy the everyday work of three management roles. "
            "It then shows which role fits you best, how sure that is, and which of your "
            "answers pointed where."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        # Plain labels, so the bank's text needs no escaping: the role in bold, then its gist.
        roles = QFormLayout()
        for role in bank.roles:
            title = QLabel(f"{role.title}:")
            title.setObjectName("roleTitle")
            gist = QLabel(_first_sentence(role.description))
            gist.setWordWrap(True)
            roles.addRow(title, gist)
        layout.addLayout(roles)

        # The offer to resume is built only when there is something to resume.
        self._layout = layout
        self._resume_at = layout.count()
        self.resume_box: QFrame | None = None

        name_row = QHBoxLayout()
        name_label = QLabel("Your &name, for the printout (optional):")
        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName("Your name, for the printout (optional)")
        self.name_edit.setPlaceholderText("Leave empty to print without a name")
        name_label.setBuddy(self.name_edit)
        name_row.addWidget(name_label)
        name_row.addWidget(self.name_edit, 1)
        layout.addLayout(name_row)

        full = bank.forms["full"]
        self.full_button = QPushButton(
            f"Start the full questionnaire\n{full.items} questions, about {full.minutes} minutes"
        )
        self.full_button.setObjectName("primaryButton")
        self.full_button.setAccessibleName("Start the full questionnaire")
        self.full_button.setDefault(True)
        self.full_button.setAutoDefault(True)
        layout.addWidget(self.full_button)
        short = bank.forms.get("short")
        if short is not None:
            self.short_button: QPushButton | None = QPushButton(
                f"Take the short version\n{short.items} questions, about {short.minutes} "
                "minutes: a first look"
            )
            self.short_button.setAccessibleName("Take the short version")
            layout.addWidget(self.short_button)
            self.short_button.clicked.connect(lambda: self._start("short"))
        else:
            self.short_button = None

        privacy = QLabel(
            "<b>Private by design.</b> Your answers stay on this computer: RoleFit does not use "
            "the internet. Your progress is saved as you go, so you can stop and come back."
        )
        privacy.setWordWrap(True)
        layout.addWidget(privacy)
        help_note = QLabel(
            "Keyboard: Return starts, keys 1\u20135 answer, Backspace goes back. "
            "Press F1 for all keys."
        )
        help_note.setObjectName("hint")
        help_note.setWordWrap(True)
        layout.addWidget(help_note)
        layout.addStretch(1)

        self.full_button.clicked.connect(lambda: self._start("full"))
        # The keyboard contract: Return starts the full form (or presses a focused button).
        # The shortcuts are the page's, so they are live only while the page is shown.
        for key in ("Return", "Enter"):
            QShortcut(QKeySequence(key), self).activated.connect(self._return_pressed)
        self._set_tab_order()

    def _set_tab_order(self, resume: list[QWidget] | None = None) -> None:
        """Tab follows reading order: the resume offer (if any), name, then the two forms."""
        chain = list(resume or [])
        chain.append(self.name_edit)
        chain.append(self.full_button)
        if self.short_button is not None:
            chain.append(self.short_button)
        for first, second in pairwise(chain):
            self.setTabOrder(first, second)

    def _return_pressed(self) -> None:
        focused = self.focusWidget()
        if isinstance(focused, QPushButton) and focused is not self.full_button:
            focused.click()
        else:
            self._start("full")

    def _start(self, form: str) -> None:
        self.start_requested.emit(form, self.name_edit.text().strip())

    def show_resume(self, text: str | None) -> None:
        """Offer to resume an unfinished session (text describes it), or hide the offer."""
        if text is None:
            if self.resume_box is not None:
                self.resume_box.hide()
            return
        if self.resume_box is None:
            self.resume_box = self._build_resume_box()
        self.resume_label.setText(text)
        self.resume_box.show()

    def _build_resume_box(self) -> QFrame:
        box = QFrame()
        box.setObjectName("resumeBox")
        box.setFrameShape(QFrame.Shape.StyledPanel)
        resume_layout = QHBoxLayout(box)
        self.resume_label = QLabel()
        self.resume_label.setWordWrap(True)
        resume_layout.addWidget(self.resume_label, 1)
        self.resume_button = QPushButton("&Resume")
        self.resume_button.setAccessibleName("Resume the unfinished questionnaire")
        self.discard_button = QPushButton("&Discard\u2026")
        self.discard_button.setAccessibleName("Discard the unfinished questionnaire")
        resume_layout.addWidget(self.resume_button)
        resume_layout.addWidget(self.discard_button)
        self._layout.insertWidget(self._resume_at, box)
        self.resume_button.clicked.connect(self.resume_requested)
        self.discard_button.clicked.connect(self.discard_requested)
        self._set_tab_order(resume=[self.resume_button, self.discard_button])
        return box


def _first_sentence(text: str) -> str:
    end = text.find(". ")
    return text if end < 0 else text[: end + 1]
