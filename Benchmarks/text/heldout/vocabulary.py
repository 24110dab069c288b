"""Hand-written vocabulary of the held-out text set: products, colours, adjectives, sentence templates.

Written for `make_heldout_set.py` without reference to the tuning set's generator. Every table lists its languages in
the order of `LANGUAGES`; one string per row holds the eight translations separated by `|`.
"""

LANGUAGES = ["en", "es", "de", "fr", "it", "ru", "zh", "ja"]


def row(text):
    parts = [part.strip() for part in text.split("|")]
    assert len(parts) == len(LANGUAGES), text
    return dict(zip(LANGUAGES, parts))


# Product nouns (the head keyword a registration's goods would list), by key.
PRODUCTS = {key: row(text) for key, text in {
    # Goods of the registered brands.
    "sneakers": "running shoes | zapatillas | Laufschuhe | baskets | scarpe sportive | кроссовки | 运动鞋 | スニーカー",
    "sports_tee": "sports shirt | camiseta deportiva | Sportshirt | maillot de sport | maglia sportiva | спортивная футболка | 运动T恤 | スポーツTシャツ",
    "drill": "cordless drill | taladro | Akkubohrer | perceuse | trapano | дрель | 电钻 | 電動ドリル",
    "grinder": "angle grinder | amoladora | Winkelschleifer | meuleuse | smerigliatrice | болгарка | 角磨机 | グラインダー",
    "yoga_mat": "yoga mat | esterilla de yoga | Yogamatte | tapis de yoga | tappetino yoga | фитнес-коврик | 瑜伽垫 | ヨガマット",
    "resistance_band": "resistance band | banda elástica | Fitnessband | bande élastique | elastico fitness | фитнес-резинка | 弹力带 | トレーニングチューブ",
    "blender": "blender | licuadora | Standmixer | mixeur | frullatore | блендер | 搅拌机 | ミキサー",
    "air_fryer": "air fryer | freidora de aire | Heißluftfritteuse | friteuse sans huile | friggitrice ad aria | аэрогриль | 空气炸锅 | ノンフライヤー",
    "paint_set": "acrylic paint set | pinturas acrílicas | Acrylfarben | peinture acrylique | colori acrilici | акриловые краски | 丙烯颜料 | アクリル絵の具",
    "sketchbook": "sketchbook | cuaderno de dibujo | Skizzenbuch | carnet de croquis | album da disegno | скетчбук | 素描本 | スケッチブック",
    "face_powder": "face powder | polvo facial | Gesichtspuder | poudre libre | cipria | пудра | 散粉 | フェイスパウダー",
    "lipstick": "lipstick | barra de labios | Lippenstift | rouge à lèvres | rossetto | помада | 口红 | 口紅",
    "smartwatch": "smartwatch | reloj inteligente | Smartwatch | montre connectée | smartwatch | смарт-часы | 智能手表 | スマートウォッチ",
    "fitness_tracker": "fitness tracker | pulsera de actividad | Fitness-Tracker | bracelet connecté | braccialetto fitness | фитнес-браслет | 运动手环 | 活動量計",
    "action_camera": "action camera | cámara deportiva | Action-Cam | caméra sport | videocamera sportiva | экшн-камера | 运动相机 | アクションカメラ",
    "headphones": "headphones | auriculares de diadema | Kopfhörer | casque audio | cuffie | наушники | 头戴式耳机 | ヘッドホン",
    "earbuds": "wireless earbuds | auriculares inalámbricos | In-Ear-Kopfhörer | écouteurs sans fil | auricolari wireless | беспроводные наушники | 无线耳机 | ワイヤレスイヤホン",
    "speaker": "bluetooth speaker | altavoz bluetooth | Bluetooth-Lautsprecher | enceinte bluetooth | cassa bluetooth | портативная колонка | 蓝牙音箱 | スピーカー",
    "tent": "camping tent | tienda de campaña | Campingzelt | tente de camping | tenda da campeggio | палатка | 帐篷 | テント",
    "rain_jacket": "rain jacket | chaqueta impermeable | Regenjacke | veste imperméable | giacca impermeabile | ветровка | 冲锋衣 | レインジャケット",
    "boots": "leather boots | botas de cuero | Lederstiefel | bottes en cuir | stivali in pelle | кожаные ботинки | 皮靴 | レザーブーツ",
    "loafers": "loafers | mocasines | Slipper | mocassins | mocassini | лоферы | 休闲皮鞋 | ローファー",
    "pillow": "pillow | almohada | Kopfkissen | oreiller | cuscino | подушка | 枕头 | 枕",
    "duvet": "duvet | edredón | Bettdecke | couette | piumino | одеяло | 被子 | 掛け布団",
    "stroller": "baby stroller | cochecito | Kinderwagen | poussette | passeggino | детская коляска | 婴儿车 | ベビーカー",
    "dress": "dress | vestido | Kleid | robe | vestito | платье | 连衣裙 | ワンピース",
    "blouse": "blouse | blusa | Bluse | chemisier | camicetta | блузка | 衬衫 | ブラウス",
    "necklace": "necklace | collar | Halskette | collier | collana | колье | 项链 | ネックレス",
    "bracelet": "bangle | brazalete | Armreif | jonc | bracciale rigido | браслет | 手镯 | バングル",
    "handbag": "handbag | bolso | Handtasche | sac à main | borsa | сумка | 手提包 | ハンドバッグ",
    "shoulder_bag": "shoulder bag | bandolera | Umhängetasche | sac bandoulière | borsa a tracolla | сумка через плечо | 单肩包 | ショルダーバッグ",
    "tea_set": "tea set | juego de té | Teeservice | service à thé | servizio da tè | чайный сервиз | 茶具套装 | 茶器セット",
    "teapot": "teapot | tetera | Teekanne | théière | teiera | заварочный чайник | 茶壶 | 急須",
    "kettle": "electric kettle | hervidor eléctrico | Wasserkocher | bouilloire électrique | bollitore elettrico | электрочайник | 电热水壶 | 電気ケトル",
    "drone": "drone | dron | Drohne | drone | drone | квадрокоптер | 无人机 | ドローン",
    "wristwatch": "wristwatch | reloj de pulsera | Armbanduhr | montre bracelet | orologio da polso | наручные часы | 手表 | 腕時計",
    "electric_fan": "electric fan | ventilador | Ventilator | ventilateur | ventilatore | вентилятор | 电扇 | 扇風機",
    "towel": "bath towel | toalla de baño | Badetuch | serviette de bain | telo bagno | банное полотенце | 浴巾 | バスタオル",
    # Accessories (fair use: sold for another brand's goods).
    "shoelaces": "shoelaces | cordones | Schnürsenkel | lacets | lacci | шнурки | 鞋带 | 靴ひも",
    "insoles": "insoles | plantillas | Einlegesohlen | semelles | solette | стельки | 鞋垫 | インソール",
    "drill_bits": "drill bit set | juego de brocas | Bohrer-Set | jeu de forets | set di punte | набор свёрл | 钻头套装 | ドリルビットセット",
    "battery": "battery pack | batería | Akku | batterie | batteria | аккумулятор | 电池 | バッテリー",
    "charger": "charging cable | cable de carga | Ladekabel | câble de charge | cavo di ricarica | зарядный кабель | 充电线 | 充電ケーブル",
    "watch_band": "watch band | correa | Armband | bracelet de montre | cinturino | ремешок | 表带 | 交換バンド",
    "ear_tips": "silicone ear tips | almohadillas de silicona | Silikon-Ohrstöpsel | embouts en silicone | gommini in silicone | амбушюры | 硅胶耳塞套 | イヤーピース",
    "ear_pads": "ear pads | almohadillas | Ohrpolster | coussinets | cuscinetti | амбушюры накладные | 耳罩海绵 | イヤーパッド",
    "carry_case": "carrying case | funda de transporte | Schutzhülle | étui de transport | custodia | чехол | 收纳包 | 収納ケース",
    "mount": "helmet mount | soporte para casco | Helmhalterung | fixation casque | supporto casco | крепление на шлем | 头盔支架 | ヘルメットマウント",
    "propellers": "propellers | hélices | Propeller | hélices | eliche | пропеллеры | 螺旋桨 | プロペラ",
    "remote": "remote control | mando a distancia | Fernbedienung | télécommande | telecomando | пульт | 遥控器 | リモコン",
    "filter": "filter | filtro | Filter | filtre | filtro | фильтр | 滤网 | フィルター",
    "pillowcase": "pillowcase | funda de almohada | Kissenbezug | taie d'oreiller | federa | наволочка | 枕套 | 枕カバー",
    "rain_cover": "rain cover | burbuja de lluvia | Regenschutz | habillage pluie | parapioggia | дождевик | 防雨罩 | レインカバー",
    "tent_pegs": "tent pegs | piquetas | Heringe | sardines | picchetti | колышки | 地钉 | ペグ",
    "bag_strap": "bag strap | correa de bolso | Taschengurt | bandoulière | tracolla | ремень для сумки | 包带 | ショルダーストラップ",
    "chain_extender": "chain extender | extensor de cadena | Kettenverlängerung | rallonge de chaîne | prolunga catena | удлинитель цепочки | 延长链 | アジャスターチェーン",
    "brush_set": "brush set | set de pinceles | Pinselset | set de pinceaux | set di pennelli | набор кистей | 画笔套装 | 筆セット",
    "powder_puff": "powder puff | borla | Puderquaste | houppette | piumino da cipria | спонж | 粉扑 | パフ",
    "fryer_liners": "parchment liners | papel para freidora | Backpapier-Einlagen | papier de cuisson | carta forno | бумага для аэрогриля | 烘焙纸 | クッキングシート",
    "blender_jar": "blender jar | vaso de licuadora | Mixbehälter | bol mixeur | caraffa | чаша для блендера | 搅拌杯 | ミキサー容器",
    "kettle_lid": "kettle lid | tapa | Deckel | couvercle | coperchio | крышка | 壶盖 | ふた",
    "garment_bag": "garment bag | funda para ropa | Kleidersack | housse à vêtements | copriabito | чехол для одежды | 防尘罩 | 衣類カバー",
    "jewelry_box": "jewelry box | joyero | Schmuckkästchen | boîte à bijoux | portagioie | шкатулка | 首饰盒 | ジュエリーボックス",
    "tea_strainer": "tea strainer | colador de té | Teesieb | passoire à thé | colino da tè | ситечко | 茶漏 | 茶こし",
    # Goods of nobody here: ordinary listings and common words on other goods.
    "poster": "poster | póster | Poster | affiche | poster | постер | 海报 | ポスター",
    "seeds": "seeds | semillas | Samen | graines | semi | семена | 种子 | 種",
    "brooch": "brooch | broche | Brosche | broche | spilla | брошь | 胸针 | ブローチ",
    "capsules": "capsules | cápsulas | Kapseln | gélules | capsule | капсулы | 胶囊 | カプセル",
    "night_light": "night light | luz nocturna | Nachtlicht | veilleuse | luce notturna | ночник | 小夜灯 | ナイトライト",
    "wall_sticker": "wall sticker | vinilo decorativo | Wandtattoo | sticker mural | adesivo murale | наклейка на стену | 墙贴 | ウォールステッカー",
    "bird_feeder": "bird feeder | comedero para pájaros | Vogelhäuschen | mangeoire | mangiatoia | кормушка | 喂鸟器 | バードフィーダー",
    "hair_clip": "hair clip | pinza de pelo | Haarspange | barrette | fermaglio | заколка | 发夹 | ヘアクリップ",
    "greeting_card": "greeting card | tarjeta | Grußkarte | carte de vœux | biglietto | открытка | 贺卡 | グリーティングカード",
    "garden_ornament": "garden ornament | adorno de jardín | Gartendeko | décoration de jardin | decorazione da giardino | садовая фигура | 花园摆件 | ガーデンオーナメント",
    "candle": "scented candle | vela aromática | Duftkerze | bougie parfumée | candela profumata | ароматическая свеча | 香薰蜡烛 | アロマキャンドル",
    "book": "book | libro | Buch | livre | libro | книга | 书 | 本",
    "phone_case": "phone case | funda de móvil | Handyhülle | coque | cover | чехол для телефона | 手机壳 | スマホケース",
    "mug": "coffee mug | taza | Kaffeebecher | mug | tazza | кружка | 马克杯 | マグカップ",
    "socks": "socks | calcetines | Socken | chaussettes | calzini | носки | 袜子 | 靴下",
    "keychain": "keychain | llavero | Schlüsselanhänger | porte-clés | portachiavi | брелок | 钥匙扣 | キーホルダー",
    "umbrella": "umbrella | paraguas | Regenschirm | parapluie | ombrello | зонт | 雨伞 | 傘",
    "water_bottle": "water bottle | botella de agua | Trinkflasche | gourde | borraccia | бутылка для воды | 水杯 | 水筒",
    "desk_lamp": "desk lamp | lámpara de escritorio | Schreibtischlampe | lampe de bureau | lampada da scrivania | настольная лампа | 台灯 | デスクライト",
    "puzzle": "jigsaw puzzle | rompecabezas | Puzzle | puzzle | puzzle | пазл | 拼图 | ジグソーパズル",
    "wool": "knitting yarn | lana | Strickgarn | laine | lana | пряжа | 毛线 | 毛糸",
    "popcorn": "popcorn | palomitas | Popcorn | pop-corn | popcorn | попкорн | 爆米花 | ポップコーン",
    "coffee": "coffee beans | café en grano | Kaffeebohnen | café en grains | caffè in grani | кофе в зёрнах | 咖啡豆 | コーヒー豆",
    "glassware": "wine glasses | copas de vino | Weingläser | verres à vin | calici | бокалы | 酒杯 | ワイングラス",
    "instrument": "musical instrument | instrumento musical | Musikinstrument | instrument de musique | strumento musicale | музыкальный инструмент | 乐器 | 楽器",
    "toy_blocks": "building blocks | bloques de construcción | Bausteine | blocs de construction | mattoncini | конструктор | 积木 | ブロック",
    "fishing_lure": "fishing lure | señuelo | Angelköder | leurre | esca artificiale | приманка | 路亚饵 | ルアー",
    "rope": "climbing rope | cuerda de escalada | Kletterseil | corde d'escalade | corda da arrampicata | верёвка | 登山绳 | ロープ",
    "ointment": "lip balm | bálsamo labial | Lippenbalsam | baume à lèvres | balsamo labbra | бальзам для губ | 润唇膏 | リップクリーム",
    "fridge": "portable fridge | nevera portátil | Kühlbox | glacière électrique | frigo portatile | автохолодильник | 车载冰箱 | ポータブル冷蔵庫",
}.items()}

