"""/pengaturan and /monev over HTTP: a holiday and a leave move waiting reminders; the monev
view, a program's evaluation (stage 4) and the Laporan Monev read back."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from pypdf import PdfReader
from sqlalchemy import select

from bot.akses import KUNCI_LAYANAN
from db.tabel import evaluasi_program, pengingat, siklus
from tests.fakes.pengguna import Pengguna
from tests.percakapan.test_rencana_ubah import _rencana_satu_kegiatan, _sekolah_di_tahap_2

WIB = ZoneInfo("Asia/Jakarta")


async def _menunggu(app: Any, pengguna_id: int | None = None) -> list[date]:
    async with app.bot_data[KUNCI_LAYANAN].mesin.connect() as conn:
        kueri = select(pengingat.c.jatuh_tempo).where(
            pengingat.c.status == "direncanakan", pengingat.c.jenis.not_like("ringkasan%")
        )
        if pengguna_id is not None:
            kueri = kueri.where(pengingat.c.pengguna_id == pengguna_id)
        baris = await conn.execute(kueri.order_by(pengingat.c.jatuh_tempo))
        return [b.jatuh_tempo.astimezone(WIB).date() for b in baris]


async def _disetujui_dan_diterima(bot: Any, p: dict[str, Pengguna]) -> None:
    await _rencana_satu_kegiatan(bot, p["Bu Koor"], p["Bu Sari"])  # due Wed 20 Jan 2027
    await p["Pak Budi"].kirim("/perencanaan")
    await p["Pak Budi"].tekan(
        "Setujui rencana", await p["Pak Budi"].balasan_berisi("Rencana Pemenuhan")
    )
    await p["Bu Sari"].tekan("Saya berkomitmen", await p["Bu Sari"].balasan_berisi("Komitmen baru"))
    await p["Bu Sari"].api.idle()


async def test_libur_dan_cuti_menggeser_pengingat(
    bot: Any, orang: Callable[[str], Pengguna]
) -> None:
    p = await _sekolah_di_tahap_2(bot, orang)
    koor, sari = p["Bu Koor"], p["Bu Sari"]
    await _disetujui_dan_diterima(bot, p)
    sebelum = await _menunggu(bot)
    assert date(2027, 1, 19) in sebelum and date(2027, 1, 20) in sebelum

    await koor.kirim("/pengaturan")
    await koor.tekan("Tambah libur", await koor.balasan_berisi("Pengaturan pengingat"))
    await koor.balasan_berisi("Ketik rentang libur")
    await koor.kirim("besok")  # not a range
    await koor.balasan_berisi("Rentang libur belum terbaca")
    await koor.kirim("18 Januari 2027 - 21 Januari 2027, Libur daerah")
    await koor.balasan_berisi("Pengaturan tersimpan")
    tampil = await koor.balasan_berisi("Libur sekolah")
    assert "18 Jan 2027 s.d. 21 Jan 2027 · Libur daerah" in tampil.teks
    sesudah = await _menunggu(bot)
    assert all(not date(2027, 1, 18) <= d <= date(2027, 1, 21) for d in sesudah), sesudah
    assert date(2027, 1, 22) in sesudah  # moved to the first school day after, not dropped

    # Bu Sari takes leave until 25 January: her reminders wait until the 26th.
    await sari.kirim("/pengaturan")
    pesan = await sari.balasan_berisi("Pengaturan pengingat")
    assert "Tambah libur" not in pesan.tombol_datar
    await sari.tekan("Atur cuti/izin", pesan)
    await sari.balasan_berisi("Sampai tanggal berapa")
    await sari.kirim("25/1/2027")
    await sari.balasan_berisi("Pengaturan tersimpan")
    assert min(await _menunggu(bot, sari.id)) >= date(2027, 1, 26)
    # A teacher pressing a manager's button is refused by the use-case.
    qid = await sari.tekan_data("atr:h:5", pesan)
    await sari.jawaban_callback(qid)
    await sari.balasan_berisi("Hanya kepala sekolah dan koordinator")


async def test_monev_evaluasi_dan_laporan(bot: Any, orang: Callable[[str], Pengguna]) -> None:
    p = await _sekolah_di_tahap_2(bot, orang)
    koor, sari = p["Bu Koor"], p["Bu Sari"]
    await _disetujui_dan_diterima(bot, p)
    await sari.kirim("/lapor")
    await sari.tekan("Lokakarya modul ajar", await sari.balasan_berisi("Komitmen mana"))
    await sari.api.idle()
    await sari.tekan("Berjalan")
    await sari.api.idle()
    await sari.tekan("50%")
    await sari.balasan_berisi("Tulis catatan")
    await sari.kirim("Setengah guru sudah ikut.")
    await sari.tekan("Tanpa bukti", await sari.balasan_berisi("Kirim foto"))
    await sari.balasan_berisi("Laporan tersimpan")

    await koor.kirim("/monev")
    ringkas = await koor.balasan_berisi("Monitoring dan evaluasi")
    assert "Lokakarya modul ajar (Bu Sari): Sesuai jadwal 50%" in ringkas.teks
    assert "0 dari 1 program sudah dievaluasi" in ringkas.teks
    await koor.tekan("Evaluasi program", ringkas)
    program = await koor.balasan_berisi("Program mana")
    await koor.tekan(program.tombol_datar[0], program)
    await koor.tekan("Sebagian", await koor.balasan_berisi("Apakah target program ini tercapai"))
    await koor.balasan_berisi("Apa capaiannya")
    await koor.kirim("Skor indikator naik ke 3,5; separuh guru ikut")
    await koor.balasan_berisi("Apa alasannya")
    await koor.kirim("Jadwal bentrok dengan ujian")
    await koor.tekan("Lanjutkan", await koor.balasan_berisi("tindak lanjutnya"))
    await koor.balasan_berisi("tersimpan: Sebagian, lanjutkan")
    async with bot.bot_data[KUNCI_LAYANAN].mesin.connect() as conn:
        (e,) = list(await conn.execute(select(evaluasi_program)))
        (c,) = list(await conn.execute(select(siklus)))
    assert (e.target_tercapai, e.tindak_lanjut, c.tahap) == ("sebagian", "lanjutkan", 4)

    await koor.kirim("/monev")
    await koor.tekan("Kirim Laporan Monev (PDF)", await koor.balasan_berisi("1 dari 1 program"))
    dok = await koor.balasan()
    assert dok.dokumen_nama and dok.dokumen_nama.startswith("Laporan-Monev_")
    teks = " ".join(
        " ".join(h.extract_text() for h in PdfReader(io.BytesIO(dok.dokumen or b"")).pages).split()
    )
    for isi in (
        "Lokakarya modul ajar",
        "Bu Sari",
        "Sesuai jadwal",
        "Jadwal bentrok dengan ujian",
        "Lanjutkan",
    ):
        assert isi in teks, isi


async def test_monev_mingguan_dan_ringkasan_mingguan(
    bot: Any, jam: Any, orang: Callable[[str], Pengguna]
) -> None:
    from bot.app import KUNCI_PENGIRIM
    from bot.layanan import ringkasan

    p = await _sekolah_di_tahap_2(bot, orang)
    kepala, koor, sari = p["Pak Budi"], p["Bu Koor"], p["Bu Sari"]
    await _disetujui_dan_diterima(bot, p)
    await ringkasan.rencanakan_mingguan(bot.bot_data[KUNCI_LAYANAN])  # (or the hourly job did)
    assert await ringkasan.rencanakan_mingguan(bot.bot_data[KUNCI_LAYANAN]) == 0  # idempotent
    async with bot.bot_data[KUNCI_LAYANAN].mesin.connect() as conn:
        berkala = {
            b.jenis: b
            for b in await conn.execute(
                select(pengingat).where(
                    pengingat.c.jenis.in_(("monev_mingguan", "ringkasan_mingguan"))
                )
            )
        }
    mingguan = berkala["monev_mingguan"].jatuh_tempo.astimezone(WIB)
    assert (mingguan.weekday(), mingguan.hour, mingguan.minute) == (0, 7, 30)  # Monday 07:30 WIB
    ringkas_pada = berkala["ringkasan_mingguan"].jatuh_tempo.astimezone(WIB)
    assert (ringkas_pada.weekday(), ringkas_pada.hour) == (4, 13)  # Friday 13:00 WIB

    pengirim = bot.bot_data[KUNCI_PENGIRIM]
    jam.sekarang = berkala["monev_mingguan"].jatuh_tempo
    await pengirim.putaran()
    pesan = await sari.balasan_berisi("Monev mingguan")
    assert "Lokakarya modul ajar" in pesan.teks
    await sari.tekan("Lapor: Lokakarya modul ajar", pesan)
    await sari.balasan_berisi("Bagaimana kemajuannya")
    async with bot.bot_data[KUNCI_LAYANAN].mesin.connect() as conn:
        minggu_depan = [
            b.jatuh_tempo
            for b in await conn.execute(
                select(pengingat).where(
                    pengingat.c.jenis == "monev_mingguan", pengingat.c.status == "direncanakan"
                )
            )
        ]
    assert [(d - jam()).days for d in minggu_depan] == [7]

    jam.sekarang = berkala["ringkasan_mingguan"].jatuh_tempo
    await pengirim.putaran()
    for manajer in (kepala, koor):
        ringkas = await manajer.balasan_berisi("Ringkasan SPMI")
        assert "· mingguan" in ringkas.teks and "Tahap 3 · Pelaksanaan" in ringkas.teks
        assert "Rencana: 1 kegiatan · 0% selesai" in ringkas.teks
    async with bot.bot_data[KUNCI_LAYANAN].mesin.connect() as conn:
        berikut = [
            b.jatuh_tempo
            for b in await conn.execute(
                select(pengingat).where(
                    pengingat.c.jenis == "ringkasan_mingguan", pengingat.c.status == "direncanakan"
                )
            )
        ]
    assert [(d - jam()).days for d in berikut] == [7, 7]  # next Friday, for both managers
