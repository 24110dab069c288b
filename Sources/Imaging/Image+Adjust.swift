import Foundation

/// Photometric edits: what marketplaces and infringers do to a picture's colours and sharpness. The robustness
/// harness applies them to registered images to measure what the matcher survives; each is deterministic.
extension Image {
    /// The same picture in grey, by PDQ's luminance weights, stored as RGB so later colour edits apply.
    public func greyscaled() -> Image {
        let channels = format.channels
        var output = [UInt8](repeating: 0, count: width * height * 3)
        for index in 0..<(width * height) {
            let value: Double
            if channels == 1 {
                value = Double(pixels[index])
            } else {
                value =
                    0.299 * Double(pixels[3 * index]) + 0.587 * Double(pixels[3 * index + 1]) + 0.114
                    * Double(pixels[3 * index + 2])
            }
            let grey = UInt8(clamping: Int(value.rounded()))
            output[3 * index] = grey
            output[3 * index + 1] = grey
            output[3 * index + 2] = grey
        }
        return Image(width: width, height: height, format: .rgb, pixels: output)
    }

    /// Contrast scaled about mid-grey by `contrast`, then `brightness` added, per channel, clamped.
    public func adjusted(brightness: Double, contrast: Double) -> Image {
        var output = pixels
        for index in output.indices {
            let value = (Double(output[index]) - 127.5) * contrast + 127.5 + brightness
            output[index] = UInt8(clamping: Int(value.rounded()))
        }
        return Image(width: width, height: height, format: format, pixels: output)
    }

    /// Hue turned by `degrees` on the colour wheel, keeping each pixel's luminance axis (a rotation of the RGB cube
    /// about its grey diagonal, as image editors' hue sliders do).
    public func hueShifted(byDegrees degrees: Double) -> Image {
        let rgb = convertedToRGB()
        let angle = degrees * Double.pi / 180
        let cosine = cos(angle)
        let sine = sin(angle)
        let third = 1.0 / 3
        let root = (1.0 / 3).squareRoot()
        // Rodrigues' rotation about (1, 1, 1)/√3.
        let a = cosine + (1 - cosine) * third
        let b = third * (1 - cosine) - root * sine
        let c = third * (1 - cosine) + root * sine
        var output = rgb.pixels
        for index in 0..<(width * height) {
            let red = Double(rgb.pixels[3 * index])
            let green = Double(rgb.pixels[3 * index + 1])
            let blue = Double(rgb.pixels[3 * index + 2])
            output[3 * index] = UInt8(clamping: Int((a * red + b * green + c * blue).rounded()))
            output[3 * index + 1] = UInt8(clamping: Int((c * red + a * green + b * blue).rounded()))
            output[3 * index + 2] = UInt8(clamping: Int((b * red + c * green + a * blue).rounded()))
        }
        return Image(width: width, height: height, format: .rgb, pixels: output)
    }

    /// A box blur of `radius` pixels (a (2r+1)² average, edges clamped), by running sums: O(pixels) whatever the
    /// radius.
    public func blurred(radius: Int) -> Image {
        guard radius > 0 else { return self }
        let channels = format.channels
        func pass(_ source: [UInt8], horizontal: Bool) -> [UInt8] {
            var output = source
            let lines = horizontal ? height : width
            let length = horizontal ? width : height
            let window = Double(2 * radius + 1)
            for line in 0..<lines {
                func offset(_ position: Int) -> Int {
                    let clamped = min(length - 1, max(0, position))
                    return (horizontal ? line * width + clamped : clamped * width + line) * channels
                }
                for channel in 0..<channels {
                    var sum = 0
                    for position in -radius...radius { sum += Int(source[offset(position) + channel]) }
                    for position in 0..<length {
                        output[offset(position) + channel] = UInt8(clamping: Int((Double(sum) / window).rounded()))
                        sum += Int(source[offset(position + radius + 1) + channel])
                        sum -= Int(source[offset(position - radius) + channel])
                    }
                }
            }
            return output
        }
        return Image(
            width: width, height: height, format: format,
            pixels: pass(pass(pixels, horizontal: true), horizontal: false))
    }

    /// This picture on a canvas enlarged by `fraction` of each side on every side, filled with `colour`.
    public func padded(by fraction: Double, colour: Colour) -> Image {
        let padX = max(1, Int((Double(width) * fraction).rounded()))
        let padY = max(1, Int((Double(height) * fraction).rounded()))
        var canvas = Image(
            width: width + 2 * padX, height: height + 2 * padY, format: .rgb, filledWith: colour.samples)
        canvas.place(self, atX: padX, y: padY)
        return canvas
    }

    /// This picture with `opacity` of `overlay` blended in where `mask` (same size as the overlay, 0 or 1 per
    /// pixel) is set, the overlay's top-left at (`x`, `y`). Watermarks and stamps.
    public func blended(
        with colour: Colour, mask: [Bool], maskWidth: Int, atX x: Int, y: Int, opacity: Double
    )
        -> Image
    {
        var rgb = convertedToRGB()
        let maskHeight = mask.count / max(1, maskWidth)
        let samples = colour.samples
        for row in 0..<maskHeight where y + row >= 0 && y + row < height {
            for column in 0..<maskWidth where x + column >= 0 && x + column < width && mask[row * maskWidth + column] {
                let offset = ((y + row) * width + x + column) * 3
                for channel in 0..<3 {
                    let value =
                        Double(rgb.pixels[offset + channel]) * (1 - opacity) + Double(samples[channel]) * opacity
                    rgb.pixels[offset + channel] = UInt8(clamping: Int(value.rounded()))
                }
            }
        }
        return rgb
    }
}
