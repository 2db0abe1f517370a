"""SPME readiness (/akreditasi): the school chooses an accreditation instrument, self-assesses
its butir with evidence gathered during the cycle, keeps the pre-visit document checklist,
practises the visit (interviews, class observation), and sees a readiness estimate set
against its SPMI self-evaluation. Rules are in `bot.mutu.akreditasi`; this module reads and
writes the school's data, always within `aktor.sekolah_id`."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from bot.layanan import Ditolak, Layanan
from bot.layanan import bukti as layanan_bukti
from bot.layanan import rapor as layanan_rapor
from bot.layanan.aktor import Aktor, wajib_peran
from bot.layanan.bukti import Berkas
from bot.layanan.instrumen import untuk_versi
from bot.layanan.instrumen_berkas import akreditasi_bawaan as bawaan
from bot.mutu import akreditasi as aturan
from bot.mutu import skor
from bot.mutu.akreditasi_instrumen import Butir, InstrumenAkreditasi
from bot.mutu.peran import Peran
from db import akreditasi as db_akr
from db import audit, keanggotaan
from db import jawaban as db_jawaban
from db import sekolah as db_sekolah
from db import siklus as db_siklus
from db.berkas_instrumen import BERKAS
from db.jenis import AsyncConnection, Row

# The instruments a school may choose: IA2024 first (the current one); IASP 2020 only to look
# back at an old result (superseded). The 10-butir IA2024 draft is read-only (DRAF_LAMA).
INSTRUMEN = ("ia2024", "iasp2020")
DRAF_LAMA = "ia2024_10"
assert set(INSTRUMEN) | {DRAF_LAMA} == set(BERKAS)
STATUS_DOKUMEN = ("ada", "belum", "tidak_sesuai")
BATAS_TAWARAN = 8
KONTEKS_GENDER = ("heterogen", "homogen")
INDIKATOR_KONTEKS = "3.10.3"
MAKS_DKA = 3000  # characters of a DKA text (it is shown in one message with its buttons)


@dataclass(frozen=True)
class BuktiSekolah:
    """An evidence file the school already has, and where it came from."""

    id: int
    asal: str  # pemetaan, laporan, akreditasi (a butir), dokumen (the checklist)
    rujukan: str  # question code, activity indicator, or butir/document code
    indikator: str | None  # the SNP indicator it proves, when known
    nama_file: str | None
    mime: str
    ukuran: int
    path: str
    dibuat_pada: datetime


@dataclass(frozen=True)
class Gambaran:
    """Everything /akreditasi shows for one school and its chosen instrument."""

    inst: InstrumenAkreditasi
    jenjang: str
    sekolah: Row
    keadaan: dict[str, aturan.KeadaanButir]
    tautan: dict[str, list[int]]
    bukti: dict[int, BuktiSekolah]
    dokumen: dict[str, Row]
    wawancara: dict[str, list[tuple[str, str]]]  # question code -> (member, answer)
    observasi: dict[str, str]  # checklist item -> ya/tidak (the latest mark)
    skor_spmi: dict[str, float | None]
    kesiapan: aturan.Kesiapan
    kesenjangan: list[aturan.Kesenjangan] = field(default_factory=list)
    # IA2024 only
    konteks_gender: str | None = None
    dka: dict[str, Row] = field(default_factory=dict)
    rp: dict[str, tuple[str, str]] = field(default_factory=dict)  # code -> (name, label)
    celah: list[aturan.Celah] = field(default_factory=list)
    draf_lama: int = 0  # rows assessed on the old 10-butir IA2024 draft

    def hitungan(self, kode: list[str] | tuple[str, ...]) -> aturan.Hitungan:
        """Counts of these indicators (N/A do not count)."""
        return aturan.hitungan(self.keadaan[k] for k in kode if k in self.keadaan)

    def indikator_komponen(self, komponen: str) -> list[str]:
        return [b.kode for b in self.inst.inti if b.komponen == komponen]

    def berikutnya_belum(self) -> str | None:
        """The first indicator not assessed yet (resume here), or None."""
        return next(
            (b.kode for b in self.inst.inti if not self.keadaan[b.kode].na
             and self.keadaan[b.kode].level is None),
            None,
        )  # fmt: skip

    def butir(self, kode: str) -> Butir | None:
        return self.inst.butir(kode, self.jenjang)

    def spmi(self, komponen: str) -> float | None:
        """The mean stage-1 score (0-7) of the SNP indicators the component's butir
        crosswalk to: the self-evaluation set beside the component's estimate."""
        kode = {
            s for b in self.inst.semua_butir(self.jenjang) if b.komponen == komponen for s in b.snp
        }
        skor = [x for k in sorted(kode) if (x := self.skor_spmi.get(k)) is not None]
        return sum(skor) / len(skor) if skor else None

    def masalah_unggah(self, bukti_id: int) -> list[str]:
        """What the assessors' system would refuse in this file."""
        b = self.bukti[bukti_id]
        return aturan.periksa_unggah(
            b.mime, b.ukuran, self.inst.format_jenis, self.inst.format_maks_mb
        )


