import Imaging
import Testing

@Suite struct ConnectedComponentsTests {
    /// Components by flood fill, the obvious way, to hold the two-pass labelling to.
    static func floodFill(_ mask: [Bool], width: Int, height: Int, diagonal: Bool) -> [Set<Int>] {
        var seen = [Bool](repeating: false, count: mask.count)
        var components: [Set<Int>] = []
        for start in mask.indices where mask[start] && !seen[start] {
            var component: Set<Int> = []
            var stack = [start]
            seen[start] = true
            while let pixel = stack.popLast() {
                component.insert(pixel)
                let x = pixel % width
                let y = pixel / width
                for dy in -1...1 {
                    for dx in -1...1 where (dx != 0 || dy != 0) && (diagonal || dx == 0 || dy == 0) {
                        let nx = x + dx
                        let ny = y + dy
                        guard (0..<width).contains(nx), (0..<height).contains(ny) else { continue }
                        let neighbour = ny * width + nx
                        if mask[neighbour] && !seen[neighbour] {
                            seen[neighbour] = true
                            stack.append(neighbour)
                        }
                    }
                }
            }
            components.append(component)
        }
        return components
    }

    @Test func diagonalNeighboursJoinOnlyWithEightConnectivity() {
        // x . .
        // . x x
        // . . .
        let mask = [true, false, false, false, true, true, false, false, false]
        let four = ConnectedComponents(mask: mask, width: 3, height: 3, diagonal: false)
        let eight = ConnectedComponents(mask: mask, width: 3, height: 3, diagonal: true)
        #expect(four.components.count == 2)
        #expect(eight.components.count == 1)
        #expect(eight.components[0].area == 3)
        #expect(eight.components[0].bounds == PixelRect(x: 0, y: 0, width: 3, height: 2))
        // (0,0) and (2,1) lie on the edge; (1,1) does not.
        #expect(eight.components[0].edgeContact == 2)
        #expect(four.labels == [1, 0, 0, 0, 2, 2, 0, 0, 0])
    }

    @Test func randomMasksAgreeWithFloodFill() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        for trial in 0..<40 {
            let width = 5 + Int(next() % 40)
            let height = 5 + Int(next() % 40)
            let density = 30 + Int(next() % 40)
            let mask = (0..<(width * height)).map { _ in Int(next() % 100) < density }
            for diagonal in [false, true] {
                let labelled = ConnectedComponents(mask: mask, width: width, height: height, diagonal: diagonal)
                let expected = Set(Self.floodFill(mask, width: width, height: height, diagonal: diagonal))
                var found: [Set<Int>] = Array(repeating: [], count: labelled.components.count)
                for (pixel, label) in labelled.labels.enumerated() where label != 0 {
                    found[Int(label) - 1].insert(pixel)
                }
                #expect(Set(found) == expected, "trial \(trial), diagonal \(diagonal)")
                for (component, pixels) in zip(labelled.components, found) {
                    let xs = pixels.map { $0 % width }
                    let ys = pixels.map { $0 / width }
                    #expect(component.area == pixels.count)
                    #expect(
                        component.bounds
                            == PixelRect(
                                x: xs.min() ?? 0, y: ys.min() ?? 0, width: (xs.max() ?? 0) - (xs.min() ?? 0) + 1,
                                height: (ys.max() ?? 0) - (ys.min() ?? 0) + 1))
                    #expect(
                        component.edgeContact
                            == pixels.filter {
                                $0 % width == 0 || $0 % width == width - 1 || $0 / width == 0
                                    || $0 / width == height - 1
                            }.count)
                }
            }
        }
    }
}

@Suite struct ContentLayoutTests {
    static let ink = Colour(red: 40, green: 30, blue: 140)

    /// A word mark on white: a square and a word, `width × height`, the mark's top left at (`x`, `y`).
    static func logo(width: Int = 400, height: Int = 200, x: Int = 60, y: Int = 70) -> Image {
        var image = Image(width: width, height: height, format: .rgb, filledWith: Colour.white.samples)
        image.fill(PixelRect(x: x, y: y, width: 50, height: 50), with: ink)
        image.drawText("ACME", atX: x + 70, y: y + 4, colour: ink, scale: 6)
        return image
    }

    /// The box around every pixel darker than the paper: what the layout should find.
    static func inkBox(_ image: Image) -> PixelRect {
        let luma = image.luma()
        var box: PixelRect?
        for y in 0..<luma.height {
            for x in 0..<luma.width where luma.values[y * luma.width + x] < 200 {
                let pixel = PixelRect(x: x, y: y, width: 1, height: 1)
                box = box?.union(pixel) ?? pixel
            }
        }
        return box ?? PixelRect(x: 0, y: 0, width: 0, height: 0)
    }

