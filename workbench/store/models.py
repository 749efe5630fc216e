"""The relational schema as SQLAlchemy 2 declarative classes."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Stable constraint names let Alembic alter tables the same way on SQLite and PostgreSQL.
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


# "Never" in the derived date columns that must not be NULL.
FOREVER = date(9999, 12, 31)
FOREVER_TEXT = FOREVER.isoformat()


class Base(DeclarativeBase):
    """Declarative base sharing one metadata with the naming convention."""

    metadata = MetaData(naming_convention=NAMING)


class CandidateRecord(Base):
    """One candidate row; children hold roles, work history and education."""

    __tablename__ = "candidates"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100))
    # Case-folded "last first" so sorting by name ignores case in every script.
    name_key: Mapped[str] = mapped_column(String(210))
    email: Mapped[str] = mapped_column(String(320))
    email_key: Mapped[str] = mapped_column(String(320), unique=True)
    phone: Mapped[str] = mapped_column(String(32), default="", index=True)
    city: Mapped[str] = mapped_column(String(200), default="")
    country: Mapped[str] = mapped_column(String(200), default="")
    linkedin_url: Mapped[str] = mapped_column(String(500), default="")
    primary_role: Mapped[str | None] = mapped_column(String(40))
    years_experience: Mapped[float | None] = mapped_column(Float)
    level: Mapped[str | None] = mapped_column(String(10))
    salary_expectation: Mapped[int | None] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3), default="USD")
    available_from: Mapped[date | None] = mapped_column(Date)
    work_environments: Mapped[list[str]] = mapped_column(JSON, default=list)
    industries: Mapped[list[str]] = mapped_column(JSON, default=list)
    skills: Mapped[list[str]] = mapped_column(JSON, default=list)
    security_clearance: Mapped[str] = mapped_column(String(200), default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    recommendation: Mapped[str] = mapped_column(Text, default="", server_default="")
    source: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime)
    # Stage 1 is Sourced, seeded by schema 0009 and never removed (its role is needed). No
    # foreign key: SQLite would rebuild this large table to add one; removing a stage that
    # still holds candidates is refused in code instead.
    stage_id: Mapped[int] = mapped_column(Integer, server_default="1")
    stage_since: Mapped[datetime | None] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)

    roles: Mapped[list[CandidateRoleRecord]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, lazy="selectin"
    )
    work_history: Mapped[list[WorkHistoryRecord]] = relationship(
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="WorkHistoryRecord.position",
        lazy="selectin",
    )
    education: Mapped[list[EducationRecord]] = relationship(
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="EducationRecord.position",
        lazy="selectin",
    )

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012

    # Every list filters on deleted_at IS NULL and sorts by one column: an index that starts
    # with deleted_at and then the sort column answers both, and covers the id, so no row is
    # read from the (large) table. A single-column deleted_at index made SQLite sort 100,000
    # rows on every search instead.
    __table_args__ = (
        *(
            Index(f"ix_candidates_live_{column}", "deleted_at", column)
            for column in (
                "name_key",
                "email_key",
                "phone",
                "primary_role",
                "years_experience",
                "city",
                "available_from",
                "salary_expectation",
                "updated_at",
            )
        ),
        Index("ix_candidates_live_level_name", "deleted_at", "level", "name_key"),
        Index("ix_candidates_live_country_name", "deleted_at", "country", "name_key"),
        Index("ix_candidates_city_name", "city", "name_key"),
        # The board's columns and `search --stage`: live candidates of one stage by name.
        Index("ix_candidates_live_stage_name", "deleted_at", "stage_id", "name_key"),
        # Matching's bound reads these for every live candidate: from this index, not the
        # wide rows (summaries, work history), it takes 0.65 s on 100,000 instead of 1.25 s.
        Index(
            "ix_candidates_live_match",
            "deleted_at",
            "stage_id",
            "primary_role",
            "years_experience",
            "salary_expectation",
            "currency",
            "available_from",
            "city",
            "country",
            "skills",
        ),
        {"sqlite_autoincrement": True},
    )


class CandidateRoleRecord(Base):
    """A specialisation a candidate holds; one per candidate is primary."""

    __tablename__ = "candidate_roles"

    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidates.id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[str] = mapped_column(String(40), primary_key=True)
    is_primary: Mapped[bool] = mapped_column(Boolean, default=False)

    __table_args__ = (Index("ix_candidate_roles_role_candidate", "role", "candidate_id"),)


class WorkHistoryRecord(Base):
    """One job in a candidate's work history."""

    __tablename__ = "work_history"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidates.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    employer: Mapped[str] = mapped_column(String(200), default="")
    title: Mapped[str] = mapped_column(String(200), default="")
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    description: Mapped[str] = mapped_column(Text, default="")


