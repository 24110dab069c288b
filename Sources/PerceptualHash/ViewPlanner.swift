public import Imaging

/// Chooses and hashes the views of registered and suspect images (`HashedView`).
///
/// Which views, and why (measured with `proofmark robustness`, see `Benchmarks/README.md`):
/// - Both sides: the whole picture and, when uniform borders take more than 2% of it, the trimmed picture
///   (`Image.uniformBorderTrimRect`). Padding, letterboxing and canvas changes then meet again, and a registered
///   logo on white meets a copy on any other plain background.
/// - Registered side: crops of the picture — an eighth and a quarter from each side, and 5% and 10% from every side,
///   each trimmed of the borders it is left with — and turns of ±2.5° and ±5°, each cut to its inner 80% (so no filled corner is hashed). PDQ samples a 64×64 grid whatever the aspect ratio, so stretching
///   needs no view, and all eight dihedral variants of every view come from one DCT, so a mirrored crop is found
///   too. 16 views × 8 variants = 128 hashes per registered image, computed once per registry.
/// - Suspect side: the inner 80% of the (trimmed) picture, which meets the registered turns whatever colour a tilt
///   filled the corners with; the panels of a strip or grid, cut at gutters (lines of one flat colour across the whole
///   picture), or for a long strip without gutters, equal panels. Suspect images are many, so only cheap views are
///   taken there: each costs one PDQ pass over its pixels.
///
/// A registered view and a suspect view are compared only in the directions that make sense: whole and trim meet
/// everything; crops and rotations (registered side) meet whole, trim and panels; panels (suspect side) meet
/// whole and trim registered views; the suspect's centre meets only the registered turns.
public enum ViewPlanner {
    /// A trim that removes less than this share of the area is not worth its own view.
    public static let minimumTrimShare = 0.02

    /// The views of a registered image, `.whole` first.
    public static func referenceViews(of image: Image) -> [HashedView] {
        let full = PixelRect(x: 0, y: 0, width: image.width, height: image.height)
        var views = [view(image.luma(), name: "whole", kind: .whole, region: full)]
        let trimRect = image.uniformBorderTrimRect()
        var base = image
        var baseRect = full
        if trims(trimRect, of: full), let trimmed = image.cropped(to: trimRect) {
            views.append(view(trimmed.luma(), name: "trim", kind: .trim, region: trimRect))
            base = trimmed
            baseRect = trimRect
        }
        // Infringers crop the picture as published, borders and all; a crop of a logo on white is then trimmed,
        // as the suspect side trims it.
        for (name, rect) in cropRects(width: image.width, height: image.height) {
            guard let cropped = image.cropped(to: rect) else { continue }
            let inner = cropped.uniformBorderTrimRect()
            let kept =
                trims(inner, of: PixelRect(x: 0, y: 0, width: rect.width, height: rect.height))
                ? cropped.cropped(to: inner) ?? cropped : cropped
            let region = PixelRect(x: rect.x, y: rect.y, width: rect.width, height: rect.height)
            views.append(view(kept.luma(), name: name, kind: .crop, region: region))
        }
        let middle = centerRect(width: base.width, height: base.height)
        for degrees in [-5.0, -2.5, 2.5, 5.0] {
            let name = "rotate" + (degrees > 0 ? "+" : "") + formatted(degrees)
            guard let turned = base.rotated(byDegrees: degrees).cropped(to: middle) else { continue }
            views.append(view(turned.luma(), name: name, kind: .rotation, region: baseRect))
        }
        views += referenceContentViews(of: image)
        return views.filter { $0.quality > 0 || $0.kind == .whole }
    }

    /// Turns the registered side's content views cover: every degree up to 5 either way, since the box around turned
    /// objects grows with the angle.
    public static let contentTurns: [Double] = [-5, -4, -3, -2, -1, 1, 2, 3, 4, 5]

    /// The longer side registered pictures are brought to (never enlarged) before their content views are taken:
    /// the boxes are resampled to 64×64 anyway, and a registered photo of 4,000 pixels turned ten times would cost
    /// seconds.
    public static let contentWorkingSide = 1024

    /// The longer sides of the thumbnail content views: marketplaces' thumbnails and gallery tiles run from about
    /// 100 to 220 pixels, and a box of text a dozen pixels tall hashes alike only at nearly the same scale, so the
    /// ladder climbs in steps of an eighth.
    public static let thumbnailSides = [96, 108, 121, 136, 153, 172, 194, 218]

