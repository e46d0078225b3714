"""One question at a time: large text, labelled answer buttons or option cards, progress."""

from __future__ import annotations

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
    QVBoxLayout,
    QWidget,
)

from rolefit.bank import ChoiceItem, Item, Scale
from rolefit.i18n import _
from rolefit.ui.parts import plain_label
from rolefit.ui.widgets import AnswerButton


class QuestionPage(QWidget):
    answered = Signal(object)  # the answer value: an int on the scale or an option id
    back_requested = Signal()
    skip_requested = Signal()
    next_requested = Signal()
    review_requested = Signal()

    def __init__(self, scale: Scale, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("questionPage")
        self._scale = scale
        self._values: list[int | str] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(12)

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

        # The question, its answers and the hint scroll together, so a long question or a
        # large font scrolls instead of being cut off; the navigation stays put below.
        self.body_scroll = QScrollArea()
        self.body_scroll.setWidgetResizable(True)
        self.body_scroll.setFrameShape(QFrame.Shape.NoFrame)
        # Not a Tab stop: it holds the answers, and scrolls to the one focused.
        self.body_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 4, 0, 4)
        body_layout.setSpacing(12)
        self.question = plain_label()
        self.question.setObjectName("questionText")
        self.question.setWordWrap(True)
        self.question.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        body_layout.addWidget(self.question)
        # The answers live in a widget made here, between the question and the hint, so a
        # screen reader reads them in that order too.
        self._answers_host = QWidget()
        self._answers_layout = QVBoxLayout(self._answers_host)
        self._answers_layout.setContentsMargins(0, 0, 0, 0)
        self._answers_layout.setSpacing(8)
        body_layout.addWidget(self._answers_host)
        self.hint = QLabel()
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        body_layout.addWidget(self.hint)
        body_layout.addStretch(1)
        self.body_scroll.setWidget(body)
        layout.addWidget(self.body_scroll, 1)

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
        # when buttons are removed from and re-added to a QButtonGroup many times. The
        # groups are not exclusive: the page checks the answer given, and an arrow key
        # only moves the focus (in an exclusive group it would also answer).
        self._buttons: list[AnswerButton] = []
        self._scale_group = QButtonGroup(self)
        self._scale_group.setExclusive(False)
        self._card_group = QButtonGroup(self)
        self._card_group.setExclusive(False)
        self._scale_host = QWidget()
        self._scale_row = QGridLayout(self._scale_host)
        self._scale_row.setContentsMargins(0, 0, 0, 0)
        self._scale_row.setHorizontalSpacing(8)
        self._scale_buttons: list[AnswerButton] = []
        self.use_scale(scale)
        self._answers_layout.addWidget(self._scale_host)
        self._cards: list[AnswerButton] = []
        self._showing = False  # the page itself checks the answer given
        for group in (self._scale_group, self._card_group):
            group.idClicked.connect(self._clicked)
            group.idToggled.connect(
                lambda index, checked, group=group: self._toggled(group, index, checked)
            )
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

    def use_scale(self, scale: Scale) -> None:
        """Answer scale questions on ``scale`` (a questionnaire resumed on an earlier bank
        may have another than the page was made for)."""
        self._scale = scale
        points = scale.max - scale.min + 1
        while len(self._scale_buttons) < points:
            button = AnswerButton(stacked=True)
            self._scale_row.addWidget(button, 0, len(self._scale_buttons))
            self._scale_group.addButton(button, len(self._scale_buttons))
            self._scale_buttons.append(button)
        for n, button in enumerate(self._scale_buttons):
            button.setVisible(n < points)

    def _clicked(self, index: int) -> None:
        self.answered.emit(self._values[index])

    def _toggled(self, group: QButtonGroup, index: int, checked: bool) -> None:
        """An answer checked without a click (an accessibility action) answers too."""
        button = group.button(index)
        if isinstance(button, AnswerButton) and button.by_click:
            button.by_click = False  # the click that follows gives the answer
            return
        if checked and not self._showing and index < len(self._values):
            self.answered.emit(self._values[index])

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
        described = _("Question {number} of {total}: {text}").format(
            number=number, total=total, text=item.text
        )
        self.question.setAccessibleName(described)
        self.back_button.setEnabled(can_go_back)
        # Next goes on from an answer given; an unanswered question is left with Skip (one
        # way, named for what it does, instead of two buttons doing the same).
        self.next_button.setEnabled(answer is not None)
        if isinstance(item, ChoiceItem):
            self._values = [o.id for o in item.options]
            while len(self._cards) < len(item.options):
                card = AnswerButton(stacked=False)
                self._answers_layout.addWidget(card)
                self._card_group.addButton(card, len(self._cards))
                self._cards.append(card)
            for n, (card, option) in enumerate(
                zip(self._cards, item.options, strict=False), start=1
            ):
                card.set_answer(n, option.text, described)
            buttons = self._cards[: len(item.options)]
            self.hint.setText(
                _("Press 1\u2013{last} to choose, or click an option.").format(
                    last=len(item.options)
                )
            )
        else:
            self._values = list(range(self._scale.min, self._scale.max + 1))
            buttons = self._scale_buttons[: len(self._values)]
            for n, button in enumerate(buttons):
                button.set_answer(n + 1, self._scale.labels[n], described)
            count = len(self._values)
            self.hint.setText(
                _("Press 1\u2013{last} to answer, or click. 1 = {low}, {last} = {high}.").format(
                    last=count, low=self._scale.labels[0], high=self._scale.labels[-1]
                )
            )
        self._scale_host.setVisible(not isinstance(item, ChoiceItem))
        for n, card in enumerate(self._cards):
            card.setVisible(isinstance(item, ChoiceItem) and n < len(self._values))
        self._buttons = list(buttons)
        self._showing = True
        for button in self._scale_buttons + self._cards:
            button.setChecked(False)
        chosen = self._values.index(answer) if answer in self._values else None
        if chosen is not None:
            self._buttons[chosen].setChecked(True)
        self._showing = False
        self.next_button.setAccessibleName(
            _("Next question") if number < total else _("Next: review your answers")
        )
        for first, second in zip(self._buttons, self._buttons[1:], strict=False):
            self.setTabOrder(first, second)
        if self._buttons:
            self.setTabOrder(self._buttons[-1], self.back_button)
        # The focus is on the answers from the start, where everyone can see it: on the
        # answer given, else on the first (focused is not chosen: only a checked answer is
        # filled in).
        self.body_scroll.verticalScrollBar().setValue(0)
        focused = self._buttons[chosen if chosen is not None else 0]
        focused.setFocus(Qt.FocusReason.TabFocusReason)
        self.body_scroll.ensureWidgetVisible(focused)

    def set_time_left(self, text: str) -> None:
        self.time_left.setText(text)