COLORS = {
    "en": ["black", "white", "grey", "navy blue", "red", "beige", "olive green", "pink"],
    "es": ["negro", "blanco", "gris", "azul marino", "rojo", "beige", "verde oliva", "rosa"],
    "de": ["schwarz", "weiß", "grau", "marineblau", "rot", "beige", "olivgrün", "rosa"],
    "fr": ["noir", "blanc", "gris", "bleu marine", "rouge", "beige", "vert olive", "rose"],
    "it": ["nero", "bianco", "grigio", "blu navy", "rosso", "beige", "verde oliva", "rosa"],
    "ru": ["чёрный", "белый", "серый", "тёмно-синий", "красный", "бежевый", "оливковый", "розовый"],
    "zh": ["黑色", "白色", "灰色", "藏青色", "红色", "米色", "橄榄绿", "粉色"],
    "ja": ["ブラック", "ホワイト", "グレー", "ネイビー", "レッド", "ベージュ", "オリーブ", "ピンク"],
}

ADJECTIVES = {
    "en": ["lightweight", "durable", "portable", "soft", "waterproof", "compact", "elegant", "premium", "classic"],
    "es": ["ligero", "resistente", "portátil", "suave", "impermeable", "elegante", "clásico", "práctico"],
    "de": ["leicht", "robust", "tragbar", "weich", "wasserdicht", "elegant", "klassisch", "praktisch"],
    "fr": ["léger", "résistant", "portable", "doux", "imperméable", "élégant", "classique", "pratique"],
    "it": ["leggero", "resistente", "portatile", "morbido", "impermeabile", "elegante", "classico", "pratico"],
    "ru": ["лёгкий", "прочный", "удобный", "мягкий", "водонепроницаемый", "стильный", "классический", "практичный"],
    "zh": ["轻便", "耐用", "便携", "柔软", "防水", "精美", "经典", "实用", "百搭"],
    "ja": ["軽量", "丈夫", "コンパクト", "やわらか", "防水", "上品", "定番", "便利"],
}

