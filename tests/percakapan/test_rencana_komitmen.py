"""Stages 2 and 3 over HTTP: a plan built by the coordinator, approved by the principal,
documents read back, commitments accepted and reported on; restarts in between."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import docx
from pypdf import PdfReader
from sqlalchemy import select

from bot.akses import KUNCI_LAYANAN
from bot.layanan.instrumen_berkas import bawaan
from db import jawaban as db_jawaban
from db import siklus as db_siklus
from db.tabel import bukti, komitmen, laporan, rencana
from tests.fakes.pengguna import Pengguna
from tests.percakapan.conftest import daftarkan_sekolah, gabung, undang
from tests.percakapan.penjawab import PNG_KECIL


async def _ke_tahap_2(kepala: Pengguna) -> None:
    """Open stage 1 (the answers are then stored straight in the database, and it is closed)."""
    await kepala.kirim("/pemetaan")
    await kepala.tekan(
        "Kirim Evaluasi Diri Sekolah (opsional)", await kepala.balasan_berisi("belum dibuka")
    )
    await kepala.api.idle()


async def _isi_jawaban_kepala(app: Any, kepala: Pengguna) -> None:
    lay = app.bot_data[KUNCI_LAYANAN]
    async with lay.mesin.begin() as conn:
        c = await db_siklus.terbuka(conn, 1)
        assert c is not None
        for i, p in enumerate(
            q for q in bawaan().pertanyaan_untuk("kepala_sekolah") if q.jika is None
        ):
            nilai = {
                "ya_tidak": "ya" if i % 3 else "tidak",
                "angka": "2",
                "persen": "40",
                "teks": "-",
            }
            await db_jawaban.simpan(
                conn,
                siklus_id=c.id,
                pengguna_id=kepala.id,
                responden="kepala_sekolah",
                pertanyaan_kode=p.kode,
                nilai=nilai.get(p.jenis, str(i % 4 if p.jenis == "skala" else 0)),
                waktu=lay.sekarang(),
            )


async def _tutup_tahap_1(kepala: Pengguna) -> None:
    await kepala.kirim("/pemetaan")
    panel = await kepala.balasan_berisi("Pemetaan mutu")
    await kepala.tekan("Tutup tahap 1", panel)
    await kepala.api.idle()
    await kepala.tekan("Ya, tutup tahap 1", kepala.pesan(panel.message_id))
    await kepala.balasan()  # the chart
    await kepala.api.idle()


async def _kegiatan(
    koor: Pengguna,
    deskripsi: str,
    pic: str,
    mulai: list[str],
    selesai: list[str],
    anggaran: list[str],
) -> None:
    """Type one activity, answering each date and amount in turn (wrong ones first)."""
    await koor.balasan_berisi("Ketik uraian kegiatannya")
    await koor.kirim(deskripsi)
    await koor.tekan(pic, await koor.balasan_berisi("penanggung jawab"))
    await koor.balasan_berisi("Kapan kegiatan mulai")
    for nomor, tanggal in enumerate(mulai):
        await koor.kirim(tanggal)
        pesan = await koor.balasan()
        if nomor < len(mulai) - 1:
            assert "belum terbaca" in pesan.teks, pesan.teks
    await koor.tekan("Ya, benar", pesan)
    await koor.balasan_berisi("Kapan kegiatan selesai")
    for nomor, tanggal in enumerate(selesai):
        await koor.kirim(tanggal)
        pesan = await koor.balasan()
        if nomor < len(selesai) - 1:
            assert "⚠️" in pesan.teks, pesan.teks
    await koor.tekan("Ya, benar", pesan)
    await koor.balasan_berisi("Berapa anggarannya")
    for nomor, jumlah in enumerate(anggaran):
        await koor.kirim(jumlah)
        pesan = await koor.balasan()
        if nomor < len(anggaran) - 1:
            assert "Anggaran itu belum terbaca" in pesan.teks
    assert "indikator keberhasilannya" in pesan.teks
    await koor.kirim(f"Tercapai: {deskripsi}")
    await koor.balasan_berisi("target skor")
    await koor.kirim("tiga")
    await koor.balasan_berisi("Kegiatan tersimpan")


async def test_rencana_disusun_disetujui_dan_komitmen_dilaporkan(
    mulai_bot: Callable[[], Any], orang: Callable[[str], Pengguna]
) -> None:
    kepala, koor, sari, rina = (
        orang("Pak Budi"),
        orang("Bu Koor"),
        orang("Bu Sari"),
        orang("Bu Rina"),
    )
    async with mulai_bot() as app:
        await daftarkan_sekolah(kepala)
        await gabung(koor, await undang(kepala, "Koordinator TPMPS"))
        await gabung(sari, await undang(kepala, "Guru"))
        await gabung(rina, await undang(kepala, "Guru"))
        await _ke_tahap_2(kepala)
        await _isi_jawaban_kepala(app, kepala)
        await _tutup_tahap_1(kepala)

        await koor.kirim("/perencanaan")
        calon = await koor.balasan_berisi("Pilih masalah prioritas")
        pertama = calon.data_urut[0][0]
        await koor.tekan(pertama, calon)
        await koor.api.idle()
        akar = koor.pesan(calon.message_id)
        assert "Praktik baik" in akar.teks and "bukan ketentuan resmi" in akar.teks
        await koor.tekan("SDM", akar)
        await koor.balasan_berisi("Jelaskan singkat akar masalahnya")
        await koor.kirim("Sebagian guru belum pernah ikut pelatihan.")
        await koor.balasan_berisi("ketik nama program")
        await koor.kirim("Penguatan kompetensi guru")
        await _kegiatan(
            koor,
            "Pelatihan asesmen formatif",
            "Bu Sari",
            ["kapan-kapan", "15 Januari 2027"],
            ["1/1/2027", "15/2/2027"],
            ["banyak", "Rp1.500.000"],
        )
        await koor.tekan("Tambah kegiatan lain")
        await koor.balasan_berisi("Ketik uraian kegiatannya")
        await koor.kirim("Supervisi kelas bersama")

    async with mulai_bot() as app:  # a restart while the PIC is being chosen
        await koor.tekan("Bu Rina", await koor.balasan_berisi("penanggung jawab"))
        await koor.balasan_berisi("Kapan kegiatan mulai")
        await koor.kirim("minggu depan")
        await koor.tekan("Ya, benar", await koor.balasan_berisi("Benar?"))
        await koor.kirim("15-03-27")
        await koor.tekan("Ya, benar", await koor.balasan_berisi("Benar?"))
        await koor.kirim("1,5 juta")
        await koor.balasan_berisi("indikator keberhasilannya")
        await koor.kirim("Semua guru disupervisi sekali")
        await koor.kirim("5")
        await koor.tekan("Tambah masalah lain", await koor.balasan_berisi("Kegiatan tersimpan"))
        calon2 = await koor.balasan_berisi("Pilih masalah prioritas")
        assert pertama not in calon2.tombol_datar
        await koor.tekan(calon2.data_urut[0][0], calon2)
        await koor.api.idle()
        await koor.tekan("Sarana prasarana", koor.pesan(calon2.message_id))
        await koor.kirim("Ruang baca belum tertata.")
        await koor.balasan_berisi("ketik nama program")
        await koor.kirim("Penataan perpustakaan")
        await _kegiatan(
            koor,
            "Menata pojok baca kelas",
            "Bu Rina",
            ["1 Februari 2027"],
            ["28/2/2027"],
            ["750rb"],
        )
        await koor.tekan("Lihat rencana")
        ringkas = await koor.balasan_berisi("Rencana Pemenuhan Mutu")
        assert (
            "draf, belum disetujui" in ringkas.teks
            and "Total anggaran: Rp3.750.000" in ringkas.teks
        )
        assert "Setujui rencana" not in ringkas.tombol_datar  # the coordinator cannot approve

        await kepala.kirim("/perencanaan")
        rencana_kepala = await kepala.balasan_berisi("Rencana Pemenuhan Mutu")
        await kepala.tekan("Setujui rencana", rencana_kepala)
        docx_pesan = await kepala.balasan()
        pdf_pesan = await kepala.balasan()
        assert docx_pesan.dokumen_nama and docx_pesan.dokumen_nama.endswith(".docx")
        assert pdf_pesan.dokumen_nama and pdf_pesan.dokumen_nama.endswith(".pdf")
        assert "disetujui" in kepala.pesan(rencana_kepala.message_id).teks
        word = docx.Document(io.BytesIO(docx_pesan.dokumen or b""))
        sel = " ".join(c.text for t in word.tables for row in t.rows for c in row.cells)
        for isi in (
            "Pelatihan asesmen formatif",
            "Supervisi kelas bersama",
            "Menata pojok baca kelas",
            "Bu Sari",
            "Bu Rina",
            "Rp1.500.000",
            "Rp750.000",
            "Rp3.750.000",
            "15 Jan 2027",
        ):
            assert isi in sel, isi
        halaman = PdfReader(io.BytesIO(pdf_pesan.dokumen or b"")).pages
        teks_pdf = " ".join(" ".join(p.extract_text() for p in halaman).split())
        for isi in ("SMP Negeri 1 Sleman", "20512345", "Pelatihan asesmen formatif", "Rp3.750.000"):
            assert isi in teks_pdf, isi

    async with mulai_bot() as app:  # a restart between approval and the answers
        minta_sari = await sari.balasan_berisi("Komitmen baru untuk Anda")
        assert "Pelatihan asesmen formatif" in minta_sari.teks
        await sari.tekan("Saya berkomitmen", minta_sari)
        await sari.tekan_data(minta_sari.data["Saya berkomitmen"], minta_sari)  # doubled
        await sari.api.idle()
        assert "Anda berkomitmen" in sari.pesan(minta_sari.message_id).teks
        for _ in range(2):
            await rina.tekan(
                "Saya berkomitmen", await rina.balasan_berisi("Komitmen baru untuk Anda")
            )

        await sari.kirim("/lapor")
        await sari.tekan("Pelatihan asesmen formatif", await sari.balasan_berisi("Komitmen mana"))
        await sari.api.idle()
        await sari.tekan("Berjalan")
        await sari.api.idle()
        await sari.tekan("50%")
        await sari.balasan_berisi("Tulis catatan singkat")
        await sari.kirim("Sesi pertama sudah berjalan.")
        await sari.balasan_berisi("Kirim foto atau berkas PDF")
        await sari.kirim_foto(PNG_KECIL)
        assert "Berjalan 50%, dengan bukti" in (await sari.balasan()).teks

        await sari.kirim("/lapor")
        await sari.tekan("Pelatihan asesmen formatif", await sari.balasan_berisi("Komitmen mana"))
        await sari.api.idle()
        await sari.tekan("Selesai")
        await sari.balasan_berisi("Tulis catatan singkat")
        await sari.kirim("Semua guru sudah ikut.")
        await sari.tekan("Tanpa bukti", await sari.balasan_berisi("Kirim foto"))
        assert "Selesai 100%" in (await sari.balasan()).teks
        kabar = await koor.balasan_berisi("Laporan komitmen: Selesai")
        assert "Semua guru sudah ikut." in kabar.teks
        await koor.tekan("Terima selesai", kabar)
        await sari.balasan_berisi("Koordinator menerima laporan selesai")

        await rina.kirim("/lapor")
        await rina.tekan("Menata pojok baca kelas", await rina.balasan_berisi("Komitmen mana"))
        await rina.api.idle()
        await rina.tekan("Terkendala")
        await rina.api.idle()
        await rina.kirim("25")
        await rina.balasan_berisi("Tulis catatan singkat")
        await rina.kirim("Rak buku belum datang.")
        await rina.tekan("Tanpa bukti", await rina.balasan_berisi("Kirim foto"))
        await rina.balasan_berisi("Terkendala 25%")
        kabar2 = await koor.balasan_berisi("Laporan komitmen: Terkendala")
        assert "Rak buku belum datang." in kabar2.teks

        await koor.kirim("/komitmen")
        semua = await koor.balasan_berisi("Komitmen SMP Negeri 1 Sleman")
        assert (
            "Bu Rina" in semua.teks and "Bu Sari" in semua.teks and "Terkendala 25%" in semua.teks
        )
        await rina.kirim("/komitmen")
        milik = await rina.balasan_berisi("Komitmen Anda")
        assert "Pelatihan" not in milik.teks and "hari lagi" in milik.teks

        lay = app.bot_data[KUNCI_LAYANAN]
        async with lay.mesin.connect() as conn:
            k = {r.pengguna_id: r for r in await conn.execute(select(komitmen))}
            assert len(list(await conn.execute(select(komitmen)))) == 3
            lap = list(await conn.execute(select(laporan)))
            rcn = list(await conn.execute(select(rencana)))
            bkt = list(await conn.execute(select(bukti)))
        assert (k[sari.id].kemajuan, k[sari.id].verifikasi, k[sari.id].respons) == (
            "selesai",
            "diterima",
            "berkomitmen",
        )
        assert len(lap) == 3 and [b.sumber.split(":")[0] for b in bkt] == ["komitmen"]
        assert [(r.versi, r.status) for r in rcn] == [(1, "disetujui")]
