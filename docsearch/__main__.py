"""``python -m docsearch`` runs the command-line interface."""

from docsearch.cli import main

if __name__ == "__main__":
    main()
