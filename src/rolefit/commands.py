"""The ``rolefit`` subcommands: validate, inspect, score, report and sessions."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from rolefit import __version__
from rolefit.bank import Bank, BankError, ChoiceItem, load_default_bank, shipped_bank_paths
from rolefit.cli import EXIT_BAD_INPUT, EXIT_OK, global_options

if TYPE_CHECKING:
    from rolefit.scoring import Answers, AnswersError, Result

MAIN_EXAMPLES = """\
examples:
  rolefit                                 start the questionnaire window
  rolefit validate questions/my-bank.yaml check a question bank you edited
  rolefit inspect --json                  the shipped bank as JSON, for other tools
  rolefit score answers.json              score a saved answers file
  rolefit report answers.json -o me.pdf   the one-page summary as PDF, without a window
  rolefit sessions --json                 the questionnaires stored on this computer
  rolefit schema > bank.schema.json       the JSON Schema of bank files, for editors
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rolefit",
        description="Find out whether operations, business or general management fits you. "
        "With no subcommand, the questionnaire window opens.",
        epilog=MAIN_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        parents=[global_options()],
    )
    parser.add_argument("--version", action="version", version=f"rolefit {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    validate = commands.add_parser(
        "validate",
        help="check question bank files and list every problem",
        description="Check question banks. Prints every problem as FILE:LINE:COLUMN: message "
        "and exits 1 if there is any; exits 0 when all files are valid.",
        epilog="examples:\n  rolefit validate\n  rolefit validate questions/management.yaml "
        "my-bank.yaml",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    validate.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        type=Path,
        help="bank files to check (default: the shipped banks)",
    )

    inspect = commands.add_parser(
        "inspect",
        help="show a bank's roles, forms and items",
        description="Show a question bank, normalised. With --json, prints the machine-readable "
        "form other tools rely on.",
        epilog="examples:\n  rolefit inspect\n  rolefit inspect --bank my-bank.yaml --json",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    inspect.add_argument(
        "--bank",
        metavar="FILE",
        type=Path,
        default=argparse.SUPPRESS,
        help="question bank (default: the shipped bank)",
    )
    inspect.add_argument("--json", action="store_true", help="print JSON")

    score = commands.add_parser(
        "score",
        help="score an answers file",
        description="Score a JSON answers file against a bank and explain the result.",
        epilog='answers file: {"form": "full", "answers": {"production-floor": 4, '
        '"week-run-or-report": "production-run"}}\n\nexamples:\n  rolefit score answers.json\n'
        "  rolefit score answers.json --json",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    score.add_argument("answers", metavar="ANSWERS.json", type=Path, help="the answers file")
    score.add_argument(
        "--bank",
        metavar="FILE",
        type=Path,
        default=argparse.SUPPRESS,
        help="question bank (default: the shipped bank)",
    )
    score.add_argument("--json", action="store_true", help="print the result as JSON")

    report = commands.add_parser(
        "report",
        help="write the one-page summary PDF for an answers file",
        description="Score an answers file and write the same one-page PDF summary the app "
        "prints, without opening a window.",
        epilog="examples:\n  rolefit report answers.json -o summary.pdf\n"
        "  rolefit report answers.json -o summary.pdf --name 'Ada Lovelace'",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    report.add_argument("answers", metavar="ANSWERS.json", type=Path, help="the answers file")
    report.add_argument(
        "-o", "--output", metavar="OUT.pdf", type=Path, required=True, help="the PDF to write"
    )
    report.add_argument("--name", default="", help="name to print on the summary")
    report.add_argument(
        "--bank",
        metavar="FILE",
        type=Path,
        default=argparse.SUPPRESS,
        help="question bank (default: the shipped bank)",
    )
    report.add_argument(
        "--page", choices=("a4", "letter"), help="paper size (default: from the locale)"
    )

    sessions = commands.add_parser(
        "sessions",
        help="list the questionnaires stored on this computer",
        description="List stored sessions (in progress and completed) with their answers and "
        "results. Reads the database without changing it.",
        epilog="examples:\n  rolefit sessions\n  rolefit sessions --data-dir /tmp/rf --json",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sessions.add_argument(
        "--data-dir",
        metavar="DIR",
        type=Path,
        default=argparse.SUPPRESS,
        help="where answers are stored",
    )
    sessions.add_argument("--json", action="store_true", help="print JSON")

    commands.add_parser(
        "schema",
        help="print the JSON Schema of question bank files",
        description="Print the JSON Schema (draft 2020-12) that editors use to complete and "
        "check a question bank; questions/bank.schema.json is the same text.",
        epilog="examples:\n  rolefit schema > bank.schema.json",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    return parser


def run_command(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run the subcommand ``args.command`` (as read by ``build_parser``)."""
    if args.command == "validate":
        return cmd_validate(args.files, out, err)
    if args.command == "inspect":
        return cmd_inspect(args.bank, args.json, out, err)
    if args.command == "score":
        return cmd_score(args.answers, args.bank, args.json, out, err)
    if args.command == "report":
        return cmd_report(args, out, err)
    if args.command == "sessions":
        return cmd_sessions(args.data_dir, args.json, out, err)
    if args.command == "schema":
        return cmd_schema(out)
    raise ValueError(f"unknown command {args.command!r}")


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
    answers_path: Path, bank_path: Path | None, as_json: bool, out: TextIO, err: TextIO
) -> int:
    scored = _score_file(answers_path, bank_path, err)
    if scored is None:
        return EXIT_BAD_INPUT
    bank, result, _answers = scored
    if as_json:
        _print_json(result.to_json(), out)
    else:
        out.write(format_result(bank, result))
    return EXIT_OK


def format_result(bank: Bank, result: Result) -> str:
    """A plain-text summary of a result for the terminal."""
    lines = [result.summary, ""]
    for role in bank.roles:
        value = result.fit[role.id]
        bar = "#" * round(value / 5)
        lines.append(f"  {role.title:<24} {value:5.1f}  {bar}")
    lines.append("")
    lines.append(
        f"Answered {result.answered} of {result.total} questions ({result.form} form, "
        f"bank {result.bank_id} {result.bank_version})."
    )
    for flag in result.flags:
        lines.append(f"Note ({flag.code}): {flag.message}")
    for role in bank.roles:
        reasons = result.reasons_for(role.id)
        if not reasons:
            continue
        lines.append("")
        lines.append(f"What moved {role.title.lower()}:")
        for reason in reasons:
            lines.append(f"  {reason.effect:+5.1f}  {reason.text}")
    for note in result.notes:
        lines.append("")
        lines.append(note)
    return "\n".join(lines) + "\n"


def _score_file(
    answers_path: Path, bank_path: Path | None, err: TextIO
) -> tuple[Bank, Result, Answers] | None:
    """Load, check and score; on bad input print why and return None."""
    from rolefit.scoring import AnswersError, ScoringError, load_answers, score_answers

    try:
        bank = _load(bank_path)
        answers = load_answers(answers_path, bank)
        result = score_answers(bank, answers)
    except (BankError, AnswersError) as error:
        _print_problems(error, err)
        return None
    except ScoringError as error:
        print(f"{answers_path}: {error}", file=err)
        return None
    if answers.bank_version is not None and answers.bank_version != bank.version:
        print(
            f"{answers_path}: note: answered on version {answers.bank_version} of the bank, "
            f"scored with version {bank.version}",
            file=err,
        )
    return bank, result, answers


def cmd_report(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    scored = _score_file(args.answers, args.bank, err)
    if scored is None:
        return EXIT_BAD_INPUT
    bank, result, _answers = scored
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
        write_pdf(args.output, SummaryContent(bank, result, args.name), page)
    except OSError as error:
        print(f"{args.output}: cannot write the PDF: {error.strerror or error}", file=err)
        return EXIT_BAD_INPUT
    print(f"{args.output}: {result.summary}", file=out)
    return EXIT_OK


def cmd_sessions(data: Path | None, as_json: bool, out: TextIO, err: TextIO) -> int:
    from rolefit.paths import data_dir
    from rolefit.store import StoreError, read_sessions

    folder = data_dir(data)
    try:
        records = read_sessions(folder)
    except StoreError as error:
        print(f"cannot read the stored sessions: {error}", file=err)
        return EXIT_BAD_INPUT
    if as_json:
        _print_json([r.to_json() for r in records], out)
        return EXIT_OK
    if not records:
        print(f"No sessions stored in {folder}.", file=out)
    for record in records:
        verdict = record.result["summary"] if record.result else "(not finished)"
        who = f" {record.name}" if record.name else ""
        print(
            f"#{record.id} {record.started[:16]} {record.status:<11} {record.form:<5} "
            f"{len(record.answers):>3} answers{who}: {verdict}",
            file=out,
        )
    return EXIT_OK
