"""Start-up time and peak memory of RoleFit against a bare PySide6 window; page switch and PDF.

Run:  python bench/startup.py [--runs N]            (Qt's offscreen platform)
      QT_QPA_PLATFORM=xcb DISPLAY=:99 python bench/startup.py   (a real window under Xvfb)

Start-up: each run starts a fresh Python process for a bare QMainWindow with one label and
one for RoleFit's real window through the same ``parse_args`` and ``build_window`` the
``rolefit`` command uses (alternating, so both see the same machine load), each on a NEW,
empty data folder: every RoleFit run is a first start (the store is created, the bank is
read and validated; nothing is cached anywhere). Times are from just before the process is
spawned until the window's first page is painted ("first paint"), and for RoleFit also
until the bank is loaded, the store open and Start enabled ("ready"). Peak memory is each
child's ru_maxrss, taken after RoleFit is ready.

In-process: the time from pressing Start to the first question painted; the time to switch
to the next question (answer, store, show, lay out and paint), against one 60 Hz frame;
the last answer to the review page; and the time to write the one-page PDF, against a
bare QPdfWriter page with one line of text.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# Each child prints two times: first paint, then ready (the bare window is ready when
# painted).
CHILD_BARE = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setWindowTitle("bare")
label = QLabel("Hello")
window.setCentralWidget(label)
window.resize(900, 680)

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            now = time.monotonic()
            print(now, now, flush=True)
            QTimer.singleShot(0, app.quit)
        return False

first = FirstPaint()
label.installEventFilter(first)
window.show()
app.exec()
"""

CHILD_ROLEFIT = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from rolefit.cli import parse_args  # what the rolefit command does first
args = parse_args(["--data-dir", sys.argv[1]])
from rolefit.app import build_window, create_application
app = create_application()
window, shell = build_window(args.bank, args.data_dir)
painted = []

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            painted.append(time.monotonic())
        return False

first = FirstPaint()
window.welcome.installEventFilter(first)
shell.load_after_first_paint()

def ready():
    assert window.welcome.full_button.isEnabled(), "not ready"
    print(painted[0], time.monotonic(), flush=True)
    app.quit()

shell.ready.connect(lambda: QTimer.singleShot(0, ready))
window.show()
app.exec()
"""


def spawn(code: str, data: str) -> tuple[float, float, float]:
    """Seconds to first paint and to ready, and the child's peak memory in MiB."""
    started = time.monotonic()
    child = subprocess.Popen([sys.executable, "-c", code, data], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    painted, ready = map(float, child.stdout.readline().split())
    child.stdout.read()
    child.stdout.close()
    _pid, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    assert child.returncode == 0, child.returncode
    return painted - started, ready - started, usage.ru_maxrss / 1024


def median_ms(action, repeat: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def in_process(data: Path) -> None:
    from PySide6.QtGui import QPainter, QPdfWriter
    from PySide6.QtWidgets import QApplication

    from rolefit.app import build_window, create_application
    from rolefit.bank import ChoiceItem
    from rolefit.report import write_pdf

    app = create_application()
    window, shell = build_window(None, data)
    window.show()
    shell.load()
    app.processEvents()
    started = time.perf_counter()
    window.welcome.full_button.click()  # builds the question page
    window.repaint()
    app.processEvents()
    first = (time.perf_counter() - started) * 1000
    print(
        f"first question after Start (builds the question page): {first:.1f} ms "
        f"({first / (1000 / 60):.2f}x a 60 Hz frame)"
    )

    quiz = shell.questions.quiz
    assert quiz is not None
    switches = []
    for n, item in enumerate(quiz.items):
        value = item.options[n % len(item.options)].id if isinstance(item, ChoiceItem) else 3
        started = time.perf_counter()
        shell.questions.answer(value)
        window.repaint()  # lay out and paint now, as the next frame would
        app.processEvents()
        switches.append(time.perf_counter() - started)
    # The last answer leads to the review page, not to a question: reported on its own.
    *switches, to_review = switches
    shell.questions.jump(0)
    question = shell.pages.question
    bare = median_ms(lambda: (question.counter.setText("x"), window.repaint()), 30)
    switch = statistics.median(switches[5:]) * 1000
    worst = max(switches[5:]) * 1000
    frame = 1000 / 60
    print(
        f"next question: median {switch:.1f} ms, worst {worst:.1f} ms over "
        f"{len(switches) - 5} switches ({switch / frame:.2f}x a 60 Hz frame of {frame:.1f} ms; "
        f"{switch / bare:.1f}x a bare repaint of the same window, {bare:.1f} ms)"
    )
    print(
        f"last answer to the review page (built on first use, {len(quiz.items)} rows): "
        f"{to_review * 1000:.1f} ms ({to_review * 1000 / frame:.2f}x a frame)"
    )

    shell.questions.submit()
    content = shell.results.summary_content()
    out = data / "summary.pdf"
    write_pdf(out, content)  # warm-up: fonts, page size

    def bare_pdf() -> None:
        writer = QPdfWriter(str(data / "bare.pdf"))
        painter = QPainter(writer)
        painter.drawText(100, 100, "RoleFit summary")
        painter.end()

    bare_pdf()
    ours = median_ms(lambda: write_pdf(out, content), 10)
    baseline = median_ms(bare_pdf, 10)
    print(
        f"summary PDF: {ours:.1f} ms warm, median of 10 (target 150 ms); {ours / baseline:.1f}x "
        f"a bare one-line QPdfWriter page ({baseline:.1f} ms)"
    )
    window.close()
    shell.store.close()
    QApplication.processEvents()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--no-in-process", action="store_true", help="start-up figures only")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as tmp:

        def fresh() -> str:
            return tempfile.mkdtemp(dir=tmp)  # a new, empty data folder: a first start

        spawn(CHILD_BARE, fresh())  # warm the file cache for both, not counted
        spawn(CHILD_ROLEFIT, fresh())
        bare_p, ours_p, ours_r, bare_m, ours_m = [], [], [], [], []
        for _ in range(args.runs):
            painted, _ready, memory = spawn(CHILD_BARE, fresh())
            bare_p.append(painted)
            bare_m.append(memory)
            painted, ready, memory = spawn(CHILD_ROLEFIT, fresh())
            ours_p.append(painted)
            ours_r.append(ready)
            ours_m.append(memory)
        bp, op, orr = (statistics.median(v) for v in (bare_p, ours_p, ours_r))
        bm, om = statistics.median(bare_m), statistics.median(ours_m)
        print(
            f"platform: {os.environ['QT_QPA_PLATFORM']}, {args.runs} runs each, alternating, "
            "each RoleFit run on a new, empty data folder (a first start)"
        )
        print(
            f"start-up to first paint: RoleFit {op * 1000:.0f} ms, bare PySide6 window "
            f"{bp * 1000:.0f} ms: {op / bp:.2f}x (target 1.3x)"
        )
        print(
            f"start-up to ready (bank read and validated, store created, Start enabled): "
            f"{orr * 1000:.0f} ms: {orr / bp:.2f}x the bare window's first paint; "
            f"{(orr - op) * 1000:.0f} ms after RoleFit's first paint"
        )
        print(
            f"peak memory (when ready): RoleFit {om:.1f} MiB, bare window {bm:.1f} MiB: "
            f"{om / bm:.2f}x (target 1.3x)"
        )
        if not args.no_in_process:
            in_process(Path(fresh()))


if __name__ == "__main__":
    main()
