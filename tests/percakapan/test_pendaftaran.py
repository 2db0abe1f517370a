"""/start and /daftar over HTTP."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import select

from bot.akses import KUNCI_LAYANAN
from db.tabel import audit, keanggotaan, sekolah, siklus
from tests.fakes.bot_api import FakeBotApi
from tests.fakes.pengguna import Pengguna
from tests.percakapan.conftest import daftarkan_sekolah


async def _baris(app: Any, tabel: Any) -> list[Any]:
    async with app.bot_data[KUNCI_LAYANAN].mesin.connect() as conn:
        return list(await conn.execute(select(tabel)))


async def test_start_menyambut_dengan_dua_tombol(
    bot: Any, orang: Callable[[str], Pengguna]
) -> None:
    bu_sari = orang("Bu Sari")
    await bu_sari.kirim("/start")
    pesan = await bu_sari.balasan()
    assert "Asisten Mutu" in pesan.teks and "SPMI" in pesan.teks
    assert pesan.tombol_datar == ["Daftarkan sekolah", "Gabung dengan kode undangan"]


async def test_pendaftaran_lengkap(bot: Any, orang: Callable[[str], Pengguna]) -> None:
    kepala = orang("Pak Budi")
    await kepala.kirim("/start")
    await kepala.balasan()
    await kepala.tekan("Daftarkan sekolah")
    await kepala.balasan_berisi("Ketik NPSN")
    await kepala.kirim("2051 2345")
    await kepala.balasan_berisi("NPSN: 20512345")
    await kepala.kirim("SMP Negeri 1 Sleman")
    jenjang = await kepala.balasan_berisi("Pilih jenjang")
    assert jenjang.tombol_datar == ["SD", "SMP", "SMA", "SMK", "SLB", "MI", "MTs", "MA"]
    await kepala.tekan("SMP")
    await kepala.balasan_berisi("kabupaten/kota")
    assert kepala.pesan(jenjang.message_id).tombol == []
    assert "Jenjang: SMP" in kepala.pesan(jenjang.message_id).teks
    await kepala.kirim("Kabupaten Sleman")
    await kepala.kirim("DI Yogyakarta")
    await kepala.balasan_berisi("provinsi")
    zona = await kepala.balasan_berisi("zona waktu")
    assert zona.tombol_datar == [
        "WIB (Jakarta)",
        "WIB (Pontianak)",
        "WITA (Makassar)",
        "WIT (Jayapura)",
    ]
    await kepala.tekan("WITA (Makassar)")
    ringkas = await kepala.balasan_berisi("Mohon periksa")
    assert "Zona waktu: WITA (Makassar)" in ringkas.teks
    await kepala.tekan("Simpan")
    await kepala.api.idle()
    selesai = kepala.pesan(ringkas.message_id)
    assert "SMP Negeri 1 Sleman" in selesai.teks and "2026/2027" in selesai.teks
    assert selesai.tombol == []

    (s,) = await _baris(bot, sekolah)
    assert (s.npsn, s.jenjang, s.kabupaten, s.provinsi, s.zona_waktu) == (
        "20512345",
        "SMP",
        "Kabupaten Sleman",
        "DI Yogyakarta",
        "Asia/Makassar",
    )
    (k,) = await _baris(bot, keanggotaan)
    assert (k.pengguna_id, k.peran) == (kepala.id, "kepala_sekolah")
    (c,) = await _baris(bot, siklus)
    assert (c.tahun_ajaran, c.tahap, c.status) == ("2026/2027", 1, "terbuka")
    assert [a.aksi for a in await _baris(bot, audit)] == ["sekolah.daftar"]
    menu = kepala.api.calls_to("setMyCommands")[-1].params
    assert menu["scope"] == {"type": "chat", "chat_id": kepala.id}
    assert "undang" in [c["command"] for c in menu["commands"]]


async def test_npsn_salah_ditanya_lagi_tanpa_perubahan(
    bot: Any, orang: Callable[[str], Pengguna]
) -> None:
    kepala = orang("Pak Budi")
    await kepala.kirim("/daftar")
    await kepala.balasan_berisi("NPSN")
    for salah in ("1234", "20512345678", "2051-23X!"):
        await kepala.kirim(salah)
        pesan = await kepala.balasan()
        assert "NPSN harus 8 karakter" in pesan.teks and "Ketik NPSN" in pesan.teks
    await kepala.kirim("20512345")
    await kepala.balasan_berisi("Ketik nama sekolah")
    assert await _baris(bot, sekolah) == []


async def test_npsn_terdaftar_ditolak_dengan_saran_undangan(
    bot: Any, orang: Callable[[str], Pengguna]
) -> None:
    await daftarkan_sekolah(orang("Pak Budi"), npsn="20512345")
    lain = orang("Bu Ani")
    await lain.kirim("/daftar")
    await lain.balasan_berisi("NPSN")
    await lain.kirim("20512345")
    pesan = await lain.balasan()
    assert "sudah terdaftar" in pesan.teks and "kode undangan" in pesan.teks
    assert "Ketik NPSN" in pesan.teks
    assert len(await _baris(bot, sekolah)) == 1


async def test_teks_saat_harus_menekan_tombol(bot: Any, orang: Callable[[str], Pengguna]) -> None:
    kepala = orang("Pak Budi")
    await kepala.kirim("/daftar")
    await kepala.kirim("20512345")
    await kepala.kirim("SMP Negeri 1 Sleman")
    await kepala.balasan_berisi("Pilih jenjang")
    await kepala.kirim("SMP")
    pesan = await kepala.balasan()
    assert "pilih salah satu tombol" in pesan.teks and "Pilih jenjang" in pesan.teks
    assert "SMP" in pesan.tombol_datar


async def test_tombol_usang_tidak_mengubah_jawaban(
    bot: Any, bot_api: FakeBotApi, orang: Callable[[str], Pengguna]
) -> None:
    kepala = orang("Pak Budi")
    await kepala.kirim("/daftar")
    await kepala.kirim("20512345")
    await kepala.kirim("SMP Negeri 1 Sleman")
    jenjang = await kepala.balasan_berisi("Pilih jenjang")
    await kepala.tekan("SMP")
    await kepala.balasan_berisi("kabupaten/kota")
    # The jenjang question again, pressed from the old message after it moved on.
    qid = await kepala.tekan_data("dft:jenjang:SMA", jenjang)
    jawab = await kepala.jawaban_callback(qid)
    assert jawab.params.get("text") == "Tombol ini sudah tidak berlaku."
    await kepala.kirim("Kabupaten Sleman")
    await kepala.kirim("DI Yogyakarta")
    await kepala.tekan("WIB (Jakarta)", await kepala.balasan_berisi("zona waktu"))
    ringkas = await kepala.balasan_berisi("Mohon periksa")
    assert "Jenjang: SMP" in ringkas.teks


async def test_simpan_ditekan_dua_kali_satu_sekolah(
    bot: Any, orang: Callable[[str], Pengguna]
) -> None:
    kepala = orang("Pak Budi")
    await kepala.kirim("/daftar")
    await kepala.kirim("20512345")
    await kepala.kirim("SMP Negeri 1 Sleman")
    await kepala.tekan("SMP", await kepala.balasan_berisi("Pilih jenjang"))
    await kepala.kirim("Kabupaten Sleman")
    await kepala.kirim("DI Yogyakarta")
    await kepala.tekan("WIB (Jakarta)", await kepala.balasan_berisi("zona waktu"))
    ringkas = await kepala.balasan_berisi("Mohon periksa")
    await kepala.tekan_data("dft:simpan", ringkas)
    await kepala.tekan_data("dft:simpan", ringkas)
    await kepala.api.idle()
    assert len(await _baris(bot, sekolah)) == 1
    assert len(await _baris(bot, siklus)) == 1
    await kepala.tidak_ada_balasan()


async def test_batal_di_tengah_pendaftaran(bot: Any, orang: Callable[[str], Pengguna]) -> None:
    kepala = orang("Pak Budi")
    await kepala.kirim("/daftar")
    await kepala.kirim("20512345")
    await kepala.balasan_berisi("nama sekolah")
    await kepala.kirim("/batal")
    pesan = await kepala.balasan_berisi("dihentikan")
    assert "Tidak ada yang disimpan" in pesan.teks
    await kepala.kirim("SMP Negeri 1 Sleman")
    await kepala.balasan_berisi("belum paham")
    await kepala.kirim("/daftar")
    awal = await kepala.balasan()
    assert "Ketik NPSN" in awal.teks and "Melanjutkan" not in awal.teks
    assert await _baris(bot, sekolah) == []


async def test_perintah_lain_di_tengah_pendaftaran(
    bot: Any, orang: Callable[[str], Pengguna]
) -> None:
    kepala = orang("Pak Budi")
    await kepala.kirim("/daftar")
    await kepala.kirim("20512345")
    await kepala.balasan_berisi("nama sekolah")
    await kepala.kirim("/undang")
    await kepala.balasan_berisi("sedang mendaftarkan sekolah")
    await kepala.balasan_berisi("Ketik nama sekolah")


async def test_restart_di_tengah_pendaftaran_melanjutkan_langkah_yang_sama(
    mulai_bot: Callable[[], Any], orang: Callable[[str], Pengguna]
) -> None:
    kepala = orang("Pak Budi")
    async with mulai_bot():
        await kepala.kirim("/daftar")
        await kepala.kirim("20512345")
        await kepala.kirim("SMP Negeri 1 Sleman")
        await kepala.balasan_berisi("Pilih jenjang")
    async with mulai_bot() as kedua:
        jenjang = kepala.pesan_terakhir()
        assert jenjang is not None
        await kepala.tekan("SMA", jenjang)
        await kepala.balasan_berisi("kabupaten/kota")
        await kepala.kirim("Kabupaten Sleman")
        await kepala.kirim("DI Yogyakarta")
        await kepala.tekan("WIB (Jakarta)", await kepala.balasan_berisi("zona waktu"))
        ringkas = await kepala.balasan_berisi("Mohon periksa")
        assert "NPSN: 20512345" in ringkas.teks and "Jenjang: SMA" in ringkas.teks
        await kepala.tekan("Simpan")
        await kepala.api.idle()
        assert len(await _baris(kedua, sekolah)) == 1
