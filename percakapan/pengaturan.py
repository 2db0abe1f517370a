"""/pengaturan: the school's reminder times and holidays (kepala_sekolah, koordinator) and
one's own leave (everyone). A change re-plans the reminders that are waiting."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler, MessageHandler, filters

from bot.akses import akses, tombol
from bot.layanan import Ditolak, Layanan, draf, pengaturan, pengingat_rencana
from bot.layanan.aktor import Aktor
from bot.layanan.komitmen import menunggu_pengingat
from bot.layanan.pengaturan import Pengaturan
from bot.layanan.waktu import hari_ini
from bot.mutu import bahasa, validasi
from bot.mutu.peran import PENGELOLA
from bot.tombol import Tombol
from percakapan import batal
from percakapan._umum import (
    PRIBADI,
    Konteks,
    TombolPapan,
    balas,
    galat,
    jawab_tombol,
    layanan,
    papan,
    penangan_sela,
    penangan_tombol,
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


@dataclass(frozen=True)
class Zona(Tombol, awalan="atr:z"):
    zona: str


@dataclass(frozen=True)
class Hari(Tombol, awalan="atr:h"):
    hari: int  # 5: Monday to Friday, 6: to Saturday


@dataclass(frozen=True)
class HapusLibur(Tombol, awalan="atr:x"):
    libur_id: int


@dataclass(frozen=True)
class AkhiriCuti(Tombol, awalan="atr:c:akhir"):
    pass


@dataclass(frozen=True)
class Tanya(Tombol, awalan="atr:j"):
    """Ask for a typed setting: jam_sekolah, jam_tenang, libur or cuti."""

    langkah: str


def _papan(lay: Layanan, p: Pengaturan, pengelola: bool) -> InlineKeyboardMarkup:
    t = lay.render.label
    baris: list[Sequence[TombolPapan]] = []
    if pengelola:
        baris.append(
            [
                (t("tombol.atur_zona", zona=t(f"zona.{z}")), Zona(z))
                for z in validasi.ZONA_WAKTU
                if z != p.aturan.zona
            ][:2]
        )
        baris.append(
            [
                (t("tombol.atur_zona", zona=t(f"zona.{z}")), Zona(z))
                for z in validasi.ZONA_WAKTU
                if z != p.aturan.zona
            ][2:]
        )
        baris.append([(t("tombol.senin_jumat"), Hari(5)), (t("tombol.senin_sabtu"), Hari(6))])
        baris.append(
            [
                (t("tombol.ubah_jam_sekolah"), Tanya("jam_sekolah")),
                (t("tombol.ubah_jam_tenang"), Tanya("jam_tenang")),
            ]
        )
        baris.append([(t("tombol.tambah_libur"), Tanya("libur"))])
        baris.extend(
            [
                [(t("tombol.hapus_libur", nomor=i), HapusLibur(lb.id))]
                for i, lb in enumerate(p.libur, 1)
                if i > len(p.libur) - MAKS_LIBUR
            ]
        )
    baris.append(
        [
            (
                t("tombol.akhiri_cuti") if p.cuti_sampai else t("tombol.atur_cuti"),
                AkhiriCuti() if p.cuti_sampai else Tanya("cuti"),
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
    for k in await menunggu_pengingat(lay, aktor):
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
    await _rencanakan_ulang(lay, aktor, hanya_saya)  # none before planning: nothing waits
    await balas(update, context, lay.render.pesan("pengaturan/tersimpan"))
    await _tampil(update, context, aktor)


@tombol(Zona, "pengaturan")
async def zona(update: Update, context: Konteks, aktor: Aktor, t: Zona) -> int:
    """The school's time zone (managers; the use-case refuses others)."""
    await jawab_tombol(update)
    await pengaturan.ubah_zona(layanan(context), aktor, t.zona)
    await _selesai(update, context, aktor, hanya_saya=False)
    return END


@tombol(Hari, "pengaturan")
async def hari(update: Update, context: Konteks, aktor: Aktor, t: Hari) -> int:
    """School days: Monday to Friday or to Saturday."""
    await jawab_tombol(update)
    semua = SENIN_SABTU if t.hari == 6 else SENIN_JUMAT
    await pengaturan.ubah_hari(layanan(context), aktor, semua)
    await _selesai(update, context, aktor, hanya_saya=False)
    return END


@tombol(HapusLibur, "pengaturan")
async def hapus_libur(update: Update, context: Konteks, aktor: Aktor, t: HapusLibur) -> int:
    """Remove a holiday."""
    await jawab_tombol(update)
    await pengaturan.hapus_libur(layanan(context), aktor, t.libur_id)
    await _selesai(update, context, aktor, hanya_saya=False)
    return END


