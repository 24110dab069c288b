"""Invented brands, marks, registered texts and hard look-alikes for make_set3.py (all names made up for this set)."""

# script: latin | cyrillic | han | kana.  native: languages whose listings use the registered mark as it is.
# translit: unregistered renderings in another script, per listing language.
BRANDS = [
    dict(name="Veltrano", marks=["VELTRANO", "ヴェルトラノ"], cat="espresso", script="latin", cls=11, jur="EU",
         translit={"ru": ["Вельтрано"], "zh": ["维尔特拉诺"]}),
    dict(name="Quorrix", marks=["QUORRIX"], cat="bikelight", script="latin", cls=11, jur="US",
         translit={"ru": ["Кворрикс"], "ja": ["クオリックス"]}),
    dict(name="Briskell", marks=["BRISKELL"], cat="runshoes", script="latin", cls=25, jur="US",
         translit={"ru": ["Брискелл"], "ja": ["ブリスケル"]}),
    dict(name="Morvina", marks=["MORVINA", "莫尔维娜"], cat="serum", script="latin", cls=3, jur="EU",
         translit={"ru": ["Морвина"], "ja": ["モルヴィナ"]}),
    dict(name="Talluk", marks=["TALLUK"], cat="backpack", script="latin", cls=18, jur="EU",
         translit={"ru": ["Таллук"], "ja": ["タルック"]}),
    dict(name="Zentriq", marks=["ZENTRIQ"], cat="headphones", script="latin", cls=9, jur="US",
         translit={"ru": ["Зентрик"], "ja": ["ゼントリック"]}),
    dict(name="Floraven", marks=["FLORAVEN"], cat="perfume", script="latin", cls=3, jur="EU",
         translit={"ru": ["Флоравен"], "ja": ["フロラヴェン"], "zh": ["芙萝雯"]}),
    dict(name="North Lantern", marks=["NORTH LANTERN"], cat="lantern", script="latin", cls=11, jur="US",
         translit={"ru": ["Норт Лантерн"], "ja": ["ノースランタン"]}),
    dict(name="Copper Finch", marks=["COPPER FINCH"], cat="knife", script="latin", cls=8, jur="US",
         translit={"ja": ["カッパーフィンチ"]}),
    dict(name="Iron Willow", marks=["IRON WILLOW"], cat="shears", script="latin", cls=8, jur="EU",
         translit={"ja": ["アイアンウィロー"]}),
    dict(name="VRX7", marks=["VRX7"], cat="drone", script="latin", cls=9, jur="US", translit={}),
    dict(name="QV8", marks=["QV8"], cat="powerbank", script="latin", cls=9, jur="CN", translit={}),
    dict(name="Kora5", marks=["KORA5"], cat="smartwatch", script="latin", cls=9, jur="EU", translit={"ru": ["Кора5"]}),
    dict(name="Damson", marks=["DAMSON"], cat="speaker", script="latin", cls=9, jur="US", common=True,
         translit={"ru": ["Дамсон"], "ja": ["ダムソン"]}),
    dict(name="Pangolin", marks=["PANGOLIN"], cat="jacket", script="latin", cls=25, jur="EU", common=True,
         translit={"ru": ["Панголин"], "ja": ["パンゴリン"]}),
    dict(name="Magpie", marks=["MAGPIE"], cat="drawtab", script="latin", cls=9, jur="US", common=True,
         translit={"ja": ["マグパイ"]}),
    dict(name="Velesta", marks=["ВЕЛЕСТА"], cat="facecream", script="cyrillic", cls=3, jur="RU",
         translit={l: ["Velesta"] for l in ["en", "de", "fr", "es", "it", "pl", "pt"]} | {"ja": ["ヴェレスタ"]}),
    dict(name="Kronvik", marks=["КРОНВИК"], cat="drill", script="cyrillic", cls=7, jur="RU",
         translit={l: ["Kronvik"] for l in ["en", "fr", "es", "it", "pt"]} | {"de": ["Kronwik", "Kronvik"], "pl": ["Kronwik"]}),
    dict(name="Snegir", marks=["СНЕГИРЬ"], cat="thermos", script="cyrillic", cls=21, jur="RU", common=True,
         translit={l: ["Snegir"] for l in ["en", "fr", "es", "it", "pt"]} | {"de": ["Snegir"], "pl": ["Snegir"]}),
    dict(name="Junlan", marks=["骏岚"], cat="teaset", script="han", cls=21, jur="CN",
         translit={l: ["Junlan", "Jun Lan"] for l in ["en", "de", "fr", "es", "it", "pl", "pt"]},
         traditional=["駿嵐"], homophone=["俊岚", "峻岚"]),
    dict(name="Xinghe", marks=["星禾"], cat="ricecooker", script="han", cls=11, jur="CN",
         translit={l: ["Xinghe", "XingHe"] for l in ["en", "de", "fr", "es", "it", "pl", "pt"]}, homophone=["星荷", "醒禾"]),
    dict(name="Moling", marks=["墨翎"], cat="pen", script="han", cls=16, jur="CN",
         translit={l: ["Moling", "Mo Ling"] for l in ["en", "de", "fr", "es", "it", "pl", "pt"]}, homophone=["墨玲", "默翎"]),
    dict(name="Kazamiru", marks=["カザミル"], cat="hairdryer", script="kana", cls=11, jur="JP",
         translit={l: ["Kazamiru", "KAZAMIRU"] for l in ["en", "de", "fr", "es", "it", "pl", "pt"]} | {"zh": ["卡扎米鲁"], "ru": ["Казамиру"]},
         kana_typos=["カサミル", "カザミレ", "カザニル"]),
    dict(name="Rufone", marks=["ルフォネ", "RUFONE"], cat="camera", script="kana", cls=9, jur="JP",
         translit={"ru": ["Руфоне"], "zh": ["露芙妮"]}, kana_typos=["ルフォナ", "ルホネ", "ルフォーネ"]),
    dict(name="Polonika", marks=["ポロニカ"], cat="blocks", script="kana", cls=28, jur="JP",
         translit={l: ["Poronika", "Polonika"] for l in ["en", "de", "fr", "es", "it", "pl", "pt"]} | {"ru": ["Пороника"]},
         kana_typos=["ポロニコ", "ボロニカ", "ポロミカ"]),
]

