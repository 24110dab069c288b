internal import CImageCodecs

/// Process-wide memory behaviour for programs that decode image after image.
public enum ImageMemory {
    /// Keeps freed image buffers in the heap (up to 256 MiB) so that the next image reuses warm pages.
    ///
    /// Each image needs buffers of a few megabytes (pixels, luminance, filter scratch). glibc serves such sizes
    /// with fresh `mmap`s and unmaps them on `free`, so every image pays its page faults again: measured with
    /// `Benchmarks/peers`, about a quarter of the fast path's time and two fifths of the exact path's. This changes
    /// the whole process's allocator, so only an executable calls it, once, at start-up.
    ///
    /// - Returns: whether the allocator accepted the setting (glibc does).
    @discardableResult
    public static func keepFreedBuffersForReuse() -> Bool {
        CImageCodecs_keepFreedMemory(256 << 20) == 1
    }
}