    static let mark = inkBox(logo())

    @Test func theObjectsOnWhiteAreFoundAndBoxedTogether() throws {
        let layout = ContentLayout(Self.logo().luma())
        let group = try #require(layout.groups.first)
        #expect(group.background >= 230)
        #expect(group.objects.count >= 5)  // the square and the four letters
        #expect(group.bounds == Self.mark)
    }

    @Test func theBoxSurvivesJPEGAndIgnoresTheFilledCornersOfATurn() throws {
        let logo = Self.logo()
        let bytes = try JPEGEncoder.encode(logo, quality: 60)
        let decoded = try ImageDecoder.decode(bytes).image
        let box = try #require(ContentLayout(decoded.luma()).groups.first?.bounds)
        #expect(abs(box.x - Self.mark.x) <= 1 && abs(box.y - Self.mark.y) <= 1)
        #expect(abs(box.width - Self.mark.width) <= 2 && abs(box.height - Self.mark.height) <= 2)

        // Turned on the same canvas with black corners: the corners lie along the edge and are not objects.
        let turned = logo.rotated(byDegrees: 4, background: .black)
        let turnedBox = try #require(ContentLayout(turned.luma()).groups.first { $0.background >= 230 }?.bounds)
        #expect(turnedBox.width < logo.width - 40 && turnedBox.height < logo.height - 40)
        #expect(turnedBox.width >= Self.mark.width)
    }

    @Test func textCutByTheEdgeStaysAnObject() throws {
        // The word runs off the right edge, as in a tight crop.
        let logo = Self.logo(width: 256)
        #expect(Self.mark.x + Self.mark.width > 256)
        let box = try #require(ContentLayout(logo.luma()).groups.first?.bounds)
        #expect(box.x == Self.mark.x && box.x + box.width == 256)
    }

    @Test func aLogoBesideOtherThingsIsOneOfTheClusters() throws {
        // The mark on a white card beside a bar and a far-away word, on a white page.
        var page = Image(width: 700, height: 300, format: .rgb, filledWith: Colour.white.samples)
        page.place(Self.logo(), atX: 0, y: 0)
        page.fill(PixelRect(x: 60, y: 230, width: 300, height: 20), with: Colour(red: 200, green: 40, blue: 40))
        page.drawText("OTHER", atX: 480, y: 90, colour: .black, scale: 5)
        let group = try #require(ContentLayout(page.luma()).groups.first)
        let clusters = group.clusters(minimumArea: 100, limit: 24)
        #expect(clusters.contains(Self.mark))
        #expect(clusters.first == group.bounds)
        #expect(clusters.count <= 24)
    }

    @Test func aPictureWithoutAFlatBackgroundHasNoGroups() {
        // A fine checkerboard of far-apart levels: pixels of one level touch only at corners, so no 4-connected
        // background is larger than a pixel.
        var pixels = [UInt8]()
        for y in 0..<64 {
            for x in 0..<64 { pixels.append((x + y) % 2 == 0 ? 10 : 245) }
        }
        let board = Image(width: 64, height: 64, format: .grey, pixels: pixels)
        #expect(ContentLayout(board.luma()).groups.isEmpty)
    }
}

@Suite struct SmoothResizeTests {
    @Test func growingInterpolatesAndShrinkingAverages() {
        // A ramp 0, 10, 20, 30 grown to 8 samples: linear between sample centres, flat beyond the end ones.
        let ramp = LumaPlane(width: 4, height: 1, values: [0, 10, 20, 30])
        let grown = ramp.smoothlyResized(width: 8, height: 1).values
        #expect(grown.map { ($0 * 100).rounded() / 100 } == [0, 2.5, 7.5, 12.5, 17.5, 22.5, 27.5, 30])
        // Shrinking is the area average of `resized`.
        let plane = LumaPlane(width: 6, height: 4, values: (0..<24).map { Float($0 * 7 % 11) })
        #expect(plane.smoothlyResized(width: 3, height: 2) == plane.resized(width: 3, height: 2))
        // Growing along one axis and shrinking along the other at once.
        let mixed = plane.smoothlyResized(width: 12, height: 2)
        #expect(mixed.width == 12 && mixed.height == 2)
        #expect(mixed.values.allSatisfy { (0...10).contains($0) })
    }
}
