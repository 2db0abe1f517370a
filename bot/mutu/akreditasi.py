"""SPME readiness rules, pure: the level a butir counts with, component and IPR scores, the
final score (NA) and its grade, the SPMI-versus-SPME gaps, the upload checks of the
assessors' system, and splitting an evidence bundle under an upload limit.

Worked example (IASP 2020, SMP, weights of the data file: IPR 15, ML 30, PP 25, MG 15, MS 15):
  ML levels 4, 3 -> (4 + 3) / (4 x 2) x 100 = 87,5; PP 3 -> 75; MG 2 -> 50; MS 4, 4 -> 100;
  IPR 4, 3, 3 -> 10 / 12 x 100 = 83,33.
  NA = 0,15 x 83,33 + 0,30 x 87,5 + 0,25 x 75 + 0,15 x 50 + 0,15 x 100 = 80,0 -> C (71-80).

Assumptions (the real formula is unconfirmed; see the data file's `angka`):
- A component (and IPR) scores sum of levels / (4 x number of butir assessed) x 100, the IPR
  rule of BAN-S/M applied to components; butir not yet assessed are left out, and the
  estimate says how many were assessed. NA needs every component (and IPR, when it weighs)
  to have at least one assessed butir.
- A self-assessed level above `batas_tanpa_dukungan` (2) counts only with support: linked
  evidence, an answered interview question, or a class observation that saw something of the
  butir. Without it the level counts as 2: assessors need proof for more.
- Observation caps the level: the share of checklist items seen ("ya") for the butir gives
  the highest level it supports (>= 0,9 -> 4, >= 0,7 -> 3, >= 0,4 -> 2, else 1).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from bot.mutu.akreditasi_instrumen import KODE_IPR, Butir, InstrumenAkreditasi, Peringkat

# The SPMI side of the gap rule, on the stage-1 indicator score (0..7) and the category
# thresholds of db/instrumen_snp.yaml: "tinggi" is above the upper bound of Menuju SNP 3
# (so Menuju SNP 4 or SNP), "rendah" at or below the upper bound of Menuju SNP 2.
AMBANG_TINGGI = 5.06
AMBANG_RENDAH = 3.70
# The SPME side: a butir is "kuat" when it counts level 3 or 4 with support.
LEVEL_KUAT = 3

MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class KeadaanButir:
    """What the school has for one butir."""

    level: int | None = None  # self-assessed, 1..4
    jumlah_bukti: int = 0  # evidence files linked
    wawancara_terjawab: int = 0  # interview questions of this butir answered
    observasi_ya: int = 0  # checklist items feeding this butir seen in class
    observasi_total: int = 0  # checklist items feeding this butir recorded
    kurang: bool = False  # marked as missing something
    na: bool = False  # IA2024: not applicable (allowed on 1.4.4, 3.10.2, 3.11.2); not counted

    @property
    def didukung(self) -> bool:
        """Whether anything backs the self-assessment up: linked evidence, an interview
        answer, or an observation in which something of the butir was seen (an observation
        that saw nothing caps the level instead)."""
        return bool(self.jumlah_bukti or self.wawancara_terjawab or self.observasi_ya)


@dataclass(frozen=True, slots=True)
class Aturan:
    """The numbers the estimate uses, read from an instrument's `angka`."""

    bobot_komponen: Mapping[str, float]
    bobot_ipr: float
    peringkat: tuple[Peringkat, ...]
    batas_tanpa_dukungan: int
    observasi_ke_level: tuple[tuple[float, int], ...]  # (min share, level), highest first

    @classmethod
    def dari(cls, inst: InstrumenAkreditasi) -> Aturan:
        a = inst.angka
        return cls(
            bobot_komponen={k.kode: k.bobot for k in inst.komponen},
            bobot_ipr=inst.bobot_ipr,
            peringkat=inst.peringkat,
            batas_tanpa_dukungan=int(a["batas_tanpa_dukungan"].nilai),
            observasi_ke_level=tuple(
                (float(x["min"]), int(x["level"])) for x in a["observasi_ke_level"].nilai
            ),
        )


def level_observasi(aturan: Aturan, ya: int, total: int) -> int | None:
    """The highest level a class observation supports (None: not observed)."""
    if total <= 0:
        return None
    bagian = ya / total
    return next(level for batas, level in aturan.observasi_ke_level if bagian >= batas)


def level_dihitung(aturan: Aturan, k: KeadaanButir) -> int | None:
    """The level a butir counts with in the estimate (None: not self-assessed)."""
    if k.level is None or k.na:
        return None
    level = k.level
    dari_observasi = level_observasi(aturan, k.observasi_ya, k.observasi_total)
    if dari_observasi is not None:
        level = min(level, dari_observasi)
    if not k.didukung:
        level = min(level, aturan.batas_tanpa_dukungan)
    return level


