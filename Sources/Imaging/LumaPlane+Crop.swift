extension LumaPlane {
    /// The part of this plane inside `rect`, clipped to the plane; nil when nothing of it lies inside.
    public func cropped(to rect: PixelRect) -> LumaPlane? {
        let left = max(0, rect.x)
        let top = max(0, rect.y)
        let right = min(width, rect.x + rect.width)
        let bottom = min(height, rect.y + rect.height)
        guard right > left, bottom > top else { return nil }
        if left == 0 && top == 0 && right == width && bottom == height { return self }
        var output = [Float]()
        output.reserveCapacity((right - left) * (bottom - top))
        for y in top..<bottom {
            let start = y * width + left
            output.append(contentsOf: values[start..<(start + right - left)])
        }
        return LumaPlane(width: right - left, height: bottom - top, values: output)
    }

    /// The rectangle left after removing uniform borders, by the rule of `Image.uniformBorderTrimRect(tolerance:)`
    /// applied to this plane rounded to 8-bit grey.
    ///
    /// The hashing paths decode straight to luminance, so padding is found there: a border differs from the
    /// picture in luminance except in the rare case of two colours of equal brightness.
    public func uniformBorderTrimRect(tolerance: Int = 8) -> PixelRect {
        let grey = values.map { UInt8(clamping: Int($0.rounded())) }
        return Image(width: width, height: height, format: .grey, pixels: grey).uniformBorderTrimRect(
            tolerance: tolerance)
    }

    /// The rows (`horizontal`) or columns where the plane has a gutter: a run of lines of one flat value across the
    /// whole plane, at least `minimumRun` lines thick and at most an eighth of the plane, not touching an edge. Returned as the ranges between gutters
    /// (the panels), in order; one range covering everything when there is no gutter.
    ///
    /// Strips and grids of product pictures are usually laid out with white or black gutters; cutting there gives
    /// each panel whole, whatever the panels' sizes.
    public func panels(alongRows horizontal: Bool, tolerance: Float = 6, minimumRun: Int = 2) -> [Range<Int>] {
        let lines = horizontal ? height : width
        let across = horizontal ? width : height
        func isFlat(_ line: Int) -> Bool {
            let first = horizontal ? values[line * width] : values[line]
            for position in 0..<across {
                let value = horizontal ? values[line * width + position] : values[position * width + line]
                if abs(value - first) > tolerance { return false }
            }
            return true
        }
        let flat = (0..<lines).map(isFlat)
        var panels: [Range<Int>] = []
        var start: Int?
        var line = 0
        while line < lines {
            if flat[line] {
                var end = line
                while end < lines && flat[end] { end += 1 }
                // A gutter is thin: a wide flat band is part of a picture (a plain backdrop), not a separator.
                let isGutter = end - line >= minimumRun && end - line <= lines / 8 && line > 0 && end < lines
                if isGutter, let panelStart = start {
                    panels.append(panelStart..<line)
                    start = nil
                }
                if !isGutter, start == nil { start = line }
                line = end
            } else {
                if start == nil { start = line }
                line += 1
            }
        }
        if let start { panels.append(start..<lines) }
        return panels.isEmpty ? [0..<lines] : panels
    }
}
