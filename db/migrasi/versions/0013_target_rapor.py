"""target_rapor: the next cycle's target per Rapor Pendidikan indicator, set in stage 5

A new table only; no existing data is read or changed.

Revision ID: 0013_target_rapor
Revises: 0012_ia2024
Create Date: 2026-12-06 02:55:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013_target_rapor"
down_revision: str | None = "0012_ia2024"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "target_rapor",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("siklus_id", sa.Integer(), nullable=False),
        sa.Column("kode", sa.String(length=20), nullable=False),
        sa.Column("label", sa.String(length=16), nullable=False),
        sa.Column("nilai_minimum", sa.Float(), nullable=True),
        sa.Column("edisi", sa.String(length=60), nullable=False),
        sa.Column("siklus_tujuan_id", sa.Integer(), nullable=True),
        sa.Column("ditetapkan_oleh", sa.BigInteger(), nullable=True),
        sa.Column("ditetapkan_pada", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "label IN ('baik','sedang','kurang')", name=op.f("ck_target_rapor_label")
        ),
        sa.ForeignKeyConstraint(
            ["ditetapkan_oleh"],
            ["pengguna.id"],
            name=op.f("fk_target_rapor_ditetapkan_oleh_pengguna"),
        ),
        sa.ForeignKeyConstraint(
            ["siklus_id"], ["siklus.id"], name=op.f("fk_target_rapor_siklus_id_siklus")
        ),
        sa.ForeignKeyConstraint(
            ["siklus_tujuan_id"],
            ["siklus.id"],
            name=op.f("fk_target_rapor_siklus_tujuan_id_siklus"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_target_rapor")),
        sa.UniqueConstraint("siklus_id", "kode", name="uq_target_rapor"),
    )
    with op.batch_alter_table("target_rapor", schema=None) as batch_op:
        batch_op.create_index("ix_target_rapor_tujuan", ["siklus_tujuan_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("target_rapor", schema=None) as batch_op:
        batch_op.drop_index("ix_target_rapor_tujuan")
    op.drop_table("target_rapor")
