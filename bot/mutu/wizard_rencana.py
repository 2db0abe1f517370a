"""The /perencanaan wizard as data (pure, no I/O): its steps, a typed draft, and one function
that, given the draft and what the user did (typed text or a button), says what comes next.

The conversation (percakapan/perencanaan.py) keeps the rendering and the I/O: it reads the
draft, calls `langkah`, and carries out the result: ask the next question (`Lanjut`), say what
was wrong and ask again (`Salah`), or store something through a use-case and then go on
(`Simpan*`). The draft is stored as plain JSON in the same shape as before this module, so a
wizard left half-way before an update continues after it."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum
from typing import Any

from bot.mutu import bahasa, pbd
from bot.mutu.angka import baca_angka

MAKS_TEKS = 500


class Langkah(StrEnum):
    """Where the wizard waits."""

    AKAR_KODE = "akar_kode"  # Refleksi (PBD): a suggested root-cause indicator, by button
    AKAR_KATEGORI = "akar_kategori"  # the coarse category of the root cause, by button
    AKAR_TEKS = "akar_teks"
    PROGRAM = "program"
    K_DESKRIPSI = "k_deskripsi"
    K_PIC = "k_pic"
    K_MULAI = "k_mulai"
    K_MULAI_OK = "k_mulai_ok"
    K_SELESAI = "k_selesai"
    K_SELESAI_OK = "k_selesai_ok"
    K_BIAYA = "k_biaya"  # Benahi (PBD): does it need money, by button
    K_ARKAS = "k_arkas"  # Benahi (PBD): the ARKAS activity, by button or typed
    K_ANGGARAN = "k_anggaran"
    K_INDIKATOR = "k_indikator"
    K_TARGET = "k_target"
    SELESAI_KEGIATAN = "selesai_kegiatan"
    UBAH_NILAI = "ubah_nilai"
    UBAH_PIC = "ubah_pic"
    UBAH_BIAYA = "ubah_biaya"  # a saved activity's "butuh biaya", by button
    UBAH_ARKAS = "ubah_arkas"  # a saved activity's ARKAS activity, by button or typed
    UBAH_BAGIAN = "ubah_bagian"
    TINJAU_KOMENTAR = "tinjau_komentar"


# Steps answered by typing: only while one of these waits does the conversation hold the chat.
# The PBD button steps hold it too, so that typed text there is answered with the question.
KETIK = frozenset(
    {
        Langkah.AKAR_TEKS,
        Langkah.AKAR_KODE,
        Langkah.K_BIAYA,
        Langkah.K_ARKAS,
        Langkah.PROGRAM,
        Langkah.K_DESKRIPSI,
        Langkah.K_MULAI,
        Langkah.K_SELESAI,
        Langkah.K_ANGGARAN,
        Langkah.K_INDIKATOR,
        Langkah.K_TARGET,
        Langkah.UBAH_NILAI,
        Langkah.UBAH_BIAYA,
        Langkah.UBAH_ARKAS,
        Langkah.TINJAU_KOMENTAR,
        Langkah.UBAH_BAGIAN,
    }
)
# Button steps where typed text gets "use the buttons" and the question again.
_TOMBOL_TANYA_LAGI = frozenset({Langkah.AKAR_KODE, Langkah.K_BIAYA, Langkah.UBAH_BIAYA})


@dataclass(frozen=True)
class Draf:
    """The wizard's draft. `k` holds the activity typed so far as JSON values (dates as ISO
    text); `ubah` the activity and field being changed."""

    langkah: Langkah | None = None
    indikator: str | None = None
    akar: str | None = None
    akar_kode: str | None = None
    program: int | None = None
    program_nama: str | None = None
    bawaan: int | None = None
    k: dict[str, Any] = field(default_factory=dict)
    ubah: dict[str, Any] | None = None
    _lain: dict[str, Any] = field(default_factory=dict)  # keys of older versions, kept

    @classmethod
    def dari(cls, isi: dict[str, Any]) -> Draf:
        """The draft from its stored JSON (an unknown step reads as no step)."""
        dikenal = {"langkah", "indikator", "akar", "akar_kode", "program", "program_nama"}
        dikenal |= {"bawaan", "k", "ubah"}
        try:
            langkah = Langkah(isi["langkah"]) if isi.get("langkah") else None
        except ValueError:
            langkah = None
        return cls(
            langkah=langkah,
            indikator=isi.get("indikator"),
            akar=isi.get("akar"),
            akar_kode=isi.get("akar_kode"),
            program=isi.get("program"),
            program_nama=isi.get("program_nama"),
            bawaan=isi.get("bawaan"),
            k=dict(isi.get("k") or {}),
            ubah=isi.get("ubah"),
            _lain={a: b for a, b in isi.items() if a not in dikenal},
        )

    def isi(self) -> dict[str, Any]:
        """The draft as stored JSON (only the keys that are set, as before)."""
        hasil: dict[str, Any] = dict(self._lain)
        if self.langkah is not None:
            hasil["langkah"] = self.langkah.value
        for kunci in ("indikator", "akar", "akar_kode", "program", "program_nama", "bawaan"):
            if getattr(self, kunci) is not None:
                hasil[kunci] = getattr(self, kunci)
        if self.akar_kode is None and self.langkah in (
            Langkah.AKAR_KATEGORI,
            Langkah.AKAR_TEKS,
        ):
            hasil.pop("akar_kode", None)
        if self.k or self.langkah in _DENGAN_K:
            hasil["k"] = dict(self.k)
        if self.ubah is not None:
            hasil["ubah"] = self.ubah
        return hasil

    @property
    def rapor(self) -> bool:
        """The problem is a Rapor Pendidikan indicator (PBD steps apply)."""
        return pbd.adalah_kode_rapor(self.indikator or "")

    def ke(self, langkah: Langkah, **ubah: Any) -> Draf:
        return replace(self, langkah=langkah, **ubah)


_DENGAN_K = frozenset(
    {
        Langkah.K_DESKRIPSI,
        Langkah.K_PIC,
        Langkah.K_MULAI,
        Langkah.K_MULAI_OK,
        Langkah.K_SELESAI,
        Langkah.K_SELESAI_OK,
        Langkah.K_BIAYA,
        Langkah.K_ARKAS,
        Langkah.K_ANGGARAN,
        Langkah.K_INDIKATOR,
        Langkah.K_TARGET,
        Langkah.SELESAI_KEGIATAN,
    }
)


# What the user did.
@dataclass(frozen=True)
class Teks:
    teks: str


@dataclass(frozen=True)
class PilihAkarKode:
    kode: str | None  # None: the team writes its own root cause


@dataclass(frozen=True)
class PilihAkar:
    kategori: str


@dataclass(frozen=True)
class PilihPic:
    pengguna_id: int


@dataclass(frozen=True)
class KonfirmasiTanggal:
    ya: bool


@dataclass(frozen=True)
class PilihBiaya:
    ya: bool


@dataclass(frozen=True)
class PilihArkas:
    kode: str | None
    nama: str


@dataclass(frozen=True)
class Lagi:
    apa: str  # "k": another activity, "p": another program, else another problem


Masukan = (
    Teks | PilihAkarKode | PilihAkar | PilihPic | KonfirmasiTanggal | PilihBiaya | PilihArkas | Lagi
)


@dataclass(frozen=True)
class Konteks:
    """What the rules need from outside: today in the school's zone, the school year, and
    whether the activity being changed answers a Rapor Pendidikan problem."""

    hari_ini: date
    rentang: tuple[date, date]
    tahun_ajaran: str = ""
    ubah_rapor: bool = False


# What comes next.
@dataclass(frozen=True)
class Lanjut:
    """Keep the draft and ask its step's question (with a date read, when there is one)."""

    draf: Draf
    tanggal: date | None = None
    di_luar_tahun: bool = False


