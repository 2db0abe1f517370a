"""/pengaturan: the school's reminder times and holidays (kepala_sekolah, koordinator) and
one's own leave (everyone). A change re-plans the reminders that are waiting."""

from __future__ import annotations

import re
from typing import Any

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler, MessageHandler, filters

from bot.akses import akses
from bot.layanan import Ditolak, Layanan, draf, pengaturan, pengingat_rencana
from bot.layanan.aktor import Aktor
from bot.layanan.komitmen import daftar
from bot.layanan.pengaturan import Pengaturan
from bot.layanan.waktu import hari_ini
from bot.mutu import bahasa, validasi
from bot.mutu.peran import PENGELOLA
from percakapan import batal
from percakapan._umum import (
    PRIBADI,
    Konteks,
    balas,
    galat,
    jawab_tombol,
    layanan,
    papan,
    penangan_sela,
    percakapan,
)

MENGISI = "mengisi"
END = -1
DRAF = "pengaturan"
SENIN_JUMAT = frozenset(range(5))
SENIN_SABTU = frozenset(range(6))


# Holidays listed with a delete button: the latest ones (past years' pile up), so the
# message and its keyboard stay within Telegram's limits.
MAKS_LIBUR = 20


def _papan(lay: Layanan, p: Pengaturan, pengelola: bool) -> InlineKeyboardMarkup:
    t = lay.render.label
    baris: list[list[tuple[str, str]]] = []
    if pengelola:
        baris.append(
            [
                (t("tombol.atur_zona", zona=t(f"zona.{z}")), f"atr:z:{z}")
                for z in validasi.ZONA_WAKTU
                if z != p.aturan.zona
            ][:2]
        )
        baris.append(
            [
                (t("tombol.atur_zona", zona=t(f"zona.{z}")), f"atr:z:{z}")
                for z in validasi.ZONA_WAKTU
                if z != p.aturan.zona
            ][2:]
        )
        baris.append([(t("tombol.senin_jumat"), "atr:h:5"), (t("tombol.senin_sabtu"), "atr:h:6")])
        baris.append(
            [
                (t("tombol.ubah_jam_sekolah"), "atr:j:jam_sekolah"),
                (t("tombol.ubah_jam_tenang"), "atr:j:jam_tenang"),
            ]
        )
        baris.append([(t("tombol.tambah_libur"), "atr:j:libur")])
        baris.extend(
            [
                [(t("tombol.hapus_libur", nomor=i), f"atr:x:{lb.id}")]
                for i, lb in enumerate(p.libur, 1)
                if i > len(p.libur) - MAKS_LIBUR
            ]
        )
    baris.append(
        [
            (
                t("tombol.akhiri_cuti") if p.cuti_sampai else t("tombol.atur_cuti"),
                "atr:c:akhir" if p.cuti_sampai else "atr:j:cuti",
            )
        ]
    )
    return papan([b for b in baris if b])


async def _tampil(update: Update, context: Konteks, aktor: Aktor) -> None:
    lay = layanan(context)
    p = await pengaturan.lihat(lay, aktor)
    pengelola = aktor.peran in PENGELOLA
    nama_hari = lay.render.daftar("hari_pendek")
    hari = ", ".join(nama_hari[h] for h in sorted(p.aturan.hari_sekolah))
    teks = lay.render.pesan(
        "pengaturan/lihat", p=p, pengelola=pengelola, hari=hari, maks=MAKS_LIBUR
    )
    await balas(update, context, teks, _papan(lay, p, pengelola))


async def _rencanakan_ulang(lay: Layanan, aktor: Aktor, hanya_saya: bool) -> None:
    for k in await daftar(lay, aktor, semua=True):
        if not hanya_saya or k.pengguna_id == aktor.pengguna_id:
            await pengingat_rencana.rencanakan(lay, aktor, k)


@akses("pengaturan")
async def pengaturan_cmd(update: Update, context: Konteks, aktor: Aktor) -> int | str:
    """Show the settings with their buttons."""
    await _tampil(update, context, aktor)
    return END


async def _selesai(update: Update, context: Konteks, aktor: Aktor, hanya_saya: bool) -> None:
    lay = layanan(context)
    await draf.simpan(lay, aktor.pengguna_id, DRAF, None)
    try:
        await _rencanakan_ulang(lay, aktor, hanya_saya)
    except Ditolak:
        pass  # no open cycle in planning yet: nothing waits to be moved
    await balas(update, context, lay.render.pesan("pengaturan/tersimpan"))
    await _tampil(update, context, aktor)


