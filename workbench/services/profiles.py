"""Client-ready PDF profiles from the store: build, render and write them, one or many at once."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from workbench.domain.errors import WorkbenchError
from workbench.pdf.profile_document import Branding, ProfileDocument, ProfileOptions, build_profile
from workbench.services.candidates import get_candidate
from workbench.services.catalogue import certification_rules
from workbench.services.claims import candidate_claims
from workbench.services.files import write_atomically
from workbench.store.engine import Database

_UNSAFE_IN_FILE_NAME = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+')
MAX_NAME_IN_FILE = 80


@dataclass(frozen=True)
class WrittenProfile:
    """A PDF written to disk: where, its SHA-256 (the proof of what was sent), and whose it is."""

    path: Path
    sha256: str
    references: tuple[str, ...]


def profile_document(
    database: Database, candidate_id: int, options: ProfileOptions
) -> ProfileDocument:
    """Return the profile of a live candidate, certification statuses as of the generation day."""
    candidate = get_candidate(database, candidate_id)
    if candidate.deleted_at is not None:
        raise WorkbenchError(f"candidate #{candidate_id} is deleted; restore them first")
    claims = candidate_claims(database, candidate_id, on=options.generated_on)
    rules = {rule.code: rule for rule in certification_rules(database)} if claims else {}
    return build_profile(candidate, claims, options, rules)


def profile_documents(
    database: Database, candidate_ids: Sequence[int], options: ProfileOptions
) -> list[ProfileDocument]:
    """Return the profiles of several candidates, each once, in the order given."""
    return [profile_document(database, cid, options) for cid in dict.fromkeys(candidate_ids)]


def profile_pdf(
    database: Database, candidate_id: int, options: ProfileOptions, branding: Branding
) -> tuple[ProfileDocument, bytes]:
    """Return one candidate's profile document and its PDF bytes (for a preview or a save)."""
    from workbench.pdf.render import render_profile

    document = profile_document(database, candidate_id, options)
    return document, render_profile(document, options, branding)


def file_name(document: ProfileDocument) -> str:
    """Return the file name for a profile; a blind one carries no name, only the reference."""
    if document.blind:
        return f"{document.reference}.pdf"
    name = _UNSAFE_IN_FILE_NAME.sub(" ", document.display_name)
    name = " ".join(name.split())[:MAX_NAME_IN_FILE].strip(" .")
    return f"{document.reference} {name}.pdf" if name else f"{document.reference}.pdf"


def write_profile(
    database: Database,
    candidate_id: int,
    path: Path,
    options: ProfileOptions,
    branding: Branding | None = None,
) -> WrittenProfile:
    """Write one candidate's profile to path (atomically) and return its SHA-256."""
    document, data = profile_pdf(database, candidate_id, options, branding or Branding())
    return _write(path, data, (document.reference,))


def write_profile_folder(
    database: Database,
    candidate_ids: Sequence[int],
    folder: Path,
    options: ProfileOptions,
    branding: Branding | None = None,
) -> list[WrittenProfile]:
    """Write one PDF per candidate into folder (created if needed); return each file written."""
    from workbench.pdf.render import render_profile

    documents = profile_documents(database, candidate_ids, options)
    _make_folder(folder)
    chosen = branding or Branding()
    written = []
    for document in documents:
        data = render_profile(document, options, chosen)
        written.append(_write(folder / file_name(document), data, (document.reference,)))
    return written


def write_combined_profiles(
    database: Database,
    candidate_ids: Sequence[int],
    path: Path,
    options: ProfileOptions,
    branding: Branding | None = None,
) -> WrittenProfile:
    """Write several profiles as one PDF, each starting on a new page; return its SHA-256."""
    from workbench.pdf.render import render_profiles

    documents = profile_documents(database, candidate_ids, options)
    data = render_profiles(documents, options, branding or Branding())
    return _write(path, data, tuple(d.reference for d in documents))


def _make_folder(folder: Path) -> None:
    """Create the output folder; one clear error when it cannot be."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise WorkbenchError(f"{folder} is a file, not a folder") from None
    except OSError as exc:
        raise WorkbenchError(f"cannot create the folder {folder}: {exc.strerror or exc}") from None


def _write(path: Path, data: bytes, references: tuple[str, ...]) -> WrittenProfile:
    """Write bytes beside path and rename them over it, so a reader never sees half a PDF."""
    if path.is_dir():
        raise WorkbenchError(f"{path} is a folder; give a file name ending in .pdf")
    if not path.parent.is_dir():
        raise WorkbenchError(f"the folder {path.parent} does not exist")
    write_atomically(path, lambda handle: handle.write(data))
    return WrittenProfile(path, hashlib.sha256(data).hexdigest(), references)


__all__ = [
    "WrittenProfile",
    "file_name",
    "profile_document",
    "profile_documents",
    "profile_pdf",
    "write_combined_profiles",
    "write_profile",
    "write_profile_folder",
]
