extension Image {
    /// This image mapped through `transform` (source pixel coordinates to output pixel coordinates) onto a
    /// `width × height` canvas, sampled bilinearly; output pixels whose source lies outside take `background`.
    ///
    /// Each output pixel centre is mapped back through the inverse transform and the four nearest source pixels
    /// are blended, so rotation and mild scaling keep edges smooth (for strong shrinking, `resized` first: bilinear
    /// sampling aliases below half size). Grey stays grey when `background` is grey; otherwise the output is RGB.
    /// A degenerate transform gives a canvas of `background`. O(width × height × channels).
    public func warped(
        by transform: AffineTransform, width newWidth: Int, height newHeight: Int, background: Colour
    )
        -> Image
    {
        precondition(newWidth > 0 && newHeight > 0, "a warped image has at least one pixel")
        let isGreyBackground = background.red == background.green && background.green == background.blue
        let source = (format == .grey && isGreyBackground) ? self : convertedToRGB()
        let channels = source.format.channels
        let fill = channels == 1 ? [background.red] : background.samples
        var output = [UInt8](repeating: 0, count: newWidth * newHeight * channels)
        guard let inverse = transform.inverse else {
            return Image(width: newWidth, height: newHeight, format: source.format, filledWith: fill)
        }
        let sourceWidth = source.width
        let sourceHeight = source.height
        source.pixels.withUnsafeBufferPointer { pixels in
            output.withUnsafeMutableBufferPointer { target in
                for y in 0..<newHeight {
                    for x in 0..<newWidth {
                        let mapped = inverse.apply((Double(x) + 0.5, Double(y) + 0.5))
                        // Sample positions are pixel centres: shift by half a pixel to index space.
                        let sx = mapped.x - 0.5
                        let sy = mapped.y - 0.5
                        let base = (y * newWidth + x) * channels
                        guard sx > -1, sy > -1, sx < Double(sourceWidth), sy < Double(sourceHeight) else {
                            for channel in 0..<channels { target[base + channel] = fill[channel] }
                            continue
                        }
                        let x0 = Int(sx.rounded(.down))
                        let y0 = Int(sy.rounded(.down))
                        let fx = sx - Double(x0)
                        let fy = sy - Double(y0)
                        for channel in 0..<channels {
                            func sample(_ px: Int, _ py: Int) -> Double {
                                guard px >= 0, py >= 0, px < sourceWidth, py < sourceHeight else {
                                    return Double(fill[channel])
                                }
                                return Double(pixels[(py * sourceWidth + px) * channels + channel])
                            }
                            let top = sample(x0, y0) * (1 - fx) + sample(x0 + 1, y0) * fx
                            let bottom = sample(x0, y0 + 1) * (1 - fx) + sample(x0 + 1, y0 + 1) * fx
                            let value = top * (1 - fy) + bottom * fy
                            target[base + channel] = UInt8(min(255, max(0, value.rounded())))
                        }
                    }
                }
            }
        }
        return Image(width: newWidth, height: newHeight, format: source.format, pixels: output)
    }

    /// This image rotated by `degrees` (clockwise on screen) about its centre, on a canvas just large enough to
    /// hold all of it, the corners filled with `background`.
    public func rotated(degrees: Double, background: Colour) -> Image {
        let rotation = AffineTransform.rotation(degrees: degrees)
        let corners = [(0.0, 0.0), (Double(width), 0.0), (Double(width), Double(height)), (0.0, Double(height))]
            .map { rotation.apply($0) }
        let minX = corners.map(\.x).min() ?? 0
        let maxX = corners.map(\.x).max() ?? 0
        let minY = corners.map(\.y).min() ?? 0
        let maxY = corners.map(\.y).max() ?? 0
        let newWidth = max(1, Int((maxX - minX - 1e-9).rounded(.up)))
        let newHeight = max(1, Int((maxY - minY - 1e-9).rounded(.up)))
        let centred = rotation.followed(
            by: .translation(
                x: (Double(newWidth) - (maxX - minX)) / 2 - minX, y: (Double(newHeight) - (maxY - minY)) / 2 - minY))
        return warped(by: centred, width: newWidth, height: newHeight, background: background)
    }
}
