"""Small reusable widgets of the question page."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from rolefit.i18n import _


class OptionCard(QPushButton):
    """A large, checkable button whose text wraps: one forced-choice option."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCheckable(True)
        self.setObjectName("optionCard")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._label = QLabel(self)
        self._label.setWordWrap(True)
        self._label.setTextFormat(Qt.TextFormat.RichText)
        self._label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = self._layout = QVBoxLayout(self)
        margin = self.fontMetrics().height()
        layout.setContentsMargins(margin, margin // 2 + 4, margin, margin // 2 + 4)
        layout.addWidget(self._label)
        # A child label does not follow the button's checked colours by itself.
        self.toggled.connect(
            lambda on: self._label.setStyleSheet("color: palette(highlighted-text);" if on else "")
        )

    def set_option(self, number: int, text: str) -> None:
        self._label.setText(f"<b>{number}</b>&nbsp;&nbsp;{escape(text)}")
        self.setAccessibleName(_("Option {number}: {text}").format(number=number, text=text))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = self._layout.sizeHint()
        return QSize(max(hint.width(), 200), hint.height())

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        return self._layout.heightForWidth(width)
