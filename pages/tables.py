"""How the pages' tables read: which columns, in which order, how wide, which ones hidden.

A director scans a table left to right, so each main table puts the columns
that decide an action first — the client's name, its id beside it, the figure
that ranks it — and hides the low-value ones by default (the table's column
menu shows them again), keeping the deciding columns inside a 1280 px screen
with the sidebar open. Every table is described here as a list of ``Col`` and
drawn by ``show``: numbers in the page's language (``ui.styled``), empty cells
blank, dates whole, headers translated through ``ui.tr``.

A ``Col`` names a column of the frame ``core`` returned; its ``label`` is a
translation key, or ``None`` when the frame's headers are already in words
(``core.winback.readable``). Hidden columns stay in the frame (tests and the
column menu see them); only the browser leaves them out.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from core.grid import ABSENT_BEFORE, ABSENT_NOW, TOO_NEW
from pages import ui

# Rows a long table sends to the browser: every cell is written in the page's language on each
# rerun (``ui.written``: about 50 ms for 1,000 rows of 22 columns); the exports and the command
# line have them all.
MAX_ROWS = 1000
# The lists a page shows beside its figures, biggest first: the grid page's slipped clients, the
# churn page's lost and at-risk clients. Their every number is written on every slider move; the
# whole lists are in the grid's Excel pack and on the win-back page with its downloads.
SUMMARY_ROWS = 200
NAME_WIDTH = 170  # a client's name: most fit, a long one is cut and reads whole in the cell's overlay
ID_WIDTH = 80  # a client id beside the name
KINDS = ("text", "number", "share", "date", "datetime", "check", "link", "progress")


@dataclass(frozen=True)
class Col:
    """One column of a shown table: the frame's ``name``, its header, how it reads."""

    name: str
    label: str | None = None  # a translation key; None: the frame's header is already in words
    kind: str = "text"  # one of KINDS
    decimals: int = 0  # for "number"
    width: str | int | None = None  # "small" (75 px), "medium" (200 px), "large" (400 px), pixels, None: fit
    hidden: bool = False  # left out on screen, offered in the table's column menu
    help: str | None = None  # a translation key for the header's tooltip
    short: str | None = None  # a translation key for a short header; the whole one becomes its tooltip
    maximum: float = 1  # for "progress": the value of a full bar

    def config(self):
        whole = self.name if self.label is None else ui.tr(self.label)  # a key, or a header already in words
        label = ui.tr(self.short) if self.short else (None if self.label is None else whole)
        tip = ui.tr(self.help) if self.help else (whole if self.short and ui.tr(self.short) != whole else None)
        common = dict(width=self.width, help=tip)
        if self.kind == "link":
            made = ui.dossier_column()
        elif self.kind in ("number", "share"):
            made = st.column_config.NumberColumn(label, **common)
        elif self.kind == "date":
            made = st.column_config.DateColumn(label, format="YYYY-MM-DD", **common)
        elif self.kind == "datetime":
            made = st.column_config.DatetimeColumn(label, format="YYYY-MM-DD HH:mm", **common)
        elif self.kind == "progress":
            made = st.column_config.ProgressColumn(label, min_value=0, max_value=self.maximum, format="%d", **common)
        elif self.kind == "check":
            made = st.column_config.CheckboxColumn(label, **common)
        else:
            made = st.column_config.TextColumn(label, **common)
        if self.hidden:
            made["hidden"] = True
        return made


def link(hidden: bool = False) -> Col:
    """The one-click link to the client's dossier."""
    return Col("dossier", kind="link", hidden=hidden)


def client(name: str = "client_name", label: str = "common.client") -> Col:
    return Col(name, label, width=NAME_WIDTH)


def client_id(name: str = "client_id", label: str = "common.client_id", **kwargs) -> Col:
    """The client's id, in the column beside its name."""
    return Col(name, label, width=ID_WIDTH, **kwargs)


def configs(columns: list[Col]) -> dict:
    return {c.name: c.config() for c in columns}


