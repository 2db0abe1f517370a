"""Many schools of full data for the benchmarks, written straight into the tables: members,
an open cycle with its stage-1 answers and map, an approved plan, commitments, progress
reports and evidence. One pengawas (id `PENGAWAS`) supervises every school."""

from __future__ import annotations

import random
import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import insert

from bot.layanan import Layanan
from bot.layanan.instrumen import daftarkan_bawaan
from bot.mutu.instrumen import bawaan
from db.tabel import (
    bukti,
    jawaban,
    keanggotaan,
    kegiatan,
    komitmen,
    laporan,
    masalah,
    pengguna,
    program,
    rencana,
    sekolah,
    siklus,
)

PENGAWAS = 1
SEKARANG = datetime(2027, 2, 1, 3, 0, tzinfo=UTC)
ANGGOTA = (("kepala_sekolah", 1), ("koordinator", 1), ("guru", 15), ("tendik", 3))
KEMAJUAN = ("belum_mulai", "berjalan", "berjalan", "selesai", "selesai", "terkendala")


async def _sisip(lay: Layanan, tabel: Any, baris: list[dict[str, Any]]) -> None:
    async with lay.mesin.begin() as conn:
        for awal in range(0, len(baris), 5000):
            await conn.execute(insert(tabel), baris[awal : awal + 5000])


