"""Results kept in memory between calls: the grid's per-client figures, the churn base.

A small least-recently-used store shared by the threads of one process (a key
is computed by one thread at a time, see ``Kept.fetch``). Every
key carries the database file and its data version (``Store.version``, or
``Store.lines_version`` for what the lines alone decide: the grid's figures),
so a change to the data is never answered from here.
"""

from __future__ import annotations

import threading
from collections import OrderedDict


class Kept:
    """At most ``entries`` results, the least recently used dropped first."""

    def __init__(self, entries: int):
        self.entries = entries
        self._items: OrderedDict = OrderedDict()
        self._lock = threading.Lock()
        self._computing: dict = {}  # key -> the lock its one computation holds

    def get(self, key):
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        return None

    def fetch(self, key, compute):
        """The kept value of ``key``, else ``compute()``, kept under ``key`` and returned.

        One computation of a key at a time: a thread asking for a key another
        thread is computing waits for that result (``core.warm`` computes
        ahead while a page may ask for the same). If that computation fails, the
        next waiting thread computes it itself.
        """
        value = self.get(key)
        if value is not None:
            return value
        with self._lock:
            computing = self._computing.setdefault(key, threading.Lock())
        try:
            with computing:
                value = self.get(key)
                if value is None:
                    value = compute()
                    self.put(key, value)
                return value
        finally:
            with self._lock:
                if self._computing.get(key) is computing and not computing.locked():
                    del self._computing[key]

    def put(self, key, value) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.entries:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
