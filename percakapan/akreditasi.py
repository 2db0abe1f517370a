"""/akreditasi: SPME readiness. The kepala sekolah or koordinator chooses the instrument, sees
readiness per component, walks the butir (level, evidence, missing mark), keeps the pre-visit
document checklist, compares with the SPMI self-evaluation, practises the visit (interviews,
class observation), and gets the readiness report (PDF) and the evidence bundle (ZIP).

Teachers reach only the interview practice (`akw:` buttons, sent to them by the outbox)."""

from __future__ import annotations

import asyncio
from typing import Any

from telegram import Update
from telegram.constants import ChatAction
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler, MessageHandler, filters

from bot.akses import akses
from bot.dokumen import akreditasi as dok
from bot.layanan import Ditolak, draf
from bot.layanan import akreditasi as akr
from bot.layanan.aktor import Aktor
from bot.mutu.akreditasi_instrumen import KODE_IPR
from bot.render import angka
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
    unduh_berkas,
)

MENUNGGU = "menunggu"  # a file or typed text is expected
END = -1
DRAF = "akreditasi"
# What one bundle part may weigh: Telegram's upload limit for bots (tests lower it).
BATAS_BUNDEL = dok.BATAS_TELEGRAM


def _nama_kelompok(g: akr.Gambaran, r: Any) -> dict[str, str]:
    nama = {k.kode: k.nama for k in g.inst.komponen}
    nama[KODE_IPR] = r.label("akreditasi.nama_ipr")
    return nama


async def _panel(update: Update, context: Konteks, aktor: Aktor) -> None:
    lay = layanan(context)
    r = lay.render
    g = await akr.gambaran(lay, aktor)
    hitung = {s: 0 for s in akr.STATUS_DOKUMEN}
    for d in g.inst.dokumen:
        hitung[g.dokumen[d.kode].status if d.kode in g.dokumen else "belum"] += 1
    baris = [
        [(r.label("akreditasi.tombol.komponen", nama=k.nama), f"akr:k:{k.kode}")]
        for k in g.inst.komponen
    ]
    if g.kesiapan.ipr:
        baris.append([(r.label("akreditasi.tombol.ipr"), f"akr:k:{KODE_IPR}")])
    baris += [
        [(r.label("akreditasi.tombol.dokumen"), "akr:d")],
        [(r.label("akreditasi.tombol.kesenjangan"), "akr:g")],
        [(r.label("akreditasi.tombol.latihan"), "akr:v")],
        [
            (r.label("akreditasi.tombol.laporan"), "akr:r"),
            (r.label("akreditasi.tombol.bundel"), "akr:z"),
        ],
        [(r.label("akreditasi.tombol.ganti"), "akr:gi")],
    ]
    teks = r.pesan("akreditasi/panel", g=g, nama=_nama_kelompok(g, r), dokumen=hitung)
    await balas(update, context, teks, papan(baris))


async def _pilih_instrumen(update: Update, context: Konteks) -> None:
    r = layanan(context).render
    await balas(
        update,
        context,
        r.pesan("akreditasi/pilih_instrumen"),
        papan([[("IASP 2020", "akr:i:iasp2020")], [("IA2024", "akr:i:ia2024")]]),
    )


@akses("akreditasi")
async def tampil(update: Update, context: Konteks, aktor: Aktor) -> int | str:
    """/akreditasi: the readiness panel, or the choice of instrument first."""
    lay = layanan(context)
    await jawab_tombol(update)
    await draf.simpan(lay, aktor.pengguna_id, DRAF, None)
    try:
        if await akr.instrumen_sekolah(lay, aktor) is None:
            await _pilih_instrumen(update, context)
        else:
            await _panel(update, context, aktor)
    except Ditolak as tolak:
        await galat(update, context, tolak.alasan)
    return END


