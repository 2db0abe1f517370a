"""The accreditation instruments (IASP 2020, IA2024) as typed data, loaded from
`db/akreditasi_*.yaml` with every problem named by its line.

Every number of an instrument (counts, weights, grade bands, the butir split per component)
sits in its `angka:` block with a source and a confirmed mark, so a correction is made once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

import yaml

from bot.mutu.instrumen_muat import PemuatYaml, PetaBaris

METODE = ("telaah_dokumen", "wawancara", "observasi", "angket")
PERAN_WAWANCARA = ("kepala_sekolah", "guru")
JENJANG_DATA = ("SD", "SMP", "SMA", "SMK", "SLB")
# Madrasah levels use the instrument of their school level.
JENJANG_SETARA = {"MI": "SD", "MTs": "SMP", "MA": "SMA"}
KODE_IPR = "IPR"
KUNCI_BUTIR = frozenset(
    {
        "kode",
        "teks",
        "source",
        "confirmed",
        "catatan",
        "metode",
        "bukti_contoh",
        "snp",
        "rubrik",
        "wawancara",
    }
)
ANGKA_WAJIB = (
    "level", "butir_inti", "butir_kekhususan", "butir_ipr", "bobot_ipr", "bobot_kinerja",
    "bobot_komponen", "pembagian_butir", "komponen_kekhususan", "rumus_skor", "peringkat",
    "batas_tanpa_dukungan", "observasi_ke_level",
)  # fmt: skip


class InstrumenAkreditasiRusak(Exception):
    """The data file has problems; `masalah` lists each with its line."""

    def __init__(self, masalah: list[str]) -> None:
        super().__init__("\n".join(masalah))
        self.masalah = masalah


@dataclass(frozen=True, slots=True)
class Angka:
    """One number (or table of numbers) of the instrument with where it comes from."""

    nilai: Any
    source: str
    confirmed: bool
    catatan: str | None = None


@dataclass(frozen=True, slots=True)
class Komponen:
    """A component of the performance part; `bobot` is its share of the final score (%)."""

    kode: str
    nama: str
    bobot: float


@dataclass(frozen=True, slots=True)
class PertanyaanWawancara:
    """An assessor-style interview question, answered by a member of role `peran`."""

    kode: str
    peran: str
    teks: str
    butir: str


@dataclass(frozen=True, slots=True)
class Butir:
    """One butir: what it asks, how assessors check it, what proves it, and the SNP
    indicators of our stage-1 instrument it crosswalks to."""

    kode: str
    teks: str
    komponen: str  # a component code, or KODE_IPR
    jenis: str  # inti, kekhususan, ipr
    source: str
    confirmed: bool
    metode: tuple[str, ...] = ()
    bukti_contoh: tuple[str, ...] = ()
    snp: tuple[str, ...] = ()
    rubrik: tuple[str, ...] = ()  # four level texts, lowest first
    wawancara: tuple[PertanyaanWawancara, ...] = ()
    catatan: str | None = None
    # IA2024 only: the scored item is an indicator; `kelompok` is its butir (1-14).
    kelompok: str | None = None
    definisi: str | None = None
    na_syarat: str | None = None  # N/A allowed (with this condition) only when set
    rubrik_konteks: tuple[tuple[str, tuple[str, ...]], ...] = ()  # 3.10.3: per context
    rp: tuple[str, ...] = ()  # Rapor Pendidikan indicators it crosswalks to (ours)
    teks_dipulihkan: bool = False

    @property
    def na_boleh(self) -> bool:
        return self.na_syarat is not None

    def rubrik_untuk(self, konteks: str | None) -> tuple[str, ...]:
        """The rubric for a context (3.10.3); () when the context is needed but not known."""
        if not self.rubrik_konteks:
            return self.rubrik
        return dict(self.rubrik_konteks).get(konteks or "", ())


@dataclass(frozen=True, slots=True)
class KelompokButir:
    """An IA2024 butir: its text, its component, the DKA prompt and its indicators."""

    nomor: str
    komponen: str
    teks: str
    dka_prompt: str
    indikator: tuple[str, ...]
    confirmed: bool


@dataclass(frozen=True, slots=True)
class ItemObservasi:
    """One line of the class-visit checklist and the butir it feeds."""

    kode: str
    teks: str
    butir: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DokumenWajib:
    """A document the school uploads before the visit."""

    kode: str
    nama: str
    snp: tuple[str, ...]
    tautan: bool = False  # shared as a link (video), not as a file
    catatan: str | None = None


@dataclass(frozen=True, slots=True)
class Peringkat:
    """A grade and the lowest final score (NA) that earns it."""

    kode: str
    nama: str
    min: float


@dataclass(frozen=True)
class InstrumenAkreditasi:
    """One accreditation instrument, whole."""

    kode: str
    nama: str
    nama_lengkap: str
    dasar: str
    source: str
    confirmed: bool
    catatan: str
    angka: dict[str, Angka]
    komponen: tuple[Komponen, ...]
    inti: tuple[Butir, ...]
    kekhususan: dict[str, tuple[Butir, ...]]
    ipr: dict[str, tuple[Butir, ...]]
    observasi: tuple[ItemObservasi, ...]
    dokumen: tuple[DokumenWajib, ...]
    format_jenis: tuple[str, ...]
    format_maks_mb: float
    rubrik_umum: tuple[str, ...]
    _indeks: dict[str, Butir] = field(default_factory=dict, repr=False)
    # IA2024: the 14 butir grouping the 45 indicators (the scored items are `inti`).
    kelompok: tuple[KelompokButir, ...] = ()
    # False when no source says how levels become a grade: no score, no grade is shown.
    agregasi_diketahui: bool = True
    digantikan: str | None = None  # superseded: why, shown wherever it is offered
    tingkat: tuple[str, ...] = ()  # level labels (Kurang .. Sangat Baik), lowest first
    silang_catatan: str | None = None

    @property
    def per_indikator(self) -> bool:
        """Whether the scored items are indicators grouped in butir (IA2024)."""
        return bool(self.kelompok)

    def kelompok_butir(self, nomor: str) -> KelompokButir | None:
        return next((k for k in self.kelompok if k.nomor == nomor), None)

    @property
    def peringkat(self) -> tuple[Peringkat, ...]:
        """Grades, best first (none when the aggregation is not known)."""
        if "peringkat" not in self.angka:
            return ()
        return tuple(
            Peringkat(p["kode"], p["nama"], float(p["min"])) for p in self.angka["peringkat"].nilai
        )

    @property
    def bobot_ipr(self) -> float:
        return float(self.angka["bobot_ipr"].nilai) if "bobot_ipr" in self.angka else 0.0

    def belum_terkonfirmasi(self) -> list[tuple[str, Angka]]:
        """The numbers not confirmed by the sources, for the README and the report."""
        return [(k, a) for k, a in self.angka.items() if not a.confirmed]

    def butir_kinerja(self, jenjang: str) -> tuple[Butir, ...]:
        """Core butir plus the special butir of this school level."""
        return self.inti + self.kekhususan.get(jenjang_data(jenjang), ())

    def butir_ipr(self, jenjang: str) -> tuple[Butir, ...]:
        """The relative-fulfilment (IPR) butir of this school level."""
        return self.ipr.get(jenjang_data(jenjang), ())

    def semua_butir(self, jenjang: str) -> tuple[Butir, ...]:
        return self.butir_kinerja(jenjang) + self.butir_ipr(jenjang)

    def butir(self, kode: str, jenjang: str) -> Butir | None:
        """A butir of this level by code, or None."""
        return next((b for b in self.semua_butir(jenjang) if b.kode == kode), None)

    def wawancara(self, jenjang: str) -> tuple[PertanyaanWawancara, ...]:
        return tuple(p for b in self.semua_butir(jenjang) for p in b.wawancara)

    def rubrik(self, b: Butir) -> tuple[str, ...]:
        return b.rubrik or self.rubrik_umum


def jenjang_data(jenjang: str) -> str:
    """The level whose butir a school uses: MI as SD, MTs as SMP, MA as SMA."""
    return JENJANG_SETARA.get(jenjang, jenjang)


def _rentang(teks: str) -> list[int] | None:
    try:
        awal, _, akhir = str(teks).partition("-")
        a, b = int(awal), int(akhir or awal)
    except ValueError:
        return None
    return list(range(a, b + 1)) if a <= b else None


class _Pembaca:
    """Walks the YAML tree, building objects and noting each problem with its line."""

    def __init__(self, nama: str, kode_snp: frozenset[str] | None) -> None:
        self.nama = nama
        self.kode_snp = kode_snp
        self.masalah: list[tuple[int, str]] = []

    def catat(self, baris: int, pesan: str) -> None:
        self.masalah.append((baris, pesan))

    def ambil(
        self, peta: Any, kunci: str, jenis: type | tuple[type, ...], baris: int, apa: str
    ) -> Any:
        if not isinstance(peta, dict):
            self.catat(baris, f"{apa} harus berupa pemetaan (kunci: nilai)")
            return None
        if kunci not in peta:
            self.catat(baris, f"{apa}: '{kunci}' wajib ada")
            return None
        nilai = peta[kunci]
        if not isinstance(nilai, jenis) or isinstance(nilai, bool) and jenis in (int, float):
            b = peta.baris_kunci.get(kunci, baris) if isinstance(peta, PetaBaris) else baris
            self.catat(b, f"{apa}: '{kunci}' jenisnya salah")
            return None
        return nilai

    def baris(self, nilai: Any, cadangan: int) -> int:
        return nilai.baris if isinstance(nilai, PetaBaris) else cadangan

    # ------------------------------------------------------------------ parts
    def angka(self, data: PetaBaris) -> dict[str, Angka]:
        blok = self.ambil(data, "angka", dict, 1, "berkas")
        hasil: dict[str, Angka] = {}
        if blok is None:
            return hasil
        for kunci in ANGKA_WAJIB:
            isi = self.ambil(blok, kunci, dict, blok.baris, "angka")
            if isi is None:
                continue
            apa = f"angka {kunci}"
            nilai = isi.get("nilai")
            if kunci == "level":
                nilai = (isi.get("min"), isi.get("maks"))
            elif nilai is None:
                self.catat(isi.baris, f"{apa}: 'nilai' wajib ada")
            sumber = self.ambil(isi, "source", str, isi.baris, apa)
            yakin = self.ambil(isi, "confirmed", bool, isi.baris, apa)
            hasil[kunci] = Angka(nilai, sumber or "", bool(yakin), isi.get("catatan"))
        return hasil

    def butir(
        self, isi: Any, komponen: str, jenis: str, baris: int, kode_komponen: set[str]
    ) -> Butir | None:
        b = self.baris(isi, baris)
        if isinstance(isi, dict):
            for kunci in sorted(isi.keys() - KUNCI_BUTIR):
                self.catat(b, f"butir {isi.get('kode')}: kunci '{kunci}' tidak dikenal di sini")
        kode = self.ambil(isi, "kode", str, b, "butir")
        teks = self.ambil(isi, "teks", str, b, f"butir {kode}")
        if kode is None or teks is None:
            return None
        apa = f"butir {kode}"
        metode = self.metode(isi, b, apa)
        snp = self.snp(isi, b, apa)
        rubrik = tuple(isi.get("rubrik") or ())
        if rubrik and len(rubrik) != 4:
            self.catat(b, f"{apa}: rubrik harus 4 level, ada {len(rubrik)}")
        wawancara = self.wawancara(isi, b, apa, kode)
        confirmed = isi.get("confirmed")
        if jenis == "inti" and (confirmed is None or "source" not in isi):
            self.catat(b, f"{apa}: 'source' dan 'confirmed' wajib ada")
        if komponen not in kode_komponen and komponen != KODE_IPR:
            self.catat(b, f"{apa}: komponen '{komponen}' tidak dikenal")
        return Butir(
            kode=kode,
            teks=teks,
            komponen=komponen,
            jenis=jenis,
            source=str(isi.get("source") or "Disusun tim Asisten Mutu"),
            confirmed=bool(confirmed),
            metode=metode,
            bukti_contoh=tuple(isi.get("bukti_contoh") or ()),
            snp=snp,
            rubrik=rubrik,
            wawancara=wawancara,
            catatan=isi.get("catatan"),
        )

    def metode(self, isi: dict[str, Any], b: int, apa: str) -> tuple[str, ...]:
        """How assessors check a butir, each one of METODE."""
        metode = tuple(isi.get("metode") or ())
        for m in metode:
            if m not in METODE:
                self.catat(b, f"{apa}: metode '{m}' tidak dikenal ({', '.join(METODE)})")
        return metode

    def snp(self, isi: dict[str, Any], b: int, apa: str) -> tuple[str, ...]:
        """The SNP indicators a butir crosswalks to, each in the stage-1 instrument."""
        snp = tuple(str(s) for s in isi.get("snp") or ())
        if self.kode_snp is not None:
            for s in snp:
                if s not in self.kode_snp:
                    self.catat(b, f"{apa}: indikator SNP '{s}' tidak ada di instrumen pemetaan")
        return snp

    def wawancara(
        self, isi: dict[str, Any], b: int, apa: str, kode: str
    ) -> tuple[PertanyaanWawancara, ...]:
        """A butir's interview questions, each with a code, a known role and a text."""
        wawancara = []
        for w in isi.get("wawancara") or ():
            wb = self.baris(w, b)
            wk = self.ambil(w, "kode", str, wb, f"{apa} wawancara")
            peran = self.ambil(w, "peran", str, wb, f"{apa} wawancara {wk}")
            wt = self.ambil(w, "teks", str, wb, f"{apa} wawancara {wk}")
            if peran is not None and peran not in PERAN_WAWANCARA:
                self.catat(wb, f"{apa} wawancara {wk}: peran '{peran}' bukan {PERAN_WAWANCARA}")
            if wk and peran and wt:
                wawancara.append(PertanyaanWawancara(wk, peran, wt, kode))
        return tuple(wawancara)

    def bangun(self, data: Any) -> InstrumenAkreditasi | None:
        """The instrument, or None when a problem was noted (each with its line)."""
        if not isinstance(data, PetaBaris):
            self.catat(1, "berkas harus berupa pemetaan dengan meta, angka, komponen, butir")
            return None
        meta = self.ambil(data, "meta", dict, 1, "berkas") or PetaBaris()
        teks_meta = {
            k: self.ambil(meta, k, str, meta.baris, "meta")
            for k in ("kode", "nama", "nama_lengkap", "dasar", "source", "catatan")
        }
        yakin_meta = self.ambil(meta, "confirmed", bool, meta.baris, "meta")
        angka = self.angka(data)
        komponen = self.komponen(data, angka)
        kode_komponen = {k.kode for k in komponen}
        self.periksa_angka(angka, komponen, data)
        inti = self.inti(data, angka, self.pembagian(data, angka), kode_komponen)
        kom_khusus = angka["komponen_kekhususan"].nilai if "komponen_kekhususan" in angka else "?"
        kekhususan = self.per_jenjang(
            data,
            "kekhususan",
            str(kom_khusus),
            "kekhususan",
            angka,
            "butir_kekhususan",
            kode_komponen,
        )
        ipr = self.per_jenjang(data, "ipr", KODE_IPR, "ipr", angka, "butir_ipr", kode_komponen)
        semua_kode = {b.kode for b in inti} | {b.kode for d in kekhususan.values() for b in d}
        observasi = self.observasi(data, semua_kode)
        dok_data = self.ambil(data, "dokumen", dict, 1, "berkas") or {}
        dokumen = self.dokumen(dok_data)
        fmt = self.format_berkas(dok_data)
        rubrik_umum = self.rubrik_umum(data)
        if self.masalah or None in teks_meta.values():
            return None
        return InstrumenAkreditasi(
            kode=teks_meta["kode"] or "",
            nama=teks_meta["nama"] or "",
            nama_lengkap=teks_meta["nama_lengkap"] or "",
            dasar=teks_meta["dasar"] or "",
            source=teks_meta["source"] or "",
            confirmed=bool(yakin_meta),
            catatan=teks_meta["catatan"] or "",
            angka=angka,
            komponen=tuple(komponen),
            inti=tuple(inti),
            kekhususan=kekhususan,
            ipr=ipr,
            observasi=tuple(observasi),
            dokumen=tuple(dokumen),
            format_jenis=tuple(str(j) for j in fmt.get("jenis") or ()),
            format_maks_mb=float(fmt.get("maks_mb") or 0),
            rubrik_umum=rubrik_umum,
            digantikan=meta.get("digantikan"),
        )

    def komponen(self, data: PetaBaris, angka: dict[str, Angka]) -> list[Komponen]:
        """The performance components, each with its weight from angka.bobot_komponen."""
        komponen_data = self.ambil(data, "komponen", list, 1, "berkas") or []
        bobot = angka["bobot_komponen"].nilai if "bobot_komponen" in angka else {}
        komponen = []
        for k in komponen_data:
            kb = self.baris(k, 1)
            kode = self.ambil(k, "kode", str, kb, "komponen")
            nama = self.ambil(k, "nama", str, kb, f"komponen {kode}")
            if kode is None or nama is None:
                continue
            if not isinstance(bobot, dict) or not isinstance(bobot.get(kode), int | float):
                self.catat(kb, f"komponen {kode}: tidak ada bobot di angka.bobot_komponen")
                continue
            komponen.append(Komponen(kode, nama, float(bobot[kode])))
        return komponen

    def pembagian(self, data: PetaBaris, angka: dict[str, Angka]) -> dict[str, str]:
        """Each core butir's component, from angka.pembagian_butir (in one place)."""
        pembagian: dict[str, str] = {}
        bagi = angka.get("pembagian_butir")
        if bagi is None or not isinstance(bagi.nilai, dict):
            return pembagian
        for kom, teks in bagi.nilai.items():
            nomor = _rentang(str(teks))
            if nomor is None:
                self.catat(data["angka"].baris, f"pembagian_butir {kom}: '{teks}' bukan rentang")
                continue
            for n in nomor:
                if str(n) in pembagian:
                    self.catat(data["angka"].baris, f"pembagian_butir: butir {n} dua kali")
                pembagian[str(n)] = kom
        return pembagian

    def inti(
        self,
        data: PetaBaris,
        angka: dict[str, Angka],
        pembagian: dict[str, str],
        kode_komponen: set[str],
    ) -> list[Butir]:
        """The core butir, once each, as many as angka.butir_inti and pembagian_butir say."""
        inti: list[Butir] = []
        for isi in self.ambil(data, "butir", list, 1, "berkas") or []:
            kode = str(isi.get("kode")) if isinstance(isi, dict) else ""
            b = self.butir(isi, pembagian.get(kode, "?"), "inti", 1, kode_komponen)
            if b is not None:
                if b.kode in {x.kode for x in inti}:
                    self.catat(self.baris(isi, 1), f"butir {b.kode}: kode muncul dua kali")
                if b.kode not in pembagian:
                    self.catat(self.baris(isi, 1), f"butir {b.kode}: tidak ada di pembagian_butir")
                inti.append(b)
        jumlah_inti = angka["butir_inti"].nilai if "butir_inti" in angka else None
        if jumlah_inti is not None and len(inti) != jumlah_inti:
            self.catat(
                data.baris_kunci.get("butir", 1),
                f"ada {len(inti)} butir inti, angka.butir_inti {jumlah_inti}",
            )
        if len(pembagian) != len(inti) and inti:
            self.catat(
                data["angka"].baris,
                f"pembagian_butir memuat {len(pembagian)} butir, ada {len(inti)}",
            )
        return inti

    def observasi(self, data: PetaBaris, semua_kode: set[str]) -> list[ItemObservasi]:
        """The class-visit checklist, each line naming butir that exist."""
        obs_data = self.ambil(data, "observasi", dict, 1, "berkas") or {}
        observasi = []
        for o in obs_data.get("butir") or ():
            ob = self.baris(o, 1)
            kode, teks = o.get("kode"), o.get("teks")
            butir = tuple(str(x) for x in o.get("butir") or ())
            if not kode or not teks or not butir:
                self.catat(ob, "observasi: kode, teks dan butir wajib ada")
                continue
            for x in butir:
                if x not in semua_kode:
                    self.catat(ob, f"observasi {kode}: butir '{x}' tidak ada")
            observasi.append(ItemObservasi(str(kode), str(teks), butir))
        return observasi

    def dokumen(self, dok_data: Any) -> list[DokumenWajib]:
        """The documents uploaded before the visit."""
        dokumen = []
        for d in dok_data.get("butir") or ():
            db_ = self.baris(d, 1)
            kode, nama = d.get("kode"), d.get("nama")
            if not kode or not nama:
                self.catat(db_, "dokumen: kode dan nama wajib ada")
                continue
            dokumen.append(
                DokumenWajib(
                    str(kode),
                    str(nama),
                    tuple(d.get("snp") or ()),
                    bool(d.get("tautan")),
                    d.get("catatan"),
                )
            )
        return dokumen

    def format_berkas(self, dok_data: Any) -> Any:
        """The file types and the size the documents are uploaded in."""
        fmt = dok_data.get("format_berkas") or {}
        if not fmt.get("jenis") or not isinstance(fmt.get("maks_mb"), int | float):
            self.catat(
                self.baris(dok_data, 1), "dokumen.format_berkas: jenis dan maks_mb wajib ada"
            )
        return fmt

    def rubrik_umum(self, data: PetaBaris) -> tuple[str, ...]:
        """The four level texts used by a butir without its own rubric."""
        rub = self.ambil(data, "rubrik_umum", dict, 1, "berkas") or {}
        rubrik_umum = tuple(rub.get("level") or ())
        if len(rubrik_umum) != 4:
            self.catat(self.baris(rub, 1), "rubrik_umum.level harus 4 teks")
        return rubrik_umum

    def per_jenjang(
        self,
        data: PetaBaris,
        kunci: str,
        komponen: str,
        jenis: str,
        angka: dict[str, Angka],
        kunci_jumlah: str,
        kode_komponen: set[str],
    ) -> dict[str, tuple[Butir, ...]]:
        blok = data.get(kunci)
        if not isinstance(blok, PetaBaris):
            self.catat(1, f"'{kunci}' wajib ada (boleh kosong: {{}})")
            return {}
        jumlah = angka[kunci_jumlah].nilai if kunci_jumlah in angka else {}
        hasil = {}
        for jenjang in JENJANG_DATA:
            daftar = []
            for isi in blok.get(jenjang) or ():
                b = self.butir(isi, komponen, jenis, blok.baris, kode_komponen)
                if b is not None:
                    daftar.append(b)
            harus = jumlah.get(jenjang, 0) if isinstance(jumlah, dict) else 0
            if len(daftar) != harus:
                self.catat(
                    blok.baris_kunci.get(jenjang, blok.baris),
                    f"{kunci} {jenjang}: ada {len(daftar)} butir, angka.{kunci_jumlah} {harus}",
                )
            hasil[jenjang] = tuple(daftar)
        return hasil

    def periksa_angka(
        self, angka: dict[str, Angka], komponen: list[Komponen], data: PetaBaris
    ) -> None:
        baris = data["angka"].baris if isinstance(data.get("angka"), PetaBaris) else 1
        if {"bobot_ipr", "bobot_kinerja"} <= angka.keys():
            total = angka["bobot_ipr"].nilai + angka["bobot_kinerja"].nilai
            if total != 100:
                self.catat(baris, f"bobot_ipr + bobot_kinerja = {total}, harus 100")
            if (
                komponen
                and abs(sum(k.bobot for k in komponen) - angka["bobot_kinerja"].nilai) > 1e-9
            ):
                self.catat(baris, "jumlah bobot_komponen harus sama dengan bobot_kinerja")
        if "peringkat" in angka:
            batas = [p.get("min") for p in angka["peringkat"].nilai or ()]
            if not batas or batas != sorted(batas, reverse=True) or batas[-1] != 0:
                self.catat(baris, "peringkat harus urut dari batas tertinggi dan berakhir di 0")
        if "level" in angka and angka["level"].nilai != (1, 4):
            self.catat(baris, "level harus min 1, maks 4")
        if "observasi_ke_level" in angka:
            nilai = angka["observasi_ke_level"].nilai or []
            batas = [n.get("min") for n in nilai]
            if not batas or batas != sorted(batas, reverse=True) or batas[-1] != 0:
                self.catat(baris, "observasi_ke_level harus urut menurun dan berakhir di min 0")