async def isi(lay: Layanan, jumlah_sekolah: int, seed: int = 7) -> None:
    """Write `jumlah_sekolah` schools of full data."""
    acak = random.Random(seed)
    versi = (await daftarkan_bawaan(lay)).versi
    inst = bawaan()
    soal = {
        kelompok: list(inst.pertanyaan_untuk(kelompok))[:60]
        for kelompok in ("kepala_sekolah", "guru", "tendik")
    }
    indikator = [i.kode for s in inst.standar for i in s.indikator]
    waktu = SEKARANG - timedelta(days=60)
    t: dict[Any, list[dict[str, Any]]] = {
        x: []
        for x in (
            pengguna,
            sekolah,
            keanggotaan,
            siklus,
            jawaban,
            rencana,
            masalah,
            program,
            kegiatan,
            komitmen,
            laporan,
            bukti,
        )
    }
    t[pengguna].append(
        {"id": PENGAWAS, "nama": "Pak Pengawas", "dibuat_pada": waktu, "terakhir_aktif": waktu}
    )
    uid = 1000
    id_masalah = id_program = id_komitmen = 0
    for s in range(1, jumlah_sekolah + 1):
        t[sekolah].append(
            {
                "id": s,
                "npsn": f"{20_000_000 + s}",
                "nama": f"SD Negeri {s} Contoh",
                "jenjang": "SD",
                "kabupaten": "Kabupaten Contoh",
                "provinsi": "Provinsi Contoh",
                "zona_waktu": "Asia/Jakarta",
                "dibuat_pada": waktu,
            }
        )
        t[keanggotaan].append(
            {"pengguna_id": PENGAWAS, "sekolah_id": s, "peran": "pengawas", "dibuat_pada": waktu}
        )
        anggota: list[tuple[int, str]] = []
        for peran, n in ANGGOTA:
            for _ in range(n):
                uid += 1
                aktif = SEKARANG - timedelta(hours=acak.randint(1, 24 * 30))
                t[pengguna].append(
                    {
                        "id": uid,
                        "nama": f"Anggota {uid}",
                        "dibuat_pada": waktu,
                        "terakhir_aktif": aktif,
                    }
                )
                t[keanggotaan].append(
                    {"pengguna_id": uid, "sekolah_id": s, "peran": peran, "dibuat_pada": waktu}
                )
                anggota.append((uid, peran))
        tahap = acak.choice((1, 2, 3, 3, 3, 4))
        t[siklus].append(
            {
                "id": s,
                "sekolah_id": s,
                "tahun_ajaran": "2026/2027",
                "tahap": tahap,
                "instrumen_versi": versi,
                "dibuka_pada": waktu - timedelta(days=acak.randint(0, 120)),
                "pemetaan_dibuka_pada": waktu,
                "peta": None
                if tahap == 1
                else {
                    "skor": round(acak.uniform(3, 6.5), 2),
                    "kategori": "Menuju SNP 3",
                    "standar": {st.kode: round(acak.uniform(2, 7), 2) for st in inst.standar},
                    "merah": acak.sample(indikator, acak.randint(0, 6)),
                },
            }
        )
        for pid, peran in anggota:
            kelompok = "guru" if peran == "koordinator" else peran
            for p in soal[kelompok]:
                t[jawaban].append(
                    {
                        "siklus_id": s,
                        "pengguna_id": pid,
                        "responden": kelompok,
                        "pertanyaan_kode": p.kode,
                        "nilai": str(acak.randrange(len(p.pilihan))) if p.pilihan else "1",
                        "dijawab_pada": waktu,
                        "diperbarui_pada": waktu,
                    }
                )
        if tahap < 3:
            continue
        t[rencana].append(
            {
                "id": s,
                "siklus_id": s,
                "versi": 1,
                "status": "disetujui",
                "dibuat_pada": waktu,
                "disetujui_oleh": anggota[0][0],
                "disetujui_pada": waktu,
            }
        )
        for m, kode in enumerate(acak.sample(indikator, 5)):
            id_masalah += 1
            t[masalah].append(
                {
                    "id": id_masalah,
                    "rencana_id": s,
                    "indikator_kode": kode,
                    "skor_awal": 3.1,
                    "akar_kategori": "sdm",
                    "akar_penjelasan": "Penjelasan akar masalah",
                    "urutan": m + 1,
                }
            )
            for pr in range(2):
                id_program += 1
                t[program].append(
                    {
                        "id": id_program,
                        "masalah_id": id_masalah,
                        "nama": f"Program {pr + 1}",
                        "urutan": pr + 1,
                    }
                )
                for k in range(3):
                    kunci = str(uuid.UUID(int=acak.getrandbits(128)))
                    pic = acak.choice(anggota)[0]
                    mulai = date(2026, 12, 1) + timedelta(days=acak.randint(0, 60))
                    selesai = mulai + timedelta(days=acak.randint(7, 90))
                    t[kegiatan].append(
                        {
                            "program_id": id_program,
                            "kunci": kunci,
                            "deskripsi": f"Kegiatan {k + 1} program {pr + 1}",
                            "pic_id": pic,
                            "mulai": mulai,
                            "selesai": selesai,
                            "anggaran": acak.randrange(0, 10_000_000, 50_000),
                            "indikator_keberhasilan": "Indikator keberhasilan",
                            "target_skor": 5.0,
                            "urutan": k + 1,
                        }
                    )
                    id_komitmen += 1
                    kemajuan = acak.choice(KEMAJUAN)
                    t[komitmen].append(
                        {
                            "id": id_komitmen,
                            "siklus_id": s,
                            "kegiatan_kunci": kunci,
                            "pengguna_id": pic,
                            "indikator_kode": kode,
                            "respons": acak.choice(
                                ("berkomitmen",) * 8 + ("menunggu", "perlu_dibahas")
                            ),
                            "kemajuan": kemajuan,
                            "persen": {"belum_mulai": 0, "selesai": 100}.get(kemajuan, 50),
                            "dibuat_pada": waktu,
                        }
                    )
                    if kemajuan != "belum_mulai":
                        t[laporan].append(
                            {
                                "komitmen_id": id_komitmen,
                                "pengguna_id": pic,
                                "status": kemajuan,
                                "persen": 50,
                                "catatan": "Catatan kemajuan",
                                "dibuat_pada": SEKARANG - timedelta(days=acak.randint(1, 30)),
                            }
                        )
                    if kemajuan == "selesai":
                        t[bukti].append(
                            {
                                "sekolah_id": s,
                                "siklus_id": s,
                                "pengguna_id": pic,
                                "sumber": f"komitmen:{id_komitmen}",
                                "file_id": f"f{id_komitmen}",
                                "file_unique_id": f"u{id_komitmen}",
                                "nama_file": "bukti.pdf",
                                "mime": "application/pdf",
                                "ukuran": 120_000,
                                "sha256": f"{id_komitmen:064x}",
                                "path": f"bukti/{id_komitmen:064x}.pdf",
                                "dibuat_pada": SEKARANG,
                            }
                        )
    for tabel, baris in t.items():
        await _sisip(lay, tabel, baris)
