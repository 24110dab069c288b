import Foundation

/// How a character of a listing reads, for matching: its kind, script and case, and its folded forms.
///
/// Two folds are kept. The *exact* fold is Unicode NFKC followed by lower-casing (width, ligatures and compatibility
/// forms folded, case ignored). The *key* goes on to what a reader would take the character for: NFKD with Latin,
/// Greek and Cyrillic diacritics dropped, the UTS #39 confusable prototype of each scalar (Unicode Technical
/// Standard #39, "Unicode Security Mechanisms", section 4, skeleton; table from Unicode's `confusables.txt`),
/// lower-cased again, traditional Han folded to simplified, leetspeak digits and symbols folded to the letters they
/// stand for, katakana folded to hiragana. The automaton reads keys *coarsely*, with `i` merged into `l` (`1`, `I`, `|` and `l` look alike); keys
/// only find candidates, and every candidate is verified character by character (`WordMarkScanner`).
public enum TextFold {
    /// The Unicode version of the confusables table (`confusables.txt`) the skeletons use.
    public static let unicodeVersion = confusablesUnicodeVersion

    /// What kind of character, for word boundaries and separators.
    public enum Kind: UInt8, Sendable {
        case letter, digit, symbol, space, punctuation, invisible
        /// Part of a word: letters, digits and the leetspeak symbols that stand for letters.
        public var isWordPart: Bool { self == .letter || self == .digit || self == .symbol }
    }

    /// Writing systems, as far as word boundaries care.
    public enum Script: UInt8, Sendable {
        case latin, greek, cyrillic, han, kana, hangul, other, none
        /// Written without spaces between words: a mark there needs no boundary.
        public var isUnspaced: Bool { self == .han || self == .kana || self == .hangul }
    }

    /// NFKC and lower case: the fold under which two texts say the same thing.
    public static func exact(_ text: String) -> String {
        text.precomposedStringWithCompatibilityMapping.lowercased()
    }

    /// The UTS #39 skeleton of `text` (NFD, each scalar replaced by its prototype, NFD again), without case folding,
    /// exactly as the standard defines it: two strings are confusable when their skeletons are equal.
    public static func skeleton(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            if let prototype = TextTables.confusables[scalar.value] {
                scalars.append(contentsOf: prototype.compactMap(Unicode.Scalar.init))
            } else {
                scalars.append(scalar)
            }
        }
        return String(scalars).decomposedStringWithCanonicalMapping
    }

    /// `text` with each simplified Han character replaced by a traditional form (the lowest code point among those
    /// OpenCC folds to it), for generating the evasions a matcher must see through.
    public static func traditional(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { traditionalForms[$0.value].flatMap(Unicode.Scalar.init) ?? $0 }))
    }

    private static let traditionalForms: [UInt32: UInt32] = {
        var forms: [UInt32: UInt32] = [:]
        for (traditional, simplified) in TextTables.hanSimplified
        where forms[simplified].map({ traditional < $0 }) ?? true {
            forms[simplified] = traditional
        }
        return forms
    }()

    /// The matching keys of `text` concatenated (see the type's summary).
    public static func key(_ text: String) -> [UInt32] {
        text.unicodeScalars.flatMap { table.keys(of: $0) }
    }

    /// The coarse form of a key that the automaton reads: `i` merged into `l`.
    @inline(__always) static func coarse(_ key: UInt32) -> UInt32 { key == 0x69 ? 0x6C : key }

    /// The keys of one scalar: from a table over the Basic Multilingual Plane, computed for others.
    static func keys(of scalar: Unicode.Scalar) -> ArraySlice<UInt32> { table.keys(of: scalar) }

    /// The kind of a character, from its first scalar.
    static func kind(of character: Character) -> Kind {
        guard let scalar = character.unicodeScalars.first else { return .invisible }
        if leetLetters[scalar.value] != nil, !scalar.properties.isAlphabetic {
            return scalar.properties.numericType != nil ? .digit : .symbol
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .nonspacingMark,
            .spacingMark, .enclosingMark, .letterNumber:
            return .letter
        case .decimalNumber, .otherNumber: return .digit
        case .otherSymbol:
            // ™ and ℠ mark a name, they do not spell one (NFKC would read them as the letters TM and SM).
            if scalar.value == 0x2122 || scalar.value == 0x2120 { return .punctuation }
            // Enclosed and squared letters (Ⓩ, 🅉) are letters under NFKC.
            let compatible = String(character).precomposedStringWithCompatibilityMapping.unicodeScalars
            return compatible.contains { $0.properties.isAlphabetic } ? .letter : .punctuation
        case .spaceSeparator, .lineSeparator, .paragraphSeparator: return .space
        case .format, .control, .unassigned, .privateUse, .surrogate:
            return scalar.properties.isWhitespace ? .space : .invisible
        default: return .punctuation
        }
    }

    /// The writing system of a scalar, as far as word boundaries care.
    public static func script(of scalar: Unicode.Scalar) -> Script {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x1E00...0x1EFF, 0xFF21...0xFF3A, 0xFF41...0xFF5A: .latin
        case 0x370...0x3FF, 0x1F00...0x1FFF: .greek
        case 0x400...0x52F, 0x1C80...0x1C8F, 0x2DE0...0x2DFF, 0xA640...0xA69F: .cyrillic
        case 0x2E80...0x2FDF, 0x3005, 0x3007, 0x3021...0x3029, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF,
            0x20000...0x3134F:
            .han
        case 0x3040...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F: .kana
        case 0x1100...0x11FF, 0x3130...0x318F, 0xAC00...0xD7AF: .hangul
        default: scalar.properties.isAlphabetic ? .other : .none
        }
    }

    /// Leetspeak: digits and symbols that stand for letters, applied after the confusable prototype (which already
    /// reads `0` as `o` and `1` and `|` as `l`).
    static let leetLetters: [UInt32: UInt32] = [
        0x30: 0x6F, 0x31: 0x6C, 0x32: 0x7A, 0x33: 0x65, 0x34: 0x61, 0x35: 0x73, 0x36: 0x67, 0x37: 0x74, 0x38: 0x62,
        0x39: 0x67, 0x40: 0x61, 0x24: 0x73, 0x21: 0x6C, 0x7C: 0x6C, 0x2B: 0x74, 0x20AC: 0x65, 0xA3: 0x6C, 0xA1: 0x6C,
    ]

    private static let table = KeyTable()
}

