"""Parts of the pages, usable on the welcome page without the ``Qt`` namespace.

The first use of ``PySide6.QtCore.Qt`` from Python builds all of its ~90 enums, about
15 ms: a tenth of a bare window's start-up. The welcome page is shown at every start,
so it and these helpers avoid ``Qt``; pages built later use it freely. See
docs/performance.md.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget


def scrolling_page(page: QWidget, margins: tuple[int, int], spacing: int) -> QVBoxLayout:
    """Give ``page`` a frameless scroll area and return the layout of its body.

    Content scrolls instead of being clipped when the window is small or the text large
    (QT_SCALE_FACTOR=2, big system fonts). ``page.layout()`` stays free for a fixed bar.
    """
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    outer.addWidget(scroll, 1)
    body = QWidget()
    scroll.setWidget(body)
    layout = QVBoxLayout(body)
    horizontal, vertical = margins
    layout.setContentsMargins(horizontal, vertical, horizontal, vertical)
    layout.setSpacing(spacing)
    return layout
