"""The product's own error types.

Every error that can reach a person carries a message they can act on: what was
wrong, and what to do about it. Pages show it with ``st.error``; the command line
prints it and exits non-zero. Nothing here ever carries a traceback to a user.
"""


class KamError(Exception):
    """An error whose message is meant for the person using the product."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class InputError(KamError):
    """A file, column or value that cannot be used; nothing was stored."""


class NeedsChoice(InputError):
    """Detection could not decide (ambiguous dates, two amount columns).

    ``choice`` names what the person must pick, ``options`` the possible answers,
    ``flag`` the command-line flag that makes the choice.
    """

    def __init__(self, message: str, choice: str, options: tuple = (), flag: str = ""):
        super().__init__(message)
        self.choice = choice
        self.options = options
        self.flag = flag


class StoreBusy(KamError):
    """The database file is held by another process (usually the running app)."""


class StoreError(KamError):
    """The database refused an operation; the store is left as it was."""
