import Evidence
import Findings
import Imaging
import Store
import Testing

@Suite struct SideBySideTests {
    static let blue = Colour(red: 40, green: 90, blue: 200)
    static let grey = Colour(red: 128, green: 128, blue: 128)

    static func solid(_ width: Int, _ height: Int, _ colour: Colour) -> Image {
        Image(width: width, height: height, format: .rgb, filledWith: colour.samples)
    }

    static func colour(_ image: Image, _ x: Int, _ y: Int) -> Colour {
        let start = (y * image.width + x) * 3
        return Colour(red: image.pixels[start], green: image.pixels[start + 1], blue: image.pixels[start + 2])
    }

    /// Every pixel of `image` inside `area` whose colour is `colour`.
    static func pixels(of colour: Colour, in image: Image, area: PixelRect? = nil) -> [(x: Int, y: Int)] {
        let area = area ?? PixelRect(x: 0, y: 0, width: image.width, height: image.height)
        var found: [(x: Int, y: Int)] = []
        for y in area.y..<(area.y + area.height) {
            for x in area.x..<(area.x + area.width) where Self.colour(image, x, y) == colour {
                found.append((x, y))
            }
        }
        return found
    }

    @Test func picturesShareTheCommonHeightAndKeepTheirAspect() {
        let layout = SideBySide.layout(registered: (600, 400), suspect: (400, 400), caption: ["a"], height: 360)
        #expect(layout.registered == PixelRect(x: 8, y: 8, width: 540, height: 360))
        #expect(layout.suspect == PixelRect(x: 8 + 540 + 32, y: 8, width: 360, height: 360))
        #expect(layout.width == 8 + 540 + 32 + 360 + 8)

        let picture = SideBySide.render(
            registered: Self.solid(600, 400, Self.blue), suspect: Self.solid(400, 400, Self.grey), caption: ["a"])
        #expect(picture.width == layout.width && picture.height == layout.height)
        #expect(Self.colour(picture, 8, 8) == Self.blue && Self.colour(picture, 547, 367) == Self.blue)
        #expect(Self.colour(picture, 548, 8) == SideBySide.background)
        #expect(Self.colour(picture, 580, 8) == Self.grey && Self.colour(picture, 939, 367) == Self.grey)
        #expect(Self.colour(picture, 940, 200) == SideBySide.background)
    }

    @Test func narrowPicturesAreCentredAboveACaptionWideEnoughToRead() {
        let layout = SideBySide.layout(registered: (300, 200), suspect: (100, 200), caption: ["x"], height: 100)
        #expect(layout.captionScale == 1)
        #expect(layout.width == 48 * 6 + 16)
        #expect(layout.registered == PixelRect(x: 36, y: 8, width: 150, height: 100))
        #expect(layout.suspect == PixelRect(x: 36 + 150 + 32, y: 8, width: 50, height: 100))
    }

    @Test func veryWideImagesAreCappedAtTheMaximumWidthAndCentredVertically() {
        let layout = SideBySide.layout(registered: (10000, 10), suspect: (1500, 300), caption: [], height: 360)
        #expect(layout.registered == PixelRect(x: 8, y: 8 + 359 / 2, width: 1080, height: 1))
        #expect(layout.suspect == PixelRect(x: 8 + 1080 + 32, y: 8 + 72, width: 1080, height: 216))
        #expect(layout.captionBand == nil && layout.height == 8 + 360 + 8)
    }

    @Test func tinyHugeAndHostileInputsDoNotCrash() throws {
        let dot = Self.solid(1, 1, Self.blue)
        let strip = Self.solid(10000, 10, Self.grey)
        let pole = Image(width: 10, height: 10000, format: .grey, filledWith: [7])
        let pairs: [SideBySide.Correspondence] = [((0, 0), (0, 0)), ((-5, 1 << 40), (Int.max, Int.min))]
        for (left, right) in [(dot, dot), (strip, dot), (dot, strip), (pole, strip), (strip, pole)] {
            let picture = SideBySide.render(
                registered: left, suspect: right, region: PixelRect(x: -3, y: -3, width: Int.max, height: 5),
                correspondences: pairs, caption: ["爱可美 " + String(repeating: "w", count: 2000), "", "\t\n"])
            let layout = SideBySide.layout(
                registered: (left.width, left.height), suspect: (right.width, right.height),
                caption: ["爱可美 " + String(repeating: "w", count: 2000), "", "\t\n"])
            #expect(picture.width == layout.width && picture.height == layout.height)
            #expect(try PNGEncoder.encode(picture).count > 0)
        }
        let layout = SideBySide.layout(registered: (1, 1), suspect: (1, 1), caption: [], height: 360)
        #expect(layout.registered.width == 360 && layout.suspect.height == 360)
        #expect(SideBySide.layout(registered: (10, 10000), suspect: (1, 1), caption: []).registered.width == 1)
    }

