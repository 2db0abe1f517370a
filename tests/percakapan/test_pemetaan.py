"""/pemetaan details over HTTP: bad input, stale and doubled buttons, skipping, going back,
evidence files, the coordinator's panel, nudges and returned answers."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import docx
import pytest
from sqlalchemy import select

from bot.akses import KUNCI_LAYANAN
from bot.layanan.instrumen_berkas import bawaan
from bot.mutu.instrumen import JenisJawaban
from db import jawaban as db_jawaban
from db import siklus as db_siklus
from db.tabel import audit, bukti, jawaban
from tests.fakes.pengguna import Pengguna, Pesan
from tests.percakapan.conftest import daftarkan_sekolah, gabung, undang
from tests.percakapan.penjawab import PDF_KECIL, PNG_KECIL

INST = bawaan()


@dataclass
class Sekolah:
    app: Any
    kepala: Pengguna
    guru: Pengguna
    guru2: Pengguna


@pytest.fixture
async def sekolah(bot: Any, orang: Callable[[str], Pengguna]) -> Sekolah:
    """A school with stage 1 opened; the notices are read."""
    kepala, guru, guru2 = orang("Pak Budi"), orang("Bu Sari"), orang("Bu Rina")
    await daftarkan_sekolah(kepala)
    await gabung(guru, await undang(kepala, "Guru"))
    await gabung(guru2, await undang(kepala, "Guru"))
    await kepala.kirim("/pemetaan")
    await kepala.tekan(
        "Kirim Evaluasi Diri Sekolah (opsional)", await kepala.balasan_berisi("belum dibuka")
    )
    for p in (kepala, guru, guru2):
        await p.balasan_berisi("Evaluasi Diri Sekolah")
    await kepala.api.idle()
    return Sekolah(bot, kepala, guru, guru2)


async def _jawaban(app: Any, pengguna: Pengguna) -> dict[str, tuple[str, str]]:
    async with app.bot_data[KUNCI_LAYANAN].mesin.connect() as conn:
        hasil = await conn.execute(select(jawaban).where(jawaban.c.pengguna_id == pengguna.id))
        return {r.pertanyaan_kode: (r.nilai, r.status) for r in hasil}


async def _isi_sebelum(app: Any, pengguna: Pengguna, kelompok: str, kode: str) -> None:
    """Store plain answers to every question before `kode`, so /lanjut shows `kode` next."""
    lay = app.bot_data[KUNCI_LAYANAN]
    async with lay.mesin.begin() as conn:
        (c,) = [await db_siklus.terbuka(conn, 1)]
        assert c is not None
        for p in INST.pertanyaan_untuk(kelompok):
            if p.kode == kode:
                break
            if p.jika is not None:
                continue
            nilai = {"ya_tidak": "tidak", "angka": "1", "persen": "50", "teks": "-"}.get(
                p.jenis, "0"
            )
            await db_jawaban.simpan(
                conn,
                siklus_id=c.id,
                pengguna_id=pengguna.id,
                responden=kelompok,
                pertanyaan_kode=p.kode,
                nilai=nilai,
                waktu=lay.sekarang(),
            )


async def _soal(pengguna: Pengguna) -> Pesan:
    await pengguna.kirim("/lanjut")
    return await pengguna.balasan()


async def test_teks_saat_tombol_diharapkan(sekolah: Sekolah) -> None:
    guru = sekolah.guru
    pertama = await _soal(guru)
    await guru.kirim("sering sekali")
    ulang = await guru.balasan()
    assert ulang.teks.startswith("⚠️ Mohon jawab dengan menekan salah satu tombol.")
    assert "pertanyaan 1 dari" in ulang.teks and ulang.tombol == pertama.tombol
    assert await _jawaban(sekolah.app, guru) == {}
    # The label typed out exactly is understood.
    await guru.kirim("Sering")
    assert "pertanyaan 2 dari" in (await guru.balasan()).teks
    assert len(await _jawaban(sekolah.app, guru)) == 1


async def test_angka_dibaca_seperti_orang_indonesia_menulis(sekolah: Sekolah) -> None:
    guru = sekolah.guru
    await _isi_sebelum(sekolah.app, guru, "guru", "5.1-03")
    soal = await _soal(guru)
    assert "Ketik angka 0 sampai 500 (jam)" in soal.teks
    for salah, pesan in (("banyak", "belum terbaca sebagai angka"), ("900", "di luar rentang")):
        await guru.kirim(salah)
        ulang = await guru.balasan()
        assert pesan in ulang.teks and "Ketik angka 0 sampai 500" in ulang.teks
    assert "5.1-03" not in await _jawaban(sekolah.app, guru)
    await guru.kirim("dua puluh empat")
    await guru.balasan()
    assert (await _jawaban(sekolah.app, guru))["5.1-03"] == ("24", "sah")


async def test_ribuan_dengan_titik(sekolah: Sekolah) -> None:
    kepala = sekolah.kepala
    await _isi_sebelum(sekolah.app, kepala, "kepala_sekolah", "1.2-01")
    soal = await _soal(kepala)
    assert "persentase" in soal.teks
    await kepala.kirim("1.500")
    assert "di luar rentang" in (await kepala.balasan()).teks
    await kepala.kirim("72,5%")
    await kepala.balasan()
    assert (await _jawaban(sekolah.app, kepala))["1.2-01"] == ("72.5", "sah")


def _zip() -> bytes:
    keluaran = io.BytesIO()
    with zipfile.ZipFile(keluaran, "w") as z:
        z.writestr("rkt.txt", "Rencana Kerja Tahunan")
    return keluaran.getvalue()


def _docx() -> bytes:
    keluaran = io.BytesIO()
    docx.Document().save(keluaran)
    return keluaran.getvalue()


async def test_bukti_jenis_salah_terlalu_besar_lalu_foto(sekolah: Sekolah) -> None:
    kepala, app = sekolah.kepala, sekolah.app
    await _isi_sebelum(sekolah.app, kepala, "kepala_sekolah", "2.2-01")
    await kepala.tekan("Ya", await _soal(kepala))
    soal = await kepala.balasan()
    assert INST.pertanyaan("2.2-02").jenis is JenisJawaban.BUKTI
    assert "Kirim foto atau berkas PDF" in soal.teks
    await kepala.kirim("sudah ada")
    assert "dijawab dengan mengirim foto" in (await kepala.balasan()).teks
    await kepala.kirim_dokumen(
        b"PK\x03\x04",
        "ksp.docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    assert "tidak bisa diterima" in (await kepala.balasan()).teks
    # A ZIP and a Word file renamed .pdf, which Telegram's client calls application/pdf.
    for isi in (_zip(), _docx()):
        await kepala.kirim_dokumen(isi, "ksp.pdf", "application/pdf")
        assert "Isi berkas itu bukan PDF, JPG, atau PNG" in (await kepala.balasan()).teks
    await kepala.kirim_dokumen(
        b"%PDF" + b"0" * (20 * 1024 * 1024 + 1), "besar.pdf", "application/pdf"
    )
    assert "lebih dari 20 MB" in (await kepala.balasan()).teks
    async with app.bot_data[KUNCI_LAYANAN].mesin.connect() as conn:
        assert list(await conn.execute(select(bukti))) == []
    await kepala.kirim_foto(PNG_KECIL)
    await kepala.balasan()
    async with app.bot_data[KUNCI_LAYANAN].mesin.connect() as conn:
        (b,) = list(await conn.execute(select(bukti)))
    # The stored type is what the content is (a PNG), not what a photo is said to be.
    assert b.sumber == "pertanyaan:2.2-02" and b.mime == "image/png" and b.path.endswith(".png")
    berkas = app.bot_data[KUNCI_LAYANAN].settings.data_dir / b.path  # relative to DATA_DIR
    assert berkas.read_bytes() == PNG_KECIL  # noqa: ASYNC240 (a test's own check)
    assert (await _jawaban(app, kepala))["2.2-02"] == (f"bukti:{b.id}", "sah")


async def test_foto_untuk_pertanyaan_bukan_bukti(sekolah: Sekolah) -> None:
    guru = sekolah.guru
    await _soal(guru)
    await guru.kirim_dokumen(PDF_KECIL, "a.pdf", "application/pdf")
    ulang = await guru.balasan()
    assert "tidak meminta berkas" in ulang.teks and "pertanyaan 1 dari" in ulang.teks
    assert await _jawaban(sekolah.app, guru) == {}


async def test_tombol_usang_dan_ketukan_ganda(sekolah: Sekolah) -> None:
    guru, app = sekolah.guru, sekolah.app
    pertama = await _soal(guru)
    kode1 = pertama.data["Sering"].split(":")[2]
    await guru.tekan_data(pertama.data["Sering"], pertama)
    await guru.tekan_data(pertama.data["Selalu"], pertama)  # doubled, other choice
    kedua = await guru.balasan()
    await guru.tidak_ada_balasan()
    assert (await _jawaban(app, guru))[kode1] == ("2", "sah")
    # The first question's button pressed again now that the second is current.
    qid = await guru.tekan_data(pertama.data["Tidak pernah"], pertama)
    assert "pertanyaan lain" in (await guru.jawaban_callback(qid)).params["text"]
    assert (await _jawaban(app, guru))[kode1] == ("2", "sah")
    assert len(await _jawaban(app, guru)) == 1
    assert "pertanyaan 2 dari" in kedua.teks


async def test_lewati_kembali_dan_lewatan_di_akhir(sekolah: Sekolah) -> None:
    guru, app = sekolah.guru, sekolah.app
    soal1 = await _soal(guru)
    await guru.kirim("/lewati")
    soal2 = await guru.balasan()
    assert "pertanyaan 2 dari" in soal2.teks
    await guru.tekan("Sering", soal2)
    await guru.balasan()
    await guru.kirim("/kembali")
    lagi = await guru.balasan()
    assert "pertanyaan 2 dari" in lagi.teks and "Jawaban Anda sekarang: Sering" in lagi.teks
    await guru.tekan("Selalu", lagi)
    assert "pertanyaan 3 dari" in (await guru.balasan()).teks
    await guru.kirim("/kembali")
    assert "Jawaban Anda sekarang: Selalu" in (await guru.balasan()).teks
    await guru.kirim("/kembali")
    ke1 = await guru.balasan()
    assert "pertanyaan 1 dari" in ke1.teks and "tadi Anda lewati" in ke1.teks
    await guru.kirim("/kembali")
    assert "sudah pertanyaan pertama" in (await guru.balasan()).teks
    jawab = await _jawaban(app, guru)
    assert jawab[soal2.data["Sering"].split(":")[2]] == ("3", "sah")
    assert soal1.data["Sering"].split(":")[2] not in jawab


async def test_panel_ingatkan_sekali_dan_kembalikan_jawaban(sekolah: Sekolah) -> None:
    kepala, guru, guru2, app = sekolah.kepala, sekolah.guru, sekolah.guru2, sekolah.app
    soal = await _soal(guru)
    await guru.tekan("Kadang-kadang", soal)
    await guru.balasan()
    await kepala.kirim("/pemetaan")
    panel = await kepala.balasan()
    assert "Sedang mengisi (1): Bu Sari (1/" in panel.teks
    assert "Belum mulai (2): Bu Rina, Pak Budi" in panel.teks
    await kepala.tekan_data(panel.data["Ingatkan yang belum mulai (2)"], panel)
    await kepala.tekan_data(panel.data["Ingatkan yang belum mulai (2)"], panel)
    assert "2 orang" in (await kepala.balasan_berisi("Pengingat sudah dikirim")).teks
    await guru2.balasan_berisi("Pengingat dari koordinator")
    await guru2.tidak_ada_balasan()
    async with app.bot_data[KUNCI_LAYANAN].mesin.connect() as conn:
        aksi = [r.aksi for r in await conn.execute(select(audit.c.aksi))]
    assert aksi.count("pemetaan.ingatkan") == 1

    await kepala.tekan("Kembalikan jawaban untuk dicek", kepala.pesan(panel.message_id))
    pilih = await kepala.balasan_berisi("Kembalikan jawaban")
    await kepala.tekan("Bu Sari", pilih)
    await kepala.api.idle()
    await kepala.tekan("1. SKL", kepala.pesan(pilih.message_id))
    await kepala.api.idle()
    daftar = kepala.pesan(pilih.message_id)
    kode = soal.data["Kadang-kadang"].split(":")[2]
    assert "Jawaban: Kadang-kadang" in daftar.teks
    await kepala.tekan(kode, daftar)
    await kepala.balasan_berisi("Tulis pesan singkat untuk Bu Sari")
    await kepala.kirim("Mohon dicek lagi, sepertinya lebih sering.")
    await kepala.balasan_berisi("dikembalikan kepada Bu Sari")
    kabar = await guru.balasan_berisi("Koordinator meminta Anda mengecek")
    assert "Mohon dicek lagi, sepertinya lebih sering." in kabar.teks
    assert (await _jawaban(app, guru))[kode] == ("1", "dikembalikan")
    await guru.tekan("Jawab sekarang", kabar)
    ulang = await guru.balasan()
    assert "Koordinator meminta Anda mengecek jawaban ini" in ulang.teks
    await guru.tekan("Sering", ulang)
    await guru.balasan()
    assert (await _jawaban(app, guru))[kode] == ("2", "sah")


async def test_guru_tidak_bisa_menutup_dan_jawaban_setelah_ditutup(sekolah: Sekolah) -> None:
    kepala, guru, app = sekolah.kepala, sekolah.guru, sekolah.app
    soal = await _soal(guru)
    qid = await guru.tekan_data("pmk:tutup_ya", soal)
    assert (await guru.jawaban_callback(qid)).params["text"].startswith("Maaf")
    tolak = await guru.balasan()
    assert tolak.teks.startswith("Maaf, tindakan ini hanya untuk Kepala Sekolah dan Koordinator")
    await kepala.kirim("/pemetaan")
    panel = await kepala.balasan()
    await kepala.tekan("Tutup tahap 1", panel)
    await kepala.api.idle()
    konfirmasi = kepala.pesan(panel.message_id)
    assert "Yang belum selesai menjawab (3)" in konfirmasi.teks
    await kepala.tekan_data("pmk:tutup_ya", konfirmasi)
    await kepala.tekan_data("pmk:tutup_ya", konfirmasi)
    assert (await kepala.balasan()).foto is not None  # the chart
    await kepala.tidak_ada_balasan()
    qid = await guru.tekan_data(soal.data["Sering"], soal)
    await guru.jawaban_callback(qid)
    assert "sudah ditutup" in (await guru.balasan()).teks
    assert await _jawaban(app, guru) == {}


async def test_sebelum_dibuka(bot: Any, orang: Callable[[str], Pengguna]) -> None:
    kepala, guru = orang("Pak Budi"), orang("Bu Sari")
    await daftarkan_sekolah(kepala)
    await gabung(guru, await undang(kepala, "Guru"))
    await guru.kirim("/pemetaan")
    assert "belum dibuka" in (await guru.balasan()).teks
    await guru.kirim("/lewati")
    assert "belum dibuka" in (await guru.balasan()).teks
