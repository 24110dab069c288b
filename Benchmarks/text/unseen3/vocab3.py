"""Vocabulary for make_set3.py: product nouns, accessories, colours, phrases in ten languages.

Order of every 10-tuple: en de fr es it pl pt ru zh ja.
"""
LANGS = ["en", "de", "fr", "es", "it", "pl", "pt", "ru", "zh", "ja"]


def t(*xs):
    assert len(xs) == 10, xs
    return dict(zip(LANGS, xs))


CATS = {
    "espresso": t("espresso machine", "Espressomaschine", "machine à expresso", "cafetera espresso", "macchina per espresso", "ekspres do kawy", "máquina de café expresso", "кофемашина", "咖啡机", "エスプレッソマシン"),
    "bikelight": t("bike light", "Fahrradlicht", "éclairage vélo", "luz para bicicleta", "luce per bici", "lampka rowerowa", "farol para bicicleta", "велофара", "自行车灯", "自転車ライト"),
    "runshoes": t("running shoes", "Laufschuhe", "chaussures de course", "zapatillas de running", "scarpe da corsa", "buty do biegania", "tênis de corrida", "кроссовки для бега", "跑步鞋", "ランニングシューズ"),
    "serum": t("face serum", "Gesichtsserum", "sérum visage", "sérum facial", "siero viso", "serum do twarzy", "sérum para o rosto", "сыворотка для лица", "精华液", "美容液"),
    "backpack": t("hiking backpack", "Wanderrucksack", "sac à dos de randonnée", "mochila de senderismo", "zaino da trekking", "plecak turystyczny", "mochila de trilha", "туристический рюкзак", "登山包", "登山リュック"),
    "headphones": t("wireless headphones", "kabellose Kopfhörer", "casque sans fil", "auriculares inalámbricos", "cuffie wireless", "słuchawki bezprzewodowe", "fone de ouvido sem fio", "беспроводные наушники", "无线耳机", "ワイヤレスヘッドホン"),
    "perfume": t("eau de parfum", "Eau de Parfum Damen", "eau de parfum femme", "perfume mujer", "profumo donna", "woda perfumowana", "perfume feminino", "парфюмерная вода", "女士香水", "オードパルファム"),
    "lantern": t("camping lantern", "Campinglaterne", "lanterne de camping", "farol de camping", "lanterna da campeggio", "lampa kempingowa", "lanterna de camping", "кемпинговый фонарь", "露营灯", "キャンプランタン"),
    "knife": t("chef's knife", "Kochmesser", "couteau de chef", "cuchillo de chef", "coltello da chef", "nóż szefa kuchni", "faca de chef", "поварской нож", "厨师刀", "牛刀"),
    "shears": t("pruning shears", "Gartenschere", "sécateur", "tijeras de podar", "cesoie da potatura", "sekator ogrodowy", "tesoura de poda", "садовый секатор", "修枝剪", "剪定ばさみ"),
    "drone": t("camera drone", "Kameradrohne", "drone avec caméra", "dron con cámara", "drone con fotocamera", "dron z kamerą", "drone com câmera", "квадрокоптер с камерой", "航拍无人机", "カメラ付きドローン"),
    "powerbank": t("power bank", "Powerbank", "batterie externe", "batería externa", "power bank", "powerbank", "carregador portátil", "внешний аккумулятор", "充电宝", "モバイルバッテリー"),
    "smartwatch": t("smartwatch", "Smartwatch Herren", "montre connectée", "reloj inteligente", "orologio smartwatch", "zegarek smartwatch", "relógio inteligente", "смарт-часы", "智能手表", "スマートウォッチ"),
    "speaker": t("bluetooth speaker", "Bluetooth-Lautsprecher", "enceinte bluetooth", "altavoz bluetooth", "cassa bluetooth", "głośnik bluetooth", "caixa de som bluetooth", "блютуз колонка", "蓝牙音箱", "Bluetoothスピーカー"),
    "jacket": t("rain jacket", "Regenjacke", "veste imperméable", "chaqueta impermeable", "giacca impermeabile", "kurtka przeciwdeszczowa", "jaqueta impermeável", "непромокаемая куртка", "冲锋衣", "レインジャケット"),
    "drawtab": t("drawing tablet", "Grafiktablett", "tablette graphique", "tableta gráfica", "tavoletta grafica", "tablet graficzny", "mesa digitalizadora", "графический планшет", "数位板", "ペンタブレット"),
    "facecream": t("face cream", "Gesichtscreme", "crème visage", "crema facial", "crema viso", "krem do twarzy", "creme facial", "крем для лица", "面霜", "フェイスクリーム"),
    "drill": t("cordless drill", "Akku-Bohrschrauber", "perceuse sans fil", "taladro inalámbrico", "trapano avvitatore", "wiertarko-wkrętarka", "parafusadeira sem fio", "аккумуляторная дрель", "锂电钻", "電動ドリル"),
    "thermos": t("vacuum flask", "Thermoskanne", "bouteille isotherme", "termo de acero", "thermos in acciaio", "termos stalowy", "garrafa térmica", "термос", "保温杯", "ステンレス水筒"),
    "teaset": t("tea set", "Teeservice", "service à thé", "juego de té", "servizio da tè", "zestaw do herbaty", "jogo de chá", "чайный сервиз", "茶具套装", "茶器セット"),
    "ricecooker": t("rice cooker", "Reiskocher", "cuiseur à riz", "arrocera eléctrica", "cuociriso", "garnek do gotowania ryżu", "panela de arroz elétrica", "рисоварка", "电饭煲", "炊飯器"),
    "pen": t("fountain pen", "Füllfederhalter", "stylo plume", "pluma estilográfica", "penna stilografica", "pióro wieczne", "caneta tinteiro", "перьевая ручка", "钢笔", "万年筆"),
    "hairdryer": t("hair dryer", "Haartrockner", "sèche-cheveux", "secador de pelo", "asciugacapelli", "suszarka do włosów", "secador de cabelo", "фен для волос", "吹风机", "ヘアドライヤー"),
    "camera": t("mirrorless camera", "spiegellose Systemkamera", "appareil photo hybride", "cámara sin espejo", "fotocamera mirrorless", "aparat bezlusterkowy", "câmera mirrorless", "беззеркальная камера", "微单相机", "ミラーレスカメラ"),
    "blocks": t("building blocks set", "Bausteine Set", "jeu de construction", "bloques de construcción", "mattoncini da costruzione", "klocki konstrukcyjne", "blocos de montar", "конструктор", "拼装积木", "ブロックおもちゃ"),
    # goods no brand covers (innocent look-alikes)
    "jam": t("jam", "Marmelade", "confiture", "mermelada", "marmellata", "dżem", "geleia", "варенье", "果酱", "ジャム"),
    "plush": t("plush toy", "Plüschtier", "peluche", "peluche", "peluche", "pluszak", "pelúcia", "мягкая игрушка", "毛绒玩具", "ぬいぐるみ"),
    "birdfeeder": t("bird feeder", "Vogelfutterhaus", "mangeoire à oiseaux", "comedero para pájaros", "mangiatoia per uccelli", "karmnik dla ptaków", "comedouro para pássaros", "кормушка для птиц", "喂鸟器", "バードフィーダー"),
    "tshirt": t("t-shirt", "T-Shirt", "t-shirt", "camiseta", "maglietta", "koszulka", "camiseta", "футболка", "T恤", "Tシャツ"),
    "ornament": t("Christmas ornament", "Weihnachtsanhänger", "décoration de Noël", "adorno navideño", "decorazione natalizia", "ozdoba choinkowa", "enfeite de Natal", "ёлочная игрушка", "圣诞挂饰", "クリスマスオーナメント"),
    "poster": t("art print poster", "Kunstdruck Poster", "affiche d'art", "lámina decorativa", "stampa artistica", "plakat dekoracyjny", "pôster decorativo", "интерьерный постер", "装饰画", "アートポスター"),
    "mug": t("ceramic mug", "Keramiktasse", "mug en céramique", "taza de cerámica", "tazza in ceramica", "kubek ceramiczny", "caneca de cerâmica", "керамическая кружка", "陶瓷马克杯", "マグカップ"),
    "sapling": t("fruit tree sapling", "Obstbaum Pflanze", "arbre fruitier à planter", "árbol frutal para plantar", "pianta da frutto", "drzewko owocowe", "muda de árvore frutífera", "саженец плодового дерева", "果树苗", "果樹の苗木"),
    "candle": t("scented candle", "Duftkerze", "bougie parfumée", "vela aromática", "candela profumata", "świeca zapachowa", "vela aromática", "ароматическая свеча", "香薰蜡烛", "アロマキャンドル"),
    "socks": t("wool socks", "Wollsocken", "chaussettes en laine", "calcetines de lana", "calzini di lana", "skarpety wełniane", "meias de lã", "шерстяные носки", "羊毛袜", "ウールソックス"),
    "dress": t("summer dress", "Sommerkleid", "robe d'été", "vestido de verano", "abito estivo", "sukienka letnia", "vestido de verão", "летнее платье", "连衣裙", "ワンピース"),
    "figurine": t("figurine", "Figur", "figurine", "figura decorativa", "statuina", "figurka", "estatueta", "статуэтка", "摆件", "置物"),
    "wallart": t("metal wall art", "Metall Wanddeko", "décoration murale en métal", "decoración de pared de metal", "decorazione da parete in metallo", "dekoracja ścienna z metalu", "decoração de parede em metal", "настенный декор из металла", "金属墙饰", "メタルウォールアート"),
    "mulch": t("garden mulch", "Rindenmulch", "paillis", "mantillo", "pacciame", "kora ogrodowa", "cobertura de solo", "мульча", "园艺覆盖物", "マルチング材"),
    "tea": t("loose leaf tea", "loser Tee", "thé en vrac", "té a granel", "tè sfuso", "herbata liściasta", "chá a granel", "листовой чай", "散装茶叶", "茶葉"),
    "ink": t("fountain pen ink", "Füllertinte", "encre pour stylo plume", "tinta para estilográfica", "inchiostro per stilografica", "atrament do pióra", "tinta para caneta tinteiro", "чернила для перьевой ручки", "钢笔墨水", "万年筆インク"),
    "phonecase": t("phone case", "Handyhülle", "coque de téléphone", "funda de móvil", "cover per telefono", "etui na telefon", "capinha de celular", "чехол для телефона", "手机壳", "スマホケース"),
    "ukulele": t("ukulele stand", "Ukulelenständer", "support de ukulélé", "soporte para ukelele", "supporto per ukulele", "statyw do ukulele", "suporte para ukulele", "подставка для укулеле", "尤克里里支架", "ウクレレスタンド"),
    "dashcam": t("dash cam", "Dashcam", "caméra embarquée", "cámara para coche", "dashcam", "wideorejestrator", "câmera veicular", "видеорегистратор", "行车记录仪", "ドライブレコーダー"),
    "scarf": t("silk scarf", "Seidenschal", "foulard en soie", "pañuelo de seda", "foulard di seta", "jedwabna apaszka", "lenço de seda", "шёлковый платок", "真丝围巾", "シルクスカーフ"),
    "vacfilter": t("vacuum filter", "Staubsaugerfilter", "filtre d'aspirateur", "filtro de aspiradora", "filtro aspirapolvere", "filtr do odkurzacza", "filtro de aspirador", "фильтр для пылесоса", "吸尘器滤网", "掃除機フィルター"),
}

