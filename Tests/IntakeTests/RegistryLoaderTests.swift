import Foundation
import Intake
import TestSupport
import Testing

@Suite struct RegistryLoaderTests {
    static let today = LocalDate(year: 2026, month: 11, day: 29)

    /// A folder holding the files a registry refers to.
    static func folder() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.write("PNG bytes are not checked here", to: "assets/acme-logo.png")
        try folder.write("JPEG", to: "assets/jacket-front.jpg")
        try folder.write("A jacket for every weather.", to: "texts/jacket.txt")
        try folder.write("%PDF", to: "rights/us-5123456.pdf")
        return folder
    }

    static let valid = """
        owner: Acme Outdoor Co.
        rights:
          - id: tm-us-5123456
            type: trademark
            registration: "US 5,123,456"
            jurisdiction: US
            classes: [25]
            holder: Acme Outdoor Co.
            expires: 2031-04-01
            certificate: rights/us-5123456.pdf
          - { id: tm-cn-30111222, type: trademark, registration: "CN 30111222", jurisdiction: CN }
          - { id: c-acme-photos, type: copyright, registration: "VA 2-123-456" }
          - { id: c-acme-copy, type: copyright, registration: "TX 9-876-543" }
        brands:
          - name: Acme
            marks:
              - { text: ACME, right: tm-us-5123456 }
              - { text: 爱可美, right: tm-cn-30111222 }
            assets:
              - { id: acme-logo, path: assets/acme-logo.png, kind: logo, right: tm-us-5123456 }
              - { id: jacket-front, path: assets/jacket-front.jpg, kind: product-photo, right: c-acme-photos }
            texts:
              - { id: jacket-copy, path: texts/jacket.txt, right: c-acme-copy }
            price_floor: { amount: 40, currency: USD }
            authorized_sellers: [acme-official, outdoorworld-store]
        """

    @Test func theDesignExampleLoadsWithEveryField() throws {
        let folder = try Self.folder()
        let loaded = try RegistryLoader.parse(Self.valid, file: "registry.yaml", folder: folder.url, today: Self.today)
        let registry = loaded.registry
        #expect(loaded.warnings.isEmpty)
        #expect(registry.owner == "Acme Outdoor Co.")
        #expect(registry.rights.map(\.id) == ["tm-us-5123456", "tm-cn-30111222", "c-acme-photos", "c-acme-copy"])
        let right = try #require(registry.right("tm-us-5123456"))
        #expect(right.kind == .trademark && right.registration == "US 5,123,456" && right.classes == [25])
        #expect(right.expires == LocalDate("2031-04-01"))
        #expect(right.certificate?.lastPathComponent == "us-5123456.pdf")
        let brand = try #require(registry.brands.first)
        #expect(
            brand.marks == [
                WordMark(text: "ACME", right: "tm-us-5123456"), WordMark(text: "爱可美", right: "tm-cn-30111222"),
            ])
        #expect(brand.assets.map(\.id) == ["acme-logo", "jacket-front"])
        #expect(brand.assets[0].file.path == folder.url.appendingPathComponent("assets/acme-logo.png").path)
        #expect(brand.texts.map(\.id) == ["jacket-copy"])
        #expect(brand.priceFloor == Price(amount: 40, currency: "USD"))
        #expect(brand.authorizedSellers == ["acme-official", "outdoorworld-store"])
    }

    @Test func everyErrorIsReportedAtOnceWithLineAndField() throws {
        let folder = try Self.folder()
        let broken = """
            owner: Acme
            rights:
              - { id: tm-1, type: trademark, registration: "US 1" }
              - { id: tm-1, type: trademark, registration: "US 2" }
              - { id: tm-2, type: patent, registration: "US 3" }
              - { id: tm-3, type: trademark, registration: "US 4", classes: [twenty-five] }
            brands:
              - name: Acme
                colour: red
                marks:
                  - { text: ACME, right: tm-9 }
                assets:
                  - { id: logo, path: assets/missing.png, right: tm-1 }
                  - { id: logo2, path: assets, right: tm-1 }
                  - { id: photo, path: assets/jacket-front.jpg, right: tm-1 }
                texts:
                  - { id: photo, path: texts/jacket.txt, right: tm-1 }
                price_floor: { amount: -5, currency: dollars }
              - name: Acme
            """
        let error = try #require(throws: RegistryError.self) {
            try RegistryLoader.parse(broken, file: "registry.yaml", folder: folder.url, today: Self.today)
        }
        let byField = Dictionary(grouping: error.errors, by: \.field)
        #expect(byField["rights[1].id"]?.first?.message.contains("duplicate right id") == true)
        #expect(byField["rights[2].type"]?.first?.message.contains("unknown right type \"patent\"") == true)
        #expect(byField["rights[3].classes[0]"]?.first?.message == "expected a whole number")
        #expect(byField["brands[0].colour"]?.first?.message.contains("unknown key \"colour\"") == true)
        #expect(byField["brands[0].marks[0].right"]?.first?.message.contains("does not declare") == true)
        #expect(byField["brands[0].assets[0].path"]?.first?.message == "file not found: assets/missing.png")
        #expect(byField["brands[0].assets[1].path"]?.first?.message == "assets is a folder")
        #expect(byField["brands[0].texts[0].id"]?.first?.message.contains("duplicate asset or text id") == true)
        #expect(byField["brands[0].price_floor.amount"]?.first?.message.contains("not a positive amount") == true)
        #expect(byField["brands[0].price_floor.currency"]?.first?.message.contains("ISO 4217") == true)
        #expect(byField["brands[1].name"]?.first?.message.contains("duplicate brand name") == true)
        #expect(error.errors.count == 11)
        // Lines point at the offending node.
        #expect(byField["brands[0].colour"]?.first?.line == 9)
        #expect(byField["rights[2].type"]?.first?.line == 5)
        #expect(byField["brands[0].assets[0].path"]?.first?.line == 13)
        #expect(error.description.contains("registry.yaml:9:"))
    }

    @Test func missingRequiredFieldsAreNamed() throws {
        let error = try #require(throws: RegistryError.self) {
            try RegistryLoader.parse(
                "rights:\n  - { type: trademark }\n", file: "r.yaml", folder: URL(fileURLWithPath: "/"),
                today: Self.today)
        }
        let messages = error.errors.map { "\($0.field): \($0.message)" }
        #expect(messages.contains("owner: missing required \"owner\""))
        #expect(messages.contains("brands: missing required \"brands\""))
        #expect(messages.contains("rights[0].id: missing required \"id\""))
        #expect(messages.contains("rights[0].registration: missing required \"registration\""))
    }

    @Test func anExpiredRightIsAWarningNotAnError() throws {
        let folder = try Self.folder()
        let text = Self.valid.replacingOccurrences(of: "expires: 2031-04-01", with: "expires: 2025-01-31")
        let loaded = try RegistryLoader.parse(text, file: "registry.yaml", folder: folder.url, today: Self.today)
        #expect(loaded.warnings.count == 1)
        #expect(loaded.warnings.first?.severity == .warning)
        #expect(loaded.warnings.first?.message == "right tm-us-5123456 expired on 2025-01-31")
        #expect(loaded.warnings.first?.line == 9)
    }

    @Test(arguments: ["owner: [unclosed\n", "owner: a\n  bad: indentation\n", "owner: a\nowner: b\n"])
    func yamlSyntaxErrorsAreReportedAsSuch(text: String) throws {
        let error = try #require(throws: RegistryError.self) {
            try RegistryLoader.parse(text, file: "r.yaml", folder: URL(fileURLWithPath: "/"), today: Self.today)
        }
        #expect(error.errors.count == 1)
        #expect(error.errors.first?.message.hasPrefix("not valid YAML: ") == true)
    }

    @Test func syntaxErrorsCarryTheirLine() throws {
        let error = try #require(throws: RegistryError.self) {
            try RegistryLoader.parse(
                "owner: a\nbrands:\n  - name: [x\n", file: "r.yaml", folder: URL(fileURLWithPath: "/"),
                today: Self.today)
        }
        #expect(error.errors.first?.line != nil)
    }

    /// Registries that ask for unbounded work: refused before a tree is built, naming the line.
    enum Bomb: String, CaseIterable {
        case nestedAliases, aliasAsKey, deepNesting, tooLarge
    }

    @Test(arguments: Bomb.allCases)
    func registriesThatAskForUnboundedWorkAreRefusedWithTheirLine(bomb: Bomb) throws {
        // Ten levels of ten aliases each: 10^10 scalars once expanded, from a few hundred bytes.
        var laughs = "owner: a\nl0: &l0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            let aliases = Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ")
            laughs += "l\(level): &l\(level) [\(aliases)]\n"
        }
        let text: String
        let expected: String
        let line: Int?
        switch bomb {
        case .nestedAliases:
            text = laughs
            expected = "takes the document past 1000000 nodes once aliases are expanded"
            line = 7
        case .aliasAsKey:
            text = "owner: a\nl0: &l0 [x, x]\nbrands:\n  *l0 : x\n"
            expected = "an alias (*l0) cannot be a mapping key"
            line = 4
        case .deepNesting:
            text = "owner: " + String(repeating: "[", count: 200) + String(repeating: "]", count: 200) + "\n"
            expected = "nested more than 64 levels deep"
            line = 1
        case .tooLarge:
            text = "owner: " + String(repeating: "a", count: RegistryLoader.maximumBytes) + "\n"
            expected = "more than the \(RegistryLoader.maximumBytes) a registry may be"
            line = nil
        }
        let error = try #require(throws: RegistryError.self) {
            try RegistryLoader.parse(text, file: "r.yaml", folder: URL(fileURLWithPath: "/"), today: Self.today)
        }
        #expect(error.errors.count == 1)
        let issue = try #require(error.errors.first)
        #expect(issue.message.contains(expected), "\(issue)")
        #expect(issue.line == line && issue.file == "r.yaml", "\(issue)")
    }

    /// Asset, text and certificate paths cannot lead out of the registry's folder: not absolute, not by `../`,
    /// not through a symbolic link, unless an allowed root says so; a FIFO is not read.
    @Test func registryPathsStayInsideTheRegistryFolderUnlessARootAllowsThem() throws {
        let folder = try TemporaryFolder()
        let secret = try folder.write("%PDF secret", to: "outside/secret.pdf")
        try folder.write("logo", to: "outside/logo.png")
        try folder.write("copy", to: "outside/copy.txt")
        let registryFolder = folder.url.appendingPathComponent("registry")
        try FileManager.default.createDirectory(at: registryFolder, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: registryFolder.appendingPathComponent("copy.txt").path,
            withDestinationPath: folder.url.appendingPathComponent("outside/copy.txt").path)
        #expect(mkfifo(registryFolder.appendingPathComponent("fifo.png").path, 0o600) == 0)
        let text = """
            owner: Acme
            rights:
              - { id: tm-1, type: trademark, registration: "US 1", certificate: \(secret.path) }
            brands:
              - name: Acme
                assets:
                  - { id: logo, path: ../outside/logo.png, right: tm-1 }
                  - { id: fifo, path: fifo.png, right: tm-1 }
                texts:
                  - { id: copy, path: copy.txt, right: tm-1 }
            """
        let error = try #require(throws: RegistryError.self) {
            try RegistryLoader.parse(text, file: "registry.yaml", folder: registryFolder, today: Self.today)
        }
        let byField = Dictionary(grouping: error.errors, by: \.field).mapValues { $0.map(\.message) }
        let outside = "is outside the registry's folder"
        #expect(byField["rights[0].certificate"]?.first?.contains("\(secret.path) \(outside)") == true)
        #expect(byField["brands[0].assets[0].path"]?.first?.contains("../outside/logo.png \(outside)") == true)
        #expect(byField["brands[0].texts[0].path"]?.first?.contains("copy.txt \(outside)") == true)
        #expect(byField["brands[0].assets[1].path"] == ["fifo.png is not a regular file"])
        #expect(error.errors.count == 4, "\(error)")
        #expect(error.errors.allSatisfy { $0.file == "registry.yaml" && $0.line != nil })

        let allowed = text.replacingOccurrences(of: "      - { id: fifo, path: fifo.png, right: tm-1 }\n", with: "")
        let loaded = try RegistryLoader.parse(
            allowed, file: "registry.yaml", folder: registryFolder, today: Self.today,
            allowedRoots: [folder.url.appendingPathComponent("outside")])
        #expect(loaded.registry.rights.first?.certificate?.path == secret.path)
        #expect(loaded.registry.brands.first?.assets.map(\.id) == ["logo"])
        #expect(loaded.registry.brands.first?.texts.map(\.id) == ["copy"])
    }

    @Test func anUnreadableRegistryFileIsAnError() throws {
        let error = try #require(throws: RegistryError.self) {
            try RegistryLoader.load(path: "/nonexistent/registry.yaml", today: Self.today)
        }
        #expect(error.errors.first?.file == "/nonexistent/registry.yaml")
    }

    @Test func localDatesParseOnlyRealDays() {
        #expect(LocalDate("2024-02-29") != nil)
        #expect(LocalDate("2023-02-29") == nil)
        #expect(LocalDate("2026-13-01") == nil)
        #expect(LocalDate("26-1-1") == nil)
        #expect(LocalDate("2026-11-29")?.description == "2026-11-29")
        #expect(LocalDate(Date(timeIntervalSince1970: 0)) == LocalDate("1970-01-01"))
    }
}
