#!/usr/bin/env python3
"""A second unseen listing set for Proofmark's text matcher (issue 17), written apart from the matcher and from the
other sets' generators (see README.md beside this file).

    python3 Benchmarks/text/unseen2/make_unseen2_set.py --out /tmp/unseen2 [--seed 1] [--listings 1200]

Writes FOLDER/registry.yaml, FOLDER/texts/*.txt, FOLDER/dump.jsonl and FOLDER/labels.jsonl. The same --seed,
--listings and installed wordfreq version give the same bytes.
"""
import argparse
import collections
import json
import os
import random
import sys

import yaml

try:
    import wordfreq
except ImportError:  # pragma: no cover
    sys.exit("needs wordfreq: pip install wordfreq")

LANGS = ["en", "de", "fr", "es", "it", "pt", "pl", "ru", "zh", "ja"]

# ---------------------------------------------------------------------------------------------------------------
# Product categories: language-neutral specs, then per language (noun, accessory for nominative use).
CATEGORIES = {
    "hairdryer": {
        "specs": ["2200W", "1800W", "110000 RPM", "2400W", "AC 2000W"],
        "price": (39, 189),
        "en": ("Hair Dryer", "diffuser nozzle"), "de": ("Haartrockner", "Diffusoraufsatz"),
        "fr": ("sèche-cheveux", "embout diffuseur"), "es": ("secador de pelo", "boquilla difusora"),
        "it": ("asciugacapelli", "diffusore"), "pt": ("secador de cabelo", "bocal difusor"),
        "pl": ("suszarka do włosów", "dyfuzor"), "ru": ("фен для волос", "насадка-диффузор"),
        "zh": ("吹风机", "扩散风嘴"), "ja": ("ヘアドライヤー", "ディフューザー"),
    },
    "flashlight": {
        "specs": ["3000 lm", "18650", "IPX8", "USB-C", "5 modes", "1200lm"],
        "price": (19, 89),
        "en": ("LED Flashlight", "holster"), "de": ("LED Taschenlampe", "Holster"),
        "fr": ("lampe torche LED", "étui"), "es": ("linterna LED", "funda"),
        "it": ("torcia LED", "fondina"), "pt": ("lanterna LED", "coldre"),
        "pl": ("latarka LED", "kabura"), "ru": ("светодиодный фонарь", "кобура"),
        "zh": ("强光手电筒", "手电筒套"), "ja": ("LED懐中電灯", "ホルスター"),
    },
    "espresso": {
        "specs": ["15 bar", "20 bar", "1.5 L", "1350W", "58 mm"],
        "price": (129, 699),
        "en": ("Espresso Machine", "portafilter"), "de": ("Espressomaschine", "Siebträger"),
        "fr": ("machine à expresso", "porte-filtre"), "es": ("cafetera espresso", "portafiltro"),
        "it": ("macchina da caffè espresso", "portafiltro"), "pt": ("máquina de café espresso", "porta-filtro"),
        "pl": ("ekspres do kawy", "kolba"), "ru": ("кофемашина", "холдер"),
        "zh": ("意式咖啡机", "咖啡手柄"), "ja": ("エスプレッソマシン", "ポルタフィルター"),
    },
    "serum": {
        "specs": ["30 ml", "50ml", "15% Vit C", "pH 5.5", "1 fl oz"],
        "price": (12, 79),
        "en": ("Face Serum", "travel case"), "de": ("Gesichtsserum", "Reiseetui"),
        "fr": ("sérum visage", "étui de voyage"), "es": ("sérum facial", "estuche de viaje"),
        "it": ("siero viso", "astuccio da viaggio"), "pt": ("sérum facial", "estojo de viagem"),
        "pl": ("serum do twarzy", "etui podróżne"), "ru": ("сыворотка для лица", "дорожный футляр"),
        "zh": ("精华液", "旅行收纳盒"), "ja": ("美容液", "トラベルケース"),
    },
    "powerbank": {
        "specs": ["20000mAh", "10000mAh", "65W PD", "USB-C", "22.5W"],
        "price": (15, 79),
        "en": ("Power Bank", "charging cable"), "de": ("Powerbank", "Ladekabel"),
        "fr": ("batterie externe", "câble de charge"), "es": ("batería externa", "cable de carga"),
        "it": ("power bank", "cavo di ricarica"), "pt": ("carregador portátil", "cabo de carregamento"),
        "pl": ("powerbank", "kabel do ładowania"), "ru": ("внешний аккумулятор", "кабель для зарядки"),
        "zh": ("充电宝", "充电线"), "ja": ("モバイルバッテリー", "充電ケーブル"),
    },
    "shoes": {
        "specs": ["EU 42", "EU 44", "US 9", "drop 6 mm", "280 g"],
        "price": (49, 189),
        "en": ("Trail Running Shoes", "insoles"), "de": ("Trailrunning-Schuhe", "Einlegesohlen"),
        "fr": ("chaussures de trail", "semelles"), "es": ("zapatillas de trail", "plantillas"),
        "it": ("scarpe da trail running", "solette"), "pt": ("tênis de corrida trail", "palmilhas"),
        "pl": ("buty do biegania w terenie", "wkładki"), "ru": ("кроссовки для трейлраннинга", "стельки"),
        "zh": ("越野跑鞋", "鞋垫"), "ja": ("トレイルランニングシューズ", "インソール"),
    },
    "drill": {
        "specs": ["18V", "21V", "2x 2.0Ah", "45 Nm", "13 mm"],
        "price": (35, 249),
        "en": ("Cordless Drill", "battery"), "de": ("Akku-Bohrschrauber", "Ersatzakku"),
        "fr": ("perceuse visseuse sans fil", "batterie"), "es": ("taladro atornillador inalámbrico", "batería"),
        "it": ("trapano avvitatore a batteria", "batteria"), "pt": ("parafusadeira sem fio", "bateria"),
        "pl": ("wiertarko-wkrętarka akumulatorowa", "akumulator"), "ru": ("дрель-шуруповерт", "аккумулятор"),
        "zh": ("锂电钻", "电池"), "ja": ("電動ドリル", "バッテリー"),
    },
    "perfume": {
        "specs": ["50 ml", "100 ml", "EDP", "EDT", "30ml"],
        "price": (25, 149),
        "en": ("Eau de Parfum", "atomizer"), "de": ("Eau de Parfum", "Zerstäuber"),
        "fr": ("eau de parfum", "atomiseur"), "es": ("perfume", "atomizador"),
        "it": ("profumo", "atomizzatore"), "pt": ("perfume", "atomizador"),
        "pl": ("woda perfumowana", "atomizer"), "ru": ("парфюмерная вода", "атомайзер"),
        "zh": ("香水", "分装瓶"), "ja": ("香水", "アトマイザー"),
    },
    "handbag": {
        "specs": ["32×24 cm", "2025", "PU", "S/M/L"],
        "price": (29, 399),
        "en": ("Handbag", "shoulder strap"), "de": ("Handtasche", "Schulterriemen"),
        "fr": ("sac à main", "bandoulière"), "es": ("bolso de mano", "correa"),
        "it": ("borsa a mano", "tracolla"), "pt": ("bolsa de mão", "alça"),
        "pl": ("torebka damska", "pasek do torebki"), "ru": ("женская сумка", "ремень для сумки"),
        "zh": ("女包", "包带"), "ja": ("ハンドバッグ", "ショルダーストラップ"),
    },
    "speaker": {
        "specs": ["20W", "IPX7", "12h", "BT 5.3", "40W"],
        "price": (19, 159),
        "en": ("Bluetooth Speaker", "carrying case"), "de": ("Bluetooth Lautsprecher", "Schutzhülle"),
        "fr": ("enceinte Bluetooth", "housse"), "es": ("altavoz Bluetooth", "funda"),
        "it": ("cassa Bluetooth", "custodia"), "pt": ("caixa de som Bluetooth", "case"),
        "pl": ("głośnik Bluetooth", "etui"), "ru": ("Bluetooth-колонка", "чехол"),
        "zh": ("蓝牙音箱", "收纳包"), "ja": ("Bluetoothスピーカー", "キャリングケース"),
    },
    "ricecooker": {
        "specs": ["5.5合", "IH", "1200W", "220V"],
        "price": (49, 329),
        "en": ("Rice Cooker", "inner pot"), "de": ("Reiskocher", "Innentopf"),
        "fr": ("cuiseur à riz", "cuve"), "es": ("arrocera", "olla interior"),
        "it": ("cuociriso", "pentola interna"), "pt": ("panela de arroz elétrica", "panela interna"),
        "pl": ("ryżowar", "wkład"), "ru": ("рисоварка", "чаша"),
        "zh": ("电饭煲", "内胆"), "ja": ("炊飯器", "内釜"),
    },
    "sunscreen": {
        "specs": ["SPF50+", "PA++++", "50 g", "90 ml"],
        "price": (8, 39),
        "en": ("Sunscreen", "pump cap"), "de": ("Sonnencreme", "Pumpaufsatz"),
        "fr": ("crème solaire", "pompe doseuse"), "es": ("protector solar", "dosificador"),
        "it": ("crema solare", "tappo dosatore"), "pt": ("protetor solar", "válvula pump"),
        "pl": ("krem z filtrem", "pompka"), "ru": ("солнцезащитный крем", "дозатор"),
        "zh": ("防晒霜", "按压泵头"), "ja": ("日焼け止め", "ポンプ"),
    },
    "actioncam": {
        "specs": ["4K 60fps", "5.3K", "10 m", "EIS", "170°"],
        "price": (59, 399),
        "en": ("Action Camera", "mount"), "de": ("Action Cam", "Halterung"),
        "fr": ("caméra d'action", "fixation"), "es": ("cámara deportiva", "soporte"),
        "it": ("action cam", "supporto"), "pt": ("câmera de ação", "suporte"),
        "pl": ("kamera sportowa", "uchwyt"), "ru": ("экшн-камера", "крепление"),
        "zh": ("运动相机", "支架"), "ja": ("アクションカメラ", "マウント"),
    },
    "goggles": {
        "specs": ["UV400", "OTG", "S2", "S3", "VLT 18%"],
        "price": (25, 179),
        "en": ("Ski Goggles", "replacement lens"), "de": ("Skibrille", "Wechselglas"),
        "fr": ("masque de ski", "écran de rechange"), "es": ("gafas de esquí", "lente de repuesto"),
        "it": ("maschera da sci", "lente di ricambio"), "pt": ("óculos de esqui", "lente de reposição"),
        "pl": ("gogle narciarskie", "szybka zapasowa"), "ru": ("горнолыжная маска", "сменная линза"),
        "zh": ("滑雪镜", "替换镜片"), "ja": ("スキーゴーグル", "交換レンズ"),
    },
    "jacket": {
        "specs": ["10000 mm", "XL", "2.5L", "320 g"],
        "price": (59, 349),
        "en": ("Rain Jacket", "zipper pull"), "de": ("Regenjacke", "Reißverschluss-Anhänger"),
        "fr": ("veste de pluie", "tirette de fermeture"), "es": ("chaqueta impermeable", "tirador de cremallera"),
        "it": ("giacca impermeabile", "tiretto per zip"), "pt": ("jaqueta impermeável", "puxador de zíper"),
        "pl": ("kurtka przeciwdeszczowa", "suwak"), "ru": ("непромокаемая куртка", "бегунок для молнии"),
        "zh": ("冲锋衣", "拉链头"), "ja": ("レインジャケット", "ジッパータブ"),
    },
    "tent": {
        "specs": ["2P", "3000 mm", "2.1 kg", "210T"],
        "price": (59, 499),
        "en": ("Camping Tent", "footprint"), "de": ("Campingzelt", "Zeltunterlage"),
        "fr": ("tente de camping", "tapis de sol"), "es": ("tienda de campaña", "lona de suelo"),
        "it": ("tenda da campeggio", "telo di base"), "pt": ("barraca de camping", "lona de chão"),
        "pl": ("namiot turystyczny", "podłoga do namiotu"), "ru": ("туристическая палатка", "футпринт"),
        "zh": ("帐篷", "地布"), "ja": ("テント", "グランドシート"),
    },
    "earbuds": {
        "specs": ["ANC", "BT 5.3", "30h", "IPX4", "ENC"],
        "price": (19, 199),
        "en": ("Wireless Earbuds", "ear tips"), "de": ("kabellose Kopfhörer", "Ohrpassstücke"),
        "fr": ("écouteurs sans fil", "embouts"), "es": ("auriculares inalámbricos", "almohadillas"),
        "it": ("auricolari wireless", "gommini"), "pt": ("fones de ouvido sem fio", "ponteiras"),
        "pl": ("słuchawki bezprzewodowe", "nakładki"), "ru": ("беспроводные наушники", "амбушюры"),
        "zh": ("无线耳机", "耳塞套"), "ja": ("ワイヤレスイヤホン", "イヤーピース"),
    },
    "chair": {
        "specs": ["150 kg", "4D", "135°", "60 cm", "PU"],
        "price": (89, 599),
        "en": ("Ergonomic Office Chair", "casters"), "de": ("ergonomischer Bürostuhl", "Rollen"),
        "fr": ("chaise de bureau ergonomique", "roulettes"), "es": ("silla de oficina ergonómica", "ruedas"),
        "it": ("sedia da ufficio ergonomica", "ruote"), "pt": ("cadeira de escritório ergonômica", "rodízios"),
        "pl": ("ergonomiczny fotel biurowy", "kółka"), "ru": ("офисное кресло", "колёса"),
        "zh": ("人体工学办公椅", "椅子轮子"), "ja": ("オフィスチェア", "キャスター"),
    },
    "vacuum": {
        "specs": ["4000 Pa", "LiDAR", "2600 mAh", "180 min", "6000Pa"],
        "price": (129, 799),
        "en": ("Robot Vacuum", "filters"), "de": ("Saugroboter", "Filter"),
        "fr": ("aspirateur robot", "filtres"), "es": ("robot aspirador", "filtros"),
        "it": ("robot aspirapolvere", "filtri"), "pt": ("robô aspirador", "filtros"),
        "pl": ("odkurzacz automatyczny", "filtry"), "ru": ("робот-пылесос", "фильтры"),
        "zh": ("扫地机器人", "滤网"), "ja": ("ロボット掃除機", "フィルター"),
    },
}

