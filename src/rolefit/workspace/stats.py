"""Bank statistics over a workspace's sessions: how well each role's items hang together.

For each role, its items are the Likert items of the full form whose tasks all belong to
that role alone (an item about shared work speaks for several roles), reverse-keyed ones
flipped (``min + max - answer``). Over the completed full-form sessions that answered
all of a role's items:

- Cronbach's alpha: ``k / (k - 1) * (1 - sum of the item variances / variance of the
  sum)``, with sample variances;
- each item's item-rest correlation: Pearson's r between the item and the sum of the
  role's other items. A negative one usually means a mis-keyed item.

And how often a client's short-form verdict agrees with their full-form verdict, taking
each client's latest completed session of each form ("no clear preference" is a verdict
too). Numbers only; ``warnings`` puts what calls for a look into words.
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Sequence
from typing import Any, NamedTuple

from rolefit.bank.model import Bank, LikertItem
from rolefit.i18n import _

LOW_ALPHA = 0.7


class RoleStats(NamedTuple):
    role: str
    n: int  # sessions that answered every one of the role's items
    items: tuple[str, ...]
    alpha: float | None  # None: fewer than two items or sessions, or no variance
    item_rest: dict[str, float | None]


class Agreement(NamedTuple):
    clients: int  # clients with a completed short and a completed full session
    agreeing: int

    @property
    def share(self) -> float | None:
        return self.agreeing / self.clients if self.clients else None


class BankStats(NamedTuple):
    bank_id: str | None  # None: no completed full-form session yet
    bank_version: str | None
    sessions: int
    roles: tuple[RoleStats, ...]
    agreement: Agreement
    bank_hash: str | None = None  # the stored bank (``Store.bank``), for role titles

    def to_json(self) -> dict[str, Any]:
        """The ``rolefit stats --json`` shape (a contract: keys are only ever added)."""
        return {
            "bank": None
            if self.bank_id is None
            else {"id": self.bank_id, "version": self.bank_version},
            "sessions": self.sessions,
            "roles": [
                {
                    "role": r.role,
                    "n": r.n,
                    "items": list(r.items),
                    "alpha": r.alpha,
                    "item_rest": dict(r.item_rest),
                }
                for r in self.roles
            ],
            "short_full_agreement": {
                "clients": self.agreement.clients,
                "agreeing": self.agreement.agreeing,
                "share": self.agreement.share,
            },
        }


def role_items(bank: Bank, role: str) -> tuple[LikertItem, ...]:
    """The full form's Likert items whose tasks all belong to ``role`` alone."""
    form = "full" if "full" in bank.forms else next(iter(bank.forms))
    return tuple(
        item
        for item in bank.form_items(form)
        if isinstance(item, LikertItem)
        and item.tasks
        and all(bank.task(t).roles == (role,) for t in item.tasks)
    )


def keyed_value(bank: Bank, item: LikertItem, value: int) -> int:
    return bank.scale.min + bank.scale.max - value if item.reverse else value


def _variance(values: Sequence[float]) -> float:
    mean = sum(values) / len(values)
    return sum((v - mean) ** 2 for v in values) / (len(values) - 1)


def cronbach_alpha(rows: Sequence[Sequence[float]]) -> float | None:
    """Alpha of ``rows`` (one per respondent, one column per item)."""
    if len(rows) < 2 or len(rows[0]) < 2:
        return None
    k = len(rows[0])
    columns = list(zip(*rows, strict=True))
    total = _variance([sum(r) for r in rows])
    if total == 0:
        return None
    return k / (k - 1) * (1 - sum(_variance(c) for c in columns) / total)


