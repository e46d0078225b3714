"""The counsellor workspace at 2,000 clients and 20,000 sessions: import, unlock, lists.

Run:  python bench/workspace.py [--runs N] [--clients N] [--sessions N]

Writes once (cached in bench/out/) one JSON Lines file of 20,000 answers objects over
2,000 clients ("client" and "taken" on each line; nine in ten full forms of 56 answers,
one in ten short ones of 17, random answers), then, in a new encrypted workspace:

- adds the 2,000 clients with names, and imports the file (one unit of work, every line
  scored), against reading and parsing the file's lines alone;
- unlocks it, against SQLCipher's key derivation alone (a bare keyed connection reading
  one page) and a bare sqlite3 connection;
- lists the clients (the window's client list, with session counts), and filters them,
  against a bare ``SELECT id FROM clients``; a client's history against a bare
  ``SELECT id ... WHERE client_id``;
- runs ``rolefit clients --json`` and ``rolefit export --csv -o`` as a person would (a new
  process, the passcode from ROLEFIT_PASSCODE), against ``rolefit --version``;
- measures a child process's memory after unlocking (a fresh start) and after what the
  window does for a while (lists, filters, 200 histories), as a ratio;
- in the window (a child process on Qt's offscreen platform, and on xcb as well when
  DISPLAY is set and xcb starts): builds RoleFit's real window as ``rolefit`` does
  (``build_window``, ``shell.load``), unlocks the workspace through its page with the
  passcode, and times, each until the rows are in the view and the window is painted
  (events processed, then ``window.repaint()``): the client list shown (back from a
  client's page), a filter set into the find field and the same filter typed a key at a
  time (the slowest key), and a client's page with their history (10 sessions). Each is
  printed against the workspace call alone and against a bare QTableView over a
  QStandardItemModel of the same rows and columns, timed alternately in the same process.
  The window's memory after browsing (lists, filters, 50 clients' histories) is printed
  as a ratio of the same window freshly started, before the workspace was opened.

Targets (issue 11): import under 60 s; client list and filter under 100 ms; a client's
history under 50 ms, in the window; clients --json and a CSV export a few seconds at
most; memory under 1.5x a fresh start.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rolefit.bank import ChoiceItem, load_default_bank
from rolefit.workspace import Workspace

OUT = Path(__file__).resolve().parent / "out"
PASSCODE = "bench passcode 2026"
BUILDER_VERSION = 1  # bump when the file should change
FIRST = ["Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Élodie", "Jürgen", "Mary", "Tim"]
LAST = ["Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Martin", "Weiß", "Shaw"]


def median_ms(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def ref(n: int) -> str:
    return f"C-{n:05d}"


def name(n: int) -> str:
    return f"{FIRST[n % len(FIRST)]} {LAST[(n // len(FIRST)) % len(LAST)]} {n}"


def answers_file(clients: int, sessions: int) -> Path:
    path = OUT / f"workspace-{clients}-{sessions}-b{BUILDER_VERSION}.jsonl"
    if path.exists():
        return path
    bank = load_default_bank()
    rng = random.Random(11)
    partial = path.with_suffix(".partial")
    with open(partial, "w", encoding="utf-8") as out:
        for n in range(sessions):
            form = "short" if n % 10 == 0 else "full"
            values: dict[str, int | str] = {}
            for item in bank.form_items(form):
                if isinstance(item, ChoiceItem):
                    values[item.id] = rng.choice(item.options).id
                else:
                    values[item.id] = rng.randint(1, 5)
            day = 1 + n // clients  # each client's sessions on later days
            taken = f"2025-{1 + day // 28:02d}-{1 + day % 28:02d}T{9 + n % 8:02d}:00:00+01:00"
            line = {
                "bank": {"id": bank.id, "version": bank.version},
                "form": form,
                "answers": values,
                "client": ref(n % clients),
                "taken": taken,
            }
            out.write(json.dumps(line) + "\n")
    partial.rename(path)
    return path


def report(what: str, ours: float, base: float, baseline: str, target: float | None) -> None:
    verdict = ""
    if target is not None:
        verdict = f"; target {target:,.0f} ms: {'met' if ours < target else 'NOT met'}"
    print(f"{what}: {ours:,.1f} ms, {ours / base:,.1f}x {baseline} ({base:,.2f} ms){verdict}")


def build(folder: Path, source: Path, clients: int) -> None:
    def parse_only() -> None:
        with open(source, encoding="utf-8") as lines:
            for line in lines:
                json.loads(line)

    base = median_ms(parse_only, 1)
    workspace = Workspace.create(folder, PASSCODE, "Dr Bench")
    started = time.perf_counter()
    with workspace.store.unit_of_work():
        for n in range(clients):
            workspace.add_client(ref(n), name(n))
    added = (time.perf_counter() - started) * 1000
    print(f"adding {clients:,} clients with names: {added:,.0f} ms")
    started = time.perf_counter()
    imported = workspace.import_files([source])
    took = (time.perf_counter() - started) * 1000
    workspace.close()
    size = (folder / "workspace.db").stat().st_size / 2**20
    report(
        f"import of {imported.sessions:,} sessions from one JSON Lines file ({size:.0f} MiB "
        "workspace after)",
        took,
        base,
        "reading and parsing its lines",
        60_000,
    )


def unlocking(folder: Path, runs: int) -> None:
    import sqlcipher3.dbapi2 as driver

    path = folder / "workspace.db"

    def bare_plain() -> None:
        db = sqlite3.connect(path)
        db.close()

    def key_derivation() -> None:
        db = driver.connect(str(path))
        db.execute(f"PRAGMA key = '{PASSCODE}'")
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        db.close()

    def unlock() -> None:
        Workspace.unlock(folder, PASSCODE).close()

    unlock()
    kdfs, unlocks = [], []
    for _ in range(runs):  # alternately, so that a busy moment of the machine hits both
        kdfs.append(median_ms(key_derivation, 1))
        unlocks.append(median_ms(unlock, 1))
    kdf, ours = statistics.median(kdfs), statistics.median(unlocks)
    base = median_ms(bare_plain, runs)
    print(f"key derivation alone (PBKDF2-HMAC-SHA512, 256,000 iterations): {kdf:.0f} ms")
    report("unlock", ours, kdf, "the key derivation alone", None)
    report("unlock", ours, base, "a bare sqlite3 connect, no key", None)


def lists(folder: Path, runs: int) -> None:
    workspace = Workspace.unlock(folder, PASSCODE)
    conn = workspace.store.database.conn
    count = len(workspace.list_clients())
    base = median_ms(lambda: conn.execute("SELECT id FROM clients").fetchall(), runs)
    ours = median_ms(workspace.list_clients, runs)
    report(
        f"client list, {count:,} clients with session counts",
        ours,
        base,
        "bare SELECT id FROM clients",
        100,
    )
    found = len(workspace.list_clients("jurgen weis"))
    ours = median_ms(lambda: workspace.list_clients("jurgen weis"), runs)
    report(
        f"client list filtered ('jurgen weis': {found} found)",
        ours,
        base,
        "bare SELECT id FROM clients",
        100,
    )
    client = workspace.client_by_ref(ref(42))
    assert client is not None
    sessions = len(workspace.history(client.id))
    base = median_ms(
        lambda: conn.execute(
            "SELECT id FROM sessions WHERE client_id = ?", (client.id,)
        ).fetchall(),
        runs,
    )
    ours = median_ms(lambda: workspace.history(client.id), runs)
    report(
        f"a client's history, {sessions} sessions",
        ours,
        base,
        "bare SELECT id ... WHERE client_id",
        50,
    )
    fewer = max(3, runs // 4)
    ours = median_ms(workspace.csv_text, fewer)
    answers = conn.execute("SELECT count(*) FROM answers").fetchone()[0]
    base = median_ms(
        lambda: conn.execute("SELECT session_id, item_id, value FROM answers").fetchall(), fewer
    )
    report(
        f"CSV of every session in-process ({answers:,} answers)",
        ours,
        base,
        "bare SELECT of every answer",
        None,
    )
    workspace.close()


def commands(folder: Path, runs: int) -> None:
    env = dict(os.environ, ROLEFIT_PASSCODE=PASSCODE, QT_QPA_PLATFORM="offscreen")
    rolefit = [sys.executable, "-m", "rolefit"]

    def run(*args: str) -> Callable[[], None]:
        def go() -> None:
            subprocess.run(
                [*rolefit, *args],
                env=env,
                check=True,
                stdout=subprocess.DEVNULL,
                stdin=subprocess.DEVNULL,
            )

        return go

    fewer = max(3, runs // 4)
    base = median_ms(run("--version"), fewer)
    out = OUT / "bench-export.csv"
    for label, args, target in (
        ("rolefit clients --json", ("clients", "--data-dir", str(folder), "--json"), 5000),
        (
            "rolefit export --csv -o",
            ("export", "--data-dir", str(folder), "--csv", "-o", str(out)),
            5000,
        ),
    ):
        ours = median_ms(run(*args), fewer)
        report(label, ours, base, "rolefit --version", target)
    print(f"  CSV written: {out.stat().st_size / 2**20:.1f} MiB")
    out.unlink()


# VmHWM, not ru_maxrss: a child's ru_maxrss starts at its parent's size when forked.
MEMORY = """
import sys
from pathlib import Path
from rolefit.workspace import Workspace

