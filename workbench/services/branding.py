"""The agency's branding on every profile, kept in Settings and shared by window and CLI."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import get_args

from workbench.domain.errors import ValidationError
from workbench.pdf.profile_document import Branding, PageSize
from workbench.services.candidates import utc_now
from workbench.services.history import store_preferences
from workbench.store.engine import Database
from workbench.store.models import PreferenceRecord

# Preference keys; a key never set means the PDF's own default.
AGENCY_NAME = "branding.agency_name"
CONTACT_LINE = "branding.contact_line"
DISCLAIMER = "branding.disclaimer"
ACCENT_COLOUR = "branding.accent_colour"
LOGO_PATH = "branding.logo_path"
PAGE_SIZE = "branding.page_size"
_FIELD_KEYS = {
    "agency_name": AGENCY_NAME,
    "contact_line": CONTACT_LINE,
    "disclaimer": DISCLAIMER,
    "accent_colour": ACCENT_COLOUR,
    "logo_path": LOGO_PATH,
}
PAGE_SIZES: tuple[PageSize, ...] = get_args(PageSize)
DEFAULT_PAGE_SIZE: PageSize = "A4"
MAX_LENGTHS = {"agency_name": 200, "contact_line": 300, "disclaimer": 1000}
_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")
_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")  # PNG, JPEG


def _stored(database: Database) -> dict[str, str]:
    """Return every branding preference that was set, by key."""
    keys = [*_FIELD_KEYS.values(), PAGE_SIZE]
    with database.read() as session:
        return {
            key: record.value
            for key in keys
            if (record := session.get(PreferenceRecord, key)) is not None
        }


def load_branding(database: Database) -> Branding:
    """Return the branding set in Settings, the PDF's defaults for whatever was never set."""
    stored = _stored(database)
    default = Branding()
    values = {
        name: stored.get(key, getattr(default, name) or "") for name, key in _FIELD_KEYS.items()
    }
    return replace(
        default,
        agency_name=values["agency_name"],
        contact_line=values["contact_line"],
        disclaimer=values["disclaimer"],
        accent_colour=values["accent_colour"],
        logo_path=values["logo_path"] or None,
    )


def load_page_size(database: Database) -> PageSize:
    """Return the page size set in Settings (A4 unless Letter was chosen)."""
    chosen = _stored(database).get(PAGE_SIZE, DEFAULT_PAGE_SIZE)
    return next((size for size in PAGE_SIZES if size == chosen), DEFAULT_PAGE_SIZE)


def _logo_problem(text: str) -> str | None:
    """Return what is wrong with a logo file, or None when it is a readable PNG or JPEG."""
    path = Path(text).expanduser()
    if not path.is_file():
        return f"no file {text}"
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        return f"cannot read {text}: {exc.strerror or exc}"
    if not head.startswith(_IMAGE_MAGIC):
        return "the logo must be a PNG or JPEG image"
    return None


def validate_branding(branding: Branding, page_size: PageSize = DEFAULT_PAGE_SIZE) -> Branding:
    """Return the branding trimmed; raise ValidationError naming each field that is wrong."""
    clean = replace(
        branding,
        agency_name=branding.agency_name.strip(),
        contact_line=branding.contact_line.strip(),
        disclaimer=branding.disclaimer.strip(),
        accent_colour=branding.accent_colour.strip().upper(),
        logo_path=(branding.logo_path or "").strip() or None,
    )
    errors: dict[str, str] = {}
    if not clean.agency_name:
        errors["agency_name"] = "an agency name is needed"
    for name, limit in MAX_LENGTHS.items():
        if len(getattr(clean, name)) > limit:
            errors[name] = f"at most {limit} characters"
    if not _COLOUR.fullmatch(clean.accent_colour):
        errors["accent_colour"] = "a colour as #RRGGBB, e.g. #1F4E79"
    if clean.logo_path is not None:
        logo = str(Path(clean.logo_path).expanduser())
        clean = replace(clean, logo_path=logo)
        problem = _logo_problem(logo)
        if problem is not None:
            errors["logo_path"] = problem
    if page_size not in PAGE_SIZES:
        errors["page_size"] = "A4 or Letter"
    if errors:
        raise ValidationError(errors)
    return clean


def save_branding(
    database: Database, branding: Branding, page_size: PageSize | None = None
) -> Branding:
    """Validate and store the branding (and the page size, when given) in one transaction."""
    clean = validate_branding(branding, page_size or DEFAULT_PAGE_SIZE)
    values = {key: getattr(clean, name) or "" for name, key in _FIELD_KEYS.items()}
    if page_size is not None:
        values[PAGE_SIZE] = page_size
    with database.write() as session:
        store_preferences(session, values, utc_now())
    return clean


__all__ = [
    "DEFAULT_PAGE_SIZE",
    "PAGE_SIZES",
    "load_branding",
    "load_page_size",
    "save_branding",
    "validate_branding",
]