# ---------------------------------------------------------------------------------------------------------------
# Brands and their word marks. kind: latin, cyrillic, han, kana, digits, twoword, common.
BRANDS = [
    {"name": "Norvessa", "category": "hairdryer", "langs": LANGS,
     "marks": [("NORVESSA", "latin", "EU"), ("诺维莎", "han", "CN")]},
    {"name": "Trellux", "category": "flashlight", "langs": LANGS, "marks": [("TRELLUX", "latin", "EU")]},
    {"name": "Gavrino", "category": "espresso", "langs": LANGS, "marks": [("GAVRINO", "latin", "EU")]},
    {"name": "Pellaquin", "category": "serum", "langs": LANGS, "marks": [("PELLAQUIN", "latin", "US")]},
    {"name": "Okamex", "category": "powerbank", "langs": LANGS, "marks": [("OKAMEX", "latin", "US")]},
    {"name": "Pextora", "category": "shoes", "langs": LANGS, "marks": [("PEXTORA", "latin", "EU")]},
    {"name": "Torviks", "category": "drill", "langs": ["ru"], "marks": [("ТОРВИКС", "cyrillic", "RU")]},
    {"name": "Melanora", "category": "perfume", "langs": ["ru"], "marks": [("МЕЛАНОРА", "cyrillic", "RU")]},
    {"name": "Liou", "category": "handbag", "langs": ["zh"], "marks": [("丽欧", "han", "CN")]},
    {"name": "Shangda", "category": "speaker", "langs": ["zh"], "marks": [("尚达", "han", "CN")]},
    {"name": "Porukana", "category": "ricecooker", "langs": ["ja"], "marks": [("ポルカナ", "kana", "JP")]},
    {"name": "Sakureo", "category": "sunscreen", "langs": ["ja"], "marks": [("サクレオ", "kana", "JP")]},
    {"name": "Plexo Six", "category": "actioncam", "langs": LANGS, "marks": [("PLEXO6", "digits", "US")]},
    {"name": "K2varo", "category": "goggles", "langs": LANGS, "marks": [("K2VARO", "digits", "EU")]},
    {"name": "Copper Heron", "category": "jacket", "langs": LANGS, "marks": [("COPPER HERON", "twoword", "US")]},
    {"name": "Storm Mesa", "category": "tent", "langs": LANGS, "marks": [("STORM MESA", "twoword", "EU")]},
    {"name": "Otter Audio", "category": "earbuds", "langs": LANGS, "marks": [("OTTER", "common", "US")]},
    {"name": "Cedar Seating", "category": "chair", "langs": LANGS, "marks": [("CEDAR", "common", "EU")]},
    {"name": "Comet Robotics", "category": "vacuum", "langs": LANGS, "marks": [("COMET", "common", "US")]},
]

# Goods keywords of the common-word marks' rights: the category noun in every language plus a few extras.
GOODS = {
    "OTTER": ["earbuds", "earphones", "headphones", "Kopfhörer", "Ohrhörer", "écouteurs", "casque", "auriculares",
              "auricolari", "cuffie", "fones", "słuchawki", "наушники", "耳机", "イヤホン", "ヘッドホン"],
    "CEDAR": ["chair", "chairs", "Bürostuhl", "Stuhl", "chaise", "fauteuil", "silla",
              "sedia", "poltrona", "cadeira", "fotel", "krzesło", "кресло", "办公椅", "椅子", "オフィスチェア",
              "チェア"],
    "COMET": ["vacuum", "vacuums", "Saugroboter", "Staubsauger", "aspirateur",
              "aspirador", "aspiradora", "aspirapolvere", "odkurzacz", "пылесос", "扫地机器人", "吸尘器",
              "ロボット掃除機", "掃除機"],
}
NICE = {"hairdryer": 8, "flashlight": 11, "espresso": 11, "serum": 3, "powerbank": 9, "shoes": 25, "drill": 8,
        "perfume": 3, "handbag": 18, "speaker": 9, "ricecooker": 11, "sunscreen": 3, "actioncam": 9,
        "goggles": 9, "jacket": 25, "tent": 22, "earbuds": 9, "chair": 20, "vacuum": 7}

# Registered product copy (copyright): none of these texts names its mark.
TEXTS = {
    "Norvessa": ("en", [
        "The brushless motor spins at up to 110,000 revolutions per minute and dries shoulder-length hair in under four minutes.",
        "A ring of negative ions smooths the cuticle so strands look glossy instead of frizzy.",
        "Three heat levels and two airflow speeds can be combined freely, and the cold shot button locks a finished style in place.",
        "An internal sensor measures the air temperature forty times per second and keeps it below 60 degrees to protect colour-treated hair.",
        "The magnetic concentrator and the wide diffuser click on from any angle and stay cool to the touch.",
        "At just 340 grams the handle rests lightly in the hand, even during long blow-outs.",
        "A washable filter at the back of the handle slides out with one finger for cleaning.",
        "Every unit comes with a 2.8-metre salon cord and a soft storage pouch.",
    ]),
    "Trellux": ("de", [
        "Die Lampe erreicht bis zu 3000 Lumen und leuchtet einen Waldweg auf über 300 Meter aus.",
        "Das Gehäuse aus eloxiertem Flugzeugaluminium übersteht Stürze aus zwei Metern Höhe.",
        "Mit dem Heckschalter wechseln Sie zwischen fünf Stufen, vom sanften Mondlicht bis zum Turbo.",
        "Der austauschbare 21700-Akku wird direkt über den USB-C-Anschluss am Kopf geladen.",
        "Eine Temperaturregelung senkt die Helligkeit automatisch, bevor das Gehäuse zu heiß wird.",
        "Nach IPX8 geschützt, arbeitet sie auch zwei Meter unter Wasser zuverlässig.",
        "Der abnehmbare Clip und die Handschlaufe machen sie zum Begleiter für Nachtwanderungen und Einsätze.",
    ]),
    "Pellaquin": ("fr", [
        "Ce sérum associe 15 % de vitamine C stabilisée à un complexe d'acide férulique et de vitamine E.",
        "Sa texture aqueuse pénètre en quelques secondes sans laisser de film collant.",
        "Appliquez trois à quatre gouttes le matin sur une peau propre, avant votre crème hydratante.",
        "Dès la deuxième semaine, le teint paraît plus lumineux et les taches pigmentaires s'estompent.",
        "Le flacon en verre ambré protège la formule de la lumière et de l'oxydation.",
        "Formulé sans parfum, sans alcool et sans huiles essentielles, il convient aux peaux sensibles.",
        "Chaque lot est testé sous contrôle dermatologique dans notre laboratoire de Grasse.",
    ]),
    "Pextora": ("es", [
        "La suela con tacos de cinco milímetros se agarra a la roca mojada y al barro sin acumular tierra.",
        "Una placa protectora flexible bajo el antepié te aísla de las piedras afiladas del sendero.",
        "La espuma de la mediasuela devuelve energía en cada zancada y amortigua los descensos largos.",
        "El empeine de malla técnica expulsa el agua y se seca en menos de una hora.",
        "El sistema de cordones rápidos se ajusta con un solo tirón y se guarda en un bolsillo de la lengüeta.",
        "Con un drop de seis milímetros y 280 gramos por zapatilla, están pensadas para ultras y carreras de montaña.",
        "Una puntera reforzada de goma protege los dedos de los golpes contra raíces y rocas.",
    ]),
    "Gavrino": ("it", [
        "La caldaia in acciaio inox raggiunge la temperatura di estrazione in soli quarantacinque secondi.",
        "La pompa da 20 bar con preinfusione graduale bagna il caffè macinato prima dell'estrazione.",
        "Il portafiltro professionale da 58 millimetri trattiene il calore e garantisce una crema densa e nocciola.",
        "La lancia vapore orientabile monta il latte in una microschiuma vellutata per cappuccino e latte art.",
        "Il serbatoio da un litro e mezzo si estrae dall'alto e si riempie senza spostare la macchina.",
        "Un manometro frontale mostra la pressione durante ogni erogazione.",
        "Il programma di decalcificazione avvisa con una spia quando è il momento della manutenzione.",
    ]),
    "Torviks": ("ru", [
        "Бесщеточный двигатель развивает крутящий момент до 45 Нм и легко закручивает саморезы в твердую древесину.",
        "Двухскоростной редуктор с металлическими шестернями выдерживает многолетнюю ежедневную работу.",
        "Двадцать одна позиция муфты позволяет точно выставить усилие для мягких и твердых материалов.",
        "Быстрозажимной патрон на 13 мм меняет сверла одной рукой без ключа.",
        "Яркая светодиодная подсветка освещает место работы в темных углах и нишах.",
        "Два литий-ионных аккумулятора по 2 Ач заряжаются полностью за один час.",
        "Прорезиненная рукоятка снижает вибрацию и не скользит в руке даже в перчатках.",
    ]),
    "Liou": ("zh", [
        "包身采用头层牛皮手工缝制，手感柔软细腻。",
        "内里分为三个隔层，可以轻松收纳手机、钱包和化妆品。",
        "五金配件经过电镀处理，长期使用也不易氧化褪色。",
        "可拆卸的宽肩带能够调节长度，单肩或斜挎都很方便。",
        "底部设有四颗金属底钉，放在桌面上也不怕磨损。",
        "简约的线条设计适合通勤、约会和日常出行。",
        "每一只包都配有防尘袋和品牌保养卡。",
    ]),
    "Porukana": ("ja", [
        "厚さ五ミリの鉄釜が熱をむらなく伝え、ふっくらとしたご飯に炊き上げます。",
        "圧力と高温スチームの組み合わせで、お米の甘みを最大限に引き出します。",
        "白米や玄米、炊き込みご飯など十二種類の炊飯メニューを搭載しています。",
        "最大二十四時間の予約タイマーで、朝の忙しい時間にも炊きたてを楽しめます。",
        "内ぶたと蒸気口は取り外して丸洗いでき、いつでも清潔に保てます。",
        "保温中も適切な温度を保ち、ご飯の黄ばみや乾燥を防ぎます。",
        "コンパクトな本体はキッチンの限られたスペースにもすっきり収まります。",
    ]),
    "Storm Mesa": ("pl", [
        "Dwuwarstwowa konstrukcja chroni przed ulewnym deszczem i silnym wiatrem w górach.",
        "Tropik z poliestru o wodoodporności 3000 mm ma wszystkie szwy podklejone taśmą.",
        "Aluminiowe stelaże są lekkie, a namiot rozstawia jedna osoba w mniej niż pięć minut.",
        "Dwa przedsionki zapewniają miejsce na plecaki i mokre buty.",
        "Siatka przeciw komarom w obu wejściach pozwala spać przy otwartych drzwiach.",
        "Cały zestaw waży zaledwie 2,1 kg i mieści się w bocznej kieszeni plecaka.",
        "Odblaskowe linki odciągowe są dobrze widoczne po zmroku.",
    ]),
    "K2varo": ("pt", [
        "A lente esférica dupla oferece um campo de visão amplo e sem distorções nas bordas.",
        "O tratamento antiembaçante interno mantém a visão limpa mesmo em dias de neve úmida.",
        "As lentes trocam-se em segundos graças a um sistema magnético com seis pontos de fixação.",
        "A espuma facial em três camadas absorve o suor e se adapta ao rosto sem pressionar o nariz.",
        "A armação flexível funciona com a maioria dos capacetes e permite usar óculos de grau por baixo.",
        "A proteção UV400 bloqueia os raios nocivos em altitude.",
        "Acompanha um estojo rígido e uma flanela de microfibra para limpeza.",
    ]),
}

