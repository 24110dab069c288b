/// Text made safe for HTML: every piece of dump text (titles, seller names, descriptions) goes through here before
/// it reaches a report or a claim chart, so `<script>` in a title shows as text.
public enum HTML {
    /// `text` escaped for element content and for attribute values in double or single quotes.
    public static func escape(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            // Control characters other than tab and newline have no place in a page (and some browsers act on
            // them); they are shown as the replacement character.
            case _ where character.value < 0x20 && character != "\t" && character != "\n":
                output += "\u{FFFD}"
            default: output.unicodeScalars.append(character)
            }
        }
        return output
    }
}
