"""The workspace's commands: passcodes never as arguments, exit codes, shapes, files."""

import json
import os
import stat
import subprocess
import sys

import pytest
from pypdf import PdfReader
from scoring.respondents import respond

from rolefit import workspace_commands
from rolefit.cli import main
from rolefit.store import acquire_data_lock, open_store
from rolefit.workspace import WORKSPACE_FILENAME, Workspace

PASSCODE = "correct horse battery"
NAME = "Zebedee Quistorp"
REF = "ZQ-4711"
OPS = {"operations": 0.95, "business": 0.15, "general": 0.25}
BUSINESS = {"operations": 0.1, "business": 0.9, "general": 0.3}


@pytest.fixture(autouse=True)
def no_terminal(monkeypatch):
    """As in a script: no terminal, the passcode from the environment (unless a test sets
    one up)."""
    monkeypatch.setattr(workspace_commands, "on_terminal", lambda: False)
    monkeypatch.setenv("ROLEFIT_PASSCODE", PASSCODE)
    monkeypatch.delenv("ROLEFIT_NEW_PASSCODE", raising=False)


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def data(tmp_path, capsys):
    folder = tmp_path / "data"
    code, out, err = run(capsys, "workspace", "init", "--data-dir", folder, "--counsellor", "Dr B")
    assert code == 0, err
    assert "cannot be recovered" in out
    return folder


def answers_line(bank, prefs, form="full", seed=0, **extra):
    values = respond(bank, prefs, form, noise=0.6, seed=seed)
    return {
        "bank": {"id": bank.id, "version": bank.version},
        "form": form,
        "answers": values,
        **extra,
    }


@pytest.fixture
def filled(data, tmp_path, capsys, bank):
    assert run(capsys, "clients", "add", "--data-dir", data, REF, "--name", NAME)[0] == 0
    lines = tmp_path / "group.jsonl"
    lines.write_text(
        "".join(
            json.dumps(o) + "\n"
            for o in [
                answers_line(bank, OPS, client=REF, taken="2026-01-05T10:00:00Z"),
                answers_line(bank, BUSINESS, seed=1, client=REF, taken="2026-03-05T10:00:00Z"),
                answers_line(bank, OPS, "short", seed=2, client="NEW-1"),
            ]
        ),
        encoding="utf-8",
    )
    code, out, err = run(capsys, "import", "--data-dir", data, lines)
    assert code == 0, err
    assert "Imported 3 sessions." in out and "New clients: NEW-1." in out
    return data


def test_clients_json_shape(filled, capsys):
    code, out, _ = run(capsys, "clients", "--data-dir", filled, "--json")
    assert code == 0
    listed = json.loads(out)
    assert [{k: c[k] for k in ("ref", "name", "archived", "sessions")} for c in listed] == [
        {"ref": "NEW-1", "name": "", "archived": False, "sessions": 1},
        {"ref": REF, "name": NAME, "archived": False, "sessions": 2},
    ]
    code, out, _ = run(capsys, "clients", "--data-dir", filled)
    assert f"{REF}\t{NAME}\t2 sessions" in out


def test_a_wrong_passcode_exits_1_and_shows_nothing(filled, capsys, monkeypatch):
    monkeypatch.setenv("ROLEFIT_PASSCODE", "not the passcode")
    for args in (
        ["clients", "--json"],
        ["export", "--csv"],
        ["sessions", "--json"],
        ["stats", "--json"],
        ["backup", filled.parent / "b.rfw"],
        ["report", "--client", REF, "-o", filled.parent / "r.pdf"],
    ):
        code, out, err = run(capsys, *args[:1], "--data-dir", filled, *args[1:])
        assert (code, out, err) == (1, "", "rolefit: The passcode is not right.\n"), args
        (filled / "workspace.attempts").unlink()  # not slowed down: six tries here
    assert not (filled.parent / "b.rfw").exists() and not (filled.parent / "r.pdf").exists()


def test_without_a_terminal_or_the_variable_it_says_how(data, capsys, monkeypatch):
    monkeypatch.delenv("ROLEFIT_PASSCODE")
    code, out, err = run(capsys, "clients", "--data-dir", data)
    assert code == 1 and out == ""
    assert "run this on a terminal, or set ROLEFIT_PASSCODE" in err