# ---------------------------------------------------------------------------------------------------------------
# Per-language listing text. {M}: the mark as written, {N}: the goods noun, {S}/{S2}: specs, {C}: colour,
# {K}: a marketing phrase, {B}: a no-name brand (sometimes empty), {A}: an accessory.
TITLES = {
    "en": ["{M} {N} {S}, {K}", "{M} {N} – {S} {S2} ({C})", "{K} {M} {N} {S} {C}", "{N} {M} {S} {S2}",
           "{C} {N} by {M}, {S}", "{M} {N} {S} {S2} - {C}"],
    "de": ["{M} {N} {S} {C}", "{M} {N}, {S}, {K}", "{N} von {M} – {S} {S2}", "{K}: {M} {N} {S}",
           "{N} {M} {S} {S2} {C}"],
    "fr": ["{M} {N} {S} {C}", "{N} {M} – {S}, {K}", "{K} : {M} {N} {S} {S2}", "{N} de marque {M} {S}"],
    "es": ["{M} {N} {S} {C}", "{N} {M} {S} – {K}", "{K} {M} {N} {S} {S2}", "{N} marca {M}, {S}, {C}"],
    "it": ["{M} {N} {S} {C}", "{N} {M} {S} – {K}", "{K}: {M} {N} {S} {S2}", "{N} marca {M} {S}"],
    "pt": ["{M} {N} {S} {C}", "{N} {M} {S} – {K}", "{K} {M} {N} {S} {S2}", "{N} da marca {M} {S}"],
    "pl": ["{M} {N} {S} {C}", "{N} {M} {S} – {K}", "{K}! {M} {N} {S} {S2}", "{N} marki {M} {S}"],
    "ru": ["{M} {N} {S} {C}", "{N} {M} {S}, {K}", "{K} {N} {M} {S} {S2}", "{N} бренда {M} {S}"],
    "zh": ["{M}{N}{S}{K}", "{K}{M} {N} {S} {C}", "【{K}】{M}{N} {S}{S2}", "{M} {N} {S} {C}"],
    "ja": ["{M} {N} {S} {C}【{K}】", "【{K}】{M} {N} {S} {S2}", "{N} {M} {S}", "{M} {N} {S} {S2} {C}"],
}
GENERIC_TITLES = {
    "en": ["{B} {N} {S} {S2}, {C}", "{K} {N} {S} – {C}", "{N} {S}, {S2}, {K}", "{B} {N} {S} for Home & Travel"],
    "de": ["{B} {N} {S} {S2} {C}", "{N} {S}, {K}", "{K}: {N} {S} {S2}", "{B} {N} {S} – {C}"],
    "fr": ["{N} {S} {S2} – {K}", "{B} {N} {S} {C}", "{K} : {N} {S}"],
    "es": ["{N} {S} {S2} {C}", "{B} {N} {S} – {K}", "{K}: {N} {S}"],
    "it": ["{N} {S} {S2} {C}", "{B} {N} {S} – {K}", "{K}: {N} {S}"],
    "pt": ["{N} {S} {S2} {C}", "{B} {N} {S} – {K}", "{K}: {N} {S}"],
    "pl": ["{N} {S} {S2} {C}", "{B} {N} {S} – {K}", "{K}! {N} {S}"],
    "ru": ["{N} {S} {S2} {C}", "{B} {N} {S}, {K}", "{K}! {N} {S}"],
    "zh": ["{K}{N}{S}{C}", "【{K}】{N} {S} {S2}", "{B}{N}{S} {C}"],
    "ja": ["{N} {S} {S2} {C}【{K}】", "【{K}】{B} {N} {S}", "{N} {S} {C}"],
}
MARKETING = {
    "en": ["New 2025", "Free Shipping", "Hot Sale", "Fast Delivery", "Gift Idea", "Best Seller", "Limited Stock"],
    "de": ["Neu 2025", "Versandkostenfrei", "Top Angebot", "Blitzversand", "Geschenkidee"],
    "fr": ["Nouveau 2025", "Livraison gratuite", "Promo", "Idée cadeau", "Expédié de France"],
    "es": ["Nuevo 2025", "Envío gratis", "Oferta", "Envío rápido", "Idea de regalo"],
    "it": ["Nuovo 2025", "Spedizione gratuita", "Offerta", "Idea regalo", "Spedizione veloce"],
    "pt": ["Novo 2025", "Frete grátis", "Promoção", "Envio imediato", "Presente"],
    "pl": ["Nowość 2025", "Darmowa dostawa", "Promocja", "Wysyłka 24h", "Prezent"],
    "ru": ["Новинка 2025", "Бесплатная доставка", "Хит продаж", "Скидка", "Подарок"],
    "zh": ["2025新款", "包邮", "热卖", "顺丰发货", "限时特价", "送礼"],
    "ja": ["送料無料", "新品", "2025年モデル", "あす楽", "ポイント10倍", "ギフト"],
}
COLOURS = {
    "en": ["Black", "White", "Rose Gold", "Navy Blue", "Grey", "Green", "Sand"],
    "de": ["Schwarz", "Weiß", "Roségold", "Dunkelblau", "Grau", "Grün"],
    "fr": ["noir", "blanc", "or rose", "bleu marine", "gris", "vert"],
    "es": ["negro", "blanco", "oro rosa", "azul marino", "gris", "verde"],
    "it": ["nero", "bianco", "oro rosa", "blu navy", "grigio", "verde"],
    "pt": ["preto", "branco", "ouro rosé", "azul marinho", "cinza", "verde"],
    "pl": ["czarny", "biały", "różowe złoto", "granatowy", "szary", "zielony"],
    "ru": ["черный", "белый", "розовое золото", "темно-синий", "серый", "зеленый"],
    "zh": ["黑色", "白色", "玫瑰金", "藏青色", "灰色", "绿色"],
    "ja": ["ブラック", "ホワイト", "ローズゴールド", "ネイビー", "グレー", "グリーン"],
}
# Seller boilerplate, also the generic part of descriptions and the filler around partial copies.
BOILERPLATE = {
    "en": ["Brand new {N}, shipped within 24 hours from our warehouse.", "Package includes: 1 x {N}, 1 x user manual.",
           "30-day hassle-free returns.", "Perfect gift for birthdays and holidays.",
           "If you have any questions, feel free to message us.", "Colours may vary slightly due to screen settings."],
    "de": ["Lieferumfang: 1x {N}, 1x Bedienungsanleitung.", "Versand innerhalb von 24 Stunden aus Deutschland.",
           "30 Tage Rückgaberecht.", "Bei Fragen schreiben Sie uns gerne eine Nachricht.",
           "Farbabweichungen durch Bildschirmeinstellungen möglich.", "Ideal als Geschenk für Freunde und Familie."],
    "fr": ["Contenu du colis : 1 x {N}, 1 x notice.", "Expédition sous 24 h.", "Retour gratuit pendant 30 jours.",
           "N'hésitez pas à nous contacter pour toute question.",
           "Les couleurs peuvent varier légèrement selon l'écran.", "Idéal pour offrir."],
    "es": ["Contenido del paquete: 1 x {N}, 1 x manual de instrucciones.", "Envío en 24 horas.",
           "Devolución gratuita durante 30 días.", "Si tienes alguna pregunta, escríbenos.",
           "Los colores pueden variar ligeramente según la pantalla.", "Ideal para regalar."],
    "it": ["Contenuto della confezione: 1 x {N}, 1 x manuale.", "Spedizione entro 24 ore.",
           "Reso gratuito entro 30 giorni.", "Per qualsiasi domanda scriveteci.",
           "I colori possono variare leggermente a seconda dello schermo.", "Ottima idea regalo."],
    "pt": ["Conteúdo da embalagem: 1 x {N}, 1 x manual.", "Envio em 24 horas.", "Devolução grátis em 30 dias.",
           "Qualquer dúvida, envie uma mensagem.", "As cores podem variar ligeiramente conforme a tela.",
           "Ótima opção de presente."],
    "pl": ["W zestawie: 1 x {N}, 1 x instrukcja.", "Wysyłka w ciągu 24 godzin.", "30 dni na zwrot.",
           "W razie pytań prosimy o wiadomość.", "Kolory mogą nieznacznie różnić się od zdjęć.",
           "Świetny pomysł na prezent."],
    "ru": ["Комплектация: {N} — 1 шт., инструкция — 1 шт.", "Отправка в течение 24 часов.",
           "Возврат в течение 30 дней.", "По всем вопросам пишите в чат.",
           "Цвет может немного отличаться из-за настроек экрана.", "Отличный подарок."],
    "zh": ["包装清单：{N}×1，说明书×1。", "下单后24小时内发货。", "支持七天无理由退换。", "有任何问题请联系客服。",
           "因显示器不同，颜色可能略有差异。", "送礼自用两相宜。"],
    "ja": ["セット内容：{N}×1、取扱説明書×1。", "ご注文後24時間以内に発送します。", "30日間返品保証。",
           "ご不明な点はお気軽にお問い合わせください。", "モニターにより実際の色と異なる場合があります。",
           "プレゼントにも最適です。"],
}
MARK_SENTENCES = {
    "en": ["{M} {N} in original packaging.", "You are buying the {M} {N} shown in the photos.",
           "{M} quality at an unbeatable price.", "Latest {M} model with all accessories."],
    "de": ["{M} {N} in Originalverpackung.", "Sie kaufen das abgebildete {M} Produkt.",
           "{M} Qualität zum kleinen Preis.", "Aktuelles {M} Modell mit komplettem Zubehör."],
    "fr": ["{M} {N} dans son emballage d'origine.", "Vous achetez le produit {M} présenté sur les photos.",
           "La qualité {M} à petit prix.", "Dernier modèle {M} avec tous les accessoires."],
    "es": ["{M} {N} en su embalaje original.", "Compras el producto {M} de las fotos.",
           "Calidad {M} a precio mínimo.", "Último modelo {M} con todos los accesorios."],
    "it": ["{M} {N} nella confezione originale.", "Acquisti il prodotto {M} delle foto.",
           "Qualità {M} a un prezzo imbattibile.", "Ultimo modello {M} con tutti gli accessori."],
    "pt": ["{M} {N} na embalagem original.", "Você está comprando o produto {M} das fotos.",
           "Qualidade {M} pelo menor preço.", "Último modelo {M} com todos os acessórios."],
    "pl": ["{M} {N} w oryginalnym opakowaniu.", "Kupujesz produkt {M} ze zdjęć.",
           "Jakość {M} w najlepszej cenie.", "Najnowszy model {M} z kompletem akcesoriów."],
    "ru": ["{M} {N} в оригинальной упаковке.", "Вы покупаете товар {M}, как на фото.",
           "Качество {M} по низкой цене.", "Новая модель {M} с полным комплектом."],
    "zh": ["{M}{N}，原包装。", "您购买的是图片所示的{M}产品。", "{M}品质，超低价格。", "{M}最新款，配件齐全。"],
    "ja": ["{M} {N}、未開封の新品です。", "写真の{M} 製品をお届けします。", "{M} 品質をお手頃価格で。",
           "{M} 最新モデル、付属品完備。"],
}
KEYWORDS = {"en": "Tags: {X}", "de": "Suchbegriffe: {X}", "fr": "Mots-clés : {X}", "es": "Palabras clave: {X}",
            "it": "Parole chiave: {X}", "pt": "Palavras-chave: {X}", "pl": "Tagi: {X}", "ru": "Теги: {X}",
            "zh": "关键词：{X}", "ja": "検索ワード：{X}"}
