"""The demo export: a realistic B2B sales file, generated from a fixed seed.

``python -m core.demo`` writes ``data/demo_sales.csv`` (committed); the app
loads it through the ordinary ingest path on its first start against an empty
database, so the demo proves the same path a person's upload takes.

About 300 client companies over three years (November 2023 – October 2026), five
key account managers, four regions, four segments, invoice lines with quantity,
unit price, amount and margin, and about 2 % return lines. Client behaviours are
assigned independently of client size, so every cell of the ABC-XYZ grid holds
someone:

- steady (every month, ±4 %): the X column;
- regular with swings (every month, ±17 %): the Y column;
- irregular (bursts with silent months): the Z column;
- lost (stopped buying more than 180 days before the end, some with a loss
  reason on their last invoice), won back (a gap of more than 180 days, then
  buying again), at risk (a regular buyer silent for the last few months), and
  new (first purchase in the last six months).

About one client in ten carries a "Client type" (image maker or expert), the
column the kinds of key client can be read from.
"""

from __future__ import annotations

import csv
from datetime import date, timedelta
from pathlib import Path

import numpy as np

DEMO_FILE = Path(__file__).resolve().parent.parent / "data" / "demo_sales.csv"
SEED = 20261127
START, END = date(2023, 11, 1), date(2026, 10, 31)
MANAGERS = ("Nino Beridze", "Giorgi Kapanadze", "Tamar Lomidze", "Levan Jashi", "Ana Gelashvili")
REGIONS = ("Tbilisi", "Imereti", "Adjara", "Kakheti")
SEGMENTS = ("Retail chain", "HoReCa", "Distributor", "Pharmacy")
PRODUCTS = (
    ("Mineral water 0.5 l (24)", 18.0, 0.22),
    ("Lemonade 1 l (12)", 21.0, 0.28),
    ("Wine Saperavi 0.75 l (6)", 64.0, 0.35),
    ("Sunflower oil 5 l", 29.0, 0.12),
    ("Flour 50 kg", 55.0, 0.09),
    ("Cheese Sulguni 1 kg", 17.5, 0.18),
    ("Coffee beans 1 kg", 42.0, 0.31),
    ("Paper towels (30)", 26.0, 0.25),
    ("Detergent 5 l", 33.0, 0.27),
    ("Tea 100 bags", 9.5, 0.33),
)
REASONS = (
    "Service level declined",
    "Price",
    "Competitor's offer",
    "Missed deadlines",
    "Product quality worse",
    "Client's opinion ignored",
)
NAME_PARTS = (
    (
        "Kartli",
        "Imeri",
        "Rioni",
        "Mtkvari",
        "Aragvi",
        "Kolkheti",
        "Alazani",
        "Borjomi",
        "Mtatsminda",
        "Svaneti",
        "Guria",
        "Samegrelo",
        "Tao",
        "Iveria",
        "Vake",
        "Saburtalo",
        "Batumi",
        "Kutaisi",
        "Gori",
        "Telavi",
    ),
    (
        "Foods",
        "Market",
        "Trade",
        "Hotels",
        "Pharma",
        "Distribution",
        "Group",
        "Retail",
        "Kitchen",
        "Supply",
        "Holding",
        "Partners",
        "Wholesale",
        "Stores",
        "Café",
    ),
    ("LLC", "JSC", "Ltd", "& Co"),
)
BEHAVIOURS = ("steady", "swinging", "irregular", "lost", "won_back", "at_risk", "new")
BEHAVIOUR_WEIGHTS = (0.22, 0.2, 0.25, 0.12, 0.07, 0.06, 0.08)


def _months(start: date, end: date) -> list[date]:
    months, current = [], start.replace(day=1)
    while current <= end:
        months.append(current)
        current = (current.replace(day=28) + timedelta(days=4)).replace(day=1)
    return months