@dataclass(frozen=True)
class Salah:
    """The input was not usable: the message `alasan` and the same question again."""

    draf: Draf
    alasan: str
    rincian: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class PakaiTombol:
    """Text at a step of buttons whose question is not repeated (as before PBD)."""


@dataclass(frozen=True)
class LihatRencana:
    """No step waits: show the plan."""


@dataclass(frozen=True)
class PilihMasalahLain:
    """Show the candidate problems."""


@dataclass(frozen=True)
class Usang:
    """A button for another step than the one waiting: stale."""


@dataclass(frozen=True)
class SimpanMasalah:
    """Store the problem with its root cause, then ask for a program."""

    indikator: str
    akar: str
    penjelasan: str
    akar_kode: str | None
    berikut: Draf


@dataclass(frozen=True)
class SimpanProgram:
    """Store a program; the draft that follows needs its number (`setelah_program`)."""

    draf: Draf
    indikator: str
    nama: str


@dataclass(frozen=True)
class KegiatanLengkap:
    """An activity with every field typed and checked."""

    deskripsi: str
    pic_id: int
    mulai: date
    selesai: date
    anggaran: int
    indikator_keberhasilan: str
    target_skor: float
    butuh_biaya: bool | None = None
    arkas_kode: str | None = None
    arkas_nama: str | None = None


