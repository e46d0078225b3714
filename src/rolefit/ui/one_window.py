"""One window per data folder, and a way for a second one to bring the first forward.

Two windows on one folder would overwrite each other's answers, so the first RoleFit to
open a folder holds its lock (rolefit.store.lock) and listens on a local socket named
after the folder; a second one says that RoleFit is already open there and can ask the
first, through that socket, to come to the front.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

RAISE = b"raise\n"


def socket_name(folder: Path) -> str:
    """A name for the folder's socket: the same for every RoleFit of one user and folder."""
    key = f"{os.getuid() if hasattr(os, 'getuid') else ''}:{folder.resolve()}"
    return "rolefit-" + hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:24]


class Listener(QObject):
    """Brings ``window`` to the front when a second RoleFit on the same folder asks."""

    def __init__(self, window: QWidget, folder: Path) -> None:
        super().__init__(window)
        self._window = window
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        name = socket_name(folder)
        QLocalServer.removeServer(name)  # a socket left by a RoleFit that was killed
        self._server.listen(name)
        self._server.newConnection.connect(self._connected)

    @property
    def listening(self) -> bool:
        return self._server.isListening()

    def _connected(self) -> None:
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(RAISE.strip()):
            self._window.showNormal()
            self._window.raise_()
            self._window.activateWindow()
        socket.disconnectFromServer()


def bring_forward(folder: Path, timeout_ms: int = 2000) -> bool:
    """Ask the RoleFit that has ``folder`` open to come to the front; True if it heard."""
    socket = QLocalSocket()
    socket.connectToServer(socket_name(folder))
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(RAISE)
    sent = socket.waitForBytesWritten(timeout_ms)
    socket.disconnectFromServer()
    return sent
