"""Client mode: the window shows only the client's questionnaire, and every way back to
the workspace's records asks for the passcode first."""

import shutil

import pytest
from PySide6.QtCore import Qt
from ui.fakes import open_window
from workspace.helpers import NAME, PASSCODE, REF, make_workspace

CTRL = Qt.KeyboardModifier.ControlModifier
SHORTCUTS = [
    (Qt.Key.Key_O, CTRL),
    (Qt.Key.Key_Q, CTRL),
    (Qt.Key.Key_S, CTRL),
    (Qt.Key.Key_P, CTRL),
    (Qt.Key.Key_S, CTRL | Qt.KeyboardModifier.ShiftModifier),
    (Qt.Key.Key_F1, Qt.KeyboardModifier.NoModifier),
]


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    data = tmp_path_factory.mktemp("client-mode") / "data"
    with make_workspace(data) as workspace:
        workspace.add_client(REF, NAME)
    return data


@pytest.fixture
def in_client_mode(qtbot, seeded, tmp_path):
    """The window in client mode: a short session for the client, who sees the result."""
    return start(qtbot, seeded, tmp_path, sees=True)


def start(qtbot, seeded, tmp_path, sees):
    data = tmp_path / "data"
    shutil.copytree(seeded, data)
    window, shell = open_window(qtbot, data)
    controller = shell.workspace
    controller.open()
    controller.entry.passcode.setText(PASSCODE)
    controller.entry.unlock_button.click()
    clients = controller.clients
    clients.list_page.select_row(0)
    clients.open_selected()
    page = clients.client_page
    page.form.setCurrentIndex(page.form.findData("short"))
    assert not page.sees.isChecked()  # showing the result is the counsellor's choice to make
    page.sees.setChecked(sees)
    page.start_button.click()
    assert controller.in_client_mode
    return window, shell


def finish(shell):
    """Answer every question of the client's questionnaire and submit it."""
    questions = shell.questions
    for _item in questions.quiz.items:
        item = questions.quiz.current
        questions.answer(3 if item.kind == "likert" else item.options[0].id)
    questions.submit()


def test_only_the_questionnaire_is_shown_and_the_menus_are_off(in_client_mode):
    window, shell = in_client_mode
    assert window.stack.currentWidget() is shell.pages.question
    for menu in (action.menu() for action in window.menuBar().actions()):
        assert menu.isEnabled()  # a disabled menu would take Ctrl+L's shortcut with it
        for action in menu.actions():
            if not action.isSeparator() and action is not window.lock_action:
                assert not action.isEnabled(), action.text()
    assert window.lock_action.text() == "&Leave client mode\u2026"


@pytest.mark.parametrize(("key", "modifiers"), SHORTCUTS)
def test_no_shortcut_leaves_client_mode(qtbot, in_client_mode, key, modifiers):
    window, shell = in_client_mode
    qtbot.keyClick(window, key, modifiers)
    assert window.isVisible() and shell.workspace.in_client_mode
    assert window.stack.currentWidget() is shell.pages.question
    assert not shell.dialogs.informed and not shell.dialogs.ran and not shell.dialogs.suggested


def test_ctrl_l_and_closing_ask_the_passcode(qtbot, in_client_mode):
    window, shell = in_client_mode
    qtbot.keyClick(window, Qt.Key.Key_L, CTRL)  # cancelled
    assert len(shell.dialogs.passcode_asked) == 1 and shell.workspace.in_client_mode
    shell.dialogs.passcodes = ["a wrong guess"]
    qtbot.keyClick(window, Qt.Key.Key_L, CTRL)
    assert shell.dialogs.warnings[-1][0] == "The passcode is not right"
    assert shell.workspace.in_client_mode and shell.workspace.is_open
    assert window.stack.currentWidget() is shell.pages.question
    assert not window.close()  # no passcode: the window stays
    shell.dialogs.passcodes = ["another guess"]
    assert not window.close()
    assert window.isVisible() and shell.workspace.in_client_mode
    shell.dialogs.passcodes = [PASSCODE]
    assert window.close()
    assert not shell.workspace.is_open


def test_locking_when_idle_ends_client_mode_behind_the_passcode(in_client_mode):
    window, shell = in_client_mode
    shell.workspace.idle_timeout()
    assert not shell.workspace.in_client_mode and not shell.workspace.is_open
    assert window.stack.currentWidget() is shell.workspace.entry
    assert window.open_action.isEnabled()  # the individual's questionnaire works as before
    assert not window.export_csv_action.isEnabled()


def test_the_client_sees_the_result_and_the_counsellor_takes_over(qtbot, in_client_mode):
    window, shell = in_client_mode
    finish(shell)
    end = shell.workspace.client_mode.end_page
    assert window.stack.currentWidget() is end
    assert end.result.isVisibleTo(end) and end.result.headline.text()
    for button in (end.result.back_button, end.result.restart_button, end.result.print_button):
        assert not button.isVisibleTo(end)
    for key in (Qt.Key.Key_Backspace, Qt.Key.Key_Escape):
        qtbot.keyClick(window, key)
        assert window.stack.currentWidget() is end
    shell.dialogs.passcodes = ["a wrong guess"]
    end.done_button.click()
    assert window.stack.currentWidget() is end and shell.workspace.in_client_mode
    shell.dialogs.passcodes = [PASSCODE]
    end.done_button.click()
    clients = shell.workspace.clients
    assert window.stack.currentWidget() is clients.client_page
    assert not shell.workspace.in_client_mode and window.open_action.isEnabled()
    assert window.lock_action.text() == "&Lock workspace"
    (session,) = clients.history.rows()
    assert (session.status, session.form) == ("completed", "short")


def test_a_client_who_may_not_see_the_result_is_thanked(qtbot, seeded, tmp_path):
    window, shell = start(qtbot, seeded, tmp_path, sees=False)
    finish(shell)
    end = shell.workspace.client_mode.end_page
    assert window.stack.currentWidget() is end
    assert end.thanks.isVisibleTo(end) and not end.result.isVisibleTo(end)
    (session,) = shell.workspace.workspace.history(shell.workspace.clients.client.id)
    assert session.client_sees_result is False