@dataclass(frozen=True)
class SimpanKegiatan:
    """Store a complete activity (into a program, or from a carried activity), then `berikut`."""

    draf: Draf
    kegiatan: KegiatanLengkap
    berikut: Draf | None


@dataclass(frozen=True)
class SimpanUbahan:
    kunci: str
    bidang: str
    nilai: object


@dataclass(frozen=True)
class SimpanBiaya:
    """A saved activity's "butuh biaya" and ARKAS activity (None when it needs no money)."""

    kunci: str
    butuh_biaya: bool
    arkas_kode: str | None = None
    arkas_nama: str | None = None


@dataclass(frozen=True)
class SimpanBagian:
    indikator: str
    program: int | None
    teks: str


@dataclass(frozen=True)
class SimpanTinjauan:
    komentar: str


Hasil = (
    Lanjut
    | Salah
    | PakaiTombol
    | LihatRencana
    | PilihMasalahLain
    | Usang
    | SimpanMasalah
    | SimpanProgram
    | SimpanKegiatan
    | SimpanUbahan
    | SimpanBiaya
    | SimpanBagian
    | SimpanTinjauan
)


def mulai_masalah(indikator: str) -> Draf:
    """A problem picked: Refleksi from the bot's suggestions (Rapor Pendidikan), else the
    category of the root cause."""
    langkah = Langkah.AKAR_KODE if pbd.adalah_kode_rapor(indikator) else Langkah.AKAR_KATEGORI
    return Draf(langkah=langkah, indikator=indikator)


def setelah_program(draf: Draf, nomor: int, nama: str) -> Draf:
    """The program stored as number `nomor`: its first activity."""
    return Draf(
        langkah=Langkah.K_DESKRIPSI,
        indikator=draf.indikator,
        program=nomor,
        program_nama=nama,
        k={},
    )


def target(teks: str, rapor: bool) -> float | None:
    """A target: a 0-7 score of the own evaluation, or a 0-100 Rapor Pendidikan value."""
    nilai = baca_angka(teks)
    if nilai is None or not 0 <= nilai <= (100 if rapor else 7):
        return None
    return float(nilai)


def _salah_target(draf: Draf, rapor: bool) -> Salah:
    return Salah(draf, "target_salah_rapor" if rapor else "target_salah")


def kegiatan_dari(k: dict[str, Any], target_skor: float) -> KegiatanLengkap:
    """The activity typed step by step (kept in the draft as JSON), ready to be saved."""
    return KegiatanLengkap(
        deskripsi=k["deskripsi"],
        pic_id=k["pic_id"],
        mulai=date.fromisoformat(k["mulai"]),
        selesai=date.fromisoformat(k["selesai"]),
        anggaran=k["anggaran"],
        indikator_keberhasilan=k["indikator_keberhasilan"],
        target_skor=target_skor,
        butuh_biaya=k.get("butuh_biaya"),
        arkas_kode=k.get("arkas_kode"),
        arkas_nama=k.get("arkas_nama"),
    )


def langkah(draf: Draf, masukan: Masukan, kt: Konteks) -> Hasil:
    """The wizard's one rule: from the draft and what the user did, what comes next."""
    if isinstance(masukan, Teks):
        return _teks(draf, " ".join(masukan.teks.split()), kt)
    return _tombol(draf, masukan)