def show(frame: pd.DataFrame, columns: list[Col], *, keep_order: bool = False, **kwargs):
    """``st.dataframe`` of ``frame``'s ``columns`` in that order (a column the frame lacks is skipped).

    With ``keep_order`` the frame keeps its own column order and only the screen
    follows ``columns`` (for a frame whose order others rely on).
    """
    present = [c for c in columns if c.name in frame.columns]
    names = [c.name for c in present]
    decimals = {c.name: c.decimals for c in present if c.kind == "number"}
    percents = tuple(c.name for c in present if c.kind == "share")
    shown = frame[[n for n in frame.columns if n in set(names)] if keep_order else names]
    if keep_order:
        kwargs.setdefault("column_order", names)
    kwargs.setdefault("hide_index", True)
    kwargs.setdefault("placeholder", ui.EMPTY)
    kwargs.setdefault("width", "stretch")
    return st.dataframe(ui.styled(shown, decimals, percents), column_config=configs(present), **kwargs)


def worded(frame: pd.DataFrame, prefix: str, *, key: str | None = None):
    """``st.dataframe`` of ``frame`` as it is, each column's header the words of ``{prefix}.{column}``."""
    return st.dataframe(
        frame.rename(columns=lambda c: ui.tr(f"{prefix}.{c}")),
        hide_index=True,
        placeholder=ui.EMPTY,
        width="stretch",
        key=key,
    )


def first_rows(frame: pd.DataFrame, limit: int | None = None) -> pd.DataFrame:
    """The first ``limit`` (default ``MAX_ROWS``) rows of ``frame``, with a caption saying so when it holds more."""
    limit = MAX_ROWS if limit is None else limit
    if len(frame) > limit:
        st.caption(ui.tr("common.rows_shown", shown=ui.number(limit), n=ui.number(len(frame))))
    return frame.head(limit)


def money(name: str, label: str | None = None, decimals: int = 0, **kwargs) -> Col:
    return Col(name, label, kind="number", decimals=decimals, **kwargs)


def count(name: str, label: str | None = None, **kwargs) -> Col:
    return Col(name, label, kind="number", **kwargs)


# -- the tables of each page ---------------------------------------------------------------------


def grid_listing(rows: pd.DataFrame) -> pd.DataFrame:
    """A cell's clients with the name to show (the id when it has none) and the link to each dossier."""
    return rows.assign(
        client=rows["client_name"].fillna(rows["client_id"]), dossier=ui.dossier_links(rows["client_id"])
    )


def grid_clients(measure: str) -> list[Col]:
    """The clients of the chosen cell: the link to the dossier first (the grid's list is where a meeting
    opens a client), who, what they weigh, how regularly they buy, who looks after them."""
    shown = "cv" if measure == "cv" else "frequency"
    return [
        link(),
        Col("client", "grid.col.client", width=NAME_WIDTH),
        client_id(label="grid.col.client_id"),
        money("basis", "grid.col.basis", decimals=2),
        Col("share", "grid.col.share", kind="share"),
        count("abc_rank", "grid.col.rank", hidden=True),
        Col(shown, f"grid.col.{shown}", kind="share"),
        count("periods", "grid.col.periods", hidden=True),
        Col("last_purchase", "grid.col.last_purchase", kind="date"),
        Col("manager", "grid.col.manager"),
        Col("region", "grid.col.region", hidden=True),
    ]


def migration_matrix(transitions: pd.DataFrame) -> pd.DataFrame:
    """The cell-to-cell counts (then in rows, now in columns), empty rows and columns left out, in words."""
    labels = {
        TOO_NEW: ui.tr("grid.too_new"),
        ABSENT_BEFORE: ui.tr("grid.migration.new"),
        ABSENT_NOW: ui.tr("grid.migration.gone"),
    }
    table = transitions.rename(index=lambda c: labels.get(c, c), columns=lambda c: labels.get(c, c))
    table = table.loc[table.sum(axis=1) > 0, table.sum(axis=0) > 0]
    table.index.name = f"{ui.tr('grid.migration.then')} ↓ / {ui.tr('grid.migration.now')} →"
    return table


GRID_SLIPPED = [
    Col("client", "grid.col.client", width=NAME_WIDTH),
    client_id(label="grid.col.client_id"),
    Col("cell_then", "grid.col.cell_then"),
    Col("cell_now", "grid.col.cell_now"),
    money("basis_then", "grid.col.basis_then", decimals=2),
    money("basis_now", "grid.col.basis_now", decimals=2),
]

