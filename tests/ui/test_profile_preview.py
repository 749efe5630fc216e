"""The profile preview and the profile export, driven as a consultant would."""

from __future__ import annotations

import hashlib
import io
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QDialog, QFileDialog

from workbench.domain.search import SearchCriteria
from workbench.pdf.profile_document import ProfileOptions
from workbench.services.profiles import profile_exports
from workbench.services.search import search_candidates
from workbench.ui.profile_export import ExportChoiceDialog
from workbench.ui.profile_preview import ProfilePreviewDialog


def pdf_text(data: bytes) -> str:
    """Return the text of every page and the metadata of a PDF."""
    reader = PdfReader(io.BytesIO(data))
    meta = " ".join(str(v) for v in (reader.metadata or {}).values())
    return "\n".join(page.extract_text() for page in reader.pages) + "\n" + meta


def first_ids(database, count: int) -> list[int]:
    """Return the ids of the first stored candidates."""
    return list(search_candidates(database, SearchCriteria()).ids[:count])


@pytest.fixture
def preview(qtbot, database, fill_candidates):
    """Return an open preview of a stored candidate, its first PDF shown."""
    fill_candidates(database, 3)
    dialog = ProfilePreviewDialog(database, first_ids(database, 1)[0])
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.pdf_bytes is not None, timeout=10000)
    return dialog


def test_preview_shows_the_profile(preview):
    assert preview.pdf_document.status() == QPdfDocument.Status.Ready
    assert 1 <= preview.pdf_document.pageCount() <= 2
    assert preview.status.text().startswith("Ready")
    assert preview.profile is not None
    assert preview.profile.display_name in pdf_text(preview.pdf_bytes)


def test_blind_changes_the_bytes_and_hides_the_name(qtbot, preview):
    shown = preview.pdf_bytes
    name = preview.profile.display_name
    assert not preview.options_box.initials.isEnabled()
    with qtbot.waitSignal(preview.rendered, timeout=10000):
        preview.options_box.blind.setChecked(True)
    assert preview.options_box.initials.isEnabled()
    assert preview.pdf_bytes != shown
    text = pdf_text(preview.pdf_bytes)
    for part in name.split():
        assert part not in text
    assert "Northwind" not in text
    assert preview.pdf_document.pageCount() >= 1


def test_save_as_writes_the_bytes_shown(qtbot, preview, tmp_path, monkeypatch):
    target = tmp_path / "profile"  # .pdf is added
    offered: list[str] = []

    def choose(parent, caption, directory, filter_text):
        offered.append(directory)
        return str(target), filter_text

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    preview.save_button.click()
    written = tmp_path / "profile.pdf"
    assert written.read_bytes() == preview.pdf_bytes
    assert Path(offered[0]).name.startswith(preview.profile.reference)
    assert hashlib.sha256(preview.pdf_bytes).hexdigest() in preview.status.text()
    # The candidate's history records what was saved, with the hash of the exact bytes.
    [record] = profile_exports(preview.database, preview.candidate_id)
    assert record.sha256 == hashlib.sha256(written.read_bytes()).hexdigest()
    assert (record.file_name, record.combined) == ("profile.pdf", False)


def options() -> ProfileOptions:
    """Return plain options for a fixed day."""
    return ProfileOptions(generated_on=date(2026, 3, 1))


def test_export_to_a_folder_writes_one_pdf_each(
    qtbot, database, fill_candidates, open_window, tmp_path
):
    fill_candidates(database, 3)
    window = open_window()
    folder = tmp_path / "out"
    task = window.profile_screens.export(first_ids(database, 3), folder, options(), combined=False)
    with qtbot.waitSignal(task.succeeded, timeout=20000):
        pass
    files = sorted(folder.glob("*.pdf"))
    assert len(files) == 3
    assert all(f.read_bytes().startswith(b"%PDF") for f in files)
    assert "3 profiles" in window.statusBar().currentMessage()
    # None of the three has consent to be represented on record: the message says so.
    assert "3 without consent to be represented" in window.statusBar().currentMessage()
    digests = {hashlib.sha256(f.read_bytes()).hexdigest() for f in files}
    recorded = {r.sha256 for i in first_ids(database, 3) for r in profile_exports(database, i)}
    assert recorded == digests


