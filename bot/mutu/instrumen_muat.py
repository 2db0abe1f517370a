"""Loading instrument YAML: either a whole, checked Instrumen or every problem with its line.

The file is edited by hand, so each problem names the line of the standard, indicator or
question it is about ("instrumen_snp.yaml baris 123: pertanyaan 1.1-01: ...").
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import Any

import yaml

from bot.mutu.instrumen import (
    LABEL_YA_TIDAK,
    DaftarStandar,
    Dihapus,
    Indikator,
    Instrumen,
    InstrumenRusak,
    JenisJawaban,
    Kategori,
    Pertanyaan,
    Pilihan,
    Pita,
    Rentang,
    Responden,
    Standar,
    Syarat,
    kanonik,
)

J = JenisJawaban
_JUMLAH_LABEL_SKALA = 4
_JUMLAH_PILIHAN = (2, 6)


@dataclass(frozen=True, slots=True)
class _Bidang:
    """What one key of a mapping must hold."""

    jenis: str  # teks, bulat, angka, bool, daftar, peta
    wajib: bool = True  # the key must be there
    null: bool = False  # null is a meaningful value ("no upper bound")


_TEKS, _TEKS_OPSI = _Bidang("teks"), _Bidang("teks", wajib=False)
_BULAT, _ANGKA, _BOOL = _Bidang("bulat"), _Bidang("angka"), _Bidang("bool")
_DAFTAR, _PETA = _Bidang("daftar"), _Bidang("peta")
_SUMBER = {"source": _TEKS, "confirmed": _BOOL}
_SKEMA_AKAR = {"meta": _PETA, "label_skala": _PETA, "standar": _DAFTAR}
_SKEMA_META = {
    "versi": _TEKS,
    "nama": _TEKS,
    "catatan": _TEKS_OPSI,
    "skala": _PETA,
    "kategori": _PETA,
    "bobot_responden": _PETA,
    "responden": _DAFTAR,
    "dihapus": _Bidang("daftar", wajib=False),
}
_SKEMA_DIHAPUS = {
    "kode": _TEKS,
    "versi": _TEKS,
    "alasan": _TEKS,
    "rapor": _Bidang("daftar", wajib=False),
    "pengganti": _TEKS_OPSI,
}
_SKEMA_SKALA = {"min": _ANGKA, "maks": _ANGKA}
_SKEMA_KATEGORI = {**_SUMBER, "catatan": _TEKS_OPSI, "kelas": _DAFTAR}
_BULAT_NULL, _ANGKA_NULL = _Bidang("bulat", null=True), _Bidang("angka", null=True)
_SKEMA_KELAS = {"nama": _TEKS, "bintang": _BULAT_NULL, "batas_atas": _ANGKA_NULL}
_SKEMA_RESPONDEN = {"kode": _TEKS, "nama": _TEKS, "chat": _BOOL, "catatan": _TEKS_OPSI}
_SKEMA_STANDAR = {"kode": _TEKS, "nomor": _BULAT, "nama": _TEKS, **_SUMBER, "indikator": _DAFTAR}
_SKEMA_INDIKATOR = {
    "kode": _TEKS,
    "nama": _TEKS,
    "source": _Bidang("teks", null=True),
    "confirmed": _BOOL,
    "catatan": _TEKS_OPSI,
    "praktik_baik": _Bidang("daftar", wajib=False),
    "pertanyaan": _DAFTAR,
}
_SKEMA_PERTANYAAN = {
    "kode": _TEKS,
    "responden": _DAFTAR,
    "jenis": _TEKS,
    "teks": _TEKS,
    **_SUMBER,
    "jika": _Bidang("peta", wajib=False),
}
_TERBALIK = {"terbalik": _Bidang("bool", wajib=False)}
_SKEMA_JENIS: dict[JenisJawaban, dict[str, _Bidang]] = {
    J.SKALA: {"label": _TEKS, **_TERBALIK},
    J.YA_TIDAK: _TERBALIK,
    J.PILIHAN: {"pilihan": _DAFTAR},
    J.ANGKA: {"angka": _PETA, "skor": _Bidang("daftar", wajib=False)},
    J.PERSEN: _TERBALIK,
    J.TEKS: {},
    J.BUKTI: {"bukti_contoh": _TEKS_OPSI},
}
# With an unknown jenis, its own keys are not reported as unknown too.
_SEMUA_KUNCI_JENIS = {
    k: replace(b, wajib=False) for skema in _SKEMA_JENIS.values() for k, b in skema.items()
}
_SKEMA_PILIHAN = {"label": _TEKS, "skor": _ANGKA}
_SKEMA_RENTANG = {"min": _ANGKA, "maks": _ANGKA, "satuan": _TEKS_OPSI}
_SKEMA_PITA = {"sampai": _ANGKA_NULL, "skor": _ANGKA}
_SKEMA_JIKA = {"pertanyaan": _TEKS, "nilai": _DAFTAR}


class PetaBaris(dict[str, Any]):
    """A YAML mapping that remembers the line it starts on and the line of each key."""

    baris: int = 0
    baris_kunci: dict[str, int]


# libyaml's parser when installed: the same nodes and marks, several times faster.
_DASAR: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class PemuatYaml(_DASAR):  # type: ignore[valid-type,misc]
    """SafeLoader whose mappings carry line numbers and which notes duplicate keys."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.ganda: list[tuple[int, str]] = []

    def bangun_peta(self, node: yaml.MappingNode) -> Any:
        peta = PetaBaris()
        peta.baris, peta.baris_kunci = node.start_mark.line + 1, {}
        yield peta
        for kunci, _ in node.value:
            # PyYAML would silently keep only the last of two equal keys.
            if str(kunci.value) in peta.baris_kunci:
                self.ganda.append((kunci.start_mark.line + 1, str(kunci.value)))
            peta.baris_kunci[str(kunci.value)] = kunci.start_mark.line + 1
        peta.update(self.construct_mapping(node))


