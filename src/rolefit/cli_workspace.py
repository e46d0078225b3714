"""The counsellor workspace's subcommands, added to the one parser ``rolefit.cli`` builds.

Kept apart from ``rolefit.cli`` only to keep modules short. The passcode is never an
argument (other users can read a process's arguments): on a terminal RoleFit asks for
it; otherwise it reads ``ROLEFIT_PASSCODE``.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

PASSCODE_NOTE = (
    "The passcode is asked for on a terminal; otherwise it is read from the ROLEFIT_PASSCODE "
    "environment variable (never from an argument). A wrong one exits 1 and shows nothing."
)


def _data_dir(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        type=Path,
        default=argparse.SUPPRESS,
        help="the data folder holding the workspace (default: $ROLEFIT_DATA_DIR, else the "
        "platform's app-data folder)",
    )


def _command(commands: Any, name: str, help: str, description: str, examples: str) -> Any:
    parser = commands.add_parser(
        name,
        help=help,
        description=f"{description} {PASSCODE_NOTE}",
        epilog=f"examples:\n{examples}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _data_dir(parser)
    return parser


def add_workspace_commands(commands: Any) -> None:
    """Add workspace, clients, import, export, backup, restore and stats to ``commands``."""
    workspace = _command(
        commands,
        "workspace",
        "create a counsellor workspace, or change its passcode",
        "A counsellor workspace keeps clients and their sessions in an encrypted database "
        "(workspace.db) beside the individual's own. A forgotten passcode cannot be "
        "recovered: keep backups (rolefit backup).",
        "  rolefit workspace init --data-dir ~/rolefit --counsellor 'Dr Ada Byron'\n"
        "  rolefit workspace passcode --data-dir ~/rolefit",
    )
    actions = workspace.add_subparsers(dest="workspace_command", metavar="ACTION", required=True)
    init = actions.add_parser(
        "init",
        help="create the workspace (the passcode is asked twice; at least 8 characters)",
        description="Create an encrypted counsellor workspace in the data folder. " + PASSCODE_NOTE,
        epilog="examples:\n"
        "  rolefit workspace init --data-dir ~/rolefit --counsellor 'Dr Ada Byron'",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _data_dir(init)
    init.add_argument(
        "--counsellor", default="", metavar="NAME", help="printed as 'Interpreted by NAME'"
    )
    passcode = actions.add_parser(
        "passcode",
        help="change the passcode (re-encrypts the workspace)",
        description="Change the workspace's passcode: the current one, then the new one twice "
        "on a terminal; without a terminal, ROLEFIT_PASSCODE and ROLEFIT_NEW_PASSCODE. "
        "RoleFit must not be open on the folder meanwhile.",
        epilog="examples:\n  rolefit workspace passcode --data-dir ~/rolefit",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _data_dir(passcode)

    clients = _command(
        commands,
        "clients",
        "list the workspace's clients, or add one",
        "List every client (archived ones too) with their number of sessions.",
        "  rolefit clients --data-dir ~/rolefit\n"
        "  rolefit clients --data-dir ~/rolefit --json\n"
        "  rolefit clients add --data-dir ~/rolefit C-0042 --name 'Grace Hopper'",
    )
    clients.add_argument("--json", action="store_true", help="print JSON")
    client_actions = clients.add_subparsers(dest="clients_command", metavar="ACTION")
    add = client_actions.add_parser(
        "add",
        help="add a client",
        description="Add a client with a reference (unique, whatever its case) and a name. "
        + PASSCODE_NOTE,
        epilog="examples:\n  rolefit clients add --data-dir ~/rolefit C-0042 --name 'Grace Hopper'",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _data_dir(add)
    add.add_argument("ref", metavar="REF", help="the client's reference")
    add.add_argument("--name", default="", help="the client's name")

    imported = _command(
        commands,
        "import",
        "import answers files as completed sessions of clients",
        "Import answers files (as 'Save answers' writes them) as completed sessions. A .jsonl "
        'file holds one answers object per line, each of which may carry "client": REF and '
        '"taken": ISO-8601. All or nothing: if any file or line is wrong, nothing is imported '
        "and every problem is listed (exit 1).",
        "  rolefit import --data-dir ~/rolefit --client C-0042 answers.json\n"
        "  rolefit import --data-dir ~/rolefit group.jsonl",
    )
    imported.add_argument("files", nargs="+", metavar="FILE", type=Path, help="answers files")
    imported.add_argument("--client", metavar="REF", help="the client of objects naming none")
    imported.add_argument(
        "--bank",
        metavar="FILE",
        type=Path,
        default=argparse.SUPPRESS,
        help="question bank (default: the shipped bank)",
    )

    export = _command(
        commands,
        "export",
        "export the workspace's sessions as CSV or JSON",
        "Export every session (or one client's): CSV has one row per session, in UTF-8 "
        "with a byte-order mark, formulas neutralised; JSON is the 'rolefit sessions --json' "
        'shape with "client". Written to standard output, or owner-only to -o OUT.',
        "  rolefit export --data-dir ~/rolefit --csv -o sessions.csv\n"
        "  rolefit export --data-dir ~/rolefit --json --client C-0042",
    )
    kind = export.add_mutually_exclusive_group(required=True)
    kind.add_argument("--csv", action="store_true", help="CSV, one row per session")
    kind.add_argument("--json", action="store_true", help="JSON")
    export.add_argument("--client", metavar="REF", help="only this client's sessions")
    export.add_argument("-o", "--output", metavar="OUT", type=Path, help="the file to write")

    backup = _command(
        commands,
        "backup",
        "copy the workspace to one file, still encrypted",
        "Write a consistent copy of the workspace to one file, encrypted with the same "
        "passcode; RoleFit may be running meanwhile.",
        "  rolefit backup --data-dir ~/rolefit /media/usb/rolefit-2026-03-01.rfw",
    )
    backup.add_argument("out", metavar="OUT", type=Path, help="the backup file to write")

    restore = _command(
        commands,
        "restore",
        "replace the workspace with a backup",
        "Check a backup whole with its passcode, then make it the workspace. An existing "
        "workspace is replaced only with --force (and kept aside as "
        "workspace.db.replaced-<time>). RoleFit must not be open on the folder.",
        "  rolefit restore --data-dir ~/rolefit /media/usb/rolefit-2026-03-01.rfw\n"
        "  rolefit restore --data-dir ~/rolefit --force backup.rfw",
    )
    restore.add_argument("source", metavar="IN", type=Path, help="the backup file")
    restore.add_argument("--force", action="store_true", help="replace an existing workspace")

    stats = _command(
        commands,
        "stats",
        "bank statistics over the workspace's sessions",
        "Per role, over the completed full-form sessions: Cronbach's alpha of its own items "
        "and each item's item-rest correlation; and how often a client's short-form verdict "
        "agrees with their full-form one. Warnings for alpha below 0.7 and negative items.",
        "  rolefit stats --data-dir ~/rolefit\n  rolefit stats --data-dir ~/rolefit --json",
    )
    stats.add_argument("--json", action="store_true", help="print JSON")
