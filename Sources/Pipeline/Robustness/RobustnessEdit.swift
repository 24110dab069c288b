public import Imaging
public import PerceptualHash

/// An edit infringers make to a registered picture, as the robustness harness applies it (issue 4's list).
///
/// Each edit is deterministic given its random source, so a harness run is reproducible. Families carry the
/// recall each must reach at 1% false positives: photometric and dihedral edits 99%, geometric 95%, composites 90%.
public enum RobustnessEdit: String, Sendable, Hashable, CaseIterable, Codable {
    case reencode = "re-encode"
    case downscale = "resize-25%"
    case jpegQuality30 = "jpeg-q30"
    case blur
    case greyscale
    case hueShift = "hue-shift"
    case brightnessContrast = "brightness-contrast"
    case captionBar = "caption-bar"
    case watermark
    case aspectStretch = "aspect-4:3"
    case mirror
    case rotate90 = "rot90"
    case cropSide = "crop-side-25%"
    case cropAround = "crop-all-10%"
    case border = "border-15%"
    case tilt = "rotate-5°"
    case pasteIntoScene = "paste-40%"
    case stripPanel = "strip-panel"

    /// What the harness groups results by, with the recall the issue asks of each.
    public enum Family: String, Sendable, Hashable, CaseIterable, Codable {
        case photometric
        case dihedral
        case geometric
        case composite

        /// The recall this family must reach at 1% false positives.
        public var target: Double {
            switch self {
            case .photometric, .dihedral: 0.99
            case .geometric: 0.95
            case .composite: 0.90
            }
        }
    }

    public var family: Family {
        switch self {
        case .reencode, .downscale, .jpegQuality30, .blur, .greyscale, .hueShift, .brightnessContrast, .captionBar,
            .watermark, .aspectStretch:
            .photometric
        case .mirror, .rotate90: .dihedral
        case .cropSide, .cropAround, .border, .tilt: .geometric
        case .pasteIntoScene, .stripPanel: .composite
        }
    }

    /// The JPEG quality the edited picture is saved at (marketplaces re-encode everything).
    public var savedQuality: Int {
        switch self {
        case .jpegQuality30: 30
        case .reencode: 75
        default: 90
        }
    }

    /// Applies the edit to `image`. Composites need `scenes`: other pictures to paste into or to stand beside.
    public func apply(to image: Image, scenes: [Image], random: inout SplitMix64) -> Image {
        let rgb = image.convertedToRGB()
        switch self {
        case .reencode, .jpegQuality30:
            return rgb
        case .downscale:
            return rgb.resized(width: max(8, rgb.width / 4), height: max(8, rgb.height / 4))
        case .blur:
            return rgb.blurred(radius: max(1, min(rgb.width, rgb.height) / 150))
        case .greyscale:
            return rgb.greyscaled()
        case .hueShift:
            return rgb.hueShifted(byDegrees: random.pick([-90, -60, 60, 90, 180]))
        case .brightnessContrast:
            return rgb.adjusted(
                brightness: random.pick([-40, -25, 25, 40]), contrast: random.pick([0.7, 0.8, 1.2, 1.3]))
        case .captionBar:
            return Self.captioned(rgb, random: &random)
        case .watermark:
            return Self.watermarked(rgb, random: &random)
        case .aspectStretch:
            return random.next() % 2 == 0
                ? rgb.resized(width: rgb.width * 4 / 3, height: rgb.height)
                : rgb.resized(width: rgb.width, height: rgb.height * 4 / 3)
        case .mirror:
            return rgb.transformed(by: .flipHorizontal)
        case .rotate90:
            return rgb.transformed(by: random.next() % 2 == 0 ? .rotate90 : .rotate270)
        case .cropSide:
            let cutX = rgb.width / 4
            let cutY = rgb.height / 4
            let rects = [
                PixelRect(x: cutX, y: 0, width: rgb.width - cutX, height: rgb.height),
                PixelRect(x: 0, y: 0, width: rgb.width - cutX, height: rgb.height),
                PixelRect(x: 0, y: cutY, width: rgb.width, height: rgb.height - cutY),
                PixelRect(x: 0, y: 0, width: rgb.width, height: rgb.height - cutY),
            ]
            return rgb.cropped(to: random.pick(rects)) ?? rgb
        case .cropAround:
            let cutX = rgb.width / 10
            let cutY = rgb.height / 10
            return rgb.cropped(
                to: PixelRect(x: cutX, y: cutY, width: rgb.width - 2 * cutX, height: rgb.height - 2 * cutY))
                ?? rgb
        case .border:
            return rgb.padded(by: 0.15, colour: random.pick([.white, .black, Colour(red: 200, green: 30, blue: 40)]))
        case .tilt:
            return rgb.rotated(byDegrees: random.pick([-5, -4, 4, 5]), background: random.pick([.white, .black]))
        case .pasteIntoScene:
            return Self.pasted(rgb, into: scenes, random: &random)
        case .stripPanel:
            return Self.strip(rgb, with: scenes, random: &random)
        }
    }

