"""Pure rules of the progress summaries: when a stage is late, how a plan stands, what needs
attention first, and what to do next.

A `Hal` is one line of a summary: a label key of `templat/label.yaml` (under `ringkasan.`)
and its values, so the words stay in the templates."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from bot.mutu.instrumen import Instrumen, Kategori
from bot.mutu.skor import PetaMutu, bulat

# When each stage should be done within a school year "2026/2027": (year offset, month, day).
# The domain reference (3.3) gives this as a suggested default, our inference, not a rule:
# stage 1 in July-August, stage 2 by October, stages 3-4 through the year with monev at the
# end of June, stage 5 in June-July.
TENGGAT_KALENDER: dict[int, tuple[int, int, int]] = {
    1: (0, 8, 31),
    2: (0, 10, 31),
    3: (1, 6, 30),
    4: (1, 6, 30),
    5: (1, 7, 31),
}
# A cycle opened late in the year still gets this long, counted from its opening.
WAKTU_MINIMUM: dict[int, timedelta] = {
    1: timedelta(weeks=6),
    2: timedelta(weeks=12),
    3: timedelta(weeks=32),
    4: timedelta(weeks=32),
    5: timedelta(weeks=36),
}

STATUS_KEGIATAN = ("selesai", "sesuai_jadwal", "terlambat", "terkendala", "belum_mulai")

# Our convention, not an official one: an indicator is "red" when its category has one or two
# stars (Menuju SNP 1 or 2), i.e. far from the standard.
BINTANG_MERAH = 2


@dataclass(frozen=True, slots=True)
class Hal:
    """One line of a summary: a label under `ringkasan.` and its values."""

    kunci: str
    isian: dict[str, object] = field(default_factory=dict)
    bobot: int = 0  # exceptions: heavier first


def tenggat(tahun_ajaran: str, dibuka: date, tahap: int) -> date:
    """The date by which `tahap` should be done in a cycle of that school year opened on
    `dibuka`: the calendar default, or the minimum time from the opening when that is later."""
    tahun, bulan, hari = TENGGAT_KALENDER[tahap]
    kalender = date(int(tahun_ajaran[:4]) + tahun, bulan, hari)
    return max(kalender, dibuka + WAKTU_MINIMUM[tahap])


def hari_terlambat(tahun_ajaran: str, dibuka: date, tahap: int, hari: date) -> int:
    """Days past the stage's due date (0 while in time)."""
    return max(0, (hari - tenggat(tahun_ajaran, dibuka, tahap)).days)


def merah(kategori: Kategori | None) -> bool:
    """Whether a category counts as red in summaries (see BINTANG_MERAH)."""
    return (
        kategori is not None and kategori.bintang is not None and kategori.bintang <= BINTANG_MERAH
    )


def status_kegiatan(kemajuan: str, selesai: date, hari: date) -> str:
    """selesai (done), terkendala (stuck), terlambat (late), sesuai_jadwal (on track) or
    belum_mulai (not started, still in time)."""
    if kemajuan == "selesai":
        return "selesai"
    if kemajuan == "terkendala":
        return "terkendala"
    if selesai < hari:
        return "terlambat"
    return "sesuai_jadwal" if kemajuan == "berjalan" else "belum_mulai"


@dataclass(frozen=True, slots=True)
class KomitmenRingkas:
    """What a summary needs of one commitment."""

    pic_nama: str
    kegiatan: str
    selesai: date
    respons: str
    kemajuan: str


@dataclass(frozen=True, slots=True)
class Terlambat:
    """A late activity, named."""

    pic_nama: str
    kegiatan: str
    hari: int


@dataclass(frozen=True, slots=True)
class KemajuanRencana:
    """How the approved plan stands."""

    jumlah: int
    hitung: dict[str, int]
    menunggu_respons: int
    perlu_dibahas: int
    terlambat: tuple[Terlambat, ...]  # most overdue first
    terkendala: tuple[Terlambat, ...]

    @property
    def persen_selesai(self) -> float:
        """Share of activities done, 0..100."""
        return 100.0 * self.hitung["selesai"] / self.jumlah if self.jumlah else 0.0


def kemajuan_rencana(komitmen: Iterable[KomitmenRingkas], hari: date) -> KemajuanRencana:
    """Count the plan's activities by status and name the late and stuck ones."""
    semua = list(komitmen)
    status = [(k, status_kegiatan(k.kemajuan, k.selesai, hari)) for k in semua]
    hitung = Counter(s for _, s in status)
    terlambat = sorted(
        (
            Terlambat(k.pic_nama, k.kegiatan, (hari - k.selesai).days)
            for k, s in status
            if s == "terlambat"
        ),
        key=lambda t: (-t.hari, t.pic_nama, t.kegiatan),
    )
    terkendala = sorted(
        (Terlambat(k.pic_nama, k.kegiatan, 0) for k, s in status if s == "terkendala"),
        key=lambda t: (t.pic_nama, t.kegiatan),
    )
    return KemajuanRencana(
        jumlah=len(semua),
        hitung={s: hitung.get(s, 0) for s in STATUS_KEGIATAN},
        menunggu_respons=sum(1 for k in semua if k.respons == "menunggu"),
        perlu_dibahas=sum(1 for k in semua if k.respons == "perlu_dibahas"),
        terlambat=tuple(terlambat),
        terkendala=tuple(terkendala),
    )


