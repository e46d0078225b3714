"""The results page: it opens at the top on the verdict, can be left both ways, never prints
on Return, and asks before leaving the result."""

import json

import pytest
from fakes import open_window
from PySide6.QtCore import Qt

from rolefit.bank import ChoiceItem


@pytest.fixture
def finished(qtbot, tmp_path):
    window, shell = open_window(qtbot, tmp_path / "data")
    window.welcome.full_button.click()
    for n, item in enumerate(shell.questions.quiz.items):
        value = (
            item.options[n % len(item.options)].id if isinstance(item, ChoiceItem) else 1 + n % 5
        )
        shell.questions.answer(value)
    shell.questions.submit()
    assert window.stack.currentWidget() is shell.pages.results
    return window, shell


def test_the_result_opens_at_its_top_on_the_verdict(finished, qtbot):
    window, shell = finished
    page = shell.pages.results
    bar = page.scroll_area.verticalScrollBar()
    assert bar.value() == 0
    assert page.scroll_area.hasFocus()
    assert page.scroll_area.accessibleName() == f"Your result: {page.headline.text()}"
    bar.setValue(bar.maximum())
    shell.questions.show_review()
    shell.questions.submit()  # a new result, shown again: from the top
    assert bar.value() == 0


def test_return_does_not_print_and_no_button_is_a_default(finished, qtbot):
    window, shell = finished
    page = shell.pages.results
    qtbot.keyClick(page.scroll_area, Qt.Key.Key_Return)
    assert shell.dialogs.ran == [] and window.stack.currentWidget() is page
    for button in (page.print_button, page.back_button, page.restart_button):
        assert not button.isDefault() and not button.autoDefault()


def test_backspace_and_the_back_button_return_to_the_review(finished, qtbot):
    window, shell = finished
    page = shell.pages.results
    qtbot.keyClick(page.scroll_area, Qt.Key.Key_Backspace)
    assert window.stack.currentWidget() is shell.pages.review
    qtbot.keyClick(shell.pages.review, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is page
    qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is shell.pages.review
    shell.questions.jump(3)  # ... and from the review to any question
    assert window.stack.currentWidget() is shell.pages.question


def test_start_again_asks_first_with_staying_as_the_default(finished, qtbot):
    window, shell = finished
    page = shell.pages.results
    qtbot.mouseClick(page.restart_button, Qt.MouseButton.LeftButton)
    (asked,) = shell.dialogs.asked
    title, _text, choices, default, escape = asked
    assert "Leave this result" in title and choices[default] == choices[escape] == "Stay here"
    assert window.stack.currentWidget() is page  # Return (the default) stays
    shell.dialogs.answers = [1]
    window.restart_action.trigger()  # File > Start again asks the same
    assert len(shell.dialogs.asked) == 2 and window.stack.currentWidget() is window.welcome


def test_an_opened_answers_file_shows_its_result_without_a_way_back(qtbot, tmp_path):
    answers = tmp_path / "mine.json"
    answers.write_text(json.dumps({"answers": {"hiring": 5, "staff-voice": 4}}), "utf-8")
    window, shell = open_window(qtbot, tmp_path / "data")
    shell.dialogs.paths = [answers]
    window.open_action.trigger()
    page = shell.pages.results
    assert window.stack.currentWidget() is page and not page.back_button.isVisible()
    assert shell.results.shown.result.answered == 2
    qtbot.keyClick(page.scroll_area, Qt.Key.Key_Backspace)  # nothing to go back to
    assert window.stack.currentWidget() is page


def test_a_name_saved_with_the_answers_comes_back_with_them(finished, qtbot, tmp_path):
    window, shell = finished
    target = tmp_path / "named.json"
    shell.dialogs.paths = [target]
    results = shell.results
    shell.results.show(results.shown._replace(name="Ada  Lovelace"))
    qtbot.mouseClick(shell.pages.results.save_answers_button, Qt.MouseButton.LeftButton)
    assert json.loads(target.read_text("utf-8"))["name"] == "Ada Lovelace"
    shell.dialogs.paths = [target]
    window.open_action.trigger()
    assert shell.results.shown.name == "Ada Lovelace"
    assert not shell.results.shown.from_quiz


def test_a_bad_answers_file_is_reported_and_nothing_changes(qtbot, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"answers": {"hiring": 9}}', "utf-8")
    window, shell = open_window(qtbot, tmp_path / "data")
    shell.dialogs.paths = [bad]
    window.open_action.trigger()
    (warning,) = shell.dialogs.warnings
    assert "bad.json: item 'hiring'" in warning[1]
    assert window.stack.currentWidget() is window.welcome


def test_the_reasons_have_one_marker_each(finished):
    window, shell = finished
    html = shell.pages.results.reasons.text()
    assert "\u25b2" not in html and "\u25bc" not in html
    assert "Pointing towards it:" in html and html.count("<li>") >= 3


def test_the_print_preview_is_large_enough_to_read_and_has_a_close_button(finished, qtbot):
    from PySide6.QtWidgets import QToolBar

    window, shell = finished
    preview = shell.results.print_preview()
    qtbot.addWidget(preview)
    area = preview.screen().availableGeometry()
    assert preview.height() >= area.height() * 0.8 and preview.width() >= area.width() * 0.6
    (toolbar,) = preview.findChildren(QToolBar)
    (close,) = [a for a in toolbar.actions() if a.text() == "Close"]
    preview.show()
    close.trigger()
    assert not preview.isVisible() and preview.result() == 0


def test_a_save_that_fails_says_so_and_never_says_saved(finished, tmp_path):
    window, shell = finished
    shell.dialogs.paths = [tmp_path / "no-such-folder" / "summary.pdf"]
    window.save_pdf_action.trigger()
    shell.dialogs.paths = [tmp_path / "no-such-folder" / "answers.json"]
    shell.results.save_answers()
    titles = [title for title, _text in shell.dialogs.warnings]
    assert titles == ["Could not save the PDF", "Could not save the answers"]
    assert all("Nothing was written" in text for _title, text in shell.dialogs.warnings)
    assert not any(s.startswith("Saved") for s in shell.dialogs.statuses)
    shell.dialogs.paths = [tmp_path / "summary.pdf"]
    window.save_pdf_action.trigger()
    assert shell.dialogs.statuses[-1] == f"Saved {tmp_path / 'summary.pdf'}"
    assert oct((tmp_path / "summary.pdf").stat().st_mode & 0o777) == "0o600"
