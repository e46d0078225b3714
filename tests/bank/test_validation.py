"""Every kind of broken bank is refused with located, readable problems; never a crash."""

import re
import textwrap

import pytest
from broken_banks import CASES, JUNK
from conftest import MINIMAL_BANK

from rolefit.bank import BankError, load_bank, parse_bank

LINE_FORMAT = re.compile(r"^(?P<file>.+):(?P<line>\d+):(?P<col>\d+): (?P<msg>.+)$")


def problems(text: str) -> list[str]:
    with pytest.raises(BankError) as caught:
        parse_bank(text, "bank.yaml")
    lines = caught.value.lines()
    for line in lines:
        assert LINE_FORMAT.match(line), line
    return lines


def replace(old: str, new: str, text: str = MINIMAL_BANK) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def line_of(text: str, fragment: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if fragment in line)


def test_minimal_bank_is_valid():
    bank = parse_bank(MINIMAL_BANK, "bank.yaml")
    assert bank.id == "mini"
    assert bank.forms["full"] == ("make", "money", "all", "make-tiresome", "pick")


def test_yaml_syntax_error_is_located():
    text = replace("title: Mini bank", "title: [unclosed")
    (line,) = problems(text)
    assert line.startswith("bank.yaml:")
    assert "YAML syntax error" in line


def test_unknown_key_names_the_key_and_suggests():
    text = replace("    tasks: [ops.make]\n", "    taks: [ops.make]\n")
    lines = problems(text)
    typo = next(p for p in lines if "taks" in p)
    assert f"bank.yaml:{line_of(text, 'taks:')}:5: items[0].taks: unknown key" in typo
    assert "did you mean 'tasks'" in typo
    assert any("items[0].tasks: missing required key" in p for p in lines)


def test_wrong_type_says_what_was_expected():
    text = replace("  min: 1", "  min: one")
    (line,) = problems(text)
    assert (
        line == f"bank.yaml:{line_of(text, 'min: one')}:8: scale.min: expected a whole "
        "number, got the text 'one'"
    )


def test_unquoted_version_number_is_explained():
    (line,) = problems(replace('version: "0.1"', "version: 0.1"))
    assert 'version: expected text such as "1.0"; put 0.1 in quotes' in line


def test_missing_required_field():
    text = replace("    description: Runs money and administration.\n", "")
    (line,) = problems(text)
    assert "roles[1].description: missing required key" in line


def test_duplicate_ids_of_items_tasks_and_options():
    text = replace("  - id: money\n", "  - id: make\n")
    text = replace("  - id: bus.money\n", "  - id: ops.make\n", text)
    text = replace("      - id: b\n", "      - id: a\n", text)
    lines = problems(text)
    assert any("duplicate item id 'make'" in p for p in lines)
    assert any("duplicate task id 'ops.make'" in p for p in lines)
    assert any("duplicate option id 'a'" in p for p in lines)


def test_duplicate_mapping_keys_are_not_silently_merged():
    text = replace("title: Mini bank\n", "title: Mini bank\ntitle: Other\n")
    (line,) = problems(text)
    assert (
        f":{line_of(text, 'title: Other')}:1: title: duplicate key (first given on line 3)" in line
    )


def test_references_to_unknown_tasks_roles_items_and_dimensions():
    text = replace("    tasks: [bus.money]\n  - id: all", "    tasks: [bus.mony]\n  - id: all")
    text = replace("roles: [business]", "roles: [busines]", text)
    text = replace("short: [make, money, all]", "short: [make, money, al]", text)
    text = replace(
        "    dimension: work\n  - id: bus.money", "    dimension: wrk\n  - id: bus.money", text
    )
    lines = problems(text)
    joined = "\n".join(lines)
    assert "unknown task 'bus.mony'; did you mean 'bus.money'?" in joined
    assert "unknown role 'busines'; did you mean 'business'?" in joined
    assert "forms.short: unknown item 'al'; did you mean 'all'?" in joined
    assert "unknown dimension 'wrk'; did you mean 'work'?" in joined


