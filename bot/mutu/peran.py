"""Roles and the one table of who may use which command."""

from __future__ import annotations

from enum import StrEnum


class Peran(StrEnum):
    """A member's role in one school."""

    KEPALA_SEKOLAH = "kepala_sekolah"
    KOORDINATOR = "koordinator"
    GURU = "guru"
    TENDIK = "tendik"
    PENGAWAS = "pengawas"


KS, KO, GU, TK, PG = (
    Peran.KEPALA_SEKOLAH,
    Peran.KOORDINATOR,
    Peran.GURU,
    Peran.TENDIK,
    Peran.PENGAWAS,
)
STAF = frozenset({KS, KO, GU, TK})

# Command -> roles that may use it in their active school. `None`: anyone, even without a
# school. Order is the order of /bantuan and of the command menus.
IZIN: dict[str, frozenset[Peran] | None] = {
    "start": None,
    "bantuan": None,
    "daftar": None,
    "gabung": None,
    "sekolah": None,
    "undang": frozenset({KS, KO}),
    "anggota": frozenset({KS}),
    "pemetaan": STAF,
    "lanjut": STAF,
    "lewati": STAF,
    "kembali": STAF,
    "jawaban": STAF,
    "perencanaan": frozenset({KS, KO, PG}),
    "komitmen": STAF,
    "lapor": STAF,
    "monev": frozenset({KS, KO}),
    "strategi": frozenset({KS, KO, PG}),
    "ringkasan": frozenset({KS, KO, PG}),
    "laporan": frozenset({KS, KO, PG}),
    "akreditasi": frozenset({KS, KO}),
    "rapor": frozenset({KS, KO}),
    "pengaturan": STAF,
    "hubungkan": frozenset({KS, KO}),
    # Personal data (UU PDP): everyone, with or without a school.
    "privasi": None,
    "datasaya": None,
    "hapusdata": None,
    "nama": None,
    "batal": None,
}


# The respondent group a role answers stage 1 as. The coordinator is a teacher on the TPMPS;
# a pengawas does not answer the school's questionnaire.
RESPONDEN: dict[Peran, str] = {KS: "kepala_sekolah", KO: "guru", GU: "guru", TK: "tendik"}

# Who runs a stage for the school (opens and closes it, sends answers back, nudges).
PENGELOLA = frozenset({KS, KO})

# Actions behind buttons rather than commands, checked by the same access check.
IZIN_AKSI: dict[str, frozenset[Peran]] = {
    "pemetaan_kelola": PENGELOLA,
    "rencana_susun": PENGELOLA,
    "rencana_setujui": frozenset({KS}),
    "rencana_tinjau": frozenset({PG}),
    "komitmen_verifikasi": PENGELOLA,
    "strategi_kelola": PENGELOLA,
    "strategi_tutup": frozenset({KS}),
    # Visit practice: teachers answer the interview questions sent to them.
    "akreditasi_wawancara": frozenset({KS, KO, GU}),
}

# Roles an invite may grant.
PERAN_UNDANGAN: tuple[Peran, ...] = (KO, GU, TK, PG)


def izin_untuk(perintah: str) -> frozenset[Peran] | None:
    """The roles allowed a command or a button action (None: anyone); KeyError if unknown."""
    return IZIN[perintah] if perintah in IZIN else IZIN_AKSI[perintah]


def boleh(perintah: str, peran: Peran | None) -> bool:
    """Whether a user with this role in their active school (None: no school) may run it."""
    if perintah not in IZIN and perintah not in IZIN_AKSI:
        return False
    izin = izin_untuk(perintah)
    return izin is None or (peran is not None and peran in izin)


def perintah_untuk(peran: Peran | None) -> list[str]:
    """The commands this role may use, in menu order."""
    return [p for p in IZIN if boleh(p, peran)]
