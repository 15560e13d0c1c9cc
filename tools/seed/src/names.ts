/**
 * Per-language name and street lists (Latin script) for the demo network.
 * `firstF`/`lastF`: female given names and the matching female surname forms (index-aligned with `last`)
 * for languages with gendered surnames. `familyFirst`: the display name puts the family name first.
 * Street format: '{n}' = house number, '{s}' = street name.
 */
export interface NameGroup {
  readonly first: readonly string[];
  readonly firstF?: readonly string[];
  readonly last: readonly string[];
  readonly lastF?: readonly string[];
  readonly familyFirst?: boolean;
  readonly streetFormat: string;
  readonly streets: readonly string[];
  /** Dealer-group style names used to disambiguate center names. */
  readonly dealers: readonly string[];
}

const EN_STREETS = ['Main Road', 'Industrial Avenue', 'Station Road', 'Commerce Drive', 'Motorway Park', 'Victoria Street', 'Airport Road', 'Enterprise Way'];
const EN_DEALERS = ['Metro Motors', 'Premier Auto', 'Summit Motors', 'Crown Auto', 'Unity Motors', 'Horizon Auto'];
const ES_STREETS = ['Avenida Principal', 'Calle Industrial', 'Avenida Libertador', 'Calle Comercio', 'Avenida Central', 'Calle Los Pinos', 'Avenida Las Americas', 'Carretera Norte'];
const ES_DEALERS = ['Automotriz del Sol', 'Grupo Motor', 'Autos Andinos', 'Automotores Unidos', 'Grupo Rueda', 'Autocentro Sur'];
const AR_STREETS = ['Airport Road', 'Al Nahda Street', 'Industrial Area Street', 'Al Salam Street', 'Corniche Road', 'Al Rashid Street', 'Al Madina Road', 'Al Quds Street'];
const AR_DEALERS = ['Al Futtaim', 'Al Jazira Motors', 'Gulf Auto', 'Al Nasr Motors', 'Al Waha Auto', 'Orient Motors'];
const PT_STREETS = ['Avenida Paulista', 'Rua das Industrias', 'Avenida Brasil', 'Rua do Comercio', 'Avenida da Liberdade', 'Rodovia Norte', 'Rua Sete de Setembro', 'Avenida Atlantica'];
const PT_DEALERS = ['Auto Atlantico', 'Grupo Motriz', 'Rota Veiculos', 'Auto Estrela', 'Vento Motors', 'Grupo Sul Auto'];
const FR_STREETS = ['Rue de la Republique', "Avenue de l'Industrie", 'Boulevard Victor Hugo', 'Rue du Commerce', 'Avenue Charles de Gaulle', 'Route Nationale', 'Rue Pasteur', 'Boulevard de la Paix'];
const FR_DEALERS = ['Auto Horizon', 'Groupe Etoile', 'Garage Central', 'Auto Prestige', 'Groupe Avenir', 'Atlas Auto'];