def test_choice_item_needs_two_options():
    text = replace("      - id: b\n        text: Count money\n        tasks: [bus.money]\n", "")
    lines = problems(text)
    assert any("items[4].options: expected at least 2 options, found 1" in p for p in lines)


def test_choice_options_must_measure_different_roles():
    text = replace(
        "        text: Count money\n        tasks: [bus.money]",
        "        text: Make more\n        tasks: [ops.make]",
    )
    lines = problems(text)
    assert any("every option measures the same roles' tasks" in p for p in lines)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("  max: 5", "  max: 1", "scale.max: must be greater than scale.min (got min 1, max 1)"),
        ("  min: 1", "  min: 9", "scale.max: must be greater than scale.min (got min 9, max 5)"),
        ("  max: 5", "  max: 40", "scale: at most 9 answer points, got 40"),
        (
            "  max: 5",
            "  max: 6",
            "scale.labels: expected 6 labels, one per point from 1 to 6, found 5",
        ),
    ],
)
def test_impossible_scales(old, new, expected):
    assert any(expected in p for p in problems(replace(old, new)))


def test_empty_file_and_empty_bank():
    assert "the bank is empty" in problems("")[0]
    assert "the bank is empty" in problems("# only a comment\n")[0]
    text = MINIMAL_BANK.split("items:")[0] + "items: []\nforms:\n  full: all\n"
    assert any("items: expected at least 1 items, found none" in p for p in problems(text))


def test_top_level_must_be_a_mapping():
    (line,) = problems("- just\n- a list\n")
    assert line == "bank.yaml:1:1: expected a mapping (key: value lines), got a list"


def test_task_no_item_measures_is_an_error():
    text = replace(
        "tasks:\n",
        "tasks:\n  - id: ops.lonely\n    text: Unmeasured.\n    roles: [operations]\n"
        "    dimension: work\n",
    )
    lines = problems(text)
    assert any("tasks.ops.lonely: no item measures this task" in p for p in lines)


def test_every_problem_is_reported_in_one_run():
    text = replace("  min: 1", "  min: one")
    text = replace("    tasks: [ops.make]\n", "    taks: [ops.make]\n", text)
    text = replace("short: [make, money, all]", "short: [nope]", text)
    text = replace("    profile: generalist", "    profile: boss", text)
    lines = problems(text)
    assert len(lines) >= 4
    numbers = [int(LINE_FORMAT.match(p)["line"]) for p in lines]
    assert numbers == sorted(numbers)


def test_python_tags_are_refused_before_anything_runs():
    text = replace("title: Mini bank", "title: !!python/object/apply:os.system ['echo hacked']")
    (line,) = problems(text)
    assert "tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed" in line


def test_billion_laughs_is_refused_at_the_first_alias():
    levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for n in range(1, 10):
        prev, name = chr(96 + n), chr(97 + n)
        levels.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    # Refused structurally, at the first alias, before anything could be expanded.
    (line,) = problems("\n".join(levels) + "\n")
    assert "alias '*a' is not allowed" in line


def test_deep_nesting_is_refused():
    (line,) = problems("title: " + "[" * 1_000_000)
    assert "nesting deeper than" in line


def test_ten_megabytes_of_junk_is_refused(write):
    junk = (b"x: [y, {z: ]]] \x00 ~~ \n" * 500_000)[: 10 * 1024 * 1024]
    with pytest.raises(BankError) as caught:
        load_bank(write(junk))
    assert "the limit is" in str(caught.value)


@pytest.mark.parametrize("junk", JUNK)
def test_junk_gives_problems_not_tracebacks(junk):
    assert problems(junk)


