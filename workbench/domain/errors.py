"""Errors the use cases raise; every one carries a message fit to show a consultant."""

from __future__ import annotations

from collections.abc import Mapping


class WorkbenchError(Exception):
    """Raise when a use case cannot go on; the message is shown to the user as it is."""


class NotFoundError(WorkbenchError):
    """Raise when a record asked for by id or email does not exist."""


class ValidationError(WorkbenchError):
    """Raise when input breaks a rule; `errors` maps each field to what is wrong with it."""

    def __init__(self, errors: Mapping[str, str]) -> None:
        self.errors = dict(errors)
        detail = "; ".join(f"{field}: {message}" for field, message in self.errors.items())
        super().__init__(detail or "invalid input")


class ConflictError(WorkbenchError):
    """Raise when someone else saved the record after it was opened for editing."""


class Interrupted(WorkbenchError):
    """Raise when a read was stopped because its answer is no longer wanted."""


class DuplicateError(WorkbenchError):
    """Raise when a record would duplicate one that is already stored."""


class GateRefused(WorkbenchError):
    """Raise when a move to Vetted (or past it) finds the vetting incomplete."""

    def __init__(self, stage: str, missing: list[str]) -> None:
        self.stage = stage
        self.missing = list(missing)
        super().__init__(f"cannot move to {stage} yet; missing: " + "; ".join(self.missing))
