import TextFingerprint

/// A context cue in a listing: counterfeit talk or nominative (fair-use) phrasing, next to its marks.
public struct ContextMatch: Sendable, Hashable {
    /// `counterfeit` or `fair-use`.
    public var cue: String
    /// The cue phrase as listed (`ContextCueScanner.defaultPhrases`).
    public var phrase: String
    /// `title`, `description`, ...
    public var field: String
    /// Character offsets in the field's original text.
    public var span: Range<Int>

    public init(cue: String, phrase: String, field: String, span: Range<Int>) {
        self.cue = cue
        self.phrase = phrase
        self.field = field
        self.span = span
    }
}

/// Finds the context cues of a field (`ContextCueScanner`), keeping nominative words that only count next to a mark
/// ("for", "für", "для", 用) only where they stand right before or after one of `marks` in the same field.
public struct ContextFinder: Sendable {
    private let scanner = ContextCueScanner()

    public init() {}

    public func find(in text: String, field: String, marks: [MarkMatch]) -> [ContextMatch] {
        find(in: FoldedText(text), field: field, marks: marks)
    }

    /// The cues of a field already folded for marks (`FoldedText`).
    func find(in text: FoldedText, field: String, marks: [MarkMatch]) -> [ContextMatch] {
        let spans = marks.filter { $0.field == field }.map(\.span)
        let characters = text.characters
        return scanner.scan(text).compactMap { cue in
            // "Not a replica", "no es réplica", "不是高仿": a denial is no counterfeit cue.
            if cue.meaning == .counterfeit, Self.denied(characters, before: cue.span.lowerBound) { return nil }
            // 男女同款 (unisex), 情侣同款 (for couples), 亲子同款 (parent and child): the same style for both, no copy.
            if cue.phrase == "同款", cue.span.lowerBound >= 2,
                Self.sharedStyles.contains(String(characters[(cue.span.lowerBound - 2)..<cue.span.lowerBound]))
            {
                return nil
            }
            switch cue.placement {
            case .anywhere: break
            case .beforeMark:
                guard spans.contains(where: { Self.near(characters, from: cue.span.upperBound, to: $0.lowerBound) })
                else { return nil }
            case .afterMark:
                guard
                    spans.contains(where: {
                        Self.near(characters, from: $0.upperBound, to: cue.span.lowerBound)
                            || (Self.deviceCues.contains(cue.phrase)
                                && Self.deviceBetween(characters, from: $0.upperBound, to: cue.span.lowerBound))
                            || (cue.phrase == "用"
                                && Self.goodsNounBetween(characters, from: $0.upperBound, to: cue.span.lowerBound))
                    })
                else { return nil }
            }
            return ContextMatch(cue: cue.meaning.rawValue, phrase: cue.phrase, field: field, span: cue.span)
        }
    }

    /// Who shares a style in 男女同款 and the like (simplified and traditional forms).
    static let sharedStyles: Set<String> = ["男女", "情侣", "情侶", "亲子", "親子", "母女", "父子", "姐妹", "闺蜜", "閨蜜", "兄弟"]

    /// Negations that deny a counterfeit cue when they stand just before it.
    static let negations: Set<String> = [
        "not", "no", "non", "never", "nicht", "kein", "keine", "keinen", "ni", "pas", "не", "нет", "ничего",
    ]

    /// Whether a negation stands in the two words (or, in Chinese and Japanese, the characters) before `start`.
    static func denied(_ characters: [Character], before start: Int) -> Bool {
        let window = String(characters[max(0, start - 16)..<start]).lowercased()
        let words = window.split { $0.isWhitespace || $0.isPunctuation }.suffix(2)
        if words.contains(where: { negations.contains(String($0)) }) { return true }
        let tail = String(window.suffix(3))
        return ["不是", "非", "并非", "ではない", "じゃない"].contains { tail.hasSuffix($0) }
    }

    /// Whether a cue written after the mark in Chinese or Japanese follows it with one device noun between (蜻蜓无人机专用,
    /// "for the Dragonfly drone"; リスタ 腕時計対応): at most six Han or kana characters, after optional spacing.
    /// The cues after a mark that may follow a device noun (not 用, as in 男用 "for men").
    static let deviceCues: Set<String> = ["专用", "専用", "対応", "対応品", "适用", "配件"]

