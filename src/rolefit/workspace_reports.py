"""The workspace's listings and printouts on the command line: sessions, stats, report."""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import TYPE_CHECKING, TextIO

from rolefit.exit_codes import EXIT_BAD_INPUT, EXIT_OK
from rolefit.i18n import _, ngettext
from rolefit.workspace_commands import CommandError, client_id_of

if TYPE_CHECKING:
    from rolefit.workspace import Workspace


def stats(workspace: Workspace, as_json: bool, out: TextIO) -> int:
    from rolefit.workspace.stats import warnings

    found = workspace.stats()
    bank = workspace.store.bank(found.bank_hash)
    said = warnings(found, bank)
    if as_json:
        data = found.to_json()
        data["warnings"] = said
        json.dump(data, out, indent=2, ensure_ascii=False)
        out.write("\n")
        return EXIT_OK
    if found.bank_id is None:
        print(_("No completed full-form session yet: nothing to count."), file=out)
        return EXIT_OK
    print(
        _("Bank {bank} {version}, {n} completed full-form sessions.").format(
            bank=found.bank_id, version=found.bank_version, n=found.sessions
        ),
        file=out,
    )
    for role in found.roles:
        alpha = "-" if role.alpha is None else f"{role.alpha:.2f}"
        print(
            _("{role}: alpha {alpha} over {n} sessions, {k} items").format(
                role=role.role, alpha=alpha, n=role.n, k=len(role.items)
            ),
            file=out,
        )
        for item, r in role.item_rest.items():
            print(f"  {item:<34} {'-' if r is None else f'{r:+.2f}'}", file=out)
    share = found.agreement.share
    print(
        _("Short and full form agree for {agreeing} of {clients} clients ({share}).").format(
            agreeing=found.agreement.agreeing,
            clients=found.agreement.clients,
            share="-" if share is None else f"{share:.0%}",
        ),
        file=out,
    )
    for line in said:
        print(_("Warning: {warning}").format(warning=line), file=out)
    return EXIT_OK


def sessions(workspace: Workspace, ref: str | None, as_json: bool, out: TextIO, err: TextIO) -> int:
    from rolefit.store import local_time

    client_id = client_id_of(workspace, ref)
    listed = workspace.json_data(client_id)
    if as_json:
        json.dump(listed, out, indent=2, ensure_ascii=False)
        out.write("\n")
    else:
        if not listed:
            print(_("No sessions in the workspace."), file=out)
        for session in listed:
            verdict = (
                session["result"]["summary"].split(". ")[0]
                if session["result"]
                else _("(not finished)")
                if session["status"] != "completed"
                else _("(result cannot be shown)")
            )
            print(
                f"#{session['id']} {local_time(session['started'])} {session['client']}"
                f" {session['form']:<5} {len(session['answers']):>3}: {verdict}",
                file=out,
            )
    problems = [(s["id"], s["problem"]) for s in listed if s.get("problem")]
    for session_id, problem in problems:
        print(f"session #{session_id}: {problem}", file=err)
    return EXIT_BAD_INPUT if problems else EXIT_OK


def report(workspace: Workspace, args: argparse.Namespace, out: TextIO) -> int:
    ids: list[int] = list(args.session or [])
    if args.client is not None:
        client = workspace.require_client(args.client)
        ids += [r.id for r in workspace.history(client.id) if r.status == "completed"]
    if not ids:
        raise CommandError(_("There is no completed session to print."))
    parts = workspace.summary_parts(list(dict.fromkeys(ids)))
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no window is ever shown
    from PySide6.QtGui import QGuiApplication

    from rolefit.report import session_summary, write_pdfs
    from rolefit.report.summary import named_page_size

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    contents = [session_summary(p, args.counsellor_copy) for p in parts]
    write_pdfs(args.output, contents, named_page_size(args.page))
    print(
        ngettext(
            "{file}: {n} summary, one page each.",
            "{file}: {n} summaries, one page each.",
            len(parts),
        ).format(file=args.output, n=len(parts)),
        file=out,
    )
    return EXIT_OK
