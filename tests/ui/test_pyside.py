"""Guards against PySide6 releases with bugs that would crash RoleFit."""

import sys

import pytest
from PySide6.QtWidgets import QPushButton


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_calls_returning_nothing_keep_none_alive(qtbot):
    # PySide6 6.12.0 lost one reference to None per call, so after a few thousand calls
    # (one long quiz) Python aborted with "none_dealloc". pyproject.toml excludes it.
    button = QPushButton("x")
    qtbot.addWidget(button)
    button.setCheckable(True)
    before = sys.getrefcount(None)
    for n in range(1000):
        button.setText(str(n % 2))
        button.setChecked(n % 2 == 0)
    assert sys.getrefcount(None) - before > -50
