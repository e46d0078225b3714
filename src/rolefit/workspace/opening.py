"""Creating, unlocking, re-keying, backing up and restoring the encrypted workspace file.

The workspace is ``workspace.db`` in the data folder, beside (never instead of) the
individual's ``rolefit.db``; it is opened through the store's own code
(``rolefit.store.opening``) with a ``KeyedConnect``, so it is checked, migrated and kept
private exactly as the individual's database is. Opening it differs in one way: the
passcode is checked first, and a wrong one sets nothing aside.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from rolefit.i18n import _
from rolefit.store import files
from rolefit.store.connection import SQL_ERRORS, DamagedError, Database, StoreError
from rolefit.store.migrations import schema_version
from rolefit.store.opening import check, configure, open_database
from rolefit.workspace.attempts import Attempts
from rolefit.workspace.errors import (
    NoWorkspace,
    Throttled,
    WeakPasscode,
    WorkspaceError,
    WorkspaceExists,
    WrongPasscode,
)
from rolefit.workspace.keys import WORKSPACE_FILENAME, KeyedConnect, check_new_passcode

# The first schema version that has a workspace's tables.
FIRST_WORKSPACE_SCHEMA = 3


class Opened(NamedTuple):
    database: Database
    keyed: KeyedConnect
    note: str | None  # something kept aside on the way (a damaged journal), in words


def workspace_path(folder: Path) -> Path:
    return folder / WORKSPACE_FILENAME


def exists(folder: Path) -> bool:
    path = workspace_path(folder)
    return path.exists() or path.is_symlink()


def create(folder: Path, passcode: str) -> Opened:
    """A new, empty workspace in ``folder`` (made owner-only if new), keyed with ``passcode``."""
    usable = check_new_passcode(passcode)
    files.make_private_dir(folder)
    path = workspace_path(folder)
    if not files.create_private_file(path):
        raise WorkspaceExists()
    keyed = KeyedConnect(usable)
    try:
        database, note, _kept = open_database(path, keyed)
    except BaseException:
        with contextlib.suppress(OSError):
            for leftover in (path, *(path.with_name(path.name + s) for s in files.COMPANIONS)):
                if leftover.exists() and leftover.stat().st_size == 0:
                    leftover.unlink()
        raise
    return Opened(database, keyed, note)


def unlock(folder: Path, passcode: str, attempts: Attempts) -> Opened:
    """The workspace in ``folder``, if ``passcode`` is its passcode.

    Raises ``NoWorkspace``; ``Throttled`` (before the passcode is tried) after five
    wrong ones in a row; ``WrongPasscode`` (counted); ``DamagedError`` once a damaged
    file, found with the right passcode, has been set aside; other ``StoreError``s
    (busy, newer, not migrated) with the file left as it is.
    """
    path = workspace_path(folder)
    if not exists(folder):
        raise NoWorkspace()
    wait = attempts.wait()
    if wait > 0:
        raise Throttled(wait)
    if _header(path).startswith(files.SQLITE_MAGIC):
        raise WorkspaceError(
            _(
                "{name} is not encrypted, so it is not a RoleFit workspace; it was left as it is."
            ).format(name=path.name)
        )
    try:
        keyed = KeyedConnect(passcode)
        database, note, _kept = open_database(path, keyed)
    except (WrongPasscode, WeakPasscode):
        attempts.failed()
        raise WrongPasscode() from None
    except DamagedError as error:
        moved = files.set_aside(path, "damaged")
        raise DamagedError(
            _(
                "{problem}. RoleFit kept the damaged workspace as {name}; restore your "
                "latest backup (rolefit restore)."
            ).format(problem=error, name=moved.name),
            moved_to=moved,
        ) from error
    attempts.succeeded()
    return Opened(database, keyed, note)


def _header(path: Path) -> bytes:
    try:
        with open(path, "rb") as file:
            return file.read(16)
    except OSError:
        return b""


def backup(
    database: Database,
    keyed: KeyedConnect,
    out: Path,
    copy: Callable[[sqlite3.Connection], None],
) -> None:
    """Write a consistent copy of the workspace to ``out``, encrypted with the same passcode.

    ``copy(target)`` is the store's ``copy_to`` (SQLite's online backup). The copy is made
    in a temporary owner-only file beside ``out`` and renamed over it when whole.
    """
    target_path = out.absolute()
    if database.path is not None and _same_file(target_path, database.path):
        raise WorkspaceError(_("A backup cannot be written over the workspace itself."))
    folder = target_path.parent
    temporary = files.free_name(folder, f".{target_path.name}.partial")
    if not files.create_private_file(temporary):
        raise FileExistsError(17, "File exists", str(temporary))
    try:
        target = keyed(str(temporary))
        try:
            copy(target)
        finally:
            target.close()
        files.fsync_file(temporary)
        os.replace(temporary, target_path)
    except BaseException:
        for leftover in (temporary, temporary.with_name(temporary.name + "-journal")):
            leftover.unlink(missing_ok=True)
        raise
    files.sync_folder(folder)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return a.resolve() == b.resolve()


def check_backup(source: Path, keyed: KeyedConnect) -> int:
    """Open ``source`` read-only with the passcode and check it whole: its schema version.

    Raises ``WrongPasscode`` or ``WorkspaceError`` saying what is wrong with it.
    """
    if not source.is_file():
        raise WorkspaceError(_("{file} is not a file.").format(file=source))
    conn = keyed(_read_only(source), uri=True)
    try:
        configure(conn)
        version = check(conn)
        if version < FIRST_WORKSPACE_SCHEMA:
            raise WorkspaceError(_("{file} is not a RoleFit workspace.").format(file=source))
        problems = [str(r[0]) for r in conn.execute("PRAGMA integrity_check(10)")]
        if problems != ["ok"]:
            raise WorkspaceError(
                _("{file} is damaged: {problems}").format(
                    file=source, problems="; ".join(problems[:3])
                )
            )
        return version
    except StoreError as error:
        raise WorkspaceError(f"{source}: {error}") from None
    except SQL_ERRORS.any as error:
        raise WorkspaceError(f"{source}: {error}") from None
    finally:
        conn.close()


def _read_only(source: Path) -> str:
    """A URI that reads ``source`` without writing anything beside it.

    ``immutable`` when no journal is beside it (a read-only connection would still make
    a ``-shm``), else ``mode=ro``, which reads the journal too.
    """
    companions = [source.with_name(source.name + s) for s in files.COMPANIONS]
    mode = "mode=ro" if any(c.exists() for c in companions) else "immutable=1"
    return f"{source.resolve().as_uri()}?{mode}"


def restore(folder: Path, source: Path, passcode: str, force: bool) -> Path | None:
    """Replace the workspace in ``folder`` with the backup ``source``, checked first.

    Refuses to replace an existing workspace unless ``force``; the one replaced is kept
    as ``workspace.db.replaced-<time>`` (its path is returned), still encrypted. The
    caller holds the data folder's lock, so no RoleFit has the workspace open.
    """
    path = workspace_path(folder)
    if exists(folder) and _same_file(source, path):
        raise WorkspaceError(_("That file is the workspace itself."))
    if exists(folder) and not force:
        raise WorkspaceExists()
    keyed = KeyedConnect(passcode)
    try:
        version = check_backup(source, keyed)
    except WrongPasscode:
        raise WorkspaceError(
            _("{file} does not open with this passcode (or is not a RoleFit backup).").format(
                file=source
            )
        ) from None
    if version > schema_version():
        raise WorkspaceError(
            _("{file} was written by a newer RoleFit; update RoleFit to restore it.").format(
                file=source
            )
        )
    files.make_private_dir(folder)
    temporary = files.free_name(folder, f".{WORKSPACE_FILENAME}.restoring")
    if not files.create_private_file(temporary):
        raise FileExistsError(17, "File exists", str(temporary))
    try:
        source_conn = keyed(_read_only(source), uri=True)
        target = keyed(str(temporary))
        try:
            source_conn.backup(target)
        finally:
            target.close()
            source_conn.close()
        files.fsync_file(temporary)
        replaced = files.set_aside(path, "replaced") if exists(folder) else None
        os.replace(temporary, path)
    except BaseException:
        for leftover in (temporary, temporary.with_name(temporary.name + "-journal")):
            leftover.unlink(missing_ok=True)
        raise
    files.sync_folder(folder)
    return replaced
