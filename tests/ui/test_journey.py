"""The whole journey in a real window (offscreen): keyboard, mouse, review, result, files."""

import json
import unicodedata
from pathlib import Path

import pytest
from fakes import open_window
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QListWidget

from rolefit.bank import ChoiceItem
from rolefit.scoring import make_answers, score_answers
from rolefit.store import open_store
from rolefit.wording import result_json, result_words


@pytest.fixture
def quiz(qtbot, tmp_path):
    return open_window(qtbot, tmp_path / "data")


def answer_key(item, n):
    """A varied, valid key for item number n."""
    if isinstance(item, ChoiceItem):
        return str(n % len(item.options) + 1)
    return str(n % 5 + 1)


def test_the_window_paints_before_the_bank_is_read_and_fills_in_after(qtbot, tmp_path):
    from rolefit.app import build_window, create_application

    create_application()
    window, shell = build_window(None, tmp_path / "data")
    qtbot.addWidget(window)
    shell.load_after_first_paint()
    window.show()
    page = window.welcome
    # Painted with what needs no bank: Start waits for the bank.
    assert not page.full_button.isEnabled() and "Loading" in page.status.text()
    with qtbot.waitSignal(shell.ready, timeout=10_000):
        pass
    assert page.full_button.isEnabled() and page.status.isHidden()
    assert "56 questions" in page.full_button.text()