@pytest.mark.parametrize("mark", [b"", b"\xef\xbb\xbf"], ids=["plain", "byte-order-mark"])
@pytest.mark.parametrize(
    ("text", "where"),
    [(b"id: mini\ntitle: caf\xe9\n", (2, 11)), (b"id: caf\xe9\n", (1, 8))],
    ids=["line-2", "line-1"],
)
def test_not_utf8_is_located(write, mark, text, where):
    """Columns count bytes from the start of the line; a byte-order mark is not counted."""
    with pytest.raises(BankError) as caught:
        load_bank(write(mark + text))
    (problem,) = caught.value.problems
    assert (problem.line, problem.column) == where
    assert "not UTF-8" in problem.message and "byte 0xe9" in problem.message


def test_a_byte_order_mark_is_not_part_of_the_bank(write):
    assert load_bank(write(b"\xef\xbb\xbf" + MINIMAL_BANK.encode())) == load_bank(
        write(MINIMAL_BANK)
    )


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(BankError, match="file not found"):
        load_bank(tmp_path / "nope.yaml")
    with pytest.raises(BankError, match="is a directory"):
        load_bank(tmp_path)


def test_several_documents_are_refused():
    (line,) = problems(MINIMAL_BANK + "---\nid: again\n")
    assert "a bank is one YAML document" in line


def test_yes_and_no_stay_text_as_in_yaml_1_2():
    bank = parse_bank(replace("title: Mini bank", "title: yes"), "bank.yaml")
    assert bank.title == "yes"


def test_reverse_must_be_a_boolean():
    (line,) = problems(replace("    reverse: true", "    reverse: yes"))
    assert "items[3].reverse: expected true or false, got the text 'yes'" in line


def test_scoring_parameters_are_range_checked():
    text = MINIMAL_BANK + textwrap.dedent(
        """\
        scoring:
          choice_weight: 2
          strong_margin: 5
          moderate_margin: 9
          verdict_z: 4
          strong_z: 3
          focus: 1
        """
    )
    joined = "\n".join(problems(text))
    assert "scoring.choice_weight: expected a number from 0.0 to 1.0, got 2" in joined
    assert "scoring.moderate_margin: must not exceed strong_margin" in joined
    assert "scoring.verdict_z: must not exceed strong_z" in joined
    assert "scoring.focus: unknown key" in joined


def test_a_wrong_kind_is_one_problem_not_a_cascade():
    (line,) = problems(replace("    kind: likert\n", "    kind: slider\n"))
    assert "items[0].kind: expected one of likert, choice, got the text 'slider'" in line


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_every_broken_bank_is_refused_with_located_problems(case):
    lines = problems(case.text)
    assert any(case.message in line for line in lines), lines


def test_the_language_is_optional_and_english_by_default():
    assert parse_bank(MINIMAL_BANK).language == "en"
    for tag in ("de", "en-GB", "zh-Hant-TW", "sr-Latn"):
        assert parse_bank(replace("title: Mini", f"language: {tag}\ntitle: Mini")).language == tag


def test_did_you_mean_is_searched_once_per_id_and_a_bounded_number_of_times(monkeypatch):
    """A bank full of unknown references once took 13-20 s: one fuzzy search per reference.
    Now each distinct unknown id is searched once, and at most MAX_SUGGESTIONS ids are."""
    from rolefit.bank import reader

    searches = []
    real = reader.difflib.get_close_matches

    def counted(word, candidates, *args, **kwargs):
        searches.append(word)
        return real(word, candidates, *args, **kwargs)

    monkeypatch.setattr(reader.difflib, "get_close_matches", counted)
    many = "".join(
        f"  - id: extra{n}\n    kind: likert\n    text: Q{n}?\n    tasks: [ops.mak, unknown-{n}]\n"
        for n in range(300)
    )
    with pytest.raises(BankError) as caught:
        parse_bank(replace("forms:", many + "forms:"), "bank.yaml")
    lines = [p.message for p in caught.value.problems]  # all, not the first MAX_REPORTED
    assert len(searches) <= reader.MAX_SUGGESTIONS
    assert len(searches) == len(set(searches))
    # The same typo, given 300 times, gets its suggestion every time from one search.
    assert sum("unknown task 'ops.mak'; did you mean 'ops.make'?" in p for p in lines) == 300
    assert sum("unknown task 'unknown-" in p for p in lines) == 300
