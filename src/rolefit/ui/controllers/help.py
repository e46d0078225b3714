"""Help: the keyboard shortcuts and what RoleFit is, where it keeps answers, privacy."""

from __future__ import annotations

from html import escape
from pathlib import Path

from rolefit import __version__
from rolefit.i18n import _
from rolefit.ui.dialogs import Dialogs


def keyboard_rows() -> list[tuple[str, str]]:
    """Every key RoleFit answers to, and what it does (the README lists the same)."""
    return [
        (
            _("Return"),
            _("on the welcome page: resume the unfinished questionnaire, or start the full one"),
        ),
        (_("1-5"), _("answer a scale question and move to the next")),
        (_("1-N"), _("choose the N-th option of a choice question and move on")),
        (_("Arrow keys"), _("move between the answers of a question without answering")),
        (_("Space"), _("answer with the focused answer")),
        (_("Backspace"), _("go back one question; on the results page, back to the review")),
        (_("Alt+K, Alt+N, Alt+B, Alt+V"), _("skip, next, back, review answers")),
        (_("Return"), _("on the review page: see your result")),
        (_("Ctrl+P, Ctrl+S"), _("on the results page: print the summary, save it as PDF")),
        (_("Ctrl+O"), _("open a saved answers file and see its result")),
        (_("Ctrl+Shift+S"), _("save your answers to a file, to finish or keep elsewhere")),
        (_("Escape"), _("in a question box: the safe choice (stay, keep)")),
        (_("Tab"), _("move between controls, in reading order")),
        (
            _("Ctrl+L"),
            _("lock the counsellor workspace; in client mode, leave it (asks the passcode)"),
        ),
        (_("F1"), _("the keyboard shortcuts")),
        (_("Ctrl+Q"), _("quit (your answers are already saved)")),
    ]


def keyboard_help() -> str:
    rows = keyboard_rows()
    table = "".join(
        f"<tr><td><b>{escape(keys)}</b></td><td>{escape(what)}</td></tr>" for keys, what in rows
    )
    return f"<h3>{escape(_('Keyboard'))}</h3><table cellpadding='3'>{table}</table>"


def about_text(data_folder: Path | None) -> str:
    where = (
        _("Your answers are stored in {folder}.").format(folder=data_folder)
        if data_folder is not None
        else _("Your answers are kept in memory only and are lost when RoleFit closes.")
    )
    return "<b>{title}</b><p>{what}</p><p>{privacy}</p><p>{where}</p>".format(
        title=escape(_("RoleFit {version}").format(version=__version__)),
        what=escape(
            _(
                "Which management role fits you: operations, business or general management. "
                "A starting point for a conversation, not a verdict on you."
            )
        ),
        privacy=escape(
            _(
                "Private by design: RoleFit never uses the internet. Nothing you answer "
                "leaves this computer unless you save or print it yourself."
            )
        ),
        where=escape(where),
    )


def show_keyboard_help(dialogs: Dialogs) -> None:
    dialogs.inform(_("RoleFit keyboard shortcuts"), keyboard_help())


def show_about(dialogs: Dialogs, data_folder: Path | None) -> None:
    dialogs.inform(_("About RoleFit"), about_text(data_folder))