def test_the_whole_quiz_by_keyboard(quiz, qtbot, tmp_path):
    window, shell = quiz
    pages = shell.pages
    assert "RoleFit" in window.windowTitle()
    assert window.stack.currentWidget() is window.welcome
    qtbot.keyClick(window.welcome.full_button, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is pages.question
    quiz = shell.questions.quiz
    assert len(quiz.items) == 56
    expected = {}
    for n, item in enumerate(quiz.items):
        assert pages.question.counter.text() == f"Question {n + 1} of 56"
        key = answer_key(item, n)
        qtbot.keyClick(pages.question, key)
        index = int(key) - 1
        expected[item.id] = (
            item.options[index].id if isinstance(item, ChoiceItem) else quiz.bank.scale.min + index
        )
        # Stored the moment it was given, before the next question appears.
        assert (
            open_store(tmp_path / "data").store.unfinished().answers[item.id] == expected[item.id]
        )
    assert window.stack.currentWidget() is pages.review
    qtbot.keyClick(pages.review, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is pages.results
    # The window shows exactly what rolefit score computes for the same answers ...
    bank = quiz.bank
    assert quiz.result == score_answers(bank, make_answers(bank, expected))
    # ... and says it in the words rolefit score uses.
    words = result_words(bank, quiz.result)
    assert pages.results.headline.text() == words.headline
    assert pages.results.confidence.text().endswith(words.confidence)
    assert all(detail in pages.results.confidence.text() for detail in words.details)


def test_backspace_goes_back_and_keeps_the_answer(quiz, qtbot):
    window, shell = quiz
    qtbot.keyClick(window.welcome.full_button, Qt.Key.Key_Return)
    qtbot.keyClick(shell.pages.question, "4")
    assert shell.questions.quiz.position == 1
    qtbot.keyClick(shell.pages.question, Qt.Key.Key_Backspace)
    assert shell.questions.quiz.position == 0
    checked = [b for b in shell.pages.question._buttons if b.isChecked()]
    assert [b.accessibleName() for b in checked] == ["4: Quite a lot"]


def test_arrow_keys_move_between_the_answers_and_space_answers(quiz, qtbot):
    window, shell = quiz
    qtbot.keyClick(window.welcome.full_button, Qt.Key.Key_Return)
    page, quiz = shell.pages.question, shell.questions.quiz
    first, second = page._buttons[:2]
    assert first.hasFocus() and not first.isChecked()  # focused, visibly, but not chosen
    qtbot.keyClick(first, Qt.Key.Key_Right)
    assert second.hasFocus() and quiz.position == 0 and quiz.answers == {}
    qtbot.keyClick(second, Qt.Key.Key_Space)
    assert quiz.answers == {quiz.items[0].id: 2} and quiz.position == 1


def test_choice_keys_pick_the_option_as_shown(quiz, qtbot):
    window, shell = quiz
    qtbot.keyClick(window.welcome.full_button, Qt.Key.Key_Return)
    quiz = shell.questions.quiz
    first_choice = next(n for n, i in enumerate(quiz.items) if isinstance(i, ChoiceItem))
    shell.questions.jump(first_choice)
    item = quiz.items[first_choice]
    qtbot.keyClick(shell.pages.question, "2")
    assert quiz.answers[item.id] == item.options[1].id
    qtbot.keyClick(shell.pages.question, Qt.Key.Key_Backspace)
    qtbot.keyClick(shell.pages.question, "9")  # no 9th option: nothing happens
    assert quiz.position == first_choice


def test_mouse_journey_with_skips_review_and_jump(quiz, qtbot):
    window, shell = quiz
    pages = shell.pages
    window.welcome.name_edit.setText("Ada Lovelace")
    qtbot.mouseClick(window.welcome.short_button, Qt.MouseButton.LeftButton)
    quiz = shell.questions.quiz
    assert quiz.form == "short" and quiz.name == "Ada Lovelace"
    for n in range(len(quiz.items)):
        if n % 3 == 0:
            qtbot.mouseClick(pages.question.skip_button, Qt.MouseButton.LeftButton)
        else:
            qtbot.mouseClick(pages.question._buttons[0], Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is pages.review
    assert pages.review.warning.isVisible()
    assert "no verdict yet" in pages.review.warning.text()
    unanswered = [
        i
        for i in range(pages.review.list.count())
        if "Not answered" in pages.review.list.item(i).text()
    ]
    assert unanswered == [n for n in range(len(quiz.items)) if n % 3 == 0]
    rect = pages.review.list.visualItemRect(pages.review.list.item(unanswered[1]))
    qtbot.mouseClick(pages.review.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.stack.currentWidget() is pages.question
    assert quiz.position == unanswered[1]
    qtbot.mouseClick(pages.question.review_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(pages.review.submit_button, Qt.MouseButton.LeftButton)
    assert "incomplete" in quiz.result.flag_codes()
    assert "Incomplete" in pages.results.flags.text()


def test_submitting_nothing_says_so(quiz, qtbot):
    window, shell = quiz
    qtbot.keyClick(window.welcome.full_button, Qt.Key.Key_Return)
    shell.questions.review()
    qtbot.keyClick(shell.pages.review, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is shell.pages.review
    warnings = shell.dialogs.warnings
    assert warnings and "at least one" in warnings[0][1]


def test_resume_and_discard(qtbot, tmp_path):
    data = tmp_path / "data"
    window, shell = open_window(qtbot, data)
    qtbot.keyClick(window.welcome.full_button, Qt.Key.Key_Return)
    for key in "54321":
        qtbot.keyClick(shell.pages.question, key)
    given = dict(shell.questions.quiz.answers)
    window.close()  # RoleFit closes; it is started again later

    again, resumed = open_window(qtbot, data, active=False)
    page = again.welcome
    assert not page.unfinished_box.isHidden()
    labels = [label.text() for label in page.unfinished_box.findChildren(QLabel)]
    assert any("5 of 56 questions answered" in text for text in labels)
    assert "5 of 56 questions answered" in page.resume_buttons[0].accessibleName()
    # Tab follows reading order, the unfinished questionnaire first.
    chain = [page.resume_buttons[0], page.discard_buttons[0], page.name_edit, page.full_button]
    assert [w.nextInFocusChain() for w in chain[:-1]] == chain[1:]
    assert page.full_button.nextInFocusChain() is page.short_button
    qtbot.mouseClick(page.resume_buttons[0], Qt.MouseButton.LeftButton)
    assert resumed.questions.quiz.answers == given and resumed.questions.quiz.position == 5
    again.close()

    third, discarding = open_window(qtbot, data, active=False)
    discarding.dialogs.answers = [0]  # "Keep it"
    qtbot.mouseClick(third.welcome.discard_buttons[0], Qt.MouseButton.LeftButton)
    (asked,) = discarding.dialogs.asked
    assert "5 of 56 questions answered" in asked[1] and asked[3] == 0  # the safe default
    assert open_store(data).store.unfinished() is not None  # kept
    discarding.dialogs.answers = [1]  # "Discard it"
    qtbot.mouseClick(third.welcome.discard_buttons[0], Qt.MouseButton.LeftButton)
    assert open_store(data).store.unfinished() is None
    assert third.welcome.unfinished_box is None


def test_a_damaged_database_is_reported_kept_and_the_quiz_goes_on(qtbot, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "rolefit.db").write_bytes(b"\x00garbage" * 1000)
    window, shell = open_window(qtbot, data)
    shown = [text for _title, text in shell.dialogs.warnings]
    assert shown and "could not read its saved questionnaires" in shown[0]
    kept = list(data.glob("rolefit.db.damaged-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == b"\x00garbage" * 1000
    assert str(kept[0]) in shown[0]
    qtbot.keyClick(window.welcome.full_button, Qt.Key.Key_Return)
    qtbot.keyClick(shell.pages.question, "3")
    assert open_store(data).store.unfinished().answers == {shell.questions.quiz.items[0].id: 3}


def finish_quiz(window, shell, qtbot, name=""):
    window.welcome.name_edit.setText(name)
    qtbot.keyClick(window.welcome.full_button, Qt.Key.Key_Return)
    for n, item in enumerate(shell.questions.quiz.items):
        qtbot.keyClick(shell.pages.question, answer_key(item, n * 3))
    qtbot.keyClick(shell.pages.review, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is shell.pages.results


def test_ctrl_s_saves_a_one_page_pdf_with_real_text(quiz, qtbot, tmp_path):
    window, shell = quiz
    finish_quiz(window, shell, qtbot, name="Grace Hopper")
    target = tmp_path / "summary.pdf"
    shell.dialogs.paths = [target]
    qtbot.keyClick(shell.pages.results, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert shell.dialogs.suggested[-1].startswith("rolefit-grace-hopper-")
    reader = PdfReader(target)
    assert len(reader.pages) == 1
    text = " ".join(unicodedata.normalize("NFKC", reader.pages[0].extract_text()).split())
    quiz = shell.questions.quiz
    words = result_words(quiz.bank, quiz.result)
    for expected in (
        "Grace Hopper",
        f"management {quiz.bank.version}",
        words.headline,
        words.confidence,
        "Operations management",
        "Business management",
        "General management",
    ):
        assert expected in text, expected
    for value in quiz.result.fit.values():
        assert f"{value:.0f}" in text


def test_ctrl_p_opens_the_print_preview(quiz, qtbot):
    window, shell = quiz
    finish_quiz(window, shell, qtbot)
    qtbot.keyClick(shell.pages.results, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    opened = shell.dialogs.ran
    assert len(opened) == 1 and type(opened[0]).__name__ == "QPrintPreviewDialog"


def test_saved_answers_reopen_with_the_command_line(quiz, qtbot, tmp_path, capsys):
    window, shell = quiz
    finish_quiz(window, shell, qtbot)
    target = tmp_path / "answers.json"
    shell.dialogs.paths = [target]
    qtbot.mouseClick(shell.pages.results.save_answers_button, Qt.MouseButton.LeftButton)
    from rolefit.cli import main

    assert main(["score", str(target), "--json"]) == 0
    scored = json.loads(capsys.readouterr().out)
    quiz = shell.questions.quiz
    assert scored == json.loads(json.dumps(result_json(quiz.bank, quiz.result)))


def test_every_control_has_an_accessible_name(quiz, qtbot):
    window, shell = quiz
    finish_quiz(window, shell, qtbot)
    shell.questions.jump(0)
    pages = shell.pages
    for page in (window.welcome, pages.question, pages.review, pages.results):
        for kind in (QAbstractButton, QLineEdit, QListWidget):
            for widget in page.findChildren(kind):
                assert widget.accessibleName(), widget


def tab_stops(window, page):
    """The page's Tab stops as Tab visits them, starting from the first in reading order."""
    stops, widget = [], page.nextInFocusChain()
    for _ in range(1000):
        if widget is page:
            break
        if (
            page.isAncestorOf(widget)
            and widget.isVisible()
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        ):
            stops.append(widget)
        widget = widget.nextInFocusChain()
    else:
        raise AssertionError("the focus chain does not come back to the page")

    def place(w):
        corner = w.mapTo(window, w.rect().topLeft())
        return corner.y(), corner.x()

    first = stops.index(min(stops, key=place))
    visited = stops[first:] + stops[:first]
    return visited, sorted(stops, key=place)


def test_tab_follows_reading_order_and_every_stop_is_named(quiz, qtbot):
    window, shell = quiz
    pages = shell.pages
    seen = {}

    def check(label, page):
        visited, reading = tab_stops(window, page)
        assert [w.accessibleName() for w in visited] == [w.accessibleName() for w in reading]
        assert all(w.accessibleName() for w in visited), label
        seen[label] = len(visited)

    check("welcome", window.welcome)
    qtbot.keyClick(window.welcome.full_button, Qt.Key.Key_Return)
    check("first question", pages.question)
    quiz = shell.questions.quiz
    choice = next(n for n, i in enumerate(quiz.items) if isinstance(i, ChoiceItem))
    shell.questions.jump(choice)
    check("choice question", pages.question)
    shell.questions.answer(quiz.current.options[0].id)  # stored from its first answer on
    shell.welcome.show()  # now with the unfinished questionnaire listed
    check("welcome with resume", window.welcome)
    shell.dialogs.answers = [1]  # discard the unfinished one and start anew
    finish_quiz(window, shell, qtbot)
    shell.questions.review()
    check("review", pages.review)
    shell.questions.submit()
    check("results", pages.results)
    # The answers are one radio group, one Tab stop (arrow keys move within it), then the
    # navigation; the unfinished questionnaire adds two stops.
    assert seen["first question"] == 1 + 2  # Back and Next disabled: first, and unanswered
    assert seen["welcome with resume"] == seen["welcome"] + 2


def test_a_broken_bank_shows_its_problems_instead_of_a_quiz(qtbot, tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: [", encoding="utf-8")
    window, shell = open_window(qtbot, tmp_path / "data", bank=Path(broken))
    page = window.welcome
    assert "could not be loaded" in page.status.text()
    assert "broken.yaml:" in page.problems_view.toPlainText()
    assert not page.full_button.isEnabled() and not page.short_button.isEnabled()


def test_checking_an_answer_without_a_click_answers_once(quiz, qtbot):
    """A screen reader's "Toggle" action checks a radio button without clicking it."""
    window, shell = quiz
    qtbot.keyClick(window.welcome.full_button, Qt.Key.Key_Return)
    page, quiz = shell.pages.question, shell.questions.quiz
    page._buttons[3].toggle()  # what Qt does for the AT-SPI action
    assert quiz.answers == {quiz.items[0].id: 4} and quiz.position == 1
    qtbot.mouseClick(page._buttons[1], Qt.MouseButton.LeftButton)  # a click answers once
    assert quiz.answers[quiz.items[1].id] == 2 and quiz.position == 2
    shell.questions.back()  # showing an answered question answers nothing
    assert quiz.position == 1 and page._buttons[1].isChecked()


def test_a_questionnaire_left_unfinished_in_0_1_0_resumes_in_the_window(qtbot, tmp_path):
    """Its answers intact, on the questions it was started with (bank 1.0)."""
    import shutil

    from rolefit.store import DB_FILENAME

    data = tmp_path / "data"
    data.mkdir()
    fixture = Path(__file__).resolve().parents[1] / "store" / "data" / "rolefit-0.1.0.db"
    shutil.copyfile(fixture, data / DB_FILENAME)
    stored = open_store(data).store.unfinished()
    window, shell = open_window(qtbot, data, active=False)
    assert "Grace Hopper" in window.welcome.resume_buttons[0].accessibleName()
    qtbot.mouseClick(window.welcome.resume_buttons[0], Qt.MouseButton.LeftButton)
    quiz = shell.questions.quiz
    assert quiz.bank.version == "1.0" and quiz.answers == dict(stored.answers)
    assert quiz.position == stored.position == 20
    assert shell.pages.question.counter.text() == "Question 21 of 56"
    shell.questions.answer(4)  # and it goes on being saved
    assert open_store(data).store.unfinished().answers[quiz.items[20].id] == 4


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen has no stacking
def test_a_second_window_on_the_same_folder_says_so_and_brings_the_first_forward(qtbot, tmp_path):
    data = tmp_path / "data"
    first, first_shell = open_window(qtbot, data)
    qtbot.keyClick(first.welcome.full_button, Qt.Key.Key_Return)
    qtbot.keyClick(first_shell.pages.question, "4")
    first.showMinimized()
    raised = []
    first.activateWindow = lambda: raised.append(True)  # what the window system would do

    from rolefit.app import build_window

    second, second_shell = build_window(None, data)
    qtbot.addWidget(second)
    from fakes import ScriptedDialogs

    second_shell.dialogs = ScriptedDialogs()
    second.show()
    second_shell.load()
    page = second.welcome
    assert "already open on this folder" in page.status.text()
    # Nothing here starts a questionnaire; the one way on is focused, and Return takes it.
    assert not page.full_button.isVisibleTo(second) and not page.name_edit.isVisibleTo(second)
    assert page.bring_button is not None and second.focusWidget() is page.bring_button
    assert page.close_button is not None and page.close_button.isVisibleTo(second)
    qtbot.keyClick(page.bring_button, Qt.Key.Key_Return)
    assert not second_shell.dialogs.asked and not second_shell.dialogs.warnings
    qtbot.waitUntil(lambda: bool(raised), timeout=5000)
    assert not first.isMinimized()
    qtbot.waitUntil(lambda: not second.isVisible(), timeout=5000)
    # The first window's questionnaire was never touched by the second.
    assert open_store(data).store.unfinished().answers == dict(first_shell.questions.quiz.answers)


def test_next_goes_on_from_an_answer_and_skip_from_none(quiz, qtbot):
    window, shell = quiz
    qtbot.keyClick(window.welcome.full_button, Qt.Key.Key_Return)
    page = shell.pages.question
    assert not page.next_button.isEnabled() and page.skip_button.isEnabled()
    qtbot.keyClick(page, "4")  # answered: on to question 2
    qtbot.keyClick(page, Qt.Key.Key_Backspace)
    assert page.next_button.isEnabled()  # back on an answered one, Next goes on
    qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    assert page.counter.text() == "Question 2 of 56" and not page.next_button.isEnabled()


def test_start_again_from_a_question_asks_only_when_answers_exist(quiz, qtbot):
    window, shell = quiz
    window.welcome.name_edit.setText("Ada")
    qtbot.keyClick(window.welcome.full_button, Qt.Key.Key_Return)
    assert window.welcome.name_edit.text() == ""  # the next person does not get Ada's name
    assert window.restart_action.isEnabled() and window.open_action.isEnabled()
    window.restart_action.trigger()  # nothing answered: nothing to ask about
    assert window.stack.currentWidget() is window.welcome and not shell.dialogs.asked
    qtbot.keyClick(window.welcome.full_button, Qt.Key.Key_Return)
    qtbot.keyClick(shell.pages.question, "2")
    window.restart_action.trigger()
    (asked,) = shell.dialogs.asked
    assert asked[2][asked[3]] == asked[2][asked[4]] == "Stay here"  # Return and Escape stay
    assert "kept" in asked[1] and window.stack.currentWidget() is shell.pages.question
    shell.dialogs.answers = [1]  # leave it
    window.restart_action.trigger()
    assert window.stack.currentWidget() is window.welcome
    assert window.welcome.resume_buttons  # listed to resume, with its answer


def test_an_answers_file_opens_during_a_questionnaire_which_stays_to_resume(quiz, qtbot, tmp_path):
    window, shell = quiz
    qtbot.keyClick(window.welcome.full_button, Qt.Key.Key_Return)
    qtbot.keyClick(shell.pages.question, "5")
    bank = shell.bank
    path = tmp_path / "answers.json"
    values = {item.id: 4 for item in bank.items if not isinstance(item, ChoiceItem)}
    path.write_text(json.dumps(make_answers(bank, values).to_json(bank)), "utf-8")
    shell.dialogs.paths = [path]
    assert window.open_action.isEnabled()
    window.open_action.trigger()
    assert not shell.dialogs.warnings and window.stack.currentWidget() is shell.pages.results
    shell.dialogs.answers = [1]
    window.restart_action.trigger()
    assert window.welcome.resume_buttons  # the questionnaire under way is still there
