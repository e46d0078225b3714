"""Reading an input file safely, and the located problems every loader reports."""

from __future__ import annotations

import os
import stat
from codecs import BOM_UTF8
from pathlib import Path
from typing import NamedTuple

# A real bank is tens of kilobytes; this leaves room for very large generated ones while
# refusing a runaway file before any parsing.
MAX_BANK_BYTES = 8 * 1024 * 1024
# A file of junk can produce a problem per line; past this many, the rest are counted.
MAX_REPORTED = 500


class LocatedProblem(NamedTuple):
    """A problem at a place in a file. (A NamedTuple: the window starts without
    importing ``dataclasses``, see docs/performance.md.)"""

    file: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.message}"


class BankError(Exception):
    """A bank could not be loaded; ``problems`` lists every reason, located."""

    def __init__(self, problems: list[LocatedProblem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))

    def lines(self) -> list[str]:
        shown = [str(p) for p in self.problems[:MAX_REPORTED]]
        if len(self.problems) > MAX_REPORTED:
            extra = len(self.problems) - MAX_REPORTED
            last = self.problems[MAX_REPORTED]
            shown.append(f"{last.file}:{last.line}:{last.column}: ... and {extra} more problems")
        return shown


def read_text_file(path: Path, name: str, max_bytes: int) -> str:
    """Read a UTF-8 text file, turning every way it can fail into a located ``BankError``.

    Only a regular file is read: a named pipe would block until someone writes to it and
    a device such as ``/dev/zero`` never ends, so both are refused before a byte is read.
    At most ``max_bytes + 1`` bytes are read, so a file growing meanwhile is still bounded.
    """

    def fail(message: str, line: int = 1, column: int = 1) -> BankError:
        return BankError([LocatedProblem(name, line, column, message)])

    try:
        data = _read_regular_file(path, max_bytes)
    except _NotReadable as refused:
        raise fail(str(refused)) from None
    except FileNotFoundError:
        raise fail("file not found") from None
    except PermissionError:
        raise fail("permission denied: cannot read the file") from None
    except OSError as error:
        raise fail(f"cannot read the file: {error.strerror or error}") from None
    # Decoded as UTF-8 and the byte-order mark dropped after: "utf-8-sig" would give error
    # positions that leave out the mark, so the line and byte shown would be wrong.
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        mark = len(BOM_UTF8) if data.startswith(BOM_UTF8) else 0
        line_start = max(data.rfind(b"\n", 0, error.start) + 1, mark)
        column = error.start - line_start + 1
        raise fail(
            f"not UTF-8 text: byte 0x{data[error.start]:02x} cannot be decoded; "
            "save the file as UTF-8",
            line,
            column,
        ) from None


class _NotReadable(Exception):
    """The path names something that is not a file of a readable size (the message says)."""


# O_NONBLOCK: opening a named pipe that slipped in after the check must not wait for a
# writer. (Windows has neither flag nor named pipes in the file system.)
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def _read_regular_file(path: Path, max_bytes: int) -> bytes:
    status = os.stat(path)
    _check_regular(status.st_mode, max_bytes, status.st_size)
    descriptor = os.open(path, _OPEN_FLAGS)
    with os.fdopen(descriptor, "rb", buffering=0) as stream:
        # Checked again on what was opened: the path may have been replaced in between.
        status = os.fstat(stream.fileno())
        _check_regular(status.st_mode, max_bytes, status.st_size)
        chunks: list[bytes] = []
        left = max_bytes + 1
        while left > 0:
            chunk = stream.read(min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    if left <= 0:
        raise _NotReadable(f"file is over {max_bytes:,} bytes; the limit is {max_bytes:,}")
    return b"".join(chunks)


def _check_regular(mode: int, max_bytes: int, size: int) -> None:
    if stat.S_ISDIR(mode):
        raise _NotReadable("is a directory, not a file")
    if not stat.S_ISREG(mode):
        raise _NotReadable(f"not a regular file (it is {_kind_of_file(mode)}): give a file's path")
    if size > max_bytes:
        raise _NotReadable(f"file is {size:,} bytes; the limit is {max_bytes:,}")


def _kind_of_file(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "something else"
