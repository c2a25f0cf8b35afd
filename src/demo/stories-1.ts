import { paragraph } from '../content/blocks.ts';
import type { DemoStory } from './types.ts';

/**
 * Demo stories, batch 1: drought in Karangasem, dengue in Mataram, a bridge in
 * Manggarai, floods in Jembrana, a holiday crowd of tourists, and three columns.
 * All people, quotes, and figures are invented.
 */
export const STORIES_1: DemoStory[] = [
  {
    key: 'a-drought-1',
    section: 'bali',
    headline: 'Sumur Warga Mengering, Karangasem Tetapkan Siaga Darurat Kekeringan',
    deck: 'Sedikitnya 14 desa di Kecamatan Kubu dan Abang kesulitan mendapatkan air bersih setelah tiga bulan tanpa hujan.',
    dateline: 'AMLAPURA',
    source: null,
    initials: 'Kom/Warta',
    bylines: ['komang-sri-adnyani'],
    tags: ['Kekeringan', 'Air Bersih', 'Karangasem'],
    image: {
      caption:
        'Seorang warga Desa Tianyar menimba sisa air dari dasar sumur yang hampir kering. Warga kini harus berjalan lebih dari satu kilometer untuk mendapatkan air.',
      credit: 'Warta/Kom',
      archive: false,
      alt: 'Warga menimba air dari sumur yang hampir kering',
      scene: { motif: 'mountain', light: 'noon' },
    },
    blocks: [
      paragraph(
        'Pemerintah Kabupaten Karangasem menetapkan status siaga darurat kekeringan, Senin, setelah sumur-sumur warga di Kecamatan Kubu dan Abang mengering. Sedikitnya 14 desa dengan sekitar 9.000 kepala keluarga kini kesulitan mendapatkan air bersih untuk kebutuhan sehari-hari.',
      ),
      paragraph(
        'Hujan terakhir turun di wilayah timur laut Gunung Agung itu lebih dari tiga bulan lalu. Cubang, bak penampungan air hujan yang dimiliki hampir setiap rumah, sudah kosong sejak pertengahan bulan lalu.',
      ),
      paragraph(
        '“Dulu sumur kami masih ada airnya sampai akhir kemarau. Tahun ini baru pertengahan musim sudah kering, tinggal lumpur,” kata Ni Wayan Sukerti (47), warga Banjar Dinas Bukit Lambuh, Desa Tianyar.',
      ),
      paragraph(
        'Kepala Pelaksana Badan Penanggulangan Bencana Daerah (BPBD) Karangasem, I Gede Artha Wiguna, mengatakan penetapan status siaga membuka jalan bagi penggunaan dana tak terduga untuk penanganan kekeringan. Dana itu akan digunakan terutama untuk menyewa truk tangki dan membeli air dari perusahaan daerah air minum.',
      ),
      {
        type: 'quote',
        text: 'Prioritas kami sekarang adalah memastikan setiap keluarga mendapat air untuk minum dan memasak. Kebutuhan lain menyusul.',
        cite: 'I Gede Artha Wiguna, Kepala Pelaksana BPBD Karangasem',
      },
      paragraph(
        'Menurut data BPBD, desa yang paling parah terdampak berada di lereng utara dan timur Gunung Agung yang memang tidak dilalui jaringan pipa air minum. Sebagian warga di sana sudah mulai membeli air dari pedagang keliling dengan harga Rp150.000 hingga Rp200.000 per tangki berisi 5.000 liter.',
      ),
      paragraph(
        'Badan Meteorologi, Klimatologi, dan Geofisika memperkirakan musim hujan di Bali timur baru akan dimulai sekitar dua bulan lagi. Warga diminta menghemat penggunaan air dan mengutamakan air bersih untuk kebutuhan rumah tangga.',
      ),
    ],
    hoursAgo: 500,
  },
  {
    key: 'a-drought-2',
    section: 'bali',
    headline: 'BPBD Kerahkan Truk Tangki, Penyaluran Air Bersih Dijadwalkan Bergilir',
    deck: 'Sembilan truk tangki menyalurkan air bersih ke desa-desa kering di Karangasem setiap hari dengan jadwal bergiliran.',
    dateline: 'AMLAPURA',
    source: 'Antara',
    initials: 'Ant/Warta',
    bylines: ['komang-sri-adnyani'],
    tags: ['Kekeringan', 'Air Bersih', 'Karangasem'],
    image: {
      caption:
        'Warga Desa Ban mengantre dengan jeriken di samping truk tangki milik BPBD Karangasem. Setiap keluarga mendapat jatah sekitar 100 liter per kunjungan truk.',
      credit: 'Antara/Gede Suyasa',
      archive: false,
      alt: 'Warga mengantre air bersih dari truk tangki',
      scene: { motif: 'road', light: 'morning' },
    },
    blocks: [
      paragraph(
        'Badan Penanggulangan Bencana Daerah (BPBD) Karangasem mengerahkan sembilan truk tangki untuk menyalurkan air bersih ke desa-desa yang dilanda kekeringan, mulai Kamis. Penyaluran dilakukan bergiliran karena jumlah truk tidak sebanding dengan luas wilayah yang terdampak.',
      ),
      paragraph(
        'Setiap truk berkapasitas 5.000 liter dan mampu melayani tiga hingga empat rit per hari, tergantung jarak dan kondisi jalan. Air diambil dari sumber milik perusahaan daerah air minum di Amlapura, lalu disalurkan ke bak penampungan umum di setiap banjar.',
      ),
      paragraph(
        '“Jalan ke beberapa banjar di atas sangat menanjak dan sempit. Truk besar tidak bisa masuk, jadi kami pakai truk kecil dan warga menjemput air di titik terdekat,” kata Kepala Seksi Kedaruratan BPBD Karangasem, Ni Komang Tri Astuti.',
      ),
      paragraph('BPBD membagi penyaluran air bersih dalam jadwal mingguan sebagai berikut:'),
      {
        type: 'list',
        ordered: false,
        items: [
          [
            {
              text: 'Senin dan Kamis: Desa Tianyar, Tianyar Barat, dan Tianyar Tengah di Kecamatan Kubu.',
            },
          ],
          [{ text: 'Selasa dan Jumat: Desa Ban, Sukadana, dan Baturinggit.' }],
          [{ text: 'Rabu dan Sabtu: Desa Datah, Pidpid, dan Kerta Mandala di Kecamatan Abang.' }],
          [{ text: 'Minggu: cadangan untuk banjar yang melapor kehabisan air di luar jadwal.' }],
        ],
      },
      paragraph(
        'Pemerintah kabupaten juga meminta bantuan dari Palang Merah Indonesia dan sejumlah perusahaan swasta untuk menambah armada. Hingga kini tiga truk tambahan sudah dijanjikan untuk digunakan mulai pekan depan.',
      ),
      paragraph(
        'Warga menilai penyaluran air sudah membantu, meski jatahnya belum mencukupi. Sebagian keluarga yang memelihara sapi mengaku masih harus membeli air tambahan untuk ternak mereka.',
      ),
    ],
    hoursAgo: 340,
    updatedHoursAgo: 332,
  },
  {
    key: 'a-drought-3',
    section: 'bali',
    headline: 'Pipa dari Mata Air Lereng Agung Mulai Alirkan Air ke Kubu',
    deck: 'Pipa transmisi sepanjang 11 kilometer yang dibangun sejak tahun lalu akhirnya mengalirkan air ke enam desa di Kecamatan Kubu.',
    dateline: 'AMLAPURA',
    source: null,
    initials: 'Kom/Warta',
    bylines: ['komang-sri-adnyani'],
    tags: ['Kekeringan', 'Air Bersih', 'Karangasem', 'Pipa Air'],
    image: {
      caption:
        'Petugas memeriksa sambungan pipa transmisi yang dibangun menuruni lereng Gunung Agung menuju desa-desa di Kecamatan Kubu. Air dari mata air di Desa Sebudi dialirkan dengan mengandalkan gaya gravitasi.',
      credit: 'Warta/Kom',
      archive: false,
      alt: 'Petugas memeriksa pipa air di lereng gunung',
      scene: { motif: 'forest', light: 'morning' },
    },
    blocks: [
      paragraph(
        'Pipa transmisi air bersih dari sebuah mata air di lereng selatan Gunung Agung mulai mengalirkan air ke enam desa di Kecamatan Kubu, Karangasem, Rabu. Pengaliran perdana ini datang di tengah kekeringan yang sudah hampir tiga pekan membuat ribuan keluarga bergantung pada truk tangki.',
      ),
      paragraph(
        'Pipa sepanjang 11 kilometer itu dibangun Dinas Pekerjaan Umum dan Penataan Ruang (PUPR) Karangasem sejak tahun lalu dengan anggaran sekitar Rp18 miliar. Pembangunannya sempat tertunda karena jalur pipa harus melewati tanah milik desa adat dan lahan warga.',
      ),
      paragraph(
        '“Air ini dialirkan dengan gravitasi, jadi tidak perlu pompa dan biaya listrik. Debit yang masuk ke reservoir sekarang sekitar 12 liter per detik,” kata Kepala Dinas PUPR Kabupaten Karangasem, I Wayan Sudarsana.',
      ),
      { type: 'heading', level: 2, text: 'Belum menjangkau semua banjar' },
      paragraph(
        'Meski begitu, pengaliran air baru menjangkau banjar-banjar yang berada di bawah ketinggian reservoir. Banjar di perbukitan yang lebih tinggi masih harus mengandalkan truk tangki sampai pompa pendorong selesai dipasang.',
      ),
      paragraph(
        'Sudarsana mengatakan pemasangan pompa dan pipa distribusi tahap kedua akan dibangun tahun depan. Ia juga meminta warga tidak melubangi pipa untuk mengambil air di sepanjang jalur, karena kebocoran akan mengurangi air yang sampai ke desa paling ujung.',
      ),
      {
        type: 'quote',
        text: 'Hari ini pertama kali dalam sebulan saya melihat air keluar dari keran di banjar kami. Anak-anak sampai bersorak.',
        cite: 'I Nyoman Redana, Kelian Banjar Dinas Darmaji',
      },
      paragraph(
        'Desa adat di sekitar mata air meminta sebagian air tetap dialirkan untuk kebutuhan pura dan lahan pertanian di hulu. Pemerintah kabupaten dan desa adat sepakat menyusun perjanjian pembagian air yang akan ditandatangani bulan depan.',
      ),
    ],
    hoursAgo: 190,
    pins: ['a-drought-1', 'a-drought-2'],
  },
  {
    key: 'a-drought-4',
    section: 'bali',
    headline: 'Subak di Karangasem Atur Ulang Jadwal Pengairan Sawah',
    deck: 'Petani bergiliran mengairi sawah dan menunda tanam padi karena debit air irigasi menyusut hingga separuhnya.',
    dateline: 'AMLAPURA',
    source: null,
    initials: 'Kom/Warta',
    bylines: ['komang-sri-adnyani'],
    tags: ['Kekeringan', 'Subak', 'Karangasem'],
    image: {
      caption:
        'Seorang petani membuka pintu air kecil di saluran subak di Kecamatan Sidemen. Air kini hanya boleh dialirkan ke petak sawah sesuai giliran yang disepakati.',
      credit: 'Warta/Kom',
      archive: false,
      alt: 'Petani membuka pintu air di saluran irigasi subak',
      scene: { motif: 'rice-field', light: 'dusk' },
    },
    blocks: [
      paragraph(
        'Sejumlah subak di Kabupaten Karangasem mengatur ulang jadwal pengairan sawah karena debit air irigasi menyusut hingga separuhnya akibat kemarau panjang. Dalam paruman atau rapat subak, Minggu, petani di Kecamatan Sidemen dan Selat sepakat mengairi sawah secara bergiliran.',
      ),
      paragraph(
        'Dengan sistem giliran itu, setiap tempek atau kelompok sawah mendapat air selama dua hari, lalu pintu air ditutup untuk tempek berikutnya. Sebelum kemarau, air mengalir ke seluruh petak hampir tanpa henti.',
      ),
      paragraph(
        '“Kalau semua mengambil air bersamaan, sawah di hilir tidak akan kebagian sama sekali. Dengan bergiliran, semua tetap dapat meski sedikit,” kata Pekaseh Subak Telaga, I Ketut Mertayasa.',
      ),
      paragraph(
        'Sebagian petani memilih menunda tanam padi dan beralih menanam palawija seperti kacang tanah dan jagung yang membutuhkan lebih sedikit air. Pilihan itu diambil setelah beberapa petak padi yang baru ditanam bulan lalu mengering dan gagal tumbuh.',
      ),
      {
        type: 'quote',
        text: 'Pengaturan air di subak sudah kami warisi turun-temurun. Tahun kering seperti ini justru menunjukkan gunanya.',
        cite: 'I Ketut Mertayasa, Pekaseh Subak Telaga',
      },
      paragraph(
        'Dinas Pertanian Karangasem mencatat sekitar 600 hektare sawah terdampak kekeringan, dengan 85 hektare di antaranya dipastikan gagal panen. Dinas menyiapkan bantuan benih palawija dan pompa air untuk subak yang masih memiliki sumber air tanah.',
      ),
      paragraph(
        'Petani juga khawatir pengaliran air dari mata air ke pipa air minum akan mengurangi jatah irigasi mereka. Pemerintah kabupaten berjanji melibatkan perwakilan subak dalam pembahasan pembagian air dengan desa adat.',
      ),
    ],
    hoursAgo: 30,
    updatedHoursAgo: 26,
  },
  {
    key: 'a-dengue-1',
    section: 'nusa-tenggara',
    headline: 'Kasus Demam Berdarah di Mataram Naik Tiga Kali Lipat',
    deck: 'Dinas Kesehatan Kota Mataram mencatat 312 kasus demam berdarah dengue sejak awal tahun, dua di antaranya meninggal.',
    dateline: 'MATARAM',
    source: 'Antara',
    initials: 'Ant/Warta',
    bylines: ['lalu-muhammad-zaki'],
    tags: ['Demam Berdarah', 'Kesehatan', 'Mataram'],
    image: {
      caption:
        'Seorang anak yang terjangkit demam berdarah dirawat di bangsal anak sebuah puskesmas rawat inap di Kota Mataram. Sebagian besar pasien DBD tahun ini berusia di bawah 15 tahun.',
      credit: 'Antara/Ahmad Subaidi',
      archive: false,
      alt: 'Pasien anak dirawat di puskesmas',
      scene: { motif: 'city', light: 'morning' },
    },
    blocks: [
      paragraph(
        'Kasus demam berdarah dengue (DBD) di Kota Mataram, Nusa Tenggara Barat, naik tiga kali lipat dibandingkan periode yang sama tahun lalu. Dinas Kesehatan Kota Mataram mencatat 312 kasus sejak awal tahun hingga Selasa, dua pasien di antaranya meninggal dunia.',
      ),
      paragraph(
        'Kenaikan paling tajam terjadi dalam empat pekan terakhir, setelah hujan turun hampir setiap hari diselingi panas terik. Kondisi itu membuat genangan air bersih di sekitar rumah menjadi tempat berkembang biak nyamuk Aedes aegypti, penular virus dengue.',
      ),
      paragraph(
        '“Pola cuaca seperti ini sangat disukai nyamuk. Telur yang menetas di genangan bisa menjadi nyamuk dewasa dalam waktu seminggu,” kata Kepala Dinas Kesehatan Kota Mataram, dr. Lale Sri Wahyuningsih.',
      ),
      paragraph(
        'Kecamatan Sekarbela, Ampenan, dan Cakranegara mencatat kasus terbanyak. Lebih dari separuh penderita adalah anak-anak dan remaja berusia 5 hingga 14 tahun.',
      ),
      {
        type: 'quote',
        text: 'Jangan menunggu sampai hari ketiga demam. Kalau anak demam tinggi mendadak, segera bawa ke puskesmas untuk diperiksa darahnya.',
        cite: 'dr. Lale Sri Wahyuningsih, Kepala Dinas Kesehatan Kota Mataram',
      },
      paragraph(
        'Dinas kesehatan meminta puskesmas melaporkan setiap kasus baru dalam 24 jam agar penyelidikan epidemiologi dapat segera dilakukan di lingkungan tempat tinggal pasien. Pemerintah kota juga tengah menimbang penetapan status kejadian luar biasa jika kasus terus bertambah.',
      ),
    ],
    hoursAgo: 260,
  },
  {
    key: 'a-dengue-2',
    section: 'nusa-tenggara',
    headline: 'Mataram Gencarkan Pengasapan dan Gerakan 3M Plus di Permukiman',
    deck: 'Pengasapan dilakukan di lingkungan yang melaporkan kasus, tetapi dinas kesehatan menegaskan pemberantasan sarang nyamuk tetap lebih penting.',
    dateline: 'MATARAM',
    source: null,
    initials: 'Nur/Warta',
    bylines: ['baiq-nurul-hidayati', 'lalu-muhammad-zaki'],
    tags: ['Demam Berdarah', 'Fogging', 'Mataram'],
    image: {
      caption:
        'Petugas kesehatan menyemprotkan asap insektisida di gang permukiman padat di Kelurahan Kekalik Jaya, Mataram. Warga diminta menutup makanan dan keluar rumah selama penyemprotan berlangsung.',
      credit: 'Warta/Nur',
      archive: false,
      alt: 'Petugas melakukan fogging di gang permukiman',
      scene: { motif: 'city', light: 'dusk' },
    },
    blocks: [
      paragraph(
        'Pemerintah Kota Mataram menggencarkan pengasapan atau fogging di lingkungan permukiman yang melaporkan kasus demam berdarah dengue, sejak Senin. Dalam sepekan, petugas menyemprot 46 lingkungan di enam kecamatan.',
      ),
      paragraph(
        'Penyemprotan dilakukan pagi dan sore hari, saat nyamuk Aedes aegypti paling aktif. Setiap lingkungan disemprot dua kali dengan jarak satu minggu untuk membunuh nyamuk dewasa yang baru menetas.',
      ),
      paragraph(
        '“Fogging hanya membunuh nyamuk dewasa. Jentiknya tidak mati, jadi kalau sarangnya tidak dibersihkan, seminggu kemudian nyamuk baru muncul lagi,” kata Kepala Bidang Pencegahan dan Pengendalian Penyakit Dinas Kesehatan Kota Mataram, Lalu Hamdani.',
      ),
      { type: 'heading', level: 2, text: 'Kader jumantik didatangkan dari rumah ke rumah' },
      paragraph(
        'Karena itu, dinas kesehatan mengerahkan sekitar 700 kader juru pemantau jentik (jumantik) untuk memeriksa rumah warga setiap Jumat. Kader mencatat rumah yang masih ditemukan jentik dan mengingatkan warga untuk menjalankan gerakan 3M Plus.',
      ),
      {
        type: 'list',
        ordered: false,
        items: [
          [
            {
              text: 'Menguras bak mandi dan tempat penampungan air sekurang-kurangnya seminggu sekali.',
            },
          ],
          [{ text: 'Menutup rapat tempayan, drum, dan wadah air lainnya.' }],
          [
            {
              text: 'Mendaur ulang atau menyingkirkan barang bekas yang dapat menampung air hujan.',
            },
          ],
          [
            {
              text: 'Plus: memakai losion antinyamuk, memasang kelambu, dan menaburkan bubuk larvasida.',
            },
          ],
        ],
      },
      paragraph(
        'Di Kelurahan Kekalik Jaya, warga menggelar kerja bakti membersihkan selokan dan mengumpulkan ban bekas serta botol plastik. Kepala lingkungan setempat, Baiq Rahmawati, mengatakan warga kini lebih waspada setelah tiga anak di lingkungannya dirawat di rumah sakit.',
      ),
      paragraph(
        'Dinas kesehatan juga menerima banyak permintaan pengasapan dari lingkungan yang belum melaporkan kasus. Permintaan itu tidak dapat dipenuhi karena penggunaan insektisida yang berlebihan dapat membuat nyamuk kebal.',
      ),
    ],
    hoursAgo: 150,
  },
  {
    key: 'a-dengue-3',
    section: 'nusa-tenggara',
    headline: 'Ruang Rawat Penuh, Rumah Sakit di Mataram Tambah Tempat Tidur Pasien DBD',
    deck: 'RSUD Kota Mataram membuka bangsal darurat berisi 30 tempat tidur setelah pasien demam berdarah terpaksa dirawat di lorong.',
    dateline: 'MATARAM',
    source: null,
    initials: 'Zak/Warta',
    bylines: ['lalu-muhammad-zaki'],
    tags: ['Demam Berdarah', 'Rumah Sakit', 'Mataram'],
    image: {
      caption:
        'Perawat memeriksa infus pasien demam berdarah di bangsal tambahan RSUD Kota Mataram. Ruang pertemuan rumah sakit itu diubah menjadi ruang rawat sementara.',
      credit: 'Warta/Zak',
      archive: false,
      alt: 'Perawat merawat pasien di bangsal darurat rumah sakit',
      scene: { motif: 'city', light: 'night' },
    },
    blocks: [
      paragraph(
        'Rumah Sakit Umum Daerah (RSUD) Kota Mataram membuka bangsal darurat berisi 30 tempat tidur untuk pasien demam berdarah dengue, Kamis. Langkah itu diambil setelah ruang rawat inap anak dan penyakit dalam penuh dan sejumlah pasien terpaksa dirawat di lorong.',
      ),
      paragraph(
        'Bangsal darurat menempati ruang pertemuan di lantai dua rumah sakit. Tempat tidur tambahan dipinjam dari gudang dinas kesehatan dan dua puskesmas rawat inap.',
      ),
      {
        type: 'quote',
        text: 'Kami tidak akan menolak pasien demam berdarah. Kalau ruangan penuh, kami buka ruangan baru.',
        cite: 'dr. I Made Suparta, Direktur RSUD Kota Mataram',
      },
      paragraph(
        'Dalam dua pekan terakhir, rumah sakit itu merawat rata-rata 20 pasien DBD baru setiap hari. Sebagian besar datang dengan kadar trombosit yang sudah rendah sehingga memerlukan perawatan lebih lama.',
      ),
      paragraph(
        '“Anak saya sempat dua malam tidur di brankar di lorong. Sekarang sudah dipindah ke bangsal baru, lebih tenang,” kata Siti Aminah (34), warga Ampenan, yang menunggui anaknya.',
      ),
      paragraph(
        'Palang Merah Indonesia Kota Mataram juga melaporkan meningkatnya permintaan trombosit. PMI mengajak warga yang sehat untuk mendonorkan darah, terutama golongan darah O dan B yang stoknya paling menipis.',
      ),
      paragraph(
        'Dinas Kesehatan Kota Mataram mencatat jumlah kasus kini mencapai 488 sejak awal tahun. Meski begitu, penambahan kasus harian mulai melambat di kelurahan yang rutin menjalankan pemberantasan sarang nyamuk.',
      ),
    ],
    hoursAgo: 70,
    updatedHoursAgo: 66,
  },
  {
    key: 'a-bridge-1',
    section: 'nusa-tenggara',
    headline: 'Tender Pembangunan Jembatan Wae Laku di Manggarai Dibuka',
    deck: 'Jembatan sepanjang 60 meter dan ruas jalan penghubungnya diharapkan memutus keterisolasian empat desa di Kecamatan Satar Mese.',
    dateline: 'RUTENG',
    source: null,
    initials: 'Flo/Warta',
    bylines: ['maria-florida-bunga'],
    tags: ['Jembatan', 'Infrastruktur', 'Manggarai'],
    image: {
      caption:
        'Warga menyeberangi Sungai Wae Laku dengan berjalan kaki sambil memikul hasil kebun. Saat sungai meluap, mereka tidak dapat menyeberang selama berhari-hari.',
      credit: 'Warta/Flo',
      archive: false,
      alt: 'Warga menyeberangi sungai dengan berjalan kaki',
      scene: { motif: 'forest', light: 'morning' },
    },
    blocks: [
      paragraph(
        'Pemerintah Kabupaten Manggarai, Nusa Tenggara Timur, membuka tender pembangunan Jembatan Wae Laku dan ruas jalan penghubungnya di Kecamatan Satar Mese, Senin. Proyek senilai Rp34 miliar itu ditargetkan rampung dalam sepuluh bulan.',
      ),
      paragraph(
        'Jembatan sepanjang 60 meter itu akan dibangun di atas Sungai Wae Laku, yang selama ini hanya bisa diseberangi dengan berjalan kaki saat air surut. Selain jembatan, proyek ini mencakup pengaspalan jalan sepanjang 4,5 kilometer menuju jalan kabupaten.',
      ),
      paragraph(
        '“Setiap musim hujan, empat desa di seberang sungai praktis terputus. Anak sekolah tidak bisa ke sekolah, hasil kopi tidak bisa keluar,” kata Kepala Dinas PUPR Kabupaten Manggarai, Fransiskus Xaverius Jemadu.',
      ),
      {
        type: 'quote',
        text: 'Kami minta peserta tender memperhitungkan musim hujan dalam jadwal kerja mereka. Jangan sampai pembangunan berhenti di tengah jalan.',
        cite: 'Fransiskus Xaverius Jemadu, Kepala Dinas PUPR Kabupaten Manggarai',
      },
      paragraph(
        'Pendaftaran peserta tender dibuka selama dua pekan melalui layanan pengadaan secara elektronik. Pemenang tender diumumkan paling lambat akhir bulan depan agar pekerjaan fisik bisa dimulai sebelum puncak musim hujan.',
      ),
      paragraph(
        'Warga Desa Lente, salah satu desa yang akan terhubung, menyambut baik rencana itu. Mereka mengaku sudah mengusulkan pembangunan jembatan dalam musyawarah perencanaan pembangunan sejak hampir sepuluh tahun lalu.',
      ),
    ],
    hoursAgo: 700,
  },
  {
    key: 'a-bridge-2',
    section: 'nusa-tenggara',
    headline: 'Hujan Deras, Pengerjaan Jembatan Wae Laku Terlambat Dua Bulan',
    deck: 'Banjir berulang merusak perancah dan memaksa kontraktor menghentikan pengecoran pilar jembatan.',
    dateline: 'RUTENG',
    source: null,
    initials: 'Flo/Warta',
    bylines: ['maria-florida-bunga'],
    tags: ['Jembatan', 'Infrastruktur', 'Manggarai'],
    image: {
      caption:
        'Pekerja memperbaiki perancah pilar jembatan yang rusak diterjang arus Sungai Wae Laku. Pengecoran pilar sudah dua kali tertunda akibat banjir.',
      credit: 'Warta/Flo',
      archive: true,
      alt: 'Pekerja di lokasi pembangunan pilar jembatan',
      scene: { motif: 'road', light: 'noon' },
    },
    blocks: [
      paragraph(
        'Pengerjaan Jembatan Wae Laku di Kecamatan Satar Mese, Manggarai, terlambat sekitar dua bulan dari jadwal akibat hujan deras yang turun hampir setiap hari. Hingga pekan ini, progres fisik baru mencapai 38 persen dari target 55 persen.',
      ),
      paragraph(
        'Banjir yang datang berulang kali merusak perancah pilar dan menghanyutkan sebagian material di tepi sungai. Kontraktor terpaksa menghentikan pengecoran pilar tengah karena beton tidak bisa dikerjakan saat arus sungai deras.',
      ),
      { type: 'heading', level: 2, text: 'Jalan akses ikut amblas' },
      paragraph(
        'Selain jembatan, ruas jalan baru menuju lokasi juga terdampak. Sekitar 200 meter badan jalan yang baru dikeraskan amblas akibat longsor di tebing, sehingga truk pengangkut material harus menunggu hingga jalan diperbaiki.',
      ),
      paragraph(
        '“Kami sudah menambah pekerja dan jam kerja saat cuaca cerah. Tapi kalau sungai meluap, tidak ada yang bisa dikerjakan di bawah,” kata pelaksana lapangan dari kontraktor, Yosef Nggoro.',
      ),
      paragraph(
        'Dinas PUPR Manggarai memberikan perpanjangan waktu 60 hari kepada kontraktor dengan alasan keadaan kahar. Konsultan pengawas diminta melaporkan kemajuan pembangunan setiap pekan dan memastikan mutu beton tidak dikorbankan demi mengejar waktu.',
      ),
      paragraph(
        'Sementara itu, warga di seberang sungai kembali harus menunggu air surut untuk menyeberang. Sebagian petani kopi menitipkan hasil panen di rumah kerabat di tepi sungai sampai bisa diangkut keluar.',
      ),
    ],
    hoursAgo: 420,
  },
  {
    key: 'a-bridge-3',
    section: 'nusa-tenggara',
    headline: 'Jembatan Wae Laku Diresmikan, Empat Desa di Satar Mese Tak Lagi Terisolasi',
    deck: 'Setelah molor dua bulan, jembatan dan jalan sepanjang 4,5 kilometer itu kini bisa dilalui kendaraan roda empat.',
    dateline: 'RUTENG',
    source: null,
    initials: 'Flo/Warta',
    bylines: ['maria-florida-bunga'],
    tags: ['Jembatan', 'Infrastruktur', 'Manggarai'],
    image: {
      caption:
        'Warga berjalan beriringan melintasi Jembatan Wae Laku seusai peresmian. Upacara adat Manggarai digelar sebelum jembatan dibuka untuk umum.',
      credit: 'Warta/Flo',
      archive: false,
      alt: 'Warga melintasi jembatan baru',
      scene: { motif: 'road', light: 'morning' },
    },
    blocks: [
      paragraph(
        'Jembatan Wae Laku di Kecamatan Satar Mese, Manggarai, Nusa Tenggara Timur, diresmikan dan dibuka untuk umum, Sabtu. Jembatan sepanjang 60 meter itu menghubungkan empat desa yang selama ini terputus setiap kali Sungai Wae Laku meluap.',
      ),
      paragraph(
        'Peresmian diawali upacara adat di tepi sungai, lalu warga berjalan kaki beriringan melintasi jembatan. Sejumlah truk pengangkut kopi dan sepeda motor pelajar menjadi kendaraan pertama yang melintas.',
      ),
      {
        type: 'quote',
        text: 'Dulu kami memikul kopi menyeberangi sungai, kadang sampai dada airnya. Sekarang truk bisa masuk sampai depan kampung.',
        cite: 'Kristoforus Jehadu, petani kopi Desa Lente',
      },
      paragraph(
        'Pembangunan jembatan dan jalan penghubungnya selesai dua bulan lebih lambat dari jadwal karena hujan deras dan banjir pada awal pengerjaan. Meski terlambat, Dinas PUPR Manggarai menyebut hasil uji beban jembatan memenuhi syarat untuk dilalui kendaraan hingga 10 ton.',
      ),
      paragraph(
        '“Kami memilih terlambat daripada membangun jembatan yang tidak aman. Semua pengecoran diulang kalau tidak lolos uji,” kata Kepala Dinas PUPR Kabupaten Manggarai, Fransiskus Xaverius Jemadu.',
      ),
      paragraph(
        'Warga berharap jalan baru itu dirawat dengan baik dan dilengkapi saluran air agar tidak cepat rusak. Pemerintah kabupaten menyatakan akan menganggarkan pemeliharaan rutin mulai tahun depan.',
      ),
    ],
    hoursAgo: 9,
    pins: ['a-bridge-2', 'a-bridge-1'],
  },
  {
    key: 'a-flood-1',
    section: 'bali',
    headline: 'Sungai Meluap, Ratusan Rumah di Jembrana Terendam Banjir',
    deck: 'Hujan deras semalaman membuat Tukad Ijogading dan Tukad Biluk Poh meluap ke permukiman di Kecamatan Negara dan Mendoyo.',
    dateline: 'NEGARA',
    source: null,
    initials: 'Ayu/Warta',
    bylines: ['ni-luh-ayu-wulandari'],
    tags: ['Banjir', 'Jembrana', 'Cuaca Ekstrem'],
    image: {
      caption:
        'Warga mendorong sepeda motor melewati jalan yang tergenang banjir di Kelurahan Banjar Tengah, Negara. Air setinggi lutut orang dewasa merendam jalan sejak dini hari.',
      credit: 'Warta/Ayu',
      archive: false,
      alt: 'Warga mendorong sepeda motor di jalan yang tergenang',
      scene: { motif: 'city', light: 'morning' },
    },
    blocks: [
      paragraph(
        'Ratusan rumah di Kabupaten Jembrana, Bali, terendam banjir setelah hujan deras mengguyur sejak Rabu malam hingga Kamis pagi. Luapan Tukad Ijogading dan Tukad Biluk Poh menggenangi permukiman di Kecamatan Negara dan Mendoyo dengan ketinggian air hingga satu meter.',
      ),
      paragraph(
        'Air mulai meluap sekitar pukul 02.00 Wita, saat sebagian besar warga tertidur. Warga di bantaran sungai terbangun karena air sudah masuk ke dalam rumah dan segera menyelamatkan anak-anak serta barang berharga ke tempat yang lebih tinggi.',
      ),
      paragraph(
        '“Airnya naik cepat sekali, kurang dari setengah jam sudah sepinggang. Kulkas dan kasur tidak sempat diangkat,” kata Made Sutarini (52), warga Banjar Tengah.',
      ),
      paragraph(
        'Badan Penanggulangan Bencana Daerah (BPBD) Jembrana mencatat sedikitnya 340 rumah terendam di tujuh desa dan kelurahan. Jalan nasional Denpasar–Gilimanuk di sekitar Mendoyo sempat tergenang sehingga kendaraan harus melaju perlahan dan antrean mengular beberapa kilometer.',
      ),
      {
        type: 'quote',
        text: 'Curah hujan semalam termasuk kategori ekstrem. Kami masih bersiaga karena hujan diperkirakan turun lagi nanti sore.',
        cite: 'I Putu Agus Artana, Kepala Pelaksana BPBD Jembrana',
      },
      paragraph(
        'Tidak ada korban jiwa dalam banjir ini. Namun, sejumlah tanggul irigasi jebol dan puluhan hektare sawah yang siap panen ikut terendam luapan sungai.',
      ),
    ],
    hoursAgo: 52,
  },
  {
    key: 'a-flood-2',
    section: 'bali',
    headline: 'Ratusan Warga Jembrana Mengungsi, Bantuan Mulai Disalurkan',
    deck: 'Warga yang rumahnya terendam mengungsi ke balai banjar dan sekolah, sementara dapur umum didirikan di dua titik.',
    dateline: 'NEGARA',
    source: 'Antara',
    initials: 'Ant/Warta',
    bylines: ['ni-luh-ayu-wulandari'],
    tags: ['Banjir', 'Jembrana', 'Pengungsian'],
    image: {
      caption:
        'Relawan membagikan nasi bungkus kepada pengungsi di balai banjar di Kecamatan Mendoyo. Dapur umum menyiapkan sekitar 1.500 bungkus makanan setiap hari.',
      credit: 'Antara/Nyoman Hendra Wibowo',
      archive: false,
      alt: 'Relawan membagikan makanan kepada pengungsi',
      scene: { motif: 'meeting', light: 'dusk' },
    },
    blocks: [
      paragraph(
        'Sekitar 480 warga Kabupaten Jembrana, Bali, mengungsi ke balai banjar, sekolah, dan rumah kerabat setelah banjir merendam permukiman mereka sejak Kamis. Pemerintah kabupaten mendirikan dua dapur umum dan mulai menyalurkan bantuan logistik, Jumat.',
      ),
      paragraph(
        'Sebagian besar pengungsi berasal dari bantaran Tukad Ijogading yang rumahnya masih tergenang lumpur setelah air surut. Warga lanjut usia, balita, dan ibu hamil diungsikan lebih dahulu menggunakan perahu karet milik BPBD dan tim SAR.',
      ),
      paragraph(
        'Bantuan yang disalurkan antara lain beras, mi instan, air minum dalam kemasan, selimut, tikar, dan perlengkapan bayi. Dinas Sosial Jembrana juga menyiapkan tenda pengungsian cadangan jika jumlah pengungsi bertambah.',
      ),
      {
        type: 'quote',
        text: 'Kami minta warga tidak kembali ke rumah di bantaran sungai sebelum dinyatakan aman. Hujan masih mungkin turun dua hari ke depan.',
        cite: 'I Putu Agus Artana, Kepala Pelaksana BPBD Jembrana',
      },
      paragraph(
        'Puskesmas setempat membuka pos kesehatan di setiap lokasi pengungsian. Keluhan yang paling banyak ditemukan adalah gatal-gatal, diare, dan demam pada anak-anak.',
      ),
      paragraph(
        '“Di sini sudah ada makanan dan tikar, tapi anak-anak susah tidur karena nyamuk. Kami butuh kelambu dan obat nyamuk,” kata Ni Ketut Wardani (38), pengungsi di balai Banjar Pasatan.',
      ),
      paragraph(
        'Pemerintah Kabupaten Jembrana menetapkan status tanggap darurat banjir selama tujuh hari. Setelah air surut, warga bersama TNI dan Polri akan bergotong royong membersihkan lumpur dari rumah, jalan, dan saluran air.',
      ),
    ],
    hoursAgo: 20,
    pins: ['a-flood-1'],
  },
  {
    key: 'a-tourism-1',
    section: 'pariwisata',
    headline: 'Banjir Wisatawan Saat Libur Panjang, Penyeberangan ke Nusa Penida Padat',
    deck: 'Antrean kapal cepat di Pantai Sanur mengular sejak pagi, sementara kawasan Kuta dipadati wisatawan domestik.',
    dateline: 'DENPASAR',
    source: 'Antara',
    initials: 'Ant/Warta',
    bylines: ['ni-luh-ayu-wulandari'],
    tags: ['Libur Panjang', 'Nusa Penida', 'Kuta', 'Wisatawan'],
    image: {
      caption:
        'Wisatawan berjalan menuju kapal cepat tujuan Nusa Penida di Pantai Sanur. Penumpang harus menceburkan kaki ke air laut karena dermaga penuh.',
      credit: 'Antara/Fikri Yusuf',
      archive: false,
      alt: 'Wisatawan naik kapal cepat di pantai',
      scene: { motif: 'harbor', light: 'morning' },
    },
    blocks: [
      paragraph(
        'Bali kebanjiran wisatawan selama libur panjang akhir pekan ini. Penyeberangan dari Sanur ke Nusa Penida dipadati penumpang sejak Jumat pagi, sementara pantai dan jalan di kawasan Kuta macet hingga larut malam.',
      ),
      paragraph(
        'Pengelola kapal cepat di Sanur mencatat lebih dari 8.000 penumpang menyeberang ke Nusa Penida dalam sehari, hampir dua kali lipat hari biasa. Sejumlah operator menambah jadwal keberangkatan hingga sore hari untuk mengurai antrean.',
      ),
      paragraph(
        '“Kami berangkat pukul tujuh pagi, tapi baru dapat kapal pukul sepuluh. Di Penida pun antre lagi di setiap titik foto,” kata Rina Oktaviani (29), wisatawan asal Surabaya.',
      ),
      {
        type: 'quote',
        text: 'Kami menambah petugas di pelabuhan dan meminta operator tidak memuat penumpang melebihi kapasitas kapal.',
        cite: 'Ida Bagus Ketut Sumantra, Kepala Unit Penyelenggara Pelabuhan Sanur',
      },
      paragraph(
        'Di Kuta, okupansi hotel dan penginapan mendekati 90 persen. Kepolisian mengalihkan arus kendaraan di sekitar Jalan Pantai Kuta dan Jalan Legian pada sore hari saat wisatawan berdatangan untuk melihat matahari terbenam.',
      ),
      paragraph(
        'Dinas pariwisata mengimbau wisatawan memesan tiket kapal dan penginapan sejak jauh hari serta memanfaatkan destinasi lain yang belum terlalu padat. Puncak kunjungan diperkirakan berlangsung hingga Minggu sore.',
      ),
    ],
    hoursAgo: 110,
  },
  {
    key: 'a-opini-air',
    section: 'opini',
    headline: 'Tata Kelola Air di Kabupaten Kering Tak Bisa Menunggu Kemarau',
    deck: 'Truk tangki menolong warga hari ini, tetapi kabupaten kering membutuhkan rencana air yang disusun jauh sebelum sumur mengering.',
    dateline: '',
    source: null,
    initials: 'Dwi/Warta',
    bylines: ['i-made-dwi-aryawan'],
    tags: ['Kekeringan', 'Air Bersih', 'Tata Kelola Air'],
    image: {
      caption:
        'Deretan jeriken kosong milik warga berjajar di tepi jalan desa menunggu kedatangan truk tangki air bersih.',
      credit: 'Warta/Kom',
      archive: false,
      alt: 'Jeriken kosong berjajar di tepi jalan',
      scene: { motif: 'mountain', light: 'dusk' },
    },
    blocks: [
      paragraph(
        'Setiap tahun kita menulis berita yang hampir sama: sumur mengering, truk tangki dikerahkan, warga mengantre dengan jeriken. Yang berganti hanya nama desa dan jumlah keluarga yang terdampak. Pola yang berulang ini seharusnya membuat kita bertanya, mengapa kekeringan selalu ditangani sebagai bencana mendadak?',
      ),
      paragraph(
        'Kemarau bukan peristiwa tak terduga. Di lereng timur dan utara Gunung Agung, di Sumba, di Timor, dan di sebagian Lombok, musim kering datang dengan kepastian yang sama seperti musim hujan. Yang belum pasti justru kesiapan pemerintah daerah menghadapinya.',
      ),
      { type: 'heading', level: 2, text: 'Dari penyaluran darurat ke perencanaan' },
      paragraph(
        'Penyaluran air dengan truk tangki memang menolong, tetapi mahal dan tidak pernah cukup. Anggaran yang setiap tahun digunakan untuk menyewa truk dapat dialihkan secara bertahap untuk membangun penampungan air hujan komunal, memperbaiki pipa yang bocor, dan memetakan mata air yang masih bisa dilindungi.',
      ),
      paragraph(
        'Pembangunan pipa dari mata air juga tidak boleh dipandang sebagai urusan teknis semata. Air yang dialirkan ke permukiman adalah air yang sebelumnya mengalir ke sawah dan pura. Tanpa kesepakatan yang adil dengan desa adat dan subak, pipa baru bisa menjadi sumber sengketa baru.',
      ),
      paragraph(
        'Di sinilah pentingnya tata kelola. Pemerintah kabupaten perlu memiliki neraca air yang terbuka: berapa debit setiap sumber, siapa saja penggunanya, dan bagaimana pembagiannya saat debit menyusut. Data semacam itu harus bisa dibaca warga, bukan tersimpan di laci dinas.',
      ),
      paragraph(
        'Kabupaten-kabupaten kering juga tidak harus bekerja sendiri. Pengalaman subak dalam membagi air secara bergiliran, misalnya, dapat menjadi bahan belajar bagi pengelola air minum. Kearifan yang diwariskan turun-temurun itu justru paling diuji ketika air sedang langka.',
      ),
      paragraph(
        'Musim hujan akan datang dan berita kekeringan akan berhenti untuk sementara. Saat itulah sebenarnya waktu terbaik untuk bekerja, sebelum kemarau berikutnya kembali memaksa kita menulis berita yang sama.',
      ),
    ],
    hoursAgo: 130,
  },
  {
    key: 'a-opini-harga',
    section: 'opini',
    headline: 'Harga yang Adil bagi Petani Bukan Sekadar Harga Pembelian',
    deck: 'Petani di Bali dan Nusa Tenggara menanggung risiko terbesar dalam rantai pangan, tetapi menerima bagian paling kecil.',
    dateline: '',
    source: null,
    initials: 'Dew/Warta',
    bylines: ['dewi-kusumawati'],
    tags: ['Petani', 'Harga Pangan', 'Pertanian'],
    image: {
      caption:
        'Petani memanen padi di sawah berundak pada pagi hari. Sebagian besar gabah langsung dijual kepada penebas di tepi sawah.',
      credit: 'Warta/Kom',
      archive: true,
      alt: 'Petani memanen padi di sawah',
      scene: { motif: 'rice-field', light: 'morning' },
    },
    blocks: [
      paragraph(
        'Ketika harga beras naik, yang pertama kali kita dengar adalah keluhan konsumen di pasar. Jarang ada yang bertanya berapa harga yang diterima petani di tepi sawah. Jawabannya sering mengejutkan: kenaikan harga di pasar hampir tidak pernah sampai utuh ke tangan mereka.',
      ),
      paragraph(
        'Petani menanggung risiko terbesar dalam rantai pangan. Mereka membeli benih dan pupuk, menghadapi hama, kekeringan, dan banjir, lalu menunggu berbulan-bulan sebelum panen. Namun, saat panen tiba, mereka sering tidak punya pilihan selain menjual kepada penebas dengan harga yang sudah ditentukan.',
      ),
      {
        type: 'quote',
        text: 'Harga yang adil adalah harga yang menutup biaya, menanggung risiko, dan masih menyisakan hidup yang layak bagi keluarga petani.',
      },
      paragraph(
        'Harga pembelian pemerintah memang memberi batas bawah. Tetapi harga itu hanya berarti jika ada lembaga yang benar-benar membeli dengan harga tersebut di dekat desa, tepat pada saat panen. Tanpa gudang, pengering, dan modal, koperasi dan subak tidak bisa menahan gabahnya untuk menunggu harga yang lebih baik.',
      ),
      paragraph(
        'Pemerintah daerah punya banyak alat yang bisa digunakan. Pengadaan pangan untuk sekolah, rumah sakit, dan kantor pemerintah dapat diarahkan untuk membeli langsung dari kelompok tani setempat. Badan usaha milik desa bisa dibantu membangun lantai jemur dan gudang sederhana.',
      ),
      paragraph(
        'Keterbukaan informasi harga juga penting. Petani yang tahu harga gabah di kabupaten tetangga dan harga beras di pasar kota memiliki posisi tawar yang lebih baik ketika berhadapan dengan pedagang.',
      ),
      paragraph(
        'Tanpa harga yang adil, anak-anak petani akan terus meninggalkan sawah, dan alih fungsi lahan akan semakin sulit dibendung. Pada akhirnya, yang dipertaruhkan bukan hanya nasib petani, melainkan juga pangan kita semua.',
      ),
    ],
    hoursAgo: 300,
  },
  {
    key: 'a-opini-baca',
    section: 'opini',
    headline: 'Membaca Bukan Kewajiban Sekolah, Melainkan Kebiasaan Rumah',
    deck: 'Gerakan literasi di sekolah akan kehilangan tenaga bila kebiasaan membaca tidak tumbuh di rumah dan di perpustakaan desa.',
    dateline: '',
    source: null,
    initials: 'Yos/Warta',
    bylines: ['yohanes-bria-seran'],
    tags: ['Literasi', 'Pendidikan', 'Minat Baca'],
    image: {
      caption:
        'Sejumlah pelajar membaca buku di teras perpustakaan desa pada sore hari. Perpustakaan itu dikelola oleh karang taruna setempat.',
      credit: 'Warta/Yos',
      archive: true,
      alt: 'Pelajar membaca buku di teras perpustakaan',
      scene: { motif: 'meeting', light: 'dusk' },
    },
    blocks: [
      paragraph(
        'Hampir setiap sekolah kini memiliki program lima belas menit membaca sebelum pelajaran dimulai. Program itu baik, tetapi di banyak kelas yang saya kunjungi di Kupang dan sekitarnya, kegiatan membaca berhenti tepat ketika bel berbunyi. Membaca masih dipahami sebagai tugas, bukan kebiasaan.',
      ),
      paragraph(
        'Kebiasaan tumbuh dari contoh. Anak yang melihat orang tuanya membaca koran, kitab suci, atau buku resep di rumah akan menganggap membaca sebagai hal yang wajar. Sebaliknya, anak yang hanya melihat buku di ruang kelas akan mengaitkan membaca dengan ujian dan nilai.',
      ),
      paragraph(
        'Masalahnya, buku yang menarik masih sulit dijangkau di banyak desa di Nusa Tenggara. Toko buku hanya ada di kota, ongkos kirim mahal, dan perpustakaan sekolah sering terkunci di luar jam pelajaran. Tidak heran jika gawai dengan video pendeknya lebih mudah menguasai waktu luang anak-anak.',
      ),
      {
        type: 'list',
        ordered: false,
        items: [
          [{ text: 'Membuka perpustakaan sekolah pada sore hari dan hari libur.' }],
          [
            {
              text: 'Menyisihkan dana desa untuk buku bacaan anak dalam bahasa yang dekat dengan keseharian mereka.',
            },
          ],
          [{ text: 'Mengajak orang tua membacakan cerita untuk anak, setidaknya sekali sepekan.' }],
        ],
      },
      paragraph(
        'Langkah-langkah sederhana seperti di atas tidak memerlukan anggaran besar. Yang dibutuhkan adalah kemauan untuk memperlakukan buku sebagai kebutuhan sehari-hari, bukan sebagai perlengkapan sekolah.',
      ),
      paragraph(
        'Para pegiat taman baca di desa-desa sudah lama membuktikan bahwa anak-anak mau membaca jika diberi buku yang menarik dan tempat yang nyaman. Tugas kita, orang dewasa, adalah memastikan semangat itu tidak padam begitu mereka pulang ke rumah.',
      ),
    ],
    hoursAgo: 46,
  },
];
