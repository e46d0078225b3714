"""The counsellor workspace's subcommands (parsed by ``rolefit.cli_workspace``).

Nothing of the workspace is printed before its passcode has opened it. Messages go
through ``rolefit.i18n``; data (JSON, CSV) is written as it is.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, TextIO

from rolefit.exit_codes import EXIT_BAD_INPUT, EXIT_OK
from rolefit.i18n import _, ngettext

if TYPE_CHECKING:
    from rolefit.workspace import Workspace

ENV_PASSCODE = "ROLEFIT_PASSCODE"
ENV_NEW_PASSCODE = "ROLEFIT_NEW_PASSCODE"


class CommandError(Exception):
    """Said on standard error as it is; the command exits with ``code``."""

    def __init__(self, message: str, code: int = EXIT_BAD_INPUT) -> None:
        super().__init__(message)
        self.code = code


def on_terminal() -> bool:
    """Whether a person is at a terminal to be asked (the tests replace this)."""
    return sys.stdin.isatty()


def ask(prompt: str) -> str:
    """Read a passcode without showing it (the tests replace this)."""
    import getpass

    return getpass.getpass(prompt)


def read_passcode(prompt: str, *, twice: bool = False, env: str = ENV_PASSCODE) -> str:
    """The passcode from the terminal (asked twice for a new one), else from ``env``."""
    if on_terminal():
        first = ask(prompt)
        if twice and ask(_("The same passcode again: ")) != first:
            raise CommandError(_("The two passcodes differ; nothing was changed."))
        return first
    value = os.environ.get(env)
    if value:
        return value
    raise CommandError(_("No passcode: run this on a terminal, or set {env}.").format(env=env))


def folder_of(args: argparse.Namespace) -> Path:
    from rolefit.paths import data_dir

    return data_dir(getattr(args, "data_dir", None))


@contextmanager
def unlocked(folder: Path) -> Iterator[Workspace]:
    """The workspace in ``folder``, opened with the passcode read as above."""
    from rolefit.workspace import NoWorkspace, Workspace

    if not Workspace.exists(folder):
        raise NoWorkspace()
    wait = Workspace.wait_before_next_try(folder)
    if wait > 0:
        from rolefit.workspace import Throttled

        raise Throttled(wait)
    workspace = Workspace.unlock(folder, read_passcode(_("Workspace passcode: ")))
    try:
        yield workspace
    finally:
        workspace.close()


def run_workspace_command(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run a workspace subcommand; every expected failure is one plain line on ``err``."""
    from rolefit.store import StoreError
    from rolefit.workspace import ImportFailed, WorkspaceError

    try:
        return _run(args, out, err)
    except ImportFailed as error:
        for problem in error.problems:
            print(problem, file=err)
        print(str(error), file=err)
    except CommandError as error:
        print(f"rolefit: {error}", file=err)
        return error.code
    except (WorkspaceError, StoreError) as error:
        print(f"rolefit: {error}", file=err)
    except OSError as error:
        where = f"{error.filename}: " if error.filename else ""
        print(f"rolefit: {where}{error.strerror or error}", file=err)
    return EXIT_BAD_INPUT


def _run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    folder = folder_of(args)
    command = args.command
    if command == "workspace":
        if args.workspace_command == "init":
            return _init(folder, args.counsellor, out)
        return _change_passcode(folder, out)
    if command == "restore":
        return _restore(folder, args.source, args.force, out)
    with unlocked(folder) as workspace:
        if command == "clients":
            if args.clients_command == "add":
                return _add_client(workspace, args.ref, args.name, out)
            return _clients(workspace, args.json, out)
        if command == "import":
            return _import(workspace, args.files, args.client, getattr(args, "bank", None), out)
        if command == "export":
            return _export(workspace, args, out)
        if command == "backup":
            workspace.backup(args.out)
            print(_("Wrote a backup to {file}.").format(file=args.out), file=out)
            return EXIT_OK
        from rolefit import workspace_reports as reports

        if command == "stats":
            return reports.stats(workspace, args.json, out)
        if command == "sessions":
            return reports.sessions(workspace, args.client, args.json, out, err)
        if command == "report":
            return reports.report(workspace, args, out)
    raise ValueError(f"unknown command {command!r}")


def _init(folder: Path, counsellor: str, out: TextIO) -> int:
    from rolefit.workspace import Workspace, WorkspaceExists

    if Workspace.exists(folder):
        raise WorkspaceExists()
    passcode = read_passcode(_("New workspace passcode: "), twice=True)
    Workspace.create(folder, passcode, counsellor).close()
    print(
        _(
            "Created a counsellor workspace in {folder}. Keep the passcode safe: it cannot be "
            "recovered. Keep backups too (rolefit backup)."
        ).format(folder=folder),
        file=out,
    )
    return EXIT_OK


