"""What /akreditasi shows for IA2024: the panel (readiness without a grade), a component's 14
butir with progress, a butir's indicators and its DKA narrative, one indicator with its four
rubric texts as buttons (N/A only where allowed; 3.10.3 asks the school's situation once), the
gaps, the "visit or automatic?" explainer and the old 10-butir draft (read-only)."""

from __future__ import annotations

import re
from typing import Any

from telegram import Update

from bot.layanan import Ditolak
from bot.layanan import akreditasi as akr
from bot.layanan import akreditasi_dokumen as dok_akr
from bot.layanan.aktor import Aktor
from bot.mutu.akreditasi_instrumen import Butir
from percakapan import akreditasi_tombol as tb
from percakapan._umum import Konteks, TombolPapan, balas, layanan, papan

TAUTAN_TAMPIL = 5
WAWANCARA_TAMPIL = 3


def rapikan(teks: str) -> str:
    """A rubric text of the source without its PDF line breaks (a list item keeps its line);
    the words are not changed."""
    baris = [b.strip() for b in teks.splitlines() if b.strip()]
    hasil: list[str] = []
    for b in baris:
        if hasil and not re.match(r"^(-|•|\d+[.)])\s", b):
            hasil[-1] += " " + b
        else:
            hasil.append(b)
    return "\n".join(hasil)


def _hitung_dokumen(g: akr.Gambaran) -> dict[str, int]:
    hitung = {s: 0 for s in akr.STATUS_DOKUMEN}
    for d in g.inst.dokumen:
        hitung[g.dokumen[d.kode].status if d.kode in g.dokumen else "belum"] += 1
    return hitung


async def panel(
    update: Update, context: Konteks, g: akr.Gambaran, pesan_atas: str | None = None
) -> None:
    """The IA2024 readiness panel: counts and levels per component, no grade."""
    r = layanan(context).render
    komponen = [(k, g.hitungan(g.indikator_komponen(k.kode))) for k in g.inst.komponen]
    baris: list[list[TombolPapan]] = [
        [
            (
                r.label(
                    "akreditasi.tombol.komponen_ia", kode=k.kode, dinilai=h.dinilai, jumlah=h.jumlah
                )
                + f" · {k.nama}"[:40],
                tb.Komponen(g.inst.kode, k.kode),
            )
        ]
        for k, h in komponen
    ]
    lanjut = g.berikutnya_belum()
    if lanjut is not None:
        baris.insert(0, [(r.label("akreditasi.tombol.lanjutkan", kode=lanjut), tb.Lanjutkan())])
    baris += [
        [(r.label("akreditasi.tombol.dokumen"), tb.Dokumen())],
        [
            (r.label("akreditasi.tombol.celah"), tb.Celah()),
            (r.label("akreditasi.tombol.penjelasan"), tb.Penjelasan()),
        ],
        [(r.label("akreditasi.tombol.latihan"), tb.Latihan())],
        [
            (r.label("akreditasi.tombol.laporan"), tb.Laporan()),
            (r.label("akreditasi.tombol.bundel"), tb.Bundel()),
        ],
    ]
    if g.draf_lama:
        baris.append([(r.label("akreditasi.tombol.draf_lama"), tb.DrafLama())])
    baris.append([(r.label("akreditasi.tombol.ganti"), tb.GantiInstrumen())])
    status = [d.status for d in g.dka.values()]
    teks = r.pesan(
        "akreditasi/panel_ia2024",
        pesan_atas=pesan_atas,
        g=g,
        komponen=komponen,
        dokumen=_hitung_dokumen(g),
        dka_disetujui=status.count("disetujui"),
        dka_draf=status.count("draf"),
    )
    await balas(update, context, teks, papan(baris))


def _tanda_dka(g: akr.Gambaran, nomor: str, r: Any) -> str:
    d = g.dka.get(nomor)
    return r.label(f"akreditasi.dka_tanda.{d.status}") if d is not None else ""


