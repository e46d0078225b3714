"""Colours that stay readable in any palette, light or dark."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication


def readable_placeholder(app: QApplication) -> None:
    """Keep placeholder text readable whatever the palette (a dark one included).

    A palette that sets its colours but not the placeholder's keeps Qt's default, dark grey
    on a dark field: unreadable. Then the placeholder becomes the text colour, dimmed. The
    main window calls this again when the palette changes (a dark theme switched on).
    """
    palette = app.palette()
    roles = QPalette.ColorRole
    changed = False
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        base = palette.color(group, roles.Base)
        placeholder = palette.color(group, roles.PlaceholderText)
        if contrast(placeholder, base) >= 3.0:
            continue
        text = QColor(palette.color(group, roles.Text))
        text.setAlphaF(0.65)
        palette.setColor(group, roles.PlaceholderText, text)
        changed = True
    if changed:
        app.setPalette(palette)  # a palette change again: then nothing is left to mend


def contrast(foreground: QColor, background: QColor) -> float:
    """The WCAG contrast ratio of ``foreground`` (blended by its alpha) on ``background``."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    def luminance(color: QColor) -> float:
        red, green, blue = (channel(c) for c in (color.redF(), color.greenF(), color.blueF()))
        return 0.2126 * red + 0.7152 * green + 0.0722 * blue

    alpha = foreground.alphaF()
    blended = QColor.fromRgbF(
        *(
            alpha * f + (1 - alpha) * b
            for f, b in zip(
                (foreground.redF(), foreground.greenF(), foreground.blueF()),
                (background.redF(), background.greenF(), background.blueF()),
                strict=True,
            )
        )
    )
    light, dark = sorted((luminance(blended), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
