"""What /akreditasi shows: the readiness panel, the butir and their evidence, the document
checklist, the SPMI-versus-SPME comparison, visit practice, and the documents sent in the
chat. Each view reads the school's picture afresh and sends one message (or document)."""

from __future__ import annotations

from typing import Any

from telegram import Update

from bot.layanan import Ditolak
from bot.layanan import akreditasi as akr
from bot.layanan import akreditasi_dokumen as dok_akr
from bot.layanan.aktor import Aktor
from bot.layanan.instrumen_berkas import akreditasi_bawaan as bawaan
from bot.mutu.akreditasi_instrumen import KODE_IPR
from bot.render import angka
from percakapan import akreditasi_ia2024 as ia
from percakapan import akreditasi_tombol as tb
from percakapan._umum import Konteks, TombolPapan, balas, layanan, papan
from percakapan.laporan import minta

# A butir message shows the newest interview answers and linked files only (a message holds
# 4096 characters); the report PDF keeps them all.
WAWANCARA_TAMPIL = 3
TAUTAN_TAMPIL = 5


def nama_kelompok(g: akr.Gambaran, r: Any) -> dict[str, str]:
    """Component names by code, with the IPR part's name."""
    nama = {k.kode: k.nama for k in g.inst.komponen}
    nama[KODE_IPR] = r.label("akreditasi.nama_ipr")
    return nama


async def panel(
    update: Update, context: Konteks, aktor: Aktor, pesan_atas: str | None = None
) -> None:
    """The readiness panel: the estimate per component beside the SPMI scores (IA2024:
    counts and levels, no grade)."""
    lay = layanan(context)
    r = lay.render
    g = await akr.gambaran(lay, aktor)
    if g.inst.per_indikator:
        await ia.panel(update, context, g, pesan_atas)
        return
    hitung = {s: 0 for s in akr.STATUS_DOKUMEN}
    for d in g.inst.dokumen:
        hitung[g.dokumen[d.kode].status if d.kode in g.dokumen else "belum"] += 1
    baris: list[list[TombolPapan]] = [
        [(r.label("akreditasi.tombol.komponen", nama=k.nama), tb.Komponen(g.inst.kode, k.kode))]
        for k in g.inst.komponen
    ]
    if g.kesiapan.ipr:
        baris.append([(r.label("akreditasi.tombol.ipr"), tb.Komponen(g.inst.kode, KODE_IPR))])
    baris += [
        [(r.label("akreditasi.tombol.dokumen"), tb.Dokumen())],
        [(r.label("akreditasi.tombol.kesenjangan"), tb.Kesenjangan())],
        [(r.label("akreditasi.tombol.latihan"), tb.Latihan())],
        [
            (r.label("akreditasi.tombol.laporan"), tb.Laporan()),
            (r.label("akreditasi.tombol.bundel"), tb.Bundel()),
        ],
        [(r.label("akreditasi.tombol.ganti"), tb.GantiInstrumen())],
    ]
    kurang = [b for b, k in g.keadaan.items() if k.kurang]
    teks = r.pesan("akreditasi/panel", g=g, nama=nama_kelompok(g, r), dokumen=hitung, kurang=kurang)
    await balas(update, context, teks, papan(baris))


async def pilih_instrumen(update: Update, context: Konteks) -> None:
    """The choice of instrument."""
    r = layanan(context).render
    await balas(
        update,
        context,
        r.pesan("akreditasi/pilih_instrumen"),
        papan(
            [
                [
                    (
                        bawaan(kode).nama + (" (sudah diganti)" if bawaan(kode).digantikan else ""),
                        tb.PilihInstrumen(kode),
                    )
                ]
                for kode in akr.INSTRUMEN
            ]
        ),
    )


async def daftar_butir(update: Update, context: Konteks, aktor: Aktor, komponen: str) -> None:
    """The butir of one component (or IPR) with their levels."""
    lay = layanan(context)
    r = lay.render
    g = await akr.gambaran(lay, aktor, spmi=False)
    if g.inst.per_indikator:
        await ia.komponen(update, context, g, komponen)
        return
    h = next((k for k in g.kesiapan.kelompok if k.kode == komponen), None)
    if h is None:
        raise Ditolak("tombol_usang")
    baris: list[list[TombolPapan]] = []
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
                    tb.Butir(g.inst.kode, b.kode),
                )
            ]
        )
    baris.append([(r.label("akreditasi.tombol.panel"), tb.Panel())])
    nama = nama_kelompok(g, r)[komponen]
    await balas(update, context, r.pesan("akreditasi/komponen", nama=nama, h=h), papan(baris))


