/// The start tags of an HTML page, with their attributes, as a browser's tokenizer reads them: what the escaping
/// tests inspect instead of searching the text (escaped text such as `onerror=` is harmless; an attribute is not).
struct HTMLTag: Equatable {
    var name: String
    var attributes: [(name: String, value: String)]
    /// For `<script>` and `<style>`: their raw content.
    var content: String?

    static func == (a: HTMLTag, b: HTMLTag) -> Bool {
        a.name == b.name && a.content == b.content && a.attributes.map(\.name) == b.attributes.map(\.name)
            && a.attributes.map(\.value) == b.attributes.map(\.value)
    }

    func attribute(_ name: String) -> String? { attributes.first { $0.name == name }?.value }

    /// Every start tag of `html`. Character references in attribute values are left as written.
    static func scan(_ html: String) -> [HTMLTag] {
        let characters = Array(html.unicodeScalars)
        var tags: [HTMLTag] = []
        var index = 0
        func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
            !(scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{0C}"
                || scalar == "/" || scalar == ">" || scalar == "=")
        }
        while index < characters.count {
            guard characters[index] == "<", index + 1 < characters.count,
                characters[index + 1].properties.isAlphabetic
            else {
                index += 1
                continue
            }
            index += 1
            var name = ""
            while index < characters.count, isNameScalar(characters[index]) {
                name.unicodeScalars.append(characters[index])
                index += 1
            }
            var attributes: [(String, String)] = []
            while index < characters.count, characters[index] != ">" {
                if !isNameScalar(characters[index]) {
                    index += 1
                    continue
                }
                var attribute = ""
                while index < characters.count, isNameScalar(characters[index]) {
                    attribute.unicodeScalars.append(characters[index])
                    index += 1
                }
                var value = ""
                if index < characters.count, characters[index] == "=" {
                    index += 1
                    if index < characters.count, characters[index] == "\"" || characters[index] == "'" {
                        let quote = characters[index]
                        index += 1
                        while index < characters.count, characters[index] != quote {
                            value.unicodeScalars.append(characters[index])
                            index += 1
                        }
                        index += 1
                    } else {
                        while index < characters.count, characters[index] != " ", characters[index] != ">" {
                            value.unicodeScalars.append(characters[index])
                            index += 1
                        }
                    }
                }
                attributes.append((attribute.lowercased(), value))
            }
            index += 1
            var tag = HTMLTag(name: name.lowercased(), attributes: attributes, content: nil)
            if tag.name == "script" || tag.name == "style" {
                let end = Array("</\(tag.name)".unicodeScalars)
                var content = ""
                while index < characters.count,
                    Array(characters[index..<min(characters.count, index + end.count)]) != end
                {
                    content.unicodeScalars.append(characters[index])
                    index += 1
                }
                tag.content = content
            }
            tags.append(tag)
        }
        return tags
    }
}

/// Hostile text for dump fields: markup, attribute breakouts, script URLs, quotes, control characters and a
/// right-to-left override.
enum Hostile {
    static let script = "<script>alert(1)</script>"
    static let breakout = "\"><img src=x onerror=alert(1)>"
    static let quotes = "it's \"quoted\" & 'more'"
    static let control = "bell\u{07}nul\u{00}esc\u{1B}"
    static let override = "gpj.\u{202E}exe.photo"
    static let scriptURL = "javascript:alert(1)"
    static let all = [script, breakout, quotes, control, override]
}

extension [HTMLTag] {
    /// Every event handler attribute (`onerror`, `onload`, …), as `tag attribute=value`.
    var eventHandlers: [String] {
        flatMap { tag in
            tag.attributes.compactMap { attribute in
                attribute.name.hasPrefix("on") ? "\(tag.name) \(attribute.name)=\(attribute.value)" : nil
            }
        }
    }
}
