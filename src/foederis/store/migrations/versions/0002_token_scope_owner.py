"""Token scope, expiry and revocation; scenario owners (backfilled from the first revision's author).

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("api_tokens") as batch:
        batch.add_column(sa.Column("scope", sa.String(20), nullable=False, server_default="write"))
        batch.add_column(sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table("scenarios") as batch:
        batch.add_column(sa.Column("owner", sa.String(200), nullable=True))
    op.execute(
        "UPDATE scenarios SET owner = (SELECT r.author FROM scenario_revisions r "
        "WHERE r.scenario_id = scenarios.id ORDER BY r.number LIMIT 1)"
    )


def downgrade() -> None:
    with op.batch_alter_table("scenarios") as batch:
        batch.drop_column("owner")
    with op.batch_alter_table("api_tokens") as batch:
        batch.drop_column("revoked_at")
        batch.drop_column("expires_at")
        batch.drop_column("scope")
