"""The workspace's clients: the list (find, add, edit, archive, delete) and one client's
page (sessions, notes, starting a session in client mode).

Every call to the workspace goes through ``attempt``: what fails (a full disk, a reference
taken) is said in plain words and the page stays as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

from rolefit.bank import Bank
from rolefit.i18n import _, ngettext
from rolefit.store import StoreError
from rolefit.ui.controllers.welcome import form_name
from rolefit.ui.dialogs import Dialogs
from rolefit.ui.pages import Pages
from rolefit.ui.views.workspace_clients import ClientPage, ClientsPage
from rolefit.ui.workspace_models import RowsModel, clients_model, history_model, notes_model
from rolefit.workspace import ClientRow, Workspace, WorkspaceError, delete_words
from rolefit.workspace.clients import found_in, search_words, searched_text

T = TypeVar("T")


def attempt(dialogs: Dialogs, title: str, call: Callable[[], T]) -> T | None:
    """``call()``, or None once what went wrong is said under ``title``."""
    try:
        return call()
    except (WorkspaceError, StoreError) as error:
        dialogs.warn(title, str(error))
    except OSError as error:
        dialogs.warn(title, error.strerror or str(error))
    return None


def succeeded(dialogs: Dialogs, title: str, call: Callable[[], object]) -> bool:
    """Whether ``call()`` worked (what went wrong is said under ``title``)."""
    return attempt(dialogs, title, lambda: call() or True) is not None


def client_label(client: ClientRow) -> str:
    return f"{client.name} ({client.ref})" if client.name else client.ref


class ClientsController(QObject):
    start_requested = Signal(int, str, bool)  # client id, form, the client sees the result
    idle_minutes_changed = Signal(int)

    def __init__(self, pages: Pages, workspace: Workspace, bank: Bank, dialogs: Dialogs) -> None:
        super().__init__()
        from rolefit.ui.controllers.workspace_session import SessionsController

        self._pages = pages
        self._workspace = workspace
        self._bank = bank
        self._dialogs = dialogs
        self.clients: RowsModel[Any] = clients_model(self)
        self.history: RowsModel[Any] = history_model(
            {role.id: role.title for role in bank.roles}, self
        )
        self.notes: RowsModel[Any] = notes_model(self)
        self._loaded: list[tuple[str, ClientRow]] = []  # (folded name and reference, row)
        self.list_page = ClientsPage(self.clients)
        forms = [(form, form_name(form).capitalize()) for form in bank.forms]
        self.client_page = ClientPage(self.history, self.notes, forms)
        for page in (self.list_page, self.client_page):
            pages.add(page)
        self.client: ClientRow | None = None
        self.sessions = SessionsController(pages, workspace, dialogs, self)
        self.sessions.back_to_client.connect(lambda: self.show_client(self._client_id()))
        self.sessions.back_to_clients.connect(self.show_clients)
        self._wire()
        settings = attempt(dialogs, _("Could not read the settings"), workspace.settings)
        if settings is not None:
            self.list_page.idle.setValue(settings.idle_minutes)
            if settings.counsellor:
                self.list_page.counsellor.setText(
                    _("Counsellor: {name}").format(name=settings.counsellor)
                )

    def _wire(self) -> None:
        page = self.list_page
        page.search_changed.connect(lambda _text: self._filter())
        page.archived_toggled.connect(lambda _on: self.refresh())
        page.open_requested.connect(self.open_selected)
        page.add_requested.connect(self.add)
        page.save_requested.connect(self.save)
        page.archive_requested.connect(self.toggle_archived)
        page.delete_requested.connect(self.delete)
        page.stats_requested.connect(self.sessions.show_stats)
        page.selection_changed.connect(self._selection_changed)
        page.idle_minutes_changed.connect(self.set_idle_minutes)
        client = self.client_page
        client.back_requested.connect(self.show_clients)
        client.open_requested.connect(self.sessions.open_selected)
        client.compare_requested.connect(self.sessions.compare_selected)
        client.pdf_requested.connect(self.sessions.pdf_selected)
        client.export_csv_requested.connect(lambda: self.sessions.export("csv", self.client))
        client.export_json_requested.connect(lambda: self.sessions.export("json", self.client))
        client.start_requested.connect(self._start)
        client.add_note_requested.connect(self.add_note)
        client.delete_note_requested.connect(self.delete_note)

    def tear_down(self) -> None:
        """The workspace is locking: forget every row and delete every page."""
        self.sessions.tear_down()
        self._loaded = []
        for model in (self.clients, self.history, self.notes):
            model.clear()
        for page in (self.list_page, self.client_page):
            self._pages.remove(page)
        self.client = None

    def _client_id(self) -> int:
        return self.client.id if self.client is not None else 0

    # -- the list ------------------------------------------------------------------------------

    def show_clients(self) -> None:
        self.refresh()
        self._pages.show(self.list_page, _("Clients"))
        self.list_page.search.setFocus()

    def refresh(self, select: int | None = None) -> None:
        """Read the clients again (after a change), then show those the search finds."""
        page = self.list_page
        found = attempt(
            self._dialogs,
            _("Could not read the clients"),
            lambda: self._workspace.list_clients("", page.show_archived.isChecked()),
        )
        # Each client's name and reference folded once: typing a search filters these rows
        # (2,000 clients: about a millisecond) instead of reading and folding every client
        # again for each key.
        self._loaded = [(searched_text(c), c) for c in found or []]
        self._filter(select)

    def _filter(self, select: int | None = None) -> None:
        page = self.list_page
        words = search_words(page.search.text())
        shown = [c for text, c in self._loaded if found_in(text, words)]
        self.clients.set_rows(shown)
        count = len(shown)
        page.count.setText(ngettext("{n} client", "{n} clients", count).format(n=count))
        if select is not None:
            for row, client in enumerate(self.clients.rows()):
                if client.id == select:
                    page.select_row(row)
        self._selection_changed()

    def selected(self) -> ClientRow | None:
        row = self.list_page.selected_row()
        return None if row is None else self.clients.row(row)

    def _selection_changed(self) -> None:
        page = self.list_page
        client = self.selected()
        for made in (page.open_button, page.archive_button, page.delete_button, page.save_button):
            made.setEnabled(client is not None)
        if client is not None:
            page.ref.setText(client.ref)
            page.name.setText(client.name)
            page.archive_button.setText(_("Unarchi&ve") if client.archived else _("Archi&ve"))

    def open_selected(self) -> None:
        client = self.selected()
        if client is not None:
            self.show_client(client.id)

    def add(self, ref: str, name: str) -> None:
        added = attempt(
            self._dialogs,
            _("The client was not added"),
            lambda: self._workspace.add_client(ref, name),
        )
        if added is not None:
            self._dialogs.status(_("Added {client}").format(client=client_label(added)))
            self.list_page.search.clear()
            self.refresh(select=added.id)

    def save(self, ref: str, name: str) -> None:
        client = self.selected()
        if client is None:
            return
        saved = attempt(
            self._dialogs,
            _("The client was not changed"),
            lambda: self._workspace.edit_client(client.id, ref=ref, name=name),
        )
        if saved is not None:
            self._dialogs.status(_("Saved {client}").format(client=client_label(saved)))
            self.refresh(select=saved.id)

    def toggle_archived(self) -> None:
        client = self.selected()
        if client is None:
            return
        attempt(
            self._dialogs,
            _("The client was not changed"),
            lambda: self._workspace.archive_client(client.id, not client.archived),
        )
        self.refresh(select=client.id)

    def delete(self) -> None:
        client = self.selected()
        if client is None:
            return
        plan = attempt(
            self._dialogs,
            _("The client was not deleted"),
            lambda: self._workspace.delete_plan(client.id),
        )
        if plan is None:
            return
        choice = self._dialogs.ask(
            _("Delete {client} for good?").format(client=client_label(client)),
            delete_words(plan),
            [_("Keep the client"), _("Delete for good")],
            default=0,
        )
        if choice != 1:
            return
        gone = attempt(
            self._dialogs,
            _("The client was not deleted"),
            lambda: self._workspace.delete_client(client.id),
        )
        if gone is not None:
            self._dialogs.status(_("Deleted {client}").format(client=client_label(client)))
        self.refresh()

    def set_idle_minutes(self, minutes: int) -> None:
        if succeeded(
            self._dialogs,
            _("The idle time was not changed"),
            lambda: self._workspace.set_idle_minutes(minutes),
        ):
            self.idle_minutes_changed.emit(minutes)

    # -- one client ----------------------------------------------------------------------------

    def show_client(self, client_id: int) -> None:
        client = attempt(
            self._dialogs, _("Could not read the client"), lambda: self._workspace.client(client_id)
        )
        if client is None:
            self.show_clients()
            return
        self.client = client
        page = self.client_page
        page.heading.setText(client_label(client))
        page.details.setText(
            _("Archived client, reference {ref}").format(ref=client.ref)
            if client.archived
            else _("Client reference {ref}").format(ref=client.ref)
        )
        self.refresh_client()
        self._pages.show(page, client_label(client))
        page.history.setFocus()
        if self.history.rowCount():
            page.history.selectRow(self.history.rowCount() - 1)  # the newest

    def refresh_client(self) -> None:
        client = self.client
        if client is None:
            return
        sessions = attempt(
            self._dialogs,
            _("Could not read the sessions"),
            lambda: self._workspace.history(client.id),
        )
        self.history.set_rows(sessions or [])
        self.refresh_notes()

    def refresh_notes(self) -> None:
        client = self.client
        if client is None:
            return
        notes = attempt(
            self._dialogs,
            _("Could not read the notes"),
            lambda: self._workspace.client_notes(client.id),
        )
        self.notes.set_rows(notes or [])

    def add_note(self, text: str) -> None:
        client = self.client
        if client is None:
            return
        added = attempt(
            self._dialogs,
            _("The note was not added"),
            lambda: self._workspace.add_client_note(client.id, text),
        )
        if added is not None:
            self.client_page.note_edit.clear()
            self.refresh_notes()

    def delete_note(self) -> None:
        row = self.client_page.selected_note()
        if row is None:
            return
        note = self.notes.row(row)
        choice = self._dialogs.ask(
            _("Delete this note?"),
            note.text,
            [_("Keep it"), _("Delete it")],
            default=0,
        )
        if choice == 1:
            attempt(
                self._dialogs,
                _("The note was not deleted"),
                lambda: self._workspace.delete_client_note(note.id),
            )
            self.refresh_notes()

    def _start(self, form: str, sees: bool) -> None:
        if self.client is not None:
            self.start_requested.emit(self.client.id, form, sees)