    @Test func identicalInputsGiveIdenticalPNGBytes() throws {
        func png(_ caption: String) throws -> [UInt8] {
            var registered = Self.solid(320, 240, Self.blue)
            registered.drawLine(from: (0, 0), to: (319, 239), thickness: 5, colour: .white)
            let suspect = registered.transformed(by: .flipHorizontal).resized(width: 200, height: 150)
            return try PNGEncoder.encode(
                SideBySide.render(
                    registered: registered, suspect: suspect, region: PixelRect(x: 10, y: 10, width: 100, height: 80),
                    correspondences: [((5, 5), (197, 3)), ((160, 120), (100, 75))], caption: [caption, "pdq 4"]))
        }
        let first = try png("Left: a.jpg. Right: b.jpg.")
        #expect(try png("Left: a.jpg. Right: b.jpg.") == first)
        #expect(try png("Left: a.jpg. Right: c.jpg.") != first)
    }

    @Test func outlineSurroundsTheScaledRegion() {
        // The suspect (400 × 400) is placed at (580, 8) at 360 × 360: a scale of 0.9.
        let picture = SideBySide.render(
            registered: Self.solid(600, 400, Self.blue), suspect: Self.solid(400, 400, Self.grey),
            region: PixelRect(x: 100, y: 40, width: 201, height: 100), caption: ["a"])
        // Scaled edges round outwards: x 670...851 (300.9 up to 301), y 44...134.
        let inner = PixelRect(x: 670, y: 44, width: 181, height: 90)
        let outer = PixelRect(x: 667, y: 41, width: 187, height: 96)
        let around = PixelRect(x: 660, y: 34, width: 201, height: 110)
        for y in around.y..<(around.y + around.height) {
            for x in around.x..<(around.x + around.width) {
                let inOuter = x >= outer.x && x < outer.x + outer.width && y >= outer.y && y < outer.y + outer.height
                let inInner = x >= inner.x && x < inner.x + inner.width && y >= inner.y && y < inner.y + inner.height
                let expected = inOuter && !inInner ? SideBySide.outlineColour : Self.grey
                #expect(Self.colour(picture, x, y) == expected, "pixel (\(x), \(y))")
            }
        }
        #expect(Self.pixels(of: SideBySide.outlineColour, in: picture).count == 187 * 96 - 181 * 90)
    }

    @Test func regionOutsideTheSuspectDrawsNoOutline() {
        for region in [PixelRect(x: 400, y: 0, width: 10, height: 10), PixelRect(x: 5, y: 5, width: 0, height: 9)] {
            let picture = SideBySide.render(
                registered: Self.solid(40, 40, Self.blue), suspect: Self.solid(400, 400, Self.grey), region: region,
                caption: [])
            #expect(Self.pixels(of: SideBySide.outlineColour, in: picture).isEmpty)
        }
    }

    @Test func correspondenceLinesRunBetweenTheMatchedPixels() {
        let picture = SideBySide.render(
            registered: Self.solid(600, 400, Self.blue), suspect: Self.solid(400, 400, Self.grey),
            correspondences: [((0, 0), (399, 399)), ((300, 200), (200, 200))], caption: ["a"])
        let first = SideBySide.correspondenceColours[0]
        let second = SideBySide.correspondenceColours[1]
        // Pixel centres map to (8, 8) and (580 + 359, 8 + 359); (300, 200) to (278, 188) and (200, 200) to (760, 188).
        #expect(Self.colour(picture, 8, 8) == first && Self.colour(picture, 939, 367) == first)
        #expect(Self.colour(picture, 278, 188) == second && Self.colour(picture, 760, 188) == second)
        // The second is level, 2 pixels thick at this scale, across the gutter.
        for x in 548..<580 {
            #expect(Self.colour(picture, x, 188) == second && Self.colour(picture, x, 189) == second)
            #expect(Self.colour(picture, x, 187) != second && Self.colour(picture, x, 190) != second)
        }
        // Each end has a square marker 9 pixels wide at this scale.
        #expect(Self.colour(picture, 764, 192) == second && Self.colour(picture, 765, 188) == Self.grey)
        #expect(Self.colour(picture, 274, 184) == second && Self.colour(picture, 273, 188) == Self.blue)
    }

    @Test func atMostEightCorrespondencesAreDrawn() {
        let pairs: [SideBySide.Correspondence] = (0..<20).map { ((200, 20 * $0 + 5), (200, 20 * $0 + 5)) }
        let picture = SideBySide.render(
            registered: Self.solid(400, 400, Self.blue), suspect: Self.solid(400, 400, Self.grey),
            correspondences: pairs, caption: [])
        // The gutter is x 368..<400; count the runs of drawn pixels down its middle column.
        var runs = 0
        var inRun = false
        for y in 0..<picture.height {
            let drawn = Self.colour(picture, 384, y) != SideBySide.background
            if drawn && !inRun { runs += 1 }
            inRun = drawn
        }
        #expect(runs == SideBySide.maximumCorrespondences)
    }