def _format_ia2024(teks: str) -> bool:
    return any(baris.startswith("indikator:") for baris in teks.splitlines())


def muat_teks(
    teks: str, nama: str = "akreditasi", kode_snp: frozenset[str] | None = None
) -> InstrumenAkreditasi:
    """An instrument from YAML text; InstrumenAkreditasiRusak lists every problem found.
    A file with top-level `indikator` is IA2024 (bot/mutu/akreditasi_ia2024.py)."""
    if _format_ia2024(teks):
        from bot.mutu.akreditasi_ia2024 import muat_ia2024

        return muat_ia2024(teks, nama, kode_snp)
    return bangun_dari_yaml(_Pembaca(nama, kode_snp), teks, nama)


class PembacaInstrumen(Protocol):
    """What walks an instrument's YAML tree: builds it and notes each problem with its line."""

    masalah: list[tuple[int, str]]

    def catat(self, baris: int, pesan: str) -> None: ...

    def bangun(self, data: Any) -> InstrumenAkreditasi | None: ...


def bangun_dari_yaml(pembaca: PembacaInstrumen, teks: str, nama: str) -> InstrumenAkreditasi:
    """Parse `teks` (duplicate keys noted with their line) and let `pembaca` build it;
    InstrumenAkreditasiRusak lists every problem found, in line order."""
    pemuat = PemuatYaml(teks)
    try:
        data = pemuat.get_single_data()
    except yaml.YAMLError as galat:
        raise InstrumenAkreditasiRusak([f"{nama}: YAML tidak sah: {galat}"]) from None
    finally:
        pemuat.dispose()
    for baris, kunci in pemuat.ganda:
        pembaca.catat(baris, f"kunci '{kunci}' muncul dua kali")
    try:
        hasil = pembaca.bangun(data)
    except (AttributeError, KeyError, TypeError, ValueError, IndexError) as galat:
        # A part of another shape than the checks expect (a list where a mapping belongs):
        # the problems noted so far, then where the reading stopped; never a traceback.
        urut = sorted(pembaca.masalah, key=lambda m: m[0])
        raise InstrumenAkreditasiRusak(
            [f"{nama} baris {b}: {p}" for b, p in urut]
            + [f"{nama}: ada bagian yang bentuknya tidak dikenali ({galat}); pemeriksaan berhenti"]
        ) from None
    if pembaca.masalah or hasil is None:
        urut = sorted(pembaca.masalah, key=lambda m: m[0])
        raise InstrumenAkreditasiRusak([f"{nama} baris {b}: {p}" for b, p in urut])
    return hasil
