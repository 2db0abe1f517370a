"""What the stage-1 panel shows: counts with the first names, the paged respondent list, and
the paged chooser of whose answer to send back; each within one Telegram message."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup

from bot.layanan import Layanan
from bot.layanan.pemetaan import Kemajuan
from percakapan import daftar
from percakapan import pemetaan_tombol as tb
from percakapan._umum import TombolPapan, papan

# Names shown per status on the panel and the close confirmation; the rest are counted, and
# the whole list is paged behind a button (150 names would pass Telegram's 4096 characters).
MAKS_NAMA = 8


def tampilan_panel(lay: Layanan, k: Kemajuan) -> tuple[str, InlineKeyboardMarkup]:
    """The stage-1 panel: counts per status with the first few names (the whole list is a
    button away, paged), and the actions."""
    r = lay.render
    teks = r.pesan("pemetaan/panel", k=k, maks=MAKS_NAMA)
    baris: list[list[TombolPapan]] = []
    if not k.dibuka:
        if k.rapor_edisi is not None:
            baris.append([(r.label("tombol.tutup_dengan_rapor"), tb.KonfirmasiTutup())])
        baris.append([(r.label("tombol.buka_pemetaan"), tb.Buka())])
        return teks, papan(baris)
    baris.append([(r.label("tombol.isi_kuesioner_saya"), tb.Mulai())])
    belum = len(k.dengan_status("belum"))
    if belum:
        baris.append([(r.label("tombol.ingatkan_belum", jumlah=belum), tb.Ingatkan())])
    if len(k.responden) > MAKS_NAMA:
        baris.append([(r.label("tombol.daftar_responden"), tb.DaftarResponden(0))])
    baris.append([(r.label("tombol.kembalikan_jawaban"), tb.PilihResponden())])
    baris.append([(r.label("tombol.tutup_tahap1"), tb.KonfirmasiTutup())])
    return teks, papan(baris)


def tampilan_responden(lay: Layanan, k: Kemajuan, nomor: int) -> tuple[str, InlineKeyboardMarkup]:
    """Every respondent with their progress, a page at a time (those not finished first)."""
    urut = sorted(k.responden, key=lambda r: (r.status == "selesai", r.status == "berjalan"))
    h = daftar.potong(urut, nomor)
    baris: list[list[TombolPapan]] = [
        [*daftar.navigasi(lay.render, h, tb.DaftarResponden.awalan + ":")],
        [(lay.render.label("tombol.kembali"), tb.Panel())],
    ]
    teks = lay.render.pesan("pemetaan/responden", k=k, h=h)
    return teks, papan([b for b in baris if b])


def tampilan_pilih_responden(
    lay: Layanan, k: Kemajuan, nomor: int
) -> tuple[str, InlineKeyboardMarkup]:
    """Whose answer to send back: a button per respondent who answered, a page at a time."""
    h = daftar.potong([r for r in k.responden if r.terjawab], nomor)
    baris: list[list[TombolPapan]] = [
        [
            (
                lay.render.label(
                    "tombol.responden_baris", nama=r.nama, terjawab=r.terjawab, total=r.total
                ),
                tb.JawabanResponden(r.pengguna_id),
            )
        ]
        for r in h.isi
    ]
    navigasi = daftar.navigasi(lay.render, h, tb.PilihResponden.awalan + ":")
    if navigasi:
        baris.append([*navigasi])
    return lay.render.pesan("pemetaan/pilih_responden", h=h), papan(baris)