async def _daftar_butir(update: Update, context: Konteks, aktor: Aktor, komponen: str) -> None:
    lay = layanan(context)
    r = lay.render
    g = await akr.gambaran(lay, aktor)
    h = next((k for k in g.kesiapan.kelompok if k.kode == komponen), None)
    if h is None:
        raise Ditolak("tombol_usang")
    baris = []
    for b in g.inst.semua_butir(g.jenjang):
        if b.komponen != komponen:
            continue
        k = g.keadaan[b.kode]
        status = (
            r.label("akreditasi.status_butir.level", level=k.level)
            if k.level
            else r.label("akreditasi.status_butir.belum")
        )
        tanda = (" 📎" if k.didukung else "") + (" 🔖" if k.kurang else "")
        baris.append(
            [
                (
                    r.label("akreditasi.tombol.butir", kode=b.kode, status=status) + tanda,
                    f"akr:b:{b.kode}",
                )
            ]
        )
    baris.append([(r.label("akreditasi.tombol.panel"), "akr:p")])
    nama = _nama_kelompok(g, r)[komponen]
    await balas(update, context, r.pesan("akreditasi/komponen", nama=nama, h=h), papan(baris))


async def _butir(
    update: Update, context: Konteks, aktor: Aktor, kode: str, pesan_atas: str | None = None
) -> None:
    lay = layanan(context)
    r = lay.render
    g = await akr.gambaran(lay, aktor)
    b = g.butir(kode)
    if b is None:
        raise Ditolak("tombol_usang")
    k = g.keadaan[kode]
    tautan = [dok_bukti for i in g.tautan.get(kode, []) if (dok_bukti := akr.bukti_dok(lay, g, i))]
    urutan = [x.kode for x in g.inst.semua_butir(g.jenjang)]
    baris: list[list[tuple[str, str]]] = [
        [(str(n), f"akr:l:{kode}:{n}") for n in (1, 2, 3, 4)],
        [(r.label("akreditasi.tombol.tautkan"), f"akr:tb:{kode}")],
        [(r.label("akreditasi.tombol.kirim_bukti"), f"akr:u:{kode}")],
        [
            (
                r.label(
                    "akreditasi.tombol.hapus_kurang"
                    if k.kurang
                    else "akreditasi.tombol.tandai_kurang"
                ),
                f"akr:m:{kode}:{0 if k.kurang else 1}",
            )
        ],
    ]
    nomor = urutan.index(kode)
    if nomor + 1 < len(urutan):
        baris.append([(r.label("akreditasi.tombol.berikutnya"), f"akr:b:{urutan[nomor + 1]}")])
    baris.append([(r.label("akreditasi.tombol.kembali"), f"akr:k:{b.komponen}")])
    teks = r.pesan(
        "akreditasi/butir",
        pesan_atas=pesan_atas,
        b=b,
        g=g,
        k=k,
        dihitung=g.kesiapan.level[kode],
        nama_komponen=_nama_kelompok(g, r)[b.komponen],
        rubrik=g.inst.rubrik(b),
        tautan=tautan,
        maks_mb=angka(g.inst.format_maks_mb),
    )
    await balas(update, context, teks, papan(baris))


async def _tawaran(update: Update, context: Konteks, aktor: Aktor, kode: str) -> None:
    lay = layanan(context)
    r = lay.render
    g = await akr.gambaran(lay, aktor)
    b = g.butir(kode)
    if b is None:
        raise Ditolak("tombol_usang")
    tawaran = akr.tawaran_bukti(g, b)
    baris = [
        [
            (
                r.label(
                    "akreditasi.tombol.bukti",
                    cocok=r.label("akreditasi.cocok") if x.indikator in b.snp else "",
                    asal=akr.nama_bukti(lay, x),
                )[:60],
                f"akr:t:{kode}:{x.id}",
            )
        ]
        for x in tawaran
    ]
    baris.append([(r.label("akreditasi.tombol.kirim_bukti"), f"akr:u:{kode}")])
    await balas(update, context, r.pesan("akreditasi/tawaran", b=b, tawaran=tawaran), papan(baris))


async def _dokumen(update: Update, context: Konteks, aktor: Aktor) -> None:
    lay = layanan(context)
    r = lay.render
    g = await akr.gambaran(lay, aktor)
    daftar = []
    for d in g.inst.dokumen:
        baris = g.dokumen.get(d.kode)
        bukti_id = baris.bukti_id if baris else None
        daftar.append(
            {
                "nama": d.nama,
                "status": baris.status if baris else "belum",
                "berkas": akr.nama_bukti(lay, g.bukti[bukti_id]) if bukti_id in g.bukti else None,
                "tautan": baris.tautan if baris else None,
                "masalah": g.masalah_unggah(bukti_id) if bukti_id in g.bukti else [],
            }
        )
    tombol = [
        [
            (
                r.label(
                    "akreditasi.tombol.dokumen_baris",
                    tanda=r.label(f"akreditasi.tanda_dokumen.{x['status']}"),
                    nama=d.nama,
                )[:60],
                f"akr:dk:{d.kode}",
            )
        ]
        for d, x in zip(g.inst.dokumen, daftar, strict=True)
    ]
    tombol.append([(r.label("akreditasi.tombol.panel"), "akr:p")])
    teks = r.pesan("akreditasi/dokumen", daftar=daftar, maks_mb=g.inst.format_maks_mb)
    await balas(update, context, teks, papan(tombol))