def generate(clients: int = 300, seed: int = SEED) -> list[dict]:
    """The demo's invoice lines, deterministic for a given seed."""
    rng = np.random.default_rng(seed)
    kinds_rng = np.random.default_rng(seed + 1)  # its own stream: the sales stay as they were
    months = _months(START, END)
    lines: list[dict] = []
    names: set[str] = set()
    invoice = 100000
    for number in range(1, clients + 1):
        while True:
            name = " ".join(str(rng.choice(part)) for part in NAME_PARTS)
            if name not in names:
                names.add(name)
                break
        client = {
            "Customer Code": f"C{number:04d}",
            "Customer Name": name,
            "Manager": str(rng.choice(MANAGERS)),
            "Region": str(rng.choice(REGIONS)),
            "Segment": str(rng.choice(SEGMENTS)),
            "Client type": str(kinds_rng.choice(("", "Image maker", "Expert"), p=(0.9, 0.05, 0.05))),
        }
        behaviour = str(rng.choice(BEHAVIOURS, p=BEHAVIOUR_WEIGHTS))
        monthly = float(rng.lognormal(mean=7.6, sigma=1.0))  # a few very large clients
        products = rng.choice(len(PRODUCTS), size=int(rng.integers(1, 4)), replace=False)
        active = list(range(len(months)))
        if behaviour == "new":
            active = active[-int(rng.integers(2, 6)) :]
        elif behaviour == "lost":
            stop = int(rng.integers(8, len(months) - 7))
            active = active[:stop]
        elif behaviour == "won_back":
            gap_start = int(rng.integers(6, len(months) - 14))
            active = active[:gap_start] + active[gap_start + int(rng.integers(8, 12)) :]
        elif behaviour == "at_risk":
            active = active[: len(months) - int(rng.integers(3, 5))]
        noise = {"steady": 0.04, "swinging": 0.17}.get(behaviour, 0.3)
        for index in active:
            if behaviour in ("irregular",) and rng.random() < 0.55:
                continue
            if behaviour not in ("steady", "swinging") and rng.random() < 0.1:
                continue
            burst = float(rng.choice((1.0, 2.5))) if behaviour == "irregular" else 1.0
            total = max(monthly * burst * (1 + rng.normal(0, noise)), 20.0)
            day = months[index] + timedelta(days=int(rng.integers(0, 27)))
            if day > END:
                day = END
            invoice += 1
            shares = rng.dirichlet(np.ones(len(products)))
            for product_index, share in zip(products, shares, strict=False):
                product, price, margin_rate = PRODUCTS[int(product_index)]
                quantity = max(1, round(total * share / price))
                amount = round(quantity * price, 2)
                lines.append(
                    {
                        "Invoice Date": day.isoformat(),
                        "Ship Date": (day + timedelta(days=int(rng.integers(1, 6)))).isoformat(),
                        **client,
                        "Product": product,
                        "Quantity": quantity,
                        "Unit Price": price,
                        "Amount": amount,
                        "Margin": round(amount * (margin_rate + rng.normal(0, 0.02)), 2),
                        "Invoice No": f"INV-{invoice}",
                        "Loss Reason": "",
                    }
                )
                if rng.random() < 0.02:  # a return of part of the line
                    returned = max(1, quantity // 3)
                    lines.append(
                        {
                            **lines[-1],
                            "Quantity": -returned,
                            "Amount": round(-returned * price, 2),
                            "Margin": round(-returned * price * margin_rate, 2),
                            "Invoice Date": (day + timedelta(days=int(rng.integers(3, 20)))).isoformat(),
                            "Invoice No": f"RET-{invoice}",
                        }
                    )
        if behaviour == "lost" and lines and rng.random() < 0.7:
            lines[-1]["Loss Reason"] = str(rng.choice(REASONS))
    lines = [line for line in lines if line["Invoice Date"] <= END.isoformat()]
    lines.sort(key=lambda line: (line["Invoice Date"], line["Invoice No"]))
    return lines


def write(path: Path = DEMO_FILE) -> Path:
    lines = generate()
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(lines[0]))
        writer.writeheader()
        writer.writerows(lines)
    return path


def load_demo_if_empty(store) -> bool:
    """Load the demo export through ingest when the store holds no lines; True when loaded."""
    from core.ingest import ingest_path

    if not store.is_empty() or not DEMO_FILE.exists():
        return False
    ingest_path(store, DEMO_FILE, loaded_by="demo")
    return True


if __name__ == "__main__":
    print(write())