ACC = {
    "case": t("carrying case", "Tragetasche", "étui de transport", "estuche", "custodia rigida", "etui", "estojo", "чехол", "收纳盒", "収納ケース"),
    "charger": t("charger", "Ladegerät", "chargeur", "cargador", "caricabatterie", "ładowarka", "carregador", "зарядное устройство", "充电器", "充電器"),
    "battery": t("spare battery", "Ersatzakku", "batterie", "batería", "batteria", "akumulator", "bateria", "аккумулятор", "电池", "バッテリー"),
    "strap": t("watch strap", "Armband", "bracelet", "correa", "cinturino", "pasek", "pulseira", "ремешок", "表带", "交換バンド"),
    "filter": t("water filter", "Wasserfilter", "filtre à eau", "filtro de agua", "filtro acqua", "filtr wody", "filtro de água", "фильтр для воды", "滤水器", "浄水フィルター"),
    "pads": t("ear pads", "Ohrpolster", "coussinets", "almohadillas", "cuscinetti", "nauszniki", "almofadas", "амбушюры", "耳罩", "イヤーパッド"),
    "propellers": t("propellers", "Propeller", "hélices", "hélices", "eliche", "śmigła", "hélices", "пропеллеры", "螺旋桨", "プロペラ"),
    "blade": t("replacement blade", "Ersatzklinge", "lame", "cuchilla", "lama", "ostrze", "lâmina", "лезвие", "刀片", "替刃"),
    "insoles": t("insoles", "Einlegesohlen", "semelles", "plantillas", "solette", "wkładki", "palmilhas", "стельки", "鞋垫", "インソール"),
    "laces": t("laces", "Schnürsenkel", "lacets", "cordones", "lacci", "sznurówki", "cadarços", "шнурки", "鞋带", "靴ひも"),
    "mount": t("handlebar mount", "Lenkerhalterung", "support guidon", "soporte de manillar", "supporto manubrio", "uchwyt na kierownicę", "suporte de guidão", "крепление на руль", "车把支架", "ハンドルマウント"),
    "cable": t("USB-C cable", "USB-C-Kabel", "câble USB-C", "cable USB-C", "cavo USB-C", "kabel USB-C", "cabo USB-C", "кабель USB-C", "USB-C数据线", "USB-Cケーブル"),
    "inkcart": t("ink cartridges", "Tintenpatronen", "cartouches d'encre", "cartuchos de tinta", "cartucce d'inchiostro", "naboje atramentowe", "cartuchos de tinta", "картриджи с чернилами", "墨囊", "インクカートリッジ"),
    "atomizer": t("travel atomizer", "Reisezerstäuber", "atomiseur de voyage", "atomizador de viaje", "atomizzatore da viaggio", "atomizer podróżny", "atomizador de viagem", "атомайзер", "分装瓶", "アトマイザー"),
    "raincover": t("rain cover", "Regenhülle", "housse de pluie", "funda para lluvia", "copertura antipioggia", "pokrowiec przeciwdeszczowy", "capa de chuva", "дождевой чехол", "防雨罩", "レインカバー"),
    "nozzle": t("concentrator nozzle", "Aufsatzdüse", "embout concentrateur", "boquilla", "beccuccio", "nasadka", "bocal", "насадка-концентратор", "风嘴", "ノズル"),
    "screen": t("screen protector", "Displayschutzfolie", "protection d'écran", "protector de pantalla", "pellicola protettiva", "folia ochronna", "película protetora", "защитная плёнка", "钢化膜", "保護フィルム"),
    "bits": t("drill bit set", "Bohrer-Set", "jeu de forets", "juego de brocas", "set di punte", "zestaw wierteł", "jogo de brocas", "набор свёрл", "钻头套装", "ドリルビットセット"),
    "lid": t("replacement lid", "Ersatzdeckel", "couvercle", "tapa de repuesto", "coperchio di ricambio", "pokrywka", "tampa de reposição", "крышка", "杯盖", "替えフタ"),
    "innerpot": t("inner pot", "Innentopf", "cuve", "olla interior", "pentola interna", "wkład garnka", "panela interna", "чаша", "内胆", "内釜"),
    "baseplate": t("base plates", "Grundplatten", "plaques de base", "placas base", "piastre di base", "płytki bazowe", "placas de base", "пластины-основания", "底板", "基礎板"),
    "teatray": t("tea tray", "Teetablett", "plateau à thé", "bandeja de té", "vassoio da tè", "taca do herbaty", "bandeja de chá", "чайный поднос", "茶盘", "茶盤"),
    "nibs": t("pen nibs", "Stiftspitzen", "pointes de stylet", "puntas de lápiz", "punte per penna", "groty do piórka", "pontas de caneta", "наконечники для пера", "笔尖", "替え芯"),
    "milkjug": t("milk frothing jug", "Milchkännchen", "pot à lait", "jarra para leche", "lattiera", "dzbanek do mleka", "leiteira", "питчер для молока", "拉花杯", "ミルクピッチャー"),
    "tamper": t("coffee tamper", "Tamper", "tasseur à café", "prensador de café", "pressino", "tamper do kawy", "compactador de café", "темпер", "压粉器", "タンパー"),
    "lensfilter": t("lens filter", "Objektivfilter", "filtre d'objectif", "filtro de lente", "filtro obiettivo", "filtr na obiektyw", "filtro de lente", "светофильтр", "镜头滤镜", "レンズフィルター"),
}

