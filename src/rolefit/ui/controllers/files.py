"""Saving what the person asks to keep: the answers file and the summary PDF."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from pathlib import Path

from rolefit.atomic import write_text
from rolefit.bank import Bank
from rolefit.i18n import _
from rolefit.scoring import Answers
from rolefit.ui.dialogs import Dialogs, answers_file_kinds


def suggested_name(person: str, suffix: str) -> str:
    """rolefit[-name]-DATE<suffix>, e.g. rolefit-ada-lovelace-2026-11-22.pdf."""
    who = "".join(c for c in "-".join(person.lower().split()) if c.isalnum() or c in "-_")
    return f"rolefit{'-' + who if who else ''}-{date.today().isoformat()}{suffix}"


def reason(error: OSError) -> str:
    return error.strerror or str(error)


def save_answers_file(dialogs: Dialogs, bank: Bank, answers: Answers, person: str) -> Path | None:
    """Ask where, then write the answers file whole; returns where it went, or None."""
    path = dialogs.save_path(
        _("Save the answers"), suggested_name(person, "-answers.json"), answers_file_kinds()
    )
    if path is None:
        return None
    named = dataclasses.replace(answers, name=" ".join(person.split()))
    text = json.dumps(named.to_json(bank), indent=2, ensure_ascii=False) + "\n"
    try:
        write_text(path, text)
    except OSError as error:
        dialogs.warn(
            _("Could not save the answers"),
            _("{path}: {reason}. Nothing was written; choose another place.").format(
                path=path, reason=reason(error)
            ),
        )
        return None
    dialogs.status(_("Saved {path}").format(path=path))
    return path
