"""IA2024 (BAN-PDM, Kepmendikbudristek 246/O/2024) as typed data: 3 components, 14 butir, 45
indicators with their four-level rubrics, read from `db/akreditasi_ia2024.yaml` (the reference
data of `../shared/domain/ia2024/`, verbatim) plus our own block `asisten_mutu` (crosswalk,
visit practice, documents). Every problem is named with its line.

The scored item of the generic model (`Butir` of bot/mutu/akreditasi_instrumen.py) is the
indicator here; `InstrumenAkreditasi.kelompok` holds the 14 butir. No grade: the aggregation of
levels into a status is not known (`agregasi_diketahui` False), so no weights and no bands.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from bot.mutu.akreditasi_instrumen import (
    PERAN_WAWANCARA,
    Angka,
    Butir,
    DokumenWajib,
    InstrumenAkreditasi,
    ItemObservasi,
    KelompokButir,
    Komponen,
    PertanyaanWawancara,
    bangun_dari_yaml,
)
from bot.mutu.instrumen_muat import PetaBaris

JUMLAH = {"komponen": 3, "butir": 14, "indikator": 45}
NA_RESMI = ("1.4.4", "3.10.2", "3.11.2")
KONTEKS = ("heterogen", "homogen")
POLA_RP = re.compile(r"^[A-E]\.\d+$")
# Class-observation share -> the highest level it supports (our rule, as for IASP 2020).
OBSERVASI_KE_LEVEL = [
    {"min": 0.9, "level": 4},
    {"min": 0.7, "level": 3},
    {"min": 0.4, "level": 2},
    {"min": 0, "level": 1},
]


def _baris(nilai: Any, cadangan: int) -> int:
    return nilai.baris if isinstance(nilai, PetaBaris) else cadangan


def _rubrik(isi: Any) -> tuple[str, ...] | None:
    """The four level texts (1..4) of a rubric mapping, or None when not exactly 1..4."""
    if not isinstance(isi, dict) or sorted(isi) != [1, 2, 3, 4]:
        return None
    if not all(isinstance(isi[n], str) and isi[n].strip() for n in (1, 2, 3, 4)):
        return None
    return tuple(str(isi[n]) for n in (1, 2, 3, 4))


class _Pembaca:
    def __init__(self, kode_snp: frozenset[str] | None) -> None:
        self.kode_snp = kode_snp
        self.masalah: list[tuple[int, str]] = []

    def catat(self, baris: int, pesan: str) -> None:
        self.masalah.append((baris, pesan))

    def bangun(self, data: Any) -> InstrumenAkreditasi | None:
        """The instrument, or None when a problem was noted (each with its line)."""
        if not self.kerangka(data):
            return None
        meta, kami = data["meta"], data["asisten_mutu"]
        tingkat, dka_prompt = self.meta(meta)
        komponen, butir_komponen = self.komponen(data["komponen"])
        kelompok = self.kelompok(data["butir"], butir_komponen, dka_prompt)
        silang = kami.get("silang") or {}
        silang_butir = {str(k): v for k, v in (silang.get("butir") or {}).items()}
        silang_ind = {str(k): v for k, v in (silang.get("indikator") or {}).items()}
        indikator = self.daftar_indikator(data["indikator"], silang_ind, silang_butir)
        kode_ind = [b.kode for b in indikator]
        self.periksa_indikator(data["indikator"], kode_ind, kelompok, indikator)
        self.periksa_silang(silang, (*silang_ind, *silang_butir), kode_ind, kelompok)
        indikator = self.wawancara(kami, kode_ind, indikator)
        observasi = self.observasi(kami, kode_ind)
        dok = kami.get("dokumen") or {}
        dokumen = self.dokumen(dok)
        fmt = dok.get("format_berkas") or {}
        if not fmt.get("jenis") or not isinstance(fmt.get("maks_mb"), int | float):
            self.catat(_baris(dok, 1), "dokumen.format_berkas: jenis dan maks_mb wajib ada")
        batas = kami.get("batas_tanpa_dukungan")
        if not isinstance(batas, int) or not 1 <= batas <= 4:
            self.catat(_baris(kami, 1), "asisten_mutu.batas_tanpa_dukungan harus 1-4")
        if self.masalah:
            return None
        hukum = meta.get("dasar_hukum") or {}
        return InstrumenAkreditasi(
            kode=str(kami.get("kode") or "ia2024"),
            nama=str(kami.get("nama") or "IA2024"),
            nama_lengkap=str(meta.get("nama") or ""),
            dasar=f"{hukum.get('instrumen', '')}; {hukum.get('akreditasi', '')}",
            source=str(((meta.get("sumber") or {}).get("seeder") or {}).get("judul") or ""),
            confirmed=True,
            catatan=str((meta.get("agregasi_skor") or {}).get("catatan") or ""),
            angka=_angka(meta, batas, str(kami.get("source") or "Asisten Mutu")),
            komponen=tuple(komponen),
            inti=tuple(indikator),
            kekhususan={},
            ipr={},
            observasi=tuple(observasi),
            dokumen=tuple(dokumen),
            format_jenis=tuple(str(j) for j in fmt.get("jenis") or ()),
            format_maks_mb=float(fmt.get("maks_mb") or 0),
            rubrik_umum=(),
            kelompok=tuple(kelompok),
            agregasi_diketahui=False,
            tingkat=tingkat,
            silang_catatan=silang.get("catatan"),
        )

    # ------------------------------------------------------------------ parts
    def kerangka(self, data: Any) -> bool:
        """Whether the file is a mapping with every top-level block."""
        if not isinstance(data, PetaBaris):
            self.catat(1, "berkas harus berupa pemetaan dengan meta, komponen, butir, indikator")
            return False
        for kunci in ("meta", "komponen", "butir", "indikator", "asisten_mutu"):
            if kunci not in data:
                self.catat(1, f"'{kunci}' wajib ada")
        return not self.masalah

    def meta(self, meta: Any) -> tuple[tuple[str, ...], str]:
        """The level labels (lowest first) and the default DKA prompt; checks the counts,
        the 1-4 scale and that the aggregation is marked unknown."""
        jumlah = (meta.get("jumlah") or {}) if isinstance(meta, dict) else {}
        for kunci, harus in JUMLAH.items():
            if jumlah.get(kunci) != harus:
                self.catat(_baris(meta, 1), f"meta.jumlah.{kunci} harus {harus}")
        skala = ((meta.get("tingkat_rubrik") or {}).get("skala")) or []
        tingkat = tuple(str(s.get("label")) for s in skala if isinstance(s, dict))
        if [s.get("skor") for s in skala if isinstance(s, dict)] != [1, 2, 3, 4]:
            self.catat(_baris(meta, 1), "meta.tingkat_rubrik.skala harus skor 1-4")
        agregasi = (meta.get("agregasi_skor") or {}).get("diketahui")
        if agregasi is not False:
            self.catat(
                _baris(meta, 1), "meta.agregasi_skor.diketahui harus false (belum ada sumber)"
            )
        return tingkat, str((meta.get("dka") or {}).get("prompt") or "")

    def komponen(self, daftar: Any) -> tuple[list[Komponen], dict[str, str]]:
        """The components, and each butir's component number."""
        komponen: list[Komponen] = []
        butir_komponen: dict[str, str] = {}
        for k in daftar or ():
            kb = _baris(k, 1)
            if not isinstance(k, dict) or not k.get("nama") or k.get("nomor") is None:
                self.catat(kb, "komponen: nomor dan nama wajib ada")
                continue
            komponen.append(Komponen(str(k["nomor"]), str(k["nama"]), 0.0))
            for b in k.get("butir") or ():
                butir_komponen[str(b)] = str(k["nomor"])
        if len(komponen) != JUMLAH["komponen"]:
            self.catat(_baris(daftar, 1), f"ada {len(komponen)} komponen, harus 3")
        return komponen, butir_komponen

    def kelompok(
        self, daftar: Any, butir_komponen: dict[str, str], dka_prompt: str
    ) -> list[KelompokButir]:
        """The 14 butir, each in the component that lists it."""
        kelompok: list[KelompokButir] = []
        for b in daftar or ():
            bb = _baris(b, 1)
            if not isinstance(b, dict) or b.get("nomor") is None or not b.get("teks"):
                self.catat(bb, "butir: nomor dan teks wajib ada")
                continue
            nomor = str(b["nomor"])
            if butir_komponen.get(nomor) != str(b.get("komponen")):
                self.catat(bb, f"butir {nomor}: komponen tidak sama dengan daftar komponen")
            kelompok.append(
                KelompokButir(
                    nomor,
                    str(b.get("komponen")),
                    str(b["teks"]),
                    str(b.get("dka_prompt") or dka_prompt),
                    tuple(str(i) for i in b.get("indikator") or ()),
                    bool(b.get("confirmed", True)),
                )
            )
        if len(kelompok) != JUMLAH["butir"]:
            self.catat(_baris(daftar, 1), f"ada {len(kelompok)} butir, harus 14")
        return kelompok

    def daftar_indikator(
        self, daftar: Any, silang_ind: dict[str, Any], silang_butir: dict[str, Any]
    ) -> list[Butir]:
        """The 45 indicators that read without a missing code or text."""
        indikator: list[Butir] = []
        for i in daftar or ():
            b = self.indikator(i, silang_ind, silang_butir)
            if b is not None:
                indikator.append(b)
        return indikator

    def indikator(
        self, i: Any, silang_ind: dict[str, Any], silang_butir: dict[str, Any]
    ) -> Butir | None:
        """One indicator with its rubric(s), N/A condition and crosswalk, or None."""
        ib = _baris(i, 1)
        if not isinstance(i, dict) or not i.get("kode") or not i.get("teks"):
            self.catat(ib, "indikator: kode dan teks wajib ada")
            return None
        kode, nomor = str(i["kode"]), str(i.get("butir"))
        apa = f"indikator {kode}"
        if not kode.startswith(f"{i.get('komponen')}.{nomor}."):
            self.catat(ib, f"{apa}: kode tidak cocok dengan komponen {i.get('komponen')}")
        rubrik, konteks = self.rubrik_indikator(i, ib, apa)
        na_syarat = self.periksa_na(i, kode, ib, apa)
        peta = silang_ind.get(kode) or silang_butir.get(nomor) or {}
        snp, rp = self.silang_indikator(peta, ib, apa)
        return Butir(
            kode=kode,
            teks=" ".join(str(i["teks"]).split()),
            komponen=str(i.get("komponen")),
            jenis="inti",
            source=str(i.get("sumber") or "satu sumber"),
            confirmed=bool(i.get("confirmed")),
            bukti_contoh=tuple(str(x) for x in i.get("bukti") or ()),
            snp=snp,
            rubrik=rubrik,
            kelompok=nomor,
            definisi=i.get("definisi"),
            na_syarat=str(na_syarat) if i.get("na_boleh") and na_syarat else None,
            rubrik_konteks=konteks,
            rp=rp,
            teks_dipulihkan=bool(i.get("teks_dipulihkan")),
        )

    def rubrik_indikator(
        self, i: dict[str, Any], ib: int, apa: str
    ) -> tuple[tuple[str, ...], tuple[tuple[str, tuple[str, ...]], ...]]:
        """The rubric, or for a contextual indicator the rubric of each context."""
        if not i.get("kontekstual"):
            r = _rubrik(i.get("rubrik"))
            if r is None:
                self.catat(ib, f"{apa}: rubrik harus 4 level (1-4)")
            return r or (), ()
        rk = i.get("rubrik_konteks") or {}
        pasangan = []
        for nama in KONTEKS:
            r = _rubrik(rk.get(nama))
            if r is None:
                self.catat(ib, f"{apa}: rubrik_konteks.{nama} harus 4 level (1-4)")
            else:
                pasangan.append((nama, r))
        return (), tuple(pasangan)

    def periksa_na(self, i: dict[str, Any], kode: str, ib: int, apa: str) -> Any:
        """The N/A condition as written; N/A only where the instrument allows it."""
        na_syarat = i.get("na_syarat")
        if bool(i.get("na_boleh")) != (kode in NA_RESMI):
            self.catat(ib, f"{apa}: N/A hanya boleh untuk {', '.join(NA_RESMI)}")
        if i.get("na_boleh") and not na_syarat:
            self.catat(ib, f"{apa}: na_boleh tanpa na_syarat")
        if i.get("kontekstual") and i.get("na_boleh"):
            self.catat(ib, f"{apa}: indikator kontekstual tidak boleh N/A")
        return na_syarat

    def silang_indikator(
        self, peta: Any, ib: int, apa: str
    ) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The SNP indicators and Rapor Pendidikan codes an indicator crosswalks to."""
        snp = tuple(str(s) for s in peta.get("snp") or ())
        rp = tuple(str(s) for s in peta.get("rp") or ())
        if self.kode_snp is not None:
            for s in snp:
                if s not in self.kode_snp:
                    self.catat(ib, f"{apa}: indikator SNP '{s}' tidak ada di instrumen pemetaan")
        for s in rp:
            if not POLA_RP.match(s):
                self.catat(ib, f"{apa}: kode Rapor Pendidikan '{s}' tidak sah")
        return snp, rp

    def periksa_indikator(
        self,
        daftar: Any,
        kode_ind: list[str],
        kelompok: list[KelompokButir],
        indikator: list[Butir],
    ) -> None:
        """45 distinct indicators, each butir listing exactly its own."""
        if len(kode_ind) != JUMLAH["indikator"] or len(set(kode_ind)) != len(kode_ind):
            self.catat(_baris(daftar, 1), f"ada {len(kode_ind)} indikator, harus 45")
        for k in kelompok:
            milik = tuple(b.kode for b in indikator if b.kelompok == k.nomor)
            if milik != k.indikator:
                self.catat(1, f"butir {k.nomor}: daftar indikator tidak sama dengan isi indikator")

    def periksa_silang(
        self,
        silang: Any,
        kode_silang: tuple[str, ...],
        kode_ind: list[str],
        kelompok: list[KelompokButir],
    ) -> None:
        """Every crosswalk entry names an indicator or a butir."""
        for kode in kode_silang:
            if kode not in kode_ind and kode not in {k.nomor for k in kelompok}:
                self.catat(_baris(silang, 1), f"silang: '{kode}' tidak ada")

    # Visit practice (ours): interview questions and the observation checklist.
    def wawancara(self, kami: Any, kode_ind: list[str], indikator: list[Butir]) -> list[Butir]:
        """The indicators with their interview questions."""
        wawancara: dict[str, list[PertanyaanWawancara]] = {}
        for w in kami.get("wawancara") or ():
            wb = _baris(w, _baris(kami, 1))
            kode = str(w.get("indikator"))
            if not w.get("kode") or not w.get("teks") or w.get("peran") not in PERAN_WAWANCARA:
                self.catat(wb, "wawancara: kode, teks dan peran (kepala_sekolah/guru) wajib ada")
            elif kode not in kode_ind:
                self.catat(wb, f"wawancara {w.get('kode')}: indikator '{kode}' tidak ada")
            else:
                p = PertanyaanWawancara(str(w["kode"]), str(w["peran"]), str(w["teks"]), kode)
                wawancara.setdefault(kode, []).append(p)
        return [_ganti(b, wawancara=tuple(wawancara.get(b.kode, ()))) for b in indikator]

    def observasi(self, kami: Any, kode_ind: list[str]) -> list[ItemObservasi]:
        """The class-visit checklist, each line naming indicators that exist."""
        observasi = []
        for o in kami.get("observasi") or ():
            ob = _baris(o, _baris(kami, 1))
            sasaran = tuple(str(x) for x in o.get("indikator") or ())
            if not o.get("kode") or not o.get("teks") or not sasaran:
                self.catat(ob, "observasi: kode, teks dan indikator wajib ada")
                continue
            for x in sasaran:
                if x not in kode_ind:
                    self.catat(ob, f"observasi {o['kode']}: indikator '{x}' tidak ada")
            observasi.append(ItemObservasi(str(o["kode"]), str(o["teks"]), sasaran))
        return observasi

    def dokumen(self, dok: Any) -> list[DokumenWajib]:
        """The documents uploaded before the visit."""
        dokumen = []
        for d in dok.get("butir") or ():
            if not d.get("kode") or not d.get("nama"):
                self.catat(_baris(d, 1), "dokumen: kode dan nama wajib ada")
                continue
            dokumen.append(
                DokumenWajib(
                    str(d["kode"]),
                    str(d["nama"]),
                    tuple(str(s) for s in d.get("snp") or ()),
                    bool(d.get("tautan")),
                    d.get("catatan"),
                )
            )
        return dokumen


def _angka(meta: Any, batas: int, sumber_kami: str) -> dict[str, Angka]:
    """The instrument's numbers with their sources; the aggregation is not known."""
    return {
        "level": Angka((1, 4), "meta.tingkat_rubrik", True),
        "jumlah": Angka(dict(JUMLAH), "meta.jumlah", True),
        "agregasi": Angka(
            None,
            "tidak ditemukan di sumber mana pun",
            False,
            str((meta.get("agregasi_skor") or {}).get("catatan") or ""),
        ),
        "batas_tanpa_dukungan": Angka(batas, sumber_kami, False),
        "observasi_ke_level": Angka(OBSERVASI_KE_LEVEL, sumber_kami, False),
    }


def _ganti(b: Butir, **ubah: Any) -> Butir:
    return replace(b, **ubah)


def muat_ia2024(
    teks: str, nama: str = "akreditasi_ia2024", kode_snp: frozenset[str] | None = None
) -> InstrumenAkreditasi:
    """IA2024 from YAML text; InstrumenAkreditasiRusak lists every problem found."""
    return bangun_dari_yaml(_Pembaca(kode_snp), teks, nama)
