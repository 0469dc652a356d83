"""Why a row was set aside, in the reader's language.

A reason is written once, in English, where the row is checked (``core/sql/validate_rows.sql``
and ``core.ingest`` for the sales lines, ``core.reading`` for a line with the wrong number of
fields, ``core.managers`` for an assignments file), and stored and exported so: the command
line's JSON keeps those words. Their English is the catalogue's (``core/locales/setaside.py``);
the pages and their downloads show a reason through ``reason_text``, which reads the English
sentence back (the value it quotes kept as written) and says it in Georgian. A sentence it does
not know is shown as it is.
"""

from __future__ import annotations

import re

from core.i18n import t

KEYS = (
    "setaside.no_date",
    "setaside.bad_date",
    "setaside.before_1900",
    "setaside.future_date",
    "setaside.no_client",
    "setaside.point",
    "setaside.comma",
    "setaside.not_a_number",
    "setaside.not_finite",
    "setaside.no_amount",
    "setaside.too_large",
    "setaside.too_many_fields",
    "setaside.too_few_fields",
    "setaside.unreadable_line",
    "setaside.no_manager",
    "setaside.no_client_or_region",
    "setaside.bad_date_from",
)
LABELS = ("amount", "unit_price", "quantity", "margin", "cost")
STYLES = ("ymd", "ymd8", "dayfirst", "monthfirst")


def label(role: str, lang: str = "en") -> str:
    """How a reason names a number column (``unit_price``: "unit price")."""
    return t(f"setaside.label.{role}", lang)


def style(kind: str, lang: str = "en") -> str:
    """How a reason says the date column is written (``dayfirst``: "day first, like …")."""
    return t(f"setaside.style.{kind}", lang)


def _alternatives(words: dict[str, str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_LABEL_OF = {label(r): r for r in LABELS}
_STYLE_OF = {style(k): k for k in STYLES}
# What each place of an English reason may hold: a quoted value anything (quotes included), up to
# the words after it.
_PLACES = {
    "value": ".*",
    "detail": ".*",
    "line": r"[\d,]+",
    "fields": r"\d+",
    "width": r"\d+",
    "label": _alternatives(_LABEL_OF),
    "style": _alternatives(_STYLE_OF),
}


def _pattern(key: str) -> re.Pattern:
    text = re.escape(t(key, "en"))
    for name, allowed in _PLACES.items():
        text = text.replace(re.escape("{" + name + "}"), f"(?P<{name}>{allowed})")
    return re.compile(f"^{text}$", re.DOTALL)


_PATTERNS = tuple((_pattern(key), key) for key in KEYS)


def reason_key(reason) -> tuple[str, dict] | None:
    """The catalogue key of a stored reason and the values it quotes; None for words it does not know."""
    text = "" if reason is None else str(reason)
    for pattern, key in _PATTERNS:
        found = pattern.match(text)
        if found:
            return key, found.groupdict()
    return None


def reason_text(reason, lang: str = "en") -> str:
    """``reason`` (as stored) in ``lang``; English stays as written."""
    text = "" if reason is None else str(reason)
    known = reason_key(text) if lang != "en" else None
    if known is None:
        return text
    key, values = known
    if "label" in values:
        values["label"] = label(_LABEL_OF[values["label"]], lang)
    if "style" in values:
        values["style"] = style(_STYLE_OF[values["style"]], lang)
    return t(key, lang, **values)