def test_on_a_terminal_it_asks_and_a_new_passcode_twice(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(workspace_commands, "on_terminal", lambda: True)
    monkeypatch.delenv("ROLEFIT_PASSCODE")
    answers = iter(["first passcode", "other passcode"])
    monkeypatch.setattr(workspace_commands, "ask", lambda prompt: next(answers))
    code, _, err = run(capsys, "workspace", "init", "--data-dir", tmp_path)
    assert code == 1 and "differ" in err and not (tmp_path / WORKSPACE_FILENAME).exists()
    asked = []
    monkeypatch.setattr(workspace_commands, "ask", lambda prompt: asked.append(prompt) or PASSCODE)
    assert run(capsys, "workspace", "init", "--data-dir", tmp_path)[0] == 0
    assert asked == ["New workspace passcode: ", "The same passcode again: "]
    asked.clear()
    assert run(capsys, "clients", "--data-dir", tmp_path)[0] == 0
    assert asked == ["Workspace passcode: "]  # once to open


def test_a_short_passcode_and_a_second_init_are_refused(data, tmp_path, capsys, monkeypatch):
    code, _, err = run(capsys, "workspace", "init", "--data-dir", data)
    assert code == 1 and "already has a counsellor workspace" in err
    monkeypatch.setenv("ROLEFIT_PASSCODE", "short")
    code, _, err = run(capsys, "workspace", "init", "--data-dir", tmp_path / "other")
    assert code == 1 and "at least 8 characters" in err


def test_an_import_with_problems_imports_nothing_and_lists_each(data, tmp_path, capsys, bank):
    good = answers_line(bank, OPS, client="A-1")
    lines = tmp_path / "mixed.jsonl"
    lines.write_text(
        "\n".join([json.dumps(good), "[1, 2", json.dumps(dict(good, form="medium"))]) + "\n",
        encoding="utf-8",
    )
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"answers": {"nonsense": 1}}), encoding="utf-8")
    code, out, err = run(capsys, "import", "--data-dir", data, "--client", "A-1", lines, bad)
    assert code == 1 and out == ""
    problems = err.splitlines()
    assert problems[0].startswith(f"{lines}:2:")
    assert problems[1].startswith(f"{lines}:3: form:")
    assert problems[2].startswith(f"{bad}: item 'nonsense': no such item")
    assert problems[-1] == "Nothing was imported: 3 problems were found."
    assert json.loads(run(capsys, "clients", "--data-dir", data, "--json")[1]) == []


def test_sessions_of_a_workspace_carry_the_client(filled, capsys):
    code, out, _ = run(capsys, "sessions", "--data-dir", filled, "--json")
    assert code == 0
    listed = json.loads(out)
    assert [s["client"] for s in listed] == [REF, REF, "NEW-1"]
    assert listed[0]["name"] == NAME and listed[0]["started"] == "2026-01-05T10:00:00Z"
    assert listed[0]["result"]["recommendation"] == "operations"
    code, out, _ = run(capsys, "sessions", "--data-dir", filled, "--json", "--client", "new-1")
    assert [s["client"] for s in json.loads(out)] == ["NEW-1"]
    code, out, _ = run(capsys, "sessions", "--data-dir", filled)
    assert code == 0 and f" {REF} full " in out
    code, _, err = run(capsys, "sessions", "--data-dir", filled, "--client", "NOBODY")
    assert code == 1 and "no client with the reference NOBODY" in err


def test_sessions_individual_lists_the_individuals_own(filled, capsys, bank):
    store = open_store(filled).store
    store.start_session("short", bank, name="Me myself")
    store.close()
    code, out, _ = run(capsys, "sessions", "--data-dir", filled, "--json", "--individual")
    assert code == 0
    (mine,) = json.loads(out)
    assert mine["name"] == "Me myself" and "client" not in mine


def test_export_csv_to_standard_output_and_to_a_private_file(filled, capsys, tmp_path):
    code, out, _ = run(capsys, "export", "--data-dir", filled, "--csv")
    assert code == 0
    assert out.startswith("\ufeffclient_ref,client_name,session,")
    assert len(out.strip().splitlines()) == 4
    target = tmp_path / "out.csv"
    code, out, _ = run(
        capsys, "export", "--data-dir", filled, "--csv", "--client", REF, "-o", target
    )
    assert code == 0 and out == ""
    assert target.read_bytes().startswith(b"\xef\xbb\xbfclient_ref")
    assert len(target.read_text(encoding="utf-8-sig").strip().splitlines()) == 3
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    code, out, _ = run(capsys, "export", "--data-dir", filled, "--json")
    assert [s["client"] for s in json.loads(out)] == [REF, REF, "NEW-1"]


def test_export_needs_csv_or_json(filled, capsys):
    with pytest.raises(SystemExit) as exited:
        main(["export", "--data-dir", str(filled)])
    assert exited.value.code == 2


def test_stats_json(filled, capsys):
    code, out, _ = run(capsys, "stats", "--data-dir", filled, "--json")
    assert code == 0
    data = json.loads(out)
    assert data["sessions"] == 2 and [r["role"] for r in data["roles"]] == [
        "operations",
        "business",
        "general",
    ]
    assert {"role", "n", "items", "alpha", "item_rest"} <= set(data["roles"][0])
    assert data["short_full_agreement"] == {"clients": 0, "agreeing": 0, "share": None}
    assert isinstance(data["warnings"], list)
    code, out, _ = run(capsys, "stats", "--data-dir", filled)
    assert code == 0 and "completed full-form sessions" in out


