import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

# Qt aborts on a machine with no display unless told to draw offscreen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from rolefit.bank import Bank, load_default_bank  # noqa: E402


def run_python(code, *args):
    """Run ``code`` in a fresh interpreter (nothing imported yet), which must succeed.

    For what a test process cannot show: which modules a start-up or a command imports.
    Returns the child's standard output; a failure shows its standard error.
    """
    done = subprocess.run(
        [sys.executable, "-c", code, *map(str, args)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


# A small, complete, valid bank. Error tests break one thing in it at a time.
MINIMAL_BANK = textwrap.dedent(
    """\
    id: mini
    version: "0.1"
    title: Mini bank
    scale:
      min: 1
      max: 5
      labels: [Not at all, A little, Somewhat, Quite a lot, Very much]
    roles:
      - id: operations
        title: Operations management
        description: Runs the making and delivering.
      - id: business
        title: Business management
        description: Runs money and administration.
      - id: general
        title: General management
        description: Runs the whole company.
        profile: generalist
    dimensions:
      - id: work
        title: Work
    tasks:
      - id: ops.make
        text: Make things.
        roles: [operations]
        dimension: work
      - id: bus.money
        text: Count money.
        roles: [business]
        dimension: work
      - id: gen.all
        text: Oversee everything.
        roles: [general]
        dimension: work
      - id: shared.targets
        text: Meet targets.
        roles: [operations, business, general]
        dimension: work
    items:
      - id: make
        kind: likert
        text: How much would you enjoy making things?
        tasks: [ops.make]
      - id: money
        kind: likert
        text: How much would you enjoy counting money?
        tasks: [bus.money]
      - id: all
        kind: likert
        text: How much would you enjoy overseeing everything?
        tasks: [gen.all, shared.targets]
      - id: make-tiresome
        kind: likert
        reverse: true
        text: How tiresome would you find making things?
        tasks: [ops.make]
      - id: pick
        kind: choice
        text: Which would you rather do?
        options:
          - id: a
            text: Make things
            tasks: [ops.make]
          - id: b
            text: Count money
            tasks: [bus.money]
    forms:
      full: all
      short: [make, money, all]
    """
)


@pytest.fixture(scope="session")
def bank() -> Bank:
    return load_default_bank()


@pytest.fixture
def write(tmp_path: Path):
    """Write text (or bytes) to a file under tmp_path and return its path."""

    def _write(content: str | bytes, name: str = "bank.yaml") -> Path:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write
