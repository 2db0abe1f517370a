"""privasi: a name the user chose is kept over Telegram's

Revision ID: 0009_privasi
Revises: 0009_bukti_relatif
Create Date: 2026-12-05 16:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009_privasi"
down_revision: str | None = "0009_bukti_relatif"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("pengguna") as batch:
        batch.add_column(
            sa.Column("nama_dipilih", sa.Boolean(), server_default=sa.false(), nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("pengguna") as batch:
        batch.drop_column("nama_dipilih")