async def butir(
    update: Update, context: Konteks, aktor: Aktor, kode: str, pesan_atas: str | None = None
) -> None:
    """One butir: text, methods, evidence, rubric, level; its buttons."""
    lay = layanan(context)
    r = lay.render
    g = await akr.gambaran(lay, aktor)
    b = g.butir(kode)
    if b is None:
        raise Ditolak("tombol_usang")
    if g.inst.per_indikator:
        await ia.indikator(update, context, g, b, pesan_atas)
        return
    k = g.keadaan[kode]
    semua_tautan = g.tautan.get(kode, [])
    tautan_id = semua_tautan[::-1][:TAUTAN_TAMPIL]  # the newest first
    tautan = [dok_akr.bukti_dok(lay, g, i) for i in tautan_id]
    jawaban = [j for w in b.wawancara for j in g.wawancara.get(w.kode, [])]
    urutan = [x.kode for x in g.inst.semua_butir(g.jenjang)]
    lepas: list[list[TombolPapan]] = [
        [(r.label("akreditasi.tombol.lepas", nama=t.nama)[:60], tb.Lepas(g.inst.kode, kode, i))]
        for i, t in zip(tautan_id, tautan, strict=True)
    ]
    baris: list[list[TombolPapan]] = [
        [(str(n), tb.Level(g.inst.kode, kode, n)) for n in (1, 2, 3, 4)],
        [(r.label("akreditasi.tombol.tautkan"), tb.TawaranBukti(g.inst.kode, kode))],
        [(r.label("akreditasi.tombol.kirim_bukti"), tb.UnggahButir(g.inst.kode, kode))],
        *lepas,
        [
            (
                r.label(
                    "akreditasi.tombol.hapus_kurang"
                    if k.kurang
                    else "akreditasi.tombol.tandai_kurang"
                ),
                tb.Kurang(g.inst.kode, kode, not k.kurang),
            )
        ],
    ]
    nomor = urutan.index(kode)
    if nomor + 1 < len(urutan):
        baris.append(
            [(r.label("akreditasi.tombol.berikutnya"), tb.Butir(g.inst.kode, urutan[nomor + 1]))]
        )
    baris.append([(r.label("akreditasi.tombol.kembali"), tb.Komponen(g.inst.kode, b.komponen))])
    teks = r.pesan(
        "akreditasi/butir",
        pesan_atas=pesan_atas,
        b=b,
        g=g,
        k=k,
        dihitung=g.kesiapan.level[kode],
        nama_komponen=nama_kelompok(g, r)[b.komponen],
        rubrik=g.inst.rubrik(b),
        tautan=tautan,
        tautan_jumlah=len(semua_tautan),
        wawancara=jawaban[::-1][:WAWANCARA_TAMPIL],  # answers come oldest first
        wawancara_jumlah=len(jawaban),
        maks_mb=angka(g.inst.format_maks_mb),
    )
    await balas(update, context, teks, papan(baris))


async def tawaran(update: Update, context: Konteks, aktor: Aktor, kode: str) -> None:
    """Evidence to link to a butir, crosswalked files first."""
    lay = layanan(context)
    r = lay.render
    g = await akr.gambaran(lay, aktor, spmi=False, semua_bukti=True)
    b = g.butir(kode)
    if b is None:
        raise Ditolak("tombol_usang")
    tawaran = akr.tawaran_bukti(g, b)
    baris: list[list[TombolPapan]] = [
        [
            (
                r.label(
                    "akreditasi.tombol.bukti",
                    cocok=r.label("akreditasi.cocok") if x.indikator in b.snp else "",
                    asal=dok_akr.nama_bukti(lay, x),
                )[:60],
                tb.Tautkan(g.inst.kode, kode, x.id),
            )
        ]
        for x in tawaran
    ]
    baris.append([(r.label("akreditasi.tombol.kirim_bukti"), tb.UnggahButir(g.inst.kode, kode))])
    await balas(update, context, r.pesan("akreditasi/tawaran", b=b, tawaran=tawaran), papan(baris))


async def dokumen(update: Update, context: Konteks, aktor: Aktor) -> None:
    """The pre-visit document checklist with each file's upload check."""
    lay = layanan(context)
    r = lay.render
    g = await akr.gambaran(lay, aktor, spmi=False)
    daftar = []
    for d in g.inst.dokumen:
        baris = g.dokumen.get(d.kode)
        bukti_id = baris.bukti_id if baris else None
        bukti = g.bukti.get(bukti_id) if bukti_id is not None else None
        daftar.append(
            {
                "nama": d.nama,
                "status": baris.status if baris else "belum",
                "berkas": dok_akr.nama_bukti(lay, bukti) if bukti else None,
                "tautan": baris.tautan if baris else None,
                "masalah": g.masalah_unggah(bukti.id) if bukti else [],
            }
        )
    tombol: list[list[TombolPapan]] = [
        [
            (
                r.label(
                    "akreditasi.tombol.dokumen_baris",
                    tanda=r.label(f"akreditasi.tanda_dokumen.{x['status']}"),
                    nama=d.nama,
                )[:60],
                tb.DokumenSatu(g.inst.kode, d.kode),
            )
        ]
        for d, x in zip(g.inst.dokumen, daftar, strict=True)
    ]
    tombol.append([(r.label("akreditasi.tombol.panel"), tb.Panel())])
    bagian = r.pesan_panjang("akreditasi/dokumen", daftar=daftar, maks_mb=g.inst.format_maks_mb)
    for teks in bagian[:-1]:
        await balas(update, context, teks)
    await balas(update, context, bagian[-1], papan(tombol))


