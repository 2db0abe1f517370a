"""/akreditasi over HTTP: a school self-assesses butir, evidence of stage 1 and stage 3 is
offered by crosswalk, a too-large PDF is flagged, the estimate and grade match a hand
computation, the SPMI-versus-SPME gap list names the disagreements set up here, visit
practice feeds the estimate, and the report and bundle arrive and read back correct."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from bot.akses import KUNCI_LAYANAN
from bot.layanan import akreditasi_dokumen
from bot.layanan import bukti as layanan_bukti
from bot.layanan import rencana as layanan_rencana
from bot.layanan.aktor import kenali
from bot.layanan.bukti import Berkas
from bot.layanan.instrumen_berkas import bawaan
from bot.layanan.rencana import KegiatanBaru
from db import jawaban as db_jawaban
from db import siklus as db_siklus
from db.tabel import akreditasi_butir, akreditasi_latihan, akreditasi_tautan
from tests.fakes.pengguna import Pengguna, Pesan
from tests.percakapan.conftest import daftarkan_sekolah, gabung, undang
from tests.percakapan.penjawab import PDF_KECIL, PNG_KECIL
from tests.percakapan.test_rencana_komitmen import _ke_tahap_2, _tutup_tahap_1


def _teks_pdf(isi: bytes) -> str:
    return " ".join(" ".join(h.extract_text() for h in PdfReader(io.BytesIO(isi)).pages).split())


async def _jawaban_tahap_1(app: Any, kepala: Pengguna) -> None:
    """The principal's stage-1 answers, stored as the questionnaire would: indicator 7.1 all
    "tidak" (score 0, rated low), the rest "ya" or the third scale label; 1.1 then scores 7
    (rated high). A stage-1 photo of the KSP (question 2.2-02, indicator 2.2) is kept."""
    lay = app.bot_data[KUNCI_LAYANAN]
    async with lay.mesin.begin() as conn:
        c = await db_siklus.terbuka(conn, 1)
        assert c is not None
        for p in bawaan().pertanyaan_untuk("kepala_sekolah"):
            if p.jika is not None or p.jenis == "bukti":
                continue
            rendah = p.indikator_kode == "7.1"
            nilai = {
                "ya_tidak": "tidak" if rendah else "ya",
                "skala": "0" if rendah else "2",
                "angka": "2",
                "persen": "60",
                "teks": "-",
            }.get(p.jenis, "0")
            await db_jawaban.simpan(
                conn,
                siklus_id=c.id,
                pengguna_id=kepala.id,
                responden="kepala_sekolah",
                pertanyaan_kode=p.kode,
                nilai=nilai,
                waktu=lay.sekarang(),
            )
        await layanan_bukti.simpan(
            conn,
            lay,
            Berkas("foto-ksp", "u-ksp", None, "image/png", PNG_KECIL),
            sekolah_id=1,
            siklus_id=c.id,
            pengguna_id=kepala.id,
            sumber="pertanyaan:2.2-02",
        )


async def _tahap_3_dengan_bukti(app: Any, p: dict[str, Pengguna]) -> None:
    """A plan on indicator 7.1, approved; Bu Sari reports progress with a photo."""
    kepala, koor, sari = p["Pak Budi"], p["Bu Koor"], p["Bu Sari"]
    lay = app.bot_data[KUNCI_LAYANAN]
    aktor = await kenali(lay, koor.id, koor.nama, None)
    assert (await layanan_rencana.calon_masalah(lay, aktor))[0].kode == "7.1"
    await layanan_rencana.tambah_masalah(lay, aktor, "7.1", "sdm", "RKT belum berbasis data.")
    await layanan_rencana.tambah_program(lay, aktor, "7.1", "Perencanaan berbasis data")
    await layanan_rencana.tambah_kegiatan(
        lay,
        aktor,
        "7.1",
        1,
        KegiatanBaru(
            "Rapat RKT berbasis data",
            sari.id,
            date(2027, 1, 10),
            date(2027, 1, 20),
            0,
            "RKT disahkan",
            4.0,
        ),
    )
    await kepala.kirim("/perencanaan")
    await kepala.tekan("Setujui rencana", await kepala.balasan_berisi("Rencana Pemenuhan"))
    await sari.tekan("Saya berkomitmen", await sari.balasan_berisi("Komitmen baru"))
    await sari.kirim("/lapor")
    await sari.tekan("Rapat RKT berbasis data", await sari.balasan_berisi("Komitmen mana"))
    await sari.api.idle()
    await sari.tekan("Berjalan")
    await sari.api.idle()
    await sari.tekan("50%")
    await sari.balasan_berisi("Tulis catatan")
    await sari.kirim("Notula rapat sudah ada.")
    await sari.balasan_berisi("Kirim foto")
    await sari.kirim_foto(PNG_KECIL + b"notula")
    await sari.balasan_berisi("Laporan tersimpan")
    await kepala.api.idle()


async def _sekolah(app: Any, orang: Callable[[str], Pengguna]) -> dict[str, Pengguna]:
    p = {n: orang(n) for n in ("Pak Budi", "Bu Koor", "Bu Sari")}
    await daftarkan_sekolah(p["Pak Budi"])
    await gabung(p["Bu Koor"], await undang(p["Pak Budi"], "Koordinator TPMPS"))
    await gabung(p["Bu Sari"], await undang(p["Pak Budi"], "Guru"))
    await _ke_tahap_2(p["Pak Budi"])
    await _jawaban_tahap_1(app, p["Pak Budi"])
    await _tutup_tahap_1(p["Pak Budi"])
    await _tahap_3_dengan_bukti(app, p)
    for orang_ in p.values():
        await orang_.semua_balasan()
    return p


async def _ke_butir(koor: Pengguna, komponen: str, kode: str) -> Pesan:
    await koor.kirim("/akreditasi")
    await koor.tekan(komponen, await koor.balasan_berisi("Persiapan akreditasi"))
    daftar = await koor.balasan_berisi("Pilih butir")
    assert f"akr:b:iasp2020:{kode}" in daftar.data.values(), daftar.data
    await koor.tekan_data(f"akr:b:iasp2020:{kode}", daftar)
    return await koor.balasan_berisi(f"Butir {kode}")


async def _nilai(koor: Pengguna, pesan: Pesan, level: int) -> Pesan:
    await koor.tekan(str(level), pesan)
    return await koor.balasan_berisi("Tersimpan")


async def _jumlah(app: Any, tabel: Any) -> int:
    async with app.bot_data[KUNCI_LAYANAN].mesin.connect() as conn:
        return int((await conn.execute(select(func.count()).select_from(tabel))).scalar_one())


async def test_kesiapan_akreditasi_utuh(
    mulai_bot: Callable[[], Any],
    orang: Callable[[str], Pengguna],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    async with mulai_bot() as app:
        p = await _sekolah(app, orang)
        kepala, koor, sari = p["Pak Budi"], p["Bu Koor"], p["Bu Sari"]

        await koor.kirim("/akreditasi")
        await koor.tekan("IASP 2020", await koor.balasan_berisi("Untuk instrumen mana"))
        panel = await koor.balasan_berisi("Persiapan akreditasi · IASP 2020")
        assert "Nilai akhir belum dapat diperkirakan" in panel.teks

        # Stage-1 evidence (indicator 2.2) comes first for butir 24 (crosswalk 2.2, 2.3).
        butir = await _ke_butir(koor, "Manajemen Sekolah", "24")
        assert "Rumusan Asisten Mutu, bukan teks resmi" in butir.teks
        assert "telaah dokumen, wawancara" in butir.teks
        await koor.tekan("Tautkan bukti yang sudah ada", butir)
        tawaran = await koor.balasan_berisi("Tautkan bukti ke butir 24")
        assert tawaran.tombol_datar[0].startswith("★ Pemetaan 2.2-02"), tawaran.tombol_datar
        await koor.tekan(tawaran.tombol_datar[0], tawaran)
        butir = await koor.balasan_berisi("Bukti tertaut")
        assert "Pemetaan 2.2-02" in butir.teks
        await _nilai(koor, butir, 4)

        # Stage-3 evidence (a report on a 7.1 commitment) comes first for butir 35.
        butir = await _ke_butir(koor, "Manajemen Sekolah", "35")
        await koor.tekan("Tautkan bukti yang sudah ada", butir)
        tawaran = await koor.balasan_berisi("Tautkan bukti ke butir 35")
        assert tawaran.tombol_datar[0].startswith("★ Laporan komitmen 7.1"), tawaran.tombol_datar
        assert not any(t.startswith("★ Pemetaan") for t in tawaran.tombol_datar)
        await koor.tekan(tawaran.tombol_datar[0], tawaran)
        butir = await koor.balasan_berisi("Bukti tertaut")
        # A doubled press changes nothing twice.
        await koor.tekan("4", butir)
        await koor.tekan("4", butir)
        await koor.api.idle()
        assert await _jumlah(app, akreditasi_butir) == 2
        qid = await koor.tekan_data(tawaran.data[tawaran.tombol_datar[0]], tawaran)
        await koor.jawaban_callback(qid)
        await koor.semua_balasan()
        assert await _jumlah(app, akreditasi_tautan) == 2

        # Mutu Lulusan 1, 2, 3; Proses Pembelajaran 12, 13; Mutu Guru 20; IPR 1 and 5.
        for komponen, kode, level in (
            ("Mutu Lulusan", "1", 4),
            ("Mutu Lulusan", "2", 3),
            ("Mutu Lulusan", "3", 3),
            ("Proses Pembelajaran", "12", 4),
            ("Proses Pembelajaran", "13", 3),
            ("Mutu Guru", "20", 3),
            ("Butir IPR", "IPR5", 3),
        ):
            butir = await _ke_butir(koor, komponen, kode)
            simpan = await _nilai(koor, butir, level)
        assert "dihitung 2: belum ada bukti" in simpan.teks
        await koor.tekan("Tandai masih kurang", simpan)
        tanda = await koor.balasan_berisi("Ditandai masih kurang")
        assert "Hapus tanda kurang" in tanda.tombol_datar

        # IPR1: a new photo sent as evidence, then level 4; a wrong file type is refused.
        butir = await _ke_butir(koor, "Butir IPR", "IPR1")
        await koor.tekan("Kirim bukti baru", butir)
        await koor.balasan_berisi("Kirim foto atau berkas PDF untuk butir IPR1")
        await koor.kirim("nanti saya kirim")
        await koor.balasan_berisi("dijawab dengan mengirim foto atau berkas PDF")
        await koor.kirim_dokumen(b"PK\x03\x04", "ijazah.docx", "application/msword")
        await koor.balasan_berisi("Berkas itu tidak bisa diterima")
        lagi = await koor.balasan_berisi("Kirim foto atau berkas PDF untuk")  # asked again
        assert "Sistem asesor menerima PDF, JPG, atau PNG" in lagi.teks
        await koor.kirim_foto(PNG_KECIL + b"ijazah")
        butir = await koor.balasan_berisi("Bukti tersimpan dan tertaut")
        # A wrong file linked by mistake is unlinked, and sent again.
        await koor.tekan("Lepas: Butir IPR1", butir)
        lepas = await koor.balasan_berisi("Tersimpan")
        assert "Belum ada bukti tertaut" in lepas.teks
        await koor.tekan("Tautkan bukti yang sudah ada", lepas)
        tawaran = await koor.balasan_berisi("Tautkan bukti ke butir IPR1")
        await koor.tekan("Butir IPR1", tawaran)
        butir = await koor.balasan_berisi("Bukti tertaut")
        await _nilai(koor, butir, 4)

        # Document checklist: a 2.5 MB PDF is flagged; a small one is fine; a video link.
        await koor.kirim("/akreditasi")
        await koor.tekan("Dokumen sebelum visitasi", await koor.balasan_berisi("Persiapan"))
        daftar = await koor.balasan_berisi("Dokumen yang diunggah sebelum visitasi")
        await koor.tekan("Rencana Kerja Tahunan", daftar)
        await koor.tekan("Kirim berkas", await koor.balasan_berisi("Belum ada"))
        await koor.balasan_berisi("paling besar 2 MB")
        # A ZIP named rkt.pdf is no PDF: refused, said so, and the file asked for again.
        zip_ = io.BytesIO()
        with zipfile.ZipFile(zip_, "w") as z:
            z.writestr("rkt.docx", "bukan pdf")
        await koor.kirim_dokumen(zip_.getvalue(), "rkt.pdf", "application/pdf")
        await koor.balasan_berisi("Isi berkas itu bukan PDF, JPG, atau PNG")
        lagi = await koor.balasan_berisi("Kirim foto atau berkas PDF untuk")  # asked again
        assert "paling besar 2 MB" in lagi.teks
        besar = b"%PDF-1.4\n" + b"0" * (2_500_000) + b"\n%%EOF\n"
        await koor.kirim_dokumen(besar, "rkt.pdf", "application/pdf")
        hasil = await koor.balasan_berisi("Berkas tersimpan")
        assert "Tidak sesuai" in hasil.teks
        assert "Sistem asesor akan menolak berkas ini: lebih dari 2 MB" in hasil.teks
        await koor.tekan("Dokumen sebelum visitasi", hasil)
        daftar = await koor.balasan_berisi("Dokumen yang diunggah")
        await koor.tekan("Video lingkungan belajar", daftar)
        await koor.tekan("Kirim tautan", await koor.balasan_berisi("Belum ada"))
        await koor.balasan_berisi("Kirim tautan untuk")
        await koor.kirim("video kelas kami")
        await koor.balasan_berisi("Tautan belum terbaca")
        await koor.kirim("https://youtu.be/abc123")
        hasil = await koor.balasan_berisi("Tersimpan")
        assert "https://youtu.be/abc123" in hasil.teks
        await koor.tekan("Dokumen sebelum visitasi", hasil)
        daftar = await koor.balasan_berisi("Dokumen yang diunggah")
        await koor.tekan("Kurikulum Satuan Pendidikan", daftar)
        await koor.tekan("Kirim berkas", await koor.balasan_berisi("Belum ada"))
        await koor.balasan_berisi("Kirim foto atau berkas PDF untuk")

    # A restart while the bot waits for the KSP file: nothing is lost.
    async with mulai_bot() as app:
        await koor.kirim_dokumen(PDF_KECIL, "ksp.pdf", "application/pdf")
        hasil = await koor.balasan_berisi("Berkas tersimpan")
        assert "Ada" in hasil.teks and "menolak" not in hasil.teks
        await koor.tekan("Dokumen sebelum visitasi", hasil)
        daftar = await koor.balasan_berisi("Dokumen yang diunggah")
        assert "⚠️ Berkas lebih dari 2 MB" in daftar.teks

        # Visit practice: class observation (O2 not seen caps butir 12 at level 1).
        await koor.kirim("/akreditasi")
        await koor.tekan("Latihan visitasi", await koor.balasan_berisi("Persiapan"))
        latihan = await koor.balasan_berisi("Latihan visitasi")
        await koor.tekan("Isi observasi kelas", latihan)
        for nomor in range(1, 9):
            soal = await koor.balasan_berisi(f"Observasi kelas ({nomor}/8)")
            await koor.tekan("Tidak terlihat" if nomor == 2 else "Terlihat", soal)
        assert (
            "7 dari 8 hal terlihat" in (await koor.balasan_berisi("Observasi kelas tersimpan")).teks
        )

        # Interviews: the teachers get theirs through the outbox; the principal in the chat.
        await koor.tekan("Kirim latihan wawancara ke guru", latihan)
        await koor.balasan_berisi("dikirim ke 1 guru")
        await koor.tekan("Kirim latihan wawancara ke guru", latihan)  # doubled: sent once
        await koor.balasan_berisi("dikirim ke 1 guru")
        from bot.app import KUNCI_PENGIRIM

        await app.bot_data[KUNCI_PENGIRIM].putaran()
        undangan = await sari.balasan_berisi("Latihan wawancara akreditasi")
        await sari.tidak_ada_balasan()
        await sari.tekan("Mulai latihan wawancara", undangan)
        soal = await sari.balasan_berisi("Latihan wawancara (1/")
        assert "butir 1" in soal.teks
        await sari.kirim("Saya catat di buku piket dan panggil orang tuanya bila berulang.")
        soal = await sari.balasan_berisi("Latihan wawancara (2/")
        assert "butir 3" in soal.teks
        await sari.kirim("   ")  # nothing typed: asked again, nothing stored
        await sari.balasan_berisi("Isian masih kosong")
        await sari.kirim("Tugas proyek bertahap dengan umpan balik tiap minggu.")
        await sari.balasan_berisi("Latihan wawancara (3/")
        await sari.kirim_foto(PNG_KECIL)  # a file where a typed answer is expected
        await sari.balasan_berisi("tidak meminta berkas")
        await sari.kirim("/batal")
        await sari.semua_balasan()

        await kepala.kirim("/akreditasi")
        await kepala.tekan("Latihan visitasi", await kepala.balasan_berisi("Persiapan"))
        await kepala.tekan(
            "Mulai latihan wawancara", await kepala.balasan_berisi("Latihan visitasi")
        )
        soal = await kepala.balasan_berisi("Latihan wawancara (1/")
        assert "butir 2" in soal.teks
        await kepala.kirim("Salat dhuha bersama dan perayaan hari besar semua agama.")
        await kepala.balasan_berisi("Latihan wawancara (2/")
        await kepala.kirim("/batal")
        await kepala.semua_balasan()
        assert await _jumlah(app, akreditasi_latihan) == 8 + 3

        # The estimate, computed by hand (weights of the data file: IPR 15, ML 30, PP 25,
        # MG 15, MS 15; a component is sum of levels / (4 x butir assessed) x 100):
        #   ML: 1 -> 4 (observed, interview), 2 -> 3 (interview), 3 -> 3 (interview) = 10/12
        #   PP: 12 -> 1 (O2 not seen caps it), 13 -> 3 (O1 seen)                     =  4/8
        #   MG: 20 -> 2 (level 3, no support)                                         =  2/4
        #   MS: 24 -> 4 (stage-1 photo), 35 -> 4 (stage-3 photo)                      =  8/8
        #   IPR: IPR1 -> 4 (photo), IPR5 -> 2 (level 3, no support)                   =  6/8
        ml, pp, mg, ms, ipr = 100 * 10 / 12, 50.0, 50.0, 100.0, 75.0
        na = 0.15 * ipr + 0.30 * ml + 0.25 * pp + 0.15 * mg + 0.15 * ms
        assert round(na, 2) == 71.25  # -> C (71-80)
        await koor.kirim("/akreditasi")
        panel = await koor.balasan_berisi("Persiapan akreditasi")
        assert "Mutu Lulusan (bobot 30%): 83,33 · 3/11 butir dinilai" in panel.teks
        assert "Proses Pembelajaran (bobot 25%): 50,00" in panel.teks
        assert "Relatif (IPR) (bobot 15%): 75,00 · 2/9 butir dinilai" in panel.teks
        assert "Nilai akhir: 71,25 · perkiraan peringkat C (Cukup)" in panel.teks
        assert "Dokumen sebelum visitasi: 2 ada · 1 tidak sesuai · 4 belum" in panel.teks
        assert "Butir ditandai masih kurang: IPR5" in panel.teks

        # The gaps: 1.1 rated high with no support for butir 4; 7.1 rated low while butir 35
        # counts level 4 with evidence.
        await koor.tekan("Kesenjangan SPMI dan SPME", panel)
        gap = await koor.balasan_berisi("Evaluasi diri (SPMI)")
        assert (
            "Indikator 1.1 dinilai tinggi di pemetaan mutu (skor 7,00), tetapi butir 4, 31 belum "
            "punya bukti" in gap.teks
        )
        assert (
            "Indikator 7.1 dinilai rendah di pemetaan mutu (skor 0,00), tetapi butir 35 (level 4) "
            "didukung bukti" in gap.teks
        )
        assert "butir 1," not in gap.teks and "butir 2," not in gap.teks  # observed, interviewed
        await koor.tekan_data("akr:b:iasp2020:1", gap)
        butir = await koor.balasan_berisi("Butir 1")
        assert "💬 Wawancara, Bu Sari: Saya catat di buku piket" in butir.teks
        assert "Observasi: 1 dari 1 terlihat" in butir.teks

        # A stale button gets a clear word.
        await koor.tekan_data("akr:b:iasp2020:99", gap)
        await koor.balasan_berisi("Tombol itu sudah tidak berlaku")

        # The report.
        await koor.tekan("Kembali ke ringkasan", gap)
        panel = await koor.balasan_berisi("Persiapan akreditasi")
        await koor.tekan("Laporan kesiapan (PDF)", panel)
        laporan = await koor.balasan()
        assert laporan.dokumen_nama and laporan.dokumen_nama.startswith("Kesiapan-Akreditasi_SMP")
        teks = _teks_pdf(laporan.dokumen or b"")
        for isi in (
            "LAPORAN KESIAPAN AKREDITASI",
            "71,25",
            "C (Cukup)",
            "83,33",
            "Pemetaan 2.2-02",
            "Indikator 7.1 dinilai rendah",
            "lebih dari 2 MB",
            "Bobot per komponen",
            "Salat dhuha bersama",  # the principal's interview answer
            "Tidak terlihat",  # observation O2
        ):
            assert isi in teks, isi

        # The bundle, with a small upload limit: the 2.5 MB PDF is left out and named.
        monkeypatch.setattr(akreditasi_dokumen, "BATAS_BUNDEL", 2 * 1024 * 1024)
        await koor.tekan("Bundel bukti (ZIP)", panel)
        zip_ = await koor.balasan()
        assert zip_.dokumen_nama and zip_.dokumen_nama.endswith(".zip")
        keterangan = await koor.balasan_berisi("Bundel bukti terkirim")
        assert "1 bagian, 4 berkas" in keterangan.teks
        assert "Dokumen wajib · Rencana Kerja Tahunan (RKT)" in keterangan.teks
        with zipfile.ZipFile(io.BytesIO(zip_.dokumen or b"")) as z:
            nama = z.namelist()
            indeks = _teks_pdf(z.read("00_Indeks-Bukti.pdf"))
        assert any(n.startswith("MS_Manajemen-Sekolah-Madrasah/Butir-24/01_") for n in nama), nama
        assert any(n.startswith("MS_Manajemen-Sekolah-Madrasah/Butir-35/01_") for n in nama)
        assert any(n.startswith("IPR_") and "/Butir-IPR1/" in n for n in nama), nama
        assert any(n.startswith("Dokumen-Wajib/KSP_") for n in nama)
        assert not any("RKT" in n for n in nama)
        assert "MS · Butir 24" in indeks and "Berkas yang tidak disertakan" in indeks
