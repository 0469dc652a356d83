"""Role detection on the corpus of export headers in ``tests/detection_corpus.py``.

Every case is written to a file and read through the real reader, then guessed;
a wrong column for any role fails, a question is fine only where the case says a
person would hesitate too.
"""

from __future__ import annotations

import pytest

from core.mapping import ROLES, guess
from core.reading import read_table
from tests.detection_corpus import CASES


def problems(case, tmp_path) -> list[str]:
    path = tmp_path / "export.csv"
    path.write_bytes(case.text().encode(case.encoding))
    raw = read_table(path)
    mapping = guess(raw)
    got = mapping.described()
    asked = set(mapping.ambiguities) | {r for r in ("date", "client_id", "amount") if not got[r]}
    found = []
    for role in ROLES:
        want = case.expect.get(role)
        if role in case.asks:
            if got[role] or role not in asked:
                found.append(f"{role}: expected a question, got {got[role]!r}")
        elif role in case.may_ask and got[role] is None and role in asked:
            continue
        elif role in case.either and want is None:
            continue
        elif got[role] != want:
            found.append(f"{role}: expected {want!r}, got {got[role]!r}{' (asked)' if role in asked else ''}")
    return found


def test_the_corpus_is_large_and_varied():
    assert len(CASES) >= 40
    assert len({c.name for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_detection_corpus(case, tmp_path):
    assert problems(case, tmp_path) == []