def _asal(b: Row) -> tuple[str, str, str | None]:
    """(origin, reference, SNP indicator) of an evidence record."""
    jenis, _, rujukan = b.sumber.partition(":")
    if jenis == "pertanyaan":
        # Stage-1 question codes are "<indicator>-<nn>" (db/instrumen_snp.yaml).
        return "pemetaan", rujukan, rujukan.rsplit("-", 1)[0]
    if jenis == "komitmen":
        return "laporan", b.komitmen_indikator or "", b.komitmen_indikator
    # "akreditasi:dok:<document>" or "akreditasi:<instrument>:<butir>"
    bagian, _, kode = rujukan.partition(":")
    return ("dokumen" if bagian == "dok" else "akreditasi"), kode or rujukan, None


async def instrumen_sekolah(lay: Layanan, aktor: Aktor) -> str | None:
    """The code of the instrument the school prepares for (None: not chosen yet)."""
    sekolah_id = wajib_peran(aktor)
    async with lay.mesin.connect() as conn:
        return await db_akr.pilihan(conn, sekolah_id)


async def pilih(lay: Layanan, aktor: Aktor, kode: str) -> None:
    """Choose (or change) the instrument; answers of each instrument are kept apart."""
    sekolah_id = wajib_peran(aktor)
    if kode not in INSTRUMEN:
        raise Ditolak("tombol_usang")
    async with lay.mesin.begin() as conn:
        await db_akr.pilih(conn, sekolah_id, kode, aktor.pengguna_id, lay.sekarang())
        await audit.catat(
            conn,
            waktu=lay.sekarang(),
            aksi="akreditasi.pilih",
            pengguna_id=aktor.pengguna_id,
            sekolah_id=sekolah_id,
            objek="instrumen",
            objek_id=kode,
        )


async def instrumen(lay: Layanan, aktor: Aktor) -> tuple[InstrumenAkreditasi, str]:
    """The school's chosen instrument and its jenjang, without the rest of the picture."""
    sekolah_id = wajib_peran(aktor)
    async with lay.mesin.connect() as conn:
        kode = await db_akr.pilihan(conn, sekolah_id)
        sekolah = await db_sekolah.ambil(conn, sekolah_id)
    if kode is None:
        raise Ditolak("akreditasi_belum_pilih")
    assert sekolah is not None
    return bawaan(kode), sekolah.jenjang


async def _skor_spmi(
    lay: Layanan, conn: AsyncConnection, sekolah_id: int
) -> dict[str, float | None]:
    """Per-indicator stage-1 scores of the cycle readiness is set against ({} without one):
    scored from its answers alone (the stored map summary has no per-indicator scores)."""
    siklus = await db_akr.siklus_terpetakan(conn, sekolah_id)
    if siklus is None:
        return {}
    inst = await untuk_versi(lay, siklus.instrumen_versi, conn)
    jawaban = [
        skor.Jawaban(j.pertanyaan_kode, j.responden, j.pengguna_id, j.nilai)
        for j in await db_jawaban.siklus_semua(conn, siklus.id)
    ]
    peta = skor.hitung(inst, jawaban)
    return {i.kode: i.skor for s in peta.standar for i in s.indikator}


