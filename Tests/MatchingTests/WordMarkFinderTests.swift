import Matching
import Testing

@Suite struct WordMarkFinderTests {
    let finder = WordMarkFinder([
        RegisteredMark(brand: "Acme", text: "ACME", right: "tm-us"),
        RegisteredMark(brand: "Acme", text: "爱可美", right: "tm-cn"),
        RegisteredMark(brand: "Zolta", text: "Zolta", right: "tm-z"),
    ])

    @Test func wholeWordsInAnyCaseWithSpansIntoTheOriginal() {
        let title = "Été sale: acme Jacket, like ACME!"
        let found = finder.find(in: title, field: "title")
        #expect(found.map(\.found) == ["acme", "ACME"])
        #expect(found.map(\.span) == [10..<14, 28..<32])
        #expect(
            found.allSatisfy { $0.brand == "Acme" && $0.right == "tm-us" && $0.how == "exact" && $0.field == "title" })
        let characters = Array(title)
        #expect(String(characters[found[1].span]) == "ACME")
    }

    @Test func marksInsideLongerWordsAreNotWholeWords() {
        #expect(finder.find(in: "Acmeline and Polyacme and zoltan and acmes", field: "title").isEmpty)
        // Glued at a real boundary (a case change), the mark is there (issue 5).
        #expect(finder.find(in: "PolyACME and AcmeLine", field: "title").map(\.how) == ["glued", "glued"])
        #expect(finder.find(in: "acme-style (zolta)", field: "description").map(\.mark) == ["ACME", "Zolta"])
    }

    @Test func hanMarksMatchInsideUnsegmentedText() {
        let found = finder.find(in: "正品爱可美冲锋衣2024新款", field: "title")
        #expect(found.count == 1)
        #expect(found.first?.span == 2..<5 && found.first?.right == "tm-cn")
    }
}
