"""The schema of data protection: lawful basis and consents per candidate and per client."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from workbench.store.models import Base


class DataProtectionRecord(Base):
    """A candidate's lawful basis and consent to be represented; no row means the defaults.

    A table of its own, not columns on candidates: recording consent must not bump the
    candidate's version and refuse a profile edit open in another window.
    """

    __tablename__ = "data_protection"

    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidates.id", ondelete="CASCADE"), primary_key=True
    )
    lawful_basis: Mapped[str] = mapped_column(String(30), default="legitimate_interests")
    consent_given_on: Mapped[date | None] = mapped_column(Date)
    consent_how: Mapped[str] = mapped_column(String(200), default="")
    consent_expires_on: Mapped[date | None] = mapped_column(Date)
    consent_withdrawn_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class ClientConsentRecord(Base):
    """A candidate's consent to be sent to one client: one row per pair, kept up to date."""

    __tablename__ = "client_consents"
    __table_args__ = (
        Index("uq_client_consents_candidate_client", "candidate_id", "client_id", unique=True),
        Index("ix_client_consents_client", "client_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidates.id", ondelete="CASCADE"))
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    given_on: Mapped[date] = mapped_column(Date)
    how: Mapped[str] = mapped_column(String(200))
    expires_on: Mapped[date | None] = mapped_column(Date)
    withdrawn_on: Mapped[date | None] = mapped_column(Date)
    recorded_by: Mapped[str] = mapped_column(String(200), default="")
    recorded_at: Mapped[datetime] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