async def gambaran(
    lay: Layanan, aktor: Aktor, *, spmi: bool = True, semua_bukti: bool = False
) -> Gambaran:
    """The school's readiness picture for its chosen instrument.

    `spmi=False` leaves out the stage-1 scores (`skor_spmi` and `kesenjangan` empty) for views
    that do not show them; `semua_bukti=True` reads every file of the school (to offer them),
    else only the files linked to a butir or the checklist."""
    sekolah_id = wajib_peran(aktor)
    async with lay.mesin.connect() as conn:
        kode = await db_akr.pilihan(conn, sekolah_id)
        if kode is None:
            raise Ditolak("akreditasi_belum_pilih")
        sekolah = await db_sekolah.ambil(conn, sekolah_id)
        baris_butir = await db_akr.butir_sekolah(conn, sekolah_id, kode)
        baris_tautan = await db_akr.tautan_sekolah(conn, sekolah_id, kode)
        baris_dokumen = await db_akr.dokumen_sekolah(conn, sekolah_id, kode)
        dipakai = {t.bukti_id for t in baris_tautan} | {
            d.bukti_id for d in baris_dokumen if d.bukti_id is not None
        }
        baris_bukti = await db_akr.bukti_sekolah(conn, sekolah_id, None if semua_bukti else dipakai)
        baris_latihan = await db_akr.latihan_sekolah(conn, sekolah_id, kode)
        anggota = {
            a.pengguna_id: a.nama for a in await keanggotaan.anggota_sekolah(conn, sekolah_id)
        }
        skor_spmi = await _skor_spmi(lay, conn, sekolah_id) if spmi else {}
        konteks = await db_akr.konteks_gender(conn, sekolah_id)
        dka = await db_akr.dka_sekolah(conn, sekolah_id, kode)
        draf_lama = len(await db_akr.butir_sekolah(conn, sekolah_id, DRAF_LAMA))
    assert sekolah is not None
    inst = bawaan(kode)
    bukti: dict[int, BuktiSekolah] = {}
    for b in baris_bukti:
        asal, rujukan, indikator = _asal(b)
        bukti[b.id] = BuktiSekolah(
            b.id,
            asal,
            rujukan,
            indikator,
            b.nama_file,
            b.mime,
            b.ukuran,
            str(layanan_bukti.jalur(lay.settings.data_dir, b.path)),  # stored relative
            b.dibuat_pada,
        )
    tautan: dict[str, list[int]] = {}
    for t in baris_tautan:
        tautan.setdefault(t.butir, []).append(t.bukti_id)
    wawancara: dict[str, list[tuple[str, str]]] = {}
    observasi: dict[str, str] = {}
    for lt in baris_latihan:
        if lt.jenis == "wawancara":
            wawancara.setdefault(lt.kode, []).append((anggota.get(lt.pengguna_id, "-"), lt.nilai))
        else:
            observasi[lt.kode] = lt.nilai  # ordered by answer time: the latest mark wins
    keadaan = _keadaan(inst, sekolah.jenjang, baris_butir, tautan, wawancara, observasi)
    kesiapan = aturan.hitung(inst, sekolah.jenjang, keadaan)
    rp = await _label_rp(lay, aktor, sekolah.jenjang) if inst.per_indikator else {}
    return Gambaran(
        inst=inst,
        jenjang=sekolah.jenjang,
        sekolah=sekolah,
        keadaan=keadaan,
        tautan=tautan,
        bukti=bukti,
        dokumen={d.dokumen: d for d in baris_dokumen},
        wawancara=wawancara,
        observasi=observasi,
        skor_spmi=skor_spmi,
        kesiapan=kesiapan,
        kesenjangan=aturan.kesenjangan(inst, sekolah.jenjang, skor_spmi, keadaan),
        konteks_gender=konteks,
        dka=dka,
        rp=rp,
        celah=aturan.celah_ia2024(inst, keadaan, {k: v[1] for k, v in rp.items()})
        if inst.per_indikator
        else [],
        draf_lama=draf_lama,
    )


