/// The cue phrases Proofmark ships, in English, Spanish, German, French, Italian, Portuguese, Polish, Dutch, Russian,
/// Chinese and Japanese, as brand-protection analysts see them in listings.
extension ContextCueScanner {
    public static let defaultPhrases: [Phrase] =
        counterfeit.map { Phrase(text: $0, meaning: .counterfeit, placement: .anywhere) }
        + nominative.map { Phrase(text: $0, meaning: .fairUse, placement: .anywhere) }
        + nominativeBefore.map { Phrase(text: $0, meaning: .fairUse, placement: .beforeMark) }
        + nominativeAfter.map { Phrase(text: $0, meaning: .fairUse, placement: .afterMark) }

    /// Words sellers of fakes use to tell buyers what they get.
    static let counterfeit = [
        // English
        "replica", "replicas", "aaa", "aaa+", "aaaa", "1:1", "1 :1", "1: 1", "mirror quality", "mirror copy", "dupe",
        "dupes", "inspired by", "super copy", "supercopy", "high copy", "top copy", "1:1 copy", "knockoff",
        "knock-off", "knock off", "imitation", "unbranded copy", "same as original",
        "master copy", "grade aaa", "ua quality", "best version",
        // Spanish
        "réplica", "réplicas", "imitación", "copia", "copia exacta", "calidad espejo", "inspirado en",
        "inspirada en", "falsificación", "clon",
        // German
        "replik", "replika", "imitat", "nachbildung", "nachahmung", "fälschung", "spiegelqualität",
        "inspiriert von", "kopie", "plagiat",
        // French, Italian, Portuguese
        "réplique", "contrefaçon", "copie", "inspiré de", "qualité miroir", "replica perfetta", "imitazione",
        "réplica perfeita", "imitação", "primeira linha",
        // Polish
        "podróbka", "imitacja", "kopia",
        // Russian
        "реплика", "копия", "люкс копия", "подделка", "качество люкс", "зеркальное качество", "1в1", "1 в 1",
        "оригинальное качество", "паль",
        // Chinese
        "高仿", "复刻", "一比一", "1比1", "原单", "精仿", "仿品", "莆田", "超a", "顶级复刻", "原版复刻", "同款", "a货",
        "仿牌", "高品质复刻",
        // Japanese
        "コピー品", "スーパーコピー", "レプリカ", "偽物", "n級", "s級", "ノーブランド品", "韓国製コピー", "1:1品質",
    ]

    /// How one language says that a product is made for another brand's goods, by what it says: the table the
    /// nominative cues are built from. Phrases count anywhere in the field, except `beforeMark` and `afterMark`:
    /// the short words ("for", "do", 用) that mean fair use only right before or after a mark.
    struct NominativeCues: Sendable {
        var language: String
        var compatibleWith: [String]
        var worksWith: [String]
        var fits: [String]
        var suitableFor: [String]
        var replacementFor: [String]
        /// "Not made by", "not affiliated with", "third-party".
        var disclaimers: [String]
        /// "For" as in "case for ZOLTA Z5", and phrases that also have an everyday sense ("adapté à tous types de
        /// peau", "pasuje do wszystkiego"): they count only right before a mark (a model number may stand between).
        var beforeMark: [String] = []
        /// "ZOLTA用", "ZOLTA対応": counts only right after a mark.
        var afterMark: [String] = []

        var anywhere: [String] { compatibleWith + worksWith + fits + suitableFor + replacementFor + disclaimers }
    }

