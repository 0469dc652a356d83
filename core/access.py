"""Who may do what: two roles, how a person proves one, and the refusal every write makes.

What it promises:

- **Two roles.** A *viewer* sees every figure; an *editor* also uploads and
  deletes exports and changes kinds of key client, loss reasons and their
  catalogue, win-back statuses and lever rules, and restores backups. The
  pages leave a viewer's write controls out, and, so that no other path can
  change anything either, every write function of ``core`` calls
  ``require_editor(by)`` first: it raises ``AccessDenied`` for a viewer.
- **Who is acting** travels as ``by`` (or ``loaded_by`` / ``set_by``): an
  ``Actor(name, role)`` from the app, or a plain name. A plain name (or none)
  is an editor — the command line runs on the machine that holds the database
  file, and whoever can run it can change the file anyway. Every write keeps
  the name.
- **Three ways in**, chosen by ``AccessSettings.from_secrets`` from
  ``.streamlit/secrets.toml`` (see ``.streamlit/secrets.toml.example``):

  1. ``sign_in`` — an ``[auth]`` section: OpenID Connect through Streamlit's
     ``st.login``; ``[access] editors`` lists the editors' e-mails and the
     optional ``[access] viewers`` the e-mails (or ``@domain``) allowed to look;
  2. ``codes`` — ``[access] viewer_code_sha256`` / ``editor_code_sha256``: a
     code prompt. Only SHA-256 digests are kept (``python -m core hash-code``
     makes them); a typed code is hashed and compared with
     ``hmac.compare_digest``, and ``Throttle`` imposes a growing pause after
     repeated wrong codes;
  3. ``open`` — neither: everyone is an editor, which is safe only while the
     server listens on this computer alone (``open_is_local``); the app
     refuses to run open on a network address.

Nothing here imports Streamlit: ``pages/ui.py`` draws the prompts.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import re
import threading
import time
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from core.errors import KamError

VIEWER, EDITOR = "viewer", "editor"
ROLES = (VIEWER, EDITOR)
TEAM = "team"  # who acted when nobody had to sign in
MIN_CODE_LENGTH = 8
_DIGEST = re.compile(r"^[0-9a-f]{64}$")


class AccessDenied(KamError):
    """A viewer tried to change something; nothing was changed."""


class AccessMisconfigured(KamError):
    """``[access]`` / ``[auth]`` in the secrets cannot be used; the app stays closed."""


@dataclass(frozen=True)
class Actor:
    """Who is acting, and in which role. ``str(actor)`` is the name the records keep."""

    name: str
    role: str = EDITOR

    def __post_init__(self):
        if self.role not in ROLES:
            raise ValueError(f"unknown role {self.role!r}")

    def __str__(self) -> str:
        return self.name

    @property
    def can_edit(self) -> bool:
        return self.role == EDITOR


def actor_of(by: Actor | str | None) -> Actor:
    """``by`` as an ``Actor``: a plain name (or none, "team") is an editor."""
    if isinstance(by, Actor):
        return by
    return Actor((str(by).strip() if by is not None else "") or TEAM, EDITOR)


def require_editor(by: Actor | str | None) -> str | None:
    """The name to record for ``by``; raises ``AccessDenied`` when ``by`` is a viewer.

    A plain name comes back unchanged (``None`` stays ``None``), so a write
    function can replace ``by = ...`` with ``by = require_editor(by)`` and keep
    what it stored before.
    """
    if isinstance(by, Actor):
        if not by.can_edit:
            raise AccessDenied.keyed("access.denied", who=by.name)
        return by.name
    return by


# -- settings ----------------------------------------------------------------------------


@dataclass(frozen=True)
class AccessSettings:
    """How people get in, read from the secrets (``from_secrets``)."""

    mode: str  # "sign_in" | "codes" | "open"
    editors: frozenset[str] = frozenset()
    viewers: tuple[str, ...] = ()
    providers: tuple[str, ...] = ()  # named [auth.NAME] providers; () = the [auth] section itself
    viewer_code_sha256: str | None = None
    editor_code_sha256: str | None = None

    @classmethod
    def from_secrets(cls, secrets: Mapping) -> AccessSettings:
        """The settings a secrets mapping describes; ``AccessMisconfigured`` when they cannot work."""
        access = secrets.get("access") or {}
        if not isinstance(access, Mapping):
            raise AccessMisconfigured.keyed("access.bad_section")
        auth = secrets.get("auth") or {}
        if isinstance(auth, Mapping) and auth:
            providers = tuple(sorted(k for k, v in auth.items() if isinstance(v, Mapping)))
            return cls(
                "sign_in",
                editors=frozenset(_emails(access.get("editors"), "editors")),
                viewers=tuple(_emails(access.get("viewers"), "viewers")),
                providers=providers,
            )
        viewer = _digest(access.get("viewer_code_sha256"), "viewer_code_sha256")
        editor = _digest(access.get("editor_code_sha256"), "editor_code_sha256")
        if viewer and viewer == editor:
            raise AccessMisconfigured.keyed("access.same_codes")
        if viewer or editor:
            return cls("codes", viewer_code_sha256=viewer, editor_code_sha256=editor)
        return cls("open")

    def role_for_email(self, email: str | None) -> str | None:
        """The role of a signed-in account: editor when listed, viewer when allowed, else None."""
        address = (email or "").strip().lower()
        if not address:
            return None
        if address in self.editors:
            return EDITOR
        if not self.viewers:
            return VIEWER
        domain = "@" + address.rpartition("@")[2]
        return VIEWER if address in self.viewers or domain in self.viewers else None

    def role_for_code(self, code: str | None) -> str | None:
        """The role a typed code opens, compared through its SHA-256 digest in constant time."""
        typed = hash_code(code or "")
        # Both comparisons always run, so the time taken says nothing about which one matched.
        editor = hmac.compare_digest(typed, self.editor_code_sha256 or "")
        viewer = hmac.compare_digest(typed, self.viewer_code_sha256 or "")
        if editor and self.editor_code_sha256:
            return EDITOR
        if viewer and self.viewer_code_sha256:
            return VIEWER
        return None


def _emails(value, name: str) -> list[str]:
    if value in (None, ""):
        return []
    if isinstance(value, str) or not all(isinstance(v, str) for v in value):
        raise AccessMisconfigured.keyed("access.bad_list", name=name)
    return [v.strip().lower() for v in value if v.strip()]


def _digest(value, name: str) -> str | None:
    if value in (None, ""):
        return None
    text = str(value).strip().lower()
    if not _DIGEST.match(text):
        raise AccessMisconfigured.keyed("access.bad_digest", name=name)
    return text


def normalise_code(code: str) -> str:
    """A code as compared: Unicode NFC, spaces at both ends removed."""
    return unicodedata.normalize("NFC", code).strip()


def hash_code(code: str) -> str:
    """The SHA-256 digest (hex) kept in the secrets in place of ``code``."""
    return hashlib.sha256(normalise_code(code).encode("utf-8")).hexdigest()


def secrets_line(code: str, role: str) -> str:
    """The line to paste under ``[access]`` for ``code``; ``InputError`` for a short code."""
    from core.errors import InputError

    if role not in ROLES:
        raise InputError(f"Unknown role '{role}'. Use viewer or editor.")
    if len(normalise_code(code)) < MIN_CODE_LENGTH:
        raise InputError.keyed("access.code_too_short", n=MIN_CODE_LENGTH)
    return f'{role}_code_sha256 = "{hash_code(code)}"'


def open_is_local(server_address: str | None, client_address: str | None = None) -> bool:
    """True when the server listens on this computer only (and the client, when known, is on it).

    An unset address means Streamlit listens on every interface: not local.
    """
    return _loopback(server_address) and (client_address in (None, "") or _loopback(client_address))


def _loopback(address: str | None) -> bool:
    if not address:
        return False
    if address.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(address.strip().strip("[]")).is_loopback
    except ValueError:
        return False


# -- the pause after wrong codes -----------------------------------------------------------


class Throttle:
    """A growing pause after repeated wrong codes, per client address.

    The first ``free`` wrong codes cost nothing; each one after that doubles
    the pause (``first`` seconds, then 2×, 4×, … up to ``longest``). While a
    pause runs no code is checked at all, so guessing cannot go faster than
    the pauses allow. A success, or ``forget_after`` seconds without a wrong
    code, clears the count. Thread-safe: one instance serves every session.
    """

    def __init__(
        self,
        *,
        free: int = 3,
        first: float = 2.0,
        longest: float = 60.0,
        forget_after: float = 900.0,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.free, self.first, self.longest, self.forget_after = free, first, longest, forget_after
        self.clock = clock
        self._failures: dict[str, tuple[int, float]] = {}
        self._lock = threading.Lock()

    def _entry(self, key: str) -> tuple[int, float]:
        count, last = self._failures.get(key, (0, 0.0))
        if count and self.clock() - last > self.forget_after:
            self._failures.pop(key, None)
            return 0, 0.0
        return count, last

    def pause_after(self, failures: int) -> float:
        """The pause imposed after ``failures`` wrong codes in a row."""
        if failures <= self.free:
            return 0.0
        return min(self.first * 2 ** (failures - self.free - 1), self.longest)

    def wait_left(self, key: str) -> float:
        """Seconds before the next code from ``key`` is checked (0 = now)."""
        with self._lock:
            count, last = self._entry(key)
            return max(0.0, last + self.pause_after(count) - self.clock()) if count else 0.0

    def failed(self, key: str) -> float:
        """Count a wrong code from ``key``; returns the pause it now waits."""
        with self._lock:
            count, _ = self._entry(key)
            if len(self._failures) > 10_000:  # a flood of addresses must not grow memory without end
                self._failures.clear()
            self._failures[key] = (count + 1, self.clock())
            return self.pause_after(count + 1)

    def succeeded(self, key: str) -> None:
        with self._lock:
            self._failures.pop(key, None)

    def reset(self) -> None:
        with self._lock:
            self._failures.clear()


THROTTLE = Throttle()  # the process's one throttle: the app serves every session from one process
