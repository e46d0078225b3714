"""Creating and unlocking the encrypted workspace: passcodes, throttling, files, damage."""

import os
import shutil
import sqlite3
import stat
import textwrap

import pytest
from conftest import run_python
from workspace.helpers import NAME, PASSCODE, REF, make_workspace, take

from rolefit.store import DB_FILENAME, DamagedError, open_store
from rolefit.workspace import (
    ATTEMPTS_FILENAME,
    WORKSPACE_FILENAME,
    NoWorkspace,
    Throttled,
    WeakPasscode,
    Workspace,
    WorkspaceError,
    WorkspaceExists,
    WrongPasscode,
)
from rolefit.workspace import attempts as workspace_attempts


def mode(path):
    return stat.S_IMODE(path.stat().st_mode)


def test_create_then_unlock_with_the_passcode(tmp_path):
    data = tmp_path / "data"
    with make_workspace(data) as workspace:
        workspace.add_client(REF, NAME)
    with Workspace.unlock(data, PASSCODE) as workspace:
        (client,) = workspace.list_clients()
        assert (client.ref, client.name) == (REF, NAME)
        assert workspace.settings().counsellor == "Dr Ada Byron"
        assert workspace.settings().idle_minutes == 10


def test_a_passcode_needs_eight_characters(tmp_path):
    with pytest.raises(WeakPasscode, match="at least 8"):
        Workspace.create(tmp_path, "seven77")
    assert not (tmp_path / WORKSPACE_FILENAME).exists()
    Workspace.create(tmp_path, "ééééééé\u0065\u0301").close()  # 8 characters once composed


def test_a_passcode_is_the_same_however_its_accents_were_typed(tmp_path):
    Workspace.create(tmp_path, "caf\u00e9 au lait").close()
    Workspace.unlock(tmp_path, "cafe\u0301 au lait").close()


def test_a_wrong_passcode_is_refused_and_sets_nothing_aside(tmp_path):
    make_workspace(tmp_path).close()
    before = (tmp_path / WORKSPACE_FILENAME).read_bytes()
    with pytest.raises(WrongPasscode) as raised:
        Workspace.unlock(tmp_path, "not the passcode")
    assert str(raised.value) == "The passcode is not right."
    assert (tmp_path / WORKSPACE_FILENAME).read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [ATTEMPTS_FILENAME, WORKSPACE_FILENAME]


def test_no_workspace_and_an_existing_one(tmp_path):
    with pytest.raises(NoWorkspace):
        Workspace.unlock(tmp_path, PASSCODE)
    make_workspace(tmp_path).close()
    with pytest.raises(WorkspaceExists):
        make_workspace(tmp_path)


class Clock:
    def __init__(self):
        self.now = 1_000_000.0

    def __call__(self):
        return self.now


def test_five_wrong_passcodes_slow_further_tries_down(tmp_path):
    make_workspace(tmp_path).close()
    clock = Clock()
    for _ in range(5):
        with pytest.raises(WrongPasscode):
            Workspace.unlock(tmp_path, "a wrong guess", clock)
        clock.now += 1
    with pytest.raises(Throttled) as raised:
        Workspace.unlock(tmp_path, PASSCODE, clock)  # even the right one waits
    assert raised.value.seconds == pytest.approx(29)
    assert "try again in 29 seconds" in str(raised.value)
    clock.now += 29
    with pytest.raises(WrongPasscode):
        Workspace.unlock(tmp_path, "a sixth guess", clock)
    assert Workspace.wait_before_next_try(tmp_path, clock) == 60  # doubled
    clock.now += 60
    Workspace.unlock(tmp_path, PASSCODE, clock).close()
    assert Workspace.wait_before_next_try(tmp_path, clock) == 0  # the right one resets it
    assert workspace_attempts.Attempts(tmp_path, clock).read().failures == 0


def test_the_delay_grows_to_an_hour_at_most():
    delays = [workspace_attempts.delay_after(n) for n in range(4, 14)]
    assert delays == [0, 30, 60, 120, 240, 480, 960, 1920, 3600, 3600]


def test_the_attempts_file_holds_two_numbers_and_is_private(tmp_path):
    make_workspace(tmp_path).close()
    with pytest.raises(WrongPasscode):
        Workspace.unlock(tmp_path, "a wrong guess")
    path = tmp_path / ATTEMPTS_FILENAME
    assert mode(path) == 0o600
    assert sorted(__import__("json").loads(path.read_text())) == ["failures", "last"]


