"""/anggota, /sekolah, /bantuan and the access check, over HTTP."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import func, select

from bot.akses import KUNCI_LAYANAN
from bot.mutu.peran import IZIN, Peran, boleh
from db import keanggotaan as db_keanggotaan
from db import pengguna as db_pengguna
from db import sekolah as db_sekolah
from db import undangan as db_undangan
from db.tabel import audit, keanggotaan, undangan
from tests.fakes.pengguna import Pengguna
from tests.percakapan.conftest import daftarkan_sekolah, gabung, undang


@dataclass
class DuaSekolah:
    a: dict[Peran, Pengguna]
    b_kepala: Pengguna
    tanpa_sekolah: Pengguna
    sekolah_a: int
    sekolah_b: int


async def _sekolah(app: Any, npsn: str, nama: str, anggota: dict[Peran, Pengguna]) -> int:
    """Seed a school and its members straight into the database."""
    lay = app.bot_data[KUNCI_LAYANAN]
    async with lay.mesin.begin() as conn:
        sid = await db_sekolah.buat(
            conn,
            npsn=npsn,
            nama=nama,
            jenjang="SMP",
            kabupaten="Kab. Sleman",
            provinsi="DI Yogyakarta",
            zona_waktu="Asia/Jakarta",
            waktu=lay.sekarang(),
        )
        for peran, p in anggota.items():
            await db_pengguna.catat_kunjungan(conn, p.id, p.nama, None, lay.sekarang())
            await db_keanggotaan.tambah(
                conn, pengguna_id=p.id, sekolah_id=sid, peran=peran, waktu=lay.sekarang()
            )
    return sid


@pytest.fixture
async def dua_sekolah(bot: Any, orang: Callable[[str], Pengguna]) -> DuaSekolah:
    a = {peran: orang(f"{peran.value} A") for peran in Peran}
    b_kepala = orang("kepala B")
    sid_a = await _sekolah(bot, "20500001", "SD Negeri A", a)
    sid_b = await _sekolah(bot, "20500002", "SD Negeri B", {Peran.KEPALA_SEKOLAH: b_kepala})
    return DuaSekolah(a, b_kepala, orang("tamu"), sid_a, sid_b)


async def _jumlah(app: Any, tabel: Any) -> int:
    async with app.bot_data[KUNCI_LAYANAN].mesin.connect() as conn:
        return int((await conn.execute(select(func.count()).select_from(tabel))).scalar_one())


PERINTAH_TERBATAS = [p for p, izin in IZIN.items() if izin is not None]


@pytest.mark.parametrize("peran", [*Peran, None], ids=lambda p: p.value if p else "tanpa_sekolah")
async def test_matriks_akses_setiap_perintah_setiap_peran(
    bot: Any, dua_sekolah: DuaSekolah, peran: Peran | None
) -> None:
    pengguna = dua_sekolah.a[peran] if peran else dua_sekolah.tanpa_sekolah
    sebelum = await _jumlah(bot, audit), await _jumlah(bot, undangan)
    for perintah in PERINTAH_TERBATAS:
        await pengguna.kirim(f"/{perintah}")
        pesan = await pengguna.balasan()
        ditolak = pesan.teks.startswith(f"Maaf, /{perintah} hanya untuk")
        assert ditolak == (not boleh(perintah, peran)), (perintah, peran, pesan.teks)
        if ditolak and peran is None:
            assert "belum terdaftar di sekolah mana pun" in pesan.teks
    assert (await _jumlah(bot, audit), await _jumlah(bot, undangan)) == sebelum


async def test_guru_tidak_bisa_undang(bot: Any, dua_sekolah: DuaSekolah) -> None:
    guru = dua_sekolah.a[Peran.GURU]
    await guru.kirim("/undang")
    pesan = await guru.balasan()
    assert pesan.teks == (
        "Maaf, /undang hanya untuk Kepala Sekolah dan Koordinator TPMPS.\n"
        "Peran Anda di SD Negeri A: Guru. Ketik /bantuan untuk melihat perintah Anda."
    )
    # A button of /undang crafted by hand is refused the same way.
    qid = await guru.tekan_data("und:b:guru:50", pesan)
    assert (await guru.jawaban_callback(qid)).params["text"].startswith("Maaf")
    assert await _jumlah(bot, undangan) == 0


async def test_anggota_sekolah_lain_tidak_bisa_membaca_atau_mengubah(
    bot: Any, dua_sekolah: DuaSekolah
) -> None:
    lay = bot.bot_data[KUNCI_LAYANAN]
    async with lay.mesin.begin() as conn:
        guru_a = next(
            r
            for r in await db_keanggotaan.anggota_sekolah(conn, dua_sekolah.sekolah_a)
            if r.peran == "guru"
        )
        uid = await db_undangan.buat(
            conn,
            kode="AAAA2222",
            sekolah_id=dua_sekolah.sekolah_a,
            peran="guru",
            dibuat_oleh=dua_sekolah.a[Peran.KEPALA_SEKOLAH].id,
            waktu=lay.sekarang(),
            kedaluwarsa_pada=lay.sekarang().replace(year=2027),
            maks_pakai=1,
        )
    kepala_b = dua_sekolah.b_kepala
    await kepala_b.kirim("/anggota")
    daftar = await kepala_b.balasan()
    assert "guru A" not in daftar.teks and "kepala B" in daftar.teks
    for data in (
        f"agt:l:{guru_a.id}",
        f"agt:p:{guru_a.id}:kepala_sekolah",
        f"agt:h:{guru_a.id}",
        f"agt:hy:{guru_a.id}",
        f"und:c:{uid}",
        f"skl:{dua_sekolah.sekolah_a}",
    ):
        qid = await kepala_b.tekan_data(data, daftar)
        jawab = await kepala_b.jawaban_callback(qid)
        assert jawab.params["text"] == "Data itu bukan milik sekolah Anda yang aktif.", data
    await kepala_b.api.idle()
    assert kepala_b.pesan(daftar.message_id).teks == daftar.teks
    async with lay.mesin.connect() as conn:
        g = await db_keanggotaan.ambil(conn, guru_a.id)
        u = await db_undangan.ambil(conn, uid)
    assert g is not None and (g.peran, g.aktif) == ("guru", True)
    assert u is not None and u.dicabut_pada is None


async def test_kepala_mengubah_peran_dan_mengeluarkan_anggota(
    bot: Any, orang: Callable[[str], Pengguna]
) -> None:
    kepala, sari, joko = orang("Pak Budi"), orang("Bu Sari"), orang("Mas Joko")
    await daftarkan_sekolah(kepala)
    await gabung(sari, await undang(kepala, "Guru"))
    await gabung(joko, await undang(kepala, "Guru"))
    await kepala.kirim("/anggota")
    daftar = await kepala.balasan_berisi("Anggota SMP Negeri 1 Sleman")
    assert "(3 orang)" in daftar.teks
    await kepala.tekan("Bu Sari · Guru", daftar)
    await kepala.api.idle()
    rincian = kepala.pesan(daftar.message_id)
    assert "Jadikan Koordinator TPMPS" in rincian.tombol_datar
    assert "Jadikan Guru" not in rincian.tombol_datar
    await kepala.tekan("Jadikan Koordinator TPMPS", rincian)
    await kepala.api.idle()
    konfirmasi = kepala.pesan(daftar.message_id)
    assert "Ubah peran Bu Sari dari Guru menjadi Koordinator TPMPS?" in konfirmasi.teks
    await sari.tidak_ada_balasan()  # nothing changed before the confirmation
    await kepala.tekan("Ya, jadikan Koordinator TPMPS", konfirmasi)
    kabar = await sari.balasan_berisi("Peran Anda di SMP Negeri 1 Sleman sekarang")
    assert "Koordinator TPMPS" in kabar.teks
    await sari.kirim("/undang")
    await sari.balasan_berisi("Pilih peran")  # allowed now

    await kepala.tekan("Kembali", kepala.pesan(daftar.message_id))
    await kepala.api.idle()
    await kepala.tekan("Mas Joko · Guru", kepala.pesan(daftar.message_id))
    await kepala.api.idle()
    await kepala.tekan("Keluarkan dari sekolah", kepala.pesan(daftar.message_id))
    await kepala.api.idle()
    konfirmasi = kepala.pesan(daftar.message_id)
    assert "Yakin mengeluarkan Mas Joko" in konfirmasi.teks
    await kepala.tekan_data(konfirmasi.data["Ya, keluarkan"], konfirmasi)
    qid = await kepala.tekan_data(konfirmasi.data["Ya, keluarkan"], konfirmasi)
    assert (await kepala.jawaban_callback(qid)).params["text"] == (
        "Anggota itu sudah tidak terdaftar di sekolah ini."
    )
    await joko.balasan_berisi("tidak lagi terdaftar")
    await joko.tidak_ada_balasan()
    await joko.kirim("/komitmen_tidak_ada")
    await joko.balasan_berisi("tidak saya kenal")
    await joko.kirim("/bantuan")
    assert "belum terdaftar di sekolah mana pun" in (await joko.balasan()).teks
    async with bot.bot_data[KUNCI_LAYANAN].mesin.connect() as conn:
        aksi = [r.aksi for r in await conn.execute(select(audit.c.aksi).order_by(audit.c.id))]
    assert aksi.count("anggota.keluarkan") == 1 and aksi.count("anggota.ubah_peran") == 1


async def test_kepala_terakhir_tidak_bisa_keluar_atau_turun(
    bot: Any, orang: Callable[[str], Pengguna]
) -> None:
    kepala = orang("Pak Budi")
    await daftarkan_sekolah(kepala)
    await kepala.kirim("/anggota")
    daftar = await kepala.balasan()
    await kepala.tekan("Pak Budi · Kepala Sekolah", daftar)
    await kepala.api.idle()
    rincian = kepala.pesan(daftar.message_id)
    for data in (
        rincian.data["Jadikan Guru"].replace(":p:", ":py:"),  # "Ya" of the confirmation
        rincian.data["Keluarkan dari sekolah"].replace(":h:", ":hy:"),
    ):
        qid = await kepala.tekan_data(data, rincian)
        jawab = await kepala.jawaban_callback(qid)
        assert "harus tetap memiliki kepala sekolah" in jawab.params["text"]
    async with bot.bot_data[KUNCI_LAYANAN].mesin.connect() as conn:
        (k,) = list(await conn.execute(select(keanggotaan)))
    assert (k.peran, k.aktif) == ("kepala_sekolah", True)


async def test_pengawas_memilih_sekolah_aktif(bot: Any, orang: Callable[[str], Pengguna]) -> None:
    k1, k2, pengawas = orang("Kepala Satu"), orang("Kepala Dua"), orang("Pak Pengawas")
    await daftarkan_sekolah(k1, npsn="20500011", nama="SD Negeri Satu")
    await daftarkan_sekolah(k2, npsn="20500012", nama="SD Negeri Dua")
    await gabung(pengawas, await undang(k1, "Pengawas"))
    await gabung(pengawas, await undang(k2, "Pengawas"))
    await pengawas.kirim("/sekolah")
    pesan = await pengawas.balasan()
    assert "SD Negeri Dua · Pengawas (aktif)" in pesan.teks
    assert pesan.tombol_datar == ["SD Negeri Satu · Pengawas", "✓ SD Negeri Dua · Pengawas"]
    await pengawas.tekan("SD Negeri Satu · Pengawas", pesan)
    await pengawas.api.idle()
    assert "Sekolah aktif sekarang: SD Negeri Satu" in pengawas.pesan(pesan.message_id).teks
    await pengawas.kirim("/bantuan")
    bantuan = await pengawas.balasan()
    assert "Anda aktif di SD Negeri Satu sebagai Pengawas" in bantuan.teks
    assert "/undang" not in bantuan.teks and "/sekolah" in bantuan.teks


async def test_bantuan_sesuai_peran_dan_pesan_tak_dikenal(
    bot: Any, dua_sekolah: DuaSekolah
) -> None:
    kepala = dua_sekolah.a[Peran.KEPALA_SEKOLAH]
    await kepala.kirim("/bantuan")
    teks = (await kepala.balasan()).teks
    assert "/undang - Buat kode undangan" in teks and "/anggota - Kelola anggota" in teks
    tamu = dua_sekolah.tanpa_sekolah
    await tamu.kirim("/bantuan")
    teks = (await tamu.balasan()).teks
    assert "/daftar" in teks and "/undang" not in teks
    await tamu.kirim("/hapus_semua")
    assert "tidak saya kenal" in (await tamu.balasan()).teks
    await tamu.kirim("halo")
    assert "belum paham" in (await tamu.balasan()).teks
    await tamu.kirim("/batal")
    assert (await tamu.balasan()).teks == "Tidak ada proses yang sedang berjalan."
