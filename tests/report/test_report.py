"""The printed summary: one page, real text, A4 or Letter, the same chart code as the screen."""

import json
import unicodedata
from datetime import date

import pytest
from pypdf import PdfReader

from rolefit.cli import main

ANSWERS = {
    "form": "short",
    "answers": {
        "production-floor": 5,
        "efficiency-gains": 4,
        "purchasing": 5,
        "dislike-stock-keeping": 1,
        "company-finances": 2,
        "marketing-campaign": 1,
        "employment-rules": 2,
        "dislike-bookings": 4,
        "hiring": 2,
        "staff-voice": 2,
        "write-policies": 1,
        "dislike-reviews": 4,
        "between-departments": 3,
        "answer-for-targets": 4,
        "crisis-role": "keep-supplies",
        "known-for": "output-up",
        "afternoon": "agree-plan",
    },
}


def pdf_text(path):
    reader = PdfReader(path)
    # NFKC turns the typographic ligatures a PDF may hold ("\ufb01") back into letters.
    text = unicodedata.normalize("NFKC", reader.pages[0].extract_text())
    return reader, " ".join(text.split())


@pytest.fixture(autouse=True)
def _one_qapplication(qapp):
    """In-process, `rolefit report` reuses the QApplication the widget tests need."""
    return qapp


@pytest.fixture
def answers_file(write):
    return write(json.dumps(ANSWERS), "answers.json")


def test_report_writes_one_page_with_real_text(answers_file, tmp_path, capsys):
    out = tmp_path / "summary.pdf"
    assert main(["report", str(answers_file), "-o", str(out), "--name", "Ada Lovelace"]) == 0
    reader, text = pdf_text(out)
    assert len(reader.pages) == 1
    for expected in (
        "RoleFit summary",
        "Ada Lovelace",
        date.today().isoformat(),
        "management 2.0",
        "A moderate lean towards operations management",
        "Confidence: Moderate",
        "Operations management",
        "Business management",
        "General management",
        "Why: the answers that pointed where",
        "Operations management (fit ",
    ):
        assert expected in text, expected
    capsys.readouterr()
    main(["score", str(answers_file), "--json"])
    scored = json.loads(capsys.readouterr().out)
    for value in scored["fit"].values():
        assert f"{value:.0f}" in text


@pytest.mark.parametrize(("page", "size"), [("a4", (595, 842)), ("letter", (612, 792))])
def test_paper_size(answers_file, tmp_path, page, size):
    out = tmp_path / f"{page}.pdf"
    assert main(["report", str(answers_file), "-o", str(out), "--page", page]) == 0
    box = PdfReader(out).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == size


def test_a_flagged_result_says_so_on_paper(write, tmp_path):
    answers = write(json.dumps({"answers": {"hiring": 5, "staff-voice": 5}}), "few.json")
    out = tmp_path / "few.pdf"
    assert main(["report", str(answers), "-o", str(out)]) == 0
    reader, text = pdf_text(out)
    assert len(reader.pages) == 1 and "Read with care \u2013 Incomplete" in text


def test_report_on_bad_input_writes_nothing(write, tmp_path, capsys):
    bad = write('{"answers": {"hiring": 11}}', "bad.json")
    out = tmp_path / "never.pdf"
    assert main(["report", str(bad), "-o", str(out)]) == 1
    assert not out.exists()
    assert "expected a whole number from 1 to 5, got 11" in capsys.readouterr().err


def test_report_to_an_unwritable_place_fails_cleanly(answers_file, tmp_path, capsys):
    out = tmp_path / "no-such-folder" / "x.pdf"
    assert main(["report", str(answers_file), "-o", str(out)]) == 1
    assert "cannot write" in capsys.readouterr().err


def test_sessions_json_contract(tmp_path, capsys):
    from rolefit.bank import load_default_bank
    from rolefit.scoring import make_answers, score_answers
    from rolefit.store import open_store
    from rolefit.wording import result_json

    bank = load_default_bank()
    result = score_answers(bank, make_answers(bank, {"hiring": 4}, "short"))
    store = open_store(tmp_path).store
    done = store.start_session("short", bank)
    store.save_answer(done, "hiring", 4)
    store.complete(done, result.to_record())
    open_ = store.start_session("full", bank)
    store.save_answer(open_, "first-task", "interviews")
    store.close()
    assert main(["sessions", "--data-dir", str(tmp_path), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [s["status"] for s in listed] == ["completed", "in-progress"]
    for session in listed:
        assert set(session) >= {
            "id",
            "status",
            "started",
            "finished",
            "form",
            "bank",
            "answers",
            "result",
        }
        assert session["bank"] == {"id": "management", "version": bank.version}
        date.fromisoformat(session["started"][:10])
    # The stored codes and numbers come back in words, exactly as rolefit score --json says.
    assert listed[0]["result"] == json.loads(json.dumps(result_json(bank, result)))
    assert listed[1]["result"] is None
    assert listed[1]["finished"] is None and listed[1]["answers"] == {"first-task": "interviews"}


def test_sessions_with_a_damaged_database_reports_and_touches_nothing(tmp_path, capsys):
    (tmp_path / "rolefit.db").write_bytes(b"junk" * 500)
    assert main(["sessions", "--data-dir", str(tmp_path), "--json"]) == 1
    assert "cannot read the stored sessions" in capsys.readouterr().err
    assert (tmp_path / "rolefit.db").read_bytes() == b"junk" * 500
    assert list(tmp_path.iterdir()) == [tmp_path / "rolefit.db"]


def test_sessions_uses_the_environment_variable(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("ROLEFIT_DATA_DIR", str(tmp_path))
    assert main(["sessions", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_the_name_in_the_answers_file_is_printed_unless_name_is_given(write, tmp_path):
    named = write(json.dumps({**ANSWERS, "name": "Grace Hopper"}), "named.json")
    out = tmp_path / "named.pdf"
    assert main(["report", str(named), "-o", str(out)]) == 0
    assert "Grace Hopper" in pdf_text(out)[1]
    assert main(["report", str(named), "-o", str(out), "--name", "Ada Lovelace"]) == 0
    _, text = pdf_text(out)
    assert "Ada Lovelace" in text and "Grace Hopper" not in text


def test_a_report_is_never_written_over_its_own_answers_file(answers_file, tmp_path, capsys):
    before = answers_file.read_bytes()
    link = tmp_path / "link.json"
    link.symlink_to(answers_file)
    for target in (answers_file, link):
        assert main(["report", str(answers_file), "-o", str(target)]) == 1
        assert "this is the answers file itself" in capsys.readouterr().err
        assert answers_file.read_bytes() == before


def test_paper_reads_in_the_screen_s_order_with_its_headings(write, tmp_path):
    """Read-with-care notes come with the verdict, before the charts; the reasons under the
    screen's heading and the roles' own headings."""
    from rolefit.bank import load_default_bank
    from rolefit.wording import headings

    bank = load_default_bank()
    alike = {i.id: 4 for i in bank.items if i.kind == "likert"}
    path = write(json.dumps({"answers": alike}), "alike.json")
    out = tmp_path / "alike.pdf"
    assert main(["report", str(path), "-o", str(out)]) == 0
    _, text = pdf_text(out)
    heads = headings()
    assert text.index(heads.care) < text.index(heads.fit) < text.index(heads.areas)
    path = write(json.dumps(ANSWERS), "clear.json")
    assert main(["report", str(path), "-o", str(out)]) == 0
    _, text = pdf_text(out)
    assert text.index(heads.areas) < text.index(heads.why)
    assert "(fit " in text[text.index(heads.why) :]
