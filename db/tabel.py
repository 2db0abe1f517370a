"""The tables, as SQLAlchemy Core. Times are UTC; money is an integer of rupiah."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
    text,
    true,
)
from sqlalchemy.types import TypeDecorator

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)


class WaktuUTC(TypeDecorator[datetime]):
    """A datetime stored as naive UTC and always returned aware (SQLite keeps no zone)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the database; use aware UTC")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: object) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


sekolah = Table(
    "sekolah",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("npsn", String(8), nullable=False, unique=True),
    Column("nama", String(200), nullable=False),
    Column("jenjang", String(8), nullable=False),
    Column("kabupaten", String(100), nullable=False),
    Column("provinsi", String(100), nullable=False),
    Column("zona_waktu", String(40), nullable=False),
    Column("dibuat_pada", WaktuUTC, nullable=False),
    # Weekday numbers (Monday 0) and local times when reminders may go out.
    Column("hari_sekolah", String(20), nullable=False, server_default=text("'0,1,2,3,4,5'")),
    Column("jam_mulai", String(5), nullable=False, server_default=text("'07:00'")),
    Column("jam_selesai", String(5), nullable=False, server_default=text("'15:00'")),
    Column("jam_tenang_mulai", String(5), nullable=False, server_default=text("'21:00'")),
    Column("jam_tenang_selesai", String(5), nullable=False, server_default=text("'06:00'")),
)

pengguna = Table(
    "pengguna",
    metadata,
    # The Telegram user id: stable, and what every update carries.
    Column("id", BigInteger, primary_key=True, autoincrement=False),
    Column("nama", String(200), nullable=False),
    # The user chose `nama` themselves (/nama): Telegram's name no longer replaces it.
    Column("nama_dipilih", Boolean, nullable=False, server_default=false()),
    Column("username", String(64)),
    Column("aktif", Boolean, nullable=False, server_default=true()),
    Column("sekolah_aktif_id", Integer, ForeignKey("sekolah.id", ondelete="SET NULL")),
    # On leave (cuti/izin) until this local date: non-urgent reminders wait until after it.
    Column("cuti_sampai", Date),
    Column("dibuat_pada", WaktuUTC, nullable=False),
    Column("terakhir_aktif", WaktuUTC, nullable=False),
)

keanggotaan = Table(
    "keanggotaan",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("pengguna_id", BigInteger, ForeignKey("pengguna.id"), nullable=False),
    Column("sekolah_id", Integer, ForeignKey("sekolah.id"), nullable=False),
    Column("peran", String(20), nullable=False),
    Column("aktif", Boolean, nullable=False, server_default=true()),
    Column("dibuat_pada", WaktuUTC, nullable=False),
    Column("keluar_pada", WaktuUTC),
    # Removed by a kepala_sekolah: no invite code brings them back until one re-admits them.
    Column("dikeluarkan", Boolean, nullable=False, server_default=false()),
    UniqueConstraint("pengguna_id", "sekolah_id", name="uq_keanggotaan_pengguna_sekolah"),
    CheckConstraint(
        "peran IN ('kepala_sekolah','koordinator','guru','tendik','pengawas')", name="peran"
    ),
)
Index("ix_keanggotaan_sekolah", keanggotaan.c.sekolah_id, keanggotaan.c.aktif)

undangan = Table(
    "undangan",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("kode", String(16), nullable=False, unique=True),
    Column("sekolah_id", Integer, ForeignKey("sekolah.id"), nullable=False),
    Column("peran", String(20), nullable=False),
    Column("dibuat_oleh", BigInteger, ForeignKey("pengguna.id"), nullable=False),
    Column("dibuat_pada", WaktuUTC, nullable=False),
    Column("kedaluwarsa_pada", WaktuUTC, nullable=False),
    Column("maks_pakai", Integer, nullable=False),
    Column("dipakai", Integer, nullable=False, server_default=text("0")),
    Column("dicabut_pada", WaktuUTC),
    # "<chat>:<message>" of the button that created it, so a doubled tap makes one code.
    Column("kunci_idem", String(40), unique=True),
    CheckConstraint("dipakai <= maks_pakai", name="kuota"),
)
Index("ix_undangan_sekolah", undangan.c.sekolah_id)