async def _label_rp(lay: Layanan, aktor: Aktor, jenjang: str) -> dict[str, tuple[str, str]]:
    """The labels of the school's latest Rapor Pendidikan import (read, never recomputed):
    code -> (indicator name, label); {} before the first import."""
    tersimpan = await layanan_rapor.terbaru(lay, aktor)
    if tersimpan is None:
        return {}
    katalog = layanan_rapor.katalog()
    hasil = {}
    for kode, c in tersimpan.capaian.items():
        if c.label is None:
            continue
        ind = katalog.cari(kode, jenjang)
        hasil[kode] = (ind.nama if ind is not None else kode, str(c.label))
    return hasil


def _keadaan(
    inst: InstrumenAkreditasi,
    jenjang: str,
    baris_butir: list[Row],
    tautan: dict[str, list[int]],
    wawancara: dict[str, list[tuple[str, str]]],
    observasi: dict[str, str],
) -> dict[str, aturan.KeadaanButir]:
    dinilai = {b.butir: b for b in baris_butir}
    hasil = {}
    for b in inst.semua_butir(jenjang):
        item = [o for o in inst.observasi if b.kode in o.butir and o.kode in observasi]
        baris = dinilai.get(b.kode)
        hasil[b.kode] = aturan.KeadaanButir(
            level=baris.level if baris else None,
            jumlah_bukti=len(tautan.get(b.kode, [])),
            wawancara_terjawab=sum(1 for w in b.wawancara if wawancara.get(w.kode)),
            observasi_ya=sum(1 for o in item if observasi[o.kode] == "ya"),
            observasi_total=len(item),
            kurang=bool(baris.kurang) if baris else False,
            na=bool(getattr(baris, "na", False)) if baris else False,
        )
    return hasil


def tawaran_bukti(g: Gambaran, butir: Butir) -> list[BuktiSekolah]:
    """Evidence to offer for a butir: files of its crosswalked SNP indicators first (stage 1
    answers, stage 3 reports), then the school's other files; linked ones left out."""
    sudah = set(g.tautan.get(butir.kode, []))
    calon = [b for b in g.bukti.values() if b.id not in sudah]
    cocok = [b for b in calon if b.indikator in butir.snp]
    lain = [b for b in calon if b.indikator not in butir.snp]
    return (cocok + lain)[:BATAS_TAWARAN]


async def _butir_sah(lay: Layanan, aktor: Aktor, kode: str) -> tuple[int, str, Butir]:
    inst, jenjang = await instrumen(lay, aktor)
    butir = inst.butir(kode, jenjang)
    if butir is None:
        raise Ditolak("tombol_usang")
    return wajib_peran(aktor), inst.kode, butir


async def nilai_butir(lay: Layanan, aktor: Aktor, kode: str, level: int) -> Butir:
    """Store the self-assessed level (1-4) of a butir."""
    if level not in (1, 2, 3, 4):
        raise Ditolak("tombol_usang")
    sekolah_id, inst_kode, butir = await _butir_sah(lay, aktor, kode)
    async with lay.mesin.begin() as conn:
        if butir.rubrik_konteks and await db_akr.konteks_gender(conn, sekolah_id) is None:
            raise Ditolak("akreditasi_konteks_dulu")
        await db_akr.simpan_butir(
            conn, sekolah_id, inst_kode, kode, aktor.pengguna_id, lay.sekarang(), level=level
        )
    return butir


