/// A mapping shipped with Proofmark for a common source of listings (`--format NAME`): the mapping files in
/// `Profiles/`, embedded by `Scripts/generate_profiles.py`.
///
/// Each file says in its comments which API response it reads and where that API documents its fields, and with
/// `# detect: KEY KEY ...` lines the top-level keys that recognise its records (all keys of one line present).
public struct BuiltInProfile: Sendable, Hashable {
    public let name: String
    /// The mapping file's text.
    public let text: String

    /// Every built-in profile, by name.
    public static let all: [BuiltInProfile] = files.map { BuiltInProfile(name: $0.name, text: $0.text) }

    public static func named(_ name: String) -> BuiltInProfile? { all.first { $0.name == name } }

    /// The profile's rules, as `FieldMapping` reads a mapping file named `NAME.map`.
    public func mapping() throws(FieldMappingError) -> FieldMapping {
        var mapping = try FieldMapping(text: text, file: "\(name).map")
        mapping.profile = name
        return mapping
    }

    /// The sets of top-level keys that recognise the profile's records (`# detect:` lines).
    public var detectionKeys: [[String]] {
        text.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("# detect:") else { return nil }
            return line.dropFirst("# detect:".count).split(separator: " ").map(String.init)
        }
    }

    /// The profile a dump's first record looks like, or nil: none when the record already has Proofmark's own
    /// `marketplace` and `listing_id`, or when no profile's keys are all there (or several profiles' are).
    public static func detect(_ record: [String: Any]) -> BuiltInProfile? {
        if record["marketplace"] != nil && record["listing_id"] != nil { return nil }
        let keys = Set(record.keys)
        let matching = all.filter { profile in profile.detectionKeys.contains { Set($0).isSubset(of: keys) } }
        return matching.count == 1 ? matching[0] : nil
    }
}
