"""akreditasi: SPME readiness (instrument choice, butir levels, evidence links, document
checklist, visit practice)

Revision ID: 0008
Revises: 0005
Create Date: 2026-11-24 01:06:01.749050
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "akreditasi_butir",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sekolah_id", sa.Integer(), nullable=False),
        sa.Column("instrumen", sa.String(length=20), nullable=False),
        sa.Column("butir", sa.String(length=20), nullable=False),
        sa.Column("level", sa.Integer(), nullable=True),
        sa.Column("kurang", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("diperbarui_oleh", sa.BigInteger(), nullable=False),
        sa.Column("diperbarui_pada", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "level IS NULL OR level BETWEEN 1 AND 4", name=op.f("ck_akreditasi_butir_level")
        ),
        sa.ForeignKeyConstraint(
            ["diperbarui_oleh"],
            ["pengguna.id"],
            name=op.f("fk_akreditasi_butir_diperbarui_oleh_pengguna"),
        ),
        sa.ForeignKeyConstraint(
            ["sekolah_id"], ["sekolah.id"], name=op.f("fk_akreditasi_butir_sekolah_id_sekolah")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_akreditasi_butir")),
        sa.UniqueConstraint("sekolah_id", "instrumen", "butir", name="uq_akreditasi_butir"),
    )
    op.create_table(
        "akreditasi_latihan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sekolah_id", sa.Integer(), nullable=False),
        sa.Column("instrumen", sa.String(length=20), nullable=False),
        sa.Column("jenis", sa.String(length=12), nullable=False),
        sa.Column("kode", sa.String(length=20), nullable=False),
        sa.Column("pengguna_id", sa.BigInteger(), nullable=False),
        sa.Column("nilai", sa.Text(), nullable=False),
        sa.Column("dijawab_pada", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "jenis IN ('wawancara','observasi')", name=op.f("ck_akreditasi_latihan_jenis")
        ),
        sa.ForeignKeyConstraint(
            ["pengguna_id"],
            ["pengguna.id"],
            name=op.f("fk_akreditasi_latihan_pengguna_id_pengguna"),
        ),
        sa.ForeignKeyConstraint(
            ["sekolah_id"], ["sekolah.id"], name=op.f("fk_akreditasi_latihan_sekolah_id_sekolah")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_akreditasi_latihan")),
        sa.UniqueConstraint(
            "sekolah_id", "instrumen", "jenis", "kode", "pengguna_id", name="uq_akreditasi_latihan"
        ),
    )
    op.create_table(
        "akreditasi_pilihan",
        sa.Column("sekolah_id", sa.Integer(), nullable=False),
        sa.Column("instrumen", sa.String(length=20), nullable=False),
        sa.Column("dipilih_oleh", sa.BigInteger(), nullable=False),
        sa.Column("dipilih_pada", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["dipilih_oleh"],
            ["pengguna.id"],
            name=op.f("fk_akreditasi_pilihan_dipilih_oleh_pengguna"),
        ),
        sa.ForeignKeyConstraint(
            ["sekolah_id"], ["sekolah.id"], name=op.f("fk_akreditasi_pilihan_sekolah_id_sekolah")
        ),
        sa.PrimaryKeyConstraint("sekolah_id", name=op.f("pk_akreditasi_pilihan")),
    )
    op.create_table(
        "akreditasi_dokumen",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sekolah_id", sa.Integer(), nullable=False),
        sa.Column("instrumen", sa.String(length=20), nullable=False),
        sa.Column("dokumen", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("bukti_id", sa.Integer(), nullable=True),
        sa.Column("tautan", sa.String(length=400), nullable=True),
        sa.Column("diperbarui_oleh", sa.BigInteger(), nullable=False),
        sa.Column("diperbarui_pada", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "status IN ('ada','belum','tidak_sesuai')", name=op.f("ck_akreditasi_dokumen_status")
        ),
        sa.ForeignKeyConstraint(
            ["bukti_id"], ["bukti.id"], name=op.f("fk_akreditasi_dokumen_bukti_id_bukti")
        ),
        sa.ForeignKeyConstraint(
            ["diperbarui_oleh"],
            ["pengguna.id"],
            name=op.f("fk_akreditasi_dokumen_diperbarui_oleh_pengguna"),
        ),
        sa.ForeignKeyConstraint(
            ["sekolah_id"], ["sekolah.id"], name=op.f("fk_akreditasi_dokumen_sekolah_id_sekolah")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_akreditasi_dokumen")),
        sa.UniqueConstraint("sekolah_id", "instrumen", "dokumen", name="uq_akreditasi_dokumen"),
    )
    op.create_table(
        "akreditasi_tautan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sekolah_id", sa.Integer(), nullable=False),
        sa.Column("instrumen", sa.String(length=20), nullable=False),
        sa.Column("butir", sa.String(length=20), nullable=False),
        sa.Column("bukti_id", sa.Integer(), nullable=False),
        sa.Column("ditautkan_oleh", sa.BigInteger(), nullable=False),
        sa.Column("ditautkan_pada", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["bukti_id"], ["bukti.id"], name=op.f("fk_akreditasi_tautan_bukti_id_bukti")
        ),
        sa.ForeignKeyConstraint(
            ["ditautkan_oleh"],
            ["pengguna.id"],
            name=op.f("fk_akreditasi_tautan_ditautkan_oleh_pengguna"),
        ),
        sa.ForeignKeyConstraint(
            ["sekolah_id"], ["sekolah.id"], name=op.f("fk_akreditasi_tautan_sekolah_id_sekolah")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_akreditasi_tautan")),
        sa.UniqueConstraint(
            "sekolah_id", "instrumen", "butir", "bukti_id", name="uq_akreditasi_tautan"
        ),
    )


def downgrade() -> None:
    op.drop_table("akreditasi_tautan")
    op.drop_table("akreditasi_dokumen")
    op.drop_table("akreditasi_pilihan")
    op.drop_table("akreditasi_latihan")
    op.drop_table("akreditasi_butir")
