"""Files are written whole or not at all, owner-only, never through a planted link."""

import os
import stat

import pytest

from rolefit.atomic import write_bytes


def leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".partial"))


def test_a_new_file_is_owner_only_whatever_the_umask(tmp_path):
    previous = os.umask(0o000)
    try:
        write_bytes(tmp_path / "a.json", b"{}")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "a.json").stat().st_mode) == 0o600


def test_an_existing_file_is_replaced_whole_never_truncated_first(tmp_path, monkeypatch):
    target = tmp_path / "answers.json"
    target.write_bytes(b"the person's earlier answers")
    real_replace = os.replace
    seen = []

    def replace(src, dst):
        seen.append(target.read_bytes())  # what a reader sees just before the swap
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    write_bytes(target, b"new answers")
    assert seen == [b"the person's earlier answers"] and target.read_bytes() == b"new answers"


def test_a_failed_write_changes_nothing_and_leaves_nothing(tmp_path, monkeypatch):
    target = tmp_path / "summary.pdf"
    target.write_bytes(b"old summary")

    def no_space(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(OSError, match="No space left"):
        write_bytes(target, b"x" * 10_000)
    assert target.read_bytes() == b"old summary" and leftovers(tmp_path) == []


def test_a_link_planted_at_the_target_is_replaced_not_written_through(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"someone else's file")
    target = tmp_path / "shared" / "summary.pdf"
    target.parent.mkdir()
    target.symlink_to(victim)
    write_bytes(target, b"%PDF the summary")
    assert victim.read_bytes() == b"someone else's file"
    assert not target.is_symlink() and target.read_bytes() == b"%PDF the summary"


def test_a_folder_in_the_way_fails_cleanly(tmp_path):
    (tmp_path / "out.pdf").mkdir()
    with pytest.raises(OSError):
        write_bytes(tmp_path / "out.pdf", b"%PDF")
    assert leftovers(tmp_path) == []
