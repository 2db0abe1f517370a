"""keluar: a member removed by the kepala_sekolah stays out until re-admitted

Revision ID: 0009_keluar
Revises: 0009_rapor
Create Date: 2026-12-05 16:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009_keluar"
down_revision: str | None = "0009_rapor"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("keanggotaan", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("dikeluarkan", sa.Boolean(), server_default=sa.false(), nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("keanggotaan", schema=None) as batch_op:
        batch_op.drop_column("dikeluarkan")
