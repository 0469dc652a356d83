"""Column roles: which column of an export is the date, the client, the amount, …

``guess(raw)`` proposes a role for each column from its header (English,
Russian and Georgian words) and, where headers say nothing (a file without a
header row), from the shape of its values. The guess is only a proposal: the
person sees it as a table and confirms or corrects it before anything is stored,
and a confirmed mapping is remembered for later files with the same headers
(``remember`` / ``remembered``, keyed by ``source_key``).

Rules a sales director would expect:

- Where several columns could be the date, the order or invoice date wins over
  ship, delivery or due dates.
- A file with only a client name uses the name as the client id.
- A file with quantity and unit price but no amount gets amount = quantity ×
  unit price (``Mapping.amount_from_price``), shown as such.
- Two columns that fit the amount equally well are never picked between
  silently: ``ambiguities`` names them, and the command line refuses with the
  flag to pass.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field

import pandas as pd

from core.errors import InputError
from core.reading import RawTable

ROLES = (
    "date",
    "client_id",
    "client_name",
    "amount",
    "margin",
    "quantity",
    "unit_price",
    "product",
    "order_id",
    "manager",
    "region",
    "segment",
    "loss_reason",
    "client_kind",
)
REQUIRED = ("date", "client_id", "amount")
NUMERIC_ROLES = ("amount", "margin", "quantity", "unit_price")

# Header words per role, already normalised (lower case, spaces for punctuation).
# Exact matches score highest; a word contained in the header scores lower.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "date": (
        "date",
        "order date",
        "invoice date",
        "sale date",
        "sales date",
        "document date",
        "transaction date",
        "posting date",
        "дата",
        "дата заказа",
        "дата продажи",
        "дата документа",
        "дата счета",
        "дата реализации",
        "период",
        "თარიღი",
        "შეკვეთის თარიღი",
        "გაყიდვის თარიღი",
        "ინვოისის თარიღი",
    ),
    "client_id": (
        "client id",
        "customer id",
        "customer",
        "client",
        "account id",
        "customer code",
        "client code",
        "customer no",
        "customer number",
        "account",
        "buyer id",
        "код клиента",
        "клиент",
        "контрагент",
        "покупатель",
        "код контрагента",
        "инн",
        "კლიენტის კოდი",
        "კლიენტის id",
        "კლიენტი",
        "მყიდველი",
        "კონტრაგენტი",
        "საიდენტიფიკაციო კოდი",
    ),
    "client_name": (
        "client name",
        "customer name",
        "account name",
        "company",
        "company name",
        "buyer",
        "наименование клиента",
        "наименование контрагента",
        "название клиента",
        "имя клиента",
        "კლიენტის სახელი",
        "კომპანია",
        "კლიენტის დასახელება",
    ),
    "amount": (
        "amount",
        "sales",
        "revenue",
        "sum",
        "total",
        "net sales",
        "sales amount",
        "turnover",
        "value",
        "line total",
        "dollar value",
        "net amount",
        "invoice amount",
        "сумма",
        "выручка",
        "сумма продажи",
        "оборот",
        "стоимость",
        "сумма без ндс",
        "თანხა",
        "შემოსავალი",
        "გაყიდვები",
        "ბრუნვა",
        "ღირებულება",
    ),
    "margin": (
        "margin",
        "profit",
        "gross profit",
        "gross margin",
        "маржа",
        "прибыль",
        "валовая прибыль",
        "მარჟა",
        "მოგება",
        "მთლიანი მოგება",
    ),
    "quantity": (
        "quantity",
        "qty",
        "units",
        "number of cds",
        "pieces",
        "количество",
        "кол во",
        "რაოდენობა",
    ),
    "unit_price": (
        "unit price",
        "price",
        "price per unit",
        "цена",
        "цена за единицу",
        "ფასი",
        "ერთეულის ფასი",
    ),
    "product": (
        "product",
        "product name",
        "item",
        "sku",
        "article",
        "товар",
        "номенклатура",
        "продукт",
        "პროდუქტი",
        "პროდუქცია",
        "საქონელი",
        "დასახელება",
    ),
    "order_id": (
        "order id",
        "order",
        "order no",
        "order number",
        "invoice",
        "invoice id",
        "invoice no",
        "document",
        "номер заказа",
        "заказ",
        "документ",
        "накладная",
        "შეკვეთა",
        "შეკვეთის ნომერი",
        "ინვოისი",
        "ზედნადები",
    ),
    "manager": (
        "manager",
        "account manager",
        "key account manager",
        "sales rep",
        "salesperson",
        "sales manager",
        "kam",
        "owner",
        "менеджер",
        "ответственный",
        "მენეჯერი",
        "გაყიდვების მენეჯერი",
    ),
    "region": ("region", "territory", "area", "регион", "область", "რეგიონი", "ტერიტორია"),
    "segment": ("segment", "customer segment", "channel", "сегмент", "канал", "სეგმენტი", "არხი"),
    "loss_reason": (
        "loss reason",
        "churn reason",
        "reason",
        "reason lost",
        "lost reason",
        "причина",
        "причина ухода",
        "причина потери",
        "მიზეზი",
        "წასვლის მიზეზი",
        "დაკარგვის მიზეზი",
    ),
    "client_kind": (
        "kind",
        "client kind",
        "client type",
        "customer type",
        "key client type",
        "kind of key client",
        "тип клиента",
        "категория клиента",
        "კლიენტის ტიპი",
        "კლიენტის სახე",
        "საკვანძო კლიენტის სახე",
    ),
}

# Header words that make a date column a worse candidate than the order/invoice date.
SECONDARY_DATE_WORDS = (
    "ship",
    "deliver",
    "due",
    "payment",
    "paid",
    "отгруз",
    "достав",
    "оплат",
    "срок",
    "მიწოდ",
    "გადახდ",
    "ვადა",
)
PRIMARY_DATE_WORDS = ("order", "invoice", "sale", "заказ", "продаж", "счет", "შეკვეთ", "გაყიდვ", "ინვოის")
# Header words that say "this is not the revenue".
NOT_AMOUNT_WORDS = ("discount", "tax", "vat", "cost", "скидк", "ндс", "себесто", "ფასდაკლ", "დღგ", "თვითღირ")

_DATE_SHAPE = re.compile(r"^\s*(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|(19|20)\d{6})(\s.*)?$")
_NUMBER_NOISE = re.compile(r"[\s\u00a0\u202f\u2009'’$€£₾₽¥%]|USD|EUR|GEL|RUB|GBP|руб\.?|лари|ლარი", re.IGNORECASE)
_NUMBER_SHAPE = re.compile(r"^[-+(]?[\d.,]*\d[\d.,]*\)?-?$")


@dataclass
class Mapping:
    """Role → column name (``None`` when the file has no such column)."""

    roles: dict[str, str | None]
    amount_from_price: bool = False
    ambiguities: dict[str, list[str]] = field(default_factory=dict)

    def column(self, role: str) -> str | None:
        return self.roles.get(role)

    def missing(self) -> list[str]:
        """Required roles with no column (amount counts as present when derived)."""
        return [r for r in REQUIRED if not self.roles.get(r) and not (r == "amount" and self.amount_from_price)]

    def to_json(self) -> str:
        return json.dumps({"roles": self.roles, "amount_from_price": self.amount_from_price}, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> Mapping:
        data = json.loads(text)
        return cls(dict(data["roles"]), bool(data.get("amount_from_price")))


def normalise(header: str) -> str:
    return " ".join(re.sub(r"[_\-./#№()\[\]:]+", " ", str(header).lower()).split())


def source_key(columns: list[str]) -> str:
    """Fingerprint of a file's headers: files with the same headers come from the same source."""
    return hashlib.sha256("\x1f".join(normalise(c) for c in columns).encode()).hexdigest()[:16]