# Listing languages per script for marks used as registered.
NATIVE_LANGS = {"latin": ["en", "de", "fr", "es", "it", "pl", "pt", "ru", "zh", "ja"], "cyrillic": ["ru", "ru", "ru", "en"],
                "han": ["zh", "zh", "zh", "ja", "en"], "kana": ["ja", "ja", "ja", "zh", "en"]}

# Russian case forms for the Cyrillic marks (and fair use after для/с).
RU_FORMS = {
    "ВЕЛЕСТА": {"gen": "ВЕЛЕСТЫ", "ins": "ВЕЛЕСТОЙ", "other": ["ВЕЛЕСТУ", "ВЕЛЕСТЕ", "Велесты", "Велестой", "Велесту"]},
    "КРОНВИК": {"gen": "КРОНВИКА", "ins": "КРОНВИКОМ", "other": ["КРОНВИКУ", "КРОНВИКЕ", "Кронвика", "Кронвиком", "Кронвики"]},
    "СНЕГИРЬ": {"gen": "СНЕГИРЯ", "ins": "СНЕГИРЁМ", "other": ["СНЕГИРЮ", "СНЕГИРЕ", "Снегиря", "Снегирём", "Снегири"]},
}

# Registered texts (copyrighted product copy).  {lang, text}
TEXTS = {
    "Veltrano": ("en", "The VELTRANO Aria brings café-grade extraction to a kitchen counter. A dual thermoblock keeps the brew water at 93 degrees "
                 "while the steam wand is already hot, so a flat white takes less than ninety seconds from cold start. The 58 mm brass group "
                 "head holds temperature through back-to-back shots, and the pressure gauge on the front tells you when your grind is too fine. "
                 "Pre-infusion runs for four seconds at low pressure before the pump ramps up to nine bar. The removable drip tray slides out "
                 "from the front, and the 1.8 litre tank can be filled from above without moving the machine."),
    "Briskell": ("en", "Every pair of Briskell Tempo trainers is built around a supercritical foam midsole that returns more energy with each stride. "
                 "The engineered mesh upper is knitted in one piece with zoned ventilation above the toes and a firmer weave around the heel. "
                 "A rocker geometry rolls you forward at tempo pace, and the rubber outsole covers only the high-wear zones to keep the shoe under "
                 "240 grams in a men's size nine. Reflective heel tabs keep you visible on early morning runs."),
    "Zentriq": ("en", "ZENTRIQ Halo headphones listen to the room forty thousand times a second and cancel what you do not want to hear. "
                "Six microphones shape your voice on calls, even on a windy platform. Memory foam cushions wrapped in protein leather spread the "
                "pressure evenly, so you forget you are wearing them after an hour. One charge lasts a full week of commuting, and ten minutes on "
                "the cable gives you five more hours. Fold them flat into the slim case and they slide into a laptop sleeve."),
    "North Lantern": ("en", "Hang it from a tent loop, stand it on a picnic table or clip it to your pack: the North Lantern Ember spreads a warm, "
                      "flicker-free glow across the whole campsite. Turn the dial for anything from a soft night light to a full thousand lumens. "
                      "The frosted globe hides the LEDs, so nobody is dazzled across the fire. Its battery doubles as a power bank for your phone, "
                      "and the collapsible silicone body folds down to the size of a tin of beans."),
    "VRX7": ("en", "Fold the VRX7 arms out, press the button twice and it is in the air: no registration paperwork, because it weighs less than "
             "250 grams. The one-inch sensor on a three-axis gimbal records 5.4K video at thirty frames per second and keeps the horizon level "
             "in gusts up to force five. Obstacle sensing looks forward, backward and down. Each flight battery gives thirty-four minutes, and "
             "the return-to-home function brings the drone back to where it took off when the signal or the battery runs low."),
    "Talluk": ("de", "Der Talluk Fjellstig ist für lange Tage am Berg gemacht. Das Tragesystem lässt sich in der Rückenlänge stufenlos verstellen, "
               "und der gepolsterte Hüftgurt überträgt das Gewicht dorthin, wo es hingehört. Das Material aus recyceltem Nylon ist mit einer "
               "wasserabweisenden Beschichtung ohne PFC ausgerüstet. Über den umlaufenden Reißverschluss erreichen Sie jedes Teil im Hauptfach, "
               "ohne den Rucksack komplett auszupacken. Die integrierte Regenhülle sitzt in einem eigenen Fach am Boden."),
    "Velesta": ("ru", "Крем ВЕЛЕСТА Северное сияние создан для кожи, которая живёт при морозе и сухом воздухе отопления. Масло облепихи и "
                "экстракт морошки восстанавливают защитный барьер, а гиалуроновая кислота трёх размеров удерживает влагу в течение всего дня. "
                "Лёгкая текстура впитывается за минуту и не оставляет липкой плёнки. Крем подходит для чувствительной кожи и не содержит "
                "отдушек. Наносите утром и вечером на очищенную кожу лица и шеи."),
    "Xinghe": ("zh", "星禾智能电饭煲采用整体加热技术，内胆受热均匀，每一粒米都能煮得香软可口。三升容量适合三到五口之家，一次可煮六碗米饭。"
               "十二种烹饪模式覆盖米饭、杂粮、煲汤和蛋糕，预约功能让您下班回家就能吃上热饭。内胆采用食品级不粘涂层，清洗方便。"
               "保温时间长达二十四小时，米饭不干不硬。"),
    "Kazamiru": ("ja", "カザミルの速乾ドライヤーは、毎分十一万回転の高速モーターで、髪の根元まで大風量を届けます。"
                 "マイナスイオンが髪の広がりを抑え、乾かすだけでまとまりのある仕上がりに。"
                 "温度センサーが一秒間に二十回風の温度を測り、髪と頭皮を熱から守ります。"
                 "本体はわずか三百二十グラムで、毎日のヘアケアでも腕が疲れません。マグネット式ノズルは三種類付属しています。"),
    "Floraven": ("fr", "Floraven Nuit d'Orangers s'ouvre sur un éclat de néroli et de bergamote de Calabre, comme une fenêtre ouverte sur un jardin "
                 "du sud au crépuscule. Le cœur révèle la fleur d'oranger et un jasmin sambac lumineux, portés par une touche de poivre rose. "
                 "Le fond de musc blanc et de bois de santal laisse un sillage doux qui tient plus de huit heures sur la peau. Le flacon en verre "
                 "recyclé est orné d'un bouchon en bois de hêtre."),
}

