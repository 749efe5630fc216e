"""The Data protection tab, the consent dialogs, consent at submission and the retention review."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import text, update

from tests.ui.job_samples import make_job
from workbench.domain.candidate import CandidateDraft
from workbench.domain.consent import Consent, LawfulBasis
from workbench.domain.errors import NotFoundError
from workbench.domain.history import Entity
from workbench.services import consents, retention
from workbench.services.candidates import add_candidate, get_candidate
from workbench.services.history import candidate_history
from workbench.services.jobs import get_job
from workbench.store.engine import Database
from workbench.store.models import CandidateRecord, HistoryRecord
from workbench.ui import consent_dialogs, editor_sections
from workbench.ui.consent_dialogs import ClientConsentDialog, DataProtectionDialog
from workbench.ui.consent_tab import ConsentTab
from workbench.ui.retention_view import RetentionSettingsTab, RetentionWindow
from workbench.ui.submit_dialog import SubmitDialog

TODAY = date.today()


def _person(database: Database, first: str = "Ann") -> int:
    return add_candidate(
        database, CandidateDraft(first, "Lee", f"{first.lower()}@example.com", source="referral")
    ).id


def _tab(qtbot: Any, database: Database, cid: int | None) -> ConsentTab:
    tab = ConsentTab(database)
    qtbot.addWidget(tab)
    # The editor hands over the source it holds; here it is read as the editor would have it.
    tab.show_candidate(cid, get_candidate(database, cid).draft.source if cid else "")
    return tab


def test_a_new_record_shows_the_defaults_and_the_profiles_source(qtbot, database) -> None:
    tab = _tab(qtbot, database, _person(database))
    assert tab.basis.text() == "Legitimate interests"
    assert tab.source.text() == "referral"
    assert tab.represented.text() == "none on record"
    assert tab.model.rowCount() == 0
    unsaved = _tab(qtbot, database, None)
    assert not unsaved.edit_button.isEnabled() and not unsaved.record_button.isEnabled()


def test_the_dialog_refuses_bad_dates_then_saves_and_the_tab_follows(qtbot, database) -> None:
    cid = _person(database)
    tab = _tab(qtbot, database, cid)
    dialog = DataProtectionDialog(database, cid, tab.protection)
    qtbot.addWidget(dialog)
    dialog.basis.setCurrentIndex(list(LawfulBasis).index(LawfulBasis.CONSENT))
    dialog.represented.setChecked(True)
    dialog.fields.given_on.setDate(QDate(TODAY.year, TODAY.month, TODAY.day).addDays(3))
    assert not dialog.save()
    assert "future" in dialog.error_text()
    dialog.fields.given_on.setDate(QDate(2026, 1, 5))
    assert not dialog.save()
    assert "how the consent was obtained" in dialog.error_text()
    dialog.fields.how.setCurrentText("signed form")
    dialog.fields.lapses.set_value(date(2026, 1, 1))
    assert not dialog.save()
    assert "cannot lapse before it was given" in dialog.error_text()
    dialog.fields.lapses.set_value(None)
    assert dialog.save()
    saved = consents.data_protection(database, cid)
    assert saved.lawful_basis is LawfulBasis.CONSENT
    assert saved.representation == Consent(date(2026, 1, 5), "signed form")
    tab.refresh()
    assert tab.represented.text().startswith("given 2026-01-05 (signed form)")
    assert tab.represented.text().endswith("holds today")


def test_a_stale_dialog_is_refused_and_nothing_is_overwritten(qtbot, database, monkeypatch) -> None:
    asked: list[str] = []
    monkeypatch.setattr(
        editor_sections, "ask_to_reload", lambda parent, message, what: asked.append(message)
    )
    cid = _person(database)
    shown = consents.data_protection(database, cid)
    consents.save_data_protection(
        database, cid, LawfulBasis.CONTRACT, None, "someone else", expected_version=0
    )
    dialog = DataProtectionDialog(database, cid, shown)
    qtbot.addWidget(dialog)
    assert not dialog.save()
    assert "changed by someone else" in dialog.error_text()
    assert len(asked) == 1  # and the choice to reload is offered
    assert consents.data_protection(database, cid).note == "someone else"


def test_record_a_client_consent_then_its_withdrawal(qtbot, database, monkeypatch) -> None:
    sample = make_job(database)  # records Ann's consent to Northwind Bank
    cid = _person(database, "Zed")
    tab = _tab(qtbot, database, cid)
    client_id = get_job(database, sample.job_id).draft.client_id
    dialog = ClientConsentDialog(database, cid, client_id=client_id, lock_client=False)
    qtbot.addWidget(dialog)
    assert dialog.client.isEnabled() and dialog.client.currentText() == "Northwind Bank"
    assert dialog.also_represented.isVisibleTo(dialog)  # none on record yet
    dialog.fields.how.setCurrentText("in writing (email)")
    dialog.also_represented.setChecked(True)
    assert dialog.save()
    assert consents.data_protection(database, cid).representation is not None
    tab.refresh()
    assert tab.model.rowCount() == 1
    assert tab.model.data(tab.model.index(0, 5)) == "holds"
    tab.table.selectRow(0)
    assert tab.withdraw_button.isEnabled()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(tab.changed):
        assert tab.withdraw_selected()
    assert tab.model.data(tab.model.index(0, 4)) == TODAY.isoformat()
    assert tab.model.data(tab.model.index(0, 5)).startswith("withdrawn on")
    entries = candidate_history(database, cid, [Entity.CONSENT])
    assert any(e.field == "withdrawn on" for e in entries)


def test_the_consent_model_passes_the_model_tester(qtbot, qtmodeltester, database) -> None:
    sample = make_job(database)
    tab = _tab(qtbot, database, sample.people["Ann"])
    assert tab.model.rowCount() == 1
    qtmodeltester.check(tab.model)


def test_submitting_without_consent_is_refused_until_it_is_recorded(
    qtbot, database, tmp_path, monkeypatch
) -> None:
    sample = make_job(database)
    newcomer = _person(database, "Eve")
    dialog = SubmitDialog(database, sample.job_id, [sample.people["Ann"], newcomer])
    qtbot.addWidget(dialog)
    lines = dialog.problem_lines()
    assert f"Eve Lee (#{newcomer}): no consent to be represented on record" in lines
    assert f"Eve Lee (#{newcomer}): no consent to be sent to Northwind Bank on record" in lines
    assert dialog.record_consent.isVisibleTo(dialog) and dialog.record_consent.isEnabled()
    dialog.override.setPlainText("the client insists")
    dialog.choose_output = lambda combined: tmp_path / "x.pdf"
    assert dialog.submit() is None
    assert "may see only candidates who agreed" in dialog.error.text()
    assert not (tmp_path / "x.pdf").exists()

    def agree(self: ClientConsentDialog) -> int:
        assert not self.client.isEnabled()  # the job's client, nobody else's
        self.fields.how.setCurrentText("phone call, noted")
        return int(self.save())

    monkeypatch.setattr(consent_dialogs.ClientConsentDialog, "exec", agree)
    assert dialog.record_selected_consent() is not None
    assert not any("consent" in line for line in dialog.problem_lines())
    assert not dialog.record_consent.isVisibleTo(dialog)


def _backdate(database: Database, ids: list[int], when: datetime) -> None:
    with database.write() as session:
        session.execute(
            update(CandidateRecord).where(CandidateRecord.id.in_(ids)).values(updated_at=when)
        )
        session.execute(text("DROP TRIGGER IF EXISTS history_append_only"))  # this test's file only
        session.execute(
            update(HistoryRecord).where(HistoryRecord.candidate_id.in_(ids)).values(at=when)
        )


def test_the_review_lists_old_records_keeps_one_and_erases_another(
    qtbot, qtmodeltester, database, monkeypatch
) -> None:
    old, older, recent = (_person(database, name) for name in ("Old", "Older", "New"))
    _backdate(database, [old], datetime.now() - timedelta(days=900))
    _backdate(database, [older], datetime.now() - timedelta(days=1200))
    window = RetentionWindow(database)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=5000)
    qtmodeltester.check(window.model)
    assert [row.candidate_id for row in window.model.rows] == [older, old]
    assert "2 record(s) past the period" in window.summary.text()
    assert not window.keep_button.isEnabled()
    window.table.selectRow(1)
    monkeypatch.setattr(window, "ask_reason", lambda count: "placed before; may return")
    assert window.keep_selected() == 1
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=5000)
    assert "Kept 1 record(s)" in window.summary.text()
    window.table.selectRow(0)
    monkeypatch.setattr(window, "confirm_erasure", lambda count: count == 1)
    task = window.erase_selected()
    assert task is not None
    with qtbot.waitSignal(window.erased, timeout=15_000):
        pass
    qtbot.waitUntil(lambda: window.model.rowCount() == 0, timeout=5000)
    assert "Erased 1 record(s)" in window.summary.text()
    with pytest.raises(NotFoundError):
        get_candidate(database, older)
    assert get_candidate(database, recent).id == recent


def test_a_wrong_count_erases_nothing(qtbot, database, monkeypatch) -> None:
    cid = _person(database)
    _backdate(database, [cid], datetime.now() - timedelta(days=900))
    window = RetentionWindow(database)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=5000)
    window.table.selectRow(0)
    monkeypatch.setattr(
        "workbench.ui.retention_view.QInputDialog.getText", lambda *a, **k: ("2", True)
    )
    assert window.erase_selected() is None
    assert get_candidate(database, cid).id == cid


def test_the_settings_tab_stores_the_period(qtbot, database) -> None:
    tab = RetentionSettingsTab(database)
    qtbot.addWidget(tab)
    assert tab.months.value() == 24 and tab.months.minimum() == 12
    tab.months.setValue(36)
    assert tab.save()
    assert retention.retention_months(database) == 36
    assert "36 months" in tab.status.text()