    /// The registered side's content views (`ContentLayout`): the box around the objects of the picture, of each of
    /// its crops, of thumbnails of it (`thumbnailSides`; a thumbnail's objects are a few pixels thick and blur
    /// together) and of each of its turns (`contentTurns`, on a white canvas grown to hold the turned picture),
    /// taken on the picture brought within `contentWorkingSide`; regions are in the stored pixels. Empty for a
    /// picture without a flat background.
    static func referenceContentViews(of stored: Image) -> [HashedView] {
        let image = stored.fitted(within: contentWorkingSide)
        let factor = Double(stored.width) / Double(image.width)
        func storedPixels(_ rect: PixelRect) -> PixelRect {
            guard factor != 1 else { return rect }
            let left = Int((Double(rect.x) * factor).rounded(.down))
            let top = Int((Double(rect.y) * factor).rounded(.down))
            let right = min(stored.width, Int((Double(rect.x + rect.width) * factor).rounded(.up)))
            let bottom = min(stored.height, Int((Double(rect.y + rect.height) * factor).rounded(.up)))
            return PixelRect(x: left, y: top, width: right - left, height: bottom - top)
        }
        var views: [HashedView] = []
        let full = PixelRect(x: 0, y: 0, width: stored.width, height: stored.height)
        func add(_ luma: LumaPlane, name: String, offset: (x: Int, y: Int)?) {
            let groups = ContentLayout(luma).groups
            for (index, group) in groups.enumerated() {
                let box = group.bounds
                guard box.width >= 8, box.height >= 8, let content = luma.cropped(to: box) else { continue }
                let region =
                    offset.map {
                        storedPixels(PixelRect(x: $0.x + box.x, y: $0.y + box.y, width: box.width, height: box.height))
                    } ?? full
                views.append(
                    contentView(
                        content, name: name + (index == 0 ? "" : "-\(index + 1)"), region: region, allVariants: true))
            }
        }
        let luma = image.luma()
        add(luma, name: "content", offset: (0, 0))
        for (name, rect) in cropRects(width: image.width, height: image.height) {
            guard let cropped = luma.cropped(to: rect) else { continue }
            add(cropped, name: "content-" + name, offset: (rect.x, rect.y))
        }
        for side in thumbnailSides where max(image.width, image.height) >= side * 3 / 2 {
            add(image.fitted(within: side).luma(), name: "content-thumbnail-\(side)", offset: nil)
        }
        for degrees in contentTurns {
            let turned = image.rotated(degrees: degrees, background: .white).luma()
            add(turned, name: "content-rotate" + (degrees > 0 ? "+" : "") + formatted(degrees), offset: nil)
        }
        return views
    }

    /// The suspect side's content views: the boxes of `ContentLayout.Group.clusters` on every background, largest
    /// first, at most `limit`; each at least 1% of the picture. Taken only where hashes leave doubt
    /// (`Matching.ImageMatcher`), since they cost a pass over the pixels and a PDQ per box.
    public static func suspectContentViews(of luma: LumaPlane, limit: Int = 24) -> [HashedView] {
        let layout = ContentLayout(luma)
        var seen: Set<PixelRect> = []
        var boxes: [PixelRect] = []
        for group in layout.groups {
            for box in group.clusters(minimumArea: luma.width * luma.height / 100, limit: limit)
            where seen.insert(box).inserted {
                boxes.append(box)
            }
        }
        boxes.sort { ($1.width * $1.height, $0.y, $0.x, $0.width) < ($0.width * $0.height, $1.y, $1.x, $1.width) }
        return boxes.prefix(limit).enumerated().compactMap { index, box in
            guard let content = luma.cropped(to: box) else { return nil }
            let hashed = contentView(content, name: "content-\(index + 1)", region: box, allVariants: false)
            return hashed.quality > 0 ? hashed : nil
        }
    }

    /// The views of a suspect image beyond the whole picture (whose hashes the fingerprint already holds): its
    /// trimmed picture and its panels.
    public static func suspectViews(of luma: LumaPlane) -> [HashedView] {
        let full = PixelRect(x: 0, y: 0, width: luma.width, height: luma.height)
        var views: [HashedView] = []
        let trimRect = luma.uniformBorderTrimRect()
        var base = luma
        var baseRect = full
        if trims(trimRect, of: full), let trimmed = luma.cropped(to: trimRect) {
            views.append(suspectView(trimmed, name: "trim", kind: .trim, region: trimRect))
            base = trimmed
            baseRect = trimRect
        }
        let middle = centerRect(width: base.width, height: base.height)
        if let center = base.cropped(to: middle) {
            views.append(
                suspectView(
                    center, name: "center", kind: .center,
                    region: PixelRect(
                        x: baseRect.x + middle.x, y: baseRect.y + middle.y, width: middle.width,
                        height: middle.height)))
        }
        let panels = panelRects(of: base)
        for (index, rect) in panels.enumerated() {
            guard let panel = base.cropped(to: rect) else { continue }
            // A panel's own padding goes too, as the whole picture's does.
            let inner = panel.uniformBorderTrimRect()
            let trimmedPanel =
                trims(inner, of: PixelRect(x: 0, y: 0, width: rect.width, height: rect.height))
                ? panel.cropped(to: inner) ?? panel : panel
            let offset =
                trimmedPanel.width == panel.width && trimmedPanel.height == panel.height
                ? (x: 0, y: 0) : (x: inner.x, y: inner.y)
            let region = PixelRect(
                x: baseRect.x + rect.x + offset.x, y: baseRect.y + rect.y + offset.y, width: trimmedPanel.width,
                height: trimmedPanel.height)
            views.append(
                suspectView(
                    trimmedPanel, name: "panel-\(index + 1)-of-\(panels.count)", kind: .panel, region: region))
        }
        return views.filter { $0.quality > 0 }
    }

