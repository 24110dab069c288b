#!/usr/bin/env python3
"""Regenerates the decoder corpus: odd-but-valid files in valid/, damaged and hostile ones in corrupt/, and
expected.tsv, the result each must give. Deterministic: the same Pillow/pypng give the same bytes.

Expected pixels come from Pillow (which uses libjpeg-turbo and zlib, like our shim) plus the conventions our
decoder documents: alpha composited over white as (c*a + 255*(255-a) + 127) // 255, 16-bit samples reduced to
their high byte, EXIF orientation applied. They are summarised as FNV-1a 64 of the packed samples.

Usage: python3 make_corpus.py   (needs Pillow, numpy and pypng; sources are Samples/images/coffee.jpg and logo.png)
"""
import io, os, struct, zlib, random
import numpy as np
import png  # pypng, for 16-bit, low bit depths and Adam7
from PIL import Image, ImageOps

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLES = os.path.join(HERE, '../../../Samples/images')
VALID = os.path.join(HERE, 'valid')
CORRUPT = os.path.join(HERE, 'corrupt')
rows = []


def fnv1a64(data: bytes) -> str:
    h = 0xcbf29ce484222325
    for b in data:
        h ^= b
        h = (h * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return '%016x' % h


def composite(arr):
    """arr: HxWx(2|4) uint8 -> HxWx(1|3) over white."""
    a = arr[..., -1:].astype(np.int64)
    c = arr[..., :-1].astype(np.int64)
    return ((c * a + 255 * (255 - a) + 127) // 255).astype(np.uint8)


def expect_ok(name, arr):
    if arr.ndim == 2:
        arr = arr[..., None]
    h, w, ch = arr.shape
    rows.append((name, 'ok', w, h, ch, fnv1a64(np.ascontiguousarray(arr).tobytes())))


def expect_error(name, category):
    rows.append((name, category, '', '', '', ''))


def write(folder, name, data):
    with open(os.path.join(folder, name), 'wb') as f:
        f.write(data)
    return os.path.join(os.path.basename(folder), name)


def jpeg_bytes(im, **kw):
    out = io.BytesIO()
    im.save(out, format='JPEG', **kw)
    return out.getvalue()


def png_chunk(kind, data):
    return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data) & 0xFFFFFFFF)


def pypng_bytes(rows_, **kw):
    out = io.BytesIO()
    png.Writer(**kw).write(out, rows_)
    return out.getvalue()


