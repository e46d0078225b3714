"""Input files: only regular files are read, and never more than the limit."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import MINIMAL_BANK

from rolefit.bank import BankError
from rolefit.bank.files import read_text_file

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")


def rolefit(*args: object) -> subprocess.CompletedProcess[str]:
    """The command in a child process: if reading ever blocks again, the timeout fails the
    test instead of hanging the whole run."""
    return subprocess.run(
        [sys.executable, "-m", "rolefit", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=60,
    )


@needs_fifo
def test_a_named_pipe_as_bank_is_refused_at_once(tmp_path):
    fifo = tmp_path / "bank.yaml"
    os.mkfifo(fifo)
    done = rolefit("validate", fifo)
    assert done.returncode == 1
    assert (
        done.stderr == f"{fifo}:1:1: not a regular file (it is a named pipe): give a file's path\n"
    )


@needs_fifo
def test_a_named_pipe_as_answers_file_is_refused_at_once(tmp_path):
    fifo = tmp_path / "answers.json"
    os.mkfifo(fifo)
    done = rolefit("score", fifo)
    assert done.returncode == 1
    assert "not a regular file (it is a named pipe)" in done.stderr


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
@pytest.mark.parametrize("command", ["validate", "score"])
def test_dev_zero_is_refused_not_read(command):
    done = rolefit(command, "/dev/zero")
    assert done.returncode == 1
    assert "/dev/zero: not a regular file (it is a device)" in done.stderr.replace(":1:1", "")


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="no /proc here")
def test_reading_stops_at_the_limit_whatever_the_size_the_file_claims():
    # Files under /proc claim a size of 0 and still have content: the size a file states
    # before it is read cannot be trusted, so reading itself stops past the limit.
    assert os.stat("/proc/self/status").st_size == 0
    with pytest.raises(BankError, match="file is over 16 bytes; the limit is 16"):
        read_text_file(Path("/proc/self/status"), "status", 16)


def test_a_link_to_a_bank_file_is_read(tmp_path):
    target = tmp_path / "bank.yaml"
    target.write_text(MINIMAL_BANK, encoding="utf-8")
    link = tmp_path / "link.yaml"
    link.symlink_to(target)
    assert read_text_file(link, "link.yaml", 1 << 20) == MINIMAL_BANK


def test_a_file_of_exactly_the_limit_is_read(tmp_path):
    path = tmp_path / "bank.yaml"
    path.write_bytes(b"x" * 64)
    assert read_text_file(path, "bank.yaml", 64) == "x" * 64
    path.write_bytes(b"x" * 65)
    with pytest.raises(BankError, match="file is 65 bytes; the limit is 64"):
        read_text_file(path, "bank.yaml", 64)
