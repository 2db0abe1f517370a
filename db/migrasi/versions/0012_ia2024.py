"""ia2024: the real IA2024 (3 components, 14 butir, 45 indicators) starts clean

Assessments made on the old 10-butir IA2024 draft (levels, evidence links, visit practice) move
to the instrument code `ia2024_10`, read-only, shown as an earlier draft; nothing is converted
to the new indicators. The pre-visit document checklist stays (the same documents). New: N/A
on an indicator, the school's 3.10.3 context, and the DKA narrative per butir.

Revision ID: 0012_ia2024
Revises: 0011_pbd
Create Date: 2026-12-05 22:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012_ia2024"
down_revision: str | None = "0011_pbd"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

DIPINDAH = ("akreditasi_butir", "akreditasi_tautan", "akreditasi_latihan")


def upgrade() -> None:
    for tabel in DIPINDAH:
        t = sa.table(tabel, sa.column("instrumen", sa.String))
        op.execute(t.update().where(t.c.instrumen == "ia2024").values(instrumen="ia2024_10"))
    with op.batch_alter_table("akreditasi_butir") as batch:
        batch.add_column(sa.Column("na", sa.Boolean(), server_default=sa.false(), nullable=False))
    with op.batch_alter_table("akreditasi_pilihan") as batch:
        batch.add_column(sa.Column("konteks_gender", sa.String(length=12), nullable=True))
    op.create_table(
        "akreditasi_dka",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sekolah_id", sa.Integer(), nullable=False),
        sa.Column("instrumen", sa.String(length=20), nullable=False),
        sa.Column("butir", sa.String(length=20), nullable=False),
        sa.Column("teks", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("diperbarui_oleh", sa.BigInteger(), nullable=False),
        sa.Column("diperbarui_pada", sa.DateTime(), nullable=False),
        sa.Column("disetujui_oleh", sa.BigInteger(), nullable=True),
        sa.Column("disetujui_pada", sa.DateTime(), nullable=True),
        sa.CheckConstraint("status IN ('draf','disetujui')", name=op.f("ck_akreditasi_dka_status")),
        sa.ForeignKeyConstraint(
            ["diperbarui_oleh"],
            ["pengguna.id"],
            name=op.f("fk_akreditasi_dka_diperbarui_oleh_pengguna"),
        ),
        sa.ForeignKeyConstraint(
            ["disetujui_oleh"],
            ["pengguna.id"],
            name=op.f("fk_akreditasi_dka_disetujui_oleh_pengguna"),
        ),
        sa.ForeignKeyConstraint(
            ["sekolah_id"], ["sekolah.id"], name=op.f("fk_akreditasi_dka_sekolah_id_sekolah")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_akreditasi_dka")),
        sa.UniqueConstraint("sekolah_id", "instrumen", "butir", name="uq_akreditasi_dka"),
    )


def downgrade() -> None:
    op.drop_table("akreditasi_dka")
    with op.batch_alter_table("akreditasi_pilihan") as batch:
        batch.drop_column("konteks_gender")
    with op.batch_alter_table("akreditasi_butir") as batch:
        batch.drop_column("na")
    for tabel in DIPINDAH:
        t = sa.table(tabel, sa.column("instrumen", sa.String))
        op.execute(t.update().where(t.c.instrumen == "ia2024_10").values(instrumen="ia2024"))
