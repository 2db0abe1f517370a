"""SPME readiness documents as data: the readiness report and the evidence bundle built from
the school's picture (`bot.layanan.akreditasi.gambaran`), in the words of templat/."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

from bot.dokumen import akreditasi as dok
from bot.dokumen.pdf import label as label_dokumen
from bot.dokumen.pdf import nama_ascii
from bot.layanan import Layanan
from bot.layanan.akreditasi import BuktiSekolah, Gambaran, gambaran
from bot.layanan.aktor import Aktor
from bot.mutu import akreditasi as aturan
from bot.mutu.akreditasi_instrumen import KODE_IPR, InstrumenAkreditasi
from bot.render import angka

# What one bundle part may weigh: Telegram's upload limit for bots (tests lower it).
BATAS_BUNDEL = dok.BATAS_TELEGRAM


def nama_bukti(lay: Layanan, b: BuktiSekolah) -> str:
    """How an evidence file is named to the user: where it came from, and its file."""
    asal = "indikator" if b.asal == "akreditasi" and b.rujukan.count(".") == 2 else b.asal
    return lay.render.label(
        f"akreditasi.asal.{asal}",
        rujukan=b.rujukan,
        nama=b.nama_file or lay.render.label("akreditasi.berkas_tanpa_nama", id=b.id),
    )


def bukti_dok(lay: Layanan, g: Gambaran, bukti_id: int) -> dok.BuktiDok:
    """An evidence file as the documents show it, with its upload problems."""
    b = g.bukti[bukti_id]
    akhiran = Path(b.path).suffix
    nama = nama_ascii(Path(b.nama_file).stem) if b.nama_file else ""
    return dok.BuktiDok(
        nama=nama_bukti(lay, b),
        nama_file=f"{nama or label_dokumen('akreditasi.nama_bukti')}-{b.id}{akhiran}",
        ukuran=b.ukuran,
        path=b.path,
        masalah=tuple(g.masalah_unggah(bukti_id)),
    )


def kalimat_kesenjangan(lay: Layanan, g: Gambaran) -> list[str]:
    """The SPMI-versus-SPME gaps, one sentence per indicator and kind: an indicator rated high
    names all its butir without support at once; a low one names each strong butir's level."""
    kelompok: dict[tuple[str, str], list[aturan.Kesenjangan]] = {}
    for k in g.kesenjangan:
        kelompok.setdefault((k.jenis, k.indikator), []).append(k)
    r = lay.render
    hasil = []
    for (jenis, indikator), daftar in kelompok.items():
        butir = ", ".join(
            k.butir
            if jenis == "tinggi_tanpa_bukti"
            else r.label("akreditasi.butir_level", butir=k.butir, level=k.level)
            for k in daftar
        )
        bagian = "kesenjangan_ia" if g.inst.per_indikator else "kesenjangan"
        hasil.append(
            r.label(
                f"akreditasi.{bagian}.{jenis}",
                indikator=indikator,
                skor=angka(daftar[0].skor, 2),
                butir=butir,
            )
        )
    return hasil


def kalimat_celah(lay: Layanan, g: Gambaran) -> list[str]:
    """The IA2024 readiness gaps, one sentence each."""
    r = lay.render
    return [
        r.label(
            f"akreditasi.celah.{c.jenis}",
            indikator=c.indikator,
            level=g.inst.tingkat[c.level - 1],
            rp=c.rp or "",
            nama=g.rp[c.rp][0] if c.rp and c.rp in g.rp else "",
            label=r.label(f"akreditasi.label_rp.{c.label}") if c.label else "",
        )
        for c in g.celah
    ]


def catatan_belum_terkonfirmasi(lay: Layanan, inst: InstrumenAkreditasi) -> list[str]:
    """What in the instrument is not confirmed by the sources, one line each."""
    if inst.per_indikator:
        r = lay.render
        dipulihkan = ", ".join(b.kode for b in inst.inti if b.teks_dipulihkan)
        return [
            r.label(
                "akreditasi.ia_belum.indikator", jumlah=sum(not b.confirmed for b in inst.inti)
            ),
            r.label("akreditasi.ia_belum.agregasi"),
            r.label("akreditasi.ia_belum.dipulihkan", kode=dipulihkan),
            r.label("akreditasi.ia_belum.kriteria"),
            r.label("akreditasi.ia_belum.silang"),
            r.label("akreditasi.ia_belum.latihan"),
            r.label("akreditasi.ia_belum.smk"),
        ]
    hasil = [
        lay.render.label(
            "akreditasi.belum_terkonfirmasi",
            apa=lay.render.label(f"akreditasi.angka.{kunci}"),
            sumber=a.catatan or a.source,
        )
        for kunci, a in inst.belum_terkonfirmasi()
    ]
    jumlah = sum(not b.confirmed for b in inst.inti)
    if jumlah:
        hasil.append(lay.render.label("akreditasi.butir_bukan_resmi", jumlah=jumlah))
    return hasil


