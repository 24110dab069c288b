/// Encodes images as baseline JPEG through libjpeg: how the robustness harness re-encodes a picture as a marketplace
/// or an infringer's editor would.
public enum JPEGEncoder {
    /// The JPEG bytes of `image` at `quality` (1...100, libjpeg's scale). Deterministic for the same pixels.
    public static func encode(_ image: Image, quality: Int = 85) throws(ImageDecodingError) -> [UInt8] {
        try CodecBridge.encodeJPEG(image, quality: quality)
    }
}
