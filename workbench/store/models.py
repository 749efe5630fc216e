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
    source: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime)
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
