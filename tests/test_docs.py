"""Examples in the docs are real: they load and score as the docs say."""

import re
from pathlib import Path

from rolefit.bank import load_bank

DOCS = Path(__file__).resolve().parent.parent / "docs"


def test_authoring_guide_example_bank_is_valid(tmp_path):
    text = (DOCS / "authoring.md").read_text(encoding="utf-8")
    (example,) = re.findall(r"```yaml\n(# yaml-language-server.*?)```", text, re.S)
    path = tmp_path / "kitchen.yaml"
    path.write_text(example, encoding="utf-8")
    bank = load_bank(path)
    assert bank.id == "kitchen" and bank.role("owner").profile == "generalist"
