"""Shared by the workspace's tests: a workspace with clients and sessions, answers lines."""

import json

from scoring.respondents import respond

from rolefit.scoring import make_answers, score_answers
from rolefit.workspace import Workspace

PASSCODE = "correct horse battery"
NAME = "Zebedee Quistorp"
REF = "ZQ-4711"

OPS = {"operations": 0.95, "business": 0.15, "general": 0.25}
BUSINESS = {"operations": 0.1, "business": 0.9, "general": 0.3}


def make_workspace(folder, counsellor="Dr Ada Byron"):
    return Workspace.create(folder, PASSCODE, counsellor)


def take(workspace, client_id, bank, values, form="full", sees=True):
    """A completed session of ``client_id`` with ``values``, through the store's API."""
    sid = workspace.start_session_for(client_id, form, bank, client_sees_result=sees)
    for item, value in values.items():
        workspace.store.save_answer(sid, item, value)
    result = score_answers(bank, make_answers(bank, values, form))
    workspace.store.complete(sid, result.to_record())
    return sid


def answers_object(bank, prefs, form="full", seed=0, **extra):
    """An answers file's object, as "Save answers" writes it, with ``extra`` keys."""
    values = respond(bank, prefs, form, noise=0.6, seed=seed)
    return {
        "bank": {"id": bank.id, "version": bank.version},
        "form": form,
        "answers": values,
        **extra,
    }


def write_jsonl(path, objects):
    path.write_text("".join(json.dumps(o) + "\n" for o in objects), encoding="utf-8")
    return path
