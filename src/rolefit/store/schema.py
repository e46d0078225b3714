"""The tables of each schema version, and a cheap check that a database has them.

Version 1 is what RoleFit 0.1.0 wrote. Version 2 keeps each session's question bank, its
result as codes and numbers, answers in their own type and times in UTC:

- ``banks``: one row per distinct bank a session was taken with, in its normalised form
  (``rolefit.bank.normal``), keyed by the SHA-256 of that text.
- ``sessions``: one row per questionnaire; small, so listing thousands is quick. The
  result's headline numbers (recommendation, confidence, fits) are copied here when a
  session is completed, so a listing never reads a result record.
- ``results``: the ``Result.to_record()`` JSON of each completed session.
- ``answers``: one row per answered item; ``value`` has no declared type, so SQLite
  keeps a scale answer an INTEGER and an option id TEXT.

Version 3 adds what a counsellor's workspace (``rolefit.workspace``) keeps; the
individual's database has the same tables, empty:

- ``clients``: a reference (unique, whatever its case), a name, archived or not, when
  added. ``client_notes``: a dated log of free text per client.
- ``sessions`` gains ``client_id`` (NULL for an individual's own questionnaire),
  ``client_sees_result`` (whether the client may see the result of a session taken in the
  counsellor's presence), ``notes`` (the counsellor's notes on that session) and
  ``flags`` (the codes of the result's flags, space-separated, copied from the record when
  a session is completed, like the fits: a history or an export of 20,000 sessions then
  reads no record).
- ``settings``: the workspace's settings, one row per key (counsellor name, idle minutes).

Deleting a client deletes, through ``ON DELETE CASCADE``, their notes and sessions, and
with the sessions their answers and results.

Statements are run one by one with ``execute`` (the script runner of sqlite3 commits
whatever transaction is open first): each migration step is one transaction.
"""

from __future__ import annotations

import sqlite3

V1_STATEMENTS = (
    """CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        status TEXT NOT NULL CHECK (status IN ('in-progress', 'completed')),
        started TEXT NOT NULL,
        finished TEXT,
        form TEXT NOT NULL,
        bank_id TEXT NOT NULL,
        bank_version TEXT NOT NULL,
        name TEXT NOT NULL DEFAULT '',
        position INTEGER NOT NULL DEFAULT 0,
        result TEXT
    )""",
    """CREATE TABLE answers (
        session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        item_id TEXT NOT NULL,
        value TEXT NOT NULL,
        answered TEXT NOT NULL,
        PRIMARY KEY (session_id, item_id)
    )""",
    "CREATE INDEX sessions_by_status ON sessions(status, started)",
)

V2_BANKS = """CREATE TABLE banks (
    hash TEXT PRIMARY KEY,
    id TEXT NOT NULL,
    version TEXT NOT NULL,
    content TEXT NOT NULL
)"""

V2_SESSIONS = """CREATE TABLE {name} (
    id INTEGER PRIMARY KEY,
    status TEXT NOT NULL CHECK (status IN ('in-progress', 'completed')),
    started TEXT NOT NULL,
    finished TEXT,
    form TEXT NOT NULL,
    bank_id TEXT NOT NULL,
    bank_version TEXT NOT NULL,
    bank_hash TEXT REFERENCES banks(hash),
    name TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0,
    option_order TEXT,
    recommendation TEXT,
    confidence TEXT,
    fit TEXT
)"""

V2_RESULTS = """CREATE TABLE results (
    session_id INTEGER PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
    record TEXT NOT NULL
)"""

V2_ANSWERS = """CREATE TABLE {name} (
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    item_id TEXT NOT NULL,
    value NOT NULL,
    answered TEXT NOT NULL,
    PRIMARY KEY (session_id, item_id)
)"""

V2_INDEXES = (
    "CREATE INDEX sessions_by_status ON sessions(status, started)",
    "CREATE INDEX sessions_by_name ON sessions(name, started)",
)

V3_STATEMENTS = (
    """CREATE TABLE clients (
        id INTEGER PRIMARY KEY,
        ref TEXT NOT NULL UNIQUE COLLATE NOCASE,
        name TEXT NOT NULL DEFAULT '',
        archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
        created TEXT NOT NULL
    )""",
    """CREATE TABLE client_notes (
        id INTEGER PRIMARY KEY,
        client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
        written TEXT NOT NULL,
        text TEXT NOT NULL
    )""",
    "CREATE INDEX client_notes_by_client ON client_notes(client_id, written)",
    "ALTER TABLE sessions ADD COLUMN client_id INTEGER REFERENCES clients(id) ON DELETE CASCADE",
    "ALTER TABLE sessions ADD COLUMN client_sees_result INTEGER NOT NULL DEFAULT 1",
    "ALTER TABLE sessions ADD COLUMN notes TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE sessions ADD COLUMN flags TEXT",
    "CREATE INDEX sessions_by_client ON sessions(client_id, started)",
    """CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value NOT NULL
    )""",
)