CAT_ACC = {
    "espresso": ["milkjug", "tamper", "filter"], "bikelight": ["mount", "battery", "cable"], "runshoes": ["insoles", "laces"],
    "backpack": ["raincover"], "headphones": ["pads", "case", "cable"], "perfume": ["atomizer"],
    "lantern": ["battery", "case"], "knife": ["case"], "shears": ["blade"], "drone": ["propellers", "battery", "case", "charger"],
    "powerbank": ["cable", "case"], "smartwatch": ["strap", "charger", "screen"], "speaker": ["case", "cable", "mount"],
    "drawtab": ["nibs", "screen", "case"], "drill": ["bits", "battery", "charger"], "thermos": ["lid", "case"],
    "teaset": ["teatray"], "ricecooker": ["innerpot"], "pen": ["inkcart"], "hairdryer": ["nozzle"],
    "camera": ["battery", "strap", "screen", "lensfilter"], "blocks": ["baseplate"], "jacket": [], "serum": [], "facecream": [],
}

SPECS = {
    "espresso": ["15 bar", "20 bar", "1.5L", "1350W", "stainless steel", "PID"], "bikelight": ["1200 lm", "800 lumen", "USB-C", "IPX6", "1000lm"],
    "runshoes": ["EU 42", "EU 39", "US 10", "UK 8", "EU 44", "size 41"], "serum": ["30 ml", "50 ml", "15ml", "vitamin C 15%", "niacinamide 10%"],
    "backpack": ["40L", "55 L", "30L", "65+10L"], "headphones": ["ANC", "BT 5.3", "40h", "Hi-Res"], "perfume": ["50 ml", "100ml", "30 ml EDP"],
    "lantern": ["1000 lm", "USB-C", "IPX4", "5200mAh"], "knife": ["20 cm", "8 inch", "VG10", "Damascus 67"], "shears": ["SK5", "21 cm", "bypass"],
    "drone": ["4K", "GPS", "3-axis gimbal", "249g", "6K"], "powerbank": ["20000mAh", "10000 mAh", "65W PD", "22.5W"],
    "smartwatch": ["1.43\" AMOLED", "GPS", "SpO2", "46mm"], "speaker": ["20W", "IPX7", "BT 5.3", "30W"], "jacket": ["size M", "size L", "XL", "10000mm", "XXL"],
    "drawtab": ["10x6 inch", "8192 levels", "12\"", "battery-free pen"], "facecream": ["50 ml", "50g", "SPF 30", "30 ml"],
    "drill": ["18V", "20V", "2x2.0Ah", "60 Nm", "13 mm"], "thermos": ["500 ml", "750ml", "1 L", "316 steel"],
    "teaset": ["6 cups", "8 pcs", "porcelain", "celadon"], "ricecooker": ["3L", "5 L", "IH", "1.8L"], "pen": ["F nib", "EF", "M nib", "14K"],
    "hairdryer": ["1800W", "2000 W", "ionic", "110000 rpm"], "camera": ["24MP", "26 MP", "4K60", "APS-C", "body only"],
    "blocks": ["1200 pcs", "850 pcs", "6+", "3000 pieces"],
    "jam": ["340 g", "250g", "homemade"], "plush": ["30 cm", "45cm", "soft"], "birdfeeder": ["hanging", "wooden", "metal"],
    "tshirt": ["size M", "size L", "cotton", "XL"], "ornament": ["8 cm", "glass", "set of 3"], "poster": ["A3", "50x70 cm", "A4", "30x40"],
    "mug": ["350 ml", "11 oz", "dishwasher safe"], "sapling": ["2 years", "60-80 cm", "bare root"], "candle": ["200 g", "soy wax", "40h"],
    "socks": ["39-42", "43-46", "2 pairs"], "dress": ["size S", "size M", "linen", "cotton"], "figurine": ["15 cm", "resin", "brass"],
    "wallart": ["60 cm", "90x60 cm", "black"], "mulch": ["50 l", "80 L", "5-8 cm", "2-4 cm"], "tea": ["100 g", "250g", "2025 harvest"],
    "ink": ["50 ml", "30ml", "blue-black"], "phonecase": ["6.1\"", "6.7\"", "MagSafe", "TPU"], "ukulele": ["foldable", "wood", "adjustable"],
    "dashcam": ["1080p", "4K", "170°", "night vision"], "scarf": ["90x90 cm", "100% silk", "70x70"], "vacfilter": ["HEPA", "2 pcs", "washable"],
}

