"""Profile exports are recorded with their SHA-256; branding comes from Settings."""

from __future__ import annotations

import hashlib
import io
import struct
import zlib
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.unit.profile_samples import TYPICAL
from workbench.domain.candidate import CandidateDraft
from workbench.domain.errors import ValidationError, WorkbenchError
from workbench.pdf.profile_document import Branding, ProfileOptions
from workbench.services import branding as branding_service
from workbench.services import catalogue, profiles
from workbench.services.candidates import add_candidate
from workbench.store.engine import Database

DAY = date(2026, 3, 20)


def png(path: Path) -> Path:
    """Write a one-pixel red PNG to path and return it."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )
    return path


def digest(path: Path) -> str:
    """Return the SHA-256 of a file, recomputed from its bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def pdf_text(path: Path) -> str:
    """Return a PDF's text as one line."""
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


@pytest.fixture
def two(database: Database) -> tuple[int, int]:
    """Add two candidates and name the consultant; return their ids."""
    catalogue.set_preference(database, catalogue.CONSULTANT_NAME, "Zoe Adams")
    anna = add_candidate(database, TYPICAL).id
    bob = add_candidate(database, CandidateDraft("Bob", "Stone", "bob@example.org")).id
    return anna, bob


def test_one_profile_is_recorded_with_its_hash_and_options(database, two, tmp_path) -> None:
    anna, bob = two
    options = ProfileOptions(DAY, blind=True, initials=True, show_salary=True, page_size="Letter")
    written = profiles.write_profile(database, anna, tmp_path / "anna.pdf", options)
    [export] = profiles.profile_exports(database, anna)
    assert export.sha256 == digest(tmp_path / "anna.pdf") == written.sha256
    assert export.options == {
        "blind": True,
        "initials": True,
        "show_salary": True,
        "show_lapsed": False,
        "page_size": "Letter",
        "generated_on": "2026-03-20",
    }
    assert (export.candidate_id, export.exported_by) == (anna, "Zoe Adams")
    assert export.reference.startswith("WB-0001-")
    assert (export.file_name, export.combined) == ("anna.pdf", False)
    assert profiles.profile_exports(database, bob) == []


def test_a_folder_records_each_file_and_the_newest_comes_first(database, two, tmp_path) -> None:
    anna, bob = two
    options = ProfileOptions(DAY)
    folder = tmp_path / "out"
    written = profiles.write_profile_folder(database, [anna, bob], folder, options)
    assert [w.candidate_ids for w in written] == [(anna,), (bob,)]
    for candidate, item in zip((anna, bob), written, strict=True):
        [export] = profiles.profile_exports(database, candidate)
        assert export.sha256 == digest(folder / export.file_name) == item.sha256
        assert not export.combined
    again = profiles.write_profile(database, anna, tmp_path / "again.pdf", ProfileOptions(DAY))
    newest, oldest = profiles.profile_exports(database, anna)
    assert newest.file_name == "again.pdf" and newest.sha256 == again.sha256
    assert oldest.file_name == written[0].path.name


def test_a_combined_file_records_every_candidate_with_its_hash(database, two, tmp_path) -> None:
    anna, bob = two
    target = tmp_path / "both.pdf"
    profiles.write_combined_profiles(database, [anna, bob, anna], target, ProfileOptions(DAY))
    rows = [profiles.profile_exports(database, cid) for cid in (anna, bob)]
    assert [len(r) for r in rows] == [1, 1]
    for [export], reference in zip(rows, ("WB-0001", "WB-0002"), strict=True):
        assert export.sha256 == digest(target)
        assert (export.combined, export.file_name) == (True, "both.pdf")
        assert export.reference.startswith(reference + "-")


def test_a_failed_recording_is_reported_and_the_file_stays(
    database, two, tmp_path, monkeypatch
) -> None:
    anna, _ = two

    def broken(_database: Database) -> str:
        raise WorkbenchError("the database is read-only")

    monkeypatch.setattr(profiles, "consultant_name", broken)
    target = tmp_path / "anna.pdf"
    with pytest.raises(WorkbenchError, match=r"could not be recorded.*read-only") as caught:
        profiles.write_profile(database, anna, target, ProfileOptions(DAY))
    assert str(target) in str(caught.value) and target.exists()
    assert profiles.profile_exports(database, anna) == []


def test_branding_defaults_until_set(database) -> None:
    assert branding_service.load_branding(database) == Branding()
    assert branding_service.load_page_size(database) == "A4"


def test_branding_is_saved_and_used_by_default(database, two, tmp_path) -> None:
    anna, _ = two
    logo = png(tmp_path / "logo.png")
    chosen = Branding(
        agency_name="  Acme Talent ",
        accent_colour="#aa3300",
        contact_line="jobs@acme.example",
        disclaimer="",
        logo_path=str(logo),
    )
    saved = branding_service.save_branding(database, chosen, "Letter")
    assert saved.agency_name == "Acme Talent" and saved.accent_colour == "#AA3300"
    assert branding_service.load_branding(database) == saved
    assert branding_service.load_page_size(database) == "Letter"
    target = tmp_path / "anna.pdf"
    profiles.write_profile(database, anna, target, ProfileOptions(DAY))
    assert "Acme Talent" in pdf_text(target) and "jobs@acme.example" in pdf_text(target)
    # A logo that vanished later is skipped: the profile is still written.
    logo.unlink()
    profiles.write_profile(database, anna, target, ProfileOptions(DAY))
    assert "Acme Talent" in pdf_text(target)


def test_bad_branding_names_each_field(database, tmp_path) -> None:
    text_file = tmp_path / "logo.png"
    text_file.write_text("not an image")
    bad = Branding(agency_name=" ", accent_colour="navy", logo_path=str(text_file))
    with pytest.raises(ValidationError) as caught:
        branding_service.save_branding(database, bad)
    assert set(caught.value.errors) == {"agency_name", "accent_colour", "logo_path"}
    assert "PNG or JPEG" in caught.value.errors["logo_path"]
    missing = Branding(logo_path=str(tmp_path / "gone.png"), contact_line="x" * 301)
    with pytest.raises(ValidationError) as caught:
        branding_service.save_branding(database, missing)
    assert caught.value.errors["logo_path"].startswith("no file ")
    assert "300" in caught.value.errors["contact_line"]
    assert branding_service.load_branding(database) == Branding()  # nothing was stored


def test_a_cancelled_folder_export_keeps_no_file_and_records_nothing(
    database, two, tmp_path
) -> None:
    from workbench.services.progress import Cancelled, ProgressReporter

    seen: list[int] = []
    # Cancel once the first file is written (progress past the reading half).
    reporter = ProgressReporter(
        progress=lambda done, total: seen.append(done),
        is_cancelled=lambda: bool(seen) and seen[-1] > len(two),
    )
    folder = tmp_path / "out"
    with pytest.raises(Cancelled):
        profiles.write_profile_folder(
            database, list(two), folder, ProfileOptions(DAY), reporter=reporter
        )
    assert list(folder.glob("*.pdf")) == []
    assert all(profiles.profile_exports(database, cid) == [] for cid in two)