def rss(field="VmRSS"):
    for line in open("/proc/self/status"):
        if line.startswith(field):
            return int(line.split()[1]) / 1024
workspace = Workspace.unlock(Path(sys.argv[1]), sys.argv[2])
workspace.list_clients()
fresh = rss()
for n in range(10):
    listed = workspace.list_clients()
    workspace.list_clients(["ada", "grace 1", "weiß", "c-0004"][n % 4])
for client in listed[:200]:
    workspace.history(client.id)
used = rss()
workspace.csv_text()
print(fresh, used, rss("VmHWM"))
"""


def memory(folder: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", MEMORY, str(folder), PASSCODE],
        capture_output=True,
        text=True,
        check=True,
    )
    fresh, used, peak = (float(x) for x in done.stdout.split())
    print(
        f"memory: {used:.1f} MiB after lists, filters and 200 histories, "
        f"{used / fresh:.2f}x a fresh unlock ({fresh:.1f} MiB); target 1.5x: "
        f"{'met' if used / fresh < 1.5 else 'NOT met'}"
    )
    print(f"  peak after a CSV export of everything in the same process: {peak:.0f} MiB")


# The window, in a child process so that it starts as a person's would: one QApplication,
# nothing of the workspace imported until it is opened. It prints one JSON object.
WINDOW = """
import json, statistics, sys, time
from pathlib import Path

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QTableView

