"""skema awal: sekolah, pengguna, keanggotaan, undangan, siklus, audit, draf, persistensi

Revision ID: 0001
Revises:
Create Date: 2026-11-23 22:30:48.398569
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "audit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("waktu", sa.DateTime(), nullable=False),
        sa.Column("pengguna_id", sa.BigInteger(), nullable=True),
        sa.Column("sekolah_id", sa.Integer(), nullable=True),
        sa.Column("aksi", sa.String(length=60), nullable=False),
        sa.Column("objek", sa.String(length=40), nullable=True),
        sa.Column("objek_id", sa.String(length=40), nullable=True),
        sa.Column("rincian", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit")),
    )
    with op.batch_alter_table("audit", schema=None) as batch_op:
        batch_op.create_index("ix_audit_sekolah_waktu", ["sekolah_id", "waktu"], unique=False)

    op.create_table(
        "draf",
        sa.Column("pengguna_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("jenis", sa.String(length=30), nullable=False),
        sa.Column("isi", sa.JSON(), nullable=False),
        sa.Column("diperbarui_pada", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("pengguna_id", "jenis", name=op.f("pk_draf")),
    )
    op.create_table(
        "sekolah",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("npsn", sa.String(length=8), nullable=False),
        sa.Column("nama", sa.String(length=200), nullable=False),
        sa.Column("jenjang", sa.String(length=8), nullable=False),
        sa.Column("kabupaten", sa.String(length=100), nullable=False),
        sa.Column("provinsi", sa.String(length=100), nullable=False),
        sa.Column("zona_waktu", sa.String(length=40), nullable=False),
        sa.Column("dibuat_pada", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sekolah")),
        sa.UniqueConstraint("npsn", name=op.f("uq_sekolah_npsn")),
    )
    op.create_table(
        "status_percakapan",
        sa.Column("nama", sa.String(length=60), nullable=False),
        sa.Column("kunci", sa.String(length=100), nullable=False),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("diperbarui_pada", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("nama", "kunci", name=op.f("pk_status_percakapan")),
    )
    op.create_table(
        "pengguna",
        sa.Column("id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("nama", sa.String(length=200), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=True),
        sa.Column("aktif", sa.Boolean(), server_default=sa.true(), nullable=False),
        sa.Column("sekolah_aktif_id", sa.Integer(), nullable=True),
        sa.Column("dibuat_pada", sa.DateTime(), nullable=False),
        sa.Column("terakhir_aktif", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["sekolah_aktif_id"],
            ["sekolah.id"],
            name=op.f("fk_pengguna_sekolah_aktif_id_sekolah"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pengguna")),
    )
    op.create_table(
        "siklus",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sekolah_id", sa.Integer(), nullable=False),
        sa.Column("tahun_ajaran", sa.String(length=9), nullable=False),
        sa.Column("tahap", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.Column(
            "status", sa.String(length=10), server_default=sa.text("'terbuka'"), nullable=False
        ),
        sa.Column("instrumen_versi", sa.String(length=40), nullable=True),
        sa.Column("dibuka_pada", sa.DateTime(), nullable=False),
        sa.Column("ditutup_pada", sa.DateTime(), nullable=True),
        sa.CheckConstraint("status IN ('terbuka','selesai')", name=op.f("ck_siklus_status")),
        sa.CheckConstraint("tahap BETWEEN 1 AND 5", name=op.f("ck_siklus_tahap")),
        sa.ForeignKeyConstraint(
            ["sekolah_id"], ["sekolah.id"], name=op.f("fk_siklus_sekolah_id_sekolah")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_siklus")),
    )
    with op.batch_alter_table("siklus", schema=None) as batch_op:
        batch_op.create_index(
            "uq_siklus_terbuka",
            ["sekolah_id"],
            unique=True,
            sqlite_where=sa.text("status = 'terbuka'"),
            postgresql_where=sa.text("status = 'terbuka'"),
        )

    op.create_table(
        "keanggotaan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pengguna_id", sa.BigInteger(), nullable=False),
        sa.Column("sekolah_id", sa.Integer(), nullable=False),
        sa.Column("peran", sa.String(length=20), nullable=False),
        sa.Column("aktif", sa.Boolean(), server_default=sa.true(), nullable=False),
        sa.Column("dibuat_pada", sa.DateTime(), nullable=False),
        sa.Column("keluar_pada", sa.DateTime(), nullable=True),
        sa.CheckConstraint(
            "peran IN ('kepala_sekolah','koordinator','guru','tendik','pengawas')",
            name=op.f("ck_keanggotaan_peran"),
        ),
        sa.ForeignKeyConstraint(
            ["pengguna_id"], ["pengguna.id"], name=op.f("fk_keanggotaan_pengguna_id_pengguna")
        ),
        sa.ForeignKeyConstraint(
            ["sekolah_id"], ["sekolah.id"], name=op.f("fk_keanggotaan_sekolah_id_sekolah")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_keanggotaan")),
        sa.UniqueConstraint("pengguna_id", "sekolah_id", name="uq_keanggotaan_pengguna_sekolah"),
    )
    with op.batch_alter_table("keanggotaan", schema=None) as batch_op:
        batch_op.create_index("ix_keanggotaan_sekolah", ["sekolah_id", "aktif"], unique=False)

    op.create_table(
        "undangan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kode", sa.String(length=16), nullable=False),
        sa.Column("sekolah_id", sa.Integer(), nullable=False),
        sa.Column("peran", sa.String(length=20), nullable=False),
        sa.Column("dibuat_oleh", sa.BigInteger(), nullable=False),
        sa.Column("dibuat_pada", sa.DateTime(), nullable=False),
        sa.Column("kedaluwarsa_pada", sa.DateTime(), nullable=False),
        sa.Column("maks_pakai", sa.Integer(), nullable=False),
        sa.Column("dipakai", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("dicabut_pada", sa.DateTime(), nullable=True),
        sa.Column("kunci_idem", sa.String(length=40), nullable=True),
        sa.CheckConstraint("dipakai <= maks_pakai", name=op.f("ck_undangan_kuota")),
        sa.ForeignKeyConstraint(
            ["dibuat_oleh"], ["pengguna.id"], name=op.f("fk_undangan_dibuat_oleh_pengguna")
        ),
        sa.ForeignKeyConstraint(
            ["sekolah_id"], ["sekolah.id"], name=op.f("fk_undangan_sekolah_id_sekolah")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_undangan")),
        sa.UniqueConstraint("kode", name=op.f("uq_undangan_kode")),
        sa.UniqueConstraint("kunci_idem", name=op.f("uq_undangan_kunci_idem")),
    )
    with op.batch_alter_table("undangan", schema=None) as batch_op:
        batch_op.create_index("ix_undangan_sekolah", ["sekolah_id"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("undangan", schema=None) as batch_op:
        batch_op.drop_index("ix_undangan_sekolah")

    op.drop_table("undangan")
    with op.batch_alter_table("keanggotaan", schema=None) as batch_op:
        batch_op.drop_index("ix_keanggotaan_sekolah")

    op.drop_table("keanggotaan")
    with op.batch_alter_table("siklus", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_siklus_terbuka",
            sqlite_where=sa.text("status = 'terbuka'"),
            postgresql_where=sa.text("status = 'terbuka'"),
        )

    op.drop_table("siklus")
    op.drop_table("pengguna")
    op.drop_table("status_percakapan")
    op.drop_table("sekolah")
    op.drop_table("draf")
    with op.batch_alter_table("audit", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_sekolah_waktu")

    op.drop_table("audit")
