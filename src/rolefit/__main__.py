"""``python -m rolefit``: the same as the ``rolefit`` command (see rolefit.cli)."""

import sys

from rolefit.cli import main

if __name__ == "__main__":
    sys.exit(main())