async def tandai_na(lay: Layanan, aktor: Aktor, kode: str) -> Butir:
    """Mark an indicator not applicable: only where the instrument allows it (1.4.4, 3.10.2,
    3.11.2); it then does not count."""
    sekolah_id, inst_kode, butir = await _butir_sah(lay, aktor, kode)
    if not butir.na_boleh:
        raise Ditolak("akreditasi_na_tidak_boleh", kode=kode)
    async with lay.mesin.begin() as conn:
        await db_akr.simpan_butir(
            conn, sekolah_id, inst_kode, kode, aktor.pengguna_id, lay.sekarang(), na=True
        )
    return butir


async def simpan_konteks(lay: Layanan, aktor: Aktor, konteks: str) -> None:
    """The school's 3.10.3 situation: mixed classes (heterogen) or single-sex (homogen)."""
    if konteks not in KONTEKS_GENDER:
        raise Ditolak("tombol_usang")
    sekolah_id = wajib_peran(aktor)
    async with lay.mesin.begin() as conn:
        if await db_akr.pilihan(conn, sekolah_id) is None:
            raise Ditolak("akreditasi_belum_pilih")
        await db_akr.simpan_konteks_gender(conn, sekolah_id, konteks)
        await audit.catat(
            conn,
            waktu=lay.sekarang(),
            aksi="akreditasi.konteks_gender",
            pengguna_id=aktor.pengguna_id,
            sekolah_id=sekolah_id,
            objek="konteks",
            objek_id=konteks,
        )


# ------------------------------------------------------------------ DKA narrative per butir
def _kelompok_sah(inst: InstrumenAkreditasi, nomor: str) -> None:
    if inst.kelompok_butir(nomor) is None:
        raise Ditolak("tombol_usang")


async def bahan_dka(lay: Layanan, aktor: Aktor, g: Gambaran, nomor: str) -> str:
    """The bot's draft of a butir's DKA narrative from what the school has: levels, linked
    evidence, Rapor Pendidikan labels of the crosswalk, plan activities and their reports."""
    kel = g.inst.kelompok_butir(nomor)
    if kel is None:
        raise Ditolak("tombol_usang")
    async with lay.mesin.connect() as conn:
        baris_kegiatan = await db_akr.kegiatan_dan_laporan(conn, wajib_peran(aktor))
    kegiatan: dict[str, dict[int, tuple[str, str | None]]] = {}
    for kg in baris_kegiatan:  # a later report of the same commitment replaces the earlier
        lapor = None
        if kg.status is not None:
            status = lay.render.label(f"status.{kg.status}")
            lapor = f"{status} {kg.persen}%" + (f", {kg.catatan}" if kg.catatan else "")
        kegiatan.setdefault(kg.indikator_kode, {})[kg.komitmen_id] = (kg.deskripsi, lapor)
    bahan = []
    for kode in kel.indikator:
        b = g.butir(kode)
        assert b is not None
        k = g.keadaan[kode]
        nama_bukti = tuple(
            g.bukti[i].nama_file or f"berkas {i}" for i in g.tautan.get(kode, []) if i in g.bukti
        )
        rp = tuple((c, g.rp[c][0], g.rp[c][1]) for c in b.rp if c in g.rp)
        keg = tuple(x for s in b.snp for x in kegiatan.get(s, {}).values())
        bahan.append(aturan.BahanDka(kode, b.teks, k.level, k.na, nama_bukti[:5], rp, keg[:3]))
    teks = lay.render.teks(
        "akreditasi/draf_dka", nomor=nomor, teks_butir=kel.teks, bahan=bahan, tingkat=g.inst.tingkat
    )
    return teks[:MAKS_DKA]


