public import Foundation

/// Where a listing's image comes from.
public enum ImageSource: Sendable, Hashable {
    /// A file inside the dump's folder.
    case file(URL)
    /// An `http` or `https` URL.
    case remote(URL)
}

/// Turns the image references of a dump into sources, refusing any that would leave the dump's folder.
///
/// Dumps are scraped data: a reference is only a relative path below the dump's folder or an http(s) URL.
/// Absolute paths, `..` that climbs out, and symbolic links whose target lies outside the folder are refused, each
/// with its reason, per image; the listing's other images still count.
public struct ImageResolver: Sendable {
    /// The dump's folder, with symbolic links resolved.
    public let folder: URL

    /// The folder's path with a trailing slash.
    private let folderPrefix: String

    public init(dumpFolder: URL) {
        folder = URL(fileURLWithPath: Self.realPath(dumpFolder.path) ?? dumpFolder.standardizedFileURL.path)
        folderPrefix = folder.path.hasSuffix("/") ? folder.path : folder.path + "/"
    }

    /// The source `reference` names, or why it is refused.
    public func resolve(_ reference: String) -> Result<ImageSource, ImageReferenceError> {
        func refuse(_ reason: String) -> Result<ImageSource, ImageReferenceError> {
            .failure(ImageReferenceError(reference: reference, reason: reason))
        }
        let trimmed = reference.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return refuse("empty reference") }
        guard !trimmed.contains("\0") else { return refuse("contains a NUL character") }
        if let colon = trimmed.firstIndex(of: ":"), trimmed[..<colon].allSatisfy({ $0.isLetter || $0 == "+" }),
            trimmed[..<colon].count > 1
        {
            let scheme = trimmed[..<colon].lowercased()
            guard scheme == "http" || scheme == "https" else { return refuse("\(scheme): URLs are not fetched") }
            guard let url = URL(string: trimmed), url.host?.isEmpty == false else { return refuse("not a valid URL") }
            return .success(.remote(url))
        }
        guard !trimmed.hasPrefix("/") else { return refuse("absolute paths are not allowed in a dump") }
        guard !trimmed.contains("\\") else { return refuse("backslashes are not allowed in paths (use /)") }
        var components: [Substring] = []
        for component in trimmed.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..":
                guard !components.isEmpty else { return refuse("leaves the dump's folder") }
                components.removeLast()
            default: components.append(component)
            }
        }
        guard !components.isEmpty else { return refuse("names the dump's folder itself") }
        // Joined as text: building a URL component by component costs more than the realpath below.
        let file = folderPrefix + components.joined(separator: "/")
        // A symbolic link inside the folder may point anywhere: judge where it really leads.
        if let real = Self.realPath(file) {
            guard real.hasPrefix(folderPrefix) else {
                return refuse("a symbolic link that leads outside the dump's folder")
            }
            return .success(.file(URL(fileURLWithPath: real, isDirectory: false)))
        }
        return .success(.file(URL(fileURLWithPath: file, isDirectory: false)))
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// An image reference that was refused, and why.
public struct ImageReferenceError: Error, Sendable, Hashable, CustomStringConvertible {
    public var reference: String
    public var reason: String
    public var description: String { "\(reference): \(reason)" }
}