CHURN_PERIODS = [
    Col("period", "churn.col.period"),
    count("lost", "churn.col.lost"),
    money("lost_value", "churn.col.lost_value"),
    count("active_start", "churn.col.active_start"),
    money("churn_rate", "churn.col.churn_rate", decimals=1),
    count("won_back", "churn.col.won_back"),
]


def churn_lost() -> list[Col]:
    """Clients lost as of the as-of date: who, worth, how long ago, why; the dates behind "days since" hidden."""
    return [
        client(label="churn.col.name"),
        client_id(label="churn.col.client"),
        money("value_before_loss", "churn.col.basis", short="churn.col.short.basis"),
        count("days_since", "churn.col.days_since", short="churn.col.short.days_since"),
        Col("reason", "churn.col.reason", width=140),
        Col("former_cell", "churn.col.former_cell", short="churn.col.short.former_cell"),
        Col("manager", "churn.col.manager", width=130),
        link(),
        Col("last_purchase", "churn.col.last_purchase", kind="date", hidden=True),
        Col("loss_date", "churn.col.loss_date", kind="date", hidden=True),
    ]


def churn_at_risk() -> list[Col]:
    return [
        client(label="churn.col.name"),
        client_id(label="churn.col.client"),
        money("basis", "churn.col.basis", short="churn.col.short.basis"),
        count("days_since", "churn.col.days_since", short="churn.col.short.days_since"),
        money("median_gap_days", "churn.col.median_gap", decimals=1, short="churn.col.short.median_gap"),
        Col("former_cell", "churn.col.former_cell", short="churn.col.short.former_cell"),
        Col("manager", "churn.col.manager", width=130),
        link(),
        Col("last_purchase", "churn.col.last_purchase", kind="date", hidden=True),
    ]


CHURN_RECORDED = [
    client_id(label="churn.col.client"),
    Col("at_date", "churn.col.last_purchase", kind="date"),
    Col("reason", "churn.col.reason"),
    Col("source", "churn.col.source"),
    Col("file_name", hidden=True),
    Col("set_by", "churn.col.set_by"),
    Col("set_at", "churn.col.set_at", kind="datetime"),
]


# What decides the call first, left (after the rank): who, lost or only at risk, what they were
# worth, how long ago, the lever, the status; then the id and the dossier link, what else helps the
# call, and the bookkeeping (hidden on screen). The export keeps core.winback.EXPORT_COLUMNS' order.
WINBACK_PAGE_COLUMNS = [
    "client_name",
    "at_risk",
    "value_before_loss",
    "days_since",
    "lever",
    "status",
    "client_id",
    "former_cell",
    "reason",
    "manager",
    "owner",
    "rule",
    "next_step",
    "note",
    "last_purchase",
    "loss_date",
    "kind",
    "region",
    "changed_by",
    "changed_at",
]


def winback_call_list(listed: pd.DataFrame) -> pd.DataFrame:
    """The call list in words (``core.winback.readable``): the rank first, "lost" or "at risk" spelled out,
    empty texts blank, the dossier link after the id."""
    from core.winback import readable

    shown = readable(listed, WINBACK_PAGE_COLUMNS, ui.lang())
    state = ui.tr("winback.col.state")
    shown = shown.rename(columns={ui.tr("winback.col.at_risk"): state})
    words = {True: ui.tr("winback.state.at_risk"), False: ui.tr("winback.state.lost")}
    shown[state] = [words[bool(risky)] for risky in listed["at_risk"]]
    texts = shown.select_dtypes(include=["object", "string"]).columns
    shown[texts] = shown[texts].fillna("")
    shown.insert(0, ui.tr("winback.col.rank"), range(1, len(shown) + 1))
    shown.insert(8, ui.tr("dossier.link"), ui.dossier_links(listed["client_id"]))
    return shown


# The call list's columns by code: (width, kind, hidden). The seven that decide the call fit 1280 px
# (sidebar open) with their widths fixed; their short headers have the whole one as a tooltip.
WINBACK_COLUMNS = {
    "rank": (40, "number", False),
    "client_name": (170, "text", False),
    "state": (110, "text", False),
    "value_before_loss": (120, "number", False),
    "days_since": (80, "number", False),
    "lever": (150, "text", False),
    "status": (130, "text", False),
    "client_id": (ID_WIDTH, "text", False),
    "reason": (130, "text", False),
    "note": (160, "text", True),
    "rule": (160, "text", True),
    "last_purchase": (None, "date", True),
    "loss_date": (None, "date", True),
    "next_step": (None, "date", True),
    "changed_at": (None, "datetime", True),
    **{code: (None, "text", True) for code in ("kind", "region", "changed_by")},
}
WINBACK_SHORT = ("state", "value_before_loss", "days_since", "lever")  # headers that have a short form