    /// The nominative cues of every language Proofmark reads.
    static let nominativeCues: [NominativeCues] = [
        NominativeCues(
            language: "en",
            compatibleWith: ["compatible with", "compatible for", "compatible", "compatible w/"],
            worksWith: ["works with", "works for", "for use with", "for use on"],
            fits: ["fits for", "made to fit", "designed to fit", "fits models"],
            suitableFor: [
                "suitable for", "designed for", "made for", "for models", "for devices", "accessory for",
                "accessories for",
            ],
            replacementFor: [
                "replacement for", "replacement", "to replace the", "replaces the", "spare part for", "spare for",
            ],
            disclaimers: [
                "not made by", "not affiliated with", "not affiliated", "not endorsed by", "not an official",
                "aftermarket", "third-party", "third party",
            ],
            beforeMark: ["for", "fits", "fit", "fits the", "for the"]),
        NominativeCues(
            language: "es",
            compatibleWith: ["compatible con", "compatibles con"],
            worksWith: ["funciona con", "para usar con"],
            fits: ["se adapta a", "se adapta al"],
            suitableFor: ["apto para", "diseñado para", "para modelos", "para dispositivos"],
            replacementFor: ["repuesto para", "recambio para", "reemplazo para", "reemplazo de"],
            disclaimers: ["no afiliado", "no oficial", "no fabricado por", "no fabricada por", "de terceros"],
            beforeMark: ["para", "adaptado a", "adaptable a", "válido para"]),
        NominativeCues(
            language: "de",
            compatibleWith: ["kompatibel mit", "kompatibel"],
            worksWith: ["funktioniert mit"],
            fits: ["passend für", "passend zu", "passt zu", "passt für"],
            suitableFor: ["geeignet für", "zubehör für", "für modelle", "für geräte"],
            replacementFor: ["ersatz für", "ersatzteil", "als ersatz"],
            disclaimers: ["nicht von", "kein originalprodukt", "kein originalteil", "drittanbieter"],
            beforeMark: ["für", "fur", "passt auf"]),
        NominativeCues(
            language: "fr",
            compatibleWith: ["compatible avec", "compatibles avec"],
            worksWith: ["fonctionne avec"],
            fits: ["s'adapte à", "s'adapte aux", "s’adapte aux", "s’adapte à"],
            suitableFor: ["pour modèles", "aux modèles"],
            replacementFor: ["remplacement pour", "de remplacement", "rechange pour", "de rechange"],
            disclaimers: ["non fabriqué par", "non fabriquée par", "non affilié", "accessoire générique"],
            beforeMark: [
                "pour", "adapté à", "adaptée à", "adaptés à", "adaptées à", "adapté aux", "adaptée aux", "adaptés aux",
                "adaptées aux", "adapté pour", "convient à", "convient aux", "convient pour",
            ]),
        NominativeCues(
            language: "it",
            compatibleWith: ["compatibile con", "compatibili con", "compatibile"],
            worksWith: ["funziona con"],
            fits: ["adatto a", "adatto ai"],
            suitableFor: ["adatto per", "per dispositivi", "per modelli"],
            replacementFor: ["ricambio per", "di ricambio", "in sostituzione di", "sostituisce"],
            disclaimers: ["non prodotto da", "non originale", "di terze parti"],
            beforeMark: ["per", "adatta a", "adatti a", "adatto al", "adatto alla"]),
        NominativeCues(
            language: "pt",
            compatibleWith: ["compatível com", "compatíveis com", "compatível"],
            worksWith: ["funciona com"],
            fits: ["serve em"],
            suitableFor: ["adequado para", "para aparelhos"],
            replacementFor: ["substituição para", "reposição para", "de reposição"],
            disclaimers: ["não fabricado por", "não fabricada pela", "não fabricado pela", "não original"],
            beforeMark: ["para", "serve no", "serve na"]),
        NominativeCues(
            language: "pl",
            compatibleWith: [
                "kompatybilny z", "kompatybilna z", "kompatybilne z", "kompatybilnych z", "kompatybilny",
                "kompatybilna", "kompatybilne",
            ],
            worksWith: ["współpracuje z", "działa z"],
            fits: [],
            suitableFor: [],
            replacementFor: ["zamiennik", "zamienny", "zamienne"],
            disclaimers: ["nie jest produktem", "nieoryginalny", "nieoryginalna"],
            beforeMark: [
                "do", "dla", "pasuje do", "pasujący do", "pasująca do", "pasujące do", "przeznaczony do",
                "przeznaczona do", "przeznaczone do", "odpowiedni do", "zamiennik do", "zamiennik dla",
            ]),
        NominativeCues(
            language: "nl",
            compatibleWith: ["compatibel met"],
            worksWith: ["werkt met"],
            fits: [],
            suitableFor: ["geschikt voor", "bedoeld voor"],
            replacementFor: ["vervanging voor", "vervangend"],
            disclaimers: ["geen origineel"],
            beforeMark: ["voor", "past op", "past bij"]),
        NominativeCues(
            language: "ru",
            compatibleWith: [
                "совместим с", "совместимый с", "совместимые с", "совместима с", "совместимо с", "совместимый",
                "совместимая", "совместимые",
            ],
            worksWith: ["работает с"],
            fits: ["подходит к", "подходят к", "подходит для", "подходят для", "подходит для моделей"],
            suitableFor: ["предназначен для", "предназначена для", "предназначены для"],
            replacementFor: ["замена для", "на замену", "сменный", "сменная", "сменные"],
            disclaimers: [
                "не является продукцией", "не оригинал", "неоригинальный", "неоригинальная", "не производится",
            ],
            beforeMark: ["для", "под"]),
        NominativeCues(
            language: "zh",
            compatibleWith: ["兼容", "兼容于"],
            worksWith: ["可用于", "通用于"],
            fits: ["适配", "适配于"],
            suitableFor: ["适用于", "適用於"],
            replacementFor: ["替换", "替代", "可替换"],
            disclaimers: ["非原装", "非官方", "第三方配件", "非原厂", "第三方"],
            beforeMark: ["用于", "给"],
            afterMark: ["专用", "适用", "配件"]),
        NominativeCues(
            language: "ja",
            compatibleWith: ["互換", "互換品"],
            worksWith: [],
            fits: ["に適合", "適合する"],
            suitableFor: ["対応機種", "対応の"],
            replacementFor: ["交換用"],
            disclaimers: ["純正品ではありません", "非純正", "サードパーティ"],
            afterMark: ["用", "対応", "専用", "向け", "対応品"]),
    ]

    /// Nominative phrasing that counts anywhere in the field.
    static let nominative = uniqued(nominativeCues.flatMap(\.anywhere))

    /// Nominative words that count only right before a mark ("case for ZOLTA Z5").
    static let nominativeBefore = uniqued(nominativeCues.flatMap(\.beforeMark))

    /// Nominative words that count only right after a mark ("ZOLTA用", "ZOLTA対応").
    static let nominativeAfter = uniqued(nominativeCues.flatMap(\.afterMark))

    /// Phrases in first-seen order, each once (two languages may spell a phrase alike: "para", "compatible").
    private static func uniqued(_ phrases: [String]) -> [String] {
        var seen = Set<String>()
        return phrases.filter { seen.insert($0).inserted }
    }
}
