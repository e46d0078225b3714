"""Keyboard use: no two controls of a page share a mnemonic, and menus give the keys back."""

import re

import pytest
from fakes import open_window
from PySide6.QtWidgets import QAbstractButton, QLabel

from rolefit.bank import ChoiceItem


def mnemonic(text):
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def page_mnemonics(window, page):
    """Alt+letter keys live on ``page``: its visible buttons and labelled fields, and the
    menu bar's menus, which are live on every page."""
    keys = []
    for button in page.findChildren(QAbstractButton):
        if button.isVisibleTo(window) and mnemonic(button.text()):
            keys.append((mnemonic(button.text()), button.text()))
    for label in page.findChildren(QLabel):
        if label.isVisibleTo(window) and label.buddy() is not None and mnemonic(label.text()):
            keys.append((mnemonic(label.text()), label.text()))
    for menu in window.menuBar().actions():
        keys.append((mnemonic(menu.text()), menu.text()))
    return keys


@pytest.fixture
def driven(qtbot, tmp_path):
    return open_window(qtbot, tmp_path / "data")


def test_no_two_controls_of_a_page_share_a_mnemonic(driven):
    window, shell = driven
    pages = {}
    pages["welcome"] = page_mnemonics(window, window.welcome)
    window.welcome.full_button.click()
    quiz = shell.questions.quiz
    shell.questions.answer(3)
    pages["scale question"] = page_mnemonics(window, shell.pages.question)
    shell.questions.jump(next(n for n, i in enumerate(quiz.items) if isinstance(i, ChoiceItem)))
    pages["choice question"] = page_mnemonics(window, shell.pages.question)
    shell.questions.jump(len(quiz.items) - 1)
    pages["last question"] = page_mnemonics(window, shell.pages.question)
    shell.welcome.show()
    pages["welcome, with an unfinished questionnaire"] = page_mnemonics(window, window.welcome)
    shell.questions.begin(quiz)
    shell.questions.review()
    pages["review"] = page_mnemonics(window, shell.pages.review)
    shell.questions.submit()
    pages["results"] = page_mnemonics(window, shell.pages.results)
    for name, keys in pages.items():
        letters = [letter for letter, _text in keys]
        clashes = {
            k: [t for letter, t in keys if letter == k] for k in letters if letters.count(k) > 1
        }
        assert not clashes, f"{name}: {clashes}"
        assert len(keys) >= 3, name


def test_every_menu_item_has_its_own_key(driven):
    window, _shell = driven
    for menu in window.menuBar().actions():
        letters = [mnemonic(a.text()) for a in menu.menu().actions() if not a.isSeparator()]
        assert None not in letters and len(set(letters)) == len(letters), menu.text()


# A popup menu on the offscreen platform: it says it cannot raise it or grab the keyboard.
@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")
def test_escape_closes_a_menu_and_gives_the_keys_back_to_the_page(driven, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    window, shell = driven
    with qtbot.waitActive(window):
        window.activateWindow()
    window.welcome.full_button.click()
    page = shell.pages.question
    focused = QApplication.focusWidget()
    assert page.isAncestorOf(focused)
    # That the next key then answers is checked in a real window: tests/ui/real_window.py.
    bar = window.menuBar()
    qtbot.keyClick(focused, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(
        lambda: bar.activeAction() is not None and bar.activeAction().menu().isVisible()
    )
    menu = bar.activeAction().menu()
    qtbot.keyClick(menu, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not menu.isVisible())
    # The menu bar lets go at once: no menu highlighted, the page's widget focused again.
    # (The offscreen platform does not hand activation back from a popup by itself, so
    # the window is activated as the window system would.)
    qtbot.waitUntil(lambda: bar.activeAction() is None)
    window.activateWindow()
    qtbot.waitUntil(lambda: page.isAncestorOf(window.focusWidget()))


def test_the_review_list_opens_a_question_by_keyboard_and_answering_returns(driven, qtbot):
    from PySide6.QtCore import Qt

    window, shell = driven
    window.welcome.short_button.click()
    quiz = shell.questions.quiz
    for n in range(quiz.total):
        if n in (2, 4):
            shell.questions.skip()
        else:
            shell.questions.answer(
                quiz.current.options[0].id if quiz.current.kind == "choice" else 3
            )
    review = shell.pages.review
    assert window.stack.currentWidget() is review
    assert review.list.currentRow() == 2  # the first unanswered question is the current row
    review.list.setFocus()
    qtbot.keyClick(review.list, Qt.Key.Key_Down)
    qtbot.keyClick(review.list, Qt.Key.Key_Down)
    qtbot.keyClick(review.list, Qt.Key.Key_Return)  # opens question 5, not the result
    assert window.stack.currentWidget() is shell.pages.question and quiz.position == 4
    qtbot.keyClick(shell.pages.question, "2")  # answering it goes back to the review
    assert window.stack.currentWidget() is review and quiz.answer_of(quiz.items[4].id) == 2
    review.list.setFocus()
    review.list.setCurrentRow(2)
    qtbot.keyClick(review.list, Qt.Key.Key_Space)
    assert window.stack.currentWidget() is shell.pages.question and quiz.position == 2
    shell.questions.review()
    qtbot.keyClick(review.submit_button, Qt.Key.Key_Return)  # elsewhere, Return shows the result
    assert window.stack.currentWidget() is shell.pages.results
