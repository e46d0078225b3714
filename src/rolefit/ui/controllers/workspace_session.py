"""A client's sessions in the workspace: one session's result and notes, two compared,
summaries printed or saved as PDF, exports and backups, and the bank statistics."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from rolefit.i18n import _
from rolefit.ui.controllers.files import suggested_name
from rolefit.ui.controllers.welcome import form_name, local_time
from rolefit.ui.controllers.workspace_clients import attempt, succeeded
from rolefit.ui.dialogs import Dialogs, pdf_kinds
from rolefit.ui.pages import Pages
from rolefit.workspace import ClientRow, Workspace, WorkspaceSession

if TYPE_CHECKING:
    from rolefit.report import SummaryContent
    from rolefit.ui.controllers.workspace_clients import ClientsController
    from rolefit.ui.views.workspace_session import ComparePage, SessionPage, StatsPage


class SessionsController(QObject):
    back_to_client = Signal()
    back_to_clients = Signal()

    def __init__(
        self, pages: Pages, workspace: Workspace, dialogs: Dialogs, clients: ClientsController
    ) -> None:
        super().__init__()
        self._pages = pages
        self._workspace = workspace
        self._dialogs = dialogs
        self._clients = clients
        self.session_page: SessionPage | None = None
        self.compare_page: ComparePage | None = None
        self.stats_page: StatsPage | None = None
        self.shown: WorkspaceSession | None = None

    def tear_down(self) -> None:
        for page in (self.session_page, self.compare_page, self.stats_page):
            if page is not None:
                self._pages.remove(page)
        self.session_page = self.compare_page = self.stats_page = None
        self.shown = None

    def _selected_ids(self) -> list[int]:
        rows = self._clients.client_page.selected_sessions()
        return [self._clients.history.row(row).id for row in rows]

    # -- one session ---------------------------------------------------------------------------

    def open_selected(self) -> None:
        ids = self._selected_ids()
        if ids:
            self.show_session(ids[-1])

    def show_session(self, session_id: int) -> None:
        from rolefit.wording import result_words

        found = attempt(
            self._dialogs,
            _("Could not open the session"),
            lambda: self._workspace.session(session_id),
        )
        if found is None:
            return
        rendered = self._workspace.render(found.record)
        if rendered.bank is None or rendered.result is None:
            self._dialogs.warn(
                _("This session has no result to show"),
                rendered.problem
                or _("It is not finished: {n} questions answered.").format(
                    n=len(found.record.answers)
                ),
            )
            return
        page = self._session_page()
        self.shown = found
        words = result_words(rendered.bank, rendered.result)
        page.result.show_result(rendered.bank, rendered.result, words, can_go_back=True)
        page.notes.setPlainText(found.notes)
        page.sees.setChecked(found.client_sees_result)
        client = self._workspace.client(found.client_id) if found.client_id else None
        who = f"{client.name} ({client.ref})" if client is not None else ""
        page.about.setText(
            _("{who}: {form} questionnaire taken {when}, bank {bank} {version}").format(
                who=who,
                form=form_name(found.record.form),
                when=local_time(found.record.started),
                bank=found.record.bank_id,
                version=found.record.bank_version,
            )
        )
        self._pages.show(
            page,
            _("{who}: session of {when}").format(who=who, when=local_time(found.record.started)),
        )

    def _session_page(self) -> SessionPage:
        if self.session_page is None:
            from rolefit.ui.views.workspace_session import SessionPage

            page = SessionPage()
            self._pages.add(page)
            page.result.back_requested.connect(self._back_to_client)
            page.result.print_requested.connect(self.print_shown)
            page.result.save_pdf_requested.connect(self.pdf_shown)
            page.result.save_answers_requested.connect(self.save_shown_answers)
            page.save_notes_requested.connect(self.save_notes)
            page.sees_toggled.connect(self.set_sees)
            self.session_page = page
        return self.session_page

    def _back_to_client(self) -> None:
        self._clients.refresh_client()
        self.back_to_client.emit()

    def save_notes(self, text: str) -> None:
        shown = self.shown
        if shown is None:
            return
        if succeeded(
            self._dialogs,
            _("The notes were not saved"),
            lambda: self._workspace.set_session_notes(shown.record.id, text),
        ):
            self._dialogs.status(_("Notes saved."))

    def set_sees(self, sees: bool) -> None:
        shown = self.shown
        if shown is None:
            return
        attempt(
            self._dialogs,
            _("Could not change who sees the result"),
            lambda: self._workspace.set_client_sees_result(shown.record.id, sees),
        )

    def _shown_content(self) -> SummaryContent | None:
        if self.shown is None:
            return None
        shown = self.shown
        parts = attempt(
            self._dialogs,
            _("Could not make the summary"),
            lambda: self._workspace.summary_parts([shown.record.id]),
        )
        from rolefit.report import session_summary

        return session_summary(parts[0]) if parts else None

    def print_shown(self) -> None:
        from rolefit.ui.controllers.results import summary_preview

        content = self._shown_content()
        if content is not None and self.session_page is not None:
            self._dialogs.run(summary_preview(self.session_page, content))

    def pdf_shown(self) -> None:
        content = self._shown_content()
        if content is not None:
            self._write_pdf([content], content.name)

    def save_shown_answers(self) -> None:
        from rolefit.scoring import make_answers
        from rolefit.ui.controllers.files import save_answers_file

        shown = self.shown
        if shown is None:
            return
        rendered = self._workspace.render(shown.record)
        if rendered.bank is None:
            return
        answers = make_answers(rendered.bank, dict(shown.record.answers), shown.record.form)
        client = self._clients.client
        save_answers_file(self._dialogs, rendered.bank, answers, client.ref if client else "")

    # -- several sessions ----------------------------------------------------------------------

    def pdf_selected(self) -> None:
        """The summaries of the selected sessions, one page each, in one PDF."""
        rows = [self._clients.history.row(r) for r in self._clients.client_page.selected_sessions()]
        ids = [row.id for row in rows if row.status == "completed"]
        if not ids:
            self._dialogs.warn(
                _("Nothing to save"), _("Select one or more finished sessions first.")
            )
            return
        parts = attempt(
            self._dialogs,
            _("Could not make the summaries"),
            lambda: self._workspace.summary_parts(ids),
        )
        if parts:
            from rolefit.report import session_summary

            self._write_pdf([session_summary(p) for p in parts], parts[0].client_ref)

    def _write_pdf(self, contents: list[SummaryContent], who: str) -> None:
        from rolefit.report import write_pdfs

        path = self._dialogs.save_path(
            _("Save the summaries as PDF"), suggested_name(who, ".pdf"), pdf_kinds()
        )
        if path is None:
            return
        title = _("Could not save the PDF")
        if succeeded(self._dialogs, title, lambda: write_pdfs(path, contents)):
            self._dialogs.status(_("Saved {path}").format(path=path))

    def compare_selected(self) -> None:
        ids = self._selected_ids()
        if len(ids) != 2:
            self._dialogs.warn(
                _("Select two sessions"),
                _("Select two finished sessions of this client (Ctrl+click), then Compare."),
            )
            return
        found = attempt(
            self._dialogs,
            _("These sessions cannot be compared"),
            lambda: self._workspace.compare(ids[0], ids[1]),
        )
        if found is not None:
            from rolefit.ui.controllers.workspace_views import show_comparison

            self.compare_page = show_comparison(self, found)
            first = self._workspace.session(ids[0])
            client = (
                self._workspace.client(first.client_id)
                if first is not None and first.client_id
                else None
            )
            title = _("Two sessions compared")
            if client is not None:
                title = _("{name}: two sessions compared").format(name=client.name)
                self.compare_page.heading.setText(title)
            self._pages.show(self.compare_page, title)

    # -- the whole workspace -------------------------------------------------------------------

    def show_stats(self) -> None:
        from rolefit.ui.controllers.workspace_views import show_stats

        found = attempt(self._dialogs, _("Could not count"), self._workspace.stats)
        if found is not None:
            self.stats_page = show_stats(self, found, self._workspace)
            self._pages.show(self.stats_page, _("Bank statistics"))

    def export(self, kind: str, client: ClientRow | None = None) -> None:
        """Every session (or ``client``'s) as CSV or JSON, where the counsellor says."""
        who = client.ref if client is not None else "sessions"
        kinds = _("CSV (*.csv)") if kind == "csv" else _("JSON (*.json)")
        path = self._dialogs.save_path(
            _("Export the sessions"), suggested_name(who, f".{kind}"), kinds
        )
        if path is None:
            return
        write = self._workspace.export_csv if kind == "csv" else self._workspace.export_json
        client_id = client.id if client is not None else None
        if succeeded(self._dialogs, _("Could not export"), lambda: write(path, client_id)):
            self._dialogs.status(_("Exported {path}").format(path=path))

    def backup(self) -> None:
        path = self._dialogs.save_path(
            _("Back up the workspace"),
            f"rolefit-workspace-{date.today().isoformat()}.backup",
            _("Workspace backup (*.backup);;All files (*)"),
        )
        if path is None:
            return
        if succeeded(self._dialogs, _("Could not back up"), lambda: self._workspace.backup(path)):
            self._dialogs.status(
                _("Backed up to {path}; it opens with the same passcode.").format(path=path)
            )

    def pages_for(self) -> Pages:
        return self._pages
