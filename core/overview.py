"""The overview: one screen with the headline of every view, for the meeting's first minute.

Nothing here is a new rule. Each figure is the headline of a view, read from that
view's own ``core`` function with its defaults and the shared filters, so the
overview always says what the page it links to says:

- **Key set** (``core.concentration``): the smallest set of top clients holding
  the target share (default 50 %), its client count and share, and where that
  share sits against the article's 30–55 % band of key-client sales
  (``below`` / ``inside`` / ``above``).
- **Grid** (``core.grid.abcxyz``): the share of the basis held by class A (every
  class A client, the too new ones included: ABC is by value alone), the number
  of clients in each of the nine cells, and the too-new strip.
- **Churn** (``core.churn.churn``): clients lost in the latest period, the trend
  word of the losses per period (rising / falling / flat), clients lost as of
  the as-of date and clients at risk.
- **Win-back** (``core.winback.win_back_list``): clients per status of the
  pipeline, every status shown.
- **Managers** (``core.managers``): the named manager with the most clients at
  risk (each client under its manager as of the as-of date, as the managers'
  page counts it; ties by name), when anyone at risk has a manager.

``python -m core overview`` prints the same figures as JSON.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from core.analysis import Filters, parse_date
from core.churn import ChurnParams, churn
from core.concentration import KEY_SHARE_BAND, ConcentrationParams, concentration
from core.grid import CELLS, GridParams, abcxyz
from core.managers import client_managers
from core.winback import STATUSES, WinbackParams, win_back_list


@dataclass(frozen=True)
class OverviewParams:
    """The shared filters, the basis and the as-of date; every other setting is each view's default."""

    filters: Filters = field(default_factory=Filters)
    basis: str = "revenue"
    as_of: date | None = None


@dataclass(frozen=True)
class Overview:
    """The headlines. Shares are fractions (0.5 = 50 %)."""

    as_of: date
    window_start: date
    total: float
    clients: int
    key_clients: int
    key_share: float
    band: tuple[float, float]  # the article's key-client share of sales, fractions
    band_reading: str  # below | inside | above
    a_share: float
    cells: dict[str, int]  # AX … CZ → clients
    too_new: int
    period: str | None  # label of the latest churn period
    lost_in_period: int
    trend: str  # rising | falling | flat
    lost_now: int
    at_risk: int
    pipeline: dict[str, int]  # win-back status → clients
    riskiest_manager: str | None
    riskiest_at_risk: int

    def as_json(self) -> dict:
        return {
            "as_of": self.as_of.isoformat(),
            "window_start": self.window_start.isoformat(),
            "total": self.total,
            "clients": self.clients,
            "key_set": {"clients": self.key_clients, "share": self.key_share, "band": list(self.band)},
            "key_set_in_band": self.band_reading,
            "a_share": self.a_share,
            "cells": self.cells,
            "too_new": self.too_new,
            "churn": {
                "period": self.period,
                "lost_in_period": self.lost_in_period,
                "trend": self.trend,
                "lost_now": self.lost_now,
                "at_risk": self.at_risk,
            },
            "win_back": self.pipeline,
            "riskiest_manager": (
                {"manager": self.riskiest_manager, "at_risk": self.riskiest_at_risk} if self.riskiest_manager else None
            ),
        }


def band_reading(share: float, band: tuple[float, float]) -> str:
    """Where ``share`` sits against ``band`` (both fractions); the band's ends are inside."""
    low, high = band
    if share < low:
        return "below"
    return "above" if share > high else "inside"


def overview(store, params: OverviewParams) -> Overview:
    """Every view's headline for the filters, basis and as-of date of ``params``."""
    filters, basis, as_of = params.filters, params.basis, parse_date(params.as_of)
    grid = abcxyz(store, GridParams(basis=basis, as_of=as_of, filters=filters))
    as_of = grid.params.as_of
    # Only the headlines: no concentration trend or ranking, no former cells (each a pass per period of history).
    held = concentration(
        store, ConcentrationParams(basis=basis, as_of=as_of, filters=filters, trend=False, ranked=False)
    )
    losses = churn(store, ChurnParams(basis=basis, as_of=as_of, filters=filters), cells=False)
    worked = win_back_list(store, WinbackParams(basis=basis, as_of=as_of, filters=filters), cells=False)

    cells = grid.cells
    ranked = grid.clients
    a_share = float(ranked.loc[ranked["abc"] == "A", "share"].sum()) if len(ranked) else 0.0
    periods = losses.periods
    pipeline = dict(zip(worked.funnel["status"], worked.funnel["clients"].astype(int), strict=True))

    riskiest, riskiest_count = None, 0
    if len(losses.at_risk):
        # Each client under its manager as of the as-of date, as the managers' page counts it.
        owners = client_managers(store, filters, as_of).set_index("client_id")["manager"]
        counted = losses.at_risk["client_id"].map(owners).dropna().value_counts()
        if len(counted):
            counted = counted.sort_index().sort_values(ascending=False, kind="stable")
            riskiest, riskiest_count = str(counted.index[0]), int(counted.iloc[0])

    band = (KEY_SHARE_BAND[0] / 100, KEY_SHARE_BAND[1] / 100)
    return Overview(
        as_of=as_of,
        window_start=grid.window_start,
        total=float(held.total),
        clients=int(held.clients),
        key_clients=int(held.key_set_clients),
        key_share=float(held.key_set_share),
        band=band,
        band_reading=band_reading(float(held.key_set_share), band),
        a_share=a_share,
        cells={cell: int(cells["clients"].get(cell, 0)) for cell in CELLS},
        too_new=int(grid.new.get("clients", 0)),
        period=str(periods["period"].iloc[-1]) if len(periods) else None,
        lost_in_period=int(periods["lost"].iloc[-1]) if len(periods) else 0,
        trend=losses.trend["direction"],
        lost_now=len(losses.lost),
        at_risk=len(losses.at_risk),
        pipeline={status: pipeline.get(status, 0) for status in STATUSES},
        riskiest_manager=riskiest,
        riskiest_at_risk=riskiest_count,
    )
