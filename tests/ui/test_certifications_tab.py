"""The Certifications tab driven as a consultant would: claim, check with evidence, open it."""

from __future__ import annotations

import stat
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from workbench.domain.candidate import CandidateDraft
from workbench.domain.certifications import CheckOutcome, ClaimStatus
from workbench.domain.claims import CheckDraft, CheckMethod, ClaimDraft
from workbench.services import candidates as candidate_service
from workbench.services import claims as claim_service
from workbench.services import evidence_files
from workbench.services.catalogue import certification_rules
from workbench.store.engine import Database
from workbench.ui.candidate_editor import CandidateEditor
from workbench.ui.certifications_tab import STATUS_COLUMN, CertificationsTab
from workbench.ui.check_dialog import CheckDialog, default_method
from workbench.ui.claim_dialog import ClaimDialog

PDF = b"%PDF-1.4\n%test evidence\n"


@pytest.fixture
def candidate_id(database: Database) -> int:
    """Return the id of a stored candidate with no claims."""
    stored = candidate_service.add_candidate(
        database, CandidateDraft("Maria", "Kowalska", "maria@example.com", years_experience=9)
    )
    return stored.id


@pytest.fixture
def editor(qtbot, database: Database, candidate_id: int) -> CandidateEditor:
    """Return the candidate editor showing the stored candidate on its Certifications tab."""
    widget = CandidateEditor(database)
    qtbot.addWidget(widget)
    widget.load(candidate_service.get_candidate(database, candidate_id))
    widget.tabs.setCurrentWidget(widget.certifications)
    return widget


@pytest.fixture
def pdf_file(tmp_path: Path) -> Path:
    """Return a small file that is a PDF by its first bytes."""
    path = tmp_path / "pmi-registry.pdf"
    path.write_bytes(PDF)
    return path


def claim_pmp(database: Database, candidate_id: int) -> int:
    """Store a PMP claim through the use case and return its id."""
    return claim_service.add_claim(
        database, candidate_id, "PMP", ClaimDraft("1234567", "", date(2024, 3, 14))
    ).id


def check_dialog(tab: CertificationsTab, monkeypatch, fill) -> list[CheckDialog]:
    """Make the tab's dialogs run `fill` instead of waiting for a person; return them."""
    seen: list[CheckDialog] = []

    def run(dialog: QDialog) -> bool:
        seen.append(dialog)  # type: ignore[arg-type]
        return bool(fill(dialog))

    monkeypatch.setattr(tab, "run_dialog", run)
    return seen


def status_text(tab: CertificationsTab, code: str) -> str:
    """Return the status label the claims table shows for a certification."""
    for row in range(tab.claims_table.rowCount()):
        if tab.claims_table.item(row, 0).text() == code:
            return tab.claims_table.item(row, STATUS_COLUMN).text()
    raise LookupError(code)


def test_a_new_candidate_must_be_saved_first(qtbot, database):
    editor = CandidateEditor(database)
    qtbot.addWidget(editor)
    tab = editor.certifications
    assert editor.tabs.tabText(editor.tabs.indexOf(tab)) == "Certifications"
    assert "Save the candidate first" in tab.hint.text()
    assert not tab.body.isEnabled()
    assert not tab.add_button.isEnabled()


def test_a_claim_is_added_through_the_dialog(qtbot, database, candidate_id, editor, monkeypatch):
    tab = editor.certifications
    assert tab.claims_table.rowCount() == 0

    def fill(dialog: ClaimDialog) -> bool:
        dialog.select("PMP")
        dialog.credential_id.setText(" 1234567 ")
        dialog.earned_on.set_value(date(2024, 3, 14))
        assert dialog.lapses.text().startswith("2027-03-14")
        return dialog.save()

    check_dialog(tab, monkeypatch, fill)
    with qtbot.waitSignal(editor.certificationsChanged, timeout=1000) as signal:
        tab.add_claim()
    assert signal.args == [candidate_id]
    [claim] = claim_service.candidate_claims(database, candidate_id)
    assert (claim.code, claim.credential_id, claim.earned_on) == (
        "PMP",
        "1234567",
        date(2024, 3, 14),
    )
    assert claim.expires_on == date(2027, 3, 14)
    assert tab.claims_table.rowCount() == 1
    assert tab.claims_table.item(0, 0).toolTip() == "Project Management Professional"
    assert status_text(tab, "PMP") == "Unverified"
    assert tab.selected_claim() is not None and tab.selected_claim().id == claim.id


def test_a_future_earned_date_is_explained_and_nothing_saved(qtbot, database, candidate_id):
    dialog = ClaimDialog(database, candidate_id, certification_rules(database))
    qtbot.addWidget(dialog)
    dialog.select("CSM")
    dialog.earned_on.set_value(date.today() + timedelta(days=10))
    assert dialog.save() is False
    assert dialog.error_text("earned_on") == "cannot be in the future"
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert claim_service.candidate_claims(database, candidate_id) == []
    # The input stays for the consultant to correct.
    assert dialog.earned_on.value() == date.today() + timedelta(days=10)


