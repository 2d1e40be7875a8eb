"""Saved scenarios: save (a new revision, in one transaction), list, get, delete."""

from __future__ import annotations

from datetime import UTC, datetime

from pydantic import BaseModel
from sqlalchemy import Engine, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from foederis.store.models import RevisionRow, ScenarioRow


class RevisionOut(BaseModel):
    number: int
    message: str
    author: str
    created_at: datetime
    chars: int


class SavedScenario(BaseModel):
    name: str
    text: str
    revision: int
    created_at: datetime
    updated_at: datetime
    changelog: list[RevisionOut]


class ScenarioSummary(BaseModel):
    name: str
    revision: int
    updated_at: datetime


class NotFound(LookupError):
    """No saved scenario by that name."""


def _now() -> datetime:
    return datetime.now(UTC)


class ScenarioRepository:
    """All reads and writes of saved scenarios; every write is one transaction."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def save(self, name: str, text: str, message: str = "", author: str = "") -> SavedScenario:
        """Add a revision (creating the scenario if new). All or nothing: commit, or no change."""
        try:
            number = self._save(name, text, message, author)
        except IntegrityError:  # another writer created the same new name first: add to it
            number = self._save(name, text, message, author)
        # `revision` and `text` are the ones this call saved, even if another save followed it
        return self.get(name).model_copy(update={"revision": number, "text": text})

    def _save(self, name: str, text: str, message: str, author: str) -> int:
        with Session(self.engine) as s, s.begin():
            row = s.scalar(select(ScenarioRow).where(ScenarioRow.name == name).with_for_update())
            now = _now()
            if row is None:
                row = ScenarioRow(name=name, created_at=now, updated_at=now)
                s.add(row)
                s.flush()
                number = 1
            else:
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
                select(ScenarioRow.name, func.max(RevisionRow.number), ScenarioRow.updated_at)
                .join(RevisionRow)
                .group_by(ScenarioRow.id, ScenarioRow.name, ScenarioRow.updated_at)
                .order_by(ScenarioRow.name)
            ).all()
            return [ScenarioSummary(name=n, revision=r, updated_at=u) for n, r, u in rows]

    def delete(self, name: str) -> None:
        with Session(self.engine) as s, s.begin():
            row = s.scalar(select(ScenarioRow).where(ScenarioRow.name == name))
            if row is None:
                raise NotFound(name)
            s.delete(row)
