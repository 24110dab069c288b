import Evidence
import Testing

@Suite struct HTMLTests {
    @Test(arguments: [
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("\" onmouseover='x' a=\"", "&quot; onmouseover=&#39;x&#39; a=&quot;"),
        ("Tom & Jerry", "Tom &amp; Jerry"),
        ("bell\u{07}", "bell\u{FFFD}"),
        ("爱可美 ZОLTA", "爱可美 ZОLTA"),
    ])
    func hostileTextIsEscaped(text: String, expected: String) {
        #expect(HTML.escape(text) == expected)
    }
}
