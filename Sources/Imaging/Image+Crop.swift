/// A rectangle in pixel coordinates: origin at the top-left, x to the right, y down.
public struct PixelRect: Sendable, Hashable, Codable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    public var description: String { "[\(x),\(y),\(width),\(height)]" }

    /// This rectangle in a picture `factor` times larger (from a plane decoded at a reduced scale to the stored
    /// pixels).
    public func scaled(by factor: Int) -> PixelRect {
        PixelRect(x: x * factor, y: y * factor, width: width * factor, height: height * factor)
    }

    /// The part of this rectangle inside a `width × height` picture; nil when none of it is.
    public func clipped(toWidth pictureWidth: Int, height pictureHeight: Int) -> PixelRect? {
        let left = max(0, x)
        let top = max(0, y)
        let right = min(pictureWidth, x + width)
        let bottom = min(pictureHeight, y + height)
        guard right > left, bottom > top else { return nil }
        return PixelRect(x: left, y: top, width: right - left, height: bottom - top)
    }
}

extension Image {
    /// The part of this image inside `rect`, clipped to the image; nil when nothing of it lies inside.
    public func cropped(to rect: PixelRect) -> Image? {
        guard let clip = rect.clipped(toWidth: width, height: height) else { return nil }
        if clip.width == width && clip.height == height { return self }
        let channels = format.channels
        var output = [UInt8]()
        output.reserveCapacity(clip.width * clip.height * channels)
        for y in clip.y..<(clip.y + clip.height) {
            let start = (y * width + clip.x) * channels
            output.append(contentsOf: pixels[start..<(start + clip.width * channels)])
        }
        return Image(width: clip.width, height: clip.height, format: format, pixels: output)
    }

    /// The rectangle left after removing uniform borders: lines (rows or columns) at the edges that are one flat
    /// colour, within `tolerance` per channel, where that colour is one of the border colours (the colours at the
    /// middle of each of the four edges).
    ///
    /// Infringers pad a registered photo with white or coloured bars; trimming them on both sides lets hashes
    /// meet again. Sides are trimmed in turn until none changes, so a bar on one side does not hide the bar beside
    /// it, and nested bars of different colours all go. A flat line of a colour no edge has (a smooth patch of
    /// the picture itself) is kept. When the bars would swallow everything (a picture of one flat colour, or a
    /// white bar above a red block), the innermost colour is treated as the picture and kept: a flat picture is
    /// returned whole, never an empty rectangle. O(width × height) per pass, at most a few passes.
    public func uniformBorderTrimRect(tolerance: Int = 8) -> PixelRect {
        // Colours are named by the offset of a pixel that has them, so nothing is allocated per pixel.
        let edgeColours = [
            offset(x: width / 2, y: 0), offset(x: width / 2, y: height - 1),
            offset(x: 0, y: height / 2), offset(x: width - 1, y: height / 2),
        ]
        let first = trimRect(borderColours: edgeColours, tolerance: tolerance)
        guard first.width == 1 || first.height == 1, isFlat(first, tolerance: tolerance) else { return first }
        let inner = offset(x: first.x, y: first.y)
        let outer = edgeColours.filter { !close($0, inner, tolerance: tolerance) }
        let second = trimRect(borderColours: outer, tolerance: tolerance)
        if (second.width == 1 || second.height == 1) && isFlat(second, tolerance: tolerance) {
            return PixelRect(x: 0, y: 0, width: width, height: height)
        }
        return second
    }

    private func offset(x: Int, y: Int) -> Int { (y * width + x) * format.channels }

    /// Whether the pixels at two sample offsets are within `tolerance` of each other in every channel.
    private func close(_ a: Int, _ b: Int, tolerance: Int) -> Bool {
        for channel in 0..<format.channels where abs(Int(pixels[a + channel]) - Int(pixels[b + channel])) > tolerance {
            return false
        }
        return true
    }

    private func isFlat(_ rect: PixelRect, tolerance: Int) -> Bool {
        let reference = offset(x: rect.x, y: rect.y)
        return (rect.y..<(rect.y + rect.height)).allSatisfy { y in
            (rect.x..<(rect.x + rect.width)).allSatisfy { close(offset(x: $0, y: y), reference, tolerance: tolerance) }
        }
    }

    private func trimRect(borderColours: [Int], tolerance: Int) -> PixelRect {
        /// Whether the `count` pixels from `start`, `step` samples apart, are one flat border colour.
        func isBorder(start: Int, step: Int, count: Int) -> Bool {
            guard borderColours.contains(where: { close($0, start, tolerance: tolerance) }) else { return false }
            var position = start
            for _ in 0..<count {
                guard close(position, start, tolerance: tolerance) else { return false }
                position += step
            }
            return true
        }
        let across = format.channels
        let down = width * format.channels
        var top = 0
        var bottom = height
        var left = 0
        var right = width
        var changed = true
        while changed {
            changed = false
            while bottom - top > 1 && isBorder(start: offset(x: left, y: top), step: across, count: right - left) {
                top += 1
                changed = true
            }
            while bottom - top > 1
                && isBorder(start: offset(x: left, y: bottom - 1), step: across, count: right - left)
            {
                bottom -= 1
                changed = true
            }
            while right - left > 1 && isBorder(start: offset(x: left, y: top), step: down, count: bottom - top) {
                left += 1
                changed = true
            }
            while right - left > 1
                && isBorder(start: offset(x: right - 1, y: top), step: down, count: bottom - top)
            {
                right -= 1
                changed = true
            }
        }
        return PixelRect(x: left, y: top, width: right - left, height: bottom - top)
    }

    /// This image without its uniform borders (see `uniformBorderTrimRect(tolerance:)`).
    public func trimmingUniformBorders(tolerance: Int = 8) -> Image {
        cropped(to: uniformBorderTrimRect(tolerance: tolerance)) ?? self
    }
}
