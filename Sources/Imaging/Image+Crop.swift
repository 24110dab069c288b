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
}

extension Image {
    /// The part of this image inside `rect`, clipped to the image; nil when nothing of it lies inside.
    public func cropped(to rect: PixelRect) -> Image? {
        let left = max(0, rect.x)
        let top = max(0, rect.y)
        let right = min(width, rect.x + rect.width)
        let bottom = min(height, rect.y + rect.height)
        guard right > left, bottom > top else { return nil }
        if left == 0 && top == 0 && right == width && bottom == height { return self }
        let channels = format.channels
        var output = [UInt8]()
        output.reserveCapacity((right - left) * (bottom - top) * channels)
        for y in top..<bottom {
            let start = (y * width + left) * channels
            output.append(contentsOf: pixels[start..<(start + (right - left) * channels)])
        }
        return Image(width: right - left, height: bottom - top, format: format, pixels: output)
    }

    /// The rectangle left after removing uniform borders: rows and columns at the edges whose every sample is
    /// within `tolerance` of the corner colour that border starts from.
    ///
    /// Infringers pad a registered photo with white or coloured bars; trimming them on both sides lets hashes
    /// meet again. Each side is judged on its own (a top bar need not match a left bar). Returns the whole image
    /// when there is no border, and never an empty rectangle: a picture of one flat colour is returned whole.
    /// O(width × height) in the worst case.
    public func uniformBorderTrimRect(tolerance: Int = 8) -> PixelRect {
        let channels = format.channels
        func sample(_ x: Int, _ y: Int, _ channel: Int) -> Int { Int(pixels[(y * width + x) * channels + channel]) }
        func matches(_ x: Int, _ y: Int, _ reference: [Int]) -> Bool {
            for channel in 0..<channels where abs(sample(x, y, channel) - reference[channel]) > tolerance {
                return false
            }
            return true
        }
        func colour(_ x: Int, _ y: Int) -> [Int] { (0..<channels).map { sample(x, y, $0) } }

        var top = 0
        var bottom = height
        var left = 0
        var right = width
        let topColour = colour(0, 0)
        while top < bottom && (0..<width).allSatisfy({ matches($0, top, topColour) }) { top += 1 }
        if top == bottom { return PixelRect(x: 0, y: 0, width: width, height: height) }
        let bottomColour = colour(width - 1, height - 1)
        while bottom > top + 1 && (0..<width).allSatisfy({ matches($0, bottom - 1, bottomColour) }) { bottom -= 1 }
        let leftColour = colour(0, top)
        while left < right - 1 && (top..<bottom).allSatisfy({ matches(left, $0, leftColour) }) { left += 1 }
        let rightColour = colour(width - 1, bottom - 1)
        while right > left + 1 && (top..<bottom).allSatisfy({ matches(right - 1, $0, rightColour) }) { right -= 1 }
        return PixelRect(x: left, y: top, width: right - left, height: bottom - top)
    }

    /// This image without its uniform borders (see `uniformBorderTrimRect(tolerance:)`).
    public func trimmingUniformBorders(tolerance: Int = 8) -> Image {
        cropped(to: uniformBorderTrimRect(tolerance: tolerance)) ?? self
    }
}
