"""Personal data over HTTP: the notice, a person's own data, erasure, retention, and no
personal data in the logs."""

from __future__ import annotations

import io
import json
import logging
import zipfile
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from bot import operator
from bot.akses import KUNCI_LAYANAN
from bot.layanan import bukti as layanan_bukti
from bot.layanan.bukti import Berkas
from bot.layanan.instrumen_berkas import bawaan
from db import jawaban as db_jawaban
from db import siklus as db_siklus
from db import status_percakapan as db_status
from db.tabel import audit, bukti, jawaban, keanggotaan, pengguna, siklus, status_percakapan
from tests.fakes.pengguna import Pengguna
from tests.percakapan.conftest import Jam, daftarkan_sekolah, gabung, undang
from tests.percakapan.penjawab import PDF_KECIL, PNG_KECIL
from tests.percakapan.test_rencana_komitmen import _ke_tahap_2, _tutup_tahap_1


async def _isi(app: Any, p: Pengguna, responden: str, geser: int, berkas: bytes) -> None:
    """A respondent's answers and one evidence file, straight into the open cycle."""
    lay = app.bot_data[KUNCI_LAYANAN]
    async with lay.mesin.begin() as conn:
        c = await db_siklus.terbuka(conn, 1)
        assert c is not None
        for i, q in enumerate(q for q in bawaan().pertanyaan_untuk(responden) if q.jika is None):
            j = i + geser
            nilai = {
                "ya_tidak": "ya" if j % 3 else "tidak",
                "angka": "2",
                "persen": "40",
                "teks": "Catatan pribadi",
            }
            await db_jawaban.simpan(
                conn,
                siklus_id=c.id,
                pengguna_id=p.id,
                responden=responden,
                pertanyaan_kode=q.kode,
                nilai=nilai.get(q.jenis, str(j % 4 if q.jenis == "skala" else 0)),
                waktu=lay.sekarang(),
            )
        mime = "application/pdf" if berkas.startswith(b"%PDF") else "image/png"
        await layanan_bukti.simpan(
            conn,
            lay,
            Berkas(f"f-{p.id}", f"u-{p.id}", f"bukti-{p.id}.pdf", mime, berkas),
            sekolah_id=1,
            siklus_id=c.id,
            pengguna_id=p.id,
            sumber="pertanyaan:X",
        )


async def _baris(app: Any, query: Any) -> list[Any]:
    async with app.bot_data[KUNCI_LAYANAN].mesin.connect() as conn:
        return list(await conn.execute(query))


async def _rekap_nama(kepala: Pengguna) -> bytes:
    await kepala.kirim("/laporan")
    await kepala.tekan("Rekap data dengan nama", await kepala.balasan_berisi("Dokumen"))
    while True:
        pesan = await kepala.balasan()
        if pesan.dokumen_nama:
            return pesan.dokumen or b""


def _teks_xlsx(isi: bytes) -> str:
    wb = load_workbook(io.BytesIO(isi))
    return " ".join(
        str(v) for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for v in row
    )


