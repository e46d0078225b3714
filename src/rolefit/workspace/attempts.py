"""Wrong passcodes in a row slow further tries down, across restarts of RoleFit.

A small file beside the workspace, ``workspace.attempts``, records how many wrong
passcodes were given in a row and when the last was: two numbers, nothing else (no name,
no passcode, nothing derived from one). It is read before every try, so quitting RoleFit
or starting the command line again does not reset the count. The first ``FREE_TRIES``
cost nothing; after that each try waits ``FIRST_DELAY`` seconds from the last failure,
doubling with every further failure up to ``MAX_DELAY``. The right passcode resets it.

This slows down a person guessing at the keyboard. It cannot stop someone who copies
the encrypted file and guesses elsewhere: against that, the key derivation's cost and
a long passcode protect the workspace.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from rolefit.atomic import write_text

ATTEMPTS_FILENAME = "workspace.attempts"
FREE_TRIES = 5
FIRST_DELAY = 30.0
MAX_DELAY = 3600.0


def delay_after(failures: int) -> float:
    """Seconds to wait after ``failures`` wrong passcodes in a row."""
    if failures < FREE_TRIES:
        return 0.0
    return min(FIRST_DELAY * 2.0 ** min(failures - FREE_TRIES, 32), MAX_DELAY)


class Record(NamedTuple):
    failures: int
    last: float  # seconds since the epoch


class Attempts:
    """The count of wrong passcodes in a row for the workspace in ``folder``."""

    def __init__(self, folder: Path, clock: Callable[[], float] = time.time) -> None:
        self.path = folder / ATTEMPTS_FILENAME
        self._clock = clock

    def read(self) -> Record:
        """What the file says; a file that does not read counts as ``FREE_TRIES`` failures
        at the time it was last written (only tampering makes one: writes are atomic)."""
        try:
            text = self.path.read_text(encoding="ascii")
        except FileNotFoundError:
            return Record(0, 0.0)
        except (OSError, UnicodeDecodeError):
            return Record(FREE_TRIES, self._mtime())
        try:
            data = json.loads(text)
            failures, last = data["failures"], data["last"]
            if not isinstance(failures, int) or not isinstance(last, (int, float)):
                raise ValueError
            return Record(max(0, failures), float(last))
        except (ValueError, KeyError, TypeError):
            return Record(FREE_TRIES, self._mtime())

    def _mtime(self) -> float:
        try:
            return os.stat(self.path).st_mtime
        except OSError:
            return self._clock()

    def wait(self) -> float:
        """Seconds before the next try is allowed (0: now)."""
        record = self.read()
        delay = delay_after(record.failures)
        if delay == 0:
            return 0.0
        elapsed = self._clock() - record.last
        # A clock set back makes ``elapsed`` negative: never wait longer than the delay.
        return min(delay, max(0.0, delay - elapsed))

    def failed(self) -> None:
        record = self.read()
        self._write(Record(record.failures + 1, self._clock()))

    def succeeded(self) -> None:
        if self.read().failures:
            self._write(Record(0, self._clock()))

    def _write(self, record: Record) -> None:
        write_text(self.path, json.dumps({"failures": record.failures, "last": record.last}))
