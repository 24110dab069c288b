import Findings
import Foundation
import Testing

/// `ARCHITECTURE.md` documents the finding schema; these tests hold it to the types.
@Suite struct ArchitectureDocumentTests {
    static let document = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("ARCHITECTURE.md")

    /// The JSON line after the `<!-- finding-example -->` marker.
    static func example() throws -> String {
        let text = try String(contentsOf: document, encoding: .utf8)
        let marker = try #require(text.range(of: "<!-- finding-example -->\n```json\n"))
        let rest = text[marker.upperBound...]
        let end = try #require(rest.firstIndex(of: "\n"))
        return String(rest[..<end])
    }

    @Test func theDocumentedFindingReadsAndWritesBackByteForByte() throws {
        let line = try Self.example()
        let finding = try CanonicalJSON.decode(Finding.self, from: line)
        #expect(finding.jsonLine == line)
        // The example shows every kind of signal, so every payload's members are checked.
        #expect(Set(finding.signals.map(\.kind)) == Set(Signal.Kind.allCases))
    }

    @Test func everySignalKindHasARowInTheSignalTable() throws {
        let text = try String(contentsOf: Self.document, encoding: .utf8)
        for kind in Signal.Kind.allCases {
            #expect(text.contains("| `\(kind.rawValue)` |"), "no row for \(kind.rawValue)")
        }
    }
}