export const NAME_GROUPS: Readonly<Record<string, NameGroup>> = {
  zh: {
    first: ['Wei', 'Fang', 'Jun', 'Lei', 'Min', 'Jing', 'Tao', 'Yan', 'Hao', 'Xin', 'Lina', 'Qiang', 'Yong', 'Hui', 'Bo', 'Ting'],
    last: ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Zhao', 'Huang', 'Zhou', 'Wu', 'Xu', 'Sun', 'Hu', 'Zhu', 'Gao', 'Lin'],
    familyFirst: true,
    streetFormat: 'No. {n} {s}',
    streets: ['Longyang Road', 'Zhongshan Road', 'Renmin Road', 'Jianshe Road', 'Jiefang Avenue', 'Changjiang Road', 'Xinhua Road', 'Huanghe Road', 'Dongfeng Road', 'Binhe Avenue'],
    dealers: ['Yongda', 'Zhongsheng', 'Guanghui', 'Huaxin', 'Baoxin', 'Hengxin', 'Ruitong', 'Jiahe', 'Meiya', 'Dongfang', 'Xinyuan', 'Tianhong'],
  },
  yue: {
    first: ['Ka Ming', 'Wai Man', 'Siu Fung', 'Chi Keung', 'Mei Ling', 'Hoi Yan', 'Kwok Wai', 'Yuk Lan'],
    last: ['Chan', 'Wong', 'Leung', 'Cheung', 'Lau', 'Lee', 'Ho', 'Ng', 'Tsang', 'Chow'],
    familyFirst: true,
    streetFormat: '{n} {s}',
    streets: ['Nathan Road', 'Castle Peak Road', 'Kwun Tong Road', 'Wang Chiu Road', 'Shing Yip Street', 'Avenida de Almeida Ribeiro'],
    dealers: ['Harbour Motors', 'Dragon Auto', 'Pearl Motors'],
  },
  mn: {
    first: ['Bat-Erdene', 'Ganbold', 'Enkhjargal', 'Oyunchimeg', 'Bolormaa', 'Temuujin', 'Sukhbaatar', 'Naranbaatar'],
    last: ['Batbayar', 'Dorj', 'Gantulga', 'Tsogt', 'Enkhbayar', 'Purev', 'Baatar', 'Munkh'],
    streetFormat: '{s} {n}',
    streets: ['Peace Avenue', 'Chinggis Avenue', 'Seoul Street', 'Narny Road'],
    dealers: ['Steppe Motors', 'Khan Auto'],
  },
  ru: {
    first: ['Aleksandr', 'Dmitry', 'Sergey', 'Andrey', 'Alexey', 'Ivan', 'Mikhail', 'Pavel', 'Nikolay', 'Roman'],
    firstF: ['Elena', 'Olga', 'Natalia', 'Tatiana', 'Irina', 'Anna', 'Svetlana', 'Maria'],
    last: ['Ivanov', 'Smirnov', 'Kuznetsov', 'Popov', 'Vasiliev', 'Petrov', 'Sokolov', 'Mikhailov', 'Novikov', 'Fedorov', 'Morozov', 'Volkov'],
    lastF: ['Ivanova', 'Smirnova', 'Kuznetsova', 'Popova', 'Vasilieva', 'Petrova', 'Sokolova', 'Mikhailova', 'Novikova', 'Fedorova', 'Morozova', 'Volkova'],
    streetFormat: '{s}, {n}',
    streets: ['ul. Lenina', 'ul. Sadovaya', 'Promyshlennaya ul.', 'prospekt Mira', 'Leningradskoye shosse', 'ul. Gagarina', 'Kashirskoye shosse', 'ul. Sovetskaya'],
    dealers: ['Avtomir', 'Rolf', 'Avilon', 'Major', 'Avtodom', 'Favorit'],
  },
  uk: {
    first: ['Oleksandr', 'Andriy', 'Serhiy', 'Volodymyr', 'Olena', 'Oksana', 'Iryna', 'Taras', 'Mykola', 'Yulia'],
    last: ['Shevchenko', 'Kovalenko', 'Bondarenko', 'Tkachenko', 'Kravchenko', 'Melnyk', 'Boyko', 'Koval', 'Oliynyk', 'Lysenko'],
    streetFormat: '{s}, {n}',
    streets: ['vul. Khreshchatyk', 'prospekt Peremohy', 'vul. Promyslova', 'vul. Shevchenka'],
    dealers: ['Avto Dnipro', 'Vidi Auto'],
  },
  ca: {
    first: ['Nurlan', 'Aibek', 'Timur', 'Rustam', 'Dilshod', 'Bakhtiyar', 'Yerlan', 'Sanjar', 'Azamat'],
    firstF: ['Aigerim', 'Madina', 'Gulnara', 'Zarina', 'Dinara', 'Kamila'],
    last: ['Akhmetov', 'Karimov', 'Rakhimov', 'Yusupov', 'Tursunov', 'Ismailov', 'Sultanov', 'Nazarov', 'Aliyev', 'Mamedov'],
    lastF: ['Akhmetova', 'Karimova', 'Rakhimova', 'Yusupova', 'Tursunova', 'Ismailova', 'Sultanova', 'Nazarova', 'Aliyeva', 'Mamedova'],
    streetFormat: '{s} {n}',
    streets: ['Abay Avenue', 'Amir Temur Street', 'Dostyk Avenue', 'Navoi Street', 'Chui Avenue', 'Rudaki Avenue', 'Heydar Aliyev Avenue'],
    dealers: ['Astana Motors', 'Silk Road Auto', 'Orda Motors', 'Turan Auto'],
  },
  hy: {
    first: ['Armen', 'Aram', 'Davit', 'Tigran', 'Ani', 'Lilit', 'Hayk', 'Narine'],
    last: ['Harutyunyan', 'Sargsyan', 'Grigoryan', 'Hovhannisyan', 'Petrosyan', 'Khachatryan', 'Vardanyan', 'Gevorgyan'],
    streetFormat: '{n} {s}',
    streets: ['Tigran Mets Avenue', 'Arshakunyats Avenue', 'Sebastia Street'],
    dealers: ['Ararat Motors', 'Masis Auto'],
  },
  ka: {
    first: ['Giorgi', 'Levan', 'Nino', 'Tamar', 'Davit', 'Irakli', 'Mariam', 'Zurab'],
    last: ['Beridze', 'Kapanadze', 'Gelashvili', 'Maisuradze', 'Lomidze', 'Tsiklauri', 'Giorgadze', 'Abashidze'],
    streetFormat: '{n} {s}',
    streets: ['Aghmashenebeli Avenue', 'Tsereteli Avenue', 'Kakheti Highway'],
    dealers: ['Kartli Motors', 'Iveria Auto'],
  },
  ro: {
    first: ['Andrei', 'Mihai', 'Alexandru', 'Ioana', 'Elena', 'Cristian', 'Gabriel', 'Ana', 'Florin', 'Diana'],
    last: ['Popescu', 'Ionescu', 'Popa', 'Dumitru', 'Stan', 'Stoica', 'Gheorghe', 'Munteanu', 'Rusu', 'Ciobanu'],
    streetFormat: '{s} {n}',
    streets: ['Bulevardul Unirii', 'Soseaua Pipera', 'Strada Industriilor', 'Bulevardul Stefan cel Mare'],
    dealers: ['Auto Dacia Nord', 'Carpati Motors'],
  },
  pl: {
    first: ['Piotr', 'Krzysztof', 'Tomasz', 'Pawel', 'Anna', 'Katarzyna', 'Marek', 'Agnieszka', 'Michal', 'Magdalena'],
    last: ['Nowak', 'Wozniak', 'Mazur', 'Krawczyk', 'Kaczmarek', 'Zajac', 'Krol', 'Wieczorek', 'Dudek', 'Pawlak'],
    streetFormat: '{s} {n}',
    streets: ['ul. Pulawska', 'al. Jerozolimskie', 'ul. Przemyslowa', 'ul. Marszalkowska'],
    dealers: ['Auto Wisla', 'Polmotor'],
  },
  cs: {
    first: ['Jan', 'Petr', 'Tomas', 'Martin', 'Jakub', 'Pavel', 'Lukas'],
    firstF: ['Jana', 'Lucie', 'Eva', 'Katarina', 'Petra'],
    last: ['Novak', 'Svoboda', 'Dvorak', 'Prochazka', 'Kucera', 'Horvath', 'Kovac', 'Vesely'],
    lastF: ['Novakova', 'Svobodova', 'Dvorakova', 'Prochazkova', 'Kucerova', 'Horvathova', 'Kovacova', 'Vesela'],
    streetFormat: '{s} {n}',
    streets: ['Prumyslova', 'Vinohradska', 'Hlavni', 'Bratislavska'],
    dealers: ['Auto Morava', 'Tatra Motors'],
  },
  bg: {
    first: ['Georgi', 'Ivan', 'Dimitar', 'Nikolay', 'Petar'],
    firstF: ['Maria', 'Elena', 'Desislava', 'Gergana'],
    last: ['Ivanov', 'Georgiev', 'Dimitrov', 'Petrov', 'Nikolov', 'Todorov'],
    lastF: ['Ivanova', 'Georgieva', 'Dimitrova', 'Petrova', 'Nikolova', 'Todorova'],
    streetFormat: '{s} {n}',
    streets: ['bul. Tsarigradsko shose', 'bul. Bulgaria', 'ul. Industrialna'],
    dealers: ['Auto Balkan', 'Rila Motors'],
  },
  yu: {
    first: ['Marko', 'Nikola', 'Stefan', 'Milan', 'Ivana', 'Jelena', 'Dragan', 'Ana', 'Luka', 'Maja'],
    last: ['Jovanovic', 'Petrovic', 'Nikolic', 'Markovic', 'Horvat', 'Kovacevic', 'Babic', 'Popovic', 'Novak', 'Hodzic'],
    streetFormat: '{s} {n}',
    streets: ['Bulevar Oslobodjenja', 'Industrijska ulica', 'Savska cesta', 'Bulevar Kralja Aleksandra'],
    dealers: ['Auto Dunav', 'Adria Motors', 'Balkan Auto'],
  },
  hu: {
    first: ['Laszlo', 'Istvan', 'Zoltan', 'Katalin', 'Anna', 'Gabor', 'Peter', 'Eszter'],
    last: ['Nagy', 'Kovacs', 'Toth', 'Szabo', 'Horvath', 'Varga', 'Kiss', 'Molnar'],
    familyFirst: true,
    streetFormat: '{s} {n}',
    streets: ['Vaci ut', 'Szentendrei ut', 'Ipari utca', 'Budaorsi ut'],
    dealers: ['Duna Auto', 'Pannonia Motors'],
  },
  sq: {
    first: ['Arben', 'Ermal', 'Besnik', 'Elira', 'Jonida', 'Gentian', 'Erion', 'Anila'],
    last: ['Hoxha', 'Shehu', 'Krasniqi', 'Gashi', 'Dervishi', 'Leka', 'Basha', 'Cela'],
    streetFormat: '{s} {n}',
    streets: ['Rruga e Durresit', 'Autostrada Tirane-Durres', 'Rruga e Kavajes'],
    dealers: ['Auto Shqiponja'],
  },
  balt: {
    first: ['Tomas', 'Mindaugas', 'Janis', 'Andris', 'Kristjan', 'Liis', 'Ruta', 'Ilze'],
    last: ['Kazlauskas', 'Berzins', 'Tamm', 'Saar', 'Ozols', 'Petrauskas', 'Kalnins', 'Sepp'],
    streetFormat: '{s} {n}',
    streets: ['Ukmerges g.', 'Brivibas iela', 'Parnu mnt', 'Savanoriu pr.'],
    dealers: ['Baltic Motors', 'Amber Auto'],
  },
  en: {
    first: ['James', 'Oliver', 'Sarah', 'Emma', 'David', 'Michael', 'Jessica', 'Daniel', 'Laura', 'Thomas', 'Sophie', 'Matthew'],
    last: ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Evans', 'Walker', 'Wright', 'Thompson'],
    streetFormat: '{n} {s}',
    streets: EN_STREETS,
    dealers: EN_DEALERS,
  },
  ga: {
    first: ['Sean', 'Ciaran', 'Aoife', 'Niamh', 'Conor', 'Siobhan', 'Padraig', 'Eoin'],
    last: ['Murphy', 'Kelly', "O'Sullivan", 'Walsh', "O'Brien", 'Byrne', 'Ryan', 'Doyle'],
    streetFormat: '{n} {s}',
    streets: ['Naas Road', 'Long Mile Road', 'Swords Road', 'Malahide Road'],
    dealers: ['Liffey Motors', 'Emerald Auto'],
  },
  fr: {
    first: ['Jean', 'Pierre', 'Nicolas', 'Julien', 'Marie', 'Camille', 'Sophie', 'Thomas', 'Antoine', 'Claire', 'Luc', 'Isabelle'],
    last: ['Martin', 'Bernard', 'Dubois', 'Durand', 'Lefebvre', 'Moreau', 'Laurent', 'Simon', 'Michel', 'Leroy', 'Roux', 'Fontaine'],
    streetFormat: '{n} {s}',
    streets: FR_STREETS,
    dealers: FR_DEALERS,
  },
  de: {
    first: ['Lukas', 'Jonas', 'Stefan', 'Andreas', 'Anna', 'Julia', 'Markus', 'Katrin', 'Michael', 'Sabine', 'Tobias', 'Claudia'],
    last: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Hoffmann', 'Schulz', 'Koch', 'Richter'],
    streetFormat: '{s} {n}',
    streets: ['Industriestraße', 'Hauptstraße', 'Bahnhofstraße', 'Gewerbering', 'Hanauer Landstraße', 'Ringstraße', 'Mainzer Landstraße'],
    dealers: ['Autohaus Nord', 'Autohaus Rhein', 'Autozentrum Süd', 'Autohaus am Ring'],
  },
  nl: {
    first: ['Jan', 'Pieter', 'Daan', 'Sanne', 'Lotte', 'Bram', 'Thijs', 'Femke'],
    last: ['de Jong', 'Jansen', 'de Vries', 'van den Berg', 'Bakker', 'Visser', 'Smit', 'Meijer'],
    streetFormat: '{s} {n}',
    streets: ['Industrieweg', 'Kruisweg', 'Hoofdweg', 'Stationsstraat'],
    dealers: ['Autobedrijf Holland', 'Polder Motors'],
  },
  it: {
    first: ['Marco', 'Luca', 'Giuseppe', 'Francesca', 'Giulia', 'Alessandro', 'Matteo', 'Chiara', 'Andrea', 'Paola'],
    last: ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco'],
    streetFormat: '{s} {n}',
    streets: ['Via Roma', 'Viale dell\'Industria', 'Via Garibaldi', 'Corso Italia', 'Via Nazionale', 'Viale Europa'],
    dealers: ['Autostella', 'Gruppo Motori Italia', 'Autocentro Tricolore', 'Auto Adriatica'],
  },
  es: {
    first: ['José', 'Carlos', 'Luis', 'Juan', 'María', 'Ana', 'Laura', 'Javier', 'Miguel', 'Carmen', 'Diego', 'Lucía', 'Alejandro', 'Sofía'],
    last: ['García', 'Rodríguez', 'Martínez', 'López', 'González', 'Hernández', 'Pérez', 'Sánchez', 'Ramírez', 'Torres', 'Flores', 'Díaz', 'Morales', 'Vargas'],
    streetFormat: '{s} {n}',
    streets: ES_STREETS,
    dealers: ES_DEALERS,
  },
  pt: {
    first: ['João', 'Pedro', 'Lucas', 'Ana', 'Mariana', 'Rafael', 'Gabriel', 'Beatriz', 'Carlos', 'Fernanda', 'Tiago', 'Juliana'],
    last: ['Silva', 'Santos', 'Oliveira', 'Souza', 'Pereira', 'Costa', 'Ferreira', 'Almeida', 'Rodrigues', 'Carvalho', 'Gomes', 'Martins'],
    streetFormat: '{s}, {n}',
    streets: PT_STREETS,
    dealers: PT_DEALERS,
  },
  el: {
    first: ['Giorgos', 'Dimitris', 'Nikos', 'Maria', 'Eleni', 'Kostas', 'Yannis', 'Katerina'],
    last: ['Papadopoulos', 'Papadakis', 'Georgiou', 'Nikolaou', 'Ioannou', 'Christodoulou', 'Konstantinou', 'Vlachos'],
    streetFormat: '{s} {n}',
    streets: ['Leoforos Kifisias', 'Leoforos Syngrou', 'Odos Ermou', 'Leoforos Makariou'],
    dealers: ['Aegean Motors', 'Olympus Auto'],
  },
  nord: {
    first: ['Erik', 'Lars', 'Anders', 'Johan', 'Anna', 'Ingrid', 'Mikael', 'Karin', 'Jukka', 'Sigrid'],
    last: ['Andersson', 'Johansson', 'Hansen', 'Nielsen', 'Larsen', 'Karlsson', 'Virtanen', 'Korhonen', 'Berg', 'Lund'],
    streetFormat: '{s} {n}',
    streets: ['Industrivägen', 'Storgata', 'Hovedvejen', 'Teollisuuskatu', 'Sundagardar'],
    dealers: ['Nordic Motors', 'Fjord Auto'],
  },
  ar: {
    first: ['Mohammed', 'Ahmed', 'Ali', 'Omar', 'Khalid', 'Fatima', 'Youssef', 'Hassan', 'Abdullah', 'Mariam', 'Saeed', 'Noura', 'Ibrahim', 'Layla'],
    last: ['Al-Harbi', 'Al-Otaibi', 'Al-Qahtani', 'Al-Ghamdi', 'Haddad', 'Mansour', 'Khalil', 'Nasser', 'Saleh', 'Hassan', 'Al-Mansouri', 'Al-Shamsi', 'Abdelrahman', 'Al-Saadi'],
    streetFormat: '{n} {s}',
    streets: AR_STREETS,
    dealers: AR_DEALERS,
  },
  eg: {
    first: ['Mohamed', 'Ahmed', 'Mahmoud', 'Mostafa', 'Amr', 'Mona', 'Heba', 'Tarek', 'Sherif', 'Yasmin'],
    last: ['Ibrahim', 'Hassan', 'Abdel Aziz', 'El-Sayed', 'Farouk', 'Mahmoud', 'Fathy', 'Mansour', 'Salah', 'Khalil'],
    streetFormat: '{n} {s}',
    streets: ['Salah Salem Street', 'Gameat El Dowal Street', '26th of July Corridor', 'Ring Road Service Lane', 'Nasr Road', 'El Horreya Road'],
    dealers: ['Nile Motors', 'Pyramids Auto', 'Delta Motors', 'Cairo Auto Group'],
  },
  mg: {
    first: ['Mohamed', 'Karim', 'Yacine', 'Amine', 'Sofiane', 'Nadia', 'Samira', 'Rachid', 'Mehdi', 'Amina'],
    last: ['Benali', 'Bouaziz', 'Belkacem', 'Haddad', 'Mansouri', 'Cherif', 'El Amrani', 'Bennani', 'Trabelsi', 'Saidi'],
    streetFormat: '{n} {s}',
    streets: FR_STREETS,
    dealers: ['Atlas Motors', 'Sahara Auto', 'Maghreb Motors', 'Medina Auto'],
  },
  fa: {
    first: ['Reza', 'Ali', 'Mohammad', 'Hossein', 'Mehdi', 'Sara', 'Maryam', 'Amir', 'Zahra', 'Hamid'],
    last: ['Hosseini', 'Mohammadi', 'Ahmadi', 'Rezaei', 'Moradi', 'Karimi', 'Rahimi', 'Jafari', 'Kazemi', 'Sadeghi'],
    streetFormat: '{n} {s}',
    streets: ['Valiasr Street', 'Azadi Street', 'Enghelab Street', 'Karaj Special Road', 'Imam Reza Boulevard'],
    dealers: ['Pars Motors', 'Simorgh Auto', 'Alborz Motors'],
  },
  tr: {
    first: ['Mehmet', 'Mustafa', 'Ahmet', 'Emre', 'Ayşe', 'Fatma', 'Burak', 'Zeynep', 'Murat', 'Elif'],
    last: ['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Yıldız', 'Aydın', 'Öztürk', 'Arslan', 'Doğan'],
    streetFormat: '{s} No:{n}',
    streets: ['Atatürk Caddesi', 'Sanayi Caddesi', 'Cumhuriyet Caddesi', 'E-5 Yan Yol', 'İstiklal Caddesi'],
    dealers: ['Anadolu Otomotiv', 'Marmara Oto', 'Bosphorus Motors'],
  },
  he: {
    first: ['Yossi', 'David', 'Noa', 'Tamar', 'Avi', 'Moshe', 'Yael', 'Itai'],
    last: ['Cohen', 'Levi', 'Mizrahi', 'Peretz', 'Biton', 'Friedman', 'Katz', 'Avraham'],
    streetFormat: '{n} {s}',
    streets: ['HaMasger Street', 'Derech Menachem Begin', 'HaYarkon Street', 'HaHistadrut Boulevard'],
    dealers: ['Galil Motors', 'Carmel Auto'],
  },
  am: {
    first: ['Abebe', 'Dawit', 'Tesfaye', 'Meron', 'Hana', 'Yohannes', 'Selam', 'Biruk'],
    last: ['Bekele', 'Tadesse', 'Haile', 'Girma', 'Alemu', 'Kebede', 'Mulugeta', 'Wolde'],
    streetFormat: '{s}, House {n}',
    streets: ['Bole Road', 'Africa Avenue', 'Ring Road Kality', 'Churchill Avenue'],
    dealers: ['Abyssinia Motors', 'Entoto Auto'],
  },
  eaf: {
    first: ['John', 'Grace', 'Peter', 'Mary', 'Joseph', 'Faith', 'Samuel', 'Esther', 'Emmanuel', 'Ruth'],
    last: ['Otieno', 'Kamau', 'Mwangi', 'Njoroge', 'Wanjiru', 'Ochieng', 'Mugisha', 'Nakato', 'Mushi', 'Uwimana'],
    streetFormat: '{n} {s}',
    streets: ['Mombasa Road', 'Uhuru Highway', 'Nyerere Road', 'Jinja Road', 'Kigali Ring Road', 'Industrial Area Road'],
    dealers: ['Savannah Motors', 'Kilimanjaro Auto', 'Great Lakes Motors'],
  },
  waf: {
    first: ['Chinedu', 'Emeka', 'Oluwaseun', 'Kwame', 'Kofi', 'Ama', 'Ngozi', 'Tunde', 'Adaeze', 'Yaw'],
    last: ['Okafor', 'Adeyemi', 'Mensah', 'Boateng', 'Okonkwo', 'Bello', 'Asante', 'Eze', 'Owusu', 'Adebayo'],
    streetFormat: '{n} {s}',
    streets: ['Awolowo Road', 'Spintex Road', 'Ikorodu Road', 'Aminu Kano Crescent', 'Independence Avenue', 'Ring Road Central'],
    dealers: ['Niger Motors', 'Gold Coast Auto', 'Volta Motors'],
  },
  faf: {
    first: ['Moussa', 'Ibrahima', 'Mamadou', 'Awa', 'Fatou', 'Jean-Claude', 'Serge', 'Aminata', 'Cheikh', 'Paul'],
    last: ['Diallo', 'Ndiaye', 'Traoré', 'Koné', 'Diop', 'Sow', 'Kouassi', 'Mbarga', 'Fall', 'Ouattara'],
    streetFormat: '{n} {s}',
    streets: ['Boulevard du Canal', 'Route de Rufisque', 'Boulevard Valery Giscard', "Zone Industrielle de Yopougon", 'Rue Joss'],
    dealers: ['Sahel Auto', 'Baobab Motors', 'Lagune Auto'],
  },
  saf: {
    first: ['Thabo', 'Sipho', 'Lerato', 'Naledi', 'Johan', 'Pieter', 'Tendai', 'Chipo', 'Mpho', 'Precious'],
    last: ['Nkosi', 'Dlamini', 'Mokoena', 'van der Merwe', 'Botha', 'Moyo', 'Ndlovu', 'Banda', 'Phiri', 'Sithole'],
    streetFormat: '{n} {s}',
    streets: ['Main Reef Road', 'Voortrekker Road', 'Samora Machel Avenue', 'Great North Road', 'Independence Avenue', 'Beyers Naude Drive'],
    dealers: ['Highveld Motors', 'Zambezi Auto', 'Protea Motors', 'Kalahari Auto'],
  },
  id: {
    first: ['Budi', 'Agus', 'Dewi', 'Siti', 'Rina', 'Eko', 'Andi', 'Putri', 'Hendra', 'Wahyu'],
    last: ['Santoso', 'Wijaya', 'Susanto', 'Pratama', 'Hidayat', 'Saputra', 'Kusuma', 'Nugroho', 'Setiawan', 'Gunawan'],
    streetFormat: '{s} No. {n}',
    streets: ['Jalan Sudirman', 'Jalan Gatot Subroto', 'Jalan Raya Industri', 'Jalan Ahmad Yani', 'Jalan Diponegoro'],
    dealers: ['Nusantara Motor', 'Garuda Auto', 'Mitra Motor'],
  },
  ms: {
    first: ['Ahmad', 'Muhammad', 'Nurul', 'Siti', 'Farid', 'Aisyah', 'Hafiz', 'Zulkifli', 'Wei Liang', 'Kavitha'],
    last: ['Abdullah', 'Ismail', 'Hassan', 'Rahman', 'Ibrahim', 'Yusof', 'Othman', 'Hamid', 'Tan', 'Lim'],
    streetFormat: '{n}, {s}',
    streets: ['Jalan Klang Lama', 'Jalan Tun Razak', 'Jalan Perindustrian', 'Jalan Sultan Ismail', 'Jalan Gadong'],
    dealers: ['Bintang Motors', 'Harimau Auto', 'Selatan Motors'],
  },
  sg: {
    first: ['Wei Ming', 'Hui Min', 'Rajesh', 'Siti', 'Jun Jie', 'Li Ting', 'Arjun', 'Nur Aisyah'],
    last: ['Tan', 'Lim', 'Lee', 'Ng', 'Wong', 'Kumar', 'Rahman', 'Goh'],
    streetFormat: '{n} {s}',
    streets: ['Ubi Avenue', 'Leng Kee Road', 'Kaki Bukit Road', 'Jurong Port Road'],
    dealers: ['Lion City Motors', 'Merlion Auto'],
  },
  th: {
    first: ['Somchai', 'Somsak', 'Niran', 'Anong', 'Kanya', 'Prasert', 'Wichai', 'Malee'],
    last: ['Saetang', 'Srisuk', 'Wongsawat', 'Chaiyaporn', 'Rattanakorn', 'Boonmee', 'Sukhum', 'Thongdee'],
    streetFormat: '{n} {s}',
    streets: ['Rama IX Road', 'Vibhavadi Rangsit Road', 'Sukhumvit Road', 'Phahonyothin Road', 'Mittraphap Road'],
    dealers: ['Siam Motors', 'Chao Phraya Auto', 'Lanna Motors'],
  },
  vi: {
    first: ['Anh', 'Minh', 'Hung', 'Lan', 'Huong', 'Tuan', 'Thanh', 'Dung'],
    last: ['Nguyen', 'Tran', 'Le', 'Pham', 'Hoang', 'Phan', 'Vu', 'Dang'],
    familyFirst: true,
    streetFormat: '{n} {s}',
    streets: ['Pham Van Dong Street', 'Nguyen Van Linh Boulevard', 'Giai Phong Road', 'Dien Bien Phu Street'],
    dealers: ['Saigon Auto', 'Hong Ha Motors', 'Mekong Auto'],
  },
  tl: {
    first: ['Jose', 'Mark', 'John Paul', 'Maria', 'Angelica', 'Christian', 'Joy', 'Ramon'],
    last: ['Santos', 'Reyes', 'Cruz', 'Bautista', 'Garcia', 'Mendoza', 'Dela Cruz', 'Villanueva'],
    streetFormat: '{n} {s}',
    streets: ['EDSA', 'Ortigas Avenue', 'Commonwealth Avenue', 'Osmeña Boulevard', 'J.P. Laurel Avenue'],
    dealers: ['Luzon Motors', 'Visayas Auto', 'Pacific Motors'],
  },
  km: {
    first: ['Sokha', 'Dara', 'Vannak', 'Sreymom', 'Bopha', 'Chenda', 'Rithy', 'Kosal'],
    last: ['Sok', 'Chea', 'Kim', 'Heng', 'Lim', 'Phan', 'Chan', 'Ly'],
    familyFirst: true,
    streetFormat: 'No. {n}, {s}',
    streets: ['Russian Federation Boulevard', 'Monivong Boulevard', 'National Road 4'],
    dealers: ['Angkor Motors'],
  },
  lo: {
    first: ['Somphone', 'Khamla', 'Bounmy', 'Vilay', 'Souksavanh', 'Phonsavanh'],
    last: ['Phommachanh', 'Sayasane', 'Vongsa', 'Keomany', 'Sisavath', 'Inthavong'],
    streetFormat: '{s}, Unit {n}',
    streets: ['Kaysone Phomvihane Avenue', 'T4 Road', 'Lane Xang Avenue'],
    dealers: ['Mekong Motors'],
  },
  my: {
    first: ['Aung Kyaw', 'Zaw Min', 'Thandar', 'Hnin Wai', 'Kyaw Zin', 'Su Myat'],
    last: ['Oo', 'Htun', 'Win', 'Aung', 'Naing', 'Soe'],
    streetFormat: 'No. {n}, {s}',
    streets: ['Pyay Road', 'Kabar Aye Pagoda Road', 'Insein Road'],
    dealers: ['Irrawaddy Motors'],
  },
  ko: {
    first: ['Min-jun', 'Seo-yeon', 'Ji-hoon', 'Hyun-woo', 'Ji-woo', 'Soo-jin'],
    last: ['Kim', 'Lee', 'Park', 'Choi', 'Jung', 'Kang'],
    familyFirst: true,
    streetFormat: '{n} {s}',
    streets: ['Teheran-ro', 'Gangnam-daero', 'Dongil-ro'],
    dealers: ['Han River Motors'],
  },
  ja: {
    first: ['Hiroshi', 'Takashi', 'Yuki', 'Kenji', 'Akiko', 'Naoko', 'Daisuke', 'Emi'],
    last: ['Sato', 'Suzuki', 'Takahashi', 'Tanaka', 'Watanabe', 'Ito', 'Yamamoto', 'Nakamura'],
    familyFirst: true,
    streetFormat: '{n} {s}',
    streets: ['Kannana-dori', 'Chuo-dori', 'Midosuji'],
    dealers: ['Sakura Motors', 'Fuji Auto'],
  },
  ur: {
    first: ['Muhammad', 'Ahmed', 'Ali', 'Usman', 'Bilal', 'Ayesha', 'Fatima', 'Imran', 'Hamza', 'Sana'],
    last: ['Khan', 'Ahmed', 'Malik', 'Hussain', 'Qureshi', 'Butt', 'Sheikh', 'Chaudhry', 'Raza', 'Siddiqui'],
    streetFormat: '{n} {s}',
    streets: ['Shahrah-e-Faisal', 'Ferozepur Road', 'Jinnah Avenue', 'Canal Road', 'GT Road', 'Korangi Industrial Area'],
    dealers: ['Indus Motors', 'Crescent Auto', 'Punjab Motors'],
  },
  hi: {
    first: ['Rahul', 'Amit', 'Priya', 'Anjali', 'Vikram', 'Suresh', 'Deepak', 'Neha', 'Arjun', 'Kavita'],
    last: ['Sharma', 'Patel', 'Singh', 'Kumar', 'Gupta', 'Reddy', 'Nair', 'Iyer', 'Mehta', 'Joshi'],
    streetFormat: '{n} {s}',
    streets: ['Mathura Road', 'LBS Marg', 'Hosur Road', 'Mount Road', 'Ring Road'],
    dealers: ['Ganga Motors', 'Deccan Auto', 'Bharat Motors'],
  },
  bn: {
    first: ['Rahim', 'Karim', 'Farhana', 'Nusrat', 'Tanvir', 'Sabbir'],
    last: ['Hossain', 'Rahman', 'Islam', 'Ahmed', 'Chowdhury', 'Uddin'],
    streetFormat: '{n} {s}',
    streets: ['Tejgaon Industrial Area', 'Airport Road', 'Dhaka Trunk Road'],
    dealers: ['Padma Motors', 'Bengal Auto'],
  },
  si: {
    first: ['Nuwan', 'Chaminda', 'Dilani', 'Sanduni', 'Kasun', 'Tharindu'],
    last: ['Perera', 'Fernando', 'Silva', 'Jayasinghe', 'Bandara', 'Wickramasinghe'],
    streetFormat: '{n} {s}',
    streets: ['Galle Road', 'Baseline Road', 'Peradeniya Road'],
    dealers: ['Lanka Motors', 'Ceylon Auto'],
  },
  ne: {
    first: ['Ram', 'Sita', 'Bikash', 'Sunita', 'Prakash', 'Anil'],
    last: ['Shrestha', 'Thapa', 'Gurung', 'Karki', 'Adhikari', 'Tamang'],
    streetFormat: '{s}, {n}',
    streets: ['Ring Road Balkhu', 'Tripureshwor Marg', 'Kalanki Road'],
    dealers: ['Himalaya Motors'],
  },
  dv: {
    first: ['Mohamed', 'Ahmed', 'Aishath', 'Mariyam', 'Hassan', 'Ibrahim'],
    last: ['Rasheed', 'Naseer', 'Shareef', 'Waheed', 'Latheef', 'Zahir'],
    streetFormat: 'H. {n}, {s}',
    streets: ['Boduthakurufaanu Magu', 'Majeedhee Magu'],
    dealers: ['Atoll Motors'],
  },
};
