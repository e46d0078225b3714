"""RoleFit's translation catalogs: extract the texts, start a language, compile it.

    python scripts/translations.py extract        write resources/locale/rolefit.pot
    python scripts/translations.py check          exit 1 if rolefit.pot is out of date
    python scripts/translations.py init LANG      start resources/locale/LANG/LC_MESSAGES/rolefit.po
    python scripts/translations.py compile        every rolefit.po -> rolefit.mo beside it

The texts are the literal arguments of ``_``, ``N_``, ``ngettext`` and ``pgettext`` in
src/rolefit (see rolefit.i18n and docs/translation.md). Only Python's standard library
is used: extraction reads the code with ``ast``; compiling writes GNU .mo files, which
Python's ``gettext`` reads. A text built at run time (an f-string, a variable) cannot be
translated, so ``extract`` and ``check`` refuse one, naming the file and line.
"""

from __future__ import annotations

import ast
import struct
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "src" / "rolefit"
LOCALE = ROOT / "resources" / "locale"
TEMPLATE = LOCALE / "rolefit.pot"
MARKERS = {"_": 1, "N_": 1, "ngettext": 2, "pgettext": 2}

HEADER = """\
# RoleFit's texts, for translators. Made by scripts/translations.py extract; do not edit.
msgid ""
msgstr ""
"Project-Id-Version: RoleFit\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"
"""


@dataclass
class Message:
    msgid: str
    plural: str | None = None
    context: str | None = None
    places: list[str] = field(default_factory=list)


class NotLiteral(Exception):
    pass


def _literal(node: ast.expr, where: str) -> str:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    raise NotLiteral(f"{where}: only a literal text can be translated; use .format() after _()")


