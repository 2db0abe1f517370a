"""0012_ia2024: assessments on the old 10-butir IA2024 draft move, unchanged, to the read-only
instrument ia2024_10; the new IA2024 starts clean; the checklist stays; going back restores."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import create_engine, text

from db.migrasi_api import konfigurasi


def test_draf_lama_dipindah_tanpa_diubah(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'mutu.db'}"
    command.upgrade(konfigurasi(url), "0009_privasi")
    mesin = create_engine(f"sqlite:///{tmp_path / 'mutu.db'}")
    waktu = "'2026-11-01 00:00:00'"
    with mesin.begin() as conn:  # foreign keys are off on this plain connection
        for instrumen, butir, level in (
            ("ia2024", "3", 4),
            ("ia2024", "7", 2),
            ("iasp2020", "3", 1),
        ):
            conn.execute(
                text(
                    "INSERT INTO akreditasi_butir (sekolah_id, instrumen, butir, level, kurang,"
                    f" diperbarui_oleh, diperbarui_pada) VALUES (1, :i, :b, :l, 0, 1, {waktu})"
                ),
                {"i": instrumen, "b": butir, "l": level},
            )
        conn.execute(
            text(
                "INSERT INTO akreditasi_tautan (sekolah_id, instrumen, butir, bukti_id,"
                f" ditautkan_oleh, ditautkan_pada) VALUES (1, 'ia2024', '3', 5, 1, {waktu})"
            )
        )
        conn.execute(
            text(
                "INSERT INTO akreditasi_dokumen (sekolah_id, instrumen, dokumen, status,"
                f" diperbarui_oleh, diperbarui_pada) VALUES (1, 'ia2024', 'KSP', 'ada', 1, {waktu})"
            )
        )

    def isi() -> tuple[list[tuple[str, str, int]], list[str], list[str]]:
        with mesin.connect() as conn:
            butir = conn.execute(
                text("SELECT instrumen, butir, level FROM akreditasi_butir ORDER BY id")
            ).all()
            tautan = conn.execute(text("SELECT instrumen FROM akreditasi_tautan")).scalars()
            dokumen = conn.execute(text("SELECT instrumen FROM akreditasi_dokumen")).scalars()
            return [tuple(b) for b in butir], list(tautan), list(dokumen)  # type: ignore[misc]

    command.upgrade(konfigurasi(url), "0012_ia2024")
    butir, tautan, dokumen = isi()
    assert butir == [("ia2024_10", "3", 4), ("ia2024_10", "7", 2), ("iasp2020", "3", 1)]
    assert tautan == ["ia2024_10"] and dokumen == ["ia2024"]
    with mesin.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM akreditasi_dka")).scalar() == 0
        assert conn.execute(text("SELECT sum(na) FROM akreditasi_butir")).scalar() == 0
    command.downgrade(konfigurasi(url), "0009_privasi")
    butir, tautan, _ = isi()
    assert butir == [("ia2024", "3", 4), ("ia2024", "7", 2), ("iasp2020", "3", 1)]
    assert tautan == ["ia2024"]
    mesin.dispose()