async def _dokumen_satu(
    update: Update, context: Konteks, aktor: Aktor, kode: str, pesan_atas: str | None = None
) -> None:
    lay = layanan(context)
    r = lay.render
    g = await akr.gambaran(lay, aktor)
    d = next((x for x in g.inst.dokumen if x.kode == kode), None)
    if d is None:
        raise Ditolak("tombol_usang")
    baris = g.dokumen.get(kode)
    bukti_id = baris.bukti_id if baris else None
    ada = bukti_id in g.bukti
    kirim = (
        (r.label("akreditasi.tombol.kirim_tautan"), f"akr:dt:{kode}")
        if d.tautan
        else (r.label("akreditasi.tombol.kirim_berkas"), f"akr:du:{kode}")
    )
    tombol = [
        [kirim],
        [
            (r.label(f"akreditasi.tombol.status_{s}"), f"akr:ds:{kode}:{s}")
            for s in ("ada", "belum")
        ],
        [(r.label("akreditasi.tombol.status_tidak_sesuai"), f"akr:ds:{kode}:tidak_sesuai")],
        [(r.label("akreditasi.tombol.dokumen"), "akr:d")],
    ]
    teks = r.pesan(
        "akreditasi/dokumen_satu",
        pesan_atas=pesan_atas,
        d=d,
        status=baris.status if baris else "belum",
        berkas=akr.nama_bukti(lay, g.bukti[bukti_id]) if ada else None,
        ukuran=f"{angka(g.bukti[bukti_id].ukuran / 1024 / 1024, 2)} MB" if ada else "",
        masalah=g.masalah_unggah(bukti_id) if ada else [],
        maks_mb=g.inst.format_maks_mb,
        tautan=baris.tautan if baris else None,
    )
    await balas(update, context, teks, papan(tombol))


async def _kesenjangan(update: Update, context: Konteks, aktor: Aktor) -> None:
    lay = layanan(context)
    r = lay.render
    g = await akr.gambaran(lay, aktor)
    bagian = r.pesan_panjang(
        "akreditasi/kesenjangan",
        g=g,
        nama=_nama_kelompok(g, r),
        kalimat=akr.kalimat_kesenjangan(lay, g),
    )
    for teks in bagian[:-1]:
        await balas(update, context, teks)
    await balas(
        update, context, bagian[-1], papan([[(r.label("akreditasi.tombol.panel"), "akr:p")]])
    )


async def _latihan(update: Update, context: Konteks, aktor: Aktor) -> None:
    lay = layanan(context)
    r = lay.render
    g = await akr.gambaran(lay, aktor)
    teks = r.pesan(
        "akreditasi/latihan",
        terjawab=sum(len(v) for v in g.wawancara.values()),
        jumlah=len(g.inst.wawancara(g.jenjang)),
        observasi_diisi=len(g.observasi),
        observasi_jumlah=len(g.inst.observasi),
    )
    tombol = [
        [(r.label("akreditasi.tombol.mulai_wawancara"), "akw:m")],
        [(r.label("akreditasi.tombol.undang_guru"), "akr:vw")],
        [(r.label("akreditasi.tombol.observasi"), "akr:vo")],
        [(r.label("akreditasi.tombol.panel"), "akr:p")],
    ]
    await balas(update, context, teks, papan(tombol))


