"""Saved scenarios: save (a new revision, in one transaction), list, get, delete."""

from __future__ import annotations

from datetime import UTC, datetime

from pydantic import BaseModel
from sqlalchemy import Engine, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from foederis.questions.inputs import check_text
from foederis.store.models import RevisionRow, ScenarioRow

#: Revisions one scenario may hold; a save beyond it is refused (delete the scenario or save
#: under a new name). 200 revisions of the 200,000-character maximum are 40 MB.
MAX_REVISIONS = 200


class RevisionOut(BaseModel):
    number: int
    message: str
    author: str
    created_at: datetime
    chars: int


class SavedScenario(BaseModel):
    name: str
    owner: str | None = None
    text: str
    revision: int
    created_at: datetime
    updated_at: datetime
    changelog: list[RevisionOut]


class ScenarioSummary(BaseModel):
    name: str
    owner: str | None = None
    revision: int
    updated_at: datetime


class NotFound(LookupError):
    """No saved scenario by that name."""


class NotOwner(PermissionError):
    """The scenario belongs to another token name (only its owner or an admin may change it)."""

    def __init__(self, name: str, owner: str | None) -> None:
        self.name = name
        self.owner = owner
        super().__init__(f"{name!r} belongs to {owner or 'the operator'}")


class RevisionLimit(Exception):
    """The scenario already holds MAX_REVISIONS revisions."""


def _now() -> datetime:
    return datetime.now(UTC)


def _aware(value: datetime) -> datetime:
    """A column read outside the ORM (SQLite gives no zone): as UTC."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


class ScenarioRepository:
    """All reads and writes of saved scenarios; every write is one transaction."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def save(
        self, name: str, text: str, message: str = "", author: str = "", *, admin: bool = True
    ) -> SavedScenario:
        """Add a revision (creating the scenario if new, owned by `author`). All or nothing.

        Unless `admin`, NotOwner if the scenario belongs to another author; RevisionLimit if it
        already holds MAX_REVISIONS. Text with NUL or lone surrogates is refused on every database."""
        check_text(text, "text", 10_000_000)
        check_text(message, "message", 500)
        try:
            number = self._save(name, text, message, author, admin)
        except IntegrityError:  # another writer created the same new name first: add to it
            number = self._save(name, text, message, author, admin)
        # `revision` and `text` are the ones this call saved, even if another save followed it
        return self.get(name).model_copy(update={"revision": number, "text": text})

    def _save(self, name: str, text: str, message: str, author: str, admin: bool) -> int:
        with Session(self.engine) as s, s.begin():
            row = s.scalar(select(ScenarioRow).where(ScenarioRow.name == name).with_for_update())
            now = _now()
            if row is None:
                row = ScenarioRow(name=name, owner=author, created_at=now, updated_at=now)
                s.add(row)
                s.flush()
                number = 1
            else:
                if not admin and row.owner != author:
                    raise NotOwner(name, row.owner)
                count = s.scalar(select(func.count()).where(RevisionRow.scenario_id == row.id)) or 0
                if count >= MAX_REVISIONS:
                    raise RevisionLimit(name)
                last = s.scalar(select(func.max(RevisionRow.number)).where(RevisionRow.scenario_id == row.id))
                number = (last or 0) + 1
                row.updated_at = now
            s.add(
                RevisionRow(
                    scenario_id=row.id,
                    number=number,
                    text=text,
                    message=message,
                    author=author,
                    created_at=now,
                )
            )
        return number

    def get(self, name: str) -> SavedScenario:
        with Session(self.engine) as s:
            row = s.scalar(
                select(ScenarioRow)
                .where(ScenarioRow.name == name)
                .options(selectinload(ScenarioRow.revisions))
            )
            if row is None or not row.revisions:
                raise NotFound(name)
            last = row.revisions[-1]
            return SavedScenario(
                name=row.name,
                owner=row.owner,
                text=last.text,
                revision=last.number,
                created_at=row.created_at,
                updated_at=row.updated_at,
                changelog=[
                    RevisionOut(
                        number=r.number,
                        message=r.message,
                        author=r.author,
                        created_at=r.created_at,
                        chars=len(r.text),
                    )
                    for r in reversed(row.revisions)
                ],
            )

    def revision_text(self, name: str, number: int) -> str:
        with Session(self.engine) as s:
            text = s.scalar(
                select(RevisionRow.text)
                .join(ScenarioRow)
                .where(ScenarioRow.name == name, RevisionRow.number == number)
            )
            if text is None:
                raise NotFound(f"{name} revision {number}")
            return text

    def list(self) -> list[ScenarioSummary]:
        with Session(self.engine) as s:
            rows = s.execute(
                select(
                    ScenarioRow.name, ScenarioRow.owner, func.max(RevisionRow.number), ScenarioRow.updated_at
                )
                .join(RevisionRow)
                .group_by(ScenarioRow.id, ScenarioRow.name, ScenarioRow.owner, ScenarioRow.updated_at)
                .order_by(ScenarioRow.name)
            ).all()
            return [ScenarioSummary(name=n, owner=o, revision=r, updated_at=_aware(u)) for n, o, r, u in rows]

    def delete(self, name: str, author: str | None = None, *, admin: bool = True) -> None:
        """Delete a scenario and its change log; NotOwner unless `admin` or `author` owns it."""
        with Session(self.engine) as s, s.begin():
            row = s.scalar(select(ScenarioRow).where(ScenarioRow.name == name))
            if row is None:
                raise NotFound(name)
            if not admin and row.owner != author:
                raise NotOwner(name, row.owner)
            s.delete(row)
