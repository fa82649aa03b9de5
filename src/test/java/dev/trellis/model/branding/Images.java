package dev.trellis.model.branding;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.ImageIO;

/** Real images written in memory by ImageIO, for the branding tests. */
final class Images {

  private Images() {}

  /** A one-colour image: compresses to a few hundred bytes. */
  static byte[] plain(String format, int width, int height) {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(new Color(0x1a, 0x2b, 0x3c));
    g.fillRect(0, 0, width, height);
    g.dispose();
    return write(img, format);
  }

  /** Random pixels: hardly compresses, so it is large for its dimensions. */
  static byte[] noise(String format, int width, int height) {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(7);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        img.setRGB(x, y, random.nextInt(0xffffff));
      }
    }
    return write(img, format);
  }

  private static byte[] write(BufferedImage img, String format) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      if (!ImageIO.write(img, format, out)) {
        throw new IllegalStateException("no writer for " + format);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
