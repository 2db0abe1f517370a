"""Rapor Pendidikan through the rest of the cycle, over HTTP: a program targeting A.1 is
evaluated in stage 4 against two imported editions; stage 5 proposes targets per indicator
(no 6,67 threshold) and compares the editions in a chart that the Laporan Siklus carries;
/ringkasan shows the priority labels."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select, update

from bot.akses import KUNCI_LAYANAN
from bot.layanan import rapor as layanan_rapor
from bot.layanan import rencana as layanan_rencana
from bot.layanan.aktor import kenali
from bot.layanan.rencana import KegiatanBaru
from db import rapor as db_rapor
from db.tabel import evaluasi_program, masalah
from tests.fakes.pengguna import Pengguna, Pesan
from tests.percakapan.conftest import Jam, sekolah_binaan
from tests.percakapan.test_rencana_ubah import _sekolah_di_tahap_2
from tests.percakapan.test_sekolah_besar import muat, sesudah
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

    # /ringkasan shows the latest edition's priority labels; PMP categories carry their note.
    await koor.kirim("/ringkasan")
    ringkas = await koor.balasan_berisi("Ringkasan SPMI")
    assert "Rapor Pendidikan · Rapor Pendidikan 2026 · indikator prioritas" in ringkas.teks
    assert "🟡 A.1 Kemampuan literasi: Sedang 51,00%" in ringkas.teks
    assert "🔴 D.4 Iklim keamanan satuan pendidikan: Kurang 46,00" in ringkas.teks
    assert "⚪ D.8 Iklim Kebinekaan: Tidak Tersedia" in ringkas.teks
    assert "Kategori ini tidak resmi" in ringkas.teks


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
        "A.1 Kemampuan literasi: 🟡 Sedang 51,00% → target Baik* (usulan), nilai sekurang-kurangnya"
        " 51,00%"
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


SEKOLAH = "SMP Negeri {} Kabupaten <Sleman> dengan Nama yang Cukup Panjang"


def _label_sekolah(i: int) -> dict[str, tuple[str, float]]:
    """School i: red on A.1 when i % 3 == 0, on D.4 when i % 5 == 0; otherwise Sedang."""
    return {
        "A.1": ("kurang", 30.0 + i % 7) if i % 3 == 0 else ("sedang", 55.0),
        "A.2": ("sedang", 50.0),
        "A.3": ("baik", 70.0),
        "D.1": ("sedang", 60.0),
        "D.4": ("kurang", 40.0) if i % 5 == 0 else ("baik", 75.0),
        "D.8": ("baik", 72.0),
    }


async def test_pengawas_300_sekolah_merah_per_indikator_dan_rekap(
    bot: Any, orang: Callable[[str], Pengguna]
) -> None:
    pengawas = orang("Pak Pengawas")
    lay = bot.bot_data[KUNCI_LAYANAN]
    semua = await sekolah_binaan(bot, pengawas, SEKOLAH)
    async with lay.mesin.begin() as conn:
        for i, sid in enumerate(semua, 1):
            if i == 300:
                continue  # one school has not imported its report
            await db_rapor.simpan_impor(
                conn,
                sekolah_id=sid,
                edisi="Rapor Pendidikan 2026",
                sumber="ketik",
                katalog_versi="uji",
                pengguna_id=pengawas.id,
                waktu=lay.sekarang(),
                capaian=[
                    {"kode": k, "label": lbl, "nilai": v, "peringkat_nasional": 5 if i % 2 else 3}
                    for k, (lbl, v) in _label_sekolah(i).items()
                ],
            )
    merah_a1 = len([i for i in range(1, 300) if i % 3 == 0])  # 99
    merah_d4 = len([i for i in range(1, 300) if i % 5 == 0])  # 59

    await pengawas.kirim("/ringkasan")
    ringkas = muat(await pengawas.balasan_berisi("Ringkasan sekolah binaan", timeout=60))
    assert "299 dari 300 sekolah sudah mengimpor" in ringkas.teks
    assert f"A.1: {merah_a1} · D.4: {merah_d4}" in ringkas.teks
    assert "🔴 A.1, D.4" in ringkas.teks  # school 15 (and every 15th) is red on both
    await pengawas.tekan("🔴 Sekolah merah per indikator", ringkas)
    pilih = await sesudah(pengawas, ringkas)
    assert "299 dari 300 sekolah binaan sudah mengimpor" in pilih.teks
    assert f"A.1: {merah_a1} sekolah merah" in pilih.tombol_datar
    assert "A.2: 0 sekolah merah" in pilih.tombol_datar

    await pengawas.tekan(f"A.1: {merah_a1} sekolah merah", pilih)
    a1 = await sesudah(pengawas, pilih)
    assert f"{merah_a1} sekolah berlabel Kurang dari 299 sekolah" in a1.teks
    assert "halaman 1 dari 3" in a1.teks
    # PBD order: the bottom rank group first, then the lower value.
    baris = [b for b in a1.teks.splitlines() if re.match(r"\d+\. ", b)]
    assert len(baris) == 40 and all("Bawah (81-100%)" in b for b in baris[:10])
    await pengawas.tekan("Berikutnya ›", a1)
    a1 = await sesudah(pengawas, a1)
    assert "halaman 2 dari 3" in a1.teks and "41. " in a1.teks
    await pengawas.tekan("‹ Pilih indikator lain", a1)
    pilih = await sesudah(pengawas, a1)
    await pengawas.tekan("A.2: 0 sekolah merah", pilih)
    a2 = await sesudah(pengawas, pilih)
    assert "Tidak ada sekolah binaan yang berlabel Kurang" in a2.teks
    # A crafted button for an indicator not shown is stale and changes nothing.
    await pengawas.tekan_data("rks:m:Z.9:0", a2)
    await pengawas.api.idle()
    assert pengawas.pesan(a2.message_id).teks == a2.teks

    # The recap workbook has a Rapor Pendidikan sheet, one row per school and indicator.
    await pengawas.kirim("/laporan")
    await pengawas.tekan(
        "Rekap data semua sekolah binaan (XLSX)", await pengawas.balasan_berisi("Dokumen")
    )
    rekap = await pengawas.balasan_berisi("")
    while rekap.dokumen is None:
        rekap = await pengawas.balasan_berisi("")
    wb = load_workbook(io.BytesIO(rekap.dokumen or b""), read_only=True)
    assert "Rapor Pendidikan" in wb.sheetnames
    baris_rp = list(wb["Rapor Pendidikan"].iter_rows(values_only=True))
    assert baris_rp[0][:6] == ("Sekolah", "Edisi", "Kode", "Indikator", "Label", "Nilai")
    assert len(baris_rp) == 1 + 299 * 6
    sekolah_15 = {r[2]: r for r in baris_rp[1:] if r[0] == f"{SEKOLAH.format(15)} (20000015)"}
    assert sekolah_15["A.1"][3:6] == ("Kemampuan literasi", "Kurang", 31.0)
    assert sekolah_15["D.4"][4] == "Kurang" and sekolah_15["D.8"][4] == "Baik"
    assert sekolah_15["A.1"][8] == "Bawah (81-100%)"
