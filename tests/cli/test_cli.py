"""The rolefit command's contracts: exit codes, output shapes, messages."""

import json
import re
from pathlib import Path

import pytest
from conftest import MINIMAL_BANK, run_python

from rolefit.cli import main, parse_args

LINE_FORMAT = re.compile(r"^.+:\d+:\d+: .+$")


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_validate_shipped_banks(capsys):
    code, out, err = run(capsys, "validate")
    assert code == 0, err
    assert "management.yaml: valid" in out


def test_validate_reports_every_problem_of_every_file(capsys, write):
    good = write(MINIMAL_BANK, "good.yaml")
    bad = write(
        MINIMAL_BANK.replace("  min: 1", "  min: one").replace(
            "short: [make, money, all]", "short: [nope]"
        ),
        "bad.yaml",
    )
    code, out, err = run(capsys, "validate", str(good), str(bad), "missing.yaml")
    assert code == 1
    assert "good.yaml: valid" in out
    lines = err.strip().splitlines()
    assert len(lines) == 3
    assert all(LINE_FORMAT.match(line) for line in lines)
    assert lines[-1] == "missing.yaml:1:1: file not found"
    assert "Traceback" not in err


def test_inspect_json_contract(capsys, bank):
    code, out, _ = run(capsys, "inspect", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["id"] == "management" and data["version"] == bank.version
    assert data["roles"] == ["operations", "business", "general"]
    assert set(data["forms"]) >= {"full", "short"}
    ids = {item["id"] for item in data["items"]}
    assert set(data["forms"]["full"]) <= ids and set(data["forms"]["short"]) <= ids
    for item in data["items"]:
        if item["kind"] == "likert":
            assert item["scale"] == [1, 5] and isinstance(item["reverse"], bool)
            assert item["tasks"]
        else:
            assert item["kind"] == "choice" and len(item["options"]) >= 2
            assert all(o["id"] and o["tasks"] for o in item["options"])


def test_inspect_with_a_broken_bank_fails_cleanly(capsys, write):
    code, out, err = run(capsys, "inspect", "--bank", str(write("id: [", "x.yaml")), "--json")
    assert code == 1 and out == "" and "x.yaml:" in err


def test_score_json_contract(capsys, write):
    answers = write(
        json.dumps(
            {
                "form": "short",
                "answers": {
                    "production-floor": 5,
                    "stock-levels": 5,
                    "stock-tiresome": 1,
                    "efficiency-gains": 5,
                    "company-finances": 1,
                    "finance-tiresome": 5,
                    "week-run-or-report": "production-run",
                },
            }
        ),
        "a.json",
    )
    code, out, err = run(capsys, "score", str(answers), "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["recommendation"] == "operations"
    assert data["confidence"] in ("strong", "moderate", "close")
    assert set(data["fit"]) == {"operations", "business", "general"}
    assert all(0 <= v <= 100 for v in data["fit"].values())
    assert isinstance(data["flags"], list) and "incomplete" in data["flags"]
    assert (data["answered"], data["total"]) == (7, 16)
    assert isinstance(data["reasons"], list) and data["reasons"]


def test_score_readable_summary(capsys, write):
    answers = write('{"answers": {"hiring": 5, "staff-voice": 5, "production-floor": 1}}', "a.json")
    code, out, _ = run(capsys, "score", str(answers))
    assert code == 0
    assert "General management" in out and "answered 3 of 56" in out


def test_score_bad_answers_exit_1_with_item_and_expectation(capsys, write):
    answers = write('{"answers": {"hiring": 9, "ghost": 1}}', "a.json")
    code, out, err = run(capsys, "score", str(answers), "--json")
    assert code == 1 and out == ""
    assert "a.json: item 'hiring': expected a whole number from 1 to 5, got 9" in err
    assert "a.json: item 'ghost': no such item" in err


def test_score_with_no_answers_is_bad_input(capsys, write):
    code, _, err = run(capsys, "score", str(write('{"answers": {}}', "a.json")))
    assert code == 1 and "no answers to score" in err


@pytest.mark.parametrize("args", [["score"], ["bogus"], ["inspect", "--nope"], ["validate", "-x"]])
def test_wrong_usage_exits_2(capsys, args):
    with pytest.raises(SystemExit) as exited:
        main(args)
    assert exited.value.code == 2


def test_the_window_options():
    args = parse_args(["--data-dir", "d", "--bank=b.yaml"])
    assert (args.command, args.data_dir, args.bank) == (None, Path("d"), Path("b.yaml"))
    assert parse_args(["--data", "d"]).data_dir == Path("d")  # argparse's abbreviations


@pytest.mark.parametrize("args", [[], ["validate"], ["inspect"], ["score"]])
def test_help_says_what_and_gives_an_example(capsys, args):
    with pytest.raises(SystemExit) as exited:
        main([*args, "--help"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    assert "examples:" in out and "rolefit" in out


def test_python_dash_m_works_and_keeps_qt_out_of_the_command_line():
    code = (
        "import sys, runpy; sys.argv = ['rolefit', 'inspect', '--json'];"
        "import io, contextlib; buf = io.StringIO()\n"
        "with contextlib.redirect_stdout(buf):\n"
        "    try: runpy.run_module('rolefit', run_name='__main__')\n"
        "    except SystemExit as e: assert e.code in (0, None), e.code\n"
        "assert 'PySide6' not in sys.modules, 'the CLI imported Qt'\n"
        "print(len(buf.getvalue()))"
    )
    assert int(run_python(code)) > 1000