class EducationRecord(Base):
    """One qualification in a candidate's education."""

    __tablename__ = "education"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidates.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    degree_level: Mapped[str] = mapped_column(String(60), default="")
    field_of_study: Mapped[str] = mapped_column(String(200), default="")
    institution: Mapped[str] = mapped_column(String(200), default="")
    year: Mapped[int | None] = mapped_column(Integer)


class CertificationRuleRecord(Base):
    """One certification of the catalogue and its current rule; Settings may change it."""

    __tablename__ = "certification_rules"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    issuer: Mapped[str] = mapped_column(String(200), default="")
    verify_how: Mapped[str] = mapped_column(Text, default="")
    verify_url: Mapped[str] = mapped_column(String(500), default="")
    identifier_label: Mapped[str] = mapped_column(String(100), default="")
    identifier_pattern: Mapped[str | None] = mapped_column(String(200))
    validity_months: Mapped[int | None] = mapped_column(Integer)
    soft_expiry: Mapped[bool] = mapped_column(Boolean, default=False)
    renewal_routes: Mapped[list[str]] = mapped_column(JSON, default=list)
    reminder_days: Mapped[int] = mapped_column(Integer, default=90)
    min_experience_months_with_degree: Mapped[int | None] = mapped_column(Integer)
    min_experience_months_without_degree: Mapped[int | None] = mapped_column(Integer)
    aliases: Mapped[list[str]] = mapped_column(JSON, default=list)
    grace_months: Mapped[int | None] = mapped_column(Integer)
    earlier_before: Mapped[date | None] = mapped_column(Date)
    earlier_validity_months: Mapped[int | None] = mapped_column(Integer)
    revision: Mapped[int] = mapped_column(Integer, default=1)
    retired: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    updated_by: Mapped[str] = mapped_column(String(200), default="")


class CertificationRuleRevisionRecord(Base):
    """A rule as it was at one revision: checks point here, so history keeps its meaning."""

    __tablename__ = "certification_rule_revisions"

    rule_id: Mapped[int] = mapped_column(
        ForeignKey("certification_rules.id", ondelete="CASCADE"), primary_key=True
    )
    revision: Mapped[int] = mapped_column(Integer, primary_key=True)
    rule: Mapped[dict[str, object]] = mapped_column(JSON)
    changed_at: Mapped[datetime] = mapped_column(DateTime)
    changed_by: Mapped[str] = mapped_column(String(200), default="")


class ClaimRecord(Base):
    """A certification a candidate claims, with dates derived from its rule for fast filters."""

    __tablename__ = "certification_claims"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidates.id", ondelete="CASCADE"))
    rule_id: Mapped[int] = mapped_column(ForeignKey("certification_rules.id"))
    credential_id: Mapped[str] = mapped_column(String(100), default="")
    # Upper-case letters and digits only: "0012-345" and "0012345" are the same credential.
    credential_key: Mapped[str] = mapped_column(String(100), default="")
    secondary_id: Mapped[str] = mapped_column(String(100), default="")
    earned_on: Mapped[date | None] = mapped_column(Date)
    printed_expiry: Mapped[date | None] = mapped_column(Date)
    # Derived from the rule, the dates and the latest check; rewritten when any of them
    # changes. The first five are what screens show; the four below them say the same
    # without NULLs (9999-12-31 for "never"), so that every status is one index range:
    # an OR over NULLs made SQLite read 300,000 claim rows for a broad status filter.
    expires_on: Mapped[date | None] = mapped_column(Date)
    remind_on: Mapped[date | None] = mapped_column(Date)
    renewable_until: Mapped[date | None] = mapped_column(Date)  # end of PMI's suspension year
    soft_expiry: Mapped[bool] = mapped_column(Boolean, default=False)
    latest_outcome: Mapped[str | None] = mapped_column(String(20))
    outcome_class: Mapped[str] = mapped_column(String(12), server_default="unverified")
    lapse_from: Mapped[date] = mapped_column(Date, server_default=FOREVER_TEXT)
    remind_from: Mapped[date] = mapped_column(Date, server_default=FOREVER_TEXT)
    expired_from: Mapped[date] = mapped_column(Date, server_default=FOREVER_TEXT)
    last_checked_on: Mapped[date | None] = mapped_column(Date)
    # The vetted gate lets a waived claim through unverified; empty reason: not waived.
    waiver_reason: Mapped[str] = mapped_column(Text, server_default="")
    waived_by: Mapped[str] = mapped_column(String(200), server_default="")
    waived_at: Mapped[datetime | None] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
    __table_args__ = (
        Index("uq_certification_claims_candidate_rule", "candidate_id", "rule_id", unique=True),
        Index("ix_certification_claims_rule_candidate", "rule_id", "candidate_id"),
        # Verified and expiring: outcome, then the day reminders start.
        Index(
            "ix_certification_claims_outcome_remind",
            "outcome_class",
            "remind_from",
            "lapse_from",
            "rule_id",
            "candidate_id",
        ),
        # Unverified and failed: outcome, then the lapse day.
        Index(
            "ix_certification_claims_outcome_lapse",
            "outcome_class",
            "lapse_from",
            "rule_id",
            "candidate_id",
        ),
        # Expired, renewal due and the Expiring view: the lapse day first.
        Index(
            "ix_certification_claims_lapse",
            "lapse_from",
            "expired_from",
            "outcome_class",
            "rule_id",
            "candidate_id",
        ),
        Index("ix_certification_claims_credential_key", "credential_key"),
    )