async def dokumen_satu(
    update: Update, context: Konteks, aktor: Aktor, kode: str, pesan_atas: str | None = None
) -> None:
    """One checklist document and its buttons."""
    lay = layanan(context)
    r = lay.render
    g = await akr.gambaran(lay, aktor, spmi=False)
    d = next((x for x in g.inst.dokumen if x.kode == kode), None)
    if d is None:
        raise Ditolak("tombol_usang")
    baris = g.dokumen.get(kode)
    bukti_id = baris.bukti_id if baris else None
    bukti = g.bukti.get(bukti_id) if bukti_id is not None else None
    kirim = (
        (r.label("akreditasi.tombol.kirim_tautan"), tb.TautanDokumen(g.inst.kode, kode))
        if d.tautan
        else (r.label("akreditasi.tombol.kirim_berkas"), tb.UnggahDokumen(g.inst.kode, kode))
    )
    tombol: list[list[TombolPapan]] = [
        [kirim],
        [
            (r.label(f"akreditasi.tombol.status_{s}"), tb.StatusDokumen(g.inst.kode, kode, s))
            for s in ("ada", "belum")
        ],
        [
            (
                r.label("akreditasi.tombol.status_tidak_sesuai"),
                tb.StatusDokumen(g.inst.kode, kode, "tidak_sesuai"),
            )
        ],
        [(r.label("akreditasi.tombol.dokumen"), tb.Dokumen())],
    ]
    teks = r.pesan(
        "akreditasi/dokumen_satu",
        pesan_atas=pesan_atas,
        d=d,
        status=baris.status if baris else "belum",
        berkas=dok_akr.nama_bukti(lay, bukti) if bukti else None,
        ukuran=f"{angka(bukti.ukuran / 1024 / 1024, 2)} MB" if bukti else "",
        masalah=g.masalah_unggah(bukti.id) if bukti else [],
        maks_mb=g.inst.format_maks_mb,
        tautan=baris.tautan if baris else None,
    )
    await balas(update, context, teks, papan(tombol))


async def kesenjangan(update: Update, context: Konteks, aktor: Aktor) -> None:
    """SPMI beside SPME per component, and the gaps to close."""
    lay = layanan(context)
    r = lay.render
    g = await akr.gambaran(lay, aktor)
    bagian = r.pesan_panjang(
        "akreditasi/kesenjangan",
        g=g,
        nama=nama_kelompok(g, r),
        kalimat=dok_akr.kalimat_kesenjangan(lay, g),
    )
    for teks in bagian[:-1]:
        await balas(update, context, teks)
    await balas(
        update, context, bagian[-1], papan([[(r.label("akreditasi.tombol.panel"), tb.Panel())]])
    )


async def latihan(update: Update, context: Konteks, aktor: Aktor) -> None:
    """Visit practice: interviews and class observation."""
    lay = layanan(context)
    r = lay.render
    g = await akr.gambaran(lay, aktor, spmi=False)
    teks = r.pesan(
        "akreditasi/latihan",
        terjawab=sum(len(v) for v in g.wawancara.values()),
        jumlah=len(g.inst.wawancara(g.jenjang)),
        observasi_diisi=len(g.observasi),
        observasi_jumlah=len(g.inst.observasi),
    )
    tombol: list[list[TombolPapan]] = [
        [(r.label("akreditasi.tombol.mulai_wawancara"), tb.Wawancara())],
        [(r.label("akreditasi.tombol.undang_guru"), tb.UndangWawancara())],
        [(r.label("akreditasi.tombol.observasi"), tb.MulaiObservasi())],
        [(r.label("akreditasi.tombol.panel"), tb.Panel())],
    ]
    await balas(update, context, teks, papan(tombol))


async def observasi(update: Update, context: Konteks, aktor: Aktor, setelah: str | None) -> None:
    """The next checklist item: after `setelah` in order, or the first not yet filled."""
    lay = layanan(context)
    r = lay.render
    g = await akr.gambaran(lay, aktor, spmi=False)
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
            papan([[(r.label("akreditasi.tombol.panel"), tb.Panel())]]),
        )
        return
    tombol = papan(
        [
            [
                (
                    r.label("akreditasi.tombol.terlihat"),
                    tb.Observasi(g.inst.kode, berikut.kode, "y"),
                ),
                (
                    r.label("akreditasi.tombol.tidak_terlihat"),
                    tb.Observasi(g.inst.kode, berikut.kode, "t"),
                ),
            ]
        ]
    )
    teks = r.pesan(
        "akreditasi/observasi", o=berikut, nomor=item.index(berikut) + 1, jumlah=len(item)
    )
    await balas(update, context, teks, tombol)


async def kirim_laporan(update: Update, context: Konteks, aktor: Aktor) -> None:
    """The readiness report as PDF, through /laporan's path (a worker builds it when one
    runs, else this process in the background; once at a time)."""
    await minta(update, context, aktor, "akreditasi_laporan")


async def kirim_bundel(update: Update, context: Konteks, aktor: Aktor) -> None:
    """The evidence bundle as ZIP parts, then what was left out, through /laporan's path."""
    await minta(update, context, aktor, "akreditasi_bundel")
