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

    def bangun(self, data: Any) -> InstrumenAkreditasi | None:  # noqa: C901, PLR0912, PLR0915
        if not isinstance(data, PetaBaris):
            self.catat(1, "berkas harus berupa pemetaan dengan meta, komponen, butir, indikator")
            return None
        for kunci in ("meta", "komponen", "butir", "indikator", "asisten_mutu"):
            if kunci not in data:
                self.catat(1, f"'{kunci}' wajib ada")
        if self.masalah:
            return None
        meta, kami = data["meta"], data["asisten_mutu"]
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
        dka_prompt = str((meta.get("dka") or {}).get("prompt") or "")

        komponen: list[Komponen] = []
        butir_komponen: dict[str, str] = {}
        for k in data["komponen"] or ():
            kb = _baris(k, 1)
            if not isinstance(k, dict) or not k.get("nama") or k.get("nomor") is None:
                self.catat(kb, "komponen: nomor dan nama wajib ada")
                continue
            komponen.append(Komponen(str(k["nomor"]), str(k["nama"]), 0.0))
            for b in k.get("butir") or ():
                butir_komponen[str(b)] = str(k["nomor"])
        if len(komponen) != JUMLAH["komponen"]:
            self.catat(_baris(data["komponen"], 1), f"ada {len(komponen)} komponen, harus 3")

        kelompok: list[KelompokButir] = []
        for b in data["butir"] or ():
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
            self.catat(_baris(data["butir"], 1), f"ada {len(kelompok)} butir, harus 14")

        silang = kami.get("silang") or {}
        silang_butir = {str(k): v for k, v in (silang.get("butir") or {}).items()}
        silang_ind = {str(k): v for k, v in (silang.get("indikator") or {}).items()}
        indikator: list[Butir] = []
        for i in data["indikator"] or ():
            ib = _baris(i, 1)
            if not isinstance(i, dict) or not i.get("kode") or not i.get("teks"):
                self.catat(ib, "indikator: kode dan teks wajib ada")
                continue
            kode, nomor = str(i["kode"]), str(i.get("butir"))
            apa = f"indikator {kode}"
            if not kode.startswith(f"{i.get('komponen')}.{nomor}."):
                self.catat(ib, f"{apa}: kode tidak cocok dengan komponen {i.get('komponen')}")
            rubrik: tuple[str, ...] = ()
            konteks: tuple[tuple[str, tuple[str, ...]], ...] = ()
            if i.get("kontekstual"):
                rk = i.get("rubrik_konteks") or {}
                pasangan = []
                for nama in KONTEKS:
                    r = _rubrik(rk.get(nama))
                    if r is None:
                        self.catat(ib, f"{apa}: rubrik_konteks.{nama} harus 4 level (1-4)")
                    else:
                        pasangan.append((nama, r))
                konteks = tuple(pasangan)
            else:
                r = _rubrik(i.get("rubrik"))
                if r is None:
                    self.catat(ib, f"{apa}: rubrik harus 4 level (1-4)")
                rubrik = r or ()
            na_syarat = i.get("na_syarat")
            if bool(i.get("na_boleh")) != (kode in NA_RESMI):
                self.catat(ib, f"{apa}: N/A hanya boleh untuk {', '.join(NA_RESMI)}")
            if i.get("na_boleh") and not na_syarat:
                self.catat(ib, f"{apa}: na_boleh tanpa na_syarat")
            if i.get("kontekstual") and i.get("na_boleh"):
                self.catat(ib, f"{apa}: indikator kontekstual tidak boleh N/A")
            peta = silang_ind.get(kode) or silang_butir.get(nomor) or {}
            snp = tuple(str(s) for s in peta.get("snp") or ())
            rp = tuple(str(s) for s in peta.get("rp") or ())
            if self.kode_snp is not None:
                for s in snp:
                    if s not in self.kode_snp:
                        self.catat(
                            ib, f"{apa}: indikator SNP '{s}' tidak ada di instrumen pemetaan"
                        )
            for s in rp:
                if not POLA_RP.match(s):
                    self.catat(ib, f"{apa}: kode Rapor Pendidikan '{s}' tidak sah")
            indikator.append(
                Butir(
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
            )
        kode_ind = [b.kode for b in indikator]
        if len(kode_ind) != JUMLAH["indikator"] or len(set(kode_ind)) != len(kode_ind):
            self.catat(_baris(data["indikator"], 1), f"ada {len(kode_ind)} indikator, harus 45")
        for k in kelompok:
            milik = tuple(b.kode for b in indikator if b.kelompok == k.nomor)
            if milik != k.indikator:
                self.catat(1, f"butir {k.nomor}: daftar indikator tidak sama dengan isi indikator")
        for kode in (*silang_ind, *silang_butir):
            if kode not in kode_ind and kode not in {k.nomor for k in kelompok}:
                self.catat(_baris(silang, 1), f"silang: '{kode}' tidak ada")

        # Visit practice (ours): interview questions and the observation checklist.
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
        indikator = [_ganti(b, wawancara=tuple(wawancara.get(b.kode, ()))) for b in indikator]
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
        dok = kami.get("dokumen") or {}
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
        fmt = dok.get("format_berkas") or {}
        if not fmt.get("jenis") or not isinstance(fmt.get("maks_mb"), int | float):
            self.catat(_baris(dok, 1), "dokumen.format_berkas: jenis dan maks_mb wajib ada")
        batas = kami.get("batas_tanpa_dukungan")
        if not isinstance(batas, int) or not 1 <= batas <= 4:
            self.catat(_baris(kami, 1), "asisten_mutu.batas_tanpa_dukungan harus 1-4")
        if self.masalah:
            return None
        sumber_kami = str(kami.get("source") or "Asisten Mutu")
        angka = {
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
        hukum = meta.get("dasar_hukum") or {}
        return InstrumenAkreditasi(
            kode=str(kami.get("kode") or "ia2024"),
            nama=str(kami.get("nama") or "IA2024"),
            nama_lengkap=str(meta.get("nama") or ""),
            dasar=f"{hukum.get('instrumen', '')}; {hukum.get('akreditasi', '')}",
            source=str(((meta.get("sumber") or {}).get("seeder") or {}).get("judul") or ""),
            confirmed=True,
            catatan=str((meta.get("agregasi_skor") or {}).get("catatan") or ""),
            angka=angka,
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


def _ganti(b: Butir, **ubah: Any) -> Butir:
    return replace(b, **ubah)


def muat_ia2024(
    teks: str, nama: str = "akreditasi_ia2024", kode_snp: frozenset[str] | None = None
) -> InstrumenAkreditasi:
    """IA2024 from YAML text; InstrumenAkreditasiRusak lists every problem found."""
    return bangun_dari_yaml(_Pembaca(kode_snp), teks, nama)