# Short selling phrases that end some titles (no cue words: nothing about originality, copies or compatibility).
EXTRAS = {
    "en": ["2024 model", "gift idea", "unisex", "men's and women's", "free shipping", "large size", "set of 2"],
    "es": ["modelo 2024", "idea de regalo", "unisex", "envío gratis", "talla grande", "pack de 2"],
    "de": ["Modell 2024", "Geschenkidee", "unisex", "versandkostenfrei", "große Größe", "2er-Set"],
    "fr": ["modèle 2024", "idée cadeau", "unisexe", "livraison gratuite", "grande taille", "lot de 2"],
    "it": ["modello 2024", "idea regalo", "unisex", "spedizione gratuita", "taglia grande", "set da 2"],
    "ru": ["модель 2024", "идея подарка", "унисекс", "бесплатная доставка", "большой размер", "набор 2 шт"],
    "zh": ["2024新款", "送礼佳品", "男女同款", "包邮", "大码", "两件装", "现货速发"],
    "ja": ["2024年モデル", "ギフトに", "男女兼用", "送料無料", "大きいサイズ", "2個セット"],
}

# Ordinary titles: {product} {adj} {color} {extra} {tags}; the mark, when there is one, is placed by {m}.
TITLES = {
    "en": ["{m} {product} {adj} {color}", "{adj} {product} {m} - {extra}", "{m} {product}, {color}, {extra}",
           "New {m} {adj} {product} {tags}", "{color} {product} | {m} | {extra}", "{product} {m} {adj} {tags}"],
    "es": ["{m} {product} {adj} {color}", "{product} {adj} {m} - {extra}", "{m} {product}, {color}, {extra}",
           "Nuevo {product} {m} {tags}", "{product} {m} {color} {tags}"],
    "de": ["{m} {product} {adj} {color}", "{product} {m} - {extra}", "{m} {product}, {color}, {extra}",
           "{adj} {product} von {m} {tags}", "{product} {m} {color} {tags}"],
    "fr": ["{m} {product} {adj} {color}", "{product} {adj} {m} - {extra}", "{m} {product}, {color}, {extra}",
           "Nouveau {product} {m} {tags}", "{product} {m} {color} {tags}"],
    "it": ["{m} {product} {adj} {color}", "{product} {adj} {m} - {extra}", "{m} {product}, {color}, {extra}",
           "Nuovo {product} {m} {tags}", "{product} {m} {color} {tags}"],
    "ru": ["{m} {product} {adj} {color}", "{product} {m} {adj} - {extra}", "{m} {product}, {color}, {extra}",
           "Новинка {product} {m} {tags}", "{product} {m} {color} {tags}"],
    "zh": ["{m}{product}{adj}{color}", "{m} {product} {extra}", "【{m}】{product}{color}{extra}",
           "{extra}{m}{product}{adj}", "{m}{product} {tags}"],
    "ja": ["{m} {product} {adj} {color}", "【{m}】{product} {extra}", "{product} {m} {color} {tags}",
           "{m} {adj}{product} {extra}"],
}