async def simpan_dka(lay: Layanan, aktor: Aktor, nomor: str, teks: str) -> None:
    """Keep a butir's DKA text (drafted, edited or accepted by the koordinator or kepala) as a
    draft awaiting the kepala sekolah's approval."""
    sekolah_id = wajib_peran(aktor)
    teks = teks.strip()
    if not teks:
        raise Ditolak("teks_kosong")
    if len(teks) > MAKS_DKA:
        raise Ditolak("akreditasi_dka_panjang", maks=MAKS_DKA, panjang=len(teks))
    inst, _ = await instrumen(lay, aktor)
    _kelompok_sah(inst, nomor)
    async with lay.mesin.begin() as conn:
        await db_akr.simpan_dka(
            conn, sekolah_id, inst.kode, nomor, teks, aktor.pengguna_id, lay.sekarang()
        )
        await audit.catat(
            conn,
            waktu=lay.sekarang(),
            aksi="akreditasi.dka_simpan",
            pengguna_id=aktor.pengguna_id,
            sekolah_id=sekolah_id,
            objek="dka",
            objek_id=nomor,
        )


async def setujui_dka(lay: Layanan, aktor: Aktor, nomor: str) -> None:
    """The kepala sekolah approves a butir's DKA text (only the kepala; only a draft)."""
    sekolah_id = wajib_peran(aktor)
    if aktor.peran != Peran.KEPALA_SEKOLAH:
        raise Ditolak("akreditasi_dka_hanya_kepala")
    inst, _ = await instrumen(lay, aktor)
    _kelompok_sah(inst, nomor)
    async with lay.mesin.begin() as conn:
        if not await db_akr.setujui_dka(
            conn, sekolah_id, inst.kode, nomor, aktor.pengguna_id, lay.sekarang()
        ):
            raise Ditolak("akreditasi_dka_tanpa_draf")
        await audit.catat(
            conn,
            waktu=lay.sekarang(),
            aksi="akreditasi.dka_setujui",
            pengguna_id=aktor.pengguna_id,
            sekolah_id=sekolah_id,
            objek="dka",
            objek_id=nomor,
        )


async def draf_lama(lay: Layanan, aktor: Aktor) -> tuple[InstrumenAkreditasi, list[Row], int]:
    """The school's assessments on the old 10-butir IA2024 draft (read-only): the draft
    instrument, its rows, and how many evidence links it had."""
    sekolah_id = wajib_peran(aktor)
    async with lay.mesin.connect() as conn:
        baris = await db_akr.butir_sekolah(conn, sekolah_id, DRAF_LAMA)
        tautan = await db_akr.tautan_sekolah(conn, sekolah_id, DRAF_LAMA)
    return bawaan(DRAF_LAMA), baris, len(tautan)


async def tandai_kurang(lay: Layanan, aktor: Aktor, kode: str, kurang: bool) -> Butir:
    """Mark a butir as missing something (or not any more)."""
    sekolah_id, inst_kode, butir = await _butir_sah(lay, aktor, kode)
    async with lay.mesin.begin() as conn:
        await db_akr.simpan_butir(
            conn, sekolah_id, inst_kode, kode, aktor.pengguna_id, lay.sekarang(), kurang=kurang
        )
    return butir


async def tautkan(lay: Layanan, aktor: Aktor, kode: str, bukti_id: int) -> Butir:
    """Link one of the school's evidence files to a butir (once)."""
    sekolah_id, inst_kode, butir = await _butir_sah(lay, aktor, kode)
    async with lay.mesin.begin() as conn:
        if not await db_akr.bukti_milik(conn, sekolah_id, bukti_id):
            raise Ditolak("bukan_sekolah_ini")
        await db_akr.tautkan(
            conn, sekolah_id, inst_kode, kode, bukti_id, aktor.pengguna_id, lay.sekarang()
        )
    return butir


async def lepas(lay: Layanan, aktor: Aktor, kode: str, bukti_id: int) -> Butir:
    """Unlink an evidence file from a butir (the file itself is kept)."""
    sekolah_id, inst_kode, butir = await _butir_sah(lay, aktor, kode)
    async with lay.mesin.begin() as conn:
        if not await db_akr.bukti_milik(conn, sekolah_id, bukti_id):
            raise Ditolak("bukan_sekolah_ini")
        await db_akr.lepas(conn, sekolah_id, inst_kode, kode, bukti_id)
    return butir