def winback_list(headers: list[str]) -> list[Col]:
    """The call list (headers already in words): the seven deciding columns first, the bookkeeping hidden.

    ``headers`` are the frame's columns (``core.winback.readable`` plus the page's
    rank, state and dossier link); a header the page does not know shows as it is.
    """
    codes = {ui.tr(f"winback.col.{code}"): code for code in WINBACK_COLUMNS}
    columns = []
    for header in headers:
        if header == ui.tr("dossier.link"):
            columns.append(Col(header, kind="link"))
            continue
        code = codes.get(header)
        width, kind, hidden = WINBACK_COLUMNS.get(code, (None, "text", False))
        short = f"winback.col.short.{code}" if code in WINBACK_SHORT else None
        columns.append(Col(header, kind=kind, width=width, hidden=hidden, short=short))
    return columns


def winback_by_manager(by_manager: pd.DataFrame) -> pd.DataFrame:
    """The win-back funnel per manager in words: clients per status, the value before loss, the revenue recovered."""
    from core.winback import STATUSES, status_text

    lang = ui.lang()
    counts = by_manager.pivot(index="manager", columns="status", values="clients").reindex(columns=list(STATUSES))
    counts.columns = [status_text(s, lang) for s in counts.columns]
    totals = by_manager.groupby("manager")[["value", "recovered"]].sum()
    table = counts.join(
        totals.rename(columns={"value": ui.tr("winback.col.value"), "recovered": ui.tr("winback.col.recovered")})
    )
    table.index = [m or ui.tr("winback.funnel.no_manager") for m in table.index]
    table.index.name = ui.tr("winback.col.manager")
    return table.reset_index()


PROSPECTS_SUGGESTED = [
    client(),
    client_id(),
    Col("first_date", "prospects.col.first_purchase", kind="date"),
    money("revenue", "common.revenue", decimals=2),
    count("rank", "prospects.col.rank"),
    Col("confirmed", "prospects.col.confirmed", kind="check", short="prospects.col.short.confirmed"),
    Col("in_list", "prospects.col.in_list", kind="check"),
    link(),
]


def prospects_list(questions, maximum: int) -> list[Col]:
    """The team's prospects: qualified and score first, the three answers, status and owner; the rest hidden."""
    return [
        Col("name", "prospects.col.name", width=NAME_WIDTH),
        Col("qualified", "prospects.col.qualified", kind="check"),
        Col("score", "prospects.col.score", kind="progress", maximum=maximum),
        *(Col(q, f"prospects.q.{q}") for q in questions),
        Col("status", "prospects.col.status"),
        Col("owner", "prospects.col.owner"),
        client_id(label="prospects.col.client_id"),
        link(),
        Col("first_purchase", "prospects.col.first_purchase", kind="date", hidden=True),
        money("revenue", "common.revenue", decimals=2, hidden=True),
        Col("source", "prospects.col.source", hidden=True),
        Col("changed_by", "prospects.col.changed_by", hidden=True),
        Col("changed_at", "prospects.col.changed_at", kind="datetime", hidden=True),
    ]


def managers_side(basis: str, has_margin: bool) -> list[Col]:
    """Managers side by side: the portfolio, then what is lost and at risk (money whole, as a director
    compares it); the win-back detail hidden."""
    return [
        Col("manager", "managers.col.manager"),
        count("clients", "managers.col.clients"),
        count("key_clients", "managers.col.key_clients", short="managers.col.short.key_clients"),
        money("basis", f"common.{basis}"),
        Col("share", "managers.col.share", kind="share"),
        *([money("margin", "common.margin", hidden=True)] if has_margin else []),
        count("lost_clients", "managers.col.lost_clients", short="managers.col.short.lost_clients"),
        money("lost_value", "managers.col.lost_value", short="managers.col.short.lost_value"),
        count("at_risk", "managers.col.at_risk", short="managers.col.short.at_risk"),
        count("won_back", "managers.col.won_back", short="managers.col.short.won_back"),
        count("in_progress", "managers.col.in_progress", hidden=True),
        money("recovered", "managers.col.recovered", hidden=True),
    ]