# What counterfeiters write: claims of authenticity and, less often, outright replica talk.
GENUINE = {"en": ["Original", "100% Authentic"], "de": ["Original"], "fr": ["Authentique"], "es": ["Original"],
           "it": ["Originale"], "pt": ["Original"], "pl": ["Oryginalny"], "ru": ["Оригинал"], "zh": ["正品"],
           "ja": ["正規品"]}
REPLICA = {"en": ["1:1 copy", "AAA quality", "mirror quality"], "de": ["1:1 Kopie", "Replik"],
           "fr": ["réplique", "copie 1:1"], "es": ["réplica", "calidad AAA"], "it": ["replica", "copia 1:1"],
           "pt": ["réplica", "primeira linha"], "pl": ["replika", "jakość 1:1"], "ru": ["реплика", "копия 1:1"],
           "zh": ["高仿", "1:1复刻", "原单"], "ja": ["レプリカ", "N級品"]}
# Nominative use: an accessory sold for the brand's goods.
FAIR_USE = {
    "en": {"compatible": "{A} Compatible with {M} {N}", "for": "{B} {A} for {M} {N}, {S}",
           "replacement": "Replacement {A} for {M} {N}", "fits": "{A} Fits {M} {N} – Pack of 2"},
    "de": {"compatible": "{A} kompatibel mit {M} {N}", "for": "{B} {A} für {M} {N}",
           "replacement": "Ersatz {A} für {M} {N}", "fits": "{A} passend für {M} {N}, 2 Stück"},
    "fr": {"compatible": "{A} compatible avec {M} {N}", "for": "{A} pour {M} {N} – {K}",
           "replacement": "{A} de remplacement pour {M}", "fits": "{A} adapté à {M} {N}"},
    "es": {"compatible": "{A} compatible con {M} {N}", "for": "{A} para {M} {N}, {K}",
           "replacement": "{A} de repuesto para {M}", "fits": "{A} apto para {M} {N}"},
    "it": {"compatible": "{A} compatibile con {M} {N}", "for": "{A} per {M} {N} – {K}",
           "replacement": "{A} di ricambio per {M}", "fits": "{A} adatto a {M} {N}"},
    "pt": {"compatible": "{A} compatível com {M} {N}", "for": "{A} para {M} {N} – {K}",
           "replacement": "{A} de reposição para {M}", "fits": "{A} serve em {M} {N}"},
    "pl": {"compatible": "{A} kompatybilny z {M} {N}", "for": "{A} do {M} {N}, {K}",
           "replacement": "{A} zamiennik do {M}", "fits": "{A} pasuje do {M} {N}"},
    "ru": {"compatible": "{A} совместим с {M} {N}", "for": "{A} для {M} {N}, {K}",
           "replacement": "Замена: {A} для {M}", "fits": "{A}, подходит для {M} {N}"},
    "zh": {"compatible": "{A} 兼容{M}{N}", "for": "适用于{M}{N}的{A}", "replacement": "{M}{N}替换{A}",
           "fits": "{A}适配{M} {K}"},
    "ja": {"compatible": "{M}互換 {A} {N}用", "for": "{M} {N}用 {A}【{K}】", "replacement": "{M} 交換用 {A}",
           "fits": "{A} {M}に適合 {S}"},
}
FAIR_USE_NOTES = {
    "en": ["Third-party accessory, not made by {M}.", "Fits all {M} models sold since 2021.",
           "{M} is a trademark of its owner; we are not affiliated with it."],
    "de": ["Zubehör eines Drittanbieters, kein Originalteil von {M}.", "Passt für alle {M} Modelle ab 2021.",
           "{M} ist eine Marke ihres Inhabers; wir sind nicht mit ihm verbunden."],
    "fr": ["Accessoire générique, non fabriqué par {M}.", "Convient à tous les modèles {M} depuis 2021.",
           "{M} est une marque de son propriétaire ; nous n'y sommes pas affiliés."],
    "es": ["Accesorio genérico, no fabricado por {M}.", "Válido para todos los modelos {M} desde 2021.",
           "{M} es una marca de su titular; no estamos afiliados."],
    "it": ["Accessorio compatibile, non prodotto da {M}.", "Adatto a tutti i modelli {M} dal 2021.",
           "{M} è un marchio del rispettivo titolare; non siamo affiliati."],
    "pt": ["Acessório genérico, não fabricado pela {M}.", "Serve em todos os modelos {M} desde 2021.",
           "{M} é marca do seu titular; não temos afiliação."],
    "pl": ["Akcesorium zamienne, nie jest produktem {M}.", "Pasuje do wszystkich modeli {M} od 2021 r.",
           "{M} jest znakiem towarowym właściciela; nie jesteśmy z nim powiązani."],
    "ru": ["Неоригинальный аксессуар, не производится {M}.", "Подходит для всех моделей {M} с 2021 года.",
           "{M} — товарный знак правообладателя; мы с ним не связаны."],
    "zh": ["第三方配件，非{M}原厂产品。", "适用于2021年以后的全部{M}型号。", "{M}为其权利人的商标，本店与其无关。"],
    "ja": ["サードパーティ製のアクセサリーで、{M} 純正品ではありません。", "2021年以降の{M} 全モデルに対応。",
           "{M} は各権利者の商標です。当店とは関係ありません。"],
}
MARKETPLACES = {
    "en": [("amazon.com", "USD"), ("ebay.com", "USD"), ("amazon.co.uk", "GBP"), ("etsy", "USD"), ("temu", "USD")],
    "de": [("amazon.de", "EUR"), ("ebay.de", "EUR"), ("kaufland", "EUR"), ("otto", "EUR")],
    "fr": [("amazon.fr", "EUR"), ("cdiscount", "EUR"), ("leboncoin", "EUR"), ("vinted", "EUR")],
    "es": [("amazon.es", "EUR"), ("mercadolibre-MLM", "MXN"), ("wallapop", "EUR")],
    "it": [("amazon.it", "EUR"), ("ebay.it", "EUR"), ("subito", "EUR")],
    "pt": [("mercadolibre-MLB", "BRL"), ("olx-pt", "EUR"), ("shopee-br", "BRL")],
    "pl": [("allegro", "PLN"), ("olx-pl", "PLN"), ("amazon.pl", "PLN")],
    "ru": [("ozon", "RUB"), ("wildberries", "RUB"), ("avito", "RUB")],
    "zh": [("taobao", "CNY"), ("jd", "CNY"), ("pinduoduo", "CNY"), ("shopee-tw", "TWD")],
    "ja": [("rakuten", "JPY"), ("mercari", "JPY"), ("amazon.co.jp", "JPY"), ("yahoo-shopping", "JPY")],
}
RATES = {"USD": 1.0, "EUR": 0.93, "GBP": 0.8, "MXN": 17.5, "BRL": 5.0, "PLN": 4.0, "RUB": 92.0, "CNY": 7.2,
         "TWD": 32.0, "JPY": 150.0}
SELLER_PARTS = {
    "en": (["Prime", "Urban", "Bright", "Happy", "Sunny", "Global", "Smart", "Blue", "Oakwood", "Lucky"],
           ["Deals", "Outlet", "Store", "Trading", "Goods", "Mart", "Hub", "Direct"]),
    "de": (["Technik", "Haus", "Wohn", "Sport", "Elektro", "Mode", "Alpen"], ["Shop24", "Welt", "Handel", "Direkt", "Markt"]),
    "fr": (["Maison", "Boutique", "Bazar", "Style", "Elec", "Provence"], ["Discount", "Express", "Plus", "Direct"]),
    "es": (["Tienda", "Bazar", "Hogar", "Ofertas", "Mundo", "Sol"], ["Express", "Plus", "Online", "Directo"]),
    "it": (["Casa", "Emporio", "Bottega", "Mondo", "Offerte", "Sole"], ["Shop", "Italia", "Store", "Più"]),
    "pt": (["Loja", "Mundo", "Casa", "Top", "Mega", "Rio"], ["Brasil", "Ofertas", "Express", "Store"]),
    "pl": (["Sklep", "Hurt", "Dom", "Mega", "Eko", "Tech"], ["Plus", "Market", "Polska", "24"]),
    "ru": (["Мир", "Дом", "Техно", "Лучший", "Твой", "Быстрый"], ["Товаров", "Маркет", "Шоп", "Склад"]),
    "zh": (["优品", "鑫源", "佳禾", "恒通", "金盛", "百汇", "瑞祥"], ["小店", "专营店", "贸易", "百货", "数码"]),
    "ja": (["ヤマト", "ミドリ", "ハッピー", "グッド", "アオバ", "ひかり"], ["ストア", "ショップ", "商店", "マート"]),
}

