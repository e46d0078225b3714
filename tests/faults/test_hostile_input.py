"""Hostile files through the real command: a clear error, never a traceback, a hang or a
runaway. Each runs in its own process under a 512 MiB address-space limit and a timeout, so
a regression that eats memory or loops fails here instead of taking the machine down."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest
from conftest import MINIMAL_BANK

LIMITED = textwrap.dedent(
    """
    import resource, sys
    resource.setrlimit(resource.RLIMIT_AS, (512 * 2**20, 512 * 2**20))
    from rolefit.cli import main
    sys.exit(main(sys.argv[1:]))
    """
)


def rolefit(*args, stdin=None):
    done = subprocess.run(
        [sys.executable, "-c", LIMITED, *map(str, args)],
        input=stdin,
        capture_output=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    err = done.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err and "internal error" not in err, err[-2000:]
    return done.returncode, done.stdout.decode("utf-8", "replace"), err


BANKS = {
    "nested brackets": "id: " + "[" * 200_000,
    "nested mappings": "".join(f"{' ' * n}k{n}:\n" for n in range(2000)),
    "billion laughs": "a: &a [x, x, x, x, x, x, x, x, x]\n"
    + "".join(f"{chr(98 + n)}: &{chr(98 + n)} [*{chr(97 + n)}] \n" for n in range(20)),
    "a number of 5,000 digits": MINIMAL_BANK.replace("  min: 1", "  min: " + "9" * 5000),
    "a 50,000-character title": MINIMAL_BANK.replace("title: Mini bank", "title: " + "x" * 50_000),
    "binary junk": os.urandom(200_000).decode("latin-1"),
    "a Python object tag": "id: !!python/object/apply:os.system ['echo hacked']\n",
    "many unknown references": MINIMAL_BANK
    + "".join(
        f"  - id: extra{n}\n    kind: likert\n    text: Q?\n    tasks: [nope{n}]\n"
        for n in range(3000)
    ).replace("  - id: extra0", "  - id: extra0", 1),
}


@pytest.mark.parametrize("name", list(BANKS))
def test_a_hostile_bank_is_refused_in_words(tmp_path, name):
    path = tmp_path / "bank.yaml"
    path.write_text(BANKS[name], "utf-8", errors="surrogatepass")
    code, _out, err = rolefit("validate", path)
    assert code == 1 and "bank.yaml:" in err, err[-500:]
    assert "hacked" not in err


def test_a_bank_over_the_size_limit_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.yaml"
    with path.open("wb") as stream:
        stream.truncate(8 * 2**20 + 1)  # a sparse file: nothing read, nothing written
    code, _out, err = rolefit("validate", path)
    assert code == 1 and "the limit is" in err


ANSWERS = {
    "nested arrays": '{"answers": ' + "[" * 100_000 + "]" * 100_000 + "}",
    "a number of 5,000 digits": '{"answers": {"hiring": ' + "9" * 5000 + "}}",
    "NaN and Infinity": '{"answers": {"hiring": NaN, "staff-voice": Infinity}}',
    "a key given twice": '{"answers": {"hiring": 4, "hiring": 5}}',
    "a 1.5 MiB string": '{"form": "' + "x" * (3 * 2**19) + '"}',
    "not UTF-8": b'{"answers": {"hiring": "\xff\xfe"}}',
    "many unknown items": json.dumps({"answers": {f"item{n}": 3 for n in range(20_000)}}),
}


@pytest.mark.parametrize("name", list(ANSWERS))
def test_a_hostile_answers_file_is_refused_in_words(tmp_path, name):
    path = tmp_path / "answers.json"
    content = ANSWERS[name]
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    code, out, err = rolefit("score", path, "--json")
    assert code == 1 and out == "" and "answers.json" in err, err[-500:]
    assert len(err.splitlines()) <= 502  # a bounded list of problems


def test_hostile_lines_on_standard_input_are_answered_line_by_line(tmp_path):
    lines = [
        json.dumps({"answers": {"hiring": 4}}),
        "[" * 100_000,
        '{"answers": {"hiring": ' + "9" * 5000 + "}}",
        "\ufeff{}",
        json.dumps({"form": "short", "answers": {"hiring": 5, "staff-voice": 4}}),
    ]
    code, out, err = rolefit("score", "--json", "-", stdin="\n".join(lines).encode("utf-8"))
    results = [json.loads(line) for line in out.splitlines()]
    assert code == 1 and len(results) == len(lines)
    assert "error" not in results[0] and "error" not in results[-1]
    assert all(r.get("line") == n for n, r in enumerate(results, 1) if "error" in r)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_or_a_device_is_refused_at_once(tmp_path):
    fifo = tmp_path / "answers.json"
    os.mkfifo(fifo)  # nobody ever writes to it: reading it would wait for ever
    for path in (fifo, "/dev/zero"):
        code, _out, err = rolefit("score", path, "--json")
        assert code == 1 and "not a regular file" in err, err
        code, _out, err = rolefit("validate", path)
        assert code == 1 and "not a regular file" in err, err