# The flags of the results stored before version 3, copied into their sessions' rows; a
# record that is not JSON (kept as found by migration 2) gives NULL, as it reads.
V3_FLAGS = (
    "UPDATE sessions SET flags = (SELECT CASE WHEN json_valid(r.record) THEN coalesce(("
    "SELECT group_concat(json_extract(f.value, '$.code'), ' ') FROM json_each(r.record,"
    " '$.flags') AS f WHERE f.type = 'object'), '') END FROM results AS r"
    " WHERE r.session_id = sessions.id) WHERE status = 'completed'"
)

# What each version promises: its tables and their columns.
TABLES: dict[int, dict[str, frozenset[str]]] = {
    1: {
        "sessions": frozenset(
            [
                "id",
                "status",
                "started",
                "finished",
                "form",
                "bank_id",
                "bank_version",
                "name",
                "position",
                "result",
            ]
        ),
        "answers": frozenset(["session_id", "item_id", "value", "answered"]),
    },
    2: {
        "banks": frozenset(["hash", "id", "version", "content"]),
        "sessions": frozenset(
            [
                "id",
                "status",
                "started",
                "finished",
                "form",
                "bank_id",
                "bank_version",
                "bank_hash",
                "name",
                "position",
                "option_order",
                "recommendation",
                "confidence",
                "fit",
            ]
        ),
        "results": frozenset(["session_id", "record"]),
        "answers": frozenset(["session_id", "item_id", "value", "answered"]),
    },
}
TABLES[3] = {
    **TABLES[2],
    "sessions": TABLES[2]["sessions"] | {"client_id", "client_sees_result", "notes", "flags"},
    "clients": frozenset(["id", "ref", "name", "archived", "created"]),
    "client_notes": frozenset(["id", "client_id", "written", "text"]),
    "settings": frozenset(["key", "value"]),
}


def structure_problem(db: sqlite3.Connection, version: int) -> str | None:
    """What is missing from the tables ``version`` promises, in words; None if nothing.

    Reads only the schema (one small query), so it runs at every open.
    """
    found: dict[str, set[str]] = {}
    for table, column in db.execute(
        "SELECT m.name, p.name FROM sqlite_master AS m, pragma_table_info(m.name) AS p"
        " WHERE m.type = 'table'"
    ):
        found.setdefault(table, set()).add(column)
    if version == 0:
        if found:
            tables = ", ".join(sorted(found))
            return f"it holds tables RoleFit did not make ({tables}), so it is not RoleFit's"
        return None
    promised = TABLES.get(version)
    if promised is None:
        return None
    for table, columns in promised.items():
        if table not in found:
            return f"it says it is version {version}, but its table {table!r} is missing"
        missing = columns - found[table]
        if missing:
            return (
                f"it says it is version {version}, but its table {table!r} lacks "
                f"{', '.join(sorted(missing))}"
            )
    return None


def probe_tables(db: sqlite3.Connection, version: int) -> None:
    """Read the first and last row of every table and index: cheap, finds a damaged root.

    Each b-tree is walked from its root to its first and its last leaf, and only there:
    damage deeper in a big file is found when SQLite first reads it (then the store runs
    ``quick_check``), not here, since a full check at every open would cost seconds.
    """
    tables = list(TABLES.get(version, {}))
    for table in tables:
        for order in ("ASC", "DESC"):
            # NOT INDEXED: min(rowid) alone would be answered from the smallest index.
            db.execute(f"SELECT * FROM {table} NOT INDEXED ORDER BY rowid {order} LIMIT 1")
    marks = ", ".join("?" * len(tables))
    indexes = db.execute(
        f"SELECT name, tbl_name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ({marks})",
        tables,
    ).fetchall()
    for index, table in indexes:
        (column,) = db.execute(
            "SELECT name FROM pragma_index_info(?) WHERE seqno = 0", (index,)
        ).fetchone()
        for order in ("ASC", "DESC"):
            db.execute(
                f'SELECT "{column}" FROM {table} INDEXED BY "{index}"'
                f' ORDER BY "{column}" {order} LIMIT 1'
            )
