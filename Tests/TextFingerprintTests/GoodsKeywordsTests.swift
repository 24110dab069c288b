import Testing

@testable import TextFingerprint

@Suite struct GoodsKeywordsTests {
    let goods = GoodsKeywords(["sneakers", "running shoes", "Schuhe", "运动鞋", "zapatilla", "TV"])

    @Test(arguments: [
        "New sneakers, black", "Men's running shoe size 42", "Herren Laufschuhe", "正品运动鞋", "Zapatillas de running",
        "RUNNING SHOES", "Stand for a tv", "Кроссовки Zapatillas",
    ])
    func namesTheGoods(text: String) {
        #expect(goods.named(in: ["Listing", text]))
    }

    @Test(arguments: [
        "Running late? Shoes later", "Sea shell necklace", "sneak peek", "运动衫", "Schuhcreme", "tvs", "ATV",
    ])
    func doesNotNameTheGoods(text: String) {
        #expect(!goods.named(in: [text]))
    }

    @Test func ordinaryPhrasesAreCommonWords() {
        #expect(CommonWords.isOrdinaryPhrase("SHELL") && CommonWords.isOrdinaryPhrase("Blue Bird"))
        #expect(CommonWords.isOrdinaryPhrase("WOLKE") && CommonWords.isOrdinaryPhrase("ЛАСТОЧКА"))
        #expect(!CommonWords.isOrdinaryPhrase("ZOLTA") && !CommonWords.isOrdinaryPhrase("Kestrel Zolta"))
        #expect(CommonWords.isOrdinaryPhrase("优雅") && !CommonWords.isOrdinaryPhrase("爱可美"))
    }
}
