import Foundation

/// The named conversions of mapping expressions (`MappingExpression`), on the values found so far.
enum MappingConversions {
    static func apply(_ conversion: MappingExpression.Conversion, digits: Int, _ values: [Any]) -> [Any] {
        switch conversion {
        case .first: return values.isEmpty ? [] : [values[0]]
        case .lowest: return values.compactMap(number).min().map { [$0] } ?? []
        case .highest: return values.compactMap(number).max().map { [$0] } ?? []
        case .minorUnits:
            var divisor = Decimal(1)
            for _ in 0..<digits { divisor *= 10 }
            return values.compactMap { number($0).map { $0 / divisor } }
        case .htmlText: return values.map { ($0 as? String).map(htmlText) ?? $0 }
        case .https:
            return values.map { value in
                guard let text = value as? String, text.hasPrefix("//") else { return value }
                return "https:" + text
            }
        case .host:
            return values.compactMap { value in
                guard let text = value as? String else { return nil }
                let withScheme = text.hasPrefix("//") ? "https:" + text : text
                guard var host = URLComponents(string: withScheme)?.host?.lowercased(), !host.isEmpty else {
                    return nil
                }
                if host.hasPrefix("www.") { host.removeFirst(4) }
                return host
            }
        }
    }

    /// A value as a number: a JSON number, a numeric text (POSIX notation), or a converted `Decimal`.
    static func number(_ value: Any) -> Decimal? {
        switch value {
        case let decimal as Decimal: return decimal
        case let text as String:
            return Decimal(string: text.trimmingCharacters(in: .whitespaces), locale: ListingBuilder.posix)
        case let number as NSNumber:
            return MappingExpression.isBoolean(number)
                ? nil : Decimal(string: number.stringValue, locale: ListingBuilder.posix)
        default: return nil
        }
    }

    /// The text an HTML fragment shows: tags dropped (a block element's boundary as a line break), `script` and
    /// `style` contents dropped, character references decoded (named ones from HTML's common set, numeric ones in
    /// full), runs of spaces folded to one. Not a full HTML parser (WHATWG's tokenizer), and needs not be: the
    /// result feeds text matching, where a stray tag costs a few shingles, not a wrong answer. O(n).
    static func htmlText(_ html: String) -> String {
        var output = ""
        var pendingSpace = false
        var pendingBreak = false
        func emit(_ character: Character) {
            if character == " " || character == "\t" || character == "\n" || character == "\r"
                || character == "\u{00A0}"
            {
                pendingSpace = true
                return
            }
            if !output.isEmpty {
                if pendingBreak {
                    output += "\n"
                } else if pendingSpace {
                    output += " "
                }
            }
            pendingSpace = false
            pendingBreak = false
            output.append(character)
        }
        let characters = Array(html)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            // As HTML's tokenizer: `<` opens a tag only before a letter, `/` or `!`; else it is text.
            if character == "<", index + 1 < characters.count,
                characters[index + 1].isLetter || characters[index + 1] == "/" || characters[index + 1] == "!"
            {
                guard let close = characters[(index + 1)...].firstIndex(of: ">") else {
                    emit(character)
                    index += 1
                    continue
                }
                let tag = String(characters[(index + 1)..<close]).lowercased()
                let name = String(
                    tag.drop(while: { $0 == "/" }).prefix(while: { $0.isLetter || $0.isNumber }))
                index = close + 1
                if (name == "script" || name == "style") && !tag.hasPrefix("/") {
                    // Skip to the element's end tag.
                    let end = Array("</\(name)")
                    var search = index
                    while search + end.count <= characters.count {
                        if String(characters[search..<(search + end.count)]).lowercased() == String(end) { break }
                        search += 1
                    }
                    index = characters[search...].firstIndex(of: ">").map { $0 + 1 } ?? characters.count
                    continue
                }
                if blockElements.contains(name) {
                    pendingBreak = true
                } else if !inlineElements.contains(name) {
                    pendingSpace = true
                }
                continue
            }
            if character == "&", let (decoded, length) = reference(characters, at: index) {
                for scalar in decoded { emit(scalar) }
                index += length
                continue
            }
            emit(character)
            index += 1
        }
        return output
    }

    /// A character reference at `index` (`&amp;`, `&#39;`, `&#x2F;`): its text and length, or nil.
    private static func reference(_ characters: [Character], at index: Int) -> (String, Int)? {
        guard let end = characters[index...].prefix(34).firstIndex(of: ";") else { return nil }
        let body = String(characters[(index + 1)..<end])
        let length = end - index + 1
        if body.hasPrefix("#") {
            let digits = body.dropFirst()
            guard digits.count > (digits.first == "x" || digits.first == "X" ? 1 : 0) else { return nil }
            let value =
                digits.first == "x" || digits.first == "X"
                ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            guard let value, value != 0, let scalar = Unicode.Scalar(value) else { return ("\u{FFFD}", length) }
            return (String(Character(scalar)), length)
        }
        return namedReferences[body].map { ($0, length) }
    }

    private static let blockElements: Set<String> = [
        "br", "p", "div", "li", "ul", "ol", "tr", "td", "th", "table", "h1", "h2", "h3", "h4", "h5", "h6",
        "section", "article", "header", "footer", "blockquote", "pre", "hr", "dd", "dt", "dl",
    ]

    /// Elements that sit inside a word as often as not (`<b>AC</b>ME`): no space for them.
    private static let inlineElements: Set<String> = [
        "a", "b", "i", "u", "em", "strong", "span", "small", "sup", "sub", "font", "mark", "s", "strike", "abbr",
    ]

    /// The named character references product descriptions use (HTML's full table has over 2,000).
    private static let namedReferences: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "copy": "©", "reg": "®",
        "trade": "™", "hellip": "…", "mdash": "—", "ndash": "–", "lsquo": "‘", "rsquo": "’", "ldquo": "“",
        "rdquo": "”", "sbquo": "‚", "bdquo": "„", "laquo": "«", "raquo": "»", "bull": "•", "middot": "·",
        "deg": "°", "times": "×", "divide": "÷", "plusmn": "±", "frac12": "½", "frac14": "¼", "frac34": "¾",
        "euro": "€", "pound": "£", "yen": "¥", "cent": "¢", "sect": "§", "para": "¶", "micro": "µ",
        "iexcl": "¡", "iquest": "¿", "shy": "", "ensp": " ", "emsp": " ", "thinsp": " ", "zwnj": "\u{200C}",
        "zwj": "\u{200D}", "aacute": "á", "eacute": "é", "iacute": "í", "oacute": "ó", "uacute": "ú",
        "Aacute": "Á", "Eacute": "É", "Iacute": "Í", "Oacute": "Ó", "Uacute": "Ú", "ntilde": "ñ", "Ntilde": "Ñ",
        "agrave": "à", "egrave": "è", "ograve": "ò", "auml": "ä", "euml": "ë", "iuml": "ï", "ouml": "ö",
        "uuml": "ü", "Auml": "Ä", "Ouml": "Ö", "Uuml": "Ü", "szlig": "ß", "ccedil": "ç", "Ccedil": "Ç",
        "atilde": "ã", "otilde": "õ", "acirc": "â", "ecirc": "ê", "ocirc": "ô",
    ]
}