    /// A bar of text across the top or bottom, as sellers add "HOT SALE" banners.
    static func captioned(_ image: Image, random: inout SplitMix64) -> Image {
        var output = image
        let barHeight = max(12, image.height / 8)
        let top = random.next() % 2 == 0 ? 0 : image.height - barHeight
        output.fill(
            PixelRect(x: 0, y: top, width: image.width, height: barHeight),
            with: random.pick([.black, .white, Colour(red: 220, green: 20, blue: 60)]))
        let text = random.pick(["HOT SALE 2026", "FREE SHIPPING", "BEST PRICE", "NEW ARRIVAL"])
        let scale = max(1, barHeight / (BitmapFont.cellHeight + 2))
        output.drawText(
            text, atX: max(0, (image.width - BitmapFont.width(of: text, scale: scale)) / 2),
            y: top + (barHeight - BitmapFont.cellHeight * scale) / 2, colour: Colour(red: 255, green: 200, blue: 0),
            scale: scale)
        return output
    }

    /// Half-transparent text stamped across the middle.
    static func watermarked(_ image: Image, random: inout SplitMix64) -> Image {
        let text = random.pick(["SAMPLE", "shop-8891", "COPYRIGHT", "@bestdeals"])
        let scale = max(1, image.width / (BitmapFont.width(of: text) * 2))
        let width = BitmapFont.width(of: text, scale: scale)
        let height = BitmapFont.cellHeight * scale
        var canvas = Image(width: max(1, width), height: max(1, height), format: .grey, filledWith: [0])
        canvas.drawText(text, atX: 0, y: 0, colour: .white, scale: scale)
        let mask = (0..<(canvas.width * canvas.height)).map { canvas.pixels[$0 * canvas.format.channels] > 0 }
        return image.blended(
            with: random.pick([.white, .black]), mask: mask, maskWidth: canvas.width,
            atX: (image.width - canvas.width) / 2, y: (image.height - canvas.height) / 2, opacity: 0.5)
    }

    /// The picture, as a marketplace serves it (at most 600 pixels long), scaled to 40–70% of that size and pasted
    /// at a random place into a scene resized so the paste covers 60–90% of its longer side: "pasted at 40% of its
    /// size or more into another picture".
    static func pasted(_ image: Image, into scenes: [Image], random: inout SplitMix64) -> Image {
        let served = image.fitted(within: RobustnessHarness.suspectSide)
        let factor = 0.4 + Double(random.next() % 31) / 100
        let width = max(8, Int((Double(served.width) * factor).rounded()))
        let height = max(8, Int((Double(served.height) * factor).rounded()))
        let placed = served.resized(width: width, height: height)
        let share = 0.6 + Double(random.next() % 31) / 100
        let source = scenes.isEmpty ? SyntheticScene.make(random: &random) : random.pick(scenes).convertedToRGB()
        let sceneLong = Double(max(width, height)) / share
        let sceneScale = sceneLong / Double(max(source.width, source.height))
        var scene = source.resized(
            width: max(width, Int((Double(source.width) * sceneScale).rounded())),
            height: max(height, Int((Double(source.height) * sceneScale).rounded())))
        let x = Int(random.next() % UInt64(max(1, scene.width - width + 1)))
        let y = Int(random.next() % UInt64(max(1, scene.height - height + 1)))
        scene.place(placed, atX: x, y: y)
        return scene
    }

    /// Three panels of one height side by side, the picture one of them, with or without white gutters.
    static func strip(_ image: Image, with scenes: [Image], random: inout SplitMix64) -> Image {
        let height = 300
        func panel(_ picture: Image) -> Image {
            let width = max(8, picture.width * height / max(1, picture.height))
            return picture.convertedToRGB().resized(width: min(width, 2 * height), height: height)
        }
        var panels = (0..<2).map { _ in
            panel(scenes.isEmpty ? SyntheticScene.make(random: &random) : random.pick(scenes))
        }
        panels.insert(panel(image), at: Int(random.next() % 3))
        let gutter = random.next() % 2 == 0 ? 0 : 8
        let width = panels.reduce(0) { $0 + $1.width } + gutter * (panels.count - 1)
        var strip = Image(width: width, height: height, format: .rgb, filledWith: Colour.white.samples)
        var x = 0
        for panel in panels {
            strip.place(panel, atX: x, y: 0)
            x += panel.width + gutter
        }
        return strip
    }
}

extension SplitMix64 {
    /// One of `choices`, uniformly.
    mutating func pick<T>(_ choices: [T]) -> T {
        choices[Int(next() % UInt64(choices.count))]
    }
}
