"""Every text goes through one translation mechanism; a language is a file, not code."""

import gettext
import subprocess
import sys
from pathlib import Path

import pytest

from rolefit import i18n

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "translations.py"


def run_script(*args):
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args], capture_output=True, text=True, timeout=60
    )


def test_the_catalog_template_holds_every_marked_text():
    done = run_script("check")
    assert done.returncode == 0, done.stderr


def load_script():
    import importlib.util

    spec = importlib.util.spec_from_file_location("translations", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules["translations"] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_a_text_built_at_run_time_is_refused(tmp_path):
    script = load_script()
    (tmp_path / "bad.py").write_text('name = "x"\nlabel = _(f"Hello {name}")\n')
    script.ROOT = tmp_path
    with pytest.raises(script.NotLiteral, match="bad.py:2: only a literal text"):
        script.messages(tmp_path)


def test_a_translated_catalog_is_compiled_and_used(tmp_path, monkeypatch):
    script = load_script()
    po = tmp_path / "de" / "LC_MESSAGES" / "rolefit.po"
    po.parent.mkdir(parents=True)
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: de\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
        'msgid "Next steps"\nmsgstr "N\u00e4chste Schritte"\n\n'
        'msgid "About {n} minute left"\nmsgid_plural "About {n} minutes left"\n'
        'msgstr[0] "Noch etwa {n} Minute"\nmsgstr[1] "Noch etwa {n} Minuten"\n\n'
        '#, fuzzy\nmsgid "Review"\nmsgstr "Nicht sicher"\n',
        "utf-8",
    )
    (mo,) = script.compile_all(tmp_path)
    monkeypatch.setattr(i18n, "locale_dir", lambda: tmp_path)
    try:
        assert i18n.install(["de"]) == "de"
        from rolefit.wording import headings

        assert headings().next_steps == "N\u00e4chste Schritte"
        assert i18n.ngettext("About {n} minute left", "About {n} minutes left", 3) == (
            "Noch etwa {n} Minuten"
        )
        assert i18n._("Review") == "Review"  # fuzzy: not used
        assert i18n._("Something new") == "Something new"  # untranslated: English
    finally:
        i18n.install(["en"])
    assert mo.read_bytes()[:4] == b"\xde\x12\x04\x95"


def test_english_needs_no_catalog():
    assert i18n.install(["en_GB"]) == "en"
    assert i18n._("Next steps") == "Next steps"


class Pseudo(gettext.NullTranslations):
    """A pseudo-language that brackets every text it is asked for."""

    def gettext(self, message):
        return f"\u27e6{message}\u27e7"

    def ngettext(self, singular, plural, n):
        return f"\u27e6{singular if n == 1 else plural}\u27e7"

    def pgettext(self, context, message):
        return f"\u27e6{message}\u27e7"


def bank_texts(bank):
    texts = [bank.title, bank.description, *bank.scale.labels]
    for role in bank.roles:
        texts += [role.title, role.description, *role.day_to_day]
    texts += [d.title for d in bank.dimensions] + [n.text for n in bank.notes]
    for item in bank.items:
        texts += [item.text, item.summary]
        texts += [o.text for o in getattr(item, "options", ())]
    texts.append("RoleFit")  # the product's name is not translated
    return sorted({t for t in texts if t}, key=len, reverse=True)


def unmarked(text, data):
    """What is left of ``text`` once data from the bank, numbers and marked texts are out."""
    import re

    left = re.sub(r"<[^>]+>", " ", text)  # the markup of rich-text labels
    while True:  # marked texts, innermost first (a marked text may hold another)
        inner = re.sub("\u27e6[^\u27e6\u27e7]*\u27e7", "", left)
        if inner == left:
            break
        left = inner
    for piece in data:
        left = left.replace(piece, "")
    return re.sub(r"[\W\d_]+", "", left)


def visible_texts(window):
    from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QListWidget, QWidget

    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        yield widget.accessibleName()
        if isinstance(widget, (QLabel, QAbstractButton)):
            yield widget.text()
        elif isinstance(widget, QLineEdit):
            yield widget.placeholderText()
        elif isinstance(widget, QListWidget):
            yield from (widget.item(n).text() for n in range(widget.count()))
    for menu in window.menuBar().actions():
        yield menu.text()
        yield from (action.text() for action in menu.menu().actions())
    yield window.windowTitle()


def test_every_text_the_window_shows_goes_through_the_mechanism(qtbot, tmp_path):
    from html import unescape

    from ui.fakes import open_window

    from rolefit.bank import ChoiceItem

    i18n.use(Pseudo())
    try:
        window, shell = open_window(qtbot, tmp_path / "data")
        data = bank_texts(shell.bank)
        seen = []

        def check(where):
            for text in visible_texts(window):
                plain = unescape(text)
                if unmarked(plain, data):
                    seen.append((where, text))

        check("welcome")
        window.welcome.full_button.click()
        check("likert question")
        quiz = shell.questions.quiz
        shell.questions.jump(next(n for n, i in enumerate(quiz.items) if isinstance(i, ChoiceItem)))
        check("choice question")
        for item in quiz.items[:10]:
            shell.questions.jump(quiz.items.index(item))
            shell.questions.answer(item.options[0].id if isinstance(item, ChoiceItem) else 5)
        shell.questions.review()
        check("review")
        shell.questions.submit()
        check("results")
        shell.welcome.show()
        check("welcome with an unfinished questionnaire")
        for title, text in shell.dialogs.warnings + [a[:2] for a in shell.dialogs.asked]:
            assert not unmarked(title, data) and not unmarked(text, data), (title, text)
        assert seen == [], "\n".join(f"{where}: {text!r}" for where, text in seen)
    finally:
        i18n.install(["en"])