siklus = Table(
    "siklus",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("sekolah_id", Integer, ForeignKey("sekolah.id"), nullable=False),
    Column("tahun_ajaran", String(9), nullable=False),
    Column("tahap", Integer, nullable=False, server_default=text("1")),
    Column("status", String(10), nullable=False, server_default=text("'terbuka'")),
    Column("instrumen_versi", String(40)),
    Column("dibuka_pada", WaktuUTC, nullable=False),
    # Stage 1 questionnaires were sent out (the instrument version is fixed from then on).
    Column("pemetaan_dibuka_pada", WaktuUTC),
    Column("ditutup_pada", WaktuUTC),
    # The quality map as it stood when stage 1 closed (school score, per standard, the red
    # indicators): what summaries across many schools read instead of every answer.
    Column("peta", JSON),
    # The Rapor Pendidikan edition stage 1 closed on (null: none, or closed before it counted).
    Column("rapor_edisi", String(40)),
    CheckConstraint("tahap BETWEEN 1 AND 5", name="tahap"),
    CheckConstraint("status IN ('terbuka','selesai')", name="status"),
)
# One open cycle per school, enforced by the database itself.
Index(
    "uq_siklus_terbuka",
    siklus.c.sekolah_id,
    unique=True,
    sqlite_where=siklus.c.status == "terbuka",
    postgresql_where=siklus.c.status == "terbuka",
)

audit = Table(
    "audit",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("waktu", WaktuUTC, nullable=False),
    Column("pengguna_id", BigInteger),
    Column("sekolah_id", Integer),
    Column("aksi", String(60), nullable=False),
    Column("objek", String(40)),
    Column("objek_id", String(40)),
    Column("rincian", JSON),
)
Index("ix_audit_sekolah_waktu", audit.c.sekolah_id, audit.c.waktu)

