"""RoleFit in a real window on an X server (Xvfb), as a person sees it.

Offscreen Qt has no window manager, no real screen and no popups; these checks need the
xcb platform. They run where Xvfb is installed (scripts/setup.sh test installs it on
Debian and Ubuntu) and are skipped elsewhere.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap

import pytest

pytestmark = pytest.mark.skipif(shutil.which("Xvfb") is None, reason="needs Xvfb")

CHILD = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from rolefit.app import build_window, create_application

    app = create_application()
    window, shell = build_window(None, Path(sys.argv[1]))
    shell.load_after_first_paint()
    window.show()
    QTest.qWaitForWindowExposed(window)
    QTest.qWait(200)
    report = {}

    def settle():
        for _ in range(5):
            app.processEvents()
            QTest.qWait(30)

    screen = window.screen().availableGeometry()
    frame = window.frameGeometry()
    report["screen"] = [screen.width(), screen.height()]
    report["window"] = [frame.x(), frame.y(), frame.width(), frame.height()]
    report["window_within_screen"] = screen.contains(frame)
    window.activateWindow()
    settle()
    QTest.keyClick(window.welcome.full_button, Qt.Key.Key_Return)
    settle()
    page = shell.pages.question
    reachable = []
    for button in page._buttons + [page.skip_button, page.next_button, page.back_button]:
        page.body_scroll.ensureWidgetVisible(button)
        settle()
        corner_a = button.mapTo(window, button.rect().topLeft())
        corner_b = button.mapTo(window, button.rect().bottomRight())
        inside = window.rect().contains(corner_a) and window.rect().contains(corner_b)
        reachable.append([button.accessibleName(), inside and button.isVisible()])
    report["reachable"] = reachable
    report["title"] = window.windowTitle()
    report["win_id"] = int(window.winId())

    # A menu opened with Alt+F and closed with Escape: the next key answers at once.
    focused = QApplication.focusWidget()
    QTest.keyClick(focused, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    settle()
    menu = QApplication.activePopupWidget()
    report["menu_opened"] = menu is not None
    if menu is not None:
        QTest.keyClick(menu, Qt.Key.Key_Escape)
        settle()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_4)
    settle()
    report["answered_after_escape"] = dict(shell.questions.quiz.answers)
    print(json.dumps(report), flush=True)
    """
)


@pytest.fixture(scope="module")
def display():
    """A fresh X server with a 1366x900 screen; its display name."""
    reader, writer = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(writer), "-screen", "0", "1366x900x24", "-nolisten", "tcp"],
        pass_fds=(writer,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(writer)
    with os.fdopen(reader) as stream:
        number = stream.readline().strip()
    if not number:
        server.kill()
        pytest.skip("Xvfb did not start")
    yield f":{number}"
    server.terminate()
    server.wait(timeout=10)


def run_child(display, tmp_path, scale):
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "xcb",
        "DISPLAY": display,
        "QT_SCALE_FACTOR": scale,
        "QT_ACCESSIBILITY": "0",
    }
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(tmp_path / "data")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    if done.returncode != 0 and "could not connect to display" in done.stderr:
        pytest.skip("no X display")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("scale", ["1", "2"])
def test_the_window_fits_the_screen_and_every_answer_next_and_skip_are_reachable(
    display, tmp_path, scale
):
    report = run_child(display, tmp_path, scale)
    assert report["window_within_screen"], report
    unreachable = [name for name, ok in report["reachable"] if not ok and "Back" not in name]
    assert unreachable == [], report
    assert report["title"] == "Questions"  # Qt adds " — RoleFit" to it on the screen


def test_a_menu_closed_with_escape_gives_the_next_key_to_the_page(display, tmp_path):
    report = run_child(display, tmp_path, "1")
    assert report["menu_opened"]
    assert report["answered_after_escape"] == {"production-floor": 4}


@pytest.mark.skipif(shutil.which("xprop") is None, reason="needs xprop")
def test_the_window_title_names_rolefit_once(display, tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "DISPLAY": display}
    code = textwrap.dedent(
        """
        import subprocess, sys
        from pathlib import Path
        from PySide6.QtTest import QTest
        from rolefit.app import build_window, create_application
        app = create_application()
        window, shell = build_window(None, Path(sys.argv[1]))
        window.show(); shell.load(); QTest.qWaitForWindowExposed(window)
        window.welcome.full_button.click(); QTest.qWait(200)
        out = subprocess.run(["xprop", "-id", str(int(window.winId())), "_NET_WM_NAME"],
                             capture_output=True, text=True).stdout
        print(out.strip())
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "d2")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    # The title RoleFit sets is "Questions"; Qt adds the application's name once.
    assert done.stdout.strip().endswith('"Questions \u2014 RoleFit"'), done.stdout
