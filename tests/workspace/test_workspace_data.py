"""Data in and out: all-or-nothing imports, CSV and JSON exports, backup and restore."""

import csv
import io
import json
import sqlite3
import textwrap

import pytest
from scoring.respondents import respond
from workspace.helpers import (
    BUSINESS,
    NAME,
    OPS,
    PASSCODE,
    REF,
    answers_object,
    make_workspace,
    take,
    write_jsonl,
)

from rolefit.bank.normal import bank_from_json
from rolefit.paths import installed_folder
from rolefit.scoring import make_answers, score_answers
from rolefit.workspace import (
    WORKSPACE_FILENAME,
    ImportFailed,
    Workspace,
    WorkspaceError,
    WorkspaceExists,
)


@pytest.fixture
def workspace(tmp_path):
    with make_workspace(tmp_path / "data") as opened:
        yield opened


def counts(workspace):
    with workspace.store.reading() as conn:
        return tuple(
            conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("clients", "sessions", "answers", "results", "banks")
        )


def test_an_import_makes_completed_sessions_of_each_client(workspace, bank, tmp_path):
    lines = write_jsonl(
        tmp_path / "group.jsonl",
        [
            answers_object(bank, OPS, client="G-1", taken="2026-02-03T10:15:00+01:00"),
            answers_object(bank, BUSINESS, "short", seed=2, client="G-2", taken="2026-02-04"),
            answers_object(bank, BUSINESS, seed=3, client="g-1"),  # the same client
        ],
    )
    single = tmp_path / "one.json"
    single.write_text(json.dumps(answers_object(bank, OPS, seed=4)), encoding="utf-8")
    workspace.add_client("S-1", "Single File")
    report = workspace.import_files([lines], client=None)
    assert (report.sessions, report.clients_added) == (3, ("G-1", "G-2"))
    report = workspace.import_files([single], client="S-1")
    assert (report.sessions, report.clients_added) == (1, ())
    g1 = workspace.client_by_ref("G-1")
    first, third = workspace.history(g1.id)
    assert first.started == first.finished == "2026-02-03T09:15:00Z"
    assert (first.recommendation, third.recommendation) == ("operations", "business")
    record = workspace.session(first.id).record
    expected = respond(bank, OPS, "full", noise=0.6, seed=0)
    assert dict(record.answers) == expected
    assert record.result == json.loads(
        json.dumps(score_answers(bank, make_answers(bank, expected)).to_record())
    )
    (short,) = workspace.history(workspace.client_by_ref("G-2").id)
    assert short.form == "short" and short.started.startswith("2026-0")  # local midnight


def test_an_import_is_all_or_nothing_and_names_every_problem(workspace, bank, tmp_path):
    good = answers_object(bank, OPS, client="OK-1")
    lines = tmp_path / "mixed.jsonl"
    bad_value = dict(good, answers={**good["answers"], "hiring": 9})
    rows = [
        json.dumps(good),
        "{not json",
        json.dumps(bad_value),
        "",  # a blank line is not an entry
        json.dumps(dict(good, taken="last Tuesday")),
        json.dumps({k: v for k, v in good.items() if k != "client"}),
        json.dumps(dict(good, client=17)),
        json.dumps(dict(good, bank={"id": "management", "version": "0.3"})),
    ]
    lines.write_bytes(("\n".join(rows) + "\n").encode() + b"\xff\xfe broken\n")
    bad_file = tmp_path / "bad.json"
    bad_file.write_text(json.dumps({"form": "long", "answers": {}}), encoding="utf-8")
    fine_file = tmp_path / "fine.json"
    fine_file.write_text(json.dumps(answers_object(bank, OPS, client="OK-2")), encoding="utf-8")
    missing = tmp_path / "missing.json"
    before = counts(workspace)
    with pytest.raises(ImportFailed) as raised:
        workspace.import_files([fine_file, lines, bad_file, missing])
    problems = raised.value.problems
    assert str(raised.value) == f"Nothing was imported: {len(problems)} problems were found."
    expected_starts = [
        f"{lines}:2:",
        f"{lines}:3: item 'hiring': expected a whole number from 1 to 5, got 9",
        f'{lines}:5: "taken" must be an ISO-8601 time',
        f"{lines}:6: no client",
        f'{lines}:7: "client" must be a reference',
        f"{lines}:8: answered on bank management 0.3",
        f"{lines}:9: not UTF-8 text",
        f"{bad_file}: form: expected one of 'full', 'short', got 'long'",
        f"{missing}: file not found",
    ]
    for start in expected_starts:
        assert any(p.startswith(start) for p in problems), (start, problems)
    assert not any(p.startswith((f"{lines}:1:", f"{lines}:4:", str(fine_file))) for p in problems)
    assert counts(workspace) == before  # nothing at all: no client, no session, no bank


def test_client_given_twice_must_agree(workspace, bank, tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [answers_object(bank, OPS, client="A-1")])
    with pytest.raises(ImportFailed) as raised:
        workspace.import_files([path], client="B-2")
    assert "for client A-1, but --client B-2 was given" in raised.value.problems[0]
    assert workspace.import_files([path], client="a-1").sessions == 1


