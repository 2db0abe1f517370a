"""Documents of /laporan on a database on disk: the Rapor Mutu PDF (with its chart) of one
school, and the Rekap data XLSX of a pengawas over many schools of full data.

Each school has a kepala sekolah, a koordinator, 8 guru and 3 tendik who answered every
question that applies to them (480 answers), an approved plan of 5 problems and 10 activities,
10 commitments with 3 progress reports each, and 15 evidence files. The measurements run in a
fresh process, so its peak resident memory (getrusage ru_maxrss) is the document's alone, not
the seeding's; tracemalloc's peak of Python allocations is printed beside it.

    python -m bench.dokumen [--sekolah 500]
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import random
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, insert

from bot.config import Settings
from bot.dokumen import rekap
from bot.layanan import Layanan
from bot.layanan.aktor import Aktor, Keanggotaan
from bot.layanan.instrumen_berkas import bawaan
from bot.mutu.instrumen import JenisJawaban, Pertanyaan
from bot.mutu.peran import Peran
from db import tabel
from db.berkas_instrumen import INSTRUMEN_BAWAAN
from db.mesin import buat_mesin
from db.migrasi_api import tingkatkan

WAKTU = datetime(2026, 11, 2, 2, 0, tzinfo=UTC)
PENGAWAS = 9_000_000
STAF = (("kepala_sekolah", "kepala_sekolah", 1), ("koordinator", "guru", 1))
STAF += (("guru", "guru", 8), ("tendik", "tendik", 3))


def _nilai(p: Pertanyaan, acak: random.Random) -> str | None:
    if p.jenis in (JenisJawaban.SKALA, JenisJawaban.PILIHAN):
        return str(acak.randrange(len(p.label)))
    if p.jenis is JenisJawaban.YA_TIDAK:
        return acak.choice(("ya", "tidak"))
    if p.jenis in (JenisJawaban.ANGKA, JenisJawaban.PERSEN):
        assert p.angka is not None
        return str(acak.randint(int(p.angka.min), int(p.angka.maks)))
    if p.jenis is JenisJawaban.TEKS:
        return "Sudah berjalan, perlu pendampingan lanjutan."
    return None  # bukti: a file, not an answer value


def isi_basis_data(url: str, jumlah: int) -> None:
    """Migrate and fill the database with `jumlah` schools under one pengawas."""
    tingkatkan(url)
    inst = bawaan()
    teks = INSTRUMEN_BAWAAN.read_text(encoding="utf-8")
    acak = random.Random(7)
    baris: dict[str, list[dict[str, Any]]] = {t: [] for t in tabel.metadata.tables}
    baris["instrumen"].append(
        dict(
            versi=inst.versi,
            isi=teks,
            sha256=hashlib.sha256(teks.encode()).hexdigest(),
            didaftarkan_pada=WAKTU,
        )
    )
    baris["pengguna"].append(
        dict(id=PENGAWAS, nama="Pak Pengawas", dibuat_pada=WAKTU, terakhir_aktif=WAKTU)
    )
    indikator = [i.kode for s in inst.standar for i in s.indikator]
    id_rencana = id_masalah = id_program = id_kegiatan = id_komitmen = id_bukti = 0
    for s in range(1, jumlah + 1):
        baris["sekolah"].append(
            dict(
                id=s,
                npsn=f"{20_000_000 + s}",
                nama=f"SMP Negeri {s} Contoh",
                jenjang="SMP",
                kabupaten="Kabupaten Sleman",
                provinsi="DI Yogyakarta",
                zona_waktu="Asia/Jakarta",
                dibuat_pada=WAKTU,
            )
        )
        baris["siklus"].append(
            dict(
                id=s,
                sekolah_id=s,
                tahun_ajaran="2026/2027",
                tahap=4,
                instrumen_versi=inst.versi,
                dibuka_pada=WAKTU,
                pemetaan_dibuka_pada=WAKTU,
            )
        )
        anggota = [(PENGAWAS, "pengawas", None)]
        for peran, responden, n in STAF:
            for k in range(n):
                uid = s * 100 + len(anggota)
                nama = f"{peran.title()} {k + 1} Sekolah {s}"
                baris["pengguna"].append(
                    dict(id=uid, nama=nama, dibuat_pada=WAKTU, terakhir_aktif=WAKTU)
                )
                anggota.append((uid, peran, responden))
        for uid, peran, responden in anggota:
            baris["keanggotaan"].append(
                dict(pengguna_id=uid, sekolah_id=s, peran=peran, dibuat_pada=WAKTU)
            )
            if responden is None:
                continue
            for p in inst.pertanyaan_untuk(responden):
                nilai = _nilai(p, acak)
                if nilai is None or p.jika is not None:
                    continue
                baris["jawaban"].append(
                    dict(
                        siklus_id=s,
                        pengguna_id=uid,
                        responden=responden,
                        pertanyaan_kode=p.kode,
                        nilai=nilai,
                        dijawab_pada=WAKTU,
                        diperbarui_pada=WAKTU,
                    )
                )
            if responden == "guru" and len(baris["bukti"]) % 3 == 0:
                id_bukti += 1
                baris["bukti"].append(_bukti(id_bukti, s, uid, "pertanyaan:1.1-05"))
        id_rencana += 1
        baris["rencana"].append(
            dict(
                id=id_rencana,
                siklus_id=s,
                versi=1,
                status="disetujui",
                dibuat_pada=WAKTU,
                disetujui_oleh=anggota[1][0],
                disetujui_pada=WAKTU,
            )
        )
        for m in range(5):
            id_masalah += 1
            kode = indikator[(s + m * 5) % len(indikator)]
            baris["masalah"].append(
                dict(
                    id=id_masalah,
                    rencana_id=id_rencana,
                    indikator_kode=kode,
                    skor_awal=2.5,
                    akar_kategori="sdm",
                    akar_penjelasan="Guru belum mendapat pelatihan yang sesuai.",
                    urutan=m + 1,
                )
            )
            id_program += 1
            baris["program"].append(
                dict(id=id_program, masalah_id=id_masalah, nama="Pelatihan guru", urutan=1)
            )
            for k in range(2):
                id_kegiatan += 1
                pic = anggota[3 + (m * 2 + k) % 8][0]
                kunci = f"k{id_kegiatan}"
                baris["kegiatan"].append(
                    dict(
                        id=id_kegiatan,
                        program_id=id_program,
                        kunci=kunci,
                        deskripsi=f"Lokakarya modul ajar tahap {k + 1}",
                        pic_id=pic,
                        mulai=date(2027, 1, 10),
                        selesai=date(2027, 2, 20),
                        anggaran=1_500_000 + 250_000 * k,
                        indikator_keberhasilan="Semua guru memiliki modul ajar",
                        target_skor=4.0,
                        urutan=k + 1,
                    )
                )
                id_komitmen += 1
                baris["komitmen"].append(
                    dict(
                        id=id_komitmen,
                        siklus_id=s,
                        kegiatan_kunci=kunci,
                        pengguna_id=pic,
                        indikator_kode=kode,
                        respons="berkomitmen",
                        direspons_pada=WAKTU,
                        kemajuan="berjalan",
                        persen=60,
                        dibuat_pada=WAKTU,
                    )
                )
                id_bukti += 1
                baris["bukti"].append(_bukti(id_bukti, s, pic, f"komitmen:{id_komitmen}"))
                for n in range(3):
                    baris["laporan"].append(
                        dict(
                            komitmen_id=id_komitmen,
                            pengguna_id=pic,
                            status="berjalan",
                            persen=20 * (n + 1),
                            catatan="Sebagian guru sudah mengikuti.",
                            bukti_id=id_bukti if n == 2 else None,
                            dibuat_pada=WAKTU + timedelta(days=7 * n),
                        )
                    )
    mesin = create_engine(url.replace("+aiosqlite", ""))
    with mesin.begin() as conn:
        for t in tabel.metadata.sorted_tables:
            if baris[t.name]:
                conn.execute(insert(t), baris[t.name])
    mesin.dispose()


def _bukti(id_: int, sekolah: int, pengguna: int, sumber: str) -> dict[str, Any]:
    return dict(
        id=id_,
        sekolah_id=sekolah,
        siklus_id=sekolah,
        pengguna_id=pengguna,
        sumber=sumber,
        file_id=f"f{id_}",
        file_unique_id=f"u{id_}",
        nama_file="foto-kegiatan.jpg",
        mime="image/jpeg",
        ukuran=245_000,
        sha256="0" * 64,
        path=f"bukti/{id_}.jpg",
        dibuat_pada=WAKTU,
    )


def _layanan(url: str) -> Layanan:
    return Layanan(
        mesin=buat_mesin(url),
        settings=Settings(_env_file=None, database_url=url),
        jam=lambda: WAKTU + timedelta(days=30),
    )


def _aktor(sekolah: int, pengguna: int, peran: Peran) -> Aktor:
    k = Keanggotaan(sekolah, f"SMP Negeri {sekolah} Contoh", peran)
    return Aktor(pengguna, "Pak Pengawas" if peran is Peran.PENGAWAS else "Kepala", (k,), k)


async def ukur_rapor(url: str, kali: int) -> None:
    from bot.dokumen import rapor
    from bot.layanan.laporan import dokumen_rapor

    lay = _layanan(url)
    aktor = _aktor(1, 101, Peran.KEPALA_SEKOLAH)
    for n in range(kali):
        t0 = time.perf_counter()
        d = await dokumen_rapor(lay, aktor)
        t1 = time.perf_counter()
        pdf = await asyncio.to_thread(rapor.buat_pdf, d)
        t2 = time.perf_counter()
        print(
            f"rapor run {n + 1}: data {1000 * (t1 - t0):.0f} ms + PDF with chart "
            f"{1000 * (t2 - t1):.0f} ms = {t2 - t0:.2f} s ({len(pdf) // 1024} KiB)"
        )
    await lay.mesin.dispose()


def _rss() -> float:
    """Peak resident memory of this process so far, in MiB (ru_maxrss is KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


async def ukur_rekap(url: str, lacak: bool) -> None:
    from bot.layanan.rekap import data_rekap_pengawas

    lay = _layanan(url)
    aktor = _aktor(1, PENGAWAS, Peran.PENGAWAS)
    awal = _rss()
    if lacak:
        tracemalloc.start()
    c0 = time.process_time()
    t0 = time.perf_counter()
    d = await data_rekap_pengawas(lay, aktor)
    t1 = time.perf_counter()
    xlsx = await asyncio.to_thread(rekap.buat_xlsx, d)
    t2 = time.perf_counter()
    cpu = time.process_time() - c0
    if lacak:
        _, puncak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(
            f"rekap pengawas, traced run: tracemalloc peak of Python allocations "
            f"{puncak / 2**20:.0f} MiB (times under tracing are not representative)"
        )
    else:
        print(
            f"rekap pengawas: database reads {t1 - t0:.2f} s + scoring, formatting and XLSX "
            f"{t2 - t1:.2f} s = {t2 - t0:.2f} s wall clock, {cpu:.2f} s CPU of this process; "
            f"{len(xlsx) / 2**20:.1f} MiB file"
        )
        print(
            f"rekap pengawas memory: peak RSS {_rss():.0f} MiB (resource.getrusage ru_maxrss of "
            f"the whole process; {awal:.0f} MiB before the work, after imports)"
        )
    await lay.mesin.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sekolah", type=int, default=500)
    pilihan = ("isi", "rapor", "rekap", "rekap-lacak")
    parser.add_argument("--ukur", choices=pilihan, help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    arg = parser.parse_args()
    if arg.ukur:
        if arg.ukur == "isi":
            t0 = time.perf_counter()
            isi_basis_data(arg.db, arg.sekolah)
            print(f"seeded {arg.sekolah} schools in {time.perf_counter() - t0:.1f} s")
        elif arg.ukur == "rapor":
            asyncio.run(ukur_rapor(arg.db, 3))
        else:
            asyncio.run(ukur_rekap(arg.db, lacak=arg.ukur == "rekap-lacak"))
        return
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite+aiosqlite:///{Path(folder) / 'bench.db'}"
        # Every step in its own process: Linux carries a parent's peak RSS into its children.
        for ukur in ("isi", "rapor", "rekap", "rekap-lacak"):
            perintah = [sys.executable, "-m", "bench.dokumen", "--ukur", ukur, "--db", url]
            subprocess.run([*perintah, "--sekolah", str(arg.sekolah)], check=True)


if __name__ == "__main__":
    main()