COLORS = {
    "en": ["black", "white", "navy", "grey", "olive", "red", "silver", "beige"],
    "de": ["schwarz", "weiß", "marineblau", "grau", "olivgrün", "rot", "silber", "beige"],
    "fr": ["noir", "blanc", "bleu marine", "gris", "vert olive", "rouge", "argent", "beige"],
    "es": ["negro", "blanco", "azul marino", "gris", "verde oliva", "rojo", "plateado", "beige"],
    "it": ["nero", "bianco", "blu navy", "grigio", "verde oliva", "rosso", "argento", "beige"],
    "pl": ["czarny", "biały", "granatowy", "szary", "oliwkowy", "czerwony", "srebrny", "beżowy"],
    "pt": ["preto", "branco", "azul-marinho", "cinza", "verde-oliva", "vermelho", "prata", "bege"],
    "ru": ["чёрный", "белый", "тёмно-синий", "серый", "оливковый", "красный", "серебристый", "бежевый"],
    "zh": ["黑色", "白色", "藏青色", "灰色", "橄榄绿", "红色", "银色", "米色"],
    "ja": ["ブラック", "ホワイト", "ネイビー", "グレー", "オリーブ", "レッド", "シルバー", "ベージュ"],
}

EXTRAS = {
    "en": ["NEW", "Free Shipping", "2025 model", "Gift", "Sale", "Fast Delivery", "Warranty", "Hot"],
    "de": ["NEU", "Versandkostenfrei", "Modell 2025", "Geschenkidee", "Angebot", "Blitzversand", "Garantie", "OVP"],
    "fr": ["NEUF", "Livraison gratuite", "Modèle 2025", "Idée cadeau", "Promo", "Expédition rapide", "Garantie"],
    "es": ["NUEVO", "Envío gratis", "Modelo 2025", "Regalo", "Oferta", "Envío rápido", "Garantía"],
    "it": ["NUOVO", "Spedizione gratuita", "Modello 2025", "Idea regalo", "Offerta", "Spedizione veloce", "Garanzia"],
    "pl": ["NOWY", "Darmowa dostawa", "Model 2025", "Prezent", "Promocja", "Wysyłka 24h", "Gwarancja"],
    "pt": ["NOVO", "Frete grátis", "Modelo 2025", "Presente", "Promoção", "Envio rápido", "Garantia"],
    "ru": ["НОВИНКА", "Бесплатная доставка", "Модель 2025", "Подарок", "Скидка", "Быстрая доставка", "Гарантия"],
    "zh": ["新款", "包邮", "2025款", "送礼", "特价", "现货速发", "正品保障", "热卖"],
    "ja": ["新品", "送料無料", "2025年モデル", "ギフト", "セール", "即日発送", "保証付き", "人気"],
}

