"""What the stage-1 panel shows: counts with the first names, the paged respondent list, and
the paged chooser of whose answer to send back; each within one Telegram message."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup

from bot.layanan import Layanan
from bot.layanan.pemetaan import Kemajuan
from percakapan import daftar
from percakapan._umum import papan

# Names shown per status on the panel and the close confirmation; the rest are counted, and
# the whole list is paged behind a button (150 names would pass Telegram's 4096 characters).
MAKS_NAMA = 8


def tampilan_panel(lay: Layanan, k: Kemajuan) -> tuple[str, InlineKeyboardMarkup]:
    """The stage-1 panel: counts per status with the first few names (the whole list is a
    button away, paged), and the actions."""
    r = lay.render
    teks = r.pesan("pemetaan/panel", k=k, maks=MAKS_NAMA)
    if not k.dibuka:
        return teks, papan([[(r.label("tombol.buka_pemetaan"), "pmk:buka")]])
    baris = [[(r.label("tombol.isi_kuesioner_saya"), "pm:mulai")]]
    belum = len(k.dengan_status("belum"))
    if belum:
        baris.append([(r.label("tombol.ingatkan_belum", jumlah=belum), "pmk:ingat")])
    if len(k.responden) > MAKS_NAMA:
        baris.append([(r.label("tombol.daftar_responden"), "pmk:d:0")])
    baris.append([(r.label("tombol.kembalikan_jawaban"), "pmk:kr")])
    baris.append([(r.label("tombol.tutup_tahap1"), "pmk:tutup")])
    return teks, papan(baris)


def tampilan_responden(lay: Layanan, k: Kemajuan, nomor: int) -> tuple[str, InlineKeyboardMarkup]:
    """Every respondent with their progress, a page at a time (those not finished first)."""
    urut = sorted(k.responden, key=lambda r: (r.status == "selesai", r.status == "berjalan"))
    h = daftar.potong(urut, nomor)
    baris = [
        daftar.navigasi(lay.render, h, "pmk:d:"),
        [(lay.render.label("tombol.kembali"), "pmk:panel")],
    ]
    teks = lay.render.pesan("pemetaan/responden", k=k, h=h)
    return teks, papan([b for b in baris if b])


def tampilan_pilih_responden(
    lay: Layanan, k: Kemajuan, nomor: int
) -> tuple[str, InlineKeyboardMarkup]:
    """Whose answer to send back: a button per respondent who answered, a page at a time."""
    h = daftar.potong([r for r in k.responden if r.terjawab], nomor)
    baris = [
        [
            (
                lay.render.label(
                    "tombol.responden_baris", nama=r.nama, terjawab=r.terjawab, total=r.total
                ),
                f"pmk:kr:{r.pengguna_id}",
            )
        ]
        for r in h.isi
    ]
    navigasi = daftar.navigasi(lay.render, h, "pmk:krh:")
    if navigasi:
        baris.append(navigasi)
    return lay.render.pesan("pemetaan/pilih_responden", h=h), papan(baris)