# The same without the mark (description-only uses, copies, ordinary listings).
PLAIN_TITLES = {
    "en": ["{adj} {product} {color}", "{product} - {adj}, {extra}", "{color} {product} {tags}", "{adj} {product} {extra}"],
    "es": ["{product} {adj} {color}", "{product} - {extra}", "{product} {color} {tags}"],
    "de": ["{product} {adj} {color}", "{product} - {extra}", "{adj} {product} {tags}"],
    "fr": ["{product} {adj} {color}", "{product} - {extra}", "{product} {color} {tags}"],
    "it": ["{product} {adj} {color}", "{product} - {extra}", "{product} {color} {tags}"],
    "ru": ["{product} {adj} {color}", "{product} - {extra}", "{product} {color} {tags}"],
    "zh": ["{product}{adj}{color}{extra}", "{extra}{product}{adj}", "{product} {color} {tags}"],
    "ja": ["{product} {adj} {color}", "{product} {extra}", "{adj}{product} {tags}"],
}

# Ordinary description sentences.
SENTENCES = {
    "en": ["This {product} is {adj} and easy to use every day.", "Available in {color}.",
           "Package includes one {product} and a user guide.", "Material: {material}.",
           "Ships within {n} business days.", "A thoughtful gift for family and friends.",
           "Colours may differ slightly from the photos because of lighting.", "Size: {size}."],
    "es": ["Este {product} es {adj} y fácil de usar.", "Disponible en color {color}.",
           "El paquete incluye un {product}.", "Material: {material}.", "Envío en {n} días hábiles.",
           "Un regalo perfecto para la familia.", "El color puede variar ligeramente.", "Medidas: {size}."],
    "de": ["Dieses {product} ist {adj} und einfach zu bedienen.", "Erhältlich in {color}.",
           "Lieferumfang: ein {product} und eine Anleitung.", "Material: {material}.",
           "Versand innerhalb von {n} Werktagen.", "Ein schönes Geschenk für Familie und Freunde.",
           "Farben können leicht abweichen.", "Größe: {size}."],
    "fr": ["Ce {product} est {adj} et facile à utiliser.", "Disponible en {color}.",
           "Le colis contient un {product}.", "Matière : {material}.", "Expédié sous {n} jours ouvrés.",
           "Une belle idée cadeau pour toute la famille.", "Les couleurs peuvent varier légèrement.",
           "Dimensions : {size}."],
    "it": ["Questo {product} è {adj} e facile da usare.", "Disponibile in {color}.",
           "La confezione include un {product}.", "Materiale: {material}.", "Spedizione in {n} giorni lavorativi.",
           "Un regalo perfetto per tutta la famiglia.", "I colori possono variare leggermente.", "Misure: {size}."],
    "ru": ["Этот товар ({product}) {adj} и прост в использовании.", "Цвет: {color}.",
           "В комплекте: {product} и инструкция.", "Материал: {material}.", "Отправка в течение {n} рабочих дней.",
           "Отличный подарок для родных и друзей.", "Цвет может немного отличаться от фото.", "Размер: {size}."],
    "zh": ["这款{product}{adj}，日常使用很方便。", "颜色：{color}。", "包装内含{product}一件及说明书。",
           "材质：{material}。", "{n}天内发货。", "送给家人朋友的好礼物。", "因光线原因，颜色可能略有差异。", "尺寸：{size}。"],
    "ja": ["この{product}は{adj}で毎日使いやすいです。", "カラー：{color}。", "{product}本体と説明書が付属します。",
           "素材：{material}。", "{n}営業日以内に発送します。", "ご家族やご友人へのプレゼントに。",
           "撮影環境により実物と色が異なる場合があります。", "サイズ：{size}。"],
}

