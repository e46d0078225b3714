"""Clients: add, edit, archive, search, notes, and a delete that leaves nothing behind."""

import sqlite3

import pytest
from workspace.helpers import NAME, REF, make_workspace, take

from rolefit.store.opening import open_database
from rolefit.store.store import Store
from rolefit.workspace import ClientError, clients, delete_words
from rolefit.workspace.keys import SETTINGS


@pytest.fixture
def workspace(tmp_path):
    with make_workspace(tmp_path / "data") as opened:
        yield opened


def test_add_edit_archive(workspace):
    client = workspace.add_client(" A-17 ", "  Grace   Hopper ")
    assert (client.ref, client.name, client.archived, client.sessions) == (
        "A-17",
        "Grace Hopper",
        False,
        0,
    )
    assert client.created.endswith("Z")
    edited = workspace.edit_client(client.id, name="Grace B. Hopper", ref="A-18")
    assert (edited.ref, edited.name) == ("A-18", "Grace B. Hopper")
    workspace.archive_client(client.id)
    assert workspace.list_clients() == []
    (archived,) = workspace.list_clients(include_archived=True)
    assert archived.archived
    workspace.archive_client(client.id, archived=False)
    assert [c.ref for c in workspace.list_clients()] == ["A-18"]


def test_a_reference_is_unique_whatever_its_case(workspace):
    first = workspace.add_client("ab-1", "One")
    with pytest.raises(ClientError, match="already a client with the reference AB-1"):
        workspace.add_client("AB-1", "Two")
    other = workspace.add_client("ab-2", "Two")
    with pytest.raises(ClientError, match="already"):
        workspace.edit_client(other.id, ref="AB-1")
    assert workspace.client_by_ref("AB-1").id == first.id


@pytest.mark.parametrize(
    ("ref", "name", "message"),
    [
        ("", "", "needs a reference"),
        ("x" * 65, "", "at most 64"),
        ("a\x07b", "", "control characters"),
        ("ok", "n" * 201, "at most 200"),
    ],
)
def test_bad_references_and_names_are_refused_in_words(workspace, ref, name, message):
    with pytest.raises(ClientError, match=message):
        workspace.add_client(ref, name)
    assert workspace.list_clients(include_archived=True) == []


def test_search_by_name_or_reference_ignoring_case_and_accents(workspace):
    for ref, name in [("K-1", "Élodie Martin"), ("K-2", "Elodie Dupont"), ("Z-9", "Bob Marley")]:
        workspace.add_client(ref, name)
    assert [c.ref for c in workspace.list_clients("elodie")] == ["K-2", "K-1"]  # by name
    assert [c.ref for c in workspace.list_clients("ÉLODIE mart")] == ["K-1"]
    assert [c.ref for c in workspace.list_clients("z-9")] == ["Z-9"]
    assert [c.ref for c in workspace.list_clients("k- mar")] == ["K-1"]
    assert workspace.list_clients("nobody") == []


def count_statements(workspace, action):
    seen = []
    workspace.store.database.conn.set_trace_callback(seen.append)
    try:
        action()
    finally:
        workspace.store.database.conn.set_trace_callback(None)
    return [s for s in seen if s.lstrip().upper().startswith("SELECT")]


def test_the_list_and_a_history_are_one_query_each(workspace, bank):
    for n in range(5):
        client = workspace.add_client(f"C-{n}", f"Client {n}")
        for _ in range(n):
            take(workspace, client.id, bank, {"hiring": 3, "staff-voice": 4})
    listed = []
    assert len(count_statements(workspace, lambda: listed.extend(workspace.list_clients()))) == 1
    assert [c.sessions for c in listed] == [0, 1, 2, 3, 4]
    workspace.history(client.id)  # the banks' languages are read once, at first
    assert len(count_statements(workspace, lambda: workspace.history(client.id))) == 1


def test_the_notes_log_is_dated_and_in_order(workspace):
    client = workspace.add_client(REF, NAME)
    first = workspace.add_client_note(client.id, "  First meeting.  ")
    second = workspace.add_client_note(client.id, "Second meeting.")
    assert [n.text for n in workspace.client_notes(client.id)] == [
        "First meeting.",
        "Second meeting.",
    ]
    assert first.written.endswith("Z") and first.written <= second.written
    with pytest.raises(ClientError, match="needs some text"):
        workspace.add_client_note(client.id, "   ")
    workspace.delete_client_note(first.id)
    assert [n.id for n in workspace.client_notes(client.id)] == [second.id]


def test_delete_says_what_goes_then_removes_all_of_it(workspace, bank):
    client = workspace.add_client(REF, NAME)
    keep = workspace.add_client("KEEP-1", "Kept Client")
    values = {"hiring": 4, "staff-voice": 2, "production-floor": 5}
    for _ in range(2):
        sid = take(workspace, client.id, bank, values)
    workspace.set_session_notes(sid, "Wants to move on.")
    workspace.add_client_note(client.id, "A note.")
    kept_session = take(workspace, keep.id, bank, values)
    plan = workspace.delete_plan(client.id)
    assert (plan.sessions, plan.answers, plan.notes, plan.session_notes) == (2, 6, 1, 1)
    assert delete_words(plan) == (
        f"Delete {NAME} ({REF}) with 2 sessions, 6 answers and 1 note? They are removed for "
        "good and cannot be brought back, except from a backup made before."
    )
    assert workspace.delete_client(client.id) == plan
    assert [c.ref for c in workspace.list_clients()] == ["KEEP-1"]
    with workspace.store.reading() as conn:
        counts = [
            conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("sessions", "answers", "results", "client_notes")
        ]
    assert counts == [1, 3, 1, 0]
    assert workspace.session(kept_session) is not None
    with pytest.raises(ClientError, match="no longer in the workspace"):
        workspace.delete_plan(client.id)


def plain_connect(database, *, uri=False):
    """The workspace's settings on an unencrypted database, so the file can be searched."""
    conn = sqlite3.connect(database, uri=uri)
    for statement in SETTINGS:
        conn.execute(statement)
    return conn


def test_a_deleted_clients_name_is_overwritten_in_the_file(tmp_path):
    """SQLCipher encrypts every page, so its file cannot show this; the same settings and
    the same delete on a plain database can. Without secure_delete the name stays."""
    for secure in (True, False):
        path = tmp_path / f"plain-{secure}.db"
        database, _note, _kept = open_database(path, plain_connect)
        store = Store(database, plain_connect)
        conn = store.database.conn
        if not secure:
            conn.execute("PRAGMA secure_delete = OFF")
        with store.unit_of_work() as unit:
            target = clients.add(unit, REF, NAME)
            for n in range(50):
                clients.add(unit, f"OTHER-{n}", f"Someone Else {n}")
            clients.add_note(unit, target, f"Notes about {NAME}")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        with store.unit_of_work() as unit:
            clients.delete(unit, target)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        store.close()
        found = path.read_bytes()
        assert (NAME.encode() in found) is not secure
        assert b"Someone Else 7" in found