def test_a_clock_set_back_never_waits_longer_than_the_delay(tmp_path):
    clock = Clock()
    attempts = workspace_attempts.Attempts(tmp_path, clock)
    for _ in range(5):
        attempts.failed()
    clock.now -= 10_000
    assert attempts.wait() == 30


def test_a_tampered_attempts_file_counts_as_five_failures(tmp_path):
    (tmp_path / ATTEMPTS_FILENAME).write_text("{garbage")
    assert 0 < workspace_attempts.Attempts(tmp_path).wait() <= 30


TRY = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from rolefit.workspace import Workspace, WrongPasscode, Throttled
    try:
        Workspace.unlock(Path(sys.argv[1]), sys.argv[2]).close()
        print("unlocked")
    except WrongPasscode:
        print("wrong")
    except Throttled as error:
        print("throttled", round(error.seconds))
    """
)


def test_throttling_persists_across_processes(tmp_path):
    make_workspace(tmp_path).close()
    seen = [run_python(TRY, tmp_path, f"guess number {n}").split() for n in range(5)]
    assert seen == [["wrong"]] * 5
    status, seconds = run_python(TRY, tmp_path, PASSCODE).split()
    assert status == "throttled" and 25 <= int(seconds) <= 30


def test_checking_the_passcode_of_an_open_workspace_counts_wrong_ones(tmp_path):
    clock = Clock()
    with make_workspace(tmp_path) as workspace:
        workspace.check_passcode(PASSCODE, clock)
        for _ in range(5):
            with pytest.raises(WrongPasscode):
                workspace.check_passcode("a wrong guess", clock)
        with pytest.raises(Throttled):
            workspace.check_passcode(PASSCODE, clock)  # the same count as unlocking
        assert Workspace.wait_before_next_try(tmp_path, clock) == pytest.approx(30)
        clock.now += 30
        with pytest.raises(WrongPasscode):
            workspace.check_passcode("nul\x00 byte", clock)
        clock.now += 60
        workspace.check_passcode(PASSCODE, clock)
        assert workspace_attempts.Attempts(tmp_path, clock).read().failures == 0


def test_changing_the_passcode_re_keys(tmp_path):
    with make_workspace(tmp_path) as workspace:
        workspace.add_client(REF, NAME)
        with pytest.raises(WrongPasscode):
            workspace.change_passcode("not the passcode", "a new passcode")
        with pytest.raises(WeakPasscode):
            workspace.change_passcode(PASSCODE, "short")
        workspace.change_passcode(PASSCODE, "a new passcode")
        assert workspace.list_clients()[0].name == NAME  # goes on working
    with pytest.raises(WrongPasscode):
        Workspace.unlock(tmp_path, PASSCODE)
    with Workspace.unlock(tmp_path, "a new passcode") as workspace:
        assert workspace.list_clients()[0].ref == REF


def test_the_individuals_database_beside_it_needs_no_passcode(tmp_path, bank):
    store = open_store(tmp_path).store
    sid = store.start_session("short", bank, name="Me")
    store.save_answer(sid, "hiring", 4)
    store.close()
    make_workspace(tmp_path).close()
    opened = open_store(tmp_path)
    assert opened.problem is None and opened.store.unfinished().answers == {"hiring": 4}
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        DB_FILENAME,
        f"{DB_FILENAME}-shm",
        f"{DB_FILENAME}-wal",
        WORKSPACE_FILENAME,
    ]


@pytest.mark.parametrize("umask", ["022", "000"])
def test_the_folder_and_every_file_are_private(tmp_path, umask):
    code = textwrap.dedent(
        """
        import json, os, stat, sys
        from pathlib import Path
        os.umask(int(sys.argv[2], 8))
        from rolefit.workspace import Workspace
        data = Path(sys.argv[1])
        with Workspace.create(data, "correct horse battery") as workspace:
            workspace.add_client("A-1", "Someone")
            workspace.backup(data.parent / "backup.rfw")
            modes = {p.name: oct(stat.S_IMODE(p.stat().st_mode)) for p in data.iterdir()}
        modes["."] = oct(stat.S_IMODE(data.stat().st_mode))
        modes["backup"] = oct(stat.S_IMODE((data.parent / "backup.rfw").stat().st_mode))
        print(json.dumps(modes))
        """
    )
    import json

    modes = json.loads(run_python(code, tmp_path / "data", umask))
    assert modes == {
        ".": "0o700",
        WORKSPACE_FILENAME: "0o600",
        f"{WORKSPACE_FILENAME}-wal": "0o600",
        f"{WORKSPACE_FILENAME}-shm": "0o600",
        "backup": "0o600",
    }


def everything_in(folder):
    return b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())


def test_a_copy_of_the_data_folder_reveals_nothing(tmp_path, bank):
    """Copied while RoleFit has it open (its -wal full of the latest writes) and after."""
    data = tmp_path / "data"
    workspace = make_workspace(data)
    client = workspace.add_client(REF, NAME)
    workspace.add_client_note(client.id, f"{NAME} wants to lead a plant")
    choice = next(i for i in bank.items if i.kind == "choice")
    option = choice.options[-1].id
    values = {"hiring": 4, choice.id: option}
    sid = take(workspace, client.id, bank, values, form="full")
    workspace.set_session_notes(sid, f"Talked with {NAME} about {REF}")
    assert (data / f"{WORKSPACE_FILENAME}-wal").stat().st_size > 0
    copy = shutil.copytree(data, tmp_path / "copied while open")
    workspace.close()
    closed_copy = shutil.copytree(data, tmp_path / "copied after")
    for folder in (copy, closed_copy):
        found = everything_in(folder)
        for secret in (NAME, REF, option, "Dr Ada Byron", "wants to lead"):
            for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
                assert secret.encode(encoding) not in found, (folder.name, secret, encoding)
        assert b"SQLite format 3" not in found
    # The copy taken while open is whole: with the passcode, it opens with everything.
    with Workspace.unlock(copy, PASSCODE) as opened:
        assert opened.list_clients()[0].name == NAME


def test_a_plain_sqlite_file_in_its_place_is_refused_and_left_alone(tmp_path):
    db = sqlite3.connect(tmp_path / WORKSPACE_FILENAME)
    db.execute("CREATE TABLE t (x)")
    db.commit()
    db.close()
    before = (tmp_path / WORKSPACE_FILENAME).read_bytes()
    with pytest.raises(WorkspaceError, match="not encrypted"):
        Workspace.unlock(tmp_path, PASSCODE)
    assert (tmp_path / WORKSPACE_FILENAME).read_bytes() == before


def damage(path, offset):
    data = bytearray(path.read_bytes())
    data[offset] ^= 0xFF
    path.write_bytes(bytes(data))


def filled(folder, bank, clients=30):
    with make_workspace(folder) as workspace:
        for n in range(clients):
            client = workspace.add_client(f"R-{n:03d}", f"Person {n}")
            take(workspace, client.id, bank, {"hiring": 1 + n % 5, "staff-voice": 3})
    path = folder / WORKSPACE_FILENAME
    assert not path.with_name(f"{WORKSPACE_FILENAME}-wal").exists()
    return path


def test_a_damaged_page_is_found_with_the_passcode_and_set_aside(tmp_path, bank):
    path = filled(tmp_path, bank)
    damage(path, path.stat().st_size - 3000)  # a page near the end, not the first
    damaged = path.read_bytes()
    with pytest.raises(DamagedError) as raised:
        workspace = Workspace.unlock(tmp_path, PASSCODE)
        workspace.list_clients()
        workspace.csv_text()
    message = str(raised.value)
    assert "damaged" in message
    moved = raised.value.moved_to
    assert moved is not None and moved.read_bytes() == damaged
    assert moved.name.startswith(f"{WORKSPACE_FILENAME}.damaged-")


def test_a_damaged_first_page_reads_as_a_wrong_passcode_and_is_kept(tmp_path, bank):
    """SQLCipher cannot tell them apart: a typing mistake must never look like damage."""
    path = filled(tmp_path, bank, clients=2)
    damage(path, 200)
    damaged = path.read_bytes()
    with pytest.raises(WrongPasscode):
        Workspace.unlock(tmp_path, PASSCODE)
    assert path.read_bytes() == damaged
    assert sorted(p.name for p in tmp_path.iterdir()) == [ATTEMPTS_FILENAME, WORKSPACE_FILENAME]


def test_the_workspace_connection_overwrites_what_it_deletes(tmp_path):
    with make_workspace(tmp_path) as workspace:
        conn = workspace.store.database.conn
        assert conn.execute("PRAGMA secure_delete").fetchone()[0] == 1
        assert conn.execute("PRAGMA temp_store").fetchone()[0] == 2  # memory
        assert conn.execute("PRAGMA cipher_kdf_algorithm").fetchone()[0] == "PBKDF2_HMAC_SHA512"
        assert conn.execute("PRAGMA kdf_iter").fetchone()[0] == "256000"


def test_open_files_are_owner_only_even_in_a_shared_folder(tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o755)
    make_workspace(shared).close()
    assert mode(shared) == 0o755 and mode(shared / WORKSPACE_FILENAME) == 0o600
