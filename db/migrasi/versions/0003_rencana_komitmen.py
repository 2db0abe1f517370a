"""perencanaan dan pelaksanaan: rencana, masalah, program, kegiatan, komitmen, laporan

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 23:22:34.912146
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "komitmen",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("siklus_id", sa.Integer(), nullable=False),
        sa.Column("kegiatan_kunci", sa.String(length=36), nullable=False),
        sa.Column("pengguna_id", sa.BigInteger(), nullable=False),
        sa.Column("indikator_kode", sa.String(length=10), nullable=False),
        sa.Column(
            "respons", sa.String(length=15), server_default=sa.text("'menunggu'"), nullable=False
        ),
        sa.Column("alasan", sa.Text(), nullable=True),
        sa.Column("direspons_pada", sa.DateTime(), nullable=True),
        sa.Column(
            "kemajuan",
            sa.String(length=12),
            server_default=sa.text("'belum_mulai'"),
            nullable=False,
        ),
        sa.Column("persen", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("verifikasi", sa.String(length=12), nullable=True),
        sa.Column("komentar_verifikasi", sa.Text(), nullable=True),
        sa.Column("dibuat_pada", sa.DateTime(), nullable=False),
        sa.Column("aktif", sa.Boolean(), server_default=sa.true(), nullable=False),
        sa.ForeignKeyConstraint(
            ["pengguna_id"], ["pengguna.id"], name=op.f("fk_komitmen_pengguna_id_pengguna")
        ),
        sa.ForeignKeyConstraint(
            ["siklus_id"], ["siklus.id"], name=op.f("fk_komitmen_siklus_id_siklus")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_komitmen")),
        sa.UniqueConstraint("siklus_id", "kegiatan_kunci", name="uq_komitmen_kegiatan"),
    )
    with op.batch_alter_table("komitmen", schema=None) as batch_op:
        batch_op.create_index("ix_komitmen_pengguna", ["pengguna_id", "aktif"], unique=False)

    op.create_table(
        "rencana",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("siklus_id", sa.Integer(), nullable=False),
        sa.Column("versi", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=10), server_default=sa.text("'draf'"), nullable=False),
        sa.Column("dibuat_pada", sa.DateTime(), nullable=False),
        sa.Column("disetujui_oleh", sa.BigInteger(), nullable=True),
        sa.Column("disetujui_pada", sa.DateTime(), nullable=True),
        sa.Column("ditinjau_oleh", sa.BigInteger(), nullable=True),
        sa.Column("ditinjau_pada", sa.DateTime(), nullable=True),
        sa.Column("komentar_tinjauan", sa.Text(), nullable=True),
        sa.CheckConstraint("status IN ('draf','disetujui')", name=op.f("ck_rencana_status")),
        sa.ForeignKeyConstraint(
            ["disetujui_oleh"], ["pengguna.id"], name=op.f("fk_rencana_disetujui_oleh_pengguna")
        ),
        sa.ForeignKeyConstraint(
            ["ditinjau_oleh"], ["pengguna.id"], name=op.f("fk_rencana_ditinjau_oleh_pengguna")
        ),
        sa.ForeignKeyConstraint(
            ["siklus_id"], ["siklus.id"], name=op.f("fk_rencana_siklus_id_siklus")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rencana")),
        sa.UniqueConstraint("siklus_id", "versi", name="uq_rencana_versi"),
    )
    op.create_table(
        "laporan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("komitmen_id", sa.Integer(), nullable=False),
        sa.Column("pengguna_id", sa.BigInteger(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("persen", sa.Integer(), nullable=False),
        sa.Column("catatan", sa.Text(), nullable=True),
        sa.Column("bukti_id", sa.Integer(), nullable=True),
        sa.Column("dibuat_pada", sa.DateTime(), nullable=False),
        sa.CheckConstraint("persen BETWEEN 0 AND 100", name=op.f("ck_laporan_persen")),
        sa.ForeignKeyConstraint(["bukti_id"], ["bukti.id"], name=op.f("fk_laporan_bukti_id_bukti")),
        sa.ForeignKeyConstraint(
            ["komitmen_id"], ["komitmen.id"], name=op.f("fk_laporan_komitmen_id_komitmen")
        ),
        sa.ForeignKeyConstraint(
            ["pengguna_id"], ["pengguna.id"], name=op.f("fk_laporan_pengguna_id_pengguna")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_laporan")),
    )
    with op.batch_alter_table("laporan", schema=None) as batch_op:
        batch_op.create_index("ix_laporan_komitmen", ["komitmen_id"], unique=False)

    op.create_table(
        "masalah",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("rencana_id", sa.Integer(), nullable=False),
        sa.Column("indikator_kode", sa.String(length=10), nullable=False),
        sa.Column("skor_awal", sa.Float(), nullable=True),
        sa.Column("akar_kategori", sa.String(length=20), nullable=False),
        sa.Column("akar_penjelasan", sa.Text(), nullable=False),
        sa.Column("urutan", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["rencana_id"],
            ["rencana.id"],
            name=op.f("fk_masalah_rencana_id_rencana"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_masalah")),
        sa.UniqueConstraint("rencana_id", "indikator_kode", name="uq_masalah_indikator"),
    )
    op.create_table(
        "program",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("masalah_id", sa.Integer(), nullable=False),
        sa.Column("nama", sa.String(length=300), nullable=False),
        sa.Column("urutan", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["masalah_id"],
            ["masalah.id"],
            name=op.f("fk_program_masalah_id_masalah"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_program")),
    )
    op.create_table(
        "kegiatan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("program_id", sa.Integer(), nullable=False),
        sa.Column("kunci", sa.String(length=36), nullable=False),
        sa.Column("deskripsi", sa.Text(), nullable=False),
        sa.Column("pic_id", sa.BigInteger(), nullable=False),
        sa.Column("mulai", sa.Date(), nullable=False),
        sa.Column("selesai", sa.Date(), nullable=False),
        sa.Column("anggaran", sa.BigInteger(), nullable=False),
        sa.Column("indikator_keberhasilan", sa.Text(), nullable=False),
        sa.Column("target_skor", sa.Float(), nullable=False),
        sa.Column("urutan", sa.Integer(), nullable=False),
        sa.CheckConstraint("anggaran >= 0", name=op.f("ck_kegiatan_anggaran")),
        sa.CheckConstraint("selesai >= mulai", name=op.f("ck_kegiatan_tanggal")),
        sa.ForeignKeyConstraint(
            ["pic_id"], ["pengguna.id"], name=op.f("fk_kegiatan_pic_id_pengguna")
        ),
        sa.ForeignKeyConstraint(
            ["program_id"],
            ["program.id"],
            name=op.f("fk_kegiatan_program_id_program"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kegiatan")),
    )


def downgrade() -> None:

    op.drop_table("kegiatan")
    op.drop_table("program")
    op.drop_table("masalah")
    with op.batch_alter_table("laporan", schema=None) as batch_op:
        batch_op.drop_index("ix_laporan_komitmen")

    op.drop_table("laporan")
    op.drop_table("rencana")
    with op.batch_alter_table("komitmen", schema=None) as batch_op:
        batch_op.drop_index("ix_komitmen_pengguna")

    op.drop_table("komitmen")
