"""PBD over HTTP (issue 11, stage 2): with a Rapor Pendidikan import, /perencanaan offers the
priority indicators labelled Kurang/Sedang in PBD order (then the school's own evaluation),
suggests root-cause indicators from the school's report (the bot's, not the ministry's), asks
per kegiatan "butuh biaya" and the ARKAS activity, and after approval sends the Lembar Kerja
RKT (XLSX and DOCX) that reads back with the right rows. Bad input at each new step gets the
message and the question again, with nothing stored."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import docx
from openpyxl import load_workbook
from sqlalchemy import func, select

from bot.akses import KUNCI_LAYANAN
from bot.layanan import rapor as lay_rapor
from db.tabel import kegiatan, masalah
from tests import rapor_contoh as contoh
from tests.fakes.pengguna import Pengguna
from tests.percakapan.conftest import daftarkan_sekolah, gabung, undang
from tests.percakapan.test_rencana_komitmen import (
    _isi_jawaban_kepala,
    _ke_tahap_2,
    _tutup_tahap_1,
)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
NPSN = "20512345"
# By hand, from tests/rapor_contoh.CONTOH (label; national rank group; change) for an SMP:
#   D.4 Kurang, bawah (5), Turun 8      A.1 Kurang, menengah bawah (4), Turun 5,2
#   D.1 Sedang, menengah bawah (4)      A.2 Sedang, menengah (3)
#   A.3 and D.8 are Baik: not problems.
URUTAN_TANGAN = ["D.4", "A.1", "D.1", "A.2"]


def _nama(kode: str) -> str:
    ind = lay_rapor.katalog().cari(kode, "SMP")
    assert ind is not None
    return ind.nama


async def _jumlah(app: Any, tabel: Any) -> int:
    async with app.bot_data[KUNCI_LAYANAN].mesin.connect() as conn:
        return int((await conn.execute(select(func.count()).select_from(tabel))).scalar_one())


async def _impor(koor: Pengguna) -> None:
    await koor.kirim("/rapor")
    await koor.balasan_berisi("Kirim berkas Excel")
    await koor.kirim_dokumen(contoh.buku_2023(npsn=NPSN), "RAPOR-PBD.xlsx", XLSX)
    await koor.tekan("Simpan", await koor.balasan_berisi("Periksa dulu"))
    await koor.balasan_berisi("Tersimpan.")


async def _sampai_biaya(koor: Pengguna, uraian: str) -> None:
    await koor.balasan_berisi("Ketik uraian kegiatannya")
    await koor.kirim(uraian)
    await koor.tekan("Bu Sari", await koor.balasan_berisi("penanggung jawab"))
    await koor.balasan_berisi("Kapan kegiatan mulai")
    await koor.kirim("1 Februari 2027")
    await koor.tekan("Ya, benar", await koor.balasan_berisi("Benar?"))
    await koor.kirim("28/2/2027")
    await koor.tekan("Ya, benar", await koor.balasan_berisi("Benar?"))


async def test_pbd_identifikasi_refleksi_benahi_dan_lembar_rkt(
    mulai_bot: Callable[[], Any], orang: Callable[[str], Pengguna]
) -> None:
    kepala, koor, sari = orang("Pak Budi"), orang("Bu Koor"), orang("Bu Sari")
    async with mulai_bot() as app:
        await daftarkan_sekolah(kepala)
        await gabung(koor, await undang(kepala, "Koordinator TPMPS"))
        await gabung(sari, await undang(kepala, "Guru"))
        await _ke_tahap_2(kepala)
        await _isi_jawaban_kepala(app, kepala)
        await _tutup_tahap_1(kepala)
        await _impor(koor)

        # Identifikasi: the Rapor Pendidikan problems in PBD order, then the own evaluation.
        await koor.kirim("/perencanaan")
        calon = await koor.balasan_berisi("Identifikasi: pilih masalah prioritas")
        kode = [baris[0].split()[0] for baris in calon.data_urut]
        assert kode[:4] == URUTAN_TANGAN, kode
        assert all(not k[0].isalpha() for k in kode[4:]) and len(kode) == 10  # SNP codes
        assert calon.data_urut[1][0].startswith(f"A.1 {_nama('A.1')}")
        assert "Rapor Pendidikan 2023" in calon.teks
        assert "Dari evaluasi diri sekolah" in calon.teks
        assert calon.teks.index("D.4") < calon.teks.index("A.1") < calon.teks.index("A.2")

        # Refleksi: the bot's suggestions from the school's own report, marked as the bot's.
        await koor.tekan(calon.data_urut[1][0], calon)
        refleksi = await koor.balasan_berisi("Refleksi: A.1")
        assert "bukan kartu akar masalah resmi Kementerian" in refleksi.teks
        for k in ("D.1", "D.2", "D.3"):
            assert any(t.startswith(f"{k} {_nama(k)}"[:60]) for t in refleksi.tombol_datar), k
        assert f"🔴 D.2 {_nama('D.2')}: Kurang · 41,00" in refleksi.teks
        assert f"D.2.2 {_nama('D.2.2')}" in refleksi.teks  # its sub-indicators to check
        assert "✏️ Tulis akar masalah sendiri" in refleksi.tombol_datar
        # Typed text where a button is wanted: the message and the question again.
        await koor.kirim("D.2 saja")
        lagi = await koor.balasan_berisi("Mohon pilih salah satu tombol")
        assert "Refleksi: A.1" in lagi.teks
        assert await _jumlah(app, masalah) == 0
        await koor.tekan(f"D.2 {_nama('D.2')}"[:60], lagi)
        kategori = await koor.balasan_berisi("penanda kasar")
        assert "D.2" in kategori.teks
        await koor.tekan("Proses pembelajaran", kategori)
        await koor.balasan_berisi("mengapa D.2 menjadi penyebab A.1")
        await koor.kirim("Guru jarang merefleksikan hasil asesmen bersama.")
        await koor.balasan_berisi("ketik nama program")
        assert await _jumlah(app, masalah) == 1
        await koor.kirim("Penguatan literasi lewat komunitas belajar")

        # Benahi, with butuh biaya and an ARKAS activity.
        await _sampai_biaya(koor, "Kombel literasi tiap bulan")
        tanya_biaya = await koor.balasan_berisi("butuh biaya")
        await koor.kirim("ya")  # typed where a button is wanted
        tanya_biaya = await koor.balasan_berisi("Mohon pilih salah satu tombol")
        assert "butuh biaya" in tanya_biaya.teks
        await koor.tekan("Ya, butuh biaya", tanya_biaya)
        tanya_arkas = await koor.balasan_berisi("Kegiatan ARKAS")
        assert "belum terkonfirmasi" in tanya_arkas.teks
        assert any(t.startswith("03.03.02") for t in tanya_arkas.tombol_datar)
        await koor.kirim("99.9 sembarang")  # a code of another shape
        lagi = await koor.balasan_berisi("Kegiatan ARKAS itu belum terbaca")
        assert "Kegiatan ARKAS" in lagi.teks and lagi.tombol_datar == tanya_arkas.tombol_datar
        assert await _jumlah(app, kegiatan) == 0
        await koor.tekan("03.03.02", lagi)
        await koor.balasan_berisi("Berapa anggarannya")
        await koor.kirim("Rp2.000.000")
        await koor.balasan_berisi("indikator keberhasilannya")
        await koor.kirim("Semua guru kelas ikut kombel")
        await koor.balasan_berisi("target nilai indikator A.1")
        await koor.kirim("150")
        await koor.balasan_berisi("Target nilai harus angka 0 sampai 100")
        assert await _jumlah(app, kegiatan) == 0
        await koor.kirim("55")
        await koor.tekan("Tambah kegiatan lain", await koor.balasan_berisi("Kegiatan tersimpan"))

        # A second kegiatan that needs no money: no ARKAS, no budget asked.
        await _sampai_biaya(koor, "Jurnal refleksi guru")
        biaya2 = await koor.balasan_berisi("butuh biaya")
        await koor.tekan("Tidak butuh biaya", biaya2)
        await koor.balasan_berisi("indikator keberhasilannya")
        await koor.kirim("Setiap guru menulis jurnal")
        await koor.kirim("50")
        await koor.balasan_berisi("Kegiatan tersimpan")
        # A stale button (the first activity's ARKAS choice) changes nothing.
        await koor.tekan("03.03.02", lagi)
        await koor.api.idle()
        assert await _jumlah(app, kegiatan) == 2

        # Approval sends the Rencana Pemenuhan Mutu and the Lembar Kerja RKT.
        await kepala.kirim("/perencanaan")
        await kepala.tekan("Setujui rencana", await kepala.balasan_berisi("Rencana Pemenuhan Mutu"))
        berkas = {}
        for _ in range(4):
            p = await kepala.balasan()
            while not p.dokumen_nama:
                p = await kepala.balasan()
            berkas[
                p.dokumen_nama.rsplit(".", 1)[1] + ("_rkt" if "RKT" in p.dokumen_nama else "")
            ] = p.dokumen
        assert set(berkas) == {"docx", "pdf", "xlsx_rkt", "docx_rkt"}, set(berkas)

        wb = load_workbook(io.BytesIO(berkas["xlsx_rkt"] or b""))
        ws = wb.active
        assert ws is not None
        semua = [[c for c in r] for r in ws.iter_rows(values_only=True)]
        assert any(r[0] == "SMP Negeri 1 Sleman" for r in semua)
        kepala_i = next(i for i, r in enumerate(semua) if r[1] == "Identifikasi")
        judul = semua[kepala_i]
        assert judul[3] == "Akar Masalah" and judul[2] == "Capaian *"
        assert judul[11] == "Anggaran (Rp) **"
        baris = [r for r in semua[kepala_i + 1 :] if isinstance(r[0], int)]
        assert len(baris) == 2
        satu, dua = baris
        assert satu[1] == f"A.1 {_nama('A.1')}"
        assert satu[2] == "Kurang · 38,50%"
        assert str(satu[3]).startswith(f"D.2 {_nama('D.2')}: Guru jarang merefleksikan")
        assert satu[4] == "Kombel literasi tiap bulan"
        assert "Penguatan literasi lewat komunitas belajar" in str(satu[5])
        assert satu[6] == "Ya"
        assert str(satu[7]).startswith("03.03.02 Pengembangan Kegiatan Literasi dan Numerasi")
        assert satu[8] == "Bu Sari" and satu[11] == 2_000_000
        assert dua[4] == "Jurnal refleksi guru" and dua[6] == "Tidak" and not dua[7]
        assert dua[11] == 0
        assert any("belum terkonfirmasi" in str(r[0]) for r in semua if r[0])

        word = docx.Document(io.BytesIO(berkas["docx_rkt"] or b""))
        tabel = word.tables[-1]
        teks_baris = [[c.text for c in r.cells] for r in tabel.rows]
        assert teks_baris[0][1] == "Identifikasi" and teks_baris[0][6] == "Butuh Biaya? *"
        assert len(teks_baris) == 3
        assert teks_baris[1][1] == f"A.1 {_nama('A.1')}" and teks_baris[1][6] == "Ya"
        assert teks_baris[1][7].startswith("03.03.02")
        assert teks_baris[2][4] == "Jurnal refleksi guru" and teks_baris[2][6] == "Tidak"
        badan = " ".join(p.text for p in word.paragraphs)
        assert "SMP Negeri 1 Sleman" in badan and "belum terkonfirmasi" in badan

        # /laporan offers the sheet too.
        await koor.kirim("/laporan")
        daftar = await koor.balasan_berisi("dokumen")
        assert "Lembar Kerja RKT (XLSX dan DOCX)" in daftar.tombol_datar
        await koor.tekan("Lembar Kerja RKT (XLSX dan DOCX)", daftar)
        nama = {(await koor.balasan()).dokumen_nama for _ in range(2)}
        assert all(n and n.startswith("Lembar-Kerja-RKT_SMP-Negeri-1-Sleman_") for n in nama)
