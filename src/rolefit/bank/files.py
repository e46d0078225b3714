"""Reading an input file safely, and the located problems every loader reports."""

from __future__ import annotations

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
    """Read a UTF-8 text file, turning every way it can fail into a located ``BankError``."""

    def fail(message: str, line: int = 1, column: int = 1) -> BankError:
        return BankError([LocatedProblem(name, line, column, message)])

    try:
        if path.is_dir():
            raise fail("is a directory, not a file")
        size = path.stat().st_size
        if size > max_bytes:
            raise fail(f"file is {size:,} bytes; the limit is {max_bytes:,}")
        data = path.read_bytes()
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
