public import Imaging

/// Side-by-side evidence pictures: the registered asset on the left, the suspect image on the right, at a common
/// height, with the matched region outlined on the suspect, a few feature correspondences joined across the gutter,
/// and a caption band below.
///
/// The function is pure: pixels and text come from the caller, nothing is read from disk or the clock, and the
/// picture is built with integer arithmetic and `Image.resized(width:height:)`, so the same inputs always give the
/// same pixels and, through `PNGEncoder`, the same PNG bytes. Text is drawn in `BitmapFont`, the project's own font,
/// never a system font; characters it lacks (titles in other scripts) show as hollow boxes.
public enum SideBySide {
    /// One feature correspondence: a pixel of the registered image and the suspect pixel it matched, each in its own
    /// image's pixel coordinates (x, y).
    public typealias Correspondence = (registered: (Int, Int), suspect: (Int, Int))

    /// Space around the pictures and around the caption text, in pixels.
    public static let margin = 8
    /// Space between the two pictures, which correspondence lines cross, in pixels.
    public static let gutter = 32
    /// A picture is at most this many times as wide as the common height. A wider one (a banner, a 10000 × 10 strip)
    /// is scaled to that width instead, keeping its aspect ratio, so it stands lower than the common height and is
    /// centred vertically: evidence is never stretched.
    public static let maximumAspectRatio = 3
    /// The caption is at least this many characters wide, however narrow the pictures (1-pixel-wide images).
    public static let minimumCaptionColumns = 48
    /// A caption line wraps onto at most this many rows; the last one then ends with `...`.
    public static let maximumRowsPerCaptionLine = 3
    /// Thickness of the outline around the matched region, drawn just outside it so no matched pixel is covered.
    public static let outlineThickness = 3
    /// At most this many correspondences are drawn, chosen evenly through the caller's list (which should be in
    /// order of strength), so the picture stays readable.
    public static let maximumCorrespondences = 8

    public static let background = Colour.white
    public static let outlineColour = Colour(red: 230, green: 20, blue: 60)
    public static let captionBackground = Colour(red: 236, green: 236, blue: 236)
    public static let captionInk = Colour(red: 20, green: 20, blue: 20)
    /// Correspondence lines cycle through these, so neighbouring lines can be told apart.
    public static let correspondenceColours = [
        Colour(red: 0, green: 160, blue: 255), Colour(red: 255, green: 170, blue: 0),
        Colour(red: 0, green: 200, blue: 90), Colour(red: 190, green: 60, blue: 255),
        Colour(red: 255, green: 230, blue: 0), Colour(red: 0, green: 220, blue: 220),
        Colour(red: 255, green: 90, blue: 170), Colour(red: 120, green: 255, blue: 60),
    ]

    /// Where everything goes in a side-by-side picture.
    public struct Layout: Sendable, Hashable {
        /// The picture's size.
        public var width: Int
        public var height: Int
        /// Where the scaled registered image is placed.
        public var registered: PixelRect
        /// Where the scaled suspect image is placed.
        public var suspect: PixelRect
        /// The caption band (the full width, below the pictures); nil without caption lines.
        public var captionBand: PixelRect?
        /// The caption as drawn: the caller's lines wrapped and truncated to the band's width.
        public var captionRows: [String]
        /// The font scale of the caption (`BitmapFont` pixels are `captionScale` × `captionScale` squares).
        public var captionScale: Int
        /// The distance between caption rows, in pixels.
        public var captionLineHeight: Int
    }

