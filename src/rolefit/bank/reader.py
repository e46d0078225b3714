"""Reading a file's located tree against the bank's declaration, collecting every problem.

``Reader.read(node, spec, path)`` checks ``node`` against a field of ``rolefit.bank.spec``
and returns its value, or records a ``Problem`` (the key path and what was expected) and
returns None so that the caller carries on and finds the next problem. A mapping comes
back as a ``Record`` holding the values that were valid and the node each key came from,
so the loader can still locate what only it can check (unknown ids, coverage).
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, NamedTuple

from rolefit.bank.spec import (
    ID,
    Boolean,
    Enum,
    Field,
    Ids,
    Integer,
    Key,
    Kinds,
    ListOf,
    Mapping,
    NamedMapping,
    Number,
    Text,
    Word,
)
from rolefit.bank.yamltree import AnyNode, MapNode, Problem, ScalarNode, SeqNode

# Fuzzy searches for "did you mean" are the one costly step of reporting: a bank whose
# every reference is unknown would run one per reference. Past this many distinct words,
# problems are still reported, without a suggestion.
MAX_SUGGESTIONS = 25


def kind_of(node: AnyNode) -> str:
    if isinstance(node, MapNode):
        return "a mapping"
    if isinstance(node, SeqNode):
        return "a list"
    value = node.value
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"a true/false value ({str(value).lower()})"
    if isinstance(value, int):
        return f"a whole number ({value})"
    if isinstance(value, float):
        return f"a number ({value})"
    return f"the text {shown(value)}"


def shown(text: str, limit: int = 30) -> str:
    """``text`` quoted for a message: shortened, line breaks and other controls escaped."""
    short = text if len(text) <= limit else text[: limit - 3] + "..."
    return f"'{printable(short)}'"


def printable(text: str) -> str:
    """``text`` on one line: line breaks and other control characters escaped."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


class Ref(NamedTuple):
    """An id as written in a list, with its node, to be looked up later."""

    id: str
    node: AnyNode


@dataclass
class Record:
    """A mapping read against its declaration."""

    node: MapNode
    path: str
    values: dict[str, Any]  # each key read without a problem; absent optional keys: default
    nodes: dict[str, AnyNode]  # the value node of each key given
    sound: bool  # no problem anywhere in it

    def at(self, key: str) -> AnyNode:
        """Where ``key`` is, for a message: its value, or the mapping if it is absent."""
        return self.nodes.get(key, self.node)

    def sub(self, key: str) -> str:
        return _join(self.path, key)


class Suggester:
    """ "did you mean" for a word among candidates: each distinct word searched once."""

    def __init__(self, limit: int = MAX_SUGGESTIONS) -> None:
        self.limit = limit
        self.found: dict[tuple[str, str], str] = {}

    def hint(self, word: str, candidates: Iterable[str], pool: str) -> str:
        key = (pool, word)
        if key not in self.found:
            if len(self.found) >= self.limit:
                return ""
            match = difflib.get_close_matches(word, list(candidates), n=1)
            self.found[key] = f"; did you mean '{match[0]}'?" if match else ""
        return self.found[key]


