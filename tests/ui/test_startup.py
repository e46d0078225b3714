"""What opening the window loads. Times are for bench/startup.py; this guards the choices
behind them (docs/performance.md), which are easy to undo by accident."""

from conftest import run_python

CHILD = """
import sys
from pathlib import Path
from PySide6 import QtCore
from rolefit.cli import parse_args
from rolefit.app import build_window, create_application

args = parse_args(["--data-dir", sys.argv[1]])
app = create_application()
window, controller = build_window(args.bank, args.data_dir)
window.show()
app.processEvents()
assert "RoleFit" in window.windowTitle()
loaded = {
    "PyYAML": "yaml" in sys.modules,
    # The welcome page is built from the bank's outline; the bank's model (ten dataclass
    # types) and its pickle are loaded when a questionnaire starts.
    "the bank model": "rolefit.bank.model" in sys.modules,
    "pickle": "pickle" in sys.modules,
    "dataclasses": "dataclasses" in sys.modules,
    "the subcommands": "rolefit.commands" in sys.modules,
    # PySide6 builds a class's Python enums when the class is first used; for the ``Qt``
    # namespace that is ~90 enums (15 ms). The welcome page is built without it.
    "the Qt namespace": "Qt" in vars(QtCore),
    "scoring": "rolefit.scoring" in sys.modules,
    "the report": "rolefit.report" in sys.modules,
    "QtPrintSupport": "PySide6.QtPrintSupport" in sys.modules,
    "the question page": "rolefit.ui.views.question" in sys.modules,
}
print(sorted(name for name, present in loaded.items() if present))
"""


def start(data):
    return run_python(CHILD, data).strip()


def test_the_window_opens_without_what_the_welcome_page_does_not_need(tmp_path):
    data = tmp_path / "data"
    # The first start validates the bank (PyYAML) and caches it; later starts do not parse.
    assert start(data) == "['PyYAML', 'dataclasses', 'pickle', 'the bank model']"
    assert start(data) == "[]"
