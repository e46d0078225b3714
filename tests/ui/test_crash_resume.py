"""Killing RoleFit with SIGKILL mid-quiz loses no answer: a real subprocess proves it."""

import os
import signal
import subprocess
import sys
import textwrap

import pytest
from fakes import open_window
from PySide6.QtCore import Qt

from rolefit.store import open_store

CHILD = textwrap.dedent(
    """
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from pathlib import Path
    from rolefit.app import build_window, create_application
    from rolefit.bank import ChoiceItem

    app = create_application()
    window, shell = build_window(None, Path(sys.argv[1]))
    window.show()
    shell.load()
    window.welcome.name_edit.setText("Killed Midway")
    window.welcome.full_button.click()
    quiz = shell.questions.quiz
    n = 0
    while True:  # answer as fast as possible until killed
        app.processEvents()
        item = quiz.current
        count = len(item.options) if isinstance(item, ChoiceItem) else 5
        shell.pages.question._buttons[n % count].click()  # a real click on an answer button
        value = quiz.answers[item.id]
        print(f"{item.id}={value}", flush=True)        # only after the click returned
        n += 1
        if quiz.is_last:
            shell.questions.jump(0)
    """
)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_kill_9_mid_quiz_then_resume_with_every_answer(qtbot, tmp_path):
    data = tmp_path / "data"
    errors = tmp_path / "child-stderr.txt"
    reported: dict[str, str] = {}
    with (
        errors.open("w") as stderr,
        subprocess.Popen(
            [sys.executable, "-c", CHILD, str(data)],
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
        ) as child,
    ):
        try:
            for line in child.stdout:
                item, value = line.strip().split("=", 1)
                reported[item] = value
                if len(reported) >= 23:
                    break
        finally:
            os.kill(child.pid, signal.SIGKILL)
            child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    assert len(reported) >= 23, errors.read_text()

    window, shell = open_window(qtbot, data, active=False)
    assert not window.welcome.unfinished_box.isHidden()
    assert "Killed Midway" in window.welcome.resume_buttons[0].accessibleName()
    qtbot.mouseClick(window.welcome.resume_buttons[0], Qt.MouseButton.LeftButton)
    restored = {k: str(v) for k, v in shell.questions.quiz.answers.items()}
    # Every answer reported before the kill is there (the child may have saved one more).
    assert reported.items() <= restored.items()
    assert open_store(data).problem is None


TWO_AT_ONCE = textwrap.dedent(
    """
    import os, sys, time
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    sys.path.insert(0, sys.argv[2])
    from pathlib import Path
    from fakes import ScriptedDialogs
    from rolefit.app import build_window, create_application

    app = create_application()
    window, shell = build_window(None, Path(sys.argv[1]))
    shell.dialogs = ScriptedDialogs()
    window.show()
    while time.time() < float(sys.argv[3]):  # start loading at the same moment
        time.sleep(0.001)
    shell.load()
    owner = shell.lock is not None and shell.lock.acquired
    if owner:
        window.welcome.full_button.click()
        shell.questions.answer(2)
    print("owner" if owner else "second", flush=True)
    time.sleep(1.0)  # keep the folder while the other one tries
    """
)


@pytest.mark.parametrize("attempt", range(3))
def test_two_windows_started_at_once_on_a_new_folder(tmp_path, attempt):
    """One gets the folder, the other says RoleFit is already open; nothing is set aside."""
    import time
    from pathlib import Path

    data = tmp_path / "new"
    here = Path(__file__).parent
    start = time.time() + 2.0
    children = [
        subprocess.Popen(
            [sys.executable, "-c", TWO_AT_ONCE, str(data), str(here), str(start)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    said = []
    for child in children:
        out, err = child.communicate(timeout=60)
        assert child.returncode == 0, err
        said.append(out.strip())
    assert sorted(said) == ["owner", "second"]
    assert not list(data.glob("*.damaged-*")) and not list(data.glob("*.newer-*"))
    opened = open_store(data)
    assert opened.problem is None
    assert opened.store.unfinished().answers  # the owner's answer, in the healthy file
