"""Where RoleFit keeps its data: --data-dir, then $ROLEFIT_DATA_DIR, then the platform's."""

from __future__ import annotations

import os
from pathlib import Path

ENV_DATA_DIR = "ROLEFIT_DATA_DIR"


def data_dir(explicit: Path | None = None) -> Path:
    if explicit is not None:
        return explicit
    from_env = os.environ.get(ENV_DATA_DIR)
    if from_env:
        return Path(from_env)
    # QtCore only (no GUI): the platform's app-data folder, e.g. ~/.local/share/RoleFit/RoleFit.
    from PySide6.QtCore import QCoreApplication, QStandardPaths

    QCoreApplication.setOrganizationName("RoleFit")
    QCoreApplication.setApplicationName("RoleFit")
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(location) if location else Path.home() / ".rolefit"