def test_answers_on_a_bank_an_earlier_rolefit_shipped(workspace, tmp_path):
    path = installed_folder("rolefit.store") / "banks" / "management-1.0.json"
    old = bank_from_json(json.loads(path.read_text(encoding="utf-8")))
    line = answers_object(old, OPS, client="OLD-1")
    assert line["bank"]["version"] == "1.0"
    workspace.import_files([write_jsonl(tmp_path / "old.jsonl", [line])])
    (row,) = workspace.history(workspace.client_by_ref("OLD-1").id)
    assert (row.bank_version, row.recommendation) == ("1.0", "operations")


def read_csv(text):
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def test_csv_has_a_row_per_session_and_neutralises_formulas(workspace, bank):
    risky = {
        "=1+2": '=HYPERLINK("http://x","y")',
        "+44": "+call me",
        "-5": "-minus",
        "@SUM": "@home",
    }
    for ref, name in risky.items():
        client = workspace.add_client(ref, name)
        take(workspace, client.id, bank, respond(bank, OPS, "full"))
    plain = workspace.add_client(REF, NAME)
    take(workspace, plain.id, bank, respond(bank, BUSINESS, "full"))
    rows = read_csv(workspace.csv_text())
    header = rows[0]
    assert header[:12] == [
        "client_ref",
        "client_name",
        "session",
        "status",
        "started",
        "finished",
        "form",
        "bank_id",
        "bank_version",
        "language",
        "recommendation",
        "confidence",
    ]
    assert header[12:16] == ["fit_operations", "fit_business", "fit_general", "flags"]
    assert header[16:] == list(bank.forms["full"])
    assert len(rows) == 1 + 5
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), row
    names = {row[1] for row in rows[1:]}
    assert '\'=HYPERLINK("http://x","y")' in names and "'+call me" in names
    assert "'@home" in names and NAME in names
    assert {row[0] for row in rows[1:]} >= {"'=1+2", "'+44", "'-5", "'@SUM"}
    mine = next(r for r in rows[1:] if r[0] == REF)
    assert mine[4].endswith("Z") and mine[8] == bank.version and mine[9] == "en"
    assert mine[10] == "business"
    values = respond(bank, BUSINESS, "full")
    assert mine[16:] == [str(values[i]) for i in bank.forms["full"]]


def test_tabs_and_carriage_returns_are_neutralised_too():
    """Names and references cannot hold them (they are refused), but a cell can."""
    from rolefit.workspace.exports import neutralised

    assert [neutralised(v) for v in ("\tx", "\rx", "x=1", 3, None, "")] == [
        "'\tx",
        "'\rx",
        "x=1",
        "3",
        "",
        "",
    ]


def test_csv_of_one_client(workspace, bank):
    one = workspace.add_client("A-1", "One")
    two = workspace.add_client("A-2", "Two")
    take(workspace, one.id, bank, {"hiring": 4})
    take(workspace, two.id, bank, {"hiring": 2})
    rows = read_csv(workspace.csv_text(one.id))
    assert [r[0] for r in rows[1:]] == ["A-1"]


def test_export_then_import_gives_the_same_sessions(workspace, bank, tmp_path):
    for n, prefs in enumerate([OPS, BUSINESS, OPS]):
        client = workspace.add_client(f"RT-{n}", f"Round Trip {n}")
        take(workspace, client.id, bank, respond(bank, prefs, "full", noise=0.5, seed=n))
        take(workspace, client.id, bank, respond(bank, prefs, "short", noise=0.5, seed=n), "short")
    exported = workspace.json_data()
    assert all(s["client"].startswith("RT-") and s["name"].startswith("Round") for s in exported)
    lines = [
        {
            "bank": s["bank"],
            "form": s["form"],
            "answers": s["answers"],
            "client": s["client"],
            "taken": s["started"],
        }
        for s in exported
    ]
    with make_workspace(tmp_path / "other") as other:
        for n in range(3):
            other.add_client(f"RT-{n}", f"Round Trip {n}")
        other.import_files([write_jsonl(tmp_path / "rt.jsonl", lines)])
        again = other.json_data()

        def comparable(sessions):
            # "taken" is when it was answered: imported as its start and its end alike.
            return [{k: v for k, v in s.items() if k not in ("id", "finished")} for s in sessions]

        assert comparable(again) == comparable(exported)

        def cells(text):  # all but the session's id and end
            return [[c for i, c in enumerate(r) if i not in (2, 5)] for r in read_csv(text)]

        assert cells(other.csv_text()) == cells(workspace.csv_text())


