"""rapor: Rapor Pendidikan imports per school and edition, and the values per indicator

Revision ID: 0009_rapor
Revises: 0009_pekerja
Create Date: 2026-12-05 16:15:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009_rapor"
down_revision: str | None = "0009_pekerja"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "rapor_impor",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sekolah_id", sa.Integer(), nullable=False),
        sa.Column("edisi", sa.String(length=60), nullable=False),
        sa.Column("sumber", sa.String(length=8), nullable=False),
        sa.Column("nama_berkas", sa.String(length=255), nullable=True),
        sa.Column("npsn_berkas", sa.String(length=8), nullable=True),
        sa.Column("katalog_versi", sa.String(length=20), nullable=False),
        sa.Column("diimpor_oleh", sa.BigInteger(), nullable=False),
        sa.Column("diimpor_pada", sa.DateTime(), nullable=False),
        sa.CheckConstraint("sumber IN ('berkas','ketik')", name=op.f("ck_rapor_impor_sumber")),
        sa.ForeignKeyConstraint(
            ["diimpor_oleh"], ["pengguna.id"], name=op.f("fk_rapor_impor_diimpor_oleh_pengguna")
        ),
        sa.ForeignKeyConstraint(
            ["sekolah_id"], ["sekolah.id"], name=op.f("fk_rapor_impor_sekolah_id_sekolah")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rapor_impor")),
        sa.UniqueConstraint("sekolah_id", "edisi", name="uq_rapor_impor"),
    )
    op.create_table(
        "rapor_capaian",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("impor_id", sa.Integer(), nullable=False),
        sa.Column("kode", sa.String(length=20), nullable=False),
        sa.Column("label", sa.String(length=16), nullable=True),
        sa.Column("teks_label", sa.Text(), nullable=True),
        sa.Column("nilai", sa.Float(), nullable=True),
        sa.Column("arah", sa.String(length=8), nullable=True),
        sa.Column("perubahan", sa.Float(), nullable=True),
        sa.Column("peringkat_daerah", sa.Integer(), nullable=True),
        sa.Column("peringkat_nasional", sa.Integer(), nullable=True),
        sa.Column("diperbarui_oleh", sa.BigInteger(), nullable=False),
        sa.Column("diperbarui_pada", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "label IS NULL OR label IN ('baik','sedang','kurang','tidak_tersedia')",
            name=op.f("ck_rapor_capaian_label"),
        ),
        sa.CheckConstraint(
            "arah IS NULL OR arah IN ('naik','turun','tetap')", name=op.f("ck_rapor_capaian_arah")
        ),
        sa.CheckConstraint(
            "nilai IS NULL OR (nilai >= 0 AND nilai <= 100)", name=op.f("ck_rapor_capaian_nilai")
        ),
        sa.CheckConstraint(
            "peringkat_daerah IS NULL OR peringkat_daerah BETWEEN 1 AND 5",
            name=op.f("ck_rapor_capaian_peringkat_daerah"),
        ),
        sa.CheckConstraint(
            "peringkat_nasional IS NULL OR peringkat_nasional BETWEEN 1 AND 5",
            name=op.f("ck_rapor_capaian_peringkat_nasional"),
        ),
        sa.ForeignKeyConstraint(
            ["diperbarui_oleh"],
            ["pengguna.id"],
            name=op.f("fk_rapor_capaian_diperbarui_oleh_pengguna"),
        ),
        sa.ForeignKeyConstraint(
            ["impor_id"],
            ["rapor_impor.id"],
            name=op.f("fk_rapor_capaian_impor_id_rapor_impor"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rapor_capaian")),
        sa.UniqueConstraint("impor_id", "kode", name="uq_rapor_capaian"),
    )


def downgrade() -> None:
    op.drop_table("rapor_capaian")
    op.drop_table("rapor_impor")
