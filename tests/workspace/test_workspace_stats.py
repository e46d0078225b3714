"""Bank statistics against numbers worked out by hand for a small data set."""

import math
import textwrap

import pytest
from workspace.helpers import make_workspace, take

from rolefit.bank.loader import load_bank
from rolefit.workspace import stats

STATS_BANK = textwrap.dedent(
    """\
    id: stats
    version: "1"
    title: Statistics bank
    scale:
      min: 1
      max: 5
      labels: [Not at all, A little, Somewhat, Quite a lot, Very much]
    roles:
      - id: operations
        title: Operations management
        description: Runs the making.
      - id: business
        title: Business management
        description: Runs the money.
      - id: general
        title: General management
        description: Runs the whole.
        profile: generalist
    dimensions:
      - id: work
        title: Work
    tasks:
      - {id: ops.a, text: Make., roles: [operations], dimension: work}
      - {id: ops.b, text: Fix., roles: [operations], dimension: work}
      - {id: bus.a, text: Count., roles: [business], dimension: work}
      - {id: gen.a, text: Lead., roles: [general], dimension: work}
      - {id: shared, text: Meet targets., roles: [operations, business, general], dimension: work}
    items:
      - {id: o1, kind: likert, text: Making?, tasks: [ops.a]}
      - {id: o2, kind: likert, text: Fixing?, tasks: [ops.b]}
      - {id: o3, kind: likert, reverse: true, text: Making is dull?, tasks: [ops.a, ops.b]}
      - {id: b1, kind: likert, text: Counting?, tasks: [bus.a]}
      - {id: b2, kind: likert, text: Counting more?, tasks: [bus.a]}
      - {id: g1, kind: likert, text: Leading?, tasks: [gen.a]}
      - {id: s1, kind: likert, text: Targets?, tasks: [gen.a, shared]}
    forms:
      full: all
      short: [o1, b1, g1]
    """
)

# Four respondents. Operations' third item is reverse-keyed: 6 - answer. Business's second
# item was answered as if it were reversed, which is what a mis-keyed item looks like.
ANSWERS = [
    {"o1": 5, "o2": 4, "o3": 1, "b1": 5, "b2": 2, "g1": 4, "s1": 3},
    {"o1": 4, "o2": 4, "o3": 2, "b1": 4, "b2": 1, "g1": 3, "s1": 3},
    {"o1": 2, "o2": 3, "o3": 4, "b1": 2, "b2": 4, "g1": 2, "s1": 3},
    {"o1": 1, "o2": 2, "o3": 5, "b1": 1, "b2": 5, "g1": 5, "s1": 3},
]
# A fifth answered only g1 and s1: it counts for general alone.
PARTIAL = {"g1": 1, "s1": 2}

# Worked by hand. Operations, keyed (o3 as 6 - answer): rows 5 4 5 | 4 4 4 | 2 3 2 | 1 2 1.
#   Item variances (n - 1 = 3): o1 10/3, o2 2.75/3, o3 10/3; sum 22.75/3.
#   Row sums 14 12 7 4, mean 9.25, squares 62.75: variance 62.75/3.
#   alpha = 3/2 * (1 - 22.75/62.75) = 60/62.75.
#   o1 against o2 + o3 (9 8 5 3): sxy 15, sxx 10, syy 22.75: r = 15/sqrt(227.5); o3 the same.
#   o2 against o1 + o3 (10 8 4 2): sxy 10, sxx 2.75, syy 40: r = 10/sqrt(110).
# Business: b1 5 4 2 1, b2 2 1 4 5. Variances 10/3 each; sums 7 5 6 6, variance 2/3.
#   alpha = 2/1 * (1 - (20/3)/(2/3)) = -18. b1 against b2: sxy -9, sxx 10, syy 10: r = -0.9.
# General: g1 alone (s1 also measures shared work): no alpha, no item-rest; n = 5.
OPERATIONS_ALPHA = 60 / 62.75
O1_REST = 15 / math.sqrt(227.5)
O2_REST = 10 / math.sqrt(110)


@pytest.fixture
def stats_bank(write):
    return load_bank(write(STATS_BANK, "stats.yaml"))


