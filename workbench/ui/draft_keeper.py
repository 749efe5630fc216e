"""Keep the editor's unsaved changes in a file beside the database, so a crash loses nothing."""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from workbench.domain.candidate import CandidateDraft
from workbench.domain.draft_codec import draft_from_json, draft_to_json


@dataclass(frozen=True)
class KeptDraft:
    """Unsaved edits: to which candidate (None for a new one), from which version, and what."""

    candidate_id: int | None
    version: int | None
    draft: CandidateDraft


class DraftKeeper:
    """Write, read and forget the one unsaved edit of a database."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @classmethod
    def beside(cls, database_path: Path) -> DraftKeeper:
        """Return the keeper for a database file: 'workbench.sqlite3' → 'workbench.unsaved.json'."""
        return cls(database_path.with_name(database_path.stem + ".unsaved.json"))

    def keep(self, candidate_id: int | None, version: int | None, draft: CandidateDraft) -> None:
        """Write the edit atomically, readable by the user only; never raise."""
        payload = {"candidate_id": candidate_id, "version": version, "draft": draft_to_json(draft)}
        temporary = self.path.with_name(self.path.name + ".tmp")
        try:
            descriptor = os.open(temporary, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
            with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                json.dump(payload, handle, ensure_ascii=False)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temporary, self.path)
        except OSError:
            pass  # a full or read-only disk must not interrupt typing; saving will say why

    def load(self) -> KeptDraft | None:
        """Return the kept edit, or None when there is none or it cannot be read."""
        try:
            payload = json.loads(self.path.read_text(encoding="utf-8"))
            return KeptDraft(
                candidate_id=payload.get("candidate_id"),
                version=payload.get("version"),
                draft=draft_from_json(payload["draft"]),
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def forget(self) -> None:
        """Remove the kept edit once it is saved or dropped."""
        with contextlib.suppress(OSError):
            self.path.unlink(missing_ok=True)
