"""pekerja: documents built by worker processes (a queue with leases, and heartbeats)

Revision ID: 0009_pekerja
Revises: 0008
Create Date: 2026-12-05 16:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009_pekerja"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "tugas_dokumen",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pengguna_id", sa.BigInteger(), nullable=False),
        sa.Column("sekolah_id", sa.Integer(), nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("kunci", sa.String(length=40), nullable=False),
        sa.Column(
            "status", sa.String(length=12), server_default=sa.text("'menunggu'"), nullable=False
        ),
        sa.Column("percobaan", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("sewa_sampai", sa.DateTime(), nullable=True),
        sa.Column("galat_terakhir", sa.Text(), nullable=True),
        sa.Column("dibuat_pada", sa.DateTime(), nullable=False),
        sa.Column("selesai_pada", sa.DateTime(), nullable=True),
        sa.CheckConstraint(
            "status IN ('menunggu','dikerjakan','selesai','ditolak','gagal')",
            name=op.f("ck_tugas_dokumen_status"),
        ),
        sa.ForeignKeyConstraint(
            ["sekolah_id"], ["sekolah.id"], name=op.f("fk_tugas_dokumen_sekolah_id_sekolah")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tugas_dokumen")),
    )
    op.create_index(
        "ix_tugas_dokumen_status", "tugas_dokumen", ["status", "dibuat_pada"], unique=False
    )
    op.create_index(
        "ix_tugas_dokumen_pengguna",
        "tugas_dokumen",
        ["pengguna_id", "kunci", "status"],
        unique=False,
    )
    op.create_table(
        "pekerja",
        sa.Column("nama", sa.String(length=80), nullable=False),
        sa.Column("detak_terakhir", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("nama", name=op.f("pk_pekerja")),
    )


def downgrade() -> None:
    op.drop_table("pekerja")
    op.drop_index("ix_tugas_dokumen_pengguna", table_name="tugas_dokumen")
    op.drop_index("ix_tugas_dokumen_status", table_name="tugas_dokumen")
    op.drop_table("tugas_dokumen")
