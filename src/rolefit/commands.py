"""The ``rolefit`` subcommands: validate, inspect, score, report and sessions.

The counsellor workspace's (workspace, clients, import, export, backup, restore, stats,
and report and sessions of a workspace) are in ``rolefit.workspace_commands``.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TextIO

from rolefit.bank import Bank, BankError, ChoiceItem, load_default_bank, shipped_bank_paths
from rolefit.exit_codes import EXIT_BAD_INPUT, EXIT_OK, EXIT_USAGE

if TYPE_CHECKING:
    from rolefit.scoring import Answers, AnswersError, Result
    from rolefit.store import SessionRecord, Store


def run_command(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run the subcommand ``args.command`` (as read by ``rolefit.cli.build_parser``)."""
    if args.command == "validate":
        return cmd_validate(args.files, out, err)
    if args.command == "inspect":
        return cmd_inspect(args.bank, args.json, out, err)
    if args.command == "score":
        return cmd_score(args.answers, args.bank, args.json, out, err)
    if args.command == "report":
        return _report(args, out, err)
    if args.command == "schema":
        return cmd_schema(out)
    if args.command == "sessions":
        return _sessions(args, out, err)
    if args.command in WORKSPACE_COMMANDS:
        from rolefit.workspace_commands import run_workspace_command

        return run_workspace_command(args, out, err)
    raise ValueError(f"unknown command {args.command!r}")


WORKSPACE_COMMANDS = ("workspace", "clients", "import", "export", "backup", "restore", "stats")


