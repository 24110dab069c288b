extension Image {
    /// This image turned by `degrees` (counter-clockwise, as it appears on screen) about its centre, on a canvas of
    /// the same size, with uncovered corners filled with `background`.
    ///
    /// What photo editors and Pillow's `rotate(angle)` (without `expand`) give an infringer who straightens or tilts
    /// a photo, and what the matcher's reference grid needs to meet such copies; `rotated(degrees:background:)`
    /// enlarges the canvas instead. A bilinear `warped(by:width:height:background:)`. O(width × height × channels).
    public func rotated(byDegrees degrees: Double, background: Colour = .white) -> Image {
        let centreX = Double(width) / 2
        let centreY = Double(height) / 2
        let transform = AffineTransform.translation(x: -centreX, y: -centreY)
            .followed(by: .rotation(degrees: -degrees))
            .followed(by: .translation(x: centreX, y: centreY))
        let turned = warped(by: transform, width: width, height: height, background: background)
        // `warped` keeps grey only on a grey background; a grey picture stays grey here whatever the fill.
        return format == .grey && turned.format == .rgb ? turned.greyscaledToGrey() : turned
    }

    /// An RGB picture's luminance as a grey image.
    func greyscaledToGrey() -> Image {
        guard format == .rgb else { return self }
        let values = luma().values.map { UInt8(clamping: Int($0.rounded())) }
        return Image(width: width, height: height, format: .grey, pixels: values)
    }
}