async def test_guru_membaca_mengunduh_lalu_menghapus_datanya(
    bot: Any, orang: Callable[[str], Pengguna], caplog: pytest.LogCaptureFixture
) -> None:
    # Our own code at DEBUG; the libraries at INFO, as `asisten-mutu run` runs them (PTB's
    # DEBUG output is every raw update).
    caplog.set_level(logging.INFO)
    for nama_log in ("bot", "percakapan", "db"):
        caplog.set_level(logging.DEBUG, logger=nama_log)
    kepala, sari, budi = orang("Pak Kepala Rahasia"), orang("Bu Sari Wulan"), orang("Pak Budi")
    await daftarkan_sekolah(kepala)
    await gabung(sari, await undang(kepala, "Guru"))
    await gabung(budi, await undang(kepala, "Guru"))
    await _ke_tahap_2(kepala)
    await _isi(bot, kepala, "kepala_sekolah", 0, PDF_KECIL)
    await _isi(bot, sari, "guru", 1, PNG_KECIL)
    await _isi(bot, budi, "guru", 2, PDF_KECIL + b"budi")
    await _tutup_tahap_1(kepala)
    (peta_awal,) = await _baris(bot, select(siklus.c.peta).where(siklus.c.id == 1))
    await sari.semua_balasan()

    # The notice.
    await sari.kirim("/privasi")
    teks = (await sari.balasan_berisi("Data pribadi Anda")).teks
    assert "/datasaya" in teks and "/hapusdata" in teks and "90 hari" in teks
    assert len(teks) < 4096

    # Her own data, and nobody else's.
    await sari.kirim("/datasaya")
    zip_ = await sari.balasan()
    assert zip_.dokumen_nama is not None and zip_.dokumen_nama.endswith(".zip")
    arsip = zipfile.ZipFile(io.BytesIO(zip_.dokumen or b""))
    nama = arsip.namelist()
    data = json.loads(arsip.read(next(n for n in nama if n.endswith(".json"))))
    assert data["profil"][0]["nama"] == "Bu Sari Wulan"
    jumlah_sari = len(
        await _baris(bot, select(jawaban.c.id).where(jawaban.c.pengguna_id == sari.id))
    )
    assert len(data["jawaban"]) == jumlah_sari > 0
    assert [m["peran"] for m in data["keanggotaan"]] == ["guru"]
    assert [n for n in nama if n.startswith("bukti/")] == [
        f"bukti/{data['bukti'][0]['id']}-bukti-{sari.id}.pdf"
    ]
    assert arsip.read(next(n for n in nama if n.startswith("bukti/"))) == PNG_KECIL
    semua = json.dumps(data) + _teks_xlsx(arsip.read(next(n for n in nama if n.endswith(".xlsx"))))
    assert "Pak Budi" not in semua and "Pak Kepala Rahasia" not in semua
    assert "Bu Sari Wulan" in semua
    assert "Ini semua data Anda" in (await sari.balasan()).teks
    (ekspor,) = await _baris(bot, select(audit).where(audit.c.aksi == "privasi.ekspor"))
    assert ekspor.pengguna_id == sari.id

    # The principal's named export is audited.
    assert b"Bu Sari Wulan" in zipfile.ZipFile(io.BytesIO(await _rekap_nama(kepala))).read(
        "xl/sharedStrings.xml"
    )
    (rekap,) = await _baris(bot, select(audit).where(audit.c.aksi == "ekspor.rekap_nama"))
    assert (rekap.pengguna_id, rekap.sekolah_id) == (kepala.id, 1)

    # A conversation of hers left half-way, and one of Budi's: the states are keyed by
    # Telegram ids (chat, user), so hers go with her data.
    lay = bot.bot_data[KUNCI_LAYANAN]
    async with lay.mesin.begin() as conn:
        for orang_ in (sari, budi):
            kunci = json.dumps([orang_.id, orang_.id])
            await db_status.simpan(conn, "perencanaan", kunci, '"mengetik"', lay.sekarang())

    # Erasure, after a confirmation that says what happens.
    await sari.kirim("/hapusdata")
    konfirmasi = await sari.balasan_berisi("Hapus data pribadi Anda?")
    assert "anggota yang sudah menghapus data" in konfirmasi.teks
    await sari.tekan("Ya, hapus data saya", konfirmasi)
    await sari.api.idle()
    assert "sudah dihapus" in sari.pesan(konfirmasi.message_id).teks

    (peta_akhir,) = await _baris(bot, select(siklus.c.peta).where(siklus.c.id == 1))
    assert peta_akhir == peta_awal
    assert await _baris(bot, select(pengguna).where(pengguna.c.id == sari.id)) == []
    kunci_sisa = [k for (k,) in await _baris(bot, select(status_percakapan.c.kunci))]
    assert str(sari.id) not in " ".join(kunci_sisa) and str(budi.id) in " ".join(kunci_sisa)
    tanpa_nama = await _baris(bot, select(pengguna.c.id, pengguna.c.nama).where(pengguna.c.id < 0))
    assert [n for _, n in tanpa_nama] == ["anggota yang sudah menghapus data (Guru)"]
    # Her answers stay in the map under the anonymous member; her file is gone, Budi's stays.
    anon = tanpa_nama[0][0]
    assert len(await _baris(bot, select(jawaban.c.id).where(jawaban.c.pengguna_id == anon))) == (
        jumlah_sari
    )
    # What she typed is gone from the answers that stay; Budi's typed answers are not.
    teks = await _baris(bot, select(jawaban.c.pengguna_id, jawaban.c.nilai))
    assert {n for u, n in teks if u == anon} >= {""} and not any(
        n == "Catatan pribadi" for u, n in teks if u == anon
    )
    assert any(n == "Catatan pribadi" for u, n in teks if u == budi.id)
    sisa = await _baris(bot, select(bukti.c.pengguna_id, bukti.c.path))
    assert sorted(b.pengguna_id for b in sisa) == sorted([kepala.id, budi.id])
    assert not any(str(sari.id) in b.path for b in sisa)
    (hapus,) = await _baris(bot, select(audit).where(audit.c.aksi == "privasi.hapus"))
    assert "Sari" not in json.dumps(hapus.rincian) and hapus.pengguna_id is None

    # Her name is gone from the member list and from the named Rekap.
    await kepala.semua_balasan()
    await kepala.kirim("/anggota")
    daftar = " ".join(m.teks + " ".join(m.tombol_datar) for m in await kepala.semua_balasan())
    assert "Pak Budi" in daftar and "Sari" not in daftar
    rekap_baru = _teks_xlsx(await _rekap_nama(kepala))
    assert "Sari" not in rekap_baru and "anggota yang sudah menghapus data (Guru)" in rekap_baru

    # A later /start is a new, empty user.
    await sari.kirim("/start")
    assert "Kepala sekolah dapat mendaftarkan" in (await sari.balasan()).teks
    (baru,) = await _baris(bot, select(pengguna).where(pengguna.c.id == sari.id))
    assert baru.nama == "Bu Sari Wulan"

    # Nothing personal in the logs of all this.
    for nama_orang in ("Bu Sari Wulan", "Pak Budi", "Pak Kepala Rahasia", "Semua guru"):
        assert nama_orang not in caplog.text


