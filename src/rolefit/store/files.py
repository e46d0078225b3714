"""The files around the database: private folders and files, set-aside copies, headers.

What RoleFit stores is personal: the data folder is made owner-only (0700) and every file
the store writes owner-only (0600), whatever the umask. SQLite gives the ``-wal`` and
``-shm`` files it creates the database file's own permissions, so making the database
0600 before SQLite first opens it covers them too. Nothing here follows a symbolic link
someone else planted.

Never open the database or its ``-shm`` with ``os.open`` while this process may have an
SQLite connection to it: closing any descriptor of a file drops every POSIX lock the
process holds on it, SQLite's included, and another process may then truncate a
``-shm`` this one still has mapped (it dies of SIGBUS). Paths are stat'ed, chmod'ed and
renamed instead; only files no connection of ours can hold are opened.
"""

from __future__ import annotations

import os
import stat
import time
from datetime import datetime, timezone
from pathlib import Path

PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600
COMPANIONS = ("-wal", "-shm")

SQLITE_MAGIC = b"SQLite format 3\x00"
WAL_MAGIC = (0x377F0682, 0x377F0683)
WAL_VERSION = 3007000


def make_private_dir(folder: Path) -> None:
    """Create ``folder`` and any missing parents owner-only; leave existing ones alone."""
    missing = []
    current = folder
    while not current.exists():
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for path in reversed(missing):
        try:
            path.mkdir(mode=PRIVATE_DIR)
        except FileExistsError:
            continue  # made by another process meanwhile
        os.chmod(path, PRIVATE_DIR)  # the umask may have taken bits away; never added
    if not folder.is_dir():
        raise NotADirectoryError(20, "Not a directory", str(folder))


