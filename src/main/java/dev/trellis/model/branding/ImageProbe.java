package dev.trellis.model.branding;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/**
 * Reads an image's format and dimensions from its bytes without decoding pixels: the PNG IHDR chunk (every
 * chunk's CRC is checked and the file must end with IEND) or the JPEG SOF marker.
 */
public final class ImageProbe {

  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  private ImageProbe() {}

  /**
   * The image's header.
   *
   * @throws IllegalArgumentException with a phrase that completes "The logo …", such as "is not a PNG or
   *     JPEG image"
   */
  public static ImageInfo probe(byte[] data) {
    if (data == null || data.length == 0) {
      throw new IllegalArgumentException("is empty");
    }
    if (startsWith(data, PNG_SIGNATURE)) {
      return png(data);
    }
    if (data.length >= 3 && (data[0] & 0xff) == 0xff && (data[1] & 0xff) == 0xd8 && (data[2] & 0xff) == 0xff) {
      return jpeg(data);
    }
    throw new IllegalArgumentException("is not a PNG or JPEG image");
  }

  private static ImageInfo png(byte[] data) {
    ByteBuffer b = ByteBuffer.wrap(data);
    b.position(PNG_SIGNATURE.length);
    int width = -1;
    int height = -1;
    boolean first = true;
    while (true) {
      if (b.remaining() < 12) {
        throw new IllegalArgumentException("is a truncated PNG image");
      }
      long length = Integer.toUnsignedLong(b.getInt());
      int typeAt = b.position();
      String type = new String(data, typeAt, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
      if (length > b.remaining() - 8) {
        throw new IllegalArgumentException("is a truncated PNG image");
      }
      CRC32 crc = new CRC32();
      crc.update(data, typeAt, 4 + (int) length);
      b.position(typeAt + 4);
      if (first) {
        if (!type.equals("IHDR") || length != 13) {
          throw new IllegalArgumentException("is a PNG image without an IHDR chunk first");
        }
        width = b.getInt(b.position());
        height = b.getInt(b.position() + 4);
        if (width <= 0 || height <= 0) {
          throw new IllegalArgumentException("is a PNG image with invalid dimensions");
        }
        first = false;
      }
      b.position(b.position() + (int) length);
      if ((int) crc.getValue() != b.getInt()) {
        throw new IllegalArgumentException("is a corrupt PNG image (chunk " + printable(type) + " fails its CRC)");
      }
      if (type.equals("IEND")) {
        return new ImageInfo(ImageFormat.PNG, width, height, data.length);
      }
    }
  }

  /** Walks the markers after SOI to the first start-of-frame, which holds the dimensions. */
  private static ImageInfo jpeg(byte[] data) {
    int i = 2;
    while (true) {
      int start = i;
      while (i < data.length && (data[i] & 0xff) == 0xff) {
        i++; // the marker's 0xFF and any fill bytes
      }
      if (i >= data.length || i == start) {
        throw new IllegalArgumentException("is a truncated or corrupt JPEG image");
      }
      int marker = data[i] & 0xff;
      i++;
      if (marker == 0xd8 || marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
        continue; // markers without a length
      }
      if (marker == 0xd9 || marker == 0xda || marker == 0x00) {
        throw new IllegalArgumentException("is a JPEG image without a frame header before its scan data");
      }
      if (i + 2 > data.length) {
        throw new IllegalArgumentException("is a truncated JPEG image");
      }
      int length = ((data[i] & 0xff) << 8) | (data[i + 1] & 0xff);
      if (length < 2 || i + length > data.length) {
        throw new IllegalArgumentException("is a truncated JPEG image");
      }
      if (isStartOfFrame(marker)) {
        if (length < 8) {
          throw new IllegalArgumentException("is a JPEG image with a corrupt frame header");
        }
        int height = ((data[i + 3] & 0xff) << 8) | (data[i + 4] & 0xff);
        int width = ((data[i + 5] & 0xff) << 8) | (data[i + 6] & 0xff);
        if (width == 0 || height == 0) {
          throw new IllegalArgumentException("is a JPEG image with invalid dimensions");
        }
        return new ImageInfo(ImageFormat.JPEG, width, height, data.length);
      }
      i += length;
    }
  }

  /** SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC). */
  private static boolean isStartOfFrame(int marker) {
    return marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
  }

  private static boolean startsWith(byte[] data, byte[] prefix) {
    if (data.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (data[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static String printable(String type) {
    return type.chars().allMatch(c -> c >= 'A' && c <= 'z') ? type : "?";
  }
}
