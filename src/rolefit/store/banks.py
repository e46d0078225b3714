"""The question banks sessions were taken with, kept in their normalised form.

A session refers to its bank by the SHA-256 of the bank's canonical normal form
(``rolefit.bank.normal.content_hash``), so an old session opens, prints and exports with
the very texts it showed, whatever bank RoleFit ships later. Equal banks share one row.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from rolefit.store.connection import RecordError

if TYPE_CHECKING:
    from rolefit.bank.model import Bank

# RoleFit 0.1.0 shipped one bank. Its normal form is kept here, not read from the bank
# RoleFit ships now (which will change), so that the sessions 0.1.0 wrote keep theirs.
SHIPPED_SNAPSHOTS = {
    ("management", "1.0"): (
        "management-1.0.json",
        "43e7637708ef986749de3a63d79f7a21afa00ee54d080bc5471b6b8d96c34a64",
    ),
}


class BankSnapshot:
    """The canonical text of a bank and its hash, computed once per ``Bank`` object."""

    def __init__(self) -> None:
        # id() of a Bank -> (the Bank, kept alive so the id is not reused; its hash)
        self._hashes: dict[int, tuple[Bank, str, str]] = {}

    def of(self, bank: Bank) -> tuple[str, str]:
        """(hash, canonical text) of ``bank``."""
        known = self._hashes.get(id(bank))
        if known is not None and known[0] is bank:
            return known[1], known[2]
        from rolefit.bank.normal import bank_to_json, canonical_text

        text = canonical_text(bank_to_json(bank))
        digest = text_hash(text)
        self._hashes[id(bank)] = (bank, digest, text)
        return digest, text


def text_hash(text: str) -> str:
    import hashlib  # loads OpenSSL: a few ms, which opening the store does not need

    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def register(db: sqlite3.Connection, digest: str, bank_id: str, version: str, text: str) -> None:
    db.execute(
        "INSERT INTO banks (hash, id, version, content) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (hash) DO NOTHING",
        (digest, bank_id, version, text),
    )


def read_bank(db: sqlite3.Connection, digest: str) -> Bank | None:
    """The bank stored under ``digest``; None if there is none.

    Raises ``RecordError`` naming the bank if its stored text no longer reads as the
    bank it was (the text does not match its hash, or is not a bank's normal form).
    """
    row = db.execute("SELECT id, version, content FROM banks WHERE hash = ?", (digest,)).fetchone()
    if row is None:
        return None
    bank_id, version, content = row
    what = f"the stored copy of question bank {bank_id!r} {version}"
    if not isinstance(content, str) or text_hash(content) != digest:
        raise RecordError(f"{what} is damaged: its text no longer matches its fingerprint")
    import json

    from rolefit.bank.normal import NormalFormError, bank_from_json

    try:
        return bank_from_json(json.loads(content))
    except (ValueError, NormalFormError) as error:
        raise RecordError(f"{what} cannot be read: {error}") from None


def shipped_snapshot(bank_id: str, version: str) -> tuple[str, str] | None:
    """(hash, canonical text) of a bank an earlier RoleFit shipped, if known."""
    known = SHIPPED_SNAPSHOTS.get((bank_id, version))
    if known is None:
        return None
    from rolefit.paths import installed_folder

    filename, digest = known
    path: Path = installed_folder("rolefit.store") / "banks" / filename
    text = path.read_text(encoding="utf-8").rstrip("\n")
    if text_hash(text) != digest:
        raise ValueError(f"{path} is not the bank {bank_id} {version} RoleFit shipped")
    return digest, text