PemuatYaml.add_constructor("tag:yaml.org,2002:map", PemuatYaml.bangun_peta)


@dataclass(frozen=True, slots=True)
class _Tempat:
    """Where a problem is: a line and what is there ("pertanyaan 1.1-01")."""

    baris: int
    nama: str = ""

    def anak(self, nilai: Any, nama: str) -> _Tempat:
        return _Tempat(nilai.baris if isinstance(nilai, PetaBaris) else self.baris, nama)


def muat_teks(teks: str, nama: str) -> Instrumen:
    """The instrument in YAML text; raises InstrumenRusak listing every problem found.

    `nama` (usually the file name) starts every problem message.
    """
    pembangun = _Pembangun(nama)
    data = pembangun.baca(teks)
    instrumen = pembangun.bangun(data) if data is not None else None
    if pembangun.masalah or instrumen is None:
        raise InstrumenRusak(pembangun.daftar_masalah())
    return instrumen


def _sesuai(nilai: Any, jenis: str) -> bool:
    if jenis == "teks":
        return isinstance(nilai, str) and bool(nilai.strip())
    if jenis in ("bulat", "angka", "bool"):
        # YAML true/false are ints to Python, so bool is told apart first.
        if isinstance(nilai, bool):
            return jenis == "bool"
        return isinstance(nilai, int) or (jenis == "angka" and isinstance(nilai, float))
    if jenis == "daftar":
        return isinstance(nilai, list) and bool(nilai)
    return isinstance(nilai, PetaBaris)


_NAMA_JENIS = {
    "teks": "teks yang tidak kosong",
    "bulat": "bilangan bulat",
    "angka": "angka",
    "bool": "true atau false",
    "daftar": "daftar yang tidak kosong",
    "peta": "pemetaan (kunci: nilai)",
}


