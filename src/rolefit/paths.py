"""Where RoleFit keeps its data: --data-dir, then $ROLEFIT_DATA_DIR, then the platform's."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

ENV_DATA_DIR = "ROLEFIT_DATA_DIR"
# A counsellor's encrypted workspace, beside the individual's rolefit.db (rolefit.workspace).
WORKSPACE_FILENAME = "workspace.db"


def installed_folder(package: str) -> Path:
    """The folder of one of RoleFit's data packages (``rolefit.questions``, ``.resources``).

    Found through the import system, so it works in editable installs too. Not
    ``importlib.resources``: importing that costs 3 ms at every start, and PySide6 cannot
    run from a zip file anyway, so the data is always in a real folder.
    """
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError(f"RoleFit is incompletely installed: no {package}")
    return Path(next(iter(spec.submodule_search_locations)))


def _chosen(explicit: Path | None) -> Path | None:
    if explicit is not None:
        return explicit
    from_env = os.environ.get(ENV_DATA_DIR)
    return Path(from_env) if from_env else None


def _platform(kind: str, fallback: Path) -> Path:
    # QtCore only (no GUI): the platform's folders, e.g. ~/.local/share/RoleFit/RoleFit.
    from PySide6.QtCore import QCoreApplication, QStandardPaths

    QCoreApplication.setOrganizationName("RoleFit")
    QCoreApplication.setApplicationName("RoleFit")
    location = QStandardPaths.writableLocation(getattr(QStandardPaths.StandardLocation, kind))
    return Path(location) if location else fallback


def data_dir(explicit: Path | None = None) -> Path:
    chosen = _chosen(explicit)
    if chosen is not None:
        return chosen
    return _platform("AppDataLocation", Path.home() / ".rolefit")
