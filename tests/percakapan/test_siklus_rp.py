"""Rapor Pendidikan through the rest of the cycle, over HTTP: a program targeting A.1 is
evaluated in stage 4 against two imported editions; stage 5 proposes targets per indicator
(no 6,67 threshold) and compares the editions in a chart that the Laporan Siklus carries;
/ringkasan shows the priority labels."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from pypdf import PdfReader
from sqlalchemy import select, update

from bot.akses import KUNCI_LAYANAN
from bot.layanan import rapor as layanan_rapor
from bot.layanan import rencana as layanan_rencana
from bot.layanan.aktor import kenali
from bot.layanan.rencana import KegiatanBaru
from db.tabel import evaluasi_program, masalah
from tests.fakes.pengguna import Pengguna, Pesan
from tests.percakapan.conftest import Jam
from tests.percakapan.test_rencana_ubah import _sekolah_di_tahap_2
from tests.percakapan.test_strategi import _setujui

# code -> (label, value) in the 2025 and the 2026 edition
RP_2025 = {
    "A.1": ("kurang", 38.5),
    "A.2": ("sedang", 52.1),
    "A.3": ("baik", 71.2),
    "D.1": ("sedang", 55.0),
    "D.4": ("kurang", 44.0),
    "D.8": ("tidak_tersedia", None),
}
RP_2026 = {
    "A.1": ("sedang", 51.0),
    "A.2": ("sedang", 50.0),
    "A.3": ("baik", 72.0),
    "D.1": ("baik", 70.0),
    "D.4": ("kurang", 46.0),
    "D.8": ("tidak_tersedia", None),
}


async def impor(app: Any, p: Pengguna, edisi: str, nilai: dict[str, tuple[str, Any]]) -> None:
    """A typed import of the six priority indicators, through the /rapor use-case."""
    lay = app.bot_data[KUNCI_LAYANAN]
    aktor = await kenali(lay, p.id, p.nama, None)
    capaian = [{"kode": k, "label": lbl, "nilai": v} for k, (lbl, v) in nilai.items()]
    await layanan_rapor.simpan(
        lay, aktor, {"edisi": edisi, "capaian": capaian}, sumber="ketik", beda_dikonfirmasi=False
    )


async def _rencana_a1(app: Any, koor: Pengguna, pic: Pengguna) -> None:
    """A one-program plan; its problem carries the RP code A.1 as stage 2 (PBD) gives it."""
    lay = app.bot_data[KUNCI_LAYANAN]
    aktor = await kenali(lay, koor.id, koor.nama, None)
    kode = (await layanan_rencana.calon_masalah(lay, aktor))[0].kode
    await layanan_rencana.tambah_masalah(lay, aktor, kode, "sdm", "Guru belum dilatih.")
    await layanan_rencana.tambah_program(lay, aktor, kode, "Gerakan literasi")
    await layanan_rencana.tambah_kegiatan(
        lay,
        aktor,
        kode,
        1,
        KegiatanBaru(
            "Pojok baca kelas", pic.id, date(2027, 1, 10), date(2027, 3, 1), 500_000, "-", 4.0
        ),
    )
    async with lay.mesin.begin() as conn:
        await conn.execute(update(masalah).values(indikator_kode="A.1", skor_awal=None))


async def sampai_monev_a1(
    bot: Any, orang: Callable[[str], Pengguna], jam: Jam
) -> dict[str, Pengguna]:
    """A school with the 2025 edition, a plan on A.1 approved, then the 2026 edition."""
    p = await _sekolah_di_tahap_2(bot, orang)
    await impor(bot, p["Pak Budi"], "Rapor Pendidikan 2025", RP_2025)
    jam.maju(timedelta(days=1))
    await _rencana_a1(bot, p["Bu Koor"], p["Bu Sari"])
    await _setujui(p["Pak Budi"], p["Bu Sari"], 1)
    jam.maju(timedelta(days=120))
    await impor(bot, p["Pak Budi"], "Rapor Pendidikan 2026", RP_2026)
    return p


async def test_monev_menilai_program_a1_dari_dua_edisi(
    bot: Any, orang: Callable[[str], Pengguna], jam: Jam
) -> None:
    p = await sampai_monev_a1(bot, orang, jam)
    koor = p["Bu Koor"]
    await koor.kirim("/monev")
    ringkas = await koor.balasan_berisi("Indikator Rapor Pendidikan yang disasar program")
    assert "A.1 Kemampuan literasi</b>: target dari Kurang ke Sedang" in ringkas.html
    assert "Awal, Rapor Pendidikan 2025: 🔴 Kurang 38,50%" in ringkas.teks
    assert "Terbaru, Rapor Pendidikan 2026: 🟡 Sedang 51,00%" in ringkas.teks
    assert "Usulan penilaian: Ya, tercapai" in ringkas.teks

    await koor.tekan("Evaluasi program", ringkas)
    pilih = await koor.balasan_berisi("Program mana")
    await koor.tekan("A.1 · Gerakan literasi", pilih)
    tanya = await koor.balasan_berisi("Apakah target program ini tercapai?")
    assert "target dari Kurang ke Sedang" in tanya.teks
    await koor.tekan("Ya, tercapai", tanya)
    capaian = await koor.balasan_berisi("Apa capaiannya?")
    await koor.tekan("Pakai capaian Rapor Pendidikan", capaian)
    await koor.balasan_berisi("Apa alasannya?")
    await koor.kirim("Pojok baca berjalan di semua kelas")
    await koor.tekan("Lanjutkan", await koor.balasan_berisi("tindak lanjutnya"))
    await koor.balasan_berisi("tersimpan")
    async with bot.bot_data[KUNCI_LAYANAN].mesin.connect() as conn:
        (e,) = list(await conn.execute(select(evaluasi_program)))
    assert e.indikator_kode == "A.1" and e.target_tercapai == "ya"
    assert e.capaian == (
        "A.1 dari Kurang (Rapor Pendidikan 2025) ke Sedang (Rapor Pendidikan 2026); target Sedang"
    )

    # A stale "use the report" button (the draft has moved on) changes nothing.
    await koor.tekan("Pakai capaian Rapor Pendidikan", capaian)
    await koor.balasan_berisi("sudah tidak berlaku")


async def _teks_pdf(pesan: Pesan) -> str:
    halaman = PdfReader(io.BytesIO(pesan.dokumen or b"")).pages
    return " ".join(" ".join(h.extract_text() for h in halaman).split())


async def test_strategi_target_per_indikator_grafik_dan_laporan_siklus(
    bot: Any, orang: Callable[[str], Pengguna], jam: Jam
) -> None:
    p = await sampai_monev_a1(bot, orang, jam)
    kepala, koor = p["Pak Budi"], p["Bu Koor"]
    lay = bot.bot_data[KUNCI_LAYANAN]
    from bot.layanan import monev as layanan_monev

    await layanan_monev.evaluasi(
        lay, await kenali(lay, koor.id, koor.nama, None), "A.1", 1, "ya", "naik", "-", "lanjutkan"
    )
    await koor.kirim("/strategi")
    await koor.tekan("Buka tahap 5 (strategi)", await koor.balasan_berisi("sedang di tahap 4"))
    banding = await koor.balasan_berisi("Strategi dan standar baru")
    assert "Rapor Pendidikan 2025 (awal siklus) → Rapor Pendidikan 2026" in banding.teks
    assert "A.1 Kemampuan literasi: 🔴 Kurang 38,50% → 🟡 Sedang 51,00% ▲" in banding.teks
    assert "D.1 Kualitas pembelajaran: 🟡 Sedang 55,00 → 🟢 Baik 70,00 ▲" in banding.teks
    assert "A.2 Kemampuan numerasi: 🟡 Sedang 52,10% → 🟡 Sedang 50,00% ▼" in banding.teks
    grafik = await koor.balasan_berisi("Rapor Pendidikan, indikator prioritas")
    assert grafik.foto is not None and grafik.foto.startswith(b"\x89PNG")
    assert "Rapor Pendidikan 2025 (abu-abu) dan Rapor Pendidikan 2026" in grafik.teks

    langkah = await koor.balasan_berisi("Langkah tahap 5")
    await koor.tekan("Target per standar", langkah)
    target = await koor.balasan_berisi("Target per indikator Rapor Pendidikan")
    assert "6,67" not in target.teks
    assert (
        "A.1 Kemampuan literasi: 🟡 Sedang 51,00% → target Baik, nilai sekurang-kurangnya 51,00%"
    ) in target.teks
    assert "D.4 Iklim keamanan satuan pendidikan: 🔴 Kurang 46,00 → target Sedang" in target.teks
    assert "A.3 Karakter: 🟢 Baik 72,00 → target Baik" in target.teks
    assert "belum diukur oleh sumber mana pun" in target.teks  # D.8: Tidak Tersedia
    assert "ambang SNP versi PMP tidak dipakai" in target.teks

    # A standard's target below the school's own score is refused without the threshold.
    await koor.tekan("1. SKL", target)
    tanya = await koor.balasan_berisi("Target Standar Kompetensi Lulusan")
    assert "6,67" not in tanya.teks
    await koor.kirim("0,5")
    tolak = await koor.balasan_berisi("di bawah batas")
    assert "skor yang sudah dicapai sekolah sendiri" in tolak.teks and "6,67" not in tolak.teks

    # The kepala closes the cycle: the Laporan Siklus carries both editions and the chart.
    await kepala.kirim("/strategi")
    langkah = await kepala.balasan_berisi("Langkah tahap 5")
    await kepala.tekan("Tutup siklus 2026/2027", langkah)
    await kepala.tekan("Ya, tutup siklus", await kepala.balasan_berisi("Tutup siklus"))
    laporan = await kepala.balasan_berisi("")
    while laporan.dokumen is None:
        laporan = await kepala.balasan_berisi("")
    teks = await _teks_pdf(laporan)
    assert "Rapor Pendidikan per Indikator Prioritas" in teks
    assert "Perbandingan Rapor Pendidikan 2025 (awal siklus) dengan Rapor Pendidikan 2026" in teks
    assert "A.1 Kemampuan literasi Kurang (38,50%) Sedang (51,00%) Baik" in teks
    assert "Tidak diukur oleh sumber mana pun" in teks
    gambar = [g for h in PdfReader(io.BytesIO(laporan.dokumen or b"")).pages for g in h.images]
    assert len(gambar) >= 2  # the standards' radar and the editions' comparison
