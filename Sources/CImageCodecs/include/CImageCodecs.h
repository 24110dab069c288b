// CImageCodecs: the only code in Proofmark that calls libjpeg, libpng and libwebp.
//
// Every entry point runs one library's whole call sequence inside its own setjmp scope and returns a
// status; it never exits, prints or leaks, whatever the bytes. This header includes neither jpeglib.h
// nor png.h, so the Swift side sees only these plain types.
#ifndef CIMAGECODECS_H
#define CIMAGECODECS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// What a codec call came to. Anything but OK leaves a human-readable reason in `message`.
typedef enum CImageCodecs_Status {
    CImageCodecs_OK = 0,
    /// The bytes are not a valid image of that format (bad header, bad Huffman code, bad CRC, ...).
    CImageCodecs_CORRUPT = 1,
    /// The data ends, or a scan stops, before the image is complete.
    CImageCodecs_TRUNCATED = 2,
    /// The header declares more pixels than the caller allows.
    CImageCodecs_TOO_LARGE = 3,
    /// The header declares a zero width or height.
    CImageCodecs_EMPTY = 4,
    /// Valid, but a kind this shim does not decode (e.g. an arithmetic-coded JPEG without support).
    CImageCodecs_UNSUPPORTED = 5,
    /// An allocation failed.
    CImageCodecs_OUT_OF_MEMORY = 6,
    /// The caller passed an impossible argument (null pointer, zero-size buffer, bad channel count).
    CImageCodecs_INVALID_ARGUMENT = 7,
} CImageCodecs_Status;

/// How to decode.
typedef struct CImageCodecs_DecodeOptions {
    /// Largest width × height accepted, checked from the header before any pixel buffer exists.
    uint64_t max_pixels;
    /// JPEG only: decode at the largest DCT scale 1/d (d in 1, 2, 4, 8) whose shorter side stays at or
    /// above this many pixels. 0 decodes at full size.
    uint32_t min_short_side;
    /// Non-zero asks for one luminance channel where the format gives it cheaply (JPEG's Y); the result's
    /// `channels` says what was returned.
    uint32_t prefer_grey;
    /// Non-zero returns PDQ's luminance instead of 8-bit samples: `luma` holds width × height floats,
    /// Y = 0.299 R + 0.587 G + 0.114 B summed in double precision and rounded once to float (grey sources give
    /// their samples), computed row by row as the decoder produces them; `pixels` stays NULL.
    uint32_t output_luma;
    uint32_t reserved;
} CImageCodecs_DecodeOptions;

/// A decoded image: 8-bit samples, rows packed (stride = width × channels), alpha already composited over
/// white. `pixels` is owned by the caller once OK is returned; release it with CImageCodecs_free.
typedef struct CImageCodecs_DecodedImage {
    uint8_t *pixels;
    /// Set instead of `pixels` when `output_luma` was asked for; release it with CImageCodecs_free.
    float *luma;
    uint32_t width;
    uint32_t height;
    /// 1 (grey) or 3 (RGB).
    uint32_t channels;
    /// The size the header declares, before any DCT scaling.
    uint32_t source_width;
    uint32_t source_height;
    /// The DCT scale denominator used (1 for PNG and full-size JPEG).
    uint32_t scale_denominator;
    /// EXIF orientation 1...8 read from the JPEG's APP1 segment; 1 where absent or invalid.
    uint32_t orientation;
    /// Bit flags describing the source: see CImageCodecs_SOURCE_*.
    uint32_t source_flags;
    /// The library's message when the status is not OK, NUL-terminated.
    char message[240];
} CImageCodecs_DecodedImage;

enum {
    CImageCodecs_SOURCE_PROGRESSIVE = 1 << 0,
    CImageCodecs_SOURCE_CMYK = 1 << 1,
    CImageCodecs_SOURCE_ALPHA = 1 << 2,
    CImageCodecs_SOURCE_INTERLACED = 1 << 3,
    CImageCodecs_SOURCE_SIXTEEN_BIT = 1 << 4,
    CImageCodecs_SOURCE_PALETTE = 1 << 5,
    CImageCodecs_SOURCE_GREY = 1 << 6,
};

/// Bytes produced by an encoder, owned by the caller once OK is returned; release with CImageCodecs_free.
typedef struct CImageCodecs_EncodedData {
    uint8_t *bytes;
    size_t size;
    char message[240];
} CImageCodecs_EncodedData;

/// Decodes a JPEG (baseline or progressive; grey, YCbCr, RGB, CMYK and Adobe YCCK).
CImageCodecs_Status CImageCodecs_decodeJPEG(const uint8_t *data, size_t size,
                                            const CImageCodecs_DecodeOptions *options,
                                            CImageCodecs_DecodedImage *result);

/// Decodes a PNG (every colour type and bit depth, palette with tRNS, Adam7, 16-bit).
CImageCodecs_Status CImageCodecs_decodePNG(const uint8_t *data, size_t size,
                                           const CImageCodecs_DecodeOptions *options,
                                           CImageCodecs_DecodedImage *result);

/// Decodes a still WebP (lossy or lossless, with or without alpha); animated WebPs are refused as unsupported.
CImageCodecs_Status CImageCodecs_decodeWebP(const uint8_t *data, size_t size,
                                            const CImageCodecs_DecodeOptions *options,
                                            CImageCodecs_DecodedImage *result);

/// Encodes 8-bit grey (1 channel) or RGB (3 channels) rows, packed, as a PNG.
CImageCodecs_Status CImageCodecs_encodePNG(const uint8_t *pixels, uint32_t width, uint32_t height,
                                           uint32_t channels, CImageCodecs_EncodedData *result);

/// Encodes 8-bit grey (1 channel) or RGB (3 channels) rows, packed, as a baseline JPEG at `quality` (1...100,
/// libjpeg's scale, 4:2:0 chroma for RGB).
CImageCodecs_Status CImageCodecs_encodeJPEG(const uint8_t *pixels, uint32_t width, uint32_t height,
                                            uint32_t channels, int quality, CImageCodecs_EncodedData *result);

/// Asks the C allocator to keep up to `bytes` of freed memory for reuse instead of returning it to the system,
/// and to serve blocks below that size from the heap. Returns 1 where supported (glibc), 0 elsewhere.
int CImageCodecs_keepFreedMemory(size_t bytes);

/// Releases a buffer returned by this module.
void CImageCodecs_free(void *pointer);

/// The linked libraries' versions, e.g. "libjpeg-turbo 2.1.5 (API 62), libpng 1.6.39".
const char *CImageCodecs_libraryVersions(void);

#ifdef __cplusplus
}
#endif

#endif