async def _observasi(update: Update, context: Konteks, aktor: Aktor, setelah: str | None) -> None:
    """The next checklist item: after `setelah` in order, or the first not yet filled."""
    lay = layanan(context)
    r = lay.render
    g = await akr.gambaran(lay, aktor)
    item = list(g.inst.observasi)
    if setelah is None:
        berikut = next((o for o in item if o.kode not in g.observasi), item[0] if item else None)
    else:
        kode = [o.kode for o in item]
        i = kode.index(setelah) + 1 if setelah in kode else len(item)
        berikut = item[i] if i < len(item) else None
    if berikut is None:
        ya = sum(1 for v in g.observasi.values() if v == "ya")
        await balas(
            update,
            context,
            r.pesan("akreditasi/observasi_selesai", ya=ya, jumlah=len(item)),
            papan([[(r.label("akreditasi.tombol.panel"), "akr:p")]]),
        )
        return
    tombol = papan(
        [
            [
                (r.label("akreditasi.tombol.terlihat"), f"akr:o:{berikut.kode}:y"),
                (r.label("akreditasi.tombol.tidak_terlihat"), f"akr:o:{berikut.kode}:t"),
            ]
        ]
    )
    teks = r.pesan(
        "akreditasi/observasi", o=berikut, nomor=item.index(berikut) + 1, jumlah=len(item)
    )
    await balas(update, context, teks, tombol)


async def _kirim_laporan(update: Update, context: Konteks, aktor: Aktor) -> None:
    lay = layanan(context)
    assert update.effective_chat is not None
    data = await akr.dokumen(lay, aktor)
    await context.bot.send_chat_action(update.effective_chat.id, ChatAction.UPLOAD_DOCUMENT)
    pdf = await asyncio.to_thread(dok.buat_pdf, data)
    await context.bot.send_document(update.effective_chat.id, pdf, filename=dok.nama_berkas(data))


async def _kirim_bundel(update: Update, context: Konteks, aktor: Aktor) -> None:
    lay = layanan(context)
    assert update.effective_chat is not None
    data = await akr.dokumen(lay, aktor)
    await context.bot.send_chat_action(update.effective_chat.id, ChatAction.UPLOAD_DOCUMENT)
    bagian, tertinggal = await asyncio.to_thread(dok.buat_bundel, data, BATAS_BUNDEL)
    for nama, isi in bagian:
        await context.bot.send_document(update.effective_chat.id, isi, filename=nama)
    jumlah = sum(len(b.bukti) for k in data.kelompok for b in k.butir) + sum(
        1 for d in data.dokumen if d.bukti
    )
    teks = lay.render.pesan(
        "akreditasi/bundel",
        bagian=len(bagian),
        berkas=jumlah - len(tertinggal),
        tertinggal=tertinggal,
        batas=f"{angka(BATAS_BUNDEL / 1024 / 1024)} MB",
    )
    await balas(update, context, teks)


async def _minta(
    update: Update, context: Konteks, aktor: Aktor, isi: dict[str, Any], templat: str
) -> int | str:
    lay = layanan(context)
    await draf.simpan(lay, aktor.pengguna_id, DRAF, isi)
    g = await akr.gambaran(lay, aktor)
    await balas(
        update,
        context,
        lay.render.pesan(templat, untuk=isi["untuk"], galat=None, maks_mb=g.inst.format_maks_mb),
    )
    return MENUNGGU


