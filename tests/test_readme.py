"""The README's examples run and print what the README shows."""

from __future__ import annotations

import doctest
import os
import re
import shlex

from click.testing import CliRunner
from conftest import REPO

from docsearch.cli import cli

README = (REPO / "README.md").read_text("utf-8")


def test_console_examples(tmp_path, monkeypatch):
    monkeypatch.chdir(REPO)
    index = tmp_path / "index"
    blocks = re.findall(r"```console\n(.*?)```", README, re.DOTALL)
    assert blocks
    for block in blocks:
        for command, expected in re.findall(r"^\$ (.*)\n((?:(?!\$ ).*\n)*)", block, re.M):
            argv = shlex.split(command)
            assert argv[0] == "docsearch"
            result = CliRunner().invoke(cli, [*argv[1:], "--index", str(index)],
                                        env={"NO_COLOR": "1"})
            assert result.exit_code == 0, result.output
            assert result.output.rstrip("\n") == expected.rstrip("\n"), command


def test_python_examples(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    os.symlink(REPO / "sample_docs", tmp_path / "sample_docs")
    runner = CliRunner()
    assert runner.invoke(cli, ["index", "sample_docs", "--index", "index"]).exit_code == 0
    for block in re.findall(r"```pycon\n(.*?)```", README, re.DOTALL):
        test = doctest.DocTestParser().get_doctest(block, {}, "README", "README.md", 0)
        result = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS).run(test)
        assert result.failed == 0
