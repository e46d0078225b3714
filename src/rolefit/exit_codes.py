"""The ``rolefit`` command's exit codes (a contract: scripts rely on them)."""

EXIT_OK = 0  # success
EXIT_BAD_INPUT = 1  # bad input, explained on stderr
EXIT_USAGE = 2  # wrong usage (argparse's own code)
