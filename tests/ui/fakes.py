"""A scripted stand-in for the dialogs controllers use, and a window ready to drive."""

from __future__ import annotations

from pathlib import Path


class ScriptedDialogs:
    """Records what RoleFit says and asks; answers from the queues the test fills.

    ``answers``: indexes returned by ``ask`` in turn; when empty, the default (the safe
    choice) is taken, as Return would. ``asked`` holds (title, text, choices, default,
    escape), escape being the choice Escape would make. ``paths``: returned by
    ``save_path``/``open_path`` in turn; when empty, the person cancels.
    """

    def __init__(self) -> None:
        self.warnings: list[tuple[str, str]] = []
        self.informed: list[tuple[str, str]] = []
        self.asked: list[tuple[str, str, list[str], int, int]] = []
        self.answers: list[int] = []
        self.paths: list[Path] = []
        self.suggested: list[str] = []
        self.statuses: list[str] = []
        self.ran: list[object] = []
        self.passcodes: list[str] = []  # typed at each passcode prompt; when empty, cancel
        self.passcode_asked: list[tuple[str, str]] = []

    def warn(self, title: str, text: str) -> None:
        self.warnings.append((title, text))

    def inform(self, title: str, text: str) -> None:
        self.informed.append((title, text))

    def ask(
        self, title: str, text: str, choices: list[str], default: int, escape: int | None = None
    ) -> int:
        escape = default if escape is None else escape
        assert 0 <= default < len(choices) and 0 <= escape < len(choices)
        self.asked.append((title, text, choices, default, escape))
        return self.answers.pop(0) if self.answers else default

    def save_path(self, title: str, suggested_name: str, kinds: str) -> Path | None:
        self.suggested.append(suggested_name)
        return self.paths.pop(0) if self.paths else None

    def open_path(self, title: str, kinds: str) -> Path | None:
        return self.paths.pop(0) if self.paths else None

    def passcode(self, title: str, text: str) -> str | None:
        self.passcode_asked.append((title, text))
        return self.passcodes.pop(0) if self.passcodes else None

    def status(self, text: str) -> None:
        self.statuses.append(text)

    def run(self, dialog: object) -> int:
        self.ran.append(dialog)
        return 0


def open_window(qtbot, data: Path, bank: Path | None = None, active: bool = True):
    """The window on ``data``, loaded, with scripted dialogs; returns (window, shell)."""
    from rolefit.app import build_window, create_application

    create_application()
    window, shell = build_window(bank, data)
    shell.dialogs = ScriptedDialogs()
    qtbot.addWidget(window)
    if active:  # shortcuts act in the active window, as for a person at the keyboard
        with qtbot.waitActive(window):
            window.show()
            window.activateWindow()
    shell.load()
    return window, shell