    static func deviceBetween(_ characters: [Character], from: Int, to: Int) -> Bool {
        guard from <= to else { return false }
        let between = characters[from..<to].drop { $0.isWhitespace }
        return (1...6).contains(between.count) && between.allSatisfy(HanSegmenter.isSegmented)
    }

    /// Whether a noun for goods stands between a mark and 用 (ポルカナ 炊飯器用, "for the Porukana rice cooker"): a
    /// device noun as `deviceBetween` reads it, of two characters or more, that says neither who nor where nor when a
    /// product is used (ZOLTA 男性用 is ZOLTA's own product "for men", ZOLTA 旅行用 one "for travel"), with 用 a word
    /// of its own in the segmentation (`HanSegmenter`).
    static func goodsNounBetween(_ characters: [Character], from: Int, to: Int) -> Bool {
        guard deviceBetween(characters, from: from, to: to), to < characters.count else { return false }
        let noun = Array(characters[from..<to].drop { $0.isWhitespace })
        guard noun.count >= 2, !usageNouns.contains(where: { String(noun).hasSuffix($0) }) else { return false }
        // In Chinese, 用 must not end a word (连衣裙耐用: 连衣裙 | 耐用, "durable"): the noun is a word, or 用 starts
        // one. Japanese makes 用 a suffix of any noun (炊飯器用, which the lexicon reads 炊飯 | 器用), so a text with
        // kana is judged by the list alone, which holds the first characters of its words in 用 (実用, 使用, 愛用).
        if characters.contains(where: { $0.unicodeScalars.first.map { TextFold.script(of: $0) == .kana } ?? false }) {
            return true
        }
        return HanSegmenter.isWord(String(noun)) || HanSegmenter().wordStarts(noun + [characters[to]])[noun.count]
    }

    /// Who, where and when a product is for, in Japanese and Chinese (before 用: 男性用, 家庭用, 旅行用): such a
    /// noun before 用 says what the product is for, not whose goods it fits.
    static let usageNouns: [String] = [
        "男", "女", "男性", "女性", "男女", "兼", "紳士", "婦人", "子供", "子ども", "こども", "幼児", "乳児", "ベビー",
        "キッズ", "ジュニア", "大人", "成人", "学生", "高齢者", "老人", "メンズ", "レディース", "ユニセックス", "赤ちゃん",
        "家族", "個人", "法人", "家庭", "家", "業務", "商", "自宅", "室内", "屋内", "屋外", "野外", "旅行", "携帯", "日常",
        "普段", "通勤", "通学", "アウトドア", "スポーツ", "ビジネス", "プロ", "初心者", "贈答", "ギフト", "プレゼント",
        "冬", "夏", "春", "秋", "左右", "両", "ペット", "犬", "猫", "事務", "医療", "介護", "防災", "非常", "キャンプ",
        "登山", "釣り", "ゴルフ", "出張", "寝室", "台所", "キッチン", "浴室", "玄関", "自", "儿童", "兒童", "孩子", "宝宝",
        "寶寶", "老年", "學生", "家用", "商务", "商務", "户外", "戶外", "旅游", "旅遊", "运动", "運動", "办公",
        "辦公", "日", "自用", "送礼", "送禮", "実", "使", "利", "愛", "併", "共", "汎", "採", "着", "常", "多", "信",
        "費", "作", "応", "活", "耐", "通", "適", "运", "专", "専",
    ]

    /// Whether `to` follows `from` with nothing but spacing, punctuation or one model number between: "case for
    /// ZOLTA" and "ZOLTA Z5対応" are nominative, "zapatillas para hombre ZOLTA" ("for men") is not. Phrases such as
    /// "for the" are cues of their own.
    static func near(_ characters: [Character], from: Int, to: Int) -> Bool {
        guard from <= to, to - from <= 12 else { return false }
        let words = characters[from..<to].split { $0.isWhitespace || $0.isPunctuation }
        // A model number may stand between the mark and the cue: "ZOLTA Z5対応".
        return words.isEmpty || (words.count == 1 && words[0].count <= 8 && words[0].contains { $0.isNumber })
    }
}