async def dokumen(lay: Layanan, aktor: Aktor) -> dok.DokumenAkreditasi:
    """The readiness report and bundle as document data."""
    g = await gambaran(lay, aktor)
    s = g.sekolah
    kelompok = []
    for h in g.kesiapan.kelompok:
        butir = [b for b in g.inst.semua_butir(g.jenjang) if b.komponen == h.kode]
        kelompok.append(
            dok.KelompokDok(
                h.kode,
                h.nama if h.kode != KODE_IPR else lay.render.label("akreditasi.nama_ipr"),
                h.bobot,
                h.skor,
                # IA2024: N/A indicators do not count
                g.hitungan([b.kode for b in butir]).dinilai if g.inst.per_indikator else h.dinilai,
                g.hitungan([b.kode for b in butir]).jumlah if g.inst.per_indikator else h.jumlah,
                tuple(
                    dok.ButirDok(
                        b.kode,
                        b.teks,
                        b.confirmed,
                        g.keadaan[b.kode].level,
                        g.kesiapan.level[b.kode],
                        g.keadaan[b.kode].kurang,
                        tuple(bukti_dok(lay, g, i) for i in g.tautan.get(b.kode, [])),
                        sum(len(g.wawancara.get(w.kode, [])) for w in b.wawancara),
                        b.kelompok,
                        g.keadaan[b.kode].na,
                        g.inst.tingkat[g.keadaan[b.kode].level - 1]  # type: ignore[operator]
                        if g.inst.tingkat and g.keadaan[b.kode].level
                        else None,
                    )
                    for b in butir
                ),
                g.spmi(h.kode),
            )
        )
    dokumen_wajib = []
    for d in g.inst.dokumen:
        baris = g.dokumen.get(d.kode)
        bukti_id = baris.bukti_id if baris else None
        dokumen_wajib.append(
            dok.DokumenWajibDok(
                d.kode,
                d.nama,
                baris.status if baris else "belum",
                bukti_dok(lay, g, bukti_id) if bukti_id in g.bukti else None,
                baris.tautan if baris else None,
            )
        )
    lokal = lay.sekarang().astimezone(ZoneInfo(s.zona_waktu))
    peringkat = g.kesiapan.peringkat
    butir_ia = []
    for kel in g.inst.kelompok:
        hk = g.hitungan(kel.indikator)
        teks_dka = g.dka.get(kel.nomor)
        butir_ia.append(
            dok.ButirIaDok(
                kel.nomor,
                kel.komponen,
                kel.teks,
                teks_dka.teks if teks_dka is not None else None,
                teks_dka.status if teks_dka is not None else None,
                hk.dinilai,
                hk.jumlah,
                hk.na,
            )
        )
    # IA2024: the gaps, then the disagreements with the school's own evaluation (stage 1).
    celah = [*kalimat_celah(lay, g), *kalimat_kesenjangan(lay, g)] if g.inst.per_indikator else []
    return dok.DokumenAkreditasi(
        sekolah_nama=s.nama,
        npsn=s.npsn,
        kabupaten=s.kabupaten,
        provinsi=s.provinsi,
        jenjang=s.jenjang,
        instrumen=g.inst.nama,
        instrumen_lengkap=g.inst.nama_lengkap,
        kelompok=tuple(kelompok),
        nilai_akhir=g.kesiapan.nilai_akhir,
        peringkat=peringkat.nama if peringkat else None,
        peringkat_terkonfirmasi=g.inst.angka["peringkat"].confirmed
        if "peringkat" in g.inst.angka
        else False,
        kesenjangan=tuple(kalimat_kesenjangan(lay, g)),
        dokumen=tuple(dokumen_wajib),
        belum_terkonfirmasi=tuple(catatan_belum_terkonfirmasi(lay, g.inst)),
        tanggal=lokal.date(),
        dibuat_pada=lokal,
        wawancara=tuple(
            dok.JawabanWawancara(p.butir, p.teks, nama, jawaban)
            for p in g.inst.wawancara(g.jenjang)
            for nama, jawaban in g.wawancara.get(p.kode, [])
        ),
        observasi=tuple(
            dok.HasilObservasi(
                o.teks, o.butir, g.observasi[o.kode] == "ya" if o.kode in g.observasi else None
            )
            for o in g.inst.observasi
        ),
        butir_ia=tuple(butir_ia),
        celah=tuple(celah),
    )


def pesan_bundel(
    lay: Layanan, d: dok.DokumenAkreditasi, bagian: int, tertinggal: list[dok.Isian]
) -> str:
    """The message after the bundle's parts: how many parts and files, and what was left out."""
    jumlah = sum(len(b.bukti) for k in d.kelompok for b in k.butir) + sum(
        1 for x in d.dokumen if x.bukti
    )
    return lay.render.pesan(
        "akreditasi/bundel",
        bagian=bagian,
        berkas=jumlah - len(tertinggal),
        tertinggal=tertinggal,
        batas=f"{angka(BATAS_BUNDEL / 1024 / 1024)} MB",
    )
