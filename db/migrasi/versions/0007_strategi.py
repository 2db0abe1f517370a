"""strategi: targets per standard and carried-over activities

Revision ID: 0007
Revises: 0005
Create Date: 2026-11-24 01:02:33.201849
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "kegiatan_bawaan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("siklus_asal_id", sa.Integer(), nullable=False),
        sa.Column("kegiatan_kunci", sa.String(length=36), nullable=False),
        sa.Column("dibawa", sa.Boolean(), server_default=sa.true(), nullable=False),
        sa.Column("siklus_tujuan_id", sa.Integer(), nullable=True),
        sa.Column("indikator_kode", sa.String(length=10), nullable=False),
        sa.Column("akar_kategori", sa.String(length=20), nullable=False),
        sa.Column("akar_penjelasan", sa.Text(), nullable=False),
        sa.Column("program_nama", sa.String(length=300), nullable=False),
        sa.Column("deskripsi", sa.Text(), nullable=False),
        sa.Column("pic_id", sa.BigInteger(), nullable=False),
        sa.Column("anggaran", sa.BigInteger(), nullable=False),
        sa.Column("indikator_keberhasilan", sa.Text(), nullable=False),
        sa.Column("target_skor", sa.Float(), nullable=False),
        sa.Column("alasan", sa.String(length=20), nullable=False),
        sa.Column(
            "status", sa.String(length=10), server_default=sa.text("'menunggu'"), nullable=False
        ),
        sa.Column("kegiatan_kunci_baru", sa.String(length=36), nullable=True),
        sa.Column("diputuskan_pada", sa.DateTime(), nullable=True),
        sa.Column("diperbarui_pada", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "status IN ('menunggu','diambil','dilewati')", name=op.f("ck_kegiatan_bawaan_status")
        ),
        sa.ForeignKeyConstraint(
            ["pic_id"], ["pengguna.id"], name=op.f("fk_kegiatan_bawaan_pic_id_pengguna")
        ),
        sa.ForeignKeyConstraint(
            ["siklus_asal_id"], ["siklus.id"], name=op.f("fk_kegiatan_bawaan_siklus_asal_id_siklus")
        ),
        sa.ForeignKeyConstraint(
            ["siklus_tujuan_id"],
            ["siklus.id"],
            name=op.f("fk_kegiatan_bawaan_siklus_tujuan_id_siklus"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kegiatan_bawaan")),
        sa.UniqueConstraint("siklus_asal_id", "kegiatan_kunci", name="uq_kegiatan_bawaan"),
    )
    with op.batch_alter_table("kegiatan_bawaan", schema=None) as batch_op:
        batch_op.create_index(
            "ix_kegiatan_bawaan_tujuan", ["siklus_tujuan_id", "status"], unique=False
        )

    op.create_table(
        "target_standar",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("siklus_id", sa.Integer(), nullable=False),
        sa.Column("standar_kode", sa.String(length=20), nullable=False),
        sa.Column("skor", sa.Float(), nullable=True),
        sa.Column("target", sa.Float(), nullable=False),
        sa.Column("siklus_tujuan_id", sa.Integer(), nullable=True),
        sa.Column("ditetapkan_oleh", sa.BigInteger(), nullable=True),
        sa.Column("ditetapkan_pada", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["ditetapkan_oleh"],
            ["pengguna.id"],
            name=op.f("fk_target_standar_ditetapkan_oleh_pengguna"),
        ),
        sa.ForeignKeyConstraint(
            ["siklus_id"], ["siklus.id"], name=op.f("fk_target_standar_siklus_id_siklus")
        ),
        sa.ForeignKeyConstraint(
            ["siklus_tujuan_id"],
            ["siklus.id"],
            name=op.f("fk_target_standar_siklus_tujuan_id_siklus"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_target_standar")),
        sa.UniqueConstraint("siklus_id", "standar_kode", name="uq_target_standar"),
    )
    with op.batch_alter_table("target_standar", schema=None) as batch_op:
        batch_op.create_index("ix_target_standar_tujuan", ["siklus_tujuan_id"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("target_standar", schema=None) as batch_op:
        batch_op.drop_index("ix_target_standar_tujuan")

    op.drop_table("target_standar")
    with op.batch_alter_table("kegiatan_bawaan", schema=None) as batch_op:
        batch_op.drop_index("ix_kegiatan_bawaan_tujuan")

    op.drop_table("kegiatan_bawaan")
