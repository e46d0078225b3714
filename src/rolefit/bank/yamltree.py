"""Read YAML into a small tree of located nodes, safely.

Why not ``yaml.load``: we need the line and column of every value to report errors
where they are, and we need to refuse what a bank never needs before it can hurt:

* tags (``!!python/object`` and friends): only plain YAML is accepted;
* aliases (``*name``): a "billion laughs" file expands nothing here, the first alias
  is refused;
* deep nesting: libyaml slows down quadratically with depth (200,000 ``[`` take a
  minute), so the event stream is abandoned as soon as depth passes ``MAX_DEPTH``;
* duplicate keys, which PyYAML would silently collapse into the last one.

Plain scalars are resolved with the YAML 1.2 core schema (``yes`` stays a string), the
same rules an editor's YAML language server applies while the author types.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import yaml

try:  # The C parser is many times faster; PyYAML built without libyaml lacks it.
    from yaml import CSafeLoader as _Loader

    _LIBYAML = True
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

    _LIBYAML = False


def uses_libyaml() -> bool:
    """Whether banks are read with libyaml's C parser (PyYAML may be built without it)."""
    return _LIBYAML


MAX_DEPTH = 32
# No number in a bank needs more digits; Python's int() itself refuses over 4,300.
MAX_NUMBER_DIGITS = 100

Scalar = str | int | float | bool | None


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input file, at a 1-based line and column."""

    line: int
    column: int
    message: str


@dataclass(slots=True)
class Node:
    line: int
    column: int


@dataclass(slots=True)
class ScalarNode(Node):
    value: Scalar
    quoted: bool = False


@dataclass(slots=True)
class SeqNode(Node):
    items: list[AnyNode] = field(default_factory=list)


@dataclass(slots=True)
class MapNode(Node):
    # key -> (line, column of the key, value node); insertion ordered
    entries: dict[str, tuple[int, int, AnyNode]] = field(default_factory=dict)


AnyNode = ScalarNode | SeqNode | MapNode


class YamlRefused(Exception):
    """The file cannot be read as a bank at all; ``problem`` says where and why."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_TRUE = re.compile(r"^(?:true|True|TRUE)$")
_FALSE = re.compile(r"^(?:false|False|FALSE)$")
_INT10 = re.compile(r"^[-+]?[0-9]+$")
_INT8 = re.compile(r"^0o[0-7]+$")
_INT16 = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_INF = re.compile(r"^[-+]?\.(?:inf|Inf|INF)$")
_NAN = re.compile(r"^\.(?:nan|NaN|NAN)$")

_STANDARD_TAGS = {
    "tag:yaml.org,2002:str": str,
    "tag:yaml.org,2002:int": int,
    "tag:yaml.org,2002:float": float,
}


def resolve_plain(text: str) -> Scalar:
    """Type of an unquoted scalar under the YAML 1.2 core schema.

    Raises ``ValueError`` for a whole number too long to read (``MAX_NUMBER_DIGITS``).
    """
    if _NULL.match(text):
        return None
    if _TRUE.match(text):
        return True
    if _FALSE.match(text):
        return False
    if _INT10.match(text):
        return _whole_number(text, text.lstrip("+-"), 10)
    if _INT8.match(text):
        return _whole_number(text, text[2:], 8)
    if _INT16.match(text):
        return _whole_number(text, text[2:], 16)
    if _FLOAT.match(text):
        return float(text)
    if _INF.match(text):
        return float("-inf") if text.startswith("-") else float("inf")
    if _NAN.match(text):
        return float("nan")
    return text


def _whole_number(text: str, digits: str, base: int) -> int:
    if len(digits) > MAX_NUMBER_DIGITS:
        raise ValueError(
            f"a number of {len(digits):,} digits is too long: at most {MAX_NUMBER_DIGITS}"
        )
    return int(text if base == 10 else digits, base)


def _shown(text: str, limit: int = 30) -> str:
    """``text`` quoted for a message: shortened, and with line breaks and such escaped."""
    short = text if len(text) <= limit else text[: limit - 3] + "..."
    return "'" + "".join(c if c.isprintable() else repr(c)[1:-1] for c in short) + "'"


def _pos(event: yaml.Event) -> tuple[int, int]:
    mark = event.start_mark
    if mark is None:  # libyaml always sets it; the pure-Python parser may not
        return 1, 1
    return mark.line + 1, mark.column + 1


def _describe_yaml_error(error: yaml.YAMLError) -> Problem:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    context = getattr(error, "context", None)
    message = f"YAML syntax error: {problem}"
    if context:
        message += f" ({context})"
    if mark is None:
        return Problem(1, 1, message)
    return Problem(mark.line + 1, mark.column + 1, message)


def parse_tree(text: str) -> tuple[AnyNode | None, list[Problem]]:
    """Parse ``text`` into located nodes.

    Returns the root (None for an empty document) and the problems found on the way
    (duplicate keys, non-string keys). Raises ``YamlRefused`` for what makes the rest
    of the file meaningless: syntax errors, tags, aliases, runaway nesting, several
    documents.
    """
    problems: list[Problem] = []
    events = yaml.parse(text, Loader=_Loader)
    try:
        root = _build(_checked(events), problems)
    except yaml.YAMLError as error:
        raise YamlRefused(_describe_yaml_error(error)) from None
    return root, problems


