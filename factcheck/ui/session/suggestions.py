"""Scoring an article's sentences for check-worthiness off the GUI thread.

Threading rule: the worker runs :func:`factcheck.core.suggest.suggest` on a text it is
handed (pure Python: no widget, no database); the result comes back to the GUI thread by
a queued signal, where the session leaves out what the reviewer rejected or marked.
One worker thread, so scoring never competes with itself; results are cached by the
text's hash, so a text is scored once.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from factcheck.core.suggest import Suggestion, suggest

PREFETCH_LIMIT = 50  # after an import, score at most this many new articles ahead


class _Relay(QObject):
    scored = Signal(int, str, object)  # article id, text hash, list[Suggestion]


class _Job(QRunnable):
    def __init__(self, relay: _Relay, article_id: int, text_hash: str, text: str,
                 lang: str | None, published: str) -> None:  # fmt: skip
        super().__init__()
        self.relay, self.article_id, self.text_hash = relay, article_id, text_hash
        self.text, self.lang, self.published = text, lang, published

    def run(self) -> None:
        try:
            found = suggest(self.text, lang=self.lang, published=self.published)
        except Exception:
            found = []
        self.relay.scored.emit(self.article_id, self.text_hash, found)


class SuggestionScorer(QObject):
    """``ready(article_id, text_hash, suggestions)`` once an article's text is scored."""

    ready = Signal(int, str, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.scored.connect(self._done)
        self._cache: dict[str, list[Suggestion]] = {}
        self._pending: set[str] = set()

    def cached(self, text_hash: str) -> list[Suggestion] | None:
        return self._cache.get(text_hash)

    def request(self, article_id: int, text_hash: str, text: str, lang: str | None = None,
                published: str = "") -> None:  # fmt: skip
        """Score ``text`` in the background (at once from the cache when scored before)."""
        if text_hash in self._cache:
            self.ready.emit(article_id, text_hash, self._cache[text_hash])
            return
        if text_hash in self._pending:
            return
        self._pending.add(text_hash)
        self._pool.start(_Job(self._relay, article_id, text_hash, text, lang, published))

    def _done(self, article_id: int, text_hash: str, found: list[Suggestion]) -> None:
        self._pending.discard(text_hash)
        self._cache[text_hash] = found
        self.ready.emit(article_id, text_hash, found)

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the queued scoring is done (closing the project; tests)."""
        return self._pool.waitForDone(msecs)

    def shutdown(self) -> None:
        self._pool.clear()
        self._pool.waitForDone()