MATERIALS = {
    "en": ["cotton", "stainless steel", "ABS plastic", "aluminium", "polyester", "silicone", "leather"],
    "es": ["algodón", "acero inoxidable", "plástico ABS", "aluminio", "poliéster", "silicona", "cuero"],
    "de": ["Baumwolle", "Edelstahl", "ABS-Kunststoff", "Aluminium", "Polyester", "Silikon", "Leder"],
    "fr": ["coton", "acier inoxydable", "plastique ABS", "aluminium", "polyester", "silicone", "cuir"],
    "it": ["cotone", "acciaio inox", "plastica ABS", "alluminio", "poliestere", "silicone", "pelle"],
    "ru": ["хлопок", "нержавеющая сталь", "ABS-пластик", "алюминий", "полиэстер", "силикон", "кожа"],
    "zh": ["纯棉", "不锈钢", "ABS塑料", "铝合金", "涤纶", "硅胶", "真皮"],
    "ja": ["綿", "ステンレス", "ABS樹脂", "アルミ", "ポリエステル", "シリコン", "本革"],
}

SIZES = ["S / M / L / XL", "36-45", "30 x 20 x 10 cm", "500 ml", "1.2 L", "2 m", "45 x 70 cm", "10 cm"]

# A tag line that sellers append to descriptions, filled with common words of the language.
TAG_LINES = {"en": "Tags: {tags}", "es": "Etiquetas: {tags}", "de": "Stichwörter: {tags}", "fr": "Mots-clés : {tags}",
             "it": "Parole chiave: {tags}", "ru": "Теги: {tags}", "zh": "关键词：{tags}", "ja": "キーワード：{tags}"}