def test_a_roles_items_are_its_own_likert_items(stats_bank):
    assert [i.id for i in stats.role_items(stats_bank, "operations")] == ["o1", "o2", "o3"]
    assert [i.id for i in stats.role_items(stats_bank, "business")] == ["b1", "b2"]
    assert [i.id for i in stats.role_items(stats_bank, "general")] == ["g1"]


def test_the_numbers_match_the_hand_computed_ones(tmp_path, stats_bank):
    with make_workspace(tmp_path / "data") as workspace:
        for n, values in enumerate([*ANSWERS, PARTIAL]):
            client = workspace.add_client(f"S-{n}", f"Respondent {n}")
            take(workspace, client.id, stats_bank, values)
        short = {"o1": 5, "b1": 1, "g1": 1}
        take(workspace, workspace.client_by_ref("S-0").id, stats_bank, short, "short")
        found = workspace.stats()
        data = found.to_json()
        full_verdict = workspace.history(workspace.client_by_ref("S-0").id)[0].recommendation
    assert data["bank"] == {"id": "stats", "version": "1"} and data["sessions"] == 5
    operations, business, general = data["roles"]
    assert (operations["role"], operations["n"], operations["items"]) == (
        "operations",
        4,
        ["o1", "o2", "o3"],
    )
    assert operations["alpha"] == pytest.approx(OPERATIONS_ALPHA)
    assert operations["item_rest"] == pytest.approx({"o1": O1_REST, "o2": O2_REST, "o3": O1_REST})
    assert (business["n"], business["items"]) == (4, ["b1", "b2"])
    assert business["alpha"] == pytest.approx(-18)
    assert business["item_rest"] == pytest.approx({"b1": -0.9, "b2": -0.9})
    assert general == {
        "role": "general",
        "n": 5,
        "items": ["g1"],
        "alpha": None,
        "item_rest": {"g1": None},
    }
    agreement = data["short_full_agreement"]
    short_verdict = "operations"  # o1 5, b1 1, g1 1: checked against scoring below
    assert agreement["clients"] == 1
    assert agreement["agreeing"] == int(full_verdict == short_verdict)
    words = stats.warnings(found, stats_bank)
    assert words == [
        "Business management: its items agree less than they should (alpha -18.00, below "
        "0.7); read them again for items that measure something else.",
        "Business management: item b1 goes against the role's other items (item-rest "
        "r = -0.90); it may be keyed the wrong way round.",
        "Business management: item b2 goes against the role's other items (item-rest "
        "r = -0.90); it may be keyed the wrong way round.",
    ]


def test_the_short_verdict_used_above(stats_bank):
    from rolefit.scoring import make_answers, score_answers

    result = score_answers(
        stats_bank, make_answers(stats_bank, {"o1": 5, "b1": 1, "g1": 1}, "short")
    )
    assert result.recommendation == "operations"


def test_agreement_takes_each_clients_latest_of_each_form():
    verdicts = [
        (1, "short", "operations"),
        (1, "full", "operations"),
        (2, "short", "business"),
        (2, "full", "operations"),
        (2, "short", "operations"),  # later: this one counts
        (3, "full", "general"),  # no short form: not counted
        (4, "short", None),
        (4, "full", None),  # "no clear preference" both times agrees
        (5, "short", "business"),
        (5, "full", "general"),
    ]
    found = stats.agreement(verdicts)
    assert (found.clients, found.agreeing, found.share) == (4, 3, 0.75)
    assert stats.agreement([]).share is None


def test_an_empty_workspace_has_no_statistics_yet(tmp_path):
    with make_workspace(tmp_path / "data") as workspace:
        assert workspace.stats().to_json() == {
            "bank": None,
            "sessions": 0,
            "roles": [],
            "short_full_agreement": {"clients": 0, "agreeing": 0, "share": None},
        }


def test_alpha_and_correlation_edge_cases():
    assert stats.cronbach_alpha([[1, 2]]) is None  # one respondent
    assert stats.cronbach_alpha([[1], [2]]) is None  # one item
    assert stats.cronbach_alpha([[3, 3], [3, 3]]) is None  # no variance
    assert stats.pearson([1, 1, 1], [1, 2, 3]) is None
