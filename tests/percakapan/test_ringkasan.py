"""/ringkasan over HTTP: a school's summary for its managers, the pengawas digest across three
schools with a nudge, the weekly summaries through the outbox, and a linked group."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select

from bot.akses import KUNCI_LAYANAN
from bot.layanan import ringkasan
from db.tabel import grup_sekolah, pengingat
from tests.fakes.bot_api import BOT_USER, FakeBotApi
from tests.fakes.pengguna import Pengguna
from tests.percakapan.conftest import daftarkan_sekolah, gabung, undang
from tests.percakapan.test_monev_pengaturan import _disetujui_dan_diterima
from tests.percakapan.test_rencana_ubah import _sekolah_di_tahap_2

PNG = b"\x89PNG"
# Monday 1 February 2027, 10:00 WIB: the activity due 20 January is 12 days late, and stage 1
# of a cycle opened on 23 November 2026 is past its six weeks (due 4 January) by 28 days.
FEBRUARI = datetime(2027, 2, 1, 3, 0, tzinfo=UTC)
ZONA = ZoneInfo("Asia/Jakarta")


def _tanpa_jeda(bot: Any) -> None:
    """Let the outbox send to one chat back to back (its pacing has tests of its own)."""
    from bot.app import KUNCI_PENGIRIM

    pengirim = bot.bot_data[KUNCI_PENGIRIM]
    pengirim.aturan = replace(pengirim.aturan, jeda_per_chat=0.0)


async def _kirim_terjadwal(bot: Any, jam: Any, jenis: str) -> None:
    """Plan the weekly summaries, move the clock to the first one of `jenis`, send what is due."""
    from bot.app import KUNCI_PENGIRIM

    lay = bot.bot_data[KUNCI_LAYANAN]
    await ringkasan.rencanakan_mingguan(lay)
    async with lay.mesin.connect() as conn:
        saat = (
            await conn.execute(
                select(pengingat.c.jatuh_tempo)
                .where(pengingat.c.jenis == jenis, pengingat.c.status == "direncanakan")
                .order_by(pengingat.c.jatuh_tempo)
            )
        ).scalar()
    assert saat is not None, jenis
    jam.sekarang = saat
    _tanpa_jeda(bot)
    await bot.bot_data[KUNCI_PENGIRIM].putaran()


async def test_ringkasan_sekolah_untuk_koordinator(
    bot: Any, jam: Any, orang: Callable[[str], Pengguna]
) -> None:
    p = await _sekolah_di_tahap_2(bot, orang)
    koor, sari = p["Bu Koor"], p["Bu Sari"]
    await _disetujui_dan_diterima(bot, p)
    jam.sekarang = FEBRUARI

    await koor.kirim("/ringkasan")
    pesan = await koor.balasan_berisi("Ringkasan SPMI SMP Negeri 1 Sleman")
    teks = pesan.teks
    assert "Tahap 3 · Pelaksanaan pemenuhan mutu" in teks
    assert "Senin, 1 Februari 2027" in teks
    # Exceptions first, named; then response rates, the 8 standards and the plan.
    assert "• 1 kegiatan terlambat" in teks
    assert "Lokakarya modul ajar (Bu Sari, 12 hari)" in teks
    urutan = ["Perlu perhatian", "Respons kuesioner tahap 1", "Skor 8 standar", "Rencana:"]
    assert [teks.index(u) for u in urutan] == sorted(teks.index(u) for u in urutan)
    assert "Kepala Sekolah: 0 dari 1 selesai (0%)" in teks  # answered in part
    assert "Guru: 0 dari 2 selesai (0%)" in teks
    assert "Skor 8 standar (0-7) · sekolah 4,39 (Menuju SNP 3)" in teks
    assert "1. SKL: 3,27 · Menuju SNP 2" in teks
    assert "• 10 indikator merah" in teks
    assert "Rencana: 1 kegiatan · 0% selesai" in teks
    assert "Terlambat 1" in teks
    assert "Tanyakan kendala kegiatan yang terlambat, mulai dari Bu Sari" in teks
    grafik = await koor.balasan()
    assert grafik.foto is not None and grafik.foto.startswith(PNG)
    assert "Kegiatan per status" in grafik.teks

    await sari.kirim("/ringkasan")  # a guru
    tolak = await sari.balasan()
    assert "Kepala Sekolah" in tolak.teks and "Ringkasan SPMI" not in tolak.teks


async def test_pengawas_tiga_sekolah_dan_ingatkan_koordinator(
    bot: Any, jam: Any, orang: Callable[[str], Pengguna]
) -> None:
    from bot.app import KUNCI_PENGIRIM

    p = await _sekolah_di_tahap_2(bot, orang)  # SMP Negeri 1 Sleman, stage 3 after approval
    await _disetujui_dan_diterima(bot, p)
    pengawas, koor = p["Pak Pengawas"], p["Bu Koor"]
    wati = orang("Bu Wati")
    await daftarkan_sekolah(wati, "20512346", "SD Negeri 2 Depok")  # stays at stage 1
    await gabung(pengawas, await undang(wati, "Pengawas"))
    jam.sekarang = FEBRUARI
    joko = orang("Pak Joko")
    await daftarkan_sekolah(joko, "20512347", "SD Negeri 3 Mlati")  # opened now: in time
    await gabung(pengawas, await undang(joko, "Pengawas"))
    lain = orang("Bu Lain")  # a school this pengawas does not supervise
    await daftarkan_sekolah(lain, "20512348", "SD Negeri 4 Gamping")

    await pengawas.kirim("/ringkasan")
    digest = await pengawas.balasan_berisi("Ringkasan sekolah binaan")
    teks = digest.teks
    assert "3 sekolah · 2 perlu perhatian" in teks
    assert "SD Negeri 2 Depok: Tahap 1 lewat 28 hari dari perkiraan jadwal" in teks
    assert "SMP Negeri 1 Sleman: 1 kegiatan terlambat" in teks
    assert "Gamping" not in teks
    # The table: most urgent first (a late stage outweighs a late activity), the calm school last.
    tabel = teks.split("Semua sekolah")[1]
    assert tabel.index("1. SD Negeri 2 Depok · T1 · - · - ·") < tabel.index(
        "2. SMP Negeri 1 Sleman · T3 ·"
    )
    assert "3. SD Negeri 3 Mlati · T1 · - · - · 1 Feb" in tabel
    assert "0% · " in tabel.split("SMP Negeri 1 Sleman")[1]
    assert digest.tombol_datar[:2] == ["Buka SD Negeri 2 Depok", "Ingatkan koordinator"]

    # One school's summary from the digest.
    await pengawas.tekan("Buka SMP Negeri 1 Sleman", digest)
    sekolah = await pengawas.balasan_berisi("Ringkasan SPMI SMP Negeri 1 Sleman")
    assert "Lokakarya modul ajar (Bu Sari, 12 hari)" in sekolah.teks
    assert (await pengawas.balasan()).foto is not None

    # Nudge its koordinator: one message, however often the button is pressed that day.
    sapa = digest.data["Buka SMP Negeri 1 Sleman"].replace("rks:s:", "rks:n:")
    await pengawas.tekan_data(sapa, digest)
    terkirim = await pengawas.balasan_berisi("Pengingat untuk Bu Koor")
    assert "SMP Negeri 1 Sleman" in terkirim.teks
    await pengawas.tekan_data(sapa, digest)
    await pengawas.balasan_berisi("sudah diingatkan hari ini")
    # Sent through the outbox (the pacing per chat is tested in test_pengingat.py).
    _tanpa_jeda(bot)
    await bot.bot_data[KUNCI_PENGIRIM].putaran()
    pesan = await koor.balasan_berisi("Pesan dari pengawas")
    assert "Pak Pengawas menanyakan kemajuan SPMI di SMP Negeri 1 Sleman" in pesan.teks
    assert "1 kegiatan terlambat" in pesan.teks
    await bot.bot_data[KUNCI_PENGIRIM].putaran()
    assert not [p for p in await koor.semua_balasan() if "Pesan dari pengawas" in p.teks]

    await pengawas.semua_balasan()  # (a weekly digest, if the hourly planner ran already)

    # A school he does not supervise, by a crafted button: refused, nothing sent.
    async with bot.bot_data[KUNCI_LAYANAN].mesin.connect() as conn:
        from db.tabel import sekolah as t_sekolah

        gamping = (
            await conn.execute(select(t_sekolah.c.id).where(t_sekolah.c.npsn == "20512348"))
        ).scalar_one()
    for data in (f"rks:s:{gamping}", f"rks:n:{gamping}"):
        kueri = await pengawas.tekan_data(data, digest)
        jawab = await pengawas.jawaban_callback(kueri)
        assert "bukan milik sekolah Anda" in jawab.params["text"]
    await pengawas.tidak_ada_balasan()
    await bot.bot_data[KUNCI_PENGIRIM].putaran()
    await lain.tidak_ada_balasan()

    # The weekly digest on Monday morning, exceptions first, with the buttons.
    await _kirim_terjadwal(bot, jam, "ringkasan_pengawas")
    mingguan = await pengawas.balasan_berisi("Ringkasan sekolah binaan · mingguan")
    lokal = jam.sekarang.astimezone(ZONA)
    assert (lokal.weekday(), lokal.hour) == (0, 8)
    assert "Buka SD Negeri 2 Depok" in mingguan.tombol_datar
    assert "Buka SD Negeri 3 Mlati" not in mingguan.tombol_datar  # nothing to look at there


async def test_grup_terhubung_menerima_ringkasan_mingguan(
    bot: Any, bot_api: FakeBotApi, jam: Any, orang: Callable[[str], Pengguna]
) -> None:
    p = await _sekolah_di_tahap_2(bot, orang)
    await _disetujui_dan_diterima(bot, p)
    koor, sari, kepala = p["Bu Koor"], p["Bu Sari"], p["Pak Budi"]
    gid = -1_001_234_567_890
    bot_api.register_chat(gid, "Guru SMP N 1 Sleman")
    koor_g = Pengguna(bot_api, koor.id, koor.nama, chat_id=gid)
    sari_g = Pengguna(bot_api, sari.id, sari.nama, chat_id=gid)

    await sari_g.kirim("/hubungkan")  # a guru, even as admin, may not link
    bot_api.admins[gid].add(sari.id)
    assert "Kepala Sekolah" in (await sari_g.balasan()).teks
    await koor_g.kirim("/hubungkan")  # a koordinator who is not an admin of the group
    await koor_g.balasan_berisi("Hanya admin grup")
    async with bot.bot_data[KUNCI_LAYANAN].mesin.connect() as conn:
        assert (await conn.execute(select(grup_sekolah))).first() is None

    bot_api.admins[gid].add(koor.id)
    await koor_g.kirim("/hubungkan")
    terhubung = await koor_g.balasan_berisi("Grup ini sekarang terhubung dengan")
    assert "SMP Negeri 1 Sleman" in terhubung.teks

    # In the group the bot answers only commands meant for it, pointing to the private chat.
    await sari_g.kirim("/pemetaan")
    arah = await sari_g.balasan_berisi("chat pribadi")
    tombol = arah.raw["reply_markup"]["inline_keyboard"][0][0]
    assert tombol["url"] == f"https://t.me/{BOT_USER['username']}"
    await sari_g.kirim(f"/komitmen@{BOT_USER['username']}")
    await sari_g.balasan_berisi("chat pribadi")
    await sari_g.kirim("/start@bot_lain")
    await sari_g.kirim("/perintah_bot_lain")
    await sari_g.kirim("Selamat pagi, Bapak Ibu")
    await sari_g.tidak_ada_balasan()

    # In private: which group is linked.
    await koor.kirim("/hubungkan")
    status = await koor.balasan_berisi("Guru SMP N 1 Sleman")
    assert "Putuskan grup" in status.tombol_datar

    # The weekly summary goes to the group too, without suggestions or private pointers.
    jam.sekarang = FEBRUARI
    await _kirim_terjadwal(bot, jam, "ringkasan_grup")
    lokal = jam.sekarang.astimezone(ZONA)
    assert (lokal.weekday(), lokal.hour) == (4, 13)  # Friday 13:00 at the school
    di_grup = await koor_g.balasan_berisi("Ringkasan SPMI SMP Negeri 1 Sleman · mingguan")
    assert "Lokakarya modul ajar (Bu Sari" in di_grup.teks
    assert "Saran langkah berikut" not in di_grup.teks and "/ringkasan" not in di_grup.teks
    for manajer in (koor, kepala):
        pribadi = await manajer.balasan_berisi("Ringkasan SPMI SMP Negeri 1 Sleman · mingguan")
        assert "Saran langkah berikut" in pribadi.teks

    # The bot is removed from the group: its next summary cannot go; the link is dropped and
    # the managers are told once.
    from bot.app import KUNCI_PENGIRIM

    bot_api.block_chat(gid)
    await _kirim_terjadwal(bot, jam, "ringkasan_grup")
    async with bot.bot_data[KUNCI_LAYANAN].mesin.connect() as conn:
        assert (await conn.execute(select(grup_sekolah))).first() is None
    await bot.bot_data[KUNCI_PENGIRIM].putaran()
    for manajer in (koor, kepala):
        await manajer.balasan_berisi("tidak lagi menjadi anggota grup Guru SMP N 1 Sleman")
    async with bot.bot_data[KUNCI_LAYANAN].mesin.connect() as conn:
        sisa = await conn.execute(
            select(pengingat).where(
                pengingat.c.pengguna_id == gid, pengingat.c.status == "direncanakan"
            )
        )
        assert sisa.first() is None


async def test_grup_diputus_dan_bot_dikeluarkan(
    bot: Any, bot_api: FakeBotApi, orang: Callable[[str], Pengguna]
) -> None:
    menu_grup = [
        c.params
        for c in bot_api.calls_to("setMyCommands")
        if c.params.get("scope", {}).get("type") == "all_group_chats"
    ]
    assert [[k["command"] for k in m["commands"]] for m in menu_grup] == [["hubungkan"]]
    kepala = orang("Pak Budi")
    await daftarkan_sekolah(kepala)
    gid = -1_009_999
    bot_api.register_chat(gid, "Warga Sekolah")
    bot_api.admins[gid].add(kepala.id)
    kepala_g = Pengguna(bot_api, kepala.id, kepala.nama, chat_id=gid)
    await kepala_g.kirim("/hubungkan")
    await kepala_g.balasan_berisi("Grup ini sekarang terhubung")

    await kepala.kirim("/hubungkan")
    status = await kepala.balasan_berisi("Warga Sekolah")
    await kepala.tekan("Putuskan grup", status)
    await kepala.api.idle()
    assert "tidak lagi terhubung" in kepala.pesan(status.message_id).teks
    kueri = await kepala.tekan_data("grp:putus", status)  # a second press
    jawab = await kepala.jawaban_callback(kueri)
    assert "Belum ada grup yang terhubung" in jawab.params["text"]

    await kepala_g.kirim("/hubungkan")
    await kepala_g.balasan_berisi("Grup ini sekarang terhubung")
    bot_api.push_update(
        {
            "my_chat_member": {
                "chat": bot_api.chat(gid),
                "from": kepala.user,
                "date": int(time.time()),
                "old_chat_member": {"status": "member", "user": BOT_USER},
                "new_chat_member": {"status": "left", "user": BOT_USER},
            }
        }
    )
    await bot_api.idle()
    async with bot.bot_data[KUNCI_LAYANAN].mesin.connect() as conn:
        assert (await conn.execute(select(grup_sekolah))).first() is None


async def test_pengingat_berhari_terlambat_tidak_dikirim_salah(
    bot: Any, jam: Any, orang: Callable[[str], Pengguna]
) -> None:
    """After the bot was down for weeks, "three days left" is not sent once the due date has
    passed; the overdue reminder still comes."""
    from bot.app import KUNCI_PENGIRIM

    p = await _sekolah_di_tahap_2(bot, orang)
    await _disetujui_dan_diterima(bot, p)
    sari = p["Bu Sari"]
    jam.sekarang = FEBRUARI  # the activity was due 20 January
    _tanpa_jeda(bot)
    await bot.bot_data[KUNCI_PENGIRIM].putaran()
    pesan = [x.teks for x in await sari.semua_balasan()]
    assert not [t for t in pesan if "lagi tenggat" in t or "Besok tenggat" in t], pesan
    assert not [t for t in pesan if "Hari ini tenggat" in t], pesan
    assert [t for t in pesan if "sudah lewat tenggat" in t], pesan
    async with bot.bot_data[KUNCI_LAYANAN].mesin.connect() as conn:
        basi = await conn.execute(
            select(pengingat.c.kunci).where(pengingat.c.galat_terakhir == "kedaluwarsa")
        )
        assert len(basi.all()) == 3  # H-3, H-1 and the due day


async def test_grup_menjadi_supergrup_dan_baris_rusak_tidak_menahan_antrean(
    bot: Any, bot_api: FakeBotApi, jam: Any, orang: Callable[[str], Pengguna]
) -> None:
    """A group that became a supergroup: the summary follows it to the new chat id (from the
    send error and from the migration message); a row that cannot be built fails alone."""
    from bot.app import KUNCI_PENGIRIM
    from db import pengingat as db_pengingat

    p = await _sekolah_di_tahap_2(bot, orang)
    kepala = p["Pak Budi"]
    lama, baru, lagi = -4001, -1_000_000_004_001, -1_000_000_004_002
    bot_api.register_chat(lama, "Guru Sleman")
    bot_api.admins[lama].add(kepala.id)
    kepala_g = Pengguna(bot_api, kepala.id, kepala.nama, chat_id=lama)
    await kepala_g.kirim("/hubungkan")
    await kepala_g.balasan_berisi("Grup ini sekarang terhubung")

    lay = bot.bot_data[KUNCI_LAYANAN]
    async with lay.mesin.begin() as conn:  # a row whose template does not exist
        await db_pengingat.rencanakan(
            conn,
            kunci="uji:rusak",
            pengguna_id=kepala.id,
            jenis="uji",
            isi={"templat": "tidak/ada"},
            jatuh_tempo=jam(),
            waktu=jam(),
        )
    bot_api.register_chat(baru, "Guru Sleman")
    bot_api.fail_next(
        "sendMessage",
        error_code=400,
        description="Bad Request: group chat was upgraded to a supergroup chat",
        chat_id=lama,
        migrate_to_chat_id=baru,
    )
    await _kirim_terjadwal(bot, jam, "ringkasan_grup")
    async with lay.mesin.connect() as conn:
        (g,) = (await conn.execute(select(grup_sekolah))).all()
        rusak = (
            await conn.execute(select(pengingat.c.status).where(pengingat.c.kunci == "uji:rusak"))
        ).scalar_one()
    assert g.chat_id == baru and rusak == "gagal"
    await bot.bot_data[KUNCI_PENGIRIM].putaran()  # the summary again, to the new chat
    di_grup = Pengguna(bot_api, kepala.id, kepala.nama, chat_id=baru)
    await di_grup.balasan_berisi("Ringkasan SPMI SMP Negeri 1 Sleman · mingguan")

    # Telegram's migration message moves the link too.
    bot_api.register_chat(lagi, "Guru Sleman")
    bot_api.push_update(
        {
            "message": {
                "message_id": bot_api.next_message_id(baru),
                "date": int(time.time()),
                "chat": bot_api.chat(baru),
                "from": kepala.user,
                "migrate_to_chat_id": lagi,
            }
        }
    )
    await bot_api.idle()
    async with lay.mesin.connect() as conn:
        assert (await conn.execute(select(grup_sekolah.c.chat_id))).scalar_one() == lagi
        menunggu = await conn.execute(
            select(pengingat.c.pengguna_id).where(
                pengingat.c.jenis == "ringkasan_grup", pengingat.c.status == "direncanakan"
            )
        )
        assert set(menunggu.scalars()) == {lagi}


async def test_grup_tidak_membuka_blokir_dan_penolakan_tanpa_data_pribadi(
    bot: Any, bot_api: FakeBotApi, orang: Callable[[str], Pengguna]
) -> None:
    from db.tabel import pengguna as t_pengguna

    kepala, sari = orang("Pak Budi"), orang("Bu Sari")
    await daftarkan_sekolah(kepala)
    await gabung(sari, await undang(kepala, "Guru"))
    lay = bot.bot_data[KUNCI_LAYANAN]
    async with lay.mesin.begin() as conn:  # Bu Sari blocked the bot in private
        from db import pengguna as db_pengguna

        await db_pengguna.nonaktifkan(conn, sari.id)
    lay.lupakan_aktor(sari.id)
    gid = -5001
    bot_api.register_chat(gid, "Warga")
    sari_g = Pengguna(bot_api, sari.id, sari.nama, chat_id=gid)
    await sari_g.kirim("/hubungkan")
    tolak = await sari_g.balasan()
    assert "hanya untuk Kepala Sekolah dan Koordinator TPMPS sekolah" in tolak.teks
    assert "SMP Negeri 1 Sleman" not in tolak.teks and "Guru" not in tolak.teks
    async with lay.mesin.connect() as conn:
        aktif = (
            await conn.execute(select(t_pengguna.c.aktif).where(t_pengguna.c.id == sari.id))
        ).scalar_one()
    assert aktif is False  # a group command does not say the private chat is open again


async def test_ingatkan_koordinator_malam_hari_menunggu_jam_sekolah(
    bot: Any, jam: Any, orang: Callable[[str], Pengguna]
) -> None:
    p = await _sekolah_di_tahap_2(bot, orang)
    pengawas = p["Pak Pengawas"]
    jam.sekarang = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)  # 22:00 WIB, quiet hours
    await pengawas.kirim("/ringkasan")
    digest = await pengawas.balasan_berisi("Ringkasan sekolah binaan")
    await pengawas.tekan("Ingatkan koordinator", digest)
    pesan = await pengawas.balasan_berisi("Pengingat untuk Bu Koor")
    assert "akan dikirim Selasa, 24 November 2026 pukul 07.00 WIB" in pesan.teks
    async with bot.bot_data[KUNCI_LAYANAN].mesin.connect() as conn:
        saat = (
            await conn.execute(
                select(pengingat.c.jatuh_tempo).where(pengingat.c.jenis == "sapa_pengawas")
            )
        ).scalar_one()
    assert saat == datetime(2026, 11, 24, 0, 0, tzinfo=UTC)


async def test_nama_sekolah_dengan_tanda_html_di_keterangan_grafik(
    bot: Any, orang: Callable[[str], Pengguna]
) -> None:
    kepala = orang("Pak Budi")
    await daftarkan_sekolah(kepala, nama="SMP <Negeri> & 1")
    from tests.percakapan.test_rencana_komitmen import _isi_jawaban_kepala, _ke_tahap_2
    from tests.percakapan.test_rencana_komitmen import _tutup_tahap_1 as tutup

    await _ke_tahap_2(kepala)
    await _isi_jawaban_kepala(bot, kepala)
    await tutup(kepala)
    await kepala.semua_balasan()
    await kepala.kirim("/ringkasan")
    await kepala.balasan_berisi("Ringkasan SPMI SMP <Negeri> & 1")
    grafik = await kepala.balasan()
    assert grafik.foto is not None and "SMP <Negeri> & 1" in grafik.teks
