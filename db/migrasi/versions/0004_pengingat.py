"""pengingat: the reminder outbox

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 23:42:47.654869
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "pengingat",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kunci", sa.String(length=120), nullable=False),
        sa.Column("sekolah_id", sa.Integer(), nullable=True),
        sa.Column("pengguna_id", sa.BigInteger(), nullable=False),
        sa.Column("jenis", sa.String(length=40), nullable=False),
        sa.Column("rujukan", sa.String(length=60), nullable=True),
        sa.Column("isi", sa.JSON(), nullable=False),
        sa.Column("jatuh_tempo", sa.DateTime(), nullable=False),
        sa.Column(
            "status", sa.String(length=12), server_default=sa.text("'direncanakan'"), nullable=False
        ),
        sa.Column("percobaan", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("sewa_sampai", sa.DateTime(), nullable=True),
        sa.Column("pesan_id", sa.BigInteger(), nullable=True),
        sa.Column("galat_terakhir", sa.Text(), nullable=True),
        sa.Column("dikirim_pada", sa.DateTime(), nullable=True),
        sa.Column("dibuat_pada", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "status IN ('direncanakan','mengirim','terkirim','gagal','batal')",
            name=op.f("ck_pengingat_status"),
        ),
        sa.ForeignKeyConstraint(
            ["sekolah_id"], ["sekolah.id"], name=op.f("fk_pengingat_sekolah_id_sekolah")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pengingat")),
        sa.UniqueConstraint("kunci", name=op.f("uq_pengingat_kunci")),
    )
    with op.batch_alter_table("pengingat", schema=None) as batch_op:
        batch_op.create_index("ix_pengingat_jatuh_tempo", ["status", "jatuh_tempo"], unique=False)
        batch_op.create_index("ix_pengingat_pengguna", ["pengguna_id", "status"], unique=False)
        batch_op.create_index("ix_pengingat_sewa", ["status", "sewa_sampai"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("pengingat", schema=None) as batch_op:
        batch_op.drop_index("ix_pengingat_sewa")
        batch_op.drop_index("ix_pengingat_pengguna")
        batch_op.drop_index("ix_pengingat_jatuh_tempo")

    op.drop_table("pengingat")
