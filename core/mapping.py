"""Column roles: which column of an export is the date, the client, the amount, …

``guess(raw)`` scores every (role, column) pair from two kinds of evidence and
proposes a role for each column; the person sees the proposal, corrects it and
confirms before anything is stored, and a confirmed mapping is remembered for
later files with the same headers (``remember`` / ``remembered``, keyed by
``source_key``).

**Header evidence.** A header is split into words (``OrderDate`` → order date,
``CUSTOMER_ID`` → customer id, ``orderdate`` → order date by the vocabulary),
case and accents dropped and word endings stemmed (``клиента`` = ``клиент``,
``კლიენტის`` = ``კლიენტი``), then matched against the phrases of
``core.roles.ROLE_WORDS``: the whole header equal to a phrase scores 100, a
phrase inside a longer header less the more words are left over. Modifier words
move the score: an id suffix (``Key``, ``No``, ``код``, ``კოდი``) makes a column
a code (evidence for the client id, a veto for money), "ship"/"due"/"created"
makes a date secondary, "discount"/"tax" says a number is not the revenue,
"unit" makes a price, "line" an order line rather than the order.

**Value evidence.** A date must parse as a date in most rows; a money column
must hold numbers, and a column of small integer codes with few distinct values
(a territory key beside the sales amount) is marked down; a client or text
column must not be dates or decimals.

**No silent wrong guess.** A role takes its best column only when it beats the
next candidate by ``CLEAR_LEAD`` points. For the roles every figure stands on
(date, client, amount, margin, cost) a close second is a question:
``ambiguities`` names the candidates, the page preselects nothing and the
command line refuses naming them and the flag. For the other roles a close call
leaves the role empty (``hints`` keeps the candidates for the page).

Derived columns: a file with quantity and unit price but no line amount gets
amount = quantity × unit price (``amount_from_price``); a file with a cost and
no margin gets margin = amount − cost (``margin_from_cost``). A file without
headers is mapped by value shapes alone (``_guess_by_shape``).
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache

import pandas as pd

from core import roles as words
from core.errors import InputError
from core.reading import RawTable

ROLES = (
    "date",
    "client_id",
    "client_name",
    "amount",
    "margin",
    "cost",
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
NUMERIC_ROLES = ("amount", "margin", "cost", "quantity", "unit_price")
MONEY_ROLES = ("amount", "margin", "cost")
ASKED_ROLES = ("date", "client_id", "amount", "margin", "cost")
TEXT_ROLES = ("client_name", "product", "manager", "region", "segment", "loss_reason", "client_kind")
MIN_SCORE = 50
CLEAR_LEAD = 15

# Characters a cell may carry around its value: spaces of every kind, tabs, zero-width marks
# (the reading rules trim them: core.ingest).
EDGE_CHARACTERS = " \t\n\r\u00a0\u2007\u2009\u202f\u200b\u200c\u200d\u2060\ufeff"
# The values DOMAIN.md reads as missing (compared after trimming).
MISSING_WORDS = ("NULL", "null", "NaN", "N/A", "n/a", "#N/A", "-", "—", "(blank)", "нет", "(пусто)")

_DATE_SHAPE = re.compile(
    r"^\s*(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|(19|20)\d{2}(0[1-9]|1[0-2])\d{2})([ T].*)?$"
)
# A sample value's edges for the detection: those the reading rules trim, and every other space
# Python knows (none is above U+3000).
_EDGES = EDGE_CHARACTERS + "".join(chr(c) for c in range(0x3001) if chr(c).isspace() and chr(c) not in EDGE_CHARACTERS)
_NUMBER_NOISE = re.compile(r"[\s\u00a0\u202f\u2009'’$€£₾₽¥]|USD|EUR|GEL|RUB|GBP|руб\.?|лари|ლარი", re.IGNORECASE)
_NUMBER_SHAPE = re.compile(r"^[-+(]?[\d.,]*\d[\d.,]*%?\)?-?$")
_FRACTION = re.compile(r"[.,]\d{1,4}\)?-?%?$")
_ENDINGS = tuple(
    sorted(
        (
            "es", "s", "e", "i", "a", "o", "u", "as", "os",
            "ами", "ями", "ии", "ого", "его", "ому", "ему", "ой", "ей", "ом", "ем", "ов", "ев", "ам", "ям", "ах", "ях",
            "ия", "ие", "ий", "ый", "ая", "ое", "ые", "а", "я", "ы", "и", "у", "ю", "е", "о", "ь",
            "ების", "ებს", "ები", "ის", "ით", "ად", "ში", "ზე", "ს", "ი", "ა", "ო", "ე",
        ),
        key=len,
        reverse=True,
    )
)  # fmt: skip
_FILLER = {"of", "the", "de", "du", "des", "del", "da", "do", "di", "la", "le", "el", "der", "d", "l", "to"}


@dataclass
class Mapping:
    """Role → column name (``None`` when the file has no such column).

    ``ambiguities``: roles a person must choose for (role → candidate columns);
    ``hints``: optional roles left empty because two columns fit about equally.
    """

    roles: dict[str, str | None]
    amount_from_price: bool = False
    ambiguities: dict[str, list[str]] = field(default_factory=dict)
    margin_from_cost: bool = False
    hints: dict[str, list[str]] = field(default_factory=dict)

    def __post_init__(self):
        self.roles = {role: self.roles.get(role) for role in ROLES}

    def column(self, role: str) -> str | None:
        return self.roles.get(role)

    def missing(self) -> list[str]:
        """Required roles with no column (amount counts as present when derived)."""
        return [r for r in REQUIRED if not self.roles.get(r) and not (r == "amount" and self.amount_from_price)]

    def described(self) -> dict[str, str | None]:
        """Role → column as the command line reports it (derived columns as formulas)."""
        shown = dict(self.roles)
        if self.amount_from_price:
            shown["amount"] = "quantity*unit_price"
        if self.margin_from_cost:
            shown["margin"] = "amount-cost"
        return shown

    def to_json(self) -> str:
        return json.dumps(
            {
                "roles": self.roles,
                "amount_from_price": self.amount_from_price,
                "margin_from_cost": self.margin_from_cost,
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: str) -> Mapping:
        data = json.loads(text)
        return cls(
            dict(data["roles"]),
            bool(data.get("amount_from_price")),
            margin_from_cost=bool(data.get("margin_from_cost")),
        )


def derive(roles: dict[str, str | None]) -> tuple[bool, bool]:
    """``(amount_from_price, margin_from_cost)`` for a set of chosen columns."""
    from_price = not roles.get("amount") and bool(roles.get("quantity") and roles.get("unit_price"))
    has_amount = bool(roles.get("amount")) or from_price
    from_cost = not roles.get("margin") and bool(roles.get("cost")) and has_amount
    return from_price, from_cost


# -- header words ------------------------------------------------------------------


def _stem(word: str) -> str:
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


def _plain_words(text: str) -> list[str]:
    text = re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", str(text))
    text = re.sub(r"([A-Z]{2,})([A-Z][a-z]{2,})", r"\1 \2", text)  # SKUCode, not IDs
    text = text.replace("№", " № ").replace("#", " # ").replace("ı", "i").replace("İ", "I")
    text = "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))
    return [w for w in re.split(r"[^\w#№]+|_", text) if w]


@cache
def _vocabulary() -> frozenset[str]:
    phrases = [p.lstrip("~") for group in words.ROLE_WORDS.values() for p in group]
    for name in dir(words):
        if name.endswith("_WORDS") and name != "ROLE_WORDS":
            phrases += list(getattr(words, name))
    return frozenset(w for p in phrases for w in _plain_words(p) if len(w) >= 2)


def _split_compound(word: str) -> list[str]:
    """``orderdate`` → ``order date`` when both parts are words of the vocabulary."""
    vocabulary = _vocabulary()
    if word in vocabulary or len(word) < 5:
        return [word]
    for cut in range(len(word) - 2, 1, -1):
        head, rest = word[:cut], word[cut:]
        if head in vocabulary:
            tail = _split_compound(rest)
            if all(part in vocabulary for part in tail):
                return [head, *tail]
    return [word]


@cache
def tokens(header: str) -> tuple[str, ...]:
    """A header (or phrase) as stemmed words: ``'OrderDateKey'`` → ``('order', 'dat', 'key')``."""
    return tuple(_stem(part) for w in _plain_words(header) for part in _split_compound(w))


def normalise(header: str) -> str:
    """A header as its stemmed words, space-separated (what the role phrases are matched on)."""
    return " ".join(tokens(header))


def source_key(columns: list[str]) -> str:
    """Fingerprint of a file's headers: files with the same headers come from the same source.

    Kept exactly as stores already hold it (lower case, punctuation as spaces), so
    remembered mappings and overlap replacement keep working across versions.
    """
    plain = (" ".join(re.sub(r"[_\-./#№()\[\]:]+", " ", str(c).lower()).split()) for c in columns)
    return hashlib.sha256("\x1f".join(plain).encode()).hexdigest()[:16]


@cache
def _group(name: str) -> frozenset[str]:
    """The one-word entries of a modifier group, as tokens."""
    return frozenset(t for phrase in getattr(words, name) if len(found := tokens(phrase)) == 1 for t in found)


@cache
def _group_phrases(name: str) -> tuple[tuple[str, ...], ...]:
    return tuple(found for phrase in getattr(words, name) if (found := tokens(phrase)))


def _has(name: str, found: tuple[str, ...]) -> bool:
    """True when a word or phrase of the modifier group ``name`` is in the header."""
    return any(_contains(found, phrase) for phrase in _group_phrases(name))


@cache
def _phrases(role: str) -> tuple[tuple[tuple[str, ...], float], ...]:
    return tuple((tokens(p.lstrip("~")), 0.8 if p.startswith("~") else 1.0) for p in words.ROLE_WORDS[role])


def _contains(header: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(header[i : i + n] == phrase for i in range(len(header) - n + 1))


def _phrase_score(role: str, header: tuple[str, ...]) -> float:
    best = 0.0
    for phrase, weight in _phrases(role):
        if not phrase:
            continue
        if header == phrase:
            score = 100.0
        elif _contains(header, phrase):
            score = min(95.0, max(50.0, 60 + 12 * len(phrase) - 4 * (len(header) - len(phrase))))
        else:
            continue
        best = max(best, score * weight)
    return best


def header_score(role: str, header: str) -> float:
    """How strongly a header names ``role`` (0: not at all; 100: exactly)."""
    found = tokens(_undup(header))
    if not found or header.startswith("column "):
        return 0.0
    score = _phrase_score(role, found)
    if not score:
        return 0.0
    present = set(found)
    has = {name: _has(name, found) for name in _MODIFIER_GROUPS}
    if present <= _group("ID_WORDS") and score < 100:  # "No.", "ID": a row number, unless a phrase says more
        return 0.0
    if role in NUMERIC_ROLES and has["ID_WORDS"] and score < 100:
        return 0.0
    if role == "date":
        score += -40 if has["ID_WORDS"] else 0
        score += -15 if has["SECONDARY_DATE_WORDS"] else 0
        score += 10 if has["PRIMARY_DATE_WORDS"] else 0
    elif role in ("amount", "unit_price", "margin"):
        if has["NOT_REVENUE_WORDS"] and not has["NET_WORDS"] and score < 100:  # "amount excl. VAT" is revenue
            return 0.0
        if role == "amount":
            if _phrase_score("cost", found) or _phrase_score("margin", found):
                return 0.0
            score += -45 if has["UNIT_WORDS"] else 0
            score += -15 if has["GROSS_WORDS"] else 0
            score += 20 if has["NET_WORDS"] else 0  # the net line amount before the tax-inclusive total
    elif role == "cost":
        score += -45 if has["UNIT_WORDS"] else 0
    elif role == "order_id":
        score += -45 if has["LINE_WORDS"] else 0
    elif role == "client_id":
        if has["NAME_WORDS"]:
            return 0.0
        score += -40 if has["CLIENT_ATTRIBUTE_WORDS"] else 0
        score += 5 if has["ID_WORDS"] else 0
        score -= 25 * bool(_leftover(found, ("client_id",), "ID_WORDS"))
    elif role == "client_name":
        score -= 30 * bool(_leftover(found, ("client_id", "client_name"), "NAME_WORDS"))
    return max(score, 0.0)


_MODIFIER_GROUPS = (
    "ID_WORDS",
    "NAME_WORDS",
    "CLIENT_ATTRIBUTE_WORDS",
    "SECONDARY_DATE_WORDS",
    "PRIMARY_DATE_WORDS",
    "NOT_REVENUE_WORDS",
    "GROSS_WORDS",
    "NET_WORDS",
    "UNIT_WORDS",
    "LINE_WORDS",
)


def _leftover(found: tuple[str, ...], own_roles: tuple[str, ...], group: str) -> set[str]:
    """Words of the header that belong neither to the roles' phrases nor to ``group``."""
    own = {t for role in own_roles for phrase, _ in _phrases(role) for t in phrase}
    return set(found) - own - _group(group) - _FILLER