/// Keys of every scalar of the Basic Multilingual Plane, computed once (a few hundred milliseconds), so that folding
/// a listing costs an array lookup per scalar; scalars beyond it are folded as they come.
private struct KeyTable: Sendable {
    /// `offsets[v]..<offsets[v + 1]` are the keys of scalar `v` in `storage`.
    let offsets: [UInt32]
    let storage: [UInt32]

    init() {
        var offsets: [UInt32] = []
        offsets.reserveCapacity(0x10001)
        var storage: [UInt32] = []
        storage.reserveCapacity(0x12000)
        for value in 0...0xFFFF {
            offsets.append(UInt32(storage.count))
            if let scalar = Unicode.Scalar(value) { storage += Self.compute(scalar) }
        }
        offsets.append(UInt32(storage.count))
        self.offsets = offsets
        self.storage = storage
    }

    func keys(of scalar: Unicode.Scalar) -> ArraySlice<UInt32> {
        let value = Int(scalar.value)
        guard value < 0x10000 else { return ArraySlice(Self.compute(scalar)) }
        return storage[Int(offsets[value])..<Int(offsets[value + 1])]
    }

    static func compute(_ scalar: Unicode.Scalar) -> [UInt32] {
        let properties = scalar.properties
        // Invisible format characters (zero-width space and joiners, soft hyphen, BOM) vanish.
        if properties.generalCategory == .format { return [] }
        if properties.isWhitespace { return [0x20] }
        // The prototype of the scalar as written (Cyrillic `М` → `M`) and of its lower case (Cyrillic `м` has
        // none), so both cases of a look-alike reach the same key. ASCII letters keep their own key: their case
        // is folded, not their prototype (`I` is `i`, not `l`), and `m` stays `m` rather than `rn`, so keys count
        // letters as a reader does and one typo stays one edit.
        // Katakana reads as hiragana (as case is folded for Latin), before the confusable prototypes, which would
        // turn some katakana into Han look-alikes (カ into 力): `りすた` and `ｿﾖｶ` spell リスタ and そよか.
        var values = String(scalar).decomposedStringWithCompatibilityMapping.unicodeScalars.map {
            (0x30A1...0x30F6).contains($0.value) ? $0.value - 0x60 : $0.value
        }
        for pass in 0..<2 {
            values = values.filter { !isDroppedMark($0) }.flatMap { value -> [UInt32] in
                guard let prototype = TextTables.confusables[value] else { return [value] }
                if value < 0x80,
                    pass == 0 || prototype.count > 1 || Unicode.Scalar(value)?.properties.isAlphabetic == true
                {
                    return [value]
                }
                return prototype
            }
            values = values.flatMap { value -> [UInt32] in
                guard let mapped = Unicode.Scalar(value) else { return [] }
                return String(mapped).lowercased().decomposedStringWithCanonicalMapping.unicodeScalars.map(\.value)
            }
        }
        var keys: [UInt32] = []
        for value in values where !isDroppedMark(value) {
            let key = TextTables.hanSimplified[value] ?? value
            keys.append(TextFold.leetLetters[key] ?? key)
        }
        return keys
    }

    /// Combining diacritics of Latin, Greek and Cyrillic (not kana's voicing marks, which change the syllable).
    static func isDroppedMark(_ value: UInt32) -> Bool {
        switch value {
        case 0x300...0x36F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F: true
        default: false
        }
    }
}
