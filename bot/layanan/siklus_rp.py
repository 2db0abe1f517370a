"""The school's Rapor Pendidikan editions as stages 4 and 5, the summaries and the recap read
them: stored rows turned into `Edisi`, the catalogue's names and priority set per jenjang."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from bot.layanan import Layanan
from bot.layanan.rapor import capaian_dari, katalog
from bot.mutu import siklus_rp as srp
from db import siklus_rp as db_srp
from db.jenis import AsyncConnection


def prioritas(jenjang: str) -> tuple[str, ...]:
    """The school's priority indicators (6, or 8 for an SMK)."""
    return katalog().prioritas(jenjang)


def nama_indikator(jenjang: str, kode: Sequence[str]) -> dict[str, str]:
    """Official names of these codes for a school of this jenjang."""
    k = katalog()
    return {c: ind.nama if (ind := k.cari(c, jenjang)) else c for c in kode}


async def edisi_banyak(
    conn: AsyncConnection, sekolah_ids: Sequence[int], kode: Sequence[str] | None = None
) -> dict[int, list[srp.Edisi]]:
    """Per school, its editions oldest first (a fixed number of queries)."""
    mentah = await db_srp.edisi_sekolah(conn, sekolah_ids, kode)
    return {
        sid: [
            srp.Edisi(
                i.edisi,
                i.diimpor_pada,
                {b.kode: capaian_dari(b._asdict()) for b in baris},
            )
            for i, baris in daftar
        ]
        for sid, daftar in mentah.items()
    }


@dataclass(frozen=True)
class RaporSiklus:
    """A school's baseline and newer edition, with its priority indicators and their names."""

    awal: srp.Edisi | None
    akhir: srp.Edisi | None
    prioritas: tuple[str, ...]
    nama: dict[str, str]

    @property
    def ada(self) -> bool:
        return self.awal is not None

    @property
    def terkini(self) -> srp.Edisi | None:
        """The newest edition the school holds."""
        return self.akhir or self.awal

    def banding(self) -> tuple[srp.PerubahanIndikator, ...]:
        """The priority indicators in both editions."""
        return srp.bandingkan_edisi(self.prioritas, self.nama, self.awal, self.akhir)

    def evaluasi(self, kode: str) -> srp.EvaluasiRapor:
        """A program targeting `kode` judged against both editions."""
        return srp.evaluasi_program(kode, self.nama.get(kode, kode), self.awal, self.akhir)

    def target(self) -> tuple[srp.TargetIndikator, ...]:
        """The next targets per priority indicator from the newest edition."""
        return srp.target_indikator(self.prioritas, self.nama, self.terkini, self.prioritas)


async def rapor_siklus(
    lay: Layanan,
    sekolah_id: int,
    jenjang: str,
    batas: datetime | None,
    kode_lain: Sequence[str] = (),
) -> RaporSiklus:
    """The school's baseline edition (the newest imported by `batas`, the plan's approval) and
    the newer one, if any; `kode_lain` adds the codes programs target beyond the priority."""
    utama = prioritas(jenjang)
    kode = tuple(dict.fromkeys((*utama, *(k for k in kode_lain if srp.kode_rapor(k)))))
    async with lay.mesin.connect() as conn:
        semua = (await edisi_banyak(conn, [sekolah_id])).get(sekolah_id, [])
    awal, akhir = srp.pilih_edisi(semua, batas)
    return RaporSiklus(awal, akhir, kode, nama_indikator(jenjang, kode))