def _tombol(draf: Draf, m: Masukan) -> Hasil:
    s = draf.langkah
    if isinstance(m, PilihAkarKode) and s is Langkah.AKAR_KODE:
        return Lanjut(draf.ke(Langkah.AKAR_KATEGORI, akar_kode=m.kode))
    if isinstance(m, PilihAkar) and s is Langkah.AKAR_KATEGORI:
        return Lanjut(draf.ke(Langkah.AKAR_TEKS, akar=m.kategori))
    if isinstance(m, PilihPic) and s is Langkah.K_PIC:
        return Lanjut(draf.ke(Langkah.K_MULAI, k={**draf.k, "pic_id": m.pengguna_id}))
    if isinstance(m, KonfirmasiTanggal) and s in (Langkah.K_MULAI_OK, Langkah.K_SELESAI_OK):
        return _konfirmasi_tanggal(draf, m.ya)
    if isinstance(m, PilihBiaya) and s is Langkah.K_BIAYA:
        if m.ya:
            return Lanjut(draf.ke(Langkah.K_ARKAS, k={**draf.k, "butuh_biaya": True}))
        k = {**draf.k, "butuh_biaya": False, "anggaran": 0}
        return Lanjut(draf.ke(Langkah.K_INDIKATOR, k=k))
    if isinstance(m, PilihArkas) and s is Langkah.K_ARKAS:
        k = {**draf.k, "arkas_kode": m.kode, "arkas_nama": m.nama}
        return Lanjut(draf.ke(Langkah.K_ANGGARAN, k=k))
    if isinstance(m, PilihBiaya) and s is Langkah.UBAH_BIAYA and draf.ubah is not None:
        if m.ya:  # money needed: which ARKAS activity (stored with it, not before)
            return Lanjut(draf.ke(Langkah.UBAH_ARKAS))
        return SimpanBiaya(draf.ubah["kunci"], False)
    if isinstance(m, PilihArkas) and s is Langkah.UBAH_ARKAS and draf.ubah is not None:
        return SimpanBiaya(draf.ubah["kunci"], True, m.kode, m.nama)
    if isinstance(m, Lagi):
        if m.apa == "k":
            return Lanjut(draf.ke(Langkah.K_DESKRIPSI, k={}))
        if m.apa == "p":
            return Lanjut(Draf(langkah=Langkah.PROGRAM, indikator=draf.indikator))
        return PilihMasalahLain()
    return Usang()


def _konfirmasi_tanggal(draf: Draf, ya: bool) -> Hasil:
    bidang = "mulai" if draf.langkah is Langkah.K_MULAI_OK else "selesai"
    if not ya:
        k = {a: b for a, b in draf.k.items() if a != f"{bidang}_calon"}
        return Lanjut(draf.ke(Langkah(f"k_{bidang}"), k=k))
    k = {**draf.k, bidang: draf.k[f"{bidang}_calon"]}
    if bidang == "mulai":
        return Lanjut(draf.ke(Langkah.K_SELESAI, k=k))
    if draf.bawaan is not None:  # a carried activity: everything else came with it
        return SimpanKegiatan(draf, kegiatan_dari(k, k["target_skor"]), None)
    # PBD: an activity of a Rapor Pendidikan problem says whether it needs money.
    return Lanjut(draf.ke(Langkah.K_BIAYA if draf.rapor else Langkah.K_ANGGARAN, k=k))