def messages(sources: Path = SOURCES) -> list[Message]:
    """Every marked text in ``sources``, in order of first appearance."""
    found: dict[tuple[str | None, str], Message] = {}
    first: dict[tuple[str | None, str], tuple[str, int]] = {}
    for path in sorted(sources.rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"), str(path))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            name = node.func.id
            if name not in MARKERS:
                continue
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            place = str(path.relative_to(ROOT))  # no line: moving code is not a change
            if len(node.args) < MARKERS[name]:
                raise NotLiteral(f"{where}: {name}() needs {MARKERS[name]} texts")
            texts = [_literal(arg, where) for arg in node.args[: MARKERS[name]]]
            context = texts.pop(0) if name == "pgettext" else None
            plural = texts[1] if name == "ngettext" else None
            key = (context, texts[0])
            message = found.setdefault(key, Message(texts[0], plural, context))
            first[key] = min(first.get(key, (place, node.lineno)), (place, node.lineno))
            if place not in message.places:
                message.places.append(place)
    return [found[key] for key in sorted(found, key=lambda k: first[k])]


def _quote(text: str) -> str:
    escaped = (
        text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t").replace("\n", "\\n")
    )
    return f'"{escaped}"'


def template(found: list[Message]) -> str:
    blocks = [HEADER]
    for message in found:
        lines = [f"#: {place}" for place in message.places]
        if "{" in message.msgid:
            lines.append("#, python-brace-format")
        if message.context is not None:
            lines.append(f"msgctxt {_quote(message.context)}")
        lines.append(f"msgid {_quote(message.msgid)}")
        if message.plural is not None:
            lines.append(f"msgid_plural {_quote(message.plural)}")
            lines += ['msgstr[0] ""', 'msgstr[1] ""']
        else:
            lines.append('msgstr ""')
        blocks.append("\n".join(lines) + "\n")
    return "\n".join(blocks)


# -- reading .po and writing .mo -------------------------------------------------------------


def _unquote(text: str) -> str:
    body = text.strip()[1:-1]
    out, chars = [], iter(body)
    for char in chars:
        if char == "\\":
            nxt = next(chars, "")
            out.append({"n": "\n", "t": "\t", '"': '"', "\\": "\\"}.get(nxt, nxt))
        else:
            out.append(char)
    return "".join(out)


def read_po(text: str) -> dict[str, str]:
    """The translations of a .po file as gettext's catalog keys: msgid (with a context as
    ``ctxt\\x04msgid``, plurals as ``singular\\x00plural``) -> msgstr (plurals ``\\x00``-joined).
    Untranslated and fuzzy entries are left out, as msgfmt does."""
    catalog: dict[str, str] = {}
    entries: list[dict[str, str]] = []
    entry: dict[str, str] = {}
    fuzzy = False
    current: str | None = None
    for raw in text.splitlines() + [""]:
        line = raw.strip()
        if not line:
            if entry:
                entries.append({**entry, "fuzzy": "1" if fuzzy else ""})
            entry, fuzzy, current = {}, False, None
            continue
        if line.startswith("#,") and "fuzzy" in line:
            fuzzy = True
        if line.startswith("#"):
            continue
        if line.startswith('"'):
            if current is not None:
                entry[current] += _unquote(line)
            continue
        keyword, _space, rest = line.partition(" ")
        current = keyword
        entry[keyword] = _unquote(rest)
    for entry in entries:
        if "msgid" not in entry or entry.get("fuzzy") and entry["msgid"]:
            continue
        key = entry["msgid"]
        if "msgid_plural" in entry:
            key += "\x00" + entry["msgid_plural"]
            forms = [v for k, v in sorted(entry.items()) if k.startswith("msgstr[")]
            value = "\x00".join(forms)
            if not all(forms):
                continue
        else:
            value = entry.get("msgstr", "")
            if not value and entry["msgid"]:
                continue
        if "msgctxt" in entry:
            key = entry["msgctxt"] + "\x04" + key
        catalog[key] = value
    return catalog


def write_mo(catalog: dict[str, str]) -> bytes:
    """A GNU .mo file (little-endian, revision 0) holding ``catalog``."""
    keys = sorted(catalog)
    ids = [k.encode("utf-8") for k in keys]
    strs = [catalog[k].encode("utf-8") for k in keys]
    count = len(keys)
    ids_start = 7 * 4
    strs_start = ids_start + count * 8
    data_start = strs_start + count * 8
    offsets, blob = [], b""
    for text in ids + strs:
        offsets.append((len(text), data_start + len(blob)))
        blob += text + b"\0"
    header = struct.pack("<7I", 0x950412DE, 0, count, ids_start, strs_start, 0, 0)
    table = b"".join(struct.pack("<2I", length, start) for length, start in offsets)
    return header + table + blob


def compile_all(locale: Path = LOCALE) -> list[Path]:
    made = []
    for po in sorted(locale.glob("*/LC_MESSAGES/rolefit.po")):
        mo = po.with_suffix(".mo")
        mo.write_bytes(write_mo(read_po(po.read_text("utf-8"))))
        made.append(mo)
    return made


def _problems() -> Iterator[str]:
    try:
        fresh = template(messages())
    except NotLiteral as error:
        yield str(error)
        return
    if not TEMPLATE.exists() or TEMPLATE.read_text("utf-8") != fresh:
        yield f"{TEMPLATE.relative_to(ROOT)} is out of date: run scripts/translations.py extract"


def main(argv: list[str]) -> int:
    command = argv[0] if argv else ""
    if command == "extract":
        try:
            text = template(messages())
        except NotLiteral as error:
            print(error, file=sys.stderr)
            return 1
        LOCALE.mkdir(parents=True, exist_ok=True)
        TEMPLATE.write_text(text, "utf-8")
        print(f"{TEMPLATE.relative_to(ROOT)}: {text.count('msgid ') - 1} texts")
        return 0
    if command == "check":
        problems = list(_problems())
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1 if problems else 0
    if command == "init" and len(argv) == 2:
        target = LOCALE / argv[1] / "LC_MESSAGES" / "rolefit.po"
        if target.exists():
            print(f"{target} exists already", file=sys.stderr)
            return 1
        target.parent.mkdir(parents=True, exist_ok=True)
        text = TEMPLATE.read_text("utf-8").replace(
            '"Project-Id-Version: RoleFit\\n"',
            f'"Project-Id-Version: RoleFit\\n"\n"Language: {argv[1]}\\n"',
        )
        target.write_text(text, "utf-8")
        print(f"{target.relative_to(ROOT)}: translate each msgstr, then run compile")
        return 0
    if command == "compile":
        for mo in compile_all():
            print(mo.relative_to(ROOT))
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