# counterfeit cues (used in some infringing titles, and with their innocent sense in a few innocent ones)
CUES = {
    "en": ["1:1 replica", "AAA quality", "mirror quality", "original quality"], "de": ["Replika", "1:1 Kopie", "Top Qualität wie Original"],
    "fr": ["réplique", "copie 1:1", "qualité originale"], "es": ["réplica", "copia 1:1", "calidad AAA"], "it": ["replica", "copia 1:1", "qualità AAA"],
    "pl": ["replika", "kopia 1:1", "jakość AAA"], "pt": ["réplica", "cópia 1:1", "qualidade AAA"], "ru": ["реплика", "копия 1:1", "люкс качество"],
    "zh": ["高仿", "复刻版", "原单", "1:1"], "ja": ["レプリカ", "スーパーコピー", "N級品"],
}
INNOCENT_CUES = {
    "en": ["with AAA batteries", "1:18 scale", "museum replica"], "de": ["mit AAA Batterien", "Maßstab 1:10"], "fr": ["piles AAA incluses", "échelle 1:12"],
    "es": ["pilas AAA incluidas", "escala 1:18"], "it": ["batterie AAA incluse"], "pl": ["baterie AAA w zestawie", "skala 1:12"], "pt": ["pilhas AAA inclusas"],
    "ru": ["батарейки AAA в комплекте", "масштаб 1:12"], "zh": ["送AAA电池", "1:12比例"], "ja": ["単4電池付き", "1/12スケール"],
}

