"""Stage 5 edges over HTTP: a typed target survives a restart, bad targets are refused with
the question again; in the next plan a carried activity whose PIC left asks for a new PIC,
one can be dropped, and taking one twice adds it once."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from sqlalchemy import select

from bot.akses import KUNCI_LAYANAN
from bot.layanan import Ditolak
from bot.layanan import anggota as layanan_anggota
from bot.layanan import bawaan as layanan_bawaan
from bot.layanan import strategi as layanan_strategi
from bot.layanan.rencana import KegiatanBaru
from db.tabel import kegiatan, kegiatan_bawaan, target_standar
from tests.fakes.pengguna import Pengguna
from tests.percakapan.conftest import daftarkan_sekolah
from tests.percakapan.test_rencana_komitmen import _ke_tahap_2
from tests.percakapan.test_rencana_ubah import _sekolah_di_tahap_2
from tests.percakapan.test_strategi import (
    LOKAKARYA,
    SUPERVISI,
    _aktor,
    _isi_jawaban,
    _sampai_tahap_4,
    _tutup_tahap_1,
)


async def test_target_diketik_setelah_restart_dan_masukan_salah(
    mulai_bot: Callable[[], Any], orang: Callable[[str], Pengguna]
) -> None:
    async with mulai_bot() as bot:
        p = await _sekolah_di_tahap_2(bot, orang)
        koor = p["Bu Koor"]
        await _sampai_tahap_4(bot, p)
        await layanan_strategi.buka(bot.bot_data[KUNCI_LAYANAN], await _aktor(bot, koor))
        await koor.kirim("/strategi")
        await koor.tekan("Target per standar", await koor.balasan_berisi("Langkah tahap 5"))
        await koor.tekan("3. Proses", await koor.balasan_berisi("Target per standar untuk"))
        await koor.balasan_berisi("Target Standar Proses")
        await koor.kirim("tinggi sekali")
        await koor.balasan_berisi("belum terbaca sebagai angka")
        await koor.kirim("7,5")
        salah = await koor.balasan_berisi("melebihi skor tertinggi 7,00")
        assert "Target Standar Proses" in salah.teks
        await koor.api.idle(quiet=1.0)  # the conversation state is written
    async with mulai_bot() as bot:
        await koor.kirim("6.8")  # a decimal point is read too
        await koor.balasan_berisi("Target Standar Proses tersimpan: 6,80")
        await koor.kirim("6,9")  # no question waits any more
        await koor.balasan_berisi("belum paham pesan itu")
        async with bot.bot_data[KUNCI_LAYANAN].mesin.connect() as conn:
            target = list(await conn.execute(select(target_standar)))
        assert [(t.standar_kode, t.target) for t in target] == [("PROSES", 6.8)]


async def test_kegiatan_lanjutan_pic_keluar_dilewati_dan_diambil_sekali(
    bot: Any, orang: Callable[[str], Pengguna]
) -> None:
    p = await _sekolah_di_tahap_2(bot, orang)
    kepala, koor, sari = p["Pak Budi"], p["Bu Koor"], p["Bu Sari"]
    lay = bot.bot_data[KUNCI_LAYANAN]
    await _sampai_tahap_4(bot, p)
    ks, ko = await _aktor(bot, kepala), await _aktor(bot, koor)
    await layanan_strategi.buka(lay, ko)
    await layanan_strategi.tutup(lay, ks)
    # Bu Sari leaves the school; her activities carried over need a new PIC.
    (sari_anggota,) = [a for a in await layanan_anggota.daftar(lay, ks) if a.pengguna_id == sari.id]
    await layanan_anggota.keluarkan(lay, ks, sari_anggota.id)
    await _ke_tahap_2(kepala)
    await _isi_jawaban(bot, kepala, 1)
    await _tutup_tahap_1(kepala)

    await koor.kirim("/perencanaan")
    await koor.tekan(
        "Kegiatan lanjutan siklus lalu (2)", await koor.balasan_berisi("Pilih masalah prioritas")
    )
    daftar = await koor.balasan_berisi("Kegiatan lanjutan dari")
    assert f"PIC {sari.nama} (sudah tidak terdaftar)" in daftar.teks
    # Drop the first (Lokakarya, in plan order): the list comes again without it.
    assert daftar.teks.index(LOKAKARYA) < daftar.teks.index(SUPERVISI)
    await koor.tekan("Lewati", daftar)
    sisa = await koor.balasan_berisi("Kegiatan lanjutan dari")
    assert LOKAKARYA not in sisa.teks and SUPERVISI in sisa.teks
    diambil = SUPERVISI
    await koor.tekan(f"Ambil: {diambil}", sisa)
    await koor.balasan_berisi("sudah tidak terdaftar di sekolah: mohon pilih PIC baru")
    pilih = await koor.balasan_berisi("Siapa penanggung jawab")
    assert sari.nama not in pilih.tombol_datar
    await koor.tekan(koor.nama, pilih)
    await koor.balasan_berisi("Kapan kegiatan mulai")
    await koor.kirim("1 September 2027")
    await koor.tekan("Ya, benar", await koor.balasan_berisi("Benar?"))
    await koor.kirim("30 September 2027")
    await koor.tekan("Ya, benar", await koor.balasan_berisi("Benar?"))
    simpan = await koor.balasan_berisi(f"Kegiatan tersimpan: {diambil}")
    assert f"PIC {koor.nama}" in simpan.teks
    assert "Kegiatan lanjutan siklus lalu" not in " ".join(simpan.tombol_datar)

    # Taking the same draft again (a doubled press reaching the use-case) adds nothing.
    async with lay.mesin.connect() as conn:
        (b,) = list(
            await conn.execute(select(kegiatan_bawaan).where(kegiatan_bawaan.c.status == "diambil"))
        )
    baru = KegiatanBaru(diambil, koor.id, date(2027, 9, 1), date(2027, 9, 30), 0, "x", 4.0)
    assert await layanan_bawaan.masukkan(lay, ko, b.id, baru) == b.kegiatan_kunci_baru
    async with lay.mesin.connect() as conn:
        sama = list(await conn.execute(select(kegiatan).where(kegiatan.c.deskripsi == diambil)))
    assert len(sama) == 2  # the old cycle's and the new plan's, not a third
    assert await layanan_bawaan.menunggu(lay, ko) == []


async def test_dokumen_siklus_memilih_siklus_dan_menjaga_sekolah(
    bot: Any, orang: Callable[[str], Pengguna]
) -> None:
    p = await _sekolah_di_tahap_2(bot, orang)
    lay = bot.bot_data[KUNCI_LAYANAN]
    await _sampai_tahap_4(bot, p)
    ks, ko = await _aktor(bot, p["Pak Budi"]), await _aktor(bot, p["Bu Koor"])
    with pytest.raises(Ditolak) as tolak:
        await layanan_strategi.dokumen_siklus(lay, ks)  # stage 4, nothing closed yet
    assert tolak.value.alasan == "belum_ada_laporan_siklus"
    await layanan_strategi.buka(lay, ko)
    terbuka = await layanan_strategi.dokumen_siklus(lay, ks)  # the open cycle in stage 5
    assert terbuka.ditutup is None
    assert [b.kegiatan for b in terbuka.bawaan] == [LOKAKARYA, SUPERVISI]
    assert [t for t, mulai in terbuka.tahap if mulai is not None] == [1, 2, 3, 4, 5]

    # Another school's kepala cannot read this school's cycle by its id.
    lain = orang("Bu Lain")
    await daftarkan_sekolah(lain, npsn="20599999", nama="SMP Negeri 2 Depok")
    with pytest.raises(Ditolak) as tolak:
        await layanan_strategi.dokumen_siklus(lay, await _aktor(bot, lain), 1)
    assert tolak.value.alasan == "bukan_sekolah_ini"
    # Nor close it: the use-case reads only the actor's own school (its cycle is at stage 1).
    with pytest.raises(Ditolak) as tolak:
        await layanan_strategi.tutup(lay, await _aktor(bot, lain))
    assert tolak.value.alasan == "bukan_tahap_5"