from rolefit.app import build_window, create_application

folder, passcode, runs, search, ref = sys.argv[1:]
folder, runs = Path(folder), int(runs)


def rss(field="VmRSS"):
    for line in open("/proc/self/status"):
        if line.startswith(field):
            return int(line.split()[1]) / 1024


class Quiet:  # dialogs that never block: anything said fails the run at the end

    def __init__(self):
        self.said = []

    def warn(self, title, text):
        self.said.append(f"{title}: {text}")

    inform = warn

    def ask(self, title, text, choices, default, escape=None):
        self.said.append(title)
        return default

    def save_path(self, *args):
        return None

    open_path = save_path

    def passcode(self, *args):
        return None

    def status(self, text):
        pass

    def run(self, dialog):
        return 0


app = create_application()
window, shell = build_window(None, folder)
shell.dialogs = Quiet()
window.show()
shell.load()


def painted(widget=window):
    # Delayed layouts and model resets done, then painted now, as the next frame would.
    app.processEvents()
    widget.repaint()


def ms(action):
    started = time.perf_counter()
    action()
    return (time.perf_counter() - started) * 1000


painted()
fresh = rss()
controller = shell.workspace
controller.open()
painted()
controller.entry.passcode.setText(passcode)
unlock = ms(lambda: (controller.entry.unlock_button.click(), painted()))
clients = controller.clients
assert clients is not None and controller.workspace is not None, shell.dialogs.said
workspace = controller.workspace
page, client_page = clients.list_page, clients.client_page
assert window.stack.currentWidget() is page
client = workspace.client_by_ref(ref)

unlocked = rss()
# A while of browsing: lists, filters, 50 clients' histories.
everyone = clients.clients.rows()
for n in range(10):
    page.search.setText(["ada", "grace 1", "weiß", "c-0004"][n % 4])
    painted()
page.search.clear()
for row in everyone[:50]:
    clients.show_client(row.id)
    painted()
    clients.show_clients()
    painted()
used, peak = rss(), rss("VmHWM")

bare = QTableView()
bare.resize(page.table.size())
bare.show()


def bare_table(rows):
    # The same texts, made before: only Qt's part (items, view, layout, paint) is timed.
    global bare_model
    model = QStandardItemModel(len(rows), len(rows[0]) if rows else 0)
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            model.setItem(r, c, QStandardItem(text))
    bare.setModel(model)
    bare_model = model
    painted(bare)


def bare_clear():  # untimed: deleting the rows before is not part of showing new ones
    global bare_model
    bare.setModel(QStandardItemModel())
    bare_model = None
    painted(bare)


bare_model = None


