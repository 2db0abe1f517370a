"""pbd: PBD on Rapor Pendidikan in the plan (a problem's official name, label and chosen
root-cause indicator; an activity's "butuh biaya" and ARKAS activity). All new columns are
nullable: plans made before keep their data and read as before.

Revision ID: 0011_pbd
Revises: 0010_peta_rapor
Create Date: 2026-12-05 22:05:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011_pbd"
down_revision: str | None = "0010_peta_rapor"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("masalah") as batch:
        batch.add_column(sa.Column("indikator_nama", sa.String(length=300), nullable=True))
        batch.add_column(sa.Column("capaian_label", sa.String(length=20), nullable=True))
        batch.add_column(sa.Column("akar_kode", sa.String(length=20), nullable=True))
    with op.batch_alter_table("kegiatan") as batch:
        batch.add_column(sa.Column("butuh_biaya", sa.Boolean(), nullable=True))
        batch.add_column(sa.Column("arkas_kode", sa.String(length=20), nullable=True))
        batch.add_column(sa.Column("arkas_nama", sa.String(length=300), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("kegiatan") as batch:
        batch.drop_column("arkas_nama")
        batch.drop_column("arkas_kode")
        batch.drop_column("butuh_biaya")
    with op.batch_alter_table("masalah") as batch:
        batch.drop_column("akar_kode")
        batch.drop_column("capaian_label")
        batch.drop_column("indikator_nama")
