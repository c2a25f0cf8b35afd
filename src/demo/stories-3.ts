import { paragraph } from '../content/blocks.ts';
import type { DemoStory } from './types.ts';

export const STORIES_3: DemoStory[] = [
  {
    key: 'c-persebali-menang-1',
    section: 'sepak-bola',
    headline: 'Persebali Tundukkan Kalimaya FC 2-0 di Kandang Sendiri',
    deck: 'Dua gol di babak kedua membawa tim kebanggaan Denpasar naik ke papan tengah klasemen.',
    dateline: 'TABANAN',
    source: null,
    initials: 'Hen/Warta',
    bylines: ['putu-gede-mahendra'],
    tags: ['Persebali', 'Liga Indonesia', 'Sepak Bola Bali'],
    image: {
      caption:
        'Para pemain Persebali merayakan gol kedua di depan tribune timur Stadion Segara Madu, Tabanan, Sabtu malam.',
      credit: 'Warta/Hen',
      archive: false,
      alt: 'Pemain sepak bola merayakan gol di stadion',
      scene: { motif: 'stadium', light: 'night' },
    },
    blocks: [
      paragraph(
        'Persebali meraih kemenangan 2-0 atas Kalimaya FC dalam lanjutan liga nasional di Stadion Segara Madu, Tabanan, Sabtu malam. Kemenangan ini menjadi yang pertama bagi tim berjuluk Laskar Segara dalam empat pertandingan terakhir.',
      ),
      paragraph(
        'Babak pertama berlangsung ketat tanpa gol. Kalimaya FC lebih banyak menguasai bola, tetapi permainan mereka mudah dipatahkan oleh lini tengah Persebali yang bermain rapat.',
      ),
      paragraph(
        'Kebuntuan pecah pada menit ke-58 ketika gelandang I Komang Ardana menuntaskan umpan silang dari sisi kanan. Dua belas menit kemudian, penyerang muda Gede Surya Pratama menggandakan keunggulan lewat sepakan keras dari luar kotak penalti.',
      ),
      {
        type: 'quote',
        text: 'Anak-anak bermain disiplin dan sabar. Kami tahu Kalimaya akan lelah setelah menit ke-60, jadi kami menunggu saat yang tepat.',
        cite: 'Ketut Wirawan, pelatih Persebali',
      },
      paragraph(
        '“Kemenangan ini untuk suporter yang tetap datang walaupun hasil kami belakangan kurang baik,” kata kapten Persebali, Made Arya Saputra, seusai laga.',
      ),
      paragraph(
        'Pelatih Kalimaya FC, Hendra Wicaksono, mengakui timnya kehilangan fokus setelah gol pertama. Menurut dia, permainan anak asuhnya terlalu mudah dibaca oleh lawan.',
      ),
      paragraph(
        'Dengan hasil ini Persebali mengumpulkan 21 poin dan naik ke posisi kesepuluh. Pertandingan berikutnya akan dimainkan di kandang lawan pekan depan.',
      ),
    ],
    hoursAgo: 141,
  },
  {
    key: 'c-persebali-pelatih-2',
    section: 'sepak-bola',
    headline: 'Kalah Telak dari Bintang Timur, Pelatih Persebali Disorot Suporter',
    deck: 'Kekalahan 0-3 di Surabaya memicu desakan evaluasi terhadap Ketut Wirawan dari kelompok suporter.',
    dateline: 'DENPASAR',
    source: null,
    initials: 'Hen/Warta',
    bylines: ['putu-gede-mahendra'],
    tags: ['Persebali', 'Liga Indonesia', 'Sepak Bola Bali'],
    image: {
      caption:
        'Pelatih Persebali Ketut Wirawan berdiri di pinggir lapangan saat sesi latihan tertutup di Denpasar, Selasa pagi.',
      credit: 'Warta/Hen',
      archive: false,
      alt: 'Pelatih sepak bola di pinggir lapangan latihan',
      scene: { motif: 'stadium', light: 'morning' },
    },
    blocks: [
      paragraph(
        'Pelatih Persebali, Ketut Wirawan, mendapat sorotan tajam setelah timnya kalah 0-3 dari Bintang Timur Surabaya, Minggu sore. Kekalahan itu terjadi hanya sepekan setelah Laskar Segara menang meyakinkan di kandang.',
      ),
      paragraph(
        'Di media sosial, kelompok suporter Segara Mania mendesak manajemen mengevaluasi strategi pelatih. Mereka menilai pola permainan Persebali tidak berubah sejak awal musim dan mudah diantisipasi lawan.',
      ),
      {
        type: 'quote',
        text: 'Kami tidak minta pelatih langsung dipecat. Kami minta ada perubahan yang terlihat di lapangan, bukan hanya janji di konferensi pers.',
        cite: 'Nyoman Adi Wiguna, koordinator Segara Mania',
      },
      paragraph(
        'Ketut Wirawan mengakui timnya bermain buruk, terutama di lini belakang yang kebobolan dua gol dari situasi bola mati. “Saya bertanggung jawab penuh atas hasil ini. Evaluasi sudah kami mulai sejak di ruang ganti,” katanya saat ditemui di tempat latihan, Selasa.',
      ),
      paragraph(
        'Manajer Persebali, I Gusti Ngurah Bagus Mahardika, menyatakan manajemen masih memberikan kepercayaan kepada pelatih. Namun ia tidak menampik bahwa target masuk sepuluh besar akan menjadi tolok ukur penilaian pada akhir putaran.',
      ),
      paragraph(
        '“Kami menilai kinerja pelatih secara menyeluruh, bukan dari satu pertandingan,” ujar Mahardika. Ia menambahkan, manajemen juga sedang menyiapkan tambahan pemain untuk memperkuat lini pertahanan.',
      ),
      paragraph(
        'Persebali kini tertahan di posisi ke-11 dengan 21 poin. Pertandingan kandang berikutnya akan menjadi ujian penting bagi Wirawan dan anak asuhnya.',
      ),
    ],
    hoursAgo: 81,
    updatedHoursAgo: 75,
    pins: ['c-persebali-menang-1'],
  },
  {
    key: 'c-persebali-rekrut-3',
    section: 'sepak-bola',
    headline: 'Persebali Rekrut Bek Tengah Asal Maluku untuk Perkuat Pertahanan',
    deck: 'Yosias Latuheru dikontrak hingga akhir musim depan dan diharapkan menambal lini belakang yang rapuh.',
    dateline: 'DENPASAR',
    source: null,
    initials: 'Hen/Warta',
    bylines: ['putu-gede-mahendra'],
    tags: ['Persebali', 'Liga Indonesia', 'Transfer Pemain'],
    image: {
      caption:
        'Bek baru Persebali, Yosias Latuheru, membentangkan kostum bernomor 4 didampingi manajer tim di kantor klub, Denpasar.',
      credit: 'Warta/Hen',
      archive: false,
      alt: 'Pemain baru membentangkan kostum klub',
      scene: { motif: 'meeting', light: 'noon' },
    },
    blocks: [
      paragraph(
        'Persebali resmi merekrut bek tengah Yosias Latuheru (27) dalam bursa transfer paruh musim. Pemain asal Ambon itu diperkenalkan di kantor klub di Denpasar, Kamis, dan dikontrak hingga akhir musim depan.',
      ),
      paragraph(
        'Perekrutan ini menjawab sorotan terhadap lini belakang Persebali yang kebobolan 24 gol sepanjang putaran pertama. Latuheru sebelumnya bermain untuk sebuah klub divisi kedua di Sulawesi dan dikenal kuat dalam duel udara.',
      ),
      {
        type: 'quote',
        text: 'Saya datang untuk bekerja dan membantu tim keluar dari tekanan. Bali bukan tempat asing bagi saya, saya pernah ikut seleksi di sini waktu masih remaja.',
        cite: 'Yosias Latuheru',
      },
      paragraph(
        'Manajer Persebali, I Gusti Ngurah Bagus Mahardika, mengatakan kontrak Latuheru disusun dengan mempertimbangkan kemampuan keuangan klub. “Kami tidak mengontrak pemain mahal. Kami mencari pemain yang sesuai kebutuhan pelatih,” ujarnya.',
      ),
      paragraph(
        'Pelatih Ketut Wirawan menyebut Latuheru akan langsung dimasukkan dalam skuad untuk laga kandang akhir pekan ini. Menurut dia, kehadiran bek bertinggi 186 sentimeter itu juga penting untuk mengantisipasi bola mati.',
      ),
      paragraph(
        'Selain Latuheru, manajemen masih menjajaki satu pemain sayap. Bursa transfer paruh musim ditutup dua pekan lagi.',
      ),
    ],
    hoursAgo: 41,
  },
  {
    key: 'c-persebali-stadion-4',
    section: 'sepak-bola',
    headline: 'Stadion Segara Madu Direnovasi Jelang Musim Depan',
    deck: 'Pemerintah Kabupaten Tabanan menyiapkan perbaikan rumput, lampu, dan tribune agar kandang Persebali lolos verifikasi liga.',
    dateline: 'TABANAN',
    source: null,
    initials: 'Hen/Warta',
    bylines: ['putu-gede-mahendra'],
    tags: ['Persebali', 'Stadion', 'Tabanan'],
    image: {
      caption:
        'Tribune barat Stadion Segara Madu di Tabanan yang catnya mulai mengelupas, difoto dari sisi lapangan.',
      credit: 'Warta/Hen',
      archive: true,
      alt: 'Tribune stadion sepak bola yang kosong',
      scene: { motif: 'stadium', light: 'dusk' },
    },
    blocks: [
      paragraph(
        'Pemerintah Kabupaten Tabanan akan merenovasi Stadion Segara Madu, kandang Persebali, sebelum musim kompetisi berikutnya dimulai. Renovasi mencakup penggantian rumput lapangan, peningkatan daya lampu, dan perbaikan tribune barat.',
      ),
      paragraph(
        'Kepala Dinas Pemuda dan Olahraga Kabupaten Tabanan, I Made Sukadana, mengatakan pekerjaan dijadwalkan mulai setelah pertandingan kandang terakhir musim ini. Anggaran renovasi diperkirakan mencapai Rp 14 miliar.',
      ),
      {
        type: 'heading',
        level: 2,
        text: 'Syarat verifikasi liga',
      },
      paragraph(
        'Operator liga mensyaratkan penerangan minimal 1.200 lux untuk pertandingan yang disiarkan langsung. Lampu Stadion Segara Madu saat ini baru sekitar 800 lux, sehingga beberapa laga harus dimainkan sore hari.',
      ),
      {
        type: 'quote',
        text: 'Kalau renovasi tidak selesai tepat waktu, Persebali bisa terpaksa menggunakan stadion di luar Bali. Itu yang ingin kami hindari.',
        cite: 'I Made Sukadana, Kepala Dispora Tabanan',
      },
      paragraph(
        'Manajemen Persebali menyambut rencana tersebut. “Penggunaan stadion sendiri sangat berpengaruh pada pemasukan tiket dan semangat pemain,” kata manajer klub, I Gusti Ngurah Bagus Mahardika.',
      ),
      paragraph(
        'Selama renovasi berlangsung, Persebali akan berlatih di lapangan milik sebuah sekolah olahraga di Denpasar. Dinas menargetkan stadion yang direnovasi sudah bisa digunakan untuk uji coba pramusim.',
      ),
    ],
    hoursAgo: 19,
    pins: ['c-persebali-rekrut-3', 'c-persebali-pelatih-2'],
  },
  {
    key: 'c-porprov-buka-1',
    section: 'olahraga',
    headline: 'Porprov Bali Dibuka di Singaraja, Ribuan Atlet Berlaga',
    deck: 'Pekan olahraga provinsi di Buleleng mempertandingkan 34 cabang olahraga selama sepuluh hari.',
    dateline: 'SINGARAJA',
    source: null,
    initials: 'Kom/Warta',
    bylines: ['komang-sri-adnyani', 'putu-gede-mahendra'],
    tags: ['Porprov Bali', 'Buleleng', 'Olahraga Bali'],
    image: {
      caption:
        'Kontingen dari sembilan kabupaten/kota berbaris memasuki lapangan saat upacara pembukaan Porprov Bali di Singaraja, Jumat malam.',
      credit: 'Warta/Kom',
      archive: false,
      alt: 'Barisan atlet dalam upacara pembukaan pekan olahraga',
      scene: { motif: 'stage', light: 'night' },
    },
    blocks: [
      paragraph(
        'Pekan Olahraga Provinsi (Porprov) Bali resmi dibuka di Singaraja, Kabupaten Buleleng, Jumat malam. Sekitar 4.100 atlet dari sembilan kabupaten/kota akan berlaga dalam 34 cabang olahraga hingga sepuluh hari ke depan.',
      ),
      paragraph(
        'Upacara pembukaan diwarnai tari kolosal yang melibatkan 600 pelajar Buleleng. Api Porprov dinyalakan oleh mantan atlet dayung asal Buleleng, Ni Putu Sekarwati, yang pernah meraih medali di tingkat nasional.',
      ),
      {
        type: 'heading',
        level: 2,
        text: 'Venue tersebar di lima kecamatan',
      },
      paragraph(
        'Pertandingan digelar di sejumlah venue yang tersebar di Kecamatan Buleleng, Sukasada, Sawan, Gerokgak, dan Seririt. Cabang layar dan dayung dipertandingkan di perairan Pantai Lovina.',
      ),
      paragraph(
        'Ketua Panitia Pelaksana Porprov, I Ketut Darmayasa, mengatakan sebagian venue baru selesai dibangun dua pekan sebelum pembukaan. “Semua sudah diverifikasi oleh pengurus cabang olahraga. Kami siap menggelar pertandingan sesuai jadwal,” ujarnya.',
      ),
      {
        type: 'quote',
        text: 'Porprov bukan hanya soal medali. Ini tempat kita melihat atlet muda yang kelak membawa nama Bali di tingkat nasional.',
        cite: 'I Ketut Darmayasa, Ketua Panitia Pelaksana Porprov Bali',
      },
      paragraph(
        'Kabupaten Badung dan Kota Denpasar diperkirakan kembali bersaing memperebutkan gelar juara umum. Tuan rumah Buleleng menargetkan masuk tiga besar perolehan medali.',
      ),
    ],
    hoursAgo: 211,
  },
  {
    key: 'c-porprov-medali-2',
    section: 'olahraga',
    headline: 'Denpasar Memimpin Perolehan Medali Porprov, Buleleng Membayangi',
    deck: 'Tuan rumah tampil kuat di cabang dayung dan pencak silat, tetapi masih tertinggal dua emas.',
    dateline: 'SINGARAJA',
    source: null,
    initials: 'Kom/Warta',
    bylines: ['komang-sri-adnyani'],
    tags: ['Porprov Bali', 'Buleleng', 'Olahraga Bali'],
    image: {
      caption:
        'Atlet dayung Buleleng mengayuh perahu menuju garis finis di perairan Pantai Lovina, Selasa pagi.',
      credit: 'Warta/Kom',
      archive: false,
      alt: 'Atlet dayung di perairan pantai',
      scene: { motif: 'sea', light: 'morning' },
    },
    blocks: [
      paragraph(
        'Kota Denpasar memimpin sementara perolehan medali Porprov Bali setelah lima hari pertandingan di Buleleng. Hingga Selasa sore, kontingen Denpasar mengumpulkan 38 emas, disusul tuan rumah Buleleng dengan 36 emas dan Badung dengan 33 emas.',
      ),
      paragraph(
        'Buleleng tampil dominan di cabang dayung dengan merebut lima dari tujuh emas yang diperebutkan di Pantai Lovina. Cabang pencak silat juga menyumbang empat emas bagi tuan rumah.',
      ),
      {
        type: 'list',
        ordered: false,
        items: [
          [{ text: 'Denpasar: 38 emas, 29 perak, 31 perunggu' }],
          [{ text: 'Buleleng: 36 emas, 27 perak, 24 perunggu' }],
          [{ text: 'Badung: 33 emas, 35 perak, 30 perunggu' }],
          [{ text: 'Gianyar: 21 emas, 18 perak, 26 perunggu' }],
        ],
      },
      paragraph(
        '“Kami tidak menyangka bisa bersaing seketat ini. Persiapan atlet dayung sudah kami mulai sejak setahun lalu,” kata Ketua Kontingen Buleleng, Gede Mertayasa.',
      ),
      paragraph(
        'Sementara itu, panitia menerima dua protes resmi terkait penilaian di cabang wushu. Dewan hakim menyatakan hasil pertandingan tetap sah setelah meninjau ulang rekaman video.',
      ),
      paragraph(
        'Persaingan juara umum diperkirakan ditentukan di cabang atletik dan renang yang baru dipertandingkan pada pekan kedua. Kedua cabang itu memperebutkan lebih dari 60 medali emas.',
      ),
    ],
    hoursAgo: 161,
    updatedHoursAgo: 150,
    pins: ['c-porprov-buka-1'],
  },
  {
    key: 'c-sanur-half-marathon-3',
    section: 'olahraga',
    headline: 'Tiga Ribu Pelari Ikuti Half Marathon di Pesisir Sanur',
    deck: 'Pelari asal Buleleng yang baru tampil di Porprov menjuarai kategori putra.',
    dateline: 'DENPASAR',
    source: null,
    initials: 'Hen/Warta',
    bylines: ['putu-gede-mahendra'],
    tags: ['Lari', 'Sanur', 'Olahraga Bali'],
    image: {
      caption:
        'Peserta half marathon berlari menyusuri jalur pantai Sanur saat matahari terbit, Minggu.',
      credit: 'Warta/Hen',
      archive: false,
      alt: 'Pelari menyusuri jalan di tepi pantai',
      scene: { motif: 'road', light: 'morning' },
    },
    blocks: [
      paragraph(
        'Sekitar 3.000 pelari mengikuti lomba lari setengah maraton (half marathon) di kawasan Sanur, Denpasar, Minggu pagi. Peserta menempuh jarak 21,1 kilometer dengan start dan finis di Pantai Matahari Terbit.',
      ),
      paragraph(
        'Lomba dilepas pukul 05.00 Wita untuk menghindari panas. Rute menyusuri jalur pesisir Sanur, lalu berputar melalui Jalan Bypass Ngurah Rai sebelum kembali ke pantai.',
      ),
      paragraph(
        'Gelar juara kategori putra direbut I Nyoman Suparta asal Buleleng dengan catatan waktu 1 jam 9 menit 42 detik. Sepekan sebelumnya, ia meraih perak nomor 10.000 meter di Porprov Bali. Di kategori putri, juara diraih Kadek Ayu Lestari dari Tabanan.',
      ),
      {
        type: 'quote',
        text: 'Kaki masih terasa berat setelah Porprov, jadi saya berlari dengan tempo aman dan baru menambah kecepatan di lima kilometer terakhir.',
        cite: 'I Nyoman Suparta, juara kategori putra',
      },
      paragraph(
        'Ketua panitia, Anak Agung Made Jaya, mengatakan sepertiga peserta berasal dari luar Bali dan sekitar 400 orang merupakan pelari mancanegara. “Berlari sambil menikmati pantai menjadi daya tarik utama lomba ini,” ujarnya.',
      ),
      paragraph(
        'Panitia menyiagakan 12 pos air minum dan empat pos kesehatan di sepanjang rute. Tiga pelari mendapat perawatan karena kram, tetapi tidak ada yang harus dirujuk ke rumah sakit.',
      ),
    ],
    hoursAgo: 71,
  },
  {
    key: 'c-nuklir-ketegangan-1',
    section: 'internasional',
    headline: 'Uji Coba Rudal Picu Kekhawatiran Baru soal Senjata Nuklir',
    deck: 'Sejumlah negara menyerukan penahanan diri setelah peluncuran rudal berkemampuan nuklir di kawasan Asia.',
    dateline: 'JENEWA',
    source: 'Antara',
    initials: 'Ant/Warta',
    bylines: ['bambang-agus-prasetyo'],
    tags: ['Nuklir', 'Senjata Nuklir', 'Pengendalian Senjata'],
    image: {
      caption:
        'Para delegasi berbincang di lorong gedung konferensi internasional di Jenewa menjelang sidang darurat.',
      credit: 'Antara/Rian Saputra',
      archive: false,
      alt: 'Delegasi berbincang di lorong gedung konferensi',
      scene: { motif: 'meeting', light: 'noon' },
    },
    blocks: [
      paragraph(
        'Ketegangan seputar senjata nuklir kembali meningkat setelah sebuah negara di kawasan Asia meluncurkan rudal balistik yang disebut mampu membawa hulu ledak nuklir. Sejumlah delegasi di Jenewa, Senin, menyerukan semua pihak menahan diri dan kembali ke meja perundingan.',
      ),
      paragraph(
        'Peluncuran itu terjadi beberapa hari sebelum konferensi pengendalian senjata dijadwalkan dibuka. Para pengamat menilai waktu peluncuran dapat mempersulit upaya membangun kepercayaan antarnegara pemilik senjata nuklir.',
      ),
      {
        type: 'quote',
        text: 'Setiap uji coba baru mengurangi ruang diplomasi yang sudah sempit. Kami meminta semua pihak tidak mengambil langkah yang memperburuk keadaan.',
        cite: 'Seorang diplomat senior dari kawasan Asia Tenggara',
      },
      paragraph(
        'Juru bicara kementerian luar negeri dari salah satu negara tetangga menyatakan pihaknya telah memanggil duta besar negara peluncur untuk meminta penjelasan. “Kami tidak bisa menerima tindakan yang mengancam stabilitas kawasan,” katanya dalam keterangan tertulis.',
      ),
      paragraph(
        'Indonesia, yang selama ini mendukung Traktat Larangan Senjata Nuklir, menegaskan kembali sikapnya agar persenjataan nuklir dikurangi secara bertahap hingga dihapus sepenuhnya. Sikap itu disampaikan melalui pernyataan perwakilan tetap Indonesia di Jenewa.',
      ),
      paragraph(
        'Kawasan Asia Tenggara sendiri telah dinyatakan sebagai zona bebas senjata nuklir melalui traktat yang ditandatangani pada 1995. Namun, para diplomat mengakui traktat tersebut tidak mengikat negara di luar kawasan.',
      ),
    ],
    hoursAgo: 311,
  },
  {
    key: 'c-nuklir-konferensi-2',
    section: 'internasional',
    headline: 'Konferensi Pengendalian Senjata Nuklir Berakhir Tanpa Kesepakatan Baru',
    deck: 'Delegasi sepakat melanjutkan dialog teknis, tetapi gagal menyetujui jadwal pengurangan hulu ledak.',
    dateline: 'JENEWA',
    source: 'Antara',
    initials: 'Ant/Warta',
    bylines: ['bambang-agus-prasetyo'],
    tags: ['Nuklir', 'Senjata Nuklir', 'Pengendalian Senjata'],
    image: {
      caption:
        'Ruang sidang utama konferensi pengendalian senjata di Jenewa saat sesi penutupan, Jumat malam.',
      credit: 'Antara/Rian Saputra',
      archive: false,
      alt: 'Ruang sidang konferensi internasional',
      scene: { motif: 'meeting', light: 'night' },
    },
    blocks: [
      paragraph(
        'Konferensi internasional tentang pengendalian senjata nuklir di Jenewa berakhir Jumat malam tanpa menghasilkan kesepakatan baru. Setelah lima hari perundingan, delegasi hanya menyetujui pembentukan kelompok kerja teknis yang akan bertemu kembali tahun depan.',
      ),
      paragraph(
        'Perundingan tersendat pada usulan jadwal pengurangan jumlah hulu ledak. Beberapa delegasi negara pemilik senjata nuklir menolak tenggat waktu yang mengikat dan hanya bersedia memberikan komitmen sukarela.',
      ),
      {
        type: 'quote',
        text: 'Kita pulang dengan tangan hampir kosong. Tetapi dialog yang tetap berjalan jauh lebih baik daripada tidak ada dialog sama sekali.',
        cite: 'Ketua sidang konferensi',
      },
      paragraph(
        'Seorang anggota delegasi Indonesia mengatakan negara-negara nonpemilik senjata nuklir akan terus mendorong mekanisme verifikasi yang lebih terbuka. “Pengendalian senjata tanpa verifikasi hanya akan menjadi janji di atas kertas,” ujarnya.',
      ),
      paragraph(
        'Kelompok masyarakat sipil yang memantau konferensi menyayangkan hasil tersebut. Mereka menilai ketegangan akibat uji coba rudal sepekan sebelumnya membuat suasana perundingan sejak awal dipenuhi kecurigaan.',
      ),
      paragraph(
        'Kelompok kerja teknis akan membahas tata cara pelaporan persenjataan dan langkah pengurangan risiko salah perhitungan. Hasilnya akan dibawa ke pertemuan tingkat menteri tahun depan.',
      ),
    ],
    hoursAgo: 271,
  },
  {
    key: 'c-pltn-kajian-1',
    section: 'nasional',
    headline: 'Pemerintah Kaji Lokasi Pembangunan PLTN di Kalimantan Barat',
    deck: 'Kajian tapak pembangkit listrik tenaga nuklir pertama ditargetkan rampung dalam dua tahun.',
    dateline: 'PONTIANAK',
    source: null,
    initials: 'Bap/Warta',
    bylines: ['bambang-agus-prasetyo'],
    tags: ['Nuklir', 'PLTN', 'Kalimantan Barat', 'Energi'],
    image: {
      caption:
        'Hamparan hutan dan perbukitan di pesisir Kalimantan Barat, salah satu kawasan yang masuk dalam kajian tapak.',
      credit: 'Warta/Bap',
      archive: true,
      alt: 'Hutan dan perbukitan di Kalimantan',
      scene: { motif: 'forest', light: 'morning' },
    },
    blocks: [
      paragraph(
        'Pemerintah memulai kajian tapak untuk rencana pembangunan pembangkit listrik tenaga nuklir (PLTN) di Kalimantan Barat. Tim kajian akan meneliti tiga calon lokasi di wilayah pesisir selama dua tahun ke depan.',
      ),
      paragraph(
        'Kalimantan Barat dipilih karena dinilai memiliki risiko gempa yang relatif rendah dibandingkan daerah lain di Indonesia. Kajian mencakup kondisi geologi, ketersediaan air pendingin, kepadatan penduduk, dan jalur evakuasi.',
      ),
      paragraph(
        'Direktur perencanaan energi baru di kementerian terkait, Hadi Santoso Nugroho, mengatakan kajian ini belum merupakan keputusan untuk membangun. “Kajian tapak adalah langkah awal. Kalau hasilnya tidak memenuhi syarat keselamatan, PLTN tidak akan dibangun di sana,” ujarnya di Pontianak, Rabu.',
      ),
      {
        type: 'quote',
        text: 'Kami ingin masyarakat mendapat informasi sejak awal, bukan setelah semuanya diputuskan.',
        cite: 'Hadi Santoso Nugroho',
      },
      paragraph(
        'Rencana ini disambut beragam. Sebagian pelaku usaha berharap PLTN dapat menyediakan listrik yang stabil untuk kawasan industri, sementara kelompok lingkungan meminta pemerintah terbuka soal pengelolaan limbah radioaktif.',
      ),
      paragraph(
        'Bagi Bali dan Nusa Tenggara yang masih bergantung pada pembangkit berbahan bakar fosil, kebijakan energi nasional ini ikut menentukan arah pasokan listrik ke depan. Pemerintah menyebut hasil kajian akan diumumkan terbuka.',
      ),
    ],
    hoursAgo: 411,
  },
  {
    key: 'c-pltn-konsultasi-2',
    section: 'nasional',
    headline: 'Konsultasi Publik Rencana PLTN Diwarnai Pertanyaan soal Limbah',
    deck: 'Warga pesisir Kalimantan Barat meminta jaminan keselamatan dan ganti rugi sebelum pembangunan diputuskan.',
    dateline: 'PONTIANAK',
    source: null,
    initials: 'Bap/Warta',
    bylines: ['bambang-agus-prasetyo'],
    tags: ['Nuklir', 'PLTN', 'Kalimantan Barat', 'Energi'],
    image: {
      caption:
        'Warga mengajukan pertanyaan kepada tim kajian dalam konsultasi publik di sebuah aula kantor kecamatan di pesisir Kalimantan Barat.',
      credit: 'Warta/Bap',
      archive: false,
      alt: 'Warga mengikuti pertemuan di aula',
      scene: { motif: 'meeting', light: 'noon' },
    },
    blocks: [
      paragraph(
        'Ratusan warga mengikuti konsultasi publik tentang rencana pembangunan pembangkit listrik tenaga nuklir (PLTN) di sebuah kecamatan pesisir Kalimantan Barat, Sabtu. Pertemuan yang berlangsung lebih dari empat jam itu didominasi pertanyaan tentang limbah radioaktif dan keselamatan warga.',
      ),
      paragraph(
        'Tim kajian memaparkan hasil awal penelitian tapak, termasuk data gempa dan arus laut. Mereka menegaskan belum ada lokasi yang dipastikan akan dibangun.',
      ),
      {
        type: 'heading',
        level: 2,
        text: 'Limbah dan ganti rugi lahan',
      },
      paragraph(
        'Sejumlah nelayan khawatir pembuangan air pendingin akan mengubah suhu laut dan mengganggu tangkapan ikan. Warga lain menanyakan nasib lahan kebun mereka jika kawasan itu ditetapkan sebagai lokasi pembangunan.',
      ),
      {
        type: 'quote',
        text: 'Kami tidak menolak listrik. Kami hanya ingin tahu, kalau terjadi sesuatu, siapa yang menanggung dan ke mana kami harus pergi.',
        cite: 'Syarifah Nuraini, warga pesisir',
      },
      paragraph(
        'Ketua tim kajian, Arief Wibisono, mengatakan pengelolaan limbah radioaktif diatur ketat dan akan dibahas dalam dokumen analisis dampak lingkungan. “Setiap pertanyaan hari ini kami catat dan akan menjadi bagian dari laporan kajian,” katanya.',
      ),
      paragraph(
        'Kepala Dinas Energi dan Sumber Daya Mineral provinsi, Ridwan Hamdani, menyebut konsultasi serupa akan digelar di dua calon lokasi lainnya. Ia meminta warga tidak mudah percaya pada kabar yang belum jelas sumbernya.',
      ),
      paragraph(
        'Pemerintah menjadwalkan keputusan soal kelanjutan rencana pembangunan setelah kajian tapak rampung. Keputusan itu masih memerlukan izin dari badan pengawas tenaga nuklir.',
      ),
    ],
    hoursAgo: 191,
  },
  {
    key: 'c-ppdb-zonasi-1',
    section: 'nasional',
    headline: 'Aturan Baru Zonasi PPDB Perbesar Kuota Jalur Afirmasi',
    deck: 'Pemerintah pusat menurunkan porsi jalur zonasi dan meminta daerah menyesuaikan petunjuk teknis sebelum pendaftaran dibuka.',
    dateline: 'JAKARTA',
    source: null,
    initials: 'Bap/Warta',
    bylines: ['bambang-agus-prasetyo'],
    tags: ['PPDB', 'Zonasi', 'Pendidikan'],
    image: {
      caption:
        'Orang tua murid antre di depan meja pendaftaran sebuah sekolah menengah pertama pada musim penerimaan murid baru.',
      credit: 'Warta/Bap',
      archive: true,
      alt: 'Orang tua antre di meja pendaftaran sekolah',
      scene: { motif: 'city', light: 'morning' },
    },
    blocks: [
      paragraph(
        'Pemerintah pusat menerbitkan aturan baru penerimaan peserta didik baru (PPDB) yang mengubah komposisi jalur zonasi. Porsi jalur zonasi untuk SMP dan SMA negeri diturunkan, sementara kuota jalur afirmasi bagi keluarga kurang mampu diperbesar.',
      ),
      paragraph(
        'Direktur jenderal yang membidangi pendidikan dasar dan menengah, Sri Handayani Pratiwi, mengatakan perubahan ini menjawab keluhan bahwa sistem zonasi belum sepenuhnya memberi akses bagi anak dari keluarga miskin. Aturan baru berlaku mulai tahun ajaran mendatang.',
      ),
      {
        type: 'list',
        ordered: false,
        items: [
          [{ text: 'Jalur zonasi: paling sedikit 40 persen dari daya tampung' }],
          [{ text: 'Jalur afirmasi: paling sedikit 25 persen' }],
          [{ text: 'Jalur perpindahan tugas orang tua: paling banyak 5 persen' }],
          [{ text: 'Jalur prestasi: sisa daya tampung' }],
        ],
      },
      {
        type: 'quote',
        text: 'Zonasi tetap menjadi dasar, tetapi kami ingin anak dari keluarga tidak mampu punya kursi yang dijamin, bukan hanya mengandalkan jarak rumah.',
        cite: 'Sri Handayani Pratiwi',
      },
      paragraph(
        'Pemerintah daerah diminta menyusun petunjuk teknis paling lambat dua bulan sebelum pendaftaran dibuka. Daerah juga wajib mengumumkan peta zonasi dan daya tampung setiap sekolah secara terbuka.',
      ),
      paragraph(
        'Kepala Dinas Pendidikan Provinsi Bali, I Nyoman Sutapa, mengatakan pihaknya akan menyesuaikan petunjuk teknis PPDB SMA. “Kami akan memetakan ulang zona, terutama di Denpasar dan Badung yang jumlah pendaftarnya selalu melebihi daya tampung,” ujarnya saat dihubungi dari Jakarta.',
      ),
    ],
    hoursAgo: 511,
  },
  {
    key: 'c-ppdb-keluhan-2',
    section: 'nasional',
    headline: 'Ratusan Orang Tua Adukan Masalah Pendaftaran Zonasi ke Posko PPDB',
    deck: 'Keluhan terbanyak soal titik koordinat rumah yang tidak sesuai dan kartu keluarga yang baru dipindahkan.',
    dateline: 'DENPASAR',
    source: null,
    initials: 'Ayu/Warta',
    bylines: ['ni-luh-ayu-wulandari'],
    tags: ['PPDB', 'Zonasi', 'Pendidikan'],
    image: {
      caption:
        'Petugas posko pengaduan membantu orang tua memeriksa titik koordinat rumah pada aplikasi pendaftaran di kantor dinas pendidikan, Denpasar.',
      credit: 'Warta/Ayu',
      archive: false,
      alt: 'Petugas membantu orang tua di posko pengaduan',
      scene: { motif: 'meeting', light: 'noon' },
    },
    blocks: [
      paragraph(
        'Posko pengaduan PPDB di Denpasar menerima lebih dari 300 aduan dalam tiga hari pertama masa pendaftaran jalur zonasi. Sebagian besar orang tua mengeluhkan titik koordinat rumah yang tercatat berbeda dengan lokasi sebenarnya.',
      ),
      paragraph(
        'Kesalahan koordinat membuat jarak rumah ke sekolah terhitung lebih jauh sehingga peringkat calon murid turun. Sejumlah orang tua juga mempersoalkan pendaftar yang kartu keluarganya baru dipindahkan beberapa bulan sebelum pendaftaran.',
      ),
      paragraph(
        '“Rumah kami hanya 600 meter dari sekolah, tetapi di sistem tertulis hampir dua kilometer. Anak saya langsung terlempar dari daftar,” kata Ni Made Rusmini, warga Denpasar Timur, yang datang ke posko sejak pagi.',
      ),
      {
        type: 'quote',
        text: 'Setiap aduan koordinat kami verifikasi langsung ke lapangan. Kalau terbukti salah sistem, data calon murid akan diperbaiki dan peringkatnya dihitung ulang.',
        cite: 'Ida Bagus Putu Wiranata, Koordinator Posko PPDB Denpasar',
      },
      paragraph(
        'Soal perpindahan kartu keluarga, Wiranata mengatakan aturan mensyaratkan domisili paling singkat satu tahun. Pendaftar yang tidak memenuhi syarat itu akan dicoret dan dipindahkan ke jalur lain bila masih tersedia kuota.',
      ),
      paragraph(
        'Ombudsman perwakilan Bali juga membuka layanan pengaduan terkait penerimaan murid baru. Masa pendaftaran jalur zonasi diperpanjang dua hari untuk memberi kesempatan perbaikan data.',
      ),
    ],
    hoursAgo: 341,
  },
  {
    key: 'c-kurikulum-3',
    section: 'nasional',
    headline: 'Kurikulum Baru Diterapkan Bertahap, Guru Daerah Minta Pelatihan',
    deck: 'Sekolah di Bali dan Nusa Tenggara mulai menerapkan kurikulum baru di kelas awal, tetapi banyak guru belum mendapat pendampingan.',
    dateline: 'DENPASAR',
    source: null,
    initials: 'Ayu/Warta',
    bylines: ['ni-luh-ayu-wulandari', 'bambang-agus-prasetyo'],
    tags: ['Kurikulum', 'Pendidikan', 'Guru'],
    image: {
      caption:
        'Seorang guru sekolah dasar di Denpasar memandu murid kelas satu mengerjakan proyek kelompok di halaman sekolah.',
      credit: 'Warta/Ayu',
      archive: false,
      alt: 'Guru dan murid sekolah dasar di halaman sekolah',
      scene: { motif: 'city', light: 'morning' },
    },
    blocks: [
      paragraph(
        'Kurikulum baru mulai diterapkan secara bertahap pada tahun ajaran ini, dimulai dari kelas I, IV, VII, dan X. Di Bali dan Nusa Tenggara, sejumlah guru mengaku belum siap karena pelatihan yang diterima masih terbatas.',
      ),
      paragraph(
        'Penerapan kurikulum ini berjalan bersamaan dengan penerimaan murid baru menggunakan aturan zonasi yang diperbarui. Dinas pendidikan di daerah harus membagi perhatian antara urusan PPDB dan pendampingan guru.',
      ),
      {
        type: 'heading',
        level: 2,
        text: 'Pelatihan daring dinilai belum cukup',
      },
      paragraph(
        'Sebagian besar pelatihan diberikan secara daring melalui modul yang harus dipelajari mandiri. Guru di daerah terpencil, terutama di Nusa Tenggara Timur, kesulitan mengikuti karena jaringan internet yang tidak stabil.',
      ),
      {
        type: 'quote',
        text: 'Modulnya bagus, tetapi kami butuh contoh langsung di kelas. Membaca saja tidak cukup untuk mengubah cara mengajar yang sudah kami pakai puluhan tahun.',
        cite: 'Ni Ketut Sriasih, guru SD di Denpasar',
      },
      paragraph(
        'Pejabat di kementerian yang membidangi kurikulum, Agus Setiawan Rahardjo, mengatakan pemerintah menyiapkan guru penggerak di setiap kabupaten untuk mendampingi rekan sejawatnya. “Kurikulum ini tidak diterapkan serentak justru agar sekolah punya waktu belajar,” katanya di Jakarta.',
      ),
      paragraph(
        'Persatuan guru di Bali meminta pemerintah daerah menganggarkan pelatihan tatap muka. Mereka juga berharap beban administrasi guru dikurangi agar waktu lebih banyak digunakan untuk menyiapkan pembelajaran.',
      ),
    ],
    hoursAgo: 251,
  },
  {
    key: 'c-topan-filipina-1',
    section: 'internasional',
    headline: 'Topan Menerjang Filipina Tengah, Puluhan Ribu Warga Mengungsi',
    deck: 'Angin kencang dan banjir merusak ribuan rumah serta memutus listrik di sejumlah provinsi.',
    dateline: 'MANILA',
    source: 'Antara',
    initials: 'Ant/Warta',
    bylines: ['bambang-agus-prasetyo'],
    tags: ['Topan', 'Filipina', 'Bantuan Kemanusiaan'],
    image: {
      caption:
        'Warga mengungsi menggunakan perahu melewati jalan yang tergenang banjir di sebuah kota pesisir Filipina tengah.',
      credit: 'Antara/Dimas Ardiansyah',
      archive: false,
      alt: 'Warga naik perahu di jalan yang banjir',
      scene: { motif: 'harbor', light: 'dusk' },
    },
    blocks: [
      paragraph(
        'Sebuah topan kuat menerjang wilayah Filipina tengah sejak Selasa malam, memaksa lebih dari 60.000 warga mengungsi. Angin berkecepatan hingga 180 kilometer per jam merobohkan pohon, merusak ribuan rumah, dan memutus aliran listrik di sejumlah provinsi.',
      ),
      paragraph(
        'Otoritas penanggulangan bencana setempat melaporkan sedikitnya 23 orang meninggal dan belasan lainnya hilang. Sebagian besar korban tertimpa bangunan roboh atau terseret banjir di daerah dataran rendah.',
      ),
      {
        type: 'quote',
        text: 'Tim kami masih berusaha menjangkau desa-desa yang terputus. Jalan tertutup longsor dan jaringan komunikasi belum pulih.',
        cite: 'Juru bicara badan penanggulangan bencana Filipina',
      },
      paragraph(
        'Ratusan penerbangan domestik dibatalkan dan pelayaran antarpulau dihentikan sementara. Ribuan penumpang tertahan di pelabuhan menunggu cuaca membaik.',
      ),
      paragraph(
        'Kementerian Luar Negeri Indonesia menyatakan terus memantau keadaan warga negara Indonesia di wilayah terdampak. “Sejauh ini belum ada laporan WNI yang menjadi korban,” kata seorang pejabat perwakilan Indonesia di Manila.',
      ),
      paragraph(
        'Badan cuaca setempat memperkirakan topan akan melemah setelah bergerak ke Laut China Selatan pada Kamis. Namun, hujan lebat masih berpotensi memicu banjir dan longsor susulan.',
      ),
    ],
    hoursAgo: 131,
    updatedHoursAgo: 120,
  },
  {
    key: 'c-topan-bantuan-2',
    section: 'internasional',
    headline: 'Indonesia Kirim Bantuan Kemanusiaan untuk Korban Topan Filipina',
    deck: 'Dua pesawat membawa tenda, makanan siap saji, dan obat-obatan, termasuk sumbangan dari Bali dan NTB.',
    dateline: 'JAKARTA',
    source: null,
    initials: 'Bap/Warta',
    bylines: ['bambang-agus-prasetyo'],
    tags: ['Topan', 'Filipina', 'Bantuan Kemanusiaan'],
    image: {
      caption:
        'Petugas memuat paket bantuan kemanusiaan ke dalam pesawat angkut di sebuah pangkalan udara di Jakarta, Jumat pagi.',
      credit: 'Warta/Bap',
      archive: false,
      alt: 'Petugas memuat paket bantuan ke pesawat',
      scene: { motif: 'city', light: 'morning' },
    },
    blocks: [
      paragraph(
        'Pemerintah Indonesia mengirimkan bantuan kemanusiaan untuk korban topan di Filipina tengah, Jumat. Dua pesawat angkut membawa sekitar 30 ton logistik yang akan disalurkan melalui otoritas penanggulangan bencana Filipina.',
      ),
      paragraph(
        'Bantuan yang dikirim antara lain tenda keluarga, makanan siap saji, selimut, alat penjernih air, dan obat-obatan. Sebagian logistik merupakan sumbangan pemerintah daerah dan lembaga kemanusiaan dari Bali dan Nusa Tenggara Barat.',
      ),
      {
        type: 'quote',
        text: 'Indonesia juga negara rawan bencana. Kita tahu betapa berartinya bantuan yang datang cepat pada hari-hari pertama.',
        cite: 'Rahmat Hidayatullah, pejabat koordinator pengiriman bantuan',
      },
      paragraph(
        'Pengiriman ini dilakukan tiga hari setelah topan menerjang. Menurut Rahmat, penyaluran di lapangan akan dibantu staf perwakilan Indonesia di Manila agar bantuan tiba di daerah yang paling membutuhkan.',
      ),
      paragraph(
        'Di Denpasar, sebuah lembaga kemanusiaan mengumpulkan sumbangan warga dalam dua hari. “Kami menerima beras, pakaian layak pakai, dan uang tunai. Yang bisa dikirim lewat jalur pemerintah kami titipkan, sisanya kami salurkan lewat mitra di Filipina,” kata koordinatornya, Made Krisna Yudha.',
      ),
      paragraph(
        'Pemerintah menyatakan siap mengirim tim medis jika diminta pemerintah Filipina. Sejumlah negara ASEAN lain juga telah menyalurkan bantuan dalam beberapa hari terakhir.',
      ),
    ],
    hoursAgo: 101,
  },
  {
    key: 'c-asean-pariwisata-3',
    section: 'internasional',
    headline: 'Menteri Pariwisata ASEAN Sepakati Promosi Bersama Destinasi Kawasan',
    deck: 'Pertemuan di Kuala Lumpur juga membahas kemudahan visa dan pariwisata berkelanjutan, termasuk peran Bali.',
    dateline: 'KUALA LUMPUR',
    source: 'Antara',
    initials: 'Ant/Warta',
    bylines: ['ni-luh-ayu-wulandari'],
    tags: ['ASEAN', 'Pariwisata', 'Kerja Sama Kawasan'],
    image: {
      caption:
        'Para delegasi pertemuan menteri pariwisata ASEAN berfoto bersama di depan panggung utama di Kuala Lumpur.',
      credit: 'Antara/Fajar Nugraha',
      archive: false,
      alt: 'Delegasi pertemuan berfoto di depan panggung',
      scene: { motif: 'stage', light: 'noon' },
    },
    blocks: [
      paragraph(
        'Para menteri pariwisata negara-negara ASEAN menyepakati program promosi bersama destinasi kawasan dalam pertemuan tahunan di Kuala Lumpur, Kamis. Program itu akan memasarkan paket perjalanan lintas negara kepada wisatawan dari Eropa, Amerika, dan Asia Timur.',
      ),
      paragraph(
        'Pertemuan juga membahas kemudahan visa bagi wisatawan mancanegara yang mengunjungi lebih dari satu negara ASEAN. Sejumlah delegasi mengusulkan skema visa bersama, tetapi pembahasan teknisnya diserahkan kepada pejabat imigrasi masing-masing negara.',
      ),
      {
        type: 'quote',
        text: 'Wisatawan jarak jauh jarang datang hanya untuk satu negara. Kalau kita berpromosi sendiri-sendiri, kita kalah dari kawasan lain.',
        cite: 'Seorang delegasi senior dari negara tuan rumah',
      },
      paragraph(
        'Delegasi Indonesia yang dipimpin pejabat eselon I kementerian pariwisata, Wahyu Adiputra, menawarkan Bali sebagai contoh pengelolaan wisata berbasis budaya. “Bali bisa menjadi pintu masuk, lalu wisatawan melanjutkan perjalanan ke Lombok, Labuan Bajo, atau negara tetangga,” ujarnya.',
      ),
      paragraph(
        'Isu pariwisata berkelanjutan juga mengemuka, termasuk pengelolaan sampah di destinasi pantai dan pembatasan jumlah pengunjung di kawasan yang rentan. Para menteri sepakat menyusun standar bersama untuk sertifikasi usaha wisata ramah lingkungan.',
      ),
      paragraph(
        'Pertemuan menteri pariwisata ASEAN berikutnya dijadwalkan digelar tahun depan. Pelaku usaha wisata di Bali berharap kesepakatan promosi bersama segera diwujudkan dalam bentuk paket perjalanan yang konkret.',
      ),
    ],
    hoursAgo: 611,
  },
];
