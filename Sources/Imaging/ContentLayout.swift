/// The objects a picture shows on flat backgrounds: letters and shapes of a logo on white, a product cut-out, a
/// logo on a white card pasted into a scene.
///
/// A global hash of a mostly flat picture mostly encodes where its blob sits, so pictures of unrelated logos on white
/// collide, while the same logo padded, cropped into, turned or pasted elsewhere does not (see
/// `Docs/design-image-matching.md`). Hashing the box around the objects instead normalises position and scale. The
/// objects are found the same way on both sides, so the boxes agree:
///
/// 1. Candidate backgrounds: the most common luminance (in bins of 8), the most common along the picture's edge, and
///    white when the picture has any.
/// 2. For each, the pixels within `tolerance` of it, and their 4-connected regions covering at least
///    `minimumBackgroundShare` of the picture: the backgrounds. The tolerance is wide because JPEG rings around
///    sharp edges by tens of levels; objects differ from their background by far more.
/// 3. Everything else, in 8-connected regions, is an object, unless it lies mostly along the picture's edge (more
///    than `maximumEdgeContact` of its box's perimeter): those are frames, filled corners of a turned picture, or
///    the scene around a pasted card. Text cut by the picture's edge stays an object.
///
/// Each background's objects are a `Group`; `Group.bounds` is the box around all of them (the picture's content),
/// and `Group.clusters` the boxes of objects grouped by nearness, for finding one logo among several things.
public struct ContentLayout: Sendable, Hashable {
    /// The objects on one background.
    public struct Group: Sendable, Hashable {
        /// The background's luminance.
        public var background: Float
        /// Each object's box, largest area first.
        public var objects: [PixelRect]

        /// The box around every object (empty at the origin when there is none; a layout's groups always have some).
        public var bounds: PixelRect {
            guard let first = objects.first else { return PixelRect(x: 0, y: 0, width: 0, height: 0) }
            return objects.dropFirst().reduce(first) { $0.union($1) }
        }

        /// The boxes of single-linkage clusters of the objects by the gap between their boxes (Chebyshev distance,
        /// 0 when they overlap): every object alone, and every cluster formed as the gap allowed grows, up to all of
        /// them. Only the `clusteredObjects` largest objects take part. Boxes smaller than `minimumArea` pixels or
        /// under 8 pixels a side are left out; at most `limit` boxes, largest first.
        ///
        /// A logo's letters are closer to each other than to the things around it, so it appears whole as one of
        /// the clusters, wherever it was pasted.
        public func clusters(minimumArea: Int, limit: Int) -> [PixelRect] {
            let boxes = Array(objects.prefix(ContentLayout.clusteredObjects))
            var found: [PixelRect] = boxes
            var edges: [(gap: Int, first: Int, second: Int)] = []
            for first in boxes.indices {
                for second in (first + 1)..<boxes.count {
                    edges.append((boxes[first].gap(to: boxes[second]), first, second))
                }
            }
            edges.sort { ($0.gap, $0.first, $0.second) < ($1.gap, $1.first, $1.second) }
            var parent = Array(boxes.indices)
            var merged = boxes
            func root(_ index: Int) -> Int {
                var current = index
                while parent[current] != current { current = parent[current] }
                return current
            }
            for edge in edges {
                let first = root(edge.first)
                let second = root(edge.second)
                guard first != second else { continue }
                parent[second] = first
                merged[first] = merged[first].union(merged[second])
                found.append(merged[first])
            }
            found.append(bounds)
            var seen: Set<PixelRect> = []
            return
                found
                .filter { $0.width >= 8 && $0.height >= 8 && $0.width * $0.height >= minimumArea }
                .sorted { ($1.width * $1.height, $0.y, $0.x, $0.width) < ($0.width * $0.height, $1.y, $1.x, $1.width) }
                .filter { seen.insert($0).inserted }
                .prefix(limit)
                .map { $0 }
        }
    }