def test_backup_and_restore(filled, capsys, tmp_path):
    backup = tmp_path / "backup.rfw"
    code, out, _ = run(capsys, "backup", "--data-dir", filled, backup)
    assert code == 0 and stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert run(capsys, "clients", "add", "--data-dir", filled, "LATER-1")[0] == 0
    code, _, err = run(capsys, "restore", "--data-dir", filled, backup)
    assert code == 1 and "only with --force" in err
    code, out, _ = run(capsys, "restore", "--data-dir", filled, "--force", backup)
    assert code == 0 and "kept as workspace.db.replaced-" in out
    refs = [c["ref"] for c in json.loads(run(capsys, "clients", "--data-dir", filled, "--json")[1])]
    assert refs == ["NEW-1", REF]
    fresh = tmp_path / "fresh"
    assert run(capsys, "restore", "--data-dir", fresh, backup)[0] == 0
    assert Workspace.exists(fresh)


def test_restore_and_re_keying_wait_for_an_open_rolefit(filled, capsys, tmp_path):
    with acquire_data_lock(filled):
        code, _, err = run(capsys, "restore", "--data-dir", filled, "--force", tmp_path / "x")
        assert code == 1 and "RoleFit is open on this data folder" in err
        code, _, err = run(capsys, "workspace", "passcode", "--data-dir", filled)
        assert code == 1 and "close it first" in err


def test_re_keying_then_the_old_passcode_is_refused(filled, capsys, monkeypatch):
    monkeypatch.setenv("ROLEFIT_NEW_PASSCODE", "a brand new passcode")
    code, out, err = run(capsys, "workspace", "passcode", "--data-dir", filled)
    assert code == 0, err
    assert "old one no longer opens it" in out
    code, out, err = run(capsys, "clients", "--data-dir", filled)
    assert (code, out, err) == (1, "", "rolefit: The passcode is not right.\n")
    monkeypatch.setenv("ROLEFIT_PASSCODE", "a brand new passcode")
    assert run(capsys, "clients", "--data-dir", filled)[0] == 0


def pdf_pages(path):
    return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]


@pytest.fixture
def _qapp(qapp):
    return qapp


def test_a_batch_of_summaries_one_page_each(filled, capsys, tmp_path, _qapp):
    out_pdf = tmp_path / "client.pdf"
    code, out, err = run(capsys, "report", "--data-dir", filled, "--client", REF, "-o", out_pdf)
    assert code == 0, err
    assert "2 summaries, one page each" in out
    pages = pdf_pages(out_pdf)
    assert len(pages) == 2
    assert all(NAME in p and "Interpreted by Dr B" in p for p in pages)
    assert not any("validity" in p for p in pages)
    assert stat.S_IMODE(out_pdf.stat().st_mode) == 0o600


def test_the_counsellors_copy_adds_the_validity_section_and_notes(filled, capsys, tmp_path, _qapp):
    with Workspace.unlock(filled, PASSCODE) as workspace:
        first = workspace.history(workspace.client_by_ref(REF).id)[0]
        workspace.set_session_notes(first.id, "Prefers hands-on work.")
    out_pdf = tmp_path / "copy.pdf"
    code, _, err = run(
        capsys,
        "report",
        "--data-dir",
        filled,
        "--session",
        first.id,
        "--counsellor-copy",
        "-o",
        out_pdf,
    )
    assert code == 0, err
    (page,) = pdf_pages(out_pdf)
    for expected in (
        "For the counsellor: validity",
        "Answers per scale point",
        "Session notes",
        "Prefers hands-on work.",
        "Agreeing with everything",
    ):
        assert expected in page, expected


def test_report_usage(filled, capsys, tmp_path, bank):
    answers = tmp_path / "a.json"
    answers.write_text(json.dumps(answers_line(bank, OPS)), encoding="utf-8")
    code, _, err = run(capsys, "report", answers, "--client", REF, "-o", tmp_path / "x.pdf")
    assert code == 2 and "not both" in err
    code, _, err = run(capsys, "report", "--data-dir", filled, "-o", tmp_path / "x.pdf")
    assert code == 2 and "--client or --session" in err


@pytest.mark.parametrize(
    "args",
    [
        ["workspace"],
        ["workspace", "init"],
        ["workspace", "passcode"],
        ["clients"],
        ["clients", "add"],
        ["import"],
        ["export"],
        ["backup"],
        ["restore"],
        ["stats"],
        ["report"],
        ["sessions"],
    ],
)
def test_every_new_command_has_help_with_examples(capsys, args):
    with pytest.raises(SystemExit) as exited:
        main([*args, "--help"])
    assert exited.value.code == 0
    assert "examples:" in capsys.readouterr().out


def test_throttling_persists_across_command_runs(data):
    env = dict(os.environ, ROLEFIT_PASSCODE="a wrong guess", QT_QPA_PLATFORM="offscreen")
    command = [sys.executable, "-m", "rolefit", "clients", "--data-dir", str(data)]
    for _ in range(5):
        done = subprocess.run(
            command, env=env, capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL
        )
        assert (done.returncode, done.stderr) == (1, "rolefit: The passcode is not right.\n")
    env["ROLEFIT_PASSCODE"] = PASSCODE
    done = subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL
    )
    assert done.returncode == 1 and done.stdout == ""
    assert "Too many wrong passcodes in a row: try again in" in done.stderr
