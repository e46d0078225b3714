"""The rolefit command's contracts: exit codes, output shapes, messages."""

import io
import json
import re
from pathlib import Path

import pytest
from conftest import MINIMAL_BANK, run_python

from rolefit.bank import load_default_bank
from rolefit.cli import main, parse_args

BANK = load_default_bank()

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


SHORT_OPS = {
    "form": "short",
    "answers": {
        "production-floor": 5,
        "efficiency-gains": 5,
        "purchasing": 4,
        "dislike-stock-keeping": 1,
        "company-finances": 1,
        "dislike-bookings": 5,
        "crisis-role": "keep-supplies",
    },
}


def test_score_json_contract(capsys, write):
    answers = write(json.dumps(SHORT_OPS), "a.json")
    code, out, err = run(capsys, "score", str(answers), "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["recommendation"] is None and data["confidence"] == "none"  # 7 of 17: too few
    assert set(data["fit"]) == {"operations", "business", "general"}
    assert max(data["fit"], key=data["fit"].get) == "operations"
    assert all(0 <= v <= 100 for v in data["fit"].values())
    assert isinstance(data["flags"], list) and "incomplete" in data["flags"]
    assert (data["answered"], data["total"], data["needed"]) == (7, 17, 13)
    assert isinstance(data["reasons"], list) and data["reasons"]
    assert data["summary"].startswith("Too few answers for a verdict yet.")


def test_score_readable_summary(capsys, write):
    answers = write('{"answers": {"hiring": 5, "staff-voice": 5, "production-floor": 1}}', "a.json")
    code, out, _ = run(capsys, "score", str(answers))
    assert code == 0
    assert out.startswith("Too few answers for a verdict yet.")
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


def full_answers(value):
    return {"answers": {i.id: value for i in BANK.items if i.kind == "likert"}}


def test_score_several_files_prints_json_lines_in_order(capsys, write):
    first = write(json.dumps(SHORT_OPS), "first.json")
    broken = write('{"answers": {"hiring": 9}}', "broken.json")
    last = write(json.dumps(full_answers(4)), "last.json")
    code, out, err = run(capsys, "score", "--json", str(first), str(broken), str(last))
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == 3
    one, two, three = map(json.loads, lines)
    assert one["answered"] == 7 and three["answered"] == 47
    assert two == {
        "file": str(broken),
        "error": f"{broken}: item 'hiring': expected a whole number from 1 to 5, got 9",
    }
    assert "broken.json: item 'hiring'" in err
    _code, single, _err = run(capsys, "score", "--json", str(first))
    assert json.loads(single) == one and "\n  " in single  # one file: indented, as before


def test_score_json_lines_from_standard_input(capsys, monkeypatch, write):
    good = json.dumps(SHORT_OPS)
    lines = [
        good,
        '{"answers": {"hiring": 4, "hiring": 5}}',
        "{not json",
        "",
        '{"answers": {"hiring": ' + "9" * 5000 + "}}",
        json.dumps({"bank": {"id": "management"}, **full_answers(2)}),
    ]
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(lines) + "\n"))
    code, out, err = run(capsys, "score", "--json", "-")
    assert code == 1
    results = [json.loads(line) for line in out.splitlines()]
    assert len(results) == len(lines)
    assert results[0]["answered"] == 7 and results[5]["answered"] == 47
    assert results[1] == {
        "line": 2,
        "error": "<stdin>:2: answers: 'hiring' is given more than once; give each key once",
    }
    assert results[2]["line"] == 3 and results[2]["error"].startswith("<stdin>:3:2: not valid")
    assert results[3]["line"] == 4 and "not valid JSON" in results[3]["error"]
    assert results[4] == {
        "line": 5,
        "error": "<stdin>:5: item 'hiring': expected a whole number from 1 to 5, got a number "
        "5,000 digits long",
    }
    assert "<stdin>:2: answers: 'hiring'" in err
    # The same answers give the same result, from a file or from a line.
    code, single, _ = run(capsys, "score", "--json", str(write(good, "a.json")))
    assert json.loads(single) == results[0]


def test_score_json_lines_from_a_pipe_survive_bad_bytes():
    code = (
        "import subprocess, sys, json\n"
        'good = b\'{"answers": {"hiring": 4}}\'\n'
        "lines = good + b'\\n\\xff\\xfe\\n' + good.replace(b'4', b'2') + b'\\n'\n"
        "done = subprocess.run([sys.executable, '-m', 'rolefit', 'score', '--json', '-'],"
        " input=lines, capture_output=True)\n"
        "out = [json.loads(x) for x in done.stdout.splitlines()]\n"
        "assert done.returncode == 1, done.stderr\n"
        "assert [o.get('answered') for o in out] == [1, None, 1], out\n"
        "assert out[1] == {'line': 2, 'error': '<stdin>:2: not UTF-8 text (byte 1)'}, out\n"
    )
    run_python(code)


def test_score_several_files_as_text(capsys, write):
    first = write(json.dumps(SHORT_OPS), "first.json")
    second = write(json.dumps(full_answers(3)), "second.json")
    code, out, _ = run(capsys, "score", str(first), str(second))
    assert code == 0
    assert out.startswith(f"== {first} ==\nToo few answers")
    assert f"\n== {second} ==\nNo clear preference" in out


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


def test_sessions_json_says_no_verdict_as_score_does(tmp_path, capsys):
    from rolefit.scoring import make_answers, score_answers
    from rolefit.store import open_store

    values = {i.id: 3 for i in BANK.items if i.kind == "likert"}
    result = score_answers(BANK, make_answers(BANK, values))
    store = open_store(tmp_path).store
    done = store.start_session("full", BANK)
    store.complete(done, result.to_record())
    store.close()
    code, out, _ = run(capsys, "sessions", "--data-dir", str(tmp_path), "--json")
    assert code == 0
    (session,) = json.loads(out)
    stored = session["result"]
    assert (stored["recommendation"], stored["runner_up"], stored["confidence"]) == (
        None,
        None,
        "none",
    )
    assert stored["summary"].startswith("No clear preference between the roles.")
    code, out, _ = run(capsys, "sessions", "--data-dir", str(tmp_path))
    assert "No clear preference between the roles." in out
