"""Sizes: the window opens within the screen, and at its smallest no page clips."""

import pytest
from fakes import open_window
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QAbstractButton

from rolefit.bank import ChoiceItem
from rolefit.ui.main_window import PREFERRED, SMALLEST, first_size


@pytest.mark.parametrize(
    ("available", "expected"),
    [
        (QSize(1920, 1080), PREFERRED),
        (QSize(683, 450), QSize(614, 405)),  # 1366x900 at QT_SCALE_FACTOR=2
        (QSize(800, 600), QSize(720, 540)),
    ],
)
def test_the_first_size_fits_the_screens_free_area(available, expected):
    assert first_size(available) == expected


def in_scroll_area(widget):
    from PySide6.QtWidgets import QScrollArea

    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def pages_shown(window, shell):
    window.welcome.full_button.click()
    quiz = shell.questions.quiz
    yield "welcome", window.welcome
    longest = max(
        quiz.items, key=lambda i: len(i.text) + sum(len(o.text) for o in getattr(i, "options", ()))
    )
    shell.questions.jump(quiz.items.index(longest))
    yield "the longest question", shell.pages.question
    shell.questions.answer(longest.options[0].id if isinstance(longest, ChoiceItem) else 3)
    shell.questions.review()
    yield "review", shell.pages.review
    shell.questions.submit()
    yield "results", shell.pages.results


def test_at_the_smallest_size_no_page_clips_and_every_button_is_whole(qtbot, tmp_path):
    window, shell = open_window(qtbot, tmp_path / "data")
    window.resize(SMALLEST)
    assert window.size() == SMALLEST
    for name, page in pages_shown(window, shell):
        window.stack.setCurrentWidget(page)
        qtbot.wait(10)
        hint = page.minimumSizeHint()
        assert hint.width() <= page.width() and hint.height() <= page.height(), name
        for button in page.findChildren(QAbstractButton):
            if not button.isVisibleTo(window) or button.parent() is None:
                continue
            if in_scroll_area(button):
                continue  # reached by scrolling: the answers, the welcome page's buttons
            assert button.width() >= button.minimumSizeHint().width(), (name, button.text())
            corner = button.mapTo(window, button.rect().bottomRight())
            assert window.rect().contains(corner), (name, button.text())


def test_the_focused_answer_scrolls_into_sight_in_a_small_window(qtbot, tmp_path):
    from PySide6.QtCore import Qt

    window, shell = open_window(qtbot, tmp_path / "data")
    window.resize(SMALLEST)
    window.welcome.full_button.click()
    quiz = shell.questions.quiz
    three = next(
        n for n, i in enumerate(quiz.items) if isinstance(i, ChoiceItem) and len(i.options) == 3
    )
    shell.questions.jump(three)
    page = shell.pages.question
    page.body_scroll.setFixedHeight(page.body_scroll.height() // 3)  # as a large font leaves it
    qtbot.wait(10)
    viewport = page.body_scroll.viewport()
    for _ in range(2):
        qtbot.keyClick(page.focusWidget(), Qt.Key.Key_Down)
    focused = page.focusWidget()
    assert focused is page._buttons[2]
    top = focused.mapTo(viewport, focused.rect().topLeft())
    bottom = focused.mapTo(viewport, focused.rect().bottomRight())
    assert viewport.rect().contains(top) and viewport.rect().contains(bottom)
