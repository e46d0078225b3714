"""The style sheet follows the system font: headings grow with it like body text does."""

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel

from rolefit.app import style_sheet


def styled_label(name, system_font):
    label = QLabel("Which management role fits you?")
    label.setObjectName(name)
    label.setFont(system_font)
    label.setStyleSheet(style_sheet(system_font))
    label.ensurePolished()
    return label.font()


@pytest.mark.parametrize("name", ["pageTitle", "questionText", "sectionHeading"])
def test_headings_scale_with_the_system_font_in_points(qapp, name):
    sizes = []
    for points in (9, 18):
        font = QFont()
        font.setPointSizeF(points)
        sizes.append(styled_label(name, font).pointSizeF())
    small, large = sizes
    assert small > 9  # a heading is larger than the body text
    assert large == pytest.approx(2 * small, rel=0.01)


def test_headings_scale_with_a_system_font_set_in_pixels(qapp):
    font = QFont()
    font.setPixelSize(20)
    assert styled_label("pageTitle", font).pixelSize() == 44


def test_body_text_keeps_the_system_font(qapp):
    font = QFont()
    font.setPointSizeF(15)
    assert styled_label("", font).pointSizeF() == 15


def test_placeholder_text_stays_readable_in_a_dark_palette(qtbot):
    from PySide6.QtGui import QColor, QPalette

    from rolefit.app import create_application
    from rolefit.ui.main_window import MainWindow
    from rolefit.ui.palette import contrast

    app = create_application()
    window = MainWindow()  # hears the palette change, as the running app's window does
    qtbot.addWidget(window)
    window.show()
    before = app.palette()
    roles = QPalette.ColorRole
    try:
        dark = QPalette()
        for role, color in (
            (roles.Window, "#202124"),
            (roles.Base, "#2a2b2e"),
            (roles.Text, "#e8eaed"),
            (roles.WindowText, "#e8eaed"),
        ):
            dark.setColor(role, QColor(color))
        assert contrast(dark.color(roles.PlaceholderText), dark.color(roles.Base)) < 3
        app.setPalette(dark)  # as a dark system theme does, after start-up

        def readable():
            shown = app.palette()
            return contrast(shown.color(roles.PlaceholderText), shown.color(roles.Base)) >= 3

        qtbot.waitUntil(readable)
        shown = app.palette()
        assert shown.color(roles.Text) == QColor("#e8eaed")  # nothing else changed
    finally:
        app.setPalette(before)
    assert (
        contrast(app.palette().color(roles.PlaceholderText), app.palette().color(roles.Base)) >= 3
    )