    /// Panels of a strip or grid: cells between gutters in both directions; for a long strip without gutters,
    /// equal panels about as long as the strip is wide. Empty for an ordinary picture.
    static func panelRects(of luma: LumaPlane) -> [PixelRect] {
        let columns = luma.panels(alongRows: false).filter { $0.count >= 16 }
        let rows = luma.panels(alongRows: true).filter { $0.count >= 16 }
        if columns.count > 1 || rows.count > 1 {
            guard columns.count * rows.count <= 16 else { return [] }
            return rows.flatMap { row in
                columns.map { column in
                    PixelRect(x: column.lowerBound, y: row.lowerBound, width: column.count, height: row.count)
                }
            }
        }
        let long = max(luma.width, luma.height)
        let short = min(luma.width, luma.height)
        guard short >= 16, Double(long) >= 1.7 * Double(short) else { return [] }
        let count = min(4, Int((Double(long) / Double(short)).rounded()))
        return (0..<count).map { index in
            let start = index * long / count
            let end = (index + 1) * long / count
            return luma.width >= luma.height
                ? PixelRect(x: start, y: 0, width: end - start, height: luma.height)
                : PixelRect(x: 0, y: start, width: luma.width, height: end - start)
        }
    }

    /// The inner 80% of a `width × height` picture: what a turn of up to 5° leaves free of filled corners.
    static func centerRect(width: Int, height: Int) -> PixelRect {
        let cutX = width / 10
        let cutY = height / 10
        return PixelRect(x: cutX, y: cutY, width: width - 2 * cutX, height: height - 2 * cutY)
    }

    /// The registered side's crops of a `width × height` picture, named by what was cut away.
    static func cropRects(width: Int, height: Int) -> [(String, PixelRect)] {
        var rects: [(String, PixelRect)] = []
        for percent in [12.5, 25] {
            let cutX = Int((Double(width) * percent / 100).rounded())
            let cutY = Int((Double(height) * percent / 100).rounded())
            let label = formatted(percent)
            rects.append(("crop-left-\(label)", PixelRect(x: cutX, y: 0, width: width - cutX, height: height)))
            rects.append(("crop-right-\(label)", PixelRect(x: 0, y: 0, width: width - cutX, height: height)))
            rects.append(("crop-top-\(label)", PixelRect(x: 0, y: cutY, width: width, height: height - cutY)))
            rects.append(("crop-bottom-\(label)", PixelRect(x: 0, y: 0, width: width, height: height - cutY)))
        }
        for percent in [5.0, 10] {
            let cutX = Int((Double(width) * percent / 100).rounded())
            let cutY = Int((Double(height) * percent / 100).rounded())
            rects.append(
                (
                    "crop-all-\(formatted(percent))",
                    PixelRect(x: cutX, y: cutY, width: width - 2 * cutX, height: height - 2 * cutY)
                ))
        }
        return rects.filter { $0.1.width >= PDQ.minimumHashableSide && $0.1.height >= PDQ.minimumHashableSide }
    }

    private static func trims(_ rect: PixelRect, of full: PixelRect) -> Bool {
        let kept = Double(rect.width * rect.height) / Double(full.width * full.height)
        return kept < 1 - minimumTrimShare && rect.width >= 16 && rect.height >= 16
    }

    /// A registered view: its hashes under all eight dihedral variants (the index holds them all).
    private static func view(_ luma: LumaPlane, name: String, kind: HashedView.Kind, region: PixelRect) -> HashedView {
        let result = PDQ.hash(luma)
        return HashedView(name: name, kind: kind, region: region, quality: result.quality, dihedral: result.dihedral)
    }

    /// A suspect view: its hash as it is (`.original`); the registered side's variants meet every transform.
    private static func suspectView(
        _ luma: LumaPlane, name: String, kind: HashedView.Kind, region: PixelRect
    ) -> HashedView {
        let result = PDQ.hash(luma, dihedral: false)
        return HashedView(
            name: name, kind: kind, region: region, quality: result.quality, dihedral: [.original: result.hash])
    }

    /// A content view's hashes (all eight variants for the registered side, the hash as it is for a suspect). The
    /// box is first brought to PDQ's 64×64 working size here, by area averaging or, for a small box (a logo in a
    /// thumbnail), linear interpolation: PDQ's own filter is tuned for shrinking, and a box of 13 rows repeated in
    /// blocks hashes far from the same box at 50 rows.
    private static func contentView(_ luma: LumaPlane, name: String, region: PixelRect, allVariants: Bool) -> HashedView
    {
        let square = luma.smoothlyResized(width: 64, height: 64)
        return allVariants
            ? view(square, name: name, kind: .content, region: region)
            : suspectView(square, name: name, kind: .content, region: region)
    }

    private static func formatted(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
