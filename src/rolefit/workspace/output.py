"""What the printed summary and the JSON export show of workspace sessions."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, NamedTuple

from rolefit.i18n import _
from rolefit.workspace import clients, exports, history
from rolefit.workspace.errors import WorkspaceError

if TYPE_CHECKING:
    from rolefit.bank.model import Bank
    from rolefit.scoring import Result
    from rolefit.workspace.workspace import Workspace


class SummaryParts(NamedTuple):
    """What the printed summary of a workspace session shows (``rolefit.report``)."""

    session_id: int
    bank: Bank
    result: Result
    client_ref: str
    client_name: str
    day: date  # the day it was taken, in this computer's time
    counsellor: str
    notes: str
    answers: Mapping[str, int | str]


def summary_parts(workspace: Workspace, session_ids: Sequence[int]) -> list[SummaryParts]:
    """What each session's printed summary shows, in the order given."""
    counsellor = workspace.settings().counsellor
    parts = []
    for session_id in session_ids:
        found = workspace.session(session_id)
        if found is None or found.client_id is None:
            raise WorkspaceError(
                _("There is no session {id} in the workspace.").format(id=session_id)
            )
        rendered = workspace.render(found.record)
        if rendered.bank is None or rendered.result is None:
            raise WorkspaceError(_("Session {id} has no result to print.").format(id=session_id))
        client = workspace.client(found.client_id)
        assert client is not None
        taken = found.record.finished or found.record.started
        parts.append(
            SummaryParts(
                session_id,
                rendered.bank,
                rendered.result,
                client.ref,
                client.name,
                _local_day(taken),
                counsellor,
                found.notes,
                found.record.answers,
            )
        )
    return parts


def json_data(workspace: Workspace, client_id: int | None) -> list[dict[str, Any]]:
    """Every session (or one client's) in the ``rolefit sessions --json`` shape."""
    with workspace.store.reading() as conn:
        records = exports.session_records(conn, client_id)
        owners = history.client_ids(conn, [r.id for r in records])
        names = {c.id: (c.ref, c.name) for c in clients.list_clients(conn, include_archived=True)}
    found = []
    for record in records:
        rendered = workspace.render(record)
        owner = owners.get(record.id)
        shown = (
            (rendered.bank, rendered.result)
            if rendered.bank is not None and rendered.result is not None
            else None
        )
        client = names.get(owner) if owner is not None else None
        found.append(exports.session_json(record, client, shown, rendered.problem))
    return found


def _local_day(stored: str) -> date:
    text = stored[:-1] + "+00:00" if stored.endswith("Z") else stored
    try:
        return datetime.fromisoformat(text).astimezone().date()
    except ValueError:
        return date.today()
