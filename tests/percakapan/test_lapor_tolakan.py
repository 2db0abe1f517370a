"""/lapor refusals after `except Ditolak` left percakapan/komitmen_pic.py (they are answered
by `saat_ditolak`): a file that is no evidence gets the reason and the question again with the
"Tanpa bukti" button, and nothing is stored until a real photo comes; a crafted page button of
the commitment list is answered as stale and the report goes on."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import func, select

from bot.akses import KUNCI_LAYANAN
from db.tabel import bukti, laporan
from tests.fakes.pengguna import Pengguna
from tests.percakapan.penjawab import PNG_KECIL
from tests.percakapan.test_rencana_ubah import _rencana_satu_kegiatan, _sekolah_di_tahap_2

USANG = "Tombol itu sudah tidak berlaku. Mohon pakai pesan yang terbaru."


async def _jumlah(app: Any) -> tuple[int, int]:
    async with app.bot_data[KUNCI_LAYANAN].mesin.connect() as conn:
        n_laporan = (await conn.execute(select(func.count()).select_from(laporan))).scalar_one()
        n_bukti = (await conn.execute(select(func.count()).select_from(bukti))).scalar_one()
    return n_laporan, n_bukti


async def test_berkas_bukan_bukti_ditanya_lagi_dan_tombol_palsu_usang(
    bot: Any, orang: Callable[[str], Pengguna]
) -> None:
    p = await _sekolah_di_tahap_2(bot, orang)
    kepala, koor, sari = p["Pak Budi"], p["Bu Koor"], p["Bu Sari"]
    await _rencana_satu_kegiatan(bot, koor, sari)
    await kepala.kirim("/perencanaan")
    await kepala.tekan("Setujui rencana", await kepala.balasan_berisi("Rencana Pemenuhan Mutu"))
    await sari.tekan("Saya berkomitmen", await sari.balasan_berisi("Komitmen baru"))
    await sari.api.idle()
    sebelum = await _jumlah(bot)

    await sari.kirim("/lapor")
    pilih = await sari.balasan_berisi("Komitmen mana")
    for data in ("lpr:h:x", "lpr:h:1:2", "lpr:h"):
        qid = await sari.tekan_data(data, pilih)
        assert (await sari.jawaban_callback(qid)).params["text"] == USANG, data
    await sari.api.idle()
    assert sari.pesan(pilih.message_id).teks == pilih.teks
    await sari.tekan(pilih.data_urut[0][0], pilih)
    await sari.api.idle()
    await sari.tekan("Berjalan")
    await sari.api.idle()
    await sari.tekan("50%")
    await sari.balasan_berisi("Tulis catatan singkat")
    await sari.kirim("Sesi pertama sudah berjalan.")
    await sari.balasan_berisi("Kirim foto atau berkas PDF")

    await sari.kirim_dokumen(b"bukan bukti", "catatan.txt", "text/plain")
    lagi = await sari.balasan_berisi("Berkas itu tidak bisa diterima")
    assert "Kirim foto atau berkas PDF" in lagi.teks and lagi.tombol_datar == ["Tanpa bukti"]
    await sari.kirim_dokumen(b"PK\x03\x04 zip", "laporan.pdf", "application/pdf")
    isi_salah = await sari.balasan_berisi("Isi berkas itu bukan PDF")
    assert isi_salah.tombol_datar == ["Tanpa bukti"]
    assert await _jumlah(bot) == sebelum  # nothing stored for a refused file

    await sari.kirim_foto(PNG_KECIL)
    assert "Berjalan 50%, dengan bukti" in (await sari.balasan()).teks
    assert await _jumlah(bot) == (sebelum[0] + 1, sebelum[1] + 1)