# ---------------------------------------------------------------------------------------------------------------
# Hard innocent listings, per mark they resemble: (language, title).
LOOKALIKE_WORDS = {
    "NORVESSA": [("fr", "Pull en laine de Norvège homme, motif jacquard"), ("it", "Maglione norvegese uomo lana merino"),
                 ("en", "Vanessa Cardigan Oversized Knit Sweater for Women"), ("pt", "Suéter norueguês de tricô, inverno"),
                 ("pl", "Sukienka Vanessa midi w kwiaty"), ("es", "Jersey noruego de lana con cuello alto")],
    "TRELLUX": [("en", "Expandable Garden Trellis for Climbing Plants, 2 Pack"),
                ("de", "Trellis Rankgitter aus Holz für Kletterpflanzen"), ("en", "Deluxe Lux Desk Lamp LED Dimmable"),
                ("fr", "Treillis de jardin extensible en bois"), ("pl", "Lampka nocna Lux 5W ciepła biel"),
                ("en", "Tomato Trellis Plant Support Cage, 6 Pack")],
    "GAVRINO": [("it", "Tazzine da caffè San Gavino, set da 6"), ("fr", "Casquette gavroche en tweed homme"),
                ("de", "Gavroche Mütze Schiebermütze Herren Fischgrät"), ("it", "Vino rosso Cannonau, cantina di San Gavino"),
                ("en", "Gavroche Newsboy Cap Wool Blend")],
    "PELLAQUIN": [("it", "Borsa in vera pelle con tracolla, made in Italy"), ("it", "Pellicola trasparente per alimenti 300 m"),
                  ("fr", "Costume d'Arlequin enfant pour le carnaval"), ("en", "Harlequin Romance Novels, Lot of 10 Paperbacks"),
                  ("es", "Pelícano de cerámica para jardín"), ("en", "Pellet Grill Cover, Heavy Duty Waterproof")],
    "OKAMEX": [("en", "Tex-Mex Cookbook: 100 Easy Weeknight Recipes"), ("de", "Okapi Plüschtier 30 cm"),
               ("es", "Salsa Tex-Mex picante 500 g"), ("fr", "Peluche okapi réaliste 35 cm"),
               ("ja", "オカメインコ ぬいぐるみ 20cm"), ("de", "Kamera Schultertasche wasserdicht")],
    "PEXTORA": [("en", "Pectoral Muscle Trainer Chest Expander"), ("es", "Figura de pastora alemana de cerámica"),
                ("es", "Pintura de textura rugosa para paredes 4 L"), ("fr", "Sirop pectoral apaisant pour la toux"),
                ("it", "Pettorina per cani taglia media, riflettente"), ("pt", "Textura acrílica para parede 25 kg")],
    "ТОРВИКС": [("ru", "Торф верховой кислый 50 л для голубики"), ("ru", "Линус Торвальдс. Just for Fun, книга"),
                ("ru", "Тор и викинги: настольная игра"), ("ru", "Торговая витрина стеклянная 120 см"),
                ("ru", "Топор колун кованый 2 кг")],
    "МЕЛАНОРА": [("ru", "Пряжа меланж 100 г, 5 мотков"), ("ru", "Постер «Меланхолия» Дюрер 50×70"),
                 ("ru", "Платье вечернее Элеонора, макси"), ("ru", "Кукла Леонора 30 см в пышном платье"),
                 ("ru", "Мелатонин 3 мг, 60 таблеток")],
    "诺维莎": [("zh", "诺维奇城足球队围巾"), ("zh", "莎士比亚全集 精装版"), ("zh", "维莎蕾丝窗帘 遮光布")],
    "ポルカナ": [("ja", "ポルカドット ワンピース レディース 春夏"), ("ja", "ポルカ 名曲集 CD"),
                ("ja", "カナダ産 メープルシロップ 500g"), ("ja", "ポルカドットスティングレイ ライブTシャツ")],
    "サクレオ": [("ja", "サクレ レモン 6個入り"), ("ja", "サクレ・クール寺院 ポスター A2"), ("ja", "クレオパトラ 香水 50ml"),
                ("ja", "クレオン 12色セット 子ども用")],
    "PLEXO6": [("es", "Placa de plexiglás 6 mm transparente 50x50 cm"), ("es", "Modelo anatómico del plexo braquial"),
               ("pt", "Chapa de plexiglass 6mm cristal"), ("de", "Plexiglas Platte 6 mm klar, Zuschnitt"),
               ("en", "Plexiglass Sheet 6mm Clear Acrylic 12x12 in"), ("pt", "Plexo solar: guia de yoga, 6ª edição")],
    "K2VARO": [("en", "K2 Karakoram Mountain Poster 24x36"), ("de", "K2 Gipfel Bergposter 70x50"),
               ("it", "Carrello per varo barca, kit scivolo"), ("de", "Karo Hemd Herren kariert Baumwolle"),
               ("es", "Varo de barcos: manual de náutica")],
    "COPPER HERON": [("en", "Copper Heron Garden Statue, 90 cm Metal Bird Sculpture"), ("en", "Copper Kettle Stovetop 2L"),
                     ("en", "Great Blue Heron Art Print 8x10"), ("de", "Kupfer Reiher Gartenfigur 80 cm"),
                     ("en", "Copper Heron Weathervane for Roof")],
    "STORM MESA": [("es", "Mesa plegable de camping de aluminio"), ("pt", "Mesa dobrável para camping"),
                   ("en", "Storm Lantern Hurricane Lamp, Glass"), ("en", "Mesa Verde National Park Poster"),
                   ("es", "Mesa de centro elevable de madera"), ("en", "Storm Proof Matches with Waterproof Case")],
    "OTTER": [("en", "Pottery Wheel Kit for Beginners"), ("de", "Fischotter Plüschtier 40 cm"),
              ("en", "Potter's Clay 5 kg Air-Dry"), ("en", "Otterly Adorable Baby Onesie, Cotton")],
    "CEDAR": [("fr", "Cèdre du Liban en bonsaï"), ("en", "Cedarwood Essential Oil 30 ml"), ("es", "Cedro rojo tablas 2 m")],
    "COMET": [("es", "Cometa para niños fácil de volar"), ("it", "Aquilone cometa arcobaleno"),
              ("pt", "Pipa cometa colorida com linha"), ("fr", "Affiche comète de Halley vintage")],
}
# The common-word marks in their ordinary sense, on goods their right does not list.
GOODS_OUTSIDE = {
    "OTTER": [("en", "Sea Otter Plush Toy 12 inch"), ("en", "Otter Family Wall Art Canvas Print"),
              ("en", "Cute Otter Socks for Women, 3 Pairs"), ("de", "Otter Kuscheltier 25 cm"),
              ("en", "River Otter Field Guide, Paperback"), ("en", "Otter Mug Ceramic Coffee Cup 350 ml"),
              ("en", "Otter Phone Stand, Wooden Desk Holder")],
    "CEDAR": [("en", "Cedar Planks for Grilling Salmon, 12 Pack"), ("en", "Cedar Blocks for Closet Storage, 24 pcs"),
              ("en", "Red Cedar Shingles Bundle"), ("de", "Cedar Holz Kleiderbügel 10 Stück"),
              ("en", "Cedar Raised Garden Bed 4x2 ft"), ("en", "Cedar & Sage Scented Candle 200 g"),
              ("en", "Western Red Cedar Fence Pickets, 6 ft")],
    "COMET": [("en", "Halley's Comet Poster, Vintage Astronomy Print"), ("en", "Comet Kite for Kids, 1.5 m Tail"),
              ("en", "Comet Necklace Sterling Silver Pendant"), ("en", "Comet Tail LED String Lights"),
              ("en", "Comet Earrings Gold Plated"), ("de", "Comet Sternschnuppe Wandtattoo Kinderzimmer")],
}
HAN_STRADDLE = {
    "丽欧": ["华丽欧式水晶吊灯 客厅", "美丽欧洲风光明信片套装", "秀丽欧式花园雕塑摆件", "亮丽欧美风连衣裙",
             "壮丽欧洲之旅摄影画册", "靓丽欧版T恤 女款", "華麗歐式復古檯燈", "艳丽欧根纱面料 1米"],
    "尚达": ["时尚达人必备单品 墨镜", "风尚达人推荐连衣裙", "时尚达人同款帆布包", "和尚达摩画像 装饰画",
             "崇尚达尔文进化论 科普读物", "時尚達人推薦 手錶"],
}
STRADDLE_PARTS = {"丽欧": (["华丽", "美丽", "亮丽", "靓丽", "绚丽", "秀丽", "艳丽"], ["欧式", "欧美风", "欧风", "欧版"]),
                  "尚达": (["时尚", "风尚"], ["达人推荐", "达人必备", "达人同款"])}
UNCOLOURED = {"serum", "sunscreen", "perfume", "ricecooker"}

# ---------------------------------------------------------------------------------------------------------------
# Evasions.
LAT2CYR = dict(zip("ABCEHKMOPTXYIaceopxyi", "АВСЕНКМОРТХУІасеорхуі"))
LAT2GRK = dict(zip("ABEHIKMNOPTXYZovi", "ΑΒΕΗΙΚΜΝΟΡΤΧΥΖονι"))
CYR2LAT = dict(zip("АВЕКМНОРСТХУаеорсух", "ABEKMHOPCTXYaeopcyx"))
CYR2GRK = dict(zip("ЛПГФ", "ΛΠΓΦ"))
KANA2HAN = {"カ": "力", "オ": "才", "ニ": "二", "ロ": "口", "エ": "工", "ハ": "八", "タ": "夕", "ト": "卜"}
LEET = {"A": ["4", "@"], "E": ["3"], "I": ["1", "!"], "O": ["0"], "S": ["5", "$"], "T": ["7"], "B": ["8"],
        "G": ["6"], "L": ["1", "|"], "Z": ["2"], "О": ["0"], "З": ["3"], "Ч": ["4"], "Б": ["6"], "А": ["4"],
        "Е": ["3"]}
QWERTY = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]
JCUKEN = ["йцукенгшщзхъ", "фывапролджэ", "ячсмитьбю"]
TRADITIONAL = dict(zip("丽欧达诺维", "麗歐達諾維"))
# For listings written in traditional characters (Taiwan, Hong Kong): the characters of the zh templates.
S2T = dict(zip("丽欧达诺维吹风机电钻头锂蓝牙音箱内胆饭煲单肩带包邮热卖顺丰发货限时特价礼两宜无线动运镜滑雪换镜片帐篷"
               "冲锋衣拉链头办公椅轮扫地器网滤耳塞套充宝线数码专营贸易汇鑫佳恒盛瑞祥优图实质说明书单内时显颜色为务问题请联系客服门",
               "麗歐達諾維吹風機電鑽頭鋰藍牙音箱內膽飯煲單肩帶包郵熱賣順豐發貨限時特價禮兩宜無線動運鏡滑雪換鏡片帳篷"
               "衝鋒衣拉鏈頭辦公椅輪掃地器網濾耳塞套充寶線數碼專營貿易匯鑫佳恆盛瑞祥優圖實質說明書單內時顯顏色為務問題請聯繫客服門"))
HIRAGANA = {chr(code): chr(code - 0x60) for code in range(0x30A1, 0x30F7)}


def halfwidth_kana(text):
    return "".join(HALFWIDTH.get(ch, ch) for ch in text)


HALFWIDTH = {"ポ": "ﾎﾟ", "ル": "ﾙ", "カ": "ｶ", "ナ": "ﾅ", "サ": "ｻ", "ク": "ｸ", "レ": "ﾚ", "オ": "ｵ", "ガ": "ｶﾞ",
             "ボ": "ﾎﾞ", "ザ": "ｻﾞ", "グ": "ｸﾞ"}
KANA_TYPOS = {"ポルカナ": ["ボルカナ", "ポルガナ", "ポルカノ", "ポリカナ"], "サクレオ": ["ザクレオ", "サグレオ", "サクリオ", "サクレア"]}
S2T.update(zip("华靓绚艳购产装价齐后换异强宝晒体学扩纳绿压厂权标与关于适号",
               "華靚絢艷購產裝價齊後換異強寶曬體學擴納綠壓廠權標與關於適號"))
GLUE = {
    "en": (["Original", "Pro", "My", "Best", "New", "Top"], ["Pro", "Max", "Store", "Official", "Shop", "Plus", "Home"]),
    "de": (["Original", "Profi", "Neu"], ["Shop", "Profi", "Set", "Markt"]),
    "fr": (["Original", "Pro"], ["Shop", "Pro", "Boutique"]),
    "es": (["Original", "Pro"], ["Shop", "Pro", "Tienda"]),
    "it": (["Originale", "Pro"], ["Shop", "Pro", "Store"]),
    "pt": (["Original", "Pro"], ["Loja", "Pro", "Shop"]),
    "pl": (["Oryginalny", "Pro"], ["Sklep", "Pro", "Shop"]),
    "ru": (["Ориг", "Про"], ["Про", "Шоп", "Макс"]),
    "zh": (["Pro"], ["Pro", "Max", "Plus"]),
    "ja": (["Pro"], ["Pro", "Plus"]),
}
ITEM = {"en": "item", "de": "Artikel", "fr": "article", "es": "artículo", "it": "articolo", "pt": "item",
        "pl": "produkt", "ru": "товар", "zh": "商品", "ja": "商品"}
