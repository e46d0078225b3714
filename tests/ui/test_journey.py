"""The whole journey in a real window (offscreen): keyboard, mouse, review, result, files."""

import json
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QLineEdit, QListWidget

from rolefit.app import build_window, create_application
from rolefit.bank import ChoiceItem
from rolefit.scoring import make_answers, score_answers
from rolefit.store import open_store
from rolefit.wording import result_json, result_words


@pytest.fixture
def quiz(qtbot, tmp_path):
    create_application()
    window, controller = build_window(None, tmp_path / "data")
    show_active(qtbot, window)
    warnings = []
    window.warn = lambda title, text: warnings.append((title, text))
    controller.warnings = warnings
    return window, controller


def show_active(qtbot, window):
    """Shortcuts act in the active window, as they do for a person at the keyboard."""
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()


def answer_key(item, n):
    """A varied, valid key for item number n."""
    if isinstance(item, ChoiceItem):
        return str(n % len(item.options) + 1)
    return str(n % 5 + 1)


def test_the_whole_quiz_by_keyboard(quiz, qtbot, tmp_path):
    window, controller = quiz
    assert "RoleFit" in window.windowTitle()
    assert window.stack.currentWidget() is window.welcome
    qtbot.keyClick(window.welcome.full_button, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.question
    items = controller.items
    assert len(items) == 56
    expected = {}
    for n, item in enumerate(items):
        assert window.question.counter.text() == f"Question {n + 1} of 56"
        key = answer_key(item, n)
        qtbot.keyClick(window.question, key)
        index = int(key) - 1
        expected[item.id] = (
            item.options[index].id
            if isinstance(item, ChoiceItem)
            else controller.bank.scale.min + index
        )
        # Stored the moment it was given, before the next question appears.
        assert (
            open_store(tmp_path / "data").store.unfinished().answers[item.id] == expected[item.id]
        )
    assert window.stack.currentWidget() is window.review
    qtbot.keyClick(window.review, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.results
    # The window shows exactly what rolefit score computes for the same answers.
    bank = controller.bank
    assert controller.result == score_answers(bank, make_answers(bank, expected))
    # ... and says it in the words rolefit score uses.
    words = result_words(bank, controller.result)
    assert window.results.headline.text() == words.headline
    assert window.results.confidence.text().endswith(words.confidence)
    assert all(detail in window.results.confidence.text() for detail in words.details)


def test_backspace_goes_back_and_keeps_the_answer(quiz, qtbot):
    window, controller = quiz
    qtbot.keyClick(window.welcome.full_button, Qt.Key.Key_Return)
    qtbot.keyClick(window.question, "4")
    assert controller.position == 1
    qtbot.keyClick(window.question, Qt.Key.Key_Backspace)
    assert controller.position == 0
    checked = [b for b in window.question._buttons if b.isChecked()]
    assert [b.accessibleName() for b in checked] == ["4: Quite a lot"]


def test_choice_keys_pick_the_option_as_shown(quiz, qtbot):
    window, controller = quiz
    qtbot.keyClick(window.welcome.full_button, Qt.Key.Key_Return)
    first_choice = next(n for n, i in enumerate(controller.items) if isinstance(i, ChoiceItem))
    controller.jump(first_choice)
    item = controller.items[first_choice]
    qtbot.keyClick(window.question, "2")
    assert controller.answers[item.id] == item.options[1].id
    qtbot.keyClick(window.question, Qt.Key.Key_Backspace)
    qtbot.keyClick(window.question, "9")  # no 9th option: nothing happens
    assert controller.position == first_choice


def test_mouse_journey_with_skips_review_and_jump(quiz, qtbot):
    window, controller = quiz
    window.welcome.name_edit.setText("Ada Lovelace")
    qtbot.mouseClick(window.welcome.short_button, Qt.MouseButton.LeftButton)
    assert controller.form == "short" and controller.name == "Ada Lovelace"
    for n in range(len(controller.items)):
        if n % 3 == 0:
            qtbot.mouseClick(window.question.skip_button, Qt.MouseButton.LeftButton)
        else:
            qtbot.mouseClick(window.question._buttons[0], Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.review
    assert window.review.warning.isVisible()
    assert "marked incomplete" in window.review.warning.text()
    unanswered = [
        i
        for i in range(window.review.list.count())
        if "Not answered" in window.review.list.item(i).text()
    ]
    assert unanswered == [n for n in range(len(controller.items)) if n % 3 == 0]
    rect = window.review.list.visualItemRect(window.review.list.item(unanswered[1]))
    qtbot.mouseClick(window.review.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.stack.currentWidget() is window.question
    assert controller.position == unanswered[1]
    qtbot.mouseClick(window.question.review_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.review.submit_button, Qt.MouseButton.LeftButton)
    assert "incomplete" in controller.result.flag_codes()
    assert "Incomplete" in window.results.flags.text()


def test_submitting_nothing_says_so(quiz, qtbot):
    window, controller = quiz
    qtbot.keyClick(window.welcome.full_button, Qt.Key.Key_Return)
    controller.show_review()
    qtbot.keyClick(window.review, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.review
    assert controller.warnings and "at least one" in controller.warnings[0][1]


def test_resume_and_discard(qtbot, tmp_path):
    create_application()
    data = tmp_path / "data"
    window, controller = build_window(None, data)
    show_active(qtbot, window)
    qtbot.keyClick(window.welcome.full_button, Qt.Key.Key_Return)
    for key in "54321":
        qtbot.keyClick(window.question, key)
    given = dict(controller.answers)

    again, resumed = build_window(None, data)
    qtbot.addWidget(again)
    assert not again.welcome.resume_box.isHidden()
    assert "5 of 56 questions answered" in again.welcome.resume_label.text()
    page = again.welcome  # Tab follows reading order, the resume offer first
    chain = [page.resume_button, page.discard_button, page.name_edit, page.full_button]
    assert [w.nextInFocusChain() for w in chain[:-1]] == chain[1:]
    assert page.full_button.nextInFocusChain() is page.short_button
    qtbot.mouseClick(again.welcome.resume_button, Qt.MouseButton.LeftButton)
    assert resumed.answers == given and resumed.position == 5

    third, discarding = build_window(None, data)
    qtbot.addWidget(third)
    asked = []
    third.confirm = lambda title, text: asked.append(text) or False
    qtbot.mouseClick(third.welcome.discard_button, Qt.MouseButton.LeftButton)
    assert asked and open_store(data).store.unfinished() is not None  # said no: kept
    third.confirm = lambda title, text: True
    qtbot.mouseClick(third.welcome.discard_button, Qt.MouseButton.LeftButton)
    assert open_store(data).store.unfinished() is None
    assert third.welcome.resume_box.isHidden()


def test_a_damaged_database_is_reported_kept_and_the_quiz_goes_on(qtbot, tmp_path, monkeypatch):
    data = tmp_path / "data"
    data.mkdir()
    (data / "rolefit.db").write_bytes(b"\x00garbage" * 1000)
    from rolefit.ui.main_window import MainWindow

    shown = []
    monkeypatch.setattr(MainWindow, "warn", lambda self, title, text: shown.append(text))
    create_application()
    window, controller = build_window(None, data)
    show_active(qtbot, window)
    qtbot.waitUntil(lambda: bool(shown))
    assert "could not read its saved questionnaires" in shown[0]
    kept = list(data.glob("rolefit.db.damaged-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == b"\x00garbage" * 1000
    assert str(kept[0]) in shown[0]
    qtbot.keyClick(window.welcome.full_button, Qt.Key.Key_Return)
    qtbot.keyClick(window.question, "3")
    assert open_store(data).store.unfinished().answers == {controller.items[0].id: 3}


def finish_quiz(window, controller, qtbot, name=""):
    window.welcome.name_edit.setText(name)
    qtbot.keyClick(window.welcome.full_button, Qt.Key.Key_Return)
    for n, item in enumerate(controller.items):
        qtbot.keyClick(window.question, answer_key(item, n * 3))
    qtbot.keyClick(window.review, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.results


def test_ctrl_s_saves_a_one_page_pdf_with_real_text(quiz, qtbot, tmp_path, monkeypatch):
    window, controller = quiz
    finish_quiz(window, controller, qtbot, name="Grace Hopper")
    target = tmp_path / "summary.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.keyClick(window.results, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    reader = PdfReader(target)
    assert len(reader.pages) == 1
    text = " ".join(unicodedata.normalize("NFKC", reader.pages[0].extract_text()).split())
    words = result_words(controller.bank, controller.result)
    for expected in (
        "Grace Hopper",
        f"management {controller.bank.version}",
        words.headline,
        words.confidence,
        "Operations management",
        "Business management",
        "General management",
    ):
        assert expected in text, expected
    for value in controller.result.fit.values():
        assert f"{value:.0f}" in text


def test_ctrl_p_opens_the_print_preview(quiz, qtbot):
    window, controller = quiz
    finish_quiz(window, controller, qtbot)
    opened = []
    window.run_dialog = lambda dialog: opened.append(dialog) or 0
    qtbot.keyClick(window.results, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert len(opened) == 1 and type(opened[0]).__name__ == "QPrintPreviewDialog"


def test_saved_answers_reopen_with_the_command_line(quiz, qtbot, tmp_path, monkeypatch, capsys):
    window, controller = quiz
    finish_quiz(window, controller, qtbot)
    target = tmp_path / "answers.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(window.results.save_answers_button, Qt.MouseButton.LeftButton)
    from rolefit.cli import main

    assert main(["score", str(target), "--json"]) == 0
    scored = json.loads(capsys.readouterr().out)
    assert scored == json.loads(json.dumps(result_json(controller.bank, controller.result)))


def test_every_control_has_an_accessible_name(quiz, qtbot):
    window, controller = quiz
    finish_quiz(window, controller, qtbot)
    controller.jump(0)
    for page in (window.welcome, window.question, window.review, window.results):
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
    window, controller = quiz
    seen = {}

    def check(label, page):
        visited, reading = tab_stops(window, page)
        assert [w.accessibleName() for w in visited] == [w.accessibleName() for w in reading]
        assert all(w.accessibleName() for w in visited), label
        seen[label] = len(visited)

    check("welcome", window.welcome)
    qtbot.keyClick(window.welcome.full_button, Qt.Key.Key_Return)
    check("first question", window.question)
    choice = next(n for n, i in enumerate(controller.items) if isinstance(i, ChoiceItem))
    controller.jump(choice)
    check("choice question", window.question)
    controller.show_welcome()  # now with the offer to resume
    check("welcome with resume", window.welcome)
    finish_quiz(window, controller, qtbot)
    controller.show_review()
    check("review", window.review)
    controller.submit()
    check("results", window.results)
    # Answers, then the navigation; the offer to resume adds two stops.
    assert seen["first question"] == 5 + 3  # Back is disabled on the first question
    assert seen["welcome with resume"] == seen["welcome"] + 2


def test_a_broken_bank_shows_its_problems_instead_of_a_quiz(qtbot, tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: [", encoding="utf-8")
    create_application()
    window, controller = build_window(Path(broken), tmp_path / "data")
    qtbot.addWidget(window)
    assert controller is None
    assert "could not be loaded" in window.status.text()
    assert "broken.yaml:" in window.problems_view.toPlainText()
