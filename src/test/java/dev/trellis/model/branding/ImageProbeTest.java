package dev.trellis.model.branding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ImageProbeTest {

  private static byte[] bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }

  @Test
  void readsPngDimensionsFromIhdr() {
    byte[] png = Images.plain("png", 300, 120);

    assertThat(ImageProbe.probe(png)).isEqualTo(new ImageInfo(ImageFormat.PNG, 300, 120, png.length));
  }

  @Test
  void readsJpegDimensionsFromTheFrameHeader() {
    byte[] jpg = Images.plain("jpg", 64, 48);

    assertThat(ImageProbe.probe(jpg)).isEqualTo(new ImageInfo(ImageFormat.JPEG, 64, 48, jpg.length));
  }

  @Test
  void readsAProgressiveJpegFrameAfterFillBytes() {
    byte[] jpg = bytes(0xff, 0xd8,
        0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, // an APP0 segment with two bytes of payload
        0xff, 0xff, 0xc2, 0x00, 0x11, 0x08, 0x00, 0x40, 0x00, 0x80, 0x03, 1, 0x11, 0, 2, 0x11, 1, 3, 0x11, 1,
        0xff, 0xd9);

    assertThat(ImageProbe.probe(jpg)).isEqualTo(new ImageInfo(ImageFormat.JPEG, 128, 64, jpg.length));
  }

  @Test
  void refusesWhatIsNotPngOrJpeg() {
    assertThatThrownBy(() -> ImageProbe.probe("GIF89a\1\0\1\0".getBytes(StandardCharsets.ISO_8859_1)))
        .hasMessage("is not a PNG or JPEG image");
    assertThatThrownBy(() -> ImageProbe.probe("<svg/>".getBytes(StandardCharsets.UTF_8)))
        .hasMessage("is not a PNG or JPEG image");
    assertThatThrownBy(() -> ImageProbe.probe(new byte[0])).hasMessage("is empty");
    assertThatThrownBy(() -> ImageProbe.probe(null)).hasMessage("is empty");
  }

  @Test
  void refusesTruncatedOrCorruptPng() {
    byte[] png = Images.plain("png", 32, 32);

    assertThatThrownBy(() -> ImageProbe.probe(Arrays.copyOf(png, 20))).hasMessage("is a truncated PNG image");
    assertThatThrownBy(() -> ImageProbe.probe(Arrays.copyOf(png, png.length - 4)))
        .hasMessage("is a truncated PNG image");
    byte[] corrupt = png.clone();
    corrupt[18] ^= 0x01; // a byte of the width, inside IHDR
    assertThatThrownBy(() -> ImageProbe.probe(corrupt)).hasMessageContaining("fails its CRC");
    assertThatThrownBy(() -> ImageProbe.probe(Arrays.copyOf(png, 8))).hasMessage("is a truncated PNG image");
  }

  @Test
  void refusesPngWhoseFirstChunkIsNotIhdr() {
    byte[] png = Images.plain("png", 32, 32);
    byte[] renamed = png.clone();
    renamed[12] = 'X';

    assertThatThrownBy(() -> ImageProbe.probe(renamed)).hasMessage("is a PNG image without an IHDR chunk first");
  }

  @Test
  void refusesTruncatedOrFramelessJpeg() {
    byte[] jpg = Images.plain("jpg", 32, 32);

    assertThatThrownBy(() -> ImageProbe.probe(Arrays.copyOf(jpg, 3))).hasMessageContaining("JPEG");
    assertThatThrownBy(() -> ImageProbe.probe(Arrays.copyOf(jpg, 30))).hasMessageContaining("truncated");
    assertThatThrownBy(() -> ImageProbe.probe(bytes(0xff, 0xd8, 0xff, 0xda, 0x00, 0x02, 0xff, 0xd9)))
        .hasMessage("is a JPEG image without a frame header before its scan data");
    assertThatThrownBy(() -> ImageProbe.probe(bytes(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x02, 0x12, 0x34)))
        .hasMessage("is a truncated or corrupt JPEG image");
  }
}