def skor_kelompok(level: Iterable[int | None]) -> float | None:
    """Sum of levels / (4 x number assessed) x 100; None when nothing is assessed."""
    dinilai = [x for x in level if x is not None]
    return sum(dinilai) / (4 * len(dinilai)) * 100 if dinilai else None


def peringkat(aturan: Aturan, nilai_akhir: float) -> Peringkat:
    """The grade of a final score (bands from the data file, best first). The score is
    rounded to a whole number first: the bands are whole numbers (A 91-100, B 81-90)."""
    bulat = int(nilai_akhir + 0.5)
    return next(p for p in aturan.peringkat if bulat >= p.min)


@dataclass(frozen=True, slots=True)
class HasilKelompok:
    """A component's (or the IPR part's) score and how much of it is assessed."""

    kode: str
    nama: str
    bobot: float
    skor: float | None
    dinilai: int
    jumlah: int


@dataclass(frozen=True, slots=True)
class Kesiapan:
    """The readiness estimate."""

    komponen: tuple[HasilKelompok, ...]
    ipr: HasilKelompok | None  # None when the instrument has no IPR part for the level
    nilai_akhir: float | None
    peringkat: Peringkat | None
    level: Mapping[str, int | None]  # butir -> the level it counts with

    @property
    def dinilai(self) -> int:
        return sum(k.dinilai for k in self.kelompok)

    @property
    def jumlah(self) -> int:
        return sum(k.jumlah for k in self.kelompok)

    @property
    def kelompok(self) -> tuple[HasilKelompok, ...]:
        return self.komponen + ((self.ipr,) if self.ipr else ())


def hitung(
    inst: InstrumenAkreditasi, jenjang: str, keadaan: Mapping[str, KeadaanButir]
) -> Kesiapan:
    """The estimate per component, IPR and overall, by the instrument's rules."""
    aturan = Aturan.dari(inst)
    kosong = KeadaanButir()
    level = {
        b.kode: level_dihitung(aturan, keadaan.get(b.kode, kosong))
        for b in inst.semua_butir(jenjang)
    }

    def kelompok(kode: str, nama: str, bobot: float, butir: Sequence[Butir]) -> HasilKelompok:
        nilai = [level[b.kode] for b in butir]
        # No score where the official aggregation is not known (IA2024).
        skor = skor_kelompok(nilai) if inst.agregasi_diketahui else None
        return HasilKelompok(kode, nama, bobot, skor, sum(x is not None for x in nilai), len(butir))

    kinerja = inst.butir_kinerja(jenjang)
    komponen = tuple(
        kelompok(k.kode, k.nama, k.bobot, [b for b in kinerja if b.komponen == k.kode])
        for k in inst.komponen
    )
    butir_ipr = inst.butir_ipr(jenjang)
    ipr = kelompok(KODE_IPR, KODE_IPR, aturan.bobot_ipr, butir_ipr) if butir_ipr else None
    berbobot = [k for k in (*komponen, *((ipr,) if ipr else ())) if k.bobot > 0]
    na: float | None = None
    if inst.agregasi_diketahui and berbobot and all(k.skor is not None for k in berbobot):
        na = sum(k.bobot * (k.skor or 0) for k in berbobot) / sum(k.bobot for k in berbobot)
    return Kesiapan(komponen, ipr, na, peringkat(aturan, na) if na is not None else None, level)


def tingkat_spmi(skor: float | None) -> str | None:
    """'tinggi', 'rendah' or 'sedang' for a stage-1 indicator score; None without a score."""
    if skor is None:
        return None
    if skor > AMBANG_TINGGI:
        return "tinggi"
    return "rendah" if skor <= AMBANG_RENDAH else "sedang"


@dataclass(frozen=True, slots=True)
class Kesenjangan:
    """A disagreement between the SPMI self-evaluation and the SPME evidence.

    jenis: 'tinggi_tanpa_bukti' (the indicator is rated high, the butir has no support) or
    'rendah_tapi_kuat' (the indicator is rated low, the butir counts level 3-4 with support).
    """

    jenis: str
    indikator: str
    skor: float
    butir: str
    level: int | None


def kesenjangan(
    inst: InstrumenAkreditasi,
    jenjang: str,
    skor_indikator: Mapping[str, float | None],
    keadaan: Mapping[str, KeadaanButir],
) -> list[Kesenjangan]:
    """Every crosswalked (indicator, butir) pair where the two sides disagree."""
    aturan = Aturan.dari(inst)
    kosong = KeadaanButir()
    hasil = []
    for b in inst.semua_butir(jenjang):
        k = keadaan.get(b.kode, kosong)
        level = level_dihitung(aturan, k)
        for kode in b.snp:
            skor = skor_indikator.get(kode)
            tingkat = tingkat_spmi(skor)
            if skor is None or tingkat is None:
                continue
            if tingkat == "tinggi" and not k.didukung:
                hasil.append(Kesenjangan("tinggi_tanpa_bukti", kode, skor, b.kode, level))
            elif tingkat == "rendah" and k.didukung and level is not None and level >= LEVEL_KUAT:
                hasil.append(Kesenjangan("rendah_tapi_kuat", kode, skor, b.kode, level))
    return hasil


