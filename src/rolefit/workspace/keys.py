"""The workspace's encryption: SQLCipher, keyed from the passcode by its own derivation.

Every connection to the workspace is made by a ``KeyedConnect``: ``sqlcipher3`` (the
DB-API module with SQLCipher built in) with ``PRAGMA key`` as its first statement.
SQLCipher derives the page key from the passcode with its defaults (SQLCipher 4:
PBKDF2-HMAC-SHA512, 256,000 iterations, a random 16-byte salt kept at the start of the
file) and encrypts every page with AES-256 and checks it with an HMAC-SHA512, in the
database and in its ``-wal`` alike; temporary tables and indexes stay in memory. Nothing
of the workspace is readable without the passcode, and a forgotten one cannot be
recovered.

The derivation is paid once per connection, when its first page is read: that first
read is also how a wrong passcode is told (SQLCipher cannot decrypt page 1). A damaged
page 1 cannot be told from a wrong passcode; both are reported as a wrong passcode and
nothing is set aside (a typing mistake must never look like damage).
"""

from __future__ import annotations

import sqlite3
import unicodedata
from typing import cast

import sqlcipher3.dbapi2 as driver

from rolefit.i18n import _
from rolefit.paths import WORKSPACE_FILENAME
from rolefit.store.connection import BUSY_TIMEOUT_MS, SQL_ERRORS, error_kind
from rolefit.workspace.errors import WeakPasscode, WrongPasscode

__all__ = ["MIN_PASSCODE", "WORKSPACE_FILENAME", "KeyedConnect", "check_new_passcode"]

MIN_PASSCODE = 8

# Every workspace connection's settings, after its key: temporary tables and indexes in
# memory (never in a file of their own), and a deleted client's pages overwritten, not
# only marked free.
SETTINGS = ("PRAGMA temp_store = MEMORY", "PRAGMA secure_delete = ON")

SQL_ERRORS.add(driver)  # the store catches sqlcipher3's errors as it does sqlite3's


def check_new_passcode(passcode: str) -> str:
    """The passcode as it will be used (NFC), or ``WeakPasscode`` saying why not."""
    usable = normalised(passcode)
    if len(usable) < MIN_PASSCODE:
        raise WeakPasscode(_("A passcode needs at least {n} characters.").format(n=MIN_PASSCODE))
    return usable


def normalised(passcode: str) -> str:
    """The same typed text, whatever keyboard or input method composed it.

    A NUL cannot be passed to SQLCipher (its key is SQL text), so it is refused.
    """
    if "\x00" in passcode:
        raise WeakPasscode(_("A passcode cannot hold a NUL character."))
    return unicodedata.normalize("NFC", passcode)


def _key_statement(passcode: str, pragma: str = "key") -> str:
    return f"PRAGMA {pragma} = '" + passcode.replace("'", "''") + "'"


class KeyedConnect:
    """Makes connections to SQLCipher databases keyed with one passcode (a store ``Connect``).

    Each connection checks the key at once (it reads the schema) and raises
    ``WrongPasscode`` if page 1 does not decrypt; a new, empty file is keyed as it is made.
    """

    def __init__(self, passcode: str) -> None:
        self._passcode = normalised(passcode)

    @property
    def passcode(self) -> str:
        """The passcode in use (normalised), kept while the workspace is unlocked."""
        return self._passcode

    def __call__(self, database: str, *, uri: bool = False) -> sqlite3.Connection:
        conn = driver.connect(database, uri=uri, check_same_thread=True)
        try:
            conn.execute("PRAGMA cipher_log_level = NONE")  # no log lines on stderr
            conn.execute(_key_statement(self._passcode))
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            for statement in SETTINGS:
                conn.execute(statement)
            try:
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except driver.DatabaseError as error:
                if error_kind(error) == "damage":
                    raise WrongPasscode() from None
                raise
        except BaseException:
            conn.close()
            raise
        # sqlcipher3 is a copy of sqlite3's module: the same interface, another class.
        return cast(sqlite3.Connection, conn)

    def rekey(self, conn: sqlite3.Connection, new_passcode: str) -> None:
        """Encrypt every page of ``conn``'s database again with ``new_passcode``'s key;
        later connections made by this object use it."""
        usable = check_new_passcode(new_passcode)
        conn.execute(_key_statement(usable, "rekey"))
        self._passcode = usable
