package demo

// region is a naming tradition. Names are built as prefix + given name +
// family name, each part optional, so a region can model single-word
// Javanese names, Batak marga, Balinese birth-order names and so on.
type region struct {
	weight             int
	malePrefix         []string // e.g. Balinese "I Wayan"; "" entries mean none
	femalePrefix       []string
	male, female       []string // given names
	maleFamily, family []string // family names; maleFamily overrides family for men when set
	femaleFamily       []string // family names for women; family when nil
	single             int      // percent of people with a given name only
	haji               bool     // whether H./Hj. titles are common
}

var regions = []region{
	{ // Javanese
		weight: 30, haji: true, single: 15,
		male:         []string{"Budi", "Agus", "Slamet", "Bambang", "Joko", "Eko", "Teguh", "Wahyu", "Hadi", "Sigit", "Bayu", "Dwi", "Arif", "Yudi", "Ahmad", "Muhammad", "Rizky", "Sugeng", "Sukarman", "Heru"},
		female:       []string{"Sri", "Endang", "Dewi", "Rina", "Wulan", "Siti", "Ratna", "Indah", "Fitri", "Retno", "Dyah", "Kartika", "Ayu", "Sulastri", "Tri", "Nur"},
		maleFamily:   []string{"Santoso", "Wibowo", "Prasetyo", "Susanto", "Hartono", "Setiawan", "Nugroho", "Wijaya", "Purnomo", "Saputro", "Kurniawan", "Hidayat", "Sutrisno", "Widodo", "Cahyono"},
		femaleFamily: []string{"Rahayu", "Lestari", "Wahyuni", "Handayani", "Susilowati", "Kusumawati", "Puspitasari", "Wulandari", "Rahmawati", "Setyaningsih", "Pratiwi", "Anggraini"},
	},
	{ // Sundanese
		weight: 12, haji: true, single: 10,
		male:         []string{"Asep", "Ujang", "Dede", "Cecep", "Yayan", "Dadang", "Iwan", "Ade", "Rudi", "Deden", "Aep", "Jajang"},
		female:       []string{"Euis", "Neneng", "Siti", "Iis", "Nenden", "Cucu", "Lilis", "Yeni", "Imas", "Rina", "Elis", "Tati"},
		maleFamily:   []string{"Sunarya", "Permana", "Hidayat", "Suryana", "Ruhiyat", "Kusnadi", "Sopian", "Gunawan", "Mulyana", "Saepudin", "Supriatna", "Hermawan"},
		femaleFamily: []string{"Nurhayati", "Rosmiati", "Komalasari", "Mulyani", "Maryani", "Nurjanah", "Sumiati", "Rohmah", "Kurniasih", "Herawati"},
	},
	{ // Batak: given name(s) and a marga shared by men and women
		weight: 10,
		male:   []string{"Tigor", "Parulian", "Hotman", "Togar", "Bonar", "Martua", "Hasudungan", "Marihot", "Robert", "Hendra", "Jhonny", "Tumpal"},
		female: []string{"Rosdiana", "Lamria", "Tiurma", "Melva", "Sondang", "Friska", "Romauli", "Hotnida", "Dameria", "Ruth", "Rotua", "Lasma"},
		family: []string{"Siregar", "Simanjuntak", "Nasution", "Harahap", "Sitompul", "Situmorang", "Hutapea", "Panjaitan", "Lubis", "Sinaga", "Simatupang", "Tampubolon", "Hutagalung", "Manurung", "Sihombing"},
	},
	{ // Minangkabau
		weight: 10, haji: true, single: 10,
		male:         []string{"Rizal", "Afrizal", "Syafrudin", "Zulkifli", "Yusrizal", "Fauzan", "Hendri", "Erwin", "Yulizar", "Ramadhan", "Irwan", "Zulfahmi"},
		female:       []string{"Yusnimar", "Rahmi", "Desmawati", "Elfira", "Yulia", "Nelmi", "Fitriani", "Rosnelly", "Harnita", "Yenni", "Rahmadani", "Syafrida"},
		maleFamily:   []string{"Yusuf", "Syahputra", "Putra", "Efendi", "Hamdani", "Rasyid", "Chaniago", "Piliang", "Koto", "Tanjung"},
		femaleFamily: []string{"Yanti", "Oktavia", "Novita", "Sari", "Rahmadani", "Fitri", "Chaniago", "Tanjung"},
	},
	{ // Bugis and Makassar, with the Andi title and apostrophes
		weight: 10, haji: true,
		malePrefix:   []string{"", "", "", "", "Andi"},
		femalePrefix: []string{"", "", "", "", "Andi"},
		male:         []string{"Ma'ruf", "Arifuddin", "Syamsuddin", "Rusdi", "Akbar", "Syahrir", "Amiruddin", "Baso", "Ilham", "Ja'far", "Muhammad", "Rahmat"},
		female:       []string{"Nur'aini", "Hasnah", "Nurjannah", "Sitti", "Hasniati", "Nurul", "Ramlah", "Harmawati", "Rosdiana", "Sitti Nur'aeni", "Musdalifah", "Hasriani"},
		family:       []string{"Tahir", "Latief", "Rahman", "Sulaiman", "Syam", "Hamzah", "Basri", "Arsyad", "Kadir", "Idris", "Hasanuddin", "Nurdin"},
	},
	{ // Balinese: birth-order names, sometimes with a caste title
		weight:       8,
		malePrefix:   []string{"I Wayan", "I Made", "I Nyoman", "I Ketut", "I Gede", "I Putu", "I Kadek", "I Komang", "I Gusti Ngurah"},
		femalePrefix: []string{"Ni Luh", "Ni Made", "Ni Nyoman", "Ni Ketut", "Ni Putu", "Ni Kadek", "Ni Komang", "Ni Luh Putu", "I Gusti Ayu"},
		male:         []string{"Sudarsana", "Adnyana", "Suardana", "Mahendra", "Artawan", "Sukadana", "Wirawan", "Darmawan", "Sutama", "Budiarta", "Suparta", "Yasa"},
		female:       []string{"Ayu Lestari", "Sukerti", "Suastini", "Ayu Widiastuti", "Sri Wahyuni", "Dewi Anggreni", "Eka Suryani", "Ariani", "Juliantari", "Ayu Sriani", "Purnamawati", "Sudiani"},
	},
	{ // Minahasa (Manado)
		weight: 8,
		male:   []string{"Frangky", "Jeffry", "Stevanus", "Michael", "Andréas", "Hendrik", "Rinaldi", "Vicky", "Jemmy", "Ronald", "Herry", "Johny"},
		female: []string{"Meity", "Stevani", "Grace", "Vonny", "Christine", "Marlina", "Renée", "Deisy", "Novita", "Lenny", "Jeanette", "Olvie"},
		family: []string{"Wowor", "Pangemanan", "Lumentut", "Rumengan", "Sondakh", "Mamahit", "Tumbelaka", "Kalalo", "Tangkau", "Rondonuwu", "Lengkong", "Walangitan", "Sumual", "Mandagi", "Karamoy"},
	},
	{ // Papuan
		weight: 7,
		male:   []string{"Yohanes", "Markus", "Yakob", "Petrus", "Nikolaus", "Otniel", "Yulius", "Frans", "Hendrikus", "Agustinus", "Yosias", "Daniel"},
		female: []string{"Maria", "Yuliana", "Agustina", "Fransina", "Ester", "Martha", "Regina", "Yosina", "Naomi", "Beatriks", "Dorkas", "Selfina"},
		family: []string{"Wenda", "Kogoya", "Rumbiak", "Ayomi", "Mandowen", "Wanggai", "Karubaba", "Rumaropen", "Yoku", "Kambu", "Awom", "Mirino", "Waromi", "Sawaki", "Wonda"},
	},
}

// Academic titles (gelar akademik) by level, as written in Indonesian
// personnel records.
var (
	diplomaTitles  = []string{"A.Md.", "A.Md.", "A.Md.Kom.", "A.Md.Ak."}
	bachelorTitles = []string{"S.Sos.", "S.E.", "S.H.", "S.Kom.", "S.Psi.", "S.IP.", "S.AP.", "S.T.", "S.Pd.", "S.Si.", "S.STP.", "S.Tr.IP."}
	masterTitles   = []string{"M.Si.", "M.M.", "M.AP.", "M.Kom.", "M.H.", "M.Psi.", "M.Pd."}
	// Before the 1990s social-science bachelors were Drs./Dra. and
	// engineers Ir., written in front of the name.
	oldBachelorMale   = []string{"Drs.", "Drs.", "Ir."}
	oldBachelorFemale = []string{"Dra.", "Dra.", "Ir."}
)

// Mobile prefixes of Indonesian operators (after the leading 0).
var mobilePrefixes = []string{"811", "812", "813", "821", "822", "823", "852", "853", "857", "858", "877", "878", "895", "896", "897", "898"}
