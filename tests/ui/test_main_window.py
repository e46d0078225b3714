from rolefit.app import load_bank_or_problems
from rolefit.ui.main_window import MainWindow


def test_window_says_which_bank_is_loaded(qtbot):
    bank, problems = load_bank_or_problems(None)
    window = MainWindow(bank, problems)
    qtbot.addWidget(window)
    assert "RoleFit" in window.windowTitle()
    assert "management" in window.status.text() and "1.0" in window.status.text()


def test_a_broken_bank_shows_its_problems_instead_of_a_quiz(qtbot, write):
    bank, problems = load_bank_or_problems(write("id: [", "broken.yaml"))
    assert bank is None and problems
    window = MainWindow(bank, problems)
    qtbot.addWidget(window)
    assert "could not be loaded" in window.status.text()
    assert "broken.yaml:" in window.problems_view.toPlainText()
