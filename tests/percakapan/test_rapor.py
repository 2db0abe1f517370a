"""/rapor over HTTP: a koordinator uploads workbooks built here in the 2023 and 2025 layouts
(and one in neither, refused with the offer to type), confirms, and sees the priority
indicators with the right labels; another school's file needs an explicit confirmation; a
principal of another school types the six values by hand; a value is corrected later and
audited; a bad file of each kind is refused with nothing stored; a teacher is refused."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import func, select

from bot.akses import KUNCI_LAYANAN
from db.tabel import audit, rapor_capaian, rapor_impor
from tests import rapor_contoh as contoh
from tests.fakes.pengguna import Pengguna
from tests.percakapan.conftest import daftarkan_sekolah, gabung, undang

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
NPSN = "20512345"  # the school daftarkan_sekolah registers


async def _jumlah(app: Any, tabel: Any, *syarat: Any) -> int:
    async with app.bot_data[KUNCI_LAYANAN].mesin.connect() as conn:
        q = select(func.count()).select_from(tabel)
        for s in syarat:
            q = q.where(s)
        return int((await conn.execute(q)).scalar_one())


async def _capaian(app: Any) -> dict[str, Any]:
    async with app.bot_data[KUNCI_LAYANAN].mesin.connect() as conn:
        hasil = await conn.execute(select(rapor_capaian))
        return {b.kode: b for b in hasil}


@pytest.fixture
async def koordinator(bot: Any, orang: Callable[[str], Pengguna]) -> Pengguna:
    kepala = orang("Pak Budi")
    await daftarkan_sekolah(kepala)
    koor = orang("Bu Rina")
    await gabung(koor, await undang(kepala, "Koordinator TPMPS"))
    return koor


async def _unggah(p: Pengguna, isi: bytes, nama: str = "RAPOR-PBD.xlsx", mime: str = XLSX) -> None:
    await p.kirim("/rapor")
    await p.balasan_berisi("Kirim berkas Excel")
    await p.kirim_dokumen(isi, nama, mime)


async def test_unggah_2023_dan_2025_simpan_setelah_konfirmasi(
    bot: Any, koordinator: Pengguna
) -> None:
    koor = koordinator
    await _unggah(koor, contoh.buku_2023(npsn=NPSN))
    pratinjau = await koor.balasan_berisi("Periksa dulu")
    assert "Edisi: Rapor Pendidikan 2023" in pratinjau.teks
    assert "🔴 A.1 Kemampuan literasi: Kurang · 38,50% · Turun 5,20" in pratinjau.teks
    assert "🟢 A.3 Karakter: Baik · 71,20 · Tidak berubah" in pratinjau.teks
    assert "🔴 D.4 Iklim keamanan satuan pendidikan: Kurang" in pratinjau.teks
    assert "sekolah lain" not in pratinjau.teks
    # Nothing is stored before the user confirms.
    assert await _jumlah(bot, rapor_impor) == 0
    await koor.tekan("Simpan", pratinjau)
    panel = await koor.balasan_berisi("Tersimpan.")
    assert "Rapor Pendidikan 2023 (berkas Excel" in panel.teks
    assert "🟡 A.2 Kemampuan numerasi: Sedang · 52,10% · Naik 4,34" in panel.teks
    assert "🟡 D.1 Kualitas pembelajaran: Sedang" in panel.teks
    assert "🟢 D.8 Iklim Kebinekaan: Baik" in panel.teks
    assert await _jumlah(bot, rapor_impor) == 1
    assert await _jumlah(bot, rapor_capaian) == len(contoh.CONTOH) + 1  # with A.1.1
    assert await _jumlah(bot, audit, audit.c.aksi == "rapor_impor") == 1
    # A second press of the same Simpan stores nothing twice.
    await koor.tekan("Simpan", pratinjau)
    await koor.balasan_berisi("sudah tidak berlaku")
    assert await _jumlah(bot, rapor_impor) == 1

    # The 2025 download is a new edition beside the 2023 one.
    await _unggah(koor, contoh.buku_2025(npsn=NPSN), "RAPOR-PBD-SMP-20512345-DATA-2025.xlsx")
    pratinjau = await koor.balasan_berisi("Periksa dulu")
    assert "Edisi: Rapor Pendidikan 2025" in pratinjau.teks
    await koor.tekan("Simpan", pratinjau)
    panel = await koor.balasan_berisi("Tersimpan.")
    assert "Rapor Pendidikan 2025" in panel.teks
    assert "🔴 A.1 Kemampuan literasi: Kurang · 38,50%" in panel.teks
    assert await _jumlah(bot, rapor_impor) == 2


async def test_berkas_sekolah_lain_perlu_konfirmasi(bot: Any, koordinator: Pengguna) -> None:
    koor = koordinator
    await _unggah(koor, contoh.buku_2023(sekolah="SD LAIN", npsn="30101564"))
    pratinjau = await koor.balasan_berisi("Periksa dulu")
    assert "milik sekolah lain" in pratinjau.teks
    assert "30101564 (SD LAIN)" in pratinjau.teks and NPSN in pratinjau.teks
    # The plain save button crafted by hand is refused; nothing stored.
    await koor.tekan_data("rpr:y", pratinjau)
    await koor.balasan_berisi("milik sekolah lain")
    assert await _jumlah(bot, rapor_impor) == 0
    await koor.tekan("Ya, simpan untuk sekolah saya", pratinjau)
    await koor.balasan_berisi("Tersimpan.")
    assert await _jumlah(bot, rapor_impor) == 1


async def test_tata_letak_lain_ditolak_dengan_tawaran_ketik(
    bot: Any, koordinator: Pengguna
) -> None:
    await _unggah(koordinator, contoh.buku_lain(), "rekap-kabupaten.xlsx")
    pesan = await koordinator.balasan_berisi("tidak ditemukan")
    assert "Saya mencari" in pesan.teks and "A.1" in pesan.teks
    assert "Ketik sendiri" in pesan.tombol_datar
    assert await _jumlah(bot, rapor_impor) == 0


@pytest.mark.parametrize(
    ("isi", "nama", "potongan"),
    [
        (contoh.bukan_xlsx, "RAPOR-PBD.xlsx", "bukan berkas Excel"),
        (contoh.bersandi, "RAPOR-PBD.xlsx", "kata sandi"),
        (contoh.terlalu_besar, "RAPOR-PBD.xlsx", "lebih dari 10 MB"),
        (contoh.bom_zip, "RAPOR-PBD.xlsx", "demi keamanan"),
        (contoh.buku_kosong, "RAPOR-PBD.xlsx", "kosong"),
    ],
    ids=["bukan_xlsx", "sandi", "besar", "bom", "kosong"],
)
async def test_berkas_rusak_ditolak_tanpa_simpan(
    bot: Any, koordinator: Pengguna, isi: Callable[[], bytes], nama: str, potongan: str
) -> None:
    await _unggah(koordinator, isi(), nama)
    pesan = await koordinator.balasan_berisi(potongan)
    assert "Tidak ada yang disimpan" in pesan.teks
    assert await _jumlah(bot, rapor_impor) == 0
    assert await _jumlah(bot, audit, audit.c.aksi == "rapor_impor") == 0


async def test_kepala_sekolah_lain_mengetik_enam_nilai(
    bot: Any, orang: Callable[[str], Pengguna]
) -> None:
    kepala = orang("Bu Ani")
    await daftarkan_sekolah(kepala, npsn="20599999", nama="SMP Negeri 2 Depok")
    await kepala.kirim("/rapor")
    await kepala.balasan_berisi("Belum ada Rapor Pendidikan")
    await kepala.tekan("Ketik sendiri")
    await kepala.balasan_berisi("6 indikator prioritas")
    await kepala.tekan("Rapor Pendidikan 2026")
    isian = [
        ("A.1", "Kurang", "38,5", "Turun", "Bawah (81-100%)"),
        ("A.2", "Sedang", "52", "Naik", None),
        ("A.3", "Baik", "71,2", None, None),
        ("D.1", "Sedang", "55", "Tidak berubah", "Menengah (41-60%)"),
        ("D.4", "Tidak Tersedia", None, None, None),
        ("D.8", "Kurang", "44", "Turun", "Menengah bawah (61-80%)"),
    ]
    for kode, label, nilai, arah, peringkat in isian:
        await kepala.balasan_berisi(kode)
        await kepala.tekan(label)
        if nilai is None:
            continue
        await kepala.balasan_berisi("Ketik")
        if kode == "A.1":  # a value that is no number is asked again
            await kepala.kirim("banyak")
            await kepala.balasan_berisi("belum terbaca")
        await kepala.kirim(nilai)
        await kepala.balasan_berisi("perubahannya")
        await kepala.tekan(arah or "Lewati")
        await kepala.balasan_berisi("Peringkat nasional")
        await kepala.tekan(peringkat or "Lewati")
    pratinjau = await kepala.balasan_berisi("Periksa dulu")
    assert "🔴 A.1 Kemampuan literasi: Kurang · 38,50% · Turun · nasional: Bawah" in pratinjau.teks
    assert "⚪ D.4 Iklim keamanan satuan pendidikan: Tidak Tersedia" in pratinjau.teks
    assert await _jumlah(bot, rapor_impor) == 0
    await kepala.tekan("Simpan", pratinjau)
    panel = await kepala.balasan_berisi("Tersimpan.")
    assert "Rapor Pendidikan 2026 (diketik" in panel.teks
    assert "🔴 D.8 Iklim Kebinekaan: Kurang · 44,00 · Turun" in panel.teks
    c = await _capaian(bot)
    assert set(c) == {"A.1", "A.2", "A.3", "D.1", "D.4", "D.8"}
    assert (c["A.1"].label, c["A.1"].nilai, c["A.1"].arah) == ("kurang", 38.5, "turun")
    assert c["A.1"].peringkat_nasional == 5 and c["A.2"].peringkat_nasional is None
    assert c["D.4"].label == "tidak_tersedia" and c["D.4"].nilai is None


async def test_koreksi_nilai_tercatat(bot: Any, koordinator: Pengguna) -> None:
    koor = koordinator
    await _unggah(koor, contoh.buku_2023(npsn=NPSN))
    await koor.tekan("Simpan", await koor.balasan_berisi("Periksa dulu"))
    await koor.balasan_berisi("Tersimpan.")
    await koor.tekan("Koreksi nilai")
    await koor.balasan_berisi("Pilih indikator")
    await koor.tekan("A.1 Kemampuan literasi")
    await koor.balasan_berisi("Pilih label yang benar")
    await koor.tekan("Sedang")
    await koor.balasan_berisi("Ketik")
    await koor.kirim("45")
    panel = await koor.balasan_berisi("Tersimpan.")
    assert "🟡 A.1 Kemampuan literasi: Sedang · 45,00%" in panel.teks
    c = await _capaian(bot)
    assert (c["A.1"].label, c["A.1"].nilai) == ("sedang", 45.0)
    async with bot.bot_data[KUNCI_LAYANAN].mesin.connect() as conn:
        rincian = [
            b.rincian
            for b in await conn.execute(select(audit).where(audit.c.aksi == "rapor_koreksi"))
        ]
    assert rincian[0]["lama"]["label"] == "kurang"
    assert rincian[1] == {"kode": "A.1", "lama": {"nilai": 38.5}, "baru": {"nilai": 45.0}}


async def test_impor_ulang_edisi_sama_mengganti_dan_mencatat(
    bot: Any, koordinator: Pengguna
) -> None:
    koor = koordinator
    for _ in range(2):
        await _unggah(koor, contoh.buku_2023(npsn=NPSN))
        await koor.tekan("Simpan", await koor.balasan_berisi("Periksa dulu"))
        await koor.balasan_berisi("Tersimpan.")
    assert await _jumlah(bot, rapor_impor) == 1
    assert await _jumlah(bot, rapor_capaian) == len(contoh.CONTOH) + 1
    async with bot.bot_data[KUNCI_LAYANAN].mesin.connect() as conn:
        rincian = [
            b.rincian
            for b in await conn.execute(
                select(audit).where(audit.c.aksi == "rapor_impor").order_by(audit.c.id)
            )
        ]
    assert rincian[0]["nilai_lama"] is None
    lama = {c["kode"]: c for c in rincian[1]["nilai_lama"]}
    assert lama["A.1"]["label"] == "kurang" and lama["A.1"]["nilai"] == 38.5


async def test_guru_ditolak(bot: Any, orang: Callable[[str], Pengguna]) -> None:
    kepala = orang("Pak Budi")
    await daftarkan_sekolah(kepala)
    guru = orang("Bu Sari")
    await gabung(guru, await undang(kepala, "Guru"))
    await guru.kirim("/rapor")
    pesan = await guru.balasan()
    assert pesan.teks.startswith("Maaf, /rapor hanya untuk Kepala Sekolah dan Koordinator TPMPS")
    await guru.kirim_dokumen(contoh.buku_2023(npsn=NPSN), "RAPOR.xlsx", XLSX)
    # Outside /rapor a file is not read: the catch-all answers, nothing is previewed.
    assert "Periksa dulu" not in (await guru.balasan()).teks
    assert await _jumlah(bot, rapor_impor) == 0
