"""The workspace's client list and one client's page: their sessions and their notes.

Lists are table views over models (rolefit.ui.workspace_models); the pages lay out and
signal what is asked, the controller decides. Names, references and notes are shown as
plain text.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from rolefit.i18n import _
from rolefit.ui.parts import plain_label


def table_view(name: str, model: QAbstractItemModel, many: bool = False) -> QTableView:
    """A read-only table of whole rows, named for screen readers."""
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(
        QAbstractItemView.SelectionMode.ExtendedSelection
        if many
        else QAbstractItemView.SelectionMode.SingleSelection
    )
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)  # Tab leaves the table, arrows move in it
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setResizeContentsPrecision(50)  # measure the first rows, not 2,000
    model.modelReset.connect(lambda: fit_columns(view))
    return view


def fit_columns(view: QTableView, widest: int = 320) -> None:
    """Columns as wide as their texts (a long question or note is cut, in full as a tooltip)."""
    view.resizeColumnsToContents()
    model = view.model()
    for column in range(model.columnCount() - 1):
        view.setColumnWidth(column, min(view.columnWidth(column), widest))


def button(text: str, name: str) -> QPushButton:
    made = QPushButton(text)
    made.setAccessibleName(name)
    made.setAutoDefault(False)
    return made


def page_layout(page: QWidget, title: str) -> tuple[QVBoxLayout, QLabel]:
    layout = QVBoxLayout(page)
    layout.setContentsMargins(24, 18, 24, 14)
    layout.setSpacing(10)
    heading = plain_label(title)
    heading.setObjectName("pageTitle")
    heading.setWordWrap(True)
    layout.addWidget(heading)
    return layout, heading


class ClientsPage(QWidget):
    """Every client: find, show archived, open, add, edit, archive, delete."""

    search_changed = Signal(str)
    archived_toggled = Signal(bool)
    open_requested = Signal()
    add_requested = Signal(str, str)  # reference, name
    save_requested = Signal(str, str)  # the selected client's new reference and name
    archive_requested = Signal()
    delete_requested = Signal()
    stats_requested = Signal()
    idle_minutes_changed = Signal(int)
    selection_changed = Signal()

    def __init__(self, model: QAbstractItemModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workspaceClientsPage")
        layout, self.heading = page_layout(self, _("Clients"))
        self.counsellor = plain_label()
        self.counsellor.setObjectName("hint")
        layout.addWidget(self.counsellor)

        find_row = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setAccessibleName(_("Find a client by name or reference"))
        self.search.setPlaceholderText(_("Part of a name or reference"))
        self.search.setClearButtonEnabled(True)
        find_label = QLabel(_("Fi&nd:"))
        find_label.setBuddy(self.search)
        self.show_archived = QCheckBox(_("Show &archived clients"))
        self.show_archived.setAccessibleName(_("Show archived clients"))
        find_row.addWidget(find_label)
        find_row.addWidget(self.search, 1)
        find_row.addWidget(self.show_archived)
        layout.addLayout(find_row)

        self.table = table_view(_("Clients"), model)
        layout.addWidget(self.table, 1)
        self.count = plain_label()
        self.count.setObjectName("hint")
        layout.addWidget(self.count)

        actions = QHBoxLayout()
        self.open_button = button(_("&Open client"), _("Open the selected client"))
        self.open_button.setObjectName("primaryButton")
        self.archive_button = button(_("Archi&ve"), _("Archive the selected client"))
        self.delete_button = button(_("&Delete client\u2026"), _("Delete the selected client"))
        self.stats_button = button(_("Bank &statistics"), _("Bank statistics"))
        for made in (self.open_button, self.archive_button, self.delete_button):
            actions.addWidget(made)
        actions.addStretch(1)
        actions.addWidget(self.stats_button)
        layout.addLayout(actions)

        form = QFormLayout()
        self.ref = QLineEdit()
        self.ref.setAccessibleName(_("Client reference"))
        self.ref.setMaxLength(64)
        self.name = QLineEdit()
        self.name.setAccessibleName(_("Client name"))
        self.name.setMaxLength(200)
        ref_label, name_label = QLabel(_("R&eference:")), QLabel(_("Na&me:"))
        ref_label.setBuddy(self.ref)
        name_label.setBuddy(self.name)
        edit_row = QHBoxLayout()
        edit_row.addWidget(self.name, 1)
        self.add_button = button(_("Add as new &client"), _("Add as a new client"))
        self.save_button = button(_("Save chan&ges"), _("Save changes to the selected client"))
        edit_row.addWidget(self.add_button)
        edit_row.addWidget(self.save_button)
        form.addRow(ref_label, self.ref)
        form.addRow(name_label, edit_row)
        self.idle = QSpinBox()
        self.idle.setRange(1, 24 * 60)
        self.idle.setSuffix(_(" minutes"))
        self.idle.setAccessibleName(_("Lock the workspace after this many minutes idle"))
        idle_label = QLabel(_("Lock after, &idle:"))
        idle_label.setBuddy(self.idle)
        form.addRow(idle_label, self.idle)
        layout.addLayout(form)

        self.search.textChanged.connect(self.search_changed)
        self.show_archived.toggled.connect(self.archived_toggled)
        self.open_button.clicked.connect(self.open_requested)
        self.table.activated.connect(lambda _index: self.open_requested.emit())
        self.archive_button.clicked.connect(self.archive_requested)
        self.delete_button.clicked.connect(self.delete_requested)
        self.stats_button.clicked.connect(self.stats_requested)
        self.add_button.clicked.connect(
            lambda: self.add_requested.emit(self.ref.text(), self.name.text())
        )
        self.save_button.clicked.connect(
            lambda: self.save_requested.emit(self.ref.text(), self.name.text())
        )
        self.idle.editingFinished.connect(lambda: self.idle_minutes_changed.emit(self.idle.value()))
        selection = self.table.selectionModel()
        selection.selectionChanged.connect(lambda *_args: self.selection_changed.emit())
        model.modelReset.connect(self.selection_changed)

    def selected_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)


class ClientPage(QWidget):
    """One client: their sessions (open, compare, print, start one) and their notes log."""

    back_requested = Signal()
    open_requested = Signal()
    compare_requested = Signal()
    pdf_requested = Signal()
    export_csv_requested = Signal()
    export_json_requested = Signal()
    start_requested = Signal(str, bool)  # form, the client sees the result
    add_note_requested = Signal(str)
    delete_note_requested = Signal()

    def __init__(
        self,
        history: QAbstractItemModel,
        notes: QAbstractItemModel,
        forms: list[tuple[str, str]],  # (form id, what to call it)
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("workspaceClientPage")
        layout, self.heading = page_layout(self, "")
        self.back_button = button(_("\u2190 &Back to clients"), _("Back to the client list"))
        layout.insertWidget(0, self.back_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.details = plain_label()
        self.details.setObjectName("hint")
        layout.addWidget(self.details)

        layout.addWidget(plain_label(_("Sessions (select two to compare them):")))
        self.history = table_view(_("Sessions of this client"), history, many=True)
        layout.addWidget(self.history, 3)
        row = QHBoxLayout()
        self.open_button = button(_("&Open session"), _("Open the selected session"))
        self.open_button.setObjectName("primaryButton")
        self.compare_button = button(_("Com&pare"), _("Compare the two selected sessions"))
        self.pdf_button = button(
            _("Save as P&DF\u2026"), _("Save the selected sessions' summaries as one PDF")
        )
        self.csv_button = button(_("E&xport CSV\u2026"), _("Export this client's sessions as CSV"))
        self.json_button = button(
            _("Export &JSON\u2026"), _("Export this client's sessions as JSON")
        )
        for made in (self.open_button, self.compare_button, self.pdf_button):
            row.addWidget(made)
        row.addStretch(1)
        row.addWidget(self.csv_button)
        row.addWidget(self.json_button)
        layout.addLayout(row)

        start = QHBoxLayout()
        self.form = QComboBox()
        for form, label in forms:
            self.form.addItem(label, form)
        self.form.setAccessibleName(_("Questionnaire form for the new session"))
        form_label = QLabel(_("New session, fo&rm:"))
        form_label.setBuddy(self.form)
        self.sees = QCheckBox(_("Client sees the res&ult"))
        self.sees.setChecked(False)  # the safe side: the counsellor shows it
        self.sees.setAccessibleName(_("The client sees the result at the end"))
        self.start_button = button(
            _("&Start session for client"), _("Start a session for this client")
        )
        for widget in (form_label, self.form, self.sees, self.start_button):
            start.addWidget(widget)
        start.addStretch(1)
        layout.addLayout(start)

        layout.addWidget(plain_label(_("Notes about this client:")))
        self.notes = table_view(_("Notes about this client"), notes)
        layout.addWidget(self.notes, 2)
        note_row = QHBoxLayout()
        self.note_edit = QLineEdit()
        self.note_edit.setAccessibleName(_("A new note about this client"))
        self.note_edit.setMaxLength(20000)
        note_label = QLabel(_("New &note:"))
        note_label.setBuddy(self.note_edit)
        self.add_note_button = button(_("&Add note"), _("Add the note"))
        self.delete_note_button = button(_("Dele&te note\u2026"), _("Delete the selected note"))
        note_row.addWidget(note_label)
        note_row.addWidget(self.note_edit, 1)
        note_row.addWidget(self.add_note_button)
        note_row.addWidget(self.delete_note_button)
        layout.addLayout(note_row)

        self.back_button.clicked.connect(self.back_requested)
        self.open_button.clicked.connect(self.open_requested)
        self.history.activated.connect(lambda _index: self.open_requested.emit())
        self.compare_button.clicked.connect(self.compare_requested)
        self.pdf_button.clicked.connect(self.pdf_requested)
        self.csv_button.clicked.connect(self.export_csv_requested)
        self.json_button.clicked.connect(self.export_json_requested)
        self.start_button.clicked.connect(
            lambda: self.start_requested.emit(self.form.currentData(), self.sees.isChecked())
        )
        self.add_note_button.clicked.connect(
            lambda: self.add_note_requested.emit(self.note_edit.text())
        )
        self.note_edit.returnPressed.connect(
            lambda: self.add_note_requested.emit(self.note_edit.text())
        )
        self.delete_note_button.clicked.connect(self.delete_note_requested)

    def selected_sessions(self) -> list[int]:
        """The rows selected in the history, in order."""
        return sorted(index.row() for index in self.history.selectionModel().selectedRows())

    def selected_note(self) -> int | None:
        rows = self.notes.selectionModel().selectedRows()
        return rows[0].row() if rows else None