class CheckRecord(Base):
    """One check of a claim; append-only (a trigger refuses updates)."""

    __tablename__ = "certification_checks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    claim_id: Mapped[int] = mapped_column(
        ForeignKey("certification_claims.id", ondelete="CASCADE"), index=True
    )
    checked_on: Mapped[date] = mapped_column(Date)
    recorded_at: Mapped[datetime] = mapped_column(DateTime)
    checked_by: Mapped[str] = mapped_column(String(200))
    method: Mapped[str] = mapped_column(String(30))
    outcome: Mapped[str] = mapped_column(String(20))
    reference: Mapped[str] = mapped_column(String(500), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    rule_revision: Mapped[int] = mapped_column(Integer)
    valid_until: Mapped[date | None] = mapped_column(Date)
    # What the claim said when it was checked: a check confirms these details, not whatever
    # the claim is edited to later. NULL on checks recorded before schema 0006.
    checked_credential_id: Mapped[str | None] = mapped_column(String(100))
    checked_earned_on: Mapped[date | None] = mapped_column(Date)
    checked_printed_expiry: Mapped[date | None] = mapped_column(Date)
    details_recorded: Mapped[bool] = mapped_column(Boolean, server_default="0")

    __table_args__ = ({"sqlite_autoincrement": True},)


class EvidenceRecord(Base):
    """A file attached to a check: kept in the evidence folder under its SHA-256."""

    __tablename__ = "evidence_files"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    check_id: Mapped[int] = mapped_column(
        ForeignKey("certification_checks.id", ondelete="CASCADE"), index=True
    )
    filename: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(50))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64), index=True)


class PreferenceRecord(Base):
    """One setting shared by the window and the command line (e.g. the consultant's name)."""

    __tablename__ = "preferences"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class ProfileExportRecord(Base):
    """One profile sent out: whose, when, by whom, with which options, and the file's SHA-256."""

    __tablename__ = "profile_exports"
    __table_args__ = (Index("ix_profile_exports_candidate_when", "candidate_id", "exported_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidates.id", ondelete="CASCADE"))
    exported_at: Mapped[datetime] = mapped_column(DateTime)
    exported_by: Mapped[str] = mapped_column(String(200), default="")
    # blind, initials, show_salary, show_lapsed, page_size, generated_on: what the client saw.
    options: Mapped[dict[str, object]] = mapped_column(JSON)
    # Of the file the profile went into: for a combined export, the combined file's.
    sha256: Mapped[str] = mapped_column(String(64))
    reference: Mapped[str] = mapped_column(String(40))
    file_name: Mapped[str] = mapped_column(String(300))
    combined: Mapped[bool] = mapped_column(Boolean, default=False)