async def _simpan_berkas(
    conn: AsyncConnection, lay: Layanan, aktor: Aktor, sekolah_id: int, sumber: str, berkas: Berkas
) -> int:
    """Keep an evidence file in the caller's transaction (the cycle open now)."""
    siklus = await db_siklus.terbuka(conn, sekolah_id)
    if siklus is None:
        raise Ditolak("tanpa_siklus")
    return await layanan_bukti.simpan(
        conn,
        lay,
        berkas,
        sekolah_id=sekolah_id,
        siklus_id=siklus.id,
        pengguna_id=aktor.pengguna_id,
        sumber=sumber[:40],
    )


async def unggah_butir(lay: Layanan, aktor: Aktor, kode: str, berkas: Berkas) -> Butir:
    """Keep a new evidence file and link it to the butir, both or neither."""
    sekolah_id, inst_kode, butir = await _butir_sah(lay, aktor, kode)
    layanan_bukti.periksa(berkas)
    async with lay.mesin.begin() as conn:
        bukti_id = await _simpan_berkas(
            conn, lay, aktor, sekolah_id, f"akreditasi:{inst_kode}:{kode}", berkas
        )
        await db_akr.tautkan(
            conn, sekolah_id, inst_kode, kode, bukti_id, aktor.pengguna_id, lay.sekarang()
        )
    return butir


async def _dokumen_sah(lay: Layanan, aktor: Aktor, kode: str) -> tuple[int, InstrumenAkreditasi]:
    sekolah_id = wajib_peran(aktor)
    async with lay.mesin.connect() as conn:
        inst_kode = await db_akr.pilihan(conn, sekolah_id)
    if inst_kode is None:
        raise Ditolak("akreditasi_belum_pilih")
    inst = bawaan(inst_kode)
    if kode not in {d.kode for d in inst.dokumen}:
        raise Ditolak("tombol_usang")
    return sekolah_id, inst


async def status_dokumen(lay: Layanan, aktor: Aktor, kode: str, status: str) -> None:
    """Mark a checklist document present, missing or unsuitable."""
    if status not in STATUS_DOKUMEN:
        raise Ditolak("tombol_usang")
    sekolah_id, inst = await _dokumen_sah(lay, aktor, kode)
    async with lay.mesin.begin() as conn:
        await db_akr.simpan_dokumen(
            conn, sekolah_id, inst.kode, kode, status, aktor.pengguna_id, lay.sekarang()
        )


async def unggah_dokumen(lay: Layanan, aktor: Aktor, kode: str, berkas: Berkas) -> list[str]:
    """Keep a checklist document's file and check it as the assessors' system would: the
        problems found ('jenis_salah', 'terlalu_besar'); with any, it is marked unsuitable. The file
    and the checklist row are kept in one transaction."""
    sekolah_id, inst = await _dokumen_sah(lay, aktor, kode)
    layanan_bukti.periksa(berkas)
    masalah = aturan.periksa_unggah(
        berkas.mime, len(berkas.isi), inst.format_jenis, inst.format_maks_mb
    )
    async with lay.mesin.begin() as conn:
        bukti_id = await _simpan_berkas(
            conn, lay, aktor, sekolah_id, f"akreditasi:dok:{kode}", berkas
        )
        await db_akr.simpan_dokumen(
            conn,
            sekolah_id,
            inst.kode,
            kode,
            "tidak_sesuai" if masalah else "ada",
            aktor.pengguna_id,
            lay.sekarang(),
            bukti_id=bukti_id,
        )
    return masalah


async def tautan_dokumen(lay: Layanan, aktor: Aktor, kode: str, url: str) -> None:
    """Keep the link of a document shared as a link (a video)."""
    if not url.startswith(("http://", "https://")) or len(url) > 400 or " " in url:
        raise Ditolak("tautan_salah")
    sekolah_id, inst = await _dokumen_sah(lay, aktor, kode)
    async with lay.mesin.begin() as conn:
        await db_akr.simpan_dokumen(
            conn, sekolah_id, inst.kode, kode, "ada", aktor.pengguna_id, lay.sekarang(), tautan=url
        )