@akses("akreditasi")
async def tombol(update: Update, context: Konteks, aktor: Aktor) -> int | str:
    """Every `akr:` button of the managers."""
    lay = layanan(context)
    assert update.callback_query is not None and update.callback_query.data is not None
    _, aksi, *arg = update.callback_query.data.split(":")
    await jawab_tombol(update)
    r = lay.render
    try:
        if aksi == "i":
            await akr.pilih(lay, aktor, arg[0])
            await _panel(update, context, aktor)
        elif aksi == "gi":
            await _pilih_instrumen(update, context)
        elif aksi == "p":
            await _panel(update, context, aktor)
        elif aksi == "k":
            await _daftar_butir(update, context, aktor, arg[0])
        elif aksi == "b":
            await _butir(update, context, aktor, arg[0])
        elif aksi == "l":
            await akr.nilai_butir(lay, aktor, arg[0], int(arg[1]) if arg[1].isdigit() else 0)
            await _butir(update, context, aktor, arg[0], r.label("notifikasi.tersimpan"))
        elif aksi == "m":
            await akr.tandai_kurang(lay, aktor, arg[0], arg[1] == "1")
            await _butir(update, context, aktor, arg[0], r.label("notifikasi.tersimpan"))
        elif aksi == "tb":
            await _tawaran(update, context, aktor, arg[0])
        elif aksi == "t":
            await akr.tautkan(lay, aktor, arg[0], int(arg[1]) if arg[1].isdigit() else 0)
            await _butir(update, context, aktor, arg[0], r.label("notifikasi.tersimpan"))
        elif aksi == "u":
            b = (await akr.gambaran(lay, aktor)).butir(arg[0])
            if b is None:
                raise Ditolak("tombol_usang")
            untuk = f"butir {b.kode}"
            return await _minta(
                update,
                context,
                aktor,
                {"langkah": "berkas_butir", "kode": b.kode, "untuk": untuk},
                "akreditasi/minta_berkas",
            )
        elif aksi == "d":
            await _dokumen(update, context, aktor)
        elif aksi == "dk":
            await _dokumen_satu(update, context, aktor, arg[0])
        elif aksi == "ds":
            await akr.status_dokumen(lay, aktor, arg[0], arg[1])
            await _dokumen_satu(update, context, aktor, arg[0], r.label("notifikasi.tersimpan"))
        elif aksi in ("du", "dt"):
            g = await akr.gambaran(lay, aktor)
            d = next((x for x in g.inst.dokumen if x.kode == arg[0]), None)
            if d is None:
                raise Ditolak("tombol_usang")
            langkah, templat = (
                ("tautan_dokumen", "akreditasi/minta_tautan")
                if aksi == "dt"
                else ("berkas_dokumen", "akreditasi/minta_berkas")
            )
            return await _minta(
                update,
                context,
                aktor,
                {"langkah": langkah, "kode": d.kode, "untuk": d.nama},
                templat,
            )
        elif aksi == "g":
            await _kesenjangan(update, context, aktor)
        elif aksi == "v":
            await _latihan(update, context, aktor)
        elif aksi == "vw":
            jumlah = await akr.undang_wawancara(lay, aktor)
            await balas(update, context, r.label("akreditasi.undangan_terkirim", jumlah=jumlah))
        elif aksi == "vo":
            await _observasi(update, context, aktor, None)
        elif aksi == "o":
            await akr.observasi(lay, aktor, arg[0], arg[1] == "y")
            await _observasi(update, context, aktor, arg[0])
        elif aksi == "r":
            await _kirim_laporan(update, context, aktor)
        elif aksi == "z":
            await _kirim_bundel(update, context, aktor)
        else:
            await galat(update, context, "tombol_usang")
    except (Ditolak, IndexError) as tolak:
        await galat(update, context, tolak.alasan if isinstance(tolak, Ditolak) else "tombol_usang")
    return END


async def _wawancara(
    update: Update, context: Konteks, aktor: Aktor, pesan_atas: str | None
) -> int | str:
    lay = layanan(context)
    r = lay.render
    p, terjawab, jumlah = await akr.wawancara_berikutnya(lay, aktor)
    if p is None:
        await draf.simpan(lay, aktor.pengguna_id, DRAF, None)
        await balas(
            update,
            context,
            r.pesan("akreditasi/wawancara_selesai", pesan_atas=pesan_atas, jumlah=jumlah),
        )
        return END
    await draf.simpan(lay, aktor.pengguna_id, DRAF, {"langkah": "wawancara", "kode": p.kode})
    teks = r.pesan(
        "akreditasi/wawancara_tanya", pesan_atas=pesan_atas, p=p, nomor=terjawab + 1, jumlah=jumlah
    )
    await balas(update, context, teks)
    return MENUNGGU


@akses("akreditasi_wawancara")
async def tombol_wawancara(update: Update, context: Konteks, aktor: Aktor) -> int | str:
    """`akw:m`: the member's interview practice, question by question."""
    await jawab_tombol(update)
    try:
        return await _wawancara(update, context, aktor, None)
    except Ditolak as tolak:
        await galat(update, context, tolak.alasan)
        return END


