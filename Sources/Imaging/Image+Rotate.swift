import Foundation

extension Image {
    /// This image turned by `degrees` (counter-clockwise, as it appears on screen) about its centre, on a canvas of
    /// the same size, with uncovered corners filled with `background`.
    ///
    /// Each output pixel samples the source bilinearly at the inversely rotated position. It is what photo editors
    /// and Pillow's `rotate(angle)` (without `expand`) give an infringer who straightens or tilts a photo, and what
    /// the matcher's reference grid needs to meet such copies. O(width × height × channels).
    public func rotated(byDegrees degrees: Double, background: Colour = .white) -> Image {
        let radians = degrees * Double.pi / 180
        let cosine = cos(radians)
        let sine = sin(radians)
        let channels = format.channels
        let centreX = Double(width) / 2
        let centreY = Double(height) / 2
        let greyFill: Double =
            0.299 * Double(background.red) + 0.587 * Double(background.green) + 0.114 * Double(background.blue)
        let fill: [UInt8] = format == .grey ? [UInt8(clamping: Int(greyFill.rounded()))] : background.samples
        var output = [UInt8](repeating: 0, count: pixels.count)
        pixels.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                for y in 0..<height {
                    let dy = Double(y) + 0.5 - centreY
                    for x in 0..<width {
                        let dx = Double(x) + 0.5 - centreX
                        // Counter-clockwise on screen (y down) maps an output point back by the opposite turn.
                        let sourceX = cosine * dx - sine * dy + centreX - 0.5
                        let sourceY = sine * dx + cosine * dy + centreY - 0.5
                        let out = (y * width + x) * channels
                        let x0 = Int(sourceX.rounded(.down))
                        let y0 = Int(sourceY.rounded(.down))
                        guard x0 >= -1, y0 >= -1, x0 < width, y0 < height else {
                            for channel in 0..<channels { target[out + channel] = fill[channel] }
                            continue
                        }
                        let fx = sourceX - Double(x0)
                        let fy = sourceY - Double(y0)
                        for channel in 0..<channels {
                            func sample(_ sx: Int, _ sy: Int) -> Double {
                                guard sx >= 0, sy >= 0, sx < width, sy < height else { return Double(fill[channel]) }
                                return Double(source[(sy * width + sx) * channels + channel])
                            }
                            let top = sample(x0, y0) * (1 - fx) + sample(x0 + 1, y0) * fx
                            let bottom = sample(x0, y0 + 1) * (1 - fx) + sample(x0 + 1, y0 + 1) * fx
                            target[out + channel] = UInt8(clamping: Int((top * (1 - fy) + bottom * fy).rounded()))
                        }
                    }
                }
            }
        }
        return Image(width: width, height: height, format: format, pixels: output)
    }
}
