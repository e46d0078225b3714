"""The counsellor workspace in the window: create, unlock, lock, clients, sessions."""

import pytest
from conftest import run_python
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QTableView
from scoring.respondents import respond
from ui.fakes import open_window
from workspace.helpers import BUSINESS, NAME, OPS, PASSCODE, REF, make_workspace, take

from rolefit.workspace import Workspace
from rolefit.workspace.attempts import Attempts


@pytest.fixture(scope="module")
def seeded(tmp_path_factory, bank):
    """A data folder whose workspace has a client with two finished sessions."""
    data = tmp_path_factory.mktemp("ws") / "data"
    with make_workspace(data) as workspace:
        client = workspace.add_client(REF, NAME)
        take(workspace, client.id, bank, respond(bank, OPS, "full"))
        take(workspace, client.id, bank, respond(bank, BUSINESS, "full", seed=3))
        workspace.add_client("AB-1", "Anna Berg")
    return data


@pytest.fixture
def data(seeded, tmp_path):
    """A copy of the seeded folder per test (a test may lock, delete, count wrong tries)."""
    import shutil

    copy = tmp_path / "data"
    shutil.copytree(seeded, copy)
    return copy


def unlocked(qtbot, data):
    window, shell = open_window(qtbot, data)
    shell.workspace.open()
    entry = shell.workspace.entry
    entry.passcode.setText(PASSCODE)
    entry.unlock_button.click()
    assert shell.workspace.is_open
    return window, shell


def test_creating_a_workspace_asks_the_passcode_twice(qtbot, tmp_path):
    window, shell = open_window(qtbot, tmp_path / "new")
    window.welcome.workspace_button.click()
    entry = shell.workspace.entry
    assert window.stack.currentWidget() is entry
    assert entry.passcode.echoMode() == QLineEdit.EchoMode.Password
    assert entry.again.echoMode() == QLineEdit.EchoMode.Password
    assert "cannot be recovered" in entry.explanation.text()
    entry.passcode.setText("short")
    entry.again.setText("short")
    entry.create_button.click()
    assert "at least 8" in entry.message.text()
    entry.passcode.setText("a long passcode")
    entry.again.setText("a long passcodE")
    entry.create_button.click()
    assert "not the same" in entry.message.text()
    assert not Workspace.exists(tmp_path / "new")
    entry.passcode.setText("a long passcode")
    entry.again.setText("a long passcode")
    entry.counsellor.setText("Dr Ada Byron")
    entry.create_button.click()
    clients = shell.workspace.clients
    assert window.stack.currentWidget() is clients.list_page
    assert clients.list_page.counsellor.text() == "Counsellor: Dr Ada Byron"
    assert window.lock_action.isEnabled() and window.backup_action.isEnabled()


def test_a_wrong_passcode_says_so_and_throttling_says_how_long(qtbot, data):
    window, shell = open_window(qtbot, data)
    shell.workspace.open()
    entry = shell.workspace.entry
    assert entry.title.text() == "Open the counsellor workspace" and entry.again.isHidden()
    entry.passcode.setText("not the passcode")
    qtbot.keyClick(entry.passcode, Qt.Key.Key_Return)
    assert "not right" in entry.message.text() and entry.passcode.text() == ""
    assert not shell.workspace.is_open
    for _ in range(4):
        Attempts(data).failed()
    shell.workspace.open()  # asked again: it says how long to wait, and allows no try
    assert "wait 30 seconds" in entry.message.text()
    assert not entry.unlock_button.isEnabled() and not entry.passcode.isEnabled()
    shell.workspace._waited()  # the wait is over
    assert entry.unlock_button.isEnabled()


def test_the_client_list_finds_adds_edits_archives_and_deletes(qtbot, data):
    window, shell = unlocked(qtbot, data)
    clients = shell.workspace.clients
    page = clients.list_page
    assert isinstance(page.table, QTableView) and page.table.accessibleName() == "Clients"
    assert clients.clients.rowCount() == 2 and page.count.text() == "2 clients"
    page.search.setText("zebedee")
    assert [c.ref for c in clients.clients.rows()] == [REF]
    page.search.clear()
    page.ref.setText("NEW-9")
    page.name.setText("Nora <i>New</i>")
    page.add_button.click()
    assert clients.selected().ref == "NEW-9"
    page.name.setText("Nora New")
    page.save_button.click()
    assert clients.selected().name == "Nora New"
    page.ref.setText(REF)  # taken: said, nothing changed
    page.save_button.click()
    assert "already a client" in shell.dialogs.warnings[-1][1]
    page.archive_button.click()
    assert [c.ref for c in clients.clients.rows()] == ["AB-1", REF]
    page.show_archived.setChecked(True)
    assert clients.clients.rowCount() == 3
    page.search.setText(REF)
    page.select_row(0)
    shell.dialogs.answers = [0]  # keep
    page.delete_button.click()
    title, text, choices, default, _escape = shell.dialogs.asked[-1]
    assert NAME in title and "2 sessions" in text and "for good" in text and default == 0
    assert clients.clients.rowCount() == 1
    shell.dialogs.answers = [1]
    page.delete_button.click()
    assert clients.clients.rowCount() == 0
    assert shell.workspace.workspace.client_by_ref(REF) is None


