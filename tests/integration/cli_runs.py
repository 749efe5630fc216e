"""Running the command line in-process, and what a run printed, for the CLI tests."""

from __future__ import annotations

import json
from typing import Any


class Run:
    """What one command did: its exit code and what it printed."""

    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err

    @property
    def json(self) -> Any:
        """Return stdout parsed as JSON."""
        return json.loads(self.out)


def assert_one_error_line(run: Run) -> str:
    """Check the command failed with one 'workbench: error:' line; return that line."""
    assert run.code == 1
    assert "Traceback" not in run.err
    lines = run.err.splitlines()
    assert len(lines) == 1, run.err
    assert lines[0].startswith("workbench: error: ")
    return lines[0]
