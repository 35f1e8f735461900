"""``Batch``: changes to an index committed together, and the preparation of
articles on every core (extraction, then analysis) that :meth:`Index.add` uses."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from docsearch.errors import DocsearchError
from docsearch.models import Article
from docsearch.store.documents import Terms, analyze

if TYPE_CHECKING:
    from docsearch.extract.topics import Taxonomy
    from docsearch.index import Index

__all__ = ["Batch", "prepare", "prepared", "start_enrich"]


class Batch:
    """Changes to an index committed together (see :meth:`Index.batch`): one
    commit when the block ends, none if it raises.

    >>> notes = docsearch.open(tmp / "notes", create=True)
    >>> with notes.batch() as batch:
    ...     batch.add(docsearch.Article(id="n1", title="Pier closed", body="Shut."))
    ...     batch.add(docsearch.Article(id="n2", title="Pier open", body="Open."))
    ...     batch.delete("n1")
    >>> [a.id for a in notes]
    ['n2']
    """

    def __init__(self, index: Index) -> None:
        self._index = index
        self._articles: dict[str, Article] = {}
        self._terms: dict[str, Terms] = {}
        self._deletes: set[str] = set()
        self._context: Any = None
        self.written = 0
        self.deleted = 0
        self.commits = 0
        self._unmerged = False

    def __enter__(self) -> Batch:
        self._context = self._index._store.writing(self._index.lock_timeout)
        self._context.__enter__()
        return self

    def __exit__(self, kind: type[BaseException] | None, *rest: object) -> None:
        try:
            if kind is None:
                self.commit()
            elif self._unmerged:
                # What was committed before the error stays: merged, as at a last commit
                # (which also ends a writer an engine kept between commits).
                with contextlib.suppress(Exception):  # the error raised matters more
                    self._merge()
        finally:
            self._articles.clear()
            self._deletes.clear()
            self._terms.clear()
            self._context.__exit__(kind, *rest)

    def __len__(self) -> int:
        return len(self._articles) + len(self._deletes)

    def add(self, articles: Iterable[Article] | Article, *, extract: bool = True) -> None:
        """Add or replace articles (matched by id) when the batch commits."""
        from docsearch.extract import enrich

        if isinstance(articles, Article):
            articles = [articles]
        for article in articles:
            self._put(enrich(article, self._index.taxonomy) if extract else with_id(article))

    def _put(self, article: Article, terms: Terms | None = None) -> None:
        self._deletes.discard(article.id)
        self._articles[article.id] = article
        if terms is not None:
            self._terms[article.id] = terms
        else:
            self._terms.pop(article.id, None)

    def update(self, article_id: str, **changes: Any) -> Article:
        """Change fields of an article already indexed (or added to this batch)."""
        current = self._articles.get(article_id)
        if current is None:
            current = self._index.get(article_id)  # ArticleNotFoundError if absent
        if "id" in changes and changes["id"] != current.id:
            raise DocsearchError("update cannot change an article's id; add it under the "
                                 "new id and delete the old one")
        try:
            article = current.evolve(**changes)
        except TypeError as exc:
            raise DocsearchError(f"cannot update article {current.id}: {exc}") from None
        self._put(article)
        return article

    def delete(self, ids: Iterable[str] | str) -> None:
        """Remove articles by id when the batch commits."""
        for article_id in [ids] if isinstance(ids, str) else ids:
            if article_id:
                self._articles.pop(article_id, None)
                self._terms.pop(article_id, None)
                self._deletes.add(article_id)

    def commit(self, *, merge: bool = True) -> int:
        """Commit what the batch holds now (the batch stays open); returns the number
        of articles written. ``merge=False`` leaves small segments for a later commit
        to merge (a bulk load's intermediate commits)."""
        from docsearch import sync as syncing

        store = self._index._store
        if not self._articles and not self._deletes:
            if merge and self._unmerged:  # the last commit left its segments to us
                self._merge()
            return 0
        present = self._present(self._deletes)
        syncing.commit(store.live, list(self._articles.values()), sorted(self._deletes),
                       terms=self._terms, merge=merge)
        self.commits += 1
        if merge and self.commits > 1:
            syncing.tidy(store.live, bulk=True)
        self._unmerged = not merge
        store.note_write()
        written = len(self._articles)
        self.written += written
        self.deleted += present
        self._articles.clear()
        self._deletes.clear()
        self._terms.clear()
        return written

    def _merge(self) -> None:
        """An empty last commit, merging what the earlier ones left unmerged."""
        from docsearch import sync as syncing

        live = self._index._store.live
        with live.writer(merge=True):
            pass
        syncing.tidy(live, bulk=True)
        self._unmerged = False

    def _present(self, ids: set[str]) -> int:
        if not ids:
            return 0
        snapshot = self._index._store.live.backend.snapshot()
        return sum(1 for i in ids if snapshot.find(i) is not None)


_PREPARE: dict[str, Any] = {}


def prepared(articles: Iterable[Article], taxonomy: Taxonomy | None, extract: bool = True
             ) -> Iterator[tuple[Article, Terms]]:
    """Each article ready to write, in order: its people and topics extracted (unless
    ``extract`` is false) and its text analysed, on every core (see
    :mod:`docsearch.parallel`)."""
    from docsearch.parallel import ordered_map

    return ordered_map(prepare, articles, initializer=start_enrich,
                       initargs=(taxonomy, extract))


def start_enrich(taxonomy: Taxonomy | None, extract: bool) -> None:
    _PREPARE.update(taxonomy=taxonomy, extract=extract)


def prepare(article: Article) -> tuple[Article, Terms]:
    from docsearch.extract import enrich

    extract, taxonomy = _PREPARE["extract"], _PREPARE["taxonomy"]
    article = enrich(article, taxonomy) if extract else with_id(article)
    return article, analyze(article)


def with_id(article: Article) -> Article:
    from docsearch.extract import article_id as derive_id

    return article if article.id else article.evolve(id=derive_id(article))