@dataclass(frozen=True, slots=True)
class Keadaan:
    """Where a school's cycle stands, as far as the summary rules need to know."""

    tahap: int
    terlambat_hari: int
    pemetaan_dibuka: bool
    belum_menjawab: int  # members who have not started the questionnaire (stage 1)
    sudah_menjawab_semua: bool
    rencana: str  # tidak_ada, draf, disetujui
    kemajuan: KemajuanRencana | None
    program_belum_dievaluasi: int
    indikator_merah: int


def pengecualian(k: Keadaan) -> list[Hal]:
    """What needs attention, heaviest first: a late stage, late or stuck activities, answers
    to a new commitment still missing or disputed, red indicators."""
    hal: list[Hal] = []
    if k.terlambat_hari:
        hal.append(Hal("tahap_terlambat", {"tahap": k.tahap, "hari": k.terlambat_hari}, 50))
    m = k.kemajuan
    if m is not None:
        if m.terlambat:
            hal.append(Hal("kegiatan_terlambat", {"jumlah": len(m.terlambat)}, 40))
        if m.terkendala:
            hal.append(Hal("kegiatan_terkendala", {"jumlah": len(m.terkendala)}, 35))
        if m.perlu_dibahas:
            hal.append(Hal("perlu_dibahas", {"jumlah": m.perlu_dibahas}, 30))
        if m.menunggu_respons:
            hal.append(Hal("menunggu_respons", {"jumlah": m.menunggu_respons}, 20))
    if k.indikator_merah:
        hal.append(Hal("indikator_merah", {"jumlah": k.indikator_merah}, 10))
    return sorted(hal, key=lambda h: -h.bobot)


def bobot(hal: Iterable[Hal]) -> int:
    """How urgent a school is, for ordering many schools: its heaviest exception, then more."""
    daftar = [h.bobot for h in hal]
    return max(daftar, default=0) * 100 + len(daftar)


def saran(k: Keadaan) -> list[Hal]:
    """What to do next, most useful first (at most three)."""
    hal: list[Hal] = []
    if k.tahap == 1:
        if not k.pemetaan_dibuka:
            hal.append(Hal("buka_pemetaan"))
        elif k.sudah_menjawab_semua:
            hal.append(Hal("tutup_pemetaan"))
        else:
            if k.belum_menjawab:
                hal.append(Hal("ingatkan_responden", {"jumlah": k.belum_menjawab}))
            hal.append(Hal("pantau_pemetaan"))
    elif k.tahap == 2:
        hal.append(Hal("setujui_rencana" if k.rencana == "draf" else "susun_rencana"))
    m = k.kemajuan
    if k.tahap in (3, 4) and m is not None:
        if m.perlu_dibahas:
            hal.append(Hal("bahas_komitmen", {"jumlah": m.perlu_dibahas}))
        if m.terlambat:
            hal.append(Hal("tindak_terlambat", {"nama": m.terlambat[0].pic_nama}))
        if m.terkendala:
            hal.append(Hal("bantu_terkendala", {"jumlah": len(m.terkendala)}))
    if (
        k.tahap in (3, 4)
        and k.program_belum_dievaluasi
        and (m is None or m.jumlah == m.hitung["selesai"] or k.tahap == 4)
    ):
        hal.append(Hal("evaluasi_program", {"jumlah": k.program_belum_dievaluasi}))
    if k.tahap == 4 and not k.program_belum_dievaluasi:
        hal.append(Hal("mulai_strategi"))
    if k.tahap == 5:
        hal.append(Hal("tetapkan_standar"))
    if not hal and k.tahap == 3:
        hal.append(Hal("lanjutkan_pelaksanaan"))
    return hal[:3]


def ringkas_peta(instrumen: Instrumen, peta: PetaMutu) -> dict[str, object]:
    """The part of a quality map that summaries across schools read (kept with the cycle when
    stage 1 closes): the school score and category, each standard's score, the red indicators."""
    return {
        "skor": peta.skor_sekolah,
        "kategori": peta.kategori.nama if peta.kategori else None,
        "standar": {s.kode: s.skor for s in peta.standar},
        "merah": [
            i.kode
            for s in peta.standar
            for i in s.indikator
            if i.skor is not None and merah(instrumen.kategori_untuk(bulat(i.skor)))
        ],
    }