# Every instrument version a cycle used, kept whole, so old answers keep their meaning after
# the data file changes.
instrumen = Table(
    "instrumen",
    metadata,
    Column("versi", String(40), primary_key=True),
    Column("isi", Text, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("didaftarkan_pada", WaktuUTC, nullable=False),
)

jawaban = Table(
    "jawaban",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("siklus_id", Integer, ForeignKey("siklus.id"), nullable=False),
    Column("pengguna_id", BigInteger, ForeignKey("pengguna.id"), nullable=False),
    # The respondent group the answer was given as (kepala_sekolah, guru, tendik).
    Column("responden", String(20), nullable=False),
    Column("pertanyaan_kode", String(20), nullable=False),
    Column("nilai", Text, nullable=False),
    # "sah", or "dikembalikan" when the coordinator asked the respondent to check it again.
    Column("status", String(12), nullable=False, server_default=text("'sah'")),
    Column("komentar", Text),
    Column("dijawab_pada", WaktuUTC, nullable=False),
    Column("diperbarui_pada", WaktuUTC, nullable=False),
    UniqueConstraint("siklus_id", "pengguna_id", "pertanyaan_kode", name="uq_jawaban_satu"),
)

# Questions a respondent skipped: unanswered, offered again at the end.
lewatan = Table(
    "lewatan",
    metadata,
    Column("siklus_id", Integer, ForeignKey("siklus.id"), primary_key=True),
    Column("pengguna_id", BigInteger, primary_key=True, autoincrement=False),
    Column("pertanyaan_kode", String(20), primary_key=True),
    Column("waktu", WaktuUTC, nullable=False),
)

# The question a respondent has in front of them: only its buttons are accepted.
posisi_kuesioner = Table(
    "posisi_kuesioner",
    metadata,
    Column("siklus_id", Integer, ForeignKey("siklus.id"), primary_key=True),
    Column("pengguna_id", BigInteger, primary_key=True, autoincrement=False),
    Column("pertanyaan_kode", String(20), nullable=False),
    Column("diperbarui_pada", WaktuUTC, nullable=False),
)

bukti = Table(
    "bukti",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("sekolah_id", Integer, ForeignKey("sekolah.id"), nullable=False),
    Column("siklus_id", Integer, ForeignKey("siklus.id"), nullable=False),
    Column("pengguna_id", BigInteger, ForeignKey("pengguna.id"), nullable=False),
    # What it proves: "pertanyaan:<kode>" in stage 1; later stages add their own.
    Column("sumber", String(40), nullable=False),
    Column("file_id", String(200), nullable=False),
    Column("file_unique_id", String(100), nullable=False),
    Column("nama_file", String(200)),
    Column("mime", String(100), nullable=False),
    Column("ukuran", Integer, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("path", String(400), nullable=False),
    Column("dibuat_pada", WaktuUTC, nullable=False),
)
Index("ix_bukti_siklus", bukti.c.siklus_id)

# Stage 2: the plan (Rencana Pemenuhan Mutu). Each approval locks a version; a change after
# that works on a new version, copied from the last one.
rencana = Table(
    "rencana",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("siklus_id", Integer, ForeignKey("siklus.id"), nullable=False),
    Column("versi", Integer, nullable=False),
    Column("status", String(10), nullable=False, server_default=text("'draf'")),
    Column("dibuat_pada", WaktuUTC, nullable=False),
    Column("disetujui_oleh", BigInteger, ForeignKey("pengguna.id")),
    Column("disetujui_pada", WaktuUTC),
    Column("ditinjau_oleh", BigInteger, ForeignKey("pengguna.id")),
    Column("ditinjau_pada", WaktuUTC),
    Column("komentar_tinjauan", Text),
    UniqueConstraint("siklus_id", "versi", name="uq_rencana_versi"),
    CheckConstraint("status IN ('draf','disetujui')", name="status"),
)

masalah = Table(
    "masalah",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("rencana_id", Integer, ForeignKey("rencana.id", ondelete="CASCADE"), nullable=False),
    Column("indikator_kode", String(10), nullable=False),
    Column("skor_awal", Float),
    Column("akar_kategori", String(20), nullable=False),
    Column("akar_penjelasan", Text, nullable=False),
    Column("urutan", Integer, nullable=False),
    # PBD on Rapor Pendidikan (NULL for a problem from the school's own SNP evaluation): the
    # indicator's official name and label when chosen, and the root-cause indicator picked
    # from the bot's suggestions (NULL when the team wrote its own).
    Column("indikator_nama", String(300)),
    Column("capaian_label", String(20)),
    Column("akar_kode", String(20)),
    UniqueConstraint("rencana_id", "indikator_kode", name="uq_masalah_indikator"),
)
Index("ix_masalah_rencana", masalah.c.rencana_id)

program = Table(
    "program",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("masalah_id", Integer, ForeignKey("masalah.id", ondelete="CASCADE"), nullable=False),
    Column("nama", String(300), nullable=False),
    Column("urutan", Integer, nullable=False),
)
Index("ix_program_masalah", program.c.masalah_id)

kegiatan = Table(
    "kegiatan",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("program_id", Integer, ForeignKey("program.id", ondelete="CASCADE"), nullable=False),
    # Stable across plan versions: a commitment follows its activity from version to version.
    Column("kunci", String(36), nullable=False),
    Column("deskripsi", Text, nullable=False),
    Column("pic_id", BigInteger, ForeignKey("pengguna.id"), nullable=False),
    Column("mulai", Date, nullable=False),
    Column("selesai", Date, nullable=False),
    Column("anggaran", BigInteger, nullable=False),
    Column("indikator_keberhasilan", Text, nullable=False),
    Column("target_skor", Float, nullable=False),
    Column("urutan", Integer, nullable=False),
    # PBD Benahi: does it need money (NULL: not asked, a plan made before PBD), and the ARKAS
    # activity it is budgeted under (code may be NULL when typed without one).
    Column("butuh_biaya", Boolean),
    Column("arkas_kode", String(20)),
    Column("arkas_nama", String(300)),
    CheckConstraint("selesai >= mulai", name="tanggal"),
    CheckConstraint("anggaran >= 0", name="anggaran"),
)
Index("ix_kegiatan_program", kegiatan.c.program_id)

# Stage 3: an approved activity is a commitment of its person in charge.
komitmen = Table(
    "komitmen",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("siklus_id", Integer, ForeignKey("siklus.id"), nullable=False),
    Column("kegiatan_kunci", String(36), nullable=False),
    Column("pengguna_id", BigInteger, ForeignKey("pengguna.id"), nullable=False),
    Column("indikator_kode", String(10), nullable=False),
    # menunggu -> berkomitmen | perlu_dibahas
    Column("respons", String(15), nullable=False, server_default=text("'menunggu'")),
    Column("alasan", Text),
    Column("direspons_pada", WaktuUTC),
    # belum_mulai, berjalan, selesai, terkendala (from the latest report)
    Column("kemajuan", String(12), nullable=False, server_default=text("'belum_mulai'")),
    Column("persen", Integer, nullable=False, server_default=text("0")),
    # The coordinator's word on a reported 'selesai': diterima or dikembalikan.
    Column("verifikasi", String(12)),
    Column("komentar_verifikasi", Text),
    Column("dibuat_pada", WaktuUTC, nullable=False),
    Column("aktif", Boolean, nullable=False, server_default=true()),
    UniqueConstraint("siklus_id", "kegiatan_kunci", name="uq_komitmen_kegiatan"),
)
Index("ix_komitmen_pengguna", komitmen.c.pengguna_id, komitmen.c.aktif)

laporan = Table(
    "laporan",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("komitmen_id", Integer, ForeignKey("komitmen.id"), nullable=False),
    Column("pengguna_id", BigInteger, ForeignKey("pengguna.id"), nullable=False),
    Column("status", String(12), nullable=False),
    Column("persen", Integer, nullable=False),
    Column("catatan", Text),
    Column("bukti_id", Integer, ForeignKey("bukti.id")),
    Column("dibuat_pada", WaktuUTC, nullable=False),
    CheckConstraint("persen BETWEEN 0 AND 100", name="persen"),
)
Index("ix_laporan_komitmen", laporan.c.komitmen_id)

# Stage 4: the reminder outbox. Every planned message is a row; one job claims due rows,
# sends them at a paced rate and marks them. `kunci` makes planning idempotent.
pengingat = Table(
    "pengingat",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("kunci", String(120), nullable=False, unique=True),
    Column("sekolah_id", Integer, ForeignKey("sekolah.id")),
    Column("pengguna_id", BigInteger, nullable=False),  # the chat it goes to
    Column("jenis", String(40), nullable=False),
    Column("rujukan", String(60)),  # what it is about, e.g. "komitmen:12"
    Column("isi", JSON, nullable=False),  # template, its context and buttons
    Column("jatuh_tempo", WaktuUTC, nullable=False),
    # direncanakan -> mengirim -> terkirim | gagal; batal when re-planned away
    Column("status", String(12), nullable=False, server_default=text("'direncanakan'")),
    Column("percobaan", Integer, nullable=False, server_default=text("0")),
    Column("sewa_sampai", WaktuUTC),
    Column("pesan_id", BigInteger),
    Column("galat_terakhir", Text),
    Column("dikirim_pada", WaktuUTC),
    Column("dibuat_pada", WaktuUTC, nullable=False),
    CheckConstraint(
        "status IN ('direncanakan','mengirim','terkirim','gagal','batal')", name="status"
    ),
)
Index("ix_pengingat_jatuh_tempo", pengingat.c.status, pengingat.c.jatuh_tempo)
Index("ix_pengingat_sewa", pengingat.c.status, pengingat.c.sewa_sampai)
Index("ix_pengingat_pengguna", pengingat.c.pengguna_id, pengingat.c.status)

# Stage 4's evaluation: for each program of the approved plan, was the target met, what was
# achieved, why, and what follows. Stage 5 reads it.
evaluasi_program = Table(
    "evaluasi_program",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("siklus_id", Integer, ForeignKey("siklus.id"), nullable=False),
    Column("indikator_kode", String(10), nullable=False),
    Column("program_urutan", Integer, nullable=False),
    Column("program_nama", String(300), nullable=False),
    Column("target_tercapai", String(10), nullable=False),
    Column("capaian", Text, nullable=False),
    Column("alasan", Text, nullable=False),
    Column("tindak_lanjut", String(10), nullable=False),
    Column("dinilai_oleh", BigInteger, ForeignKey("pengguna.id"), nullable=False),
    Column("dinilai_pada", WaktuUTC, nullable=False),
    UniqueConstraint("siklus_id", "indikator_kode", "program_urutan", name="uq_evaluasi_program"),
    CheckConstraint("target_tercapai IN ('ya','sebagian','tidak')", name="tercapai"),
    CheckConstraint("tindak_lanjut IN ('lanjutkan','ubah','hentikan')", name="tindak_lanjut"),
)

# School time rules for reminders (stage 4): school days, hours, quiet hours and holidays.
libur = Table(
    "libur",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("sekolah_id", Integer, ForeignKey("sekolah.id"), nullable=False),
    Column("mulai", Date, nullable=False),
    Column("selesai", Date, nullable=False),
    Column("keterangan", String(100), nullable=False),
    CheckConstraint("selesai >= mulai", name="rentang"),
)
Index("ix_libur_sekolah", libur.c.sekolah_id)

# Half-finished multi-step input (a registration being typed): the truth a conversation
# resumes from after a restart, and what /batal throws away.
draf = Table(
    "draf",
    metadata,
    Column("pengguna_id", BigInteger, primary_key=True, autoincrement=False),
    Column("jenis", String(30), primary_key=True),
    Column("isi", JSON, nullable=False),
    Column("diperbarui_pada", WaktuUTC, nullable=False),
)

# A school's Telegram group, linked by /hubungkan: the weekly summary is posted there too.
grup_sekolah = Table(
    "grup_sekolah",
    metadata,
    Column("sekolah_id", Integer, ForeignKey("sekolah.id"), primary_key=True),
    Column("chat_id", BigInteger, nullable=False, unique=True),
    Column("judul", String(200), nullable=False),
    Column("dihubungkan_oleh", BigInteger, ForeignKey("pengguna.id"), nullable=False),
    Column("dihubungkan_pada", WaktuUTC, nullable=False),
)

# python-telegram-bot's conversation states (our BasePersistence writes here).
status_percakapan = Table(
    "status_percakapan",
    metadata,
    Column("nama", String(60), primary_key=True),
    Column("kunci", String(100), primary_key=True),
    Column("status", Text, nullable=False),
    Column("diperbarui_pada", WaktuUTC, nullable=False),
)

# Stage 5, penetapan standar mutu baru: the school's own target per standard for the next
# cycle, set while this cycle is in stage 5 and attached to the next cycle when it opens.
target_standar = Table(
    "target_standar",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("siklus_id", Integer, ForeignKey("siklus.id"), nullable=False),
    Column("standar_kode", String(20), nullable=False),
    Column("skor", Float),  # the standard's score in this cycle when the target was set
    Column("target", Float, nullable=False),
    Column("siklus_tujuan_id", Integer, ForeignKey("siklus.id")),
    # None: the default, filled in when the cycle closed without a choice for this standard.
    Column("ditetapkan_oleh", BigInteger, ForeignKey("pengguna.id")),
    Column("ditetapkan_pada", WaktuUTC, nullable=False),
    UniqueConstraint("siklus_id", "standar_kode", name="uq_target_standar"),
)
Index("ix_target_standar_tujuan", target_standar.c.siklus_tujuan_id)

# Stage 5: the next cycle's target per Rapor Pendidikan indicator (the report's own label, and
# a value not below the school's own), set while this cycle is in stage 5 and attached to the
# next cycle when it opens, as target_standar is. An indicator no source measures gets none.
target_rapor = Table(
    "target_rapor",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("siklus_id", Integer, ForeignKey("siklus.id"), nullable=False),
    Column("kode", String(20), nullable=False),
    Column("label", String(16), nullable=False),
    Column("nilai_minimum", Float),  # the school's own value when the target was set
    Column("edisi", String(60), nullable=False),  # the edition the target was set from
    Column("siklus_tujuan_id", Integer, ForeignKey("siklus.id")),
    # None: the proposal, filled in when the cycle closed without a choice for this indicator.
    Column("ditetapkan_oleh", BigInteger, ForeignKey("pengguna.id")),
    Column("ditetapkan_pada", WaktuUTC, nullable=False),
    UniqueConstraint("siklus_id", "kode", name="uq_target_rapor"),
    CheckConstraint("label IN ('baik','sedang','kurang')", name="label"),
)
Index("ix_target_rapor_tujuan", target_rapor.c.siklus_tujuan_id)

# Stage 5: activities that carry over into the next plan, as drafts. A row is the
# coordinator's choice for one candidate (dibawa), a copy of the activity as it was, and, once
# the cycle closed, the cycle it went to and what the new plan did with it.
kegiatan_bawaan = Table(
    "kegiatan_bawaan",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("siklus_asal_id", Integer, ForeignKey("siklus.id"), nullable=False),
    Column("kegiatan_kunci", String(36), nullable=False),
    Column("dibawa", Boolean, nullable=False, server_default=true()),
    Column("siklus_tujuan_id", Integer, ForeignKey("siklus.id")),
    Column("indikator_kode", String(10), nullable=False),
    Column("akar_kategori", String(20), nullable=False),
    Column("akar_penjelasan", Text, nullable=False),
    Column("program_nama", String(300), nullable=False),
    Column("deskripsi", Text, nullable=False),
    Column("pic_id", BigInteger, ForeignKey("pengguna.id"), nullable=False),
    Column("anggaran", BigInteger, nullable=False),
    Column("indikator_keberhasilan", Text, nullable=False),
    Column("target_skor", Float, nullable=False),
    # belum_selesai, target_tidak or target_sebagian
    Column("alasan", String(20), nullable=False),
    # menunggu -> diambil (in the new plan as kegiatan_kunci_baru) | dilewati
    Column("status", String(10), nullable=False, server_default=text("'menunggu'")),
    Column("kegiatan_kunci_baru", String(36)),
    Column("diputuskan_pada", WaktuUTC),
    Column("diperbarui_pada", WaktuUTC, nullable=False),
    UniqueConstraint("siklus_asal_id", "kegiatan_kunci", name="uq_kegiatan_bawaan"),
    CheckConstraint("status IN ('menunggu','diambil','dilewati')", name="status"),
)
Index("ix_kegiatan_bawaan_tujuan", kegiatan_bawaan.c.siklus_tujuan_id, kegiatan_bawaan.c.status)
# SPME readiness (/akreditasi): per school, beside the cycle. `instrumen` is the code of an
# accreditation instrument in db/akreditasi_*.yaml (iasp2020, ia2024).
akreditasi_pilihan = Table(
    "akreditasi_pilihan",
    metadata,
    Column("sekolah_id", Integer, ForeignKey("sekolah.id"), primary_key=True),
    Column("instrumen", String(20), nullable=False),
    Column("dipilih_oleh", BigInteger, ForeignKey("pengguna.id"), nullable=False),
    Column("dipilih_pada", WaktuUTC, nullable=False),
    # IA2024 3.10.3: which rubric applies (heterogen: mixed classes, homogen: single-sex).
    Column("konteks_gender", String(12)),
)

# The school's self-assessment of one butir: its level (1-4) and whether something is missing.
akreditasi_butir = Table(
    "akreditasi_butir",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("sekolah_id", Integer, ForeignKey("sekolah.id"), nullable=False),
    Column("instrumen", String(20), nullable=False),
    Column("butir", String(20), nullable=False),
    Column("level", Integer),
    Column("kurang", Boolean, nullable=False, server_default=false()),
    Column("diperbarui_oleh", BigInteger, ForeignKey("pengguna.id"), nullable=False),
    Column("diperbarui_pada", WaktuUTC, nullable=False),
    # IA2024: not applicable (only where the instrument allows it); level is then NULL.
    Column("na", Boolean, nullable=False, server_default=false()),
    UniqueConstraint("sekolah_id", "instrumen", "butir", name="uq_akreditasi_butir"),
    CheckConstraint("level IS NULL OR level BETWEEN 1 AND 4", name="level"),
)

# Evidence linked to a butir (any evidence file of the school, from any stage).
akreditasi_tautan = Table(
    "akreditasi_tautan",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("sekolah_id", Integer, ForeignKey("sekolah.id"), nullable=False),
    Column("instrumen", String(20), nullable=False),
    Column("butir", String(20), nullable=False),
    Column("bukti_id", Integer, ForeignKey("bukti.id"), nullable=False),
    Column("ditautkan_oleh", BigInteger, ForeignKey("pengguna.id"), nullable=False),
    Column("ditautkan_pada", WaktuUTC, nullable=False),
    UniqueConstraint("sekolah_id", "instrumen", "butir", "bukti_id", name="uq_akreditasi_tautan"),
)

# The pre-visit document checklist: ada (present), belum (missing), tidak_sesuai (unsuitable).
akreditasi_dokumen = Table(
    "akreditasi_dokumen",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("sekolah_id", Integer, ForeignKey("sekolah.id"), nullable=False),
    Column("instrumen", String(20), nullable=False),
    Column("dokumen", String(20), nullable=False),
    Column("status", String(12), nullable=False),
    Column("bukti_id", Integer, ForeignKey("bukti.id")),
    Column("tautan", String(400)),
    Column("diperbarui_oleh", BigInteger, ForeignKey("pengguna.id"), nullable=False),
    Column("diperbarui_pada", WaktuUTC, nullable=False),
    UniqueConstraint("sekolah_id", "instrumen", "dokumen", name="uq_akreditasi_dokumen"),
    CheckConstraint("status IN ('ada','belum','tidak_sesuai')", name="status"),
)

# Visit practice: interview answers (jenis wawancara, kode of the question, typed text) and
# class observation (jenis observasi, kode of the checklist item, nilai ya/tidak).
akreditasi_latihan = Table(
    "akreditasi_latihan",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("sekolah_id", Integer, ForeignKey("sekolah.id"), nullable=False),
    Column("instrumen", String(20), nullable=False),
    Column("jenis", String(12), nullable=False),
    Column("kode", String(20), nullable=False),
    Column("pengguna_id", BigInteger, ForeignKey("pengguna.id"), nullable=False),
    Column("nilai", Text, nullable=False),
    Column("dijawab_pada", WaktuUTC, nullable=False),
    UniqueConstraint(
        "sekolah_id", "instrumen", "jenis", "kode", "pengguna_id", name="uq_akreditasi_latihan"
    ),
    CheckConstraint("jenis IN ('wawancara','observasi')", name="jenis"),
)

# IA2024 DKA narrative per butir: drafted by the bot or typed by the koordinator (draf), approved
# by the kepala sekolah (disetujui). An edit after approval makes it a draft again.
akreditasi_dka = Table(
    "akreditasi_dka",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("sekolah_id", Integer, ForeignKey("sekolah.id"), nullable=False),
    Column("instrumen", String(20), nullable=False),
    Column("butir", String(20), nullable=False),
    Column("teks", Text, nullable=False),
    Column("status", String(12), nullable=False),
    Column("diperbarui_oleh", BigInteger, ForeignKey("pengguna.id"), nullable=False),
    Column("diperbarui_pada", WaktuUTC, nullable=False),
    Column("disetujui_oleh", BigInteger, ForeignKey("pengguna.id")),
    Column("disetujui_pada", WaktuUTC),
    UniqueConstraint("sekolah_id", "instrumen", "butir", name="uq_akreditasi_dka"),
    CheckConstraint("status IN ('draf','disetujui')", name="status"),
)

# Documents built by worker processes (`asisten-mutu pekerja`): the chat process queues a
# request, a worker claims it under a lease, builds and sends the files, and marks the outcome.
# menunggu -> dikerjakan -> selesai | ditolak | gagal
tugas_dokumen = Table(
    "tugas_dokumen",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("pengguna_id", BigInteger, nullable=False),
    Column("sekolah_id", Integer, ForeignKey("sekolah.id"), nullable=False),
    Column("chat_id", BigInteger, nullable=False),
    Column("kunci", String(40), nullable=False),  # the kind in bot.layanan.laporan.JENIS
    Column("status", String(12), nullable=False, server_default=text("'menunggu'")),
    Column("percobaan", Integer, nullable=False, server_default=text("0")),
    Column("sewa_sampai", WaktuUTC),
    Column("galat_terakhir", Text),
    Column("dibuat_pada", WaktuUTC, nullable=False),
    Column("selesai_pada", WaktuUTC),
    CheckConstraint(
        "status IN ('menunggu','dikerjakan','selesai','ditolak','gagal')", name="status"
    ),
)
Index("ix_tugas_dokumen_status", tugas_dokumen.c.status, tugas_dokumen.c.dibuat_pada)
Index(
    "ix_tugas_dokumen_pengguna",
    tugas_dokumen.c.pengguna_id,
    tugas_dokumen.c.kunci,
    tugas_dokumen.c.status,
)

# Worker processes alive: each one writes its heartbeat here; the chat process queues documents
# only while one has beaten recently, and builds them itself otherwise.
pekerja = Table(
    "pekerja",
    metadata,
    Column("nama", String(80), primary_key=True),  # host and process id
    Column("detak_terakhir", WaktuUTC, nullable=False),
)

# Rapor Pendidikan (/rapor): one import per school and edition ("Rapor Pendidikan 2025"), read
# from the school's download (sumber berkas) or typed by hand (ketik). A new import of the same
# edition replaces the old one whole. Labels are the report's own, never recomputed.
rapor_impor = Table(
    "rapor_impor",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("sekolah_id", Integer, ForeignKey("sekolah.id"), nullable=False),
    Column("edisi", String(60), nullable=False),
    Column("sumber", String(8), nullable=False),
    Column("nama_berkas", String(255)),
    Column("npsn_berkas", String(8)),
    Column("katalog_versi", String(20), nullable=False),
    Column("diimpor_oleh", BigInteger, ForeignKey("pengguna.id"), nullable=False),
    Column("diimpor_pada", WaktuUTC, nullable=False),
    UniqueConstraint("sekolah_id", "edisi", name="uq_rapor_impor"),
    CheckConstraint("sumber IN ('berkas','ketik')", name="sumber"),
)

# Per indicator or sub-indicator of an import: label, value (percent for A.1/A.2, else 0-100),
# change from last year (arah, with the amount where the report gives one), and rank quintile
# (1 top 1-20% .. 5 bottom 81-100%) regional and national where present.
rapor_capaian = Table(
    "rapor_capaian",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("impor_id", Integer, ForeignKey("rapor_impor.id", ondelete="CASCADE"), nullable=False),
    Column("kode", String(20), nullable=False),
    Column("label", String(16)),
    Column("teks_label", Text),
    Column("nilai", Float),
    Column("arah", String(8)),
    Column("perubahan", Float),
    Column("peringkat_daerah", Integer),
    Column("peringkat_nasional", Integer),
    Column("diperbarui_oleh", BigInteger, ForeignKey("pengguna.id"), nullable=False),
    Column("diperbarui_pada", WaktuUTC, nullable=False),
    UniqueConstraint("impor_id", "kode", name="uq_rapor_capaian"),
    CheckConstraint(
        "label IS NULL OR label IN ('baik','sedang','kurang','tidak_tersedia')", name="label"
    ),
    CheckConstraint("arah IS NULL OR arah IN ('naik','turun','tetap')", name="arah"),
    CheckConstraint("nilai IS NULL OR (nilai >= 0 AND nilai <= 100)", name="nilai"),
    CheckConstraint(
        "peringkat_daerah IS NULL OR peringkat_daerah BETWEEN 1 AND 5", name="peringkat_daerah"
    ),
    CheckConstraint(
        "peringkat_nasional IS NULL OR peringkat_nasional BETWEEN 1 AND 5",
        name="peringkat_nasional",
    ),
)