@tombol(AkhiriCuti, "pengaturan")
async def akhiri_cuti(update: Update, context: Konteks, aktor: Aktor, t: Any) -> int:
    """End one's leave: one's own reminders are planned again."""
    await jawab_tombol(update)
    await pengaturan.atur_cuti(layanan(context), aktor, None)
    await _selesai(update, context, aktor, hanya_saya=True)
    return END


@tombol(Tanya, "pengaturan")
async def tanya(update: Update, context: Konteks, aktor: Aktor, t: Tanya) -> int | str:
    """Ask for hours, a holiday or a leave date to be typed (all but the leave: managers)."""
    lay = layanan(context)
    await jawab_tombol(update)
    if t.langkah != "cuti" and aktor.peran not in PENGELOLA:
        raise Ditolak("bukan_pengelola")
    await draf.simpan(lay, aktor.pengguna_id, DRAF, {"langkah": t.langkah})
    contoh = ", ".join(bahasa.contoh_tanggal()[:2])
    teks_tanya = lay.render.pesan("pengaturan/tanya", langkah=t.langkah, galat=None, contoh=contoh)
    await balas(update, context, teks_tanya)
    return MENGISI


@akses("pengaturan")
async def usang(update: Update, context: Konteks, aktor: Aktor) -> int:
    """An `atr:` button of no kind this version makes (an old message): stale."""
    raise Ditolak("tombol_usang")


_POLA_LIBUR = re.compile(r"^(.+?)\s*(?:-|–|sampai|s\.?d\.?)\s*(.+?)(?:,\s*(.+))?$")


async def _tanya_lagi(update: Update, context: Konteks, aktor: Aktor, tolak: Ditolak) -> str:
    """A typed setting refused: the question again, with the reason."""
    lay = layanan(context)
    langkah = (await draf.ambil(lay, aktor.pengguna_id, DRAF)).get("langkah")
    teks_galat = lay.render.label(f"galat.{tolak.alasan}", **tolak.rincian)
    contoh = ", ".join(bahasa.contoh_tanggal()[:2])
    pesan = lay.render.pesan("pengaturan/tanya", langkah=langkah, galat=teks_galat, contoh=contoh)
    await balas(update, context, pesan)
    return MENGISI


@akses("pengaturan", saat_ditolak=_tanya_lagi)
async def teks(update: Update, context: Konteks, aktor: Aktor) -> int | str:
    """Typed settings: hours, a holiday range, a leave date."""
    lay = layanan(context)
    assert update.message is not None and update.message.text is not None
    masukan = " ".join(update.message.text.split())
    langkah = (await draf.ambil(lay, aktor.pengguna_id, DRAF)).get("langkah")
    hari = await hari_ini(lay, aktor.sekolah_id or 0)
    if langkah in ("jam_sekolah", "jam_tenang"):
        await pengaturan.ubah_jam(lay, aktor, langkah == "jam_tenang", masukan)
    elif langkah == "libur":
        cocok = _POLA_LIBUR.match(masukan)
        mulai = bahasa.baca_tanggal(cocok.group(1), hari) if cocok else None
        selesai = bahasa.baca_tanggal(cocok.group(2), hari) if cocok else None
        if cocok is None or mulai is None or selesai is None:
            raise Ditolak("libur_salah")
        nama = cocok.group(3) or lay.render.label("pengaturan.libur_bawaan")
        await pengaturan.tambah_libur(lay, aktor, mulai, selesai, nama)
    elif langkah == "cuti":
        sampai = bahasa.baca_tanggal(masukan, hari)
        if sampai is None:
            raise Ditolak("tanggal_salah", contoh=", ".join(bahasa.contoh_tanggal()))
        await pengaturan.atur_cuti(lay, aktor, sampai)
    else:
        await galat(update, context, "pakai_tombol")
        return END
    await _selesai(update, context, aktor, hanya_saya=langkah == "cuti")
    return END


def penangan() -> list[BaseHandler[Any, Any, Any]]:
    """/pengaturan and its typed steps."""
    # One handler per kind of button; an `atr:` button of no kind (an old message) is stale.
    tombol_h = [penangan_tombol(f) for f in (zona, hari, hapus_libur, akhiri_cuti, tanya)]
    tombol_h.append(CallbackQueryHandler(usang, pattern=r"^atr:"))
    perintah = CommandHandler("pengaturan", pengaturan_cmd, filters=PRIBADI)
    return [
        percakapan(
            entry_points=[perintah, *tombol_h],
            states={
                MENGISI: [
                    *tombol_h,
                    MessageHandler(PRIBADI & filters.TEXT & ~filters.COMMAND, teks),
                ]
            },
            fallbacks=[batal.fallback(), penangan_sela("pengaturan", "pengaturan", MENGISI)],
            name="pengaturan",
            persistent=True,
            allow_reentry=True,
        )
    ]