@akses("pengaturan")
async def tombol(update: Update, context: Konteks, aktor: Aktor) -> int | str:
    """A setting's button; the managers' ones are refused to others by the use-cases."""
    lay = layanan(context)
    assert update.callback_query is not None and update.callback_query.data is not None
    _, aksi, nilai = update.callback_query.data.split(":", 2)
    await jawab_tombol(update)
    try:
        if aksi == "z":
            await pengaturan.ubah_zona(lay, aktor, nilai)
        elif aksi == "h":
            await pengaturan.ubah_hari(lay, aktor, SENIN_SABTU if nilai == "6" else SENIN_JUMAT)
        elif aksi == "x":
            await pengaturan.hapus_libur(lay, aktor, int(nilai))
        elif aksi == "c":
            await pengaturan.atur_cuti(lay, aktor, None)
            await _selesai(update, context, aktor, hanya_saya=True)
            return END
        elif aksi == "j":
            if nilai != "cuti" and aktor.peran not in PENGELOLA:
                raise Ditolak("bukan_pengelola")
            await draf.simpan(lay, aktor.pengguna_id, DRAF, {"langkah": nilai})
            contoh = ", ".join(bahasa.contoh_tanggal()[:2])
            await balas(
                update,
                context,
                lay.render.pesan("pengaturan/tanya", langkah=nilai, galat=None, contoh=contoh),
            )
            return MENGISI
        else:
            raise Ditolak("tombol_usang")
    except Ditolak as tolak:
        await galat(update, context, tolak.alasan)
        return END
    await _selesai(update, context, aktor, hanya_saya=False)
    return END


_POLA_LIBUR = re.compile(r"^(.+?)\s*(?:-|–|sampai|s\.?d\.?)\s*(.+?)(?:,\s*(.+))?$")


@akses("pengaturan")
async def teks(update: Update, context: Konteks, aktor: Aktor) -> int | str:
    """Typed settings: hours, a holiday range, a leave date."""
    lay = layanan(context)
    assert update.message is not None and update.message.text is not None
    masukan = " ".join(update.message.text.split())
    langkah = (await draf.ambil(lay, aktor.pengguna_id, DRAF)).get("langkah")
    hari = await hari_ini(lay, aktor.sekolah_id or 0)
    try:
        if langkah in ("jam_sekolah", "jam_tenang"):
            await pengaturan.ubah_jam(lay, aktor, langkah == "jam_tenang", masukan)
        elif langkah == "libur":
            cocok = _POLA_LIBUR.match(masukan)
            mulai = bahasa.baca_tanggal(cocok.group(1), hari) if cocok else None
            selesai = bahasa.baca_tanggal(cocok.group(2), hari) if cocok else None
            if cocok is None or mulai is None or selesai is None:
                raise Ditolak("libur_salah")
            await pengaturan.tambah_libur(
                lay,
                aktor,
                mulai,
                selesai,
                cocok.group(3) or lay.render.label("pengaturan.libur_bawaan"),
            )
        elif langkah == "cuti":
            sampai = bahasa.baca_tanggal(masukan, hari)
            if sampai is None:
                raise Ditolak("tanggal_salah", contoh=", ".join(bahasa.contoh_tanggal()))
            await pengaturan.atur_cuti(lay, aktor, sampai)
        else:
            await galat(update, context, "pakai_tombol")
            return END
    except Ditolak as tolak:
        teks_galat = lay.render.label(f"galat.{tolak.alasan}", **tolak.rincian)
        contoh = ", ".join(bahasa.contoh_tanggal()[:2])
        await balas(
            update,
            context,
            lay.render.pesan("pengaturan/tanya", langkah=langkah, galat=teks_galat, contoh=contoh),
        )
        return MENGISI
    await _selesai(update, context, aktor, hanya_saya=langkah == "cuti")
    return END


def penangan() -> list[BaseHandler[Any, Any, Any]]:
    """/pengaturan and its typed steps."""
    tombol_h = CallbackQueryHandler(tombol, pattern=r"^atr:")
    return [
        percakapan(
            entry_points=[CommandHandler("pengaturan", pengaturan_cmd, filters=PRIBADI), tombol_h],
            states={
                MENGISI: [tombol_h, MessageHandler(PRIBADI & filters.TEXT & ~filters.COMMAND, teks)]
            },
            fallbacks=[batal.fallback(), penangan_sela("pengaturan", "pengaturan", MENGISI)],
            name="pengaturan",
            persistent=True,
            allow_reentry=True,
        )
    ]
