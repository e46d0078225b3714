"""The ``rolefit`` command line: no subcommand opens the window; subcommands need none.

The parser is built here; the subcommands themselves are in ``rolefit.commands``, which
is imported only when one is asked for (it never imports this module).

Exit codes: 0 success, 1 bad input (the reason on stderr), 2 wrong usage.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from rolefit import __version__
from rolefit.exit_codes import EXIT_BAD_INPUT, EXIT_OK

MAIN_EXAMPLES = """\
examples:
  rolefit                                 start the questionnaire window
  rolefit validate questions/my-bank.yaml check a question bank you edited
  rolefit inspect --json                  the shipped bank as JSON, for other tools
  rolefit score answers.json              score a saved answers file
  rolefit score --json a.json b.json      score several, one JSON result per line
  rolefit report answers.json -o me.pdf   the one-page summary as PDF, without a window
  rolefit sessions --json                 the questionnaires stored on this computer
  rolefit schema > bank.schema.json       the JSON Schema of bank files, for editors

a counsellor's workspace (encrypted; the passcode is asked, or read from ROLEFIT_PASSCODE):
  rolefit workspace init --data-dir DIR --counsellor NAME     create it
  rolefit clients add --data-dir DIR C-0042 --name NAME       add a client
  rolefit import --data-dir DIR --client C-0042 answers.json  answers as sessions
  rolefit export --data-dir DIR --csv -o sessions.csv         every session, one row each
  rolefit report --data-dir DIR --client C-0042 -o c42.pdf    their summaries, one PDF
  rolefit backup --data-dir DIR backup.rfw                    one file, still encrypted
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rolefit",
        description="Find out whether operations, business or general management fits you. "
        "With no subcommand, the questionnaire window opens.",
        epilog=MAIN_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--bank",
        metavar="FILE",
        type=Path,
        help="question bank to use (default: the shipped management bank)",
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        type=Path,
        help="where answers are stored (default: $ROLEFIT_DATA_DIR, else the platform's "
        "app-data folder)",
    )
    parser.add_argument(
        "--open",
        metavar="ANSWERS.json",
        type=Path,
        help="open the window on the result of a saved answers file",
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
        help="score answers files",
        description="Score JSON answers files against a bank and explain each result. With "
        "several files, or - for JSON Lines on standard input (one answers object per line), "
        "--json prints one result per line, in order; a file or line that cannot be scored "
        'gives {"file": ..., "error": ...} or {"line": N, "error": ...} in its place, and the '
        "exit code is 1 at the end.",
        epilog='answers file: {"form": "full", "answers": {"production-floor": 4, '
        '"project-to-lead": "faster-delivery"}}\n\nexamples:\n  rolefit score answers.json\n'
        "  rolefit score answers.json --json\n"
        "  rolefit score --json group/*.json > results.jsonl\n"
        "  rolefit score --json - < answers.jsonl > results.jsonl",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    score.add_argument(
        "answers",
        metavar="ANSWERS.json",
        nargs="+",
        help="answers files; - reads JSON Lines from standard input",
    )
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
        help="write the one-page summary PDF for an answers file, or workspace sessions",
        description="Score an answers file and write the same one-page PDF summary the app "
        "prints, without opening a window. Without an answers file, print sessions of a "
        "counsellor workspace (--data-dir with --client or --session), one page each, in one "
        "PDF; the passcode is asked on a terminal, else read from ROLEFIT_PASSCODE.",
        epilog="examples:\n  rolefit report answers.json -o summary.pdf\n"
        "  rolefit report answers.json -o summary.pdf --name 'Ada Lovelace'\n"
        "  rolefit report --data-dir ~/rolefit --client C-0042 -o c42.pdf\n"
        "  rolefit report --data-dir ~/rolefit --session 12 --session 15 --counsellor-copy "
        "-o copy.pdf",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    report.add_argument(
        "answers", metavar="ANSWERS.json", type=Path, nargs="?", help="the answers file"
    )
    report.add_argument(
        "--data-dir",
        metavar="DIR",
        type=Path,
        default=argparse.SUPPRESS,
        help="the data folder of the workspace whose sessions to print",
    )
    report.add_argument(
        "--client", metavar="REF", help="print every completed session of this client"
    )
    report.add_argument(
        "--session",
        metavar="ID",
        type=int,
        action="append",
        help="print this workspace session (repeat for several)",
    )
    report.add_argument(
        "--counsellor-copy",
        action="store_true",
        help="add the validity section (answers per scale point, the checks and flags)",
    )
    report.add_argument(
        "-o", "--output", metavar="OUT.pdf", type=Path, required=True, help="the PDF to write"
    )
    report.add_argument(
        "--name", default="", help='name to print on the summary (default: the file\'s "name")'
    )
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
        "results. Reads the database without changing it. In a data folder with a counsellor "
        'workspace, lists the workspace\'s sessions, each with "client" (the passcode is asked '
        "on a terminal, else read from ROLEFIT_PASSCODE); --individual lists the "
        "individual's own.",
        epilog="examples:\n  rolefit sessions\n  rolefit sessions --data-dir /tmp/rf --json\n"
        "  rolefit sessions --data-dir ~/rolefit --json --client C-0042",
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
    which = sessions.add_mutually_exclusive_group()
    which.add_argument("--client", metavar="REF", help="only this workspace client's sessions")
    which.add_argument(
        "--individual",
        action="store_true",
        help="the individual's own sessions, even where there is a workspace",
    )

    from rolefit.cli_workspace import add_workspace_commands

    add_workspace_commands(commands)
    commands.add_parser(
        "schema",
        help="print the JSON Schema of question bank files",
        description="Print the JSON Schema (draft 2020-12) that editors use to complete and "
        "check a question bank; questions/bank.schema.json is the same text.",
        epilog="examples:\n  rolefit schema > bank.schema.json",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    return parser


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    return build_parser().parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        if args.command is not None:
            from rolefit.i18n import install

            install()  # the reader's language, for every word the commands print
            from rolefit.commands import run_command  # not needed to open the window

            return run_command(args, sys.stdout, sys.stderr)
        return run_gui(args.bank, args.data_dir, args.open)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # e.g. `rolefit inspect --json | head`
        return EXIT_OK
    except Exception as error:  # noqa: BLE001 - the contract is: no traceback, for any input
        # Expected bad input is reported above with its own message; reaching this is a bug.
        print(f"rolefit: internal error: {type(error).__name__}: {error}", file=sys.stderr)
        print(
            "rolefit: please report this, with the command and files that caused it",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT


def run_gui(bank_path: Path | None, data: Path | None, open_file: Path | None = None) -> int:
    from rolefit.app import run  # Qt is imported only when a window is wanted

    return run(bank_path, data, open_file)
