"""What can go wrong with a workspace, each in words the counsellor can act on.

Every message is made when the error is raised, through ``rolefit.i18n``, and names no
client and nothing stored: a wrong passcode says only that it is wrong.
"""

from __future__ import annotations

from collections.abc import Sequence

from rolefit.i18n import _, ngettext


class WorkspaceError(Exception):
    """The workspace cannot do what was asked; the message says why."""


class NoWorkspace(WorkspaceError):
    def __init__(self) -> None:
        super().__init__(_("There is no counsellor workspace in this folder; create one first."))


class WorkspaceExists(WorkspaceError):
    def __init__(self) -> None:
        super().__init__(
            _("This folder already has a counsellor workspace; RoleFit leaves it as it is.")
        )


class WeakPasscode(WorkspaceError):
    """A new passcode that RoleFit refuses (too short, or with characters it cannot use)."""


class WrongPasscode(WorkspaceError):
    def __init__(self) -> None:
        super().__init__(_("The passcode is not right."))


class Throttled(WorkspaceError):
    """Too many wrong passcodes in a row: ``seconds`` to wait before the next try."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        whole = max(1, round(seconds))
        super().__init__(
            ngettext(
                "Too many wrong passcodes in a row: try again in {n} second.",
                "Too many wrong passcodes in a row: try again in {n} seconds.",
                whole,
            ).format(n=whole)
        )


class ClientError(WorkspaceError):
    """A client cannot be added, found or changed as asked."""


class ImportFailed(WorkspaceError):
    """Nothing was imported: ``problems`` names every file (and line) that is wrong."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        count = len(self.problems)
        super().__init__(
            ngettext(
                "Nothing was imported: {n} problem was found.",
                "Nothing was imported: {n} problems were found.",
                count,
            ).format(n=count)
        )
