public import Imaging
public import PerceptualHash

/// Procedural pictures for when the user gives no negatives: gradients, blocks, lines and text, different on every
/// draw. They stand in for "unrelated images" and for the backgrounds composites are pasted into; real negatives
/// (`--negatives DIR`) are better, and the report says which were used.
public enum SyntheticScene {
    public static func make(random: inout SplitMix64, width: Int = 480, height: Int = 360) -> Image {
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        let from = (0..<3).map { _ in Double(random.next() % 256) }
        let to = (0..<3).map { _ in Double(random.next() % 256) }
        let diagonal = random.next() % 2 == 0
        for y in 0..<height {
            for x in 0..<width {
                let t = diagonal ? Double(x + y) / Double(width + height) : Double(y) / Double(height)
                for channel in 0..<3 {
                    pixels[(y * width + x) * 3 + channel] = UInt8(from[channel] + (to[channel] - from[channel]) * t)
                }
            }
        }
        var image = Image(width: width, height: height, format: .rgb, pixels: pixels)
        for _ in 0..<(4 + Int(random.next() % 8)) {
            let colour = Colour(
                red: UInt8(random.next() % 256), green: UInt8(random.next() % 256), blue: UInt8(random.next() % 256))
            let w = 10 + Int(random.next() % UInt64(width / 2))
            let h = 10 + Int(random.next() % UInt64(height / 2))
            let rect = PixelRect(
                x: Int(random.next() % UInt64(width)), y: Int(random.next() % UInt64(height)), width: w, height: h)
            if random.next() % 3 == 0 {
                image.stroke(rect, thickness: 1 + Int(random.next() % 6), colour: colour)
            } else {
                image.fill(rect, with: colour)
            }
        }
        let words = ["SALE", "NEW", "Outdoor", "Kitchen", "2026", "Sport", "Home", "Garden"]
        for _ in 0..<Int(random.next() % 4) {
            image.drawText(
                random.pick(words), atX: Int(random.next() % UInt64(width)), y: Int(random.next() % UInt64(height)),
                colour: Colour(red: UInt8(random.next() % 256), green: 0, blue: UInt8(random.next() % 256)),
                scale: 1 + Int(random.next() % 4))
        }
        return image
    }
}
