"""docs/ cannot rot: the generated references are current, every command and
option is in them and in the guide, and the guide links what exists."""

from __future__ import annotations

import re
import sys

from conftest import REPO

from docsearch.cli import cli

DOCS = REPO / "docs"
sys.path.insert(0, str(DOCS))

import generate  # noqa: E402


def test_generated_references_are_current():
    for name, text in (("cli.md", generate.cli_reference()), ("api.md", generate.api_reference())):
        assert (DOCS / name).read_text("utf-8") == text, \
            f"docs/{name} is out of date: run python docs/generate.py"


def test_every_command_and_option_is_in_the_cli_reference_and_the_guide():
    reference = (DOCS / "cli.md").read_text("utf-8")
    guide = (DOCS / "guide.md").read_text("utf-8")
    for name, command in cli.commands.items():
        assert f"## docsearch {name}" in reference
        assert f"docsearch {name}" in guide, f"the guide never mentions docsearch {name}"
        for param in command.params:
            for opt in getattr(param, "opts", []):
                if opt.startswith("--"):
                    assert re.search(re.escape(opt) + r"\b", reference), (name, opt)


def test_every_public_name_is_in_the_api_reference():
    import docsearch
    reference = (DOCS / "api.md").read_text("utf-8")
    for name in docsearch.__all__:
        assert f"`docsearch.{name}" in reference, name


def test_docs_links_point_at_files_that_exist():
    for page in [REPO / "README.md", *DOCS.glob("*.md")]:
        for target in re.findall(r"\]\(([^)#:\s]+)(?:#[^)]*)?\)", page.read_text("utf-8")):
            assert (page.parent / target).exists(), f"{page.name} links to missing {target}"


def test_guide_console_examples_print_what_the_guide_shows(tmp_path, monkeypatch):
    """The guide's ``console`` blocks run in order against one index of sample_docs/;
    ``...`` in a shown output stands for any text, /tmp/ for a scratch folder."""
    import doctest
    import shlex

    from click.testing import CliRunner

    monkeypatch.chdir(REPO)
    scratch = f"{tmp_path}/"
    env = {"NO_COLOR": "1", "DOCSEARCH_INDEX": f"{scratch}default-ix"}
    checker = doctest.OutputChecker()
    guide = (DOCS / "guide.md").read_text("utf-8")
    blocks = re.findall(r"```console\n(.*?)```", guide, re.DOTALL)
    assert len(blocks) >= 5
    for block in blocks:
        block = block.replace("\\\n", " ").replace("/tmp/", scratch)
        for command, expected in re.findall(r"^\$ (.*)\n((?:(?!\$ ).*\n)*)", block, re.M):
            argv = shlex.split(command)
            if argv[0] == "export":
                name, _, value = argv[1].partition("=")
                env[name] = value
                continue
            assert argv[0] == "docsearch", command
            result = CliRunner().invoke(cli, argv[1:], env=env)
            assert result.exit_code == 0, (command, result.output)
            want = expected.rstrip("\n") + "\n"
            assert checker.check_output(want, result.output.rstrip("\n") + "\n",
                                        doctest.ELLIPSIS), (command, result.output)


def test_guide_python_examples_run(tmp_path, monkeypatch):
    """The guide's ``pycon`` blocks run as doctests, after its console examples have
    built the index they use (here: sample_docs/ in a scratch folder for /tmp/)."""
    import doctest
    import os

    import docsearch

    monkeypatch.chdir(tmp_path)
    os.symlink(REPO / "sample_docs", tmp_path / "sample_docs")
    with docsearch.open(tmp_path / "news-ix", create=True) as ix:
        ix.sync([REPO / "sample_docs"])
    guide = (DOCS / "guide.md").read_text("utf-8").replace("/tmp/", f"{tmp_path}/")
    blocks = re.findall(r"```pycon\n(.*?)```", guide, re.DOTALL)
    assert blocks
    for block in blocks:
        test = doctest.DocTestParser().get_doctest(block, {}, "guide", "docs/guide.md", 0)
        result = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS).run(test)
        assert result.failed == 0
