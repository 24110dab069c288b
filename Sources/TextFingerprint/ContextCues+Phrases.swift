/// The cue phrases Proofmark ships, in English, Spanish, German, French, Italian, Portuguese, Russian, Chinese and
/// Japanese, as brand-protection analysts see them in listings.
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
        // Russian
        "реплика", "копия", "люкс копия", "подделка", "качество люкс", "зеркальное качество", "1в1", "1 в 1",
        "оригинальное качество", "паль",
        // Chinese
        "高仿", "复刻", "一比一", "1比1", "原单", "精仿", "仿品", "莆田", "超a", "顶级复刻", "原版复刻", "同款", "a货",
        "仿牌", "高品质复刻",
        // Japanese
        "コピー品", "スーパーコピー", "レプリカ", "偽物", "n級", "s級", "ノーブランド品", "韓国製コピー", "1:1品質",
    ]

    /// Nominative phrasing that counts anywhere in the field.
    static let nominative = [
        // English
        "compatible with", "compatible for", "compatible", "works with", "replacement for", "replacement",
        "not made by", "not affiliated with", "not affiliated", "not endorsed by", "not an official", "aftermarket",
        "designed for", "made for", "suitable for", "fits for", "for use with", "accessory for", "accessories for",
        "works for", "made to fit", "for use on", "designed to fit", "to replace the", "replaces the",
        "fits models", "for models", "for devices",
        // Spanish
        "compatible con", "para usar con", "repuesto para", "recambio para", "no afiliado", "no oficial",
        "apto para", "diseñado para", "compatibles con", "reemplazo para", "reemplazo de", "se adapta a",
        "para modelos", "para dispositivos",
        // German
        "kompatibel mit", "kompatibel", "passend für", "geeignet für", "ersatz für", "ersatzteil", "nicht von",
        "kein originalprodukt", "passend zu", "zubehör für", "passt zu", "passt für", "für modelle", "für geräte",
        // French, Italian, Portuguese
        "compatible avec", "compatibile con", "adatto per", "compatível com", "adequado para", "compatibile",
        "compatível", "remplacement pour", "ricambio per", "substituição para", "s'adapte à", "s'adapte aux",
        "s’adapte aux", "s’adapte à", "pour modèles", "aux modèles", "adatto ai", "adatto a", "per dispositivi",
        "per modelli", "serve em", "para aparelhos",
        // Russian
        "совместим с", "совместимый с", "совместимые с", "совместима с", "совместимо с", "подходит для",
        "замена для", "не является продукцией", "не оригинал", "совместимый", "совместимая", "совместимые",
        "подходит к", "подходят к", "подходит для моделей",
        // Chinese
        "适用于", "兼容", "适配", "通用于", "非原装", "非官方", "替换", "適用於", "可用于", "第三方配件",
        // Japanese
        "互換", "対応機種", "純正品ではありません", "非純正", "交換用", "に適合", "適合する", "対応の",
    ]

    /// Nominative words that count only right before a mark ("case for ZOLTA Z5").
    static let nominativeBefore = [
        "for", "fits", "fit", "fits the", "for the", "für", "fur", "para", "pour", "per", "для", "под", "用于", "给",
    ]

    /// Nominative words that count only right after a mark ("ZOLTA用", "ZOLTA対応").
    static let nominativeAfter = ["用", "対応", "専用", "向け", "适用", "対応品", "专用", "配件"]
}