def test_an_odd_identifier_warns_while_typing_but_saves(qtbot, database, candidate_id):
    dialog = ClaimDialog(database, candidate_id, certification_rules(database))
    qtbot.addWidget(dialog)
    dialog.select("PMP")
    dialog.credential_id.setText("PMP-12")
    assert not dialog.identifier_warning.isHidden()
    assert "does not look like" in dialog.identifier_warning.text()
    dialog.credential_id.setText("1234567")
    assert dialog.identifier_warning.isHidden()
    dialog.credential_id.setText("PMP-12")
    assert dialog.save() is True
    [claim] = claim_service.candidate_claims(database, candidate_id)
    assert claim.credential_id == "PMP-12"
    assert any("does not look like" in w for w in claim.warnings)


def test_a_printed_expiry_is_optional_and_good_for_life_reads_never(
    qtbot, database, candidate_id, editor
):
    claim_service.add_claim(database, candidate_id, "COMPTIA-PROJECT-PLUS", ClaimDraft())
    claim_service.add_claim(database, candidate_id, "CSM", ClaimDraft("998877"))
    editor.certifications.reload()
    table = editor.certifications.claims_table
    expiry = {table.item(r, 0).text(): table.item(r, 2).text() for r in range(table.rowCount())}
    assert expiry == {"COMPTIA-PROJECT-PLUS": "never", "CSM": "unknown"}


def test_a_check_with_evidence_verifies_the_claim(
    qtbot, database, candidate_id, editor, monkeypatch, pdf_file
):
    claim_id = claim_pmp(database, candidate_id)
    tab = editor.certifications
    tab.reload()
    tab.select_claim("PMP")
    assert status_text(tab, "PMP") == "Unverified"

    def fill(dialog: CheckDialog) -> bool:
        assert dialog.method.currentData() is CheckMethod.REGISTRY  # PMI's registry
        assert "PMI Online Certification Registry" in dialog.how_to.text()
        assert dialog.checked_by.text()  # the consultant's name, filled in
        dialog.checked_by.setText("Anna Consultant")
        dialog.outcome.setCurrentIndex(dialog.outcome.findData(CheckOutcome.VERIFIED))
        dialog.reference.setText("https://www.pmi.org/registry?q=Kowalska")
        dialog.note.setPlainText("Name and number match.")
        assert dialog.evidence.add_paths([pdf_file]) == []
        return dialog.save()

    check_dialog(tab, monkeypatch, fill)
    with qtbot.waitSignal(editor.certificationsChanged, timeout=1000) as signal:
        tab.record_check()
    assert signal.args == [candidate_id]

    [claim] = claim_service.candidate_claims(database, candidate_id)
    assert claim.id == claim_id and claim.status is ClaimStatus.VERIFIED
    [check] = claim.checks
    assert (check.checked_by, check.outcome, check.method) == (
        "Anna Consultant",
        CheckOutcome.VERIFIED,
        CheckMethod.REGISTRY,
    )
    assert [e.filename for e in check.evidence] == ["pmi-registry.pdf"]
    assert status_text(tab, "PMP") == "Verified"
    history = tab.history_table
    assert history.rowCount() == 1
    row = [history.item(0, c).text() for c in range(history.columnCount())]
    assert row[:5] == [
        date.today().isoformat(),
        "Anna Consultant",
        "Registry lookup",
        "Verified",
        "https://www.pmi.org/registry?q=Kowalska",
    ]
    assert row[6] == "pmi-registry.pdf"
    assert row[7] == "2" and row[8] == "2027-03-14"  # PMP is at revision 2 since schema 0004
    assert tab.open_button.isEnabled()


def test_the_outcome_must_be_chosen(qtbot, database, candidate_id, editor):
    claim_pmp(database, candidate_id)
    editor.certifications.reload()
    claim = editor.certifications.selected_claim()
    dialog = CheckDialog(database, claim, certification_rules(database)[0])
    qtbot.addWidget(dialog)
    dialog.checked_by.setText("")
    assert dialog.save() is False
    assert dialog.error_text("outcome") == "choose what you found"
    assert "say who checked it" in dialog.error_text("checked_by")
    assert claim_service.candidate_claims(database, candidate_id)[0].checks == ()


def test_a_file_that_is_no_pdf_is_refused_in_the_dialog(
    qtbot, database, candidate_id, editor, tmp_path, pdf_file
):
    claim_pmp(database, candidate_id)
    editor.certifications.reload()
    dialog = CheckDialog(database, editor.certifications.selected_claim(), None)
    qtbot.addWidget(dialog)
    fake = tmp_path / "certificate.pdf"
    fake.write_text("I am a PMP, trust me")
    assert dialog.evidence.add_paths([fake])
    assert dialog.evidence.count() == 0
    assert "not a PDF, PNG or JPEG" in dialog.error_text("evidence")

    # A file that changes after it was listed is refused when saving; the input stays.
    dialog.evidence.add_paths([pdf_file])
    pdf_file.write_text("now plain text")
    dialog.outcome.setCurrentIndex(dialog.outcome.findData(CheckOutcome.VERIFIED))
    dialog.reference.setText("register ref 42")
    assert dialog.save() is False
    assert "pmi-registry.pdf is not a PDF, PNG or JPEG" in dialog.error_text("evidence")
    assert dialog.evidence.paths() == [pdf_file]
    assert dialog.reference.text() == "register ref 42"
    [claim] = claim_service.candidate_claims(database, candidate_id)
    assert claim.checks == () and claim.status is ClaimStatus.UNVERIFIED


