"""The counsellor's workspace: clients, their sessions and notes in an encrypted database
(SQLCipher), comparisons, bank statistics, imports and exports (no Qt).

``Workspace`` is the API the window and the command line use; the modules behind it are
``keys`` (SQLCipher connections), ``attempts`` (wrong passcodes slow further tries),
``opening`` (create, unlock, backup, restore), ``clients``, ``history`` (sessions),
``compare``, ``stats``, ``imports`` and ``exports``.
"""

from rolefit.workspace.attempts import ATTEMPTS_FILENAME
from rolefit.workspace.clients import ClientNote, ClientRow, DeletePlan, delete_words
from rolefit.workspace.compare import AnswerChange, Change, Comparison
from rolefit.workspace.errors import (
    ClientError,
    ImportFailed,
    NoWorkspace,
    Throttled,
    WeakPasscode,
    WorkspaceError,
    WorkspaceExists,
    WrongPasscode,
)
from rolefit.workspace.history import ClientSessions, SessionRow, WorkspaceSession
from rolefit.workspace.imports import ImportReport
from rolefit.workspace.keys import MIN_PASSCODE, WORKSPACE_FILENAME
from rolefit.workspace.output import SummaryParts
from rolefit.workspace.stats import Agreement, BankStats, RoleStats
from rolefit.workspace.workspace import Rendered, Settings, Workspace

__all__ = [
    "ATTEMPTS_FILENAME",
    "MIN_PASSCODE",
    "WORKSPACE_FILENAME",
    "Agreement",
    "AnswerChange",
    "BankStats",
    "Change",
    "ClientError",
    "ClientNote",
    "ClientRow",
    "ClientSessions",
    "Comparison",
    "DeletePlan",
    "ImportFailed",
    "ImportReport",
    "NoWorkspace",
    "Rendered",
    "RoleStats",
    "SessionRow",
    "Settings",
    "SummaryParts",
    "Throttled",
    "WeakPasscode",
    "Workspace",
    "WorkspaceError",
    "WorkspaceExists",
    "WorkspaceSession",
    "WrongPasscode",
    "delete_words",
]
