"""Write a file so that readers see the old one or the whole new one, never a part."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any, TypeVar

from workbench.domain.errors import WorkbenchError

Result = TypeVar("Result")


def write_atomically(
    path: Path, write: Callable[[Any], Result], encoding: str | None = None
) -> Result:
    """Write through `write` to a temporary file beside path, then rename it over path.

    With an encoding the handle is text (newlines untranslated), without one it is binary.
    A failure or a Cancelled part-way removes the temporary file and leaves path as it was.
    """
    try:
        descriptor, temporary_name = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".part", dir=path.parent
        )
    except OSError as exc:
        raise WorkbenchError(f"cannot write {path}: {exc.strerror or exc}") from None
    temporary = Path(temporary_name)
    try:
        if encoding is None:
            handle: IO[Any] = open(descriptor, "wb")  # noqa: SIM115 - closed just below
        else:
            handle = open(descriptor, "w", encoding=encoding, newline="")  # noqa: SIM115
        with handle:
            result = write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise WorkbenchError(f"cannot write {path}: {exc.strerror or exc}") from None
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return result
