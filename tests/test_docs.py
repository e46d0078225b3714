"""Examples in the docs are real: they load and score as the docs say."""

import re
from pathlib import Path

from rolefit.bank import load_bank

DOCS = Path(__file__).resolve().parent.parent / "docs"


def test_authoring_guide_example_bank_is_valid(tmp_path):
    text = (DOCS / "authoring.md").read_text(encoding="utf-8")
    (example,) = re.findall(r"```yaml\n(# yaml-language-server.*?)```", text, re.S)
    path = tmp_path / "kitchen.yaml"
    path.write_text(example, encoding="utf-8")
    bank = load_bank(path)
    assert bank.id == "kitchen" and bank.role("owner").profile == "generalist"


README = Path(__file__).resolve().parent.parent / "README.md"


def test_the_readme_keyboard_list_is_the_apps():
    from rolefit.ui.controllers.help import keyboard_rows

    text = README.read_text(encoding="utf-8")
    section = text.split("**Keyboard**")[1].split("\n\n", 2)[1]  # the table after the heading
    table = re.findall(r"^\| (.+?) \| (.+?) \|$", section, re.M)
    listed = [(keys, what) for keys, what in table if keys not in ("keys", "---")]
    assert listed == keyboard_rows()


def test_the_readme_gives_the_apps_question_counts_and_minutes(bank):
    from rolefit.quiz.pace import estimated_minutes

    text = README.read_text(encoding="utf-8")
    for form in ("full", "short"):
        count = len(bank.forms[form])
        minutes = estimated_minutes(bank.form_items(form))
        assert f"{count} questions, about {minutes} minutes" in text.replace("\n", " "), form


def test_the_readme_links_nothing_outside_the_repository():
    text = README.read_text(encoding="utf-8")
    for target in re.findall(r"\]\(([^)]+)\)", text) + re.findall(r"`(\.\./[^`]+)`", text):
        if "://" in target:
            continue
        assert (README.parent / target).resolve().is_relative_to(README.parent), target
        assert (README.parent / target).exists(), target


def test_every_test_docs_reliability_names_exists():
    """docs/reliability.md is a table of tests: each file and test it names must exist."""
    text = (DOCS / "reliability.md").read_text(encoding="utf-8")
    tests = Path(__file__).resolve().parent
    sources = {p: p.read_text(encoding="utf-8") for p in tests.rglob("*.py")}
    checked = 0
    for row in text.splitlines():
        current = None
        for file, test in re.findall(r"`(?:([\w/]+\.py))?(?:::(\w+))?`", row):
            if file:
                current = tests / file if (tests / file).exists() else tests.parent / file
                assert current.exists(), file
            if test:
                assert current is not None and current.suffix == ".py", (row, test)
                assert f"def {test}(" in sources.get(current, current.read_text("utf-8")), test
                checked += 1
    assert checked > 30