    @Test func captionBandHoldsTheTextWithinThePicture() throws {
        let long = "Title: " + String(repeating: "genuine brand jacket ", count: 40)
        let caption = ["Finding f-123", long, "爱可美 ZОLTA", "Score 0.97"]
        let picture = SideBySide.render(
            registered: Self.solid(600, 400, Self.blue), suspect: Self.solid(400, 400, Self.grey), caption: caption)
        let layout = SideBySide.layout(registered: (600, 400), suspect: (400, 400), caption: caption)
        let band = try #require(layout.captionBand)
        #expect(band.y == 8 + 360 + 8 && band.y + band.height == picture.height && band.width == picture.width)

        let rows = layout.captionRows
        #expect(rows.count == 1 + SideBySide.maximumRowsPerCaptionLine + 1 + 1)
        #expect(rows[0] == "Finding f-123" && rows.last == "Score 0.97")
        #expect(rows[SideBySide.maximumRowsPerCaptionLine].hasSuffix("..."))
        #expect(rows[1].hasPrefix("Title: genuine brand jacket"))
        for row in rows {
            #expect(BitmapFont.width(of: row, scale: layout.captionScale) <= band.width - 2 * SideBySide.margin)
            #expect(!row.hasSuffix(" ") && !row.hasPrefix(" "))
        }

        let ink = Self.pixels(of: SideBySide.captionInk, in: picture)
        #expect(ink.count > 1000)
        #expect(ink.allSatisfy { $0.y >= band.y + SideBySide.margin && $0.x >= SideBySide.margin })
        #expect(ink.allSatisfy { $0.x < band.width - SideBySide.margin })
        #expect(Self.colour(picture, 2, band.y + 2) == SideBySide.captionBackground)
    }

    @Test(arguments: [
        ("short", 10, ["short"]),
        ("two words", 5, ["two", "words"]),
        ("a  b  c", 10, ["a  b  c"]),
        ("abcdefghijkl", 5, ["abcde", "fghij", "kl"]),
        ("one two three four five six", 8, ["one two", "three", "four..."]),
        ("tab\tseparated", 20, ["tab separated"]),
    ])
    func captionLinesWrapAtSpacesAndEndWithAnEllipsis(line: String, columns: Int, expected: [String]) {
        #expect(SideBySide.wrap(line, columns: columns, maximumRows: 3) == expected)
    }

    @Test func wrappingNeverExceedsTheColumns() {
        for columns in 1...12 {
            for maximumRows in 1...3 {
                let rows = SideBySide.wrap(
                    "x yy zzz  wwww vvvvvvvvvvvvvvvv u 爱可美", columns: columns, maximumRows: maximumRows)
                #expect(rows.count <= maximumRows && rows.allSatisfy { $0.count <= columns })
            }
        }
    }

    @Test func imageSignalCaptionNamesAssetRightMatchAndScore() throws {
        let signals = """
            [{"algorithm":"pdq","asset":"acme-logo","distance":14,"image":"images/1-1.jpg","kind":"image",\
            "region":[0,0,300,300],"transform":"mirror"}]
            """
        let finding = FindingRecord(
            findingID: "f-1", marketplace: "aliexpress", listingID: "1005006", sellerID: "s-889", url: nil,
            brand: "Acme", right: "tm-us-5123456", score: 0.971, severity: .serious, status: .new, firstRun: "r1",
            lastRun: "r1", firstSeen: "2026-11-28", lastSeen: "2026-11-28", signals: try Signal.list(signals))
        let listing = ListingSummary(
            raw: #"{"title":"ACME 爱可美 jacket","captured_at":"2026-11-28T01:12:00Z"}"#, marketplace: "aliexpress",
            listingID: "1005006")
        let right = RightSummary(
            id: "tm-us-5123456", type: "trademark", registration: "US 5,123,456", jurisdiction: "US")
        let evidence = FindingEvidence(finding: finding, listing: listing, right: right, owner: "Acme Outdoor Co.")
        guard case .image(let signal) = evidence.elements.first else {
            Issue.record("no image signal")
            return
        }
        let caption = SideBySide.caption(for: evidence, signal: signal)
        #expect(
            caption == [
                "Finding f-1, captured 2026-11-28T01:12:00Z",
                "Left: registered asset acme-logo. Right: aliexpress listing 1005006, image images/1-1.jpg.",
                "Right: US 5,123,456 (trademark tm-us-5123456, US)",
                "Match: pdq, distance 14, transform mirror, score 0.97",
                "Title: ACME 爱可美 jacket",
            ])
    }
}
