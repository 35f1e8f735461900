"""The Whoosh engine: every line of docsearch that imports Whoosh.

``create(folder)`` and ``open(folder)`` give a :class:`~.backend.WhooshBackend`
(:mod:`docsearch.engines.base`'s ``Backend``): the schema is
:mod:`~docsearch.engines.whoosh.schema`, the writer, merge policy and error
mapping :mod:`~docsearch.engines.whoosh.backend`, a committed state
:mod:`~docsearch.engines.whoosh.snapshot` (scoring:
:mod:`~docsearch.engines.whoosh.vector` and :mod:`~docsearch.engines.whoosh.scoring`;
facet columns: :mod:`~docsearch.engines.whoosh.columns`; positions:
:mod:`~docsearch.engines.whoosh.positions`; the state key:
:mod:`~docsearch.engines.whoosh.state`), the query tree compiled:
:mod:`~docsearch.engines.whoosh.compile`.
"""

from docsearch.engines.whoosh.backend import WhooshBackend, create, open

__all__ = ["WhooshBackend", "create", "open"]
