"""Every word RoleFit shows goes through here, so another language is a file, not code.

The mechanism is GNU gettext through Python's standard ``gettext`` module (why, and how
to add a language: docs/translation.md). Mark a text where it is written::

    from rolefit.i18n import _, ngettext

    _("Save answers…")
    ngettext("{n} question", "{n} questions", n).format(n=n)

Texts are looked up when they are shown, never at import, so the language chosen at
start-up (``install``) applies everywhere. English is the source language; a catalog
``resources/locale/<language>/LC_MESSAGES/rolefit.mo`` translates it. Qt's own dialogs
(the buttons of a message box, the file dialog) are translated by Qt's catalogs, which
the window loads for the same language.
"""

from __future__ import annotations

import gettext as _gettext
import os
from collections.abc import Sequence
from pathlib import Path

DOMAIN = "rolefit"

_translations: _gettext.NullTranslations = _gettext.NullTranslations()


def _(message: str) -> str:
    """``message`` in the reader's language."""
    return _translations.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form for ``n``, in the reader's language."""
    return _translations.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """``message`` as meant in ``context`` (for one English word with two meanings)."""
    return _translations.pgettext(context, message)


def N_(message: str) -> str:  # noqa: N802 - gettext's conventional name
    """Mark ``message`` for translation without translating it yet (a table of texts)."""
    return message


def locale_dir() -> Path:
    from rolefit.paths import installed_folder

    return installed_folder("rolefit.resources") / "locale"


def preferred_languages() -> list[str]:
    """The languages the environment asks for, best first, as gettext reads them."""
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if value:
            return [part for part in value.split(":") if part]
    return []


def install(languages: Sequence[str] | None = None) -> str:
    """Use the first catalog found for ``languages`` (default: the environment's).

    Returns the language in use ("en" when no catalog matched: English is built in).
    """
    global _translations
    wanted = list(languages) if languages is not None else preferred_languages()
    found = _gettext.translation(DOMAIN, locale_dir(), languages=wanted or None, fallback=True)
    _translations = found
    return found.info().get("language") or "en"


def use(translations: _gettext.NullTranslations) -> None:
    """Use ``translations`` directly (tests use a pseudo-language to find unmarked text)."""
    global _translations
    _translations = translations