# -------------------------------------------------------------------- upload checks
JENIS_MIME = {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png"}


def periksa_unggah(mime: str, ukuran: int, jenis: Sequence[str], maks_mb: float) -> list[str]:
    """What the assessors' system would refuse in a file: 'jenis_salah', 'terlalu_besar'."""
    masalah = []
    if JENIS_MIME.get(mime) not in jenis:
        masalah.append("jenis_salah")
    if ukuran > maks_mb * MB:
        masalah.append("terlalu_besar")
    return masalah


# -------------------------------------------------------------------- bundle parts
def bagi_bagian(
    ukuran: Sequence[int], batas: int, cadangan: int = 0
) -> tuple[list[list[int]], list[int]]:
    """Split files (by size, in order) into parts each under `batas` bytes, keeping
    `cadangan` bytes per part for its index and the ZIP's own records. Returns the parts
    (lists of indexes) and the files too big for any part (left out)."""
    ruang = batas - cadangan
    bagian: list[list[int]] = []
    isi: list[int] = []
    tertinggal = []
    for i, u in enumerate(ukuran):
        if u > ruang:
            tertinggal.append(i)
            continue
        if not bagian or isi[-1] + u > ruang:
            bagian.append([])
            isi.append(0)
        bagian[-1].append(i)
        isi[-1] += u
    return bagian, tertinggal


# -------------------------------------------------------------------- IA2024: readiness, no grade
@dataclass(frozen=True, slots=True)
class Hitungan:
    """Counts of a group of indicators (a butir, a component, the whole instrument).
    N/A indicators are not counted in `jumlah`: they do not count."""

    jumlah: int  # indicators that count (N/A left out)
    dinilai: int  # of those, with a level
    na: int
    per_level: tuple[int, int, int, int]  # how many at Kurang .. Sangat Baik
    didukung: int  # assessed and backed by evidence, an observation or an interview answer

    @property
    def lengkap(self) -> bool:
        return self.dinilai == self.jumlah


def hitungan(keadaan: Iterable[KeadaanButir]) -> Hitungan:
    """The counts of a group of indicators (pure)."""
    daftar = list(keadaan)
    na = [k for k in daftar if k.na]
    berlaku = [k for k in daftar if not k.na]
    dinilai = [k for k in berlaku if k.level is not None]
    per = [0, 0, 0, 0]
    for k in dinilai:
        per[(k.level or 1) - 1] += 1
    return Hitungan(
        jumlah=len(berlaku),
        dinilai=len(dinilai),
        na=len(na),
        per_level=(per[0], per[1], per[2], per[3]),
        didukung=sum(1 for k in dinilai if k.didukung),
    )


@dataclass(frozen=True, slots=True)
class Celah:
    """A gap in IA2024 readiness.

    jenis: 'tanpa_dukungan' (level Baik or Sangat Baik with no evidence, observation or
    interview answer), 'rp_bertentangan' (an imported Rapor Pendidikan label of a crosswalked
    indicator contradicts the level: label kurang beside Baik/Sangat Baik, or label baik beside
    Kurang)."""

    jenis: str
    indikator: str
    level: int
    rp: str | None = None
    label: str | None = None


def celah_ia2024(
    inst: InstrumenAkreditasi,
    keadaan: Mapping[str, KeadaanButir],
    label_rp: Mapping[str, str],
) -> list[Celah]:
    """Every gap, in instrument order (pure). `label_rp`: Rapor Pendidikan code -> label
    ('baik', 'sedang', 'kurang', 'tidak_tersedia') of the school's latest import."""
    hasil = []
    for b in inst.inti:
        k = keadaan.get(b.kode)
        if k is None or k.na or k.level is None:
            continue
        if k.level >= LEVEL_KUAT and not k.didukung:
            hasil.append(Celah("tanpa_dukungan", b.kode, k.level))
        for kode in b.rp:
            label = label_rp.get(kode)
            if (label == "kurang" and k.level >= LEVEL_KUAT) or (label == "baik" and k.level == 1):
                hasil.append(Celah("rp_bertentangan", b.kode, k.level, kode, label))
    return hasil


@dataclass(frozen=True, slots=True)
class BahanDka:
    """What the school has for one indicator, for the DKA draft."""

    kode: str
    teks: str
    level: int | None
    na: bool
    bukti: tuple[str, ...] = ()  # names of linked evidence files
    rp: tuple[tuple[str, str, str], ...] = ()  # (code, name, label) of matching RP indicators
    kegiatan: tuple[tuple[str, str | None], ...] = ()  # (plan activity, its latest report)
