"""The workspace's table models, without a window: rows, cells, filtering."""

import pytest
from PySide6.QtCore import Qt
from scoring.respondents import respond
from workspace.helpers import BUSINESS, OPS, make_workspace, take

from rolefit.ui.workspace_models import clients_model, history_model, notes_model


@pytest.fixture(scope="module")
def filled(tmp_path_factory, bank):
    """A workspace with three clients (one archived), one with two sessions and a note."""
    with make_workspace(tmp_path_factory.mktemp("models")) as workspace:
        ada = workspace.add_client("AL-1", "Ada Lovelace")
        workspace.add_client("CB-2", "Charles <b>Babbage</b>")
        gone = workspace.add_client("OLD-3", "Élodie Ancienne")
        workspace.archive_client(gone.id)
        take(workspace, ada.id, bank, respond(bank, OPS, "full"))
        take(workspace, ada.id, bank, respond(bank, BUSINESS, "short", seed=2), form="short")
        workspace.add_client_note(ada.id, "First meeting")
        yield workspace, ada


def test_the_client_list_model_shows_and_filters(qapp, filled):
    workspace, _ada = filled
    model = clients_model()
    model.set_rows(workspace.list_clients())
    assert (model.rowCount(), model.columnCount()) == (2, 5)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Reference"
    first = [model.data(model.index(0, c)) for c in range(5)]
    assert first[:3] == ["AL-1", "Ada Lovelace", "2"] and first[3] and first[4] == ""
    # Markup in a name stays text: a table cell never renders it.
    assert model.data(model.index(1, 1)) == "Charles <b>Babbage</b>"
    model.set_rows(workspace.list_clients("babb"))
    assert model.rowCount() == 1 and model.row(0).ref == "CB-2"
    model.set_rows(workspace.list_clients("elodie", include_archived=True))
    assert [model.data(model.index(0, c)) for c in (0, 4)] == ["OLD-3", "archived"]
    assert model.data(model.index(5, 0)) is None  # past the end: nothing, no error


def test_the_history_model_says_each_session_in_words(qapp, filled, bank):
    workspace, ada = filled
    model = history_model({role.id: role.title for role in bank.roles})
    model.set_rows(workspace.history(ada.id))
    assert model.rowCount() == 2
    columns = range(model.columnCount())
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in columns]
    assert headers[:6] == ["Date", "Form", "Bank", "Language", "Recommendation", "Confidence"]
    assert "Fit: Operations management" in headers
    row = dict(zip(headers, (model.data(model.index(0, c)) for c in columns), strict=True))
    assert row["Form"] == "full" and row["Language"] == "en"
    assert row["Recommendation"] == "Operations management"
    assert row["Bank"] == f"{bank.id} {bank.version}"
    assert row["Fit: Operations management"].isdigit()
    assert row["Date"] and "Z" not in row["Date"]  # in local time
    assert row["Client sees result"] == "yes"


def test_the_notes_model(qapp, filled):
    workspace, ada = filled
    model = notes_model()
    model.set_rows(workspace.client_notes(ada.id))
    assert model.rowCount() == 1 and model.data(model.index(0, 1)) == "First meeting"
    model.clear()
    assert model.rowCount() == 0
