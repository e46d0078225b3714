"""Take a screenshot of each screen into docs/screenshots/ (offscreen, no display needed).

Run:  python scripts/screenshots.py [--scale 2] [--dark] [--out DIR]

Drives the real window with the example answers in docs/examples/ and saves welcome,
a Likert item, a choice item, review, results, the print preview, a result with no clear
preference and the welcome page offering to resume; then the counsellor workspace (made up
clients): the client list, a client's sessions, two sessions compared, the end of a session
in client mode and the bank statistics.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "docs" / "examples" / "answers-operations-leaning.json"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--scale", default="1", help="QT_SCALE_FACTOR to render at")
    parser.add_argument("--dark", action="store_true", help="use a dark palette")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["QT_SCALE_FACTOR"] = args.scale

    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QApplication

    from rolefit.app import build_window, create_application
    from rolefit.bank import ChoiceItem

    app = create_application()
    if args.dark:
        palette = QPalette()
        for role, color in (
            (QPalette.ColorRole.Window, "#202124"),
            (QPalette.ColorRole.WindowText, "#e8eaed"),
            (QPalette.ColorRole.Base, "#2a2b2e"),
            (QPalette.ColorRole.AlternateBase, "#303134"),
            (QPalette.ColorRole.Text, "#e8eaed"),
            (QPalette.ColorRole.Button, "#303134"),
            (QPalette.ColorRole.ButtonText, "#e8eaed"),
            (QPalette.ColorRole.Highlight, "#8ab4f8"),
            (QPalette.ColorRole.HighlightedText, "#202124"),
            (QPalette.ColorRole.Mid, "#5f6368"),
        ):
            palette.setColor(role, QColor(color))
        app.setPalette(palette)
    answers = json.loads(EXAMPLE.read_text(encoding="utf-8"))["answers"]
    args.out.mkdir(parents=True, exist_ok=True)
    suffix = ("-dark" if args.dark else "") + (f"-x{args.scale}" if args.scale != "1" else "")

    with tempfile.TemporaryDirectory() as data:
        window, shell = build_window(None, Path(data))
        window.resize(900, 680)
        window.show()
        shell.load()

        def shot(name: str, widget=None) -> None:  # type: ignore[no-untyped-def]
            app.processEvents()
            path = args.out / f"{name}{suffix}.png"
            (widget or window).grab().save(str(path))
            print(path)

        window.welcome.name_edit.setText("Alex Example")
        shot("1-welcome")
        window.welcome.full_button.click()
        questions = shell.questions
        quiz = questions.quiz
        assert quiz is not None
        for item in quiz.items[:14]:
            questions.answer(answers[item.id])
        shot("2-likert-item")
        first_choice = next(n for n, i in enumerate(quiz.items) if isinstance(i, ChoiceItem))
        questions.jump(first_choice)
        shot("3-choice-item")
        for item in quiz.items[first_choice:]:
            questions.jump(quiz.items.index(item))
            questions.answer(answers[item.id])
        for n, item in enumerate(quiz.items[14:first_choice], start=14):
            if n % 9:  # leave a few unanswered, to show how the review highlights them
                questions.jump(n)
                questions.answer(answers[item.id])
        questions.review()
        shell.pages.review.list.scrollToItem(shell.pages.review.list.item(17))
        shot("4-review")
        questions.submit()
        shot("5-results")
        preview = shell.results.print_preview()
        preview.resize(900, 760)
        preview.show()
        app.processEvents()
        shot("6-print-preview", preview)
        preview.close()
        # No clear preference: the same answer to every scale question, no choices.
        shell.welcome.show()
        shell.dialogs.ask = lambda *args, **kwargs: 1  # type: ignore[method-assign]
        window.welcome.short_button.click()
        quiz = questions.quiz
        for item in quiz.items:
            if isinstance(item, ChoiceItem):
                questions.skip()
            else:
                questions.answer(3)
        questions.submit()
        shot("7-no-preference")
        # Back on the welcome page with an unfinished questionnaire waiting.
        window.welcome.full_button.click()
        for item in questions.quiz.items[:5]:
            questions.answer(
                answers.get(item.id, 3) if not isinstance(item, ChoiceItem) else item.options[0].id
            )
        shell.welcome.show()
        shot("8-welcome-resume")
        workspace_shots(shell, Path(data), shot)
        window.close()
        shell.store.close()
    QApplication.processEvents()


DEMO_PASSCODE = "demo passcode"
DEMO_CLIENTS = [
    ("C-1001", "Ada Lovelace", {"operations": 0.9, "business": 0.3, "general": 0.4}),
    ("C-1002", "Bilal Haddad", {"operations": 0.2, "business": 0.9, "general": 0.4}),
    ("C-1003", "Chen Wei", {"operations": 0.5, "business": 0.5, "general": 0.9}),
    ("C-1004", "Dagny Larsen", {"operations": 0.8, "business": 0.2, "general": 0.6}),
    ("C-1005", "Élodie Martin", {"operations": 0.3, "business": 0.8, "general": 0.3}),
    ("C-1006", "Femi Adeyemi", {"operations": 0.6, "business": 0.6, "general": 0.8}),
    ("C-1007", "Greta Novak", {"operations": 0.9, "business": 0.5, "general": 0.2}),
    ("C-1008", "Hiro Tanaka", {"operations": 0.4, "business": 0.9, "general": 0.6}),
]


def demo_answers(bank, form: str, prefs: dict[str, float], seed: int) -> dict[str, int | str]:  # type: ignore[no-untyped-def]
    """Made-up answers leaning the way ``prefs`` (role -> 0..1) says, with some noise."""
    import random

    from rolefit.bank import ChoiceItem

    rng = random.Random(seed)
    low, high = bank.scale.min, bank.scale.max
    answers: dict[str, int | str] = {}
    for item in bank.form_items(form):
        if isinstance(item, ChoiceItem):

            def liking(option) -> float:  # type: ignore[no-untyped-def]
                roles = [r for t in option.tasks for r in bank.task(t).roles]
                return sum(prefs[r] for r in roles) / max(1, len(roles)) + rng.gauss(0, 0.15)

            answers[item.id] = max(item.options, key=liking).id
            continue
        roles = [r for t in item.tasks for r in bank.task(t).roles]
        like = sum(prefs[r] for r in roles) / max(1, len(roles)) + rng.gauss(0, 0.18)
        value = round(low + (high - low) * min(1.0, max(0.0, like)))
        answers[item.id] = low + high - value if item.reverse else value
    return answers


def workspace_shots(shell, data: Path, shot) -> None:  # type: ignore[no-untyped-def]
    """The counsellor workspace, filled with made-up clients, through the real window."""
    from rolefit.scoring import make_answers, score_answers
    from rolefit.workspace import Workspace

    bank = shell.bank
    with Workspace.create(data, DEMO_PASSCODE, "Dr Sam Rivera") as workspace:
        for n, (ref, name, prefs) in enumerate(DEMO_CLIENTS):
            client = workspace.add_client(ref, name)
            forms = ["short", "full"] if n % 3 else ["full"]
            if n == 0:
                forms = ["short", "full", "full"]
            for k, form in enumerate(forms):
                leaning = dict(prefs)
                if n == 0 and k == 0:
                    leaning = {"operations": 0.6, "business": 0.5, "general": 0.7}
                values = demo_answers(bank, form, leaning, seed=n * 10 + k)
                sid = workspace.start_session_for(client.id, form, bank, client_sees_result=k > 0)
                for item, value in values.items():
                    workspace.store.save_answer(sid, item, value)
                result = score_answers(bank, make_answers(bank, values, form))
                workspace.store.complete(sid, result.to_record())
            if n == 0:
                note = "First meeting: wants to move on from team lead."
                workspace.add_client_note(client.id, note)
                workspace.add_client_note(client.id, "Asked for the printed summaries.")
                first = workspace.history(client.id)[0].id
                workspace.set_session_notes(first, "Took the short form to get a first look.")
        workspace.archive_client(workspace.client_by_ref("C-1008").id)

    controller = shell.workspace
    controller.open()
    controller.entry.passcode.setText(DEMO_PASSCODE)
    controller.entry.unlock_button.click()
    clients = controller.clients
    clients.list_page.select_row(0)
    shot("9-workspace-clients")
    clients.open_selected()
    page = clients.client_page
    for column in range(clients.history.columnCount()):
        page.history.resizeColumnToContents(column)
    page.history.selectRow(1)
    shot("10-workspace-history")
    selection = page.history.selectionModel()
    from PySide6.QtCore import QItemSelectionModel

    selection.select(
        clients.history.index(0, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )
    clients.sessions.compare_selected()
    shot("11-workspace-compare")
    clients.sessions.back_to_client.emit()
    page.sees.setChecked(False)
    page.form.setCurrentIndex(page.form.findData("short"))
    page.start_button.click()
    questions = shell.questions
    quiz = questions.quiz
    for item, value in demo_answers(bank, "short", DEMO_CLIENTS[0][2], seed=99).items():
        questions.jump(quiz.items.index(bank.item(item)))
        questions.answer(value)
    questions.submit()
    shot("12-client-mode-end")
    shell.dialogs.passcode = lambda *args: DEMO_PASSCODE  # the counsellor takes over
    controller.lock()  # Ctrl+L: leaves client mode, once the passcode is given
    clients.show_clients()
    clients.sessions.show_stats()
    shot("13-workspace-stats")
    controller.lock()


if __name__ == "__main__":
    main()
