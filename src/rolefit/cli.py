"""The ``rolefit`` command: no subcommand starts the app; subcommands work without a window.

This module is all that opening the window needs of the command line; the subcommands
live in ``rolefit.commands``, imported only when one is asked for.

Exit codes: 0 success, 1 bad input (the reason on stderr), 2 wrong usage.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

EXIT_OK, EXIT_BAD_INPUT, EXIT_USAGE = 0, 1, 2


def global_options() -> argparse.ArgumentParser:
    """The options that come before any subcommand: all that opening the window needs."""
    parser = argparse.ArgumentParser(prog="rolefit", add_help=False)
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
    return parser


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The command line, as ``build_parser().parse_args(argv)`` reads it.

    The window's own options, spelled out in full, are read here: building even one
    argparse parser looks up translations of its texts on disk (3 ms of start-up, and
    5 ms for all the subcommands' parsers). Anything else (a subcommand, an abbreviation,
    --help, --version, a mistake) goes to the full parser.
    """
    words = list(sys.argv[1:] if argv is None else argv)
    window = _window_options(words)
    if window is not None:
        return window
    from rolefit.commands import build_parser

    return build_parser().parse_args(words)


_WINDOW_OPTIONS = {"--bank": "bank", "--data-dir": "data_dir"}


def _window_options(words: list[str]) -> argparse.Namespace | None:
    """The options when ``words`` are only ``--bank``/``--data-dir`` with plain values.

    None for anything argparse might read differently, so argparse decides those.
    """
    values: dict[str, Path | None] = dict.fromkeys(_WINDOW_OPTIONS.values())
    rest = iter(words)
    for word in rest:
        option, equals, value = word.partition("=")
        if option not in _WINDOW_OPTIONS:
            return None
        if not equals:
            value = next(rest, "")
        if not value or value.startswith("-"):
            return None
        values[_WINDOW_OPTIONS[option]] = Path(value)
    return argparse.Namespace(command=None, **values)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        if args.command is not None:
            from rolefit.commands import run_command  # not needed to open the window

            return run_command(args, sys.stdout, sys.stderr)
        return run_gui(args.bank, args.data_dir)
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


def run_gui(bank_path: Path | None, data: Path | None) -> int:
    from rolefit.app import run  # Qt is imported only when a window is wanted

    return run(bank_path, data)
