"""A validated bank kept on disk, so the window can start without parsing and validating it.

Parsing and validating the shipped bank (and importing PyYAML to do it) was the largest
part of RoleFit's start-up beyond Qt's own (docs/performance.md). The result depends only
on the bank's text and on the code that validates it, so the cache file holds the text it
was made from and a fingerprint of that code, the way Python's own ``.pyc`` files record
their source's size and time: edit the bank, upgrade RoleFit or change the loader, and the
next start validates afresh. (No hash: comparing the text is exact, and ``hashlib`` alone
would cost 3 ms and 3.5 MiB of OpenSSL at every start.)

The file starts with a header the welcome page can be built from, written with
``marshal`` (built in, no classes): the fingerprint, the bank's name and text, and its
``BankOutline``. The pickled ``Bank`` follows, and is unpickled only when a questionnaire
starts, so opening the window imports neither ``pickle`` nor the model.

The cache is only ever a shortcut. A missing, unreadable, stale or damaged cache file
means the bank is loaded as usual; failing to write one is not an error. Problems in
the bank itself are always reported, because only a valid bank is ever cached.
"""

from __future__ import annotations

import contextlib
import importlib.util
import marshal
import os
import sys
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rolefit import __version__
from rolefit.bank.files import MAX_BANK_BYTES, read_text_file
from rolefit.bank.outline import BankOutline, ValidBank

if TYPE_CHECKING:
    from rolefit.bank.model import Bank

# Bumped by hand only if the layout of the cache file changes.
CACHE_FORMAT = 3
# marshal's format belongs to the Python that wrote it: the file starts with the magic
# number of Python's own .pyc files, so another Python's header is never decoded.
MAGIC = b"RoleFit bank cache %d " % CACHE_FORMAT + importlib.util.MAGIC_NUMBER
_PACKAGE = Path(__file__).parent

Fingerprint = tuple[Any, ...]  # built-in types only: it goes through marshal
MadeFrom = tuple[Fingerprint, str, str]  # fingerprint, display name, the bank's text


def code_fingerprint() -> Fingerprint:
    """What a cached ``Bank`` depends on besides the bank's text: versions and loader code."""
    sources = []
    with os.scandir(_PACKAGE) as entries:  # Path.glob compiles its pattern: 0.5 ms more
        for entry in entries:
            if entry.name.endswith(".py"):
                stat = entry.stat()
                sources.append((entry.name, stat.st_size, stat.st_mtime_ns))
    return (CACHE_FORMAT, __version__, sys.version, tuple(sorted(sources)))


def cache_file(cache_dir: Path, name: str) -> Path:
    """One file per bank, named after its display name, so edits replace rather than pile up."""
    slot = zlib.crc32(name.encode("utf-8", "surrogatepass"))
    return cache_dir / f"bank-{slot:08x}.cache"


def _read(path: Path, made_from: MadeFrom) -> ValidBank | None:
    """The cached bank made from exactly ``made_from``, or None (a miss) for anything else."""
    try:
        data = path.read_bytes()
        if not data.startswith(MAGIC):
            return None
        start = len(MAGIC) + 4  # the header's size comes first
        end = start + int.from_bytes(data[len(MAGIC) : start], "little")
        *stamp, plain = marshal.loads(data[start:end])
        if tuple(stamp) != made_from:
            return None
        outline = BankOutline.from_plain(plain)
    except Exception:  # missing, damaged or foreign: just a miss, and rewritten on the way
        return None
    pickled = data[end:]
    return ValidBank(outline, lambda: _unpickle(pickled, path, made_from, outline))


def _unpickle(pickled: bytes, path: Path, made_from: MadeFrom, outline: BankOutline) -> Bank:
    import pickle

    from rolefit.bank.model import Bank

    try:
        bank = pickle.loads(pickled)
    except Exception:
        bank = None
    if isinstance(bank, Bank):
        return bank
    # The header was sound but the bank behind it is not. The text is the one the header
    # vouched for, valid under this very code, so validating it again cannot fail.
    _fingerprint, name, text = made_from
    bank = _validate(text, name)
    _write(path, made_from, ValidBank(outline, lambda: bank))
    return bank


def _write(path: Path, made_from: MadeFrom, valid: ValidBank) -> None:
    import pickle

    header = marshal.dumps((*made_from, valid.outline.to_plain()))
    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with partial.open("wb") as stream:
            stream.write(MAGIC + len(header).to_bytes(4, "little") + header)
            pickle.dump(valid.bank, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(partial, path)  # readers see the old file or the new one, never half
    except OSError:  # read-only or full disk, a file in the folder's place: no cache then
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)


def load_bank_cached(
    path: Path, cache_dir: Path | None, display_name: str | None = None
) -> ValidBank:
    """``load_bank``, answered from ``cache_dir`` when the same bank was validated before.

    Raises ``BankError`` exactly as ``load_bank`` does. With ``cache_dir`` None, no cache.
    On a hit, the ``Bank`` itself is unpickled when ``ValidBank.bank`` is first read.
    """
    name = display_name or str(path)
    text = read_text_file(path, name, MAX_BANK_BYTES)
    if cache_dir is None:
        return ValidBank.of(_validate(text, name))
    made_from = (code_fingerprint(), name, text)
    stored = cache_file(cache_dir, name)
    cached = _read(stored, made_from)
    if cached is not None:
        return cached
    valid = ValidBank.of(_validate(text, name))
    _write(stored, made_from, valid)
    return valid


def _validate(text: str, name: str) -> Bank:
    from rolefit.bank.loader import parse_bank  # imports PyYAML: only on a miss

    return parse_bank(text, name)