class Reader:
    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.suggest = Suggester()

    def problem(self, node_or_pos: AnyNode | tuple[int, int], path: str, message: str) -> None:
        if isinstance(node_or_pos, tuple):
            line, col = node_or_pos
        else:
            line, col = node_or_pos.line, node_or_pos.column
        self.problems.append(Problem(line, col, f"{path}: {message}" if path else message))

    def read(self, node: AnyNode, spec: Field, path: str) -> Any:
        """The value of ``node`` as ``spec`` declares it, or None after recording why not."""
        if isinstance(spec, Mapping):
            return self.mapping(node, spec, path)
        if isinstance(spec, ListOf):
            return self.sequence(node, spec, path)
        if isinstance(spec, Kinds):
            return self.kinds(node, spec, path)
        if isinstance(spec, NamedMapping):
            return self.named_mapping(node, spec, path)
        if isinstance(spec, Ids):
            return self.ids(node, spec, path)
        return self.scalar(node, spec, path)

    # -- containers -----------------------------------------------------------------------

    def mapping(
        self, node: AnyNode, spec: Mapping, path: str, *, allowed: Iterable[str] = ()
    ) -> Record | None:
        """Read every declared key; report unknown and missing ones.

        ``allowed``: further keys that are not read here but are not unknown either.
        """
        if not isinstance(node, MapNode):
            self.problem(node, path, f"expected a mapping (key: value lines), got {kind_of(node)}")
            return None
        before = len(self.problems)
        names = [k.name for k in spec.keys] + [k for k in allowed if not spec.key(k)]
        for name, (line, col, _value) in node.entries.items():
            if name not in names:
                hint = self.suggest.hint(name, names, "keys")
                self.problem(
                    (line, col),
                    _join(path, name),
                    f"unknown key; expected one of: {', '.join(names)}{hint}",
                )
        record = Record(node, path, {}, {}, sound=False)
        for key in spec.keys:
            found = node.entries.get(key.name)
            if found is None:
                if key.required:
                    self.problem(node, _join(path, key.name), "missing required key")
                else:
                    record.values[key.name] = key.default
                continue
            record.nodes[key.name] = found[2]
            value = self.read(found[2], key.field, _join(path, key.name))
            if value is not None:
                record.values[key.name] = value
        record.sound = len(self.problems) == before
        return record

    def kinds(self, node: AnyNode, spec: Kinds, path: str) -> Record | None:
        kind_node = node.entries.get(spec.key) if isinstance(node, MapNode) else None
        names = tuple(spec.kinds)
        kind = None
        if kind_node is not None:
            kind = self.scalar(kind_node[2], Enum(names), _join(path, spec.key))
        if kind is not None:
            return self.mapping(node, spec.kinds[kind], path)
        # The kind is missing or wrong (already said if given): check only what every kind
        # declares alike rather than guess which kind was meant.
        every = [m.keys for m in spec.kinds.values()]
        common = tuple(
            k for k in next(iter(spec.kinds.values())).keys if all(k in e for e in every)
        )
        others = [k.name for m in spec.kinds.values() for k in m.keys]
        skip = kind_node is not None
        keys = tuple(k for k in common if not (skip and k.name == spec.key))
        if not skip and all(k.name != spec.key for k in keys):
            keys = (Key(spec.key, Enum(names)), *keys)
        record = self.mapping(node, Mapping(keys), path, allowed=others)
        if record is not None:
            record.sound = False
        return record

    def sequence(self, node: AnyNode, spec: ListOf, path: str) -> list[Any] | None:
        if not self._is_list(node, spec, path):
            return None
        assert isinstance(node, SeqNode)
        values = (
            self.read(child, spec.entry, f"{path}[{i}]") for i, child in enumerate(node.items)
        )
        return [v for v in values if v is not None]

    def _is_list(self, node: AnyNode, spec: ListOf, path: str) -> bool:
        """Whether ``node`` is a list; its length is checked too, without failing it."""
        if not isinstance(node, SeqNode):
            self.problem(node, path, f"expected a list of {spec.what}, got {kind_of(node)}")
            return False
        count = len(node.items)
        if count < spec.min_items:
            found = "none" if not count else str(count)
            self.problem(
                node, path, f"expected at least {spec.min_items} {spec.what}, found {found}"
            )
        if spec.max_items is not None and count > spec.max_items:
            reason = f" ({spec.max_reason})" if spec.max_reason else ""
            self.problem(
                node, path, f"expected at most {spec.max_items} {spec.what}, found {count}{reason}"
            )
        return True

    def named_mapping(self, node: AnyNode, spec: NamedMapping, path: str) -> Record | None:
        if not isinstance(node, MapNode):
            self.problem(node, path, f"expected a mapping (key: value lines), got {kind_of(node)}")
            return None
        before = len(self.problems)
        for name in spec.required:
            if name not in node.entries:
                self.problem(node, _join(path, name), "missing required key")
        record = Record(node, path, {}, {}, sound=False)
        for name, (line, col, child) in node.entries.items():
            if self.scalar(ScalarNode(line, col, name), spec.names, path) is None:
                continue
            record.nodes[name] = child
            value = self.read(child, spec.value, _join(path, name))
            if value is not None:
                record.values[name] = value
        record.sound = len(self.problems) == before
        return record

    def ids(self, node: AnyNode, spec: Ids, path: str) -> tuple[Ref, ...] | str | None:
        """A non-empty list of distinct ids, each with its node; or the word ``all``."""
        if spec.or_all and isinstance(node, ScalarNode) and node.value == "all":
            return "all"
        if not self._is_list(node, ListOf(ID, spec.what, min_items=1), path):
            return None
        assert isinstance(node, SeqNode)
        refs: dict[str, Ref] = {}
        for index, child in enumerate(node.items):
            ident = self.scalar(child, ID, f"{path}[{index}]")
            if ident is None:
                continue
            if ident in refs:
                self.problem(child, f"{path}[{index}]", f"'{ident}' is listed twice")
                continue
            refs[ident] = Ref(ident, child)
        return tuple(refs.values())

    # -- scalars --------------------------------------------------------------------------

    def scalar(self, node: AnyNode, spec: Field, path: str) -> Any:
        value = node.value if isinstance(node, ScalarNode) else None
        message = _scalar_problem(node, value, spec)
        if message is None:
            return value.strip() if isinstance(value, str) and isinstance(spec, Text) else value
        self.problem(node, path, message)
        return None


