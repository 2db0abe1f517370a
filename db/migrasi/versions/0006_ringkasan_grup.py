"""summaries and groups: siklus.peta snapshot, grup_sekolah, plan tree indexes

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-24 01:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plans are read down the tree (masalah -> program -> kegiatan); without these, reading
    # many schools' plans scanned every school's rows.
    op.create_index("ix_masalah_rencana", "masalah", ["rencana_id"])
    op.create_index("ix_program_masalah", "program", ["masalah_id"])
    op.create_index("ix_kegiatan_program", "kegiatan", ["program_id"])

    with op.batch_alter_table("siklus", schema=None) as batch_op:
        batch_op.add_column(sa.Column("peta", sa.JSON(), nullable=True))

    op.create_table(
        "grup_sekolah",
        sa.Column("sekolah_id", sa.Integer(), nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("judul", sa.String(length=200), nullable=False),
        sa.Column("dihubungkan_oleh", sa.BigInteger(), nullable=False),
        sa.Column("dihubungkan_pada", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["dihubungkan_oleh"],
            ["pengguna.id"],
            name=op.f("fk_grup_sekolah_dihubungkan_oleh_pengguna"),
        ),
        sa.ForeignKeyConstraint(
            ["sekolah_id"], ["sekolah.id"], name=op.f("fk_grup_sekolah_sekolah_id_sekolah")
        ),
        sa.PrimaryKeyConstraint("sekolah_id", name=op.f("pk_grup_sekolah")),
        sa.UniqueConstraint("chat_id", name=op.f("uq_grup_sekolah_chat_id")),
    )


def downgrade() -> None:
    op.drop_index("ix_kegiatan_program", "kegiatan")
    op.drop_index("ix_program_masalah", "program")
    op.drop_index("ix_masalah_rencana", "masalah")
    op.drop_table("grup_sekolah")
    with op.batch_alter_table("siklus", schema=None) as batch_op:
        batch_op.drop_column("peta")
