"""The screen reader's view: scripts/a11y_tree.py walks a whole short questionnaire through
the AT-SPI accessibility tree of a real window.

It needs Xvfb, a D-Bus session, the AT-SPI bus and Debian's python3-pyatspi;
scripts/setup.sh test installs them on Debian and Ubuntu, and the test is skipped where
they are missing (offscreen Qt exposes no tree).
"""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "a11y_tree.py"
SYSTEM_PYTHON = "/usr/bin/python3"


def has_pyatspi() -> bool:
    if not Path(SYSTEM_PYTHON).exists():
        return False
    done = subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True)
    return done.returncode == 0


needed = [shutil.which("Xvfb"), shutil.which("dbus-run-session")]
pytestmark = pytest.mark.skipif(
    None in needed or not Path("/usr/libexec/at-spi-bus-launcher").exists() or not has_pyatspi(),
    reason="needs Xvfb, dbus-run-session, at-spi2-core and python3-pyatspi",
)


def test_a_screen_reader_can_take_the_whole_short_questionnaire():
    done = subprocess.run(
        ["dbus-run-session", "--", SYSTEM_PYTHON, str(SCRIPT), "--python", sys.executable],
        capture_output=True,
        text=True,
        timeout=240,
    )
    report = done.stdout
    assert done.returncode == 0, report + done.stderr[-2000:]
    assert "ok: the application is called 'RoleFit'" in report
    from rolefit.bank import load_default_bank

    total = len(load_default_bank().forms["short"])
    assert f"ok: the short form has {total} questions" in report
    assert report.count("answers are radio buttons, named and described") == total
    assert "ok: results: 'Your result: " in report
