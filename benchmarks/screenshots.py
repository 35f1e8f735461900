"""Screenshots of the web app's three pages, over an index of sample_docs/, into
docs/images/ (search.png, article.png, person.png) for the README.

Usage: ``python benchmarks/screenshots.py [--out DIR]`` (needs the web extra,
playwright and Debian's chromium: see benchmarks/browser.py).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import browser  # noqa: E402

import docsearch  # noqa: E402

#: (file, path of the page) in the order taken.
PAGES = [
    ("search.png", "/?q=harbour&person=Marcus+Oduya-Bell&person=Abdel+Karim+Haddad"),
    ("article.png", "/article/" + quote("c3003557c80e3042")),
    ("person.png", "/person/" + quote("Marcus Oduya-Bell")),
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "images")
    args = parser.parse_args(argv)
    reason = browser.missing()
    if reason:
        print(f"cannot take screenshots: {reason}", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    from docsearch.web.server import running
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        ix = docsearch.open(Path(tmp) / "index", create=True)
        ix.sync([ROOT / "sample_docs"])
        with running(ix) as url, sync_playwright() as pw:
            context = browser.launch(pw, Path(tmp) / "profile",
                                     viewport={"width": 1280, "height": 900})
            page = context.new_page()
            for name, path in PAGES:
                page.goto(url + path)
                page.screenshot(path=str(args.out / name), full_page=False)
                print(args.out / name)
            context.close()
        ix.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
