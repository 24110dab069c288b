/// Drawing on images, for side-by-side evidence pictures: rectangles, lines, other images and text.
///
/// Every operation draws in RGB: a grey image is converted to RGB first (its grey values kept). Everything is clipped
/// at the image's edges, whatever the coordinates: a shape partly or wholly outside draws only what lies inside,
/// never wraps to the next row and never traps, even for coordinates near `Int.min` or `Int.max`.
extension Image {
    /// Coordinates beyond this distance from the origin are clamped before any arithmetic: every image is far
    /// smaller, so nothing that lies inside an image changes, and sums of clamped values cannot overflow.
    static let drawingLimit = 1 << 40

    /// Paints every pixel of `rect` that lies inside the image. O(pixels painted).
    public mutating func fill(_ rect: PixelRect, with colour: Colour) {
        let left = Self.clamp(rect.x)
        let top = Self.clamp(rect.y)
        fill(left: left, top: top, right: left + Self.clamp(rect.width), bottom: top + Self.clamp(rect.height), colour)
    }

    /// Paints a frame `thickness` pixels wide along the inside of `rect`'s edges (a `rect` too small for the frame
    /// is filled). A thickness below 1 draws nothing.
    public mutating func stroke(_ rect: PixelRect, thickness: Int, colour: Colour) {
        guard thickness > 0 else { return }
        let left = Self.clamp(rect.x)
        let top = Self.clamp(rect.y)
        let right = left + Self.clamp(rect.width)
        let bottom = top + Self.clamp(rect.height)
        let band = min(thickness, Self.drawingLimit)
        fill(left: left, top: top, right: right, bottom: min(bottom, top + band), colour)
        fill(left: left, top: max(top, bottom - band), right: right, bottom: bottom, colour)
        fill(left: left, top: top, right: min(right, left + band), bottom: bottom, colour)
        fill(left: max(left, right - band), top: top, right: right, bottom: bottom, colour)
    }

    /// Draws a straight line from `start` to `end`, both ends included, with Bresenham's algorithm (J. E.
    /// Bresenham, "Algorithm for computer control of a digital plotter", IBM Systems Journal 4(1), 1965).
    ///
    /// A thicker line paints a `thickness` × `thickness` square at each point of the one-pixel line, the point at
    /// the square's centre (for even thicknesses, the pixel just up and left of centre). A line with an end far
    /// outside the image is first clipped to the image's neighbourhood (Liang–Barsky), so the work is bounded by
    /// the image's size, not the coordinates'; a line inside the image is drawn exactly, and one clipped from ends
    /// within ±2⁴⁰ to the pixel (beyond that, a Double cannot hold the ends exactly and the line is approximate,
    /// never a trap). A thickness below 1 draws nothing. O(length × thickness²).
    public mutating func drawLine(
        from start: (x: Int, y: Int), to end: (x: Int, y: Int), thickness: Int = 1, colour: Colour
    ) {
        guard thickness > 0 else { return }
        let band = min(thickness, width + height)
        let bounds = (left: -band, top: -band, right: width + band, bottom: height + band)
        func inside(_ point: (x: Int, y: Int)) -> Bool {
            (bounds.left...bounds.right).contains(point.x) && (bounds.top...bounds.bottom).contains(point.y)
        }
        var from = start
        var to = end
        if !inside(start) || !inside(end) {
            guard let clipped = Self.clip(from: start, to: end, to: bounds) else { return }
            (from, to) = clipped
        }
        let offset = (band - 1) / 2
        let dx = abs(to.x - from.x)
        let dy = -abs(to.y - from.y)
        let stepX = from.x < to.x ? 1 : -1
        let stepY = from.y < to.y ? 1 : -1
        var error = dx + dy
        var x = from.x
        var y = from.y
        while true {
            fill(left: x - offset, top: y - offset, right: x - offset + band, bottom: y - offset + band, colour)
            if x == to.x && y == to.y { break }
            let doubled = 2 * error
            if doubled >= dy {
                error += dy
                x += stepX
            }
            if doubled <= dx {
                error += dx
                y += stepY
            }
        }
    }

    /// Copies `image` onto this one with its top-left corner at (`x`, `y`); what falls outside is dropped.
    /// A grey `image` is copied as RGB. O(pixels copied).
    public mutating func place(_ image: Image, atX x: Int, y: Int) {
        makeRGB()
        let source = image.convertedToRGB()
        let originX = Self.clamp(x)
        let originY = Self.clamp(y)
        let left = max(0, originX)
        let top = max(0, originY)
        let right = min(width, originX + source.width)
        let bottom = min(height, originY + source.height)
        guard right > left, bottom > top else { return }
        let rowLength = (right - left) * 3
        source.pixels.withUnsafeBufferPointer { from in
            pixels.withUnsafeMutableBufferPointer { into in
                for row in top..<bottom {
                    let sourceStart = ((row - originY) * source.width + (left - originX)) * 3
                    let targetStart = (row * width + left) * 3
                    for offset in 0..<rowLength {
                        into[targetStart + offset] = from[sourceStart + offset]
                    }
                }
            }
        }
    }

