import Matching
import Testing

@Suite struct TextCopyIndexTests {
    static let jacket = """
        The Acme Summit jacket keeps you dry in driving rain with a three-layer waterproof shell and fully taped \
        seams. Pit zips dump heat on steep climbs, and the helmet-compatible hood adjusts with one hand. A soft \
        brushed collar stops chafing, while two chest pockets sit above a harness. Packs into its own pocket for \
        summit day.
        """
    static let toy = """
        遥控飞机采用高强度泡沫机身，耐摔耐撞，适合初学者练习。内置六轴陀螺仪，一键起飞降落，飞行稳定。\
        续航时间长达二十分钟，充电只需四十分钟。
        """
    static let russian = """
        Куртка Acme Summit защищает от проливного дождя благодаря трёхслойной мембране и проклеенным швам. \
        Вентиляционные молнии под мышками отводят тепло на крутых подъёмах.
        """

    let index = TextCopyIndex([
        ProtectedText(brand: "Acme", id: "jacket-copy", right: "c-acme", content: jacket),
        ProtectedText(brand: "Acme", id: "toy-copy", right: "c-acme", content: toy),
        ProtectedText(brand: "Acme", id: "ru-copy", right: "c-acme", content: russian),
    ])

    @Test func aWholeCopyIsFoundWithItsPassageInBothTexts() throws {
        let listing = "Great jacket!! " + Self.jacket.uppercased()
        let found = index.matches(in: listing, field: "description")
        let copy = try #require(found.first)
        #expect(found.map(\.text) == ["jacket-copy"])
        #expect(copy.containment == 1 && copy.similarity >= 0.8)
        let passage = try #require(copy.passages.first)
        // The passage runs from the first word to the last, without the final full stop.
        let length = Array(Self.jacket).count - 1
        #expect(passage.field == "description" && passage.span == 15..<(15 + length))
        #expect(passage.sourceSpan == 0..<length)
    }

    @Test func aFewSentencesInsideTheSellersOwnTextCount() throws {
        let listing = """
            New for this season, ships from our warehouse in two days. Pit zips dump heat on steep climbs, and \
            the helmet-compatible hood adjusts with one hand. Ask us about bulk orders and colours; we answer \
            within the hour and offer returns for thirty days on every item we sell.
            """
        let copy = try #require(index.matches(in: listing, field: "description").first)
        #expect(copy.text == "jacket-copy" && copy.containment < 0.5 && copy.similarity < 0.5)
        let passage = try #require(copy.passages.first)
        let characters = Array(listing)
        #expect(
            String(characters[passage.span])
                == "Pit zips dump heat on steep climbs, and the helmet-compatible hood adjusts with one hand")
        #expect(String(Array(Self.jacket)[passage.sourceSpan]) == String(characters[passage.span]))
    }

    @Test func chineseAndRussianCopiesAreFoundByCharactersAndWords() {
        let chinese = "全新正品，顺丰包邮。内置六轴陀螺仪，一键起飞降落，飞行稳定。续航时间长达二十分钟。欢迎选购"
        #expect(index.matches(in: chinese, field: "description").map(\.text) == ["toy-copy"])
        let russian = """
            Отличная куртка! Защищает от проливного дождя благодаря трёхслойной мембране и проклеенным швам. \
            Вентиляционные молнии под мышками отводят тепло на крутых подъёмах. Доставка по всей России.
            """
        #expect(index.matches(in: russian, field: "description").map(\.text) == ["ru-copy"])
    }

    @Test func aCopyEditedEveryFewWordsIsStillFound() throws {
        // Every seventh word replaced: no 6-shingle window survives whole, runs of six words do.
        var words = Self.jacket.split(separator: " ").map(String.init)
        for index in stride(from: 6, to: words.count, by: 7) { words[index] = "really" }
        let found = index.matches(in: words.joined(separator: " "), field: "description")
        #expect(found.map(\.text) == ["jacket-copy"])
        #expect(try #require(found.first).passages.count >= 4)
    }

    @Test func anOrdinaryDescriptionOfTheSameKindOfProductIsNotACopy() {
        let listing = """
            Waterproof rain jacket with taped seams and a hood. Two chest pockets, pit zips for ventilation, packs \
            into its own pocket. Keeps you dry in the rain on steep climbs. Soft collar.
            """
        #expect(index.matches(in: listing, field: "description").isEmpty)
        #expect(index.matches(in: "遥控飞机，适合初学者，续航二十分钟", field: "description").isEmpty)
    }
}