# Words the copy-edited family swaps in, drops or adds.
SYNONYMS = {
    "en": {"spins": "rotates", "dries": "blow-dries", "smooths": "calms", "glossy": "shiny", "finished": "completed",
           "measures": "checks", "protect": "shield", "lightly": "comfortably", "washable": "removable",
           "cleaning": "washing", "soft": "padded"},
    "de": {"erreicht": "schafft", "übersteht": "überlebt", "wechseln": "schalten", "sanften": "leichten",
           "automatisch": "selbstständig", "zuverlässig": "sicher", "Begleiter": "Partner"},
    "fr": {"associe": "combine", "pénètre": "s'absorbe", "Appliquez": "Déposez", "lumineux": "éclatant",
           "protège": "préserve", "convient": "est adapté"},
    "es": {"agarra": "adhiere", "afiladas": "puntiagudas", "amortigua": "suaviza", "ajusta": "aprieta",
           "pensadas": "diseñadas", "protege": "cuida"},
    "it": {"raggiunge": "arriva a", "garantisce": "assicura", "densa": "corposa", "vellutata": "setosa",
           "mostra": "indica", "avvisa": "segnala"},
    "pt": {"oferece": "proporciona", "limpa": "nítida", "absorve": "retém", "bloqueia": "filtra",
           "Acompanha": "Inclui"},
    "pl": {"chroni": "zabezpiecza", "silnym": "mocnym", "lekkie": "bardzo lekkie", "zapewniają": "dają",
           "zaledwie": "tylko", "dobrze": "świetnie"},
    "ru": {"развивает": "выдает", "легко": "без усилий", "выдерживает": "переносит", "точно": "аккуратно",
           "Яркая": "Мощная", "снижает": "уменьшает"},
    "zh": {"轻松": "方便", "柔软": "舒适", "适合": "适用于", "方便": "便捷", "简约": "简洁"},
    "ja": {"むらなく": "均一に", "楽しめます": "味わえます", "清潔": "きれい", "すっきり": "ぴったり"},
}
FILLERS = {"en": ["really", "very", "truly"], "de": ["wirklich", "sehr", "besonders"], "fr": ["vraiment", "très"],
           "es": ["realmente", "muy"], "it": ["davvero", "molto"], "pt": ["realmente", "muito"],
           "pl": ["naprawdę", "bardzo"], "ru": ["очень", "действительно"], "zh": ["非常", "真的", "特别"],
           "ja": ["とても", "本当に", "しっかり"]}

INFRINGING_FAMILIES = ["exact", "case-spacing", "separators", "lookalike", "leetspeak", "typo", "glued",
                       "han-variant", "kana-variant", "description-only", "particle-inflection", "split",
                       "two-word-typo"]
ELIGIBLE = {
    "exact": {"latin", "cyrillic", "han", "kana", "digits", "twoword", "common"},
    "case-spacing": {"latin", "cyrillic", "digits", "twoword", "common"},
    "separators": {"latin", "cyrillic", "han", "kana", "digits", "twoword", "common"},
    "lookalike": {"latin", "cyrillic", "kana", "digits", "twoword", "common"},
    "leetspeak": {"latin", "cyrillic", "digits", "twoword", "common"},
    "typo": {"latin", "cyrillic", "kana", "digits", "common"},
    "glued": {"latin", "cyrillic", "digits", "twoword", "common"},
    "han-variant": {"han"},
    "kana-variant": {"kana"},
    "description-only": {"latin", "cyrillic", "han", "kana", "digits", "twoword", "common"},
    "particle-inflection": {"latin", "cyrillic", "han", "kana", "digits", "twoword", "common"},
    "split": {"latin", "cyrillic", "han", "kana", "digits"},
    "two-word-typo": {"twoword"},
}
COPY_FAMILIES = ["copy-whole", "copy-partial", "copy-edited"]
INNOCENT_CYCLE = ["generic", "lookalike-word", "generic", "han-straddle", "goods-outside", "lookalike-word", "generic",
                  "goods-outside"]
FAIR_VARIANTS = ["compatible", "for", "replacement", "fits"]


def levenshtein(a, b):
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def title_case(text):
    return " ".join(word[:1].upper() + word[1:].lower() for word in text.split(" "))


def style(mark, kind, rng):
    """The registered mark as a seller would type it: as registered, or in title case."""
    if kind in ("han", "kana"):
        return mark, "registered"
    chosen = rng.choice(["registered", "title-case"])
    return (title_case(mark) if chosen == "title-case" else mark), chosen


def neighbours(letter):
    rows = JCUKEN if "а" <= letter <= "я" or letter == "ё" else QWERTY
    for r, row in enumerate(rows):
        c = row.find(letter)
        if c >= 0:
            near = [row[c - 1]] if c > 0 else []
            near += [row[c + 1]] if c + 1 < len(row) else []
            for other in (r - 1, r + 1):
                if 0 <= other < len(rows):
                    near += [rows[other][k] for k in (c - 1, c) if 0 <= k < len(rows[other])]
            return near
    return []


