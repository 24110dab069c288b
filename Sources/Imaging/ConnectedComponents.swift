/// The connected components of a binary mask over a `width × height` grid, with each component's area, bounding box
/// and the number of its pixels on the grid's outer edge.
///
/// Labelling works on runs of set pixels rather than on pixels, with a union–find over the runs' provisional labels
/// (the two-pass scheme of Rosenfeld & Pfaltz, "Sequential operations in digital picture processing", J. ACM 13(4),
/// 1966, on runs as in He, Chao & Suzuki, "A run-based two-scan labeling algorithm", IEEE TIP 17(5), 2008): each run
/// joins the runs of the row above that it touches, then every run is resolved to its component. Linear in the
/// pixels, with the bookkeeping per run.
public struct ConnectedComponents: Sendable {
    /// One component.
    public struct Component: Sendable, Hashable {
        /// Set pixels in it.
        public var area: Int
        /// Its bounding box.
        public var bounds: PixelRect
        /// Its pixels on the grid's outer edge (a corner pixel counts once).
        public var edgeContact: Int
    }

    /// A horizontal run of set pixels: row `y`, columns `start..<end`, in component `component` (a position in
    /// `components`).
    public struct Run: Sendable, Hashable {
        public var y: Int32
        public var start: Int32
        public var end: Int32
        public var component: Int32
    }

    /// Every run of set pixels, row by row, left to right.
    public let runs: [Run]
    public let components: [Component]
    public let width: Int
    public let height: Int

    /// Labels `mask` (`width × height`, row-major; true pixels are labelled). With `diagonal`, pixels touching at
    /// a corner are connected (8-connectivity); otherwise only across an edge (4-connectivity).
    public init(mask: [Bool], width: Int, height: Int, diagonal: Bool) {
        precondition(width > 0 && height > 0 && mask.count == width * height, "mask size does not match")
        self.width = width
        self.height = height
        var runs: [Run] = []
        var parent: [Int32] = []
        mask.withUnsafeBufferPointer { pixels in
            var previous = 0..<0  // the runs of the row above, as positions in `runs`
            for y in 0..<height {
                let row = y * width
                let first = runs.count
                var x = 0
                var above = previous.lowerBound
                while x < width {
                    while x < width && !pixels[row + x] { x += 1 }
                    guard x < width else { break }
                    let start = x
                    while x < width && pixels[row + x] { x += 1 }
                    // Runs above that touch columns start..<x (one further either side with diagonals).
                    let reachStart = Int32(diagonal ? start - 1 : start)
                    let reachEnd = Int32(diagonal ? x + 1 : x)
                    var label: Int32 = -1
                    while above < previous.upperBound && runs[above].end <= reachStart { above += 1 }
                    var candidate = above
                    while candidate < previous.upperBound && runs[candidate].start < reachEnd {
                        let other = Self.root(runs[candidate].component, &parent)
                        if label < 0 {
                            label = other
                        } else if other != label {
                            let (low, high) = label < other ? (label, other) : (other, label)
                            parent[Int(high)] = low
                            label = low
                        }
                        candidate += 1
                    }
                    if label < 0 {
                        label = Int32(parent.count)
                        parent.append(label)
                    }
                    runs.append(Run(y: Int32(y), start: Int32(start), end: Int32(x), component: label))
                }
                previous = first..<runs.count
            }
        }
        // Resolve to compact component numbers, in order of first appearance (row-major), and gather statistics.
        var compact = [Int32](repeating: -1, count: parent.count)
        var components: [Component] = []
        var right: [Int] = []
        var bottom: [Int] = []
        for index in runs.indices {
            let run = runs[index]
            let root = Int(Self.root(run.component, &parent))
            if compact[root] < 0 {
                compact[root] = Int32(components.count)
                components.append(
                    Component(
                        area: 0, bounds: PixelRect(x: Int(run.start), y: Int(run.y), width: 0, height: 0),
                        edgeContact: 0))
                right.append(0)
                bottom.append(0)
            }
            let number = Int(compact[root])
            runs[index].component = Int32(number)
            let start = Int(run.start)
            let end = Int(run.end)
            let length = end - start
            components[number].area += length
            components[number].bounds.x = min(components[number].bounds.x, start)
            right[number] = max(right[number], end)
            bottom[number] = Int(run.y) + 1
            if run.y == 0 || Int(run.y) == height - 1 {
                components[number].edgeContact += length
            } else {
                // Its first and last columns' pixels, once each (one pixel when the grid is one column wide).
                components[number].edgeContact += (start == 0 ? 1 : 0) + (end == width && width > 1 ? 1 : 0)
            }
        }
        for index in components.indices {
            components[index].bounds.width = right[index] - components[index].bounds.x
            components[index].bounds.height = bottom[index] - components[index].bounds.y
        }
        self.runs = runs
        self.components = components
    }

    /// Per pixel, the component's position in `components` plus one; 0 for pixels outside the mask.
    public var labels: [Int32] {
        var labels = [Int32](repeating: 0, count: width * height)
        for run in runs {
            let row = Int(run.y) * width
            for x in Int(run.start)..<Int(run.end) { labels[row + x] = run.component + 1 }
        }
        return labels
    }

    /// Whether each pixel is outside component `component` (a position in `components`): the mask of everything
    /// else.
    public func mask(excluding component: Int) -> [Bool] {
        var mask = [Bool](repeating: true, count: width * height)
        for run in runs where Int(run.component) == component {
            let row = Int(run.y) * width
            for x in Int(run.start)..<Int(run.end) { mask[row + x] = false }
        }
        return mask
    }

    private static func root(_ label: Int32, _ parent: inout [Int32]) -> Int32 {
        var root = label
        while parent[Int(root)] != root { root = parent[Int(root)] }
        var current = label
        while parent[Int(current)] != root {
            let next = parent[Int(current)]
            parent[Int(current)] = root
            current = next
        }
        return root
    }
}