def _header_score(role: str, header: str) -> int:
    name = normalise(header)
    if not name or name.startswith("column "):
        return 0
    words = SYNONYMS[role]
    if name in words:
        score = 100
    elif any(len(w) > 3 and (name.startswith(w + " ") or name.endswith(" " + w)) for w in words):
        score = 70
    elif any(len(w) > 4 and w in name for w in words):
        score = 50
    else:
        return 0
    if role == "date":
        if any(w in name for w in SECONDARY_DATE_WORDS):
            score -= 40
        if any(w in name for w in PRIMARY_DATE_WORDS):
            score += 10
    if role in ("amount", "unit_price") and any(w in name for w in NOT_AMOUNT_WORDS):
        score = 0
    if role == "client_id" and ("name" in name or "наимен" in name or "სახელ" in name or "დასახ" in name):
        score = 0
    if role == "client_name" and name in ("customer", "client"):
        score = 0
    return score


def _share(values: pd.Series, pattern: re.Pattern) -> float:
    filled = values.dropna().astype(str)
    filled = filled[filled.str.strip() != ""]
    if filled.empty:
        return 0.0
    if pattern is _NUMBER_SHAPE:
        filled = filled.map(lambda v: _NUMBER_NOISE.sub("", v))
    return float(filled.map(lambda v: bool(pattern.match(v))).mean())


