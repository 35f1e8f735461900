"""scripts/solrcloud: its one-line errors (no cluster needed) and, with the cluster
that DOCSEARCH_SOLR_URL names, its nodes as CLUSTERSTATUS sees them: both live after
``up``, one after ``stop-node 2`` (a kill -9), both again after ``start-node 2``."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import urllib.request
from pathlib import Path

from conftest import SCRIPT, solrcloud


def run_script(*args: str, state: Path, path: str | None = None) -> subprocess.CompletedProcess:
    """The script with its own state folder and the default ports (no cluster there)."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("SOLRCLOUD_")}
    env["SOLRCLOUD_STATE"] = str(state)
    if path is not None:
        env["PATH"] = path
    bash = shutil.which("bash")
    assert bash is not None
    return subprocess.run([bash, str(SCRIPT), *args], capture_output=True, text=True, env=env,
                          timeout=60)


def test_url_without_a_cluster_fails_in_one_line(tmp_path):
    done = run_script("url", state=tmp_path)
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == "solrcloud: not running (run scripts/solrcloud up)\n"


def test_status_without_a_cluster_shows_every_process_down(tmp_path):
    done = run_script("status", state=tmp_path)
    assert done.returncode == 0
    assert done.stdout == ("zk port=19983 pid=- down\n"
                           "node1 port=18983 pid=- down\n"
                           "node2 port=18984 pid=- down\n")


def test_down_without_a_cluster_succeeds(tmp_path):
    done = run_script("down", state=tmp_path / "none")
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")


def test_a_node_is_1_or_2(tmp_path):
    done = run_script("stop-node", "3", state=tmp_path)
    assert done.returncode == 1
    assert done.stderr == "solrcloud: usage: scripts/solrcloud stop-node N (N is 1 or 2)\n"


def test_up_without_java_fails_in_one_line(tmp_path):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    dirname = shutil.which("dirname")
    assert dirname is not None
    (bin_dir / "dirname").symlink_to(dirname)
    done = run_script("up", state=tmp_path / "state", path=str(bin_dir))
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == "solrcloud: java not found (install Java 17)\n"


# --- with the cluster ------------------------------------------------------------------


def live_nodes(url: str) -> list[str]:
    with urllib.request.urlopen(
            f"{url}/admin/collections?action=CLUSTERSTATUS&wt=json", timeout=30) as answer:
        return sorted(json.load(answer)["cluster"]["live_nodes"])


def node_names(url: str) -> list[str]:
    """The names of nodes 1 and 2 of the cluster whose node 1 is at ``url``."""
    port = int(url.split(":")[2].split("/")[0])
    return [f"127.0.0.1:{port}_solr", f"127.0.0.1:{port + 1}_solr"]


def test_up_prints_the_url_of_a_cluster_with_two_live_nodes(solr_url):
    assert solrcloud("up") == f"{solr_url}\n"
    assert live_nodes(solr_url) == node_names(solr_url)
    port = int(solr_url.split(":")[2].split("/")[0])
    assert solrcloud("url", "--all") == f"{solr_url},http://127.0.0.1:{port + 1}/solr\n"


def test_a_killed_node_leaves_the_cluster_and_comes_back(solr_url):
    node1, node2 = node_names(solr_url)
    try:
        assert solrcloud("stop-node", "2") == ""
        assert live_nodes(solr_url) == [node1]
        assert solrcloud("status").splitlines()[2] == (
            f"node2 port={int(node2.split(':')[1].split('_')[0])} pid=- down")
    finally:
        assert solrcloud("start-node", "2") == ""
    assert live_nodes(solr_url) == [node1, node2]
