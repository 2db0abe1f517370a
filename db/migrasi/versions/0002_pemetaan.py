"""pemetaan: instrumen, jawaban, lewatan, posisi, bukti

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 22:45:10.249388
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "instrumen",
        sa.Column("versi", sa.String(length=40), nullable=False),
        sa.Column("isi", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("didaftarkan_pada", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("versi", name=op.f("pk_instrumen")),
    )
    op.create_table(
        "bukti",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sekolah_id", sa.Integer(), nullable=False),
        sa.Column("siklus_id", sa.Integer(), nullable=False),
        sa.Column("pengguna_id", sa.BigInteger(), nullable=False),
        sa.Column("sumber", sa.String(length=40), nullable=False),
        sa.Column("file_id", sa.String(length=200), nullable=False),
        sa.Column("file_unique_id", sa.String(length=100), nullable=False),
        sa.Column("nama_file", sa.String(length=200), nullable=True),
        sa.Column("mime", sa.String(length=100), nullable=False),
        sa.Column("ukuran", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("path", sa.String(length=400), nullable=False),
        sa.Column("dibuat_pada", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["pengguna_id"], ["pengguna.id"], name=op.f("fk_bukti_pengguna_id_pengguna")
        ),
        sa.ForeignKeyConstraint(
            ["sekolah_id"], ["sekolah.id"], name=op.f("fk_bukti_sekolah_id_sekolah")
        ),
        sa.ForeignKeyConstraint(
            ["siklus_id"], ["siklus.id"], name=op.f("fk_bukti_siklus_id_siklus")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bukti")),
    )
    with op.batch_alter_table("bukti", schema=None) as batch_op:
        batch_op.create_index("ix_bukti_siklus", ["siklus_id"], unique=False)

    op.create_table(
        "jawaban",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("siklus_id", sa.Integer(), nullable=False),
        sa.Column("pengguna_id", sa.BigInteger(), nullable=False),
        sa.Column("responden", sa.String(length=20), nullable=False),
        sa.Column("pertanyaan_kode", sa.String(length=20), nullable=False),
        sa.Column("nilai", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=12), server_default=sa.text("'sah'"), nullable=False),
        sa.Column("komentar", sa.Text(), nullable=True),
        sa.Column("dijawab_pada", sa.DateTime(), nullable=False),
        sa.Column("diperbarui_pada", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["pengguna_id"], ["pengguna.id"], name=op.f("fk_jawaban_pengguna_id_pengguna")
        ),
        sa.ForeignKeyConstraint(
            ["siklus_id"], ["siklus.id"], name=op.f("fk_jawaban_siklus_id_siklus")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_jawaban")),
        sa.UniqueConstraint("siklus_id", "pengguna_id", "pertanyaan_kode", name="uq_jawaban_satu"),
    )
    op.create_table(
        "lewatan",
        sa.Column("siklus_id", sa.Integer(), nullable=False),
        sa.Column("pengguna_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("pertanyaan_kode", sa.String(length=20), nullable=False),
        sa.Column("waktu", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["siklus_id"], ["siklus.id"], name=op.f("fk_lewatan_siklus_id_siklus")
        ),
        sa.PrimaryKeyConstraint(
            "siklus_id", "pengguna_id", "pertanyaan_kode", name=op.f("pk_lewatan")
        ),
    )
    op.create_table(
        "posisi_kuesioner",
        sa.Column("siklus_id", sa.Integer(), nullable=False),
        sa.Column("pengguna_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("pertanyaan_kode", sa.String(length=20), nullable=False),
        sa.Column("diperbarui_pada", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["siklus_id"], ["siklus.id"], name=op.f("fk_posisi_kuesioner_siklus_id_siklus")
        ),
        sa.PrimaryKeyConstraint("siklus_id", "pengguna_id", name=op.f("pk_posisi_kuesioner")),
    )
    with op.batch_alter_table("siklus", schema=None) as batch_op:
        batch_op.add_column(sa.Column("pemetaan_dibuka_pada", sa.DateTime(), nullable=True))


def downgrade() -> None:

    with op.batch_alter_table("siklus", schema=None) as batch_op:
        batch_op.drop_column("pemetaan_dibuka_pada")

    op.drop_table("posisi_kuesioner")
    op.drop_table("lewatan")
    op.drop_table("jawaban")
    with op.batch_alter_table("bukti", schema=None) as batch_op:
        batch_op.drop_index("ix_bukti_siklus")

    op.drop_table("bukti")
    op.drop_table("instrumen")