# Hard innocents: (family, lang, title, category) — real words close to a mark, a mark's letters across word boundaries,
# ordinary-word marks on goods the brand does not cover.  {x} slots take a spec/colour filler.
HARD = [
    # near words (real words within one or two edits of a mark)
    ("near-word", "es", "Vestido de verano largo de lino {x}", "dress"), ("near-word", "es", "Sombrero de verano para playa {x}", "dress"),
    ("near-word", "it", "Cappello da veterano alpino {x}", "figurine"), ("near-word", "pt", "Vestido de verão veterano rock {x}", "tshirt"),
    ("near-word", "en", "Brisket knife 12 inch slicing {x}", "knife"), ("near-word", "en", "Walk briskly pedometer, step counter {x}", "smartwatch"),
    ("near-word", "en", "Brisket rub BBQ seasoning 250g {x}", "jam"), ("near-word", "en", "Marina blue running shoes for women {x}", "runshoes"),
    ("near-word", "en", "Morning face serum with vitamin C {x}", "serum"), ("near-word", "es", "Crema facial morena bronceadora {x}", "facecream"),
    ("near-word", "it", "Crema viso morbida con acido ialuronico {x}", "facecream"),
    ("near-word", "en", "Tall backpack 40L hiking {x}", "backpack"), ("near-word", "es", "Mochila talla grande de senderismo {x}", "backpack"),
    ("near-word", "es", "Taller de mochilas: mochila de trekking {x}", "backpack"), ("near-word", "en", "Tally counter for hikers {x}", "figurine"),
    ("near-word", "de", "Kopfhörer zentral steuerbar, kabellos {x}", "headphones"), ("near-word", "en", "Ego-centric noise cancelling headphones {x}", "headphones"),
    ("near-word", "de", "Zentrum Kopfhörer Set wireless {x}", "headphones"), ("near-word", "fr", "Parfum floral femme, eau de parfum florale {x}", "perfume"),
    ("near-word", "es", "Perfume floral, notas florales {x}", "perfume"), ("near-word", "en", "Dawson speaker stand walnut {x}", "speaker"),
    ("near-word", "fr", "Enceinte bluetooth maison connectée {x}", "speaker"), ("near-word", "en", "Mandolin case hard shell {x}", "figurine"),
    ("near-word", "en", "Angolan coffee beans 1kg {x}", "tea"), ("near-word", "fr", "Veste imperméable pingouin enfant {x}", "jacket"),
    ("near-word", "en", "Magic drawing tablet for kids LCD {x}", "drawtab"), ("near-word", "it", "Tavoletta grafica magia per bambini {x}", "drawtab"),
    ("near-word", "en", "Maple wood drawing tablet stand {x}", "drawtab"), ("near-word", "ru", "Платье невесты кружевное {x}", "dress"),
    ("near-word", "ru", "Подвязка невесты белая {x}", "dress"), ("near-word", "ru", "Крем для лица невеста сияние {x}", "facecream"),
    ("near-word", "ru", "Оберег Велеса, амулет латунь {x}", "figurine"), ("near-word", "ru", "Кронверк, постер Санкт-Петербург {x}", "poster"),
    ("near-word", "ru", "Дрель аккумуляторная кролик-принт кейс {x}", "drill"), ("near-word", "ru", "Кролик мягкая игрушка {x}", "plush"),
    ("near-word", "zh", "星河投影灯 卧室氛围灯 {x}", "candle"), ("near-word", "zh", "星河电饭煲内胆清洁刷 {x}", "ricecooker"),
    ("near-word", "zh", "骏马摆件 铜马 八骏图 {x}", "figurine"), ("near-word", "zh", "山岚云雾茶 高山绿茶 {x}", "tea"),
    ("near-word", "zh", "钢笔墨水 蓝黑色 墨水瓶 {x}", "ink"), ("near-word", "zh", "羽翎书签 金属 {x}", "figurine"),
    ("near-word", "zh", "宫崎骏 龙猫 装饰画 {x}", "poster"), ("near-word", "ja", "カモミール ハーブティー 50g {x}", "tea"),
    ("near-word", "ja", "ペッパーミル 電動 {x}", "mug"), ("near-word", "ja", "シフォン ワンピース ロング {x}", "dress"),
    ("near-word", "ja", "ベロニカ 苗 ブルー 3株 {x}", "sapling"), ("near-word", "ja", "ピアニカ 32鍵 子供用 {x}", "blocks"),
    ("near-word", "ja", "ハーモニカ 10穴 初心者 {x}", "figurine"), ("near-word", "ja", "ポロシャツ メンズ 半袖 {x}", "tshirt"),
    ("near-word", "en", "Quorum call bell, desk bell {x}", "figurine"), ("near-word", "en", "Beltran coffee mug 350 ml {x}", "mug"),
    ("near-word", "en", "Centric bike light mount adapter {x}", "bikelight"), ("near-word", "pl", "Sekator ogrodowy żelazny wierzbowy kosz {x}", "shears"),
    ("near-word", "en", "Korea travel power bank adapter {x}", "powerbank"), ("near-word", "en", "Core 5 smartwatch band {x}", "smartwatch"),
    ("near-word", "de", "Kopfhörer-Ständer Zentrale, Holz {x}", "headphones"), ("near-word", "pl", "Krem do twarzy Weles, ziołowy {x}", "facecream"),
    ("near-word", "it", "Profumo floreale, note florali {x}", "perfume"), ("near-word", "pt", "Perfume floral feminino, notas florais {x}", "perfume"),
    ("near-word", "pt", "Creme facial morena bronzeadora {x}", "facecream"), ("near-word", "pt", "Pelúcia pangolim {x}", "plush"),
    ("near-word", "it", "Cuffie wireless con archetto centrale imbottito {x}", "headphones"),
    ("common-word", "it", "Peluche pangolino {x}", "plush"), ("common-word", "it", "Statuina pangolino in ottone {x}", "figurine"),
    ("near-word", "it", "Tazza in ceramica blu marina {x}", "mug"), ("near-word", "pt", "Vestido de verão Marina {x}", "dress"),
    # the mark's letters across a word boundary
    ("boundary", "en", "Tall ukulele stand, foldable {x}", "ukulele"), ("boundary", "en", "Beaver dams on the river, art print {x}", "poster"),
    ("boundary", "en", "Flora Venice silk scarf {x}", "scarf"), ("boundary", "fr", "Foulard Flora Venise soie {x}", "scarf"),
    ("boundary", "en", "DVR X7 dash cam 4K front and rear {x}", "dashcam"), ("boundary", "de", "Dashcam DVR X7 mit Nachtsicht {x}", "dashcam"),
    ("boundary", "pl", "Kora 5-8 cm sosnowa ogrodowa 80 l {x}", "mulch"), ("boundary", "pl", "Kora sosnowa 2-4 cm, worek 50 l {x}", "mulch"),
    ("boundary", "en", "Madam Sonata wall clock {x}", "poster"),
    ("boundary", "zh", "水墨翎羽装饰画 新中式 {x}", "poster"), ("boundary", "zh", "流星禾雀挂画 {x}", "poster"),
    ("boundary", "en", "Top QV-8 filter for vacuum {x}", "vacfilter"),
    ("common-word", "en", "Copper-plated bird feeder with finch perch {x}", "birdfeeder"), ("near-word", "it", "Crema viso sali marini, marina {x}", "facecream"),
    # tokens that contain a short mark
    ("model-number", "en", "AQV812 vacuum filter replacement {x}", "vacfilter"), ("model-number", "de", "Filter für AQV80 Staubsauger {x}", "vacfilter"),
    ("model-number", "en", "VRX700 dash cam mount {x}", "dashcam"), ("model-number", "en", "Kora50 ceramic mug {x}", "mug"),
    ("model-number", "fr", "Mug KORA55 céramique {x}", "mug"), ("model-number", "en", "Phone case for LQV8X {x}", "phonecase"),
    ("model-number", "es", "Funda para móvil QV85 Lite {x}", "phonecase"), ("model-number", "pl", "Etui do telefonu VRX75 {x}", "phonecase"),
    ("model-number", "ru", "Чехол для телефона QV88 {x}", "phonecase"), ("model-number", "zh", "手机壳 适用QV80 {x}", "phonecase"),
    # ordinary-word marks on goods the brand does not cover
    ("common-word", "en", "Damson jam, homemade {x}", "jam"), ("common-word", "en", "Damson plum tree sapling {x}", "sapling"),
    ("common-word", "en", "Damson purple t-shirt {x}", "tshirt"), ("common-word", "de", "T-Shirt Farbe Damson {x}", "tshirt"),
    ("common-word", "en", "Damson gin label poster {x}", "poster"), ("common-word", "fr", "Robe couleur damson {x}", "dress"),
    ("common-word", "en", "Pangolin plush toy {x}", "plush"), ("common-word", "en", "Pangolin print t-shirt {x}", "tshirt"),
    ("common-word", "de", "Pangolin Plüschtier, Schuppentier {x}", "plush"), ("common-word", "en", "Brass pangolin figurine {x}", "figurine"),
    ("common-word", "es", "Peluche pangolin {x}", "plush"), ("common-word", "ru", "Панголин мягкая игрушка {x}", "plush"),
    ("common-word", "en", "Magpie bird feeder {x}", "birdfeeder"), ("common-word", "en", "Magpie Christmas ornament {x}", "ornament"),
    ("common-word", "en", "Two magpies art print poster {x}", "poster"), ("common-word", "en", "Magpie mug ceramic {x}", "mug"),
    ("common-word", "pl", "Plakat magpie, sroka {x}", "poster"), ("common-word", "ja", "マグパイ 刺繍 ポーチ {x}", "figurine"),
    ("common-word", "en", "Copper finch figurine garden {x}", "figurine"), ("common-word", "en", "Copper finch wind chime {x}", "ornament"),
    ("common-word", "en", "Wrought iron willow tree wall art {x}", "wallart"), ("common-word", "en", "Iron willow leaf candle holder {x}", "candle"),
    ("common-word", "en", "North lantern festival poster {x}", "poster"), ("common-word", "en", "Paper lantern, north star print {x}", "ornament"),
    ("common-word", "ru", "Снегирь ёлочная игрушка, стекло {x}", "ornament"), ("common-word", "ru", "Набор для вышивания Снегири на ветке {x}", "poster"),
    ("common-word", "ru", "Постер снегирь зимой {x}", "poster"), ("common-word", "ru", "Кружка со снегирём {x}", "mug"),
    ("common-word", "ru", "Носки шерстяные Снегирь {x}", "socks"), ("common-word", "ru", "Снегири, картина по номерам {x}", "poster"),
    ("common-word", "en", "Kora harp 21 strings {x}", "figurine"), ("common-word", "pl", "Kora dębowa do wędzenia {x}", "mulch"),
    ("common-word", "en", "Pangolin facts poster for kids {x}", "poster"), ("common-word", "en", "Damson & apple scented candle {x}", "candle"),
    ("common-word", "de", "Elster Magpie Vogelfutterhaus {x}", "birdfeeder"), ("common-word", "ru", "Снегирь, свеча ароматическая {x}", "candle"),
]
