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

    /// The targets table's "may import" column, for every Swift target, against `Package.swift`: a dependency added
    /// to the manifest without the document, or the other way round, fails here.
    @Test func theTargetsTableNamesEachTargetsDependencies() throws {
        let root = Self.document.deletingLastPathComponent()
        let manifest = try String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8)
        let text = try String(contentsOf: Self.document, encoding: .utf8)
        let declared = Self.targetDependencies(manifest)
        #expect(declared.count >= 12, "Package.swift's targets were not found")
        var documented: [String: Set<String>] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard cells.count >= 4, let name = cells[1].split(separator: "`").first.map(String.init) else { continue }
            documented[name] = Set(
                cells[3].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                    .filter { !["Foundation", "Foundation only", "–"].contains($0) })
        }
        for (target, dependencies) in declared where target != "TestSupport" {
            #expect(documented[target] == dependencies, "\(target): ARCHITECTURE.md and Package.swift differ")
        }
    }

    /// Each `.target` / `.executableTarget` of the manifest and the names it depends on (targets, and products by
    /// their product name). C and system-library targets are left out: their dependencies are the system's.
    static func targetDependencies(_ manifest: String) -> [String: Set<String>] {
        var result: [String: Set<String>] = [:]
        let blocks =
            manifest.components(separatedBy: ".target(").dropFirst()
            + manifest.components(separatedBy: ".executableTarget(").dropFirst()
        for block in blocks {
            guard let name = Self.firstQuoted(after: "name:", in: block), !name.hasPrefix("C") else { continue }
            var dependencies = Set<String>()
            if let start = block.range(of: "dependencies: [") {
                var depth = 1
                var index = start.upperBound
                while index < block.endIndex, depth > 0 {
                    if block[index] == "[" { depth += 1 }
                    if block[index] == "]" { depth -= 1 }
                    index = block.index(after: index)
                }
                var list = String(block[start.upperBound..<index])
                while let product = list.range(of: ".product(name: ") {
                    let close = list[product.upperBound...].firstIndex(of: ")") ?? list.endIndex
                    if let productName = Self.firstQuoted(in: list[product.upperBound..<close]) {
                        dependencies.insert(productName)
                    }
                    list.removeSubrange(product.lowerBound..<(close < list.endIndex ? list.index(after: close) : close))
                }
                for part in list.split(separator: "\"", omittingEmptySubsequences: false).enumerated()
                where part.offset % 2 == 1 {
                    dependencies.insert(String(part.element))
                }
            }
            result[name] = dependencies
        }
        return result
    }

    private static func firstQuoted(after label: String, in text: String) -> String? {
        guard let labelRange = text.range(of: label) else { return nil }
        return firstQuoted(in: text[labelRange.upperBound...])
    }

    private static func firstQuoted(in rest: Substring) -> String? {
        guard let open = rest.firstIndex(of: "\"") else { return nil }
        let afterOpen = rest.index(after: open)
        guard let close = rest[afterOpen...].firstIndex(of: "\"") else { return nil }
        return String(rest[afterOpen..<close])
    }
}
