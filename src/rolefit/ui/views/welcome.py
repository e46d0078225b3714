"""Welcome: what RoleFit does, the roles, unfinished questionnaires, the form, privacy.

The page is shown before the question bank is read (the window paints first), so it
starts with what needs no bank and fills in the roles and the forms when the bank is
ready, or shows the bank's problems. Texts from the bank or from a person are shown as
plain text, never as markup.
"""

from __future__ import annotations

from itertools import pairwise
from typing import NamedTuple

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rolefit.i18n import _
from rolefit.ui.parts import plain_label, scrolling_page


class RoleLine(NamedTuple):
    title: str
    gist: str


class FormButton(NamedTuple):
    form: str
    items: int
    minutes: int


class UnfinishedLine(NamedTuple):
    session_id: int
    text: str  # what it is: "full questionnaire from 20 Nov 2026 14:03, 5 of 56 answered"
    discard_text: str  # what the Discard button is called for a screen reader


class WelcomePage(QWidget):
    start_requested = Signal(str, str)  # form, name
    resume_requested = Signal(object)  # session id
    discard_requested = Signal(object)  # session id
    bring_forward_requested = Signal()  # another RoleFit has the folder: show that one
    close_requested = Signal()
    workspace_requested = Signal()  # the counsellor's workspace (asks for its passcode)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePage")
        layout = scrolling_page(self, _("About RoleFit"), margins=(40, 32), spacing=14)
        self._layout = layout

        title = QLabel(_("Which management role fits you?"))
        title.setObjectName("pageTitle")
        title.setWordWrap(True)
        layout.addWidget(title)
        intro = QLabel(
            _(
                "RoleFit asks how much you would enjoy the everyday work of three management "
                "roles. It then shows which role fits you best, how sure that is, and which of "
                "your answers pointed where."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        # Filled in when the bank is ready: its roles, or its problems.
        self.status = QLabel(_("Loading the questions\u2026"))
        self.status.setObjectName("hint")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        # What is filled in later goes into places made now, so the order of the widgets
        # (which a screen reader reads) stays the order on screen.
        self._roles_host = QWidget()
        self._roles_layout = QVBoxLayout(self._roles_host)
        self._roles_layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._roles_host)
        self.problems_view: QWidget | None = None

        # Unfinished questionnaires are listed here when there are any.
        self._unfinished_host = QWidget()
        self._unfinished_layout = QVBoxLayout(self._unfinished_host)
        self._unfinished_layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._unfinished_host)
        self.unfinished_box: QFrame | None = None
        self.resume_buttons: list[QPushButton] = []
        self.discard_buttons: list[QPushButton] = []
        self._unfinished_ids: list[int] = []

        # What starts a questionnaire: hidden where none can be taken here.
        self._start_host = QWidget()
        start_layout = QVBoxLayout(self._start_host)
        start_layout.setContentsMargins(0, 0, 0, 0)
        start_layout.setSpacing(layout.spacing())
        name_row = QHBoxLayout()
        name_label = QLabel(_("Your &name, for the printout (optional):"))
        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName(_("Your name, for the printout (optional)"))
        self.name_edit.setPlaceholderText(_("Leave empty to print without a name"))
        self.name_edit.setMaxLength(200)
        name_label.setBuddy(self.name_edit)
        name_row.addWidget(name_label)
        name_row.addWidget(self.name_edit, 1)
        start_layout.addLayout(name_row)

        self.full_button = QPushButton(_("&Start the full questionnaire"))
        self.full_button.setObjectName("primaryButton")
        self.full_button.setAccessibleName(_("Start the full questionnaire"))
        self.full_button.setEnabled(False)
        start_layout.addWidget(self.full_button)
        self.short_button = QPushButton(_("Take the short &version"))
        self.short_button.setAccessibleName(_("Take the short version"))
        self.short_button.setEnabled(False)
        self.short_button.hide()
        start_layout.addWidget(self.short_button)
        layout.addWidget(self._start_host)
        # Where RoleFit is already open on this folder: ways on instead (made when needed).
        self.bring_button: QPushButton | None = None
        self.close_button: QPushButton | None = None

        privacy = QLabel(
            "<b>{}</b> {}".format(
                _("Private by design."),
                _(
                    "Your answers stay on this computer: RoleFit does not use the internet. "
                    "Your progress is saved as you go, so you can stop and come back."
                ),
            )
        )
        privacy.setWordWrap(True)
        layout.addWidget(privacy)
        help_note = QLabel(
            _(
                "Keyboard: Return starts (or resumes), keys 1\u2013{last} answer, Backspace "
                "goes back. Press F1 for all keys."
            ).format(last=5)
        )
        help_note.setObjectName("hint")
        help_note.setWordWrap(True)
        self.help_note = help_note
        layout.addWidget(help_note)
        layout.addStretch(1)
        # For a career counsellor: their clients' records, behind a passcode.
        workspace_row = QHBoxLayout()
        self.workspace_button = QPushButton(_("C&ounsellor workspace\u2026"))
        self.workspace_button.setAccessibleName(_("Counsellor workspace (asks for a passcode)"))
        self.workspace_button.setAutoDefault(False)
        workspace_row.addStretch(1)
        workspace_row.addWidget(self.workspace_button)
        layout.addLayout(workspace_row)
        self.workspace_button.clicked.connect(self.workspace_requested)

        self.full_button.clicked.connect(lambda: self._start("full"))
        self.short_button.clicked.connect(lambda: self._start("short"))
        # Return presses the focused button, else the page's default: resume the newest
        # unfinished questionnaire if there is one, else start the full form. The shortcuts
        # are the page's, so they are live only while it is shown.
        for key in ("Return", "Enter"):
            QShortcut(QKeySequence(key), self).activated.connect(self._return_pressed)
        self._set_tab_order()

    # -- filled in when the bank is ready ------------------------------------------------------

    def show_bank(self, roles: list[RoleLine], forms: list[FormButton], scale_points: int) -> None:
        """The bank's roles and forms: Start is enabled from now on."""
        from PySide6.QtCore import Qt

        self.status.hide()
        box = QFormLayout()
        box.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for role in roles:
            title = plain_label(_("{role}:").format(role=role.title))
            title.setObjectName("roleTitle")
            gist = plain_label(role.gist)
            gist.setWordWrap(True)
            title.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            box.addRow(title, gist)
        self._roles_layout.addLayout(box)
        for form in forms:
            button = self.full_button if form.form == "full" else self.short_button
            if form.form == "full":
                text = _(
                    "&Start the full questionnaire\n{items} questions, about {minutes} minutes"
                )
            elif form.form == "short":
                text = _(
                    "Take the short &version\n{items} questions, about {minutes} minutes: "
                    "a first look"
                )
            else:
                continue
            button.setText(text.format(items=form.items, minutes=form.minutes))
            button.setEnabled(True)
            button.show()
        self.help_note.setText(
            _(
                "Keyboard: Return starts (or resumes), keys 1\u2013{last} answer, Backspace "
                "goes back. Press F1 for all keys."
            ).format(last=scale_points)
        )
        self._set_tab_order()

    def show_unavailable(self, text: str) -> None:
        """Another RoleFit has this folder (``text`` says so): no questionnaire can be taken
        here, so the page offers only to bring that one forward or to close this one."""
        from PySide6.QtWidgets import QSizePolicy

        self._warn(text)
        self.bring_button = QPushButton(_("&Bring the other RoleFit forward"))
        self.bring_button.setObjectName("primaryButton")
        self.bring_button.setAccessibleName(_("Bring the other RoleFit forward"))
        self.close_button = QPushButton(_("&Close this window"))
        self.close_button.setAccessibleName(_("Close this window"))
        row = QHBoxLayout()
        for button in (self.bring_button, self.close_button):
            button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
            row.addWidget(button)
        row.addStretch(1)
        self._roles_layout.addLayout(row)
        self.bring_button.setDefault(True)
        self.bring_button.clicked.connect(self.bring_forward_requested)
        self.close_button.clicked.connect(self.close_requested)
        self.setTabOrder(self.bring_button, self.close_button)
        for button in (self.bring_button, self.close_button):
            button.show()  # now, not on the next turn: only a shown widget takes the focus
        self.bring_button.setFocus()

    def _warn(self, text: str) -> None:
        """Say why no questionnaire can be taken here, and hide what would start one."""
        self.status.setText(text)
        self.status.setObjectName("warning")
        self.status.setStyle(self.status.style())  # apply the warning style
        self.status.show()
        self.full_button.setEnabled(False)
        self.short_button.setEnabled(False)
        self._start_host.hide()
        self.help_note.hide()
        self.workspace_button.hide()

    def show_problems(self, heading: str, lines: list[str]) -> None:
        """The bank cannot be used: say why, located, and keep Start disabled."""
        from PySide6.QtWidgets import QPlainTextEdit

        self._warn(heading)
        view = QPlainTextEdit("\n".join(lines))
        view.setReadOnly(True)
        view.setAccessibleName(_("Problems in the question bank"))
        view.setMinimumHeight(view.fontMetrics().height() * min(12, max(3, len(lines) + 1)))
        self._roles_layout.addWidget(view)
        self.problems_view = view
        view.setFocus()  # read first: a screen reader starts at the problems

    # -- unfinished questionnaires -----------------------------------------------------------

    def show_unfinished(self, lines: list[UnfinishedLine]) -> None:
        """List the unfinished questionnaires, newest first, each with Resume and Discard."""
        if self.unfinished_box is not None:
            self._unfinished_layout.removeWidget(self.unfinished_box)
            self.unfinished_box.deleteLater()
            self.unfinished_box = None
        self.resume_buttons, self.discard_buttons = [], []
        self._unfinished_ids = [line.session_id for line in lines]
        if lines:
            self.unfinished_box = self._build_unfinished(lines)
            self._unfinished_layout.addWidget(self.unfinished_box)
        self.full_button.setDefault(not lines)
        if self.resume_buttons:
            self.resume_buttons[0].setDefault(True)
        self._set_tab_order()

    def _build_unfinished(self, lines: list[UnfinishedLine]) -> QFrame:
        box = QFrame()
        box.setObjectName("resumeBox")
        box.setFrameShape(QFrame.Shape.StyledPanel)
        rows = QVBoxLayout(box)
        heading = QLabel(
            _("You have an unfinished questionnaire:")
            if len(lines) == 1
            else _("You have {count} unfinished questionnaires:").format(count=len(lines))
        )
        heading.setWordWrap(True)
        rows.addWidget(heading)
        for n, line in enumerate(lines):
            row = QHBoxLayout()
            label = plain_label(line.text)
            label.setWordWrap(True)
            row.addWidget(label, 1)
            # Only the first row gets mnemonics: no two controls on a page share one.
            resume = QPushButton(_("&Resume") if n == 0 else _("Resume"))
            resume.setAccessibleName(_("Resume: {what}").format(what=line.text))
            discard = QPushButton(_("&Discard\u2026") if n == 0 else _("Discard\u2026"))
            discard.setAccessibleName(line.discard_text)
            row.addWidget(resume)
            row.addWidget(discard)
            rows.addLayout(row)
            resume.clicked.connect(
                lambda _=False, sid=line.session_id: self.resume_requested.emit(sid)
            )
            discard.clicked.connect(
                lambda _=False, sid=line.session_id: self.discard_requested.emit(sid)
            )
            self.resume_buttons.append(resume)
            self.discard_buttons.append(discard)
        return box

    # -- keyboard -------------------------------------------------------------------------------

    def focus_default(self) -> None:
        """Focus what Return would press: Resume when something is unfinished, else Start."""
        if self.bring_button is not None:
            self.bring_button.setFocus()
        elif self.problems_view is not None:
            self.problems_view.setFocus()
        elif self.resume_buttons:
            self.resume_buttons[0].setFocus()
        else:
            self.full_button.setFocus()

    def _set_tab_order(self) -> None:
        """Tab follows reading order: unfinished questionnaires, name, then the forms."""
        chain: list[QWidget] = []
        for resume, discard in zip(self.resume_buttons, self.discard_buttons, strict=True):
            chain += [resume, discard]
        chain += [self.name_edit, self.full_button, self.short_button, self.workspace_button]
        for first, second in pairwise(chain):
            self.setTabOrder(first, second)

    def _return_pressed(self) -> None:
        focused = self.focusWidget()
        if isinstance(focused, QPushButton) and focused.isEnabled():
            focused.click()
        elif self._unfinished_ids:
            self.resume_requested.emit(self._unfinished_ids[0])
        elif self.full_button.isEnabled():
            self._start("full")

    def _start(self, form: str) -> None:
        self.start_requested.emit(form, self.name_edit.text().strip())
