"""Debian's chromium driven by Playwright for Python, for the browser tests and the
screenshots: no browser download (``executable_path``), headless, nothing fetched
from the network, a fresh profile each time.

``missing()`` says why a browser cannot be had here (``None`` when it can).
"""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path
from typing import Any

CHROMIUM = Path("/usr/bin/chromium")

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def missing() -> str | None:
    """Why the browser tests cannot run here, or ``None``."""
    if importlib.util.find_spec("playwright") is None:
        return 'playwright is not installed (pip install -e ".[test]")'
    if importlib.util.find_spec("starlette") is None:
        return 'the web extra is not installed (pip install -e ".[web]")'
    if not CHROMIUM.exists() or not shutil.which(str(CHROMIUM)):
        return f"no browser at {CHROMIUM} (apt-get install -y chromium)"
    return None


def launch(playwright: Any, profile: Path, **context: Any) -> Any:
    """A browser context of chromium with a fresh profile in ``profile``."""
    return playwright.chromium.launch_persistent_context(
        str(profile), executable_path=str(CHROMIUM), headless=True, args=ARGS, **context)
