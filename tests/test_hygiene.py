"""House rules that keep the code honest: core without Streamlit, every string in both languages."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from core.i18n import CATALOGUE, t

ROOT = Path(__file__).resolve().parent.parent


def test_core_never_imports_streamlit():
    code = (
        "import sys, importlib, pkgutil, core\n"
        "for m in pkgutil.walk_packages(core.__path__, 'core.'):\n"
        "    if m.name != 'core.__main__': importlib.import_module(m.name)\n"
        "import core.__main__\n"
        "print(sorted(n for n in sys.modules if n == 'streamlit' or n.startswith('streamlit.')))"
    )
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]"


def test_every_message_has_english_and_georgian():
    for key, (english, georgian) in CATALOGUE.items():
        assert english.strip() and georgian.strip(), key
        assert (
            re.search(r"[\u10d0-\u10ff]", georgian) or not re.search(r"[A-Za-z]{4,}", english) or georgian == english
        ), f"{key}: Georgian text has no Georgian letters"


def test_every_literal_key_the_code_uses_exists():
    used = set()
    for path in [ROOT / "app.py", *(ROOT / "pages").glob("*.py"), *(ROOT / "core").rglob("*.py")]:
        used |= set(re.findall(r"\b(?:tr|t)\(\s*\"([a-z_]+\.[a-z0-9_.]+)\"", path.read_text(encoding="utf-8")))
    missing = sorted(k for k in used if k not in CATALOGUE)
    assert not missing, missing


def test_missing_key_or_value_shows_itself_not_a_crash():
    assert t("no.such.key", "ka") == "no.such.key"
    assert t("data.loaded", "en", file="x.csv") == "x.csv: loaded {rows} rows."
    assert t("data.loaded", "ka", file="x.csv", rows="5") == "x.csv: ჩაიტვირთა 5 სტრიქონი."
