/// The connected components of a binary mask over a `width × height` grid, with each component's area, bounding box
/// and the number of its pixels on the grid's outer edge.
///
/// Two passes with a union–find over provisional labels (Rosenfeld & Pfaltz, "Sequential operations in digital
/// picture processing", J. ACM 13(4), 1966): the first pass labels each set pixel from its already-visited
/// neighbours and records which labels meet, the second resolves every label to its component and gathers the
/// statistics. Linear in the pixels.
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

    /// Per pixel, the component's position in `components` plus one; 0 for pixels outside the mask.
    public let labels: [Int32]
    public let components: [Component]

    /// Labels `mask` (`width × height`, row-major; true pixels are labelled). With `diagonal`, pixels touching at
    /// a corner are connected (8-connectivity); otherwise only across an edge (4-connectivity).
    public init(mask: [Bool], width: Int, height: Int, diagonal: Bool) {
        precondition(width > 0 && height > 0 && mask.count == width * height, "mask size does not match")
        var labels = [Int32](repeating: 0, count: mask.count)
        var parent: [Int32] = [0]
        func find(_ label: Int32) -> Int32 {
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
        func union(_ first: Int32, _ second: Int32) -> Int32 {
            let a = find(first)
            let b = find(second)
            if a == b { return a }
            let (low, high) = a < b ? (a, b) : (b, a)
            parent[Int(high)] = low
            return low
        }
        for y in 0..<height {
            let row = y * width
            for x in 0..<width where mask[row + x] {
                // The already-labelled neighbours: left, and (above) up-left, up, up-right.
                var label: Int32 = x > 0 ? labels[row + x - 1] : 0
                if label != 0 { label = find(label) }
                if y > 0 {
                    let above = row - width + x
                    for neighbour in diagonal ? (max(0, x - 1)...min(width - 1, x + 1)) : (x...x) {
                        let other = labels[above - x + neighbour]
                        guard other != 0 else { continue }
                        label = label == 0 ? find(other) : union(label, other)
                    }
                }
                if label == 0 {
                    label = Int32(parent.count)
                    parent.append(label)
                }
                labels[row + x] = label
            }
        }
        // Resolve to compact component numbers, in order of first appearance (row-major), and gather statistics.
        var compact = [Int32](repeating: 0, count: parent.count)
        var area: [Int] = []
        var contact: [Int] = []
        var minX: [Int] = []
        var maxX: [Int] = []
        var minY: [Int] = []
        var maxY: [Int] = []
        for y in 0..<height {
            let row = y * width
            let onEdgeRow = y == 0 || y == height - 1
            for x in 0..<width where labels[row + x] != 0 {
                let root = Int(find(labels[row + x]))
                if compact[root] == 0 {
                    area.append(0)
                    contact.append(0)
                    minX.append(x)
                    maxX.append(x)
                    minY.append(y)
                    maxY.append(y)
                    compact[root] = Int32(area.count)
                }
                let number = compact[root]
                labels[row + x] = number
                let index = Int(number) - 1
                area[index] += 1
                minX[index] = min(minX[index], x)
                maxX[index] = max(maxX[index], x)
                maxY[index] = y
                if onEdgeRow || x == 0 || x == width - 1 { contact[index] += 1 }
            }
        }
        let components = area.indices.map { index in
            Component(
                area: area[index],
                bounds: PixelRect(
                    x: minX[index], y: minY[index], width: maxX[index] - minX[index] + 1,
                    height: maxY[index] - minY[index] + 1),
                edgeContact: contact[index])
        }
        self.labels = labels
        self.components = components
    }
}