def create_private_file(path: Path) -> bool:
    """Create an empty owner-only file; False if one (or a link) is already there."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0), PRIVATE_FILE)
    except FileExistsError:
        return False
    try:
        os.fchmod(fd, PRIVATE_FILE)
    finally:
        os.close(fd)
    return True


def make_owner_only(path: Path) -> None:
    """Take group and other permissions away from a file of ours that has them.

    RoleFit 0.1.0 let SQLite create its database with the umask's permissions (often
    0644), so a database it wrote is made private the first time this version opens it.
    By path, not by descriptor (see the module's docstring); never through a link.
    """
    try:
        status = os.lstat(path)
    except OSError:
        return
    if not stat.S_ISREG(status.st_mode) or status.st_uid != os.getuid():
        return
    if stat.S_IMODE(status.st_mode) & 0o077:
        os.chmod(path, stat.S_IMODE(status.st_mode) & 0o700)


def utc_stamp() -> str:
    return datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def free_name(folder: Path, base: str) -> Path:
    """``folder/base``, or ``base-2``, ``base-3``... whichever is not taken."""
    candidate = folder / base
    n = 1
    while candidate.exists() or candidate.is_symlink():
        n += 1
        candidate = folder / f"{base}-{n}"
    return candidate


def set_aside(path: Path, label: str) -> Path:
    """Rename the database and its ``-wal``/``-shm`` to ``<name>.<label>-<local time>``.

    Nothing is deleted; the companions keep their names' endings, so SQLite opens the
    set-aside file together with its journal if anyone wants to recover it. The caller
    has closed every connection of its own to the file first.
    """
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    moved = free_name(path.parent, f"{path.name}.{label}-{stamp}")
    os.rename(path, moved)
    for suffix in COMPANIONS:
        side = path.with_name(path.name + suffix)
        if side.exists() or side.is_symlink():
            os.rename(side, moved.with_name(moved.name + suffix))
    sync_folder(path.parent)
    return moved


def copy_private(source: Path, target: Path) -> None:
    """Copy bytes to a new owner-only ``target``, whole or not at all."""
    temporary = free_name(target.parent, f".{target.name}.partial")
    if not create_private_file(temporary):
        raise FileExistsError(17, "File exists", str(temporary))
    try:
        with open(source, "rb") as reading, open(temporary, "r+b") as writing:
            while chunk := reading.read(1 << 20):
                writing.write(chunk)
            writing.flush()
            os.fsync(writing.fileno())
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    sync_folder(target.parent)


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (a no-op where folders cannot be synced)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def size_of(path: Path) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def header_problem(path: Path) -> str | None:
    """What the first 100 bytes of an SQLite file say is wrong with it, cheaply.

    Opens the file: call it only when no connection of this process has it open.

    Only a plain SQLite file is judged (an encrypted one has no readable header). The one
    finding is a file shorter than its own header says, as when a copy was cut off: SQLite
    calls that "malformed"; this says what it means.
    """
    try:
        with open(path, "rb") as file:
            header = file.read(100)
    except OSError:
        return None
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        return None
    import struct  # only for what is read here, after something went wrong

    page_size = struct.unpack(">H", header[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    change_counter, pages = struct.unpack(">II", header[24:32])
    valid_for = struct.unpack(">I", header[92:96])[0]
    if pages == 0 or change_counter != valid_for:
        return None  # the size field is not in use; SQLite uses the file's size
    actual = size_of(path)
    if actual < pages * page_size:
        return (
            f"the file is {actual:,} bytes, but its header says {pages * page_size:,}: "
            "it was cut short"
        )
    return None


def wal_problem(db_path: Path) -> str | None:
    """Whether a non-empty ``-wal`` beside the database is not a valid journal.

    SQLite ignores a write-ahead log whose header is not valid and overwrites it at the
    next write; RoleFit keeps it instead, so whatever it held can still be looked at.
    Only the ``-wal`` is read here (SQLite locks the database and ``-shm``, not it). A
    header found wrong is read again a moment later: another RoleFit writing it at that
    instant must never have its journal taken away.
    """
    wal = db_path.with_name(db_path.name + "-wal")
    if _wal_header_problem(wal) is None:
        return None
    time.sleep(0.05)
    return _wal_header_problem(wal)


def _wal_header_problem(wal: Path) -> str | None:
    try:
        with open(wal, "rb") as file:
            header = file.read(32)
    except OSError:
        return None
    if not header:
        return None
    if len(header) < 32:
        return "its journal file (-wal) is cut short"
    import struct

    magic, version, page_size = struct.unpack(">III", header[:12])
    if magic not in WAL_MAGIC or version != WAL_VERSION:
        return "its journal file (-wal) is not a journal SQLite wrote"
    if page_size < 512 or page_size > 65536 or page_size & (page_size - 1):
        return "its journal file (-wal) is damaged"
    if _wal_checksum(header[:24], big_endian=magic & 1 == 1) != struct.unpack(">II", header[24:32]):
        return "its journal file (-wal) is damaged"
    return None


def _wal_checksum(data: bytes, big_endian: bool) -> tuple[int, int]:
    """SQLite's WAL checksum (https://sqlite.org/fileformat2.html#walformat)."""
    import struct

    words = struct.unpack((">" if big_endian else "<") + f"{len(data) // 4}I", data)
    s0 = s1 = 0
    for i in range(0, len(words), 2):
        s0 = (s0 + words[i] + s1) & 0xFFFFFFFF
        s1 = (s1 + words[i + 1] + s0) & 0xFFFFFFFF
    return s0, s1


def keep_damaged_wal(db_path: Path) -> Path:
    """Keep a damaged ``-wal`` aside with a copy of its database; return the copy's path.

    The database file itself is consistent as of its last checkpoint, so it stays in
    place and is used; the copy and the journal beside it hold everything that was there.
    """
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    kept = free_name(db_path.parent, f"{db_path.name}.damaged-{stamp}")
    copy_private(db_path, kept)
    for suffix in COMPANIONS:
        side = db_path.with_name(db_path.name + suffix)
        if side.exists():
            os.rename(side, kept.with_name(kept.name + suffix))
    sync_folder(db_path.parent)
    return kept
