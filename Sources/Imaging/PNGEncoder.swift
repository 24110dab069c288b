/// Encodes images as PNG (8-bit grey or RGB, no interlace), for side-by-side evidence images.
public enum PNGEncoder {
    /// The PNG bytes of `image`. Deterministic: the same pixels always give the same bytes.
    public static func encode(_ image: Image) throws(ImageDecodingError) -> [UInt8] {
        try CodecBridge.encodePNG(image)
    }
}
