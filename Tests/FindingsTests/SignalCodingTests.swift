import Findings
import Foundation
import Testing

@Suite struct SignalCodingTests {
    /// Signals as a run writes them: every kind, optional members present and absent.
    static let stored =
        #"[{"algorithm":"pdq","asset":"acme-logo","distance":4,"image":"images/a b.jpg","kind":"image","#
        + #""reference_view":"whole","region":[0,0,360,240],"strength":0.9419,"suspect_view":"trim","#
        + #""transform":"mirror","trusted":false},"#
        + #"{"algorithm":"features","asset":"acme-photo","image":"x.jpg","inliers":31,"kind":"image"},"#
        + #"{"field":"title","found":"ACME","goods":"inside","how":"exact","kind":"word-mark","mark":"ACME","#
        + #""span":[0,4],"weak":"splits-word"},"#
        + #"{"containment":0.5,"kind":"text-copy","method":"minhash+winnowing","passages":[{"field":"description","#
        + #""source_span":[3,40],"span":[0,37]}],"similarity":0.41,"text":"jacket-copy"},"#
        + #"{"cue":"fair-use","field":"title","kind":"context","phrase":"compatible with","span":[5,20]},"#
        + #"{"floor":30,"kind":"price","price":7.38}]"#

    @Test func storedSignalsReadBackToTheSameBytes() throws {
        let signals = try Signal.list(Self.stored)
        #expect(signals.map(\.kind) == [.image, .image, .wordMark, .textCopy, .context, .price])
        #expect(Signal.text(signals) == Self.stored)
    }

    @Test func theCanonicalFormWritesNumbersAsSpecified() throws {
        let value: JSON = [
            "a": .double(1), "b": .double(0.1 + 0.2), "c": .double(1e-7), "d": .double(1e20),
            "e": .decimal(Decimal(string: "7.380")!), "f": .double(.nan), "g": "x/\u{2028}\"",
        ]
        #expect(
            value.text == #"{"a":1,"b":0.30000000000000004,"c":1e-07,"d":1e+20,"e":7.38,"f":null,"g":"x/\u2028\""}"#)
    }

    @Test func theIndentedLayoutIsTheBagsLayout() {
        let value: JSON = ["b": [], "a": ["x/y", 1], "c": .null]
        #expect(
            value.text(layout: .indented)
                == "{\n  \"a\" : [\n    \"x\\/y\",\n    1\n  ],\n  \"b\" : [\n\n  ],\n  \"c\" : null\n}")
    }

    @Test func anUnknownKindIsAnErrorNamingIt() {
        #expect(throws: DecodingError.self) { try Signal.list(#"[{"kind":"smell","asset":"a"}]"#) }
    }
}