# Sentences of a brand's registered product copy: denser in particulars than ordinary descriptions.
COPY_SENTENCES = {
    "en": ["Every {m} {product} starts as a sketch in our workshop and is tested for {n} weeks before it ships.",
           "We chose {material} because it keeps its shape after years of daily use and still feels good in the hand.",
           "The {color} finish is applied in three thin layers, then cured slowly so it does not chip or fade.",
           "Our designers spent {n} months reshaping the grip, the seams and the small details you only notice later.",
           "Each piece is checked by hand at the end of the line, and anything less than perfect is set aside.",
           "{m} believes good things should be mended, not thrown away, so parts stay available for ten years.",
           "Light enough to carry all day, strong enough for the weekend, and quiet enough to forget it is there.",
           "Care is simple: wipe with a damp cloth, let it dry in the shade and store it away from direct heat.",
           "The packaging is recycled card printed with plant inks, and there is no plastic inside the box.",
           "Join the {m} community and share where your {product} has taken you this season."],
    "es": ["Cada {product} {m} nace como un boceto en nuestro taller y se prueba durante {n} semanas antes del envío.",
           "Elegimos {material} porque conserva su forma tras años de uso diario y resulta agradable al tacto.",
           "El acabado {color} se aplica en tres capas finas y se seca despacio para que no se agriete ni pierda color.",
           "Nuestro equipo revisa a mano cada pieza al final de la línea y aparta todo lo que no es perfecto.",
           "En {m} creemos que las cosas buenas se reparan, por eso las piezas siguen disponibles durante diez años.",
           "El embalaje es de cartón reciclado impreso con tintas vegetales, sin nada de plástico en la caja."],
    "de": ["Jedes {product} von {m} beginnt als Skizze in unserer Werkstatt und wird {n} Wochen lang getestet.",
           "Wir haben {material} gewählt, weil es auch nach Jahren täglicher Nutzung seine Form behält.",
           "Die Oberfläche in {color} wird in drei dünnen Schichten aufgetragen und langsam ausgehärtet.",
           "Am Ende der Linie prüfen wir jedes Stück von Hand und sortieren alles aus, was nicht makellos ist.",
           "Bei {m} werden gute Dinge repariert statt weggeworfen, deshalb gibt es Einzelteile zehn Jahre lang.",
           "Die Verpackung besteht aus Recyclingkarton, bedruckt mit Pflanzenfarben, ganz ohne Plastik."],
    "fr": ["Chaque {product} {m} naît d'un croquis dans notre atelier et il est testé pendant {n} semaines.",
           "Nous avons choisi {material} parce qu'il garde sa forme après des années d'usage quotidien.",
           "La finition {color} est appliquée en trois couches fines puis séchée lentement pour ne pas s'écailler.",
           "Chaque pièce est contrôlée à la main en fin de chaîne et tout défaut est écarté.",
           "Chez {m}, on répare plutôt que de jeter : les pièces détachées restent disponibles dix ans.",
           "L'emballage est en carton recyclé imprimé avec des encres végétales, sans aucun plastique."],
    "it": ["Ogni {product} {m} nasce da uno schizzo nel nostro laboratorio e viene testato per {n} settimane.",
           "Abbiamo scelto {material} perché mantiene la forma dopo anni di uso quotidiano.",
           "La finitura {color} è applicata in tre strati sottili e asciugata lentamente perché non si scheggi.",
           "Ogni pezzo viene controllato a mano a fine linea e ciò che non è perfetto viene scartato.",
           "Per {m} le cose belle si riparano: i pezzi restano disponibili per dieci anni.",
           "La confezione è in cartone riciclato stampato con inchiostri vegetali, senza plastica."],
    "ru": ["Каждая модель {m} ({product}) начинается с эскиза в нашей мастерской и проходит испытания {n} недель.",
           "Мы выбрали материал «{material}», потому что он сохраняет форму после многих лет ежедневного использования.",
           "Покрытие цвета «{color}» наносится в три тонких слоя и медленно сушится, чтобы не трескаться.",
           "В конце линии каждое изделие проверяют вручную, а всё неидеальное откладывают.",
           "В {m} считают, что хорошие вещи нужно чинить, поэтому запчасти доступны десять лет.",
           "Упаковка сделана из переработанного картона и напечатана растительными красками, без пластика."],
    "zh": ["每一件{m}{product}都从工作室里的一张草图开始，出厂前要经过{n}周的测试。",
           "我们选用{material}，因为它在多年日常使用后依然保持原有形状，手感舒适。",
           "{color}表面分三层薄涂，再慢慢固化，不易剥落也不易褪色。",
           "每一件产品在生产线末端都由人工逐一检查，有瑕疵的一律挑出。",
           "{m}相信好东西值得修理而不是丢弃，所以配件供应长达十年。",
           "包装采用再生纸板和植物油墨印刷，盒内没有任何塑料。"],
    "ja": ["{m}の{product}は、工房での一枚のスケッチから生まれ、出荷前に{n}週間のテストを重ねています。",
           "素材には{material}を選びました。何年使っても形がくずれず、手になじむからです。",
           "{color}の仕上げは薄く三層に重ね、ゆっくり乾かすことで、はがれや色あせを防ぎます。",
           "ラインの最後で一つひとつ手作業で検品し、少しでも気になるものは出荷しません。",
           "{m}は、良いものは直して長く使うべきだと考え、修理部品を十年間ご用意しています。",
           "パッケージは再生紙と植物性インクで作られ、箱の中にプラスチックは使っていません。"],
}

