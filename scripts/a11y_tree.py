"""Walk RoleFit's accessibility tree as a screen reader does, through a whole questionnaire.

Run with Debian's Python, which has pyatspi (apt-get install python3-pyatspi
gir1.2-atspi-2.0 at-spi2-core xvfb dbus), inside its own D-Bus session:

    dbus-run-session -- /usr/bin/python3 scripts/a11y_tree.py --python .venv/bin/python

It starts an X server (Xvfb) unless --display is given, the AT-SPI bus, and RoleFit on a
new data folder with Qt's accessibility switched on, then takes the short questionnaire
by AT-SPI actions alone (the way a screen reader's user would), checking on every screen:

- the application is called RoleFit;
- every control that can take the focus has a name;
- the answers of a question are radio buttons (one answer of several), named with their
  label ("4: Quite a lot", "Option 2: ...") and described by their question;
- the results page names the verdict.

It prints what it checked and exits 0, or lists every problem and exits 1 (2 when the
environment is missing something). tests/ui/test_accessibility_tree.py runs it.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from typing import Any

try:
    import pyatspi
except ImportError:  # pragma: no cover - depends on the machine
    print("a11y_tree: needs pyatspi (Debian: python3-pyatspi)", file=sys.stderr)
    sys.exit(2)

BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"
problems: list[str] = []
checked: list[str] = []


def states(node: Any) -> set[Any]:
    try:
        return set(node.getState().getStates())
    except Exception:  # noqa: BLE001 - a node can vanish while it is read
        return set()


def walk(node: Any) -> Iterator[Any]:
    stack = [node]
    while stack:
        current = stack.pop()
        if current is None:
            continue
        yield current
        try:
            stack.extend(reversed([child for child in current]))
        except Exception:  # noqa: BLE001
            continue


def showing(app: Any) -> list[Any]:
    return [n for n in walk(app) if pyatspi.STATE_SHOWING in states(n)]


def wait_for(what: str, find: Callable[[], Any], timeout: float = 20.0) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = find()
        if found:
            return found
        time.sleep(0.2)
    raise TimeoutError(f"timed out waiting for {what}")


def role(node: Any) -> str:
    return node.getRoleName()


def press(node: Any) -> None:
    action = node.queryAction()
    names = [action.getName(i) for i in range(action.nActions)]
    for wanted in ("Press", "press", "click", "Toggle", "toggle"):
        if wanted in names:
            action.doAction(names.index(wanted))
            return
    action.doAction(0)


def check_names(app: Any, screen: str) -> None:
    for node in showing(app):
        focusable = pyatspi.STATE_FOCUSABLE in states(node) and role(node) != "menu item"
        if focusable and not (node.name or "").strip():
            problems.append(f"{screen}: a focusable {role(node)} has no name")
    checked.append(f"{screen}: every focusable control is named")
    check_reading_order(app, screen)


READ = {"label", "push button", "radio button", "text", "list"}


def check_reading_order(app: Any, screen: str) -> None:
    """What a screen reader reads in tree order comes top to bottom, as on screen."""
    nodes = [n for n in showing(app) if role(n) in READ and (n.name or "").strip()]
    last_top, last_name = -1, ""
    for node in nodes:
        try:
            box = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
        except Exception:  # noqa: BLE001
            continue
        # Scrolled out of sight (a page's text further down, or under the button bar
        # that stays below a scrolling body): not where a reader is.
        if box.height <= 0 or not in_sight(node, box.y):
            continue
        if box.y < last_top - 5:  # a row of buttons shares a top
            problems.append(
                f"{screen}: {node.name[:40]!r} is read after {last_name[:40]!r}, above it"
            )
        last_top, last_name = box.y, node.name
    checked.append(f"{screen}: the tree reads top to bottom ({len(nodes)} items)")


def in_sight(node: Any, top: int) -> bool:
    """Whether a line at ``top`` is inside every container of ``node`` (a scroll area's
    viewport clips its body; Qt still calls what it hides "showing")."""
    parent = node.parent
    while parent is not None and role(parent) != "application":
        try:
            box = parent.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
        except Exception:  # noqa: BLE001 - a container without extents clips nothing
            box = None
        if box is not None and box.height > 0 and not box.y <= top < box.y + box.height:
            return False
        parent = parent.parent
    return True


def find_named(app: Any, kind: str, name: str) -> Any:
    for node in showing(app):
        if role(node) == kind and node.name == name:
            return node
    return None


def answers_shown(app: Any) -> list[Any]:
    return [n for n in showing(app) if role(n) == "radio button"]


def question_label(app: Any) -> str | None:
    for node in showing(app):
        if role(node) == "label" and re.match(r"Question \d+ of \d+: ", node.name or ""):
            return str(node.name)
    return None


def check_question(app: Any, number: int, total: int) -> list[Any]:
    screen = f"question {number} of {total}"
    wait_for(screen, lambda: (question_label(app) or "").startswith(f"Question {number} of"))
    answers = answers_shown(app)
    if len(answers) < 2:
        problems.append(f"{screen}: {len(answers)} radio buttons; expected the answers")
    question = question_label(app) or ""
    for answer in answers:
        if not re.match(r"^(\d+|Option \d+): \S", answer.name or ""):
            problems.append(f"{screen}: a radio button is named {answer.name!r}")
        if (answer.description or "") != question:
            problems.append(f"{screen}: {answer.name!r} is not described by its question")
    others = [n for n in showing(app) if role(n) in ("check box", "toggle button")]
    if others:
        problems.append(f"{screen}: answers exposed as {role(others[0])}")
    check_names(app, screen)
    checked.append(f"{screen}: {len(answers)} answers are radio buttons, named and described")
    return answers


def run(python: str, display: str, data: str) -> None:
    env = dict(
        os.environ,
        DISPLAY=display,
        QT_QPA_PLATFORM="xcb",
        QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
        QT_ACCESSIBILITY="1",
    )
    env.pop("QT_SCALE_FACTOR", None)
    app_process = subprocess.Popen(
        [python, "-m", "rolefit", "--data-dir", data],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        desktop = pyatspi.Registry.getDesktop(0)

        def find_app() -> Any:
            for candidate in desktop:
                if candidate is not None and candidate.get_process_id() == app_process.pid:
                    return candidate
            return None

        app = wait_for("RoleFit on the accessibility bus", find_app)
        if app.name != "RoleFit":
            problems.append(f"the application is called {app.name!r}, not 'RoleFit'")
        checked.append(f"the application is called {app.name!r}")
        start = wait_for(
            "the short form's button",
            lambda: find_named(app, "push button", "Take the short version"),
        )
        wait_for("the bank to load", lambda: pyatspi.STATE_ENABLED in states(start))
        check_names(app, "welcome")
        press(start)
        first = wait_for("the first question", lambda: question_label(app))
        total = int(re.match(r"Question 1 of (\d+): ", first).group(1))
        checked.append(f"the short form has {total} questions")
        for number in range(1, total + 1):
            answers = check_question(app, number, total)
            press(answers[number % len(answers)])
        submit = wait_for(
            "the review page",
            lambda: find_named(app, "push button", "Submit and see my result"),
        )
        check_names(app, "review")
        press(submit)
        verdict = wait_for(
            "the results page",
            lambda: next(
                (n for n in showing(app) if (n.name or "").startswith("Your result: ")), None
            ),
        )
        if len(verdict.name) <= len("Your result: ") + 5:
            problems.append(f"results: the verdict is not named ({verdict.name!r})")
        checked.append(f"results: {verdict.name!r}")
        check_names(app, "results")
    finally:
        app_process.terminate()
        try:
            app_process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            app_process.kill()


def start_x_server() -> tuple[subprocess.Popen[bytes], str]:
    reader, writer = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(writer), "-screen", "0", "1280x900x24", "-nolisten", "tcp"],
        pass_fds=(writer,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(writer)
    with os.fdopen(reader) as stream:
        number = stream.readline().strip()
    if not number:
        raise RuntimeError("Xvfb did not start")
    return server, f":{number}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python", default=sys.executable, help="the Python RoleFit runs in")
    parser.add_argument("--display", help="an X display to use (default: start Xvfb)")
    args = parser.parse_args()
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        print("a11y_tree: run me under dbus-run-session", file=sys.stderr)
        return 2
    helpers: list[subprocess.Popen[bytes]] = []
    try:
        display = args.display
        if display is None:
            server, display = start_x_server()
            helpers.append(server)
        helpers.append(
            subprocess.Popen(
                [BUS_LAUNCHER, "--launch-immediately"],
                env=dict(os.environ, DISPLAY=display),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
        time.sleep(1.0)
        with tempfile.TemporaryDirectory() as data:
            run(args.python, display, data)
    except TimeoutError as error:
        problems.append(str(error))
    finally:
        for helper in reversed(helpers):
            helper.terminate()
            helper.wait(timeout=10)
    for line in checked:
        print(f"ok: {line}")
    for problem in problems:
        print(f"PROBLEM: {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
