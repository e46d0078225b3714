"""Make ``rolefit-0.1.0.db``: a database written by RoleFit 0.1.0's own code.

The migration test opens a copy of that file with today's RoleFit. It must be written by
the code that shipped (commit d8c9b21, version 0.1.0), not by a re-creation of its schema,
so that whatever 0.1.0 really wrote (local times with an offset, answers as JSON text,
results in the old English ``Result.to_json()`` shape) is what the migration meets.

To remake it, from the repository root::

    git worktree add /tmp/rolefit-010 d8c9b21
    PYTHONPATH=/tmp/rolefit-010/src python tests/store/data/make_v010_db.py \\
        tests/store/data/rolefit-0.1.0.db
    git worktree remove /tmp/rolefit-010

It refuses to run with any other RoleFit. Times are written in Europe/Paris (UTC+01:00 in
winter, +02:00 in summer), so the migration has real offsets to convert.
"""

from __future__ import annotations

import os
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path


def main(target: Path) -> None:
    os.environ["TZ"] = "Europe/Paris"
    time.tzset()

    import rolefit.scoring
    from rolefit.bank import ChoiceItem, load_default_bank
    from rolefit.scoring import make_answers, score_answers
    from rolefit.store import DB_FILENAME, open_store

    result_type = rolefit.scoring.Result
    if not hasattr(result_type, "to_json") or hasattr(result_type, "to_record"):
        sys.exit("run this with RoleFit 0.1.0 (commit d8c9b21) on PYTHONPATH, see the docstring")

    bank = load_default_bank()
    assert (bank.id, bank.version) == ("management", "1.0")
    rng = random.Random(20261121)

    def leaning(form: str, role: str) -> dict[str, int | str]:
        """Answers of someone drawn to ``role``: high on its items, low elsewhere."""
        answers: dict[str, int | str] = {}
        for item in bank.form_items(form):
            roles = {r for t in item.tasks for r in bank.task(t).roles}
            if isinstance(item, ChoiceItem):
                liked = [
                    o
                    for o in item.options
                    if role in {r for t in o.tasks for r in bank.task(t).roles}
                ]
                answers[item.id] = (liked or list(item.options))[0].id
            else:
                high = role in roles
                if item.reverse:
                    high = not high
                answers[item.id] = rng.choice([4, 5]) if high else rng.choice([1, 2, 3])
        return answers

    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder)
        store = open_store(data).store

        def completed(form: str, answers: dict[str, int | str], name: str = "") -> int:
            sid = store.start_session(form, bank.id, bank.version, name)
            for position, (item, value) in enumerate(answers.items()):
                store.save_answer(sid, item, value)
                store.save_position(sid, position)
            result = score_answers(bank, make_answers(bank, answers, form))
            store.complete(sid, result.to_json())
            return sid

        completed("full", leaning("full", "operations"), name="Ada Lovelace")
        completed("short", leaning("short", "business"))
        # Discarded, as real use does: its answers go with it.
        gone = store.start_session("short", bank.id, bank.version, "")
        store.save_answer(gone, "hiring", 3)
        store.discard(gone)
        # Flagged: the same answer throughout.
        same: dict[str, int | str] = {
            item.id: item.options[0].id if isinstance(item, ChoiceItem) else 5
            for item in bank.form_items("full")
        }
        completed("full", same)
        # Flagged: too few answers.
        completed("short", {"hiring": 5, "staff-voice": 4, "whole-company": 5})
        completed("short", leaning("short", "general"), name="Zoë Ó Briain")
        # Unfinished: some answers, one taken back, a position past the first question.
        sid = store.start_session("full", bank.id, bank.version, "Grace Hopper")
        for item, value in list(leaning("full", "general").items())[:20]:
            store.save_answer(sid, item, value)
        store.save_answer(sid, "hiring", None)
        store.save_position(sid, 20)
        store.close()

        # One file, as a person's disk would hold it after RoleFit closed.
        db = sqlite3.connect(data / DB_FILENAME)
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.close()
        target.write_bytes((data / DB_FILENAME).read_bytes())
    print(f"wrote {target}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