async def komponen(update: Update, context: Konteks, g: akr.Gambaran, kode: str) -> None:
    """A component's butir with their progress and DKA status."""
    r = layanan(context).render
    k = next((x for x in g.inst.komponen if x.kode == kode), None)
    if k is None:
        raise Ditolak("tombol_usang")
    baris: list[list[TombolPapan]] = []
    for kel in g.inst.kelompok:
        if kel.komponen != kode:
            continue
        h = g.hitungan(kel.indikator)
        baris.append(
            [
                (
                    r.label(
                        "akreditasi.tombol.kelompok",
                        nomor=kel.nomor,
                        dinilai=h.dinilai,
                        jumlah=h.jumlah,
                        dka=_tanda_dka(g, kel.nomor, r),
                    ),
                    tb.Kelompok(g.inst.kode, kel.nomor),
                )
            ]
        )
    baris.append([(r.label("akreditasi.tombol.panel"), tb.Panel())])
    h = g.hitungan(g.indikator_komponen(kode))
    await balas(update, context, r.pesan("akreditasi/komponen_ia2024", k=k, h=h), papan(baris))


def _status_indikator(g: akr.Gambaran, kode: str, r: Any) -> str:
    k = g.keadaan[kode]
    if k.na:
        return r.label("akreditasi.status_indikator.na")
    if k.level is None:
        return r.label("akreditasi.status_indikator.belum")
    return g.inst.tingkat[k.level - 1] + (" 📎" if k.didukung else "")


async def kelompok(
    update: Update, context: Konteks, g: akr.Gambaran, nomor: str, pesan_atas: str | None = None
) -> None:
    """A butir: its indicators with their levels, its DKA."""
    r = layanan(context).render
    kel = g.inst.kelompok_butir(nomor)
    if kel is None:
        raise Ditolak("tombol_usang")
    baris: list[list[TombolPapan]] = [
        [
            (
                r.label("akreditasi.tombol.indikator", kode=i, status=_status_indikator(g, i, r)),
                tb.Butir(g.inst.kode, i),
            )
        ]
        for i in kel.indikator
    ]
    baris.append([(r.label("akreditasi.tombol.dka"), tb.Dka(g.inst.kode, nomor))])
    baris.append(
        [(r.label("akreditasi.tombol.kembali_komponen"), tb.Komponen(g.inst.kode, kel.komponen))]
    )
    d = g.dka.get(nomor)
    teks = r.pesan(
        "akreditasi/kelompok",
        pesan_atas=pesan_atas,
        kel=kel,
        h=g.hitungan(kel.indikator),
        status_dka=d.status if d is not None else "belum",
    )
    await balas(update, context, teks, papan(baris))


async def indikator(
    update: Update,
    context: Konteks,
    g: akr.Gambaran,
    b: Butir,
    pesan_atas: str | None = None,
) -> None:
    """One indicator: its rubric's four texts as buttons (N/A where allowed). For 3.10.3 the
    school's situation is asked first, once."""
    lay = layanan(context)
    r = lay.render
    inst = g.inst
    if b.rubrik_konteks and g.konteks_gender is None:
        await tanya_konteks(update, context, g)
        return
    k = g.keadaan[b.kode]
    semua_tautan = g.tautan.get(b.kode, [])
    tautan_id = semua_tautan[::-1][:TAUTAN_TAMPIL]
    tautan = [dok_akr.bukti_dok(lay, g, i) for i in tautan_id]
    jawaban = [j for w in b.wawancara for j in g.wawancara.get(w.kode, [])]
    baris: list[list[TombolPapan]] = [
        [(inst.tingkat[n - 1], tb.Level(inst.kode, b.kode, n)) for n in (1, 2)],
        [(inst.tingkat[n - 1], tb.Level(inst.kode, b.kode, n)) for n in (3, 4)],
    ]
    if b.na_boleh:
        baris.append([(r.label("akreditasi.tombol.na"), tb.TidakBerlaku(inst.kode, b.kode))])
    if b.rubrik_konteks:
        baris.append(
            [(r.label("akreditasi.tombol.ubah_konteks"), tb.KonteksGender(inst.kode, "?"))]
        )
    baris += [
        [(r.label("akreditasi.tombol.tautkan"), tb.TawaranBukti(inst.kode, b.kode))],
        [(r.label("akreditasi.tombol.kirim_bukti"), tb.UnggahButir(inst.kode, b.kode))],
    ]
    for i, t in zip(tautan_id, tautan, strict=True):
        nama = r.label("akreditasi.tombol.lepas", nama=t.nama)[:60]
        baris.append([(nama, tb.Lepas(inst.kode, b.kode, i))])
    urutan = [x.kode for x in inst.inti]
    nomor = urutan.index(b.kode)
    if nomor + 1 < len(urutan):
        baris.append(
            [
                (
                    r.label("akreditasi.tombol.indikator_berikutnya"),
                    tb.Butir(inst.kode, urutan[nomor + 1]),
                )
            ]
        )
    baris.append(
        [
            (
                r.label("akreditasi.tombol.kembali_butir", nomor=b.kelompok),
                tb.Kelompok(inst.kode, b.kelompok or ""),
            )
        ]
    )
    bagian = r.pesan_panjang(
        "akreditasi/indikator",
        pesan_atas=pesan_atas,
        b=b,
        k=k,
        konteks=g.konteks_gender or "",
        rubrik=[rapikan(x) for x in b.rubrik_untuk(g.konteks_gender)],
        tingkat=inst.tingkat,
        rp=[(c, g.rp[c][0], g.rp[c][1]) for c in b.rp if c in g.rp],
        tautan=tautan,
        tautan_jumlah=len(semua_tautan),
        wawancara=jawaban[::-1][:WAWANCARA_TAMPIL],
    )
    for teks in bagian[:-1]:
        await balas(update, context, teks)
    await balas(update, context, bagian[-1], papan(baris))