MANAGERS_FUNNEL = [
    Col("status", "managers.col.status"),
    count("clients", "managers.col.clients"),
    money("value", "managers.col.lost_value", short="managers.col.short.lost_value"),
    money("recovered", "managers.col.recovered", short="managers.col.short.recovered"),
]


def managers_clients(basis: str) -> list[Col]:
    """One manager's clients: who, what they weigh, their cell and state, the win-back status."""
    return [
        client(),
        client_id(),
        money("basis", f"common.{basis}"),
        Col("share", "managers.col.share", kind="share"),
        Col("cell", "managers.col.cell"),
        Col("state", "managers.col.state"),
        count("days_since", "managers.col.days_since", short="managers.col.short.days_since"),
        Col("status", "managers.col.status", short="managers.col.short.status"),
        link(),
        Col("abc", "ABC", hidden=True),
        Col("last_purchase", "common.last_purchase", kind="date", hidden=True),
        money("value_before_loss", "managers.col.value_before_loss", hidden=True),
    ]


def kinds_editor() -> list[Col]:
    """The kinds-of-key-client editor: the client, its share, the computed kinds, then the ones a person sets."""
    from core.tags import TAGGED_KINDS

    return [
        client(),
        client_id(),
        Col("share", ui.tr("common.share") + ", %", kind="number"),
        # narrow, so the kinds a person sets are in view; the whole header is the tooltip
        Col("breadwinner", "tags.kind.breadwinner", kind="check", width=95, help="tags.kind.breadwinner"),
        Col("suggested", "tags.suggested", kind="check", width=95, help="tags.suggested"),
        *(Col(k, f"tags.kind.{k}", kind="check", width=95, help=f"tags.kind.{k}") for k in TAGGED_KINDS),
        Col("changed", "tags.changed"),
    ]


def key_set(result, basis: str, tags: pd.DataFrame) -> pd.DataFrame:
    """The key set's clients in words: rank, client, basis, share, cumulative share, breadwinner, kinds."""
    kinds_of = (
        tags.groupby("client_id")["kind"].agg(lambda k: ", ".join(ui.tr(f"tags.kind.{x}") for x in k)).astype("string")
    )
    rows = result.ranking.head(result.key_set_clients)
    return pd.DataFrame(
        {
            ui.tr("dossier.link"): ui.dossier_links(rows["client_id"]),
            ui.tr("concentration.rank"): rows["rank"],
            ui.tr("common.client_id"): rows["client_id"],
            ui.tr("common.client"): rows["client_name"],
            ui.tr(f"common.{basis}"): rows["basis"],
            ui.tr("common.share"): rows["share"],
            ui.tr("concentration.cumulative_short"): rows["cumulative_share"],
            ui.tr("concentration.breadwinner_flag"): rows["client_id"].isin(set(result.breadwinners["client_id"])),
            ui.tr("concentration.kinds"): rows["client_id"].map(kinds_of).astype("string").fillna(""),
        }
    )


def key_set_columns(basis: str) -> list[Col]:
    """The key set (headers in words): rank, name and id, the figures, the link last."""
    return [
        Col(ui.tr("concentration.rank"), width=50),
        Col(ui.tr("common.client"), width=NAME_WIDTH),
        Col(ui.tr("common.client_id"), width=ID_WIDTH),
        Col(ui.tr(f"common.{basis}"), kind="number", decimals=2),
        Col(ui.tr("common.share"), kind="share"),
        Col(ui.tr("concentration.cumulative_short"), kind="share"),
        Col(ui.tr("concentration.breadwinner_flag"), kind="check"),
        Col(ui.tr("concentration.kinds")),
        Col(ui.tr("dossier.link"), kind="link"),
    ]


def _points(value) -> str:
    """A change of a share, in percentage points."""
    return ui.tr("concentration.points", value=ui.signed(100 * value, 1))