def guess(raw: RawTable) -> Mapping:
    """Propose a role for each column of ``raw`` from headers and value shapes."""
    sample = raw.sample(2000)
    date_like = {c: _share(sample[c], _DATE_SHAPE) for c in raw.columns}
    number_like = {c: _share(sample[c], _NUMBER_SHAPE) for c in raw.columns}
    roles: dict[str, str | None] = {r: None for r in ROLES}
    ambiguities: dict[str, list[str]] = {}
    taken: set[str] = set()
    for role in (
        "date",
        "amount",
        "margin",
        "client_id",
        "client_name",
        "quantity",
        "unit_price",
        "order_id",
        "product",
        "manager",
        "region",
        "segment",
        "loss_reason",
        "client_kind",
    ):
        scored = []
        for column in raw.columns:
            if column in taken:
                continue
            score = _header_score(role, column)
            if score == 0:
                continue
            if role == "date" and date_like[column] < 0.8:
                continue
            if role in NUMERIC_ROLES and number_like[column] < 0.6:
                continue
            scored.append((score, column))
        if not scored:
            continue
        scored.sort(key=lambda s: -s[0])
        top = [c for s, c in scored if s == scored[0][0]]
        if len(top) > 1 and role in ("amount", "date"):
            ambiguities[role] = top
        roles[role] = top[0]
        taken.add(top[0])
    if not raw.has_header:
        _guess_by_shape(raw, sample, roles, date_like, number_like)
    if not roles["client_id"] and roles["client_name"]:
        roles["client_id"] = roles["client_name"]
    amount_from_price = not roles["amount"] and bool(roles["quantity"] and roles["unit_price"])
    return Mapping(roles, amount_from_price, ambiguities)


def _guess_by_shape(raw, sample, roles, date_like, number_like) -> None:
    """For a file without headers: date = first date-shaped column, amount = last
    numeric column with fractions, client = first column left of the date."""
    free = [c for c in raw.columns if c not in roles.values()]
    dates = [c for c in free if date_like[c] >= 0.9]
    if not roles["date"] and dates:
        roles["date"] = dates[0]
    free = [c for c in free if c != roles["date"]]
    fractional = [
        c for c in free if number_like[c] >= 0.9 and sample[c].dropna().astype(str).str.contains(r"[.,]\d").mean() > 0.5
    ]
    if not roles["amount"] and fractional:
        roles["amount"] = fractional[-1]
    free = [c for c in free if c != roles["amount"]]
    if not roles["client_id"] and free:
        roles["client_id"] = free[0]


def apply_overrides(mapping: Mapping, raw: RawTable, overrides: dict[str, str]) -> Mapping:
    """Set roles from ``ROLE=COLUMN`` choices; a column may be named or given by 1-based position."""
    roles = dict(mapping.roles)
    for role, column in overrides.items():
        if role not in ROLES:
            raise InputError(f"Unknown role '{role}'. Roles: {', '.join(ROLES)}.")
        if column in (None, "", "-"):
            roles[role] = None
            continue
        if column not in raw.columns and str(column).isdigit() and 1 <= int(column) <= len(raw.columns):
            column = raw.columns[int(column) - 1]
        if column not in raw.columns:
            raise InputError.keyed("err.no_column", file=raw.file_name, column=column, columns=", ".join(raw.columns))
        for other, chosen in roles.items():
            if chosen == column and other != role and other not in ("client_name",):
                roles[other] = None
        roles[role] = column
    ambiguities = {r: c for r, c in mapping.ambiguities.items() if r not in overrides}
    amount_from_price = not roles["amount"] and bool(roles["quantity"] and roles["unit_price"])
    return Mapping(roles, amount_from_price, ambiguities)


def remembered(store, key: str) -> Mapping | None:
    """The mapping a person confirmed earlier for files with these headers, if any."""
    text = store.scalar("SELECT mapping FROM mappings WHERE source_key = ?", [key])
    return Mapping.from_json(text) if text else None


def remember(cur, key: str, columns: list[str], mapping: Mapping) -> None:
    """Keep a confirmed mapping (inside the upload's transaction)."""
    cur.execute(
        "INSERT OR REPLACE INTO mappings VALUES (?, ?, ?, NULL, current_timestamp::TIMESTAMP)",
        [key, json.dumps(columns, ensure_ascii=False), mapping.to_json()],
    )