def test_exports_are_written_whole_and_private(workspace, bank, tmp_path):
    client = workspace.add_client(REF, NAME)
    take(workspace, client.id, bank, {"hiring": 4})
    workspace.export_csv(tmp_path / "out.csv")
    workspace.export_json(tmp_path / "out.json")
    assert (tmp_path / "out.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert json.loads((tmp_path / "out.json").read_text())[0]["client"] == REF
    assert (tmp_path / "out.csv").stat().st_mode & 0o777 == 0o600
    assert (tmp_path / "out.json").stat().st_mode & 0o777 == 0o600


WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from rolefit.workspace import Workspace
    with Workspace.unlock(Path(sys.argv[1]), sys.argv[2]) as workspace:
        print("ready", flush=True)
        for n in range(300):
            workspace.add_client(f"W-{n:04d}", f"Writer {n}")
    print("done", flush=True)
    """
)


def test_a_backup_made_while_another_process_writes_is_consistent(tmp_path, bank):
    import subprocess
    import sys

    data = tmp_path / "data"
    with make_workspace(data) as workspace:
        client = workspace.add_client(REF, NAME)
        take(workspace, client.id, bank, respond(bank, OPS, "full"))
        backups = []
        with subprocess.Popen(
            [sys.executable, "-c", WRITER, str(data), PASSCODE],
            stdout=subprocess.PIPE,
            text=True,
        ) as writer:
            assert writer.stdout.readline().strip() == "ready"
            for n in range(3):
                out = tmp_path / f"backup-{n}.rfw"
                workspace.backup(out)
                backups.append(out)
            assert writer.wait(timeout=120) == 0
    for out in backups:
        restored = tmp_path / f"restored-{out.stem}"
        Workspace.restore(restored, out, PASSCODE)
        with Workspace.unlock(restored, PASSCODE) as copy:
            assert copy.store.check_integrity() == []
            listed = copy.list_clients()
            refs = sorted(c.ref for c in listed if c.ref.startswith("W-"))
            # Whole transactions only: writers' clients 0..k-1, none missing in between.
            assert refs == [f"W-{n:04d}" for n in range(len(refs))]
            assert copy.history(copy.client_by_ref(REF).id)[0].answered == 56


def test_restore_refuses_to_replace_without_force_and_checks_the_file(tmp_path, bank):
    data = tmp_path / "data"
    with make_workspace(data) as workspace:
        workspace.add_client("OLD-1", "From the backup")
        workspace.backup(tmp_path / "backup.rfw")
        workspace.add_client("NEW-1", "Added after the backup")
    current = (data / WORKSPACE_FILENAME).read_bytes()
    with pytest.raises(WorkspaceExists):
        Workspace.restore(data, tmp_path / "backup.rfw", PASSCODE)
    with pytest.raises(WorkspaceError, match="does not open with this passcode"):
        Workspace.restore(data, tmp_path / "backup.rfw", "another passcode", force=True)
    damaged = tmp_path / "damaged.rfw"
    raw = bytearray((tmp_path / "backup.rfw").read_bytes())
    raw[len(raw) - 2000] ^= 0xFF
    damaged.write_bytes(bytes(raw))
    with pytest.raises(WorkspaceError, match="damaged|malformed"):
        Workspace.restore(data, damaged, PASSCODE, force=True)
    plain = tmp_path / "plain.db"
    sqlite3.connect(plain).execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(WorkspaceError):
        Workspace.restore(data, plain, PASSCODE, force=True)
    assert (data / WORKSPACE_FILENAME).read_bytes() == current  # nothing replaced
    replaced = Workspace.restore(data, tmp_path / "backup.rfw", PASSCODE, force=True)
    assert replaced.read_bytes() == current and replaced.name.startswith("workspace.db.replaced-")
    with Workspace.unlock(data, PASSCODE) as workspace:
        assert [c.ref for c in workspace.list_clients()] == ["OLD-1"]


def test_a_backup_cannot_overwrite_the_workspace(workspace):
    with pytest.raises(WorkspaceError, match="itself"):
        workspace.backup(workspace.path)


def test_damage_found_in_use_is_set_aside_and_reported(tmp_path, bank):
    """Damage reached only in use (not at unlocking): the store's own handling applies."""
    data = tmp_path / "data"
    with make_workspace(data) as workspace:
        for n in range(40):
            client = workspace.add_client(f"R-{n:03d}", f"Person {n}")
            take(workspace, client.id, bank, respond(bank, OPS, "full", seed=n))
    path = data / WORKSPACE_FILENAME
    raw = bytearray(path.read_bytes())
    raw[len(raw) // 2] ^= 0xFF
    path.write_bytes(bytes(raw))
    from rolefit.store import DamagedError

    with pytest.raises(DamagedError) as raised, Workspace.unlock(data, PASSCODE) as workspace:
        workspace.csv_text()
    assert raised.value.moved_to.read_bytes() == bytes(raw)


def test_a_fresh_unlock_reads_stored_banks_inside_its_snapshots(tmp_path, bank):
    """Nothing cached: the exports and statistics read the stored bank mid-query."""
    data = tmp_path / "data"
    with make_workspace(data) as workspace:
        client = workspace.add_client(REF, NAME)
        take(workspace, client.id, bank, respond(bank, OPS, "full"))
    with Workspace.unlock(data, PASSCODE) as workspace:
        assert read_csv(workspace.csv_text())[0][16:] == list(bank.forms["full"])
        assert workspace.stats().sessions == 1
        assert workspace.json_data()[0]["result"]["recommendation"] == "operations"
