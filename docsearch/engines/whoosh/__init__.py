"""The Whoosh engine: every line of docsearch that imports Whoosh."""
