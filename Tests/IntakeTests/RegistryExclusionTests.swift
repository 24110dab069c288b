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

@Suite struct RegistryGoodsTests {
    @Test func rightsCarryTheirGoods() throws {
        let folder = try RegistryLoaderTests.folder()
        let text = """
            owner: Shell Inc.
            rights:
              - { id: tm-s, type: trademark, registration: "US 1", classes: [4], goods: [fuel, motor oil, 润滑油] }
              - { id: tm-z, type: trademark, registration: "US 2" }
            brands:
              - name: Shell
                marks:
                  - { text: SHELL, right: tm-s }
            """
        let loaded = try RegistryLoader.parse(
            text, file: "registry.yaml", folder: folder.url, today: .init(year: 2026, month: 11, day: 29))
        #expect(loaded.registry.right("tm-s")?.goods == ["fuel", "motor oil", "润滑油"])
        #expect(loaded.registry.right("tm-s")?.classes == [4])
        #expect(loaded.registry.right("tm-z")?.goods == [])
    }

    @Test func badGoodsNameTheirLineAndField() throws {
        let folder = try RegistryLoaderTests.folder()
        let text = """
            owner: Shell Inc.
            rights:
              - { id: tm-a, type: trademark, registration: "US 1", goods: fuel }
              - { id: tm-b, type: trademark, registration: "US 2", goods: [fuel, " ", [oil], Fuel] }
            brands:
              - name: Shell
                marks:
                  - { text: SHELL, right: tm-a }
            """
        let error = try #require(throws: RegistryError.self) {
            try RegistryLoader.parse(
                text, file: "registry.yaml", folder: folder.url, today: .init(year: 2026, month: 11, day: 29))
        }
        let byField = Dictionary(grouping: error.errors, by: \.field)
        #expect(byField["rights[0].goods"]?.first?.message == "expected a list")
        #expect(byField["rights[0].goods"]?.first?.line == 3)
        #expect(byField["rights[1].goods[1]"]?.first?.message == "a goods keyword cannot be empty")
        #expect(byField["rights[1].goods[2]"]?.first?.message == "expected text")
        #expect(byField["rights[1].goods[3]"]?.first?.message == "goods keyword \"Fuel\" is given twice")
        #expect(byField["rights[1].goods[3]"]?.first?.line == 4)
        #expect(error.errors.allSatisfy { $0.file == "registry.yaml" })
    }
}
