"""Argument types the command-line modules share."""

from __future__ import annotations

import argparse
import re
from datetime import date

PROG = "workbench"  # the command's name in messages and hints
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def iso_date(text: str) -> date:
    """Parse a date typed as YYYY-MM-DD; anything else is one clear error."""
    if not _ISO_DATE.fullmatch(text.strip()):
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; use YYYY-MM-DD")
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text} is not a day of the calendar") from None