def _checked(events: Iterator[yaml.Event]) -> Iterator[yaml.Event]:
    depth = 0
    documents = 0
    for event in events:
        if isinstance(event, yaml.AliasEvent):
            line, col = _pos(event)
            raise YamlRefused(
                Problem(line, col, f"alias '*{event.anchor}' is not allowed: write the value out")
            )
        tag = getattr(event, "tag", None)
        if tag is not None and tag != "!" and not _tag_allowed(event, tag):
            line, col = _pos(event)
            raise YamlRefused(Problem(line, col, f"tag '{tag}' is not allowed: use plain YAML"))
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                line, col = _pos(event)
                raise YamlRefused(Problem(line, col, "a bank is one YAML document; found a second"))
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                line, col = _pos(event)
                raise YamlRefused(
                    Problem(line, col, f"nesting deeper than {MAX_DEPTH} levels is not allowed")
                )
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
        yield event


def _tag_allowed(event: yaml.Event, tag: str) -> bool:
    if isinstance(event, yaml.ScalarEvent):
        return tag in _STANDARD_TAGS
    if isinstance(event, yaml.SequenceStartEvent):
        return tag == "tag:yaml.org,2002:seq"
    if isinstance(event, yaml.MappingStartEvent):
        return tag == "tag:yaml.org,2002:map"
    return False


def _scalar(event: yaml.ScalarEvent) -> ScalarNode:
    line, col = _pos(event)
    tag = event.tag
    if tag in _STANDARD_TAGS:
        kind = _STANDARD_TAGS[tag]
        text = event.value.strip()
        if kind is int and len(text.lstrip("+-")) > MAX_NUMBER_DIGITS:
            message = (
                f"{_shown(text)} is too long for a whole number: at most {MAX_NUMBER_DIGITS} digits"
            )
            raise YamlRefused(Problem(line, col, message))
        try:
            value: Scalar = kind(event.value)
        except ValueError:
            raise YamlRefused(
                Problem(line, col, f"{_shown(event.value)} is not a valid {kind.__name__}")
            ) from None
        return ScalarNode(line, col, value, quoted=True)
    plain = event.implicit[0] and not event.style
    if plain:
        try:
            return ScalarNode(line, col, resolve_plain(event.value))
        except ValueError as error:
            raise YamlRefused(Problem(line, col, str(error))) from None
    return ScalarNode(line, col, event.value, quoted=True)


def _build(events: Iterator[yaml.Event], problems: list[Problem]) -> AnyNode | None:
    # Iterative, so no Python recursion limit applies; the depth check above bounds the stack.
    root: AnyNode | None = None
    stack: list[AnyNode] = []
    pending_key: list[tuple[str, int, int] | None] = []

    def attach(node: AnyNode) -> bool:
        """Attach to the parent; returns False if ``node`` became a mapping key."""
        nonlocal root
        if not stack:
            root = node
            return True
        parent = stack[-1]
        if isinstance(parent, SeqNode):
            parent.items.append(node)
            return True
        assert isinstance(parent, MapNode)
        key = pending_key[-1]
        if key is None:
            pending_key[-1] = _as_key(node, problems)
            return False
        name, kline, kcol = key
        if name in parent.entries:
            first = parent.entries[name]
            problems.append(
                Problem(kline, kcol, f"{name}: duplicate key (first given on line {first[0]})")
            )
        elif name:
            parent.entries[name] = (kline, kcol, node)
        pending_key[-1] = None
        return True

    for event in events:
        if isinstance(event, yaml.ScalarEvent):
            attach(_scalar(event))
        elif isinstance(event, yaml.SequenceStartEvent):
            node: AnyNode = SeqNode(*_pos(event))
            is_value = attach(node)
            stack.append(node)
            pending_key.append(None)
            if not is_value:
                # A sequence used as a key: keep parsing it, then drop it.
                pending_key[-2] = ("", node.line, node.column)
        elif isinstance(event, yaml.MappingStartEvent):
            node = MapNode(*_pos(event))
            is_value = attach(node)
            stack.append(node)
            pending_key.append(None)
            if not is_value:
                pending_key[-2] = ("", node.line, node.column)
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            stack.pop()
            pending_key.pop()
    return root


def _as_key(node: AnyNode, problems: list[Problem]) -> tuple[str, int, int]:
    if isinstance(node, ScalarNode) and isinstance(node.value, str) and node.value:
        return node.value, node.line, node.column
    if isinstance(node, ScalarNode) and node.value is not None and not isinstance(node.value, str):
        # "1: x" - a number as key is almost always a mistake in a bank; say so plainly.
        problems.append(Problem(node.line, node.column, f"key {node.value!r} must be a name"))
        return "", node.line, node.column
    problems.append(Problem(node.line, node.column, "a key must be a plain name"))
    return "", node.line, node.column


def plain_data(node: AnyNode | None) -> object:
    """The tree as plain Python data (dicts, lists, scalars): what RoleFit reads, for
    checking against the JSON Schema in tests and tools."""
    if isinstance(node, MapNode):
        return {key: plain_data(child) for key, (_line, _col, child) in node.entries.items()}
    if isinstance(node, SeqNode):
        return [plain_data(child) for child in node.items]
    return None if node is None else node.value
