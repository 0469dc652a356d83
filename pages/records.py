"""The records of a client's dossier — events, people, competitors, general facts — as forms.

Each kind of record is shown as a table with a form to add one and a form to
change or remove one; the facts are one form of text fields; beside them the
lists of the picture tab (the latest events, the losses and their reasons) and
the dossier's change history. Every save goes
through ``core.dossier`` (one transaction, with who and when; a viewer's
buttons are disabled and ``core`` refuses a viewer too). The dossier page calls
these by name so it reads top to bottom.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from core.dossier import (
    ATTITUDES,
    INFLUENCE,
    OUTCOMES,
    competitors,
    events,
    facts,
    history,
    people,
    remove_record,
    reporting_tree,
    save_record,
    set_facts,
)
from core.errors import KamError
from core.reasons import reason_label
from pages import tables, ui

NOTICE_KEY = "dossier_notice"


def word(prefix: str, value) -> str:
    """A stored code (an outcome, an influence, an attitude) in words; blank when there is none."""
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else ui.tr(f"{prefix}.{value}")


def saved(text: str) -> None:
    st.session_state[NOTICE_KEY] = text
    st.rerun()


def record_fields(kind: str, current: dict, key: str, others: pd.DataFrame | None = None) -> dict:
    """The widgets of one event, person or competitor (inside a form); their values."""
    if kind == "events":
        c_date, c_outcome = st.columns([1, 1])
        values = {
            "event_date": c_date.date_input(
                ui.tr("dossier.col.event_date"),
                value=current.get("event_date") or date.today(),
                key=f"{key}_event_date",
            ),
            "outcome": c_outcome.selectbox(
                ui.tr("dossier.col.outcome"),
                list(OUTCOMES),
                index=OUTCOMES.index(current.get("outcome") or "neutral"),
                format_func=lambda o: ui.tr(f"dossier.outcome.{o}"),
                key=f"{key}_outcome",
            ),
        }
        values["what"] = st.text_area(
            ui.tr("dossier.col.what"), value=current.get("what") or "", key=f"{key}_what", height=80
        )
        c_ours, c_theirs = st.columns(2)
        values["our_people"] = c_ours.text_input(
            ui.tr("dossier.col.our_people"), value=current.get("our_people") or "", key=f"{key}_our_people"
        )
        values["their_people"] = c_theirs.text_input(
            ui.tr("dossier.col.their_people"), value=current.get("their_people") or "", key=f"{key}_their_people"
        )
        values["why"] = st.text_input(ui.tr("dossier.col.why"), value=current.get("why") or "", key=f"{key}_why")
        return values
    if kind == "people":
        c_name, c_role = st.columns(2)
        values = {
            "name": c_name.text_input(ui.tr("dossier.col.name"), value=current.get("name") or "", key=f"{key}_name"),
            "role": c_role.text_input(ui.tr("dossier.col.role"), value=current.get("role") or "", key=f"{key}_role"),
        }
        c_influence, c_attitude, c_boss = st.columns(3)
        influence = [None, *INFLUENCE]
        values["influence"] = c_influence.selectbox(
            ui.tr("dossier.col.influence"),
            influence,
            index=influence.index(current.get("influence")) if current.get("influence") in influence else 0,
            format_func=lambda v: word("dossier.influence", v) or "–",
            key=f"{key}_influence",
        )
        attitudes = [None, *ATTITUDES]
        values["attitude"] = c_attitude.selectbox(
            ui.tr("dossier.col.attitude"),
            attitudes,
            index=attitudes.index(current.get("attitude")) if current.get("attitude") in attitudes else 0,
            format_func=lambda v: word("dossier.attitude", v) or "–",
            key=f"{key}_attitude",
        )
        names = {} if others is None else dict(zip(others["record_id"], others["name"], strict=True))
        names.pop(current.get("record_id"), None)
        bosses = [None, *names]
        boss = current.get("reports_to")
        values["reports_to"] = c_boss.selectbox(
            ui.tr("dossier.col.reports_to"),
            bosses,
            index=bosses.index(boss) if boss in bosses else 0,
            format_func=lambda r: "–" if r is None else names[r],
            key=f"{key}_reports_to",
        )
        values["note"] = st.text_input(ui.tr("dossier.col.note"), value=current.get("note") or "", key=f"{key}_note")
        return values
    c_name, c_since = st.columns([2, 1])
    values = {
        "competitor": c_name.text_input(
            ui.tr("dossier.col.competitor"), value=current.get("competitor") or "", key=f"{key}_competitor"
        ),
        "since": c_since.date_input(ui.tr("dossier.col.since"), value=current.get("since"), key=f"{key}_since"),
    }
    values["offer"] = st.text_area(
        ui.tr("dossier.col.offer"), value=current.get("offer") or "", key=f"{key}_offer", height=80
    )
    values["note"] = st.text_input(ui.tr("dossier.col.note"), value=current.get("note") or "", key=f"{key}_note")
    return values


def record_section(
    store, client_id: str, kind: str, rows: pd.DataFrame, columns: list[str], shown: pd.DataFrame
) -> None:
    """A table of the current records, a form to add one, and a form to change or remove one."""
    with st.form(f"dossier_{kind}_add", clear_on_submit=True):
        st.markdown(f"**{ui.tr(f'dossier.{kind}.add')}**")
        values = record_fields(kind, {}, f"dossier_{kind}_new", rows)
        if st.form_submit_button(ui.tr("dossier.save"), type="primary", disabled=not ui.can_edit()):
            try:
                save_record(store, client_id, kind, values, by=ui.actor())
            except KamError as exc:
                ui.show_error(exc)
            else:
                saved(ui.tr("dossier.saved", who=ui.who()))
    if rows.empty:
        st.caption(ui.tr(f"dossier.{kind}.none"))
        return
    tables.worded(shown[columns], "dossier.col", key=f"dossier_{kind}_table")
    with st.expander(ui.tr(f"dossier.{kind}.edit")):
        options = list(rows["record_id"])
        labels = dict(
            zip(rows["record_id"], shown[columns[0]].astype(str) + " · " + shown[columns[1]].astype(str), strict=True)
        )
        record_id = st.selectbox(
            ui.tr("dossier.pick_record"), options, format_func=labels.get, key=f"dossier_{kind}_pick"
        )
        current = rows[rows["record_id"] == record_id].iloc[0].to_dict()
        current = {k: (None if not isinstance(v, str) and pd.isna(v) else v) for k, v in current.items()}
        with st.form(f"dossier_{kind}_edit_{record_id}"):
            values = record_fields(kind, current, f"dossier_{kind}_{record_id}", rows)
            c_save, c_remove, _ = st.columns([1, 1, 3])
            save = c_save.form_submit_button(ui.tr("dossier.save"), type="primary", disabled=not ui.can_edit())
            remove = c_remove.form_submit_button(ui.tr("dossier.remove"), disabled=not ui.can_edit())
        try:
            if save:
                save_record(store, client_id, kind, values, record_id=record_id, by=ui.actor())
                saved(ui.tr("dossier.saved", who=ui.who()))
            if remove:
                remove_record(store, client_id, kind, record_id, by=ui.actor())
                saved(ui.tr("dossier.removed", who=ui.who()))
        except KamError as exc:
            ui.show_error(exc)


def facts_form(store, client_id: str) -> None:
    """The general facts (description, employees, history, structure, environment) as one form."""
    current = facts(store, client_id)
    with st.form("dossier_facts_form"):
        values = {}
        for fact in current.itertuples(index=False):
            values[fact.field] = st.text_area(
                ui.tr(f"dossier.fact.{fact.field}"),
                value=fact.value or "",
                key=f"dossier_fact_{fact.field}",
                height=68 if fact.field == "employees" else 100,
                help=ui.tr(f"dossier.fact.{fact.field}.help"),
            )
            if isinstance(fact.changed_by, str):
                st.caption(ui.tr("dossier.changed", who=fact.changed_by, when=f"{fact.changed_at:%Y-%m-%d %H:%M}"))
        if st.form_submit_button(ui.tr("dossier.save"), type="primary", disabled=not ui.can_edit()):
            try:
                count = set_facts(store, client_id, values, by=ui.actor())
            except KamError as exc:
                ui.show_error(exc)
            else:
                saved(ui.tr("dossier.facts.saved", n=count, who=ui.who()))


def events_section(store, client_id: str) -> None:
    """The history of the relationship: dated events, who took part, won or lost and why."""
    rows = events(store, client_id)
    shown = rows.assign(outcome=rows["outcome"].map(lambda o: word("dossier.outcome", o)))
    columns = ["event_date", "what", "outcome", "why", "our_people", "their_people", "changed_by"]
    record_section(store, client_id, "events", rows, columns, shown)


def people_section(store, client_id: str) -> None:
    """The decision-making map: the reporting tree, then the people as a table and forms."""
    rows = people(store, client_id)
    shown = rows.assign(
        influence=rows["influence"].map(lambda v: word("dossier.influence", v)),
        attitude=rows["attitude"].map(lambda v: word("dossier.attitude", v)),
        reports_to=rows["reports_to_name"],
    )
    if len(rows):
        st.markdown(f"**{ui.tr('dossier.people.tree')}**")
        st.markdown("\n".join("  " * depth + "- " + person_line(person) for depth, person in reporting_tree(rows)))
    columns = ["name", "role", "influence", "attitude", "reports_to", "note", "changed_by"]
    record_section(store, client_id, "people", rows, columns, shown)


def person_line(person) -> str:
    """One person of the tree: **name**, role · influence · attitude."""
    line = f"**{person['name']}**" + (f", {person['role']}" if isinstance(person["role"], str) else "")
    for part in ("influence", "attitude"):
        if isinstance(person[part], str):
            line += f" · {word(f'dossier.{part}', person[part])}"
    return line


def competitors_section(store, client_id: str) -> None:
    """The competitors courting the client: who, what they offer, since when."""
    rows = competitors(store, client_id)
    record_section(store, client_id, "competitors", rows, ["competitor", "offer", "since", "note", "changed_by"], rows)


def history_table(store, client_id: str) -> None:
    """Every change made to the dossier: when, who, which part, what."""
    changes = history(store, client_id)
    if changes.empty:
        st.caption(ui.tr("dossier.history.none"))
        return
    changes["part"] = changes["part"].map(lambda p: ui.tr(f"dossier.section.{p}"))
    changes["action"] = changes["action"].map(lambda a: ui.tr(f"dossier.action.{a}"))
    columns = ["changed_at", "changed_by", "part", "action", "summary"]
    tables.worded(changes[columns], "dossier.col", key="dossier_history_table")


def latest_events(store, client_id: str) -> None:
    """The three latest events of the relationship, as a list above the figures."""
    latest = events(store, client_id).head(3)
    if len(latest):
        st.markdown(f"**{ui.tr('dossier.latest_events')}**")
        st.markdown(
            "\n".join(
                f"- {e.event_date} · {e.what} — {word('dossier.outcome', e.outcome)}" + (f" ({e.why})" if e.why else "")
                for e in latest.itertuples(index=False)
            )
        )


def losses_and_reasons(seen) -> None:
    """The client's losses (each with its value before loss and reason) and the reasons recorded for it."""
    lang = ui.lang()
    if len(seen.losses):
        st.markdown(f"**{ui.tr('dossier.losses')}**")
        losses = seen.losses.assign(reason=seen.losses["reason"].map(lambda r: reason_label(r, lang)))
        tables.worded(losses, "dossier.col", key="dossier_losses_table")
    if len(seen.reasons):
        st.markdown(f"**{ui.tr('dossier.reasons')}**")
        reasons = seen.reasons.assign(reason=seen.reasons["reason"].map(lambda r: reason_label(r, lang)))
        columns = ["at_date", "reason", "source", "set_by", "set_at"]
        tables.worded(reasons[columns], "dossier.col", key="dossier_reasons_table")