class _Pembangun:
    """Walks the YAML tree once, building objects and noting every problem on the way."""

    def __init__(self, berkas: str) -> None:
        self.berkas = berkas
        self.masalah: list[tuple[int, str]] = []
        self.skala = (0.0, 7.0)
        self.label_skala: dict[str, tuple[str, ...] | None] = {}
        self.responden: dict[str, Responden] = {}
        self.semua_kode: set[str] = set()  # every question code in the file, for jika messages
        self.baris_kode: dict[str, int] = {}  # "standar SKL" / "indikator 1.1" / ... -> line
        self.terdahulu: dict[str, Pertanyaan] = {}

    def catat(self, tempat: _Tempat, pesan: str) -> None:
        awalan = f"{tempat.nama}: " if tempat.nama else ""
        self.masalah.append((tempat.baris, f"{awalan}{pesan}"))

    def daftar_masalah(self) -> list[str]:
        urut = sorted(self.masalah, key=lambda m: m[0])
        return [f"{self.berkas} baris {baris}: {pesan}" for baris, pesan in urut]

    def baca(self, teks: str) -> Any:
        pemuat = PemuatYaml(teks)
        try:
            data = pemuat.get_single_data()
        except yaml.MarkedYAMLError as galat:
            tanda = galat.problem_mark or galat.context_mark
            self.catat(_Tempat(tanda.line + 1 if tanda else 0), f"YAML tidak sah: {galat.problem}")
            return None
        except yaml.YAMLError as galat:
            self.catat(_Tempat(0), f"YAML tidak sah: {galat}")
            return None
        finally:
            pemuat.dispose()
        for baris, kunci in pemuat.ganda:
            self.catat(_Tempat(baris), f"kunci '{kunci}' muncul dua kali")
        return data

    # ------------------------------------------------------------------ generic checks
    def bidang(
        self, nilai: Any, skema: dict[str, _Bidang], tempat: _Tempat, apa: str
    ) -> tuple[dict[str, Any], bool]:
        """The fields of a mapping checked against `skema`, and whether all were fine.

        Absent optional fields come back as None, so callers can read every key of `skema`.
        """
        if not isinstance(nilai, PetaBaris):
            self.catat(tempat, f"{apa} harus berupa {_NAMA_JENIS['peta']}")
            return dict.fromkeys(skema), False
        sebelum = len(self.masalah)
        for kunci in nilai.keys() - skema.keys():
            self.catat(tempat, f"kunci '{kunci}' tidak dikenal di sini")
        hasil: dict[str, Any] = {}
        for kunci, b in skema.items():
            isi = nilai.get(kunci)
            if kunci not in nilai and b.wajib:
                self.catat(tempat, f"'{kunci}' wajib ada")
            elif isi is not None and not _sesuai(isi, b.jenis):
                self.catat(tempat, f"'{kunci}' harus berupa {_NAMA_JENIS[b.jenis]}")
            elif isi is None and kunci in nilai and b.wajib and not b.null:
                self.catat(tempat, f"'{kunci}' tidak boleh kosong")
            else:
                hasil[kunci] = float(isi) if b.jenis == "angka" and isi is not None else isi
        return {k: hasil.get(k) for k in skema}, len(self.masalah) == sebelum

    def unik(self, jenis: str, kode: Any, tempat: _Tempat, apa: str = "kode") -> None:
        kunci = f"{jenis} {kode}"
        if kunci in self.baris_kode:
            pertama = self.baris_kode[kunci]
            self.catat(tempat, f"{apa} {kode} ganda (pertama di baris {pertama})")
        elif isinstance(kode, str | int):
            self.baris_kode[kunci] = tempat.baris

    def dalam_skala(self, skor: float | None, tempat: _Tempat, apa: str) -> None:
        rendah, tinggi = self.skala
        if skor is not None and not rendah <= skor <= tinggi:
            self.catat(tempat, f"{apa} {kanonik(skor)} di luar skala {rendah:g}..{tinggi:g}")

    def naik(self, batas: list[float | None], tempat: _Tempat, apa: str) -> None:
        """Bounds ascend and exactly the last one is null ("and everything above")."""
        if not batas or batas.count(None) != 1 or batas[-1] is not None:
            self.catat(tempat, f"tepat satu {apa}, yang terakhir, harus null")
        angka = [b for b in batas if b is not None]
        if any(a >= b for a, b in zip(angka, angka[1:], strict=False)):
            self.catat(tempat, f"{apa} harus naik")

    # ------------------------------------------------------------------ meta
    def bangun(self, data: Any) -> Instrumen | None:
        akar = _Tempat(1)
        v, _ = self.bidang(data, _SKEMA_AKAR, akar, "isi berkas")
        if None in v.values():
            return None
        bagian = self.meta(v["meta"])
        self.baca_label_skala(v["label_skala"])
        bagian["standar"] = self.semua_standar(v["standar"], akar)
        self.periksa_dihapus(bagian["dihapus"], v["meta"])
        return None if self.masalah else Instrumen(**bagian)

    def periksa_dihapus(self, dihapus: tuple[Dihapus, ...], meta: PetaBaris) -> None:
        """A dropped question is not asked again under its code; a replacement exists."""
        di = _Tempat(meta.baris, "meta.dihapus")
        for d in dihapus:
            if f"pertanyaan {d.kode}" in self.baris_kode:
                self.catat(di, f"pertanyaan {d.kode} dihapus tetapi masih ada")
            if d.pengganti is not None and f"pertanyaan {d.pengganti}" not in self.baris_kode:
                self.catat(di, f"pengganti {d.pengganti} untuk {d.kode} tidak ada")

    def meta(self, meta: PetaBaris) -> dict[str, Any]:
        di = _Tempat(meta.baris, "meta")
        v, _ = self.bidang(meta, _SKEMA_META, di, "meta")
        if v["skala"] is not None:
            self.baca_skala(v["skala"], di.anak(v["skala"], "meta.skala"))
        for item in v["responden"] or []:
            self.satu_responden(item, di)
        return {
            "versi": v["versi"],
            "nama": v["nama"],
            "catatan": v["catatan"],
            "skala_min": self.skala[0],
            "skala_maks": self.skala[1],
            **self.kategori(v["kategori"], di),
            "bobot_responden": self.bobot(v["bobot_responden"], di),
            "responden": tuple(self.responden.values()),
            "dihapus": self.semua_dihapus(v["dihapus"] or [], di),
        }

    def semua_dihapus(self, daftar: list[Any], induk: _Tempat) -> tuple[Dihapus, ...]:
        hasil = []
        for item in daftar:
            di = induk.anak(item, "meta.dihapus")
            v, ok = self.bidang(item, _SKEMA_DIHAPUS, di, "meta.dihapus")
            rapor = v["rapor"] or []
            if not all(isinstance(k, str) for k in rapor):
                self.catat(di, "'rapor' harus berupa daftar kode indikator")
                ok = False
            if ok:
                hasil.append(
                    Dihapus(v["kode"], v["versi"], v["alasan"], tuple(rapor), v["pengganti"])
                )
        return tuple(hasil)

    def baca_skala(self, skala: PetaBaris, tempat: _Tempat) -> None:
        v, ok = self.bidang(skala, _SKEMA_SKALA, tempat, "meta.skala")
        if ok and v["min"] < v["maks"]:
            self.skala = (v["min"], v["maks"])
        elif ok:
            self.catat(tempat, "min harus lebih kecil dari maks")

    def satu_responden(self, item: Any, induk: _Tempat) -> None:
        di = induk.anak(item, "responden")
        v, ok = self.bidang(item, _SKEMA_RESPONDEN, di, "setiap responden")
        if v["kode"] in self.responden:
            self.catat(di, f"kode responden '{v['kode']}' ganda")
        elif ok:
            self.responden[v["kode"]] = Responden(**v)

    def bobot(self, bobot: PetaBaris | None, induk: _Tempat) -> MappingProxyType[str, float]:
        if bobot is None:
            return MappingProxyType({})  # reported as missing from meta
        di = induk.anak(bobot, "meta.bobot_responden")
        skema = dict.fromkeys(self.responden, _ANGKA)
        v, ok = self.bidang(bobot, skema, di, "meta.bobot_responden")
        if ok and any(b < 0 for b in v.values()):
            self.catat(di, "bobot tidak boleh negatif")
        elif ok and not any(v.values()):
            self.catat(di, "setidaknya satu kelompok responden harus berbobot lebih dari 0")
        return MappingProxyType(v)

    def kategori(self, kategori: PetaBaris | None, induk: _Tempat) -> dict[str, Any]:
        """The kategori fields of Instrumen; classes ascend, the last one open-ended."""
        if kategori is None:
            return {}  # reported as missing from meta
        di = induk.anak(kategori, "meta.kategori")
        v, _ = self.bidang(kategori, _SKEMA_KATEGORI, di, "meta.kategori")
        kelas = []
        for item in v["kelas"] or []:
            di_kelas = di.anak(
                item, f"kelas {item.get('nama') if isinstance(item, PetaBaris) else ''}"
            )
            k, ok = self.bidang(item, _SKEMA_KELAS, di_kelas, "setiap kelas")
            self.dalam_skala(k["batas_atas"], di_kelas, "batas_atas")
            if ok:
                kelas.append(Kategori(k["nama"], k["bintang"], k["batas_atas"]))
        if v["kelas"]:
            di_kelas = _Tempat(kategori.baris_kunci.get("kelas", di.baris), "meta.kategori.kelas")
            self.naik([k.batas_atas for k in kelas], di_kelas, "batas_atas")
        return {
            "kategori": tuple(kelas),
            "kategori_confirmed": v["confirmed"],
            "kategori_source": v["source"],
            "kategori_catatan": v["catatan"],
        }

    def baca_label_skala(self, peta: PetaBaris) -> None:
        for nama, label in peta.items():
            di = _Tempat(peta.baris_kunci.get(str(nama), peta.baris), f"label_skala {nama}")
            sah = (
                isinstance(label, list)
                and all(_sesuai(t, "teks") for t in label)
                and len({t.casefold() for t in label}) == len(label) == _JUMLAH_LABEL_SKALA
            )
            if not sah:
                self.catat(di, f"harus berisi {_JUMLAH_LABEL_SKALA} label teks yang berbeda")
            self.label_skala[str(nama)] = tuple(label) if sah else None

    # ------------------------------------------------------------------ standards, indicators
    def semua_standar(self, data: list[Any], akar: _Tempat) -> DaftarStandar:
        self.semua_kode = {
            str(p.get("kode")) for s in data if isinstance(s, PetaBaris)
            for i in s.get("indikator") or [] if isinstance(i, PetaBaris)
            for p in i.get("pertanyaan") or [] if isinstance(p, PetaBaris)
        }  # fmt: skip
        hasil = (self.standar(item, akar) for item in data)
        return DaftarStandar(s for s in hasil if s is not None)

    def standar(self, item: Any, akar: _Tempat) -> Standar | None:
        kode = item.get("kode") if isinstance(item, PetaBaris) else None
        di = akar.anak(item, f"standar {kode}")
        v, ok = self.bidang(item, _SKEMA_STANDAR, di, "setiap standar")
        self.unik("standar", kode, di)
        self.unik("nomor standar", v["nomor"], di, apa="nomor")
        indikator = tuple(
            i for x in v["indikator"] or [] if (i := self.indikator(x, di, v)) is not None
        )
        if not ok:
            return None
        return Standar(v["kode"], v["nomor"], v["nama"], v["source"], v["confirmed"], indikator)

    def indikator(self, item: Any, induk: _Tempat, standar: dict[str, Any]) -> Indikator | None:
        kode = item.get("kode") if isinstance(item, PetaBaris) else None
        di = induk.anak(item, f"indikator {kode}")
        v, ok = self.bidang(item, _SKEMA_INDIKATOR, di, "setiap indikator")
        self.unik("indikator", kode, di)
        if v["kode"] and standar["nomor"] and not v["kode"].startswith(f"{standar['nomor']}."):
            self.catat(di, f"kode indikator harus diawali '{standar['nomor']}.' (nomor standarnya)")
        praktik = v["praktik_baik"] or []
        if not all(_sesuai(t, "teks") for t in praktik):
            self.catat(di, "'praktik_baik' harus berupa daftar teks")
        mentah = v["pertanyaan"] or []
        pertanyaan = tuple(
            p for x in mentah if (p := self.pertanyaan(x, di, v["kode"], standar)) is not None
        )
        if len(mentah) < 2:
            self.catat(di, "indikator harus punya setidaknya 2 pertanyaan")
        if len(pertanyaan) == len(mentah):  # else a broken question would mislead this check
            self.terjangkau(pertanyaan, di)
        if not ok or standar["kode"] is None:
            return None
        return Indikator(
            v["kode"],
            v["nama"],
            standar["kode"],
            v["source"],
            v["confirmed"],
            v["catatan"],
            tuple(praktik),
            pertanyaan,
        )

    def terjangkau(self, pertanyaan: tuple[Pertanyaan, ...], tempat: _Tempat) -> None:
        """An indicator needs a scored question every school can reach through the chat."""
        chat = {kode for kode, r in self.responden.items() if r.chat}
        if not any(p.dinilai and p.jika is None and p.responden & chat for p in pertanyaan):
            self.catat(
                tempat,
                "tidak terjangkau: perlu pertanyaan yang dinilai, tanpa 'jika', dan ditanyakan "
                "kepada responden yang memakai chat",
            )

    # ------------------------------------------------------------------ questions
    def pertanyaan(
        self, item: Any, induk: _Tempat, indikator: str | None, standar: dict[str, Any]
    ) -> Pertanyaan | None:
        kode = item.get("kode") if isinstance(item, PetaBaris) else None
        di = induk.anak(item, f"pertanyaan {kode}")
        sebelum = len(self.masalah)
        jenis = self.jenis(item, di)
        skema = {**_SKEMA_PERTANYAAN, **(_SKEMA_JENIS[jenis] if jenis else _SEMUA_KUNCI_JENIS)}
        v, _ = self.bidang(item, skema, di, "setiap pertanyaan")
        self.unik("pertanyaan", kode, di)
        if v["kode"] and indikator and not v["kode"].startswith(f"{indikator}-"):
            self.catat(di, f"kode pertanyaan harus diawali '{indikator}-' (kode indikatornya)")
        responden = self.responden_pertanyaan(v["responden"] or [], di)
        isi = self.isi_jenis(jenis, v, di) if jenis else {}
        jika = self.jika(v["jika"], kode, responden, di) if v["jika"] is not None else None
        if len(self.masalah) > sebelum or jenis is None:
            return None
        p = Pertanyaan(
            kode=v["kode"],
            indikator_kode=str(indikator),
            standar_kode=standar["kode"],
            nomor_standar=standar["nomor"],
            responden=responden,
            jenis=jenis,
            teks=v["teks"],
            source=v["source"],
            confirmed=v["confirmed"],
            terbalik=bool(v.get("terbalik")),
            jika=jika,
            bukti_contoh=v.get("bukti_contoh"),
            **isi,
        )
        self.terdahulu[p.kode] = p
        return p

    def jenis(self, item: Any, tempat: _Tempat) -> JenisJawaban | None:
        jenis = item.get("jenis") if isinstance(item, PetaBaris) else None
        if isinstance(jenis, str) and jenis in _SKEMA_JENIS:
            return JenisJawaban(jenis)
        if jenis is not None:
            self.catat(tempat, f"jenis {jenis!r} tidak dikenal ({', '.join(JenisJawaban)})")
        return None  # a missing jenis is reported with the other fields

    def responden_pertanyaan(self, daftar: list[Any], tempat: _Tempat) -> frozenset[str]:
        for kode in daftar:
            if not isinstance(kode, str) or kode not in self.responden:
                self.catat(tempat, f"responden '{kode}' tidak ada di meta.responden")
        if len(set(map(str, daftar))) != len(daftar):
            self.catat(tempat, "responden ganda")
        return frozenset(map(str, daftar))

    def isi_jenis(self, jenis: JenisJawaban, v: dict[str, Any], tempat: _Tempat) -> dict[str, Any]:
        """The label, pilihan and angka fields of a question, which depend on its jenis."""
        isi: dict[str, Any] = {"label": (), "pilihan": (), "angka": None}
        if jenis is J.SKALA and v["label"] is not None:
            if v["label"] not in self.label_skala:
                self.catat(tempat, f"label '{v['label']}' tidak ada di label_skala")
            isi["label"] = self.label_skala.get(v["label"]) or ()  # a bad set is reported there
        elif jenis is J.YA_TIDAK:
            isi["label"] = LABEL_YA_TIDAK
        elif jenis is J.PILIHAN:
            isi["pilihan"] = self.semua_pilihan(v["pilihan"] or [], tempat)
            isi["label"] = tuple(p.label for p in isi["pilihan"])
        elif jenis is J.ANGKA:
            isi["angka"] = self.rentang(v["angka"], v["skor"], tempat)
        elif jenis is J.PERSEN:
            isi["angka"] = Rentang(0.0, 100.0, "%", ())
        return isi

    def semua_pilihan(self, daftar: list[Any], tempat: _Tempat) -> tuple[Pilihan, ...]:
        sedikit, banyak = _JUMLAH_PILIHAN
        if daftar and not sedikit <= len(daftar) <= banyak:
            self.catat(tempat, f"'pilihan' harus berisi {sedikit} sampai {banyak} pilihan")
        hasil = []
        for nomor, item in enumerate(daftar, start=1):
            v, ok = self.bidang(item, _SKEMA_PILIHAN, tempat, f"pilihan ke-{nomor}")
            self.dalam_skala(v["skor"], tempat, f"skor pilihan ke-{nomor} ({v['label']})")
            if ok and v["label"].strip().isdigit():
                # A typed "2" must mean the button index, never a label.
                self.catat(tempat, f"label pilihan ke-{nomor} tidak boleh hanya angka")
            if ok:
                hasil.append(Pilihan(v["label"], v["skor"]))
        if len({p.label.casefold() for p in hasil}) != len(hasil):
            self.catat(tempat, "label pilihan harus berbeda satu sama lain")
        return tuple(hasil)

    def rentang(self, angka: Any, skor: list[Any] | None, tempat: _Tempat) -> Rentang | None:
        v, ok = self.bidang(angka, _SKEMA_RENTANG, tempat, "'angka'")
        if ok and v["min"] >= v["maks"]:
            self.catat(tempat, "angka.min harus lebih kecil dari angka.maks")
        pita = []
        for nomor, item in enumerate(skor or [], start=1):
            band, band_ok = self.bidang(item, _SKEMA_PITA, tempat, f"skor ke-{nomor}")
            self.dalam_skala(band["skor"], tempat, f"skor ke-{nomor}")
            if band_ok:
                pita.append(Pita(band["sampai"], band["skor"]))
        if skor:
            self.naik([p.sampai for p in pita], tempat, "'sampai' pada pita skor")
        return Rentang(v["min"], v["maks"], v["satuan"], tuple(pita)) if ok else None

    def jika(
        self, jika: PetaBaris, kode: Any, responden: frozenset[str], tempat: _Tempat
    ) -> Syarat | None:
        v, ok = self.bidang(jika, _SKEMA_JIKA, tempat, "'jika'")
        rujukan = v["pertanyaan"]
        if not ok:
            return None
        if f"pertanyaan {rujukan}" not in self.baris_kode or rujukan == kode:
            letak = "sesudahnya" if rujukan in self.semua_kode else "tidak ada"
            self.catat(tempat, f"jika merujuk {rujukan}, yang {letak}; harus pertanyaan sebelumnya")
            return None
        asal = self.terdahulu.get(rujukan)
        if asal is None:
            return None  # the referenced question is broken and already reported
        if not responden <= asal.responden:
            kurang = ", ".join(sorted(responden - asal.responden))
            self.catat(tempat, f"jika merujuk {rujukan}, yang tidak ditanyakan kepada {kurang}")
        if asal.jenis in (J.TEKS, J.BUKTI):
            self.catat(tempat, f"jika tidak dapat merujuk pertanyaan jenis {asal.jenis}")
            return None
        for nilai in v["nilai"]:
            if not isinstance(nilai, str) or not _nilai_jika_sah(asal, nilai):
                self.catat(tempat, f"nilai jika {nilai!r} bukan jawaban yang mungkin di {rujukan}")
        label = asal.label if asal.jenis in (J.SKALA, J.PILIHAN) else ()
        return Syarat(rujukan, frozenset(map(str, v["nilai"])), label)


def _nilai_jika_sah(asal: Pertanyaan, nilai: str) -> bool:
    """Whether a jika value can match: a label, "ya"/"tidak", or a stored number in range."""
    if asal.jenis in (J.SKALA, J.PILIHAN):
        return nilai in asal.label
    if asal.jenis is J.YA_TIDAK:
        return nilai in ("ya", "tidak")
    try:
        angka = float(nilai)
    except ValueError:
        return False
    rentang = asal.angka
    return rentang is not None and kanonik(angka) == nilai and rentang.min <= angka <= rentang.maks
