"""Files written whole or not at all, readable by their owner only (no Qt).

A file is written to a new temporary file in the same folder, synced, and renamed over
the target, so a reader sees the old file or the new one, never half of either; a failed
write leaves the old file as it was and nothing behind. The temporary file is created
exclusively (never through a link someone planted), and the rename replaces a link at
the target rather than writing through it.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

OWNER_ONLY = 0o600


def write_bytes(path: Path, data: bytes, mode: int = OWNER_ONLY) -> None:
    """Replace ``path`` with ``data``; raises ``OSError`` (nothing changed) if it cannot."""
    folder = path.parent
    # A random name (not ``secrets``: it loads OpenSSL, 4 MiB, for six bytes).
    temporary = folder / f".{path.name}.{os.urandom(6).hex()}.partial"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    descriptor = os.open(temporary, flags, mode)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)  # whatever the umask
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    _sync_folder(folder)


def write_text(path: Path, text: str, mode: int = OWNER_ONLY) -> None:
    write_bytes(path, text.encode("utf-8"), mode)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); harmless where folders cannot be opened."""
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