def _teks(draf: Draf, teks: str, kt: Konteks) -> Hasil:
    s = draf.langkah
    if s is None:
        return LihatRencana()
    if s in _TOMBOL_TANYA_LAGI or (s is Langkah.AKAR_KATEGORI and draf.rapor):
        return Salah(draf, "pakai_tombol")
    if s not in KETIK:
        return PakaiTombol()
    if not teks:
        return Salah(draf, "teks_kosong")
    teks = teks[:MAKS_TEKS]
    if s is Langkah.AKAR_TEKS:
        assert draf.indikator is not None and draf.akar is not None
        berikut = Draf(langkah=Langkah.PROGRAM, indikator=draf.indikator)
        return SimpanMasalah(draf.indikator, draf.akar, teks, draf.akar_kode, berikut)
    if s is Langkah.PROGRAM:
        assert draf.indikator is not None
        return SimpanProgram(draf, draf.indikator, teks)
    if s is Langkah.K_DESKRIPSI:
        return Lanjut(draf.ke(Langkah.K_PIC, k={"deskripsi": teks}))
    if s in (Langkah.K_MULAI, Langkah.K_SELESAI):
        return _tanggal(draf, teks, kt)
    if s in (Langkah.K_ARKAS, Langkah.UBAH_ARKAS):
        a = pbd.baca_arkas_ketik(teks)
        if a is None:
            return Salah(draf, "arkas_salah")
        return _tombol(draf, PilihArkas(a.kode, a.nama))
    if s is Langkah.K_ANGGARAN:
        nilai = bahasa.baca_rupiah(teks)
        if nilai is None:
            return Salah(draf, "rupiah_salah", {"contoh": ", ".join(bahasa.contoh_rupiah())})
        return Lanjut(draf.ke(Langkah.K_INDIKATOR, k={**draf.k, "anggaran": nilai}))
    if s is Langkah.K_INDIKATOR:
        k = {**draf.k, "indikator_keberhasilan": teks}
        return Lanjut(draf.ke(Langkah.K_TARGET, k=k))
    if s is Langkah.K_TARGET:
        nilai_target = target(teks, draf.rapor)
        if nilai_target is None:
            return _salah_target(draf, draf.rapor)
        berikut = draf.ke(Langkah.SELESAI_KEGIATAN, k={})
        return SimpanKegiatan(draf, kegiatan_dari(draf.k, nilai_target), berikut)
    if s is Langkah.UBAH_NILAI:
        return _ubahan(draf, teks, kt)
    if s is Langkah.TINJAU_KOMENTAR:
        return SimpanTinjauan(teks)
    assert s is Langkah.UBAH_BAGIAN and draf.indikator is not None
    return SimpanBagian(draf.indikator, draf.program, teks)


def mulai_ubah_biaya(kunci: str, indikator: str, bidang: str) -> Draf:
    """Correct a saved activity's "butuh biaya" (`bidang` "butuh_biaya": Ya/Tidak first) or
    its ARKAS activity ("arkas": straight to the list; choosing one means it needs money)."""
    langkah = Langkah.UBAH_BIAYA if bidang == "butuh_biaya" else Langkah.UBAH_ARKAS
    return Draf(langkah=langkah, indikator=indikator, ubah={"kunci": kunci, "bidang": bidang})


def setelah_ubah_biaya(hasil: SimpanBiaya, anggaran: int) -> Draf | None:
    """After a correction is stored: an activity that now needs money but has no budget
    (it had none) is asked its budget, as Benahi asks it after the ARKAS activity."""
    if not hasil.butuh_biaya or anggaran > 0:
        return None
    ubah = {"kunci": hasil.kunci, "bidang": "anggaran", "setelah_biaya": True}
    return Draf(langkah=Langkah.UBAH_NILAI, ubah=ubah)


def _tanggal(draf: Draf, teks: str, kt: Konteks) -> Hasil:
    nilai = bahasa.baca_tanggal(teks, kt.hari_ini)
    if nilai is None:
        return Salah(draf, "tanggal_salah", {"contoh": ", ".join(bahasa.contoh_tanggal())})
    bidang = "mulai" if draf.langkah is Langkah.K_MULAI else "selesai"
    if bidang == "selesai" and nilai < date.fromisoformat(draf.k["mulai"]):
        return Salah(draf, "selesai_sebelum_mulai")
    awal, akhir = kt.rentang
    k = {**draf.k, f"{bidang}_calon": nilai.isoformat()}
    return Lanjut(
        draf.ke(Langkah(f"k_{bidang}_ok"), k=k),
        tanggal=nilai,
        di_luar_tahun=not awal <= nilai <= akhir,
    )


def _ubahan(draf: Draf, teks: str, kt: Konteks) -> Hasil:
    assert draf.ubah is not None
    bidang = draf.ubah["bidang"]
    nilai: object = teks
    if bidang in ("mulai", "selesai"):
        nilai = bahasa.baca_tanggal(teks, kt.hari_ini)
        if nilai is None:
            return Salah(draf, "tanggal_salah", {"contoh": ", ".join(bahasa.contoh_tanggal())})
    elif bidang == "anggaran":
        nilai = bahasa.baca_rupiah(teks)
        if nilai is None:
            return Salah(draf, "rupiah_salah", {"contoh": ", ".join(bahasa.contoh_rupiah())})
    elif bidang == "target_skor":
        nilai = target(teks, kt.ubah_rapor)
        if nilai is None:
            return _salah_target(draf, kt.ubah_rapor)
    return SimpanUbahan(draf.ubah["kunci"], bidang, nilai)
