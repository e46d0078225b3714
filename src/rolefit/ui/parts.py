"""Parts of the pages, usable on the welcome page without the ``Qt`` namespace.

The first use of ``PySide6.QtCore.Qt`` from Python builds all of its ~90 enums, about
15 ms: a tenth of a bare window's start-up. The welcome page is shown at every start,
so it and these helpers avoid ``Qt``; pages built later use it freely. See
docs/performance.md.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

# The width of the focus ring style.qss draws around a page's scroll area (always there,
# transparent until focused); the page's margins give it back, so text lines up with
# what is outside the scroll area.
PAGE_RING = 2


def scrolling_page(page: QWidget, name: str, margins: tuple[int, int], spacing: int) -> QVBoxLayout:
    """Give ``page`` a frameless scroll area and return the layout of its body.

    Content scrolls instead of being clipped when the window is small or the text large
    (QT_SCALE_FACTOR=2, big system fonts). ``page.layout()`` stays free for a fixed bar.
    The scroll area is a Tab stop, so the keyboard can scroll text no button is next to;
    ``name`` is what a screen reader calls it, and the style sheet draws its focus ring.
    """
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    scroll = QScrollArea()
    scroll.setObjectName("pageScroll")
    scroll.setAccessibleName(name)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    outer.addWidget(scroll, 1)
    body = QWidget()
    scroll.setWidget(body)
    layout = QVBoxLayout(body)
    horizontal, vertical = (margin - PAGE_RING for margin in margins)
    layout.setContentsMargins(horizontal, vertical, horizontal, vertical)
    layout.setSpacing(spacing)
    return layout


def plain_label(text: str = "") -> QLabel:
    """A label that shows ``text`` as it is, never as markup.

    QLabel guesses rich text from a ``<``, so a role title or a name holding ``<img>`` or
    ``<a href>`` would render as markup: every label showing bank text, a name or any other
    input is made here. (Not used while the window first paints: ``Qt`` costs 15 ms.)
    """
    from PySide6.QtCore import Qt

    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label
