public import Foundation

/// A copy of `Samples/night` (registry, assets, images, dump) in a temporary folder, with helpers to write the
/// dumps of later nights: listings removed, changed, added.
public final class NightFixture: Sendable {
    public let folder: TemporaryFolder
    /// The copied `night` folder: `registry.yaml`, `dump.jsonl`, `images/`, `assets/`.
    public let night: URL

    public init() throws {
        folder = try TemporaryFolder()
        night = folder.url.appendingPathComponent("night")
        try FileManager.default.copyItem(at: Fixtures.samples.appendingPathComponent("night"), to: night)
    }

    public var registry: URL { night.appendingPathComponent("registry.yaml") }
    public var dump: URL { night.appendingPathComponent("dump.jsonl") }

    /// The sample dump's lines, as written (bad ones included).
    public func sampleLines() throws -> [String] {
        try String(contentsOf: dump, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    /// Writes a dump beside the sample one and returns its URL.
    @discardableResult
    public func writeDump(_ name: String, lines: [String]) throws -> URL {
        let url = night.appendingPathComponent(name)
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: url)
        return url
    }

    /// The listing id of a dump line, nil for a line that is not a JSON object with one.
    public static func listingID(of line: String) -> String? {
        object(line)?["listing_id"] as? String
    }

    /// A dump line with fields changed.
    public static func editing(_ line: String, _ change: (inout [String: Any]) -> Void) -> String {
        guard var object = object(line) else { return line }
        change(&object)
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else {
            return line
        }
        return String(decoding: data, as: UTF8.self)
    }

    private static func object(_ line: String) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
    }
}
