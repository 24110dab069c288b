public import Imaging

/// Procedural pictures for feature tests: textured scenes of shapes and text, each seed a different picture.
public enum TexturedScenes {
    /// A `width × height` RGB scene: a coloured background, overlapping rectangles, discs, lines and words, all
    /// placed by a generator seeded with `seed` (the same seed always draws the same picture).
    public static func scene(seed: UInt64, width: Int, height: Int) -> Image {
        var random = Generator(state: seed &* 0x9E37_79B9_7F4A_7C15 &+ 1)
        var image = Image(width: width, height: height, format: .rgb, filledWith: random.colour().samples)
        let area = width * height
        for _ in 0..<max(12, area / 2500) {
            let w = random.below(max(8, width / 4)) + 6
            let h = random.below(max(8, height / 4)) + 6
            image.fill(
                PixelRect(x: random.below(width) - 4, y: random.below(height) - 4, width: w, height: h),
                with: random.colour())
        }
        for _ in 0..<max(6, area / 8000) {
            let radius = random.below(max(4, min(width, height) / 10)) + 4
            disc(&image, x: random.below(width), y: random.below(height), radius: radius, colour: random.colour())
        }
        for _ in 0..<max(4, area / 15000) {
            image.drawLine(
                from: (random.below(width), random.below(height)), to: (random.below(width), random.below(height)),
                thickness: random.below(3) + 2, colour: random.colour())
        }
        let words = ["SALE", "NEW", "BRAND", "2026", "ORIGINAL", "PRO", "MAX", "ZOOM", "QUIZ", "WAVE", "FJORD"]
        for _ in 0..<max(3, area / 20000) {
            image.drawText(
                words[random.below(words.count)], atX: random.below(width) - 10, y: random.below(height) - 5,
                colour: random.colour(), scale: random.below(3) + 2)
        }
        return image
    }

    /// A two-tone picture: black shapes on white, like a logo on a plain background.
    public static func twoTone(seed: UInt64, width: Int, height: Int) -> Image {
        var random = Generator(state: seed &* 0xD1B5_4A32_D192_ED03 &+ 7)
        var image = Image(width: width, height: height, format: .rgb, filledWith: Colour.white.samples)
        for _ in 0..<4 {
            let w = random.below(max(8, width / 3)) + 8
            let h = random.below(max(8, height / 3)) + 8
            image.fill(
                PixelRect(x: random.below(width - w / 2), y: random.below(height - h / 2), width: w, height: h),
                with: .black)
        }
        disc(&image, x: width / 2, y: height / 2, radius: min(width, height) / 6, colour: .black)
        return image
    }

    static func disc(_ image: inout Image, x: Int, y: Int, radius: Int, colour: Colour) {
        for dy in -radius...radius {
            var half = 0
            while (half + 1) * (half + 1) + dy * dy <= radius * radius { half += 1 }
            image.fill(PixelRect(x: x - half, y: y + dy, width: 2 * half + 1, height: 1), with: colour)
        }
    }

    /// A small deterministic generator (a 64-bit LCG's high bits), enough for placing shapes.
    struct Generator {
        var state: UInt64

        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }

        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(1, bound))) }

        mutating func colour() -> Colour {
            Colour(red: UInt8(below(256)), green: UInt8(below(256)), blue: UInt8(below(256)))
        }
    }
}

extension TexturedScenes {
    /// `reference` scaled by `scale`, rotated by `degrees`, mirrored when asked, pasted onto `scene` with its
    /// (rotated) bounding box's top-left corner at (x, y); returns the composite and that bounding box.
    public static func paste(
        _ reference: Image, into scene: Image, scale: Double, degrees: Double = 0, mirrored: Bool = false, x: Int,
        y: Int
    ) -> (image: Image, region: PixelRect) {
        var piece = reference.resized(
            width: max(1, Int((Double(reference.width) * scale).rounded())),
            height: max(1, Int((Double(reference.height) * scale).rounded())))
        if mirrored { piece = piece.transformed(by: .flipHorizontal) }
        if degrees != 0 { piece = piece.rotated(degrees: degrees, background: .white) }
        var composite = scene.convertedToRGB()
        composite.place(piece, atX: x, y: y)
        return (composite, PixelRect(x: x, y: y, width: piece.width, height: piece.height))
    }
}