    /// A background must cover this share of the picture.
    public static let minimumBackgroundShare = 0.08
    /// An object touching the picture's edge along more than this share of its box's perimeter is not one.
    public static let maximumEdgeContact = 0.4
    /// Objects smaller than this many pixels (JPEG specks) are ignored.
    public static let minimumObjectArea = 4
    /// Objects taking part in `Group.clusters`, largest first.
    public static let clusteredObjects = 64

    /// One group per background found, in the order of the candidate backgrounds; empty for a picture without a
    /// flat background.
    public let groups: [Group]

    /// The layout of `luma`; `tolerance` is how far (in levels) a background pixel may stray from its background.
    public init(_ luma: LumaPlane, tolerance: Float = 40) {
        let total = luma.values.count
        var groups: [Group] = []
        for background in Self.candidateBackgrounds(luma) {
            let mask = luma.values.map { abs($0 - background) <= tolerance }
            let regions = ConnectedComponents(mask: mask, width: luma.width, height: luma.height, diagonal: false)
            for (index, region) in regions.components.enumerated()
            where Double(region.area) >= Self.minimumBackgroundShare * Double(total) {
                let rest = regions.mask(excluding: index)
                let objects = ConnectedComponents(mask: rest, width: luma.width, height: luma.height, diagonal: true)
                let kept = objects.components.filter { object in
                    object.area >= Self.minimumObjectArea
                        && Double(object.edgeContact)
                            <= Self.maximumEdgeContact * Double(2 * (object.bounds.width + object.bounds.height))
                }
                guard !kept.isEmpty else { continue }
                // Largest first; ties in a fixed order, so the layout is the same on every run.
                let boxes = kept.sorted {
                    ($1.area, $0.bounds.y, $0.bounds.x, $0.bounds.width, $0.bounds.height)
                        < ($0.area, $1.bounds.y, $1.bounds.x, $1.bounds.width, $1.bounds.height)
                }.map(\.bounds)
                groups.append(Group(background: background, objects: boxes))
            }
        }
        self.groups = groups
    }

    /// The most common luminance, the most common along the edge and white (when present), as centres of bins of 8,
    /// without near repeats.
    static func candidateBackgrounds(_ luma: LumaPlane) -> [Float] {
        var histogram = [Int](repeating: 0, count: 32)
        var edge = [Int](repeating: 0, count: 32)
        var brightest: Float = 0
        luma.values.withUnsafeBufferPointer { values in
            for value in values {
                histogram[min(31, max(0, Int(value) >> 3))] += 1
                brightest = max(brightest, value)
            }
            func count(_ index: Int) { edge[min(31, max(0, Int(values[index]) >> 3))] += 1 }
            let last = (luma.height - 1) * luma.width
            for x in 0..<luma.width {
                count(x)
                if luma.height > 1 { count(last + x) }
            }
            if luma.height > 2 {
                for y in 1..<(luma.height - 1) {
                    count(y * luma.width)
                    if luma.width > 1 { count(y * luma.width + luma.width - 1) }
                }
            }
        }
        func centre(_ counts: [Int]) -> Float {
            let bin = counts.indices.max { (counts[$0], $1) < (counts[$1], $0) } ?? 0
            return Float(bin * 8 + 4)
        }
        var candidates: [Float] = []
        for value in [centre(histogram), centre(edge)] + (brightest >= 230 ? [250] : [])
        where candidates.allSatisfy({ abs($0 - value) > 8 }) {
            candidates.append(value)
        }
        return candidates
    }
}

extension PixelRect {
    /// The smallest rectangle holding both.
    public func union(_ other: PixelRect) -> PixelRect {
        let left = min(x, other.x)
        let top = min(y, other.y)
        let right = max(x + width, other.x + other.width)
        let bottom = max(y + height, other.y + other.height)
        return PixelRect(x: left, y: top, width: right - left, height: bottom - top)
    }

    /// The gap between two rectangles: the larger of the horizontal and vertical gaps between them, 0 when they
    /// touch or overlap.
    func gap(to other: PixelRect) -> Int {
        max(0, other.x - (x + width), x - (other.x + other.width), other.y - (y + height), y - (other.y + other.height))
    }
}