def pearson(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    if len(xs) < 2:
        return None
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    if sxx == 0 or syy == 0:
        return None
    return sxy / math.sqrt(sxx * syy)


def item_rest(rows: Sequence[Sequence[float]], items: Sequence[str]) -> dict[str, float | None]:
    if len(items) < 2:
        return {i: None for i in items}
    sums = [sum(r) for r in rows]
    return {
        item: pearson([r[j] for r in rows], [s - r[j] for r, s in zip(rows, sums, strict=True)])
        for j, item in enumerate(items)
    }


def role_stats(bank: Bank, answers: dict[int, dict[str, Any]]) -> tuple[RoleStats, ...]:
    """Each role's statistics over ``answers`` (session id -> item id -> answer)."""
    found = []
    for role in bank.role_ids:
        items = role_items(bank, role)
        ids = tuple(i.id for i in items)
        rows = [
            [float(keyed_value(bank, i, given[i.id])) for i in items]
            for given in answers.values()
            if items and all(isinstance(given.get(i.id), int) for i in items)
        ]
        found.append(RoleStats(role, len(rows), ids, cronbach_alpha(rows), item_rest(rows, ids)))
    return tuple(found)


def agreement(verdicts: Sequence[tuple[int, str, str | None]]) -> Agreement:
    """From (client id, form, recommendation) of completed sessions, oldest first."""
    latest: dict[tuple[int, str], str | None] = {}
    for client, form, recommendation in verdicts:
        latest[(client, form)] = recommendation
    clients = {c for c, form in latest if form == "short"} & {
        c for c, form in latest if form == "full"
    }
    agreeing = sum(latest[(c, "short")] == latest[(c, "full")] for c in clients)
    return Agreement(len(clients), agreeing)


def read_stats(db: sqlite3.Connection, bank_of: Any) -> BankStats:
    """The statistics for the bank of the newest completed full-form session.

    ``bank_of(hash)`` gives the stored ``Bank`` (``Store.bank``).
    """
    verdicts = db.execute(
        "SELECT client_id, form, recommendation FROM sessions WHERE status = 'completed'"
        " AND client_id IS NOT NULL ORDER BY started, id"
    ).fetchall()
    agreed = agreement(verdicts)
    newest = db.execute(
        "SELECT bank_id, bank_version, bank_hash FROM sessions WHERE status = 'completed'"
        " AND form = 'full' AND bank_hash IS NOT NULL ORDER BY started DESC, id DESC LIMIT 1"
    ).fetchone()
    bank: Bank | None = bank_of(newest[2]) if newest else None
    if newest is None or bank is None:
        return BankStats(None, None, 0, (), agreed)
    ids = sorted({i.id for role in bank.role_ids for i in role_items(bank, role)})
    marks = ", ".join("?" * len(ids))
    answers: dict[int, dict[str, Any]] = {
        row[0]: {}
        for row in db.execute(
            "SELECT id FROM sessions WHERE status = 'completed' AND form = 'full'"
            " AND bank_id = ? AND bank_version = ?",
            newest[:2],
        )
    }
    for session_id, item, value in db.execute(
        "SELECT a.session_id, a.item_id, a.value FROM answers AS a JOIN sessions AS s"
        " ON s.id = a.session_id WHERE s.status = 'completed' AND s.form = 'full'"
        f" AND s.bank_id = ? AND s.bank_version = ? AND a.item_id IN ({marks})",
        (*newest[:2], *ids),
    ):
        answers[session_id][item] = value
    return BankStats(
        newest[0], newest[1], len(answers), role_stats(bank, answers), agreed, newest[2]
    )


def warnings(stats: BankStats, bank: Bank | None = None) -> list[str]:
    """What calls for a look, in words: low alphas and items that correlate negatively."""

    def title(role: str) -> str:
        if bank is not None and role in bank.role_ids:
            return bank.role(role).title
        return role

    found = []
    for role in stats.roles:
        if role.alpha is not None and role.alpha < LOW_ALPHA:
            found.append(
                _(
                    "{role}: its items agree less than they should (alpha {alpha:.2f}, below "
                    "{low:.1f}); read them again for items that measure something else."
                ).format(role=title(role.role), alpha=role.alpha, low=LOW_ALPHA)
            )
        for item, r in role.item_rest.items():
            if r is not None and r < 0:
                found.append(
                    _(
                        "{role}: item {item} goes against the role's other items (item-rest "
                        "r = {r:.2f}); it may be keyed the wrong way round."
                    ).format(role=title(role.role), item=item, r=r)
                )
    return found
