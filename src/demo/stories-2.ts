import { paragraph } from '../content/blocks.ts';
import type { DemoStory } from './types.ts';

/**
 * Demo stories, batch 2: the tourist levy, the Padangbai–Lembar ferry crossing,
 * fishermen in Kedonganan, the rice harvest, and festivals on Lombok and in Bali.
 * All people, quotes, and figures are invented.
 */
export const STORIES_2: DemoStory[] = [
  {
    key: 'b-levy-1',
    section: 'pariwisata',
    headline: 'DPRD Bali Sahkan Perda Pungutan bagi Wisatawan Asing',
    deck: 'Setiap wisatawan mancanegara yang masuk ke Bali akan dipungut Rp150.000 sekali kunjungan mulai dua pekan lagi.',
    dateline: 'DENPASAR',
    source: null,
    initials: 'Ayu/Warta',
    bylines: ['ni-luh-ayu-wulandari'],
    tags: ['Pungutan Wisatawan', 'Wisatawan Asing', 'DPRD Bali'],
    image: {
      caption:
        'Anggota DPRD Bali mengangkat tangan tanda setuju dalam rapat paripurna di gedung dewan, Renon, Denpasar. Rapat itu mengesahkan peraturan daerah tentang pungutan bagi wisatawan asing.',
      credit: 'Warta/Ayu',
      archive: false,
      alt: 'Rapat paripurna DPRD Bali',
      scene: { motif: 'meeting', light: 'noon' },
    },
    blocks: [
      paragraph(
        'Dewan Perwakilan Rakyat Daerah (DPRD) Provinsi Bali mengesahkan peraturan daerah tentang pungutan bagi wisatawan asing dalam rapat paripurna di Denpasar, Selasa. Dengan perda ini, setiap wisatawan mancanegara yang masuk ke Bali wajib membayar Rp150.000 untuk satu kali kunjungan.',
      ),
      paragraph(
        'Seluruh fraksi menyatakan setuju setelah panitia khusus membahas rancangan perda itu selama hampir lima bulan. Pemungutan direncanakan mulai dua pekan lagi, setelah peraturan gubernur sebagai aturan pelaksananya terbit.',
      ),
      paragraph(
        '“Pungutan ini bukan tiket masuk dan bukan pajak. Ini kontribusi wisatawan untuk menjaga alam dan budaya yang justru mereka datangi,” kata Ketua Panitia Khusus DPRD Bali, I Ketut Arsana Widnyana, seusai rapat.',
      ),
      { type: 'heading', level: 2, text: 'Dipungut sekali, berlaku selama kunjungan' },
      paragraph(
        'Menurut perda tersebut, pungutan dibayar sekali selama wisatawan berada di Bali, berapa pun lama tinggalnya. Wisatawan yang keluar dari Bali lalu masuk kembali, misalnya setelah berlibur ke Lombok, wajib membayar lagi.',
      ),
      paragraph(
        'Pembayaran dapat dilakukan secara daring sebelum keberangkatan melalui laman resmi pemerintah provinsi, atau di loket yang disediakan di bandara dan pelabuhan. Bukti pembayaran berupa kode QR yang dapat diperiksa petugas di titik kedatangan.',
      ),
      {
        type: 'quote',
        text: 'Kami ingin pemungutannya sederhana. Wisatawan cukup membayar sekali, menyimpan kodenya di ponsel, dan tidak perlu antre panjang.',
        cite: 'Ni Made Sukarini, Kepala Dinas Pariwisata Provinsi Bali',
      },
      paragraph(
        'Kalangan pelaku usaha pariwisata menyambut perda itu dengan hati-hati. Mereka meminta pemerintah menyosialisasikan pungutan ini kepada agen perjalanan di luar negeri sejak dini agar tidak menimbulkan kebingungan di bandara.',
      ),
    ],
    hoursAgo: 705,
  },
  {
    key: 'b-levy-2',
    section: 'pariwisata',
    headline: 'Hari Pertama Pemungutan, Loket di Bandara Ngurah Rai Dipadati Wisatawan',
    deck: 'Sebagian besar wisatawan asing sudah membayar secara daring, tetapi antrean tetap terbentuk di loket kedatangan internasional.',
    dateline: 'BADUNG',
    source: null,
    initials: 'Ayu/Warta',
    bylines: ['ni-luh-ayu-wulandari'],
    tags: ['Pungutan Wisatawan', 'Wisatawan Asing', 'Bandara Ngurah Rai'],
    image: {
      caption:
        'Wisatawan mancanegara mengantre di loket pembayaran pungutan di terminal kedatangan internasional Bandara I Gusti Ngurah Rai, Badung. Petugas memindai kode QR pada ponsel wisatawan yang sudah membayar.',
      credit: 'Warta/Ayu',
      archive: false,
      alt: 'Antrean wisatawan di loket bandara',
      scene: { motif: 'city', light: 'morning' },
    },
    blocks: [
      paragraph(
        'Pemungutan kontribusi wisatawan asing resmi dimulai di Bandara I Gusti Ngurah Rai, Badung, Rabu pagi. Sejak penerbangan pertama mendarat pukul 05.30 Wita, loket pembayaran di terminal kedatangan internasional dipadati wisatawan yang belum membayar secara daring.',
      ),
      paragraph(
        'Pemerintah Provinsi Bali menyiapkan 12 loket dan 20 petugas pemindai di area setelah pemeriksaan imigrasi. Wisatawan yang sudah membayar cukup menunjukkan kode QR, sementara yang belum membayar diarahkan ke loket yang menerima kartu kredit dan pembayaran nontunai.',
      ),
      paragraph(
        '“Sampai pukul sepuluh pagi, sekitar 70 persen wisatawan sudah membayar sebelum terbang. Sisanya kami layani di loket, rata-rata dua sampai tiga menit per orang,” kata Koordinator Satuan Tugas Pungutan Wisatawan Asing, I Putu Eka Darmawan.',
      ),
      {
        type: 'quote',
        text: 'Saya baru tahu soal pungutan ini di pesawat. Tidak masalah membayar, asalkan uangnya benar-benar dipakai untuk Bali.',
        cite: 'Hannah, wisatawan asal Jerman',
      },
      paragraph(
        'Antrean terpanjang terjadi sekitar pukul 09.00 ketika tiga pesawat berbadan lebar mendarat hampir bersamaan. Sejumlah wisatawan mengeluh harus menunggu lebih dari 30 menit, ditambah antrean di bagasi dan bea cukai.',
      ),
      paragraph(
        'Satgas menyatakan akan menambah petugas pada jam sibuk dan memasang papan informasi yang lebih jelas di area imigrasi. Pemprov juga meminta maskapai mengumumkan kewajiban membayar pungutan selama penerbangan menuju Bali.',
      ),
      paragraph(
        'Pada hari pertama, pungutan yang terkumpul dari bandara tercatat sekitar Rp2,1 miliar. Pemungutan di Pelabuhan Benoa dan Pelabuhan Padangbai, yang menjadi pintu masuk kapal pesiar dan penyeberangan dari Lombok, dimulai pada hari yang sama dengan jumlah petugas lebih sedikit.',
      ),
    ],
    hoursAgo: 385,
  },
  {
    key: 'b-levy-3',
    section: 'pariwisata',
    headline: 'Keluhan Wisatawan Berdatangan, Pemprov Perjelas Pengecualian Pungutan',
    deck: 'Pemegang KITAS, awak pesawat, dan penumpang transit termasuk yang dibebaskan dari kewajiban membayar.',
    dateline: 'DENPASAR',
    source: null,
    initials: 'Ayu/Warta',
    bylines: ['ni-luh-ayu-wulandari', 'dewi-kusumawati'],
    tags: ['Pungutan Wisatawan', 'Wisatawan Asing', 'Pelayanan Publik'],
    image: {
      caption:
        'Wisatawan asing berjalan di trotoar kawasan Kuta, Badung, pada sore hari. Sebagian wisatawan mengaku belum memahami siapa saja yang dikecualikan dari pungutan.',
      credit: 'Warta/Ayu',
      archive: false,
      alt: 'Wisatawan berjalan di kawasan Kuta',
      scene: { motif: 'city', light: 'dusk' },
    },
    blocks: [
      paragraph(
        'Pemerintah Provinsi Bali menerbitkan surat edaran yang memperjelas daftar pihak yang dikecualikan dari pungutan wisatawan asing, Senin. Edaran itu keluar setelah posko pengaduan menerima lebih dari 400 keluhan dalam sepekan pertama pemungutan.',
      ),
      paragraph(
        'Sebagian besar keluhan datang dari warga negara asing yang tinggal dan bekerja di Bali. Mereka merasa diperlakukan sebagai turis karena diminta membayar setiap kali pulang dari perjalanan ke luar negeri.',
      ),
      paragraph(
        '“Saya sudah sebelas tahun tinggal di Ubud dan membayar pajak di sini. Di bandara saya tetap diminta membayar seperti wisatawan yang baru datang,” kata Daniel, warga Australia yang bekerja sebagai pengajar bahasa di Gianyar.',
      ),
      paragraph('Berdasarkan edaran tersebut, pihak yang dibebaskan dari pungutan adalah:'),
      {
        type: 'list',
        ordered: false,
        items: [
          [
            {
              text: 'pemegang kartu izin tinggal terbatas (KITAS) dan izin tinggal tetap (KITAP);',
            },
          ],
          [{ text: 'pemegang visa diplomatik dan visa dinas;' }],
          [{ text: 'awak pesawat dan awak kapal yang sedang bertugas;' }],
          [{ text: 'penumpang transit yang tidak keluar dari area bandara;' }],
          [{ text: 'pemegang visa pelajar serta anggota keluarga warga negara Indonesia.' }],
        ],
      },
      {
        type: 'quote',
        text: 'Pengecualian ini sebenarnya sudah diatur dalam perda. Yang belum berjalan baik adalah pemeriksaannya di lapangan, dan itu yang kami perbaiki.',
        cite: 'Ni Made Sukarini, Kepala Dinas Pariwisata Provinsi Bali',
      },
      paragraph(
        'Wisatawan yang merasa telanjur membayar padahal termasuk pihak yang dikecualikan dapat mengajukan pengembalian dana melalui laman pungutan dengan melampirkan salinan izin tinggal. Pengembalian dijanjikan selesai paling lama 14 hari kerja.',
      ),
      paragraph(
        'Anggota Komisi II DPRD Bali, Ni Kadek Ratna Sari, meminta pemprov tidak hanya mengandalkan surat edaran. “Petugas di loket harus dilatih. Jangan sampai wisatawan yang dikecualikan pulang dengan kesan buruk tentang pelayanan di Bali,” ujarnya.',
      ),
    ],
    hoursAgo: 225,
    updatedHoursAgo: 210,
  },
  {
    key: 'b-levy-4',
    section: 'pariwisata',
    headline: 'Dana Pungutan Wisatawan Mulai Dialirkan untuk Pura dan Lingkungan',
    deck: 'Pemprov Bali mengalokasikan sebagian hasil pungutan untuk pemeliharaan pura, pengelolaan sampah, dan rehabilitasi mangrove.',
    dateline: 'DENPASAR',
    source: null,
    initials: 'Ayu/Warta',
    bylines: ['ni-luh-ayu-wulandari', 'komang-sri-adnyani'],
    tags: ['Pungutan Wisatawan', 'Pura', 'Lingkungan'],
    image: {
      caption:
        'Umat Hindu membersihkan halaman sebuah pura di Kabupaten Tabanan pada pagi hari. Pemeliharaan pura menjadi salah satu sasaran penggunaan dana pungutan wisatawan asing.',
      credit: 'Warta/Kom',
      archive: true,
      alt: 'Warga membersihkan halaman pura',
      scene: { motif: 'temple', light: 'morning' },
    },
    blocks: [
      paragraph(
        'Pemerintah Provinsi Bali mulai menyalurkan dana hasil pungutan wisatawan asing untuk pemeliharaan pura dan program lingkungan, Kamis. Tahap pertama senilai Rp48 miliar dialirkan ke 120 desa adat serta tiga program pengelolaan sampah dan pesisir.',
      ),
      paragraph(
        'Sejak mulai dipungut lebih dari dua pekan lalu, kontribusi wisatawan asing telah terkumpul sekitar Rp96 miliar. Sesuai perda, hasil pungutan hanya boleh digunakan untuk perlindungan kebudayaan dan lingkungan alam Bali, bukan untuk belanja rutin pemerintah.',
      ),
      paragraph(
        '“Setiap rupiah yang dibayar wisatawan harus bisa ditelusuri penggunaannya. Kami akan membuka laporannya setiap tiga bulan,” kata Kepala Badan Pengelola Keuangan dan Aset Daerah Provinsi Bali, I Gede Suarjana Putra.',
      ),
      paragraph('Rincian penggunaan dana tahap pertama:'),
      {
        type: 'list',
        ordered: false,
        items: [
          [
            {
              text: 'Rp20 miliar untuk perbaikan dan pemeliharaan pura kahyangan tiga di desa adat;',
            },
          ],
          [{ text: 'Rp15 miliar untuk pengelolaan sampah di kawasan wisata pesisir;' }],
          [{ text: 'Rp8 miliar untuk rehabilitasi mangrove di Teluk Benoa dan Nusa Penida;' }],
          [{ text: 'Rp5 miliar untuk pelestarian subak di kawasan warisan budaya.' }],
        ],
      },
      {
        type: 'quote',
        text: 'Atap bale kulkul kami sudah bocor tiga tahun. Dengan dana ini, krama tidak perlu lagi urunan besar-besaran untuk memperbaikinya.',
        cite: 'I Nyoman Suwecita, bendesa adat di Kecamatan Kediri, Tabanan',
      },
      paragraph(
        'Pemerhati kebijakan publik dari sebuah universitas di Denpasar, Dr. Luh Putu Anggreni, menilai penyaluran dana perlu diawasi bersama. Menurut dia, desa adat penerima dana harus dibekali cara menyusun laporan penggunaan agar tidak tersandung persoalan hukum di kemudian hari.',
      ),
      paragraph(
        'Pemprov menyebut penyaluran tahap kedua akan dilakukan tiga bulan lagi, setelah laporan penggunaan tahap pertama diverifikasi. Dinas Pariwisata juga berencana menampilkan daftar proyek yang dibiayai pungutan di laman pembayaran agar wisatawan dapat melihat ke mana kontribusinya digunakan.',
      ),
    ],
    hoursAgo: 35,
    pins: ['b-levy-1', 'b-levy-3'],
  },
  {
    key: 'b-ferry-1',
    section: 'daerah',
    headline: 'Gelombang Tinggi, Penyeberangan Padangbai–Lembar Dihentikan Sementara',
    deck: 'Gelombang di Selat Lombok diperkirakan mencapai empat meter hingga dua hari ke depan.',
    dateline: 'KARANGASEM',
    source: 'Antara',
    initials: 'Ant/Warta',
    bylines: ['komang-sri-adnyani'],
    tags: ['Penyeberangan', 'Gelombang Tinggi', 'Padangbai', 'Lembar'],
    image: {
      caption:
        'Kapal feri bersandar di dermaga Pelabuhan Padangbai, Karangasem, saat gelombang tinggi melanda Selat Lombok. Seluruh pelayaran menuju Lembar ditunda hingga cuaca membaik.',
      credit: 'Antara/Wayan Sukarda',
      archive: false,
      alt: 'Kapal feri bersandar di Pelabuhan Padangbai',
      scene: { motif: 'harbor', light: 'dusk' },
    },
    blocks: [
      paragraph(
        'Penyeberangan kapal feri dari Pelabuhan Padangbai, Karangasem, menuju Pelabuhan Lembar, Lombok Barat, dihentikan sementara sejak Minggu siang karena gelombang tinggi di Selat Lombok. Penundaan berlaku untuk pelayaran dari kedua arah.',
      ),
      paragraph(
        'Stasiun Meteorologi Maritim memperkirakan tinggi gelombang di Selat Lombok bagian selatan mencapai 2,5 hingga 4 meter. Angin kencang dari arah barat daya diperkirakan bertahan setidaknya dua hari ke depan.',
      ),
      paragraph(
        '“Keselamatan penumpang yang utama. Kami tidak akan menerbitkan surat persetujuan berlayar sampai gelombang turun di bawah batas aman,” kata Kepala Kantor Kesyahbandaran Pelabuhan Padangbai, I Made Wirawan Putra.',
      ),
      {
        type: 'quote',
        text: 'Kapal yang sudah di tengah selat kami minta tetap melanjutkan pelayaran dengan kecepatan rendah dan terus melapor posisi setiap 30 menit.',
        cite: 'I Made Wirawan Putra, Kepala Kantor Kesyahbandaran Pelabuhan Padangbai',
      },
      paragraph(
        'Saat penghentian diberlakukan, dua kapal sudah telanjur berlayar dari Lembar dan tiba di Padangbai dengan selamat sekitar pukul 16.00 Wita. Sebanyak 11 kapal lainnya diminta tetap bersandar atau berlabuh di perairan yang lebih tenang.',
      ),
      paragraph(
        'Penumpang pejalan kaki diminta menunda perjalanan atau beralih ke penerbangan Denpasar–Lombok. Pengelola pelabuhan menyediakan ruang tunggu dan air minum bagi penumpang yang telanjur tiba di Padangbai.',
      ),
      paragraph(
        'Nelayan di pesisir Karangasem dan Lombok Barat juga diimbau tidak melaut selama peringatan gelombang tinggi berlaku.',
      ),
    ],
    hoursAgo: 77,
  },
  {
    key: 'b-ferry-2',
    section: 'daerah',
    headline: 'Ratusan Truk Logistik Mengantre di Padangbai akibat Penundaan Penyeberangan',
    deck: 'Sopir truk bermalam di kendaraan, sementara muatan sayur dan buah mulai membusuk.',
    dateline: 'KARANGASEM',
    source: null,
    initials: 'Kom/Warta',
    bylines: ['komang-sri-adnyani', 'lalu-muhammad-zaki'],
    tags: ['Penyeberangan', 'Gelombang Tinggi', 'Padangbai', 'Logistik'],
    image: {
      caption:
        'Deretan truk logistik mengantre di jalan menuju Pelabuhan Padangbai, Karangasem, pada malam hari. Sebagian sopir tidur di kabin sambil menunggu penyeberangan dibuka kembali.',
      credit: 'Warta/Kom',
      archive: false,
      alt: 'Antrean truk di jalan menuju pelabuhan',
      scene: { motif: 'road', light: 'night' },
    },
    blocks: [
      paragraph(
        'Sekitar 450 truk logistik mengantre di Pelabuhan Padangbai, Karangasem, hingga Senin malam setelah penyeberangan ke Lembar ditunda sejak sehari sebelumnya. Antrean kendaraan mengular hingga sekitar tiga kilometer di jalan raya Padangbai–Candidasa.',
      ),
      paragraph(
        'Polres Karangasem memberlakukan sistem buka-tutup dan mengalihkan kendaraan kecil agar arus lalu lintas warga tidak terputus. Truk diarahkan mengantre di satu lajur, sedangkan lajur lain dibiarkan untuk kendaraan umum.',
      ),
      paragraph(
        '“Saya bawa tomat dan cabai dari Bedugul untuk pasar di Mataram. Kalau sampai besok belum menyeberang, separuh muatan bisa busuk,” kata Ketut Sujana, sopir truk yang sudah mengantre sejak Minggu sore.',
      ),
      {
        type: 'quote',
        text: 'Kami sudah menyiapkan posko, toilet tambahan, dan dapur umum. Truk bermuatan bahan pokok dan barang mudah rusak akan diseberangkan lebih dulu begitu pelayaran dibuka.',
        cite: 'I Wayan Gede Arimbawa, Kepala Dinas Perhubungan Kabupaten Karangasem',
      },
      paragraph(
        'Di seberang, antrean serupa terjadi di Pelabuhan Lembar, Lombok Barat. Sekitar 300 kendaraan barang tertahan, sebagian besar membawa hasil bumi dan ternak dari Lombok dan Sumbawa menuju Bali dan Jawa.',
      ),
      paragraph(
        'Pedagang di Pasar Mandalika, Mataram, mengaku pasokan sayur dari Bali mulai berkurang. Harga cabai rawit di pasar itu naik dari Rp45.000 menjadi Rp60.000 per kilogram dalam dua hari.',
      ),
    ],
    hoursAgo: 55,
    updatedHoursAgo: 48,
  },
  {
    key: 'b-ferry-3',
    section: 'daerah',
    headline: 'Gelombang Mereda, Penyeberangan Padangbai–Lembar Kembali Dibuka',
    deck: 'Kapal pertama berlayar Rabu dini hari, antrean truk diperkirakan terurai dalam dua hari.',
    dateline: 'MATARAM',
    source: null,
    initials: 'Zak/Warta',
    bylines: ['lalu-muhammad-zaki'],
    tags: ['Penyeberangan', 'Gelombang Tinggi', 'Lembar', 'Padangbai'],
    image: {
      caption:
        'Kapal feri meninggalkan dermaga Pelabuhan Lembar, Lombok Barat, pada pagi hari setelah penyeberangan dibuka kembali. Kendaraan barang mendapat prioritas dalam pelayaran pertama.',
      credit: 'Warta/Zak',
      archive: false,
      alt: 'Kapal feri berangkat dari Pelabuhan Lembar',
      scene: { motif: 'harbor', light: 'morning' },
    },
    blocks: [
      paragraph(
        'Penyeberangan Padangbai–Lembar kembali dibuka pada Rabu dini hari setelah tinggi gelombang di Selat Lombok turun di bawah dua meter. Kapal pertama berlayar dari Lembar pukul 02.00 Wita, disusul kapal dari Padangbai setengah jam kemudian.',
      ),
      paragraph(
        'Pelayaran sempat terhenti hampir tiga hari. Selama penundaan itu, lebih dari 750 kendaraan barang tertahan di kedua pelabuhan.',
      ),
      {
        type: 'heading',
        level: 2,
        text: 'Truk bahan pokok diseberangkan lebih dulu',
      },
      paragraph(
        'Pengelola pelabuhan mengoperasikan 14 kapal secara bergantian untuk mengurai antrean. Truk pengangkut bahan pokok, ternak, dan barang mudah rusak mendapat prioritas, sedangkan kendaraan pribadi dilayani setelahnya.',
      ),
      paragraph(
        '“Kalau cuaca tetap bersahabat, kami perkirakan antrean terurai dalam dua hari. Jadwal pelayaran kami rapatkan menjadi setiap 45 menit,” kata Manajer Operasional Pelabuhan Lembar, Lalu Ahmad Fauzan.',
      ),
      {
        type: 'quote',
        text: 'Tiga hari saya tidur di kabin. Sebagian sayur terpaksa saya jual murah ke pedagang di Padangbai supaya tidak rugi total.',
        cite: 'Ketut Sujana, sopir truk asal Tabanan',
      },
      paragraph(
        'Prakirawan cuaca maritim mengingatkan gelombang tinggi masih mungkin terjadi hingga akhir Februari karena puncak musim angin barat. Operator kapal diminta memperbarui informasi cuaca sebelum setiap pelayaran.',
      ),
      paragraph(
        'Pemerintah Provinsi NTB berencana membahas bersama Pemprov Bali penyediaan kantong parkir khusus truk di kedua pelabuhan, agar antrean tidak lagi memenuhi jalan raya bila penyeberangan kembali ditunda.',
      ),
    ],
    hoursAgo: 25,
    pins: ['b-ferry-1', 'b-ferry-2'],
  },
];
