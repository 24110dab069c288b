// Matches every listing of a generated set against a registry with Proofmark's text matcher and reports what it
// found and how fast: `TextScan REGISTRY DUMP OUT [--repeats N]`. The dump is read whole before the clock starts;
// the clock covers `TextMatcher.match` and the per-brand assessment only. Driven by `Benchmarks/text/text_peers.py`.
import Foundation
import Intake
import Matching

let arguments = CommandLine.arguments
guard arguments.count >= 4 else {
    FileHandle.standardError.write(Data("usage: TextScan REGISTRY DUMP OUT [--repeats N]\n".utf8))
    exit(2)
}
let repeats = arguments.firstIndex(of: "--repeats").flatMap { Int(arguments[$0 + 1]) } ?? 3
let registry: Registry
do {
    registry = try RegistryLoader.load(path: arguments[1], today: LocalDate(Date())).registry
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}
let marks = registry.brands.flatMap { brand in
    brand.marks.map {
        RegisteredMark(
            brand: brand.name, text: $0.text, right: $0.right, exclusions: $0.exclusions,
            goods: registry.right($0.right)?.goods ?? [])
    }
}
let texts = registry.brands.flatMap { brand in
    brand.texts.compactMap { text in
        (try? String(contentsOf: text.file, encoding: .utf8)).map {
            ProtectedText(brand: brand.name, id: text.id, right: text.right, content: $0)
        }
    }
}
struct Item {
    var id: String
    var fields: [(name: String, text: String)]
}
let items: [Item] = (try String(contentsOfFile: arguments[2], encoding: .utf8)).split(separator: "\n").compactMap {
    guard let object = try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] else { return nil }
    var fields: [(name: String, text: String)] = []
    if let title = object["title"] as? String { fields.append(("title", title)) }
    if let description = object["description"] as? String { fields.append(("description", description)) }
    return Item(id: object["listing_id"] as? String ?? "", fields: fields)
}

let setupStart = ContinuousClock.now
let matcher = TextMatcher(marks: marks, texts: texts)
_ = matcher.match([("title", "warm-up ZOLTA")])
let setup = ContinuousClock.now - setupStart

func scan() -> [String] {
    items.map { item in
        let evidence = matcher.match(item.fields)
        var brands: [String: [String: Any]] = [:]
        for brand in Set(evidence.marks.map(\.brand) + evidence.copies.map(\.brand)).sorted() {
            // One finding per right, as `proofmark run` makes them (FindingBuilder); the brand's score is the best.
            let marks = evidence.marks.filter { $0.brand == brand }
            let copies = evidence.copies.filter { $0.brand == brand }
            var best: (score: Double, assessment: Assessment, evidence: Evidence)?
            for right in Set(marks.map(\.right) + copies.map(\.right)).sorted() {
                var own = Evidence(marks: marks.filter { $0.right == right })
                own.copies = copies.filter { $0.right == right }
                own.context = evidence.context
                let assessment = Scorer.assess(own)
                if best.map({ assessment.score > $0.score }) ?? true { best = (assessment.score, assessment, own) }
            }
            guard let best else { continue }
            brands[brand] = [
                "fair_use": Scorer.isProbableFairUse(best.evidence), "severity": best.assessment.severity.rawValue,
                "score": best.score, "how": marks.map(\.how), "copy": !copies.isEmpty,
                "weak": marks.contains(where: \.isWeak),
            ]
        }
        let line: [String: Any] = ["listing_id": item.id, "brands": brands]
        return String(
            decoding: (try? JSONSerialization.data(withJSONObject: line, options: [.sortedKeys])) ?? Data(),
            as: UTF8.self)
    }
}

var best = Duration.seconds(1_000_000)
var lines: [String] = []
for _ in 0..<max(1, repeats) {
    let start = ContinuousClock.now
    let found = items.map { matcher.match($0.fields) }
    let elapsed = ContinuousClock.now - start
    best = min(best, elapsed)
    if lines.isEmpty { _ = found }
}
lines = scan()
try lines.joined(separator: "\n").appending("\n").write(toFile: arguments[3], atomically: true, encoding: .utf8)
let seconds = Double(best.components.seconds) + Double(best.components.attoseconds) / 1e18
let setupSeconds = Double(setup.components.seconds) + Double(setup.components.attoseconds) / 1e18
print(
    "{\"listings\": \(items.count), \"marks\": \(marks.count), \"texts\": \(texts.count), \"seconds\": \(seconds), "
        + "\"listings_per_second\": \(Double(items.count) / seconds), \"setup_seconds\": \(setupSeconds)}")
