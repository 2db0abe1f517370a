"""Removal sticks, over HTTP: a removed member stays out whatever the code until a kepala
sekolah re-admits them; the codes of a removed or demoted member stop working; codes for a
koordinator or pengawas let in one person; every join is told to the kepala sekolah; and
removal from one school leaves the person's other school alone."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select

from bot.akses import KUNCI_LAYANAN
from bot.app import KUNCI_PENGIRIM
from bot.mutu.peran import Peran
from db import keanggotaan as db_keanggotaan
from db import komitmen as db_komitmen
from db import pengguna as db_pengguna
from db import pengingat as db_pengingat
from db import siklus as db_siklus
from db.tabel import keanggotaan, pengingat, undangan
from tests.fakes.pengguna import Pengguna, Pesan
from tests.percakapan.conftest import daftarkan_sekolah, gabung, undang

Kabar = Callable[[], Awaitable[int]]


@pytest.fixture
def kirim_kabar(bot: Any) -> Kabar:
    """Send what the outbox holds now. The pacing per chat (tested in test_pengingat.py) is
    off, so several notices to one kepala go out in one run."""
    pengirim = bot.bot_data[KUNCI_PENGIRIM]
    pengirim.aturan = replace(pengirim.aturan, jeda_per_chat=0.0)
    return pengirim.putaran  # type: ignore[no-any-return]


async def _rincian(kepala: Pengguna, nama: str) -> Pesan:
    await kepala.kirim("/anggota")
    daftar = await kepala.balasan_berisi("Anggota")
    await kepala.tekan(nama, daftar)
    await kepala.api.idle()
    return kepala.pesan(daftar.message_id)


async def keluarkan(kepala: Pengguna, nama: str) -> None:
    """/anggota, the member, "Keluarkan dari sekolah", "Ya, keluarkan"."""
    rincian = await _rincian(kepala, nama)
    await kepala.tekan("Keluarkan dari sekolah", rincian)
    await kepala.api.idle()
    await kepala.tekan("Ya, keluarkan", kepala.pesan(rincian.message_id))
    await kepala.api.idle()
    assert "sudah dikeluarkan" in kepala.pesan(rincian.message_id).teks


async def ubah_peran(kepala: Pengguna, nama: str, peran: str) -> None:
    """/anggota, the member, "Jadikan <peran>", and its confirmation when one is asked."""
    rincian = await _rincian(kepala, nama)
    await kepala.tekan(f"Jadikan {peran}", rincian)
    await kepala.api.idle()
    pesan = kepala.pesan(rincian.message_id)
    if f"Ya, jadikan {peran}" in pesan.tombol_datar:
        await kepala.tekan(f"Ya, jadikan {peran}", pesan)
        await kepala.api.idle()


async def _tambah_kepala(app: Any, kepala: Pengguna, sekolah_id: int) -> None:
    """A second kepala sekolah for the school (a given of the story, not what it tests)."""
    lay = app.bot_data[KUNCI_LAYANAN]
    async with lay.mesin.begin() as conn:
        await db_pengguna.catat_kunjungan(conn, kepala.id, kepala.nama, None, lay.sekarang())
        await db_keanggotaan.tambah(
            conn,
            pengguna_id=kepala.id,
            sekolah_id=sekolah_id,
            peran=Peran.KEPALA_SEKOLAH,
            waktu=lay.sekarang(),
        )


async def _keanggotaan(app: Any, pengguna_id: int) -> list[tuple[int, str, bool]]:
    async with app.bot_data[KUNCI_LAYANAN].mesin.connect() as conn:
        hasil = await conn.execute(
            select(keanggotaan.c.sekolah_id, keanggotaan.c.peran, keanggotaan.c.aktif)
            .where(keanggotaan.c.pengguna_id == pengguna_id)
            .order_by(keanggotaan.c.sekolah_id)
        )
        return [tuple(r) for r in hasil]  # type: ignore[misc]


async def _dipakai(app: Any, kode: str) -> int:
    async with app.bot_data[KUNCI_LAYANAN].mesin.connect() as conn:
        hasil = await conn.execute(select(undangan.c.dipakai).where(undangan.c.kode == kode))
        return int(hasil.scalar_one())


async def _ditolak_kembali(orang: Pengguna, kode: str) -> None:
    await orang.kirim(f"/gabung {kode}")
    tolak = await orang.balasan()
    assert "tidak bisa bergabung kembali di SMP Negeri 1 Sleman" in tolak.teks, tolak.teks
    assert "hubungi kepala sekolah" in tolak.teks


async def test_koordinator_yang_dikeluarkan_tidak_bisa_kembali_dengan_kodenya_sendiri(
    bot: Any, orang: Callable[[str], Pengguna], kirim_kabar: Kabar
) -> None:
    kepala, koor, guru = orang("Pak Budi"), orang("Bu Koor"), orang("Bu Sari")
    await daftarkan_sekolah(kepala)
    await gabung(koor, await undang(kepala, "Koordinator TPMPS"))
    kode_koor = await undang(koor, "Guru", sekali=False)  # her own, still valid for 7 days
    kode_kepala = await undang(kepala, "Guru", sekali=False)
    await kirim_kabar()
    await kepala.semua_balasan()

    await keluarkan(kepala, "Bu Koor")
    await koor.balasan_berisi("tidak lagi terdaftar")
    await _ditolak_kembali(koor, kode_koor)
    await _ditolak_kembali(koor, kode_kepala)  # a multi-use code still valid: no way in either
    await koor.kirim(f"/start {kode_kepala}")  # nor through the invite link
    assert "tidak bisa bergabung kembali" in (await koor.balasan_berisi("Maaf")).teks
    assert await _dipakai(bot, kode_kepala) == 0
    assert await _keanggotaan(bot, koor.id) == [(1, "koordinator", False)]

    # The kepala sekolah hears of it once that day, however often she tries.
    await kirim_kabar()
    kabar = await kepala.balasan_berisi("mencoba bergabung lagi")
    assert "Bu Koor, yang sudah dikeluarkan dari SMP Negeri 1 Sleman" in kabar.teks
    assert kabar.tombol_datar == ["Izinkan bergabung kembali"]
    await kepala.tidak_ada_balasan()

    # Her own code was revoked with her removal: it brings no one else in.
    await guru.kirim(f"/gabung {kode_koor}")
    assert "sudah dicabut" in (await guru.balasan()).teks
    await gabung(guru, kode_kepala)


async def test_kepala_mengizinkan_kembali_lalu_anggota_bisa_bergabung(
    bot: Any, orang: Callable[[str], Pengguna], kirim_kabar: Kabar
) -> None:
    kepala, kepala2, joko = orang("Pak Budi"), orang("Bu Wakil"), orang("Mas Joko")
    guru = orang("Bu Sari")
    await daftarkan_sekolah(kepala)
    await _tambah_kepala(bot, kepala2, 1)
    kode = await undang(kepala, "Guru", sekali=False)
    await gabung(joko, kode)
    await gabung(guru, kode)
    await kirim_kabar()
    await keluarkan(kepala, "Mas Joko")
    await joko.balasan_berisi("tidak lagi terdaftar")
    await _ditolak_kembali(joko, kode)
    await kirim_kabar()
    # Every kepala sekolah is told, and no one else.
    kabar = await kepala.balasan_berisi("mencoba bergabung lagi")
    kabar2 = await kepala2.balasan_berisi("mencoba bergabung lagi")
    await guru.tidak_ada_balasan()

    # The button needs the kepala's role, checked like every other.
    qid = await guru.tekan_data(kabar.data["Izinkan bergabung kembali"], kabar)
    assert (await guru.jawaban_callback(qid)).params["text"].startswith("Maaf")
    await _ditolak_kembali(joko, kode)

    await kepala.tekan("Izinkan bergabung kembali", kabar)
    await kepala.api.idle()
    assert "Mas Joko sekarang boleh bergabung kembali" in kepala.pesan(kabar.message_id).teks
    await kirim_kabar()
    await joko.balasan_berisi("mengizinkan Anda bergabung kembali")
    await gabung(joko, kode)
    assert await _keanggotaan(bot, joko.id) == [(1, "guru", True)]

    # The other kepala's copy of the button, pressed late, changes nothing.
    qid = await kepala2.tekan_data(kabar2.data["Izinkan bergabung kembali"], kabar2)
    jawab = await kepala2.jawaban_callback(qid)
    assert jawab.params["text"] == "Orang itu sudah kembali menjadi anggota sekolah ini."

    # Removed again, he is held out again.
    await keluarkan(kepala, "Mas Joko")
    await joko.balasan_berisi("tidak lagi terdaftar")
    await _ditolak_kembali(joko, kode)


async def test_kode_anggota_yang_dikeluarkan_atau_diturunkan_dicabut(
    bot: Any, orang: Callable[[str], Pengguna], kirim_kabar: Kabar
) -> None:
    kepala, rina, dodi = orang("Pak Budi"), orang("Bu Rina"), orang("Pak Dodi")
    await daftarkan_sekolah(kepala)
    await gabung(rina, await undang(kepala, "Koordinator TPMPS"))
    kode_rina = await undang(rina, "Guru", sekali=False)
    await ubah_peran(kepala, "Bu Rina", "Kepala Sekolah")  # may still invite: codes stay
    await gabung(dodi, await undang(kepala, "Koordinator TPMPS"))
    kode_dodi = await undang(dodi, "Tenaga Kependidikan")
    kode_kepala = await undang(kepala, "Guru")

    await ubah_peran(kepala, "Pak Dodi", "Guru")  # a guru may not invite: his code goes
    await keluarkan(kepala, "Bu Rina")  # a removed member's codes go too
    tamu = [orang(f"Tamu {i}") for i in range(3)]
    for t, kode in zip(tamu, (kode_rina, kode_dodi), strict=False):
        await t.kirim(f"/gabung {kode}")
        assert "sudah dicabut" in (await t.balasan()).teks
    await kepala.kirim("/undang")
    await kepala.tekan("Kode aktif (1)", await kepala.balasan_berisi("Pilih peran"))
    daftar = await kepala.balasan_berisi("masih berlaku")
    assert kode_kepala in daftar.teks and kode_rina not in daftar.teks
    await gabung(tamu[2], kode_kepala)


@pytest.mark.parametrize("peran", ["Koordinator TPMPS", "Pengawas"])
async def test_kode_koordinator_dan_pengawas_hanya_untuk_satu_orang(
    bot: Any, orang: Callable[[str], Pengguna], peran: str
) -> None:
    kepala = orang("Pak Budi")
    await daftarkan_sekolah(kepala)
    await kepala.kirim("/undang")
    await kepala.tekan(peran, await kepala.balasan_berisi("Pilih peran"))
    await kepala.api.idle()
    pilih = kepala.pesan_terakhir()
    assert pilih is not None and pilih.tombol_datar == ["Sekali pakai"]
    assert "hanya bisa dipakai satu orang" in pilih.teks
    # A "banyak pakai" button crafted by hand is refused by the use-case itself.
    kunci = pilih.data["Sekali pakai"].rsplit(":", 1)[0]
    for maks in (50, 2):
        qid = await kepala.tekan_data(f"{kunci}:{maks}", pilih)
        jawab = await kepala.jawaban_callback(qid)
        assert jawab.params["text"] == "Pilihan itu tidak tersedia. Mohon pilih salah satu tombol."
    async with bot.bot_data[KUNCI_LAYANAN].mesin.connect() as conn:
        assert list(await conn.execute(select(undangan))) == []
    # A guru code may still be for many.
    await kepala.kirim("/undang")
    await kepala.tekan("Guru", await kepala.balasan_berisi("Pilih peran"))
    await kepala.api.idle()
    pesan = kepala.pesan_terakhir()
    assert pesan is not None
    assert pesan.tombol_datar == ["Sekali pakai", "Banyak pakai (maks. 50)"]


async def test_kode_sekali_pakai_ditekan_dua_orang_bersamaan_hanya_satu_yang_masuk(
    bot: Any, orang: Callable[[str], Pengguna]
) -> None:
    kepala = orang("Pak Budi")
    await daftarkan_sekolah(kepala)
    for putaran in range(3):
        kode = await undang(kepala, "Koordinator TPMPS")
        a, b = orang(f"Calon A{putaran}"), orang(f"Calon B{putaran}")
        await asyncio.gather(a.kirim(f"/gabung {kode}"), b.kirim(f"/gabung {kode}"))
        teks = sorted([(await a.balasan()).teks, (await b.balasan()).teks])
        assert "sudah habis dipakai" in teks[0] and "Selamat bergabung" in teks[1], teks
        assert await _dipakai(bot, kode) == 1
    async with bot.bot_data[KUNCI_LAYANAN].mesin.connect() as conn:
        hasil = await conn.execute(
            select(keanggotaan.c.peran).where(keanggotaan.c.peran == "koordinator")
        )
        assert len(list(hasil)) == 3


async def test_setiap_yang_bergabung_dikabarkan_ke_semua_kepala_sekolah(
    bot: Any, orang: Callable[[str], Pengguna], kirim_kabar: Kabar
) -> None:
    kepala, kepala2, koor, guru = (
        orang("Pak Budi"),
        orang("Bu Wakil"),
        orang("Bu Koor"),
        orang("Bu Sari"),
    )
    await daftarkan_sekolah(kepala)
    await _tambah_kepala(bot, kepala2, 1)
    await gabung(koor, await undang(kepala, "Koordinator TPMPS"))
    await gabung(guru, await undang(koor, "Guru"))
    await kirim_kabar()  # the notices go through the outbox
    await kepala.api.idle()

    def kabar(p: Pengguna) -> list[str]:
        return [m["text"] for m in p.api.bot_messages(p.chat_id) if "sudah bergabung" in m["text"]]

    # The kepala who made the code hears once, without being named as the inviter.
    assert kabar(kepala) == [
        "Bu Koor sudah bergabung di SMP Negeri 1 Sleman sebagai Koordinator TPMPS.",
        "Bu Sari sudah bergabung di SMP Negeri 1 Sleman sebagai Guru dengan kode undangan "
        "dari Bu Koor.",
    ]
    assert kabar(kepala2) == [
        "Bu Koor sudah bergabung di SMP Negeri 1 Sleman sebagai Koordinator TPMPS dengan kode "
        "undangan dari Pak Budi.",
        "Bu Sari sudah bergabung di SMP Negeri 1 Sleman sebagai Guru dengan kode undangan "
        "dari Bu Koor.",
    ]
    assert kabar(koor) == ["Bu Sari sudah bergabung di SMP Negeri 1 Sleman sebagai Guru."]


async def test_dikeluarkan_dari_sekolah_a_tidak_menyentuh_sekolah_b(
    bot: Any, orang: Callable[[str], Pengguna], kirim_kabar: Kabar
) -> None:
    kepala_a, kepala_b, rina = orang("Pak Budi"), orang("Bu Ani"), orang("Bu Rina")
    await daftarkan_sekolah(kepala_a)
    await daftarkan_sekolah(kepala_b, npsn="20599999", nama="SMP Negeri 2 Depok")
    await gabung(rina, await undang(kepala_a, "Koordinator TPMPS"))
    await gabung(rina, await undang(kepala_b, "Koordinator TPMPS"))
    await rina.kirim("/sekolah")
    await rina.tekan("SMP Negeri 1 Sleman", await rina.balasan_berisi("Sekolah Anda"))
    await rina.api.idle()
    kode_a = await undang(rina, "Guru", sekali=False)
    await rina.kirim("/sekolah")
    await rina.tekan("SMP Negeri 2 Depok", await rina.balasan_berisi("Sekolah Anda"))
    await rina.api.idle()
    kode_b = await undang(rina, "Guru", sekali=False)
    await kirim_kabar()
    # Her reminders waiting in both schools.
    lay = bot.bot_data[KUNCI_LAYANAN]
    besok = lay.sekarang() + timedelta(days=1)
    async with lay.mesin.begin() as conn:
        for sid in (1, 2):
            await db_pengingat.rencanakan(
                conn,
                kunci=f"uji:{sid}:{rina.id}",
                pengguna_id=rina.id,
                jenis="komitmen",
                isi={"templat": "pengingat/diblokir", "konteks": {"nama": "x"}},
                jatuh_tempo=besok,
                waktu=lay.sekarang(),
                sekolah_id=sid,
            )

    await ubah_peran(kepala_a, "Bu Rina", "Guru")  # demoted in A: A's code goes, B's stays
    t1, t2 = orang("Tamu Satu"), orang("Tamu Dua")
    await t1.kirim(f"/gabung {kode_a}")
    assert "sudah dicabut" in (await t1.balasan()).teks
    await keluarkan(kepala_a, "Bu Rina")

    async with lay.mesin.connect() as conn:
        status = dict(
            (
                await conn.execute(
                    select(pengingat.c.kunci, pengingat.c.status).where(
                        pengingat.c.kunci.startswith("uji:")
                    )
                )
            ).all()
        )
    assert status == {f"uji:1:{rina.id}": "batal", f"uji:2:{rina.id}": "direncanakan"}
    assert await _keanggotaan(bot, rina.id) == [(1, "guru", False), (2, "koordinator", True)]
    await gabung(t2, kode_b)
    await rina.kirim("/undang")  # still koordinator of B, at once
    await rina.balasan_berisi("Undang anggota SMP Negeri 2 Depok")


async def test_anggota_yang_dikeluarkan_langsung_kehilangan_akses(
    bot: Any, orang: Callable[[str], Pengguna]
) -> None:
    kepala, koor = orang("Pak Budi"), orang("Bu Koor")
    await daftarkan_sekolah(kepala)
    await gabung(koor, await undang(kepala, "Koordinator TPMPS"))
    await koor.kirim("/undang")
    pilih = await koor.balasan_berisi("Pilih peran")  # her access is fresh in memory now
    await keluarkan(kepala, "Bu Koor")
    await koor.balasan_berisi("tidak lagi terdaftar")
    await koor.kirim("/undang")
    assert "belum terdaftar di sekolah mana pun" in (await koor.balasan()).teks
    qid = await koor.tekan_data("und:b:guru:1", pilih)
    assert (await koor.jawaban_callback(qid)).params["text"].startswith("Maaf")
    async with bot.bot_data[KUNCI_LAYANAN].mesin.connect() as conn:
        assert len(list(await conn.execute(select(undangan)))) == 1


async def test_konfirmasi_keluarkan_menyebut_komitmen_terbuka_dan_akibatnya(
    bot: Any, orang: Callable[[str], Pengguna]
) -> None:
    kepala, sari = orang("Pak Budi"), orang("Bu Sari")
    await daftarkan_sekolah(kepala)
    await gabung(sari, await undang(kepala, "Guru"))
    lay = bot.bot_data[KUNCI_LAYANAN]
    async with lay.mesin.begin() as conn:  # her commitments of stage 3, one of them done
        siklus = await db_siklus.terbuka(conn, 1)
        assert siklus is not None
        for n, kemajuan in enumerate(("berjalan", "belum_mulai", "selesai")):
            kid = await db_komitmen.buat(
                conn,
                siklus_id=siklus.id,
                kegiatan_kunci=f"k{n}",
                pengguna_id=sari.id,
                indikator_kode="1.1",
                waktu=lay.sekarang(),
            )
            await db_komitmen.ubah(conn, kid, kemajuan=kemajuan)
    rincian = await _rincian(kepala, "Bu Sari")
    await kepala.tekan("Keluarkan dari sekolah", rincian)
    await kepala.api.idle()
    teks = kepala.pesan(rincian.message_id).teks
    assert "Bu Sari masih memegang 2 komitmen yang belum selesai" in teks
    assert "tidak bisa bergabung lagi dengan kode apa pun" in teks