class StageRecord(Base):
    """One pipeline stage; consultants rename, add and reorder them in Settings."""

    __tablename__ = "stages"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)
    position: Mapped[int] = mapped_column(Integer)
    role: Mapped[str | None] = mapped_column(String(20), unique=True)
    closed: Mapped[bool] = mapped_column(Boolean, default=False)

    __table_args__ = ({"sqlite_autoincrement": True},)


class StageMoveRecord(Base):
    """One move through the pipeline; append-only (a trigger refuses updates)."""

    __tablename__ = "stage_moves"
    __table_args__ = (Index("ix_stage_moves_candidate_when", "candidate_id", "moved_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidates.id", ondelete="CASCADE"))
    from_stage_id: Mapped[int | None] = mapped_column(Integer)
    to_stage_id: Mapped[int] = mapped_column(Integer)
    # Names as they were: a stage renamed later must not rewrite the timeline.
    from_name: Mapped[str] = mapped_column(String(60), default="")
    to_name: Mapped[str] = mapped_column(String(60))
    moved_at: Mapped[datetime] = mapped_column(DateTime)
    moved_by: Mapped[str] = mapped_column(String(200), default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    override_reason: Mapped[str] = mapped_column(Text, default="")
    missing: Mapped[list[str]] = mapped_column(JSON, default=list)


class ScorecardRecord(Base):
    """A candidate's vetting scorecard: one per candidate, edited in place, audited."""

    __tablename__ = "scorecards"

    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidates.id", ondelete="CASCADE"), primary_key=True
    )
    # {criterion: {"score": 1-5 or null, "comment": text}}
    ratings: Mapped[dict[str, dict[str, object]]] = mapped_column(JSON, default=dict)
    methodologies: Mapped[list[str]] = mapped_column(JSON, default=list)
    tools: Mapped[list[str]] = mapped_column(JSON, default=list)
    average: Mapped[float | None] = mapped_column(Float)
    complete: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    updated_by: Mapped[str] = mapped_column(String(200), default="")
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class InterviewNoteRecord(Base):
    """A dated note from an interview."""

    __tablename__ = "interview_notes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidates.id", ondelete="CASCADE"), index=True
    )
    held_on: Mapped[date] = mapped_column(Date)
    interviewer: Mapped[str] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text)
    recorded_at: Mapped[datetime] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class ReferenceCheckRecord(Base):
    """A reference taken from someone who worked with the candidate."""

    __tablename__ = "reference_checks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidates.id", ondelete="CASCADE"), index=True
    )
    referee: Mapped[str] = mapped_column(String(200))
    relationship: Mapped[str] = mapped_column(String(200), default="")
    company: Mapped[str] = mapped_column(String(200), default="")
    contact: Mapped[str] = mapped_column(String(200), default="")
    checked_on: Mapped[date] = mapped_column(Date)
    outcome: Mapped[str] = mapped_column(String(20))
    notes: Mapped[str] = mapped_column(Text, default="")
    checked_by: Mapped[str] = mapped_column(String(200), default="")
    recorded_at: Mapped[datetime] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class HistoryRecord(Base):
    """One entry of the audit trail; triggers refuse updates, and deletes but for a purge.

    No foreign key to candidates on purpose: the trail outlives a candidate's rows, and a
    purge leaves one anonymous stub behind.
    """

    __tablename__ = "history"
    __table_args__ = (
        Index("ix_history_candidate_id", "candidate_id", "id"),
        # A candidate's last activity (the retention review) is one step back from the
        # end of their entries, read from the index alone (action too: deletions skip).
        Index("ix_history_candidate_at", "candidate_id", "at", "action"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    by: Mapped[str] = mapped_column(String(200), default="")
    candidate_id: Mapped[int | None] = mapped_column(Integer)
    entity: Mapped[str] = mapped_column(String(20))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(20))
    field: Mapped[str] = mapped_column(String(60), default="")
    old_value: Mapped[str] = mapped_column(Text, default="")
    new_value: Mapped[str] = mapped_column(Text, default="")
    detail: Mapped[str] = mapped_column(Text, default="")


class PurgedCandidateRecord(Base):
    """A candidate whose personal data was purged: the one case history rows may go."""

    __tablename__ = "purged_candidates"

    candidate_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    purged_at: Mapped[datetime] = mapped_column(DateTime)


# Registered with the same metadata whenever the schema is imported (Alembic, tests).
from workbench.store import client_models as _client_models  # noqa: E402, F401
from workbench.store import privacy_models as _privacy_models  # noqa: E402, F401
