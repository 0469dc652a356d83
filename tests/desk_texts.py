"""What a page run under AppTest shows a person, to check that no translation key shows through."""

from __future__ import annotations

import re

# A key of core/locales that fell through ``t`` (a missing key shows itself).
KEY = re.compile(
    r"\b(?:nav|common|dossier|prospects|managers|winback|tags|grid|churn|filters)\.[a-z0-9_]+(?:\.[a-z0-9_]+)*"
)
KINDS = (
    "title",
    "header",
    "subheader",
    "markdown",
    "caption",
    "info",
    "warning",
    "success",
    "error",
    "button",
    "text_input",
    "text_area",
    "selectbox",
    "multiselect",
    "slider",
    "toggle",
    "radio",
    "date_input",
    "tabs",
    "expander",
)


def visible_texts(at) -> list[str]:
    """Labels, texts, metric labels and values, option labels and table headers of the last run."""
    texts: list[str] = []
    for kind in KINDS:
        for element in getattr(at, kind):
            for attribute in ("value", "label", "body"):
                value = getattr(element, attribute, None) if attribute != "value" or kind in _TEXT_VALUES else None
                if isinstance(value, str):
                    texts.append(value)
            if kind in ("selectbox", "multiselect", "radio"):
                texts.extend(str(o) for o in element.options)
    for metric in at.metric:
        texts.extend([metric.label, str(metric.value)])
    for table in at.dataframe:
        texts.extend(str(c) for c in table.value.columns)
    return texts


_TEXT_VALUES = {"title", "header", "subheader", "markdown", "caption", "info", "warning", "success", "error"}


def keys_showing(at) -> list[str]:
    """Every translation key shown as text instead of its words."""
    return sorted({hit for text in visible_texts(at) for hit in KEY.findall(text)})
