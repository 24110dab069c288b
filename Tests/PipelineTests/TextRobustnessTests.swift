import Foundation
import Intake
import Pipeline
import TestSupport
import Testing

@Suite struct TextRobustnessTests {
    /// The sample registry plus marks that ordinary words contain (VINTA in "vintage", JUSTA in "adjustable").
    static func registry() throws -> (Registry, TemporaryFolder) {
        let fixture = try NightFixture()
        var registry = try RegistryLoader.load(
            path: fixture.registry.path, today: LocalDate(year: 2026, month: 11, day: 29)
        )
        .registry
        registry.brands[1].marks += [
            WordMark(text: "VINTA", right: "tm-us-6200100"), WordMark(text: "JUSTA", right: "tm-us-6200100"),
        ]
        return (registry, fixture.folder)
    }

    @Test func theRegistrysOwnMarksSurviveEveryEvasionFamilyWithoutFlaggingTheInnocent() throws {
        let (registry, folder) = try Self.registry()
        let report = try TextRobustness.run(registry: registry, wordList: TextRobustness.defaultWordList, seed: 7)
        withExtendedLifetime(folder) {}
        let summary = report.lines.joined(separator: "\n")
        #expect(report.families.map(\.name) == TextRobustness.families)
        for family in report.families {
            #expect(family.cases > 0, "\(family.name)\n\(summary)")
            #expect(family.recall >= 0.8, "\(family.name): \(family.missed)\n\(summary)")
        }
        #expect(report.recall >= 0.9, "\(summary)")
        #expect(report.innocents >= 200 && report.falsePositiveRate <= 0.01, "\(summary)")
        #expect(report.fairUse > 0 && report.fairUseFlaggedRate <= 0.1, "\(summary)")
        #expect(report.copies == 6 && report.copyRecall >= 0.95, "\(summary)")
    }

    @Test func theReportIsTheSameForTheSameSeedAndReadsAsTextAndJSON() throws {
        let (registry, folder) = try Self.registry()
        let words = Array(TextRobustness.defaultWordList.prefix(3_000))
        let first = try TextRobustness.run(registry: registry, wordList: words, seed: 42)
        let second = try TextRobustness.run(registry: registry, wordList: words, seed: 42)
        withExtendedLifetime(folder) {}
        #expect(first.json == second.json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(first.json.utf8)) as? [String: Any])
        #expect((object["families"] as? [[String: Any]])?.count == TextRobustness.families.count)
        #expect(object["false_positive_rate"] is Double && object["copy_recall"] is Double)
        #expect(
            first.lines.first == "text robustness (seed 42)" && first.lines.count >= TextRobustness.families.count + 5)
    }
}
