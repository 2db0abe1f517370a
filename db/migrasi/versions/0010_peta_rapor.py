"""stage 1 on Rapor Pendidikan: siklus.rapor_edisi, the edition stage 1 closed on

Revision ID: 0010_peta_rapor
Revises: 0009_privasi
Create Date: 2026-12-05 22:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010_peta_rapor"
down_revision: str | None = "0009_privasi"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Null for cycles closed before (their map had no Rapor Pendidikan part and keeps none).
    with op.batch_alter_table("siklus", schema=None) as batch_op:
        batch_op.add_column(sa.Column("rapor_edisi", sa.String(length=40), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("siklus", schema=None) as batch_op:
        batch_op.drop_column("rapor_edisi")
