"""One question at a time: large text, labelled answer buttons or option cards, progress."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from rolefit.bank import ChoiceItem, Item, Scale
from rolefit.i18n import _
from rolefit.ui.widgets import OptionCard


class QuestionPage(QWidget):
    answered = Signal(object)  # the answer value: an int on the scale or an option id
    back_requested = Signal()
    skip_requested = Signal()
    next_requested = Signal()
    review_requested = Signal()

    def __init__(self, scale: Scale, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("questionPage")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._scale = scale
        self._values: list[int | str] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 24, 40, 24)
        layout.setSpacing(16)

        top = QHBoxLayout()
        self.counter = QLabel()
        self.counter.setObjectName("counter")
        self.time_left = QLabel()
        self.time_left.setObjectName("hint")
        self.time_left.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(self.counter)
        top.addStretch(1)
        top.addWidget(self.time_left)
        layout.addLayout(top)
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(_("Progress through the questionnaire"))
        self.progress.setMaximumHeight(10)
        layout.addWidget(self.progress)

        self.question = QLabel()
        self.question.setObjectName("questionText")
        self.question.setWordWrap(True)
        self.question.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.question.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        layout.addWidget(self.question)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        # Not a Tab stop: it holds only the answers, and scrolls to the one focused.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._answers_host = QWidget()
        self._answers_layout = QVBoxLayout(self._answers_host)
        self._answers_layout.setContentsMargins(0, 0, 0, 0)
        scroll.setWidget(self._answers_host)
        layout.addWidget(scroll, 1)

        self.hint = QLabel()
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)

        nav = QHBoxLayout()
        self.back_button = QPushButton(_("\u2190 &Back"))
        self.back_button.setAccessibleName(_("Back to the previous question"))
        self.review_button = QPushButton(_("Re&view answers"))
        self.review_button.setAccessibleName(_("Review all answers"))
        self.skip_button = QPushButton(_("S&kip"))
        self.skip_button.setAccessibleName(_("Skip this question"))
        self.next_button = QPushButton(_("&Next \u2192"))
        self.next_button.setObjectName("primaryButton")
        self.next_button.setAccessibleName(_("Next question"))
        nav.addWidget(self.back_button)
        nav.addWidget(self.review_button)
        nav.addStretch(1)
        nav.addWidget(self.skip_button)
        nav.addWidget(self.next_button)
        layout.addLayout(nav)

        # The answer widgets are built once and reused: switching questions only changes
        # texts and visibility, so it is fast and nothing stale is ever drawn.
        # Each button joins its group once, for life: PySide6 6.12 mis-counts references
        # when buttons are removed from and re-added to a QButtonGroup many times.
        self._buttons: list[QPushButton] = []
        self._scale_group = QButtonGroup(self)
        self._card_group = QButtonGroup(self)
        self._scale_host = QWidget()
        row = QGridLayout(self._scale_host)
        row.setContentsMargins(0, 0, 0, 0)
        row.setHorizontalSpacing(10)
        self._scale_buttons: list[QPushButton] = []
        for n, value in enumerate(range(scale.min, scale.max + 1)):
            label = scale.label(value)
            button = QPushButton(f"{n + 1}\n{label}")
            button.setObjectName("scaleButton")
            button.setCheckable(True)
            button.setAccessibleName(f"{n + 1}: {label}")
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            row.addWidget(button, 0, n)
            self._scale_group.addButton(button, n)
            self._scale_buttons.append(button)
        self._answers_layout.addWidget(self._scale_host)
        self._cards: list[OptionCard] = []
        self._answers_layout.addStretch(1)
        for group in (self._scale_group, self._card_group):
            group.idClicked.connect(lambda index: self.answered.emit(self._values[index]))
        self.back_button.clicked.connect(self.back_requested)
        self.skip_button.clicked.connect(self.skip_requested)
        self.next_button.clicked.connect(self.next_requested)
        self.review_button.clicked.connect(self.review_requested)

        # The keyboard contract: digits answer (and move on), Backspace goes back.
        for digit in range(1, 10):
            shortcut = QShortcut(QKeySequence(str(digit)), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda d=digit: self._press(d))
        back = QShortcut(QKeySequence(Qt.Key.Key_Backspace), self)
        back.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        back.activated.connect(self.back_requested)

    def _press(self, digit: int) -> None:
        if 1 <= digit <= len(self._buttons):
            self._buttons[digit - 1].click()

    def show_item(
        self, item: Item, number: int, total: int, answer: int | str | None, can_go_back: bool
    ) -> None:
        self.counter.setText(_("Question {number} of {total}").format(number=number, total=total))
        self.progress.setRange(0, total)
        self.progress.setValue(number - 1)
        self.question.setText(item.text)
        self.question.setAccessibleName(
            _("Question {number} of {total}: {text}").format(
                number=number, total=total, text=item.text
            )
        )
        self.back_button.setEnabled(can_go_back)
        if isinstance(item, ChoiceItem):
            self._values = [o.id for o in item.options]
            while len(self._cards) < len(item.options):
                card = OptionCard()
                self._answers_layout.insertWidget(len(self._cards) + 1, card)
                self._card_group.addButton(card, len(self._cards))
                self._cards.append(card)
            for n, (card, option) in enumerate(
                zip(self._cards, item.options, strict=False), start=1
            ):
                card.set_option(n, option.text)
            self._use(self._card_group, self._cards[: len(item.options)])
            self.hint.setText(
                _("Press 1\u2013{last} to choose, or click an option.").format(
                    last=len(item.options)
                )
            )
        else:
            self._values = list(range(self._scale.min, self._scale.max + 1))
            self._use(self._scale_group, self._scale_buttons)
            count = len(self._values)
            self.hint.setText(
                _("Press 1\u2013{last} to answer, or click. 1 = {low}, {last} = {high}.").format(
                    last=count, low=self._scale.labels[0], high=self._scale.labels[-1]
                )
            )
        self._scale_host.setVisible(not isinstance(item, ChoiceItem))
        for n, card in enumerate(self._cards):
            card.setVisible(isinstance(item, ChoiceItem) and n < len(self._values))
        if answer in self._values:
            self._buttons[self._values.index(answer)].setChecked(True)
        self.next_button.setText(_("&Next \u2192") if number < total else _("Re&view \u2192"))
        if answer in self._values:
            self._buttons[self._values.index(answer)].setFocus()
        else:
            # No answer button is focused, so none looks chosen before the person chooses;
            # Tab from here reaches the answers first.
            self.setFocus()
        for first, second in zip(self._buttons, self._buttons[1:], strict=False):
            self.setTabOrder(first, second)
        if self._buttons:
            self.setTabOrder(self._buttons[-1], self.back_button)

    def _use(self, group: QButtonGroup, buttons: Sequence[QPushButton]) -> None:
        """Make ``buttons`` (of ``group``) the answer buttons, none of them checked."""
        group.setExclusive(False)  # an exclusive group would keep one button checked
        for button in group.buttons():
            button.setChecked(False)
        group.setExclusive(True)
        self._buttons = list(buttons)

    def set_time_left(self, text: str) -> None:
        self.time_left.setText(text)
