"""The one place that wires settings, the database, QApplication and the main window."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path


def main(argv: Sequence[str] | None = None) -> int:
    """Run a command if one is given, else open the main window."""
    from workbench import cli

    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        namespace = cli.parse_args(arguments)
    except SystemExit as stop:  # --help, or a bad argument already explained on stderr
        return stop.code if isinstance(stop.code, int) else 1
    if namespace.command is not None:
        return cli.run_command(namespace)
    return run_window(cli.database_path(namespace))


def run_window(database_path: Path) -> int:
    """Open the database and show the main window until the user quits."""
    from workbench.ui.application import run

    return run(database_path)