class Generator:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.words = set()
        for lang in LANGS:
            self.words.update(word.casefold() for word in wordfreq.top_n_list(lang, 100000))
        self.marks = [(brand, mark, kind, juris) for brand in BRANDS for mark, kind, juris in brand["marks"]]
        self.mark_texts = {mark.casefold() for _, mark, _, _ in self.marks}
        self.warnings = []
        for _, mark, kind, _ in self.marks:
            folded = mark.casefold()
            if kind != "common" and (folded in self.words or folded.replace(" ", "") in self.words):
                self.warnings.append(f"invented mark {mark} is a common word")
            if kind == "common" and folded not in self.words:
                self.warnings.append(f"common-word mark {mark} is not in the word lists")
        self.turns = collections.defaultdict(list)
        self.nonames = self.make_nonames()
        self.sellers = {lang: self.make_sellers(lang) for lang in LANGS}

    def turn(self, key, pool):
        """The next of `pool` for `key`: every element once, in a shuffled order, then again."""
        if not self.turns[key]:
            self.turns[key] = list(pool)
            self.rng.shuffle(self.turns[key])
        return self.turns[key].pop()

    # --- names ---------------------------------------------------------------------------------------------
    def unlike_marks(self, name):
        folded = name.casefold()
        for _, mark, _, _ in self.marks:
            m = mark.casefold().replace(" ", "")
            if m in folded or folded in m or levenshtein(folded, m) <= 3:
                return False
        return folded not in self.words

    def make_nonames(self):
        syllables = ["ka", "lo", "zu", "tek", "mi", "xin", "bo", "dai", "fu", "yo", "gen", "hua", "qi", "wen", "lu",
                     "sy", "tro", "ny", "ji", "ze"]
        rng = random.Random(4711)
        names = []
        while len(names) < 60:
            name = "".join(rng.choice(syllables) for _ in range(rng.choice([2, 3]))).upper()
            if name not in names and 4 <= len(name) <= 9 and self.unlike_marks(name):
                names.append(name)
        return names

    def make_sellers(self, lang):
        first, second = SELLER_PARTS[lang]
        rng = random.Random("sellers-" + lang)
        sellers = []
        for index in range(40):
            name = rng.choice(first) + ("" if lang in ("zh", "ja") else rng.choice(["", " ", "-"])) + rng.choice(second)
            if rng.random() < 0.3:
                name += str(rng.randint(1, 99))
            sellers.append((f"{lang}-s{index:02d}", name))
        return sellers

    # --- evasions ------------------------------------------------------------------------------------------
    def typo(self, word, rng, keep_digits=True):
        """One keyboard edit of `word` (case as given), never a word of the lists nor a registered mark."""
        lower = word.lower()
        positions = [i for i, ch in enumerate(lower) if ch.isalpha()]
        for _ in range(200):
            op = rng.choice(["sub", "sub", "del", "ins", "swap", "double"])
            i = rng.choice(positions)
            if op == "sub":
                near = neighbours(lower[i])
                if not near:
                    continue
                candidate = lower[:i] + rng.choice(near) + lower[i + 1:]
            elif op != "sub" and op != "swap" and i == 0:
                continue
            elif op == "del":
                candidate = lower[:i] + lower[i + 1:]
            elif op == "ins":
                near = neighbours(lower[i]) or [lower[i]]
                candidate = lower[:i] + rng.choice(near) + lower[i:]
            elif op == "double":
                candidate = lower[:i] + lower[i] + lower[i:]
            else:
                if i + 1 >= len(lower) or not lower[i + 1].isalpha() or lower[i] == lower[i + 1]:
                    continue
                candidate = lower[:i] + lower[i + 1] + lower[i] + lower[i + 2:]
            if (candidate == lower or len(candidate.replace(" ", "")) < 4 or candidate in self.words
                    or candidate.replace(" ", "") in self.words or candidate in self.mark_texts):
                continue
            if keep_digits and [c for c in candidate if c.isdigit()] != [c for c in lower if c.isdigit()]:
                continue
            return candidate, op
        raise RuntimeError(f"no typo for {word}")

    def recase(self, lower, pattern_word):
        """`lower` in the case of `pattern_word` (upper or title)."""
        if pattern_word.isupper():
            return lower.upper()
        return " ".join(w[:1].upper() + w[1:] for w in lower.split(" "))

    def form(self, mark, kind, family, lang, rng):
        """The mark as a counterfeiter writes it in `family`: (form, variant)."""
        if family in ("exact", "description-only"):
            return style(mark, kind, rng)
        if family == "case-spacing":
            options = ["lower", "alternating", "spaced-letters", "mixed"]
            if kind != "cyrillic":
                options.append("full-width")
            if kind == "twoword":
                options += ["joined", "camel-joined"]
            variant = rng.choice(options)
            if variant == "lower":
                return mark.lower(), variant
            if variant == "alternating":
                start = rng.random() < 0.5
                out, flip = [], start
                for ch in mark:
                    if ch.isalpha():
                        out.append(ch.upper() if flip else ch.lower())
                        flip = not flip
                    else:
                        out.append(ch)
                return "".join(out), variant
            if variant == "spaced-letters":
                base = style(mark, kind, rng)[0]
                return "  ".join(" ".join(word) for word in base.split(" ")), variant
            if variant == "mixed":
                cut = rng.randint(1, len(mark) - 2)
                return mark[:cut].lower() + mark[cut:], variant
            if variant == "full-width":
                base = style(mark, kind, rng)[0]
                return "".join(chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else "\u3000" if ch == " " else ch
                               for ch in base), variant
            if variant == "joined":
                return rng.choice([mark, mark.lower()]).replace(" ", ""), variant
            return title_case(mark).replace(" ", ""), variant
        if family == "separators":
            base = style(mark, kind, rng)[0]
            if kind in ("han", "kana"):
                sep = rng.choice(["·", "・", "-", "*", "."] if kind == "kana" else ["·", "-", "*", ".", "•"])
                if rng.random() < 0.5:
                    return sep.join(base), "between-all"
                cut = rng.randint(1, len(base) - 1)
                return base[:cut] + sep + base[cut:], "one-cut"
            if kind == "twoword" and rng.random() < 0.4:
                return base.replace(" ", rng.choice(["-", "_", ".", "·", "/"])), "between-words"
            if rng.random() < 0.5:
                sep = rng.choice([".", "-", "_", "·", "*", "|"])
                return " ".join(sep.join(word) for word in base.split(" ")), "between-all"
            words = base.split(" ")
            w = rng.randrange(len(words))
            cut = rng.randint(1, len(words[w]) - 1)
            words[w] = words[w][:cut] + rng.choice(["-", ".", "_", "·", "/", "'"]) + words[w][cut:]
            return " ".join(words), "one-cut"
        if family == "lookalike":
            if kind == "kana":
                return "".join(KANA2HAN.get(ch, ch) for ch in mark), "han-for-kana"
            base, _ = style(mark, kind, rng)
            if kind == "cyrillic":
                table, name = (CYR2LAT, "latin") if rng.random() < 0.8 or not any(c in CYR2GRK for c in base) else (CYR2GRK, "greek")
            else:
                roll = rng.random()
                if roll < 0.15 and "l" in base:
                    i = rng.choice([i for i, ch in enumerate(base) if ch == "l"])
                    return base[:i] + "I" + base[i + 1:], "I-for-l"
                if roll < 0.25 and "m" in base.lower():
                    low = base if base != base.upper() else title_case(base)
                    if "m" in low:
                        i = low.index("m")
                        candidate = low[:i] + "rn" + low[i + 1:]
                        if candidate.casefold() not in self.words:
                            return candidate, "rn-for-m"
                table, name = (LAT2CYR, "cyrillic") if rng.random() < 0.7 else (LAT2GRK, "greek")
            positions = [i for i, ch in enumerate(base) if ch in table]
            if not positions:
                table, name = (LAT2CYR, "cyrillic") if kind != "cyrillic" else (CYR2LAT, "latin")
                positions = [i for i, ch in enumerate(base) if ch in table]
            count = min(len(positions), rng.choice([1, 1, 2, 3]))
            chosen = set(rng.sample(positions, count))
            return "".join(table[ch] if i in chosen else ch for i, ch in enumerate(base)), f"{name}-{count}"
        if family == "leetspeak":
            base = mark if rng.random() < 0.6 else title_case(mark)
            positions = [i for i, ch in enumerate(base) if ch.upper() in LEET and not ch.isdigit()]
            count = len(positions) if rng.random() < 0.25 else min(len(positions), rng.choice([1, 1, 2]))
            chosen = set(rng.sample(positions, count))
            out = "".join(rng.choice(LEET[ch.upper()]) if i in chosen else ch for i, ch in enumerate(base))
            return out, f"leet-{count}" if count < len(positions) else "leet-all"
        if family == "typo":
            if kind == "kana":
                choices = [t for t in KANA_TYPOS[mark] if t not in self.words]
                return rng.choice(choices), "kana-edit"
            base, _ = style(mark, kind, rng)
            lower, op = self.typo(base, rng)
            return self.recase(lower, base), op
        if family == "two-word-typo":
            base, _ = style(mark, kind, rng)
            words = base.split(" ")
            w = rng.randrange(len(words))
            while True:
                lower, op = self.typo(words[w], rng)
                phrase = " ".join(lower if k == w else words[k].lower() for k in range(len(words)))
                if phrase not in self.words:
                    break
            words[w] = self.recase(lower, words[w])
            return " ".join(words), f"word{w + 1}-{op}"
        if family == "glued":
            prefixes, suffixes = GLUE[lang]
            if kind == "cyrillic":
                prefixes, suffixes = GLUE["ru"]
            base = title_case(mark).replace(" ", "") if rng.random() < 0.6 else mark.replace(" ", "")
            if rng.random() < 0.6:
                word, variant = rng.choice(suffixes), "suffix"
                glued = base + (word.upper() if base.isupper() else word)
            else:
                word, variant = rng.choice(prefixes), "prefix"
                glued = (word.upper() if base.isupper() else word) + base
            if rng.random() < 0.25:
                glued, variant = glued.lower(), variant + "-lower"
            return glued, variant
        if family == "han-variant":
            full = "".join(TRADITIONAL.get(ch, ch) for ch in mark)
            convertible = [i for i, ch in enumerate(mark) if ch in TRADITIONAL]
            if len(convertible) > 1 and rng.random() < 0.3:
                keep = rng.choice(convertible)
                return "".join(ch if i == keep else full[i] for i, ch in enumerate(mark)), "mixed"
            return full, "traditional"
        if family == "kana-variant":
            roll = rng.random()
            if roll < 0.45:
                return "".join(HIRAGANA.get(ch, ch) for ch in mark), "hiragana"
            if roll < 0.85:
                return halfwidth_kana(mark), "half-width"
            cut = len(mark) // 2
            return mark[:cut] + "".join(HIRAGANA.get(ch, ch) for ch in mark[cut:]), "mixed-hiragana"
        if family == "split":
            base, _ = style(mark, kind, rng)
            if kind == "digits":
                digit = next(i for i, ch in enumerate(base) if ch.isdigit())
                cuts = [c for c in (digit, digit + 1) if 0 < c < len(base)]
            elif len(base) <= 3:
                cuts = list(range(1, len(base)))
            else:
                cuts = list(range(2, len(base) - 1))
            cut = rng.choice(cuts)
            return base[:cut] + " " + base[cut:], f"cut-{cut}"
        raise ValueError(family)

    def particle(self, mark, kind, lang, rng):
        """(form, title template) for a mark followed by a particle or an inflection, or None."""
        base, _ = style(mark, kind, rng)
        if kind == "kana" or lang == "ja":
            suffix = rng.choice(["の", "製", "から"])
            templates = {"の": ["{P}{N} {S} {C}", "人気の{P}{N}【{K}】"], "製": ["{P}{N} {S} {S2}", "【{K}】{P} {N}"],
                         "から": ["{P}新登場！{N} {S}"]}[suffix]
            return base + suffix, rng.choice(templates), suffix
        if kind == "han" or lang == "zh":
            suffix = rng.choice(["的", "牌", "家"])
            return base + suffix, rng.choice(["{P}{N}{S}{K}", "【{K}】{P}{N} {S}"]), suffix
        if kind == "cyrillic":
            low = base
            if mark.endswith("А"):
                form = low[:-1] + ("Ы" if low.isupper() else "ы")
            else:
                form = low + ("А" if low.isupper() else "а")
            return form, rng.choice(["{N} {P} {S}, {K}", "{N} от {P} {S} {C}", "Новинка от {P}: {N} {S}"]), "genitive"
        if lang == "en":
            return base + "'s", rng.choice(["{P} {N} {S}, {K}", "{P} New {N} {S} {C}"]), "possessive"
        if lang == "de":
            suffix = ("'" if base[-1].lower() in "sxz" else "'s" if base[-1].isdigit()
                      else rng.choice(["s", "'s"]))
            return base + suffix, rng.choice(["{P} {N} {S} {C}", "{P} neues Modell: {N} {S}"]), "genitive"
        if lang == "pl":
            word = base.split(" ")[-1]
            head = base[:len(base) - len(word)]
            upper = word.isupper()
            low = word.lower()
            if low.endswith("a"):
                inflected = low[:-1] + "y"
            elif low.endswith("x"):
                inflected = low[:-1] + "ksa"
            elif low[-1].isalpha() and low[-1] not in "aeiouy":
                inflected = low + "a"
            else:
                return None
            inflected = inflected.upper() if upper else inflected[:1].upper() + inflected[1:]
            return head + inflected, rng.choice(["{N} od {P} {S}", "{N} {P} {S} – {K}"]), "genitive"
        if lang == "fr" and mark[0] in "AEIOU":
            if rng.random() < 0.6:
                return "d'" + base, "{N} {P} {S}", "elision"
            return "l'" + base, "Découvrez {P} {S} – {N}", "elision"
        return None

    # --- listing text --------------------------------------------------------------------------------------
    def fill(self, template, lang, category, rng, **marks):
        """A template filled in: the goods noun, specs, colour, marketing phrase, accessory and no-name brand, tidied;
        then the mark as written ({M}, {P}) put in verbatim."""
        cat = CATEGORIES[category]
        specs = rng.sample(cat["specs"], 2)
        values = {"N": cat[lang][0], "S": specs[0], "S2": specs[1],
                  "C": rng.choice(COLOURS[lang]) if category not in UNCOLOURED else "",
                  "K": rng.choice(MARKETING[lang]), "A": cat[lang][1],
                  "B": rng.choice(self.nonames) if rng.random() < 0.5 else ""}
        text = template
        for key in sorted(values, key=len, reverse=True):
            text = text.replace("{" + key + "}", values[key])
        text = tidy(text, lang)
        for key, value in marks.items():
            text = text.replace("{" + key + "}", value)
        return text

    def description(self, lang, category, rng, extra=(), count=(1, 3)):
        noun = CATEGORIES[category][lang][0] if category else ITEM[lang]
        sentences = [s.replace("{N}", noun) for s in rng.sample(BOILERPLATE[lang], rng.randint(*count))]
        for sentence in extra:
            sentences.insert(rng.randint(0, len(sentences)), sentence)
        return join_sentences(sentences, lang)

    def price(self, low, high, currency, rng):
        value = rng.uniform(low, high) * RATES[currency]
        if currency in ("JPY", "RUB", "TWD"):
            return float(int(round(value, -1 if currency == "JPY" else 0)) or 10)
        return round(int(value) + rng.choice([0.99, 0.49, 0.0, 0.95, 0.9]), 2)

    def listing(self, lang, title, description, rng, price_range):
        marketplace, currency = rng.choice(MARKETPLACES[lang])
        seller_id, seller_name = rng.choice(self.sellers[lang])
        return {"marketplace": marketplace, "title": title, "description": description,
                "price": self.price(*price_range, currency, rng), "currency": currency, "seller_id": seller_id,
                "seller_name": seller_name}

    def infringing(self, brand, mark, kind, family, rng):
        category = brand["category"]
        if family == "particle-inflection":
            langs = [lang for lang in brand["langs"] if lang in ("ja", "zh", "ru", "en", "de", "pl", "fr")]
            rng.shuffle(langs)
            if kind in ("han", "kana", "cyrillic"):
                langs = [{"han": "zh", "kana": "ja", "cyrillic": "ru"}[kind]]
            for lang in langs:
                made = self.particle(mark, kind, lang, rng)
                if made:
                    break
            form, template, variant = made
            title = self.fill(template, lang, category, rng, P=form)
            description = self.description(lang, category, rng)
        else:
            lang = {"han": "zh", "kana": "ja", "cyrillic": "ru"}.get(kind) or self.turn("lang", brand["langs"])
            form, variant = self.form(mark, kind, family, lang, rng)
            if family == "description-only":
                title = self.fill(rng.choice(GENERIC_TITLES[lang]), lang, category, rng)
                if rng.random() < 0.5:
                    sentence = rng.choice(MARK_SENTENCES[lang]).replace("{M}", form)
                    variant = "sentence"
                else:
                    noun = CATEGORIES[category][lang][0]
                    spec = rng.choice(CATEGORIES[category]["specs"])
                    sep = "、" if lang in ("zh", "ja") else ", "
                    words = [noun, form, spec]
                    rng.shuffle(words)
                    sentence = KEYWORDS[lang].replace("{X}", sep.join(words))
                    variant = "keywords"
                sentence = sentence.replace("{N}", CATEGORIES[category][lang][0])
                if variant == "keywords":
                    description = self.description(lang, category, rng) + "\n" + sentence
                else:
                    description = self.description(lang, category, rng, extra=[sentence])
            else:
                title = self.fill(rng.choice(TITLES[lang]), lang, category, rng, M=form)
                extra = []
                if rng.random() < 0.45:
                    extra.append(rng.choice(MARK_SENTENCES[lang]).replace("{M}", form)
                                 .replace("{N}", CATEGORIES[category][lang][0]))
                description = self.description(lang, category, rng, extra=extra)
        if family == "han-variant" and rng.random() < 0.6:
            title = form.join(traditional(part) for part in title.split(form))
            description = form.join(traditional(part) for part in description.split(form))
        cue = rng.random()
        if cue < 0.15:
            title = rng.choice(GENUINE[lang]) + " " + title
        elif cue < 0.25:
            description = join_sentences([description, rng.choice(REPLICA[lang]) + ("。" if lang in ("zh", "ja") else ".")], lang)
        return lang, self.listing(lang, title, description, rng, CATEGORIES[category]["price"]), form, variant

    def copy(self, brand, family, rng):
        lang, sentences = TEXTS[brand["name"]]
        category = brand["category"]
        title = self.fill(rng.choice(GENERIC_TITLES[lang]), lang, category, rng)
        noun = CATEGORIES[category][lang][0]
        if family == "copy-whole":
            description, variant = join_sentences(sentences, lang), "whole"
        elif family == "copy-partial":
            share = rng.uniform(0.4, 0.7)
            count = max(2, round(share * len(sentences)))
            kept = sorted(rng.sample(range(len(sentences)), count))
            body = [sentences[i] for i in kept]
            filler = [s.replace("{N}", noun) for s in rng.sample(BOILERPLATE[lang], rng.randint(2, 4))]
            cut = rng.randint(0, len(filler))
            description = join_sentences(filler[:cut] + body + filler[cut:], lang)
            variant = f"partial-{count}/{len(sentences)}"
        else:
            edited, ops = edit_text(sentences, lang, rng)
            description, variant = join_sentences(edited, lang), "+".join(ops)
        return lang, self.listing(lang, title, description, rng, CATEGORIES[category]["price"]), variant

    def innocent(self, family, rng):
        if family == "generic":
            category = rng.choice(sorted(CATEGORIES))
            lang = rng.choice(LANGS)
            title = self.fill(rng.choice(GENERIC_TITLES[lang]), lang, category, rng)
            description = self.description(lang, category, rng)
            return lang, None, "generic", self.listing(lang, title, description, rng, CATEGORIES[category]["price"])
        if family == "han-straddle":
            mark = rng.choice(sorted(HAN_STRADDLE))
            if rng.random() < 0.5:
                title, variant = rng.choice(HAN_STRADDLE[mark]), "curated"
            else:
                first, second = STRADDLE_PARTS[mark]
                category = rng.choice(["handbag", "speaker", "perfume", "hairdryer"])
                title = rng.choice(first) + rng.choice(second) + CATEGORIES[category]["zh"][0] + " " + rng.choice(
                    CATEGORIES[category]["specs"])
                variant = "composed"
            if rng.random() < 0.5:
                title += " " + rng.choice(MARKETING["zh"])
            if rng.random() < 0.2:
                title = traditional(title)
                variant += "-traditional"
            description = self.description("zh", None, rng)
            return "zh", mark, variant, self.listing("zh", title, description, rng, (9, 120))
        table = LOOKALIKE_WORDS if family == "lookalike-word" else GOODS_OUTSIDE
        mark = rng.choice(sorted(table))
        lang, title = rng.choice(table[mark])
        if rng.random() < 0.4:
            title = (f"【{rng.choice(MARKETING[lang])}】" + title if lang in ("zh", "ja")
                     else title + " – " + rng.choice(MARKETING[lang]))
        description = self.description(lang, None, rng)
        return lang, mark, "curated", self.listing(lang, title, description, rng, (5, 90))

    def fair_use(self, brand, mark, kind, variant, rng):
        if kind == "cyrillic":
            lang = "ru"
        elif kind == "han":
            lang = "zh"
        elif kind == "kana":
            lang = "ja"
        else:
            lang = self.turn("fair-lang", LANGS)
        category = brand["category"]
        form, _ = style(mark, kind, rng)
        title = self.fill(FAIR_USE[lang][variant], lang, category, rng, M=form)
        extra = [rng.choice(FAIR_USE_NOTES[lang]).replace("{M}", form)] if rng.random() < 0.5 else []
        description = self.description(lang, category, rng, extra=extra, count=(1, 2))
        return lang, form, self.listing(lang, title, description, rng, (4, 29))


