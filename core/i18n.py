"""One translation function for every string a person reads: ``t(key, lang, **values)``.

The catalogues live in ``core/locales/*.py``, one module per area of the product,
each defining ``MESSAGES = {key: (english, georgian)}``. They are merged here at
import; a key defined twice is a bug and raises at import (a test imports it).
A missing key shows the key itself rather than crashing a page, and a test checks
that every key the code uses exists in both languages.
"""

from __future__ import annotations

import importlib
import pkgutil

LANGUAGES = {"en": "English", "ka": "ქართული"}
DEFAULT_LANGUAGE = "en"


def _load() -> dict[str, tuple[str, str]]:
    import core.locales as package

    merged: dict[str, tuple[str, str]] = {}
    for module_info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"core.locales.{module_info.name}")
        for key, pair in module.MESSAGES.items():
            if key in merged:
                raise ValueError(f"translation key '{key}' defined twice (core/locales/{module_info.name}.py)")
            merged[key] = pair
    return merged


CATALOGUE = _load()


def t(key: str, lang: str = DEFAULT_LANGUAGE, **values) -> str:
    """The text for ``key`` in ``lang`` ("en" or "ka"), with ``{name}`` values filled in."""
    pair = CATALOGUE.get(key)
    if pair is None:
        return key
    text = pair[1] if lang == "ka" else pair[0]
    if not values:
        return text
    shown = {name: v.in_language(lang) if hasattr(v, "in_language") else v for name, v in values.items()}
    return text.format_map(_Values(shown))


class RoleName(str):
    """A column role (``client_id``) that reads as its name in each language ("Client ID")."""

    def in_language(self, lang: str) -> str:
        return t(f"role.{self}", lang)


class RoleNames(tuple):
    """Several roles, listed by name in each language."""

    def __new__(cls, roles):
        return super().__new__(cls, (RoleName(r) for r in roles))

    def in_language(self, lang: str) -> str:
        return ", ".join(r.in_language(lang) for r in self)


class _Values(dict):
    """Format values where a placeholder nobody filled shows itself instead of raising."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"
