"""Take a screenshot of each screen into docs/screenshots/ (offscreen, no display needed).

Run:  python scripts/screenshots.py [--scale 2] [--dark] [--out DIR]

Drives the real window with the example answers in docs/examples/ and saves welcome,
a Likert item, a choice item, review, results, the print preview, a result with no clear
preference and the welcome page offering to resume.
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
        window.close()
        shell.store.close()
    QApplication.processEvents()


if __name__ == "__main__":
    main()
