extension Image {
    /// This image turned by `degrees` (counter-clockwise, as it appears on screen) about its centre, on a canvas of
    /// the same size, with uncovered corners filled with `background`.
    ///
    /// What photo editors and Pillow's `rotate(angle)` (without `expand`) give an infringer who straightens or tilts
    /// a photo, and what the matcher's reference grid needs to meet such copies; `rotated(degrees:background:)`
    /// enlarges the canvas instead. A bilinear `warped(by:width:height:background:)`; a grey picture stays grey,
    /// its corners filled with the background's luminance. O(width × height × channels).
    public func rotated(byDegrees degrees: Double, background: Colour = .white) -> Image {
        let centreX = Double(width) / 2
        let centreY = Double(height) / 2
        let transform = AffineTransform.translation(x: -centreX, y: -centreY)
            .followed(by: .rotation(degrees: -degrees))
            .followed(by: .translation(x: centreX, y: centreY))
        var fill = background
        if format == .grey {
            // `warped` keeps grey only on a grey background.
            let luminance =
                0.299 * Double(background.red) + 0.587 * Double(background.green) + 0.114 * Double(background.blue)
            let level = UInt8(clamping: Int(luminance.rounded()))
            fill = Colour(red: level, green: level, blue: level)
        }
        return warped(by: transform, width: width, height: height, background: fill)
    }
}