def _report(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """One answers file's summary, or (with no file) summaries of workspace sessions."""
    from rolefit.workspace_commands import report_usage_problem, run_workspace_command

    problem = report_usage_problem(args)
    if problem is not None:
        print(f"rolefit report: {problem}", file=err)
        return EXIT_USAGE
    if args.answers is None:
        return run_workspace_command(args, out, err)
    return cmd_report(args, out, err)


def _sessions(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """The individual's sessions, or those of the workspace in the data folder."""
    from rolefit.paths import data_dir
    from rolefit.workspace_commands import has_workspace, run_workspace_command

    if not args.individual and (args.client or has_workspace(data_dir(args.data_dir))):
        return run_workspace_command(args, out, err)
    return cmd_sessions(args.data_dir, args.json, out, err)


def _load(bank_path: Path | None) -> Bank:
    from rolefit.bank.loader import load_bank  # PyYAML: not needed to open the window

    return load_default_bank() if bank_path is None else load_bank(bank_path)


def _print_json(data: object, out: TextIO) -> None:
    import json  # not needed to open the window

    json.dump(data, out, indent=2, ensure_ascii=False)
    out.write("\n")


def _print_problems(error: BankError | AnswersError, err: TextIO) -> None:
    lines = error.lines() if isinstance(error, BankError) else error.problems
    for line in lines:
        print(line, file=err)


def cmd_validate(files: list[Path], out: TextIO, err: TextIO) -> int:
    from rolefit.bank.loader import load_bank

    paths = files or shipped_bank_paths()
    failed = False
    for path in paths:
        try:
            bank = load_bank(path)
        except BankError as error:
            failed = True
            _print_problems(error, err)
            continue
        print(
            f"{path}: valid ({bank.id} {bank.version}, {len(bank.items)} items, "
            f"forms: {', '.join(f'{k} {len(v)}' for k, v in bank.forms.items())})",
            file=out,
        )
    return EXIT_BAD_INPUT if failed else EXIT_OK


def cmd_schema(out: TextIO) -> int:
    from rolefit.bank.schema import schema_text

    out.write(schema_text())
    return EXIT_OK


def cmd_inspect(bank_path: Path | None, as_json: bool, out: TextIO, err: TextIO) -> int:
    try:
        bank = _load(bank_path)
    except BankError as error:
        _print_problems(error, err)
        return EXIT_BAD_INPUT
    if as_json:
        from rolefit.bank.normal import bank_to_json

        _print_json(bank_to_json(bank), out)
        return EXIT_OK
    print(f"{bank.title}  ({bank.id} {bank.version}, {bank.source})", file=out)
    print("\nRoles:", file=out)
    for role in bank.roles:
        tasks = sum(1 for t in bank.tasks if role.id in t.roles)
        print(f"  {role.id:<12} {role.title} ({role.profile}, {tasks} tasks)", file=out)
    print("\nForms:", file=out)
    for name, ids in bank.forms.items():
        print(f"  {name:<12} {len(ids)} items", file=out)
    print("\nItems:", file=out)
    for item in bank.items:
        kind = (
            "choice"
            if isinstance(item, ChoiceItem)
            else ("likert, reversed" if item.reverse else "likert")
        )
        print(f"  {item.id:<34} {kind:<17} {', '.join(item.tasks)}", file=out)
    return EXIT_OK


def cmd_score(
    paths: list[str],
    bank_path: Path | None,
    as_json: bool,
    out: TextIO,
    err: TextIO,
    stdin: TextIO | None = None,
) -> int:
    """Score answers files; several (or ``-``, JSON Lines on stdin) give one result a line."""
    import json

    from rolefit.wording import result_json, result_text

    try:
        bank = _load(bank_path)
    except BankError as error:
        _print_problems(error, err)
        return EXIT_BAD_INPUT
    batch = len(paths) > 1 or paths[0] == "-"
    failed = False
    for source in _sources(paths, stdin if stdin is not None else sys.stdin):
        scored = _score_source(bank, source, err)
        if isinstance(scored, list):
            failed = True
            _print_lines(scored, err)
            if batch and as_json:
                where = {"line": source.line} if source.line else {"file": source.name}
                failure = {**where, "error": "; ".join(scored)}
                out.write(json.dumps(failure, ensure_ascii=False) + "\n")
            elif batch:
                out.write(f"== {source.where}: not scored, see the errors ==\n\n")
        elif batch and as_json:
            out.write(json.dumps(result_json(bank, scored.result), ensure_ascii=False) + "\n")
        elif as_json:
            _print_json(result_json(bank, scored.result), out)
        elif batch:
            out.write(f"== {source.where} ==\n{result_text(bank, scored.result)}\n")
        else:
            out.write(result_text(bank, scored.result))
    return EXIT_BAD_INPUT if failed else EXIT_OK


class _Source(NamedTuple):
    """One answers set to score: a file (line None) or a line of standard input."""

    name: str
    line: int | None = None
    text: str | None = None  # a line's text; a file is read when it is scored
    problem: str | None = None  # why a line could not even be read

    @property
    def where(self) -> str:
        return self.name if self.line is None else f"{self.name}:{self.line}"


def _sources(paths: list[str], stdin: TextIO) -> Iterator[_Source]:
    for path in paths:
        if path == "-":
            yield from _stdin_lines(stdin)
        else:
            yield _Source(path)


def _stdin_lines(stdin: TextIO) -> Iterator[_Source]:
    """Each line of standard input, read in bytes where possible so none can be huge."""
    from rolefit.scoring.answers import MAX_ANSWERS_BYTES

    name = "<stdin>"
    raw = getattr(stdin, "buffer", None)
    number = 0
    while True:
        line = raw.readline(MAX_ANSWERS_BYTES + 1) if raw is not None else stdin.readline()
        if not line:
            return
        number += 1
        if isinstance(line, bytes):
            if len(line) > MAX_ANSWERS_BYTES:
                while line and not line.endswith(b"\n"):
                    assert raw is not None
                    line = raw.readline(MAX_ANSWERS_BYTES)
                yield _Source(name, number, problem="the line is longer than 2 MiB")
                continue
            try:
                line = line.decode("utf-8")
            except UnicodeDecodeError as error:
                yield _Source(name, number, problem=f"not UTF-8 text (byte {error.start + 1})")
                continue
        yield _Source(name, number, line.lstrip("\ufeff") if number == 1 else line)


class _Scored(NamedTuple):
    answers: Answers
    result: Result


def _score_source(bank: Bank, source: _Source, err: TextIO) -> _Scored | list[str]:
    """The result of one answers file or line, or the problems that stopped it."""
    from rolefit.scoring import (
        AnswersError,
        ScoringError,
        load_answers,
        loads_answers,
        score_answers,
    )

    if source.problem is not None:
        return [f"{source.where}: {source.problem}"]
    try:
        if source.text is None:
            answers = load_answers(source.name, bank)
        else:
            answers = loads_answers(source.text, bank, source.name, source.line)
        result = score_answers(bank, answers)
    except AnswersError as error:
        return error.problems
    except ScoringError as error:
        return [f"{source.where}: {error}"]
    if answers.bank_version is not None and answers.bank_version != bank.version:
        print(
            f"{source.where}: note: answered on version {answers.bank_version} of the bank, "
            f"scored with version {bank.version}",
            file=err,
        )
    return _Scored(answers, result)


def _print_lines(lines: list[str], err: TextIO) -> None:
    for line in lines:
        print(line, file=err)


def _same_file(first: Path, second: Path) -> bool:
    """Whether two paths name one file (through links too), or would once written."""
    try:
        return first.exists() and second.exists() and first.samefile(second)
    except OSError:
        return first.resolve() == second.resolve()


def _score_file(
    answers_path: Path, bank_path: Path | None, err: TextIO
) -> tuple[Bank, _Scored] | None:
    """Load, check and score one file; on bad input print why and return None."""
    try:
        bank = _load(bank_path)
    except BankError as error:
        _print_problems(error, err)
        return None
    scored = _score_source(bank, _Source(str(answers_path)), err)
    if isinstance(scored, list):
        _print_lines(scored, err)
        return None
    return bank, scored


def cmd_report(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if _same_file(args.output, args.answers):
        print(
            f"{args.output}: this is the answers file itself; "
            "choose another name for the PDF (nothing was written)",
            file=err,
        )
        return EXIT_BAD_INPUT
    scored = _score_file(args.answers, args.bank, err)
    if scored is None:
        return EXIT_BAD_INPUT
    bank, (answers, result) = scored
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no window is ever shown
    from PySide6.QtGui import QGuiApplication, QPageSize

    from rolefit.report import SummaryContent, write_pdf

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    page = None
    if args.page:
        page = QPageSize(
            QPageSize.PageSizeId.A4 if args.page == "a4" else QPageSize.PageSizeId.Letter
        )
    try:
        # --name wins over the name the answers file carries.
        name = " ".join(args.name.split()) or answers.name
        write_pdf(args.output, SummaryContent(bank, result, name), page)
    except OSError as error:
        print(f"{args.output}: cannot write the PDF: {error.strerror or error}", file=err)
        return EXIT_BAD_INPUT
    from rolefit.wording import result_words

    print(f"{args.output}: {result_words(bank, result).summary}", file=out)
    return EXIT_OK


class _Rendered(NamedTuple):
    """A stored session's result, ready to put into words, or why it cannot be."""

    bank: Bank | None
    result: Result | None
    problem: str | None


def _render(store: Store, record: SessionRecord, shipped: Callable[[], Bank]) -> _Rendered:
    """The result of ``record`` with the bank the session was taken with.

    A session keeps its bank; only one migrated from a RoleFit that did not (and whose
    bank is unknown) is read with the bank RoleFit ships.
    """
    from rolefit.scoring import Result
    from rolefit.store import StoreError
    from rolefit.wording import result_words

    problem = record.problem
    if record.result is None:
        return _Rendered(None, None, problem)
    try:
        bank = store.bank(record.bank_hash) or shipped()
        result = Result.from_record(record.result)
        result_words(bank, result)  # every word it needs is in this bank
    except (StoreError, BankError, ValueError, KeyError) as error:
        reason = f"its result cannot be shown: {error}"
        return _Rendered(None, None, f"{problem}; {reason}" if problem else reason)
    return _Rendered(bank, result, problem)


def _verdict(rendered: _Rendered) -> str:
    """A stored result in words: its headline."""
    from rolefit.wording import result_words

    if rendered.result is None or rendered.bank is None:
        return "(result cannot be shown)"
    return result_words(rendered.bank, rendered.result).headline


def cmd_sessions(data: Path | None, as_json: bool, out: TextIO, err: TextIO) -> int:
    from rolefit.paths import data_dir
    from rolefit.store import StoreError, local_time, read_store

    folder = data_dir(data)
    shipped: list[Bank] = []

    def shipped_bank() -> Bank:
        if not shipped:
            shipped.append(load_default_bank())
        return shipped[0]

    try:
        store = read_store(folder)
        if store is None:
            listed = []
        else:
            with store:
                listed = [(r, _render(store, r, shipped_bank)) for r in store.sessions()]
    except StoreError as error:
        print(f"cannot read the stored sessions: {error}", file=err)
        return EXIT_BAD_INPUT
    if as_json:
        _print_json([_session_json(r, rendered) for r, rendered in listed], out)
    else:
        if not listed:
            print(f"No sessions stored in {folder}.", file=out)
        for record, rendered in listed:
            verdict = _verdict(rendered) if record.status == "completed" else "(not finished)"
            who = f" {record.name}" if record.name else ""
            print(
                f"#{record.id} {local_time(record.started)} {record.status:<11} "
                f"{record.form:<5} {len(record.answers):>3} answers{who}: {verdict}",
                file=out,
            )
    problems = [(r.id, rendered.problem) for r, rendered in listed if rendered.problem]
    for session_id, problem in problems:
        print(f"session #{session_id}: {problem}", file=err)
    return EXIT_BAD_INPUT if problems else EXIT_OK


def _session_json(record: SessionRecord, rendered: _Rendered) -> dict[str, Any]:
    """The ``rolefit sessions --json`` shape: the stored result in words, as score --json."""
    from rolefit.wording import result_json

    data = record.to_json()
    if rendered.result is not None and rendered.bank is not None:
        data["result"] = result_json(rendered.bank, rendered.result)
    else:
        data["result"] = None
    if rendered.problem is not None:
        data["problem"] = rendered.problem
    return data
