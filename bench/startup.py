"""Start-up time and peak memory of RoleFit against a bare PySide6 window; page switch and PDF.

Run:  python bench/startup.py [--runs N]

Start-up: each run starts a fresh Python process for a bare QMainWindow and one for
RoleFit's real window (alternating, so both see the same machine load), and takes the
time from just before the process is spawned until the window has been shown and its
first events processed. Peak memory is each child's ru_maxrss. Both use the same Qt
platform (offscreen unless QT_QPA_PLATFORM says otherwise).

In-process: the time from pressing Start to the first question painted (the window
opens from the bank's outline, so this is when the bank itself is loaded); once warm,
the time to switch to the next question (answer, store, show the next item, lay out and
paint), against one 60 Hz frame; and the time to write the one-page PDF, against a bare
QPdfWriter page with one line of text.
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

CHILD_BARE = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setWindowTitle("bare")
window.setCentralWidget(QLabel("Hello"))
window.resize(900, 680)
window.show()
QTimer.singleShot(0, lambda: (print(time.monotonic(), flush=True), app.quit()))
app.exec()
"""

CHILD_ROLEFIT = """
import sys, time, tempfile
from pathlib import Path
from PySide6.QtCore import QTimer
from rolefit.cli import parse_args  # what the rolefit command does first
args = parse_args(["--data-dir", sys.argv[1]])
from rolefit.app import build_window, create_application
app = create_application()
window, controller = build_window(args.bank, args.data_dir)
window.show()
QTimer.singleShot(0, lambda: (print(time.monotonic(), flush=True), app.quit()))
app.exec()
"""


def spawn(code: str, data: str) -> tuple[float, float]:
    """Seconds until the child's window is up, and the child's peak memory in MiB."""
    started = time.monotonic()
    child = subprocess.Popen([sys.executable, "-c", code, data], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    shown = float(child.stdout.readline())
    child.stdout.read()
    child.stdout.close()
    _pid, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    assert child.returncode == 0, child.returncode
    return shown - started, usage.ru_maxrss / 1024


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
    window, controller = build_window(None, data)
    assert controller is not None
    window.show()
    app.processEvents()
    started = time.perf_counter()
    window.welcome.full_button.click()  # the bank itself is loaded now, from the cache
    window.repaint()
    app.processEvents()
    first = (time.perf_counter() - started) * 1000
    print(
        f"first question after Start (loads the bank, builds the question page): {first:.1f} ms "
        f"({first / (1000 / 60):.2f}x a 60 Hz frame)"
    )

    switches = []
    for n, item in enumerate(controller.items):
        value = item.options[n % len(item.options)].id if isinstance(item, ChoiceItem) else 3
        started = time.perf_counter()
        controller.answer(value)
        window.repaint()  # lay out and paint now, as the next frame would
        app.processEvents()
        switches.append(time.perf_counter() - started)
    # The last answer leads to the review page, not to a question: reported on its own.
    *switches, to_review = switches
    controller.jump(0)
    bare = median_ms(lambda: (window.question.counter.setText("x"), window.repaint()), 30)
    switch = statistics.median(switches[5:]) * 1000
    worst = max(switches[5:]) * 1000
    frame = 1000 / 60
    print(
        f"next question: median {switch:.1f} ms, worst {worst:.1f} ms over "
        f"{len(switches) - 5} switches ({switch / frame:.2f}x a 60 Hz frame of {frame:.1f} ms; "
        f"{switch / bare:.1f}x a bare repaint of the same window, {bare:.1f} ms)"
    )
    print(
        f"last answer to the review page (built on first use, {len(controller.items)} rows): "
        f"{to_review * 1000:.1f} ms ({to_review * 1000 / frame:.2f}x a frame)"
    )

    controller.show_review()
    controller.submit()
    content = controller.summary_content()
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
    controller.store.close()
    QApplication.processEvents()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as tmp:
        spawn(CHILD_BARE, tmp)  # warm the file cache for both, not counted
        spawn(CHILD_ROLEFIT, tmp)
        bare_t, ours_t, bare_m, ours_m = [], [], [], []
        for _ in range(args.runs):
            t, m = spawn(CHILD_BARE, tmp)
            bare_t.append(t)
            bare_m.append(m)
            t, m = spawn(CHILD_ROLEFIT, tmp)
            ours_t.append(t)
            ours_m.append(m)
        bt, ot = statistics.median(bare_t), statistics.median(ours_t)
        bm, om = statistics.median(bare_m), statistics.median(ours_m)
        print(f"platform: {os.environ['QT_QPA_PLATFORM']}, {args.runs} runs each, alternating")
        print(
            f"start-up to window shown: RoleFit {ot * 1000:.0f} ms, bare PySide6 window "
            f"{bt * 1000:.0f} ms: {ot / bt:.2f}x (target 1.3x)"
        )
        print(
            f"peak memory: RoleFit {om:.1f} MiB, bare window {bm:.1f} MiB: {om / bm:.2f}x "
            "(target 1.3x)"
        )
        in_process(Path(tmp))


if __name__ == "__main__":
    main()
