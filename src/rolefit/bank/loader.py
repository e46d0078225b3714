"""Load a question bank file, validate all of it, and build the frozen ``Bank``.

Every problem is collected (with file, line and column) before anything is reported,
so an author fixes a file in one round rather than one error per run.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TypeVar

from rolefit.bank.files import MAX_BANK_BYTES, BankError, LocatedProblem, read_text_file
from rolefit.bank.model import (
    Bank,
    ChoiceItem,
    Dimension,
    Item,
    LikertItem,
    Note,
    Option,
    Role,
    Scale,
    ScoringParams,
    Task,
    role_mix,
)
from rolefit.bank.reader import Reader, entry
from rolefit.bank.yamltree import AnyNode, MapNode, Problem, ScalarNode, YamlRefused, parse_tree

ROLE_PROFILES = ("specialist", "generalist")
ITEM_KINDS = ("likert", "choice")

T = TypeVar("T")


def load_bank(path: str | os.PathLike[str], display_name: str | None = None) -> Bank:
    """Read, parse and validate the bank at ``path``; raise ``BankError`` if anything is off."""
    name = display_name or str(path)
    text = read_text_file(Path(path), name, MAX_BANK_BYTES)
    return parse_bank(text, name)


def parse_bank(text: str, name: str = "<bank>") -> Bank:
    """Validate bank ``text`` (the contents of file ``name``) and build the ``Bank``."""

    def located(problems: list[Problem]) -> BankError:
        ordered = sorted(problems, key=lambda p: (p.line, p.column))
        return BankError([LocatedProblem(name, p.line, p.column, p.message) for p in ordered])

    if "\x00" in text:
        offset = text.index("\x00")
        line = text.count("\n", 0, offset) + 1
        raise located([Problem(line, 1, "the file contains NUL characters: it is not a text file")])
    try:
        root, problems = parse_tree(text)
    except YamlRefused as refused:
        raise located([refused.problem]) from None
    if root is None:
        raise located([Problem(1, 1, "the bank is empty: expected id, version, roles, items, ...")])
    builder = _BankBuilder(name)
    builder.problems.extend(problems)
    bank = builder.build(root)
    if builder.problems or bank is None:
        raise located(builder.problems)
    return bank


class _BankBuilder(Reader):
    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name
        # Every item id given validly, in order, even where the item is otherwise broken:
        # forms refer to these, so one broken item does not also break every form.
        self.item_ids: dict[str, AnyNode] = {}

    # Each section reader returns what it could read; missing pieces are recorded problems.

    def build(self, root: AnyNode) -> Bank | None:
        top = self.mapping(
            root,
            "",
            required=(
                "id",
                "version",
                "title",
                "scale",
                "roles",
                "dimensions",
                "tasks",
                "items",
                "forms",
            ),
            optional=("description", "scoring", "notes"),
        )
        if top is None:
            return None
        bank_id = self._get(top, "id", "", self.ident)
        version = self._version(top)
        title = self._get(top, "title", "", self.text)
        description = self._get(top, "description", "", self.text) or ""
        scale = self._scale(top)
        roles = self._roles(top)
        dimensions = self._dimensions(top)
        tasks = self._tasks(top, roles, dimensions)
        items = self._items(top, tasks, roles)
        forms = self._forms(top)
        scoring = self._scoring(top)
        notes = self._notes(top, tasks)
        self._check_coverage(top, roles, tasks, items)
        if self.problems or None in (bank_id, version, title, scale):
            return None
        assert bank_id and version and title and scale
        return Bank(
            id=bank_id,
            version=version,
            title=title,
            description=description,
            scale=scale,
            roles=tuple(roles.values()),
            dimensions=tuple(dimensions.values()),
            tasks=tuple(t for t, _ in tasks.values()),
            items=tuple(i for i, _ in items.values()),
            forms=forms,
            scoring=scoring,
            notes=tuple(notes),
            source=self.name,
        )

    def _get(
        self, node: MapNode, key: str, path: str, read: Callable[[AnyNode, str], T | None]
    ) -> T | None:
        child = entry(node, key)
        if child is None:
            return None
        return read(child, f"{path}.{key}" if path else key)

    def _version(self, top: MapNode) -> str | None:
        node = entry(top, "version")
        if node is None:
            return None
        value = getattr(node, "value", None)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            self.problem(node, "version", f'expected text such as "1.0"; put {value} in quotes')
            return None
        return self.text(node, "version")

    def _scale(self, top: MapNode) -> Scale | None:
        node = entry(top, "scale")
        if node is None:
            return None
        scale = self.mapping(node, "scale", required=("min", "max", "labels"))
        if scale is None:
            return None
        low = self._get(scale, "min", "scale", self.integer)
        high = self._get(scale, "max", "scale", self.integer)
        labels_node = entry(scale, "labels")
        labels = (
            [
                self.text(child, f"scale.labels[{i}]")
                for i, child in enumerate(self.sequence(labels_node, "scale.labels", "labels"))
            ]
            if labels_node is not None
            else []
        )
        if low is None or high is None:
            return None
        if high <= low:
            self.problem(
                entry(scale, "max") or scale,
                "scale.max",
                f"must be greater than scale.min (got min {low}, max {high})",
            )
            return None
        points = high - low + 1
        if points > 11:
            self.problem(scale, "scale", f"at most 11 answer points, got {points} ({low}..{high})")
            return None
        if labels_node is not None and len(labels) != points:
            self.problem(
                labels_node,
                "scale.labels",
                f"expected {points} labels, one per point from {low} to {high}, "
                f"found {len(labels)}",
            )
            return None
        if any(label is None for label in labels):
            return None
        return Scale(low, high, tuple(label for label in labels if label is not None))

    def _unique(
        self, seen: Mapping[str, object], ident: str | None, node: AnyNode, path: str, what: str
    ) -> bool:
        if ident is None:
            return False
        if ident in seen:
            self.problem(node, f"{path}.id", f"duplicate {what} id '{ident}'")
            return False
        return True

    def _roles(self, top: MapNode) -> dict[str, Role]:
        roles: dict[str, Role] = {}
        node = entry(top, "roles")
        if node is None:
            return roles
        for index, child in enumerate(self.sequence(node, "roles", "roles", min_len=2)):
            path = f"roles[{index}]"
            role = self.mapping(
                child,
                path,
                required=("id", "title", "description"),
                optional=("profile", "day_to_day"),
            )
            if role is None:
                continue
            ident = self._get(role, "id", path, self.ident)
            title = self._get(role, "title", path, self.text)
            description = self._get(role, "description", path, self.text)
            profile = "specialist"
            if "profile" in role.entries:
                profile = self._get(role, "profile", path, self._profile) or profile
            day_node = entry(role, "day_to_day")
            day: list[str | None] = []
            if day_node is not None:
                day = [
                    self.text(c, f"{path}.day_to_day[{i}]")
                    for i, c in enumerate(self.sequence(day_node, f"{path}.day_to_day", "lines"))
                ]
            # A valid id is registered even when other fields are broken, so that one
            # mistake gives one message rather than an "unknown role" at every reference.
            if self._unique(roles, ident, child, path, "role"):
                assert ident is not None
                roles[ident] = Role(
                    ident,
                    title or "",
                    description or "",
                    profile,  # type: ignore[arg-type]
                    tuple(d for d in day if d),
                )
        if roles and all(r.profile == "generalist" for r in roles.values()):
            self.problem(node, "roles", "at least one role must have profile: specialist")
        return roles

    def _profile(self, node: AnyNode, path: str) -> str | None:
        return self.choice(node, path, ROLE_PROFILES)

    def _dimensions(self, top: MapNode) -> dict[str, Dimension]:
        dims: dict[str, Dimension] = {}
        node = entry(top, "dimensions")
        if node is None:
            return dims
        for index, child in enumerate(self.sequence(node, "dimensions", "dimensions", min_len=1)):
            path = f"dimensions[{index}]"
            dim = self.mapping(child, path, required=("id", "title"), optional=("description",))
            if dim is None:
                continue
            ident = self._get(dim, "id", path, self.ident)
            title = self._get(dim, "title", path, self.text)
            description = self._get(dim, "description", path, self.text) or ""
            if self._unique(dims, ident, child, path, "dimension"):
                assert ident is not None
                dims[ident] = Dimension(ident, title or "", description)
        return dims

    def _refs(
        self, node: MapNode, key: str, path: str, known: dict[str, T], what: str
    ) -> tuple[str, ...]:
        child = entry(node, key)
        if child is None:
            return ()
        out = []
        for ident, ref_node in self.id_list(child, f"{path}.{key}", f"{what} ids"):
            if ident in known:
                out.append(ident)
            else:
                hint = _closest(ident, known)
                self.problem(ref_node, f"{path}.{key}", f"unknown {what} '{ident}'{hint}")
        return tuple(out)

    def _tasks(
        self, top: MapNode, roles: dict[str, Role], dims: dict[str, Dimension]
    ) -> dict[str, tuple[Task, AnyNode]]:
        tasks: dict[str, tuple[Task, AnyNode]] = {}
        node = entry(top, "tasks")
        if node is None:
            return tasks
        for index, child in enumerate(self.sequence(node, "tasks", "tasks", min_len=1)):
            path = f"tasks[{index}]"
            task = self.mapping(
                child, path, required=("id", "text", "roles", "dimension"), optional=("source",)
            )
            if task is None:
                continue
            ident = self._get(task, "id", path, self.ident)
            text = self._get(task, "text", path, self.text)
            task_roles = self._refs(task, "roles", path, roles, "role")
            dimension = self._get(task, "dimension", path, self.ident)
            if dimension is not None and dimension not in dims:
                self.problem(
                    entry(task, "dimension") or task,
                    f"{path}.dimension",
                    f"unknown dimension '{dimension}'{_closest(dimension, dims)}",
                )
                dimension = None
            source = self._get(task, "source", path, self.text) or ""
            if self._unique(tasks, ident, child, path, "task"):
                assert ident is not None
                task_obj = Task(ident, text or "", task_roles, dimension or "", source)
                tasks[ident] = (task_obj, child)
        return tasks

    def _items(
        self, top: MapNode, tasks: dict[str, tuple[Task, AnyNode]], roles: dict[str, Role]
    ) -> dict[str, tuple[Item, AnyNode]]:
        items: dict[str, tuple[Item, AnyNode]] = {}
        node = entry(top, "items")
        if node is None:
            return items
        seen = self.item_ids
        for index, child in enumerate(self.sequence(node, "items", "items", min_len=1)):
            path = f"items[{index}]"
            kind_node = entry(child, "kind") if isinstance(child, MapNode) else None
            kind = self.choice(kind_node, f"{path}.kind", ITEM_KINDS) if kind_node else None
            if kind == "choice":
                required: tuple[str, ...] = ("id", "kind", "text", "options")
                optional: tuple[str, ...] = ("summary",)
            elif kind == "likert":
                required = ("id", "kind", "text", "tasks")
                optional = ("summary", "reverse")
            else:
                # The kind is missing or wrong, already reported: check only what every
                # item needs rather than guess which kind was meant.
                required = ("id", "kind", "text")
                optional = ("summary", "reverse", "tasks", "options")
            item = self.mapping(child, path, required=required, optional=optional)
            if item is None:
                continue
            ident = self._get(item, "id", path, self.ident)
            fresh = self._unique(seen, ident, child, path, "item")
            if fresh:
                assert ident is not None
                seen[ident] = child
            if kind is None:
                continue
            text = self._get(item, "text", path, self.text)
            summary = self._get(item, "summary", path, self.text) or text
            built: Item | None = None
            if kind == "likert":
                item_tasks = self._refs(item, "tasks", path, tasks, "task")
                reverse = False
                if "reverse" in item.entries:
                    reverse = bool(self._get(item, "reverse", path, self.boolean))
                if item_tasks and text and summary and ident:
                    built = LikertItem(ident, text, summary, item_tasks, reverse)
            else:
                options = self._options(item, path, tasks, roles)
                if options and text and summary and ident:
                    built = ChoiceItem(ident, text, summary, options)
            if fresh and built is not None:
                items[built.id] = (built, child)
        return items

    def _options(
        self,
        item: MapNode,
        path: str,
        tasks: dict[str, tuple[Task, AnyNode]],
        roles: dict[str, Role],
    ) -> tuple[Option, ...]:
        node = entry(item, "options")
        if node is None:
            return ()
        children = self.sequence(node, f"{path}.options", "options", min_len=2)
        options: list[Option] = []
        seen: dict[str, object] = {}
        for index, child in enumerate(children):
            opath = f"{path}.options[{index}]"
            option = self.mapping(child, opath, required=("id", "text", "tasks"))
            if option is None:
                continue
            ident = self._get(option, "id", opath, self.ident)
            text = self._get(option, "text", opath, self.text)
            option_tasks = self._refs(option, "tasks", opath, tasks, "task")
            if not self._unique(seen, ident, child, opath, "option"):
                continue
            seen[ident or ""] = child
            if text and option_tasks:
                assert ident is not None
                options.append(Option(ident, text, option_tasks))
        if len(children) < 2 or len(options) != len(children):
            return ()
        mixes = {
            tuple(round(v, 9) for v in role_mix([tasks[t][0] for t in o.tasks], roles).values())
            for o in options
        }
        if len(mixes) == 1:
            self.problem(
                node,
                f"{path}.options",
                "every option measures the same roles' tasks, so the choice tells the roles "
                "nothing; give the options tasks of different roles",
            )
            return ()
        return tuple(options)

    def _forms(self, top: MapNode) -> dict[str, tuple[str, ...]]:
        forms: dict[str, tuple[str, ...]] = {}
        node = entry(top, "forms")
        if node is None:
            return forms
        if not isinstance(node, MapNode):
            self.mapping(node, "forms", required=("full",))
            return forms
        if "full" not in node.entries:
            self.problem(node, "forms.full", "missing required key")
        for name, (line, col, child) in node.entries.items():
            path = f"forms.{name}"
            if self.ident(ScalarNode(line, col, name), "forms") is None:
                continue
            if getattr(child, "value", None) == "all":
                forms[name] = tuple(self.item_ids)
                continue
            ids = []
            for ident, ref in self.id_list(child, path, "item ids (or the word all)"):
                if ident in self.item_ids:
                    ids.append(ident)
                else:
                    hint = _closest(ident, self.item_ids)
                    self.problem(ref, path, f"unknown item '{ident}'{hint}")
            forms[name] = tuple(ids)
        return forms

    def _scoring(self, top: MapNode) -> ScoringParams:
        node = entry(top, "scoring")
        default = ScoringParams()
        if node is None:
            return default
        fields = {
            "choice_weight": (0.0, 1.0),
            "verdict_z": (0.0, 10.0),
            "strong_z": (0.0, 10.0),
            "strong_margin": (0.0, 100.0),
            "moderate_margin": (0.0, 100.0),
            "min_answered": (0.0, 1.0),
        }
        scoring = self.mapping(node, "scoring", required=(), optional=tuple(fields))
        if scoring is None:
            return default
        values: dict[str, float] = {}
        for key, (low, high) in fields.items():
            child = entry(scoring, key)
            value = None if child is None else self.fraction(child, f"scoring.{key}", low, high)
            if value is not None:
                values[key] = value
        params = ScoringParams(**values)
        for lesser, greater in (("moderate_margin", "strong_margin"), ("verdict_z", "strong_z")):
            below, above = getattr(params, lesser), getattr(params, greater)
            if below > above:
                self.problem(
                    scoring, f"scoring.{lesser}", f"must not exceed {greater} ({below} > {above})"
                )
        return params

    def _notes(self, top: MapNode, tasks: dict[str, tuple[Task, AnyNode]]) -> list[Note]:
        notes: list[Note] = []
        node = entry(top, "notes")
        if node is None:
            return notes
        seen: dict[str, object] = {}
        for index, child in enumerate(self.sequence(node, "notes", "notes")):
            path = f"notes[{index}]"
            note = self.mapping(child, path, required=("id", "tasks", "text"))
            if note is None:
                continue
            ident = self._get(note, "id", path, self.ident)
            note_tasks = self._refs(note, "tasks", path, tasks, "task")
            text = self._get(note, "text", path, self.text)
            if self._unique(seen, ident, child, path, "note") and note_tasks and text:
                assert ident is not None
                seen[ident] = child
                notes.append(Note(ident, note_tasks, text))
        return notes

    def _check_coverage(
        self,
        top: MapNode,
        roles: dict[str, Role],
        tasks: dict[str, tuple[Task, AnyNode]],
        items: dict[str, tuple[Item, AnyNode]],
    ) -> None:
        measured = {t for item, _ in items.values() for t in item.tasks}
        for ident, (_task, node) in tasks.items():
            if ident not in measured:
                self.problem(
                    node,
                    f"tasks.{ident}",
                    "no item measures this task; add an item "
                    "whose tasks (or an option's tasks) list it",
                )
        with_tasks = {r for task, _ in tasks.values() for r in task.roles}
        roles_node = entry(top, "roles") or top
        for ident in roles:
            if ident not in with_tasks:
                self.problem(roles_node, f"roles.{ident}", "no task belongs to this role")


def _closest(ident: str, known: dict[str, T]) -> str:
    hint = difflib.get_close_matches(ident, list(known), n=1)
    return f"; did you mean '{hint[0]}'?" if hint else ""
