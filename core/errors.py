"""The product's own error types.

Every error that can reach a person carries a message they can act on: what was
wrong, and what to do about it. Pages show it with ``st.error``; the command line
prints it and exits non-zero. Nothing here ever carries a traceback to a user.
"""


class KamError(Exception):
    """An error whose message is meant for the person using the product.

    Raised with ``keyed(key, **values)`` the message comes from the translation
    catalogue: ``message`` is the English text (the command line's language,
    followed by the flag to pass when the catalogue has ``key.cli``) and
    ``text(lang)`` the page's text in its language, without flags.
    """

    def __init__(self, message: str, **details):
        super().__init__(message)
        self.message = message
        self.key: str | None = None
        self.values: dict = {}
        for name, value in details.items():
            setattr(self, name, value)

    @classmethod
    def keyed(cls, key: str, details: dict | None = None, **values):
        from core.i18n import CATALOGUE, t

        message = t(key, "en", **values)
        if f"{key}.cli" in CATALOGUE:  # the command line's flag, never shown on a page
            message += " " + t(f"{key}.cli", "en", **values)
        error = cls(message, **(details or {}))
        error.key, error.values = key, values
        return error

    def text(self, lang: str) -> str:
        """The message in ``lang`` ("en" or "ka")."""
        from core.i18n import t

        return t(self.key, lang, **self.values) if self.key else self.message


class InputError(KamError):
    """A file, column or value that cannot be used; nothing was stored."""


class NeedsChoice(InputError):
    """Detection could not decide (ambiguous dates, two amount columns).

    ``choice`` names what the person must pick, ``options`` the possible answers,
    ``flag`` the command-line flag that makes the choice.
    """

    def __init__(self, message: str, choice: str = "", options: tuple = (), flag: str = ""):
        super().__init__(message, choice=choice, options=options, flag=flag)


class StoreBusy(KamError):
    """The database file is held by another process (usually the running app)."""


class StoreError(KamError):
    """The database refused an operation; the store is left as it was."""
