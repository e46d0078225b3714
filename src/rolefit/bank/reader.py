"""Typed reading of located YAML nodes, collecting every problem instead of stopping.

A ``Reader`` walks one file's tree. Each ``need_*`` / ``opt_*`` call either returns a
value of the expected type or records a ``Problem`` naming the key path and what was
expected, and returns ``None`` so the caller can carry on and find the next problem.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Iterable

from rolefit.bank.yamltree import AnyNode, MapNode, Problem, ScalarNode, SeqNode

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")
ID_RULE = "lower-case letters, digits, '.', '-' or '_', starting with a letter or digit"


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
    shown = value if len(value) <= 30 else value[:27] + "..."
    return f"the text {shown!r}"


class Reader:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def problem(self, node_or_pos: AnyNode | tuple[int, int], path: str, message: str) -> None:
        if isinstance(node_or_pos, tuple):
            line, col = node_or_pos
        else:
            line, col = node_or_pos.line, node_or_pos.column
        self.problems.append(Problem(line, col, f"{path}: {message}" if path else message))

    # -- containers -------------------------------------------------------------------

    def mapping(
        self,
        node: AnyNode,
        path: str,
        required: Iterable[str],
        optional: Iterable[str] = (),
    ) -> MapNode | None:
        """Check ``node`` is a mapping with the required keys and no unknown ones."""
        if not isinstance(node, MapNode):
            self.problem(node, path, f"expected a mapping (key: value lines), got {kind_of(node)}")
            return None
        required = list(required)
        allowed = required + list(optional)
        for key, (line, col, _value) in node.entries.items():
            if key not in allowed:
                hint = difflib.get_close_matches(key, allowed, n=1)
                suggestion = f"; did you mean '{hint[0]}'?" if hint else ""
                self.problem(
                    (line, col),
                    _join(path, key),
                    f"unknown key; expected one of: {', '.join(allowed)}{suggestion}",
                )
        for key in required:
            if key not in node.entries:
                self.problem(node, _join(path, key), "missing required key")
        return node

    def sequence(self, node: AnyNode, path: str, what: str, min_len: int = 0) -> list[AnyNode]:
        if not isinstance(node, SeqNode):
            self.problem(node, path, f"expected a list of {what}, got {kind_of(node)}")
            return []
        if len(node.items) < min_len:
            count = "none" if not node.items else str(len(node.items))
            self.problem(node, path, f"expected at least {min_len} {what}, found {count}")
        return node.items

    # -- scalars ----------------------------------------------------------------------

    def text(self, node: AnyNode, path: str, *, allow_empty: bool = False) -> str | None:
        if not isinstance(node, ScalarNode) or not isinstance(node.value, str):
            self.problem(node, path, f"expected text, got {kind_of(node)}")
            return None
        if not allow_empty and not node.value.strip():
            self.problem(node, path, "expected text, got an empty string")
            return None
        return node.value.strip()

    def ident(self, node: AnyNode, path: str) -> str | None:
        if not isinstance(node, ScalarNode) or not isinstance(node.value, str):
            self.problem(node, path, f"expected an id ({ID_RULE}), got {kind_of(node)}")
            return None
        if not ID_PATTERN.match(node.value):
            self.problem(node, path, f"'{node.value}' is not a valid id: use {ID_RULE}")
            return None
        return node.value

    def integer(self, node: AnyNode, path: str) -> int | None:
        value = node.value if isinstance(node, ScalarNode) else None
        if not isinstance(value, int) or isinstance(value, bool):
            self.problem(node, path, f"expected a whole number, got {kind_of(node)}")
            return None
        return value

    def fraction(self, node: AnyNode, path: str, low: float, high: float) -> float | None:
        value = node.value if isinstance(node, ScalarNode) else None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.problem(node, path, f"expected a number from {low} to {high}, got {kind_of(node)}")
            return None
        if math.isnan(value) or not low <= value <= high:
            self.problem(node, path, f"expected a number from {low} to {high}, got {value}")
            return None
        return float(value)

    def boolean(self, node: AnyNode, path: str) -> bool | None:
        value = node.value if isinstance(node, ScalarNode) else None
        if not isinstance(value, bool):
            self.problem(node, path, f"expected true or false, got {kind_of(node)}")
            return None
        return value

    def choice(self, node: AnyNode, path: str, allowed: tuple[str, ...]) -> str | None:
        value = node.value if isinstance(node, ScalarNode) else None
        if not isinstance(value, str) or value not in allowed:
            self.problem(node, path, f"expected one of {', '.join(allowed)}, got {kind_of(node)}")
            return None
        return value

    def id_list(self, node: AnyNode, path: str, what: str) -> list[tuple[str, AnyNode]]:
        """A non-empty list of ids, each returned with its node for later cross-checks."""
        out: list[tuple[str, AnyNode]] = []
        seen: set[str] = set()
        for index, child in enumerate(self.sequence(node, path, what, min_len=1)):
            ident = self.ident(child, f"{path}[{index}]")
            if ident is None:
                continue
            if ident in seen:
                self.problem(child, f"{path}[{index}]", f"'{ident}' is listed twice")
                continue
            seen.add(ident)
            out.append((ident, child))
        return out


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def entry(node: MapNode, key: str) -> AnyNode | None:
    found = node.entries.get(key)
    return found[2] if found else None
