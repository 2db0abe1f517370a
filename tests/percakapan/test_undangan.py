"""/undang, /gabung and invite links over HTTP."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from sqlalchemy import select

from bot.akses import KUNCI_LAYANAN
from db.tabel import keanggotaan, undangan
from tests.fakes.pengguna import Pengguna
from tests.percakapan.conftest import Jam, daftarkan_sekolah, gabung, undang


async def _anggota(app: Any) -> list[tuple[int, str]]:
    async with app.bot_data[KUNCI_LAYANAN].mesin.connect() as conn:
        hasil = await conn.execute(
            select(keanggotaan.c.pengguna_id, keanggotaan.c.peran).where(keanggotaan.c.aktif)
        )
        return sorted((r.pengguna_id, r.peran) for r in hasil)


async def test_undangan_lewat_tautan_start(bot: Any, orang: Callable[[str], Pengguna]) -> None:
    kepala, guru = orang("Pak Budi"), orang("Bu Sari")
    await daftarkan_sekolah(kepala)
    await kepala.kirim("/undang")
    pilih = await kepala.balasan_berisi("Pilih peran")
    assert pilih.tombol_datar == ["Koordinator TPMPS", "Guru", "Tenaga Kependidikan", "Pengawas"]
    await kepala.tekan("Guru")
    await kepala.api.idle()
    await kepala.tekan("Sekali pakai")
    await kepala.api.idle()
    kode_pesan = kepala.pesan_terakhir()
    assert kode_pesan is not None
    kode = kode_pesan.teks.split("Kode: ")[1].split()[0]
    assert f"https://t.me/asisten_mutu_test_bot?start={kode}" in kode_pesan.teks
    assert "Berlaku sampai Senin, 30 November 2026 pukul 10.00 WIB" in kode_pesan.teks
    assert kode_pesan.tombol_datar == [f"Cabut kode {kode}"]

    await guru.kirim(f"/start {kode}")
    sambutan = await guru.balasan()
    assert "Selamat bergabung di SMP Negeri 1 Sleman sebagai Guru" in sambutan.teks
    kabar = await kepala.balasan_berisi("sudah bergabung")
    assert "Bu Sari" in kabar.teks
    assert await _anggota(bot) == sorted([(kepala.id, "kepala_sekolah"), (guru.id, "guru")])


async def test_gabung_dengan_mengetik_kode(bot: Any, orang: Callable[[str], Pengguna]) -> None:
    kepala, tendik = orang("Pak Budi"), orang("Mas Joko")
    await daftarkan_sekolah(kepala)
    kode = await undang(kepala, "Tenaga Kependidikan")
    await tendik.kirim("/start")
    await tendik.tekan("Gabung dengan kode undangan", await tendik.balasan())
    await tendik.balasan_berisi("Ketik kode undangan")
    await tendik.kirim("KODE-SALAH")
    salah = await tendik.balasan()
    assert "6 sampai 16 huruf" in salah.teks
    await tendik.balasan_berisi("Ketik kode undangan")
    await tendik.kirim(kode.lower())
    await tendik.balasan_berisi("Selamat bergabung")
    assert (tendik.id, "tendik") in await _anggota(bot)


async def test_kode_kedaluwarsa_dicabut_habis_tidak_dikenal(
    bot: Any, jam: Jam, orang: Callable[[str], Pengguna]
) -> None:
    kepala = orang("Pak Budi")
    await daftarkan_sekolah(kepala)
    sekali = await undang(kepala, "Guru")
    dicabut = await undang(kepala, "Guru")
    lama = await undang(kepala, "Guru")

    await kepala.tekan(f"Cabut kode {dicabut}")
    await kepala.api.idle()
    teks = [m["text"] for m in kepala.api.bot_messages(kepala.chat_id)]
    assert f"Kode {dicabut} untuk Guru sudah dicabut dan tidak bisa dipakai lagi." in teks

    pertama, kedua = orang("Bu Sari"), orang("Bu Rina")
    await gabung(pertama, sekali)
    await kedua.kirim(f"/gabung {sekali}")
    assert "sudah habis dipakai" in (await kedua.balasan()).teks
    await kedua.kirim(f"/gabung {dicabut}")
    assert "sudah dicabut" in (await kedua.balasan()).teks
    await kedua.kirim("/gabung ZZZZ9999")
    assert "tidak dikenal" in (await kedua.balasan()).teks
    jam.maju(timedelta(days=7, seconds=1))
    await kedua.kirim(f"/gabung {lama}")
    assert "sudah kedaluwarsa" in (await kedua.balasan()).teks
    await pertama.kirim(f"/gabung {lama}")
    assert "sudah kedaluwarsa" in (await pertama.balasan()).teks

    assert await _anggota(bot) == sorted([(kepala.id, "kepala_sekolah"), (pertama.id, "guru")])


async def test_kode_banyak_pakai_dan_anggota_yang_sudah_bergabung(
    bot: Any, orang: Callable[[str], Pengguna]
) -> None:
    kepala = orang("Pak Budi")
    await daftarkan_sekolah(kepala)
    kode = await undang(kepala, "Guru", sekali=False)
    guru = [orang(f"Guru {i}") for i in range(3)]
    for g in guru:
        await gabung(g, kode)
    await guru[0].kirim(f"/gabung {kode}")
    assert "sudah menjadi anggota SMP Negeri 1 Sleman" in (await guru[0].balasan()).teks
    async with bot.bot_data[KUNCI_LAYANAN].mesin.connect() as conn:
        (u,) = list(await conn.execute(select(undangan)))
    assert (u.dipakai, u.maks_pakai) == (3, 50)


async def test_tombol_buat_kode_ditekan_dua_kali_satu_kode(
    bot: Any, orang: Callable[[str], Pengguna]
) -> None:
    kepala = orang("Pak Budi")
    await daftarkan_sekolah(kepala)
    await kepala.kirim("/undang")
    await kepala.tekan("Koordinator TPMPS", await kepala.balasan_berisi("Pilih peran"))
    await kepala.api.idle()
    pesan = kepala.pesan_terakhir()
    assert pesan is not None
    await kepala.tekan_data("und:b:koordinator:1", pesan)
    await kepala.tekan_data("und:b:koordinator:1", pesan)
    await kepala.api.idle()
    async with bot.bot_data[KUNCI_LAYANAN].mesin.connect() as conn:
        assert len(list(await conn.execute(select(undangan)))) == 1


async def test_koordinator_boleh_mengundang_dan_melihat_kode_aktif(
    bot: Any, orang: Callable[[str], Pengguna]
) -> None:
    kepala, koordinator = orang("Pak Budi"), orang("Bu Koor")
    await daftarkan_sekolah(kepala)
    await gabung(koordinator, await undang(kepala, "Koordinator TPMPS"))
    kode = await undang(koordinator, "Guru")
    await koordinator.kirim("/undang")
    pilih = await koordinator.balasan_berisi("Pilih peran")
    assert "Kode aktif (1)" in pilih.tombol_datar
    await koordinator.tekan("Kode aktif (1)")
    daftar = await koordinator.balasan_berisi("masih berlaku")
    assert kode in daftar.teks and daftar.tombol_datar == [f"Cabut kode {kode}"]