    /// Draws `text` in `BitmapFont`, each font pixel a `scale` × `scale` square, with the top-left corner of the first
    /// character's cell at (`x`, `y`). Characters without a glyph are drawn as `BitmapFont.replacement`. Only ink is
    /// drawn (the background shows through). `BitmapFont.width(of:scale:)` says how wide the text is.
    /// O(characters × scale²) for the characters inside the image; drawing stops at the right edge.
    ///
    /// - Precondition: `scale` is at least 1.
    public mutating func drawText(_ text: some StringProtocol, atX x: Int, y: Int, colour: Colour, scale: Int = 1) {
        precondition(scale >= 1, "text is drawn at a scale of at least 1")
        makeRGB()
        let size = min(scale, Self.drawingLimit)
        let advance = BitmapFont.cellWidth * size
        var penX = Self.clamp(x)
        let penY = Self.clamp(y)
        guard penY < height, penY + BitmapFont.glyphHeight * size > 0 else { return }
        for character in text {
            if penX >= width { break }
            if penX + advance > 0 {
                let glyph = BitmapFont.glyph(for: character)
                for row in 0..<BitmapFont.glyphHeight {
                    for column in 0..<BitmapFont.glyphWidth where glyph.isInked(x: column, y: row) {
                        let left = penX + column * size
                        let top = penY + row * size
                        fill(left: left, top: top, right: left + size, bottom: top + size, colour)
                    }
                }
            }
            penX += advance
        }
    }

    // MARK: - Helpers

    /// Fills the half-open box [left, right) × [top, bottom), clipped to the image; every bound is within
    /// ±2 × `drawingLimit`.
    private mutating func fill(left: Int, top: Int, right: Int, bottom: Int, _ colour: Colour) {
        makeRGB()
        let x0 = max(0, left)
        let y0 = max(0, top)
        let x1 = min(width, right)
        let y1 = min(height, bottom)
        guard x1 > x0, y1 > y0 else { return }
        let (red, green, blue) = (colour.red, colour.green, colour.blue)
        let width = width
        pixels.withUnsafeMutableBufferPointer { into in
            for row in y0..<y1 {
                var index = (row * width + x0) * 3
                for _ in x0..<x1 {
                    into[index] = red
                    into[index + 1] = green
                    into[index + 2] = blue
                    index += 3
                }
            }
        }
    }

    private mutating func makeRGB() {
        if format == .grey { self = convertedToRGB() }
    }

    private static func clamp(_ value: Int) -> Int {
        min(max(value, -drawingLimit), drawingLimit)
    }

    /// The part of the segment inside `bounds` (inclusive), by Liang–Barsky parametric clipping (Y.-D. Liang and
    /// B. A. Barsky, "A new concept and method for line clipping", ACM TOG 3(1), 1984), ends rounded to pixels;
    /// nil when the segment misses the box.
    static func clip(
        from start: (x: Int, y: Int), to end: (x: Int, y: Int),
        to bounds: (left: Int, top: Int, right: Int, bottom: Int)
    ) -> (from: (x: Int, y: Int), to: (x: Int, y: Int))? {
        let x0 = Double(start.x)
        let y0 = Double(start.y)
        let dx = Double(end.x) - x0
        let dy = Double(end.y) - y0
        var enter = 0.0
        var leave = 1.0
        let edges: [(p: Double, q: Double)] = [
            (-dx, x0 - Double(bounds.left)), (dx, Double(bounds.right) - x0),
            (-dy, y0 - Double(bounds.top)), (dy, Double(bounds.bottom) - y0),
        ]
        for (p, q) in edges {
            if p == 0 {
                if q < 0 { return nil }
            } else {
                let t = q / p
                if p < 0 { enter = max(enter, t) } else { leave = min(leave, t) }
            }
        }
        guard enter <= leave else { return nil }
        func point(_ t: Double) -> (x: Int, y: Int) {
            // Clamped before converting: with ends near Int.max, rounding error may land just outside the box.
            let x = min(max((x0 + t * dx).rounded(), Double(bounds.left)), Double(bounds.right))
            let y = min(max((y0 + t * dy).rounded(), Double(bounds.top)), Double(bounds.bottom))
            return (Int(x), Int(y))
        }
        return (point(enter), point(leave))
    }
}