def test_files_dropped_on_the_evidence_list_are_added_and_links_refused(
    qtbot, database, candidate_id, editor, pdf_file
):
    claim_pmp(database, candidate_id)
    editor.certifications.reload()
    dialog = CheckDialog(database, editor.certifications.selected_claim(), None)
    qtbot.addWidget(dialog)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(pdf_file)), QUrl("https://example.com/badge.pdf")])
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, buttons, keys)
    QApplication.sendEvent(dialog.evidence.viewport(), enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, buttons, keys)
    QApplication.sendEvent(dialog.evidence.viewport(), drop)
    assert dialog.evidence.paths() == [pdf_file]
    assert "only files on this computer" in dialog.error_text("evidence")
    # The same file dropped again is listed once.
    dialog.evidence.add_paths([pdf_file])
    assert dialog.evidence.count() == 1


def test_tampered_evidence_warns_instead_of_opening(
    qtbot, database, candidate_id, editor, monkeypatch, pdf_file
):
    claim_id = claim_pmp(database, candidate_id)
    check = claim_service.record_check(
        database,
        claim_id,
        CheckDraft(date.today(), "Anna", CheckMethod.REGISTRY, CheckOutcome.VERIFIED),
        [pdf_file],
    )
    tab = editor.certifications
    tab.reload()
    opened: list[Path] = []
    monkeypatch.setattr(tab, "launch", lambda path: opened.append(path) or True)
    tab.open_selected_evidence()
    stored = evidence_files.open_evidence(database, check.evidence[0].id).path
    # Intact: opened straight away, as a read-only copy under its own name, never in place.
    [copy] = opened
    assert copy != stored and copy.name == check.evidence[0].filename
    assert copy.read_bytes() == stored.read_bytes()
    assert stat.S_IMODE(copy.stat().st_mode) == 0o400

    stored.chmod(0o600)
    stored.write_bytes(PDF + b"edited")
    warnings: list[str] = []

    def warn(parent, title, text, *args):
        warnings.append(text)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "warning", warn)
    tab.open_selected_evidence()
    assert len(warnings) == 1 and "was changed after it was recorded" in warnings[0]
    assert opened == [copy]  # not opened again

    stored.unlink()
    tab.open_selected_evidence()
    assert "is missing" in warnings[1]
    assert opened == [copy]


def test_a_claim_with_checks_cannot_be_removed(qtbot, database, candidate_id, editor, monkeypatch):
    claim_id = claim_pmp(database, candidate_id)
    claim_service.record_check(
        database,
        claim_id,
        CheckDraft(date.today(), "Anna", CheckMethod.REGISTRY, CheckOutcome.PENDING),
    )
    tab = editor.certifications
    tab.reload()
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    with qtbot.assertNotEmitted(editor.certificationsChanged):
        tab.remove_claim()
    assert shown and "check(s) on record" in shown[0]
    assert [c.id for c in claim_service.candidate_claims(database, candidate_id)] == [claim_id]
    assert tab.claims_table.rowCount() == 1


def test_a_claim_without_checks_is_removed_after_confirming(
    qtbot, database, candidate_id, editor, monkeypatch
):
    claim_pmp(database, candidate_id)
    tab = editor.certifications
    tab.reload()
    questions: list[str] = []
    monkeypatch.setattr(tab, "confirm", lambda title, text: questions.append(text) or True)
    with qtbot.waitSignal(editor.certificationsChanged, timeout=1000):
        tab.remove_claim()
    assert questions and "PMP" in questions[0]
    assert claim_service.candidate_claims(database, candidate_id) == []
    assert tab.claims_table.rowCount() == 0


def test_warnings_of_the_selected_claim_are_shown(qtbot, database, editor):
    other = candidate_service.add_candidate(
        database, CandidateDraft("Ann", "Junior", "ann@example.com", years_experience=1)
    )
    claim_service.add_claim(database, other.id, "PMP", ClaimDraft("12"))
    editor.load(other)
    tab = editor.certifications
    assert not tab.warnings.isHidden()
    assert "needs 60 months" in tab.warnings.text()
    assert "does not look like" in tab.warnings.text()


@pytest.mark.parametrize(
    ("code", "method"),
    [
        ("PMP", CheckMethod.REGISTRY),
        ("CSM", CheckMethod.REGISTRY),
        ("PRINCE2-PRACTITIONER", CheckMethod.PEOPLECERT),
        ("COMPTIA-PROJECT-PLUS", CheckMethod.CODE_PORTAL),
        ("AWS-SAA", CheckMethod.CODE_PORTAL),
    ],
)
def test_the_usual_method_is_preselected_by_issuer(database, code, method):
    rule = next(r for r in certification_rules(database) if r.code == code)
    assert default_method(rule) is method