def test_export_combined_writes_one_file(
    qtbot, database, fill_candidates, open_window, tmp_path, monkeypatch
):
    fill_candidates(database, 3)
    window = open_window()
    window.table.selectAll()
    assert window.profiles_action.isEnabled()
    target = tmp_path / "all.pdf"

    def accept(dialog: ExportChoiceDialog) -> int:
        dialog.combined.setChecked(True)
        dialog.options_box.blind.setChecked(True)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportChoiceDialog, "exec", accept)
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *args: (str(target), "PDF files (*.pdf)")
    )
    window.profiles_action.trigger()
    task = window.profile_screens.last_task
    assert task is not None
    qtbot.waitUntil(lambda: target.exists(), timeout=20000)
    assert list(tmp_path.glob("*.pdf")) == [target]
    reader = PdfReader(io.BytesIO(target.read_bytes()))
    assert len(reader.pages) >= 3
    assert "Person0000" not in pdf_text(target.read_bytes())
    qtbot.waitUntil(lambda: bool(profile_exports(database, first_ids(database, 1)[0])))
    for candidate_id in first_ids(database, 3):
        [record] = profile_exports(database, candidate_id)
        assert record.combined and record.options["blind"] is True
        assert record.sha256 == hashlib.sha256(target.read_bytes()).hexdigest()


def test_cancelled_combined_export_leaves_no_file(
    qtbot, database, fill_candidates, open_window, tmp_path
):
    fill_candidates(database, 3)
    window = open_window()
    target = tmp_path / "all.pdf"
    task = window.profile_screens.export(first_ids(database, 3), target, options(), combined=True)
    with qtbot.waitSignal(task.cancelled, timeout=20000):
        task.dialog.canceled.emit()  # as the Cancel button does
    assert list(tmp_path.glob("*.pdf*")) == []
    assert list(tmp_path.glob(".all.pdf*")) == []


def test_actions_need_a_selection(qtbot, database, fill_candidates, open_window):
    fill_candidates(database, 3)
    window = open_window()
    assert not window.preview_action.isEnabled()
    assert not window.profiles_action.isEnabled()
    window.table.selectRow(0)
    assert window.preview_action.isEnabled()
    assert window.profiles_action.isEnabled()
    window.table.selectAll()
    assert not window.preview_action.isEnabled()
    assert window.profiles_action.isEnabled()
    window.preview_action.setEnabled(True)
    window.table.selectRow(1)
    window.preview_action.trigger()
    dialog = window.profile_screens.preview_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.pdf_bytes is not None, timeout=10000)
    assert dialog.pdf_document.pageCount() >= 1


def test_the_preview_says_when_consent_to_be_represented_does_not_hold(
    qtbot, database, fill_candidates
):
    from workbench.domain.consent import Consent, LawfulBasis
    from workbench.services import consents

    fill_candidates(database, 2)
    without, with_consent = first_ids(database, 2)
    consents.save_data_protection(
        database,
        with_consent,
        LawfulBasis.LEGITIMATE_INTERESTS,
        Consent(date(2025, 1, 2), "in writing (email)"),
        expected_version=0,
    )
    warned = ProfilePreviewDialog(database, without)
    qtbot.addWidget(warned)
    assert warned.consent_note.isVisibleTo(warned)
    assert warned.consent_note.text().startswith("Consent to be represented: none on record.")
    quiet = ProfilePreviewDialog(database, with_consent)
    qtbot.addWidget(quiet)
    assert not quiet.consent_note.isVisibleTo(quiet) and quiet.consent_note.text() == ""
    for dialog in (warned, quiet):
        qtbot.waitUntil(lambda d=dialog: d.pdf_bytes is not None, timeout=10000)
