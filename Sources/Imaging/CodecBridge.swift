internal import CImageCodecs

/// The one place where Swift meets CImageCodecs: every unsafe pointer to the C codecs lives in this file.
///
/// C buffers are copied into Swift arrays and released before returning, so no C ownership leaks out.
enum CodecBridge {
    /// Decodes to 8-bit pixels: grey or RGB, alpha composited over white.
    static func decode(
        _ buffer: UnsafeRawBufferPointer, format: ImageFormat, options: DecodingOptions
    ) throws(ImageDecodingError) -> (pixels: [UInt8], channels: Int, width: Int, height: Int, source: SourceInfo) {
        var result = try run(buffer, format: format, options: options, luma: false)
        defer { CImageCodecs_free(result.pixels) }
        let count = Int(result.width) * Int(result.height) * Int(result.channels)
        let pixels = Array(UnsafeBufferPointer(start: result.pixels, count: count))
        return (pixels, Int(result.channels), Int(result.width), Int(result.height), source(of: &result, format))
    }

    /// Decodes to PDQ's floating-point luminance, computed by the codec row by row.
    static func decodeLuma(
        _ buffer: UnsafeRawBufferPointer, format: ImageFormat, options: DecodingOptions
    ) throws(ImageDecodingError) -> DecodedLuma {
        var result = try run(buffer, format: format, options: options, luma: true)
        defer { CImageCodecs_free(result.luma) }
        let count = Int(result.width) * Int(result.height)
        let values = Array(UnsafeBufferPointer(start: result.luma, count: count))
        return DecodedLuma(
            luma: LumaPlane(width: Int(result.width), height: Int(result.height), values: values),
            source: source(of: &result, format))
    }

    /// Runs the C decoder; on success the result owns `pixels` or `luma`, which the caller frees.
    private static func run(
        _ buffer: UnsafeRawBufferPointer, format: ImageFormat, options: DecodingOptions, luma: Bool
    ) throws(ImageDecodingError) -> CImageCodecs_DecodedImage {
        var cOptions = CImageCodecs_DecodeOptions()
        cOptions.max_pixels = UInt64(max(0, options.maximumPixelCount))
        cOptions.min_short_side = UInt32(clamping: options.minimumShortSide ?? 0)
        cOptions.prefer_grey = options.prefersGrey ? 1 : 0
        cOptions.output_luma = luma ? 1 : 0
        var result = CImageCodecs_DecodedImage()
        let base = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self)
        let status =
            switch format {
            case .jpeg: CImageCodecs_decodeJPEG(base, buffer.count, &cOptions, &result)
            case .png: CImageCodecs_decodePNG(base, buffer.count, &cOptions, &result)
            case .webp: CImageCodecs_decodeWebP(base, buffer.count, &cOptions, &result)
            }
        guard status == CImageCodecs_OK, luma ? result.luma != nil : result.pixels != nil else {
            throw ImageDecodingError(
                reason(
                    status, format: format, message: messageText(&result.message),
                    width: Int(result.source_width), height: Int(result.source_height),
                    limit: options.maximumPixelCount))
        }
        return result
    }

    private static func source(of result: inout CImageCodecs_DecodedImage, _ format: ImageFormat) -> SourceInfo {
        SourceInfo(
            format: format, width: Int(result.source_width), height: Int(result.source_height),
            scaleDenominator: Int(result.scale_denominator),
            orientation: ExifOrientation(rawValue: Int(result.orientation)) ?? .up,
            traits: SourceTraits(rawValue: result.source_flags))
    }

    static func encodePNG(_ image: Image) throws(ImageDecodingError) -> [UInt8] {
        var result = CImageCodecs_EncodedData()
        let status = image.pixels.withUnsafeBufferPointer { samples in
            CImageCodecs_encodePNG(
                samples.baseAddress, UInt32(image.width), UInt32(image.height), UInt32(image.format.channels),
                &result)
        }
        guard status == CImageCodecs_OK, let bytes = result.bytes else {
            throw ImageDecodingError(.encodingFailed(message: messageText(&result.message)))
        }
        defer { CImageCodecs_free(bytes) }
        return Array(UnsafeBufferPointer(start: bytes, count: result.size))
    }

    static func encodeJPEG(_ image: Image, quality: Int) throws(ImageDecodingError) -> [UInt8] {
        var result = CImageCodecs_EncodedData()
        let status = image.pixels.withUnsafeBufferPointer { samples in
            CImageCodecs_encodeJPEG(
                samples.baseAddress, UInt32(image.width), UInt32(image.height), UInt32(image.format.channels),
                Int32(quality), &result)
        }
        guard status == CImageCodecs_OK, let bytes = result.bytes else {
            throw ImageDecodingError(.encodingFailed(message: messageText(&result.message)))
        }
        defer { CImageCodecs_free(bytes) }
        return Array(UnsafeBufferPointer(start: bytes, count: result.size))
    }

    /// The versions of libjpeg and libpng linked in.
    static var libraryVersions: String { String(cString: CImageCodecs_libraryVersions()) }

    private static func messageText<T>(_ tuple: inout T) -> String {
        withUnsafeBytes(of: &tuple) { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            let end = bytes.firstIndex(of: 0) ?? bytes.count
            return String(decoding: bytes[..<end], as: UTF8.self)
        }
    }

    private static func reason(
        _ status: CImageCodecs_Status, format: ImageFormat, message: String, width: Int, height: Int, limit: Int
    ) -> ImageDecodingError.Reason {
        switch status {
        case CImageCodecs_TRUNCATED: .truncated(format: format, message: message)
        case CImageCodecs_TOO_LARGE: .tooLarge(format: format, width: width, height: height, limit: limit)
        case CImageCodecs_EMPTY: .zeroDimension(format: format)
        case CImageCodecs_UNSUPPORTED: .unsupportedVariant(format: format, message: message)
        case CImageCodecs_OUT_OF_MEMORY: .outOfMemory(format: format, message: message)
        default: .corrupt(format: format, message: message)
        }
    }
}
