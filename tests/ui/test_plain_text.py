"""Text from a bank, a name or a file is shown as written, never rendered as markup."""

from conftest import MINIMAL_BANK
from fakes import open_window
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox

from rolefit.ui.dialogs import WindowDialogs

MARKUP = "<img src='x.png'><a href='https://example.invalid'>Ops</a>"


def shown_labels(widget):
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()  # labels added to a shown page appear on the next turn
    return [label for label in widget.findChildren(QLabel) if label.isVisibleTo(widget.window())]


def test_a_role_title_and_a_question_with_markup_show_as_written(qtbot, tmp_path):
    text = MINIMAL_BANK.replace("title: Operations management", f'title: "{MARKUP}"')
    text = text.replace(
        "text: How much would you enjoy making things?",
        f'text: "{MARKUP} How much would you enjoy making things?"',
    )
    bank = tmp_path / "markup.yaml"
    bank.write_text(text, "utf-8")
    window, shell = open_window(qtbot, tmp_path / "data", bank=bank)
    window.welcome.name_edit.setText(MARKUP)
    titles = [label for label in shown_labels(window.welcome) if MARKUP in label.text()]
    assert titles and all(label.textFormat() == Qt.TextFormat.PlainText for label in titles)
    window.welcome.full_button.click()
    question = shell.pages.question.question
    assert MARKUP in question.text() and question.textFormat() == Qt.TextFormat.PlainText
    shell.questions.answer(4)  # stored from its first answer on
    shell.welcome.show()  # the unfinished questionnaire, under a name with markup
    lines = [label for label in shown_labels(window.welcome) if MARKUP in label.text()]
    assert len(lines) >= 2 and all(label.textFormat() == Qt.TextFormat.PlainText for label in lines)


def test_message_boxes_show_names_and_paths_as_written(qtbot, monkeypatch):
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    seen = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: seen.append(box) or 0)
    dialogs = WindowDialogs(parent)
    dialogs.warn("Could not save", f"{MARKUP}: permission denied")
    dialogs.ask("Discard?", f"Questionnaire for {MARKUP}", ["Keep it", "Discard it"], 0)
    dialogs.warn(f"Could not open {MARKUP}", "Check the file.")
    for box in seen:
        labels = [label for label in box.findChildren(QLabel) if label.text()]
        assert any(MARKUP in label.text() for label in labels)
        assert all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)
    # The headline is the box's own text, not only its title (not every platform shows one).
    assert [box.text() for box in seen] == [box.windowTitle() for box in seen]
    assert "Check the file." in seen[-1].informativeText()
