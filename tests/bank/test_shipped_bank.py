"""The shipped bank's invariants: what the questionnaire promises its users."""

from importlib import resources

from rolefit.bank import ChoiceItem, LikertItem, load_bank, shipped_bank_paths

# The task ids of the roles' task lists the bank is built from (copied here so the tests
# never depend on a folder outside the project).
SOURCE_TASKS = {
    "ops.smooth-running": ["operations"],
    "ops.production": ["operations"],
    "ops.engineering": ["operations"],
    "ops.inventory": ["operations"],
    "ops.support": ["operations"],
    "ops.forecasting": ["operations"],
    "ops.systems": ["operations", "business"],
    "shared.cross-department": ["operations", "business", "general"],
    "ops.lead-delegate": ["operations"],
    "shared.budgets-resources": ["operations", "business"],
    "shared.targets": ["operations", "business", "general"],
    "bus.finance": ["business"],
    "bus.marketing": ["business"],
    "bus.hr-compliance": ["business"],
    "bus.administration": ["business"],
    "bus.resource-planning": ["business"],
    "gen.all-areas": ["general"],
    "gen.policies": ["general"],
    "gen.recruiting": ["general"],
    "gen.training-quality": ["general"],
    "gen.performance-review": ["general"],
    "gen.management-staff-link": ["general"],
    "gen.direct-to-goals": ["general"],
    "ops.growth-strategy": ["operations"],
    "ops.work-with-departments": ["operations"],
    "ops.efficiency": ["operations"],
    "ops.discipline-motivation": ["operations"],
    "ops.purchasing": ["operations"],
    "ops.new-techniques": ["operations"],
    "ops.customer-issues": ["operations"],
}


def test_every_shipped_bank_loads():
    paths = shipped_bank_paths()
    assert any(p.name == "management.yaml" for p in paths)
    for path in paths:
        load_bank(path)  # raises with every problem if invalid


def test_carries_the_source_task_list_with_the_same_roles(bank):
    assert {t.id: list(t.roles) for t in bank.tasks} == SOURCE_TASKS


def test_every_task_is_measured(bank):
    measured = {t for item in bank.items for t in item.tasks}
    assert measured == set(SOURCE_TASKS)


def test_every_task_is_measured_by_the_full_form(bank):
    measured = {t for item in bank.form_items("full") for t in item.tasks}
    assert measured == set(SOURCE_TASKS)


def test_roles_are_the_three_management_roles(bank):
    assert bank.role_ids == ("operations", "business", "general")
    assert bank.role("general").profile == "generalist"
    for role in bank.roles:
        assert role.title and role.description and len(role.day_to_day) >= 3


def test_form_sizes(bank):
    assert len(bank.forms["full"]) >= 48
    assert 12 <= len(bank.forms["short"]) <= 18


def test_both_item_kinds_and_enough_reverse_keyed_items(bank):
    likert = [i for i in bank.items if isinstance(i, LikertItem)]
    choice = [i for i in bank.items if isinstance(i, ChoiceItem)]
    reverse = [i for i in likert if i.reverse]
    assert len(choice) >= 6
    assert len(reverse) >= 4
    # Each reverse item has a forward twin on the same work, so acquiescence is measurable.
    for item in reverse:
        assert any(not o.reverse and set(o.tasks) & set(item.tasks) for o in likert), item.id


def test_short_form_covers_every_role_and_can_detect_acquiescence(bank):
    short = bank.form_items("short")
    roles = {r for item in short for t in item.tasks for r in bank.task(t).roles}
    assert roles == set(bank.role_ids)
    assert sum(1 for i in short if isinstance(i, LikertItem) and i.reverse) >= 2


def test_choice_items_set_different_roles_against_each_other(bank):
    for item in bank.items:
        if isinstance(item, ChoiceItem):
            leading = {
                max(bank.role_ids, key=lambda r, o=o: sum(r in bank.task(t).roles for t in o.tasks))
                for o in item.options
            }
            assert len(leading) == len(item.options), item.id


def test_choice_options_do_not_always_put_one_role_first(bank):
    firsts = {
        bank.task(item.options[0].tasks[0]).roles[0]
        for item in bank.items
        if isinstance(item, ChoiceItem)
    }
    assert len(firsts) == 3


def test_likert_items_are_worded_in_the_second_person(bank):
    for item in bank.items:
        if isinstance(item, LikertItem):
            assert item.text.startswith("How ") and " you" in item.text, item.id
            assert item.text.endswith("?"), item.id


def test_the_shipped_bank_states_its_language(bank):
    text = resources.files("rolefit.questions").joinpath("management.yaml").read_text("utf-8")
    assert "\nlanguage: en\n" in text
    assert bank.language == "en"


def test_bank_names_its_json_schema_for_editors():
    text = resources.files("rolefit.questions").joinpath("management.yaml").read_text("utf-8")
    first = text.splitlines()[0]
    assert first == "# yaml-language-server: $schema=bank.schema.json"
    assert resources.files("rolefit.questions").joinpath("bank.schema.json").is_file()


def test_notes_explain_the_money_overlap(bank):
    money = next(n for n in bank.notes if "bus.finance" in n.tasks)
    assert "ops.purchasing" in money.tasks