@contextmanager
def folder_to_itself(folder: Path) -> Iterator[None]:
    """Hold the data folder's lock: no RoleFit has the workspace open meanwhile."""
    from rolefit.store import acquire_data_lock

    with acquire_data_lock(folder) as lock:
        if not lock.acquired:
            holder = _(" (process {pid})").format(pid=lock.holder) if lock.holder else ""
            raise CommandError(
                _("RoleFit is open on this data folder{holder}; close it first.").format(
                    holder=holder
                )
            )
        yield


def _change_passcode(folder: Path, out: TextIO) -> int:
    from rolefit.workspace import NoWorkspace, Workspace

    if not Workspace.exists(folder):
        raise NoWorkspace()
    with folder_to_itself(folder):
        current = read_passcode(_("Current passcode: "))
        workspace = Workspace.unlock(folder, current)
        try:
            new = read_passcode(_("New passcode: "), twice=True, env=ENV_NEW_PASSCODE)
            workspace.change_passcode(current, new)
        finally:
            workspace.close()
    print(_("The workspace's passcode was changed; the old one no longer opens it."), file=out)
    return EXIT_OK


def _restore(folder: Path, source: Path, force: bool, out: TextIO) -> int:
    from rolefit.workspace import Workspace, WorkspaceError

    if Workspace.exists(folder) and not force:
        raise WorkspaceError(
            _("{folder} already has a workspace; restore replaces it only with --force.").format(
                folder=folder
            )
        )
    with folder_to_itself(folder):
        passcode = read_passcode(_("The backup's passcode: "))
        replaced = Workspace.restore(folder, source, passcode, force=force)
    print(_("Restored the workspace from {file}.").format(file=source), file=out)
    if replaced is not None:
        print(
            _("The workspace it replaced was kept as {name}.").format(name=replaced.name),
            file=out,
        )
    return EXIT_OK


def _clients(workspace: Workspace, as_json: bool, out: TextIO) -> int:
    listed = workspace.list_clients(include_archived=True)
    if as_json:
        json.dump([c.to_json() for c in listed], out, indent=2, ensure_ascii=False)
        out.write("\n")
        return EXIT_OK
    if not listed:
        print(_("No clients yet."), file=out)
    for client in listed:
        sessions = ngettext("{n} session", "{n} sessions", client.sessions).format(
            n=client.sessions
        )
        archived = _(" (archived)") if client.archived else ""
        print(f"{client.ref}\t{client.name}\t{sessions}{archived}", file=out)
    return EXIT_OK


def _add_client(workspace: Workspace, ref: str, name: str, out: TextIO) -> int:
    client = workspace.add_client(ref, name)
    print(_("Added client {ref}.").format(ref=client.ref), file=out)
    return EXIT_OK


def _import(
    workspace: Workspace,
    files: list[Path],
    client: str | None,
    bank_path: Path | None,
    out: TextIO,
) -> int:
    bank = None
    if bank_path is not None:
        from rolefit.bank import BankError
        from rolefit.bank.loader import load_bank

        try:
            bank = load_bank(bank_path)
        except BankError as error:
            raise CommandError("\n".join(error.lines())) from None
    report = workspace.import_files(files, client, bank)
    print(
        ngettext("Imported {n} session.", "Imported {n} sessions.", report.sessions).format(
            n=report.sessions
        ),
        file=out,
    )
    if report.clients_added:
        print(_("New clients: {refs}.").format(refs=", ".join(report.clients_added)), file=out)
    return EXIT_OK


def client_id_of(workspace: Workspace, ref: str | None) -> int | None:
    return None if ref is None else workspace.require_client(ref).id


def _export(workspace: Workspace, args: argparse.Namespace, out: TextIO) -> int:
    client_id = client_id_of(workspace, args.client)
    if args.csv:
        data = workspace.csv_text(client_id).encode("utf-8")
    else:
        text = json.dumps(workspace.json_data(client_id), indent=2, ensure_ascii=False)
        data = (text + "\n").encode("utf-8")
    if args.output is not None:
        from rolefit.atomic import write_bytes

        write_bytes(args.output, data)
    else:
        _write_bytes(out, data)
    return EXIT_OK


def _write_bytes(out: TextIO, data: bytes) -> None:
    """Bytes to standard output as they are (UTF-8 with its mark, whatever the locale)."""
    out.flush()
    raw: BinaryIO | None = getattr(out, "buffer", None)
    if raw is None:
        out.write(data.decode("utf-8"))
    else:
        raw.write(data)
        raw.flush()


def has_workspace(folder: Path) -> bool:
    """Whether ``folder`` holds a workspace (without importing rolefit.workspace)."""
    from rolefit.paths import WORKSPACE_FILENAME

    return (folder / WORKSPACE_FILENAME).exists()


def report_usage_problem(args: argparse.Namespace) -> str | None:
    if args.answers is not None and (args.client or args.session):
        return _("give an answers file, or --client/--session of a workspace, not both")
    if args.answers is None and not (args.client or args.session):
        return _("give an answers file, or --data-dir with --client or --session")
    return None
