"""A school of 150 members, over HTTP: /anggota (pages, search, a role change with its
confirmation, removal), /pemetaan (open, progress, the respondent list, nudge, close) and
/ringkasan. The members are seeded straight into the database; every command runs as a user
would send it. Every message the bot sends must fit Telegram: the fake Bot API refuses text
over 4096 characters and callback_data over 64 bytes, and each test counts the buttons."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import select

from bot.akses import KUNCI_LAYANAN
from bot.layanan.instrumen_berkas import bawaan
from bot.mutu.peran import Peran
from db import jawaban as db_jawaban
from db import keanggotaan as db_keanggotaan
from db import pengguna as db_pengguna
from db import siklus as db_siklus
from db.tabel import keanggotaan
from tests.fakes.pengguna import Pengguna, Pesan
from tests.percakapan.conftest import daftarkan_sekolah, sekolah_binaan

INST = bawaan()
JUMLAH = 150
# 63 characters, with the characters HTML must escape.
NAMA = "Dra. Siti Aminah <&> Wulandari binti Haji Abdurrahman Nomor {:03d}"
NILAI = {"ya_tidak": "tidak", "angka": "1", "persen": "50", "teks": "-"}


@dataclass
class SekolahBesar:
    app: Any
    sekolah_id: int
    kepala: Pengguna
    sari: Pengguna  # a guru with a short name, to search for
    anggota: list[Pengguna]  # everyone but the kepala


def muat(pesan: Pesan) -> Pesan:
    """The message fits Telegram: at most 100 buttons (text and data limits: the fake API)."""
    assert len(pesan.tombol_datar) <= 100, len(pesan.tombol_datar)
    assert "terjadi kesalahan" not in pesan.teks, pesan.teks
    return pesan


async def sesudah(p: Pengguna, pesan: Pesan) -> Pesan:
    """The message after the button pressed on it was handled (it is edited in place)."""
    await p.api.idle()
    return muat(p.pesan(pesan.message_id))


@pytest.fixture
async def besar(bot: Any, orang: Callable[[str], Pengguna]) -> SekolahBesar:
    kepala = orang("Pak Budi")
    await daftarkan_sekolah(kepala)
    sari = orang("Bu Sari Kusumawati")
    lain = [orang(NAMA.format(i)) for i in range(1, JUMLAH - 1)]
    lay = bot.bot_data[KUNCI_LAYANAN]
    async with lay.mesin.begin() as conn:
        (k,) = await db_keanggotaan.sekolah_pengguna(conn, kepala.id)
        for i, p in enumerate([sari, *lain]):
            peran = Peran.KOORDINATOR if i == 1 else Peran.TENDIK if i % 5 == 4 else Peran.GURU
            await db_pengguna.catat_kunjungan(conn, p.id, p.nama, None, lay.sekarang())
            await db_keanggotaan.tambah(
                conn, pengguna_id=p.id, sekolah_id=k.sekolah_id, peran=peran, waktu=lay.sekarang()
            )
    return SekolahBesar(bot, k.sekolah_id, kepala, sari, [sari, *lain])


async def _peran(app: Any, pengguna: Pengguna) -> tuple[str, bool]:
    async with app.bot_data[KUNCI_LAYANAN].mesin.connect() as conn:
        (baris,) = list(
            await conn.execute(select(keanggotaan).where(keanggotaan.c.pengguna_id == pengguna.id))
        )
    return baris.peran, baris.aktif


async def test_kepala_melihat_150_anggota_per_halaman_dan_mencari_nama(
    besar: SekolahBesar,
) -> None:
    kepala = besar.kepala
    await kepala.kirim("/anggota")
    daftar = muat(await kepala.balasan())
    assert "(150 orang)" in daftar.teks and "Halaman 1 dari 15" in daftar.teks
    assert len(daftar.tombol_datar) == 11 and daftar.tombol[-1] == ["Berikutnya ›"]
    terlihat = {t for t in daftar.tombol_datar if "·" in t}
    for _ in range(14):
        await kepala.tekan("Berikutnya ›", daftar)
        daftar = await sesudah(kepala, daftar)
        terlihat |= {t for t in daftar.tombol_datar if "·" in t}
    assert "Halaman 15 dari 15" in daftar.teks and "150. " in daftar.teks
    assert daftar.tombol[-1] == ["‹ Sebelumnya"]
    assert len(terlihat) == 150  # every member once, "<&>" shown as typed
    assert "Dra. Siti Aminah <&> Wulandari binti Haji Abdurrahman Nomor 148 · Guru" in terlihat

    await kepala.kirim("/anggota SARI")
    cari = muat(await kepala.balasan())
    assert cari.tombol_datar == ["Bu Sari Kusumawati · Guru"]
    await kepala.kirim("/anggota pak joko")
    kosong = await kepala.balasan()
    assert 'Tidak ada anggota SMP Negeri 1 Sleman yang namanya memuat "pak joko"' in kosong.teks

    await kepala.kirim("/anggota Nomor 1")  # Nomor 100 to 148
    cari = muat(await kepala.balasan())
    assert 'Nama memuat "nomor 1": 49 orang' in cari.teks and "Halaman 1 dari 5" in cari.teks
    await kepala.tekan("Berikutnya ›", cari)
    cari = await sesudah(kepala, cari)
    assert "Halaman 2 dari 5" in cari.teks and "Bu Sari" not in cari.teks
    assert all("Nomor 1" in t for t in cari.tombol_datar if "·" in t)


async def test_ubah_peran_menanyakan_dulu_dan_keluarkan_di_sekolah_besar(
    besar: SekolahBesar,
) -> None:
    kepala, sari, app = besar.kepala, besar.sari, besar.app
    await kepala.kirim("/anggota sari")
    pesan = await kepala.balasan()
    await kepala.tekan("Bu Sari Kusumawati · Guru", pesan)
    pesan = await sesudah(kepala, pesan)
    await kepala.tekan("Jadikan Kepala Sekolah", pesan)
    pesan = await sesudah(kepala, pesan)
    assert "Ubah peran Bu Sari Kusumawati dari Guru menjadi Kepala Sekolah?" in pesan.teks
    assert "Anda tetap Kepala Sekolah di SMP Negeri 1 Sleman" in pesan.teks
    await kepala.tekan("Batal", pesan)
    pesan = await sesudah(kepala, pesan)
    assert await _peran(app, sari) == ("guru", True)
    await sari.tidak_ada_balasan()

    await kepala.tekan("Jadikan Koordinator TPMPS", pesan)
    pesan = await sesudah(kepala, pesan)
    assert "menjadi Koordinator TPMPS?" in pesan.teks and "akan diberi tahu" in pesan.teks
    await kepala.tekan("Ya, jadikan Koordinator TPMPS", pesan)
    await sari.balasan_berisi("sekarang: Koordinator TPMPS")
    assert await _peran(app, sari) == ("koordinator", True)

    keluar = besar.anggota[100]
    await kepala.kirim("/anggota nomor 100")
    pesan = await kepala.balasan()
    await kepala.tekan(keluar.nama, pesan)
    pesan = await sesudah(kepala, pesan)
    await kepala.tekan("Keluarkan dari sekolah", pesan)
    pesan = await sesudah(kepala, pesan)
    await kepala.tekan("Ya, keluarkan", pesan)
    await keluar.balasan_berisi("tidak lagi terdaftar")
    assert await _peran(app, keluar) == ("guru", False)
    await kepala.kirim("/anggota")
    assert "(149 orang)" in (await kepala.balasan()).teks


async def _isi_jawaban(app: Any, anggota: list[Pengguna], sebagian: bool) -> None:
    """Store answers for these members: all their questions, or only the first three."""
    lay = app.bot_data[KUNCI_LAYANAN]
    async with lay.mesin.begin() as conn:
        for p in anggota:
            (m,) = await db_keanggotaan.sekolah_pengguna(conn, p.id)
            c = await db_siklus.terbuka(conn, m.sekolah_id)
            assert c is not None
            soal = [q for q in INST.pertanyaan_untuk(m.peran) if q.jika is None]
            for q in soal[:3] if sebagian else soal:
                await db_jawaban.simpan(
                    conn,
                    siklus_id=c.id,
                    pengguna_id=p.id,
                    responden=m.peran,
                    pertanyaan_kode=q.kode,
                    nilai=NILAI.get(q.jenis, "0"),
                    waktu=lay.sekarang(),
                )


async def test_pemetaan_150_anggota_dibuka_dipantau_diingatkan_dan_ditutup(
    besar: SekolahBesar,
) -> None:
    kepala, app = besar.kepala, besar.app
    await kepala.kirim("/pemetaan")
    panel = muat(await kepala.balasan_berisi("belum dibuka"))
    assert "setiap anggota (150 orang)" in panel.teks and "- Guru (120 orang)" in panel.teks
    await kepala.tekan("Kirim Evaluasi Diri Sekolah (opsional)", panel)
    await besar.anggota[-1].balasan_berisi("Evaluasi Diri Sekolah", timeout=60)
    await kepala.api.idle(timeout=60)
    await besar.anggota[3].balasan_berisi("Evaluasi Diri Sekolah")

    await _isi_jawaban(app, besar.anggota[2:42], sebagian=False)
    await _isi_jawaban(app, besar.anggota[42:72], sebagian=True)
    await kepala.kirim("/pemetaan")
    panel = muat(await kepala.balasan_berisi("Selesai ("))
    assert "Selesai (40): " in panel.teks and ", dan 32 lainnya" in panel.teks
    assert "Sedang mengisi (30)" in panel.teks and "Belum mulai (80)" in panel.teks

    await kepala.tekan("Daftar responden", panel)
    daftar = await sesudah(kepala, panel)
    assert "(150 orang)" in daftar.teks and "Halaman 1 dari 15" in daftar.teks
    await kepala.tekan("Berikutnya ›", daftar)
    daftar = await sesudah(kepala, daftar)
    assert "Halaman 2 dari 15" in daftar.teks and "11. " in daftar.teks
    await kepala.tekan("Kembali", daftar)
    panel = await sesudah(kepala, daftar)

    await kepala.tekan("Kembalikan jawaban untuk dicek", panel)
    pilih = muat(await kepala.balasan_berisi("Kembalikan jawaban"))
    assert "Halaman 1 dari 7 (70 orang sudah menjawab)" in pilih.teks
    assert len(pilih.tombol_datar) == 11
    await kepala.tekan("Berikutnya ›", pilih)
    assert "Halaman 2 dari 7" in (await sesudah(kepala, pilih)).teks

    await kepala.tekan("Ingatkan yang belum mulai (80)", panel)
    kabar = muat(await kepala.balasan_berisi("Pengingat sudah dikirim", timeout=60))
    assert "kepada 80 orang" in kabar.teks
    await besar.anggota[-1].balasan_berisi("Pengingat dari koordinator")
    await besar.anggota[3].tidak_ada_balasan()  # finished: not nudged

    await kepala.kirim("/pemetaan")
    panel = muat(await kepala.balasan_berisi("Selesai ("))
    await kepala.tekan("Tutup tahap 1", panel)
    konfirmasi = await sesudah(kepala, panel)
    assert "Yang belum selesai menjawab (110)" in konfirmasi.teks
    assert "- dan 102 orang lainnya" in konfirmasi.teks
    await kepala.tekan("Ya, tutup tahap 1", konfirmasi)
    peta = await sesudah(kepala, konfirmasi)
    assert peta.teks.startswith("Peta Mutu SMP Negeri 1 Sleman") and "tahap 2" in peta.teks

    await kepala.kirim("/ringkasan")
    ringkas = muat(await kepala.balasan_berisi("SMP Negeri 1 Sleman", timeout=30))
    for pesan in [ringkas, *await kepala.semua_balasan()]:
        muat(pesan)


SEKOLAH = "SMP Negeri {:03d} Kabupaten <Sleman> & Sekitarnya, Daerah Istimewa"


async def test_pengawas_dengan_300_sekolah_melihat_per_halaman_mencari_dan_memilih(
    bot: Any, orang: Callable[[str], Pengguna]
) -> None:
    pengawas = orang("Pak Pengawas")
    await sekolah_binaan(bot, pengawas, SEKOLAH)
    await pengawas.kirim("/sekolah")
    daftar = muat(await pengawas.balasan())
    assert "Sekolah Anda (300)" in daftar.teks and "Halaman 1 dari 30" in daftar.teks
    assert len(daftar.tombol_datar) == 11
    await pengawas.tekan("Berikutnya ›", daftar)
    daftar = await sesudah(pengawas, daftar)
    assert "Halaman 2 dari 30" in daftar.teks and "11. SMP Negeri" in daftar.teks

    await pengawas.kirim("/sekolah negeri 250")
    cari = muat(await pengawas.balasan())
    assert 'Nama memuat "negeri 250": 1 sekolah' in cari.teks
    await pengawas.tekan(SEKOLAH.format(250)[:60], cari)
    dipilih = await sesudah(pengawas, cari)
    assert "Sekolah aktif sekarang: SMP Negeri 250 Kabupaten <Sleman>" in dipilih.teks
    await pengawas.kirim("/sekolah negeri 999")
    assert "Tidak ada sekolah Anda" in (await pengawas.balasan()).teks

    await pengawas.kirim("/ringkasan")
    ringkas = muat(await pengawas.balasan_berisi("300", timeout=60))
    assert "300 sekolah" in ringkas.teks and "(halaman 1 dari 30)" in ringkas.teks