# -- value evidence ----------------------------------------------------------------


@dataclass(frozen=True)
class Values:
    """What a column's sample values look like."""

    filled: int
    dates: float
    numbers: float
    fractions: float
    percents: float
    distinct: int
    integers_small: bool

    @classmethod
    def of(cls, series: pd.Series) -> Values:
        text = [str(v).strip(_EDGES) for v in series.dropna().tolist()]
        text = [v for v in text if v and v not in MISSING_WORDS]
        n = len(text)
        if not n:
            return cls(0, 0.0, 0.0, 0.0, 0.0, 0, False)
        dates = [bool(_DATE_SHAPE.match(v)) for v in text]
        numbers = [
            cleaned
            for v, is_date in zip(text, dates, strict=True)
            if not is_date and _NUMBER_SHAPE.match(cleaned := _NUMBER_NOISE.sub("", v))
        ]
        fractions = [v for v in numbers if _FRACTION.search(v) and not re.search(r"[.,](\d{3}|0+)$", v)]
        integers = [int(v.lstrip("+")) for v in numbers if v.lstrip("-+").isdigit() and len(v) < 16]
        small = (
            n >= 20
            and len(integers) == n
            and max(map(abs, integers)) <= 1000
            and len(set(integers)) <= max(12, n // 50)
        )
        return cls(
            filled=n,
            dates=sum(dates) / n,
            numbers=len(numbers) / n,
            fractions=len(fractions) / n,
            percents=sum(v.endswith("%") for v in text) / n,
            distinct=len(set(text)),
            integers_small=small,
        )


def value_score(role: str, values: Values) -> float | None:
    """Points the values add for ``role``; ``None`` when they rule the column out."""
    if values.filled == 0:
        return None if role in REQUIRED else 0.0
    if role == "date":
        return None if values.dates < 0.8 else 0.0
    if role in NUMERIC_ROLES:
        if values.numbers < 0.6 or (role != "quantity" and values.percents > 0.5):
            return None
        if role in MONEY_ROLES or role == "unit_price":
            return -40.0 if values.integers_small else (5.0 if values.fractions > 0.3 else 0.0)
        return -10.0 if values.fractions > 0.5 else 0.0
    if values.dates >= 0.8 or (values.numbers >= 0.8 and values.fractions >= 0.5):
        return None
    if role == "client_id" and values.distinct <= 2 and values.filled >= 20:
        return None  # Yes/No, one company code: not a list of clients
    return 0.0


# -- the guess ---------------------------------------------------------------------


def candidates(raw: RawTable, sample: pd.DataFrame | None = None) -> dict[str, list[tuple[float, str]]]:
    """Role → ``[(score, column)]``, best first, for every column that could play it."""
    sample = raw.sample(2000) if sample is None else sample
    values = {c: Values.of(sample[c]) for c in raw.columns}
    found: dict[str, list[tuple[float, str]]] = {role: [] for role in ROLES}
    for column in raw.columns:
        for role in ROLES:
            score = header_score(role, column)
            if score < MIN_SCORE - 10:
                continue
            bonus = value_score(role, values[column])
            if bonus is None or score + bonus < MIN_SCORE:
                continue
            found[role].append((score + bonus, column))
    _codes_before_names(found)
    for role in found:
        found[role].sort(key=lambda sc: (-sc[0], raw.columns.index(sc[1])))
    return found


def _codes_before_names(found: dict[str, list[tuple[float, str]]]) -> None:
    """``Customer Code`` beside ``Customer``: the code is the id, the plain column the name.
    A compound ending with an id word (``Kundennummer``, ``Klantnr``) is coded too."""
    coded = [(s, c) for s, c in found["client_id"] if any(map(_coded, tokens(_undup(c))))]
    plain = [(s, c) for s, c in found["client_id"] if (s, c) not in coded]
    if coded and plain:
        found["client_id"] = coded
        names = {c: s for s, c in found["client_name"]}
        for _, column in plain:
            names[column] = max(names.get(column, 0.0), 90.0)
        found["client_name"] = [(s, c) for c, s in names.items()]


def _coded(token: str) -> bool:
    """An id word, or a longer word ending with one of three letters or more (``kundennummer``)."""
    ids = _group("ID_WORDS")
    return token in ids or any(
        (len(word) >= 3 or word == "nr") and len(token) > len(word) + 2 and token.endswith(word) for word in ids
    )


def _undup(column: str) -> str:
    """A header without the `` (2)`` the reader adds to a repeated name."""
    return re.sub(r" \(\d+\)$", "", column)


def guess(raw: RawTable) -> Mapping:
    """Propose a role for each column of ``raw`` from its header and its values."""
    sample = raw.sample(2000)
    scored = candidates(raw, sample) if raw.has_header else {role: [] for role in ROLES}
    roles: dict[str, str | None] = {r: None for r in ROLES}
    ambiguities: dict[str, list[str]] = {}
    hints: dict[str, list[str]] = {}
    taken: set[str] = set()
    settled: set[str] = set()
    # the strongest (role, column) pairs first, so "Customer Segment" is the segment, not the client
    pairs = sorted(
        ((score, ROLES.index(role), role, column) for role, found in scored.items() for score, column in found),
        key=lambda p: (-p[0], p[1]),
    )
    for score, _, role, column in pairs:
        if role in settled or column in taken:
            continue
        rivals = [c for s, c in scored[role] if c != column and c not in taken and score - s < CLEAR_LEAD]
        settled.add(role)
        if rivals:
            (ambiguities if role in ASKED_ROLES else hints)[role] = [column, *rivals]
            continue
        roles[role] = column
        taken.add(column)
    if not raw.has_header:
        _guess_by_shape(raw, sample, roles)
    if not roles["client_id"] and roles["client_name"] and "client_id" not in ambiguities:
        roles["client_id"] = roles["client_name"]
    amount_from_price, margin_from_cost = derive(roles)
    if "amount" in ambiguities:  # the person picks the amount first; nothing is derived meanwhile
        amount_from_price = margin_from_cost = False
    if "margin" in ambiguities:
        margin_from_cost = False
    return Mapping(roles, amount_from_price, ambiguities, margin_from_cost, hints)


def _guess_by_shape(raw, sample, roles) -> None:
    """For a file without headers: date = first date-shaped column, amount = last
    numeric column with fractions, client = first column left of the date."""
    values = {c: Values.of(sample[c]) for c in raw.columns}
    free = [c for c in raw.columns if c not in roles.values()]
    dates = [c for c in free if values[c].dates >= 0.9]
    if not roles["date"] and dates:
        roles["date"] = dates[0]
    free = [c for c in free if c != roles["date"]]
    fractional = [c for c in free if values[c].numbers >= 0.9 and values[c].fractions > 0.5]
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
    hints = {r: c for r, c in mapping.hints.items() if r not in overrides}
    amount_from_price, margin_from_cost = derive(roles)
    if amount_from_price:
        ambiguities.pop("amount", None)
    return Mapping(roles, amount_from_price, ambiguities, margin_from_cost, hints)


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
