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
  {
    key: 'b-fish-1',
    section: 'ekonomi',
    headline: 'Pemprov Bali Larang Penggunaan Jaring Lampara Dasar di Perairan Pesisir',
    deck: 'Larangan berlaku untuk kapal nelayan yang menangkap ikan dalam jarak empat mil dari garis pantai.',
    dateline: 'DENPASAR',
    source: 'Antara',
    initials: 'Ant/Warta',
    bylines: ['dewi-kusumawati'],
    tags: ['Nelayan', 'Alat Tangkap', 'Kelautan'],
    image: {
      caption:
        'Kapal nelayan berlayar pulang ke pantai di perairan selatan Bali pada pagi hari. Sebagian kapal masih menggunakan jaring yang kini dilarang di perairan pesisir.',
      credit: 'Antara/Wayan Sukarda',
      archive: false,
      alt: 'Kapal nelayan di perairan selatan Bali',
      scene: { motif: 'sea', light: 'morning' },
    },
    blocks: [
      paragraph(
        'Pemerintah Provinsi Bali melarang penggunaan jaring lampara dasar dan sejenisnya oleh kapal nelayan yang menangkap ikan dalam jarak empat mil dari garis pantai. Larangan itu tertuang dalam peraturan gubernur yang diumumkan Dinas Kelautan dan Perikanan (DKP) Provinsi Bali di Denpasar, Kamis.',
      ),
      paragraph(
        'Jaring lampara dasar ditarik menyapu dasar laut sehingga merusak terumbu karang dan padang lamun. Selain itu, ikan kecil yang belum layak tangkap ikut terjaring dalam jumlah besar.',
      ),
      paragraph(
        '“Penangkapan dengan alat seperti ini membuat ikan tidak sempat berkembang biak. Kalau dibiarkan, lima tahun lagi nelayan kecil sendiri yang kehilangan tangkapan,” kata Kepala Bidang Perikanan Tangkap DKP Provinsi Bali, I Komang Adi Saputra.',
      ),
      {
        type: 'quote',
        text: 'Kami memberi masa transisi tiga bulan. Setelah itu, kapal yang kedapatan menggunakan jaring yang dilarang akan ditindak bersama aparat pengawas perikanan.',
        cite: 'I Komang Adi Saputra, DKP Provinsi Bali',
      },
      paragraph(
        'DKP mencatat sedikitnya 280 kapal di Badung, Denpasar, dan Jembrana masih menggunakan jaring jenis itu. Pemprov menjanjikan bantuan jaring insang dan pancing ulur sebagai pengganti, meski jumlahnya baru cukup untuk sekitar separuh kapal.',
      ),
      paragraph(
        'Kelompok pemerhati laut di Bali menyambut pelarangan tersebut, tetapi mengingatkan bahwa pengawasan di laut selama ini lemah. Mereka meminta pemerintah melibatkan kelompok nelayan sebagai pengawas di perairan masing-masing.',
      ),
    ],
    hoursAgo: 135,
  },
  {
    key: 'b-fish-2',
    section: 'ekonomi',
    headline: 'Ratusan Nelayan Kedonganan Protes Larangan Jaring Lampara',
    deck: 'Nelayan menuntut masa transisi diperpanjang dan bantuan alat tangkap pengganti dibagikan lebih dulu.',
    dateline: 'BADUNG',
    source: null,
    initials: 'Dew/Warta',
    bylines: ['dewi-kusumawati'],
    tags: ['Nelayan', 'Alat Tangkap', 'Kedonganan'],
    image: {
      caption:
        'Deretan kapal nelayan ditambatkan di Pantai Kedonganan, Badung, saat nelayan menggelar aksi protes. Sebagian nelayan memasang spanduk berisi tuntutan di lambung kapal.',
      credit: 'Warta/Dew',
      archive: false,
      alt: 'Kapal nelayan ditambatkan di Pantai Kedonganan',
      scene: { motif: 'harbor', light: 'noon' },
    },
    blocks: [
      paragraph(
        'Sekitar 300 nelayan dari Kedonganan dan Jimbaran, Badung, menggelar aksi protes terhadap larangan jaring lampara dasar di Pantai Kedonganan, Sabtu. Mereka tidak melaut dan menambatkan kapal berjajar di sepanjang pantai sebagai bentuk penolakan.',
      ),
      paragraph(
        'Para nelayan menilai larangan itu diterbitkan tanpa cukup sosialisasi. Mereka juga mempersoalkan masa transisi tiga bulan yang dianggap terlalu singkat, sementara bantuan alat tangkap pengganti belum diterima.',
      ),
      {
        type: 'quote',
        text: 'Kami tidak menolak menjaga laut. Tapi jangan jaring kami dilarang dulu, baru kemudian bantuannya dipikirkan.',
        cite: 'I Wayan Rentana, Ketua Kelompok Nelayan Segara Kedonganan',
      },
      paragraph(
        'Menurut Rentana, satu set jaring lampara bernilai belasan juta rupiah dan sebagian masih dicicil ke koperasi. “Kalau harus beli alat tangkap baru sendiri, dari mana uangnya? Tangkapan sedang sepi,” ujarnya.',
      ),
      paragraph(
        'Nelayan juga meminta pemerintah memetakan ulang wilayah penangkapan. Mereka berpendapat jaring yang mereka gunakan di Teluk Jimbaran dipasang di dasar berpasir, bukan di terumbu karang.',
      ),
      paragraph(
        'Perwakilan DKP Provinsi Bali yang menemui nelayan, Ni Wayan Sekarini, berjanji menyampaikan tuntutan tersebut kepada pimpinan. “Soal masa transisi dan urutan penyaluran bantuan akan kami bahas pekan depan bersama kelompok nelayan,” katanya.',
      ),
      paragraph(
        'Aksi berlangsung tertib dan berakhir menjelang sore. Akibat nelayan tidak melaut, pasokan ikan di Pasar Ikan Kedonganan berkurang dan sejumlah warung ikan bakar di Jimbaran mengambil ikan dari Pengambengan, Jembrana.',
      ),
    ],
    hoursAgo: 115,
  },
  {
    key: 'b-rice-1',
    section: 'ekonomi',
    headline: 'Panen Raya Dimulai di Tabanan, Produksi Gabah Diperkirakan Naik',
    deck: 'Lebih dari 9.000 hektare sawah di lumbung beras Bali siap dipanen hingga akhir bulan depan.',
    dateline: 'TABANAN',
    source: null,
    initials: 'Kom/Warta',
    bylines: ['komang-sri-adnyani'],
    tags: ['Panen Raya', 'Harga Beras', 'Tabanan'],
    image: {
      caption:
        'Petani memanen padi di areal persawahan subak di Kecamatan Penebel, Tabanan, pada pagi hari. Gabah dirontokkan langsung di pematang sebelum diangkut ke penggilingan.',
      credit: 'Warta/Kom',
      archive: true,
      alt: 'Petani memanen padi di sawah Tabanan',
      scene: { motif: 'rice-field', light: 'morning' },
    },
    blocks: [
      paragraph(
        'Panen raya padi musim tanam pertama dimulai di Kabupaten Tabanan, Senin. Pemanenan perdana berlangsung di Subak Jatiluwih dan sejumlah subak di Kecamatan Penebel, disaksikan petani dan pejabat Dinas Pertanian setempat.',
      ),
      paragraph(
        'Dinas Pertanian Kabupaten Tabanan mencatat sekitar 9.200 hektare sawah siap dipanen hingga akhir bulan depan. Produktivitas diperkirakan mencapai 6,4 ton gabah kering panen per hektare, naik dibandingkan musim yang sama tahun lalu.',
      ),
      {
        type: 'heading',
        level: 2,
        text: 'Air cukup, serangan hama menurun',
      },
      paragraph(
        'Kenaikan hasil panen didorong oleh pasokan air irigasi yang cukup sepanjang musim hujan. Serangan wereng dan tikus juga lebih rendah karena subak-subak menanam serempak sesuai kalender tanam.',
      ),
      paragraph(
        '“Tahun ini padi kami tidak kekurangan air. Dari satu hektare, saya bisa memanen hampir tujuh ton,” kata I Nyoman Darma, pekaseh di salah satu subak di Penebel.',
      ),
      {
        type: 'quote',
        text: 'Tabanan menyumbang hampir seperempat produksi beras Bali. Kalau panennya baik, pasokan beras untuk seluruh Bali ikut aman.',
        cite: 'I Gusti Ayu Putu Wiratni, Kepala Dinas Pertanian Kabupaten Tabanan',
      },
      paragraph(
        'Meski begitu, petani mulai khawatir harga gabah turun saat panen berlangsung serentak. Pada awal panen, pedagang pengumpul menawar gabah kering panen sekitar Rp6.200 per kilogram, lebih rendah daripada sebulan lalu.',
      ),
      paragraph(
        'Dinas Pertanian menyatakan sudah berkoordinasi dengan penggilingan dan lembaga pangan daerah agar gabah petani dapat diserap dengan harga yang layak selama panen raya.',
      ),
    ],
    hoursAgo: 405,
  },
  {
    key: 'b-rice-2',
    section: 'ekonomi',
    headline: 'Harga Gabah Anjlok saat Panen Raya, Petani Lombok Tengah Merugi',
    deck: 'Gabah kering panen dihargai di bawah Rp5.500 per kilogram, lebih rendah dari harga pembelian pemerintah.',
    dateline: 'LOMBOK TENGAH',
    source: null,
    initials: 'Nur/Warta',
    bylines: ['baiq-nurul-hidayati'],
    tags: ['Panen Raya', 'Harga Beras', 'Lombok'],
    image: {
      caption:
        'Petani menjemur gabah di pinggir jalan desa di Kecamatan Praya Barat, Lombok Tengah, pada siang hari. Sebagian petani memilih menyimpan gabah karena harga jual sedang rendah.',
      credit: 'Warta/Nur',
      archive: false,
      alt: 'Petani menjemur gabah di pinggir jalan',
      scene: { motif: 'rice-field', light: 'noon' },
    },
    blocks: [
      paragraph(
        'Harga gabah di tingkat petani di Lombok Tengah, Nusa Tenggara Barat, turun tajam sejak panen raya berlangsung dua pekan terakhir. Di Kecamatan Praya Barat dan Pujut, gabah kering panen dibeli pedagang seharga Rp5.200 hingga Rp5.400 per kilogram, Kamis.',
      ),
      paragraph(
        'Harga itu berada di bawah harga pembelian pemerintah untuk gabah kering panen. Sebulan sebelumnya, petani masih bisa menjual gabah di atas Rp6.500 per kilogram.',
      ),
      paragraph(
        '“Ongkos sewa traktor, pupuk, dan buruh panen naik, tapi harga gabah malah turun. Dengan harga segini, hasil panen hanya cukup untuk menutup utang,” kata Lalu Suparman, petani di Desa Mangkung, Praya Barat.',
      ),
      {
        type: 'quote',
        text: 'Saat panen serentak, penggilingan kewalahan dan pedagang menawar rendah karena tahu petani butuh uang tunai secepatnya.',
        cite: 'Baiq Rahmawati, Ketua Kelompok Tani Wanita Sari Bumi, Praya Barat',
      },
      paragraph(
        'Sebagian petani memilih menjemur dan menyimpan gabah sambil menunggu harga membaik. Namun, banyak yang tidak memiliki lantai jemur memadai, sehingga gabah basah terpaksa dijual cepat dengan harga lebih murah.',
      ),
      paragraph(
        'Kepala Dinas Pertanian Kabupaten Lombok Tengah, H. Lalu Ahmad Jaelani, mengatakan pihaknya sudah meminta lembaga pangan daerah memperbanyak titik pembelian gabah di desa-desa sentra produksi. “Penyerapan gabah harus dipercepat selama panen raya supaya harga di petani tidak terus jatuh,” ujarnya.',
      ),
      paragraph(
        'Ironisnya, harga beras di pasar-pasar Mataram belum ikut turun. Beras medium masih dijual sekitar Rp13.500 per kilogram, hampir sama dengan sebelum panen.',
      ),
    ],
    hoursAgo: 335,
    updatedHoursAgo: 320,
  },
  {
    key: 'b-rice-3',
    section: 'ekonomi',
    headline: 'Lumbung Nusra Percepat Pembelian Gabah Petani di Bali dan Lombok',
    deck: 'Badan cadangan pangan daerah itu menargetkan menyerap 40.000 ton gabah selama panen raya.',
    dateline: 'MATARAM',
    source: 'Antara',
    initials: 'Ant/Warta',
    bylines: ['lalu-muhammad-zaki'],
    tags: ['Panen Raya', 'Harga Beras', 'Lombok', 'Tabanan'],
    image: {
      caption:
        'Pekerja menurunkan karung gabah dari truk di gudang penyimpanan di Kota Mataram pada siang hari. Gabah itu dibeli langsung dari kelompok tani di Lombok Tengah.',
      credit: 'Antara/Lalu Rizki Pratama',
      archive: false,
      alt: 'Pekerja menurunkan karung gabah di gudang',
      scene: { motif: 'market', light: 'noon' },
    },
    blocks: [
      paragraph(
        'Badan Cadangan Pangan Daerah Bali-Nusa Tenggara, yang dikenal sebagai Lumbung Nusra, mempercepat pembelian gabah dari petani di Lombok dan Tabanan selama panen raya. Lembaga milik pemerintah daerah itu menargetkan menyerap 40.000 ton gabah kering panen hingga akhir musim panen.',
      ),
      paragraph(
        'Pembelian dilakukan langsung di 36 titik, sebagian besar di desa-desa sentra produksi di Lombok Tengah, Lombok Timur, dan Tabanan. Gabah dibeli sesuai harga pembelian pemerintah, asalkan memenuhi batas kadar air dan kadar hampa.',
      ),
      paragraph(
        '“Kami tidak menunggu petani datang ke gudang. Tim pembeli turun ke sawah dan penggilingan, sehingga petani tidak perlu menanggung ongkos angkut,” kata Direktur Pengadaan Lumbung Nusra, Muhammad Rizal Hakim, di Mataram, Selasa.',
      ),
      {
        type: 'quote',
        text: 'Setiap kilogram gabah yang kami serap hari ini menjadi cadangan beras daerah untuk operasi pasar ketika harga di konsumen naik.',
        cite: 'Muhammad Rizal Hakim, Direktur Pengadaan Lumbung Nusra',
      },
      paragraph(
        'Hingga pekan kedua panen raya, Lumbung Nusra baru menyerap sekitar 11.500 ton gabah. Penyerapan sempat tersendat karena keterbatasan mesin pengering, sehingga gabah basah dari petani tidak bisa segera diproses.',
      ),
      paragraph(
        'Untuk mengatasinya, lembaga itu menyewa pengering milik penggilingan swasta dan menambah dua gudang sementara di Praya. Pembayaran kepada petani dijanjikan paling lambat tiga hari setelah gabah diterima.',
      ),
      paragraph(
        'Petani di Lombok Tengah mengakui pembelian langsung itu membantu menahan penurunan harga. “Sejak ada pembelian dari Lumbung Nusra, pedagang tidak berani lagi menawar terlalu rendah,” kata Lalu Suparman, petani di Praya Barat.',
      ),
    ],
    hoursAgo: 265,
  },
  {
    key: 'b-rice-4',
    section: 'ekonomi',
    headline: 'Operasi Pasar Beras Digelar di Denpasar dan Mataram',
    deck: 'Beras medium dari cadangan daerah dijual Rp11.500 per kilogram untuk menekan harga yang belum turun meski panen raya.',
    dateline: 'DENPASAR',
    source: null,
    initials: 'Dew/Warta',
    bylines: ['dewi-kusumawati', 'lalu-muhammad-zaki'],
    tags: ['Harga Beras', 'Operasi Pasar', 'Panen Raya'],
    image: {
      caption:
        'Warga mengantre membeli beras dalam operasi pasar di Pasar Badung, Denpasar, pada pagi hari. Setiap pembeli dibatasi paling banyak dua karung berisi lima kilogram.',
      credit: 'Warta/Dew',
      archive: false,
      alt: 'Warga mengantre membeli beras di pasar',
      scene: { motif: 'market', light: 'morning' },
    },
    blocks: [
      paragraph(
        'Pemerintah Provinsi Bali dan NTB bersama Lumbung Nusra menggelar operasi pasar beras di Denpasar dan Mataram, Jumat. Beras medium dari cadangan pangan daerah dijual Rp11.500 per kilogram, lebih murah sekitar Rp2.000 daripada harga di pedagang eceran.',
      ),
      paragraph(
        'Operasi pasar digelar karena harga beras di tingkat konsumen belum ikut turun, padahal harga gabah di petani sudah jatuh sejak awal panen raya. Selisih harga yang lebar itu dinilai lebih banyak dinikmati pedagang perantara.',
      ),
      paragraph(
        'Di Pasar Badung, Denpasar, antrean warga sudah terbentuk sejak pukul 07.00 Wita. Sebanyak 8 ton beras yang disiapkan untuk hari pertama habis sebelum tengah hari.',
      ),
      {
        type: 'quote',
        text: 'Biasanya saya beli beras Rp13.500 sekilo di warung. Di sini lebih murah, lumayan untuk keperluan dapur seminggu.',
        cite: 'Ni Ketut Sariani, warga Denpasar Barat',
      },
      paragraph(
        '“Beras yang dijual hari ini berasal dari gabah yang kami beli dari petani Tabanan dan Lombok beberapa pekan lalu. Jadi petani terbantu saat panen, konsumen terbantu saat membeli,” kata Kepala Divisi Penyaluran Lumbung Nusra, Ida Ayu Made Sriani.',
      ),
      paragraph(
        'Operasi pasar direncanakan berlangsung selama dua pekan di 18 pasar tradisional di Bali dan NTB. Penjualan juga dilakukan melalui koperasi desa dan kantor kelurahan untuk menjangkau warga yang jauh dari pasar.',
      ),
      paragraph(
        'Kepala Dinas Perindustrian dan Perdagangan Provinsi Bali, I Ketut Budiarsa Yasa, meminta pedagang tidak menahan stok. Pihaknya akan memantau harga beras setiap hari dan mengumumkannya di pasar-pasar besar.',
      ),
    ],
    hoursAgo: 155,
    pins: ['b-rice-3', 'b-rice-2'],
  },
  {
    key: 'b-fest-1',
    section: 'nusa-tenggara',
    headline: 'Lombok Tengah Bersiap Sambut Festival Bau Nyale di Pantai Seger',
    deck: 'Panitia memperkirakan puluhan ribu warga dan wisatawan akan datang menangkap nyale pada puncak acara.',
    dateline: 'LOMBOK TENGAH',
    source: null,
    initials: 'Nur/Warta',
    bylines: ['baiq-nurul-hidayati'],
    tags: ['Bau Nyale', 'Festival Budaya', 'Lombok Tengah'],
    image: {
      caption:
        'Suasana Pantai Seger di kawasan Mandalika, Lombok Tengah, menjelang senja. Pantai ini menjadi lokasi utama penangkapan nyale setiap tahun.',
      credit: 'Warta/Nur',
      archive: true,
      alt: 'Pantai Seger menjelang senja',
      scene: { motif: 'sea', light: 'dusk' },
    },
    blocks: [
      paragraph(
        'Pemerintah Kabupaten Lombok Tengah mulai menyiapkan Festival Bau Nyale yang akan digelar di Pantai Seger, kawasan Mandalika, pekan ini. Tradisi menangkap cacing laut atau nyale itu diperkirakan menarik puluhan ribu warga Lombok dan wisatawan.',
      ),
      paragraph(
        'Bau Nyale berakar pada legenda Putri Mandalika, putri Sasak yang menceburkan diri ke laut dan diyakini menjelma menjadi nyale yang muncul setahun sekali. Waktu penangkapannya ditentukan para tetua adat berdasarkan perhitungan penanggalan Sasak.',
      ),
      paragraph(
        '“Tahun ini tanggalnya sudah disepakati dalam sangkep para pemangku adat. Nyale diperkirakan keluar pada dini hari kedua puluh bulan kesepuluh penanggalan Sasak,” kata budayawan Sasak, Lalu Gede Sutrisna.',
      ),
      paragraph(
        'Rangkaian festival diisi pawai budaya, lomba peresean, pementasan drama legenda Putri Mandalika, serta bazar kuliner dan kerajinan desa. Panitia juga menyiapkan lahan parkir dan posko kesehatan di sepanjang jalur menuju pantai.',
      ),
      {
        type: 'quote',
        text: 'Kami ingin Bau Nyale tetap menjadi milik masyarakat. Wisatawan boleh ikut menangkap nyale, tetapi urutan ritual adat tetap kami jaga.',
        cite: 'Lalu Hasbi Rahman, Kepala Dinas Pariwisata Kabupaten Lombok Tengah',
      },
      paragraph(
        'Pelaku usaha penginapan di Kuta, Lombok Tengah, mengaku tingkat hunian kamar sudah mencapai 85 persen menjelang festival. Sebagian besar pemesan adalah wisatawan domestik dari Mataram, Bali, dan Jawa.',
      ),
    ],
    hoursAgo: 605,
  },
  {
    key: 'b-fest-2',
    section: 'pariwisata',
    headline: 'Puluhan Ribu Orang Turun ke Laut Menangkap Nyale di Mandalika',
    deck: 'Puncak Bau Nyale berlangsung tertib, meski kemacetan panjang terjadi di jalur menuju pantai.',
    dateline: 'LOMBOK TENGAH',
    source: null,
    initials: 'Nur/Warta',
    bylines: ['baiq-nurul-hidayati', 'lalu-muhammad-zaki'],
    tags: ['Bau Nyale', 'Festival Budaya', 'Lombok Tengah'],
    image: {
      caption:
        'Warga membawa senter dan jaring kecil saat turun ke laut untuk menangkap nyale di Pantai Seger, Lombok Tengah, menjelang subuh. Nyale yang tertangkap dikumpulkan dalam ember dan kantong plastik.',
      credit: 'Warta/Nur',
      archive: false,
      alt: 'Warga menangkap nyale di pantai pada malam hari',
      scene: { motif: 'sea', light: 'night' },
    },
    blocks: [
      paragraph(
        'Puluhan ribu warga dan wisatawan memadati Pantai Seger dan pantai-pantai lain di pesisir selatan Lombok Tengah untuk menangkap nyale, Minggu dini hari. Sejak pukul 03.00 Wita, warga turun ke laut dengan senter, jaring kecil, dan ember.',
      ),
      paragraph(
        'Nyale mulai bermunculan sekitar pukul 04.00 Wita, tak lama setelah air laut surut. Hanya dalam satu jam, sebagian warga sudah mengumpulkan nyale hingga setengah ember.',
      ),
      paragraph(
        '“Nyale tahun ini banyak. Kata orang tua, kalau nyale keluar melimpah, panen padi juga akan bagus,” kata Inaq Saenah, warga Desa Kuta yang datang bersama tiga cucunya.',
      ),
      {
        type: 'quote',
        text: 'Ini pertama kali saya ikut. Rasanya seperti pesta besar di tengah laut, semua orang tertawa dan saling menunjukkan hasil tangkapannya.',
        cite: 'Rina Kartika, wisatawan asal Surabaya',
      },
      paragraph(
        'Nyale hasil tangkapan biasanya dimasak menjadi pepes atau dijadikan lauk bersama nasi dan sambal. Sebagian warga juga menaburkan nyale ke sawah karena dipercaya dapat menyuburkan tanah.',
      ),
      paragraph(
        'Polres Lombok Tengah mengerahkan sekitar 600 personel gabungan untuk mengamankan acara. Kemacetan sepanjang hampir sepuluh kilometer terjadi di jalur Praya–Kuta sejak Sabtu malam, sementara tim SAR bersiaga di tepi pantai untuk mengawasi warga yang turun ke laut.',
      ),
      paragraph(
        'Dinas Pariwisata Lombok Tengah mencatat lebih dari 120.000 pengunjung selama tiga hari rangkaian festival. Angka itu meningkat sekitar 20 persen dibandingkan penyelenggaraan tahun lalu.',
      ),
    ],
    hoursAgo: 565,
  },
  {
    key: 'b-fest-3',
    section: 'pariwisata',
    headline: 'Festival Seni Tradisi Bali Dibuka, Ratusan Sanggar Tampil di Denpasar',
    deck: 'Selama sebulan, festival menampilkan tari, gamelan, dan drama tari dari sembilan kabupaten/kota.',
    dateline: 'DENPASAR',
    source: 'Antara',
    initials: 'Ant/Warta',
    bylines: ['ni-luh-ayu-wulandari'],
    tags: ['Festival Budaya', 'Seni Tradisi', 'Denpasar'],
    image: {
      caption:
        'Penari membawakan tari kreasi di panggung terbuka Taman Budaya, Denpasar, pada malam pembukaan festival. Ribuan penonton memadati tribune sejak sore.',
      credit: 'Antara/Made Arya Dinata',
      archive: false,
      alt: 'Penari tampil di panggung terbuka',
      scene: { motif: 'stage', light: 'night' },
    },
    blocks: [
      paragraph(
        'Festival Seni Tradisi Bali resmi dibuka di Taman Budaya, Denpasar, Sabtu malam. Selama sebulan, ratusan sanggar dan sekaa dari sembilan kabupaten/kota di Bali akan mementaskan tari, tabuh gamelan, dan drama tari di sejumlah panggung.',
      ),
      paragraph(
        'Pembukaan diawali pawai budaya dari kawasan Renon menuju Taman Budaya. Setiap kabupaten/kota menampilkan barisan gamelan baleganjur, penari, dan ogoh-ogoh berukuran kecil yang dibuat anak-anak sekolah.',
      ),
      paragraph(
        'Tahun ini panitia memberi ruang lebih besar bagi kesenian langka yang nyaris punah, seperti gambuh, wayang wong, dan gamelan selonding. Pementasan kesenian langka dijadwalkan setiap sore di panggung kecil agar penonton dapat menyaksikan dari dekat.',
      ),
      {
        type: 'quote',
        text: 'Festival ini bukan sekadar tontonan untuk wisatawan. Ini ruang bagi anak muda untuk belajar dari para maestro sebelum kesenian itu hilang.',
        cite: 'I Wayan Sudiartha, Ketua Panitia Festival Seni Tradisi Bali',
      },
      paragraph(
        '“Saya sudah latihan gambuh sejak kelas empat SD. Tampil di sini rasanya seperti ujian di depan guru-guru kami sendiri,” kata Ni Putu Ayu Sekarwangi, penari muda dari sebuah sanggar di Batuan, Gianyar.',
      ),
      paragraph(
        'Dinas Kebudayaan Provinsi Bali juga menyiapkan pameran kerajinan dan kuliner tradisional di area festival. Seluruh pertunjukan terbuka untuk umum tanpa tiket, dan jadwal lengkapnya dapat dilihat di papan informasi serta laman resmi festival.',
      ),
      paragraph(
        'Pelaku pariwisata berharap festival ini ikut menarik wisatawan yang ingin menyaksikan seni tradisi di luar panggung hotel. Sejumlah agen perjalanan sudah menawarkan paket menonton pementasan malam yang dipadukan dengan kunjungan ke desa-desa seni di Gianyar.',
      ),
    ],
    hoursAgo: 505,
  },
];
