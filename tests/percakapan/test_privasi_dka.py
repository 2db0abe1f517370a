"""/datasaya (issue 14) holds the DKA narratives the person last wrote or edited, or approved
(issue 12): the school keeps them, but they are the person's words and decisions."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from openpyxl import load_workbook

from bot.akses import KUNCI_LAYANAN
from db import akreditasi as db_akr
from tests.fakes.pengguna import Pengguna
from tests.percakapan.conftest import daftarkan_sekolah, gabung, undang


async def _ekspor(p: Pengguna) -> tuple[dict[str, Any], Any]:
    """The person's /datasaya: its JSON and its workbook (no evidence files: two documents)."""
    await p.kirim("/datasaya")
    berkas: dict[str, bytes] = {}
    while len(berkas) < 2:
        m = await p.balasan(timeout=30)
        if m.dokumen_nama:
            berkas[m.dokumen_nama.rsplit(".", 1)[1]] = m.dokumen or b""
    await p.semua_balasan(diam=0.3)
    return json.loads(berkas["json"]), load_workbook(io.BytesIO(berkas["xlsx"]), read_only=True)


async def test_datasaya_memuat_dka_yang_ditulis_dan_disetujui(
    bot: Any, orang: Callable[[str], Pengguna]
) -> None:
    kepala, koor, guru = orang("Pak Budi"), orang("Bu Koor"), orang("Bu Guru")
    await daftarkan_sekolah(kepala)
    await gabung(koor, await undang(kepala, "Koordinator TPMPS"))
    await gabung(guru, await undang(kepala, "Guru"))
    waktu = datetime(2026, 12, 1, tzinfo=UTC)
    async with bot.bot_data[KUNCI_LAYANAN].mesin.begin() as conn:
        await db_akr.pilih(conn, 1, "ia2024", kepala.id, waktu)
        await db_akr.simpan_dka(conn, 1, "ia2024", "12", "Narasi butir 12 Bu Koor.", koor.id, waktu)
        assert await db_akr.setujui_dka(conn, 1, "ia2024", "12", kepala.id, waktu)
        await db_akr.simpan_dka(conn, 1, "ia2024", "3", "Draf butir 3 Pak Budi.", kepala.id, waktu)

    data, buku = await _ekspor(koor)
    assert [
        (d["npsn"], d["butir"], d["teks"], d["status"], d["ditulis_atau_diubah_anda"])
        for d in data["dka_akreditasi"]
    ] == [("20512345", "12", "Narasi butir 12 Bu Koor.", "disetujui", True)]
    assert data["dka_akreditasi"][0]["disetujui_anda"] is False
    lembar = [list(baris) for baris in buku["dka_akreditasi"].iter_rows(values_only=True)]
    assert "Narasi butir 12 Bu Koor." in lembar[1]

    data, _ = await _ekspor(kepala)
    assert [
        (d["butir"], d["teks"], d["ditulis_atau_diubah_anda"], d["disetujui_anda"])
        for d in data["dka_akreditasi"]
    ] == [
        ("12", "Narasi butir 12 Bu Koor.", False, True),
        ("3", "Draf butir 3 Pak Budi.", True, False),
    ]

    data, _ = await _ekspor(guru)  # wrote and approved none: none of the school's narratives
    assert data["dka_akreditasi"] == []