@akses("akreditasi_wawancara")
async def teks(update: Update, context: Konteks, aktor: Aktor) -> int | str:
    """Typed input: an interview answer, or a document's link."""
    lay = layanan(context)
    r = lay.render
    assert update.message is not None and update.message.text is not None
    masukan = " ".join(update.message.text.split())
    isi = await draf.ambil(lay, aktor.pengguna_id, DRAF)
    try:
        if isi.get("langkah") == "wawancara":
            if not masukan:
                await galat(update, context, "teks_kosong")
                return MENUNGGU
            await akr.jawab_wawancara(lay, aktor, isi["kode"], masukan)
            return await _wawancara(update, context, aktor, r.label("notifikasi.tersimpan"))
        if isi.get("langkah") == "tautan_dokumen":
            try:
                await akr.tautan_dokumen(lay, aktor, isi["kode"], masukan)
            except Ditolak as tolak:
                pesan = r.pesan(
                    "akreditasi/minta_tautan",
                    untuk=isi["untuk"],
                    galat=r.label(f"galat.{tolak.alasan}"),
                )
                await balas(update, context, pesan)
                return MENUNGGU
            await draf.simpan(lay, aktor.pengguna_id, DRAF, None)
            await _dokumen_satu(
                update, context, aktor, isi["kode"], r.label("notifikasi.tersimpan")
            )
            return END
    except Ditolak as tolak:
        await galat(update, context, tolak.alasan)
        return END
    if isi.get("langkah") in ("berkas_butir", "berkas_dokumen"):
        g = await akr.gambaran(lay, aktor)
        pesan = r.pesan(
            "akreditasi/minta_berkas",
            untuk=isi["untuk"],
            galat=r.label("galat.perlu_bukti"),
            maks_mb=g.inst.format_maks_mb,
        )
        await balas(update, context, pesan)
        return MENUNGGU
    await galat(update, context, "pakai_tombol")
    return END


@akses("akreditasi_wawancara")
async def berkas(update: Update, context: Konteks, aktor: Aktor) -> int | str:
    """A photo or document for a butir or a checklist document."""
    lay = layanan(context)
    r = lay.render
    assert update.message is not None
    isi = await draf.ambil(lay, aktor.pengguna_id, DRAF)
    langkah = isi.get("langkah")
    if langkah not in ("berkas_butir", "berkas_dokumen"):
        await galat(update, context, "bukan_bukti")
        return MENUNGGU if langkah else END
    try:
        masuk = await unduh_berkas(update.message)
    except Ditolak as tolak:
        alasan = "akreditasi_jenis" if tolak.alasan == "bukti_jenis" else tolak.alasan
        g = await akr.gambaran(lay, aktor)
        pesan = r.pesan(
            "akreditasi/minta_berkas",
            untuk=isi["untuk"],
            galat=r.label(f"galat.{alasan}"),
            maks_mb=g.inst.format_maks_mb,
        )
        await balas(update, context, pesan)
        return MENUNGGU
    try:
        if langkah == "berkas_butir":
            await akr.unggah_butir(lay, aktor, isi["kode"], masuk)
            await draf.simpan(lay, aktor.pengguna_id, DRAF, None)
            await _butir(update, context, aktor, isi["kode"], r.label("akreditasi.bukti_tersimpan"))
        else:
            await akr.unggah_dokumen(lay, aktor, isi["kode"], masuk)
            await draf.simpan(lay, aktor.pengguna_id, DRAF, None)
            await _dokumen_satu(
                update, context, aktor, isi["kode"], r.label("akreditasi.berkas_tersimpan")
            )
    except Ditolak as tolak:
        await galat(update, context, tolak.alasan)
    return END


def penangan() -> list[BaseHandler[Any, Any, Any]]:
    """/akreditasi, its buttons, and the interview practice."""
    tombol_h = CallbackQueryHandler(tombol, pattern=r"^akr:")
    wawancara_h = CallbackQueryHandler(tombol_wawancara, pattern=r"^akw:")
    return [
        percakapan(
            entry_points=[
                CommandHandler("akreditasi", tampil, filters=PRIBADI),
                tombol_h,
                wawancara_h,
            ],
            states={
                MENUNGGU: [
                    tombol_h,
                    wawancara_h,
                    MessageHandler(PRIBADI & (filters.PHOTO | filters.Document.ALL), berkas),
                    MessageHandler(PRIBADI & filters.TEXT & ~filters.COMMAND, teks),
                ]
            },
            fallbacks=[
                batal.fallback(),
                penangan_sela("akreditasi_wawancara", "akreditasi", MENUNGGU),
            ],
            name="akreditasi",
            persistent=True,
            allow_reentry=True,
        )
    ]
