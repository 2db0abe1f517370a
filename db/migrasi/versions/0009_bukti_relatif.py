"""bukti_relatif: evidence paths stored relative to DATA_DIR, not to the working folder

Every copy was written as <DATA_DIR>/bukti/<sekolah_id>/<sha256><suffix>, whatever DATA_DIR
was then (often the relative default ./data, so the stored path depended on the folder the
bot was started in). The new form keeps the part under DATA_DIR: bukti/<sekolah_id>/<file>.

Revision ID: 0009_bukti_relatif
Revises: 0009_keluar
Create Date: 2026-12-05 16:35:00
"""

import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009_bukti_relatif"
down_revision: str | None = "0009_keluar"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

bukti = sa.table(
    "bukti",
    sa.column("id", sa.Integer),
    sa.column("sekolah_id", sa.Integer),
    sa.column("path", sa.String),
)
# The default DATA_DIR, for going back: older code read the stored path from the working folder.
DATA_DIR_BAWAAN = "data"


def relatif(sekolah_id: int, path: str) -> str:
    """bukti/<sekolah_id>/<file name> for any stored form (absolute, ./data/..., Windows)."""
    nama = re.split(r"[\\/]", path)[-1]
    return f"bukti/{sekolah_id}/{nama}"


def _ubah(fungsi: object) -> None:
    conn = op.get_bind()
    for b in conn.execute(sa.select(bukti.c.id, bukti.c.sekolah_id, bukti.c.path)).all():
        baru = fungsi(b.sekolah_id, b.path)  # type: ignore[operator]
        if baru != b.path:
            conn.execute(sa.update(bukti).where(bukti.c.id == b.id).values(path=baru))


def upgrade() -> None:
    _ubah(relatif)


def downgrade() -> None:
    _ubah(lambda sekolah_id, path: f"{DATA_DIR_BAWAAN}/{relatif(sekolah_id, path)}")