def texts(model):
    return [
        [model.data(model.index(r, c)) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


times = {k: [] for k in ("list", "list_api", "list_bare", "filter", "filter_api",
                         "filter_bare", "key", "history", "history_api", "history_bare")}
for _ in range(runs):  # alternately, so that a busy moment of the machine hits all
    page.search.clear()
    clients.show_client(client.id)
    painted()
    times["list"].append(ms(lambda: (clients.show_clients(), painted())))
    listed = texts(clients.clients)
    times["list_api"].append(ms(lambda: workspace.list_clients()))
    bare_clear()
    times["list_bare"].append(ms(lambda: bare_table(listed)))

    times["filter"].append(ms(lambda: (page.search.setText(search), painted())))
    found = texts(clients.clients)
    times["filter_api"].append(ms(lambda: workspace.list_clients(search)))
    bare_clear()
    times["filter_bare"].append(ms(lambda: bare_table(found)))
    page.search.clear()
    painted()
    keys = []
    for key in search:
        keys.append(ms(lambda: (page.search.insert(key), painted())))
    times["key"].append(max(keys))
    assert page.search.text() == search

    times["history"].append(ms(lambda: (clients.show_client(client.id), painted())))
    assert window.stack.currentWidget() is client_page
    shown = texts(clients.history)
    times["history_api"].append(ms(lambda: workspace.history(client.id)))
    bare_clear()
    times["history_bare"].append(ms(lambda: bare_table(shown)))
bare.close()

assert not shell.dialogs.said, shell.dialogs.said
print(json.dumps({
    "platform": app.platformName(),
    "window": [window.width(), window.height()],
    "table": [page.table.viewport().width(), page.table.viewport().height()],
    "rows": {"list": len(listed), "found": len(found), "history": len(shown),
             "columns": [len(listed[0]), len(shown[0])]},
    "unlock": unlock,
    "medians": {k: statistics.median(v) for k, v in times.items()},
    "memory": {"fresh": fresh, "unlocked": unlocked, "used": used, "peak": peak},
}))
window.close()
"""


def window(folder: Path, runs: int) -> None:
    platforms = ["offscreen"]
    if os.environ.get("DISPLAY"):
        platforms.append("xcb")
    for qpa in platforms:
        args = [str(folder), PASSCODE, str(runs), "jurgen weis", ref(42)]
        done = subprocess.run(
            [sys.executable, "-c", WINDOW, *args],
            env=dict(os.environ, QT_QPA_PLATFORM=qpa),
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            last = (done.stderr.strip().splitlines() or ["no message"])[-1]
            print(f"window on {qpa}: did not run ({last})")
            continue
        window_report(json.loads(done.stdout.splitlines()[-1]))


def window_report(got: dict[str, Any]) -> None:
    t, rows = got["medians"], got["rows"]
    width, height = got["window"]
    print(
        f"window, Qt platform {got['platform']}, {width}x{height}; unlocking through its "
        f"page until the client list is painted: {got['unlock']:,.0f} ms"
    )

    def line(what: str, key: str, api: str, bare: str, target: float) -> None:
        ours = t[key]
        print(
            f"  {what}: {ours:,.1f} ms, {ours / t[key + '_api']:,.1f}x {api} alone "
            f"({t[key + '_api']:,.2f} ms), {ours / t[key + '_bare']:,.1f}x {bare} "
            f"({t[key + '_bare']:,.2f} ms); target {target:,.0f} ms: "
            f"{'met' if ours < target else 'NOT met'}"
        )

    table = f"a bare QTableView over a QStandardItemModel of {{}} x {rows['columns'][0]}"
    line(
        f"client list shown, {rows['list']:,} clients (back from a client's page)",
        "list",
        "list_clients",
        table.format(f"{rows['list']:,}"),
        100,
    )
    line(
        f"filter set into the find field ('jurgen weis': {rows['found']} shown)",
        "filter",
        "list_clients('jurgen weis')",
        table.format(rows["found"]),
        100,
    )
    print(
        f"  the same typed a key at a time, the slowest key: {t['key']:,.1f} ms; target 100 ms: "
        f"{'met' if t['key'] < 100 else 'NOT met'}"
    )
    line(
        f"a client's page with their history, {rows['history']} sessions",
        "history",
        "history",
        f"a bare QTableView over a QStandardItemModel of {rows['history']} x {rows['columns'][1]}",
        50,
    )
    memory = got["memory"]
    ratio = memory["used"] / memory["fresh"]
    print(
        f"  memory: {memory['used']:.1f} MiB after the list, filters and 50 histories, "
        f"{ratio:.2f}x the window freshly started ({memory['fresh']:.1f} MiB); target 1.5x: "
        f"{'met' if ratio < 1.5 else 'NOT met'}"
    )
    print(
        f"    just after unlocking: {memory['unlocked']:.1f} MiB; "
        f"peak until then: {memory['peak']:.0f} MiB"
    )


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import sqlcipher3.dbapi2 as driver

    return (
        f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"SQLCipher's SQLite {driver.sqlite_version}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--clients", type=int, default=2000)
    parser.add_argument("--sessions", type=int, default=20_000)
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    print(machine())
    source = answers_file(args.clients, args.sessions)
    folder = OUT / "workspace-bench"
    shutil.rmtree(folder, ignore_errors=True)
    try:
        build(folder, source, args.clients)
        unlocking(folder, args.runs)
        lists(folder, args.runs)
        commands(folder, args.runs)
        memory(folder)
        window(folder, args.runs)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
