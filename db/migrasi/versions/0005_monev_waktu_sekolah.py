"""monev and school time: evaluasi_program, libur, school hours, cuti

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 23:54:49.836289
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "libur",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sekolah_id", sa.Integer(), nullable=False),
        sa.Column("mulai", sa.Date(), nullable=False),
        sa.Column("selesai", sa.Date(), nullable=False),
        sa.Column("keterangan", sa.String(length=100), nullable=False),
        sa.CheckConstraint("selesai >= mulai", name=op.f("ck_libur_rentang")),
        sa.ForeignKeyConstraint(
            ["sekolah_id"], ["sekolah.id"], name=op.f("fk_libur_sekolah_id_sekolah")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_libur")),
    )
    with op.batch_alter_table("libur", schema=None) as batch_op:
        batch_op.create_index("ix_libur_sekolah", ["sekolah_id"], unique=False)

    op.create_table(
        "evaluasi_program",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("siklus_id", sa.Integer(), nullable=False),
        sa.Column("indikator_kode", sa.String(length=10), nullable=False),
        sa.Column("program_urutan", sa.Integer(), nullable=False),
        sa.Column("program_nama", sa.String(length=300), nullable=False),
        sa.Column("target_tercapai", sa.String(length=10), nullable=False),
        sa.Column("capaian", sa.Text(), nullable=False),
        sa.Column("alasan", sa.Text(), nullable=False),
        sa.Column("tindak_lanjut", sa.String(length=10), nullable=False),
        sa.Column("dinilai_oleh", sa.BigInteger(), nullable=False),
        sa.Column("dinilai_pada", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "target_tercapai IN ('ya','sebagian','tidak')",
            name=op.f("ck_evaluasi_program_tercapai"),
        ),
        sa.CheckConstraint(
            "tindak_lanjut IN ('lanjutkan','ubah','hentikan')",
            name=op.f("ck_evaluasi_program_tindak_lanjut"),
        ),
        sa.ForeignKeyConstraint(
            ["dinilai_oleh"],
            ["pengguna.id"],
            name=op.f("fk_evaluasi_program_dinilai_oleh_pengguna"),
        ),
        sa.ForeignKeyConstraint(
            ["siklus_id"], ["siklus.id"], name=op.f("fk_evaluasi_program_siklus_id_siklus")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evaluasi_program")),
        sa.UniqueConstraint(
            "siklus_id", "indikator_kode", "program_urutan", name="uq_evaluasi_program"
        ),
    )
    with op.batch_alter_table("pengguna", schema=None) as batch_op:
        batch_op.add_column(sa.Column("cuti_sampai", sa.Date(), nullable=True))

    with op.batch_alter_table("sekolah", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "hari_sekolah",
                sa.String(length=20),
                server_default=sa.text("'0,1,2,3,4,5'"),
                nullable=False,
            )
        )
        batch_op.add_column(
            sa.Column(
                "jam_mulai", sa.String(length=5), server_default=sa.text("'07:00'"), nullable=False
            )
        )
        batch_op.add_column(
            sa.Column(
                "jam_selesai",
                sa.String(length=5),
                server_default=sa.text("'15:00'"),
                nullable=False,
            )
        )
        batch_op.add_column(
            sa.Column(
                "jam_tenang_mulai",
                sa.String(length=5),
                server_default=sa.text("'21:00'"),
                nullable=False,
            )
        )
        batch_op.add_column(
            sa.Column(
                "jam_tenang_selesai",
                sa.String(length=5),
                server_default=sa.text("'06:00'"),
                nullable=False,
            )
        )


def downgrade() -> None:

    with op.batch_alter_table("sekolah", schema=None) as batch_op:
        batch_op.drop_column("jam_tenang_selesai")
        batch_op.drop_column("jam_tenang_mulai")
        batch_op.drop_column("jam_selesai")
        batch_op.drop_column("jam_mulai")
        batch_op.drop_column("hari_sekolah")

    with op.batch_alter_table("pengguna", schema=None) as batch_op:
        batch_op.drop_column("cuti_sampai")

    op.drop_table("evaluasi_program")
    with op.batch_alter_table("libur", schema=None) as batch_op:
        batch_op.drop_index("ix_libur_sekolah")

    op.drop_table("libur")
