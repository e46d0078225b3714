"""SQLite storage of quiz sessions, their answers, results and banks (stdlib sqlite3, no Qt).

Every answer is written the moment it is given, in its own transaction, with the WAL
journal and ``synchronous=FULL``, so an answer shown as saved survives a killed process
and a power cut alike. Modules: ``connection`` (settings, units of work, errors),
``opening`` (checks at open), ``migrations`` (+ ``schema``, ``upgrade_v1``), one module
per record kind (``sessions``, ``results``, ``banks``), ``files`` (permissions, set-aside
files, headers), ``lock`` (one RoleFit per data folder) and ``store`` (the ``Store``).
"""

from rolefit.store.connection import (
    BusyError,
    Connect,
    DamagedError,
    NewerSchemaError,
    NotMigratedError,
    RecordError,
    StoreError,
    local_time,
)
from rolefit.store.lock import DataLock, acquire_data_lock
from rolefit.store.sessions import DB_FILENAME, SessionRecord, SessionSummary
from rolefit.store.store import OpenedStore, Store, open_store, read_sessions, read_store

__all__ = [
    "DB_FILENAME",
    "BusyError",
    "Connect",
    "DamagedError",
    "DataLock",
    "NewerSchemaError",
    "NotMigratedError",
    "OpenedStore",
    "RecordError",
    "SessionRecord",
    "SessionSummary",
    "Store",
    "StoreError",
    "acquire_data_lock",
    "local_time",
    "open_store",
    "read_sessions",
    "read_store",
]