# Fair use: the mark names the goods an accessory is sold for. {acc} accessory, {m} mark, {product} the brand's goods.
FAIR_USE = {
    "compatible": {
        "en": ["{acc} compatible with {m} {product}", "{adj} {acc}, compatible with {m}", "Compatible with {m}: {acc} {color}"],
        "es": ["{acc} compatible con {m} {product}", "{acc} {color} compatible con {m}"],
        "de": ["{acc} kompatibel mit {m} {product}", "{acc} {color}, kompatibel mit {m}"],
        "fr": ["{acc} compatible avec {m} {product}", "{acc} {color} compatible avec {m}"],
        "it": ["{acc} compatibile con {m} {product}", "{acc} {color} compatibile con {m}"],
        "ru": ["{acc} совместимый с {m} {product}", "{acc} {color}, совместим с {m}"],
        "zh": ["{acc}兼容{m}{product}", "兼容{m}的{acc}{color}"],
        "ja": ["{m}互換 {acc} {color}", "{acc} {m} {product}互換"],
    },
    "for": {
        "en": ["{acc} for {m} {product}", "{acc} for {m} devices, {color}", "{adj} {acc} for {m}"],
        "es": ["{acc} para {m} {product}", "{acc} {color} para {m}"],
        "de": ["{acc} für {m} {product}", "{acc} für {m} Geräte, {color}"],
        "fr": ["{acc} pour {m} {product}", "{acc} {color} pour appareils {m}"],
        "it": ["{acc} per {m} {product}", "{acc} {color} per dispositivi {m}"],
        "ru": ["{acc} для {m} {product}", "{acc} {color} для {m}"],
        "zh": ["适用于{m}{product}的{acc}", "{m}{product}专用{acc}"],
        "ja": ["{m}用 {acc} {color}", "{m} {product}対応 {acc}"],
    },
    "replacement": {
        "en": ["Replacement {acc} for {m} {product}", "{m} replacement {acc}, {color}", "Spare {acc} to replace the {m} part"],
        "es": ["{acc} de repuesto para {m} {product}", "Recambio {acc} para {m}"],
        "de": ["Ersatz-{acc} für {m} {product}", "{acc} als Ersatz für {m}"],
        "fr": ["{acc} de rechange pour {m} {product}", "{acc} de remplacement pour {m}"],
        "it": ["{acc} di ricambio per {m} {product}", "Ricambio {acc} per {m}"],
        "ru": ["Сменный {acc} для {m} {product}", "Замена: {acc} для {m}"],
        "zh": ["{m}{product}替换{acc}", "{acc}（可替换{m}配件）"],
        "ja": ["{m} {product} 交換用{acc}", "{acc} {m}交換用"],
    },
    "fits": {
        "en": ["{acc} fits {m} {product}", "{adj} {acc} - fits {m} models", "Fits {m}: {acc} {color}"],
        "es": ["{acc} se adapta a {m} {product}", "{acc} {color} válido para {m}"],
        "de": ["{acc} passend für {m} {product}", "{acc} {color}, passt zu {m}"],
        "fr": ["{acc} adapté à {m} {product}", "{acc} {color}, s'adapte aux modèles {m}"],
        "it": ["{acc} adatto a {m} {product}", "{acc} {color} adatto ai modelli {m}"],
        "ru": ["{acc} подходит для {m} {product}", "{acc} {color}, подходит к {m}"],
        "zh": ["{acc}适配{m}{product}", "{color}{acc} 适配{m}"],
        "ja": ["{m} {product}に適合する{acc}", "{acc} {color}（{m}対応サイズ）"],
    },
}