def main():
    os.makedirs(VALID, exist_ok=True)
    os.makedirs(CORRUPT, exist_ok=True)
    photo = Image.open(os.path.join(SAMPLES, 'coffee.jpg')).convert('RGB').resize((240, 160))
    logo = Image.open(os.path.join(SAMPLES, 'logo.png')).resize((120, 120))  # RGBA
    rng = np.random.default_rng(20261129)

    # --- odd but valid -------------------------------------------------------------------------------------
    baseline = jpeg_bytes(photo, quality=90)
    name = write(VALID, 'baseline.jpg', baseline)
    expect_ok(name, np.asarray(Image.open(io.BytesIO(baseline)).convert('RGB')))

    progressive = jpeg_bytes(photo, quality=90, progressive=True)
    name = write(VALID, 'progressive.jpg', progressive)
    expect_ok(name, np.asarray(Image.open(io.BytesIO(progressive)).convert('RGB')))

    grey = jpeg_bytes(photo.convert('L'), quality=90)
    name = write(VALID, 'grey.jpg', grey)
    expect_ok(name, np.asarray(Image.open(io.BytesIO(grey))))

    cmyk = jpeg_bytes(photo.convert('CMYK'), quality=92)  # Pillow writes an Adobe marker, inverted CMYK
    name = write(VALID, 'cmyk-adobe.jpg', cmyk)
    expect_ok(name, np.asarray(Image.open(io.BytesIO(cmyk)).convert('RGB')))

    for orientation in (3, 6, 8, 2):
        exif = Image.Exif()
        exif[0x0112] = orientation
        data = jpeg_bytes(photo, quality=90, exif=exif.tobytes())
        name = write(VALID, 'exif-orientation-%d.jpg' % orientation, data)
        expect_ok(name, np.asarray(ImageOps.exif_transpose(Image.open(io.BytesIO(data)).convert('RGB'))))

    # Two stray bytes before EOI, as some cameras write: libjpeg warns, the picture is whole.
    name = write(VALID, 'junk-before-eoi.jpg', baseline[:-2] + b'\x00\x00' + baseline[-2:])
    expect_ok(name, np.asarray(Image.open(io.BytesIO(baseline)).convert('RGB')))

    # An Exif segment whose IFD offset points far outside it: the orientation is ignored, the picture decodes.
    bogus_exif = b'Exif\x00\x00' + b'II*\x00' + struct.pack('<I', 0x7FFFFFF0)
    data = baseline[:2] + b'\xff\xe1' + struct.pack('>H', len(bogus_exif) + 2) + bogus_exif + baseline[2:]
    name = write(VALID, 'exif-bogus-offset.jpg', data)
    expect_ok(name, np.asarray(Image.open(io.BytesIO(baseline)).convert('RGB')))

    rgb = np.asarray(photo)
    h, w, _ = rgb.shape
    rgb16 = rgb.astype(np.uint16) * 257 + rng.integers(0, 256, rgb.shape).astype(np.uint16) % 257
    data = pypng_bytes(rgb16.reshape(h, w * 3).tolist(), width=w, height=h, bitdepth=16, greyscale=False)
    name = write(VALID, 'rgb-16bit.png', data)
    expect_ok(name, (rgb16 >> 8).astype(np.uint8))

    grey16 = (np.asarray(photo.convert('L')).astype(np.uint16) * 257)
    data = pypng_bytes(grey16.tolist(), width=w, height=h, bitdepth=16, greyscale=True)
    name = write(VALID, 'grey-16bit.png', data)
    expect_ok(name, (grey16 >> 8).astype(np.uint8))

    data = pypng_bytes(rgb.reshape(h, w * 3).tolist(), width=w, height=h, greyscale=False, interlace=True)
    name = write(VALID, 'adam7.png', data)
    expect_ok(name, rgb)

    grey2 = (np.asarray(photo.convert('L')) >> 6).astype(np.uint8)  # 2-bit greyscale
    data = pypng_bytes(grey2.tolist(), width=w, height=h, bitdepth=2, greyscale=True, interlace=True)
    name = write(VALID, 'grey-2bit-adam7.png', data)
    expect_ok(name, (grey2.astype(np.uint16) * 85).astype(np.uint8))

    la = logo.convert('LA')
    out = io.BytesIO(); la.save(out, format='PNG')
    name = write(VALID, 'grey-alpha.png', out.getvalue())
    expect_ok(name, composite(np.asarray(la)))

    rgba = np.asarray(logo.convert('RGBA'))
    out = io.BytesIO(); logo.convert('RGBA').save(out, format='PNG')
    name = write(VALID, 'rgba.png', out.getvalue())
    expect_ok(name, composite(rgba))

    pal = logo.convert('RGB').quantize(colors=16)
    pal.info['transparency'] = 0
    out = io.BytesIO(); pal.save(out, format='PNG', transparency=0)
    name = write(VALID, 'palette-trns.png', out.getvalue())
    expect_ok(name, composite(np.asarray(Image.open(io.BytesIO(out.getvalue())).convert('RGBA'))))

    bilevel = photo.convert('1')
    out = io.BytesIO(); bilevel.save(out, format='PNG')
    name = write(VALID, 'bilevel.png', out.getvalue())
    expect_ok(name, np.asarray(bilevel.convert('L')))

    out = io.BytesIO(); photo.save(out, format='PNG')
    name = write(VALID, 'png-named-as.jpg', out.getvalue())
    expect_ok(name, rgb)
    name = write(VALID, 'jpeg-named-as.png', baseline)
    expect_ok(name, np.asarray(Image.open(io.BytesIO(baseline)).convert('RGB')))

    lossy = io.BytesIO(); photo.save(lossy, format='WEBP', quality=85)
    name = write(VALID, 'lossy.webp', lossy.getvalue())
    expect_ok(name, np.asarray(Image.open(io.BytesIO(lossy.getvalue())).convert('RGB')))
    lossless = io.BytesIO(); logo.convert('RGBA').save(lossless, format='WEBP', lossless=True)
    name = write(VALID, 'lossless-alpha.webp', lossless.getvalue())
    expect_ok(name, composite(np.asarray(Image.open(io.BytesIO(lossless.getvalue())).convert('RGBA'))))
    name = write(VALID, 'webp-named-as.jpg', lossy.getvalue())
    expect_ok(name, np.asarray(Image.open(io.BytesIO(lossy.getvalue())).convert('RGB')))

    tiny = np.array([[0, 128, 255], [255, 128, 0], [0, 0, 0]], dtype=np.uint8)
    out = io.BytesIO(); Image.fromarray(tiny, 'L').save(out, format='PNG')
    name = write(VALID, 'tiny-3x3.png', out.getvalue())
    expect_ok(name, tiny)

    # --- damaged and hostile -------------------------------------------------------------------------------
    expect_error(write(CORRUPT, 'empty.jpg', b''), 'empty-file')
    expect_error(write(CORRUPT, 'random.bin', random.Random(7).randbytes(4096)),
                 'unsupported-format')
    expect_error(write(CORRUPT, 'text-named.jpg', b'<html>404 Not Found</html>\n'), 'unsupported-format')
    expect_error(write(CORRUPT, 'webp-header-only.jpg', b'RIFF\x24\x00\x00\x00WEBPVP8 ' + bytes(24)), 'corrupt')
    lossy_bytes = open(os.path.join(VALID, 'lossy.webp'), 'rb').read()
    expect_error(write(CORRUPT, 'webp-cut-at-60-percent.webp', lossy_bytes[:len(lossy_bytes) * 6 // 10]), 'truncated')
    expect_error(write(CORRUPT, 'webp-cut-in-header.webp', lossy_bytes[:20]), 'truncated')
    frames = [photo.resize((60, 40)), photo.resize((60, 40)).rotate(180)]
    animated = io.BytesIO(); frames[0].save(animated, format='WEBP', save_all=True, append_images=frames[1:])
    expect_error(write(CORRUPT, 'webp-animated.webp', animated.getvalue()), 'unsupported-variant')
    expect_error(write(CORRUPT, 'gif-named.png', b'GIF89a\x01\x00\x01\x00\x00\x00\x00;'), 'unsupported-format')
    expect_error(write(CORRUPT, 'jpeg-soi-only.jpg', b'\xff\xd8\xff'), 'truncated')

    sos = baseline.index(b'\xff\xda')
    expect_error(write(CORRUPT, 'jpeg-cut-in-header.jpg', baseline[:sos // 2]), 'truncated')
    expect_error(write(CORRUPT, 'jpeg-cut-in-first-scan.jpg', baseline[:sos + 60]), 'truncated')
    expect_error(write(CORRUPT, 'jpeg-cut-at-60-percent.jpg', baseline[:len(baseline) * 6 // 10]), 'truncated')
    expect_error(write(CORRUPT, 'jpeg-missing-eoi.jpg', baseline[:-2]), 'truncated')
    scans = [i for i in range(len(progressive) - 1) if progressive[i:i + 2] == b'\xff\xda']
    expect_error(write(CORRUPT, 'jpeg-progressive-cut-in-first-scan.jpg', progressive[:scans[0] + 40]), 'truncated')
    expect_error(write(CORRUPT, 'jpeg-progressive-cut-in-last-scan.jpg',
                       progressive[:(scans[-1] + len(progressive)) // 2]), 'truncated')

    # Garbage in the entropy-coded data: the Huffman decoder falls out of step and ends far from the marker.
    middle = (sos + len(baseline)) // 2
    bad = bytearray(baseline)
    bad[middle:middle + 48] = b'\xfe' * 48
    expect_error(write(CORRUPT, 'jpeg-bad-huffman.jpg', bytes(bad)), 'corrupt')

    sof = baseline.index(b'\xff\xc0')
    huge = bytearray(baseline)
    huge[sof + 5:sof + 9] = struct.pack('>HH', 65500, 65500)
    expect_error(write(CORRUPT, 'jpeg-65500x65500.jpg', bytes(huge)), 'too-large')
    zero = bytearray(baseline)
    zero[sof + 5:sof + 7] = struct.pack('>H', 0)
    expect_error(write(CORRUPT, 'jpeg-zero-height.jpg', bytes(zero)), 'zero-dimension')

    twelve = bytearray(baseline)
    twelve[sof + 4] = 12  # sample precision: 12-bit JPEGs need a libjpeg built for them
    expect_error(write(CORRUPT, 'jpeg-12-bit-precision.jpg', bytes(twelve)), 'unsupported-variant')
    lossless = bytearray(baseline)
    lossless[sof + 1] = 0xC3  # SOF3: lossless JPEG
    expect_error(write(CORRUPT, 'jpeg-lossless-sof3.jpg', bytes(lossless)), 'unsupported-variant')

    good_png = open(os.path.join(VALID, 'png-named-as.jpg'), 'rb').read()
    signature = b'\x89PNG\r\n\x1a\n'
    ihdr = png_chunk(b'IHDR', struct.pack('>IIBBBBB', 100000, 100000, 8, 2, 0, 0, 0))
    expect_error(write(CORRUPT, 'png-100000x100000.png', signature + ihdr + png_chunk(b'IEND', b'')), 'too-large')
    ihdr = png_chunk(b'IHDR', struct.pack('>IIBBBBB', 0, 16, 8, 2, 0, 0, 0))
    expect_error(write(CORRUPT, 'png-zero-width.png', signature + ihdr + png_chunk(b'IEND', b'')), 'zero-dimension')

    bad_crc = bytearray(good_png)
    bad_crc[29] ^= 0xFF  # last byte of IHDR's CRC
    expect_error(write(CORRUPT, 'png-bad-crc.png', bytes(bad_crc)), 'corrupt')

    idat = good_png.index(b'IDAT')
    length = struct.unpack('>I', good_png[idat - 4:idat])[0]
    payload = bytearray(good_png[idat + 4:idat + 4 + length])
    payload[2:40] = bytes(range(200, 238))  # garbage deflate data, with a correct chunk CRC
    bad_idat = good_png[:idat - 4] + png_chunk(b'IDAT', bytes(payload)) + good_png[idat + 8 + length:]
    expect_error(write(CORRUPT, 'png-bad-idat.png', bad_idat), 'corrupt')
    expect_error(write(CORRUPT, 'png-cut-in-idat.png', good_png[:idat + length // 2]), 'truncated')
    expect_error(write(CORRUPT, 'png-missing-iend.png', good_png[:-12]), 'truncated')
    expect_error(write(CORRUPT, 'png-bad-signature.png', b'\x89PNG\r\n\x1a\x00' + good_png[8:]), 'unsupported-format')

    with open(os.path.join(HERE, 'expected.tsv'), 'w') as f:
        f.write('# file\toutcome\twidth\theight\tchannels\tfnv1a64 of decoded samples (orientation applied)\n')
        for row in rows:
            f.write('\t'.join(str(x) for x in row) + '\n')
    print('wrote', len(rows), 'expectations')


if __name__ == '__main__':
    main()
