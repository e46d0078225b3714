"""Table models of the counsellor workspace: clients, a client's sessions, notes, numbers.

One model class over rows of any kind, with a function that turns a row into the texts of
its cells: a table of 2,000 clients is one list of tuples and one view, not 2,000 rows of
widgets. The rows come from ``rolefit.workspace.Workspace`` (one query per list); the
texts are made here, in the reader's language and local time.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from rolefit.i18n import _
from rolefit.ui.controllers.welcome import form_name, local_time
from rolefit.wording import confidence_name

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex


class RowsModel(QAbstractTableModel, Generic[Row]):
    """Rows shown as plain text, one column per header; ``cells(row)`` gives the texts."""

    def __init__(
        self,
        headers: Sequence[str],
        cells: Callable[[Row], Sequence[str]],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._cells = cells
        self._rows: list[Row] = []
        # A row's texts, made when first asked for: a view asks for each cell several times
        # (display, tooltip, measuring columns), and ``cells`` makes the whole row.
        self._texts: dict[int, Sequence[str]] = {}

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._texts = {}
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([])

    def rows(self) -> list[Row]:
        return list(self._rows)

    def row(self, number: int) -> Row:
        return self._rows[number]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            number = index.row()
            texts = self._texts.get(number)
            if texts is None:
                texts = self._texts[number] = self._cells(self._rows[number])
            return texts[index.column()]
        return None

    def headerData(  # noqa: N802 - Qt's name
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return str(section + 1)


def yes_no(value: bool) -> str:
    return _("yes") if value else _("no")


def number(value: float | None, places: int = 2) -> str:
    return "\u2013" if value is None else f"{value:.{places}f}"


# -- the rows of each table -------------------------------------------------------------------


def clients_model(parent: QObject | None = None) -> RowsModel[Any]:
    """Over ``rolefit.workspace.ClientRow``s."""

    def cells(client: Any) -> list[str]:
        return [
            client.ref,
            client.name,
            str(client.sessions),
            local_time(client.last_session) if client.last_session else "",
            _("archived") if client.archived else "",
        ]

    headers = [_("Reference"), _("Name"), _("Sessions"), _("Last session"), _("Archived")]
    return RowsModel(headers, cells, parent)


def history_model(role_titles: Mapping[str, str], parent: QObject | None = None) -> RowsModel[Any]:
    """Over ``rolefit.workspace.SessionRow``s; ``role_titles`` names the roles (id -> title)."""
    from rolefit.wording_flags import flag_meaning

    roles = list(role_titles)

    def flag(code: str) -> str:
        meaning = flag_meaning(code)
        return meaning[0] if meaning else code

    def cells(session: Any) -> list[str]:
        done = session.status == "completed"
        fit = session.fit or {}
        recommendation = ""
        if done:
            recommendation = (
                role_titles.get(session.recommendation, session.recommendation)
                if session.recommendation
                else _("No clear preference")
            )
        return [
            local_time(session.started),
            form_name(session.form),
            f"{session.bank_id} {session.bank_version}",
            session.language or "",
            recommendation if done else _("not finished ({n} answers)").format(n=session.answered),
            confidence_words(session.confidence) if done else "",
            *(number(fit.get(role), 0) if role in fit else "" for role in roles),
            "; ".join(flag(code) for code in session.flags),
            yes_no(session.client_sees_result),
            _("notes") if session.has_notes else "",
        ]

    headers = [
        _("Date"),
        _("Form"),
        _("Bank"),
        _("Language"),
        _("Recommendation"),
        _("Confidence"),
        *(_("Fit: {role}").format(role=title) for title in role_titles.values()),
        _("Flags"),
        _("Client sees result"),
        _("Notes"),
    ]
    return RowsModel(headers, cells, parent)


def confidence_words(code: str | None) -> str:
    return confidence_name(code or "")


def notes_model(parent: QObject | None = None) -> RowsModel[Any]:
    """Over ``rolefit.workspace.ClientNote``s."""
    return RowsModel(
        [_("Written"), _("Note")], lambda note: [local_time(note.written), note.text], parent
    )


def changes_model(titles: Mapping[str, str], parent: QObject | None = None) -> RowsModel[Any]:
    """Over ``rolefit.workspace.Change``s (fits or areas): then, now, the change."""

    def cells(change: Any) -> list[str]:
        moved = change.change
        return [
            titles.get(change.id, change.id),
            number(change.before, 0),
            number(change.after, 0),
            "\u2013" if moved is None else f"{moved:+.0f}",
        ]

    return RowsModel([_("What"), _("Then"), _("Now"), _("Change")], cells, parent)


def answers_model(
    words: Callable[[str, int | str], str],
    questions: Mapping[str, str],
    parent: QObject | None = None,
) -> RowsModel[Any]:
    """Over ``rolefit.workspace.AnswerChange``s; ``words(item, value)`` says an answer."""

    def cells(change: Any) -> list[str]:
        return [
            questions.get(change.item, change.item),
            words(change.item, change.before),
            words(change.item, change.after),
        ]

    return RowsModel([_("Question"), _("Then"), _("Now")], cells, parent)


def roles_stats_model(titles: Mapping[str, str], parent: QObject | None = None) -> RowsModel[Any]:
    """Over ``rolefit.workspace.RoleStats``."""

    def cells(role: Any) -> list[str]:
        title = titles.get(role.role, role.role)
        return [title, str(role.n), str(len(role.items)), number(role.alpha)]

    headers = [_("Role"), _("Sessions (n)"), _("Items"), _("Cronbach's alpha")]
    return RowsModel(headers, cells, parent)


def item_rest_model(parent: QObject | None = None) -> RowsModel[Any]:
    """Over (role title, item id, item-rest r) tuples."""
    return RowsModel(
        [_("Role"), _("Item"), _("Item-rest r")],
        lambda row: [row[0], row[1], "\u2013" if row[2] is None else f"{row[2]:+.2f}"],
        parent,
    )
