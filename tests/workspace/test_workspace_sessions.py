"""A client's sessions: history rows, a session in full, notes, comparison, quizzes."""

import pytest
from scoring.respondents import respond
from workspace.helpers import BUSINESS, NAME, OPS, REF, make_workspace, take

from rolefit.quiz.model import Quiz
from rolefit.scoring import Result
from rolefit.workspace import ClientError, WorkspaceError


@pytest.fixture
def workspace(tmp_path):
    with make_workspace(tmp_path / "data") as opened:
        yield opened


def test_a_history_row_has_what_the_list_shows(workspace, bank):
    client = workspace.add_client(REF, NAME)
    values = respond(bank, OPS, "full")
    sid = take(workspace, client.id, bank, values, sees=False)
    unfinished = workspace.start_session_for(client.id, "short", bank)
    workspace.store.save_answer(unfinished, "hiring", 4)
    done, going = workspace.history(client.id)
    record = workspace.session(sid).record
    assert (done.id, done.status, done.form, done.answered) == (sid, "completed", "full", 56)
    assert (done.bank_id, done.bank_version, done.language) == (bank.id, bank.version, "en")
    assert done.recommendation == record.result["recommendation"] == "operations"
    assert done.confidence == record.result["confidence"]
    assert dict(done.fit) == record.result["fit"]
    assert done.flags == tuple(f["code"] for f in record.result["flags"])
    assert done.client_sees_result is False and done.has_notes is False
    assert (going.status, going.answered, going.recommendation, going.flags) == (
        "in-progress",
        1,
        None,
        (),
    )
    assert going.client_sees_result is True


def test_flags_and_notes_of_a_session(workspace, bank):
    client = workspace.add_client(REF, NAME)
    same = {item: 3 for item in bank.forms["full"] if bank.item(item).kind == "likert"}
    sid = take(workspace, client.id, bank, same)
    (row,) = workspace.history(client.id)
    assert "straight-lining" in row.flags
    workspace.set_session_notes(sid, "  Tired today; take again.  ")
    workspace.set_client_sees_result(sid, False)
    found = workspace.session(sid)
    assert (found.notes, found.client_sees_result, found.client_id) == (
        "Tired today; take again.",
        False,
        client.id,
    )
    assert workspace.history(client.id)[0].has_notes
    with pytest.raises(WorkspaceError, match="no longer"):
        workspace.set_session_notes(9999, "x")


def test_a_quiz_saves_into_the_clients_history(workspace, bank):
    client = workspace.add_client(REF, NAME)
    quiz = Quiz.start(bank, "short", workspace.sessions_for(client.id, client_sees_result=False))
    for item in quiz.items:
        quiz.answer(4 if item.kind == "likert" else item.options[0].id)
    result = quiz.submit()
    (row,) = workspace.history(client.id)
    assert (row.status, row.form, row.client_sees_result) == ("completed", "short", False)
    assert row.recommendation == result.recommendation
    assert workspace.list_clients()[0].sessions == 1


def test_a_session_cannot_be_started_for_a_client_who_is_gone(workspace, bank):
    with pytest.raises(ClientError):
        workspace.start_session_for(42, "full", bank)
    assert workspace.store.sessions() == []


def test_two_sessions_compared(workspace, bank):
    client = workspace.add_client(REF, NAME)
    before = respond(bank, OPS, "full")
    likert = [i for i in bank.forms["full"] if bank.item(i).kind == "likert"]
    choice = next(i for i in bank.forms["full"] if bank.item(i).kind == "choice")
    after = dict(before)
    before[likert[0]], after[likert[0]] = 1, 4  # 3 of the scale's 4 points apart
    before[likert[1]], after[likert[1]] = 3, 4  # 1 point
    options = [o.id for o in bank.item(choice).options]
    after[choice] = next(o for o in options if o != before[choice])
    first = take(workspace, client.id, bank, before)
    second = take(workspace, client.id, bank, after)
    compared = workspace.compare(second, first)  # either order: the earlier comes first
    assert (compared.earlier.id, compared.later.id) == (first, second)
    old = Result.from_record(workspace.session(first).record.result)
    new = Result.from_record(workspace.session(second).record.result)
    assert [(c.id, c.before, c.after) for c in compared.fits] == [
        (r, old.fit[r], new.fit[r]) for r in bank.role_ids
    ]
    assert compared.fits[0].change == pytest.approx(new.fit["operations"] - old.fit["operations"])
    assert [c.id for c in compared.areas] == [d.id for d in bank.dimensions]
    assert all(c.before == old.dimensions[c.id] for c in compared.areas)
    assert [(a.item, a.before, a.after, a.distance) for a in compared.answers] == [
        (choice, before[choice], after[choice], 1.0),
        (likert[0], 1, 4, 0.75),
        (likert[1], 3, 4, 0.25),
    ]
    assert compared.unchanged == 56 - 3
    assert compared.recommendation == (old.recommendation, new.recommendation)


def test_only_completed_sessions_of_one_client_are_compared(workspace, bank):
    one = workspace.add_client("A-1", "One")
    two = workspace.add_client("A-2", "Two")
    a = take(workspace, one.id, bank, respond(bank, OPS, "full"))
    b = take(workspace, two.id, bank, respond(bank, BUSINESS, "full"))
    with pytest.raises(WorkspaceError, match="same client"):
        workspace.compare(a, b)
    going = workspace.start_session_for(one.id, "full", bank)
    with pytest.raises(WorkspaceError, match="no result"):
        workspace.compare(a, going)


def test_summary_parts_carry_the_counsellor_and_the_notes(workspace, bank):
    client = workspace.add_client(REF, NAME)
    sid = take(workspace, client.id, bank, respond(bank, BUSINESS, "full"))
    workspace.set_session_notes(sid, "Discussed finance roles.")
    workspace.set_counsellor("Dr Grace Hopper")
    (parts,) = workspace.summary_parts([sid])
    assert (parts.client_ref, parts.client_name, parts.counsellor, parts.notes) == (
        REF,
        NAME,
        "Dr Grace Hopper",
        "Discussed finance roles.",
    )
    assert parts.result.recommendation == "business" and len(parts.answers) == 56
    with pytest.raises(WorkspaceError, match="no session 999"):
        workspace.summary_parts([999])


def test_settings(workspace):
    workspace.set_idle_minutes(25)
    workspace.set_counsellor("  Ms   Example ")
    assert tuple(workspace.settings()) == ("Ms Example", 25)
    with pytest.raises(WorkspaceError, match="from 1 to 1440"):
        workspace.set_idle_minutes(0)
