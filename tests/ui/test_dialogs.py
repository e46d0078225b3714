"""The real dialogs: a question offers only its choices, file dialogs are sized to be used."""

from PySide6.QtCore import Qt

from rolefit.ui.dialogs import WindowDialogs


def test_a_question_box_offers_only_its_choices_and_escape_makes_the_safe_one(qtbot):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    dialogs = WindowDialogs(parent)
    seen = []

    def press(key):
        box = QApplication.activeModalWidget()
        seen.append([button.text() for button in box.buttons()])
        qtbot.keyClick(box, key)

    choices = ["Resume it", "Discard it and start anew", "Go back"]
    QTimer.singleShot(0, lambda: press(Qt.Key.Key_Escape))
    assert dialogs.ask("Unfinished", "Resume it?", choices, default=0, escape=2) == 2
    assert sorted(seen[0]) == sorted(choices)  # no Cancel beside them
    QTimer.singleShot(0, lambda: press(Qt.Key.Key_Escape))
    assert dialogs.ask("Discard?", "Deleted for good.", ["Keep it", "Discard it"], 0) == 0
    QTimer.singleShot(0, lambda: press(Qt.Key.Key_Return))
    assert dialogs.ask("Discard?", "Deleted for good.", ["Keep it", "Discard it"], 0) == 0


def test_file_dialogs_open_nearly_the_window_size_and_add_the_ending(qtbot, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog, QWidget

    parent = QWidget()
    parent.resize(900, 680)
    qtbot.addWidget(parent)
    seen = []

    def accept(dialog):
        seen.append(dialog.size())
        dialog.selectFile(str(tmp_path / "mine"))  # typed without an ending
        return 1

    monkeypatch.setattr(QFileDialog, "exec", accept)
    dialogs = WindowDialogs(parent)
    assert dialogs.save_path("Save as PDF", "summary.pdf", "PDF (*.pdf)") == tmp_path / "mine.pdf"
    assert seen[0].width() >= 720 and seen[0].height() >= 480
    monkeypatch.setattr(QFileDialog, "exec", lambda dialog: 0)  # cancelled
    assert dialogs.open_path("Open", "RoleFit answers (*.json)") is None
