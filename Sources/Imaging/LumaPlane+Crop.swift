extension LumaPlane {
    /// The part of this plane inside `rect`, clipped to the plane; nil when nothing of it lies inside.
    public func cropped(to rect: PixelRect) -> LumaPlane? {
        guard let clip = rect.clipped(toWidth: width, height: height) else { return nil }
        if clip.width == width && clip.height == height { return self }
        var output = [Float]()
        output.reserveCapacity(clip.width * clip.height)
        for y in clip.y..<(clip.y + clip.height) {
            let start = y * width + clip.x
            output.append(contentsOf: values[start..<(start + clip.width)])
        }
        return LumaPlane(width: clip.width, height: clip.height, values: output)
    }

    /// The rectangle left after removing uniform borders, by the rule of `Image.uniformBorderTrimRect(tolerance:)`
    /// applied to this plane's luminance.
    ///
    /// The hashing paths decode straight to luminance, so padding is found there: a border differs from the
    /// picture in luminance except in the rare case of two colours of equal brightness. Lines are read from the
    /// edges inwards and the scan stops at the first line that is not border, so a picture without borders costs
    /// four lines; only when borders would swallow everything is the plane rounded to 8-bit grey for
    /// `Image`'s full rule (which keeps the innermost colour).
    public func uniformBorderTrimRect(tolerance: Int = 8) -> PixelRect {
        // Rounded 8-bit values within `tolerance` differ by less than `tolerance + 1` before rounding.
        let limit = Float(tolerance) + 0.5
        let edgeValues = [
            values[width / 2], values[(height - 1) * width + width / 2], values[(height / 2) * width],
            values[(height / 2) * width + width - 1],
        ]
        var top = 0
        var bottom = height
        var left = 0
        var right = width
        values.withUnsafeBufferPointer { samples in
            func isBorder(start: Int, step: Int, count: Int) -> Bool {
                let first = samples[start]
                guard edgeValues.contains(where: { abs($0 - first) <= limit }) else { return false }
                var position = start
                for _ in 0..<count {
                    if abs(samples[position] - first) > limit { return false }
                    position += step
                }
                return true
            }
            var changed = true
            while changed {
                changed = false
                while bottom - top > 1 && isBorder(start: top * width + left, step: 1, count: right - left) {
                    top += 1
                    changed = true
                }
                while bottom - top > 1 && isBorder(start: (bottom - 1) * width + left, step: 1, count: right - left) {
                    bottom -= 1
                    changed = true
                }
                while right - left > 1 && isBorder(start: top * width + left, step: width, count: bottom - top) {
                    left += 1
                    changed = true
                }
                while right - left > 1 && isBorder(start: top * width + right - 1, step: width, count: bottom - top) {
                    right -= 1
                    changed = true
                }
            }
        }
        guard right - left > 1, bottom - top > 1 else {
            let grey = values.map { UInt8(clamping: Int($0 + 0.5)) }
            return Image(width: width, height: height, format: .grey, pixels: grey).uniformBorderTrimRect(
                tolerance: tolerance)
        }
        return PixelRect(x: left, y: top, width: right - left, height: bottom - top)
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
