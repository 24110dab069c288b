import Foundation
import Intake
import TestSupport
import Testing

@Suite struct RegistryExclusionTests {
    @Test func marksCarryTheirExclusionPhrases() throws {
        let folder = try RegistryLoaderTests.folder()
        let text = """
            owner: Zolta Inc.
            rights:
              - { id: tm-z, type: trademark, registration: "US 6,200,100" }
            brands:
              - name: Zolta
                marks:
                  - { text: ZOLTA, right: tm-z, exclude: ["Zoltan", "zoltarix"] }
                  - { text: ZOLTA SKY, right: tm-z }
            """
        let loaded = try RegistryLoader.parse(
            text, file: "registry.yaml", folder: folder.url, today: .init(year: 2026, month: 11, day: 29))
        #expect(
            loaded.registry.brands.first?.marks == [
                WordMark(text: "ZOLTA", right: "tm-z", exclusions: ["Zoltan", "zoltarix"]),
                WordMark(text: "ZOLTA SKY", right: "tm-z"),
            ])
    }

    @Test func aBadExclusionNamesItsLineAndField() throws {
        let folder = try RegistryLoaderTests.folder()
        let text = """
            owner: Zolta Inc.
            rights:
              - { id: tm-z, type: trademark, registration: "US 6,200,100" }
            brands:
              - name: Zolta
                marks:
                  - { text: ZOLTA, right: tm-z, exclude: Zoltan }
                  - { text: ZOLTAR, right: tm-z, exclude: ["Zoltarix", " "] }
            """
        let error = try #require(throws: RegistryError.self) {
            try RegistryLoader.parse(
                text, file: "registry.yaml", folder: folder.url, today: .init(year: 2026, month: 11, day: 29))
        }
        let byField = Dictionary(grouping: error.errors, by: \.field)
        #expect(byField["brands[0].marks[0].exclude"]?.first?.message == "expected a list")
        #expect(byField["brands[0].marks[0].exclude"]?.first?.line == 7)
        #expect(byField["brands[0].marks[1].exclude[1]"]?.first?.message == "an exclusion phrase cannot be empty")
    }
}