def _scalar_problem(node: AnyNode, value: Any, spec: Field) -> str | None:
    """What is wrong with a scalar for ``spec``, or None if nothing is."""
    if isinstance(spec, Text):
        return _text_problem(node, value, spec)
    if isinstance(spec, Word):
        return _word_problem(node, value, spec)
    if isinstance(spec, (Integer, Number)):
        return _number_problem(node, value, spec)
    if isinstance(spec, Boolean):
        return None if isinstance(value, bool) else f"expected true or false, got {kind_of(node)}"
    if isinstance(spec, Enum):
        if isinstance(value, str) and value in spec.values:
            return None
        return f"expected one of {', '.join(spec.values)}, got {kind_of(node)}"
    raise TypeError(f"not a scalar field: {spec!r}")


def _text_problem(node: AnyNode, value: Any, spec: Text) -> str | None:
    if spec.quote_numbers and isinstance(value, (int, float)) and not isinstance(value, bool):
        return f'expected text such as "1.0"; put {value} in quotes'
    if not isinstance(value, str):
        return f"expected text, got {kind_of(node)}"
    if not value:
        return "expected text, got an empty string"
    if value.isspace():
        return "expected text, got only white space"
    if len(value) > spec.max_length:
        return f"too long: {len(value):,} characters, at most {spec.max_length:,}"
    return None


def _word_problem(node: AnyNode, value: Any, spec: Word) -> str | None:
    article = "an" if spec.name[0] in "aeiou" else "a"
    if not isinstance(value, str):
        return f"expected {article} {spec.name} ({spec.rule}), got {kind_of(node)}"
    if len(value) > spec.max_length:
        return f"{shown(value)} is too long for {article} {spec.name}: at most {spec.max_length}"
    if _compiled(spec.pattern).fullmatch(value):
        return None
    stripped = value.strip()
    if stripped != value and _compiled(spec.pattern).fullmatch(stripped):
        return (
            f"{shown(value, 70)} is not a valid {spec.name}: it has white space or a line "
            f"break around it; did you mean '{stripped}'?"
        )
    return f"{shown(value, 70)} is not a valid {spec.name}: use {spec.rule}"


def _number_problem(node: AnyNode, value: Any, spec: Integer | Number) -> str | None:
    if isinstance(spec, Integer):
        if not isinstance(value, int) or isinstance(value, bool):
            return f"expected a whole number, got {kind_of(node)}"
        if spec.minimum <= value <= spec.maximum:
            return None
        return f"expected a whole number from {spec.minimum} to {spec.maximum}, got {value}"
    if spec.exclusive_minimum:
        wanted = f"a number above {spec.minimum} and at most {spec.maximum}"
    else:
        wanted = f"a number from {spec.minimum} to {spec.maximum}"
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return f"expected {wanted}, got {kind_of(node)}"
    low_ok = value > spec.minimum if spec.exclusive_minimum else value >= spec.minimum
    if math.isnan(value) or not (low_ok and value <= spec.maximum):
        return f"expected {wanted}, got {value}"
    return None


_PATTERNS: dict[str, re.Pattern[str]] = {}


def _compiled(pattern: str) -> re.Pattern[str]:
    if pattern not in _PATTERNS:
        _PATTERNS[pattern] = re.compile(pattern)
    return _PATTERNS[pattern]


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key
