"""Settings from a ``docsearch.toml`` file: defaults for the command line.

::

    index = "archive/index"        # top level: every command with that option
    taxonomy = "my-topics.toml"
    lock_timeout = 60

    [search]                       # a table: one command's options
    limit = 20
    facet_limit = 5
    date_facet = "month"

Keys are the commands' long option names with ``_`` for ``-``. Relative paths
(``index``, ``taxonomy``, ``output``) are relative to the folder of the file.
What a setting may be is the command line's business (``docsearch.cli`` checks
each key and value against the command's options); this module only reads the
file. Precedence, highest first: the option typed, the environment
(``DOCSEARCH_INDEX``, ``DOCSEARCH_LOCK_TIMEOUT``), the file, the built-in default.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from docsearch.errors import ConfigError

__all__ = ["CONFIG_NAME", "PATH_KEYS", "TOP", "read_config"]

#: The file read from the working folder when no ``--config`` is given.
CONFIG_NAME = "docsearch.toml"
#: Settings holding paths, made absolute against the file's folder.
PATH_KEYS = frozenset({"index", "taxonomy", "output"})
#: The key of the top-level settings in :func:`read_config`'s answer.
TOP = ""


def read_config(path: str | Path) -> dict[str, dict[str, Any]]:
    """The settings of a config file: ``{TOP: {...}, "search": {...}, ...}``.

    Raises :class:`ConfigError` (one line naming the file) for a file that
    cannot be read or is not TOML, or a value of the wrong shape.
    """
    path = Path(path)
    if sys.version_info >= (3, 11):  # the TOML parser: only for a config file
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"no config file at {path}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot be read ({exc.__class__.__name__})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    folder = path.resolve().parent
    out: dict[str, dict[str, Any]] = {TOP: {}}
    for key, value in data.items():
        if isinstance(value, dict):
            out[key] = {k: _resolved(k, v, folder) for k, v in value.items()}
            for inner, item in value.items():
                if isinstance(item, dict):
                    raise ConfigError(f"{path}: [{key}] {inner} is a table; "
                                      f"settings are values")
        else:
            out[TOP][key] = _resolved(key, value, folder)
    return out


def _resolved(key: str, value: Any, folder: Path) -> Any:
    if key in PATH_KEYS and isinstance(value, str) and value:
        return str((folder / value).expanduser()) if not Path(value).is_absolute() else value
    return value