DESC = {
    "en": ["Brand new {noun}, never used.", "Colour: {color}.", "Ships within 24 hours from our warehouse.", "Please check the details before ordering.",
           "Package includes: 1 x {noun}, user manual.", "30-day returns accepted.", "Great gift for family and friends.", "Message us with any questions.",
           "Stock photos, actual item may vary slightly in colour."],
    "de": ["Neu und unbenutzt: {noun}.", "Farbe: {color}.", "Versand innerhalb von 24 Stunden aus unserem Lager.", "Bitte prüfen Sie die Angaben vor der Bestellung.",
           "Lieferumfang: 1 x {noun}, Bedienungsanleitung.", "30 Tage Rückgaberecht.", "Ideal als Geschenk.", "Bei Fragen schreiben Sie uns gerne.",
           "Farbabweichungen durch Bildschirmeinstellungen möglich."],
    "fr": ["{noun} neuf, jamais utilisé.", "Couleur : {color}.", "Expédié sous 24 heures depuis notre entrepôt.", "Merci de vérifier les détails avant de commander.",
           "Contenu : 1 x {noun}, notice d'utilisation.", "Retour accepté sous 30 jours.", "Idéal comme cadeau.", "N'hésitez pas à nous contacter.",
           "La couleur peut varier légèrement selon l'écran."],
    "es": ["{noun} nuevo, sin usar.", "Color: {color}.", "Enviamos en 24 horas desde nuestro almacén.", "Por favor revise los detalles antes de comprar.",
           "Incluye: 1 x {noun}, manual de usuario.", "Devolución en 30 días.", "Ideal para regalar.", "Escríbanos si tiene alguna pregunta.",
           "El color puede variar ligeramente según la pantalla."],
    "it": ["{noun} nuovo, mai usato.", "Colore: {color}.", "Spedizione entro 24 ore dal nostro magazzino.", "Si prega di controllare i dettagli prima dell'acquisto.",
           "Contenuto: 1 x {noun}, manuale d'uso.", "Reso entro 30 giorni.", "Ottima idea regalo.", "Per domande contattateci.",
           "Il colore può variare leggermente a seconda dello schermo."],
    "pl": ["Nowy produkt: {noun}, nieużywany.", "Kolor: {color}.", "Wysyłka w 24 godziny z naszego magazynu.", "Prosimy sprawdzić szczegóły przed zakupem.",
           "W zestawie: 1 x {noun}, instrukcja obsługi.", "Zwrot do 30 dni.", "Świetny pomysł na prezent.", "W razie pytań prosimy o kontakt.",
           "Kolor może się nieznacznie różnić w zależności od monitora."],
    "pt": ["{noun} novo, nunca usado.", "Cor: {color}.", "Enviamos em 24 horas do nosso armazém.", "Por favor, verifique os detalhes antes de comprar.",
           "Inclui: 1 x {noun}, manual do usuário.", "Devolução em até 30 dias.", "Ótimo para presente.", "Dúvidas? Envie uma mensagem.",
           "A cor pode variar um pouco conforme a tela."],
    "ru": ["Новый товар: {noun}, не использовался.", "Цвет: {color}.", "Отправка в течение 24 часов с нашего склада.", "Пожалуйста, проверьте описание перед заказом.",
           "Комплектация: {noun} — 1 шт., инструкция.", "Возврат в течение 30 дней.", "Отличный подарок близким.", "Пишите, если есть вопросы.",
           "Цвет может немного отличаться из-за настроек монитора."],
    "zh": ["全新{noun}，未使用。", "颜色：{color}。", "24小时内从国内仓库发货。", "下单前请仔细核对商品信息。", "包装清单：{noun}×1，说明书×1。",
           "支持七天无理由退换。", "送礼自用两相宜。", "有任何问题请联系客服。", "因显示器不同，颜色可能略有差异。"],
    "ja": ["新品未使用の{noun}です。", "カラー：{color}。", "ご注文から24時間以内に発送します。", "ご購入前に商品説明をご確認ください。", "セット内容：{noun}×1、取扱説明書。",
           "30日間返品可能です。", "プレゼントにもおすすめです。", "ご不明な点はお気軽にお問い合わせください。", "モニターにより実際の色と異なる場合があります。"],
}

