public import Foundation

/// Locations of test inputs shared by every test target.
public enum Fixtures {
    /// The package's root folder (the one holding Package.swift).
    public static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        // Tests/Support/Fixtures.swift -> package root
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    /// `../shared/testvectors/pdq`, the PDQ conformance vectors (CI has ../shared beside the clone too).
    public static let pdqVectors: URL = packageRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/testvectors/pdq")
}
