"""One RoleFit per data folder: an operating-system lock on ``rolefit.lock``.

The lock belongs to the open file, not to the lock file's existence: it is released when
the holder closes it or when its process ends in any way (even killed), so a crash never
leaves a folder locked. The file records the holder's process id, so a second window can
say which RoleFit has the folder.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from types import TracebackType

from rolefit.store.files import PRIVATE_FILE, make_private_dir

LOCK_FILENAME = "rolefit.lock"


class DataLock:
    """The outcome of ``acquire_data_lock``: held by us, or by ``holder`` (a process id)."""

    def __init__(self, path: Path, fd: int | None, holder: int | None) -> None:
        self.path = path
        self._fd = fd
        self.holder = holder  # when not acquired: the pid recorded by the holder, if known

    @property
    def acquired(self) -> bool:
        return self._fd is not None

    def close(self) -> None:
        """Release the lock (if held); the file stays, empty, for the next holder."""
        if self._fd is not None:
            fd, self._fd = self._fd, None
            os.close(fd)  # closing the file releases the lock

    def __enter__(self) -> DataLock:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        state = "acquired" if self.acquired else f"held by {self.holder or 'another process'}"
        return f"<DataLock {self.path} {state}>"


def acquire_data_lock(data_dir: Path) -> DataLock:
    """Try, without waiting, to become the only RoleFit using ``data_dir``.

    Raises ``OSError`` only if the folder or the lock file cannot be made at all.
    """
    make_private_dir(data_dir)
    path = data_dir / LOCK_FILENAME
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags, PRIVATE_FILE)
    try:
        if not _try_lock(fd):
            holder = _read_pid(fd)
            os.close(fd)
            return DataLock(path, None, holder)
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, f"{os.getpid()}\n".encode("ascii"))
    except BaseException:
        os.close(fd)
        raise
    return DataLock(path, fd, None)


def _read_pid(fd: int) -> int | None:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        text = os.read(fd, 32).decode("ascii").strip()
        return int(text) if text else None
    except (OSError, ValueError):
        return None


if sys.platform == "win32":  # pragma: no cover - RoleFit is tested on Linux

    def _try_lock(fd: int) -> bool:
        import msvcrt

        try:
            # Lock a byte far past the pid, so reading the pid is not blocked.
            os.lseek(fd, 1 << 20, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

else:

    def _try_lock(fd: int) -> bool:
        import fcntl

        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True
