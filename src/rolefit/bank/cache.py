"""A validated bank kept on disk, so the window can start without parsing and validating it.

Parsing and validating the shipped bank (and importing PyYAML to do it) was the largest
part of RoleFit's start-up beyond Qt's own (docs/performance.md). The result depends only
on the bank's text and on the code that validates it, so the cache file holds the text it
was made from and a fingerprint of that code, the way Python's own ``.pyc`` files record
their source's size and time: edit the bank, upgrade RoleFit or change the loader, and the
next start validates afresh. (No hash: comparing the text is exact, and ``hashlib`` alone
would cost 3 ms and 3.5 MiB of OpenSSL at every start.)

The cache is only ever a shortcut. A missing, unreadable, stale or damaged cache file
means the bank is loaded as usual; failing to write one is not an error. Problems in
the bank itself are always reported, because only a valid bank is ever cached.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import sys
import zlib
from pathlib import Path

from rolefit import __version__
from rolefit.bank.files import MAX_BANK_BYTES, read_text_file
from rolefit.bank.model import Bank

# Bumped by hand only if the layout of the cache file changes.
CACHE_FORMAT = 2
_PACKAGE = Path(__file__).parent

Fingerprint = tuple[object, ...]


def code_fingerprint() -> Fingerprint:
    """What a cached ``Bank`` depends on besides the bank's text: versions and loader code."""
    sources = []
    for source in sorted(_PACKAGE.glob("*.py")):
        stat = source.stat()
        sources.append((source.name, stat.st_size, stat.st_mtime_ns))
    return (CACHE_FORMAT, __version__, sys.version, tuple(sources))


def cache_file(cache_dir: Path, name: str) -> Path:
    """One file per bank, named after its display name, so edits replace rather than pile up."""
    slot = zlib.crc32(name.encode("utf-8", "surrogatepass"))
    return cache_dir / f"bank-{slot:08x}.pickle"


def _read(path: Path, expected: tuple[Fingerprint, str, str]) -> Bank | None:
    try:
        with path.open("rb") as stream:
            fingerprint, name, text, bank = pickle.load(stream)
    except Exception:  # missing, damaged or foreign: just a miss, and rewritten on the way
        return None
    if (fingerprint, name, text) != expected or not isinstance(bank, Bank):
        return None
    return bank


def _write(path: Path, made_from: tuple[Fingerprint, str, str], bank: Bank) -> None:
    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with partial.open("wb") as stream:
            pickle.dump((*made_from, bank), stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(partial, path)  # readers see the old file or the new one, never half
    except OSError:  # read-only or full disk, a file in the folder's place: no cache then
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)


def load_bank_cached(path: Path, cache_dir: Path | None, display_name: str | None = None) -> Bank:
    """``load_bank``, answered from ``cache_dir`` when the same bank was validated before.

    Raises ``BankError`` exactly as ``load_bank`` does. With ``cache_dir`` None, no cache.
    """
    name = display_name or str(path)
    text = read_text_file(path, name, MAX_BANK_BYTES)
    if cache_dir is None:
        return _validate(text, name)
    made_from = (code_fingerprint(), name, text)
    stored = cache_file(cache_dir, name)
    bank = _read(stored, made_from)
    if bank is None:
        bank = _validate(text, name)
        _write(stored, made_from, bank)
    return bank


def _validate(text: str, name: str) -> Bank:
    from rolefit.bank.loader import parse_bank  # imports PyYAML: only on a miss

    return parse_bank(text, name)
