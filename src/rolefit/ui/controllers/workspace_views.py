"""Filling the comparison and the bank statistics pages from the workspace's numbers."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rolefit.i18n import _, ngettext
from rolefit.ui.controllers.welcome import form_name, local_time
from rolefit.ui.workspace_models import (
    RowsModel,
    answers_model,
    changes_model,
    confidence_words,
    item_rest_model,
    roles_stats_model,
)

if TYPE_CHECKING:
    from rolefit.ui.controllers.workspace_session import SessionsController
    from rolefit.ui.views.workspace_session import ComparePage, StatsPage
    from rolefit.workspace import BankStats, Comparison, Workspace


def _verdict(titles: dict[str, str], recommendation: str | None) -> str:
    if recommendation is None:
        return _("no clear preference")
    return titles.get(recommendation, recommendation)


def show_comparison(owner: SessionsController, found: Comparison) -> ComparePage:
    """The comparison page (made once per unlock) showing ``found``."""
    from rolefit.ui.views.workspace_session import ComparePage
    from rolefit.wording import answer_label

    bank = found.bank
    roles = {role.id: role.title for role in bank.roles}
    page = owner.compare_page
    if page is None:
        fits: RowsModel[Any] = changes_model(roles)
        areas: RowsModel[Any] = changes_model({d.id: d.title for d in bank.dimensions})

        def words(item: str, value: int | str) -> str:
            if not bank.has_item(item):
                return str(value)
            return answer_label(bank, bank.item(item), value)

        answers: RowsModel[Any] = answers_model(words, {i.id: i.text for i in bank.items})
        page = ComparePage(fits, areas, answers)
        for model in (fits, areas, answers):
            model.setParent(page)
        owner.pages_for().add(page)
        page.back_requested.connect(owner.back_to_client)
    model_of = page.fits.model()
    assert isinstance(model_of, RowsModel)
    model_of.set_rows(found.fits)
    areas_model = page.areas.model()
    assert isinstance(areas_model, RowsModel)
    areas_model.set_rows(found.areas)
    answers_of = page.answers.model()
    assert isinstance(answers_of, RowsModel)
    answers_of.set_rows(found.answers)
    earlier, later = found.earlier, found.later
    page.summary.setText(
        _(
            "Then: {then_form} questionnaire of {then}, {then_verdict} ({then_confidence}).\n"
            "Now: {now_form} questionnaire of {now}, {now_verdict} ({now_confidence})."
        ).format(
            then_form=form_name(earlier.form).capitalize(),
            then=local_time(earlier.started),
            then_verdict=_verdict(roles, found.recommendation[0]),
            then_confidence=confidence_words(found.confidence[0]).lower(),
            now_form=form_name(later.form).capitalize(),
            now=local_time(later.started),
            now_verdict=_verdict(roles, found.recommendation[1]),
            now_confidence=confidence_words(found.confidence[1]).lower(),
        )
    )
    page.answers_label.setText(
        ngettext(
            "Answers that changed, the most changed first ({same} answer the same):",
            "Answers that changed, the most changed first ({same} answers the same):",
            found.unchanged,
        ).format(same=found.unchanged)
    )
    return page


def show_stats(owner: SessionsController, found: BankStats, workspace: Workspace) -> StatsPage:
    """The statistics page (made once per unlock) showing ``found``."""
    from rolefit.ui.views.workspace_session import StatsPage
    from rolefit.workspace.stats import warnings

    bank = workspace.store.bank(found.bank_hash) if found.bank_hash else None
    titles = {role.id: role.title for role in bank.roles} if bank is not None else {}
    page = owner.stats_page
    if page is None:
        roles: RowsModel[Any] = roles_stats_model(titles)
        items: RowsModel[Any] = item_rest_model()
        page = StatsPage(roles, items)
        roles.setParent(page)
        items.setParent(page)
        owner.pages_for().add(page)
        page.back_requested.connect(owner.back_to_clients)
    roles_of = page.roles.model()
    items_of = page.items.model()
    assert isinstance(roles_of, RowsModel) and isinstance(items_of, RowsModel)
    roles_of.set_rows(found.roles)
    items_of.set_rows(
        [
            (titles.get(role.role, role.role), item, r)
            for role in found.roles
            for item, r in role.item_rest.items()
        ]
    )
    if found.bank_id is None:
        page.summary.setText(_("No completed full-form session yet: nothing to count."))
    else:
        page.summary.setText(
            ngettext(
                "Bank {bank} {version}, {n} completed full-form session.",
                "Bank {bank} {version}, {n} completed full-form sessions.",
                found.sessions,
            ).format(bank=found.bank_id, version=found.bank_version, n=found.sessions)
        )
    share = found.agreement.share
    page.agreement.setText(
        _("Short and full form agree for {agreeing} of {clients} clients ({share}).").format(
            agreeing=found.agreement.agreeing,
            clients=found.agreement.clients,
            share="\u2013" if share is None else f"{share:.0%}",
        )
    )
    said = warnings(found, bank)
    page.warnings.setText("\n".join(said))
    page.warnings.setVisible(bool(said))
    return page
