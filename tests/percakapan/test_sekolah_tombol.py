"""The /sekolah buttons as typed kinds, over HTTP: pages of a search ("skc:<n>:<kata>"), the
page data of older messages ("skl:h:<n>", "skl:c:<n>:<kata>") and crafted data answered as
stale, and a school the user does not belong to refused, with nothing changed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot.akses import KUNCI_LAYANAN
from db import keanggotaan as db_keanggotaan
from db import pengguna as db_pengguna
from db import sekolah as db_sekolah
from tests.fakes.pengguna import Pengguna

SEKOLAH = "SMP Negeri {:03d} Sleman"
USANG = "Tombol itu sudah tidak berlaku. Mohon pakai pesan yang terbaru."


async def _pengawas(bot: Any, p: Pengguna, jumlah: int, npsn: int = 30000000) -> list[int]:
    lay = bot.bot_data[KUNCI_LAYANAN]
    ids = []
    async with lay.mesin.begin() as conn:
        await db_pengguna.catat_kunjungan(conn, p.id, p.nama, None, lay.sekarang())
        for i in range(1, jumlah + 1):
            sid = await db_sekolah.buat(
                conn,
                npsn=str(npsn + i),
                nama=SEKOLAH.format(i) if i <= jumlah - 5 else f"SD Inpres {i:03d}",
                jenjang="SMP",
                kabupaten="Kab. Sleman",
                provinsi="DI Yogyakarta",
                zona_waktu="Asia/Jakarta",
                waktu=lay.sekarang(),
            )
            await db_keanggotaan.tambah(
                conn, pengguna_id=p.id, sekolah_id=sid, peran="pengawas", waktu=lay.sekarang()
            )
            ids.append(sid)
    return ids


async def test_halaman_pencarian_sekolah_dan_tombol_usang(
    bot: Any, orang: Callable[[str], Pengguna]
) -> None:
    pengawas = orang("Pak Pengawas")
    await _pengawas(bot, pengawas, 30)
    await pengawas.kirim("/sekolah negeri")
    cari = await pengawas.balasan()
    assert 'Nama memuat "negeri": 25 sekolah' in cari.teks and "Halaman 1 dari 3" in cari.teks
    assert any(d.startswith("skc:1:") for d in cari.data.values()), cari.data
    await pengawas.tekan("Berikutnya ›", cari)
    await pengawas.api.idle()
    dua = pengawas.pesan(cari.message_id)
    assert "Halaman 2 dari 3" in dua.teks and "SMP Negeri 011 Sleman" in dua.teks
    assert "SD Inpres" not in dua.teks  # still the search, not the whole list

    for data in ("skl:h:1", "skl:c:1:negeri", "skh:x", "skc:1", "skl:abc"):
        qid = await pengawas.tekan_data(data, dua)
        jawab = await pengawas.jawaban_callback(qid)
        assert jawab.params["text"] == USANG, data
    await pengawas.api.idle()
    assert pengawas.pesan(cari.message_id).teks == dua.teks


async def test_memilih_sekolah_orang_lain_ditolak_tanpa_perubahan(
    bot: Any, orang: Callable[[str], Pengguna]
) -> None:
    pengawas, lain = orang("Pak Pengawas"), orang("Bu Pengawas Lain")
    await _pengawas(bot, pengawas, 3)
    (bukan_miliknya, *_) = await _pengawas(bot, lain, 1, npsn=40000000)
    await pengawas.kirim("/sekolah")
    daftar = await pengawas.balasan()
    qid = await pengawas.tekan_data(f"skl:{bukan_miliknya}", daftar)
    jawab = await pengawas.jawaban_callback(qid)
    assert jawab.params["text"] == "Data itu bukan milik sekolah Anda yang aktif."
    await pengawas.api.idle()
    assert pengawas.pesan(daftar.message_id).teks == daftar.teks
    await pengawas.kirim("/sekolah")
    assert (await pengawas.balasan()).teks == daftar.teks