def test_a_client_s_sessions_notes_comparison_and_statistics(qtbot, data, tmp_path):
    window, shell = unlocked(qtbot, data)
    clients = shell.workspace.clients
    page = clients.list_page
    page.search.setText(REF)
    page.select_row(0)
    page.open_button.click()
    client_page = clients.client_page
    assert window.stack.currentWidget() is client_page
    assert client_page.heading.text() == f"{NAME} ({REF})"
    assert clients.history.rowCount() == 2
    # The notes log.
    client_page.note_edit.setText("Prefers mornings")
    client_page.add_note_button.click()
    assert clients.notes.rowCount() == 1 and client_page.note_edit.text() == ""
    # One session: the results page, its notes and the switch.
    client_page.history.selectRow(0)
    client_page.open_button.click()
    sessions = clients.sessions
    session_page = sessions.session_page
    assert window.stack.currentWidget() is session_page
    assert session_page.result.headline.text()
    assert session_page.about.text().startswith(f"{NAME} ({REF}): ")  # whose session it is
    session_page.notes.setPlainText("Tired today")
    session_page.save_notes_button.click()
    session_page.sees.click()
    shown = shell.workspace.workspace.session(sessions.shown.record.id)
    assert (shown.notes, shown.client_sees_result) == ("Tired today", False)
    out = tmp_path / "one.pdf"
    shell.dialogs.paths = [out]
    session_page.result.pdf_button.click()
    assert out.read_bytes().startswith(b"%PDF")
    session_page.result.back_button.click()
    assert window.stack.currentWidget() is client_page
    assert clients.history.row(0).has_notes
    # Two sessions compared.
    client_page.history.selectAll()
    client_page.compare_button.click()
    compare = sessions.compare_page
    assert window.stack.currentWidget() is compare
    assert compare.fits.model().rowCount() == 3 and compare.answers.model().rowCount() > 0
    assert "Then:" in compare.summary.text()
    assert compare.heading.text() == f"{NAME}: two sessions compared"
    compare.back_button.click()
    # Both summaries in one PDF; a place that cannot be written is said, not a crash.
    client_page.history.selectAll()
    shell.dialogs.paths = [tmp_path / "no such folder" / "both.pdf"]
    client_page.pdf_button.click()
    assert shell.dialogs.warnings[-1][0] == "Could not save the PDF"
    shell.dialogs.paths = [tmp_path / "both.pdf"]
    client_page.pdf_button.click()
    assert len(PdfReader(tmp_path / "both.pdf").pages) == 2
    # Exports of this client.
    shell.dialogs.paths = [tmp_path / "client.csv"]
    client_page.csv_button.click()
    assert REF in (tmp_path / "client.csv").read_text("utf-8-sig")
    # The bank statistics.
    client_page.back_button.click()
    page.stats_button.click()
    stats = sessions.stats_page
    assert window.stack.currentWidget() is stats
    assert stats.roles.model().rowCount() == 3
    assert "2 completed full-form sessions" in stats.summary.text()


def test_locking_deletes_every_page_of_the_workspace(qtbot, data):
    window, shell = unlocked(qtbot, data)
    controller = shell.workspace
    list_page = controller.clients.list_page
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not controller.is_open and controller.clients is None
    assert window.stack.currentWidget() is controller.entry
    assert controller.entry.title.text() == "The workspace is locked"
    assert window.stack.indexOf(list_page) == -1  # not covered: gone
    assert not window.lock_action.isEnabled() and not window.export_csv_action.isEnabled()
    controller.entry.passcode.setText(PASSCODE)
    controller.entry.unlock_button.click()
    assert controller.is_open
    # Idle: the timer's interval follows the setting, any input restarts it.
    assert controller.idle.timer.interval() == 10 * 60_000 and controller.idle.timer.isActive()
    controller.clients.list_page.idle.setValue(3)
    controller.clients.list_page.idle.editingFinished.emit()
    assert controller.workspace.settings().idle_minutes == 3
    assert controller.idle.timer.interval() == 3 * 60_000
    controller.idle.timer.setInterval(50)
    controller.idle.timer.start()
    qtbot.waitUntil(lambda: not controller.is_open, timeout=3000)
    assert window.stack.currentWidget() is controller.entry
    controller.entry.leave_button.click()
    assert window.stack.currentWidget() is window.welcome


def test_the_window_starts_without_the_workspace_or_sqlcipher(tmp_path):
    code = (
        "import os, sys; os.environ['QT_QPA_PLATFORM'] = 'offscreen';"
        "from pathlib import Path;"
        "from rolefit.app import build_window, create_application;"
        "app = create_application(); window, shell = build_window(None, Path(sys.argv[1]));"
        "window.show(); shell.load(); app.processEvents();"
        "loaded = [m for m in sys.modules if m.startswith(('sqlcipher3', 'rolefit.workspace'))];"
        "assert not loaded, loaded; window.close()"
    )
    run_python(code, tmp_path)