async def dka(
    update: Update,
    context: Konteks,
    aktor: Aktor,
    g: akr.Gambaran,
    nomor: str,
    *,
    usulan: str | None = None,
    pesan_atas: str | None = None,
) -> None:
    """A butir's DKA narrative: the stored text (or the bot's proposal) and its buttons."""
    r = layanan(context).render
    kel = g.inst.kelompok_butir(nomor)
    if kel is None:
        raise Ditolak("tombol_usang")
    d = g.dka.get(nomor)
    inst = g.inst.kode
    baris: list[list[TombolPapan]] = [
        [(r.label("akreditasi.tombol.dka_draf"), tb.DkaDraf(inst, nomor))],
    ]
    if usulan is not None:
        baris.insert(0, [(r.label("akreditasi.tombol.dka_terima"), tb.DkaTerima(inst, nomor))])
    baris.append([(r.label("akreditasi.tombol.dka_ubah"), tb.DkaUbah(inst, nomor))])
    if d is not None and d.status == "draf" and usulan is None:
        baris.append([(r.label("akreditasi.tombol.dka_setujui"), tb.DkaSetujui(inst, nomor))])
    baris.append(
        [(r.label("akreditasi.tombol.kembali_butir", nomor=nomor), tb.Kelompok(inst, nomor))]
    )
    teks = r.pesan(
        "akreditasi/dka",
        pesan_atas=pesan_atas,
        kel=kel,
        teks=usulan if usulan is not None else (d.teks if d is not None else None),
        status=d.status if d is not None and usulan is None else "draf",
        usulan=usulan is not None,
    )
    await balas(update, context, teks, papan(baris))


async def tanya_konteks(update: Update, context: Konteks, g: akr.Gambaran) -> None:
    """The 3.10.3 question: mixed classes or single-sex."""
    r = layanan(context).render
    tombol: list[list[TombolPapan]] = [
        [(r.label(f"akreditasi.tombol.{x}"), tb.KonteksGender(g.inst.kode, x))]
        for x in akr.KONTEKS_GENDER
    ]
    await balas(update, context, r.pesan("akreditasi/konteks"), papan(tombol))


async def celah(update: Update, context: Konteks, g: akr.Gambaran) -> None:
    r = layanan(context).render
    lay = layanan(context)
    bagian = r.pesan_panjang(
        "akreditasi/celah",
        kalimat=dok_akr.kalimat_celah(lay, g),
        spmi=dok_akr.kalimat_kesenjangan(lay, g),
    )
    for teks in bagian[:-1]:
        await balas(update, context, teks)
    await balas(
        update, context, bagian[-1], papan([[(r.label("akreditasi.tombol.panel"), tb.Panel())]])
    )


async def penjelasan(update: Update, context: Konteks) -> None:
    r = layanan(context).render
    await balas(
        update,
        context,
        r.pesan("akreditasi/penjelasan"),
        papan([[(r.label("akreditasi.tombol.panel"), tb.Panel())]]),
    )


async def draf_lama(update: Update, context: Konteks, aktor: Aktor) -> None:
    lay = layanan(context)
    r = lay.render
    inst, baris, tautan = await akr.draf_lama(lay, aktor)
    per_butir = {b.butir: b for b in baris}
    daftar = [(b, per_butir.get(b.kode)) for b in inst.inti]
    await balas(
        update,
        context,
        r.pesan("akreditasi/draf_lama", inst=inst, daftar=daftar, tautan=tautan),
        papan([[(r.label("akreditasi.tombol.panel"), tb.Panel())]]),
    )