# a sentence that mentions the mark in a description (desc-only family, and sometimes alongside a title mark)
MENTION = {
    "en": ["Made in the style of {m}.", "Same factory as {m}.", "{m} {noun}, full set with box.", "Genuine-look {m} design."],
    "de": ["Im Stil von {m}.", "Gleiche Fabrik wie {m}.", "{m} {noun}, komplett mit Karton."],
    "fr": ["Dans le style {m}.", "Même usine que {m}.", "{noun} {m}, complet avec boîte."],
    "es": ["Estilo {m}.", "Misma fábrica que {m}.", "{noun} {m}, completo con caja."],
    "it": ["Stile {m}.", "Stessa fabbrica di {m}.", "{noun} {m}, completo di scatola."],
    "pl": ["W stylu {m}.", "Ta sama fabryka co {m}.", "{noun} {m}, komplet z pudełkiem."],
    "pt": ["Estilo {m}.", "Mesma fábrica da {m}.", "{noun} {m}, completo com caixa."],
    "ru": ["В стиле {m}.", "Та же фабрика, что и {m}.", "{m} {noun}, полный комплект с коробкой."],
    "zh": ["{m}同款。", "{m}同厂出品。", "{m}{noun}，全套带包装盒。"],
    "ja": ["{m}と同じ工場で製造。", "{m}風デザイン。", "{m} {noun}、箱付きフルセット。"],
}

TAGS = {"en": "Tags:", "de": "Schlagwörter:", "fr": "Mots-clés :", "es": "Etiquetas:", "it": "Tag:", "pl": "Tagi:", "pt": "Tags:",
        "ru": "Теги:", "zh": "关键词：", "ja": "キーワード："}

