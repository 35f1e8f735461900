"""Every public class and function has a docstring with an example, and the
examples run: against sample_docs/ and a scratch folder."""

from __future__ import annotations

import doctest
import inspect

import pytest
from conftest import SAMPLE_DOCS

import docsearch

PUBLIC = [name for name in docsearch.__all__ if inspect.isclass(getattr(docsearch, name))
          or inspect.isfunction(getattr(docsearch, name))]


@pytest.mark.parametrize("name", PUBLIC)
def test_public_name_has_an_example_that_runs(name, sample_index, tmp_path):
    obj = getattr(docsearch, name)
    assert ">>>" in (inspect.getdoc(obj) or ""), f"docsearch.{name} has no example"
    globs = {"docsearch": docsearch, "ix": sample_index, "tmp": tmp_path,
             "sample_docs": SAMPLE_DOCS, **{n: getattr(docsearch, n) for n in docsearch.__all__}}
    finder = doctest.DocTestFinder(recurse=False)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    for test in finder.find(obj, f"docsearch.{name}", globs=globs):
        runner.run(test)
    assert runner.failures == 0, f"docsearch.{name}: {runner.failures} example(s) failed"
