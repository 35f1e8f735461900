"""The SolrCloud test cluster (scripts/solrcloud, docs/solrcloud-test-cluster.md).

``solr_url`` is the base URL of node 1 of a running cluster, from the environment
variable ``DOCSEARCH_SOLR_URL`` (``.ci/run`` starts the cluster and sets it); tests
that use it skip where it is not set. ``solrcloud(*args)`` runs the script, for the
tests that kill and restart nodes.

pytest imports every ``conftest.py`` as the module ``conftest``, this one after
``tests/conftest.py``; the tests beside that one import its constants by that
name, so they are all here too (read from that file, not copied).
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
from pathlib import Path

import pytest


def _shared_conftest():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "docsearch_tests_conftest", Path(__file__).resolve().parent.parent / "conftest.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_shared = _shared_conftest()
REPO, SAMPLE_DOCS, DATA, SHARED, REUTERS = (_shared.REPO, _shared.SAMPLE_DOCS, _shared.DATA,
                                            _shared.SHARED, _shared.REUTERS)
REAL_ARTICLE, REAL_ID, load_json = _shared.REAL_ARTICLE, _shared.REAL_ID, _shared.load_json

#: The script that starts and stops the cluster.
SCRIPT = REPO / "scripts" / "solrcloud"

#: Why the tests that need a cluster skip without one.
NO_CLUSTER = ("no SolrCloud test cluster (start one with scripts/solrcloud up "
              "and set DOCSEARCH_SOLR_URL)")


@pytest.fixture(scope="session")
def solr_url() -> str:
    """The base URL of the test cluster's node 1, e.g. ``http://127.0.0.1:18983/solr``."""
    url = os.environ.get("DOCSEARCH_SOLR_URL", "")
    if not url:
        pytest.skip(NO_CLUSTER)
    return url.rstrip("/")


def solrcloud(*args: str) -> str:
    """Run ``scripts/solrcloud ARGS`` and return what it printed on stdout (its stderr
    goes to the test's output); a non-zero exit raises ``CalledProcessError``."""
    done = subprocess.run([str(SCRIPT), *args], stdout=subprocess.PIPE, text=True,
                          check=True, timeout=300)
    return done.stdout
