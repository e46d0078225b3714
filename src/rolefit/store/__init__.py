"""SQLite storage of quiz sessions and their answers (stdlib sqlite3, no Qt).

Every answer is written the moment it is given, in its own transaction, with the WAL
journal, so killing the process at any moment loses nothing already answered.
"""

from rolefit.store.sessions import (
    DB_FILENAME,
    OpenedStore,
    SessionRecord,
    Store,
    StoreError,
    open_store,
    read_sessions,
)

__all__ = [
    "DB_FILENAME",
    "OpenedStore",
    "SessionRecord",
    "Store",
    "StoreError",
    "open_store",
    "read_sessions",
]
