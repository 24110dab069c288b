/// One problem found in a registry file, with where it is.
public struct RegistryIssue: Sendable, Hashable, CustomStringConvertible {
    /// Errors stop the run before any work starts; warnings are reported and the run goes on.
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    public var severity: Severity
    /// The registry file's path as given.
    public var file: String
    /// 1-based line and column of the offending node, when known.
    public var line: Int?
    public var column: Int?
    /// Where in the document: `brands[0].assets[1].path`.
    public var field: String
    public var message: String

    public init(
        severity: Severity, file: String, line: Int?, column: Int?, field: String, message: String
    ) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.field = field
        self.message = message
    }

    /// `registry.yaml:12:7: error: brands[0].assets[1].path: file not found: assets/x.png`
    public var description: String {
        let location = [file, line.map(String.init), column.map(String.init)].compactMap { $0 }.joined(separator: ":")
        let subject = field.isEmpty ? "" : "\(field): "
        return "\(location): \(severity.rawValue): \(subject)\(message)"
    }
}

/// A registry that cannot be used: every error found, in file order (and the warnings beside them).
public struct RegistryError: Error, Sendable, CustomStringConvertible {
    public var issues: [RegistryIssue]

    public init(issues: [RegistryIssue]) {
        self.issues = issues
    }

    /// The errors alone.
    public var errors: [RegistryIssue] { issues.filter { $0.severity == .error } }

    public var description: String {
        let count = errors.count
        return "the registry has \(count) error\(count == 1 ? "" : "s"):\n"
            + issues.map { "  \($0)" }.joined(separator: "\n")
    }
}
