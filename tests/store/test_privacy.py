"""Privacy on disk: the data folder is 0700 and every file the store writes 0600, any umask."""

import json
import os
import shutil
import stat
import textwrap
from pathlib import Path

import pytest
from conftest import run_python

from rolefit.store import DB_FILENAME, open_store

FIXTURE = Path(__file__).parent / "data" / "rolefit-0.1.0.db"

# Run in a fresh interpreter so the umask of the test process is never touched.
CHILD = textwrap.dedent(
    """
    import json, os, stat, sys
    from pathlib import Path
    os.umask(int(sys.argv[2], 8))
    from rolefit.bank import load_default_bank
    from rolefit.store import open_store
    data = Path(sys.argv[1])
    store = open_store(data).store
    sid = store.start_session("full", load_default_bank())
    store.save_answer(sid, "hiring", 4)
    modes = {p.name: oct(stat.S_IMODE(p.stat().st_mode)) for p in data.iterdir()}
    store.close()
    modes["."] = oct(stat.S_IMODE(data.stat().st_mode))
    modes[".."] = oct(stat.S_IMODE(data.parent.stat().st_mode))
    print(json.dumps(modes))
    """
)


def mode(path):
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("umask", ["022", "000"])
def test_a_new_data_folder_and_its_files_are_owner_only(tmp_path, umask):
    data = tmp_path / "made" / "data"  # the parent is made too
    modes = json.loads(run_python(CHILD, data, umask))
    assert modes == {
        ".": "0o700",
        "..": "0o700",
        DB_FILENAME: "0o600",
        f"{DB_FILENAME}-wal": "0o600",
        f"{DB_FILENAME}-shm": "0o600",
    }


@pytest.mark.parametrize("umask", ["022", "000"])
def test_an_existing_folder_is_left_as_chosen(tmp_path, umask):
    """A folder the person chose (a shared drive, say) keeps its permissions; the files not."""
    data = tmp_path / "chosen"
    data.mkdir()
    os.chmod(data, 0o755)
    modes = json.loads(run_python(CHILD, data, umask))
    assert modes["."] == "0o755" and modes[DB_FILENAME] == "0o600"


MIGRATE = textwrap.dedent(
    """
    import json, os, stat, sys
    from pathlib import Path
    os.umask(0)
    from rolefit.store import open_store
    data = Path(sys.argv[1])
    opened = open_store(data)
    assert opened.problem is None
    print(json.dumps({p.name: oct(stat.S_IMODE(p.stat().st_mode)) for p in data.iterdir()}))
    """
)


def test_a_010_database_and_its_copy_before_migrating_are_made_private(tmp_path):
    """0.1.0 let SQLite create its file with the umask's permissions (often 0644)."""
    data = tmp_path / "data"
    data.mkdir()
    shutil.copyfile(FIXTURE, data / DB_FILENAME)
    os.chmod(data / DB_FILENAME, 0o644)
    modes = json.loads(run_python(MIGRATE, data))
    (copy,) = data.glob("rolefit.db.before-v2-*")
    assert modes == {
        copy.name: "0o600",
        DB_FILENAME: "0o600",
        f"{DB_FILENAME}-wal": "0o600",
        f"{DB_FILENAME}-shm": "0o600",
    }


def test_a_set_aside_file_keeps_its_permissions(tmp_path):
    damaged = tmp_path / DB_FILENAME
    damaged.write_bytes(b"not a database" * 100)
    os.chmod(damaged, 0o640)
    opened = open_store(tmp_path)
    assert mode(opened.moved_to) == 0o640  # kept as it was found
    assert mode(tmp_path / DB_FILENAME) == 0o600  # the new one is private


def test_a_planted_link_is_not_followed(tmp_path):
    target = tmp_path / "someone-elses.db"
    data = tmp_path / "data"
    data.mkdir()
    (data / DB_FILENAME).symlink_to(target)
    opened = open_store(data)
    assert "link" in opened.problem and not target.exists()
    assert opened.moved_to.is_symlink()  # the link itself was moved aside, nothing followed
    assert not (data / DB_FILENAME).is_symlink() and mode(data / DB_FILENAME) == 0o600
