"""Load a question bank file, validate all of it, and build the frozen ``Bank``.

The file's structure is checked against its declaration (``rolefit.bank.spec``) by the
``Reader``; this module checks what a declaration cannot say: that ids are unique and every
id referred to exists, that every task is measured and every role told apart, that each
form measures every role, that a choice's options set roles against each other. Every
problem is collected (with file, line and column) before anything is reported, so an
author fixes a file in one round rather than one error per run.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path

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
from rolefit.bank.reader import Reader, Record, Ref, printable, shown
from rolefit.bank.spec import ANSWER_KEYS, BANK, MAX_ANSWERS
from rolefit.bank.yamltree import AnyNode, Problem, SeqNode, YamlRefused, parse_tree


def load_bank(path: str | os.PathLike[str], display_name: str | None = None) -> Bank:
    """Read, parse and validate the bank at ``path``; raise ``BankError`` if anything is off."""
    name = display_name or str(path)
    text = read_text_file(Path(path), name, MAX_BANK_BYTES)
    return parse_bank(text, name)


def parse_bank(text: str, name: str = "<bank>") -> Bank:
    """Validate bank ``text`` (the contents of file ``name``) and build the ``Bank``."""

    def located(problems: list[Problem]) -> BankError:
        ordered = sorted(problems, key=lambda p: (p.line, p.column))
        # A key or id written with a line break in it must not break the one-line format.
        return BankError(
            [LocatedProblem(name, p.line, p.column, printable(p.message)) for p in ordered]
        )

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


TaskEntry = tuple[Task, AnyNode]


class _BankBuilder(Reader):
    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name
        # Every item id given validly, in order, even where the item is otherwise broken:
        # forms refer to these, so one broken item does not also break every form.
        self.item_ids: dict[str, AnyNode] = {}
        self.role_nodes: dict[str, AnyNode] = {}
        # What was read whole, every reference found: only that is checked for sense (a
        # form's roles, a role's own tasks), so one typo gives one message, not three.
        self.tasks_whole = True
        self.whole_items: set[str] = set()

    def build(self, root: AnyNode) -> Bank | None:
        top = self.mapping(root, BANK, "")
        if top is None:
            return None
        values = top.values
        scale = self._scale(top)
        roles = self._roles(top)
        dimensions = self._dimensions(top)
        tasks = self._tasks(top, roles, dimensions)
        items = self._items(top, tasks, roles)
        forms = self._forms(top)
        scoring = self._scoring(top)
        notes = self._notes(top, tasks)
        self._check_coverage(roles, tasks, items)
        if self.tasks_whole:
            self._check_roles_told_apart(tasks)
            self._check_forms(top, forms, roles, tasks, items)
        if self.problems or scale is None:
            return None
        return Bank(
            id=values["id"],
            version=values["version"],
            title=values["title"],
            description=values["description"],
            scale=scale,
            roles=tuple(roles.values()),
            dimensions=tuple(dimensions.values()),
            tasks=tuple(t for t, _ in tasks.values()),
            items=tuple(items.values()),
            forms=forms,
            scoring=scoring,
            notes=tuple(notes),
            source=self.name,
            language=values["language"],
        )

    # -- reading the sections -----------------------------------------------------------

    def _register(self, seen: Mapping[str, object], record: Record, what: str) -> str | None:
        """The record's id if it is valid and new; a duplicate is reported."""
        ident: str | None = record.values.get("id")
        if ident is None:
            return None
        if ident in seen:
            self.problem(record.node, record.sub("id"), f"duplicate {what} id '{ident}'")
            return None
        return ident

    def _resolve(self, record: Record, key: str, known: Mapping[str, object], what: str) -> bool:
        """Report every id under ``key`` not in ``known``; True if all were found."""
        refs: Iterable[Ref] = record.values.get(key) or ()
        found = True
        for ref in refs:
            if ref.id not in known:
                found = False
                hint = self.suggest.hint(ref.id, known, what)
                self.problem(ref.node, record.sub(key), f"unknown {what} {shown(ref.id, 70)}{hint}")
        return found and key in record.values

    def _scale(self, top: Record) -> Scale | None:
        scale: Record | None = top.values.get("scale")
        if scale is None:
            return None
        low, high = scale.values.get("min"), scale.values.get("max")
        if low is None or high is None:
            return None
        if high <= low:
            message = f"must be greater than scale.min (got min {low}, max {high})"
            self.problem(scale.at("max"), "scale.max", message)
            return None
        points = high - low + 1
        if points > MAX_ANSWERS:
            message = f"at most {MAX_ANSWERS} answer points, got {points} ({low}..{high}): "
            self.problem(scale.node, "scale", message + ANSWER_KEYS)
            return None
        labels_node = scale.nodes.get("labels")
        found = len(labels_node.items) if isinstance(labels_node, SeqNode) else points
        if found != points:
            message = f"expected {points} labels, one per point from {low} to {high}, found {found}"
            self.problem(scale.at("labels"), "scale.labels", message)
        if found != points or not scale.sound:
            return None
        return Scale(low, high, tuple(scale.values["labels"]))

    def _roles(self, top: Record) -> dict[str, Role]:
        roles: dict[str, Role] = {}
        for record in top.values.get("roles", ()):
            # A valid id is registered even when other fields are broken, so that one
            # mistake gives one message rather than an "unknown role" at every reference.
            ident = self._register(roles, record, "role")
            if ident is None:
                continue
            get = record.values.get
            day = tuple(get("day_to_day", ()))
            profile = get("profile", "specialist")
            roles[ident] = Role(ident, get("title", ""), get("description", ""), profile, day)
            self.role_nodes[ident] = record.node
        if roles and all(r.profile == "generalist" for r in roles.values()):
            self.problem(
                top.at("roles"), "roles", "at least one role must have profile: specialist"
            )
        return roles

    def _dimensions(self, top: Record) -> dict[str, Dimension]:
        dims: dict[str, Dimension] = {}
        for record in top.values.get("dimensions", ()):
            ident = self._register(dims, record, "dimension")
            if ident is not None:
                get = record.values.get
                dims[ident] = Dimension(ident, get("title", ""), get("description", ""))
        return dims

    def _tasks(
        self, top: Record, roles: dict[str, Role], dims: dict[str, Dimension]
    ) -> dict[str, TaskEntry]:
        tasks: dict[str, TaskEntry] = {}
        for record in top.values.get("tasks", ()):
            whole = self._resolve(record, "roles", roles, "role") and record.sound
            self.tasks_whole = self.tasks_whole and whole
            dimension = record.values.get("dimension")
            if dimension is not None and dimension not in dims:
                hint = self.suggest.hint(dimension, dims, "dimension")
                message = f"unknown dimension '{dimension}'{hint}"
                self.problem(record.at("dimension"), record.sub("dimension"), message)
                dimension = None
            ident = self._register(tasks, record, "task")
            if ident is None:
                continue
            get = record.values.get
            task_roles = tuple(r.id for r in get("roles", ()) if r.id in roles)
            source = get("source", "")
            tasks[ident] = (
                Task(ident, get("text", ""), task_roles, dimension or "", source),
                record.node,
            )
        return tasks

    def _items(
        self, top: Record, tasks: dict[str, TaskEntry], roles: dict[str, Role]
    ) -> dict[str, Item]:
        items: dict[str, Item] = {}
        for record in top.values.get("items", ()):
            ident = self._register(self.item_ids, record, "item")
            if ident is not None:
                self.item_ids[ident] = record.node
            get = record.values.get
            kind, text = get("kind"), get("text")
            built: Item | None = None
            whole = False
            if kind == "likert":
                whole = self._resolve(record, "tasks", tasks, "task")
                item_tasks = tuple(r.id for r in get("tasks", ()) if r.id in tasks)
                if ident and item_tasks and text:
                    summary = get("summary") or text
                    built = LikertItem(ident, text, summary, item_tasks, get("reverse", False))
            elif kind == "choice":
                options, whole = self._options(record, tasks, roles)
                if ident and options and text:
                    built = ChoiceItem(ident, text, get("summary") or text, options)
            if built is not None:
                items[built.id] = built
                if whole and record.sound:
                    self.whole_items.add(built.id)
        if items and not any(isinstance(i, LikertItem) for i in items.values()):
            self.problem(
                top.at("items"),
                "items",
                "there is no Likert item: a role's level is made from Likert answers (choice "
                "items only move it), so add Likert items",
            )
        return items

    def _options(
        self, item: Record, tasks: dict[str, TaskEntry], roles: dict[str, Role]
    ) -> tuple[tuple[Option, ...], bool]:
        """The options, all read, and whether every task they name exists."""
        node = item.nodes.get("options")
        records: list[Record] = item.values.get("options") or []
        options: list[Option] = []
        seen: dict[str, object] = {}
        whole = True
        for record in records:
            whole = self._resolve(record, "tasks", tasks, "task") and whole
            ident = self._register(seen, record, "option")
            if ident is None:
                continue
            seen[ident] = record.node
            text = record.values.get("text")
            option_tasks = tuple(r.id for r in record.values.get("tasks", ()) if r.id in tasks)
            if text and option_tasks:
                options.append(Option(ident, text, option_tasks))
        if not isinstance(node, SeqNode) or len(node.items) < 2 or len(options) != len(node.items):
            return (), False
        mixes = {
            tuple(round(v, 9) for v in role_mix([tasks[t][0] for t in o.tasks], roles).values())
            for o in options
        }
        if len(mixes) == 1:
            self.problem(
                node,
                item.sub("options"),
                "every option measures the same roles' tasks, so the choice tells the roles "
                "nothing; give the options tasks of different roles",
            )
            return (), False
        return tuple(options), whole

    def _forms(self, top: Record) -> dict[str, tuple[str, ...]]:
        forms: dict[str, tuple[str, ...]] = {}
        record: Record | None = top.values.get("forms")
        if record is None:
            return forms
        for name, value in record.values.items():
            if value == "all":
                forms[name] = tuple(self.item_ids)
                continue
            ids = []
            for ref in value:
                if ref.id in self.item_ids:
                    ids.append(ref.id)
                else:
                    hint = self.suggest.hint(ref.id, self.item_ids, "item")
                    message = f"unknown item {shown(ref.id, 70)}{hint}"
                    self.problem(ref.node, record.sub(name), message)
            forms[name] = tuple(ids)
        return forms

    def _scoring(self, top: Record) -> ScoringParams:
        record: Record | None = top.values.get("scoring")
        if record is None:
            return ScoringParams()
        params = ScoringParams(**{k: float(v) for k, v in record.values.items()})
        # A threshold for any verdict must lie below the one for a strong verdict, whichever
        # of the two the file sets (the other keeps its default).
        for lesser, greater, allowed_equal in (
            ("moderate_margin", "strong_margin", False),
            ("verdict_z", "strong_z", True),
        ):
            if lesser not in record.values and greater not in record.values:
                continue
            low, high = getattr(params, lesser), getattr(params, greater)
            given = lesser if lesser in record.values else greater
            where, path = record.at(given), f"scoring.{given}"
            other = greater if given == lesser else lesser
            if low > high:
                rule = "must not exceed" if given == lesser else "must not be below"
                self.problem(where, path, f"{rule} {other} ({low} > {high})")
            elif low == high and not allowed_equal:
                rule = "below" if given == lesser else "above"
                why = "there would be no moderate result"
                self.problem(where, path, f"must be {rule} {other}, not equal to it: {why}")
        return params

    def _notes(self, top: Record, tasks: dict[str, TaskEntry]) -> list[Note]:
        notes: list[Note] = []
        seen: dict[str, object] = {}
        for record in top.values.get("notes", ()):
            self._resolve(record, "tasks", tasks, "task")
            ident = self._register(seen, record, "note")
            note_tasks = tuple(r.id for r in record.values.get("tasks", ()) if r.id in tasks)
            text = record.values.get("text")
            if ident is not None and note_tasks and text:
                seen[ident] = record.node
                notes.append(Note(ident, note_tasks, text))
        return notes

    # -- what the bank as a whole must make sense of --------------------------------------

    def _check_coverage(
        self, roles: dict[str, Role], tasks: dict[str, TaskEntry], items: dict[str, Item]
    ) -> None:
        measured = {t for item in items.values() for t in item.tasks}
        for ident, (_task, node) in tasks.items():
            if ident not in measured:
                why = "no item measures this task; add an item whose tasks (or an option's) list it"
                self.problem(node, f"tasks.{ident}", why)
        with_tasks = {r for task, _ in tasks.values() for r in task.roles}
        for ident, node in self.role_nodes.items():
            if ident not in with_tasks:
                self.problem(node, f"roles.{ident}", "no task belongs to this role")

    def _check_roles_told_apart(self, tasks: dict[str, TaskEntry]) -> None:
        for ident, node in self.role_nodes.items():
            own = [t for t, _ in tasks.values() if ident in t.roles]
            if own and all(len(t.roles) > 1 for t in own):
                self.problem(
                    node,
                    f"roles.{ident}",
                    "every task of this role is shared with another role, so no answer can "
                    "tell it apart; give it a task of its own",
                )

    def _check_forms(
        self,
        top: Record,
        forms: dict[str, tuple[str, ...]],
        roles: dict[str, Role],
        tasks: dict[str, TaskEntry],
        items: dict[str, Item],
    ) -> None:
        record: Record | None = top.values.get("forms")
        if record is None:
            return
        for name, ids in forms.items():
            given = record.values.get(name)
            if not ids or (given != "all" and (given is None or len(ids) != len(given))):
                continue  # an unknown item, or none, is reported already
            if not self.whole_items.issuperset(ids):
                continue
            measured = {r for i in ids for t in items[i].tasks for r in tasks[t][0].roles}
            missing = [r for r in roles if r not in measured]
            if missing:
                listed = ", ".join(f"'{r}'" for r in missing)
                self.problem(
                    record.at(name),
                    record.sub(name),
                    f"no item of this form measures a task of role {listed}, so the form "
                    "cannot tell whether that role fits",
                )