# A disclaimer some resellers of accessories add.
DISCLAIMERS = {
    "en": "Third-party product, not made or endorsed by {m}.", "es": "Producto de terceros, no fabricado por {m}.",
    "de": "Drittanbieterprodukt, nicht von {m} hergestellt.", "fr": "Produit tiers, non fabriqué par {m}.",
    "it": "Prodotto di terze parti, non prodotto da {m}.", "ru": "Товар стороннего производителя, не {m}.",
    "zh": "本品为第三方配件，非{m}官方产品。", "ja": "本商品は{m}とは関係のない他社製品です。",
}

# The mark named in a description only (keyword stuffing and the like).
MENTIONS = {
    "en": ["This {m} {product} arrives ready to use.", "Search terms: {m} {product} {tags}", "The {m} {product} you know, now in {color}.", "#{m} #{tag}"],
    "es": ["Este {product} {m} llega listo para usar.", "Búsquedas: {m} {product} {tags}", "El {product} {m}, ahora en {color}."],
    "de": ["Dieses {m} {product} ist sofort einsatzbereit.", "Suchbegriffe: {m} {product} {tags}", "Das {m} {product}, jetzt in {color}."],
    "fr": ["Ce {product} {m} est prêt à l'emploi.", "Recherches : {m} {product} {tags}", "Le {product} {m}, maintenant en {color}."],
    "it": ["Questo {product} {m} è pronto all'uso.", "Ricerche: {m} {product} {tags}", "Il {product} {m}, ora in {color}."],
    "ru": ["{product} {m} готов к использованию.", "Поиск: {m} {product} {tags}", "{product} {m}, теперь в цвете {color}."],
    "zh": ["{m}{product}，开箱即用。", "搜索词：{m} {product} {tags}", "{m}{product}，{color}现货。"],
    "ja": ["{m}の{product}、届いてすぐ使えます。", "検索ワード：{m} {product} {tags}", "{m}の{product}、{color}が入荷しました。"],
}