FAIR = {
    "en": {"compatible": "{acc} compatible with {m} {noun}", "for": "{acc} for {m} {noun}", "fits": "{acc} - fits {m} {noun}",
           "replacement": "replacement {acc} for {m}", "case-for": "protective case for {m} {noun}", "not-affiliated": "{acc} for {m} (not made by {m})"},
    "de": {"compatible": "{acc} kompatibel mit {m} {noun}", "for": "{acc} für {m} {noun}", "fits": "{acc} passend für {m}",
           "replacement": "Ersatz {acc} für {m}", "case-for": "Schutzhülle für {m} {noun}", "not-affiliated": "{acc} für {m} (kein Originalzubehör)"},
    "fr": {"compatible": "{acc} compatible avec {noun} {m}", "for": "{acc} pour {noun} {m}", "fits": "{acc} adapté à {m}",
           "replacement": "{acc} de remplacement pour {m}", "case-for": "étui de protection pour {noun} {m}", "not-affiliated": "{acc} pour {m} (produit non officiel)"},
    "es": {"compatible": "{acc} compatible con {noun} {m}", "for": "{acc} para {noun} {m}", "fits": "{acc}, se adapta a {m}",
           "replacement": "{acc} de repuesto para {m}", "case-for": "funda protectora para {m}", "not-affiliated": "{acc} para {m} (no oficial)"},
    "it": {"compatible": "{acc} compatibile con {m}", "for": "{acc} per {noun} {m}", "fits": "{acc} adatto per {m}",
           "replacement": "{acc} di ricambio per {m}", "case-for": "custodia protettiva per {m}", "not-affiliated": "{acc} per {m} (prodotto non originale)"},
    "pl": {"compatible": "{acc} kompatybilny z {m}", "for": "{acc} do {m}", "fits": "{acc} pasuje do {m}",
           "replacement": "{acc} zamiennik do {m}", "case-for": "etui ochronne do {m}", "not-affiliated": "{acc} do {m} (produkt nieoryginalny)"},
    "pt": {"compatible": "{acc} compatível com {m}", "for": "{acc} para {noun} {m}", "fits": "{acc} serve no {m}",
           "replacement": "{acc} de reposição para {m}", "case-for": "capa protetora para {m}", "not-affiliated": "{acc} para {m} (produto não oficial)"},
    "ru": {"compatible": "{acc}, совместим с {m_ins}", "for": "{acc} для {m_gen}", "fits": "{acc}, подходит для {m_gen}",
           "replacement": "{acc} на замену для {m_gen}", "case-for": "защитный чехол для {m_gen}", "not-affiliated": "{acc} для {m_gen} (неоригинал)"},
    "zh": {"compatible": "兼容{m}{noun}的{acc}", "for": "适用于{m}{noun} {acc}", "fits": "{acc} 适配{m}",
           "replacement": "{m}替换{acc}", "case-for": "{m}{noun}保护套", "not-affiliated": "{acc} 适用{m}（非原厂）"},
    "ja": {"compatible": "{m}{noun}互換 {acc}", "for": "{m}用 {acc}", "fits": "{m}対応 {acc}",
           "replacement": "{m} 交換用{acc}", "case-for": "{m} {noun} 保護ケース", "not-affiliated": "{m}対応 {acc}（純正品ではありません）"},
}

CURRENCY = {"en": "USD", "de": "EUR", "fr": "EUR", "es": "EUR", "it": "EUR", "pl": "PLN", "pt": "BRL", "ru": "RUB", "zh": "CNY", "ja": "JPY"}
RATE = {"USD": 1.0, "EUR": 0.92, "PLN": 4.0, "BRL": 5.4, "RUB": 92.0, "CNY": 7.2, "JPY": 150.0}
MARKETS = {"en": ["amazon", "ebay", "etsy", "walmart"], "de": ["amazon-de", "ebay-de", "kaufland"], "fr": ["cdiscount", "leboncoin", "amazon-fr"],
           "es": ["amazon-es", "wallapop", "mercadolibre"], "it": ["amazon-it", "subito"], "pl": ["allegro", "olx-pl"], "pt": ["mercadolivre", "shopee-br"],
           "ru": ["ozon", "wildberries", "avito"], "zh": ["taobao", "jd", "pinduoduo"], "ja": ["rakuten", "mercari", "yahoo-shopping"]}
BASE_PRICE = {"espresso": 180, "bikelight": 35, "runshoes": 90, "serum": 30, "backpack": 70, "headphones": 120, "perfume": 75, "lantern": 40,
              "knife": 80, "shears": 30, "drone": 350, "powerbank": 35, "smartwatch": 150, "speaker": 60, "jacket": 110, "drawtab": 70,
              "facecream": 25, "drill": 90, "thermos": 25, "teaset": 60, "ricecooker": 80, "pen": 45, "hairdryer": 70, "camera": 700, "blocks": 50}