async def test_kepala_terakhir_diminta_menyerahkan_dulu(
    bot: Any, orang: Callable[[str], Pengguna]
) -> None:
    kepala = orang("Pak Kepala")
    await daftarkan_sekolah(kepala)
    await kepala.semua_balasan()
    await kepala.kirim("/hapusdata")
    teks = (await kepala.balasan()).teks
    assert "satu-satunya kepala sekolah" in teks and "SMP Negeri 1 Sleman" in teks
    assert await _baris(bot, select(pengguna.c.id).where(pengguna.c.id == kepala.id))


async def test_nama_pilihan_tidak_ditimpa_nama_telegram(
    bot: Any, orang: Callable[[str], Pengguna]
) -> None:
    sari = orang("sari123")
    await sari.kirim("/nama")
    assert "sari123" in (await sari.balasan()).teks
    await sari.kirim("/nama x")
    assert "2 sampai 100" in (await sari.balasan()).teks
    await sari.kirim("/nama Sari Wulandari, S.Pd.")
    assert "Sari Wulandari, S.Pd." in (await sari.balasan()).teks
    await sari.kirim("/start")
    assert "Sari Wulandari, S.Pd." in (await sari.balasan()).teks
    (b,) = await _baris(bot, select(pengguna.c.nama).where(pengguna.c.id == sari.id))
    assert b.nama == "Sari Wulandari, S.Pd."


async def test_pengguna_tanpa_sekolah_dihapus_setelah_masa_simpan(
    bot: Any, orang: Callable[[str], Pengguna], jam: Jam
) -> None:
    tamu, lama = orang("Tamu Lewat"), orang("Pak Lama")
    await tamu.kirim("/start")
    await tamu.balasan_berisi("privasi")
    jam.maju(timedelta(days=60))
    await lama.kirim("/start")
    await lama.balasan()
    (retensi,) = bot.job_queue.get_jobs_by_name("retensi")
    jam.maju(timedelta(days=31))  # 91 days after the guest, 31 after the other
    await retensi.run(bot)
    ids = [i for (i,) in await _baris(bot, select(pengguna.c.id).where(pengguna.c.id > 0))]
    assert ids == [lama.id]
    jam.maju(timedelta(days=60))
    await retensi.run(bot)
    assert await _baris(bot, select(pengguna.c.id).where(pengguna.c.id > 0)) == []


async def test_operator_menyerahkan_sekolah_kepada_kepala_baru(
    bot: Any, orang: Callable[[str], Pengguna]
) -> None:
    salah, benar = orang("Pendaftar Keliru"), orang("Kepala Sebenarnya")
    await daftarkan_sekolah(salah)
    await benar.kirim("/start")
    await benar.balasan()
    await salah.semua_balasan()

    lama = await operator.serahkan(bot.bot_data[KUNCI_LAYANAN], "20512345", benar.id)
    assert lama == [salah.id]

    await benar.kirim("/anggota")
    teks = (await benar.balasan()).teks
    assert "Kepala Sebenarnya" in teks and "Pendaftar Keliru" not in teks
    await salah.kirim("/anggota")
    assert "SMP Negeri 1 Sleman" not in (await salah.balasan()).teks
    # The one who registered by mistake can now erase their data.
    await salah.kirim("/hapusdata")
    await salah.tekan("Ya, hapus data saya", await salah.balasan_berisi("Hapus data pribadi"))
    await salah.api.idle()
    assert await _baris(bot, select(pengguna).where(pengguna.c.id == salah.id)) == []


async def test_anggota_yang_dikeluarkan_disimpan_90_hari_sejak_keluar(
    bot: Any, orang: Callable[[str], Pengguna], jam: Jam
) -> None:
    kepala, rina = orang("Pak Kepala"), orang("Bu Rina")
    await daftarkan_sekolah(kepala)
    await gabung(rina, await undang(kepala, "Guru"))
    jam.maju(timedelta(days=120))  # Rina writes nothing more; then she is removed
    lay = bot.bot_data[KUNCI_LAYANAN]
    async with lay.mesin.begin() as conn:
        await conn.execute(
            keanggotaan.update()
            .where(keanggotaan.c.pengguna_id == rina.id)
            .values(aktif=False, keluar_pada=jam.sekarang)
        )
    (retensi,) = bot.job_queue.get_jobs_by_name("retensi")
    jam.maju(timedelta(days=89))
    await retensi.run(bot)
    assert await _baris(bot, select(pengguna.c.id).where(pengguna.c.id == rina.id))
    jam.maju(timedelta(days=2))
    await retensi.run(bot)
    assert await _baris(bot, select(pengguna.c.id).where(pengguna.c.id == rina.id)) == []
    # Her membership stays as the school's record, under the anonymous member.
    peran = await _baris(bot, select(keanggotaan.c.peran).where(keanggotaan.c.pengguna_id < 0))
    assert [p for (p,) in peran] == ["guru"]
