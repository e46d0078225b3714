"""One window per data folder, and a way for a second one to bring the first forward.

Two windows on one folder would overwrite each other's answers, so the first RoleFit to
open a folder holds its lock (rolefit.store.lock) and listens on a local socket named
after the folder; a second one says that RoleFit is already open there and can ask the
first, through that socket, to come to the front.

On Linux the socket is a Unix socket in the abstract namespace (nothing on disk, gone
when the process ends, so a killed RoleFit leaves nothing stale), read through a
QSocketNotifier; elsewhere Qt's QLocalServer. (QtNetwork costs 3.4 MiB at every start;
Python's socket module 0.8 MiB: see docs/performance.md.)
"""

from __future__ import annotations

import contextlib
import os
import socket
import sys
from pathlib import Path

from PySide6.QtCore import QObject, QSocketNotifier
from PySide6.QtWidgets import QWidget

RAISE = b"raise\n"
ABSTRACT = sys.platform.startswith("linux")


def socket_name(folder: Path) -> str:
    """A name for the folder's socket: the same for every RoleFit of one user and folder.

    (A checksum, not hashlib: that loads OpenSSL, 4 MiB, for a name.)
    """
    import zlib

    path = str(folder.resolve()).encode("utf-8", "surrogatepass")
    user = os.getuid() if hasattr(os, "getuid") else 0
    return f"rolefit-{user}-{zlib.crc32(path):08x}-{zlib.adler32(path):08x}"


class Listener(QObject):
    """Brings ``window`` to the front when a second RoleFit on the same folder asks."""

    def __init__(self, window: QWidget, folder: Path) -> None:
        super().__init__(window)
        self._window = window
        self._socket: socket.socket | None = None
        self._server: QObject | None = None
        name = socket_name(folder)
        if ABSTRACT:
            self._listen_abstract(name)
        else:  # pragma: no cover - RoleFit is tested on Linux
            self._listen_qt(name)

    @property
    def listening(self) -> bool:
        return self._socket is not None or self._server is not None

    def _listen_abstract(self, name: str) -> None:
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            listener.bind("\0" + name)
            listener.listen(4)
        except OSError:  # held by a RoleFit without the lock: nothing to bring forward
            listener.close()
            return
        listener.setblocking(False)
        self._socket = listener
        self._notifier = QSocketNotifier(listener.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._accept)

    def close(self) -> None:
        """Stop listening (the window is closing)."""
        if self._socket is not None:
            self._notifier.setEnabled(False)
            self._socket.close()
            self._socket = None

    def _accept(self) -> None:
        assert self._socket is not None
        with contextlib.suppress(OSError):
            connection, _address = self._socket.accept()
            with connection:
                connection.settimeout(1.0)
                if connection.recv(16).startswith(RAISE.strip()):
                    self.bring_up()

    def _listen_qt(self, name: str) -> None:  # pragma: no cover - not Linux
        from PySide6.QtNetwork import QLocalServer

        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        QLocalServer.removeServer(name)  # a socket left by a RoleFit that was killed
        if server.listen(name):
            self._server = server

            def read() -> None:
                while (peer := server.nextPendingConnection()) is not None:
                    peer.waitForReadyRead(1000)
                    if bytes(peer.readAll().data()).startswith(RAISE.strip()):
                        self.bring_up()
                    peer.disconnectFromServer()

            server.newConnection.connect(read)

    def bring_up(self) -> None:
        self._window.showNormal()
        self._window.raise_()
        self._window.activateWindow()


def bring_forward(folder: Path, timeout: float = 2.0) -> bool:
    """Ask the RoleFit that has ``folder`` open to come to the front; True if it heard."""
    name = socket_name(folder)
    if not ABSTRACT:  # pragma: no cover - not Linux
        from PySide6.QtNetwork import QLocalSocket

        local = QLocalSocket()
        local.connectToServer(name)
        if not local.waitForConnected(round(timeout * 1000)):
            return False
        local.write(RAISE)
        sent = local.waitForBytesWritten(round(timeout * 1000))
        local.disconnectFromServer()
        return sent
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as peer:
            peer.settimeout(timeout)
            peer.connect("\0" + name)
            peer.sendall(RAISE)
    except OSError:
        return False
    return True
