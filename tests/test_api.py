"""The public Python surface: a curated __all__, each name documented."""

from __future__ import annotations

import inspect

import docsearch
from docsearch import errors


def test_all_lists_exactly_the_public_names():
    public = {n for n in vars(docsearch) if not n.startswith("_") and not inspect.ismodule(
        getattr(docsearch, n))} | {"__version__"}
    assert sorted(docsearch.__all__) == sorted(public - {"annotations"})


def test_every_public_name_has_a_docstring():
    for name in docsearch.__all__:
        obj = getattr(docsearch, name)
        if callable(obj):
            assert inspect.getdoc(obj), f"docsearch.{name} has no docstring"


def test_errors_share_one_base():
    for name in errors.__all__:
        assert issubclass(getattr(errors, name), docsearch.DocsearchError)
        assert getattr(docsearch, name) is getattr(errors, name)


def test_open_is_the_index_opener(tmp_path):
    with docsearch.open(tmp_path / "ix", create=True) as ix:
        assert isinstance(ix, docsearch.Index)
        assert repr(ix) == f"<docsearch.Index {str(tmp_path / 'ix')!r}>"