def concentration_side_by_side(pair: dict, top: int) -> pd.DataFrame:
    """The headline figures on the revenue and on the margin basis, one row per figure (``pair``: basis → result)."""
    rows = [
        (ui.tr("concentration.total"), lambda r: ui.number(r.total)),
        (ui.tr("concentration.clients"), lambda r: ui.number(r.clients)),
        (ui.tr("concentration.top_n_share", n=top), lambda r: ui.pct(r.top_n_share)),
        (ui.tr("concentration.key_set_clients"), lambda r: ui.number(r.key_set_clients)),
        (ui.tr("concentration.key_set_share"), lambda r: ui.pct(r.key_set_share)),
        (ui.tr("concentration.gini"), lambda r: ui.number(r.gini, 3)),
        (ui.tr("concentration.hhi"), lambda r: ui.number(r.hhi)),
    ]
    return pd.DataFrame(
        {
            ui.tr("concentration.figure"): [label for label, _ in rows],
            ui.tr("common.revenue"): [show(pair["revenue"]) for _, show in rows],
            ui.tr("common.margin"): [show(pair["margin"]) for _, show in rows],
        }
    )


def concentration_what_if(now, after, top: int) -> pd.DataFrame:
    """The figures now, without the chosen clients, and the change (shares in percentage points)."""
    figures = [  # (label, attribute, how a value reads, how a change reads)
        ("concentration.total", "total", ui.number, ui.signed),
        ("concentration.top_n_share", "top_n_share", ui.pct, _points),
        ("concentration.key_set_clients", "key_set_clients", ui.number, ui.signed),
        ("concentration.key_set_share", "key_set_share", ui.pct, _points),
        ("concentration.hhi", "hhi", ui.number, ui.signed),
        ("concentration.gini", "gini", lambda v: ui.number(v, 3), lambda v: ui.signed(v, 3)),
    ]
    return pd.DataFrame(
        {
            ui.tr("concentration.figure"): [ui.tr(key, n=top) for key, *_ in figures],
            ui.tr("concentration.now"): [show(getattr(now, name)) for _, name, show, _ in figures],
            ui.tr("concentration.without"): [show(getattr(after, name)) for _, name, show, _ in figures],
            ui.tr("concentration.change"): [
                change(getattr(after, name) - getattr(now, name)) for _, name, _, change in figures
            ],
        }
    )


def uploads_log(log: pd.DataFrame) -> pd.DataFrame:
    """The uploads so far, in words: file, when and by whom, rows loaded, set aside and still stored, dates, totals."""
    return pd.DataFrame(
        {
            ui.tr("data.file"): log["file_name"],
            ui.tr("data.sheet_col"): log["sheet"].fillna(""),
            ui.tr("data.loaded_at"): log["loaded_at"].dt.strftime("%Y-%m-%d %H:%M"),
            ui.tr("data.loaded_by"): log["loaded_by"].fillna(""),
            ui.tr("data.rows"): log["rows_loaded"],
            ui.tr("data.rejected"): log["rows_rejected"],
            ui.tr("data.rows_now"): log["rows_now"],
            ui.tr("data.date_range"): (
                log["date_min"].dt.strftime("%Y-%m-%d") + " … " + log["date_max"].dt.strftime("%Y-%m-%d")
            ).fillna(""),
            ui.tr("data.amount"): log["amount_total"].astype(float),
            ui.tr("data.margin"): log["margin_total"].astype(float),
        }
    )


def uploads_columns(log: pd.DataFrame) -> list[Col]:
    """The uploads log (headers in words): what a delete decides on first; the sheet only when a workbook had one."""
    no_sheet = not log["sheet"].fillna("").astype(str).str.strip().any()
    return [
        Col(ui.tr("data.file"), width=200),
        Col(ui.tr("data.loaded_at"), short="data.col.short.loaded_at"),
        count(ui.tr("data.rows_now"), short="data.col.short.rows_now"),
        Col(ui.tr("data.date_range")),
        money(ui.tr("data.amount"), decimals=2),
        count(ui.tr("data.rows"), short="data.col.short.rows"),
        count(ui.tr("data.rejected"), short="data.col.short.rejected"),
        Col(ui.tr("data.loaded_by")),
        Col(ui.tr("data.sheet_col"), hidden=no_sheet),
        money(ui.tr("data.margin"), decimals=2),
    ]
