import Findings
import Foundation
import Testing

@Suite struct JSONTests {
    @Test func objectsHaveSortedKeysAndStringsAreEscaped() throws {
        let value: JSON = [
            "b": "quote \" backslash \\ newline \n tab \t bell \u{07} 汉字 <html>/", "a": [1, true, .null],
        ]
        let text = value.text
        #expect(text == #"{"a":[1,true,null],"b":"quote \" backslash \\ newline \n tab \t bell \u0007 汉字 <html>/"}"#)
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        #expect(parsed?["b"] as? String == "quote \" backslash \\ newline \n tab \t bell \u{07} 汉字 <html>/")
    }

    @Test func numbersAreShortestAndExact() {
        #expect(JSON.double(1).text == "1")
        #expect(JSON.double(0.9731).text == "0.9731")
        #expect(JSON.double(0.1 + 0.2).text == "0.30000000000000004")
        #expect(JSON.double(.nan).text == "null")
        #expect(JSON.decimal(Decimal(string: "12.50")!).text == "12.5")
        #expect(JSON.integer(-3).text == "-3")
    }

    /// The two layouts that keep bytes `JSONSerialization` wrote (review evidence keys and their SHA-256, eBay
    /// request bodies, `sellers --json`) give exactly its text, slashes, controls and line separators included.
    @Test(arguments: [
        ["image acme/logo identity", "word-mark ACME title"], ["a\u{8}b\u{C}c\u{1}d", "\u{2028}\u{2029}", "\"q\" \\"],
        [String](),
    ])
    func foundationLayoutsWriteWhatJSONSerializationWrote(strings: [String]) throws {
        let value = JSON.array(strings.map(JSON.string))
        let compact = try JSONSerialization.data(withJSONObject: strings, options: [.sortedKeys])
        #expect(value.text(layout: .compactEscapingSlashes) == String(decoding: compact, as: UTF8.self))
        let object = JSON.object(["items": value, "n": 3, "flag": false])
        let foundation: [String: Any] = ["items": strings, "n": 3, "flag": false]
        let pretty = try JSONSerialization.data(
            withJSONObject: foundation, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
        #expect(object.text(layout: .indentedKeepingSlashes) == String(decoding: pretty, as: UTF8.self))
    }
}