def traditional(text):
    return "".join(S2T.get(ch, ch) for ch in text)


def tidy(text, lang):
    text = " ".join(text.split())
    for bad, good in ((" ,", ","), ("( ", "("), (" )", ")"), ("()", ""), ("【】", ""), (" :", " :" if lang == "fr" else ":")):
        text = text.replace(bad, good)
    text = text.strip(" –-,:")
    if lang not in ("zh", "ja", "ru") and text[:1].islower():
        text = text[0].upper() + text[1:]
    if lang == "ru" and text[:1].islower():
        text = text[0].upper() + text[1:]
    return text


def join_sentences(sentences, lang):
    return ("" if lang in ("zh", "ja") else " ").join(sentences)


def edit_text(sentences, lang, rng):
    """A copied text edited by hand: synonyms, dropped or added words (characters for zh and ja), two sentences
    swapped. Returns the sentences and the names of the edits."""
    sentences = list(sentences)
    cjk = lang in ("zh", "ja")
    ops = rng.sample(["synonyms", "drop", "add", "swap"], rng.choice([2, 3]))
    for op in ops:
        if op == "synonyms":
            table = SYNONYMS[lang]
            for i, sentence in enumerate(sentences):
                for word in sorted(table):
                    if word in sentence and rng.random() < 0.7:
                        sentence = sentence.replace(word, table[word], 1)
                sentences[i] = sentence
        elif op == "drop":
            for i in rng.sample(range(len(sentences)), 2):
                if cjk:
                    s = sentences[i]
                    k = rng.randrange(1, max(2, len(s) - 3))
                    sentences[i] = s[:k] + s[k + rng.choice([1, 2]):]
                else:
                    words = sentences[i].split(" ")
                    if len(words) > 4:
                        del words[rng.randrange(1, len(words) - 1)]
                    sentences[i] = " ".join(words)
        elif op == "add":
            for i in rng.sample(range(len(sentences)), 2):
                filler = rng.choice(FILLERS[lang])
                if cjk:
                    s = sentences[i]
                    k = rng.randrange(1, max(2, len(s) - 2))
                    sentences[i] = s[:k] + filler + s[k:]
                else:
                    words = sentences[i].split(" ")
                    words.insert(rng.randrange(1, len(words)), filler)
                    sentences[i] = " ".join(words)
        else:
            i, j = rng.sample(range(len(sentences)), 2)
            sentences[i], sentences[j] = sentences[j], sentences[i]
    return sentences, ops


def slug(text):
    return "".join(ch.lower() if ch.isalnum() and ch.isascii() else "-" for ch in text).strip("-")


def registry(generator):
    rights, brands = [], []
    for number, brand in enumerate(BRANDS):
        entry = {"name": brand["name"], "marks": []}
        for index, (mark, kind, juris) in enumerate(brand["marks"]):
            right_id = f"tm-{slug(brand['name'])}-{index + 1}"
            registration = {"EU": f"EU 0192{number:02d}{index}41", "US": f"US 7,{number:03d},{index}52",
                            "CN": f"CN 6{number:02d}{index}7788", "JP": f"JP 2025-0{number:02d}{index}9",
                            "RU": f"RU 9{number:02d}{index}12"}[juris]
            right = {"id": right_id, "type": "trademark", "registration": registration, "jurisdiction": juris,
                     "classes": [NICE[brand["category"]]]}
            if mark in GOODS:
                right["goods"] = GOODS[mark]
            rights.append(right)
            entry["marks"].append({"text": mark, "right": right_id})
        if brand["name"] in TEXTS:
            right_id = f"c-{slug(brand['name'])}-copy"
            rights.append({"id": right_id, "type": "copyright", "registration": f"TX 8-{number:03d}-517",
                           "jurisdiction": "US"})
            entry["texts"] = [{"id": f"{slug(brand['name'])}-copy", "path": f"texts/{slug(brand['name'])}-copy.txt",
                               "right": right_id}]
        brands.append(entry)
    return {"owner": "Unseen Two Brand Protection Group", "rights": rights, "brands": brands}


def plan(count):
    infringing = round(count * 0.55)
    copies = round(count * 0.10)
    fair = round(count * 0.10)
    innocent = count - infringing - copies - fair
    return ([("infringing", INFRINGING_FAMILIES[i % len(INFRINGING_FAMILIES)]) for i in range(infringing)]
            + [("copy", COPY_FAMILIES[i % len(COPY_FAMILIES)]) for i in range(copies)]
            + [("innocent", INNOCENT_CYCLE[i % len(INNOCENT_CYCLE)]) for i in range(innocent)]
            + [("fair-use", FAIR_VARIANTS[i % len(FAIR_VARIANTS)]) for i in range(fair)])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--listings", type=int, default=1200)
    arguments = parser.parse_args()
    generator = Generator(arguments.seed)
    rng = generator.rng
    os.makedirs(os.path.join(arguments.out, "texts"), exist_ok=True)

    with open(os.path.join(arguments.out, "registry.yaml"), "w", encoding="utf-8") as handle:
        handle.write("# Generated by Benchmarks/text/unseen2/make_unseen2_set.py: invented brands and rights.\n")
        yaml.safe_dump(registry(generator), handle, allow_unicode=True, sort_keys=False, width=120)
    for name, (lang, sentences) in TEXTS.items():
        with open(os.path.join(arguments.out, "texts", f"{slug(name)}-copy.txt"), "w", encoding="utf-8") as handle:
            handle.write(join_sentences(sentences, lang) + "\n")

    # Every mark takes its turn within a family, and every copied text within a copy family.
    rotations = collections.defaultdict(list)

    def next_of(key, pool):
        if not rotations[key]:
            rotations[key] = list(pool)
            rng.shuffle(rotations[key])
        return rotations[key].pop()

    marks = generator.marks
    text_brands = [brand for brand in BRANDS if brand["name"] in TEXTS]
    steps = plan(arguments.listings)
    rng.shuffle(steps)
    listings, labels = [], []
    for number, (kind, family) in enumerate(steps):
        listing_id = f"u2-{number + 1:05d}"
        label = {"listing_id": listing_id, "kind": kind, "brand": None, "family": family, "language": None,
                 "mark": None, "variant": None, "form": None}
        if kind == "infringing":
            eligible = [i for i, m in enumerate(marks) if m[2] in ELIGIBLE[family]]
            brand, mark, mark_kind, _ = marks[next_of(family, eligible)]
            lang, listing, form, variant = generator.infringing(brand, mark, mark_kind, family, rng)
            label.update(brand=brand["name"], mark=mark, form=form, variant=variant)
        elif kind == "copy":
            brand = text_brands[next_of(family, range(len(text_brands)))]
            lang, listing, variant = generator.copy(brand, family, rng)
            label.update(brand=brand["name"], variant=variant)
        elif kind == "innocent":
            lang, mark, variant, listing = generator.innocent(family, rng)
            if mark:
                owner = next(b for b, m, _, _ in marks if m == mark)
                label.update(brand=owner["name"], mark=mark)
            label["variant"] = variant
        else:
            brand, mark, mark_kind, _ = marks[next_of("fair-use", range(len(marks)))]
            lang, form, listing = generator.fair_use(brand, mark, mark_kind, family, rng)
            label.update(brand=brand["name"], mark=mark, form=form, variant=family, family="nominative")
        label["language"] = lang
        day = 1 + number % 6
        record = {"marketplace": listing["marketplace"], "listing_id": listing_id,
                  "url": f"https://{listing['marketplace']}.example/item/{listing_id}",
                  "captured_at": f"2026-12-0{day}T{(number * 7) % 24:02d}:{(number * 13) % 60:02d}:00Z",
                  "title": listing["title"], "description": listing["description"], "price": listing["price"],
                  "currency": listing["currency"], "seller_id": listing["seller_id"],
                  "seller_name": listing["seller_name"],
                  "seller_url": f"https://{listing['marketplace']}.example/store/{listing['seller_id']}"}
        listings.append(record)
        labels.append(label)

    with open(os.path.join(arguments.out, "dump.jsonl"), "w", encoding="utf-8") as handle:
        for record in listings:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    with open(os.path.join(arguments.out, "labels.jsonl"), "w", encoding="utf-8") as handle:
        for label in labels:
            handle.write(json.dumps(label, ensure_ascii=False) + "\n")

    for warning in generator.warnings:
        print("warning:", warning, file=sys.stderr)
    kinds = collections.Counter(label["kind"] for label in labels)
    families = collections.Counter((label["kind"], label["family"]) for label in labels)
    languages = collections.Counter(label["language"] for label in labels)
    print(f"{len(listings)} listings, {len(marks)} marks of {len(BRANDS)} brands, {len(TEXTS)} registered texts "
          f"-> {arguments.out}")
    print("kinds: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    for (kind, family), value in sorted(families.items()):
        print(f"  {kind:10} {family:20} {value}")
    print("languages: " + ", ".join(f"{k} {v}" for k, v in sorted(languages.items())))


if __name__ == "__main__":
    main()