    /// The layout of a picture of a `registered` image and a `suspect` image of the given sizes.
    ///
    /// - Precondition: `height` and both image sizes are at least 1.
    public static func layout(
        registered registeredSize: (width: Int, height: Int), suspect suspectSize: (width: Int, height: Int),
        caption: [String], height: Int = 360
    ) -> Layout {
        precondition(height >= 1, "a side-by-side picture is at least 1 pixel high")
        let left = fit(registeredSize, height: height)
        let right = fit(suspectSize, height: height)
        let scale = max(1, height / 180)
        let contentWidth = margin + left.width + gutter + right.width + margin
        let captionWidth = minimumCaptionColumns * BitmapFont.cellWidth * scale + 2 * margin
        let width = max(contentWidth, captionWidth)
        let originX = margin + (width - contentWidth) / 2
        let registered = PixelRect(
            x: originX, y: margin + (height - left.height) / 2, width: left.width, height: left.height)
        let suspect = PixelRect(
            x: originX + left.width + gutter, y: margin + (height - right.height) / 2, width: right.width,
            height: right.height)

        let columns = max(1, (width - 2 * margin) / (BitmapFont.cellWidth * scale))
        let rows = caption.flatMap { line in
            line.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).flatMap {
                wrap($0, columns: columns, maximumRows: maximumRowsPerCaptionLine)
            }
        }
        let lineHeight = (BitmapFont.cellHeight + 2) * scale
        let bandTop = margin + height + margin
        var band: PixelRect?
        if !rows.isEmpty {
            band = PixelRect(
                x: 0, y: bandTop, width: width, height: 2 * margin + rows.count * lineHeight - 2 * scale)
        }
        return Layout(
            width: width, height: bandTop + (band?.height ?? 0), registered: registered, suspect: suspect,
            captionBand: band, captionRows: rows, captionScale: scale, captionLineHeight: lineHeight)
    }

    /// The side-by-side picture of `registered` and `suspect` (see `layout(registered:suspect:caption:height:)`).
    ///
    /// - Parameters:
    ///   - region: the matched region in the suspect's own pixel coordinates, outlined in `outlineColour`; the part
    ///     outside the suspect is ignored, and nothing is drawn when no part lies inside.
    ///   - correspondences: matched pixel pairs, each in its own image's pixel coordinates (clamped into the image);
    ///     at most `maximumCorrespondences` are drawn, each as a line with a square at both ends.
    ///   - caption: lines of text for the band below, already worded by the caller; each is wrapped to the
    ///     picture's width and truncated with `...` after `maximumRowsPerCaptionLine` rows.
    ///   - height: the common height the two images are scaled to.
    /// - Returns: an RGB image. O(output pixels + input pixels) for the scaling.
    public static func render(
        registered: Image, suspect: Image, region: PixelRect? = nil, correspondences: [Correspondence] = [],
        caption: [String], height: Int = 360
    ) -> Image {
        let layout = layout(
            registered: (registered.width, registered.height), suspect: (suspect.width, suspect.height),
            caption: caption, height: height)
        var canvas = Image(width: layout.width, height: layout.height, format: .rgb, filledWith: background.samples)
        let left = layout.registered
        let right = layout.suspect
        canvas.place(registered.resized(width: left.width, height: left.height), atX: left.x, y: left.y)
        canvas.place(suspect.resized(width: right.width, height: right.height), atX: right.x, y: right.y)

        if let region, let outline = outlineRect(region, in: (suspect.width, suspect.height), placedAt: right) {
            canvas.stroke(outline, thickness: outlineThickness, colour: outlineColour)
        }

        let thickness = layout.captionScale
        for (index, pair) in chosen(correspondences).enumerated() {
            let colour = correspondenceColours[index % correspondenceColours.count]
            let from = place(pair.registered, from: (registered.width, registered.height), into: left)
            let to = place(pair.suspect, from: (suspect.width, suspect.height), into: right)
            canvas.drawLine(from: from, to: to, thickness: thickness, colour: colour)
            for end in [from, to] {
                canvas.fill(
                    PixelRect(
                        x: end.x - 2 * thickness, y: end.y - 2 * thickness, width: 4 * thickness + 1,
                        height: 4 * thickness + 1), with: colour)
            }
        }

        if let band = layout.captionBand {
            canvas.fill(band, with: captionBackground)
            for (index, row) in layout.captionRows.enumerated() {
                canvas.drawText(
                    row, atX: margin, y: band.y + margin + index * layout.captionLineHeight, colour: captionInk,
                    scale: layout.captionScale)
            }
        }
        return canvas
    }

    /// The placed size of an image scaled to `height`, or to `maximumAspectRatio × height` wide if that is narrower.
    static func fit(_ size: (width: Int, height: Int), height: Int) -> (width: Int, height: Int) {
        precondition(size.width >= 1 && size.height >= 1, "an image has at least one pixel")
        let maximumWidth = maximumAspectRatio * height
        let width = (size.width * height + size.height / 2) / size.height
        if width <= maximumWidth { return (max(1, width), height) }
        return (maximumWidth, max(1, (size.height * maximumWidth + size.width / 2) / size.width))
    }

    /// The canvas rectangle to stroke around `region` (suspect pixels) once the suspect is placed at `frame`: the
    /// scaled region (its edges rounded outwards), grown by the outline's thickness.
    static func outlineRect(
        _ region: PixelRect, in size: (width: Int, height: Int), placedAt frame: PixelRect
    )
        -> PixelRect?
    {
        func clamp(_ value: Int, _ limit: Int) -> Int { min(max(value, 0), limit) }
        func end(_ start: Int, _ length: Int) -> Int {
            let (sum, overflow) = start.addingReportingOverflow(length)
            return overflow ? (length > 0 ? Int.max : Int.min) : sum
        }
        guard region.width > 0, region.height > 0 else { return nil }
        let x0 = clamp(region.x, size.width)
        let y0 = clamp(region.y, size.height)
        let x1 = clamp(end(region.x, region.width), size.width)
        let y1 = clamp(end(region.y, region.height), size.height)
        guard x1 > x0, y1 > y0 else { return nil }
        let left = frame.x + x0 * frame.width / size.width
        let top = frame.y + y0 * frame.height / size.height
        let right = frame.x + (x1 * frame.width + size.width - 1) / size.width
        let bottom = frame.y + (y1 * frame.height + size.height - 1) / size.height
        let grow = outlineThickness
        return PixelRect(x: left - grow, y: top - grow, width: right - left + 2 * grow, height: bottom - top + 2 * grow)
    }

    /// The canvas pixel where the centre of source pixel `point` lands once the image is placed at `frame`.
    static func place(
        _ point: (Int, Int), from size: (width: Int, height: Int), into frame: PixelRect
    )
        -> (x: Int, y: Int)
    {
        let x = min(max(point.0, 0), size.width - 1)
        let y = min(max(point.1, 0), size.height - 1)
        return (
            frame.x + (2 * x + 1) * frame.width / (2 * size.width),
            frame.y + (2 * y + 1) * frame.height / (2 * size.height)
        )
    }

    /// At most `maximumCorrespondences` of `all`, spread evenly through the list, first one included.
    static func chosen(_ all: [Correspondence]) -> [Correspondence] {
        guard all.count > maximumCorrespondences else { return all }
        return (0..<maximumCorrespondences).map { all[$0 * all.count / maximumCorrespondences] }
    }
}
