"""Stage 5 sets the next cycle's target per Rapor Pendidikan indicator, over HTTP: the
koordinator changes one indicator's target label (never below the school's own), the kepala
closes the cycle, the targets are stored for the new cycle (proposals where none was set, none
for an indicator no source measures), and the new cycle's /ringkasan and the Laporan Siklus
show them. Crafted or stale target buttons and a teacher change nothing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import select

from bot.akses import KUNCI_LAYANAN
from bot.layanan import monev as layanan_monev
from bot.layanan.aktor import kenali
from bot.mutu.rapor import Label
from db.tabel import audit, siklus, target_rapor
from percakapan.strategi_tombol import LabelTargetRapor
from tests.fakes.pengguna import Pengguna
from tests.percakapan.conftest import Jam, daftarkan_sekolah
from tests.percakapan.test_siklus_rp import _teks_pdf, sampai_monev_a1


async def _baris(bot: Any) -> list[Any]:
    async with bot.bot_data[KUNCI_LAYANAN].mesin.connect() as conn:
        return list(await conn.execute(select(target_rapor).order_by(target_rapor.c.kode)))


async def _siklus(bot: Any) -> list[Any]:
    async with bot.bot_data[KUNCI_LAYANAN].mesin.connect() as conn:
        return list(await conn.execute(select(siklus).order_by(siklus.c.id)))


async def test_koordinator_menetapkan_kepala_menutup_ringkasan_menampilkan(
    bot: Any, orang: Callable[[str], Pengguna], jam: Jam
) -> None:
    p = await sampai_monev_a1(bot, orang, jam)
    kepala, koor, guru = p["Pak Budi"], p["Bu Koor"], p["Bu Sari"]
    lay = bot.bot_data[KUNCI_LAYANAN]
    aktor_koor = await kenali(lay, koor.id, koor.nama, None)
    await layanan_monev.evaluasi(lay, aktor_koor, "A.1", 1, "ya", "naik", "-", "lanjutkan")
    await koor.kirim("/strategi")
    await koor.tekan("Buka tahap 5 (strategi)", await koor.balasan_berisi("sedang di tahap 4"))
    await koor.tekan("Target per standar", await koor.balasan_berisi("Langkah tahap 5"))
    target = await koor.balasan_berisi("Target per indikator Rapor Pendidikan")
    assert "D.4 Iklim keamanan satuan pendidikan: 🔴 Kurang 46,00 → target Sedang* (usulan)" in (
        target.teks
    )
    assert "D.8 Iklim Kebinekaan: ⚪ Tidak Tersedia → belum diukur oleh sumber mana pun" in (
        target.teks
    )
    tombol = target.tombol_datar
    assert "D.4 Iklim keamanan satuan pendidikan: Sedang*" in tombol
    assert "A.1 Kemampuan literasi: Baik*" in tombol
    assert not [t for t in tombol if t.startswith("D.8")]  # not measured: nothing to set

    # The koordinator raises D.4's target from the proposal (Sedang) to Baik.
    await koor.tekan("D.4 Iklim keamanan satuan pendidikan: Sedang*", target)
    tanya = await koor.balasan_berisi("Target D.4 Iklim keamanan satuan pendidikan")
    assert "Target sekarang: Sedang (usulan)" in tanya.teks
    assert "tidak di bawah nilai sekolah sendiri (46,00)" in tanya.teks
    assert tanya.tombol_datar == ["Target Kurang", "Target Sedang", "Target Baik", "Kembali"]
    await koor.tekan("Target Baik", tanya)
    simpan = await koor.balasan_berisi("tersimpan")
    assert "Target D.4 Iklim keamanan satuan pendidikan tersimpan: Baik" in simpan.teks
    assert "D.4 Iklim keamanan satuan pendidikan: 🔴 Kurang 46,00 → target Baik, nilai" in (
        simpan.teks
    )
    assert "D.4 Iklim keamanan satuan pendidikan: Baik" in simpan.tombol_datar
    (d4,) = await _baris(bot)
    lama = (await _siklus(bot))[0]
    assert (d4.siklus_id, d4.kode, d4.label, d4.nilai_minimum) == (lama.id, "D.4", "baik", 46.0)
    assert d4.ditetapkan_oleh == koor.id and d4.siklus_tujuan_id is None
    assert d4.edisi == "Rapor Pendidikan 2026"
    async with lay.mesin.connect() as conn:
        kueri = select(audit).where(audit.c.aksi == "strategi.target_rapor")
        jejak = list(await conn.execute(kueri))
    assert [(j.objek_id, j.pengguna_id) for j in jejak] == [("D.4", koor.id)]

    # Crafted buttons change nothing: a label below the school's own (A.1 is Sedang now), an
    # indicator no source measures, another school's cycle; and a teacher cannot set one.
    sebelum = [tuple(b) for b in await _baris(bot)]
    di_bawah = LabelTargetRapor(lama.id, "A.1", Label.KURANG).data()
    await koor.tekan_data(di_bawah, simpan)
    tolak = await koor.balasan_berisi("tidak boleh di bawah label sekolah sekarang")
    assert "Target A.1 tidak boleh di bawah label sekolah sekarang (Sedang)" in tolak.teks
    await koor.tekan_data(LabelTargetRapor(lama.id, "D.8", Label.SEDANG).data(), simpan)
    await koor.balasan_berisi("D.8 belum diukur oleh sumber mana pun")
    lain = orang("Bu Lain")
    await daftarkan_sekolah(lain, npsn="20599999", nama="SMP Negeri 2 Depok")
    siklus_lain = (await _siklus(bot))[-1]
    assert siklus_lain.sekolah_id != lama.sekolah_id
    await koor.tekan_data(LabelTargetRapor(siklus_lain.id, "A.1", Label.BAIK).data(), simpan)
    await koor.balasan_berisi("sudah tidak berlaku")
    await guru.kirim("/ringkasan")
    pesan_guru = await guru.balasan()
    await guru.tekan_data(LabelTargetRapor(lama.id, "A.2", Label.BAIK).data(), pesan_guru)
    await guru.balasan_berisi("hanya untuk Kepala Sekolah dan Koordinator TPMPS")
    assert [tuple(b) for b in await _baris(bot)] == sebelum

    # The kepala closes: every measured priority indicator gets a target for the new cycle.
    await kepala.kirim("/strategi")
    await kepala.tekan("Tutup siklus 2026/2027", await kepala.balasan_berisi("Langkah tahap 5"))
    await kepala.tekan("Ya, tutup siklus", await kepala.balasan_berisi("Tutup siklus"))
    laporan = await kepala.balasan_berisi("")
    while laporan.dokumen is None:
        laporan = await kepala.balasan_berisi("")
    baru = (await _siklus(bot))[-1]
    assert baru.sekolah_id == lama.sekolah_id and baru.status == "terbuka"
    baris = await _baris(bot)
    assert {b.kode: b.label for b in baris} == {
        "A.1": "baik",  # Sedang -> Baik (proposal)
        "A.2": "baik",  # Sedang -> Baik (proposal)
        "A.3": "baik",  # Baik stays Baik
        "D.1": "baik",  # Baik stays Baik
        "D.4": "baik",  # set by the koordinator (the proposal was Sedang)
    }  # D.8 (Tidak Tersedia): no target is made up
    assert {b.siklus_tujuan_id for b in baris} == {baru.id}
    assert {b.kode: b.ditetapkan_oleh for b in baris if b.ditetapkan_oleh} == {"D.4": koor.id}
    assert {b.kode: b.nilai_minimum for b in baris}["A.2"] == 50.0
    teks = await _teks_pdf(laporan)
    assert "Kurang (44,00) Kurang (46,00) Baik" in teks  # D.4's stored target, not Sedang
    assert "ditetapkan sekolah di tahap 5" in teks

    # The stale target button of the closed cycle changes nothing.
    await koor.tekan_data(LabelTargetRapor(lama.id, "A.1", Label.SEDANG).data(), simpan)
    await koor.balasan_berisi("tidak sedang di tahap 5")
    assert [b.label for b in await _baris(bot)] == [b.label for b in baris]

    # The new cycle's /ringkasan shows the targets it opened with.
    await kepala.kirim("/ringkasan")
    ringkas = await kepala.balasan_berisi("Rapor Pendidikan · Rapor Pendidikan 2026")
    assert "indikator prioritas, dengan target siklus ini" in ringkas.teks
    assert "🟡 A.1 Kemampuan literasi: Sedang 51,00% · target: Baik" in ringkas.teks
    assert "🔴 D.4 Iklim keamanan satuan pendidikan: Kurang 46,00 · target: Baik" in ringkas.teks
    assert "⚪ D.8 Iklim Kebinekaan: Tidak Tersedia · tanpa target (belum diukur)" in ringkas.teks
