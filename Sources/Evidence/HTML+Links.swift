import Foundation

extension HTML {
    /// The `href` for a link to a page on the web, escaped for an attribute, or nil unless `text` is an absolute
    /// `http` or `https` URL with a host and no space or control character. Dump text that is anything else
    /// (`javascript:`, `data:`, a bare path, a URL with leading spaces) is shown as text and never becomes a link.
    /// Characters a strict URL parser refuses (`"`, `<`, `|`) are left to the browser, as a crawler wrote them.
    public static func webLink(_ text: String) -> String? {
        let lowered = text.lowercased()
        let rest: Substring
        if lowered.hasPrefix("https://") {
            rest = text.dropFirst(8)
        } else if lowered.hasPrefix("http://") {
            rest = text.dropFirst(7)
        } else {
            return nil
        }
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" && $0 != "\\" }
        guard !host.isEmpty, !text.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F }) else {
            return nil
        }
        return escape(text)
    }

    /// `path` (a file's path relative to the page, `/`-separated) as a relative URL escaped for an attribute, or nil
    /// when it is not a plain relative path: empty, absolute (`/…`, which `//` would make a request to a host),
    /// with a backslash, or with an empty segment.
    ///
    /// Each segment is percent-encoded, `:` included, so no segment can read as a URL scheme (`javascript:`) and
    /// `?` or `#` in a file name stays part of the name.
    public static func relativeURL(_ path: String) -> String? {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\\") else { return nil }
        var segments: [String] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: false) {
            guard !segment.isEmpty, let encoded = segment.addingPercentEncoding(withAllowedCharacters: pathSegment)
            else { return nil }
            segments.append(encoded)
        }
        return escape(segments.joined(separator: "/"))
    }

    /// RFC 3986 unreserved characters and the sub-delimiters that need no escaping in a path segment, less `:`.
    private static let pathSegment: CharacterSet = {
        var allowed = CharacterSet()
        allowed.insert(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=@")
        return allowed
    }()
}
